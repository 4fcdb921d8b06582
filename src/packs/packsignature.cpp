// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "packs/packsignature.h"

#include "model/jsontext.h"
#include "model/secretfile.h"
#include "model/sodium.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>

#include <sodium.h>

namespace rg::packs {

using namespace Qt::StringLiterals;

namespace {

static_assert(crypto_sign_PUBLICKEYBYTES == 32);
static_assert(crypto_sign_BYTES == 64);

// A signature file is about 150 bytes; a much larger one is not one.
constexpr qsizetype kMaxSignatureFileSize = 4096;
constexpr qsizetype kKeyIdBytes = 8;

Error sodiumUnavailable()
{
    return Error{u"cannot initialise libsodium, so packs cannot be signed or verified"_s};
}

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

const model::Ed25519SecretKey::FileKind &keyFile()
{
    static const model::Ed25519SecretKey::FileKind kind{"refundguard-pack-secret-key v1\n",
                                                        u"pack signing key"_s};
    return kind;
}

} // namespace

// A fresh random key pair.
Result<PackSigningKey> PackSigningKey::generate()
{
    if (!model::sodiumReady())
        return sodiumUnavailable();
    return PackSigningKey(model::Ed25519SecretKey::generate());
}

// Loads the secret key file at \a path as save() wrote it. Refuses, naming the path, a file that
// group or others may access, one that is not a v1 key, and one whose halves do not belong
// together (its signatures would verify against no published key).
Result<PackSigningKey> PackSigningKey::load(const QString &path)
{
    if (!model::sodiumReady())
        return sodiumUnavailable();
    auto read = model::Ed25519SecretKey::readFile(path, keyFile(), nullptr);
    if (!read)
        return Error{read.error()};
    return PackSigningKey(std::move(read).value());
}

/*!
 * Writes the key to \a path: a "refundguard-pack-secret-key v1" line and the base64 of
 * libsodium's 64-byte secret key, created with mode 0600 (parent folders owner-only). An
 * existing file is never replaced: it may be the only copy of the key the installed apps trust.
 */
Result<bool> PackSigningKey::save(const QString &path) const
{
    const auto published = m_key.publishFile(path, keyFile());
    if (!published)
        return Error{published.error()};
    if (published.value() == model::SecretFilePublish::AlreadyThere)
        return Error{path + u": a file is already there; it was not overwritten"_s};
    return true;
}

QByteArray PackSigningKey::publicKey() const
{
    return m_key.publicKey();
}

/*!
 * The signature file for a pack file of exactly \a bytes: one JSON object
 * {"format": "refundguard-pack-signature/1", "key_id": "<16 hex digits>", "signature": "<base64
 * of the 64-byte detached Ed25519 signature>"} and a newline.
 */
QByteArray PackSigningKey::signatureFile(const QByteArray &message) const
{
    const QByteArray signature = m_key.sign(message);
    const QJsonObject object{{u"format"_s, QString::fromLatin1(kSignatureFormat)},
                             {u"key_id"_s, keyId(publicKey())},
                             {u"signature"_s, QString::fromLatin1(signature.toBase64())}};
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QString signatureFilePath(const QString &path)
{
    return path + u".sig"_s;
}

QString keyId(const QByteArray &publicKey)
{
    std::array<unsigned char, crypto_generichash_BYTES> hash{};
    if (!model::sodiumReady())
        return {};
    crypto_generichash(hash.data(), hash.size(), bytes(publicKey),
                       static_cast<unsigned long long>(publicKey.size()), nullptr, 0);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(hash.data()), kKeyIdBytes).toHex());
}

