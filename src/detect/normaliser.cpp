// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detect/normaliser.h"

#include <QString>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>

#include <array>
#include <stdexcept>

namespace rg::detect {

namespace {

// Leetspeak: which letter a digit or symbol stands for inside a word ("d1sc0rd", "t3l3gr@m").
constexpr char leetLetter(char c)
{
    switch (c) {
    case '0':
        return 'o';
    case '1':
    case '!':
        return 'i';
    case '3':
        return 'e';
    case '4':
    case '@':
        return 'a';
    case '5':
    case '$':
        return 's';
    case '7':
        return 't';
    case '8':
        return 'b';
    case '9':
        return 'g';
    case '|':
        return 'i';
    default:
        return 0;
    }
}

// Words that follow a number as a unit ("4pm", "10mins", "3rd"): their digits are not leet.
bool startsWithUnit(std::string_view word)
{
    static constexpr std::array<std::string_view, 24> kUnits{
        "am",   "pm",  "st",   "nd",    "rd",   "th",    "min",  "hr",
        "hour", "day", "sec",  "week",  "month", "year", "usd",  "eur",
        "gbp",  "k",   "x",    "gb",    "mb",   "tb",    "pc",   "item"};
    for (const auto unit : kUnits) {
        if (word.starts_with(unit))
            return true;
    }
    return false;
}

const icu::Normalizer2 &normalizer(bool casefold)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *instance = casefold ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                                                : icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || !instance)
        throw std::runtime_error("ICU normalisation data is missing");
    return *instance;
}

// NFD, then drop the non-spacing and enclosing marks: "llegó" -> "llego", "t⃝" -> "t".
icu::UnicodeString stripMarks(const icu::UnicodeString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = normalizer(false).normalize(text, status);
    icu::UnicodeString result;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 cp = decomposed.char32At(i);
        const auto type = u_charType(cp);
        if (type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK)
            result.append(cp);
        i += U16_LENGTH(cp);
    }
    return result;
}

// Punctuation that folds to an ASCII separator so in-word separators are seen through.
char asciiPunctuation(char32_t cp)
{
    switch (cp) {
    case U'\u2018':
    case U'\u2019':
    case U'\u02BC':
    case U'\u2032':
        return '\'';
    case U'\u2010':
    case U'\u2011':
    case U'\u2012':
    case U'\u2013':
    case U'\u2014':
    case U'\u2015':
    case U'\u2212':
        return '-';
    case U'\u00B7':
    case U'\u2022':
    case U'\u2027':
    case U'\u30FB':
        return '.';
    default:
        return 0;
    }
}

bool isAscii(const icu::UnicodeString &text)
{
    for (int32_t i = 0; i < text.length(); ++i) {
        if (text.charAt(i) >= 0x80)
            return false;
    }
    return true;
}

} // namespace

/*!
 * The Latin look-alike of \a c by its UTS #39 skeleton ("р" -> "p"), trying the upper case too,
 * since some lower-case letters only look Latin as capitals (Cyrillic "т" is a small capital T).
 * Letters with no Latin look-alike keep their own form, accents stripped.
 */
icu::UnicodeString Normaliser::homoglyph(UChar32 c) const
{
    for (const UChar32 candidate : {c, u_toupper(c)}) {
        UChar source[2];
        int32_t sourceLength = 0;
        U16_APPEND_UNSAFE(source, sourceLength, candidate);
        UChar skeleton[32];
        UErrorCode status = U_ZERO_ERROR;
        const int32_t length = uspoof_getSkeleton(m_spoof, 0, source, sourceLength, skeleton,
                                                  32, &status);
        if (U_FAILURE(status))
            continue;
        status = U_ZERO_ERROR;
        icu::UnicodeString folded = stripMarks(
            normalizer(true).normalize(icu::UnicodeString(skeleton, length), status));
        if (U_SUCCESS(status) && !folded.isEmpty() && isAscii(folded))
            return folded;
    }
    return stripMarks(icu::UnicodeString(c));
}

void FoldedText::clear()
{
    text.clear();
    from.clear();
    to.clear();
}

