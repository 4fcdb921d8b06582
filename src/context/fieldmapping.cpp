// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "context/fieldmapping.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

#include <cmath>

namespace rg::context {

using namespace Qt::StringLiterals;

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

struct TransformName
{
    FieldMapping::Transform transform;
    QLatin1StringView name;
};

constexpr TransformName kTransforms[] = {
    {FieldMapping::Transform::None, "none"_L1},
    {FieldMapping::Transform::UnixSeconds, "unix_seconds"_L1},
    {FieldMapping::Transform::DateTime, "date_time"_L1},
    {FieldMapping::Transform::Bool, "bool"_L1},
    {FieldMapping::Transform::Number, "number"_L1},
    {FieldMapping::Transform::String, "string"_L1},
    {FieldMapping::Transform::Json, "json"_L1},
};

const QStringList kFieldKeys
    = {u"pointer"_s, u"transform"_s, u"custom_field"_s, u"where"_s,   u"then"_s,
       u"map"_s,     u"otherwise"_s, u"default"_s,      u"optional"_s};
const QStringList kTopKeys = {u"id"_s,   u"description"_s, u"path"_s,      u"parameters"_s,
                              u"auth"_s, u"fields"_s,      u"constants"_s, u"$comment"_s};

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs).replace(u".000Z"_s, u"Z"_s);
}

// A number as text without a spurious ".0" or exponent for whole numbers (CRM ids).
QString numberText(double value)
{
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < kMaxExactInteger)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', 17);
}

std::optional<double> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double parsed = value.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(parsed))
            return parsed;
    }
    return std::nullopt;
}

// A value for an error message. Long strings are cut: a CRM field may hold personal data that
// has no business in a log.
QString describe(const QJsonValue &value)
{
    constexpr qsizetype kMaxShown = 40;
    if (value.isString()) {
        const QString text = value.toString();
        return u"\""_s + (text.size() <= kMaxShown ? text : text.first(kMaxShown) + u"..."_s)
               + u"\""_s;
    }
    if (value.isDouble())
        return numberText(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isNull())
        return u"null"_s;
    if (value.isArray())
        return u"an array"_s;
    if (value.isObject())
        return u"an object"_s;
    return u"nothing"_s;
}

// The text a value is looked up by in a "map".
QString keyOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return numberText(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return {};
}

Result<QJsonValue> transformValue(FieldMapping::Transform transform, const QJsonValue &value)
{
    using T = FieldMapping::Transform;
    switch (transform) {
    case T::None:
        return value;
    case T::UnixSeconds: {
        const auto seconds = numberOf(value);
        if (!seconds || std::fabs(*seconds) > 1e13)
            return Error{u"expected seconds since 1970 (unix_seconds), got "_s + describe(value)};
        const auto ms = static_cast<qint64>(std::llround(*seconds * 1000.0));
        return QJsonValue(isoUtc(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)));
    }
    case T::DateTime: {
        if (value.isString()) {
            const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
            if (time.isValid() && time.timeSpec() != Qt::LocalTime)
                return QJsonValue(isoUtc(time));
            // A bare date ("2024-03-01") is how CRMs store date-only attributes.
            const QString text = value.toString();
            const QDate date = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
            if (date.isValid())
                return QJsonValue(isoUtc(QDateTime(date, QTime(0, 0), Qt::UTC)));
        }
        if (value.isDouble())
            return transformValue(T::UnixSeconds, value);
        return Error{u"expected an ISO 8601 date-time with a zone or seconds since 1970, got "_s
                     + describe(value)};
    }
    case T::Bool: {
        if (value.isBool())
            return value;
        if (value.isDouble() && (value.toDouble() == 0.0 || value.toDouble() == 1.0))
            return QJsonValue(value.toDouble() == 1.0);
        if (value.isString()) {
            const QString text = value.toString().trimmed().toLower();
            if (text == u"true"_s || text == u"yes"_s || text == u"1"_s)
                return QJsonValue(true);
            if (text == u"false"_s || text == u"no"_s || text == u"0"_s || text.isEmpty())
                return QJsonValue(false);
        }
        return Error{u"expected a boolean, got "_s + describe(value)};
    }
    case T::Number: {
        const auto number = numberOf(value);
        if (!number)
            return Error{u"expected a number, got "_s + describe(value)};
        return QJsonValue(*number);
    }
    case T::String:
        if (value.isString() || value.isDouble() || value.isBool())
            return QJsonValue(keyOf(value));
        return Error{u"expected a string, number or boolean, got "_s + describe(value)};
    case T::Json: {
        if (!value.isString())
            return Error{u"expected a string holding JSON, got "_s + describe(value)};
        QJsonParseError parseError;
        // Wrapped so that scalars ("3", "true") parse as well as objects and arrays.
        const QJsonDocument document
            = QJsonDocument::fromJson("[" + value.toString().toUtf8() + "]", &parseError);
        if (parseError.error != QJsonParseError::NoError || document.array().size() != 1)
            return Error{u"the string is not JSON: "_s + parseError.errorString()};
        return document.array().at(0);
    }
    }
    return value;
}

