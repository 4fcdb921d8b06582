// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/auditgenerator.h"
#include "review/outliers.h"
#include "review/overridefacts.h"
#include "testsupport.h"

#include "audit/auditstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace rg;
using namespace rg::review;

namespace {

const QDateTime kMonday(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);

const AgentFigures *findAgent(const OutlierReport &report, const QString &agent)
{
    for (const AgentFigures &figures : report.agents) {
        if (figures.agent == agent)
            return &figures;
    }
    return nullptr;
}

const Flag *findFlag(const AgentFigures &figures, const QString &id)
{
    for (const Flag &flag : figures.flags) {
        if (flag.id == id)
            return &flag;
    }
    return nullptr;
}

QStringList flagIds(const AgentFigures &figures)
{
    QStringList ids;
    for (const Flag &flag : figures.flags)
        ids.append(flag.id);
    return ids;
}

// Records as the log would hold them, built in memory for the small cases.
class Records final
{
public:
    audit::AuditRecord make(audit::RecordKind kind, const QString &agent, const QString &team,
                            const QDateTime &time, const QJsonObject &payload = {})
    {
        audit::AuditRecord record;
        record.chainId = u"chain-1"_s;
        record.seq = ++m_seq;
        record.time = time;
        record.kind = kind;
        record.actor = {{u"id"_s, agent}, {u"role"_s, u"agent"_s}};
        if (!team.isEmpty())
            record.actor.insert(u"team"_s, team);
        if (kind != audit::RecordKind::SessionStart)
            record.caseId = u"C-%1"_s.arg(m_seq);
        record.payload = payload;
        m_collector.add(record);
        return record;
    }
    void contact(const QString &agent, const QString &team, const QDateTime &time)
    {
        make(audit::RecordKind::SessionStart, agent, team, time);
    }
    // The minimal line `audit append` accepts.
    audit::AuditRecord override(const QString &agent, const QString &team, const QDateTime &time,
                                double amount, double limit = 500.0)
    {
        return make(audit::RecordKind::Override, agent, team, time,
                    {{u"amount"_s, amount},
                     {u"limit"_s, limit},
                     {u"risk"_s, 0.82},
                     {u"policies"_s, QJsonArray{u"refund-over-limit"_s}}});
    }
    FactCollector &collector() { return m_collector; }
    AuditFacts take() { return m_collector.take(); }

private:
    FactCollector m_collector{Period{}};
    qint64 m_seq = 0;
};

} // namespace

class TestOutliers final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void plantedAgentsRankTop();
    void subLimitColluderIsExplained();
    void fraudAgentIsExplained();
    void ordinaryAgentsStayBelowThePlanted();
    void newAgentWithOneOverrideIsNotFlagged();
    void outputIsDeterministic();
    void periodLimitsTheFacts();
    void oneOfOneContactIsNoOutlier();
    void subLimitClusteringIsFound();
    void minimalRecordsUseActiveDays();
    void malformedRecordsAreSkippedAndCounted();
    // The sidebar's override names the customer, the linked accounts and the limit inside the
    // case it records; the analytics find them there.
    void sidebarCaseSnapshotIsRead();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    review::GeneratedLog m_generated;
    std::unique_ptr<audit::AuditStore> m_store;
    OutlierReport m_report;
};

void TestOutliers::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString url = u"sqlite://"_s + m_dir->filePath(u"audit.db"_s);
    auto generated = review::generateAuditLog(url, m_dir->path());
    QVERIFY2(generated, qPrintable(test::errorOf(generated)));
    m_generated = generated.value();
    auto parsed = audit::DatabaseUrl::parse(url);
    QVERIFY(parsed);
    auto store = audit::AuditStore::open(parsed.value());
    QVERIFY2(store, qPrintable(test::errorOf(store)));
    m_store = std::move(store).value();
    auto facts = readFacts(*m_store, {});
    QVERIFY2(facts, qPrintable(test::errorOf(facts)));
    m_report = findOutliers(facts.value());
    qInfo().noquote() << m_report.toText();
}

// The two planted insiders head the ranking, the sub-limit colluder (more patterns) first.
void TestOutliers::plantedAgentsRankTop()
{
    QVERIFY(m_report.agents.size() >= 3);
    QCOMPARE(m_report.agents.at(0).agent, m_generated.subLimitAgent);
    QCOMPARE(m_report.agents.at(1).agent, m_generated.fraudAgent);
    QCOMPARE(m_report.skipped.records(), 0);
}

