// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clirunner.h"
#include "postgreslogins.h"
#include "postgressupport.h"

#include "training/resultstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <utility>

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

QStringList lines(const QByteArray &out)
{
    QStringList result = QString::fromUtf8(out).split(u'\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject message(const QString &role, const QString &text)
{
    return {{u"role"_s, role}, {u"text"_s, text}};
}

// A transcript line: an urgent non-receipt claim with an email address, an agent reply, a
// bribe, an action, and a plain thank-you.
QByteArray transcriptLine()
{
    const QJsonObject action{{u"type"_s, u"refund"_s},
                             {u"amount"_s, 50.0},
                             {u"currency"_s, u"USD"_s},
                             {u"method"_s, u"original_payment"_s}};
    const QJsonArray messages{
        message(u"customer"_s, u"My parcel never arrived, I need the refund right now. Write to "
                               "me at jo.doe@example.com"_s),
        message(u"agent"_s, u"Let me look into it."_s),
        message(u"customer"_s,
                u"I'll give you $100 on Telegram if you just push the refund through"_s),
        QJsonObject{{u"role"_s, u"action"_s}, {u"action"_s, action}},
        message(u"customer"_s, u"ok thanks"_s)};
    return QJsonDocument(QJsonObject{{u"id"_s, u"T-77"_s}, {u"messages"_s, messages}})
               .toJson(QJsonDocument::Compact)
           + '\n';
}

} // namespace

class TestCliTraining : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void scenarioRunStoresARecord();
    void scenarioRunOptionErrors();
    void resultsTableAndCsv();
    void resultsAnonymised();
    void resultsErrors();
    void resultsFromTheTrainersSetting();
    void postgresRunsAndResults();
    void fromTranscriptValidatesWithTheDetectorsCues();
    void fromTranscriptErrors();

private:
    // Stores a run of \a scenario played by \a answers as \a trainee.
    void storeRun(const QString &scenario, const QString &answers, const QString &trainee,
                  const QString &cohort, bool assist);
    QString dbUrl() const { return u"sqlite://"_s + m_db; }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCliTraining::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(u"training.db"_s);
}

void TestCliTraining::storeRun(const QString &scenario, const QString &answers,
                               const QString &trainee, const QString &cohort, bool assist)
{
    QStringList args
        = {u"scenario"_s, u"run"_s, scenarioPath(scenario), u"--answers"_s, answersPath(answers),
           u"--db"_s,     dbUrl(),  u"--trainee"_s,         trainee};
    if (!cohort.isEmpty())
        args += {u"--cohort"_s, cohort};
    if (assist)
        args.append(u"--assist"_s);
    const Run run = runCli(args);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(QString::fromUtf8(run.err).contains(u"stored as run"_s), qPrintable(describe(run)));
}

// The careful trainee's run lands in the database with its score and who ran it.
void TestCliTraining::scenarioRunStoresARecord()
{
    storeRun(u"rekk-non-receipt-photo"_s, u"rekk-careful"_s, u"alice"_s, u"nov"_s, true);
    auto store = rg::training::ResultStore::open(rg::audit::DatabaseUrl::parse(dbUrl()).value());
    QVERIFY2(store, qPrintable(store ? QString() : store.error()));
    const auto runs = store.value()->runs();
    QVERIFY(runs);
    QCOMPARE(runs.value().size(), 1);
    const rg::training::RunRecord &run = runs.value().at(0);
    QCOMPARE(run.id, 1);
    QCOMPARE(run.trainee, u"alice"_s);
    QCOMPARE(run.cohort, u"nov"_s);
    QCOMPARE(run.scenario, u"rekk-non-receipt-photo"_s);
    QVERIFY(run.assist);
    QVERIFY(!run.genuine);
    QCOMPARE(run.score.outcome, rg::training::Outcome::FraudStopped);
    QCOMPARE(run.score.weightedScore, 90.0);
    QCOMPARE(run.score.tally.truePositives, 4);
    QVERIFY(run.startedAt.isValid() && run.finishedAt >= run.startedAt);
    QCOMPARE(run.detail.value(u"answers"_s).toString(), u"rekk-careful.json"_s);
}

