// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/bridgetoken.h"

#include "model/secretfile.h"

#include <QByteArray>
#include <QRandomGenerator>

#include <array>

namespace rg::feed {

using namespace Qt::StringLiterals;

namespace {

// What errors call the file.
QString tokenName()
{
    return u"bridge token"_s;
}
constexpr qsizetype kTokenBytes = 32;
// 32 bytes in unpadded base64url.
constexpr qsizetype kTokenLength = 43;
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// A token file holds the token and a newline; anything else is not one of ours.
Result<QString> readToken(const QString &path, bool *missing)
{
    std::array<char, 256> text{};
    const Result<std::size_t> read = model::readSecretFile(path, text, tokenName(), missing);
    if (!read)
        return Error{read.error()};
    QByteArray token(text.data(), static_cast<qsizetype>(read.value()));
    text.fill(0);
    while (token.endsWith('\n') || token.endsWith('\r'))
        token.chop(1);
    const auto decoded = QByteArray::fromBase64Encoding(
        token, kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (token.size() != kTokenLength || !decoded || decoded.decoded.size() != kTokenBytes)
        return Error{path + u": not a bridge token (43 characters of base64url expected)"_s};
    return QString::fromLatin1(token);
}

} // namespace

// The bearer token of this installation's bridge, read from path or, when the file does not
// exist, made there: 32 bytes from the system CSPRNG as unpadded base64url, in a file only its
// owner can read. A file that exists but is not a valid, owner-only token is an error rather
// than replaced, so that a damaged or exposed token is noticed instead of silently rotated.
// Concurrent callers all end up with the token that was stored first.
Result<QString> loadOrCreateBridgeToken(const QString &path)
{
    bool missing = false;
    Result<QString> existing = readToken(path, &missing);
    if (existing || !missing)
        return existing;

    std::array<quint32, kTokenBytes / sizeof(quint32)> random{};
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    const QByteArray token = QByteArray(reinterpret_cast<const char *>(random.data()), kTokenBytes)
                                 .toBase64(kBase64Url);
    random.fill(0);
    const QByteArray text = token + '\n';
    const auto published = model::publishSecretFile(path, text, tokenName());
    if (!published)
        return Error{published.error()};
    if (published.value() == model::SecretFilePublish::AlreadyThere)
        return readToken(path, nullptr);
    return QString::fromLatin1(token);
}

// Where this installation keeps its bridge token: $RG_BRIDGE_TOKEN_FILE when set, else
// bridge.token in the application data directory. Empty when neither gives a place.
QString defaultBridgeTokenPath()
{
    return model::defaultSecretFilePath("RG_BRIDGE_TOKEN_FILE", u"bridge.token"_s);
}

} // namespace rg::feed
