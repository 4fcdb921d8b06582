// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/case.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QTest>

#include <cmath>
#include <limits>

#include "testsupport.h"

using namespace Qt::StringLiterals;
using rg::test::errorOf;
using namespace rg::model;

namespace {

// Every member the schema knows is set, with non-default values, so that the schema walk sees
// the whole shape and the round trip has something to lose. orders[1] is kept short so that
// paths with an index other than 0 get tested too.
const char kFullDocument[] = R"({
  "schema_version": 1, "id": "case-1001",
  "customer": {"id": "cust-1", "name": "Kim Lowe", "account_created": "2019-03-02T10:00:00Z",
               "verified_contacts": [{"type": "email", "value": "k***@example.com"},
                                     {"type": "phone", "value": "+1******4410"}]},
  "contact": {"channel": "chat", "started_at": "2026-11-20T14:00:00Z",
              "identity": {"status": "verified", "method": "otp_sms",
                           "time": "2026-11-20T14:02:00Z"},
              "device": {"id": "d-77", "new": true}},
  "orders": [
    {"id": "114-2283917", "placed_at": "2026-11-16T18:22:00Z",
     "items": [{"sku": "B0X1", "name": "Headphones", "quantity": 2, "price": 64.5}],
     "value": 129.0, "currency": "USD", "payment_method": "credit_card", "fulfilled_by": "retailer",
     "carrier": "UPS", "tracking": "1Z999AA10123456784",
     "delivery": {"status": "delivered", "delivered_at": "2026-11-19T14:02:00Z", "photo": true,
                  "gps": true, "signature": true, "dispatch_weight_kg": 0.82,
                  "investigation": "open",
                  "scans": [{"time": "2026-11-19T07:55:00Z", "status": "out_for_delivery",
                             "location": "Columbus OH"},
                            {"time": "2026-11-19T14:02:00Z", "status": "delivered",
                             "location": "Columbus OH"}]}},
    {"id": "114-9000001",
     "delivery": {"status": "lost", "investigation": "confirmed_lost",
                  "scans": [{"time": "2026-11-11T04:18:00Z", "status": "arrived_at_hub"}]}}],
  "claims": [
    {"date": "2026-10-05T11:48:00Z", "type": "non_receipt", "order_id": "114-2012655",
     "amount": 84.5, "currency": "USD", "outcome": "refunded"},
    {"date": "2026-11-02T19:05:00Z", "type": "empty_box", "order_id": "114-2140981",
     "amount": 112.0, "currency": "EUR", "outcome": "denied"}],
  "account_changes": [
    {"time": "2026-11-20T14:09:00Z", "field": "payment_method", "channel": "chat",
     "from": "visa ****1111", "to": "mastercard ****2222"}],
  "linked_accounts": [
    {"customer_id": "cust-9", "shared": ["address", "device"], "fraud_flag": true,
     "note": "closed for refund abuse"}],
  "agent": {"id": "a-17", "role": "senior_agent", "team": "tier1-emea", "refund_limit": 100.0,
            "currency": "GBP"}
})";

const char kMinimalDocument[] = R"({
  "schema_version": 1, "id": "case-2",
  "customer": {"id": "cust-2", "account_created": "2020-01-01T00:00:00Z"},
  "agent": {"id": "a-1", "refund_limit": 0}
})";

QJsonObject objectOf(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

// Sets (or, with no value, removes) the member a JSON pointer names, creating nothing: the
// pointer must lead through existing objects and arrays.
QJsonValue patched(const QJsonValue &node, QStringList path, const std::optional<QJsonValue> &value)
{
    const QString head = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const qsizetype index = head.toLongLong();
        if (path.isEmpty())
            value ? array.replace(index, *value) : array.removeAt(index);
        else
            array.replace(index, patched(array.at(index), path, value));
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty())
        value ? void(object.insert(head, *value)) : object.remove(head);
    else
        object.insert(head, patched(object.value(head), path, value));
    return object;
}

QJsonObject fullWith(const QString &pointer, const std::optional<QJsonValue> &value)
{
    QStringList path = pointer.split(u'/');
    path.removeFirst(); // the empty root before the first "/"
    return patched(objectOf(kFullDocument), path, value).toObject();
}

// A value for a table row, written as JSON text so the table reads like the document.
QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson("[" + QByteArray(text) + "]").array().at(0);
}

