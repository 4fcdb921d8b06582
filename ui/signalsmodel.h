// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/finding.h"

#include <QAbstractTableModel>

#include <vector>

namespace rg::ui {

// Use me to list a conversation's findings, one row each: the cue, the quoted evidence, the turn.
// Rows only ever get appended while a chat grows, so a selection in the view stays put.
class SignalsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalsModel)

public:
    enum Column { CueColumn, EvidenceColumn, TurnColumn, ColumnCount };

    explicit SignalsModel(QObject *parent = nullptr);
    ~SignalsModel() override;

    void setFindings(const std::vector<model::Finding> &findings);
    const model::Finding &finding(int row) const { return m_findings.at(size_t(row)); }
    // Row of the finding equal to \a finding, -1 when it is not listed.
    int rowOf(const model::Finding &finding) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<model::Finding> m_findings;
};

QString cueTitle(const QString &cueId);

} // namespace rg::ui
