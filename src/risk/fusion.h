// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/case.h"
#include "model/finding.h"
#include "model/message.h"
#include "model/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace rg::risk {

// Something the case, not the text, says about this contact, already weighed.
struct CaseSignal
{
    QString id;   // e.g. "proof_of_delivery"
    QString text; // a sentence with the numbers, for the agent
    double weight = 0.0;
    bool decisive = false;
};

// Use me to read the weights of the case signals (resources/risk/fusion.json, built in as
// ":/risk/fusion.json"). Every known signal must be present; errors name file and signal.
struct FusionWeights
{
    static constexpr int kFormat = 1;

    struct Entry
    {
        double weight = 0.0;
        bool decisive = false;
        bool claimOnly = false;
        double threshold = 0.0; // min_claims, max_age_days or min_value, where the signal has one
    };
    QHash<QString, Entry> signalWeights;

    static Result<FusionWeights> load(const QString &path);
    static Result<FusionWeights> parse(const QByteArray &json, const QString &source);
};

// Use me to gather what a conversation says about its claim a turn at a time: whether it is
// about a claim and which orders of the case \a c it concerns (see caseSignals()).
class ClaimTally final
{
public:
    void addFinding(const model::Finding &finding);
    void addMessage(const model::Message &message, const model::Case &c);

private:
    friend std::vector<CaseSignal> caseSignals(const model::Case &, const ClaimTally &,
                                               const FusionWeights &, const QDateTime &);
    bool m_aboutClaim = false;
    bool m_nonReceipt = false;
    QStringList m_namedOrders; // named by actions, in turn order
    QSet<QString> m_mentioned; // the case's orders that messages mention by id
};

// The case signals of one conversation: \a messages and \a findings decide whether it is about
// a claim and which orders it concerns; time windows count back from the contact's start.
std::vector<CaseSignal> caseSignals(const model::Case &c, const QList<model::Message> &messages,
                                    const std::vector<model::Finding> &findings,
                                    const FusionWeights &weights, const QDateTime &now);
// The same from a conversation already tallied.
std::vector<CaseSignal> caseSignals(const model::Case &c, const ClaimTally &claim,
                                    const FusionWeights &weights, const QDateTime &now);

} // namespace rg::risk
