// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"
#include "model/secretfile.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <string_view>

namespace rg::model {

// Use me to hold an Ed25519 secret key (libsodium's 64 bytes: the seed, then the public key)
// and keep it in a file: the key is wiped when destroyed or moved from, and its file is a first
// line naming what it is and the base64 of the 64 bytes. The audit signing key and the pack
// signing key are both one, each with its own first line and name. Create one only after
// sodiumReady() (model/sodium.h) said yes.
class Ed25519SecretKey final
{
public:
    // What the file is and what errors call it.
    struct FileKind
    {
        std::string_view header; // the first line, with its '\n'
        QString name;            // "audit signing key"
    };

    static Ed25519SecretKey generate();
    // Errors when \a seed32 is not 32 bytes.
    static Result<Ed25519SecretKey> fromSeed(const QByteArray &seed32);
    // Refuses, naming \a path, a file that group or others may access, one of another kind or
    // version, one not exactly the base64 of 64 bytes, and one whose halves do not belong
    // together. *missing (when given) says the file does not exist.
    static Result<Ed25519SecretKey> readFile(const QString &path, const FileKind &kind,
                                             bool *missing);

    Ed25519SecretKey(const Ed25519SecretKey &other) = default;
    Ed25519SecretKey &operator=(const Ed25519SecretKey &other) = default;
    Ed25519SecretKey(Ed25519SecretKey &&other) noexcept;
    Ed25519SecretKey &operator=(Ed25519SecretKey &&other) noexcept;
    ~Ed25519SecretKey();

    // Writes the key to \a path (mode 0600, owner-only parent folders) unless a file is there.
    Result<SecretFilePublish> publishFile(const QString &path, const FileKind &kind) const;
    // The 32 raw bytes others verify this key's signatures with.
    QByteArray publicKey() const;
    // The 64-byte detached signature of \a message (deterministic).
    QByteArray sign(const QByteArray &message) const;

private:
    Ed25519SecretKey() = default;

    std::array<unsigned char, 64> m_secret{};
};

} // namespace rg::model
