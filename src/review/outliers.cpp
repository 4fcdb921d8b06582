// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/outliers.h"

#include "review/statistics.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace rg::review {

using namespace Qt::StringLiterals;

namespace {

// What each flag adds to the score; fraud dispositions are a supervisor's judgement, so they
// weigh most, the timing patterns least (they have innocent explanations more often).
constexpr double kWeightFraudShare = 3.0;
constexpr double kWeightRate = 2.0;
constexpr double kWeightRepeatCustomer = 2.0;
constexpr double kWeightSubLimit = 2.0;
constexpr double kWeightHighRisk = 1.0;
constexpr double kWeightOffHours = 1.0;
constexpr double kWeightBurst = 1.0;
constexpr int kSecondsPerDay = 24 * 60 * 60;

double rounded(double value, int decimals = 4)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + u'%';
}

QString teamLabel(const QString &team)
{
    return team.isEmpty() ? u"(no team)"_s : team;
}

QString clock(int secondsOfDay)
{
    return QTime::fromMSecsSinceStartOfDay((secondsOfDay % kSecondsPerDay) * 1000)
        .toString(u"HH:mm"_s);
}

QString duration(qint64 seconds)
{
    if (seconds < 2 * 60 * 60)
        return u"%1 minutes"_s.arg(seconds / 60);
    return u"%1 hours"_s.arg(QString::number(double(seconds) / 3600.0, 'f', 1));
}

// One agent's standing against the rest of their team.
struct Standing
{
    Count shrunk;
    Interval interval;
    std::optional<double> band;
    int peers = 0;
};

/*!
 * Shrinks each member's count toward the team (empirical Bayes, prior worth at most the median
 * member's trials), bounds the shrunk rate (Wilson, or the Poisson score interval for rates per
 * day), and sets each member's band: the percentile of the *other* members' shrunk rates, so
 * an outlier does not raise the bar it is measured against.
 */
QList<Standing> standings(const QList<Count> &counts, bool perDay, const OutlierOptions &options)
{
    QList<double> trials;
    for (const Count &count : counts) {
        if (count.trials > 0.0)
            trials.append(count.trials);
    }
    const double maxWeight = median(trials);
    const auto prior
        = perDay ? fitGammaPoisson(counts, maxWeight) : fitBetaBinomial(counts, maxWeight);
    QList<Standing> result;
    for (const Count &count : counts) {
        Standing standing;
        standing.shrunk = prior ? shrink(count, *prior) : count;
        standing.interval
            = perDay ? poissonScoreInterval(standing.shrunk.successes, standing.shrunk.trials)
                     : wilsonInterval(standing.shrunk.successes, standing.shrunk.trials);
        result.append(standing);
    }
    for (qsizetype i = 0; i < result.size(); ++i) {
        QList<double> peers;
        for (qsizetype j = 0; j < result.size(); ++j) {
            if (j != i && counts.at(j).trials > 0.0)
                peers.append(result.at(j).shrunk.successes / result.at(j).shrunk.trials);
        }
        result[i].peers = int(peers.size());
        if (peers.size() >= options.minPeers)
            result[i].band = percentile(peers, options.bandPercentile);
    }
    return result;
}

bool exceedsBand(const Standing &standing)
{
    return standing.band && standing.interval.low > *standing.band;
}

// Customers joined through linked accounts: overrides for any account of one group count as
// overrides for the same customer.
class AccountGroups final
{
public:
    QString find(const QString &id)
    {
        QString root = id;
        while (m_parent.contains(root) && m_parent.value(root) != root)
            root = m_parent.value(root);
        // Path compression: the next lookup of any account on the way is one step.
        for (QString at = id; at != root;) {
            const QString next = m_parent.value(at);
            m_parent.insert(at, root);
            at = next;
        }
        return root;
    }
    void unite(const QString &a, const QString &b)
    {
        const QString ra = find(a);
        const QString rb = find(b);
        // The smaller id becomes the root, so the grouping does not depend on input order.
        if (ra < rb)
            m_parent.insert(rb, ra);
        else if (rb < ra)
            m_parent.insert(ra, rb);
    }

private:
    QHash<QString, QString> m_parent;
};

struct Agent
{
    QString id;
    QString team;
    QList<const OverrideFact *> overrides;
    QList<int> contactSeconds; // of day, UTC
    qint64 contacts = 0;
    qint64 activeDays = 0;
};

