// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/auditstore.h"
#include "audit/databaseurl.h"
#include "audit/verifier.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

#include <sys/types.h>

using namespace Qt::StringLiterals;
using namespace rg;
using namespace rg::audit;

namespace {

constexpr int kRounds = 220;
constexpr int kMinRounds = 200;
constexpr int kMinMidStreamKills = 150;
constexpr int kSchemaRuns = 20;
// Lines written at once, and how few may wait unanswered before the next batch goes out: the
// child must never run dry, or the kill would land while it idles on a read.
constexpr int kBatch = 200;
constexpr int kLowWater = 100;
constexpr int kMaxDelayAfterAckMs = 40;
// Some rounds kill on a timer from the start, which mostly lands before the first answer
// (key loading, opening the store, the first commit).
constexpr int kEarlyKillPercent = 8;
constexpr int kMaxEarlyKillMs = 20;
constexpr int kStartTimeoutMs = 10000;
constexpr int kFirstAckTimeoutMs = 15000;

struct Ack
{
    qint64 line = 0;
    QString chainId;
    qint64 seq = 0;
    QByteArray hash;
};

struct Answers
{
    QList<Ack> acks;
    QByteArray partial; // the last line, cut short by the kill before its newline
    QString error;      // a complete line that is not an answer
};

// Splits what `audit append` printed into its answers. Only a line with its newline counts: the
// child may die between writing an answer and finishing it, and a cut line proves nothing.
Answers parseAnswers(const QByteArray &out)
{
    Answers answers;
    qsizetype start = 0;
    while (start < out.size()) {
        const qsizetype end = out.indexOf('\n', start);
        if (end < 0) {
            answers.partial = out.mid(start);
            break;
        }
        const QByteArray line = out.mid(start, end - start);
        start = end + 1;
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(line, &parseError).object();
        Ack ack{json.value(u"line"_s).toInteger(), json.value(u"chain_id"_s).toString(),
                json.value(u"seq"_s).toInteger(), json.value(u"hash"_s).toString().toLatin1()};
        if (parseError.error != QJsonParseError::NoError || ack.line < 1 || ack.seq < 1
            || ack.chainId.isEmpty() || ack.hash.size() != 64) {
            answers.error = u"not an answer: "_s + QString::fromUtf8(line);
            break;
        }
        answers.acks.append(ack);
    }
    return answers;
}

QString reasonOf(int round, qint64 line)
{
    return u"round %1 line %2"_s.arg(round).arg(line);
}

// Draft lines [first, first + count) of a round; each says in its reason where it came from.
QByteArray draftLines(int round, qint64 first, int count)
{
    QByteArray lines;
    for (qint64 n = first; n < first + count; ++n) {
        lines += R"({"kind":"override","actor":{"id":"agent-7","role":"agent","team":"uk-1"},)"
                 R"("case_id":"C-)"
                 + QByteArray::number(n) + R"(","payload":{"action":"refund","amount":)"
                 + QByteArray::number(n % 500 + 1) + R"(,"reason_category":"other","reason":")"
                 + reasonOf(round, n).toUtf8() + "\"}}\n";
    }
    return lines;
}

QString payloadReason(const QByteArray &body)
{
    return QJsonDocument::fromJson(body)
        .object()
        .value(u"payload"_s)
        .toObject()
        .value(u"reason"_s)
        .toString();
}

QString problemsText(const VerifyReport &report)
{
    QStringList lines;
    for (const VerifyProblem &problem : report.problems)
        lines.append(
            u"chain %1 seq %2: %3"_s.arg(problem.chainId).arg(problem.seq).arg(problem.what));
    return lines.join(u'\n');
}

// What one killed child left behind.
struct Kill
{
    Answers answers;
    qint64 linesWritten = 0;
    bool early = false;
    bool exitedByItself = false;
    QByteArray err;
};

