// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/engine.h"
#include "model/conversation.h"
#include "model/result.h"
#include "policy/policypack.h"
#include "training/answers.h"
#include "training/intents.h"
#include "training/scenario.h"
#include "training/score.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace rg::training {

// A customer message as the trainee sees it.
struct ShownMessage
{
    int index = 0; // among the customer messages shown in this run; flags name it
    QString node;
    QString text;
    QStringList cues; // ground truth, for scoring and the trainer's debrief
    qint64 atMs = 0;  // simulated time since the start
};

// Use me to play one scenario with a trainee, step by step (a trainer window) or from an
// answers file (run()). Headless: simulated time, no timers; each call returns the customer
// messages it caused. Give it a scenario validateScenario() accepts; \a engine and \a intents
// must outlive the runner.
class ScenarioRunner final
{
public:
    ScenarioRunner(Scenario scenario, batch::Engine &engine, const IntentMatcher &intents);

    QList<ShownMessage> start();
    Result<QList<ShownMessage>> reply(const QString &text);
    Result<QList<ShownMessage>> act(TraineeAction action, const QString &overrideReason = {});
    Result<bool> flag(int messageIndex, const QString &cue); // true: a correct flag
    Result<policy::Decision> check(const QJsonObject &action);
    void advance(qint64 ms);

    // Starts the scenario and plays \a answers until a terminal node or the last step.
    Result<Score> run(const Answers &answers);

    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_outcome.has_value(); }
    Outcome outcome() const { return m_outcome.value_or(Outcome::Incomplete); }
    Score score() const;
    qint64 elapsedMs() const { return m_clockMs; }
    QString currentNode() const { return m_node; }
    const QList<ShownMessage> &shownMessages() const { return m_shown; }
    QStringList lastIntents() const { return m_lastIntents; }
    const Scenario &scenario() const { return m_scenario; }

private:
    Result<bool> checkPlayable() const;
    QList<ShownMessage> enter(const QString &nodeId);
    QStringList intentsOf(const QString &text);
    QDateTime now() const;

    Scenario m_scenario;
    batch::Engine &m_engine;
    const IntentMatcher &m_intents;
    model::Conversation m_conversation; // customer messages and replies, for the engine
    QList<ShownMessage> m_shown;
    QString m_node;
    std::optional<Outcome> m_outcome;
    bool m_started = false;
    QDateTime m_startTime; // the simulated clock's zero
    qint64 m_clockMs = 0;
    qsizetype m_flaggable = 0; // shown messages before a terminal node's closing ones
    QStringList m_lastIntents;
    QSet<QString> m_matchedCues; // "index/cue" of ground truth already flagged
    Tally m_tally;
    // The latest check's decision, while it is warn or block and not yet acted against.
    bool m_pendingWarning = false;
};

} // namespace rg::training
