// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace rg::model {

// Use me to read a JSON document from bytes written by people: a syntax error names the line
// and column as an editor does, after \a source (a file name, "line 3", ...).
Result<QJsonDocument> parseJsonText(const QByteArray &json, const QString &source);

// Reads a whole file; the error names the path and says why.
Result<QByteArray> readFileBytes(const QString &path);

// Reads the file at \a path as one JSON object (scenarios, answers, intents); every error
// starts with the path.
Result<QJsonObject> readJsonObjectFile(const QString &path);

} // namespace rg::model