// \a groupTotals: every agent's overrides per account group.
std::optional<Flag> repeatCustomer(const Agent &agent, AccountGroups &groups,
                                   const QHash<QString, qint64> &groupTotals,
                                   const OutlierOptions &options)
{
    QMap<QString, QList<const OverrideFact *>> byGroup;
    for (const OverrideFact *fact : agent.overrides) {
        if (!fact->customerId.isEmpty())
            byGroup[groups.find(fact->customerId)].append(fact);
    }
    QString bestGroup;
    qsizetype best = 0;
    for (auto it = byGroup.cbegin(); it != byGroup.cend(); ++it) {
        if (it.value().size() > best) {
            best = it.value().size();
            bestGroup = it.key();
        }
    }
    if (best < options.minRepeat)
        return std::nullopt;
    const QList<const OverrideFact *> &facts = byGroup.value(bestGroup);
    QMap<QString, int> perCustomer;
    for (const OverrideFact *fact : facts)
        ++perCustomer[fact->customerId];
    QString lead;
    int leadCount = 0;
    for (auto it = perCustomer.cbegin(); it != perCustomer.cend(); ++it) {
        if (it.value() > leadCount) {
            lead = it.key();
            leadCount = it.value();
        }
    }
    QStringList others = perCustomer.keys();
    others.removeAll(lead);
    const qint64 byPeers = groupTotals.value(bestGroup) - best;
    const QString accounts
        = others.isEmpty()
              ? u"customer %1"_s.arg(lead)
              : u"customer %1 and linked accounts %2"_s.arg(lead, others.join(u", "_s));
    return Flag{u"repeat_customer"_s,
                u"Overrode %1 times for %2 between %3 and %4; other agents overrode for these "
                "accounts %5 times."_s.arg(QString::number(best), accounts,
                                           facts.first()->time.date().toString(Qt::ISODate),
                                           facts.last()->time.date().toString(Qt::ISODate),
                                           QString::number(byPeers)),
                kWeightRepeatCustomer};
}

bool justUnderLimit(const OverrideFact &fact, double band)
{
    return *fact.amount < *fact.limit && *fact.amount >= *fact.limit * (1.0 - band);
}

std::optional<Flag> subLimit(const Agent &agent, const QList<const Agent *> &team,
                             const OutlierOptions &options)
{
    qint64 known = 0;
    qint64 near = 0;
    QMap<double, int> limits;
    QString currency;
    for (const OverrideFact *fact : agent.overrides) {
        if (!fact->amount || !fact->limit)
            continue;
        ++known;
        if (justUnderLimit(*fact, options.subLimitBand)) {
            ++near;
            ++limits[*fact->limit];
            if (currency.isEmpty())
                currency = fact->currency;
        }
    }
    if (near < options.minSubLimit || double(near) < options.subLimitShare * double(known))
        return std::nullopt;
    qint64 peerKnown = 0;
    qint64 peerNear = 0;
    for (const Agent *peer : team) {
        if (peer->id == agent.id)
            continue;
        for (const OverrideFact *fact : peer->overrides) {
            if (!fact->amount || !fact->limit)
                continue;
            ++peerKnown;
            peerNear += justUnderLimit(*fact, options.subLimitBand) ? 1 : 0;
        }
    }
    const double peerShare = peerKnown > 0 ? double(peerNear) / double(peerKnown) : 0.0;
    if (wilsonInterval(double(near), double(known)).low <= peerShare)
        return std::nullopt;
    double commonLimit = 0.0;
    int commonCount = 0;
    for (auto it = limits.cbegin(); it != limits.cend(); ++it) {
        if (it.value() > commonCount) {
            commonLimit = it.key();
            commonCount = it.value();
        }
    }
    const QString limitText
        = QString::number(commonLimit, 'f', 2) + (currency.isEmpty() ? QString() : u' ' + currency);
    return Flag{u"sub_limit"_s,
                u"%1 of %2 overrides with a known limit (%3) were within %4 below the authority "
                "limit (most often %5), against %6 (%7 of %8) for the rest of team %9."_s.arg(
                    QString::number(near), QString::number(known),
                    percent(double(near) / double(known)),
                    QString::number(options.subLimitBand * 100.0, 'f', 0) + u'%', limitText,
                    percent(peerShare), QString::number(peerNear), QString::number(peerKnown),
                    teamLabel(agent.team)),
                kWeightSubLimit};
}

