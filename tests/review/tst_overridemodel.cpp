// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/bulkauditlog.h"
#include "review/disposition.h"
#include "review/overridemodel.h"
#include "testsupport.h"

#include "audit/auditlog.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;
using namespace rg;
using namespace rg::review;

namespace {

const QDateTime kStart(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
const Reviewer kSupervisor{u"s1"_s, u"supervisor"_s, {}};

// The bulk log's size: 200,000 so that ctest stays well under a minute on two cores (a million
// takes about 45 s here: 10 s writing, 23 s indexing); RG_REVIEW_RECORDS=1000000 runs the size
// the issue names, and bench_review times a million.
qint64 bulkRecords()
{
    const qint64 records = qEnvironmentVariableIntValue("RG_REVIEW_RECORDS");
    return records > 0 ? records : 200000;
}

} // namespace

class TestOverrideModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void columnsOfBothPayloadShapes();
    void dispositionStatusFollowsTheLatest();
    void filters_data();
    void filters();
    void sorting_data();
    void sorting();
    void pagingReturnsEachRowOnce();
    void appendedRecordsShowAfterRefresh();
    void indexRebuiltWhenItsPositionMoved();
    void unreachablePostgresIsAnError();
    void olderIndexIsRebuilt();
    void textSearchOutOfTimeOrder_data();
    void textSearchOutOfTimeOrder();
    void prepareIndexOnAThread();
    void prepareIndexOvertaken();
    void prepareIndexOnPostgresIsANoOp();
    void bulkLog();

private:
    audit::AuditRecord append(audit::RecordKind kind, const QJsonObject &actor,
                              const QString &caseId, const QJsonObject &payload);
    QStringList column(const OverrideModel &model, int column) const;
    std::unique_ptr<OverrideModel> openModel();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_url;
    QDateTime m_now;
    std::unique_ptr<audit::AuditLog> m_log;
    audit::AuditRecord m_sidebar;
    audit::AuditRecord m_minimal;
    audit::AuditRecord m_textual;
};

audit::AuditRecord TestOverrideModel::append(audit::RecordKind kind, const QJsonObject &actor,
                                             const QString &caseId, const QJsonObject &payload)
{
    audit::RecordDraft draft;
    draft.kind = kind;
    draft.actor = actor;
    draft.caseId = caseId;
    draft.payload = payload;
    auto record = m_log->append(draft);
    if (!record)
        qFatal("append failed: %s", qPrintable(record.error()));
    m_now = m_now.addSecs(3600);
    return record.value();
}

QStringList TestOverrideModel::column(const OverrideModel &model, int column) const
{
    QStringList cells;
    for (int row = 0; row < model.rowCount(); ++row)
        cells.append(model.data(model.index(row, column)).toString());
    return cells;
}

std::unique_ptr<OverrideModel> TestOverrideModel::openModel()
{
    auto model = std::make_unique<OverrideModel>();
    auto opened = model->open(audit::DatabaseUrl::parse(m_url).value());
    if (!opened)
        qFatal("open failed: %s", qPrintable(opened.error()));
    return model;
}

/*
 * Three overrides an hour apart: the sidebar's full payload (a1, high risk, evidence), a minimal
 * `audit append` line (a2, bare score, two evidence cues), and a minimal line with numbers written
 * as text and one policy as a string (a1, low risk); a session start that is no override; two
 * dispositions of the first, the later one confirmed fraud.
 */
void TestOverrideModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_url = u"sqlite://"_s + m_dir->filePath(u"audit.sqlite"_s);
    m_now = kStart;
    audit::AuditLog::Options options;
    options.database = audit::DatabaseUrl::parse(m_url).value();
    options.keyPath = m_dir->filePath(u"key"_s);
    options.clock = [this] { return m_now; };
    auto log = audit::AuditLog::open(options);
    QVERIFY2(log, qPrintable(test::errorOf(log)));
    m_log = std::move(log).value();

    const QJsonObject a1{{u"id"_s, u"a1"_s}, {u"role"_s, u"agent"_s}, {u"team"_s, u"north"_s}};
    const QJsonObject a2{{u"id"_s, u"a2"_s}, {u"role"_s, u"agent"_s}, {u"team"_s, u"south"_s}};
    const QJsonObject supervisor{{u"id"_s, u"s1"_s}, {u"role"_s, u"supervisor"_s}};
    append(audit::RecordKind::SessionStart, a1, {}, {{u"conversation_id"_s, u"conv-1"_s}});
    m_sidebar = append(
        audit::RecordKind::Override, a1, u"C-1"_s,
        {{u"conversation_id"_s, u"conv-1"_s},
         {u"action"_s, QJsonObject{{u"type"_s, u"refund"_s}, {u"amount"_s, 120.5}}},
         {u"amount"_s, 120.5},
         {u"policies"_s, QJsonArray{u"refund-over-limit"_s, u"gift-card-refund"_s}},
         {u"verdict"_s, u"warn"_s},
         {u"risk"_s, QJsonObject{{u"score"_s, 0.82}, {u"level"_s, u"high"_s}}},
         {u"reason_category"_s, u"customer_history"_s},
         {u"reason"_s, u"Customer verified by phone"_s},
         {u"evidence"_s, QJsonArray{QJsonObject{{u"turn"_s, 2},
                                                {u"cue"_s, u"non_receipt"_s},
                                                {u"quote"_s, u"the box arrived empty"_s},
                                                {u"message"_s, u"hi, the box arrived empty"_s}}}}});
    m_minimal
        = append(audit::RecordKind::Override, a2, u"C-2"_s,
                 {{u"amount"_s, 40},
                  {u"limit"_s, 50},
                  {u"risk"_s, 0.45},
                  {u"policies"_s, QJsonArray{u"gift-card-refund"_s}},
                  {u"evidence"_s, QJsonArray{QJsonObject{{u"turn"_s, 1},
                                                         {u"cue"_s, u"wrong_item"_s},
                                                         {u"quote"_s, u"not what I ordered"_s}},
                                             QJsonObject{{u"turn"_s, 3},
                                                         {u"cue"_s, u"non_receipt"_s},
                                                         {u"quote"_s, u"it never came"_s}}}}});
    m_textual = append(audit::RecordKind::Override, a1, u"C-3"_s,
                       {{u"amount"_s, u"75.25"_s}, {u"risk"_s, u"0.1"_s},
                        {u"policies"_s, u"repeat-claim"_s}, {u"reason"_s, u"loyal customer"_s}});
    append(audit::RecordKind::Disposition, supervisor, u"C-1"_s,
           {{u"override_seq"_s, m_sidebar.seq}, {u"disposition"_s, u"coaching_needed"_s}});
    append(audit::RecordKind::Disposition, supervisor, u"C-1"_s,
           {{u"override_seq"_s, m_sidebar.seq}, {u"disposition"_s, u"confirmed_fraud"_s}});
}

void TestOverrideModel::cleanup()
{
    m_log.reset();
    m_dir.reset();
}

// Each column as the table shows it, newest first, for both payload shapes.
void TestOverrideModel::columnsOfBothPayloadShapes()
{
    auto model = openModel();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->columnCount(), int(OverrideModel::ColumnCount));
    QCOMPARE(column(*model, OverrideModel::CaseColumn), (QStringList{u"C-3"_s, u"C-2"_s, u"C-1"_s}));
    QCOMPARE(column(*model, OverrideModel::TimeColumn).last(), u"2026-11-02 10:00:00"_s);
    QCOMPARE(model->data(model->index(2, OverrideModel::TimeColumn), OverrideModel::ValueRole)
                 .toDateTime(),
             m_sidebar.time);
    QCOMPARE(column(*model, OverrideModel::AgentColumn), (QStringList{u"a1"_s, u"a2"_s, u"a1"_s}));
    QCOMPARE(column(*model, OverrideModel::TeamColumn),
             (QStringList{u"north"_s, u"south"_s, u"north"_s}));
    QCOMPARE(column(*model, OverrideModel::ActionColumn), (QStringList{{}, {}, u"refund"_s}));
    QCOMPARE(column(*model, OverrideModel::AmountColumn),
             (QStringList{u"75.25"_s, u"40.00"_s, u"120.50"_s}));
    QCOMPARE(column(*model, OverrideModel::PoliciesColumn),
             (QStringList{u"repeat-claim"_s, u"gift-card-refund"_s,
                          u"refund-over-limit, gift-card-refund"_s}));
    QCOMPARE(column(*model, OverrideModel::RiskColumn),
             (QStringList{u"low (0.10)"_s, u"medium (0.45)"_s, u"high (0.82)"_s}));
    QCOMPARE(column(*model, OverrideModel::ReasonCategoryColumn),
             (QStringList{{}, {}, u"customer_history"_s}));
    QCOMPARE(model->data(model->index(2, 0), OverrideModel::ChainIdRole).toString(),
             m_log->chainId());
    QCOMPARE(model->data(model->index(2, 0), OverrideModel::SeqRole).toLongLong(), m_sidebar.seq);
    QCOMPARE(model->headerData(OverrideModel::StatusColumn, Qt::Horizontal).toString(),
             u"Disposition"_s);
}

