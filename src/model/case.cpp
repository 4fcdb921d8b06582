// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/case.h"

#include "model/jsontext.h"
#include "model/spelling.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <array>
#include <cmath>
#include <limits>

namespace rg::model {

using namespace Qt::StringLiterals;

namespace {

constexpr std::array kIdentityStatuses{
    Spelling<IdentityStatus>{IdentityStatus::Unverified, "unverified"_L1},
    Spelling<IdentityStatus>{IdentityStatus::Verified, "verified"_L1},
    Spelling<IdentityStatus>{IdentityStatus::Failed, "failed"_L1}};
constexpr std::array kDeliveryStatuses{
    Spelling<DeliveryStatus>{DeliveryStatus::Pending, "pending"_L1},
    Spelling<DeliveryStatus>{DeliveryStatus::InTransit, "in_transit"_L1},
    Spelling<DeliveryStatus>{DeliveryStatus::Delivered, "delivered"_L1},
    Spelling<DeliveryStatus>{DeliveryStatus::Lost, "lost"_L1},
    Spelling<DeliveryStatus>{DeliveryStatus::Returned, "returned"_L1}};
constexpr std::array kInvestigations{
    Spelling<Investigation>{Investigation::None, "none"_L1},
    Spelling<Investigation>{Investigation::Open, "open"_L1},
    Spelling<Investigation>{Investigation::ConfirmedLost, "confirmed_lost"_L1},
    Spelling<Investigation>{Investigation::ConfirmedDelivered, "confirmed_delivered"_L1}};
constexpr std::array kClaimTypes{Spelling<ClaimType>{ClaimType::NonReceipt, "non_receipt"_L1},
                                 Spelling<ClaimType>{ClaimType::EmptyBox, "empty_box"_L1},
                                 Spelling<ClaimType>{ClaimType::WrongItem, "wrong_item"_L1},
                                 Spelling<ClaimType>{ClaimType::Damaged, "damaged"_L1},
                                 Spelling<ClaimType>{ClaimType::Other, "other"_L1}};
constexpr std::array kClaimOutcomes{Spelling<ClaimOutcome>{ClaimOutcome::Refunded, "refunded"_L1},
                                    Spelling<ClaimOutcome>{ClaimOutcome::Replaced, "replaced"_L1},
                                    Spelling<ClaimOutcome>{ClaimOutcome::Denied, "denied"_L1},
                                    Spelling<ClaimOutcome>{ClaimOutcome::Pending, "pending"_L1}};
constexpr std::array kAccountFields{
    Spelling<AccountField>{AccountField::Email, "email"_L1},
    Spelling<AccountField>{AccountField::Phone, "phone"_L1},
    Spelling<AccountField>{AccountField::Address, "address"_L1},
    Spelling<AccountField>{AccountField::Password, "password"_L1},
    Spelling<AccountField>{AccountField::PaymentMethod, "payment_method"_L1}};

// What a linked account can share with this one; kept as strings in LinkedAccount::shared.
const QStringList &sharedAttributeNames()
{
    static const QStringList names{u"address"_s, u"device"_s, u"payment"_s};
    return names;
}

enum class Need { Optional, Required };

// "a, b, c or d", for error messages that list the accepted spellings.
QString alternatives(const QStringList &names)
{
    if (names.size() < 2)
        return names.join(QString());
    return names.first(names.size() - 1).join(u", "_s) + u" or "_s + names.last();
}

QString expected(const QString &what, const QJsonValue &got)
{
    return u"expected "_s + what + u", got "_s + describeJsonValue(got);
}

// Only a missing member means "not given". null is a wrong type like any other: the schema
// stays exact, and a mapping layer that forgot a field shows up as an error, not as a default.
QJsonValue member(const QJsonObject &object, QStringView key)
{
    return object.value(key);
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// Reads the case document member by member and keeps the first error. Each read* function
// returns false once something is wrong, so a section reads as one && chain.
class Reader final
{
public:
    QString error;

    bool fail(const QString &pointer, const QString &message)
    {
        error = pointer + u": "_s + message;
        return false;
    }

    bool readString(const QJsonObject &object, const QString &at, QStringView key, QString &out,
                    Need need = Need::Optional)
    {
        const QString pointer = jsonPointerTo(at, key);
        const QJsonValue value = member(object, key);
        if (value.isUndefined()) {
            return need == Need::Optional
                   || fail(pointer, u"missing (expected a non-empty string)"_s);
        }
        if (!value.isString())
            return fail(pointer, expected(u"a string"_s, value));
        if (need == Need::Required && value.toString().isEmpty())
            return fail(pointer, expected(u"a non-empty string"_s, value));
        out = value.toString();
        return true;
    }

    bool readBool(const QJsonObject &object, const QString &at, QStringView key, bool &out)
    {
        const QJsonValue value = member(object, key);
        if (value.isUndefined())
            return true;
        if (!value.isBool())
            return fail(jsonPointerTo(at, key), expected(u"true or false"_s, value));
        out = value.toBool();
        return true;
    }

    // Money and weights: finite and not negative (NaN or infinity only reach us from code, since
    // JSON text cannot spell them, but a QJsonObject built in a provider can hold them).
    bool readAmount(const QJsonObject &object, const QString &at, QStringView key, double &out,
                    Need need = Need::Optional)
    {
        const QString pointer = jsonPointerTo(at, key);
        const QJsonValue value = member(object, key);
        if (value.isUndefined())
            return need == Need::Optional || fail(pointer, u"missing (expected a number >= 0)"_s);
        if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < 0)
            return fail(pointer, expected(u"a number >= 0"_s, value));
        out = value.toDouble();
        return true;
    }

    bool readOptionalAmount(const QJsonObject &object, const QString &at, QStringView key,
                            std::optional<double> &out)
    {
        double amount = 0.0;
        if (member(object, key).isUndefined())
            return true;
        if (!readAmount(object, at, key, amount))
            return false;
        out = amount;
        return true;
    }

    bool readCount(const QJsonObject &object, const QString &at, QStringView key, int &out)
    {
        const QJsonValue value = member(object, key);
        if (value.isUndefined())
            return true;
        const double number = value.toDouble();
        if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number)
            || number < 1 || number > std::numeric_limits<int>::max()) {
            return fail(jsonPointerTo(at, key), expected(u"an integer >= 1"_s, value));
        }
        out = int(number);
        return true;
    }

