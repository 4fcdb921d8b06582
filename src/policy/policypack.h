// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"
#include "policy/jsonlogic.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace rg::policy {

enum class Severity { Warn, Block };
enum class Verdict { Allow, Warn, Block };

QString severityName(Severity severity);
QString verdictName(Verdict verdict);

// One written policy: when an action of the listed types meets the condition, the agent is
// warned or blocked, with the citation they can quote.
struct Policy
{
    static constexpr int kFormat = 1;

    QString id;
    QString title;
    Severity severity = Severity::Warn;
    QString citation;
    QStringList actions; // action types it applies to ("refund", ..., "agent_message")
    QString message;     // may name facts as {action.amount}
    Logic condition;

    static Result<Policy> parse(const QByteArray &json, const QString &source);
};

// A policy that fired, with the facts its condition read and their values.
struct FiredPolicy
{
    QString id;
    QString title;
    Severity severity = Severity::Warn;
    QString citation;
    QString message; // facts filled in
    std::vector<FactRead> facts;
};

// A policy whose condition could not be evaluated.
struct PolicyError
{
    QString policy;
    QString message;
};

struct Decision
{
    Verdict verdict = Verdict::Allow;
    std::vector<FiredPolicy> fired;
    std::vector<PolicyError> errors; // the verdict is then at least warn

    QJsonObject toJson() const;
};

// Use me to load the policies from a folder of JSON files (or the built-in ":/policies") and
// judge proposed actions. Loading is all or nothing: a broken file is an error naming it.
class PolicyPack final
{
public:
    static Result<PolicyPack> loadDirectory(const QString &path);
    static Result<PolicyPack> fromPolicies(std::vector<Policy> policies);

    // Judges the action in facts ({case, conversation, action, agent}) against every policy
    // that applies to facts.action.type.
    Decision decide(const QJsonObject &facts) const;

    const std::vector<Policy> &policies() const { return m_policies; }

private:
    std::vector<Policy> m_policies;
};

} // namespace rg::policy
