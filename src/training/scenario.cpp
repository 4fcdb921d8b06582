// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/scenario.h"

#include "model/case.h"
#include "model/cue.h"
#include "model/jsontext.h"
#include "model/spelling.h"
#include "training/intents.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <array>
#include <cmath>
#include <functional>

namespace rg::training {

using namespace Qt::StringLiterals;

namespace {

using model::Spelling;

constexpr std::array kOutcomes{
    Spelling<Outcome>{Outcome::FraudStopped, "fraud_stopped"_L1},
    Spelling<Outcome>{Outcome::FraudSucceeded, "fraud_succeeded"_L1},
    Spelling<Outcome>{Outcome::GenuineServed, "genuine_served"_L1},
    Spelling<Outcome>{Outcome::GenuineWronglyRefused, "genuine_wrongly_refused"_L1}};
constexpr std::array kActions{
    Spelling<TraineeAction>{TraineeAction::VerifiedIdentity, "verified_identity"_L1},
    Spelling<TraineeAction>{TraineeAction::Refused, "refused"_L1},
    Spelling<TraineeAction>{TraineeAction::OfferedRefund, "offered_refund"_L1},
    Spelling<TraineeAction>{TraineeAction::Escalated, "escalated"_L1},
    Spelling<TraineeAction>{TraineeAction::Overrode, "overrode"_L1}};

// A day is far more than any chat waits; larger delays are typos.
constexpr double kMaxDelayMs = 24.0 * 60 * 60 * 1000;

enum class Need { Optional, Required };

// Reads the scenario member by member and keeps the first error, as model::Case's reader
// does: each read* returns false once something is wrong, so a section reads as one && chain.
class Reader final
{
public:
    QString error;

    bool fail(const QString &pointer, const QString &message)
    {
        error = pointer + u": "_s + message;
        return false;
    }

    bool failExpected(const QString &pointer, const QString &what, const QJsonValue &got)
    {
        if (got.isUndefined())
            return fail(pointer, u"missing (expected "_s + what + u')');
        return fail(pointer, u"expected "_s + what + u", got "_s + model::describeJsonValue(got));
    }

    bool readString(const QJsonObject &object, const QString &at, QStringView key, QString &out)
    {
        const QJsonValue value = object.value(key);
        if (!value.isString() || value.toString().trimmed().isEmpty())
            return failExpected(model::jsonPointerTo(at, key), u"a non-empty string"_s, value);
        out = value.toString();
        return true;
    }

    bool readInteger(const QJsonObject &object, const QString &at, QStringView key, double min,
                     double max, int &out, Need need)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() && need == Need::Optional)
            return true;
        const double number = value.toDouble();
        if (!value.isDouble() || number != std::floor(number) || number < min || number > max) {
            return failExpected(model::jsonPointerTo(at, key),
                                u"an integer from %1 to %2"_s.arg(qint64(min)).arg(qint64(max)),
                                value);
        }
        out = int(number);
        return true;
    }

    template <typename E, std::size_t N>
    bool readSpelling(const QJsonValue &value, const QString &pointer,
                      const std::array<Spelling<E>, N> &table, const QString &what, E &out)
    {
        const auto known = model::spellingValue(table, value.toString());
        if (!value.isString() || !known) {
            return failExpected(pointer, what + u": "_s + model::spellingNames(table).join(u", "_s),
                                value);
        }
        out = *known;
        return true;
    }

