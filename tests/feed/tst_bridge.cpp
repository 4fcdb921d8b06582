// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The local bridge over real HTTP on 127.0.0.1: accepted events arrive as signals, every
// refusal has its status, bad input never stops it serving; and its token file.

#include "feed/bridge.h"
#include "feed/bridgetoken.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <algorithm>

#include "testsupport.h"

using namespace Qt::StringLiterals;
using rg::feed::Bridge;
using rg::feed::FeedEvent;
using rg::feed::FeedEventType;

namespace {

constexpr auto kAllowedOrigin = "https://console.example";

using Headers = QList<std::pair<QByteArray, QByteArray>>;

struct Answer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    bool closed = false; // the server closed the connection

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

enum class Until { Answered, Closed };

// Sends \a request as raw bytes on \a socket and reads one answer, spinning the event loop (the
// bridge runs in this thread) until the answer is complete (or, with Until::Closed, the server
// has closed the connection) or 10 s pass.
Answer exchangeOn(QTcpSocket &socket, const QByteArray &request, Until until = Until::Answered)
{
    socket.write(request);
    QByteArray data;
    // A timeout shows as an incomplete answer, which the callers' checks report.
    [[maybe_unused]] const bool answered = QTest::qWaitFor(
        [&] {
            data += socket.readAll();
            return (until == Until::Answered && rg::test::httpAnswerComplete(data))
                   || socket.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    Answer answer;
    answer.closed = socket.state() == QAbstractSocket::UnconnectedState;
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    answer.head = headEnd < 0 ? data : data.first(headEnd);
    answer.body = headEnd < 0 ? QByteArray() : data.mid(headEnd + 4);
    if (data.startsWith("HTTP/1.1 "))
        answer.status = data.mid(9, 3).toInt();
    return answer;
}

// The same on a new connection to \a port.
Answer exchangeRaw(quint16 port, const QByteArray &request, Until until = Until::Answered)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
        return {};
    return exchangeOn(socket, request, until);
}

QByteArray httpRequest(const QByteArray &method, const QByteArray &path, const Headers &headers,
                       const QByteArray &body)
{
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    if (method == "POST" || !body.isEmpty())
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return request + "\r\n" + body;
}

// The CORS part of \a head (its Access-Control-* and Vary headers) as "Name: value" lines, sorted.
QByteArrayList corsHeaders(const QByteArray &head)
{
    QByteArrayList found;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const QByteArray name = line.left(line.indexOf(':')).toLower();
        if (name.startsWith("access-control-") || name == "vary")
            found.append(line);
    }
    std::sort(found.begin(), found.end());
    return found;
}

QByteArray messageEvent(const QByteArray &text)
{
    return R"({"type":"message","conversation_id":"c-9","role":"customer","text":")"_ba + text
           + "\"}";
}

} // namespace

class TestBridge final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void acceptedEvents_data();
    void acceptedEvents();
    void rejections_data();
    void rejections();
    void bodyLimit();
    void preflight_data();
    void preflight();
    void corsOnAnswers_data();
    void corsOnAnswers();
    void preflightThenPost();
    void health();
    void garbageDoesNotStopIt();
    void tokenFile();
    void refusesToListenWithoutToken();

private:
    Headers goodHeaders() const
    {
        return {{"Host", "127.0.0.1:" + QByteArray::number(m_bridge->port())},
                {"Authorization", "Bearer " + m_token.toLatin1()}};
    }

    QTemporaryDir m_dir;
    QString m_token;
    std::unique_ptr<Bridge> m_bridge;
};

void TestBridge::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto token = rg::feed::loadOrCreateBridgeToken(m_dir.filePath(u"bridge.token"_s));
    QVERIFY2(token.ok(), qPrintable(rg::test::errorOf(token)));
    m_token = token.value();
    m_bridge = std::make_unique<Bridge>(rg::feed::BridgeConfig{
        .token = m_token, .allowedOrigins = {QString::fromLatin1(kAllowedOrigin)}});
    const auto port = m_bridge->listen();
    QVERIFY2(port.ok(), qPrintable(rg::test::errorOf(port)));
    QVERIFY(port.value() != 0);
    QCOMPARE(m_bridge->port(), port.value());
}

