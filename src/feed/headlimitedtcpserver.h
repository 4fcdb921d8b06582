// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>
#include <QTcpServer>

#include <functional>
#include <string>

namespace rg::feed {

struct RequestLimits
{
    // Request line and headers of one request, leading blank lines included. Well above what a
    // browser or CRM client sends, far below what would make a flood of connections costly.
    qsizetype maxHeadBytes = 16 * 1024;
    // The body as sent (chunk framing included); negative means no limit.
    qsizetype maxBodyBytes = -1;
    // A request must arrive whole within this long of its first byte, else it is answered 408
    // and the connection closed: a client trickling its head or body, or sending a body that
    // never ends (a bad chunk size), cannot hold a connection. Negative means no limit.
    int requestTimeoutMs = 10'000;
    // A connection with no request in progress is closed after this long: an idle keep-alive
    // connection costs a socket, and browsers open a new one when theirs was closed. Negative
    // means no limit.
    int idleTimeoutMs = 120'000;
};

// Use me instead of a plain QTcpServer for QHttpServer: it enforces RequestLimits before
// QHttpServer buffers a request, closes connections QHttpServer 6.4 gives up on, and those whose
// request is too slow or that stay idle too long.
class HeadLimitedTcpServer final : public QTcpServer
{
public:
    explicit HeadLimitedTcpServer(std::string logArea, RequestLimits limits = {},
                                  QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(HeadLimitedTcpServer)

    // Given the Origin headers of a refused request (as far as its head arrived), the origin to
    // allow in the refusal's Access-Control-Allow-Origin; empty for none. Without it, refusals
    // carry no CORS headers and a page cannot read them.
    using CorsOrigin = std::function<QByteArray(const QByteArrayList &origins)>;
    void setCorsOrigin(CorsOrigin corsOrigin) { m_corsOrigin = std::move(corsOrigin); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    std::string m_logArea;
    RequestLimits m_limits;
    CorsOrigin m_corsOrigin;
};

} // namespace rg::feed
