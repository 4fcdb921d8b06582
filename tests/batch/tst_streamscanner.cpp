// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/streamscanner.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using rg::batch::StreamOptions;
using rg::detect::RulePack;

class TestStreamScanner final : public QObject
{
    Q_OBJECT

private slots:
    void resultsKeepInputOrder_data();
    void resultsKeepInputOrder();
    void errorsNameTheLineInOrder();
    void explainWritesReport();
    void overlongLineSkipped();
    void brokenPackFails();

private:
    static RulePack pack();
    struct Run
    {
        QByteArray output;
        QStringList errors;
        qint64 scanned = 0;
        qint64 failed = 0;
    };
    static Run run(const QByteArray &input, const StreamOptions &options);
};

RulePack TestStreamScanner::pack()
{
    auto parsed = RulePack::parse(R"({"id":"t","version":"1","format":1,"rules":[
        {"id":"tg","cue":"off_platform","weight":0.5,"patterns":["telegram"]}]})",
                                  u"inline.json"_s);
    if (!parsed)
        qFatal("test pack: %s", qPrintable(parsed.error()));
    return std::move(parsed).value();
}

TestStreamScanner::Run TestStreamScanner::run(const QByteArray &input, const StreamOptions &options)
{
    QByteArray inputCopy = input;
    QBuffer in(&inputCopy);
    in.open(QIODevice::ReadOnly);
    Run result;
    QBuffer out(&result.output);
    out.open(QIODevice::WriteOnly);
    const auto summary = rg::batch::scanStream(
        pack(), in, out, u"input.jsonl"_s,
        [&](const QString &error) { result.errors.append(error); }, options);
    if (summary) {
        result.scanned = summary.value().scanned;
        result.failed = summary.value().failed;
    }
    return result;
}

void TestStreamScanner::resultsKeepInputOrder_data()
{
    QTest::addColumn<int>("jobs");
    QTest::addColumn<int>("batchLines");
    QTest::newRow("one job") << 1 << 256;
    QTest::newRow("two jobs, small batches") << 2 << 3;
    QTest::newRow("four jobs, one line a batch") << 4 << 1;
}

// Whatever the threads and batch sizes, results come out one per conversation in input order.
void TestStreamScanner::resultsKeepInputOrder()
{
    QFETCH(int, jobs);
    QFETCH(int, batchLines);

    QByteArray input;
    for (int i = 0; i < 200; ++i) {
        const QByteArray text = i % 3 == 0 ? "add me on telegram" : "where is my parcel";
        input += R"({"id":"c)" + QByteArray::number(i) + R"(","messages":[{"role":"customer","text":")"
                 + text + "\"}]}\n";
    }
    const Run result = run(input, StreamOptions{false, jobs, batchLines});
    QCOMPARE(result.scanned, 200);
    QVERIFY(result.errors.isEmpty());
    const QList<QByteArray> lines = result.output.trimmed().split('\n');
    QCOMPARE(lines.size(), 200);
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject object = QJsonDocument::fromJson(lines[i]).object();
        QCOMPARE(object.value(u"id"_s).toString(), u"c%1"_s.arg(i));
        QCOMPARE(object.value(u"findings"_s).toArray().isEmpty(), i % 3 != 0);
    }
}

// Bad lines are reported as NAME:LINE in input order, blank lines are skipped silently, and
// the good lines around them are still scanned.
void TestStreamScanner::errorsNameTheLineInOrder()
{
    const QByteArray input = R"({"id":"a","messages":[]})"
                             "\nnot json\n\n"
                             R"({"id":"b","messages":[{"role":"robot","text":"x"}]})"
                             "\n"
                             R"({"id":"c","messages":[]})"
                             "\n";
    const Run result = run(input, StreamOptions{false, 2, 1});
    QCOMPARE(result.scanned, 2);
    QCOMPARE(result.failed, 2);
    QCOMPARE(result.errors.size(), 2);
    QVERIFY2(result.errors[0].startsWith(u"input.jsonl:2: "_s), qPrintable(result.errors[0]));
    QVERIFY2(result.errors[1].startsWith(u"input.jsonl:4: messages[0].role"_s),
             qPrintable(result.errors[1]));
    QVERIFY(result.output.contains("\"id\":\"a\""));
    QVERIFY(result.output.contains("\"id\":\"c\""));
}

// A line over the limit is reported with its number and skipped; the next line still scans.
void TestStreamScanner::overlongLineSkipped()
{
    const QByteArray input = R"({"id":"big","messages":[{"role":"customer","text":")"
                             + QByteArray(9 << 20, 'a') + "\"}]}\n"
                             + R"({"id":"next","messages":[{"role":"customer","text":"telegram"}]})"
                             + "\n";
    const Run result = run(input, StreamOptions{false, 1, 256});
    QCOMPARE(result.errors.size(), 1);
    QVERIFY2(result.errors[0].startsWith(u"input.jsonl:1: line longer than"_s),
             qPrintable(result.errors[0]));
    QCOMPARE(result.scanned, 1);
    QVERIFY(result.output.contains("\"id\":\"next\""));
}

// --explain writes the readable report with the quoted evidence.
void TestStreamScanner::explainWritesReport()
{
    const Run result = run(R"({"id":"x","messages":[{"role":"customer","text":"my tele.gram"}]})",
                           StreamOptions{true, 1, 256});
    QVERIFY2(result.output.contains("off_platform"), result.output.constData());
    QVERIFY2(result.output.contains("\"tele.gram\""), result.output.constData());
}

// A pack whose expressions RE2 cannot compile fails the whole scan with the rule named.
void TestStreamScanner::brokenPackFails()
{
    RulePack broken = pack();
    broken.rules.front().patterns.front().regex = "(unclosed";
    QByteArray input = R"({"id":"a","messages":[]})";
    QBuffer in(&input);
    in.open(QIODevice::ReadOnly);
    QByteArray output;
    QBuffer out(&output);
    out.open(QIODevice::WriteOnly);
    const auto summary = rg::batch::scanStream(broken, in, out, u"input.jsonl"_s,
                                               [](const QString &) {});
    QVERIFY(!summary.ok());
    QVERIFY2(summary.error().contains(u"tg"_s), qPrintable(summary.error()));
    QVERIFY(output.isEmpty());
}

QTEST_APPLESS_MAIN(TestStreamScanner)
#include "tst_streamscanner.moc"
