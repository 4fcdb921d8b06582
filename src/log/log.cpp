// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "log/log.h"

#include <spdlog/spdlog.h>

#include <mutex>

namespace rg::log {

/*!
 * Returns the logger of \a area, creating it on first use with the sinks and level of the
 * default logger, which the application configures before anything logs.
 */
std::shared_ptr<spdlog::logger> get(const std::string &area)
{
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    if (auto existing = spdlog::get(area))
        return existing;
    const auto base = spdlog::default_logger();
    auto logger = std::make_shared<spdlog::logger>(area, base->sinks().begin(),
                                                   base->sinks().end());
    logger->set_level(base->level());
    spdlog::register_logger(logger);
    return logger;
}

} // namespace rg::log
