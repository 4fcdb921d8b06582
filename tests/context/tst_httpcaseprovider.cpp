// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The HTTP provider against the real refundguard-caseserver on 127.0.0.1 (no mocked HTTP), and
// the embedded provider over a temporary store.

#include "context/casestore.h"
#include "context/embeddedcaseprovider.h"
#include "context/fieldmapping.h"
#include "context/httpcaseprovider.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "caseserverprocess.h"
#include "testsupport.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using rg::context::CaseFetch;
using rg::context::CaseStore;
using rg::context::EmbeddedCaseProvider;
using rg::context::FetchError;
using rg::context::FieldMapping;
using rg::context::HttpCaseProvider;
using rg::test::CaseServerProcess;
using rg::test::errorOf;
using Kind = FetchError::Kind;

Q_DECLARE_METATYPE(FetchError::Kind)

namespace {

QString dataFile(const QString &name)
{
    return QStringLiteral(RG_TEST_DATA_DIR) + u"/context/"_s + name;
}

QString kindName(const CaseFetch &fetch)
{
    return fetch.error
               ? rg::context::fetchErrorKindName(fetch.error->kind) + u": "_s + fetch.error->message
               : u"ok"_s;
}

} // namespace

class TestHttpCaseProvider final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void fetchesCase();
    void bearerToken();
    void errorsWithoutRetry_data();
    void errorsWithoutRetry();
    void timesOutAfterEveryAttempt();
    void retriesServerErrorsThenSucceeds();
    void serverErrorsExhaustAttempts();
    void brokenOffBodyIsRetried_data();
    void brokenOffBodyIsRetried();
    void slowServerWithinTimeout();
    void revalidatesWithEtag();
    void staleCopyWhenServiceGoes();
    void staleOnlyWhileAccessStands();
    void connectionRefusedIsUnreachable();
    void idStaysInsideCasesPath();
    void refusesBadConfiguration_data();
    void refusesBadConfiguration();
    void concurrentFetchesShareOneRequest();
    void mapsCrmResponse();
    void embeddedProvider();
    void embeddedDemoStore();

private:
    std::unique_ptr<CaseServerProcess> startServer(const QStringList &extra);
    HttpCaseProvider::Options options(const QUrl &url) const;

    QTemporaryDir m_dir;
    QString m_storePath;
};

std::unique_ptr<CaseServerProcess> TestHttpCaseProvider::startServer(const QStringList &extra)
{
    auto server
        = std::make_unique<CaseServerProcess>(QStringList{u"--data"_s, m_storePath} + extra);
    QString error;
    if (!server->start(&error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return server;
}

HttpCaseProvider::Options TestHttpCaseProvider::options(const QUrl &url) const
{
    HttpCaseProvider::Options options;
    options.baseUrl = url;
    options.timeout = 3000ms;
    options.maxAttempts = 3;
    options.backoff = 20ms; // keeps retry tests fast; the default is 200 ms
    return options;
}

// One store for every server of this suite: the fixture cases, a document that is JSON but no
// case, and a Chatwoot conversation as a CRM would answer it.
void TestHttpCaseProvider::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(RG_CASESERVER_PATH)), RG_CASESERVER_PATH);
    m_storePath = m_dir.filePath(u"cases.db"_s);
    CaseStore store;
    QVERIFY(store.open(m_storePath).ok());
    const auto imported = store.importTranscripts(dataFile(u"cases.jsonl"_s));
    QVERIFY2(imported.ok(), qPrintable(errorOf(imported)));
    QVERIFY(store
                .put(u"case-bad-schema"_s, QJsonObject{{u"schema_version"_s, 1},
                                                       {u"id"_s, u"case-bad-schema"_s},
                                                       {u"customer"_s, u"nobody"_s}})
                .ok());
    QFile chatwoot(dataFile(u"chatwoot-conversation.json"_s));
    QVERIFY(chatwoot.open(QIODevice::ReadOnly));
    QVERIFY(store.put(u"1187"_s, QJsonDocument::fromJson(chatwoot.readAll()).object()).ok());
}

void TestHttpCaseProvider::init()
{
    // Reading a reply that was aborted or closed: the provider must never get that far.
    QTest::failOnWarning(QRegularExpression(u"QIODevice::read"_s));
}