int secondsOfDay(const QDateTime &time)
{
    return time.toUTC().time().msecsSinceStartOfDay() / 1000;
}

// The shortest stretch of the (circular) day that holds \a coverage of \a seconds.
struct Window
{
    int start = 0;
    int end = 0; // may pass midnight: then end < start
    bool contains(int second) const
    {
        return start <= end ? second >= start && second <= end : second >= start || second <= end;
    }
};

Window usualWindow(QList<int> seconds, double coverage)
{
    std::sort(seconds.begin(), seconds.end());
    const qsizetype n = seconds.size();
    const qsizetype k = std::clamp<qsizetype>(qsizetype(std::ceil(coverage * double(n))), 1, n);
    Window best{0, kSecondsPerDay - 1};
    int bestLength = kSecondsPerDay;
    for (qsizetype i = 0; i < n; ++i) {
        const qsizetype j = i + k - 1;
        const int end = j < n ? seconds.at(j) : seconds.at(j - n) + kSecondsPerDay;
        if (end - seconds.at(i) < bestLength) {
            bestLength = end - seconds.at(i);
            best = {seconds.at(i), end % kSecondsPerDay};
        }
    }
    return best;
}

std::optional<Flag> offHours(const Agent &agent, const OutlierOptions &options)
{
    if (agent.contactSeconds.size() < options.minContactsForHours)
        return std::nullopt;
    const Window window = usualWindow(agent.contactSeconds, options.usualHoursCoverage);
    qint64 outside = 0;
    for (const OverrideFact *fact : agent.overrides)
        outside += window.contains(secondsOfDay(fact->time)) ? 0 : 1;
    qint64 contactsOutside = 0;
    for (int second : agent.contactSeconds)
        contactsOutside += window.contains(second) ? 0 : 1;
    const double share = double(outside) / double(agent.overrides.size());
    const double contactShare = double(contactsOutside) / double(agent.contactSeconds.size());
    // The lower bound, not the share: a few of ten overrides outside can be chance.
    if (outside < options.minOffHours || share < options.offHoursShare
        || wilsonInterval(double(outside), double(agent.overrides.size())).low
               <= options.offHoursFactor * contactShare) {
        return std::nullopt;
    }
    return Flag{u"off_hours"_s,
                u"%1 of %2 overrides (%3) fell outside the agent's usual hours %4-%5 UTC (the "
                "central %6 of their %7 contacts), where only %8 of their contacts fall."_s.arg(
                    QString::number(outside), QString::number(agent.overrides.size()),
                    percent(share), clock(window.start), clock(window.end),
                    percent(options.usualHoursCoverage),
                    QString::number(agent.contactSeconds.size()), percent(contactShare)),
                kWeightOffHours};
}

std::optional<Flag> burst(const Agent &agent, const OutlierOptions &options)
{
    const qsizetype n = agent.overrides.size();
    if (n < options.burstSize + 1)
        return std::nullopt;
    QList<qint64> times;
    for (const OverrideFact *fact : agent.overrides)
        times.append(fact->time.toSecsSinceEpoch());
    // The agent's own pace over the period; a median gap would be the bursts' own spacing
    // once bursts make up most of the overrides.
    const double typical = double(times.last() - times.first()) / double(n - 1);
    int bursts = 0;
    qsizetype bestStart = -1;
    qsizetype bestCount = 0;
    for (qsizetype i = 0; i < n;) {
        qsizetype j = i;
        while (j + 1 < n && times.at(j + 1) - times.at(i) <= options.burstWindowSeconds)
            ++j;
        const qsizetype count = j - i + 1;
        // A burst's spacing is floored at a minute: records in the same second are not
        // infinitely more suspicious than a minute apart.
        const double spacing = std::max(60.0, double(times.at(j) - times.at(i))
                                                  / double(std::max<qsizetype>(1, count - 1)));
        if (count >= options.burstSize && typical >= options.burstFactor * spacing) {
            ++bursts;
            if (count > bestCount) {
                bestCount = count;
                bestStart = i;
            }
            i = j + 1;
        } else {
            ++i;
        }
    }
    if (bursts == 0)
        return std::nullopt;
    const OverrideFact *first = agent.overrides.at(bestStart);
    const qint64 span = times.at(bestStart + bestCount - 1) - times.at(bestStart);
    return Flag{u"burst"_s,
                u"%1 overrides within %2 on %3 from %4 UTC (%5 such burst(s)), against an average "
                "spacing of %6 between this agent's overrides."_s.arg(
                    QString::number(bestCount), duration(span),
                    first->time.date().toString(Qt::ISODate),
                    first->time.time().toString(u"HH:mm"_s), QString::number(bursts),
                    duration(qint64(typical))),
                kWeightBurst};
}

