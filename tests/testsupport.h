// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QString>

namespace rg::test {

// The error of a Result for QVERIFY2 messages, which Qt builds even when the check passes.
template<typename T>
QString errorOf(const rg::Result<T> &result)
{
    return result.ok() ? QString() : result.error();
}

} // namespace rg::test
