// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/jsontext.h"

#include <QFile>

#include <algorithm>

namespace rg::model {

using namespace Qt::StringLiterals;

Result<QJsonDocument> parseJsonText(const QByteArray &json, const QString &source)
{
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return document;
    const QByteArrayView before =
        QByteArrayView(json).first(std::clamp<qsizetype>(parseError.offset, 0, json.size()));
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = before.size() - (before.lastIndexOf('\n') + 1) + 1;
    return Error{source + u": not valid JSON at line %1, column %2: %3"_s.arg(line).arg(column).arg(
                     parseError.errorString())};
}

Result<QByteArray> readFileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path + u": cannot read: "_s + file.errorString()};
    return file.readAll();
}

Result<QJsonObject> readJsonObjectFile(const QString &path)
{
    const auto bytes = readFileBytes(path);
    if (!bytes)
        return Error{bytes.error()};
    const auto document = parseJsonText(bytes.value(), path);
    if (!document)
        return Error{document.error()};
    if (!document.value().isObject())
        return Error{path + u": expected a JSON object"_s};
    return document.value().object();
}

} // namespace rg::model