void TestOutliers::subLimitColluderIsExplained()
{
    const AgentFigures *agent = findAgent(m_report, m_generated.subLimitAgent);
    QVERIFY(agent);
    const QStringList ids = flagIds(*agent);
    for (const QString &id : {u"repeat_customer"_s, u"sub_limit"_s, u"off_hours"_s, u"burst"_s})
        QVERIFY2(ids.contains(id), qPrintable(ids.join(u", "_s)));
    QCOMPARE(agent->denominator, Denominator::Contacts);

    const QString repeat = findFlag(*agent, u"repeat_customer"_s)->explanation;
    QVERIFY2(repeat.contains(u"Overrode %1 times for customer"_s.arg(m_generated.plantedOverrides)),
             qPrintable(repeat));
    for (const QString &account : QStringList{m_generated.customer} + m_generated.linkedAccounts)
        QVERIFY2(repeat.contains(account), qPrintable(repeat));

    const QString subLimit = findFlag(*agent, u"sub_limit"_s)->explanation;
    QVERIFY2(subLimit.contains(
                 u"%1 of %2 overrides"_s.arg(m_generated.plantedOverrides).arg(agent->overrides)),
             qPrintable(subLimit));
    QVERIFY2(subLimit.contains(u"within 10% below"_s) && subLimit.contains(u"500.00 USD"_s),
             qPrintable(subLimit));

    const QString burst = findFlag(*agent, u"burst"_s)->explanation;
    QVERIFY2(burst.startsWith(u"6 overrides within"_s) && burst.contains(u"4 such burst(s)"_s),
             qPrintable(burst));
    const QString offHours = findFlag(*agent, u"off_hours"_s)->explanation;
    QVERIFY2(offHours.contains(u"of %1 overrides"_s.arg(agent->overrides)), qPrintable(offHours));
}

void TestOutliers::fraudAgentIsExplained()
{
    const AgentFigures *agent = findAgent(m_report, m_generated.fraudAgent);
    QVERIFY(agent);
    const QStringList ids = flagIds(*agent);
    QVERIFY2(ids.contains(u"fraud_share"_s) && ids.contains(u"override_rate"_s),
             qPrintable(ids.join(u", "_s)));
    const QString fraud = findFlag(*agent, u"fraud_share"_s)->explanation;
    QVERIFY2(fraud.startsWith(
                 u"%1 of %2 overrides"_s.arg(agent->fraudDispositions).arg(agent->overrides)),
             qPrintable(fraud));
    const QString rate = findFlag(*agent, u"override_rate"_s)->explanation;
    QVERIFY2(
        rate.startsWith(u"Overrode %1 of %2 contacts"_s.arg(agent->overrides).arg(agent->contacts)),
        qPrintable(rate));
    QVERIFY(agent->teamBand);
    QVERIFY(agent->rateLow > *agent->teamBand);
}

// Nobody else matches a planted pattern or comes near the planted agents' scores.
void TestOutliers::ordinaryAgentsStayBelowThePlanted()
{
    const double planted = std::min(m_report.agents.at(0).score, m_report.agents.at(1).score);
    for (qsizetype i = 2; i < m_report.agents.size(); ++i) {
        const AgentFigures &agent = m_report.agents.at(i);
        QVERIFY2(agent.score < planted / 2, qPrintable(agent.agent));
        for (const QString &id :
             {u"repeat_customer"_s, u"sub_limit"_s, u"burst"_s, u"fraud_share"_s}) {
            QVERIFY2(!findFlag(agent, id), qPrintable(agent.agent + u": "_s + id));
        }
    }
}

void TestOutliers::newAgentWithOneOverrideIsNotFlagged()
{
    const AgentFigures *agent = findAgent(m_report, m_generated.newAgent);
    QVERIFY(agent);
    QCOMPARE(agent->overrides, 1);
    QCOMPARE(agent->contacts, 1);
    QCOMPARE(agent->rate, 1.0);
    QVERIFY2(agent->flags.isEmpty(), qPrintable(flagIds(*agent).join(u", "_s)));
    QVERIFY(agent->rateLow < *agent->teamBand);
}

void TestOutliers::outputIsDeterministic()
{
    auto facts = readFacts(*m_store, {});
    QVERIFY2(facts, qPrintable(test::errorOf(facts)));
    QCOMPARE(QJsonDocument(findOutliers(facts.value()).toJson()).toJson(),
             QJsonDocument(m_report.toJson()).toJson());
}

// The first week holds neither the newcomer (week four) nor any override after it.
void TestOutliers::periodLimitsTheFacts()
{
    const Period week{QDateTime(QDate(2026, 10, 5), QTime(0, 0), Qt::UTC),
                      QDateTime(QDate(2026, 10, 12), QTime(0, 0), Qt::UTC)};
    auto facts = readFacts(*m_store, week);
    QVERIFY2(facts, qPrintable(test::errorOf(facts)));
    QVERIFY(!facts.value().overrides.isEmpty());
    for (const OverrideFact &fact : facts.value().overrides)
        QVERIFY(week.contains(fact.time));
    const OutlierReport report = findOutliers(facts.value());
    QVERIFY(!findAgent(report, m_generated.newAgent));
    QCOMPARE(report.toJson().value(u"period"_s).toObject().value(u"from"_s).toString(),
             u"2026-10-05T00:00:00.000Z"_s);
}

