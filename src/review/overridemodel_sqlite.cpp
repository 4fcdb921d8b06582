// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/overridemodel_backend.h"

#include "log/log.h"
#include "sql/transaction.h"

#include <QHash>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace rg::review::Internal {

using namespace Qt::StringLiterals;

namespace {

// Bumped whenever the review tables or what goes into them change: the index is derived, so a
// different version is dropped and rebuilt from the records.
constexpr int kIndexVersion = 3;

// Up to this many text matches are cheaper to sort than to look for along an index.
constexpr qint64 kFewTextMatches = 20000;

// Records per indexing transaction: about a second of work on a laptop core.
constexpr qint64 kSyncChunk = 50000;

const QStringList kDropIndex = {
    u"DROP TABLE IF EXISTS review_override_text"_s,
    u"DROP TABLE IF EXISTS review_override_policies"_s,
    u"DROP TABLE IF EXISTS review_override_cues"_s,
    u"DROP TABLE IF EXISTS review_dispositions"_s,
    u"DROP TABLE IF EXISTS review_overrides"_s,
    u"DROP TABLE IF EXISTS review_meta"_s,
};

// One row per override record. amount_key and risk_key never hold NULL so that keyset
// pagination can compare them (a row without an amount or risk sorts lowest). status is 0 for
// none, else 1 + the Disposition. time_bound is the newest time of this row and every row
// before it: it never decreases along id, so it maps a time to the ids that can hold it (see
// SqliteBackend::textWindow).
const QStringList kCreateTables = {
    u"CREATE TABLE review_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
    u"CREATE TABLE review_overrides (id INTEGER PRIMARY KEY, chain_id TEXT NOT NULL,"
    " seq INTEGER NOT NULL, time TEXT NOT NULL, agent TEXT, team TEXT, case_id TEXT,"
    " action TEXT, amount REAL, amount_key REAL NOT NULL, policies TEXT, risk_score REAL,"
    " risk_level TEXT, risk_key REAL NOT NULL, reason_category TEXT,"
    " status INTEGER NOT NULL DEFAULT 0, time_bound TEXT NOT NULL, UNIQUE (chain_id, seq))"_s,
    u"CREATE TABLE review_override_policies (policy TEXT NOT NULL,"
    " override_id INTEGER NOT NULL, PRIMARY KEY (policy, override_id)) WITHOUT ROWID"_s,
    u"CREATE TABLE review_override_cues (cue TEXT NOT NULL,"
    " override_id INTEGER NOT NULL, PRIMARY KEY (cue, override_id)) WITHOUT ROWID"_s,
    u"CREATE TABLE review_dispositions (id INTEGER PRIMARY KEY, chain_id TEXT NOT NULL,"
    " seq INTEGER NOT NULL, time TEXT NOT NULL, override_chain_id TEXT NOT NULL,"
    " override_seq INTEGER NOT NULL, status INTEGER NOT NULL)"_s,
    u"CREATE INDEX review_dispositions_override"
    " ON review_dispositions (override_chain_id, override_seq, time)"_s,
    // Contentless, as the text is only searched (the table shows the record's own fields), and
    // without positions, as every word is looked for on its own: smaller and faster to build.
    u"CREATE VIRTUAL TABLE review_override_text USING fts5(content, content='', detail=none,"
    " tokenize='unicode61 remove_diacritics 2')"_s,
};

// Created after the first fill: sorting a million keys once is far cheaper than inserting
// them one at a time into seven B-trees.
const QStringList kCreateIndexes = {
    u"CREATE INDEX review_overrides_time ON review_overrides (time)"_s,
    u"CREATE INDEX review_overrides_agent ON review_overrides (agent, time)"_s,
    u"CREATE INDEX review_overrides_team ON review_overrides (team, time)"_s,
    u"CREATE INDEX review_overrides_risk_level ON review_overrides (risk_level, time)"_s,
    u"CREATE INDEX review_overrides_status ON review_overrides (status, time)"_s,
    u"CREATE INDEX review_overrides_amount ON review_overrides (amount_key)"_s,
    u"CREATE INDEX review_overrides_risk ON review_overrides (risk_key)"_s,
    u"CREATE INDEX review_overrides_time_bound ON review_overrides (time_bound)"_s,
    // Statistics for the planner, which otherwise guesses between the time index and the
    // filter's.
    u"ANALYZE review_overrides"_s,
};

// A number at \a path, also when a tool wrote it as text ("120.50"), as overridefacts reads it.
QString numberAt(const QString &path)
{
    return u"CASE json_type(body, '%1') WHEN 'integer' THEN json_extract(body, '%1')"
           " WHEN 'real' THEN json_extract(body, '%1')"
           " WHEN 'text' THEN CASE WHEN trim(json_extract(body, '%1')) GLOB '*[0-9]*'"
           " AND NOT trim(json_extract(body, '%1')) GLOB '*[^0-9.+-]*'"
           " THEN CAST(trim(json_extract(body, '%1')) AS REAL) END END"_s.arg(path);
}

/*
 * The override columns straight from the record bodies, inside SQLite: parsing a million
 * bodies through QJsonDocument took several times longer. It reads the same members as
 * overridefacts.cpp does for both payload shapes (the sidebar's action and risk objects, the
 * minimal `audit append` line's flat amount and bare risk score).
 */
QString insertOverridesSql()
{
    return uR"(INSERT INTO review_overrides (chain_id, seq, time, agent, team, case_id, action,
  amount, amount_key, policies, risk_score, risk_level, risk_key, reason_category, time_bound)
SELECT chain_id, seq, time, agent, team, case_id, action, amount, ifnull(amount, -1), policies,
  score, level, coalesce(score, CASE level WHEN 'high' THEN :high WHEN 'medium' THEN :medium
  WHEN 'low' THEN 0 END, -1), reason_category,
  max(ifnull(:time_bound, ''), max(time) OVER (ORDER BY source ROWS UNBOUNDED PRECEDING))
FROM (SELECT source, chain_id, seq, time, agent, team, case_id, action, amount, policies, score,
  CASE WHEN raw_level IN ('low', 'medium', 'high') THEN raw_level
    WHEN score >= :high THEN 'high' WHEN score >= :medium THEN 'medium'
    WHEN score IS NOT NULL THEN 'low' END AS level, reason_category
  FROM (SELECT rowid AS source, chain_id, seq, recorded_at AS time,
    json_extract(body, '$.actor.id') AS agent,
    json_extract(body, '$.actor.team') AS team,
    json_extract(body, '$.case_id') AS case_id,
    CASE json_type(body, '$.payload.action') WHEN 'object'
      THEN json_extract(body, '$.payload.action.type')
      WHEN 'text' THEN json_extract(body, '$.payload.action') END AS action,
    coalesce()"_s
           + numberAt(u"$.payload.amount"_s) + u", "_s + numberAt(u"$.payload.action.amount"_s)
           + uR"() AS amount,
    CASE json_type(body, '$.payload.policies')
      WHEN 'array' THEN json_extract(body, '$.payload.policies')
      WHEN 'text' THEN json_array(json_extract(body, '$.payload.policies')) END AS policies,
    coalesce()"_s
           + numberAt(u"$.payload.risk.score"_s) + u", "_s + numberAt(u"$.payload.risk"_s)
           + uR"() AS score,
    lower(json_extract(body, '$.payload.risk.level')) AS raw_level,
    json_extract(body, '$.payload.reason_category') AS reason_category
    FROM audit_records WHERE rowid > :after AND rowid <= :upto AND kind = 'override'
    ORDER BY rowid))
ORDER BY source)"_s;
}

