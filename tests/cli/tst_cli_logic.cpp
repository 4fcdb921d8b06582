// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clirunner.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace rg::test;

namespace {

QList<QByteArray> outputLines(const QByteArray &out)
{
    QList<QByteArray> lines = out.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QByteArray request(const QJsonValue &rule, const QJsonValue &data)
{
    return QJsonDocument(QJsonObject{{u"rule"_s, rule}, {u"data"_s, data}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject parsedLine(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

} // namespace

class TestCliLogic final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void conformanceOverStandardInput();
    void conformanceFromFile();
    void badLinesNamedOthersEvaluated();
    void runawayRuleNamedNextLineEvaluated();
    void compactOutput();
    void usageErrors_data();
    void usageErrors();
    void unreadableFile();
    void answersEachLineAsItArrives();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_input;         // the conformance entries as JSONL
    QList<QJsonValue> m_expect; // their expected results, in order
};

// Turns the conformance file into JSONL requests and their expected results.
void TestCliLogic::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(RG_CLI_PATH)), RG_CLI_PATH);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    for (const ConformanceCase &test : conformanceCases()) {
        m_input += request(test.rule, test.data) + '\n';
        m_expect.append(test.expected);
    }
    QCOMPARE(m_expect.size(), 275);
}

// All 275 conformance entries through standard input: one {"result": ...} line each, in order.
void TestCliLogic::conformanceOverStandardInput()
{
    const Run run = runCli({u"logic"_s}, m_input);
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    const QList<QByteArray> lines = outputLines(run.out);
    QCOMPARE(lines.size(), m_expect.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject answer = parsedLine(lines[i]);
        QVERIFY2(answer.keys() == QStringList{u"result"_s}, lines[i].constData());
        QVERIFY2(sameJson(answer.value(u"result"_s), m_expect[i]),
                 qPrintable(u"line %1: %2"_s.arg(i + 1).arg(QString::fromUtf8(lines[i]))));
    }
}

// The same from a file named on the command line, with CRLF endings and blank lines between.
void TestCliLogic::conformanceFromFile()
{
    const QString path = m_dir->filePath(u"conformance.jsonl"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\n");
    file.write(QByteArray(m_input).replace("\n", "\r\n\n  \n"));
    file.close();
    const Run run = runCli({u"logic"_s, path});
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = outputLines(run.out);
    QCOMPARE(lines.size(), m_expect.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QVERIFY2(sameJson(parsedLine(lines[i]).value(u"result"_s), m_expect[i]),
                 lines[i].constData());
    }
}

// Invalid JSON, a missing rule, an unknown operator and a runtime error each give an error line
// naming the input line; the lines around them still evaluate, and the exit code is 1.
void TestCliLogic::badLinesNamedOthersEvaluated()
{
    const QByteArray input = R"({"rule": {"+": [1, 2]}, "data": null}
{"rule": {"+": [1, 2]
{"data": {"a": 1}}

{"rule": {"and": [true, {"frobnicate": 1}]}}
{"rule": {"var": "a"}, "data": {"a": "kept"}}
[1, 2]
{"rule": {"in": ["x", {"var": "o"}]}, "data": {"o": {"indexOf": 0}}}
{"rule": {"var": "a"}}
)";
    const Run run = runCli({u"logic"_s, u"-"_s}, input);
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 1);
    const QList<QByteArray> lines = outputLines(run.out);
    QCOMPARE(lines.size(), 8);
    QCOMPARE(parsedLine(lines[0]).value(u"result"_s), QJsonValue(3));
    const auto error = [&](int i) { return parsedLine(lines[i]).value(u"error"_s).toString(); };
    QVERIFY2(error(1).startsWith(u"line 2: not valid JSON"_s), qPrintable(error(1)));
    QVERIFY2(error(2).startsWith(u"line 3: "_s) && error(2).contains(u"\"rule\""_s),
             qPrintable(error(2)));
    QCOMPARE(error(3), uR"(line 5: /and/1: unknown operator "frobnicate")"_s);
    QCOMPARE(parsedLine(lines[4]).value(u"result"_s), QJsonValue(u"kept"_s));
    QVERIFY2(error(5).startsWith(u"line 7: "_s), qPrintable(error(5)));
    QVERIFY2(error(6).startsWith(u"line 8: /: \"in\""_s), qPrintable(error(6)));
    QCOMPARE(parsedLine(lines[7]), (QJsonObject{{u"result"_s, QJsonValue::Null}}));
}

// A rule that doubles an array or a string 40 times gives an error line for its input line, not
// an abort: the next line is still answered.
void TestCliLogic::runawayRuleNamedNextLineEvaluated()
{
    QJsonArray forty;
    for (int i = 1; i <= 40; ++i)
        forty.append(i);
    const auto doubling = [&](const char *op, const QJsonValue &initial) {
        const QJsonObject step{
            {QString::fromLatin1(op), QJsonArray{QJsonObject{{u"var"_s, u"accumulator"_s}},
                                                 QJsonObject{{u"var"_s, u"accumulator"_s}}}}};
        return request(QJsonObject{{u"reduce"_s, QJsonArray{forty, step, initial}}}, QJsonValue());
    };
    const QByteArray input = doubling("merge", QJsonArray{1}) + '\n'
                             + request(QJsonObject{{u"var"_s, u"a"_s}}, QJsonObject{{u"a"_s, 1}})
                             + '\n' + doubling("cat", u"x"_s) + '\n'
                             + request(QJsonObject{{u"var"_s, u"b"_s}}, QJsonObject{{u"b"_s, 2}})
                             + '\n';
    const Run run = runCli({u"logic"_s}, input);
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 1);
    const QList<QByteArray> lines = outputLines(run.out);
    QCOMPARE(lines.size(), 4);
    const auto error = [&](int i) { return parsedLine(lines[i]).value(u"error"_s).toString(); };
    QVERIFY2(error(0).startsWith(u"line 1: /reduce/1: "_s)
                 && error(0).contains(u"exceeds the evaluation budget of 1000000 elements"_s),
             lines[0].constData());
    QCOMPARE(parsedLine(lines[1]), (QJsonObject{{u"result"_s, 1}}));
    QVERIFY2(error(2).startsWith(u"line 3: /reduce/1: "_s)
                 && error(2).contains(u"exceeds the evaluation budget of 1000000 characters"_s),
             lines[2].constData());
    QCOMPARE(parsedLine(lines[3]), (QJsonObject{{u"result"_s, 2}}));
}

// Results are compact JSON, one line each, scalars wrapped in {"result": ...}.
void TestCliLogic::compactOutput()
{
    const Run run
        = runCli({u"logic"_s},
                 R"({"rule": {"merge": [[1, 2], {"var": "o"}]}, "data": {"o": {"a": [true, null]}}}
{"rule": {"/": [1, 0]}}
{"rule": {"cat": ["x", 0.5]}}
)");
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, R"({"result":[1,2,{"a":[true,null]}]}
{"result":null}
{"result":"x0.5"}
)"_ba);
}

