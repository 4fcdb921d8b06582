// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QSqlDatabase>

namespace rg::sql {

// Use me around every multi-statement write: it rolls back unless committed, so each early
// return leaves the database as it was.
class Transaction final
{
public:
    explicit Transaction(QSqlDatabase &db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    Result<bool> begin();
    Result<bool> commit();

private:
    QSqlDatabase &m_db;
    bool m_open = false;
};

} // namespace rg::sql
