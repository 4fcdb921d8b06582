// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/verifier.h"

#include "audit/auditrecord.h"
#include "audit/auditstore.h"
#include "audit/signingkey.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>

namespace rg::audit {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kProgressEvery = 65536;

// A head hash the chain must reach: from a checkpoint in the log or an anchor kept outside it.
struct Expectation
{
    QByteArray hash;
    QString source; // "the checkpoint" or "the anchor"
};

using Expectations = QHash<QString, QMap<qint64, Expectation>>;

class ChainVerifier final
{
public:
    ChainVerifier(VerifyReport &report, Expectations expectations, QSet<QString> trustedChains)
        : m_report(report)
        , m_expectations(std::move(expectations))
        , m_trustedChains(std::move(trustedChains))
    {}

    // Takes up a chain where another verifier left it, at \a record, without checking it.
    void resumeAfter(const StoredRecord &record)
    {
        m_chain = record.chainId;
        m_lastSeq = record.seq;
        m_prevHash = record.hash;
        m_chainExpectations = m_expectations.value(m_chain);
    }

    void visit(const StoredRecord &record)
    {
        if (record.chainId != m_chain)
            startChain(record);
        if (record.seq < 1) {
            problem(record.seq, u"seq %1 is not a valid seq (row inserted)"_s.arg(record.seq));
            return;
        }
        if (record.seq <= m_lastSeq) {
            problem(record.seq, record.seq == m_lastSeq
                                    ? u"duplicate: a second record claims seq %1"_s.arg(record.seq)
                                    : u"out of order"_s);
            return;
        }
        if (record.seq > m_lastSeq + 1) {
            problem(m_lastSeq + 1, m_lastSeq + 1 == record.seq - 1
                                       ? u"seq %1 is missing (deleted)"_s.arg(m_lastSeq + 1)
                                       : u"seqs %1-%2 are missing (deleted)"_s.arg(m_lastSeq + 1)
                                             .arg(record.seq - 1));
        } else if (!chainHashMatches(m_prevHash, record.body, record.hash)) {
            problem(record.seq, explainMismatch(record));
        }
        if (const auto expected = m_chainExpectations.constFind(record.seq);
            expected != m_chainExpectations.cend() && expected->hash != record.hash) {
            problem(record.seq, u"hash differs from %1 signed for seq %2 (history rewritten)"_s.arg(
                                    expected->source)
                                    .arg(record.seq));
        }
        m_lastSeq = record.seq;
        m_prevHash = record.hash;
    }

    // Ends the last chain of the range; a range that stops mid-chain leaves that to the next.
    void finish(bool chainEndsHere)
    {
        if (!m_chain.isEmpty() && chainEndsHere)
            finishChain();
    }

    const QSet<QString> &seen() const { return m_seen; }

private:
    void startChain(const StoredRecord &record)
    {
        if (!m_chain.isEmpty())
            finishChain();
        m_chain = record.chainId;
        m_seen.insert(m_chain);
        ++m_report.chains;
        m_lastSeq = 0;
        m_prevHash = genesisHash();
        m_chainExpectations = m_expectations.value(m_chain);
        // With trusted keys, a chain must belong to one of them: an insider cannot slip in a
        // chain of their own, signed or not.
        if (!m_trustedChains.isEmpty() && !m_trustedChains.contains(m_chain))
            problem(record.seq, u"chain is not named after any trusted key"_s);
        // The chain's name is in every hashed body; a renamed chain is caught on its first row.
        const QJsonObject first = QJsonDocument::fromJson(record.body).object();
        if (first.value(u"chain_id"_s).toString() != m_chain) {
            problem(record.seq, u"record belongs to chain %1, not %2 (chain renamed)"_s.arg(
                                    first.value(u"chain_id"_s).toString(), m_chain));
        }
    }

    void finishChain()
    {
        if (m_chainExpectations.isEmpty() || m_chainExpectations.lastKey() <= m_lastSeq)
            return;
        const qint64 reached = m_chainExpectations.lastKey();
        problem(m_lastSeq + 1, u"truncated: the chain ends at seq %1 but %2 signed seq %3"_s
                                   .arg(m_lastSeq)
                                   .arg(m_chainExpectations.last().source)
                                   .arg(reached));
    }

