// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "context/jsonpointer.h"

#include <QJsonArray>
#include <QJsonObject>

namespace rg::context {

using namespace Qt::StringLiterals;

namespace {

// An array index as RFC 6901 spells it: "0" or digits without a leading zero. Anything else
// ("01", "+1", "1e3", "-") is not an index, so "/items/01" never finds items[1].
std::optional<qsizetype> arrayIndex(const QString &token)
{
    if (token.isEmpty() || token.size() > 15 || (token.size() > 1 && token.front() == u'0'))
        return std::nullopt;
    qsizetype index = 0;
    for (const QChar c : token) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        index = index * 10 + (c.unicode() - u'0');
    }
    return index;
}

QString escapeToken(QString token)
{
    // Order matters: "~" first, or the "~" of a fresh "~1" would be escaped again.
    return token.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
}

QString prefixOf(const QStringList &tokens, qsizetype count)
{
    QString text;
    for (qsizetype i = 0; i < count; ++i)
        text += u'/' + escapeToken(tokens[i]);
    return text;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Double:
        return u"number"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

Result<QJsonValue> insertAt(const QJsonValue &node, const QStringList &tokens, qsizetype depth,
                            const QJsonValue &value)
{
    if (depth == tokens.size())
        return value;
    const QString &token = tokens[depth];
    QJsonValue container = node;
    if (container.isUndefined() || container.isNull()) {
        // A missing parent is created as an array when the token addresses an element, so
        // "/orders/0/id" builds {"orders": [{"id": ...}]}.
        const bool element = token == u"-"_s || arrayIndex(token).has_value();
        container = element ? QJsonValue(QJsonArray()) : QJsonValue(QJsonObject());
    }
    if (container.isObject()) {
        QJsonObject object = container.toObject();
        auto child = insertAt(object.value(token), tokens, depth + 1, value);
        if (!child)
            return child;
        object.insert(token, child.value());
        return QJsonValue(object);
    }
    if (container.isArray()) {
        QJsonArray array = container.toArray();
        const auto parsed
            = token == u"-"_s ? std::optional<qsizetype>(array.size()) : arrayIndex(token);
        if (!parsed) {
            return Error{prefixOf(tokens, depth + 1) + u": \""_s + token
                         + u"\" is not an array index"_s};
        }
        const qsizetype index = *parsed;
        // Elements may be filled out of order ("/orders/10" sorts before "/orders/2"); the gap
        // holds nulls until its own field arrives, and a gap left over fails validation.
        while (array.size() < index)
            array.append(QJsonValue::Null);
        auto child = insertAt(index < array.size() ? array.at(index) : QJsonValue(), tokens,
                              depth + 1, value);
        if (!child)
            return child;
        if (index == array.size())
            array.append(child.value());
        else
            array.replace(index, child.value());
        return QJsonValue(array);
    }
    return Error{prefixOf(tokens, depth) + u": cannot hold \""_s + token + u"\" inside a "_s
                 + typeName(container)};
}

} // namespace

/*!
 * Parses the string form of an RFC 6901 pointer: "" is the whole document, anything else starts
 * with "/" and separates reference tokens with "/", spelling "~" as "~0" and "/" as "~1". A "~"
 * followed by anything else is an error.
 */
Result<JsonPointer> JsonPointer::parse(const QString &text)
{
    JsonPointer pointer;
    if (text.isEmpty())
        return pointer;
    if (text.front() != u'/')
        return Error{u"\""_s + text + u"\" is not a JSON pointer (it must start with \"/\")"_s};
    QString token;
    for (qsizetype i = 1; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == u'/') {
            pointer.m_tokens.append(token);
            token.clear();
            continue;
        }
        if (text[i] != u'~') {
            token += text[i];
            continue;
        }
        const QChar next = i + 1 < text.size() ? text[i + 1] : QChar();
        if (next == u'0')
            token += u'~';
        else if (next == u'1')
            token += u'/';
        else
            return Error{u"\""_s + text + u"\": \"~\" must be followed by 0 or 1 (RFC 6901)"_s};
        ++i;
    }
    return pointer;
}

/*!
 * The pointer in its RFC 6901 string form, escapes included; parse() reads it back.
 */
QString JsonPointer::toString() const
{
    return prefixOf(m_tokens, m_tokens.size());
}

/*!
 * The value the pointer addresses in \a document, or nothing when a token names a member or an
 * element that is not there ("-", the element after the last, is never there).
 */
std::optional<QJsonValue> JsonPointer::resolve(const QJsonValue &document) const
{
    QJsonValue node = document;
    for (const QString &token : m_tokens) {
        if (node.isObject()) {
            const QJsonObject object = node.toObject();
            const auto it = object.constFind(token);
            if (it == object.constEnd())
                return std::nullopt;
            node = it.value();
        } else if (node.isArray()) {
            const QJsonArray array = node.toArray();
            const auto index = arrayIndex(token);
            if (!index || *index >= array.size())
                return std::nullopt;
            node = array.at(*index);
        } else {
            return std::nullopt;
        }
    }
    if (node.isUndefined())
        return std::nullopt;
    return node;
}

/*!
 * A copy of \a document with \a value placed where the pointer points, creating missing parents
 * on the way (an array when the next token is an index or "-", an object otherwise). Fails when
 * a parent is a scalar or an array is addressed by something that is not an index.
 */
Result<QJsonValue> JsonPointer::insert(const QJsonValue &document, const QJsonValue &value) const
{
    return insertAt(document, m_tokens, 0, value);
}

} // namespace rg::context
