// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detect/matcher.h"

#include "log/log.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/uchar.h>

#include <algorithm>

namespace rg::detect {

namespace {

using namespace Qt::StringLiterals;

// Spans reported per pattern and message: enough for any honest text, bounded for hostile text.
constexpr int kMaxSpansPerPattern = 32;

RE2::Options regexOptions()
{
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    return options;
}

int viewIndex(View view)
{
    return view == View::Folded ? 1 : 0;
}

} // namespace

Matcher::Matcher() = default;
Matcher::~Matcher() = default;

/*!
 * Compiles every pattern of \a pack once: each into its own RE2 for spans, and all of a view
 * into one RE2::Set that finds the candidates in a single pass.
 */
Result<std::unique_ptr<Matcher>> Matcher::compile(RulePack pack)
{
    std::unique_ptr<Matcher> matcher(new Matcher);
    matcher->m_pack = std::move(pack);
    const RE2::Options options = regexOptions();
    RE2::Options setOptions = options;
    setOptions.set_max_mem(256 << 20);
    for (auto &set : matcher->m_sets)
        set = std::make_unique<RE2::Set>(setOptions, RE2::UNANCHORED);

    const auto &rules = matcher->m_pack.rules;
    for (int r = 0; r < static_cast<int>(rules.size()); ++r) {
        const auto add = [&](const std::vector<Pattern> &patterns, Part part) -> std::optional<QString> {
            for (const Pattern &pattern : patterns) {
                Entry entry{r, part, pattern.view, std::make_unique<RE2>(pattern.regex, options)};
                if (!entry.regex->ok())
                    return u"rule \"%1\": cannot compile \"%2\""_s.arg(rules[r].id, pattern.source);
                const int v = viewIndex(pattern.view);
                std::string error;
                if (matcher->m_sets[v]->Add(pattern.regex, &error) < 0)
                    return u"rule \"%1\": %2"_s.arg(rules[r].id, QString::fromStdString(error));
                matcher->m_setEntries[v].push_back(static_cast<int>(matcher->m_entries.size()));
                matcher->m_entries.push_back(std::move(entry));
            }
            return std::nullopt;
        };
        std::optional<QString> error = add(rules[r].patterns, Part::Primary);
        if (!error && rules[r].near)
            error = add(rules[r].near->patterns, Part::Near);
        if (!error && rules[r].unless)
            error = add(rules[r].unless->patterns, Part::Unless);
        if (error)
            return Error{matcher->m_pack.source + u": "_s + *error};
    }
    for (int v = 0; v < 2; ++v) {
        if (!matcher->m_setEntries[v].empty() && !matcher->m_sets[v]->Compile())
            return Error{matcher->m_pack.source + u": the patterns need more memory than allowed"_s};
    }
    matcher->m_ruleEntries.resize(rules.size());
    rg::log::get("detect")->debug("compiled pack {} {}: {} rules, {} patterns",
                                  matcher->m_pack.id.toStdString(),
                                  matcher->m_pack.version.toStdString(), rules.size(),
                                  matcher->m_entries.size());
    return matcher;
}

void Matcher::findSpans(const Entry &entry, std::vector<Span> &spans) const
{
    const FoldedText &folded = m_folded[viewIndex(entry.view)];
    const re2::StringPiece text(folded.text);
    re2::StringPiece match;
    std::size_t pos = 0;
    for (int found = 0; found < kMaxSpansPerPattern && pos <= text.size(); ++found) {
        if (!entry.regex->Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1))
            break;
        const auto begin = static_cast<std::size_t>(match.data() - text.data());
        const std::size_t end = begin + match.size();
        if (end > begin) {
            const FoldedText::Span span = folded.original(begin, end);
            spans.push_back({span.start, span.end});
        }
        pos = end > begin ? end : end + 1;
    }
}

// Words that stand wholly between two spans of the original text (0 when they touch or overlap).
// Any Unicode white space separates words; invisible characters and lone combining marks make
// no word, so padding with them cannot push a near pattern out of reach.
int Matcher::wordsBetween(Span a, Span b) const
{
    if (b.start < a.start)
        std::swap(a, b);
    if (b.start <= a.end)
        return 0;
    int words = 0;
    bool inWord = false;
    for (int i = a.end; i < b.start; ++i) {
        const auto c = static_cast<UChar32>(m_codePoints[i]);
        const auto type = u_charType(c);
        if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)
            || type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK)
            continue;
        const bool space = u_isUWhiteSpace(c);
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return words;
}

bool Matcher::within(Span a, const std::vector<Span> &others, int words, Span *nearest) const
{
    int best = words + 1;
    for (const Span &other : others) {
        const int distance = wordsBetween(a, other);
        if (distance < best) {
            best = distance;
            if (nearest)
                *nearest = other;
        }
    }
    return best <= words;
}