void TestCliTraining::scenarioRunOptionErrors()
{
    const QStringList base = {u"scenario"_s, u"run"_s, scenarioPath(u"rekk-non-receipt-photo"_s),
                              u"--answers"_s, answersPath(u"rekk-careful"_s)};
    checkUsageError(runCli(base + QStringList{u"--db"_s, dbUrl()}), u"--db and --trainee"_s);
    checkUsageError(runCli(base + QStringList{u"--trainee"_s, u"alice"_s}),
                    u"--db and --trainee"_s);
    checkUsageError(runCli(base + QStringList{u"--assist"_s}), u"--db and --trainee"_s);
    // An unreachable server is told before the run, naming it without the password.
    const Run run = runCli(base
                           + QStringList{u"--db"_s, u"postgresql://rg:pw@127.0.0.1:1/x"_s,
                                         u"--trainee"_s, u"alice"_s});
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.err.contains("127.0.0.1:1") && !run.err.contains(":pw@"),
             qPrintable(describe(run)));
    QVERIFY2(run.out.isEmpty(), qPrintable(describe(run)));
}

/*
 * alice: rekk careful with assist (score 100, weighted 90), rekk credulous without (15, 13.5);
 * flags pooled: 4 right, 3 missed. bob: the genuine customer refused (50, 40).
 */
void TestCliTraining::resultsTableAndCsv()
{
    storeRun(u"rekk-non-receipt-photo"_s, u"rekk-careful"_s, u"alice"_s, u"nov"_s, true);
    storeRun(u"rekk-non-receipt-photo"_s, u"rekk-credulous"_s, u"alice"_s, u"nov"_s, false);
    storeRun(u"genuine-late-parcel"_s, u"genuine-refusing"_s, u"bob"_s, u"dec"_s, false);
    const QString csvPath = m_dir->filePath(u"runs.csv"_s);
    const Run run = runCli({u"training"_s, u"results"_s, u"--db"_s, dbUrl(), u"--csv"_s, csvPath});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QStringList table = lines(run.out);
    QCOMPARE(table.size(), 3);
    QVERIFY2(table.at(0).startsWith(u"trainee"_s) && table.at(0).contains(u"with assist"_s),
             qPrintable(table.at(0)));
    const QString alice = table.at(1);
    QVERIFY2(alice.startsWith(u"alice "_s), qPrintable(alice));
    for (const QString &cell : {u" 2 "_s, u" 57.5 "_s, u" 57% "_s, u" 100% "_s, u"50% of 2"_s,
                                u"90.0 (1)"_s, u"13.5 (1)"_s}) {
        QVERIFY2(alice.contains(cell), qPrintable(cell + u" in: "_s + alice));
    }
    const QString bob = table.at(2);
    QVERIFY2(bob.startsWith(u"bob "_s), qPrintable(bob));
    for (const QString &cell : {u" 50.0 "_s, u" 40.0 "_s, u"100% of 1"_s, u"40.0 (1)"_s})
        QVERIFY2(bob.contains(cell), qPrintable(cell + u" in: "_s + bob));

    const QStringList csv
        = QString::fromUtf8(readAll(csvPath)).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(csv.size(), 4);
    QVERIFY(csv.at(0).startsWith(u"id,trainee,cohort,scenario,"_s));
    QVERIFY2(csv.at(1).startsWith(u"1,alice,nov,rekk-non-receipt-photo,0,1,"_s),
             qPrintable(csv.at(1)));
    QVERIFY2(csv.at(3).startsWith(u"3,bob,dec,genuine-late-parcel,1,0,"_s), qPrintable(csv.at(3)));

    // Filters narrow both the table and the CSV.
    const Run filtered = runCli({u"training"_s, u"results"_s, u"--db"_s, dbUrl(), u"--cohort"_s,
                                 u"dec"_s, u"--csv"_s, csvPath});
    QVERIFY2(filtered.finished && filtered.exitCode == 0, qPrintable(describe(filtered)));
    QCOMPARE(lines(filtered.out).size(), 2);
    QVERIFY(lines(filtered.out).at(1).startsWith(u"bob "_s));
    QCOMPARE(QString::fromUtf8(readAll(csvPath)).split(u"\r\n"_s, Qt::SkipEmptyParts).size(), 2);
}

