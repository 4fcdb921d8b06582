// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clirunner.h"
#include "model/cue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace rg::test;

namespace {

// A small pack of our own, so these tests do not depend on the default pack's content.
constexpr char kPack[] = R"({"id":"cli-test","version":"9.9","format":1,"rules":[
  {"id":"t-offplatform","cue":"off_platform","weight":0.5,"patterns":["telegram"]},
  {"id":"t-bribe","cue":"bribe","weight":0.75,"patterns":["cashapp"]},
  {"id":"t-urgency","cue":"urgency","weight":0.25,"patterns":["right now"]},
  {"id":"t-agent","cue":"agent_off_platform","weight":0.6,"patterns":["telegram"]}]})";

constexpr char kBrokenPack[] = R"({"id":"broken","version":"1","format":1,"rules":[
  {"id":"t-fine","cue":"bribe","weight":0.5,"patterns":["cashapp"]},
  {"id":"r-bad","cue":"bribe","weight":0.5,"paterns":["venmo"]}]})";

QByteArray line(const QJsonObject &conversation)
{
    return QJsonDocument(conversation).toJson(QJsonDocument::Compact);
}

QJsonObject chat(const QString &id, const QStringList &turns)
{
    // "a:" starts an agent turn; the rest are customer turns.
    QJsonArray messages;
    for (const QString &turn : turns) {
        const bool agent = turn.startsWith(u"a:"_s);
        messages.append(QJsonObject{{u"role"_s, agent ? u"agent"_s : u"customer"_s},
                                    {u"text"_s, agent ? turn.mid(2) : turn}});
    }
    return {{u"id"_s, id}, {u"messages"_s, messages}};
}

QList<QByteArray> outputLines(const QByteArray &out)
{
    QList<QByteArray> lines = out.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// The code points [start, end) of text.
QString codePoints(const QString &text, int start, int end)
{
    const QList<uint> ucs4 = text.toUcs4();
    if (start < 0 || end < start || end > ucs4.size())
        return u"<out of range>"_s;
    QString out;
    for (int i = start; i < end; ++i)
        out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&ucs4[i]), 1);
    return out;
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void oneResultLinePerInputLine();
    void malformedLineNamed_data();
    void malformedLineNamed();
    void blankLinesSkipped();
    void lineNumbersCountBlankLines();
    void usageErrors_data();
    void usageErrors();
    void missingInputFile();
    void brokenRulePack_data();
    void brokenRulePack();
    void explain();
    void rulesCheck();
    void rulesCheckBrokenPack();
    void versionAndHelp_data();
    void versionAndHelp();
    void readsStandardInput_data();
    void readsStandardInput();
    void builtInPackScans();

private:
    QStringList scanArgs(const QStringList &more = {}) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_pack;
    QString m_brokenPack;
    QList<QJsonObject> m_chats;
    QByteArray m_input;
};

// Writes the test packs into a temporary directory and builds the three-conversation input.
void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(RG_CLI_PATH)), RG_CLI_PATH);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_pack = m_dir->filePath(u"pack.json"_s);
    m_brokenPack = m_dir->filePath(u"broken.json"_s);
    QVERIFY(writeFile(m_pack, kPack));
    QVERIFY(writeFile(m_brokenPack, kBrokenPack));

    m_chats
        = {chat(u"c1"_s,
                {u"add me on telegram"_s, u"a:I can't do that"_s, u"I'll cashapp you right now"_s}),
           chat(u"c2"_s, {u"where is my parcel?"_s, u"a:It arrives tomorrow."_s}),
           chat(u"c3"_s,
                {u"\U0001F642\U0001F4E6 t\u0435l\u0435gr@m me"_s, u"a:ok, add me on telegram"_s})};
    // The smallest valid case document: the optional "case" member is read, not just skipped.
    m_chats[2].insert(u"case"_s, QJsonDocument::fromJson(R"({"schema_version": 1, "id": "A-1",
        "customer": {"id": "u1", "account_created": "2020-01-01T00:00:00Z"},
        "agent": {"id": "a1", "refund_limit": 100}})").object());
    for (const QJsonObject &conversation : m_chats)
        m_input += line(conversation) + '\n';
}

QStringList TestCli::scanArgs(const QStringList &more) const
{
    return QStringList{u"scan"_s, u"--rules"_s, m_pack} + more;
}

