// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/cue.h"

#include <array>

namespace rg::model {

namespace {

using namespace Qt::StringLiterals;

constexpr std::array kCues{
    CueInfo{"urgency"_L1, Role::Customer, "Artificial time pressure"_L1},
    CueInfo{"authority"_L1, Role::Customer, "Claimed rank or prior approval"_L1},
    CueInfo{"verification_bypass"_L1, Role::Customer, "Avoiding identity verification"_L1},
    CueInfo{"off_platform"_L1, Role::Customer, "Moving contact off official channels"_L1},
    CueInfo{"bribe"_L1, Role::Customer, "Offering the agent money or a side job"_L1},
    CueInfo{"refund_jargon"_L1, Role::Customer, "Refund-scene vocabulary"_L1},
    CueInfo{"claim_non_receipt"_L1, Role::Customer, "Says the parcel never arrived"_L1},
    CueInfo{"claim_empty_or_wrong"_L1, Role::Customer, "Empty box, wrong or missing item"_L1},
    CueInfo{"account_change"_L1, Role::Customer, "Changes account details during the contact"_L1},
    CueInfo{"payment_redirect"_L1, Role::Customer, "Refund to another payment method"_L1},
    CueInfo{"suspicious_link"_L1, Role::Customer, "Sends a link"_L1},
    CueInfo{"credential_request"_L1, Role::Customer, "Asks for internal data or codes"_L1},
    CueInfo{"threat_pressure"_L1, Role::Customer, "Threats or emotional leverage"_L1},
    CueInfo{"process_steering"_L1, Role::Customer, "Tells the agent which internal action to use"_L1},
    CueInfo{"agent_pii_disclosure"_L1, Role::Agent, "Agent discloses account PII"_L1},
    CueInfo{"agent_off_platform"_L1, Role::Agent, "Agent moves contact off platform"_L1},
    CueInfo{"agent_commitment"_L1, Role::Agent, "Agent promises before checks"_L1},
};

} // namespace

std::span<const CueInfo> cues()
{
    return kCues;
}

std::optional<CueInfo> findCue(QStringView id)
{
    for (const CueInfo &cue : kCues) {
        if (id == cue.id)
            return cue;
    }
    return std::nullopt;
}

} // namespace rg::model
