// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/engine.h"

#include "policy/facts.h"

namespace rg::batch {

using namespace Qt::StringLiterals;

/*!
 * Loads the rule pack, the policies (a folder, or ":/policies") and the fusion weights; the
 * first that fails to load is the error.
 */
Result<std::unique_ptr<Engine>> Engine::load(const QString &rulePack, const QString &policies,
                                             const QString &weights)
{
    auto pack = detect::RulePack::load(rulePack);
    if (!pack)
        return Error{pack.error()};
    auto loadedPolicies = policy::PolicyPack::loadDirectory(policies);
    if (!loadedPolicies)
        return Error{loadedPolicies.error()};
    return fromPacks(std::move(pack).value(), std::move(loadedPolicies).value(), weights);
}

/*!
 * Compiles \a rulePack and loads the fusion weights beside \a policies.
 */
Result<std::unique_ptr<Engine>> Engine::fromPacks(detect::RulePack rulePack,
                                                  policy::PolicyPack policies,
                                                  const QString &weights)
{
    auto matcher = detect::Matcher::compile(std::move(rulePack));
    if (!matcher)
        return Error{matcher.error()};
    auto loadedWeights = risk::FusionWeights::load(weights);
    if (!loadedWeights)
        return Error{loadedWeights.error()};
    auto engine = std::make_unique<Engine>();
    engine->matcher = std::move(matcher).value();
    engine->policies = std::move(policies);
    engine->weights = std::move(loadedWeights).value();
    return engine;
}

Result<Judgement> Engine::judge(const model::Conversation &conversation, const QDateTime &now)
{
    const Judge judge(&policies, &weights);
    return judge.judge(conversation, *matcher, now);
}

/*!
 * Judges \a action as if the agent took it now, after the messages of \a conversation and with
 * its case: the decision is the one on that last turn. Errors name the action's field under
 * \a actionPath ("--action", "action").
 */
Result<ActionCheck> checkAction(Engine &engine, model::Conversation conversation,
                                const QJsonObject &action, const QString &actionPath,
                                const QDateTime &now)
{
    auto valid = policy::validateAction(action, actionPath);
    if (!valid)
        return Error{valid.error()};
    conversation.messages.append(model::Message{model::Role::Action, {}, valid.value()});
    auto judgement = engine.judge(conversation, now);
    if (!judgement)
        return Error{judgement.error()};
    ActionCheck check;
    check.action = std::move(valid).value();
    check.judgement = std::move(judgement).value();
    // The action is the last turn and actions are always decided, so its decision is last.
    if (check.judgement.decisions.empty()
        || check.judgement.decisions.back().turn != int(conversation.messages.size() - 1))
        return Error{actionPath + u": the policies gave no decision on the action"_s};
    check.decision = check.judgement.decisions.back().decision;
    return check;
}

} // namespace rg::batch
