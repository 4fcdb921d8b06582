// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/score.h"

#include <algorithm>

namespace rg::training {

using namespace Qt::StringLiterals;

namespace {

constexpr double kOutcomePoints = 40.0;
constexpr double kFlagPoints = 30.0;
constexpr double kPolicyPoints = 30.0;

// A ratio whose denominator is 0 is 1: no flags raised means no false alarm, nothing to find
// means nothing missed. Either way F1 is 0 unless a flag was correct.
double ratio(int part, int whole)
{
    return whole == 0 ? 1.0 : double(part) / double(whole);
}

} // namespace

/*!
 * Scores a run of \a scenario that ended in \a outcome:
 *   40 x (outcome is fraud_stopped or genuine_served)
 * + 30 x F1 of the flags, or, when the messages shown carried no ground-truth cue (nothing to
 *   find, F1 undefined), 30 x (1 - FP / (FP + 1))
 * + 30 x (1 - breaches / max(1, checks + breaches)),
 * weighted by (0.6 + 0.1 x difficulty level).
 */
Score Score::compute(const Scenario &scenario, Outcome outcome, const Tally &tally)
{
    Score result;
    result.scenario = scenario.id;
    result.outcome = outcome;
    result.correctOutcome
        = outcome == (scenario.genuine ? Outcome::GenuineServed : Outcome::FraudStopped);
    result.tally = tally;
    result.difficulty = scenario.difficulty;
    result.precision = ratio(tally.truePositives, tally.truePositives + tally.falsePositives);
    result.recall = ratio(tally.truePositives, tally.truePositives + tally.falseNegatives);

    const bool nothingToFind = tally.truePositives + tally.falseNegatives == 0;
    double flagPart = 0.0;
    if (nothingToFind)
        flagPart = 1.0 - double(tally.falsePositives) / double(tally.falsePositives + 1);
    else if (tally.truePositives > 0)
        flagPart = 2.0 * result.precision * result.recall / (result.precision + result.recall);
    const double compliance
        = 1.0 - double(tally.breaches) / double(std::max(1, tally.checks + tally.breaches));

    result.score = kOutcomePoints * (result.correctOutcome ? 1.0 : 0.0) + kFlagPoints * flagPart
                   + kPolicyPoints * compliance;
    result.weightedScore = result.score * (0.6 + 0.1 * scenario.difficulty);
    return result;
}

// The score as `refundguard-cli scenario run --json` prints it.
QJsonObject Score::toJson() const
{
    return {
        {u"scenario"_s, scenario},
        {u"outcome"_s, outcomeName(outcome)},
        {u"correct_outcome"_s, correctOutcome},
        {u"flags"_s, QJsonObject{{u"true_positive"_s, tally.truePositives},
                                 {u"false_positive"_s, tally.falsePositives},
                                 {u"false_negative"_s, tally.falseNegatives},
                                 {u"precision"_s, precision},
                                 {u"recall"_s, recall}}},
        {u"first_correct_flag_ms"_s, tally.firstCorrectFlagMs.has_value()
                                         ? QJsonValue(double(tally.firstCorrectFlagMs.value_or(0)))
                                         : QJsonValue(QJsonValue::Null)},
        {u"policy"_s, QJsonObject{{u"checks"_s, tally.checks},
                                  {u"blocks_heeded"_s, tally.blocksHeeded},
                                  {u"breaches"_s, tally.breaches},
                                  {u"overrides"_s, tally.overrides}}},
        {u"difficulty"_s, difficulty},
        {u"score"_s, score},
        {u"weighted_score"_s, weightedScore}};
}

} // namespace rg::training
