// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/disposition.h"
#include "testsupport.h"

#include "audit/auditlog.h"
#include "audit/auditstore.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace rg;
using namespace rg::review;

class TestDisposition final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void stableIds();
    void appendedAndReadBack();
    void refused_data();
    void refused();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<audit::AuditLog> m_log;
    qint64 m_overrideSeq = 0;
    qint64 m_sessionSeq = 0;
};

// A log holding a session start and one override of case C-1.
void TestDisposition::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    audit::AuditLog::Options options;
    options.database
        = audit::DatabaseUrl::parse(u"sqlite://"_s + m_dir->filePath(u"audit.sqlite"_s)).value();
    options.keyPath = m_dir->filePath(u"key"_s);
    auto log = audit::AuditLog::open(options);
    QVERIFY2(log, qPrintable(test::errorOf(log)));
    m_log = std::move(log).value();
    const QJsonObject agent{{u"id"_s, u"a1"_s}, {u"role"_s, u"agent"_s}};
    auto session = m_log->append({audit::RecordKind::SessionStart, agent, {}, {}});
    QVERIFY2(session, qPrintable(test::errorOf(session)));
    m_sessionSeq = session.value().seq;
    auto override = m_log->append(
        {audit::RecordKind::Override, agent, u"C-1"_s, {{u"amount"_s, 10}, {u"risk"_s, 0.7}}});
    QVERIFY2(override, qPrintable(test::errorOf(override)));
    m_overrideSeq = override.value().seq;
}

void TestDisposition::cleanup()
{
    m_log.reset();
    m_dir.reset();
}

// The ids written into records never change: old logs must keep reading the same.
void TestDisposition::stableIds()
{
    QCOMPARE(dispositionName(Disposition::Justified), u"justified"_s);
    QCOMPARE(dispositionName(Disposition::CoachingNeeded), u"coaching_needed"_s);
    QCOMPARE(dispositionName(Disposition::SuspectedCollusion), u"suspected_collusion"_s);
    QCOMPARE(dispositionName(Disposition::ConfirmedFraud), u"confirmed_fraud"_s);
}

// A supervisor's disposition is a new record naming the override; the store holds exactly it.
void TestDisposition::appendedAndReadBack()
{
    Reviewer supervisor{u"s1"_s, u"supervisor"_s, u"fraud-desk"_s};
    auto recorded = recordDisposition(*m_log, supervisor, u"C-1"_s, {{}, m_overrideSeq},
                                      Disposition::CoachingNeeded, u"  over limit twice  "_s);
    QVERIFY2(recorded, qPrintable(test::errorOf(recorded)));
    QCOMPARE(recorded.value().seq, m_overrideSeq + 1);

    auto store = audit::AuditStore::open(m_log->database());
    QVERIFY2(store, qPrintable(test::errorOf(store)));
    auto stored = store.value()->records(m_log->chainId(), m_overrideSeq, 10);
    QVERIFY2(stored, qPrintable(test::errorOf(stored)));
    QCOMPARE(stored.value().size(), 1);
    auto record = audit::AuditRecord::fromStored(stored.value().first().body,
                                                 stored.value().first().hash);
    QVERIFY2(record, qPrintable(test::errorOf(record)));
    QCOMPARE(record.value().kind, audit::RecordKind::Disposition);
    QCOMPARE(record.value().caseId, u"C-1"_s);
    QCOMPARE(record.value().actor,
             (QJsonObject{{u"id"_s, u"s1"_s}, {u"role"_s, u"supervisor"_s},
                          {u"team"_s, u"fraud-desk"_s}}));
    QVERIFY(test::sameJson(record.value().payload,
                           QJsonObject{{u"override_chain_id"_s, m_log->chainId()},
                                       {u"override_seq"_s, m_overrideSeq},
                                       {u"disposition"_s, u"coaching_needed"_s},
                                       {u"note"_s, u"over limit twice"_s}}));
    // What `audit append` would accept, and what the analytics read back.
    QVERIFY(audit::RecordDraft::fromJson({{u"kind"_s, u"disposition"_s},
                                          {u"actor"_s, record.value().actor},
                                          {u"case_id"_s, record.value().caseId},
                                          {u"payload"_s, record.value().payload}}));
    QCOMPARE(dispositionFromName(record.value().payload.value(u"disposition"_s).toString()),
             Disposition::CoachingNeeded);
}

void TestDisposition::refused_data()
{
    QTest::addColumn<QString>("reviewer");
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<QString>("chain");
    QTest::addColumn<qint64>("seq"); // 0: the override's; -1: the session start's
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty note") << u"s1"_s << u"C-1"_s << QString() << qint64(0) << u"  "_s
                                << u"needs a note"_s;
    QTest::newRow("no seq") << u"s1"_s << u"C-1"_s << QString() << qint64(-2) << u"n"_s
                            << u"names the override's seq"_s;
    QTest::newRow("unknown seq") << u"s1"_s << u"C-1"_s << QString() << qint64(99) << u"n"_s
                                 << u"has no record at seq 99"_s;
    QTest::newRow("unknown chain") << u"s1"_s << u"C-1"_s << u"elsewhere"_s << qint64(0) << u"n"_s
                                   << u"chain elsewhere has no record"_s;
    QTest::newRow("not an override") << u"s1"_s << u"C-1"_s << QString() << qint64(-1) << u"n"_s
                                     << u"is a session_start record, not an override"_s;
    QTest::newRow("another case") << u"s1"_s << u"C-2"_s << QString() << qint64(0) << u"n"_s
                                  << u"is an override of case C-1, not C-2"_s;
    QTest::newRow("no reviewer") << QString() << u"C-1"_s << QString() << qint64(0) << u"n"_s
                                 << u"/actor/id"_s;
}

// Each refusal says why and appends nothing.
void TestDisposition::refused()
{
    QFETCH(QString, reviewer);
    QFETCH(QString, caseId);
    QFETCH(QString, chain);
    QFETCH(qint64, seq);
    QFETCH(QString, note);
    QFETCH(QString, error);
    const qint64 target = seq == 0 ? m_overrideSeq : seq == -1 ? m_sessionSeq : std::max<qint64>(seq, 0);
    auto recorded = recordDisposition(*m_log, {reviewer, u"supervisor"_s, {}}, caseId, {chain, target},
                                      Disposition::Justified, note);
    QVERIFY(!recorded);
    QVERIFY2(recorded.error().contains(error), qPrintable(recorded.error()));
    auto store = audit::AuditStore::open(m_log->database());
    QVERIFY2(store, qPrintable(test::errorOf(store)));
    auto head = store.value()->head(m_log->chainId());
    QVERIFY2(head, qPrintable(test::errorOf(head)));
    QCOMPARE(head.value().seq, m_overrideSeq);
}

QTEST_GUILESS_MAIN(TestDisposition)

#include "tst_disposition.moc"
