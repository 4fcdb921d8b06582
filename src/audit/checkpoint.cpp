// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/checkpoint.h"

#include "audit/auditrecord.h"
#include "audit/canonicaljson.h"
#include "audit/signingkey.h"

namespace rg::audit {

using namespace Qt::StringLiterals;

namespace {

// 2^53 - 1: the largest seq RFC 8785 canonical JSON writes as its own digits. A log would need
// millions of records a second for a million years to reach it.
constexpr qint64 kMaxExactSeq = (qint64(1) << 53) - 1;

} // namespace

Checkpoint Checkpoint::make(const SigningKey &key, const QString &chainId, qint64 seq,
                            const QByteArray &headHash, const QDateTime &time)
{
    Q_ASSERT(seq >= 1 && seq <= kMaxExactSeq);
    Checkpoint checkpoint;
    checkpoint.chainId = chainId;
    checkpoint.seq = seq;
    checkpoint.headHash = headHash;
    checkpoint.time = time.toUTC();
    checkpoint.publicKey = key.publicKey();
    const Result<QByteArray> bytes = checkpoint.signedBytes();
    // The store's chain ids (chainIdFor) are ASCII and seq is in range: this cannot fail, and
    // if it did, an empty signature verifies nothing.
    Q_ASSERT(bytes.ok());
    checkpoint.signature = bytes.ok() ? key.sign(bytes.value()) : QByteArray();
    return checkpoint;
}

/*!
 * Reads a checkpoint as toJson() writes it, from the log or from an anchor file. Errors name
 * the member; the signature itself is checked by signatureValid().
 */
Result<Checkpoint> Checkpoint::fromJson(const QJsonObject &json)
{
    Checkpoint checkpoint;
    checkpoint.chainId = json.value(u"chain_id"_s).toString();
    if (checkpoint.chainId.isEmpty())
        return Error{u"/chain_id: expected a non-empty string"_s};
    checkpoint.seq = json.value(u"seq"_s).toInteger(0);
    if (checkpoint.seq < 1 || checkpoint.seq > kMaxExactSeq)
        return Error{u"/seq: expected an integer from 1 to 2^53 - 1"_s};
    checkpoint.headHash = json.value(u"head_hash"_s).toString().toLatin1();
    if (checkpoint.headHash.size() != 64)
        return Error{u"/head_hash: expected 64 hex digits"_s};
    checkpoint.time = parseTime(json.value(u"time"_s).toString());
    if (!checkpoint.time.isValid())
        return Error{u"/time: expected an ISO 8601 UTC time"_s};
    checkpoint.publicKey = QByteArray::fromBase64(json.value(u"public_key"_s).toString().toLatin1());
    if (checkpoint.publicKey.size() != 32)
        return Error{u"/public_key: expected a base64 Ed25519 public key"_s};
    checkpoint.signature = QByteArray::fromBase64(json.value(u"signature"_s).toString().toLatin1());
    if (checkpoint.signature.size() != 64)
        return Error{u"/signature: expected a base64 Ed25519 signature"_s};
    return checkpoint;
}

QJsonObject Checkpoint::toJson() const
{
    return {
        {u"chain_id"_s, chainId},
        {u"seq"_s, seq},
        {u"head_hash"_s, QString::fromLatin1(headHash)},
        {u"time"_s, formatTime(time)},
        {u"public_key"_s, QString::fromLatin1(publicKey.toBase64())},
        {u"signature"_s, QString::fromLatin1(signature.toBase64())},
    };
}

/*!
 * What the signature covers: the canonical JSON of every member but the signature.
 */
Result<QByteArray> Checkpoint::signedBytes() const
{
    QJsonObject json = toJson();
    json.remove(u"signature"_s);
    return canonicalJson(json);
}

bool Checkpoint::signatureValid() const
{
    const Result<QByteArray> bytes = signedBytes();
    return bytes.ok() && verifySignature(publicKey, bytes.value(), signature);
}

QString chainIdFor(const QByteArray &publicKey)
{
    return u"rg-"_s + keyFingerprint(publicKey);
}

} // namespace rg::audit
