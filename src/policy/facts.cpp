// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/facts.h"

#include "model/casederived.h"

#include <QJsonArray>

#include <cmath>

namespace rg::policy {

using namespace Qt::StringLiterals;

namespace {

const QStringList kActionTypes{u"refund"_s, u"replacement"_s, u"concession"_s,
                               u"account_change"_s};
const QStringList kMethods{u"original_payment"_s, u"gift_card"_s, u"store_credit"_s,
                           u"other_account"_s, u"crypto"_s};

QString claimAsAction(model::ClaimOutcome outcome)
{
    switch (outcome) {
    case model::ClaimOutcome::Refunded:
        return u"refund"_s;
    case model::ClaimOutcome::Replaced:
        return u"replacement"_s;
    case model::ClaimOutcome::Denied:
    case model::ClaimOutcome::Pending:
        break;
    }
    return {};
}

// The derived figures in the form a JSON Logic condition can compare: JSON Logic has no
// dates, so every time window is counted before evaluation.
QJsonObject signalsOf(const model::Case &c, const model::CaseDerived &derived)
{
    QJsonObject claimsByType;
    for (auto it = derived.claimsInWindowByType.cbegin(); it != derived.claimsInWindowByType.cend(); ++it)
        claimsByType.insert(it.key(), it.value());
    return {{u"present"_s, true},
            {u"account_age_days"_s, double(derived.accountAgeDays)},
            {u"identity_verified"_s, c.contact.identity == model::IdentityStatus::Verified},
            {u"new_device"_s, c.contact.newDevice},
            {u"claims_90d"_s, derived.claimsInWindow},
            {u"claims_90d_by_type"_s, claimsByType},
            {u"changed_in_contact"_s, QJsonArray::fromStringList(derived.changedInContact)},
            {u"changed_last_7d"_s, QJsonArray::fromStringList(derived.changedRecently)},
            {u"linked_fraud_flags"_s, derived.linkedFraudFlags}};
}

} // namespace

/*!
 * Checks the fields policies rely on: a known "type", a non-negative finite "amount" (required
 * for refunds and concessions: a limit cannot judge a missing amount), a known refund "method"
 * and a boolean "return_required" when given. Other fields pass through.
 */
Result<QJsonObject> validateAction(const QJsonObject &action, const QString &path)
{
    const QJsonValue type = action.value(u"type"_s);
    if (!type.isString() || !kActionTypes.contains(type.toString())) {
        return Error{path + u".type: expected one of "_s + kActionTypes.join(u", "_s)
                     + (type.isString() ? u", got \""_s + type.toString() + u'"' : QString())};
    }
    const bool payout = type.toString() == u"refund"_s || type.toString() == u"concession"_s;
    if (payout && !action.contains(u"amount"_s))
        return Error{path + u".amount: required for a "_s + type.toString()};
    if (action.contains(u"amount"_s)) {
        const QJsonValue amount = action.value(u"amount"_s);
        if (!amount.isDouble() || !std::isfinite(amount.toDouble()) || amount.toDouble() < 0)
            return Error{path + u".amount: expected a number >= 0"_s};
    }
    if (action.contains(u"method"_s) && !kMethods.contains(action.value(u"method"_s).toString())) {
        return Error{path + u".method: expected one of "_s + kMethods.join(u", "_s)};
    }
    if (action.contains(u"return_required"_s) && !action.value(u"return_required"_s).isBool())
        return Error{path + u".return_required: expected true or false"_s};
    if (action.contains(u"order_id"_s) && !action.value(u"order_id"_s).isString())
        return Error{path + u".order_id: expected a string"_s};
    return action;
}

/*!
 * The order an action is about must be known, or the order policies have nothing to read: with
 * a case, a refund or replacement without "order_id" is about the case's only order, and is an
 * error when the case has several; an "order_id" the case does not hold is an error. Returns
 * the action with "order_id" filled in.
 */
Result<QJsonObject> resolveOrder(const QJsonObject &action, const model::Case &c, const QString &path)
{
    const QString type = action.value(u"type"_s).toString();
    const QString orderId = action.value(u"order_id"_s).toString();
    if (!orderId.isEmpty()) {
        if (!c.order(orderId))
            return Error{path + u".order_id: case %1 has no order \"%2\""_s.arg(c.id, orderId)};
        return action;
    }
    // A concession (goodwill credit) or an account change need not be about an order.
    if (type == u"account_change"_s || type == u"concession"_s || c.orders.isEmpty())
        return action;
    if (c.orders.size() > 1) {
        return Error{path + u".order_id: required, case %1 has %2 orders"_s.arg(c.id).arg(
                         c.orders.size())};
    }
    QJsonObject resolved = action;
    resolved.insert(u"order_id"_s, c.orders.front().id);
    return resolved;
}

FactsBuilder::FactsBuilder(std::optional<model::Case> caseData, const QDateTime &now)
    : m_case(std::move(caseData))
{
    if (!m_case) {
        m_caseFacts = {{u"signals"_s, QJsonObject{{u"present"_s, false}}}};
        return;
    }
    const auto derived = model::CaseDerived::of(*m_case, now);
    m_caseFacts = m_case->toJson();
    m_caseFacts.insert(u"signals"_s, signalsOf(*m_case, derived));
    m_agentFacts = m_caseFacts.value(u"agent"_s).toObject();
}

/*!
 * The facts document for messages[turn]:
 * - "case": the case document plus "signals" (model::CaseDerived, see signalsOf);
 * - "conversation": "turn", "cues" (cue id -> findings up to this turn), "turn_cues" (findings
 *   in this turn), "actions" (earlier actions of this conversation) and "refunded_total" (the
 *   amounts of its earlier refunds and concessions: a refund split in parts is judged whole);
 * - "action": the action as given plus "order" (the case's order it names, or null) and
 *   "prior_on_order" (the kinds of earlier remedies of that order, each once: this
 *   conversation's actions and the claim history); an agent message is
 *   {"type": "agent_message"};
 * - "agent": the case's agent.
 */
QJsonObject FactsBuilder::facts(const QList<model::Message> &messages,
                                const std::vector<model::Finding> &findings, int turn) const
{
    ConversationTally tally;
    for (const model::Finding &finding : findings) {
        if (finding.turn < turn)
            tally.addFinding(finding);
    }
    for (const model::Finding &finding : findings) {
        if (finding.turn == turn)
            tally.addFinding(finding);
    }
    for (int i = 0; i < turn; ++i)
        tally.addTurn(messages.at(i));
    return facts(tally, messages.at(turn), turn);
}

QJsonObject FactsBuilder::facts(const ConversationTally &tally, const model::Message &message,
                                int turn) const
{
    QJsonObject action = message.role == model::Role::Action
                             ? message.action
                             : QJsonObject{{u"type"_s, u"agent_message"_s}};
    const QString orderId = action.value(u"order_id"_s).toString();

    QJsonArray priorOnOrder
        = orderId.isEmpty() ? QJsonArray() : tally.m_typesByOrder.value(orderId);
    QJsonValue order = QJsonValue::Null;
    if (m_case && !orderId.isEmpty()) {
        for (const model::Claim &claim : m_case->claims) {
            const QString earlier = claimAsAction(claim.outcome);
            if (claim.orderId == orderId && !earlier.isEmpty() && !priorOnOrder.contains(earlier))
                priorOnOrder.append(earlier);
        }
        const QJsonArray orders = m_caseFacts.value(u"orders"_s).toArray();
        for (const QJsonValue &candidate : orders) {
            if (candidate.toObject().value(u"id"_s).toString() == orderId)
                order = candidate;
        }
    }
    action.insert(u"order"_s, order);
    action.insert(u"prior_on_order"_s, priorOnOrder);

    return {{u"case"_s, m_caseFacts},
            {u"conversation"_s,
             QJsonObject{{u"turn"_s, turn},
                         {u"cues"_s, tally.m_cues},
                         {u"turn_cues"_s, tally.m_turn == turn ? tally.m_turnCues : QJsonObject()},
                         {u"actions"_s, tally.m_actions},
                         {u"refunded_total"_s, tally.m_refundedTotal}}},
            {u"action"_s, action},
            {u"agent"_s, m_agentFacts}};
}

void ConversationTally::addFinding(const model::Finding &finding)
{
    if (finding.turn != m_turn) {
        m_turnCues = {};
        m_turn = finding.turn;
    }
    m_cues.insert(finding.cue, m_cues.value(finding.cue).toInt() + 1);
    m_turnCues.insert(finding.cue, m_turnCues.value(finding.cue).toInt() + 1);
}

void ConversationTally::addTurn(const model::Message &message)
{
    if (message.role != model::Role::Action)
        return;
    const QJsonObject &action = message.action;
    m_actions.append(action);
    const QString type = action.value(u"type"_s).toString();
    if (type == u"refund"_s || type == u"concession"_s)
        m_refundedTotal += action.value(u"amount"_s).toDouble();
    const QString orderId = action.value(u"order_id"_s).toString();
    if (orderId.isEmpty())
        return;
    QJsonArray &types = m_typesByOrder[orderId];
    if (!types.contains(action.value(u"type"_s)))
        types.append(action.value(u"type"_s));
}

} // namespace rg::policy
