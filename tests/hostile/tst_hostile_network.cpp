// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Hostile HTTP both ways, over real sockets on 127.0.0.1: huge, truncated, lying, trickled and
// garbage requests to the bridge; huge, truncated, endless, silent and deeply nested answers
// from a case service to the HTTP case provider.

#include "context/httpcaseprovider.h"
#include "feed/bridge.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include "testsupport.h"

using namespace Qt::StringLiterals;
using rg::context::CaseFetch;
using rg::context::FetchError;
using rg::context::HttpCaseProvider;
using rg::feed::Bridge;

namespace {

constexpr auto kOrigin = "https://console.example";
constexpr auto kToken = "hostile-test-token-0123456789abcdef";

struct Answer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    bool closed = false;
};

// Reads from \a socket until a whole answer (head and Content-Length body) is there, or the
// server closed the connection, or 10 s passed; the bridge runs in this thread.
Answer readAnswer(QTcpSocket &socket)
{
    QByteArray data;
    [[maybe_unused]] const bool done = QTest::qWaitFor(
        [&] {
            data += socket.readAll();
            return rg::test::httpAnswerComplete(data)
                   || socket.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    data += socket.readAll();
    Answer answer;
    answer.closed = socket.state() == QAbstractSocket::UnconnectedState;
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    answer.head = headEnd < 0 ? data : data.first(headEnd);
    answer.body = headEnd < 0 ? QByteArray() : data.mid(headEnd + 4);
    if (data.startsWith("HTTP/1.1 "))
        answer.status = data.mid(9, 3).toInt();
    return answer;
}

bool connectTo(QTcpSocket &socket, quint16 port)
{
    socket.connectToHost(QHostAddress::LocalHost, port);
    return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
}

// The value of header \a name in \a head, lower-cased name compared; empty when absent.
QByteArray headerOf(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().toLower() == name.toLower())
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// How a case service misbehaves.
enum class Misbehaviour {
    HugeDeclared,   // announces 64 MB and starts sending
    HugeUndeclared, // no Content-Length, sends 12 MB and more
    Truncated,      // announces 1000 bytes, sends 20 and closes
    Silent,         // accepts and never answers
    Trickle,        // sends its head, then the body one byte every 50 ms
    DeeplyNested,   // a complete 200 whose body is 100k '['
    Garbage,        // a status line that is not HTTP
};

// Use me as a case service that misbehaves on purpose: a plain QTcpServer, so that it can break
// HTTP in ways a well-behaved server library would not.
class HostileServer final : public QObject
{
public:
    explicit HostileServer(Misbehaviour how)
        : m_how(how)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_connections;
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
            }
        });
        connect(&m_timer, &QTimer::timeout, this, [this] { trickle(); });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }

private:
    void onRead(QTcpSocket *socket)
    {
        m_request += socket->readAll();
        if (!m_request.contains("\r\n\r\n") || m_answered.contains(socket))
            return;
        m_answered.append(socket);
        const QByteArray ok = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"_ba;
        switch (m_how) {
        case Misbehaviour::HugeDeclared:
            socket->write(ok + "Content-Length: 67108864\r\n\r\n" + QByteArray(1 << 20, ' '));
            break;
        case Misbehaviour::HugeUndeclared:
            socket->write(ok + "Connection: close\r\n\r\n[");
            for (int i = 0; i < 12; ++i)
                socket->write(QByteArray(1 << 20, ' '));
            break;
        case Misbehaviour::Truncated:
            socket->write(ok + "Content-Length: 1000\r\n\r\n{\"id\": \"case-1\", \"or");
            socket->flush();
            socket->disconnectFromHost();
            break;
        case Misbehaviour::Silent:
            break;
        case Misbehaviour::Trickle:
            socket->write(ok + "Content-Length: 40\r\n\r\n");
            m_trickled = socket;
            m_pending = "{\"id\":\"case-1\",\"schema_version\":1}     ";
            m_timer.start(50);
            break;
        case Misbehaviour::DeeplyNested: {
            const QByteArray body = QByteArray(100'000, '[') + QByteArray(100'000, ']');
            socket->write(ok + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                          + body);
            break;
        }
        case Misbehaviour::Garbage:
            socket->write("SMTP 220 ready\r\n\r\n\x01\x02\x03");
            socket->flush();
            socket->disconnectFromHost();
            break;
        }
    }

    void trickle()
    {
        if (m_pending.isEmpty() || !m_trickled
            || m_trickled->state() != QAbstractSocket::ConnectedState) {
            m_timer.stop();
            return;
        }
        m_trickled->write(m_pending.first(1));
        m_pending.remove(0, 1);
    }

    Misbehaviour m_how;
    QTcpServer m_server;
    QTimer m_timer;
    QByteArray m_request;
    QList<QTcpSocket *> m_answered;
    QTcpSocket *m_trickled = nullptr;
    QByteArray m_pending;
    int m_connections = 0;
};

} // namespace

