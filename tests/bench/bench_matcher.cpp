// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_matcher: scan throughput and per-message latency of the detection engine on the cucom
// e-commerce turns, beside a naive baseline (one QRegularExpression per pattern), with a check
// that both find the same hits and a scaling run over synthetic packs of 200 and 2,000 rules.
// Everything is reported in one run; a summary table closes the output.
//
// Environment: RG_BENCH_CORPUS (transcript JSONL), RG_BENCH_PACK (rule pack JSON),
// RG_BENCH_QUICK=1 (a small subset, for the smoke test).

#include "detect/matcher.h"
#include "detect/normaliser.h"
#include "detect/rulepack.h"
#include "model/conversation.h"
#include "model/cue.h"
#include "model/message.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QString>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace Qt::StringLiterals;
using rg::detect::FoldedText;
using rg::detect::Matcher;
using rg::detect::Normaliser;
using rg::detect::Pattern;
using rg::detect::Rule;
using rg::detect::RulePack;
using rg::detect::View;
using rg::model::Message;
using rg::model::Role;
using Clock = std::chrono::steady_clock;

// Turns the slow baseline and the agreement check look at in a default run (stride-sampled
// over the whole corpus so message lengths stay representative), and in a quick run.
constexpr std::size_t kBaselineTurns = 12000;
constexpr std::size_t kAgreementTurns = 2000;
constexpr std::size_t kQuickTurns = 400;
constexpr std::size_t kQuickAgreementTurns = 150;
constexpr std::uint32_t kSyntheticSeed = 20260126;
constexpr int kMaxMatchesPerPattern = 32; // as the engine, so both enumerate the same spans

std::string envString(const char *name)
{
    const char *value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

bool quickMode()
{
    const std::string value = envString("RG_BENCH_QUICK");
    return !value.empty() && value != "0";
}

// A set of chat turns with their size in UTF-8 bytes.
struct TurnSet
{
    std::string name;
    std::vector<const Message *> messages;
    std::int64_t bytes = 0;

    void add(const Message *message)
    {
        messages.push_back(message);
        bytes += message->text.toUtf8().size();
    }
    // Every k-th turn of \a from, about \a count of them.
    static TurnSet stride(const std::string &name, const TurnSet &from, std::size_t count)
    {
        TurnSet set;
        set.name = name;
        const std::size_t n = from.messages.size();
        if (count >= n) {
            set.messages = from.messages;
            set.bytes = from.bytes;
            return set;
        }
        const double step = static_cast<double>(n) / static_cast<double>(count);
        for (std::size_t i = 0; i < count; ++i)
            set.add(from.messages[static_cast<std::size_t>(static_cast<double>(i) * step)]);
        return set;
    }
};

struct Corpus
{
    std::vector<rg::model::Conversation> conversations;
    TurnSet all;
    int badLines = 0;
};

bool loadCorpus(const QString &path, Corpus &corpus, std::size_t limit)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        if (line.trimmed().isEmpty())
            continue;
        auto conversation = rg::model::Conversation::fromJsonLine(line);
        if (!conversation) {
            ++corpus.badLines;
            continue;
        }
        corpus.conversations.push_back(std::move(conversation).value());
    }
    corpus.all.name = "all turns";
    for (const auto &conversation : corpus.conversations) {
        for (const Message &message : conversation.messages)
            corpus.all.add(&message);
    }
    if (limit > 0)
        corpus.all = TurnSet::stride("quick subset", corpus.all, limit);
    return true;
}

// Every pattern of a pack in the engine's order (per rule: patterns, near, unless), with the
// rule it belongs to.
struct PatternRef
{
    int rule;
    const Pattern *pattern;
};

std::vector<PatternRef> patternsOf(const RulePack &pack)
{
    std::vector<PatternRef> refs;
    for (int r = 0; r < static_cast<int>(pack.rules.size()); ++r) {
        const Rule &rule = pack.rules[r];
        for (const Pattern &p : rule.patterns)
            refs.push_back({r, &p});
        if (rule.near) {
            for (const Pattern &p : rule.near->patterns)
                refs.push_back({r, &p});
        }
        if (rule.unless) {
            for (const Pattern &p : rule.unless->patterns)
                refs.push_back({r, &p});
        }
    }
    return refs;
}

