// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/ed25519key.h"

#include <QScopeGuard>

#include <sodium.h>

#include <cstring>

namespace rg::model {

using namespace Qt::StringLiterals;

namespace {

static_assert(crypto_sign_SECRETKEYBYTES == 64, "m_secret is sized for libsodium's secret key");
static_assert(crypto_sign_PUBLICKEYBYTES == 32);
static_assert(crypto_sign_SEEDBYTES == 32);
static_assert(crypto_sign_BYTES == 64);

// A key file is about 130 bytes. Anything much larger is not one, and reading it whole would only
// spread whatever it holds over more memory.
constexpr std::size_t kMaxSecretFileSize = 4096;
constexpr std::size_t kMaxHeaderSize = 64;
constexpr std::size_t kBase64Size
    = sodium_base64_ENCODED_LEN(crypto_sign_SECRETKEYBYTES, sodium_base64_VARIANT_ORIGINAL);

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

} // namespace

Ed25519SecretKey Ed25519SecretKey::generate()
{
    Ed25519SecretKey key;
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> publicKey;
    crypto_sign_keypair(publicKey.data(), key.m_secret.data());
    return key;
}

// The key pair whose 32-byte secret seed is \a seed32 (RFC 8032's "secret key").
Result<Ed25519SecretKey> Ed25519SecretKey::fromSeed(const QByteArray &seed32)
{
    if (seed32.size() != crypto_sign_SEEDBYTES) {
        return Error{u"the Ed25519 seed has %1 bytes instead of %2"_s.arg(seed32.size())
                         .arg(crypto_sign_SEEDBYTES)};
    }
    Ed25519SecretKey key;
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> publicKey;
    crypto_sign_seed_keypair(publicKey.data(), key.m_secret.data(), bytes(seed32));
    return key;
}

Result<Ed25519SecretKey> Ed25519SecretKey::readFile(const QString &path, const FileKind &kind,
                                                    bool *missing)
{
    // The file's text and its decoded bytes live in fixed buffers that are wiped on every way
    // out, rather than in QByteArrays whose reallocations would leave copies of the key behind.
    std::array<char, kMaxSecretFileSize + 1> text;
    const auto wipeText = qScopeGuard([&text] { sodium_memzero(text.data(), text.size()); });
    const Result<std::size_t> read = readSecretFile(path, text, kind.name, missing);
    if (!read)
        return Error{read.error()};
    const std::size_t size = read.value();
    const std::string_view header = kind.header;
    if (size < header.size() || std::memcmp(text.data(), header.data(), header.size()) != 0) {
        return Error{
            path
            + u": not a Refund Guard %1 (the first line must be \"%2\")"_s.arg(
                kind.name, QString::fromLatin1(header.data(), qsizetype(header.size()) - 1))};
    }
    std::size_t end = size;
    while (end > header.size() && (text[end - 1] == '\n' || text[end - 1] == '\r'))
        --end;

    std::array<unsigned char, kMaxSecretFileSize> decoded;
    const auto wipeDecoded
        = qScopeGuard([&decoded] { sodium_memzero(decoded.data(), decoded.size()); });
    std::size_t decodedSize = 0;
    // No characters to ignore and no end pointer: one stray byte, a missing '=' or non-zero
    // padding bits all fail, so only one spelling of a key is accepted.
    if (sodium_base642bin(decoded.data(), decoded.size(), text.data() + header.size(),
                          end - header.size(), nullptr, &decodedSize, nullptr,
                          sodium_base64_VARIANT_ORIGINAL)
        != 0) {
        return Error{path + u": the %1 is not valid base64"_s.arg(kind.name)};
    }
    if (decodedSize != crypto_sign_SECRETKEYBYTES) {
        return Error{path
                     + u": the %1 holds %2 bytes instead of %3"_s.arg(kind.name)
                           .arg(decodedSize)
                           .arg(crypto_sign_SECRETKEYBYTES)};
    }

    // libsodium keeps the public key in the second half and signs with it as stored; a damaged
    // half would yield signatures nobody can verify, so derive it afresh from the seed and compare.
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> stored;
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> derived;
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> rederived;
    const auto wipeRederived
        = qScopeGuard([&rederived] { sodium_memzero(rederived.data(), rederived.size()); });
    crypto_sign_ed25519_sk_to_pk(stored.data(), decoded.data());
    crypto_sign_seed_keypair(derived.data(), rederived.data(), decoded.data());
    if (sodium_memcmp(stored.data(), derived.data(), stored.size()) != 0) {
        return Error{path
                     + u": the %1 is damaged: its public half does not belong to its secret "
                       "half"_s.arg(kind.name)};
    }
    Ed25519SecretKey key;
    std::memcpy(key.m_secret.data(), decoded.data(), key.m_secret.size());
    return key;
}

// A moved-from key is wiped: it no longer holds the secret and may only be assigned or destroyed.
Ed25519SecretKey::Ed25519SecretKey(Ed25519SecretKey &&other) noexcept
    : m_secret(other.m_secret)
{
    sodium_memzero(other.m_secret.data(), other.m_secret.size());
}

Ed25519SecretKey &Ed25519SecretKey::operator=(Ed25519SecretKey &&other) noexcept
{
    if (this != &other) {
        m_secret = other.m_secret;
        sodium_memzero(other.m_secret.data(), other.m_secret.size());
    }
    return *this;
}

Ed25519SecretKey::~Ed25519SecretKey()
{
    sodium_memzero(m_secret.data(), m_secret.size());
}

Result<SecretFilePublish> Ed25519SecretKey::publishFile(const QString &path,
                                                        const FileKind &kind) const
{
    const std::string_view header = kind.header;
    Q_ASSERT(header.size() <= kMaxHeaderSize);
    // Constant-size text in a buffer wiped on the way out, for the reason given in readFile.
    std::array<char, kMaxHeaderSize + kBase64Size> text;
    const auto wipeText = qScopeGuard([&text] { sodium_memzero(text.data(), text.size()); });
    std::memcpy(text.data(), header.data(), header.size());
    sodium_bin2base64(text.data() + header.size(), kBase64Size, m_secret.data(), m_secret.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    // kBase64Size counts the terminating NUL, whose place the final newline takes.
    const std::size_t size = header.size() + kBase64Size;
    text[size - 1] = '\n';
    return publishSecretFile(path, std::span<const char>(text.data(), size), kind.name);
}

QByteArray Ed25519SecretKey::publicKey() const
{
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> publicKey;
    crypto_sign_ed25519_sk_to_pk(publicKey.data(), m_secret.data());
    return QByteArray(reinterpret_cast<const char *>(publicKey.data()), publicKey.size());
}

QByteArray Ed25519SecretKey::sign(const QByteArray &message) const
{
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         bytes(message), static_cast<unsigned long long>(message.size()),
                         m_secret.data());
    return signature;
}

} // namespace rg::model
