// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detect/regexsyntax.h"

namespace rg::detect::Internal {

std::size_t classEnd(const std::string &regex, std::size_t open)
{
    std::size_t i = open + 1;
    if (i < regex.size() && regex[i] == '^')
        ++i;
    if (i < regex.size() && regex[i] == ']')
        ++i;
    for (; i < regex.size(); ++i) {
        if (regex[i] == '\\') {
            ++i;
        } else if (regex[i] == '[' && i + 1 < regex.size() && regex[i + 1] == ':') {
            const std::size_t close = regex.find(":]", i + 2);
            if (close == std::string::npos)
                return std::string::npos;
            i = close + 1;
        } else if (regex[i] == ']') {
            return i;
        }
    }
    return std::string::npos;
}

} // namespace rg::detect::Internal
