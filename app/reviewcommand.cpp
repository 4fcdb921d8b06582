// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewcommand.h"

#include "cliio.h"

#include "audit/auditstore.h"
#include "audit/databaseurl.h"
#include "review/outliers.h"
#include "review/overridefacts.h"

#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>

namespace rg::cli {

using namespace Qt::StringLiterals;

namespace {

struct OutlierArgs
{
    QString db;
    QString from;
    QString to;
    QString team;
    bool json = false;
};

Result<OutlierArgs> parseOutlierArgs(QStringList args)
{
    OutlierArgs parsed;
    const QList<std::pair<QString, QString *>> valued = {{u"--db"_s, &parsed.db},
                                                         {u"--from"_s, &parsed.from},
                                                         {u"--to"_s, &parsed.to},
                                                         {u"--team"_s, &parsed.team}};
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (option == u"--json"_s) {
            parsed.json = true;
            continue;
        }
        const auto target = std::find_if(valued.cbegin(), valued.cend(),
                                         [&](const auto &entry) { return entry.first == option; });
        if (target == valued.cend())
            return Error{u"review outliers: unknown option %1"_s.arg(option)};
        if (args.isEmpty())
            return Error{u"review outliers: %1 needs a value"_s.arg(option)};
        *target->second = args.takeFirst();
    }
    if (parsed.db.isEmpty())
        return Error{u"review outliers: --db URL is required (sqlite:///path/audit.db or "
                     "postgresql://user:pass@host:port/db)"_s};
    return parsed;
}

// "2026-11-26" or a full ISO 8601 time; a bare date as --to means the end of that day.
Result<QDateTime> parseBound(const QString &option, const QString &text, bool endOfDay)
{
    if (text.isEmpty())
        return QDateTime();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), Qt::UTC);
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return Error{
            u"review outliers: %1 %2: expected a date (2026-11-26) or an ISO 8601 time"_s.arg(
                option, text)};
    return time.toUTC();
}

/*!
 * `review outliers`: the period's agents ranked by how far their overrides stand out from
 * their team's, with the figures and each flag's sentence; JSON with --json.
 */
int outliers(const QStringList &rawArgs)
{
    auto args = parseOutlierArgs(rawArgs);
    if (!args)
        return usageError(args.error());
    auto from = parseBound(u"--from"_s, args.value().from, false);
    if (!from)
        return usageError(from.error());
    auto to = parseBound(u"--to"_s, args.value().to, true);
    if (!to)
        return usageError(to.error());
    if (from.value().isValid() && to.value().isValid() && from.value() >= to.value())
        return usageError(u"review outliers: --from must come before --to"_s);
    auto url = audit::DatabaseUrl::parse(args.value().db);
    if (!url)
        return usageError(u"review outliers: --db: "_s + url.error());
    // Opening a SQLite path creates the file: a mistyped path would read as an empty log.
    if (!url.value().isPostgres() && !QFileInfo(url.value().path).isFile())
        return fail(url.value().display() + u": no audit log there"_s);
    auto store = audit::AuditStore::open(url.value());
    if (!store)
        return fail(store.error());
    auto facts = review::readFacts(*store.value(), {from.value(), to.value()});
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

} // namespace

/*!
 * `refundguard-cli review outliers --db URL [--from DATE] [--to DATE] [--team T] [--json]`.
 */
int runReviewCommand(const QStringList &args)
{
    if (args.isEmpty())
        return usageError(u"review: expected outliers"_s);
    if (args.first() == u"outliers"_s)
        return outliers(args.mid(1));
    return usageError(u"review: unknown subcommand \"%1\""_s.arg(args.first()));
}

} // namespace rg::cli
