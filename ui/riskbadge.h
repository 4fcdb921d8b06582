// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "risk/riskscorer.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace rg::ui {

// Use me to show a risk level at a glance: the level in words, an icon and a colour, so that
// no one needs to tell colours apart to read it.
class RiskBadge final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RiskBadge)

public:
    explicit RiskBadge(QWidget *parent = nullptr);
    ~RiskBadge() override;

    // No level: nothing judged yet.
    void setAssessment(std::optional<risk::Level> level, double score = 0.0);
    QString text() const;

private:
    QLabel *m_icon;
    QLabel *m_text;
};

QString levelTitle(risk::Level level);

} // namespace rg::ui
