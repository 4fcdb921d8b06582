// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/auditgenerator.h"

#include "audit/auditlog.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <numeric>

namespace rg::review {

using namespace Qt::StringLiterals;

namespace {

constexpr int kShiftMinutes = 8 * 60;
constexpr int kNights = 4;
constexpr int kOverridesPerNight = 6;

struct AgentSpec
{
    QString id;
    QString team;
    double limit = 0.0;
    int shiftStartMinutes = 0; // UTC
    double overrideRate = 0.0;
};

struct Event
{
    QDateTime time;
    int agent = -1; // -1: the supervisor
    audit::RecordDraft draft;
    qsizetype judges = -1; // a disposition: the override event it names
};

const QStringList kPolicies
    = {u"refund-over-limit"_s, u"high-risk-refund"_s, u"gift-card-refund"_s, u"repeat-claim"_s};
const QStringList kReasons
    = {u"customer_history"_s, u"policy_exception"_s, u"supervisor_approved"_s, u"other"_s};

// What the customer said, as the sidebar quotes it: a cue, the message and the quoted words.
struct Quote
{
    QString cue;
    QString message;
    QString quote;
};
const QList<Quote> kQuotes = {
    {u"claim_non_receipt"_s, u"The parcel never arrived, the driver must have taken it."_s,
     u"never arrived"_s},
    {u"urgency"_s, u"I need this sorted in the next ten minutes or I cancel everything."_s,
     u"in the next ten minutes"_s},
    {u"process_steering"_s, u"Just mark it as lost in transit and issue the refund, that is how it works."_s,
     u"mark it as lost in transit"_s},
    {u"claim_empty_or_wrong"_s, u"The box was empty when I opened it, only packing paper."_s,
     u"The box was empty"_s},
    {u"payment_redirect"_s, u"Please send the refund to a gift card instead of my bank card."_s,
     u"to a gift card instead"_s},
    {u"authority"_s, u"Your manager already approved this yesterday on the phone."_s,
     u"already approved this"_s},
    {u"threat_pressure"_s, u"If this is not refunded today I will file a chargeback and post reviews."_s,
     u"file a chargeback"_s},
};

class Builder final
{
public:
    explicit Builder(quint32 seed)
        : m_rng(seed)
    {}

    double uniform(double low, double high) { return low + (high - low) * m_rng.generateDouble(); }
    int bounded(int n) { return int(m_rng.bounded(n)); }
    bool chance(double p) { return m_rng.generateDouble() < p; }
    // Box-Muller: the generator has no normal distribution of its own.
    double normal(double mean, double sd)
    {
        const double u = std::max(1e-12, m_rng.generateDouble());
        const double v = m_rng.generateDouble();
        return mean + sd * std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
    }

    QString nextCase() { return u"C-%1"_s.arg(++m_cases, 6, 10, QChar(u'0')); }

    void addContact(const AgentSpec &agent, int index, const QDateTime &time)
    {
        Event event;
        event.time = time;
        event.agent = index;
        event.draft.kind = audit::RecordKind::SessionStart;
        event.draft.actor = actor(agent);
        event.draft.payload = {{u"conversation_id"_s, u"conv-%1"_s.arg(++m_conversations)}};
        m_events.append(event);
    }

    qsizetype addOverride(const AgentSpec &agent, int index, const QDateTime &time, double amount,
                          const QString &customer, const QStringList &linked, double risk)
    {
        Event event;
        event.time = time;
        event.agent = index;
        event.draft.kind = audit::RecordKind::Override;
        event.draft.actor = actor(agent);
        event.draft.caseId = nextCase();
        const QString level = risk >= 0.6 ? u"high"_s : risk >= 0.3 ? u"medium"_s : u"low"_s;
        QJsonObject payload{
            {u"conversation_id"_s, u"conv-%1"_s.arg(m_conversations)},
            {u"action"_s,
             QJsonObject{{u"type"_s, u"refund"_s},
                         {u"amount"_s, amount},
                         {u"currency"_s, u"USD"_s},
                         {u"method"_s, chance(0.3) ? u"gift_card"_s : u"original_payment"_s}}},
            {u"amount"_s, amount},
            {u"limit"_s, agent.limit},
            {u"customer_id"_s, customer},
            {u"policies"_s, QJsonArray{kPolicies.at(bounded(int(kPolicies.size())))}},
            {u"verdict"_s, u"warn"_s},
            {u"risk"_s, QJsonObject{{u"score"_s, std::round(risk * 100.0) / 100.0},
                                    {u"level"_s, level},
                                    {u"top_reasons"_s, QJsonArray{}}}},
            {u"reason_category"_s, kReasons.at(bounded(int(kReasons.size())))},
            {u"reason"_s, u"customer explained the situation"_s},
        };
        if (!linked.isEmpty())
            payload.insert(u"linked_accounts"_s, QJsonArray::fromStringList(linked));
        // Risky contacts carry evidence; chosen by case number so the random draws stay the same.
        if (risk >= 0.3) {
            const Quote &quote = kQuotes.at(m_cases % kQuotes.size());
            payload.insert(u"evidence"_s,
                           QJsonArray{QJsonObject{{u"turn"_s, 1},
                                                  {u"cue"_s, quote.cue},
                                                  {u"quote"_s, quote.quote},
                                                  {u"message"_s, quote.message}}});
        }
        event.draft.payload = payload;
        m_events.append(event);
        return m_events.size() - 1;
    }

