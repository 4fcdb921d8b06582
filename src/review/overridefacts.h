// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditrecord.h"
#include "audit/auditstore.h"
#include "model/result.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace rg::review {

// The risk scorer's thresholds (risk/riskscorer.cpp), for records that carry a bare score
// without a level.
inline constexpr double kHighRiskScore = 0.6;
inline constexpr double kMediumRiskScore = 0.3;

enum class Disposition { Justified, CoachingNeeded, SuspectedCollusion, ConfirmedFraud };
QString dispositionName(Disposition disposition);
std::optional<Disposition> dispositionFromName(const QString &name);
// Suspected collusion and confirmed fraud both count as fraud for the analytics.
bool isFraud(Disposition disposition);

// One override as the analytics need it; members the record lacks stay empty.
struct OverrideFact
{
    QString chainId;
    qint64 seq = 0;
    QDateTime time;
    QString agent;
    QString team;
    QString caseId;
    QString action; // the overridden action's type: refund, replacement, ...
    QString customerId;
    QStringList linkedAccounts;
    std::optional<double> amount;
    QString currency;
    std::optional<double> limit;
    std::optional<double> riskScore;
    QString riskLevel; // low | medium | high, from the record or from the score
    QStringList policies;
    QString reasonCategory;
    std::optional<Disposition> disposition; // the newest one recorded for this override

    bool isHighRisk() const { return riskLevel == QStringLiteral("high"); }
};

} // namespace rg::review

// Lets QList grow a million facts by realloc() instead of moving each one into a new block.
Q_DECLARE_TYPEINFO(rg::review::OverrideFact, Q_RELOCATABLE_TYPE);

namespace rg::review {

// A contact: an agent's session_start.
struct ContactFact
{
    QDateTime time;
    QString agent;
    QString team;
};

// Why records were left out, entirely or of one statistic.
struct SkipCounts
{
    qint64 unreadable = 0;        // body is not a record
    qint64 noAgent = 0;           // override or session without actor.id
    qint64 badDisposition = 0;    // unknown value, or no override_seq
    qint64 orphanDisposition = 0; // names an override the log does not hold (open periods only)
    qint64 noAmountOrLimit = 0;   // overrides left out of the sub-limit check
    qint64 noRisk = 0;            // overrides left out of the high-risk count
    qint64 noCustomer = 0;        // overrides left out of the repeat-customer check

    // Records of which nothing could be used.
    qint64 records() const { return unreadable + noAgent + badDisposition + orphanDisposition; }
};

// Half-open [from, to); an invalid bound is open.
struct Period
{
    QDateTime from;
    QDateTime to;

    bool contains(const QDateTime &time) const
    {
        return (!from.isValid() || time >= from) && (!to.isValid() || time < to);
    }
};

struct AuditFacts
{
    Period period;
    QList<OverrideFact> overrides;          // in time order, then chain and seq
    QList<ContactFact> contacts;            // in time order
    QHash<QString, QSet<QDate>> activeDays; // agent -> UTC dates with any record of theirs
    QMap<QString, QString> teams;           // agent -> team of their newest record
    SkipCounts skipped;
};

// Use me to turn stored records into facts: feed every record of the period (and the
// dispositions after it: an override may be judged later), then take the facts.
class FactCollector final
{
public:
    explicit FactCollector(Period period);

    void add(const audit::StoredRecord &stored);
    void add(const audit::AuditRecord &record);
    AuditFacts take();

private:
    struct PendingDisposition
    {
        QString chainId;
        qint64 seq = 0;
        QDateTime time;
        Disposition disposition = Disposition::Justified;
    };

    void noteAgent(const QString &agent, const QString &team, const QDateTime &time);
    OverrideFact overrideFact(const audit::AuditRecord &record, const QString &agent);
    QString intern(const QString &value);
    QStringList intern(const QStringList &values);
    void sortOverrides();
    void applyDispositions();

    AuditFacts m_facts;
    QList<PendingDisposition> m_dispositions;
    // What is known of each agent so far; a record of an agent and day seen before (most of
    // them) then costs one look-up.
    struct AgentNote
    {
        QDate lastDay;
        QString team; // of their newest record with one
        QDateTime teamSeenAt;
    };
    QHash<QString, AgentNote> m_agents;
    // One copy of each repeated value (agents, teams, policies, currencies, ...), which the
    // facts share: a million overrides hold a few hundred distinct ones.
    QSet<QString> m_strings;
    QHash<QString, QStringList> m_lists;
};

// Reads the period's facts from \a store, with the dispositions recorded since its start.
Result<AuditFacts> readFacts(audit::AuditStore &store, const Period &period);

} // namespace rg::review
