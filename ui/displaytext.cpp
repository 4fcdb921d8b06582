// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/displaytext.h"

#include <QLabel>
#include <QTextDocument>

namespace rg::ui {

// The explicit directional formatting characters of Unicode's bidi algorithm (UAX #9, 2.1-2.6):
// embeddings and overrides (LRE RLE PDF LRO RLO), isolates (LRI RLI FSI PDI) and the marks
// (LRM RLM ALM). Each can reorder what a reader sees without changing what a matcher reads.
bool isBidiControl(char32_t codePoint)
{
    return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
           || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
}

static bool isHiddenControl(char16_t unit)
{
    if (unit == u'\t' || unit == u'\n')
        return false;
    // C0, DEL, C1, and the line/paragraph separators that would break a quote across lines.
    return unit < 0x20 || (unit >= 0x7F && unit <= 0x9F) || unit == 0x2028 || unit == 0x2029;
}

QString displaySafe(QStringView text)
{
    QString out = text.toString();
    for (QChar &unit : out) {
        // Every character replaced here is in the BMP, so a lone unit test is exact.
        if (isBidiControl(unit.unicode()) || isHiddenControl(unit.unicode()))
            unit = QChar(kNeutralisedMark);
    }
    return out;
}

qsizetype utf16Offset(QStringView text, int codePoint)
{
    qsizetype index = 0;
    for (int seen = 0; seen < codePoint && index < text.size(); ++seen) {
        const bool pair = QChar::isHighSurrogate(text[index].unicode()) && index + 1 < text.size()
                          && QChar::isLowSurrogate(text[index + 1].unicode());
        index += pair ? 2 : 1;
    }
    return index;
}

QString plainToolTip(QStringView text)
{
    // Empty stays empty so that the view shows no tooltip at all.
    if (text.isEmpty())
        return {};
    // convertFromPlainText escapes & < > and wraps the text in <p>, which Qt always takes for
    // rich text: the escapes are then read back as the characters the customer typed.
    return Qt::convertFromPlainText(displaySafe(text), Qt::WhiteSpaceNormal);
}

void letShrinkBelowLongestWord(QLabel *label)
{
    // A layout takes an explicit minimum width over the label's minimumSizeHint(); its
    // sizeHint() still gives it the room it wants when there is room.
    label->setMinimumWidth(1);
}

} // namespace rg::ui