// The newest disposition wins, also one recorded through recordDisposition after the model
// opened (it names the override's chain explicitly).
void TestOverrideModel::dispositionStatusFollowsTheLatest()
{
    auto model = openModel();
    QCOMPARE(column(*model, OverrideModel::StatusColumn),
             (QStringList{u"none"_s, u"none"_s, u"confirmed_fraud"_s}));
    auto recorded = recordDisposition(*m_log, kSupervisor, u"C-1"_s, {{}, m_sidebar.seq},
                                      Disposition::Justified, u"refund was legitimate"_s);
    QVERIFY2(recorded, qPrintable(test::errorOf(recorded)));
    auto minimal = recordDisposition(*m_log, kSupervisor, u"C-2"_s, {m_log->chainId(), m_minimal.seq},
                                     Disposition::SuspectedCollusion, u"same customer again"_s);
    QVERIFY2(minimal, qPrintable(test::errorOf(minimal)));
    QVERIFY2(model->refresh(), qPrintable(model->lastError()));
    QCOMPARE(column(*model, OverrideModel::StatusColumn),
             (QStringList{u"none"_s, u"suspected_collusion"_s, u"justified"_s}));
}

void TestOverrideModel::filters_data()
{
    QTest::addColumn<OverrideFilter>("filter");
    QTest::addColumn<QStringList>("cases");

    const auto make = [](auto set) {
        OverrideFilter filter;
        set(filter);
        return filter;
    };
    QTest::newRow("none") << OverrideFilter() << QStringList{u"C-3"_s, u"C-2"_s, u"C-1"_s};
    QTest::newRow("agent") << make([](OverrideFilter &f) { f.agent = u"a1"_s; })
                           << QStringList{u"C-3"_s, u"C-1"_s};
    QTest::newRow("team") << make([](OverrideFilter &f) { f.team = u"south"_s; })
                          << QStringList{u"C-2"_s};
    QTest::newRow("policy in an array")
        << make([](OverrideFilter &f) { f.policy = u"gift-card-refund"_s; })
        << QStringList{u"C-2"_s, u"C-1"_s};
    QTest::newRow("policy as a string")
        << make([](OverrideFilter &f) { f.policy = u"repeat-claim"_s; }) << QStringList{u"C-3"_s};
    QTest::newRow("risk high from the level")
        << make([](OverrideFilter &f) { f.riskLevel = u"high"_s; }) << QStringList{u"C-1"_s};
    QTest::newRow("risk medium from a bare score")
        << make([](OverrideFilter &f) { f.riskLevel = u"medium"_s; }) << QStringList{u"C-2"_s};
    QTest::newRow("risk low from a score as text")
        << make([](OverrideFilter &f) { f.riskLevel = u"low"_s; }) << QStringList{u"C-3"_s};
    QTest::newRow("unreviewed")
        << make([](OverrideFilter &f) { f.status = std::optional<Disposition>(); })
        << QStringList{u"C-3"_s, u"C-2"_s};
    QTest::newRow("confirmed fraud")
        << make([](OverrideFilter &f) { f.status = Disposition::ConfirmedFraud; })
        << QStringList{u"C-1"_s};
    QTest::newRow("coaching needed, since overruled")
        << make([](OverrideFilter &f) { f.status = Disposition::CoachingNeeded; }) << QStringList();
    QTest::newRow("date range") << make([](OverrideFilter &f) {
        f.from = kStart.addSecs(2 * 3600);
        f.to = kStart.addSecs(3 * 3600);
    }) << QStringList{u"C-2"_s};
    QTest::newRow("text in the evidence")
        << make([](OverrideFilter &f) { f.text = u"arrived EMPTY"_s; }) << QStringList{u"C-1"_s};
    QTest::newRow("text in the reason")
        << make([](OverrideFilter &f) { f.text = u"customer"_s; })
        << QStringList{u"C-3"_s, u"C-1"_s};
    QTest::newRow("every word required")
        << make([](OverrideFilter &f) { f.text = u"loyal phone"_s; }) << QStringList();
    QTest::newRow("FTS syntax is plain text")
        << make([](OverrideFilter &f) { f.text = u"\"loyal\" OR NEAR(x"_s; }) << QStringList();
    QTest::newRow("punctuation splits words as the index does")
        << make([](OverrideFilter &f) { f.text = u"box-arrived, (empty)"_s; })
        << QStringList{u"C-1"_s};
    QTest::newRow("cue in one of two entries")
        << make([](OverrideFilter &f) { f.cue = u"non_receipt"_s; })
        << QStringList{u"C-2"_s, u"C-1"_s};
    QTest::newRow("cue of one override")
        << make([](OverrideFilter &f) { f.cue = u"wrong_item"_s; }) << QStringList{u"C-2"_s};
    QTest::newRow("cue is an id, not a word of the quote")
        << make([](OverrideFilter &f) { f.cue = u"empty"_s; }) << QStringList();
    QTest::newRow("cue and agent") << make([](OverrideFilter &f) {
        f.cue = u"non_receipt"_s;
        f.agent = u"a1"_s;
    }) << QStringList{u"C-1"_s};
    QTest::newRow("cue and unreviewed") << make([](OverrideFilter &f) {
        f.cue = u"non_receipt"_s;
        f.status = std::optional<Disposition>();
    }) << QStringList{u"C-2"_s};
    QTest::newRow("agent and text")
        << make([](OverrideFilter &f) {
               f.agent = u"a1"_s;
               f.text = u"loyal"_s;
           })
        << QStringList{u"C-3"_s};
}

