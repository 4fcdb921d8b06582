// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <cstddef>
#include <functional>

namespace rg::review {

// Use me to decide whether the person at the keyboard is the supervisor when the audit log is a
// local SQLite file: a passphrase set on first use, kept as an Argon2id hash in an owner-only
// file, with failed attempts counted in a file beside it so that a restart does not reset them.
class SupervisorGate final
{
public:
    using Clock = std::function<QDateTime()>; // UTC now; the system clock when empty

    // Argon2id's cost: libsodium's opslimit and memlimit.
    struct HashCost
    {
        unsigned long long opsLimit = 0;
        std::size_t memLimit = 0;
    };

    static constexpr int kMinimumLength = 12; // characters
    static constexpr int kFreeFailures = 3;   // failures before any delay
    static constexpr std::chrono::seconds kMaximumDelay{5 * 60};

    static QString defaultPath();
    static HashCost defaultCost();
    // The wait after \a failures consecutive failures.
    static std::chrono::seconds delayAfter(int failures);

    explicit SupervisorGate(const QString &hashPath = defaultPath(), Clock clock = {},
                            HashCost cost = defaultCost());

    bool isSet() const;
    Result<bool> setPassphrase(const QString &passphrase, const QString &confirmation);
    Result<bool> verify(const QString &passphrase);
    Result<std::chrono::seconds> lockoutRemaining() const;

    QString hashPath() const { return m_hashPath; }
    QString attemptsPath() const;

private:
    QDateTime now() const;

    QString m_hashPath;
    Clock m_clock;
    HashCost m_cost;
};

} // namespace rg::review
