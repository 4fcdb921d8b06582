// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/riskbadge.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace rg::ui {

QString levelTitle(risk::Level level)
{
    switch (level) {
    case risk::Level::Low:
        return RiskBadge::tr("Low risk");
    case risk::Level::Medium:
        return RiskBadge::tr("Medium risk");
    case risk::Level::High:
        return RiskBadge::tr("High risk");
    }
    return {};
}

RiskBadge::RiskBadge(QWidget *parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("riskBadge"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 8, 2);
    layout->setSpacing(4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text);
    m_text->setObjectName(QStringLiteral("riskLabel"));
    m_text->setTextFormat(Qt::PlainText);
    QFont font = m_text->font();
    font.setBold(true);
    m_text->setFont(font);
    setAssessment(std::nullopt);
}

RiskBadge::~RiskBadge() = default;

QString RiskBadge::text() const
{
    return m_text->text();
}

void RiskBadge::setAssessment(std::optional<risk::Level> level, double score)
{
    // Not judged: no colour of its own, so the badge follows the window's palette, including a
    // switch between light and dark while it is shown (a palette with no role set inherits all).
    QPalette colours;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxQuestion;
    QString text = tr("Not judged yet");
    if (level) {
        text = QStringLiteral("%1 · %2").arg(levelTitle(*level), QString::number(score, 'f', 2));
        // The colours carry the same meaning as the words and the icon, in contrast pairs that
        // read in light and dark themes alike.
        switch (*level) {
        case risk::Level::Low:
            icon = QStyle::SP_DialogApplyButton;
            colours.setColor(QPalette::Window, QColor(0x1b, 0x5e, 0x20));
            break;
        case risk::Level::Medium:
            icon = QStyle::SP_MessageBoxWarning;
            colours.setColor(QPalette::Window, QColor(0x8a, 0x4b, 0x00));
            break;
        case risk::Level::High:
            icon = QStyle::SP_MessageBoxCritical;
            colours.setColor(QPalette::Window, QColor(0xb7, 0x1c, 0x1c));
            break;
        }
        colours.setColor(QPalette::WindowText, Qt::white);
    }
    setPalette(colours);
    setAutoFillBackground(level.has_value());
    m_text->setText(text);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size));
    setAccessibleName(tr("Risk: %1").arg(text));
    setToolTip(text);
}

} // namespace rg::ui
