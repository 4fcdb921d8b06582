// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/jsonlogic.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sys/resource.h>

#include <cmath>

using namespace Qt::StringLiterals;
using rg::policy::FactRead;
using rg::policy::Logic;
using rg::test::sameJson;

namespace {

QJsonValue json(const char *text)
{
    // QJsonDocument only holds arrays and objects: wrap, then unwrap.
    const QByteArray wrapped = "[" + QByteArray(text) + "]";
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test: %s: %s", text, qPrintable(error.errorString()));
    return document.array().at(0);
}

QString text(const QJsonValue &value)
{
    const QByteArray bytes = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(bytes.sliced(1, bytes.size() - 2));
}

QString describeReads(const std::vector<FactRead> &reads)
{
    QStringList parts;
    for (const FactRead &read : reads)
        parts.append(read.path + u"="_s + text(read.value));
    return parts.join(u", "_s);
}

// [1, 2, ..., count].
QJsonArray numbers(int count)
{
    QJsonArray list;
    for (int i = 1; i <= count; ++i)
        list.append(i);
    return list;
}

// {"reduce": [[1, ..., 40], step, initial]}: step runs 40 times, the accumulator its data.
QJsonValue reduce40(const char *step, const char *initial)
{
    return QJsonObject{{u"reduce"_s, QJsonArray{numbers(40), json(step), json(initial)}}};
}

// The most memory this process has held so far, in MiB.
long peakMemoryMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024; // KiB on Linux
}

// {"not": {"not": ... true}} nested depth operations deep.
QJsonValue nestedNots(int depth)
{
    QJsonValue rule = true;
    for (int i = 0; i < depth; ++i)
        rule = QJsonObject{{u"!!"_s, rule}};
    return rule;
}

// The current row's rule applied to its data gives its expected value.
void checkApply()
{
    QFETCH(QJsonValue, rule);
    QFETCH(QJsonValue, data);
    QFETCH(QJsonValue, expected);

    const auto result = rg::policy::apply(rule, data);
    QVERIFY2(result.ok(), qPrintable(rg::test::errorOf(result)));
    QVERIFY2(sameJson(result.value(), expected),
             qPrintable(u"got %1, expected %2"_s.arg(text(result.value()), text(expected))));
}

// The current row's rule compiles, and evaluating it on its data fails with its message.
void checkRuntimeError()
{
    QFETCH(QJsonValue, rule);
    QFETCH(QJsonValue, data);
    QFETCH(QString, message);

    const auto logic = Logic::compile(rule);
    QVERIFY2(logic.ok(), qPrintable(rg::test::errorOf(logic)));
    const auto result = logic.value().evaluate(data);
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), message);
}

} // namespace

class TestJsonLogic final : public QObject
{
    Q_OBJECT

private slots:
    void conformanceFileComplete();
    void conformance_data();
    void conformance();
    void javascriptSemantics_data();
    void javascriptSemantics();
    void compileErrorNamesPath_data();
    void compileErrorNamesPath();
    void depthLimit();
    void hostileRules();
    void runtimeErrors_data();
    void runtimeErrors();
    void doublingStopsAtBudget_data();
    void doublingStopsAtBudget();
    void buildingOperationsBudgeted_data();
    void buildingOperationsBudgeted();
    void budgetFarAboveRealRules();
    void factReads();
    void dataBuiltInCode();
    void shortCircuitReadsNothingSkipped();
    void compiledOnceEvaluatedMany();
    void truthyMatchesJsonLogic();
};

// The copy of the conformance file is the one the issue asked for: 275 entries.
void TestJsonLogic::conformanceFileComplete()
{
    QCOMPARE(rg::test::conformanceCases().size(), std::size_t(275));
}

void TestJsonLogic::conformance_data()
{
    QTest::addColumn<QJsonValue>("rule");
    QTest::addColumn<QJsonValue>("data");
    QTest::addColumn<QJsonValue>("expected");

    for (const rg::test::ConformanceCase &test : rg::test::conformanceCases()) {
        QTest::addRow("%s %d", qPrintable(test.section), test.index)
            << test.rule << test.data << test.expected;
    }
}

// Every entry of the language-independent test file: apply(rule, data) equals the expected value.
void TestJsonLogic::conformance()
{
    checkApply();
}

