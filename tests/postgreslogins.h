// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditstore.h"
#include "audit/databaseurl.h"
#include "model/result.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUrl>

#include <utility>

namespace rg::test {

// The same server as \a admin, logged in as another role.
inline QString postgresUrlAs(const QString &admin, const QString &user, const QString &password)
{
    QUrl url(admin);
    url.setUserName(user);
    url.setPassword(password);
    return url.toString();
}

// The same server as \a admin, in another database.
inline QString postgresUrlOf(const QString &admin, const QString &database)
{
    QUrl url(admin);
    url.setPath(u'/' + database);
    return url.toString();
}

// The URLs of an agent's and a supervisor's login.
struct PostgresLogins
{
    QString agent;
    QString supervisor;
};

// Use me for a deployment's roles on the test server: creates the schema in \a admin's database,
// runs installer/postgresql/roles.sql as shipped, and gives an agent and a supervisor a login
// each, \a prefix_agent and \a prefix_supervisor (roles are the server's: a test of its own
// prefix cannot change another's password while both run).
inline Result<PostgresLogins>
createPostgresLogins(const QString &admin, const QString &prefix = QStringLiteral("rg_test"))
{
    using namespace Qt::StringLiterals;
    auto store = audit::AuditStore::open(audit::DatabaseUrl::parse(admin).value());
    if (!store)
        return Error{store.error()};
    QFile roles(QStringLiteral(RG_SOURCE_DIR) + u"/installer/postgresql/roles.sql"_s);
    if (!roles.open(QIODevice::ReadOnly))
        return Error{roles.fileName() + u": "_s + roles.errorString()};
    QSqlQuery query(store.value()->database());
    if (!query.exec(QString::fromUtf8(roles.readAll())))
        return Error{u"roles.sql: "_s + query.lastError().text()};
    const QString password = QString::number(QRandomGenerator::system()->generate64(), 16);
    const QString agent = prefix + u"_agent"_s;
    const QString supervisor = prefix + u"_supervisor"_s;
    for (const auto &[user, group] : {std::pair{agent, u"refundguard_agent"_s},
                                      std::pair{supervisor, u"refundguard_supervisor"_s}}) {
        const QString sql
            = u"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
              "'%1') THEN CREATE ROLE %1 LOGIN IN ROLE %2; END IF; END$$"_s.arg(user, group);
        if (!query.exec(sql) || !query.exec(u"ALTER ROLE %1 PASSWORD '%2'"_s.arg(user, password)))
            return Error{user + u": "_s + query.lastError().text()};
    }
    return PostgresLogins{postgresUrlAs(admin, agent, password),
                          postgresUrlAs(admin, supervisor, password)};
}

} // namespace rg::test
