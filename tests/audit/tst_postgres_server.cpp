// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgressupport.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

const QString kConnection = u"tst_postgres_server"_s;

// A connection to the server behind a postgresql:// URL; open() reports whether it worked.
QSqlDatabase connectTo(const QString &url)
{
    const QUrl parsed(url);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, kConnection);
    db.setHostName(parsed.host());
    db.setPort(parsed.port(5432));
    db.setDatabaseName(parsed.path().mid(1));
    db.setUserName(parsed.userName());
    db.setPassword(parsed.password());
    // A server that stopped answering must fail the test, not hang it until ctest's timeout.
    db.setConnectOptions(u"connect_timeout=10"_s);
    return db;
}

// The first column of the single row a query returns, or the error as text.
QString scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return u"error: "_s + query.lastError().text();
    return query.value(0).toString();
}

} // namespace

// The throwaway PostgreSQL server installer/dev.sh test starts for the suite (installer/pgtest.sh).
class TestPostgresServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    // The URL in RG_TEST_POSTGRES_URL opens the test database on a PostgreSQL server.
    void answersAsPostgres();
    // The server listens on the loopback address alone, so a test run opens no port to the network.
    void listensOnLoopbackOnly();
};

void TestPostgresServer::initTestCase()
{
    QVERIFY2(QSqlDatabase::isDriverAvailable(u"QPSQL"_s),
             "the Qt PostgreSQL driver is missing (Debian: libqt6sql6-psql)");
}

void TestPostgresServer::cleanup()
{
    QSqlDatabase::removeDatabase(kConnection);
}

void TestPostgresServer::answersAsPostgres()
{
    const QString url = rg::test::postgresUrl();
    RG_REQUIRE_POSTGRES(url);
    QSqlDatabase db = connectTo(url);
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));

    const QString version = scalar(db, u"SELECT version()"_s);
    QVERIFY2(version.startsWith(u"PostgreSQL"_s), qPrintable(version));
    QCOMPARE(scalar(db, u"SELECT current_database()"_s), u"refundguard_test"_s);
    QCOMPARE(scalar(db, u"SELECT current_user"_s), u"rg_admin"_s);
}

void TestPostgresServer::listensOnLoopbackOnly()
{
    const QString url = rg::test::postgresUrl();
    RG_REQUIRE_POSTGRES(url);
    QSqlDatabase db = connectTo(url);
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));

    QCOMPARE(scalar(db, u"SHOW listen_addresses"_s), u"127.0.0.1"_s);
    QCOMPARE(scalar(db, u"SELECT host(inet_server_addr())"_s), u"127.0.0.1"_s);
}

QTEST_GUILESS_MAIN(TestPostgresServer)

#include "tst_postgres_server.moc"
