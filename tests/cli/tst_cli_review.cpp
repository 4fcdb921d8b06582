// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clirunner.h"
#include "review/auditgenerator.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rg::test;
using rg::review::GeneratedLog;
using rg::review::generateAuditLog;

namespace {

// The minimal line of `audit append`, for one agent of team uk-1.
QByteArray minimalLine(const QString &agent, int n, double amount)
{
    return u"{\"kind\":\"override\",\"actor\":{\"id\":\"%1\",\"role\":\"agent\",\"team\":\"uk-1\"},"
           "\"case_id\":\"C-%2\",\"payload\":{\"amount\":%3,\"limit\":500,\"risk\":0.82,"
           "\"policies\":[\"refund-over-limit\"]}}\n"_s.arg(agent)
               .arg(n)
               .arg(amount)
               .toUtf8();
}

// RFC 4180 records, strictly: rows end in CRLF; quoted fields may hold commas, doubled quotes and
// line breaks.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool next = i + 1 < text.size();
        if (quoted) {
            if (c == u'"' && next && text.at(i + 1) == u'"') {
                field += c;
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(std::exchange(field, {}));
        } else if (c == u'\r' && next && text.at(i + 1) == u'\n') {
            ++i;
            row.append(std::exchange(field, {}));
            rows.append(std::exchange(row, {}));
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

const QStringList kCsvHeader
    = {u"time"_s,     u"chain"_s,      u"seq"_s,        u"agent"_s,           u"team"_s,
       u"case"_s,     u"action"_s,     u"amount"_s,     u"currency"_s,        u"limit"_s,
       u"policies"_s, u"risk_score"_s, u"risk_level"_s, u"reason_category"_s, u"disposition"_s};

// The PDF's text as pdftotext lays it out; pages end in a form feed.
QString pdfText(const QString &path)
{
    QProcess process;
    process.start(u"pdftotext"_s, {u"-layout"_s, path, u"-"_s});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

// pdftotext (Debian: poppler-utils) reads the report back. Skips without it, but fails when
// CI=true, where its absence means the runner is broken rather than that the test cannot run.
#define RG_REQUIRE_PDFTOTEXT()                                                                     \
    do {                                                                                           \
        if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty()) {                            \
            if (qgetenv("CI") == QByteArrayLiteral("true"))                                        \
                QFAIL("CI=true but pdftotext is missing: apt-get install poppler-utils");          \
            else                                                                                   \
                QSKIP("no pdftotext: apt-get install poppler-utils");                              \
        }                                                                                          \
    } while (false)

class TestCliReview final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void outliersAsJson();
    void outliersAsTable();
    void teamAndPeriodFilter();
    void minimalAppendLinesUseActiveDays();
    void usageErrors_data();
    void usageErrors();
    void unreadableDatabaseFails();
    void reportCsvRows();
    void reportCsvDefusesAndQuotes();
    void reportPdf();
    void reportPdfOfTamperedLog();
    void reportFailuresLeaveNoFile();

private:
    QJsonObject outliersJson(const QStringList &extra = {});
    Run report(const QString &db, const QString &out, const QString &from = u"2026-10-05"_s,
               const QString &to = u"2026-11-01"_s);

    QTemporaryDir m_dir;
    QString m_db;
    GeneratedLog m_generated;
};

void TestCliReview::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = u"sqlite://"_s + m_dir.filePath(u"audit.db"_s);
    auto generated = generateAuditLog(m_db, m_dir.path());
    QVERIFY2(generated, qPrintable(errorOf(generated)));
    m_generated = generated.value();
    qputenv("RG_AUDIT_KEY", m_dir.filePath(u"cli.key"_s).toUtf8());
}

QJsonObject TestCliReview::outliersJson(const QStringList &extra)
{
    const Run run
        = runCli(QStringList{u"review"_s, u"outliers"_s, u"--db"_s, m_db, u"--json"_s} + extra);
    if (!run.finished || run.exitCode != 0) {
        qWarning().noquote() << describe(run);
        return {};
    }
    return QJsonDocument::fromJson(run.out).object();
}

// The ranked agents with their figures and reasons, as the JSON.
void TestCliReview::outliersAsJson()
{
    const QJsonObject report = outliersJson();
    QVERIFY(!report.isEmpty());
    QCOMPARE(report.value(u"period"_s).toObject().value(u"from"_s), QJsonValue());
    QCOMPARE(report.value(u"skipped_records"_s).toInt(-1), 0);
    const QJsonArray agents = report.value(u"agents"_s).toArray();
    QCOMPARE(agents.size(), 17);
    const QJsonObject first = agents.at(0).toObject();
    QCOMPARE(first.value(u"agent"_s).toString(), m_generated.subLimitAgent);
    QCOMPARE(agents.at(1).toObject().value(u"agent"_s).toString(), m_generated.fraudAgent);
    for (const QString &key : {u"agent"_s, u"team"_s, u"overrides"_s, u"high_risk_overrides"_s,
                               u"denominator"_s, u"rate"_s, u"rate_low"_s, u"rate_high"_s,
                               u"team_band"_s, u"fraud_share"_s, u"score"_s, u"flags"_s}) {
        QVERIFY2(first.contains(key), qPrintable(key));
    }
    QCOMPARE(first.value(u"team"_s).toString(), u"team-a"_s);
    QCOMPARE(first.value(u"denominator"_s).toString(), u"contacts"_s);
    QVERIFY(first.value(u"rate_low"_s).toDouble() > first.value(u"team_band"_s).toDouble());
    QStringList ids;
    for (const QJsonValue &flag : first.value(u"flags"_s).toArray()) {
        ids.append(flag.toObject().value(u"id"_s).toString());
        QVERIFY(!flag.toObject().value(u"explanation"_s).toString().isEmpty());
    }
    for (const QString &id : {u"repeat_customer"_s, u"sub_limit"_s, u"off_hours"_s, u"burst"_s})
        QVERIFY2(ids.contains(id), qPrintable(ids.join(u", "_s)));
    const QJsonObject last = agents.last().toObject();
    QCOMPARE(last.value(u"agent"_s).toString(), m_generated.newAgent);
    QVERIFY(last.value(u"flags"_s).toArray().isEmpty());
}

void TestCliReview::outliersAsTable()
{
    const Run run = runCli({u"review"_s, u"outliers"_s, u"--db"_s, m_db});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.startsWith(u"period start .. end\nrank agent"_s), qPrintable(text));
    QVERIFY2(text.contains(u"   1 "_s + m_generated.subLimitAgent), qPrintable(text));
    QVERIFY2(text.contains(u"[sub_limit] 24 of "_s), qPrintable(text));
}

