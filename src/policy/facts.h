// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/case.h"
#include "model/finding.h"
#include "model/message.h"
#include "model/result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>
#include <vector>

namespace rg::policy {

// Checks an agent action as transcripts and the CLI carry it ({"type": "refund", "amount": ...});
// errors name the field under \a path.
Result<QJsonObject> validateAction(const QJsonObject &action, const QString &path);

// Names the case's order an action is about (see the definition); errors name the field.
Result<QJsonObject> resolveOrder(const QJsonObject &action, const model::Case &c,
                                 const QString &path);

// Use me to carry what the facts of a turn need from the turns before it, a turn at a time:
// cue counts, earlier actions, the refunded total, the remedies per order.
class ConversationTally final
{
public:
    // Findings of the turn about to be judged and of those before it, in turn order.
    void addFinding(const model::Finding &finding);
    // A turn once judged: its action becomes an earlier action of the turns after it.
    void addTurn(const model::Message &message);

private:
    friend class FactsBuilder;
    QJsonObject m_cues;
    QJsonObject m_turnCues; // of m_turn only
    int m_turn = -1;
    QJsonArray m_actions;
    double m_refundedTotal = 0.0;
    QHash<QString, QJsonArray> m_typesByOrder; // kinds of earlier actions per order, each once
};

// Use me to build the facts document policies read, {case, conversation, action, agent}, for
// each action of one conversation. The case part and its derived signals (claim counts, account
// age, changes in this contact, ...) are computed once, at construction.
class FactsBuilder final
{
public:
    // Time-based signals count back from the contact's start, or from \a now when the case has
    // no start time.
    FactsBuilder(std::optional<model::Case> caseData, const QDateTime &now);

    // Facts for messages[turn] (an action, or an agent message judged as "agent_message"), given
    // the conversation's findings; only turns up to \a turn are visible.
    QJsonObject facts(const QList<model::Message> &messages,
                      const std::vector<model::Finding> &findings, int turn) const;
    // The same for \a message, turn \a turn, from the tally of the turns up to it.
    QJsonObject facts(const ConversationTally &tally, const model::Message &message,
                      int turn) const;

private:
    std::optional<model::Case> m_case;
    QJsonObject m_caseFacts;
    QJsonObject m_agentFacts;
};

} // namespace rg::policy
