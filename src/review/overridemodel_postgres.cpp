// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/overridemodel_backend.h"

namespace rg::review::Internal {

using namespace Qt::StringLiterals;

namespace {

// The spellings audit_disposition_name() stores, as an SQL array whose position is the status.
QString dispositionArray()
{
    QStringList names;
    for (Disposition disposition : {Disposition::Justified, Disposition::CoachingNeeded,
                                    Disposition::SuspectedCollusion, Disposition::ConfirmedFraud}) {
        names.append(u'\'' + dispositionName(disposition) + u'\'');
    }
    return u"ARRAY["_s + names.join(u", "_s) + u"]::text[]"_s;
}

/*
 * A shared PostgreSQL audit store: the override columns are generated columns of audit_records
 * (audit schema 4, src/audit/auditstore.cpp), so a supervisor's login, which may only read,
 * needs nothing of its own and sync() has nothing to do. An override's status is its newest
 * disposition, looked up along audit_dispositions_override for each row a page considers.
 */
class PostgresBackend final : public OverrideBackend
{
public:
    using OverrideBackend::OverrideBackend;

    Result<bool> sync() override { return true; }
    const Columns &columns() const override;
    Result<QList<SqlCondition>> conditions(const OverrideFilter &filter) const override;
    Result<SqlCondition> pageStatement(const PageQuery &page) const override;
};

const OverrideBackend::Columns &PostgresBackend::columns() const
{
    static const Columns columns{u"o.row_id"_s,
                                 u"o.recorded_at COLLATE \"C\""_s,
                                 u"o.review_agent"_s,
                                 u"o.review_team"_s,
                                 u"o.review_risk_level"_s,
                                 u"coalesce(s.status, 0)"_s,
                                 u"o.review_amount_key"_s,
                                 u"o.review_risk_key"_s};
    return columns;
}

// Containment, which the GIN indexes on the id arrays answer.
Result<QList<SqlCondition>> PostgresBackend::conditions(const OverrideFilter &filter) const
{
    QList<SqlCondition> conditions;
    if (!filter.policy.isEmpty())
        conditions.append({u"o.review_policies @> jsonb_build_array(?::text)"_s, {filter.policy}});
    if (!filter.cue.isEmpty())
        conditions.append({u"o.review_cues @> jsonb_build_array(?::text)"_s, {filter.cue}});
    return conditions;
}

/*
 * The page's overrides are found and ordered on the generated columns alone; only the page's
 * own rows then have their bodies parsed for the columns nothing filters on (case, action,
 * policies as written, reason category).
 */
Result<SqlCondition> PostgresBackend::pageStatement(const PageQuery &page) const
{
    static const QString status
        = u"LEFT JOIN LATERAL (SELECT array_position(%1, d.review_disposition) AS status"
          " FROM audit_records d WHERE d.review_disposition IS NOT NULL"
          " AND d.review_override_chain = o.chain_id AND d.review_override_seq = o.seq"
          " ORDER BY d.recorded_at COLLATE \"C\" DESC, d.row_id DESC LIMIT 1) s ON true"_s.arg(
              dispositionArray());
    QString inner = u"SELECT o.row_id, o.chain_id, o.seq, o.recorded_at, o.review_agent,"
                    " o.review_team, o.review_amount, o.review_risk_score, o.review_risk_level,"
                    " o.body, %1 AS status, %2 AS sort_key FROM audit_records o %3"
                    " WHERE o.kind = 'override'"_s.arg(columns().status, page.sortKey, status);
    QVariantList values = page.values;
    if (!page.where.isEmpty())
        inner += u" AND "_s + page.where;
    // plainto_tsquery requires every word; review_text was split at punctuation as these are.
    if (!page.words.isEmpty()) {
        inner += u" AND o.review_text @@ plainto_tsquery('simple', ?)"_s;
        values.append(page.words.join(u' '));
    }
    inner += orderBy(page.sortKey, columns().id, page.descending) + u" LIMIT ?"_s;
    const QString sql
        = uR"(SELECT p.row_id, p.chain_id, p.seq, p.recorded_at, p.review_agent, p.review_team,
  b ->> 'case_id',
  CASE jsonb_typeof(b #> '{payload,action}') WHEN 'object' THEN b #>> '{payload,action,type}'
    WHEN 'string' THEN b #>> '{payload,action}' END,
  p.review_amount,
  CASE jsonb_typeof(b #> '{payload,policies}') WHEN 'array' THEN b #> '{payload,policies}'
    WHEN 'string' THEN jsonb_build_array(b #> '{payload,policies}') END::text,
  p.review_risk_score, p.review_risk_level, b #>> '{payload,reason_category}', p.status,
  p.sort_key
FROM ()"_s + inner
          + u") p, LATERAL (SELECT p.body::jsonb AS b) j"_s
          + orderBy(u"p.sort_key"_s, u"p.row_id"_s, page.descending);
    return SqlCondition{sql, values};
}

QString loginOf(const audit::AuditStore &store)
{
    return store.url().user.isEmpty() ? u"this database login"_s
                                      : u"the database login "_s + store.url().user;
}

} // namespace

/*!
 * The override table of the PostgreSQL store in \a store, once its login proves able to read
 * it: agents' logins may only append (installer/postgresql/roles.sql), which would otherwise
 * surface as a permission error on the first page.
 */
Result<std::unique_ptr<OverrideBackend>>
openPostgresBackend(std::unique_ptr<audit::AuditStore> store)
{
    QSqlQuery query(store->database());
    if (!query.exec(u"SELECT has_table_privilege('audit_records', 'SELECT')"_s) || !query.next())
        return Error{u"cannot check the login's rights: "_s + errorOf(query)};
    if (!query.value(0).toBool()) {
        return Error{loginOf(*store)
                     + u" cannot read the audit log: the review needs a supervisor login"
                       " (a member of refundguard_supervisor)"_s};
    }
    query.finish();
    return std::unique_ptr<OverrideBackend>(std::make_unique<PostgresBackend>(std::move(store)));
}

} // namespace rg::review::Internal
