// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/judge.h"

#include "policy/facts.h"

namespace rg::batch {

using namespace Qt::StringLiterals;

Judge::Judge(const policy::PolicyPack *policies, const risk::FusionWeights *weights)
    : m_policies(policies), m_weights(weights)
{}

/*!
 * A case that does not parse, or an action with a bad field or an order the case does not hold,
 * makes the whole conversation an error naming the place ("case/orders/0/value: ...",
 * "messages[4].action.amount: ..."): judging on half a case would present guesses as facts.
 */
Result<Judgement> Judge::judge(const model::Conversation &conversation, detect::Matcher &matcher,
                               const QDateTime &now) const
{
    LiveJudge live(m_policies, m_weights);
    auto judged = live.update(conversation, matcher, now);
    if (!judged)
        return Error{judged.error()};
    return *live.judgement();
}

LiveJudge::LiveJudge(const policy::PolicyPack *policies, const risk::FusionWeights *weights)
    : m_policies(policies)
    , m_weights(weights)
{}

/*!
 * Judges the turns of \a conversation added since the last update, as Judge::judge() judges a
 * whole conversation; a new case (or a conversation shorter than the one judged) starts over.
 */
Result<bool> LiveJudge::update(const model::Conversation &conversation, detect::Matcher &matcher,
                               const QDateTime &now)
{
    if (m_judgement && conversation.caseContext == m_caseJson
        && conversation.messages.size() >= m_turns)
        return extend(conversation, matcher, now);
    LiveJudge fresh(m_policies, m_weights);
    fresh.m_caseJson = conversation.caseContext;
    fresh.m_sequences.emplace(matcher.sequences());
    fresh.m_judgement.emplace();
    if (!conversation.caseContext.isEmpty()) {
        auto parsed = model::Case::fromJson(conversation.caseContext);
        if (!parsed)
            return Error{u"case"_s + parsed.error()};
        fresh.m_judgement->caseData = std::move(parsed).value();
    }
    auto judged = fresh.extend(conversation, matcher, now);
    if (!judged)
        return judged;
    *this = std::move(fresh);
    return true;
}

Result<bool> LiveJudge::extend(const model::Conversation &conversation, detect::Matcher &matcher,
                               const QDateTime &now)
{
    Judgement &judgement = *m_judgement;
    const std::optional<model::Case> &caseData = judgement.caseData;
    // The new turns as judged: every action checked and, with a case, naming its order. All are
    // checked before any is taken, so an error leaves the judgement as it was.
    QList<model::Message> added = conversation.messages.mid(m_turns);
    for (qsizetype i = 0; i < added.size(); ++i) {
        model::Message &message = added[i];
        if (message.role != model::Role::Action)
            continue;
        const QString path = u"messages[%1].action"_s.arg(m_turns + i);
        auto valid = policy::validateAction(message.action, path);
        if (!valid)
            return Error{valid.error()};
        if (caseData) {
            valid = policy::resolveOrder(valid.value(), *caseData, path);
            if (!valid)
                return Error{valid.error()};
        }
        message.action = std::move(valid).value();
    }

    std::optional<policy::FactsBuilder> facts;
    if (m_policies && !added.isEmpty())
        facts.emplace(caseData, now);
    std::vector<model::Finding> &findings = judgement.detection.findings;
    for (const model::Message &message : std::as_const(added)) {
        const int turn = int(m_turns++);
        for (model::Finding &finding : matcher.scanMessage(turn, message)) {
            m_cues.add(finding);
            m_claim.addFinding(finding);
            m_tally.addFinding(finding);
            findings.push_back(std::move(finding));
        }
        if (caseData)
            m_claim.addMessage(message, *caseData);
        if (facts && (message.role == model::Role::Action || message.role == model::Role::Agent)) {
            policy::Decision decision = m_policies->decide(facts->facts(m_tally, message, turn));
            if (message.role == model::Role::Action || !decision.fired.empty()
                || !decision.errors.empty()) {
                for (const policy::FiredPolicy &fired : decision.fired)
                    judgement.violations.push_back({turn, fired.id, fired.severity, fired.message});
                // A policy that could not be judged is reported, never taken for "allowed".
                for (const policy::PolicyError &error : decision.errors) {
                    judgement.violations.push_back({turn, error.policy, policy::Severity::Warn,
                                                    u"could not be evaluated: "_s + error.message});
                }
                judgement.decisions.push_back({turn, std::move(decision)});
            }
        }
        m_tally.addTurn(message);
    }

    m_sequences->update(findings);
    judgement.detection.sequences = m_sequences->hits();
    std::vector<risk::CaseSignal> caseSignals;
    if (caseData && m_weights)
        caseSignals = risk::caseSignals(*caseData, m_claim, *m_weights, now);
    judgement.assessment = risk::assessTallied(m_cues, judgement.detection.sequences, caseSignals);
    return true;
}

} // namespace rg::batch