const QString kInsertPoliciesSql = uR"(INSERT OR IGNORE INTO review_override_policies
  (policy, override_id)
SELECT CASE p.type WHEN 'object' THEN json_extract(p.value, '$.id') ELSE p.value END, o.id
FROM review_overrides o, json_each(o.policies) p
WHERE o.id > :after AND o.policies IS NOT NULL
  AND ifnull(CASE p.type WHEN 'object' THEN json_extract(p.value, '$.id') ELSE p.value END, '')
    <> '')"_s;

// The cue ids of the evidence entries ({"turn", "cue", "quote", "message"}).
const QString kInsertCuesSql = uR"(INSERT OR IGNORE INTO review_override_cues (cue, override_id)
SELECT json_extract(e.value, '$.cue'), o.id
FROM audit_records r JOIN review_overrides o ON o.chain_id = r.chain_id AND o.seq = r.seq,
  json_each(r.body, '$.payload.evidence') e
WHERE r.rowid > :after AND r.rowid <= :upto AND r.kind = 'override'
  AND json_type(r.body, '$.payload.evidence') = 'array' AND e.type = 'object'
  AND json_type(e.value, '$.cue') = 'text')"_s;

// The agent's reason and every quote, text and message of the evidence.
const QString kInsertTextSql = uR"(INSERT INTO review_override_text (rowid, content)
SELECT o.id, ifnull(json_extract(r.body, '$.payload.reason'), '') || ' ' || ifnull((
  SELECT group_concat(CASE e.type WHEN 'object' THEN
      ifnull(json_extract(e.value, '$.quote'), '') || ' ' || ifnull(json_extract(e.value, '$.text'), '')
      || ' ' || ifnull(json_extract(e.value, '$.message'), '')
    ELSE e.value END, ' ')
  FROM json_each(r.body, '$.payload.evidence') e), '')
