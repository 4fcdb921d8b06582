// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgreslogins.h"
#include "postgressupport.h"
#include "review/auditgenerator.h"
#include "review/disposition.h"
#include "review/overridemodel.h"
#include "testsupport.h"

#include "audit/auditlog.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace rg;
using namespace rg::review;
using rg::test::errorOf;

namespace {

// After the generated four weeks, so no generated record shares their times.
const QDateTime kExtraStart(QDate(2026, 11, 10), QTime(9, 0), Qt::UTC);

// Every cell of every row, with the row's chain and seq: what two backends must agree on.
QStringList rowsOf(const OverrideModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells{model.data(model.index(row, 0), OverrideModel::ChainIdRole).toString(),
                          model.data(model.index(row, 0), OverrideModel::SeqRole).toString()};
        for (int column = 0; column < OverrideModel::ColumnCount; ++column)
            cells.append(model.data(model.index(row, column)).toString());
        rows.append(cells.join(u" | "_s));
    }
    return rows;
}

} // namespace

class TestOverrideModelPostgres final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sameRowsAsSqlite_data();
    void sameRowsAsSqlite();
    void dispositionShowsAfterRefresh();
    void agentLoginIsRefused();
    void olderSchemaNeedsTheOwner();

private:
    Result<bool> appendExtra(const QString &url);
    std::unique_ptr<OverrideModel> openModel(const QString &url);

    QTemporaryDir m_dir;
    QString m_server;   // the superuser, in the server's own test database
    QString m_database; // this run's database
    QString m_owner;    // the superuser, in this run's database: it owns the schema
    QString m_agent;
    QString m_supervisor;
    QString m_sqlite;
    review::GeneratedLog m_generated;
};

/*
 * Overrides the generator does not write, to both logs: the evidence shapes (cues in the
 * sidebar's entries, a bare string), numbers written as text, a policy string and objects, a
 * level in capitals, an override with no amount or risk at all sharing its time with another
 * (the tie-breaker decides), and dispositions spelled loosely, named by another member, or
 * naming no usable seq.
 */
