// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context/jsonpointer.h"
#include "model/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace rg::context {

// Use me to turn an existing CRM's response into a case document without code: each field is a
// JSON pointer into the case to build and one (or a list of fallbacks) into the response. The
// default mapping is the identity: the response is the case document. Format: fromJson().
class FieldMapping final
{
public:
    enum class Transform { None, UnixSeconds, DateTime, Bool, Number, String, Json };

    struct Field
    {
        JsonPointer target;
        QList<JsonPointer> sources;             // the first one present wins
        std::optional<QJsonValue> customField;  // Zendesk: {"id": N, "value": V} in an array
        std::optional<JsonPointer> whereKey;    // element member compared ...
        std::optional<JsonPointer> whereEquals; // ... with this value of the response
        QList<JsonPointer> then;                // inside the element found; the first present wins
        Transform transform = Transform::None;
        QJsonObject map;
        QJsonValue otherwise = QJsonValue::Undefined; // for values the map does not list
        QJsonValue fallback = QJsonValue::Undefined;  // "default": when the source is absent
        bool optional = false;
    };

    struct Constant
    {
        JsonPointer target;
        QJsonValue value;
    };

    FieldMapping() = default;

    static Result<FieldMapping> fromJson(const QJsonObject &json, const QString &origin);
    static Result<FieldMapping> load(const QString &path);
    static Result<FieldMapping> preset(const QString &name);
    static QStringList presetNames();

    bool isIdentity() const { return m_fields.isEmpty() && m_constants.isEmpty(); }
    const QString &id() const { return m_id; }
    const QString &description() const { return m_description; }
    const QString &pathTemplate() const { return m_path; }
    const QMap<QString, QString> &parameters() const { return m_parameters; }
    const QByteArray &authHeader() const { return m_authHeader; }
    const QString &authScheme() const { return m_authScheme; }
    const QList<Field> &fields() const { return m_fields; }
    const QList<Constant> &constants() const { return m_constants; }

    Result<QJsonObject> apply(const QJsonValue &response) const;


private:
    QString m_id = QStringLiteral("identity");
    QString m_description;
    QString m_path;
    QMap<QString, QString> m_parameters; // path placeholder -> what to put there
    QByteArray m_authHeader = QByteArrayLiteral("Authorization");
    QString m_authScheme = QStringLiteral("Bearer");
    QList<Field> m_fields;
    QList<Constant> m_constants;
};

} // namespace rg::context
