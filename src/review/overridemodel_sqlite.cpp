// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/overridemodel_backend.h"

#include "log/log.h"
#include "sql/transaction.h"

#include <QHash>
#include <QJsonObject>

namespace rg::review::Internal {

using namespace Qt::StringLiterals;

namespace {

// Bumped whenever the review tables or what goes into them change: the index is derived, so a
// different version is dropped and rebuilt from the records.
constexpr int kIndexVersion = 2;

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
// none, else 1 + the Disposition.
const QStringList kCreateTables = {
    u"CREATE TABLE review_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
    u"CREATE TABLE review_overrides (id INTEGER PRIMARY KEY, chain_id TEXT NOT NULL,"
    " seq INTEGER NOT NULL, time TEXT NOT NULL, agent TEXT, team TEXT, case_id TEXT,"
    " action TEXT, amount REAL, amount_key REAL NOT NULL, policies TEXT, risk_score REAL,"
    " risk_level TEXT, risk_key REAL NOT NULL, reason_category TEXT,"
    " status INTEGER NOT NULL DEFAULT 0, UNIQUE (chain_id, seq))"_s,
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
  amount, amount_key, policies, risk_score, risk_level, risk_key, reason_category)
SELECT chain_id, seq, time, agent, team, case_id, action, amount, ifnull(amount, -1), policies,
  score, level, coalesce(score, CASE level WHEN 'high' THEN :high WHEN 'medium' THEN :medium
  WHEN 'low' THEN 0 END, -1), reason_category
FROM (SELECT chain_id, seq, time, agent, team, case_id, action, amount, policies, score,
  CASE WHEN raw_level IN ('low', 'medium', 'high') THEN raw_level
    WHEN score >= :high THEN 'high' WHEN score >= :medium THEN 'medium'
    WHEN score IS NOT NULL THEN 'low' END AS level, reason_category
  FROM (SELECT chain_id, seq, recorded_at AS time,
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
    ORDER BY rowid)))"_s;
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

/*
 * A SQLite audit log: a derived review index (review_* tables) beside the records, brought up
 * to date on each sync(); the records table is only ever read.
 */
class SqliteBackend final : public OverrideBackend
{
public:
    using OverrideBackend::OverrideBackend;

    Result<bool> sync() override;
    const Columns &columns() const override;
    Result<QList<SqlCondition>> conditions(const OverrideFilter &filter) const override;
    QString pageSql(const PageQuery &page) const override;

private:
    Result<bool> indexRange(qint64 after, qint64 upto);
    Result<bool> saveMeta(qint64 upto, bool complete);
    Result<bool> hasFewTextMatches(const QString &match) const;
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
    // Each word must occur; quoted, each is one token and FTS5 operators are plain text.
    QStringList terms;
    for (const QString &word : searchWords(filter.text))
        terms.append(u'"' + word + u'"');
    if (!terms.isEmpty()) {
        const QString match = terms.join(u' ');
        auto few = hasFewTextMatches(match);
        if (!few)
            return Error{few.error()};
        // Few matches: start from them and sort them. Many: walk the order's index and test each
        // row against the matches (the unary plus keeps SQLite from starting from them), which
        // stops after a page instead of sorting half the log.
        conditions.append({(few.value() ? u"o.id"_s : u"+o.id"_s)
                               + u" IN (SELECT rowid FROM review_override_text"
                                 " WHERE review_override_text MATCH ?)"_s,
                           {match}});
    }
    return conditions;
}

QString SqliteBackend::pageSql(const PageQuery &page) const
{
    QString sql = u"SELECT o.id, o.chain_id, o.seq, o.time, o.agent, o.team, o.case_id, o.action,"
                  " o.amount, o.policies, o.risk_score, o.risk_level, o.reason_category,"
                  " o.status, %1 FROM review_overrides o"_s.arg(page.sortKey);
    if (!page.where.isEmpty())
        sql += u" WHERE "_s + page.where;
    return sql + orderBy(page.sortKey, columns().id, page.descending) + u" LIMIT ?"_s;
}

/*!
 * Brings the review index up to the records' newest row. audit_records' rowids only grow (rows
 * are never deleted and SQLite serialises writers), so the index keeps the last rowid it read
 * and reads only past it. VACUUM may renumber rowids: the row at the saved rowid must still be
 * the saved chain and seq, otherwise the index is rebuilt. The work goes in transactions of
 * kSyncChunk rowids, so a writer on the same file (an agent's sidebar) never waits long for the
 * lock; a build cut short leaves no version and starts again.
 */
Result<bool> SqliteBackend::sync()
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
    if (rebuild) {
        sql::Transaction transaction(db);
        if (auto begun = transaction.begin(); !begun)
            return begun;
        if (auto done = execAll(db, kDropIndex + kCreateTables); !done)
            return done;
        if (auto committed = transaction.commit(); !committed)
            return committed;
        after = 0;
    }
    if (!query.exec(u"SELECT ifnull(max(rowid), 0) FROM audit_records"_s) || !query.next())
        return Error{u"cannot read the audit records: "_s + errorOf(query)};
    const qint64 upto = query.value(0).toLongLong();
    query.finish();
    do {
        const qint64 next = std::min(after + kSyncChunk, upto);
        if (next == after && !rebuild)
            break;
        sql::Transaction transaction(db);
        if (auto begun = transaction.begin(); !begun)
            return begun;
        if (auto done = indexRange(after, next); !done)
            return done;
        if (rebuild && next == upto) {
            if (auto done = execAll(db, kCreateIndexes); !done)
                return done;
        }
        if (auto done = saveMeta(next, rebuild && next == upto); !done)
            return done;
        if (auto committed = transaction.commit(); !committed)
            return committed;
        after = next;
    } while (after < upto);
    return true;
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
    if (auto done = exec(query, u"index the overrides"_s); !done)
        return done;
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

// Saves how far the index has read and, once the index is complete, its version.
Result<bool> SqliteBackend::saveMeta(qint64 upto, bool complete)
{
    QSqlQuery query(database());
    query.prepare(u"SELECT chain_id || '#' || seq FROM audit_records WHERE rowid = ?"_s);
    query.addBindValue(upto);
    if (auto done = exec(query, u"read the review index position"_s); !done)
        return done;
    const QString lastRow = query.next() ? query.value(0).toString() : QString();
    QList<std::pair<QString, QString>> values
        = {{u"last_rowid"_s, QString::number(upto)}, {u"last_row"_s, lastRow}};
    if (complete)
        values.append({u"version"_s, QString::number(kIndexVersion)});
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

} // namespace

/*!
 * The review index of the SQLite log in \a store: built or completed on each sync(). The first
 * sync of a large log indexes every record once (25 s for a million on the 2-core build
 * machine, bench_review); later ones index only what was appended since.
 */
Result<std::unique_ptr<OverrideBackend>> openSqliteBackend(std::unique_ptr<audit::AuditStore> store)
{
    // The default 2 MB page cache makes building the index over a million records thrash; the
    // setting is this connection's own.
    QSqlDatabase db = store->database();
    if (auto done = execAll(db, {u"PRAGMA cache_size = -65536"_s}); !done)
        return Error{done.error()};
    return std::unique_ptr<OverrideBackend>(std::make_unique<SqliteBackend>(std::move(store)));
}

} // namespace rg::review::Internal
