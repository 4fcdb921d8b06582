// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "context/fieldmapping.h"
#include "context/jsonpointer.h"
#include "model/case.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "testsupport.h"

using namespace Qt::StringLiterals;
using rg::context::FieldMapping;
using rg::context::JsonPointer;
using rg::test::errorOf;

namespace {

QJsonObject loadJson(const QString &name)
{
    QFile file(QStringLiteral(RG_TEST_DATA_DIR) + u"/context/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonValue parseValue(const QByteArray &json)
{
    return QJsonDocument::fromJson("[" + json + "]").array().at(0);
}

// The example document of RFC 6901, section 5.
QJsonObject rfcDocument()
{
    // Built member by member: moc's tokenizer trips over backslashes inside raw strings.
    QJsonObject document{{u"foo"_s, QJsonArray{u"bar"_s, u"baz"_s}},
                         {u""_s, 0},
                         {u"a/b"_s, 1},
                         {u"c%d"_s, 2},
                         {u"e^f"_s, 3},
                         {u"g|h"_s, 4},
                         {u"i\\j"_s, 5},
                         {u"k\"l"_s, 6},
                         {u" "_s, 7},
                         {u"m~n"_s, 8}};
    return document;
}

QDateTime utc(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODate).toUTC();
}

} // namespace

class TestFieldMapping final : public QObject
{
    Q_OBJECT

private slots:
    void pointerResolvesRfcExamples_data();
    void pointerResolvesRfcExamples();
    void pointerMissing_data();
    void pointerMissing();
    void pointerSyntaxErrors_data();
    void pointerSyntaxErrors();
    void pointerRoundTrip();
    void pointerInsertBuildsParents();
    void pointerInsertErrors();
    void identityMapping();
    void transforms_data();
    void transforms();
    void selectors();
    void optionalDefaultAndFallbacks();
    void errorsNameBothPointers_data();
    void errorsNameBothPointers();
    void loadErrors_data();
    void loadErrors();
    void chatwootConversationMapsToCase();
    void chatwootWithoutOptionalAttributes();
    void zendeskTicketMapsToCase();
    void zendeskWithoutSideloadNamesPointers();
    void presets();
};

// Every example pointer of RFC 6901 section 5 finds the value the RFC says.
void TestFieldMapping::pointerResolvesRfcExamples_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("whole") << u""_s << QJsonDocument(rfcDocument()).toJson();
    QTest::newRow("/foo") << u"/foo"_s << R"(["bar", "baz"])"_ba;
    QTest::newRow("/foo/0") << u"/foo/0"_s << R"("bar")"_ba;
    QTest::newRow("/") << u"/"_s << "0"_ba;
    QTest::newRow("/a~1b") << u"/a~1b"_s << "1"_ba;
    QTest::newRow("/c%d") << u"/c%d"_s << "2"_ba;
    QTest::newRow("/e^f") << u"/e^f"_s << "3"_ba;
    QTest::newRow("/g|h") << u"/g|h"_s << "4"_ba;
    QTest::newRow("/i\\j") << u"/i\\j"_s << "5"_ba;
    QTest::newRow("/k\"l") << u"/k\"l"_s << "6"_ba;
    QTest::newRow("/ ") << u"/ "_s << "7"_ba;
    QTest::newRow("/m~0n") << u"/m~0n"_s << "8"_ba;
}

void TestFieldMapping::pointerResolvesRfcExamples()
{
    QFETCH(QString, pointer);
    QFETCH(QByteArray, expected);
    const auto parsed = JsonPointer::parse(pointer);
    QVERIFY2(parsed.ok(), qPrintable(errorOf(parsed)));
    const auto value = parsed.value().resolve(rfcDocument());
    QVERIFY(value.has_value());
    QCOMPARE(*value, parseValue(expected));
}

