// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/headlimitedtcpserver.h"

#include "log/log.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <utility>

// What this server can and cannot bound in QtHttpServer 6.4:
// - QHttpServer keeps every byte of a request in the socket's read transaction (and again in its
//   parser) until the request is complete, with no limit of its own. Here the head is refused
//   (431) once it outgrows maxHeadBytes, and a body whose Content-Length is over maxBodyBytes is
//   refused (413) as soon as the head ends, before any of the body is buffered. A chunked body is
//   counted as it arrives and refused once its raw bytes pass the limit; whatever arrived in the
//   same read as the last counted byte is buffered once before the connection is closed.
// - When its parser rejects a request, QHttpServer 6.4 calls socket->disconnect(): it neither
//   answers nor closes, and no longer deletes the socket, so a client sending garbage would keep
//   a connection (and its unread bytes) for the lifetime of the server. The connection's
//   watcher notices that its readyRead connection was cut, answers 400 and deletes the socket.
//   The QHttpServerRequest QHttpServer allocated for that connection cannot be reached from here
//   and stays allocated (its size is bounded by the limits above).

namespace rg::feed {

using namespace Qt::StringLiterals;

namespace {

// After a 413 the rest of a declared body is read and dropped, so that closing the connection
// does not reset it before the client has read the answer; up to this much, for this long.
constexpr qsizetype kMaxDrainBytes = 1024 * 1024;
constexpr int kDrainTimeoutMs = 5000;

// Use me to follow the head (request line and headers) of the request a connection is sending,
// byte for byte as QHttpServer 6.4 delimits it, and then the size of its body.
class RequestScanner final
{
public:
    enum class Verdict { NeedMore, Done, HeadTooLarge, BodyTooLarge };

    explicit RequestScanner(RequestLimits limits)
        : m_limits(limits)
    {}

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

