// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chartsupport.h"

#include "ui/displaytext.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>

namespace rg::ui {

QString chartText(const QString &text)
{
    return displaySafe(text).toHtmlEscaped();
}

QChart *clearedChart(QChartView *view)
{
    QChart *chart = view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    return chart;
}

} // namespace rg::ui