// A plain fetch: fields parsed, ETag as served, marked fresh, named after the service.
void TestHttpCaseProvider::fetchesCase()
{
    auto server = startServer({});
    QVERIFY(server);
    HttpCaseProvider provider(options(server->url()));
    QSignalSpy finished(&provider, &HttpCaseProvider::finished);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    provider.fetch(u"case-2001"_s);
    QCOMPARE(finished.count(), 0); // never from inside fetch()
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.at(0).at(0).toString(), u"case-2001"_s);
    const auto fetch = finished.at(0).at(1).value<CaseFetch>();
    QVERIFY2(fetch.ok(), qPrintable(kindName(fetch)));
    const auto &snapshot = *fetch.snapshot;
    QCOMPARE(snapshot.caseData.id, u"case-2001"_s);
    QCOMPARE(snapshot.caseData.customer.name, u"Mina Laurent"_s);
    QCOMPARE(snapshot.caseData.orders.size(), 1);
    QVERIFY(snapshot.caseData.orders[0].delivery.photo);
    QCOMPARE(snapshot.caseData.claims.size(), 1);
    QCOMPARE(snapshot.document.value(u"id"_s).toString(), u"case-2001"_s);
    QCOMPARE(snapshot.etag, u"\""_s + CaseStore::etagOf(snapshot.document) + u"\""_s);
    QVERIFY(!snapshot.stale);
    QVERIFY(snapshot.fetchedAt >= before.addSecs(-1));
    QCOMPARE(snapshot.source, server->url().toString());
}

// The right token is let in; a wrong or missing one is Unauthorized at once, without retries.
void TestHttpCaseProvider::bearerToken()
{
    auto server = startServer({u"--token"_s, u"s3cret-token"_s});
    QVERIFY(server);
    auto opts = options(server->url());
    opts.token = u"s3cret-token"_s;
    HttpCaseProvider good(opts);
    const auto ok = rg::context::fetchAndWait(good, u"case-2002"_s);
    QVERIFY2(ok.ok(), qPrintable(errorOf(ok)));

    for (const QString &token : {u"wrong-token"_s, QString()}) {
        opts.token = token;
        HttpCaseProvider bad(opts);
        const CaseFetch fetch = rg::context::fetchAndWaitFull(bad, u"case-2002"_s);
        QVERIFY(fetch.error);
        QCOMPARE(fetch.error->kind, Kind::Unauthorized);
        QCOMPARE(fetch.error->httpStatus, 401);
        QVERIFY2(fetch.error->message.contains(server->url().toString()),
                 qPrintable(fetch.error->message));
        QVERIFY(!fetch.snapshot);
    }
    const auto health = rg::test::httpGet(server->url().resolved(QUrl(u"/health"_s))).json();
    QCOMPARE(health.value(u"responses"_s).toObject().value(u"401"_s).toInt(), 2);
}

void TestHttpCaseProvider::errorsWithoutRetry_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("not found") << QStringList() << u"no-such-case"_s << Kind::NotFound << 404
                               << QStringList{u"has no case \"no-such-case\""_s};
    QTest::newRow("malformed body")
        << QStringList{u"--malformed"_s} << u"case-2001"_s << Kind::MalformedBody << 200
        << QStringList{u"not JSON"_s, u"case-2001"_s};
    QTest::newRow("schema mismatch")
        << QStringList() << u"case-bad-schema"_s << Kind::SchemaMismatch << 200
        << QStringList{u"case schema"_s, u"/customer"_s, u"expected an object"_s};
}

// 404, a body that is not JSON and JSON that is no case each fail once, typed, with the case
// and the reason in the message; none of them is worth a retry.
void TestHttpCaseProvider::errorsWithoutRetry()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, caseId);
    QFETCH(Kind, kind);
    QFETCH(int, status);
    QFETCH(QStringList, mentions);
    auto server = startServer(flags);
    QVERIFY(server);
    HttpCaseProvider provider(options(server->url()));
    const CaseFetch fetch = rg::context::fetchAndWaitFull(provider, caseId);
    QVERIFY(fetch.error);
    QCOMPARE(fetch.error->kind, kind);
    QCOMPARE(fetch.error->httpStatus, status);
    for (const QString &mention : mentions)
        QVERIFY2(fetch.error->message.contains(mention), qPrintable(fetch.error->message));
    QVERIFY(!fetch.snapshot);
    const auto health = rg::test::httpGet(server->url().resolved(QUrl(u"/health"_s))).json();
    QCOMPARE(health.value(u"case_requests"_s).toInt(), 1);
}

