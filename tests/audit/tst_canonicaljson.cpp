// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/canonicaljson.h"
#include "model/jsontext.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace rg;

namespace {

const QString kVectors = QStringLiteral(RG_TEST_DATA_DIR) + u"/conformance/jcs"_s;

// The input files of the RFC 8785 vectors; each has a same-named file of expected bytes.
QStringList vectorNames()
{
    return QDir(kVectors + u"/input"_s).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
}

} // namespace

class TestCanonicalJson final : public QObject
{
    Q_OBJECT

private slots:
    void init();

    // The vectors were copied into tests/data; a lost file must not shrink the suite silently.
    void vectorsPresent();
    // Each RFC 8785 vector input canonicalises to exactly the bytes of its output file.
    void conformance_data();
    void conformance();

    // A double is written as ECMAScript writes it, alone and inside an array.
    void numbers_data();
    void numbers();
    // NaN and the infinities have no JSON form, whichever way they arrive.
    void nonFiniteNumbersRejected_data();
    void nonFiniteNumbersRejected();

    // JSON text in, canonical bytes out: member order, string escapes, nesting, whitespace.
    void text_data();
    void text();

    // A string holding half a surrogate pair cannot become UTF-8 and must not hash as U+FFFD.
    void loneSurrogateRejected();
    // Qt keeps 64-bit integers exactly; beyond 2^53 several would be written as the same double,
    // so only the one whose digits the double's canonical form are is kept, as a fixed point
    // (found by fuzz_canonicaljson).
    void inexactIntegerRejected_data();
    void inexactIntegerRejected();
    // Broken input is reported with its position, not canonicalised into something else.
    void parseErrorNamed();
};

void TestCanonicalJson::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void TestCanonicalJson::vectorsPresent()
{
    const QStringList names = vectorNames();
    QVERIFY2(names.size() >= 6, qPrintable(u"found only: "_s + names.join(u", "_s)));
}

void TestCanonicalJson::conformance_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : vectorNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestCanonicalJson::conformance()
{
    QFETCH(QString, name);
    const Result<QByteArray> input = model::readFileBytes(kVectors + u"/input/"_s + name);
    QVERIFY2(input.ok(), qPrintable(test::errorOf(input)));
    const Result<QByteArray> expected = model::readFileBytes(kVectors + u"/output/"_s + name);
    QVERIFY2(expected.ok(), qPrintable(test::errorOf(expected)));

    const Result<QByteArray> canonical = audit::canonicalJson(input.value());
    QVERIFY2(canonical.ok(), qPrintable(test::errorOf(canonical)));
    QCOMPARE(canonical.value(), expected.value());
}

void TestCanonicalJson::numbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("zero") << 0.0 << "0"_ba;
    QTest::newRow("negative zero") << -0.0 << "0"_ba;
    QTest::newRow("one") << 1.0 << "1"_ba;
    QTest::newRow("minus one") << -1.0 << "-1"_ba;
    QTest::newRow("one and a half") << 1.5 << "1.5"_ba;
    QTest::newRow("minus one and a half") << -1.5 << "-1.5"_ba;
    QTest::newRow("hundred") << 100.0 << "100"_ba;
    QTest::newRow("4.50") << 4.50 << "4.5"_ba;
    QTest::newRow("0.002") << 2e-3 << "0.002"_ba;
    QTest::newRow("0.1 + 0.2") << 0.1 + 0.2 << "0.30000000000000004"_ba;
    QTest::newRow("1/3") << 1.0 / 3.0 << "0.3333333333333333"_ba;
    QTest::newRow("333333333.33333329") << 333333333.33333329 << "333333333.3333333"_ba;
    QTest::newRow("2^53") << 9007199254740992.0 << "9007199254740992"_ba;
    // Beyond 2^53 a double cannot hold every integer: ...993 is already ...992 when parsed.
    QTest::newRow("2^53 + 1") << 9007199254740993.0 << "9007199254740992"_ba;
    QTest::newRow("1e20") << 1e20 << "100000000000000000000"_ba;
    QTest::newRow("1.2345678901234568e+20")
        << 123456789012345680000.0 << "123456789012345680000"_ba;
    QTest::newRow("largest plain") << 999999999999999900000.0 << "999999999999999900000"_ba;
    QTest::newRow("1e21") << 1e21 << "1e+21"_ba;
    QTest::newRow("-1e21") << -1e21 << "-1e+21"_ba;
    QTest::newRow("1.5e21") << 1.5e21 << "1.5e+21"_ba;
    QTest::newRow("1e30") << 1e30 << "1e+30"_ba;
    QTest::newRow("1e-6") << 1e-6 << "0.000001"_ba;
    QTest::newRow("1.5e-6") << 1.5e-6 << "0.0000015"_ba;
    QTest::newRow("1e-7") << 1e-7 << "1e-7"_ba;
    QTest::newRow("1.5e-7") << 1.5e-7 << "1.5e-7"_ba;
    QTest::newRow("-1.5e-7") << -1.5e-7 << "-1.5e-7"_ba;
    QTest::newRow("1e-27") << 1e-27 << "1e-27"_ba;
    QTest::newRow("smallest denormal") << 5e-324 << "5e-324"_ba;
    QTest::newRow("largest double") << 1.7976931348623157e308 << "1.7976931348623157e+308"_ba;
    QTest::newRow("smallest normal") << 2.2250738585072014e-308 << "2.2250738585072014e-308"_ba;
}