// --anonymise: no name anywhere, one pseudonym per trainee, the same on the next export.
void TestCliTraining::resultsAnonymised()
{
    storeRun(u"rekk-non-receipt-photo"_s, u"rekk-careful"_s, u"alice"_s, u"nov"_s, true);
    storeRun(u"rekk-non-receipt-photo"_s, u"rekk-credulous"_s, u"alice"_s, u"nov"_s, false);
    storeRun(u"genuine-late-parcel"_s, u"genuine-refusing"_s, u"bob"_s, u"nov"_s, false);
    const QString csvPath = m_dir->filePath(u"anon.csv"_s);
    const QStringList args
        = {u"training"_s, u"results"_s, u"--db"_s, dbUrl(), u"--csv"_s, csvPath, u"--anonymise"_s};
    const Run first = runCli(args);
    QVERIFY2(first.finished && first.exitCode == 0, qPrintable(describe(first)));
    const QByteArray csv = readAll(csvPath);
    for (const QByteArray &text : {first.out, csv}) {
        QVERIFY2(!text.contains("alice") && !text.contains("bob"), text.constData());
        QVERIFY(text.contains("trainee-"));
    }
    QVERIFY(QFile::exists(m_db + u".salt"_s));
    QMap<QString, int> pseudonyms;
    const QStringList rows = QString::fromUtf8(csv).split(u"\r\n"_s, Qt::SkipEmptyParts).mid(1);
    for (const QString &row : rows)
        ++pseudonyms[row.section(u',', 1, 1)];
    QCOMPARE(pseudonyms.size(), 2);
    QList<int> counts = pseudonyms.values();
    std::sort(counts.begin(), counts.end());
    QCOMPARE(counts, QList<int>({1, 2})); // bob once, alice twice
    for (auto it = pseudonyms.cbegin(); it != pseudonyms.cend(); ++it)
        QVERIFY2(first.out.contains(it.key().toUtf8()), qPrintable(it.key()));
    const Run second = runCli(args);
    QVERIFY2(second.finished && second.exitCode == 0, qPrintable(describe(second)));
    QCOMPARE(second.out, first.out);
    QCOMPARE(readAll(csvPath), csv);
    // A salt file of one's own gives other pseudonyms.
    const Run own = runCli(args + QStringList{u"--salt"_s, m_dir->filePath(u"own.salt"_s)});
    QVERIFY2(own.finished && own.exitCode == 0, qPrintable(describe(own)));
    QVERIFY(own.out != first.out);
}

// Without --db the CLI reads the store the trainer window uses: training/databaseUrl of the
// user's settings (here a configuration folder of the test's own), not a folder of its own.
void TestCliTraining::resultsFromTheTrainersSetting()
{
    storeRun(u"rekk-non-receipt-photo"_s, u"rekk-careful"_s, u"alice"_s, u"A"_s, false);
    const QString config = m_dir->filePath(u"config"_s);
    QVERIFY(QDir().mkpath(config + u"/refundguard"_s));
    QVERIFY(writeFile(config + u"/refundguard/refundguard.ini"_s,
                      "[training]\ndatabaseUrl=" + dbUrl().toUtf8() + '\n'));
    const QByteArray savedConfig = qgetenv("XDG_CONFIG_HOME");
    const QByteArray savedData = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_CONFIG_HOME", config.toUtf8());
    qputenv("XDG_DATA_HOME", m_dir->filePath(u"data"_s).toUtf8());
    const Run fromSetting = runCli({u"training"_s, u"results"_s});
    QVERIFY(writeFile(config + u"/refundguard/refundguard.ini"_s, ""));
    const Run fromDefault = runCli({u"training"_s, u"results"_s});
    for (const auto &[name, value] : {std::pair{"XDG_CONFIG_HOME", savedConfig},
                                      std::pair{"XDG_DATA_HOME", savedData}}) {
        if (value.isEmpty())
            qunsetenv(name);
        else
            qputenv(name, value);
    }

    QVERIFY2(fromSetting.finished && fromSetting.exitCode == 0, qPrintable(describe(fromSetting)));
    QVERIFY2(fromSetting.out.contains("alice"), qPrintable(describe(fromSetting)));
    // Without the setting: training.db in the window's data folder, which has none yet.
    QVERIFY2(fromDefault.finished && fromDefault.exitCode != 0, qPrintable(describe(fromDefault)));
    QVERIFY2(QString::fromUtf8(fromDefault.err)
                 .contains(m_dir->filePath(u"data/refundguard/training.db"_s)),
             qPrintable(describe(fromDefault)));
}

