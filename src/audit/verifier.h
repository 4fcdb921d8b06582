// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/checkpoint.h"
#include "model/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>

#include <functional>

namespace rg::audit {

class AuditStore;

struct VerifyProblem
{
    QString chainId;
    qint64 seq = 0; // the first seq that does not hold
    QString what;
};

struct VerifyReport
{
    qint64 records = 0;
    int chains = 0;
    int checkpoints = 0;
    int anchors = 0;
    QList<VerifyProblem> problems; // ordered by chain, then seq
    bool ok() const { return problems.isEmpty(); }
};

struct VerifyOptions
{
    // Public keys the supervisor trusts; empty: trust each checkpoint's own key, as long as the
    // chain is named after it.
    QList<QByteArray> trustedKeys;
    // Checkpoints exported earlier: the log must still reach them, with the same hashes.
    QList<Checkpoint> anchors;
    std::function<void(qint64 done, qint64 total)> progress;
    // Set (from any thread) to stop early; verifyStore then returns an error, not a report.
    const std::atomic_bool *cancel = nullptr;
    // From this many records on, two threads verify a half each.
    qint64 parallelFrom = 100000;
};

// Use me to check a whole store: hash links, gaps, duplicates, order, checkpoint signatures and
// truncation behind the anchors. Problems go into the report; the error is for an unreadable store.
Result<VerifyReport> verifyStore(AuditStore &store, const VerifyOptions &options);

} // namespace rg::audit