void TestJsonLogic::javascriptSemantics_data()
{
    QTest::addColumn<QJsonValue>("rule");
    QTest::addColumn<QJsonValue>("data");
    QTest::addColumn<QJsonValue>("expected");

    // Expected values are what json-logic-js 2.0.5 answers (JSON.stringify of its result).
    const auto row
        = [](const char *name, const char *rule, const char *data, const char *expected) {
              QTest::newRow(name) << json(rule) << json(data) << json(expected);
          };
    row("== null 0", R"({"==": [null, 0]})", "null", "false");
    row("== null undefined", R"({"==": [null]})", "null", "true");
    row("== array string", R"({"==": [[1, 2], "1,2"]})", "null", "true");
    row("== empty array false", R"({"==": [[], false]})", "null", "true");
    row("== two literal arrays", R"({"==": [[1], [1]]})", "null", "false");
    row("== one data array twice", R"({"==": [{"var": "a"}, {"var": "a"}]})", R"({"a": [1]})",
        "true");
    row("=== two data arrays alike", R"({"===": [{"var": "a"}, {"var": "b"}]})",
        R"({"a": [1], "b": [1]})", "false");
    row("== string number", R"({"==": [" 1e1 ", 10]})", "null", "true");
    row("== hex string", R"({"==": ["0x1F", 31]})", "null", "true");
    row("== bool string", R"({"==": [true, "1"]})", "null", "true");
    row("!= object string", R"({"!=": [{"var": "o"}, "[object Object]"]})", R"({"o": {}})",
        "false");
    row("< strings", R"({"<": ["apple", "banana"]})", "null", "true");
    row("< string number", R"({"<": ["10", "9"]})", "null", "true");
    row("< mixed numeric", R"({"<": ["10", 9]})", "null", "false");
    row("<= NaN", R"({"<=": ["x", 1]})", "null", "false");
    row("> null", R"({">": [1, null]})", "null", "true");
    row("+ parseFloat", R"({"+": ["1.5abc", " 2", true]})", "null", "null");
    row("+ prefixes", R"({"+": ["1.5abc", " 2"]})", "null", "3.5");
    row("+ nothing", R"({"+": []})", "null", "0");
    row("* one string stays", R"({"*": ["2"]})", "null", R"("2")");
    row("* array", R"({"*": [[3], "2"]})", "null", "6");
    row("- unary string", R"({"-": "5"})", "null", "-5");
    row("- empty string", R"({"-": ["", 1]})", "null", "-1");
    row("/ by zero", R"({"/": [1, 0]})", "null", "null");
    row("% negative", R"({"%": [-7, 3]})", "null", "-1");
    row("max empty", R"({"max": []})", "null", "null");
    row("min strings", R"({"min": ["3", 2, "1"]})", "null", "1");
    row("min NaN", R"({"min": [1, "x"]})", "null", "null");
    row("cat numbers", R"({"cat": [0.5, 1e21, 1.0, -0.0000001, 100, null, true]})", "null",
        R"("0.51e+211-1e-7100true")");
    row("cat arrays", R"({"cat": [[1, [2, null]], {"var": "o"}]})", R"({"o": {"a": 1}})",
        R"("1,2,[object Object]")");
    row("substr negative length string", R"({"substr": ["jsonlogic", 2, "-1"]})", "null", R"("")");
    row("substr number", R"({"substr": [12345, 1, 2]})", "null", R"("23")");
    row("substr null", R"({"substr": [null, 1]})", "null", R"("ull")");
    row("substr start past end", R"({"substr": ["abc", 10]})", "null", R"("")");
    row("in empty in empty", R"({"in": ["", ""]})", "null", "false");
    row("in number in string", R"({"in": [1, "a1"]})", "null", "true");
    row("in strict", R"({"in": ["1", [1, 2]]})", "null", "false");
    row("in data array", R"({"in": [{"var": "a.0"}, {"var": "a"}]})", R"({"a": [[1]]})", "true");
    row("var length", R"({"var": "xs.length"})", R"({"xs": [1, 2, 3]})", "3");
    row("var string index", R"({"var": "s.1"})", R"({"s": "abc"})", R"("b")");
    row("var null stays null", R"({"var": ["a", 5]})", R"({"a": null})", "null");
    row("var number path", R"({"var": 1.5})", R"({"1": {"5": "x"}})", R"("x")");
    row("var non-canonical index", R"({"var": "xs.01"})", R"({"xs": [1, 2]})", "null");
    row("var array path", R"({"var": [["a", "b"]]})", R"({"a,b": 7})", "7");
    row("var whole in map", R"({"map": [[1, 2], {"var": ""}]})", "null", "[1, 2]");
    row("and empty", R"({"and": []})", "null", "null");
    row("or returns value", R"({"or": [0, "", "x", 1]})", "null", R"("x")");
    row("if not array", R"({"if": "apple"})", "null", R"("apple")");
    row("! first only", R"({"!": [false, true]})", "null", "true");
    row("merge nested", R"({"merge": [[[1]], 2, [3, [4]]]})", "null", "[[1], 2, 3, [4]]");
    row("filter not array", R"({"filter": [5, true]})", "null", "[]");
    row("reduce no initial", R"({"reduce": [[1, 2], {"var": "current"}]})", "null", "2");
    row("reduce not array", R"({"reduce": [5, {"var": "current"}, 9]})", "null", "9");
    row("reduce whole scope", R"({"reduce": [[1], {"var": ""}, 0]})", "null",
        R"({"current": 1, "accumulator": 0})");
    row("none not array", R"({"none": [null, true]})", "null", "true");
    row("missing key with default", R"({"missing": [[["a", 5], "b"]]})", "null", R"(["b"])");
    row("missing empty string", R"({"missing": ["a"]})", R"({"a": ""})", R"(["a"])");
    row("missing data rule", R"({"missing": [{"var": "k"}]})",
        R"({"k": {"cat": ["x", "y"]}, "xy": 1})", "[]");
    row("missing_some string", R"({"missing_some": [1, "ab"]})", R"({"ab": 1})", "[]");
    row("missing_some count string", R"({"missing_some": ["2", ["a", "b"]]})", R"({"a": 1})",
        R"(["b"])");
    row("literal object", R"({"if": [true, {"a": 1, "b": 2}]})", "null", R"({"a": 1, "b": 2})");
    row("empty object literal", "{}", "null", "{}");
}

