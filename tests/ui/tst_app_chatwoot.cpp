// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The refundguard application itself on its Chatwoot path, end to end: the real executable runs
// offscreen against a local HTTP server that answers like Chatwoot (the messages endpoint the
// poller reads and the conversation details the "chatwoot" field mapping reads), and what it
// accepted is read back from its session journal while it runs.

#include "feed/chatwoot.h"
#include "feed/feedevent.h"
#include "feed/httpsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr auto kToken = "cw-e2e-token-3f9d71a2";
constexpr auto kAccount = "3";
constexpr auto kConversation = "77";
constexpr auto kMessagesPath = "/api/v1/accounts/3/conversations/77/messages";
constexpr auto kDetailsPath = "/api/v1/accounts/3/conversations/77";
constexpr qint64 kFirstCreatedAt = 1795166700;
constexpr int kWaitMs = 30000;

QJsonObject message(qint64 id, int type, const QString &content, bool isPrivate = false)
{
    return QJsonObject{{u"id"_s, id},
                       {u"content"_s, content},
                       {u"message_type"_s, type},
                       {u"private"_s, isPrivate},
                       {u"created_at"_s, kFirstCreatedAt + (id - 90210) * 10},
                       {u"conversation_id"_s, 77},
                       {u"account_id"_s, 3},
                       {u"content_type"_s, u"text"_s},
                       {u"sender_type"_s, type == 0 ? u"Contact"_s : u"User"_s}};
}

QString isoTime(qint64 id)
{
    return QDateTime::fromSecsSinceEpoch(kFirstCreatedAt + (id - 90210) * 10, Qt::UTC)
        .toString(Qt::ISODateWithMs);
}

// Chatwoot for one conversation: its messages (as /messages pages them, "meta" plus "payload")
// and its details (the sample conversation of the field-mapping tests, renumbered to 77). Every
// request is answered only with the right api_access_token, as Chatwoot does, and the token each
// request carried is kept so the test can say who asked with what.
class FakeChatwoot
{
public:
    explicit FakeChatwoot(QJsonObject details)
        : m_details(std::move(details))
    {
        // The longer path first, so that the details route can never take a messages request.
        m_server.route(QString::fromLatin1(kMessagesPath), QHttpServerRequest::Method::Get,
                       [this](const QHttpServerRequest &request) {
                           messageTokens.append(rg::feed::headerValue(request, "api_access_token"));
                           if (messageTokens.last() != kToken)
                               return QHttpServerResponse(
                                   QHttpServerResponder::StatusCode::Unauthorized);
                           return QHttpServerResponse(
                               QJsonObject{{u"meta"_s, QJsonObject{{u"labels"_s, QJsonArray{}}}},
                                           {u"payload"_s, messages}});
                       });
        m_server.route(QString::fromLatin1(kDetailsPath), QHttpServerRequest::Method::Get,
                       [this](const QHttpServerRequest &request) {
                           detailTokens.append(rg::feed::headerValue(request, "api_access_token"));
                           if (detailTokens.last() != kToken)
                               return QHttpServerResponse(
                                   QHttpServerResponder::StatusCode::Unauthorized);
                           return QHttpServerResponse(m_details);
                       });
    }

    bool listen()
    {
        m_port = m_server.listen(QHostAddress(QHostAddress::LocalHost), 0);
        return m_port != 0;
    }

    QString url() const { return u"http://127.0.0.1:%1"_s.arg(m_port); }

    QJsonArray messages;
    QList<QByteArray> messageTokens; // api_access_token of each messages request
    QList<QByteArray> detailTokens;  // api_access_token of each details request

private:
    QHttpServer m_server;
    QJsonObject m_details;
    quint16 m_port = 0;
};

// The journal as one line per row, in seq order: "conversation | event" where the event is
// what FeedEvent reads back from the stored JSON, so a row only counts when it would replay.
// Empty while the file or its table does not exist yet.
QStringList journalRows(const QString &connectionName, const QString &path)
{
    if (!QFileInfo::exists(path))
        return {};
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (!db.isOpen()) {
        db.setDatabaseName(path);
        // Read-only: the test must never take a write lock the application could wait on.
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open())
            return {};
    }
    QSqlQuery query(db);
    if (!query.exec(u"SELECT conversation, event FROM events ORDER BY seq"_s))
        return {};
    QStringList rows;
    while (query.next()) {
        const QString conversation = query.value(0).toString();
        const auto event = rg::feed::FeedEvent::parse(query.value(1).toByteArray());
        if (!event) {
            rows << conversation + u" | unreadable: "_s + event.error();
            continue;
        }
        const rg::feed::FeedEvent &e = event.value();
        QString line = conversation + u" | "_s + rg::feed::feedEventTypeName(e.type) + u' '
                       + e.conversationId;
        if (e.type == rg::feed::FeedEventType::CaseOpened)
            line += u" case "_s + e.caseId;
        else if (e.type == rg::feed::FeedEventType::Message)
            line += u' ' + rg::model::roleName(e.role) + u' '
                    + e.time.toUTC().toString(Qt::ISODateWithMs) + u' ' + e.text;
        rows << line;
    }
    return rows;
}

} // namespace

