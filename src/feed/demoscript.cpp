// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/demoscript.h"

#include "model/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rg::feed {

using namespace Qt::StringLiterals;

namespace {

const QString kRoot = u"(root)"_s;

// RFC 6901: "~" and "/" inside a member name are escaped.
QString pointer(const QString &parent, const QString &member)
{
    QString escaped = member;
    escaped.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
    return parent + u'/' + escaped;
}

Error errorAt(const QString &where, const QString &message)
{
    return Error{(where.isEmpty() ? kRoot : where) + u": "_s + message};
}

// FeedEvent::fromJson names its culprit from the event's root ("/type: ...", "(root): ...");
// in a script the event sits at \a at.
Error nestedError(const QString &at, const QString &error)
{
    return Error{at + (error.startsWith(kRoot) ? error.mid(kRoot.size()) : error)};
}

std::optional<Error> unknownMember(const QJsonObject &object, const QString &at,
                                   const QSet<QString> &members, const QString &what)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!members.contains(it.key()))
            return errorAt(pointer(at, it.key()), u"not a member of "_s + what);
    }
    return std::nullopt;
}

Result<int> readDelay(const QJsonObject &step, const QString &at)
{
    const QString where = pointer(at, u"after_ms"_s);
    const QJsonValue value = step.value(u"after_ms"_s);
    if (value.isUndefined())
        return errorAt(where, u"missing"_s);
    const double ms = value.toDouble(-1);
    if (!value.isDouble() || ms < 0 || ms > kMaxDemoStepDelayMs || ms != std::trunc(ms)) {
        return errorAt(where, u"expected a whole number of milliseconds from 0 to %1"_s.arg(
                                  kMaxDemoStepDelayMs));
    }
    return int(ms);
}

// A proposal is an action the agent has not taken yet, so it obeys the rules of an
// agent_action event; FeedEvent reads it, and the errors match the live feed's.
Result<FeedEvent> readProposal(const QJsonValue &value, const QString &at)
{
    if (!value.isObject())
        return errorAt(at, u"expected an object"_s);
    QJsonObject proposal = value.toObject();
    if (auto error
        = unknownMember(proposal, at, {u"conversation_id"_s, u"action"_s}, u"propose_action"_s))
        return *error;
    proposal.insert(u"type"_s, feedEventTypeName(FeedEventType::AgentAction));
    auto event = FeedEvent::fromJson(proposal);
    if (!event)
        return nestedError(at, event.error());
    return event;
}

Result<DemoStep> readStep(const QJsonValue &value, const QString &at,
                          const QSet<QString> &conversationsSoFar)
{
    if (!value.isObject())
        return errorAt(at, u"expected an object"_s);
    const QJsonObject object = value.toObject();
    if (auto error
        = unknownMember(object, at, {u"after_ms"_s, u"event"_s, u"propose_action"_s}, u"a step"_s))
        return *error;

    DemoStep step;
    const auto delay = readDelay(object, at);
    if (!delay)
        return Error{delay.error()};
    step.afterMs = delay.value();

    const bool hasEvent = object.contains(u"event"_s);
    const bool hasProposal = object.contains(u"propose_action"_s);
    if (hasEvent == hasProposal) {
        return errorAt(at, hasEvent ? u"has both event and propose_action; a step has one"_s
                                    : u"expected event or propose_action"_s);
    }
    if (hasEvent) {
        const QString where = pointer(at, u"event"_s);
        auto event = FeedEvent::fromJson(object.value(u"event"_s));
        if (!event)
            return nestedError(where, event.error());
        step.event = std::move(event).value();
        return step;
    }

    const QString where = pointer(at, u"propose_action"_s);
    const auto proposal = readProposal(object.value(u"propose_action"_s), where);
    if (!proposal)
        return Error{proposal.error()};
    // The sidebar judges a proposal in its conversation; one it has never heard of has none.
    if (!conversationsSoFar.contains(proposal.value().conversationId)) {
        return errorAt(pointer(where, u"conversation_id"_s),
                       u"no earlier event is on this conversation"_s);
    }
    step.conversationId = proposal.value().conversationId;
    step.proposedAction = proposal.value().action;
    return step;
}

Result<QList<DemoStep>> parseScript(const QByteArray &json)
{
    const auto document = model::parseJsonText(json, kRoot);
    if (!document)
        return Error{document.error()};
    if (!document.value().isObject())
        return errorAt({}, u"expected a JSON object"_s);
    const QJsonObject root = document.value().object();
    if (auto error = unknownMember(root, {}, {u"version"_s, u"steps"_s}, u"a demo script"_s))
        return *error;

    const QJsonValue version = root.value(u"version"_s);
    if (version.isUndefined())
        return errorAt(u"/version"_s, u"missing"_s);
    if (!version.isDouble() || version.toDouble() != kDemoScriptVersion) {
        return errorAt(u"/version"_s, u"unsupported version (this build plays version %1)"_s.arg(
                                          kDemoScriptVersion));
    }

    const QJsonValue stepsValue = root.value(u"steps"_s);
    if (stepsValue.isUndefined())
        return errorAt(u"/steps"_s, u"missing"_s);
    if (!stepsValue.isArray())
        return errorAt(u"/steps"_s, u"expected an array"_s);
    const QJsonArray steps = stepsValue.toArray();
    if (steps.isEmpty())
        return errorAt(u"/steps"_s, u"must not be empty"_s);
    if (steps.size() > kMaxDemoSteps)
        return errorAt(u"/steps"_s, u"more than %1 steps"_s.arg(kMaxDemoSteps));

    QList<DemoStep> result;
    result.reserve(steps.size());
    QSet<QString> conversations;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        auto step = readStep(steps.at(i), u"/steps/%1"_s.arg(i), conversations);
        if (!step)
            return Error{step.error()};
        if (step.value().event)
            conversations.insert(step.value().event->conversationId);
        result.append(std::move(step).value());
    }
    return result;
}

} // namespace