// Corners of JS coercion beyond the conformance file, checked against json-logic-js.
void TestJsonLogic::javascriptSemantics()
{
    checkApply();
}

void TestJsonLogic::compileErrorNamesPath_data()
{
    QTest::addColumn<QJsonValue>("rule");
    QTest::addColumn<QString>("message");

    QTest::newRow("in and") << json(R"({"and": [true, {"foo": 1}]})")
                            << uR"(/and/1: unknown operator "foo")"_s;
    QTest::newRow("top level") << json(R"({"foo": [1]})") << uR"(/: unknown operator "foo")"_s;
    QTest::newRow("branch never taken") << json(R"({"if": [true, 1, {"or": [{"bar": []}]}]})")
                                        << uR"(/if/2/or/0: unknown operator "bar")"_s;
    QTest::newRow("single argument")
        << json(R"({"!": {"baz": 1}})") << uR"(/!: unknown operator "baz")"_s;
    QTest::newRow("slash escaped")
        << json(R"({"/": [{"x": 1}, 2]})") << uR"(/~1/0: unknown operator "x")"_s;
    QTest::newRow("in array literal")
        << json(R"([1, {"map": [[], {"nope": 1}]}])") << uR"(/1/map/1: unknown operator "nope")"_s;
    QTest::newRow("dotted") << json(R"({"missing.length": []})")
                            << uR"(/: unknown operator "missing.length")"_s;
    QTest::newRow("prototype member")
        << json(R"({"constructor": []})") << uR"(/: unknown operator "constructor")"_s;
    QTest::newRow("removed method")
        << json(R"({"method": ["a", "toUpperCase"]})") << uR"(/: unknown operator "method")"_s;
    QTest::newRow("* without arguments")
        << json(R"({"and": [{"*": []}]})") << uR"(/and/0: "*" needs at least one argument)"_s;
    QTest::newRow("missing_some without keys")
        << json(R"({"missing_some": [1]})") << uR"(/: "missing_some" needs a count)"_s;
    QTest::newRow("missing_some null keys")
        << json(R"({"missing_some": [1, null]})") << uR"(/: "missing_some" needs a list)"_s;
}

