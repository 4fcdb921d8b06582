// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clirunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace rg::test;

namespace {

QString scenarioPath(const QString &id)
{
    return QStringLiteral(RG_SOURCE_DIR "/resources/scenarios/") + id + u".json"_s;
}

QString answersPath(const QString &name)
{
    return QStringLiteral(RG_TEST_DATA_DIR "/scenarios/") + name + u".json"_s;
}

QJsonObject readObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList lines(const QByteArray &out)
{
    QStringList result = QString::fromUtf8(out).split(u'\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

// The rekk example with one change inside a node: \a node's \a member replaced by \a value.
QJsonObject rekkWithNodeMember(const QString &node, const QString &member, const QJsonValue &value)
{
    QJsonObject document = readObject(scenarioPath(u"rekk-non-receipt-photo"_s));
    QJsonObject nodes = document.value(u"nodes"_s).toObject();
    QJsonObject changed = nodes.value(node).toObject();
    changed.insert(member, value);
    nodes.insert(node, changed);
    document.insert(u"nodes"_s, nodes);
    return document;
}

bool writeJson(const QString &path, const QJsonObject &document)
{
    return writeFile(path, QJsonDocument(document).toJson());
}

} // namespace

class TestCliScenario final : public QObject
{
    Q_OBJECT

private slots:
    void validateGoodFiles();
    void validateBrokenFiles();
    void validateUsage();
    void scriptedRuns_data();
    void scriptedRuns();
    void readableSummary();
    void runErrors();
};

// The examples validate: one "FILE: ok" line each, exit 0.
void TestCliScenario::validateGoodFiles()
{
    const QStringList files{scenarioPath(u"rekk-non-receipt-photo"_s),
                            scenarioPath(u"genuine-late-parcel"_s),
                            scenarioPath(u"insider-bribe-telegram"_s)};
    const Run run = runCli(QStringList{u"scenario"_s, u"validate"_s} + files);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(lines(run.out),
             (QStringList{files[0] + u": ok"_s, files[1] + u": ok"_s, files[2] + u": ok"_s}));
}

// Broken files beside a good one: exit 1, one line per problem naming the file and the node or
// JSON pointer; the good file is still reported ok.
void TestCliScenario::validateBrokenFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString id = u"rekk-non-receipt-photo"_s;

    QJsonArray list
        = readObject(scenarioPath(id))[u"nodes"_s][u"opening"_s][u"transitions"_s].toArray();
    QJsonObject typo = list.at(0).toObject();
    typo.insert(u"to"_s, u"verfy"_s);
    list[0] = typo;
    const QString unknownNode = dir.filePath(u"typo/"_s + id + u".json"_s);
    QVERIFY(QDir(dir.path()).mkpath(u"typo"_s));
    QVERIFY(writeJson(unknownNode, rekkWithNodeMember(u"opening"_s, u"transitions"_s, list)));

    const QString badCue = dir.filePath(u"cue/"_s + id + u".json"_s);
    QVERIFY(QDir(dir.path()).mkpath(u"cue"_s));
    QVERIFY(writeJson(
        badCue, rekkWithNodeMember(u"nudge"_s, u"messages"_s,
                                   QJsonArray{QJsonObject{{u"text"_s, u"Hello??"_s},
                                                          {u"cues"_s, QJsonArray{u"hurry"_s}}}})));

    QJsonObject caseless = readObject(scenarioPath(id));
    QJsonObject caseDocument = caseless.value(u"case"_s).toObject();
    caseDocument.remove(u"agent"_s);
    caseless.insert(u"case"_s, caseDocument);
    const QString renamed = dir.filePath(u"rekk-1.json"_s);
    QVERIFY(writeJson(renamed, caseless));

    const QString syntax = dir.filePath(u"broken.json"_s);
    QVERIFY(writeFile(syntax, "{\"schema_version\": 1,\n\"id\": \"broken\",,}\n"));

    const QString good = scenarioPath(u"genuine-late-parcel"_s);
    const Run run
        = runCli({u"scenario"_s, u"validate"_s, unknownNode, badCue, renamed, syntax, good});
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(describe(run)));
    QCOMPARE(
        lines(run.out),
        (QStringList{
            unknownNode
                + u": node \"opening\": transition 0 goes to unknown node \"verfy\" "
                  "(/nodes/opening/transitions/0/to)"_s,
            badCue + u": node \"nudge\": unknown cue \"hurry\" (/nodes/nudge/messages/0/cues/0)"_s,
            renamed
                + u": /id: \"rekk-non-receipt-photo\" does not match the file name "
                  "\"rekk-1.json\" (expected rekk-non-receipt-photo.json)"_s,
            renamed + u": /case/agent: missing (expected an object)"_s,
            syntax + u": not valid JSON at line 2, column 17: unterminated object"_s,
            good + u": ok"_s}));
}