// A server slower than the timeout: every attempt is abandoned at the timeout, and the error
// says how long and how often the provider waited.
void TestHttpCaseProvider::timesOutAfterEveryAttempt()
{
    auto server = startServer({u"--latency-ms"_s, u"3000"_s});
    QVERIFY(server);
    auto opts = options(server->url());
    opts.timeout = 300ms;
    opts.maxAttempts = 2;
    HttpCaseProvider provider(opts);
    QElapsedTimer clock;
    clock.start();
    const CaseFetch fetch = rg::context::fetchAndWaitFull(provider, u"case-2001"_s);
    const qint64 elapsed = clock.elapsed();
    QVERIFY(fetch.error);
    QCOMPARE(fetch.error->kind, Kind::Timeout);
    QCOMPARE(fetch.error->message,
             u"case service at %1 did not answer within 0.3 s (2 attempts)"_s.arg(
                 server->url().toString()));
    // Two attempts of 300 ms (timers may fire a little early) and far less than the server's 3 s.
    QVERIFY2(elapsed >= 550 && elapsed < 2500, qPrintable(QString::number(elapsed)));
}

// Two injected 500s, then the case: the third attempt delivers it.
void TestHttpCaseProvider::retriesServerErrorsThenSucceeds()
{
    auto server = startServer({u"--fail-first"_s, u"2"_s});
    QVERIFY(server);
    HttpCaseProvider provider(options(server->url()));
    const auto snapshot = rg::context::fetchAndWait(provider, u"case-2001"_s);
    QVERIFY2(snapshot.ok(), qPrintable(errorOf(snapshot)));
    QCOMPARE(snapshot.value().caseData.id, u"case-2001"_s);
    const auto responses = rg::test::httpGet(server->url().resolved(QUrl(u"/health"_s)))
                               .json()
                               .value(u"responses"_s)
                               .toObject();
    QCOMPARE(responses.value(u"500"_s).toInt(), 2);
    QCOMPARE(responses.value(u"200"_s).toInt(), 1);
}

void TestHttpCaseProvider::serverErrorsExhaustAttempts()
{
    auto server = startServer({u"--fail-first"_s, u"5"_s});
    QVERIFY(server);
    auto opts = options(server->url());
    opts.maxAttempts = 2;
    HttpCaseProvider provider(opts);
    const CaseFetch fetch = rg::context::fetchAndWaitFull(provider, u"case-2001"_s);
    QVERIFY(fetch.error);
    QCOMPARE(fetch.error->kind, Kind::ServerError);
    QCOMPARE(fetch.error->httpStatus, 500);
    QVERIFY2(
        fetch.error->message.endsWith(u"failed with HTTP 500: injected failure (2 attempts)"_s),
        qPrintable(fetch.error->message));
}

void TestHttpCaseProvider::brokenOffBodyIsRetried_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("mention");
    // Headers at once, then 8 bytes every 20 ms: the 300 ms deadline fires mid-body.
    QTest::newRow("trickle past the timeout")
        << QStringList{u"--trickle-ms"_s, u"20"_s} << Kind::Timeout
        << u"started answering for case \"case-2001\" but "
           u"did not finish within 0.3 s (3 attempts)"_s;
    // Content-Length of the whole document, half of it, then the connection closes.
    QTest::newRow("connection closed mid-body") << QStringList{u"--cut-body"_s} << Kind::Unreachable
                                                << u"broke off its answer for case \"case-2001\""_s;
}

