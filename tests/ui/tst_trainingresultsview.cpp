// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "training/resultstore.h"
#include "ui/trainingresultsview.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using rg::Error;
using rg::Result;
using rg::test::errorOf;
using rg::training::CohortRow;
using rg::training::Outcome;
using rg::training::RunRecord;
using rg::ui::TrainingResultsView;

namespace {

const QDateTime kStart(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::utc());
const QString kAlice = u"Alice"_s;
const QString kBob = u"Bob"_s;
// Markup in a name must be shown as typed, in the table and in the chart's (rich text) legend.
const QString kCarol = u"Carol <b>x</b>"_s;

RunRecord makeRun(const QString &trainee, const QString &cohort, int minutes, bool genuine,
                  bool assist, Outcome outcome, double weighted, int tp, int fp, int fn)
{
    RunRecord run;
    run.trainee = trainee;
    run.cohort = cohort;
    run.scenario = genuine ? u"genuine-late-parcel"_s : u"rekk-empty-box"_s;
    run.genuine = genuine;
    run.assist = assist;
    run.startedAt = kStart.addSecs(minutes * 60 - 300);
    run.finishedAt = kStart.addSecs(minutes * 60);
    run.score.scenario = run.scenario;
    run.score.outcome = outcome;
    run.score.correctOutcome
        = outcome == Outcome::FraudStopped || outcome == Outcome::GenuineServed;
    run.score.tally.truePositives = tp;
    run.score.tally.falsePositives = fp;
    run.score.tally.falseNegatives = fn;
    run.score.difficulty = 3;
    run.score.score = weighted;
    run.score.weightedScore = weighted;
    run.detail = {{u"transcript"_s, u"%1 said hello"_s.arg(trainee)}};
    return run;
}

// Alice: with and without the assist. Bob: only with it. Carol (cohort B): only without it, and
// a mean of 100, which sorts after 60 as a number but before it as text.
QList<RunRecord> sampleRuns()
{
    QList<RunRecord> runs = {
        makeRun(kAlice, u"A"_s, 10, false, true, Outcome::FraudStopped, 80, 2, 0, 1),
        makeRun(kBob, u"A"_s, 15, false, true, Outcome::FraudStopped, 90, 3, 0, 0),
        makeRun(kAlice, u"A"_s, 20, false, false, Outcome::FraudSucceeded, 40, 1, 1, 2),
        makeRun(kBob, u"A"_s, 25, true, true, Outcome::GenuineWronglyRefused, 30, 0, 1, 0),
        makeRun(kAlice, u"A"_s, 30, true, false, Outcome::GenuineServed, 70, 0, 0, 0),
        makeRun(kCarol, u"B"_s, 40, false, false, Outcome::FraudStopped, 105, 2, 0, 0),
        makeRun(kCarol, u"B"_s, 50, true, false, Outcome::GenuineServed, 95, 0, 0, 0),
    };
    for (int i = 0; i < runs.size(); ++i)
        runs[i].id = i + 1;
    return runs;
}

template <typename T>
T *child(const QWidget &widget, const QString &name)
{
    auto *found = widget.findChild<T *>(name);
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

QStringList columnTexts(const QTableWidget *table, int column)
{
    QStringList texts;
    for (int row = 0; row < table->rowCount(); ++row)
        texts.append(table->item(row, column) ? table->item(row, column)->text() : QString());
    return texts;
}

int rowOf(const QTableWidget *table, const QString &trainee)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, TrainingResultsView::TraineeColumn)->text() == trainee)
            return row;
    }
    return -1;
}

QList<QLineSeries *> lineSeries(const TrainingResultsView &view)
{
    QList<QLineSeries *> lines;
    const auto *chart = view.findChild<QChartView *>(u"progressChartView"_s);
    if (!chart)
        return lines;
    const QList<QAbstractSeries *> all = chart->chart()->series();
    for (QAbstractSeries *series : all) {
        if (auto *line = qobject_cast<QLineSeries *>(series))
            lines.append(line);
    }
    return lines;
}

