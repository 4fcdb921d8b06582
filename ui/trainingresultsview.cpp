// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trainingresultsview.h"

#include "log/log.h"
#include "ui/chartsupport.h"
#include "ui/displaytext.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QColor>
#include <QPen>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

namespace rg::ui {

using namespace Qt::StringLiterals;

namespace {

// Ten colours far apart (the Tableau 10 palette), one per trainee line.
constexpr std::array<QRgb, 10> kLineColours{0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                            0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};

// What a cell sorts by: a number, or (when absent) its text.
constexpr int kSortRole = Qt::UserRole;
// The trainee a row or a series belongs to, as named in the runs shown (maybe a pseudonym).
constexpr int kTraineeRole = Qt::UserRole + 1;
const char *const kTraineeProperty = "rgTrainee";

constexpr int kScoreStep = 20;
constexpr double kDimmedOpacity = 0.25;
constexpr int kHighlightWidth = 4;
// Below any figure: cells without one ("—") sort first when ascending.
constexpr double kNoValue = std::numeric_limits<double>::lowest();

const QString kNone = u"—"_s;

// Sorts numerically by kSortRole when both cells have a number there, else by text as the
// user's language orders it.
class SortItem final : public QTableWidgetItem
{
public:
    explicit SortItem(const QString &text)
        : QTableWidgetItem(text)
    {}

