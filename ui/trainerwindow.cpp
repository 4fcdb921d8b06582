// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trainerwindow.h"

#include "ui_trainerwindow.h"

#include "batch/engine.h"
#include "log/log.h"
#include "model/cue.h"
#include "session/actiontarget.h"
#include "training/intents.h"
#include "ui/actionpanel.h"
#include "ui/cueexplanation.h"
#include "ui/displaytext.h"
#include "ui/overridedialog.h"
#include "ui/riskbadge.h"
#include "ui/signalsmodel.h"
#include "ui/trainingresultsview.h"
#include "ui/transcriptview.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>
#include <QStyle>
#include <QTableWidgetItem>
#include <QTextCursor>

#include <algorithm>
#include <climits>
#include <utility>

namespace rg::ui {

using namespace Qt::StringLiterals;
using training::Outcome;
using training::TraineeAction;

namespace {

constexpr int kStatusTimeoutMs = 10000;
constexpr int kLibraryRole = Qt::UserRole;       // scenario table: index into the library
constexpr int kMessageRole = Qt::UserRole;       // customer messages: the runner's index

enum LibraryColumn { TitleColumn, LanguageColumn, DifficultyColumn, KindColumn, ColumnCount };

QString actionTitle(TraineeAction action)
{
    switch (action) {
    case TraineeAction::VerifiedIdentity:
        return TrainerWindow::tr("Verified identity");
    case TraineeAction::Refused:
        return TrainerWindow::tr("Refused");
    case TraineeAction::OfferedRefund:
        return TrainerWindow::tr("Offered refund");
    case TraineeAction::Escalated:
        return TrainerWindow::tr("Escalated");
    case TraineeAction::Overrode:
        return TrainerWindow::tr("Overrode");
    }
    return {};
}

QString outcomeTitle(Outcome outcome)
{
    switch (outcome) {
    case Outcome::FraudStopped:
        return TrainerWindow::tr("Fraud stopped");
    case Outcome::FraudSucceeded:
        return TrainerWindow::tr("Fraud succeeded");
    case Outcome::GenuineServed:
        return TrainerWindow::tr("Genuine customer served");
    case Outcome::GenuineWronglyRefused:
        return TrainerWindow::tr("Genuine customer wrongly refused");
    case Outcome::Incomplete:
        return TrainerWindow::tr("Incomplete");
    }
    return {};
}

QString verdictWord(policy::Verdict verdict)
{
    switch (verdict) {
    case policy::Verdict::Allow:
        return TrainerWindow::tr("allow");
    case policy::Verdict::Warn:
        return TrainerWindow::tr("warning");
    case policy::Verdict::Block:
        return TrainerWindow::tr("block");
    }
    return {};
}

// "refund A-1001 189.00 USD original_payment": the checked action in one line.
QString actionSummary(const QJsonObject &action)
{
    QStringList parts{action.value(u"type"_s).toString(), action.value(u"order_id"_s).toString()};
    if (action.contains(u"amount"_s)) {
        // The currency is optional in a check (the case's order has one).
        parts << u"%1 %2"_s.arg(action.value(u"amount"_s).toDouble(), 0, 'f', 2)
                     .arg(action.value(u"currency"_s).toString())
                     .trimmed();
    }
    parts << action.value(u"method"_s).toString();
    parts.removeAll(QString());
    return parts.join(u' ');
}

// "Title — what it means", the line a debrief and a tooltip give a cue.
QString cueLine(const QString &cue)
{
    return TrainerWindow::tr("%1 — %2").arg(cueTitle(cue), cueExplanation(cue));
}

} // namespace

/*!
 * The running scenario as the action panel's target: the trainee checks, overrides and reports
 * with the controls of a shift, and each step goes to the run. Nothing reaches an audit log; the
 * records returned exist for the panel's confirmation and the debrief.
 */
class RunActionTarget final : public session::ActionTarget
{
public:
    explicit RunActionTarget(TrainerWindow *window) : ActionTarget(window), m_window(window) {}

    const model::Case *actionCase() const override
    {
        return m_window->m_runCase ? &*m_window->m_runCase : nullptr;
    }
    bool isPractice() const override { return true; }
    Result<policy::Decision> checkAction(const QJsonObject &action) override
    {
        m_window->passThinkTime();
        return m_window->checkAction(action);
    }
    Result<audit::AuditRecord> recordOverride(const QJsonObject &action,
                                              const policy::Decision &decision,
                                              const QString &reasonCategory,
                                              const QString &reasonText) override
    {
        m_window->passThinkTime();
        QString category = reasonCategory;
        for (const OverrideDialog::ReasonCategory &known : OverrideDialog::reasonCategories()) {
            if (known.id == reasonCategory)
                category = known.label;
        }
        const QString reason = TrainerWindow::tr("%1: %2").arg(category, reasonText.trimmed());
        if (auto taken = m_window->takeAction(TraineeAction::Overrode, reason); !taken)
            return Error{taken.error()};
        return practiceRecord(audit::RecordKind::Override,
                              {{u"action"_s, action},
                               {u"verdict"_s, policy::verdictName(decision.verdict)},
                               {u"reason_category"_s, reasonCategory},
                               {u"reason"_s, reasonText}});
    }
    Result<audit::AuditRecord> recordEscalation(const QString &note) override
    {
        m_window->passThinkTime();
        if (auto taken = m_window->takeAction(TraineeAction::Escalated, note); !taken)
            return Error{taken.error()};
        return practiceRecord(audit::RecordKind::Escalation, {{u"note"_s, note}});
    }

private:
    audit::AuditRecord practiceRecord(audit::RecordKind kind, const QJsonObject &payload)
    {
        audit::AuditRecord record;
        record.chainId = u"practice"_s;
        record.seq = ++m_records;
        record.time = QDateTime::currentDateTimeUtc();
        record.kind = kind;
        record.actor = QJsonObject{{u"id"_s, m_window->m_trainee}, {u"role"_s, u"trainee"_s}};
        record.caseId = m_window->m_runCase ? m_window->m_runCase->id : QString();
        record.payload = payload;
        return record;
    }

