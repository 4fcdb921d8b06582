// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_audit: what the audit log costs. Reported in one run:
// - append through AuditLog, one transaction per record: SQLite (WAL, synchronous=FULL, a real
//   file in the temporary folder) and, with RG_TEST_POSTGRES_URL, PostgreSQL with 1 writer and
//   with 8 concurrent writers (8 chains, one AuditLog per thread): p50/p99/max and records/s,
//   beside sealing alone (sealRecord: canonical JSON, redaction, SHA-256) as the baseline, so
//   the ratio shows what the commit and its fsync cost;
// - verifyStore over a SQLite log of 1,000,000 records with a checkpoint every 1,000 (built
//   once per run with sealRecord and AuditStore::insert, removed at the end), best of 3, beside
//   a bare AuditStore::scan of the same rows and chainHash alone over the same bodies in memory.
//
// Flags: --records N (records to verify, default 1,000,000), --appends N (appends per writer,
// default 2,000; 0 skips the append figures), --writers N (concurrent PostgreSQL writers,
// default 8), then Google Benchmark's own flags.
// Environment: RG_TEST_POSTGRES_URL, a superuser URL (installer/pgtest.sh start prints one);
// unset, the PostgreSQL figures are skipped.

#include "audit/auditlog.h"
#include "audit/auditrecord.h"
#include "audit/auditstore.h"
#include "audit/canonicaljson.h"
#include "audit/checkpoint.h"
#include "audit/databaseurl.h"
#include "audit/redaction.h"
#include "audit/signingkey.h"
#include "audit/verifier.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using namespace Qt::StringLiterals;
using namespace rg::audit;
using Clock = std::chrono::steady_clock;

const QDateTime kStart(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
constexpr int kVerifyBatch = 10000;
constexpr int kVerifyCheckpointEvery = 1000;
constexpr int kAppendCheckpointEvery = 100; // AuditLog's default
constexpr double kVerifyGoalSeconds = 2.0;

// Set by Ctrl-C or SIGTERM: the loops stop, so the temporary folders (over a gigabyte at the
// default sizes) are removed on the way out. A second signal kills at once.
std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int signal)
{
    g_interrupted = true;
    std::signal(signal, SIG_DFL);
}

struct Options
{
    qint64 records = 1000000;
    int appends = 2000;
    int writers = 8;
};

// An override as the sidebar writes it: actor, case, the action, the policies it overrode, the
// agent's reason and a short evidence snapshot (redacted when sealed). About 600 bytes of body.
RecordDraft overrideDraft(qint64 n)
{
    RecordDraft draft;
    draft.kind = RecordKind::Override;
    draft.actor = {{u"id"_s, u"agent-%1"_s.arg(n % 37)},
                   {u"role"_s, u"agent"_s},
                   {u"team"_s, u"uk-%1"_s.arg(n % 4)}};
    draft.caseId = u"C-%1"_s.arg(100000 + n);
    draft.payload = {
        {u"action"_s, QJsonObject{{u"type"_s, u"refund"_s},
                                  {u"order_id"_s, u"114-%1"_s.arg(4471268 + n)},
                                  {u"amount"_s, 20.0 + double(n % 500) + 0.99},
                                  {u"currency"_s, u"USD"_s},
                                  {u"method"_s, u"gift_card"_s}}},
        {u"policies"_s, QJsonArray{u"refund-over-limit"_s, u"gift-card-refund-review"_s}},
        {u"risk"_s, QJsonObject{{u"level"_s, u"high"_s}, {u"score"_s, 0.82}}},
        {u"reason_category"_s, u"customer_verified"_s},
        {u"reason"_s, u"customer verified by phone, order history matches, ticket %1"_s.arg(n)},
        {u"evidence"_s,
         QJsonArray{
             QJsonObject{{u"turn"_s, 3},
                         {u"cue"_s, u"urgency"_s},
                         {u"text"_s, u"I need this sorted right now, call me on 07700 900123"_s}},
             QJsonObject{{u"turn"_s, 5},
                         {u"cue"_s, u"non_receipt"_s},
                         {u"text"_s, u"the box arrived empty, tracking says delivered"_s}}}},
    };
    return draft;
}

