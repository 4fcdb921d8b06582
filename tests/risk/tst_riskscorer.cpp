// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/riskscorer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rg::model::Finding;
using rg::model::SequenceHit;
using rg::risk::Level;

namespace {

// A finding of cue in turn with weight; evidence and rule are derived from the cue.
Finding finding(const QString &cue, double weight, int turn = 0, int start = 0)
{
    const QString evidence = u"<"_s + cue + u">"_s;
    return {turn, cue, cue + u"-rule"_s, start, start + int(evidence.size()), evidence, weight};
}

SequenceHit sequence(const QString &id, double weight, std::vector<int> turns)
{
    return {id, u"seen: "_s + id, weight, std::move(turns)};
}

QStringList reasonCues(const rg::risk::Assessment &assessment)
{
    QStringList cues;
    for (const auto &reason : assessment.reasons)
        cues.append(reason.cue);
    return cues;
}

} // namespace

class TestRiskScorer final : public QObject
{
    Q_OBJECT

private slots:
    void nothingFoundIsLow();
    void singleEverydayClaimStaysLow_data();
    void singleEverydayClaimStaysLow();
    void manyEverydayCuesCappedAtMedium();
    void repetitionIsNotDecisive();
    void decisiveBoundary();
    void bribeAndOffPlatformIsHigh();
    void sequencesRaiseRisk();
    void strongestFindingPerCue();
    void repeatsAcrossTurnsStrengthen();
    void reasonsRankedStrongestFirst();
    void levelThresholds_data();
    void levelThresholds();
    void levelNames();
};

// No findings: zero risk, low, nothing to explain.
void TestRiskScorer::nothingFoundIsLow()
{
    const auto assessment = rg::risk::assess({}, {});
    QCOMPARE(assessment.risk, 0.0);
    QCOMPARE(assessment.level, Level::Low);
    QVERIFY(assessment.reasons.empty());
}

void TestRiskScorer::singleEverydayClaimStaysLow_data()
{
    QTest::addColumn<QString>("cue");
    QTest::addColumn<double>("weight");

    QTest::newRow("non-receipt") << u"claim_non_receipt"_s << 0.25;
    QTest::newRow("empty box") << u"claim_empty_or_wrong"_s << 0.25;
    QTest::newRow("urgency") << u"urgency"_s << 0.25;
    QTest::newRow("account change") << u"account_change"_s << 0.25;
    QTest::newRow("threat") << u"threat_pressure"_s << 0.25;
}

// A genuine customer's single claim ("my package never arrived") is low risk.
void TestRiskScorer::singleEverydayClaimStaysLow()
{
    QFETCH(QString, cue);
    QFETCH(double, weight);

    const auto assessment = rg::risk::assess({finding(cue, weight, 1)}, {});
    QCOMPARE(assessment.risk, weight);
    QCOMPARE(assessment.level, Level::Low);
    QCOMPARE(assessment.reasons.size(), std::size_t(1));
    QCOMPARE(assessment.reasons[0].cue, cue);
}

// However many everyday cues pile up, without a decisive signal risk stops at medium (0.55).
void TestRiskScorer::manyEverydayCuesCappedAtMedium()
{
    std::vector<Finding> findings;
    for (int turn = 0; turn < 10; ++turn) {
        for (const QString &cue :
             {u"claim_non_receipt"_s, u"claim_empty_or_wrong"_s, u"urgency"_s, u"threat_pressure"_s,
              u"account_change"_s, u"authority"_s, u"agent_commitment"_s})
            findings.push_back(finding(cue, 0.45, turn));
    }
    const auto assessment = rg::risk::assess(findings, {sequence(u"weak"_s, 0.3, {0, 5})});
    QCOMPARE(assessment.risk, 0.55);
    QCOMPARE(assessment.level, Level::Medium);
    QCOMPARE(assessment.reasons.size(), std::size_t(8));
}

