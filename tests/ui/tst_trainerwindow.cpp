// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/engine.h"
#include "model/cue.h"
#include "testsupport.h"
#include "training/answers.h"
#include "training/intents.h"
#include "training/scenariolibrary.h"
#include "training/scenariorunner.h"
#include "ui/actionpanel.h"
#include "ui/cueexplanation.h"
#include "ui/riskbadge.h"
#include "ui/signalsmodel.h"
#include "ui/trainerwindow.h"
#include "ui/trainingresultsview.h"
#include "ui/transcriptview.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QFile>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using rg::test::errorOf;
using rg::training::Outcome;
using rg::training::TraineeAction;
using rg::ui::TrainerWindow;

namespace {

const QString kScenario = u"rekk-non-receipt-photo"_s;
// The refund the trainee checks before verifying anyone: identity first, so a block.
const QJsonObject kRefund{{u"type"_s, u"refund"_s},
                          {u"order_id"_s, u"A-1001"_s},
                          {u"amount"_s, 189.0},
                          {u"currency"_s, u"USD"_s},
                          {u"method"_s, u"original_payment"_s}};
// Fast enough that a scenario's seconds of typing pass in milliseconds.
constexpr double kFast = 1000.0;

template<typename T>
T *child(const QWidget &window, const QString &name)
{
    auto *found = window.findChild<T *>(name);
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

// Whether any text of \a document carries a highlight (a finding's shading).
bool hasHighlight(const QTextDocument *document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().background().style() != Qt::NoBrush)
                return true;
        }
    }
    return false;
}

void selectData(QComboBox *box, const QVariant &data)
{
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    box->setCurrentIndex(index);
}

} // namespace

class TstTrainerWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // Scenario: the library is compiled in: 20 scenarios, each valid, each shown with its title,
    // language, difficulty and kind; every cue of the taxonomy has its explanation.
    void libraryIsShipped();
    // Scenario: a trainer sets up a session with assist off; the customer's messages arrive; the
    // trainee flags the first with the right cue from the keyboard, checks a refund (blocked),
    // refuses twice; the debrief says fraud stopped, shows the correct flag and the missed cues
    // with their explanations, and the score is the runner's for the same steps; the run is
    // stored. A second session with assist on shows the engine's highlights and the risk.
    void trainingSession();
    // Scenario: going ahead against a block asks for a reason; the debrief lists the override.
    void overrideNeedsAReason();
    // Scenario: a scripted trainee (an answers file) plays through the window to the debrief,
    // scored as `refundguard-cli scenario run` scores it; the store failing is said, not hidden.
    void playsAnswersFile();
    void playReportsARefusedStep();
    // Scenario: the trainee promises a refund without a return in a reply; the debrief marks the
    // promise under the reply with the cue's explanation and keeps it in the stored detail.
    void debriefMarksProblemsInReplies();
    // Scenario: the window is closed mid-run; the run is stored as abandoned, outcome incomplete.
    void closingMidRunSavesItAsAbandoned();
    // Scenario (the issue's "done when"): a cohort plays the same scenario, one trainee with and
    // without the assist; the results page compares them from the store, and exports the CSV.
    void resultsPageComparesTheCohort();

private:
    void playScripted(TrainerWindow &window, const QString &trainee, const QString &answers,
                      bool assist);

    std::unique_ptr<TrainerWindow> makeWindow();

    std::unique_ptr<rg::batch::Engine> m_engine;
    std::optional<rg::training::IntentMatcher> m_intents;
    QList<rg::training::RunRecord> m_stored;
    bool m_storeFails = false;
};

void TstTrainerWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto engine = rg::batch::Engine::load();
    QVERIFY2(engine, qPrintable(errorOf(engine)));
    m_engine = std::move(engine).value();
    auto intents = rg::training::IntentMatcher::load();
    QVERIFY2(intents, qPrintable(errorOf(intents)));
    m_intents.emplace(std::move(intents).value());
}

