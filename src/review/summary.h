// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "review/overridefacts.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

#include <utility>

namespace rg::review {

// The policy name under which overrides that name no policy are counted.
inline constexpr QStringView kNoPolicy = u"(no policy)";

// Overrides of one policy on one UTC day; an override naming two policies counts for both.
struct PolicyDayCount
{
    QDate day;
    QString policy;
    qint64 overrides = 0;
};

// One agent's high-risk share of their overrides, against their team's band.
struct AgentShare
{
    QString agent;
    QString team;
    qint64 overrides = 0; // with a risk level; SkipCounts::noRisk ones are left out
    qint64 highRisk = 0;
    double share = 0.0; // highRisk / overrides
    double low = 0.0;   // Wilson 95% interval of the share
    double high = 0.0;
    double teamLow = 0.0;  // 10th percentile of the shares of the team's agents (this one too)
    double teamHigh = 0.0; // 90th percentile of them
};

// The figures of a review period, as the report and the review window's charts show them.
struct ReviewSummary
{
    Period period;
    qint64 overrides = 0;
    qint64 highRisk = 0;
    qint64 agents = 0;                      // with at least one override
    qint64 undisposed = 0;                  // overrides without a disposition yet
    QMap<Disposition, qint64> dispositions; // only those that occur
    // Amounts do not add up across currencies: currency -> total; "" for amounts without one.
    QMap<QString, double> amounts;
    QList<PolicyDayCount> perDayByPolicy; // by day, then policy; only days and policies with data
    QList<std::pair<QString, qint64>> topPolicies; // most overridden first (ties by name), up to N
    QList<AgentShare> highRiskShares;              // by team, then share descending, then agent
    SkipCounts skipped;
};

ReviewSummary summarise(const AuditFacts &facts, int topPolicies = 10);

} // namespace rg::review
