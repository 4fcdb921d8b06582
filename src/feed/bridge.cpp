// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/bridge.h"

#include "feed/headlimitedtcpserver.h"
#include "feed/httpsupport.h"
#include "log/log.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <utility>

namespace rg::feed {

using namespace Qt::StringLiterals;
using StatusCode = QHttpServerResponder::StatusCode;

struct Internal::BridgeReply
{
    StatusCode status = StatusCode::Ok;
    QJsonObject body;
    QList<std::pair<QByteArray, QByteArray>> headers;
};

namespace {

Internal::BridgeReply errorReply(StatusCode status, const QString &message)
{
    return {status, {{u"error"_s, message}}, {}};
}

Internal::BridgeReply methodNotAllowed(const QByteArray &allowed)
{
    auto reply = errorReply(StatusCode::MethodNotAllowed,
                            u"this endpoint only takes %1"_s.arg(QString::fromLatin1(allowed)));
    reply.headers.append(std::pair<QByteArray, QByteArray>("Allow", allowed));
    return reply;
}

} // namespace

Bridge::Bridge(BridgeConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_server(std::make_unique<QHttpServer>())
{
    // Routes by path alone: the method is checked in answer(), which can then say 405 rather
    // than QHttpServer's 404 for a known path.
    m_server->route(u"/v1/events"_s,
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        send(std::move(responder), answer(request, Endpoint::Events));
                    });
    m_server->route(u"/v1/health"_s,
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        send(std::move(responder), answer(request, Endpoint::Health));
                    });
    m_server->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            send(std::move(responder), answer(request, Endpoint::Unknown));
        });
}

Bridge::~Bridge() = default;

// Starts listening on 127.0.0.1 at the configured port and returns the port bound. Only the
// loopback address: the bridge trusts whoever holds the token, and the token is only meant to
// travel within this machine. Without a token it refuses to start.
Result<quint16> Bridge::listen()
{
    if (m_config.token.isEmpty())
        return Error{u"the bridge needs a token; refusing to listen without one"_s};
    auto tcp = std::make_unique<HeadLimitedTcpServer>(
        "feed", RequestLimits{.maxHeadBytes = 16 * 1024,
                              .maxBodyBytes = kMaxEventBodyBytes,
                              .requestTimeoutMs = m_config.requestTimeoutMs,
                              .idleTimeoutMs = m_config.idleTimeoutMs});
    tcp->setCorsOrigin([this](const QByteArrayList &origins) { return corsOrigin(origins); });
    if (!tcp->listen(QHostAddress(QHostAddress::LocalHost), m_config.port)) {
        return Error{
            u"cannot listen on 127.0.0.1 port %1: %2"_s.arg(m_config.port).arg(tcp->errorString())};
    }
    m_port = tcp->serverPort();
    m_server->bind(tcp.release()); // the HTTP server becomes its parent
    rg::log::get("feed")->info("bridge listening on 127.0.0.1:{}", m_port);
    return m_port;
}

// Host and Origin come first: a page that reached us through DNS rebinding or from a foreign
// origin learns nothing, not even whether a token would have helped. /v1/health then answers
// anyone on this machine, with nothing but "ok". A listed page gets its origin back on every
// answer past those checks, refusals included, so that it can tell a wrong token from a bad
// event; nothing else gets Access-Control-* headers.
Bridge::Reply Bridge::answer(const QHttpServerRequest &request, Endpoint endpoint)
{
    if (!hostAllowed(request)) {
        return errorReply(StatusCode::Forbidden,
                          u"the Host header must be 127.0.0.1 or localhost"_s);
    }
    if (!originAllowed(request))
        return errorReply(StatusCode::Forbidden, u"this origin may not use the bridge"_s);
    const QByteArray origin = corsOrigin(request);
    if (request.method() == QHttpServerRequest::Method::Options)
        return preflight(request, endpoint, origin);
    Reply reply = serve(request, endpoint);
    if (!origin.isEmpty()) {
        reply.headers.append(
            std::pair<QByteArray, QByteArray>("Access-Control-Allow-Origin", origin));
        reply.headers.append(std::pair<QByteArray, QByteArray>("Vary", "Origin"));
    }
    return reply;
}

Bridge::Reply Bridge::serve(const QHttpServerRequest &request, Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Health:
        if (request.method() != QHttpServerRequest::Method::Get)
            return methodNotAllowed("GET");
        return {StatusCode::Ok, {{u"status"_s, u"ok"_s}}, {}};
    case Endpoint::Events:
        return acceptEvent(request);
    case Endpoint::Unknown:
        break;
    }
    return errorReply(StatusCode::NotFound, u"no such endpoint"_s);
}

