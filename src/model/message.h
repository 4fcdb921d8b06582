// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rg::model {

enum class Role { Customer, Agent, System, Action };

QString roleName(Role role);
std::optional<Role> roleFromName(QStringView name);

// One turn of a conversation: a chat message, or an agent's action (refund, replacement, ...).
struct Message
{
    Role role = Role::Customer;
    QString text;
    QJsonObject action; // only for Role::Action

    QJsonObject toJson() const;
    static Result<Message> fromJson(const QJsonValue &json, const QString &path);

    friend bool operator==(const Message &, const Message &) = default;
};

} // namespace rg::model