// --team lists one team; --to's bare date includes that day.
void TestCliReview::teamAndPeriodFilter()
{
    const QJsonObject teamB = outliersJson({u"--team"_s, u"team-b"_s});
    const QJsonArray agents = teamB.value(u"agents"_s).toArray();
    QCOMPARE(agents.size(), 8);
    QCOMPARE(agents.at(0).toObject().value(u"agent"_s).toString(), m_generated.fraudAgent);
    for (const QJsonValue &agent : agents)
        QCOMPARE(agent.toObject().value(u"team"_s).toString(), u"team-b"_s);

    const Run none = runCli({u"review"_s, u"outliers"_s, u"--db"_s, m_db, u"--team"_s, u"nope"_s});
    QVERIFY2(none.finished && none.exitCode == 0, qPrintable(describe(none)));
    QVERIFY2(none.err.contains("no overrides by team nope in the period"),
             qPrintable(describe(none)));

    const QJsonObject week
        = outliersJson({u"--from"_s, u"2026-10-05"_s, u"--to"_s, u"2026-10-11"_s});
    QCOMPARE(week.value(u"period"_s).toObject(),
             (QJsonObject{{u"from"_s, u"2026-10-05T00:00:00.000Z"_s},
                          {u"to"_s, u"2026-10-12T00:00:00.000Z"_s}}));
    for (const QJsonValue &agent : week.value(u"agents"_s).toArray())
        QVERIFY(agent.toObject().value(u"agent"_s).toString() != m_generated.newAgent);
}

