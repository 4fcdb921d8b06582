// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/auditlog.h"
#include "audit/auditstore.h"
#include "audit/verifier.h"
#include "postgreslogins.h"
#include "postgressupport.h"
#include "testsupport.h"

#include <QFile>
#include <QFileDevice>
#include <QProcess>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace rg;
using namespace rg::audit;
using rg::test::errorOf;
using rg::test::postgresUrlAs;

namespace {

RecordDraft draft(RecordKind kind, int n)
{
    RecordDraft draft;
    draft.kind = kind;
    draft.actor = {{u"id"_s, u"agent-%1"_s.arg(n % 5)}, {u"role"_s, u"agent"_s}};
    draft.caseId = u"C-%1"_s.arg(n);
    draft.payload = {{u"action"_s, u"refund"_s}, {u"amount"_s, n}};
    if (kind == RecordKind::Disposition)
        draft.payload.insert(u"override_seq"_s, 1);
    return draft;
}

QString sqlError(const QString &url, const QString &sql)
{
    auto store = AuditStore::open(DatabaseUrl::parse(url).value());
    if (!store)
        return u"cannot open: "_s + store.error();
    QSqlQuery query(store.value()->database());
    return query.exec(sql) ? QString() : query.lastError().text();
}

// Runs installer/pgtest.sh; returns what it printed on stdout.
Result<QString> pgtest(const QStringList &args)
{
    QProcess process;
    process.start(u"bash"_s,
                  QStringList{QStringLiteral(RG_SOURCE_DIR) + u"/installer/pgtest.sh"_s} + args);
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        return Error{u"pgtest.sh %1: %2"_s.arg(args.join(u' '),
                                               QString::fromUtf8(process.readAllStandardError()))};
    }
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace

class TestAuditPostgres final : public QObject
{
    Q_OBJECT

private slots:
    void init();

    // roles.sql as shipped: agents append but cannot read, change or remove anything;
    // supervisors read and add dispositions, and cannot change anything either.
    void rolesAllowOnlyAppending();
    // Eight installations append 10,000 records at once, two of them to each chain.
    void concurrentWritersKeepChainsWhole();
    // The server goes away mid-stream: appends go on into the outbox, and once the server is
    // back every record and checkpoint reaches it exactly once, in order.
    void outboxForwardsExactlyOnceAcrossOutage();

private:
    QString m_admin;
    QString m_agent;
    QString m_supervisor;
    QTemporaryDir m_dir;
};

void TestAuditPostgres::init()
{
    m_admin = rg::test::postgresUrl();
    RG_REQUIRE_POSTGRES(m_admin);
    QVERIFY(m_dir.isValid());
    const auto logins = rg::test::createPostgresLogins(m_admin);
    QVERIFY2(logins, qPrintable(errorOf(logins)));
    m_agent = logins.value().agent;
    m_supervisor = logins.value().supervisor;
}

void TestAuditPostgres::rolesAllowOnlyAppending()
{
    AuditLog::Options options;
    options.database = DatabaseUrl::parse(m_agent).value();
    options.keyPath = m_dir.filePath(u"agent.key"_s);
    options.checkpointEvery = 2;
    {
        auto log = AuditLog::open(options);
        QVERIFY2(log, qPrintable(errorOf(log)));
        for (int n = 1; n <= 3; ++n) {
            const auto record = log.value()->append(draft(RecordKind::Override, n));
            QVERIFY2(record, qPrintable(errorOf(record)));
        }
        QVERIFY(log.value()->endSession());
        // Dispositions are the supervisors' to add.
        const auto disposition = log.value()->append(draft(RecordKind::Disposition, 4));
        QVERIFY(!disposition);
        QVERIFY2(disposition.error().contains(u"row-level security"_s),
                 qPrintable(disposition.error()));
    }

    for (const QString &sql :
         {u"UPDATE audit_records SET body = '{}'"_s, u"DELETE FROM audit_records"_s,
          u"TRUNCATE audit_records"_s, u"SELECT body FROM audit_records"_s,
          u"UPDATE audit_checkpoints SET body = '{}'"_s, u"DELETE FROM audit_checkpoints"_s}) {
        const QString error = sqlError(m_agent, sql);
        QVERIFY2(error.contains(u"permission denied"_s), qPrintable(sql + u" -> "_s + error));
    }
    for (const QString &sql :
         {u"UPDATE audit_records SET body = '{}'"_s, u"DELETE FROM audit_records"_s,
          u"TRUNCATE audit_checkpoints"_s}) {
        const QString error = sqlError(m_supervisor, sql);
        QVERIFY2(error.contains(u"permission denied"_s), qPrintable(sql + u" -> "_s + error));
    }
    // Another agent may not write into this agent's chain, directly or by checkpoint.
    {
        auto admin = AuditStore::open(DatabaseUrl::parse(m_admin).value());
        QVERIFY(admin);
        QSqlQuery query(admin.value()->database());
        QVERIFY2(query.exec(u"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                            "'rg_test_agent2') THEN CREATE ROLE rg_test_agent2 LOGIN IN ROLE "
                            "refundguard_agent; END IF; END$$"_s),
                 qPrintable(query.lastError().text()));
        QVERIFY(query.exec(u"ALTER ROLE rg_test_agent2 PASSWORD 'other-pw'"_s));
    }
    const QString intruderUrl = postgresUrlAs(m_admin, u"rg_test_agent2"_s, u"other-pw"_s);
    AuditLog::Options intruder = options;
    intruder.database = DatabaseUrl::parse(intruderUrl).value();
    {
        auto log = AuditLog::open(intruder); // the same key file: the victim's chain
        QVERIFY2(log, qPrintable(errorOf(log)));
        const auto forged = log.value()->append(draft(RecordKind::Override, 99));
        QVERIFY(!forged);
        QVERIFY2(forged.error().contains(u"belongs to another database user"_s),
                 qPrintable(forged.error()));
        const auto chain = log.value()->chainId();
        const QString error = sqlError(
            intruderUrl,
            u"INSERT INTO audit_checkpoints (chain_id, seq, body) VALUES ('%1', 1000, '{}')"_s.arg(
                chain));
        QVERIFY2(error.contains(u"row-level security"_s), qPrintable(error));
    }

