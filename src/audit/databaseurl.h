// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QSqlDatabase>
#include <QString>

namespace rg::audit {

// Use me wherever a database is configured: "sqlite:///path/to/file.db" (or "sqlite:file.db",
// relative to the working folder) and "postgresql://user:pass@host:port/db".
struct DatabaseUrl
{
    enum class Driver { Sqlite, Postgres };

    Driver driver = Driver::Sqlite;
    QString path; // SQLite file
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
    int connectTimeoutSeconds = 5;

    static Result<DatabaseUrl> parse(const QString &text);
    QString display() const; // the URL without its password, for messages and logs
    bool isPostgres() const { return driver == Driver::Postgres; }

    // Adds and opens a connection named \a connectionName; the caller removes it.
    Result<QSqlDatabase> open(const QString &connectionName) const;
};

} // namespace rg::audit