QString Matcher::quote(QStringView text, Span span) const
{
    if (static_cast<std::size_t>(text.size()) == m_codePoints.size())
        return text.mid(span.start, span.end - span.start).toString();
    return QString::fromUcs4(m_codePoints.data() + span.start, span.end - span.start);
}

std::size_t Matcher::countCandidates(QStringView text)
{
    Normaliser::toCodePoints(text, m_codePoints);
    m_normaliser.fold(m_codePoints, View::Folded, m_folded[1]);
    m_hits.clear();
    m_sets[1]->Match(m_folded[1].text, &m_hits);
    return m_hits.size();
}

/*!
 * Finds the cues of one message (turn \a turn). Rules apply only to their side of the chat;
 * system and action turns carry no text cues.
 */
std::vector<model::Finding> Matcher::scanMessage(int turn, const model::Message &message)
{
    std::vector<model::Finding> findings;
    if (message.role != model::Role::Customer && message.role != model::Role::Agent)
        return findings;
    if (message.text.isEmpty())
        return findings;

    Normaliser::toCodePoints(message.text, m_codePoints);
    for (int v = 0; v < 2; ++v) {
        if (m_setEntries[v].empty())
            continue;
        m_normaliser.fold(m_codePoints, v == 1 ? View::Folded : View::Plain, m_folded[v]);
        m_hits.clear();
        m_sets[v]->Match(m_folded[v].text, &m_hits);
        for (const int hit : m_hits) {
            const int entry = m_setEntries[v][hit];
            const int rule = m_entries[entry].rule;
            if (m_pack.rules[rule].role != message.role)
                continue;
            if (m_ruleEntries[rule].empty())
                m_touchedRules.push_back(rule);
            m_ruleEntries[rule].push_back(entry);
        }
    }

    std::vector<Span> primary, nearSpans, unlessSpans;
    for (const int r : m_touchedRules) {
        const Rule &rule = m_pack.rules[r];
        primary.clear();
        nearSpans.clear();
        unlessSpans.clear();
        for (const int e : m_ruleEntries[r]) {
            const Entry &entry = m_entries[e];
            findSpans(entry, entry.part == Part::Primary ? primary
                             : entry.part == Part::Near  ? nearSpans
                                                         : unlessSpans);
        }
        m_ruleEntries[r].clear();
        for (Span span : primary) {
            if (rule.unless && within(span, unlessSpans, rule.unless->within, nullptr))
                continue;
            if (rule.near) {
                Span other{};
                if (!within(span, nearSpans, rule.near->within, &other))
                    continue;
                span = {std::min(span.start, other.start), std::max(span.end, other.end)};
            }
            findings.push_back({turn, rule.cue, rule.id, span.start, span.end,
                                quote(message.text, span), rule.weight});
        }
    }
    m_touchedRules.clear();

    // One finding per cue and place: of overlapping findings of a cue keep the weightiest.
    std::sort(findings.begin(), findings.end(), [](const auto &a, const auto &b) {
        return std::tie(a.cue, a.start, b.weight, a.end) < std::tie(b.cue, b.start, a.weight, b.end);
    });
    std::vector<model::Finding> kept;
    for (auto &finding : findings) {
        if (!kept.empty() && kept.back().cue == finding.cue && finding.start < kept.back().end) {
            if (finding.weight > kept.back().weight)
                kept.back() = std::move(finding);
            continue;
        }
        kept.push_back(std::move(finding));
    }
    std::sort(kept.begin(), kept.end(), [](const auto &a, const auto &b) {
        return std::tie(a.start, a.end, a.cue) < std::tie(b.start, b.end, b.cue);
    });
    return kept;
}

Detection Matcher::scan(const model::Conversation &conversation)
{
    Detection detection;
    for (int turn = 0; turn < static_cast<int>(conversation.messages.size()); ++turn) {
        auto findings = scanMessage(turn, conversation.messages[turn]);
        std::move(findings.begin(), findings.end(), std::back_inserter(detection.findings));
    }

    for (const Sequence &sequence : m_pack.sequences) {
        // Earliest completion: each step is the first finding of its cue at or after the last.
        std::vector<int> turns;
        int fromTurn = 0;
        int fromPos = 0;
        for (const QString &step : sequence.steps) {
            const auto it = std::find_if(detection.findings.begin(), detection.findings.end(),
                                         [&](const model::Finding &f) {
                                             return f.cue == step
                                                    && (f.turn > fromTurn
                                                        || (f.turn == fromTurn && f.start >= fromPos));
                                         });
            if (it == detection.findings.end())
                break;
            turns.push_back(it->turn);
            fromTurn = it->turn;
            fromPos = it->end;
        }
        if (turns.size() != static_cast<std::size_t>(sequence.steps.size()))
            continue;
        if (sequence.withinTurns > 0 && turns.back() - turns.front() > sequence.withinTurns)
            continue;
        detection.sequences.push_back({sequence.id, sequence.description, sequence.weight, turns});
    }
    return detection;
}

} // namespace rg::detect