std::unique_ptr<TrainerWindow> TstTrainerWindow::makeWindow()
{
    m_stored.clear();
    rg::ui::TrainerServices services;
    services.engine = m_engine.get();
    services.intents = &*m_intents;
    services.store = [this](const rg::training::RunRecord &run) -> rg::Result<qint64> {
        if (m_storeFails)
            return rg::Error{u"the disk is full"_s};
        m_stored.append(run);
        return qint64(m_stored.size());
    };
    services.loadRuns = [this]() -> rg::Result<QList<rg::training::RunRecord>> { return m_stored; };
    auto window = std::make_unique<TrainerWindow>(std::move(services),
                                                  rg::training::shippedScenarios());
    window->setSpeed(kFast);
    window->show();
    return window;
}

void TstTrainerWindow::libraryIsShipped()
{
    const QStringList paths = rg::training::shippedScenarios();
    QCOMPARE(paths.size(), 20);
    QVERIFY(paths.contains(u":/scenarios/"_s + kScenario + u".json"_s));
    QVERIFY(!paths.contains(rg::training::kDefaultIntents));

    const auto window = makeWindow();
    QCOMPARE(window->libraryProblems(), QStringList());
    auto *table = child<QTableWidget>(*window, u"scenarioTableWidget"_s);
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 20);
    QCOMPARE(table->columnCount(), 4);
    const auto scenario = rg::training::Scenario::load(u":/scenarios/"_s + kScenario + u".json"_s);
    QVERIFY2(scenario, qPrintable(errorOf(scenario)));
    const auto found = table->findItems(scenario.value().title, Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    const int row = found.front()->row();
    QCOMPARE(table->item(row, 1)->text(), u"en"_s);
    QCOMPARE(table->item(row, 2)->text(), u"3"_s);
    QCOMPARE(table->item(row, 3)->text(), u"Fraud attempt"_s);
    QVERIFY(!table->findItems(u"Genuine"_s, Qt::MatchExactly).isEmpty());

    for (const rg::model::CueInfo &cue : rg::model::cues())
        QVERIFY2(!rg::ui::cueExplanation(QString(cue.id)).isEmpty(), cue.id.data());
}