// A 200 whose body never arrives whole is a transport failure, retried like one: never parsed
// (no MalformedBody after the first request) and never read after the reply was closed.
void TestHttpCaseProvider::brokenOffBodyIsRetried()
{
    QFETCH(QStringList, flags);
    QFETCH(Kind, kind);
    QFETCH(QString, mention);
    auto server = startServer(flags);
    QVERIFY(server);
    auto opts = options(server->url());
    opts.timeout = 300ms;
    opts.maxAttempts = 3;
    HttpCaseProvider provider(opts);
    const CaseFetch fetch = rg::context::fetchAndWaitFull(provider, u"case-2001"_s);
    QVERIFY(fetch.error);
    QVERIFY2(fetch.error->kind == kind, qPrintable(kindName(fetch)));
    QCOMPARE(fetch.error->httpStatus, 0); // no complete HTTP answer came back
    QVERIFY2(fetch.error->message.contains(mention), qPrintable(fetch.error->message));
    QVERIFY2(fetch.error->message.endsWith(u"(3 attempts)"_s), qPrintable(fetch.error->message));
    QVERIFY(!fetch.snapshot);
    const auto health = rg::test::httpGet(server->url().resolved(QUrl(u"/health"_s))).json();
    QCOMPARE(health.value(u"case_requests"_s).toInt(), opts.maxAttempts);
}

// A slow answer inside the timeout is a normal answer.
void TestHttpCaseProvider::slowServerWithinTimeout()
{
    auto server = startServer({u"--latency-ms"_s, u"250"_s});
    QVERIFY(server);
    HttpCaseProvider provider(options(server->url()));
    QElapsedTimer clock;
    clock.start();
    const auto snapshot = rg::context::fetchAndWait(provider, u"case-2002"_s);
    QVERIFY2(snapshot.ok(), qPrintable(errorOf(snapshot)));
    QVERIFY(clock.elapsed() >= 250);
    QCOMPARE(snapshot.value().caseData.customer.id, u"cust-0311"_s);
}

// The second fetch sends If-None-Match, the server answers 304, and the cached copy comes back
// as fresh (new fetchedAt, not stale).
void TestHttpCaseProvider::revalidatesWithEtag()
{
    auto server = startServer({});
    QVERIFY(server);
    HttpCaseProvider provider(options(server->url()));
    const auto first = rg::context::fetchAndWait(provider, u"case-2001"_s);
    QVERIFY2(first.ok(), qPrintable(errorOf(first)));
    QTRY_VERIFY(QDateTime::currentDateTimeUtc() > first.value().fetchedAt);
    const auto second = rg::context::fetchAndWait(provider, u"case-2001"_s);
    QVERIFY2(second.ok(), qPrintable(errorOf(second)));
    QVERIFY(!second.value().stale);
    QVERIFY(second.value().fetchedAt > first.value().fetchedAt);
    QCOMPARE(second.value().etag, first.value().etag);
    QCOMPARE(second.value().caseData, first.value().caseData);
    const auto responses = rg::test::httpGet(server->url().resolved(QUrl(u"/health"_s)))
                               .json()
                               .value(u"responses"_s)
                               .toObject();
    QCOMPARE(responses.value(u"200"_s).toInt(), 1);
    QCOMPARE(responses.value(u"304"_s).toInt(), 1);

    // Without conditional requests the full document is sent again.
    auto opts = options(server->url());
    opts.conditionalRequests = false;
    HttpCaseProvider unconditional(opts);
    QVERIFY(rg::context::fetchAndWait(unconditional, u"case-2001"_s).ok());
    QVERIFY(rg::context::fetchAndWait(unconditional, u"case-2001"_s).ok());
    QCOMPARE(rg::test::httpGet(server->url().resolved(QUrl(u"/health"_s)))
                 .json()
                 .value(u"responses"_s)
                 .toObject()
                 .value(u"200"_s)
                 .toInt(),
             3);
}

