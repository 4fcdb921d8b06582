// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Chatwoot connector against a real HTTP server on 127.0.0.1 that answers like Chatwoot's
// messages endpoint; webhook signatures checked against an independent HMAC; webhook payloads
// turned into feed events.

#include "feed/chatwoot.h"
#include "feed/chatwootpoller.h"
#include "feed/httpsupport.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <deque>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using rg::feed::ChatwootPoller;
using rg::feed::ChatwootPollerConfig;
using rg::feed::ChatwootWebhookCheck;
using rg::feed::FeedEvent;
using rg::model::Role;

namespace {

constexpr auto kToken = "cw-secret-token-5f1e";
constexpr auto kMessagesPath = "/api/v1/accounts/7/conversations/42/messages";

QJsonObject message(qint64 id, int type, const QString &content, bool isPrivate = false)
{
    return QJsonObject{{u"id"_s, id},
                       {u"content"_s, content},
                       {u"message_type"_s, type},
                       {u"private"_s, isPrivate},
                       {u"created_at"_s, 1767225600 + id},
                       {u"conversation_id"_s, 42},
                       {u"sender"_s, QJsonObject{{u"id"_s, 9}, {u"type"_s, u"contact"_s}}}};
}

struct Scripted
{
    QHttpServerResponder::StatusCode status;
    QByteArray body;
};

// Chatwoot's messages endpoint as an older Chatwoot serves it: the whole conversation whatever
// "after" says, so that only the poller can keep messages from repeating. Answers can be
// scripted ahead of it.
class FakeChatwoot
{
public:
    FakeChatwoot()
    {
        m_server.route(QString::fromLatin1(kMessagesPath), QHttpServerRequest::Method::Get,
                       [this](const QHttpServerRequest &request) { return answer(request); });
    }

    bool listen()
    {
        m_port = m_server.listen(QHostAddress(QHostAddress::LocalHost), 0);
        return m_port != 0;
    }

    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port)); }

    QJsonArray messages;
    std::deque<Scripted> script;
    QList<QByteArray> tokens;  // api_access_token of each request
    QList<QString> afters;     // the "after" query of each request
    QList<qint64> requestedAt; // ms since the server started

private:
    QHttpServerResponse answer(const QHttpServerRequest &request)
    {
        if (!m_clock.isValid())
            m_clock.start();
        requestedAt.append(m_clock.elapsed());
        tokens.append(rg::feed::headerValue(request, "api_access_token"));
        afters.append(request.query().queryItemValue(u"after"_s));
        if (!script.empty()) {
            const Scripted next = script.front();
            script.pop_front();
            return QHttpServerResponse("application/json", next.body, next.status);
        }
        const QJsonObject page{{u"meta"_s, QJsonObject{{u"labels"_s, QJsonArray{}}}},
                               {u"payload"_s, messages}};
        return QHttpServerResponse(page);
    }

    QHttpServer m_server;
    quint16 m_port = 0;
    QElapsedTimer m_clock;
};

ChatwootPollerConfig configFor(const QUrl &url)
{
    ChatwootPollerConfig config;
    config.baseUrl = url;
    config.accountId = u"7"_s;
    config.conversationId = u"42"_s;
    config.apiAccessToken = QString::fromLatin1(kToken);
    config.interval = 20ms;
    config.maxBackoff = 1000ms;
    config.timeout = 2000ms;
    return config;
}

FeedEvent eventAt(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(0).value<FeedEvent>();
}

QByteArray hmacHex(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(timestamp + '.' + body, secret,
                                            QCryptographicHash::Sha256)
        .toHex();
}

} // namespace

class TestChatwoot final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pollsOnlyNewMessagesInOrder();
    void refusalStops_data();
    void refusalStops();
    void serverErrorBacksOffThenRecovers();
    void backoffIsCapped();
    void badBodiesAreReportedAndPollingGoesOn_data();
    void badBodiesAreReportedAndPollingGoesOn();
    void refusesBadConfiguration_data();
    void refusesBadConfiguration();
    void signatureKnownAnswer();
    void signatureRejects_data();
    void signatureRejects();
    void timestampFreshness_data();
    void timestampFreshness();
    void webhookCheckOrder();
    void webhookConversion_data();
    void webhookConversion();
    void webhookErrors_data();
    void webhookErrors();
};

void TestChatwoot::initTestCase()
{
    qRegisterMetaType<FeedEvent>();
}

