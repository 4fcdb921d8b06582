// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/feedevent.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <optional>

namespace rg::feed {

using namespace Qt::StringLiterals;

namespace {

// Client text quoted back in an error: short, so an error can neither grow large nor be filled
// with the sender's own words.
constexpr qsizetype kMaxEchoLength = 40;

QString quoted(const QString &text)
{
    return u"\""_s + (text.size() <= kMaxEchoLength ? text : text.first(kMaxEchoLength) + u"..."_s)
           + u"\""_s;
}

// RFC 6901: "~" and "/" inside a member name are escaped.
QString pointer(const QString &member)
{
    QString escaped = member;
    escaped.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
    return u'/' + escaped;
}

Error errorAt(const QString &member, const QString &message)
{
    return Error{pointer(member) + u": "_s + message};
}

constexpr FeedEventType kTypes[] = {FeedEventType::CaseOpened, FeedEventType::Message,
                                    FeedEventType::AgentAction, FeedEventType::CaseClosed};

QSet<QString> membersOf(FeedEventType type)
{
    switch (type) {
    case FeedEventType::CaseOpened:
        return {u"type"_s, u"conversation_id"_s, u"case_id"_s};
    case FeedEventType::Message:
        return {u"type"_s, u"conversation_id"_s, u"role"_s, u"text"_s, u"time"_s};
    case FeedEventType::AgentAction:
        return {u"type"_s, u"conversation_id"_s, u"action"_s};
    case FeedEventType::CaseClosed:
        return {u"type"_s, u"conversation_id"_s};
    }
    return {};
}

// An id names a conversation or case in logs and in the UI: non-empty, bounded, and free of
// control characters that could forge log lines or hide text.
Result<QString> readId(const QJsonObject &object, const QString &member)
{
    const QJsonValue value = object.value(member);
    if (value.isUndefined())
        return errorAt(member, u"missing"_s);
    if (!value.isString())
        return errorAt(member, u"expected a string"_s);
    const QString id = value.toString();
    if (id.isEmpty())
        return errorAt(member, u"must not be empty"_s);
    if (id.size() > kMaxEventIdLength)
        return errorAt(member, u"longer than %1 characters"_s.arg(kMaxEventIdLength));
    for (const QChar c : id) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return errorAt(member, u"must not contain control or format characters"_s);
    }
    return id;
}

Result<bool> readMessage(const QJsonObject &object, FeedEvent &event)
{
    const QJsonValue role = object.value(u"role"_s);
    if (role.isUndefined())
        return errorAt(u"role"_s, u"missing"_s);
    const std::optional<model::Role> parsed
        = role.isString() ? model::roleFromName(role.toString()) : std::nullopt;
    // Role::Action is a transcript's way to carry an action; the feed has agent_action for it.
    if (!parsed || *parsed == model::Role::Action)
        return errorAt(u"role"_s, u"expected customer, agent or system"_s);
    event.role = *parsed;

    const QJsonValue text = object.value(u"text"_s);
    if (text.isUndefined())
        return errorAt(u"text"_s, u"missing"_s);
    if (!text.isString())
        return errorAt(u"text"_s, u"expected a string"_s);
    event.text = text.toString();
    if (event.text.toUtf8().size() > kMaxEventTextBytes)
        return errorAt(u"text"_s, u"longer than %1 bytes of UTF-8"_s.arg(kMaxEventTextBytes));

    const QJsonValue time = object.value(u"time"_s);
    if (time.isUndefined())
        return true;
    const QString timeText = time.toString();
    const QDateTime parsedTime = QDateTime::fromString(timeText, Qt::ISODateWithMs);
    // Without an offset the sender's local time would be read as ours.
    const bool hasOffset = timeText.endsWith(u'Z') || timeText.endsWith(u'z')
                           || (timeText.size() > 6
                               && (timeText.at(timeText.size() - 6) == u'+'
                                   || timeText.at(timeText.size() - 6) == u'-'));
    if (!time.isString() || !parsedTime.isValid() || !hasOffset) {
        return errorAt(u"time"_s, u"expected an ISO 8601 date and time with an offset, "
                                  "e.g. 2026-03-01T12:00:00Z"_s);
    }
    event.time = parsedTime.toUTC();
    return true;
}

} // namespace

