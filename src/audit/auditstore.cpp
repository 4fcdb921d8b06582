// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/auditstore.h"

#include "audit/canonicaljson.h"
#include "log/log.h"
#include "sql/schema.h"
#include "sql/transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

namespace rg::audit {

using namespace Qt::StringLiterals;

namespace {

std::atomic<quint64> g_nextConnection{1};

constexpr int kBusyTimeoutMs = 10000;
// Serialises schema upgrades between installations that open a shared server at once.
constexpr qint64 kMigrationLockId = 7262004;

// Each step brings the schema from version (index) to version (index + 1).
const QList<QStringList> kSqliteMigrations = {
    {
        u"CREATE TABLE audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE audit_records (chain_id TEXT NOT NULL, seq INTEGER NOT NULL CHECK (seq > 0),"
        " body TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (chain_id, seq))"_s,
        u"CREATE TABLE audit_checkpoints (chain_id TEXT NOT NULL, seq INTEGER NOT NULL,"
        " body TEXT NOT NULL, PRIMARY KEY (chain_id, seq))"_s,
        u"CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records"
        " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"_s,
        u"CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records"
        " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"_s,
        u"CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints"
        " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"_s,
        u"CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints"
        " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"_s,
    },
    // Kind and time for queries and exports, derived from the hashed body so they cannot drift.
    {
        u"ALTER TABLE audit_records ADD COLUMN kind TEXT"
        " GENERATED ALWAYS AS (json_extract(body, '$.kind')) VIRTUAL"_s,
        u"ALTER TABLE audit_records ADD COLUMN recorded_at TEXT"
        " GENERATED ALWAYS AS (json_extract(body, '$.time')) VIRTUAL"_s,
        u"CREATE INDEX audit_records_recorded_at ON audit_records (recorded_at)"_s,
    },
    // Chain owners: only a shared server has more than one writer to tell apart.
    {},
    // The supervisor's override columns: SQLite keeps them in a review index that OverrideModel
    // derives inside the file itself.
    {},
};

const QList<QStringList> kPostgresMigrations = {
    {
        u"CREATE TABLE audit_meta (key text PRIMARY KEY, value text NOT NULL)"_s,
        u"CREATE TABLE audit_records (chain_id text NOT NULL, seq bigint NOT NULL CHECK (seq > 0),"
        " body text NOT NULL, hash text NOT NULL, PRIMARY KEY (chain_id, seq))"_s,
        u"CREATE TABLE audit_checkpoints (chain_id text NOT NULL, seq bigint NOT NULL,"
        " body text NOT NULL, PRIMARY KEY (chain_id, seq))"_s,
        u"CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS"
        " $$BEGIN RAISE EXCEPTION 'the audit log is append-only: % on % refused',"
        " TG_OP, TG_TABLE_NAME; END$$"_s,
        u"CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records"
        " FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()"_s,
        u"CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records"
        " FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()"_s,
        u"CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE"
        " ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()"_s,
        u"CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints"
        " FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()"_s,
        // Agents may not read the log, yet must learn where their own chain ends.
        u"CREATE FUNCTION audit_chain_head(p_chain text) RETURNS TABLE (seq bigint, hash text)"
        " LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS"
        " $$SELECT r.seq, r.hash FROM audit_records r WHERE r.chain_id = p_chain"
        " ORDER BY r.seq DESC LIMIT 1$$"_s,
        u"REVOKE ALL ON FUNCTION audit_chain_head(text) FROM PUBLIC"_s,
    },
    {
        u"ALTER TABLE audit_records ADD COLUMN kind text"
        " GENERATED ALWAYS AS ((body::jsonb) ->> 'kind') STORED"_s,
        u"ALTER TABLE audit_records ADD COLUMN recorded_at text"
        " GENERATED ALWAYS AS ((body::jsonb) ->> 'time') STORED"_s,
        u"CREATE INDEX audit_records_recorded_at ON audit_records (recorded_at)"_s,
    },
    // Each chain belongs to the database user who wrote its first record, so an insider cannot
    // append to (or checkpoint) a colleague's chain; roles.sql's policies ask these functions.
    {
        u"CREATE TABLE audit_chain_owners (chain_id text PRIMARY KEY, owner name NOT NULL)"_s,
        u"CREATE FUNCTION audit_owns_chain(p_chain text) RETURNS boolean LANGUAGE sql STABLE"
        " SECURITY DEFINER SET search_path FROM CURRENT AS"
        " $$SELECT EXISTS (SELECT 1 FROM audit_chain_owners"
        " WHERE chain_id = p_chain AND owner = session_user)$$"_s,
        u"CREATE FUNCTION audit_claim_chain(p_chain text) RETURNS boolean LANGUAGE sql"
        " SECURITY DEFINER SET search_path FROM CURRENT AS"
        " $$INSERT INTO audit_chain_owners (chain_id, owner) VALUES (p_chain, session_user)"
        " ON CONFLICT (chain_id) DO NOTHING;"
        " SELECT EXISTS (SELECT 1 FROM audit_chain_owners"
        " WHERE chain_id = p_chain AND owner = session_user)$$"_s,
        u"REVOKE ALL ON FUNCTION audit_owns_chain(text) FROM PUBLIC"_s,
        u"REVOKE ALL ON FUNCTION audit_claim_chain(text) FROM PUBLIC"_s,
    },
    /*
     * The supervisor's override table (review/overridemodel_postgres.cpp): its logins may only
     * read, so the columns it filters, sorts and searches on are derived here, STORED from the
     * hashed body (they cannot drift from it), with the indexes its pages walk. They read the
     * same members as review/overridefacts.cpp for both payload shapes (the sidebar's action
     * and risk objects, the minimal `audit append` line's flat amount, bare risk score and
     * policy string); the risk thresholds (review::kHighRiskScore, kMediumRiskScore) and the
     * disposition spellings are those of this schema version: changing them needs a new step.
     * row_id numbers the records as they arrive, like SQLite's rowid: the pages' tie-breaker.
     * Each column parses the body once and hands it to a PL/pgSQL function, which checks the
     * kind itself: SQL functions were 15 times slower here (not inlined, or inlined with the
     * body parsed at every mention). None of them may raise an error, or an append whose body
     * it cannot read would fail; those that call another set their search_path, which a
     * restore (pg_dump empties it) would otherwise lose.
     */
    {
        uR"(CREATE FUNCTION audit_json_number(v jsonb) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  n numeric;
BEGIN
  IF jsonb_typeof(v) = 'number' THEN
    n := v::numeric;
  -- A number a tool wrote as text ("120.50").
  ELSIF jsonb_typeof(v) = 'string' AND length(v #>> '{}') <= 100
      AND btrim(v #>> '{}') ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$' THEN
    n := btrim(v #>> '{}')::numeric;
  END IF;
  -- Beyond double precision's range the conversion would raise.
  IF n = 0 OR abs(n) BETWEEN 1e-300 AND 1e300 THEN
    RETURN n::double precision;
  END IF;
  RETURN NULL;
END$$)"_s,
        uR"(CREATE FUNCTION audit_override_field(b jsonb, path text[]) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF b ->> 'kind' = 'override' THEN
    RETURN b #>> path;
  END IF;
  RETURN NULL;
END$$)"_s,
        uR"(CREATE FUNCTION audit_override_amount(b jsonb) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
BEGIN
  IF b ->> 'kind' = 'override' THEN
    RETURN coalesce(audit_json_number(b #> '{payload,amount}'),
                    audit_json_number(b #> '{payload,action,amount}'));
  END IF;
  RETURN NULL;
END$$)"_s,
        uR"(CREATE FUNCTION audit_override_risk_score(b jsonb) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
BEGIN
  IF b ->> 'kind' = 'override' THEN
    RETURN coalesce(audit_json_number(b #> '{payload,risk,score}'),
                    audit_json_number(b #> '{payload,risk}'));
  END IF;
  RETURN NULL;
END$$)"_s,
        uR"(CREATE FUNCTION audit_override_risk_level(b jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
DECLARE
  level text := lower(b #>> '{payload,risk,level}');
  score double precision := audit_override_risk_score(b);
BEGIN
  IF b ->> 'kind' IS DISTINCT FROM 'override' THEN
    RETURN NULL;
  ELSIF level IN ('low', 'medium', 'high') THEN
    RETURN level;
  ELSIF score >= 0.6 THEN
    RETURN 'high';
  ELSIF score >= 0.3 THEN
    RETURN 'medium';
  ELSIF score IS NOT NULL THEN
    RETURN 'low';
  END IF;
  RETURN NULL;
END$$)"_s,
        // What the risk column sorts by: the score, else the level's threshold; never NULL, so
        // pages can compare it (a row without risk sorts lowest).
        uR"(CREATE FUNCTION audit_override_risk_key(b jsonb) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
BEGIN
  IF b ->> 'kind' = 'override' THEN
    RETURN coalesce(audit_override_risk_score(b), CASE audit_override_risk_level(b)
      WHEN 'high' THEN 0.6 WHEN 'medium' THEN 0.3 WHEN 'low' THEN 0 END, -1);
  END IF;
  RETURN NULL;
END$$)"_s,
        // Policy ids: a string, or an array of strings or of objects with an id.
        uR"(CREATE FUNCTION audit_override_policies(b jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  p jsonb := b #> '{payload,policies}';
BEGIN
  IF b ->> 'kind' IS DISTINCT FROM 'override' THEN
    RETURN NULL;
  ELSIF jsonb_typeof(p) = 'string' THEN
    RETURN jsonb_build_array(p);
  ELSIF jsonb_typeof(p) = 'array' THEN
    RETURN jsonb_path_query_array(p, 'strict $[*] ? (@.type() == "string")')
      || jsonb_path_query_array(p,
           'strict $[*] ? (@.type() == "object" && @.id.type() == "string").id');
  END IF;
  RETURN NULL;
END$$)"_s,
        // The cue ids of the evidence entries ({"turn", "cue", "quote", "message"}).
        uR"(CREATE FUNCTION audit_override_cues(b jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  e jsonb := b #> '{payload,evidence}';
BEGIN
  IF b ->> 'kind' = 'override' AND jsonb_typeof(e) = 'array' THEN
    RETURN jsonb_path_query_array(e,
      'strict $[*] ? (@.type() == "object" && @.cue.type() == "string").cue');
  END IF;
  RETURN NULL;
END$$)"_s,
        // The reason and every quote, text and message of the evidence, split into words at
        // punctuation as SQLite's unicode61 tokenizer splits them ("box-arrived", "120.50").
        uR"(CREATE FUNCTION audit_override_text(b jsonb) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  v jsonb := b #> '{payload,evidence}';
BEGIN
  IF b ->> 'kind' IS DISTINCT FROM 'override' THEN
    RETURN NULL;
  END IF;
  RETURN to_tsvector('simple', regexp_replace(concat_ws(' ', b #>> '{payload,reason}', (
    SELECT string_agg(CASE jsonb_typeof(e) WHEN 'object'
        THEN concat_ws(' ', e ->> 'quote', e ->> 'text', e ->> 'message')
        WHEN 'string' THEN e #>> '{}' WHEN 'null' THEN NULL ELSE e::text END, ' ')
    FROM (SELECT value FROM jsonb_array_elements(CASE jsonb_typeof(v) WHEN 'array' THEN v END)
          UNION ALL SELECT value FROM jsonb_each(CASE jsonb_typeof(v) WHEN 'object' THEN v END)
          UNION ALL SELECT v WHERE jsonb_typeof(v) NOT IN ('array', 'object', 'null')) x (e))),
    '[[:punct:]]+', ' ', 'g'));
END$$)"_s,
        // The disposition a usable disposition record names (one with an override_seq),
        // forgiving case and separators as review::dispositionFromName does: the first of
        // disposition, status and decision that is one.
        uR"(CREATE FUNCTION audit_disposition_name(b jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  seq jsonb := b #> '{payload,override_seq}';
  member text;
  name text;
BEGIN
  IF b ->> 'kind' IS DISTINCT FROM 'disposition' OR jsonb_typeof(seq) IS DISTINCT FROM 'number'
      OR seq::numeric < 1 OR seq::numeric >= 9e18 OR seq::numeric <> trunc(seq::numeric) THEN
    RETURN NULL;
  END IF;
  FOREACH member IN ARRAY ARRAY['disposition', 'status', 'decision'] LOOP
    IF jsonb_typeof(b -> 'payload' -> member) = 'string' THEN
      name := translate(lower(btrim(b -> 'payload' ->> member, E' \t\n\r\f\v')), ' -', '__');
      IF name IN ('justified', 'coaching_needed', 'suspected_collusion', 'confirmed_fraud') THEN
        RETURN name;
      END IF;
    END IF;
  END LOOP;
  RETURN NULL;
END$$)"_s,
        uR"(CREATE FUNCTION audit_disposition_seq(b jsonb) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  seq jsonb := b #> '{payload,override_seq}';
BEGIN
  IF b ->> 'kind' = 'disposition' AND jsonb_typeof(seq) = 'number' AND seq::numeric >= 1
      AND seq::numeric < 9e18 AND seq::numeric = trunc(seq::numeric) THEN
    RETURN seq::numeric::bigint;
  END IF;
  RETURN NULL;
END$$)"_s,
        // A supervisor writes to their own chain and names the override's; without a chain
        // the override is in the disposition's chain.
        uR"(CREATE FUNCTION audit_disposition_chain(b jsonb, chain_id text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  member text;
BEGIN
  IF b ->> 'kind' IS DISTINCT FROM 'disposition' THEN
    RETURN NULL;
  END IF;
  FOREACH member IN ARRAY ARRAY['override_chain_id', 'override_chain'] LOOP
    IF jsonb_typeof(b -> 'payload' -> member) = 'string'
        AND btrim(b -> 'payload' ->> member) <> '' THEN
      RETURN btrim(b -> 'payload' ->> member);
    END IF;
  END LOOP;
  RETURN chain_id;
END$$)"_s,
        // One table rewrite for all of them.
        uR"(ALTER TABLE audit_records
  ADD COLUMN row_id bigint GENERATED ALWAYS AS IDENTITY,
  ADD COLUMN review_agent text
    GENERATED ALWAYS AS (audit_override_field(body::jsonb, '{actor,id}')) STORED,
  ADD COLUMN review_team text
    GENERATED ALWAYS AS (audit_override_field(body::jsonb, '{actor,team}')) STORED,
  ADD COLUMN review_amount double precision
    GENERATED ALWAYS AS (audit_override_amount(body::jsonb)) STORED,
  ADD COLUMN review_amount_key double precision
    GENERATED ALWAYS AS (coalesce(audit_override_amount(body::jsonb),
      CASE WHEN (body::jsonb) ->> 'kind' = 'override' THEN -1 END)) STORED,
  ADD COLUMN review_risk_score double precision
    GENERATED ALWAYS AS (audit_override_risk_score(body::jsonb)) STORED,
  ADD COLUMN review_risk_level text
    GENERATED ALWAYS AS (audit_override_risk_level(body::jsonb)) STORED,
  ADD COLUMN review_risk_key double precision
    GENERATED ALWAYS AS (audit_override_risk_key(body::jsonb)) STORED,
  ADD COLUMN review_policies jsonb
    GENERATED ALWAYS AS (audit_override_policies(body::jsonb)) STORED,
  ADD COLUMN review_cues jsonb GENERATED ALWAYS AS (audit_override_cues(body::jsonb)) STORED,
  ADD COLUMN review_text tsvector
    GENERATED ALWAYS AS (audit_override_text(body::jsonb)) STORED,
  ADD COLUMN review_disposition text
    GENERATED ALWAYS AS (audit_disposition_name(body::jsonb)) STORED,
  ADD COLUMN review_override_chain text
    GENERATED ALWAYS AS (audit_disposition_chain(body::jsonb, chain_id)) STORED,
  ADD COLUMN review_override_seq bigint
    GENERATED ALWAYS AS (audit_disposition_seq(body::jsonb)) STORED)"_s,
        // Times compare as SQLite compares them, byte by byte, whatever the database's collation.
        u"CREATE INDEX audit_overrides_time ON audit_records (recorded_at COLLATE \"C\", row_id)"
        " WHERE kind = 'override'"_s,
        u"CREATE INDEX audit_overrides_agent ON audit_records"
        " (review_agent, recorded_at COLLATE \"C\", row_id) WHERE kind = 'override'"_s,
        u"CREATE INDEX audit_overrides_team ON audit_records"
        " (review_team, recorded_at COLLATE \"C\", row_id) WHERE kind = 'override'"_s,
        u"CREATE INDEX audit_overrides_risk_level ON audit_records"
        " (review_risk_level, recorded_at COLLATE \"C\", row_id) WHERE kind = 'override'"_s,
        u"CREATE INDEX audit_overrides_amount ON audit_records (review_amount_key, row_id)"
        " WHERE kind = 'override'"_s,
        u"CREATE INDEX audit_overrides_risk ON audit_records (review_risk_key, row_id)"
        " WHERE kind = 'override'"_s,
        u"CREATE INDEX audit_overrides_policies ON audit_records"
        " USING gin (review_policies jsonb_path_ops) WHERE kind = 'override'"_s,
        u"CREATE INDEX audit_overrides_cues ON audit_records"
        " USING gin (review_cues jsonb_path_ops) WHERE kind = 'override'"_s,
        u"CREATE INDEX audit_overrides_text ON audit_records USING gin (review_text)"
        " WHERE kind = 'override'"_s,
        u"CREATE INDEX audit_dispositions_override ON audit_records (review_override_chain,"
        " review_override_seq, recorded_at COLLATE \"C\", row_id)"
        " WHERE review_disposition IS NOT NULL"_s,
    },
};

