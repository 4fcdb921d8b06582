// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <optional>

namespace rg::review {

// z for a two-sided 95% interval.
inline constexpr double kZ95 = 1.959963984540054;

struct Interval
{
    double low = 0.0;
    double high = 0.0;
};

// One agent's count: successes (or events) out of trials (or exposure).
struct Count
{
    double successes = 0.0;
    double trials = 0.0;
};

// Use me for a proportion from few trials: the Wilson score interval, which stays inside [0, 1]
// and does not collapse to a point at 0/n or n/n. Counts may be fractional (shrunk counts).
Interval wilsonInterval(double successes, double trials, double z = kZ95);
// Use me for a rate of events per unit of exposure (overrides per active day): the Poisson
// score interval, the Wilson interval's counterpart for counts without an upper bound.
Interval poissonScoreInterval(double events, double exposure, double z = kZ95);

// A prior fitted to a group's counts; its weight is how many trials it is worth.
struct Prior
{
    double mean = 0.0;
    double weight = 0.0; // alpha + beta (beta-binomial) or the gamma rate b (gamma-Poisson)
};

// Empirical Bayes by the trial-weighted method of moments over the group's proportions
// (beta-binomial) or rates (gamma-Poisson). The weight is capped at \a maxWeight (callers pass the
// group's median trials) so that an agent with typical volume is judged at least half on their own
// data. None when the group has fewer than two members with trials.
std::optional<Prior> fitBetaBinomial(const QList<Count> &counts, double maxWeight);
std::optional<Prior> fitGammaPoisson(const QList<Count> &counts, double maxWeight);

// The count with the prior mixed in: the posterior mean is shrunk.successes / shrunk.trials.
Count shrink(const Count &count, const Prior &prior);

// The \a p quantile (0..1) of \a values with linear interpolation between order statistics
// (type 7, as R and NumPy default to). None for an empty list.
std::optional<double> percentile(QList<double> values, double p);
double median(const QList<double> &values);

} // namespace rg::review