// The schema of a file as a plain connection sees it, before AuditStore::open touches it.
struct SchemaPeek
{
    int auditObjects = 0; // tables, triggers and indexes of the audit schema
    int version = 0;
    QString error;
};

SchemaPeek peekSchema(const QString &path)
{
    SchemaPeek peek;
    const QString name = u"tst_audit_crash.peek"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            peek.error = u"cannot open: "_s + path;
        } else {
            QSqlQuery query(db);
            if (!query.exec(u"SELECT count(*) FROM sqlite_master WHERE name LIKE 'audit%'"_s)
                || !query.next()) {
                peek.error = u"cannot read sqlite_master"_s;
            } else {
                peek.auditObjects = query.value(0).toInt();
            }
            if (peek.auditObjects > 0
                && query.exec(u"SELECT value FROM audit_meta WHERE key = 'schema_version'"_s)
                && query.next()) {
                peek.version = query.value(0).toInt();
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return peek;
}

} // namespace

class TestAuditCrash final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cutAnswerLineIsNotAnAck();
    void killedAppendKeepsEveryAck();
    void killedSchemaCreationLeavesUsableStore();

private:
    Kill runAndKill(const QString &dbPath, int round, bool early, int delayMs);
    std::unique_ptr<AuditStore> openStore(const QString &dbPath);

    QTemporaryDir m_dir;
    QProcessEnvironment m_environment;
    QRandomGenerator m_random;
    quint32 m_seed = 0;
};

void TestAuditCrash::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QByteArray seedText = qgetenv("RG_CRASH_SEED");
    if (seedText.isEmpty()) {
        m_seed = QRandomGenerator::system()->generate();
    } else {
        bool ok = false;
        m_seed = seedText.toUInt(&ok);
        QVERIFY2(ok, "RG_CRASH_SEED must be an unsigned 32-bit number");
    }
    qInfo("seed %u (set RG_CRASH_SEED=%u to replay the same kill times)", m_seed, m_seed);
    m_random.seed(m_seed);
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.remove(u"RG_LOG_LEVEL"_s);
    // The child creates the key on its first run, possibly while being killed; creation is
    // atomic, so every later run finds either no key or the whole key.
    m_environment.insert(u"RG_AUDIT_KEY"_s, m_dir.filePath(u"keys/audit-signing.key"_s));
}

// Scenario: the child died after writing part of an answer; only answers with their newline
// count, even a cut line that happens to be complete JSON.
void TestAuditCrash::cutAnswerLineIsNotAnAck()
{
    const QByteArray hash(64, 'a');
    const QByteArray whole = R"({"line":1,"chain_id":"c","seq":7,"hash":")" + hash + "\"}";
    const QByteArray second = R"({"line":2,"chain_id":"c","seq":8,"hash":")" + hash + "\"}";

    Answers answers = parseAnswers(whole + '\n' + second.left(20));
    QVERIFY2(answers.error.isEmpty(), qPrintable(answers.error));
    QCOMPARE(answers.acks.size(), 1);
    QCOMPARE(answers.acks.first().seq, 7);
    QCOMPARE(answers.partial, second.left(20));

    answers = parseAnswers(whole + '\n' + second);
    QCOMPARE(answers.acks.size(), 1);
    QCOMPARE(answers.partial, second);

    answers = parseAnswers(whole + '\n' + second + '\n');
    QCOMPARE(answers.acks.size(), 2);
    QVERIFY(answers.partial.isEmpty());

    answers = parseAnswers(whole + '\n' + second.left(20) + '\n');
    QVERIFY(!answers.error.isEmpty());
}

/*!
 * Starts `audit append` on \a dbPath, keeps its input full and kills it with SIGKILL: \a delayMs
 * after the start when \a early, else \a delayMs after its first answer.
 */
