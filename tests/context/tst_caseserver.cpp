// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// refundguard-caseserver as a program: command line, HTTP contract, shutdown.

#include "context/casestore.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "caseserverprocess.h"

using namespace Qt::StringLiterals;
using rg::test::CaseServerProcess;

namespace {

QString dataFile(const QString &name)
{
    return QStringLiteral(RG_TEST_DATA_DIR) + u"/context/"_s + name;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList &arguments)
{
    QProcess process;
    // The token comes from the arguments alone, never from the developer's environment.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"RG_CASESERVER_TOKEN"_s);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(RG_CASESERVER_PATH), arguments);
    Run result;
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// Sends \a request on \a socket and reads one answer: the head and a Content-Length body.
// Empty when the server closes the connection or stays silent for 10 s.
QByteArray exchange(QTcpSocket &socket, const QByteArray &request)
{
    socket.write(request);
    QByteArray data;
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        const qsizetype headEnd = data.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            qsizetype length = 0;
            for (const QByteArray &line : data.first(headEnd).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (data.size() >= headEnd + 4 + length)
                return data;
        }
        if (!socket.waitForReadyRead(static_cast<int>(deadline.remainingTime())))
            return {};
        data += socket.readAll();
    }
    return {};
}

} // namespace

class TestCaseServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpAndVersion();
    void badArguments_data();
    void badArguments();
    void httpContract();
    void tokenCheckedBeforePath();
    void longClientInputIsNotEchoed_data();
    void longClientInputIsNotEchoed();
    void oversizedRequestHeadIsRefused();
    void nonLoopbackBindNeedsToken();
    void badSeedFails();
    void portInUseFails();
    void stopsCleanlyOnSigterm();

private:
    QTemporaryDir m_dir;
};

void TestCaseServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(RG_CASESERVER_PATH)), RG_CASESERVER_PATH);
}

void TestCaseServer::helpAndVersion()
{
    const Run help = run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.startsWith(u"usage: refundguard-caseserver"_s), qPrintable(help.out));
    for (const QString &flag :
         {u"--port"_s, u"--data"_s, u"--token"_s, u"--seed"_s, u"--latency-ms"_s, u"--fail-rate"_s,
          u"--fail-first"_s, u"--malformed"_s, u"--bind"_s, u"--trickle-ms"_s, u"--cut-body"_s,
          u"--insecure-no-token"_s})
        QVERIFY2(help.out.contains(flag), qPrintable(flag));
    const Run version = run({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, u"refundguard-caseserver " RG_VERSION "\n"_s);
}

void TestCaseServer::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mention");
    QTest::newRow("unknown") << QStringList{u"--bogus"_s} << u"unknown option --bogus"_s;
    QTest::newRow("positional") << QStringList{u"cases.db"_s} << u"unexpected argument"_s;
    QTest::newRow("port missing") << QStringList{u"--port"_s} << u"--port needs a value"_s;
    QTest::newRow("port range") << QStringList{u"--port=70000"_s} << u"--port takes"_s;
    QTest::newRow("port word") << QStringList{u"--port"_s, u"http"_s} << u"--port takes"_s;
    QTest::newRow("fail rate") << QStringList{u"--fail-rate=1.5"_s} << u"--fail-rate takes"_s;
    QTest::newRow("latency") << QStringList{u"--latency-ms=-5"_s} << u"--latency-ms takes"_s;
    QTest::newRow("bind") << QStringList{u"--bind"_s, u"localhost:80"_s} << u"--bind takes"_s;
    QTest::newRow("empty token") << QStringList{u"--token="_s} << u"--token needs"_s;
    QTest::newRow("trickle") << QStringList{u"--trickle-ms=0"_s} << u"--trickle-ms takes"_s;
}