void TestBridge::acceptedEvents_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("conversation");
    QTest::newRow("case_opened")
        << R"({"type":"case_opened","conversation_id":"c-1","case_id":"case-2001"})"_ba
        << int(FeedEventType::CaseOpened) << u"c-1"_s;
    QTest::newRow("message") << messageEvent("it never arrived") << int(FeedEventType::Message)
                             << u"c-9"_s;
    QTest::newRow("agent_action")
        << R"({"type":"agent_action","conversation_id":"c-2","action":{"type":"refund","amount":120}})"_ba
        << int(FeedEventType::AgentAction) << u"c-2"_s;
    QTest::newRow("case_closed") << R"({"type":"case_closed","conversation_id":"c-3"})"_ba
                                 << int(FeedEventType::CaseClosed) << u"c-3"_s;
}

// Each event type, posted with QNetworkAccessManager and the token, is answered 202 and
// arrives as one eventReceived with the event as sent.
void TestBridge::acceptedEvents()
{
    QFETCH(QByteArray, body);
    QFETCH(int, type);
    QFETCH(QString, conversation);
    QSignalSpy received(m_bridge.get(), &Bridge::eventReceived);
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/v1/events"_s.arg(m_bridge->port())));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 202);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object(),
             QJsonObject({{u"accepted"_s, true}}));
    QCOMPARE(received.size(), 1);
    const auto event = received.at(0).at(0).value<FeedEvent>();
    QCOMPARE(int(event.type), type);
    QCOMPARE(event.conversationId, conversation);
    QCOMPARE(event, FeedEvent::parse(body).value());
}