    TrainerWindow *m_window;
    qint64 m_records = 0;
};

TrainerWindow::TrainerWindow(TrainerServices services, const QStringList &scenarioPaths,
                             QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<::Ui::TrainerWindow>()),
      m_services(std::move(services))
{
    m_ui->setupUi(this);
    m_transcript = new TranscriptView(m_ui->chatWidget);
    m_transcript->setObjectName(u"transcriptView"_s);
    m_ui->chatLayout->insertWidget(0, m_transcript, 1);
    m_riskBadge = new RiskBadge(m_ui->runPage);
    m_riskBadge->setObjectName(u"riskBadge"_s);
    m_ui->riskLayout->addWidget(m_riskBadge);
    m_actionPanel = new ActionPanel(m_ui->checkGroupBox);
    m_actionPanel->setObjectName(u"actionPanel"_s);
    m_ui->checkLayout->addWidget(m_actionPanel);
    m_actionTarget = new RunActionTarget(this);
    m_resultsView = new TrainingResultsView(m_services.loadRuns, m_ui->resultsPage);
    m_resultsView->setObjectName(u"trainingResultsView"_s);
    m_resultsView->setSaltPath(m_services.saltPath);
    m_ui->resultsLayout->insertWidget(0, m_resultsView, 1);
    m_ui->runSplitter->setStretchFactor(0, 3);
    m_ui->runSplitter->setStretchFactor(1, 2);
    // The title takes the room; the progress keeps its size.
    m_ui->runHeaderLayout->setStretchFactor(m_ui->scenarioTitleLabel, 1);
    // Scenario titles, case facts and what the trainee typed reach these labels: never markup.
    for (QLabel *label : {m_ui->setupMessageLabel, m_ui->scenarioTitleLabel, m_ui->flagStatusLabel,
                          m_ui->debriefTitleLabel, m_ui->outcomeLabel, m_ui->scoreLabel,
                          m_ui->savedLabel})
        label->setTextFormat(Qt::PlainText);
    for (QLabel *label : {m_ui->scenarioTitleLabel, m_ui->debriefTitleLabel, m_ui->outcomeLabel}) {
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
    }

    loadLibrary(scenarioPaths);
    connect(m_ui->traineeLineEdit, &QLineEdit::textChanged, this, &TrainerWindow::updateStartButton);
    connect(m_ui->scenarioTableWidget->selectionModel(), &QItemSelectionModel::selectionChanged,
            this, &TrainerWindow::updateStartButton);
    connect(m_ui->startButton, &QPushButton::clicked, this, [this] {
        if (const auto started = startSession(); !started)
            m_ui->setupMessageLabel->setText(started.error());
    });
    updateStartButton();

    setUpRunControls();
    m_revealTimer.setSingleShot(true);
    connect(&m_revealTimer, &QTimer::timeout, this, &TrainerWindow::revealNext);
    connect(m_ui->nextButton, &QPushButton::clicked, this, &TrainerWindow::nextScenario);
    connect(m_ui->finishButton, &QPushButton::clicked, this, &TrainerWindow::finishSession);
    connect(m_ui->resultsButton, &QPushButton::clicked, this, &TrainerWindow::showResults);
    connect(m_ui->backButton, &QPushButton::clicked, this, [this] {
        m_ui->pagesStackedWidget->setCurrentWidget(m_ui->setupPage);
        m_ui->resultsButton->setFocus();
    });

    m_ui->pagesStackedWidget->setCurrentWidget(m_ui->setupPage);
    resize(1100, 760);
}

TrainerWindow::~TrainerWindow() = default;

void TrainerWindow::setSpeed(double factor)
{
    m_speed = factor > 0 ? factor : 1.0;
}

/*!
 * Loads the library. A scenario that does not read or validate is left out with its problems
 * listed on the setup page: one broken file should not keep a class from training.
 */
void TrainerWindow::loadLibrary(const QStringList &paths)
{
    for (const QString &path : paths) {
        auto scenario = training::Scenario::load(path);
        if (!scenario) {
            m_libraryProblems.append(scenario.error());
            continue;
        }
        const QList<training::Problem> problems = training::validateScenario(scenario.value(), path);
        if (!problems.isEmpty()) {
            for (const training::Problem &problem : problems)
                m_libraryProblems.append(path + u": "_s + problem.text());
            continue;
        }
        m_library.append(std::move(scenario).value());
    }
    for (const QString &problem : std::as_const(m_libraryProblems))
        log::get("ui")->warn("training scenario left out: {}", problem.toStdString());

    QTableWidget *table = m_ui->scenarioTableWidget;
    table->setColumnCount(ColumnCount);
    table->setHorizontalHeaderLabels(
        {tr("Title"), tr("Language"), tr("Difficulty"), tr("Customer")});
    table->setRowCount(int(m_library.size()));
    for (int row = 0; row < m_library.size(); ++row) {
        const training::Scenario &scenario = m_library.at(row);
        auto *title = new QTableWidgetItem(displaySafe(scenario.title));
        title->setData(kLibraryRole, row);
        title->setToolTip(plainToolTip(scenario.objectives.join(u'\n')));
        table->setItem(row, TitleColumn, title);
        table->setItem(row, LanguageColumn, new QTableWidgetItem(scenario.language));
        auto *difficulty = new QTableWidgetItem;
        difficulty->setData(Qt::DisplayRole, scenario.difficulty);
        difficulty->setToolTip(plainToolTip(scenario.difficultyRationale));
        table->setItem(row, DifficultyColumn, difficulty);
        table->setItem(row, KindColumn, new QTableWidgetItem(scenario.genuine ? tr("Genuine")
                                                                              : tr("Fraud attempt")));
    }
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    for (int column : {LanguageColumn, DifficultyColumn, KindColumn})
        table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    table->setSortingEnabled(true);
    if (!m_libraryProblems.isEmpty()) {
        m_ui->setupMessageLabel->setText(
            tr("%n scenario file(s) could not be loaded and are not offered:\n", nullptr,
               int(m_libraryProblems.size()))
            + m_libraryProblems.join(u'\n'));
    }
}

void TrainerWindow::updateStartButton()
{
    m_ui->startButton->setEnabled(!m_ui->traineeLineEdit->text().trimmed().isEmpty()
                                  && m_ui->scenarioTableWidget->selectionModel()->hasSelection());
}

void TrainerWindow::setUpRunControls()
{
    for (const model::CueInfo &cue : model::cues()) {
        if (cue.side != model::Role::Customer)
            continue;
        const QString id(cue.id);
        m_ui->cueComboBox->addItem(cueTitle(id), id);
        m_ui->cueComboBox->setItemData(m_ui->cueComboBox->count() - 1,
                                       plainToolTip(cueExplanation(id)), Qt::ToolTipRole);
    }
    const auto report = [this](const Result<bool> &done) {
        if (!done)
            showStepError(done.error());
    };
    const auto send = [this, report] {
        passThinkTime();
        const auto sent = sendReply(m_ui->replyLineEdit->text());
        if (sent)
            m_ui->replyLineEdit->clear();
        report(sent);
    };
    connect(m_ui->sendButton, &QPushButton::clicked, this, send);
    connect(m_ui->replyLineEdit, &QLineEdit::returnPressed, this, send);
    const QList<std::pair<QPushButton *, TraineeAction>> actions = {
        {m_ui->verifiedButton, TraineeAction::VerifiedIdentity},
        {m_ui->refusedButton, TraineeAction::Refused},
        {m_ui->offeredRefundButton, TraineeAction::OfferedRefund}};
    for (const auto &[button, action] : actions) {
        connect(button, &QPushButton::clicked, this, [this, report, action = action] {
            passThinkTime();
            report(takeAction(action));
        });
    }

    const auto flagCurrent = [this, report](const QString &cue) {
        const QListWidgetItem *item = m_ui->customerMessagesListWidget->currentItem();
        if (!item) {
            showStepError(tr("Select the customer message to flag first."));
            return;
        }
        passThinkTime();
        report(flagMessage(item->data(kMessageRole).toInt(), cue));
    };
    connect(m_ui->flagButton, &QPushButton::clicked, this, [this, flagCurrent] {
        flagCurrent(m_ui->cueComboBox->currentData().toString());
    });
    connect(m_ui->customerMessagesListWidget, &QListWidget::currentItemChanged, this,
            &TrainerWindow::updateRunControls);
    // The menu key (or Shift+F10) opens it too, on the selected message.
    connect(m_ui->customerMessagesListWidget, &QWidget::customContextMenuRequested, this,
            [this, flagCurrent](const QPoint &pos) {
                QListWidget *list = m_ui->customerMessagesListWidget;
                if (QListWidgetItem *item = list->itemAt(pos))
                    list->setCurrentItem(item);
                const QListWidgetItem *current = list->currentItem();
                if (!current || !m_runner || m_runner->isFinished())
                    return;
                QMenu menu(list);
                menu.setObjectName(u"flagMenu"_s);
                menu.setTitle(tr("Flag with a cue"));
                for (int i = 0; i < m_ui->cueComboBox->count(); ++i) {
                    const QString cue = m_ui->cueComboBox->itemData(i).toString();
                    menu.addAction(m_ui->cueComboBox->itemText(i), this,
                                   [flagCurrent, cue] { flagCurrent(cue); });
                }
                menu.exec(list->viewport()->mapToGlobal(list->visualItemRect(current).center()));
            });
}

QStringList TrainerWindow::setUpSession(const QString &trainee, const QString &cohort,
                                       const QStringList &scenarioIds, bool assist)
{
    m_ui->traineeLineEdit->setText(trainee);
    m_ui->cohortLineEdit->setText(cohort);
    m_ui->assistCheckBox->setChecked(assist);
    QTableWidget *table = m_ui->scenarioTableWidget;
    table->clearSelection();
    QStringList unknown = scenarioIds;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *title = table->item(row, TitleColumn);
        const QString id = m_library.at(title->data(kLibraryRole).toInt()).id;
        if (scenarioIds.contains(id)) {
            table->selectionModel()->select(table->model()->index(row, TitleColumn),
                                            QItemSelectionModel::Select
                                                | QItemSelectionModel::Rows);
            unknown.removeAll(id);
        }
    }
    return unknown;
}

