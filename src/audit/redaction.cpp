// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/redaction.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QRegularExpressionMatch>
#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <cmath>

namespace rg::audit {

using namespace Qt::StringLiterals;

namespace {

// The review UI and the tests match these exact strings.
const QString kEmail = u"[email]"_s;
const QString kIban = u"[iban]"_s;
const QString kNationalId = u"[national id]"_s;
const QString kPhone = u"[phone]"_s;
const QString kCard = u"[card \u2022\u2022\u2022\u2022%1]"_s;

// Written over text a rule has already replaced, so that later rules can neither match inside
// it nor join digits across it: it is no letter, digit or separator that any rule accepts.
constexpr char16_t kMask = u'\uFFFC';

constexpr qsizetype kMinCardDigits = 13;
constexpr qsizetype kMaxCardDigits = 19;
// E.164 allows at most 15 digits; fewer than 8 with a '+' is more often a score or a percentage.
constexpr qsizetype kMinInternationalDigits = 8;
constexpr qsizetype kMaxInternationalDigits = 15;

// A match may not continue a word, nor a number glued on with '-', '.', '/', ',' or ':'; that
// keeps the tail of an order number (114-6639921-5543210), a date or a price out of reach.
// startsToken() and endsToken() say the same for the hand-written scanners.
const QString kBefore = uR"((?<![\p{L}\p{N}_])(?<!\p{N}[-./,:]))"_s;
const QString kAfter = uR"((?![\p{L}\p{N}_])(?![-./,:]\p{N}))"_s;
// Short national formats must not be cut out of a longer space-grouped number such as a tracking
// number printed as 9400 1118 0958 1234 5678 77.
const QString kNationalBefore = kBefore + uR"((?<!\p{N} ))"_s;
const QString kNationalAfter = kAfter + uR"((?! \p{N}))"_s;

struct Span
{
    qsizetype begin = 0;
    qsizetype end = 0;
    QString placeholder;
};

// One rule: appends what it finds in text that earlier rules have already masked.
using Finder = void (*)(const QString &text, QList<Span> &found);
// Validates a regular expression match; returns where the accepted span ends, or -1.
using Check = qsizetype (*)(const QString &text, const QRegularExpressionMatch &match);

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiDigit(c) || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

bool isJoiner(QChar c)
{
    return c == u'-' || c == u'.' || c == u'/' || c == u',' || c == u':';
}

bool startsToken(QStringView text, qsizetype begin)
{
    if (begin == 0)
        return true;
    const QChar before = text[begin - 1];
    if (isWordChar(before))
        return false;
    return !(isJoiner(before) && begin >= 2 && text[begin - 2].isNumber());
}

bool endsToken(QStringView text, qsizetype end)
{
    if (end == text.size())
        return true;
    const QChar after = text[end];
    if (isWordChar(after))
        return false;
    return !(isJoiner(after) && end + 1 < text.size() && text[end + 1].isNumber());
}

qsizetype digitCount(QStringView text)
{
    return std::count_if(text.begin(), text.end(), isAsciiDigit);
}

void findMatches(const QString &text, const QRegularExpression &pattern, Check check,
                 const QString &placeholder, QList<Span> &found)
{
    qsizetype offset = 0;
    while (offset < text.size()) {
        const QRegularExpressionMatch match = pattern.match(text, offset);
        if (!match.hasMatch())
            return;
        const qsizetype begin = match.capturedStart();
        const qsizetype end = check ? check(text, match) : match.capturedEnd();
        if (end <= begin) {
            // The engine reports the leftmost match only; a valid one may start inside it.
            offset = begin + 1;
            continue;
        }
        found.append({begin, end, placeholder});
        offset = end;
    }
}

void findEmails(const QString &text, QList<Span> &found)
{
    // Deliberately looser than RFC 5322: quoted local parts and IP literals do not occur in chats,
    // while non-ASCII names (josé@correo.es) do.
    static const QRegularExpression pattern(
        uR"((?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*)"
        uR"(\.\p{L}{2,}(?![\p{L}\p{N}_-]))"_s);
    findMatches(text, pattern, nullptr, kEmail, found);
}

struct IbanFormat
{
    char country[3];
    qsizetype length;
};

// From the SWIFT IBAN registry. Knowing each country's exact length lets a grouped IBAN end where
// it should instead of swallowing the next word, and rejects 'AB12…' codes of other kinds.
constexpr IbanFormat kIbanFormats[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27},
    {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28},
    {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};

qsizetype ibanLength(QChar first, QChar second)
{
    const QChar a = first.toUpper();
    const QChar b = second.toUpper();
    for (const IbanFormat &format : kIbanFormats) {
        if (a == QLatin1Char(format.country[0]) && b == QLatin1Char(format.country[1]))
            return format.length;
    }
    return 0;
}

// ISO 13616: move the first four characters to the end, read letters as 10..35, and the whole
// number must leave 1 modulo 97. Done piecewise because the number has up to 70 digits.
bool hasIbanChecksum(QStringView iban)
{
    int remainder = 0;
    const auto feed = [&remainder](QChar c) {
        if (isAsciiDigit(c))
            remainder = (remainder * 10 + (c.unicode() - u'0')) % 97;
        else
            remainder = (remainder * 100 + (c.unicode() - u'A' + 10)) % 97;
    };
    for (const QChar c : iban.sliced(4))
        feed(c);
    for (const QChar c : iban.first(4))
        feed(c);
    return remainder == 1;
}

void findIbans(const QString &text, QList<Span> &found)
{
    const qsizetype size = text.size();
    qsizetype begin = 0;
    while (begin + 4 <= size) {
        const qsizetype length = ibanLength(text[begin], text[begin + 1]);
        if (length == 0 || !isAsciiDigit(text[begin + 2]) || !isAsciiDigit(text[begin + 3])
            || !startsToken(text, begin)) {
            ++begin;
            continue;
        }
        // Either written solid or in groups of four split by single spaces, as banks print it.
        const bool grouped = begin + 4 < size && text[begin + 4] == u' ';
        QString iban;
        qsizetype pos = begin;
        while (iban.size() < length && pos < size) {
            if (grouped && iban.size() > 0 && iban.size() % 4 == 0) {
                if (text[pos] != u' ')
                    break;
                ++pos;
                if (pos == size)
                    break;
            }
            if (!isAsciiAlnum(text[pos]))
                break;
            iban.append(text[pos].toUpper());
            ++pos;
        }
        if (iban.size() == length && endsToken(text, pos) && hasIbanChecksum(iban)) {
            found.append({begin, pos, kIban});
            begin = pos;
        } else {
            ++begin;
        }
    }
}

// US Social Security number: the SSA never issues area 000, 666 or 900-999, group 00 or
// serial 0000, so such numbers are something else.
qsizetype checkSsn(const QString &, const QRegularExpressionMatch &match)
{
    const int area = match.capturedView(u"area").toInt();
    if (area == 0 || area == 666 || area >= 900 || match.capturedView(u"group").toInt() == 0
        || match.capturedView(u"serial").toInt() == 0) {
        return -1;
    }
    return match.capturedEnd();
}

void findSsns(const QString &text, QList<Span> &found)
{
    // Solid nine digits are left alone: too many order and account numbers look the same.
    static const QRegularExpression pattern(
        kNationalBefore
        + uR"((?<area>[0-9]{3})(?<sep>[- ])(?<group>[0-9]{2})\k<sep>(?<serial>[0-9]{4}))"_s
        + kNationalAfter);
    findMatches(text, pattern, checkSsn, kNationalId, found);
}

// HMRC never allocates these prefixes although their letters are allowed one by one.
qsizetype checkNino(const QString &, const QRegularExpressionMatch &match)
{
    static const QStringList unallocated{u"BG"_s, u"GB"_s, u"KN"_s, u"NK"_s,
                                         u"NT"_s, u"TN"_s, u"ZZ"_s};
    if (unallocated.contains(match.captured(u"prefix").toUpper()))
        return -1;
    return match.capturedEnd();
}

void findNinos(const QString &text, QList<Span> &found)
{
    // UK National Insurance number. The first letter is never D, F, I, Q, U or V, the second
    // never those or O, and the suffix is A-D, which makes HMRC's QQ123456C sample no match.
    // Spacing is all or nothing so that prose such as "on 123456 a" stays.
    static const QRegularExpression pattern(
        kBefore + uR"((?<prefix>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]))"_s
            + uR"((?:[0-9]{6}|(?: [0-9]{2}){3} )[A-D])"_s + kAfter,
        QRegularExpression::CaseInsensitiveOption);
    findMatches(text, pattern, checkNino, kNationalId, found);
}

// Spanish DNI (8 digits) and NIE (X, Y or Z and 7 digits): the letter is the number modulo 23.
qsizetype checkSpanishId(const QString &, const QRegularExpressionMatch &match)
{
    static constexpr char16_t letters[] = u"TRWAGMYFPDXBNJZSQVHLCKE";
    QString number = match.captured(u"number").toUpper();
    // The NIE's leading letter stands for a digit: X is 0, Y is 1, Z is 2.
    if (!isAsciiDigit(number.front()))
        number.front() = QChar(char16_t(u'0' + (number.front().unicode() - u'X')));
    const QChar expected(letters[number.toLongLong() % 23]);
    if (match.capturedView(u"letter").front().toUpper() != expected)
        return -1;
    return match.capturedEnd();
}

void findSpanishIds(const QString &text, QList<Span> &found)
{
    static const QRegularExpression pattern(
        kBefore + uR"((?<number>[0-9]{8}|[XYZ][0-9]{7})-?(?<letter>[A-Z]))"_s + kAfter,
        QRegularExpression::CaseInsensitiveOption);
    findMatches(text, pattern, checkSpanishId, kNationalId, found);
}

bool passesLuhn(QStringView digits)
{
    int sum = 0;
    bool doubled = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int digit = digits[i].unicode() - u'0';
        if (doubled) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

// Luhn alone passes one random number in ten; the issuer prefix and the length that goes with it
// keep Luhn-valid order and tracking numbers (USPS has 20-22 digits and starts with 9) out.
bool hasCardPrefix(QStringView digits)
{
    const qsizetype length = digits.size();
    const auto prefix = [digits](qsizetype count) { return digits.first(count).toInt(); };
    const int p2 = prefix(2);
    const int p3 = prefix(3);
    const int p4 = prefix(4);
    const bool length16to19 = length >= 16 && length <= 19;

    if (prefix(1) == 4) // Visa
        return length == 13 || length == 16 || length == 19;
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) // Mastercard
        return length == 16;
    if (p2 == 34 || p2 == 37) // American Express
        return length == 15;
    if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) // Discover
        return length16to19;
    if (p2 == 62) // UnionPay
        return length16to19;
    if (p4 >= 3528 && p4 <= 3589) // JCB
        return length16to19;
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) // Diners Club
        return length >= 14 && length <= 19;
    if (p4 >= 2200 && p4 <= 2204) // Mir
        return length16to19;
    static constexpr int maestro[] = {5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763};
    return std::find(std::begin(maestro), std::end(maestro), p4) != std::end(maestro);
}

