// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditlog.h"
#include "audit/auditstore.h"
#include "context/embeddedcaseprovider.h"
#include "model/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

namespace rg::test {

// What a session (and the sidebar on top of it) needs from outside in a test: the demo case
// store and a real SQLite audit log, both in one temporary folder.
struct SessionStores
{
    std::unique_ptr<context::EmbeddedCaseProvider> provider;
    std::shared_ptr<audit::AuditLog> log;
};

inline QString auditDatabasePath(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("audit.db"));
}

inline Result<SessionStores> openSessionStores(const QTemporaryDir &dir)
{
    auto provider = context::EmbeddedCaseProvider::openDemo(dir.filePath(QStringLiteral("demo.db")));
    if (!provider)
        return Error{provider.error()};
    audit::AuditLog::Options options;
    auto database = audit::DatabaseUrl::parse(QStringLiteral("sqlite://") + auditDatabasePath(dir));
    if (!database)
        return Error{database.error()};
    options.database = database.value();
    options.keyPath = dir.filePath(QStringLiteral("keys/audit.key"));
    auto log = audit::AuditLog::open(options);
    if (!log)
        return Error{log.error()};
    return SessionStores{std::move(provider).value(), std::move(log).value()};
}

// The connection auditRecordCount() reads through; remove it in cleanup().
inline const QString kAuditPeekConnection = QStringLiteral("tst-audit-peek");

// How many records the audit database in \a dir holds, read beside the log through a connection
// of its own; -1 when it cannot be read.
inline qint64 auditRecordCount(const QTemporaryDir &dir)
{
    QSqlDatabase db = QSqlDatabase::contains(kAuditPeekConnection)
                          ? QSqlDatabase::database(kAuditPeekConnection)
                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kAuditPeekConnection);
    db.setDatabaseName(auditDatabasePath(dir));
    if (!db.isOpen() && !db.open())
        return -1;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM audit_records")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// Every record in the audit database in \a dir, read back through a store of its own; empty
// when it cannot be read.
inline QList<audit::AuditRecord> storedRecords(const QTemporaryDir &dir)
{
    QList<audit::AuditRecord> out;
    auto url = audit::DatabaseUrl::parse(QStringLiteral("sqlite://") + auditDatabasePath(dir));
    if (!url)
        return out;
    auto store = audit::AuditStore::open(url.value());
    if (!store)
        return out;
    const auto scanned = store.value()->scan({}, [&out](const audit::StoredRecord &stored) {
        auto record = audit::AuditRecord::fromStored(stored.body, stored.hash);
        if (record)
            out.append(std::move(record).value());
        return bool(record);
    });
    return scanned ? out : QList<audit::AuditRecord>{};
}

} // namespace rg::test
