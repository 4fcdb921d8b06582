// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detect/matcher.h"
#include "detect/rulepack.h"
#include "model/cue.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"

#include <re2/re2.h>

#include <variant>

using namespace Qt::StringLiterals;
using rg::test::errorOf;
using rg::detect::RulePack;
using rg::detect::View;
using rg::model::Role;

namespace {

const QString kSource = u"packs/inline.json"_s;

// A format-1 pack around the given "rules" array (and optional "sequences" array).
QByteArray pack(const char *rules, const char *sequences = nullptr)
{
    QByteArray json = R"({"id":"test","version":"1.0","format":1,"rules":)"_ba + rules;
    if (sequences)
        json += R"(,"sequences":)"_ba + sequences;
    return json + '}';
}

// A valid rule to put before a broken one: a pack must not half-load up to the error.
constexpr char kGoodRule[] = R"({"id":"ok","cue":"bribe","weight":0.5,"patterns":["cashapp"]})";

QByteArray withGoodRule(const char *rule)
{
    return pack(QByteArray("["_ba + kGoodRule + ',' + rule + ']').constData());
}

} // namespace

class TestRulePack final : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidPack();
    void phraseCompilesToBoundedRegex_data();
    void phraseCompilesToBoundedRegex();
    void errorsNameFileRuleAndField_data();
    void errorsNameFileRuleAndField();
    void loadNamesTheFile();
    void unreadableFile_data();
    void unreadableFile();
    void defaultPackCoversEveryCue();
};

// A complete pack reads with every field: roles from the cue, pattern forms, groups, sequences.
void TestRulePack::parsesValidPack()
{
    const QByteArray json = R"({
      "id": "demo", "version": "2.3.1", "format": 1, "description": "test pack",
      "rules": [
        {"id": "r-bribe", "cue": "bribe", "weight": 0.7, "description": "cash offers",
         "patterns": ["cashapp", {"phrase": "gift card"},
                      {"regex": "\\$\\d+", "view": "plain"}]},
        {"id": "r-agent", "cue": "agent_commitment", "weight": 1,
         "patterns": ["refund it right away"]},
        {"id": "r-dna", "cue": "refund_jargon", "role": "customer", "weight": 0.3,
         "patterns": ["dna"], "unless": {"patterns": ["dna test"], "within": 2}},
        {"id": "r-near", "cue": "payment_redirect", "weight": 0.5, "patterns": ["refund"],
         "near": ["gift card", "btc"]}
      ],
      "sequences": [
        {"id": "takeover", "description": "account change then redirect",
         "steps": ["account_change", "payment_redirect"], "weight": 0.4, "within_turns": 3},
        {"id": "anywhere", "steps": ["urgency", "bribe", "off_platform"], "weight": 0.2}
      ]
    })";
    const auto result = RulePack::parse(json, kSource);
    QVERIFY2(result.ok(), qPrintable(errorOf(result)));
    const RulePack &pack = result.value();
    QCOMPARE(pack.id, u"demo"_s);
    QCOMPARE(pack.version, u"2.3.1"_s);
    QCOMPARE(pack.description, u"test pack"_s);
    QCOMPARE(pack.source, kSource);
    QCOMPARE(pack.rules.size(), std::size_t(4));

    const auto &bribe = pack.rules[0];
    QCOMPARE(bribe.id, u"r-bribe"_s);
    QCOMPARE(bribe.cue, u"bribe"_s);
    QCOMPARE(bribe.role, Role::Customer);
    QCOMPARE(bribe.weight, 0.7);
    QCOMPARE(bribe.description, u"cash offers"_s);
    QCOMPARE(bribe.patterns.size(), std::size_t(3));
    QVERIFY(!bribe.patterns[0].isRegex);
    QCOMPARE(bribe.patterns[0].view, View::Folded);
    QCOMPARE(bribe.patterns[1].source, u"gift card"_s);
    QVERIFY(bribe.patterns[2].isRegex);
    QCOMPARE(bribe.patterns[2].view, View::Plain);
    QCOMPARE(bribe.patterns[2].regex, std::string("\\$\\d+"));
    QVERIFY(!bribe.near && !bribe.unless);

    QCOMPARE(pack.rules[1].role, Role::Agent); // from the cue's side
    QCOMPARE(pack.rules[1].weight, 1.0);
    QVERIFY(pack.rules[2].unless.has_value());
    QCOMPARE(pack.rules[2].unless->within, 2);
    QCOMPARE(pack.rules[2].unless->patterns.size(), std::size_t(1));
    QVERIFY(pack.rules[3].near.has_value());
    QCOMPARE(pack.rules[3].near->within, 0);
    QCOMPARE(pack.rules[3].near->patterns.size(), std::size_t(2));

    QCOMPARE(pack.sequences.size(), std::size_t(2));
    QCOMPARE(pack.sequences[0].id, u"takeover"_s);
    QCOMPARE(pack.sequences[0].steps, (QStringList{u"account_change"_s, u"payment_redirect"_s}));
    QCOMPARE(pack.sequences[0].weight, 0.4);
    QCOMPARE(pack.sequences[0].withinTurns, 3);
    QCOMPARE(pack.sequences[1].withinTurns, 0);
    QCOMPARE(pack.sequences[1].steps.size(), 3);
}