Result<bool> TestOverrideModelPostgres::appendExtra(const QString &url)
{
    QDateTime now = kExtraStart;
    audit::AuditLog::Options options;
    options.database = audit::DatabaseUrl::parse(url).value();
    options.keyPath = m_dir.filePath(u"keys/extra.key"_s);
    options.clock = [&now] { return now; };
    auto log = audit::AuditLog::open(options);
    if (!log)
        return Error{log.error()};
    const QJsonObject agent{
        {u"id"_s, u"agent-x"_s}, {u"role"_s, u"agent"_s}, {u"team"_s, u"team-x"_s}};
    const QJsonObject supervisor{{u"id"_s, u"supervisor-1"_s}, {u"role"_s, u"supervisor"_s}};
    const auto append = [&](audit::RecordKind kind, const QJsonObject &actor, const QString &caseId,
                            const QJsonObject &payload, int minutes) -> Result<qint64> {
        now = now.addSecs(60 * minutes);
        audit::RecordDraft draft;
        draft.kind = kind;
        draft.actor = actor;
        draft.caseId = caseId;
        draft.payload = payload;
        auto record = log.value()->append(draft);
        if (!record)
            return Error{record.error()};
        return record.value().seq;
    };
    const QJsonObject sidebar{
        {u"action"_s, QJsonObject{{u"type"_s, u"refund"_s}, {u"amount"_s, 120.5}}},
        {u"policies"_s,
         QJsonArray{u"refund-over-limit"_s, QJsonObject{{u"id"_s, u"repeat-claim"_s}}}},
        {u"risk"_s, QJsonObject{{u"score"_s, 0.82}, {u"level"_s, u"HIGH"_s}}},
        {u"reason_category"_s, u"customer_history"_s},
        {u"reason"_s, u"Customer verified by phone"_s},
        {u"evidence"_s, QJsonArray{QJsonObject{{u"turn"_s, 2},
                                               {u"cue"_s, u"non_receipt"_s},
                                               {u"quote"_s, u"the box arrived empty"_s},
                                               {u"message"_s, u"hi, the box-arrived EMPTY"_s}}}}};
    const QJsonObject textual{
        {u"amount"_s, u" 75.25"_s},
        {u"risk"_s, u"0.1"_s},
        {u"policies"_s, u"repeat-claim"_s},
        {u"reason"_s, u"loyal customer"_s},
        {u"evidence"_s, QJsonArray{u"plain string evidence"_s,
                                   QJsonObject{{u"cue"_s, u"wrong_item"_s},
                                               {u"quote"_s, u"not what I ordered"_s}}}}};
    const QJsonObject minimal{
        {u"amount"_s, 40},
        {u"risk"_s, 0.45},
        {u"evidence"_s,
         QJsonArray{
             QJsonObject{{u"cue"_s, u"non_receipt"_s}, {u"text"_s, u"never came"_s}},
             QJsonObject{{u"cue"_s, u"wrong_item"_s}, {u"message"_s, u"wrong colour, café"_s}}}}};
    const QJsonObject bare{{u"action"_s, u"replacement"_s}};
    QList<qint64> seqs;
    for (const auto &[payload, minutes] : {std::pair{sidebar, 1}, std::pair{textual, 1},
                                           std::pair{bare, 0}, std::pair{minimal, 1}}) {
        auto seq = append(audit::RecordKind::Override, agent, u"X-%1"_s.arg(seqs.size() + 1),
                          payload, minutes);
        if (!seq)
            return Error{seq.error()};
        seqs.append(seq.value());
    }
    const QList<std::pair<QString, QJsonObject>> dispositions = {
        {u"X-4"_s, {{u"override_seq"_s, seqs.at(3)}, {u"disposition"_s, u" Confirmed-Fraud"_s}}},
        {u"X-4"_s, {{u"override_seq"_s, seqs.at(3)}, {u"decision"_s, u"justified"_s}}},
        {u"X-1"_s, {{u"override_seq"_s, seqs.at(0)}, {u"status"_s, u"coaching needed"_s}}},
        {u"X-2"_s,
         {{u"override_seq"_s, QString::number(seqs.at(1))}, {u"disposition"_s, u"justified"_s}}},
        {u"X-3"_s, {{u"override_seq"_s, seqs.at(2)}, {u"disposition"_s, u"maybe"_s}}},
    };
    for (const auto &[caseId, payload] : dispositions) {
        if (auto seq = append(audit::RecordKind::Disposition, supervisor, caseId, payload, 1); !seq)
            return Error{seq.error()};
    }
    return true;
}

std::unique_ptr<OverrideModel> TestOverrideModelPostgres::openModel(const QString &url)
{
    auto model = std::make_unique<OverrideModel>();
    auto opened = model->open(audit::DatabaseUrl::parse(url).value());
    if (!opened)
        qFatal("open %s failed: %s", qPrintable(url), qPrintable(opened.error()));
    return model;
}

/*
 * A database of this run's own (reruns and other tests leave it alone), the roles as a
 * deployment has them (on a server that grants functions to no one by default), and the same
 * generated log (the same signing keys, so the same chains)
 * written into it and into a SQLite file.
 */