// Each input line yields one JSON line, same order, with exactly the contract's keys and
// findings whose code-point offsets quote the evidence.
void TestCli::oneResultLinePerInputLine()
{
    const QString input = m_dir->filePath(u"three.jsonl"_s);
    QVERIFY(writeFile(input, m_input));
    const Run run = runCli(scanArgs({input}));
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());

    const QList<QByteArray> lines = outputLines(run.out);
    QCOMPARE(lines.size(), m_chats.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(lines[i], &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(),
                 lines[i].constData());
        const QJsonObject result = document.object();
        QStringList keys = result.keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{u"findings"_s, u"id"_s, u"level"_s, u"risk"_s, u"violations"_s}));
        QCOMPARE(result.value(u"id"_s).toString(), m_chats[i].value(u"id"_s).toString());
        QVERIFY(result.value(u"risk"_s).isDouble());
        const double risk = result.value(u"risk"_s).toDouble();
        QVERIFY(risk >= 0.0 && risk <= 1.0);
        QVERIFY((QStringList{u"low"_s, u"medium"_s, u"high"_s})
                    .contains(result.value(u"level"_s).toString()));
        QVERIFY(result.value(u"violations"_s).isArray());
        QVERIFY(result.value(u"findings"_s).isArray());

        const QJsonArray messages = m_chats[i].value(u"messages"_s).toArray();
        for (const QJsonValue &value : result.value(u"findings"_s).toArray()) {
            const QJsonObject finding = value.toObject();
            QStringList findingKeys = finding.keys();
            findingKeys.sort();
            QCOMPARE(findingKeys, (QStringList{u"cue"_s, u"end"_s, u"evidence"_s, u"rule"_s,
                                               u"start"_s, u"turn"_s, u"weight"_s}));
            const int turn = finding.value(u"turn"_s).toInt();
            QVERIFY(turn >= 0 && turn < messages.size());
            const QString text = messages[turn].toObject().value(u"text"_s).toString();
            QCOMPARE(codePoints(text, finding.value(u"start"_s).toInt(),
                                finding.value(u"end"_s).toInt()),
                     finding.value(u"evidence"_s).toString());
        }
    }

    const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(first.value(u"level"_s).toString(), u"high"_s); // off platform + bribe
    QCOMPARE(first.value(u"findings"_s).toArray().size(), 3);
    const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
    QCOMPARE(second.value(u"level"_s).toString(), u"low"_s);
    QCOMPARE(second.value(u"risk"_s).toDouble(), 0.0);
    QVERIFY(second.value(u"findings"_s).toArray().isEmpty());
    const QJsonArray third
        = QJsonDocument::fromJson(lines[2]).object().value(u"findings"_s).toArray();
    QCOMPARE(third.size(), 2);
    QCOMPARE(third[0].toObject().value(u"start"_s).toInt(), 3); // code points after two emoji
    QCOMPARE(third[0].toObject().value(u"evidence"_s).toString(), u"t\u0435l\u0435gr@m"_s);
    QCOMPARE(third[1].toObject().value(u"cue"_s).toString(), u"agent_off_platform"_s);
}

void TestCli::malformedLineNamed_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QString>("message");

    QTest::newRow("not JSON") << R"({"id":"x","messages":[)"_ba << u"not valid JSON"_s;
    QTest::newRow("unknown role") << R"({"id":"x","messages":[{"role":"bot","text":"hi"}]})"_ba
                                  << u"messages[0].role"_s;
    QTest::newRow("text missing")
        << R"({"id":"x","messages":[{"role":"agent","text":"a"},{"role":"customer"}]})"_ba
        << u"messages[1].text"_s;
    QTest::newRow("array") << R"(["c1"])"_ba << u"expected a JSON object"_s;
}

// A malformed line is named FILE:LINENO on stderr, the other lines still scan, and exit is 1.
void TestCli::malformedLineNamed()
{
    QFETCH(QByteArray, bad);
    QFETCH(QString, message);

    const QString input = m_dir->filePath(u"malformed.jsonl"_s);
    QVERIFY(writeFile(input, line(m_chats[0]) + '\n' + bad + '\n' + line(m_chats[1]) + '\n'));
    const Run run = runCli(scanArgs({input}));
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 1);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(input + u":2:"_s), qPrintable(describe(run)));
    QVERIFY2(err.contains(message), qPrintable(describe(run)));
    QVERIFY2(!err.contains(input + u":1:"_s) && !err.contains(input + u":3:"_s),
             qPrintable(describe(run)));

    const QList<QByteArray> lines = outputLines(run.out);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(QJsonDocument::fromJson(lines[0]).object().value(u"id"_s).toString(), u"c1"_s);
    QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(u"id"_s).toString(), u"c2"_s);
}

