// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/chatwootpoller.h"

#include "feed/chatwoot.h"
#include "log/log.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <vector>

namespace rg::feed {

using namespace Qt::StringLiterals;

namespace {

// Chatwoot answers "after=<id>" with at most 100 messages; a full page means more are waiting.
constexpr qsizetype kChatwootAfterPageSize = 100;

std::shared_ptr<spdlog::logger> logger()
{
    static const auto instance = rg::log::get("feed");
    return instance;
}

bool isDigits(const QString &text)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

QString seconds(std::chrono::milliseconds duration)
{
    if (duration < std::chrono::seconds(1))
        return QString::number(duration.count()) + u" ms"_s;
    return QString::number(static_cast<double>(duration.count()) / 1000.0, 'f', 1) + u" s"_s;
}

std::optional<qint64> messageId(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!(number >= 1 && number <= 9007199254740991.0) || std::floor(number) != number)
        return std::nullopt;
    return static_cast<qint64>(number);
}

} // namespace

/*!
 * Creates a poller for \a config; start() begins polling. The base URL must be http(s) with a
 * host, the account and conversation ids digits, the token non-empty and the interval, backoff
 * cap and timeout positive; otherwise start() only reports configurationError() through failed().
 * TLS peers are always verified, and redirects stay on the same origin so that the token header
 * never travels to another host.
 */
ChatwootPoller::ChatwootPoller(ChatwootPollerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
    , m_pollTimer(new QTimer(this))
    , m_deadline(new QTimer(this))
    , m_lastId(std::max<qint64>(0, m_config.afterMessageId))
    , m_delay(m_config.interval)
{
    const QUrl &url = m_config.baseUrl;
    const QString scheme = url.scheme().toLower();
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo);
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s)) {
        m_configError = u"Chatwoot URL \""_s + shown + u"\" is not an http(s) URL with a host"_s;
    } else if (!isDigits(m_config.accountId)) {
        m_configError = u"Chatwoot account id must be a number, as in /app/accounts/<id>/"_s;
    } else if (!isDigits(m_config.conversationId)) {
        m_configError = u"Chatwoot conversation id must be a number (its display id)"_s;
    } else if (m_config.apiAccessToken.isEmpty()) {
        m_configError = u"no Chatwoot api_access_token given"_s;
    } else if (m_config.interval.count() <= 0 || m_config.timeout.count() <= 0
               || m_config.maxBackoff < m_config.interval) {
        m_configError = u"Chatwoot poll interval and timeout must be positive and the backoff "
                        "cap at least the interval"_s;
    }
    m_network->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    m_pollTimer->setSingleShot(true);
    m_deadline->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &ChatwootPoller::poll);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (!m_reply)
            return;
        m_timedOut = true;
        m_reply->abort();
    });
}

ChatwootPoller::~ChatwootPoller()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
    }
}

/*!
 * The feed's id of the conversation followed: "chatwoot:{account}:{conversation}".
 */
QString ChatwootPoller::conversationId() const
{
    return chatwootConversationId(m_config.accountId, m_config.conversationId);
}

/*!
 * The messages endpoint as shown in logs and errors: no user info, no query, and so no secret.
 */
QString ChatwootPoller::endpoint() const
{
    QUrl url = m_config.baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery
                                         | QUrl::RemoveFragment);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/api/v1/accounts/"_s + m_config.accountId + u"/conversations/"_s
                + m_config.conversationId + u"/messages"_s);
    return url.toDisplayString();
}

QUrl ChatwootPoller::requestUrl() const
{
    QUrl url(endpoint());
    // Newer Chatwoot answers only what follows; older ones ignore it and send the latest page,
    // which handleBody() filters the same way.
    if (m_lastId > 0)
        url.setQuery(u"after="_s + QString::number(m_lastId));
    return url;
}

/*!
 * Starts polling from the event loop: the first request goes out at once, the next one an
 * interval after each answer, never two at a time.
 */
void ChatwootPoller::start()
{
    if (!m_configError.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { emit failed(m_configError); }, Qt::QueuedConnection);
        return;
    }
    if (m_running)
        return;
    m_running = true;
    m_delay = m_config.interval;
    m_pollTimer->start(0);
}

/*!
 * Stops polling; a request on its way is dropped unheard. stopped() follows when it was running.
 */
void ChatwootPoller::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_pollTimer->stop();
    m_deadline->stop();
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    emit stopped();
}

