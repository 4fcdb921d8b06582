// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_review: the override table's goal, setFilter() + first page <= 100 ms on a 1,000,000
// record SQLite log. Reported in one run:
// - writing the log (tests/review/bulkauditlog.h, straight inserts), the review index's first
//   build by OverrideModel::prepareIndex (as the review window runs it on a worker thread: the
//   number of progress reports and the longest time between two, which is how long a cancel
//   may wait), then open() on the prepared index;
// - setFilter + first page (200 rows) for several filters, p50/p95 over --repeat runs beside the
//   first (cold) run, each against the goal, then one fetchMore deep into the list;
// - baselines from the same run: a bare `SELECT ... LIMIT 200` over the review index and over the
//   records, which is what a page costs without any filter or model;
// - the outlier computation (issue 6): readFacts over the whole period and findOutliers, timed
//   separately (best of 3 runs, p50 beside it), with records/s, beside a bare AuditStore::scan
//   that only counts (the I/O floor), and the peak resident memory (VmHWM) before and after;
//   then which statistics the log gave data for (agents ranked, contacts, dispositions, skips).
//
// Flags: --records N (default 1,000,000), --repeat K (default 20; the outlier figures always
// take 3 runs), --db FILE (keep the log there and reuse it when it exists), --smoke (5,000
// records, 3 repeats; checks only that every figure comes out).

#include "benchsupport.h"
#include "review/bulkauditlog.h"
#include "review/overridemodel.h"
#include "review/outliers.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

using rg::bench::percentile;
using rg::bench::statusKb;

using namespace Qt::StringLiterals;
using namespace rg;
using namespace rg::review;

constexpr double kGoalMs = 100.0;

struct Options
{
    qint64 records = 1000000;
    int repeat = 20;
    QString db;
    bool smoke = false;
};

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void printRow(const char *name, double cold, const std::vector<double> &ms, bool judge,
              const QString &extra = {})
{
    const double p95 = percentile(ms, 0.95);
    std::printf("  %-34s cold %8.2f  p50 %8.2f  p95 %8.2f ms%s%s\n", name, cold,
                percentile(ms, 0.5), p95, judge ? (p95 <= kGoalMs ? "  MET" : "  NOT MET") : "",
                qPrintable(extra));
}

double mb(qint64 kb)
{
    return double(kb) / 1024.0;
}

constexpr int kOutlierRuns = 3;

// Best (minimum) and p50 of the runs, with records/s at the best and the ratio to the floor.
void printOutlierRow(const char *name, const std::vector<double> &ms, qint64 records,
                     double floorMs)
{
    const double best = *std::min_element(ms.begin(), ms.end());
    std::printf("  %-34s best %9.1f  p50 %9.1f ms  %10.0f records/s", name, best,
                percentile(ms, 0.5), best > 0.0 ? double(records) * 1000.0 / best : 0.0);
    if (floorMs > 0.0)
        std::printf("  x%.2f the scan", best / floorMs);
    std::printf("\n");
}

