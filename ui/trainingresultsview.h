// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"
#include "training/resultstore.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QWidget>

#include <functional>

class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace rg::ui {

// Use me to let a trainer compare trainees: a table of each trainee's figures (with and without
// the assistant) and their weighted scores over time, filtered by cohort, optionally under
// pseudonyms, exportable as CSV exactly as shown.
class TrainingResultsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingResultsView)

public:
    // Reads every run (oldest first, as ResultStore::runs does); called by reload().
    using RunLoader = std::function<Result<QList<training::RunRecord>>()>;

    // The table's columns, in order.
    enum Column {
        TraineeColumn,
        RunsColumn,
        MeanWeightedColumn,
        RecallColumn,
        PrecisionColumn,
        StopRateColumn,
        WrongRefusalColumn,
        AssistColumn,
        NoAssistColumn,
        DifferenceColumn,
        ColumnCount
    };

    explicit TrainingResultsView(RunLoader loader, QWidget *parent = nullptr);
    ~TrainingResultsView() override;

    // Where the pseudonym salt lives (created on first use); without one, Anonymise is refused.
    void setSaltPath(const QString &path);
    QString saltPath() const { return m_saltPath; }

    // Writes the runs shown (cohort filter and pseudonyms applied) to \a path as CSV; the file
    // is replaced only once it is complete.
    Result<bool> exportCsv(const QString &path);

    // What is shown: the runs after the filter and pseudonyms, one row per trainee of them.
    const QList<training::RunRecord> &shownRuns() const { return m_shown; }
    const QList<training::CohortRow> &rows() const { return m_rows; }
    // The problems shown above the table (the load's; the last anonymise's or export's), one a
    // line; empty when none.
    QString errorText() const;

public slots:
    // Reads the runs again, keeping the cohort chosen when it still has runs.
    void reload();

signals:
    // After each reload(), whether or not it worked.
    void reloaded();

private:
    void applyFilter();
    void fillCohorts();
    void fillTable();
    void drawChart();
    void highlightSelected();
    void anonymiseToggled(bool on);
    void exportClicked();
    void showActionProblem(const QString &message);
    void showProblems();

    RunLoader m_loader;
    QString m_saltPath;
    QByteArray m_salt; // loaded when Anonymise is turned on
    QList<training::RunRecord> m_runs;
    QList<training::RunRecord> m_shown;
    QList<training::CohortRow> m_rows;
    QString m_loadProblem;
    QString m_actionProblem; // of the last anonymise or export

    QLabel *m_error;
    QComboBox *m_cohort;
    QCheckBox *m_anonymise;
    QPushButton *m_reload;
    QPushButton *m_export;
    QTableWidget *m_table;
    QChartView *m_chart;
    QLabel *m_status;
};

} // namespace rg::ui