class TestHostileNetwork final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // Over the body limit (declared or chunked): 413 with the page's CORS headers, so the
    // extension can read why; the connection closes and the bridge goes on serving.
    void bridgeRefusesHugeBodies_data();
    void bridgeRefusesHugeBodies();
    // A head too large is refused (431) with CORS headers for a listed page; garbage is closed.
    void bridgeEarlyRefusalsCarryCors_data();
    void bridgeEarlyRefusalsCarryCors();
    // A body shorter than its Content-Length, then a hang-up; a body longer than declared: no
    // event from either, and the bridge still serves.
    void bridgeContentLengthLies();
    // A client trickling its head a byte at a time does not hold up others.
    void bridgeSlowHeadDoesNotBlockOthers();
    // A request that stops arriving (trickled head, short body, endless chunked body) is
    // answered 408 with CORS headers once its time is up, and an idle connection is closed;
    // the bridge goes on serving. Requests on a busy keep-alive connection are timed each.
    void bridgeTimesOutStalledRequests_data();
    void bridgeTimesOutStalledRequests();
    void bridgeKeepsBusyConnections();
    // An event 30k arrays deep: 400 naming the problem, nothing emitted.
    void bridgeDeeplyNestedEvent();
    // A case service that misbehaves gives a clear error, within the timeout, without a hang.
    void caseServiceMisbehaves_data();
    void caseServiceMisbehaves();

private:
    QByteArray hostHeader() const { return "127.0.0.1:" + QByteArray::number(m_bridge->port()); }
    QByteArray eventRequest(const QByteArray &body, const QByteArray &extraHeaders = {}) const;
    void verifyHealthy();

    std::unique_ptr<Bridge> m_bridge;
};

void TestHostileNetwork::initTestCase()
{
    rg::context::registerMetaTypes();
    m_bridge = std::make_unique<Bridge>(rg::feed::BridgeConfig{
        .token = QString::fromLatin1(kToken), .allowedOrigins = {QString::fromLatin1(kOrigin)}});
    const auto port = m_bridge->listen();
    QVERIFY2(port.ok(), qPrintable(rg::test::errorOf(port)));
}

QByteArray TestHostileNetwork::eventRequest(const QByteArray &body,
                                            const QByteArray &extraHeaders) const
{
    return "POST /v1/events HTTP/1.1\r\nHost: " + hostHeader() + "\r\nOrigin: " + kOrigin
           + "\r\nAuthorization: Bearer " + kToken + "\r\nContent-Type: application/json\r\n"
           + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
           + body;
}

// The bridge still answers a plain health check, and accepts a real event.
void TestHostileNetwork::verifyHealthy()
{
    QTcpSocket socket;
    QVERIFY(connectTo(socket, m_bridge->port()));
    socket.write("GET /v1/health HTTP/1.1\r\nHost: " + hostHeader() + "\r\n\r\n");
    QCOMPARE(readAnswer(socket).status, 200);

    QSignalSpy events(m_bridge.get(), &Bridge::eventReceived);
    QTcpSocket post;
    QVERIFY(connectTo(post, m_bridge->port()));
    post.write(eventRequest(
        R"({"type":"message","conversation_id":"c-1","role":"customer","text":"hello"})"));
    QCOMPARE(readAnswer(post).status, 202);
    QCOMPARE(events.count(), 1);
}