// A conversation grows between polls: each customer and agent message arrives once, in id
// order, with its role; private notes, activity, templates and empty messages never do; every
// request carries the token, and later ones ask only for what follows the last id seen.
void TestChatwoot::pollsOnlyNewMessagesInOrder()
{
    FakeChatwoot server;
    QVERIFY(server.listen());
    // Out of order on purpose: the poller sorts by id.
    server.messages = {message(3, 0, u"my parcel never came"_s),
                       message(1, 1, u"Hi, how can I help?"_s),
                       message(2, 1, u"note: repeat claimant"_s, true),
                       message(4, 2, u"Conversation was assigned to Ana"_s),
                       message(5, 0, QString()),
                       message(6, 3, u"Rate our service"_s)};
    ChatwootPoller poller(configFor(server.url()));
    QSignalSpy events(&poller, &ChatwootPoller::eventReceived);
    QSignalSpy failures(&poller, &ChatwootPoller::failed);
    poller.start();

    QTRY_COMPARE(events.size(), 2);
    QCOMPARE(eventAt(events, 0).role, Role::Agent);
    QCOMPARE(eventAt(events, 0).text, u"Hi, how can I help?"_s);
    QCOMPARE(eventAt(events, 0).conversationId, u"chatwoot:7:42"_s);
    QCOMPARE(eventAt(events, 0).time, QDateTime::fromSecsSinceEpoch(1767225601, Qt::UTC));
    QCOMPARE(eventAt(events, 1).role, Role::Customer);
    QCOMPARE(eventAt(events, 1).text, u"my parcel never came"_s);
    QCOMPARE(poller.lastMessageId(), 6);

    server.messages.append(message(8, 1, u"Let me check the tracking."_s));
    server.messages.append(message(7, 0, u"I want a refund now"_s));
    QTRY_COMPARE(events.size(), 4);
    QCOMPARE(eventAt(events, 2).text, u"I want a refund now"_s);
    QCOMPARE(eventAt(events, 2).role, Role::Customer);
    QCOMPARE(eventAt(events, 3).text, u"Let me check the tracking."_s);
    QCOMPARE(eventAt(events, 3).role, Role::Agent);

    // A few more polls of the same page add nothing.
    const qsizetype requests = server.tokens.size();
    QTRY_VERIFY(server.tokens.size() >= requests + 3);
    QCOMPARE(events.size(), 4);
    QCOMPARE(failures.size(), 0);

    for (const QByteArray &token : std::as_const(server.tokens))
        QCOMPARE(token, QByteArray(kToken));
    QCOMPARE(server.afters.first(), QString());
    QCOMPARE(server.afters.at(1), u"6"_s);
    QCOMPARE(server.afters.last(), u"8"_s);
}

void TestChatwoot::refusalStops_data()
{
    QTest::addColumn<QString>("conversation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expected");

    QTest::newRow("401") << u"42"_s << 401 << u"did not accept the api_access_token (HTTP 401)"_s;
    QTest::newRow("403") << u"42"_s << 403 << u"did not accept the api_access_token (HTTP 403)"_s;
    QTest::newRow("404") << u"43"_s << 0 << u"no such conversation in this account (HTTP 404)"_s;
}

// A refused token or an unknown conversation is reported once, naming the endpoint but never the
// token, and polling stops for good.
void TestChatwoot::refusalStops()
{
    QFETCH(QString, conversation);
    QFETCH(int, status);
    QFETCH(QString, expected);

    FakeChatwoot server;
    QVERIFY(server.listen());
    server.messages = {message(1, 0, u"hello"_s)};
    if (status != 0) {
        server.script.push_back(
            Scripted{QHttpServerResponder::StatusCode(status),
                     R"({"error":"Invalid Access Token cw-secret-token-5f1e"})"});
    }
    ChatwootPollerConfig config = configFor(server.url());
    config.conversationId = conversation;
    ChatwootPoller poller(config);
    QSignalSpy events(&poller, &ChatwootPoller::eventReceived);
    QSignalSpy failures(&poller, &ChatwootPoller::failed);
    QSignalSpy stopped(&poller, &ChatwootPoller::stopped);
    poller.start();

    QTRY_COMPARE(failures.size(), 1);
    const QString text = failures.at(0).at(0).toString();
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(text.contains(server.url().toString() + u"/api/v1/accounts/7/conversations/"_s
                           + conversation + u"/messages"_s),
             qPrintable(text));
    QVERIFY2(text.endsWith(u"polling stopped"_s), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String(kToken)), qPrintable(text));
    QCOMPARE(stopped.size(), 1);
    QVERIFY(!poller.isRunning());
    // Ten intervals later nothing more was asked or emitted.
    QTest::qWait(200);
    QCOMPARE(failures.size(), 1);
    QCOMPARE(events.size(), 0);
    QCOMPARE(server.tokens.size(), status != 0 ? 1 : 0);
}

