// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

class QLabel;

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

// Use me for a tooltip that shows text a customer or a case supplied. Qt guesses whether a
// tooltip is rich text (Qt::mightBeRichText), so "<b>" or "&lt;" in it would be rendered as
// markup; this returns display-safe, escaped rich text that reads exactly as \a text was written.
QString plainToolTip(QStringView text);

// Use me on a word-wrapped label that shows feed, case or error text. Such text can hold a long
// unbroken run (a link, an id, a URL in an error) and a label asks for the width of its longest
// word, which would push the narrow sidebar past 360 px; the run is clipped instead.
void letShrinkBelowLongestWord(QLabel *label);

} // namespace rg::ui