/*!
 * Reads a demo script (resources/demo/README.md has the format) strictly: a member it does not
 * know, a step with both or neither of event and propose_action, a pause that is not a whole
 * number of milliseconds from 0 to kMaxDemoStepDelayMs, an event FeedEvent::fromJson refuses, or
 * a proposal on a conversation no earlier event is on all fail. The error starts with the JSON
 * pointer of the culprit, e.g. "/steps/3/event/type: unknown event type ...".
 */
Result<QList<DemoStep>> parseDemoScript(QByteArrayView json)
{
    return parseScript(json.toByteArray());
}

/*!
 * Reads the demo script at \a path (by default the one built in) as parseDemoScript() does;
 * errors start with the path.
 */
Result<QList<DemoStep>> loadDemoScript(const QString &path)
{
    const auto bytes = model::readFileBytes(path);
    if (!bytes)
        return Error{bytes.error()};
    auto steps = parseScript(bytes.value());
    if (!steps)
        return Error{path + u": "_s + steps.error()};
    return steps;
}

DemoPlayer::DemoPlayer(QList<DemoStep> steps, QObject *parent)
    : QObject(parent)
    , m_steps(std::move(steps))
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire up to 5% early, and the pace is what makes the demo believable.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DemoPlayer::onTimeout);
}

/*!
 * Plays the script from its first step. While it plays or is paused this does nothing, so a
 * second click cannot feed the same chat twice (resume() continues a paused script); after
 * finished() it plays the script again.
 */
void DemoPlayer::start()
{
    if (m_state == State::Playing || m_state == State::Paused)
        return;
    m_position = 0;
    m_waitLeftMs = pauseBefore(0);
    m_state = State::Playing;
    schedule();
}

/*!
 * Holds the script where it is; resume() waits out only what was left of the pending pause.
 */
void DemoPlayer::pause()
{
    if (m_state != State::Playing)
        return;
    m_timer.stop();
    consumeElapsed();
    m_state = State::Paused;
}

void DemoPlayer::resume()
{
    if (m_state != State::Paused)
        return;
    m_state = State::Playing;
    schedule();
}

/*!
 * Plays \a factor times faster than human pace, clamped to kMinSpeed..kMaxSpeed (NaN is
 * ignored). The pending pause changes too: what was left of it, at the new speed.
 */
void DemoPlayer::setSpeed(double factor)
{
    if (std::isnan(factor))
        return;
    const double speed = std::clamp(factor, kMinSpeed, kMaxSpeed);
    if (speed == m_speed)
        return;
    if (m_state == State::Playing)
        consumeElapsed(); // at the old speed
    m_speed = speed;
    // While a receiver handles a step no timer runs; onTimeout() schedules the next one after.
    if (m_timer.isActive())
        schedule();
}

double DemoPlayer::pauseBefore(qsizetype index) const
{
    return index < m_steps.size() ? std::max(0, m_steps.at(index).afterMs) : 0.0;
}

// Counts the time since the clock last started against the pending pause, at the current speed.
void DemoPlayer::consumeElapsed()
{
    const double elapsedMs = double(m_clock.nsecsElapsed()) / 1e6;
    m_waitLeftMs = std::max(0.0, m_waitLeftMs - elapsedMs * m_speed);
    m_clock.start();
}

void DemoPlayer::schedule()
{
    const double interval = std::ceil(m_waitLeftMs / m_speed);
    m_clock.start();
    m_timer.start(int(std::min(interval, double(std::numeric_limits<int>::max()))));
}

// One step per timeout, and one more timeout after the last for finished(), so that every
// signal comes from the event loop and a receiver may pause, resume or change speed.
void DemoPlayer::onTimeout()
{
    if (m_position >= m_steps.size()) {
        m_state = State::Finished;
        emit finished();
        return;
    }
    const DemoStep &step = m_steps.at(m_position++);
    m_waitLeftMs = pauseBefore(m_position);
    m_clock.start();
    if (step.event)
        emit eventReady(*step.event);
    else
        emit actionProposed(step.conversationId, step.proposedAction);
    // A receiver may have paused (resume() schedules then), or paused and resumed (scheduled).
    if (m_state != State::Playing || m_timer.isActive())
        return;
    consumeElapsed();
    schedule();
}

} // namespace rg::feed