// Blank and whitespace-only lines are skipped silently; CRLF endings and a missing final
// newline are fine.
void TestCli::blankLinesSkipped()
{
    const QString input = m_dir->filePath(u"blank.jsonl"_s);
    QVERIFY(writeFile(input, "\n"_ba + line(m_chats[0]) + "\r\n   \n\t\r\n\n" + line(m_chats[1])
                                 + "\r\n\n" + line(m_chats[2])));
    const Run run = runCli(scanArgs({input}));
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    const QList<QByteArray> lines = outputLines(run.out);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(QJsonDocument::fromJson(lines[2]).object().value(u"id"_s).toString(), u"c3"_s);
}

// Line numbers in errors count blank lines, so they match an editor's.
void TestCli::lineNumbersCountBlankLines()
{
    const QString input = m_dir->filePath(u"numbered.jsonl"_s);
    QVERIFY(
        writeFile(input, "\n"_ba + line(m_chats[0]) + "\n\n\n{oops}\n" + line(m_chats[1]) + '\n'));
    const Run run = runCli(scanArgs({input}));
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(QString::fromUtf8(run.err).contains(input + u":5:"_s), qPrintable(describe(run)));
    QCOMPARE(outputLines(run.out).size(), 2);
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown option") << QStringList{u"scan"_s, u"--bogus"_s} << u"--bogus"_s;
    QTest::newRow("--rules without path") << QStringList{u"scan"_s, u"--rules"_s} << u"--rules"_s;
    QTest::newRow("two inputs") << QStringList{u"scan"_s, u"a.jsonl"_s, u"b.jsonl"_s}
                                << u"one input"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("no command") << QStringList{} << u"no command"_s;
    QTest::newRow("rules without check") << QStringList{u"rules"_s} << u"rules check"_s;
    QTest::newRow("rules check without path")
        << QStringList{u"rules"_s, u"check"_s} << u"rules check"_s;
}

// Usage errors exit 2 with a message on stderr and nothing on stdout.
void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);

    checkUsageError(runCli(args), message);
}

// A missing input file exits 1 naming the file.
void TestCli::missingInputFile()
{
    const QString input = m_dir->filePath(u"no-such-input.jsonl"_s);
    const Run run = runCli(scanArgs({input}));
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(QString::fromUtf8(run.err).contains(input + u": cannot read"_s),
             qPrintable(describe(run)));
    QVERIFY(run.out.isEmpty());
}

void TestCli::brokenRulePack_data()
{
    QTest::addColumn<bool>("joined"); // --rules=PATH rather than --rules PATH
    QTest::newRow("--rules PATH") << false;
    QTest::newRow("--rules=PATH") << true;
}

// --rules with a broken pack exits 1 naming the file, the rule and the field; nothing is scanned.
void TestCli::brokenRulePack()
{
    QFETCH(bool, joined);

    const QStringList rules = joined ? QStringList{u"--rules="_s + m_brokenPack}
                                     : QStringList{u"--rules"_s, m_brokenPack};
    const Run run = runCli(QStringList{u"scan"_s} + rules + QStringList{u"-"_s}, m_input);
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 1);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(m_brokenPack) && err.contains(u"rule \"r-bad\""_s)
                 && err.contains(u"\"paterns\""_s),
             qPrintable(describe(run)));
    QVERIFY(run.out.isEmpty());

    const Run missing = runCli({u"scan"_s, u"--rules"_s, m_dir->filePath(u"nope.json"_s)}, m_input);
    QVERIFY2(missing.finished, qPrintable(describe(missing)));
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(QString::fromUtf8(missing.err).contains(u"nope.json"_s),
             qPrintable(describe(missing)));
}

// --explain prints a readable report: id, risk, level, reasons, quoted evidence with rules.
void TestCli::explain()
{
    const Run run = runCli(scanArgs({u"--explain"_s, u"-"_s}), m_input);
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(QRegularExpression(u"^c1  risk 0\\.\\d\\d  HIGH$"_s,
                                             QRegularExpression::MultilineOption)),
             qPrintable(out));
    QVERIFY2(out.contains(u"top reasons:"_s), qPrintable(out));
    QVERIFY2(out.contains(u"\"telegram\""_s) && out.contains(u"rule t-offplatform"_s),
             qPrintable(out));
    QVERIFY2(out.contains(u"\"cashapp\""_s) && out.contains(u"bribe"_s), qPrintable(out));
    QVERIFY2(out.contains(QRegularExpression(u"^c2  risk 0\\.00  LOW\\n  no cues found$"_s,
                                             QRegularExpression::MultilineOption)),
             qPrintable(out));
    QVERIFY2(out.contains(u"\"t\u0435l\u0435gr@m\""_s), qPrintable(out));
    QVERIFY2(!out.trimmed().startsWith(u'{'), qPrintable(out)); // not the JSON lines
}