void TestRulePack::phraseCompilesToBoundedRegex_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("regex");

    QTest::newRow("word") << u"cashapp"_s << uR"(\bcashapp\b)"_s;
    QTest::newRow("folded") << u"T\u0435le-Gram"_s << uR"(\bteiegram\b)"_s;
    QTest::newRow("space matches hyphen or nothing") << u"gift card"_s << uR"(\bgift ?card\b)"_s;
    QTest::newRow("metacharacters quoted") << u"$50"_s << uR"(\$50\b)"_s;
    QTest::newRow("symbol at both ends") << u"(?)"_s << uR"(\(\?\))"_s;
}

// A phrase is folded like chat text, quoted, and bounded by \b only where it starts/ends a word.
void TestRulePack::phraseCompilesToBoundedRegex()
{
    QFETCH(QString, phrase);
    QFETCH(QString, regex);

    const QJsonObject rule{{u"id"_s, u"r"_s},
                           {u"cue"_s, u"bribe"_s},
                           {u"weight"_s, 0.5},
                           {u"patterns"_s, QJsonArray{phrase}}};
    const QJsonObject root{{u"id"_s, u"p"_s},
                           {u"version"_s, u"1"_s},
                           {u"format"_s, 1},
                           {u"rules"_s, QJsonArray{rule}}};
    const auto result = RulePack::parse(QJsonDocument(root).toJson(), kSource);
    QVERIFY2(result.ok(), qPrintable(errorOf(result)));
    QCOMPARE(QString::fromStdString(result.value().rules[0].patterns[0].regex), regex);
}