FROM audit_records r JOIN review_overrides o ON o.chain_id = r.chain_id AND o.seq = r.seq
WHERE r.rowid > :after AND r.rowid <= :upto AND r.kind = 'override')"_s;

// The newest disposition of each override that a new disposition names, or that is new itself.
const QString kUpdateStatusSql = uR"(UPDATE review_overrides SET status = ifnull((
  SELECT d.status FROM review_dispositions d
  WHERE d.override_chain_id = review_overrides.chain_id AND d.override_seq = review_overrides.seq
  ORDER BY d.time DESC, d.id DESC LIMIT 1), 0)
WHERE id IN (SELECT o.id FROM review_dispositions d JOIN review_overrides o
  ON o.chain_id = d.override_chain_id AND o.seq = d.override_seq
  WHERE d.id > :disposition OR o.id > :override))"_s;

Result<bool> execAll(QSqlDatabase &db, const QStringList &statements)
{
    QSqlQuery query(db);
    for (const QString &sql : statements) {
        if (!query.exec(sql)) {
            return Error{
                u"review index: %1 ...: %2"_s.arg(sql.section(u' ', 0, 3), errorOf(query))};
        }
    }
    return true;
}

// How much older than an earlier-indexed override (its time_bound) each override past :from is,
// in milliseconds: the most any is, or 0 when they all came in time order.
const QString kLatenessSql = uR"(SELECT ifnull(max(julianday(previous) - julianday(time)), 0)
  * 86400000.0
FROM (SELECT time, lag(time_bound) OVER (ORDER BY id) AS previous FROM review_overrides
  WHERE id >= :from)
WHERE previous > time)"_s;

// What the index knows of its overrides' times, saved in review_meta with its position.
struct TimeOrder
{
    QString newest;        // the newest time indexed, the last row's time_bound
    qint64 latenessMs = 0; // how much older than the time_bound before it any override is
};

/*
 * A SQLite audit log: a derived review index (review_* tables) beside the records, brought up
 * to date on each sync(); the records table is only ever read.
 */
class SqliteBackend final : public OverrideBackend
{
public:
    using OverrideBackend::OverrideBackend;

