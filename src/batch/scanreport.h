// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/judge.h"
#include "model/conversation.h"

#include <QByteArray>

namespace rg::batch {

// The scan result of one conversation as the CLI contract writes it: one JSON object and a
// newline (DESIGN.md, "refundguard-cli scan").
QByteArray resultLine(const model::Conversation &conversation, const Judgement &judgement);

// The same result as a report for people: risk, level, top reasons, quoted findings and the
// policy decisions with their citations.
QByteArray explainText(const model::Conversation &conversation, const Judgement &judgement);

} // namespace rg::batch
