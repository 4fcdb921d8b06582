// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/ed25519key.h"
#include "model/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rg::audit {

// Use me to sign audit checkpoints as this installation.
class SigningKey final
{
public:
    static Result<SigningKey> loadOrCreate(const QString &path);
    static Result<SigningKey> load(const QString &path);
    static Result<SigningKey> fromSeed(const QByteArray &seed32);

    QByteArray publicKey() const;
    QByteArray sign(const QByteArray &message) const;
    QString fingerprint() const;

private:
    explicit SigningKey(model::Ed25519SecretKey key)
        : m_key(std::move(key))
    {}

    model::Ed25519SecretKey m_key; // wiped when destroyed or moved from
};

bool verifySignature(const QByteArray &publicKey, const QByteArray &message,
                     const QByteArray &signature);
QString keyFingerprint(const QByteArray &publicKey);

QByteArray publicKeyFileText(const QByteArray &publicKey);
Result<QList<QByteArray>> readPublicKeys(const QString &path);

QString defaultKeyPath();

} // namespace rg::audit