    // Even the owner, who may do anything else, meets the append-only triggers.
    QVERIFY(sqlError(m_admin, u"DELETE FROM audit_records"_s).contains(u"append-only"_s));

    // The supervisor reads the log, verifies it, and adds a disposition.
    auto store = AuditStore::open(DatabaseUrl::parse(m_supervisor).value());
    QVERIFY2(store, qPrintable(errorOf(store)));
    const auto report = verifyStore(*store.value(), {});
    QVERIFY2(report && report.value().ok(), qPrintable(errorOf(report)));
    QVERIFY(report.value().records >= 3);
    store.value().reset();
    options.database = DatabaseUrl::parse(m_supervisor).value();
    options.keyPath = m_dir.filePath(u"supervisor.key"_s);
    auto supervisor = AuditLog::open(options);
    QVERIFY(supervisor);
    const auto disposition = supervisor.value()->append(draft(RecordKind::Disposition, 5));
    QVERIFY2(disposition, qPrintable(errorOf(disposition)));
    QVERIFY(!supervisor.value()->append(draft(RecordKind::Override, 6)));
}

void TestAuditPostgres::concurrentWritersKeepChainsWhole()
{
    constexpr int kWriters = 8;
    constexpr int kPerWriter = 1250;
    std::atomic<int> failures{0};
    QStringList errors(kWriters);
    QStringList chains(kWriters);
    QList<QThread *> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.append(QThread::create([&, w] {
            AuditLog::Options options;
            options.database = DatabaseUrl::parse(m_agent).value();
            // Writers w and w + 4 share a key: one chain, two processes racing for its seq.
            options.keyPath = m_dir.filePath(u"writer-%1.key"_s.arg(w % (kWriters / 2)));
            options.checkpointEvery = 250;
            auto log = AuditLog::open(options);
            if (!log) {
                errors[w] = log.error();
                ++failures;
                return;
            }
            chains[w] = log.value()->chainId();
            for (int n = 0; n < kPerWriter; ++n) {
                if (auto record = log.value()->append(draft(RecordKind::Override, n)); !record) {
                    errors[w] = record.error();
                    ++failures;
                    return;
                }
            }
        }));
    }
    // The key files are created by the first writer of each pair; let those go first.
    for (int w = 0; w < kWriters; ++w)
        threads[w]->start();
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(QDeadlineTimer(240000)));
        delete thread;
    }
    QVERIFY2(failures == 0, qPrintable(errors.join(u"; "_s)));

    auto store = AuditStore::open(DatabaseUrl::parse(m_supervisor).value());
    QVERIFY(store);
    const auto report = verifyStore(*store.value(), {});
    QVERIFY(report);
    for (const VerifyProblem &problem : report.value().problems)
        qWarning("%s seq %lld: %s", qPrintable(problem.chainId), problem.seq, qPrintable(problem.what));
    QVERIFY(report.value().ok());
    for (int c = 0; c < kWriters / 2; ++c) {
        const auto head = store.value()->head(chains[c]);
        QVERIFY(head);
        QCOMPARE(head.value().seq, 2 * kPerWriter);
        qint64 expected = 1;
        QVERIFY(store.value()->scan({chains[c], 0, {}, {}, {}, {}}, [&](const StoredRecord &record) {
            return record.seq == expected++;
        }));
        QCOMPARE(expected, 2 * kPerWriter + 1);
    }
}