// Unknown operators and shapes json-logic-js always throws on are compile errors naming the
// JSON pointer of the node.
void TestJsonLogic::compileErrorNamesPath()
{
    QFETCH(QJsonValue, rule);
    QFETCH(QString, message);

    const auto logic = Logic::compile(rule);
    QVERIFY(!logic.ok());
    QVERIFY2(logic.error().startsWith(message), qPrintable(logic.error()));
}

// Operations and arrays may nest kMaxDepth deep; one more is an error naming where.
void TestJsonLogic::depthLimit()
{
    const auto deepest = Logic::compile(nestedNots(Logic::kMaxDepth));
    QVERIFY2(deepest.ok(), qPrintable(rg::test::errorOf(deepest)));
    const auto value = deepest.value().evaluate(QJsonValue());
    QVERIFY2(value.ok(), qPrintable(rg::test::errorOf(value)));
    QCOMPARE(value.value(), QJsonValue(true));

    const auto tooDeep = Logic::compile(nestedNots(Logic::kMaxDepth + 1));
    QVERIFY(!tooDeep.ok());
    QVERIFY2(tooDeep.error().contains(u"nested deeper than 256"_s), qPrintable(tooDeep.error()));
    QVERIFY2(tooDeep.error().startsWith(u"/!!/!!/"_s), qPrintable(tooDeep.error()));

    QJsonValue arrays = 1;
    for (int i = 0; i <= Logic::kMaxDepth; ++i)
        arrays = QJsonArray{arrays};
    QVERIFY(!Logic::compile(arrays).ok());
}

// Hostile rules and data end in errors, never in a crash: a rule nested thousands deep, a
// reduce that nests its result once per element, and data that evaluates itself forever.
void TestJsonLogic::hostileRules()
{
    QJsonValue deep = QJsonObject{{u"var"_s, u"x"_s}};
    for (int i = 0; i < 5000; ++i)
        deep = QJsonObject{{u"and"_s, QJsonArray{true, deep}}};
    const auto compiled = Logic::compile(deep);
    QVERIFY(!compiled.ok());
    QVERIFY2(compiled.error().contains(u"nested deeper"_s), qPrintable(compiled.error()));

    QJsonArray many;
    for (int i = 0; i < 2000; ++i)
        many.append(i);
    const auto nesting
        = Logic::compile(json(R"({"reduce": [{"var": "xs"}, [{"var": "accumulator"}], null]})"));
    QVERIFY(nesting.ok());
    const auto nested = nesting.value().evaluate(QJsonObject{{u"xs"_s, many}});
    QVERIFY(!nested.ok());
    QVERIFY2(nested.error().contains(u"nested deeper than"_s), qPrintable(nested.error()));

    const auto loop = rg::policy::apply(json(R"({"missing": [{"var": "x"}]})"),
                                        json(R"({"x": {"missing": [{"var": "x"}]}})"));
    QVERIFY(!loop.ok());
    QVERIFY2(loop.error().contains(u"data evaluated as a rule"_s), qPrintable(loop.error()));

    // A long flat rule is fine: only nesting is limited.
    QJsonArray wide;
    for (int i = 0; i < 10000; ++i)
        wide.append(QJsonObject{{u"var"_s, u"x"_s}});
    const auto flat = rg::policy::apply(QJsonObject{{u"and"_s, wide}}, json(R"({"x": 1})"));
    QVERIFY(flat.ok());
    QCOMPARE(flat.value(), QJsonValue(1));
}

void TestJsonLogic::runtimeErrors_data()
{
    QTest::addColumn<QJsonValue>("rule");
    QTest::addColumn<QJsonValue>("data");
    QTest::addColumn<QString>("message");

    QTest::newRow("in object with indexOf")
        << json(R"({"and": [true, {"in": ["a", {"var": "o"}]}]})")
        << json(R"({"o": {"indexOf": 1}})") << uR"(/and/1: "in": b.indexOf is not a function)"_s;
    QTest::newRow("missing_some null keys")
        << json(R"({"or": [false, {"missing_some": [1, {"var": "keys"}]}]})")
        << json(R"({"keys": null})") << uR"(/or/1: "missing_some": the list of keys is null)"_s;
    QTest::newRow("data rule unknown operator")
        << json(R"({"missing": [{"var": "k"}]})") << json(R"({"k": {"nope": 1}})")
        << uR"(/: data evaluated as a rule: /: unknown operator "nope")"_s;
}