QString errorOf(const QSqlQuery &query)
{
    return query.lastError().text().trimmed();
}

} // namespace

AuditStore::AuditStore(DatabaseUrl url, QString connectionName, const QSqlDatabase &db)
    : m_url(std::move(url))
    , m_connectionName(std::move(connectionName))
    , m_db(db)
{}

AuditStore::~AuditStore()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

/*!
 * Opens \a url and migrates its schema. A database written by a newer build is refused rather
 * than guessed at. SQLite runs in WAL mode with synchronous=FULL: an acknowledged record
 * survives a crash or power cut.
 */
Result<std::unique_ptr<AuditStore>> AuditStore::open(const DatabaseUrl &url)
{
    const QString name = u"rg.audit.%1"_s.arg(g_nextConnection.fetch_add(1));
    auto db = url.open(name);
    if (!db) {
        QSqlDatabase::removeDatabase(name);
        return Error{db.error()};
    }
    std::unique_ptr<AuditStore> store(new AuditStore(url, name, std::move(db).value()));
    if (!url.isPostgres()) {
        for (const QString &pragma :
             {u"PRAGMA busy_timeout = %1"_s.arg(kBusyTimeoutMs), u"PRAGMA journal_mode = WAL"_s,
              u"PRAGMA synchronous = FULL"_s}) {
            if (auto done = store->exec(pragma); !done)
                return Error{url.display() + u": "_s + done.error()};
        }
        // SQLite answers with the mode it could set; a file system without shared memory
        // (some network mounts) stays in rollback mode, where readers block the writer.
        QSqlQuery mode(store->m_db);
        if (url.path != u":memory:"_s
            && (!mode.exec(u"PRAGMA journal_mode"_s) || !mode.next()
                || mode.value(0).toString() != u"wal"_s)) {
            return Error{url.display() + u": cannot use write-ahead logging here (journal mode "_s
                         + mode.value(0).toString() + u"); keep the audit log on a local disk"_s};
        }
    }
    if (auto migrated = store->migrate(); !migrated)
        return Error{url.display() + u": "_s + migrated.error()};
    return store;
}

