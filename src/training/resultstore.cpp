// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/resultstore.h"

#include "log/log.h"
#include "model/csv.h"
#include "model/secretfile.h"
#include "model/sodium.h"
#include "sql/schema.h"
#include "sql/transaction.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sodium.h>

#include <algorithm>
#include <array>
#include <atomic>

namespace rg::training {

using namespace Qt::StringLiterals;

namespace {

std::atomic<quint64> g_nextConnection{1};

constexpr int kBusyTimeoutMs = 10000;
// Serialises schema upgrades between installations that open a shared server at once (the audit
// store uses 7262004).
constexpr qint64 kMigrationLockId = 7262005;
// 4 bytes: 8 hex digits keep a cohort's pseudonyms apart (a collision among 1000 trainees has a
// chance of about 1 in 10000) while staying short enough to read aloud.
constexpr std::size_t kPseudonymBytes = 4;

const QString kColumns = u"id, trainee, cohort, scenario, genuine, assist, started_at, finished_at,"
                         " score_json, detail_json"_s;

// Each step brings the schema from version (index) to version (index + 1).
const QList<QStringList> kSqliteMigrations = {
    {
        u"CREATE TABLE training_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE training_runs (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " trainee TEXT NOT NULL, cohort TEXT NOT NULL, scenario TEXT NOT NULL,"
        " genuine INTEGER NOT NULL, assist INTEGER NOT NULL,"
        " started_at TEXT NOT NULL, finished_at TEXT NOT NULL, outcome TEXT NOT NULL,"
        " score REAL NOT NULL, weighted_score REAL NOT NULL,"
        " score_json TEXT NOT NULL, detail_json TEXT NOT NULL)"_s,
        u"CREATE INDEX training_runs_trainee ON training_runs (trainee, finished_at)"_s,
        u"CREATE INDEX training_runs_cohort ON training_runs (cohort, finished_at)"_s,
    },
};

const QList<QStringList> kPostgresMigrations = {
    {
        u"CREATE TABLE training_meta (key text PRIMARY KEY, value text NOT NULL)"_s,
        u"CREATE TABLE training_runs (id bigserial PRIMARY KEY,"
        " trainee text NOT NULL, cohort text NOT NULL, scenario text NOT NULL,"
        " genuine integer NOT NULL, assist integer NOT NULL,"
        " started_at text NOT NULL, finished_at text NOT NULL, outcome text NOT NULL,"
        " score double precision NOT NULL, weighted_score double precision NOT NULL,"
        " score_json text NOT NULL, detail_json text NOT NULL)"_s,
        u"CREATE INDEX training_runs_trainee ON training_runs (trainee, finished_at)"_s,
        u"CREATE INDEX training_runs_cohort ON training_runs (cohort, finished_at)"_s,
    },
};

QString errorOf(const QSqlQuery &query)
{
    return query.lastError().text().trimmed();
}

// UTC with milliseconds: every stored time has the same length, so text order is time order.
QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

// Score::toJson's shape read back; outcomeFromName has no "incomplete" (no node ends so), but a
// run stopped early does.
Result<Score> scoreFromJson(const QJsonObject &json)
{
    Score score;
    score.scenario = json.value(u"scenario"_s).toString();
    const QString outcome = json.value(u"outcome"_s).toString();
    if (outcome == outcomeName(Outcome::Incomplete)) {
        score.outcome = Outcome::Incomplete;
    } else {
        const std::optional<Outcome> known = outcomeFromName(outcome);
        if (!known.has_value())
            return Error{u"unknown outcome \"%1\""_s.arg(outcome)};
        score.outcome = known.value_or(Outcome::Incomplete);
    }
    score.correctOutcome = json.value(u"correct_outcome"_s).toBool();
    const QJsonObject flags = json.value(u"flags"_s).toObject();
    score.tally.truePositives = flags.value(u"true_positive"_s).toInt();
    score.tally.falsePositives = flags.value(u"false_positive"_s).toInt();
    score.tally.falseNegatives = flags.value(u"false_negative"_s).toInt();
    score.precision = flags.value(u"precision"_s).toDouble();
    score.recall = flags.value(u"recall"_s).toDouble();
    const QJsonValue firstFlag = json.value(u"first_correct_flag_ms"_s);
    if (firstFlag.isDouble())
        score.tally.firstCorrectFlagMs = qint64(firstFlag.toDouble());
    const QJsonObject policy = json.value(u"policy"_s).toObject();
    score.tally.checks = policy.value(u"checks"_s).toInt();
    score.tally.blocksHeeded = policy.value(u"blocks_heeded"_s).toInt();
    score.tally.breaches = policy.value(u"breaches"_s).toInt();
    score.tally.overrides = policy.value(u"overrides"_s).toInt();
    score.difficulty = json.value(u"difficulty"_s).toInt(1);
    score.score = json.value(u"score"_s).toDouble();
    score.weightedScore = json.value(u"weighted_score"_s).toDouble();
    return score;
}

Result<RunRecord> runFromRow(const QSqlQuery &query)
{
    RunRecord run;
    run.id = query.value(0).toLongLong();
    run.trainee = query.value(1).toString();
    run.cohort = query.value(2).toString();
    run.scenario = query.value(3).toString();
    run.genuine = query.value(4).toInt() != 0;
    run.assist = query.value(5).toInt() != 0;
    run.startedAt = parseTime(query.value(6).toString());
    run.finishedAt = parseTime(query.value(7).toString());
    const QJsonDocument score = QJsonDocument::fromJson(query.value(8).toString().toUtf8());
    if (!score.isObject())
        return Error{u"run %1: the stored score is not a JSON object"_s.arg(run.id)};
    auto parsed = scoreFromJson(score.object());
    if (!parsed)
        return Error{u"run %1: the stored score: %2"_s.arg(run.id).arg(parsed.error())};
    run.score = std::move(parsed).value();
    const QJsonDocument detail = QJsonDocument::fromJson(query.value(9).toString().toUtf8());
    if (!detail.isObject())
        return Error{u"run %1: the stored detail is not a JSON object"_s.arg(run.id)};
    run.detail = detail.object();
    return run;
}

double mean(const QList<double> &values)
{
    if (values.isEmpty())
        return 0.0;
    double sum = 0.0;
    for (const double value : values)
        sum += value;
    return sum / double(values.size());
}

double rate(int part, int whole)
{
    return whole == 0 ? 0.0 : double(part) / double(whole);
}

} // namespace

ResultStore::ResultStore(audit::DatabaseUrl url, QString connectionName, const QSqlDatabase &db)
    : m_url(std::move(url))
    , m_connectionName(std::move(connectionName))
    , m_db(db)
{}

ResultStore::~ResultStore()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

/*!
 * Opens \a url and creates or upgrades the training tables; other tables in the same database
 * (an audit log) are left alone. A database written by a newer build is refused. SQLite runs in
 * WAL mode so a trainer window and a CLI export can read while a run is stored.
 */
Result<std::unique_ptr<ResultStore>> ResultStore::open(const audit::DatabaseUrl &url)
{
    const QString name = u"rg.training.%1"_s.arg(g_nextConnection.fetch_add(1));
    std::unique_ptr<ResultStore> store;
    // Scoped: the handle left in the result must be gone before a failing store removes the
    // connection, or Qt warns that it is still in use.
    {
        auto db = url.open(name);
        if (!db) {
            QSqlDatabase::removeDatabase(name);
            return Error{db.error()};
        }
        store.reset(new ResultStore(url, name, db.value()));
    }
    if (!url.isPostgres()) {
        for (const QString &pragma :
             {u"PRAGMA busy_timeout = %1"_s.arg(kBusyTimeoutMs), u"PRAGMA journal_mode = WAL"_s}) {
            if (auto done = store->exec(pragma); !done)
                return Error{url.display() + u": "_s + done.error()};
        }
    }
    if (auto migrated = store->migrate(); !migrated)
        return Error{url.display() + u": "_s + migrated.error()};
    return store;
}

Result<bool> ResultStore::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return Error{sql.section(u' ', 0, 3) + u" ...: "_s + errorOf(query)};
    return true;
}

