// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace rg::model {

// Use me for every CSV cell an export writes (RFC 4180). Text that people typed goes through
// csvText, which also defuses formulas; numbers we computed go through csvNumber.
QString csvQuoted(QString text);
QString csvText(QString text);
QString csvNumber(const std::optional<double> &value);

} // namespace rg::model
