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
};

// Use me instead of a plain QTcpServer for QHttpServer: it enforces RequestLimits before
// QHttpServer buffers a request, and closes connections QHttpServer 6.4 gives up on.
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