    bool readStrings(const QJsonObject &object, const QString &at, QStringView key,
                     QStringList &out, Need need)
    {
        const QString pointer = model::jsonPointerTo(at, key);
        const QJsonValue value = object.value(key);
        if (value.isUndefined() && need == Need::Optional)
            return true;
        if (!value.isArray())
            return failExpected(pointer, u"an array of strings"_s, value);
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isString() || list.at(i).toString().trimmed().isEmpty())
                return failExpected(model::jsonPointerTo(pointer, i), u"a non-empty string"_s,
                                    list.at(i));
            out.append(list.at(i).toString());
        }
        return true;
    }

    bool readObject(const QJsonObject &object, const QString &at, QStringView key,
                    const std::function<bool(const QJsonObject &, const QString &)> &read)
    {
        const QJsonValue value = object.value(key);
        if (!value.isObject())
            return failExpected(model::jsonPointerTo(at, key), u"an object"_s, value);
        return read(value.toObject(), model::jsonPointerTo(at, key));
    }

    bool readArray(const QJsonObject &object, const QString &at, QStringView key,
                   const std::function<bool(const QJsonObject &, const QString &)> &read)
    {
        const QString pointer = model::jsonPointerTo(at, key);
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return true;
        if (!value.isArray())
            return failExpected(pointer, u"an array of objects"_s, value);
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isObject())
                return failExpected(model::jsonPointerTo(pointer, i), u"an object"_s, list.at(i));
            if (!read(list.at(i).toObject(), model::jsonPointerTo(pointer, i)))
                return false;
        }
        return true;
    }

    bool readSchemaVersion(const QJsonObject &root)
    {
        const QJsonValue value = root.value(u"schema_version");
        if (value != QJsonValue(Scenario::kSchemaVersion)) {
            return failExpected(u"/schema_version"_s,
                                u"%1, the only scenario schema version this build reads"_s.arg(
                                    Scenario::kSchemaVersion),
                                value);
        }
        return true;
    }

    bool readId(const QJsonObject &root, QString &out)
    {
        static const QRegularExpression pattern(u"^[a-z0-9-]+$"_s);
        const QJsonValue value = root.value(u"id");
        if (!value.isString() || !pattern.match(value.toString()).hasMatch())
            return failExpected(u"/id"_s, u"an id of a-z, 0-9 and \"-\""_s, value);
        out = value.toString();
        return true;
    }

    bool readLanguage(const QJsonObject &root, QString &out)
    {
        const QJsonValue value = root.value(u"language");
        if (!value.isString() || !scenarioLanguages().contains(value.toString())) {
            return failExpected(u"/language"_s,
                                u"a language: "_s + scenarioLanguages().join(u", "_s), value);
        }
        out = value.toString();
        return true;
    }

    bool readGenuine(const QJsonObject &root, bool &out)
    {
        const QJsonValue value = root.value(u"genuine");
        if (!value.isBool())
            return failExpected(u"/genuine"_s, u"true or false"_s, value);
        out = value.toBool();
        return true;
    }

    bool readMessage(const QJsonObject &object, const QString &at, CustomerMessage &message)
    {
        return readString(object, at, u"text", message.text)
               && readInteger(object, at, u"delay_ms", 0, kMaxDelayMs, message.delayMs,
                              Need::Optional)
               && readStrings(object, at, u"cues", message.cues, Need::Optional);
    }

    bool readTrigger(const QJsonObject &object, const QString &at, Trigger &trigger)
    {
        const QStringList kinds{u"action"_s, u"intent"_s, u"reply"_s};
        QStringList given;
        for (const QString &kind : kinds) {
            if (object.contains(kind))
                given.append(kind);
        }
        if (given.size() != 1) {
            return fail(at, u"expected exactly one of \"action\", \"intent\" and \"reply\", got "_s
                                + (given.isEmpty() ? u"none"_s : given.join(u", "_s)));
        }
        if (given.front() == u"action"_s) {
            TraineeAction action = TraineeAction::Refused;
            if (!readSpelling(object.value(u"action"), model::jsonPointerTo(at, u"action"),
                              kActions, u"a trainee action"_s, action))
                return false;
            trigger.action = action;
            return true;
        }
        if (given.front() == u"intent"_s)
            return readString(object, at, u"intent", trigger.intent);
        if (object.value(u"reply") != QJsonValue(true))
            return failExpected(model::jsonPointerTo(at, u"reply"), u"true (any reply)"_s,
                                object.value(u"reply"));
        trigger.anyReply = true;
        return true;
    }

    bool readNode(const QJsonObject &object, const QString &at, ScenarioNode &node)
    {
        if (object.contains(u"outcome")) {
            Outcome outcome = Outcome::Incomplete;
            if (!readSpelling(object.value(u"outcome"), model::jsonPointerTo(at, u"outcome"),
                              kOutcomes, u"an outcome"_s, outcome))
                return false;
            node.outcome = outcome;
            if (object.contains(u"transitions"))
                return fail(model::jsonPointerTo(at, u"transitions"),
                            u"a terminal node (one with an outcome) has no transitions"_s);
        }
        return readArray(object, at, u"messages",
                         [&](const QJsonObject &item, const QString &pointer) {
                             CustomerMessage message;
                             if (!readMessage(item, pointer, message))
                                 return false;
                             node.messages.append(message);
                             return true;
                         })
               && readArray(object, at, u"transitions",
                            [&](const QJsonObject &item, const QString &pointer) {
                                Transition transition;
                                if (!readObject(item, pointer, u"on",
                                                [&](const QJsonObject &on, const QString &onAt) {
                                                    return readTrigger(on, onAt, transition.on);
                                                })
                                    || !readString(item, pointer, u"to", transition.to))
                                    return false;
                                node.transitions.append(transition);
                                return true;
                            });
    }

    bool readNodes(const QJsonObject &root, Scenario &scenario)
    {
        const QJsonValue value = root.value(u"nodes");
        if (!value.isObject() || value.toObject().isEmpty())
            return failExpected(u"/nodes"_s, u"a non-empty object of node id -> node"_s, value);
        const QJsonObject nodes = value.toObject();
        // QJsonObject iterates in key order, not file order; the order of nodes carries no
        // meaning in the format, so key order is as good and stable.
        for (auto it = nodes.begin(); it != nodes.end(); ++it) {
            const QString pointer = model::jsonPointerTo(u"/nodes"_s, it.key());
            if (it.key().trimmed().isEmpty())
                return fail(pointer, u"a node id must not be empty"_s);
            if (!it.value().isObject())
                return failExpected(pointer, u"an object"_s, it.value());
            ScenarioNode node;
            node.id = it.key();
            if (!readNode(it.value().toObject(), pointer, node))
                return false;
            scenario.nodes.append(node);
        }
        return true;
    }

    bool readScenario(const QJsonObject &root, Scenario &scenario)
    {
        const QString at;
        return readSchemaVersion(root) && readId(root, scenario.id)
               && readString(root, at, u"title", scenario.title)
               && readLanguage(root, scenario.language) && readGenuine(root, scenario.genuine)
               && readObject(root, at, u"difficulty",
                             [&](const QJsonObject &object, const QString &pointer) {
                                 return readInteger(object, pointer, u"level", 1, 5,
                                                    scenario.difficulty, Need::Required)
                                        && readString(object, pointer, u"rationale",
                                                      scenario.difficultyRationale);
                             })
               && readStrings(root, at, u"tactics", scenario.tactics, Need::Required)
               && readStrings(root, at, u"objectives", scenario.objectives, Need::Required)
               && readObject(root, at, u"case",
                             [&](const QJsonObject &object, const QString &) {
                                 scenario.caseDocument = object;
                                 return true;
                             })
               && readString(root, at, u"start", scenario.start) && readNodes(root, scenario);
    }
};