double micros(Clock::duration d)
{
    return std::chrono::duration<double, std::micro>(d).count();
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

// Per-record latencies of one figure, and the wall time the whole figure took.
struct Latencies
{
    std::vector<double> us;
    double wallSeconds = 0.0;
    QString error; // set when the figure could not be measured

    void sort() { std::sort(us.begin(), us.end()); }
    double percentile(double p) const
    {
        if (us.empty())
            return 0.0;
        const auto index = std::size_t(p * double(us.size() - 1) + 0.5);
        return us[std::min(index, us.size() - 1)];
    }
    double perSecond() const { return wallSeconds > 0 ? double(us.size()) / wallSeconds : 0.0; }
};

void BM_SealRecord(benchmark::State &state)
{
    const RecordDraft draft = overrideDraft(7);
    QByteArray prev = genesisHash();
    qint64 seq = 0;
    for (auto _ : state) {
        auto record = sealRecord(draft, u"bench"_s, ++seq, prev, kStart);
        prev = record.value().hash;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SealRecord);

// What sealing consists of, to read BM_SealRecord by: redaction, then the canonical body.
void BM_RedactPayload(benchmark::State &state)
{
    const QJsonObject payload = overrideDraft(7).payload;
    for (auto _ : state)
        benchmark::DoNotOptimize(redactJson(payload));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RedactPayload);

void BM_CanonicalBody(benchmark::State &state)
{
    const AuditRecord record
        = sealRecord(overrideDraft(7), u"bench"_s, 1, genesisHash(), kStart).value();
    for (auto _ : state)
        benchmark::DoNotOptimize(record.body());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CanonicalBody);

void BM_ChainHash(benchmark::State &state)
{
    const QByteArray body
        = sealRecord(overrideDraft(7), u"bench"_s, 1, genesisHash(), kStart).value().body().value();
    QByteArray prev = genesisHash();
    for (auto _ : state)
        prev = chainHash(prev, body);
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * (body.size() + 64));
}
BENCHMARK(BM_ChainHash);

// Sealing alone, the append baseline: the same drafts, chained, nothing written.
Latencies sealOnly(const std::vector<RecordDraft> &drafts)
{
    Latencies out;
    QByteArray prev = genesisHash();
    const auto started = Clock::now();
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        if (g_interrupted) {
            out.error = u"interrupted"_s;
            return out;
        }
        const auto t0 = Clock::now();
        auto record = sealRecord(drafts[i], u"bench"_s, qint64(i) + 1, prev, kStart);
        out.us.push_back(micros(Clock::now() - t0));
        if (!record) {
            out.error = record.error();
            return out;
        }
        prev = record.value().hash;
    }
    out.wallSeconds = seconds(Clock::now() - started);
    out.sort();
    return out;
}

// Appends the drafts one by one through \a log, timing each call.
void appendAll(AuditLog &log, const std::vector<RecordDraft> &drafts, Latencies &out)
{
    out.us.reserve(out.us.size() + drafts.size());
    for (const RecordDraft &draft : drafts) {
        if (g_interrupted) {
            out.error = u"interrupted"_s;
            return;
        }
        const auto t0 = Clock::now();
        auto record = log.append(draft);
        out.us.push_back(micros(Clock::now() - t0));
        if (!record) {
            out.error = record.error();
            return;
        }
    }
}

Latencies appendOne(const DatabaseUrl &url, const QString &keyPath,
                    const std::vector<RecordDraft> &drafts)
{
    Latencies out;
    AuditLog::Options options;
    options.database = url;
    options.keyPath = keyPath;
    options.checkpointEvery = kAppendCheckpointEvery;
    auto log = AuditLog::open(options);
    if (!log) {
        out.error = log.error();
        return out;
    }
    const auto started = Clock::now();
    appendAll(*log.value(), drafts, out);
    out.wallSeconds = seconds(Clock::now() - started);
    out.sort();
    return out;
}