void TstTrainerWindow::trainingSession()
{
    const auto window = makeWindow();
    auto *pages = child<QStackedWidget>(*window, u"pagesStackedWidget"_s);
    auto *start = child<QPushButton>(*window, u"startButton"_s);
    auto *assist = child<QCheckBox>(*window, u"assistCheckBox"_s);
    auto *messages = child<QListWidget>(*window, u"customerMessagesListWidget"_s);
    auto *cues = child<QComboBox>(*window, u"cueComboBox"_s);
    auto *flag = child<QPushButton>(*window, u"flagButton"_s);
    auto *transcript = child<rg::ui::TranscriptView>(*window, u"transcriptView"_s);
    auto *badge = child<rg::ui::RiskBadge>(*window, u"riskBadge"_s);
    QVERIFY(pages && start && assist && messages && cues && flag && transcript && badge);

    // Setup: a name and a scenario are needed before the session can start.
    QVERIFY(!start->isEnabled());
    QTest::keyClicks(child<QLineEdit>(*window, u"traineeLineEdit"_s), u"Ana Trainee"_s);
    QTest::keyClicks(child<QLineEdit>(*window, u"cohortLineEdit"_s), u"2026-11"_s);
    QVERIFY(!start->isEnabled());
    QCOMPARE(window->setUpSession(u"Ana Trainee"_s, u"2026-11"_s, {kScenario}, false), QStringList());
    QVERIFY(start->isEnabled());
    QVERIFY(!assist->isChecked());
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(pages->currentWidget()->objectName(), u"runPage"_s);
    QVERIFY(!badge->isVisible());

    // The opening's two messages arrive, paced, without highlights.
    QTRY_COMPARE(messages->count(), 2);
    QTRY_COMPARE(window->pendingMessages(), 0);
    QCOMPARE(transcript->shownTurns(), 2);
    QVERIFY(!hasHighlight(transcript->document()));

    // Flag the first message from the keyboard: the list, the cue box, the Flag button.
    messages->setFocus();
    QTest::keyClick(messages, Qt::Key_Home);
    QCOMPARE(messages->currentRow(), 0);
    selectData(cues, u"claim_non_receipt"_s);
    QVERIFY(flag->isEnabled());
    QTest::keyClick(flag, Qt::Key_Space);
    QVERIFY(child<QLabel>(*window, u"flagStatusLabel"_s)->text().contains(rg::ui::cueTitle(u"claim_non_receipt"_s)));

    // Check the refund before anyone is verified, in the sidebar's own action panel, which lists
    // the scenario case's orders: blocked, with the policy named.
    auto *panel = child<rg::ui::ActionPanel>(*window, u"actionPanel"_s);
    QVERIFY(panel && panel->isEnabled());
    selectData(child<QComboBox>(*panel, u"typeComboBox"_s), u"refund"_s);
    selectData(child<QComboBox>(*panel, u"orderComboBox"_s), u"A-1001"_s);
    QCOMPARE(child<QLineEdit>(*panel, u"currencyLineEdit"_s)->text(), u"USD"_s);
    child<QDoubleSpinBox>(*panel, u"amountSpinBox"_s)->setValue(189.0);
    selectData(child<QComboBox>(*panel, u"methodComboBox"_s), u"original_payment"_s);
    QTest::mouseClick(child<QPushButton>(*panel, u"checkButton"_s), Qt::LeftButton);
    QVERIFY2(child<QLabel>(*panel, u"verdictLabel"_s)->text().startsWith(u"Block"_s),
             qPrintable(child<QLabel>(*panel, u"verdictLabel"_s)->text()));
    QVERIFY(!child<QLabel>(*panel, u"citationsLabel"_s)->text().isEmpty());
    QVERIFY(child<QPushButton>(*panel, u"proceedButton"_s)->isVisible());

    // Refuse: the customer pushes back (threats), refuse again: the run ends.
    QTest::mouseClick(child<QPushButton>(*window, u"refusedButton"_s), Qt::LeftButton);
    QTRY_COMPARE(messages->count(), 3);
    QTest::mouseClick(child<QPushButton>(*window, u"refusedButton"_s), Qt::LeftButton);
    QTRY_COMPARE(pages->currentWidget()->objectName(), u"debriefPage"_s);

    // The runner alone, given the same steps, scores the same.
    auto scenario = rg::training::Scenario::load(u":/scenarios/"_s + kScenario + u".json"_s);
    QVERIFY(scenario);
    rg::training::ScenarioRunner expected(scenario.value(), *m_engine, *m_intents);
    expected.start();
    QVERIFY(expected.flag(0, u"claim_non_receipt"_s).value());
    QCOMPARE(expected.check(kRefund).value().verdict, rg::policy::Verdict::Block);
    QVERIFY(expected.act(TraineeAction::Refused));
    QVERIFY(expected.act(TraineeAction::Refused));
    const rg::training::Score want = expected.score();
    QCOMPARE(want.outcome, Outcome::FraudStopped);

    QCOMPARE(window->results().size(), 1);
    const rg::training::RunRecord &run = window->results().front();
    QCOMPARE(run.trainee, u"Ana Trainee"_s);
    QCOMPARE(run.cohort, u"2026-11"_s);
    QCOMPARE(run.scenario, kScenario);
    QVERIFY(!run.assist);
    QCOMPARE(run.score.outcome, Outcome::FraudStopped);
    QCOMPARE(run.score.score, want.score);
    QCOMPARE(run.score.weightedScore, want.weightedScore);
    QCOMPARE(run.score.tally.truePositives, 1);
    QCOMPARE(run.score.tally.falsePositives, want.tally.falsePositives);
    QCOMPARE(run.score.tally.falseNegatives, want.tally.falseNegatives);
    QCOMPARE(run.score.tally.checks, 1);
    QCOMPARE(run.score.tally.blocksHeeded, 1);
    QCOMPARE(run.score.tally.breaches, 0);
    QCOMPARE(m_stored.size(), 1);
    QCOMPARE(m_stored.front().score.score, want.score);

    // The debrief.
    QVERIFY(child<QLabel>(*window, u"outcomeLabel"_s)->text().contains(u"Fraud stopped"_s));
    QVERIFY(child<QLabel>(*window, u"outcomeLabel"_s)->text().contains(u"the right outcome"_s));
    const QString score = child<QLabel>(*window, u"scoreLabel"_s)->text();
    QVERIFY2(score.contains(QLocale().toString(want.score, 'f', 1)), qPrintable(score));
    QVERIFY2(score.contains(QLocale().toString(want.weightedScore, 'f', 1)), qPrintable(score));
    QCOMPARE(child<QLabel>(*window, u"policyLabel"_s)->text(), u"Actions against policy: none."_s);
    QVERIFY(child<QLabel>(*window, u"savedLabel"_s)->text().startsWith(u"Saved"_s));
    const QString debrief = child<QTextEdit>(*window, u"debriefTextEdit"_s)->toPlainText();
    QVERIFY2(debrief.contains(u"✓ Correct flag: "_s + rg::ui::cueTitle(u"claim_non_receipt"_s)),
             qPrintable(debrief));
    QVERIFY2(debrief.contains(u"○ Missed cue: "_s + rg::ui::cueTitle(u"urgency"_s) + u" — "_s
                              + rg::ui::cueExplanation(u"urgency"_s)),
             qPrintable(debrief));
    QVERIFY(debrief.contains(u"○ Missed cue: "_s + rg::ui::cueTitle(u"threat_pressure"_s)));
    QVERIFY(debrief.contains(u"not scored"_s));
    QVERIFY(!debrief.contains(u"False flag"_s));
    QVERIFY(!child<QPushButton>(*window, u"nextButton"_s)->isVisible());

    // Finish, then a second session with the assist on: the engine's highlights and risk show.
    QTest::mouseClick(child<QPushButton>(*window, u"finishButton"_s), Qt::LeftButton);
    QCOMPARE(pages->currentWidget()->objectName(), u"setupPage"_s);
    QVERIFY(child<QLabel>(*window, u"setupMessageLabel"_s)->text().contains(u"Ana Trainee"_s));
    QCOMPARE(window->setUpSession(u"Ana Trainee"_s, u"2026-11"_s, {kScenario}, true), QStringList());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE(messages->count(), 2);
    QVERIFY(transcript->shownTurns() == 2);
    QVERIFY(hasHighlight(transcript->document()));
    QVERIFY(badge->isVisible());
    QVERIFY(!badge->text().isEmpty());
    // Report suspected fraud from the panel, as on shift: the run takes it as an escalation.
    QTest::mouseClick(child<QPushButton>(*window, u"reportButton"_s), Qt::LeftButton);
    QTRY_VERIFY(QApplication::activeModalWidget());
    QWidget *report = QApplication::activeModalWidget();
    QCOMPARE(report->objectName(), u"escalationDialog"_s);
    QTest::keyClicks(child<QPlainTextEdit>(*report, u"noteTextEdit"_s), u"FTID script"_s);
    QTest::mouseClick(child<QPushButton>(*report, u"sendReportButton"_s), Qt::LeftButton);
    QTRY_COMPARE(pages->currentWidget()->objectName(), u"debriefPage"_s);
    QCOMPARE(window->results().size(), 2);
    QVERIFY(window->results().back().assist);
    QCOMPARE(window->results().back().score.outcome, Outcome::FraudStopped);
}