void checkCue(QList<Problem> &problems, const QString &cue, const QString &pointer,
              const QString &node, bool customerMessage)
{
    const auto info = model::findCue(cue);
    if (!info) {
        problems.append({pointer, node, u"unknown cue \"%1\""_s.arg(cue)});
        return;
    }
    if (customerMessage && info->side != model::Role::Customer) {
        problems.append(
            {pointer, node,
             u"\"%1\" is an agent-side cue; a customer message carries customer-side cues"_s.arg(
                 cue)});
    }
}

void checkCues(const Scenario &scenario, QList<Problem> &problems)
{
    for (qsizetype i = 0; i < scenario.tactics.size(); ++i)
        checkCue(problems, scenario.tactics.at(i), model::jsonPointerTo(u"/tactics"_s, i), {},
                 false);
    if (!scenario.genuine && scenario.tactics.isEmpty()) {
        problems.append({u"/tactics"_s,
                         {},
                         u"a fraud scenario (genuine: false) names the tactics it exercises"_s});
    }
    for (const ScenarioNode &node : scenario.nodes) {
        const QString nodeAt = model::jsonPointerTo(u"/nodes"_s, node.id);
        for (qsizetype m = 0; m < node.messages.size(); ++m) {
            const QStringList &cues = node.messages.at(m).cues;
            const QString cuesAt = model::jsonPointerTo(
                model::jsonPointerTo(model::jsonPointerTo(nodeAt, u"messages"), m), u"cues");
            for (qsizetype c = 0; c < cues.size(); ++c) {
                const QString pointer = model::jsonPointerTo(cuesAt, c);
                checkCue(problems, cues.at(c), pointer, node.id, true);
                if (cues.indexOf(cues.at(c)) < c) {
                    problems.append(
                        {pointer, node.id,
                         u"message %1 lists cue \"%2\" twice"_s.arg(m).arg(cues.at(c))});
                }
            }
        }
    }
}

