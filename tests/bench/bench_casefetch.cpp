// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_casefetch: the round trip of one case fetch, as the session pays it when a chat opens.
// HttpCaseProvider against a local refundguard-caseserver (127.0.0.1, demo cases, keep-alive),
// once with full 200 answers and once revalidating with If-None-Match (304), beside the
// embedded provider over the same SQLite store as the baseline. p50/p99 are timed per fetch
// inside the benchmark loop; a summary with the HTTP / embedded ratio closes the output.
//
// Environment: RG_BENCH_QUICK=1 (fewer fetches, for the smoke test).

#include "benchsupport.h"
#include "context/casestore.h"
#include "context/embeddedcaseprovider.h"
#include "context/httpcaseprovider.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QUrl>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

using rg::bench::percentile;

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

struct Latency
{
    std::size_t fetches = 0;
    double p50 = 0.0, p99 = 0.0, mean = 0.0, max = 0.0; // microseconds
    bool valid = false;
};
std::map<std::string, Latency> g_results;

bool quickMode()
{
    const char *value = std::getenv("RG_BENCH_QUICK");
    return value && *value && std::string(value) != "0";
}

// Fetches the ids round-robin, timing each fetch; a failed fetch stops the benchmark with the
// provider's message rather than timing errors.
void runFetches(benchmark::State &state, const std::string &key,
                rg::context::CaseProvider &provider, const QStringList &ids)
{
    // One untimed fetch per id: connection set-up and the first ETag belong to start-up.
    for (const QString &id : ids) {
        const auto warm = rg::context::fetchAndWait(provider, id);
        if (!warm.ok()) {
            state.SkipWithError(qPrintable(warm.error()));
            return;
        }
    }
    std::vector<double> micros;
    qsizetype next = 0;
    for (auto _ : state) {
        const QString &id = ids[next++ % ids.size()];
        const auto started = Clock::now();
        const auto snapshot = rg::context::fetchAndWait(provider, id);
        const auto elapsed = Clock::now() - started;
        if (!snapshot.ok()) {
            state.SkipWithError(qPrintable(snapshot.error()));
            return;
        }
        benchmark::DoNotOptimize(snapshot.value().caseData.id.size());
        micros.push_back(std::chrono::duration<double, std::micro>(elapsed).count());
    }
    Latency latency;
    latency.fetches = micros.size();
    latency.p50 = percentile(micros, 0.50);
    latency.p99 = percentile(micros, 0.99);
    latency.max = micros.empty() ? 0.0 : *std::max_element(micros.begin(), micros.end());
    for (const double value : micros)
        latency.mean += value / static_cast<double>(micros.size());
    latency.valid = !micros.empty();
    state.counters["p50_us"] = latency.p50;
    state.counters["p99_us"] = latency.p99;
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.SetLabel(std::to_string(ids.size()) + " demo cases");
    g_results[key] = latency;
}

// The caseserver as a child process on 127.0.0.1; the URL comes from its first line.
class Server final
{
public:
    ~Server()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }

    bool start(const QString &dataPath, QString *error)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"RG_LOG_LEVEL"_s, u"warn"_s);
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(RG_CASESERVER_PATH),
                        {u"--port"_s, u"0"_s, u"--data"_s, dataPath});
        const QDeadlineTimer deadline(10000);
        while (!m_process.canReadLine()) {
            if (deadline.hasExpired()
                || !m_process.waitForReadyRead(static_cast<int>(deadline.remainingTime()))) {
                *error = u"refundguard-caseserver did not start ("_s
                         + QStringLiteral(RG_CASESERVER_PATH) + u")"_s;
                return false;
            }
        }
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        m_url = QUrl(line.section(u' ', 2));
        if (!line.startsWith(u"listening on "_s) || !m_url.isValid()) {
            *error = u"unexpected first line from the caseserver: "_s + line;
            return false;
        }
        return true;
    }

    QUrl url() const { return m_url; }

private:
    QProcess m_process;
    QUrl m_url;
};

void printRow(const char *name, const Latency &latency)
{
    if (!latency.valid) {
        std::printf("  %-44s %8s\n", name, "(not run)");
        return;
    }
    std::printf("  %-44s %8zu %10.1f %10.1f %10.1f %10.1f\n", name, latency.fetches, latency.p50,
                latency.p99, latency.mean, latency.max);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;

    // One SQLite store with the built-in demo cases, read by the server and by the embedded
    // provider alike, so both sides look up the same documents the same way.
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_casefetch: cannot create a temporary folder\n");
        return 1;
    }
    const QString storePath = dir.filePath(u"cases.db"_s);
    auto store = std::make_shared<rg::context::CaseStore>();
    if (auto opened = store->open(storePath); !opened) {
        std::fprintf(stderr, "bench_casefetch: %s\n", qPrintable(opened.error()));
        return 1;
    }
    const auto imported
        = store->importTranscripts(rg::context::EmbeddedCaseProvider::builtinTranscripts());
    const auto ids = store->ids();
    if (!imported || !ids || ids.value().isEmpty()) {
        std::fprintf(stderr, "bench_casefetch: no demo cases: %s\n",
                     qPrintable(!imported ? imported.error() : u"empty"_s));
        return 1;
    }
    Server server;
    QString error;
    if (!server.start(storePath, &error)) {
        std::fprintf(stderr, "bench_casefetch: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("caseserver: %s, %lld demo cases; store %s\n", qPrintable(server.url().toString()),
                static_cast<long long>(ids.value().size()), qPrintable(storePath));
    std::fflush(stdout);

    rg::context::HttpCaseProvider::Options options;
    options.baseUrl = server.url();
    options.conditionalRequests = false;
    rg::context::HttpCaseProvider full(options);
    options.conditionalRequests = true;
    rg::context::HttpCaseProvider revalidating(options);
    rg::context::EmbeddedCaseProvider embedded(store);

    const int iterations = quickMode() ? 50 : 0; // 0: let Google Benchmark decide
    const auto registered = [&](const char *name, const std::string &key,
                                rg::context::CaseProvider &provider) {
        auto *benchmark = benchmark::RegisterBenchmark(name, [&, key](benchmark::State &state) {
            runFetches(state, key, provider, ids.value());
        });
        benchmark->Unit(benchmark::kMicrosecond)->UseRealTime();
        if (iterations)
            benchmark->Iterations(iterations);
    };
    registered("http/caseserver/full_200", "http_full", full);
    registered("http/caseserver/revalidate_304", "http_304", revalidating);
    registered("embedded/sqlite_store", "embedded", embedded);
    benchmark::RunSpecifiedBenchmarks();

    const Latency http = g_results["http_full"];
    const Latency revalidate = g_results["http_304"];
    const Latency local = g_results["embedded"];
    std::printf("\n== bench_casefetch summary %s\n", std::string(73, '=').c_str());
    std::printf("  %-44s %8s %10s %10s %10s %10s\n", "", "fetches", "p50 us", "p99 us", "mean us",
                "max us");
    printRow("HTTP provider -> caseserver, 200 + body", http);
    printRow("HTTP provider -> caseserver, 304 revalidate", revalidate);
    printRow("embedded provider (same SQLite store)", local);
    if (http.valid && local.valid && local.p50 > 0 && local.p99 > 0) {
        std::printf("\n  HTTP / embedded: p50 %.1fx, p99 %.1fx (304 revalidation: p50 %.1fx)\n",
                    http.p50 / local.p50, http.p99 / local.p99,
                    revalidate.valid ? revalidate.p50 / local.p50 : 0.0);
    }
    return http.valid && revalidate.valid && local.valid ? 0 : 1;
}
