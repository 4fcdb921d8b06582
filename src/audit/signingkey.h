// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>

namespace rg::audit {

// Use me to sign audit checkpoints as this installation.
class SigningKey final
{
public:
    static Result<SigningKey> loadOrCreate(const QString &path);
    static Result<SigningKey> load(const QString &path);
    static Result<SigningKey> fromSeed(const QByteArray &seed32);

    SigningKey(const SigningKey &other);
    SigningKey &operator=(const SigningKey &other);
    SigningKey(SigningKey &&other) noexcept;
    SigningKey &operator=(SigningKey &&other) noexcept;
    ~SigningKey();

    QByteArray publicKey() const;
    QByteArray sign(const QByteArray &message) const;
    QString fingerprint() const;

private:
    SigningKey() = default;

    // libsodium's secret key: the 32-byte seed followed by the 32-byte public key.
    std::array<unsigned char, 64> m_secret{};
};

bool verifySignature(const QByteArray &publicKey, const QByteArray &message,
                     const QByteArray &signature);
QString keyFingerprint(const QByteArray &publicKey);

QByteArray publicKeyFileText(const QByteArray &publicKey);
Result<QList<QByteArray>> readPublicKeys(const QString &path);

QString defaultKeyPath();

} // namespace rg::audit