void TestCliTraining::resultsErrors()
{
    const Run missing = runCli({u"training"_s, u"results"_s, u"--db"_s, dbUrl()});
    QVERIFY2(missing.finished && missing.exitCode == 1, qPrintable(describe(missing)));
    QVERIFY2(QString::fromUtf8(missing.err).contains(m_db + u": no training results there"_s),
             qPrintable(describe(missing)));
    QVERIFY(!QFile::exists(m_db));

    storeRun(u"rekk-non-receipt-photo"_s, u"rekk-careful"_s, u"alice"_s, u"nov"_s, false);
    const Run unknown
        = runCli({u"training"_s, u"results"_s, u"--db"_s, dbUrl(), u"--trainee"_s, u"zed"_s});
    QVERIFY2(unknown.finished && unknown.exitCode == 1, qPrintable(describe(unknown)));
    QVERIFY2(unknown.err.contains("no training runs of trainee \"zed\""),
             qPrintable(describe(unknown)));

    checkUsageError(runCli({u"training"_s, u"results"_s, u"--db"_s, dbUrl(), u"--bogus"_s}),
                    u"unknown option --bogus"_s);
    checkUsageError(runCli({u"training"_s, u"results"_s, u"--db"_s}), u"--db needs a value"_s);
    checkUsageError(runCli({u"training"_s, u"results"_s, u"--db"_s, dbUrl(), u"--salt"_s, u"x"_s}),
                    u"--salt only goes with --anonymise"_s);
    checkUsageError(runCli({u"training"_s, u"scores"_s}), u"unknown subcommand \"scores\""_s);
    const Run badUrl = runCli({u"training"_s, u"results"_s, u"--db"_s, u"mysql://x"_s});
    QVERIFY2(badUrl.finished && badUrl.exitCode == 1, qPrintable(describe(badUrl)));
    QVERIFY2(badUrl.err.contains("--db"), qPrintable(describe(badUrl)));
}

