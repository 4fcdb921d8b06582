// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedevent.h"
#include "feed/headlimitedtcpserver.h"
#include "model/result.h"

#include <QByteArrayList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace rg::feed {

namespace Internal {
struct BridgeReply;
}

struct BridgeConfig
{
    quint16 port = 0; // 0: any free port; Bridge::port() tells which
    QString token;    // required on POST /v1/events as "Authorization: Bearer <token>"
    // Origins (e.g. "https://app.chatwoot.com") whose pages may call the bridge. A request
    // without an Origin header (curl, a native program) is not a browser's and is let through.
    QStringList allowedOrigins;
    // How long a request may take to arrive and a connection may stay idle (RequestLimits).
    int requestTimeoutMs = RequestLimits{}.requestTimeoutMs;
    int idleTimeoutMs = RequestLimits{}.idleTimeoutMs;
};

// Body limit of POST /v1/events.
inline constexpr qsizetype kMaxEventBodyBytes = 64 * 1024;

// Use me to receive live feed events from programs on this machine (a console integration, a
// relay of chat webhooks) over HTTP on 127.0.0.1. Pages on the allowed origins may call it from a
// browser: it answers their CORS preflights (OPTIONS) and echoes their origin on its answers,
// including those HeadLimitedTcpServer sends before a request reaches it (413 for a body too
// large, 431, 400 for a malformed request).
class Bridge final : public QObject
{
    Q_OBJECT

public:
    explicit Bridge(BridgeConfig config, QObject *parent = nullptr);
    ~Bridge() override;
    Q_DISABLE_COPY_MOVE(Bridge)

    Result<quint16> listen();
    quint16 port() const { return m_port; }

signals:
    void eventReceived(const rg::feed::FeedEvent &event);

private:
    using Reply = Internal::BridgeReply;
    enum class Endpoint { Events, Health, Unknown };

    Reply answer(const QHttpServerRequest &request, Endpoint endpoint);
    Reply serve(const QHttpServerRequest &request, Endpoint endpoint);
    static Reply preflight(const QHttpServerRequest &request, Endpoint endpoint,
                           const QByteArray &origin);
    bool hostAllowed(const QHttpServerRequest &request) const;
    bool originAllowed(const QHttpServerRequest &request) const;
    QByteArray corsOrigin(const QHttpServerRequest &request) const;
    QByteArray corsOrigin(const QByteArrayList &origins) const;
    bool listed(const QByteArray &origin) const;
    Reply acceptEvent(const QHttpServerRequest &request);
    static void send(QHttpServerResponder &&responder, const Reply &reply);

    BridgeConfig m_config;
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
};

} // namespace rg::feed
