// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariocommand.h"

#include "cliio.h"
#include "trainingcommand.h"

#include "batch/engine.h"
#include "training/answers.h"
#include "training/intents.h"
#include "training/scenario.h"
#include "training/scenariorunner.h"
#include "training/transcriptdraft.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace rg::cli {

using namespace Qt::StringLiterals;

namespace {

const QString kValidateUsage = u"usage: refundguard-cli scenario validate FILE..."_s;
const QString kRunUsage = u"usage: refundguard-cli scenario run FILE --answers FILE [--json]"
                          " [--db URL --trainee T [--cohort C] [--assist]]"_s;
const QString kDraftUsage
    = u"usage: refundguard-cli scenario from-transcript FILE [--id ID] [--out FILE]"_s;

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
    // Where to store the run, and whose it is.
    QString db;
    training::RunRecord record;
    const QList<std::pair<QString, QString *>> valued = {{u"--answers"_s, &answersPath},
                                                         {u"--db"_s, &db},
                                                         {u"--trainee"_s, &record.trainee},
                                                         {u"--cohort"_s, &record.cohort}};
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        const auto option = std::find_if(valued.cbegin(), valued.cend(),
                                         [&](const auto &entry) { return entry.first == arg; });
        if (arg == u"--json"_s) {
            json = true;
        } else if (arg == u"--assist"_s) {
            record.assist = true;
        } else if (option != valued.cend()) {
            if (++i == args.size() || !option->second->isEmpty() || args[i].isEmpty())
                return usageError(u"scenario run: %1 needs one value\n"_s.arg(arg) + kRunUsage);
            *option->second = args[i];
        } else if (arg.startsWith(u'-') || !scenarioPath.isEmpty()) {
            return usageError(u"scenario run: unexpected argument %1\n"_s.arg(arg) + kRunUsage);
        } else {
            scenarioPath = arg;
        }
    }
    if (scenarioPath.isEmpty() || answersPath.isEmpty())
        return usageError(kRunUsage);
    if (db.isEmpty() != record.trainee.trimmed().isEmpty()
        || (db.isEmpty() && (!record.cohort.isEmpty() || record.assist))) {
        return usageError(u"scenario run: --db and --trainee go together (with --cohort and "
                          "--assist)\n"_s
                          + kRunUsage);
    }

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

    // Opened before the run, so a wrong URL or an unreachable server is told before the work.
    std::unique_ptr<training::ResultStore> store;
    if (!db.isEmpty()) {
        auto opened = openResultStore(db, true);
        if (!opened)
            return fail(opened.error());
        store = std::move(opened).value();
    }

    training::ScenarioRunner runner(scenario.value(), *engine.value(), intents.value());
    record.startedAt = QDateTime::currentDateTimeUtc();
    const auto score = runner.run(answers.value());
    if (!score)
        return fail(answersPath + u": "_s + score.error());
    if (store) {
        record.scenario = scenario.value().id;
        record.genuine = scenario.value().genuine;
        record.finishedAt = QDateTime::currentDateTimeUtc();
        record.score = score.value();
        record.detail = {{u"answers"_s, QFileInfo(answersPath).fileName()},
                         {u"simulated_ms"_s, double(runner.elapsedMs())}};
        const auto id = store->add(record);
        if (!id)
            return fail(id.error());
        printErr(
            u"scenario run: stored as run %1 in %2"_s.arg(id.value()).arg(store->url().display()));
    }
    if (json)
        writeOut(QJsonDocument(score.value().toJson()).toJson(QJsonDocument::Indented));
    else
        writeOut(summary(scenario.value(), score.value()).toUtf8());
    return kExitOk;
}

// The first line of \a path: one conversation of the transcript JSONL contract.
Result<model::Conversation> readFirstConversation(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"%1: cannot read: %2"_s.arg(path, file.errorString())};
    const QByteArray line = file.readLine().trimmed();
    if (line.isEmpty())
        return Error{path + u": line 1: expected a conversation, the file starts empty"_s};
    auto conversation = model::Conversation::fromJsonLine(line);
    if (!conversation)
        return Error{path + u": line 1: "_s + conversation.error()};
    return conversation;
}

// A scenario id from a conversation id: lower case, anything else becomes '-'.
QString idFrom(const QString &conversationId)
{
    QString id;
    for (const QChar c : conversationId.toLower())
        id += (c.isDigit() || (c >= u'a' && c <= u'z')) ? c : u'-';
    return u"draft-"_s + id;
}

int fromTranscript(const QStringList &args)
{
    QString transcriptPath;
    QString id;
    QString outPath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        QString *target = arg == u"--id"_s ? &id : arg == u"--out"_s ? &outPath : nullptr;
        if (target) {
            if (++i == args.size() || !target->isEmpty() || args[i].isEmpty())
                return usageError(u"scenario from-transcript: %1 needs one value\n"_s.arg(arg)
                                  + kDraftUsage);
            *target = args[i];
        } else if (arg.startsWith(u'-') || !transcriptPath.isEmpty()) {
            return usageError(u"scenario from-transcript: unexpected argument %1\n"_s.arg(arg)
                              + kDraftUsage);
        } else {
            transcriptPath = arg;
        }
    }
    if (transcriptPath.isEmpty())
        return usageError(kDraftUsage);
    const auto conversation = readFirstConversation(transcriptPath);
    if (!conversation)
        return fail(conversation.error());
    // The validator wants the id to be the file's base name, so --out names it by default.
    if (id.isEmpty())
        id = outPath.isEmpty() ? idFrom(conversation.value().id) : QFileInfo(outPath).baseName();
    auto engine = batch::Engine::load();
    if (!engine)
        return fail(engine.error());
    const auto draft = training::draftScenario(conversation.value(), id, *engine.value()->matcher);
    if (!draft)
        return fail(transcriptPath + u": "_s + draft.error());
    if (draft.value().value(u"tactics"_s).toArray().isEmpty()) {
        printErr(u"scenario from-transcript: the detector found no cue; a fraud scenario names "
                 "at least one tactic, so add one before it validates"_s);
    }
    const QByteArray json = QJsonDocument(draft.value()).toJson(QJsonDocument::Indented);
    if (outPath.isEmpty()) {
        writeOut(json);
        return kExitOk;
    }
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return fail(u"%1: cannot write: %2"_s.arg(outPath, file.errorString()));
    return kExitOk;
}

} // namespace

/*!
 * `refundguard-cli scenario validate FILE...` checks training scenarios: one line per problem,
 * "FILE: ok" per valid file; exit 0 when all are valid. `scenario run FILE --answers FILE
 * [--json]` plays a scenario with a scripted trainee and prints the score (a readable summary,
 * or the score object with --json); exit 0 once scored, whatever the score. With --db and
 * --trainee the run is also stored in the training results. `scenario from-transcript FILE`
 * drafts a scenario from the first conversation of a transcript (training/transcriptdraft.h).
 */
int runScenarioCommand(const QStringList &args)
{
    if (args.isEmpty())
        return usageError(kValidateUsage + u'\n' + kRunUsage + u'\n' + kDraftUsage);
    const QString &sub = args.front();
    if (sub == u"validate"_s)
        return validate(args.mid(1));
    if (sub == u"run"_s)
        return run(args.mid(1));
    if (sub == u"from-transcript"_s)
        return fromTranscript(args.mid(1));
    return usageError(u"scenario: unknown subcommand \"%1\"\n"_s.arg(sub) + kValidateUsage + u'\n'
                      + kRunUsage + u'\n' + kDraftUsage);
}

} // namespace rg::cli
