// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QString>

namespace rg::feed {

Result<QString> loadOrCreateBridgeToken(const QString &path);
QString defaultBridgeTokenPath();

} // namespace rg::feed
