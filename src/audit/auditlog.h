// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditrecord.h"
#include "audit/auditstore.h"
#include "audit/checkpoint.h"
#include "audit/databaseurl.h"
#include "audit/signingkey.h"
#include "model/result.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <functional>
#include <memory>
#include <optional>

namespace rg::audit {

// Use me to write as this installation. Records go to the installation's chain (named after its
// signing key); a checkpoint is signed every checkpointEvery records and by endSession().
// With a PostgreSQL database and an outbox, every record is first committed to the local
// SQLite outbox, then forwarded in order; while the server is unreachable records wait there.
class AuditLog final
{
public:
    struct Options
    {
        DatabaseUrl database;
        std::optional<DatabaseUrl> outbox; // SQLite; only with a PostgreSQL database
        QString keyPath;
        int checkpointEvery = 100;
        int retrySeconds = 30; // how long an unreachable server is left alone
        std::function<QDateTime()> clock;
    };

    ~AuditLog();
    Q_DISABLE_COPY_MOVE(AuditLog)

    static Result<std::unique_ptr<AuditLog>> open(Options options);

    const QString &chainId() const { return m_chainId; }
    const DatabaseUrl &database() const { return m_options.database; }
    const SigningKey &key() const { return m_key; }

    Result<AuditRecord> append(const RecordDraft &draft);
    // Signs the chain's head now, if it has moved since the last checkpoint.
    Result<std::optional<Checkpoint>> endSession();

    // Forwards what waits in the outbox now; returns how many records went out.
    Result<qint64> sync();
    qint64 pendingCount() const { return m_pending; }

private:
    AuditLog(Options options, SigningKey key);
    Result<bool> connectRemote();
    Result<qint64> refreshPending();
    Result<qint64> forward();
    void tryForward();

    Options m_options;
    SigningKey m_key;
    QString m_chainId;
    std::unique_ptr<AuditStore> m_local; // the database itself, or the outbox in front of it
    std::unique_ptr<AuditStore> m_remote; // the PostgreSQL database behind an outbox
    qint64 m_lastCheckpointSeq = 0;
    qint64 m_pending = 0;
    QElapsedTimer m_sinceRemoteFailed;
    QString m_lastForwardError;
};

} // namespace rg::audit
