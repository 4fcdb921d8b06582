// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/schema.h"

#include "sql/transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rg::sql {

using namespace Qt::StringLiterals;

namespace {

QString errorOf(const QSqlQuery &query)
{
    return query.lastError().text().trimmed();
}

} // namespace

Result<int> schemaVersion(QSqlDatabase &db, bool postgres, const SchemaPlan &plan)
{
    QSqlQuery query(db);
    const QString probe
        = postgres ? u"SELECT to_regclass('%1') IS NOT NULL"_s.arg(plan.metaTable)
                   : u"SELECT count(*) FROM sqlite_master WHERE name = '%1'"_s.arg(plan.metaTable);
    const QString failed = u"cannot read the %1 schema version: "_s.arg(plan.name);
    if (!query.exec(probe) || !query.next())
        return Error{failed + errorOf(query)};
    if (!query.value(0).toBool())
        return 0;
    if (!query.exec(u"SELECT value FROM %1 WHERE key = 'schema_version'"_s.arg(plan.metaTable)))
        return Error{failed + errorOf(query)};
    return query.next() ? query.value(0).toInt() : 0;
}

Result<int> migrateSchema(QSqlDatabase &db, bool postgres, const SchemaPlan &plan)
{
    auto version = schemaVersion(db, postgres, plan);
    if (!version || version.value() == plan.version)
        return version;
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return Error{begun.error()};
    QSqlQuery query(db);
    if (postgres && !query.exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(plan.lockId)))
        return Error{u"cannot lock the %1 schema: "_s.arg(plan.name) + errorOf(query)};
    // Read again under the lock: another installation may have migrated in the meantime.
    version = schemaVersion(db, postgres, plan);
    if (!version)
        return version;
    if (version.value() > plan.version) {
        return Error{u"written by a newer Refund Guard (%1 schema %2; this build knows up to %3)"_s
                         .arg(plan.name)
                         .arg(version.value())
                         .arg(plan.version)};
    }
    const QList<QStringList> &steps = postgres ? plan.postgresSteps : plan.sqliteSteps;
    for (int step = version.value(); step < plan.version; ++step) {
        for (const QString &sql : steps.at(step)) {
            if (query.exec(sql))
                continue;
            const QString hint = postgres && !plan.postgresStepHint.isEmpty()
                                     ? u" (%1)"_s.arg(plan.postgresStepHint)
                                     : QString();
            return Error{u"migration to %1 schema %2 failed%3: %4 ...: %5"_s.arg(plan.name)
                             .arg(step + 1)
                             .arg(hint, sql.section(u' ', 0, 3), errorOf(query))};
        }
    }
    query.prepare(u"INSERT INTO %1 (key, value) VALUES ('schema_version', ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s.arg(plan.metaTable));
    query.addBindValue(QString::number(plan.version));
    if (!query.exec())
        return Error{u"cannot record the %1 schema version: "_s.arg(plan.name) + errorOf(query)};
    if (auto committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return version;
}

} // namespace rg::sql
