// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/signalsmodel.h"

#include "model/cue.h"
#include "session/assistsession.h"
#include "ui/displaytext.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFont>
#include <QStyle>

#include <algorithm>

namespace rg::ui {

QString cueTitle(const QString &cueId)
{
    const auto cue = model::findCue(cueId);
    return cue ? QCoreApplication::translate("CueTitle", cue->title.data()) : cueId;
}

SignalsModel::SignalsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

SignalsModel::~SignalsModel() = default;

void SignalsModel::setFindings(const std::vector<model::Finding> &findings)
{
    const bool grows = findings.size() >= m_findings.size()
                       && std::equal(m_findings.begin(), m_findings.end(), findings.begin());
    if (grows) {
        // Only the new findings are copied: a live chat is judged again on every message.
        if (findings.size() == m_findings.size())
            return;
        beginInsertRows({}, int(m_findings.size()), int(findings.size()) - 1);
        m_findings.insert(m_findings.end(),
                          findings.begin() + std::ptrdiff_t(m_findings.size()), findings.end());
        endInsertRows();
        return;
    }
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

int SignalsModel::rowOf(const model::Finding &finding) const
{
    const auto it = std::find(m_findings.begin(), m_findings.end(), finding);
    return it == m_findings.end() ? -1 : int(it - m_findings.begin());
}

int SignalsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int SignalsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignalsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const model::Finding &f = m_findings[size_t(index.row())];
    const bool high = f.weight >= session::kHighFindingWeight;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CueColumn:
            return cueTitle(f.cue);
        case EvidenceColumn:
            return QStringLiteral("“%1”").arg(displaySafe(f.evidence));
        case TurnColumn:
            return f.turn + 1;
        }
        return {};
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        // One arg() call: a "%1" in the evidence must not be taken for a placeholder.
        const QString summary = tr("%1 (%2), turn %3: “%4”")
                                    .arg(cueTitle(f.cue), high ? tr("strong") : tr("weak"),
                                         QString::number(f.turn + 1), displaySafe(f.evidence));
        // Qt renders a tooltip that looks like markup as rich text; a screen reader reads text.
        return role == Qt::ToolTipRole ? plainToolTip(summary) : summary;
    }
    case Qt::DecorationRole:
        if (index.column() == CueColumn && high)
            return qApp->style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::FontRole:
        if (high) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TurnColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant SignalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CueColumn:
        return tr("Cue");
    case EvidenceColumn:
        return tr("Evidence");
    case TurnColumn:
        return tr("Turn");
    }
    return {};
}

} // namespace rg::ui
