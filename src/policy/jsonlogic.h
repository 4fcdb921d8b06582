// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QJsonValue>
#include <QString>
#include <QtGlobal>

#include <memory>
#include <vector>

namespace rg::policy {

namespace Internal {
struct Node;
struct Lookups;
} // namespace Internal

// One value read through "var" or "missing" while evaluating: the dotted path as written and the
// value found (null when missing), so a decision can say which facts made it fire.
struct FactRead
{
    QString path;
    QJsonValue value;
};

// Use me when several rules read the same data document (the policies of one decision): each
// fact, and each object passed on the way to one, is looked up once for all of them. Valid for
// one data document only; not thread-safe (one per decision).
class LookupCache final
{
public:
    LookupCache();
    ~LookupCache();
    Q_DISABLE_COPY_MOVE(LookupCache)

    Internal::Lookups &lookups() { return *m_lookups; }

private:
    std::unique_ptr<Internal::Lookups> m_lookups;
};

// Use me to compile a JSON Logic rule (jsonlogic.com) once and evaluate it against many data
// documents, with the semantics of the reference implementation json-logic-js 2.0.5.
class Logic final
{
public:
    static constexpr int kMaxDepth = 256;

    Logic();

    static Result<Logic> compile(const QJsonValue &rule);

    Result<QJsonValue> evaluate(const QJsonValue &data, std::vector<FactRead> *reads = nullptr,
                                LookupCache *cache = nullptr) const;

private:
    explicit Logic(std::shared_ptr<const Internal::Node> root);

    std::shared_ptr<const Internal::Node> m_root; // immutable: evaluate() may run on many threads
};

Result<QJsonValue> apply(const QJsonValue &rule, const QJsonValue &data);

bool truthy(const QJsonValue &value);

} // namespace rg::policy
