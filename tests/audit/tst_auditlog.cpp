// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/auditlog.h"
#include "audit/auditstore.h"
#include "audit/verifier.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace rg;
using namespace rg::audit;
using rg::test::errorOf;

namespace {

const QDateTime kStart(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);

RecordDraft overrideDraft(int n, const QString &reason = u"customer verified by phone"_s)
{
    RecordDraft draft;
    draft.kind = RecordKind::Override;
    draft.actor = {{u"id"_s, u"agent-%1"_s.arg(n % 3)}, {u"role"_s, u"agent"_s},
                   {u"team"_s, u"uk-1"_s}};
    draft.caseId = u"C-%1"_s.arg(n);
    draft.payload = {{u"action"_s, u"refund"_s},
                     {u"amount"_s, 100 + n},
                     {u"policies"_s, QJsonArray{u"refund-over-limit"_s}},
                     {u"reason_category"_s, u"other"_s},
                     {u"reason"_s, reason}};
    return draft;
}

// A clock that moves one minute per reading, so records get distinct, known times.
std::function<QDateTime()> steppingClock()
{
    auto minutes = std::make_shared<int>(0);
    return [minutes] { return kStart.addSecs(60 * (*minutes)++); };
}

} // namespace

class TestAuditLog final : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void databaseUrl_data();
    void databaseUrl();
    void draftRejected_data();
    void draftRejected();

    // A chain written through the log verifies, links each record to the one before, and is
    // named after the installation's key.
    void appendLinksAndVerifies();
    void checkpointsEveryNAndAtSessionEnd();
    void evidenceIsRedactedBeforeHashing();
    void sqliteIsDurableAndAppendOnly();
    void upgradesVersionOneSchema();
    void refusesNewerSchema();
    void scanFiltersByTime();
    // With PostgreSQL unreachable, records wait in the outbox and the count says how many.
    void outboxKeepsRecordsWhileServerIsDown();
    void anchorCatchesCutTail();

private:
    std::unique_ptr<AuditLog> openLog(int checkpointEvery = 100);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_url;
};

void TestAuditLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_url = u"sqlite://"_s + m_dir->filePath(u"audit.db"_s);
}

std::unique_ptr<AuditLog> TestAuditLog::openLog(int checkpointEvery)
{
    AuditLog::Options options;
    options.database = DatabaseUrl::parse(m_url).value();
    options.keyPath = m_dir->filePath(u"key"_s);
    options.checkpointEvery = checkpointEvery;
    options.clock = steppingClock();
    auto log = AuditLog::open(options);
    if (!log)
        qWarning("%s", qPrintable(log.error()));
    return log ? std::move(log).value() : nullptr;
}

void TestAuditLog::databaseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); // display(), or "error: <part of the message>"

    QTest::newRow("sqlite absolute") << u"sqlite:///var/lib/rg/audit.db"_s
                                     << u"sqlite:///var/lib/rg/audit.db"_s;
    QTest::newRow("sqlite relative") << u"sqlite:audit.db"_s << u"sqlite:audit.db"_s;
    QTest::newRow("postgres hides password")
        << u"postgresql://agent:s3cret@db.example:6543/audit"_s
        << u"postgresql://agent@db.example:6543/audit"_s;
    QTest::newRow("postgres default port") << u"postgres://u:p@127.0.0.1/rg"_s
                                           << u"postgresql://u@127.0.0.1:5432/rg"_s;
    QTest::newRow("sqlite host form") << u"sqlite://relative.db"_s << u"error: sqlite:///"_s;
    QTest::newRow("no file") << u"sqlite:"_s << u"error: no database file"_s;
    QTest::newRow("other scheme") << u"mysql://u:p@h/db"_s << u"error: expected a sqlite"_s;
    QTest::newRow("no database") << u"postgresql://u:p@h:5432/"_s
                                 << u"error: expected postgresql://"_s;
    QTest::newRow("bad timeout") << u"postgresql://u:p@h/db?connect_timeout=soon"_s
                                 << u"error: connect_timeout"_s;
    QTest::newRow("unknown option, password kept out")
        << u"postgresql://u:topsecret@h/db?sslmode=disable"_s << u"error: unsupported option"_s;
}

void TestAuditLog::databaseUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const auto parsed = DatabaseUrl::parse(url);
    if (expected.startsWith(u"error: "_s)) {
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().contains(expected.mid(7)), qPrintable(parsed.error()));
        QVERIFY(!parsed.error().contains(u"topsecret"_s));
        return;
    }
    QVERIFY2(parsed, qPrintable(errorOf(parsed)));
    QCOMPARE(parsed.value().display(), expected);
}

