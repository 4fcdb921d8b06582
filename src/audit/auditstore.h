// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditrecord.h"
#include "audit/checkpoint.h"
#include "audit/databaseurl.h"
#include "model/result.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace rg::audit {

// A checkpoint row as stored: the verifier parses and checks it.
struct StoredCheckpoint
{
    QString chainId;
    qint64 seq = 0;
    QByteArray body;
};

// Use me to keep audit chains in SQLite or PostgreSQL. Records and checkpoints are only ever
// inserted; the schema's triggers (and, on PostgreSQL, the roles) refuse updates and deletes.
// One store is one connection: use it on the thread that opened it, one store per thread.
class AuditStore final
{
public:
    static constexpr int kSchemaVersion = 4;

    struct Head
    {
        qint64 seq = 0;
        QByteArray hash = genesisHash();
    };

    // A row's place in scan order.
    struct RowKey
    {
        QString chainId;
        qint64 seq = 0;
    };

    struct ScanRange
    {
        QString chainId; // empty: every chain
        qint64 afterSeq = 0;
        QDateTime from; // inclusive; invalid: unbounded
        QDateTime to;   // exclusive
        std::optional<RowKey> fromRow;  // inclusive
        std::optional<RowKey> untilRow; // exclusive
    };

    ~AuditStore();
    Q_DISABLE_COPY_MOVE(AuditStore)

    // Opens the database and brings its schema up to date (creating it when new).
    static Result<std::unique_ptr<AuditStore>> open(const DatabaseUrl &url);

    const DatabaseUrl &url() const { return m_url; }
    QSqlDatabase database() const;

    Result<Head> head(const QString &chainId);
    // Asked for each sealed record: a checkpoint to store with it, or none.
    using CheckpointFor = std::function<std::optional<Checkpoint>(const AuditRecord &)>;

    // Seals and inserts the draft as the chain's next record, with the checkpoint \a
    // checkpointFor makes for it, in one transaction.
    Result<AuditRecord> append(const QString &chainId, const RecordDraft &draft,
                               const QDateTime &now, const CheckpointFor &checkpointFor = {});
    // Inserts records sealed elsewhere (the outbox) and their checkpoints, as they are, in one
    // transaction.
    Result<bool> insert(const QList<StoredRecord> &records, const QList<StoredCheckpoint> &checkpoints);
    // A checkpoint already stored for the same chain and seq is kept.
    Result<bool> addCheckpoint(const Checkpoint &checkpoint);
    // How far the outbox has forwarded a chain's records or checkpoints (kept beside the
    // records, not in the chain).
    enum class Forwarded { Records, Checkpoints };
    Result<qint64> forwardedSeq(const QString &chainId, Forwarded what = Forwarded::Records);
    Result<bool> setForwardedSeq(const QString &chainId, qint64 seq,
                                 Forwarded what = Forwarded::Records);
    // The seq of the chain's newest checkpoint, 0 when it has none.
    Result<qint64> lastCheckpointSeq(const QString &chainId);

    Result<QList<StoredRecord>> records(const QString &chainId, qint64 afterSeq, int limit);
    // Streams records ordered by chain and seq; \a visit returns false to stop early.
    Result<bool> scan(const ScanRange &range,
                      const std::function<bool(const StoredRecord &)> &visit);
    // Every checkpoint, or those of one chain with afterSeq < seq <= uptoSeq.
    Result<QList<StoredCheckpoint>> checkpoints(const QString &chainId = {}, qint64 afterSeq = 0,
                                                qint64 uptoSeq = 0);
    Result<qint64> recordCount();
    // The row at \a offset in scan order (chain, then seq), if there is one.
    Result<std::optional<RowKey>> rowAt(qint64 offset);
    Result<int> schemaVersion();

private:
    AuditStore(DatabaseUrl url, QString connectionName, const QSqlDatabase &db);
    Result<bool> migrate();
    Result<bool> exec(const QString &sql);
    Result<bool> insertCheckpoint(const QString &chainId, qint64 seq, const QByteArray &body);
    Result<bool> claimChain(const QString &chainId);

    DatabaseUrl m_url;
    QString m_connectionName;
    QSqlDatabase m_db;
    QSet<QString> m_claimedChains;
};

} // namespace rg::audit
