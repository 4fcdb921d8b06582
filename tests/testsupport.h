// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace rg::test {

// The error of a Result for QVERIFY2 messages, which Qt builds even when the check passes.
template<typename T>
QString errorOf(const rg::Result<T> &result)
{
    return result.ok() ? QString() : result.error();
}

// Whether \a data holds a complete HTTP answer: a head and the body its Content-Length announces.
inline bool httpAnswerComplete(const QByteArray &data)
{
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    qsizetype length = 0;
    for (const QByteArray &line : data.first(headEnd).split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    return data.size() >= headEnd + 4 + length;
}

// JSON equality with numbers compared as numbers (1 == 1.0) and arrays and objects deeply.
inline bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
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
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (!sameJson(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
}

// RFC 7386 JSON merge patch: objects merge key by key, null removes, anything else replaces.
inline QJsonValue mergePatch(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject patchObject = patch.toObject();
    for (auto it = patchObject.begin(); it != patchObject.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergePatch(result.value(it.key()), it.value()));
    }
    return result;
}

// One entry of the JSON Logic conformance file (tests/data/conformance/jsonlogic/tests.json).
struct ConformanceCase
{
    QString section; // the "# ..." comment before it, without the "# "
    int index = 0;   // its place within the section
    QJsonValue rule;
    QJsonValue data;
    QJsonValue expected;
};

// The entries of the conformance file in order; none when it cannot be read.
inline std::vector<ConformanceCase> conformanceCases()
{
    QFile file(QStringLiteral(RG_TEST_DATA_DIR "/conformance/jsonlogic/tests.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    std::vector<ConformanceCase> cases;
    QString section = QStringLiteral("(no section)");
    int index = 0;
    for (const QJsonValue &entry : QJsonDocument::fromJson(file.readAll()).array()) {
        if (entry.isString()) {
            section = entry.toString();
            if (section.startsWith(QStringLiteral("# ")))
                section = section.mid(2);
            index = 0;
            continue;
        }
        const QJsonArray test = entry.toArray();
        cases.push_back({section, index++, test.at(0), test.at(1), test.at(2)});
    }
    return cases;
}

} // namespace rg::test
