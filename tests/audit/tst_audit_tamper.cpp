// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/auditlog.h"
#include "audit/auditrecord.h"
#include "audit/auditstore.h"
#include "audit/canonicaljson.h"
#include "audit/checkpoint.h"
#include "audit/databaseurl.h"
#include "audit/signingkey.h"
#include "audit/verifier.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <functional>
#include <numeric>
#include <optional>

using namespace Qt::StringLiterals;
using namespace rg;

namespace {

constexpr int kCheckpointEvery = 25;
// Chain A ends on a checkpoint seq, so its session end signs nothing new; chain B ends between
// two, so its session end signs seq 118.
constexpr std::array<qint64, 2> kChainLengths = {125, 118};
// Each round tampers once with every kind, in a shuffled order: 112 rounds are 1008 mutations.
constexpr int kRounds = 112;
constexpr quint32 kDefaultSeed = 20260417;
const QDateTime kStart(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
// Moves rows out of the way while renumbering; far above any seq the base log holds.
constexpr qint64 kParkedSeq = 1000000;

enum class Tamper {
    EditBody,
    EditHash,
    DeleteRows,
    SwapRows,
    ForgeRecord,
    TruncateTail,
    AlterCheckpoint,
    RewriteHistory,
    DuplicateRow,
};
constexpr int kTamperKinds = 9;

// The edits up to Whitespace leave valid JSON that means something else (or, for Whitespace,
// the same thing in other bytes); the ones from DropBrace on leave no JSON at all.
enum class BodyEdit {
    ReasonChar,
    AmountDigit,
    KindName,
    ActorId,
    CaseId,
    TimeDigit,
    Whitespace,
    SeqNumber,
    PrevHash,
    DropBrace,
    StrayQuote,
    HalfBody,
    Empty,
};
// What a history rewrite changes: content only, so that the rewritten chain is consistent.
constexpr int kContentEdits = 7;
enum class HashEdit { FlipDigit, UpperCase, Empty, Replay, Random, DropChar };
enum class DeleteHow { One, Run };
enum class SwapHow { Rows, SeqNumbers, BodiesOnly };
enum class ForgeHow { Shifted, AppendWrongHash, AppendPastGap };
enum class TruncateHow { RecordsOnly, WithCheckpoints };
enum class CheckpointEdit {
    SignatureBit,
    SignatureChar,
    HeadHash,
    BodySeq,
    Time,
    StrangerKey,
    OtherChainKey,
    OtherChainCheckpoint,
    ForgedExtra,
};
enum class RewriteHow { KeepCheckpoints, DropCheckpoints };
enum class DuplicateHow { Exact, Altered };

const std::array<QStringList, kTamperKinds> kVariantNames = {
    QStringList{u"reason char"_s, u"amount digit"_s, u"kind"_s, u"actor id"_s, u"case id"_s,
                u"time digit"_s, u"whitespace"_s, u"seq in body"_s, u"prev_hash in body"_s,
                u"closing brace dropped"_s, u"stray quote"_s, u"cut in half"_s, u"emptied"_s},
    QStringList{u"hex digit flipped"_s, u"upper case"_s, u"emptied"_s,
                u"neighbour's hash replayed"_s, u"random"_s, u"last char dropped"_s},
    QStringList{u"one row"_s, u"a run of rows"_s},
    QStringList{u"body and hash"_s, u"seq numbers"_s, u"bodies only"_s},
    QStringList{u"shifted in"_s, u"appended with a wrong hash"_s, u"appended past a gap"_s},
    QStringList{u"records only"_s, u"with their checkpoints"_s},
    QStringList{u"signature bit"_s, u"signature char"_s, u"head_hash"_s, u"seq in body"_s,
                u"time"_s, u"re-signed by a stranger"_s, u"re-signed by the other chain"_s,
                u"the other chain's checkpoint"_s, u"forged extra checkpoint"_s},
    QStringList{u"checkpoints kept"_s, u"checkpoints from there dropped"_s},
    QStringList{u"exact copy"_s, u"altered copy"_s},
};

// One attack on a copy of the base log: everything needed to replay it and to know the answer.
struct Mutation
{
    Tamper kind = Tamper::EditBody;
    int chain = 0;    // index into the base log's chains: 0 is A, 1 is B
    qint64 seq = 0;   // the row or checkpoint attacked; for a cut, the last seq kept
    qint64 other = 0; // swaps: the second row; runs: how many rows; gaps: how many seqs skipped
    int how = 0;      // the variant within the kind, one of the enums above
    quint32 salt = 0; // picks characters, digits and keys inside the variant
};

template<typename How>
Mutation mutation(Tamper kind, int chain, qint64 seq, How how, qint64 other = 0, quint32 salt = 0)
{
    return {kind, chain, seq, other, static_cast<int>(how), salt};
}

QString chainName(int chain)
{
    return chain == 0 ? u"A"_s : u"B"_s;
}

QString describe(const Mutation &m)
{
    static const QStringList kinds
        = {u"edit body"_s,    u"edit hash"_s, u"delete"_s,           u"swap"_s,
           u"forge record"_s, u"truncate"_s,  u"alter checkpoint"_s, u"rewrite history"_s,
           u"duplicate"_s};
    const int kind = static_cast<int>(m.kind);
    return u"chain %1: %2 seq %3 (%4; other %5, salt %6)"_s.arg(chainName(m.chain), kinds.at(kind))
        .arg(m.seq)
        .arg(kVariantNames.at(kind).at(m.how))
        .arg(m.other)
        .arg(m.salt);
}

// What one installation wrote, read back from the base file.
struct BaseChain
{
    QByteArray seed;
    QByteArray publicKey;
    QString id;
    QList<audit::StoredRecord> records;   // records[seq - 1]
    QMap<qint64, QByteArray> checkpoints; // seq -> stored body

    qint64 length() const { return records.size(); }
    const audit::StoredRecord &at(qint64 seq) const { return records.at(seq - 1); }
    QByteArray prevHash(qint64 seq) const
    {
        return seq > 1 ? at(seq - 1).hash : audit::genesisHash();
    }
};

// The records of the base log: every kind, with reasons, amounts and nested payloads to edit.
audit::RecordDraft baseDraft(int chain, qint64 seq, qint64 length)
{
    audit::RecordDraft draft;
    draft.actor = {{u"id"_s, chain == 0 ? u"agent-ana"_s : u"agent-bo"_s},
                   {u"role"_s, u"agent"_s},
                   {u"team"_s, u"returns"_s}};
    draft.caseId = u"C-%1%2"_s.arg(chainName(chain)).arg(100 + seq / 4);
    if (seq == 1) {
        draft.kind = audit::RecordKind::SessionStart;
        draft.caseId.clear();
        draft.payload = {{u"client"_s, u"refundguard-ui 0.1"_s}, {u"desk"_s, chain + 3}};
        return draft;
    }
    if (seq == length) {
        draft.kind = audit::RecordKind::SessionEnd;
        draft.caseId.clear();
        draft.payload = {{u"records"_s, length}};
        return draft;
    }
    switch (seq % 4) {
    case 1:
        draft.kind = audit::RecordKind::Override;
        draft.payload = {{u"reason"_s, u"courier photo shows the parcel at the wrong door"_s},
                         {u"amount"_s, 10 + double(seq * 37 % 900) + (seq % 2 ? 0.5 : 0.25)},
                         {u"currency"_s, u"EUR"_s},
                         {u"rule"_s, u"R-%1"_s.arg(seq % 7)}};
        break;
    case 2:
        draft.kind = audit::RecordKind::Disposition;
        draft.actor.insert(u"role"_s, u"supervisor"_s);
        draft.payload = {{u"override_seq"_s, seq - 1},
                         {u"decision"_s, seq % 8 == 2 ? u"upheld"_s : u"reversed"_s}};
        break;
    case 3:
        draft.kind = audit::RecordKind::Escalation;
        draft.payload = {{u"reason"_s, u"customer disputes the verdict and asks for a manager"_s},
                         {u"to"_s, u"team-lead"_s},
                         {u"priority"_s, seq % 3}};
        break;
    default:
        draft.kind = audit::RecordKind::Verdict;
        draft.payload = {{u"score"_s, double(seq % 100) / 100.0},
                         {u"label"_s, seq % 8 == 0 ? u"suspicious"_s : u"clear"_s},
                         {u"signals"_s, QJsonArray{u"velocity"_s, u"address-mismatch"_s}}};
        break;
    }
    return draft;
}

// What a forger appends or slips in: a correctly sealed record that says what they want.
audit::RecordDraft forgedDraft()
{
    audit::RecordDraft draft;
    draft.kind = audit::RecordKind::Override;
    draft.actor = {{u"id"_s, u"mallory"_s}, {u"role"_s, u"supervisor"_s}};
    draft.caseId = u"C-FORGED"_s;
    draft.payload = {{u"reason"_s, u"approved on the phone"_s}, {u"amount"_s, 950}};
    return draft;
}

QByteArray randomHex(quint32 salt)
{
    QRandomGenerator rng(salt);
    QByteArray bytes(32, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(rng.bounded(256));
    return bytes.toHex();
}

// Another hex digit in place of the one at salt's position.
QByteArray flipHexDigit(QByteArray hex, quint32 salt)
{
    static const QByteArray digits = "0123456789abcdef"_ba;
    const qsizetype at = qsizetype(salt % quint32(hex.size()));
    const qsizetype digit = std::max<qsizetype>(digits.indexOf(hex.at(at)), 0);
    hex[at] = digits.at((digit + 1 + qsizetype(salt % 15)) % 16);
    return hex;
}

// Text surgery as an attacker would do it: one letter or digit of a string member replaced, so
// the body stays valid JSON. Nothing when the body has no such member.
std::optional<QByteArray> editStringMember(QByteArray body, const QByteArray &key, quint32 salt)
{
    const QByteArray opening = '"' + key + "\":\"";
    const qsizetype start = body.indexOf(opening);
    if (start < 0)
        return std::nullopt;
    QList<qsizetype> editable;
    for (qsizetype at = start + opening.size(); at < body.size() && body.at(at) != '"'; ++at) {
        if (body.at(at) == '\\')
            ++at; // an escape sequence stays as it is
        else if (std::isalnum(static_cast<unsigned char>(body.at(at))))
            editable.append(at);
    }
    if (editable.isEmpty())
        return std::nullopt;
    const qsizetype at = editable.at(qsizetype(salt % quint32(editable.size())));
    const char c = body.at(at);
    if (c >= '0' && c <= '9')
        body[at] = c == '9' ? '0' : char(c + 1);
    else if (c >= 'a' && c <= 'z')
        body[at] = c == 'z' ? 'a' : char(c + 1);
    else
        body[at] = c == 'Z' ? 'A' : char(c + 1);
    return body;
}

// One digit of a number member raised (9 becomes 1), never creating a leading zero.
std::optional<QByteArray> editNumberMember(QByteArray body, const QByteArray &key, quint32 salt)
{
    const QByteArray opening = '"' + key + "\":";
    const qsizetype start = body.indexOf(opening);
    if (start < 0)
        return std::nullopt;
    QList<qsizetype> digits;
    for (qsizetype at = start + opening.size();
         at < body.size() && std::strchr("-+.eE0123456789", body.at(at)) != nullptr; ++at) {
        if (body.at(at) >= '0' && body.at(at) <= '9')
            digits.append(at);
    }
    if (digits.isEmpty())
        return std::nullopt;
    const qsizetype at = digits.at(qsizetype(salt % quint32(digits.size())));
    body[at] = body.at(at) == '9' ? '1' : char(body.at(at) + 1);
    return body;
}

std::optional<QByteArray> editKind(QByteArray body, quint32 salt)
{
    const QByteArray opening = "\"kind\":\""_ba;
    const qsizetype start = body.indexOf(opening);
    if (start < 0)
        return std::nullopt;
    const qsizetype from = start + opening.size();
    const qsizetype to = body.indexOf('"', from);
    static const QList<QByteArray> kinds
        = {"override", "disposition", "escalation", "session_start", "session_end", "verdict"};
    const qsizetype current = kinds.indexOf(body.mid(from, to - from));
    return body.replace(from, to - from, kinds.at((current + 1 + qsizetype(salt % 5)) % 6));
}

// The body of a stored record after one edit; always different bytes from the original.
QByteArray editBody(const QByteArray &body, BodyEdit how, quint32 salt)
{
    std::optional<QByteArray> edited;
    switch (how) {
    case BodyEdit::ReasonChar:
        edited = editStringMember(body, "reason", salt);
        break;
    case BodyEdit::AmountDigit:
        edited = editNumberMember(body, "amount", salt);
        if (!edited)
            edited = editStringMember(body, "reason", salt);
        break;
    case BodyEdit::KindName:
        edited = editKind(body, salt);
        break;
    case BodyEdit::ActorId:
        break;
    case BodyEdit::CaseId:
        edited = editStringMember(body, "case_id", salt);
        break;
    case BodyEdit::TimeDigit:
        edited = editStringMember(body, "time", salt);
        break;
    case BodyEdit::Whitespace:
        edited = QByteArray(body).insert(salt % 2 ? body.size() - 1 : 1, ' ');
        break;
    case BodyEdit::SeqNumber:
        edited = editNumberMember(body, "seq", salt);
        break;
    case BodyEdit::PrevHash:
        edited = editStringMember(body, "prev_hash", salt);
        break;
    case BodyEdit::DropBrace:
        edited = body.chopped(1);
        break;
    case BodyEdit::StrayQuote:
        edited = QByteArray(body).insert(1 + qsizetype(salt % quint32(body.size() - 1)), '"');
        break;
    case BodyEdit::HalfBody:
        edited = body.left(body.size() / 2);
        break;
    case BodyEdit::Empty:
        edited = QByteArray("");
        break;
    }
    // Session records have no reason, amount or case: their actor id is edited instead.
    return edited ? *edited : editStringMember(body, "id", salt).value();
}

Result<QByteArray> checkpointBody(const audit::Checkpoint &checkpoint)
{
    return audit::canonicalJson(checkpoint.toJson());
}

// The attacker's handle: the copied file opened with the sqlite3 library itself. After the first
// failed statement the rest are skipped, and error() names the one that failed.
class RawDatabase final
{
public:
    explicit RawDatabase(const QString &path)
    {
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READWRITE,
                            nullptr)
            != SQLITE_OK) {
            m_error = path + u": "_s + (m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : u"?"_s);
        }
    }
    ~RawDatabase() { sqlite3_close(m_db); }
    Q_DISABLE_COPY_MOVE(RawDatabase)

    const QString &error() const { return m_error; }

    void exec(const char *sql, const QVariantList &values = {}) { run(sql, values, false); }
    // For an INSERT, UPDATE or DELETE that must change at least one row: a mutation that misses
    // its target must fail the test, not pass for a verifier that "missed" it.
    void change(const char *sql, const QVariantList &values) { run(sql, values, true); }
    void fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = why;
    }

private:
    void run(const char *sql, const QVariantList &values, bool mustChange)
    {
        if (!m_error.isEmpty())
            return;
        sqlite3_stmt *statement = nullptr;
        const auto fail = [&] {
            m_error = QString::fromUtf8(sql) + u": "_s + QString::fromUtf8(sqlite3_errmsg(m_db));
        };
        if (sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr) != SQLITE_OK) {
            fail();
            return;
        }
        const auto finalize = qScopeGuard([statement] { sqlite3_finalize(statement); });
        for (int i = 0; i < values.size(); ++i) {
            const QVariant &value = values.at(i);
            int bound = SQLITE_OK;
            if (value.typeId() == QMetaType::QString || value.typeId() == QMetaType::QByteArray) {
                // Bodies and hashes are TEXT, as the store writes them; never blobs.
                const QByteArray text = value.typeId() == QMetaType::QString
                                            ? value.toString().toUtf8()
                                            : value.toByteArray();
                bound = sqlite3_bind_text(statement, i + 1, text.constData(), int(text.size()),
                                          SQLITE_TRANSIENT);
            } else {
                bound = sqlite3_bind_int64(statement, i + 1, value.toLongLong());
            }
            if (bound != SQLITE_OK) {
                fail();
                return;
            }
        }
        const int changesBefore = sqlite3_total_changes(m_db);
        int stepped = SQLITE_ROW;
        while (stepped == SQLITE_ROW)
            stepped = sqlite3_step(statement);
        if (stepped != SQLITE_DONE)
            fail();
        else if (mustChange && sqlite3_total_changes(m_db) == changesBefore)
            m_error = QString::fromUtf8(sql) + u": changed nothing"_s;
    }

    sqlite3 *m_db = nullptr;
    QString m_error;
};

} // namespace

