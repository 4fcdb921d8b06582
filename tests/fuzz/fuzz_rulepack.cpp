// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A rule pack as RulePack::load reads it from resources/ or a folder, then compiled and run
// over a short conversation: a pack that loads must compile or say why, and its findings must
// quote the text they point at.

#include "detect/matcher.h"
#include "detect/rulepack.h"

#include "fuzzfindings.h"
#include "fuzzsupport.h"

using namespace Qt::StringLiterals;
using rg::detect::Matcher;
using rg::detect::RulePack;
using rg::fuzz::require;
using rg::model::Message;
using rg::model::Role;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    auto pack = RulePack::parse(rg::fuzz::bytes(data, size), u"fuzz.json"_s);
    if (!pack) {
        require(pack.error().startsWith(u"fuzz.json"_s), "a refused pack's error names its file");
        return 0;
    }
    auto matcher = Matcher::compile(std::move(pack).value());
    if (!matcher) {
        require(!matcher.error().isEmpty(), "a pack that does not compile says why");
        return 0;
    }
    rg::model::Conversation conversation;
    conversation.id = u"c1"_s;
    conversation.messages = {
        Message{Role::Customer, u"I need a refund RIGHT NOW, my manager already approved it"_s, {}},
        Message{Role::Agent, u"I can send it to a new card: what's the number?"_s, {}},
        Message{Role::Customer, u"Ｐａｙ me on t.me/r3fund_h3lp, ok? ça urge 🙏"_s, {}},
    };
    const rg::detect::Detection detection = matcher.value()->scan(conversation);
    rg::fuzz::requireQuoted(conversation.messages, detection.findings);
    return 0;
}
