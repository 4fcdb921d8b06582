// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/fusion.h"

#include "model/casederived.h"
#include "model/jsontext.h"

#include <QJsonObject>
#include <QSet>

#include <array>

namespace rg::risk {

using namespace Qt::StringLiterals;

namespace {

struct Known
{
    QLatin1StringView id;
    QLatin1StringView threshold; // the parameter the signal needs, if any
};

constexpr std::array kKnown{
    Known{"proof_of_delivery"_L1, {}},
    Known{"claim_velocity"_L1, "min_claims"_L1},
    Known{"claim_velocity_high"_L1, "min_claims"_L1},
    Known{"new_account"_L1, "max_age_days"_L1},
    Known{"high_value"_L1, "min_value"_L1},
    Known{"changed_in_contact"_L1, {}},
    Known{"changed_recently"_L1, {}},
    Known{"new_device"_L1, {}},
    Known{"linked_fraud"_L1, {}},
};

const QSet<QString> kClaimCues{u"claim_non_receipt"_s, u"claim_empty_or_wrong"_s,
                               u"refund_jargon"_s, u"process_steering"_s};
const QSet<QString> kRemedies{u"refund"_s, u"replacement"_s, u"concession"_s};

QString money(double value, const QString &currency)
{
    return QString::number(value, 'f', 2) + (currency.isEmpty() ? QString() : u' ' + currency);
}

QString proofOf(const model::Delivery &delivery)
{
    QStringList proof;
    if (delivery.photo)
        proof.append(u"photo"_s);
    if (delivery.gps)
        proof.append(u"GPS"_s);
    if (delivery.signature)
        proof.append(u"signature"_s);
    return proof.join(u" and "_s);
}

} // namespace

Result<FusionWeights> FusionWeights::load(const QString &path)
{
    const auto bytes = model::readFileBytes(path);
    if (!bytes)
        return Error{bytes.error()};
    return parse(bytes.value(), path);
}

Result<FusionWeights> FusionWeights::parse(const QByteArray &json, const QString &source)
{
    const auto document = model::parseJsonText(json, source);
    if (!document)
        return Error{document.error()};
    const QJsonObject root = document.value().object();
    if (root.value(u"format"_s).toInt() != kFormat)
        return Error{source + u": field \"format\": unsupported format (this build reads format %1)"_s.arg(kFormat)};
    const QJsonObject signalsJson = root.value(u"signals"_s).toObject();
    FusionWeights weights;
    for (const Known &known : kKnown) {
        const QString where = source + u": signal \""_s + known.id + u"\": "_s;
        const QJsonValue value = signalsJson.value(known.id);
        if (!value.isObject())
            return Error{where + u"missing"_s};
        const QJsonObject entry = value.toObject();
        Entry parsed;
        parsed.weight = entry.value(u"weight"_s).toDouble(-1.0);
        if (parsed.weight < 0.0 || parsed.weight >= 1.0)
            return Error{where + u"field \"weight\": expected a number in [0, 1)"_s};
        parsed.decisive = entry.value(u"decisive"_s).toBool();
        parsed.claimOnly = entry.value(u"claim_only"_s).toBool();
        if (!known.threshold.isEmpty()) {
            const QJsonValue threshold = entry.value(known.threshold);
            if (!threshold.isDouble() || threshold.toDouble() < 0)
                return Error{where + u"field \""_s + known.threshold + u"\": expected a number >= 0"_s};
            parsed.threshold = threshold.toDouble();
        }
        weights.signalWeights.insert(known.id, parsed);
    }
    for (auto it = signalsJson.begin(); it != signalsJson.end(); ++it) {
        if (!weights.signalWeights.contains(it.key()))
            return Error{source + u": signal \""_s + it.key() + u"\": unknown signal"_s};
    }
    return weights;
}

void ClaimTally::addFinding(const model::Finding &finding)
{
    m_aboutClaim = m_aboutClaim || kClaimCues.contains(finding.cue);
    m_nonReceipt = m_nonReceipt || finding.cue == u"claim_non_receipt"_s;
}

void ClaimTally::addMessage(const model::Message &message, const model::Case &c)
{
    if (message.role != model::Role::Action) {
        for (const model::Order &order : c.orders) {
            if (message.text.contains(order.id))
                m_mentioned.insert(order.id);
        }
        return;
    }
    m_aboutClaim = m_aboutClaim || kRemedies.contains(message.action.value(u"type"_s).toString());
    m_nonReceipt = m_nonReceipt || message.action.value(u"reason"_s).toString() == u"non_receipt"_s;
    const QString orderId = message.action.value(u"order_id"_s).toString();
    if (!orderId.isEmpty() && !m_namedOrders.contains(orderId))
        m_namedOrders.append(orderId);
}

std::vector<CaseSignal> caseSignals(const model::Case &c, const QList<model::Message> &messages,
                                    const std::vector<model::Finding> &findings,
                                    const FusionWeights &weights, const QDateTime &now)
{
    ClaimTally claim;
    for (const model::Finding &finding : findings)
        claim.addFinding(finding);
    for (const model::Message &message : messages)
        claim.addMessage(message, c);
    return caseSignals(c, claim, weights, now);
}

/*!
 * Reads the case for what text cannot show. Claim signals (proof of delivery, claim velocity,
 * a new account, a high value) only count when this
 * conversation is about a claim: a claim, refund-jargon or steering cue, or a refund,
 * replacement or concession action. Account signals (details changed in this contact or the
 * week before, a new device, linked accounts flagged for fraud) always count: they are what an
 * account takeover looks like whatever is said.
 * The orders judged are those an action names, or else those the messages mention by id, or
 * else the case's only order.
 */
std::vector<CaseSignal> caseSignals(const model::Case &c, const ClaimTally &claim,
                                    const FusionWeights &weights, const QDateTime &now)
{
    const bool aboutClaim = claim.m_aboutClaim;
    const bool nonReceipt = claim.m_nonReceipt;
    // The orders this conversation is about: those its actions name, else those its messages
    // mention, else the case's only order. An order nobody mentioned says nothing about this claim.
    QStringList namedOrders = claim.m_namedOrders;
    if (namedOrders.isEmpty()) {
        for (const model::Order &order : c.orders) {
            if (claim.m_mentioned.contains(order.id))
                namedOrders.append(order.id);
        }
    }
    if (namedOrders.isEmpty() && c.orders.size() == 1)
        namedOrders.append(c.orders.front().id);
    QList<const model::Order *> orders;
    for (const model::Order &order : c.orders) {
        if (namedOrders.contains(order.id))
            orders.append(&order);
    }

    const auto derived = model::CaseDerived::of(c, now);
    std::vector<CaseSignal> out;
    const auto add = [&](const QString &id, const QString &text) {
        const FusionWeights::Entry &entry = weights.signalWeights[id];
        if (entry.weight > 0.0 && (aboutClaim || !entry.claimOnly))
            out.push_back({id, text, entry.weight, entry.decisive});
    };
    const auto threshold = [&](const QString &id) { return weights.signalWeights[id].threshold; };

    for (const model::Order *order : orders) {
        const model::Delivery &delivery = order->delivery;
        const bool proven = delivery.photo || delivery.gps || delivery.signature;
        if (nonReceipt && delivery.status == model::DeliveryStatus::Delivered && proven
            && delivery.investigation != model::Investigation::ConfirmedLost) {
            add(u"proof_of_delivery"_s, u"Order %1 was delivered with %2 proof, yet the customer says it never arrived"_s
                                            .arg(order->id, proofOf(delivery)));
            break;
        }
    }
    const QString claims = u"%1 claims in the 90 days before this contact"_s.arg(derived.claimsInWindow);
    if (derived.claimsInWindow >= threshold(u"claim_velocity_high"_s))
        add(u"claim_velocity_high"_s, claims);
    else if (derived.claimsInWindow >= threshold(u"claim_velocity"_s))
        add(u"claim_velocity"_s, claims);
    if (static_cast<double>(derived.accountAgeDays) < threshold(u"new_account"_s))
        add(u"new_account"_s, u"The account is %1 days old"_s.arg(derived.accountAgeDays));
    for (const model::Order *order : orders) {
        if (order->value >= threshold(u"high_value"_s)) {
            add(u"high_value"_s, u"Order %1 is worth %2"_s.arg(order->id, money(order->value, order->currency)));
            break;
        }
    }
    if (!derived.changedInContact.isEmpty()) {
        add(u"changed_in_contact"_s,
            u"Account details changed during this contact: "_s + derived.changedInContact.join(u", "_s));
    }
    if (!derived.changedRecently.isEmpty()) {
        add(u"changed_recently"_s,
            u"Account details changed in the week before this contact: "_s + derived.changedRecently.join(u", "_s));
    }
    if (c.contact.newDevice)
        add(u"new_device"_s, u"The customer writes from a device not seen before"_s);
    if (derived.linkedFraudFlags > 0) {
        add(u"linked_fraud"_s, u"%1 linked account(s) (shared address, device or payment) carry a fraud flag"_s
                                   .arg(derived.linkedFraudFlags));
    }
    return out;
}

} // namespace rg::risk