// Each filter alone and some together select exactly the matching overrides, newest first.
void TestOverrideModel::filters()
{
    QFETCH(OverrideFilter, filter);
    QFETCH(QStringList, cases);
    auto model = openModel();
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    QVERIFY2(model->setFilter(filter), qPrintable(model->lastError()));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(column(*model, OverrideModel::CaseColumn), cases);
    QVERIFY(!model->canFetchMore());
}

void TestOverrideModel::sorting_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("cases");
    QTest::newRow("time ascending") << int(OverrideModel::TimeColumn) << Qt::AscendingOrder
                                    << QStringList{u"C-1"_s, u"C-2"_s, u"C-3"_s};
    QTest::newRow("amount descending") << int(OverrideModel::AmountColumn) << Qt::DescendingOrder
                                       << QStringList{u"C-1"_s, u"C-3"_s, u"C-2"_s};
    QTest::newRow("amount ascending") << int(OverrideModel::AmountColumn) << Qt::AscendingOrder
                                      << QStringList{u"C-2"_s, u"C-3"_s, u"C-1"_s};
    QTest::newRow("risk descending") << int(OverrideModel::RiskColumn) << Qt::DescendingOrder
                                     << QStringList{u"C-1"_s, u"C-2"_s, u"C-3"_s};
    // Not sortable: the order stays the default, newest first.
    QTest::newRow("agent ignored") << int(OverrideModel::AgentColumn) << Qt::AscendingOrder
                                   << QStringList{u"C-3"_s, u"C-2"_s, u"C-1"_s};
}

// Sorting by time, amount and risk, paged one row at a time so the keyset crosses every row.
void TestOverrideModel::sorting()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, cases);
    auto model = openModel();
    model->setPageSize(1);
    model->sort(column, order);
    while (model->canFetchMore())
        model->fetchMore();
    QCOMPARE(this->column(*model, OverrideModel::CaseColumn), cases);
}

// Pages of two over overrides that share one time: each row comes exactly once.
void TestOverrideModel::pagingReturnsEachRowOnce()
{
    const QJsonObject a3{{u"id"_s, u"a3"_s}, {u"role"_s, u"agent"_s}};
    const QDateTime same = m_now;
    for (int i = 0; i < 7; ++i) {
        m_now = same;
        append(audit::RecordKind::Override, a3, u"T-%1"_s.arg(i), {{u"amount"_s, 10}});
    }
    auto model = openModel();
    model->setPageSize(2);
    QVERIFY2(model->refresh(), qPrintable(model->lastError()));
    QCOMPARE(model->rowCount(), 2);
    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
    while (model->canFetchMore())
        model->fetchMore();
    QCOMPARE(model->rowCount(), 10);
    QCOMPARE(inserted.count(), 4);
    QStringList cases = column(*model, OverrideModel::CaseColumn);
    cases.removeDuplicates();
    QCOMPARE(cases.size(), 10);
}