// A grouped number is printed as a card is: four digits first (4-4-4-4, Amex 4-6-5), then groups
// of three to six. Order numbers such as 114-6639921-5543210 are grouped otherwise.
bool groupedLikeCard(const QList<qsizetype> &digitsAfterGroup, qsizetype groups)
{
    if (groups == 1)
        return true;
    if (digitsAfterGroup[0] != 4)
        return false;
    for (qsizetype i = 1; i < groups; ++i) {
        const qsizetype groupLength = digitsAfterGroup[i] - digitsAfterGroup[i - 1];
        if (groupLength < 3 || groupLength > 6)
            return false;
    }
    return true;
}

void findCards(const QString &text, QList<Span> &found)
{
    const qsizetype size = text.size();
    qsizetype begin = 0;
    while (begin < size) {
        if (!isAsciiDigit(text[begin]) || !startsToken(text, begin)) {
            ++begin;
            continue;
        }
        // Digit groups joined by one kind of separator, a single space or hyphen each time.
        QString digits;
        QList<qsizetype> groupEnds;
        QList<qsizetype> digitsAfterGroup;
        QChar separator;
        qsizetype pos = begin;
        while (true) {
            while (pos < size && isAsciiDigit(text[pos]))
                digits.append(text[pos++]);
            groupEnds.append(pos);
            digitsAfterGroup.append(digits.size());
            if (digits.size() > kMaxCardDigits || pos + 1 >= size)
                break;
            const QChar next = text[pos];
            if ((next != u' ' && next != u'-') || (!separator.isNull() && next != separator)
                || !isAsciiDigit(text[pos + 1])) {
                break;
            }
            separator = next;
            ++pos;
        }
        // The longest run of whole groups that is a card wins; dropping trailing groups lets
        // "4111 1111 1111 1111 12/27" keep its expiry date and still lose the number.
        qsizetype end = -1;
        qsizetype count = 0;
        for (qsizetype groups = groupEnds.size(); groups > 0 && end < 0; --groups) {
            count = digitsAfterGroup[groups - 1];
            if (count < kMinCardDigits || count > kMaxCardDigits
                || !endsToken(text, groupEnds[groups - 1])
                || !groupedLikeCard(digitsAfterGroup, groups)) {
                continue;
            }
            const QStringView number = QStringView(digits).first(count);
            if (hasCardPrefix(number) && passesLuhn(number))
                end = groupEnds[groups - 1];
        }
        if (end < 0) {
            begin = groupEnds.first();
            continue;
        }
        found.append({begin, end, kCard.arg(QStringView(digits).sliced(count - 4, 4))});
        begin = end;
    }
}

