// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/auditrecord.h"

#include "audit/canonicaljson.h"
#include "audit/redaction.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <openssl/evp.h>

#include <array>
#include <cstring>

namespace rg::audit {

using namespace Qt::StringLiterals;

namespace {

struct KindSpelling
{
    RecordKind kind;
    QStringView name;
};

constexpr std::array kKinds = {
    KindSpelling{RecordKind::Override, u"override"},
    KindSpelling{RecordKind::Disposition, u"disposition"},
    KindSpelling{RecordKind::Escalation, u"escalation"},
    KindSpelling{RecordKind::SessionStart, u"session_start"},
    KindSpelling{RecordKind::SessionEnd, u"session_end"},
    KindSpelling{RecordKind::Verdict, u"verdict"},
};

QString kindList()
{
    QStringList names;
    for (const KindSpelling &spelling : kKinds)
        names.append(spelling.name.toString());
    return names.join(u", "_s);
}

constexpr qsizetype kMaxCaseIdLength = 256;

bool isSessionKind(RecordKind kind)
{
    return kind == RecordKind::SessionStart || kind == RecordKind::SessionEnd;
}

// One digest context per thread, reused: fetching the algorithm for every record would cost
// more than hashing a few hundred bytes.
struct DigestContext
{
    DigestContext()
        : md(EVP_MD_fetch(nullptr, "SHA256", nullptr))
        , ctx(EVP_MD_CTX_new())
    {}
    ~DigestContext()
    {
        EVP_MD_CTX_free(ctx);
        EVP_MD_free(md);
    }
    DigestContext(const DigestContext &) = delete;
    DigestContext &operator=(const DigestContext &) = delete;

    EVP_MD *md;
    EVP_MD_CTX *ctx;
};

Result<QJsonObject> checkActor(const QJsonValue &value)
{
    if (!value.isObject())
        return Error{u"/actor: expected an object with id and role"_s};
    const QJsonObject actor = value.toObject();
    for (const QString &field : {u"id"_s, u"role"_s}) {
        if (!actor.value(field).isString() || actor.value(field).toString().isEmpty())
            return Error{u"/actor/%1: expected a non-empty string"_s.arg(field)};
    }
    for (auto it = actor.begin(); it != actor.end(); ++it) {
        if (!it.value().isString())
            return Error{u"/actor/%1: expected a string"_s.arg(it.key())};
    }
    return actor;
}

} // namespace

QString kindName(RecordKind kind)
{
    for (const KindSpelling &spelling : kKinds) {
        if (spelling.kind == kind)
            return spelling.name.toString();
    }
    return {};
}

std::optional<RecordKind> kindFromName(const QString &name)
{
    for (const KindSpelling &spelling : kKinds) {
        if (spelling.name == name)
            return spelling.kind;
    }
    return std::nullopt;
}

/*!
 * Reads what a tool asks to append. seq, time, chain and hashes belong to the log, so a line
 * that brings its own is refused rather than silently overridden; so is any unknown member.
 * Errors start with the JSON pointer of the offending member.
 */
Result<RecordDraft> RecordDraft::fromJson(const QJsonObject &json)
{
    static const QStringList assigned = {u"seq"_s, u"time"_s, u"chain_id"_s, u"prev_hash"_s,
                                         u"hash"_s};
    static const QStringList known = {u"kind"_s, u"actor"_s, u"case_id"_s, u"payload"_s};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (assigned.contains(it.key()))
            return Error{u"/%1: assigned by the log; leave it out"_s.arg(it.key())};
        if (!known.contains(it.key()))
            return Error{u"/%1: unknown member (expected %2)"_s.arg(it.key(), known.join(u", "_s))};
    }
    RecordDraft draft;
    const auto kind = kindFromName(json.value(u"kind"_s).toString());
    if (!kind)
        return Error{u"/kind: expected one of %1"_s.arg(kindList())};
    draft.kind = *kind;
    auto actor = checkActor(json.value(u"actor"_s));
    if (!actor)
        return Error{actor.error()};
    draft.actor = actor.value();
    const QJsonValue caseId = json.value(u"case_id"_s);
    if (!caseId.isUndefined() && !caseId.isString())
        return Error{u"/case_id: expected a string"_s};
    draft.caseId = caseId.toString();
    if (draft.caseId.size() > kMaxCaseIdLength)
        return Error{u"/case_id: longer than %1 characters"_s.arg(kMaxCaseIdLength)};
    if (draft.caseId.isEmpty() && !isSessionKind(draft.kind))
        return Error{u"/case_id: required for a %1 record"_s.arg(kindName(draft.kind))};
    const QJsonValue payload = json.value(u"payload"_s);
    if (!payload.isUndefined() && !payload.isObject())
        return Error{u"/payload: expected an object"_s};
    draft.payload = payload.toObject();
    if (draft.kind == RecordKind::Disposition
        && !draft.payload.value(u"override_seq"_s).isDouble()) {
        return Error{u"/payload/override_seq: a disposition names the override's seq"_s};
    }
    return draft;
}