void TestOverrideModelPostgres::initTestCase()
{
    m_server = test::postgresUrl();
    RG_REQUIRE_POSTGRES(m_server);
    QVERIFY(m_dir.isValid());
    m_database = u"rg_review_%1"_s.arg(QRandomGenerator::system()->generate64(), 0, 16);
    {
        auto server = audit::AuditStore::open(audit::DatabaseUrl::parse(m_server).value());
        QVERIFY2(server, qPrintable(errorOf(server)));
        QSqlQuery query(server.value()->database());
        QVERIFY2(query.exec(u"CREATE DATABASE "_s + m_database),
                 qPrintable(query.lastError().text()));
    }
    m_owner = test::postgresUrlOf(m_server, m_database);
    const auto logins = test::createPostgresLogins(m_owner, u"rg_review"_s);
    QVERIFY2(logins, qPrintable(errorOf(logins)));
    m_agent = logins.value().agent;
    m_supervisor = logins.value().supervisor;
    {
        // A hardened server: what the logins' inserts call must be granted by roles.sql.
        auto owner = audit::AuditStore::open(audit::DatabaseUrl::parse(m_owner).value());
        QVERIFY2(owner, qPrintable(errorOf(owner)));
        QSqlQuery query(owner.value()->database());
        QVERIFY2(query.exec(u"REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC"_s),
                 qPrintable(query.lastError().text()));
    }

    m_sqlite = u"sqlite://"_s + m_dir.filePath(u"audit.sqlite"_s);
    const QString keys = m_dir.filePath(u"keys"_s);
    QElapsedTimer timer;
    timer.start();
    // Four times the usual overrides: more ties in time, amount and risk for the keyset.
    review::GeneratorOptions options;
    options.overrideRate = 0.25;
    auto generated = review::generateAuditLog(m_owner, keys, options);
    QVERIFY2(generated, qPrintable(errorOf(generated)));
    qInfo("%lld records (%lld overrides) written to PostgreSQL in %lld ms",
          generated.value().records, generated.value().overrides, timer.restart());
    QVERIFY2(review::generateAuditLog(m_sqlite, keys, options), "cannot write the SQLite log");
    m_generated = generated.value();
    for (const QString &url : {m_owner, m_sqlite}) {
        auto extra = appendExtra(url);
        QVERIFY2(extra, qPrintable(errorOf(extra)));
    }
}

void TestOverrideModelPostgres::cleanupTestCase()
{
    if (m_database.isEmpty())
        return;
    auto server = audit::AuditStore::open(audit::DatabaseUrl::parse(m_server).value());
    QVERIFY2(server, qPrintable(errorOf(server)));
    QSqlQuery query(server.value()->database());
    QVERIFY2(query.exec(u"DROP DATABASE %1 WITH (FORCE)"_s.arg(m_database)),
             qPrintable(query.lastError().text()));
}