void TestAuditLog::draftRejected_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    const QByteArray actor = R"("actor": {"id": "agent-7", "role": "agent"})";
    QTest::newRow("seq given") << R"({"kind": "override", "seq": 4, )" + actor + R"(, "case_id": "C-1"})"
                               << u"/seq: assigned by the log"_s;
    QTest::newRow("hash given") << R"({"kind": "override", "hash": "ab", )" + actor + R"(, "case_id": "C-1"})"
                                << u"/hash: assigned by the log"_s;
    QTest::newRow("time given") << R"({"kind": "override", "time": "2026-01-01T00:00:00Z", )" + actor + R"(, "case_id": "C-1"})"
                                << u"/time: assigned by the log"_s;
    QTest::newRow("unknown member") << R"({"kind": "override", "note": "x", )" + actor + R"(, "case_id": "C-1"})"
                                    << u"/note: unknown member"_s;
    QTest::newRow("bad kind") << R"({"kind": "refund", )" + actor + R"(, "case_id": "C-1"})"
                              << u"/kind: expected one of override"_s;
    QTest::newRow("no actor id") << QByteArray(R"({"kind": "override", "actor": {"role": "agent"}, "case_id": "C-1"})")
                                 << u"/actor/id: expected a non-empty string"_s;
    QTest::newRow("actor not object") << QByteArray(R"({"kind": "override", "actor": "agent-7", "case_id": "C-1"})")
                                      << u"/actor: expected an object"_s;
    QTest::newRow("no case") << R"({"kind": "override", )" + actor + "}"
                             << u"/case_id: required for a override record"_s;
    QTest::newRow("payload array") << R"({"kind": "override", )" + actor + R"(, "case_id": "C-1", "payload": []})"
                                   << u"/payload: expected an object"_s;
    QTest::newRow("disposition without override")
        << R"({"kind": "disposition", )" + actor + R"(, "case_id": "C-1", "payload": {}})"
        << u"/payload/override_seq"_s;
}

void TestAuditLog::draftRejected()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const QJsonDocument document = QJsonDocument::fromJson(json);
    QVERIFY(document.isObject());
    const auto draft = RecordDraft::fromJson(document.object());
    QVERIFY(!draft);
    QVERIFY2(draft.error().startsWith(error), qPrintable(draft.error()));
}

void TestAuditLog::appendLinksAndVerifies()
{
    auto log = openLog();
    QVERIFY(log);
    QCOMPARE(log->chainId(), chainIdFor(log->key().publicKey()));
    QByteArray prev = genesisHash();
    for (int n = 1; n <= 30; ++n) {
        const auto record = log->append(overrideDraft(n));
        QVERIFY2(record, qPrintable(errorOf(record)));
        QCOMPARE(record.value().seq, n);
        QCOMPARE(record.value().prevHash, prev);
        QCOMPARE(record.value().hash, chainHash(prev, record.value().body().value()));
        QCOMPARE(record.value().time, kStart.addSecs(60 * (n - 1)));
        prev = record.value().hash;
    }
    log.reset();

    auto store = AuditStore::open(DatabaseUrl::parse(m_url).value());
    QVERIFY(store);
    const auto report = verifyStore(*store.value(), {});
    QVERIFY(report);
    QVERIFY(report.value().ok());
    QCOMPARE(report.value().records, 30);
    QCOMPARE(report.value().chains, 1);

    // Reopening continues the same chain.
    store.value().reset();
    log = openLog();
    const auto next = log->append(overrideDraft(31));
    QVERIFY(next);
    QCOMPARE(next.value().seq, 31);
    QCOMPARE(next.value().prevHash, prev);
}