Normaliser::Normaliser()
{
    UErrorCode status = U_ZERO_ERROR;
    m_spoof = uspoof_open(&status);
    if (U_FAILURE(status))
        throw std::runtime_error("ICU spoof checker unavailable");
}

Normaliser::~Normaliser()
{
    uspoof_close(m_spoof);
}

/*!
 * Splits UTF-16 \a text into code points, the unit of every offset the engine reports. A lone
 * surrogate counts as one code point, as it does in Python.
 */
void Normaliser::toCodePoints(QStringView text, std::u32string &out)
{
    out.clear();
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode())) {
            out.push_back(QChar::surrogateToUcs4(c, text[i + 1].unicode()));
            ++i;
        } else {
            out.push_back(c);
        }
    }
}

const Normaliser::Mapping &Normaliser::mapNonAscii(char32_t cp, View view)
{
    auto &cache = m_cache[view == View::Folded ? 1 : 0];
    if (const auto it = cache.find(cp); it != cache.end())
        return it->second;
    // Hostile text can cycle through the whole code space; keep the cache bounded.
    if (cache.size() > 65536)
        cache.clear();

    Mapping mapping;
    const auto type = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(cp)));
    if (u_isUWhiteSpace(static_cast<UChar32>(cp))) {
        mapping.bytes = " ";
    } else if (const char punct = asciiPunctuation(cp); punct && view == View::Folded) {
        mapping.bytes = std::string(1, punct);
    } else if (type == U_CONTROL_CHAR) {
        // Invisible, as C0 controls are (toUnits): a C1 control inside a word must not split it.
    } else {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString text = normalizer(true).normalize(
            icu::UnicodeString(static_cast<UChar32>(cp)), status);
        if (view == View::Folded && !text.isEmpty()) {
            icu::UnicodeString folded;
            for (int32_t i = 0; i < text.length();) {
                const UChar32 c = text.char32At(i);
                i += U16_LENGTH(c);
                folded.append(c < 0x80 ? icu::UnicodeString(c) : homoglyph(c));
            }
            text = folded;
        }
        text.toUTF8String(mapping.bytes);
        mapping.combining = mapping.bytes.empty()
                            && (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK);
    }
    if (mapping.bytes.size() == 1)
        mapping.kind = asciiKind(mapping.bytes[0]);
    else if (!mapping.bytes.empty())
        mapping.kind = u_isalpha(static_cast<UChar32>(cp)) ? Letter : Other;
    return cache.emplace(cp, std::move(mapping)).first->second;
}

Normaliser::Kind Normaliser::asciiKind(char c)
{
    // One lookup per character: this runs for every byte of every message.
    static constexpr auto kTable = [] {
        std::array<Kind, 128> table{};
        table.fill(Other);
        for (int i = 'a'; i <= 'z'; ++i)
            table[i] = table[i - 32] = Letter;
        for (int i = '0'; i <= '9'; ++i)
            table[i] = Digit;
        for (const char space : {' ', '\t', '\n', '\r', '\f', '\v'})
            table[static_cast<unsigned char>(space)] = Space;
        for (const char separator : {'.', '-', '_', '*', '\'', '`', '~', '+', '/', '\\'})
            table[static_cast<unsigned char>(separator)] = Separator;
        for (const char symbol : {'@', '$', '!', '|'})
            table[static_cast<unsigned char>(symbol)] = Symbol;
        return table;
    }();
    return static_cast<unsigned char>(c) < 128 ? kTable[static_cast<unsigned char>(c)] : Other;
}

void Normaliser::toUnits(std::u32string_view text, View view)
{
    m_units.clear();
    m_units.reserve(text.size());
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n; ++i) {
        const char32_t cp = text[i];
        if (cp < 0x80) {
            const char c = static_cast<char>(cp);
            const Kind kind = asciiKind(c);
            if (kind == Other && (cp < 0x20 || cp == 0x7f))
                continue; // control characters are invisible
            const bool upper = c >= 'A' && c <= 'Z';
            m_units.push_back({upper ? static_cast<char>(c + 32) : c, kind, upper, i, i + 1});
            continue;
        }
        const Mapping &mapping = mapNonAscii(cp, view);
        if (mapping.bytes.empty()) {
            // A combining mark belongs to the letter before it: keep it inside the evidence.
            if (mapping.combining && !m_units.empty() && m_units.back().to == i)
                m_units.back().to = i + 1;
            continue;
        }
        for (const char byte : mapping.bytes)
            m_units.push_back({byte, mapping.kind, false, i, i + 1});
    }
}

