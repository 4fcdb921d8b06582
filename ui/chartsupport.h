// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QChart;
class QChartView;

namespace rg::ui {

// Use me for text drawn by QtCharts (legends, axis labels, bar sets): they render rich text, so
// names, ids and policies written by anyone come out display-safe and escaped, as written.
QString chartText(const QString &text);

// Drops the chart's series and axes before it is drawn again; returns the chart.
QChart *clearedChart(QChartView *view);

} // namespace rg::ui