void TestHostileNetwork::bridgeRefusesHugeBodies_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<qsizetype>("size");
    QTest::newRow("declared 1 MB") << false << qsizetype(1 << 20);
    QTest::newRow("declared 100 MB, 1 MB sent") << false << qsizetype(100 << 20);
    QTest::newRow("chunked 1 MB") << true << qsizetype(1 << 20);
}

void TestHostileNetwork::bridgeRefusesHugeBodies()
{
    QFETCH(bool, chunked);
    QFETCH(qsizetype, size);
    QSignalSpy events(m_bridge.get(), &Bridge::eventReceived);
    QTcpSocket socket;
    QVERIFY(connectTo(socket, m_bridge->port()));
    const QByteArray head = "POST /v1/events HTTP/1.1\r\nHost: " + hostHeader()
                            + "\r\nOrigin: " + kOrigin + "\r\nAuthorization: Bearer " + kToken
                            + "\r\nContent-Type: application/json\r\n";
    const QByteArray chunk(1 << 20, 'x');
    if (chunked) {
        socket.write(head + "Transfer-Encoding: chunked\r\n\r\n"
                     + QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
    } else {
        socket.write(head + "Content-Length: " + QByteArray::number(size) + "\r\n\r\n"
                     + chunk.first(std::min<qsizetype>(size, chunk.size())));
    }
    const Answer answer = readAnswer(socket);
    QCOMPARE(answer.status, 413);
    QVERIFY2(answer.body.contains("over"), answer.body.constData());
    QCOMPARE(headerOf(answer.head, "Access-Control-Allow-Origin"), QByteArray(kOrigin));
    QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; },
                            10000));
    QCOMPARE(events.count(), 0);
    verifyHealthy();
}

void TestHostileNetwork::bridgeEarlyRefusalsCarryCors_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("cors");
    const QByteArray host = "Host: 127.0.0.1\r\n";
    const QByteArray origin = "Origin: "_ba + kOrigin + "\r\n";
    QTest::newRow("431, listed origin") << "GET /v1/health HTTP/1.1\r\n" + host + origin
                                               + "X-Pad: " + QByteArray(64 * 1024, 'p') + "\r\n\r\n"
                                        << 431 << true;
    QTest::newRow("431, foreign origin")
        << "GET /v1/health HTTP/1.1\r\n" + host
               + "Origin: https://evil.example\r\nX-Pad: " + QByteArray(64 * 1024, 'p') + "\r\n\r\n"
        << 431 << false;
    QTest::newRow("garbage request line") << "\x16\x03\x01 hello there\r\n\r\n"_ba << 400 << false;
}

void TestHostileNetwork::bridgeEarlyRefusalsCarryCors()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(bool, cors);
    QTcpSocket socket;
    QVERIFY(connectTo(socket, m_bridge->port()));
    socket.write(request);
    const Answer answer = readAnswer(socket);
    // A head too large or garbage may be cut off (reset) before its answer is read; then there
    // is none.
    if (answer.status != 0) {
        QCOMPARE(answer.status, status);
        QCOMPARE(headerOf(answer.head, "Access-Control-Allow-Origin"),
                 cors ? QByteArray(kOrigin) : QByteArray());
    }
    QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; },
                            10000));
    verifyHealthy();
}