// Lines as other tools append them: no contacts, so rates are per active day.
void TestCliReview::minimalAppendLinesUseActiveDays()
{
    const QString db = u"sqlite://"_s + m_dir.filePath(u"minimal.db"_s);
    QByteArray lines;
    for (int i = 0; i < 3; ++i)
        lines += minimalLine(u"agent-%1"_s.arg(i), i, 120.0);
    lines += minimalLine(u"agent-9"_s, 9, 480.0);
    const Run appended = runCli({u"audit"_s, u"append"_s, u"--db"_s, db}, lines);
    QVERIFY2(appended.finished && appended.exitCode == 0, qPrintable(describe(appended)));
    const Run run = runCli({u"review"_s, u"outliers"_s, u"--db"_s, db, u"--json"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QJsonArray agents
        = QJsonDocument::fromJson(run.out).object().value(u"agents"_s).toArray();
    QCOMPARE(agents.size(), 4);
    for (const QJsonValue &agent : agents) {
        const QJsonObject figures = agent.toObject();
        QCOMPARE(figures.value(u"denominator"_s).toString(), u"active_days"_s);
        QCOMPARE(figures.value(u"rate"_s).toDouble(), 1.0);
        QCOMPARE(figures.value(u"high_risk_overrides"_s).toInt(), 1);
        QCOMPARE(figures.value(u"team"_s).toString(), u"uk-1"_s);
        QVERIFY(figures.value(u"flags"_s).toArray().isEmpty());
    }
}

void TestCliReview::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no subcommand")
        << QStringList{u"review"_s} << u"review: expected outliers or report"_s;
    QTest::newRow("unknown subcommand")
        << QStringList{u"review"_s, u"summary"_s} << u"review: unknown subcommand \"summary\""_s;
    QTest::newRow("no db") << QStringList{u"review"_s, u"outliers"_s, u"--json"_s}
                           << u"--db URL is required"_s;
    QTest::newRow("bad date") << QStringList{u"review"_s,         u"outliers"_s, u"--db"_s,
                                             u"sqlite:///x.db"_s, u"--from"_s,   u"yesterday"_s}
                              << u"--from yesterday: expected a date"_s;
    QTest::newRow("reversed") << QStringList{u"review"_s,         u"outliers"_s,  u"--db"_s,
                                             u"sqlite:///x.db"_s, u"--from"_s,    u"2026-11-02"_s,
                                             u"--to"_s,           u"2026-11-01"_s}
                              << u"--from must come before --to"_s;
    QTest::newRow("unknown option") << QStringList{u"review"_s,         u"outliers"_s, u"--db"_s,
                                                   u"sqlite:///x.db"_s, u"--agent"_s,  u"a"_s}
                                    << u"unknown option --agent"_s;
    QTest::newRow("missing value")
        << QStringList{u"review"_s, u"outliers"_s, u"--db"_s} << u"--db needs a value"_s;
    const QStringList report = {u"review"_s, u"report"_s, u"--db"_s, u"sqlite:///x.db"_s};
    QTest::newRow("report: no --from")
        << report + QStringList{u"--to"_s, u"2026-11-01"_s, u"--out"_s, u"r.pdf"_s}
        << u"review report: --from is required"_s;
    QTest::newRow("report: no --out")
        << report + QStringList{u"--from"_s, u"2026-10-01"_s, u"--to"_s, u"2026-11-01"_s}
        << u"review report: --out is required"_s;
    QTest::newRow("report: bad extension")
        << report + QStringList{u"--from"_s,     u"2026-10-01"_s, u"--to"_s,
                                u"2026-11-01"_s, u"--out"_s,      u"report.txt"_s}
        << u"review report: --out report.txt: the file name must end in .pdf or .csv"_s;
    QTest::newRow("report: bad date")
        << report + QStringList{u"--from"_s, u"2026-10-01"_s, u"--to"_s,
                                u"soon"_s,   u"--out"_s,      u"r.csv"_s}
        << u"review report: --to soon: expected a date"_s;
    QTest::newRow("report: --team is for outliers") << report + QStringList{u"--team"_s, u"uk-1"_s}
                                                    << u"review report: unknown option --team"_s;
}

void TestCliReview::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    checkUsageError(runCli(args), message);
}

// A missing file and a file that is not a database both fail by name, writing nothing to stdout.
void TestCliReview::unreadableDatabaseFails()
{
    const QString missing = m_dir.filePath(u"missing.db"_s);
    Run run
        = runCli({u"review"_s, u"outliers"_s, u"--db"_s, u"sqlite://"_s + missing, u"--json"_s});
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(QString::fromUtf8(run.err).contains(missing + u": no audit log there"_s),
             qPrintable(describe(run)));
    QVERIFY(!QFile::exists(missing));

    const QString garbage = m_dir.filePath(u"garbage.db"_s);
    QVERIFY(writeFile(garbage, QByteArray(4096, 'x')));
    run = runCli({u"review"_s, u"outliers"_s, u"--db"_s, u"sqlite://"_s + garbage, u"--json"_s});
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(QString::fromUtf8(run.err).contains(garbage), qPrintable(describe(run)));
    QVERIFY2(run.out.isEmpty(), qPrintable(describe(run)));
}

Run TestCliReview::report(const QString &db, const QString &out, const QString &from,
                          const QString &to)
{
    return runCli({u"review"_s, u"report"_s, u"--db"_s, db, u"--from"_s, from, u"--to"_s, to,
                   u"--out"_s, out});
}

