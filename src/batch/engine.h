// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/judge.h"
#include "detect/matcher.h"
#include "detect/rulepack.h"
#include "model/conversation.h"
#include "model/result.h"
#include "policy/policypack.h"
#include "risk/fusion.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace rg::batch {

// Built-in data compiled in from resources/ (link rg_resources to have them).
inline const QString kDefaultRulePack = QStringLiteral(":/rulepacks/default.json");
inline const QString kDefaultPolicies = QStringLiteral(":/policies");
inline const QString kDefaultFusionWeights = QStringLiteral(":/risk/fusion.json");

// Use me to hold what judging needs, loaded once: the compiled rules, the policies and the
// fusion weights. Not thread-safe (the matcher keeps scratch state): one per thread.
struct Engine
{
    std::unique_ptr<detect::Matcher> matcher;
    policy::PolicyPack policies;
    risk::FusionWeights weights;

    static Result<std::unique_ptr<Engine>> load(const QString &rulePack = kDefaultRulePack,
                                                const QString &policies = kDefaultPolicies,
                                                const QString &weights = kDefaultFusionWeights);
    // The same from packs already loaded (verified packs are parsed from their checked bytes).
    static Result<std::unique_ptr<Engine>>
    fromPacks(detect::RulePack rulePack, policy::PolicyPack policies,
              const QString &weights = kDefaultFusionWeights);

    Result<Judgement> judge(const model::Conversation &conversation, const QDateTime &now);
};

// A proposed action judged in its context: the decision on it, and the judgement of the
// conversation with the action as its last turn.
struct ActionCheck
{
    QJsonObject action; // as validated
    policy::Decision decision;
    Judgement judgement;
};

Result<ActionCheck> checkAction(Engine &engine, model::Conversation conversation,
                                const QJsonObject &action, const QString &actionPath,
                                const QDateTime &now);

} // namespace rg::batch
