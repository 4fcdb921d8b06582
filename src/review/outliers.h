// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "review/overridefacts.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rg::review {

// Thresholds of the outlier analysis; the defaults are the documented ones (README).
struct OutlierOptions
{
    QString team;                // only this team's agents are listed; empty: every team
    double bandPercentile = 0.9; // of the peers' shrunk rates
    int minPeers = 2;            // fewer peers with data: no team band, no rate flag
    int minFraud = 2;            // fraud dispositions before fraud_share can flag
    int minHighRisk = 3;
    int minRepeat = 3;          // overrides for one customer (or linked accounts)
    double subLimitBand = 0.10; // "just under": within this fraction below the limit
    double subLimitShare = 0.6;
    int minSubLimit = 4;
    int minContactsForHours = 20; // contacts that make an agent's usual hours
    double usualHoursCoverage = 0.9;
    double offHoursShare = 0.25;
    int minOffHours = 3;
    double offHoursFactor = 2.0; // lower bound over the share of their contacts outside it
    int burstSize = 4;
    qint64 burstWindowSeconds = 30 * 60;
    double burstFactor = 10.0; // the agent's average spacing over the burst's
};

struct Flag
{
    QString id;
    QString explanation;
    double weight = 0.0;
};

enum class Denominator { Contacts, ActiveDays };
QString denominatorName(Denominator denominator);

struct AgentFigures
{
    QString agent;
    QString team;
    qint64 overrides = 0;
    qint64 highRiskOverrides = 0;
    qint64 contacts = 0;
    qint64 activeDays = 0;
    Denominator denominator = Denominator::ActiveDays;
    double rate = 0.0; // overrides per contact or per active day
    double rateLow = 0.0;
    double rateHigh = 0.0;
    std::optional<double> teamBand;
    qint64 fraudDispositions = 0;
    double fraudShare = 0.0; // of the agent's overrides
    double score = 0.0;
    QList<Flag> flags;

    QJsonObject toJson() const;
};

struct OutlierReport
{
    Period period;
    QList<AgentFigures> agents; // ranked: highest score first
    SkipCounts skipped;

    QJsonObject toJson() const;
    QString toText() const;
};

// Use me to rank a period's agents against their teams (the rules are on the definition).
OutlierReport findOutliers(const AuditFacts &facts, const OutlierOptions &options = {});

} // namespace rg::review
