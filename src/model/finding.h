// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace rg::model {

// One cue seen in one turn, with the exact quote. start/end are code-point offsets into the
// original text of messages[turn], end exclusive (CUES.md, "Offsets").
struct Finding
{
    int turn = 0;
    QString cue;
    QString rule;
    int start = 0;
    int end = 0;
    QString evidence;
    double weight = 0.0;

    QJsonObject toJson() const;
    static Result<Finding> fromJson(const QJsonObject &json);

    friend bool operator==(const Finding &, const Finding &) = default;
};

// A conversation-scope sequence that completed: its steps (cue ids) were seen in order.
struct SequenceHit
{
    QString id;
    QString description;
    double weight = 0.0;
    std::vector<int> turns; // the turn of each step
};

} // namespace rg::model
