// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/csv.h"

#include <QLocale>

namespace rg::model {

using namespace Qt::StringLiterals;

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
QString csvQuoted(QString text)
{
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r'))
        return u'"' + text.replace(u'"', u"\"\""_s) + u'"';
    return text;
}

// Agents, customers and trainees write this text: a spreadsheet would run one that starts like a
// formula, so it gets a leading apostrophe (OWASP, CSV injection). Tab and CR count because some
// spreadsheets strip them before looking.
QString csvText(QString text)
{
    if (!text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    return csvQuoted(text);
}

// Numbers are ours, not typed text: a negative amount stays a number.
QString csvNumber(const std::optional<double> &value)
{
    return value.has_value()
               ? QString::number(value.value_or(0.0), 'g', QLocale::FloatingPointShortest)
               : QString();
}

} // namespace rg::model
