// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/overridefacts.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <array>
#include <tuple>
#include <vector>

namespace rg::review {

using namespace Qt::StringLiterals;

namespace {

struct DispositionSpelling
{
    Disposition disposition;
    QStringView name;
};

constexpr std::array kDispositions = {
    DispositionSpelling{Disposition::Justified, u"justified"},
    DispositionSpelling{Disposition::CoachingNeeded, u"coaching_needed"},
    DispositionSpelling{Disposition::SuspectedCollusion, u"suspected_collusion"},
    DispositionSpelling{Disposition::ConfirmedFraud, u"confirmed_fraud"},
};

// A number, also when a tool wrote it as text ("120.50"); anything else is absent.
std::optional<double> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double number = value.toString().trimmed().toDouble(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

// The first of \a values that is a number.
std::optional<double> firstNumber(std::initializer_list<QJsonValue> values)
{
    for (const QJsonValue &value : values) {
        if (auto number = numberOf(value))
            return number;
    }
    return std::nullopt;
}

QString firstString(std::initializer_list<QJsonValue> values)
{
    for (const QJsonValue &value : values) {
        if (value.isString() && !value.toString().trimmed().isEmpty())
            return value.toString().trimmed();
    }
    return {};
}

// Ids from an array of strings or of objects with customer_id or id.
QStringList idsOf(const QJsonValue &value)
{
    QStringList ids;
    for (const QJsonValue &item : value.toArray()) {
        const QString id = item.isObject() ? firstString({item.toObject().value(u"customer_id"_s),
                                                          item.toObject().value(u"id"_s)})
                                           : firstString({item});
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

QString levelOf(double score)
{
    return score >= kHighRiskScore ? u"high"_s : score >= kMediumRiskScore ? u"medium"_s : u"low"_s;
}

} // namespace

// The sidebar's payload (action object, risk object) and the minimal `audit append` line (flat
// amount and limit, risk as a number) both end up here.
OverrideFact FactCollector::overrideFact(const audit::AuditRecord &record, const QString &agent)
{
    const QJsonObject &payload = record.payload;
    const QJsonObject action = payload.value(u"action"_s).toObject();
    const QJsonObject agentJson = payload.value(u"agent"_s).toObject();
    const QJsonObject caseJson = payload.value(u"case"_s).toObject();
    const QJsonValue customer = payload.value(u"customer"_s);
    OverrideFact fact;
    fact.chainId = intern(record.chainId);
    fact.seq = record.seq;
    fact.time = record.time;
    fact.agent = agent;
    // The team is the agent's newest, which take() fills in.
    fact.caseId = record.caseId;
    fact.action = intern(firstString({action.value(u"type"_s), payload.value(u"action"_s)}));
    fact.customerId = firstString(
        {payload.value(u"customer_id"_s), customer, customer.toObject().value(u"id"_s),
         action.value(u"customer_id"_s), caseJson.value(u"customer"_s).toObject().value(u"id"_s)});
    fact.linkedAccounts
        = idsOf(payload.contains(u"linked_accounts"_s) ? payload.value(u"linked_accounts"_s)
                                                       : caseJson.value(u"linked_accounts"_s));
    fact.linkedAccounts.removeAll(fact.customerId);
    fact.amount = firstNumber({payload.value(u"amount"_s), action.value(u"amount"_s)});
    fact.currency
        = intern(firstString({payload.value(u"currency"_s), action.value(u"currency"_s)}));
    fact.limit = firstNumber(
        {payload.value(u"limit"_s), action.value(u"limit"_s), agentJson.value(u"refund_limit"_s)});
    if (fact.limit && *fact.limit <= 0.0)
        fact.limit.reset();
    const QJsonValue risk = payload.value(u"risk"_s);
    fact.riskScore = risk.isObject() ? numberOf(risk.toObject().value(u"score"_s)) : numberOf(risk);
    const QString level = risk.toObject().value(u"level"_s).toString().toLower();
    if (level == u"low"_s || level == u"medium"_s || level == u"high"_s)
        fact.riskLevel = intern(level);
    else if (fact.riskScore)
        fact.riskLevel = levelOf(*fact.riskScore);
    const QJsonValue policies = payload.value(u"policies"_s);
    QStringList ids;
    if (policies.isString()) {
        ids.append(policies.toString());
    } else {
        for (const QJsonValue &policy : policies.toArray()) {
            const QString id = policy.isObject() ? policy.toObject().value(u"id"_s).toString()
                                                 : policy.toString();
            if (!id.isEmpty())
                ids.append(id);
        }
    }
    fact.policies = intern(ids);
    fact.reasonCategory = intern(payload.value(u"reason_category"_s).toString());
    return fact;
}

QString FactCollector::intern(const QString &value)
{
    if (value.isEmpty())
        return value;
    const auto found = m_strings.constFind(value);
    if (found != m_strings.constEnd())
        return *found;
    m_strings.insert(value);
    return value;
}

QStringList FactCollector::intern(const QStringList &values)
{
    if (values.isEmpty())
        return values;
    const QString key = values.join(u'\x1f');
    const auto found = m_lists.constFind(key);
    // Ids holding the separator could share a key with another list: compare to be sure.
    if (found != m_lists.constEnd() && *found == values)
        return *found;
    QStringList shared;
    shared.reserve(values.size());
    for (const QString &value : values)
        shared.append(intern(value));
    if (found == m_lists.constEnd())
        m_lists.insert(key, shared);
    return shared;
}

QString dispositionName(Disposition disposition)
{
    for (const DispositionSpelling &spelling : kDispositions) {
        if (spelling.disposition == disposition)
            return spelling.name.toString();
    }
    return {};
}

// Case and separators are forgiven ("Coaching needed", "confirmed-fraud"): tools differ.
std::optional<Disposition> dispositionFromName(const QString &name)
{
    QString normal = name.trimmed().toLower();
    normal.replace(u' ', u'_').replace(u'-', u'_');
    for (const DispositionSpelling &spelling : kDispositions) {
        if (spelling.name == normal)
            return spelling.disposition;
    }
    return std::nullopt;
}

bool isFraud(Disposition disposition)
{
    return disposition == Disposition::SuspectedCollusion
           || disposition == Disposition::ConfirmedFraud;
}

FactCollector::FactCollector(Period period)
{
    m_facts.period = std::move(period);
}

void FactCollector::add(const audit::StoredRecord &stored)
{
    auto record = audit::AuditRecord::fromStored(stored.body, stored.hash);
    if (!record) {
        ++m_facts.skipped.unreadable;
        return;
    }
    add(record.value());
}

/*!
 * Takes what the analytics need from \a record. Dispositions count whenever they were
 * recorded (an override is often judged after the period); everything else only inside it.
 */
void FactCollector::add(const audit::AuditRecord &record)
{
    if (record.kind == audit::RecordKind::Disposition) {
        const QJsonObject &payload = record.payload;
        const auto seq = numberOf(payload.value(u"override_seq"_s));
        const auto disposition = dispositionFromName(
            firstString({payload.value(u"disposition"_s), payload.value(u"status"_s),
                         payload.value(u"decision"_s)}));
        if (!seq || *seq < 1 || !disposition) {
            ++m_facts.skipped.badDisposition;
            return;
        }
        // A supervisor writes to their own chain and names the override's; without a chain
        // the override is in the disposition's chain.
        QString chain = firstString(
            {payload.value(u"override_chain_id"_s), payload.value(u"override_chain"_s)});
        if (chain.isEmpty())
            chain = record.chainId;
        m_dispositions.append({chain, qint64(*seq), record.time, *disposition});
        return;
    }
    if (!m_facts.period.contains(record.time))
        return;
    const QString agent = intern(record.actor.value(u"id"_s).toString());
    const bool counted = record.kind == audit::RecordKind::Override
                         || record.kind == audit::RecordKind::SessionStart;
    if (agent.isEmpty()) {
        if (counted)
            ++m_facts.skipped.noAgent;
        return;
    }
    const QString team = intern(record.actor.value(u"team"_s).toString());
    noteAgent(agent, team, record.time);
    if (record.kind == audit::RecordKind::Override)
        m_facts.overrides.append(overrideFact(record, agent));
    else if (record.kind == audit::RecordKind::SessionStart)
        m_facts.contacts.append({record.time, agent, team});
}

void FactCollector::noteAgent(const QString &agent, const QString &team, const QDateTime &time)
{
    AgentNote &note = m_agents[agent];
    if (const QDate day = time.date(); day != note.lastDay || !note.lastDay.isValid()) {
        m_facts.activeDays[agent].insert(day);
        note.lastDay = day;
    }
    if (!team.isEmpty() && time >= note.teamSeenAt) {
        note.team = team;
        note.teamSeenAt = time;
    }
}

/*!
 * The facts in time order, each override with its newest disposition. Every fact takes its
 * agent's newest team, so an agent who changed teams is compared with their current peers.
 */
AuditFacts FactCollector::take()
{
    const auto byTime = [](const auto &a, const auto &b) { return a.time < b.time; };
    for (auto it = m_agents.cbegin(); it != m_agents.cend(); ++it)
        m_facts.teams.insert(it.key(), it.value().team);
    m_agents.clear();
    sortOverrides();
    std::stable_sort(m_facts.contacts.begin(), m_facts.contacts.end(), byTime);
    std::stable_sort(m_dispositions.begin(), m_dispositions.end(), byTime);
    const QHash<QString, QString> teams(m_facts.teams.cbegin(), m_facts.teams.cend());
    for (OverrideFact &fact : m_facts.overrides) {
        fact.team = teams.value(fact.agent);
        if (!fact.amount || !fact.limit)
            ++m_facts.skipped.noAmountOrLimit;
        if (fact.riskLevel.isEmpty())
            ++m_facts.skipped.noRisk;
        if (fact.customerId.isEmpty())
            ++m_facts.skipped.noCustomer;
    }
    for (ContactFact &contact : m_facts.contacts)
        contact.team = teams.value(contact.agent);
    applyDispositions();
    m_dispositions.clear();
    m_strings.clear();
    m_lists.clear();
    return std::move(m_facts);
}

/*!
 * Orders the overrides by time, then chain and seq, keeping the order of equals. A log read in
 * chain order from one chain is in order already; otherwise the keys are sorted apart from the
 * facts, which then move into place once each instead of at every merge of a sort.
 */
void FactCollector::sortOverrides()
{
    QList<OverrideFact> &facts = m_facts.overrides;
    const auto before = [](const OverrideFact &a, const OverrideFact &b) {
        return std::tie(a.time, a.chainId, a.seq) < std::tie(b.time, b.chainId, b.seq);
    };
    if (std::is_sorted(facts.cbegin(), facts.cend(), before))
        return;
    // order[i]: the fact that belongs at i.
    std::vector<qsizetype> order(size_t(facts.size()));
    for (qsizetype i = 0; i < facts.size(); ++i)
        order[size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return before(facts.at(a), facts.at(b)); });
    // Each cycle of the permutation moves its facts along it through one temporary.
    for (qsizetype start = 0; start < facts.size(); ++start) {
        if (order[size_t(start)] == start)
            continue;
        OverrideFact carried = std::move(facts[start]);
        qsizetype at = start;
        for (;;) {
            const qsizetype from = order[size_t(at)];
            order[size_t(at)] = at;
            if (from == start)
                break;
            facts[at] = std::move(facts[from]);
            at = from;
        }
        facts[at] = std::move(carried);
    }
}

/*!
 * Gives each override the newest of its dispositions (the last in time order; the last fact of
 * a chain and seq that appears twice). Dispositions are few beside the overrides, so it is
 * they that are looked up by chain and seq. Without bounds, a disposition of an override the
 * log does not hold is an orphan; with them the override may simply lie outside the period.
 */
void FactCollector::applyDispositions()
{
    if (m_dispositions.isEmpty())
        return;
    struct Newest
    {
        Disposition disposition = Disposition::Justified;
        qint64 count = 0;
        bool applied = false;
    };
    QHash<std::pair<QString, qint64>, Newest> newest;
    for (const PendingDisposition &pending : std::as_const(m_dispositions)) {
        Newest &entry = newest[{pending.chainId, pending.seq}];
        entry.disposition = pending.disposition;
        ++entry.count;
    }
    for (qsizetype i = m_facts.overrides.size() - 1; i >= 0; --i) {
        OverrideFact &fact = m_facts.overrides[i];
        const auto found = newest.find({fact.chainId, fact.seq});
        if (found == newest.end() || found->applied)
            continue;
        fact.disposition = found->disposition;
        found->applied = true;
    }
    if (m_facts.period.from.isValid() || m_facts.period.to.isValid())
        return;
    for (const Newest &entry : std::as_const(newest)) {
        if (!entry.applied)
            m_facts.skipped.orphanDisposition += entry.count;
    }
}

/*!
 * Streams the records from the period's start on: the period's overrides and contacts, and
 * every disposition since, which may judge an override of the period after it ended.
 */
Result<AuditFacts> readFacts(audit::AuditStore &store, const Period &period)
{
    FactCollector collector(period);
    audit::AuditStore::ScanRange range;
    range.from = period.from;
    auto scanned = store.scan(range, [&](const audit::StoredRecord &stored) {
        collector.add(stored);
        return true;
    });
    if (!scanned)
        return Error{store.url().display() + u": "_s + scanned.error()};
    return collector.take();
}

} // namespace rg::review
