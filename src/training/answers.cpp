// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/answers.h"

#include "model/cue.h"
#include "model/jsontext.h"

#include <QJsonArray>

#include <cmath>

namespace rg::training {

using namespace Qt::StringLiterals;

namespace {

// A week of simulated waiting is more than any exercise needs; more is a typo.
constexpr double kMaxMs = 7.0 * 24 * 60 * 60 * 1000;

bool isWhole(const QJsonValue &value, double max)
{
    const double number = value.toDouble();
    return value.isDouble() && number == std::floor(number) && number >= 0 && number <= max;
}

Result<AnswerStep> readStep(const QJsonObject &object, const QString &at)
{
    const QStringList kinds{u"flag"_s, u"reply"_s, u"action"_s, u"check"_s, u"wait_ms"_s};
    QStringList given;
    for (const QString &kind : kinds) {
        if (object.contains(kind))
            given.append(kind);
    }
    if (given.size() != 1) {
        return Error{at
                     + u": expected exactly one of flag, reply, action, check and wait_ms, got "_s
                     + (given.isEmpty() ? u"none"_s : given.join(u", "_s))};
    }
    AnswerStep step;
    if (object.contains(u"after_ms")) {
        if (!isWhole(object.value(u"after_ms"), kMaxMs))
            return Error{at + u"/after_ms: expected an integer number of milliseconds >= 0"_s};
        step.afterMs = qint64(object.value(u"after_ms").toDouble());
    }
    const QString kind = given.front();
    const QJsonValue value = object.value(kind);
    const QString pointer = at + u'/' + kind;
    if (object.contains(u"override_reason") && kind != u"action"_s)
        return Error{at + u"/override_reason: only an action step gives an override reason"_s};
    if (kind == u"flag"_s) {
        step.kind = AnswerStep::Kind::Flag;
        const QJsonObject flag = value.toObject();
        if (!value.isObject())
            return Error{pointer + u": expected {\"message\": INDEX, \"cue\": CUE}"_s};
        if (!isWhole(flag.value(u"message"), 1e6))
            return Error{pointer
                         + u"/message: expected the index of a customer message (0, 1, ...)"_s};
        step.message = int(flag.value(u"message").toDouble());
        step.cue = flag.value(u"cue").toString();
        if (!model::findCue(step.cue))
            return Error{pointer + u"/cue: unknown cue \"%1\""_s.arg(step.cue)};
    } else if (kind == u"reply"_s) {
        step.kind = AnswerStep::Kind::Reply;
        step.text = value.toString();
        if (!value.isString() || step.text.trimmed().isEmpty())
            return Error{pointer + u": expected the reply's text"_s};
    } else if (kind == u"action"_s) {
        step.kind = AnswerStep::Kind::Action;
        const auto action = traineeActionFromName(value.toString());
        if (!value.isString() || !action) {
            return Error{pointer + u": expected a trainee action: "_s
                         + traineeActionNames().join(u", "_s)};
        }
        step.action = action.value_or(TraineeAction::Refused);
        if (object.contains(u"override_reason")) {
            step.overrideReason = object.value(u"override_reason").toString();
            if (step.overrideReason.trimmed().isEmpty())
                return Error{at + u"/override_reason: expected a non-empty reason"_s};
        }
    } else if (kind == u"check"_s) {
        step.kind = AnswerStep::Kind::Check;
        if (!value.isObject())
            return Error{
                pointer
                + u": expected a proposed action such as {\"type\": \"refund\", \"amount\": 40}"_s};
        step.check = value.toObject();
    } else {
        step.kind = AnswerStep::Kind::Wait;
        if (!isWhole(value, kMaxMs))
            return Error{pointer + u": expected an integer number of milliseconds >= 0"_s};
        step.waitMs = qint64(value.toDouble());
    }
    return step;
}

} // namespace

/*!
 * Reads an answers document. Each step holds exactly one of "flag" ({"message", "cue"}),
 * "reply" (text), "action" (a trainee action, optionally with "override_reason"), "check" (a
 * proposed action) and "wait_ms", and optionally "after_ms". Errors name the JSON pointer.
 */
Result<Answers> Answers::fromJson(const QJsonObject &json)
{
    const QJsonValue steps = json.value(u"steps"_s);
    if (!steps.isArray())
        return Error{u"/steps: expected an array of steps"_s};
    Answers answers;
    const QJsonArray list = steps.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = u"/steps/"_s + QString::number(i);
        if (!list.at(i).isObject())
            return Error{at + u": expected an object"_s};
        auto step = readStep(list.at(i).toObject(), at);
        if (!step)
            return Error{step.error()};
        answers.steps.append(std::move(step).value());
    }
    return answers;
}

Result<Answers> Answers::load(const QString &path)
{
    const auto object = model::readJsonObjectFile(path);
    if (!object)
        return Error{object.error()};
    auto answers = fromJson(object.value());
    if (!answers)
        return Error{path + u": "_s + answers.error()};
    return answers;
}

} // namespace rg::training