    Result<bool> sync() override;
    Result<bool> sync(const IndexProgress &progress);
    const Columns &columns() const override;
    Result<QList<SqlCondition>> conditions(const OverrideFilter &filter) const override;
    Result<SqlCondition> pageStatement(const PageQuery &page) const override;

private:
    Result<bool> indexRange(qint64 after, qint64 upto);
    Result<bool> saveMeta(qint64 upto, bool complete);
    Result<qint64> indexedUpTo() const;
    Result<bool> hasFewTextMatches(const QString &match) const;
    Result<std::pair<qint64, qint64>> textWindow(const PageQuery &page, const QString &match) const;
    Result<qint64> firstIdReaching(const QString &time, bool inclusive) const;
    QString later(const QString &time, qint64 ms) const;

    TimeOrder m_order;
};

const OverrideBackend::Columns &SqliteBackend::columns() const
{
    static const Columns columns{u"o.id"_s,         u"o.time"_s,       u"o.agent"_s,
                                 u"o.team"_s,       u"o.risk_level"_s, u"o.status"_s,
                                 u"o.amount_key"_s, u"o.risk_key"_s};
    return columns;
}

Result<QList<SqlCondition>> SqliteBackend::conditions(const OverrideFilter &filter) const
{
    QList<SqlCondition> conditions;
    if (!filter.policy.isEmpty()) {
        conditions.append({u"EXISTS (SELECT 1 FROM review_override_policies p"
                           " WHERE p.policy = ? AND p.override_id = o.id)"_s,
                           {filter.policy}});
    }
    if (!filter.cue.isEmpty()) {
        conditions.append({u"EXISTS (SELECT 1 FROM review_override_cues c"
                           " WHERE c.cue = ? AND c.override_id = o.id)"_s,
                           {filter.cue}});
    }
    return conditions;
}

/*!
 * The page over the review index. A text search in time order looks only at the ids that can
 * hold the page (textWindow): FTS5 then collects a few hundred matches instead of every one of
 * a common word's. In amount or risk order, few matches are sorted; many are tested row by row
 * along the order's index (the unary plus keeps SQLite from starting from them), which stops
 * after a page instead of sorting half the log.
 */
Result<SqlCondition> SqliteBackend::pageStatement(const PageQuery &page) const
{
    QStringList where;
    if (!page.where.isEmpty())
        where.append(page.where);
    QVariantList values = page.values;
    // Each word must occur; quoted, each is one token and FTS5 operators are plain text.
    QStringList terms;
    for (const QString &word : page.words)
        terms.append(u'"' + word + u'"');
    if (!terms.isEmpty()) {
        const QString match = terms.join(u' ');
        if (page.byTime) {
            auto window = textWindow(page, match);
            if (!window)
                return Error{window.error()};
            where.append(u"o.id IN (SELECT rowid FROM review_override_text"
                         " WHERE review_override_text MATCH ? AND rowid BETWEEN ? AND ?)"_s);
            values.append({match, window.value().first, window.value().second});
        } else {
            auto few = hasFewTextMatches(match);
            if (!few)
                return Error{few.error()};
            where.append((few.value() ? u"o.id"_s : u"+o.id"_s)
                         + u" IN (SELECT rowid FROM review_override_text"
                           " WHERE review_override_text MATCH ?)"_s);
            values.append(match);
        }
    }
    QString sql = u"SELECT o.id, o.chain_id, o.seq, o.time, o.agent, o.team, o.case_id, o.action,"
                  " o.amount, o.policies, o.risk_score, o.risk_level, o.reason_category,"
                  " o.status, %1 FROM review_overrides o"_s.arg(page.sortKey);
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += orderBy(page.sortKey, columns().id, page.descending) + u" LIMIT ?"_s;
    return SqlCondition{sql, values};
}

/*!
 * The ids [first, last] that can hold the time-ordered page of a text search. time_bound never
 * decreases along id, and an override is at most latenessMs older than the time_bound before
 * it (both 0 apart for a log appended in time order), so a time bound becomes an id bound: a
 * row at or after time t has an id at or past the first whose time_bound reaches t; every id
 * from the first whose time_bound passes t + latenessMs on is after t. The filter's dates and
 * the keyset bound the window first. Then the matches are walked along the FTS rowid (= id)
 * in the page's direction until a page of them passes the other conditions: the page's rows
 * are at least as new as the oldest of those (newest first), which bounds the window again.
 */
