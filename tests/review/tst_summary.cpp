// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/auditgenerator.h"
#include "review/statistics.h"
#include "review/summary.h"
#include "testsupport.h"

#include "audit/auditstore.h"
#include "audit/databaseurl.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace rg;
using namespace rg::review;

namespace {

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2026, 10, day), QTime(hour, 0), Qt::UTC);
}

OverrideFact fact(const QString &agent, const QDateTime &time, const QStringList &policies,
                  const QString &level)
{
    OverrideFact f;
    f.chainId = u"chain-"_s + agent;
    f.agent = agent;
    f.time = time;
    f.policies = policies;
    f.riskLevel = level;
    return f;
}

// Six overrides by three agents of two teams over three days, with every kind of gap.
AuditFacts handBuilt()
{
    AuditFacts facts;
    facts.period = {at(5, 0), at(8, 0)};
    OverrideFact a1 = fact(u"a1"_s, at(5, 10), {u"p1"_s}, u"high"_s);
    a1.amount = 100.0;
    a1.currency = u"USD"_s;
    a1.disposition = Disposition::Justified;
    OverrideFact a1b = fact(u"a1"_s, at(5, 11), {u"p1"_s, u"p2"_s}, u"low"_s);
    a1b.amount = 50.0;
    a1b.currency = u"USD"_s;
    OverrideFact a2 = fact(u"a2"_s, at(6, 9), {u"p2"_s}, u"high"_s);
    a2.amount = 20.0;
    a2.currency = u"EUR"_s;
    a2.disposition = Disposition::ConfirmedFraud;
    const OverrideFact a2b = fact(u"a2"_s, at(6, 23), {}, {}); // no policy, no risk, no amount
    OverrideFact a3 = fact(u"a3"_s, at(7, 8), {u"p3"_s}, u"medium"_s);
    a3.amount = 10.0;
    a3.disposition = Disposition::SuspectedCollusion;
    const OverrideFact a1c = fact(u"a1"_s, at(7, 12), {u"p1"_s}, u"high"_s);
    facts.overrides = {a1, a1b, a2, a2b, a3, a1c};
    facts.teams = {{u"a1"_s, u"t1"_s}, {u"a2"_s, u"t1"_s}, {u"a3"_s, u"t2"_s}};
    facts.skipped.unreadable = 2;
    facts.skipped.noRisk = 1;
    return facts;
}

} // namespace

class TestSummary final : public QObject
{
    Q_OBJECT

private slots:
    void counts();
    void perDayByPolicy();
    void topPolicies();
    void highRiskShares();
    void emptyFacts();
    void generatedLog();
};

// Totals, dispositions and amounts, kept apart by currency.
void TestSummary::counts()
{
    const AuditFacts facts = handBuilt();
    const ReviewSummary s = summarise(facts);
    QCOMPARE(s.period.from, facts.period.from);
    QCOMPARE(s.period.to, facts.period.to);
    QCOMPARE(s.overrides, 6);
    QCOMPARE(s.highRisk, 3);
    QCOMPARE(s.agents, 3);
    QCOMPARE(s.undisposed, 3);
    const QMap<Disposition, qint64> dispositions = {{Disposition::Justified, 1},
                                                    {Disposition::SuspectedCollusion, 1},
                                                    {Disposition::ConfirmedFraud, 1}};
    QCOMPARE(s.dispositions, dispositions);
    const QMap<QString, double> amounts = {{u""_s, 10.0}, {u"EUR"_s, 20.0}, {u"USD"_s, 150.0}};
    QCOMPARE(s.amounts, amounts);
    QCOMPARE(s.skipped.unreadable, 2);
    QCOMPARE(s.skipped.noRisk, 1);
}

// An override naming two policies counts for each; one naming none counts under kNoPolicy.
void TestSummary::perDayByPolicy()
{
    const ReviewSummary s = summarise(handBuilt());
    QList<std::tuple<QDate, QString, qint64>> rows;
    for (const PolicyDayCount &count : s.perDayByPolicy)
        rows.append({count.day, count.policy, count.overrides});
    const QString none = kNoPolicy.toString();
    const QList<std::tuple<QDate, QString, qint64>> expected
        = {{QDate(2026, 10, 5), u"p1"_s, 2}, {QDate(2026, 10, 5), u"p2"_s, 1},
           {QDate(2026, 10, 6), none, 1},    {QDate(2026, 10, 6), u"p2"_s, 1},
           {QDate(2026, 10, 7), u"p1"_s, 1}, {QDate(2026, 10, 7), u"p3"_s, 1}};
    QCOMPARE(rows, expected);
}

// Most overridden first, ties by name, cut at N.
void TestSummary::topPolicies()
{
    const AuditFacts facts = handBuilt();
    using Top = QList<std::pair<QString, qint64>>;
    const Top all = {{u"p1"_s, 3}, {u"p2"_s, 2}, {kNoPolicy.toString(), 1}, {u"p3"_s, 1}};
    QCOMPARE(summarise(facts).topPolicies, all);
    QCOMPARE(summarise(facts, 2).topPolicies, all.mid(0, 2));
    QVERIFY(summarise(facts, 0).topPolicies.isEmpty());
}

