// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliio.h"

#include <cstdio>

namespace rg::cli {

/*!
 * Writes "refundguard-cli: <message>" and a newline to standard error.
 */
void printErr(const QString &message)
{
    std::fprintf(stderr, "refundguard-cli: %s\n", qPrintable(message));
}

/*!
 * Writes \a bytes to standard output as they are.
 */
void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
}

/*!
 * Flushes standard output, so a reader on a pipe sees each answer as it is written.
 */
void flushOut()
{
    std::fflush(stdout);
}

/*!
 * Reports a usage error with a hint to --help; returns kExitUsage for the caller to return.
 */
int usageError(const QString &message)
{
    printErr(message);
    std::fputs("Try 'refundguard-cli --help'.\n", stderr);
    return kExitUsage;
}

/*!
 * Reports \a message as the reason the command failed; returns kExitFailed.
 */
int fail(const QString &message)
{
    printErr(message);
    return kExitFailed;
}

} // namespace rg::cli