void TestAuditLog::checkpointsEveryNAndAtSessionEnd()
{
    auto log = openLog(10);
    QVERIFY(log);
    for (int n = 1; n <= 25; ++n)
        QVERIFY(log->append(overrideDraft(n)));
    const auto closing = log->endSession();
    QVERIFY(closing);
    QVERIFY(closing.value().has_value());
    QCOMPARE(closing.value()->seq, 25);
    QVERIFY(closing.value()->signatureValid());
    // Nothing new since: no second checkpoint for the same head.
    const auto again = log->endSession();
    QVERIFY(again && !again.value().has_value());
    log.reset();

    auto store = AuditStore::open(DatabaseUrl::parse(m_url).value());
    QVERIFY(store);
    const auto checkpoints = store.value()->checkpoints();
    QVERIFY(checkpoints);
    QList<qint64> seqs;
    for (const StoredCheckpoint &checkpoint : checkpoints.value())
        seqs.append(checkpoint.seq);
    QCOMPARE(seqs, (QList<qint64>{10, 20, 25}));
    const auto report = verifyStore(*store.value(), {});
    QVERIFY(report && report.value().ok());
    QCOMPARE(report.value().checkpoints, 3);

    // A key the supervisor does not trust fails every checkpoint, and the chain itself.
    VerifyOptions strict;
    strict.trustedKeys = {QByteArray(32, 'k')};
    const auto untrusted = verifyStore(*store.value(), strict);
    QVERIFY(untrusted);
    QCOMPARE(untrusted.value().problems.size(), 4);
    int notTrusted = 0;
    for (const VerifyProblem &problem : untrusted.value().problems)
        notTrusted += problem.what.contains(u"not among the trusted keys"_s);
    QCOMPARE(notTrusted, 3);
    QVERIFY(std::any_of(untrusted.value().problems.cbegin(), untrusted.value().problems.cend(),
                        [](const VerifyProblem &problem) {
                            return problem.seq == 1
                                   && problem.what == u"chain is not named after any trusted key"_s;
                        }));
}

void TestAuditLog::evidenceIsRedactedBeforeHashing()
{
    auto log = openLog();
    QVERIFY(log);
    RecordDraft draft = overrideDraft(1, u"card 4111 1111 1111 1111, mail jo@example.com, "
                                          "order 114-6639921-5543210 for $1,299.00"_s);
    draft.payload.insert(u"evidence"_s, QJsonArray{u"my card is 4111-1111-1111-1111"_s});
    const auto record = log->append(draft);
    QVERIFY(record);
    const QByteArray body = record.value().body().value();
    QVERIFY2(!body.contains("4111 1111") && !body.contains("4111-1111"), body.constData());
    QVERIFY(!body.contains("jo@example.com"));
    QVERIFY(body.contains("1111]"));
    QVERIFY(body.contains("114-6639921-5543210"));
    QVERIFY(body.contains("$1,299.00"));
}

void TestAuditLog::sqliteIsDurableAndAppendOnly()
{
    auto log = openLog(1);
    QVERIFY(log);
    QVERIFY(log->append(overrideDraft(1)));
    log.reset();
    auto store = AuditStore::open(DatabaseUrl::parse(m_url).value());
    QVERIFY(store);
    QSqlQuery query(store.value()->database());
    QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
    QCOMPARE(query.value(0).toString(), u"wal"_s);
    QVERIFY(query.exec(u"PRAGMA synchronous"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), 2); // FULL
    for (const QString &sql :
         {u"UPDATE audit_records SET body = '{}'"_s, u"DELETE FROM audit_records"_s,
          u"UPDATE audit_checkpoints SET body = '{}'"_s, u"DELETE FROM audit_checkpoints"_s}) {
        QVERIFY2(!query.exec(sql), qPrintable(sql));
        QVERIFY2(query.lastError().text().contains(u"append-only"_s),
                 qPrintable(query.lastError().text()));
    }
    QCOMPARE(store.value()->recordCount().value(), 1);
}

void TestAuditLog::upgradesVersionOneSchema()
{
    // A version-1 file as the first release wrote it, holding one sealed record.
    const auto record = sealRecord(overrideDraft(1), u"rg-chain"_s, 1, genesisHash(), kStart);
    QVERIFY(record);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
        db.setDatabaseName(m_dir->filePath(u"audit.db"_s));
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const QString &sql :
             {u"CREATE TABLE audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
              u"CREATE TABLE audit_records (chain_id TEXT NOT NULL, seq INTEGER NOT NULL CHECK "
              "(seq > 0), body TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (chain_id, seq))"_s,
              u"CREATE TABLE audit_checkpoints (chain_id TEXT NOT NULL, seq INTEGER NOT NULL, "
              "body TEXT NOT NULL, PRIMARY KEY (chain_id, seq))"_s,
              u"INSERT INTO audit_meta VALUES ('schema_version', '1')"_s}) {
            QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
        }
        query.prepare(u"INSERT INTO audit_records VALUES (?, 1, ?, ?)"_s);
        query.addBindValue(u"rg-chain"_s);
        query.addBindValue(QString::fromUtf8(record.value().body().value()));
        query.addBindValue(QString::fromLatin1(record.value().hash));
        QVERIFY(query.exec());
    }
    QSqlDatabase::removeDatabase(u"v1"_s);

    auto store = AuditStore::open(DatabaseUrl::parse(m_url).value());
    QVERIFY2(store, qPrintable(errorOf(store)));
    QCOMPARE(store.value()->schemaVersion().value(), AuditStore::kSchemaVersion);
    QSqlQuery query(store.value()->database());
    QVERIFY(query.exec(u"SELECT kind, recorded_at FROM audit_records"_s) && query.next());
    QCOMPARE(query.value(0).toString(), u"override"_s);
    QCOMPARE(query.value(1).toString(), u"2026-11-02T09:00:00.000Z"_s);
    QVERIFY(verifyStore(*store.value(), {}).value().ok());
}