// Members that are not there, indexes out of range or spelled with a leading zero, "-" and
// descent into a scalar find nothing.
void TestFieldMapping::pointerMissing_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::newRow("member") << u"/nope"_s;
    QTest::newRow("index past end") << u"/foo/2"_s;
    QTest::newRow("dash") << u"/foo/-"_s;
    QTest::newRow("leading zero") << u"/foo/01"_s;
    QTest::newRow("signed") << u"/foo/+1"_s;
    QTest::newRow("into string") << u"/foo/0/x"_s;
    QTest::newRow("unescaped a/b") << u"/a/b"_s;
    QTest::newRow("~01 is ~1") << u"/m~01"_s;
}

void TestFieldMapping::pointerMissing()
{
    QFETCH(QString, pointer);
    const auto parsed = JsonPointer::parse(pointer);
    QVERIFY2(parsed.ok(), qPrintable(errorOf(parsed)));
    QVERIFY(!parsed.value().resolve(rfcDocument()).has_value());
}

void TestFieldMapping::pointerSyntaxErrors_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::newRow("no slash") << u"foo"_s;
    QTest::newRow("~2") << u"/a~2"_s;
    QTest::newRow("trailing ~") << u"/a~"_s;
}

void TestFieldMapping::pointerSyntaxErrors()
{
    QFETCH(QString, pointer);
    const auto parsed = JsonPointer::parse(pointer);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().contains(pointer), qPrintable(parsed.error()));
}

// Tokens are unescaped once ("~01" is the token "~1") and escaped back by toString().
void TestFieldMapping::pointerRoundTrip()
{
    const auto parsed = JsonPointer::parse(u"/m~01/a~1b/~0~1/0"_s);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().tokens(), (QStringList{u"m~1"_s, u"a/b"_s, u"~/"_s, u"0"_s}));
    QCOMPARE(parsed.value().toString(), u"/m~01/a~1b/~0~1/0"_s);
    QVERIFY(JsonPointer::parse(QString()).value().isRoot());
}

// Missing parents become objects, or arrays when the next token is an index; gaps left by
// out-of-order indexes hold null; escaped keys stay one key.
void TestFieldMapping::pointerInsertBuildsParents()
{
    QJsonValue document = QJsonObject();
    for (const auto &[pointer, value] : {std::pair{u"/orders/0/id"_s, QJsonValue(u"o1"_s)},
                                         std::pair{u"/orders/2/id"_s, QJsonValue(u"o3"_s)},
                                         std::pair{u"/orders/0/delivery/photo"_s, QJsonValue(true)},
                                         std::pair{u"/orders/-"_s, QJsonValue(u"end"_s)},
                                         std::pair{u"/a~1b/c~0d"_s, QJsonValue(1)}}) {
        auto inserted = JsonPointer::parse(pointer).value().insert(document, value);
        QVERIFY2(inserted.ok(), qPrintable(errorOf(inserted)));
        document = inserted.value();
    }
    const QJsonObject expected
        = QJsonDocument::fromJson(
              R"({"orders": [{"id": "o1", "delivery": {"photo": true}}, null, {"id": "o3"}, "end"],
            "a/b": {"c~d": 1}})"_ba)
              .object();
    QCOMPARE(document.toObject(), expected);
}

void TestFieldMapping::pointerInsertErrors()
{
    const QJsonValue document = QJsonDocument::fromJson(R"({"a": 1, "list": [1]})"_ba).object();
    auto intoScalar = JsonPointer::parse(u"/a/b"_s).value().insert(document, 2);
    QVERIFY(!intoScalar.ok());
    QVERIFY2(intoScalar.error().startsWith(u"/a: "_s), qPrintable(intoScalar.error()));
    auto badIndex = JsonPointer::parse(u"/list/x"_s).value().insert(document, 2);
    QVERIFY(!badIndex.ok());
    QVERIFY2(badIndex.error().contains(u"/list/x"_s), qPrintable(badIndex.error()));
}

// The default mapping hands the response back as the case document.
void TestFieldMapping::identityMapping()
{
    const FieldMapping mapping;
    QVERIFY(mapping.isIdentity());
    const QJsonObject response{{u"id"_s, u"c1"_s}};
    QCOMPARE(mapping.apply(response).value(), response);
    const auto array = mapping.apply(QJsonArray{1});
    QVERIFY(!array.ok());
    QVERIFY2(array.error().contains(u"array"_s), qPrintable(array.error()));
}

