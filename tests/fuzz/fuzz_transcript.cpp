// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Transcript JSONL as `refundguard-cli scan` reads it, line by line: each conversation parsed,
// judged with the built-in rule pack, policies and fusion weights (cues, risk fused with the
// line's "case", every action and agent message against the policies) and written as a result
// line and as the --explain text.

#include "batch/engine.h"
#include "batch/scanreport.h"
#include "model/conversation.h"

#include "fuzzfindings.h"
#include "fuzzsupport.h"

#include <QJsonDocument>

#include <memory>

using rg::fuzz::require;
using rg::model::Conversation;

namespace {

std::unique_ptr<rg::batch::Engine> engine;

void scanLine(QByteArrayView line)
{
    const auto conversation = Conversation::fromJsonLine(line);
    if (!conversation) {
        require(!conversation.error().isEmpty(), "a refused line says why");
        return;
    }
    const Conversation &c = conversation.value();
    const auto again = Conversation::fromJson(c.toJson());
    require(again.ok() && again.value() == c, "a conversation survives its JSON");
    const auto judgement = engine->judge(c, QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    if (!judgement) {
        require(!judgement.error().isEmpty(), "a conversation that cannot be judged says why");
        return;
    }
    rg::fuzz::requireQuoted(c.messages, judgement.value().detection.findings);
    const QByteArray result = rg::batch::resultLine(c, judgement.value());
    require(QJsonDocument::fromJson(result).isObject(), "a result line is a JSON object");
    require(!rg::batch::explainText(c, judgement.value()).isEmpty(), "--explain says something");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    auto loaded = rg::batch::Engine::load();
    require(loaded.ok(), "the built-in rule pack, policies and weights load");
    engine = std::move(loaded).value();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QList<QByteArray> lines = rg::fuzz::bytes(data, size).split('\n');
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty())
            scanLine(line);
    }
    return 0;
}