void TestBridge::rejections_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error"); // part of the JSON error; empty for a success

    const QByteArray port = QByteArray::number(m_bridge->port());
    const QByteArray host = "127.0.0.1:" + port;
    const QByteArray bearer = "Bearer " + m_token.toLatin1();
    const QByteArray event = R"({"type":"case_closed","conversation_id":"c-5"})";
    const auto row
        = [](const char *name) -> QTestData & { return QTest::newRow(name) << "POST"_ba; };

    row("no token") << "/v1/events"_ba << Headers{{"Host", host}} << event << 401
                    << u"a bearer token is required"_s;
    row("basic auth") << "/v1/events"_ba
                      << Headers{{"Host", host}, {"Authorization", "Basic dG9rOnRvaw=="}} << event
                      << 401 << u"a bearer token is required"_s;
    row("wrong token") << "/v1/events"_ba
                       << Headers{{"Host", host}, {"Authorization", bearer.chopped(1) + "x"}}
                       << event << 401 << u"not valid"_s;
    row("token prefix") << "/v1/events"_ba
                        << Headers{{"Host", host}, {"Authorization", bearer.chopped(1)}} << event
                        << 401 << u"not valid"_s;
    row("foreign host") << "/v1/events"_ba
                        << Headers{{"Host", "evil.example"}, {"Authorization", bearer}} << event
                        << 403 << u"Host"_s;
    row("foreign host with our port")
        << "/v1/events"_ba << Headers{{"Host", "evil.example:" + port}, {"Authorization", bearer}}
        << event << 403 << u"Host"_s;
    row("loopback on another port")
        << "/v1/events"_ba << Headers{{"Host", "127.0.0.1:1"}, {"Authorization", bearer}} << event
        << 403 << u"Host"_s;
    row("no host") << "/v1/events"_ba << Headers{{"Authorization", bearer}} << event << 403
                   << u"Host"_s;
    row("two hosts") << "/v1/events"_ba
                     << Headers{{"Host", host}, {"Host", "evil.example"}, {"Authorization", bearer}}
                     << event << 403 << u"Host"_s;
    row("localhost") << "/v1/events"_ba
                     << Headers{{"Host", "LocalHost:" + port}, {"Authorization", bearer}} << event
                     << 202 << QString();
    row("origin not allowed") << "/v1/events"_ba
                              << Headers{{"Host", host},
                                         {"Authorization", bearer},
                                         {"Origin", "https://evil.example"}}
                              << event << 403 << u"origin"_s;
    row("origin null") << "/v1/events"_ba
                       << Headers{{"Host", host}, {"Authorization", bearer}, {"Origin", "null"}}
                       << event << 403 << u"origin"_s;
    row("origin allowed") << "/v1/events"_ba
                          << Headers{{"Host", host},
                                     {"Authorization", bearer},
                                     {"Origin", kAllowedOrigin}}
                          << event << 202 << QString();
    row("malformed JSON") << "/v1/events"_ba << Headers{{"Host", host}, {"Authorization", bearer}}
                          << "{\"type\":"_ba << 400 << u"malformed JSON at offset"_s;
    row("empty body") << "/v1/events"_ba << Headers{{"Host", host}, {"Authorization", bearer}}
                      << QByteArray() << 400 << u"malformed JSON"_s;
    row("unknown type") << "/v1/events"_ba << Headers{{"Host", host}, {"Authorization", bearer}}
                        << R"({"type":"refund_now","conversation_id":"c"})"_ba << 400
                        << u"/type: unknown event type \"refund_now\""_s;
    row("bad role") << "/v1/events"_ba << Headers{{"Host", host}, {"Authorization", bearer}}
                    << R"({"type":"message","conversation_id":"c","role":"boss","text":"x"})"_ba
                    << 400 << u"/role: expected customer, agent or system"_s;
    QTest::newRow("GET on events")
        << "GET"_ba
        << "/v1/events"_ba << Headers{{"Host", host}, {"Authorization", bearer}} << QByteArray()
        << 405 << u"POST"_s;
    QTest::newRow("PUT on events")
        << "PUT"_ba
        << "/v1/events"_ba << Headers{{"Host", host}, {"Authorization", bearer}} << event << 405
        << u"POST"_s;
    QTest::newRow("unknown path") << "GET"_ba
                                  << "/v1/secrets"_ba
                                  << Headers{{"Host", host}, {"Authorization", bearer}}
                                  << QByteArray() << 404 << u"no such endpoint"_s;
    QTest::newRow("unknown path, foreign host")
        << "GET"_ba
        << "/v1/secrets"_ba << Headers{{"Host", "evil.example"}} << QByteArray() << 403
        << u"Host"_s;
}

// Each refusal has its status and a JSON reason, and emits nothing; the two successes among
// the rows (localhost, an allowed origin) emit exactly one event.
void TestBridge::rejections()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, error);
    QSignalSpy received(m_bridge.get(), &Bridge::eventReceived);
    const Answer answer = exchangeRaw(m_bridge->port(), httpRequest(method, path, headers, body));
    QVERIFY2(answer.status == status, answer.head.constData());
    if (status == 202) {
        QCOMPARE(answer.json().value(u"accepted"_s).toBool(), true);
        QCOMPARE(received.size(), 1);
        return;
    }
    const QString reason = answer.json().value(u"error"_s).toString();
    QVERIFY2(reason.contains(error), qPrintable(reason));
    QCOMPARE(received.size(), 0);
    if (status == 401)
        QVERIFY(answer.head.toLower().contains("www-authenticate: bearer"));
    if (status == 405)
        QVERIFY(answer.head.contains("Allow: POST"));
    // Nothing the bridge answers repeats the token.
    QVERIFY(!answer.body.contains(m_token.toLatin1()));
}

