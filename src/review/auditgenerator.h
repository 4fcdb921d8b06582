// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace rg::review {

// What the generated log looks like; the defaults make about 3,000 records over four weeks.
struct GeneratorOptions
{
    quint32 seed = 20261126;
    QDate start = QDate(2026, 10, 5); // a Monday
    int weeks = 4;
    int teams = 2;
    int agentsPerTeam = 8;
    int contactsPerShift = 8;
    double overrideRate = 0.06; // per contact, for ordinary agents
    bool plantColluders = true;
};

// Who was planted, for the tests (and the demo's visitor) to look for.
struct GeneratedLog
{
    QString subLimitAgent; // one customer and its linked accounts, just under the limit, at night,
                           // in bursts
    QString fraudAgent;    // overrides often, later dispositioned as fraud
    QString newAgent;      // one contact, one override
    QString customer;      // the sub-limit agent's customer
    QStringList linkedAccounts;
    double limit = 0.0; // the sub-limit agent's authority limit
    int plantedOverrides = 0;
    qint64 records = 0;
    qint64 overrides = 0;
};

// Use me for a realistic audit log with planted insiders (the review demo, `refundguard --review
// --demo`, and the review tests): writes it through rg::audit::AuditLog (one chain per agent, one
// for the supervisor's dispositions, signing keys in \a keyDir) into the database at
// \a databaseUrl. The same options write the same records.
Result<GeneratedLog> generateAuditLog(const QString &databaseUrl, const QString &keyDir,
                                      const GeneratorOptions &options = {});

} // namespace rg::review
