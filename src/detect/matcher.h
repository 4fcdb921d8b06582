// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detect/normaliser.h"
#include "detect/rulepack.h"
#include "model/conversation.h"
#include "model/finding.h"
#include "model/result.h"

#include <QHash>

#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace rg::detect {

struct Detection
{
    std::vector<model::Finding> findings; // ordered by turn, then start
    std::vector<model::SequenceHit> sequences;
};

// Use me to find a pack's sequences in findings that grow a turn at a time: each call looks at
// the findings added since the last one, so a whole conversation costs O(findings log findings)
// however it is split.
class SequenceFinder final
{
public:
    explicit SequenceFinder(const std::vector<Sequence> &sequences);

    // \a findings: those given before, then findings of later turns (ordered by turn, start).
    void update(const std::vector<model::Finding> &findings);
    // The completed sequences, in the pack's order.
    std::vector<model::SequenceHit> hits() const;

private:
    struct State
    {
        std::size_t opening = 0; // the first-step finding tried next (index into its cue's list)
        std::optional<model::SequenceHit> hit;
    };

    const std::vector<Sequence> *m_sequences;
    std::vector<State> m_states;
    QHash<QString, std::vector<int>> m_byCue; // finding indices per cue, in order
    std::size_t m_seen = 0;
};

// Use me to find cues in conversations. Matching is linear in the text whatever it holds, and
// cheap in the number of rules: one RE2::Set pass per view tells which patterns can
// match, and only those run their own expression for spans.
// Not thread-safe: give each thread its own Matcher.
class Matcher final
{
public:
    static Result<std::unique_ptr<Matcher>> compile(RulePack pack);
    ~Matcher();
    Matcher(const Matcher &) = delete;
    Matcher &operator=(const Matcher &) = delete;

    const std::vector<Sequence> &sequences() const { return m_pack.sequences; }

    Detection scan(const model::Conversation &conversation);
    std::vector<model::Finding> scanMessage(int turn, const model::Message &message);

    // How many rules pass the single pass for \a text; for benchmarks.
    std::size_t countCandidates(QStringView text);

private:
    static constexpr int kViews = 2;
    using PerView = std::array<std::unique_ptr<re2::RE2>, kViews>;

    // Near and unless patterns: one expression per view, the alternation of the rule's patterns.
    struct CompiledRule
    {
        PerView near;
        PerView unless;
        std::vector<int> candidates; // primary patterns the prefilter let through, per message
    };
    // The single pass of one view over the primary patterns, and each pattern's own expression.
    struct Prefilter
    {
        std::unique_ptr<re2::RE2::Set> set;
        std::vector<int> ruleOf; // pattern id -> rule index
        std::vector<std::unique_ptr<re2::RE2>> exact;
    };
    using Span = FoldedText::Span;

    Matcher();
    const FoldedText &folded(int view);
    void prefilter(int view, model::Role role);
    void findSpans(const re2::RE2 &regex, int view, std::vector<Span> &spans);
    void findSpans(const PerView &regexes, std::vector<Span> &spans);
    void indexWords();
    int wordsBetween(Span a, Span b) const;
    bool within(Span a, const std::vector<Span> &others, int words, Span *nearest) const;
    QString quote(QStringView text, Span span) const;

    RulePack m_pack;
    std::vector<CompiledRule> m_rules;
    std::array<Prefilter, kViews> m_prefilters;
    Normaliser m_normaliser;

    // Scratch state of the message being scanned, reused between messages.
    std::u32string m_codePoints;
    std::array<FoldedText, kViews> m_folded;
    std::array<bool, kViews> m_foldedValid{};
    std::vector<int> m_hits;
    std::vector<char> m_touched;
    std::vector<int> m_touchedRules;
    std::vector<int> m_wordStarts; // per code point: words starting before it
};

} // namespace rg::detect