/*!
 * Starts the session the setup page describes: the selected scenarios in the order the table
 * lists them, for the trainee named, with or without the assist.
 */
Result<bool> TrainerWindow::startSession()
{
    if (!m_services.engine || !m_services.intents)
        return Error{tr("The detection engine is not available, so no scenario can run.")};
    const QString trainee = m_ui->traineeLineEdit->text().trimmed();
    if (trainee.isEmpty())
        return Error{tr("Enter the trainee's name first.")};
    QList<int> queue;
    const QTableWidget *table = m_ui->scenarioTableWidget;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *title = table->item(row, TitleColumn);
        if (title && title->isSelected())
            queue.append(title->data(kLibraryRole).toInt());
    }
    if (queue.isEmpty())
        return Error{tr("Select at least one scenario.")};
    const QString cohort = m_ui->cohortLineEdit->text().trimmed();
    for (const auto &[what, name] : {std::pair{u"trainee"_s, trainee}, std::pair{u"cohort"_s, cohort}}) {
        if (auto valid = training::ResultStore::checkName(what, name); !valid)
            return Error{tr("Fix the name first: %1.").arg(valid.error())};
    }
    m_trainee = trainee;
    m_cohort = cohort;
    m_assist = m_ui->assistCheckBox->isChecked();
    m_queue = queue;
    m_queuePosition = 0;
    m_ui->setupMessageLabel->clear();
    startRun();
    return true;
}