void TestCliScenario::validateUsage()
{
    checkUsageError(runCli({u"scenario"_s, u"validate"_s}),
                    u"usage: refundguard-cli scenario validate FILE..."_s);
    checkUsageError(runCli({u"scenario"_s, u"play"_s}), u"scenario: unknown subcommand \"play\""_s);
    const Run help = runCli({u"--help"_s});
    QVERIFY(QString::fromUtf8(help.out).contains(u"scenario run FILE --answers FILE [--json]"_s));
}

void TestCliScenario::scriptedRuns_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("answers");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<double>("score");
    QTest::addColumn<double>("weighted");
    QTest::addColumn<int>("breaches");
    // Verifies, flags the four cues as they come, checks the refund (blocked: photo proof) and
    // asks for proof, then refuses: 40 + 30 + 30, level 3 weighs 0.9.
    QTest::newRow("rekk, careful") << u"rekk-non-receipt-photo"_s << u"rekk-careful"_s
                                   << u"fraud_stopped"_s << 100.0 << 90.0 << 0;
    // Promises a refund at once, ignores the block: no flags (3 missed), compliance 1/2.
    QTest::newRow("rekk, credulous") << u"rekk-non-receipt-photo"_s << u"rekk-credulous"_s
                                     << u"fraud_succeeded"_s << 15.0 << 13.5 << 1;
    // Verifies, flags the claim, checks (allowed: in transit, investigation open), refunds.
    QTest::newRow("genuine, helpful") << u"genuine-late-parcel"_s << u"genuine-helpful"_s
                                      << u"genuine_served"_s << 100.0 << 80.0 << 0;
    // Refuses at once; one right flag and one false alarm: F1 2/3 -> 20, compliance 30.
    QTest::newRow("genuine, refused") << u"genuine-late-parcel"_s << u"genuine-refusing"_s
                                      << u"genuine_wrongly_refused"_s << 50.0 << 40.0 << 0;
    // Flags the five cues, refuses, checks (blocked: bribe), escalates.
    QTest::newRow("insider, careful") << u"insider-bribe-telegram"_s << u"insider-careful"_s
                                      << u"fraud_stopped"_s << 100.0 << 80.0 << 0;
    // Agrees to Telegram: the detector's agent_off_platform ends it; no checks, no flags.
    QTest::newRow("insider, recruited") << u"insider-bribe-telegram"_s << u"insider-recruited"_s
                                        << u"fraud_succeeded"_s << 30.0 << 24.0 << 0;
    // Flags the bribe only (F1 1/2), refunds against the block.
    QTest::newRow("insider, bribed") << u"insider-bribe-telegram"_s << u"insider-bribed"_s
                                     << u"fraud_succeeded"_s << 30.0 << 24.0 << 1;
}