// \a writers threads, each with its own AuditLog (own connection, own key, so its own chain),
// open first and then append together; records/s is over the time all of them took.
Latencies appendConcurrently(const DatabaseUrl &url, const QTemporaryDir &dir, int writers,
                             const std::vector<RecordDraft> &drafts)
{
    std::vector<Latencies> perWriter(static_cast<std::size_t>(writers));
    std::latch opened(writers);
    std::latch go(1);
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            Latencies &mine = perWriter[std::size_t(w)];
            AuditLog::Options options;
            options.database = url;
            options.keyPath = dir.filePath(u"writer-%1.key"_s.arg(w));
            options.checkpointEvery = kAppendCheckpointEvery;
            auto log = AuditLog::open(options);
            if (!log)
                mine.error = log.error();
            opened.count_down();
            go.wait();
            if (log)
                appendAll(*log.value(), drafts, mine);
        });
    }
    opened.wait();
    const auto started = Clock::now();
    go.count_down();
    for (std::thread &thread : threads)
        thread.join();
    Latencies out;
    out.wallSeconds = seconds(Clock::now() - started);
    for (const Latencies &mine : perWriter) {
        if (!mine.error.isEmpty() && out.error.isEmpty())
            out.error = mine.error;
        out.us.insert(out.us.end(), mine.us.begin(), mine.us.end());
    }
    out.sort();
    return out;
}

void printLatencyRow(const char *name, const Latencies &l)
{
    if (!l.error.isEmpty()) {
        std::printf("  %-46s FAILED: %s\n", name, qPrintable(l.error));
        return;
    }
    std::printf("  %-46s %8zu %9.1f %9.1f %9.1f %11.0f\n", name, l.us.size(), l.percentile(0.50),
                l.percentile(0.99), l.us.empty() ? 0.0 : l.us.back(), l.perSecond());
}

// Returns false when an append could not be measured.
bool runAppends(const Options &options)
{
    if (options.appends <= 0) {
        std::printf("\nappend: skipped (--appends 0)\n");
        return true;
    }
    std::vector<RecordDraft> drafts;
    for (int n = 1; n <= options.appends; ++n)
        drafts.push_back(overrideDraft(n));

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_audit: cannot create a temporary folder\n");
        return false;
    }
    const QString dbPath = dir.filePath(u"append.db"_s);
    const Latencies sealing = sealOnly(drafts);
    const Latencies sqlite = appendOne(DatabaseUrl::parse(u"sqlite://"_s + dbPath).value(),
                                       dir.filePath(u"sqlite.key"_s), drafts);

    std::optional<Latencies> pgOne;
    std::optional<Latencies> pgMany;
    const QString pgUrl = qEnvironmentVariable("RG_TEST_POSTGRES_URL");
    std::optional<DatabaseUrl> pg;
    if (!pgUrl.isEmpty()) {
        auto parsed = DatabaseUrl::parse(pgUrl);
        if (!parsed) {
            std::fprintf(stderr, "bench_audit: RG_TEST_POSTGRES_URL: %s\n",
                         qPrintable(parsed.error()));
            return false;
        }
        pg = parsed.value();
        pgOne = appendOne(*pg, dir.filePath(u"pg-single.key"_s), drafts);
        pgMany = appendConcurrently(*pg, dir, options.writers, drafts);
    }

    std::printf("\n== bench_audit: append, one transaction per record %s\n",
                std::string(46, '=').c_str());
    std::printf("  %d records per writer, AuditLog with a checkpoint every %d; SQLite file %s\n",
                options.appends, kAppendCheckpointEvery, qPrintable(dbPath));
    std::printf("  %-46s %8s %9s %9s %9s %11s\n", "", "records", "p50 us", "p99 us", "max us",
                "records/s");
    printLatencyRow("sealRecord alone (baseline: no database)", sealing);
    printLatencyRow("SQLite, WAL, synchronous=FULL", sqlite);
    if (pg) {
        printLatencyRow("PostgreSQL, 1 writer", *pgOne);
        const std::string many = "PostgreSQL, " + std::to_string(options.writers) + " writers ("
                                 + std::to_string(options.writers) + " chains), all";
        printLatencyRow(many.c_str(), *pgMany);
        std::printf("  PostgreSQL server: %s\n", qPrintable(pg->display()));
    } else {
        std::printf(
            "  PostgreSQL: skipped, RG_TEST_POSTGRES_URL is unset. For these figures run\n"
            "    installer/dev.sh bench, or: url=$(installer/pgtest.sh start /tmp/rg-bench-pg)"
            " &&\n    RG_TEST_POSTGRES_URL=$url bench_audit; installer/pgtest.sh stop"
            " /tmp/rg-bench-pg\n");
    }
    if (sealing.error.isEmpty() && sqlite.error.isEmpty() && sealing.percentile(0.5) > 0) {
        std::printf("  SQLite append / sealing alone at p50: %.0fx (sealing is %.1f%% of an append;"
                    " the rest is SQL and the commit's fsync)\n",
                    sqlite.percentile(0.5) / sealing.percentile(0.5),
                    100.0 * sealing.percentile(0.5) / sqlite.percentile(0.5));
    }
    if (pg && pgOne->error.isEmpty() && pgMany->error.isEmpty() && pgOne->perSecond() > 0) {
        std::printf("  PostgreSQL %d writers / 1 writer, records/s: %.1fx\n", options.writers,
                    pgMany->perSecond() / pgOne->perSecond());
    }
    std::fflush(stdout);
    return sealing.error.isEmpty() && sqlite.error.isEmpty()
           && (!pg || (pgOne->error.isEmpty() && pgMany->error.isEmpty()));
}

