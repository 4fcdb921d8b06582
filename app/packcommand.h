// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace rg::cli {

// `refundguard-cli pack keygen|sign|verify ...`: signing rule and policy packs.
int runPackCommand(const QStringList &args);

} // namespace rg::cli
