// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detect/matcher.h"
#include "model/case.h"
#include "model/conversation.h"
#include "policy/policypack.h"
#include "risk/fusion.h"
#include "risk/riskscorer.h"

#include <QDateTime>

#include <optional>
#include <vector>

namespace rg::batch {

// A policy that fired on one turn: an agent message or an action.
struct Violation
{
    int turn = 0;
    QString policy;
    policy::Severity severity = policy::Severity::Warn;
    QString message;
};

struct TurnDecision
{
    int turn = 0;
    policy::Decision decision;
};

struct Judgement
{
    std::optional<model::Case> caseData;
    detect::Detection detection;
    risk::Assessment assessment;
    std::vector<TurnDecision> decisions; // one per action and per agent message a policy judged
    std::vector<Violation> violations;   // the fired policies of those decisions, in turn order
};

// Use me to judge a whole conversation the way the agent would see it: cues, risk fused with
// the case (when the conversation carries one), and each action and agent message against the
// policies. Without policies or weights those parts are skipped.
class Judge final
{
public:
    Judge(const policy::PolicyPack *policies, const risk::FusionWeights *weights);

    // \a now counts time windows for cases without a contact start time.
    Result<Judgement> judge(const model::Conversation &conversation, detect::Matcher &matcher,
                            const QDateTime &now) const;

private:
    const policy::PolicyPack *m_policies;
    const risk::FusionWeights *m_weights;
};

} // namespace rg::batch