void TstTrainerWindow::overrideNeedsAReason()
{
    const auto window = makeWindow();
    QCOMPARE(window->setUpSession(u"Ben"_s, {}, {kScenario}, false), QStringList());
    QVERIFY(window->startSession());
    auto *messages = child<QListWidget>(*window, u"customerMessagesListWidget"_s);
    QTRY_COMPARE(messages->count(), 2);
    auto *panel = child<rg::ui::ActionPanel>(*window, u"actionPanel"_s);
    QTest::mouseClick(child<QPushButton>(*panel, u"checkButton"_s), Qt::LeftButton);
    QVERIFY(child<QLabel>(*panel, u"verdictLabel"_s)->text().startsWith(u"Block"_s));

    // Proceed anyway: the override dialog of a shift wants a category, a reason and a tick.
    QTest::mouseClick(child<QPushButton>(*panel, u"proceedButton"_s), Qt::LeftButton);
    QTRY_VERIFY(QApplication::activeModalWidget());
    QWidget *dialog = QApplication::activeModalWidget();
    QCOMPARE(dialog->objectName(), u"overrideDialog"_s);
    auto *record = child<QPushButton>(*dialog, u"recordButton"_s);
    QVERIFY(!record->isEnabled());
    QTest::keyClicks(child<QComboBox>(*dialog, u"categoryComboBox"_s), u"Supervisor"_s);
    QTest::keyClicks(child<QPlainTextEdit>(*dialog, u"reasonTextEdit"_s),
                     u"<b>supervisor</b> said yes on the phone"_s);
    QVERIFY(!record->isEnabled());
    QTest::keyClick(child<QCheckBox>(*dialog, u"confirmCheckBox"_s), Qt::Key_Space);
    QVERIFY(record->isEnabled());
    QTest::mouseClick(record, Qt::LeftButton);
    auto *pages = child<QStackedWidget>(*window, u"pagesStackedWidget"_s);
    QTRY_COMPARE(pages->currentWidget()->objectName(), u"debriefPage"_s);

    const rg::training::RunRecord &run = window->results().front();
    QCOMPARE(run.score.outcome, Outcome::FraudSucceeded);
    QCOMPARE(run.score.tally.overrides, 1);
    QCOMPARE(run.score.tally.breaches, 0);
    QVERIFY(child<QLabel>(*window, u"outcomeLabel"_s)->text().contains(u"Fraud succeeded"_s));
    const QString policy = child<QLabel>(*window, u"policyLabel"_s)->text();
    QVERIFY2(policy.contains(u"Overrode after a block on refund A-1001"_s), qPrintable(policy));
    // Shown as typed: the label never renders markup.
    QVERIFY(policy.contains(u"<b>supervisor</b> said yes on the phone"_s));
    QCOMPARE(child<QLabel>(*window, u"policyLabel"_s)->textFormat(), Qt::PlainText);
}