    bool readCurrency(const QJsonObject &object, const QString &at, QStringView key, QString &out)
    {
        static const QRegularExpression code(u"^[A-Z]{3}$"_s);
        const QJsonValue value = member(object, key);
        if (value.isUndefined())
            return true;
        if (!value.isString() || !code.match(value.toString()).hasMatch()) {
            return fail(
                jsonPointerTo(at, key),
                expected(u"a currency code of three upper-case letters (ISO 4217)"_s, value));
        }
        out = value.toString();
        return true;
    }

    // Account-change values end up in audit evidence, so only masked forms may enter the model.
    // The message never repeats the value: it is the very data that must not be logged.
    bool readMasked(const QJsonObject &object, const QString &at, QStringView key, QString &out)
    {
        const QString pointer = jsonPointerTo(at, key);
        const QJsonValue value = member(object, key);
        if (value.isUndefined())
            return true;
        if (!value.isString())
            return fail(pointer, u"expected a masked string, got "_s + describeJsonValue(value));
        const QString text = value.toString();
        if (!text.isEmpty() && !text.contains(u'*')) {
            return fail(pointer,
                        u"values must be masked (contain at least one \"*\", e.g. "
                        "\"k***@example.com\") because case documents end up in audit evidence"_s);
        }
        out = text;
        return true;
    }

