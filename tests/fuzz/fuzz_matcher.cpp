// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The normaliser and the matcher over any chat text, with the built-in rule pack: both views
// folded with their offset maps, then the message scanned as the customer's and as the agent's.
// Findings must quote the text they point at.
//
// Input: the text as UTF-8; or, after a first byte 0xff (never in UTF-8), as UTF-16 code units,
// so that lone surrogates (which JSON's \u escapes can carry) reach the matcher too.

#include "detect/matcher.h"
#include "detect/normaliser.h"
#include "detect/rulepack.h"

#include "fuzzfindings.h"
#include "fuzzsupport.h"

#include <QString>

#include <memory>

using namespace Qt::StringLiterals;
using rg::detect::FoldedText;
using rg::detect::Matcher;
using rg::detect::Normaliser;
using rg::detect::View;
using rg::fuzz::require;
using rg::model::Message;
using rg::model::Role;

namespace {

std::unique_ptr<Matcher> matcher;
std::unique_ptr<Normaliser> normaliser;

QString textOf(const std::uint8_t *data, std::size_t size)
{
    if (size > 0 && data[0] == 0xff) {
        QString text(static_cast<qsizetype>((size - 1) / 2), Qt::Uninitialized);
        for (qsizetype i = 0; i < text.size(); ++i)
            text[i] = QChar(static_cast<char16_t>(data[1 + 2 * i] | data[2 + 2 * i] << 8));
        return text;
    }
    return QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// The offset map covers every byte of the folded text, with spans inside the original.
void requireMapped(const FoldedText &folded, int codePoints)
{
    require(folded.from.size() == folded.text.size() && folded.to.size() == folded.text.size(),
            "every folded byte has its original span");
    for (std::size_t i = 0; i < folded.text.size(); ++i) {
        require(folded.from[i] >= 0 && folded.from[i] <= folded.to[i] && folded.to[i] <= codePoints,
                "a folded byte comes from inside the original text");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    auto pack = rg::detect::RulePack::load(u":/rulepacks/default.json"_s);
    require(pack.ok(), "the built-in rule pack loads");
    auto compiled = Matcher::compile(std::move(pack).value());
    require(compiled.ok(), "the built-in rule pack compiles");
    matcher = std::move(compiled).value();
    normaliser = std::make_unique<Normaliser>();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = textOf(data, size);
    std::u32string codePoints;
    Normaliser::toCodePoints(text, codePoints);
    FoldedText folded;
    for (const View view : {View::Plain, View::Folded}) {
        normaliser->fold(codePoints, view, folded);
        requireMapped(folded, static_cast<int>(codePoints.size()));
    }
    const QList<Message> messages{Message{Role::Customer, text, {}},
                                  Message{Role::Agent, text, {}}};
    for (int turn = 0; turn < messages.size(); ++turn)
        rg::fuzz::requireQuoted(messages, matcher->scanMessage(turn, messages.at(turn)));
    return 0;
}