void TstTrainerWindow::playsAnswersFile()
{
    const QString answersPath = QStringLiteral(RG_TEST_DATA_DIR) + u"/scenarios/rekk-careful.json"_s;
    const auto answers = rg::training::Answers::load(answersPath);
    QVERIFY2(answers, qPrintable(errorOf(answers)));
    auto scenario = rg::training::Scenario::load(u":/scenarios/"_s + kScenario + u".json"_s);
    QVERIFY(scenario);
    rg::training::ScenarioRunner expected(scenario.value(), *m_engine, *m_intents);
    const auto want = expected.run(answers.value());
    QVERIFY2(want, qPrintable(errorOf(want)));

    m_storeFails = true;
    const auto window = makeWindow();
    m_storeFails = true;
    QCOMPARE(window->setUpSession(u"Demo"_s, {}, {kScenario}, false), QStringList());
    QVERIFY(window->startSession());
    QSignalSpy failed(window.get(), &TrainerWindow::playFailed);
    const auto played = window->play(answers.value());
    QVERIFY2(played, qPrintable(errorOf(played)));
    auto *pages = child<QStackedWidget>(*window, u"pagesStackedWidget"_s);
    QTRY_COMPARE(pages->currentWidget()->objectName(), u"debriefPage"_s);
    QCOMPARE(failed.count(), 0);
    m_storeFails = false;

    const rg::training::Score &got = window->results().front().score;
    QCOMPARE(got.outcome, Outcome::FraudStopped);
    QCOMPARE(got.toJson(), want.value().toJson());
    QVERIFY(child<QLabel>(*window, u"savedLabel"_s)->text().startsWith(u"NOT saved: the disk is full"_s));
    const QString debrief = child<QTextEdit>(*window, u"debriefTextEdit"_s)->toPlainText();
    QVERIFY(debrief.contains(u"✓ Correct flag: "_s + rg::ui::cueTitle(u"process_steering"_s)));
    // The script answers what it has read: each reply comes after the messages before it.
    QVERIFY(debrief.indexOf(u"You replied"_s) > debrief.indexOf(u"Customer · message 2"_s));
    QVERIFY(debrief.indexOf(u"Customer · message 4"_s) < debrief.indexOf(u"You: Refused"_s));
}

