// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rg::training {

// Built-in data compiled in from resources/ (link rg_resources to have it).
inline const QString kDefaultIntents = QStringLiteral(":/scenarios/intents.json");

// The intents matched by phrase families; the others are the agent-side cue ids.
QStringList phraseIntents();
// Every intent a transition may name: phraseIntents() and the agent-side cue ids.
QStringList knownIntents();

// Lower-cased, accent-folded text with single spaces, the form phrases are matched in.
QString foldText(QStringView text);

// Use me to tell which built-in intents (asks_verification, refuses, asks_proof) a trainee's
// reply expresses, from the phrase families of resources/scenarios/intents.json.
class IntentMatcher final
{
public:
    static Result<IntentMatcher> fromJson(const QJsonObject &json, const QString &source);
    static Result<IntentMatcher> load(const QString &path = kDefaultIntents);

    // The phrase intents whose phrases occur in \a reply, in phraseIntents() order.
    QStringList match(QStringView reply) const;
    // A phrase of \a intent's family (folded), which match() recognises; empty for an intent
    // without phrases (the agent-side cues).
    QString examplePhrase(const QString &intent) const;

private:
    struct Family
    {
        QString intent;
        QStringList phrases; // folded
    };
    QList<Family> m_families;
};

} // namespace rg::training