// Usage errors exit 2 before touching any store, saying what was wrong.
void TestCaseServer::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mention);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(mention), qPrintable(result.err));
    QVERIFY2(result.err.contains(u"Try 'refundguard-caseserver --help'"_s), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

// /health needs no token; /cases needs the bearer token (401 with WWW-Authenticate otherwise),
// answers with the document and a quoted ETag, 304 to a matching If-None-Match, JSON 404s.
void TestCaseServer::httpContract()
{
    CaseServerProcess server({u"--data"_s, m_dir.filePath(u"contract.db"_s), u"--seed"_s,
                              dataFile(u"cases.jsonl"_s), u"--token"_s, u"tok-123"_s});
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QCOMPARE(server.url().host(), u"127.0.0.1"_s);
    const QUrl base = server.url();
    const auto at = [&](const QString &path) { return QUrl(base.toString() + path); };

    const auto health = rg::test::httpGet(at(u"/health"_s));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(health.json().value(u"cases"_s).toInt(), 4);

    const auto anonymous = rg::test::httpGet(at(u"/cases/case-2001"_s));
    QCOMPARE(anonymous.status, 401);
    QVERIFY(anonymous.headers.value("www-authenticate").startsWith("Bearer"));
    QCOMPARE(anonymous.json().value(u"error"_s).toString(), u"a bearer token is required"_s);
    const auto wrong
        = rg::test::httpGet(at(u"/cases/case-2001"_s), {{"Authorization", "Bearer tok-124"}});
    QCOMPARE(wrong.status, 401);
    const auto basic
        = rg::test::httpGet(at(u"/cases/case-2001"_s), {{"Authorization", "Basic dG9rLTEyMw=="}});
    QCOMPARE(basic.status, 401);

    const QByteArray token = "Bearer tok-123";
    const auto found = rg::test::httpGet(at(u"/cases/case-2001"_s), {{"Authorization", token}});
    QCOMPARE(found.status, 200);
    QCOMPARE(found.headers.value("content-type"), "application/json"_ba);
    const QJsonObject document = found.json();
    QCOMPARE(document.value(u"id"_s).toString(), u"case-2001"_s);
    const QByteArray etag = found.headers.value("etag");
    QCOMPARE(etag, '"' + rg::context::CaseStore::etagOf(document).toLatin1() + '"');

    const auto notModified = rg::test::httpGet(
        at(u"/cases/case-2001"_s), {{"Authorization", token}, {"If-None-Match", "\"x\", " + etag}});
    QCOMPARE(notModified.status, 304);
    QVERIFY(notModified.body.isEmpty());
    const auto otherTag = rg::test::httpGet(at(u"/cases/case-2001"_s),
                                            {{"Authorization", token}, {"If-None-Match", "\"x\""}});
    QCOMPARE(otherTag.status, 200);

    const auto slash = rg::test::httpGet(at(u"/cases/orders%2F2003"_s), {{"Authorization", token}});
    QCOMPARE(slash.status, 200);
    QCOMPARE(slash.json().value(u"id"_s).toString(), u"orders/2003"_s);

    const auto missing = rg::test::httpGet(at(u"/cases/nope"_s), {{"Authorization", token}});
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json().value(u"error"_s).toString(), u"no case \"nope\""_s);
    const auto twoSegments
        = rg::test::httpGet(at(u"/cases/orders/2003"_s), {{"Authorization", token}});
    QCOMPARE(twoSegments.status, 404);
    const auto noRoute = rg::test::httpGet(at(u"/admin"_s));
    QCOMPARE(noRoute.status, 404);
    QVERIFY(noRoute.json().value(u"error"_s).toString().contains(u"no route"_s));
}

// Without the token a /cases request gets the 401 and nothing else, however long or odd its
// path: the path is neither checked nor quoted back.
void TestCaseServer::tokenCheckedBeforePath()
{
    CaseServerProcess server(
        {u"--data"_s, m_dir.filePath(u"token-first.db"_s), u"--token"_s, u"tok-123"_s});
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QString longSegment(8000, u'q');
    for (const QString &path : {u"/cases/"_s + longSegment + u"/x"_s, u"/cases/"_s + longSegment,
                                u"/cases/a/b/c"_s, u"/cases/"_s, u"/cases"_s}) {
        const auto answer = rg::test::httpGet(QUrl(server.url().toString() + path));
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.json().value(u"error"_s).toString(), u"a bearer token is required"_s);
        QVERIFY2(answer.body.size() < 1024, answer.body.left(200).constData());
    }
}

void TestCaseServer::longClientInputIsNotEchoed_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("long id") << u"/cases/"_s + QString(1000, u'q') << 414;
    // 300 characters, 700 in the request: the limit is on the id, not on its encoded form.
    QTest::newRow("long encoded id")
        << u"/cases/"_s + QString::fromLatin1(QByteArray(200, 'q').toPercentEncoding({}, "q"))
               + QString(100, u'q')
        << 414;
    QTest::newRow("longest id") << u"/cases/"_s + QString(256, u'q') << 404;
    QTest::newRow("long two segments") << u"/cases/"_s + QString(200, u'q') + u"/x"_s << 404;
    QTest::newRow("long unknown route") << u"/"_s + QString(5000, u'q') << 404;
}

// With the token, an id over 256 characters is refused as too long, and no reply quotes more
// than a short prefix of what the client sent.
void TestCaseServer::longClientInputIsNotEchoed()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    CaseServerProcess server(
        {u"--data"_s, m_dir.filePath(u"echo.db"_s), u"--token"_s, u"tok-123"_s});
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const auto answer = rg::test::httpGet(QUrl(server.url().toString() + path),
                                          {{"Authorization", "Bearer tok-123"}});
    QCOMPARE(answer.status, status);
    QVERIFY2(answer.body.size() < 1024, answer.body.left(200).constData());
    QVERIFY2(!answer.body.contains(QByteArray(100, 'q')), answer.body.left(200).constData());
    QVERIFY(!answer.json().value(u"error"_s).toString().isEmpty());
}

