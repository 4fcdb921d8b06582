// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgressupport.h"
#include "testsupport.h"

#include "postgreslogins.h"
#include "training/resultstore.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rg;
using namespace rg::training;
using rg::test::errorOf;

namespace {

const QDateTime kStart(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);

// A run of \a trainee finishing \a minutes after kStart, with the figures the comparison reads.
RunRecord makeRun(const QString &trainee, const QString &cohort, int minutes, bool genuine,
                  bool assist, Outcome outcome, double score, int difficulty, int tp, int fp,
                  int fn)
{
    RunRecord run;
    run.trainee = trainee;
    run.cohort = cohort;
    run.scenario = genuine ? u"genuine-late-parcel"_s : u"rekk-empty-box"_s;
    run.genuine = genuine;
    run.assist = assist;
    run.startedAt = kStart.addSecs(minutes * 60 - 300);
    run.finishedAt = kStart.addSecs(minutes * 60);
    run.score.scenario = run.scenario;
    run.score.outcome = outcome;
    run.score.correctOutcome
        = outcome == Outcome::FraudStopped || outcome == Outcome::GenuineServed;
    run.score.tally.truePositives = tp;
    run.score.tally.falsePositives = fp;
    run.score.tally.falseNegatives = fn;
    run.score.tally.checks = 2;
    run.score.tally.firstCorrectFlagMs = 4000;
    run.score.difficulty = difficulty;
    run.score.score = score;
    run.score.weightedScore = score * (0.6 + 0.1 * difficulty);
    run.detail
        = {{u"flags"_s, QJsonArray{QJsonObject{{u"message"_s, 0}, {u"cue"_s, u"urgency"_s}}}}};
    return run;
}

void compareRuns(const RunRecord &actual, const RunRecord &expected)
{
    QCOMPARE(actual.trainee, expected.trainee);
    QCOMPARE(actual.cohort, expected.cohort);
    QCOMPARE(actual.scenario, expected.scenario);
    QCOMPARE(actual.genuine, expected.genuine);
    QCOMPARE(actual.assist, expected.assist);
    QCOMPARE(actual.startedAt, expected.startedAt);
    QCOMPARE(actual.finishedAt, expected.finishedAt);
    QCOMPARE(actual.score.toJson(), expected.score.toJson());
    QCOMPARE(actual.detail, expected.detail);
}

audit::DatabaseUrl sqliteUrl(const QString &path)
{
    return audit::DatabaseUrl::parse(u"sqlite://"_s + path).value();
}

QStringList csvLines(const QByteArray &csv)
{
    QStringList lines = QString::fromUtf8(csv).split(u"\r\n"_s);
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestResultStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void sqliteAddReadBackAndReopen();
    void filtersAndNames();
    void refusesIncompleteRuns();
    void unknownRunIsNamed();
    void newerSchemaIsRefused();
    void sharesAFileWithOtherTables();
    void postgresRoundTrip();
    void unreachableServerIsNamed();
    void cohortComparisonByHand();
    void progressOverTime();
    void csvHeaderAndFormulaCells();
    void anonymisedHidesNames();
    void saltIsCreatedOnceAndChecked();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestResultStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

// A trainer stores runs, closes the app and opens it again: every field comes back as stored,
// oldest first, under the ids add() returned.
void TestResultStore::sqliteAddReadBackAndReopen()
{
    const QString path = m_dir->filePath(u"training.db"_s);
    const QList<RunRecord> stored
        = {makeRun(u"alice"_s, u"nov"_s, 30, false, true, Outcome::FraudStopped, 90, 3, 3, 0, 1),
           makeRun(u"bob"_s, u"nov"_s, 10, true, false, Outcome::GenuineServed, 70, 2, 0, 1, 0),
           makeRun(u"alice"_s, u""_s, 20, false, false, Outcome::Incomplete, 30, 4, 1, 1, 2)};
    QList<qint64> ids;
    {
        auto store = ResultStore::open(sqliteUrl(path));
        QVERIFY2(store, qPrintable(errorOf(store)));
        QCOMPARE(store.value()->schemaVersion().value(), ResultStore::kSchemaVersion);
        for (const RunRecord &run : stored) {
            const auto id = store.value()->add(run);
            QVERIFY2(id, qPrintable(errorOf(id)));
            QVERIFY(id.value() > 0);
            QVERIFY(!ids.contains(id.value()));
            ids.append(id.value());
        }
    }
    auto store = ResultStore::open(sqliteUrl(path));
    QVERIFY2(store, qPrintable(errorOf(store)));
    QCOMPARE(store.value()->schemaVersion().value(), 1);
    const auto runs = store.value()->runs();
    QVERIFY2(runs, qPrintable(errorOf(runs)));
    QCOMPARE(runs.value().size(), 3);
    // Ordered by finish time: bob (10 min), alice's incomplete run (20), alice's stop (30).
    const QList<int> order = {1, 2, 0};
    for (int i = 0; i < 3; ++i) {
        compareRuns(runs.value().at(i), stored.at(order.at(i)));
        QCOMPARE(runs.value().at(i).id, ids.at(order.at(i)));
    }
    const auto one = store.value()->run(ids.at(2));
    QVERIFY2(one, qPrintable(errorOf(one)));
    compareRuns(one.value(), stored.at(2));
    QCOMPARE(one.value().score.outcome, Outcome::Incomplete);
}

void TestResultStore::filtersAndNames()
{
    auto store = ResultStore::open(sqliteUrl(m_dir->filePath(u"t.db"_s)));
    QVERIFY2(store, qPrintable(errorOf(store)));
    for (const RunRecord &run :
         {makeRun(u"carol"_s, u"dec"_s, 1, false, false, Outcome::FraudStopped, 80, 3, 1, 0, 0),
          makeRun(u"alice"_s, u"nov"_s, 2, false, false, Outcome::FraudStopped, 80, 3, 1, 0, 0),
          makeRun(u"alice"_s, u"dec"_s, 3, false, false, Outcome::FraudStopped, 80, 3, 1, 0, 0),
          makeRun(u"bob"_s, u""_s, 4, false, false, Outcome::FraudStopped, 80, 3, 1, 0, 0)}) {
        QVERIFY(store.value()->add(run));
    }
    QCOMPARE(store.value()->trainees().value(), QStringList({u"alice"_s, u"bob"_s, u"carol"_s}));
    QCOMPARE(store.value()->cohorts().value(), QStringList({u"dec"_s, u"nov"_s}));
    const auto names = [](const QList<RunRecord> &runs) {
        QStringList result;
        for (const RunRecord &run : runs)
            result.append(run.trainee + u'/' + run.cohort);
        return result;
    };
    QCOMPARE(names(store.value()->runs(u"alice"_s).value()),
             QStringList({u"alice/nov"_s, u"alice/dec"_s}));
    QCOMPARE(names(store.value()->runs({}, u"dec"_s).value()),
             QStringList({u"carol/dec"_s, u"alice/dec"_s}));
    QCOMPARE(names(store.value()->runs(u"alice"_s, u"dec"_s).value()),
             QStringList({u"alice/dec"_s}));
    QVERIFY(store.value()->runs(u"nobody"_s).value().isEmpty());
}

// A run the comparison could not place is refused with the database named, and nothing is stored.
void TestResultStore::refusesIncompleteRuns()
{
    auto store = ResultStore::open(sqliteUrl(m_dir->filePath(u"t.db"_s)));
    QVERIFY2(store, qPrintable(errorOf(store)));
    RunRecord good
        = makeRun(u"alice"_s, {}, 1, false, false, Outcome::FraudStopped, 80, 3, 1, 0, 0);
    RunRecord noTrainee = good;
    noTrainee.trainee = u"  "_s;
    RunRecord noScenario = good;
    noScenario.scenario.clear();
    RunRecord noTime = good;
    noTime.finishedAt = QDateTime();
    RunRecord backwards = good;
    backwards.finishedAt = good.startedAt.addSecs(-1);
    RunRecord newline = good;
    newline.trainee = u"alice\nbob,1,2"_s;
    RunRecord bidi = good;
    bidi.cohort = u"A\u202Egnp.exe"_s;
    RunRecord padded = good;
    padded.trainee = u" alice"_s;
    RunRecord tooLong = good;
    tooLong.cohort = QString(ResultStore::kMaxNameLength + 1, u'x');
    const QList<std::pair<RunRecord, QString>> cases
        = {{noTrainee, u"no trainee"_s},
           {noScenario, u"no scenario"_s},
           {noTime, u"finish time"_s},
           {backwards, u"finished before"_s},
           {newline, u"the trainee name holds a control"_s},
           {bidi, u"the cohort name holds a control or formatting"_s},
           {padded, u"the trainee name starts or ends with a blank"_s},
           {tooLong, u"the cohort name is longer than 100"_s}};
    for (const auto &[run, message] : cases) {
        const auto added = store.value()->add(run);
        QVERIFY(!added);
        QVERIFY2(added.error().contains(message), qPrintable(added.error()));
        QVERIFY2(added.error().contains(u"t.db"_s), qPrintable(added.error()));
    }
    QVERIFY(store.value()->runs().value().isEmpty());
}

void TestResultStore::unknownRunIsNamed()
{
    auto store = ResultStore::open(sqliteUrl(m_dir->filePath(u"t.db"_s)));
    QVERIFY2(store, qPrintable(errorOf(store)));
    const auto run = store.value()->run(42);
    QVERIFY(!run);
    QVERIFY2(run.error().contains(u"no training run 42"_s), qPrintable(run.error()));
}

// A file a newer build upgraded is refused rather than misread.
void TestResultStore::newerSchemaIsRefused()
{
    const QString path = m_dir->filePath(u"t.db"_s);
    {
        auto store = ResultStore::open(sqliteUrl(path));
        QVERIFY2(store, qPrintable(errorOf(store)));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bump"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"UPDATE training_meta SET value = '9' WHERE key = 'schema_version'"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"bump"_s);
    const auto store = ResultStore::open(sqliteUrl(path));
    QVERIFY(!store);
    QVERIFY2(store.error().contains(u"newer Refund Guard (training schema 9"_s),
             qPrintable(store.error()));
    QVERIFY2(store.error().contains(path), qPrintable(store.error()));
}

// Training tables live beside other tables of the same file without touching them.
void TestResultStore::sharesAFileWithOtherTables()
{
    const QString path = m_dir->filePath(u"shared.db"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"CREATE TABLE audit_meta (key TEXT PRIMARY KEY, value TEXT)"_s));
        QVERIFY(query.exec(u"INSERT INTO audit_meta VALUES ('schema_version', '4')"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"other"_s);
    auto store = ResultStore::open(sqliteUrl(path));
    QVERIFY2(store, qPrintable(errorOf(store)));
    const auto added = store.value()->add(
        makeRun(u"alice"_s, {}, 1, false, false, Outcome::FraudStopped, 80, 3, 1, 0, 0));
    QVERIFY2(added, qPrintable(errorOf(added)));
    QCOMPARE(store.value()->runs().value().size(), 1);
}

// The same store on a PostgreSQL database of its own: add, read back, filter, reopen.
void TestResultStore::postgresRoundTrip()
{
    const QString server = test::postgresUrl();
    RG_REQUIRE_POSTGRES(server);
    const QString database
        = u"rg_training_%1"_s.arg(QRandomGenerator::system()->generate64(), 0, 16);
    const auto admin = [&](const QString &sql) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"admin"_s);
        const QUrl url(server);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        bool done = db.open();
        QString error = db.lastError().text();
        if (done) {
            QSqlQuery query(db);
            done = query.exec(sql);
            error = query.lastError().text();
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"admin"_s);
        return done ? QString() : error;
    };
    const QString created = admin(u"CREATE DATABASE "_s + database);
    QVERIFY2(created.isEmpty(), qPrintable(created));
    const auto url = audit::DatabaseUrl::parse(test::postgresUrlOf(server, database));
    QVERIFY2(url, qPrintable(errorOf(url)));
    const RunRecord first
        = makeRun(u"alice"_s, u"nov"_s, 5, false, true, Outcome::FraudSucceeded, 40, 5, 1, 2, 3);
    const RunRecord second = makeRun(u"bob"_s, u"dec"_s, 1, true, false,
                                     Outcome::GenuineWronglyRefused, 55, 1, 0, 0, 0);
    {
        auto store = ResultStore::open(url.value());
        QVERIFY2(store, qPrintable(errorOf(store)));
        const auto a = store.value()->add(first);
        QVERIFY2(a, qPrintable(errorOf(a)));
        const auto b = store.value()->add(second);
        QVERIFY2(b, qPrintable(errorOf(b)));
        QVERIFY(b.value() > a.value());
    }
    {
        auto store = ResultStore::open(url.value());
        QVERIFY2(store, qPrintable(errorOf(store)));
        QCOMPARE(store.value()->schemaVersion().value(), 1);
        const auto runs = store.value()->runs();
        QVERIFY2(runs, qPrintable(errorOf(runs)));
        QCOMPARE(runs.value().size(), 2);
        compareRuns(runs.value().at(0), second);
        compareRuns(runs.value().at(1), first);
        QCOMPARE(store.value()->runs({}, u"nov"_s).value().size(), 1);
        QCOMPARE(store.value()->trainees().value(), QStringList({u"alice"_s, u"bob"_s}));
        QCOMPARE(store.value()->cohorts().value(), QStringList({u"dec"_s, u"nov"_s}));
    }
    const QString dropped = admin(u"DROP DATABASE %1 WITH (FORCE)"_s.arg(database));
    QVERIFY2(dropped.isEmpty(), qPrintable(dropped));
}

void TestResultStore::unreachableServerIsNamed()
{
    auto url = audit::DatabaseUrl::parse(u"postgresql://rg:secret@127.0.0.1:1/training"_s);
    QVERIFY2(url, qPrintable(errorOf(url)));
    const auto store = ResultStore::open(url.value());
    QVERIFY(!store);
    QVERIFY2(store.error().contains(u"127.0.0.1"_s), qPrintable(store.error()));
    QVERIFY2(!store.error().contains(u"secret"_s), qPrintable(store.error()));
}

/*
 * Alice: fraud stopped with assist (score 90, level 3 -> weighted 81, flags 3/0/1), fraud
 * succeeded without (score 40, level 5 -> 44, flags 1/1/2), genuine served without (score 70,
 * level 1 -> 49, flags 0/1/0). Bob: one genuine run wrongly refused with assist (score 50,
 * level 2 -> 40).
 */
void TestResultStore::cohortComparisonByHand()
{
    const QList<RunRecord> runs
        = {makeRun(u"bob"_s, {}, 4, true, true, Outcome::GenuineWronglyRefused, 50, 2, 0, 0, 0),
           makeRun(u"alice"_s, {}, 1, false, true, Outcome::FraudStopped, 90, 3, 3, 0, 1),
           makeRun(u"alice"_s, {}, 2, false, false, Outcome::FraudSucceeded, 40, 5, 1, 1, 2),
           makeRun(u"alice"_s, {}, 3, true, false, Outcome::GenuineServed, 70, 1, 0, 1, 0)};
    const QList<CohortRow> rows = compareCohort(runs);
    QCOMPARE(rows.size(), 2);
    const CohortRow &alice = rows.at(0);
    QCOMPARE(alice.trainee, u"alice"_s);
    QCOMPARE(alice.runs, 3);
    QCOMPARE(alice.meanScore, (90.0 + 40.0 + 70.0) / 3.0);
    QCOMPARE(alice.meanWeighted, (81.0 + 44.0 + 49.0) / 3.0);
    QCOMPARE(alice.recall, 4.0 / 7.0);    // TP 3+1, FN 1+2
    QCOMPARE(alice.precision, 4.0 / 6.0); // TP 4, FP 0+1+1
    QCOMPARE(alice.fraudRuns, 2);
    QCOMPARE(alice.stopRate, 0.5);
    QCOMPARE(alice.genuineRuns, 1);
    QCOMPARE(alice.wrongRefusalRate, 0.0);
    QCOMPARE(alice.assistRuns, 1);
    QCOMPARE(alice.meanAssist, 81.0);
    QCOMPARE(alice.noAssistRuns, 2);
    QCOMPARE(alice.meanNoAssist, (44.0 + 49.0) / 2.0);
    const CohortRow &bob = rows.at(1);
    QCOMPARE(bob.trainee, u"bob"_s);
    QCOMPARE(bob.runs, 1);
    QCOMPARE(bob.meanWeighted, 40.0);
    QCOMPARE(bob.recall, 0.0); // nothing found, nothing to find: no claim of skill
    QCOMPARE(bob.fraudRuns, 0);
    QCOMPARE(bob.stopRate, 0.0);
    QCOMPARE(bob.wrongRefusalRate, 1.0);
    QCOMPARE(bob.noAssistRuns, 0);
    QCOMPARE(bob.meanNoAssist, 0.0);
}

void TestResultStore::progressOverTime()
{
    const QList<RunRecord> runs
        = {makeRun(u"alice"_s, {}, 30, false, false, Outcome::FraudStopped, 100, 4, 1, 0, 0),
           makeRun(u"alice"_s, {}, 10, false, false, Outcome::FraudSucceeded, 50, 4, 1, 0, 0),
           makeRun(u"bob"_s, {}, 20, false, false, Outcome::FraudStopped, 60, 4, 1, 0, 0)};
    const QList<TraineeProgress> progress = traineeProgress(runs);
    QCOMPARE(progress.size(), 2);
    QCOMPARE(progress.at(0).trainee, u"alice"_s);
    QCOMPARE(progress.at(0).weighted.size(), 2);
    QCOMPARE(progress.at(0).weighted.at(0).first, kStart.addSecs(600));
    QCOMPARE(progress.at(0).weighted.at(0).second, 50.0);
    QCOMPARE(progress.at(0).weighted.at(1).second, 100.0);
    QCOMPARE(progress.at(0).mean, 75.0);
    QCOMPARE(progress.at(1).mean, 60.0);
}

// Names a trainee or trainer typed that start like a formula reach the spreadsheet as text.
void TestResultStore::csvHeaderAndFormulaCells()
{
    RunRecord run = makeRun(u"=HYPERLINK(\"http://x\",\"y\")"_s, u"+cohort, one"_s, 1, false, true,
                            Outcome::FraudStopped, 80, 3, 2, 1, 0);
    run.id = 7;
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    const auto written = writeResultsCsv({run}, buffer);
    QVERIFY2(written, qPrintable(errorOf(written)));
    const QStringList lines = csvLines(buffer.data());
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0),
             u"id,trainee,cohort,scenario,genuine,assist,started_at,finished_at,outcome,"
             "correct_outcome,true_positive,false_positive,false_negative,precision,recall,checks,"
             "breaches,overrides,difficulty,score,weighted_score"_s);
    QVERIFY2(
        lines.at(1).startsWith(
            u"7,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+cohort, one\",rekk-empty-box,0,1,"
            "2026-11-02T08:56:00.000Z,2026-11-02T09:01:00.000Z,fraud_stopped,1,2,1,0,"_s),
        qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).endsWith(u",2,0,0,3,80,72"_s), qPrintable(lines.at(1)));
}

