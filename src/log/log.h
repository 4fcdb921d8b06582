// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <spdlog/logger.h>

#include <memory>
#include <string>

namespace rg::log {

// Use me to get the named logger of an area ("detect", "cli", ...). The sinks belong to the
// application: a logger made here shares the default logger's sinks.
std::shared_ptr<spdlog::logger> get(const std::string &area);

} // namespace rg::log