// A request line or a header block over 16 KiB costs the client its connection before the
// server has buffered much of it, whatever the shape: one endless line, endless headers, or
// blank lines before the request line. The server stays up, heads under the limit are served,
// and the limit applies to each request of a keep-alive connection on its own.
void TestCaseServer::oversizedRequestHeadIsRefused()
{
    CaseServerProcess server({u"--data"_s, m_dir.filePath(u"head.db"_s)});
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const quint16 port = static_cast<quint16>(server.url().port());

    QByteArray endlessHeaders = "GET /health HTTP/1.1\r\nHost: x\r\n";
    while (endlessHeaders.size() <= 20 * 1024)
        endlessHeaders += "X-Filler: " + QByteArray(50, 'f') + "\r\n";
    const QList<std::pair<const char *, QByteArray>> floods = {
        {"request line", "GET /cases/" + QByteArray(1024 * 1024, 'a')},
        {"headers", endlessHeaders},
        {"blank lines", QByteArray("\r\n").repeated(10 * 1024) + "GET /health HTTP/1.1\r\n"},
    };
    for (const auto &[name, flood] : floods) {
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY2(client.waitForConnected(5000), name);
        client.write(flood);
        QTRY_VERIFY2_WITH_TIMEOUT(client.state() == QAbstractSocket::UnconnectedState, name, 10000);
        // If the 431 got through before the reset, it is the only thing that did.
        const QByteArray answer = client.readAll();
        QVERIFY2(answer.isEmpty() || answer.startsWith("HTTP/1.1 431 "), answer.constData());
    }

    const auto health = rg::test::httpGet(QUrl(server.url().toString() + u"/health"_s));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value(u"status"_s).toString(), u"ok"_s);
    const auto padded = rg::test::httpGet(QUrl(server.url().toString() + u"/health"_s),
                                          {{"X-Padding", QByteArray(12 * 1024, 'p')}});
    QCOMPARE(padded.status, 200);

    // Two requests of 10 KiB each on one connection: 20 KiB together, each under the limit.
    QTcpSocket keepAlive;
    keepAlive.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(keepAlive.waitForConnected(5000));
    const QByteArray request = "GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: "
                               + QByteArray(10 * 1024, 'p') + "\r\n\r\n";
    for (int i = 0; i < 2; ++i) {
        const QByteArray answer = exchange(keepAlive, request);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "),
                 qPrintable(u"request %1: "_s.arg(i + 1) + QString::fromLatin1(answer)));
    }
    QCOMPARE(keepAlive.state(), QAbstractSocket::ConnectedState);
}

// Off loopback, serving without a token must be asked for with --insecure-no-token; the refusal
// comes before the store is opened or a port is bound.
void TestCaseServer::nonLoopbackBindNeedsToken()
{
    const QString data = m_dir.filePath(u"bind.db"_s);
    const Run refused = run({u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s, u"--data"_s, data});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(u"refusing to serve on 0.0.0.0 without a token"_s),
             qPrintable(refused.err));
    QVERIFY2(refused.err.contains(u"--insecure-no-token"_s), qPrintable(refused.err));
    QVERIFY(refused.out.isEmpty());
    QVERIFY(!QFile::exists(data));

    CaseServerProcess insecure(
        {u"--bind"_s, u"0.0.0.0"_s, u"--insecure-no-token"_s, u"--data"_s, data});
    QString error;
    QVERIFY2(insecure.start(&error), qPrintable(error));
    QUrl health(u"http://127.0.0.1/health"_s);
    health.setPort(insecure.url().port());
    QCOMPARE(rg::test::httpGet(health).status, 200);
    insecure.stop();
    QCOMPARE(insecure.process().exitCode(), 0);
}

// A seed file with a bad case stops the server before it listens, naming file and line.
void TestCaseServer::badSeedFails()
{
    const Run result = run({u"--port"_s, u"0"_s, u"--data"_s, m_dir.filePath(u"bad.db"_s),
                            u"--seed"_s, dataFile(u"broken-case.jsonl"_s)});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"broken-case.jsonl:3: /case/customer/account_created"_s),
             qPrintable(result.err));
    QVERIFY(!result.out.contains(u"listening"_s));
}

void TestCaseServer::portInUseFails()
{
    CaseServerProcess first({u"--data"_s, m_dir.filePath(u"port.db"_s)});
    QString error;
    QVERIFY2(first.start(&error), qPrintable(error));
    const Run second = run({u"--port"_s, QString::number(first.url().port()), u"--data"_s,
                            m_dir.filePath(u"port.db"_s)});
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.err.contains(u"cannot listen on 127.0.0.1 port"_s), qPrintable(second.err));
}

// SIGTERM ends the server normally (exit 0) after it has logged that it stops.
void TestCaseServer::stopsCleanlyOnSigterm()
{
    CaseServerProcess server(
        {u"--data"_s, m_dir.filePath(u"stop.db"_s), u"--seed"_s, u"builtin"_s});
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QVERIFY(rg::test::httpGet(QUrl(server.url().toString() + u"/health"_s))
                .json()
                .value(u"cases"_s)
                .toInt()
            > 0);
    server.process().terminate();
    QVERIFY(server.process().waitForFinished(5000));
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestCaseServer)
#include "tst_caseserver.moc"