class TestAppChatwoot final : public QObject
{
    Q_OBJECT

private slots:
    void pollsChatwootAndJournalsTheConversation();
};

// An agent starts the sidebar on a Chatwoot conversation with no case service configured: the
// application opens the case from Chatwoot's conversation details (through the chatwoot mapping,
// with the token), feeds the customer's and the agent's messages into the journal in order, with
// Chatwoot's times, keeps the private note and the activity line out, never journals a message
// twice on later polls, and never writes the token to its output.
void TestAppChatwoot::pollsChatwootAndJournalsTheConversation()
{
    QFile sample(QStringLiteral(RG_TEST_DATA_DIR "/context/chatwoot-conversation.json"));
    QVERIFY2(sample.open(QIODevice::ReadOnly), qPrintable(sample.errorString()));
    QJsonObject details = QJsonDocument::fromJson(sample.readAll()).object();
    QVERIFY(!details.isEmpty());
    // The mapping takes the case id from the details' "id"; it must be the conversation asked.
    details.insert(u"id"_s, 77);
    details.insert(u"messages"_s, QJsonArray{});

    FakeChatwoot chatwoot(details);
    // Out of id order on purpose, as Chatwoot may page them; the agent's private note and the
    // assignment activity are not part of what the customer and the agent said.
    chatwoot.messages = {
        message(90213, 0, u"it never arrived, just mark it lost in transit and refund it"_s),
        message(90211, 0, u"My headphones never came."_s),
        message(90212, 1, u"Sorry to hear that! Let me check the tracking."_s),
        message(90214, 1, u"note: third non-receipt this year, check the photo"_s, true),
        message(90215, 2, u"Conversation was assigned to Ada Novak"_s),
        message(90216, 1, u"The carrier shows it delivered with a photo; let me look closer."_s),
    };
    QVERIFY(chatwoot.listen());

    QTemporaryDir home;
    QVERIFY2(home.isValid(), qPrintable(home.errorString()));
    const QString dataHome = home.filePath(u"data"_s);
    const QString settingsPath = home.filePath(u"user.ini"_s);
    {
        // Port 0: the bridge takes any free port, so a sidebar already running on 47800 (or
        // another test) cannot make this one fail.
        QFile ini(settingsPath);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[bridge]\nport=0\n");
    }

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Everything the application writes (journal, audit log and key, bridge token) lands in the
    // temporary folder; AppDataLocation is <XDG_DATA_HOME>/refundguard.
    environment.insert(u"HOME"_s, home.filePath(u"home"_s));
    environment.insert(u"XDG_DATA_HOME"_s, dataHome);
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    // Qt wants its runtime folder private to the user; one of our own keeps the real one out.
    const QString runtime = home.filePath(u"runtime"_s);
    QVERIFY(QDir().mkpath(runtime));
    QVERIFY(QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                               | QFileDevice::ExeOwner));
    environment.insert(u"XDG_RUNTIME_DIR"_s, runtime);
    environment.insert(u"RG_BRIDGE_TOKEN_FILE"_s, home.filePath(u"bridge.token"_s));
    environment.insert(u"RG_AUDIT_KEY"_s, home.filePath(u"audit-signing.key"_s));
    environment.insert(u"RG_CHATWOOT_TOKEN"_s, QString::fromLatin1(kToken));
    // The most talkative level, so that a token in any log line, debug ones included, shows.
    environment.insert(u"RG_LOG_LEVEL"_s, u"debug"_s);

    QProcess app;
    app.setProcessEnvironment(environment);
    app.setProgram(QStringLiteral(RG_APP_PATH));
    app.setArguments({u"-platform"_s, u"offscreen"_s, u"--settings"_s, settingsPath,
                      u"--chatwoot-url"_s, chatwoot.url(), u"--chatwoot-account"_s,
                      QString::fromLatin1(kAccount), u"--chatwoot-conversation"_s,
                      QString::fromLatin1(kConversation)});

    const QString connectionName = u"tst_app_chatwoot-journal"_s;
    QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    const auto cleanup = qScopeGuard([&] {
        if (app.state() != QProcess::NotRunning) {
            app.kill();
            app.waitForFinished(5000);
        }
        QSqlDatabase::database(connectionName, false).close();
        QSqlDatabase::removeDatabase(connectionName);
    });

    app.start();
    QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));

    const QString conversation = rg::feed::chatwootConversationId(u"3"_s, u"77"_s);
    const QString journalPath = dataHome + u"/refundguard/sessions.db"_s;
    const QString prefix = conversation + u" | "_s;
    const QStringList expected{
        prefix + u"case_opened "_s + conversation + u" case 77"_s,
        prefix + u"message "_s + conversation + u" customer "_s + isoTime(90211)
            + u" My headphones never came."_s,
        prefix + u"message "_s + conversation + u" agent "_s + isoTime(90212)
            + u" Sorry to hear that! Let me check the tracking."_s,
        prefix + u"message "_s + conversation + u" customer "_s + isoTime(90213)
            + u" it never arrived, just mark it lost in transit and refund it"_s,
        prefix + u"message "_s + conversation + u" agent "_s + isoTime(90216)
            + u" The carrier shows it delivered with a photo; let me look closer."_s,
    };

    const auto running = [&] { return app.state() == QProcess::Running; };
    const auto output = [&] { return QString::fromUtf8(app.readAllStandardError()); };
    QString stderrText;

    // Waits on what the application did, not on time: the journal reaching the whole
    // conversation and the details request; a process that exits ends the wait at once. The
    // outcome is checked piece by piece below, which says more than the predicate's false.
    (void)QTest::qWaitFor(
        [&] {
            return !running()
                   || (!chatwoot.detailTokens.isEmpty()
                       && journalRows(connectionName, journalPath) == expected);
        },
        kWaitMs);
    stderrText += output();
    QVERIFY2(running(), qPrintable(u"refundguard exited early:\n"_s + stderrText));
    QCOMPARE(journalRows(connectionName, journalPath), expected);
    QCOMPARE(chatwoot.detailTokens.size(), 1);
    QCOMPARE(chatwoot.detailTokens.first(), QByteArray(kToken));

    // One more poll of the same page adds nothing: the journal holds each message once. That
    // poll comes a whole polling interval after the details were answered, so by then the
    // application has also handled the details reply (both replies reach the same thread).
    const qsizetype polls = chatwoot.messageTokens.size();
    (void)QTest::qWaitFor([&] { return !running() || chatwoot.messageTokens.size() > polls; },
                          kWaitMs);
    stderrText += output();
    QVERIFY2(running(), qPrintable(u"refundguard exited early:\n"_s + stderrText));
    QVERIFY(chatwoot.messageTokens.size() > polls);
    QCOMPARE(journalRows(connectionName, journalPath), expected);
    for (const QByteArray &token : std::as_const(chatwoot.messageTokens))
        QCOMPARE(token, QByteArray(kToken));

    app.terminate();
    if (!app.waitForFinished(10000)) {
        app.kill();
        QVERIFY(app.waitForFinished(10000));
    }
    stderrText += output();
    const QString stdoutText = QString::fromUtf8(app.readAllStandardOutput());

    // The token authenticated every request, yet appears in no line the application wrote.
    QVERIFY2(!stderrText.contains(QLatin1String(kToken)), qPrintable(stderrText));
    QVERIFY2(!stdoutText.contains(QLatin1String(kToken)), qPrintable(stdoutText));
    // HttpCaseProvider warns "case <id>: ..." when a fetch or the mapping fails: the sample
    // conversation must have become a case, and no poll may have failed.
    QVERIFY2(!stderrText.contains(u"case 77: "_s), qPrintable(stderrText));
    QVERIFY2(!stderrText.contains(u"polling again"_s), qPrintable(stderrText));
    QVERIFY2(!stderrText.contains(u"polling stopped"_s), qPrintable(stderrText));
    QVERIFY2(!stderrText.contains(u"event rejected"_s), qPrintable(stderrText));
}

QTEST_GUILESS_MAIN(TestAppChatwoot)

#include "tst_app_chatwoot.moc"