Result<std::pair<qint64, qint64>> SqliteBackend::textWindow(const PageQuery &page,
                                                            const QString &match) const
{
    qint64 first = 1;
    qint64 last = std::numeric_limits<qint64>::max();
    QStringList starts{page.from};
    QStringList ends{page.to};
    (page.descending ? ends : starts).append(page.afterTime);
    for (const QString &start : std::as_const(starts)) {
        if (start.isEmpty())
            continue;
        auto id = firstIdReaching(start, true);
        if (!id)
            return Error{id.error()};
        first = std::max(first, id.value());
    }
    for (const QString &end : std::as_const(ends)) {
        const QString bound = later(end, m_order.latenessMs);
        if (bound.isEmpty())
            continue;
        auto id = firstIdReaching(bound, false);
        if (!id)
            return Error{id.error()};
        last = std::min(last, id.value() - 1);
    }
    if (first > last)
        return std::pair{first, last};

    QString sql = u"SELECT o.time FROM review_override_text CROSS JOIN review_overrides o"
                  " ON o.id = review_override_text.rowid WHERE review_override_text MATCH ?"
                  " AND review_override_text.rowid BETWEEN ? AND ?"_s;
    if (!page.where.isEmpty())
        sql += u" AND "_s + page.where;
    sql += page.descending ? u" ORDER BY review_override_text.rowid DESC LIMIT ?"_s
                           : u" ORDER BY review_override_text.rowid LIMIT ?"_s;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(sql);
    query.addBindValue(match);
    query.addBindValue(first);
    query.addBindValue(last);
    for (const QVariant &value : page.values)
        query.addBindValue(value);
    query.addBindValue(page.limit);
    if (auto done = exec(query, u"search the reasons and evidence"_s); !done)
        return Error{done.error()};
    int rows = 0;
    QString edge;
    while (query.next()) {
        const QString time = query.value(0).toString();
        if (rows++ == 0 || (page.descending ? time < edge : time > edge))
            edge = time;
    }
    query.finish();
    // Fewer than a page: the walk saw every match in the window.
    if (rows < page.limit)
        return std::pair{first, last};
    if (page.descending) {
        auto id = firstIdReaching(edge, true);
        if (!id)
            return Error{id.error()};
        first = std::max(first, id.value());
    } else if (const QString bound = later(edge, m_order.latenessMs); !bound.isEmpty()) {
        auto id = firstIdReaching(bound, false);
        if (!id)
            return Error{id.error()};
        last = std::min(last, id.value() - 1);
    }
    return std::pair{first, last};
}

// The first id whose time_bound reaches \a time (or passes it, when not \a inclusive); past
// the last id when none does.
Result<qint64> SqliteBackend::firstIdReaching(const QString &time, bool inclusive) const
{
    QSqlQuery query(database());
    query.prepare(u"SELECT ifnull((SELECT id FROM review_overrides WHERE time_bound %1 ?"
                  " ORDER BY time_bound, id LIMIT 1),"
                  " (SELECT ifnull(max(id), 0) + 1 FROM review_overrides))"_s.arg(
                      inclusive ? u">="_s : u">"_s));
    query.addBindValue(time);
    if (!query.exec() || !query.next())
        return Error{u"cannot read the review index: "_s + errorOf(query)};
    return query.value(0).toLongLong();
}

// \a time (as stored) plus \a ms; empty, so no bound, when the time does not parse.
QString SqliteBackend::later(const QString &time, qint64 ms) const
{
    if (ms == 0)
        return time;
    const QDateTime parsed = audit::parseTime(time);
    return parsed.isValid() ? audit::formatTime(parsed.addMSecs(ms)) : QString();
}

Result<bool> SqliteBackend::sync()
{
    return sync({});
}

