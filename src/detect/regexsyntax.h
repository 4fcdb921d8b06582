// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace rg::detect::Internal {

// Index of the "]" closing the RE2 character class that opens at regex[open] ("[^]x]", "[\]]"
// and "[[:alpha:]]" included), or npos. The one place pattern rewriting reads class syntax.
std::size_t classEnd(const std::string &regex, std::size_t open);

} // namespace rg::detect::Internal