Result<JsonPointer> pointerAt(const QJsonValue &value, const QString &where)
{
    if (!value.isString())
        return Error{where + u": expected a JSON pointer string"_s};
    auto pointer = JsonPointer::parse(value.toString());
    if (!pointer)
        return Error{where + u": "_s + pointer.error()};
    return pointer;
}

Result<FieldMapping::Field> parseField(const JsonPointer &target, const QJsonValue &spec,
                                       const QString &where)
{
    FieldMapping::Field field;
    field.target = target;
    if (spec.isString()) {
        auto source = pointerAt(spec, where);
        if (!source)
            return Error{source.error()};
        field.sources.append(source.value());
        return field;
    }
    if (!spec.isObject()) {
        return Error{where + u": expected a JSON pointer or an object with \"pointer\""_s};
    }
    const QJsonObject object = spec.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!kFieldKeys.contains(it.key())) {
            return Error{where + u": unknown key \""_s + it.key() + u"\" (expected one of "_s
                         + kFieldKeys.join(u", "_s) + u")"_s};
        }
    }
    const QJsonValue pointers = object.value(u"pointer"_s);
    if (pointers.isArray()) {
        const QJsonArray list = pointers.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            auto source
                = pointerAt(list.at(i), where + u".pointer["_s + QString::number(i) + u"]"_s);
            if (!source)
                return Error{source.error()};
            field.sources.append(source.value());
        }
        if (field.sources.isEmpty())
            return Error{where + u".pointer: the list of pointers is empty"_s};
    } else {
        auto source = pointerAt(pointers, where + u".pointer"_s);
        if (!source)
            return Error{source.error()};
        field.sources.append(source.value());
    }
    if (object.contains(u"transform"_s)) {
        const QString name = object.value(u"transform"_s).toString();
        bool known = false;
        for (const auto &entry : kTransforms) {
            if (name == entry.name) {
                field.transform = entry.transform;
                known = true;
            }
        }
        if (!known) {
            QStringList names;
            for (const auto &entry : kTransforms)
                names.append(QString(entry.name));
            return Error{where + u".transform: unknown transform \""_s + name
                         + u"\" (expected one of "_s + names.join(u", "_s) + u")"_s};
        }
    }
    if (object.contains(u"custom_field"_s)) {
        const QJsonValue id = object.value(u"custom_field"_s);
        if (!id.isDouble() && !id.isString())
            return Error{where + u".custom_field: expected the field's numeric id"_s};
        field.customField = id;
    }
    if (object.contains(u"where"_s)) {
        const QJsonObject condition = object.value(u"where"_s).toObject();
        if (condition.size() != 1) {
            return Error{where
                         + u".where: expected one {\"/member\": \"/pointer/in/response\"} "
                           "pair"_s};
        }
        auto key = JsonPointer::parse(condition.constBegin().key());
        if (!key)
            return Error{where + u".where: "_s + key.error()};
        auto equals = pointerAt(condition.constBegin().value(), where + u".where"_s);
        if (!equals)
            return Error{equals.error()};
        field.whereKey = key.value();
        field.whereEquals = equals.value();
    }
    if (field.customField && field.whereKey)
        return Error{where + u": \"custom_field\" and \"where\" cannot be combined"_s};
    if (object.contains(u"then"_s)) {
        if (!field.customField && !field.whereKey)
            return Error{where + u".then: only meaningful with \"where\" or \"custom_field\""_s};
        const QJsonValue then = object.value(u"then"_s);
        const QJsonArray list = then.isArray() ? then.toArray() : QJsonArray{then};
        for (qsizetype i = 0; i < list.size(); ++i) {
            auto pointer = pointerAt(list.at(i), where + u".then"_s);
            if (!pointer)
                return Error{pointer.error()};
            field.then.append(pointer.value());
        }
    }
    if (object.contains(u"map"_s)) {
        if (!object.value(u"map"_s).isObject())
            return Error{where + u".map: expected an object of value -> replacement"_s};
        field.map = object.value(u"map"_s).toObject();
    }
    if (object.contains(u"otherwise"_s)) {
        if (field.map.isEmpty())
            return Error{where + u".otherwise: only meaningful with \"map\""_s};
        field.otherwise = object.value(u"otherwise"_s);
    }
    if (object.contains(u"default"_s))
        field.fallback = object.value(u"default"_s);
    if (object.contains(u"optional"_s)) {
        if (!object.value(u"optional"_s).isBool())
            return Error{where + u".optional: expected true or false"_s};
        field.optional = object.value(u"optional"_s).toBool();
    }
    return field;
}