// Five agents at 5 of 100 contacts and a newcomer at 1 of 1: the newcomer's 100% is noise.
void TestOutliers::oneOfOneContactIsNoOutlier()
{
    Records records;
    for (int a = 0; a < 5; ++a) {
        const QString agent = u"agent-%1"_s.arg(a);
        for (int c = 0; c < 100; ++c) {
            const QDateTime at = kMonday.addDays(c / 10).addSecs(c % 10 * 1800);
            records.contact(agent, u"t"_s, at);
            if (c % 20 == 0)
                records.override(agent, u"t"_s, at.addSecs(60), 100.0);
        }
    }
    records.contact(u"newcomer"_s, u"t"_s, kMonday.addDays(3));
    records.override(u"newcomer"_s, u"t"_s, kMonday.addDays(3).addSecs(60), 100.0);
    const OutlierReport report = findOutliers(records.take());
    const AgentFigures *newcomer = findAgent(report, u"newcomer"_s);
    QVERIFY(newcomer);
    QCOMPARE(newcomer->denominator, Denominator::Contacts);
    QVERIFY2(newcomer->flags.isEmpty(), qPrintable(flagIds(*newcomer).join(u", "_s)));
    QVERIFY(newcomer->rateLow < *newcomer->teamBand);
}

// 6 of 7 overrides between 460 and 495 under a 500 limit, where peers refund 50-200.
void TestOutliers::subLimitClusteringIsFound()
{
    Records records;
    for (int a = 0; a < 4; ++a) {
        for (int i = 0; i < 5; ++i)
            records.override(u"peer-%1"_s.arg(a), u"t"_s, kMonday.addDays(i).addSecs(a * 60),
                             50.0 + 30.0 * i);
    }
    for (int i = 0; i < 6; ++i)
        records.override(u"clusterer"_s, u"t"_s, kMonday.addDays(i).addSecs(3600), 460.0 + 7.0 * i);
    records.override(u"clusterer"_s, u"t"_s, kMonday.addDays(6), 100.0);
    const OutlierReport report = findOutliers(records.take());
    const AgentFigures *agent = findAgent(report, u"clusterer"_s);
    QVERIFY(agent);
    const Flag *flag = findFlag(*agent, u"sub_limit"_s);
    QVERIFY2(flag, qPrintable(flagIds(*agent).join(u", "_s)));
    QVERIFY2(flag->explanation.startsWith(u"6 of 7 overrides with a known limit (85.7%)"_s),
             qPrintable(flag->explanation));
    QVERIFY2(flag->explanation.contains(u"against 0.0% (0 of 20) for the rest of team t"_s),
             qPrintable(flag->explanation));
    for (int a = 0; a < 4; ++a)
        QVERIFY(!findFlag(*findAgent(report, u"peer-%1"_s.arg(a)), u"sub_limit"_s));
}

/*
 * The lines `audit append` accepts carry no contacts: rates are per active day, and an agent
 * overriding six times a day against their peers' one stands out.
 */
void TestOutliers::minimalRecordsUseActiveDays()
{
    Records records;
    for (int day = 0; day < 5; ++day) {
        for (int a = 0; a < 4; ++a)
            records.override(u"peer-%1"_s.arg(a), u"uk-1"_s, kMonday.addDays(day).addSecs(a * 600),
                             80.0);
        for (int i = 0; i < 6; ++i)
            records.override(u"busy"_s, u"uk-1"_s, kMonday.addDays(day).addSecs(i * 3600), 80.0);
    }
    const OutlierReport report = findOutliers(records.take());
    QCOMPARE(report.agents.size(), 5);
    for (const AgentFigures &agent : report.agents)
        QCOMPARE(agent.denominator, Denominator::ActiveDays);
    const AgentFigures &busy = report.agents.first();
    QCOMPARE(busy.agent, u"busy"_s);
    QCOMPARE(busy.rate, 6.0);
    QCOMPARE(busy.highRiskOverrides, 30);
    const Flag *flag = findFlag(busy, u"override_rate"_s);
    QVERIFY2(flag, qPrintable(flagIds(busy).join(u", "_s)));
    QVERIFY2(flag->explanation.startsWith(u"Overrode 30 times on 5 active days (6.00 a day;"_s),
             qPrintable(flag->explanation));
    const QJsonObject json = busy.toJson();
    QCOMPARE(json.value(u"denominator"_s).toString(), u"active_days"_s);
    QVERIFY(!findFlag(*findAgent(report, u"peer-0"_s), u"override_rate"_s));
}

