// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/auditlog.h"

#include "log/log.h"

namespace rg::audit {

using namespace Qt::StringLiterals;

namespace {

constexpr int kForwardBatch = 500;

} // namespace

AuditLog::AuditLog(Options options, SigningKey key)
    : m_options(std::move(options))
    , m_key(std::move(key))
    , m_chainId(chainIdFor(m_key.publicKey()))
{
    if (!m_options.clock)
        m_options.clock = [] { return QDateTime::currentDateTimeUtc(); };
}

AuditLog::~AuditLog() = default;

/*!
 * Loads (or creates) the installation key and opens the stores. With an outbox the PostgreSQL
 * server is not needed now: the log works offline and forwards once the server answers.
 */
Result<std::unique_ptr<AuditLog>> AuditLog::open(Options options)
{
    if (options.checkpointEvery < 1)
        return Error{u"checkpoints are needed at least every so many records (got %1)"_s.arg(
            options.checkpointEvery)};
    if (options.outbox && (!options.database.isPostgres() || options.outbox->isPostgres()))
        return Error{u"an outbox is a SQLite file in front of a PostgreSQL database"_s};
    auto key = SigningKey::loadOrCreate(options.keyPath.isEmpty() ? defaultKeyPath()
                                                                  : options.keyPath);
    if (!key)
        return Error{key.error()};
    std::unique_ptr<AuditLog> log(new AuditLog(std::move(options), std::move(key).value()));
    auto local = AuditStore::open(log->m_options.outbox ? *log->m_options.outbox
                                                        : log->m_options.database);
    if (!local)
        return Error{local.error()};
    log->m_local = std::move(local).value();
    // Where the last session signed, so a session that adds nothing signs nothing. A PostgreSQL
    // agent may not read checkpoints; it signs the head again, which the server keeps once.
    if (!log->m_local->url().isPostgres()) {
        auto signedSeq = log->m_local->lastCheckpointSeq(log->m_chainId);
        if (!signedSeq)
            return Error{signedSeq.error()};
        log->m_lastCheckpointSeq = signedSeq.value();
    }
    if (log->m_options.outbox) {
        if (auto pending = log->refreshPending(); !pending)
            return Error{pending.error()};
        // Offline is a normal state for an outbox; what did not go out waits for the next try.
        log->tryForward();
    }
    return log;
}

/*!
 * Commits \a draft to the chain and returns the sealed record. When this returns, the record
 * is durable in the local store (or on the server without an outbox); forwarding is tried
 * afterwards and never fails the append.
 */
Result<AuditRecord> AuditLog::append(const RecordDraft &draft)
{
    const auto checkpointFor = [this](const AuditRecord &record) -> std::optional<Checkpoint> {
        if (record.seq % m_options.checkpointEvery != 0)
            return std::nullopt;
        return Checkpoint::make(m_key, m_chainId, record.seq, record.hash, record.time);
    };
    auto record = m_local->append(m_chainId, draft, m_options.clock(), checkpointFor);
    if (!record)
        return Error{record.error()};
    if (record.value().seq % m_options.checkpointEvery == 0)
        m_lastCheckpointSeq = record.value().seq;
    if (m_options.outbox) {
        ++m_pending;
        tryForward();
    }
    return record;
}

Result<std::optional<Checkpoint>> AuditLog::endSession()
{
    auto head = m_local->head(m_chainId);
    if (!head)
        return Error{head.error()};
    if (head.value().seq == 0 || head.value().seq == m_lastCheckpointSeq)
        return std::optional<Checkpoint>();
    const Checkpoint checkpoint = Checkpoint::make(m_key, m_chainId, head.value().seq,
                                                   head.value().hash, m_options.clock());
    if (auto added = m_local->addCheckpoint(checkpoint); !added)
        return Error{added.error()};
    m_lastCheckpointSeq = checkpoint.seq;
    if (m_options.outbox)
        tryForward();
    return std::optional<Checkpoint>(checkpoint);
}

Result<qint64> AuditLog::refreshPending()
{
    auto forwarded = m_local->forwardedSeq(m_chainId);
    if (!forwarded)
        return Error{forwarded.error()};
    auto head = m_local->head(m_chainId);
    if (!head)
        return Error{head.error()};
    m_pending = head.value().seq - forwarded.value();
    return m_pending;
}

Result<bool> AuditLog::connectRemote()
{
    if (m_remote)
        return true;
    if (m_sinceRemoteFailed.isValid()
        && m_sinceRemoteFailed.elapsed() < qint64(m_options.retrySeconds) * 1000) {
        return Error{m_options.database.display() + u": unreachable; retrying in %1 s"_s.arg(
            (qint64(m_options.retrySeconds) * 1000 - m_sinceRemoteFailed.elapsed()) / 1000 + 1)};
    }
    auto remote = AuditStore::open(m_options.database);
    if (!remote) {
        m_sinceRemoteFailed.start();
        return Error{remote.error()};
    }
    m_remote = std::move(remote).value();
    m_sinceRemoteFailed.invalidate();
    return true;
}

/*!
 * Forwards the outbox to the server in seq order, a batch per transaction, then the checkpoints
 * the server does not have yet. The server's head decides where to resume, so a batch that went
 * out just before a crash is never sent twice; a server that holds a different record at that
 * seq is a fork and stops forwarding. Unlike the attempts after each append, this one does not
 * wait out the pause after a failure.
 */
Result<qint64> AuditLog::sync()
{
    m_sinceRemoteFailed.invalidate();
    return forward();
}

// Forwards what it can and logs a failure once, not after every append while the server is down.
void AuditLog::tryForward()
{
    auto sent = forward();
    const QString error = sent ? QString() : sent.error();
    if (error != m_lastForwardError && !error.isEmpty()) {
        rg::log::get("audit")->warn("not forwarded to {} ({} pending): {}",
                                    m_options.database.display().toStdString(), m_pending,
                                    error.toStdString());
    } else if (m_lastForwardError.size() > 0 && error.isEmpty()) {
        rg::log::get("audit")->info("forwarding to {} works again",
                                    m_options.database.display().toStdString());
    }
    m_lastForwardError = error;
}

Result<qint64> AuditLog::forward()
{
    if (!m_options.outbox)
        return 0;
    if (auto connected = connectRemote(); !connected)
        return Error{connected.error()};
    const auto dropRemote = [this](const QString &error) -> Result<qint64> {
        m_remote.reset();
        m_sinceRemoteFailed.start();
        return Error{error};
    };
    qint64 sent = 0;
    qint64 forwarded = 0;
    for (int conflicts = 0;;) {
        auto remoteHead = m_remote->head(m_chainId);
        if (!remoteHead)
            return dropRemote(remoteHead.error());
        const qint64 from = remoteHead.value().seq;
        auto batch = m_local->records(m_chainId, from > 0 ? from - 1 : 0, kForwardBatch + 1);
        if (!batch)
            return Error{batch.error()};
        QList<StoredRecord> records = batch.value();
        if (from > 0) {
            if (records.isEmpty() || records.first().seq != from
                || records.first().hash != remoteHead.value().hash) {
                return Error{u"chain %1 forked: the server holds a different record at seq %2 "
                             "than the outbox"_s.arg(m_chainId)
                                 .arg(from)};
            }
            records.removeFirst();
        }
        if (records.isEmpty()) {
            forwarded = from;
            break;
        }
        if (auto inserted = m_remote->insert(records, {}); !inserted) {
            // Another forwarder of this chain may have got there first: look again, once.
            if (++conflicts > 1)
                return dropRemote(inserted.error());
            continue;
        }
        conflicts = 0;
        sent += records.size();
    }
    // The server's head is the truth: it may hold more than the outbox noted.
    if (auto noted = m_local->setForwardedSeq(m_chainId, forwarded); !noted)
        return Error{noted.error()};
    // Checkpoints up to the forwarded head, the session's closing one included; sending one
    // twice is harmless (the server keeps the first).
    auto checkpointsFrom = m_local->forwardedSeq(m_chainId, AuditStore::Forwarded::Checkpoints);
    if (!checkpointsFrom)
        return Error{checkpointsFrom.error()};
    auto checkpoints = m_local->checkpoints(m_chainId, checkpointsFrom.value(), forwarded);
    if (!checkpoints)
        return Error{checkpoints.error()};
    if (!checkpoints.value().isEmpty()) {
        if (auto inserted = m_remote->insert({}, checkpoints.value()); !inserted)
            return dropRemote(inserted.error());
        if (auto noted = m_local->setForwardedSeq(m_chainId, checkpoints.value().last().seq,
                                                  AuditStore::Forwarded::Checkpoints);
            !noted) {
            return Error{noted.error()};
        }
    }
    if (auto pending = refreshPending(); !pending)
        return Error{pending.error()};
    if (sent > 0) {
        rg::log::get("audit")->debug("forwarded {} records of chain {} to {}", sent,
                                    m_chainId.toStdString(),
                                    m_options.database.display().toStdString());
    }
    return sent;
}

} // namespace rg::audit