/*!
 * Brings the review index up to the records' newest row. audit_records' rowids only grow (rows
 * are never deleted and SQLite serialises writers), so the index keeps the last rowid it read
 * and reads only past it. VACUUM may renumber rowids: the row at the saved rowid must still be
 * the saved chain and seq, otherwise the index is rebuilt. The work goes in transactions of
 * kSyncChunk rowids, so a writer on the same file (an agent's sidebar) never waits long for the
 * lock, and \a progress hears after each; a build cut short (by \a progress or by closing the
 * window) carries on from its last chunk, and the secondary indexes come once it is complete.
 */
Result<bool> SqliteBackend::sync(const IndexProgress &progress)
{
    QSqlDatabase db = database();
    QSqlQuery query(db);
    QHash<QString, QString> meta;
    query.exec(u"SELECT key, value FROM review_meta"_s); // absent before the first build
    while (query.next())
        meta.insert(query.value(0).toString(), query.value(1).toString());
    qint64 after = meta.value(u"last_rowid"_s).toLongLong();
    bool rebuild = meta.value(u"version"_s).toInt() != kIndexVersion;
    if (!rebuild && after > 0) {
        query.prepare(u"SELECT chain_id || '#' || seq FROM audit_records WHERE rowid = ?"_s);
        query.addBindValue(after);
        if (auto done = exec(query, u"read the review index position"_s); !done)
            return done;
        rebuild = !query.next() || query.value(0).toString() != meta.value(u"last_row"_s);
    }
    query.finish(); // SQLite refuses to drop a table that a live statement reads
    bool complete = !rebuild && meta.value(u"complete"_s) == u"1"_s;
    m_order = {meta.value(u"newest"_s), meta.value(u"lateness_ms"_s).toLongLong()};
    if (rebuild) {
        sql::Transaction transaction(db);
        if (auto begun = transaction.begin(); !begun)
            return begun;
        if (auto done = execAll(db, kDropIndex + kCreateTables); !done)
            return done;
        query.prepare(u"INSERT INTO review_meta (key, value) VALUES ('version', ?)"_s);
        query.addBindValue(kIndexVersion);
        if (auto done = exec(query, u"save the review index version"_s); !done)
            return done;
        if (auto committed = transaction.commit(); !committed)
            return committed;
        after = 0;
        m_order = {};
    }
    if (!query.exec(u"SELECT ifnull(max(rowid), 0) FROM audit_records"_s) || !query.next())
        return Error{u"cannot read the audit records: "_s + errorOf(query)};
    const qint64 upto = query.value(0).toLongLong();
    query.finish();
    bool overtaken = false;
    do {
        const qint64 next = std::min(after + kSyncChunk, upto);
        if (next == after && complete)
            break;
        sql::Transaction transaction(db);
        if (auto begun = transaction.begin(); !begun)
            return begun;
        // Another connection (a second review window) may have indexed since this one read the
        // position: carry on from where it got rather than index its chunk twice. In WAL mode
        // a write after a stale read fails instead, so the check cannot race.
        auto position = indexedUpTo();
        if (!position)
            return Error{position.error()};
        if (position.value() != after) {
            overtaken = true;
            break;
        }
        const TimeOrder before = m_order;
        auto indexed = indexRange(after, next);
        if (indexed && !complete && next == upto)
            indexed = execAll(db, kCreateIndexes);
        if (indexed)
            indexed = saveMeta(next, complete || next == upto);
        if (indexed)
            indexed = transaction.commit();
        if (!indexed) {
            m_order = before; // rolled back with the chunk
            return indexed;
        }
        complete = complete || next == upto;
        after = next;
        if (progress && !progress(after, upto))
            return false;
    } while (after < upto);
    return overtaken ? sync(progress) : Result<bool>(true);
}

// The last audit_records rowid the index has read, 0 before the first chunk.
Result<qint64> SqliteBackend::indexedUpTo() const
{
    QSqlQuery query(database());
    if (!query.exec(u"SELECT value FROM review_meta WHERE key = 'last_rowid'"_s))
        return Error{u"cannot read the review index position: "_s + errorOf(query)};
    return query.next() ? query.value(0).toLongLong() : 0;
}