// The longest prefix that ends after a digit at a token boundary and holds 8-15 digits, so that
// "+44 20 7946 0958 2026" still gives up the phone number.
qsizetype checkInternationalPhone(const QString &text, const QRegularExpressionMatch &match)
{
    qsizetype digits = 0;
    qsizetype end = -1;
    for (qsizetype pos = match.capturedStart(); pos < match.capturedEnd(); ++pos) {
        if (!isAsciiDigit(text[pos]))
            continue;
        ++digits;
        if (digits > kMaxInternationalDigits)
            break;
        if (digits >= kMinInternationalDigits && endsToken(text, pos + 1))
            end = pos + 1;
    }
    return end;
}

void findInternationalPhones(const QString &text, QList<Span> &found)
{
    // +44 20 7946 0958, +1 (415) 555-0132, +44 (0)20 7946 0958, +442079460958.
    static const QRegularExpression pattern(
        kBefore + uR"(\+[1-9][0-9]*(?:(?:[ .-]?\([0-9]{1,4}\)[ .-]?|[ .-])[0-9]+)*)"_s);
    findMatches(text, pattern, checkInternationalPhone, kPhone, found);
}

qsizetype checkNationalPhone(const QString &, const QRegularExpressionMatch &match)
{
    const qsizetype digits = digitCount(match.capturedView());
    return digits >= 10 && digits <= 12 ? match.capturedEnd() : -1;
}