// 64 KiB is accepted; 64 KiB + 1 is answered 413 from the announced length, before the body is
// read, and the connection closes; the bridge serves on.
void TestBridge::bodyLimit()
{
    QSignalSpy received(m_bridge.get(), &Bridge::eventReceived);
    const QByteArray wrapper = messageEvent({});
    const QByteArray fits
        = messageEvent(QByteArray(rg::feed::kMaxEventBodyBytes - wrapper.size(), 'a'));
    QCOMPARE(fits.size(), rg::feed::kMaxEventBodyBytes);
    const Answer accepted
        = exchangeRaw(m_bridge->port(), httpRequest("POST", "/v1/events", goodHeaders(), fits));
    QVERIFY2(accepted.status == 202, accepted.head.constData());
    QCOMPARE(received.size(), 1);

    const QByteArray tooLarge = fits + ' ';
    const Answer refused
        = exchangeRaw(m_bridge->port(), httpRequest("POST", "/v1/events", goodHeaders(), tooLarge));
    QVERIFY2(refused.status == 413, refused.head.constData());
    QVERIFY2(refused.json().value(u"error"_s).toString().contains(u"65536"_s),
             refused.body.constData());
    QCOMPARE(received.size(), 1);

    // Announcing a gigabyte and sending nothing more is refused at once, not waited for.
    const Answer announced
        = exchangeRaw(m_bridge->port(),
                      "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                      "1073741824\r\n\r\n",
                      Until::Closed);
    QVERIFY2(announced.status == 413, announced.head.constData());
    QVERIFY(announced.closed);

    const Answer after = exchangeRaw(
        m_bridge->port(), httpRequest("POST", "/v1/events", goodHeaders(), messageEvent("ok")));
    QCOMPARE(after.status, 202);
}

void TestBridge::preflight_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArrayList>("cors"); // the answer's CORS headers, in any order

    const QByteArray host = "127.0.0.1:" + QByteArray::number(m_bridge->port());
    const std::pair<QByteArray, QByteArray> origin("Origin", kAllowedOrigin);
    const std::pair<QByteArray, QByteArray> asksPost("Access-Control-Request-Method", "POST");
    const std::pair<QByteArray, QByteArray> asksHeaders("Access-Control-Request-Headers",
                                                        "authorization, content-type");
    const QByteArrayList granted = {
        "Access-Control-Allow-Origin: "_ba + kAllowedOrigin,
        "Access-Control-Allow-Methods: POST",
        "Access-Control-Allow-Headers: Authorization, Content-Type",
        "Access-Control-Max-Age: 600",
        "Vary: Origin",
    };

    QTest::newRow("events, allowed origin")
        << "/v1/events"_ba << Headers{{"Host", host}, origin, asksPost, asksHeaders} << 204
        << granted;
    QTest::newRow("events, localhost")
        << "/v1/events"_ba << Headers{{"Host", "localhost"}, origin, asksPost} << 204 << granted;
    QByteArrayList privateNetwork = granted;
    privateNetwork.append("Access-Control-Allow-Private-Network: true");
    QTest::newRow("private network") << "/v1/events"_ba
                                     << Headers{{"Host", host},
                                                origin,
                                                asksPost,
                                                asksHeaders,
                                                {"Access-Control-Request-Private-Network", "true"}}
                                     << 204 << privateNetwork;
    QByteArrayList health = granted;
    health.replace(1, "Access-Control-Allow-Methods: GET");
    QTest::newRow("health, allowed origin")
        << "/v1/health"_ba
        << Headers{{"Host", host}, origin, {"Access-Control-Request-Method", "GET"}} << 204
        << health;

    // Refused: 403 (404 for an unknown path) and nothing that lets the browser go on.
    QTest::newRow("origin not allowed")
        << "/v1/events"_ba
        << Headers{{"Host", host}, {"Origin", "https://evil.example"}, asksPost, asksHeaders} << 403
        << QByteArrayList();
    QTest::newRow("origin null") << "/v1/events"_ba
                                 << Headers{{"Host", host}, {"Origin", "null"}, asksPost} << 403
                                 << QByteArrayList();
    QTest::newRow("no origin") << "/v1/events"_ba << Headers{{"Host", host}, asksPost, asksHeaders}
                               << 403 << QByteArrayList();
    QTest::newRow("two origins") << "/v1/events"_ba
                                 << Headers{{"Host", host}, origin, origin, asksPost} << 403
                                 << QByteArrayList();
    QTest::newRow("foreign host")
        << "/v1/events"_ba << Headers{{"Host", "evil.example"}, origin, asksPost, asksHeaders}
        << 403 << QByteArrayList();
    QTest::newRow("no host") << "/v1/events"_ba << Headers{origin, asksPost} << 403
                             << QByteArrayList();
    QTest::newRow("PUT on events")
        << "/v1/events"_ba
        << Headers{{"Host", host}, origin, {"Access-Control-Request-Method", "PUT"}} << 403
        << QByteArrayList();
    QTest::newRow("GET on events")
        << "/v1/events"_ba
        << Headers{{"Host", host}, origin, {"Access-Control-Request-Method", "GET"}} << 403
        << QByteArrayList();
    QTest::newRow("post, lower case")
        << "/v1/events"_ba
        << Headers{{"Host", host}, origin, {"Access-Control-Request-Method", "post"}} << 403
        << QByteArrayList();
    QTest::newRow("POST on health")
        << "/v1/health"_ba << Headers{{"Host", host}, origin, asksPost} << 403 << QByteArrayList();
    QTest::newRow("no method asked")
        << "/v1/events"_ba << Headers{{"Host", host}, origin} << 403 << QByteArrayList();
    QTest::newRow("unknown path") << "/v1/secrets"_ba << Headers{{"Host", host}, origin, asksPost}
                                  << 404 << QByteArrayList();
}