static const sql::SchemaPlan &schemaPlan()
{
    static const sql::SchemaPlan plan{u"training"_s,       u"training_meta"_s,
                                      kMigrationLockId,    ResultStore::kSchemaVersion,
                                      kSqliteMigrations,   kPostgresMigrations,
                                      QString()};
    return plan;
}

Result<int> ResultStore::schemaVersion()
{
    return sql::schemaVersion(m_db, m_url.isPostgres(), schemaPlan());
}

Result<bool> ResultStore::migrate()
{
    const auto before = sql::migrateSchema(m_db, m_url.isPostgres(), schemaPlan());
    if (!before)
        return Error{before.error()};
    if (before.value() != kSchemaVersion) {
        rg::log::get("training")
            ->info("result store {}: schema {} -> {}", m_url.display().toStdString(),
                   before.value(), kSchemaVersion);
    }
    return true;
}

/*!
 * Stores \a run as a new row and returns its id. Refuses a run without a trainee or scenario
 * or without valid start and finish times, which the comparison and the CSV could not place.
 */
/*!
 * Names reach tables, CSV files and terminals: one printable line of at most kMaxNameLength
 * characters without blanks around it. \a what ("trainee", "cohort") names it in the error.
 */
Result<bool> ResultStore::checkName(const QString &what, const QString &name)
{
    if (name.size() > kMaxNameLength)
        return Error{u"the %1 name is longer than %2 characters"_s.arg(what).arg(kMaxNameLength)};
    if (name != name.trimmed())
        return Error{u"the %1 name starts or ends with a blank"_s.arg(what)};
    const bool unprintable = std::any_of(name.cbegin(), name.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
               || c.category() == QChar::Separator_Line
               || c.category() == QChar::Separator_Paragraph;
    });
    if (unprintable)
        return Error{u"the %1 name holds a control or formatting character"_s.arg(what)};
    return true;
}

