// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/statistics.h"

#include <QTest>

#include <cmath>

using namespace rg::review;

class TestStatistics final : public QObject
{
    Q_OBJECT

private slots:
    void wilson_data();
    void wilson();
    void wilsonWithoutTrials();
    void poissonScore();
    void betaBinomialPrior();
    void betaBinomialWithoutSpreadTakesTheCap();
    void betaBinomialIgnoresOneTrialMembers();
    void gammaPoissonPrior();
    void priorNeedsTwoMembers();
    void percentileInterpolates();
};

/*
 * Expected values worked out by hand from the Wilson formula with z = 1.959963985 (z² =
 * 3.841458821): centre = (p + z²/2n) / (1 + z²/n), half = z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n).
 *   0/1:    centre = 1.920729 / 4.841459 = 0.396725, half = 1.920729 / 4.841459 -> [0, 0.793451]
 *   1/1:    mirror image of 0/1                                              -> [0.206549, 1]
 *   5/10:   centre 0.5, half = 1.959964·sqrt(0.025 + 0.009604) / 1.384146 = 0.263407
 *                                                                            -> [0.236593,
 * 0.763407] 50/100: centre 0.5, half = 1.959964·sqrt(0.0025 + 0.000096) / 1.038415 = 0.096168
 *                                                                            -> [0.403832,
 * 0.596168] (the last two agree with published tables: 0.2366-0.7634 and 0.4038-0.5962).
 */
void TestStatistics::wilson_data()
{
    QTest::addColumn<double>("successes");
    QTest::addColumn<double>("trials");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::newRow("0/1") << 0.0 << 1.0 << 0.0 << 0.793451;
    QTest::newRow("1/1") << 1.0 << 1.0 << 0.206549 << 1.0;
    QTest::newRow("5/10") << 5.0 << 10.0 << 0.236593 << 0.763407;
    QTest::newRow("50/100") << 50.0 << 100.0 << 0.403832 << 0.596168;
}

void TestStatistics::wilson()
{
    QFETCH(double, successes);
    QFETCH(double, trials);
    QFETCH(double, low);
    QFETCH(double, high);
    const Interval interval = wilsonInterval(successes, trials);
    QVERIFY2(std::abs(interval.low - low) < 1e-6,
             qPrintable(QString::number(interval.low, 'f', 8)));
    QVERIFY2(std::abs(interval.high - high) < 1e-6,
             qPrintable(QString::number(interval.high, 'f', 8)));
}

// No trials, no knowledge: the whole range, not a division by zero.
void TestStatistics::wilsonWithoutTrials()
{
    const Interval interval = wilsonInterval(0.0, 0.0);
    QCOMPARE(interval.low, 0.0);
    QCOMPARE(interval.high, 1.0);
}

/*
 * One event in one day: (1 + 1.920729 ± 1.959964·sqrt(1 + 0.960365)) / 1 = 2.920729 ± 2.744205
 * -> [0.176525, 5.664934]. No events in two days: the lower bound is 0 and the upper
 * (1.920729 + 1.920729) / 2 = 1.920729.
 */
void TestStatistics::poissonScore()
{
    const Interval one = poissonScoreInterval(1.0, 1.0);
    QVERIFY(std::abs(one.low - 0.176525) < 1e-6);
    QVERIFY(std::abs(one.high - 5.664934) < 1e-6);
    const Interval none = poissonScoreInterval(0.0, 2.0);
    QCOMPARE(none.low, 0.0);
    QVERIFY(std::abs(none.high - 1.920729) < 1e-6);
}

/*
 * 1/10 and 3/10: pooled m = 0.2; Σ n(p - m)² = 10·0.01 + 10·0.01 = 0.2; binomial noise
 * (k - 1)·m(1 - m) = 0.16; N - Σn²/N = 20 - 10 = 10; τ² = 0.04 / 10 = 0.004;
 * α + β = 0.16 / 0.004 - 1 = 39. Shrunk 1/10: (1 + 0.2·39) / (10 + 39) = 8.8 / 49.
 */