void TrainerWindow::startRun()
{
    const training::Scenario &scenario = m_library.at(m_queue.at(m_queuePosition));
    m_runner = std::make_unique<training::ScenarioRunner>(scenario, *m_services.engine,
                                                          *m_services.intents);
    m_revealTimer.stop();
    m_pending.clear();
    m_chat = {};
    m_chat.id = scenario.id;
    m_chat.caseContext = scenario.caseDocument;
    m_times.clear();
    m_turnMessages.clear();
    m_flags.clear();
    m_breaches.clear();
    m_actionsTaken.clear();
    m_replyProblems.clear();
    m_lastCheck.reset();
    m_lastCheckError.clear();
    m_script.clear();
    m_scriptPosition = 0;
    m_transcript->reset();
    m_ui->customerMessagesListWidget->clear();
    m_ui->flagStatusLabel->clear();
    m_ui->replyLineEdit->clear();

    m_ui->scenarioTitleLabel->setText(scenario.title);
    m_ui->progressLabel->setText(
        tr("Scenario %1 of %2 · %3").arg(m_queuePosition + 1).arg(m_queue.size())
            .arg(m_assist ? tr("assist on") : tr("assist off")));
    m_riskBadge->setVisible(m_assist);
    m_riskBadge->setAssessment(std::nullopt);
    auto caseData = model::Case::fromJson(scenario.caseDocument);
    m_runCase = caseData ? std::optional<model::Case>(std::move(caseData).value()) : std::nullopt;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_ui->pagesStackedWidget->setCurrentWidget(m_ui->runPage);

    const qint64 before = m_runner->elapsedMs();
    enqueue(m_runner->start(), before);
    m_thinkClock.start();
    updateRunControls();
    m_ui->replyLineEdit->setFocus();
}

/*!
 * The trainee's time since they last saw something new passes on the scenario's clock, at the
 * window's speed. While the customer is still typing, that time is already counted in the
 * messages' delays.
 */
void TrainerWindow::passThinkTime()
{
    if (m_runner && m_pending.isEmpty())
        m_runner->advance(qint64(double(m_thinkClock.elapsed()) * m_speed));
    m_thinkClock.restart();
}

void TrainerWindow::showStepError(const QString &error)
{
    statusBar()->showMessage(error, kStatusTimeoutMs);
}

Result<bool> TrainerWindow::sendReply(const QString &text)
{
    if (!m_runner)
        return Error{tr("No scenario is running.")};
    const QString reply = text.trimmed();
    if (reply.isEmpty())
        return Error{tr("Type a reply first.")};
    const qint64 before = m_runner->elapsedMs();
    auto answered = m_runner->reply(reply);
    if (!answered)
        return Error{answered.error()};
    appendTurn(model::Role::Agent, reply, -1);
    enqueue(answered.value(), before);
    return true;
}

