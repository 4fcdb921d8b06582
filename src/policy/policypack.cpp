// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/policypack.h"

#include "model/jsontext.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace rg::policy {

using namespace Qt::StringLiterals;

namespace {

const QStringList kKnownActions{u"refund"_s, u"replacement"_s, u"concession"_s,
                                u"account_change"_s, u"agent_message"_s};

// The value at a dotted path of facts, as JSON Logic's "var" would read it.
QJsonValue lookup(const QJsonObject &facts, QStringView path)
{
    QJsonValue value = facts;
    for (QStringView key : path.split(u'.')) {
        if (value.isObject())
            value = value.toObject().value(key);
        else if (value.isArray())
            value = value.toArray().at(key.toInt());
        else
            return QJsonValue::Null;
    }
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

QString display(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 12);
    case QJsonValue::Bool:
        return value.toBool() ? u"yes"_s : u"no"_s;
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(display(item));
        return items.join(u", "_s);
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return u"(none)"_s;
}

// Fills {dotted.path} placeholders of a policy message with the facts' values; a brace that
// does not close a lower-case path stays as written.
QString fillMessage(const QString &message, const QJsonObject &facts)
{
    const auto isPathChar = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'.';
    };
    QString out;
    out.reserve(message.size() + 32);
    qsizetype last = 0;
    for (qsizetype open = message.indexOf(u'{'); open >= 0; open = message.indexOf(u'{', open + 1)) {
        qsizetype close = open + 1;
        while (close < message.size() && isPathChar(message[close]))
            ++close;
        if (close == open + 1 || close == message.size() || message[close] != u'}')
            continue;
        out += QStringView(message).sliced(last, open - last);
        out += display(lookup(facts, QStringView(message).sliced(open + 1, close - open - 1)));
        last = close + 1;
    }
    return out + message.sliced(last);
}

QJsonObject factsJson(const std::vector<FactRead> &reads)
{
    QJsonObject facts;
    for (const FactRead &read : reads)
        facts.insert(read.path, read.value);
    return facts;
}

} // namespace

QString severityName(Severity severity)
{
    return severity == Severity::Block ? u"block"_s : u"warn"_s;
}

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Allow:
        return u"allow"_s;
    case Verdict::Warn:
        return u"warn"_s;
    case Verdict::Block:
        return u"block"_s;
    }
    return {};
}

/*!
 * Reads one policy file. Every field is checked; errors name \a source and the field.
 * Format: {"format": 1, "id", "title", "severity": "warn"|"block", "citation",
 * "actions": [...], "condition": <JSON Logic>, "message"}.
 */
Result<Policy> Policy::parse(const QByteArray &json, const QString &source)
{
    const auto document = model::parseJsonText(json, source);
    if (!document)
        return Error{document.error()};
    if (!document.value().isObject())
        return Error{source + u": a policy is a JSON object"_s};
    const QJsonObject root = document.value().object();
    const auto fail = [&](const QString &field, const QString &problem) {
        return Error{source + u": field \""_s + field + u"\": "_s + problem};
    };
    static const QSet<QString> known{u"format"_s,  u"id"_s,        u"title"_s,
                                     u"severity"_s, u"citation"_s, u"actions"_s,
                                     u"condition"_s, u"message"_s, u"description"_s};
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(it.key(), u"unknown field"_s);
    }
    if (root.value(u"format"_s).toInt() != kFormat)
        return fail(u"format"_s, u"unsupported format (this build reads format %1)"_s.arg(kFormat));

    Policy policy;
    const auto text = [&](const QString &field, QString &into) -> std::optional<Error> {
        const QJsonValue value = root.value(field);
        if (!value.isString() || value.toString().trimmed().isEmpty())
            return fail(field, u"expected a non-empty string"_s);
        into = value.toString();
        return std::nullopt;
    };
    for (auto [field, into] : {std::pair{u"id"_s, &policy.id}, {u"title"_s, &policy.title},
                               {u"citation"_s, &policy.citation}, {u"message"_s, &policy.message}}) {
        if (auto error = text(field, *into))
            return *error;
    }
    static const QRegularExpression idPattern(u"^[a-z0-9][a-z0-9-]*$"_s);
    if (!idPattern.match(policy.id).hasMatch())
        return fail(u"id"_s, u"\"%1\" is not lower-case letters, digits and dashes"_s.arg(policy.id));

    const QString severity = root.value(u"severity"_s).toString();
    if (severity == u"warn"_s)
        policy.severity = Severity::Warn;
    else if (severity == u"block"_s)
        policy.severity = Severity::Block;
    else
        return fail(u"severity"_s, u"expected \"warn\" or \"block\""_s);

    const QJsonValue actions = root.value(u"actions"_s);
    if (!actions.isArray() || actions.toArray().isEmpty())
        return fail(u"actions"_s, u"expected a non-empty array of action types"_s);
    for (const QJsonValue &action : actions.toArray()) {
        if (!action.isString() || !kKnownActions.contains(action.toString())) {
            return fail(u"actions"_s, u"unknown action type \"%1\" (expected %2)"_s.arg(
                                          action.toString(), kKnownActions.join(u", "_s)));
        }
        policy.actions.append(action.toString());
    }

    if (!root.contains(u"condition"_s))
        return fail(u"condition"_s, u"missing"_s);
    auto condition = Logic::compile(root.value(u"condition"_s));
    if (!condition)
        return fail(u"condition"_s, condition.error());
    policy.condition = std::move(condition).value();
    return policy;
}