void TestAuditPostgres::outboxForwardsExactlyOnceAcrossOutage()
{
    // A server of its own, since this test stops it; in a folder the postgres user can enter.
    QTemporaryDir serverDir(u"/tmp/rg-outbox-pg-XXXXXX"_s);
    QVERIFY(serverDir.isValid());
    QVERIFY(QFile::setPermissions(serverDir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                        | QFileDevice::ExeOwner | QFileDevice::ExeGroup
                                                        | QFileDevice::ExeOther));
    const QString dataDir = serverDir.filePath(u"pg"_s);
    const auto admin = pgtest({u"start"_s, dataDir});
    QVERIFY2(admin, qPrintable(errorOf(admin)));
    const auto stopServer = qScopeGuard([&] { (void)pgtest({u"stop"_s, dataDir}); });
    const auto logins = rg::test::createPostgresLogins(admin.value());
    QVERIFY2(logins, qPrintable(errorOf(logins)));

    AuditLog::Options options;
    options.database = DatabaseUrl::parse(logins.value().agent).value();
    options.outbox = DatabaseUrl::parse(u"sqlite://"_s + m_dir.filePath(u"outbox.db"_s)).value();
    options.keyPath = m_dir.filePath(u"outbox.key"_s);
    options.checkpointEvery = 50;
    options.retrySeconds = 0;
    auto log = AuditLog::open(options);
    QVERIFY2(log, qPrintable(errorOf(log)));
    const QString chain = log.value()->chainId();

    for (int n = 1; n <= 310; ++n) {
        if (n == 101)
            QVERIFY2(pgtest({u"pause"_s, dataDir}), "cannot stop the server");
        if (n == 251)
            QVERIFY2(pgtest({u"resume"_s, dataDir}), "cannot start the server again");
        const auto record = log.value()->append(draft(RecordKind::Override, n));
        QVERIFY2(record, qPrintable(errorOf(record)));
        QCOMPARE(record.value().seq, n);
        if (n == 100)
            QCOMPARE(log.value()->pendingCount(), 0);
        if (n == 250)
            QCOMPARE(log.value()->pendingCount(), 150);
    }
    // The first append after the restart forwarded the backlog; the session's closing
    // checkpoint follows it.
    QCOMPARE(log.value()->pendingCount(), 0);
    const auto closing = log.value()->endSession();
    QVERIFY(closing && closing.value().has_value());
    QCOMPARE(closing.value()->seq, 310);
    const auto again = log.value()->sync();
    QVERIFY2(again, qPrintable(errorOf(again)));
    QCOMPARE(again.value(), 0);

    // Lose the outbox's note of what went out, as a crash right after forwarding would: the
    // server's head still decides, and nothing goes twice.
    log.value().reset();
    {
        auto outbox = AuditStore::open(*options.outbox);
        QVERIFY(outbox);
        QVERIFY(outbox.value()->setForwardedSeq(chain, 0));
    }
    log = AuditLog::open(options);
    QVERIFY(log);
    QCOMPARE(log.value()->pendingCount(), 0);

    auto server = AuditStore::open(DatabaseUrl::parse(admin.value()).value());
    QVERIFY(server);
    qint64 expected = 1;
    QVERIFY(server.value()->scan({chain, 0, {}, {}, {}, {}}, [&](const StoredRecord &record) {
        return record.seq == expected++;
    }));
    QCOMPARE(expected, 311);
    const auto checkpoints = server.value()->checkpoints(chain, 0, 1000);
    QVERIFY(checkpoints);
    QCOMPARE(checkpoints.value().size(), 7);
    const auto report = verifyStore(*server.value(), {});
    QVERIFY(report && report.value().ok());
    QCOMPARE(report.value().records, 310);
}

QTEST_GUILESS_MAIN(TestAuditPostgres)
#include "tst_audit_postgres.moc"