/*!
 * Takes \a action; offering a refund or overriding right after a check that warned or blocked
 * is recorded for the debrief as a breach, or as an override when \a reason gives one.
 */
Result<bool> TrainerWindow::takeAction(TraineeAction action, const QString &reason)
{
    if (!m_runner)
        return Error{tr("No scenario is running.")};
    const QString why = reason.trimmed();
    if (action == TraineeAction::Overrode && why.isEmpty())
        return Error{tr("Give the reason for the override first.")};
    const training::Tally before = m_runner->score().tally;
    const qint64 clockBefore = m_runner->elapsedMs();
    auto taken = m_runner->act(action, why);
    if (!taken)
        return Error{taken.error()};
    const training::Tally after = m_runner->score().tally;
    if ((after.breaches > before.breaches || after.overrides > before.overrides) && m_lastCheck)
        m_breaches.append({action, m_lastCheck->first, m_lastCheck->second, why});
    m_actionsTaken.append(training::traineeActionName(action));
    appendTurn(model::Role::System,
               why.isEmpty() ? tr("You: %1").arg(actionTitle(action))
                             : tr("You: %1 (reason: %2)").arg(actionTitle(action), why),
               -1);
    enqueue(taken.value(), clockBefore);
    return true;
}

Result<bool> TrainerWindow::flagMessage(int index, const QString &cue)
{
    if (!m_runner)
        return Error{tr("No scenario is running.")};
    auto flagged = m_runner->flag(index, cue);
    if (!flagged)
        return Error{flagged.error()};
    // Right or wrong is for the debrief: during the run the trainee works on their own judgement.
    m_flags.append({index, cue, flagged.value()});
    m_ui->flagStatusLabel->setText(tr("Message %1 flagged: %2.").arg(index + 1).arg(cueTitle(cue)));
    QListWidget *list = m_ui->customerMessagesListWidget;
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem *item = list->item(row);
        if (item->data(kMessageRole).toInt() != index)
            continue;
        QStringList titles;
        for (const FlagMark &mark : std::as_const(m_flags)) {
            if (mark.message == index)
                titles.append(cueTitle(mark.cue));
        }
        const QString text = m_runner->shownMessages().at(index).text;
        item->setText(tr("%1. %2\nFlagged: %3").arg(index + 1).arg(displaySafe(text), titles.join(u", "_s)));
    }
    return true;
}

/*!
 * Checks \a action (from the action panel) against the policies with the scenario's case; the
 * decision is remembered, so that an offered refund or override right after a warning or a block
 * counts as a breach (or an override) in the debrief.
 */
Result<policy::Decision> TrainerWindow::checkAction(const QJsonObject &action)
{
    m_lastCheckError.clear();
    if (!m_runner)
        return Error{tr("No scenario is running.")};
    auto decision = m_runner->check(action);
    if (!decision) {
        m_lastCheckError = decision.error();
        return Error{decision.error()};
    }
    m_lastCheck.emplace(action, decision.value());
    return decision;
}

// A scripted check goes through the panel, as the trainee's own would, so that it shows.
Result<bool> TrainerWindow::proposeAction(const QJsonObject &action)
{
    m_actionPanel->proposeAction(action);
    if (!m_actionPanel->decision())
        return Error{m_lastCheckError.isEmpty() ? tr("The action could not be checked.")
                                                : m_lastCheckError};
    return true;
}

Result<bool> TrainerWindow::play(const training::Answers &answers)
{
    if (!m_runner || m_runner->isFinished())
        return Error{tr("No scenario is running.")};
    m_script = answers.steps;
    m_scriptPosition = 0;
    continueScript();
    return true;
}

/*!
 * Takes play()'s steps while the customer is not typing: a trainee answers what they have read,
 * so the transcript keeps the order a person would produce. Stops at the end of the run; a step
 * the runner refuses ends the script with an error naming it by JSON pointer, as `scenario run`
 * names it.
 */
void TrainerWindow::continueScript()
{
    while (m_runner && !m_runner->isFinished() && m_pending.isEmpty()
           && m_scriptPosition < m_script.size()) {
        const qsizetype i = m_scriptPosition++;
        const training::AnswerStep step = m_script.at(i);
        m_runner->advance(step.afterMs);
        Result<bool> done = true;
        switch (step.kind) {
        case training::AnswerStep::Kind::Flag:
            done = flagMessage(step.message, step.cue);
            break;
        case training::AnswerStep::Kind::Reply:
            done = sendReply(step.text);
            break;
        case training::AnswerStep::Kind::Action:
            done = takeAction(step.action, step.overrideReason);
            break;
        case training::AnswerStep::Kind::Check:
            done = proposeAction(step.check);
            break;
        case training::AnswerStep::Kind::Wait:
            m_runner->advance(step.waitMs);
            break;
        }
        if (!done) {
            m_script.clear();
            const QString error = u"/steps/%1: %2"_s.arg(i).arg(done.error());
            showStepError(error);
            emit playFailed(error);
            return;
        }
    }
    m_thinkClock.restart();
}