Kill TestAuditCrash::runAndKill(const QString &dbPath, int round, bool early, int delayMs)
{
    Kill kill;
    kill.early = early;
    QProcess child;
    child.setProcessEnvironment(m_environment);
    child.start(QStringLiteral(RG_CLI_PATH),
                {u"audit"_s, u"append"_s, u"--db"_s, u"sqlite://"_s + dbPath});
    if (!child.waitForStarted(kStartTimeoutMs)) {
        kill.exitedByItself = true;
        kill.err = child.errorString().toUtf8();
        return kill;
    }
    QElapsedTimer clock;
    clock.start();
    const auto pid = static_cast<pid_t>(child.processId());
    QByteArray out;
    qint64 answered = 0;
    const auto feed = [&] {
        // Standard input stays open: the child must never reach its end-of-session code.
        if (kill.linesWritten - answered < kLowWater) {
            child.write(draftLines(round, kill.linesWritten + 1, kBatch));
            kill.linesWritten += kBatch;
        }
    };
    const auto pump = [&](qint64 untilMs) {
        while (child.state() == QProcess::Running) {
            const qint64 remaining = untilMs - clock.elapsed();
            if (remaining <= 0)
                return;
            child.waitForReadyRead(int(remaining));
            const QByteArray chunk = child.readAllStandardOutput();
            answered += chunk.count('\n');
            out += chunk;
            feed();
        }
    };
    feed();
    if (early) {
        pump(delayMs);
    } else {
        while (answered == 0 && child.state() == QProcess::Running
               && clock.elapsed() < kFirstAckTimeoutMs) {
            pump(clock.elapsed() + 5);
        }
        pump(clock.elapsed() + delayMs);
    }
    if (child.state() == QProcess::Running)
        ::kill(pid, SIGKILL);
    child.waitForFinished(kStartTimeoutMs);
    kill.exitedByItself = child.exitStatus() != QProcess::CrashExit;
    out += child.readAllStandardOutput();
    kill.err = child.readAllStandardError();
    kill.answers = parseAnswers(out);
    return kill;
}

std::unique_ptr<AuditStore> TestAuditCrash::openStore(const QString &dbPath)
{
    auto url = DatabaseUrl::parse(u"sqlite://"_s + dbPath);
    if (!url)
        return {};
    auto store = AuditStore::open(url.value());
    if (!store) {
        qWarning("%s", qPrintable(store.error()));
        return {};
    }
    return std::move(store).value();
}