QStringList legendLabels(const TrainingResultsView &view)
{
    QStringList labels;
    const auto *chart = view.findChild<QChartView *>(u"progressChartView"_s);
    const QList<QLegendMarker *> markers = chart->chart()->legend()->markers();
    for (const QLegendMarker *marker : markers)
        labels.append(marker->label());
    return labels;
}

// RFC 4180 as writeResultsCsv writes it: CRLF rows, quoted fields with doubled quotes.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(cell);
            cell.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row.append(cell);
        rows.append(row);
    }
    return rows;
}

QString fixed(double value)
{
    return QLocale().toString(value, 'f', 1);
}

QString percent(double share)
{
    return QLocale().toString(100 * share, 'f', 0) + QLocale().percent();
}

} // namespace

class TestTrainingResultsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void tableMatchesComparison();
    void sortsByNumberNotText();
    void localeFormatsNumbers();
    void cohortFilterNarrowsRowsAndSeries();
    void selectionHighlightsTrainee();
    void anonymiseReplacesNamesStably();
    void anonymiseWithoutSaltIsRefused();
    void exportsWhatIsShown();
    void failedExportLeavesNoFile();
    void loaderErrorIsShown();
    void markupInNamesIsShownLiterally();
    void keyboardAndAccessibleNames();

private:
    std::unique_ptr<TrainingResultsView> makeView();

    std::unique_ptr<QTemporaryDir> m_dir;
    QList<RunRecord> m_runs;
    std::optional<QString> m_failure;
    int m_loads = 0;
};

void TestTrainingResultsView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTrainingResultsView::init()
{
    // Any warning fails, except the offscreen platform's note on every window it shows.
    QTest::failOnWarning(
        QRegularExpression(u"^(?!This plugin does not support propagateSizeHints\\(\\))"_s));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_runs = sampleRuns();
    m_failure.reset();
    m_loads = 0;
}

void TestTrainingResultsView::cleanup()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_dir.reset();
}

std::unique_ptr<TrainingResultsView> TestTrainingResultsView::makeView()
{
    auto view = std::make_unique<TrainingResultsView>([this]() -> Result<QList<RunRecord>> {
        ++m_loads;
        if (m_failure)
            return Error{*m_failure};
        return m_runs;
    });
    view->resize(1000, 700);
    return view;
}

