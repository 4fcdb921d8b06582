// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace rg::audit {

class SigningKey;

// Use me to pin a chain's head: the installation signs (chain, seq, head hash, time), so a
// rewritten history no longer matches, and an exported checkpoint (an anchor) betrays a cut tail.
struct Checkpoint
{
    QString chainId;
    qint64 seq = 0;
    QByteArray headHash;
    QDateTime time;
    QByteArray publicKey; // 32 raw bytes
    QByteArray signature; // 64 raw bytes

    static Checkpoint make(const SigningKey &key, const QString &chainId, qint64 seq,
                           const QByteArray &headHash, const QDateTime &time);
    static Result<Checkpoint> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    // Fails for a checkpoint read from elsewhere with a member that has no canonical form (a
    // lone surrogate in chain_id): nothing can have signed it.
    Result<QByteArray> signedBytes() const;
    bool signatureValid() const;
};

// The chain an installation writes: named after its key, so a chain cannot quietly change keys.
QString chainIdFor(const QByteArray &publicKey);

} // namespace rg::audit
