// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rg::test;

namespace {

// The minimal line of the issue, which other tools and tests write.
const QByteArray kMinimalLine =
    R"({"kind":"override","actor":{"id":"agent-7","role":"agent","team":"uk-1"},"case_id":"C-1",)"
    R"("payload":{"action":"refund","amount":120,"limit":500,"risk":0.82,"policies":["refund-over-limit"],)"
    R"("reason_category":"other","reason":"customer verified by phone"}})";

QByteArray overrideLine(int n, const QByteArray &reason = "ok")
{
    return R"({"kind":"override","actor":{"id":"agent-1","role":"agent"},"case_id":"C-)"
           + QByteArray::number(n) + R"(","payload":{"amount":)" + QByteArray::number(n)
           + R"(,"reason":")" + reason + "\"}}\n";
}

} // namespace

class TestCliAudit final : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void appendsTheMinimalLine();
    // A bad line is named with its number and nothing of it is stored; good lines still are.
    void rejectsBadLinesByNumber();
    void verifyReportsTheBrokenSeq();
    void anchorCatchesTruncation();
    void pubkeyPinsTheSigner();
    void exportsCsvAndJsonLines();
    void usageErrors_data();
    void usageErrors();
    void unreachableDatabaseIsNamed();

private:
    Run append(const QByteArray &lines);
    bool sql(const QString &statement);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCliAudit::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = u"sqlite://"_s + m_dir->filePath(u"audit.db"_s);
    qputenv("RG_AUDIT_KEY", m_dir->filePath(u"installation.key"_s).toUtf8());
}

Run TestCliAudit::append(const QByteArray &lines)
{
    return runCli({u"audit"_s, u"append"_s, u"--db"_s, m_db, u"--checkpoint-every"_s, u"5"_s},
                  lines);
}

// Runs SQL on the log file as an insider with the file would, triggers dropped first.
bool TestCliAudit::sql(const QString &statement)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"insider"_s);
        db.setDatabaseName(m_dir->filePath(u"audit.db"_s));
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &trigger :
             {u"audit_records_no_update"_s, u"audit_records_no_delete"_s,
              u"audit_checkpoints_no_update"_s, u"audit_checkpoints_no_delete"_s}) {
            ok = ok && query.exec(u"DROP TRIGGER IF EXISTS "_s + trigger);
        }
        ok = ok && query.exec(statement);
        if (!ok)
            qWarning("%s", qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(u"insider"_s);
    return ok;
}

void TestCliAudit::appendsTheMinimalLine()
{
    const Run run = append(kMinimalLine + '\n');
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject answer = QJsonDocument::fromJson(run.out.trimmed()).object();
    QCOMPARE(answer.value(u"line"_s).toInt(), 1);
    QCOMPARE(answer.value(u"seq"_s).toInt(), 1);
    QCOMPARE(answer.value(u"hash"_s).toString().size(), 64);
    QVERIFY(answer.value(u"chain_id"_s).toString().startsWith(u"rg-"_s));

    const Run exported = runCli({u"audit"_s, u"export"_s, u"--db"_s, m_db, u"--format"_s, u"jsonl"_s});
    QVERIFY2(exported.exitCode == 0, qPrintable(describe(exported)));
    const QJsonObject record = QJsonDocument::fromJson(exported.out.trimmed()).object();
    QCOMPARE(record.value(u"hash"_s), answer.value(u"hash"_s));
    QCOMPARE(record.value(u"actor"_s).toObject().value(u"team"_s).toString(), u"uk-1"_s);
    QCOMPARE(record.value(u"payload"_s).toObject().value(u"risk"_s).toDouble(), 0.82);
    QVERIFY(record.value(u"time"_s).toString().endsWith(u'Z'));
}

