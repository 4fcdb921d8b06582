// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QTest>
#include <QtGlobal>

namespace rg::test {

// The throwaway server's URL from RG_TEST_POSTGRES_URL, or empty. installer/dev.sh test starts
// the server (installer/pgtest.sh) and sets the variable, a
// postgresql://rg_admin:PASSWORD@127.0.0.1:PORT/refundguard_test URL of a superuser.
inline QString postgresUrl()
{
    return qEnvironmentVariable("RG_TEST_POSTGRES_URL");
}

} // namespace rg::test

// Use in a test function: skips when no server is configured, fails instead when CI=true, where a
// missing server means the run is broken rather than that this machine has none.
//   const QString url = rg::test::postgresUrl();
//   RG_REQUIRE_POSTGRES(url);
#define RG_REQUIRE_POSTGRES(url)                                                                   \
    do {                                                                                           \
        if ((url).isEmpty()) {                                                                     \
            if (qgetenv("CI") == QByteArrayLiteral("true"))                                        \
                QFAIL("CI=true but RG_TEST_POSTGRES_URL is unset: run installer/dev.sh test");     \
            else                                                                                   \
                QSKIP(                                                                             \
                    "no RG_TEST_POSTGRES_URL: run installer/dev.sh test, which starts a server");  \
        }                                                                                          \
    } while (false)