// The naive way to run a pack: fold the text, then try every pattern of the message's side, one
// QRegularExpression after another, enumerating its matches. It does less than the engine (no
// near/unless, no offsets mapped back, no evidence quoted), so the ratio flatters the baseline.
class NaiveBaseline final
{
public:
    explicit NaiveBaseline(const RulePack &pack)
    {
        const auto refs = patternsOf(pack);
        for (int i = 0; i < static_cast<int>(refs.size()); ++i) {
            const Pattern &pattern = *refs[i].pattern;
            QRegularExpression regex(QString::fromStdString(pattern.regex));
            if (!regex.isValid()) {
                m_rejected.push_back(pattern.source + u"  ("_s + regex.errorString() + u")"_s);
                continue;
            }
            regex.optimize();
            const int v = pattern.view == View::Folded ? 1 : 0;
            m_needView[v] = true;
            m_compiled.push_back({std::move(regex), v, pack.rules[refs[i].rule].role, i});
        }
        m_total = static_cast<int>(refs.size());
    }

    int total() const { return m_total; }
    const QStringList &rejected() const { return m_rejected; }

    // Scans one message; returns the number of matches, and adds the index (into patternsOf())
    // of every pattern with a non-empty match to \a hits if given.
    std::size_t scan(const Message &message, std::vector<int> *hits)
    {
        if (message.role != Role::Customer && message.role != Role::Agent)
            return 0;
        if (message.text.isEmpty())
            return 0;
        Normaliser::toCodePoints(message.text, m_codePoints);
        for (int v = 0; v < 2; ++v) {
            if (!m_needView[v])
                continue;
            m_normaliser.fold(m_codePoints, v == 1 ? View::Folded : View::Plain, m_folded[v]);
            m_text[v] = QString::fromUtf8(m_folded[v].text.data(),
                                          static_cast<qsizetype>(m_folded[v].text.size()));
        }
        std::size_t matches = 0;
        for (const Compiled &c : m_compiled) {
            if (c.role != message.role)
                continue;
            int found = 0;
            bool hit = false;
            auto it = c.regex.globalMatch(m_text[c.view]);
            while (found < kMaxMatchesPerPattern && it.hasNext()) {
                const QRegularExpressionMatch match = it.next();
                ++found;
                if (match.capturedLength() > 0) {
                    ++matches;
                    hit = true;
                }
            }
            if (hit && hits)
                hits->push_back(c.pattern);
        }
        return matches;
    }

private:
    struct Compiled
    {
        QRegularExpression regex;
        int view;
        Role role;
        int pattern;
    };
    std::vector<Compiled> m_compiled;
    QStringList m_rejected;
    int m_total = 0;
    bool m_needView[2] = {false, false};
    Normaliser m_normaliser;
    std::u32string m_codePoints;
    FoldedText m_folded[2];
    QString m_text[2];
};

// The engine's (turn, pattern) hits, found by the engine itself: every pattern becomes a rule of
// its own (same cue and side, no near/unless), and patterns sharing a cue go to different packs
// so the engine's one-finding-per-cue-and-place merge never hides one behind another.
std::set<std::pair<int, int>> engineHits(const RulePack &pack, const TurnSet &turns)
{
    const auto refs = patternsOf(pack);
    std::vector<RulePack> batches;
    std::map<QString, int> perCue;
    for (int i = 0; i < static_cast<int>(refs.size()); ++i) {
        const Rule &original = pack.rules[refs[i].rule];
        const int batch = perCue[original.cue]++;
        if (batch >= static_cast<int>(batches.size())) {
            batches.emplace_back();
            batches.back().id = u"agreement-%1"_s.arg(batch);
            batches.back().version = u"1"_s;
            batches.back().source = pack.source;
        }
        Rule rule;
        rule.id = QString::number(i);
        rule.cue = original.cue;
        rule.role = original.role;
        rule.weight = 0.5;
        rule.patterns.push_back(*refs[i].pattern);
        batches[batch].rules.push_back(std::move(rule));
    }
    std::set<std::pair<int, int>> hits;
    for (RulePack &batch : batches) {
        auto matcher = Matcher::compile(std::move(batch));
        if (!matcher) {
            std::fprintf(stderr, "bench_matcher: agreement pack: %s\n",
                         qPrintable(matcher.error()));
            continue;
        }
        for (int t = 0; t < static_cast<int>(turns.messages.size()); ++t) {
            for (const auto &finding : matcher.value()->scanMessage(t, *turns.messages[t]))
                hits.insert({t, finding.rule.toInt()});
        }
    }
    return hits;
}

