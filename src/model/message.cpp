// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/message.h"

namespace rg::model {

using namespace Qt::StringLiterals;

QString roleName(Role role)
{
    switch (role) {
    case Role::Customer:
        return u"customer"_s;
    case Role::Agent:
        return u"agent"_s;
    case Role::System:
        return u"system"_s;
    case Role::Action:
        return u"action"_s;
    }
    return {};
}

std::optional<Role> roleFromName(QStringView name)
{
    for (Role role : {Role::Customer, Role::Agent, Role::System, Role::Action}) {
        if (name == roleName(role))
            return role;
    }
    return std::nullopt;
}

QJsonObject Message::toJson() const
{
    QJsonObject json{{u"role"_s, roleName(role)}};
    if (role == Role::Action)
        json.insert(u"action"_s, action);
    else
        json.insert(u"text"_s, text);
    return json;
}

/*!
 * Reads one entry of a transcript's "messages" array; \a path names it in errors
 * (e.g. "messages[3]").
 */
Result<Message> Message::fromJson(const QJsonValue &json, const QString &path)
{
    if (!json.isObject())
        return Error{path + u": expected an object"_s};
    const QJsonObject object = json.toObject();
    const QJsonValue roleValue = object.value(u"role"_s);
    if (!roleValue.isString())
        return Error{path + u".role: expected a string"_s};
    const auto role = roleFromName(roleValue.toString());
    if (!role) {
        return Error{path + u".role: unknown role \""_s + roleValue.toString()
                     + u"\" (expected customer, agent, system or action)"_s};
    }
    Message message;
    message.role = *role;
    if (message.role == Role::Action) {
        const QJsonValue action = object.value(u"action"_s);
        if (!action.isObject())
            return Error{path + u".action: expected an object"_s};
        message.action = action.toObject();
        return message;
    }
    const QJsonValue text = object.value(u"text"_s);
    if (!text.isString())
        return Error{path + u".text: expected a string"_s};
    message.text = text.toString();
    return message;
}

} // namespace rg::model
