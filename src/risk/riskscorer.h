// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/finding.h"

#include <QString>

#include <vector>

namespace rg::risk {

enum class Level { Low, Medium, High };

QString levelName(Level level);

// Why a conversation scored as it did, strongest first.
struct Reason
{
    QString cue; // cue id, or the sequence id
    QString text;
    double weight = 0.0;
    int turn = 0;
};

struct Assessment
{
    double risk = 0.0;
    Level level = Level::Low;
    std::vector<Reason> reasons;
};

// Use me to turn a conversation's findings into one risk score, level and ranked reasons.
Assessment assess(const std::vector<model::Finding> &findings,
                  const std::vector<model::SequenceHit> &sequences);

} // namespace rg::risk