void TestStatistics::betaBinomialPrior()
{
    const auto prior = fitBetaBinomial({{1, 10}, {3, 10}}, 1000.0);
    QVERIFY(prior);
    QVERIFY(std::abs(prior->mean - 0.2) < 1e-12);
    QVERIFY(std::abs(prior->weight - 39.0) < 1e-9);
    const Count shrunk = shrink({1, 10}, *prior);
    QVERIFY(std::abs(shrunk.successes - 8.8) < 1e-9);
    QVERIFY(std::abs(shrunk.trials - 49.0) < 1e-9);
    // The cap keeps the prior from outweighing a typical member's own data.
    QCOMPARE(fitBetaBinomial({{1, 10}, {3, 10}}, 10.0)->weight, 10.0);
}

// Members that differ no more than sampling noise say "pool them": the prior takes the cap.
void TestStatistics::betaBinomialWithoutSpreadTakesTheCap()
{
    const auto prior = fitBetaBinomial({{2, 10}, {2, 10}, {2, 10}}, 10.0);
    QVERIFY(prior);
    QCOMPARE(prior->weight, 10.0);
}

/*
 * A new member at 1/1 beside five at 5/100: weighted by trials it adds 1·(1 - m)² to the spread
 * instead of dominating it, so the others' prior still shrinks it hard. m = 26/501 = 0.051896;
 * spread = 5·100·(0.05 - m)² + (1 - m)² = 0.001798 + 0.898901 = 0.900699; noise 5·m(1 - m)
 * = 0.246015; N - Σn²/N = 501 - 50001/501 = 401.197605; τ² = 0.654684 / 401.197605 = 0.001632;
 * α + β = 0.049203 / 0.001632 - 1 = 29.15.
 */
void TestStatistics::betaBinomialIgnoresOneTrialMembers()
{
    const auto prior
        = fitBetaBinomial({{5, 100}, {5, 100}, {5, 100}, {5, 100}, {5, 100}, {1, 1}}, 100.0);
    QVERIFY(prior);
    QVERIFY2(std::abs(prior->weight - 29.15) < 0.01, qPrintable(QString::number(prior->weight)));
    const Count shrunk = shrink({1, 1}, *prior);
    QVERIFY(wilsonInterval(shrunk.successes, shrunk.trials).low < 0.05);
}

/*
 * 2 and 6 events in one day each: m = 4; Σ t(r - m)² = 4 + 4 = 8; Poisson noise (k - 1)·m = 4;
 * T - Σt²/T = 2 - 1 = 1; τ² = 4; the prior is worth b = m / τ² = 1 day. Shrunk 2/1:
 * (2 + 4·1) / (1 + 1) = 3 a day.
 */
void TestStatistics::gammaPoissonPrior()
{
    const auto prior = fitGammaPoisson({{2, 1}, {6, 1}}, 10.0);
    QVERIFY(prior);
    QVERIFY(std::abs(prior->mean - 4.0) < 1e-12);
    QVERIFY(std::abs(prior->weight - 1.0) < 1e-12);
    const Count shrunk = shrink({2, 1}, *prior);
    QVERIFY(std::abs(shrunk.successes / shrunk.trials - 3.0) < 1e-12);
}

void TestStatistics::priorNeedsTwoMembers()
{
    QVERIFY(!fitBetaBinomial({{3, 10}}, 10.0));
    QVERIFY(!fitBetaBinomial({{3, 10}, {0, 0}}, 10.0));
    QVERIFY(!fitGammaPoisson({}, 10.0));
}

// Type 7: position p·(n - 1); [1, 2, 3, 4] at 0.9 -> 2.7 -> 3 + 0.7·(4 - 3) = 3.7.
void TestStatistics::percentileInterpolates()
{
    QVERIFY(std::abs(*percentile({4.0, 1.0, 3.0, 2.0}, 0.9) - 3.7) < 1e-12);
    QCOMPARE(*percentile({5.0}, 0.9), 5.0);
    QVERIFY(!percentile({}, 0.5));
    QCOMPARE(median({3.0, 1.0, 2.0}), 2.0);
}

QTEST_APPLESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
