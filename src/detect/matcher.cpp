// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detect/matcher.h"

#include "detect/regexsyntax.h"
#include "log/log.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <numeric>
#include <tuple>

namespace rg::detect {

namespace {

using namespace Qt::StringLiterals;
using Internal::classEnd;

// Spans collected per expression and message. Padding a message with decoys must not push the
// real cue past the limit, so it is generous; work stays linear in the text either way.
constexpr int kMaxSpans = 4096;

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

// Adds \a regex to an alternation being built: "(?:a)|(?:b)".
void addAlternative(std::string &alternation, const std::string &regex)
{
    alternation += (alternation.empty() ? "(?:" : "|(?:") + regex + ")";
}

// Whether the "{...}" at regex[open] repeats without a small bound ("{2,}", "{0,5}"). Braces
// that are no quantifier at all (RE2 reads them as literal text) are not.
bool wideRepeat(const std::string &regex, std::size_t open)
{
    const std::size_t close = regex.find('}', open);
    if (close == std::string::npos)
        return false;
    const std::string_view body(regex.data() + open + 1, close - open - 1);
    const std::size_t comma = body.find(',');
    const auto isNumber = [](std::string_view digits) {
        return !digits.empty() && digits.size() < 6
               && digits.find_first_not_of("0123456789") == std::string_view::npos;
    };
    if (comma == std::string_view::npos || !isNumber(body.substr(0, comma)))
        return false;
    const std::string_view upper = body.substr(comma + 1);
    if (upper.empty())
        return true;
    int bound = 0;
    std::from_chars(upper.data(), upper.data() + upper.size(), bound);
    return isNumber(upper) && bound > 2;
}

// What the single pass looks for: the pattern cut before its first wide gap, a class or "."
// repeated without a small bound ("(?: \\S+){0,5}", "[^.!?]{0,50}", "\\w+"). Whenever the pattern
// matches, so does its cut, so the pass still finds every candidate; and it keeps the set's DFA
// small, since each gap pending in several patterns at once multiplies the DFA's states.
// A pattern is kept whole when the cut would drop a later top-level alternative or leave
// almost nothing to look for.
std::string prefilterPattern(const std::string &regex)
{
    int depth = 0;
    std::size_t outerGroup = 0;
    std::size_t cut = std::string::npos;
    for (std::size_t i = 0; i < regex.size() && cut == std::string::npos; ++i) {
        const std::size_t atom = i;
        bool wide = false;
        switch (regex[i]) {
        case '\\':
            ++i;
            wide = i < regex.size() && std::strchr("SWwD", regex[i]) != nullptr;
            break;
        case '[':
            i = classEnd(regex, i);
            if (i == std::string::npos)
                return regex;
            wide = true;
            break;
        case '.':
            wide = true;
            break;
        case '(':
            if (depth++ == 0)
                outerGroup = i;
            continue;
        case ')':
            --depth;
            continue;
        default:
            continue;
        }
        const char next = i + 1 < regex.size() ? regex[i + 1] : '\0';
        const bool unbounded = next == '+' || next == '*' || (next == '{' && wideRepeat(regex, i + 1));
        if (wide && unbounded)
            cut = depth == 0 ? atom : outerGroup;
    }
    if (cut == std::string::npos)
        return regex;
    // A top-level alternative after the cut would be lost with it: keep the pattern whole.
    depth = 0;
    for (std::size_t i = cut; i < regex.size(); ++i) {
        const char c = regex[i];
        if (c == '\\') {
            ++i;
        } else if (c == '[') {
            i = classEnd(regex, i);
            if (i == std::string::npos)
                return regex;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            --depth;
        } else if (c == '|' && depth == 0) {
            return regex;
        }
    }
    // The cut must still name something: a literal run of three letters or more.
    std::size_t run = 0;
    std::size_t longest = 0;
    for (std::size_t i = 0; i < cut; ++i) {
        const char c = regex[i];
        if (c == '\\') {
            ++i;
            run = 0;
        } else if (c == '[') {
            i = classEnd(regex, i);
            run = 0;
        } else if (std::isalnum(static_cast<unsigned char>(c))) {
            longest = std::max(longest, ++run);
        } else {
            run = 0;
        }
    }
    return longest >= 3 ? regex.substr(0, cut) : regex;
}

} // namespace

Matcher::Matcher() = default;
Matcher::~Matcher() = default;

/*!
 * Compiles \a pack once. Every primary pattern joins its view's RE2::Set (cut, see
 * prefilterPattern()) and keeps its own RE2 for spans; near and unless patterns become one
 * alternation per rule and view, run only when a primary pattern matched.
 */
Result<std::unique_ptr<Matcher>> Matcher::compile(RulePack pack)
{
    std::unique_ptr<Matcher> matcher(new Matcher);
    matcher->m_pack = std::move(pack);
    const RE2::Options options = regexOptions();
    RE2::Options setOptions = options;
    setOptions.set_max_mem(256 << 20);
    const auto &rules = matcher->m_pack.rules;
    matcher->m_rules.resize(rules.size());
    matcher->m_touched.assign(rules.size(), 0);

    const auto combine = [&](const Rule &rule, const std::vector<Pattern> &patterns,
                             PerView &out) -> std::optional<QString> {
        for (int v = 0; v < kViews; ++v) {
            std::string alternation;
            for (const Pattern &pattern : patterns) {
                if (viewIndex(pattern.view) == v)
                    addAlternative(alternation, pattern.regex);
            }
            if (alternation.empty())
                continue;
            out[v] = std::make_unique<RE2>(alternation, options);
            if (!out[v]->ok()) {
                return u"rule \"%1\": cannot compile: %2"_s.arg(
                    rule.id, QString::fromStdString(out[v]->error()));
            }
        }
        return std::nullopt;
    };

    for (int r = 0; r < static_cast<int>(rules.size()); ++r) {
        const Rule &rule = rules[r];
        CompiledRule &compiled = matcher->m_rules[r];
        std::optional<QString> error;
        if (rule.near)
            error = combine(rule, rule.near->patterns, compiled.near);
        if (!error && rule.unless)
            error = combine(rule, rule.unless->patterns, compiled.unless);
        if (error)
            return Error{matcher->m_pack.source + u": "_s + *error};
        // Patterns the single pass takes whole are merged into one alternation per view, which
        // RE2 factors into a trie: fewer, smaller automata, and one span search per rule. A
        // pattern cut for the pass (see prefilterPattern()) stays an entry of its own.
        std::array<std::string, kViews> merged;
        const auto addEntry = [&](int view, const std::string &exactRegex,
                                  const std::string &passRegex) -> std::optional<QString> {
            Prefilter &prefilter = matcher->m_prefilters[view];
            if (!prefilter.set)
                prefilter.set = std::make_unique<RE2::Set>(setOptions, RE2::UNANCHORED);
            auto exact = std::make_unique<RE2>(exactRegex, options);
            std::string setError;
            if (!exact->ok() || prefilter.set->Add(passRegex, &setError) < 0) {
                return u"rule \"%1\": cannot compile: %2"_s.arg(
                    rule.id, QString::fromStdString(exact->ok() ? setError : exact->error()));
            }
            prefilter.ruleOf.push_back(r);
            prefilter.exact.push_back(std::move(exact));
            return std::nullopt;
        };
        for (const Pattern &pattern : rule.patterns) {
            const int view = viewIndex(pattern.view);
            const std::string pass = prefilterPattern(pattern.regex);
            if (pass == pattern.regex) {
                addAlternative(merged[view], pattern.regex);
                continue;
            }
            if (auto failure = addEntry(view, pattern.regex, pass))
                return Error{matcher->m_pack.source + u": "_s + *failure};
        }
        for (int v = 0; v < kViews; ++v) {
            if (merged[v].empty())
                continue;
            if (auto failure = addEntry(v, merged[v], merged[v]))
                return Error{matcher->m_pack.source + u": "_s + *failure};
        }
    }

    for (Prefilter &prefilter : matcher->m_prefilters) {
        if (prefilter.set && !prefilter.set->Compile())
            return Error{matcher->m_pack.source + u": the patterns need more memory than allowed"_s};
    }
    rg::log::get("detect")->debug("compiled pack {} {}: {} rules, {} + {} patterns",
                                  matcher->m_pack.id.toStdString(),
                                  matcher->m_pack.version.toStdString(), rules.size(),
                                  matcher->m_prefilters[0].exact.size(),
                                  matcher->m_prefilters[1].exact.size());
    return matcher;
}

const FoldedText &Matcher::folded(int view)
{
    if (!m_foldedValid[view]) {
        m_normaliser.fold(m_codePoints, view == 1 ? View::Folded : View::Plain, m_folded[view]);
        m_foldedValid[view] = true;
    }
    return m_folded[view];
}

/*!
 * Adds to m_touchedRules every rule of \a role with a primary pattern in \a view that the
 * single pass says may match. Should RE2 run out of memory for the set's DFA (a huge pack
 * meeting hostile text), every pattern of the view is a candidate instead: slower, still
 * linear, and nothing is missed.
 */
void Matcher::prefilter(int view, model::Role role)
{
    Prefilter &prefilter = m_prefilters[view];
    if (!prefilter.set)
        return;
    m_hits.clear();
    RE2::Set::ErrorInfo info{};
    if (!prefilter.set->Match(folded(view).text, &m_hits, &info)
        && info.kind != RE2::Set::kNoError) {
        rg::log::get("detect")->warn("single pass failed ({}); trying every pattern",
                                     static_cast<int>(info.kind));
        m_hits.resize(prefilter.exact.size());
        std::iota(m_hits.begin(), m_hits.end(), 0);
    }
    for (const int id : m_hits) {
        const int rule = prefilter.ruleOf[id];
        if (m_pack.rules[rule].role != role)
            continue;
        if (!m_touched[rule]) {
            m_touched[rule] = 1;
            m_touchedRules.push_back(rule);
        }
        m_rules[rule].candidates.push_back(view == 1 ? id : -1 - id);
    }
}

void Matcher::findSpans(const re2::RE2 &regex, int view, std::vector<Span> &spans)
{
    const FoldedText &text = folded(view);
    const re2::StringPiece input(text.text);
    re2::StringPiece match;
    std::size_t pos = 0;
    for (int found = 0; found < kMaxSpans && pos <= input.size(); ++found) {
        if (!regex.Match(input, pos, input.size(), RE2::UNANCHORED, &match, 1))
            break;
        const auto begin = static_cast<std::size_t>(match.data() - input.data());
        const std::size_t end = begin + match.size();
        if (end > begin)
            spans.push_back(text.original(begin, end));
        pos = end > begin ? end : end + 1;
    }
}

void Matcher::findSpans(const PerView &regexes, std::vector<Span> &spans)
{
    for (int v = 0; v < kViews; ++v) {
        if (regexes[v])
            findSpans(*regexes[v], v, spans);
    }
}

// Counts, for every code point, the words that start before it; words are separated by white
// space, and invisible characters and lone combining marks belong to no word. Built once per
// message, so the distance between any two spans is a subtraction.
void Matcher::indexWords()
{
    m_wordStarts.assign(m_codePoints.size() + 1, 0);
    bool inWord = false;
    int words = 0;
    for (std::size_t i = 0; i < m_codePoints.size(); ++i) {
        m_wordStarts[i] = words;
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
    m_wordStarts[m_codePoints.size()] = words;
}

// Words that stand between two spans of the original text (0 when they touch or overlap).
int Matcher::wordsBetween(Span a, Span b) const
{
    if (b.start < a.start)
        std::swap(a, b);
    if (b.start <= a.end)
        return 0;
    return m_wordStarts[b.start] - m_wordStarts[a.end];
}

/*!
 * Whether a span of \a others lies within \a words words of \a a; \a others must be sorted by
 * start. The nearest such span goes to \a nearest; when one is asked for (a near group), spans
 * inside \a a itself do not count: a near word must stand beside the match, not be part of it.
 */
bool Matcher::within(Span a, const std::vector<Span> &others, int words, Span *nearest) const
{
    int best = words + 1;
    const auto consider = [&](Span other) {
        if (nearest && other.start >= a.start && other.end <= a.end)
            return;
        const int distance = wordsBetween(a, other);
        if (distance < best) {
            best = distance;
            if (nearest)
                *nearest = other;
        }
    };
    // Spans starting at or after a.start: the first few, nearest first.
    auto it = std::lower_bound(others.begin(), others.end(), a.start,
                               [](Span span, int start) { return span.start < start; });
    for (auto after = it; after != others.end() && after - it < 8; ++after)
        consider(*after);
    // Spans starting before a.start: walk back while one could still be near enough.
    for (auto before = it; before != others.begin();) {
        --before;
        consider(*before);
        if (best == 0 || wordsBetween({before->start, before->start}, a) > words + 64)
            break;
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
    m_foldedValid.fill(false);
    for (int v = 0; v < kViews; ++v)
        prefilter(v, model::Role::Customer);
    const std::size_t count = m_touchedRules.size();
    for (const int r : m_touchedRules) {
        m_touched[r] = 0;
        m_rules[r].candidates.clear();
    }
    m_touchedRules.clear();
    return count;
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
    m_foldedValid.fill(false);
    for (int v = 0; v < kViews; ++v)
        prefilter(v, message.role);
    if (!m_touchedRules.empty())
        indexWords();

    const auto byStart = [](Span x, Span y) { return x.start < y.start; };
    std::vector<Span> primary, others;
    for (const int r : m_touchedRules) {
        m_touched[r] = 0;
        const Rule &rule = m_pack.rules[r];
        CompiledRule &compiled = m_rules[r];
        primary.clear();
        for (const int candidate : compiled.candidates) {
            const int view = candidate >= 0 ? 1 : 0;
            const int id = candidate >= 0 ? candidate : -1 - candidate;
            findSpans(*m_prefilters[view].exact[id], view, primary);
        }
        compiled.candidates.clear();
        if (primary.empty())
            continue;
        if (rule.unless) {
            others.clear();
            findSpans(compiled.unless, others);
            std::sort(others.begin(), others.end(), byStart);
            std::erase_if(primary, [&](Span span) {
                return within(span, others, rule.unless->within, nullptr);
            });
        }
        if (rule.near && !primary.empty()) {
            others.clear();
            findSpans(compiled.near, others);
            std::sort(others.begin(), others.end(), byStart);
        }
        for (Span span : primary) {
            if (rule.near) {
                Span other{};
                if (!within(span, others, rule.near->within, &other))
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
    SequenceFinder sequences(m_pack.sequences);
    sequences.update(detection.findings);
    detection.sequences = sequences.hits();
    return detection;
}

SequenceFinder::SequenceFinder(const std::vector<Sequence> &sequences)
    : m_sequences(&sequences)
    , m_states(sequences.size())
{}

/*!
 * Each finding of a sequence's first step may open it, in order; the other steps follow as early
 * as they can. The first completion that fits within_turns counts. An opening whose steps have
 * not all appeared yet waits for later turns (no later opening could complete sooner); one that
 * completed too wide stays too wide however the conversation goes on, so the next is tried.
 */
void SequenceFinder::update(const std::vector<model::Finding> &findings)
{
    for (; m_seen < findings.size(); ++m_seen)
        m_byCue[findings[m_seen].cue].push_back(static_cast<int>(m_seen));
    // The first finding of \a cue at or after (turn, pos), as findings are ordered.
    const auto next = [&](const QString &cue, int turn, int pos) -> const model::Finding * {
        const auto list = m_byCue.constFind(cue);
        if (list == m_byCue.cend())
            return nullptr;
        const auto it = std::lower_bound(list->begin(), list->end(), std::pair{turn, pos},
                                         [&](int index, std::pair<int, int> from) {
                                             const model::Finding &f = findings[index];
                                             return std::pair{f.turn, f.start} < from;
                                         });
        return it == list->end() ? nullptr : &findings[*it];
    };
    for (std::size_t s = 0; s < m_states.size(); ++s) {
        const Sequence &sequence = (*m_sequences)[s];
        State &state = m_states[s];
        const auto openings = m_byCue.constFind(sequence.steps.front());
        if (state.hit || openings == m_byCue.cend())
            continue;
        for (; state.opening < openings->size(); ++state.opening) {
            const model::Finding &first = findings[(*openings)[state.opening]];
            std::vector<int> turns{first.turn};
            int fromTurn = first.turn;
            int fromPos = first.end;
            for (qsizetype step = 1; step < sequence.steps.size(); ++step) {
                const model::Finding *found = next(sequence.steps[step], fromTurn, fromPos);
                if (!found)
                    break;
                turns.push_back(found->turn);
                fromTurn = found->turn;
                fromPos = found->end;
            }
            if (turns.size() != static_cast<std::size_t>(sequence.steps.size()))
                break;
            if (sequence.withinTurns > 0 && turns.back() - turns.front() > sequence.withinTurns)
                continue;
            state.hit = model::SequenceHit{sequence.id, sequence.description, sequence.weight,
                                           std::move(turns)};
            break;
        }
    }
}

std::vector<model::SequenceHit> SequenceFinder::hits() const
{
    std::vector<model::SequenceHit> hits;
    for (const State &state : m_states) {
        if (state.hit)
            hits.push_back(*state.hit);
    }
    return hits;
}

} // namespace rg::detect