// Every cell of every row reads as compareCohort computed it, "—" where a trainee had no run of
// that kind, and the difference only where there were runs with and without the assist.
void TestTrainingResultsView::tableMatchesComparison()
{
    const auto view = makeView();
    QCOMPARE(m_loads, 1);
    auto *table = child<QTableWidget>(*view, u"comparisonTableWidget"_s);
    QVERIFY(table);
    const QList<CohortRow> expected = rg::training::compareCohort(m_runs);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(view->rows().size(), expected.size());
    for (const CohortRow &row : expected) {
        const int r = rowOf(table, row.trainee);
        QVERIFY2(r >= 0, qPrintable(row.trainee));
        const auto cell = [&](int column) { return table->item(r, column)->text(); };
        QCOMPARE(cell(TrainingResultsView::RunsColumn), QString::number(row.runs));
        QCOMPARE(cell(TrainingResultsView::MeanWeightedColumn), fixed(row.meanWeighted));
        QCOMPARE(cell(TrainingResultsView::RecallColumn), percent(row.recall));
        QCOMPARE(cell(TrainingResultsView::PrecisionColumn), percent(row.precision));
        QCOMPARE(cell(TrainingResultsView::StopRateColumn),
                 row.fraudRuns ? percent(row.stopRate) : u"—"_s);
        QCOMPARE(cell(TrainingResultsView::WrongRefusalColumn),
                 row.genuineRuns ? percent(row.wrongRefusalRate) : u"—"_s);
        QCOMPARE(cell(TrainingResultsView::AssistColumn),
                 row.assistRuns ? u"%1 (%2)"_s.arg(fixed(row.meanAssist)).arg(row.assistRuns)
                                : u"—"_s);
        QCOMPARE(cell(TrainingResultsView::NoAssistColumn),
                 row.noAssistRuns ? u"%1 (%2)"_s.arg(fixed(row.meanNoAssist)).arg(row.noAssistRuns)
                                  : u"—"_s);
    }
    // The same figures written out by hand, so the formatting is pinned as well.
    const int alice = rowOf(table, kAlice);
    const int bob = rowOf(table, kBob);
    const int carol = rowOf(table, kCarol);
    const auto text = [table](int row, int column) { return table->item(row, column)->text(); };
    QCOMPARE(text(alice, TrainingResultsView::MeanWeightedColumn), u"63.3"_s);
    QCOMPARE(text(alice, TrainingResultsView::AssistColumn), u"80.0 (1)"_s);
    QCOMPARE(text(alice, TrainingResultsView::NoAssistColumn), u"55.0 (2)"_s);
    QCOMPARE(text(alice, TrainingResultsView::DifferenceColumn), u"+25.0"_s);
    QCOMPARE(text(alice, TrainingResultsView::StopRateColumn), u"50%"_s);
    QCOMPARE(text(alice, TrainingResultsView::WrongRefusalColumn), u"0%"_s);
    QCOMPARE(text(bob, TrainingResultsView::AssistColumn), u"60.0 (2)"_s);
    QCOMPARE(text(bob, TrainingResultsView::NoAssistColumn), u"—"_s);
    QCOMPARE(text(bob, TrainingResultsView::DifferenceColumn), u"—"_s);
    QCOMPARE(text(bob, TrainingResultsView::StopRateColumn), u"100%"_s);
    QCOMPARE(text(bob, TrainingResultsView::WrongRefusalColumn), u"100%"_s);
    QCOMPARE(text(carol, TrainingResultsView::AssistColumn), u"—"_s);
    QCOMPARE(text(carol, TrainingResultsView::NoAssistColumn), u"100.0 (2)"_s);
    QCOMPARE(text(carol, TrainingResultsView::DifferenceColumn), u"—"_s);
    // Alice: 3 true positives, 3 missed, 1 false alarm.
    QCOMPARE(text(alice, TrainingResultsView::RecallColumn), u"50%"_s);
    QCOMPARE(text(alice, TrainingResultsView::PrecisionColumn), u"75%"_s);
    QCOMPARE(lineSeries(*view).size(), 3);
    QVERIFY(view->errorText().isEmpty());
}

// Sorting a column orders by the figure, not by its text ("100.0" after "60.0"); cells
// without a figure sort first.
void TestTrainingResultsView::sortsByNumberNotText()
{
    const auto view = makeView();
    auto *table = child<QTableWidget>(*view, u"comparisonTableWidget"_s);
    QVERIFY(table);
    QVERIFY(table->isSortingEnabled());
    table->sortByColumn(TrainingResultsView::MeanWeightedColumn, Qt::AscendingOrder);
    QCOMPARE(columnTexts(table, TrainingResultsView::TraineeColumn),
             (QStringList{kBob, kAlice, kCarol}));
    table->sortByColumn(TrainingResultsView::MeanWeightedColumn, Qt::DescendingOrder);
    QCOMPARE(columnTexts(table, TrainingResultsView::TraineeColumn),
             (QStringList{kCarol, kAlice, kBob}));
    table->sortByColumn(TrainingResultsView::DifferenceColumn, Qt::DescendingOrder);
    QCOMPARE(table->item(0, TrainingResultsView::TraineeColumn)->text(), kAlice);
}

// Numbers follow the user's locale: a German trainer reads decimal commas.
void TestTrainingResultsView::localeFormatsNumbers()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const auto view = makeView();
    auto *table = child<QTableWidget>(*view, u"comparisonTableWidget"_s);
    QVERIFY(table);
    const int alice = rowOf(table, kAlice);
    QCOMPARE(table->item(alice, TrainingResultsView::MeanWeightedColumn)->text(), u"63,3"_s);
    QCOMPARE(table->item(alice, TrainingResultsView::NoAssistColumn)->text(), u"55,0 (2)"_s);
}