QJsonObject AuditRecord::toJson() const
{
    QJsonObject json{
        {u"chain_id"_s, chainId},
        {u"seq"_s, seq},
        {u"time"_s, formatTime(time)},
        {u"kind"_s, kindName(kind)},
        {u"actor"_s, actor},
        {u"payload"_s, payload},
        {u"prev_hash"_s, QString::fromLatin1(prevHash)},
    };
    if (!caseId.isEmpty())
        json.insert(u"case_id"_s, caseId);
    if (!hash.isEmpty())
        json.insert(u"hash"_s, QString::fromLatin1(hash));
    return json;
}

Result<QByteArray> AuditRecord::body() const
{
    QJsonObject json = toJson();
    json.remove(u"hash"_s);
    return canonicalJson(json);
}

/*!
 * Reads a record back from the bytes that were hashed. The hash is not checked here; that is
 * the verifier's job, which also knows the previous record.
 */
Result<AuditRecord> AuditRecord::fromStored(const QByteArray &body, const QByteArray &hash)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error{u"body is not a JSON object: "_s + parseError.errorString()};
    const QJsonObject json = document.object();
    AuditRecord record;
    record.chainId = json.value(u"chain_id"_s).toString();
    record.seq = json.value(u"seq"_s).toInteger(-1);
    record.time = parseTime(json.value(u"time"_s).toString());
    const auto kind = kindFromName(json.value(u"kind"_s).toString());
    if (record.chainId.isEmpty() || record.seq < 1 || !record.time.isValid() || !kind)
        return Error{u"body lacks a valid chain_id, seq, time or kind"_s};
    record.kind = *kind;
    record.actor = json.value(u"actor"_s).toObject();
    record.caseId = json.value(u"case_id"_s).toString();
    record.payload = json.value(u"payload"_s).toObject();
    record.prevHash = json.value(u"prev_hash"_s).toString().toLatin1();
    record.hash = hash;
    return record;
}

QByteArray genesisHash()
{
    return QByteArray(64, '0');
}

namespace {

// SHA-256 over prevHash || body, in lowercase hex, written to \a hex (64 characters).
void chainDigestHex(const QByteArray &prevHash, const QByteArray &body, char *hex)
{
    thread_local DigestContext digest;
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestInit_ex(digest.ctx, digest.md, nullptr);
    EVP_DigestUpdate(digest.ctx, prevHash.constData(), size_t(prevHash.size()));
    EVP_DigestUpdate(digest.ctx, body.constData(), size_t(body.size()));
    EVP_DigestFinal_ex(digest.ctx, out, &length);
    static constexpr char kDigits[] = "0123456789abcdef";
    for (unsigned int i = 0; i < length; ++i) {
        hex[2 * i] = kDigits[out[i] >> 4];
        hex[2 * i + 1] = kDigits[out[i] & 0xf];
    }
}

constexpr int kHexLength = 64;

} // namespace

/*!
 * hex SHA-256 over the previous record's hash (its 64 hex digits) followed by \a body.
 */
QByteArray chainHash(const QByteArray &prevHash, const QByteArray &body)
{
    QByteArray hex(kHexLength, Qt::Uninitialized);
    chainDigestHex(prevHash, body, hex.data());
    return hex;
}

/*!
 * Whether chainHash(\a prevHash, \a body) is \a expected, without allocating: the verifier
 * asks this a million times for a million records.
 */
bool chainHashMatches(const QByteArray &prevHash, const QByteArray &body, const QByteArray &expected)
{
    char hex[kHexLength];
    chainDigestHex(prevHash, body, hex);
    return expected.size() == kHexLength && std::memcmp(hex, expected.constData(), kHexLength) == 0;
}

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

QDateTime parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

/*!
 * The next record of \a chainId: evidence and reasons are redacted before anything is hashed,
 * so personal data never reaches the log.
 */
Result<AuditRecord> sealRecord(const RecordDraft &draft, const QString &chainId, qint64 seq,
                               const QByteArray &prevHash, const QDateTime &time)
{
    AuditRecord record;
    record.chainId = chainId;
    record.seq = seq;
    record.time = time.toUTC();
    record.kind = draft.kind;
    record.actor = draft.actor;
    record.caseId = draft.caseId;
    record.payload = redactJson(draft.payload).toObject();
    record.prevHash = prevHash;
    auto body = record.body();
    if (!body)
        return Error{body.error()};
    record.hash = chainHash(prevHash, body.value());
    return record;
}

} // namespace rg::audit