// A table row: each cell padded to its width, left-aligned when the width is negative. Built
// by concatenation, as agent and team names come from the log and may hold "%1".
QString row(std::initializer_list<std::pair<QString, int>> cells)
{
    QStringList padded;
    for (const auto &[text, width] : cells)
        padded.append(width < 0 ? text.leftJustified(-width) : text.rightJustified(width));
    return padded.join(u' ') + u'\n';
}

QString rateText(double rate, Denominator denominator)
{
    return denominator == Denominator::Contacts ? percent(rate)
                                                : QString::number(rate, 'f', 2) + u" a day"_s;
}

} // namespace

QString denominatorName(Denominator denominator)
{
    return denominator == Denominator::Contacts ? u"contacts"_s : u"active_days"_s;
}

/*!
 * Compares every agent with the peers of their team over the facts' period: override rate
 * (per contact when every agent of the team has at least as many contacts as overrides, else per
 * active day), share of high-risk overrides and share of overrides later dispositioned as fraud,
 * each shrunk toward the team and flagged only when its lower 95% bound clears the team band;
 * and the patterns repeat_customer, sub_limit, off_hours and burst. Agents with overrides are
 * ranked by score (the sum of their flags' weights plus how far, up to 1, the rate's lower
 * bound lies above the band relative to it), then by overrides, then by id.
 */