void TestHostileNetwork::bridgeContentLengthLies()
{
    QSignalSpy events(m_bridge.get(), &Bridge::eventReceived);
    const QByteArray event
        = R"({"type":"message","conversation_id":"c-2","role":"customer","text":"hi"})";
    {
        // Announces more than it sends, then hangs up.
        QTcpSocket socket;
        QVERIFY(connectTo(socket, m_bridge->port()));
        QByteArray request = eventRequest(event);
        request.replace("Content-Length: " + QByteArray::number(event.size()),
                        "Content-Length: 5000");
        socket.write(request);
        QVERIFY(socket.waitForBytesWritten(5000));
        socket.disconnectFromHost();
        QTest::qWait(100);
    }
    QCOMPARE(events.count(), 0);
    {
        // Announces less than it sends: the body is cut where it said, so not valid JSON, and
        // the rest is not taken as a request of its own that could smuggle an event.
        QTcpSocket socket;
        QVERIFY(connectTo(socket, m_bridge->port()));
        QByteArray request = eventRequest(event);
        request.replace("Content-Length: " + QByteArray::number(event.size()),
                        "Content-Length: 10");
        socket.write(request);
        const Answer answer = readAnswer(socket);
        QCOMPARE(answer.status, 400);
        QTest::qWait(100);
    }
    QCOMPARE(events.count(), 0);
    verifyHealthy();
}

void TestHostileNetwork::bridgeSlowHeadDoesNotBlockOthers()
{
    QTcpSocket slow;
    QVERIFY(connectTo(slow, m_bridge->port()));
    const QByteArray request = "GET /v1/health HTTP/1.1\r\nHost: " + hostHeader() + "\r\n\r\n";
    // Half the head, a byte at a time; the others are served meanwhile.
    for (qsizetype i = 0; i < request.size() / 2; ++i) {
        slow.write(request.mid(i, 1));
        QTest::qWait(5);
    }
    verifyHealthy();
    slow.write(request.mid(request.size() / 2));
    QCOMPARE(readAnswer(slow).status, 200);
}

void TestHostileNetwork::bridgeTimesOutStalledRequests_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<int>("status"); // 0: closed without an answer
    const QByteArray head = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: "_ba + kOrigin
                            + "\r\nAuthorization: Bearer " + kToken + "\r\n";
    QTest::newRow("head stops half way") << head + "Content-Ty" << 408;
    QTest::newRow("body shorter than declared")
        << head + "Content-Length: 100\r\n\r\n{\"type\":" << 408;
    QTest::newRow("chunked body that never ends")
        << head + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"type\":\"message\"," << 408;
    QTest::newRow("silent connection") << QByteArray() << 0;
}

void TestHostileNetwork::bridgeTimesOutStalledRequests()
{
    QFETCH(QByteArray, sent);
    QFETCH(int, status);
    Bridge bridge(rg::feed::BridgeConfig{.token = QString::fromLatin1(kToken),
                                         .allowedOrigins = {QString::fromLatin1(kOrigin)},
                                         .requestTimeoutMs = 300,
                                         .idleTimeoutMs = 300});
    const auto port = bridge.listen();
    QVERIFY2(port.ok(), qPrintable(rg::test::errorOf(port)));
    QSignalSpy events(&bridge, &Bridge::eventReceived);
    QTcpSocket socket;
    QVERIFY(connectTo(socket, port.value()));
    socket.write(sent);
    const Answer answer = readAnswer(socket);
    QCOMPARE(answer.status, status);
    if (status != 0) {
        QVERIFY2(answer.body.contains("within 300 ms"), answer.body.constData());
        QCOMPARE(headerOf(answer.head, "Access-Control-Allow-Origin"), QByteArray(kOrigin));
    }
    QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; },
                            10000));
    QCOMPARE(events.count(), 0);
    verifyHealthy();
}

// Four requests on one connection, each sent in two parts 150 ms apart, take longer than the
// request time limit in all, none alone: each is answered and the connection stays open; idle
// afterwards, it is closed.
void TestHostileNetwork::bridgeKeepsBusyConnections()
{
    Bridge bridge(rg::feed::BridgeConfig{.token = QString::fromLatin1(kToken),
                                         .allowedOrigins = {},
                                         .requestTimeoutMs = 300,
                                         .idleTimeoutMs = 600});
    const auto port = bridge.listen();
    QVERIFY2(port.ok(), qPrintable(rg::test::errorOf(port)));
    QTcpSocket socket;
    QVERIFY(connectTo(socket, port.value()));
    for (int i = 0; i < 4; ++i) {
        socket.write("GET /v1/health HTTP/1.1\r\n");
        QTest::qWait(150);
        socket.write("Host: 127.0.0.1\r\n\r\n");
        const Answer answer = readAnswer(socket);
        QCOMPARE(answer.status, 200);
        QVERIFY(!answer.closed);
    }
    QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; },
                            10000));
}