// An OPTIONS preflight needs no token: a listed page asking for the endpoint's method gets 204
// with its own origin (never "*") and exactly the CORS headers it needs, and no body; every
// other preflight is refused without any Access-Control-* header. None emits an event.
void TestBridge::preflight()
{
    QFETCH(QByteArray, path);
    QFETCH(Headers, headers);
    QFETCH(int, status);
    QFETCH(QByteArrayList, cors);
    std::sort(cors.begin(), cors.end());
    QSignalSpy received(m_bridge.get(), &Bridge::eventReceived);
    const Answer answer = exchangeRaw(m_bridge->port(), httpRequest("OPTIONS", path, headers, {}));
    QVERIFY2(answer.status == status, answer.head.constData());
    QCOMPARE(corsHeaders(answer.head), cors);
    QCOMPARE(received.size(), 0);
    if (status == 204) {
        QVERIFY(answer.body.isEmpty());
        QVERIFY(!answer.head.toLower().contains("content-length"));
    } else {
        QVERIFY2(!answer.json().value(u"error"_s).toString().isEmpty(), answer.body.constData());
    }
}

void TestBridge::corsOnAnswers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("cors"); // whether the answer echoes the allowed origin

    const QByteArray host = "127.0.0.1:" + QByteArray::number(m_bridge->port());
    const std::pair<QByteArray, QByteArray> bearer("Authorization", "Bearer " + m_token.toLatin1());
    const std::pair<QByteArray, QByteArray> origin("Origin", kAllowedOrigin);
    const QByteArray event = R"({"type":"case_closed","conversation_id":"c-6"})";

    QTest::newRow("accepted, allowed origin")
        << "POST"_ba
        << "/v1/events"_ba << Headers{{"Host", host}, bearer, origin} << event << 202 << true;
    QTest::newRow("accepted, no origin")
        << "POST"_ba
        << "/v1/events"_ba << Headers{{"Host", host}, bearer} << event << 202 << false;
    QTest::newRow("no token, allowed origin")
        << "POST"_ba
        << "/v1/events"_ba << Headers{{"Host", host}, origin} << event << 401 << true;
    QTest::newRow("no token, no origin")
        << "POST"_ba
        << "/v1/events"_ba << Headers{{"Host", host}} << event << 401 << false;
    QTest::newRow("malformed JSON, allowed origin")
        << "POST"_ba
        << "/v1/events"_ba << Headers{{"Host", host}, bearer, origin} << "{"_ba << 400 << true;
    QTest::newRow("GET on events, allowed origin")
        << "GET"_ba
        << "/v1/events"_ba << Headers{{"Host", host}, bearer, origin} << QByteArray() << 405
        << true;
    QTest::newRow("health, allowed origin")
        << "GET"_ba
        << "/v1/health"_ba << Headers{{"Host", host}, origin} << QByteArray() << 200 << true;
    QTest::newRow("origin not allowed")
        << "POST"_ba
        << "/v1/events"_ba << Headers{{"Host", host}, bearer, {"Origin", "https://evil.example"}}
        << event << 403 << false;
    QTest::newRow("foreign host, allowed origin")
        << "POST"_ba
        << "/v1/events"_ba << Headers{{"Host", "evil.example"}, bearer, origin} << event << 403
        << false;
}