QJsonObject readSchema()
{
    QFile file(QStringLiteral(RG_SOURCE_DIR "/resources/schema/case.schema.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Follows "$ref": "#/$defs/name"; the schema only refers to its own definitions.
QJsonObject resolved(const QJsonObject &schema, const QJsonObject &node)
{
    const QString ref = node.value(u"$ref"_s).toString();
    if (!ref.startsWith(u"#/$defs/"_s))
        return node;
    return schema.value(u"$defs"_s).toObject().value(ref.mid(8)).toObject();
}

// The schema node a JSON pointer of the document names, array indexes (or "*") meaning "items".
QJsonObject schemaAt(const QJsonObject &schema, const QString &pointer)
{
    QJsonObject node = schema;
    const QStringList path = pointer.split(u'/', Qt::SkipEmptyParts);
    for (const QString &step : path) {
        node = resolved(schema, node);
        bool isIndex = step == u"*";
        if (!isIndex)
            step.toInt(&isIndex);
        node = isIndex ? node.value(u"items"_s).toObject()
                       : node.value(u"properties"_s).toObject().value(step).toObject();
    }
    return resolved(schema, node);
}

bool hasType(const QJsonObject &node, const QJsonValue &value)
{
    const QString type = node.value(u"type"_s).toString();
    if (type == u"object")
        return value.isObject();
    if (type == u"array")
        return value.isArray();
    if (type == u"string")
        return value.isString();
    if (type == u"boolean")
        return value.isBool();
    if (type == u"number")
        return value.isDouble();
    if (type == u"integer")
        return value.isDouble() && value.toDouble() == std::floor(value.toDouble());
    return false;
}

// Where a document member sits in the schema: array indexes do not matter.
QString schemaPath(const QString &pointer)
{
    QStringList steps = pointer.split(u'/');
    for (QString &step : steps) {
        bool isIndex = false;
        step.toInt(&isIndex);
        if (isIndex)
            step = u"*"_s;
    }
    return steps.join(u'/');
}

// Walks what toJson() wrote beside the schema. Every member written must be documented there
// with a description and a matching type (returns the first that is not); \a written collects,
// per schema location, which members were written, to compare with what the schema documents.
QString schemaMismatch(const QJsonObject &schema, const QJsonObject &node, const QJsonValue &value,
                       const QString &pointer, QMap<QString, QSet<QString>> &written)
{
    const QJsonObject at = resolved(schema, node);
    if (!hasType(at, value))
        return pointer + u": value does not have schema type "_s + at.value(u"type"_s).toString();
    if (at.contains(u"enum"_s) && !at.value(u"enum"_s).toArray().contains(value))
        return pointer + u": value is not in the schema's enum"_s;
    if (value.isArray()) {
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString problem =
                schemaMismatch(schema, at.value(u"items"_s).toObject(), list.at(i),
                               pointer + u'/' + QString::number(i), written);
            if (!problem.isEmpty())
                return problem;
        }
    }
    if (!value.isObject())
        return {};
    const QJsonObject properties = at.value(u"properties"_s).toObject();
    const QJsonObject object = value.toObject();
    QSet<QString> &keys = written[schemaPath(pointer)];
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString member = pointer + u'/' + it.key();
        if (!properties.contains(it.key()))
            return member + u": written by toJson but not in the schema"_s;
        const QJsonObject property = properties.value(it.key()).toObject();
        if (property.value(u"description"_s).toString().isEmpty())
            return member + u": no description in the schema"_s;
        keys.insert(it.key());
        const QString problem = schemaMismatch(schema, property, it.value(), member, written);
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

template<typename E, std::size_t N>
QStringList namesOf(const std::array<E, N> &all, QString (*nameOf)(E))
{
    QStringList names;
    for (E value : all)
        names.append(nameOf(value));
    return names;
}

QStringList stringsOf(const QJsonArray &array)
{
    QStringList strings;
    for (const QJsonValue &value : array)
        strings.append(value.toString());
    return strings;
}

} // namespace

class TestCase final : public QObject
{
    Q_OBJECT

private slots:
    void fullDocumentParses();
    void minimalDocumentTakesDefaults();
    void roundTrip_data();
    void roundTrip();
    void timesAreConvertedToUtc();
    void unknownMembersAreIgnored();
    void emptyMaskedValuesAreAccepted();
    void orderLookup();
    void enumNames();
    void badDocuments_data();
    void badDocuments();
    void unmaskedValueIsNotRepeated();
    void schemaParses();
    void schemaMatchesToJson();
    void schemaEnumsMatchNames();
    void demoCasesParse();
};

// A CRM export with every member set reads into the values it says, section by section.
void TestCase::fullDocumentParses()
{
    const auto result = Case::fromJsonBytes(QByteArray(kFullDocument));
    QVERIFY2(result.ok(), qPrintable(errorOf(result)));
    const Case &c = result.value();

    QCOMPARE(c.id, u"case-1001"_s);

    QCOMPARE(c.customer.id, u"cust-1"_s);
    QCOMPARE(c.customer.name, u"Kim Lowe"_s);
    QCOMPARE(c.customer.accountCreated, utc("2019-03-02T10:00:00Z"));
    QCOMPARE(c.customer.accountCreated.timeSpec(), Qt::UTC);
    QCOMPARE(c.customer.verifiedContacts.size(), 2);
    QCOMPARE(c.customer.verifiedContacts.at(1),
             (VerifiedContact{u"phone"_s, u"+1******4410"_s}));

    QCOMPARE(c.contact.channel, u"chat"_s);
    QCOMPARE(c.contact.startedAt, utc("2026-11-20T14:00:00Z"));
    QCOMPARE(c.contact.identity, IdentityStatus::Verified);
    QCOMPARE(c.contact.identityMethod, u"otp_sms"_s);
    QCOMPARE(c.contact.identityTime, utc("2026-11-20T14:02:00Z"));
    QCOMPARE(c.contact.deviceId, u"d-77"_s);
    QCOMPARE(c.contact.newDevice, true);

    QCOMPARE(c.orders.size(), 2);
    const Order &order = c.orders.at(0);
    QCOMPARE(order.id, u"114-2283917"_s);
    QCOMPARE(order.placedAt, utc("2026-11-16T18:22:00Z"));
    QCOMPARE(order.items.size(), 1);
    QCOMPARE(order.items.at(0), (OrderItem{u"B0X1"_s, u"Headphones"_s, 2, 64.5}));
    QCOMPARE(order.value, 129.0);
    QCOMPARE(order.currency, u"USD"_s);
    QCOMPARE(order.paymentMethod, u"credit_card"_s);
    QCOMPARE(order.fulfilledBy, u"retailer"_s);
    QCOMPARE(order.carrier, u"UPS"_s);
    QCOMPARE(order.tracking, u"1Z999AA10123456784"_s);
    QCOMPARE(order.delivery.status, DeliveryStatus::Delivered);
    QCOMPARE(order.delivery.deliveredAt, utc("2026-11-19T14:02:00Z"));
    QVERIFY(order.delivery.photo);
    QVERIFY(order.delivery.gps);
    QVERIFY(order.delivery.signature);
    QCOMPARE(order.delivery.dispatchWeightKg, std::optional<double>(0.82));
    QCOMPARE(order.delivery.investigation, Investigation::Open);
    QCOMPARE(order.delivery.scans.size(), 2);
    QCOMPARE(order.delivery.scans.at(0), (DeliveryScan{utc("2026-11-19T07:55:00Z"),
                                                       u"out_for_delivery"_s, u"Columbus OH"_s}));
    QCOMPARE(c.orders.at(1).delivery.status, DeliveryStatus::Lost);
    QCOMPARE(c.orders.at(1).delivery.investigation, Investigation::ConfirmedLost);
    QVERIFY(!c.orders.at(1).delivery.dispatchWeightKg.has_value());

    QCOMPARE(c.claims.size(), 2);
    QCOMPARE(c.claims.at(1).date, utc("2026-11-02T19:05:00Z"));
    QCOMPARE(c.claims.at(1).type, ClaimType::EmptyBox);
    QCOMPARE(c.claims.at(1).orderId, u"114-2140981"_s);
    QCOMPARE(c.claims.at(1).amount, 112.0);
    QCOMPARE(c.claims.at(1).currency, u"EUR"_s);
    QCOMPARE(c.claims.at(1).outcome, ClaimOutcome::Denied);

    QCOMPARE(c.accountChanges.size(), 1);
    QCOMPARE(c.accountChanges.at(0),
             (AccountChange{utc("2026-11-20T14:09:00Z"), AccountField::PaymentMethod, u"chat"_s,
                            u"visa ****1111"_s, u"mastercard ****2222"_s}));

    QCOMPARE(c.linkedAccounts.size(), 1);
    QCOMPARE(c.linkedAccounts.at(0),
             (LinkedAccount{u"cust-9"_s, {u"address"_s, u"device"_s}, true,
                            u"closed for refund abuse"_s}));

    QCOMPARE(c.agent, (Agent{u"a-17"_s, u"senior_agent"_s, u"tier1-emea"_s, 100.0, u"GBP"_s}));
}

// Only the required members given: everything else keeps the defaults the header promises.
void TestCase::minimalDocumentTakesDefaults()
{
    const auto result = Case::fromJson(objectOf(kMinimalDocument));
    QVERIFY2(result.ok(), qPrintable(errorOf(result)));
    const Case &c = result.value();

    Case expected;
    expected.id = u"case-2"_s;
    expected.customer.id = u"cust-2"_s;
    expected.customer.accountCreated = utc("2020-01-01T00:00:00Z");
    expected.agent.id = u"a-1"_s;
    QCOMPARE(c, expected);

    QVERIFY(c.customer.name.isEmpty());
    QVERIFY(c.customer.verifiedContacts.isEmpty());
    QVERIFY(!c.contact.startedAt.isValid());
    QCOMPARE(c.contact.identity, IdentityStatus::Unverified);
    QVERIFY(!c.contact.identityTime.isValid());
    QCOMPARE(c.contact.newDevice, false);
    QVERIFY(c.orders.isEmpty());
    QVERIFY(c.claims.isEmpty());
    QVERIFY(c.accountChanges.isEmpty());
    QVERIFY(c.linkedAccounts.isEmpty());
    QCOMPARE(c.agent.refundLimit, 0.0);

    // Sections that are present but empty also take their defaults.
    QJsonObject sparse = objectOf(kMinimalDocument);
    sparse.insert(u"contact"_s, QJsonObject{{u"identity"_s, QJsonObject()}});
    sparse.insert(u"orders"_s, QJsonArray{QJsonObject{{u"items"_s, QJsonArray{QJsonObject()}}}});
    const auto withEmptySections = Case::fromJson(sparse);
    QVERIFY2(withEmptySections.ok(), qPrintable(errorOf(withEmptySections)));
    const Order &order = withEmptySections.value().orders.at(0);
    QCOMPARE(order.items.at(0).quantity, 1);
    QCOMPARE(order.delivery.status, DeliveryStatus::Pending);
    QCOMPARE(order.delivery.investigation, Investigation::None);
}

void TestCase::roundTrip_data()
{
    QTest::addColumn<QJsonObject>("document");
    QTest::newRow("full") << objectOf(kFullDocument);
    QTest::newRow("minimal") << objectOf(kMinimalDocument);
    QTest::newRow("offset zone and fractions")
        << fullWith(u"/contact/started_at"_s, u"2026-11-20T15:00:00.750+01:00"_s);
    QTest::newRow("no dispatch weight")
        << fullWith(u"/orders/0/delivery/dispatch_weight_kg"_s, std::nullopt);
}

// What fromJson reads, toJson writes back so that it reads equal again, and writing is stable.
void TestCase::roundTrip()
{
    QFETCH(QJsonObject, document);

    const auto first = Case::fromJson(document);
    QVERIFY2(first.ok(), qPrintable(errorOf(first)));
    const QJsonObject written = first.value().toJson();
    const auto second = Case::fromJson(written);
    QVERIFY2(second.ok(), qPrintable(errorOf(second)));
    QCOMPARE(second.value(), first.value());
    QCOMPARE(second.value().toJson(), written);

    const QByteArray bytes = QJsonDocument(written).toJson(QJsonDocument::Compact);
    const auto third = Case::fromJsonBytes(bytes);
    QVERIFY2(third.ok(), qPrintable(errorOf(third)));
    QCOMPARE(third.value(), first.value());
}

// Offsets are folded into UTC and written with "Z"; fractions of a second are dropped.
void TestCase::timesAreConvertedToUtc()
{
    const auto result =
        Case::fromJson(fullWith(u"/contact/started_at"_s, u"2026-11-20T15:00:00.750+01:00"_s));
    QVERIFY2(result.ok(), qPrintable(errorOf(result)));
    const QDateTime startedAt = result.value().contact.startedAt;
    QCOMPARE(startedAt.timeSpec(), Qt::UTC);
    QCOMPARE(startedAt, QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC));
    QCOMPARE(result.value().toJson().value(u"contact"_s)[u"started_at"_s].toString(),
             u"2026-11-20T14:00:00Z"_s);

    const auto lowerCase = Case::fromJson(fullWith(u"/contact/started_at"_s,
                                                   u"2026-11-20t09:30:00-04:30"_s));
    QVERIFY2(lowerCase.ok(), qPrintable(errorOf(lowerCase)));
    QCOMPARE(lowerCase.value().contact.startedAt,
             QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC));
}

