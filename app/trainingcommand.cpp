// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingcommand.h"

#include "cliio.h"
#include "settings/settings.h"

#include <QFileInfo>
#include <QSaveFile>

namespace rg::cli {

using namespace Qt::StringLiterals;

namespace {

const QString kResultsUsage
    = u"usage: refundguard-cli training results [--db URL] [--trainee T] [--cohort C]"
      " [--csv FILE] [--anonymise [--salt FILE]]"_s;

struct ResultsArgs
{
    QString db;
    QString trainee;
    QString cohort;
    QString csv;
    QString salt;
    bool anonymise = false;
};

Result<ResultsArgs> parseResultsArgs(QStringList args)
{
    ResultsArgs parsed;
    const QList<std::pair<QString, QString *>> valued = {{u"--db"_s, &parsed.db},
                                                         {u"--trainee"_s, &parsed.trainee},
                                                         {u"--cohort"_s, &parsed.cohort},
                                                         {u"--csv"_s, &parsed.csv},
                                                         {u"--salt"_s, &parsed.salt}};
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (option == u"--anonymise"_s) {
            parsed.anonymise = true;
            continue;
        }
        const auto target = std::find_if(valued.cbegin(), valued.cend(),
                                         [&](const auto &entry) { return entry.first == option; });
        if (target == valued.cend())
            return Error{u"training results: unknown option %1"_s.arg(option)};
        if (args.isEmpty() || args.front().isEmpty())
            return Error{u"training results: %1 needs a value"_s.arg(option)};
        *target->second = args.takeFirst();
    }
    if (!parsed.salt.isEmpty() && !parsed.anonymise)
        return Error{u"training results: --salt only goes with --anonymise"_s};
    return parsed;
}

// The salt file: --salt, else beside a SQLite database (training.db.salt). A shared server has
// no "beside", and keeping the salt inside it would hand it to everyone who reads the results.
Result<QByteArray> saltFor(const ResultsArgs &args, const audit::DatabaseUrl &url)
{
    if (!args.salt.isEmpty())
        return training::loadOrCreateSalt(args.salt);
    if (url.isPostgres()) {
        return Error{u"training results: --anonymise with a PostgreSQL database needs --salt "
                     "FILE (kept by the trainers, the same file for every export)"_s};
    }
    return training::loadOrCreateSalt(url.path + u".salt"_s);
}

QString percent(double ratio)
{
    return QString::number(ratio * 100.0, 'f', 0) + u'%';
}

// "72.4 (3)": a mean and the number of runs behind it; "-" without runs.
QString meanOf(double mean, int runs)
{
    return runs == 0 ? u"-"_s : u"%1 (%2)"_s.arg(mean, 0, 'f', 1).arg(runs);
}

QString rateOf(double rate, int runs)
{
    return runs == 0 ? u"-"_s : u"%1 of %2"_s.arg(percent(rate)).arg(runs);
}

QString table(const QList<training::CohortRow> &rows)
{
    const QStringList header = {
        u"trainee"_s,   u"runs"_s,    u"score"_s,           u"weighted"_s,    u"recall"_s,
        u"precision"_s, u"stopped"_s, u"wrongly refused"_s, u"with assist"_s, u"without assist"_s};
    QList<QStringList> lines = {header};
    for (const training::CohortRow &row : rows) {
        lines.append(
            {row.trainee, QString::number(row.runs), QString::number(row.meanScore, 'f', 1),
             QString::number(row.meanWeighted, 'f', 1), percent(row.recall), percent(row.precision),
             rateOf(row.stopRate, row.fraudRuns), rateOf(row.wrongRefusalRate, row.genuineRuns),
             meanOf(row.meanAssist, row.assistRuns), meanOf(row.meanNoAssist, row.noAssistRuns)});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &line : std::as_const(lines)) {
        for (qsizetype column = 0; column < line.size(); ++column)
            widths[column] = std::max(widths[column], line[column].size());
    }
    QString text;
    for (const QStringList &line : std::as_const(lines)) {
        QStringList cells;
        for (qsizetype column = 0; column < line.size(); ++column)
            cells.append(line[column].leftJustified(widths[column]));
        text += cells.join(u"  "_s).trimmed() + u'\n';
    }
    return text;
}

/*!
 * `training results`: the cohort comparison (one line per trainee) on standard output and, with
 * --csv, every run to FILE. --anonymise replaces each trainee by a stable pseudonym in both.
 */
int results(const QStringList &rawArgs)
{
    auto args = parseResultsArgs(rawArgs);
    if (!args)
        return usageError(args.error() + u'\n' + kResultsUsage);
    const ResultsArgs &options = args.value();
    auto store = openResultStore(options.db, false);
    if (!store)
        return fail(store.error());
    auto runs = store.value()->runs(options.trainee, options.cohort);
    if (!runs)
        return fail(runs.error());
    const QString where = store.value()->url().display();
    if (runs.value().isEmpty() && (!options.trainee.isEmpty() || !options.cohort.isEmpty())) {
        QStringList filters;
        if (!options.trainee.isEmpty())
            filters.append(u"trainee \"%1\""_s.arg(options.trainee));
        if (!options.cohort.isEmpty())
            filters.append(u"cohort \"%1\""_s.arg(options.cohort));
        return fail(u"%1: no training runs of %2"_s.arg(where, filters.join(u" in "_s)));
    }
    QList<training::RunRecord> shown = runs.value();
    if (options.anonymise) {
        auto salt = saltFor(options, store.value()->url());
        if (!salt)
            return fail(salt.error());
        shown = training::anonymised(shown, salt.value());
    }
    if (!options.csv.isEmpty()) {
        QSaveFile file(options.csv);
        if (!file.open(QIODevice::WriteOnly))
            return fail(u"%1: cannot write: %2"_s.arg(options.csv, file.errorString()));
        if (auto written = training::writeResultsCsv(shown, file); !written)
            return fail(u"%1: %2"_s.arg(options.csv, written.error()));
        if (!file.commit())
            return fail(u"%1: cannot write: %2"_s.arg(options.csv, file.errorString()));
    }
    if (shown.isEmpty())
        writeOut((u"no training runs in "_s + where + u'\n').toUtf8());
    else
        writeOut(table(training::compareCohort(shown)).toUtf8());
    return kExitOk;
}

} // namespace

/*!
 * Opens \a db, or when it is empty the trainer window's store (settings key training/databaseUrl:
 * the administrator's, the user's, or training.db in the data folder). Opening a SQLite path creates the
 * file, so for reading (\a create false) a mistyped path is refused rather than shown as empty.
 */
Result<std::unique_ptr<training::ResultStore>> openResultStore(const QString &db, bool create)
{
    const settings::Settings settings(settings::Settings::defaultUserPath());
    const QString text = db.isEmpty() ? settings.value(settings::Key::TrainingDatabaseUrl).toString() : db;
    auto parsed = audit::DatabaseUrl::parse(text);
    if (!parsed)
        return Error{(db.isEmpty() ? u"training/databaseUrl: "_s : u"--db: "_s) + parsed.error()};
    const audit::DatabaseUrl url = parsed.value();
    if (!create && !url.isPostgres() && !QFileInfo(url.path).isFile())
        return Error{url.display() + u": no training results there"_s};
    return training::ResultStore::open(url);
}

int runTrainingCommand(const QStringList &args)
{
    if (args.isEmpty())
        return usageError(kResultsUsage);
    const QString &sub = args.front();
    if (sub == u"results"_s)
        return results(args.mid(1));
    return usageError(u"training: unknown subcommand \"%1\"\n"_s.arg(sub) + kResultsUsage);
}

} // namespace rg::cli
