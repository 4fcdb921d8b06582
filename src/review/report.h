// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/verifier.h"
#include "model/result.h"
#include "review/outliers.h"
#include "review/summary.h"

#include <QDateTime>

class QIODevice;

namespace rg::review {

// Everything the PDF report shows.
struct ReportInput
{
    ReviewSummary summary;
    OutlierReport outliers;
    audit::VerifyReport verification;
    QDateTime generatedAt;
};

// The agents of \a report with at least one flag, in rank order.
QList<AgentFigures> flaggedAgents(const OutlierReport &report);

// Use me to export a period's overrides for a spreadsheet: one row per override.
Result<bool> writeCsv(const AuditFacts &facts, QIODevice &out);
// Use me for the supervisor's printable report; needs a QGuiApplication (fonts).
Result<bool> writePdf(const ReportInput &input, QIODevice &out);

} // namespace rg::review