// On a PostgreSQL database of its own: a stored run shows in the results; --anonymise needs a
// salt file there, since a server has no folder to keep one beside it.
void TestCliTraining::postgresRunsAndResults()
{
    const QString server = postgresUrl();
    RG_REQUIRE_POSTGRES(server);
    const QString database
        = u"rg_cli_training_%1"_s.arg(QRandomGenerator::system()->generate64(), 0, 16);
    const auto admin = [&](const QString &sql) {
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"admin"_s);
            const QUrl url(server);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
            if (!db.open()) {
                error = db.lastError().text();
            } else {
                QSqlQuery query(db);
                if (!query.exec(sql))
                    error = query.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(u"admin"_s);
        return error;
    };
    const QString created = admin(u"CREATE DATABASE "_s + database);
    QVERIFY2(created.isEmpty(), qPrintable(created));
    const QString url = postgresUrlOf(server, database);
    const Run stored = runCli({u"scenario"_s, u"run"_s, scenarioPath(u"rekk-non-receipt-photo"_s),
                               u"--answers"_s, answersPath(u"rekk-careful"_s), u"--db"_s, url,
                               u"--trainee"_s, u"alice"_s});
    QVERIFY2(stored.finished && stored.exitCode == 0, qPrintable(describe(stored)));
    const Run results = runCli({u"training"_s, u"results"_s, u"--db"_s, url});
    QVERIFY2(results.finished && results.exitCode == 0, qPrintable(describe(results)));
    QCOMPARE(lines(results.out).size(), 2);
    QVERIFY2(lines(results.out).at(1).startsWith(u"alice "_s), results.out.constData());
    const Run noSalt = runCli({u"training"_s, u"results"_s, u"--db"_s, url, u"--anonymise"_s});
    QVERIFY2(noSalt.finished && noSalt.exitCode == 1, qPrintable(describe(noSalt)));
    QVERIFY2(noSalt.err.contains("needs --salt FILE"), qPrintable(describe(noSalt)));
    QVERIFY2(noSalt.out.isEmpty(), qPrintable(describe(noSalt)));
    const Run salted = runCli({u"training"_s, u"results"_s, u"--db"_s, url, u"--anonymise"_s,
                               u"--salt"_s, m_dir->filePath(u"team.salt"_s)});
    QVERIFY2(salted.finished && salted.exitCode == 0, qPrintable(describe(salted)));
    QVERIFY2(!salted.out.contains("alice") && salted.out.contains("trainee-"),
             salted.out.constData());
    const QString dropped = admin(u"DROP DATABASE %1 WITH (FORCE)"_s.arg(database));
    QVERIFY2(dropped.isEmpty(), qPrintable(dropped));
}

/*
 * The draft of a transcript passes `scenario validate`; each customer message is a node in
 * order, carrying the customer-side cues `scan` finds in that turn; the email address is
 * redacted; agent and action turns are gone.
 */
void TestCliTraining::fromTranscriptValidatesWithTheDetectorsCues()
{
    const QString transcript = m_dir->filePath(u"t.jsonl"_s);
    QVERIFY(writeFile(transcript, transcriptLine() + "{\"id\": \"second\", \"messages\": []}\n"));
    const QString out = m_dir->filePath(u"from-t77.json"_s);
    const Run drafted = runCli({u"scenario"_s, u"from-transcript"_s, transcript, u"--out"_s, out});
    QVERIFY2(drafted.finished && drafted.exitCode == 0, qPrintable(describe(drafted)));
    const Run validated = runCli({u"scenario"_s, u"validate"_s, out});
    QVERIFY2(validated.finished && validated.exitCode == 0, qPrintable(describe(validated)));

    const QJsonObject draft = QJsonDocument::fromJson(readAll(out)).object();
    QCOMPARE(draft.value(u"id"_s).toString(), u"from-t77"_s);
    QCOMPARE(draft.value(u"genuine"_s).toBool(), false);
    QCOMPARE(draft.value(u"difficulty"_s).toObject().value(u"level"_s).toInt(), 3);
    QCOMPARE(draft.value(u"start"_s).toString(), u"message-1"_s);
    const QJsonObject nodes = draft.value(u"nodes"_s).toObject();
    QCOMPARE(nodes.size(), 5); // three messages, two ends
    QCOMPARE(nodes.value(u"stopped"_s).toObject().value(u"outcome"_s).toString(),
             u"fraud_stopped"_s);
    QCOMPARE(nodes.value(u"succeeded"_s).toObject().value(u"outcome"_s).toString(),
             u"fraud_succeeded"_s);

    // What scan finds per customer turn (turns 0, 2 and 4 of the transcript).
    const Run scanned = runCli({u"scan"_s}, transcriptLine());
    QVERIFY2(scanned.finished && scanned.exitCode == 0, qPrintable(describe(scanned)));
    QMap<int, QStringList> expected;
    const QJsonArray findings = QJsonDocument::fromJson(lines(scanned.out).at(0).toUtf8())
                                    .object()
                                    .value(u"findings"_s)
                                    .toArray();
    for (const QJsonValue &finding : findings) {
        const int turn = finding.toObject().value(u"turn"_s).toInt();
        const QString cue = finding.toObject().value(u"cue"_s).toString();
        if (turn % 2 == 0 && !expected[turn].contains(cue))
            expected[turn].append(cue);
    }
    QVERIFY2(!expected.value(0).isEmpty() && !expected.value(2).isEmpty(), scanned.out.constData());
    QStringList tactics;
    const QList<int> turns = {0, 2, 4};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject node = nodes.value(u"message-%1"_s.arg(i + 1)).toObject();
        const QJsonArray messages = node.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 1);
        QStringList cues;
        for (const QJsonValue &cue : messages.at(0).toObject().value(u"cues"_s).toArray())
            cues.append(cue.toString());
        QCOMPARE(cues, expected.value(turns.at(i)));
        for (const QString &cue : std::as_const(cues)) {
            if (!tactics.contains(cue))
                tactics.append(cue);
        }
        const QJsonArray transitions = node.value(u"transitions"_s).toArray();
        QCOMPARE(transitions.at(0).toObject().value(u"to"_s).toString(), u"stopped"_s);
        QCOMPARE(transitions.at(1).toObject().value(u"to"_s).toString(),
                 i < 2 ? u"message-%1"_s.arg(i + 2) : u"succeeded"_s);
    }
    QStringList draftTactics;
    for (const QJsonValue &tactic : draft.value(u"tactics"_s).toArray())
        draftTactics.append(tactic.toString());
    QCOMPARE(draftTactics, tactics);
    const QString first = nodes.value(u"message-1"_s)
                              .toObject()
                              .value(u"messages"_s)
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(u"text"_s)
                              .toString();
    QVERIFY2(first.contains(u"[email]"_s) && !first.contains(u"jo.doe"_s), qPrintable(first));

    // Without --out the draft goes to standard output, named after the conversation.
    const Run printed = runCli({u"scenario"_s, u"from-transcript"_s, transcript});
    QVERIFY2(printed.finished && printed.exitCode == 0, qPrintable(describe(printed)));
    QCOMPARE(QJsonDocument::fromJson(printed.out).object().value(u"id"_s).toString(),
             u"draft-t-77"_s);
}