void findNationalPhones(const QString &text, QList<Span> &found)
{
    // Only written with separators: a solid run of ten digits is as likely an order number.
    // Prices, dates and times never fit because none of these forms allows ',', '/' or ':'.
    static const QRegularExpression pattern(
        kNationalBefore
        + u"(?:"_s
        // North America: (415) 555-0132, 1 (800) 555-0199. Area code and exchange start with 2-9.
        + uR"((?:1[ .-]?)?\([2-9][0-9]{2}\) ?[2-9][0-9]{2}[ .-][0-9]{4})"_s
        // 415-555-0132, 415.555.0132, 415 555 0132, 1-800-555-0199, one separator throughout.
        + uR"(|(?:1[ .-])?[2-9][0-9]{2}(?<nanp>[ .-])[2-9][0-9]{2}\k<nanp>[0-9]{4})"_s
        // Trunk prefix 0 (UK, Germany, ...): (020) 7946 0958.
        + uR"(|\(0[1-9][0-9]{1,3}\) ?[0-9]{3,8}(?:[ -][0-9]{3,4})?)"_s
        // 020 7946 0958, 0161 496 0000, 07700 900123, 030 12345678.
        + uR"(|0[1-9][0-9]{1,3}(?<trunk>[ -])[0-9]{3,8}(?:\k<trunk>[0-9]{3,4})?)"_s
        // France: 01 23 45 67 89, 06.12.34.56.78.
        + uR"(|0[1-9](?<pairs>[ .-])[0-9]{2}(?:\k<pairs>[0-9]{2}){3})"_s + u")"_s + kNationalAfter);
    findMatches(text, pattern, checkNationalPhone, kPhone, found);
}

} // namespace