void TestRulePack::errorsNameFileRuleAndField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected"); // each must appear in the error

    const auto row = [](const char *name, const QByteArray &json, const QStringList &expected) {
        QTest::newRow(name) << json << expected;
    };

    // Whole-pack problems.
    row("malformed JSON", R"({"id":"test","rules":[)"_ba,
        {kSource, u"not valid JSON at line 1, column"_s});
    row("not an object", "[1,2,3]"_ba, {kSource, u"a rule pack is a JSON object"_s});
    row("unsupported format",
        R"({"id":"t","version":"1","format":2,"rules":[)"_ba + kGoodRule + "]}",
        {kSource, u"field \"format\""_s, u"unsupported format"_s});
    row("format missing", R"({"id":"t","version":"1","rules":[)"_ba + kGoodRule + "]}",
        {kSource, u"field \"format\""_s});
    row("pack id missing", R"({"version":"1","format":1,"rules":[)"_ba + kGoodRule + "]}",
        {kSource, u"field \"id\""_s});
    row("version missing", R"({"id":"t","format":1,"rules":[)"_ba + kGoodRule + "]}",
        {kSource, u"field \"version\""_s});
    row("unknown root field", R"({"id":"t","version":"1","format":1,"rule":[]})"_ba,
        {kSource, u"field \"rule\""_s, u"unknown field"_s});
    row("no rules", pack("[]"), {kSource, u"field \"rules\""_s, u"non-empty array"_s});

    // Rule problems: file, rule id and field.
    row("unknown cue", withGoodRule(R"({"id":"r1","cue":"bribes","weight":0.5,"patterns":["x"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"cue\""_s, u"unknown cue id \"bribes\""_s});
    row("cue missing", withGoodRule(R"({"id":"r1","weight":0.5,"patterns":["x"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"cue\""_s});
    row("weight zero", withGoodRule(R"({"id":"r1","cue":"bribe","weight":0,"patterns":["x"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"weight\""_s, u"(0, 1]"_s});
    row("weight above one",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":1.5,"patterns":["x"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"weight\""_s});
    row("weight negative",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":-0.2,"patterns":["x"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"weight\""_s});
    row("weight string",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":"0.5","patterns":["x"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"weight\""_s});
    row("weight missing", withGoodRule(R"({"id":"r1","cue":"bribe","patterns":["x"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"weight\""_s});
    row("field typo", withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"paterns":["x"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"paterns\""_s, u"unknown field"_s});
    row("empty patterns", withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":[]})"),
        {kSource, u"rule \"r1\""_s, u"field \"patterns\""_s, u"non-empty"_s});
    row("patterns missing", withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5})"),
        {kSource, u"rule \"r1\""_s, u"field \"patterns\""_s});
    row("patterns a string",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":"cash"})"),
        {kSource, u"rule \"r1\""_s, u"field \"patterns\""_s});
    row("blank pattern",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["a","  "]})"),
        {kSource, u"rule \"r1\""_s, u"field \"patterns[1]\""_s, u"empty pattern"_s});
    row("pattern folds to nothing",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["\u200b\u200d"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"patterns[0]\""_s, u"folds to nothing"_s});
    row("pattern a number",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":[5]})"),
        {kSource, u"rule \"r1\""_s, u"field \"patterns[0]\""_s});
    row("invalid regex",
        withGoodRule(
            R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["ok",{"regex":"(abc"}]})"),
        {kSource, u"rule \"r1\""_s, u"field \"patterns[1]\""_s, u"invalid regular expression"_s,
         u"(abc"_s});
    row("backreference is not RE2",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":[{"regex":"(a)\\1"}]})"),
        {kSource, u"rule \"r1\""_s, u"field \"patterns[0]\""_s, u"invalid regular expression"_s});
    row("phrase and regex",
        withGoodRule(
            R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":[{"phrase":"a","regex":"b"}]})"),
        {kSource, u"rule \"r1\""_s, u"field \"patterns[0]\""_s, u"exactly one of phrase, regex"_s});
    row("unknown view",
        withGoodRule(
            R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":[{"phrase":"a","view":"raw"}]})"),
        {kSource, u"rule \"r1\""_s, u"field \"patterns[0]\""_s, u"view"_s});
    row("pattern object typo",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":[{"phrse":"a"}]})"),
        {kSource, u"rule \"r1\""_s, u"field \"phrse\""_s, u"unknown field"_s});
    row("duplicate id", pack(R"([{"id":"r1","cue":"bribe","weight":0.5,"patterns":["a"]},
                                {"id":"r2","cue":"bribe","weight":0.5,"patterns":["b"]},
                                {"id":"r1","cue":"urgency","weight":0.5,"patterns":["c"]}])"),
        {kSource, u"rule \"r1\""_s, u"field \"id\""_s, u"duplicate"_s});
    row("rule id missing", withGoodRule(R"({"cue":"bribe","weight":0.5,"patterns":["a"]})"),
        {kSource, u"rules[1]"_s, u"field \"id\""_s});
    row("rule not an object", withGoodRule(R"("bribe")"), {kSource, u"rules[1]"_s});
    row("agent role on customer cue",
        withGoodRule(R"({"id":"r1","cue":"bribe","role":"agent","weight":0.5,"patterns":["a"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"role\""_s, u"customer"_s});
    row("customer role on agent cue",
        withGoodRule(R"({"id":"r1","cue":"agent_off_platform","role":"customer","weight":0.5,)"
                     R"("patterns":["a"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"role\""_s, u"agent"_s});
    row("system role",
        withGoodRule(R"({"id":"r1","cue":"bribe","role":"system","weight":0.5,"patterns":["a"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"role\""_s});
    row("unknown role",
        withGoodRule(R"({"id":"r1","cue":"bribe","role":"buyer","weight":0.5,"patterns":["a"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"role\""_s});
    row("description not string",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"description":3,"patterns":["a"]})"),
        {kSource, u"rule \"r1\""_s, u"field \"description\""_s});

    // near / unless groups.
    row("near a string",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["a"],"near":"b"})"),
        {kSource, u"rule \"r1\""_s, u"field \"near\""_s});
    row("near empty",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["a"],"near":[]})"),
        {kSource, u"rule \"r1\""_s, u"field \"near\""_s, u"non-empty"_s});
    row("near without patterns",
        withGoodRule(
            R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["a"],"near":{"within":2}})"),
        {kSource, u"rule \"r1\""_s, u"field \"near.patterns\""_s});
    row("near within too far",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["a"],)"
                     R"("near":{"patterns":["b"],"within":51}})"),
        {kSource, u"rule \"r1\""_s, u"field \"near.within\""_s});
    row("near within fractional",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["a"],)"
                     R"("near":{"patterns":["b"],"within":2.5}})"),
        {kSource, u"rule \"r1\""_s, u"field \"near.within\""_s});
    row("near within negative",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["a"],)"
                     R"("near":{"patterns":["b"],"within":-1}})"),
        {kSource, u"rule \"r1\""_s, u"field \"near.within\""_s});
    row("near typo",
        withGoodRule(
            R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["a"],"near":{"pattern":["b"]}})"),
        {kSource, u"rule \"r1\" near"_s, u"field \"pattern\""_s, u"unknown field"_s});
    row("near bad regex",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["a"],)"
                     R"("near":{"patterns":[{"regex":"[b"}]}})"),
        {kSource, u"rule \"r1\""_s, u"field \"near.patterns[0]\""_s,
         u"invalid regular expression"_s});
    row("unless a number",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["a"],"unless":7})"),
        {kSource, u"rule \"r1\""_s, u"field \"unless\""_s});
    row("unless blank pattern",
        withGoodRule(
            R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["a"],"unless":["ok",""]})"),
        {kSource, u"rule \"r1\""_s, u"field \"unless[1]\""_s, u"empty pattern"_s});
    row("unless within string",
        withGoodRule(R"({"id":"r1","cue":"bribe","weight":0.5,"patterns":["a"],)"
                     R"("unless":{"patterns":["b"],"within":"2"}})"),
        {kSource, u"rule \"r1\""_s, u"field \"unless.within\""_s});

    // Sequences.
    row("sequences not an array", pack(QByteArray("["_ba + kGoodRule + ']').constData(), "{}"),
        {kSource, u"field \"sequences\""_s});
    row("sequence unknown step",
        pack(QByteArray("["_ba + kGoodRule + ']').constData(),
             R"([{"id":"s1","steps":["account_change","refund_to_gift"],"weight":0.3}])"),
        {kSource, u"sequence \"s1\""_s, u"field \"steps\""_s, u"refund_to_gift"_s});
    row("sequence one step",
        pack(QByteArray("["_ba + kGoodRule + ']').constData(),
             R"([{"id":"s1","steps":["account_change"],"weight":0.3}])"),
        {kSource, u"sequence \"s1\""_s, u"field \"steps\""_s});
    row("sequence bad weight",
        pack(QByteArray("["_ba + kGoodRule + ']').constData(),
             R"([{"id":"s1","steps":["account_change","bribe"],"weight":2}])"),
        {kSource, u"sequence \"s1\""_s, u"field \"weight\""_s});
    row("sequence within_turns zero",
        pack(QByteArray("["_ba + kGoodRule + ']').constData(),
             R"([{"id":"s1","steps":["account_change","bribe"],"weight":0.3,"within_turns":0}])"),
        {kSource, u"sequence \"s1\""_s, u"field \"within_turns\""_s});
    row("sequence typo",
        pack(QByteArray("["_ba + kGoodRule + ']').constData(),
             R"([{"id":"s1","step":["account_change","bribe"],"weight":0.3}])"),
        {kSource, u"sequence \"s1\""_s, u"field \"step\""_s});
    row("sequence id missing",
        pack(QByteArray("["_ba + kGoodRule + ']').constData(),
             R"([{"steps":["account_change","bribe"],"weight":0.3}])"),
        {kSource, u"sequences[0]"_s, u"field \"id\""_s});
    row("sequence id clashes with rule",
        pack(QByteArray("["_ba + kGoodRule + ']').constData(),
             R"([{"id":"ok","steps":["account_change","bribe"],"weight":0.3}])"),
        {kSource, u"sequence \"ok\""_s, u"field \"id\""_s, u"duplicate"_s});
}

