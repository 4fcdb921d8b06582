// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// The entry points libFuzzer calls, and replaymain.cpp in the normal build. A target defines
// LLVMFuzzerInitialize only when it has something to set up once.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace rg::fuzz {

// Use me for what must hold whatever the input: a broken promise stops the run like a crash,
// under libFuzzer and in the replay alike.
inline void require(bool holds, const char *promise)
{
    if (!holds) {
        std::fprintf(stderr, "fuzz: broken promise: %s\n", promise);
        std::abort();
    }
}

// A copy, not QByteArray::fromRawData: Qt may read the terminating '\0' a raw view lacks.
inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// The members of \a object by name, taken by iterating: Qt 6.4's QJsonObject may list a key
// outside the Basic Multilingual Plane that it cannot find by name.
inline QMap<QString, QJsonValue> membersOf(const QJsonObject &object)
{
    QMap<QString, QJsonValue> members;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        members.insert(it.key(), it.value());
    return members;
}

// Equal as JSON: members by name whatever order Qt keeps them in (QJsonObject's operator== in
// Qt 6.4 compares in storage order, which can differ for equal objects), and NaN (what JSON
// Logic's arithmetic gives for non-numbers) equal to itself.
inline bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble() && std::isnan(a.toDouble()) && std::isnan(b.toDouble()))
        return true;
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameJson(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject() && b.isObject()) {
        const QMap<QString, QJsonValue> x = membersOf(a.toObject());
        const QMap<QString, QJsonValue> y = membersOf(b.toObject());
        if (x.keys() != y.keys())
            return false;
        for (auto i = x.constBegin(), j = y.constBegin(); i != x.constEnd(); ++i, ++j) {
            if (!sameJson(i.value(), j.value()))
                return false;
        }
        return true;
    }
    return a == b;
}

} // namespace rg::fuzz