// The service goes away after a good fetch: the next fetch fails as Unreachable and hands back
// the last good copy marked stale, with the time it was last known to be current.
void TestHttpCaseProvider::staleCopyWhenServiceGoes()
{
    auto server = startServer({});
    QVERIFY(server);
    auto opts = options(server->url());
    opts.maxAttempts = 2;
    HttpCaseProvider provider(opts);
    const auto fresh = rg::context::fetchAndWait(provider, u"case-2002"_s);
    QVERIFY2(fresh.ok(), qPrintable(errorOf(fresh)));
    server->stop();
    QCOMPARE(server->process().exitStatus(), QProcess::NormalExit);

    const CaseFetch fetch = rg::context::fetchAndWaitFull(provider, u"case-2002"_s);
    QVERIFY(fetch.error);
    QCOMPARE(fetch.error->kind, Kind::Unreachable);
    QVERIFY2(fetch.error->message.contains(u"(2 attempts)"_s), qPrintable(fetch.error->message));
    QVERIFY(fetch.snapshot);
    QVERIFY(fetch.snapshot->stale);
    QCOMPARE(fetch.snapshot->fetchedAt, fresh.value().fetchedAt);
    QCOMPARE(fetch.snapshot->caseData, fresh.value().caseData);
    QVERIFY(!fetch.ok());

    const auto blocking = rg::context::fetchAndWait(provider, u"case-2002"_s);
    QVERIFY(!blocking.ok());
    QVERIFY2(blocking.error().contains(u"is cached"_s), qPrintable(blocking.error()));
}

// A broken answer after a good one hands out the cached copy marked stale; a refusal (401, 403,
// 404) drops it: revoked access or an erased case must not live on in the cache. The same port
// is served in turn by differently configured servers.
void TestHttpCaseProvider::staleOnlyWhileAccessStands()
{
    auto server = startServer({});
    QVERIFY(server);
    const QString port = QString::number(server->url().port());
    auto opts = options(server->url());
    opts.conditionalRequests = false; // so the broken server cannot answer 304
    HttpCaseProvider provider(opts);
    QVERIFY(rg::context::fetchAndWait(provider, u"case-2001"_s).ok());
    server.reset();

    server = startServer({u"--port"_s, port, u"--malformed"_s});
    QVERIFY(server);
    const CaseFetch broken = rg::context::fetchAndWaitFull(provider, u"case-2001"_s);
    QVERIFY(broken.error);
    QCOMPARE(broken.error->kind, Kind::MalformedBody);
    QVERIFY(broken.snapshot);
    QVERIFY(broken.snapshot->stale);
    server.reset();

    server = startServer({u"--port"_s, port, u"--token"_s, u"rotated"_s});
    QVERIFY(server);
    const CaseFetch refused = rg::context::fetchAndWaitFull(provider, u"case-2001"_s);
    QVERIFY(refused.error);
    QCOMPARE(refused.error->kind, Kind::Unauthorized);
    QVERIFY(!refused.snapshot);
    server.reset();

    const CaseFetch gone = rg::context::fetchAndWaitFull(provider, u"case-2001"_s);
    QVERIFY(gone.error);
    QCOMPARE(gone.error->kind, Kind::Unreachable);
    QVERIFY(!gone.snapshot); // nothing cached any more
}

void TestHttpCaseProvider::connectionRefusedIsUnreachable()
{
    QUrl url(u"http://127.0.0.1"_s);
    url.setPort(rg::test::unusedPort());
    HttpCaseProvider provider(options(url));
    const CaseFetch fetch = rg::context::fetchAndWaitFull(provider, u"case-2001"_s);
    QVERIFY(fetch.error);
    QCOMPARE(fetch.error->kind, Kind::Unreachable);
    QCOMPARE(fetch.error->httpStatus, 0);
    QVERIFY2(fetch.error->message.startsWith(u"case service at "_s + url.toString()
                                             + u" is unreachable: "_s),
             qPrintable(fetch.error->message));
    QVERIFY2(fetch.error->message.endsWith(u"(3 attempts)"_s), qPrintable(fetch.error->message));
    QVERIFY(!fetch.snapshot);
}

