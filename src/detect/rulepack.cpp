// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detect/rulepack.h"

#include "detect/regexsyntax.h"
#include "model/cue.h"
#include "model/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <re2/re2.h>

namespace rg::detect {

namespace {

using namespace Qt::StringLiterals;

// A folded-view regex as the folded text needs it. A hyphen or dot inside a word is gone there
// ("no-return" reads "noreturn"), so a space written in a pattern also matches no space at all
// (spaces inside a character class, or already followed by a quantifier, are left as written);
// and "l" is written "i", as the folded text writes it (inside a character class it is left as
// written: "[a-z]" holds both anyway).
std::string foldedRegex(const std::string &regex)
{
    std::string out;
    out.reserve(regex.size() + 8);
    for (std::size_t i = 0; i < regex.size(); ++i) {
        const char c = regex[i];
        if (c == '\\' && i + 1 < regex.size()) {
            out += regex.substr(i, 2);
            ++i;
        } else if (c == '[') {
            const std::size_t close = Internal::classEnd(regex, i);
            if (close == std::string::npos) {
                out += regex.substr(i); // RE2 reports the broken class
                break;
            }
            out += regex.substr(i, close - i + 1);
            i = close;
        } else if (c == ' ') {
            const char next = i + 1 < regex.size() ? regex[i + 1] : '\0';
            out += next == '?' || next == '*' || next == '+' || next == '{' ? " " : " ?";
        } else {
            out += c == 'l' ? 'i' : c;
        }
    }
    return out;
}

// Reads one pack, remembering where it is so every error names the place.
class PackReader final
{
public:
    explicit PackReader(const QString &source) : m_source(source) {}

    std::optional<QString> unknownKeys(const QJsonObject &object, const QString &where,
                                       std::initializer_list<QLatin1StringView> known) const
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (std::find(known.begin(), known.end(), it.key()) == known.end())
                return fail(where, it.key(), u"unknown field"_s);
        }
        return std::nullopt;
    }

    QString fail(const QString &where, const QString &field, const QString &problem) const
    {
        QString message = m_source + u": "_s;
        if (!where.isEmpty())
            message += where + u": "_s;
        if (!field.isEmpty())
            message += u"field \""_s + field + u"\": "_s;
        return message + problem;
    }

    std::optional<QString> readPattern(const QJsonValue &value, const QString &where,
                                       const QString &field, Pattern &pattern)
    {
        QString text;
        if (value.isString()) {
            text = value.toString();
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            if (auto error = unknownKeys(object, where, {"phrase"_L1, "regex"_L1, "view"_L1}))
                return error;
            const bool hasPhrase = object.contains(u"phrase"_s);
            pattern.isRegex = object.contains(u"regex"_s);
            if (hasPhrase == pattern.isRegex)
                return fail(where, field, u"a pattern object needs exactly one of phrase, regex"_s);
            const QJsonValue body = object.value(pattern.isRegex ? u"regex"_s : u"phrase"_s);
            if (!body.isString())
                return fail(where, field, u"pattern must be a string"_s);
            text = body.toString();
            const QString view = object.value(u"view"_s).toString(u"folded"_s);
            if (view == u"plain"_s)
                pattern.view = View::Plain;
            else if (view != u"folded"_s)
                return fail(where, field, u"view must be \"folded\" or \"plain\""_s);
        } else {
            return fail(where, field, u"a pattern is a string or an object"_s);
        }
        if (text.trimmed().isEmpty())
            return fail(where, field, u"empty pattern"_s);
        pattern.source = text;
        if (pattern.isRegex) {
            pattern.regex = pattern.view == View::Folded ? foldedRegex(text.toStdString())
                                                         : text.toStdString();
        } else {
            const std::string folded = m_normaliser.fold(text.trimmed().toStdString(), pattern.view);
            std::string spaced = RE2::QuoteMeta(folded);
            if (pattern.view == View::Folded) {
                // "gift card" also matches "gift-card" and "giftcard".
                for (std::size_t at = spaced.find("\\ "); at != std::string::npos;
                     at = spaced.find("\\ ", at + 2)) {
                    spaced.replace(at, 2, " ?");
                }
            }
            const auto isWord = [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
            };
            if (folded.empty())
                return fail(where, field, u"phrase \"%1\" folds to nothing"_s.arg(text));
            pattern.regex = (isWord(folded.front()) ? "\\b" : "") + spaced
                            + (isWord(folded.back()) ? "\\b" : "");
        }
        RE2::Options options;
        options.set_log_errors(false);
        const RE2 compiled(pattern.regex, options);
        if (!compiled.ok()) {
            return fail(where, field, u"invalid regular expression \"%1\": %2"_s.arg(
                                          text, QString::fromStdString(compiled.error())));
        }
        return std::nullopt;
    }

