// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewcommand.h"

#include "cliio.h"

#include "audit/auditstore.h"
#include "audit/databaseurl.h"
#include "audit/verifier.h"
#include "review/outliers.h"
#include "review/overridefacts.h"
#include "review/report.h"
#include "review/summary.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace rg::cli {

using namespace Qt::StringLiterals;

namespace {

struct ReviewArgs
{
    QString db;
    QString from;
    QString to;
    QString team;
    QString out;
    bool json = false;
};

// Options of `review COMMAND`; \a allowed names those this command takes.
Result<ReviewArgs> parseArgs(const QString &command, QStringList args, const QStringList &allowed)
{
    ReviewArgs parsed;
    const QList<std::pair<QString, QString *>> valued = {{u"--db"_s, &parsed.db},
                                                         {u"--from"_s, &parsed.from},
                                                         {u"--to"_s, &parsed.to},
                                                         {u"--team"_s, &parsed.team},
                                                         {u"--out"_s, &parsed.out}};
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (!allowed.contains(option))
            return Error{u"review %1: unknown option %2"_s.arg(command, option)};
        if (option == u"--json"_s) {
            parsed.json = true;
            continue;
        }
        const auto target = std::find_if(valued.cbegin(), valued.cend(),
                                         [&](const auto &entry) { return entry.first == option; });
        if (args.isEmpty())
            return Error{u"review %1: %2 needs a value"_s.arg(command, option)};
        *target->second = args.takeFirst();
    }
    if (parsed.db.isEmpty())
        return Error{u"review %1: --db URL is required (sqlite:///path/audit.db or "
                     "postgresql://user:pass@host:port/db)"_s.arg(command)};
    return parsed;
}

// "2026-11-26" or a full ISO 8601 time; a bare date as --to means the end of that day.
Result<QDateTime> parseBound(const QString &command, const QString &option, const QString &text,
                             bool endOfDay)
{
    if (text.isEmpty())
        return QDateTime();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), Qt::UTC);
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return Error{u"review %1: %2 %3: expected a date (2026-11-26) or an ISO 8601 time"_s.arg(
            command, option, text)};
    return time.toUTC();
}

Result<review::Period> parsePeriod(const QString &command, const ReviewArgs &args)
{
    auto from = parseBound(command, u"--from"_s, args.from, false);
    if (!from)
        return Error{from.error()};
    auto to = parseBound(command, u"--to"_s, args.to, true);
    if (!to)
        return Error{to.error()};
    if (from.value().isValid() && to.value().isValid() && from.value() >= to.value())
        return Error{u"review %1: --from must come before --to"_s.arg(command)};
    return review::Period{from.value(), to.value()};
}

Result<std::unique_ptr<audit::AuditStore>> openStore(const QString &command, const QString &db)
{
    auto url = audit::DatabaseUrl::parse(db);
    if (!url)
        return Error{u"review %1: --db: "_s.arg(command) + url.error()};
    // Opening a SQLite path creates the file: a mistyped path would read as an empty log.
    if (!url.value().isPostgres() && !QFileInfo(url.value().path).isFile())
        return Error{url.value().display() + u": no audit log there"_s};
    return audit::AuditStore::open(url.value());
}

/*!
 * `review outliers`: the period's agents ranked by how far their overrides stand out from
 * their team's, with the figures and each flag's sentence; JSON with --json.
 */
