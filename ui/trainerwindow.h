// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/case.h"
#include "model/conversation.h"
#include "model/finding.h"
#include "model/result.h"
#include "policy/policypack.h"
#include "training/answers.h"
#include "training/resultstore.h"
#include "training/scenario.h"
#include "training/scenariorunner.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QMainWindow>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class TrainerWindow;
}

namespace rg::batch {
struct Engine;
}
namespace rg::training {
class IntentMatcher;
}

namespace rg::ui {

class ActionPanel;
class RiskBadge;
class RunActionTarget;
class TrainingResultsView;
class TranscriptView;

// What the trainer window works with. The engine and the intents must outlive the window.
struct TrainerServices
{
    batch::Engine *engine = nullptr;
    const training::IntentMatcher *intents = nullptr;
    // Stores a finished run and returns its id; without one the results are kept for the session
    // only, and the debrief says why (storeProblem).
    std::function<Result<qint64>(const training::RunRecord &)> store;
    QString storeProblem;
    // The stored runs, for the results page (cohort comparison, progress chart, CSV); and where
    // the salt of anonymised reports lives (empty: anonymising is refused with the reason).
    std::function<Result<QList<training::RunRecord>>()> loadRuns;
    QString saltPath;
};

// Use me as the trainer's window: pick a trainee and a queue of scenarios from the library, let
// the trainee play each simulated chat (replies, actions, policy checks, cue flags; with or
// without the engine's live assist), then debrief them on what they caught, missed and breached.
class TrainerWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainerWindow)

public:
    // \a scenarioPaths: the library offered (training::shippedScenarios() in the application).
    TrainerWindow(TrainerServices services, const QStringList &scenarioPaths,
                  QWidget *parent = nullptr);
    ~TrainerWindow() override;

    // How fast the customer types: 1 plays each message's delay as written, 10 ten times faster.
    void setSpeed(double factor);
    double speed() const { return m_speed; }

    // Fills the setup page as the trainer would: \a scenarioIds are selected (in the library's
    // order); ids not in the library are returned.
    QStringList setUpSession(const QString &trainee, const QString &cohort,
                             const QStringList &scenarioIds, bool assist);
    // Starts the selected scenarios as the Start button does; the error says what is missing.
    Result<bool> startSession();
    // Plays \a answers as the trainee in the running scenario, each step through the same path
    // as the window's controls once the customer has finished typing, with its after_ms as the
    // trainee's time. For the scripted debrief of the screenshot; playFailed() reports a step
    // the runner refuses.
    Result<bool> play(const training::Answers &answers);

    // Opens the results page (the cohort compared, progress over time), read afresh from the
    // store, as the setup page's "Training results…" button does.
    void showResults();

    // The scenario running or just debriefed; null on the setup page.
    const training::ScenarioRunner *runner() const { return m_runner.get(); }
    // The runs of this window's sessions, in the order they ended.
    const QList<training::RunRecord> &results() const { return m_results; }
    // Library files that did not load or validate, one line each (they are not offered).
    const QStringList &libraryProblems() const { return m_libraryProblems; }
    int pendingMessages() const { return int(m_pending.size()); }

protected:
    // A scenario still running is saved as abandoned (outcome incomplete) before the window goes.
    void closeEvent(QCloseEvent *event) override;

signals:
    void messageShown(int index);
    void playFailed(const QString &error);
    void runFinished(const rg::training::RunRecord &record);

private:
    friend class RunActionTarget;

    // A customer message waiting for its turn on screen, with its typing time.
    struct Pending
    {
        training::ShownMessage message;
        qint64 delayMs = 0;
    };
    struct FlagMark
    {
        int message = 0;
        QString cue;
        bool correct = false;
    };
    // An offered refund or override taken while the last check warned or blocked.
    struct PolicyBreach
    {
        training::TraineeAction action = training::TraineeAction::OfferedRefund;
        QJsonObject checked;
        policy::Decision decision;
        QString reason; // empty: a breach; otherwise the override's reason
    };

    void loadLibrary(const QStringList &paths);
    void setUpRunControls();
    void updateStartButton();
    void startRun();

    // The steps, shared by the controls and play(); each returns what went wrong.
    Result<bool> sendReply(const QString &text);
    Result<bool> takeAction(training::TraineeAction action, const QString &reason = {});
    Result<bool> flagMessage(int index, const QString &cue);
    Result<policy::Decision> checkAction(const QJsonObject &action);
    Result<bool> proposeAction(const QJsonObject &action);
    void passThinkTime();
    void continueScript();
    void showStepError(const QString &error);

    void enqueue(const QList<training::ShownMessage> &messages, qint64 clockBefore);
    void scheduleNext();
    void revealNext();
    void appendTurn(model::Role role, const QString &text, int customerMessage);
    void refreshTranscript();
    void updateRunControls();
    void finishRun();
    void abandonRun();
    QString storeRecord(training::RunRecord &record);
    void findReplyProblems();
    training::RunRecord makeRecord() const;
    void showDebrief(const training::RunRecord &record, const QString &stored);
    void writeDebriefTranscript();
    QString policyText() const;
    void nextScenario();
    void finishSession();

    std::unique_ptr<::Ui::TrainerWindow> m_ui;
    TrainerServices m_services;
    TranscriptView *m_transcript = nullptr;
    RiskBadge *m_riskBadge = nullptr;
    ActionPanel *m_actionPanel = nullptr;
    TrainingResultsView *m_resultsView = nullptr;
    RunActionTarget *m_actionTarget = nullptr; // the panel's target while a run is live
    QList<training::Scenario> m_library;
    QStringList m_libraryProblems;
    double m_speed = 1.0;

    // The session: the queue of library rows, and who plays them.
    QList<int> m_queue;
    int m_queuePosition = -1;
    QString m_trainee;
    QString m_cohort;
    bool m_assist = false;

    // The run.
    std::unique_ptr<training::ScenarioRunner> m_runner;
    std::optional<model::Case> m_runCase; // the scenario's case, for the panel's orders
    QDateTime m_startedAt;
    QList<Pending> m_pending;
    QTimer m_revealTimer;
    QElapsedTimer m_thinkClock; // since the trainee last saw something new or did something
    model::Conversation m_chat; // what the trainee has seen, judged for the assist
    QList<QDateTime> m_times;
    QList<int> m_turnMessages; // per turn of m_chat: its customer message index, or -1
    QList<FlagMark> m_flags;
    QList<PolicyBreach> m_breaches;
    QList<QString> m_actionsTaken; // action names in order, for the record
    QList<model::Finding> m_replyProblems; // agent-side cues in the trainee's replies, at the end
    std::optional<std::pair<QJsonObject, policy::Decision>> m_lastCheck;
    QString m_lastCheckError; // why the last check failed, for play()
    QList<training::AnswerStep> m_script; // play()'s steps, and the next one to take
    qsizetype m_scriptPosition = 0;

    QList<training::RunRecord> m_results;
};

} // namespace rg::ui
