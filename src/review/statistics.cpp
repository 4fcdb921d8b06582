// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/statistics.h"

#include <algorithm>
#include <cmath>

namespace rg::review {

namespace {

struct Moments
{
    double mean = 0.0;      // pooled: sum of successes over sum of trials
    double spread = 0.0;    // sum of n_i (p_i - mean)^2: each member weighted by its trials
    double members = 0.0;   // k
    double effective = 0.0; // N - sum(n_i^2) / N, what the between-member variance scales with
};

// Weighted by trials, so that a member with one trial (a new agent at 1 of 1) barely moves the
// estimate; unweighted moments would let that one member erase all shrinkage.
std::optional<Moments> moments(const QList<Count> &counts)
{
    double successes = 0.0;
    double trials = 0.0;
    double squaredTrials = 0.0;
    int members = 0;
    for (const Count &count : counts) {
        if (count.trials <= 0.0)
            continue;
        successes += count.successes;
        trials += count.trials;
        squaredTrials += count.trials * count.trials;
        ++members;
    }
    if (members < 2)
        return std::nullopt;
    Moments m;
    m.mean = successes / trials;
    m.members = members;
    m.effective = trials - squaredTrials / trials;
    for (const Count &count : counts) {
        if (count.trials <= 0.0)
            continue;
        const double deviation = count.successes / count.trials - m.mean;
        m.spread += count.trials * deviation * deviation;
    }
    return m;
}

// The between-member variance τ² is what the spread holds beyond sampling noise, which
// contributes (k - 1)·\a noise to it; the prior's weight follows from τ². None left over means
// the members do not differ beyond noise, and the cap applies.
double weightFrom(const Moments &m, double noise, double scale, double offset, double maxWeight)
{
    const double between
        = m.effective > 0.0 ? (m.spread - (m.members - 1.0) * noise) / m.effective : 0.0;
    if (between <= 0.0)
        return maxWeight;
    return std::clamp(scale / between - offset, 0.0, maxWeight);
}

} // namespace

/*!
 * The Wilson score interval for \a successes out of \a trials at the normal quantile \a z:
 * centre (p + z²/2n) / (1 + z²/n), half-width z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n).
 * With no trials nothing is known: [0, 1].
 */
Interval wilsonInterval(double successes, double trials, double z)
{
    if (trials <= 0.0)
        return {0.0, 1.0};
    const double p = std::clamp(successes / trials, 0.0, 1.0);
    const double z2 = z * z;
    const double denominator = 1.0 + z2 / trials;
    const double centre = (p + z2 / (2.0 * trials)) / denominator;
    const double half
        = z * std::sqrt(p * (1.0 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

/*!
 * The score interval for a Poisson rate: (x + z²/2 ± z·sqrt(x + z²/4)) / t for \a events x
 * over \a exposure t. With no exposure there is no rate to bound: [0, 0].
 */
Interval poissonScoreInterval(double events, double exposure, double z)
{
    if (exposure <= 0.0)
        return {0.0, 0.0};
    const double z2 = z * z;
    const double centre = events + z2 / 2.0;
    const double half = z * std::sqrt(std::max(0.0, events) + z2 / 4.0);
    return {std::max(0.0, centre - half) / exposure, (centre + half) / exposure};
}

/*!
 * Beta prior by the (trial-weighted) method of moments: with pooled mean m and between-member
 * variance τ² = (Σ n_i (p_i - m)² - (k - 1)·m(1 - m)) / (N - Σ n_i² / N), α + β = m(1 - m)/τ² - 1.
 */
std::optional<Prior> fitBetaBinomial(const QList<Count> &counts, double maxWeight)
{
    const auto m = moments(counts);
    if (!m)
        return std::nullopt;
    const double variance = m->mean * (1.0 - m->mean);
    return Prior{m->mean, weightFrom(*m, variance, variance, 1.0, maxWeight)};
}

/*!
 * Gamma prior by the (exposure-weighted) method of moments: τ² = (Σ t_i (r_i - m)² - (k - 1)·m)
 * / (T - Σ t_i² / T), and the prior is worth b = m/τ² units of exposure.
 */
std::optional<Prior> fitGammaPoisson(const QList<Count> &counts, double maxWeight)
{
    const auto m = moments(counts);
    if (!m)
        return std::nullopt;
    return Prior{m->mean, weightFrom(*m, m->mean, m->mean, 0.0, maxWeight)};
}

Count shrink(const Count &count, const Prior &prior)
{
    return {count.successes + prior.mean * prior.weight, count.trials + prior.weight};
}

std::optional<double> percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const double position = std::clamp(p, 0.0, 1.0) * double(values.size() - 1);
    const auto below = qsizetype(std::floor(position));
    if (below + 1 >= values.size())
        return values.last();
    const double fraction = position - double(below);
    return values.at(below) + fraction * (values.at(below + 1) - values.at(below));
}

double median(const QList<double> &values)
{
    return percentile(values, 0.5).value_or(0.0);
}

} // namespace rg::review