// Synthetic packs for the scaling run: plausible 2-3 word support-chat phrases from a fixed
// seed, one in 25 rules a regular expression. The raw mt19937 stream is portable; the standard
// distributions are not, so numbers are drawn with a plain modulo.
QByteArray syntheticPack(int ruleCount)
{
    static const char *const kWords[]
        = {"order",   "refund",    "package", "parcel",  "delivery",   "tracking", "account",
           "card",    "email",     "address", "number",  "return",     "label",    "box",
           "item",    "replace",   "payment", "charge",  "bank",       "store",    "credit",
           "gift",    "balance",   "code",    "driver",  "courier",    "door",     "porch",
           "mailbox", "neighbour", "photo",   "proof",   "receipt",    "invoice",  "manager",
           "team",    "policy",    "claim",   "case",    "ticket",     "send",     "check",
           "change",  "update",    "cancel",  "confirm", "verify",     "process",  "issue",
           "approve", "escalate",  "ship",    "deliver", "open",       "close",    "pay",
           "today",   "tonight",   "now",     "soon",    "later",      "again",    "still",
           "never",   "late",      "missing", "broken",  "damaged",    "empty",    "wrong",
           "new",     "old",       "full",    "partial", "quick",      "urgent",   "free",
           "extra",   "final",     "same",    "my",      "your",       "the",      "this",
           "that",    "a",         "no",      "another", "phone",      "laptop",   "shoes",
           "jacket",  "watch",     "camera",  "charger", "headphones", "sorry",    "please",
           "thanks",  "help",      "waiting", "week",    "month",      "weekend",  "promo",
           "voucher", "discount",  "coupon",  "wallet",  "crypto",     "transfer", "cash"};
    constexpr std::size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);
    static const char *const kRegexes[] = {
        R"(\b(?:order|case|ticket) ?(?:number|no|id)? ?#?\d{5,}\b)",
        R"(\b\d{1,3} ?(?:dollars|usd|bucks)\b)",
        R"(\b(?:call|text|ring) me (?:on|at) \d)",
        R"(\bwithin \d+ (?:hours|days|minutes)\b)",
        R"(\b(?:re)?send (?:it|them) to (?:my|this) \w+\b)",
    };
    constexpr std::size_t kRegexCount = sizeof(kRegexes) / sizeof(kRegexes[0]);

    std::vector<QLatin1StringView> customerCues;
    for (const auto &cue : rg::model::cues()) {
        if (cue.side == Role::Customer)
            customerCues.push_back(cue.id);
    }

    std::mt19937 random(kSyntheticSeed);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    QSet<QString> seen;
    QJsonArray rules;
    for (int r = 0; r < ruleCount; ++r) {
        QJsonArray patterns;
        if (r % 25 == 24) {
            patterns.append(
                QJsonObject{{u"regex"_s, QString::fromLatin1(kRegexes[pick(kRegexCount)])}});
        } else {
            const int phraseCount = 1 + static_cast<int>(pick(3));
            while (patterns.size() < phraseCount) {
                const std::size_t words = 2 + pick(2);
                QString phrase;
                for (std::size_t w = 0; w < words; ++w) {
                    if (w)
                        phrase += u' ';
                    phrase += QString::fromLatin1(kWords[pick(kWordCount)]);
                }
                if (seen.contains(phrase))
                    continue;
                seen.insert(phrase);
                patterns.append(phrase);
            }
        }
        rules.append(QJsonObject{{u"id"_s, u"synthetic-%1"_s.arg(r)},
                                 {u"cue"_s, QString(customerCues[pick(customerCues.size())])},
                                 {u"weight"_s, 0.1 + 0.1 * static_cast<double>(pick(9))},
                                 {u"patterns"_s, patterns}});
    }
    const QJsonObject pack{{u"id"_s, u"synthetic-%1"_s.arg(ruleCount)},
                           {u"version"_s, u"1"_s},
                           {u"format"_s, RulePack::kFormat},
                           {u"rules"_s, rules}};
    return QJsonDocument(pack).toJson(QJsonDocument::Compact);
}