// With --anonymise no real name reaches the export, and each trainee keeps one pseudonym.
void TestResultStore::anonymisedHidesNames()
{
    const QByteArray salt(kSaltBytes, 'k');
    const QList<RunRecord> runs = {
        makeRun(u"Alice Martin"_s, u"nov"_s, 1, false, false, Outcome::FraudStopped, 80, 3, 1, 0,
                0),
        makeRun(u"Bob Stone"_s, u"nov"_s, 2, false, false, Outcome::FraudStopped, 80, 3, 1, 0, 0),
        makeRun(u"Alice Martin"_s, u"nov"_s, 3, false, true, Outcome::FraudStopped, 80, 3, 1, 0,
                0)};
    const QList<RunRecord> hidden = anonymised(runs, salt);
    QCOMPARE(hidden.size(), 3);
    QVERIFY(hidden.at(0).trainee.startsWith(u"trainee-"_s));
    QCOMPARE(hidden.at(0).trainee.size(), 16);
    QCOMPARE(hidden.at(0).trainee, hidden.at(2).trainee);
    QVERIFY(hidden.at(0).trainee != hidden.at(1).trainee);
    QCOMPARE(hidden.at(0).trainee, anonymousId(u"Alice Martin"_s, salt));
    QVERIFY(hidden.at(0).detail.isEmpty());
    // Another salt, another pseudonym: without the salt a guessed name cannot be checked.
    QVERIFY(anonymousId(u"Alice Martin"_s, QByteArray(kSaltBytes, 'j')) != hidden.at(0).trainee);
    // A salt longer than BLAKE2b's longest key still tells trainees apart.
    const QByteArray longSalt(100, 'x');
    QVERIFY(anonymousId(u"Alice Martin"_s, longSalt) != anonymousId(u"Bob Stone"_s, longSalt));

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(writeResultsCsv(hidden, buffer));
    const QString csv = QString::fromUtf8(buffer.data());
    QVERIFY(!csv.contains(u"Alice"_s));
    QVERIFY(!csv.contains(u"Bob"_s));
    QCOMPARE(csv.count(hidden.at(0).trainee), 2);
    const QList<CohortRow> rows = compareCohort(hidden);
    QCOMPARE(rows.size(), 2);
    for (const CohortRow &row : rows)
        QVERIFY(row.trainee.startsWith(u"trainee-"_s));
}

void TestResultStore::saltIsCreatedOnceAndChecked()
{
    const QString path = m_dir->filePath(u"training.db.salt"_s);
    const auto created = loadOrCreateSalt(path);
    QVERIFY2(created, qPrintable(errorOf(created)));
    QCOMPARE(created.value().size(), kSaltBytes);
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
    const auto again = loadOrCreateSalt(path);
    QVERIFY2(again, qPrintable(errorOf(again)));
    QCOMPARE(again.value(), created.value());

    const QString shortPath = m_dir->filePath(u"short.salt"_s);
    QFile file(shortPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("too short");
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    const auto wrong = loadOrCreateSalt(shortPath);
    QVERIFY(!wrong);
    QVERIFY2(wrong.error().contains(u"must be 32 bytes"_s), qPrintable(wrong.error()));
}

QTEST_GUILESS_MAIN(TestResultStore)
#include "tst_resultstore.moc"
