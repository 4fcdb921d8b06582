// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/canonicaljson.h"
#include "audit/redaction.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rg;

namespace {

struct Row
{
    const char *name;
    QString input;
    QString expected;
};

// The placeholder the review UI shows for a card: four bullets and the last four digits.
QString card(QStringView lastFour)
{
    return u"[card \u2022\u2022\u2022\u2022%1]"_s.arg(lastFour);
}

// Text that holds exactly one piece of personal data, and what it must become.
QList<Row> personalDataRows()
{
    return {
        // Cards: every major issuer, solid and grouped, Luhn-valid.
        {"visa solid", u"Card 4111111111111111 was charged twice."_s,
         u"Card "_s + card(u"1111") + u" was charged twice."_s},
        {"visa spaced", u"4111 1111 1111 1111"_s, card(u"1111")},
        {"visa hyphenated", u"It's 4111-1111-1111-1111."_s, u"It's "_s + card(u"1111") + u"."_s},
        {"visa 13 digits", u"old card 4222222222222"_s, u"old card "_s + card(u"2222")},
        {"visa 19 digits", u"4111 1111 1111 1111 003"_s, card(u"1003")},
        {"mastercard", u"MC 5555 5555 5555 4444"_s, u"MC "_s + card(u"4444")},
        {"mastercard 2-series", u"2223003122003222"_s, card(u"3222")},
        {"amex 4-6-5", u"Amex 3782 822463 10005"_s, u"Amex "_s + card(u"0005")},
        {"amex solid", u"371449635398431"_s, card(u"8431")},
        {"discover", u"6011 1111 1111 1117"_s, card(u"1117")},
        {"jcb in parentheses", u"(3530111333300000)"_s, u"("_s + card(u"0000") + u")"_s},
        {"diners 14 digits", u"30569309025904"_s, card(u"5904")},
        {"unionpay", u"6200000000000005"_s, card(u"0005")},
        {"maestro", u"6759649826438453"_s, card(u"8453")},
        {"card before expiry", u"4111 1111 1111 1111 12/27"_s, card(u"1111") + u" 12/27"_s},

        // E-mail addresses.
        {"email", u"jane.doe@example.com"_s, u"[email]"_s},
        {"email plus and subdomains", u"Write to j.doe+refunds@mail.example.co.uk."_s,
         u"Write to [email]."_s},
        {"email in angle brackets", u"Jane <jane_doe-88@shop.de>"_s, u"Jane <[email]>"_s},
        {"email non-ASCII", u"jos\u00e9.garc\u00eda@correo.es"_s, u"[email]"_s},
        {"email made of a phone number", u"4155550132@sms.example.net"_s, u"[email]"_s},

        // Phone numbers, international and national.
        {"phone +44", u"+44 20 7946 0958"_s, u"[phone]"_s},
        {"phone +1 with area code in parentheses", u"call +1 (415) 555-0132 today"_s,
         u"call [phone] today"_s},
        {"phone +49", u"+49 30 123456"_s, u"[phone]"_s},
        {"phone +44 solid", u"+442079460958"_s, u"[phone]"_s},
        {"phone +44 with trunk (0)", u"+44 (0)20 7946 0958"_s, u"[phone]"_s},
        {"phone +34 mobile", u"+34 612 345 678"_s, u"[phone]"_s},
        {"phone before a year", u"+44 20 7946 0958 2026"_s, u"[phone] 2026"_s},
        {"phone US parentheses", u"(415) 555-0132"_s, u"[phone]"_s},
        {"phone US hyphens", u"415-555-0132"_s, u"[phone]"_s},
        {"phone US dots", u"415.555.0132"_s, u"[phone]"_s},
        {"phone US spaces", u"415 555 0132"_s, u"[phone]"_s},
        {"phone US toll free", u"1-800-555-0199"_s, u"[phone]"_s},
        {"phone UK London", u"020 7946 0958"_s, u"[phone]"_s},
        {"phone UK mobile", u"07700 900123"_s, u"[phone]"_s},
        {"phone UK parentheses", u"(020) 7946 0958"_s, u"[phone]"_s},
        {"phone France", u"01 23 45 67 89"_s, u"[phone]"_s},
        {"phone at sentence end", u"Call me at 415-555-0132."_s, u"Call me at [phone]."_s},

        // National ids.
        {"ssn", u"SSN 123-45-6789"_s, u"SSN [national id]"_s},
        {"ssn 078-05-1120", u"078-05-1120"_s, u"[national id]"_s},
        {"ssn spaced", u"219 09 9999"_s, u"[national id]"_s},
        {"nino spaced", u"NI AB 12 34 56 C"_s, u"NI [national id]"_s},
        {"nino solid", u"AB123456C"_s, u"[national id]"_s},
        {"nino lower case", u"ab123456c"_s, u"[national id]"_s},
        {"dni", u"DNI 12345678Z"_s, u"DNI [national id]"_s},
        {"dni hyphen", u"12345678-Z"_s, u"[national id]"_s},
        {"nie X", u"NIE X1234567L"_s, u"NIE [national id]"_s},
        {"nie Y", u"Y7654321G"_s, u"[national id]"_s},

        // IBANs.
        {"iban DE grouped", u"DE89 3704 0044 0532 0130 00"_s, u"[iban]"_s},
        {"iban DE solid", u"IBAN: DE89370400440532013000."_s, u"IBAN: [iban]."_s},
        {"iban GB with letters", u"GB82 WEST 1234 5698 7654 32"_s, u"[iban]"_s},
        {"iban FR", u"FR14 2004 1010 0505 0001 3M02 606"_s, u"[iban]"_s},
        {"iban NL solid", u"NL91ABNA0417164300"_s, u"[iban]"_s},
        {"iban CH short last group", u"CH93 0076 2011 6238 5295 7"_s, u"[iban]"_s},
        {"iban BE", u"BE68539007547034"_s, u"[iban]"_s},
        {"iban IT", u"IT60 X054 2811 1010 0000 0123 456"_s, u"[iban]"_s},
        {"iban lower case", u"de89370400440532013000"_s, u"[iban]"_s},
        {"iban holding card digits", u"DE95 4111 1111 1111 1111 00"_s, u"[iban]"_s},
        {"iban before upper-case word", u"GB82 WEST 1234 5698 7654 32 THANKS"_s,
         u"[iban] THANKS"_s},
    };
}

// Text that only looks like personal data; it must come back unchanged.
QStringList lookAlikeInputs()
{
    return {
        // Order, shipment and case references.
        u"Order 114-6639921-5543210 arrived damaged."_s,
        u"114 6639921 5543210"_s,
        u"Amazon-style, Luhn-valid, Discover prefix 651-2345678-9012340"_s,
        u"eBay 12-34567-89012"_s,
        u"#1001 and ORD-2026-000123"_s,
        u"UPS 1Z999AA10123456784"_s,
        u"UPS 1Z 999 AA1 01 2345 678 4"_s,
        u"FedEx 748927463210"_s,
        u"FedEx 7489 2746 3210"_s,
        u"FedEx 012345678901234"_s,
        u"USPS 9400111899223344556677"_s,
        u"USPS Luhn-valid 9400111899223344556679"_s,
        u"USPS 9400 1118 9922 3344 5566 77"_s,
        u"USPS 9400 1118 0958 1234 5678 77"_s,
        u"USPS 92055901649173127512"_s,
        u"USPS 9205 5901 0164 9173 1275"_s,
        u"Parcel ref 0161 4960 0000 1234 56"_s,
        u"C-1"_s,
        u"see case-1003"_s,
        u"policy refund-over-limit"_s,
        u"epoch 1764167400"_s,

        // Numbers that fail a card check: Luhn, length or issuer prefix.
        u"4111111111111112"_s,
        u"4111 1111 1111 1112"_s,
        u"4111111111111111111112"_s,
        u"1234567812345670"_s,
        u"3782822463100003"_s,
        u"555555555555442"_s,
        u"411111111111116"_s,
        u"SKU X4111111111111111"_s,
        u"order 20-4111111111111111"_s,

        // Prices.
        u"$1,299.00"_s,
        u"329.00 USD"_s,
        u"\u20ac45"_s,
        u"1.299,00 \u20ac"_s,
        u"\u00a31,049.99"_s,
        u"\u00a512,800"_s,
        u"CHF 1'299.50"_s,
        u"R$ 1.234,56"_s,
        u"1 299,00 \u20ac"_s,
        u"$12,345,678.90"_s,
        u"USD 1299.00 +15%"_s,

        // Dates, times, quantities and addresses.
        u"2026-11-26"_s,
        u"26/11/2026"_s,
        u"11/26/2026"_s,
        u"26.11.2026"_s,
        u"2026-11-26T14:30:00Z"_s,
        u"Nov 26, 2026 at 2:30 PM"_s,
        u"14:30:15"_s,
        u"Qty 3 x 12 units, 2 boxes"_s,
        u"San Francisco, CA 94103"_s,
        u"94103-1234"_s,
        u"Boston, MA 02134-1234"_s,
        u"10115 Berlin"_s,
        u"London SW1A 1AA"_s,
        u"version 1.2.3.4 on 192.168.1.10"_s,
        u"serial 415-555-0132-77"_s,
        u"serial 77-415-555-0132"_s,
        u"part 100-200-3000"_s,
        u"part 212-055-1234"_s,

        // Ids that break their own rules.
        u"DE89 3704 0044 0532 0130 01"_s,
        u"DE89370400440532013001"_s,
        u"GB82 WEST 1234 5698 7654 33"_s,
        u"DE89 3704 0044 0532 0130"_s,
        u"DE86 3704 0044 0532 0130"_s,
        u"000-12-3456"_s,
        u"666-12-3456"_s,
        u"900-12-3456"_s,
        u"123-00-4567"_s,
        u"123-45-0000"_s,
        u"QQ123456C"_s,
        u"QQ 12 34 56 C"_s,
        u"BG123456A"_s,
        u"DA123456A"_s,
        u"AB123456E"_s,
        u"shipped on 123456 a week ago"_s,
        u"12345678A"_s,

        // Plain prose and stray '@'.
        u"Hola, quiero devolver el pedido porque lleg\u00f3 roto y pido el reembolso."_s,
        u"Ich m\u00f6chte die Bestellung zur\u00fcckgeben, weil das Paket besch\u00e4digt ankam."_s,
        u"meet @ 5pm, ping @support"_s,
        QString(),
    };
}

// Sentences with several kinds of personal data among things that must survive.
QList<Row> mixedRows()
{
    return {
        {"iban card phone email order",
         u"Refund to DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111, call +44 20 7946 0958 "
         "or mail jane@example.com about order 114-6639921-5543210 ($1,299.00 on 2026-11-26)."_s,
         u"Refund to [iban], card "_s + card(u"1111")
             + u", call [phone] or mail [email] about order 114-6639921-5543210 ($1,299.00 on "
               "2026-11-26)."_s},
        {"national ids with price time date case",
         u"SSN 123-45-6789, NI number AB 12 34 56 C, DNI 12345678Z; paid \u20ac45 at 14:30 on "
         "26/11/2026 for case-1003."_s,
         u"SSN [national id], NI number [national id], DNI [national id]; paid \u20ac45 at 14:30 "
         "on 26/11/2026 for case-1003."_s},
        {"multi-line ticket",
         u"Customer: Mar\u00eda L\u00f3pez <maria.lopez@correo.es>\nTel. (415) 555-0132 / 07700 "
         "900123\nOrder 114-6639921-5543210, tracking 1Z999AA10123456784, total 329.00 USD."_s,
         u"Customer: Mar\u00eda L\u00f3pez <[email]>\nTel. [phone] / [phone]\nOrder "
         "114-6639921-5543210, tracking 1Z999AA10123456784, total 329.00 USD."_s},
        {"valid and invalid cards",
         u"Two cards: 4111111111111111 and 5555-5555-5555-4444, not 4111111111111112."_s,
         u"Two cards: "_s + card(u"1111") + u" and "_s + card(u"4444")
             + u", not 4111111111111112."_s},
        {"German",
         u"Bitte \u00fcberweisen Sie 45,00 \u20ac auf DE89370400440532013000 oder rufen "
         "Sie +49 30 123456 an."_s,
         u"Bitte \u00fcberweisen Sie 45,00 \u20ac auf [iban] oder rufen Sie [phone] an."_s},
        {"Spanish",
         u"Mi DNI es 12345678Z y mi tel\u00e9fono +34 612 345 678; pedido "
         "114-6639921-5543210."_s,
         u"Mi DNI es [national id] y mi tel\u00e9fono [phone]; pedido 114-6639921-5543210."_s},
        {"whitespace and emoji kept",
         u"Hi \U0001F44B\r\n\tcard:\u00a04111111111111111 \u2713  bye"_s,
         u"Hi \U0001F44B\r\n\tcard:\u00a0"_s + card(u"1111") + u" \u2713  bye"_s},
        {"markdown link", u"[4111111111111111](mailto:jane@example.com)"_s,
         u"["_s + card(u"1111") + u"](mailto:[email])"_s},
        {"bad IBAN beside good phone", u"DE89370400440532013001 or 020 7946 0958"_s,
         u"DE89370400440532013001 or [phone]"_s},
    };
}

} // namespace

