// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The JSON Logic evaluator policies run on: compile any rule, evaluate it against any data, with
// and without the lookup cache a decision shares between policies.
//
// Input: a JSON array [rule, data], as the conformance suite writes its cases (a third element,
// the expected result there, is ignored); anything else is tried as a rule over empty data.

#include "policy/jsonlogic.h"

#include "fuzzsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using rg::fuzz::require;
using rg::fuzz::sameJson;
using rg::policy::Logic;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(rg::fuzz::bytes(data, size));
    if (document.isNull())
        return 0;
    QJsonValue rule = document.isArray() ? QJsonValue(document.array()) : document.object();
    QJsonValue facts;
    if (document.isArray() && document.array().size() >= 2) {
        rule = document.array().at(0);
        facts = document.array().at(1);
    }
    const auto logic = Logic::compile(rule);
    if (!logic) {
        require(!logic.error().isEmpty(), "a refused rule says why");
        return 0;
    }
    std::vector<rg::policy::FactRead> reads;
    const auto plain = logic.value().evaluate(facts, &reads);
    rg::policy::LookupCache cache;
    std::vector<rg::policy::FactRead> cachedReads;
    const auto cached = logic.value().evaluate(facts, &cachedReads, &cache);
    const auto again = logic.value().evaluate(facts, nullptr, &cache);
    require(plain.ok() == cached.ok() && cached.ok() == again.ok(),
            "the lookup cache does not change whether a rule evaluates");
    if (!plain) {
        require(!plain.error().isEmpty(), "a failed evaluation says why");
        return 0;
    }
    require(sameJson(plain.value(), cached.value()) && sameJson(cached.value(), again.value()),
            "the lookup cache does not change the result");
    require(reads.size() == cachedReads.size(), "the lookup cache does not change the facts read");
    for (std::size_t i = 0; i < reads.size(); ++i) {
        require(reads[i].path == cachedReads[i].path
                    && sameJson(reads[i].value, cachedReads[i].value),
                "the lookup cache does not change the facts read");
    }
    const auto applied = rg::policy::apply(rule, facts);
    require(applied.ok() && sameJson(applied.value(), plain.value()),
            "apply() is compile() and evaluate()");
    return 0;
}