    // A supervisor's disposition one to three days later, in office hours.
    void judge(qsizetype overrideEvent, const QString &disposition)
    {
        const QDateTime when = m_events.at(overrideEvent).time;
        Event event;
        event.time = QDateTime(when.date().addDays(1 + bounded(3)),
                               QTime(9 + bounded(8), bounded(60), bounded(60)), Qt::UTC);
        event.draft.kind = audit::RecordKind::Disposition;
        event.draft.actor = {{u"id"_s, u"supervisor-1"_s}, {u"role"_s, u"supervisor"_s}};
        event.draft.caseId = m_events.at(overrideEvent).draft.caseId;
        event.draft.payload = {{u"disposition"_s, disposition}, {u"note"_s, u"reviewed"_s}};
        event.judges = overrideEvent;
        m_events.append(event);
    }

    QList<Event> &events() { return m_events; }

private:
    static QJsonObject actor(const AgentSpec &agent)
    {
        return {{u"id"_s, agent.id}, {u"role"_s, u"agent"_s}, {u"team"_s, agent.team}};
    }

    QRandomGenerator m_rng;
    QList<Event> m_events;
    int m_cases = 0;
    int m_conversations = 0;
};

QString ordinaryDisposition(Builder &b)
{
    const double roll = b.uniform(0.0, 1.0);
    return roll < 0.80   ? u"justified"_s
           : roll < 0.97 ? u"coaching_needed"_s
           : roll < 0.99 ? u"suspected_collusion"_s
                         : u"confirmed_fraud"_s;
}

// Amounts of everyday refunds: log-normal around 75, now and then over the limit (which is
// what the override was for).
double ordinaryAmount(Builder &b, double limit)
{
    const double amount = b.chance(0.05)
                              ? limit * b.uniform(1.05, 1.6)
                              : std::clamp(std::exp(b.normal(4.3, 0.6)), 5.0, limit * 0.85);
    return std::round(amount * 100.0) / 100.0;
}

} // namespace

/*!
 * Teams work eight-hour weekday shifts (the first team from about 08:00 UTC, the second from
 * about 14:00); every contact opens with a session_start, and a few contacts end in an override
 * for a random customer, most of which a supervisor later finds justified. Planted: the third
 * agent of the first team also comes in on four nights and overrides six refunds within half an
 * hour each night, all for one customer and its linked accounts, each just under their limit;
 * the second agent of the second team overrides a quarter of their contacts, and supervisors
 * find most of those fraud. A new agent of the first team has one contact with one override.
 */
Result<GeneratedLog> generateAuditLog(const QString &databaseUrl, const QString &keyDir,
                                      const GeneratorOptions &options)
{
    Builder b(options.seed);
    GeneratedLog generated;
    QList<AgentSpec> agents;
    for (int team = 0; team < options.teams; ++team) {
        for (int i = 0; i < options.agentsPerTeam; ++i) {
            AgentSpec agent;
            agent.team = u"team-%1"_s.arg(QChar(u'a' + team));
            agent.id = u"agent-%1%2"_s.arg(QChar(u'a' + team)).arg(i + 1, 2, 10, QChar(u'0'));
            agent.limit = team % 2 == 0 ? 500.0 : 400.0;
            agent.shiftStartMinutes = (8 + 6 * (team % 2)) * 60 + b.bounded(61) - 30;
            agent.overrideRate = options.overrideRate * b.uniform(0.7, 1.3);
            agents.append(agent);
        }
    }
    int subLimitIndex = -1;
    int fraudIndex = -1;
    if (options.plantColluders && agents.size() > options.agentsPerTeam + 1) {
        subLimitIndex = 2;
        fraudIndex = options.agentsPerTeam + 1;
        agents[fraudIndex].overrideRate = 0.25;
        generated.subLimitAgent = agents.at(subLimitIndex).id;
        generated.fraudAgent = agents.at(fraudIndex).id;
        generated.limit = agents.at(subLimitIndex).limit;
        generated.customer = u"cust-90417"_s;
        generated.linkedAccounts = {u"cust-90418"_s, u"cust-90419"_s};
    }

    const int days = options.weeks * 7;
    for (int a = 0; a < agents.size(); ++a) {
        const AgentSpec &agent = agents.at(a);
        for (int day = 0; day < days; ++day) {
            const QDate date = options.start.addDays(day);
            if (date.dayOfWeek() > 5)
                continue;
            const QDateTime shift = QDateTime(date, QTime(0, 0), Qt::UTC)
                                        .addSecs(qint64(agent.shiftStartMinutes) * 60);
            const int step = kShiftMinutes / std::max(1, options.contactsPerShift);
            for (int c = 0; c < options.contactsPerShift; ++c) {
                const QDateTime at = shift.addSecs(qint64(c * step + b.bounded(step / 2)) * 60);
                b.addContact(agent, a, at);
                if (!b.chance(agent.overrideRate))
                    continue;
                const qsizetype event = b.addOverride(
                    agent, a, at.addSecs(60 * (2 + b.bounded(7))), ordinaryAmount(b, agent.limit),
                    u"cust-%1"_s.arg(10000 + b.bounded(40000)), {}, b.uniform(0.25, 0.85));
                if (a == fraudIndex) {
                    if (b.chance(0.9)) {
                        const double roll = b.uniform(0.0, 1.0);
                        b.judge(event, roll < 0.3   ? u"confirmed_fraud"_s
                                       : roll < 0.6 ? u"suspected_collusion"_s
                                       : roll < 0.9 ? u"justified"_s
                                                    : u"coaching_needed"_s);
                    }
                } else if (b.chance(0.85)) {
                    b.judge(event, ordinaryDisposition(b));
                }
            }
        }
    }
    if (subLimitIndex >= 0) {
        const AgentSpec &agent = agents.at(subLimitIndex);
        const QStringList group = QStringList{generated.customer} + generated.linkedAccounts;
        for (int night = 0; night < kNights; ++night) {
            // Spread over the weeks, on weekday nights.
            const QDate date
                = options.start.addDays(night * 7 * options.weeks / kNights + 1 + night % 3);
            QDateTime at(date, QTime(2, b.bounded(20)), Qt::UTC);
            b.addContact(agent, subLimitIndex, at);
            for (int i = 0; i < kOverridesPerNight; ++i) {
                at = at.addSecs(60 * (2 + b.bounded(4)));
                const QString &customer = group.at((night + i) % group.size());
                QStringList linked = group;
                linked.removeAll(customer);
                const double amount
                    = std::round(agent.limit * b.uniform(0.91, 0.995) * 100.0) / 100.0;
                const qsizetype event = b.addOverride(agent, subLimitIndex, at, amount, customer,
                                                      linked, b.uniform(0.65, 0.9));
                if (b.chance(0.8))
                    b.judge(event, b.chance(0.9) ? u"justified"_s : u"coaching_needed"_s);
                ++generated.plantedOverrides;
            }
        }
    }
    {
        AgentSpec newcomer{u"agent-new"_s, agents.value(0).team, 500.0, 9 * 60, 0.0};
        const QDateTime at(options.start.addDays(days - 3), QTime(10, 15), Qt::UTC);
        agents.append(newcomer);
        const int index = int(agents.size() - 1);
        b.addContact(newcomer, index, at);
        b.addOverride(newcomer, index, at.addSecs(300), 120.0, u"cust-77001"_s, {}, 0.45);
        generated.newAgent = newcomer.id;
    }

    // One log per installation: each agent's own chain, and the supervisor's.
    QDateTime now;
    const auto openLog = [&](const QString &name) -> Result<std::unique_ptr<audit::AuditLog>> {
        auto url = audit::DatabaseUrl::parse(databaseUrl);
        if (!url)
            return Error{url.error()};
        audit::AuditLog::Options logOptions;
        logOptions.database = url.value();
        logOptions.keyPath = QDir(keyDir).filePath(name + u".key"_s);
        logOptions.clock = [&now] { return now; };
        return audit::AuditLog::open(logOptions);
    };
    std::vector<std::unique_ptr<audit::AuditLog>> logs;
    for (const AgentSpec &agent : std::as_const(agents)) {
        auto log = openLog(agent.id);
        if (!log)
            return Error{log.error()};
        logs.push_back(std::move(log).value());
    }
    auto supervisor = openLog(u"supervisor-1"_s);
    if (!supervisor)
        return Error{supervisor.error()};

    QList<Event> &events = b.events();
    QList<qsizetype> order(events.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype x, qsizetype y) {
        return events.at(x).time < events.at(y).time;
    });
    QHash<qsizetype, std::pair<QString, qint64>> stored;
    for (qsizetype index : std::as_const(order)) {
        Event &event = events[index];
        if (event.judges >= 0) {
            const auto target = stored.value(event.judges);
            event.draft.payload.insert(u"override_chain_id"_s, target.first);
            event.draft.payload.insert(u"override_seq"_s, target.second);
        }
        now = event.time;
        audit::AuditLog &log
            = event.agent >= 0 ? *logs.at(size_t(event.agent)) : *supervisor.value();
        auto record = log.append(event.draft);
        if (!record)
            return Error{record.error()};
        stored.insert(index, {record.value().chainId, record.value().seq});
        ++generated.records;
        generated.overrides += event.draft.kind == audit::RecordKind::Override ? 1 : 0;
    }
    for (auto &log : logs) {
        if (auto closed = log->endSession(); !closed)
            return Error{closed.error()};
    }
    if (auto closed = supervisor.value()->endSession(); !closed)
        return Error{closed.error()};
    return generated;
}

} // namespace rg::review
