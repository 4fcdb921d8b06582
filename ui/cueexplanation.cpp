// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cueexplanation.h"

#include <QCoreApplication>

#include <array>

namespace rg::ui {

namespace {

struct Explanation
{
    const char *cue;
    const char *text;
};

// The definitions of CUES.md, said to the agent: what the customer does and why it is a warning.
// Every id of model::cues() has a line (tst_trainerwindow checks it).
constexpr std::array kExplanations{
    Explanation{"urgency",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "An explicit push for speed (\"do it now\", \"hurry\") meant to "
                                  "make you skip steps; a date stated as a fact is not this cue.")},
    Explanation{"authority",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "A claim of rank, status or prior approval (\"your supervisor "
                                  "already approved it\") meant to override the process.")},
    Explanation{"verification_bypass",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "Avoiding, shortcutting or refusing identity verification "
                                  "(\"skip the security questions\", \"just use this email\").")},
    Explanation{"off_platform",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "Moving contact or payment off the official channels (Telegram, "
                                  "a personal phone or email), where nothing is recorded.")},
    Explanation{"bribe",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "Offering you money, a gift, a cut or a side job: an attempt to "
                                  "recruit you, to be reported, never negotiated.")},
    Explanation{"refund_jargon",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "Vocabulary of the refunding scene (DNA, EB, FTID, boxing, \"pro "
                                  "refunder\"): the customer knows the playbook.")},
    Explanation{"claim_non_receipt",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "Says the parcel never arrived: neutral evidence on its own, to "
                                  "be weighed against the delivery record.")},
    Explanation{"claim_empty_or_wrong",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "Says the box was empty, the item wrong or swapped, or parts "
                                  "missing: neutral evidence, the core of the empty-box scheme.")},
    Explanation{"account_change",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "Asks to change the email, phone, password, address or payment "
                                  "method during the contact: a sign of a taken-over account.")},
    Explanation{"payment_redirect",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "Wants the refund paid somewhere other than the original payment "
                                  "method (gift card, another account, crypto).")},
    Explanation{"suspicious_link",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "Sends you a URL or file link, whatever it claims to be: it may "
                                  "be phishing or a forged proof.")},
    Explanation{"credential_request",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "Asks you for internal data, logins, codes, account details on "
                                  "file or screenshots of your tools, or to install software.")},
    Explanation{"threat_pressure",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "Threats or emotional leverage (a chargeback, a public post, a "
                                  "lawyer, your job) to make you give in.")},
    Explanation{"process_steering",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "Tells you which internal action or exception to use (\"mark it "
                                  "as lost in transit\"): customers rarely know those names.")},
    Explanation{"agent_pii_disclosure",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "You disclosed account details (full address, email, phone, more "
                                  "than the last four card digits) to someone not yet verified.")},
    Explanation{"agent_off_platform",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "You agreed to or proposed contact outside the official "
                                  "channels.")},
    Explanation{"agent_commitment",
                QT_TRANSLATE_NOOP("CueExplanation",
                                  "You promised a refund or an exception before the checks were "
                                  "done.")},
};

} // namespace

QString cueExplanation(const QString &cueId)
{
    for (const Explanation &explanation : kExplanations) {
        if (cueId == QLatin1StringView(explanation.cue))
            return QCoreApplication::translate("CueExplanation", explanation.text);
    }
    return {};
}

} // namespace rg::ui