Q_DECLARE_METATYPE(Mutation)

class TestAuditTamper final : public QObject
{
    Q_OBJECT

private slots:
    // Two installations write one file, a chain each, with checkpoints and session ends.
    void initTestCase();
    void init();

    // The copy, opened by the attacker's sqlite3 with the triggers dropped but nothing else
    // changed, verifies clean: every problem found later is the mutation's doing.
    void cleanCopyVerifies();
    // Hand-picked attacks of every kind, each with the seq worked out by hand.
    void fixedCases_data();
    void fixedCases();
    // A record swapped between the chains breaks both, at that seq.
    void swapAcrossChains();
    // Rows moved to another chain name are caught on their first record, and the signed chain
    // they left is reported gone.
    void renameChain();
    // A cut tail whose checkpoints went with it is caught by the exported anchor alone.
    void truncationNeedsAnchor();
    // Over a thousand random attacks of all kinds: every one is caught at the right seq.
    void randomMutations();

private:
    Mutation randomMutation(Tamper kind, QRandomGenerator &rng) const;
    qint64 expectedSeq(const Mutation &m) const;
    void apply(RawDatabase &db, const Mutation &m) const;
    Result<audit::VerifyReport> tamperAndVerify(const std::function<void(RawDatabase &)> &tamper,
                                                const audit::VerifyOptions &options) const;
    Result<audit::VerifyReport> tamperAndVerify(const Mutation &m) const;
    QString judge(const audit::VerifyReport &report, int chain, qint64 expected) const;
    QString listProblems(const audit::VerifyReport &report) const;