    std::optional<QString> readPatterns(const QJsonValue &value, const QString &where,
                                        const QString &field, std::vector<Pattern> &patterns)
    {
        if (!value.isArray() || value.toArray().isEmpty())
            return fail(where, field, u"expected a non-empty array of patterns"_s);
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            Pattern pattern;
            if (auto error = readPattern(list.at(i), where, u"%1[%2]"_s.arg(field).arg(i), pattern))
                return error;
            patterns.push_back(std::move(pattern));
        }
        return std::nullopt;
    }

    std::optional<QString> readGroup(const QJsonValue &value, const QString &where,
                                     const QString &field, PatternGroup &group)
    {
        if (value.isArray())
            return readPatterns(value, where, field, group.patterns);
        if (!value.isObject())
            return fail(where, field, u"expected an array of patterns or {patterns, within}"_s);
        const QJsonObject object = value.toObject();
        if (auto error = unknownKeys(object, where + u" "_s + field, {"patterns"_L1, "within"_L1}))
            return error;
        const QJsonValue within = object.value(u"within"_s);
        if (!within.isUndefined()) {
            if (!within.isDouble() || within.toDouble() < 0 || within.toDouble() > 50
                || within.toDouble() != within.toInt()) {
                return fail(where, field + u".within"_s, u"expected a whole number of words, 0 to 50"_s);
            }
            group.within = within.toInt();
        }
        return readPatterns(object.value(u"patterns"_s), where, field + u".patterns"_s,
                            group.patterns);
    }

    std::optional<QString> readRule(const QJsonValue &value, qsizetype index, Rule &rule)
    {
        QString where = u"rules[%1]"_s.arg(index);
        if (!value.isObject())
            return fail(where, {}, u"a rule is an object"_s);
        const QJsonObject object = value.toObject();
        const QJsonValue id = object.value(u"id"_s);
        if (!id.isString() || id.toString().trimmed().isEmpty())
            return fail(where, u"id"_s, u"expected a non-empty string"_s);
        rule.id = id.toString();
        where = u"rule \"%1\""_s.arg(rule.id);
        if (auto error = unknownKeys(object, where,
                                     {"id"_L1, "cue"_L1, "role"_L1, "weight"_L1, "description"_L1,
                                      "patterns"_L1, "near"_L1, "unless"_L1}))
            return error;

        rule.cue = object.value(u"cue"_s).toString();
        const auto cue = model::findCue(rule.cue);
        if (!cue)
            return fail(where, u"cue"_s, u"unknown cue id \"%1\" (see CUES.md)"_s.arg(rule.cue));
        const QJsonValue role = object.value(u"role"_s);
        if (role.isUndefined()) {
            rule.role = cue->side;
        } else {
            const auto parsed = model::roleFromName(role.toString());
            if (!parsed || (*parsed != model::Role::Customer && *parsed != model::Role::Agent))
                return fail(where, u"role"_s, u"expected \"customer\" or \"agent\""_s);
            if (*parsed != cue->side) {
                return fail(where, u"role"_s, u"cue \"%1\" is observed on %2 turns"_s.arg(
                                                 rule.cue, model::roleName(cue->side)));
            }
            rule.role = *parsed;
        }
        const QJsonValue weight = object.value(u"weight"_s);
        if (!weight.isDouble() || weight.toDouble() <= 0.0 || weight.toDouble() > 1.0)
            return fail(where, u"weight"_s, u"expected a number in (0, 1]"_s);
        rule.weight = weight.toDouble();
        const QJsonValue description = object.value(u"description"_s);
        if (!description.isUndefined() && !description.isString())
            return fail(where, u"description"_s, u"expected a string"_s);
        rule.description = description.toString();
        if (auto error = readPatterns(object.value(u"patterns"_s), where, u"patterns"_s,
                                      rule.patterns))
            return error;
        if (object.contains(u"near"_s)) {
            rule.near.emplace();
            if (auto error = readGroup(object.value(u"near"_s), where, u"near"_s, *rule.near))
                return error;
        }
        if (object.contains(u"unless"_s)) {
            rule.unless.emplace();
            if (auto error = readGroup(object.value(u"unless"_s), where, u"unless"_s, *rule.unless))
                return error;
        }
        return std::nullopt;
    }

    std::optional<QString> readSequence(const QJsonValue &value, qsizetype index,
                                        Sequence &sequence) const
    {
        QString where = u"sequences[%1]"_s.arg(index);
        if (!value.isObject())
            return fail(where, {}, u"a sequence is an object"_s);
        const QJsonObject object = value.toObject();
        sequence.id = object.value(u"id"_s).toString();
        if (sequence.id.trimmed().isEmpty())
            return fail(where, u"id"_s, u"expected a non-empty string"_s);
        where = u"sequence \"%1\""_s.arg(sequence.id);
        if (auto error = unknownKeys(object, where,
                                     {"id"_L1, "description"_L1, "steps"_L1, "weight"_L1,
                                      "within_turns"_L1}))
            return error;
        sequence.description = object.value(u"description"_s).toString();
        const QJsonArray steps = object.value(u"steps"_s).toArray();
        if (steps.size() < 2)
            return fail(where, u"steps"_s, u"expected at least two cue ids"_s);
        for (const QJsonValue &step : steps) {
            if (!model::findCue(step.toString()))
                return fail(where, u"steps"_s, u"unknown cue id \"%1\""_s.arg(step.toString()));
            sequence.steps.append(step.toString());
        }
        const QJsonValue weight = object.value(u"weight"_s);
        if (!weight.isDouble() || weight.toDouble() <= 0.0 || weight.toDouble() > 1.0)
            return fail(where, u"weight"_s, u"expected a number in (0, 1]"_s);
        sequence.weight = weight.toDouble();
        const QJsonValue within = object.value(u"within_turns"_s);
        if (!within.isUndefined()) {
            if (!within.isDouble() || within.toInt() < 1 || within.toDouble() != within.toInt())
                return fail(where, u"within_turns"_s, u"expected a whole number >= 1"_s);
            sequence.withinTurns = within.toInt();
        }
        return std::nullopt;
    }

