// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace rg::sql {

// A store's versioned schema: its version in `<metaTable>` (key schema_version), step i of the
// backend's list bringing version i to i + 1.
struct SchemaPlan
{
    QString name;      // "audit", "training": in messages
    QString metaTable; // "audit_meta"
    qint64 lockId = 0; // PostgreSQL advisory lock taken while migrating
    int version = 0;   // what this build writes
    QList<QStringList> sqliteSteps;
    QList<QStringList> postgresSteps;
    QString postgresStepHint; // said when a PostgreSQL step fails, e.g. who may run it
};

// The version the database holds; 0 before the meta table exists.
Result<int> schemaVersion(QSqlDatabase &db, bool postgres, const SchemaPlan &plan);
// Use me when a store opens: brings the schema up to plan.version in one transaction (under an
// advisory lock on PostgreSQL, where installations migrate concurrently) and refuses a database
// written by a newer build. Returns the version found before.
Result<int> migrateSchema(QSqlDatabase &db, bool postgres, const SchemaPlan &plan);

} // namespace rg::sql