    // RFC 3339 date-times (the JSON Schema "date-time" format): the zone is mandatory because a
    // zone-less time would be read in whatever zone this machine happens to be in. Fractions of
    // a second are dropped so that what we read is exactly what toJson() writes back.
    bool readTime(const QJsonObject &object, const QString &at, QStringView key, QDateTime &out,
                  Need need = Need::Optional)
    {
        static const QRegularExpression shape(
            u"^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"_s);
        const QString what = u"an ISO 8601 date-time with a zone"_s;
        const QString pointer = jsonPointerTo(at, key);
        const QJsonValue value = member(object, key);
        if (value.isUndefined())
            return need == Need::Optional || fail(pointer, u"missing (expected "_s + what + u')');
        if (!value.isString() || !shape.match(value.toString()).hasMatch())
            return fail(pointer, expected(what, value));
        const QDateTime time = QDateTime::fromString(value.toString().toUpper(), Qt::ISODate);
        if (!time.isValid())
            return fail(pointer, expected(what, value));
        const QDateTime utc = time.toUTC();
        out = utc.addMSecs(-utc.time().msec());
        return true;
    }

    template <typename E, std::size_t N>
    bool readEnum(const QJsonObject &object, const QString &at, QStringView key,
                  const std::array<Spelling<E>, N> &table, const QString &noun, E &out)
    {
        const QJsonValue value = member(object, key);
        if (value.isUndefined())
            return true;
        QStringList names;
        for (const Spelling<E> &spelling : table) {
            names.append(spelling.name);
            if (value.isString() && value.toString() == spelling.name) {
                out = spelling.value;
                return true;
            }
        }
        const QString pointer = jsonPointerTo(at, key);
        if (!value.isString())
            return fail(pointer, expected(u"one of "_s + alternatives(names), value));
        return fail(pointer, u"unknown "_s + noun + u' ' + describeJsonValue(value)
                                 + u" (expected "_s + alternatives(names) + u')');
    }

