// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "training/scenario.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rg::training {

// What a run counted, the input of the score.
struct Tally
{
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    std::optional<qint64> firstCorrectFlagMs;
    int checks = 0;
    int blocksHeeded = 0;
    int breaches = 0;
    int overrides = 0;
};

// Use me to report how a trainee did in one run (the formula: resources/scenarios/README.md).
struct Score
{
    QString scenario;
    Outcome outcome = Outcome::Incomplete;
    bool correctOutcome = false;
    Tally tally;
    double precision = 0.0;
    double recall = 0.0;
    int difficulty = 1;
    double score = 0.0;
    double weightedScore = 0.0;

    static Score compute(const Scenario &scenario, Outcome outcome, const Tally &tally);
    QJsonObject toJson() const;
};

} // namespace rg::training