// A broken pack is refused whole with an error naming file, rule and field; nothing half-loads.
void TestRulePack::errorsNameFileRuleAndField()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);

    const auto result = RulePack::parse(json, kSource);
    QVERIFY(!result.ok());
    QVERIFY_THROWS_EXCEPTION(std::bad_variant_access, std::ignore = result.value());
    QVERIFY(result.error().startsWith(kSource + u": "_s));
    for (const QString &part : expected) {
        QVERIFY2(result.error().contains(part),
                 qPrintable(u"error \"%1\" does not contain \"%2\""_s.arg(result.error(), part)));
    }
}

// load() reads a file and names that file in its errors.
void TestRulePack::loadNamesTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(u"good.json"_s);
    const QString bad = dir.filePath(u"bad.json"_s);
    for (const auto &[path, json] :
         {std::pair{good, pack(QByteArray("["_ba + kGoodRule + ']').constData())},
          std::pair{bad,
                    withGoodRule(R"({"id":"r9","cue":"bribe","weight":0.5,"paterns":["x"]})")}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(json), json.size());
    }

    const auto loaded = RulePack::load(good);
    QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
    QCOMPARE(loaded.value().source, good);
    QCOMPARE(loaded.value().rules.size(), std::size_t(1));

    const auto broken = RulePack::load(bad);
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().startsWith(bad + u": "_s), qPrintable(broken.error()));
    QVERIFY2(broken.error().contains(u"rule \"r9\""_s), qPrintable(broken.error()));
    QVERIFY2(broken.error().contains(u"field \"paterns\""_s), qPrintable(broken.error()));
}