    std::optional<QTemporaryDir> m_dir;
    QString m_basePath;
    QByteArray m_baseBytes;
    QList<BaseChain> m_chains;
    audit::VerifyOptions m_options; // both keys trusted, the newest checkpoint of each as anchor
};

void TestAuditTamper::initTestCase()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_basePath = m_dir->filePath(u"base.db"_s);
    const auto url = audit::DatabaseUrl::parse(u"sqlite://"_s + m_basePath);
    QVERIFY2(url.ok(), qPrintable(test::errorOf(url)));

    for (int c = 0; c < int(kChainLengths.size()); ++c) {
        BaseChain chain;
        // Fixed keys make the whole base log, and so every seeded run, reproducible.
        chain.seed = QByteArray(32, char(0x41 + c));
        const auto key = audit::SigningKey::fromSeed(chain.seed);
        QVERIFY2(key.ok(), qPrintable(test::errorOf(key)));
        chain.publicKey = key.value().publicKey();
        chain.id = audit::chainIdFor(chain.publicKey);
        const QString keyPath = m_dir->filePath(u"key-%1"_s.arg(chainName(c)));
        QFile keyFile(keyPath);
        QVERIFY(keyFile.open(QIODevice::WriteOnly));
        keyFile.write("refundguard-ed25519-secret-key v1\n"_ba
                      + (chain.seed + chain.publicKey).toBase64() + '\n');
        keyFile.close();
        QVERIFY(keyFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

        audit::AuditLog::Options options;
        options.database = url.value();
        options.keyPath = keyPath;
        options.checkpointEvery = kCheckpointEvery;
        options.clock = [time = kStart.addDays(c)]() mutable {
            time = time.addMSecs(41003);
            return time;
        };
        auto opened = audit::AuditLog::open(options);
        QVERIFY2(opened.ok(), qPrintable(test::errorOf(opened)));
        const std::unique_ptr<audit::AuditLog> log = std::move(opened).value();
        QCOMPARE(log->chainId(), chain.id);
        const qint64 length = kChainLengths.at(c);
        for (qint64 seq = 1; seq <= length; ++seq) {
            const auto appended = log->append(baseDraft(c, seq, length));
            QVERIFY2(appended.ok(), qPrintable(test::errorOf(appended)));
            QCOMPARE(appended.value().seq, seq);
        }
        const auto ended = log->endSession();
        QVERIFY2(ended.ok(), qPrintable(test::errorOf(ended)));
        m_chains.append(chain);
    }

    // Read back what was written; the newest checkpoint of each chain is its exported anchor.
    {
        auto opened = audit::AuditStore::open(url.value());
        QVERIFY2(opened.ok(), qPrintable(test::errorOf(opened)));
        audit::AuditStore &store = *opened.value();
        const auto indexOf = [this](const QString &chainId) {
            for (int c = 0; c < m_chains.size(); ++c) {
                if (m_chains.at(c).id == chainId)
                    return c;
            }
            return -1;
        };
        bool known = true;
        const auto scanned = store.scan({}, [&](const audit::StoredRecord &record) {
            const int c = indexOf(record.chainId);
            known = known && c >= 0;
            if (c >= 0)
                m_chains[c].records.append(record);
            return true;
        });
        QVERIFY2(scanned.ok(), qPrintable(test::errorOf(scanned)));
        QVERIFY(known);
        const auto checkpoints = store.checkpoints();
        QVERIFY2(checkpoints.ok(), qPrintable(test::errorOf(checkpoints)));
        for (const audit::StoredCheckpoint &checkpoint : checkpoints.value()) {
            const int c = indexOf(checkpoint.chainId);
            QVERIFY(c >= 0);
            m_chains[c].checkpoints.insert(checkpoint.seq, checkpoint.body);
        }
    }
    const QList<QList<qint64>> checkpointSeqs = {{25, 50, 75, 100, 125}, {25, 50, 75, 100, 118}};
    for (int c = 0; c < m_chains.size(); ++c) {
        const BaseChain &chain = m_chains.at(c);
        QCOMPARE(chain.length(), kChainLengths.at(c));
        for (qint64 seq = 1; seq <= chain.length(); ++seq)
            QCOMPARE(chain.at(seq).seq, seq);
        QCOMPARE(chain.checkpoints.keys(), checkpointSeqs.at(c));
        const auto anchor = audit::Checkpoint::fromJson(
            QJsonDocument::fromJson(chain.checkpoints.last()).object());
        QVERIFY2(anchor.ok(), qPrintable(test::errorOf(anchor)));
        QCOMPARE(anchor.value().seq, chain.length());
        m_options.anchors.append(anchor.value());
        m_options.trustedKeys.append(chain.publicKey);
    }

    // Every connection is closed, so SQLite folded the WAL back into base.db: the file alone is
    // the whole log and can be copied by itself.
    const QFileInfo wal(m_basePath + u"-wal"_s);
    QVERIFY2(!wal.exists() || wal.size() == 0, qPrintable(wal.filePath()));
    QFile base(m_basePath);
    QVERIFY(base.open(QIODevice::ReadOnly));
    m_baseBytes = base.readAll();
    QVERIFY(!m_baseBytes.isEmpty());
}

