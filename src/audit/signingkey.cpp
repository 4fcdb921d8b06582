// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/signingkey.h"

#include "model/jsontext.h"
#include "model/secretfile.h"
#include "model/sodium.h"

#include <QCryptographicHash>
#include <QFile>
#include <QScopeGuard>

#include <sodium.h>

#include <cstring>

namespace rg::audit {

using namespace Qt::StringLiterals;

namespace {

static_assert(crypto_sign_SECRETKEYBYTES == 64, "m_secret is sized for libsodium's secret key");
static_assert(crypto_sign_PUBLICKEYBYTES == 32);
static_assert(crypto_sign_SEEDBYTES == 32);
static_assert(crypto_sign_BYTES == 64);

using SecretKey = std::array<unsigned char, crypto_sign_SECRETKEYBYTES>;

constexpr char kSecretHeader[] = "refundguard-ed25519-secret-key v1\n";
constexpr size_t kSecretHeaderSize = sizeof(kSecretHeader) - 1;
constexpr char kPublicPrefix[] = "ed25519:";
constexpr qsizetype kPublicPrefixSize = sizeof(kPublicPrefix) - 1;
// A v1 key file is 124 bytes. Anything much larger is not one, and reading it whole would only
// spread whatever it holds over more memory.
constexpr size_t kMaxSecretFileSize = 4096;

Error sodiumUnavailable()
{
    return Error{u"cannot initialise libsodium, so no audit signing key can be used"_s};
}

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

// What errors call the file.
QString keyName()
{
    return u"audit signing key"_s;
}

// Reads and checks a secret key file into secret. *missing (when given) tells the caller that the
// file does not exist, the one failure loadOrCreate answers by creating a key.
Result<bool> readSecretKey(const QString &path, SecretKey &secret, bool *missing)
{
    // The file's text and its decoded bytes live in fixed buffers that are wiped on every way
    // out, rather than in QByteArrays whose reallocations would leave copies of the key behind.
    std::array<char, kMaxSecretFileSize + 1> text;
    const auto wipeText = qScopeGuard([&text] { sodium_memzero(text.data(), text.size()); });
    const Result<size_t> read = model::readSecretFile(path, text, keyName(), missing);
    if (!read)
        return Error{read.error()};
    const size_t size = read.value();

    if (size < kSecretHeaderSize
        || std::memcmp(text.data(), kSecretHeader, kSecretHeaderSize) != 0) {
        return Error{
            path
            + u": not a Refund Guard audit signing key (the first line must be \"%1\")"_s.arg(
                QString::fromLatin1(kSecretHeader, kSecretHeaderSize - 1))};
    }
    size_t end = size;
    while (end > kSecretHeaderSize && (text[end - 1] == '\n' || text[end - 1] == '\r'))
        --end;

    std::array<unsigned char, kMaxSecretFileSize> decoded;
    const auto wipeDecoded
        = qScopeGuard([&decoded] { sodium_memzero(decoded.data(), decoded.size()); });
    size_t decodedSize = 0;
    // No characters to ignore and no end pointer: one stray byte, a missing '=' or non-zero
    // padding bits all fail, so only one spelling of a key is accepted.
    if (sodium_base642bin(decoded.data(), decoded.size(), text.data() + kSecretHeaderSize,
                          end - kSecretHeaderSize, nullptr, &decodedSize, nullptr,
                          sodium_base64_VARIANT_ORIGINAL)
        != 0) {
        return Error{path + u": the audit signing key is not valid base64"_s};
    }
    if (decodedSize != crypto_sign_SECRETKEYBYTES) {
        return Error{path
                     + u": the audit signing key holds %1 bytes instead of %2"_s.arg(decodedSize)
                           .arg(crypto_sign_SECRETKEYBYTES)};
    }

    // libsodium keeps the public key in the second half and signs with it as stored; a damaged
    // half would yield signatures nobody can verify, so derive it afresh from the seed and compare.
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> stored;
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> derived;
    SecretKey rederived;
    const auto wipeRederived
        = qScopeGuard([&rederived] { sodium_memzero(rederived.data(), rederived.size()); });
    crypto_sign_ed25519_sk_to_pk(stored.data(), decoded.data());
    crypto_sign_seed_keypair(derived.data(), rederived.data(), decoded.data());
    if (sodium_memcmp(stored.data(), derived.data(), stored.size()) != 0) {
        return Error{path
                     + u": the audit signing key is damaged: its public half does not belong to "
                       "its secret half"_s};
    }

    std::memcpy(secret.data(), decoded.data(), secret.size());
    return true;
}

// Writes secret to path unless a key is already there (see model::publishSecretFile).
Result<model::SecretFilePublish> publishNewKey(const QString &path, const SecretKey &secret)
{
    // Constant-size text in a buffer wiped on the way out, for the reason given in readSecretKey.
    constexpr size_t base64Size
        = sodium_base64_ENCODED_LEN(crypto_sign_SECRETKEYBYTES, sodium_base64_VARIANT_ORIGINAL);
    std::array<char, kSecretHeaderSize + base64Size> text;
    const auto wipeText = qScopeGuard([&text] { sodium_memzero(text.data(), text.size()); });
    std::memcpy(text.data(), kSecretHeader, kSecretHeaderSize);
    sodium_bin2base64(text.data() + kSecretHeaderSize, base64Size, secret.data(), secret.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    // base64Size counts the terminating NUL, whose place the final newline takes.
    text[text.size() - 1] = '\n';
    return model::publishSecretFile(path, text, keyName());
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
    SigningKey key;
    bool missing = false;
    const Result<bool> read = readSecretKey(path, key.m_secret, &missing);
    if (read)
        return key;
    if (!missing)
        return Error{read.error()};

    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> publicKey;
    crypto_sign_keypair(publicKey.data(), key.m_secret.data());
    const Result<model::SecretFilePublish> published = publishNewKey(path, key.m_secret);
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
    SigningKey key;
    const Result<bool> read = readSecretKey(path, key.m_secret, nullptr);
    if (!read)
        return Error{read.error()};
    return key;
}

// The key pair whose 32-byte secret seed is seed32 (RFC 8032's "secret key"). For test vectors and
// keys kept elsewhere; an installation key comes from loadOrCreate.
Result<SigningKey> SigningKey::fromSeed(const QByteArray &seed32)
{
    if (!model::sodiumReady())
        return sodiumUnavailable();
    if (seed32.size() != crypto_sign_SEEDBYTES) {
        return Error{u"the Ed25519 seed has %1 bytes instead of %2"_s.arg(seed32.size())
                         .arg(crypto_sign_SEEDBYTES)};
    }
    SigningKey key;
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> publicKey;
    crypto_sign_seed_keypair(publicKey.data(), key.m_secret.data(), bytes(seed32));
    return key;
}

SigningKey::SigningKey(const SigningKey &other) = default;
SigningKey &SigningKey::operator=(const SigningKey &other) = default;

// A moved-from key is wiped: it no longer holds the secret and may only be assigned or destroyed.
SigningKey::SigningKey(SigningKey &&other) noexcept
    : m_secret(other.m_secret)
{
    sodium_memzero(other.m_secret.data(), other.m_secret.size());
}

SigningKey &SigningKey::operator=(SigningKey &&other) noexcept
{
    if (this != &other) {
        m_secret = other.m_secret;
        sodium_memzero(other.m_secret.data(), other.m_secret.size());
    }
    return *this;
}

SigningKey::~SigningKey()
{
    sodium_memzero(m_secret.data(), m_secret.size());
}

// The 32 raw bytes others verify this installation's signatures with.
QByteArray SigningKey::publicKey() const
{
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> publicKey;
    crypto_sign_ed25519_sk_to_pk(publicKey.data(), m_secret.data());
    return QByteArray(reinterpret_cast<const char *>(publicKey.data()), publicKey.size());
}

// The 64-byte detached Ed25519 signature of message. Ed25519 is deterministic: the same key and
// message always give the same signature.
QByteArray SigningKey::sign(const QByteArray &message) const
{
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         bytes(message), static_cast<unsigned long long>(message.size()),
                         m_secret.data());
    return signature;
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