void TestFieldMapping::transforms_data()
{
    QTest::addColumn<QString>("transform");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected"); // empty: an error
    QTest::newRow("unix_seconds 0") << u"unix_seconds"_s << "0"_ba
                                    << R"("1970-01-01T00:00:00Z")"_ba;
    QTest::newRow("unix_seconds text") << u"unix_seconds"_s << R"("1795166700")"_ba
                                       << R"("2026-11-20T09:25:00Z")"_ba;
    QTest::newRow("unix_seconds fraction") << u"unix_seconds"_s << "1.5"_ba
                                           << R"("1970-01-01T00:00:01.500Z")"_ba;
    QTest::newRow("unix_seconds word") << u"unix_seconds"_s << R"("soon")"_ba
                                       << ""_ba;
    QTest::newRow("date_time offset") << u"date_time"_s << R"("2024-03-01T10:00:00+02:00")"_ba
                                      << R"("2024-03-01T08:00:00Z")"_ba;
    QTest::newRow("date_time ms") << u"date_time"_s << R"("2025-07-19T11:00:00.000Z")"_ba
                                  << R"("2025-07-19T11:00:00Z")"_ba;
    QTest::newRow("date_time date") << u"date_time"_s << R"("2024-03-01")"_ba
                                    << R"("2024-03-01T00:00:00Z")"_ba;
    QTest::newRow("date_time seconds") << u"date_time"_s << "86400"_ba
                                       << R"("1970-01-02T00:00:00Z")"_ba;
    QTest::newRow("date_time no zone") << u"date_time"_s << R"("2024-03-01T10:00:00")"_ba
                                       << ""_ba;
    QTest::newRow("bool yes") << u"bool"_s << R"("yes")"_ba
                              << "true"_ba;
    QTest::newRow("bool 0") << u"bool"_s << "0"_ba
                            << "false"_ba;
    QTest::newRow("bool maybe") << u"bool"_s << R"("maybe")"_ba
                                << ""_ba;
    QTest::newRow("number text") << u"number"_s << R"("149.00")"_ba
                                 << "149"_ba;
    QTest::newRow("number word") << u"number"_s << R"("lots")"_ba
                                 << ""_ba;
    QTest::newRow("string id") << u"string"_s << "360010000001"_ba
                               << R"("360010000001")"_ba;
    QTest::newRow("string bool") << u"string"_s << "true"_ba
                                 << R"("true")"_ba;
    QTest::newRow("string object") << u"string"_s << "{}"_ba
                                   << ""_ba;
    QTest::newRow("json array") << u"json"_s << R"("[1, {\"a\": 2}]")"_ba
                                << R"([1, {"a": 2}])"_ba;
    QTest::newRow("json broken") << u"json"_s << R"("[1,")"_ba
                                 << ""_ba;
}

// Each transform turns what CRMs store into what the case schema reads, or says why not.
void TestFieldMapping::transforms()
{
    QFETCH(QString, transform);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const QJsonObject spec{
        {u"fields"_s, QJsonObject{{u"/out"_s, QJsonObject{{u"pointer"_s, u"/in"_s},
                                                          {u"transform"_s, transform}}}}}};
    const auto mapping = FieldMapping::fromJson(spec, u"test"_s);
    QVERIFY2(mapping.ok(), qPrintable(errorOf(mapping)));
    const auto result = mapping.value().apply(QJsonObject{{u"in"_s, parseValue(input)}});
    if (expected.isEmpty()) {
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(u"/out <- /in"_s), qPrintable(result.error()));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(errorOf(result)));
    QCOMPARE(result.value().value(u"out"_s), parseValue(expected));
}

// custom_field finds {"id": N, "value": V}; where/then finds an element by a member equal to
// another value of the response; map/otherwise rename values.
void TestFieldMapping::selectors()
{
    const QJsonObject response = QJsonDocument::fromJson(R"({
        "ticket": {"requester_id": 42, "assignee_id": null, "via": {"channel": "voice"},
                   "custom_fields": [{"id": 7, "value": "x"}, {"id": 360001234567, "value": true}]},
        "users": [{"id": 41, "name": "Other"}, {"id": 42, "name": "Req", "external_id": null}]})"_ba)
                                     .object();
    const auto mapping = FieldMapping::fromJson(QJsonDocument::fromJson(R"({"fields": {
            "/flag": {"pointer": "/ticket/custom_fields", "custom_field": 360001234567},
            "/flag_text_id": {"pointer": "/ticket/custom_fields", "custom_field": "7"},
            "/name": {"pointer": "/users", "where": {"/id": "/ticket/requester_id"}, "then": "/name"},
            "/customer": {"pointer": "/users", "where": {"/id": "/ticket/requester_id"},
                          "then": ["/external_id", "/id"], "transform": "string"},
            "/agent": {"pointer": "/users", "where": {"/id": "/ticket/assignee_id"},
                       "then": "/name", "default": "unassigned"},
            "/channel": {"pointer": "/ticket/via/channel", "map": {"chat": "chat", "voice": "phone"}},
            "/other": {"pointer": "/ticket/via/channel", "map": {"chat": "chat"}, "otherwise": "email"},
            "/missing_field": {"pointer": "/ticket/custom_fields", "custom_field": 99, "optional": true}
        }})"_ba)
                                                    .object(),
                                                u"test"_s);
    QVERIFY2(mapping.ok(), qPrintable(errorOf(mapping)));
    const auto result = mapping.value().apply(response);
    QVERIFY2(result.ok(), qPrintable(errorOf(result)));
    const QJsonObject expected = QJsonDocument::fromJson(R"({"flag": true, "flag_text_id": "x",
        "name": "Req", "customer": "42", "agent": "unassigned", "channel": "phone",
        "other": "email"})"_ba)
                                     .object();
    QCOMPARE(result.value(), expected);

    const auto unmapped
        = FieldMapping::fromJson(
              QJsonObject{
                  {u"fields"_s,
                   QJsonObject{{u"/channel"_s,
                                QJsonObject{{u"pointer"_s, u"/ticket/via/channel"_s},
                                            {u"map"_s, QJsonObject{{u"chat"_s, u"chat"_s}}}}}}}},
              u"test"_s)
              .value()
              .apply(response);
    QVERIFY(!unmapped.ok());
    QVERIFY2(unmapped.error().contains(u"\"voice\" is not one of the mapped values (chat)"_s),
             qPrintable(unmapped.error()));
}