    bool readShared(const QJsonObject &object, const QString &at, QStringView key, QStringList &out)
    {
        const QString pointer = jsonPointerTo(at, key);
        const QJsonValue value = member(object, key);
        if (value.isUndefined())
            return true;
        if (!value.isArray())
            return fail(pointer, expected(u"an array"_s, value));
        const QJsonArray list = value.toArray();
        const QStringList &names = sharedAttributeNames();
        out.clear();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonValue item = list.at(i);
            if (!item.isString()) {
                return fail(jsonPointerTo(pointer, i),
                            expected(u"one of "_s + alternatives(names), item));
            }
            if (!names.contains(item.toString())) {
                return fail(jsonPointerTo(pointer, i),
                            u"unknown shared attribute "_s + describeJsonValue(item)
                                + u" (expected "_s + alternatives(names) + u')');
            }
            out.append(item.toString());
        }
        return true;
    }

    template <typename Fn>
    bool readObject(const QJsonObject &object, const QString &at, QStringView key, Need need,
                    Fn &&readMembers)
    {
        const QString pointer = jsonPointerTo(at, key);
        const QJsonValue value = member(object, key);
        if (value.isUndefined())
            return need == Need::Optional || fail(pointer, u"missing (expected an object)"_s);
        if (!value.isObject())
            return fail(pointer, expected(u"an object"_s, value));
        return readMembers(value.toObject(), pointer);
    }

    template <typename T, typename Fn>
    bool readObjects(const QJsonObject &object, const QString &at, QStringView key, QList<T> &out,
                     Fn &&readItem)
    {
        const QString pointer = jsonPointerTo(at, key);
        const QJsonValue value = member(object, key);
        if (value.isUndefined())
            return true;
        if (!value.isArray())
            return fail(pointer, expected(u"an array"_s, value));
        const QJsonArray list = value.toArray();
        out.clear();
        out.reserve(list.size());
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString itemPointer = jsonPointerTo(pointer, i);
            if (!list.at(i).isObject())
                return fail(itemPointer, expected(u"an object"_s, list.at(i)));
            T item;
            if (!readItem(list.at(i).toObject(), itemPointer, item))
                return false;
            out.append(std::move(item));
        }
        return true;
    }

    bool readSchemaVersion(const QJsonObject &root)
    {
        const QString pointer = u"/schema_version"_s;
        const QString supported = QString::number(Case::kSchemaVersion);
        const QJsonValue value = member(root, u"schema_version");
        if (value.isUndefined()) {
            return fail(pointer, u"missing (expected "_s + supported
                                     + u", the only case schema version this build reads)"_s);
        }
        const double number = value.toDouble();
        if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number))
            return fail(pointer, expected(u"an integer schema version"_s, value));
        if (number != Case::kSchemaVersion) {
            return fail(pointer, u"unsupported schema version "_s + describeJsonValue(value)
                                     + u" (supported versions: "_s + supported + u')');
        }
        return true;
    }

    bool readCustomer(const QJsonObject &object, const QString &at, Customer &customer)
    {
        return readString(object, at, u"id", customer.id, Need::Required)
               && readString(object, at, u"name", customer.name)
               && readTime(object, at, u"account_created", customer.accountCreated, Need::Required)
               && readObjects(object, at, u"verified_contacts", customer.verifiedContacts,
                              [this](const QJsonObject &item, const QString &pointer,
                                     VerifiedContact &contact) {
                                  return readString(item, pointer, u"type", contact.type)
                                         && readString(item, pointer, u"value", contact.value);
                              });
    }

    bool readContact(const QJsonObject &object, const QString &at, Contact &contact)
    {
        return readString(object, at, u"channel", contact.channel)
               && readTime(object, at, u"started_at", contact.startedAt)
               && readObject(
                   object, at, u"identity", Need::Optional,
                   [&](const QJsonObject &identity, const QString &pointer) {
                       return readEnum(identity, pointer, u"status", kIdentityStatuses,
                                       u"identity status"_s, contact.identity)
                              && readString(identity, pointer, u"method", contact.identityMethod)
                              && readTime(identity, pointer, u"time", contact.identityTime);
                   })
               && readObject(object, at, u"device", Need::Optional,
                             [&](const QJsonObject &device, const QString &pointer) {
                                 return readString(device, pointer, u"id", contact.deviceId)
                                        && readBool(device, pointer, u"new", contact.newDevice);
                             });
    }

    bool readDelivery(const QJsonObject &object, const QString &at, Delivery &delivery)
    {
        return readEnum(object, at, u"status", kDeliveryStatuses, u"delivery status"_s,
                        delivery.status)
               && readTime(object, at, u"delivered_at", delivery.deliveredAt)
               && readBool(object, at, u"photo", delivery.photo)
               && readBool(object, at, u"gps", delivery.gps)
               && readBool(object, at, u"signature", delivery.signature)
               && readOptionalAmount(object, at, u"dispatch_weight_kg", delivery.dispatchWeightKg)
               && readEnum(object, at, u"investigation", kInvestigations, u"investigation state"_s,
                           delivery.investigation)
               && readObjects(
                   object, at, u"scans", delivery.scans,
                   [this](const QJsonObject &item, const QString &pointer, DeliveryScan &scan) {
                       return readTime(item, pointer, u"time", scan.time)
                              && readString(item, pointer, u"status", scan.status)
                              && readString(item, pointer, u"location", scan.location);
                   });
    }

    bool readOrder(const QJsonObject &object, const QString &at, Order &order)
    {
        return readString(object, at, u"id", order.id)
               && readTime(object, at, u"placed_at", order.placedAt)
               && readObjects(
                   object, at, u"items", order.items,
                   [this](const QJsonObject &item, const QString &pointer, OrderItem &line) {
                       return readString(item, pointer, u"sku", line.sku)
                              && readString(item, pointer, u"name", line.name)
                              && readCount(item, pointer, u"quantity", line.quantity)
                              && readAmount(item, pointer, u"price", line.price);
                   })
               && readAmount(object, at, u"value", order.value)
               && readCurrency(object, at, u"currency", order.currency)
               && readString(object, at, u"payment_method", order.paymentMethod)
               && readString(object, at, u"fulfilled_by", order.fulfilledBy)
               && readString(object, at, u"carrier", order.carrier)
               && readString(object, at, u"tracking", order.tracking)
               && readObject(object, at, u"delivery", Need::Optional,
                             [&](const QJsonObject &delivery, const QString &pointer) {
                                 return readDelivery(delivery, pointer, order.delivery);
                             });
    }

    bool readClaim(const QJsonObject &object, const QString &at, Claim &claim)
    {
        return readTime(object, at, u"date", claim.date)
               && readEnum(object, at, u"type", kClaimTypes, u"claim type"_s, claim.type)
               && readString(object, at, u"order_id", claim.orderId)
               && readAmount(object, at, u"amount", claim.amount)
               && readCurrency(object, at, u"currency", claim.currency)
               && readEnum(object, at, u"outcome", kClaimOutcomes, u"claim outcome"_s,
                           claim.outcome);
    }

    bool readAccountChange(const QJsonObject &object, const QString &at, AccountChange &change)
    {
        return readTime(object, at, u"time", change.time)
               && readEnum(object, at, u"field", kAccountFields, u"account field"_s, change.field)
               && readString(object, at, u"channel", change.channel)
               && readMasked(object, at, u"from", change.from)
               && readMasked(object, at, u"to", change.to);
    }

    bool readLinkedAccount(const QJsonObject &object, const QString &at, LinkedAccount &linked)
    {
        return readString(object, at, u"customer_id", linked.customerId)
               && readShared(object, at, u"shared", linked.shared)
               && readBool(object, at, u"fraud_flag", linked.fraudFlag)
               && readString(object, at, u"note", linked.note);
    }

    bool readAgent(const QJsonObject &object, const QString &at, Agent &agent)
    {
        return readString(object, at, u"id", agent.id, Need::Required)
               && readString(object, at, u"role", agent.role)
               && readString(object, at, u"team", agent.team)
               && readAmount(object, at, u"refund_limit", agent.refundLimit, Need::Required)
               && readCurrency(object, at, u"currency", agent.currency);
    }

    bool readCase(const QJsonObject &root, Case &result)
    {
        const QString at; // the root's JSON pointer is the empty string
        return readSchemaVersion(root) && readString(root, at, u"id", result.id, Need::Required)
               && readObject(root, at, u"customer", Need::Required,
                             [&](const QJsonObject &object, const QString &pointer) {
                                 return readCustomer(object, pointer, result.customer);
                             })
               && readObject(root, at, u"contact", Need::Optional,
                             [&](const QJsonObject &object, const QString &pointer) {
                                 return readContact(object, pointer, result.contact);
                             })
               && readObjects(root, at, u"orders", result.orders,
                              [this](const QJsonObject &object, const QString &pointer,
                                     Order &order) { return readOrder(object, pointer, order); })
               && readObjects(root, at, u"claims", result.claims,
                              [this](const QJsonObject &object, const QString &pointer,
                                     Claim &claim) { return readClaim(object, pointer, claim); })
               && readObjects(root, at, u"account_changes", result.accountChanges,
                              [this](const QJsonObject &object, const QString &pointer,
                                     AccountChange &change) {
                                  return readAccountChange(object, pointer, change);
                              })
               && readObjects(root, at, u"linked_accounts", result.linkedAccounts,
                              [this](const QJsonObject &object, const QString &pointer,
                                     LinkedAccount &linked) {
                                  return readLinkedAccount(object, pointer, linked);
                              })
               && readObject(root, at, u"agent", Need::Required,
                             [&](const QJsonObject &object, const QString &pointer) {
                                 return readAgent(object, pointer, result.agent);
                             });
    }
};

