// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace rg::training {

// The scenario library compiled in from resources/scenarios (link rg_resources to have it).
inline const QString kShippedScenarioFolder = QStringLiteral(":/scenarios");

// The resource paths of the shipped scenarios (":/scenarios/<id>.json"), sorted by id.
QStringList shippedScenarios();

} // namespace rg::training