// A sub-decisive cue repeated on many turns gains strength but never makes a conversation high.
void TestRiskScorer::repetitionIsNotDecisive()
{
    std::vector<Finding> findings;
    for (int turn = 0; turn < 20; ++turn)
        findings.push_back(finding(u"claim_non_receipt"_s, 0.45, turn));
    const auto assessment = rg::risk::assess(findings, {});
    QCOMPARE(assessment.risk, 0.55);
    QCOMPARE(assessment.level, Level::Medium);
    QVERIFY(assessment.reasons[0].weight > 0.55); // the reason shows the full strength
}

// A finding of weight 0.5 is decisive and lifts the cap; 0.49 is not.
void TestRiskScorer::decisiveBoundary()
{
    const std::vector<Finding> everyday{finding(u"claim_non_receipt"_s, 0.25, 0),
                                        finding(u"urgency"_s, 0.25, 1)};
    auto decisive = everyday;
    decisive.push_back(finding(u"off_platform"_s, 0.5, 2));
    auto undecided = everyday;
    undecided.push_back(finding(u"off_platform"_s, 0.49, 2));

    const auto high = rg::risk::assess(decisive, {});
    QCOMPARE(high.risk, 0.719); // 1 - 0.5 * 0.75 * 0.75, rounded
    QCOMPARE(high.level, Level::High);
    const auto capped = rg::risk::assess(undecided, {});
    QCOMPARE(capped.risk, 0.55);
    QCOMPARE(capped.level, Level::Medium);
}

// An offered bribe together with a move off platform is high risk.
void TestRiskScorer::bribeAndOffPlatformIsHigh()
{
    const auto assessment
        = rg::risk::assess({finding(u"off_platform"_s, 0.5, 1), finding(u"bribe"_s, 0.75, 3)}, {});
    QCOMPARE(assessment.risk, 0.875);
    QCOMPARE(assessment.level, Level::High);
    QCOMPARE(reasonCues(assessment), (QStringList{u"bribe"_s, u"off_platform"_s}));
}

// A completed sequence adds evidence; a decisive one lifts the everyday cap.
void TestRiskScorer::sequencesRaiseRisk()
{
    const std::vector<Finding> findings{finding(u"account_change"_s, 0.25, 1),
                                        finding(u"payment_redirect"_s, 0.35, 3)};
    const auto without = rg::risk::assess(findings, {});
    QCOMPARE(without.risk, 0.513); // 1 - 0.75 * 0.65
    QCOMPARE(without.level, Level::Medium);

    const auto weak = rg::risk::assess(findings, {sequence(u"seq.weak"_s, 0.2, {1, 3})});
    QVERIFY(weak.risk > without.risk);
    QCOMPARE(weak.risk, 0.55); // still no decisive signal
    QCOMPARE(weak.level, Level::Medium);

    const auto takeover = rg::risk::assess(findings, {sequence(u"seq.takeover"_s, 0.5, {1, 3})});
    QCOMPARE(takeover.risk, 0.756); // 1 - 0.75 * 0.65 * 0.5
    QCOMPARE(takeover.level, Level::High);
    QCOMPARE(takeover.reasons.front().cue, u"seq.takeover"_s);
    QCOMPARE(takeover.reasons.front().text, u"seen: seq.takeover"_s);
    QCOMPARE(takeover.reasons.front().turn, 3); // where the sequence completed

    const auto single = rg::risk::assess({finding(u"claim_non_receipt"_s, 0.25)},
                                         {sequence(u"seq.claim"_s, 0.3, {0, 2})});
    QCOMPARE(single.risk, 0.475);
    QCOMPARE(single.level, Level::Medium);
}

// A cue counts once, with its strongest finding, however often it appears in one turn.
void TestRiskScorer::strongestFindingPerCue()
{
    Finding strong = finding(u"bribe"_s, 0.75, 2, 30);
    strong.evidence = u"I'll send you $50"_s;
    const auto assessment = rg::risk::assess(
        {finding(u"bribe"_s, 0.3, 2, 0), strong, finding(u"bribe"_s, 0.4, 2, 60)}, {});
    QCOMPARE(assessment.risk, 0.75);
    QCOMPARE(assessment.reasons.size(), std::size_t(1));
    QCOMPARE(assessment.reasons[0].weight, 0.75);
    QCOMPARE(assessment.reasons[0].turn, 2);
    QVERIFY2(assessment.reasons[0].text.contains(u"\"I'll send you $50\""_s),
             qPrintable(assessment.reasons[0].text));
    QVERIFY2(assessment.reasons[0].text.contains(u"turn 2"_s),
             qPrintable(assessment.reasons[0].text));
}