    bool operator<(const QTableWidgetItem &other) const override
    {
        const QVariant mine = data(kSortRole);
        const QVariant theirs = other.data(kSortRole);
        if (mine.isValid() && theirs.isValid())
            return mine.toDouble() < theirs.toDouble();
        return QString::localeAwareCompare(text(), other.text()) < 0;
    }
};

SortItem *textItem(const QString &text)
{
    auto *item = new SortItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

SortItem *numberItem(const QString &text, double sortKey)
{
    SortItem *item = textItem(text);
    item->setData(kSortRole, sortKey);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString score(double value)
{
    return QLocale().toString(value, 'f', 1);
}

QString percent(double share)
{
    const QLocale locale;
    return locale.toString(100.0 * share, 'f', 0) + locale.percent();
}


} // namespace

/*!
 * Shows the runs \a loader returns; it is called now and by every reload(). A failing loader
 * leaves the view empty with its error in the label above the table.
 */
TrainingResultsView::TrainingResultsView(RunLoader loader, QWidget *parent)
    : QWidget(parent)
    , m_loader(std::move(loader))
    , m_error(new QLabel(this))
    , m_cohort(new QComboBox(this))
    , m_anonymise(new QCheckBox(tr("A&nonymise trainees"), this))
    , m_reload(new QPushButton(tr("Re&load"), this))
    , m_export(new QPushButton(tr("E&xport CSV…"), this))
    , m_table(new QTableWidget(this))
    , m_chart(new QChartView(new QChart, this))
    , m_status(new QLabel(this))
{
    auto *cohortLabel = new QLabel(tr("Co&hort:"), this);
    cohortLabel->setObjectName(u"cohortLabel"_s);
    cohortLabel->setTextFormat(Qt::PlainText);
    cohortLabel->setBuddy(m_cohort);
    m_cohort->setObjectName(u"cohortComboBox"_s);
    m_cohort->setAccessibleName(tr("Cohort shown"));
    // Tabbing into the view (or focusing it) starts at the cohort filter.
    setFocusProxy(m_cohort);
    m_cohort->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_anonymise->setObjectName(u"anonymiseCheckBox"_s);
    m_anonymise->setAccessibleName(tr("Show trainees under pseudonyms"));
    m_anonymise->setToolTip(
        tr("Show and export each trainee as a stable pseudonym (trainee-…) instead of the name"));
    m_reload->setObjectName(u"reloadButton"_s);
    m_reload->setAccessibleName(tr("Reload the training results"));
    m_export->setObjectName(u"exportCsvButton"_s);
    m_export->setAccessibleName(tr("Export the runs shown as CSV"));

    m_error->setObjectName(u"errorLabel"_s);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setAccessibleName(tr("Training results problem"));
    letShrinkBelowLongestWord(m_error);
    m_error->hide();

    m_table->setObjectName(u"comparisonTableWidget"_s);
    m_table->setAccessibleName(tr("Cohort comparison"));
    m_table->setColumnCount(ColumnCount);
    const QList<std::pair<QString, QString>> headers = {
        {tr("Trainee"), {}},
        {tr("Runs"), {}},
        {tr("Mean weighted"), tr("Mean weighted score of all runs")},
        {tr("Recall"), tr("Cues flagged of the cues there were to flag, over all runs")},
        {tr("Precision"), tr("Flags that were right, over all runs")},
        {tr("Fraud stopped"), tr("Share of the fraud scenarios that ended with the fraud stopped")},
        {tr("Wrong refusals"), tr("Share of the genuine scenarios that ended in a wrong refusal")},
        {tr("With assist (n)"), tr("Mean weighted score with the assistant's cues (runs)")},
        {tr("Without assist (n)"), tr("Mean weighted score without the assistant (runs)")},
        {tr("Assist gain"),
         tr("Mean weighted score with the assistant minus without it, when there were both")},
    };
    for (int column = 0; column < ColumnCount; ++column) {
        auto *header = new QTableWidgetItem(headers.at(column).first);
        if (!headers.at(column).second.isEmpty())
            header->setToolTip(headers.at(column).second);
        m_table->setHorizontalHeaderItem(column, header);
    }
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TraineeColumn, Qt::AscendingOrder);

    m_chart->setObjectName(u"progressChartView"_s);
    m_chart->setAccessibleName(tr("Weighted score over time"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);
    m_chart->chart()->setTitle(tr("Weighted score over time"));
    m_chart->chart()->legend()->setAlignment(Qt::AlignRight);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"resultsSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_chart);
    // The table needs a few rows; the chart gets the rest.
    splitter->setSizes({200, 400});

    m_status->setObjectName(u"statusLabel"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    letShrinkBelowLongestWord(m_status);

    auto *controls = new QHBoxLayout;
    controls->addWidget(cohortLabel);
    controls->addWidget(m_cohort);
    controls->addWidget(m_anonymise);
    controls->addStretch(1);
    controls->addWidget(m_reload);
    controls->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_cohort, &QComboBox::currentIndexChanged, this, &TrainingResultsView::applyFilter);
    connect(m_anonymise, &QCheckBox::toggled, this, &TrainingResultsView::anonymiseToggled);
    connect(m_reload, &QPushButton::clicked, this, &TrainingResultsView::reload);
    connect(m_export, &QPushButton::clicked, this, &TrainingResultsView::exportClicked);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            &TrainingResultsView::highlightSelected);

    reload();
}

TrainingResultsView::~TrainingResultsView() = default;

/*!
 * Sets the file of the pseudonym salt (created on first use, owner-only). Pseudonyms shown
 * already are made again with the new salt; if it cannot be read, Anonymise is turned off.
 */
void TrainingResultsView::setSaltPath(const QString &path)
{
    if (path == m_saltPath)
        return;
    m_saltPath = path;
    m_salt.clear();
    if (m_anonymise->isChecked())
        anonymiseToggled(true);
}

QString TrainingResultsView::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

/*!
 * Reads the runs again through the loader. The cohort chosen stays chosen while some run is in
 * it; a load error empties the view and says why.
 */
void TrainingResultsView::reload()
{
    m_loadProblem.clear();
    m_actionProblem.clear();
    if (!m_loader) {
        m_runs.clear();
        m_loadProblem = tr("Cannot load the training results: no results store is open.");
    } else if (Result<QList<training::RunRecord>> loaded = m_loader(); loaded) {
        m_runs = std::move(loaded).value();
    } else {
        m_runs.clear();
        m_loadProblem = tr("Cannot load the training results: %1").arg(loaded.error());
    }
    if (!m_loadProblem.isEmpty())
        log::get("training")->warn("{}", m_loadProblem.toStdString());
    showProblems();
    fillCohorts();
    applyFilter();
    emit reloaded();
}

// "All cohorts", each named cohort, and "(no cohort)" when some runs have none. Index 0 is
// always "All cohorts"; the others carry the cohort as data.
void TrainingResultsView::fillCohorts()
{
    const bool hadChoice = m_cohort->currentIndex() > 0;
    const QString chosen = m_cohort->currentData().toString();
    QStringList cohorts;
    bool unnamed = false;
    for (const training::RunRecord &run : std::as_const(m_runs)) {
        if (run.cohort.isEmpty())
            unnamed = true;
        else if (!cohorts.contains(run.cohort))
            cohorts.append(run.cohort);
    }
    std::sort(cohorts.begin(), cohorts.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    const QSignalBlocker blocker(m_cohort);
    m_cohort->clear();
    m_cohort->addItem(tr("All cohorts"));
    for (const QString &cohort : std::as_const(cohorts))
        m_cohort->addItem(displaySafe(cohort), cohort);
    if (unnamed)
        m_cohort->addItem(tr("(no cohort)"), QString(u""_s));
    int index = 0;
    for (int i = 1; hadChoice && i < m_cohort->count(); ++i) {
        if (m_cohort->itemData(i).toString() == chosen)
            index = i;
    }
    m_cohort->setCurrentIndex(index);
}

// The runs of the cohort chosen, under pseudonyms when asked, and what the table and the chart
// make of them.
void TrainingResultsView::applyFilter()
{
    const bool all = m_cohort->currentIndex() <= 0;
    const QString cohort = m_cohort->currentData().toString();
    m_shown.clear();
    for (const training::RunRecord &run : std::as_const(m_runs)) {
        if (all || run.cohort == cohort)
            m_shown.append(run);
    }
    if (m_anonymise->isChecked() && !m_salt.isEmpty())
        m_shown = training::anonymised(m_shown, m_salt);
    m_rows = training::compareCohort(m_shown);
    fillTable();
    drawChart();
    m_status->setText(tr("%n run(s)", nullptr, int(m_shown.size())) + u", "_s
                      + tr("%n trainee(s)", nullptr, int(m_rows.size())));
}

void TrainingResultsView::fillTable()
{
    const QLocale locale;
    // Sorting while filling would move rows under the loop; the order is restored after.
    m_table->setSortingEnabled(false);
    m_table->clearContents();
    m_table->setRowCount(int(m_rows.size()));
    for (int row = 0; row < m_rows.size(); ++row) {
        const training::CohortRow &figures = m_rows.at(row);
        auto *trainee = textItem(displaySafe(figures.trainee));
        trainee->setData(kTraineeRole, figures.trainee);
        m_table->setItem(row, TraineeColumn, trainee);
        m_table->setItem(row, RunsColumn,
                         numberItem(locale.toString(figures.runs), double(figures.runs)));
        m_table->setItem(row, MeanWeightedColumn,
                         numberItem(score(figures.meanWeighted), figures.meanWeighted));
        m_table->setItem(row, RecallColumn, numberItem(percent(figures.recall), figures.recall));
        m_table->setItem(row, PrecisionColumn,
                         numberItem(percent(figures.precision), figures.precision));
        const auto rateItem = [](int runs, double share, const QString &tip) {
            SortItem *item
                = runs == 0 ? numberItem(kNone, kNoValue) : numberItem(percent(share), share);
            item->setToolTip(tip);
            return item;
        };
        m_table->setItem(row, StopRateColumn,
                         rateItem(figures.fraudRuns, figures.stopRate,
                                  tr("%n fraud run(s)", nullptr, figures.fraudRuns)));
        m_table->setItem(row, WrongRefusalColumn,
                         rateItem(figures.genuineRuns, figures.wrongRefusalRate,
                                  tr("%n genuine run(s)", nullptr, figures.genuineRuns)));
        const auto meanItem = [&locale](int runs, double mean) {
            return runs == 0
                       ? numberItem(kNone, kNoValue)
                       : numberItem(u"%1 (%2)"_s.arg(score(mean), locale.toString(runs)), mean);
        };
        m_table->setItem(row, AssistColumn, meanItem(figures.assistRuns, figures.meanAssist));
        m_table->setItem(row, NoAssistColumn, meanItem(figures.noAssistRuns, figures.meanNoAssist));
        if (figures.assistRuns > 0 && figures.noAssistRuns > 0) {
            const double difference = figures.meanAssist - figures.meanNoAssist;
            const QString sign = difference > 0 ? QString(locale.positiveSign()) : QString();
            m_table->setItem(row, DifferenceColumn,
                             numberItem(sign + score(difference), difference));
        } else {
            m_table->setItem(row, DifferenceColumn, numberItem(kNone, kNoValue));
        }
    }
    m_table->setSortingEnabled(true);
}

// One line per trainee shown: each run's weighted score at the time it finished.
void TrainingResultsView::drawChart()
{
    QChart *chart = clearedChart(m_chart);
    const QList<training::TraineeProgress> progress = training::traineeProgress(m_shown);
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    double highest = 100.0;
    QList<QLineSeries *> lines;
    for (const training::TraineeProgress &trainee : progress) {
        auto *series = new QLineSeries;
        series->setName(chartText(trainee.trainee));
        series->setProperty(kTraineeProperty, trainee.trainee);
        // A trainee with a single run has no line to draw, only its point.
        series->setPointsVisible(true);
        for (const auto &[finished, weighted] : trainee.weighted) {
            const qint64 x = finished.toMSecsSinceEpoch();
            series->append(double(x), weighted);
            first = std::min(first, x);
            last = std::max(last, x);
            highest = std::max(highest, weighted);
        }
        chart->addSeries(series);
        // The chart theme repeats its colours after five: a cohort needs more to tell lines apart.
        QPen pen = series->pen();
        pen.setColor(QColor(kLineColours.at(std::size_t(lines.size()) % kLineColours.size())));
        series->setPen(pen);
        lines.append(series);
    }
    if (lines.isEmpty())
        return;
    if (first == last) {
        // One moment: an hour either side, so the point is not on the axis' edge.
        first -= 3600 * 1000;
        last += 3600 * 1000;
    }
    auto *axisX = new QDateTimeAxis;
    axisX->setFormat(u"yyyy-MM-dd hh:mm"_s);
    axisX->setTitleText(tr("finished"));
    axisX->setTickCount(5);
    axisX->setRange(QDateTime::fromMSecsSinceEpoch(first, QTimeZone::utc()),
                    QDateTime::fromMSecsSinceEpoch(last, QTimeZone::utc()));
    chart->addAxis(axisX, Qt::AlignBottom);
    // 0 to 100 in steps of 20; a weighted score above 100 (a hard scenario) raises the top.
    const int top = kScoreStep * int(std::ceil(highest / kScoreStep));
    auto *axisY = new QValueAxis;
    axisY->setRange(0, top);
    axisY->setTickCount(top / kScoreStep + 1);
    axisY->setLabelFormat(u"%d"_s);
    axisY->setTitleText(tr("score"));
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QLineSeries *series : std::as_const(lines)) {
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }
    highlightSelected();
}

// The trainee of the selected row stands out in the chart (thicker, the others faded); with no
// row selected every line is drawn alike.
void TrainingResultsView::highlightSelected()
{
    QString selected;
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    if (!items.isEmpty()) {
        if (const QTableWidgetItem *trainee = m_table->item(items.first()->row(), TraineeColumn))
            selected = trainee->data(kTraineeRole).toString();
    }
    const QList<QAbstractSeries *> all = m_chart->chart()->series();
    for (QAbstractSeries *series : all) {
        auto *line = qobject_cast<QLineSeries *>(series);
        if (!line)
            continue;
        const bool chosen = line->property(kTraineeProperty).toString() == selected;
        line->setOpacity(selected.isEmpty() || chosen ? 1.0 : kDimmedOpacity);
        QPen pen = line->pen();
        pen.setWidth(chosen ? kHighlightWidth : 2);
        line->setPen(pen);
    }
}

// Pseudonyms need the salt: read (or created) the first time they are asked for. Without it
// the names stay and the box is cleared again, saying why.
void TrainingResultsView::anonymiseToggled(bool on)
{
    if (on && m_salt.isEmpty()) {
        QString problem;
        if (m_saltPath.isEmpty()) {
            problem = tr("no pseudonym salt file is set");
        } else if (Result<QByteArray> salt = training::loadOrCreateSalt(m_saltPath); salt) {
            m_salt = std::move(salt).value();
        } else {
            problem = salt.error();
        }
        if (!problem.isEmpty()) {
            const QSignalBlocker blocker(m_anonymise);
            m_anonymise->setChecked(false);
            showActionProblem(tr("Cannot anonymise the trainees: %1").arg(problem));
        } else {
            showActionProblem({});
        }
    }
    applyFilter();
}

void TrainingResultsView::exportClicked()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Training Results"),
                                                      u"refundguard-training-results.csv"_s,
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const Result<bool> written = exportCsv(path); !written) {
        showActionProblem(written.error());
        return;
    }
    showActionProblem({});
    m_status->setText(tr("Exported %n run(s) to %1", nullptr, int(m_shown.size())).arg(path));
}

