// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace rg::training {

// Scenario format v1: resources/scenarios/README.md, resources/schema/scenario.schema.json.

enum class Outcome {
    FraudStopped,
    FraudSucceeded,
    GenuineServed,
    GenuineWronglyRefused,
    Incomplete
};

// What a trainee can do besides replying; these spellings are the format's.
enum class TraineeAction { VerifiedIdentity, Refused, OfferedRefund, Escalated, Overrode };

QString outcomeName(Outcome outcome);
std::optional<Outcome> outcomeFromName(QStringView name); // not "incomplete": no node ends so
QString traineeActionName(TraineeAction action);
std::optional<TraineeAction> traineeActionFromName(QStringView name);
QStringList scenarioLanguages();
QStringList scenarioOutcomeNames();
QStringList traineeActionNames();

struct CustomerMessage
{
    static constexpr int kDefaultDelayMs = 1000;

    QString text;
    int delayMs = kDefaultDelayMs;
    QStringList cues; // ground truth
};

// When a transition applies: exactly one of these is set.
struct Trigger
{
    std::optional<TraineeAction> action;
    QString intent;
    bool anyReply = false;
};

struct Transition
{
    Trigger on;
    QString to;
};

struct ScenarioNode
{
    QString id;
    QList<CustomerMessage> messages;
    QList<Transition> transitions;
    std::optional<Outcome> outcome; // set: a terminal node
};

// Use me to hold one training scenario as read from its file. The reader checks structure,
// types, ranges and fixed spellings; validateScenario() checks what needs the whole document
// (node graph, cue and intent ids, the case, the file name).
struct Scenario
{
    static constexpr int kSchemaVersion = 1;

    QString id;
    QString title;
    QString language;
    bool genuine = false;
    int difficulty = 1;
    QString difficultyRationale;
    QStringList tactics;
    QStringList objectives;
    QJsonObject caseDocument; // as given; validateScenario() reads it with model::Case
    QString start;
    QList<ScenarioNode> nodes; // in file order

    const ScenarioNode *node(QStringView nodeId) const;

    static Result<Scenario> fromJson(const QJsonObject &json);
    static Result<Scenario> load(const QString &path);
};

// One semantic problem: where it is (JSON pointer), and the node it concerns when there is one.
struct Problem
{
    QString pointer;
    QString node;
    QString message;

    QString text() const;
};

// Every semantic problem of \a scenario, read from \a path (whose base name must be its id).
QList<Problem> validateScenario(const Scenario &scenario, const QString &path);

} // namespace rg::training
