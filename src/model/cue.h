// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/message.h"

#include <QLatin1StringView>
#include <QString>

#include <optional>
#include <span>

namespace rg::model {

// The cue taxonomy of CUES.md: stable ids, each observed on one side of the chat.
struct CueInfo
{
    QLatin1StringView id;
    Role side;
    QLatin1StringView title; // English; translated in the context "CueTitle"
};

std::span<const CueInfo> cues();
std::optional<CueInfo> findCue(QStringView id);

} // namespace rg::model