// Shares of the overrides with a risk level, their Wilson interval and the team's band, ordered
// by team and then share.
void TestSummary::highRiskShares()
{
    const QList<AgentShare> shares = summarise(handBuilt()).highRiskShares;
    QCOMPARE(shares.size(), 3);
    const AgentShare &a2 = shares.at(0);
    const AgentShare &a1 = shares.at(1);
    const AgentShare &a3 = shares.at(2);
    QCOMPARE(a2.agent, u"a2"_s);
    QCOMPARE(a1.agent, u"a1"_s);
    QCOMPARE(a3.agent, u"a3"_s);
    QCOMPARE(a2.team, u"t1"_s);
    QCOMPARE(a3.team, u"t2"_s);

    QCOMPARE(a2.overrides, 1); // the one without a risk level is left out
    QCOMPARE(a2.highRisk, 1);
    QCOMPARE(a2.share, 1.0);
    QCOMPARE(a1.overrides, 3);
    QCOMPARE(a1.highRisk, 2);
    QCOMPARE(a1.share, 2.0 / 3.0);
    // Wilson 95% for 2 of 3, as published tables give it.
    QVERIFY2(std::abs(a1.low - 0.2077) < 5e-4, qPrintable(QString::number(a1.low)));
    QVERIFY2(std::abs(a1.high - 0.9385) < 5e-4, qPrintable(QString::number(a1.high)));
    QCOMPARE(a2.high, 1.0);
    QVERIFY(a2.low > 0.2 && a2.low < 0.21); // 1 of 1: 0.2065
    QCOMPARE(a3.share, 0.0);
    QCOMPARE(a3.low, 0.0);

    // Team t1's shares are 2/3 and 1: the 10th and 90th percentiles interpolate between them.
    for (const AgentShare *share : {&a1, &a2}) {
        QVERIFY(std::abs(share->teamLow - (2.0 / 3.0 + 0.1 / 3.0)) < 1e-12);
        QVERIFY(std::abs(share->teamHigh - (2.0 / 3.0 + 0.9 / 3.0)) < 1e-12);
    }
    QCOMPARE(a3.teamLow, 0.0);
    QCOMPARE(a3.teamHigh, 0.0);
}

void TestSummary::emptyFacts()
{
    const ReviewSummary s = summarise(AuditFacts{});
    QCOMPARE(s.overrides, 0);
    QCOMPARE(s.agents, 0);
    QVERIFY(s.dispositions.isEmpty());
    QVERIFY(s.amounts.isEmpty());
    QVERIFY(s.perDayByPolicy.isEmpty());
    QVERIFY(s.topPolicies.isEmpty());
    QVERIFY(s.highRiskShares.isEmpty());
}

// The generator's four weeks: the counts add up, and the planted sub-limit agent, whose
// planted overrides are all high-risk, has the highest share of team-a.
void TestSummary::generatedLog()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString url = u"sqlite://"_s + dir.filePath(u"audit.db"_s);
    auto generated = review::generateAuditLog(url, dir.path());
    QVERIFY2(generated, qPrintable(test::errorOf(generated)));
    auto parsed = audit::DatabaseUrl::parse(url);
    QVERIFY(parsed);
    auto store = audit::AuditStore::open(parsed.value());
    QVERIFY2(store, qPrintable(test::errorOf(store)));
    auto facts = readFacts(*store.value(), {});
    QVERIFY2(facts, qPrintable(test::errorOf(facts)));
    const ReviewSummary s = summarise(facts.value(), 100);

    QCOMPARE(s.overrides, generated.value().overrides);
    QCOMPARE(s.agents, 17);
    qint64 disposed = 0;
    for (const qint64 count : s.dispositions)
        disposed += count;
    QVERIFY(disposed > 0);
    QCOMPARE(disposed + s.undisposed, s.overrides);
    // The generator names one policy per override.
    qint64 perDay = 0;
    for (const PolicyDayCount &count : s.perDayByPolicy) {
        perDay += count.overrides;
        QVERIFY(count.day >= QDate(2026, 10, 5) && count.day < QDate(2026, 11, 3));
    }
    QCOMPARE(perDay, s.overrides);
    qint64 top = 0;
    for (const auto &[policy, count] : s.topPolicies)
        top += count;
    QCOMPARE(top, s.overrides);
    QCOMPARE(s.topPolicies.size(), 4);

    qint64 scored = 0;
    qint64 high = 0;
    for (const AgentShare &share : s.highRiskShares) {
        scored += share.overrides;
        high += share.highRisk;
        QVERIFY(share.low <= share.share && share.share <= share.high);
        QVERIFY(share.teamLow <= share.teamHigh);
    }
    QCOMPARE(scored, s.overrides - s.skipped.noRisk);
    QCOMPARE(high, s.highRisk);
    const auto firstOfTeamA
        = std::find_if(s.highRiskShares.cbegin(), s.highRiskShares.cend(),
                       [](const AgentShare &share) { return share.team == u"team-a"_s; });
    QVERIFY(firstOfTeamA != s.highRiskShares.cend());
    QCOMPARE(firstOfTeamA->agent, generated.value().subLimitAgent);
    QVERIFY(firstOfTeamA->low > firstOfTeamA->teamLow);
}

QTEST_GUILESS_MAIN(TestSummary)
#include "tst_summary.moc"
