// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RFC 8785 canonical JSON as the audit chain hashes it: any text in, and what comes out is
// canonical already, reads back as the same JSON, and every number in it reads back as the
// same double.

#include "audit/canonicaljson.h"

#include "fuzzsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

using rg::fuzz::require;

namespace {

// The first eight bytes as a double, through canonicalNumber and back.
void checkNumber(const std::uint8_t *data, std::size_t size)
{
    double value = 0;
    if (size < sizeof value)
        return;
    std::memcpy(&value, data, sizeof value);
    const auto text = rg::audit::canonicalNumber(value);
    require(text.ok() == std::isfinite(value), "every finite number, and only those, is written");
    if (!text)
        return;
    const std::string written = text.value().toStdString();
    require(std::strtod(written.c_str(), nullptr) == value, "a number reads back as itself");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    checkNumber(data, size);
    const QByteArray input = rg::fuzz::bytes(data, size);
    const auto canonical = rg::audit::canonicalJson(input);
    if (!canonical) {
        require(!canonical.error().isEmpty(), "a refused input says why");
        return 0;
    }
    const auto again = rg::audit::canonicalJson(canonical.value());
    require(again.ok() && again.value() == canonical.value(), "canonical JSON is a fixed point");
    const QJsonDocument before = QJsonDocument::fromJson(input);
    const QJsonDocument after = QJsonDocument::fromJson(canonical.value());
    require(before.isArray() == after.isArray(), "canonical JSON is the same JSON");
    require(rg::fuzz::sameJson(before.isArray() ? QJsonValue(before.array()) : before.object(),
                               after.isArray() ? QJsonValue(after.array()) : after.object()),
            "canonical JSON is the same JSON");
    return 0;
}
