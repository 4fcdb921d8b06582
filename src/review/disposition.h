// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditlog.h"
#include "audit/auditrecord.h"
#include "model/result.h"
#include "review/overridefacts.h"

#include <QJsonObject>
#include <QString>

namespace rg::review {

// Who judges an override: the actor of the disposition record.
struct Reviewer
{
    QString id;
    QString role = QStringLiteral("supervisor");
    QString team;

    QJsonObject toJson() const;
};

// The override a disposition judges; an empty chain is the log's own chain.
struct OverrideRef
{
    QString chainId;
    qint64 seq = 0;
};

// Appends a disposition of the override \a target (of case \a caseId) to \a log, as a new
// record: history is never edited.
Result<audit::AuditRecord> recordDisposition(audit::AuditLog &log, const Reviewer &reviewer,
                                             const QString &caseId, const OverrideRef &target,
                                             Disposition disposition, const QString &note);

} // namespace rg::review