// Two 500s are reported with the delay doubling each time (40 ms, then 80 ms at a 20 ms
// interval); the next good answer delivers the messages and the delay returns to the interval.
void TestChatwoot::serverErrorBacksOffThenRecovers()
{
    FakeChatwoot server;
    QVERIFY(server.listen());
    server.messages = {message(1, 0, u"still waiting for my order"_s)};
    server.script.push_back({QHttpServerResponder::StatusCode::InternalServerError, "oops"});
    server.script.push_back({QHttpServerResponder::StatusCode::ServiceUnavailable, "busy"});
    ChatwootPoller poller(configFor(server.url()));
    QSignalSpy events(&poller, &ChatwootPoller::eventReceived);
    QSignalSpy failures(&poller, &ChatwootPoller::failed);
    poller.start();

    QTRY_COMPARE(events.size(), 1);
    QCOMPARE(eventAt(events, 0).text, u"still waiting for my order"_s);
    QCOMPARE(failures.size(), 2);
    const QString first = failures.at(0).at(0).toString();
    const QString second = failures.at(1).at(0).toString();
    QVERIFY2(first.contains(u"failed with HTTP 500; polling again in"_s), qPrintable(first));
    QVERIFY2(second.contains(u"failed with HTTP 503"_s), qPrintable(second));
    QVERIFY2(!first.contains(QLatin1String(kToken)) && !second.contains(QLatin1String(kToken)),
             qPrintable(first + second));
    QVERIFY(poller.isRunning());
    QCOMPARE(poller.nextDelay(), 20ms);

    QVERIFY(server.requestedAt.size() >= 3);
    const qint64 firstGap = server.requestedAt.at(1) - server.requestedAt.at(0);
    const qint64 secondGap = server.requestedAt.at(2) - server.requestedAt.at(1);
    QVERIFY2(firstGap >= 35, qPrintable(QString::number(firstGap)));
    QVERIFY2(secondGap >= 75, qPrintable(QString::number(secondGap)));
}

// Failure after failure, the delay doubles up to the cap and stays there.
void TestChatwoot::backoffIsCapped()
{
    FakeChatwoot server;
    QVERIFY(server.listen());
    for (int i = 0; i < 5; ++i)
        server.script.push_back({QHttpServerResponder::StatusCode::BadGateway, {}});
    ChatwootPollerConfig config = configFor(server.url());
    config.interval = 10ms;
    config.maxBackoff = 30ms;
    ChatwootPoller poller(config);
    QSignalSpy failures(&poller, &ChatwootPoller::failed);
    QList<std::chrono::milliseconds> delays;
    connect(&poller, &ChatwootPoller::failed, this, [&] { delays.append(poller.nextDelay()); });
    poller.start();

    // Failures come every 30 ms and QTRY polls every 50 ms: wait for "at least", never "exactly".
    QTRY_VERIFY(failures.size() >= 4);
    QCOMPARE(delays.at(0), 20ms);
    QCOMPARE(delays.at(1), 30ms);
    QCOMPARE(delays.at(2), 30ms);
    QCOMPARE(delays.at(3), 30ms);
    QVERIFY(poller.isRunning());
}

void TestChatwoot::badBodiesAreReportedAndPollingGoesOn_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    QTest::newRow("not JSON") << QByteArray("{\"payload\": [") << u"sent a body that is not JSON"_s;
    QTest::newRow("no payload") << R"({"data":[]})"_ba << u"without a \"payload\" array"_s;
    QTest::newRow("payload not an array")
        << R"({"payload":5})"_ba << u"without a \"payload\" array"_s;
    QTest::newRow("over 2 MiB") << QByteArray(rg::feed::kMaxChatwootBodyBytes + 1, ' ')
                                << u"sent more than 2 MiB"_s;
}

