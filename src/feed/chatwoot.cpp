// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/chatwoot.h"

#include <QJsonValue>
#include <QtGlobal>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <cmath>

namespace rg::feed {

using namespace Qt::StringLiterals;

namespace {

constexpr QByteArrayView kSignaturePrefix = "sha256=";
constexpr qsizetype kSha256Bytes = 32;
// Unix seconds fit in 12 digits until the year 33658; anything longer is not a timestamp.
constexpr qsizetype kMaxTimestampDigits = 12;

int lowerHexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Exactly 64 lowercase hex digits, as Ruby's OpenSSL::HMAC.hexdigest writes them. Uppercase is
// refused rather than folded: Chatwoot never sends it, so it can only come from someone else.
std::optional<std::array<unsigned char, kSha256Bytes>> decodeDigest(QByteArrayView hex)
{
    if (hex.size() != 2 * kSha256Bytes)
        return std::nullopt;
    std::array<unsigned char, kSha256Bytes> digest{};
    for (qsizetype i = 0; i < kSha256Bytes; ++i) {
        const int high = lowerHexDigit(hex[2 * i]);
        const int low = lowerHexDigit(hex[2 * i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        digest[static_cast<size_t>(i)] = static_cast<unsigned char>(high << 4 | low);
    }
    return digest;
}

std::optional<qint64> parseTimestamp(const QByteArray &timestamp)
{
    if (timestamp.isEmpty() || timestamp.size() > kMaxTimestampDigits)
        return std::nullopt;
    for (const char c : timestamp) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return timestamp.toLongLong();
}

std::optional<model::Role> roleOf(const QJsonValue &type)
{
    // Chatwoot's enum: 0 incoming, 1 outgoing, 2 activity, 3 template. Webhooks send the name.
    if (type.isDouble()) {
        const double number = type.toDouble();
        if (number == 0)
            return model::Role::Customer;
        if (number == 1)
            return model::Role::Agent;
        return std::nullopt;
    }
    if (type == u"incoming"_s)
        return model::Role::Customer;
    if (type == u"outgoing"_s)
        return model::Role::Agent;
    return std::nullopt;
}

bool knownMessageType(const QJsonValue &type)
{
    if (type.isDouble()) {
        const double number = type.toDouble();
        return number == 0 || number == 1 || number == 2 || number == 3;
    }
    const QString name = type.toString();
    return name == u"incoming"_s || name == u"outgoing"_s || name == u"activity"_s
           || name == u"template"_s;
}

// Text cut to the feed's limit on a character boundary: a long message still reaches detection,
// only its tail is lost.
QString boundedText(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= kMaxEventTextBytes)
        return text;
    qsizetype end = kMaxEventTextBytes;
    while (end > 0 && (static_cast<unsigned char>(utf8.at(end)) & 0xC0) == 0x80)
        --end;
    utf8.truncate(end);
    return QString::fromUtf8(utf8);
}

} // namespace

/*!
 * Whether \a signatureHeader ("sha256=<64 lowercase hex digits>", the X-Chatwoot-Signature
 * header) is HMAC-SHA256 under \a secret of "{timestamp}.{raw body}". The digests are compared
 * in constant time. An empty secret verifies nothing: anyone can sign with it.
 */
bool verifyChatwootSignature(const QByteArray &secret, const QByteArray &timestamp,
                             const QByteArray &rawBody, const QByteArray &signatureHeader)
{
    if (secret.isEmpty() || timestamp.isEmpty())
        return false;
    if (!signatureHeader.startsWith(kSignaturePrefix))
        return false;
    const auto given
        = decodeDigest(QByteArrayView(signatureHeader).sliced(kSignaturePrefix.size()));
    if (!given)
        return false;

    const QByteArray signedText = timestamp + '.' + rawBody;
    std::array<unsigned char, EVP_MAX_MD_SIZE> expected{};
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), secret.constData(), static_cast<int>(secret.size()),
              reinterpret_cast<const unsigned char *>(signedText.constData()),
              static_cast<size_t>(signedText.size()), expected.data(), &length)
        || length != kSha256Bytes) {
        return false;
    }
    return CRYPTO_memcmp(expected.data(), given->data(), kSha256Bytes) == 0;
}

/*!
 * Whether \a timestamp (unix seconds, digits only) is within \a tolerance of \a now either way.
 * A signature binds the timestamp, so this is what stops a captured webhook being replayed later.
 */