void Normaliser::append(FoldedText &out, char byte, const Unit &unit)
{
    out.text.push_back(byte);
    out.from.push_back(unit.from);
    out.to.push_back(unit.to);
}

/*!
 * Folds \a text (code points) for \a view into \a out, replacing its contents. Every byte of
 * the result maps back to the original code points it came from.
 */
void Normaliser::fold(std::u32string_view text, View view, FoldedText &out)
{
    out.clear();
    if (view == View::Plain) {
        foldPlain(text, out);
        return;
    }
    toUnits(text, view);
    out.text.reserve(m_units.size());
    out.from.reserve(m_units.size());
    out.to.reserve(m_units.size());
    foldUnits(out);
}

// The plain view needs no look at neighbours, so it folds straight from the code points.
void Normaliser::foldPlain(std::u32string_view text, FoldedText &out)
{
    out.text.reserve(text.size());
    out.from.reserve(text.size());
    out.to.reserve(text.size());
    const auto n = static_cast<std::int32_t>(text.size());
    const auto push = [&out](char byte, std::int32_t from, std::int32_t to) {
        out.text.push_back(byte);
        out.from.push_back(from);
        out.to.push_back(to);
    };
    for (std::int32_t i = 0; i < n; ++i) {
        const char32_t cp = text[i];
        std::string_view bytes;
        char ascii = 0;
        if (cp < 0x80) {
            ascii = static_cast<char>(cp);
            const Kind kind = asciiKind(ascii);
            if (kind == Other && (cp < 0x20 || cp == 0x7f))
                continue;
            if (kind == Space)
                ascii = ' ';
            else if (ascii >= 'A' && ascii <= 'Z')
                ascii = static_cast<char>(ascii + 32);
            bytes = std::string_view(&ascii, 1);
        } else {
            const Mapping &mapping = mapNonAscii(cp, View::Plain);
            if (mapping.bytes.empty()) {
                if (mapping.combining && !out.to.empty() && out.to.back() == i)
                    out.to.back() = i + 1;
                continue;
            }
            bytes = mapping.bytes;
        }
        for (const char byte : bytes) {
            if (byte == ' ' && (out.text.empty() || out.text.back() == ' '))
                continue;
            push(byte, i, i + 1);
        }
    }
}