OutlierReport findOutliers(const AuditFacts &facts, const OutlierOptions &options)
{
    QMap<QString, Agent> agents;
    for (auto it = facts.teams.cbegin(); it != facts.teams.cend(); ++it) {
        Agent &agent = agents[it.key()];
        agent.id = it.key();
        agent.team = it.value();
        agent.activeDays = facts.activeDays.value(it.key()).size();
    }
    AccountGroups groups;
    for (const OverrideFact &fact : facts.overrides) {
        agents[fact.agent].overrides.append(&fact);
        if (fact.customerId.isEmpty())
            continue;
        groups.unite(fact.customerId, fact.customerId);
        for (const QString &linked : fact.linkedAccounts)
            groups.unite(fact.customerId, linked);
    }
    QHash<QString, qint64> groupTotals;
    for (const OverrideFact &fact : facts.overrides) {
        if (!fact.customerId.isEmpty())
            ++groupTotals[groups.find(fact.customerId)];
    }
    for (const ContactFact &contact : facts.contacts) {
        Agent &agent = agents[contact.agent];
        ++agent.contacts;
        agent.contactSeconds.append(secondsOfDay(contact.time));
    }
    QMap<QString, QList<const Agent *>> teams;
    for (const Agent &agent : std::as_const(agents))
        teams[agent.team].append(&agent);

    OutlierReport report;
    report.period = facts.period;
    report.skipped = facts.skipped;
    for (auto team = teams.cbegin(); team != teams.cend(); ++team) {
        if (!options.team.isEmpty() && team.key() != options.team)
            continue;
        const QList<const Agent *> &members = team.value();
        const bool perContact
            = std::all_of(members.cbegin(), members.cend(),
                          [](const Agent *a) { return a->contacts >= a->overrides.size(); })
              && std::any_of(members.cbegin(), members.cend(),
                             [](const Agent *a) { return a->contacts > 0; });
        QList<Count> rates;
        QList<Count> fraud;
        QList<Count> highRisk;
        for (const Agent *agent : members) {
            const double overrides = double(agent->overrides.size());
            rates.append({overrides, double(perContact ? agent->contacts : agent->activeDays)});
            double fraudCount = 0.0;
            double high = 0.0;
            double riskKnown = 0.0;
            for (const OverrideFact *fact : agent->overrides) {
                fraudCount += fact->disposition && isFraud(*fact->disposition) ? 1.0 : 0.0;
                high += fact->isHighRisk() ? 1.0 : 0.0;
                riskKnown += fact->riskLevel.isEmpty() ? 0.0 : 1.0;
            }
            fraud.append({fraudCount, overrides});
            highRisk.append({high, riskKnown});
        }
        const QList<Standing> rateStandings = standings(rates, !perContact, options);
        const QList<Standing> fraudStandings = standings(fraud, false, options);
        const QList<Standing> highRiskStandings = standings(highRisk, false, options);
        for (qsizetype i = 0; i < members.size(); ++i) {
            const Agent &agent = *members.at(i);
            if (agent.overrides.isEmpty())
                continue;
            AgentFigures figures;
            figures.agent = agent.id;
            figures.team = agent.team;
            figures.overrides = agent.overrides.size();
            figures.highRiskOverrides = qint64(highRisk.at(i).successes);
            figures.contacts = agent.contacts;
            figures.activeDays = agent.activeDays;
            figures.denominator = perContact ? Denominator::Contacts : Denominator::ActiveDays;
            const Standing &rate = rateStandings.at(i);
            figures.rate
                = rates.at(i).trials > 0 ? rates.at(i).successes / rates.at(i).trials : 0.0;
            figures.rateLow = rate.interval.low;
            figures.rateHigh = rate.interval.high;
            figures.teamBand = rate.band;
            figures.fraudDispositions = qint64(fraud.at(i).successes);
            figures.fraudShare = fraud.at(i).successes / fraud.at(i).trials;
            if (exceedsBand(rate)) {
                const QString exposure = perContact ? u"Overrode %1 of %2 contacts (%3"_s
                                                    : u"Overrode %1 times on %2 active days (%3"_s;
                figures.flags.append(
                    {u"override_rate"_s,
                     (exposure
                      + u"; %4-%5 after shrinkage toward the team), above the %6 band "
                        "of %7 (%8 percentile of %9 peers)."_s)
                         .arg(QString::number(figures.overrides),
                              QString::number(qint64(rates.at(i).trials)),
                              rateText(figures.rate, figures.denominator),
                              rateText(rate.interval.low, figures.denominator),
                              rateText(rate.interval.high, figures.denominator),
                              teamLabel(agent.team), rateText(*rate.band, figures.denominator),
                              u"%1th"_s.arg(qRound(options.bandPercentile * 100.0)),
                              QString::number(rate.peers)),
                     kWeightRate});
                figures.score
                    += std::min(1.0, (rate.interval.low - *rate.band) / std::max(*rate.band, 1e-9));
            }
            const Standing &fraudStanding = fraudStandings.at(i);
            if (figures.fraudDispositions >= options.minFraud && exceedsBand(fraudStanding)) {
                figures.flags.append(
                    {u"fraud_share"_s,
                     u"%1 of %2 overrides (%3) were later dispositioned as confirmed fraud or "
                     "suspected collusion, above the %4 band of %5."_s.arg(
                         QString::number(figures.fraudDispositions),
                         QString::number(figures.overrides), percent(figures.fraudShare),
                         teamLabel(agent.team), percent(*fraudStanding.band)),
                     kWeightFraudShare});
            }
            const Standing &riskStanding = highRiskStandings.at(i);
            if (figures.highRiskOverrides >= options.minHighRisk && exceedsBand(riskStanding)) {
                figures.flags.append(
                    {u"high_risk_share"_s,
                     u"%1 of %2 overrides with a risk level (%3) were high-risk, above the %4 "
                     "band of %5."_s.arg(QString::number(figures.highRiskOverrides),
                                         QString::number(qint64(highRisk.at(i).trials)),
                                         percent(highRisk.at(i).successes / highRisk.at(i).trials),
                                         teamLabel(agent.team), percent(*riskStanding.band)),
                     kWeightHighRisk});
            }
            for (auto flag : {repeatCustomer(agent, groups, groupTotals, options),
                              subLimit(agent, members, options), offHours(agent, options),
                              burst(agent, options)}) {
                if (flag)
                    figures.flags.append(*flag);
            }
            for (const Flag &flag : std::as_const(figures.flags))
                figures.score += flag.weight;
            figures.score = rounded(figures.score, 3);
            report.agents.append(figures);
        }
    }
    std::sort(report.agents.begin(), report.agents.end(),
              [](const AgentFigures &a, const AgentFigures &b) {
                  if (a.score != b.score)
                      return a.score > b.score;
                  if (a.overrides != b.overrides)
                      return a.overrides > b.overrides;
                  return a.agent < b.agent;
              });
    return report;
}

