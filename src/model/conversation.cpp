// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/conversation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace rg::model {

using namespace Qt::StringLiterals;

QJsonObject Conversation::toJson() const
{
    QJsonArray list;
    for (const Message &message : messages)
        list.append(message.toJson());
    QJsonObject json{{u"id"_s, id}, {u"messages"_s, list}};
    if (!caseContext.isEmpty())
        json.insert(u"case"_s, caseContext);
    return json;
}

Result<Conversation> Conversation::fromJson(const QJsonObject &json)
{
    Conversation conversation;
    const QJsonValue id = json.value(u"id"_s);
    if (id.isString())
        conversation.id = id.toString();
    else if (id.isDouble() && id.toDouble() == std::floor(id.toDouble())
             && std::abs(id.toDouble()) <= 9007199254740992.0)
        conversation.id = QString::number(id.toInteger());
    else
        return Error{u"id: expected a string or a whole number"_s};

    const QJsonValue messages = json.value(u"messages"_s);
    if (!messages.isArray())
        return Error{u"messages: expected an array"_s};
    const QJsonArray list = messages.toArray();
    conversation.messages.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto message = Message::fromJson(list.at(i), u"messages[%1]"_s.arg(i));
        if (!message)
            return Error{message.error()};
        conversation.messages.append(std::move(message).value());
    }

    const QJsonValue caseContext = json.value(u"case"_s);
    if (caseContext.isObject())
        conversation.caseContext = caseContext.toObject();
    else if (!caseContext.isUndefined() && !caseContext.isNull())
        return Error{u"case: expected an object"_s};
    return conversation;
}

/*!
 * Parses one line of transcript JSONL. Errors say what is wrong and where: a JSON syntax error
 * names the character offset, a schema error the JSON path.
 */
Result<Conversation> Conversation::fromJsonLine(QByteArrayView line)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{u"not valid JSON at character %1: %2"_s.arg(parseError.offset)
                         .arg(parseError.errorString())};
    }
    if (!document.isObject())
        return Error{u"expected a JSON object"_s};
    return fromJson(document.object());
}

} // namespace rg::model