// A list of pointers takes the first present (null counts as absent); "default" fills an
// absent value; "optional" leaves the field out; constants are written as they are.
void TestFieldMapping::optionalDefaultAndFallbacks()
{
    const auto mapping = FieldMapping::fromJson(
        QJsonDocument::fromJson(R"({"constants": {"/schema_version": 1, "/agent/role": "agent"},
            "fields": {"/a": {"pointer": ["/x", "/y", "/z"]},
                       "/b": {"pointer": "/nope", "default": 0},
                       "/c": {"pointer": "/nope", "optional": true},
                       "/d": {"pointer": "/y", "optional": true}}})"_ba)
            .object(),
        u"test"_s);
    QVERIFY2(mapping.ok(), qPrintable(errorOf(mapping)));
    const auto result = mapping.value().apply(
        QJsonDocument::fromJson(R"({"x": null, "z": "third"})"_ba).object());
    QVERIFY2(result.ok(), qPrintable(errorOf(result)));
    QCOMPARE(result.value(), QJsonDocument::fromJson(R"({"schema_version": 1,
        "agent": {"role": "agent"}, "a": "third", "b": 0})"_ba)
                                 .object());
}

void TestFieldMapping::errorsNameBothPointers_data()
{
    QTest::addColumn<QByteArray>("mapping");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("missing") << R"({"id": "crm", "fields": {"/customer/id": "/meta/sender/id"}})"_ba
                             << R"({"meta": {}})"_ba
                             << QStringList{u"mapping \"crm\""_s, u"/customer/id"_s,
                                            u"/meta/sender/id"_s, u"not in the response"_s};
    QTest::newRow("fallbacks") << R"({"fields": {"/t": {"pointer": ["/a", "/b"]}}})"_ba
                               << "{}"_ba << QStringList{u"/t <- /a | /b"_s};
    QTest::newRow("transform")
        << R"({"fields": {"/customer/account_created": {"pointer": "/meta/created_at", "transform": "unix_seconds"}}})"_ba
        << R"({"meta": {"created_at": "yesterday"}})"_ba
        << QStringList{u"/customer/account_created"_s, u"/meta/created_at"_s, u"unix_seconds"_s,
                       u"\"yesterday\""_s};
    QTest::newRow("not an array")
        << R"({"fields": {"/v": {"pointer": "/ticket", "custom_field": 1}}})"_ba
        << R"({"ticket": {}})"_ba << QStringList{u"/v <- /ticket"_s, u"expected an array"_s};
    QTest::newRow("target clash") << R"({"fields": {"/a": "/x", "/a/b": "/y"}})"_ba
                                  << R"({"x": 1, "y": 2})"_ba
                                  << QStringList{u"/a/b <- /y"_s,
                                                 u"/a: cannot hold \"b\" inside a number"_s};
}