// What json-logic-js throws on comes back as an error naming the operation.
void TestJsonLogic::runtimeErrors()
{
    checkRuntimeError();
}

void TestJsonLogic::doublingStopsAtBudget_data()
{
    QTest::addColumn<QJsonValue>("rule");
    QTest::addColumn<QString>("message");

    // Without a budget these would build 2^40 elements or characters.
    QTest::newRow("merge") << reduce40(R"({"merge": [{"var": "accumulator"},
                                                     {"var": "accumulator"}]})",
                                       "[1]")
                           << u"/reduce/1: building arrays exceeds the evaluation budget of "
                              "1000000 elements"_s;
    QTest::newRow("cat") << reduce40(R"({"cat": [{"var": "accumulator"},
                                                 {"var": "accumulator"}]})",
                                     R"("x")")
                         << u"/reduce/1: building strings exceeds the evaluation budget of "
                            "1000000 characters"_s;
}

// A rule that doubles what it builds once per element is stopped by the evaluation budget: an
// error naming the operation, within moments and a bounded amount of memory.
void TestJsonLogic::doublingStopsAtBudget()
{
    QFETCH(QJsonValue, rule);
    QFETCH(QString, message);

    const auto logic = Logic::compile(rule);
    QVERIFY2(logic.ok(), qPrintable(rg::test::errorOf(logic)));
    QElapsedTimer timer;
    timer.start();
    const auto result = logic.value().evaluate(QJsonValue());
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!result.ok());
    QVERIFY2(result.error().startsWith(message), qPrintable(result.error()));
    QVERIFY2(result.error().contains(u"exceeds the evaluation budget of 1000000"_s),
             qPrintable(result.error()));
    QVERIFY2(elapsed < 5000, qPrintable(u"took %1 ms"_s.arg(elapsed)));
    QVERIFY2(peakMemoryMiB() < 512, qPrintable(u"peak %1 MiB"_s.arg(peakMemoryMiB())));
}

void TestJsonLogic::buildingOperationsBudgeted_data()
{
    QTest::addColumn<QJsonValue>("rule");
    QTest::addColumn<QJsonValue>("data");
    QTest::addColumn<QString>("message");

    // Each step builds 1000 elements or characters from the accumulator; 1001 steps go past the
    // budget.
    const QJsonObject data{
        {u"xs"_s, numbers(1000)}, {u"steps"_s, numbers(1001)}, {u"s"_s, QString(1000, u'a')}};
    const auto row
        = [&](const char *name, const char *step, const char *initial, const QString &message) {
              const QJsonObject rule{
                  {u"reduce"_s, QJsonArray{QJsonObject{{u"var"_s, u"steps"_s}}, json(step),
                                           QJsonObject{{u"var"_s, QString::fromLatin1(initial)}}}}};
              QTest::newRow(name) << QJsonValue(rule) << QJsonValue(data) << message;
          };
    const QString elements
        = u"/reduce/1: building arrays exceeds the evaluation budget of 1000000 elements"_s;
    const QString chars
        = u"/reduce/1: building strings exceeds the evaluation budget of 1000000 characters"_s;
    row("map", R"({"map": [{"var": "accumulator"}, {"var": ""}]})", "xs", elements);
    row("filter", R"({"filter": [{"var": "accumulator"}, true]})", "xs", elements);
    row("merge", R"({"merge": [{"var": "accumulator"}]})", "xs", elements);
    row("substr", R"({"substr": [{"var": "accumulator"}, 0]})", "s", chars);
    row("cat", R"({"cat": [{"var": "accumulator"}]})", "s", chars);

    // An array holding one array twice, 40 deep: 2^40 elements written out, 2^40 characters as
    // a string, from 80 elements built.
    const QJsonValue shared
        = reduce40(R"([{"var": "accumulator"}, {"var": "accumulator"}])", R"("x")");
    QTest::newRow("result written out")
        << shared << QJsonValue()
        << u"/: writing the value as JSON exceeds the evaluation budget of 1000000 elements"_s;
    const auto second = [](const QString &op, const QJsonValue &args) {
        return QJsonValue(QJsonObject{{u"and"_s, QJsonArray{true, QJsonObject{{op, args}}}}});
    };
    QTest::newRow("string of cat")
        << second(u"cat"_s, QJsonArray{shared}) << QJsonValue()
        << u"/and/1: the string of a value exceeds the evaluation budget of 1000000 characters"_s;
    QTest::newRow("string compared")
        << second(u"=="_s, QJsonArray{shared, u"x"_s}) << QJsonValue()
        << u"/and/1: the string of a value exceeds the evaluation budget of 1000000 characters"_s;
    QTest::newRow("log")
        << second(u"log"_s, shared) << QJsonValue()
        << u"/and/1: writing the value as JSON exceeds the evaluation budget of 1000000 "
           "elements"_s;
}

