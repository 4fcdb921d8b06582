// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "review/summary.h"

#include <QWidget>

class QComboBox;
class QChartView;

namespace rg::ui {

// Use me for the review period's charts: overrides per day by policy, the most overridden
// policies, and each agent's high-risk share against their team's band (one team at a time).
class ReviewCharts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewCharts)

public:
    // Policies drawn on their own in the per-day chart; the rest add up under "other".
    static constexpr int kDailyPolicies = 6;

    explicit ReviewCharts(QWidget *parent = nullptr);
    ~ReviewCharts() override;

    void setSummary(const review::ReviewSummary &summary);

    QChartView *perDayView() const { return m_perDay; }
    QChartView *topPoliciesView() const { return m_topPolicies; }
    QChartView *agentShareView() const { return m_agentShare; }
    QComboBox *teamComboBox() const { return m_team; }

private:
    void drawPerDay();
    void drawTopPolicies();
    void drawAgentShare();

    review::ReviewSummary m_summary;
    QComboBox *m_team;
    QChartView *m_perDay;
    QChartView *m_topPolicies;
    QChartView *m_agentShare;
};

} // namespace rg::ui