// Queues \a messages behind those still being typed; each takes its delay after the one before.
void TrainerWindow::enqueue(const QList<training::ShownMessage> &messages, qint64 clockBefore)
{
    qint64 previous = clockBefore;
    for (const training::ShownMessage &message : messages) {
        m_pending.append({message, std::max<qint64>(message.atMs - previous, 0)});
        previous = message.atMs;
    }
    if (!m_revealTimer.isActive())
        scheduleNext();
    updateRunControls();
}

void TrainerWindow::scheduleNext()
{
    if (m_pending.isEmpty()) {
        updateRunControls();
        if (m_runner && m_runner->isFinished())
            finishRun();
        else if (m_scriptPosition < m_script.size()) {
            // Not from here: the step that queued these messages may still be on the stack.
            QTimer::singleShot(0, this, &TrainerWindow::continueScript);
        }
        return;
    }
    const double wait = double(m_pending.constFirst().delayMs) / m_speed;
    m_revealTimer.start(int(std::min(wait, double(INT_MAX))));
}

void TrainerWindow::revealNext()
{
    if (m_pending.isEmpty())
        return;
    const training::ShownMessage message = m_pending.takeFirst().message;
    appendTurn(model::Role::Customer, message.text, message.index);
    auto *item = new QListWidgetItem(tr("%1. %2").arg(message.index + 1).arg(displaySafe(message.text)));
    item->setData(kMessageRole, message.index);
    m_ui->customerMessagesListWidget->addItem(item);
    // The newest message is the one most often flagged; the trainee's own choice stays put.
    if (!m_ui->customerMessagesListWidget->currentItem())
        m_ui->customerMessagesListWidget->setCurrentItem(item);
    m_thinkClock.restart();
    emit messageShown(message.index);
    scheduleNext();
}

void TrainerWindow::appendTurn(model::Role role, const QString &text, int customerMessage)
{
    m_chat.messages.append(model::Message{role, text, {}});
    m_times.append(QDateTime::currentDateTime());
    m_turnMessages.append(customerMessage);
    refreshTranscript();
}

/*!
 * Draws the chat; with the assist on, judged as the sidebar judges a live chat, so the trainee
 * sees the cue highlights and the risk they would see on shift.
 */
void TrainerWindow::refreshTranscript()
{
    std::vector<model::Finding> findings;
    if (m_assist && m_services.engine) {
        auto judged = m_services.engine->judge(m_chat, QDateTime::currentDateTimeUtc());
        if (judged) {
            findings = judged.value().detection.findings;
            m_riskBadge->setAssessment(judged.value().assessment.level,
                                       judged.value().assessment.risk);
        } else {
            log::get("ui")->warn("training assist: {}", judged.error().toStdString());
            showStepError(tr("The assist could not judge the chat: %1").arg(judged.error()));
        }
    }
    m_transcript->sync(m_chat, m_times, findings);
}

void TrainerWindow::updateRunControls()
{
    const bool live = m_runner && !m_runner->isFinished();
    for (QWidget *widget : {static_cast<QWidget *>(m_ui->replyLineEdit),
                            static_cast<QWidget *>(m_ui->sendButton),
                            static_cast<QWidget *>(m_ui->actionsGroupBox),
                            static_cast<QWidget *>(m_ui->cueComboBox)})
        widget->setEnabled(live);
    // Without a target the panel disables itself and forgets the last decision.
    m_actionPanel->setTarget(live ? m_actionTarget : nullptr);
    m_ui->flagButton->setEnabled(live && m_ui->customerMessagesListWidget->currentItem());
    m_ui->typingLabel->setText(m_pending.isEmpty() ? QString() : tr("The customer is typing…"));
}

// Scores the run, stores it and shows the debrief.
void TrainerWindow::finishRun()
{
    m_revealTimer.stop();
    findReplyProblems();
    training::RunRecord record = makeRecord();
    const QString stored = storeRecord(record);
    m_results.append(record);
    showDebrief(record, stored);
    emit runFinished(record);
}

/*!
 * Saves the run in progress as it stands: the outcome is incomplete and the detail says it was
 * abandoned, so the trainer sees that it was started and left rather than nothing at all.
 */
void TrainerWindow::abandonRun()
{
    m_revealTimer.stop();
    m_pending.clear();
    findReplyProblems();
    training::RunRecord record = makeRecord();
    record.detail.insert(u"abandoned"_s, true);
    const QString stored = storeRecord(record);
    log::get("ui")->info("training run of {} abandoned: {}", record.scenario.toStdString(),
                         stored.toStdString());
    m_results.append(record);
    emit runFinished(record);
    m_runner.reset();
    updateRunControls();
}

// Stores \a record (setting its id) and says where it went, for the debrief.
QString TrainerWindow::storeRecord(training::RunRecord &record)
{
    if (!m_services.store) {
        return tr("Kept for this session only: %1")
            .arg(m_services.storeProblem.isEmpty() ? tr("no training database")
                                                   : m_services.storeProblem);
    }
    const auto added = m_services.store(record);
    if (!added) {
        log::get("ui")->error("training result not saved: {}", added.error().toStdString());
        return tr("NOT saved: %1. The result is kept for this session only.").arg(added.error());
    }
    record.id = added.value();
    return tr("Saved to the training results (run %1).").arg(record.id);
}