// A page that cannot be read is reported, and the next good page is read as usual.
void TestChatwoot::badBodiesAreReportedAndPollingGoesOn()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);

    FakeChatwoot server;
    QVERIFY(server.listen());
    server.messages = {message(1, 0, u"hello"_s)};
    server.script.push_back({QHttpServerResponder::StatusCode::Ok, body});
    ChatwootPoller poller(configFor(server.url()));
    QSignalSpy events(&poller, &ChatwootPoller::eventReceived);
    QSignalSpy failures(&poller, &ChatwootPoller::failed);
    poller.start();

    QTRY_COMPARE(events.size(), 1);
    QCOMPARE(failures.size(), 1);
    const QString text = failures.at(0).at(0).toString();
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(text.contains(server.url().toString() + QLatin1String(kMessagesPath)),
             qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String(kToken)), qPrintable(text));
    QVERIFY(poller.isRunning());
}

void TestChatwoot::refusesBadConfiguration_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ftp URL") << u"url"_s << u"ftp://chat.example"_s << u"not an http(s) URL"_s;
    QTest::newRow("no host") << u"url"_s << u"http://"_s << u"not an http(s) URL"_s;
    QTest::newRow("account path") << u"account"_s << u"7/../1"_s << u"account id"_s;
    QTest::newRow("conversation empty") << u"conversation"_s << QString() << u"conversation id"_s;
    QTest::newRow("no token") << u"token"_s << QString() << u"api_access_token"_s;
}

// A configuration that cannot work is reported on start() and nothing is requested.
void TestChatwoot::refusesBadConfiguration()
{
    QFETCH(QString, member);
    QFETCH(QString, value);
    QFETCH(QString, expected);

    ChatwootPollerConfig config = configFor(QUrl(u"http://127.0.0.1:1"_s));
    if (member == u"url"_s)
        config.baseUrl = QUrl(value);
    else if (member == u"account"_s)
        config.accountId = value;
    else if (member == u"conversation"_s)
        config.conversationId = value;
    else
        config.apiAccessToken = value;
    ChatwootPoller poller(config);
    QSignalSpy failures(&poller, &ChatwootPoller::failed);
    poller.start();
    QVERIFY(!poller.isRunning());
    QTRY_COMPARE(failures.size(), 1);
    QVERIFY2(failures.at(0).at(0).toString().contains(expected),
             qPrintable(failures.at(0).at(0).toString()));
}

// A signature made by an independent HMAC (Qt's, and one computed outside the project with
// Python's hmac module) verifies.
void TestChatwoot::signatureKnownAnswer()
{
    const QByteArray secret = "whsec_test";
    const QByteArray timestamp = "1767225600";
    const QByteArray body = R"({"event":"message_created","id":1})";
    const QByteArray fixed = "40576aa73761a9447271d55fbb12395ffcbf85c31c501b04efda2841c7e05c29";
    QCOMPARE(hmacHex(secret, timestamp, body), fixed);
    QVERIFY(rg::feed::verifyChatwootSignature(secret, timestamp, body, "sha256=" + fixed));

    const QByteArray longSecret(200, 'k'); // longer than a SHA-256 block: hashed first
    const QByteArray bigBody(100000, 'x');
    QVERIFY(rg::feed::verifyChatwootSignature(longSecret, timestamp, bigBody,
                                              "sha256=" + hmacHex(longSecret, timestamp, bigBody)));
    QVERIFY(rg::feed::verifyChatwootSignature(secret, timestamp, {},
                                              "sha256=" + hmacHex(secret, timestamp, {})));
}

void TestChatwoot::signatureRejects_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("timestamp");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("header");

    const QByteArray secret = "whsec_test";
    const QByteArray timestamp = "1767225600";
    const QByteArray body = R"({"event":"message_created","content":"refund 20"})";
    const QByteArray good = hmacHex(secret, timestamp, body);

    QTest::newRow("tampered body")
        << secret << timestamp << QByteArray(R"({"event":"message_created","content":"refund 90"})")
        << "sha256=" + good;
    QTest::newRow("tampered timestamp")
        << secret << QByteArray("1767225601") << body << "sha256=" + good;
    QTest::newRow("other secret") << QByteArray("whsec_tesT") << timestamp << body
                                  << "sha256=" + good;
    QTest::newRow("empty secret") << QByteArray() << timestamp << body
                                  << "sha256=" + hmacHex({}, timestamp, body);
    QTest::newRow("missing prefix") << secret << timestamp << body << good;
    QTest::newRow("other prefix") << secret << timestamp << body << "sha1=" + good;
    QTest::newRow("uppercase prefix") << secret << timestamp << body << "SHA256=" + good;
    QTest::newRow("uppercase hex") << secret << timestamp << body << "sha256=" + good.toUpper();
    QTest::newRow("truncated") << secret << timestamp << body << "sha256=" + good.chopped(2);
    QTest::newRow("extra digits") << secret << timestamp << body << "sha256=" + good + "00";
    QTest::newRow("trailing space") << secret << timestamp << body << "sha256=" + good + " ";
    QTest::newRow("not hex") << secret << timestamp << body << "sha256=" + good.chopped(1) + "g";
    QTest::newRow("empty header") << secret << timestamp << body << QByteArray();
    QTest::newRow("empty timestamp")
        << secret << QByteArray() << body << "sha256=" + hmacHex(secret, {}, body);
}