Result<QByteArray> parsePublicKey(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(text.trimmed().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Error{u"not a base64 public key"_s};
    if (decoded.decoded.size() != crypto_sign_PUBLICKEYBYTES) {
        return Error{u"the public key has %1 bytes instead of %2"_s.arg(decoded.decoded.size())
                         .arg(crypto_sign_PUBLICKEYBYTES)};
    }
    return decoded.decoded;
}

QByteArray publicKeyFileText(const QByteArray &publicKey)
{
    return "# Refund Guard pack key "_ba + keyId(publicKey).toLatin1() + '\n' + publicKey.toBase64()
           + '\n';
}

/*!
 * The keys \a keyOrFile gives: the key itself when it is base64 of 32 bytes, else the keys of
 * that file, one a line, with blank lines and '#' comments ignored. Errors name the file and
 * the line.
 */
Result<QList<QByteArray>> readPublicKeys(const QString &keyOrFile)
{
    if (auto key = parsePublicKey(keyOrFile))
        return QList<QByteArray>{key.value()};
    const auto text = model::readFileBytes(keyOrFile);
    if (!text) {
        return Error{u"%1 is neither a base64 public key nor a readable key file (%2)"_s.arg(
            keyOrFile, text.error())};
    }
    QList<QByteArray> keys;
    const QList<QByteArray> lines = text.value().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        auto key = parsePublicKey(QString::fromLatin1(line));
        if (!key)
            return Error{u"%1: line %2: %3"_s.arg(keyOrFile).arg(i + 1).arg(key.error())};
        keys.append(key.value());
    }
    if (keys.isEmpty())
        return Error{keyOrFile + u": no public key in this file"_s};
    return keys;
}

/*!
 * Whether \a signatureText is a well-formed signature file whose signature, by one of \a keys,
 * covers exactly \a message. The key is picked by the file's key_id, so a signature by a key
 * that is not trusted is named as such rather than as a bad signature.
 */
Result<QString> verifyPackBytes(const QByteArray &message, const QByteArray &signatureText,
                                const QList<QByteArray> &keys, const QString &name)
{
    if (!model::sodiumReady())
        return sodiumUnavailable();
    const QString sigName = signatureFilePath(name);
    if (signatureText.size() > kMaxSignatureFileSize)
        return Error{sigName + u": not a pack signature file (too large)"_s};
    const auto document = model::parseJsonText(signatureText, sigName);
    if (!document)
        return Error{document.error() + u" (a malformed signature file)"_s};
    if (!document.value().isObject())
        return Error{sigName + u": malformed signature file: expected a JSON object"_s};
    const QJsonObject object = document.value().object();
    if (object.value(u"format"_s).toString() != QLatin1StringView(kSignatureFormat)) {
        return Error{sigName
                     + u": malformed signature file: \"format\" must be \"%1\""_s.arg(
                         QLatin1StringView(kSignatureFormat))};
    }
    const QString id = object.value(u"key_id"_s).toString();
    if (id.size() != kKeyIdBytes * 2)
        return Error{sigName + u": malformed signature file: \"key_id\" must be 16 hex digits"_s};
    const auto signature
        = QByteArray::fromBase64Encoding(object.value(u"signature"_s).toString().toLatin1(),
                                         QByteArray::AbortOnBase64DecodingErrors);
    if (!signature || signature.decoded.size() != crypto_sign_BYTES) {
        return Error{
            sigName
            + u": malformed signature file: \"signature\" must be base64 of %1 bytes"_s.arg(
                crypto_sign_BYTES)};
    }
    for (const QByteArray &key : keys) {
        if (keyId(key) != id || key.size() != crypto_sign_PUBLICKEYBYTES)
            continue;
        if (crypto_sign_verify_detached(bytes(signature.decoded), bytes(message),
                                        static_cast<unsigned long long>(message.size()), bytes(key))
            == 0) {
            return id;
        }
        return Error{name
                     + u": the signature does not match the file (altered, or signed "
                       u"with another key of the same id)"_s};
    }
    return Error{name + u": signed with key %1, which is not a trusted key"_s.arg(id)};
}

Result<QString> verifyPackFile(const QString &path, const QList<QByteArray> &keys,
                               QByteArray *verifiedBytes)
{
    const auto message = model::readFileBytes(path);
    if (!message)
        return Error{message.error()};
    const QString sigPath = signatureFilePath(path);
    QFile sigFile(sigPath);
    if (!sigFile.exists())
        return Error{path + u": unsigned (there is no %1)"_s.arg(sigPath)};
    if (!sigFile.open(QIODevice::ReadOnly))
        return Error{sigPath + u": cannot read: "_s + sigFile.errorString()};
    auto keyId
        = verifyPackBytes(message.value(), sigFile.read(kMaxSignatureFileSize + 1), keys, path);
    if (keyId && verifiedBytes)
        *verifiedBytes = message.value();
    return keyId;
}

} // namespace rg::packs