void TestCliTraining::fromTranscriptErrors()
{
    const QString missing = m_dir->filePath(u"missing.jsonl"_s);
    Run run = runCli({u"scenario"_s, u"from-transcript"_s, missing});
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(QString::fromUtf8(run.err).contains(missing + u": cannot read"_s),
             qPrintable(describe(run)));

    const QString broken = m_dir->filePath(u"broken.jsonl"_s);
    QVERIFY(writeFile(broken, "{\"id\": \"x\", \"messages\": [\n"));
    run = runCli({u"scenario"_s, u"from-transcript"_s, broken});
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(QString::fromUtf8(run.err).contains(broken + u": line 1:"_s),
             qPrintable(describe(run)));

    const QString agentOnly = m_dir->filePath(u"agent.jsonl"_s);
    QVERIFY(writeFile(agentOnly,
                      "{\"id\": \"a\", \"messages\": [{\"role\": \"agent\", \"text\": \"hi\"}]}"));
    run = runCli({u"scenario"_s, u"from-transcript"_s, agentOnly});
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.err.contains("has no customer message"), qPrintable(describe(run)));

    const QString good = m_dir->filePath(u"good.jsonl"_s);
    QVERIFY(writeFile(good, transcriptLine()));
    run = runCli({u"scenario"_s, u"from-transcript"_s, good, u"--id"_s, u"Bad Id"_s});
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.err.contains("\"Bad Id\" is not a scenario id"), qPrintable(describe(run)));
    QVERIFY(run.out.isEmpty());

    checkUsageError(runCli({u"scenario"_s, u"from-transcript"_s}), u"from-transcript FILE"_s);
    checkUsageError(runCli({u"scenario"_s, u"from-transcript"_s, good, u"--out"_s}),
                    u"--out needs one value"_s);
}

QTEST_GUILESS_MAIN(TestCliTraining)
#include "tst_cli_training.moc"