// Newer producers may add members anywhere; this reader skips them and keeps the rest.
void TestCase::unknownMembersAreIgnored()
{
    QJsonObject document = fullWith(u"/orders/0/delivery/drone"_s, QJsonObject{{u"id"_s, 7}});
    document = patched(document, {u"customer"_s, u"loyalty_tier"_s}, json(R"("gold")")).toObject();
    document.insert(u"x_crm_extension"_s, QJsonArray{1, 2, 3});
    const auto withExtras = Case::fromJson(document);
    QVERIFY2(withExtras.ok(), qPrintable(errorOf(withExtras)));
    QCOMPARE(withExtras.value(), Case::fromJson(objectOf(kFullDocument)).value());
    QVERIFY(!withExtras.value().toJson().contains(u"x_crm_extension"_s));
}

// An empty "from" (a detail set for the first time) needs no mask: there is nothing to hide.
void TestCase::emptyMaskedValuesAreAccepted()
{
    const auto result = Case::fromJson(fullWith(u"/account_changes/0/from"_s, u""_s));
    QVERIFY2(result.ok(), qPrintable(errorOf(result)));
    QVERIFY(result.value().accountChanges.at(0).from.isEmpty());
}

// An action names its order by id; the case finds it, or says it has none.
void TestCase::orderLookup()
{
    const Case c = Case::fromJson(objectOf(kFullDocument)).value();
    const Order *order = c.order(u"114-9000001");
    QVERIFY(order != nullptr);
    QCOMPARE(order, &c.orders.at(1));
    QCOMPARE(c.order(u"114-2283917"), &c.orders.at(0));
    QCOMPARE(c.order(u"114-0000000"), nullptr);
    QCOMPARE(c.order(u""), nullptr);
    QCOMPARE(Case().order(u"114-2283917"), nullptr);
}