void TestCanonicalJson::numbers()
{
    QFETCH(double, value);
    QFETCH(QByteArray, expected);

    const Result<QByteArray> number = audit::canonicalNumber(value);
    QVERIFY2(number.ok(), qPrintable(test::errorOf(number)));
    QCOMPARE(number.value(), expected);

    const Result<QByteArray> inArray = audit::canonicalJson(QJsonValue(QJsonArray{value}));
    QVERIFY2(inArray.ok(), qPrintable(test::errorOf(inArray)));
    QCOMPARE(inArray.value(), '[' + expected + ']');
}

void TestCanonicalJson::nonFiniteNumbersRejected_data()
{
    QTest::addColumn<double>("value");
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("Infinity") << std::numeric_limits<double>::infinity();
    QTest::newRow("-Infinity") << -std::numeric_limits<double>::infinity();
}

void TestCanonicalJson::nonFiniteNumbersRejected()
{
    QFETCH(double, value);
    const Result<QByteArray> number = audit::canonicalNumber(value);
    QVERIFY(!number.ok());

    // QJsonValue keeps a non-finite double as a double (QJsonDocument would write null for it),
    // so it reaches canonicalNumber and must fail the whole document rather than become null.
    const QJsonValue json(value);
    QVERIFY(json.isDouble());
    QVERIFY(!audit::canonicalJson(json).ok());
    QVERIFY(!audit::canonicalJson(QJsonValue(QJsonObject{{u"a"_s, QJsonArray{1, json}}})).ok());
}

void TestCanonicalJson::text_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("whitespace dropped") << R"( { "a" : [ 1 , 2 ] , "b" : { } } )"_ba
                                        << R"({"a":[1,2],"b":{}})"_ba;
    QTest::newRow("empty containers") << R"([[],{},[{}]])"_ba
                                      << R"([[],{},[{}]])"_ba;
    QTest::newRow("literals") << R"([null,true,false])"_ba
                              << R"([null,true,false])"_ba;
    QTest::newRow("nested sorted at every level")
        << R"({"b":[1,{"d":true,"c":null}],"a":{"z":{"y":0,"x":-0.0},"m":"n"}})"_ba
        << R"({"a":{"m":"n","z":{"x":0,"y":0}},"b":[1,{"c":null,"d":true}]})"_ba;
    QTest::newRow("array order kept") << R"([3,1,2,"b","a"])"_ba
                                      << R"([3,1,2,"b","a"])"_ba;
    QTest::newRow("prefix sorts first") << R"({"ab":1,"a":2,"":3})"_ba
                                        << R"({"":3,"a":2,"ab":1})"_ba;
    QTest::newRow("upper case before lower") << R"({"b":1,"B":2,"a":3})"_ba
                                             << R"({"B":2,"a":3,"b":1})"_ba;
    // By UTF-16 code units: a (0061) < U+0080 < U+20AC < U+1F600 (D83D DE00) < U+FB33, although
    // U+FB33 comes before U+1F600 by code point.
    QTest::newRow("non-ASCII and surrogate pair keys")
        << R"({"\ufb33":5,"\ud83d\ude00":4,"\u20ac":3,"\u0080":2,"a":1})"_ba
        << "{\"a\":1,\"\xc2\x80\":2,\"\xe2\x82\xac\":3,\"\xf0\x9f\x98\x80\":4,\"\xef\xac\xb3\":5}"_ba;
    // Parsed from text in this order, Qt 6.4's QJsonObject lists "\ud83d\ude02" but cannot find
    // it by name; it must be written all the same (found by fuzz_canonicaljson).
    QTest::newRow("keys Qt cannot look up")
        << "{\"</scpipt>\":\"Be\",\"peach\":1,\"p\xc3\xa9\x63h\xc3\xa9\":2,\"\xc3\xb6\":3,"
           "\"\xf0\x9f\x98\x82\":4,\"\xef\xac\xb3\\\"\":5}"_ba
        << "{\"</scpipt>\":\"Be\",\"peach\":1,\"p\xc3\xa9\x63h\xc3\xa9\":2,\"\xc3\xb6\":3,"
           "\"\xf0\x9f\x98\x82\":4,\"\xef\xac\xb3\\\"\":5}"_ba;
    QTest::newRow("short escapes") << R"(["\b\t\n\f\r"])"_ba
                                   << R"(["\b\t\n\f\r"])"_ba;
    QTest::newRow("other controls as lower-case hex") << R"(["\u0000\u0001\u000B\u000e\u001F"])"_ba
                                                      << R"(["\u0000\u0001\u000b\u000e\u001f"])"_ba;
    QTest::newRow("quote and backslash") << R"(["say \"hi\" \\ now"])"_ba
                                         << R"(["say \"hi\" \\ now"])"_ba;
    QTest::newRow("solidus not escaped") << R"(["a\/b</script>"])"_ba
                                         << R"(["a/b</script>"])"_ba;
    QTest::newRow("DEL and non-ASCII kept") << R"(["\u007f\u00e9\u20ac\ud83d\ude00"])"_ba
                                            << "[\"\x7f\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"]"_ba;
    QTest::newRow("raw UTF-8 input kept") << "[\"caf\xc3\xa9\"]"_ba
                                          << "[\"caf\xc3\xa9\"]"_ba;
    QTest::newRow("escaped ASCII unescaped") << R"(["\u0041\u0042"])"_ba
                                             << R"(["AB"])"_ba;
    QTest::newRow("numbers in text") << R"([1E30,4.50,2e-3,1.0,-0,1e-7,0.000001])"_ba
                                     << R"([1e+30,4.5,0.002,1,0,1e-7,0.000001])"_ba;
}