// Records appended while the table is open appear on refresh, with no rebuild.
void TestOverrideModel::appendedRecordsShowAfterRefresh()
{
    auto model = openModel();
    append(audit::RecordKind::Override, {{u"id"_s, u"a4"_s}, {u"role"_s, u"agent"_s}}, u"C-9"_s,
           {{u"amount"_s, 5}});
    QCOMPARE(model->rowCount(), 3);
    QVERIFY2(model->refresh(), qPrintable(model->lastError()));
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->data(model->index(0, OverrideModel::CaseColumn)).toString(), u"C-9"_s);
}

// A review index whose saved position names another record (as after a VACUUM that renumbered
// rowids) is rebuilt rather than trusted.
void TestOverrideModel::indexRebuiltWhenItsPositionMoved()
{
    openModel().reset();
    {
        auto store = audit::AuditStore::open(audit::DatabaseUrl::parse(m_url).value());
        QVERIFY2(store, qPrintable(test::errorOf(store)));
        QSqlQuery query(store.value()->database());
        QVERIFY(query.exec(u"UPDATE review_meta SET value = 'elsewhere#1' WHERE key = 'last_row'"_s));
        QVERIFY(query.exec(u"DELETE FROM review_overrides"_s));
    }
    auto model = openModel();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(column(*model, OverrideModel::StatusColumn).last(), u"confirmed_fraud"_s);
}

// A server that is not there: an error naming it, and an empty table.
void TestOverrideModel::unreachablePostgresIsAnError()
{
    OverrideModel model;
    QSignalSpy errors(&model, &OverrideModel::errorOccurred);
    auto opened
        = model.open(audit::DatabaseUrl::parse(u"postgresql://u:p@127.0.0.1:1/rg"_s).value());
    QVERIFY(!opened);
    QCOMPARE(errors.count(), 1);
    QVERIFY2(model.lastError().contains(u"127.0.0.1"_s), qPrintable(model.lastError()));
    QCOMPARE(model.rowCount(), 0);
}

// An index an older build made (before cues were indexed) is dropped and rebuilt on open.
void TestOverrideModel::olderIndexIsRebuilt()
{
    openModel().reset();
    {
        auto store = audit::AuditStore::open(audit::DatabaseUrl::parse(m_url).value());
        QVERIFY2(store, qPrintable(test::errorOf(store)));
        QSqlQuery query(store.value()->database());
        QVERIFY(query.exec(u"UPDATE review_meta SET value = '1' WHERE key = 'version'"_s));
        QVERIFY(query.exec(u"DROP TABLE review_override_cues"_s));
    }
    auto model = openModel();
    OverrideFilter filter;
    filter.cue = u"wrong_item"_s;
    QVERIFY2(model->setFilter(filter), qPrintable(model->lastError()));
    QCOMPARE(column(*model, OverrideModel::CaseColumn), QStringList{u"C-2"_s});
}

void TestOverrideModel::textSearchOutOfTimeOrder_data()
{
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<bool>("bounded");
    QTest::addColumn<QStringList>("cases");
    QTest::newRow("newest first") << Qt::DescendingOrder << false
                                  << QStringList{u"P-3"_s, u"P-5"_s, u"P-1"_s, u"P-6"_s,
                                                 u"P-2"_s, u"P-4"_s};
    QTest::newRow("oldest first") << Qt::AscendingOrder << false
                                  << QStringList{u"P-4"_s, u"P-2"_s, u"P-6"_s, u"P-1"_s,
                                                 u"P-5"_s, u"P-3"_s};
    QTest::newRow("newest first, dated") << Qt::DescendingOrder << true
                                         << QStringList{u"P-1"_s, u"P-6"_s, u"P-2"_s};
    QTest::newRow("oldest first, dated") << Qt::AscendingOrder << true
                                         << QStringList{u"P-2"_s, u"P-6"_s, u"P-1"_s};
}

/*
 * Overrides appended out of time order (a writer whose clock lagged, a record forwarded late):
 * a text search in time order, paged one row at a time so every page bounds its search by the
 * row before, still returns every match once and in order, with and without a date range.
 */
