// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/intents.h"

#include "model/cue.h"
#include "model/jsontext.h"
#include "training/scenario.h"

#include <QJsonArray>

namespace rg::training {

using namespace Qt::StringLiterals;

namespace {

constexpr int kFormat = 1;

} // namespace

QStringList phraseIntents()
{
    return {u"asks_verification"_s, u"refuses"_s, u"asks_proof"_s};
}

QStringList knownIntents()
{
    QStringList intents = phraseIntents();
    for (const model::CueInfo &cue : model::cues()) {
        if (cue.side == model::Role::Agent)
            intents.append(QString(cue.id));
    }
    return intents;
}

/*!
 * Folds \a text for phrase matching: compatibility decomposition with the combining marks
 * dropped ("é" -> "e"), case folding, "ß" -> "ss", typographic apostrophes -> "'", and every
 * run of white space -> one space. Trainees type "Überprüfen", "uberprufen" and "ÜBERPRÜFEN"
 * alike, so the phrase lists need only one spelling.
 */
QString foldText(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    bool pendingSpace = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isSpace()) {
            pendingSpace = !folded.isEmpty();
            continue;
        }
        if (pendingSpace) {
            folded.append(u' ');
            pendingSpace = false;
        }
        if (c == u'\u2019' || c == u'\u2018' || c == u'\u02BC')
            folded.append(u'\'');
        else if (c == u'\u00DF')
            folded.append(u"ss"_s);
        else
            folded.append(c.toCaseFolded());
    }
    return folded;
}

/*!
 * Reads the phrase families: {"format": 1, "intents": {INTENT: {LANGUAGE: [PHRASE, ...]}}}
 * with every phrase intent and, for each, every scenario language; phrases are non-empty
 * strings. Errors name \a source and the JSON pointer.
 */
Result<IntentMatcher> IntentMatcher::fromJson(const QJsonObject &json, const QString &source)
{
    const auto fail = [&source](const QString &pointer, const QString &message) {
        return Error{source + u": "_s + pointer + u": "_s + message};
    };
    if (json.value(u"format"_s) != QJsonValue(kFormat))
        return fail(u"/format"_s,
                    u"expected %1, the only intents format this build reads"_s.arg(kFormat));
    const QJsonValue intents = json.value(u"intents"_s);
    if (!intents.isObject())
        return fail(u"/intents"_s, u"expected an object of intent -> language -> phrases"_s);
    const QJsonObject byIntent = intents.toObject();
    for (auto it = byIntent.begin(); it != byIntent.end(); ++it) {
        if (!phraseIntents().contains(it.key())) {
            return fail(u"/intents/"_s + it.key(),
                        u"unknown intent (expected %1)"_s.arg(phraseIntents().join(u", "_s)));
        }
    }
    IntentMatcher matcher;
    for (const QString &intent : phraseIntents()) {
        const QString at = u"/intents/"_s + intent;
        const QJsonValue languages = byIntent.value(intent);
        if (!languages.isObject())
            return fail(at, u"missing (expected an object of language -> phrases)"_s);
        const QJsonObject byLanguage = languages.toObject();
        for (auto it = byLanguage.begin(); it != byLanguage.end(); ++it) {
            if (!scenarioLanguages().contains(it.key())) {
                return fail(at + u'/' + it.key(), u"unknown language (expected %1)"_s.arg(
                                                      scenarioLanguages().join(u", "_s)));
            }
        }
        Family family{intent, {}};
        for (const QString &language : scenarioLanguages()) {
            const QString pointer = at + u'/' + language;
            const QJsonValue phrases = byLanguage.value(language);
            if (!phrases.isArray() || phrases.toArray().isEmpty())
                return fail(pointer, u"expected a non-empty array of phrases"_s);
            const QJsonArray list = phrases.toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QString phrase = foldText(list.at(i).toString());
                if (!list.at(i).isString() || phrase.isEmpty())
                    return fail(pointer + u'/' + QString::number(i),
                                u"expected a non-empty string"_s);
                family.phrases.append(phrase);
            }
        }
        matcher.m_families.append(family);
    }
    return matcher;
}

Result<IntentMatcher> IntentMatcher::load(const QString &path)
{
    const auto object = model::readJsonObjectFile(path);
    if (!object)
        return Error{object.error()};
    return fromJson(object.value(), path);
}

/*!
 * Phrases of every language count whatever the scenario's language: a trainee may answer a
 * Spanish customer in English, and the families hold multi-word phrases specific enough not
 * to meet by accident across languages.
 */
QStringList IntentMatcher::match(QStringView reply) const
{
    const QString folded = foldText(reply);
    QStringList found;
    for (const Family &family : m_families) {
        for (const QString &phrase : family.phrases) {
            if (folded.contains(phrase)) {
                found.append(family.intent);
                break;
            }
        }
    }
    return found;
}

QString IntentMatcher::examplePhrase(const QString &intent) const
{
    for (const Family &family : m_families) {
        if (family.intent == intent && !family.phrases.isEmpty())
            return family.phrases.front();
    }
    return {};
}

} // namespace rg::training