void TestCliAudit::rejectsBadLinesByNumber()
{
    const QByteArray input = overrideLine(1) + "{not json\n" + overrideLine(3)
                             + R"({"kind":"override","seq":9,"actor":{"id":"a","role":"agent"},"case_id":"C-4"})"
                             + "\n\n" + R"({"kind":"override","actor":{"id":"a"},"case_id":"C-6"})" + "\n"
                             + overrideLine(7);
    const Run run = append(input);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"line 2: not valid JSON at column"_s), qPrintable(err));
    QVERIFY2(err.contains(u"line 4: /seq: assigned by the log"_s), qPrintable(err));
    QVERIFY2(err.contains(u"line 6: /actor/role"_s), qPrintable(err));
    QVERIFY2(err.contains(u"3 line(s) rejected"_s), qPrintable(err));
    const QList<QByteArray> answers = run.out.trimmed().split('\n');
    QCOMPARE(answers.size(), 3);
    QList<int> lines, seqs;
    for (const QByteArray &answer : answers) {
        const QJsonObject object = QJsonDocument::fromJson(answer).object();
        lines.append(object.value(u"line"_s).toInt());
        seqs.append(object.value(u"seq"_s).toInt());
    }
    QCOMPARE(lines, (QList<int>{1, 3, 7}));
    QCOMPARE(seqs, (QList<int>{1, 2, 3}));
    const Run exported = runCli({u"audit"_s, u"export"_s, u"--db"_s, m_db, u"--format"_s, u"jsonl"_s});
    QCOMPARE(exported.out.count('\n'), 3);
    QVERIFY(!exported.out.contains("C-4"));
}

void TestCliAudit::verifyReportsTheBrokenSeq()
{
    QByteArray input;
    for (int n = 1; n <= 12; ++n)
        input += overrideLine(n);
    QVERIFY(append(input).exitCode == 0);
    const QStringList verify = {u"audit"_s, u"verify"_s, u"--db"_s, m_db};
    Run run = runCli(verify);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.startsWith("OK: 12 records in 1 chain(s), 3 checkpoint(s)"),
             qPrintable(describe(run)));

    QVERIFY(sql(u"UPDATE audit_records SET body = replace(body, '\"amount\":7', '\"amount\":700') "
                "WHERE seq = 7"_s));
    run = runCli(verify);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(" seq 7: hash does not match"), qPrintable(describe(run)));
    QVERIFY2(run.out.contains("FAILED: 1 problem(s)"), qPrintable(describe(run)));
}

void TestCliAudit::anchorCatchesTruncation()
{
    QByteArray input;
    for (int n = 1; n <= 8; ++n)
        input += overrideLine(n);
    QVERIFY(append(input).exitCode == 0);
    const Run anchor = runCli({u"audit"_s, u"anchor"_s, u"--db"_s, m_db});
    QVERIFY2(anchor.exitCode == 0, qPrintable(describe(anchor)));
    const QString anchorFile = m_dir->filePath(u"anchor.json"_s);
    QVERIFY(writeFile(anchorFile, anchor.out));
    QCOMPARE(QJsonDocument::fromJson(anchor.out).object().value(u"anchors"_s)[0][u"seq"_s].toInt(),
             8);

    // The insider cuts the last three records and every checkpoint that mentions them.
    QVERIFY(sql(u"DELETE FROM audit_records WHERE seq > 5"_s));
    QVERIFY(sql(u"DELETE FROM audit_checkpoints WHERE seq > 5"_s));
    Run run = runCli({u"audit"_s, u"verify"_s, u"--db"_s, m_db});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run))); // looks whole without the anchor
    run = runCli({u"audit"_s, u"verify"_s, u"--db"_s, m_db, u"--anchor"_s, anchorFile});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(" seq 6: truncated: the chain ends at seq 5 but the anchor signed seq 8"),
             qPrintable(describe(run)));

    // An anchor whose seq no double holds has no canonical form to check its signature over:
    // it is refused by name, not a crash.
    QJsonObject document = QJsonDocument::fromJson(anchor.out).object();
    QJsonArray anchors = document.value(u"anchors"_s).toArray();
    QJsonObject forged = anchors.at(0).toObject();
    forged.insert(u"seq"_s, qint64(33333925474099301));
    anchors.replace(0, forged);
    document.insert(u"anchors"_s, anchors);
    QVERIFY(writeFile(anchorFile, QJsonDocument(document).toJson()));
    run = runCli({u"audit"_s, u"verify"_s, u"--db"_s, m_db, u"--anchor"_s, anchorFile});
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QVERIFY2(run.exitCode != 0 && run.err.contains("anchor 1: /seq"), qPrintable(describe(run)));

    // A lone surrogate in chain_id has no canonical form either: a signature that cannot
    // verify, reported as such.
    QByteArray surrogate = anchor.out;
    const QByteArray chainId = "\"" + forged.value(u"chain_id"_s).toString().toLatin1() + "\"";
    QVERIFY(surrogate.contains(chainId));
    surrogate.replace(chainId, "\"rg-\\udc00\"");
    QVERIFY(writeFile(anchorFile, surrogate));
    run = runCli({u"audit"_s, u"verify"_s, u"--db"_s, m_db, u"--anchor"_s, anchorFile});
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("signature does not verify"), qPrintable(describe(run)));
}

