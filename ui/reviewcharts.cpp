// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reviewcharts.h"

#include "ui/chartsupport.h"
#include "ui/displaytext.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QMap>
#include <QSet>
#include <QStackedBarSeries>
#include <QValueAxis>

namespace rg::ui {

using namespace Qt::StringLiterals;

namespace {

QChartView *makeView(const QString &title, QWidget *parent)
{
    auto *view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(title);
    view->setMinimumHeight(220);
    view->chart()->setTitle(title);
    return view;
}


} // namespace

ReviewCharts::ReviewCharts(QWidget *parent)
    : QWidget(parent), m_team(new QComboBox(this)),
      m_perDay(makeView(tr("Overrides per day by policy"), this)),
      m_topPolicies(makeView(tr("Most overridden policies"), this)),
      m_agentShare(makeView(tr("High-risk share of each agent's overrides, against the team band"), this))
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_perDay, 0, 0, 1, 2);
    layout->addWidget(m_topPolicies, 1, 0);
    auto *teamLabel = new QLabel(tr("T&eam shown:"), this);
    teamLabel->setBuddy(m_team);
    m_team->setAccessibleName(tr("Team shown in the high-risk share chart"));
    auto *teamRow = new QHBoxLayout;
    teamRow->addWidget(teamLabel);
    teamRow->addWidget(m_team, 1);
    auto *shareColumn = new QVBoxLayout;
    shareColumn->addLayout(teamRow);
    shareColumn->addWidget(m_agentShare, 1);
    layout->addLayout(shareColumn, 1, 1);
    connect(m_team, &QComboBox::currentIndexChanged, this, &ReviewCharts::drawAgentShare);
}

ReviewCharts::~ReviewCharts() = default;

void ReviewCharts::setSummary(const review::ReviewSummary &summary)
{
    m_summary = summary;
    QStringList teams;
    for (const review::AgentShare &share : m_summary.highRiskShares) {
        if (!teams.contains(share.team))
            teams.append(share.team);
    }
    const QString shown = m_team->currentText();
    {
        const QSignalBlocker blocker(m_team);
        m_team->clear();
        for (const QString &team : teams)
            m_team->addItem(team.isEmpty() ? tr("(no team)") : displaySafe(team), team);
        m_team->setCurrentIndex(std::max(0, m_team->findText(shown)));
    }
    drawPerDay();
    drawTopPolicies();
    drawAgentShare();
}

// Stacked by policy: the most overridden ones on their own, the rest as "other". An override
// naming two policies counts under both (as the summary counts it).
void ReviewCharts::drawPerDay()
{
    QChart *chart = clearedChart(m_perDay);
    QStringList shownPolicies;
    for (const auto &[policy, count] : m_summary.topPolicies) {
        if (shownPolicies.size() == kDailyPolicies)
            break;
        shownPolicies.append(policy);
    }
    QList<QDate> days;
    QMap<QString, QMap<QDate, qint64>> counts;
    for (const review::PolicyDayCount &count : m_summary.perDayByPolicy) {
        if (days.isEmpty() || days.constLast() != count.day)
            days.append(count.day);
        const QString policy = shownPolicies.contains(count.policy) ? count.policy : tr("other");
        counts[policy][count.day] += count.overrides;
    }
    auto *series = new QStackedBarSeries;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        auto *set = new QBarSet(chartText(it.key()));
        for (const QDate &day : days)
            set->append(double(it.value().value(day)));
        series->append(set);
    }
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    for (const QDate &day : days)
        axisX->append(day.toString(u"MM-dd"_s));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setLabelFormat(u"%d"_s);
    axisY->setTitleText(tr("overrides"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    axisY->applyNiceNumbers();
    chart->legend()->setAlignment(Qt::AlignRight);
}

void ReviewCharts::drawTopPolicies()
{
    QChart *chart = clearedChart(m_topPolicies);
    auto *series = new QHorizontalBarSeries;
    auto *set = new QBarSet(tr("overrides"));
    auto *axisY = new QBarCategoryAxis;
    // Bottom to top on the axis: the most overridden policy ends up at the top.
    for (auto it = m_summary.topPolicies.crbegin(); it != m_summary.topPolicies.crend(); ++it) {
        set->append(double(it->second));
        axisY->append(chartText(it->first));
    }
    series->append(set);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto *axisX = new QValueAxis;
    axisX->setLabelFormat(u"%d"_s);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    axisX->applyNiceNumbers();
    chart->legend()->hide();
}

// One team: each agent's share as a bar, with the Wilson interval in the bar's label, and the
// team's band (10th to 90th percentile of its agents' shares) as two lines across.
void ReviewCharts::drawAgentShare()
{
    QChart *chart = clearedChart(m_agentShare);
    const QString team = m_team->currentData().toString();
    auto *series = new QBarSeries;
    auto *set = new QBarSet(tr("high-risk share (%)"));
    auto *axisX = new QBarCategoryAxis;
    auto *bandLow = new QLineSeries;
    auto *bandHigh = new QLineSeries;
    bandLow->setName(tr("team band, 10th percentile"));
    bandHigh->setName(tr("team band, 90th percentile"));
    int column = 0;
    for (const review::AgentShare &share : m_summary.highRiskShares) {
        if (share.team != team || m_team->count() == 0)
            continue;
        set->append(100 * share.share);
        axisX->append(u"%1<br>%2–%3%"_s.arg(chartText(share.agent))
                          .arg(100 * share.low, 0, 'f', 0)
                          .arg(100 * share.high, 0, 'f', 0));
        // The lines run across the whole category, from its left to its right edge.
        for (const double x : {column - 0.5, column + 0.5}) {
            bandLow->append(x, 100 * share.teamLow);
            bandHigh->append(x, 100 * share.teamHigh);
        }
        ++column;
    }
    series->append(set);
    chart->addSeries(series);
    chart->addSeries(bandLow);
    chart->addSeries(bandHigh);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisLines = new QValueAxis;
    axisLines->setRange(-0.5, std::max(0, column - 1) + 0.5);
    axisLines->setVisible(false);
    chart->addAxis(axisLines, Qt::AlignTop);
    bandLow->attachAxis(axisLines);
    bandHigh->attachAxis(axisLines);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, 100);
    axisY->setLabelFormat(u"%d%%"_s);
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QAbstractSeries *attached : {static_cast<QAbstractSeries *>(series),
                                      static_cast<QAbstractSeries *>(bandLow),
                                      static_cast<QAbstractSeries *>(bandHigh)})
        attached->attachAxis(axisY);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

} // namespace rg::ui