void TrainerWindow::closeEvent(QCloseEvent *event)
{
    if (m_runner && !m_runner->isFinished())
        abandonRun();
    QMainWindow::closeEvent(event);
}

/*!
 * What the engine's agent-side cues find in the trainee's own replies (a promise before the
 * checks, account details given away, a move off the platform): the debrief shows them under
 * the reply, whether or not the assist was on during the run.
 */
void TrainerWindow::findReplyProblems()
{
    m_replyProblems.clear();
    if (!m_services.engine)
        return;
    const auto judged = m_services.engine->judge(m_chat, QDateTime::currentDateTimeUtc());
    if (!judged) {
        log::get("ui")->warn("training debrief: replies not judged: {}", judged.error().toStdString());
        return;
    }
    for (const model::Finding &finding : judged.value().detection.findings) {
        if (finding.turn >= 0 && finding.turn < m_chat.messages.size()
            && m_chat.messages.at(finding.turn).role == model::Role::Agent)
            m_replyProblems.append(finding);
    }
}

// The run as stored; "detail" holds what the debrief shows, so a later report can show it too.
training::RunRecord TrainerWindow::makeRecord() const
{
    training::RunRecord record;
    record.trainee = m_trainee;
    record.cohort = m_cohort;
    record.scenario = m_runner->scenario().id;
    record.genuine = m_runner->scenario().genuine;
    record.assist = m_assist;
    record.startedAt = m_startedAt;
    record.finishedAt = QDateTime::currentDateTimeUtc();
    record.score = m_runner->score();
    QJsonArray flags;
    for (const FlagMark &mark : m_flags) {
        flags.append(QJsonObject{{u"message"_s, mark.message}, {u"cue"_s, mark.cue},
                                 {u"correct"_s, mark.correct}});
    }
    QJsonArray breaches;
    for (const PolicyBreach &breach : m_breaches) {
        breaches.append(QJsonObject{{u"action"_s, training::traineeActionName(breach.action)},
                                    {u"checked"_s, breach.checked},
                                    {u"verdict"_s, policy::verdictName(breach.decision.verdict)},
                                    {u"override_reason"_s, breach.reason}});
    }
    QJsonArray transcript;
    for (qsizetype turn = 0; turn < m_chat.messages.size(); ++turn) {
        QJsonObject line{{u"role"_s, model::roleName(m_chat.messages.at(turn).role)},
                         {u"text"_s, m_chat.messages.at(turn).text}};
        if (m_turnMessages.at(turn) >= 0)
            line.insert(u"message"_s, m_turnMessages.at(turn));
        transcript.append(line);
    }
    QJsonArray replyProblems;
    for (const model::Finding &finding : m_replyProblems) {
        replyProblems.append(QJsonObject{{u"turn"_s, finding.turn},
                                         {u"cue"_s, finding.cue},
                                         {u"evidence"_s, finding.evidence}});
    }
    record.detail = {{u"flags"_s, flags},
                     {u"actions"_s, QJsonArray::fromStringList(m_actionsTaken)},
                     {u"policy"_s, breaches},
                     {u"reply_problems"_s, replyProblems},
                     {u"transcript"_s, transcript}};
    return record;
}

void TrainerWindow::showDebrief(const training::RunRecord &record, const QString &stored)
{
    const training::Score &score = record.score;
    const training::Scenario &scenario = m_runner->scenario();
    m_ui->debriefTitleLabel->setText(tr("Debrief: %1").arg(scenario.title));
    const Outcome expected = scenario.genuine ? Outcome::GenuineServed : Outcome::FraudStopped;
    m_ui->outcomeLabel->setText(
        score.correctOutcome
            ? tr("Outcome: %1 — the right outcome.").arg(outcomeTitle(score.outcome))
            : tr("Outcome: %1 — this scenario called for: %2.")
                  .arg(outcomeTitle(score.outcome), outcomeTitle(expected)));
    const QLocale here = locale();
    m_ui->scoreLabel->setText(
        tr("Score %1 of 100 · weighted %2 (difficulty %3)\n"
           "Flags: %4 correct, %5 false, %6 missed (precision %7, recall %8)\n"
           "Policy: %9 check(s), %10 warning(s) heeded, %11 breach(es), %12 override(s)")
            .arg(here.toString(score.score, 'f', 1), here.toString(score.weightedScore, 'f', 1))
            .arg(score.difficulty)
            .arg(score.tally.truePositives)
            .arg(score.tally.falsePositives)
            .arg(score.tally.falseNegatives)
            .arg(here.toString(score.precision, 'f', 2), here.toString(score.recall, 'f', 2))
            .arg(score.tally.checks)
            .arg(score.tally.blocksHeeded)
            .arg(score.tally.breaches)
            .arg(score.tally.overrides));
    m_ui->policyLabel->setText(policyText());
    m_ui->savedLabel->setText(stored);
    writeDebriefTranscript();
    const bool more = m_queuePosition + 1 < m_queue.size();
    m_ui->nextButton->setVisible(more);
    m_ui->pagesStackedWidget->setCurrentWidget(m_ui->debriefPage);
    (more ? m_ui->nextButton : m_ui->finishButton)->setFocus();
}