// Before a page's cross-origin POST with a token or a JSON body, its browser asks with OPTIONS
// (a CORS preflight), never with credentials: hence no token here. Host and Origin were checked
// already. Only a listed page asking for the endpoint's own method is granted (204); any other
// preflight gets 403 without Access-Control-* headers, which makes the browser block the request.
// 403 and not 405 for another method: OPTIONS is the request's method, and it is allowed; what
// is refused is the permission asked for. The headers a page may send are a fixed list that the
// browser checks the requested ones against.
Bridge::Reply Bridge::preflight(const QHttpServerRequest &request, Endpoint endpoint,
                                const QByteArray &origin)
{
    QByteArray method;
    switch (endpoint) {
    case Endpoint::Events:
        method = "POST";
        break;
    case Endpoint::Health:
        method = "GET";
        break;
    case Endpoint::Unknown:
        return errorReply(StatusCode::NotFound, u"no such endpoint"_s);
    }
    if (origin.isEmpty()) {
        return errorReply(StatusCode::Forbidden,
                          u"a CORS preflight needs the Origin of an allowed page"_s);
    }
    if (headerValue(request, "Access-Control-Request-Method").trimmed() != method) {
        return errorReply(StatusCode::Forbidden,
                          u"this preflight must ask for %1, the only method of this endpoint"_s.arg(
                              QString::fromLatin1(method)));
    }
    Reply reply{StatusCode::NoContent,
                {},
                {{"Access-Control-Allow-Origin", origin},
                 {"Access-Control-Allow-Methods", method},
                 {"Access-Control-Allow-Headers", "Authorization, Content-Type"},
                 {"Access-Control-Max-Age", "600"},
                 {"Vary", "Origin"}}};
    // Chrome's Private Network Access: a page on a public origin reaches 127.0.0.1 only when the
    // preflight's answer agrees to it.
    const QByteArray privateNetwork
        = headerValue(request, "Access-Control-Request-Private-Network").trimmed();
    if (privateNetwork.compare("true", Qt::CaseInsensitive) == 0) {
        reply.headers.append(
            std::pair<QByteArray, QByteArray>("Access-Control-Allow-Private-Network", "true"));
    }
    return reply;
}

// A DNS rebinding attack makes a browser send a page's requests to 127.0.0.1 under the
// attacker's host name; the Host header still carries that name.
bool Bridge::hostAllowed(const QHttpServerRequest &request) const
{
    int hosts = 0;
    QByteArray host;
    for (const auto &[key, value] : request.headers()) {
        if (key.compare("Host", Qt::CaseInsensitive) == 0) {
            ++hosts;
            host = value.trimmed().toLower();
        }
    }
    if (hosts != 1)
        return false;
    const QByteArray port = QByteArray::number(m_port);
    for (const QByteArray &name : {"127.0.0.1"_ba, "localhost"_ba}) {
        if (host == name || host == name + ':' + port)
            return true;
    }
    return false;
}

// Browsers send Origin on every cross-origin request and on every POST; a page not on the list
// is refused even before the token is looked at (CSRF).
bool Bridge::originAllowed(const QHttpServerRequest &request) const
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare("Origin", Qt::CaseInsensitive) == 0 && !listed(value.trimmed()))
            return false;
    }
    return true;
}

// The origin to echo in Access-Control-Allow-Origin, when the request has exactly one Origin and
// it is listed: the request's own spelling, since browsers compare it byte for byte. Empty
// otherwise; never "*", which would let any page read the answers.
QByteArray Bridge::corsOrigin(const QHttpServerRequest &request) const
{
    QByteArrayList origins;
    for (const auto &[key, value] : request.headers()) {
        if (key.compare("Origin", Qt::CaseInsensitive) == 0)
            origins.append(value.trimmed());
    }
    return corsOrigin(origins);
}

QByteArray Bridge::corsOrigin(const QByteArrayList &origins) const
{
    return origins.size() == 1 && listed(origins.front()) ? origins.front() : QByteArray();
}

bool Bridge::listed(const QByteArray &origin) const
{
    const QString name = QString::fromLatin1(origin);
    return std::any_of(m_config.allowedOrigins.cbegin(), m_config.allowedOrigins.cend(),
                       [&name](const QString &allowed) {
                           return name.compare(allowed, Qt::CaseInsensitive) == 0;
                       });
}

Bridge::Reply Bridge::acceptEvent(const QHttpServerRequest &request)
{
    const BearerCheck bearer = checkBearer(request, m_config.token.toUtf8());
    if (bearer != BearerCheck::Valid) {
        Reply reply
            = errorReply(StatusCode::Unauthorized, bearer == BearerCheck::Missing
                                                       ? u"a bearer token is required"_s
                                                       : u"the bearer token is not valid"_s);
        reply.headers.append(std::pair<QByteArray, QByteArray>(
            "WWW-Authenticate", "Bearer realm=\"refundguard-bridge\""));
        return reply;
    }
    if (request.method() != QHttpServerRequest::Method::Post)
        return methodNotAllowed("POST");
    // HeadLimitedTcpServer refuses larger bodies before they are buffered; this only guards
    // against a request that reached us some other way.
    if (request.body().size() > kMaxEventBodyBytes) {
        return errorReply(StatusCode::PayloadTooLarge,
                          u"the body is over %1 bytes"_s.arg(kMaxEventBodyBytes));
    }
    const Result<FeedEvent> event = FeedEvent::parse(request.body());
    if (!event)
        return errorReply(StatusCode::BadRequest, event.error());
    // The type and conversation only: message texts are customer data and stay out of logs.
    rg::log::get("feed")->debug("accepted a {} event for conversation {}",
                                feedEventTypeName(event.value().type).toStdString(),
                                event.value().conversationId.toStdString());
    emit eventReceived(event.value());
    return {StatusCode::Accepted, {{u"accepted"_s, true}}, {}};
}

void Bridge::send(QHttpServerResponder &&responder, const Reply &reply)
{
    responder.writeStatusLine(reply.status);
    // A 204 (a granted preflight) has no body and must not announce one (RFC 9110, 8.6).
    QByteArray body;
    if (reply.status != StatusCode::NoContent) {
        body = QJsonDocument(reply.body).toJson(QJsonDocument::Compact) + '\n';
        responder.writeHeader("Content-Type", "application/json");
        responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    }
    responder.writeHeader("Cache-Control", "no-store");
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeBody(body);
}

} // namespace rg::feed