// Anything but the exact signature of this secret, timestamp and body is refused.
void TestChatwoot::signatureRejects()
{
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, timestamp);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, header);
    QVERIFY(!rg::feed::verifyChatwootSignature(secret, timestamp, body, header));
}

void TestChatwoot::timestampFreshness_data()
{
    QTest::addColumn<QByteArray>("timestamp");
    QTest::addColumn<bool>("fresh");

    // now is 1767225600
    QTest::newRow("now") << QByteArray("1767225600") << true;
    QTest::newRow("5 min ago") << QByteArray("1767225300") << true;
    QTest::newRow("5 min 1 s ago") << QByteArray("1767225299") << false;
    QTest::newRow("a day ago") << QByteArray("1767139200") << false;
    QTest::newRow("5 min ahead") << QByteArray("1767225900") << true;
    QTest::newRow("5 min 1 s ahead") << QByteArray("1767225901") << false;
    QTest::newRow("milliseconds") << QByteArray("1767225600000") << false;
    QTest::newRow("negative") << QByteArray("-1767225600") << false;
    QTest::newRow("decimal") << QByteArray("1767225600.5") << false;
    QTest::newRow("padded") << QByteArray(" 1767225600") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

// Replay protection with an injected clock: five minutes either way, digits only.
void TestChatwoot::timestampFreshness()
{
    QFETCH(QByteArray, timestamp);
    QFETCH(bool, fresh);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC);
    QCOMPARE(rg::feed::chatwootTimestampFresh(timestamp, now), fresh);
}

// The whole check: a good webhook passes, an old one is stale even when signed, a forged one
// fails on its signature before its age is looked at.
void TestChatwoot::webhookCheckOrder()
{
    const QByteArray secret = "s3cret";
    const QByteArray body = R"({"event":"message_created"})";
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC);
    const auto check = [&](const QByteArray &timestamp, const QByteArray &header) {
        return rg::feed::checkChatwootWebhook(secret, timestamp, body, header, now);
    };
    const QByteArray fresh = "1767225590";
    const QByteArray old = "1767220000";
    QCOMPARE(check(fresh, "sha256=" + hmacHex(secret, fresh, body)), ChatwootWebhookCheck::Valid);
    QCOMPARE(check(old, "sha256=" + hmacHex(secret, old, body)),
             ChatwootWebhookCheck::StaleTimestamp);
    QCOMPARE(check(old, "sha256=" + hmacHex("guess", old, body)),
             ChatwootWebhookCheck::BadSignature);
    QCOMPARE(check(fresh, "sha256=" + hmacHex(secret, old, body)),
             ChatwootWebhookCheck::BadSignature);
    QCOMPARE(check("soon", "sha256=" + hmacHex(secret, "soon", body)),
             ChatwootWebhookCheck::BadTimestamp);
    // The default clock is the real one.
    const QByteArray nowText = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    QCOMPARE(rg::feed::checkChatwootWebhook(secret, nowText, body,
                                            "sha256=" + hmacHex(secret, nowText, body)),
             ChatwootWebhookCheck::Valid);
}

namespace {

QJsonObject webhook(const QJsonValue &type, const QString &content, bool isPrivate = false)
{
    return QJsonObject{
        {u"event"_s, u"message_created"_s},
        {u"id"_s, 901},
        {u"content"_s, content},
        {u"message_type"_s, type},
        {u"private"_s, isPrivate},
        {u"created_at"_s, u"2026-01-01T00:00:05.000Z"_s},
        {u"account"_s, QJsonObject{{u"id"_s, 7}, {u"name"_s, u"Shop"_s}}},
        {u"conversation"_s, QJsonObject{{u"id"_s, 42}, {u"inbox_id"_s, 3}}},
        {u"sender"_s, QJsonObject{{u"id"_s, 9}, {u"name"_s, u"Jo"_s}}},
    };
}

} // namespace

