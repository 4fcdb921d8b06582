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
#include <QString>

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

// The case signals of one conversation: \a messages and \a findings decide whether it is about
// a claim and which orders it concerns; time windows count back from the contact's start.
std::vector<CaseSignal> caseSignals(const model::Case &c, const QList<model::Message> &messages,
                                    const std::vector<model::Finding> &findings,
                                    const FusionWeights &weights, const QDateTime &now);

} // namespace rg::risk