Result<qint64> ResultStore::add(const RunRecord &run)
{
    const auto refuse = [&](const QString &why) {
        return Error{m_url.display() + u": cannot store the run: "_s + why};
    };
    if (run.trainee.trimmed().isEmpty())
        return refuse(u"it has no trainee"_s);
    for (const auto &[what, name] : {std::pair{u"trainee"_s, run.trainee},
                                     std::pair{u"cohort"_s, run.cohort}}) {
        if (auto valid = checkName(what, name); !valid)
            return refuse(valid.error());
    }
    if (run.scenario.trimmed().isEmpty())
        return refuse(u"it has no scenario"_s);
    if (!run.startedAt.isValid() || !run.finishedAt.isValid())
        return refuse(u"its start or finish time is missing"_s);
    if (run.finishedAt < run.startedAt)
        return refuse(u"it finished before it started"_s);
    QSqlQuery query(m_db);
    query.prepare(
        u"INSERT INTO training_runs (trainee, cohort, scenario, genuine, assist, started_at,"
        " finished_at, outcome, score, weighted_score, score_json, detail_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s
        + (m_url.isPostgres() ? u" RETURNING id"_s : QString()));
    query.addBindValue(run.trainee);
    // A null QString binds as NULL; "no cohort" is stored as the empty one.
    query.addBindValue(run.cohort.isNull() ? u""_s : run.cohort);
    query.addBindValue(run.scenario);
    query.addBindValue(run.genuine ? 1 : 0);
    query.addBindValue(run.assist ? 1 : 0);
    query.addBindValue(formatTime(run.startedAt));
    query.addBindValue(formatTime(run.finishedAt));
    query.addBindValue(outcomeName(run.score.outcome));
    query.addBindValue(run.score.score);
    query.addBindValue(run.score.weightedScore);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(run.score.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(QString::fromUtf8(QJsonDocument(run.detail).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return refuse(errorOf(query));
    const QVariant id
        = m_url.isPostgres() ? (query.next() ? query.value(0) : QVariant()) : query.lastInsertId();
    if (!id.isValid())
        return refuse(u"the database gave the new run no id"_s);
    return id.toLongLong();
}

Result<RunRecord> ResultStore::run(qint64 id)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT "_s + kColumns + u" FROM training_runs WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec())
        return Error{m_url.display() + u": cannot read run %1: "_s.arg(id) + errorOf(query)};
    if (!query.next())
        return Error{m_url.display() + u": no training run %1"_s.arg(id)};
    auto run = runFromRow(query);
    if (!run)
        return Error{m_url.display() + u": "_s + run.error()};
    return run;
}

Result<QList<RunRecord>> ResultStore::runs(const QString &trainee, const QString &cohort)
{
    QStringList where;
    QVariantList values;
    if (!trainee.isEmpty()) {
        where.append(u"trainee = ?"_s);
        values.append(trainee);
    }
    if (!cohort.isEmpty()) {
        where.append(u"cohort = ?"_s);
        values.append(cohort);
    }
    QString sql = u"SELECT "_s + kColumns + u" FROM training_runs"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += u" ORDER BY finished_at, id"_s;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return Error{m_url.display() + u": cannot read the training runs: "_s + errorOf(query)};
    QList<RunRecord> runs;
    while (query.next()) {
        auto run = runFromRow(query);
        if (!run)
            return Error{m_url.display() + u": "_s + run.error()};
        runs.append(std::move(run).value());
    }
    return runs;
}

// Sorted here rather than in SQL: SQLite and a PostgreSQL locale would order names differently.
Result<QStringList> ResultStore::distinct(const QString &column)
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT DISTINCT %1 FROM training_runs WHERE %1 <> ''"_s.arg(column)))
        return Error{m_url.display() + u": cannot read the training runs: "_s + errorOf(query)};
    QStringList values;
    while (query.next())
        values.append(query.value(0).toString());
    std::sort(values.begin(), values.end());
    return values;
}

