// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/streamscanner.h"

#include "batch/judge.h"
#include "batch/scanreport.h"
#include "detect/matcher.h"
#include "risk/riskscorer.h"

#include <QFileDevice>
#include <QIODevice>

#include <condition_variable>
#include <deque>
#include <future>
#include <optional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace rg::batch {

namespace {

using namespace Qt::StringLiterals;

// Longer lines are reported and skipped: a conversation is text a person typed, and the
// normaliser's offset map costs a few dozen bytes per byte.
constexpr qint64 kMaxLineBytes = 8 << 20;

struct Line
{
    QByteArray text;
    bool tooLong = false;
};

struct Batch
{
    qint64 firstLine = 0;
    std::vector<Line> lines;
    QByteArray output;
    QStringList errors;
    qint64 scanned = 0;
    bool done = false;
};

void scanBatch(detect::Matcher &matcher, const Judge &judge, Batch &batch,
               const QString &inputName, bool explain)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (std::size_t i = 0; i < batch.lines.size(); ++i) {
        const Line &line = batch.lines[i];
        const auto fail = [&](const QString &reason) {
            batch.errors.append(inputName + u':'
                                + QString::number(batch.firstLine + static_cast<qint64>(i))
                                + u": "_s + reason);
        };
        if (line.tooLong) {
            fail(u"line longer than %1 MiB, skipped"_s.arg(kMaxLineBytes >> 20));
            continue;
        }
        if (line.text.trimmed().isEmpty())
            continue;
        const auto conversation = model::Conversation::fromJsonLine(line.text);
        if (!conversation) {
            fail(conversation.error());
            continue;
        }
        const auto judgement = judge.judge(conversation.value(), matcher, now);
        if (!judgement) {
            fail(judgement.error());
            continue;
        }
        batch.output += explain ? explainText(conversation.value(), judgement.value())
                                : resultLine(conversation.value(), judgement.value());
        ++batch.scanned;
    }
    batch.lines.clear();
    batch.done = true;
}

// Hands a scanned batch over: its errors, then its results, counted in \a summary.
void deliver(const Batch &batch, QIODevice &out,
             const std::function<void(const QString &)> &onError, StreamSummary &summary)
{
    for (const QString &error : batch.errors)
        onError(error);
    out.write(batch.output);
    summary.scanned += batch.scanned;
    summary.failed += batch.errors.size();
}

// Reads, hands batches to the workers and writes finished ones in input order.
class Pipeline final
{
public:
    Pipeline(QIODevice &out, const std::function<void(const QString &)> &onError)
        : m_out(out), m_onError(onError)
    {}

    void push(std::shared_ptr<Batch> batch, std::size_t maxInFlight)
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            writeFinished();
            if (m_inFlight.size() < maxInFlight)
                break;
            m_changed.wait(lock);
        }
        m_inFlight.push_back(batch);
        m_todo.push_back(std::move(batch));
        m_changed.notify_all();
    }

    void finish()
    {
        std::unique_lock lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
        while (!m_inFlight.empty()) {
            m_changed.wait(lock, [&] { return m_inFlight.front()->done; });
            writeFinished();
        }
    }

    // Worker loop: take batches until the reader is done and nothing is left.
    void work(detect::Matcher &matcher, const Judge &judge, const QString &inputName, bool explain)
    {
        for (;;) {
            std::shared_ptr<Batch> batch;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [&] { return !m_todo.empty() || m_closed; });
                if (m_todo.empty())
                    return;
                batch = std::move(m_todo.front());
                m_todo.pop_front();
            }
            Batch result;
            result.firstLine = batch->firstLine;
            result.lines = std::move(batch->lines);
            scanBatch(matcher, judge, result, inputName, explain);
            {
                const std::lock_guard lock(m_mutex);
                *batch = std::move(result);
            }
            m_changed.notify_all();
        }
    }

    StreamSummary summary() const { return m_summary; }

private:
    // Called with m_mutex held: writes the finished batches at the head, in input order.
    void writeFinished()
    {
        while (!m_inFlight.empty() && m_inFlight.front()->done) {
            const std::shared_ptr<Batch> batch = std::move(m_inFlight.front());
            m_inFlight.pop_front();
            deliver(*batch, m_out, m_onError, m_summary);
        }
    }

    QIODevice &m_out;
    const std::function<void(const QString &)> &m_onError;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::shared_ptr<Batch>> m_inFlight; // input order
    std::deque<std::shared_ptr<Batch>> m_todo;
    bool m_closed = false;
    StreamSummary m_summary;
};

} // namespace

/*!
 * Scans \a in to \a out with \a options.jobs threads. With one job everything runs on the
 * calling thread; with more, the calling thread reads and writes while the workers scan, each
 * with its own Matcher (a Matcher is not thread-safe); policies and weights are shared.
 */
Result<StreamSummary> scanStream(const detect::RulePack &pack, QIODevice &in, QIODevice &out,
                                 const QString &inputName,
                                 const std::function<void(const QString &)> &onError,
                                 const StreamOptions &options)
{
    const int jobs = std::max(1, options.jobs);
    // Each job compiles its own matcher, all at once.
    std::vector<std::future<Result<std::unique_ptr<detect::Matcher>>>> compiling;
    compiling.reserve(static_cast<std::size_t>(jobs));
    for (int j = 0; j < jobs; ++j)
        compiling.push_back(std::async(std::launch::async, [&pack] { return detect::Matcher::compile(pack); }));
    std::vector<std::unique_ptr<detect::Matcher>> matchers;
    std::optional<QString> failure;
    for (auto &future : compiling) {
        auto matcher = future.get();
        if (matcher)
            matchers.push_back(std::move(matcher).value());
        else
            failure = matcher.error();
    }
    if (failure)
        return Error{*failure};

    const auto readBatch = [&](qint64 &lineNumber) {
        auto batch = std::make_shared<Batch>();
        batch->firstLine = lineNumber + 1;
        while (static_cast<int>(batch->lines.size()) < options.batchLines && !in.atEnd()) {
            // readLine(n) reads at most n - 1 bytes.
            Line line{in.readLine(kMaxLineBytes + 2)};
            if (line.text.size() > kMaxLineBytes && !line.text.endsWith('\n')) {
                // Skip the rest of the line a chunk at a time, without holding it.
                while (!in.atEnd() && !in.readLine(1 << 16).endsWith('\n')) {
                }
                line = Line{{}, true};
            }
            batch->lines.push_back(std::move(line));
            ++lineNumber;
        }
        return batch;
    };

    // Shared by all jobs: policies and weights are read-only once loaded.
    const Judge judge(options.policies, options.fusion);
    qint64 lineNumber = 0;
    if (jobs == 1) {
        StreamSummary summary;
        while (!in.atEnd()) {
            auto batch = readBatch(lineNumber);
            scanBatch(*matchers.front(), judge, *batch, inputName, options.explain);
            deliver(*batch, out, onError, summary);
            if (auto *file = qobject_cast<QFileDevice *>(&out))
                file->flush();
        }
        return summary;
    }

    Pipeline pipeline(out, onError);
    std::vector<std::thread> workers;
    workers.reserve(static_cast<std::size_t>(jobs));
    for (int j = 0; j < jobs; ++j) {
        workers.emplace_back([&, j] {
            pipeline.work(*matchers[j], judge, inputName, options.explain);
        });
    }
    while (!in.atEnd())
        pipeline.push(readBatch(lineNumber), static_cast<std::size_t>(jobs) * 2);
    pipeline.finish();
    for (std::thread &worker : workers)
        worker.join();
    return pipeline.summary();
}

} // namespace rg::batch
