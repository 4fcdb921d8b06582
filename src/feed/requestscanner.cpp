// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/requestscanner.h"

#include <QList>

namespace rg::feed::Internal {

RequestScanner::RequestScanner(RequestLimits limits)
    : m_limits(limits)
{}

// Takes the next \a bytes of the stream.
RequestScanner::Verdict RequestScanner::scan(QByteArrayView bytes)
{
    m_bodyInLastScan = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (m_phase == Phase::Body) {
            // Only requests without a Content-Length reach this phase: chunked bodies.
            const qsizetype more = bytes.size() - i;
            m_bodySize += more;
            m_bodyInLastScan = more;
            return m_bodySize > m_limits.maxBodyBytes ? Verdict::BodyTooLarge : Verdict::NeedMore;
        }
        const char c = bytes[i];
        if (++m_headSize > m_limits.maxHeadBytes)
            return Verdict::HeadTooLarge;
        // QHttpServer skips whitespace before the request line, so "\n\n" there ends
        // nothing; counted it is all the same, as it stays in the socket's buffer.
        if (!m_started) {
            m_started = !(c == '\v' || c == '\n' || c == '\r' || c == ' ' || c == '\t');
            if (!m_started)
                continue;
        }
        m_head.append(c);
        if (c == '\n') {
            const QByteArrayView line = QByteArrayView(m_head).sliced(m_lineStart).trimmed();
            if (line.size() >= 7 && line.first(7).compare("origin:", Qt::CaseInsensitive) == 0)
                m_origins.append(line.sliced(7).trimmed().toByteArray());
            m_lineStart = m_head.size();
        }
        // The first "\n" ends the request line; a line ending right after any "\n" ends the
        // headers. QHttpServer takes LF alone as a line ending too.
        if (c == '\n' && (m_last == '\n' || (m_last == '\r' && m_beforeLast == '\n'))) {
            m_bodyInLastScan = bytes.size() - i - 1;
            return headComplete();
        }
        m_beforeLast = m_last;
        m_last = c;
    }
    return Verdict::NeedMore;
}

RequestScanner::Verdict RequestScanner::headComplete()
{
    m_phase = Phase::Done;
    if (m_limits.maxBodyBytes < 0)
        return Verdict::Done;
    bool chunked = false;
    bool lengthGiven = false;
    const QList<QByteArray> lines = m_head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.first(colon).trimmed().toLower();
        if (name == "transfer-encoding") {
            chunked = true;
        } else if (name == "content-length") {
            lengthGiven = true;
            // A list of lengths or an unreadable one is QHttpServer's parser's to refuse;
            // only a readable length over the limit is ours.
            for (const QByteArray &value : line.mid(colon + 1).split(',')) {
                bool ok = false;
                const qlonglong length = value.trimmed().toLongLong(&ok);
                if (ok && length > m_declaredLength)
                    m_declaredLength = length;
            }
        }
    }
    m_head.clear();
    if (m_declaredLength > m_limits.maxBodyBytes)
        return Verdict::BodyTooLarge;
    if (chunked && !lengthGiven) {
        m_phase = Phase::Body;
        return Verdict::NeedMore;
    }
    return Verdict::Done;
}

} // namespace rg::feed::Internal