QString sourcesText(const FieldMapping::Field &field)
{
    QStringList texts;
    for (const JsonPointer &source : field.sources)
        texts.append(source.toString().isEmpty() ? u"(whole response)"_s : source.toString());
    return texts.join(u" | "_s);
}

// The value a field reads from the response, before transform and map; nothing when absent.
Result<std::optional<QJsonValue>> readField(const FieldMapping::Field &field,
                                            const QJsonValue &response)
{
    std::optional<QJsonValue> found;
    for (const JsonPointer &source : field.sources) {
        found = source.resolve(response);
        if (found && !found->isNull())
            break;
    }
    if (!found || found->isNull())
        return std::optional<QJsonValue>();
    if (!field.customField && !field.whereKey)
        return found;
    if (!found->isArray())
        return Error{u"expected an array to search, got "_s + describe(*found)};
    std::optional<QJsonValue> wanted;
    if (field.customField) {
        wanted = *field.customField;
    } else {
        // No value to match (an unassigned ticket's assignee_id) finds nothing, like a
        // missing member: "optional" and "default" decide what that means.
        wanted = field.whereEquals->resolve(response);
        if (!wanted || wanted->isNull())
            return std::optional<QJsonValue>();
    }
    const JsonPointer key
        = field.customField ? JsonPointer::parse(u"/id"_s).value() : *field.whereKey;
    // Ids are compared as text: Zendesk and Chatwoot ids are numbers, but a mapping written
    // with "360001234567" in quotes means the same field.
    const QString wantedKey = keyOf(*wanted);
    for (const QJsonValue &element : found->toArray()) {
        const auto elementKey = key.resolve(element);
        if (!elementKey || keyOf(*elementKey) != wantedKey || wantedKey.isEmpty())
            continue;
        // Zendesk's custom fields hold their value in "value"; a "where" match is the element.
        const QList<JsonPointer> thens
            = !field.then.isEmpty()
                  ? field.then
                  : QList<JsonPointer>{field.customField ? JsonPointer::parse(u"/value"_s).value()
                                                         : JsonPointer()};
        for (const JsonPointer &then : thens) {
            auto value = then.resolve(element);
            if (value && !value->isNull())
                return value;
        }
        return std::optional<QJsonValue>();
    }
    return std::optional<QJsonValue>();
}

} // namespace