// The verify log: records sealed here and inserted in batches, with their bodies kept in one
// buffer for the hashing baseline.
struct VerifyLog
{
    QByteArray bodies;
    std::vector<qsizetype> offsets; // record i is bodies[offsets[i], offsets[i + 1])
    QByteArray lastHash;
    qint64 checkpoints = 0;
    double sealSeconds = 0.0;
    double insertSeconds = 0.0;
};

// Sealed records on their way from the sealing thread to the inserting one; at most two
// batches wait, so memory stays flat. An empty optional ends the stream.
class BatchQueue final
{
public:
    struct Batch
    {
        QList<AuditRecord> records;
        QList<StoredCheckpoint> checkpoints;
    };

    void push(std::optional<Batch> batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_batches.size() < 2; });
        m_batches.push_back(std::move(batch));
        m_changed.notify_all();
    }
    std::optional<Batch> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_batches.empty(); });
        std::optional<Batch> batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_changed.notify_all();
        return batch;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::optional<Batch>> m_batches;
};

// Seals \a records into one chain on this thread (each needs the previous hash, so sealing is
// sequential) while a second thread, with its own store as AuditStore requires, writes each
// record's canonical body and inserts the batches of 10,000 with their checkpoints.
std::optional<VerifyLog> buildVerifyLog(const DatabaseUrl &url, qint64 records, QString *error)
{
    const SigningKey key = SigningKey::fromSeed(QByteArray(32, '\x5a')).value();
    const QString chainId = chainIdFor(key.publicKey());
    VerifyLog log;
    log.bodies.reserve(records * 800);
    log.offsets.reserve(std::size_t(records) + 1);
    log.offsets.push_back(0);

    BatchQueue queue;
    std::atomic<bool> failed{false};
    QString insertError;
    std::thread inserter([&] {
        auto store = AuditStore::open(url);
        if (!store) {
            insertError = store.error();
            failed = true;
        }
        Clock::duration busy{};
        while (std::optional<BatchQueue::Batch> batch = queue.pop()) {
            if (failed)
                continue; // drain, so the sealing thread never blocks on a full queue
            const auto t0 = Clock::now();
            QList<StoredRecord> rows;
            rows.reserve(batch->records.size());
            for (const AuditRecord &record : std::as_const(batch->records)) {
                // sealRecord keeps only the hash; the stored body is the same canonical JSON.
                QByteArray body = record.body().value();
                log.bodies.append(body);
                log.offsets.push_back(log.bodies.size());
                rows.append({record.chainId, record.seq, std::move(body), record.hash});
            }
            if (auto inserted = store.value()->insert(rows, batch->checkpoints); !inserted) {
                insertError = inserted.error();
                failed = true;
            }
            busy += Clock::now() - t0;
        }
        log.insertSeconds = seconds(busy);
    });

    BatchQueue::Batch batch;
    QByteArray prev = genesisHash();
    const auto sealStart = Clock::now();
    for (qint64 seq = 1; seq <= records && !failed; ++seq) {
        if (g_interrupted) {
            *error = u"interrupted"_s;
            failed = true;
            break;
        }
        const QDateTime time = kStart.addSecs(seq);
        auto record = sealRecord(overrideDraft(seq), chainId, seq, prev, time);
        if (!record) {
            *error = record.error();
            failed = true;
            break;
        }
        prev = record.value().hash;
        batch.records.append(std::move(record).value());
        if (seq % kVerifyCheckpointEvery == 0) {
            const Checkpoint checkpoint = Checkpoint::make(key, chainId, seq, prev, time);
            batch.checkpoints.append({chainId, seq, canonicalJson(checkpoint.toJson()).value()});
            ++log.checkpoints;
        }
        if (batch.records.size() == kVerifyBatch || seq == records)
            queue.push(std::exchange(batch, {}));
    }
    log.sealSeconds = seconds(Clock::now() - sealStart);
    queue.push(std::nullopt);
    inserter.join();
    if (failed) {
        if (error->isEmpty())
            *error = insertError;
        return std::nullopt;
    }
    log.lastHash = prev;
    return log;
}

