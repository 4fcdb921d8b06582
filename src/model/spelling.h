// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <cstddef>
#include <optional>

namespace rg::model {

// The JSON spelling of an enum value. Use me for a table of them: parsing, writing and the
// error messages that list the accepted spellings all read the one table.
template <typename E>
struct Spelling
{
    E value;
    QLatin1StringView name;
};

template <typename E, std::size_t N>
QStringList spellingNames(const std::array<Spelling<E>, N> &table)
{
    QStringList names;
    for (const Spelling<E> &spelling : table)
        names.append(spelling.name);
    return names;
}

template <typename E, std::size_t N>
std::optional<E> spellingValue(const std::array<Spelling<E>, N> &table, QStringView name)
{
    for (const Spelling<E> &spelling : table) {
        if (name == spelling.name)
            return spelling.value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
QString spellingOf(const std::array<Spelling<E>, N> &table, E value)
{
    for (const Spelling<E> &spelling : table) {
        if (spelling.value == value)
            return spelling.name;
    }
    return {};
}

} // namespace rg::model
