// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace rg::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1; // some input could not be handled, or bad data
inline constexpr int kExitUsage = 2;

// Built-in data compiled in from resources/.
inline const QString kDefaultRulePack = QStringLiteral(":/rulepacks/default.json");
inline const QString kDefaultPolicies = QStringLiteral(":/policies");
inline const QString kDefaultFusionWeights = QStringLiteral(":/risk/fusion.json");

void printErr(const QString &message);
void writeOut(const QByteArray &bytes);
void flushOut();
int usageError(const QString &message);
int fail(const QString &message);

} // namespace rg::cli