void TestAuditTamper::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void TestAuditTamper::cleanCopyVerifies()
{
    const auto report = tamperAndVerify([](RawDatabase &) {}, m_options);
    QVERIFY2(report.ok(), qPrintable(test::errorOf(report)));
    QVERIFY2(report.value().ok(), qPrintable(listProblems(report.value())));
    QCOMPARE(report.value().records, kChainLengths.at(0) + kChainLengths.at(1));
    QCOMPARE(report.value().chains, 2);
    QCOMPARE(report.value().checkpoints, 10);
    QCOMPARE(report.value().anchors, 2);
}

void TestAuditTamper::fixedCases_data()
{
    QTest::addColumn<Mutation>("mutation");
    QTest::addColumn<qint64>("expected");

    using T = Tamper;
    // Chain A: 125 records, checkpoints at 25, 50, 75, 100, 125 (the anchor).
    // Chain B: 118 records, checkpoints at 25, 50, 75, 100, 118 (session end, the anchor).
    QTest::newRow("A: edit a reason char in row 41 -> 41")
        << mutation(T::EditBody, 0, 41, BodyEdit::ReasonChar) << qint64(41);
    QTest::newRow("A: edit an amount digit in row 45 -> 45")
        << mutation(T::EditBody, 0, 45, BodyEdit::AmountDigit, 0, 1) << qint64(45);
    QTest::newRow("A: change the kind of row 50, a checkpoint seq -> 50")
        << mutation(T::EditBody, 0, 50, BodyEdit::KindName) << qint64(50);
    QTest::newRow("B: edit the actor id of row 1 -> 1")
        << mutation(T::EditBody, 1, 1, BodyEdit::ActorId) << qint64(1);
    QTest::newRow("B: renumber the seq inside row 60's body -> 60")
        << mutation(T::EditBody, 1, 60, BodyEdit::SeqNumber) << qint64(60);
    QTest::newRow("A: drop the closing brace of row 77 -> 77")
        << mutation(T::EditBody, 0, 77, BodyEdit::DropBrace) << qint64(77);
    QTest::newRow("B: empty the body of the last row 118 -> 118")
        << mutation(T::EditBody, 1, 118, BodyEdit::Empty) << qint64(118);
    QTest::newRow("A: same JSON, one space more, in row 125 -> 125")
        << mutation(T::EditBody, 0, 125, BodyEdit::Whitespace) << qint64(125);

    QTest::newRow("A: flip a hex digit of hash 33 -> 33")
        << mutation(T::EditHash, 0, 33, HashEdit::FlipDigit, 0, 7) << qint64(33);
    QTest::newRow("B: empty the hash of row 1 -> 1")
        << mutation(T::EditHash, 1, 1, HashEdit::Empty) << qint64(1);
    QTest::newRow("A: upper-case hash 75 -> 75")
        << mutation(T::EditHash, 0, 75, HashEdit::UpperCase) << qint64(75);
    QTest::newRow("B: replay hash 99 as hash 100 -> 100")
        << mutation(T::EditHash, 1, 100, HashEdit::Replay) << qint64(100);

    QTest::newRow("A: delete row 40 -> 40")
        << mutation(T::DeleteRows, 0, 40, DeleteHow::One) << qint64(40);
    QTest::newRow("B: delete row 1 -> 1")
        << mutation(T::DeleteRows, 1, 1, DeleteHow::One) << qint64(1);
    QTest::newRow("A: delete row 25, a checkpoint seq -> 25")
        << mutation(T::DeleteRows, 0, 25, DeleteHow::One) << qint64(25);
    QTest::newRow("B: delete rows 60-64 -> 60")
        << mutation(T::DeleteRows, 1, 60, DeleteHow::Run, 5) << qint64(60);
    QTest::newRow("A: delete the last row 125 -> 125 (anchor)")
        << mutation(T::DeleteRows, 0, 125, DeleteHow::One) << qint64(125);

    QTest::newRow("A: swap rows 10 and 11 -> 10")
        << mutation(T::SwapRows, 0, 10, SwapHow::Rows, 11) << qint64(10);
    QTest::newRow("B: swap the seqs of rows 3 and 90 -> 3")
        << mutation(T::SwapRows, 1, 3, SwapHow::SeqNumbers, 90) << qint64(3);
    QTest::newRow("A: swap only the bodies of rows 50 and 51 -> 50")
        << mutation(T::SwapRows, 0, 50, SwapHow::BodiesOnly, 51) << qint64(50);

    // A forged record slipped in at k links correctly, so k holds unless a checkpoint pins it;
    // the original record k, now at k + 1, no longer links.
    QTest::newRow("A: forge a record at 40, shifting the rest up -> 41")
        << mutation(T::ForgeRecord, 0, 40, ForgeHow::Shifted) << qint64(41);
    QTest::newRow("B: forge a record at 1 -> 2")
        << mutation(T::ForgeRecord, 1, 1, ForgeHow::Shifted) << qint64(2);
    QTest::newRow("A: forge a record at 50, a checkpoint seq -> 50")
        << mutation(T::ForgeRecord, 0, 50, ForgeHow::Shifted) << qint64(50);
    QTest::newRow("A: append 126 with a wrong hash -> 126")
        << mutation(T::ForgeRecord, 0, 126, ForgeHow::AppendWrongHash) << qint64(126);
    QTest::newRow("B: append 122 past a gap -> 119")
        << mutation(T::ForgeRecord, 1, 122, ForgeHow::AppendPastGap, 3) << qint64(119);

    QTest::newRow("A: cut after 124 -> 125")
        << mutation(T::TruncateTail, 0, 124, TruncateHow::RecordsOnly) << qint64(125);
    QTest::newRow("A: cut after 100, a checkpoint seq -> 101")
        << mutation(T::TruncateTail, 0, 100, TruncateHow::RecordsOnly) << qint64(101);
    QTest::newRow("B: cut after 60 with the later checkpoints -> 61")
        << mutation(T::TruncateTail, 1, 60, TruncateHow::WithCheckpoints) << qint64(61);
    QTest::newRow("B: delete the whole chain and its checkpoints -> 1")
        << mutation(T::TruncateTail, 1, 0, TruncateHow::WithCheckpoints) << qint64(1);

    QTest::newRow("A: flip a signature bit of checkpoint 50 -> 50")
        << mutation(T::AlterCheckpoint, 0, 50, CheckpointEdit::SignatureBit, 0, 300) << qint64(50);
    QTest::newRow("B: put a stray char in signature 25 -> 25")
        << mutation(T::AlterCheckpoint, 1, 25, CheckpointEdit::SignatureChar) << qint64(25);
    QTest::newRow("A: change head_hash of checkpoint 75 -> 75")
        << mutation(T::AlterCheckpoint, 0, 75, CheckpointEdit::HeadHash) << qint64(75);
    QTest::newRow("B: change the seq in checkpoint 100's body -> 100")
        << mutation(T::AlterCheckpoint, 1, 100, CheckpointEdit::BodySeq) << qint64(100);
    QTest::newRow("A: re-sign checkpoint 100 with a stranger's key -> 100")
        << mutation(T::AlterCheckpoint, 0, 100, CheckpointEdit::StrangerKey) << qint64(100);
    QTest::newRow("B: re-sign checkpoint 118 with chain A's (trusted) key -> 118")
        << mutation(T::AlterCheckpoint, 1, 118, CheckpointEdit::OtherChainKey) << qint64(118);
    QTest::newRow("A: forge a checkpoint at 30 -> 30")
        << mutation(T::AlterCheckpoint, 0, 30, CheckpointEdit::ForgedExtra) << qint64(30);

    // A consistent rewrite holds link by link; the first signed head at or after it betrays it.
    QTest::newRow("A: rewrite row 40 and re-chain -> 50")
        << mutation(T::RewriteHistory, 0, 40, RewriteHow::KeepCheckpoints) << qint64(50);
    QTest::newRow("A: rewrite row 50 and re-chain -> 50")
        << mutation(T::RewriteHistory, 0, 50, RewriteHow::KeepCheckpoints) << qint64(50);
    QTest::newRow("B: rewrite row 101 and re-chain -> 118")
        << mutation(T::RewriteHistory, 1, 101, RewriteHow::KeepCheckpoints) << qint64(118);
    QTest::newRow("B: rewrite row 3, drop checkpoints from 3 -> 118 (anchor)")
        << mutation(T::RewriteHistory, 1, 3, RewriteHow::DropCheckpoints) << qint64(118);

    QTest::newRow("A: duplicate row 40 -> 40")
        << mutation(T::DuplicateRow, 0, 40, DuplicateHow::Exact) << qint64(40);
    QTest::newRow("B: duplicate row 1 -> 1")
        << mutation(T::DuplicateRow, 1, 1, DuplicateHow::Exact) << qint64(1);
    QTest::newRow("A: a second, different row 125 -> 125")
        << mutation(T::DuplicateRow, 0, 125, DuplicateHow::Altered) << qint64(125);
}