void Normaliser::foldUnits(FoldedText &out)
{
    const std::size_t n = m_units.size();
    const auto isAsciiAlnum = [&](std::size_t j) {
        const Unit &u = m_units[j];
        return u.byte > 0 && (u.kind == Letter || u.kind == Digit || u.byte == '@');
    };
    const auto isWordChar = [&](std::size_t j) {
        const Kind k = m_units[j].kind;
        return k == Letter || k == Digit || k == Symbol;
    };
    const auto isLetter = [&](std::size_t j) { return j < n && m_units[j].kind == Letter; };

    // Letters spaced out ("t e l e g r a m", "t.e.l.e.g.r.a.m", "D.N.A"): four or more single
    // letters one apart, or three held together by dots or dashes, are joined into a word.
    m_joinAt.assign(n, 0);
    const auto isSingle = [&](std::size_t j) {
        return isAsciiAlnum(j) && (j == 0 || !isWordChar(j - 1)) && (j + 1 == n || !isWordChar(j + 1));
    };
    const auto isGap = [&](std::size_t j) {
        return m_units[j].kind == Space || m_units[j].kind == Separator;
    };
    for (std::size_t j = 0; j < n; ++j) {
        if (!isSingle(j))
            continue;
        // Gaps of one or two units: "t e l", "t  e  l", "t. e. l".
        const auto gapAfter = [&](std::size_t at) -> std::size_t {
            if (at + 1 < n && isGap(at + 1)) {
                if (at + 2 < n && isGap(at + 2))
                    return 2;
                return 1;
            }
            return 0;
        };
        std::size_t k = j;
        int count = 1;
        bool spaced = false;
        std::vector<std::size_t> &gaps = m_gaps;
        gaps.clear();
        std::string signature; // every gap of a run looks the same: "a D.N.A." is "a", "DNA"
        for (std::size_t gap = gapAfter(k); gap && k + gap + 1 <= n - 1 && isSingle(k + gap + 1);
             gap = gapAfter(k)) {
            std::string bytes;
            for (std::size_t g = k + 1; g <= k + gap; ++g)
                bytes.push_back(m_units[g].byte);
            if (signature.empty())
                signature = bytes;
            else if (bytes != signature)
                break;
            for (std::size_t g = k + 1; g <= k + gap; ++g) {
                spaced = spaced || m_units[g].kind == Space;
                gaps.push_back(g);
            }
            k += gap + 1;
            ++count;
        }
        if (count >= 4 || (count == 3 && !spaced)) {
            for (const std::size_t g : gaps)
                m_joinAt[g] = 1;
            // The closing dot of an abbreviation ("D.N.A.") goes with it.
            if (!spaced && k + 1 < n && m_units[k + 1].byte == m_units[j + 1].byte)
                m_joinAt[k + 1] = 1;
            j = k;
        }
    }

    Kind last = Space;
    for (std::size_t j = 0; j < n; ++j) {
        const Unit &unit = m_units[j];
        if (m_joinAt[j])
            continue;
        switch (unit.kind) {
        case Space:
            if (!out.text.empty() && last != Space) {
                append(out, ' ', unit);
                last = Space;
            }
            break;
        case Digit: {
            std::size_t runEnd = j;
            while (runEnd < n && m_units[runEnd].kind == Digit)
                ++runEnd;
            std::size_t runStart = j;
            while (runStart > 0 && m_units[runStart - 1].kind == Digit)
                --runStart;
            bool leet = false;
            if (runEnd - runStart <= 2 && leetLetter(unit.byte)) {
                if (runStart > 0 && m_units[runStart - 1].kind == Letter) {
                    leet = true;
                } else if (isLetter(runEnd)) {
                    std::string word;
                    for (std::size_t w = runEnd; w < n && m_units[w].kind == Letter; ++w)
                        word.push_back(m_units[w].byte);
                    leet = word.size() >= 3 && !startsWithUnit(word);
                }
            }
            append(out, leet ? leetLetter(unit.byte) : unit.byte, unit);
            last = leet ? Letter : Digit;
            break;
        }
        case Symbol: {
            // Inside a word a symbol is a letter: "c@shapp", and chains such as "c@$h@pp".
            std::size_t next = j + 1;
            while (next < n && next < j + 4
                   && (m_units[next].kind == Symbol || m_units[next].kind == Digit)
                   && leetLetter(m_units[next].byte)) {
                ++next;
            }
            if (last == Letter && isLetter(next)) {
                append(out, leetLetter(unit.byte), unit);
                last = Letter;
            } else {
                append(out, unit.byte, unit);
                last = Symbol;
            }
            break;
        }
        case Separator:
            // "tele.gram", "dis-cord", "didn't": a separator inside a word goes. A full stop
            // before a capital letter ends a sentence and stays.
            if ((last == Letter || last == Digit) && isLetter(j + 1)
                && !(unit.byte == '.' && m_units[j + 1].upper)) {
                break;
            }
            append(out, unit.byte, unit);
            last = Separator;
            break;
        case Letter:
            // "l" and "i" are one letter here: leetspeak writes both as "1", "|" or "!"
            // ("te1egram", "d1scord"), and patterns are folded the same way.
            append(out, unit.byte == 'l' ? 'i' : unit.byte, unit);
            last = Letter;
            break;
        case Other:
            append(out, unit.byte, unit);
            last = Other;
            break;
        }
    }
}

/*!
 * Folds a UTF-8 string, e.g. a rule pattern's phrase, exactly as chat text is folded.
 */
std::string Normaliser::fold(std::string_view utf8, View view)
{
    const QString text = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
    std::u32string codePoints;
    toCodePoints(text, codePoints);
    FoldedText out;
    fold(codePoints, view, out);
    return out.text;
}

} // namespace rg::detect