void TestOverrideModelPostgres::sameRowsAsSqlite_data()
{
    QTest::addColumn<OverrideFilter>("filter");
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");

    const auto make = [](auto set) {
        OverrideFilter filter;
        set(filter);
        return filter;
    };
    const int time = OverrideModel::TimeColumn;
    const int amount = OverrideModel::AmountColumn;
    const int risk = OverrideModel::RiskColumn;
    QTest::newRow("all, newest first") << OverrideFilter() << time << Qt::DescendingOrder;
    QTest::newRow("all, oldest first") << OverrideFilter() << time << Qt::AscendingOrder;
    QTest::newRow("all by amount") << OverrideFilter() << amount << Qt::DescendingOrder;
    QTest::newRow("all by amount, ascending") << OverrideFilter() << amount << Qt::AscendingOrder;
    QTest::newRow("all by risk") << OverrideFilter() << risk << Qt::DescendingOrder;
    QTest::newRow("all by risk, ascending") << OverrideFilter() << risk << Qt::AscendingOrder;
    QTest::newRow("agent") << make([](OverrideFilter &f) { f.agent = u"agent-b02"_s; }) << time
                           << Qt::DescendingOrder;
    QTest::newRow("team by amount")
        << make([](OverrideFilter &f) { f.team = u"team-a"_s; }) << amount << Qt::AscendingOrder;
    QTest::newRow("policy") << make([](OverrideFilter &f) { f.policy = u"gift-card-refund"_s; })
                            << time << Qt::DescendingOrder;
    QTest::newRow("policy as a string or an object")
        << make([](OverrideFilter &f) { f.policy = u"repeat-claim"_s; }) << risk
        << Qt::DescendingOrder;
    for (const QString &level : {u"high"_s, u"medium"_s, u"low"_s}) {
        QTest::addRow("risk %s", qPrintable(level))
            << make([&](OverrideFilter &f) { f.riskLevel = level; }) << time << Qt::DescendingOrder;
    }
    QTest::newRow("unreviewed") << make([](OverrideFilter &f) {
        f.status = std::optional<Disposition>();
    }) << time << Qt::DescendingOrder;
    for (Disposition disposition : {Disposition::Justified, Disposition::CoachingNeeded,
                                    Disposition::SuspectedCollusion, Disposition::ConfirmedFraud}) {
        QTest::addRow("status %s", qPrintable(dispositionName(disposition)))
            << make([&](OverrideFilter &f) { f.status = disposition; }) << amount
            << Qt::DescendingOrder;
    }
    QTest::newRow("two weeks") << make([](OverrideFilter &f) {
        f.from = QDateTime(QDate(2026, 10, 12), QTime(8, 30), Qt::UTC);
        f.to = QDateTime(QDate(2026, 10, 26), QTime(8, 30), Qt::UTC);
    }) << time << Qt::AscendingOrder;
    QTest::newRow("text everywhere")
        << make([](OverrideFilter &f) { f.text = u"explained SITUATION"_s; }) << time
        << Qt::DescendingOrder;
    QTest::newRow("text in a reason")
        << make([](OverrideFilter &f) { f.text = u"customer"_s; }) << time << Qt::DescendingOrder;
    QTest::newRow("text split at punctuation")
        << make([](OverrideFilter &f) { f.text = u"box-arrived, (empty)"_s; }) << time
        << Qt::DescendingOrder;
    QTest::newRow("text in a bare evidence string")
        << make([](OverrideFilter &f) { f.text = u"plain"_s; }) << time << Qt::DescendingOrder;
    QTest::newRow("text in a text and a message")
        << make([](OverrideFilter &f) { f.text = u"never colour"_s; }) << time
        << Qt::DescendingOrder;
    QTest::newRow("cue") << make([](OverrideFilter &f) { f.cue = u"non_receipt"_s; }) << time
                         << Qt::DescendingOrder;
    QTest::newRow("cue by amount")
        << make([](OverrideFilter &f) { f.cue = u"wrong_item"_s; }) << amount << Qt::AscendingOrder;
    QTest::newRow("cue and status") << make([](OverrideFilter &f) {
        f.cue = u"non_receipt"_s;
        f.status = Disposition::Justified;
    }) << time << Qt::DescendingOrder;
    QTest::newRow("agent, high risk, by amount") << make([](OverrideFilter &f) {
        f.agent = u"agent-a03"_s;
        f.riskLevel = u"high"_s;
    }) << amount << Qt::AscendingOrder;
    QTest::newRow("team, unreviewed, text, by risk") << make([](OverrideFilter &f) {
        f.team = u"team-b"_s;
        f.status = std::optional<Disposition>();
        f.text = u"customer"_s;
    }) << risk << Qt::AscendingOrder;
}

// Each filter and order gives the same rows, cell for cell and in the same order, on both
// backends; pages of 37 make the keyset cross ties in time, amount and risk.
void TestOverrideModelPostgres::sameRowsAsSqlite()
{
    QFETCH(OverrideFilter, filter);
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QList<QStringList> results;
    for (const QString &url : {m_sqlite, m_supervisor}) {
        auto model = openModel(url);
        model->setPageSize(37);
        model->sort(column, order);
        QVERIFY2(model->setFilter(filter), qPrintable(model->lastError()));
        while (model->canFetchMore())
            model->fetchMore();
        QVERIFY2(model->lastError().isEmpty(), qPrintable(model->lastError()));
        results.append(rowsOf(*model));
    }
    QVERIFY(!results.first().isEmpty());
    for (qsizetype row = 0; row < std::min(results.at(0).size(), results.at(1).size()); ++row)
        QCOMPARE(results.at(1).at(row), results.at(0).at(row));
    QCOMPARE(results.at(1).size(), results.at(0).size());
}