// Each further turn showing a cue closes a fifth of the remaining gap.
void TestRiskScorer::repeatsAcrossTurnsStrengthen()
{
    const auto once = rg::risk::assess({finding(u"refund_jargon"_s, 0.5, 0)}, {});
    const auto thrice = rg::risk::assess({finding(u"refund_jargon"_s, 0.5, 0),
                                          finding(u"refund_jargon"_s, 0.5, 2),
                                          finding(u"refund_jargon"_s, 0.5, 5)},
                                         {});
    QCOMPARE(once.risk, 0.5);
    QCOMPARE(thrice.risk, 0.68); // 1 - 0.5 * 0.8^2
    QCOMPARE(thrice.level, Level::High);
    QCOMPARE(thrice.reasons.size(), std::size_t(1));
}

// Reasons come strongest first; equal strengths by earlier turn.
void TestRiskScorer::reasonsRankedStrongestFirst()
{
    const auto assessment
        = rg::risk::assess({finding(u"claim_non_receipt"_s, 0.25, 1),
                            finding(u"off_platform"_s, 0.5, 2), finding(u"urgency"_s, 0.25, 0),
                            finding(u"bribe"_s, 0.75, 4), finding(u"process_steering"_s, 0.4, 5)},
                           {sequence(u"seq.x"_s, 0.3, {2, 4})});
    QCOMPARE(reasonCues(assessment),
             (QStringList{u"bribe"_s, u"off_platform"_s, u"process_steering"_s, u"seq.x"_s,
                          u"urgency"_s, u"claim_non_receipt"_s}));
    for (std::size_t i = 1; i < assessment.reasons.size(); ++i)
        QVERIFY(assessment.reasons[i - 1].weight >= assessment.reasons[i].weight);
    QVERIFY2(assessment.reasons[0].text.startsWith(u"Offering the agent money"_s),
             qPrintable(assessment.reasons[0].text));
}

void TestRiskScorer::levelThresholds_data()
{
    QTest::addColumn<double>("weight");
    QTest::addColumn<double>("risk");
    QTest::addColumn<int>("level");

    QTest::newRow("0.1") << 0.1 << 0.1 << int(Level::Low);
    QTest::newRow("0.299") << 0.299 << 0.299 << int(Level::Low);
    QTest::newRow("0.2996 rounds to 0.3") << 0.2996 << 0.3 << int(Level::Medium);
    QTest::newRow("0.3") << 0.3 << 0.3 << int(Level::Medium);
    QTest::newRow("0.5") << 0.5 << 0.5 << int(Level::Medium);
    QTest::newRow("0.599") << 0.599 << 0.599 << int(Level::Medium);
    QTest::newRow("0.6") << 0.6 << 0.6 << int(Level::High);
    QTest::newRow("1.0") << 1.0 << 1.0 << int(Level::High);
}

// Levels: high from 0.6, medium from 0.3, low below; risk is rounded to three decimals.
void TestRiskScorer::levelThresholds()
{
    QFETCH(double, weight);
    QFETCH(double, risk);
    QFETCH(int, level);

    const auto assessment = rg::risk::assess({finding(u"refund_jargon"_s, weight)}, {});
    QCOMPARE(assessment.risk, risk);
    QCOMPARE(int(assessment.level), level);
}

// Level names are the CLI contract's "low", "medium", "high".
void TestRiskScorer::levelNames()
{
    QCOMPARE(rg::risk::levelName(Level::Low), u"low"_s);
    QCOMPARE(rg::risk::levelName(Level::Medium), u"medium"_s);
    QCOMPARE(rg::risk::levelName(Level::High), u"high"_s);
}

QTEST_APPLESS_MAIN(TestRiskScorer)
#include "tst_riskscorer.moc"