    // Takes the next \a bytes of the stream.
    Verdict scan(QByteArrayView bytes)
    {
        m_bodyInLastScan = 0;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            if (m_phase == Phase::Body) {
                // Only requests without a Content-Length reach this phase: chunked bodies.
                const qsizetype more = bytes.size() - i;
                m_bodySize += more;
                m_bodyInLastScan = more;
                return m_bodySize > m_limits.maxBodyBytes ? Verdict::BodyTooLarge
                                                          : Verdict::NeedMore;
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

private:
    enum class Phase { Head, Body, Done };

    Verdict headComplete()
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

    RequestLimits m_limits;
    Phase m_phase = Phase::Head;
    QByteArray m_head; // at most maxHeadBytes
    qsizetype m_headSize = 0;
    qsizetype m_bodySize = 0;
    qsizetype m_declaredLength = -1;
    qsizetype m_bodyInLastScan = 0;
    bool m_started = false;
    char m_last = 0;
    char m_beforeLast = 0;
};

// What a connection's watcher keeps between reads.
struct ConnectionState
{
    explicit ConnectionState(RequestLimits limits)
        : scanner(limits)
    {}

    RequestScanner scanner;
    QMetaObject::Connection watcher; // our readyRead connection; QHttpServer may cut it
    bool closedByUs = false;
};

QByteArray errorResponse(QByteArrayView statusLine, QByteArrayView message)
{
    const QByteArray body = "{\"error\":\"" + message.toByteArray() + "\"}\n";
    return "HTTP/1.1 "_ba + statusLine.toByteArray()
           + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Takes the socket from QHttpServer: its reader comes next in this emission and would read the
// refused request; once disconnected, it is skipped. What it buffered so far is dropped.
void takeOver(QTcpSocket &socket, ConnectionState &state)
{
    state.closedByUs = true;
    QObject::disconnect(&socket, &QTcpSocket::readyRead, nullptr, nullptr);
    if (socket.isTransactionStarted())
        socket.commitTransaction();
}

// Reads and drops \a remaining more bytes of a refused body, then closes the connection
// gracefully; a client still sending after kDrainTimeoutMs is cut off.
void drainAndClose(QTcpSocket &socket, qsizetype remaining)
{
    auto left = std::make_shared<qsizetype>(remaining);
    const auto drain = [&socket, left] {
        while (socket.bytesAvailable() > 0) {
            const QByteArray dropped
                = socket.read(std::min<qint64>(socket.bytesAvailable(), 65536));
            *left -= dropped.size();
        }
        if (*left <= 0)
            socket.disconnectFromHost();
    };
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, drain);
    QTimer::singleShot(kDrainTimeoutMs, &socket, [&socket] { socket.abort(); });
    drain();
}

void checkRequest(QTcpSocket &socket, ConnectionState &state, const std::string &logArea,
                  const RequestLimits &limits)
{
    // QHttpServer reads each request inside a read transaction that it commits when the
    // request is complete. Without one, the bytes available begin a new request (keep-alive
    // or pipelining); within one, it has read all that came before, so what is available
    // is new.
    RequestScanner &scanner = state.scanner;
    if (!socket.isTransactionStarted())
        scanner.restart();
    if (scanner.done())
        return;
    // At most one byte past the budget: that is enough to tell, and bounds the copy.
    const qint64 available = socket.bytesAvailable();
    const QByteArray next = socket.peek(std::min<qint64>(available, scanner.budget() + 1));
    const RequestScanner::Verdict verdict = scanner.scan(next);
    if (verdict == RequestScanner::Verdict::HeadTooLarge) {
        rg::log::get(logArea)->warn("closing the connection from {}: request head over {} bytes",
                                    socket.peerAddress().toString().toStdString(),
                                    limits.maxHeadBytes);
        takeOver(socket, state);
        // Best effort: the client may see the reset before the answer. abort() rather than
        // delete: QHttpServer deletes the socket itself (deleteLater) on disconnected().
        socket.write(
            errorResponse("431 Request Header Fields Too Large", "the request head is too large"));
        socket.flush();
        socket.abort();
    } else if (verdict == RequestScanner::Verdict::BodyTooLarge) {
        rg::log::get(logArea)->warn("refusing a request from {}: body over {} bytes",
                                    socket.peerAddress().toString().toStdString(),
                                    limits.maxBodyBytes);
        // What is in the socket now is the end of the head and the start of the body; the
        // drain reads it all, then what remains of the declared body.
        const qsizetype bodyAvailable = scanner.bodyBytesInLastScan() + (available - next.size());
        const qsizetype headAvailable = available - bodyAvailable;
        takeOver(socket, state);
        socket.write(errorResponse("413 Payload Too Large",
                                   "the body is over "_ba + QByteArray::number(limits.maxBodyBytes)
                                       + " bytes"));
        const qsizetype declared = scanner.declaredLength();
        if (declared < 0 || declared > kMaxDrainBytes) {
            socket.flush();
            socket.disconnectFromHost();
            return;
        }
        drainAndClose(socket, headAvailable + declared);
    }
}

} // namespace

HeadLimitedTcpServer::HeadLimitedTcpServer(std::string logArea, RequestLimits limits,
                                           QObject *parent)
    : QTcpServer(parent)
    , m_logArea(std::move(logArea))
    , m_limits(limits)
{}

void HeadLimitedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Connected before addPendingConnection() hands the socket to QHttpServer, which then
    // connects its own reader: this check runs first on every readyRead.
    auto state = std::make_shared<ConnectionState>(m_limits);
    state->watcher = connect(
        socket, &QTcpSocket::readyRead, socket,
        [socket, state, area = m_logArea, limits = m_limits] {
            checkRequest(*socket, *state, area, limits);
            if (state->closedByUs)
                return;
            // Runs after QHttpServer's reader: if its parser refused the request, it cut every
            // connection of the socket (ours too) and left the socket open and unowned.
            QMetaObject::invokeMethod(
                socket,
                [socket, state] {
                    if (state->watcher || state->closedByUs)
                        return;
                    state->closedByUs = true;
                    if (socket->state() == QAbstractSocket::ConnectedState) {
                        socket->write(errorResponse("400 Bad Request", "malformed HTTP request"));
                        socket->flush();
                    }
                    socket->abort();
                    socket->deleteLater();
                },
                Qt::QueuedConnection);
        });
    addPendingConnection(socket);
}

} // namespace rg::feed