// Optional members are written only when they hold something, so that absent stays absent
// across a round trip and documents stay short.
void insertIfSet(QJsonObject &json, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        json.insert(key, value);
}

void insertIfSet(QJsonObject &json, const QString &key, const QDateTime &time)
{
    if (time.isValid())
        json.insert(key, timeText(time));
}

template <typename T, typename Fn>
QJsonArray arrayOf(const QList<T> &items, Fn &&toJson)
{
    QJsonArray list;
    for (const T &item : items)
        list.append(toJson(item));
    return list;
}

QJsonObject deliveryJson(const Delivery &delivery)
{
    QJsonObject json{{u"status"_s, deliveryStatusName(delivery.status)},
                     {u"photo"_s, delivery.photo},
                     {u"gps"_s, delivery.gps},
                     {u"signature"_s, delivery.signature},
                     {u"investigation"_s, investigationName(delivery.investigation)}};
    insertIfSet(json, u"delivered_at"_s, delivery.deliveredAt);
    if (delivery.dispatchWeightKg)
        json.insert(u"dispatch_weight_kg"_s, *delivery.dispatchWeightKg);
    json.insert(u"scans"_s, arrayOf(delivery.scans, [](const DeliveryScan &scan) {
                    QJsonObject item;
                    insertIfSet(item, u"time"_s, scan.time);
                    insertIfSet(item, u"status"_s, scan.status);
                    insertIfSet(item, u"location"_s, scan.location);
                    return item;
                }));
    return json;
}