// A field that cannot be filled names the case pointer and the response pointer(s).
void TestFieldMapping::errorsNameBothPointers()
{
    QFETCH(QByteArray, mapping);
    QFETCH(QByteArray, response);
    QFETCH(QStringList, mentions);
    const auto parsed = FieldMapping::fromJson(QJsonDocument::fromJson(mapping).object(), u"t"_s);
    QVERIFY2(parsed.ok(), qPrintable(errorOf(parsed)));
    const auto result = parsed.value().apply(QJsonDocument::fromJson(response).object());
    QVERIFY(!result.ok());
    for (const QString &mention : mentions)
        QVERIFY2(result.error().contains(mention), qPrintable(result.error()));
}

void TestFieldMapping::loadErrors_data()
{
    QTest::addColumn<QByteArray>("mapping");
    QTest::addColumn<QString>("mention");
    QTest::newRow("unknown top key")
        << R"({"feilds": {}})"_ba << u"m.json: unknown key \"feilds\""_s;
    QTest::newRow("bad target") << R"({"fields": {"customer": "/a"}})"_ba
                                << u"m.json: fields.customer: \"customer\" is not a JSON pointer"_s;
    QTest::newRow("bad source") << R"({"fields": {"/a": "a~2"}})"_ba << u"fields./a"_s;
    QTest::newRow("unknown transform")
        << R"({"fields": {"/a": {"pointer": "/a", "transform": "epoch"}}})"_ba
        << u"fields./a.transform: unknown transform \"epoch\""_s;
    QTest::newRow("unknown field key") << R"({"fields": {"/a": {"pointer": "/a", "pointr": 1}}})"_ba
                                       << u"fields./a: unknown key \"pointr\""_s;
    QTest::newRow("then alone") << R"({"fields": {"/a": {"pointer": "/a", "then": "/b"}}})"_ba
                                << u"fields./a.then"_s;
    QTest::newRow("path without id")
        << R"({"path": "/tickets/{ticket}"})"_ba << u"path: must contain {id}"_s;
    QTest::newRow("relative path")
        << R"({"path": "cases/{id}"})"_ba << u"path: expected an absolute path"_s;
    QTest::newRow("whole case") << R"({"fields": {"": "/a"}})"_ba << u"whole case"_s;
}

// A broken mapping is refused on load with the file and the field named.
void TestFieldMapping::loadErrors()
{
    QFETCH(QByteArray, mapping);
    QFETCH(QString, mention);
    const auto parsed
        = FieldMapping::fromJson(QJsonDocument::fromJson(mapping).object(), u"m.json"_s);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().contains(mention), qPrintable(parsed.error()));
}