QString TrainerWindow::policyText() const
{
    if (m_breaches.isEmpty())
        return tr("Actions against policy: none.");
    QStringList lines{tr("Actions against policy:")};
    for (const PolicyBreach &breach : m_breaches) {
        const QString what = breach.reason.isEmpty()
                                 ? tr("a breach: no reason given")
                                 : tr("an override, reason: %1").arg(displaySafe(breach.reason));
        lines.append(tr("• %1 after a %2 on %3 — %4")
                         .arg(actionTitle(breach.action), verdictWord(breach.decision.verdict),
                              displaySafe(actionSummary(breach.checked)), what));
        for (const policy::FiredPolicy &fired : breach.decision.fired)
            lines.append(u"    "_s + tr("%1: %2").arg(fired.id, displaySafe(fired.message)));
    }
    return lines.join(u'\n');
}

/*!
 * The chat again, each customer message followed by what the trainee made of it: correct flags,
 * false flags and missed cues, each with what the cue means. Written through QTextCursor as
 * plain text; the marks are words, and colour only repeats them.
 */
void TrainerWindow::writeDebriefTranscript()
{
    QTextEdit *edit = m_ui->debriefTextEdit;
    edit->clear();
    QTextCursor cursor(edit->document());
    QTextCharFormat header;
    header.setFontWeight(QFont::Bold);
    QTextCharFormat body;
    QTextCharFormat mark;
    mark.setFontItalic(true);
    bool first = true;
    const auto line = [&](const QString &text, const QTextCharFormat &format) {
        if (!first)
            cursor.insertBlock();
        first = false;
        cursor.insertText(text, format);
    };
    const QList<training::ShownMessage> &shown = m_runner->shownMessages();
    for (qsizetype turn = 0; turn < m_chat.messages.size(); ++turn) {
        const model::Message &message = m_chat.messages.at(turn);
        const int index = m_turnMessages.at(turn);
        if (message.role == model::Role::Customer) {
            line(tr("Customer · message %1").arg(index + 1), header);
        } else if (message.role == model::Role::Agent) {
            line(tr("You replied"), header);
        } else {
            line(tr("Your action"), header);
        }
        line(displaySafe(message.text), body);
        for (const model::Finding &problem : std::as_const(m_replyProblems)) {
            if (problem.turn == turn) {
                line(tr("⚠ In your reply: %1 (“%2”)")
                         .arg(cueLine(problem.cue), displaySafe(problem.evidence)),
                     mark);
            }
        }
        if (index < 0 || index >= shown.size())
            continue;
        const training::ShownMessage &customer = shown.at(index);
        // A terminal node's messages came after the end: the trainee could not flag them.
        if (m_runner->isFinished() && customer.node == m_runner->currentNode()) {
            line(tr("(The customer's last word after the run ended: not scored.)"), mark);
            continue;
        }
        QStringList matched;
        for (const FlagMark &flag : std::as_const(m_flags)) {
            if (flag.message != index)
                continue;
            if (flag.correct) {
                matched.append(flag.cue);
                line(tr("✓ Correct flag: %1").arg(cueLine(flag.cue)), mark);
            } else if (customer.cues.contains(flag.cue)) {
                line(tr("✗ False flag (already flagged here): %1").arg(cueLine(flag.cue)), mark);
            } else {
                line(tr("✗ False flag: %1").arg(cueLine(flag.cue)), mark);
            }
        }
        for (const QString &cue : customer.cues) {
            if (!matched.contains(cue))
                line(tr("○ Missed cue: %1").arg(cueLine(cue)), mark);
        }
    }
    edit->moveCursor(QTextCursor::Start);
}

void TrainerWindow::nextScenario()
{
    if (m_queuePosition + 1 >= m_queue.size())
        return;
    ++m_queuePosition;
    startRun();
}

// Back to the setup page with the session in one line; the trainee's name stays for the next.
void TrainerWindow::finishSession()
{
    const qsizetype runs = std::min<qsizetype>(m_queuePosition + 1, m_results.size());
    double total = 0.0;
    for (qsizetype i = m_results.size() - runs; i < m_results.size(); ++i)
        total += m_results.at(i).score.weightedScore;
    m_ui->setupMessageLabel->setText(
        tr("Session finished for %1: %n run(s), mean weighted score %2.", nullptr, int(runs))
            .arg(m_trainee, locale().toString(runs > 0 ? total / double(runs) : 0.0, 'f', 1)));
    m_runner.reset();
    m_queue.clear();
    m_queuePosition = -1;
    m_ui->pagesStackedWidget->setCurrentWidget(m_ui->setupPage);
    m_ui->startButton->setFocus();
}

// The results page, read again from the store so that the runs just finished are in it.
void TrainerWindow::showResults()
{
    m_resultsView->reload();
    m_ui->pagesStackedWidget->setCurrentWidget(m_ui->resultsPage);
    m_resultsView->setFocus();
}

} // namespace rg::ui