QJsonObject orderJson(const Order &order)
{
    QJsonObject json{{u"value"_s, order.value}, {u"delivery"_s, deliveryJson(order.delivery)}};
    insertIfSet(json, u"id"_s, order.id);
    insertIfSet(json, u"placed_at"_s, order.placedAt);
    json.insert(u"items"_s, arrayOf(order.items, [](const OrderItem &line) {
                    QJsonObject item{{u"quantity"_s, line.quantity}, {u"price"_s, line.price}};
                    insertIfSet(item, u"sku"_s, line.sku);
                    insertIfSet(item, u"name"_s, line.name);
                    return item;
                }));
    insertIfSet(json, u"currency"_s, order.currency);
    insertIfSet(json, u"payment_method"_s, order.paymentMethod);
    insertIfSet(json, u"fulfilled_by"_s, order.fulfilledBy);
    insertIfSet(json, u"carrier"_s, order.carrier);
    insertIfSet(json, u"tracking"_s, order.tracking);
    return json;
}

QJsonObject customerJson(const Customer &customer)
{
    QJsonObject json{{u"id"_s, customer.id}};
    insertIfSet(json, u"name"_s, customer.name);
    insertIfSet(json, u"account_created"_s, customer.accountCreated);
    json.insert(u"verified_contacts"_s,
                arrayOf(customer.verifiedContacts, [](const VerifiedContact &verified) {
                    QJsonObject item;
                    insertIfSet(item, u"type"_s, verified.type);
                    insertIfSet(item, u"value"_s, verified.value);
                    return item;
                }));
    return json;
}

QJsonObject contactJson(const Contact &contact)
{
    QJsonObject identity{{u"status"_s, identityStatusName(contact.identity)}};
    insertIfSet(identity, u"method"_s, contact.identityMethod);
    insertIfSet(identity, u"time"_s, contact.identityTime);
    QJsonObject device{{u"new"_s, contact.newDevice}};
    insertIfSet(device, u"id"_s, contact.deviceId);
    QJsonObject json{{u"identity"_s, identity}, {u"device"_s, device}};
    insertIfSet(json, u"channel"_s, contact.channel);
    insertIfSet(json, u"started_at"_s, contact.startedAt);
    return json;
}

QJsonObject claimJson(const Claim &claim)
{
    QJsonObject json{{u"type"_s, claimTypeName(claim.type)},
                     {u"amount"_s, claim.amount},
                     {u"outcome"_s, claimOutcomeName(claim.outcome)}};
    insertIfSet(json, u"date"_s, claim.date);
    insertIfSet(json, u"order_id"_s, claim.orderId);
    insertIfSet(json, u"currency"_s, claim.currency);
    return json;
}

QJsonObject accountChangeJson(const AccountChange &change)
{
    QJsonObject json{{u"field"_s, accountFieldName(change.field)}};
    insertIfSet(json, u"time"_s, change.time);
    insertIfSet(json, u"channel"_s, change.channel);
    insertIfSet(json, u"from"_s, change.from);
    insertIfSet(json, u"to"_s, change.to);
    return json;
}

QJsonObject linkedAccountJson(const LinkedAccount &linked)
{
    QJsonObject json{{u"shared"_s, QJsonArray::fromStringList(linked.shared)},
                     {u"fraud_flag"_s, linked.fraudFlag}};
    insertIfSet(json, u"customer_id"_s, linked.customerId);
    insertIfSet(json, u"note"_s, linked.note);
    return json;
}

