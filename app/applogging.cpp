// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "applogging.h"

#include <QString>
#include <QtGlobal>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <string_view>

namespace rg::app {

namespace {

void routeQtMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const auto logger = [] {
        auto qt = spdlog::default_logger()->clone("qt");
        spdlog::register_logger(qt);
        return qt;
    }();
    const std::string text = message.toStdString();
    const char *category = context.category ? context.category : "default";
    switch (type) {
    case QtDebugMsg:
        logger->debug("{}: {}", category, text);
        break;
    case QtInfoMsg:
        logger->info("{}: {}", category, text);
        break;
    case QtWarningMsg:
        logger->warn("{}: {}", category, text);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        logger->error("{}: {}", category, text);
        break;
    }
}

} // namespace

void setupLogging(bool quiet)
{
    auto logger = spdlog::stderr_color_mt("refundguard");
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e [%n] %^%l%$: %v");
    spdlog::level::level_enum level = quiet ? spdlog::level::warn : spdlog::level::info;
    bool unknownLevel = false;
    if (const char *env = std::getenv("RG_LOG_LEVEL")) {
        const auto parsed = spdlog::level::from_str(env);
        // from_str answers "off" for anything it does not know; only "off" itself means off.
        if (parsed != spdlog::level::off || std::string_view(env) == "off")
            level = parsed;
        else
            unknownLevel = true;
    }
    logger->set_level(level);
    spdlog::set_default_logger(logger);
    qInstallMessageHandler(routeQtMessage);
    if (unknownLevel) {
        logger->warn("RG_LOG_LEVEL=\"{}\" is not a level (trace, debug, info, warn, error, "
                     "critical, off); keeping {}",
                     std::getenv("RG_LOG_LEVEL"), spdlog::level::to_string_view(level));
    }
}

} // namespace rg::app