// What a listed page's request is answered, success or refusal, carries its origin in
// Access-Control-Allow-Origin and "Vary: Origin", so that the page can read it; answers to
// requests without Origin, or refused for their Host or Origin, carry no CORS header.
void TestBridge::corsOnAnswers()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(bool, cors);
    const Answer answer = exchangeRaw(m_bridge->port(), httpRequest(method, path, headers, body));
    QVERIFY2(answer.status == status, answer.head.constData());
    const QByteArrayList expected
        = cors ? QByteArrayList{"Access-Control-Allow-Origin: "_ba + kAllowedOrigin, "Vary: Origin"}
               : QByteArrayList();
    QCOMPARE(corsHeaders(answer.head), expected);
}

// What a browser does for a listed page: the preflight, then the POST on the same connection.
// The 204 announces no body, so the connection must stay in step for the POST to be answered.
void TestBridge::preflightThenPost()
{
    QSignalSpy received(m_bridge.get(), &Bridge::eventReceived);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_bridge->port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray host = "127.0.0.1:" + QByteArray::number(m_bridge->port());
    const Answer preflight = exchangeOn(
        socket, httpRequest("OPTIONS", "/v1/events",
                            {{"Host", host},
                             {"Origin", kAllowedOrigin},
                             {"Access-Control-Request-Method", "POST"},
                             {"Access-Control-Request-Headers", "authorization, content-type"}},
                            {}));
    QVERIFY2(preflight.status == 204, preflight.head.constData());
    QVERIFY(!preflight.closed);
    const Headers headers
        = goodHeaders() + Headers{{"Origin", kAllowedOrigin}, {"Content-Type", "application/json"}};
    const Answer post
        = exchangeOn(socket, httpRequest("POST", "/v1/events", headers, messageEvent("hello")));
    QVERIFY2(post.status == 202, post.head.constData());
    QVERIFY(post.head.contains("\r\nAccess-Control-Allow-Origin: "_ba + kAllowedOrigin));
    QCOMPARE(received.size(), 1);
}

// /v1/health answers anyone on this machine with {"status":"ok"} and nothing more.
void TestBridge::health()
{
    const QByteArray host = "127.0.0.1:" + QByteArray::number(m_bridge->port());
    const Answer health
        = exchangeRaw(m_bridge->port(), httpRequest("GET", "/v1/health", {{"Host", host}}, {}));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body, "{\"status\":\"ok\"}\n"_ba);
    QVERIFY(!health.head.contains(m_token.toLatin1()));
    QVERIFY(!health.head.toLower().contains("server:"));

    const Answer post
        = exchangeRaw(m_bridge->port(), httpRequest("POST", "/v1/health", {{"Host", host}}, "{}"));
    QCOMPARE(post.status, 405);
    const Answer foreign = exchangeRaw(
        m_bridge->port(), httpRequest("GET", "/v1/health", {{"Host", "evil.example"}}, {}));
    QCOMPARE(foreign.status, 403);
}

