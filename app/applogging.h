// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace rg::app {

// Sends every area's log to standard error and Qt's own messages into spdlog. The level comes
// from RG_LOG_LEVEL (trace, debug, info, warn, error, off); \a quiet makes the default "warn".
void setupLogging(bool quiet);

} // namespace rg::app