void TestOverrideModel::textSearchOutOfTimeOrder()
{
    QFETCH(Qt::SortOrder, order);
    QFETCH(bool, bounded);
    QFETCH(QStringList, cases);
    const QJsonObject a5{{u"id"_s, u"a5"_s}, {u"role"_s, u"agent"_s}};
    const QDateTime base = kStart.addDays(1);
    for (const auto &[caseId, hours] : {std::pair{u"P-1"_s, 10}, std::pair{u"P-2"_s, 4},
                                        std::pair{u"P-3"_s, 12}, std::pair{u"P-4"_s, 1},
                                        std::pair{u"P-5"_s, 11}, std::pair{u"P-6"_s, 6}}) {
        m_now = base.addSecs(hours * 3600);
        append(audit::RecordKind::Override, a5, caseId,
               {{u"amount"_s, 10}, {u"reason"_s, u"parcel lost"_s}});
        // A record without the word, so the search has rows to leave out.
        m_now = base.addSecs(hours * 3600 + 60);
        append(audit::RecordKind::Override, a5, caseId + u"-x"_s, {{u"amount"_s, 10}});
    }
    auto model = openModel();
    model->setPageSize(1);
    model->sort(OverrideModel::TimeColumn, order);
    OverrideFilter filter;
    filter.text = u"parcel"_s;
    if (bounded) {
        filter.from = base.addSecs(2 * 3600);
        filter.to = base.addSecs(11 * 3600);
    }
    QVERIFY2(model->setFilter(filter), qPrintable(model->lastError()));
    while (model->canFetchMore())
        model->fetchMore();
    QVERIFY2(model->lastError().isEmpty(), qPrintable(model->lastError()));
    QCOMPARE(column(*model, OverrideModel::CaseColumn), cases);
}

/*
 * prepareIndex on a worker thread: stopped after its first chunk it leaves a consistent, partial
 * index; called again it carries on from there, reports rising progress up to the total, and
 * leaves nothing for open() to index.
 */
void TestOverrideModel::prepareIndexOnAThread()
{
    const QString url = u"sqlite://"_s + m_dir->filePath(u"prepare.sqlite"_s);
    constexpr qint64 kRecords = 120000; // three chunks of indexing
    auto bulk = test::writeBulkAuditLog(url, kRecords);
    QVERIFY2(bulk, qPrintable(test::errorOf(bulk)));
    const auto database = audit::DatabaseUrl::parse(url).value();

    // Runs prepareIndex on a thread of its own, noting each progress report.
    const auto prepare = [&database](bool keepGoing, QList<std::pair<qint64, qint64>> &reports) {
        Result<bool> result = Error{u"not run"_s};
        std::unique_ptr<QThread> thread(QThread::create([&] {
            result = OverrideModel::prepareIndex(database, [&](qint64 done, qint64 total) {
                reports.append({done, total});
                return keepGoing;
            });
        }));
        thread->start();
        thread->wait();
        return result;
    };
    auto store = audit::AuditStore::open(database);
    QVERIFY2(store, qPrintable(test::errorOf(store)));
    const auto scalar = [&store](const QString &sql) {
        QSqlQuery query(store.value()->database());
        if (!query.exec(sql) || !query.next())
            qFatal("query failed: %s", qPrintable(sql));
        return query.value(0).toString();
    };

    QList<std::pair<qint64, qint64>> stopped;
    auto first = prepare(false, stopped);
    QVERIFY2(first, qPrintable(test::errorOf(first)));
    QCOMPARE(first.value(), false);
    QCOMPARE(stopped, (QList<std::pair<qint64, qint64>>{{50000, kRecords}}));
    QCOMPARE(scalar(u"SELECT value FROM review_meta WHERE key = 'last_rowid'"_s), u"50000"_s);
    QCOMPARE(scalar(u"SELECT value FROM review_meta WHERE key = 'complete'"_s), u"0"_s);
    QCOMPARE(scalar(u"SELECT count(*) FROM review_overrides"_s),
             scalar(u"SELECT count(*) FROM audit_records WHERE kind = 'override'"
                    " AND rowid <= 50000"_s));

    QList<std::pair<qint64, qint64>> reports;
    auto second = prepare(true, reports);
    QVERIFY2(second, qPrintable(test::errorOf(second)));
    QCOMPARE(second.value(), true);
    QCOMPARE(reports, (QList<std::pair<qint64, qint64>>{{100000, kRecords}, {kRecords, kRecords}}));
    QCOMPARE(scalar(u"SELECT value FROM review_meta WHERE key = 'complete'"_s), u"1"_s);
    QCOMPARE(scalar(u"SELECT count(*) FROM review_overrides"_s),
             QString::number(bulk.value().overrides));

    // open() finds the index up to date: it reads the first page and indexes nothing.
    const QString indexedTo = scalar(u"SELECT value FROM review_meta WHERE key = 'last_rowid'"_s);
    OverrideModel model;
    auto opened = model.open(database);
    QVERIFY2(opened, qPrintable(test::errorOf(opened)));
    QCOMPARE(model.rowCount(), OverrideModel::kDefaultPageSize);
    QCOMPARE(scalar(u"SELECT value FROM review_meta WHERE key = 'last_rowid'"_s), indexedTo);
    QList<std::pair<qint64, qint64>> none;
    auto again = prepare(true, none);
    QVERIFY2(again, qPrintable(test::errorOf(again)));
    QVERIFY(again.value());
    QVERIFY(none.isEmpty());
}