Result<QStringList> ResultStore::trainees()
{
    return distinct(u"trainee"_s);
}

Result<QStringList> ResultStore::cohorts()
{
    return distinct(u"cohort"_s);
}

/*!
 * Each trainee's weighted scores in the order the runs finished, with their mean: the trainer's
 * "progress over time" line.
 */
QList<TraineeProgress> traineeProgress(const QList<RunRecord> &runs)
{
    QList<RunRecord> ordered = runs;
    std::stable_sort(ordered.begin(), ordered.end(), [](const RunRecord &a, const RunRecord &b) {
        return a.finishedAt < b.finishedAt;
    });
    QMap<QString, TraineeProgress> byTrainee;
    for (const RunRecord &run : std::as_const(ordered)) {
        TraineeProgress &progress = byTrainee[run.trainee];
        progress.trainee = run.trainee;
        progress.weighted.append({run.finishedAt, run.score.weightedScore});
    }
    QList<TraineeProgress> result;
    for (TraineeProgress &progress : byTrainee) {
        QList<double> scores;
        for (const auto &point : std::as_const(progress.weighted))
            scores.append(point.second);
        progress.mean = mean(scores);
        result.append(progress);
    }
    return result;
}

/*!
 * One row per trainee: means of the raw and weighted scores; recall and precision pooled over
 * the flags of all runs (so a run with many cues counts for more than one with few); the share
 * of fraud runs stopped and of genuine runs wrongly refused (an incomplete run counts as neither
 * stopped nor refused); and the mean weighted score with and without the assistant, the
 * question a trainer asks of the assist mode.
 */