// Nothing malformed crashes the analysis; what could not be used at all is counted.
void TestOutliers::malformedRecordsAreSkippedAndCounted()
{
    Records records;
    records.collector().add(audit::StoredRecord{u"chain-1"_s, 99, "not json", "00"});
    audit::AuditRecord noActor;
    noActor.chainId = u"chain-2"_s;
    noActor.seq = 1;
    noActor.time = kMonday;
    noActor.actor = {{u"role"_s, u"agent"_s}};
    noActor.caseId = u"C-0"_s;
    noActor.payload = {{u"amount"_s, 10}};
    records.collector().add(noActor);
    records.make(audit::RecordKind::Disposition, u"sup"_s, {}, kMonday,
                 {{u"override_seq"_s, 2}, {u"disposition"_s, u"upheld"_s}});
    records.make(audit::RecordKind::Disposition, u"sup"_s, {}, kMonday,
                 {{u"disposition"_s, u"confirmed_fraud"_s}});
    records.make(audit::RecordKind::Disposition, u"sup"_s, {}, kMonday,
                 {{u"override_seq"_s, 999}, {u"disposition"_s, u"justified"_s}});
    records.make(audit::RecordKind::Override, u"odd"_s, u"t"_s, kMonday.addSecs(60),
                 {{u"amount"_s, u"abc"_s},
                  {u"risk"_s, QJsonObject{{u"score"_s, u"x"_s}}},
                  {u"policies"_s, 5},
                  {u"linked_accounts"_s, u"zzz"_s},
                  {u"action"_s, u"refund"_s}});
    records.make(audit::RecordKind::Override, u"odd"_s, u"t"_s, kMonday.addSecs(120),
                 {{u"amount"_s, QJsonArray{1, 2}}, {u"risk"_s, QJsonValue()}, {u"limit"_s, -5}});
    // A disposition naming the first good override, with the spelling a person might use.
    records.make(audit::RecordKind::Disposition, u"sup"_s, {}, kMonday.addDays(1),
                 {{u"override_seq"_s, 4}, {u"disposition"_s, u"Confirmed fraud"_s}});
    const AuditFacts facts = records.take();
    QCOMPARE(facts.skipped.unreadable, 1);
    QCOMPARE(facts.skipped.noAgent, 1);
    QCOMPARE(facts.skipped.badDisposition, 2);
    QCOMPARE(facts.skipped.orphanDisposition, 1);
    QCOMPARE(facts.skipped.noAmountOrLimit, 2);
    QCOMPARE(facts.skipped.noRisk, 2);
    QCOMPARE(facts.skipped.noCustomer, 2);
    QCOMPARE(facts.overrides.size(), 2);
    QCOMPARE(facts.overrides.first().disposition, std::optional(Disposition::ConfirmedFraud));
    const OutlierReport report = findOutliers(facts);
    QCOMPARE(report.toJson().value(u"skipped_records"_s).toInteger(), 5);
    const AgentFigures *odd = findAgent(report, u"odd"_s);
    QVERIFY(odd);
    QCOMPARE(odd->overrides, 2);
    QCOMPARE(odd->highRiskOverrides, 0);
}

void TestOutliers::sidebarCaseSnapshotIsRead()
{
    Records records;
    const QJsonObject snapshot{
        {u"id"_s, u"case-1003"_s},
        {u"customer"_s, QJsonObject{{u"id"_s, u"cust-7"_s}}},
        {u"linked_accounts"_s, QJsonArray{QJsonObject{{u"customer_id"_s, u"cust-8"_s}}}},
        {u"agent"_s, QJsonObject{{u"id"_s, u"agent-7"_s}, {u"refund_limit"_s, 250}}}};
    records.make(audit::RecordKind::Override, u"agent-7"_s, u"uk-1"_s, kMonday,
                 {{u"action"_s, QJsonObject{{u"type"_s, u"refund"_s}, {u"amount"_s, 240}}},
                  {u"amount"_s, 240},
                  {u"limit"_s, 250},
                  {u"risk"_s, QJsonObject{{u"score"_s, 0.7}, {u"level"_s, u"high"_s}}},
                  {u"case"_s, snapshot}});
    const AuditFacts facts = records.take();
    QCOMPARE(facts.overrides.size(), 1);
    const OverrideFact &fact = facts.overrides.first();
    QCOMPARE(fact.customerId, u"cust-7"_s);
    QCOMPARE(fact.linkedAccounts, QStringList{u"cust-8"_s});
    QCOMPARE(fact.limit, std::optional(250.0));
    QCOMPARE(fact.amount, std::optional(240.0));
    QCOMPARE(facts.skipped.noCustomer, 0);
}

QTEST_GUILESS_MAIN(TestOutliers)
#include "tst_outliers.moc"
