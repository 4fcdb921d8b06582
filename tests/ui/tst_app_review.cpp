// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// `refundguard --review`, the executable itself offscreen: the demo opens without a passphrase,
// and on PostgreSQL the database login decides who may open the review.

#include "audit/auditstore.h"
#include "postgreslogins.h"
#include "postgressupport.h"
#include "review/auditgenerator.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using rg::test::errorOf;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TstAppReview final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // Scenario: someone tries the review with generated records: it opens and draws.
    void demoOpens();
    // Scenario: with a local SQLite log the window waits behind the supervisor passphrase (the
    // dialog offscreen is never answered: no first paint of the review); a log that is not
    // there is named instead of being created empty.
    void sqliteNeedsThePassphrase();
    // Scenario: an agent's database login points the review at the shared log: refused, and the
    // message says a supervisor login is needed; the supervisor's login opens it.
    void postgresLoginDecides();

private:
    // Runs refundguard with \a arguments in a home of its own, with \a databaseUrl as the audit
    // database of its settings; it quits after its first paint.
    Run runApp(const QStringList &arguments, const QString &databaseUrl = {}, int waitMs = 60000);

    QTemporaryDir m_home;
    QString m_server;
    QString m_database;
};

void TstAppReview::initTestCase()
{
    QVERIFY(m_home.isValid());
}

void TstAppReview::cleanupTestCase()
{
    if (m_database.isEmpty())
        return;
    auto server = rg::audit::AuditStore::open(rg::audit::DatabaseUrl::parse(m_server).value());
    QVERIFY2(server, qPrintable(errorOf(server)));
    QSqlQuery query(server.value()->database());
    QVERIFY2(query.exec(u"DROP DATABASE %1 WITH (FORCE)"_s.arg(m_database)),
             qPrintable(query.lastError().text()));
}

Run TstAppReview::runApp(const QStringList &arguments, const QString &databaseUrl, int waitMs)
{
    const QString settingsPath = m_home.filePath(u"refundguard.ini"_s);
    {
        QSettings settings(settingsPath, QSettings::IniFormat);
        settings.setValue(u"audit/databaseUrl"_s, databaseUrl);
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, m_home.filePath(u"home"_s));
    environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    environment.insert(u"RG_SUPERVISOR_KEY"_s, m_home.filePath(u"supervisor.key"_s));
    environment.insert(u"RG_SUPERVISOR_PASSPHRASE_FILE"_s, m_home.filePath(u"passphrase"_s));
    QProcess app;
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(RG_APP_PATH),
              QStringList{u"--review"_s, u"--first-paint-exit"_s, u"-platform"_s, u"offscreen"_s,
                          u"--settings"_s, settingsPath}
                  + arguments);
    Run run;
    if (!app.waitForFinished(waitMs)) {
        app.kill();
        app.waitForFinished();
    }
    run.exitCode = app.exitStatus() == QProcess::NormalExit ? app.exitCode() : -1;
    run.out = QString::fromUtf8(app.readAllStandardOutput());
    run.err = QString::fromUtf8(app.readAllStandardError());
    return run;
}

void TstAppReview::demoOpens()
{
    const Run run = runApp({u"--demo"_s});
    QVERIFY2(run.exitCode == 0 && run.out.contains(u"first-paint"_s), qPrintable(run.err));
}

void TstAppReview::sqliteNeedsThePassphrase()
{
    const QString log = m_home.filePath(u"audit.db"_s);
    rg::review::GeneratorOptions small;
    small.weeks = 1;
    QVERIFY(rg::review::generateAuditLog(u"sqlite://"_s + log, m_home.filePath(u"keys"_s), small));
    const Run gated = runApp({}, u"sqlite://"_s + log, 5000);
    QVERIFY2(!gated.out.contains(u"first-paint"_s), qPrintable(gated.out));
    QCOMPARE(gated.exitCode, -1); // still waiting for the passphrase when stopped

    const Run missing = runApp({}, u"sqlite://"_s + m_home.filePath(u"nowhere.db"_s));
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(u"there is no audit log at"_s), qPrintable(missing.err));
    QVERIFY(!QFile::exists(m_home.filePath(u"nowhere.db"_s)));
}

void TstAppReview::postgresLoginDecides()
{
    m_server = rg::test::postgresUrl();
    RG_REQUIRE_POSTGRES(m_server);
    m_database = u"rg_app_review_%1"_s.arg(QRandomGenerator::system()->generate64(), 0, 16);
    {
        auto server = rg::audit::AuditStore::open(rg::audit::DatabaseUrl::parse(m_server).value());
        QVERIFY2(server, qPrintable(errorOf(server)));
        QSqlQuery query(server.value()->database());
        QVERIFY2(query.exec(u"CREATE DATABASE "_s + m_database), qPrintable(query.lastError().text()));
    }
    const QString owner = rg::test::postgresUrlOf(m_server, m_database);
    const auto logins = rg::test::createPostgresLogins(owner, u"rg_app_review"_s);
    QVERIFY2(logins, qPrintable(errorOf(logins)));
    rg::review::GeneratorOptions small;
    small.weeks = 1;
    small.start = QDate::currentDate().addDays(-10);
    const auto generated = rg::review::generateAuditLog(owner, m_home.filePath(u"keys"_s), small);
    QVERIFY2(generated, qPrintable(errorOf(generated)));

    const Run agent = runApp({}, logins.value().agent);
    QCOMPARE(agent.exitCode, 1);
    QVERIFY(!agent.out.contains(u"first-paint"_s));
    QVERIFY2(agent.err.contains(u"supervisor login"_s), qPrintable(agent.err));

    const Run supervisor = runApp({}, logins.value().supervisor);
    QVERIFY2(supervisor.exitCode == 0 && supervisor.out.contains(u"first-paint"_s),
             qPrintable(supervisor.err));
}

QTEST_GUILESS_MAIN(TstAppReview)
#include "tst_app_review.moc"