void TestRulePack::unreadableFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("missing") << u"no-such-pack.json"_s;
    QTest::newRow("directory") << u"a-directory.json"_s;
}

// A pack that cannot be read is an error naming the path, not an empty pack.
void TestRulePack::unreadableFile()
{
    QFETCH(QString, name);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(u"a-directory.json"_s));
    const QString path = dir.filePath(name);
    const auto result = RulePack::load(path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().startsWith(path + u": "_s), qPrintable(result.error()));
    QVERIFY2(result.error().contains(u"cannot read"_s), qPrintable(result.error()));
}

// The shipped pack loads, compiles, and has at least one rule for every cue of CUES.md.
void TestRulePack::defaultPackCoversEveryCue()
{
    const QString path = QStringLiteral(RG_SOURCE_DIR "/resources/rulepacks/default.json");
    const auto result = RulePack::load(path);
    QVERIFY2(result.ok(), qPrintable(errorOf(result)));
    const auto matcher = rg::detect::Matcher::compile(result.value());
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));

    QMap<QString, int> perCue;
    for (const auto &cue : rg::model::cues())
        perCue.insert(QString(cue.id), 0);
    for (const auto &rule : result.value().rules)
        ++perCue[rule.cue];
    QStringList missing;
    for (auto it = perCue.cbegin(); it != perCue.cend(); ++it) {
        if (it.value() == 0)
            missing.append(it.key());
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"no rule for cue(s): "_s + missing.join(u", "_s)));
}

QTEST_APPLESS_MAIN(TestRulePack)
#include "tst_rulepack.moc"