QSqlDatabase AuditStore::database() const
{
    return m_db;
}

Result<bool> AuditStore::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return Error{sql.section(u' ', 0, 3) + u" ...: "_s + errorOf(query)};
    return true;
}

static const sql::SchemaPlan &schemaPlan()
{
    static const sql::SchemaPlan plan{
        u"audit"_s,
        u"audit_meta"_s,
        kMigrationLockId,
        AuditStore::kSchemaVersion,
        kSqliteMigrations,
        kPostgresMigrations,
        // On a shared server only the owner may change the schema: say how.
        u"the database owner must run `refundguard-cli audit init --db URL` once"_s};
    return plan;
}

Result<int> AuditStore::schemaVersion()
{
    return sql::schemaVersion(m_db, m_url.isPostgres(), schemaPlan());
}

Result<bool> AuditStore::migrate()
{
    const auto before = sql::migrateSchema(m_db, m_url.isPostgres(), schemaPlan());
    if (!before)
        return Error{before.error()};
    if (before.value() != kSchemaVersion) {
        rg::log::get("audit")->info("audit store {}: schema {} -> {}", m_url.display().toStdString(),
                                    before.value(), kSchemaVersion);
    }
    return true;
}

Result<AuditStore::Head> AuditStore::head(const QString &chainId)
{
    QSqlQuery query(m_db);
    query.prepare(m_url.isPostgres()
                      ? u"SELECT seq, hash FROM audit_chain_head(?)"_s
                      : u"SELECT seq, hash FROM audit_records WHERE chain_id = ?"
                        " ORDER BY seq DESC LIMIT 1"_s);
    query.addBindValue(chainId);
    if (!query.exec())
        return Error{u"cannot read the head of chain "_s + chainId + u": "_s + errorOf(query)};
    Head head;
    if (query.next()) {
        head.seq = query.value(0).toLongLong();
        head.hash = query.value(1).toString().toLatin1();
    }
    return head;
}

