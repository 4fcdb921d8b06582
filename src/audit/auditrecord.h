// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace rg::audit {

enum class RecordKind { Override, Disposition, Escalation, SessionStart, SessionEnd, Verdict };

QString kindName(RecordKind kind);
std::optional<RecordKind> kindFromName(const QString &name);

// Use me to ask the log for a record: the log assigns chain, seq, time and hashes.
struct RecordDraft
{
    RecordKind kind = RecordKind::Override;
    QJsonObject actor; // id and role required, team optional
    QString caseId;    // empty for session records
    QJsonObject payload;

    static Result<RecordDraft> fromJson(const QJsonObject &json);
};

// One record as the chain holds it. body is the canonical JSON (RFC 8785) of everything but the
// hash; hash = hex SHA-256(prev hash || body).
struct AuditRecord
{
    QString chainId;
    qint64 seq = 0;
    QDateTime time; // UTC, millisecond precision
    RecordKind kind = RecordKind::Override;
    QJsonObject actor;
    QString caseId;
    QJsonObject payload;
    QByteArray prevHash; // 64 lowercase hex digits
    QByteArray hash;

    QJsonObject toJson() const; // with the hash
    Result<QByteArray> body() const;
    static Result<AuditRecord> fromStored(const QByteArray &body, const QByteArray &hash);
};

// The row a store keeps: the bytes that were hashed, and the hash.
struct StoredRecord
{
    QString chainId;
    qint64 seq = 0;
    QByteArray body;
    QByteArray hash;
};

// prev hash of a chain's first record.
QByteArray genesisHash();
QByteArray chainHash(const QByteArray &prevHash, const QByteArray &body);
bool chainHashMatches(const QByteArray &prevHash, const QByteArray &body, const QByteArray &expected);
QString formatTime(const QDateTime &time);
QDateTime parseTime(const QString &text);

// Builds the next record of a chain from a draft: links it to the head and hashes it.
Result<AuditRecord> sealRecord(const RecordDraft &draft, const QString &chainId, qint64 seq,
                               const QByteArray &prevHash, const QDateTime &time);

} // namespace rg::audit
