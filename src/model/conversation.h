// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/message.h"
#include "model/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rg::model {

// One conversation as the transcript JSONL contract carries it (DESIGN.md).
struct Conversation
{
    QString id;
    QList<Message> messages;
    QJsonObject caseContext; // the optional "case" member, kept as given

    QJsonObject toJson() const;
    static Result<Conversation> fromJson(const QJsonObject &json);
    static Result<Conversation> fromJsonLine(QByteArrayView line);

    friend bool operator==(const Conversation &, const Conversation &) = default;
};

} // namespace rg::model
