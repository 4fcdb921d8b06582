// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

class QHttpServerRequest;

namespace rg::feed {

// Use me to check the secrets and headers of requests to the local HTTP servers.
enum class BearerCheck { Missing, Wrong, Valid };

bool sameSecret(const QByteArray &given, const QByteArray &expected);
QByteArray headerValue(const QHttpServerRequest &request, QByteArrayView name);
BearerCheck checkBearer(const QHttpServerRequest &request, const QByteArray &token);

} // namespace rg::feed