/*
 * Two builds of one index (two review windows): while one reports its first chunk, the other
 * completes the index; the first then carries on from there instead of indexing those records
 * again, and the index holds each override once.
 */
void TestOverrideModel::prepareIndexOvertaken()
{
    const QString url = u"sqlite://"_s + m_dir->filePath(u"overtaken.sqlite"_s);
    auto bulk = test::writeBulkAuditLog(url, 60000); // two chunks of indexing
    QVERIFY2(bulk, qPrintable(test::errorOf(bulk)));
    const auto database = audit::DatabaseUrl::parse(url).value();
    QList<std::pair<qint64, qint64>> reports;
    Result<bool> other = Error{u"not run"_s};
    auto prepared = OverrideModel::prepareIndex(database, [&](qint64 done, qint64 total) {
        reports.append({done, total});
        if (reports.size() == 1)
            other = OverrideModel::prepareIndex(database, [](qint64, qint64) { return true; });
        return true;
    });
    QVERIFY2(prepared, qPrintable(test::errorOf(prepared)));
    QVERIFY(prepared.value());
    QVERIFY2(other, qPrintable(test::errorOf(other)));
    QVERIFY(other.value());
    QCOMPARE(reports, (QList<std::pair<qint64, qint64>>{{50000, 60000}}));
    auto store = audit::AuditStore::open(database);
    QVERIFY2(store, qPrintable(test::errorOf(store)));
    QSqlQuery query(store.value()->database());
    QVERIFY(query.exec(u"SELECT count(*), count(DISTINCT id) FROM review_overrides"_s));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), bulk.value().overrides);
    QCOMPARE(query.value(1).toLongLong(), bulk.value().overrides);
}

// PostgreSQL has no review index of the model's own: nothing to prepare, no server asked.
void TestOverrideModel::prepareIndexOnPostgresIsANoOp()
{
    bool called = false;
    auto prepared = OverrideModel::prepareIndex(
        audit::DatabaseUrl::parse(u"postgresql://u:p@127.0.0.1:1/rg"_s).value(),
        [&called](qint64, qint64) {
            called = true;
            return true;
        });
    QVERIFY2(prepared, qPrintable(test::errorOf(prepared)));
    QVERIFY(prepared.value());
    QVERIFY(!called);
}

/*
 * 200,000 records (RG_REVIEW_RECORDS=1000000 for the million): after each filter the first page is the
 * newest matches, and scrolling to the end with fetchMore counts every match exactly as SQL
 * over the record bodies does.
 */
