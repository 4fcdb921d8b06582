// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detect/matcher.h"
#include "model/conversation.h"
#include "risk/riskscorer.h"

#include <QByteArray>

namespace rg::batch {

// The scan result of one conversation as the CLI contract writes it: one JSON object and a
// newline (DESIGN.md, "refundguard-cli scan").
QByteArray resultLine(const model::Conversation &conversation, const detect::Detection &detection,
                      const risk::Assessment &assessment);

// The same result as a report for people: risk, level, top reasons and quoted findings.
QByteArray explainText(const model::Conversation &conversation,
                       const detect::Detection &detection, const risk::Assessment &assessment);

} // namespace rg::batch