// Choosing a cohort keeps only its trainees in the table and the chart; the choice survives a
// reload, and "All cohorts" brings everyone back.
void TestTrainingResultsView::cohortFilterNarrowsRowsAndSeries()
{
    const auto view = makeView();
    auto *cohort = child<QComboBox>(*view, u"cohortComboBox"_s);
    auto *table = child<QTableWidget>(*view, u"comparisonTableWidget"_s);
    QVERIFY(cohort && table);
    QCOMPARE(cohort->count(), 3);
    QCOMPARE(cohort->itemText(0), u"All cohorts"_s);
    QCOMPARE(cohort->itemText(1), u"A"_s);
    QCOMPARE(cohort->itemText(2), u"B"_s);

    cohort->setCurrentIndex(cohort->findData(u"A"_s));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(columnTexts(table, TrainingResultsView::TraineeColumn), (QStringList{kAlice, kBob}));
    QCOMPARE(lineSeries(*view).size(), 2);
    QCOMPARE(view->shownRuns().size(), 5);
    QCOMPARE(legendLabels(*view), (QStringList{kAlice, kBob}));

    cohort->setCurrentIndex(cohort->findData(u"B"_s));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(lineSeries(*view).size(), 1);
    QCOMPARE(lineSeries(*view).constFirst()->count(), 2);
    for (const RunRecord &run : view->shownRuns())
        QCOMPARE(run.cohort, u"B"_s);

    // A new run in another cohort appears in the list; the choice stays.
    m_runs.append(
        makeRun(u"Dana"_s, QString(), 60, false, false, Outcome::FraudStopped, 50, 1, 0, 0));
    view->reload();
    QCOMPARE(m_loads, 2);
    QCOMPARE(cohort->currentText(), u"B"_s);
    QCOMPARE(cohort->itemText(cohort->count() - 1), u"(no cohort)"_s);
    QCOMPARE(table->rowCount(), 1);

    cohort->setCurrentIndex(cohort->count() - 1);
    QCOMPARE(columnTexts(table, TrainingResultsView::TraineeColumn), (QStringList{u"Dana"_s}));

    cohort->setCurrentIndex(0);
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(lineSeries(*view).size(), 4);
}

// Selecting a row brings its trainee's line forward and fades the others; clearing the
// selection draws them alike again.
void TestTrainingResultsView::selectionHighlightsTrainee()
{
    const auto view = makeView();
    auto *table = child<QTableWidget>(*view, u"comparisonTableWidget"_s);
    QVERIFY(table);
    table->selectRow(rowOf(table, kBob));
    for (const QLineSeries *series : lineSeries(*view)) {
        if (series->name() == kBob) {
            QCOMPARE(series->opacity(), 1.0);
            QVERIFY(series->pen().width() > 2);
        } else {
            QVERIFY2(series->opacity() < 1.0, qPrintable(series->name()));
        }
    }
    table->clearSelection();
    for (const QLineSeries *series : lineSeries(*view))
        QCOMPARE(series->opacity(), 1.0);
}