/*!
    Returns \a text with personal data replaced by fixed placeholders and every other character
    kept as it was:

    \list
    \li e-mail addresses become \c{[email]};
    \li IBANs of a known country, with the right length and a valid mod-97 check, written solid
        or in groups of four, become \c{[iban]};
    \li US social security numbers, UK National Insurance numbers and Spanish DNI/NIE numbers
        that obey their allocation or check-letter rules become \c{[national id]};
    \li card numbers of 13-19 digits, solid or grouped by single spaces or hyphens, with an
        issuer prefix that fits their length and a valid Luhn check, become
        \c{[card ••••1234]} with their last four digits;
    \li international numbers starting with '+' and separated North American, trunk-0 (UK,
        Germany) and French phone numbers become \c{[phone]}.
    \endlist

    The rules run in that order and each one skips what an earlier one replaced, so an IBAN is
    never also read as a card or a phone number. A match must stand alone: it may not continue a
    word or be glued by '-', '.', '/', ',' or ':' to a neighbouring number, which keeps order
    numbers, prices, dates and times intact. Redacting the result again changes nothing.
*/
QString redactText(const QString &text)
{
    // Every rule needs an ASCII digit or an '@'; most chat lines have neither.
    if (std::none_of(text.cbegin(), text.cend(),
                     [](QChar c) { return isAsciiDigit(c) || c == u'@'; })) {
        return text;
    }

    // Earlier rules win: e-mail addresses may hold digit runs and IBANs hold card-like groups.
    static constexpr Finder finders[] = {findEmails,
                                         findIbans,
                                         findSsns,
                                         findNinos,
                                         findSpanishIds,
                                         findCards,
                                         findInternationalPhones,
                                         findNationalPhones};
    QString masked = text;
    QList<Span> spans;
    for (const Finder find : finders) {
        const qsizetype first = spans.size();
        find(masked, spans);
        for (qsizetype i = first; i < spans.size(); ++i)
            std::fill(masked.begin() + spans[i].begin, masked.begin() + spans[i].end, QChar(kMask));
    }
    if (spans.isEmpty())
        return text;

    std::sort(spans.begin(), spans.end(),
              [](const Span &a, const Span &b) { return a.begin < b.begin; });
    QString redacted;
    redacted.reserve(text.size());
    qsizetype from = 0;
    for (const Span &span : std::as_const(spans)) {
        redacted += QStringView(text).sliced(from, span.begin - from);
        redacted += span.placeholder;
        from = span.end;
    }
    redacted += QStringView(text).sliced(from);
    return redacted;
}

/*!
    Returns \a value with redactText() applied to every string in it, however deeply nested.
    Object keys, numbers, booleans and null are returned unchanged: keys are field names chosen by
    the program, and a number cannot be partly masked.
*/
QJsonValue redactJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return redactText(value.toString());
    case QJsonValue::Array: {
        QJsonArray array;
        for (const QJsonValue &element : value.toArray())
            array.append(redactJson(element));
        return array;
    }
    case QJsonValue::Object: {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = redactJson(it.value());
        return object;
    }
    case QJsonValue::Double: {
        // A card or phone number sent as a JSON number is still one; shorter numbers (amounts,
        // risk, seqs) cannot be.
        const double number = value.toDouble();
        if (std::abs(number) < 1e9 || number != std::floor(number) || std::abs(number) > 9e18)
            break;
        const QString digits = QString::number(qint64(number));
        const QString redacted = redactText(digits);
        return redacted == digits ? value : QJsonValue(redacted);
    }
    case QJsonValue::Null:
    case QJsonValue::Bool:
    case QJsonValue::Undefined:
        break;
    }
    return value;
}

} // namespace rg::audit
