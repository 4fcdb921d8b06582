// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A training scenario file as Scenario::load and the scenario library read it: the JSON text,
// the reader's checks of structure and spellings, then validateScenario()'s checks of the whole
// document (node graph, cues, intents, the case).

#include "model/jsontext.h"
#include "training/scenario.h"

#include "fuzzsupport.h"

using namespace Qt::StringLiterals;
using rg::fuzz::require;
using rg::training::Scenario;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString path = u"scenarios/fuzz.json"_s;
    const auto document = rg::model::parseJsonText(rg::fuzz::bytes(data, size), path);
    if (!document || !document.value().isObject())
        return 0;
    const auto scenario = Scenario::fromJson(document.value().object());
    if (!scenario) {
        require(!scenario.error().isEmpty(), "a refused scenario says why");
        return 0;
    }
    for (const rg::training::Problem &problem :
         rg::training::validateScenario(scenario.value(), path))
        require(!problem.text().isEmpty(), "a problem says what it is");
    const Scenario &s = scenario.value();
    for (const rg::training::ScenarioNode &node : s.nodes)
        require(s.node(node.id) != nullptr, "every node can be found by its id");
    return 0;
}