// With Anonymise on, the table, the legend and the CSV carry "trainee-" pseudonyms made with the
// salt file; they stay the same after a reload and in another view over the same salt file.
void TestTrainingResultsView::anonymiseReplacesNamesStably()
{
    const QString saltPath = m_dir->filePath(u"pseudonym.salt"_s);
    const auto view = makeView();
    view->setSaltPath(saltPath);
    auto *anonymise = child<QCheckBox>(*view, u"anonymiseCheckBox"_s);
    auto *table = child<QTableWidget>(*view, u"comparisonTableWidget"_s);
    QVERIFY(anonymise && table);
    QVERIFY(!QFile::exists(saltPath)); // only read (or made) when asked for
    anonymise->click();
    QVERIFY(anonymise->isChecked());
    QVERIFY2(view->errorText().isEmpty(), qPrintable(view->errorText()));
    QVERIFY(QFile::exists(saltPath));

    const auto salt = rg::training::loadOrCreateSalt(saltPath);
    QVERIFY2(salt, qPrintable(errorOf(salt)));
    QStringList expected;
    for (const QString &name : {kAlice, kBob, kCarol})
        expected.append(rg::training::anonymousId(name, salt.value()));
    std::sort(expected.begin(), expected.end());

    const auto names = [&table, &view] {
        QStringList shown = columnTexts(table, TrainingResultsView::TraineeColumn);
        std::sort(shown.begin(), shown.end());
        QStringList legend = legendLabels(*view);
        std::sort(legend.begin(), legend.end());
        return std::pair{shown, legend};
    };
    const auto [shown, legend] = names();
    QCOMPARE(shown, expected);
    QCOMPARE(legend, expected);
    for (const QString &name : shown)
        QVERIFY2(name.startsWith(u"trainee-"_s), qPrintable(name));

    const QString csvPath = m_dir->filePath(u"anonymous.csv"_s);
    const auto written = view->exportCsv(csvPath);
    QVERIFY2(written, qPrintable(errorOf(written)));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    for (const QString &name : {u"Alice"_s, u"Bob"_s, u"Carol"_s})
        QVERIFY2(!bytes.contains(name.toUtf8()), qPrintable(name));
    const QList<QStringList> rows = parseCsv(bytes);
    QCOMPARE(rows.size(), 1 + m_runs.size());
    const int traineeColumn = int(rows.constFirst().indexOf(u"trainee"_s));
    QCOMPARE(traineeColumn, 1);
    for (qsizetype i = 1; i < rows.size(); ++i)
        QVERIFY(expected.contains(rows.at(i).at(traineeColumn)));

    view->reload();
    QVERIFY(anonymise->isChecked());
    const auto [reloadedShown, reloadedLegend] = names();
    QCOMPARE(reloadedShown, expected);
    QCOMPARE(reloadedLegend, expected);

    // Another view (another session) over the same salt file gives the same pseudonyms.
    const auto second = makeView();
    second->setSaltPath(saltPath);
    child<QCheckBox>(*second, u"anonymiseCheckBox"_s)->click();
    QStringList again = columnTexts(child<QTableWidget>(*second, u"comparisonTableWidget"_s),
                                    TrainingResultsView::TraineeColumn);
    std::sort(again.begin(), again.end());
    QCOMPARE(again, expected);

    // Off again: the names come back.
    anonymise->click();
    QVERIFY(columnTexts(table, TrainingResultsView::TraineeColumn).contains(kAlice));
}

// Without a usable salt, Anonymise says why and unchecks itself; the names stay.
void TestTrainingResultsView::anonymiseWithoutSaltIsRefused()
{
    const auto view = makeView();
    auto *anonymise = child<QCheckBox>(*view, u"anonymiseCheckBox"_s);
    auto *error = child<QLabel>(*view, u"errorLabel"_s);
    auto *table = child<QTableWidget>(*view, u"comparisonTableWidget"_s);
    QVERIFY(anonymise && error && table);

    anonymise->click();
    QVERIFY(!anonymise->isChecked());
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(u"no pseudonym salt file"_s), qPrintable(error->text()));
    QVERIFY(columnTexts(table, TrainingResultsView::TraineeColumn).contains(kAlice));

    // A salt file of the wrong size is named.
    const QString badSalt = m_dir->filePath(u"short.salt"_s);
    {
        QFile file(badSalt);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("short");
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    view->setSaltPath(badSalt);
    anonymise->click();
    QVERIFY(!anonymise->isChecked());
    QVERIFY2(view->errorText().contains(badSalt), qPrintable(view->errorText()));
    QVERIFY(columnTexts(table, TrainingResultsView::TraineeColumn).contains(kAlice));

    // A good salt file: the names go and so does the complaint.
    view->setSaltPath(m_dir->filePath(u"good.salt"_s));
    anonymise->click();
    QVERIFY(anonymise->isChecked());
    QVERIFY2(view->errorText().isEmpty(), qPrintable(view->errorText()));
    QVERIFY(error->isHidden());
    QVERIFY(!columnTexts(table, TrainingResultsView::TraineeColumn).contains(kAlice));
}