    // Says how a hash failed, which needs the body parsed: only done for records that fail.
    QString explainMismatch(const StoredRecord &record) const
    {
        const QJsonDocument document = QJsonDocument::fromJson(record.body);
        if (!document.isObject())
            return u"record body is not valid JSON (edited)"_s;
        const QJsonObject body = document.object();
        const qint64 bodySeq = body.value(u"seq"_s).toInteger(-1);
        if (bodySeq != record.seq) {
            return u"row seq %1 holds the record of seq %2 (rows reordered or renumbered)"_s
                .arg(record.seq)
                .arg(bodySeq);
        }
        if (body.value(u"prev_hash"_s).toString().toLatin1() != m_prevHash) {
            return u"does not link to seq %1 (a record before it was replaced or inserted)"_s.arg(
                record.seq - 1);
        }
        if (record.hash.size() != 64)
            return u"stored hash is malformed (edited)"_s;
        return u"hash does not match the record (content or hash edited)"_s;
    }

    void problem(qint64 seq, const QString &what)
    {
        m_report.problems.append({m_chain, seq, what});
    }

    VerifyReport &m_report;
    Expectations m_expectations;
    QSet<QString> m_trustedChains;
    QMap<qint64, Expectation> m_chainExpectations;
    QSet<QString> m_seen;
    QString m_chain;
    qint64 m_lastSeq = 0;
    QByteArray m_prevHash;
};

// Checks one checkpoint's own integrity; returns what is wrong, or an empty string.
QString checkpointProblem(const Checkpoint &checkpoint, const VerifyOptions &options)
{
    if (!checkpoint.signatureValid())
        return u"signature does not verify (checkpoint altered or forged)"_s;
    if (chainIdFor(checkpoint.publicKey) != checkpoint.chainId)
        return u"signed by key %1, not the chain's own key"_s.arg(
            keyFingerprint(checkpoint.publicKey));
    if (!options.trustedKeys.isEmpty() && !options.trustedKeys.contains(checkpoint.publicKey))
        return u"signed by key %1, which is not among the trusted keys"_s.arg(
            keyFingerprint(checkpoint.publicKey));
    return {};
}

// Verifies the rows of \a range. A range that does not start at the beginning starts at the
// key of the row before its first (\a range.fromRow): the rows with that key, checked by the
// range before, only hand over the chain.
bool isCancelled(const VerifyOptions &options)
{
    return options.cancel && options.cancel->load(std::memory_order_relaxed);
}

Result<bool> verifyRange(AuditStore &store, ChainVerifier &verifier,
                         const AuditStore::ScanRange &range, std::atomic<qint64> &done,
                         const VerifyOptions &options)
{
    qint64 records = 0;
    bool resuming = range.fromRow.has_value();
    auto scanned = store.scan(range, [&](const StoredRecord &record) {
        if (resuming && record.chainId == range.fromRow->chainId
            && record.seq == range.fromRow->seq) {
            verifier.resumeAfter(record);
            return true;
        }
        resuming = false;
        verifier.visit(record);
        if (++records % 4096 == 0)
            done.fetch_add(4096, std::memory_order_relaxed);
        return records % 4096 != 0 || !isCancelled(options);
    });
    done.fetch_add(records % 4096, std::memory_order_relaxed);
    return scanned;
}

} // namespace

/*!
 * Walks every chain of \a store in seq order (a large store in two halves on two cores). Each
 * record's hash is recomputed from the stored hash of the record before it, so an edit, a deletion, a swap or an insertion breaks the link
 * at the first seq it touches; checkpoints and anchors then pin the heads, which catches a
 * rewritten history and a cut tail. Problems are reported with chain and seq; the result is an
 * error only when the store cannot be read.
 */