// One CSV row per override of the period, under the header; a week holds as many rows as
// `review outliers` counts overrides for it.
void TestCliReview::reportCsvRows()
{
    qint64 flagged = 0;
    for (const QJsonValue &agent : outliersJson().value(u"agents"_s).toArray())
        flagged += agent.toObject().value(u"flags"_s).toArray().isEmpty() ? 0 : 1;
    QVERIFY(flagged >= 2);
    const QString out = m_dir.filePath(u"month.csv"_s);
    Run run = report(m_db, out);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(QString::fromUtf8(run.out),
             u"report: %1 overrides, 17 agents, %2 outliers, chain verified -> %3\n"_s
                 .arg(m_generated.overrides)
                 .arg(flagged)
                 .arg(out));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows.takeFirst(), kCsvHeader);
    QCOMPARE(rows.size(), m_generated.overrides);
    for (const QStringList &row : std::as_const(rows))
        QCOMPARE(row.size(), kCsvHeader.size());
    const QStringList first = rows.first();
    QCOMPARE(first.at(6), u"refund"_s);
    QCOMPARE(first.at(8), u"USD"_s);
    QVERIFY(first.at(7).toDouble() > 0.0);
    QVERIFY(QStringList({u"low"_s, u"medium"_s, u"high"_s}).contains(first.at(12)));

    const QString weekOut = m_dir.filePath(u"week.csv"_s);
    run = report(m_db, weekOut, u"2026-10-05"_s, u"2026-10-11"_s);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    qint64 weekOverrides = 0;
    const QJsonObject week
        = outliersJson({u"--from"_s, u"2026-10-05"_s, u"--to"_s, u"2026-10-11"_s});
    for (const QJsonValue &agent : week.value(u"agents"_s).toArray())
        weekOverrides += agent.toObject().value(u"overrides"_s).toInteger();
    QFile weekFile(weekOut);
    QVERIFY(weekFile.open(QIODevice::ReadOnly));
    const QList<QStringList> weekRows = parseCsv(QString::fromUtf8(weekFile.readAll()));
    QVERIFY(weekOverrides > 0 && weekOverrides < m_generated.overrides);
    QCOMPARE(weekRows.size() - 1, weekOverrides);
}

// Text written by agents that a spreadsheet would run gets an apostrophe; commas, quotes and line
// breaks come back as written; numbers stay numbers.
void TestCliReview::reportCsvDefusesAndQuotes()
{
    const QString db = u"sqlite://"_s + m_dir.filePath(u"quoting.db"_s);
    const QString caseId = u"C-1, \"urgent\"\nsecond line"_s;
    const QJsonObject line{
        {u"kind"_s, u"override"_s},
        {u"actor"_s,
         QJsonObject{{u"id"_s, u"@agent"_s}, {u"role"_s, u"agent"_s}, {u"team"_s, u"+uk"_s}}},
        {u"case_id"_s, caseId},
        {u"payload"_s,
         QJsonObject{{u"action"_s, QJsonObject{{u"type"_s, u"refund"_s},
                                               {u"amount"_s, -5.5},
                                               {u"currency"_s, u"GBP"_s}}},
                     {u"limit"_s, 500},
                     {u"risk"_s, 0.82},
                     {u"policies"_s, QJsonArray{u"refund-over-limit"_s, u"gift-card-refund"_s}},
                     {u"reason_category"_s, u"=HYPERLINK(\"http://x.example\",\"ok\")"_s}}}};
    const Run appended = runCli({u"audit"_s, u"append"_s, u"--db"_s, db},
                                QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    QVERIFY2(appended.finished && appended.exitCode == 0, qPrintable(describe(appended)));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QString out = m_dir.filePath(u"quoting.csv"_s);
    const Run run = report(db, out, today.addDays(-1).toString(Qt::ISODate),
                           today.addDays(1).toString(Qt::ISODate));
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"ok\"\")\""));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes));
    QCOMPARE(rows.size(), 2);
    const QStringList row = rows.at(1);
    QCOMPARE(row.size(), kCsvHeader.size());
    QCOMPARE(row.at(3), u"'@agent"_s);
    QCOMPARE(row.at(4), u"'+uk"_s);
    QCOMPARE(row.at(5), caseId);
    QCOMPARE(row.at(6), u"refund"_s);
    QCOMPARE(row.at(7), u"-5.5"_s);
    QCOMPARE(row.at(8), u"GBP"_s);
    QCOMPARE(row.at(9), u"500"_s);
    QCOMPARE(row.at(10), u"refund-over-limit;gift-card-refund"_s);
    QCOMPARE(row.at(11), u"0.82"_s);
    QCOMPARE(row.at(12), u"high"_s);
    QCOMPARE(row.at(13), u"'=HYPERLINK(\"http://x.example\",\"ok\")"_s);
    QCOMPARE(row.at(14), QString());
}