// What the benchmarks measured, for the summary (the last, longest run of each).
struct Throughput
{
    std::size_t turns = 0;
    double messagesPerSecond = 0.0;
    double megabytesPerSecond = 0.0;
    bool valid = false;
};
std::map<std::string, Throughput> g_results;

std::set<std::string> g_warmed;

// Times whole passes over \a turns. The first call makes one untimed pass first: RE2 builds its
// DFA states and the normaliser its per-code-point cache lazily, and a scanner that has been up
// for a minute has both; a cold first pass would mostly measure that.
template <typename Pass>
void runPasses(benchmark::State &state, const std::string &key, const char *hitCounter,
               const TurnSet &turns, Pass pass)
{
    if (g_warmed.insert(key).second)
        benchmark::DoNotOptimize(pass());
    std::size_t findings = 0;
    const auto started = Clock::now();
    for (auto _ : state)
        findings += pass();
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    const auto iterations = static_cast<std::int64_t>(state.iterations());
    const auto messages = iterations * static_cast<std::int64_t>(turns.messages.size());
    state.SetItemsProcessed(messages);
    state.SetBytesProcessed(iterations * turns.bytes);
    state.counters[hitCounter] = iterations ? static_cast<double>(findings) / iterations : 0;
    state.SetLabel(std::to_string(turns.messages.size()) + " turns");
    if (seconds > 0 && iterations > 0) {
        g_results[key] = {turns.messages.size(), static_cast<double>(messages) / seconds,
                          static_cast<double>(iterations * turns.bytes) / seconds / 1e6, true};
    }
}

std::size_t enginePass(Matcher &matcher, const TurnSet &turns)
{
    std::size_t findings = 0;
    for (std::size_t t = 0; t < turns.messages.size(); ++t)
        findings += matcher.scanMessage(static_cast<int>(t), *turns.messages[t]).size();
    return findings;
}

std::size_t baselinePass(NaiveBaseline &baseline, const TurnSet &turns)
{
    std::size_t matches = 0;
    for (const Message *message : turns.messages)
        matches += baseline.scan(*message, nullptr);
    return matches;
}

struct Latency
{
    double p50 = 0.0; // microseconds
    double p99 = 0.0;
    double max = 0.0;
    double p99Best = 0.0; // p99 of each message's best of its timings
};

template <typename Scan>
Latency measureLatency(const TurnSet &turns, int runs, Scan scan)
{
    // Warm the normaliser's per-code-point cache as a long-running scanner would have it.
    for (std::size_t t = 0; t < std::min<std::size_t>(200, turns.messages.size()); ++t)
        scan(t);
    // Each message is timed \a runs times in a row: the first timing is what a live message
    // costs; the best of them filters out the scheduling noise of a shared virtual machine,
    // which dominates the tail of a 10-microsecond operation here.
    std::vector<double> first;
    std::vector<double> best;
    first.reserve(turns.messages.size());
    best.reserve(turns.messages.size());
    for (std::size_t t = 0; t < turns.messages.size(); ++t) {
        double fastest = 0.0;
        for (int run = 0; run < runs; ++run) {
            const auto started = Clock::now();
            scan(t);
            const double micros
                = std::chrono::duration<double, std::micro>(Clock::now() - started).count();
            if (run == 0)
                first.push_back(micros);
            fastest = run == 0 ? micros : std::min(fastest, micros);
        }
        best.push_back(fastest);
    }
    if (first.empty())
        return {};
    std::sort(first.begin(), first.end());
    std::sort(best.begin(), best.end());
    const auto at = [](const std::vector<double> &sorted, double q) {
        const auto rank
            = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
        return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
    };
    return {at(first, 0.50), at(first, 0.99), first.back(), at(best, 0.99)};
}