Result<VerifyReport> verifyStore(AuditStore &store, const VerifyOptions &options)
{
    VerifyReport report;
    Expectations expectations;

    auto stored = store.checkpoints();
    if (!stored)
        return Error{stored.error()};
    for (const StoredCheckpoint &row : std::as_const(stored.value())) {
        ++report.checkpoints;
        const QJsonDocument document = QJsonDocument::fromJson(row.body);
        auto checkpoint = Checkpoint::fromJson(document.object());
        QString what;
        if (!checkpoint)
            what = u"checkpoint is unreadable: "_s + checkpoint.error();
        else if (checkpoint.value().chainId != row.chainId || checkpoint.value().seq != row.seq)
            what = u"checkpoint row seq %1 holds the checkpoint of %2 seq %3"_s.arg(row.seq)
                       .arg(checkpoint.value().chainId)
                       .arg(checkpoint.value().seq);
        else
            what = checkpointProblem(checkpoint.value(), options);
        if (!what.isEmpty()) {
            report.problems.append({row.chainId, row.seq, u"checkpoint: "_s + what});
            continue;
        }
        expectations[row.chainId].insert(row.seq, {checkpoint.value().headHash, u"the checkpoint"_s});
    }
    for (const Checkpoint &anchor : options.anchors) {
        ++report.anchors;
        if (const QString what = checkpointProblem(anchor, options); !what.isEmpty()) {
            report.problems.append({anchor.chainId, anchor.seq, u"anchor: "_s + what});
            continue;
        }
        expectations[anchor.chainId].insert(anchor.seq, {anchor.headHash, u"the anchor"_s});
    }

    const Expectations goneCheck = expectations;
    QSet<QString> trustedChains;
    for (const QByteArray &key : options.trustedKeys)
        trustedChains.insert(chainIdFor(key));
    auto total = store.recordCount();
    if (!total)
        return Error{total.error()};
    // Two key ranges on two cores: each record is checked against the stored hash of the one
    // before it, so the second range needs only the row before its first to take over.
    std::atomic<qint64> done{0};
    std::optional<AuditStore::RowKey> split;
    std::optional<AuditStore::RowKey> resumeRow;
    // The second half opens its own connection, which for an in-memory database would be
    // another, empty one.
    const bool inMemory = !store.url().isPostgres() && store.url().path == u":memory:"_s;
    if (total.value() >= std::max<qint64>(options.parallelFrom, 2)
        && QThread::idealThreadCount() > 1 && !inMemory) {
        auto middle = store.rowAt(total.value() / 2);
        auto before = store.rowAt(total.value() / 2 - 1);
        if (!middle || !before)
            return Error{middle ? before.error() : middle.error()};
        // Rows sharing a key (a duplicate, which only tampering makes) cannot be split between
        // ranges by key: then one thread does it all.
        if (middle.value() && before.value()
            && (middle.value()->chainId != before.value()->chainId
                || middle.value()->seq != before.value()->seq)) {
            split = middle.value();
            resumeRow = before.value();
        }
    }
    VerifyReport secondReport;
    ChainVerifier second(secondReport, expectations, trustedChains);
    std::future<Result<bool>> secondDone;
    if (split && resumeRow) {
        AuditStore::ScanRange range;
        range.fromRow = resumeRow;
        secondDone = std::async(std::launch::async, [&, range]() -> Result<bool> {
            auto own = AuditStore::open(store.url());
            if (!own)
                return Error{own.error()};
            auto verified = verifyRange(*own.value(), second, range, done, options);
            second.finish(true);
            return verified;
        });
    }
    ChainVerifier first(report, std::move(expectations), trustedChains);
    AuditStore::ScanRange range;
    range.untilRow = split;
    qint64 lastReported = 0;
    const auto reportProgress = [&] {
        const qint64 now = done.load(std::memory_order_relaxed);
        if (options.progress && now - lastReported >= kProgressEvery) {
            lastReported = now;
            options.progress(now, total.value());
        }
    };
    auto scanned = store.scan(range, [&](const StoredRecord &record) {
        first.visit(record);
        if (++report.records % 4096 == 0) {
            done.fetch_add(4096, std::memory_order_relaxed);
            reportProgress();
            return !isCancelled(options);
        }
        return true;
    });
    done.fetch_add(report.records % 4096, std::memory_order_relaxed);
    first.finish(!split);
    if (secondDone.valid()) {
        while (secondDone.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready)
            reportProgress();
        if (auto verified = secondDone.get(); !verified)
            return Error{verified.error()};
    }
    if (!scanned)
        return Error{scanned.error()};
    if (isCancelled(options))
        return Error{u"verification cancelled"_s};
    report.records = done.load();
    report.chains += secondReport.chains;
    report.problems += secondReport.problems;
    if (options.progress)
        options.progress(report.records, total.value());
    // Chains that checkpoints or anchors know of but the log no longer holds at all.
    const QSet<QString> seen = first.seen() + second.seen();
    for (auto it = goneCheck.cbegin(); it != goneCheck.cend(); ++it) {
        if (seen.contains(it.key()) || it.value().isEmpty())
            continue;
        report.problems.append({it.key(), 1,
                                u"chain is gone: %1 signed seq %2, the log holds no record of it"_s
                                    .arg(it.value().last().source)
                                    .arg(it.value().lastKey())});
    }
    std::stable_sort(report.problems.begin(), report.problems.end(),
                     [](const VerifyProblem &a, const VerifyProblem &b) {
                         return a.chainId != b.chainId ? a.chainId < b.chainId : a.seq < b.seq;
                     });
    return report;
}

} // namespace rg::audit
