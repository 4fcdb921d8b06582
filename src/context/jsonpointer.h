// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace rg::context {

// Use me to address one value inside a JSON document by an RFC 6901 pointer ("/a/0/b~1c").
class JsonPointer final
{
public:
    JsonPointer() = default; // the whole document ("")

    static Result<JsonPointer> parse(const QString &text);

    bool isRoot() const { return m_tokens.isEmpty(); }
    const QStringList &tokens() const { return m_tokens; }
    QString toString() const;

    std::optional<QJsonValue> resolve(const QJsonValue &document) const;
    Result<QJsonValue> insert(const QJsonValue &document, const QJsonValue &value) const;

    friend bool operator==(const JsonPointer &, const JsonPointer &) = default;

private:
    QStringList m_tokens; // unescaped reference tokens
};

} // namespace rg::context
