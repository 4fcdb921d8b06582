// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringView>

namespace rg::model {

// Use me to read a JSON document from bytes written by people: a syntax error names the line
// and column as an editor does, after \a source (a file name, "line 3", ...).
Result<QJsonDocument> parseJsonText(const QByteArray &json, const QString &source);

// Reads a whole file; the error names the path and says why.
Result<QByteArray> readFileBytes(const QString &path);

// Reads the file at \a path as one JSON object (scenarios, answers, intents); every error
// starts with the path.
Result<QJsonObject> readJsonObjectFile(const QString &path);

// The JSON Pointer (RFC 6901) of member \a key, or item \a index, of the value at \a parent:
// where strict readers say an error is ("/order/items/2/sku").
QString jsonPointerTo(const QString &parent, QStringView key);
QString jsonPointerTo(const QString &parent, qsizetype index);

// A short rendering of an offending value for error messages: strings quoted and cut after 40
// characters (the value may be anything a CRM put there, personal data included), arrays and
// objects named, not shown.
QString describeJsonValue(const QJsonValue &value);

} // namespace rg::model