private:
    QString m_source;
    Normaliser m_normaliser;
};

} // namespace

Result<RulePack> RulePack::load(const QString &path)
{
    const auto bytes = model::readFileBytes(path);
    if (!bytes)
        return Error{bytes.error()};
    return parse(bytes.value(), path);
}

/*!
 * Parses and validates a whole pack. The result is either a complete pack or an error that
 * names \a source, the rule and the field.
 */
Result<RulePack> RulePack::parse(const QByteArray &json, const QString &source)
{
    PackReader reader(source);
    const auto parsed = model::parseJsonText(json, source);
    if (!parsed)
        return Error{parsed.error()};
    const QJsonDocument &document = parsed.value();
    if (!document.isObject())
        return Error{reader.fail({}, {}, u"a rule pack is a JSON object"_s)};
    const QJsonObject root = document.object();
    if (auto error = reader.unknownKeys(root, {}, {"id"_L1, "version"_L1, "format"_L1,
                                                    "description"_L1, "rules"_L1, "sequences"_L1}))
        return Error{*error};

    RulePack pack;
    pack.source = source;
    if (root.value(u"format"_s).toInt() != kFormat) {
        return Error{reader.fail({}, u"format"_s,
                                 u"unsupported format (this build reads format %1)"_s.arg(kFormat))};
    }
    pack.id = root.value(u"id"_s).toString();
    if (pack.id.isEmpty())
        return Error{reader.fail({}, u"id"_s, u"expected a non-empty string"_s)};
    pack.version = root.value(u"version"_s).toString();
    if (pack.version.isEmpty())
        return Error{reader.fail({}, u"version"_s, u"expected a non-empty string"_s)};
    pack.description = root.value(u"description"_s).toString();

    const QJsonValue rules = root.value(u"rules"_s);
    if (!rules.isArray() || rules.toArray().isEmpty())
        return Error{reader.fail({}, u"rules"_s, u"expected a non-empty array"_s)};
    QSet<QString> ids;
    const QJsonArray ruleList = rules.toArray();
    for (qsizetype i = 0; i < ruleList.size(); ++i) {
        Rule rule;
        if (auto error = reader.readRule(ruleList.at(i), i, rule))
            return Error{*error};
        if (ids.contains(rule.id))
            return Error{reader.fail(u"rule \"%1\""_s.arg(rule.id), u"id"_s, u"duplicate rule id"_s)};
        ids.insert(rule.id);
        pack.rules.push_back(std::move(rule));
    }

    const QJsonValue sequences = root.value(u"sequences"_s);
    if (!sequences.isUndefined() && !sequences.isArray())
        return Error{reader.fail({}, u"sequences"_s, u"expected an array"_s)};
    const QJsonArray sequenceList = sequences.toArray();
    for (qsizetype i = 0; i < sequenceList.size(); ++i) {
        Sequence sequence;
        if (auto error = reader.readSequence(sequenceList.at(i), i, sequence))
            return Error{*error};
        if (ids.contains(sequence.id)) {
            return Error{reader.fail(u"sequence \"%1\""_s.arg(sequence.id), u"id"_s,
                                     u"duplicate id"_s)};
        }
        ids.insert(sequence.id);
        pack.sequences.push_back(std::move(sequence));
    }
    return pack;
}

} // namespace rg::detect
