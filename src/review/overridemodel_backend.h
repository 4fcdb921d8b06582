// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditstore.h"
#include "model/result.h"
#include "review/overridemodel.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>

namespace rg::review::Internal {

// A piece of a WHERE clause and the values it binds, in order.
struct SqlCondition
{
    QString sql;
    QVariantList values;
};

// What OverrideModel asks a backend for one page: the shared conditions are joined already.
struct PageQuery
{
    QString sortKey;    // an expression of OverrideBackend::Columns
    bool byTime = true; // sortKey is Columns::time
    bool descending = true;
    QString where;       // the shared, policy and cue conditions and the keyset; empty: none
    QVariantList values; // what where binds, in order
    QStringList words;   // the text filter's words, each required (searchWords)
    QString from;        // the filter's time bounds as stored (formatTime); empty: open
    QString to;
    QString afterTime; // the keyset row's time when the order is by time, else empty
    int limit = 0;     // the rows the statement's LIMIT asks for
};

// Called after each chunk of indexing with the records indexed so far and the records to
// index; returning false stops after that chunk.
using IndexProgress = std::function<bool(qint64 done, qint64 total)>;

/*
 * Use me to read the override table from one kind of database. OverrideModel builds the
 * filters, the order and the keyset that every backend shares from the column expressions
 * here; a backend adds what differs: where the columns come from (SQLite's derived review
 * index, PostgreSQL's generated columns), the policy, cue and text conditions, and the
 * statement around them. A page's statement selects, in this order: id, chain_id, seq, time,
 * agent, team, case_id, action, amount, policies (a JSON array), risk_score, risk_level,
 * reason_category, status (0 for none, else 1 + the Disposition) and the sort key.
 */
class OverrideBackend
{
public:
    // SQL expressions, over the overrides aliased o, of what the shared filters compare.
    struct Columns
    {
        QString id; // the keyset's tie-breaker: the order the records arrived in
        QString time;
        QString agent;
        QString team;
        QString riskLevel;
        QString status;
        QString amountKey; // never NULL, so that pages can compare it
        QString riskKey;   // never NULL
    };

    explicit OverrideBackend(std::unique_ptr<audit::AuditStore> store);
    virtual ~OverrideBackend();
    Q_DISABLE_COPY_MOVE(OverrideBackend)

    QSqlDatabase database() const { return m_store->database(); }

    // Brings what the backend reads up to date with the records.
    virtual Result<bool> sync() = 0;
    virtual const Columns &columns() const = 0;
    // The conditions of the policy and cue filters.
    virtual Result<QList<SqlCondition>> conditions(const OverrideFilter &filter) const = 0;
    // The page's statement around \a page, with the text search, ending in a LIMIT
    // placeholder; its values are those to bind before the limit.
    virtual Result<SqlCondition> pageStatement(const PageQuery &page) const = 0;

private:
    std::unique_ptr<audit::AuditStore> m_store;
};

Result<std::unique_ptr<OverrideBackend>>
openSqliteBackend(std::unique_ptr<audit::AuditStore> store);
Result<std::unique_ptr<OverrideBackend>>
openPostgresBackend(std::unique_ptr<audit::AuditStore> store);
// Brings the review index of the SQLite log in \a store up to date; false: \a progress stopped it.
Result<bool> prepareSqliteIndex(std::unique_ptr<audit::AuditStore> store,
                                const IndexProgress &progress);

// Helpers both backends share.
QString errorOf(const QSqlQuery &query);
Result<bool> exec(QSqlQuery &query, const QString &what);
// The words of a text search, split where SQLite's unicode61 tokenizer splits (letters, digits
// and marks make words), so any operator the user types is plain text.
QStringList searchWords(const QString &text);
// ORDER BY \a key, then \a id, both the same way.
QString orderBy(const QString &key, const QString &id, bool descending);

} // namespace rg::review::Internal