// Ids are percent-encoded into one path segment: "../health" is the case of that name (the
// fixture has one), not the health endpoint, and "orders/2003" is one id, not two segments.
void TestHttpCaseProvider::idStaysInsideCasesPath()
{
    auto server = startServer({});
    QVERIFY(server);
    auto opts = options(QUrl(server->url().toString() + u"/"_s));
    HttpCaseProvider provider(opts);
    QCOMPARE(provider.urlFor(u"../health"_s).value().toString(QUrl::FullyEncoded),
             server->url().toString() + u"/cases/..%2Fhealth"_s);
    QCOMPARE(provider.urlFor(u"a b?c#d"_s).value().toString(QUrl::FullyEncoded),
             server->url().toString() + u"/cases/a%20b%3Fc%23d"_s);
    for (const QString &id : {u"../health"_s, u"orders/2003"_s}) {
        const auto snapshot = rg::context::fetchAndWait(provider, id);
        QVERIFY2(snapshot.ok(), qPrintable(id + u": "_s + errorOf(snapshot)));
        QCOMPARE(snapshot.value().caseData.id, id);
    }
    const CaseFetch up = rg::context::fetchAndWaitFull(provider, u".."_s);
    QVERIFY(up.error);
    QCOMPARE(up.error->kind, Kind::InvalidRequest);
    const CaseFetch escape = rg::context::fetchAndWaitFull(provider, u"../../etc/passwd"_s);
    QVERIFY(escape.error);
    QCOMPARE(escape.error->kind, Kind::NotFound);
}

void TestHttpCaseProvider::refusesBadConfiguration_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QString>("mention");
    QTest::newRow("ftp") << u"ftp://127.0.0.1/cases"_s << 3 << u"must use http or https"_s;
    QTest::newRow("file") << u"file:///etc/passwd"_s << 3 << u"not a valid http(s) URL"_s;
    QTest::newRow("no host") << u"http://"_s << 3 << u"not a valid http(s) URL"_s;
    QTest::newRow("attempts") << u"http://127.0.0.1:1"_s << 0 << u"attempts must be 1 to 10"_s;
}

// Configurations that cannot work fail every fetch as InvalidRequest, still asynchronously.
void TestHttpCaseProvider::refusesBadConfiguration()
{
    QFETCH(QString, url);
    QFETCH(int, attempts);
    QFETCH(QString, mention);
    auto opts = options(QUrl(url));
    opts.maxAttempts = attempts;
    HttpCaseProvider provider(opts);
    QVERIFY(!provider.configurationError().isEmpty());
    QSignalSpy finished(&provider, &HttpCaseProvider::finished);
    provider.fetch(u"case-2001"_s);
    QCOMPARE(finished.count(), 0);
    QTRY_COMPARE(finished.count(), 1);
    const auto fetch = finished.at(0).at(1).value<CaseFetch>();
    QVERIFY(fetch.error);
    QCOMPARE(fetch.error->kind, Kind::InvalidRequest);
    QVERIFY2(fetch.error->message.contains(mention), qPrintable(fetch.error->message));
}

// Asking again for a case already on its way joins the request in flight.
void TestHttpCaseProvider::concurrentFetchesShareOneRequest()
{
    auto server = startServer({u"--latency-ms"_s, u"100"_s});
    QVERIFY(server);
    HttpCaseProvider provider(options(server->url()));
    QSignalSpy finished(&provider, &HttpCaseProvider::finished);
    provider.fetch(u"case-2001"_s);
    provider.fetch(u"case-2001"_s);
    provider.fetch(u"case-2002"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    QStringList ids{finished.at(0).at(0).toString(), finished.at(1).at(0).toString()};
    ids.sort();
    QCOMPARE(ids, (QStringList{u"case-2001"_s, u"case-2002"_s}));
    const auto health = rg::test::httpGet(server->url().resolved(QUrl(u"/health"_s))).json();
    QCOMPARE(health.value(u"case_requests"_s).toInt(), 2);
    QCOMPARE(finished.count(), 2);
}

// A CRM-shaped answer (a Chatwoot conversation) turns into a case through the preset mapping,
// over real HTTP; the preset's own path needs its {account} parameter.
void TestHttpCaseProvider::mapsCrmResponse()
{
    auto server = startServer({});
    QVERIFY(server);
    auto opts = options(server->url());
    opts.mapping = FieldMapping::preset(u"chatwoot"_s).value();

    HttpCaseProvider presetPath(opts);
    const auto missing = presetPath.urlFor(u"1187"_s);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(u"{account}"_s), qPrintable(missing.error()));
    opts.pathParameters.insert(u"account"_s, u"3"_s);
    HttpCaseProvider withAccount(opts);
    QCOMPARE(withAccount.urlFor(u"1187"_s).value().toString(),
             server->url().toString() + u"/api/v1/accounts/3/conversations/1187"_s);

    opts.pathTemplate = u"/cases/{id}"_s; // the caseserver stores the conversation as a case
    HttpCaseProvider provider(opts);
    const auto snapshot = rg::context::fetchAndWait(provider, u"1187"_s);
    QVERIFY2(snapshot.ok(), qPrintable(errorOf(snapshot)));
    QCOMPARE(snapshot.value().caseData.customer.name, u"Mina Laurent"_s);
    QCOMPARE(snapshot.value().document.value(u"schema_version"_s).toInt(), 1);
    QCOMPARE(snapshot.value().caseData.orders.value(0).id, u"402-7781123"_s);

    // A fixture case is no Chatwoot conversation: the mapping says what it missed.
    const CaseFetch wrongShape = rg::context::fetchAndWaitFull(provider, u"case-2001"_s);
    QVERIFY(wrongShape.error);
    QCOMPARE(wrongShape.error->kind, Kind::SchemaMismatch);
    QVERIFY2(wrongShape.error->message.contains(u"field mapping: mapping \"chatwoot\""_s),
             qPrintable(wrongShape.error->message));
}