void TestCliAudit::pubkeyPinsTheSigner()
{
    QVERIFY(append(overrideLine(1)).exitCode == 0);
    const Run own = runCli({u"audit"_s, u"pubkey"_s});
    QVERIFY2(own.exitCode == 0 && own.out.contains("ed25519:"), qPrintable(describe(own)));
    const QString ownFile = m_dir->filePath(u"own.pub"_s);
    QVERIFY(writeFile(ownFile, own.out));
    Run run = runCli({u"audit"_s, u"verify"_s, u"--db"_s, m_db, u"--pubkey"_s, ownFile});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    // A key file without keys would silently trust whatever the log says: refused.
    const QString emptyFile = m_dir->filePath(u"empty.pub"_s);
    QVERIFY(writeFile(emptyFile, "# no keys yet\n"));
    run = runCli({u"audit"_s, u"verify"_s, u"--db"_s, m_db, u"--pubkey"_s, emptyFile});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("holds no public key"), qPrintable(describe(run)));

    const Run other = runCli({u"audit"_s, u"pubkey"_s, u"--key"_s, m_dir->filePath(u"other.key"_s)});
    const QString otherFile = m_dir->filePath(u"other.pub"_s);
    QVERIFY(writeFile(otherFile, other.out));
    run = runCli({u"audit"_s, u"verify"_s, u"--db"_s, m_db, u"--pubkey"_s, otherFile});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("not among the trusted keys"), qPrintable(describe(run)));
}

void TestCliAudit::exportsCsvAndJsonLines()
{
    QVERIFY(append(overrideLine(1, "=HYPERLINK(\\\"http://x\\\")") + overrideLine(2, "a, \\\"quoted\\\" reason"))
                .exitCode
            == 0);
    const Run csv = runCli({u"audit"_s, u"export"_s, u"--db"_s, m_db, u"--format"_s, u"csv"_s});
    QVERIFY2(csv.exitCode == 0, qPrintable(describe(csv)));
    const QList<QByteArray> rows = csv.out.trimmed().split('\n');
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows[0].startsWith("chain_id,seq,time,kind,actor_id"));
    // A reason that a spreadsheet would run as a formula is defused.
    QVERIFY2(rows[1].contains(",\"'=HYPERLINK("), rows[1].constData());
    QVERIFY2(rows[2].contains(R"("a, ""quoted"" reason")"), rows[2].constData());
    // So is a list whose first item would be a formula.
    QVERIFY(append(R"json({"kind":"override","actor":{"id":"a","role":"agent"},"case_id":"C-3","payload":{"policies":["@SUM(1+1)","x"]}})json"
                   "\n")
                .exitCode
            == 0);
    const Run listed = runCli({u"audit"_s, u"export"_s, u"--db"_s, m_db, u"--format"_s, u"csv"_s});
    QVERIFY2(listed.out.contains(",'@SUM(1+1);x,"), listed.out.constData());

    // --to with a date before today leaves nothing; --from today keeps all three.
    const Run none = runCli({u"audit"_s, u"export"_s, u"--db"_s, m_db, u"--format"_s, u"jsonl"_s,
                             u"--to"_s, u"2020-01-01"_s});
    QVERIFY(none.exitCode == 0 && none.out.isEmpty());
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const Run both = runCli({u"audit"_s, u"export"_s, u"--db"_s, m_db, u"--format"_s, u"jsonl"_s,
                             u"--from"_s, today, u"--to"_s, today});
    QCOMPARE(both.out.count('\n'), 3);
}