class TestRedaction final : public QObject
{
    Q_OBJECT

private slots:
    void init();

    // One piece of personal data becomes its placeholder; the text around it stays.
    void personalData_data();
    void personalData();
    // Order, tracking and case numbers, prices, dates and invalid ids are not personal data.
    void lookAlikesKept_data();
    void lookAlikesKept();
    // Several items in one text are all replaced, each by its own placeholder, in place.
    void mixedSentences_data();
    void mixedSentences();
    // Redacting redacted text changes nothing, so re-exports never degrade the log.
    void idempotent_data();
    void idempotent();
    // A long ticket gives the same result as its parts: no match leaks across repetitions.
    void longText();

    // Every string at any depth is redacted; keys, numbers, booleans and null are not.
    void jsonNested();
    // A bare JSON scalar is handled like a member of a container.
    void jsonScalars_data();
    void jsonScalars();
};

void TestRedaction::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void TestRedaction::personalData_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    for (const Row &row : personalDataRows())
        QTest::newRow(row.name) << row.input << row.expected;
}

void TestRedaction::personalData()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QVERIFY2(input != expected, "a positive row must expect a change");
    QCOMPARE(audit::redactText(input), expected);
}

void TestRedaction::lookAlikesKept_data()
{
    QTest::addColumn<QString>("input");
    for (const QString &input : lookAlikeInputs())
        QTest::newRow(input.isEmpty() ? "empty" : qPrintable(input)) << input;
}