void TestCliLogic::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown option") << QStringList{u"logic"_s, u"--bogus"_s} << u"--bogus"_s;
    QTest::newRow("two inputs") << QStringList{u"logic"_s, u"a.jsonl"_s, u"b.jsonl"_s}
                                << u"one input"_s;
}

// Usage errors exit 2 with a message on stderr and nothing on stdout.
void TestCliLogic::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);

    checkUsageError(runCli(args), message);
}

// A file that cannot be read exits 1 naming it.
void TestCliLogic::unreadableFile()
{
    const QString path = m_dir->filePath(u"no-such.jsonl"_s);
    const Run run = runCli({u"logic"_s, path});
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(QString::fromUtf8(run.err).contains(path + u": cannot read"_s),
             qPrintable(describe(run)));
    QVERIFY(run.out.isEmpty());
}

// Reading standard input, each answer comes out before the next line is written: the command
// can sit behind a pipe.
void TestCliLogic::answersEachLineAsItArrives()
{
    QProcess process;
    process.start(QStringLiteral(RG_CLI_PATH), {u"logic"_s});
    QVERIFY(process.waitForStarted(30000));
    for (int i = 1; i <= 3; ++i) {
        process.write(request(QJsonObject{{u"*"_s, QJsonArray{u"7"_s, i}}}, QJsonValue()) + '\n');
        QByteArray line;
        while (!line.endsWith('\n') && process.waitForReadyRead(30000))
            line += process.readAllStandardOutput();
        QCOMPARE(parsedLine(line.trimmed()).value(u"result"_s), QJsonValue(7 * i));
    }
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestCliLogic)
#include "tst_cli_logic.moc"
