// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/scenariorunner.h"

#include "model/case.h"
#include "model/cue.h"

#include <algorithm>

namespace rg::training {

using namespace Qt::StringLiterals;

namespace {

QString flagKey(int messageIndex, const QString &cue)
{
    return QString::number(messageIndex) + u'/' + cue;
}

// Checks count from the contact's start in the case, so a run's decisions do not depend on
// the day it runs; a case without one counts from now.
QDateTime startTime(const QJsonObject &caseDocument)
{
    const QDateTime startedAt = QDateTime::fromString(
        caseDocument.value(u"contact"_s)[u"started_at"_s].toString(), Qt::ISODate);
    return startedAt.isValid() ? startedAt.toUTC() : QDateTime::currentDateTimeUtc();
}

} // namespace

ScenarioRunner::ScenarioRunner(Scenario scenario, batch::Engine &engine,
                               const IntentMatcher &intents)
    : m_scenario(std::move(scenario))
    , m_engine(engine)
    , m_intents(intents)
{
    m_conversation.id = m_scenario.id;
    m_conversation.caseContext = m_scenario.caseDocument;
    m_startTime = startTime(m_scenario.caseDocument);
}

/*!
 * Enters the start node and returns its messages; the clock advances by each one's delay.
 * Starting again does nothing and returns nothing.
 */
QList<ShownMessage> ScenarioRunner::start()
{
    if (m_started)
        return {};
    m_started = true;
    return enter(m_scenario.start);
}

Result<bool> ScenarioRunner::checkPlayable() const
{
    if (!m_started)
        return Error{u"the scenario has not started"_s};
    if (m_outcome)
        return Error{u"the scenario has ended (%1)"_s.arg(outcomeName(outcome()))};
    // Only a scenario that failed validation can lead here.
    if (!m_scenario.node(m_node))
        return Error{u"the scenario has no node \"%1\" (validate it first)"_s.arg(m_node)};
    return true;
}

/*!
 * The trainee replies \a text: the first transition of the current node whose intent the reply
 * expresses, or that takes any reply, is followed. Returns the customer messages that follow
 * (none when no transition applies).
 */
Result<QList<ShownMessage>> ScenarioRunner::reply(const QString &text)
{
    const auto playable = checkPlayable();
    if (!playable)
        return Error{playable.error()};
    m_lastIntents = intentsOf(text);
    m_conversation.messages.append(model::Message{model::Role::Agent, text, {}});
    const ScenarioNode *node = m_scenario.node(m_node);
    for (const Transition &transition : node->transitions) {
        const bool matches
            = transition.on.anyReply
              || (!transition.on.intent.isEmpty() && m_lastIntents.contains(transition.on.intent));
        if (matches)
            return enter(transition.to);
    }
    return QList<ShownMessage>();
}

/*!
 * The trainee takes \a action. offered_refund or overrode right after a check that warned or
 * blocked is a policy breach, or an override when \a overrideReason gives a reason.
 * verified_identity marks the case's identity verified for later checks, as the CRM would.
 * The first transition on the action is followed.
 */
Result<QList<ShownMessage>> ScenarioRunner::act(TraineeAction action, const QString &overrideReason)
{
    const auto playable = checkPlayable();
    if (!playable)
        return Error{playable.error()};
    const bool proceeds
        = action == TraineeAction::OfferedRefund || action == TraineeAction::Overrode;
    if (proceeds && m_pendingWarning) {
        m_pendingWarning = false;
        --m_tally.blocksHeeded;
        if (overrideReason.trimmed().isEmpty())
            ++m_tally.breaches;
        else
            ++m_tally.overrides;
    }
    if (action == TraineeAction::VerifiedIdentity) {
        QJsonObject contact = m_conversation.caseContext.value(u"contact"_s).toObject();
        contact.insert(u"identity"_s, QJsonObject{{u"status"_s, u"verified"_s},
                                                  {u"method"_s, u"agent_check"_s},
                                                  {u"time"_s, now().toString(Qt::ISODate)}});
        m_conversation.caseContext.insert(u"contact"_s, contact);
    }
    const ScenarioNode *node = m_scenario.node(m_node);
    for (const Transition &transition : node->transitions) {
        if (transition.on.action == action)
            return enter(transition.to);
    }
    return QList<ShownMessage>();
}

/*!
 * The trainee flags customer message \a messageIndex with \a cue. Correct when that message
 * carries the cue in the ground truth and no earlier flag matched it; otherwise a false
 * positive. Returns whether it was correct.
 */
Result<bool> ScenarioRunner::flag(int messageIndex, const QString &cue)
{
    const auto playable = checkPlayable();
    if (!playable)
        return Error{playable.error()};
    if (messageIndex < 0 || messageIndex >= m_shown.size()) {
        return Error{
            u"message %1 has not been shown (%2 customer messages so far)"_s.arg(messageIndex)
                .arg(m_shown.size())};
    }
    if (!model::findCue(cue))
        return Error{u"unknown cue \"%1\""_s.arg(cue)};
    const QString key = flagKey(messageIndex, cue);
    if (!m_shown.at(messageIndex).cues.contains(cue) || m_matchedCues.contains(key)) {
        ++m_tally.falsePositives;
        return false;
    }
    m_matchedCues.insert(key);
    ++m_tally.truePositives;
    if (!m_tally.firstCorrectFlagMs)
        m_tally.firstCorrectFlagMs = m_clockMs;
    return true;
}

/*!
 * What the policies say about \a action (a proposed refund, replacement, concession or account
 * change, as `refundguard-cli check --action` takes it) now, after the conversation so far and
 * with the scenario's case, through batch::checkAction as the sidebar asks. A warn or block
 * decision stays pending until the trainee proceeds against it or checks again.
 */
Result<policy::Decision> ScenarioRunner::check(const QJsonObject &action)
{
    const auto playable = checkPlayable();
    if (!playable)
        return Error{playable.error()};
    auto checked = batch::checkAction(m_engine, m_conversation, action, u"check"_s, now());
    if (!checked)
        return Error{checked.error()};
    ++m_tally.checks;
    m_pendingWarning = checked.value().decision.verdict != policy::Verdict::Allow;
    if (m_pendingWarning)
        ++m_tally.blocksHeeded;
    return std::move(checked).value().decision;
}

// Simulated time passes (the trainee thinks, types or waits).
void ScenarioRunner::advance(qint64 ms)
{
    m_clockMs += std::max<qint64>(ms, 0);
}

/*!
 * Starts and plays \a answers in order; each step's "after_ms" passes first. Stops at a
 * terminal node (later steps are ignored) or after the last step (outcome "incomplete"). A step
 * the runner cannot take (a flag on a message not shown, a check the policies cannot judge) is
 * an error naming it by JSON pointer.
 */
Result<Score> ScenarioRunner::run(const Answers &answers)
{
    start();
    for (qsizetype i = 0; i < answers.steps.size() && !isFinished(); ++i) {
        const AnswerStep &step = answers.steps.at(i);
        const QString at = u"/steps/"_s + QString::number(i);
        advance(step.afterMs);
        QString error;
        switch (step.kind) {
        case AnswerStep::Kind::Flag:
            if (const auto flagged = flag(step.message, step.cue); !flagged)
                error = u"/flag: "_s + flagged.error();
            break;
        case AnswerStep::Kind::Reply:
            if (const auto replied = reply(step.text); !replied)
                error = u"/reply: "_s + replied.error();
            break;
        case AnswerStep::Kind::Action:
            if (const auto acted = act(step.action, step.overrideReason); !acted)
                error = u"/action: "_s + acted.error();
            break;
        case AnswerStep::Kind::Check:
            if (const auto checked = check(step.check); !checked)
                error = u"/check: "_s + checked.error();
            break;
        case AnswerStep::Kind::Wait:
            advance(step.waitMs);
            break;
        }
        if (!error.isEmpty())
            return Error{at + error};
    }
    return score();
}

/*!
 * The score so far (final once finished). Ground truth counts on the messages shown while the
 * trainee could still flag them: a terminal node's closing messages are not scored.
 */
Score ScenarioRunner::score() const
{
    Tally tally = m_tally;
    int groundTruth = 0;
    for (qsizetype i = 0; i < m_flaggable && i < m_shown.size(); ++i)
        groundTruth += int(m_shown.at(i).cues.size());
    tally.falseNegatives = groundTruth - tally.truePositives;
    return Score::compute(m_scenario, outcome(), tally);
}

QDateTime ScenarioRunner::now() const
{
    return m_startTime.addMSecs(m_clockMs);
}

QList<ShownMessage> ScenarioRunner::enter(const QString &nodeId)
{
    m_node = nodeId;
    const ScenarioNode *node = m_scenario.node(nodeId);
    if (!node)
        return {};
    if (node->outcome)
        m_flaggable = m_shown.size();
    QList<ShownMessage> shown;
    for (const CustomerMessage &message : node->messages) {
        m_clockMs += message.delayMs;
        shown.append(ShownMessage{int(m_shown.size() + shown.size()), nodeId, message.text,
                                  message.cues, m_clockMs});
        m_conversation.messages.append(model::Message{model::Role::Customer, message.text, {}});
    }
    m_shown.append(shown);
    if (!node->outcome)
        m_flaggable = m_shown.size();
    m_outcome = node->outcome;
    return shown;
}

/*!
 * The intents \a text expresses: the phrase-family intents, then the agent-side cues the
 * engine's detector finds in it as an agent turn (agent_commitment, agent_pii_disclosure,
 * agent_off_platform).
 */
QStringList ScenarioRunner::intentsOf(const QString &text)
{
    QStringList intents = m_intents.match(text);
    const int turn = int(m_conversation.messages.size());
    const auto findings
        = m_engine.matcher->scanMessage(turn, model::Message{model::Role::Agent, text, {}});
    for (const model::Finding &finding : findings) {
        const auto cue = model::findCue(finding.cue);
        if (cue && cue->side == model::Role::Agent && !intents.contains(finding.cue))
            intents.append(finding.cue);
    }
    return intents;
}

} // namespace rg::training
