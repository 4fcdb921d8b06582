// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detect/normaliser.h"
#include "detect/rulepack.h"
#include "model/conversation.h"
#include "model/finding.h"
#include "model/result.h"

#include <memory>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

namespace rg::detect {

struct Detection
{
    std::vector<model::Finding> findings; // ordered by turn, then start
    std::vector<model::SequenceHit> sequences;
};

// Use me to find cues in conversations. Matching is linear in the text whatever it holds:
// one RE2::Set pass per view tells which patterns occur, and only those run again for spans.
// Not thread-safe: give each thread its own Matcher.
class Matcher final
{
public:
    static Result<std::unique_ptr<Matcher>> compile(RulePack pack);
    ~Matcher();
    Matcher(const Matcher &) = delete;
    Matcher &operator=(const Matcher &) = delete;

    const RulePack &pack() const { return m_pack; }

    Detection scan(const model::Conversation &conversation);
    std::vector<model::Finding> scanMessage(int turn, const model::Message &message);

    // Rules whose patterns match in one RE2::Set pass over the folded text; for benchmarks.
    std::size_t countCandidates(QStringView text);

private:
    enum class Part : std::uint8_t { Primary, Near, Unless };
    struct Entry
    {
        int rule;
        Part part;
        View view;
        std::unique_ptr<re2::RE2> regex;
    };
    struct Span
    {
        int start;
        int end;
    };

    Matcher();
    void findSpans(const Entry &entry, std::vector<Span> &spans) const;
    int wordsBetween(Span a, Span b) const;
    bool within(Span a, const std::vector<Span> &others, int words, Span *nearest) const;
    QString quote(QStringView text, Span span) const;

    RulePack m_pack;
    std::vector<Entry> m_entries;
    std::unique_ptr<re2::RE2::Set> m_sets[2];
    std::vector<int> m_setEntries[2]; // set index -> entry index
    Normaliser m_normaliser;

    // Scratch buffers reused between messages.
    std::u32string m_codePoints;
    FoldedText m_folded[2];
    std::vector<int> m_hits;
    std::vector<std::vector<int>> m_ruleEntries;
    std::vector<int> m_touchedRules;
};

} // namespace rg::detect