/*!
 * Reads a mapping document; \a origin names it in errors (a file path or "chatwoot"):
 * \code
 * {"id": "chatwoot", "description": "...", "path": "/api/v1/accounts/{account}/conversations/{id}",
 *  "parameters": {"account": "what to put in {account}"},
 *  "auth": {"header": "api_access_token", "scheme": ""},
 *  "fields": {"/customer/id": "/meta/sender/id",
 *             "/customer/account_created": {"pointer": "/meta/sender/created_at",
 *                                           "transform": "unix_seconds"}},
 *  "constants": {"/schema_version": 1}}
 * \endcode
 * Keys of "fields" and "constants" point into the case document to build, values into the
 * CRM's response (RFC 6901). A field is a pointer, or an object with "pointer" (one or a list,
 * the first present wins) and optional "transform" (unix_seconds, date_time, bool, number,
 * string, json), "custom_field": N (the "value" of {"id": N, ...} in the array pointed at, as
 * Zendesk's custom_fields), "where": {"/id": "/ticket/requester_id"} with "then" (the element of
 * the array whose member equals that value, as Zendesk's users sideload; "then", one pointer or a
 * list, picks inside the element found), "map" with "otherwise"
 * (replace values, e.g. channel names), "default" (used when the value is absent or null) and
 * "optional" (leave the field out when absent). "path" (with {id} and other {placeholders}) and
 * "auth" (header and scheme; default "Authorization: Bearer") describe the request.
 */
Result<FieldMapping> FieldMapping::fromJson(const QJsonObject &json, const QString &origin)
{
    FieldMapping mapping;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!kTopKeys.contains(it.key())) {
            return Error{origin + u": unknown key \""_s + it.key() + u"\" (expected one of "_s
                         + kTopKeys.join(u", "_s) + u")"_s};
        }
    }
    const auto text = [&](const QString &key, QString &out) -> std::optional<Error> {
        const QJsonValue value = json.value(key);
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isString())
            return Error{origin + u": "_s + key + u": expected a string"_s};
        out = value.toString();
        return std::nullopt;
    };
    for (const auto &[key, out] :
         {std::pair{u"id"_s, &mapping.m_id}, std::pair{u"description"_s, &mapping.m_description},
          std::pair{u"path"_s, &mapping.m_path}}) {
        if (auto error = text(key, *out))
            return *error;
    }
    if (!mapping.m_path.isEmpty() && !mapping.m_path.startsWith(u'/'))
        return Error{origin + u": path: expected an absolute path such as \"/cases/{id}\""_s};
    if (!mapping.m_path.isEmpty() && !mapping.m_path.contains(u"{id}"_s))
        return Error{origin + u": path: must contain {id}, where the case id goes"_s};
    const QJsonObject parameters = json.value(u"parameters"_s).toObject();
    for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it)
        mapping.m_parameters.insert(it.key(), it.value().toString());
    if (json.contains(u"auth"_s)) {
        const QJsonObject auth = json.value(u"auth"_s).toObject();
        const QString header = auth.value(u"header"_s).toString();
        if (header.isEmpty() || header.contains(u':') || header.contains(u' '))
            return Error{origin + u": auth.header: expected an HTTP header name"_s};
        mapping.m_authHeader = header.toLatin1();
        mapping.m_authScheme = auth.value(u"scheme"_s).toString();
    }

    const QJsonValue fields = json.value(u"fields"_s);
    if (!fields.isUndefined() && !fields.isObject())
        return Error{origin + u": fields: expected an object of \"/case/pointer\": source"_s};
    const QJsonObject fieldObject = fields.toObject();
    for (auto it = fieldObject.constBegin(); it != fieldObject.constEnd(); ++it) {
        const QString where = origin + u": fields."_s + it.key();
        auto target = JsonPointer::parse(it.key());
        if (!target)
            return Error{where + u": "_s + target.error()};
        if (target.value().isRoot())
            return Error{where + u": the whole case cannot be one field"_s};
        auto field = parseField(target.value(), it.value(), where);
        if (!field)
            return Error{field.error()};
        mapping.m_fields.append(std::move(field).value());
    }
    const QJsonValue constants = json.value(u"constants"_s);
    if (!constants.isUndefined() && !constants.isObject())
        return Error{origin + u": constants: expected an object of \"/case/pointer\": value"_s};
    const QJsonObject constantObject = constants.toObject();
    for (auto it = constantObject.constBegin(); it != constantObject.constEnd(); ++it) {
        auto target = JsonPointer::parse(it.key());
        if (!target || target.value().isRoot()) {
            return Error{origin + u": constants."_s + it.key() + u": "_s
                         + (target ? u"the whole case cannot be one constant"_s : target.error())};
        }
        mapping.m_constants.append({target.value(), it.value()});
    }
    return mapping;
}