// rules check prints the pack and a count per cue id, and notes cues without a rule.
void TestCli::rulesCheck()
{
    const Run run = runCli({u"rules"_s, u"check"_s, m_pack});
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(m_pack + u": pack \"cli-test\" version 9.9: 4 rules, 0 sequences"_s),
             qPrintable(out));
    const auto count = [&](const QString &cue) {
        const auto match = QRegularExpression(u"^\\s+%1\\s+(\\d+)$"_s.arg(cue),
                                              QRegularExpression::MultilineOption)
                               .match(out);
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    };
    for (const auto &cue : rg::model::cues()) {
        const QString id(cue.id);
        const int expected = (id == u"off_platform"_s || id == u"bribe"_s || id == u"urgency"_s
                              || id == u"agent_off_platform"_s)
                                 ? 1
                                 : 0;
        QCOMPARE(count(id), expected);
    }
    QVERIFY2(out.contains(u"note: 13 cue(s) have no rule"_s), qPrintable(out));
}

// rules check on a broken pack exits 1 naming the rule.
void TestCli::rulesCheckBrokenPack()
{
    const Run run = runCli({u"rules"_s, u"check"_s, m_brokenPack});
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(QString::fromUtf8(run.err).contains(u"rule \"r-bad\""_s), qPrintable(describe(run)));
}

void TestCli::versionAndHelp_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");

    const QString version = u"refundguard-cli " RG_VERSION "\n"_s;
    QTest::newRow("--version") << QStringList{u"--version"_s} << version;
    QTest::newRow("-v") << QStringList{u"-v"_s} << version;
    QTest::newRow("--help") << QStringList{u"--help"_s} << u"usage: refundguard-cli"_s;
    QTest::newRow("-h") << QStringList{u"-h"_s} << u"usage: refundguard-cli"_s;
    QTest::newRow("help") << QStringList{u"help"_s} << u"rules check PATH"_s;
    QTest::newRow("scan --help") << QStringList{u"scan"_s, u"--help"_s} << u"scan [--rules PATH]"_s;
}

// --version and --help print to stdout and exit 0.
void TestCli::versionAndHelp()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);

    const Run run = runCli(args);
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(QString::fromUtf8(run.out).contains(expected), qPrintable(describe(run)));
    QVERIFY2(run.err.isEmpty(), qPrintable(describe(run)));
}

void TestCli::readsStandardInput_data()
{
    QTest::addColumn<bool>("dash"); // "-" given, or no input argument at all
    QTest::newRow("-") << true;
    QTest::newRow("no file") << false;
}

// With "-" or no file the CLI filters standard input; errors name "<stdin>:LINE".
void TestCli::readsStandardInput()
{
    QFETCH(bool, dash);

    const QStringList args = scanArgs(dash ? QStringList{u"-"_s} : QStringList{});
    const Run run = runCli(args, m_input);
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = outputLines(run.out);
    QCOMPARE(lines.size(), 3);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QCOMPARE(QJsonDocument::fromJson(lines[i]).object().value(u"id"_s).toString(),
                 m_chats[i].value(u"id"_s).toString());
    }

    const Run bad = runCli(args, line(m_chats[0]) + "\nnot json\n");
    QVERIFY2(bad.finished, qPrintable(describe(bad)));
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(QString::fromUtf8(bad.err).contains(u"<stdin>:2:"_s), qPrintable(describe(bad)));
    QCOMPARE(outputLines(bad.out).size(), 1);
}

// Without --rules the built-in pack loads and scans (whatever its rules are).
void TestCli::builtInPackScans()
{
    const Run run = runCli({u"scan"_s}, m_input);
    QVERIFY2(run.finished, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = outputLines(run.out);
    QCOMPARE(lines.size(), 3);
    for (const QByteArray &output : lines) {
        QStringList keys = QJsonDocument::fromJson(output).object().keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{u"findings"_s, u"id"_s, u"level"_s, u"risk"_s, u"violations"_s}));
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
