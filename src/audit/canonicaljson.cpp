// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/canonicaljson.h"

#include "model/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringView>
#include <QVariant>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <string_view>
#include <system_error>
#include <utility>

namespace rg::audit {

using namespace Qt::StringLiterals;

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

// RFC 8785 §3.2.2.2: only '"', '\\' and C0 controls are escaped. Everything else, '/' and
// non-ASCII included, is written as itself so that the bytes depend on the text alone.
Result<bool> appendString(QByteArray &out, const QString &text)
{
    // A lone surrogate has no UTF-8 form; QString::toUtf8 would silently turn it into U+FFFD and
    // two different inputs would hash alike. I-JSON (RFC 7493), which RFC 8785 requires, bans it.
    if (!QStringView(text).isValidUtf16())
        return Error{u"string contains a lone UTF-16 surrogate: "_s + text};
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (byte) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\f':
            out.append("\\f");
            break;
        case '\r':
            out.append("\\r");
            break;
        default:
            if (byte < 0x20) {
                out.append("\\u00");
                out.append(hexDigits[byte >> 4]);
                out.append(hexDigits[byte & 0xf]);
            } else {
                // UTF-8 bytes of non-ASCII characters are all >= 0x80 and pass through unchanged.
                out.append(c);
            }
        }
    }
    out.append('"');
    return true;
}

Result<bool> appendValue(QByteArray &out, const QJsonValue &value);

Result<bool> appendArray(QByteArray &out, const QJsonArray &array)
{
    out.append('[');
    bool first = true;
    for (const QJsonValue &element : array) {
        if (!first)
            out.append(',');
        first = false;
        if (Result<bool> appended = appendValue(out, element); !appended)
            return appended;
    }
    out.append(']');
    return true;
}

Result<bool> appendObject(QByteArray &out, const QJsonObject &object)
{
    // RFC 8785 §3.2.3 orders names by their UTF-16 code units, not by code points: U+FB33 sorts
    // after U+1F602 (D83D DE02). Comparing the raw char16_t values says exactly that, whatever
    // order QJsonObject happens to keep its keys in. The members are taken by iterating, not
    // looked up by name: Qt 6.4's QJsonObject, parsed from text with keys in this order, may not
    // find a key outside the Basic Multilingual Plane by name although it lists it.
    QList<std::pair<QString, QJsonValue>> members;
    members.reserve(object.size());
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        members.emplaceBack(it.key(), it.value());
    std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) {
        return std::lexicographical_compare(a.first.utf16(), a.first.utf16() + a.first.size(),
                                            b.first.utf16(), b.first.utf16() + b.first.size());
    });
    // Qt drops repeated names when it parses, but 6.4 can keep both of a name outside the Basic
    // Multilingual Plane; I-JSON (RFC 7493) forbids them, and which value counts is unknowable.
    const auto repeated
        = std::adjacent_find(members.cbegin(), members.cend(),
                             [](const auto &a, const auto &b) { return a.first == b.first; });
    if (repeated != members.cend())
        return Error{u"member name \"%1\" appears twice"_s.arg(repeated->first)};
    out.append('{');
    bool first = true;
    for (const auto &[name, value] : std::as_const(members)) {
        if (!first)
            out.append(',');
        first = false;
        if (Result<bool> appended = appendString(out, name); !appended)
            return appended;
        out.append(':');
        if (Result<bool> appended = appendValue(out, value); !appended)
            return appended;
    }
    out.append('}');
    return true;
}

Result<bool> appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        out.append("null");
        return true;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        return true;
    case QJsonValue::Double: {
        Result<QByteArray> number = canonicalNumber(value.toDouble());
        if (!number)
            return Error{number.error()};
        // RFC 8785 writes IEEE 754 doubles, but QJsonValue keeps an integral number that fits
        // 64 bits as that integer (JSON text "33333925474099301" stays exactly that). Written as
        // a double, several such integers beyond 2^53 would come out alike ("33333925474099300"),
        // and a record with one changed into another would still verify. So an integer is taken
        // only when its canonical form is its own digits; callers send others, e.g. money in
        // minor units, as strings.
        if (const QVariant exact = value.toVariant();
            exact.typeId() == QMetaType::LongLong
            && number.value() != QByteArray::number(exact.toLongLong())) {
            return Error{u"%1 would be written as the double %2; send it as a string"_s
                             .arg(exact.toLongLong())
                             .arg(QString::fromLatin1(number.value()))};
        }
        out.append(number.value());
        return true;
    }
    case QJsonValue::String:
        return appendString(out, value.toString());
    case QJsonValue::Array:
        return appendArray(out, value.toArray());
    case QJsonValue::Object:
        return appendObject(out, value.toObject());
    case QJsonValue::Undefined:
        break;
    }
    return Error{u"an undefined JSON value has no canonical form"_s};
}

} // namespace