// The embedded provider answers from a store, asynchronously, with the same error kinds.
void TestHttpCaseProvider::embeddedProvider()
{
    auto store = std::make_shared<CaseStore>();
    QVERIFY(store->open(m_dir.filePath(u"embedded.db"_s)).ok());
    QVERIFY(store->importTranscripts(dataFile(u"cases.jsonl"_s)).ok());
    QVERIFY(store->put(u"bad"_s, QJsonObject{{u"id"_s, u"bad"_s}}).ok());
    EmbeddedCaseProvider provider(store);
    QSignalSpy finished(&provider, &EmbeddedCaseProvider::finished);
    provider.fetch(u"case-2001"_s);
    QCOMPARE(finished.count(), 0);
    QTRY_COMPARE(finished.count(), 1);
    const auto fetch = finished.at(0).at(1).value<CaseFetch>();
    QVERIFY2(fetch.ok(), qPrintable(kindName(fetch)));
    QCOMPARE(fetch.snapshot->caseData.customer.name, u"Mina Laurent"_s);
    QCOMPARE(fetch.snapshot->etag, CaseStore::etagOf(fetch.snapshot->document));
    QVERIFY(fetch.snapshot->source.contains(u"embedded.db"_s));

    const CaseFetch missing = rg::context::fetchAndWaitFull(provider, u"nope"_s);
    QVERIFY(missing.error);
    QCOMPARE(missing.error->kind, Kind::NotFound);
    const CaseFetch bad = rg::context::fetchAndWaitFull(provider, u"bad"_s);
    QVERIFY(bad.error);
    QCOMPARE(bad.error->kind, Kind::SchemaMismatch);
    QVERIFY2(bad.error->message.contains(u"/schema_version"_s), qPrintable(bad.error->message));
}

// The demo store is seeded from the built-in transcripts and serves their cases.
void TestHttpCaseProvider::embeddedDemoStore()
{
    const auto provider = EmbeddedCaseProvider::openDemo(m_dir.filePath(u"demo/demo-cases.db"_s));
    QVERIFY2(provider.ok(), qPrintable(errorOf(provider)));
    QFile transcripts(EmbeddedCaseProvider::builtinTranscripts());
    QVERIFY(transcripts.open(QIODevice::ReadOnly));
    const QJsonObject line = QJsonDocument::fromJson(transcripts.readLine()).object();
    const QString caseId = line.value(u"case"_s).toObject().value(u"id"_s).toString();
    QVERIFY(!caseId.isEmpty());
    const auto snapshot = rg::context::fetchAndWait(*provider.value(), caseId);
    QVERIFY2(snapshot.ok(), qPrintable(errorOf(snapshot)));
    QCOMPARE(snapshot.value().caseData.id, caseId);
    QVERIFY(EmbeddedCaseProvider::defaultDemoPath().endsWith(u"/demo-cases.db"_s));
}

QTEST_GUILESS_MAIN(TestHttpCaseProvider)
#include "tst_httpcaseprovider.moc"
