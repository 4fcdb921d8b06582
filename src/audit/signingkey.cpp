// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/signingkey.h"

#include "model/jsontext.h"
#include "model/secretfile.h"
#include "model/sodium.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace rg::audit {

using namespace Qt::StringLiterals;

namespace {

static_assert(crypto_sign_PUBLICKEYBYTES == 32);
static_assert(crypto_sign_BYTES == 64);

constexpr char kPublicPrefix[] = "ed25519:";
constexpr qsizetype kPublicPrefixSize = sizeof(kPublicPrefix) - 1;

Error sodiumUnavailable()
{
    return Error{u"cannot initialise libsodium, so no audit signing key can be used"_s};
}

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

const model::Ed25519SecretKey::FileKind &keyFile()
{
    static const model::Ed25519SecretKey::FileKind kind{"refundguard-ed25519-secret-key v1\n",
                                                        u"audit signing key"_s};
    return kind;
}

} // namespace

// Loads the key at path, creating a new key pair there (and owner-only parent directories) when
// the file does not exist. Any other problem with an existing file is an error: a key that cannot
// be read is never replaced, because checkpoints signed with it would no longer verify against the
// published public key. When several processes or threads race on a missing file, all of them end
// up with the one key that was stored first.
Result<SigningKey> SigningKey::loadOrCreate(const QString &path)
{
    if (!model::sodiumReady())
        return sodiumUnavailable();
    bool missing = false;
    auto read = model::Ed25519SecretKey::readFile(path, keyFile(), &missing);
    if (read)
        return SigningKey(std::move(read).value());
    if (!missing)
        return Error{read.error()};

    SigningKey key(model::Ed25519SecretKey::generate());
    const Result<model::SecretFilePublish> published = key.m_key.publishFile(path, keyFile());
    if (!published)
        return Error{published.error()};
    if (published.value() == model::SecretFilePublish::AlreadyThere)
        return load(path);
    return key;
}

// Loads the key at path. Refuses, naming the path, a missing file, one that group or others may
// read or write, and one that is not exactly a v1 key whose halves belong together.
Result<SigningKey> SigningKey::load(const QString &path)
{
    if (!model::sodiumReady())
        return sodiumUnavailable();
    auto read = model::Ed25519SecretKey::readFile(path, keyFile(), nullptr);
    if (!read)
        return Error{read.error()};
    return SigningKey(std::move(read).value());
}

// The key pair whose 32-byte secret seed is seed32 (RFC 8032's "secret key"). For test vectors and
// keys kept elsewhere; an installation key comes from loadOrCreate.
Result<SigningKey> SigningKey::fromSeed(const QByteArray &seed32)
{
    if (!model::sodiumReady())
        return sodiumUnavailable();
    auto key = model::Ed25519SecretKey::fromSeed(seed32);
    if (!key)
        return Error{key.error()};
    return SigningKey(std::move(key).value());
}

// The 32 raw bytes others verify this installation's signatures with.
QByteArray SigningKey::publicKey() const
{
    return m_key.publicKey();
}

// The 64-byte detached Ed25519 signature of message. Ed25519 is deterministic: the same key and
// message always give the same signature.
QByteArray SigningKey::sign(const QByteArray &message) const
{
    return m_key.sign(message);
}

// This key's fingerprint, as keyFingerprint gives it.
QString SigningKey::fingerprint() const
{
    return keyFingerprint(publicKey());
}

// Whether signature is publicKey's Ed25519 signature of message. Keys and signatures of the wrong
// size are simply not valid ones.
bool verifySignature(const QByteArray &publicKey, const QByteArray &message,
                     const QByteArray &signature)
{
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    if (!model::sodiumReady())
        return false;
    return crypto_sign_verify_detached(bytes(signature), bytes(message),
                                       static_cast<unsigned long long>(message.size()),
                                       bytes(publicKey))
           == 0;
}

// A short name for a public key that people can compare by eye: the first 16 bytes of its
// SHA-256 as 32 lower-case hex digits.
QString keyFingerprint(const QByteArray &publicKey)
{
    const QByteArray digest = QCryptographicHash::hash(publicKey, QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.first(16).toHex());
}

// publicKey (32 bytes) as a public key file: a "# Refund Guard audit key <fingerprint>" comment
// line, then "ed25519:<base64>". Files of several keys are these texts put one after another.
QByteArray publicKeyFileText(const QByteArray &publicKey)
{
    return "# Refund Guard audit key "_ba + keyFingerprint(publicKey).toLatin1() + '\n'
           + kPublicPrefix + publicKey.toBase64() + '\n';
}

// The keys of a public key file, in file order: one "ed25519:<base64 of 32 bytes>" per line,
// with blank lines and lines starting with '#' ignored. Errors name the file and the line.
Result<QList<QByteArray>> readPublicKeys(const QString &path)
{
    const Result<QByteArray> text = model::readFileBytes(path);
    if (!text)
        return Error{text.error()};
    QList<QByteArray> keys;
    const QList<QByteArray> lines = text.value().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        // trimmed() also takes the '\r' of files edited on Windows.
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QString where = u"%1: line %2: "_s.arg(path, QString::number(i + 1));
        if (!line.startsWith(kPublicPrefix))
            return Error{where + u"expected \"ed25519:<base64 of the public key>\""_s};
        const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
            line.mid(kPublicPrefixSize), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return Error{where + u"the public key is not valid base64"_s};
        if (decoded.decoded.size() != crypto_sign_PUBLICKEYBYTES) {
            return Error{
                where
                + u"the public key has %1 bytes instead of %2"_s.arg(decoded.decoded.size())
                      .arg(crypto_sign_PUBLICKEYBYTES)};
        }
        keys.append(decoded.decoded);
    }
    return keys;
}

// Where this installation keeps its signing key: $RG_AUDIT_KEY when set, else audit-signing.key
// in the application data directory. Empty when neither gives a place.
QString defaultKeyPath()
{
    return model::defaultSecretFilePath("RG_AUDIT_KEY", u"audit-signing.key"_s);
}

} // namespace rg::audit