/*!
 * Writes the runs shown (the cohort chosen, under pseudonyms when Anonymise is on) to \a path
 * through writeResultsCsv. QSaveFile replaces the file only once it is complete, so a failed
 * write leaves whatever was there before.
 */
Result<bool> TrainingResultsView::exportCsv(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{u"%1: %2"_s.arg(path, file.errorString())};
    if (const Result<bool> written = training::writeResultsCsv(m_shown, file); !written)
        return Error{u"%1: %2"_s.arg(path, written.error())};
    if (!file.commit())
        return Error{u"%1: %2"_s.arg(path, file.errorString())};
    return true;
}

// The problem of the last thing the trainer did (anonymise, export) beside the load's own, so
// that one does not hide the other; an empty \a message clears it.
void TrainingResultsView::showActionProblem(const QString &message)
{
    if (!message.isEmpty())
        log::get("training")->warn("{}", message.toStdString());
    m_actionProblem = message;
    showProblems();
}

void TrainingResultsView::showProblems()
{
    QStringList lines;
    for (const QString &problem : {m_loadProblem, m_actionProblem}) {
        if (!problem.isEmpty())
            lines.append(problem);
    }
    m_error->setText(lines.join(u'\n'));
    m_error->setHidden(lines.isEmpty());
}

} // namespace rg::ui