// A real-shaped Chatwoot conversation (GET /api/v1/accounts/3/conversations/1187) becomes a
// valid case through the built-in preset.
void TestFieldMapping::chatwootConversationMapsToCase()
{
    const auto mapping = FieldMapping::preset(u"chatwoot"_s);
    QVERIFY2(mapping.ok(), qPrintable(errorOf(mapping)));
    QCOMPARE(mapping.value().authHeader(), "api_access_token"_ba);
    const QJsonObject response = loadJson(u"chatwoot-conversation.json"_s);
    QVERIFY(!response.isEmpty());
    const auto document = mapping.value().apply(response);
    QVERIFY2(document.ok(), qPrintable(errorOf(document)));
    const auto parsed = rg::model::Case::fromJson(document.value());
    QVERIFY2(parsed.ok(), qPrintable(errorOf(parsed)));
    const rg::model::Case &c = parsed.value();
    QCOMPARE(c.id, u"1187"_s);
    QCOMPARE(c.customer.id, u"5120"_s);
    QCOMPARE(c.customer.name, u"Mina Laurent"_s);
    QCOMPARE(c.customer.accountCreated, utc(u"2025-07-19T11:00:00Z"_s));
    QCOMPARE(c.claims.size(), 1);
    QCOMPARE(c.claims[0].type, rg::model::ClaimType::NonReceipt);
    QCOMPARE(c.contact.channel, u"chat"_s);
    QCOMPARE(c.contact.startedAt, utc(u"2026-11-20T09:25:00Z"_s));
    QCOMPARE(c.contact.identity, rg::model::IdentityStatus::Verified); // hmac_verified
    QCOMPARE(c.contact.identityMethod, u"otp_email"_s);
    QCOMPARE(c.orders.size(), 1);
    QCOMPARE(c.orders[0].id, u"402-7781123"_s);
    QCOMPARE(c.orders[0].value, 149.0);
    QCOMPARE(c.orders[0].currency, u"EUR"_s);
    QCOMPARE(c.orders[0].tracking, u"JD014600006281230011"_s);
    QCOMPARE(c.orders[0].delivery.status, rg::model::DeliveryStatus::Delivered);
    QCOMPARE(c.orders[0].delivery.deliveredAt, utc(u"2026-11-05T13:22:00Z"_s));
    QVERIFY(c.orders[0].delivery.photo);
    QVERIFY(c.orders[0].delivery.gps);
    QVERIFY(!c.orders[0].delivery.signature);
    QCOMPARE(c.agent.id, u"7"_s);
    QCOMPARE(c.agent.role, u"agent"_s);
    QCOMPARE(c.agent.refundLimit, 250.0);
    QCOMPARE(c.agent.currency, u"EUR"_s);
}

// With only what Chatwoot itself knows (no custom attributes, no assignee), the preset still
// yields a valid case: account age from the contact's creation, agent "unassigned", limit 0.
void TestFieldMapping::chatwootWithoutOptionalAttributes()
{
    QJsonObject response = loadJson(u"chatwoot-conversation.json"_s);
    response.insert(u"custom_attributes"_s, QJsonObject());
    QJsonObject meta = response.value(u"meta"_s).toObject();
    meta.remove(u"assignee"_s);
    meta.insert(u"hmac_verified"_s, QJsonValue::Null);
    QJsonObject sender = meta.value(u"sender"_s).toObject();
    sender.insert(u"custom_attributes"_s, QJsonObject());
    meta.insert(u"sender"_s, sender);
    response.insert(u"meta"_s, meta);

    const auto document = FieldMapping::preset(u"chatwoot"_s).value().apply(response);
    QVERIFY2(document.ok(), qPrintable(errorOf(document)));
    const auto parsed = rg::model::Case::fromJson(document.value());
    QVERIFY2(parsed.ok(), qPrintable(errorOf(parsed)));
    QCOMPARE(parsed.value().customer.accountCreated, utc(u"2026-09-21T14:13:20Z"_s));
    QVERIFY(parsed.value().orders.isEmpty());
    QVERIFY(parsed.value().claims.isEmpty());
    QCOMPARE(parsed.value().contact.identity, rg::model::IdentityStatus::Unverified);
    QCOMPARE(parsed.value().agent.id, u"unassigned"_s);
    QCOMPARE(parsed.value().agent.refundLimit, 0.0);
}

