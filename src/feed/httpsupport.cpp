// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/httpsupport.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>

namespace rg::feed {

// Compares digests, not the strings: the time taken says nothing about how much of a guessed
// token was right, nor about its length.
bool sameSecret(const QByteArray &given, const QByteArray &expected)
{
    const QByteArray a = QCryptographicHash::hash(given, QCryptographicHash::Sha256);
    const QByteArray b = QCryptographicHash::hash(expected, QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

// The value of the first header called \a name (case-insensitive), empty when there is none.
QByteArray headerValue(const QHttpServerRequest &request, QByteArrayView name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// Whether \a request carries "Authorization: Bearer <token>". Missing also covers other schemes
// (Basic, ...), so that the caller can say a bearer token is what it needs.
BearerCheck checkBearer(const QHttpServerRequest &request, const QByteArray &token)
{
    const QByteArray authorization = headerValue(request, "Authorization");
    const bool bearer = authorization.size() > 7
                        && authorization.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0;
    if (!bearer)
        return BearerCheck::Missing;
    return sameSecret(authorization.mid(7).trimmed(), token) ? BearerCheck::Valid
                                                             : BearerCheck::Wrong;
}

} // namespace rg::feed