void TestOverrideModel::bulkLog()
{
    const QString url = u"sqlite://"_s + m_dir->filePath(u"bulk.sqlite"_s);
    QElapsedTimer timer;
    timer.start();
    auto bulk = test::writeBulkAuditLog(url, bulkRecords());
    QVERIFY2(bulk, qPrintable(test::errorOf(bulk)));
    const qint64 written = timer.restart();
    OverrideModel model;
    auto opened = model.open(audit::DatabaseUrl::parse(url).value());
    QVERIFY2(opened, qPrintable(test::errorOf(opened)));
    qInfo("%lld records written in %lld ms, indexed in %lld ms", bulk.value().records, written,
          timer.elapsed());

    // What the bodies say, counted without the review index.
    auto store = audit::AuditStore::open(audit::DatabaseUrl::parse(url).value());
    QVERIFY2(store, qPrintable(test::errorOf(store)));
    const auto countWhere = [&](const QString &condition) {
        QSqlQuery query(store.value()->database());
        if (!query.exec(u"SELECT count(*) FROM audit_records WHERE kind = 'override' AND "_s
                        + condition)
            || !query.next()) {
            qFatal("count failed");
        }
        return query.value(0).toLongLong();
    };
    qint64 newest = bulk.value().records;
    while (test::BulkAuditLog::isSession(newest) || test::BulkAuditLog::isDisposition(newest))
        --newest;
    QCOMPARE(model.rowCount(), OverrideModel::kDefaultPageSize);
    QCOMPARE(model.data(model.index(0, 0), OverrideModel::SeqRole).toLongLong(), newest);

    struct Case
    {
        const char *name;
        OverrideFilter filter;
        QString condition;
    };
    const QDateTime from = bulk.value().timeOf(bulk.value().records / 3);
    const QDateTime to = bulk.value().timeOf(bulk.value().records / 2);
    QList<Case> cases;
    cases.append({"none", {}, u"1"_s});
    OverrideFilter agent;
    agent.agent = u"agent-5"_s;
    cases.append({"agent", agent, u"json_extract(body, '$.actor.id') = 'agent-5'"_s});
    OverrideFilter teamDate;
    teamDate.team = u"team-2"_s;
    teamDate.from = from;
    teamDate.to = to;
    cases.append({"team and date", teamDate,
                  u"json_extract(body, '$.actor.team') = 'team-2' AND recorded_at >= '%1'"
                  " AND recorded_at < '%2'"_s.arg(audit::formatTime(from), audit::formatTime(to))});
    OverrideFilter high;
    high.riskLevel = u"high"_s;
    cases.append({"risk high", high,
                  u"coalesce(json_extract(body, '$.payload.risk.score'),"
                  " json_extract(body, '$.payload.risk')) >= 0.6"_s});
    OverrideFilter rare;
    rare.text = u"voucher"_s;
    cases.append({"text, rare", rare, u"body LIKE '%voucher%'"_s});
    OverrideFilter common;
    common.text = u"empty arrived"_s;
    cases.append({"text, common", common, u"body LIKE '%the box arrived empty%'"_s});
    OverrideFilter agentText = agent;
    agentText.text = u"verified"_s;
    cases.append({"agent and text", agentText,
                  u"json_extract(body, '$.actor.id') = 'agent-5' AND body LIKE '%verified%'"_s});
    OverrideFilter cue;
    cue.cue = u"non_receipt"_s;
    cases.append(
        {"cue", cue, u"json_extract(body, '$.payload.evidence[0].cue') = 'non_receipt'"_s});
    OverrideFilter fraud;
    fraud.status = Disposition::ConfirmedFraud;
    fraud.policy = u"gift-card-refund"_s;
    cases.append({"status and policy", fraud,
                  u"body LIKE '%gift-card-refund%' AND (seq + 1) % 25 = 13 AND"
                  " ((seq + 1) / 25) % 4 = 3 AND seq < %1"_s.arg(bulk.value().records)});

    for (const Case &c : std::as_const(cases)) {
        timer.restart();
        QVERIFY2(model.setFilter(c.filter), qPrintable(model.lastError()));
        const qint64 firstPage = timer.elapsed();
        const qint64 expected = countWhere(c.condition);
        QVERIFY2(expected > 0, c.name);
        QCOMPARE(model.rowCount(), int(std::min<qint64>(expected, OverrideModel::kDefaultPageSize)));
        // The first page is the newest matches, newest first.
        for (int row = 1; row < model.rowCount(); ++row) {
            QVERIFY(model.data(model.index(row - 1, 0), OverrideModel::SeqRole).toLongLong()
                    > model.data(model.index(row, 0), OverrideModel::SeqRole).toLongLong());
        }
        // Larger pages from here on: the keyset does not care, and ctest stays quick.
        model.setPageSize(5000);
        timer.restart();
        while (model.canFetchMore())
            model.fetchMore();
        model.setPageSize(OverrideModel::kDefaultPageSize);
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        qInfo("%s: first page %lld ms, %lld matches scrolled in %lld ms", c.name, firstPage,
              expected, timer.elapsed());
        QCOMPARE(qint64(model.rowCount()), expected);
    }
}

QTEST_GUILESS_MAIN(TestOverrideModel)

#include "tst_overridemodel.moc"