bool chatwootTimestampFresh(const QByteArray &timestamp, const QDateTime &now,
                            std::chrono::seconds tolerance)
{
    const auto seconds = parseTimestamp(timestamp);
    if (!seconds || !now.isValid())
        return false;
    const qint64 skew = now.toSecsSinceEpoch() - *seconds;
    return qAbs(skew) <= tolerance.count();
}

/*!
 * The whole check of a relayed webhook: a malformed timestamp, then a bad signature, then a
 * stale timestamp. The signature comes before freshness so that an unsigned request learns
 * nothing about our clock.
 */
ChatwootWebhookCheck checkChatwootWebhook(const QByteArray &secret, const QByteArray &timestamp,
                                          const QByteArray &rawBody,
                                          const QByteArray &signatureHeader, const QDateTime &now)
{
    if (!parseTimestamp(timestamp))
        return ChatwootWebhookCheck::BadTimestamp;
    if (!verifyChatwootSignature(secret, timestamp, rawBody, signatureHeader))
        return ChatwootWebhookCheck::BadSignature;
    if (!chatwootTimestampFresh(timestamp, now))
        return ChatwootWebhookCheck::StaleTimestamp;
    return ChatwootWebhookCheck::Valid;
}

/*!
 * The feed's conversation id of a Chatwoot conversation: "chatwoot:{account}:{display id}".
 */
QString chatwootConversationId(const QString &accountId, const QString &conversationId)
{
    return u"chatwoot:"_s + accountId + u':' + conversationId;
}

namespace Internal {

Result<std::optional<FeedEvent>> chatwootMessageEvent(const QJsonObject &message,
                                                      const QString &conversationId)
{
    const QJsonValue type = message.value(u"message_type"_s);
    if (!knownMessageType(type))
        return Error{u"message_type is not incoming, outgoing, activity or template"_s};
    // Private notes are agents talking among themselves; the customer never saw them.
    if (message.value(u"private"_s).toBool())
        return std::optional<FeedEvent>{};
    const auto role = roleOf(type);
    if (!role)
        return std::optional<FeedEvent>{};
    const QJsonValue content = message.value(u"content"_s);
    if (!content.isNull() && !content.isUndefined() && !content.isString())
        return Error{u"content is not a string"_s};
    // An attachment without a caption has no text to read.
    if (content.toString().trimmed().isEmpty())
        return std::optional<FeedEvent>{};

    FeedEvent event;
    event.type = FeedEventType::Message;
    event.conversationId = conversationId;
    event.role = *role;
    event.text = boundedText(content.toString());
    const QJsonValue created = message.value(u"created_at"_s);
    if (created.isDouble() && std::isfinite(created.toDouble()) && created.toDouble() > 0) {
        event.time
            = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(created.toDouble()), Qt::UTC);
    } else if (created.isString()) {
        const QDateTime parsed = QDateTime::fromString(created.toString(), Qt::ISODateWithMs);
        if (parsed.isValid())
            event.time = parsed.toUTC();
    }
    return std::optional<FeedEvent>{std::move(event)};
}

} // namespace Internal

/*!
 * The message event of a Chatwoot \a payload when it is a message_created webhook; nullopt for
 * every other event, and for a message the feed leaves out. The conversation is
 * "chatwoot:{account.id}:{conversation.id}" (a webhook's conversation id is its display id, the
 * one in Chatwoot's URLs and API paths). An error says which member is missing or wrong.
 */
Result<std::optional<FeedEvent>> feedEventFromChatwootWebhook(const QJsonObject &payload)
{
    const QJsonValue event = payload.value(u"event"_s);
    if (!event.isString())
        return Error{u"/event: expected the webhook's event name"_s};
    if (event.toString() != u"message_created"_s)
        return std::optional<FeedEvent>{};

    const auto idOf = [](const QJsonValue &value) -> QString {
        if (value.isDouble()) {
            const double number = value.toDouble();
            if (number >= 1 && number <= 9007199254740991.0 && std::floor(number) == number)
                return QString::number(static_cast<qint64>(number));
        }
        return {};
    };
    const QString account = idOf(payload.value(u"account"_s).toObject().value(u"id"_s));
    if (account.isEmpty())
        return Error{u"/account/id: expected a positive integer"_s};
    const QString conversation = idOf(payload.value(u"conversation"_s).toObject().value(u"id"_s));
    if (conversation.isEmpty())
        return Error{u"/conversation/id: expected a positive integer"_s};
    auto converted
        = Internal::chatwootMessageEvent(payload, chatwootConversationId(account, conversation));
    if (!converted)
        return Error{u"message_created: "_s + converted.error()};
    return converted;
}

} // namespace rg::feed
