// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/headlimitedtcpserver.h"

#include "feed/requestscanner.h"
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
// - QHttpServer 6.4 has no time limits: a request whose bytes stop coming (a trickled head, a
//   body shorter than declared, a chunked body with a bad size) and an idle connection would be
//   kept forever. Each connection's timer gives a request requestTimeoutMs from its first byte
//   (then 408) and an idle connection idleTimeoutMs. A request is in progress while QHttpServer's
//   read transaction is open: it commits it when the request is complete.

namespace rg::feed {

using namespace Qt::StringLiterals;
using Internal::RequestScanner;

namespace {

// After a 413 the rest of a declared body is read and dropped, so that closing the connection
// does not reset it before the client has read the answer; up to this much, for this long.
constexpr qsizetype kMaxDrainBytes = 1024 * 1024;
constexpr int kDrainTimeoutMs = 5000;

// What a connection's watcher keeps between reads.
struct ConnectionState
{
    explicit ConnectionState(RequestLimits limits)
        : scanner(limits)
    {}

    RequestScanner scanner;
    QMetaObject::Connection watcher; // our readyRead connection; QHttpServer may cut it
    bool closedByUs = false;
    QTimer *timer = nullptr;   // the socket's child: the request's deadline, or the idle limit
    bool requestTimed = false; // the timer runs for a request in progress
};

// A refusal; with \a origin, that page may read it (the bridge's own answers do the same).
QByteArray errorResponse(QByteArrayView statusLine, QByteArrayView message,
                         const QByteArray &origin)
{
    const QByteArray body = "{\"error\":\"" + message.toByteArray() + "\"}\n";
    const QByteArray cors = origin.isEmpty()
                                ? QByteArray()
                                : "Access-Control-Allow-Origin: " + origin + "\r\nVary: Origin\r\n";
    return "HTTP/1.1 "_ba + statusLine.toByteArray()
           + "\r\nContent-Type: application/json\r\nConnection: close\r\n" + cors
           + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray corsOriginOf(const HeadLimitedTcpServer::CorsOrigin &corsOrigin,
                        const RequestScanner &scanner)
{
    return corsOrigin ? corsOrigin(scanner.origins()) : QByteArray();
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
                  const RequestLimits &limits, const HeadLimitedTcpServer::CorsOrigin &corsOrigin)
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
        socket.write(errorResponse("431 Request Header Fields Too Large",
                                   "the request head is too large",
                                   corsOriginOf(corsOrigin, scanner)));
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
                                       + " bytes",
                                   corsOriginOf(corsOrigin, scanner)));
        const qsizetype declared = scanner.declaredLength();
        if (declared < 0 || declared > kMaxDrainBytes) {
            socket.flush();
            socket.disconnectFromHost();
            return;
        }
        drainAndClose(socket, headAvailable + declared);
    }
}

// After each read QHttpServer has handled: a request still in progress keeps the deadline its
// first byte started; with none, the idle limit starts again.
void restartTimer(QTcpSocket &socket, ConnectionState &state, const RequestLimits &limits)
{
    const bool inProgress = socket.isTransactionStarted();
    if (inProgress && state.requestTimed)
        return;
    state.requestTimed = inProgress;
    const int timeout = inProgress ? limits.requestTimeoutMs : limits.idleTimeoutMs;
    if (timeout < 0)
        state.timer->stop();
    else
        state.timer->start(timeout);
}

void timedOut(QTcpSocket &socket, ConnectionState &state, const std::string &logArea,
              const RequestLimits &limits, const HeadLimitedTcpServer::CorsOrigin &corsOrigin)
{
    // The idle limit ran out as a request's first bytes arrived: its own time starts now.
    if (socket.isTransactionStarted() && !state.requestTimed) {
        restartTimer(socket, state, limits);
        return;
    }
    const std::string peer = socket.peerAddress().toString().toStdString();
    if (!socket.isTransactionStarted()) {
        rg::log::get(logArea)->debug("closing the connection from {}: idle for {} ms", peer,
                                     limits.idleTimeoutMs);
        takeOver(socket, state);
        socket.disconnectFromHost();
        return;
    }
    rg::log::get(logArea)->warn("closing the connection from {}: its request did not arrive "
                                "whole within {} ms",
                                peer, limits.requestTimeoutMs);
    takeOver(socket, state);
    socket.write(errorResponse("408 Request Timeout",
                               "the request did not arrive whole within "_ba
                                   + QByteArray::number(limits.requestTimeoutMs) + " ms",
                               corsOriginOf(corsOrigin, state.scanner)));
    socket.disconnectFromHost();
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
    state->timer = new QTimer(socket);
    state->timer->setSingleShot(true);
    connect(state->timer, &QTimer::timeout, socket,
            [socket, state, area = m_logArea, limits = m_limits, corsOrigin = m_corsOrigin] {
                if (!state->closedByUs)
                    timedOut(*socket, *state, area, limits, corsOrigin);
            });
    restartTimer(*socket, *state, m_limits);
    state->watcher = connect(
        socket, &QTcpSocket::readyRead, socket,
        [socket, state, area = m_logArea, limits = m_limits, corsOrigin = m_corsOrigin] {
            checkRequest(*socket, *state, area, limits, corsOrigin);
            if (state->closedByUs)
                return;
            // Runs after QHttpServer's reader: if its parser refused the request, it cut every
            // connection of the socket (ours too) and left the socket open and unowned.
            QMetaObject::invokeMethod(
                socket,
                [socket, state, limits, corsOrigin] {
                    if (state->closedByUs)
                        return;
                    if (state->watcher) {
                        restartTimer(*socket, *state, limits);
                        return;
                    }
                    state->closedByUs = true;
                    if (socket->state() == QAbstractSocket::ConnectedState) {
                        socket->write(errorResponse("400 Bad Request", "malformed HTTP request",
                                                    corsOriginOf(corsOrigin, state->scanner)));
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
