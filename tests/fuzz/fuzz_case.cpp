// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The case document as the case service, a CRM mapping or a transcript's "case" gives it:
// parsed, written back, and turned into the facts policies read for a refund on its first
// order (account age, claim windows and every other derived signal).

#include "model/case.h"
#include "policy/facts.h"

#include "fuzzsupport.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;
using rg::fuzz::require;
using rg::model::Case;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto parsed = Case::fromJsonBytes(rg::fuzz::bytes(data, size));
    if (!parsed) {
        require(!parsed.error().isEmpty(), "a refused case says why");
        return 0;
    }
    const Case &c = parsed.value();
    const auto again = Case::fromJson(c.toJson());
    require(again.ok(), "a case's own JSON is accepted");
    require(again.value() == c, "a case survives its JSON");

    QJsonObject refund{{u"type"_s, u"refund"_s}, {u"amount"_s, 120.0}, {u"currency"_s, u"USD"_s}};
    if (!c.orders.isEmpty())
        refund.insert(u"order_id"_s, c.orders.front().id);
    const auto resolved = rg::policy::resolveOrder(refund, c, u"action"_s);
    const rg::model::Message action{
        rg::model::Role::Action, {}, resolved ? resolved.value() : refund};
    const rg::policy::FactsBuilder builder(c, QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    const QJsonObject facts = builder.facts({action}, {}, 0);
    require(facts.value(u"case"_s).toObject().value(u"id"_s).toString() == c.id,
            "the facts carry the case");
    return 0;
}
