// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/summary.h"

#include "review/statistics.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace rg::review {

namespace {

// The band's percentiles: wide enough to show where most of the team sits, and a single extreme
// agent (often the one under review) does not stretch it.
constexpr double kBandLow = 0.1;
constexpr double kBandHigh = 0.9;

QList<AgentShare> highRiskShares(const AuditFacts &facts)
{
    QMap<QString, AgentShare> byAgent;
    for (const OverrideFact &fact : facts.overrides) {
        if (fact.riskLevel.isEmpty())
            continue;
        AgentShare &share = byAgent[fact.agent];
        share.agent = fact.agent;
        ++share.overrides;
        if (fact.isHighRisk())
            ++share.highRisk;
    }
    QHash<QString, QList<double>> teamShares;
    for (AgentShare &share : byAgent) {
        share.team = facts.teams.value(share.agent);
        share.share = double(share.highRisk) / double(share.overrides);
        const Interval interval = wilsonInterval(double(share.highRisk), double(share.overrides));
        share.low = interval.low;
        share.high = interval.high;
        teamShares[share.team].append(share.share);
    }
    QList<AgentShare> shares = byAgent.values();
    for (AgentShare &share : shares) {
        const QList<double> &team = teamShares.value(share.team);
        share.teamLow = percentile(team, kBandLow).value_or(0.0);
        share.teamHigh = percentile(team, kBandHigh).value_or(0.0);
    }
    std::sort(shares.begin(), shares.end(), [](const AgentShare &a, const AgentShare &b) {
        return std::tuple(a.team, -a.share, a.agent) < std::tuple(b.team, -b.share, b.agent);
    });
    return shares;
}

} // namespace

/*!
 * The figures of \a facts' period: counts, dispositions, amounts per currency, overrides per day
 * and policy, the \a topPolicies most overridden policies, and each agent's high-risk share.
 *
 * An agent's share is of their overrides that carry a risk level, with its Wilson 95% interval.
 * The team band runs from the 10th to the 90th percentile (type 7) of the point shares of the
 * team's agents, the agent included; a team of one has a band of width zero at its share.
 */
ReviewSummary summarise(const AuditFacts &facts, int topPolicies)
{
    ReviewSummary summary;
    summary.period = facts.period;
    summary.skipped = facts.skipped;
    summary.overrides = facts.overrides.size();
    QSet<QString> agents;
    QMap<std::pair<QDate, QString>, qint64> perDay;
    QHash<QString, qint64> perPolicy;
    for (const OverrideFact &fact : facts.overrides) {
        agents.insert(fact.agent);
        if (fact.isHighRisk())
            ++summary.highRisk;
        if (fact.disposition)
            ++summary.dispositions[*fact.disposition];
        else
            ++summary.undisposed;
        if (fact.amount)
            summary.amounts[fact.currency] += *fact.amount;
        const QDate day = fact.time.toUTC().date();
        const QStringList policies
            = fact.policies.isEmpty() ? QStringList{kNoPolicy.toString()} : fact.policies;
        for (const QString &policy : policies) {
            ++perDay[{day, policy}];
            ++perPolicy[policy];
        }
    }
    summary.agents = agents.size();
    for (auto it = perDay.cbegin(); it != perDay.cend(); ++it)
        summary.perDayByPolicy.append({it.key().first, it.key().second, it.value()});
    for (auto it = perPolicy.cbegin(); it != perPolicy.cend(); ++it)
        summary.topPolicies.append({it.key(), it.value()});
    std::sort(summary.topPolicies.begin(), summary.topPolicies.end(),
              [](const auto &a, const auto &b) {
                  return std::tuple(-a.second, a.first) < std::tuple(-b.second, b.first);
              });
    if (summary.topPolicies.size() > topPolicies)
        summary.topPolicies.resize(std::max(topPolicies, 0));
    summary.highRiskShares = highRiskShares(facts);
    return summary;
}

} // namespace rg::review