/*!
 * Appends \a draft to \a chainId as one transaction: read the head, seal, insert (with its
 * checkpoint, if any), commit.
 */
Result<AuditRecord> AuditStore::append(const QString &chainId, const RecordDraft &draft,
                                       const QDateTime &now, const CheckpointFor &checkpointFor)
{
    // Declared first so it is freed after the rollback: PostgreSQL refuses to deallocate a
    // statement inside an aborted transaction.
    QSqlQuery query(m_db);
    sql::Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return Error{begun.error()};
    if (m_url.isPostgres()) {
        // Writers of one chain queue on a lock named after it instead of racing for the seq;
        // the lock ends with the transaction. (On SQLite, BEGIN IMMEDIATE did the same.)
        query.prepare(u"SELECT pg_advisory_xact_lock(hashtextextended(?, 0))"_s);
        query.addBindValue(chainId);
        if (!query.exec())
            return Error{u"cannot lock chain "_s + chainId + u": "_s + errorOf(query)};
    }
    if (auto claimed = claimChain(chainId); !claimed)
        return Error{claimed.error()};
    auto current = head(chainId);
    if (!current)
        return Error{current.error()};
    auto record = sealRecord(draft, chainId, current.value().seq + 1, current.value().hash, now);
    if (!record)
        return Error{record.error()};
    auto body = record.value().body();
    if (!body)
        return Error{body.error()};
    query.prepare(u"INSERT INTO audit_records (chain_id, seq, body, hash) VALUES (?, ?, ?, ?)"_s);
    query.addBindValue(chainId);
    query.addBindValue(record.value().seq);
    query.addBindValue(QString::fromUtf8(body.value()));
    query.addBindValue(QString::fromLatin1(record.value().hash));
    if (!query.exec())
        return Error{u"cannot append to chain "_s + chainId + u": "_s + errorOf(query)};
    // In the same transaction: a crash cannot keep the record and lose its checkpoint.
    if (const auto checkpoint = checkpointFor ? checkpointFor(record.value()) : std::nullopt) {
        auto checkpointBody = canonicalJson(checkpoint->toJson());
        if (!checkpointBody)
            return Error{checkpointBody.error()};
        if (auto added = insertCheckpoint(chainId, checkpoint->seq, checkpointBody.value());
            !added) {
            return Error{added.error()};
        }
    }
    if (auto committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return record;
}

Result<bool> AuditStore::insert(const QList<StoredRecord> &records,
                                const QList<StoredCheckpoint> &checkpoints)
{
    QSqlQuery query(m_db); // freed after the rollback, see append()
    sql::Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    for (const StoredRecord &record : records) {
        if (auto claimed = claimChain(record.chainId); !claimed)
            return claimed;
    }
    query.prepare(u"INSERT INTO audit_records (chain_id, seq, body, hash) VALUES (?, ?, ?, ?)"_s);
    for (const StoredRecord &record : records) {
        query.addBindValue(record.chainId);
        query.addBindValue(record.seq);
        query.addBindValue(QString::fromUtf8(record.body));
        query.addBindValue(QString::fromLatin1(record.hash));
        if (!query.exec()) {
            return Error{u"cannot insert seq %1 of chain %2: %3"_s.arg(record.seq)
                             .arg(record.chainId, errorOf(query))};
        }
    }
    for (const StoredCheckpoint &checkpoint : checkpoints) {
        if (auto added = insertCheckpoint(checkpoint.chainId, checkpoint.seq, checkpoint.body);
            !added) {
            return added;
        }
    }
    return transaction.commit();
}

Result<bool> AuditStore::addCheckpoint(const Checkpoint &checkpoint)
{
    auto body = canonicalJson(checkpoint.toJson());
    if (!body)
        return Error{body.error()};
    return insertCheckpoint(checkpoint.chainId, checkpoint.seq, body.value());
}

Result<bool> AuditStore::insertCheckpoint(const QString &chainId, qint64 seq,
                                          const QByteArray &body)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO audit_checkpoints (chain_id, seq, body) VALUES (?, ?, ?)"
                  " ON CONFLICT DO NOTHING"_s);
    query.addBindValue(chainId);
    query.addBindValue(seq);
    query.addBindValue(QString::fromUtf8(body));
    if (!query.exec()) {
        return Error{u"cannot store the checkpoint at seq %1 of chain %2: %3"_s.arg(seq)
                         .arg(chainId, errorOf(query))};
    }
    return true;
}