void TestAuditTamper::fixedCases()
{
    QFETCH(Mutation, mutation);
    QFETCH(qint64, expected);

    // The rule the random loop relies on agrees with the answer worked out by hand.
    QCOMPARE(expectedSeq(mutation), expected);
    const auto report = tamperAndVerify(mutation);
    QVERIFY2(report.ok(), qPrintable(test::errorOf(report)));
    const QString verdict = judge(report.value(), mutation.chain, expected);
    QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
}

void TestAuditTamper::swapAcrossChains()
{
    const BaseChain &a = m_chains.at(0);
    const BaseChain &b = m_chains.at(1);
    const auto report = tamperAndVerify(
        [&](RawDatabase &db) {
            for (const auto &[to, from] : {std::pair(&a, &b), std::pair(&b, &a)}) {
                db.change("UPDATE audit_records SET body = ?, hash = ? WHERE chain_id = ? AND "
                          "seq = ?",
                          {from->at(30).body, from->at(30).hash, to->id, 30});
            }
        },
        m_options);
    QVERIFY2(report.ok(), qPrintable(test::errorOf(report)));
    for (const BaseChain *chain : {&a, &b}) {
        const auto first = std::find_if(
            report.value().problems.cbegin(), report.value().problems.cend(),
            [&](const audit::VerifyProblem &problem) { return problem.chainId == chain->id; });
        QVERIFY2(first != report.value().problems.cend(), qPrintable(chain->id));
        QCOMPARE(first->seq, qint64(30));
    }
}

void TestAuditTamper::renameChain()
{
    const QString renamed = u"rg-00000000000000000000000000000000"_s;
    const auto report = tamperAndVerify(
        [&](RawDatabase &db) {
            db.change("UPDATE audit_records SET chain_id = ? WHERE chain_id = ?",
                      {renamed, m_chains.at(1).id});
        },
        m_options);
    QVERIFY2(report.ok(), qPrintable(test::errorOf(report)));
    const QList<audit::VerifyProblem> &problems = report.value().problems;
    // Renamed, not named after a trusted key, and the original chain gone.
    QVERIFY2(problems.size() == 3, qPrintable(listProblems(report.value())));
    for (const audit::VerifyProblem &problem : problems)
        QCOMPARE(problem.seq, qint64(1));
    QVERIFY(std::any_of(problems.cbegin(), problems.cend(), [&](const audit::VerifyProblem &p) {
        return p.chainId == renamed && p.what.contains(u"renamed"_s);
    }));
    QVERIFY(std::any_of(problems.cbegin(), problems.cend(), [&](const audit::VerifyProblem &p) {
        return p.chainId == m_chains.at(1).id && p.what.contains(u"gone"_s);
    }));
}

void TestAuditTamper::truncationNeedsAnchor()
{
    const Mutation cut = mutation(Tamper::TruncateTail, 0, 90, TruncateHow::WithCheckpoints);
    const auto apply = [&](RawDatabase &db) { this->apply(db, cut); };

    audit::VerifyOptions withoutAnchors = m_options;
    withoutAnchors.anchors.clear();
    const auto unanchored = tamperAndVerify(apply, withoutAnchors);
    QVERIFY2(unanchored.ok(), qPrintable(test::errorOf(unanchored)));
    QVERIFY2(unanchored.value().ok(), qPrintable(listProblems(unanchored.value())));

    const auto anchored = tamperAndVerify(apply, m_options);
    QVERIFY2(anchored.ok(), qPrintable(test::errorOf(anchored)));
    const QString verdict = judge(anchored.value(), 0, 91);
    QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
}