void TestCliAudit::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no subcommand") << QStringList{u"audit"_s} << u"expected append, verify"_s;
    QTest::newRow("unknown subcommand") << QStringList{u"audit"_s, u"shred"_s}
                                        << u"unknown subcommand \"shred\""_s;
    QTest::newRow("no db") << QStringList{u"audit"_s, u"verify"_s} << u"--db URL is required"_s;
    QTest::newRow("unknown option") << QStringList{u"audit"_s, u"verify"_s, u"--db"_s, u"sqlite:x.db"_s, u"--fast"_s, u"1"_s}
                                    << u"unknown option --fast"_s;
    QTest::newRow("missing value") << QStringList{u"audit"_s, u"append"_s, u"--db"_s}
                                   << u"--db needs a value"_s;
    QTest::newRow("bad format") << QStringList{u"audit"_s, u"export"_s, u"--db"_s, u"sqlite:x.db"_s, u"--format"_s, u"xml"_s}
                                << u"--format is csv or jsonl"_s;
    QTest::newRow("bad date") << QStringList{u"audit"_s, u"export"_s, u"--db"_s, u"sqlite:x.db"_s, u"--format"_s, u"csv"_s, u"--from"_s, u"yesterday"_s}
                              << u"yesterday: expected a date"_s;
    QTest::newRow("bad checkpoint interval")
        << QStringList{u"audit"_s, u"append"_s, u"--db"_s, u"sqlite:x.db"_s, u"--checkpoint-every"_s, u"0"_s}
        << u"--checkpoint-every takes a positive number"_s;
}

void TestCliAudit::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    checkUsageError(runCli(args), message);
}

void TestCliAudit::unreachableDatabaseIsNamed()
{
    const Run run = runCli({u"audit"_s, u"verify"_s, u"--db"_s,
                            u"postgresql://sup:hunter2@127.0.0.1:1/audit"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("postgresql://sup@127.0.0.1:1/audit: cannot open"), qPrintable(describe(run)));
    QVERIFY(!run.err.contains("hunter2"));
    // Records wait in the outbox; the message names the server without its password.
    const Run offline = runCli({u"audit"_s, u"append"_s, u"--db"_s,
                                u"postgresql://agent:hunter2@127.0.0.1:1/audit"_s, u"--outbox"_s,
                                m_db},
                               overrideLine(1));
    QVERIFY2(offline.exitCode == 0, qPrintable(describe(offline)));
    QVERIFY2(offline.err.contains("1 records wait in the outbox for postgresql://agent@127.0.0.1:1/audit"),
             qPrintable(describe(offline)));
    QVERIFY(!offline.err.contains("hunter2"));
    const Run bad = runCli({u"audit"_s, u"verify"_s, u"--db"_s, u"mysql://x/y"_s});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("expected a sqlite:/// or postgresql:// URL"), qPrintable(describe(bad)));
}

QTEST_GUILESS_MAIN(TestCliAudit)
#include "tst_cli_audit.moc"