struct Runs
{
    std::vector<double> seconds;
    double best() const { return *std::min_element(seconds.begin(), seconds.end()); }
};

template<typename F>
Runs timeRuns(int runs, F &&run)
{
    Runs out;
    for (int r = 0; r < runs; ++r) {
        if (g_interrupted)
            return {};
        const auto t0 = Clock::now();
        if (!run())
            return {};
        out.seconds.push_back(seconds(Clock::now() - t0));
    }
    return out;
}

void printRunsRow(const char *name, const Runs &runs, qint64 records)
{
    std::string each;
    for (const double s : runs.seconds) {
        char cell[32];
        std::snprintf(cell, sizeof cell, "%s%.3f", each.empty() ? "" : " / ", s);
        each += cell;
    }
    std::printf("  %-46s %8.3f  %-24s %11.0f\n", name, runs.best(), each.c_str(),
                double(records) / runs.best());
}

bool runVerify(const Options &options)
{
    if (options.records <= 0) {
        std::printf("\nverify: skipped (--records 0)\n");
        return true;
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_audit: cannot create a temporary folder\n");
        return false;
    }
    const QString dbPath = dir.filePath(u"verify.db"_s);
    const DatabaseUrl url = DatabaseUrl::parse(u"sqlite://"_s + dbPath).value();
    std::printf("\nbuilding the verify log: %lld records in %s ...\n",
                static_cast<long long>(options.records), qPrintable(dbPath));
    std::fflush(stdout);
    QString error;
    const auto setupStart = Clock::now();
    const std::optional<VerifyLog> log = buildVerifyLog(url, options.records, &error);
    if (!log) {
        std::fprintf(stderr, "bench_audit: building the verify log failed: %s\n",
                     qPrintable(error));
        return false;
    }
    const double setupSeconds = seconds(Clock::now() - setupStart);
    auto opened = AuditStore::open(url);
    if (!opened) {
        std::fprintf(stderr, "bench_audit: %s\n", qPrintable(opened.error()));
        return false;
    }
    std::unique_ptr<AuditStore> store = std::move(opened).value();
    // Fold the WAL into the database file, as a log that has been closed and reopened would be.
    QSqlQuery(store->database()).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    const qint64 fileBytes = QFileInfo(dbPath).size();
    std::printf("\n== bench_audit: verify %s\n", std::string(71, '=').c_str());
    std::printf("  %lld records in 1 chain, a checkpoint every %d (%lld); bodies %.0f bytes on"
                " average;\n  SQLite file %.0f MB, warm in the page cache. Setup %.1f s (sealing"
                " %.1f s; bodies and AuditStore::insert on a second thread, %.1f s busy)\n",
                static_cast<long long>(options.records), kVerifyCheckpointEvery,
                static_cast<long long>(log->checkpoints),
                double(log->bodies.size()) / double(options.records), double(fileBytes) / 1e6,
                setupSeconds, log->sealSeconds, log->insertSeconds);
    std::fflush(stdout);

    constexpr int kRuns = 3;
    bool verified = true;
    QString problem;
    const Runs verify = timeRuns(kRuns, [&] {
        auto report = verifyStore(*store, {});
        if (!report) {
            problem = report.error();
            return verified = false;
        }
        if (!report.value().ok() || report.value().records != options.records
            || report.value().checkpoints != log->checkpoints) {
            problem = report.value().ok()
                          ? u"verified %1 records and %2 checkpoints"_s.arg(report.value().records)
                                .arg(report.value().checkpoints)
                          : report.value().problems.first().what;
            return verified = false;
        }
        return true;
    });
    qint64 scannedBytes = 0;
    const Runs scan = timeRuns(kRuns, [&] {
        scannedBytes = 0;
        auto scanned = store->scan({}, [&](const StoredRecord &record) {
            scannedBytes += record.body.size();
            return true;
        });
        return scanned.ok();
    });
    QByteArray hashed;
    const Runs hash = timeRuns(kRuns, [&] {
        QByteArray prev = genesisHash();
        for (std::size_t i = 0; i + 1 < log->offsets.size(); ++i) {
            prev
                = chainHash(prev, QByteArray::fromRawData(log->bodies.constData() + log->offsets[i],
                                                          log->offsets[i + 1] - log->offsets[i]));
        }
        hashed = prev;
        return true;
    });
    store.reset();

    if (g_interrupted) {
        std::printf("  interrupted\n");
        return false;
    }
    if (!verified || verify.seconds.empty()) {
        std::printf("  verifyStore FAILED: %s\n", qPrintable(problem));
        return false;
    }
    if (scan.seconds.empty() || hash.seconds.empty() || scannedBytes != log->bodies.size()
        || hashed != log->lastHash) {
        std::printf("  a baseline FAILED: the scan or the hashes do not match what was written\n");
        return false;
    }
    std::printf("  %-46s %8s  %-24s %11s\n", "", "best s", "runs s", "records/s");
    printRunsRow("verifyStore", verify, options.records);
    printRunsRow("bare AuditStore::scan (baseline)", scan, options.records);
    printRunsRow("chainHash alone, bodies in memory (baseline)", hash, options.records);
    const double perMillion = verify.best() * 1e6 / double(options.records);
    std::printf("  verify / scan: %.2fx; verify / hash: %.2fx; goal <= %.0f s for 1,000,000 "
                "records: %.2f s%s, %s\n",
                verify.best() / scan.best(), verify.best() / hash.best(), kVerifyGoalSeconds,
                perMillion, options.records == 1000000 ? "" : " (scaled)",
                perMillion <= kVerifyGoalSeconds ? "met" : "MISSED");
    std::fflush(stdout);
    return true;
}

