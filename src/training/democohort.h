// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/engine.h"
#include "training/intents.h"
#include "training/resultstore.h"
#include "training/scenario.h"

#include <QDateTime>
#include <QList>

namespace rg::training {

// Use me to fill a demo or a screenshot with a believable cohort: simulated trainees play the
// \a library through ScenarioRunner (so every score is the runner's own), weekly over four weeks
// before \a end, half of the runs with the assist. Each trainee has a skill that grows week by
// week; the assist raises how many cues they catch. The same \a seed gives the same runs.
QList<RunRecord> simulateCohort(const QList<Scenario> &library, batch::Engine &engine,
                                const IntentMatcher &intents, const QDateTime &end,
                                quint32 seed);

} // namespace rg::training