namespace {

QString forwardedKey(const QString &chainId, AuditStore::Forwarded what)
{
    return (what == AuditStore::Forwarded::Records ? u"forwarded:"_s
                                                    : u"forwarded-checkpoints:"_s)
           + chainId;
}

} // namespace

Result<qint64> AuditStore::forwardedSeq(const QString &chainId, Forwarded what)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT value FROM audit_meta WHERE key = ?"_s);
    query.addBindValue(forwardedKey(chainId, what));
    if (!query.exec())
        return Error{u"cannot read the outbox position: "_s + errorOf(query)};
    return query.next() ? query.value(0).toLongLong() : 0;
}

Result<bool> AuditStore::setForwardedSeq(const QString &chainId, qint64 seq, Forwarded what)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO audit_meta (key, value) VALUES (?, ?)"
                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(forwardedKey(chainId, what));
    query.addBindValue(QString::number(seq));
    if (!query.exec())
        return Error{u"cannot record the outbox position: "_s + errorOf(query)};
    return true;
}

/*!
 * On PostgreSQL, makes \a chainId this database user's (if no one has it yet) and refuses a
 * chain that belongs to someone else. Asked once per chain and connection.
 */
Result<bool> AuditStore::claimChain(const QString &chainId)
{
    if (!m_url.isPostgres() || m_claimedChains.contains(chainId))
        return true;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT audit_claim_chain(?)"_s);
    query.addBindValue(chainId);
    if (!query.exec() || !query.next())
        return Error{u"cannot claim chain "_s + chainId + u": "_s + errorOf(query)};
    if (!query.value(0).toBool()) {
        return Error{u"chain "_s + chainId + u" belongs to another database user; each "
                     "installation writes only its own chain"_s};
    }
    m_claimedChains.insert(chainId);
    return true;
}

