// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detect/matcher.h"
#include "model/case.h"
#include "model/conversation.h"
#include "policy/facts.h"
#include "policy/policypack.h"
#include "risk/fusion.h"
#include "risk/riskscorer.h"

#include <QDateTime>
#include <QJsonObject>

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

// Use me to judge a conversation that grows a turn at a time, as a live chat does: each update
// judges only the turns added since the last one, so a whole chat costs time linear in its
// length. A different case judges every turn again; otherwise an earlier turn keeps the decision
// it got when it was judged.
class LiveJudge final
{
public:
    LiveJudge(const policy::PolicyPack *policies, const risk::FusionWeights *weights);

    // \a conversation: the one of the last successful update with turns appended, or with
    // another case. On an error the judgement stays as it was.
    Result<bool> update(const model::Conversation &conversation, detect::Matcher &matcher,
                        const QDateTime &now);
    // None before the first successful update.
    const std::optional<Judgement> &judgement() const { return m_judgement; }

private:
    Result<bool> extend(const model::Conversation &conversation, detect::Matcher &matcher,
                        const QDateTime &now);

    const policy::PolicyPack *m_policies;
    const risk::FusionWeights *m_weights;
    QJsonObject m_caseJson; // the case the judgement was made with
    qsizetype m_turns = 0;  // turns judged
    std::optional<Judgement> m_judgement;
    std::optional<detect::SequenceFinder> m_sequences;
    risk::CueTally m_cues;
    risk::ClaimTally m_claim;
    policy::ConversationTally m_tally;
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