// Scenario: an agent's tool appends without pause and the machine kills it at any instant,
// hundreds of times over one growing log. Each time, the log must verify, hold every record
// the tool was told was stored (same seq, same hash), and hold at most the one record it was
// committing when it died.
void TestAuditCrash::killedAppendKeepsEveryAck()
{
    QElapsedTimer total;
    total.start();
    const QString dbPath = m_dir.filePath(u"crash.db"_s);
    QHash<qint64, QByteArray> acked; // every seq ever answered, with its hash
    QString chainId;
    qint64 head = 0; // records in the log after the previous round
    int rounds = 0;
    int midStream = 0;
    int earlyKills = 0;
    int cutLines = 0;
    int unansweredCommits = 0;
    qint64 acksChecked = 0;
    qint64 checkingMs = 0;
    int checkpoints = 0;

    for (int round = 1; round <= kRounds; ++round) {
        const bool early = int(m_random.bounded(100)) < kEarlyKillPercent;
        const int delay
            = int(m_random.bounded((early ? kMaxEarlyKillMs : kMaxDelayAfterAckMs) + 1));
        const Kill kill = runAndKill(dbPath, round, early, delay);
        QElapsedTimer checking;
        checking.start();
        const QString where = u"round %1 (seed %2): "_s.arg(round).arg(m_seed);
        QVERIFY2(!kill.exitedByItself, qPrintable(where + u"the child exited before the kill: "_s
                                                  + QString::fromUtf8(kill.err)));
        const Answers &answers = kill.answers;
        QVERIFY2(answers.error.isEmpty(), qPrintable(where + answers.error));
        ++rounds;
        earlyKills += early ? 1 : 0;
        cutLines += answers.partial.isEmpty() ? 0 : 1;
        if (!answers.acks.isEmpty() && answers.acks.size() < kill.linesWritten)
            ++midStream;

        if (!QFileInfo::exists(dbPath)) {
            // Killed before SQLite made the file: nothing can have been answered.
            QVERIFY2(answers.acks.isEmpty(), qPrintable(where + u"answers without a file"_s));
            continue;
        }
        auto store = openStore(dbPath);
        QVERIFY2(store, qPrintable(where + u"the store does not open"_s));
        auto report = verifyStore(*store, {});
        QVERIFY2(report, qPrintable(where + (report ? QString() : report.error())));
        QVERIFY2(report.value().ok(), qPrintable(where + problemsText(report.value())));
        QVERIFY(report.value().chains <= 1);
        checkpoints = report.value().checkpoints;

        // Answers come in input order, one per line, continuing the chain where it stood.
        for (qsizetype i = 0; i < answers.acks.size(); ++i) {
            const Ack &ack = answers.acks.at(i);
            if (chainId.isEmpty())
                chainId = ack.chainId;
            QCOMPARE(ack.chainId, chainId);
            QCOMPARE(ack.line, i + 1);
            QCOMPARE(ack.seq, head + i + 1);
            acked.insert(ack.seq, ack.hash);
        }

        // Everything answered in any round is there unchanged; seqs run 1..N without a hole;
        // this round's records are this round's lines, in order.
        qint64 seen = 0;
        QString mismatch;
        auto scanned = store->scan({}, [&](const StoredRecord &record) {
            ++seen;
            if (record.seq != seen) {
                mismatch = u"seq %1 where %2 was due"_s.arg(record.seq).arg(seen);
                return false;
            }
            if (const auto it = acked.constFind(record.seq);
                it != acked.cend() && it.value() != record.hash) {
                mismatch
                    = u"seq %1 has hash %2, the child answered %3"_s.arg(record.seq)
                          .arg(QString::fromLatin1(record.hash), QString::fromLatin1(it.value()));
                return false;
            }
            if (record.seq > head
                && payloadReason(record.body) != reasonOf(round, record.seq - head)) {
                mismatch = u"seq %1 holds \"%2\", expected line %3 of this round"_s.arg(record.seq)
                               .arg(payloadReason(record.body))
                               .arg(record.seq - head);
                return false;
            }
            return true;
        });
        QVERIFY2(scanned, qPrintable(where + (scanned ? QString() : scanned.error())));
        QVERIFY2(mismatch.isEmpty(), qPrintable(where + mismatch));
        QVERIFY2(seen >= acked.size(), qPrintable(where + u"answered records are missing"_s));
        // The child commits, then answers, then reads on: at most one commit went unanswered.
        const qint64 added = seen - head;
        QVERIFY2(
            added == answers.acks.size() || added == answers.acks.size() + 1,
            qPrintable(where
                       + u"%1 records added, %2 answered"_s.arg(added).arg(answers.acks.size())));
        unansweredCommits += added > answers.acks.size() ? 1 : 0;
        acksChecked += acked.size();
        head = seen;
        // Closed before the next child starts, so the two never wait on each other's lock.
        store.reset();
        checkingMs += checking.elapsed();
    }

    const qint64 elapsedMs = total.elapsed();
    qInfo("%d rounds (%d killed on a timer from the start), %d killed mid-stream after an "
          "answer; %lld records in the log, %lld answered; %lld answer checks; %d cut answer "
          "lines; %d commits died unanswered; %d checkpoints; %lld ms, %lld of them checking the "
          "store",
          rounds, earlyKills, midStream, static_cast<long long>(head),
          static_cast<long long>(acked.size()), static_cast<long long>(acksChecked), cutLines,
          unansweredCommits, checkpoints, static_cast<long long>(elapsedMs),
          static_cast<long long>(checkingMs));
    QVERIFY(rounds >= kMinRounds);
    QVERIFY2(midStream >= kMinMidStreamKills,
             qPrintable(
                 u"only %1 of %2 rounds killed the child while it was writing"_s.arg(midStream).arg(
                     rounds)));
    QVERIFY(!acked.isEmpty());
}