// A disposition the supervisor records while the table is open shows in the status filter
// after refresh(), and the override leaves the triage queue.
void TestOverrideModelPostgres::dispositionShowsAfterRefresh()
{
    auto model = openModel(m_supervisor);
    OverrideFilter unreviewed;
    unreviewed.status = std::optional<Disposition>();
    unreviewed.agent = m_generated.newAgent;
    QVERIFY2(model->setFilter(unreviewed), qPrintable(model->lastError()));
    QCOMPARE(model->rowCount(), 1);
    const OverrideRow target = *model->rowAt(0);

    audit::AuditLog::Options options;
    options.database = audit::DatabaseUrl::parse(m_supervisor).value();
    options.keyPath = m_dir.filePath(u"supervisor-login.key"_s);
    auto log = audit::AuditLog::open(options);
    QVERIFY2(log, qPrintable(errorOf(log)));
    auto recorded = recordDisposition(*log.value(), {u"s9"_s, u"supervisor"_s, {}}, target.caseId,
                                      {target.chainId, target.seq}, Disposition::SuspectedCollusion,
                                      u"new agent, first override, same customer as a colluder"_s);
    QVERIFY2(recorded, qPrintable(errorOf(recorded)));

    QCOMPARE(model->rowCount(), 1);
    QVERIFY2(model->refresh(), qPrintable(model->lastError()));
    QCOMPARE(model->rowCount(), 0);
    OverrideFilter collusion;
    collusion.status = Disposition::SuspectedCollusion;
    collusion.agent = m_generated.newAgent;
    QVERIFY2(model->setFilter(collusion), qPrintable(model->lastError()));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->rowAt(0)->seq, target.seq);
    QCOMPARE(model->data(model->index(0, OverrideModel::StatusColumn)).toString(),
             u"suspected_collusion"_s);
}

// An agent's login may append but not read: the table says so and which login it was.
void TestOverrideModelPostgres::agentLoginIsRefused()
{
    OverrideModel model;
    QSignalSpy errors(&model, &OverrideModel::errorOccurred);
    QVERIFY(!model.open(audit::DatabaseUrl::parse(m_agent).value()));
    QCOMPARE(errors.count(), 1);
    const QString error = model.lastError();
    QVERIFY2(error.contains(u"rg_review_agent cannot read the audit log"_s), qPrintable(error));
    QVERIFY2(error.contains(u"refundguard_supervisor"_s), qPrintable(error));
    QVERIFY2(error.contains(m_database), qPrintable(error));
    QCOMPARE(model.rowCount(), 0);
}

// A store of an older schema: the supervisor may not upgrade it and is told who must, and how.
void TestOverrideModelPostgres::olderSchemaNeedsTheOwner()
{
    // A plain connection: an AuditStore would migrate the schema it opens.
    const auto setVersion = [this](int version) {
        const QString name = u"rg.test.schema"_s;
        {
            auto db = audit::DatabaseUrl::parse(m_owner).value().open(name);
            QVERIFY2(db, qPrintable(errorOf(db)));
            QSqlQuery query(db.value());
            QVERIFY2(query.exec(u"UPDATE audit_meta SET value = '%1'"
                                " WHERE key = 'schema_version'"_s.arg(version)),
                     qPrintable(query.lastError().text()));
        }
        QSqlDatabase::removeDatabase(name);
    };
    setVersion(audit::AuditStore::kSchemaVersion - 1);
    const auto restore = qScopeGuard([&] { setVersion(audit::AuditStore::kSchemaVersion); });
    OverrideModel model;
    QVERIFY(!model.open(audit::DatabaseUrl::parse(m_supervisor).value()));
    const QString error = model.lastError();
    QVERIFY2(error.contains(u"refundguard-cli audit init --db"_s), qPrintable(error));
    QVERIFY2(error.contains(u"database owner"_s), qPrintable(error));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestOverrideModelPostgres)

#include "tst_overridemodel_postgres.moc"