void TestAuditTamper::randomMutations()
{
    quint32 seed = kDefaultSeed;
    if (qEnvironmentVariableIsSet("RG_TAMPER_SEED")) {
        bool ok = false;
        seed = qEnvironmentVariable("RG_TAMPER_SEED").toUInt(&ok);
        QVERIFY2(ok, "RG_TAMPER_SEED must be an unsigned 32-bit number");
    }
    qInfo("tamper seed %u (set RG_TAMPER_SEED to run another)", seed);
    QRandomGenerator rng(seed);

    std::array<int, kTamperKinds> counts{};
    QSet<QPair<int, int>> variantsSeen;
    QStringList failures;
    QElapsedTimer timer;
    timer.start();
    int done = 0;
    for (int round = 0; round < kRounds; ++round) {
        std::array<int, kTamperKinds> order;
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        for (const int kind : order) {
            const Mutation m = randomMutation(Tamper(kind), rng);
            const auto report = tamperAndVerify(m);
            const QString verdict
                = report.ok() ? judge(report.value(), m.chain, expectedSeq(m)) : report.error();
            if (!verdict.isEmpty())
                failures.append(u"#%1 %2: %3"_s.arg(done).arg(describe(m), verdict));
            ++counts[kind];
            variantsSeen.insert({kind, m.how});
            ++done;
        }
    }
    QStringList summary;
    for (int kind = 0; kind < kTamperKinds; ++kind)
        summary.append(QString::number(counts[kind]));
    qInfo("%d mutations in %lld ms; per kind: %s", done, qint64(timer.elapsed()),
          qPrintable(summary.join(u", "_s)));

    QVERIFY2(failures.isEmpty(),
             qPrintable(u"%1 of %2 mutations not pinned on the right seq (seed %3):\n"_s
                            .arg(failures.size())
                            .arg(done)
                            .arg(seed)
                        + failures.mid(0, 25).join(u'\n')));
    QVERIFY(done >= 1000);
    for (int kind = 0; kind < kTamperKinds; ++kind) {
        QVERIFY2(counts[kind] >= 100, qPrintable(u"kind %1: %2"_s.arg(kind).arg(counts[kind])));
        for (int how = 0; how < kVariantNames.at(kind).size(); ++how) {
            QVERIFY2(variantsSeen.contains({kind, how}),
                     qPrintable(u"kind %1 never tried %2"_s.arg(kind).arg(
                         kVariantNames.at(kind).at(how))));
        }
    }
}

Mutation TestAuditTamper::randomMutation(Tamper kind, QRandomGenerator &rng) const
{
    Mutation m;
    m.kind = kind;
    m.chain = int(rng.bounded(2));
    m.how = int(rng.bounded(int(kVariantNames.at(int(kind)).size())));
    m.salt = rng.generate();
    const BaseChain &chain = m_chains.at(m.chain);
    const qint64 n = chain.length();
    const auto anySeq = [&] { return 1 + qint64(rng.bounded(quint32(n))); };
    switch (kind) {
    case Tamper::EditBody:
    case Tamper::EditHash:
    case Tamper::RewriteHistory:
    case Tamper::DuplicateRow:
        m.seq = anySeq();
        break;
    case Tamper::DeleteRows:
        m.seq = anySeq();
        m.other = 2 + rng.bounded(5);
        break;
    case Tamper::SwapRows:
        m.seq = 1 + qint64(rng.bounded(quint32(n - 1)));
        // Neighbours half the time: the swap an attacker hopes looks like a clock glitch.
        m.other = rng.bounded(2) ? m.seq + 1 : m.seq + 1 + qint64(rng.bounded(quint32(n - m.seq)));
        break;
    case Tamper::ForgeRecord:
        switch (ForgeHow(m.how)) {
        case ForgeHow::Shifted:
            m.seq = anySeq();
            break;
        case ForgeHow::AppendWrongHash:
            m.seq = n + 1;
            break;
        case ForgeHow::AppendPastGap:
            m.other = 1 + rng.bounded(5);
            m.seq = n + 1 + m.other;
            break;
        }
        break;
    case Tamper::TruncateTail:
        m.seq = qint64(rng.bounded(quint32(n)));
        break;
    case Tamper::AlterCheckpoint:
        if (CheckpointEdit(m.how) == CheckpointEdit::ForgedExtra) {
            do {
                m.seq = anySeq();
            } while (chain.checkpoints.contains(m.seq));
        } else {
            m.seq = chain.checkpoints.keys().at(
                qsizetype(rng.bounded(quint32(chain.checkpoints.size()))));
        }
        break;
    }
    return m;
}

/*!
 * The first seq of the chain that does not hold after \a m: what the verifier must report.
 */
qint64 TestAuditTamper::expectedSeq(const Mutation &m) const
{
    const BaseChain &chain = m_chains.at(m.chain);
    // Heads signed in the log, plus the anchor kept outside it.
    QList<qint64> pinned = chain.checkpoints.keys();
    const qint64 anchor = m_options.anchors.at(m.chain).seq;
    switch (m.kind) {
    case Tamper::EditBody:
    case Tamper::EditHash:
    case Tamper::DeleteRows:
    case Tamper::AlterCheckpoint:
    case Tamper::DuplicateRow:
        return m.seq;
    case Tamper::SwapRows:
        return std::min(m.seq, m.other);
    case Tamper::ForgeRecord:
        if (ForgeHow(m.how) == ForgeHow::Shifted)
            return pinned.contains(m.seq) ? m.seq : m.seq + 1;
        return chain.length() + 1; // past a gap, the first missing seq
    case Tamper::TruncateTail:
        return m.seq + 1;
    case Tamper::RewriteHistory:
        if (RewriteHow(m.how) == RewriteHow::DropCheckpoints)
            pinned.removeIf([&](qint64 seq) { return seq >= m.seq; });
        pinned.append(anchor);
        std::sort(pinned.begin(), pinned.end());
        return *std::lower_bound(pinned.cbegin(), pinned.cend(), m.seq);
    }
    return -1;
}