QList<CohortRow> compareCohort(const QList<RunRecord> &runs)
{
    struct Sums
    {
        QList<double> scores, weighted, assisted, unassisted;
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        int fraudRuns = 0, stopped = 0, genuineRuns = 0, wronglyRefused = 0;
    };
    QMap<QString, Sums> byTrainee;
    for (const RunRecord &run : runs) {
        Sums &sums = byTrainee[run.trainee];
        sums.scores.append(run.score.score);
        sums.weighted.append(run.score.weightedScore);
        (run.assist ? sums.assisted : sums.unassisted).append(run.score.weightedScore);
        sums.truePositives += run.score.tally.truePositives;
        sums.falsePositives += run.score.tally.falsePositives;
        sums.falseNegatives += run.score.tally.falseNegatives;
        if (run.genuine) {
            ++sums.genuineRuns;
            sums.wronglyRefused += run.score.outcome == Outcome::GenuineWronglyRefused ? 1 : 0;
        } else {
            ++sums.fraudRuns;
            sums.stopped += run.score.outcome == Outcome::FraudStopped ? 1 : 0;
        }
    }
    QList<CohortRow> rows;
    for (auto it = byTrainee.cbegin(); it != byTrainee.cend(); ++it) {
        const Sums &sums = it.value();
        CohortRow row;
        row.trainee = it.key();
        row.runs = int(sums.scores.size());
        row.meanScore = mean(sums.scores);
        row.meanWeighted = mean(sums.weighted);
        row.recall = rate(sums.truePositives, sums.truePositives + sums.falseNegatives);
        row.precision = rate(sums.truePositives, sums.truePositives + sums.falsePositives);
        row.fraudRuns = sums.fraudRuns;
        row.stopRate = rate(sums.stopped, sums.fraudRuns);
        row.genuineRuns = sums.genuineRuns;
        row.wrongRefusalRate = rate(sums.wronglyRefused, sums.genuineRuns);
        row.assistRuns = int(sums.assisted.size());
        row.meanAssist = mean(sums.assisted);
        row.noAssistRuns = int(sums.unassisted.size());
        row.meanNoAssist = mean(sums.unassisted);
        rows.append(row);
    }
    return rows;
}

/*!
 * "trainee-" and the first 8 hex digits of BLAKE2b(trainee as UTF-8) keyed with \a salt. The
 * same trainee and salt always give the same pseudonym, so exports of different days can be
 * joined; without the salt no one can test a guessed name against it.
 */
QString anonymousId(const QString &trainee, const QByteArray &salt)
{
    const QByteArray name = trainee.toUtf8();
    std::array<unsigned char, kPseudonymBytes> digest{};
    // BLAKE2b takes keys of up to 64 bytes and fails (leaving the digest zero, one pseudonym
    // for everyone) on longer ones: a longer salt only contributes its first 64.
    const std::size_t keyBytes = std::min(static_cast<std::size_t>(salt.size()),
                                          std::size_t(crypto_generichash_KEYBYTES_MAX));
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char *>(name.constData()),
                       static_cast<unsigned long long>(name.size()),
                       reinterpret_cast<const unsigned char *>(salt.constData()), keyBytes);
    return u"trainee-"_s
           + QString::fromLatin1(
               QByteArray(reinterpret_cast<const char *>(digest.data()), digest.size()).toHex());
}

/*!
 * Reads the kSaltBytes-byte salt at \a path, or creates it (random, mode 0600) when there is no
 * file yet. It is kept like a key: whoever has it can test names against the pseudonyms.
 */