void TestRedaction::lookAlikesKept()
{
    QFETCH(QString, input);
    QCOMPARE(audit::redactText(input), input);
}

void TestRedaction::mixedSentences_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    for (const Row &row : mixedRows())
        QTest::newRow(row.name) << row.input << row.expected;
}

void TestRedaction::mixedSentences()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(audit::redactText(input), expected);
}

void TestRedaction::idempotent_data()
{
    QTest::addColumn<QString>("input");
    for (const Row &row : personalDataRows())
        QTest::addRow("personal: %s", row.name) << row.input;
    for (const Row &row : mixedRows())
        QTest::addRow("mixed: %s", row.name) << row.input;
    for (const QString &input : lookAlikeInputs())
        QTest::addRow("look-alike: %s", qPrintable(input)) << input;
}

void TestRedaction::idempotent()
{
    QFETCH(QString, input);
    const QString once = audit::redactText(input);
    QCOMPARE(audit::redactText(once), once);
}

void TestRedaction::longText()
{
    // About 25 KB, well beyond a typical chat transcript.
    const Row row = mixedRows().first();
    QString input;
    QString expected;
    for (int i = 0; i < 150; ++i) {
        input += row.input + u'\n';
        expected += row.expected + u'\n';
    }
    QCOMPARE(audit::redactText(input), expected);
}