void TestAuditTamper::apply(RawDatabase &db, const Mutation &m) const
{
    const BaseChain &chain = m_chains.at(m.chain);
    const BaseChain &otherChain = m_chains.at(1 - m.chain);
    const qint64 n = chain.length();
    const auto setBody = [&](qint64 seq, const QByteArray &body) {
        db.change("UPDATE audit_records SET body = ? WHERE chain_id = ? AND seq = ?",
                  {body, chain.id, seq});
    };
    const auto setRow = [&](qint64 seq, const QByteArray &body, const QByteArray &hash) {
        db.change("UPDATE audit_records SET body = ?, hash = ? WHERE chain_id = ? AND seq = ?",
                  {body, hash, chain.id, seq});
    };
    const auto insertRow = [&](qint64 seq, const QByteArray &body, const QByteArray &hash) {
        db.change("INSERT INTO audit_records (chain_id, seq, body, hash) VALUES (?, ?, ?, ?)",
                  {chain.id, seq, body, hash});
    };
    const auto moveRow = [&](qint64 from, qint64 to) {
        db.change("UPDATE audit_records SET seq = ? WHERE chain_id = ? AND seq = ?",
                  {to, chain.id, from});
    };
    // SQLite computes the generated columns kind and recorded_at on every UPDATE, and their
    // json_extract() refuses a broken body: the attacker rebuilds the table without them, and
    // without the primary key when it would stand in the way.
    enum class Key { Kept, Dropped };
    const auto rebuildRecords = [&](Key key) {
        if (key == Key::Kept) {
            db.exec("CREATE TABLE audit_records_rebuilt (chain_id TEXT NOT NULL,"
                    " seq INTEGER NOT NULL, body TEXT NOT NULL, hash TEXT NOT NULL,"
                    " PRIMARY KEY (chain_id, seq))");
            db.exec("INSERT INTO audit_records_rebuilt"
                    " SELECT chain_id, seq, body, hash FROM audit_records");
        } else {
            db.exec("CREATE TABLE audit_records_rebuilt AS"
                    " SELECT chain_id, seq, body, hash FROM audit_records");
        }
        db.exec("DROP TABLE audit_records");
        db.exec("ALTER TABLE audit_records_rebuilt RENAME TO audit_records");
    };
    const auto forged = [&](qint64 seq, const QByteArray &prevHash) {
        return audit::sealRecord(forgedDraft(), chain.id, seq, prevHash,
                                 kStart.addDays(7).addSecs(seq))
            .value();
    };

    switch (m.kind) {
    case Tamper::EditBody:
        if (BodyEdit(m.how) >= BodyEdit::DropBrace)
            rebuildRecords(Key::Kept);
        setBody(m.seq, editBody(chain.at(m.seq).body, BodyEdit(m.how), m.salt));
        break;
    case Tamper::EditHash: {
        QByteArray hash = chain.at(m.seq).hash;
        switch (HashEdit(m.how)) {
        case HashEdit::FlipDigit:
            hash = flipHexDigit(hash, m.salt);
            break;
        case HashEdit::UpperCase:
            hash = hash.toUpper();
            break;
        case HashEdit::Empty:
            hash.clear();
            break;
        case HashEdit::Replay:
            hash = chain.at(m.seq > 1 ? m.seq - 1 : m.seq + 1).hash;
            break;
        case HashEdit::Random:
            hash = randomHex(m.salt);
            break;
        case HashEdit::DropChar:
            hash.chop(1);
            break;
        }
        db.change("UPDATE audit_records SET hash = ? WHERE chain_id = ? AND seq = ?",
                  {hash, chain.id, m.seq});
        break;
    }
    case Tamper::DeleteRows:
        db.change(
            "DELETE FROM audit_records WHERE chain_id = ? AND seq BETWEEN ? AND ?",
            {chain.id, m.seq, DeleteHow(m.how) == DeleteHow::Run ? m.seq + m.other - 1 : m.seq});
        break;
    case Tamper::SwapRows: {
        const audit::StoredRecord &first = chain.at(m.seq);
        const audit::StoredRecord &second = chain.at(m.other);
        switch (SwapHow(m.how)) {
        case SwapHow::Rows:
            setRow(first.seq, second.body, second.hash);
            setRow(second.seq, first.body, first.hash);
            break;
        case SwapHow::SeqNumbers:
            moveRow(first.seq, kParkedSeq);
            moveRow(second.seq, first.seq);
            moveRow(kParkedSeq, second.seq);
            break;
        case SwapHow::BodiesOnly:
            setBody(first.seq, second.body);
            setBody(second.seq, first.body);
            break;
        }
        break;
    }
    case Tamper::ForgeRecord:
        switch (ForgeHow(m.how)) {
        case ForgeHow::Shifted: {
            // Two steps, as one UPDATE seq = seq + 1 may collide with the next row's key.
            db.change("UPDATE audit_records SET seq = seq + ? WHERE chain_id = ? AND seq >= ?",
                      {kParkedSeq, chain.id, m.seq});
            db.change("UPDATE audit_records SET seq = seq - ? WHERE chain_id = ? AND seq >= ?",
                      {kParkedSeq - 1, chain.id, kParkedSeq});
            const audit::AuditRecord record = forged(m.seq, chain.prevHash(m.seq));
            insertRow(m.seq, record.body().value(), record.hash);
            break;
        }
        case ForgeHow::AppendWrongHash: {
            const audit::AuditRecord record = forged(m.seq, chain.at(n).hash);
            insertRow(m.seq, record.body().value(), randomHex(m.salt));
            break;
        }
        case ForgeHow::AppendPastGap: {
            // Sealed on the real head: the best a forger without the missing records can do.
            const audit::AuditRecord record = forged(m.seq, chain.at(n).hash);
            insertRow(m.seq, record.body().value(), record.hash);
            break;
        }
        }
        break;
    case Tamper::TruncateTail:
        db.change("DELETE FROM audit_records WHERE chain_id = ? AND seq > ?", {chain.id, m.seq});
        if (TruncateHow(m.how) == TruncateHow::WithCheckpoints) {
            db.change("DELETE FROM audit_checkpoints WHERE chain_id = ? AND seq > ?",
                      {chain.id, m.seq});
        }
        break;
    case Tamper::AlterCheckpoint: {
        const auto stranger = [&] {
            QByteArray seed(32, Qt::Uninitialized);
            QRandomGenerator rng(m.salt);
            for (char &byte : seed)
                byte = static_cast<char>(rng.bounded(256));
            return audit::SigningKey::fromSeed(seed).value();
        };
        if (CheckpointEdit(m.how) == CheckpointEdit::ForgedExtra) {
            const audit::Checkpoint checkpoint = audit::Checkpoint::make(
                stranger(), chain.id, m.seq, chain.at(m.seq).hash, kStart.addDays(7));
            db.change("INSERT INTO audit_checkpoints (chain_id, seq, body) VALUES (?, ?, ?)",
                      {chain.id, m.seq, checkpointBody(checkpoint).value()});
            break;
        }
        const QByteArray original = chain.checkpoints.value(m.seq);
        audit::Checkpoint checkpoint
            = audit::Checkpoint::fromJson(QJsonDocument::fromJson(original).object()).value();
        QByteArray body;
        switch (CheckpointEdit(m.how)) {
        case CheckpointEdit::SignatureBit:
            checkpoint.signature[(m.salt % 512) / 8] ^= char(1 << (m.salt % 8));
            break;
        case CheckpointEdit::SignatureChar: {
            QJsonObject json = checkpoint.toJson();
            QString signature = json.value(u"signature"_s).toString();
            signature[qsizetype(m.salt % quint32(signature.size() - 2))] = u'!';
            json.insert(u"signature"_s, signature);
            body = audit::canonicalJson(json).value();
            break;
        }
        case CheckpointEdit::HeadHash:
            checkpoint.headHash = flipHexDigit(checkpoint.headHash, m.salt);
            break;
        case CheckpointEdit::BodySeq:
            checkpoint.seq += 1 + m.salt % 3;
            break;
        case CheckpointEdit::Time:
            checkpoint.time = checkpoint.time.addSecs(1 + m.salt % 3600);
            break;
        case CheckpointEdit::StrangerKey:
            checkpoint = audit::Checkpoint::make(stranger(), chain.id, m.seq, checkpoint.headHash,
                                                 checkpoint.time);
            break;
        case CheckpointEdit::OtherChainKey:
            checkpoint
                = audit::Checkpoint::make(audit::SigningKey::fromSeed(otherChain.seed).value(),
                                          chain.id, m.seq, checkpoint.headHash, checkpoint.time);
            break;
        case CheckpointEdit::OtherChainCheckpoint:
            body = otherChain.checkpoints.values().at(
                qsizetype(m.salt % quint32(otherChain.checkpoints.size())));
            break;
        case CheckpointEdit::ForgedExtra:
            break;
        }
        if (body.isEmpty())
            body = checkpointBody(checkpoint).value();
        db.change("UPDATE audit_checkpoints SET body = ? WHERE chain_id = ? AND seq = ?",
                  {body, chain.id, m.seq});
        break;
    }
    case Tamper::RewriteHistory: {
        // The attacker edits one record and re-chains everything after it: every link holds.
        QByteArray body = editBody(chain.at(m.seq).body, BodyEdit(m.salt % kContentEdits),
                                   m.salt / kContentEdits);
        QByteArray hash = audit::chainHash(chain.prevHash(m.seq), body);
        setRow(m.seq, body, hash);
        for (qint64 seq = m.seq + 1; seq <= n; ++seq) {
            const QByteArray oldLink = "\"prev_hash\":\""_ba + chain.at(seq - 1).hash + '"';
            body = chain.at(seq).body;
            const qsizetype at = body.indexOf(oldLink);
            if (at < 0) {
                db.fail(u"seq %1 does not link by prev_hash"_s.arg(seq));
                return;
            }
            body.replace(at, oldLink.size(), "\"prev_hash\":\""_ba + hash + '"');
            hash = audit::chainHash(hash, body);
            setRow(seq, body, hash);
        }
        if (RewriteHow(m.how) == RewriteHow::DropCheckpoints) {
            db.change("DELETE FROM audit_checkpoints WHERE chain_id = ? AND seq >= ?",
                      {chain.id, m.seq});
        }
        break;
    }
    case Tamper::DuplicateRow: {
        // Without its primary key the table takes a second row for the same seq.
        rebuildRecords(Key::Dropped);
        const audit::StoredRecord &row = chain.at(m.seq);
        insertRow(m.seq,
                  DuplicateHow(m.how) == DuplicateHow::Altered
                      ? editBody(row.body, BodyEdit::ReasonChar, m.salt)
                      : row.body,
                  row.hash);
        break;
    }
    }
}

