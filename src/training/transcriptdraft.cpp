// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/transcriptdraft.h"

#include "audit/redaction.h"
#include "model/cue.h"
#include "training/intents.h"
#include "training/scenario.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace rg::training {

using namespace Qt::StringLiterals;

namespace {

const QString kStopped = u"stopped"_s;
const QString kSucceeded = u"succeeded"_s;

// A transcript without a case still needs one the validator accepts: an unverified contact of a
// placeholder customer, and a trainee whose limit keeps the default policies meaningful.
QJsonObject placeholderCase(const QString &id)
{
    return QJsonObject{
        {u"schema_version"_s, 1},
        {u"id"_s, u"case-"_s + id},
        {u"customer"_s, QJsonObject{{u"id"_s, u"cust-"_s + id},
                                    {u"account_created"_s, u"2020-01-01T00:00:00Z"_s}}},
        {u"contact"_s, QJsonObject{{u"channel"_s, u"chat"_s},
                                   {u"started_at"_s, u"2026-01-01T09:00:00Z"_s},
                                   {u"identity"_s, QJsonObject{{u"status"_s, u"unverified"_s}}}}},
        {u"agent"_s, QJsonObject{{u"id"_s, u"trainee"_s},
                                 {u"role"_s, u"agent"_s},
                                 {u"team"_s, u"training"_s},
                                 {u"refund_limit"_s, 100.0},
                                 {u"currency"_s, u"USD"_s}}}};
}

// Short words frequent in each language and rare in the others (folded: no accents). Words two
// languages share ("la", "de", "que") are left out, so they cannot tip the balance.
struct LanguageWords
{
    QString language;
    QSet<QString> words;
};

const QList<LanguageWords> &languageWords()
{
    static const QList<LanguageWords> table{
        {u"en"_s, {u"the"_s, u"and"_s, u"is"_s, u"my"_s, u"you"_s, u"i"_s, u"to"_s, u"it"_s,
                   u"have"_s, u"was"_s, u"this"_s, u"with"_s, u"order"_s, u"please"_s}},
        {u"es"_s, {u"el"_s, u"los"_s, u"y"_s, u"mi"_s, u"es"_s, u"por"_s, u"para"_s, u"una"_s,
                   u"pedido"_s, u"no"_s, u"lo"_s, u"con"_s, u"esta"_s, u"hola"_s}},
        {u"de"_s, {u"der"_s, u"die"_s, u"das"_s, u"und"_s, u"ist"_s, u"nicht"_s, u"ich"_s,
                   u"mein"_s, u"meine"_s, u"sie"_s, u"mit"_s, u"eine"_s, u"bestellung"_s, u"bitte"_s}},
        {u"fr"_s, {u"le"_s, u"les"_s, u"et"_s, u"est"_s, u"pas"_s, u"je"_s, u"mon"_s, u"vous"_s,
                   u"une"_s, u"des"_s, u"pour"_s, u"commande"_s, u"avec"_s, u"bonjour"_s}},
    };
    return table;
}

QJsonObject onAction(TraineeAction action)
{
    return {{u"action"_s, traineeActionName(action)}};
}

} // namespace

QString guessLanguage(const QStringList &texts)
{
    static const QRegularExpression nonLetters(u"[^\\p{L}]+"_s);
    QHash<QString, int> hits;
    for (const QString &text : texts) {
        const QStringList words = foldText(text).split(nonLetters, Qt::SkipEmptyParts);
        for (const QString &word : words) {
            for (const LanguageWords &language : languageWords()) {
                if (language.words.contains(word))
                    ++hits[language.language];
            }
        }
    }
    QString best = u"en"_s;
    for (const LanguageWords &language : languageWords()) {
        if (hits.value(language.language) > hits.value(best))
            best = language.language;
    }
    return best;
}

/*!
 * Turns \a conversation into a scenario v1 document: each customer message becomes a node (in
 * order) whose any-reply transition leads to the next, the last one to a fraud_succeeded end;
 * from every message node a `refused` action leads to a fraud_stopped end, so both outcomes of
 * a fraud scenario are reachable. Agent and action turns are dropped: the trainee plays the
 * agent. Message text (and the case, when the line has one) goes through the audit redaction
 * first, and the detector's customer-side cues in the redacted text become each message's
 * ground truth and, together, the tactics. The language is guessed from the customer's words;
 * difficulty and objectives are placeholders the trainer reviews ("draft: review").
 */