// Transitions: targets exist, intents are known, non-terminal nodes have a way on.
void checkTransitions(const Scenario &scenario, QList<Problem> &problems)
{
    const QStringList intents = knownIntents();
    for (const ScenarioNode &node : scenario.nodes) {
        const QString nodeAt = model::jsonPointerTo(u"/nodes"_s, node.id);
        if (!node.outcome && node.transitions.isEmpty()) {
            problems.append(
                {nodeAt, node.id,
                 u"has neither an outcome nor transitions: the trainee would be stuck"_s});
        }
        for (qsizetype t = 0; t < node.transitions.size(); ++t) {
            const Transition &transition = node.transitions.at(t);
            const QString at
                = model::jsonPointerTo(model::jsonPointerTo(nodeAt, u"transitions"), t);
            if (!scenario.node(transition.to)) {
                problems.append(
                    {model::jsonPointerTo(at, u"to"), node.id,
                     u"transition %1 goes to unknown node \"%2\""_s.arg(t).arg(transition.to)});
            }
            if (!transition.on.intent.isEmpty() && !intents.contains(transition.on.intent)) {
                problems.append(
                    {model::jsonPointerTo(model::jsonPointerTo(at, u"on"), u"intent"), node.id,
                     u"transition %1 names unknown intent \"%2\" (expected %3)"_s.arg(t).arg(
                         transition.on.intent, intents.join(u", "_s))});
            }
        }
    }
}

// Reachability from the start node, and the outcomes the scenario's kind needs.
void checkGraph(const Scenario &scenario, QList<Problem> &problems)
{
    if (!scenario.node(scenario.start)) {
        problems.append({u"/start"_s, {}, u"unknown start node \"%1\""_s.arg(scenario.start)});
        return;
    }
    QSet<QString> reached{scenario.start};
    QStringList queue{scenario.start};
    while (!queue.isEmpty()) {
        const ScenarioNode *current = scenario.node(queue.takeFirst());
        for (const Transition &transition : current->transitions) {
            if (scenario.node(transition.to) && !reached.contains(transition.to)) {
                reached.insert(transition.to);
                queue.append(transition.to);
            }
        }
    }
    QSet<Outcome> reachable;
    for (const ScenarioNode &node : scenario.nodes) {
        const QString nodeAt = model::jsonPointerTo(u"/nodes"_s, node.id);
        if (!reached.contains(node.id)) {
            problems.append({nodeAt, node.id,
                             u"is not reachable from the start node \"%1\""_s.arg(scenario.start)});
            continue;
        }
        if (!node.outcome)
            continue;
        const Outcome outcome = *node.outcome;
        reachable.insert(outcome);
        const bool genuineOutcome
            = outcome == Outcome::GenuineServed || outcome == Outcome::GenuineWronglyRefused;
        if (genuineOutcome != scenario.genuine) {
            problems.append({model::jsonPointerTo(nodeAt, u"outcome"), node.id,
                             u"outcome \"%1\" does not fit a %2 scenario (genuine: %3)"_s.arg(
                                 outcomeName(outcome), scenario.genuine ? u"genuine"_s : u"fraud"_s,
                                 scenario.genuine ? u"true"_s : u"false"_s)});
        }
    }
    const std::array<Outcome, 2> needed
        = scenario.genuine ? std::array{Outcome::GenuineServed, Outcome::GenuineWronglyRefused}
                           : std::array{Outcome::FraudStopped, Outcome::FraudSucceeded};
    for (const Outcome outcome : needed) {
        if (!reachable.contains(outcome)) {
            problems.append({u"/nodes"_s,
                             {},
                             u"no node with outcome \"%1\" is reachable from the start node \"%2\""
                             " (a %3 scenario must be able to end so)"_s.arg(
                                 outcomeName(outcome), scenario.start,
                                 scenario.genuine ? u"genuine"_s : u"fraud"_s)});
        }
    }
}

} // namespace