void TestHostileNetwork::bridgeDeeplyNestedEvent()
{
    QSignalSpy events(m_bridge.get(), &Bridge::eventReceived);
    const QByteArray deep = QByteArray(30'000, '[') + QByteArray(30'000, ']');
    QTcpSocket socket;
    QVERIFY(connectTo(socket, m_bridge->port()));
    socket.write(eventRequest(
        R"({"type":"message","conversation_id":"c-3","role":"customer","text":)" + deep + "}"));
    const Answer answer = readAnswer(socket);
    QCOMPARE(answer.status, 400);
    QVERIFY2(answer.body.contains("nest"), answer.body.constData());
    QCOMPARE(headerOf(answer.head, "Access-Control-Allow-Origin"), QByteArray(kOrigin));
    QCOMPARE(events.count(), 0);
    verifyHealthy();
}

void TestHostileNetwork::caseServiceMisbehaves_data()
{
    QTest::addColumn<int>("how");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("says");
    QTest::newRow("huge, declared") << int(Misbehaviour::HugeDeclared)
                                    << int(FetchError::Kind::MalformedBody) << u"more than 8 MB"_s;
    QTest::newRow("huge, undeclared")
        << int(Misbehaviour::HugeUndeclared) << int(FetchError::Kind::MalformedBody)
        << u"more than 8 MB"_s;
    QTest::newRow("truncated") << int(Misbehaviour::Truncated) << int(FetchError::Kind::Unreachable)
                               << u"broke off"_s;
    QTest::newRow("never answers") << int(Misbehaviour::Silent) << int(FetchError::Kind::Timeout)
                                   << u"did not answer within"_s;
    QTest::newRow("trickles") << int(Misbehaviour::Trickle) << int(FetchError::Kind::Timeout)
                              << u"did not finish within"_s;
    QTest::newRow("deeply nested")
        << int(Misbehaviour::DeeplyNested) << int(FetchError::Kind::MalformedBody) << u"nest"_s;
    QTest::newRow("not HTTP") << int(Misbehaviour::Garbage) << int(FetchError::Kind::Unreachable)
                              << u"127.0.0.1"_s;
}

void TestHostileNetwork::caseServiceMisbehaves()
{
    QFETCH(int, how);
    QFETCH(int, kind);
    QFETCH(QString, says);
    HostileServer server(static_cast<Misbehaviour>(how));
    QVERIFY(server.listen());
    HttpCaseProvider::Options options;
    options.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(server.port()));
    options.timeout = std::chrono::milliseconds(800);
    options.maxAttempts = 2;
    options.backoff = std::chrono::milliseconds(10);
    HttpCaseProvider provider(options);
    QVERIFY2(provider.configurationError().isEmpty(), qPrintable(provider.configurationError()));
    QSignalSpy finished(&provider, &HttpCaseProvider::finished);
    provider.fetch(u"case-1"_s);
    // Two attempts of 0.8 s at most, with room for a slow machine: a hang fails here.
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    const auto fetch = finished.front().at(1).value<CaseFetch>();
    QVERIFY(!fetch.ok());
    QVERIFY(fetch.error);
    QVERIFY2(fetch.error->message.contains(says), qPrintable(fetch.error->message));
    QCOMPARE(int(fetch.error->kind), kind);
    QVERIFY(fetch.error->message.contains(u"case-1"_s)
            || fetch.error->message.contains(u"127.0.0.1"_s));
    QVERIFY(server.connections() >= 1);
}

QTEST_GUILESS_MAIN(TestHostileNetwork)
#include "tst_hostile_network.moc"