Result<qint64> AuditStore::lastCheckpointSeq(const QString &chainId)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT max(seq) FROM audit_checkpoints WHERE chain_id = ?"_s);
    query.addBindValue(chainId);
    if (!query.exec() || !query.next())
        return Error{u"cannot read the checkpoints: "_s + errorOf(query)};
    return query.value(0).toLongLong();
}

Result<QList<StoredRecord>> AuditStore::records(const QString &chainId, qint64 afterSeq, int limit)
{
    QList<StoredRecord> records;
    ScanRange range;
    range.chainId = chainId;
    range.afterSeq = afterSeq;
    auto scanned = scan(range, [&](const StoredRecord &record) {
        records.append(record);
        return records.size() < limit;
    });
    if (!scanned)
        return Error{scanned.error()};
    return records;
}

Result<bool> AuditStore::scan(const ScanRange &range,
                              const std::function<bool(const StoredRecord &)> &visit)
{
    QStringList where;
    QVariantList values;
    if (!range.chainId.isEmpty()) {
        where.append(u"chain_id = ?"_s);
        values.append(range.chainId);
    }
    if (range.afterSeq > 0) {
        where.append(u"seq > ?"_s);
        values.append(range.afterSeq);
    }
    if (range.from.isValid()) {
        where.append(u"recorded_at >= ?"_s);
        values.append(formatTime(range.from));
    }
    if (range.to.isValid()) {
        where.append(u"recorded_at < ?"_s);
        values.append(formatTime(range.to));
    }
    if (range.fromRow) {
        where.append(u"(chain_id, seq) >= (?, ?)"_s);
        values.append(range.fromRow->chainId);
        values.append(range.fromRow->seq);
    }
    if (range.untilRow) {
        where.append(u"(chain_id, seq) < (?, ?)"_s);
        values.append(range.untilRow->chainId);
        values.append(range.untilRow->seq);
    }
    // Bodies and hashes come back as bytes, as they were hashed: reading them as text would
    // convert each one to UTF-16 and back, which cost verify more than the hashing.
    QString sql = m_url.isPostgres()
                      ? u"SELECT chain_id, seq, convert_to(body, 'UTF8'), convert_to(hash, 'UTF8')"
                        " FROM audit_records"_s
                      : u"SELECT chain_id, seq, CAST(body AS BLOB), CAST(hash AS BLOB)"
                        " FROM audit_records"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += u" ORDER BY chain_id, seq"_s;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return Error{u"cannot read the audit records: "_s + errorOf(query)};
    StoredRecord record;
    while (query.next()) {
        record.chainId = query.value(0).toString();
        record.seq = query.value(1).toLongLong();
        record.body = query.value(2).toByteArray();
        record.hash = query.value(3).toByteArray();
        if (!visit(record))
            return true;
    }
    if (query.lastError().isValid())
        return Error{u"reading the audit records stopped: "_s + errorOf(query)};
    return true;
}