QJsonObject agentJson(const Agent &agent)
{
    QJsonObject json{{u"id"_s, agent.id}, {u"refund_limit"_s, agent.refundLimit}};
    insertIfSet(json, u"role"_s, agent.role);
    insertIfSet(json, u"team"_s, agent.team);
    insertIfSet(json, u"currency"_s, agent.currency);
    return json;
}

} // namespace

QString identityStatusName(IdentityStatus status)
{
    return spellingOf(kIdentityStatuses, status);
}

QString deliveryStatusName(DeliveryStatus status)
{
    return spellingOf(kDeliveryStatuses, status);
}

QString investigationName(Investigation investigation)
{
    return spellingOf(kInvestigations, investigation);
}

QString claimTypeName(ClaimType type)
{
    return spellingOf(kClaimTypes, type);
}

QString claimOutcomeName(ClaimOutcome outcome)
{
    return spellingOf(kClaimOutcomes, outcome);
}

QString accountFieldName(AccountField field)
{
    return spellingOf(kAccountFields, field);
}

/*!
 * Returns the order with \a orderId, or nullptr when the case has none. The pointer is valid
 * until the case's order list changes.
 */
const Order *Case::order(QStringView orderId) const
{
    for (const Order &candidate : orders) {
        if (candidate.id == orderId)
            return &candidate;
    }
    return nullptr;
}

/*!
 * Writes the case document (resources/schema/case.schema.json) with the current schema version.
 * Times are written in UTC as yyyy-MM-ddTHH:mm:ssZ; optional members that hold nothing (empty
 * strings, invalid times, no dispatch weight) are left out, so fromJson(toJson()) == *this for
 * every case fromJson can produce.
 */
QJsonObject Case::toJson() const
{
    return QJsonObject{
        {u"schema_version"_s, kSchemaVersion},
        {u"id"_s, id},
        {u"customer"_s, customerJson(customer)},
        {u"contact"_s, contactJson(contact)},
        {u"orders"_s, arrayOf(orders, &orderJson)},
        {u"claims"_s, arrayOf(claims, &claimJson)},
        {u"account_changes"_s, arrayOf(accountChanges, &accountChangeJson)},
        {u"linked_accounts"_s, arrayOf(linkedAccounts, &linkedAccountJson)},
        {u"agent"_s, agentJson(agent)},
    };
}

/*!
 * Reads a case document. Required: schema_version (must be Case::kSchemaVersion), id,
 * customer.id, customer.account_created, agent.id and agent.refund_limit; every other member
 * may be left out and then keeps the default of its struct (null is a wrong type, not "left
 * out"). Unknown members are ignored so that newer producers can add fields without breaking
 * older readers.
 *
 * Values are checked, not just typed: times need a zone and are converted to UTC, numbers must
 * be finite, amounts and weights >= 0, quantities whole and >= 1, currencies three upper-case
 * letters, enums one of their spellings, account-change values masked. The error names the
 * first offending member by JSON pointer and says what was expected, e.g.
 * "/claims/1/type: unknown claim type "refundd" (expected non_receipt, ...)".
 */
Result<Case> Case::fromJson(const QJsonObject &json)
{
    Reader reader;
    Case result;
    if (!reader.readCase(json, result))
        return Error{reader.error};
    return result;
}

/*!
 * Parses \a bytes as one JSON object and reads it with fromJson(). A syntax error names the
 * byte offset QJsonParseError reports; input that is no object or array at all (empty, or a
 * bare string or number, which Qt reports as "illegal value") is "expected a JSON object".
 */
Result<Case> Case::fromJsonBytes(QByteArrayView bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes.toByteArray(), &parseError);
    const QByteArrayView start = bytes.trimmed();
    if (start.isEmpty() || (start.front() != '{' && start.front() != '['))
        return Error{u"expected a JSON object"_s};
    if (parseError.error != QJsonParseError::NoError) {
        return Error{u"not valid JSON at byte %1: %2"_s.arg(parseError.offset)
                         .arg(parseError.errorString())};
    }
    if (!document.isObject())
        return Error{u"expected a JSON object"_s};
    return fromJson(document.object());
}

} // namespace rg::model
