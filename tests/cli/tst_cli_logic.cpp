// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clirunner.h"
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

// JSON equality with numbers compared as numbers (1 == 1.0) and arrays and objects deeply.
bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameJson(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (!sameJson(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
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
    QFile file(QStringLiteral(RG_TEST_DATA_DIR) + u"/conformance/jsonlogic/tests.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    for (const QJsonValue &entry : QJsonDocument::fromJson(file.readAll()).array()) {
        if (!entry.isArray())
            continue;
        const QJsonArray test = entry.toArray();
        m_input += request(test.at(0), test.at(1)) + '\n';
        m_expect.append(test.at(2));
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

    const Run run = runCli(args);
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(describe(run)));
    QVERIFY(run.out.isEmpty());
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
