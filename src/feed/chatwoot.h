// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedevent.h"
#include "model/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <chrono>
#include <optional>

namespace rg::feed {

// How far a webhook's X-Chatwoot-Timestamp may be from our clock before it counts as a replay.
inline constexpr std::chrono::seconds kChatwootMaxClockSkew{5 * 60};

// Use me to check a relayed Chatwoot webhook: the signature alone, the timestamp alone, or both.
enum class ChatwootWebhookCheck { Valid, BadSignature, BadTimestamp, StaleTimestamp };

bool verifyChatwootSignature(const QByteArray &secret, const QByteArray &timestamp,
                             const QByteArray &rawBody, const QByteArray &signatureHeader);
bool chatwootTimestampFresh(const QByteArray &timestamp, const QDateTime &now,
                            std::chrono::seconds tolerance = kChatwootMaxClockSkew);
ChatwootWebhookCheck checkChatwootWebhook(const QByteArray &secret, const QByteArray &timestamp,
                                          const QByteArray &rawBody,
                                          const QByteArray &signatureHeader,
                                          const QDateTime &now = QDateTime::currentDateTimeUtc());

// A message_created webhook as a message event; nullopt for other events and for messages the
// feed leaves out (private notes, activity, templates, empty content).
Result<std::optional<FeedEvent>> feedEventFromChatwootWebhook(const QJsonObject &payload);

QString chatwootConversationId(const QString &accountId, const QString &conversationId);

namespace Internal {

// One Chatwoot message (API or webhook shape) as a feed event, or nullopt when it is left out.
// message_type is a number (API) or a name (webhooks); created_at unix seconds or ISO 8601.
Result<std::optional<FeedEvent>> chatwootMessageEvent(const QJsonObject &message,
                                                      const QString &conversationId);

} // namespace Internal

} // namespace rg::feed