// The spellings are the JSON contract: snake_case, one per value, none shared.
void TestCase::enumNames()
{
    QCOMPARE(identityStatusName(IdentityStatus::Failed), u"failed"_s);
    QCOMPARE(deliveryStatusName(DeliveryStatus::InTransit), u"in_transit"_s);
    QCOMPARE(investigationName(Investigation::ConfirmedDelivered), u"confirmed_delivered"_s);
    QCOMPARE(claimTypeName(ClaimType::NonReceipt), u"non_receipt"_s);
    QCOMPARE(claimTypeName(ClaimType::WrongItem), u"wrong_item"_s);
    QCOMPARE(claimOutcomeName(ClaimOutcome::Replaced), u"replaced"_s);
    QCOMPARE(accountFieldName(AccountField::PaymentMethod), u"payment_method"_s);

    const QStringList deliveries = namesOf(
        std::array{DeliveryStatus::Pending, DeliveryStatus::InTransit, DeliveryStatus::Delivered,
                   DeliveryStatus::Lost, DeliveryStatus::Returned},
        &deliveryStatusName);
    QCOMPARE(QSet<QString>(deliveries.cbegin(), deliveries.cend()).size(), deliveries.size());
    QVERIFY(!deliveries.contains(QString()));
}

void TestCase::badDocuments_data()
{
    QTest::addColumn<bool>("fromBytes");
    QTest::addColumn<QByteArray>("bytes");       // parsed with fromJsonBytes when fromBytes
    QTest::addColumn<QJsonObject>("document");   // ... otherwise this, with fromJson
    QTest::addColumn<QString>("path");           // the JSON pointer the error must start with
    QTest::addColumn<QString>("fragment");       // what the error must say after it

    const auto bytesRow = [](const char *name, const QByteArray &bytes, const QString &fragment) {
        QTest::newRow(name) << true << bytes << QJsonObject() << QString() << fragment;
    };
    const auto row = [](const char *name, const QString &pointer,
                        const std::optional<QJsonValue> &value, const QString &fragment) {
        QTest::newRow(name) << false << QByteArray() << fullWith(pointer, value) << pointer
                            << fragment;
    };
    const auto removed = [&row](const char *name, const QString &pointer, const QString &what) {
        row(name, pointer, std::nullopt, u"missing (expected "_s + what + u')');
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double infinity = std::numeric_limits<double>::infinity();
    const QString timeExpected = u"expected an ISO 8601 date-time with a zone, got "_s;

    // Bytes that are no case document at all.
    bytesRow("malformed JSON", R"({"schema_version": 1, "id": })"_ba,
             u"not valid JSON at byte 29: "_s);
    bytesRow("truncated", R"({"schema_version": 1)"_ba, u"not valid JSON at byte "_s);
    bytesRow("number too large for a double", R"({"schema_version": 1e999})"_ba,
             u"not valid JSON at byte "_s);
    bytesRow("bare NaN", R"({"schema_version": NaN})"_ba, u"not valid JSON at byte "_s);
    bytesRow("array root", "[1, 2]"_ba, u"expected a JSON object"_s);
    bytesRow("string root", R"( "case-1001")"_ba, u"expected a JSON object"_s);
    bytesRow("empty", ""_ba, u"expected a JSON object"_s);

    // Required members and the version.
    removed("no schema_version", u"/schema_version"_s,
            u"1, the only case schema version this build reads"_s);
    row("schema_version 2", u"/schema_version"_s, 2,
        u"unsupported schema version 2 (supported versions: 1)"_s);
    row("schema_version as string", u"/schema_version"_s, json(R"("1")"),
        u"expected an integer schema version, got \"1\""_s);
    row("schema_version fraction", u"/schema_version"_s, 1.5,
        u"expected an integer schema version, got 1.5"_s);
    removed("no id", u"/id"_s, u"a non-empty string"_s);
    row("empty id", u"/id"_s, u""_s, u"expected a non-empty string, got \"\""_s);
    row("id as number", u"/id"_s, 1001, u"expected a string, got 1001"_s);
    removed("no customer", u"/customer"_s, u"an object"_s);
    removed("no customer id", u"/customer/id"_s, u"a non-empty string"_s);
    removed("no account_created", u"/customer/account_created"_s,
            u"an ISO 8601 date-time with a zone"_s);
    removed("no agent", u"/agent"_s, u"an object"_s);
    removed("no agent id", u"/agent/id"_s, u"a non-empty string"_s);
    removed("no refund_limit", u"/agent/refund_limit"_s, u"a number >= 0"_s);

    // Wrong types at every level.
    row("customer as string", u"/customer"_s, u"cust-1"_s,
        u"expected an object, got \"cust-1\""_s);
    row("contact as array", u"/contact"_s, QJsonArray(), u"expected an object, got an array"_s);
    row("identity as string", u"/contact/identity"_s, u"verified"_s,
        u"expected an object, got \"verified\""_s);
    row("verified_contacts as object", u"/customer/verified_contacts"_s, QJsonObject(),
        u"expected an array, got an object"_s);
    row("verified contact as number", u"/customer/verified_contacts/1"_s, 5,
        u"expected an object, got 5"_s);
    row("contact value as number", u"/customer/verified_contacts/0/value"_s, 42,
        u"expected a string, got 42"_s);
    row("orders as string", u"/orders"_s, u"none"_s, u"expected an array, got \"none\""_s);
    row("order as null", u"/orders/1"_s, QJsonValue(), u"expected an object, got null"_s);
    row("delivery as bool", u"/orders/0/delivery"_s, true, u"expected an object, got true"_s);
    row("scans as object", u"/orders/1/delivery/scans"_s, QJsonObject(),
        u"expected an array, got an object"_s);
    row("device new as string", u"/contact/device/new"_s, u"yes"_s,
        u"expected true or false, got \"yes\""_s);
    row("photo as number", u"/orders/0/delivery/photo"_s, 1, u"expected true or false, got 1"_s);
    row("fraud_flag as null", u"/linked_accounts/0/fraud_flag"_s, QJsonValue(),
        u"expected true or false, got null"_s);
    row("name as null", u"/customer/name"_s, QJsonValue(), u"expected a string, got null"_s);
    row("agent as number", u"/agent"_s, 17, u"expected an object, got 17"_s);

    // Unknown enum values.
    row("identity status", u"/contact/identity/status"_s, u"ok"_s,
        u"unknown identity status \"ok\" (expected unverified, verified or failed)"_s);
    row("delivery status", u"/orders/0/delivery/status"_s, u"shipped"_s,
        u"unknown delivery status \"shipped\" (expected pending, in_transit, delivered, lost or "
        "returned)"_s);
    row("investigation as number", u"/orders/0/delivery/investigation"_s, 3,
        u"expected one of none, open, confirmed_lost or confirmed_delivered, got 3"_s);
    row("claim type", u"/claims/1/type"_s, u"refundd"_s,
        u"unknown claim type \"refundd\" (expected non_receipt, empty_box, wrong_item, damaged or "
        "other)"_s);
    row("claim type in capitals", u"/claims/0/type"_s, u"NON_RECEIPT"_s,
        u"unknown claim type \"NON_RECEIPT\""_s);
    row("claim outcome", u"/claims/0/outcome"_s, u"approved"_s,
        u"unknown claim outcome \"approved\" (expected refunded, replaced, denied or pending)"_s);
    row("account field", u"/account_changes/0/field"_s, u"username"_s,
        u"unknown account field \"username\" (expected email, phone, address, password or "
        "payment_method)"_s);
    row("shared attribute", u"/linked_accounts/0/shared/1"_s, u"email"_s,
        u"unknown shared attribute \"email\" (expected address, device or payment)"_s);
    row("shared as string", u"/linked_accounts/0/shared"_s, u"address"_s,
        u"expected an array, got \"address\""_s);

    // Times.
    row("scan time in words", u"/orders/1/delivery/scans/0/time"_s, u"yesterday"_s,
        timeExpected + u"\"yesterday\""_s);
    row("zone-less time", u"/contact/started_at"_s, u"2026-11-20T14:00:00"_s,
        timeExpected + u"\"2026-11-20T14:00:00\""_s);
    row("date only", u"/orders/0/placed_at"_s, u"2026-11-16"_s, timeExpected + u"\"2026-11-16\""_s);
    row("no seconds", u"/claims/0/date"_s, u"2026-10-05T11:48Z"_s,
        timeExpected + u"\"2026-10-05T11:48Z\""_s);
    row("impossible date", u"/contact/identity/time"_s, u"2026-02-30T10:00:00Z"_s,
        timeExpected + u"\"2026-02-30T10:00:00Z\""_s);
    row("time as epoch number", u"/account_changes/0/time"_s, 1795000000,
        timeExpected + u"1.795e+09"_s);

    // Numbers.
    row("negative claim amount", u"/claims/0/amount"_s, -5,
        u"expected a number >= 0, got -5"_s);
    row("negative refund limit", u"/agent/refund_limit"_s, -1, u"expected a number >= 0, got -1"_s);
    row("refund limit as string", u"/agent/refund_limit"_s, u"100"_s,
        u"expected a number >= 0, got \"100\""_s);
    row("NaN dispatch weight", u"/orders/0/delivery/dispatch_weight_kg"_s, nan,
        u"expected a number >= 0, got nan"_s);
    row("infinite order value", u"/orders/0/value"_s, infinity,
        u"expected a number >= 0, got inf"_s);
    row("string NaN price", u"/orders/0/items/0/price"_s, u"NaN"_s,
        u"expected a number >= 0, got \"NaN\""_s);
    row("zero quantity", u"/orders/0/items/0/quantity"_s, 0, u"expected an integer >= 1, got 0"_s);
    row("fractional quantity", u"/orders/0/items/0/quantity"_s, 1.5,
        u"expected an integer >= 1, got 1.5"_s);

    // Currencies.
    row("lower-case currency", u"/orders/0/currency"_s, u"usd"_s,
        u"expected a currency code of three upper-case letters (ISO 4217), got \"usd\""_s);
    row("currency symbol", u"/claims/1/currency"_s, u"$"_s,
        u"expected a currency code of three upper-case letters (ISO 4217), got \"$\""_s);
    row("four-letter currency", u"/agent/currency"_s, u"USDT"_s,
        u"expected a currency code of three upper-case letters (ISO 4217), got \"USDT\""_s);
    row("empty currency", u"/claims/0/currency"_s, u""_s,
        u"expected a currency code of three upper-case letters (ISO 4217), got \"\""_s);

    // Masking.
    row("unmasked email", u"/account_changes/0/to"_s, u"kim.lowe@example.net"_s,
        u"values must be masked"_s);
    row("unmasked phone", u"/account_changes/0/from"_s, u"+1 555 0100"_s,
        u"values must be masked"_s);
    row("account change value as number", u"/account_changes/0/from"_s, 5550100,
        u"expected a masked string, got 5.5501e+06"_s);
}

// A bad document fails with the first offending member's JSON pointer and what was expected.
void TestCase::badDocuments()
{
    QFETCH(bool, fromBytes);
    QFETCH(QByteArray, bytes);
    QFETCH(QJsonObject, document);
    QFETCH(QString, path);
    QFETCH(QString, fragment);

    const auto result = fromBytes ? Case::fromJsonBytes(bytes) : Case::fromJson(document);
    QVERIFY(!result.ok());
    const QString error = result.error();
    const QString prefix = path.isEmpty() ? QString() : path + u": "_s;
    QVERIFY2(error.startsWith(prefix + fragment),
             qPrintable(u"got: "_s + error + u"\nwanted: "_s + prefix + fragment));
}

// The error about an unmasked value must not carry the value into logs itself.
void TestCase::unmaskedValueIsNotRepeated()
{
    const auto result =
        Case::fromJson(fullWith(u"/account_changes/0/to"_s, u"kim.lowe@example.net"_s));
    QVERIFY(!result.ok());
    QVERIFY2(!result.error().contains(u"kim.lowe"_s), qPrintable(result.error()));
    QVERIFY(result.error().contains(u"audit evidence"_s));
}

// The schema file is valid JSON describing a draft 2020-12 schema with its identity and root.
void TestCase::schemaParses()
{
    QFile file(QStringLiteral(RG_SOURCE_DIR "/resources/schema/case.schema.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QVERIFY(document.isObject());

    const QJsonObject schema = document.object();
    QCOMPARE(schema.value(u"$schema"_s).toString(),
             u"https://json-schema.org/draft/2020-12/schema"_s);
    QVERIFY(schema.value(u"$id"_s).toString().startsWith(u"https://"_s));
    QVERIFY(!schema.value(u"title"_s).toString().isEmpty());
    QVERIFY(!schema.value(u"description"_s).toString().isEmpty());
    QCOMPARE(schema.value(u"type"_s).toString(), u"object"_s);
    QCOMPARE(schema.value(u"properties"_s)[u"schema_version"_s][u"const"_s].toInt(),
             Case::kSchemaVersion);

    // Required members are exactly the ones fromJson insists on.
    const auto required = [&schema](const QString &pointer) {
        QStringList names = stringsOf(schemaAt(schema, pointer).value(u"required"_s).toArray());
        names.sort();
        return names;
    };
    QCOMPARE(required(QString()),
             (QStringList{u"agent"_s, u"customer"_s, u"id"_s, u"schema_version"_s}));
    QCOMPARE(required(u"/customer"_s), (QStringList{u"account_created"_s, u"id"_s}));
    QCOMPARE(required(u"/agent"_s), (QStringList{u"id"_s, u"refund_limit"_s}));
    QVERIFY(required(u"/contact"_s).isEmpty());
    QVERIFY(required(u"/orders/0"_s).isEmpty());
}

// Walking a fully populated case's JSON beside the schema: every member toJson writes is
// documented with a description and a matching type, and the schema documents nothing more.
void TestCase::schemaMatchesToJson()
{
    const QJsonObject schema = readSchema();
    QVERIFY(!schema.isEmpty());
    const auto full = Case::fromJson(objectOf(kFullDocument));
    QVERIFY2(full.ok(), qPrintable(errorOf(full)));
    QMap<QString, QSet<QString>> written;
    const QString problem =
        schemaMismatch(schema, schema, full.value().toJson(), QString(), written);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    QCOMPARE(written.size(), 14); // every object in the shape, so none was skipped
    for (auto it = written.cbegin(); it != written.cend(); ++it) {
        const QStringList documentedList =
            schemaAt(schema, it.key()).value(u"properties"_s).toObject().keys();
        const QSet<QString> documented(documentedList.cbegin(), documentedList.cend());
        const QStringList unwritten = (documented - it.value()).values();
        QVERIFY2(it.value() == documented,
                 qPrintable(u"%1: schema documents %2 that toJson never wrote"_s
                                .arg(it.key().isEmpty() ? u"/"_s : it.key())
                                .arg(unwritten.join(u", "_s))));
    }
}

// The schema's enums are the spellings the *Name functions write, in the same order.
void TestCase::schemaEnumsMatchNames()
{
    const QJsonObject schema = readSchema();
    QVERIFY(!schema.isEmpty());
    const auto enumAt = [&schema](const QString &pointer) {
        return stringsOf(schemaAt(schema, pointer).value(u"enum"_s).toArray());
    };
    QCOMPARE(enumAt(u"/contact/identity/status"_s),
             namesOf(std::array{IdentityStatus::Unverified, IdentityStatus::Verified,
                                IdentityStatus::Failed},
                     &identityStatusName));
    QCOMPARE(enumAt(u"/orders/0/delivery/status"_s),
             namesOf(std::array{DeliveryStatus::Pending, DeliveryStatus::InTransit,
                                DeliveryStatus::Delivered, DeliveryStatus::Lost,
                                DeliveryStatus::Returned},
                     &deliveryStatusName));
    QCOMPARE(enumAt(u"/orders/0/delivery/investigation"_s),
             namesOf(std::array{Investigation::None, Investigation::Open,
                                Investigation::ConfirmedLost, Investigation::ConfirmedDelivered},
                     &investigationName));
    QCOMPARE(enumAt(u"/claims/0/type"_s),
             namesOf(std::array{ClaimType::NonReceipt, ClaimType::EmptyBox, ClaimType::WrongItem,
                                ClaimType::Damaged, ClaimType::Other},
                     &claimTypeName));
    QCOMPARE(enumAt(u"/claims/0/outcome"_s),
             namesOf(std::array{ClaimOutcome::Refunded, ClaimOutcome::Replaced,
                                ClaimOutcome::Denied, ClaimOutcome::Pending},
                     &claimOutcomeName));
    QCOMPARE(enumAt(u"/account_changes/0/field"_s),
             namesOf(std::array{AccountField::Email, AccountField::Phone, AccountField::Address,
                                AccountField::Password, AccountField::PaymentMethod},
                     &accountFieldName));
    QCOMPARE(enumAt(u"/linked_accounts/0/shared/0"_s),
             (QStringList{u"address"_s, u"device"_s, u"payment"_s}));
}

// Every demo conversation carries a case this parser accepts and writes back unchanged, and
// every action in it names an order of that case.
void TestCase::demoCasesParse()
{
    QFile file(QStringLiteral(RG_SOURCE_DIR "/resources/demo/transcripts.jsonl"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QSet<QString> ids;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        const QJsonObject conversation = QJsonDocument::fromJson(line).object();
        const QString id = conversation.value(u"id"_s).toString();
        const QString where = u"line %1 (%2)"_s.arg(lineNumber).arg(id);
        QVERIFY2(!id.isEmpty(), qPrintable(where));
        QVERIFY2(!ids.contains(id), qPrintable(where + u": duplicate id"_s));
        ids.insert(id);

        QVERIFY2(conversation.value(u"case"_s).isObject(), qPrintable(where + u": no case"_s));
        const auto parsed = Case::fromJson(conversation.value(u"case"_s).toObject());
        QVERIFY2(parsed.ok(), qPrintable(where + u": "_s + errorOf(parsed)));
        const Case &c = parsed.value();
        QVERIFY2(Case::fromJson(c.toJson()).value() == c, qPrintable(where));
        QVERIFY2(c.contact.startedAt.isValid(), qPrintable(where + u": no contact time"_s));
        QVERIFY2(!c.agent.currency.isEmpty(), qPrintable(where + u": no agent currency"_s));

        for (const QJsonValue &message : conversation.value(u"messages"_s).toArray()) {
            if (message[u"role"_s].toString() != u"action")
                continue;
            const QString orderId = message[u"action"_s][u"order_id"_s].toString();
            QVERIFY2(c.order(orderId) != nullptr,
                     qPrintable(where + u": action names unknown order "_s + orderId));
        }
    }
    QVERIFY2(ids.size() >= 8, qPrintable(u"%1 demo conversations"_s.arg(ids.size())));
}

QTEST_APPLESS_MAIN(TestCase)

#include "tst_case.moc"