// The PDF carries the figures, the planted agents with their reasons and the verification.
void TestCliReview::reportPdf()
{
    RG_REQUIRE_PDFTOTEXT();
    const QString out = m_dir.filePath(u"month.pdf"_s);
    QElapsedTimer timer;
    timer.start();
    const Run run = report(m_db, out);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(" chain verified -> "), qPrintable(describe(run)));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(5), QByteArray("%PDF-"));
    const QString text = pdfText(out);
    qInfo("report: %lld ms, %lld bytes, %lld pages", elapsed, file.size(), text.count(u'\f'));
    QVERIFY2(text.contains(
                 QRegularExpression(u"\\n\\s*Overrides\\s+%1\\n"_s.arg(m_generated.overrides))),
             qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression(u"verified: \\d+ records in 18 chains"_s)),
             qPrintable(text));
    for (const QString &agent : {m_generated.subLimitAgent, m_generated.fraudAgent})
        QVERIFY2(
            text.contains(QRegularExpression(u"\\d\\. %1 \\(team-[ab]\\), score"_s.arg(agent))),
            qPrintable(text));
    QVERIFY2(text.contains(u"[sub_limit] "_s), qPrintable(text));
    QVERIFY2(text.contains(u"Overrides per day, by policy"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"broken"_s), qPrintable(text));
    // The period as the supervisor asked for it: --to's day is included.
    QVERIFY2(text.contains(u"Period (UTC): 2026-10-05 to 2026-11-01"_s), qPrintable(text));
}

// An edited record in a copy of the log: the report is still written and names the break.
void TestCliReview::reportPdfOfTamperedLog()
{
    RG_REQUIRE_PDFTOTEXT();
    const QString path = m_dir.filePath(u"tampered.db"_s);
    QVERIFY(QFile::copy(m_dir.filePath(u"audit.db"_s), path));
    QString chain;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"insider"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT chain_id FROM audit_records WHERE seq = 7 AND body LIKE "
                           "'%\"kind\":\"override\"%' ORDER BY chain_id LIMIT 1"_s));
        QVERIFY(query.next());
        chain = query.value(0).toString();
        QVERIFY(query.exec(u"DROP TRIGGER audit_records_no_update"_s));
        QVERIFY(query.exec(u"UPDATE audit_records SET body = replace(body, '\"case_id\":\"', "
                           "'\"case_id\":\"X') WHERE chain_id = '%1' AND seq = 7"_s.arg(chain)));
        QCOMPARE(query.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(u"insider"_s);

    const QString out = m_dir.filePath(u"tampered.pdf"_s);
    const Run run = report(u"sqlite://"_s + path, out);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(" chain NOT verified (1 problem(s)) -> "), qPrintable(describe(run)));
    QVERIFY2(run.err.contains("the audit log does not verify"), qPrintable(describe(run)));
    const QString text = pdfText(out);
    QVERIFY2(text.contains(u"NOT verified: 1 problem(s)"_s), qPrintable(text));
    QVERIFY2(text.contains(u"chain %1 broken at seq 7: "_s.arg(chain)), qPrintable(text));
}

// A run that fails leaves the file it was to replace as it was, or no file at all.
void TestCliReview::reportFailuresLeaveNoFile()
{
    const QString out = m_dir.filePath(u"kept.csv"_s);
    QVERIFY(writeFile(out, "earlier report\r\n"));
    const QString garbage = m_dir.filePath(u"not-a-log.db"_s);
    QVERIFY(writeFile(garbage, QByteArray(4096, 'x')));
    Run run = report(u"sqlite://"_s + garbage, out);
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(garbage.toUtf8()), qPrintable(describe(run)));
    QFile kept(out);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("earlier report\r\n"));

    const QString missing = m_dir.filePath(u"missing.db"_s);
    run = report(u"sqlite://"_s + missing, m_dir.filePath(u"none.pdf"_s));
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.err.contains((missing + u": no audit log there"_s).toUtf8()),
             qPrintable(describe(run)));
    QVERIFY(!QFile::exists(m_dir.filePath(u"none.pdf"_s)));

    const QString unwritable = m_dir.filePath(u"no-such-folder/r.pdf"_s);
    run = report(m_db, unwritable);
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.err.contains((unwritable + u": cannot write"_s).toUtf8()),
             qPrintable(describe(run)));
    QVERIFY2(run.out.isEmpty(), qPrintable(describe(run)));
}

QTEST_GUILESS_MAIN(TestCliReview)
#include "tst_cli_review.moc"