// Scenario: the very first append on a new database is killed, often while the schema is
// being created. The migration is one transaction, so the file holds either no audit schema
// or all of it, and it then opens, migrates if needed and verifies.
void TestAuditCrash::killedSchemaCreationLeavesUsableStore()
{
    // How long a child takes to its first answer on a new file, so the kills spread over it.
    qint64 firstAnswerMs = 0;
    {
        const QString dbPath = m_dir.filePath(u"schema-probe.db"_s);
        QElapsedTimer clock;
        clock.start();
        const Kill probe = runAndKill(dbPath, 0, false, 0);
        firstAnswerMs = clock.elapsed();
        QVERIFY2(!probe.exitedByItself, probe.err.constData());
        QVERIFY2(!probe.answers.acks.isEmpty(), probe.err.constData());
    }
    int noFile = 0;
    int noSchema = 0;
    int schemaOnly = 0;
    int withRecords = 0;
    for (int run = 1; run <= kSchemaRuns; ++run) {
        const QString dbPath = m_dir.filePath(u"schema-%1.db"_s.arg(run));
        const int delay = int(m_random.bounded(quint32(firstAnswerMs + 1)));
        const Kill kill = runAndKill(dbPath, run, true, delay);
        const QString where
            = u"run %1, killed after %2 ms (seed %3): "_s.arg(run).arg(delay).arg(m_seed);
        QVERIFY2(!kill.exitedByItself, qPrintable(where + QString::fromUtf8(kill.err)));
        QVERIFY2(kill.answers.error.isEmpty(), qPrintable(where + kill.answers.error));
        if (!QFileInfo::exists(dbPath)) {
            ++noFile;
            QVERIFY(kill.answers.acks.isEmpty());
            continue;
        }
        const SchemaPeek peek = peekSchema(dbPath);
        QVERIFY2(peek.error.isEmpty(), qPrintable(where + peek.error));
        QVERIFY2(
            peek.auditObjects == 0 || peek.version == AuditStore::kSchemaVersion,
            qPrintable(where
                       + u"half a schema: %1 audit objects at version %2"_s.arg(peek.auditObjects)
                             .arg(peek.version)));

        auto store = openStore(dbPath);
        QVERIFY2(store, qPrintable(where + u"the store does not open"_s));
        auto version = store->schemaVersion();
        QVERIFY(version);
        QCOMPARE(version.value(), AuditStore::kSchemaVersion);
        auto report = verifyStore(*store, {});
        QVERIFY2(report, qPrintable(where + (report ? QString() : report.error())));
        QVERIFY2(report.value().ok(), qPrintable(where + problemsText(report.value())));
        auto records = store->records(QString(), 0, kBatch);
        QVERIFY(records);
        QVERIFY(records.value().size() >= kill.answers.acks.size());
        QVERIFY(records.value().size() <= kill.answers.acks.size() + 1);
        for (qsizetype i = 0; i < kill.answers.acks.size(); ++i) {
            QCOMPARE(records.value().at(i).seq, kill.answers.acks.at(i).seq);
            QCOMPARE(records.value().at(i).hash, kill.answers.acks.at(i).hash);
        }
        if (peek.auditObjects == 0)
            ++noSchema;
        else if (records.value().isEmpty())
            ++schemaOnly;
        else
            ++withRecords;
    }
    qInfo("first answer after %lld ms; of %d kills: %d before the file, %d before the schema "
          "committed, %d with the schema but no record, %d after records",
          static_cast<long long>(firstAnswerMs), kSchemaRuns, noFile, noSchema, schemaOnly,
          withRecords);
}

QTEST_GUILESS_MAIN(TestAuditCrash)
#include "tst_audit_crash.moc"