void TestCanonicalJson::text()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);

    const Result<QByteArray> canonical = audit::canonicalJson(json);
    QVERIFY2(canonical.ok(), qPrintable(test::errorOf(canonical)));
    QCOMPARE(canonical.value(), expected);

    // Canonical output is a fixed point.
    const Result<QByteArray> again = audit::canonicalJson(canonical.value());
    QVERIFY2(again.ok(), qPrintable(test::errorOf(again)));
    QCOMPARE(again.value(), expected);
}

void TestCanonicalJson::loneSurrogateRejected()
{
    const QString lone = u"a"_s + QChar(0xd800) + u"b"_s;
    QVERIFY(!audit::canonicalJson(QJsonValue(lone)).ok());
    QVERIFY(!audit::canonicalJson(QJsonValue(QJsonObject{{lone, 1}})).ok());
    QVERIFY(!audit::canonicalJson(QJsonValue(QJsonArray{u"ok"_s, lone})).ok());
}

void TestCanonicalJson::inexactIntegerRejected_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected"); // empty: refused

    QTest::newRow("fuzzed") << "[33333925474099301]"_ba << QByteArray();
    QTest::newRow("its nearest double") << "[33333925474099300]"_ba << "[33333925474099300]"_ba;
    QTest::newRow("2^53 + 1") << "[9007199254740993]"_ba << QByteArray();
    QTest::newRow("2^53") << "[9007199254740992]"_ba << "[9007199254740992]"_ba;
    QTest::newRow("-(2^53 + 1)") << "[-9007199254740993]"_ba << QByteArray();
    QTest::newRow("in an object") << R"({"a":{"order":9223372036854775807}})"_ba << QByteArray();
    QTest::newRow("int64 minimum") << "[-9223372036854775808]"_ba << QByteArray();
    // A double's exact value, but written with the double's shortest digits, which Qt reads back
    // as another integer: only that one is taken, so canonical output stays a fixed point.
    QTest::newRow("exact double, other digits") << "[123456789033333328]"_ba << QByteArray();
    QTest::newRow("the double's digits") << "[123456789033333330]"_ba << "[123456789033333330]"_ba;
    // Qt keeps any integral number that fits 64 bits as that integer, exponent or not.
    QTest::newRow("exact double, exponent form") << "[1.2345678903333333e17]"_ba << QByteArray();
}

void TestCanonicalJson::inexactIntegerRejected()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);

    const Result<QByteArray> canonical = audit::canonicalJson(json);
    if (expected.isEmpty()) {
        QVERIFY(!canonical.ok());
        QVERIFY2(canonical.error().contains(u"send it as a string"_s), qPrintable(canonical.error()));
        return;
    }
    QVERIFY2(canonical.ok(), qPrintable(test::errorOf(canonical)));
    QCOMPARE(canonical.value(), expected);
    const Result<QByteArray> again = audit::canonicalJson(canonical.value());
    QVERIFY2(again.ok(), qPrintable(test::errorOf(again)));
    QCOMPARE(again.value(), expected);
}

void TestCanonicalJson::parseErrorNamed()
{
    const Result<QByteArray> canonical = audit::canonicalJson("{\n  \"a\": [1,\n}"_ba);
    QVERIFY(!canonical.ok());
    QVERIFY2(canonical.error().contains(u"line 3"_s), qPrintable(canonical.error()));

    // Qt 6.4 can keep both members of a repeated name outside the Basic Multilingual Plane; one
    // name twice is refused, not written twice (found by fuzz_canonicaljson).
    QFile input(QStringLiteral(RG_SOURCE_DIR)
                + u"/tests/fuzz/regressions/canonicaljson/repeated-name.json"_s);
    QVERIFY(input.open(QIODevice::ReadOnly));
    const Result<QByteArray> repeated = audit::canonicalJson(input.readAll());
    QVERIFY(!repeated.ok());
    QVERIFY2(repeated.error().contains(u"appears twice"_s), qPrintable(repeated.error()));

    // Qt reads only an object or an array at the top level; a bare scalar must not come out as {}.
    QVERIFY(!audit::canonicalJson("5"_ba).ok());
}

QTEST_GUILESS_MAIN(TestCanonicalJson)

#include "tst_canonicaljson.moc"