/*!
    Returns \a value as RFC 8785 canonical JSON in UTF-8: no whitespace, object members sorted
    by the UTF-16 code units of their names, minimal string escapes and ECMAScript number
    formatting. Fails on NaN or infinite numbers, strings with lone surrogates and undefined
    values, none of which JSON can carry, and on integers that would be written as other digits
    (beyond 2^53, where doubles cannot hold them all).
*/
Result<QByteArray> canonicalJson(const QJsonValue &value)
{
    QByteArray out;
    if (Result<bool> appended = appendValue(out, value); !appended)
        return Error{appended.error()};
    return out;
}

/*!
    Parses \a json and returns its canonical form as canonicalJson(const QJsonValue &) does; a
    syntax error names the line and column. Qt's parser takes the top level as an object or an
    array, and of duplicate member names it keeps only one, so such input is not rejected here.
*/
Result<QByteArray> canonicalJson(const QByteArray &json)
{
    Result<QJsonDocument> document = model::parseJsonText(json, u"JSON input"_s);
    if (!document)
        return Error{document.error()};
    if (document.value().isArray())
        return canonicalJson(QJsonValue(document.value().array()));
    return canonicalJson(QJsonValue(document.value().object()));
}

/*!
    Returns \a value as ECMAScript's Number.prototype.toString writes it, which RFC 8785
    §3.2.2.3 requires: the shortest digits that read back as the same double, in plain decimal
    notation when 1e-7 <= |value| < 1e21 and as d.ddde±n otherwise; -0 becomes "0". NaN and the
    infinities are errors because JSON has no way to write them.
*/
Result<QByteArray> canonicalNumber(double value)
{
    if (!std::isfinite(value))
        return Error{u"%1 has no JSON representation"_s.arg(value)};
    if (value == 0)
        return QByteArray("0");

    // std::to_chars gives the shortest round-trip digits; the scientific form makes the digits
    // and the exponent easy to take apart, after which ECMAScript's layout rules apply.
    char buffer[64];
    const std::to_chars_result converted = std::to_chars(
        std::begin(buffer), std::end(buffer), std::abs(value), std::chars_format::scientific);
    if (converted.ec != std::errc())
        return Error{u"cannot format the number %1"_s.arg(value)};
    const std::string_view text(buffer, converted.ptr);
    const std::size_t ePos = text.find('e');
    QByteArray digits;
    for (const char c : text.substr(0, ePos)) {
        if (c != '.')
            digits.append(c);
    }
    int exponent = 0;
    const std::string_view exponentText = text.substr(ePos + 1);
    const char *exponentBegin = exponentText.data() + (exponentText.front() == '+' ? 1 : 0);
    std::from_chars(exponentBegin, exponentText.data() + exponentText.size(), exponent);

    // Names as in ECMA-262 Number::toString: k digits, decimal point after the n-th.
    const int k = int(digits.size());
    const int n = exponent + 1;
    QByteArray out;
    if (value < 0)
        out.append('-');
    if (k <= n && n <= 21) {
        out.append(digits);
        out.append(QByteArray(n - k, '0'));
    } else if (0 < n && n <= 21) {
        out.append(digits.first(n));
        out.append('.');
        out.append(digits.sliced(n));
    } else if (-6 < n && n <= 0) {
        out.append("0.");
        out.append(QByteArray(-n, '0'));
        out.append(digits);
    } else {
        out.append(digits.first(1));
        if (k > 1) {
            out.append('.');
            out.append(digits.sliced(1));
        }
        out.append('e');
        out.append(n - 1 < 0 ? '-' : '+');
        out.append(QByteArray::number(std::abs(n - 1)));
    }
    return out;
}

} // namespace rg::audit
