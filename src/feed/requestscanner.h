// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/headlimitedtcpserver.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>

namespace rg::feed::Internal {

// Use me to follow the head (request line and headers) of the request a connection is sending,
// byte for byte as QHttpServer 6.4 delimits it, and then the size of its body.
// HeadLimitedTcpServer feeds it each read; it is apart so that it can be fuzzed without sockets.
class RequestScanner final
{
public:
    enum class Verdict { NeedMore, Done, HeadTooLarge, BodyTooLarge };

    explicit RequestScanner(RequestLimits limits);

    void restart() { *this = RequestScanner(m_limits); }
    bool done() const { return m_phase == Phase::Done; }
    // How many more bytes are worth looking at now.
    qsizetype budget() const
    {
        return m_phase == Phase::Head ? m_limits.maxHeadBytes - m_headSize
                                      : m_limits.maxBodyBytes - m_bodySize;
    }
    // The body length the request declared, when it did (only known once the head is complete).
    qsizetype declaredLength() const { return m_declaredLength; }
    // How many bytes of the last scan() followed the head.
    qsizetype bodyBytesInLastScan() const { return m_bodyInLastScan; }
    // The values of the Origin headers among the head's lines seen whole so far.
    const QByteArrayList &origins() const { return m_origins; }

    Verdict scan(QByteArrayView bytes);

private:
    enum class Phase { Head, Body, Done };

    Verdict headComplete();

    RequestLimits m_limits;
    Phase m_phase = Phase::Head;
    QByteArray m_head;         // at most maxHeadBytes
    qsizetype m_lineStart = 0; // where the line being read starts in m_head
    QByteArrayList m_origins;
    qsizetype m_headSize = 0;
    qsizetype m_bodySize = 0;
    qsizetype m_declaredLength = -1;
    qsizetype m_bodyInLastScan = 0;
    bool m_started = false;
    char m_last = 0;
    char m_beforeLast = 0;
};

} // namespace rg::feed::Internal