Result<QJsonObject> draftScenario(const model::Conversation &conversation, const QString &id,
                                  detect::Matcher &matcher)
{
    static const QRegularExpression idPattern(u"^[a-z0-9-]+$"_s);
    if (!idPattern.match(id).hasMatch())
        return Error{u"\"%1\" is not a scenario id (lower-case letters, digits and '-')"_s.arg(id)};

    // Detect in what the trainee will see, so the ground truth matches the shown text.
    model::Conversation redacted = conversation;
    QList<int> customerTurns;
    for (qsizetype turn = 0; turn < redacted.messages.size(); ++turn) {
        model::Message &message = redacted.messages[turn];
        message.text = audit::redactText(message.text);
        if (message.role == model::Role::Customer)
            customerTurns.append(int(turn));
    }
    if (customerTurns.isEmpty())
        return Error{u"conversation \"%1\" has no customer message"_s.arg(conversation.id)};

    QMap<int, QStringList> cuesByTurn;
    QStringList tactics;
    for (const model::Finding &finding : matcher.scan(redacted).findings) {
        const std::optional<model::CueInfo> info = model::findCue(finding.cue);
        // A customer message carries customer-side cues only, each once (the validator's rule).
        if (!info.has_value() || info.value_or(model::CueInfo{}).side != model::Role::Customer
            || redacted.messages.at(finding.turn).role != model::Role::Customer) {
            continue;
        }
        QStringList &cues = cuesByTurn[finding.turn];
        if (!cues.contains(finding.cue))
            cues.append(finding.cue);
        if (!tactics.contains(finding.cue))
            tactics.append(finding.cue);
    }

    QStringList customerTexts;
    for (const int turn : std::as_const(customerTurns))
        customerTexts.append(redacted.messages.at(turn).text);

    QJsonObject nodes;
    for (qsizetype i = 0; i < customerTurns.size(); ++i) {
        const int turn = customerTurns.at(i);
        const QString next = i + 1 < customerTurns.size() ? u"message-%1"_s.arg(i + 2) : kSucceeded;
        const QJsonObject message{{u"text"_s, redacted.messages.at(turn).text},
                                  {u"cues"_s, QJsonArray::fromStringList(cuesByTurn.value(turn))}};
        nodes.insert(
            u"message-%1"_s.arg(i + 1),
            QJsonObject{
                {u"messages"_s, QJsonArray{message}},
                {u"transitions"_s,
                 QJsonArray{
                     QJsonObject{{u"on"_s, onAction(TraineeAction::Refused)}, {u"to"_s, kStopped}},
                     QJsonObject{{u"on"_s, QJsonObject{{u"reply"_s, true}}}, {u"to"_s, next}}}}});
    }
    nodes.insert(kStopped, QJsonObject{{u"outcome"_s, outcomeName(Outcome::FraudStopped)}});
    nodes.insert(kSucceeded, QJsonObject{{u"outcome"_s, outcomeName(Outcome::FraudSucceeded)}});

    const QJsonObject caseDocument = conversation.caseContext.isEmpty()
                                         ? placeholderCase(id)
                                         : audit::redactJson(conversation.caseContext).toObject();
    return QJsonObject{
        {u"schema_version"_s, Scenario::kSchemaVersion},
        {u"id"_s, id},
        {u"title"_s, u"Draft from transcript %1"_s.arg(conversation.id)},
        {u"language"_s, guessLanguage(customerTexts)},
        {u"genuine"_s, false},
        {u"difficulty"_s, QJsonObject{{u"level"_s, 3}, {u"rationale"_s, u"draft: review"_s}}},
        {u"tactics"_s, QJsonArray::fromStringList(tactics)},
        {u"objectives"_s, QJsonArray{u"draft: review"_s}},
        {u"case"_s, caseDocument},
        {u"start"_s, u"message-1"_s},
        {u"nodes"_s, nodes}};
}

} // namespace rg::training