void TestChatwoot::webhookConversion_data()
{
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<bool>("hasEvent");
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("text");

    QTest::newRow("incoming") << webhook(u"incoming"_s, u"where is my refund"_s) << true
                              << int(Role::Customer) << u"where is my refund"_s;
    QTest::newRow("outgoing") << webhook(u"outgoing"_s, u"on it"_s) << true << int(Role::Agent)
                              << u"on it"_s;
    QTest::newRow("numeric type") << webhook(0, u"hi"_s) << true << int(Role::Customer) << u"hi"_s;
    QTest::newRow("private note") << webhook(u"outgoing"_s, u"fraud?"_s, true) << false << 0
                                  << QString();
    QTest::newRow("activity") << webhook(u"activity"_s, u"Assigned to Ana"_s) << false << 0
                              << QString();
    QTest::newRow("template") << webhook(u"template"_s, u"Rate us"_s) << false << 0 << QString();
    QTest::newRow("empty content") << webhook(u"incoming"_s, QString()) << false << 0 << QString();
    QJsonObject nullContent = webhook(u"incoming"_s, QString());
    nullContent.insert(u"content"_s, QJsonValue::Null);
    QTest::newRow("null content") << nullContent << false << 0 << QString();
    QJsonObject updated = webhook(u"incoming"_s, u"edited"_s);
    updated.insert(u"event"_s, u"message_updated"_s);
    QTest::newRow("message_updated") << updated << false << 0 << QString();
    QTest::newRow("conversation_created")
        << QJsonObject{{u"event"_s, u"conversation_created"_s}, {u"id"_s, 42}} << false << 0
        << QString();
}

// message_created webhooks map roles and filter like the poller; other events give nothing.
void TestChatwoot::webhookConversion()
{
    QFETCH(QJsonObject, payload);
    QFETCH(bool, hasEvent);
    QFETCH(int, role);
    QFETCH(QString, text);

    const auto converted = rg::feed::feedEventFromChatwootWebhook(payload);
    QVERIFY2(converted.ok(), qPrintable(converted.ok() ? QString() : converted.error()));
    QCOMPARE(converted.value().has_value(), hasEvent);
    if (!hasEvent)
        return;
    const FeedEvent &event = *converted.value();
    QCOMPARE(event.type, rg::feed::FeedEventType::Message);
    QCOMPARE(event.conversationId, u"chatwoot:7:42"_s);
    QCOMPARE(int(event.role), role);
    QCOMPARE(event.text, text);
    QCOMPARE(event.time, QDateTime::fromSecsSinceEpoch(1767225605, Qt::UTC));
}

void TestChatwoot::webhookErrors_data()
{
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<QString>("expected");

    QJsonObject noEvent = webhook(u"incoming"_s, u"hi"_s);
    noEvent.remove(u"event"_s);
    QTest::newRow("no event") << noEvent << u"/event"_s;
    QJsonObject noAccount = webhook(u"incoming"_s, u"hi"_s);
    noAccount.remove(u"account"_s);
    QTest::newRow("no account") << noAccount << u"/account/id"_s;
    QJsonObject textConversation = webhook(u"incoming"_s, u"hi"_s);
    textConversation.insert(u"conversation"_s, QJsonObject{{u"id"_s, u"42"_s}});
    QTest::newRow("conversation id text") << textConversation << u"/conversation/id"_s;
    QTest::newRow("unknown type") << webhook(u"broadcast"_s, u"hi"_s) << u"message_type"_s;
    QJsonObject numberContent = webhook(u"incoming"_s, u"hi"_s);
    numberContent.insert(u"content"_s, 5);
    QTest::newRow("content not text") << numberContent << u"content"_s;
}

// A message_created webhook that lacks what the event needs is an error naming the member.
void TestChatwoot::webhookErrors()
{
    QFETCH(QJsonObject, payload);
    QFETCH(QString, expected);
    const auto converted = rg::feed::feedEventFromChatwootWebhook(payload);
    QVERIFY(!converted.ok());
    QVERIFY2(converted.error().contains(expected), qPrintable(converted.error()));
}

QTEST_GUILESS_MAIN(TestChatwoot)

#include "tst_chatwoot.moc"