// Headless runs of the examples with scripted trainees end in the expected outcome and score.
void TestCliScenario::scriptedRuns()
{
    QFETCH(QString, scenario);
    QFETCH(QString, answers);
    QFETCH(QString, outcome);
    QFETCH(double, score);
    QFETCH(double, weighted);
    QFETCH(int, breaches);
    const Run run = runCli({u"scenario"_s, u"run"_s, scenarioPath(scenario), u"--answers"_s,
                            answersPath(answers), u"--json"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(result.value(u"scenario"_s).toString(), scenario);
    QCOMPARE(result.value(u"outcome"_s).toString(), outcome);
    QCOMPARE(result.value(u"correct_outcome"_s).toBool(),
             outcome == u"fraud_stopped"_s || outcome == u"genuine_served"_s);
    QVERIFY2(std::abs(result.value(u"score"_s).toDouble() - score) < 1e-9, run.out.constData());
    QVERIFY2(std::abs(result.value(u"weighted_score"_s).toDouble() - weighted) < 1e-9,
             run.out.constData());
    QCOMPARE(result.value(u"policy"_s)[u"breaches"_s].toInt(), breaches);
    for (const QString &key :
         {u"flags"_s, u"policy"_s, u"difficulty"_s, u"first_correct_flag_ms"_s})
        QVERIFY2(result.contains(key), qPrintable(key));
}

// Without --json: a summary a trainer reads.
void TestCliScenario::readableSummary()
{
    const Run run = runCli({u"scenario"_s, u"run"_s, scenarioPath(u"rekk-non-receipt-photo"_s),
                            u"--answers"_s, answersPath(u"rekk-careful"_s)});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(lines(run.out),
             (QStringList{
                 u"rekk-non-receipt-photo: Parcel 'never arrived' despite a photo at the door "
                 "(fraud scenario, difficulty 3)"_s,
                 u"outcome:  fraud_stopped (correct)"_s,
                 u"flags:    4 correct, 0 false alarms, 0 missed (precision 1.00, recall 1.00)"_s,
                 u"          first correct flag: 7.0 s"_s,
                 u"policy:   1 checks, 1 warnings heeded, 0 breaches, 0 overrides with a reason"_s,
                 u"score:    100.0 / 100 (weighted for difficulty: 90.0)"_s}));
}

// Usage errors exit 2; a broken scenario or answers file exits 1 naming the problem.
void TestCliScenario::runErrors()
{
    const QString rekk = scenarioPath(u"rekk-non-receipt-photo"_s);
    checkUsageError(runCli({u"scenario"_s, u"run"_s, rekk}),
                    u"usage: refundguard-cli scenario run FILE --answers FILE [--json]"_s);
    checkUsageError(runCli({u"scenario"_s, u"run"_s, rekk, u"--answers"_s,
                            answersPath(u"rekk-careful"_s), u"--fast"_s}),
                    u"scenario run: unexpected argument --fast"_s);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString answers = dir.filePath(u"answers.json"_s);
    QVERIFY(writeFile(
        answers, R"({"steps": [{"reply": "Hello"}, {"flag": {"message": 9, "cue": "urgency"}}]})"));
    const Run badStep = runCli({u"scenario"_s, u"run"_s, rekk, u"--answers"_s, answers});
    QVERIFY2(badStep.finished && badStep.exitCode == 1, qPrintable(describe(badStep)));
    QCOMPARE(QString::fromUtf8(badStep.err).trimmed(),
             u"refundguard-cli: "_s + answers
                 + u": /steps/1/flag: message 9 has not been shown (3 customer messages so far)"_s);
    QVERIFY(badStep.out.isEmpty());

    QVERIFY(writeFile(answers, R"({"steps": [{"action": "refund"}]})"));
    const Run badAction = runCli({u"scenario"_s, u"run"_s, rekk, u"--answers"_s, answers});
    QCOMPARE(badAction.exitCode, 1);
    QVERIFY2(QString::fromUtf8(badAction.err)
                 .startsWith(u"refundguard-cli: "_s + answers
                             + u": /steps/0/action: expected a trainee action"_s),
             qPrintable(describe(badAction)));

    const QString renamed = dir.filePath(u"other.json"_s);
    QVERIFY(writeJson(renamed, readObject(rekk)));
    const Run invalid = runCli(
        {u"scenario"_s, u"run"_s, renamed, u"--answers"_s, answersPath(u"rekk-careful"_s)});
    QCOMPARE(invalid.exitCode, 1);
    QVERIFY2(QString::fromUtf8(invalid.err)
                 .contains(renamed + u": /id: \"rekk-non-receipt-photo\" does not match"_s),
             qPrintable(describe(invalid)));
}

QTEST_GUILESS_MAIN(TestCliScenario)
#include "tst_cli_scenario.moc"