int outliers(const QStringList &rawArgs)
{
    const QString command = u"outliers"_s;
    auto args = parseArgs(command, rawArgs,
                          {u"--db"_s, u"--from"_s, u"--to"_s, u"--team"_s, u"--json"_s});
    if (!args)
        return usageError(args.error());
    auto period = parsePeriod(command, args.value());
    if (!period)
        return usageError(period.error());
    auto store = openStore(command, args.value().db);
    if (!store)
        return fail(store.error());
    auto facts = review::readFacts(*store.value(), period.value());
    if (!facts)
        return fail(facts.error());
    review::OutlierOptions options;
    options.team = args.value().team;
    const review::OutlierReport report = review::findOutliers(facts.value(), options);
    if (report.agents.isEmpty()) {
        printErr(
            options.team.isEmpty()
                ? u"review outliers: no overrides in the period"_s
                : u"review outliers: no overrides by team %1 in the period"_s.arg(options.team));
    }
    if (args.value().json)
        writeOut(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
    else
        writeOut(report.toText().toUtf8());
    return kExitOk;
}

/*!
 * `review report`: the period's summary, charts, outliers and chain verification as a PDF, or
 * its overrides as CSV, chosen by --out's extension. The file is replaced only once complete.
 * A log that does not verify still gets its report, which names the problems.
 */
int report(const QStringList &rawArgs)
{
    const QString command = u"report"_s;
    auto args = parseArgs(command, rawArgs, {u"--db"_s, u"--from"_s, u"--to"_s, u"--out"_s});
    if (!args)
        return usageError(args.error());
    // A report is of a stated period: an open end would change with every record appended.
    for (const auto &[option, value] :
         {std::pair(u"--from"_s, args.value().from), std::pair(u"--to"_s, args.value().to),
          std::pair(u"--out"_s, args.value().out)}) {
        if (value.isEmpty())
            return usageError(u"review report: %1 is required"_s.arg(option));
    }
    const QString outPath = args.value().out;
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (suffix != u"pdf"_s && suffix != u"csv"_s)
        return usageError(
            u"review report: --out %1: the file name must end in .pdf or .csv"_s.arg(outPath));
    auto period = parsePeriod(command, args.value());
    if (!period)
        return usageError(period.error());
    auto store = openStore(command, args.value().db);
    if (!store)
        return fail(store.error());
    auto facts = review::readFacts(*store.value(), period.value());
    if (!facts)
        return fail(facts.error());
    auto verification = audit::verifyStore(*store.value(), {});
    if (!verification)
        return fail(verification.error());
    const audit::VerifyReport &verified = verification.value();
    const review::OutlierReport outlierReport = review::findOutliers(facts.value());
    const review::ReviewSummary summary = review::summarise(facts.value());

    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly))
        return fail(u"%1: cannot write: %2"_s.arg(outPath, file.errorString()));
    const Result<bool> written
        = suffix == u"csv"_s
              ? review::writeCsv(facts.value(), file)
              : review::writePdf(
                  {summary, outlierReport, verified, QDateTime::currentDateTimeUtc()}, file);
    if (!written)
        return fail(u"%1: %2"_s.arg(outPath, written.error()));
    if (!file.commit())
        return fail(u"%1: cannot write: %2"_s.arg(outPath, file.errorString()));

    const QString chain
        = verified.ok() ? u"chain verified"_s
                        : u"chain NOT verified (%1 problem(s))"_s.arg(verified.problems.size());
    writeOut(u"report: %1 overrides, %2 agents, %3 outliers, %4 -> %5\n"_s.arg(summary.overrides)
                 .arg(summary.agents)
                 .arg(review::flaggedAgents(outlierReport).size())
                 .arg(chain, outPath)
                 .toUtf8());
    if (!verified.ok())
        printErr(u"review report: the audit log does not verify; run `refundguard-cli audit "
                 "verify` for the details"_s);
    return kExitOk;
}

} // namespace

/*!
 * `refundguard-cli review outliers --db URL [--from DATE] [--to DATE] [--team T] [--json]` and
 * `refundguard-cli review report --db URL --from DATE --to DATE --out FILE.pdf|FILE.csv`.
 */
int runReviewCommand(const QStringList &args)
{
    if (args.isEmpty())
        return usageError(u"review: expected outliers or report"_s);
    if (args.first() == u"outliers"_s)
        return outliers(args.mid(1));
    if (args.first() == u"report"_s)
        return report(args.mid(1));
    return usageError(u"review: unknown subcommand \"%1\""_s.arg(args.first()));
}

} // namespace rg::cli