struct Case
{
    const char *name;
    OverrideFilter filter;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (arg == u"--records"_s && hasValue) {
            options.records = args.at(++i).toLongLong();
        } else if (arg == u"--repeat"_s && hasValue) {
            options.repeat = args.at(++i).toInt();
        } else if (arg == u"--db"_s && hasValue) {
            options.db = args.at(++i);
        } else if (arg == u"--smoke"_s) {
            options.smoke = true;
            options.records = 5000;
            options.repeat = 3;
        } else {
            std::fprintf(stderr,
                         "usage: bench_review [--records N] [--repeat K] [--db FILE] [--smoke]\n");
            return 2;
        }
    }
    if (options.records < 1000 || options.repeat < 1) {
        std::fprintf(stderr, "bench_review: --records is at least 1000, --repeat at least 1\n");
        return 2;
    }

    QTemporaryDir dir;
    const QString path = options.db.isEmpty() ? dir.filePath(u"bulk.sqlite"_s)
                                              : QFileInfo(options.db).absoluteFilePath();
    const QString url = u"sqlite://"_s + path;
    test::BulkAuditLog bulk;
    QElapsedTimer timer;
    if (options.db.isEmpty() || !QFileInfo::exists(path)) {
        timer.start();
        auto written = test::writeBulkAuditLog(url, options.records);
        if (!written) {
            std::fprintf(stderr, "bench_review: %s\n", qPrintable(written.error()));
            return 1;
        }
        bulk = written.value();
        std::printf("log: %lld records (%lld overrides) written in %.1f s\n", bulk.records,
                    bulk.overrides, msSince(timer) / 1000.0);
    } else {
        bulk.records = options.records;
        std::printf("log: reusing %s (assumed %lld records)\n", qPrintable(path), bulk.records);
    }

    const audit::DatabaseUrl database = audit::DatabaseUrl::parse(url).value();
    {
        int reports = 0;
        double longestMs = 0.0;
        QElapsedTimer sinceReport;
        timer.start();
        sinceReport.start();
        auto prepared = OverrideModel::prepareIndex(database, [&](qint64, qint64) {
            ++reports;
            longestMs = std::max(longestMs, msSince(sinceReport));
            sinceReport.start();
            return true;
        });
        if (!prepared) {
            std::fprintf(stderr, "bench_review: %s\n", qPrintable(prepared.error()));
            return 1;
        }
        std::printf("review index: prepareIndex (build or catch up) in %.1f s, %d progress"
                    " reports, at most %.2f s apart\n",
                    msSince(timer) / 1000.0, reports, longestMs / 1000.0);
    }
    OverrideModel model;
    timer.start();
    if (auto opened = model.open(database); !opened) {
        std::fprintf(stderr, "bench_review: %s\n", qPrintable(opened.error()));
        return 1;
    }
    std::printf("review index: open() + first page after it in %.1f ms\n\n", msSince(timer));

    QList<Case> cases;
    cases.append({"no filter", OverrideFilter()});
    OverrideFilter agent;
    agent.agent = u"agent-5"_s;
    cases.append({"agent", agent});
    OverrideFilter teamDate;
    teamDate.team = u"team-2"_s;
    teamDate.from = bulk.timeOf(options.records / 3);
    teamDate.to = bulk.timeOf(options.records / 3 + 7 * 24 * 3600 / test::BulkAuditLog::kSecondsApart);
    cases.append({"team + one week", teamDate});
    OverrideFilter high;
    high.riskLevel = u"high"_s;
    cases.append({"risk high", high});
    OverrideFilter unreviewedHigh = high;
    unreviewedHigh.status = std::optional<Disposition>();
    cases.append({"risk high + unreviewed", unreviewedHigh});
    OverrideFilter policy;
    policy.policy = u"gift-card-refund"_s;
    cases.append({"policy", policy});
    OverrideFilter rare;
    rare.text = u"voucher stacking"_s;
    cases.append({"text, rare (1 in 1000)", rare});
    OverrideFilter common;
    common.text = u"arrived empty"_s;
    cases.append({"text, common (1 in 2)", common});
    OverrideFilter agentText = agent;
    agentText.text = u"verified"_s;
    cases.append({"agent + text", agentText});
    OverrideFilter weekText = teamDate;
    weekText.text = u"arrived empty"_s;
    cases.append({"team + one week + common text", weekText});

    std::printf("setFilter + first page of %d (goal p95 <= %.0f ms), %d runs after a cold one:\n",
                OverrideModel::kDefaultPageSize, kGoalMs, options.repeat);
    bool everyFigure = true;
    bool allMet = true;
    for (const Case &c : std::as_const(cases)) {
        std::vector<double> ms;
        double cold = 0.0;
        for (int run = 0; run <= options.repeat; ++run) {
            timer.start();
            if (auto set = model.setFilter(c.filter); !set) {
                std::fprintf(stderr, "bench_review: %s: %s\n", c.name, qPrintable(set.error()));
                return 1;
            }
            (run == 0 ? cold : ms.emplace_back()) = msSince(timer);
        }
        allMet = allMet && percentile(ms, 0.95) <= kGoalMs;
        everyFigure = everyFigure && !ms.empty();
        printRow(c.name, cold, ms, true, u"  (%1 rows)"_s.arg(model.rowCount()));
    }

    // Keyset pagination: a page 50 pages down costs what the first does.
    {
        OverrideFilter none;
        if (auto set = model.setFilter(none); !set)
            return 1;
        for (int page = 0; page < 50 && model.canFetchMore(); ++page)
            model.fetchMore();
        std::vector<double> ms;
        for (int run = 0; run < options.repeat && model.canFetchMore(); ++run) {
            timer.start();
            model.fetchMore();
            ms.push_back(msSince(timer));
        }
        printRow("fetchMore, past row 10,000", ms.empty() ? 0.0 : ms.front(), ms, false);
    }

    std::printf("\nbaselines (same database, no model):\n");
    auto store = audit::AuditStore::open(audit::DatabaseUrl::parse(url).value());
    if (!store) {
        std::fprintf(stderr, "bench_review: %s\n", qPrintable(store.error()));
        return 1;
    }
    const QList<std::pair<const char *, QString>> baselines = {
        {"bare SELECT review index LIMIT 200",
         u"SELECT * FROM review_overrides ORDER BY time DESC LIMIT 200"_s},
        {"bare SELECT records LIMIT 200",
         u"SELECT chain_id, seq, body FROM audit_records LIMIT 200"_s},
        {"records, json agent, LIMIT 200",
         u"SELECT chain_id, seq, body FROM audit_records WHERE kind = 'override'"
         " AND json_extract(body, '$.actor.id') = 'agent-5' ORDER BY recorded_at DESC LIMIT 200"_s},
    };
    for (const auto &[name, sql] : baselines) {
        std::vector<double> ms;
        double cold = 0.0;
        for (int run = 0; run <= options.repeat; ++run) {
            timer.start();
            QSqlQuery query(store.value()->database());
            query.setForwardOnly(true);
            int rows = 0;
            if (!query.exec(sql)) {
                std::fprintf(stderr, "bench_review: %s: failed\n", name);
                return 1;
            }
            while (query.next())
                ++rows;
            (run == 0 ? cold : ms.emplace_back()) = msSince(timer);
        }
        printRow(name, cold, ms, false);
    }

    // The outlier computation over the whole log, beside a scan that only counts.
    std::printf("\noutliers over the whole period (best of %d runs, p50 beside it):\n",
                kOutlierRuns);
    const qint64 hwmBefore = statusKb("VmHWM:");
    const qint64 rssBefore = statusKb("VmRSS:");
    std::vector<double> scanMs;
    qint64 scanned = 0;
    for (int run = 0; run < kOutlierRuns; ++run) {
        qint64 count = 0;
        timer.start();
        auto done = store.value()->scan(audit::AuditStore::ScanRange(),
                                        [&count](const audit::StoredRecord &) {
                                            ++count;
                                            return true;
                                        });
        scanMs.push_back(msSince(timer));
        if (!done) {
            std::fprintf(stderr, "bench_review: scan: %s\n", qPrintable(done.error()));
            return 1;
        }
        scanned = count;
    }
    const qint64 hwmAfterScan = statusKb("VmHWM:");
    const double floorMs = *std::min_element(scanMs.begin(), scanMs.end());
    printOutlierRow("bare scan, counting (I/O floor)", scanMs, scanned, 0.0);

    std::vector<double> factsMs;
    AuditFacts facts;
    for (int run = 0; run < kOutlierRuns; ++run) {
        facts = AuditFacts(); // the previous run's facts do not count towards this one's peak
        timer.start();
        auto read = readFacts(*store.value(), Period());
        factsMs.push_back(msSince(timer));
        if (!read) {
            std::fprintf(stderr, "bench_review: readFacts: %s\n", qPrintable(read.error()));
            return 1;
        }
        facts = std::move(read.value());
    }
    const qint64 hwmAfterFacts = statusKb("VmHWM:");
    const qint64 rssWithFacts = statusKb("VmRSS:");
    printOutlierRow("readFacts, whole period", factsMs, scanned, floorMs);

    std::vector<double> outlierMs;
    OutlierReport report;
    for (int run = 0; run < kOutlierRuns; ++run) {
        timer.start();
        report = findOutliers(facts);
        outlierMs.push_back(msSince(timer));
    }
    const qint64 hwmAfterOutliers = statusKb("VmHWM:");
    printOutlierRow("findOutliers (default options)", outlierMs, scanned, floorMs);
    {
        const double best = *std::min_element(factsMs.begin(), factsMs.end())
            + *std::min_element(outlierMs.begin(), outlierMs.end());
        std::printf("  %-34s best %9.1f ms %18.0f records/s  x%.2f the scan\n",
                    "readFacts + findOutliers", best,
                    best > 0.0 ? double(scanned) * 1000.0 / best : 0.0,
                    floorMs > 0.0 ? best / floorMs : 0.0);
    }
    std::printf("  peak resident (VmHWM): %.1f MB before, %.1f MB after the scans, %.1f MB after"
                " readFacts, %.1f MB after findOutliers\n"
                "  resident (VmRSS): %.1f MB before, %.1f MB holding the facts\n",
                mb(hwmBefore), mb(hwmAfterScan), mb(hwmAfterFacts), mb(hwmAfterOutliers),
                mb(rssBefore), mb(rssWithFacts));
    if (hwmBefore < 0)
        std::printf("  (/proc/self/status unreadable: no memory figures)\n");

    // Which statistics the log had data for.
    qint64 judged = 0;
    qint64 fraud = 0;
    qint64 highRisk = 0;
    qint64 withAmountAndLimit = 0;
    qint64 withCustomer = 0;
    for (const OverrideFact &fact : std::as_const(facts.overrides)) {
        judged += fact.disposition ? 1 : 0;
        fraud += fact.disposition && isFraud(*fact.disposition) ? 1 : 0;
        highRisk += fact.isHighRisk() ? 1 : 0;
        withAmountAndLimit += fact.amount && fact.limit ? 1 : 0;
        withCustomer += fact.customerId.isEmpty() && fact.linkedAccounts.isEmpty() ? 0 : 1;
    }
    qint64 byContacts = 0;
    qint64 withBand = 0;
    qint64 flagged = 0;
    qint64 flags = 0;
    QMap<QString, qint64> flagIds;
    for (const AgentFigures &figures : std::as_const(report.agents)) {
        byContacts += figures.denominator == Denominator::Contacts ? 1 : 0;
        withBand += figures.teamBand ? 1 : 0;
        flagged += figures.flags.isEmpty() ? 0 : 1;
        flags += figures.flags.size();
        for (const Flag &flag : figures.flags)
            ++flagIds[flag.id];
    }
    QStringList flagList;
    for (auto it = flagIds.cbegin(); it != flagIds.cend(); ++it)
        flagList.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    const SkipCounts &skipped = facts.skipped;
    std::printf("  data: %lld records scanned; %lld overrides (%lld with a disposition, %lld of "
                "them fraud; %lld high risk; %lld with amount and limit; %lld with a customer), "
                "%lld contacts (session_start), %lld agents with active days, %lld teams\n",
                scanned, qint64(facts.overrides.size()), judged, fraud, highRisk,
                withAmountAndLimit, withCustomer, qint64(facts.contacts.size()),
                qint64(facts.activeDays.size()), qint64(QSet<QString>(facts.teams.cbegin(),
                                                                      facts.teams.cend()).size()));
    std::printf("  ranked: %lld agents (%lld per contact, %lld per active day; %lld with a team "
                "band); %lld flagged, %lld flags%s%s\n",
                qint64(report.agents.size()), byContacts,
                qint64(report.agents.size()) - byContacts, withBand, flagged, flags,
                flagList.isEmpty() ? "" : ": ", qPrintable(flagList.join(u", "_s)));
    std::printf("  skipped: %lld unreadable, %lld no agent, %lld bad disposition, %lld orphan "
                "disposition; left out of a statistic: %lld no amount or limit (sub-limit), "
                "%lld no risk (high-risk), %lld no customer (repeat customer)\n",
                skipped.unreadable, skipped.noAgent, skipped.badDisposition,
                skipped.orphanDisposition, skipped.noAmountOrLimit, skipped.noRisk,
                skipped.noCustomer);
    everyFigure = everyFigure && scanned > 0 && !report.agents.isEmpty();

    std::printf("\ngoal (p95 <= %.0f ms for every filter): %s\n", kGoalMs,
                allMet ? "MET" : "NOT MET");
    return everyFigure ? 0 : 1;
}
