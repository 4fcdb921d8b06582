// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QJsonValue>

namespace rg::audit {

// Use me when bytes must be identical wherever the same JSON is hashed or signed (RFC 8785).
Result<QByteArray> canonicalJson(const QJsonValue &value);
Result<QByteArray> canonicalJson(const QByteArray &json);

// One number as RFC 8785 writes it (ECMAScript Number.prototype.toString).
Result<QByteArray> canonicalNumber(double value);

} // namespace rg::audit