// Takes "--records N", "--appends N" and "--writers N" (or "--name=N") out of argv, leaving
// the rest for Google Benchmark.
bool takeFlags(int &argc, char **argv, Options &options)
{
    qint64 appends = options.appends;
    qint64 writers = options.writers;
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const std::string name = arg.substr(0, arg.find('='));
        qint64 *target = name == "--records"   ? &options.records
                         : name == "--appends" ? &appends
                         : name == "--writers" ? &writers
                                               : nullptr;
        if (!target) {
            argv[kept++] = argv[i];
            continue;
        }
        std::string value;
        if (name.size() < arg.size())
            value = arg.substr(name.size() + 1);
        else if (i + 1 < argc)
            value = argv[++i];
        char *end = nullptr;
        *target = std::strtoll(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || *target < 0 || *target > 1000000000) {
            std::fprintf(stderr, "bench_audit: %s: expected a whole number from 0 to 10^9\n",
                         name.c_str());
            return false;
        }
    }
    argc = kept;
    argv[argc] = nullptr;
    if (writers < 1) {
        std::fprintf(stderr, "bench_audit: --writers: expected at least 1\n");
        return false;
    }
    options.appends = int(appends);
    options.writers = int(writers);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    if (!takeFlags(argc, argv, options))
        return 2;
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 2;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    benchmark::RunSpecifiedBenchmarks();
    const bool appended = runAppends(options);
    const bool verified = runVerify(options);
    benchmark::Shutdown();
    if (g_interrupted)
        return 130;
    return appended && verified ? 0 : 1;
}