// Indexes the records with \a after < rowid <= \a upto, inside the caller's transaction.
Result<bool> SqliteBackend::indexRange(qint64 after, qint64 upto)
{
    QSqlQuery query(database());
    if (!query.exec(u"SELECT (SELECT ifnull(max(id), 0) FROM review_overrides),"
                    " (SELECT ifnull(max(id), 0) FROM review_dispositions)"_s)
        || !query.next()) {
        return Error{u"cannot read the review index: "_s + errorOf(query)};
    }
    const qint64 lastOverride = query.value(0).toLongLong();
    const qint64 lastDisposition = query.value(1).toLongLong();

    query.prepare(insertOverridesSql());
    query.bindValue(u":high"_s, kHighRiskScore);
    query.bindValue(u":medium"_s, kMediumRiskScore);
    query.bindValue(u":after"_s, after);
    query.bindValue(u":upto"_s, upto);
    query.bindValue(u":time_bound"_s, m_order.newest);
    if (auto done = exec(query, u"index the overrides"_s); !done)
        return done;
    query.prepare(kLatenessSql);
    query.bindValue(u":from"_s, lastOverride);
    if (auto done = exec(query, u"measure the time order"_s); !done)
        return done;
    // Rounded up a millisecond: julianday's floating point must not make the bound too tight.
    const double lateness = query.next() ? query.value(0).toDouble() : 0.0;
    if (lateness > 0.0)
        m_order.latenessMs = std::max(m_order.latenessMs, qint64(std::ceil(lateness)) + 1);
    if (!query.exec(u"SELECT time_bound FROM review_overrides ORDER BY id DESC LIMIT 1"_s))
        return Error{u"cannot read the review index: "_s + errorOf(query)};
    if (query.next())
        m_order.newest = query.value(0).toString();
    query.prepare(kInsertPoliciesSql);
    query.bindValue(u":after"_s, lastOverride);
    if (auto done = exec(query, u"index the policies"_s); !done)
        return done;
    query.prepare(kInsertCuesSql);
    query.bindValue(u":after"_s, after);
    query.bindValue(u":upto"_s, upto);
    if (auto done = exec(query, u"index the cues"_s); !done)
        return done;
    query.prepare(kInsertTextSql);
    query.bindValue(u":after"_s, after);
    query.bindValue(u":upto"_s, upto);
    if (auto done = exec(query, u"index the reasons and evidence"_s); !done)
        return done;

    // Dispositions are few: read them as records, as FactCollector does, so the names are
    // forgiven the same way (dispositionFromName).
    QList<QVariantList> dispositions;
    query.prepare(u"SELECT CAST(body AS BLOB), hash FROM audit_records"
                  " WHERE rowid > ? AND rowid <= ? AND kind = 'disposition' ORDER BY rowid"_s);
    query.addBindValue(after);
    query.addBindValue(upto);
    if (auto done = exec(query, u"read the dispositions"_s); !done)
        return done;
    qint64 unusable = 0;
    while (query.next()) {
        auto record = audit::AuditRecord::fromStored(query.value(0).toByteArray(),
                                                     query.value(1).toByteArray());
        if (!record) {
            ++unusable;
            continue;
        }
        const QJsonObject &payload = record.value().payload;
        const qint64 overrideSeq = payload.value(u"override_seq"_s).toInteger(0);
        std::optional<Disposition> disposition;
        for (const QString &member : {u"disposition"_s, u"status"_s, u"decision"_s}) {
            if (!disposition)
                disposition = dispositionFromName(payload.value(member).toString());
        }
        if (overrideSeq < 1 || !disposition) {
            ++unusable;
            continue;
        }
        // A supervisor writes to their own chain and names the override's.
        QString chain = payload.value(u"override_chain_id"_s).toString();
        if (chain.isEmpty())
            chain = payload.value(u"override_chain"_s).toString();
        if (chain.isEmpty())
            chain = record.value().chainId;
        dispositions.append({record.value().chainId, record.value().seq,
                             audit::formatTime(record.value().time), chain, overrideSeq,
                             int(*disposition) + 1});
    }
    if (unusable > 0) {
        log::get("review")->warn("review index: {} disposition record(s) name no override or no "
                                 "known disposition",
                                 unusable);
    }
    query.prepare(u"INSERT INTO review_dispositions (chain_id, seq, time, override_chain_id,"
                  " override_seq, status) VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (const QVariantList &values : std::as_const(dispositions)) {
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (auto done = exec(query, u"index a disposition"_s); !done)
            return done;
    }
    query.prepare(kUpdateStatusSql);
    query.bindValue(u":disposition"_s, lastDisposition);
    query.bindValue(u":override"_s, lastOverride);
    if (auto done = exec(query, u"update the dispositions"_s); !done)
        return done;
    return true;
}

