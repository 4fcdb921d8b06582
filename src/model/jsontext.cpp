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
    const QByteArrayView before
        = QByteArrayView(json).first(std::clamp<qsizetype>(parseError.offset, 0, json.size()));
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = before.size() - (before.lastIndexOf('\n') + 1) + 1;
    return Error{source
                 + u": not valid JSON at line %1, column %2: %3"_s.arg(line).arg(column).arg(
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

// RFC 6901: "~" and "/" inside a key are escaped so the pointer stays unambiguous.
QString jsonPointerTo(const QString &parent, QStringView key)
{
    QString escaped = key.toString();
    escaped.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
    return parent + u'/' + escaped;
}

QString jsonPointerTo(const QString &parent, qsizetype index)
{
    return parent + u'/' + QString::number(index);
}

QString describeJsonValue(const QJsonValue &value)
{
    constexpr qsizetype kMaxShown = 40;
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::String: {
        const QString text = value.toString();
        return u'"' + (text.size() <= kMaxShown ? text : text.first(kMaxShown) + u"..."_s) + u'"';
    }
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

} // namespace rg::model