// A real-shaped Zendesk ticket with the users sideload (GET /api/v2/tickets/35436.json
// ?include=users) becomes a valid case: requester and assignee found by id, custom fields by
// field id, string decimals and date-only fields converted.
void TestFieldMapping::zendeskTicketMapsToCase()
{
    const auto mapping = FieldMapping::preset(u"zendesk"_s);
    QVERIFY2(mapping.ok(), qPrintable(errorOf(mapping)));
    QCOMPARE(mapping.value().pathTemplate(), u"/api/v2/tickets/{id}.json?include=users"_s);
    const auto document = mapping.value().apply(loadJson(u"zendesk-ticket.json"_s));
    QVERIFY2(document.ok(), qPrintable(errorOf(document)));
    const auto parsed = rg::model::Case::fromJson(document.value());
    QVERIFY2(parsed.ok(), qPrintable(errorOf(parsed)));
    const rg::model::Case &c = parsed.value();
    QCOMPARE(c.id, u"35436"_s);
    QCOMPARE(c.customer.id, u"cust-5120"_s); // external_id before the Zendesk user id
    QCOMPARE(c.customer.name, u"Mina Laurent"_s);
    QCOMPARE(c.customer.accountCreated,
             utc(u"2025-07-19T00:00:00Z"_s)); // user field, not created_at
    QCOMPARE(c.contact.channel, u"chat"_s);
    QCOMPARE(c.contact.startedAt, utc(u"2026-11-20T09:15:00Z"_s));
    QCOMPARE(c.contact.identity, rg::model::IdentityStatus::Verified);
    QCOMPARE(c.orders.size(), 1);
    QCOMPARE(c.orders[0].id, u"402-7781123"_s);
    QCOMPARE(c.orders[0].placedAt, utc(u"2026-11-02T00:00:00Z"_s));
    QCOMPARE(c.orders[0].value, 149.0);
    QCOMPARE(c.orders[0].delivery.status, rg::model::DeliveryStatus::Delivered);
    QVERIFY(c.orders[0].delivery.photo);
    QVERIFY(!c.orders[0].delivery.gps);
    QCOMPARE(c.agent.id, u"235323"_s);
    QCOMPARE(c.agent.role, u"agent"_s);
    QCOMPARE(c.agent.refundLimit, 250.0);
    QCOMPARE(c.agent.currency, u"EUR"_s);
}

// Fetched without ?include=users, the requester cannot be found; the error says which case
// field needed which part of the response.
void TestFieldMapping::zendeskWithoutSideloadNamesPointers()
{
    QJsonObject response = loadJson(u"zendesk-ticket.json"_s);
    response.remove(u"users"_s);
    const auto document = FieldMapping::preset(u"zendesk"_s).value().apply(response);
    QVERIFY(!document.ok());
    QVERIFY2(
        document.error().contains(u"mapping \"zendesk\": /customer/account_created <- /users"_s),
        qPrintable(document.error()));
    QVERIFY2(document.error().contains(u"not in the response"_s), qPrintable(document.error()));
}

void TestFieldMapping::presets()
{
    for (const QString &name : FieldMapping::presetNames()) {
        const auto mapping = FieldMapping::preset(name);
        QVERIFY2(mapping.ok(), qPrintable(errorOf(mapping)));
        QCOMPARE(mapping.value().id(), name);
        QVERIFY(!mapping.value().description().isEmpty());
        QVERIFY(mapping.value().pathTemplate().contains(u"{id}"_s));
    }
    QVERIFY(FieldMapping::preset(u"identity"_s).value().isIdentity());
    const auto unknown = FieldMapping::preset(u"freshdesk"_s);
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error().contains(u"chatwoot, zendesk"_s), qPrintable(unknown.error()));
}

QTEST_GUILESS_MAIN(TestFieldMapping)
#include "tst_fieldmapping.moc"
