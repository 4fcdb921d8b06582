// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detect/rulepack.h"
#include "model/result.h"
#include "policy/policypack.h"
#include "risk/fusion.h"

#include <QString>

#include <functional>

class QIODevice;

namespace rg::batch {

struct StreamOptions
{
    bool explain = false; // readable report instead of JSON lines
    int jobs = 1;         // scanning threads; each compiles its own matcher
    int batchLines = 256; // lines handed to a thread at a time; 1 for a live feed
    const policy::PolicyPack *policies = nullptr; // judge actions and agent turns when set
    const risk::FusionWeights *fusion = nullptr;  // fuse a line's "case" into its risk when set
};

struct StreamSummary
{
    qint64 scanned = 0; // conversations written
    qint64 failed = 0;  // lines that could not be scanned
};

// Use me to scan a stream of transcript JSONL: one result per conversation, in input order,
// with memory bounded by jobs x batchLines lines whatever the stream's length. A line that
// cannot be scanned is reported through onError as "NAME:LINE: reason", in order, and skipped.
// Fails only when the rule pack does not compile.
Result<StreamSummary> scanStream(const detect::RulePack &pack, QIODevice &in, QIODevice &out,
                                 const QString &inputName,
                                 const std::function<void(const QString &)> &onError,
                                 const StreamOptions &options = {});

} // namespace rg::batch
