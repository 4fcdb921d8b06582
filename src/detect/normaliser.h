// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/umachine.h>
#include <unicode/unistr.h>

struct USpoofChecker;

namespace rg::detect {

// How far text is folded before patterns see it.
enum class View : std::uint8_t {
    // NFKC, case folding, invisible characters removed, whitespace collapsed. For patterns
    // that need the text's structure: links, e-mail addresses, phone numbers, amounts.
    Plain,
    // Plain, plus what refund coaches use to dodge filters: accents stripped, cross-script
    // homoglyphs mapped to their Latin look-alikes (Unicode confusables, UTS #39 skeletons),
    // leetspeak inside words, separators inside words and letters spaced out joined up; "l" and
    // "i" are one letter, as leetspeak's "1" stands for either.
    Folded,
};

// Folded UTF-8 text with, for every byte, the original code points it came from.
struct FoldedText
{
    std::string text;
    std::vector<std::int32_t> from; // first original code point of each byte
    std::vector<std::int32_t> to;   // one past the last original code point of each byte

    struct Span
    {
        int start = 0;
        int end = 0;
    };
    // The original code points behind bytes [begin, end) of text; end > begin.
    Span original(std::size_t begin, std::size_t end) const { return {from[begin], to[end - 1]}; }
    void clear();
};

// Use me to turn chat text into the form rule patterns match against, keeping the way back to
// the original offsets so evidence quotes exactly what the customer typed.
// Not thread-safe (it caches per code point): use one per thread.
class Normaliser final
{
public:
    Normaliser();
    ~Normaliser();
    Normaliser(const Normaliser &) = delete;
    Normaliser &operator=(const Normaliser &) = delete;

    void fold(std::u32string_view text, View view, FoldedText &out);
    std::string fold(std::string_view utf8, View view);

    static void toCodePoints(QStringView text, std::u32string &out);

private:
    enum Kind : std::uint8_t { Letter, Digit, Space, Separator, Symbol, Other };
    struct Unit
    {
        char byte;
        Kind kind;
        bool upper;
        std::int32_t from;
        std::int32_t to;
    };
    struct Mapping
    {
        std::string bytes;
        Kind kind = Other;
        bool combining = false;
    };

    const Mapping &mapNonAscii(char32_t cp, View view);
    icu::UnicodeString homoglyph(UChar32 c) const;
    void toUnits(std::u32string_view text, View view);
    void foldUnits(FoldedText &out);
    void foldPlain(std::u32string_view text, FoldedText &out);
    static Kind asciiKind(char c);
    void append(FoldedText &out, char byte, const Unit &unit);

    std::unordered_map<char32_t, Mapping> m_cache[2];
    std::vector<Unit> m_units;
    std::vector<std::uint8_t> m_joinAt;
    std::vector<std::size_t> m_gaps; // scratch: gap units of a run of spaced-out letters
    USpoofChecker *m_spoof = nullptr;
};

} // namespace rg::detect