QJsonObject Decision::toJson() const
{
    QJsonArray policies;
    for (const FiredPolicy &policy : fired) {
        policies.append(QJsonObject{{u"id"_s, policy.id},
                                    {u"title"_s, policy.title},
                                    {u"severity"_s, severityName(policy.severity)},
                                    {u"citation"_s, policy.citation},
                                    {u"message"_s, policy.message},
                                    {u"facts"_s, factsJson(policy.facts)}});
    }
    QJsonObject json{{u"decision"_s, verdictName(verdict)}, {u"policies"_s, policies}};
    if (!errors.empty()) {
        QJsonArray list;
        for (const PolicyError &error : errors)
            list.append(QJsonObject{{u"policy"_s, error.policy}, {u"error"_s, error.message}});
        json.insert(u"errors"_s, list);
    }
    return json;
}

/*!
 * Loads every *.json file of \a path (a folder, or a resource folder such as ":/policies"),
 * in name order. Policy ids must be unique across the folder.
 */
Result<PolicyPack> PolicyPack::loadDirectory(const QString &path)
{
    const QDir dir(path);
    if (!dir.exists())
        return Error{path + u": no such policy folder"_s};
    std::vector<Policy> policies;
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        const QString file = dir.filePath(name);
        const auto bytes = model::readFileBytes(file);
        if (!bytes)
            return Error{bytes.error()};
        auto policy = Policy::parse(bytes.value(), file);
        if (!policy)
            return Error{policy.error()};
        policies.push_back(std::move(policy).value());
    }
    if (policies.empty())
        return Error{path + u": no policy files (*.json) in this folder"_s};
    return fromPolicies(std::move(policies));
}

Result<PolicyPack> PolicyPack::fromPolicies(std::vector<Policy> policies)
{
    QSet<QString> ids;
    for (const Policy &policy : policies) {
        if (ids.contains(policy.id))
            return Error{u"policy id \"%1\" is defined twice"_s.arg(policy.id)};
        ids.insert(policy.id);
    }
    PolicyPack pack;
    pack.m_policies = std::move(policies);
    return pack;
}

/*!
 * A policy whose condition cannot be evaluated (a runtime error of its JSON Logic) does not
 * fire, but it makes the decision at least "warn" and is named in Decision::errors: a broken
 * policy must never pass for an allowed action.
 */
Decision PolicyPack::decide(const QJsonObject &facts) const
{
    Decision decision;
    const QString actionType = facts.value(u"action"_s).toObject().value(u"type"_s).toString();
    LookupCache lookups; // the policies read many of the same facts
    const QJsonValue data = facts;
    for (const Policy &policy : m_policies) {
        if (!policy.actions.contains(actionType))
            continue;
        const auto result = policy.condition.evaluate(data, nullptr, &lookups);
        if (!result) {
            decision.errors.push_back({policy.id, result.error()});
            decision.verdict = std::max(decision.verdict, Verdict::Warn);
            continue;
        }
        if (!truthy(result.value()))
            continue;
        // Most policies hold back; only one that fires is evaluated again to record what it read
        // (the same facts, so the same result).
        std::vector<FactRead> reads;
        reads.reserve(8);
        [[maybe_unused]] const auto recorded = policy.condition.evaluate(data, &reads, &lookups);
        decision.fired.push_back({policy.id, policy.title, policy.severity, policy.citation,
                                  fillMessage(policy.message, facts), std::move(reads)});
        decision.verdict = std::max(decision.verdict, policy.severity == Severity::Block
                                                           ? Verdict::Block
                                                           : Verdict::Warn);
    }
    return decision;
}

} // namespace rg::policy
