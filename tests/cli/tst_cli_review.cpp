// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clirunner.h"
#include "review/auditgenerator.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rg::test;

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

} // namespace

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

private:
    QJsonObject outliersJson(const QStringList &extra = {});

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
    QTest::newRow("no subcommand") << QStringList{u"review"_s} << u"review: expected outliers"_s;
    QTest::newRow("unknown subcommand")
        << QStringList{u"review"_s, u"report"_s} << u"review: unknown subcommand \"report\""_s;
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

QTEST_GUILESS_MAIN(TestCliReview)
#include "tst_cli_review.moc"