QJsonObject AgentFigures::toJson() const
{
    QJsonArray flagsJson;
    for (const Flag &flag : flags)
        flagsJson.append(QJsonObject{{u"id"_s, flag.id}, {u"explanation"_s, flag.explanation}});
    return {{u"agent"_s, agent},
            {u"team"_s, team},
            {u"overrides"_s, overrides},
            {u"high_risk_overrides"_s, highRiskOverrides},
            {u"contacts"_s, contacts},
            {u"active_days"_s, activeDays},
            {u"denominator"_s, denominatorName(denominator)},
            {u"rate"_s, rounded(rate)},
            {u"rate_low"_s, rounded(rateLow)},
            {u"rate_high"_s, rounded(rateHigh)},
            {u"team_band"_s, teamBand ? QJsonValue(rounded(*teamBand)) : QJsonValue()},
            {u"fraud_dispositions"_s, fraudDispositions},
            {u"fraud_share"_s, rounded(fraudShare)},
            {u"score"_s, score},
            {u"flags"_s, flagsJson}};
}

QJsonObject OutlierReport::toJson() const
{
    QJsonArray agentsJson;
    for (const AgentFigures &figures : agents)
        agentsJson.append(figures.toJson());
    const auto bound = [](const QDateTime &time) {
        return time.isValid() ? QJsonValue(audit::formatTime(time)) : QJsonValue();
    };
    return {
        {u"period"_s, QJsonObject{{u"from"_s, bound(period.from)}, {u"to"_s, bound(period.to)}}},
        {u"agents"_s, agentsJson},
        {u"skipped_records"_s, skipped.records()},
        {u"skipped"_s, QJsonObject{{u"unreadable"_s, skipped.unreadable},
                                   {u"no_agent"_s, skipped.noAgent},
                                   {u"bad_disposition"_s, skipped.badDisposition},
                                   {u"orphan_disposition"_s, skipped.orphanDisposition},
                                   {u"no_amount_or_limit"_s, skipped.noAmountOrLimit},
                                   {u"no_risk"_s, skipped.noRisk},
                                   {u"no_customer"_s, skipped.noCustomer}}}};
}

/*!
 * A table for people: one row per agent in rank order, each flag's sentence below its row.
 */
QString OutlierReport::toText() const
{
    const auto bound = [](const QDateTime &time, const QString &open) {
        return time.isValid() ? audit::formatTime(time) : open;
    };
    QString text
        = u"period %1 .. %2\n"_s.arg(bound(period.from, u"start"_s), bound(period.to, u"end"_s));
    text += row({{u"rank"_s, 4},
                 {u"agent"_s, -16},
                 {u"team"_s, -10},
                 {u"overrides"_s, 9},
                 {u"high"_s, 5},
                 {u"rate"_s, 12},
                 {u"95% bounds"_s, -24},
                 {u"band"_s, 12},
                 {u"fraud"_s, 6},
                 {u"score"_s, 6}});
    int rank = 0;
    for (const AgentFigures &a : agents) {
        text += row(
            {{QString::number(++rank), 4},
             {a.agent, -16},
             {a.team.isEmpty() ? u"-"_s : a.team, -10},
             {QString::number(a.overrides), 9},
             {QString::number(a.highRiskOverrides), 5},
             {rateText(a.rate, a.denominator), 12},
             {rateText(a.rateLow, a.denominator) + u" - "_s + rateText(a.rateHigh, a.denominator),
              -24},
             {a.teamBand ? rateText(*a.teamBand, a.denominator) : u"-"_s, 12},
             {percent(a.fraudShare), 6},
             {QString::number(a.score, 'f', 2), 6}});
        for (const Flag &flag : a.flags)
            text += u"     ["_s + flag.id + u"] "_s + flag.explanation + u'\n';
    }
    if (skipped.records() > 0)
        text += u"%1 record(s) skipped (unreadable, without agent, or unusable dispositions)\n"_s
                    .arg(skipped.records());
    return text;
}

} // namespace rg::review
