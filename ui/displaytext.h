// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace rg::ui {

// Shown in place of a character that could change how the text around it looks (a bidi
// override, an isolate, a control character), so that quoted evidence reads as it was written.
inline constexpr char16_t kNeutralisedMark = u'\uFFFD';

bool isBidiControl(char32_t codePoint);

// Use me before showing text a customer wrote: bidi controls and control characters other than
// tab and newline become kNeutralisedMark. The result has the same length in UTF-16 units, so
// offsets into the original text still point at the same characters.
QString displaySafe(QStringView text);

// The UTF-16 index of code point \a codePoint of \a text (findings count code points), clamped
// to the text's length.
qsizetype utf16Offset(QStringView text, int codePoint);

} // namespace rg::ui
