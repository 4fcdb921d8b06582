// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/message.h"
#include "model/result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace rg::feed {

enum class FeedEventType { CaseOpened, Message, AgentAction, CaseClosed };

QString feedEventTypeName(FeedEventType type);

// Use me for one event of the live feed: a case opened or closed on a conversation, a chat
// message, or an action the agent took. Which members are set depends on type.
struct FeedEvent
{
    FeedEventType type = FeedEventType::Message;
    QString conversationId;
    QString caseId;                           // CaseOpened
    model::Role role = model::Role::Customer; // Message: Customer, Agent or System
    QString text;                             // Message
    QDateTime time;                           // Message, in UTC; invalid when not given
    QJsonObject action;                       // AgentAction, with a non-empty "type"

    QJsonObject toJson() const;
    static Result<FeedEvent> fromJson(const QJsonValue &json);
    static Result<FeedEvent> parse(QByteArrayView jsonText);

    friend bool operator==(const FeedEvent &, const FeedEvent &) = default;
};

// Limits on one event, in UTF-8 bytes for text and characters for ids.
inline constexpr qsizetype kMaxEventTextBytes = 64 * 1024;
inline constexpr qsizetype kMaxEventIdLength = 256;

} // namespace rg::feed

Q_DECLARE_METATYPE(rg::feed::FeedEvent)