// Every operation that builds arrays or strings counts them against one budget per evaluation.
void TestJsonLogic::buildingOperationsBudgeted()
{
    checkRuntimeError();
}

// The budget is per evaluation, and a million is reached exactly without an error: 1000 steps
// of 1000 elements, a merge doubling 15 times, the same Logic again and again.
void TestJsonLogic::budgetFarAboveRealRules()
{
    const QJsonObject data{{u"xs"_s, numbers(1000)}, {u"steps"_s, numbers(1000)}};
    const auto maps = Logic::compile(json(R"({"reduce": [{"var": "steps"},
        {"map": [{"var": "accumulator"}, {"var": ""}]}, {"var": "xs"}]})"));
    QVERIFY(maps.ok());
    for (int run = 0; run < 3; ++run) {
        const auto result = maps.value().evaluate(data);
        QVERIFY2(result.ok(), qPrintable(rg::test::errorOf(result)));
        QCOMPARE(result.value().toArray().size(), 1000);
    }

    const QJsonValue doubling
        = json(R"({"merge": [{"var": "accumulator"}, {"var": "accumulator"}]})");
    const auto doubled = rg::policy::apply(
        QJsonObject{{u"reduce"_s, QJsonArray{numbers(15), doubling, json("[1]")}}}, QJsonValue());
    QVERIFY2(doubled.ok(), qPrintable(rg::test::errorOf(doubled)));
    QCOMPARE(doubled.value().toArray().size(), 1 << 15);
}

// Every var and missing lookup of the data is recorded with the value found, null when
// missing; lookups inside map read the element and are not facts of the data.
void TestJsonLogic::factReads()
{
    const QJsonValue data = json(R"({"action": {"type": "refund", "amount": 120},
                                     "agent": {"refund_limit": 100}, "xs": [{"qty": 2}]})");
    const auto logic = Logic::compile(json(R"({"and": [
        {">": [{"var": "action.amount"}, {"var": "agent.refund_limit"}]},
        {"in": [{"var": "action.type"}, ["refund", "concession"]]},
        {"var": ["case.claims", 1]},
        {"missing": ["action.type", "action.reason"]},
        {"map": [{"var": "xs"}, {"var": "qty"}]},
        {"var": {"cat": ["agent", ".", "refund_limit"]}}
    ]})"));
    QVERIFY2(logic.ok(), qPrintable(rg::test::errorOf(logic)));
    std::vector<FactRead> reads;
    const auto result = logic.value().evaluate(data, &reads);
    QVERIFY2(result.ok(), qPrintable(rg::test::errorOf(result)));
    QCOMPARE(result.value(), QJsonValue(100));
    QCOMPARE(describeReads(reads),
             u"action.amount=120, agent.refund_limit=100, action.type=\"refund\", "
             "case.claims=null, action.type=\"refund\", action.reason=null, "
             "xs=[{\"qty\":2}], agent.refund_limit=100"_s);

    // The same Logic again appends to the list it is given, nothing else.
    reads.clear();
    QVERIFY(logic.value().evaluate(json(R"({"action": {"amount": -1}})"), &reads).ok());
    QCOMPARE(reads.size(), std::size_t(2));
    QCOMPARE(reads[1].path, u"agent.refund_limit"_s);
    QCOMPARE(reads[1].value, QJsonValue(QJsonValue::Null));
}

