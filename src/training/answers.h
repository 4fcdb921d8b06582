// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"
#include "training/scenario.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rg::training {

// One scripted trainee step of an answers file.
struct AnswerStep
{
    enum class Kind { Flag, Reply, Action, Check, Wait };

    Kind kind = Kind::Reply;
    qint64 afterMs = 0;                            // simulated time before the step
    int message = 0;                               // Flag: index of a customer message shown so far
    QString cue;                                   // Flag
    QString text;                                  // Reply
    TraineeAction action = TraineeAction::Refused; // Action
    QString overrideReason;                        // Action: "override_reason"
    QJsonObject check; // Check: the proposed action, as `refundguard-cli check --action`
    qint64 waitMs = 0; // Wait
};

// Use me to script a trainee for a headless run: {"steps": [{"flag": ...}, {"reply": ...}, ...]}.
struct Answers
{
    QList<AnswerStep> steps;

    static Result<Answers> fromJson(const QJsonObject &json);
    static Result<Answers> load(const QString &path);
};

} // namespace rg::training