// Saves how far the index has read, its time order and whether it is complete.
Result<bool> SqliteBackend::saveMeta(qint64 upto, bool complete)
{
    QSqlQuery query(database());
    query.prepare(u"SELECT chain_id || '#' || seq FROM audit_records WHERE rowid = ?"_s);
    query.addBindValue(upto);
    if (auto done = exec(query, u"read the review index position"_s); !done)
        return done;
    const QString lastRow = query.next() ? query.value(0).toString() : QString();
    const QList<std::pair<QString, QString>> values
        = {{u"last_rowid"_s, QString::number(upto)},
           {u"last_row"_s, lastRow},
           {u"newest"_s, m_order.newest},
           {u"lateness_ms"_s, QString::number(m_order.latenessMs)},
           {u"complete"_s, complete ? u"1"_s : u"0"_s}};
    query.prepare(u"INSERT INTO review_meta (key, value) VALUES (?, ?)"
                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    for (const auto &[key, value] : std::as_const(values)) {
        query.addBindValue(key);
        query.addBindValue(value);
        if (auto done = exec(query, u"save the review index position"_s); !done)
            return done;
    }
    return true;
}

// Whether the text query \a match has at most kFewTextMatches matches; counting stops there.
Result<bool> SqliteBackend::hasFewTextMatches(const QString &match) const
{
    QSqlQuery query(database());
    query.prepare(u"SELECT count(*) FROM (SELECT rowid FROM review_override_text"
                  " WHERE review_override_text MATCH ? LIMIT ?)"_s);
    query.addBindValue(match);
    query.addBindValue(kFewTextMatches + 1);
    if (!query.exec() || !query.next())
        return Error{u"cannot search the reasons and evidence: "_s + errorOf(query)};
    return query.value(0).toLongLong() <= kFewTextMatches;
}

// The backend over \a store, with the page cache the index build needs.
Result<std::unique_ptr<SqliteBackend>> openSqlite(std::unique_ptr<audit::AuditStore> store)
{
    // The default 2 MB page cache makes building the index over a million records thrash; the
    // setting is this connection's own.
    QSqlDatabase db = store->database();
    if (auto done = execAll(db, {u"PRAGMA cache_size = -65536"_s}); !done)
        return Error{done.error()};
    return std::make_unique<SqliteBackend>(std::move(store));
}

} // namespace

/*!
 * The review index of the SQLite log in \a store: built or completed on each sync(). The first
 * sync of a large log indexes every record once (see bench_review; prepareSqliteIndex does it
 * off the GUI thread); later ones index only what was appended since.
 */
Result<std::unique_ptr<OverrideBackend>> openSqliteBackend(std::unique_ptr<audit::AuditStore> store)
{
    auto backend = openSqlite(std::move(store));
    if (!backend)
        return Error{backend.error()};
    return std::unique_ptr<OverrideBackend>(std::move(backend).value());
}

Result<bool> prepareSqliteIndex(std::unique_ptr<audit::AuditStore> store,
                                const IndexProgress &progress)
{
    auto backend = openSqlite(std::move(store));
    if (!backend)
        return Error{backend.error()};
    return backend.value()->sync(progress);
}

} // namespace rg::review::Internal
