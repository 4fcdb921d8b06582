// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/cue.h"

#include <QtGlobal>

#include <array>

namespace rg::model {

namespace {

using namespace Qt::StringLiterals;

// The titles are English; the user interface shows them in its language (context "CueTitle").
constexpr std::array kCues{
    CueInfo{"urgency"_L1, Role::Customer,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Artificial time pressure"))},
    CueInfo{"authority"_L1, Role::Customer,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Claimed rank or prior approval"))},
    CueInfo{"verification_bypass"_L1, Role::Customer,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Avoiding identity verification"))},
    CueInfo{
        "off_platform"_L1, Role::Customer,
        QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Moving contact off official channels"))},
    CueInfo{
        "bribe"_L1, Role::Customer,
        QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Offering the agent money or a side job"))},
    CueInfo{"refund_jargon"_L1, Role::Customer,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Refund-scene vocabulary"))},
    CueInfo{"claim_non_receipt"_L1, Role::Customer,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Says the parcel never arrived"))},
    CueInfo{"claim_empty_or_wrong"_L1, Role::Customer,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Empty box, wrong or missing item"))},
    CueInfo{"account_change"_L1, Role::Customer,
            QLatin1StringView(
                QT_TRANSLATE_NOOP("CueTitle", "Changes account details during the contact"))},
    CueInfo{"payment_redirect"_L1, Role::Customer,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Refund to another payment method"))},
    CueInfo{"suspicious_link"_L1, Role::Customer,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Sends a link"))},
    CueInfo{"credential_request"_L1, Role::Customer,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Asks for internal data or codes"))},
    CueInfo{"threat_pressure"_L1, Role::Customer,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Threats or emotional leverage"))},
    CueInfo{"process_steering"_L1, Role::Customer,
            QLatin1StringView(
                QT_TRANSLATE_NOOP("CueTitle", "Tells the agent which internal action to use"))},
    CueInfo{"agent_pii_disclosure"_L1, Role::Agent,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Agent discloses account PII"))},
    CueInfo{"agent_off_platform"_L1, Role::Agent,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Agent moves contact off platform"))},
    CueInfo{"agent_commitment"_L1, Role::Agent,
            QLatin1StringView(QT_TRANSLATE_NOOP("CueTitle", "Agent promises before checks"))},
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