void TestAuditLog::refusesNewerSchema()
{
    {
        auto store = AuditStore::open(DatabaseUrl::parse(m_url).value());
        QVERIFY(store);
        QSqlQuery query(store.value()->database());
        QVERIFY(query.exec(u"UPDATE audit_meta SET value = '99' WHERE key = 'schema_version'"_s));
    }
    const auto store = AuditStore::open(DatabaseUrl::parse(m_url).value());
    QVERIFY(!store);
    QVERIFY2(store.error().contains(u"newer Refund Guard (audit schema 99"_s),
             qPrintable(errorOf(store)));
    QVERIFY(store.error().contains(m_dir->filePath(u"audit.db"_s)));
}

void TestAuditLog::scanFiltersByTime()
{
    auto log = openLog();
    QVERIFY(log);
    for (int n = 1; n <= 10; ++n)
        QVERIFY(log->append(overrideDraft(n)));
    log.reset();
    auto store = AuditStore::open(DatabaseUrl::parse(m_url).value());
    QVERIFY(store);
    QList<qint64> seqs;
    AuditStore::ScanRange range;
    range.from = kStart.addSecs(60 * 3);
    range.to = kStart.addSecs(60 * 6);
    QVERIFY(store.value()->scan(range, [&](const StoredRecord &record) {
        seqs.append(record.seq);
        return true;
    }));
    QCOMPARE(seqs, (QList<qint64>{4, 5, 6}));
}

void TestAuditLog::outboxKeepsRecordsWhileServerIsDown()
{
    AuditLog::Options options;
    // Port 1 on loopback: nothing listens, so the connection is refused at once.
    options.database = DatabaseUrl::parse(u"postgresql://agent:pw@127.0.0.1:1/audit"_s).value();
    options.outbox = DatabaseUrl::parse(m_url).value();
    options.keyPath = m_dir->filePath(u"key"_s);
    options.retrySeconds = 0;
    auto log = AuditLog::open(options);
    QVERIFY2(log, qPrintable(errorOf(log)));
    for (int n = 1; n <= 5; ++n)
        QVERIFY(log.value()->append(overrideDraft(n)));
    QCOMPARE(log.value()->pendingCount(), 5);
    const auto sent = log.value()->sync();
    QVERIFY(!sent);
    QVERIFY2(sent.error().contains(u"127.0.0.1:1"_s), qPrintable(sent.error()));
    QVERIFY(!sent.error().contains(u"pw"_s));
    log.value().reset();

    // The count survives a restart: it is kept in the outbox, not in memory.
    log = AuditLog::open(options);
    QVERIFY(log);
    QCOMPARE(log.value()->pendingCount(), 5);
}

void TestAuditLog::anchorCatchesCutTail()
{
    auto log = openLog(1000);
    QVERIFY(log);
    for (int n = 1; n <= 12; ++n)
        QVERIFY(log->append(overrideDraft(n)));
    const auto anchor = log->endSession();
    QVERIFY(anchor && anchor.value().has_value());
    log.reset();

    // Cut the tail the way an insider with the file would: triggers first, checkpoint too.
    {
        auto store = AuditStore::open(DatabaseUrl::parse(m_url).value());
        QSqlQuery query(store.value()->database());
        for (const QString &sql :
             {u"DROP TRIGGER audit_records_no_delete"_s, u"DROP TRIGGER audit_checkpoints_no_delete"_s,
              u"DELETE FROM audit_records WHERE seq > 9"_s, u"DELETE FROM audit_checkpoints"_s}) {
            QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
        }
    }
    auto store = AuditStore::open(DatabaseUrl::parse(m_url).value());
    QVERIFY(store);
    QVERIFY(verifyStore(*store.value(), {}).value().ok()); // without the anchor it looks whole

    VerifyOptions options;
    options.anchors = {*anchor.value()};
    const auto report = verifyStore(*store.value(), options);
    QVERIFY(report);
    QCOMPARE(report.value().problems.size(), 1);
    QCOMPARE(report.value().problems.first().seq, 10);
    QVERIFY2(report.value().problems.first().what.contains(u"truncated"_s),
             qPrintable(report.value().problems.first().what));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