// Random bytes, a request QHttpServer's parser refuses, a 1 MB request line, a 1 MB header
// line: each connection is closed (after at most an error answer), and the bridge answers the
// next request. QHttpServer 6.4 itself would leave the refused connection open for good.
void TestBridge::garbageDoesNotStopIt()
{
    QByteArray random(4096, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &c : random)
        c = static_cast<char>(generator.bounded(256));
    const QList<std::pair<const char *, QByteArray>> floods = {
        {"random bytes", random},
        {"not HTTP", "GET /v1/health HTTX/1.1\r\nHost: localhost\r\n\r\n"_ba},
        {"1 MB request line", "GET /" + QByteArray(1024 * 1024, 'a') + " HTTP/1.1\r\n\r\n"},
        {"1 MB header line",
         "GET /v1/health HTTP/1.1\r\nX-Big: " + QByteArray(1024 * 1024, 'b') + "\r\n\r\n"},
    };
    for (const auto &[name, flood] : floods) {
        const Answer answer = exchangeRaw(m_bridge->port(), flood, Until::Closed);
        QVERIFY2(answer.closed, qPrintable(QString::fromLatin1(name) + u": "_s
                                           + QString::fromLatin1(answer.head + answer.body)));
        QVERIFY2(answer.status == 0 || answer.status == 400 || answer.status == 431,
                 qPrintable(
                     u"%1: %2"_s.arg(QString::fromLatin1(name), QString::fromLatin1(answer.head))));
        const Answer health = exchangeRaw(
            m_bridge->port(), httpRequest("GET", "/v1/health", {{"Host", "localhost"}}, {}));
        QVERIFY2(health.status == 200, name);
    }
}

// The token file is created owner-only (0600), holds 32 random bytes as base64url, and loads
// back unchanged; another path gets another token; an exposed file is refused, not replaced.
void TestBridge::tokenFile()
{
    const QString path = m_dir.filePath(u"sub/dir/token"_s);
    const auto first = rg::feed::loadOrCreateBridgeToken(path);
    QVERIFY2(first.ok(), qPrintable(rg::test::errorOf(first)));
    QCOMPARE(first.value().size(), 43);
    QCOMPARE(QByteArray::fromBase64(first.value().toLatin1(), QByteArray::Base64UrlEncoding).size(),
             32);
    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, 0600u);
    const auto second = rg::feed::loadOrCreateBridgeToken(path);
    QVERIFY2(second.ok(), qPrintable(rg::test::errorOf(second)));
    QCOMPARE(second.value(), first.value());

    const auto other = rg::feed::loadOrCreateBridgeToken(m_dir.filePath(u"other.token"_s));
    QVERIFY(other.ok());
    QVERIFY(other.value() != first.value());

    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const auto exposed = rg::feed::loadOrCreateBridgeToken(path);
    QVERIFY(!exposed.ok());
    QVERIFY2(exposed.error().contains(u"chmod 600"_s), qPrintable(exposed.error()));

    const QString garbled = m_dir.filePath(u"garbled.token"_s);
    QFile file(garbled);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a token\n");
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    const auto refused = rg::feed::loadOrCreateBridgeToken(garbled);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(u"not a bridge token"_s), qPrintable(refused.error()));
}

// A bridge without a token would accept events from anyone on the machine.
void TestBridge::refusesToListenWithoutToken()
{
    Bridge bridge(rg::feed::BridgeConfig{});
    const auto port = bridge.listen();
    QVERIFY(!port.ok());
    QVERIFY2(port.error().contains(u"token"_s), qPrintable(port.error()));
}

QTEST_GUILESS_MAIN(TestBridge)
#include "tst_bridge.moc"