void TestRedaction::jsonNested()
{
    const QJsonObject input{
        {u"case"_s, u"case-1003"_s},
        {u"amount"_s, 1299.0},
        {u"cardNumber"_s, 4111111111111111.0},
        {u"refunded"_s, false},
        {u"note"_s, QJsonValue::Null},
        {u"jane@example.com"_s, u"keys stay as they are"_s},
        {u"customer"_s,
         QJsonObject{
             {u"email"_s, u"jane@example.com"_s},
             {u"phones"_s, QJsonArray{u"+1 (415) 555-0132"_s, u"n/a"_s, 4155550132.0}},
             {u"vip"_s, true},
         }},
        {u"messages"_s,
         QJsonArray{
             QJsonObject{{u"text"_s, u"my card is 4111111111111111"_s},
                         {u"at"_s, u"2026-11-26T14:30:00Z"_s}},
             QJsonArray{u"IBAN DE89370400440532013000"_s, QJsonArray{u"SSN 123-45-6789"_s}},
             QJsonValue::Null,
             42,
             false,
         }},
    };
    const QJsonObject expected{
        {u"case"_s, u"case-1003"_s},
        {u"amount"_s, 1299.0},
        {u"cardNumber"_s, u"[card ••••1111]"_s},
        {u"refunded"_s, false},
        {u"note"_s, QJsonValue::Null},
        {u"jane@example.com"_s, u"keys stay as they are"_s},
        {u"customer"_s,
         QJsonObject{
             {u"email"_s, u"[email]"_s},
             {u"phones"_s, QJsonArray{u"[phone]"_s, u"n/a"_s, 4155550132.0}},
             {u"vip"_s, true},
         }},
        {u"messages"_s,
         QJsonArray{
             QJsonObject{{u"text"_s, u"my card is "_s + card(u"1111")},
                         {u"at"_s, u"2026-11-26T14:30:00Z"_s}},
             QJsonArray{u"IBAN [iban]"_s, QJsonArray{u"SSN [national id]"_s}},
             QJsonValue::Null,
             42,
             false,
         }},
    };

    const QJsonValue redacted = audit::redactJson(input);
    QVERIFY(redacted.isObject());
    // Canonical bytes make a failure readable and compare member order independently.
    const Result<QByteArray> actualBytes = audit::canonicalJson(redacted);
    QVERIFY2(actualBytes.ok(), qPrintable(test::errorOf(actualBytes)));
    const Result<QByteArray> expectedBytes = audit::canonicalJson(QJsonValue(expected));
    QVERIFY2(expectedBytes.ok(), qPrintable(test::errorOf(expectedBytes)));
    QCOMPARE(actualBytes.value(), expectedBytes.value());
    QCOMPARE(redacted, QJsonValue(expected));

    // Redacting the redacted document again changes nothing.
    QCOMPARE(audit::redactJson(redacted), redacted);
}