void ChatwootPoller::poll()
{
    if (!m_running || m_reply)
        return;
    QNetworkRequest request(requestUrl());
    request.setTransferTimeout(static_cast<int>(m_config.timeout.count()));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "refundguard/" RG_VERSION);
    request.setRawHeader("api_access_token", m_config.apiAccessToken.toUtf8());
    m_timedOut = false;
    m_tooLarge = false;
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    // The transfer timeout only fires when nothing arrives for that long; the deadline also
    // stops a server that trickles a byte now and then.
    m_deadline->start(m_config.timeout);
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 got, qint64 total) {
        if (reply != m_reply || m_tooLarge
            || (got <= kMaxChatwootBodyBytes && total <= kMaxChatwootBodyBytes)) {
            return;
        }
        m_tooLarge = true;
        reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void ChatwootPoller::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    m_deadline->stop();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    const QString where = u"Chatwoot at "_s + endpoint();
    logger()->debug("GET {} -> {} {}", endpoint().toStdString(), status,
                    error == QNetworkReply::NoError ? "ok" : reply->errorString().toStdString());

    if (m_tooLarge) {
        return report(where + u" sent more than %1 MiB"_s.arg(kMaxChatwootBodyBytes >> 20),
                      Outcome::Transient);
    }
    if (m_timedOut || error == QNetworkReply::TimeoutError
        || error == QNetworkReply::OperationCanceledError) {
        return report(where + u" did not answer within "_s + seconds(m_config.timeout),
                      Outcome::Transient);
    }
    if (status == 0) {
        return report(where + u" is unreachable: "_s + reply->errorString(), Outcome::Transient);
    }
    if (status >= 200 && status < 300) {
        const QByteArray body = reply->readAll();
        if (body.size() > kMaxChatwootBodyBytes) {
            return report(where + u" sent more than %1 MiB"_s.arg(kMaxChatwootBodyBytes >> 20),
                          Outcome::Transient);
        }
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            return report(where + u" sent a body that is not JSON ("_s + parseError.errorString()
                              + u" at byte %1)"_s.arg(parseError.offset),
                          Outcome::Transient);
        }
        const QJsonValue payload = json.object().value(u"payload"_s);
        if (!payload.isArray()) {
            return report(where + u" sent JSON without a \"payload\" array of messages"_s,
                          Outcome::Transient);
        }
        return schedule(handleMessages(payload.toArray()));
    }
    // The body of a refusal is not quoted: it is the server's to word, and nobody needs it.
    if (status == 401 || status == 403) {
        return report(where + u" did not accept the api_access_token (HTTP %1)"_s.arg(status),
                      Outcome::Fatal);
    }
    if (status == 404) {
        return report(where + u" has no such conversation in this account (HTTP 404)"_s,
                      Outcome::Fatal);
    }
    if (status == 408 || status == 429 || status >= 500) {
        return report(where + u" failed with HTTP %1"_s.arg(status), Outcome::Transient);
    }
    // Any other 4xx is an answer about the request itself: asking again will not change it.
    return report(where + u" refused the request with HTTP %1"_s.arg(status), Outcome::Fatal);
}

ChatwootPoller::Outcome ChatwootPoller::handleMessages(const QJsonArray &messages)
{
    std::vector<std::pair<qint64, QJsonObject>> fresh;
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        const auto id = messageId(message.value(u"id"_s));
        if (!id) {
            logger()->warn("Chatwoot at {}: skipped a message without a numeric id",
                           endpoint().toStdString());
            continue;
        }
        if (*id > m_lastId)
            fresh.emplace_back(*id, message);
    }
    std::sort(fresh.begin(), fresh.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    fresh.erase(std::unique(fresh.begin(), fresh.end(),
                            [](const auto &a, const auto &b) { return a.first == b.first; }),
                fresh.end());
    const bool sentAfter = m_lastId > 0;
    const QString conversation = conversationId();
    QPointer<ChatwootPoller> self(this);
    for (const auto &[id, message] : fresh) {
        // Seen before it is emitted: a receiver that stops or restarts us must not get it twice.
        m_lastId = id;
        const auto event = Internal::chatwootMessageEvent(message, conversation);
        if (!event) {
            logger()->warn("Chatwoot at {}: skipped message {}: {}", endpoint().toStdString(), id,
                           event.error().toStdString());
            continue;
        }
        if (!event.value())
            continue;
        emit eventReceived(*event.value());
        if (!self || !m_running)
            return Outcome::Ok;
    }
    if (sentAfter && qsizetype(fresh.size()) >= kChatwootAfterPageSize)
        return Outcome::MoreWaiting;
    return Outcome::Ok;
}

void ChatwootPoller::report(const QString &message, Outcome outcome)
{
    if (outcome == Outcome::Fatal) {
        logger()->warn("{}; polling stopped", message.toStdString());
        QPointer<ChatwootPoller> self(this);
        emit failed(message + u"; polling stopped"_s);
        if (self)
            stop();
        return;
    }
    m_delay = std::min(m_delay * 2, m_config.maxBackoff);
    logger()->warn("{}; polling again in {}", message.toStdString(),
                   seconds(m_delay).toStdString());
    QPointer<ChatwootPoller> self(this);
    emit failed(message + u"; polling again in "_s + seconds(m_delay));
    if (self)
        schedule(Outcome::Transient);
}

void ChatwootPoller::schedule(Outcome outcome)
{
    if (!m_running)
        return;
    switch (outcome) {
    case Outcome::Ok:
        m_delay = m_config.interval;
        m_pollTimer->start(m_delay);
        break;
    case Outcome::MoreWaiting:
        m_delay = m_config.interval;
        m_pollTimer->start(0);
        break;
    case Outcome::Transient:
        m_pollTimer->start(m_delay);
        break;
    case Outcome::Fatal:
        stop();
        break;
    }
}

} // namespace rg::feed