Result<QList<StoredCheckpoint>> AuditStore::checkpoints(const QString &chainId, qint64 afterSeq,
                                                      qint64 uptoSeq)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (chainId.isEmpty()) {
        query.prepare(u"SELECT chain_id, seq, body FROM audit_checkpoints ORDER BY chain_id, seq"_s);
    } else {
        query.prepare(u"SELECT chain_id, seq, body FROM audit_checkpoints"
                      " WHERE chain_id = ? AND seq > ? AND seq <= ? ORDER BY seq"_s);
        query.addBindValue(chainId);
        query.addBindValue(afterSeq);
        query.addBindValue(uptoSeq);
    }
    if (!query.exec())
        return Error{u"cannot read the checkpoints: "_s + errorOf(query)};
    QList<StoredCheckpoint> checkpoints;
    while (query.next()) {
        checkpoints.append({query.value(0).toString(), query.value(1).toLongLong(),
                            query.value(2).toString().toUtf8()});
    }
    return checkpoints;
}

Result<qint64> AuditStore::recordCount()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT count(*) FROM audit_records"_s) || !query.next())
        return Error{u"cannot count the audit records: "_s + errorOf(query)};
    return query.value(0).toLongLong();
}

Result<std::optional<AuditStore::RowKey>> AuditStore::rowAt(qint64 offset)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT chain_id, seq FROM audit_records ORDER BY chain_id, seq LIMIT 1 OFFSET ?"_s);
    query.addBindValue(offset);
    if (!query.exec())
        return Error{u"cannot read the audit records: "_s + errorOf(query)};
    if (!query.next())
        return std::optional<RowKey>();
    return std::optional<RowKey>(RowKey{query.value(0).toString(), query.value(1).toLongLong()});
}

} // namespace rg::audit