void TestRedaction::jsonScalars_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QJsonValue>("expected");
    QTest::newRow("string") << QJsonValue(u"mail jane@example.com"_s)
                            << QJsonValue(u"mail [email]"_s);
    QTest::newRow("plain string") << QJsonValue(u"case-1003"_s) << QJsonValue(u"case-1003"_s);
    // A card number sent as a JSON number is still a card number.
    QTest::newRow("card as a number")
        << QJsonValue(4111111111111111.0) << QJsonValue(u"[card ••••1111]"_s);
    QTest::newRow("Luhn-failing long number")
        << QJsonValue(4111111111111112.0) << QJsonValue(4111111111111112.0);
    QTest::newRow("order id as a number") << QJsonValue(1146639921.0) << QJsonValue(1146639921.0);
    QTest::newRow("fraction") << QJsonValue(0.82) << QJsonValue(0.82);
    QTest::newRow("integer") << QJsonValue(415) << QJsonValue(415);
    QTest::newRow("true") << QJsonValue(true) << QJsonValue(true);
    QTest::newRow("false") << QJsonValue(false) << QJsonValue(false);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QJsonValue(QJsonValue::Null);
    QTest::newRow("empty array") << QJsonValue(QJsonArray()) << QJsonValue(QJsonArray());
    QTest::newRow("empty object") << QJsonValue(QJsonObject()) << QJsonValue(QJsonObject());
}

void TestRedaction::jsonScalars()
{
    QFETCH(QJsonValue, input);
    QFETCH(QJsonValue, expected);
    const QJsonValue redacted = audit::redactJson(input);
    QCOMPARE(redacted.type(), expected.type());
    QCOMPARE(redacted, expected);
}

QTEST_GUILESS_MAIN(TestRedaction)

#include "tst_redaction.moc"