// Scenario: a script step the runner refuses (a flag on a message never shown) is reported.
void TstTrainerWindow::playReportsARefusedStep()
{
    const auto window = makeWindow();
    QCOMPARE(window->setUpSession(u"Demo"_s, {}, {kScenario}, false), QStringList());
    QVERIFY(window->startSession());
    const auto answers = rg::training::Answers::fromJson(QJsonDocument::fromJson(
        R"({"steps": [{"flag": {"message": 9, "cue": "urgency"}}]})").object());
    QVERIFY2(answers, qPrintable(errorOf(answers)));
    QSignalSpy failed(window.get(), &TrainerWindow::playFailed);
    QVERIFY(window->play(answers.value()));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.front().front().toString().startsWith(u"/steps/0: message 9 has not been shown"_s),
             qPrintable(failed.front().front().toString()));
}

QTEST_MAIN(TstTrainerWindow)
void TstTrainerWindow::debriefMarksProblemsInReplies()
{
    const auto window = makeWindow();
    QCOMPARE(window->setUpSession(u"Cleo"_s, {}, {kScenario}, false), QStringList());
    QVERIFY(window->startSession());
    auto *messages = child<QListWidget>(*window, u"customerMessagesListWidget"_s);
    QTRY_COMPARE(messages->count(), 2);
    QTRY_COMPARE(window->pendingMessages(), 0);
    auto *reply = child<QLineEdit>(*window, u"replyLineEdit"_s);
    const QString promise = u"Sorry about that! I'll refund you right away, no return needed."_s;
    QTest::keyClicks(reply, promise);
    QTest::keyClick(reply, Qt::Key_Return);
    QVERIFY(reply->text().isEmpty());
    auto *pages = child<QStackedWidget>(*window, u"pagesStackedWidget"_s);
    auto *refused = child<QPushButton>(*window, u"refusedButton"_s);
    for (int i = 0; i < 5 && pages->currentWidget()->objectName() != u"debriefPage"_s; ++i) {
        QTRY_COMPARE(window->pendingMessages(), 0);
        if (refused->isEnabled())
            QTest::mouseClick(refused, Qt::LeftButton);
    }
    QTRY_COMPARE(pages->currentWidget()->objectName(), u"debriefPage"_s);

    const QString debrief = child<QTextEdit>(*window, u"debriefTextEdit"_s)->toPlainText();
    const QString mark = u"⚠ In your reply: "_s + rg::ui::cueTitle(u"agent_commitment"_s) + u" — "_s
                         + rg::ui::cueExplanation(u"agent_commitment"_s);
    const qsizetype replied = debrief.indexOf(promise);
    QVERIFY2(replied >= 0, qPrintable(debrief));
    QVERIFY2(debrief.indexOf(mark, replied) > replied, qPrintable(debrief));
    const QJsonArray problems = m_stored.back().detail.value(u"reply_problems"_s).toArray();
    QVERIFY(!problems.isEmpty());
    QCOMPARE(problems.at(0)[u"cue"_s].toString(), u"agent_commitment"_s);
    QVERIFY(promise.contains(problems.at(0)[u"evidence"_s].toString(), Qt::CaseInsensitive));
}

void TstTrainerWindow::closingMidRunSavesItAsAbandoned()
{
    {
        // A name the store would refuse is refused before the run, not after it.
        const auto refusing = makeWindow();
        QCOMPARE(refusing->setUpSession(u"Dan\u202E"_s, {}, {kScenario}, false), QStringList());
        const auto started = refusing->startSession();
        QVERIFY(!started);
        QVERIFY2(started.error().contains(u"control or formatting character"_s), qPrintable(started.error()));
        QVERIFY(!refusing->runner());
    }
    const auto window = makeWindow();
    QCOMPARE(window->setUpSession(u"Dan"_s, u"B"_s, {kScenario}, false), QStringList());
    QVERIFY(window->startSession());
    auto *messages = child<QListWidget>(*window, u"customerMessagesListWidget"_s);
    QTRY_COMPARE(messages->count(), 2);
    QTest::keyClick(messages, Qt::Key_Home);
    selectData(child<QComboBox>(*window, u"cueComboBox"_s), u"claim_non_receipt"_s);
    QTest::mouseClick(child<QPushButton>(*window, u"flagButton"_s), Qt::LeftButton);
    QCOMPARE(m_stored.size(), 0);

    QVERIFY(window->close());
    QCOMPARE(m_stored.size(), 1);
    const rg::training::RunRecord &run = m_stored.front();
    QCOMPARE(run.trainee, u"Dan"_s);
    QCOMPARE(run.cohort, u"B"_s);
    QCOMPARE(run.score.outcome, Outcome::Incomplete);
    QCOMPARE(run.score.tally.truePositives, 1);
    QVERIFY(run.detail.value(u"abandoned"_s).toBool());
    QCOMPARE(window->results().size(), 1);
    QVERIFY(!window->runner());
}

