// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detect/matcher.h"
#include "model/conversation.h"
#include "model/result.h"

#include <QJsonObject>
#include <QString>

namespace rg::training {

// Use me to start a training scenario from a real (redacted) transcript: a linear fraud draft a
// trainer then edits. \a id must be a scenario id ([a-z0-9-]+), the file's base name.
Result<QJsonObject> draftScenario(const model::Conversation &conversation, const QString &id,
                                  detect::Matcher &matcher);

// The scenario language (scenarioLanguages()) \a texts are most likely written in, by their
// most common short words; "en" when nothing stands out.
QString guessLanguage(const QStringList &texts);

} // namespace rg::training