// The CSV holds the runs of the cohort shown, one row each under writeResultsCsv's header,
// with the figures of the runs.
void TestTrainingResultsView::exportsWhatIsShown()
{
    const auto view = makeView();
    auto *cohort = child<QComboBox>(*view, u"cohortComboBox"_s);
    QVERIFY(cohort);
    cohort->setCurrentIndex(cohort->findData(u"A"_s));
    const QString path = m_dir->filePath(u"cohort-a.csv"_s);
    const auto written = view->exportCsv(path);
    QVERIFY2(written, qPrintable(errorOf(written)));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(file.readAll());
    QCOMPARE(rows.size(), 1 + 5);
    const QStringList header = rows.constFirst();
    QCOMPARE(header, (QStringList{u"id"_s,
                                  u"trainee"_s,
                                  u"cohort"_s,
                                  u"scenario"_s,
                                  u"genuine"_s,
                                  u"assist"_s,
                                  u"started_at"_s,
                                  u"finished_at"_s,
                                  u"outcome"_s,
                                  u"correct_outcome"_s,
                                  u"true_positive"_s,
                                  u"false_positive"_s,
                                  u"false_negative"_s,
                                  u"precision"_s,
                                  u"recall"_s,
                                  u"checks"_s,
                                  u"breaches"_s,
                                  u"overrides"_s,
                                  u"difficulty"_s,
                                  u"score"_s,
                                  u"weighted_score"_s}));
    const auto column = [&header](const QString &name) { return int(header.indexOf(name)); };
    QList<RunRecord> cohortA;
    for (const RunRecord &run : std::as_const(m_runs)) {
        if (run.cohort == u"A"_s)
            cohortA.append(run);
    }
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList &row = rows.at(i);
        QCOMPARE(row.size(), header.size());
        const RunRecord &run = cohortA.at(i - 1);
        QCOMPARE(row.at(column(u"id"_s)).toLongLong(), run.id);
        QCOMPARE(row.at(column(u"trainee"_s)), run.trainee);
        QCOMPARE(row.at(column(u"cohort"_s)), u"A"_s);
        QCOMPARE(row.at(column(u"assist"_s)), run.assist ? u"1"_s : u"0"_s);
        QCOMPARE(row.at(column(u"outcome"_s)), rg::training::outcomeName(run.score.outcome));
        QCOMPARE(row.at(column(u"weighted_score"_s)).toDouble(), run.score.weightedScore);
        QCOMPARE(QDateTime::fromString(row.at(column(u"finished_at"_s)), Qt::ISODateWithMs),
                 run.finishedAt);
    }
}

// A file that cannot be written is named in the error and nothing is left behind; an existing
// file is replaced only by a complete export.
void TestTrainingResultsView::failedExportLeavesNoFile()
{
    const auto view = makeView();
    const QString path = m_dir->filePath(u"missing-folder/results.csv"_s);
    const auto written = view->exportCsv(path);
    QVERIFY(!written);
    QVERIFY2(written.error().contains(path), qPrintable(written.error()));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());

    const QString existing = m_dir->filePath(u"results.csv"_s);
    {
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old");
    }
    const auto replaced = view->exportCsv(existing);
    QVERIFY2(replaced, qPrintable(errorOf(replaced)));
    QFile file(existing);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(parseCsv(file.readAll()).size(), 1 + m_runs.size());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
             QStringList{u"results.csv"_s});
}

