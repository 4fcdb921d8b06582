// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/databaseurl.h"
#include "model/result.h"
#include "training/score.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>

class QIODevice;

namespace rg::training {

// One finished (or abandoned) run of a scenario by a trainee, as stored.
struct RunRecord
{
    qint64 id = 0; // given by the store; 0 until added
    QString trainee;
    QString cohort; // may be empty
    QString scenario;
    bool genuine = false; // the scenario's: which rate (stop or wrong refusal) the run counts in
    bool assist = false;  // the trainee saw the assistant's cues during the run
    QDateTime startedAt;  // UTC
    QDateTime finishedAt; // UTC
    Score score;
    QJsonObject detail; // free form: "flags", "actions", "transcript" (what the debrief shows)
};

// Use me to keep training results in their own tables (training_*) of a SQLite file or a
// PostgreSQL database. One store is one connection: use it on the thread that opened it.
class ResultStore final
{
public:
    static constexpr int kSchemaVersion = 1;
    // Trainee and cohort names: one line of printable text, no blanks around it, at most this long.
    static constexpr int kMaxNameLength = 100;
    static Result<bool> checkName(const QString &what, const QString &name);

    ~ResultStore();
    Q_DISABLE_COPY_MOVE(ResultStore)

    // Opens the database and brings the training tables up to date (creating them when new).
    static Result<std::unique_ptr<ResultStore>> open(const audit::DatabaseUrl &url);

    const audit::DatabaseUrl &url() const { return m_url; }

    // Stores \a run (its id is ignored) and returns the id it got. Refuses a run without a trainee
    // or scenario, with names that are not one printable line, or with impossible times.
    Result<qint64> add(const RunRecord &run);
    Result<RunRecord> run(qint64 id);
    // Runs oldest first; an empty filter matches every trainee or cohort.
    Result<QList<RunRecord>> runs(const QString &trainee = {}, const QString &cohort = {});
    Result<QStringList> trainees(); // sorted, distinct
    Result<QStringList> cohorts();  // sorted, distinct, without the empty cohort
    Result<int> schemaVersion();

private:
    ResultStore(audit::DatabaseUrl url, QString connectionName, const QSqlDatabase &db);
    Result<bool> migrate();
    Result<bool> exec(const QString &sql);
    Result<QStringList> distinct(const QString &column);

    audit::DatabaseUrl m_url;
    QString m_connectionName;
    QSqlDatabase m_db;
};

// One trainee's weighted scores in the order the runs finished.
struct TraineeProgress
{
    QString trainee;
    QList<std::pair<QDateTime, double>> weighted; // (finishedAt, weighted score), oldest first
    double mean = 0.0;                            // of the weighted scores
};

// One trainee's line of the cohort comparison. Rates and means over no runs are 0; the counts
// beside them say whether there were any.
struct CohortRow
{
    QString trainee;
    int runs = 0;
    double meanScore = 0.0;
    double meanWeighted = 0.0;
    double recall = 0.0;    // pooled over the runs' flags
    double precision = 0.0; // pooled over the runs' flags
    int fraudRuns = 0;
    double stopRate = 0.0; // fraud runs that ended fraud_stopped
    int genuineRuns = 0;
    double wrongRefusalRate = 0.0; // genuine runs that ended genuine_wrongly_refused
    int assistRuns = 0;
    double meanAssist = 0.0; // weighted score with the assistant
    int noAssistRuns = 0;
    double meanNoAssist = 0.0; // weighted score without it
};

QList<TraineeProgress> traineeProgress(const QList<RunRecord> &runs); // sorted by trainee
QList<CohortRow> compareCohort(const QList<RunRecord> &runs);         // sorted by trainee

// A stable pseudonym ("trainee-3f9a0c1d") for \a trainee: a keyed BLAKE2b hash with \a salt
// (kSaltBytes long), so it cannot be reversed by hashing a list of names without the salt.
constexpr int kSaltBytes = 32;
QString anonymousId(const QString &trainee, const QByteArray &salt);
// The salt in \a path, created (random, owner-only) when the file does not exist yet.
Result<QByteArray> loadOrCreateSalt(const QString &path);

// \a runs with each trainee replaced by anonymousId(trainee, salt) and the detail dropped (its
// free text may name the trainee): for the table and the CSV of `training results --anonymise`.
QList<RunRecord> anonymised(const QList<RunRecord> &runs, const QByteArray &salt);

// Writes \a runs as CSV (RFC 4180, UTF-8, CRLF, a header row, one row per run, no detail).
Result<bool> writeResultsCsv(const QList<RunRecord> &runs, QIODevice &out);

} // namespace rg::training
