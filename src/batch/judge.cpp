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
    Judgement judgement;
    if (!conversation.caseContext.isEmpty()) {
        auto parsed = model::Case::fromJson(conversation.caseContext);
        if (!parsed)
            return Error{u"case"_s + parsed.error()};
        judgement.caseData = std::move(parsed).value();
    }
    // The conversation as judged: every action checked and, with a case, naming its order.
    model::Conversation judged = conversation;
    for (qsizetype turn = 0; turn < judged.messages.size(); ++turn) {
        model::Message &message = judged.messages[turn];
        if (message.role != model::Role::Action)
            continue;
        const QString path = u"messages[%1].action"_s.arg(turn);
        auto valid = policy::validateAction(message.action, path);
        if (!valid)
            return Error{valid.error()};
        if (judgement.caseData) {
            valid = policy::resolveOrder(valid.value(), *judgement.caseData, path);
            if (!valid)
                return Error{valid.error()};
        }
        message.action = std::move(valid).value();
    }

    judgement.detection = matcher.scan(judged);
    std::vector<risk::CaseSignal> caseSignals;
    if (judgement.caseData && m_weights) {
        caseSignals = risk::caseSignals(*judgement.caseData, judged.messages,
                                    judgement.detection.findings, *m_weights, now);
    }
    judgement.assessment =
        risk::assess(judgement.detection.findings, judgement.detection.sequences, caseSignals);

    if (!m_policies)
        return judgement;
    const policy::FactsBuilder facts(judgement.caseData, now);
    for (qsizetype turn = 0; turn < judged.messages.size(); ++turn) {
        const model::Role role = judged.messages[turn].role;
        if (role != model::Role::Action && role != model::Role::Agent)
            continue;
        policy::Decision decision = m_policies->decide(
            facts.facts(judged.messages, judgement.detection.findings, int(turn)));
        if (role == model::Role::Agent && decision.fired.empty() && decision.errors.empty())
            continue;
        for (const policy::FiredPolicy &fired : decision.fired)
            judgement.violations.push_back({int(turn), fired.id, fired.severity, fired.message});
        // A policy that could not be judged is reported, never taken for "allowed".
        for (const policy::PolicyError &error : decision.errors) {
            judgement.violations.push_back({int(turn), error.policy, policy::Severity::Warn,
                                            u"could not be evaluated: "_s + error.message});
        }
        judgement.decisions.push_back({int(turn), std::move(decision)});
    }
    return judgement;
}

} // namespace rg::batch
