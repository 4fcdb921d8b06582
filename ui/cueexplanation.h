// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace rg::ui {

// One sentence on what cue \a cueId is and why it matters (CUES.md), for a trainee's debrief or
// a tooltip beside cueTitle(); empty for an id outside the taxonomy.
QString cueExplanation(const QString &cueId);

} // namespace rg::ui