rg::Result<std::unique_ptr<Matcher>> compilePack(const rg::Result<RulePack> &pack)
{
    if (!pack)
        return rg::Error{pack.error()};
    return Matcher::compile(pack.value());
}

void printRow(const char *label, const Throughput &t, const Latency *latency)
{
    if (!t.valid) {
        std::printf("  %-40s %8s  (not run: filtered out)\n", label, "-");
        return;
    }
    std::printf("  %-40s %8zu %12.0f %9.2f", label, t.turns, t.messagesPerSecond,
                t.megabytesPerSecond);
    if (latency)
        std::printf(" %9.1f %9.1f %9.1f %12.1f\n", latency->p50, latency->p99, latency->max,
                    latency->p99Best);
    else
        std::printf(" %9s %9s %9s %12s\n", "", "", "", "");
}

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;

    const bool quick = quickMode();
    std::string corpusPath = envString("RG_BENCH_CORPUS");
    if (corpusPath.empty())
        corpusPath = RG_SHARED_DIR "/data/cucom-ecommerce/conversations.jsonl";
    std::string packPath = envString("RG_BENCH_PACK");
    if (packPath.empty())
        packPath = RG_DEFAULT_PACK;

    if (!QFile::exists(QString::fromStdString(corpusPath))) {
        // ctest reports 77 as skipped; in CI a missing corpus is a failure, not a skip.
        const bool ci = envString("CI") == "true";
        std::printf("bench_matcher: corpus %s not found; nothing to measure (set RG_BENCH_CORPUS "
                    "or put the shared data beside the project). %s\n",
                    corpusPath.c_str(), ci ? "Failing, as CI=true." : "Skipping.");
        return ci ? 1 : 77;
    }
    Corpus corpus;
    if (!loadCorpus(QString::fromStdString(corpusPath), corpus, quick ? kQuickTurns : 0)) {
        std::fprintf(stderr, "bench_matcher: cannot read %s\n", corpusPath.c_str());
        return 1;
    }
    if (corpus.all.messages.empty()) {
        std::printf("bench_matcher: %s holds no turns; nothing to measure. Skipping.\n",
                    corpusPath.c_str());
        return 0;
    }

    const auto pack = RulePack::load(QString::fromStdString(packPath));
    if (!pack) {
        std::fprintf(stderr, "bench_matcher: %s\n", qPrintable(pack.error()));
        return 1;
    }
    auto engine = compilePack(pack);
    if (!engine) {
        std::fprintf(stderr, "bench_matcher: %s\n", qPrintable(engine.error()));
        return 1;
    }
    const auto synthetic200 = RulePack::parse(syntheticPack(200), u"synthetic-200"_s);
    const auto synthetic2000 = RulePack::parse(syntheticPack(2000), u"synthetic-2000"_s);
    auto engine200 = compilePack(synthetic200);
    auto engine2000 = compilePack(synthetic2000);
    if (!engine200 || !engine2000) {
        std::fprintf(stderr, "bench_matcher: synthetic pack: %s\n",
                     qPrintable(!engine200 ? engine200.error() : engine2000.error()));
        return 1;
    }

    NaiveBaseline baseline(pack.value());
    const TurnSet &all = corpus.all;
    const TurnSet subset
        = TurnSet::stride("baseline subset", all, quick ? all.messages.size() : kBaselineTurns);
    const TurnSet sample = TurnSet::stride("agreement sample", subset,
                                           quick ? kQuickAgreementTurns : kAgreementTurns);

    std::size_t patternCount[2] = {0, 0};
    for (const auto &ref : patternsOf(pack.value()))
        ++patternCount[ref.pattern->view == View::Folded ? 1 : 0];
    std::printf(
        "corpus: %s: %zu conversations, %zu turns%s, %.2f MB of text%s\n", corpusPath.c_str(),
        corpus.conversations.size(), all.messages.size(),
        quick ? " (quick subset, RG_BENCH_QUICK)" : "", static_cast<double>(all.bytes) / 1e6,
        corpus.badLines ? qPrintable(u" (%1 bad lines skipped)"_s.arg(corpus.badLines)) : "");
    std::printf("pack:   %s: \"%s\" %s, %zu rules, %zu patterns (%zu folded view, %zu plain)\n",
                packPath.c_str(), qPrintable(pack.value().id), qPrintable(pack.value().version),
                pack.value().rules.size(), patternCount[0] + patternCount[1], patternCount[1],
                patternCount[0]);
    std::printf(
        "baseline: %zu of %zu turns (every %.1fth turn), one QRegularExpression per pattern\n\n",
        subset.messages.size(), all.messages.size(),
        static_cast<double>(all.messages.size()) / static_cast<double>(subset.messages.size()));
    std::fflush(stdout);

    Matcher &m = *engine.value();
    Matcher &m200 = *engine200.value();
    Matcher &m2000 = *engine2000.value();
    benchmark::RegisterBenchmark("engine/default_pack/all_turns",
                                 [&](benchmark::State &s) {
                                     runPasses(s, "engine", "findings_per_pass", all,
                                               [&] { return enginePass(m, all); });
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark("engine/default_pack/baseline_subset",
                                 [&](benchmark::State &s) {
                                     runPasses(s, "engine_subset", "findings_per_pass", subset,
                                               [&] { return enginePass(m, subset); });
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark("baseline/qregularexpression/baseline_subset",
                                 [&](benchmark::State &s) {
                                     runPasses(s, "baseline", "matches_per_pass", subset,
                                               [&] { return baselinePass(baseline, subset); });
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark("engine/synthetic_200/all_turns",
                                 [&](benchmark::State &s) {
                                     runPasses(s, "synthetic200", "findings_per_pass", all,
                                               [&] { return enginePass(m200, all); });
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark("engine/synthetic_2000/all_turns",
                                 [&](benchmark::State &s) {
                                     runPasses(s, "synthetic2000", "findings_per_pass", all,
                                               [&] { return enginePass(m2000, all); });
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RunSpecifiedBenchmarks();

    // Per-message latency, in a pass of its own so timing each message does not tax throughput.
    const Latency engineLatency = measureLatency(all, 3, [&](std::size_t t) {
        benchmark::DoNotOptimize(m.scanMessage(static_cast<int>(t), *all.messages[t]));
    });
    const Latency baselineLatency = measureLatency(subset, 1, [&](std::size_t t) {
        benchmark::DoNotOptimize(baseline.scan(*subset.messages[t], nullptr));
    });

    // Agreement: the same (turn, pattern) hits from both, on a sample.
    const auto fromEngine = engineHits(pack.value(), sample);
    std::set<std::pair<int, int>> fromBaseline;
    std::vector<int> hits;
    for (int t = 0; t < static_cast<int>(sample.messages.size()); ++t) {
        hits.clear();
        baseline.scan(*sample.messages[t], &hits);
        for (const int p : hits)
            fromBaseline.insert({t, p});
    }
    // Patterns the baseline could not compile are left out of the comparison.
    std::set<int> baselinePatterns;
    {
        const auto refs = patternsOf(pack.value());
        for (int i = 0; i < static_cast<int>(refs.size()); ++i) {
            if (QRegularExpression(QString::fromStdString(refs[i].pattern->regex)).isValid())
                baselinePatterns.insert(i);
        }
    }
    std::size_t both = 0, engineOnly = 0, baselineOnly = 0;
    std::vector<std::pair<int, int>> disagreements;
    for (const auto &hit : fromEngine) {
        if (!baselinePatterns.count(hit.second))
            continue;
        if (fromBaseline.count(hit)) {
            ++both;
        } else {
            ++engineOnly;
            disagreements.push_back(hit);
        }
    }
    for (const auto &hit : fromBaseline) {
        if (!fromEngine.count(hit)) {
            ++baselineOnly;
            disagreements.push_back(hit);
        }
    }
    const std::size_t unionSize = both + engineOnly + baselineOnly;
    const double agreement
        = unionSize ? 100.0 * static_cast<double>(both) / static_cast<double>(unionSize) : 100.0;

    // Summary.
    const auto result = [](const char *key) {
        const auto it = g_results.find(key);
        return it == g_results.end() ? Throughput{} : it->second;
    };
    const Throughput tEngine = result("engine"), tSubset = result("engine_subset"),
                     tBaseline = result("baseline"), t200 = result("synthetic200"),
                     t2000 = result("synthetic2000");
    std::printf("\n== bench_matcher summary %s\n", std::string(75, '=').c_str());
    std::printf("  %-40s %8s %12s %9s %9s %9s %9s %12s\n", "", "turns", "messages/s", "MB/s",
                "p50 us", "p99 us", "max us", "p99 best us");
    printRow("engine, default pack", tEngine, &engineLatency);
    printRow("engine, default pack, baseline subset", tSubset, nullptr);
    printRow("naive baseline (QRegularExpression)", tBaseline, &baselineLatency);
    printRow("engine, synthetic pack, 200 rules", t200, nullptr);
    printRow("engine, synthetic pack, 2000 rules", t2000, nullptr);
    std::printf("\n");
    if (tSubset.valid && tBaseline.valid) {
        std::printf("  engine / baseline (messages/s, same %zu turns): %.1fx\n", tSubset.turns,
                    tSubset.messagesPerSecond / tBaseline.messagesPerSecond);
    }
    std::printf("  p99 latency baseline / engine: %.1fx\n",
                engineLatency.p99 > 0 ? baselineLatency.p99 / engineLatency.p99 : 0.0);
    if (t200.valid && t2000.valid) {
        std::printf("  scaling, messages/s 2000 rules / 200 rules: %.2f  (%zu vs %zu patterns)\n",
                    t2000.messagesPerSecond / t200.messagesPerSecond,
                    patternsOf(synthetic2000.value()).size(),
                    patternsOf(synthetic200.value()).size());
    }
    std::printf("  agreement engine vs baseline on %zu turns: %.2f%% of %zu (turn, pattern) hits "
                "(both %zu, engine only %zu, baseline only %zu)\n",
                sample.messages.size(), agreement, unionSize, both, engineOnly, baselineOnly);
    std::printf("  patterns QRegularExpression rejects (skipped by the baseline): %lld of %d\n",
                static_cast<long long>(baseline.rejected().size()), baseline.total());
    for (const QString &rejected : baseline.rejected())
        std::printf("    - %s\n", qPrintable(rejected));
    if (!disagreements.empty()) {
        const auto refs = patternsOf(pack.value());
        std::printf("  first disagreements (E = engine only, B = baseline only):\n");
        for (std::size_t i = 0; i < std::min<std::size_t>(5, disagreements.size()); ++i) {
            const auto [t, p] = disagreements[i];
            const bool engineSide = fromEngine.count(disagreements[i]) > 0;
            std::printf("    %c rule %s pattern \"%s\" on: %s\n", engineSide ? 'E' : 'B',
                        qPrintable(pack.value().rules[refs[p].rule].id),
                        qPrintable(refs[p].pattern->source),
                        qPrintable(sample.messages[t]->text.left(160)));
        }
    }
    std::printf("  baseline runs on every %.1fth turn to keep the run short; MB = 10^6 bytes of "
                "UTF-8 text; latency per message incl. normalisation.\n",
                static_cast<double>(all.messages.size())
                    / static_cast<double>(subset.messages.size()));
    std::printf(
        "  (Google Benchmark's \"built as DEBUG\" warning, if shown, is about the distribution's "
        "build of libbenchmark, not about this code.)\n");
    if (quick)
        std::printf(
            "  QUICK run (RG_BENCH_QUICK=1): %zu turns only; figures are not representative.\n",
            all.messages.size());
    benchmark::Shutdown();
    return 0;
}
