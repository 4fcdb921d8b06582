// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sodium.h>

namespace rg::model {

// Use me before any libsodium call: sodium_init() must run first, and a function-local static
// runs it exactly once even when several threads get here at the same time. False: libsodium
// cannot be used (no entropy source), and the caller says what it cannot do.
inline bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace rg::model