// A loader that fails leaves the view empty with the cause in the error label; the next good
// load clears it.
void TestTrainingResultsView::loaderErrorIsShown()
{
    m_failure = u"training.db: database disk image is malformed"_s;
    const auto view = makeView();
    auto *error = child<QLabel>(*view, u"errorLabel"_s);
    auto *table = child<QTableWidget>(*view, u"comparisonTableWidget"_s);
    auto *cohort = child<QComboBox>(*view, u"cohortComboBox"_s);
    QVERIFY(error && table && cohort);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"Cannot load the training results"_s),
             qPrintable(error->text()));
    QVERIFY(error->text().contains(*m_failure));
    QCOMPARE(view->errorText(), error->text());
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(view->rows().isEmpty());
    QVERIFY(lineSeries(*view).isEmpty());
    QCOMPARE(cohort->count(), 1);

    m_failure.reset();
    child<QPushButton>(*view, u"reloadButton"_s)->click();
    QVERIFY(!error->isVisible());
    QVERIFY(view->errorText().isEmpty());
    QCOMPARE(table->rowCount(), 3);

    // And back: a good load followed by a bad one does not keep the old rows.
    m_failure = u"connection refused"_s;
    view->reload();
    QVERIFY(error->isVisible());
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(lineSeries(*view).isEmpty());

    // Without a loader at all.
    TrainingResultsView none{TrainingResultsView::RunLoader()};
    QVERIFY(!none.errorText().isEmpty());
    QVERIFY(none.rows().isEmpty());
}

// "<b>x</b>" in a name is escaped for the chart's rich-text legend and shown as typed in the
// table.
void TestTrainingResultsView::markupInNamesIsShownLiterally()
{
    const auto view = makeView();
    auto *table = child<QTableWidget>(*view, u"comparisonTableWidget"_s);
    QVERIFY(table);
    QVERIFY(rowOf(table, kCarol) >= 0);
    const QString escaped = u"Carol &lt;b&gt;x&lt;/b&gt;"_s;
    QVERIFY2(legendLabels(*view).contains(escaped), qPrintable(legendLabels(*view).join(u'|')));
    bool found = false;
    for (const QLineSeries *series : lineSeries(*view))
        found = found || series->name() == escaped;
    QVERIFY(found);
}

// Every control has an object name and an accessible name, labels are plain text, and the
// mnemonics reach the controls: Alt+H and an arrow key pick a cohort, Alt+N anonymises.
void TestTrainingResultsView::keyboardAndAccessibleNames()
{
    const auto view = makeView();
    view->setSaltPath(m_dir->filePath(u"pseudonym.salt"_s));
    for (const QString &name :
         {u"cohortComboBox"_s, u"anonymiseCheckBox"_s, u"reloadButton"_s, u"exportCsvButton"_s,
          u"comparisonTableWidget"_s, u"progressChartView"_s, u"errorLabel"_s}) {
        auto *widget = child<QWidget>(*view, name);
        QVERIFY2(widget, qPrintable(name));
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(name));
    }
    for (const QLabel *label : view->findChildren<QLabel *>()) {
        QVERIFY2(!label->objectName().isEmpty(), qPrintable(label->text()));
        QCOMPARE(label->textFormat(), Qt::PlainText);
    }
    auto *cohort = child<QComboBox>(*view, u"cohortComboBox"_s);
    auto *anonymise = child<QCheckBox>(*view, u"anonymiseCheckBox"_s);
    auto *table = child<QTableWidget>(*view, u"comparisonTableWidget"_s);
    QVERIFY(cohort && anonymise && table);
    QCOMPARE(child<QLabel>(*view, u"cohortLabel"_s)->buddy(), cohort);
    for (const QString &name : {u"anonymiseCheckBox"_s, u"reloadButton"_s, u"exportCsvButton"_s})
        QVERIFY2(child<QAbstractButton>(*view, name)->text().contains(u'&'), qPrintable(name));

    view->show();
    QVERIFY(QTest::qWaitForWindowActive(view.get()));
    QTest::keyClick(view.get(), Qt::Key_H, Qt::AltModifier);
    QTRY_VERIFY(cohort->hasFocus());
    QTest::keyClick(cohort, Qt::Key_Down);
    QCOMPARE(cohort->currentText(), u"A"_s);
    QCOMPARE(table->rowCount(), 2);
    QTest::keyClick(view.get(), Qt::Key_N, Qt::AltModifier);
    QTRY_VERIFY(anonymise->isChecked());
    QVERIFY(table->item(0, TrainingResultsView::TraineeColumn)->text().startsWith(u"trainee-"_s));
}

QTEST_MAIN(TestTrainingResultsView)
#include "tst_trainingresultsview.moc"
