// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rg::sql {

using namespace Qt::StringLiterals;

Transaction::Transaction(QSqlDatabase &db)
    : m_db(db)
{}

Transaction::~Transaction()
{
    if (m_open)
        QSqlQuery(m_db).exec(u"ROLLBACK"_s);
}

/*!
 * On SQLite, IMMEDIATE takes the write lock up front: two processes writing one file queue up
 * (busy_timeout) instead of both reading the same state and one failing halfway.
 */
Result<bool> Transaction::begin()
{
    QSqlQuery query(m_db);
    const bool sqlite = m_db.driverName() == u"QSQLITE"_s;
    if (!query.exec(sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s))
        return Error{u"cannot begin a transaction: "_s + query.lastError().text().trimmed()};
    m_open = true;
    return true;
}

Result<bool> Transaction::commit()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"COMMIT"_s))
        return Error{u"cannot commit: "_s + query.lastError().text().trimmed()};
    m_open = false;
    return true;
}

} // namespace rg::sql