/*!
 * Reads a mapping from a JSON file (or a resource path such as ":/mappings/zendesk.json").
 */
Result<FieldMapping> FieldMapping::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path + u": cannot read: "_s + file.errorString()};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{path + u": not JSON: "_s + parseError.errorString() + u" at offset "_s
                     + QString::number(parseError.offset)};
    }
    if (!document.isObject())
        return Error{path + u": expected a JSON object"_s};
    return fromJson(document.object(), path);
}

/*!
 * A built-in preset by name ("chatwoot", "zendesk"); "identity" is the default mapping.
 */
Result<FieldMapping> FieldMapping::preset(const QString &name)
{
    if (name == u"identity"_s)
        return FieldMapping();
    if (!presetNames().contains(name)) {
        return Error{u"no mapping preset \""_s + name + u"\" (built in: identity, "_s
                     + presetNames().join(u", "_s) + u")"_s};
    }
    return load(u":/mappings/"_s + name + u".json"_s);
}

/*!
 * The presets compiled into the resources, besides "identity".
 */
QStringList FieldMapping::presetNames()
{
    return {u"chatwoot"_s, u"zendesk"_s};
}

/*!
 * Builds the case document from a CRM \a response: constants first, then every field. The
 * identity mapping hands back the response itself, which must be an object. An error names the
 * case pointer, the response pointer(s) and what was wrong there.
 */
Result<QJsonObject> FieldMapping::apply(const QJsonValue &response) const
{
    if (isIdentity()) {
        if (!response.isObject())
            return Error{u"the response is "_s + describe(response) + u", not a case object"_s};
        return response.toObject();
    }
    QJsonValue document = QJsonObject();
    for (const Constant &constant : m_constants) {
        auto placed = constant.target.insert(document, constant.value);
        if (!placed)
            return Error{u"mapping \""_s + m_id + u"\": constant "_s + placed.error()};
        document = placed.value();
    }
    for (const Field &field : m_fields) {
        const QString where = u"mapping \""_s + m_id + u"\": "_s + field.target.toString()
                              + u" <- "_s + sourcesText(field);
        auto read = readField(field, response);
        if (!read)
            return Error{where + u": "_s + read.error()};
        std::optional<QJsonValue> value = read.value();
        if (!value) {
            if (!field.fallback.isUndefined())
                value = field.fallback;
            else if (field.optional)
                continue;
            else
                return Error{where + u": not in the response"_s};
        } else {
            auto transformed = transformValue(field.transform, *value);
            if (!transformed)
                return Error{where + u": "_s + transformed.error()};
            value = transformed.value();
            if (!field.map.isEmpty()) {
                const QString key = keyOf(*value);
                if (field.map.contains(key)) {
                    value = field.map.value(key);
                } else if (!field.otherwise.isUndefined()) {
                    value = field.otherwise;
                } else {
                    return Error{where + u": "_s + describe(*value)
                                 + u" is not one of the mapped values ("_s
                                 + field.map.keys().join(u", "_s) + u")"_s};
                }
            }
        }
        auto placed = field.target.insert(document, *value);
        if (!placed)
            return Error{where + u": "_s + placed.error()};
        document = placed.value();
    }
    return document.toObject();
}

} // namespace rg::context