void TstTrainerWindow::playScripted(TrainerWindow &window, const QString &trainee,
                                    const QString &answers, bool assist)
{
    const auto loaded = rg::training::Answers::load(QStringLiteral(RG_TEST_DATA_DIR)
                                                    + u"/scenarios/"_s + answers + u".json"_s);
    QVERIFY2(loaded, qPrintable(errorOf(loaded)));
    QCOMPARE(window.setUpSession(trainee, u"2026-11"_s, {kScenario}, assist), QStringList());
    QVERIFY(window.startSession());
    QVERIFY(window.play(loaded.value()));
    auto *pages = child<QStackedWidget>(window, u"pagesStackedWidget"_s);
    QTRY_COMPARE(pages->currentWidget()->objectName(), u"debriefPage"_s);
    QTest::mouseClick(child<QPushButton>(window, u"finishButton"_s), Qt::LeftButton);
}

void TstTrainerWindow::resultsPageComparesTheCohort()
{
    const auto window = makeWindow();
    playScripted(*window, u"Ana"_s, u"rekk-careful"_s, false);
    playScripted(*window, u"Ana"_s, u"rekk-careful"_s, true);
    playScripted(*window, u"Ben"_s, u"rekk-credulous"_s, false);
    QCOMPARE(m_stored.size(), 3);

    auto *pages = child<QStackedWidget>(*window, u"pagesStackedWidget"_s);
    QTest::mouseClick(child<QPushButton>(*window, u"resultsButton"_s), Qt::LeftButton);
    QCOMPARE(pages->currentWidget()->objectName(), u"resultsPage"_s);
    auto *view = child<rg::ui::TrainingResultsView>(*window, u"trainingResultsView"_s);
    QVERIFY(view && view->isVisible());
    QVERIFY(view->errorText().isEmpty());
    const QList<rg::training::CohortRow> want = rg::training::compareCohort(m_stored);
    QCOMPARE(view->rows().size(), 2);
    for (qsizetype i = 0; i < want.size(); ++i) {
        QCOMPARE(view->rows().at(i).trainee, want.at(i).trainee);
        QCOMPARE(view->rows().at(i).meanAssist, want.at(i).meanAssist);
        QCOMPARE(view->rows().at(i).meanNoAssist, want.at(i).meanNoAssist);
    }
    const rg::training::CohortRow &ana = view->rows().at(0);
    QCOMPARE(ana.trainee, u"Ana"_s);
    QCOMPARE(ana.assistRuns, 1);
    QCOMPARE(ana.noAssistRuns, 1);
    QVERIFY(ana.meanNoAssist > view->rows().at(1).meanNoAssist); // careful beats credulous
    auto *table = child<QTableWidget>(*view, u"comparisonTableWidget"_s);
    QCOMPARE(table->rowCount(), 2);

    QTemporaryDir dir;
    const QString csv = dir.filePath(u"cohort.csv"_s);
    const auto exported = view->exportCsv(csv);
    QVERIFY2(exported, qPrintable(errorOf(exported)));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count("\r\n"), 4); // the header and three runs

    QTest::mouseClick(child<QPushButton>(*window, u"backButton"_s), Qt::LeftButton);
    QCOMPARE(pages->currentWidget()->objectName(), u"setupPage"_s);
}

#include "tst_trainerwindow.moc"