/*!
 * Copies the base log, lets \a tamper work on the copy through the sqlite3 library once the
 * append-only triggers are dropped (the first thing an attacker holding the file does), then
 * opens the copy as the application would and verifies it.
 */
Result<audit::VerifyReport>
TestAuditTamper::tamperAndVerify(const std::function<void(RawDatabase &)> &tamper,
                                 const audit::VerifyOptions &options) const
{
    // The base file's bytes, written over the last copy: cheaper than a fresh file each time.
    const QString path = m_dir->filePath(u"tampered.db"_s);
    QFile copy(path);
    if (!copy.open(QIODevice::ReadWrite) || copy.write(m_baseBytes) != m_baseBytes.size()
        || !copy.resize(m_baseBytes.size())) {
        return Error{u"cannot copy the base log to "_s + path};
    }
    copy.close();
    {
        RawDatabase db(path);
        // Nothing here needs to survive a power cut; the fsyncs would dominate the test.
        db.exec("PRAGMA synchronous = OFF");
        for (const char *trigger : {"audit_records_no_update", "audit_records_no_delete",
                                    "audit_checkpoints_no_update", "audit_checkpoints_no_delete"}) {
            db.exec(("DROP TRIGGER IF EXISTS "_ba + trigger).constData());
        }
        db.exec("BEGIN");
        tamper(db);
        db.exec("COMMIT");
        if (!db.error().isEmpty())
            return Error{u"tampering failed: "_s + db.error()};
    }
    const auto url = audit::DatabaseUrl::parse(u"sqlite://"_s + path);
    if (!url)
        return Error{url.error()};
    auto store = audit::AuditStore::open(url.value());
    if (!store)
        return Error{store.error()};
    auto whole = audit::verifyStore(*store.value(), options);
    // Large logs are verified in two halves on two threads; the halves must find the same.
    audit::VerifyOptions halves = options;
    halves.parallelFrom = 2;
    auto split = audit::verifyStore(*store.value(), halves);
    if (!whole || !split)
        return whole;
    const auto first = [](const audit::VerifyReport &report) {
        return report.ok() ? QString()
                           : u"%1 seq %2: %3"_s.arg(report.problems.first().chainId)
                                 .arg(report.problems.first().seq)
                                 .arg(report.problems.first().what);
    };
    if (first(whole.value()) != first(split.value())
        || whole.value().records != split.value().records
        || whole.value().chains != split.value().chains) {
        return Error{u"verifying in halves found \"%1\" (%2 records, %3 chains), in one pass \"%4\" "
                     "(%5 records, %6 chains)"_s.arg(first(split.value()))
                         .arg(split.value().records)
                         .arg(split.value().chains)
                         .arg(first(whole.value()))
                         .arg(whole.value().records)
                         .arg(whole.value().chains)};
    }
    return whole;
}

Result<audit::VerifyReport> TestAuditTamper::tamperAndVerify(const Mutation &m) const
{
    return tamperAndVerify([&](RawDatabase &db) { apply(db, m); }, m_options);
}

/*!
 * Empty when \a report pins the tampering on \a chain at \a expected and finds nothing wrong
 * with the other chain; otherwise what differs, with the whole report.
 */
QString TestAuditTamper::judge(const audit::VerifyReport &report, int chain, qint64 expected) const
{
    QString failure;
    const QString &chainId = m_chains.at(chain).id;
    const auto first = std::find_if(
        report.problems.cbegin(), report.problems.cend(),
        [&](const audit::VerifyProblem &problem) { return problem.chainId == chainId; });
    const auto stray = std::find_if(
        report.problems.cbegin(), report.problems.cend(),
        [&](const audit::VerifyProblem &problem) { return problem.chainId != chainId; });
    if (first == report.problems.cend())
        failure = u"not detected"_s;
    else if (first->seq != expected)
        failure = u"first problem at seq %1, expected %2"_s.arg(first->seq).arg(expected);
    else if (stray != report.problems.cend())
        failure = u"a problem on the other chain, at seq %1"_s.arg(stray->seq);
    if (!failure.isEmpty())
        failure += u"; report: "_s + listProblems(report);
    return failure;
}

QString TestAuditTamper::listProblems(const audit::VerifyReport &report) const
{
    QStringList lines;
    for (const audit::VerifyProblem &problem : report.problems) {
        QString chain = problem.chainId;
        for (int c = 0; c < m_chains.size(); ++c) {
            if (m_chains.at(c).id == problem.chainId)
                chain = chainName(c);
        }
        lines.append(u"[%1 seq %2: %3]"_s.arg(chain).arg(problem.seq).arg(problem.what));
    }
    return lines.isEmpty() ? u"no problems"_s : lines.join(u' ');
}

QTEST_GUILESS_MAIN(TestAuditTamper)

#include "tst_audit_tamper.moc"
