// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rg::model {

// The case document: what the CRM knows about the customer, this contact, the orders and the
// claims behind a refund chat. JSON form and field meanings: resources/schema/case.schema.json.
// Keys are snake_case in JSON; times are ISO 8601 with a zone and are held in UTC here.

struct VerifiedContact
{
    QString type;  // email | phone
    QString value; // masked, e.g. "k***@example.net"

    friend bool operator==(const VerifiedContact &, const VerifiedContact &) = default;
};

struct Customer
{
    QString id;
    QString name;
    QDateTime accountCreated;
    QList<VerifiedContact> verifiedContacts;

    friend bool operator==(const Customer &, const Customer &) = default;
};

enum class IdentityStatus { Unverified, Verified, Failed };

// This contact: the chat or call the agent is handling now.
struct Contact
{
    QString channel; // chat | phone | email | social
    QDateTime startedAt;
    IdentityStatus identity = IdentityStatus::Unverified;
    QString identityMethod; // e.g. otp_sms, otp_email, security_questions, none
    QDateTime identityTime; // invalid when not verified
    QString deviceId;
    bool newDevice = false;

    friend bool operator==(const Contact &, const Contact &) = default;
};

struct OrderItem
{
    QString sku;
    QString name;
    int quantity = 1;
    double price = 0.0;

    friend bool operator==(const OrderItem &, const OrderItem &) = default;
};

struct DeliveryScan
{
    QDateTime time;
    QString status; // e.g. label_created, in_transit, out_for_delivery, delivered
    QString location;

    friend bool operator==(const DeliveryScan &, const DeliveryScan &) = default;
};

enum class DeliveryStatus { Pending, InTransit, Delivered, Lost, Returned };
enum class Investigation { None, Open, ConfirmedLost, ConfirmedDelivered };

struct Delivery
{
    DeliveryStatus status = DeliveryStatus::Pending;
    QDateTime deliveredAt;
    bool photo = false;
    bool gps = false;
    bool signature = false;
    std::optional<double> dispatchWeightKg;
    Investigation investigation = Investigation::None; // carrier investigation
    QList<DeliveryScan> scans;

    friend bool operator==(const Delivery &, const Delivery &) = default;
};

struct Order
{
    QString id;
    QDateTime placedAt;
    QList<OrderItem> items;
    double value = 0.0;
    QString currency;      // ISO 4217
    QString paymentMethod; // credit_card, debit_card, paypal, gift_card, ...
    QString fulfilledBy;   // retailer | marketplace_seller
    QString carrier;
    QString tracking;
    Delivery delivery;

    friend bool operator==(const Order &, const Order &) = default;
};

enum class ClaimType { NonReceipt, EmptyBox, WrongItem, Damaged, Other };
enum class ClaimOutcome { Refunded, Replaced, Denied, Pending };

struct Claim
{
    QDateTime date;
    ClaimType type = ClaimType::Other;
    QString orderId;
    double amount = 0.0;
    QString currency;
    ClaimOutcome outcome = ClaimOutcome::Pending;

    friend bool operator==(const Claim &, const Claim &) = default;
};

enum class AccountField { Email, Phone, Address, Password, PaymentMethod };

struct AccountChange
{
    QDateTime time;
    AccountField field = AccountField::Email;
    QString channel; // chat | phone | web | app | email
    QString from;    // masked
    QString to;      // masked

    friend bool operator==(const AccountChange &, const AccountChange &) = default;
};

struct LinkedAccount
{
    QString customerId;
    QStringList shared; // address | device | payment
    bool fraudFlag = false;
    QString note;

    friend bool operator==(const LinkedAccount &, const LinkedAccount &) = default;
};

struct Agent
{
    QString id;
    QString role; // agent | senior_agent | supervisor
    QString team;
    double refundLimit = 0.0;
    QString currency;

    friend bool operator==(const Agent &, const Agent &) = default;
};

struct Case
{
    static constexpr int kSchemaVersion = 1;

    QString id;
    Customer customer;
    Contact contact;
    QList<Order> orders;
    QList<Claim> claims;
    QList<AccountChange> accountChanges;
    QList<LinkedAccount> linkedAccounts;
    Agent agent;

    const Order *order(QStringView orderId) const;

    QJsonObject toJson() const;
    static Result<Case> fromJson(const QJsonObject &json);
    static Result<Case> fromJsonBytes(QByteArrayView bytes);

    friend bool operator==(const Case &, const Case &) = default;
};

QString identityStatusName(IdentityStatus status);
QString deliveryStatusName(DeliveryStatus status);
QString investigationName(Investigation investigation);
QString claimTypeName(ClaimType type);
QString claimOutcomeName(ClaimOutcome outcome);
QString accountFieldName(AccountField field);

} // namespace rg::model
