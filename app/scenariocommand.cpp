// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariocommand.h"

#include "cliio.h"

#include "batch/engine.h"
#include "training/answers.h"
#include "training/intents.h"
#include "training/scenario.h"
#include "training/scenariorunner.h"

#include <QJsonDocument>

namespace rg::cli {

using namespace Qt::StringLiterals;

namespace {

const QString kValidateUsage = u"usage: refundguard-cli scenario validate FILE..."_s;
const QString kRunUsage = u"usage: refundguard-cli scenario run FILE --answers FILE [--json]"_s;

// The problems of one scenario file as report lines; none when it is valid.
QStringList problemsOf(const QString &path)
{
    const auto scenario = training::Scenario::load(path);
    if (!scenario)
        return {scenario.error()};
    QStringList lines;
    for (const training::Problem &problem : training::validateScenario(scenario.value(), path))
        lines.append(path + u": "_s + problem.text());
    return lines;
}

int validate(const QStringList &files)
{
    if (files.isEmpty())
        return usageError(kValidateUsage);
    bool allValid = true;
    for (const QString &file : files) {
        const QStringList problems = problemsOf(file);
        allValid = allValid && problems.isEmpty();
        const QString report = problems.isEmpty() ? file + u": ok"_s : problems.join(u'\n');
        writeOut((report + u'\n').toUtf8());
    }
    return allValid ? kExitOk : kExitFailed;
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1) + u" s"_s;
}

QString summary(const training::Scenario &scenario, const training::Score &score)
{
    const training::Tally &tally = score.tally;
    QString text
        = u"%1: %2 (%3 scenario, difficulty %4)\n"_s
              .arg(scenario.id, scenario.title, scenario.genuine ? u"genuine"_s : u"fraud"_s)
              .arg(scenario.difficulty);
    text += u"outcome:  %1 (%2)\n"_s.arg(training::outcomeName(score.outcome),
                                         score.correctOutcome ? u"correct"_s : u"not the goal"_s);
    text += u"flags:    %1 correct, %2 false alarms, %3 missed (precision %4, recall %5)\n"_s
                .arg(tally.truePositives)
                .arg(tally.falsePositives)
                .arg(tally.falseNegatives)
                .arg(score.precision, 0, 'f', 2)
                .arg(score.recall, 0, 'f', 2);
    text += u"          first correct flag: %1\n"_s.arg(
        tally.firstCorrectFlagMs.has_value() ? seconds(tally.firstCorrectFlagMs.value_or(0))
                                             : u"none"_s);
    text += u"policy:   %1 checks, %2 warnings heeded, %3 breaches, %4 overrides with a reason\n"_s
                .arg(tally.checks)
                .arg(tally.blocksHeeded)
                .arg(tally.breaches)
                .arg(tally.overrides);
    text += u"score:    %1 / 100 (weighted for difficulty: %2)\n"_s.arg(score.score, 0, 'f', 1)
                .arg(score.weightedScore, 0, 'f', 1);
    return text;
}

int run(const QStringList &args)
{
    QString scenarioPath;
    QString answersPath;
    bool json = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == u"--json"_s) {
            json = true;
        } else if (arg == u"--answers"_s) {
            if (++i == args.size() || !answersPath.isEmpty())
                return usageError(kRunUsage);
            answersPath = args[i];
        } else if (arg.startsWith(u'-') || !scenarioPath.isEmpty()) {
            return usageError(u"scenario run: unexpected argument %1\n"_s.arg(arg) + kRunUsage);
        } else {
            scenarioPath = arg;
        }
    }
    if (scenarioPath.isEmpty() || answersPath.isEmpty())
        return usageError(kRunUsage);

    auto scenario = training::Scenario::load(scenarioPath);
    if (!scenario)
        return fail(scenario.error());
    // An invalid scenario would score against a broken graph or case: refuse it as validate would.
    const QList<training::Problem> problems
        = training::validateScenario(scenario.value(), scenarioPath);
    if (!problems.isEmpty()) {
        for (const training::Problem &problem : problems)
            printErr(scenarioPath + u": "_s + problem.text());
        return kExitFailed;
    }
    const auto answers = training::Answers::load(answersPath);
    if (!answers)
        return fail(answers.error());
    auto engine = batch::Engine::load();
    if (!engine)
        return fail(engine.error());
    const auto intents = training::IntentMatcher::load();
    if (!intents)
        return fail(intents.error());

    training::ScenarioRunner runner(scenario.value(), *engine.value(), intents.value());
    const auto score = runner.run(answers.value());
    if (!score)
        return fail(answersPath + u": "_s + score.error());
    if (json)
        writeOut(QJsonDocument(score.value().toJson()).toJson(QJsonDocument::Indented));
    else
        writeOut(summary(scenario.value(), score.value()).toUtf8());
    return kExitOk;
}

} // namespace

/*!
 * `refundguard-cli scenario validate FILE...` checks training scenarios: one line per problem,
 * "FILE: ok" per valid file; exit 0 when all are valid. `scenario run FILE --answers FILE
 * [--json]` plays a scenario with a scripted trainee and prints the score (a readable summary,
 * or the score object with --json); exit 0 once scored, whatever the score.
 */
int runScenarioCommand(const QStringList &args)
{
    if (args.isEmpty())
        return usageError(kValidateUsage + u'\n' + kRunUsage);
    const QString sub = args.front();
    if (sub == u"validate"_s)
        return validate(args.mid(1));
    if (sub == u"run"_s)
        return run(args.mid(1));
    return usageError(u"scenario: unknown subcommand \"%1\"\n"_s.arg(sub) + kValidateUsage + u'\n'
                      + kRunUsage);
}

} // namespace rg::cli
