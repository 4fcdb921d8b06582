// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/engine.h"

#include <QByteArray>
#include <QString>

namespace rg::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1; // some input could not be handled, or bad data
inline constexpr int kExitUsage = 2;

// Built-in data compiled in from resources/.
using batch::kDefaultFusionWeights;
using batch::kDefaultPolicies;
using batch::kDefaultRulePack;

void printErr(const QString &message);
void writeOut(const QByteArray &bytes);
void flushOut();
int usageError(const QString &message);
int fail(const QString &message);

} // namespace rg::cli
