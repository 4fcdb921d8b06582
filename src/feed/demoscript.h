// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedevent.h"
#include "model/result.h"

#include <QByteArrayView>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace rg::feed {

// One step of a demo script: after a pause, either a feed event or an action the agent is
// about to take. A proposal is not an event: the sidebar has the policies judge it and the
// agent decides whether it happens.
struct DemoStep
{
    int afterMs = 0;                // pause before the step, at speed 1
    std::optional<FeedEvent> event; // set for an event step; unset for a proposal
    QString conversationId;         // proposal: the conversation the action is in
    QJsonObject proposedAction;     // proposal: the action, with a non-empty "type"
};

inline constexpr int kDemoScriptVersion = 1;
// Limits on one script: a pause of ten minutes is surely a typo, and a demo is not a log.
inline constexpr int kMaxDemoStepDelayMs = 10 * 60 * 1000;
inline constexpr qsizetype kMaxDemoSteps = 10000;

Result<QList<DemoStep>> parseDemoScript(QByteArrayView json);
Result<QList<DemoStep>> loadDemoScript(const QString &path = QStringLiteral(":/demo/shift.json"));

// Use me to replay a demo script at human pace (refundguard --demo): each step comes out as a
// signal after its pause divided by the speed, always from the event loop.
class DemoPlayer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoPlayer)

public:
    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 16.0;

    explicit DemoPlayer(QList<DemoStep> steps, QObject *parent = nullptr);

    void start();
    void pause();
    void resume();
    void setSpeed(double factor);
    double speed() const { return m_speed; }
    bool isRunning() const { return m_state == State::Playing; }
    int position() const { return int(m_position); } // steps played so far

signals:
    void eventReady(const rg::feed::FeedEvent &event);
    void actionProposed(const QString &conversationId, const QJsonObject &action);
    void finished();

private:
    enum class State { Idle, Playing, Paused, Finished };

    double pauseBefore(qsizetype index) const;
    void consumeElapsed();
    void schedule();
    void onTimeout();

    QList<DemoStep> m_steps;
    QTimer m_timer;
    QElapsedTimer m_clock;   // since m_waitLeftMs was last brought up to date
    double m_waitLeftMs = 0; // of the pause before step m_position, at speed 1
    double m_speed = 1.0;
    qsizetype m_position = 0;
    State m_state = State::Idle;
};

} // namespace rg::feed
