// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/finding.h"
#include "model/message.h"

#include "fuzzsupport.h"

#include <QList>
#include <QString>

#include <vector>

namespace rg::fuzz {

// Every finding is on a turn of \a messages and quotes exactly the code points [start, end) of
// its text (the scan contract, DESIGN.md), counting a lone surrogate as one code point as the
// normaliser does.
inline void requireQuoted(const QList<model::Message> &messages,
                          const std::vector<model::Finding> &findings)
{
    for (const model::Finding &finding : findings) {
        require(finding.turn >= 0 && finding.turn < messages.size(), "a finding is on a turn");
        const QString &text = messages.at(finding.turn).text;
        require(finding.start >= 0 && finding.start < finding.end, "a finding's span is not empty");
        int codePoint = 0;
        qsizetype at = 0;
        qsizetype from = -1;
        for (;;) {
            if (codePoint == finding.start)
                from = at;
            if (codePoint == finding.end || at == text.size())
                break;
            const bool pair = text.at(at).isHighSurrogate() && at + 1 < text.size()
                              && text.at(at + 1).isLowSurrogate();
            at += pair ? 2 : 1;
            ++codePoint;
        }
        require(from >= 0 && codePoint == finding.end, "a finding's span lies within its text");
        require(QStringView(text).sliced(from, at - from) == finding.evidence,
                "a finding quotes the text it points at");
    }
}

} // namespace rg::fuzz
