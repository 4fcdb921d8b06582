// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/ed25519key.h"
#include "model/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rg::packs {

// The "format" of a pack signature file (README.md, "Signed packs").
inline constexpr char kSignatureFormat[] = "refundguard-pack-signature/1";

// Use me to sign rule and policy packs as the team that writes them; the key lives in an
// owner-only file written by keygen.
class PackSigningKey final
{
public:
    static Result<PackSigningKey> generate();
    static Result<PackSigningKey> load(const QString &path);

    // Writes the secret key to \a path (mode 0600, never over an existing file).
    Result<bool> save(const QString &path) const;
    QByteArray publicKey() const;
    // The text of the signature file of a pack file holding exactly \a message.
    QByteArray signatureFile(const QByteArray &message) const;

private:
    explicit PackSigningKey(model::Ed25519SecretKey key)
        : m_key(std::move(key))
    {}

    model::Ed25519SecretKey m_key; // wiped when destroyed or moved from
};

// "FILE.sig": where the signature of the pack file at \a path is kept.
QString signatureFilePath(const QString &path);

// The key id of a 32-byte Ed25519 public key: the first 8 bytes of its BLAKE2b-256 hash, hex.
QString keyId(const QByteArray &publicKey);

// A public key as written in settings and key files: base64 of 32 bytes.
Result<QByteArray> parsePublicKey(const QString &text);
// The text of a public key file: a "# Refund Guard pack key <id>" line and the key's base64.
QByteArray publicKeyFileText(const QByteArray &publicKey);
// \a keyOrFile is a base64 key itself, or a file of keys (one a line, '#' comments).
Result<QList<QByteArray>> readPublicKeys(const QString &keyOrFile);

// Checks that \a signatureText is a valid signature, by one of \a keys, of exactly \a message;
// returns the id of the key that signed. Errors start with \a name (the pack file).
Result<QString> verifyPackBytes(const QByteArray &message, const QByteArray &signatureText,
                                const QList<QByteArray> &keys, const QString &name);
// The same for the file at \a path and its signature file beside it; \a verifiedBytes, when
// given, receives the bytes that were verified, so a caller reads the file only once.
Result<QString> verifyPackFile(const QString &path, const QList<QByteArray> &keys,
                               QByteArray *verifiedBytes = nullptr);

} // namespace rg::packs