Result<QByteArray> loadOrCreateSalt(const QString &path)
{
    const QString what = u"pseudonym salt"_s;
    // One byte over the size: readSecretFile refuses a file that fills its buffer.
    std::array<char, kSaltBytes + 1> buffer{};
    for (int attempt = 0; attempt < 2; ++attempt) {
        bool missing = false;
        const Result<std::size_t> read = model::readSecretFile(path, buffer, what, &missing);
        if (read) {
            if (read.value() != std::size_t(kSaltBytes)) {
                return Error{path
                             + u": the %1 must be %2 bytes, not %3"_s.arg(what)
                                   .arg(kSaltBytes)
                                   .arg(read.value())};
            }
            QByteArray salt(buffer.data(), kSaltBytes);
            sodium_memzero(buffer.data(), buffer.size());
            return salt;
        }
        if (!missing)
            return Error{read.error()};
        if (!model::sodiumReady())
            return Error{path + u": cannot initialise libsodium for the "_s + what};
        std::array<char, kSaltBytes> fresh{};
        randombytes_buf(fresh.data(), fresh.size());
        const Result<model::SecretFilePublish> published
            = model::publishSecretFile(path, fresh, what);
        sodium_memzero(fresh.data(), fresh.size());
        if (!published)
            return Error{published.error()};
        // Read back what is there: another process may have published its salt first.
    }
    return Error{path + u": the %1 vanished while it was being created"_s.arg(what)};
}

QList<RunRecord> anonymised(const QList<RunRecord> &runs, const QByteArray &salt)
{
    QList<RunRecord> result = runs;
    for (RunRecord &run : result) {
        run.trainee = anonymousId(run.trainee, salt);
        run.detail = {};
    }
    return result;
}

/*!
 * Writes \a runs to \a out as CSV: one row per run with its trainee, cohort, scenario, times,
 * outcome, flag counts, policy counts and scores. Names and ids are typed by people, so they go
 * through model::csvText, which defuses formulas.
 */
Result<bool> writeResultsCsv(const QList<RunRecord> &runs, QIODevice &out)
{
    const auto write = [&](const QStringList &cells) {
        const QByteArray line = cells.join(u',').toUtf8() + "\r\n";
        return out.write(line) == line.size();
    };
    if (!write({u"id"_s,
                u"trainee"_s,
                u"cohort"_s,
                u"scenario"_s,
                u"genuine"_s,
                u"assist"_s,
                u"started_at"_s,
                u"finished_at"_s,
                u"outcome"_s,
                u"correct_outcome"_s,
                u"true_positive"_s,
                u"false_positive"_s,
                u"false_negative"_s,
                u"precision"_s,
                u"recall"_s,
                u"checks"_s,
                u"breaches"_s,
                u"overrides"_s,
                u"difficulty"_s,
                u"score"_s,
                u"weighted_score"_s})) {
        return Error{u"cannot write the CSV: "_s + out.errorString()};
    }
    const auto flag = [](bool value) { return value ? u"1"_s : u"0"_s; };
    for (const RunRecord &run : runs) {
        const Score &score = run.score;
        const bool written = write({QString::number(run.id),
                                    model::csvText(run.trainee),
                                    model::csvText(run.cohort),
                                    model::csvText(run.scenario),
                                    flag(run.genuine),
                                    flag(run.assist),
                                    formatTime(run.startedAt),
                                    formatTime(run.finishedAt),
                                    outcomeName(score.outcome),
                                    flag(score.correctOutcome),
                                    QString::number(score.tally.truePositives),
                                    QString::number(score.tally.falsePositives),
                                    QString::number(score.tally.falseNegatives),
                                    model::csvNumber(score.precision),
                                    model::csvNumber(score.recall),
                                    QString::number(score.tally.checks),
                                    QString::number(score.tally.breaches),
                                    QString::number(score.tally.overrides),
                                    QString::number(score.difficulty),
                                    model::csvNumber(score.score),
                                    model::csvNumber(score.weightedScore)});
        if (!written)
            return Error{u"cannot write the CSV: "_s + out.errorString()};
    }
    return true;
}

} // namespace rg::training
