// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedevent.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>

QT_BEGIN_NAMESPACE
class QJsonArray;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;
QT_END_NAMESPACE

namespace rg::feed {

struct ChatwootPollerConfig
{
    QUrl baseUrl;           // e.g. https://app.chatwoot.com
    QString accountId;      // digits: the number after /app/accounts/ in Chatwoot's URLs
    QString conversationId; // digits: the conversation's display id
    QString apiAccessToken; // sent in the api_access_token header, never in the URL
    std::chrono::milliseconds interval{2000};    // between polls while all is well
    std::chrono::milliseconds maxBackoff{60000}; // cap of the doubling delay after failures
    std::chrono::milliseconds timeout{10000};    // per request, to the last byte
    qint64 afterMessageId = 0; // messages up to this id count as seen (0: feed the history)
};

// Body limit of one messages page; a page is 20 to 100 messages.
inline constexpr qint64 kMaxChatwootBodyBytes = 2 * 1024 * 1024;

// Use me to follow one Chatwoot conversation without webhooks: polls its messages over HTTP(S)
// and emits each new customer or agent message once, in order. Never blocks its thread.
class ChatwootPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatwootPoller)

public:
    explicit ChatwootPoller(ChatwootPollerConfig config, QObject *parent = nullptr);
    ~ChatwootPoller() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    const QString &configurationError() const { return m_configError; }
    QString conversationId() const;
    QString endpoint() const;
    qint64 lastMessageId() const { return m_lastId; }
    std::chrono::milliseconds nextDelay() const { return m_delay; }

signals:
    void eventReceived(const rg::feed::FeedEvent &event);
    void failed(const QString &message);
    void stopped();

private:
    enum class Outcome { Ok, MoreWaiting, Transient, Fatal };

    void poll();
    void onFinished(QNetworkReply *reply);
    Outcome handleMessages(const QJsonArray &messages);
    void report(const QString &message, Outcome outcome);
    void schedule(Outcome outcome);
    QUrl requestUrl() const;

    ChatwootPollerConfig m_config;
    QString m_configError;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_deadline = nullptr;
    QNetworkReply *m_reply = nullptr;
    bool m_running = false;
    bool m_timedOut = false;
    bool m_tooLarge = false;
    qint64 m_lastId = 0;
    std::chrono::milliseconds m_delay{0};
};

} // namespace rg::feed