QString feedEventTypeName(FeedEventType type)
{
    switch (type) {
    case FeedEventType::CaseOpened:
        return u"case_opened"_s;
    case FeedEventType::Message:
        return u"message"_s;
    case FeedEventType::AgentAction:
        return u"agent_action"_s;
    case FeedEventType::CaseClosed:
        return u"case_closed"_s;
    }
    return {};
}

// The event as the bridge receives it; fromJson(toJson()) gives the event back.
QJsonObject FeedEvent::toJson() const
{
    QJsonObject json{{u"type"_s, feedEventTypeName(type)}, {u"conversation_id"_s, conversationId}};
    switch (type) {
    case FeedEventType::CaseOpened:
        json.insert(u"case_id"_s, caseId);
        break;
    case FeedEventType::Message:
        json.insert(u"role"_s, model::roleName(role));
        json.insert(u"text"_s, text);
        if (time.isValid())
            json.insert(u"time"_s, time.toUTC().toString(Qt::ISODateWithMs));
        break;
    case FeedEventType::AgentAction:
        json.insert(u"action"_s, action);
        break;
    case FeedEventType::CaseClosed:
        break;
    }
    return json;
}

// Reads one event strictly: an unknown type, a missing or ill-typed member, a member the type
// does not have, an over-long text or id all fail, with an error that starts with the JSON
// pointer of the culprit ("/role: expected customer, agent or system"). Events come from other
// programs; refusing what we do not understand beats guessing what they meant.
Result<FeedEvent> FeedEvent::fromJson(const QJsonValue &json)
{
    if (!json.isObject())
        return Error{u"(root): expected a JSON object"_s};
    const QJsonObject object = json.toObject();

    const QJsonValue typeValue = object.value(u"type"_s);
    if (typeValue.isUndefined())
        return errorAt(u"type"_s, u"missing"_s);
    if (!typeValue.isString())
        return errorAt(u"type"_s, u"expected a string"_s);
    std::optional<FeedEventType> type;
    for (const FeedEventType candidate : kTypes) {
        if (typeValue.toString() == feedEventTypeName(candidate))
            type = candidate;
    }
    if (!type) {
        return errorAt(u"type"_s,
                       u"unknown event type %1; expected case_opened, message, "
                       "agent_action or case_closed"_s.arg(quoted(typeValue.toString())));
    }

    const QSet<QString> members = membersOf(*type);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!members.contains(it.key()))
            return errorAt(it.key(), u"not a member of %1 events"_s.arg(typeValue.toString()));
    }

    FeedEvent event;
    event.type = *type;
    const Result<QString> conversation = readId(object, u"conversation_id"_s);
    if (!conversation)
        return Error{conversation.error()};
    event.conversationId = conversation.value();

    switch (event.type) {
    case FeedEventType::CaseOpened: {
        const Result<QString> caseId = readId(object, u"case_id"_s);
        if (!caseId)
            return Error{caseId.error()};
        event.caseId = caseId.value();
        break;
    }
    case FeedEventType::Message: {
        const Result<bool> read = readMessage(object, event);
        if (!read)
            return Error{read.error()};
        break;
    }
    case FeedEventType::AgentAction: {
        const QJsonValue action = object.value(u"action"_s);
        if (action.isUndefined())
            return errorAt(u"action"_s, u"missing"_s);
        if (!action.isObject())
            return errorAt(u"action"_s, u"expected an object"_s);
        // The policy engine keys on the action's type; one without it cannot be checked.
        const QJsonValue actionType = action.toObject().value(u"type"_s);
        if (!actionType.isString() || actionType.toString().isEmpty())
            return Error{u"/action/type: expected a non-empty string"_s};
        event.action = action.toObject();
        break;
    }
    case FeedEventType::CaseClosed:
        break;
    }
    return event;
}

// Parses \a jsonText (one event, UTF-8 JSON) as fromJson does; malformed JSON is reported with
// its offset.
Result<FeedEvent> FeedEvent::parse(QByteArrayView jsonText)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(jsonText.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) {
        return Error{
            u"malformed JSON at offset %1: %2"_s.arg(error.offset).arg(error.errorString())};
    }
    if (!document.isObject())
        return Error{u"(root): expected a JSON object"_s};
    return fromJson(document.object());
}

} // namespace rg::feed