// Data built in code rather than parsed reads the same, keys outside ASCII included.
void TestJsonLogic::dataBuiltInCode()
{
    const QJsonObject action{{u"type"_s, u"refund"_s},
                             {u"amount"_s, 120},
                             {u"gr\u00F6\u00DFe"_s, 3},
                             {u"\u043A\u043B\u044E\u0447"_s, u"v"_s}};
    const QJsonObject data{{u"action"_s, action},
                           {u"list"_s, QJsonArray{1, u"x"_s, QJsonObject{{u"k"_s, true}}}}};
    const auto read = [&](const QString &path) {
        const auto result = rg::policy::apply(QJsonObject{{u"var"_s, path}}, data);
        return result.ok() ? result.value() : QJsonValue(u"error: "_s + result.error());
    };
    QCOMPARE(read(u"action.amount"_s), QJsonValue(120));
    QCOMPARE(read(u"action.gr\u00F6\u00DFe"_s), QJsonValue(3));
    QCOMPARE(read(u"action.\u043A\u043B\u044E\u0447"_s), QJsonValue(u"v"_s));
    QCOMPARE(read(u"action.type.length"_s), QJsonValue(6));
    QCOMPARE(read(u"list.2.k"_s), QJsonValue(true));
    QCOMPARE(read(u"list.length"_s), QJsonValue(3));
    QCOMPARE(read(u"list.2"_s), QJsonValue(QJsonObject{{u"k"_s, true}}));
    QCOMPARE(read(u"action.nope"_s), QJsonValue(QJsonValue::Null));
}

// and/or/if stop at the deciding value: a var in a branch never evaluated is not recorded.
void TestJsonLogic::shortCircuitReadsNothingSkipped()
{
    const QJsonValue data = json(R"({"a": 1, "b": 0, "c": 3})");
    const auto reads = [&](const char *rule) {
        std::vector<FactRead> list;
        const auto result = Logic::compile(json(rule)).value().evaluate(data, &list);
        return result.ok() ? describeReads(list) : u"error: "_s + result.error();
    };
    QCOMPARE(reads(R"({"and": [{"var": "b"}, {"var": "c"}]})"), u"b=0"_s);
    QCOMPARE(reads(R"({"or": [{"var": "a"}, {"var": "c"}]})"), u"a=1"_s);
    QCOMPARE(reads(R"({"or": [{"var": "b"}, {"var": "c"}]})"), u"b=0, c=3"_s);
    QCOMPARE(reads(R"({"if": [{"var": "b"}, {"var": "a"}, {"var": "c"}]})"), u"b=0, c=3"_s);
    QCOMPARE(reads(R"({"?:": [true, {"var": "a"}, {"var": "c"}]})"), u"a=1"_s);
    QCOMPARE(reads(R"({"and": [false, {"missing": ["x"]}]})"), QString());
}

// One compiled Logic evaluates many documents, each on its own.
void TestJsonLogic::compiledOnceEvaluatedMany()
{
    const auto logic
        = Logic::compile(json(R"({"if": [{"<": [{"var": "n"}, 10]}, "small", "big"]})"));
    QVERIFY(logic.ok());
    for (int n = 0; n < 20; ++n) {
        const auto result = logic.value().evaluate(QJsonObject{{u"n"_s, n}});
        QVERIFY(result.ok());
        QCOMPARE(result.value().toString(), n < 10 ? u"small"_s : u"big"_s);
    }
    QCOMPARE(Logic().evaluate(QJsonObject()).value(), QJsonValue(QJsonValue::Null));
}

// truthy() for a result follows JSON Logic: [] and "" are false, "0" and {} true.
void TestJsonLogic::truthyMatchesJsonLogic()
{
    using rg::policy::truthy;
    QVERIFY(!truthy(json("[]")));
    QVERIFY(!truthy(json("\"\"")));
    QVERIFY(!truthy(json("0")));
    QVERIFY(!truthy(json("null")));
    QVERIFY(!truthy(json("false")));
    QVERIFY(!truthy(QJsonValue(QJsonValue::Undefined)));
    QVERIFY(truthy(json("\"0\"")));
    QVERIFY(truthy(json("{}")));
    QVERIFY(truthy(json("[0]")));
    QVERIFY(truthy(json("-1")));
}

QTEST_GUILESS_MAIN(TestJsonLogic)
#include "tst_jsonlogic.moc"