QString outcomeName(Outcome outcome)
{
    // Incomplete is the runner's, never written in a scenario, so it is not in the table.
    return outcome == Outcome::Incomplete ? u"incomplete"_s : model::spellingOf(kOutcomes, outcome);
}

std::optional<Outcome> outcomeFromName(QStringView name)
{
    return model::spellingValue(kOutcomes, name);
}

QString traineeActionName(TraineeAction action)
{
    return model::spellingOf(kActions, action);
}

std::optional<TraineeAction> traineeActionFromName(QStringView name)
{
    return model::spellingValue(kActions, name);
}

QStringList scenarioLanguages()
{
    return {u"en"_s, u"es"_s, u"de"_s, u"fr"_s};
}

QStringList scenarioOutcomeNames()
{
    return model::spellingNames(kOutcomes);
}

QStringList traineeActionNames()
{
    return model::spellingNames(kActions);
}

const ScenarioNode *Scenario::node(QStringView nodeId) const
{
    for (const ScenarioNode &candidate : nodes) {
        if (candidate.id == nodeId)
            return &candidate;
    }
    return nullptr;
}

/*!
 * Reads a scenario document (format v1). Checks types, required members, ranges (difficulty
 * 1..5, delays 0..24 h) and fixed spellings (language, outcomes, trainee actions, the shape of
 * each transition's "on"); unknown members are ignored. The error names the first offending
 * member by JSON pointer, e.g. "/nodes/opening/transitions/2/on/action: expected a trainee
 * action: verified_identity, ..., got "refund"". Cue and intent ids, the node graph and the case
 * are checked by validateScenario(), which reports every problem rather than the first.
 */
Result<Scenario> Scenario::fromJson(const QJsonObject &json)
{
    Reader reader;
    Scenario scenario;
    if (!reader.readScenario(json, scenario))
        return Error{reader.error};
    return scenario;
}

// Reads the file at \a path; every error starts with the path.
Result<Scenario> Scenario::load(const QString &path)
{
    const auto object = model::readJsonObjectFile(path);
    if (!object)
        return Error{object.error()};
    auto scenario = fromJson(object.value());
    if (!scenario)
        return Error{path + u": "_s + scenario.error()};
    return scenario;
}

// "node "pushback": transition 2 goes to ... (/nodes/pushback/transitions/2/to)", or
// "/tactics/1: unknown cue ..." for problems outside the nodes.
QString Problem::text() const
{
    if (node.isEmpty())
        return pointer + u": "_s + message;
    return u"node \"%1\": %2 (%3)"_s.arg(node, message, pointer);
}

/*!
 * The checks that need the whole scenario, each problem reported: the id equals the base name
 * of \a path; the start node exists; every transition goes to a node and names a known intent;
 * every node is reachable from the start; every node without an outcome has a transition; the
 * outcomes of the scenario's kind are reachable (fraud_stopped and fraud_succeeded, or
 * genuine_served and genuine_wrongly_refused) and no outcome of the other kind exists; cue ids
 * are known, customer messages carry customer-side cues, each at most once; a fraud scenario
 * names its tactics; the case reads as model::Case.
 */
QList<Problem> validateScenario(const Scenario &scenario, const QString &path)
{
    QList<Problem> problems;
    const QString baseName = QFileInfo(path).fileName();
    if (baseName != scenario.id + u".json"_s) {
        problems.append({u"/id"_s,
                         {},
                         u"\"%1\" does not match the file name \"%2\" (expected %1.json)"_s.arg(
                             scenario.id, baseName)});
    }
    const auto caseData = model::Case::fromJson(scenario.caseDocument);
    if (!caseData)
        problems.append({u"/case"_s + caseData.error().section(u':', 0, 0),
                         {},
                         caseData.error().section(u':', 1).trimmed()});
    checkCues(scenario, problems);
    checkTransitions(scenario, problems);
    checkGraph(scenario, problems);
    return problems;
}

} // namespace rg::training
