// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detect/normaliser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using rg::detect::FoldedText;
using rg::detect::Normaliser;
using rg::detect::View;

// Each obfuscation of CUES.md ("Text the engine must see through") is one data-driven test. A row
// gives the chat text, a token the folded text must contain, and the exact original text that the
// token's span maps back to (code points, so non-BMP characters before it count once).
class TestNormaliser final : public QObject
{
    Q_OBJECT

private slots:
    void nfkc_data();
    void nfkc();
    void caseFolding_data();
    void caseFolding();
    void zeroWidth_data();
    void zeroWidth();
    void softHyphen_data();
    void softHyphen();
    void bidiControls_data();
    void bidiControls();
    void spacedLetters_data();
    void spacedLetters();
    void separatorsInWords_data();
    void separatorsInWords();
    void leetspeak_data();
    void leetspeak();
    void homoglyphs_data();
    void homoglyphs();
    void accents_data();
    void accents();
    void combiningMarks_data();
    void combiningMarks();
    void nonBmp_data();
    void nonBmp();
    void plainView_data();
    void plainView();
    void staysIntact_data();
    void staysIntact();
    void codePoints();
    void phraseFoldsLikeText();
    void randomTextKeepsTheMap();

private:
    static void addColumns();
    void verifyRow(View view = View::Folded);
    FoldedText fold(const QString &text, View view, std::u32string &codePoints);

    Normaliser m_normaliser;
};

namespace {

QString originalText(const std::u32string &codePoints, FoldedText::Span span)
{
    return QString::fromUcs4(codePoints.data() + span.start, span.end - span.start);
}

// Every byte of the folded text maps to a non-empty, in-range, non-decreasing span.
bool mapIsConsistent(const FoldedText &folded, std::size_t codePoints, QString *problem)
{
    if (folded.from.size() != folded.text.size() || folded.to.size() != folded.text.size()) {
        *problem = u"map sizes differ from the text size"_s;
        return false;
    }
    for (std::size_t i = 0; i < folded.text.size(); ++i) {
        if (folded.from[i] < 0 || folded.from[i] >= folded.to[i]
            || folded.to[i] > static_cast<std::int32_t>(codePoints)
            || (i > 0 && folded.from[i] < folded.from[i - 1])) {
            *problem
                = u"bad span [%1, %2) at byte %3"_s.arg(folded.from[i]).arg(folded.to[i]).arg(i);
            return false;
        }
    }
    return true;
}

} // namespace

FoldedText TestNormaliser::fold(const QString &text, View view, std::u32string &codePoints)
{
    Normaliser::toCodePoints(text, codePoints);
    FoldedText folded;
    m_normaliser.fold(codePoints, view, folded);
    return folded;
}

// The columns every obfuscation table shares.
void TestNormaliser::addColumns()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("token");    // must occur in the folded text
    QTest::addColumn<QString>("original"); // what the token's span quotes from the input
}

// Folds the row's input, finds its token and checks the span maps back to the original quote.
void TestNormaliser::verifyRow(View view)
{
    QFETCH(QString, input);
    QFETCH(QString, token);
    QFETCH(QString, original);

    std::u32string codePoints;
    const FoldedText folded = fold(input, view, codePoints);
    QString problem;
    QVERIFY2(mapIsConsistent(folded, codePoints.size(), &problem), qPrintable(problem));
    // The token is folded as a rule's phrase is ("telegram" reads "teiegram"), so rows name
    // what a pattern author writes.
    const std::string needle = m_normaliser.fold(token.toStdString(), view);
    const std::size_t at = folded.text.find(needle);
    QVERIFY2(at != std::string::npos, qPrintable(u"\"%1\" not in folded text \"%2\""_s.arg(
                                          token, QString::fromStdString(folded.text))));
    QCOMPARE(originalText(codePoints, folded.original(at, at + needle.size())), original);
}

void TestNormaliser::nfkc_data()
{
    addColumns();
    QTest::newRow("fullwidth") << u"add me on \uFF54\uFF45\uFF4C\uFF45\uFF47\uFF52\uFF41\uFF4D"_s
                               << u"telegram"_s
                               << u"\uFF54\uFF45\uFF4C\uFF45\uFF47\uFF52\uFF41\uFF4D"_s;
    QTest::newRow("fullwidth capitals")
        << u"\uFF34\uFF25\uFF2C\uFF25\uFF27\uFF32\uFF21\uFF2D me"_s << u"telegram me"_s
        << u"\uFF34\uFF25\uFF2C\uFF25\uFF27\uFF32\uFF21\uFF2D me"_s;
    QTest::newRow("math bold")
        << u"dm \U0001D42D\U0001D41E\U0001D425\U0001D41E\U0001D420\U0001D42B\U0001D41A\U0001D426"_s
        << u"dm telegram"_s
        << u"dm \U0001D42D\U0001D41E\U0001D425\U0001D41E\U0001D420\U0001D42B\U0001D41A\U0001D426"_s;
    QTest::newRow("math double-struck")
        << u"\U0001D555\U0001D55A\U0001D564\U0001D554\U0001D560\U0001D563\U0001D555"_s
        << u"discord"_s
        << u"\U0001D555\U0001D55A\U0001D564\U0001D554\U0001D560\U0001D563\U0001D555"_s;
    QTest::newRow("circled") << u"\u24E3\u24D4\u24DB\u24D4\u24D6\u24E1\u24D0\u24DC"_s
                             << u"telegram"_s
                             << u"\u24E3\u24D4\u24DB\u24D4\u24D6\u24E1\u24D0\u24DC"_s;
    QTest::newRow("ligature") << u"a \uFB01ne gift"_s << u"fine gift"_s << u"\uFB01ne gift"_s;
    QTest::newRow("superscript digits")
        << u"send \u00B2\u2070 now"_s << u"20"_s << u"\u00B2\u2070"_s;
}

// NFKC: compatibility forms (fullwidth, math alphanumerics, circled, ligatures) read as ASCII.
void TestNormaliser::nfkc()
{
    verifyRow();
}

void TestNormaliser::caseFolding_data()
{
    addColumns();
    QTest::newRow("capitals") << u"ADD ME ON TELEGRAM"_s << u"telegram"_s << u"TELEGRAM"_s;
    QTest::newRow("mixed") << u"my TeLeGrAm is"_s << u"telegram"_s << u"TeLeGrAm"_s;
    QTest::newRow("sharp s") << u"Hauptstra\u00DFe 5"_s << u"hauptstrasse"_s
                             << u"Hauptstra\u00DFe"_s;
    QTest::newRow("capital sharp s") << u"STRA\u1E9EE"_s << u"strasse"_s << u"STRA\u1E9EE"_s;
    QTest::newRow("kelvin sign") << u"\u212Aeep it"_s << u"keep it"_s << u"\u212Aeep it"_s;
}

// Case folding: any mix of capitals matches, full folding included (ß -> ss).
void TestNormaliser::caseFolding()
{
    verifyRow();
}

void TestNormaliser::zeroWidth_data()
{
    addColumns();
    QTest::newRow("U+200B") << u"add me on tele\u200Bgram"_s << u"telegram"_s
                            << u"tele\u200Bgram"_s;
    QTest::newRow("U+200C") << u"t\u200Ce\u200Cl\u200Ce\u200Cgram"_s << u"telegram"_s
                            << u"t\u200Ce\u200Cl\u200Ce\u200Cgram"_s;
    QTest::newRow("U+200D") << u"dis\u200Dcord me"_s << u"discord"_s << u"dis\u200Dcord"_s;
    QTest::newRow("U+2060") << u"cash\u2060app"_s << u"cashapp"_s << u"cash\u2060app"_s;
    QTest::newRow("U+FEFF") << u"\uFEFFtele\uFEFFgram"_s << u"telegram"_s << u"tele\uFEFFgram"_s;
    QTest::newRow("several") << u"te\u200B\u200C\u200D\u2060le\uFEFFgram"_s << u"telegram"_s
                             << u"te\u200B\u200C\u200D\u2060le\uFEFFgram"_s;
}

// Zero-width characters inside a word vanish from the folded text but stay inside the evidence.
void TestNormaliser::zeroWidth()
{
    verifyRow();
}

void TestNormaliser::softHyphen_data()
{
    addColumns();
    QTest::newRow("one") << u"tele\u00ADgram"_s << u"telegram"_s << u"tele\u00ADgram"_s;
    QTest::newRow("every letter") << u"c\u00ADa\u00ADs\u00ADh\u00ADa\u00ADp\u00ADp"_s
                                  << u"cashapp"_s
                                  << u"c\u00ADa\u00ADs\u00ADh\u00ADa\u00ADp\u00ADp"_s;
}

// Soft hyphens are invisible and split nothing.
void TestNormaliser::softHyphen()
{
    verifyRow();
}

void TestNormaliser::bidiControls_data()
{
    addColumns();
    QTest::newRow("U+202E override") << u"tele\u202Egram"_s << u"telegram"_s << u"tele\u202Egram"_s;
    QTest::newRow("U+202D + U+202C")
        << u"dis\u202Dco\u202Crd"_s << u"discord"_s << u"dis\u202Dco\u202Crd"_s;
    QTest::newRow("U+200E / U+200F marks")
        << u"ca\u200Esh\u200Fapp"_s << u"cashapp"_s << u"ca\u200Esh\u200Fapp"_s;
    QTest::newRow("U+2066..U+2069 isolates")
        << u"\u2066tele\u2067gr\u2068am\u2069 me"_s << u"telegram me"_s
        << u"tele\u2067gr\u2068am\u2069 me"_s;
    QTest::newRow("U+202A / U+202B embeddings")
        << u"tel\u202Aeg\u202Bram"_s << u"telegram"_s << u"tel\u202Aeg\u202Bram"_s;
}

// Bidi controls, which reorder what the agent sees, are ignored by matching.
void TestNormaliser::bidiControls()
{
    verifyRow();
}

void TestNormaliser::spacedLetters_data()
{
    addColumns();
    QTest::newRow("spaces") << u"add me on t e l e g r a m pls"_s << u"on telegram pls"_s
                            << u"on t e l e g r a m pls"_s;
    QTest::newRow("dots") << u"my t.e.l.e.g.r.a.m is"_s << u"my telegram is"_s
                          << u"my t.e.l.e.g.r.a.m is"_s;
    QTest::newRow("hyphens") << u"d-i-s-c-o-r-d"_s << u"discord"_s << u"d-i-s-c-o-r-d"_s;
    QTest::newRow("double spaces") << u"on t  e  l  e  g  r  a  m"_s << u"on telegram"_s
                                   << u"on t  e  l  e  g  r  a  m"_s;
    QTest::newRow("dot and space") << u"my t. e. l. e. g. r. a. m"_s << u"my telegram"_s
                                   << u"my t. e. l. e. g. r. a. m"_s;
    QTest::newRow("abbreviation") << u"its a D.N.A. claim"_s << u"a dna claim"_s
                                  << u"a D.N.A. claim"_s;
    QTest::newRow("underscores") << u"c_a_s_h_a_p_p me"_s << u"cashapp me"_s
                                 << u"c_a_s_h_a_p_p me"_s;
    QTest::newRow("capitals") << u"F T I D"_s << u"ftid"_s << u"F T I D"_s;
    QTest::newRow("after non-BMP")
        << u"\U0001F642 t e l e g r a m"_s << u"telegram"_s << u"t e l e g r a m"_s;
    QTest::newRow("with homoglyphs") << u"t \u0435 l \u0435 g r \u0430 m"_s << u"telegram"_s
                                     << u"t \u0435 l \u0435 g r \u0430 m"_s;
    QTest::newRow("fullwidth") << u"\uFF54 \uFF45 \uFF4C \uFF45 \uFF47 \uFF52 \uFF41 \uFF4D"_s
                               << u"telegram"_s
                               << u"\uFF54 \uFF45 \uFF4C \uFF45 \uFF47 \uFF52 \uFF41 \uFF4D"_s;
}

// Letters spaced out or dotted ("t e l e g r a m", "t.e.l.e.g.r.a.m") are joined into a word.
void TestNormaliser::spacedLetters()
{
    verifyRow();
}

void TestNormaliser::separatorsInWords_data()
{
    addColumns();
    QTest::newRow("dot") << u"add me on tele.gram"_s << u"on telegram"_s << u"on tele.gram"_s;
    QTest::newRow("hyphen") << u"tele-gram"_s << u"telegram"_s << u"tele-gram"_s;
    QTest::newRow("underscore") << u"tele_gram"_s << u"telegram"_s << u"tele_gram"_s;
    QTest::newRow("asterisk") << u"dis*cord"_s << u"discord"_s << u"dis*cord"_s;
    QTest::newRow("slash") << u"tele/gram"_s << u"telegram"_s << u"tele/gram"_s;
    QTest::newRow("several") << u"c.a-s_h app"_s << u"cash app"_s << u"c.a-s_h app"_s;
    QTest::newRow("unicode hyphen") << u"tele\u2010gram"_s << u"telegram"_s << u"tele\u2010gram"_s;
    QTest::newRow("middle dot") << u"tele\u00B7gram"_s << u"telegram"_s << u"tele\u00B7gram"_s;
    QTest::newRow("apostrophe") << u"don\u2019t leave a note"_s << u"dont leave"_s
                                << u"don\u2019t leave"_s;
}

// Separators inside a word ("tele.gram", "tele-gram", "tele_gram") are dropped.
void TestNormaliser::separatorsInWords()
{
    verifyRow();
}

void TestNormaliser::leetspeak_data()
{
    addColumns();
    QTest::newRow("d1sc0rd") << u"dm me on d1sc0rd"_s << u"on discord"_s << u"on d1sc0rd"_s;
    QTest::newRow("t3l3gr@m") << u"t3l3gr@m me"_s << u"telegram me"_s << u"t3l3gr@m me"_s;
    QTest::newRow("c@shapp") << u"I can c@shapp you"_s << u"cashapp you"_s << u"c@shapp you"_s;
    QTest::newRow("ca$h") << u"ca$h app"_s << u"cash app"_s << u"ca$h app"_s;
    QTest::newRow("p4yp4l") << u"P4YP4L"_s << u"paypal"_s << u"P4YP4L"_s;
    QTest::newRow("leading digit") << u"use 3bay"_s << u"ebay"_s << u"3bay"_s;
    QTest::newRow("v0uch3s") << u"got v0uch3s"_s << u"vouches"_s << u"v0uch3s"_s;
    QTest::newRow("pipe as l") << u"te|egram"_s << u"telegram"_s << u"te|egram"_s;
    QTest::newRow("bang as i") << u"d!scord"_s << u"discord"_s << u"d!scord"_s;
}

// Leetspeak digits and symbols inside a word read as the letters they stand for.
void TestNormaliser::leetspeak()
{
    verifyRow();
}

void TestNormaliser::homoglyphs_data()
{
    addColumns();
    // "раypal": Cyrillic р (U+0440) and а (U+0430).
    QTest::newRow("cyrillic paypal")
        << u"my \u0440\u0430ypal"_s << u"paypal"_s << u"\u0440\u0430ypal"_s;
    // "Теlеgrаm": Cyrillic Т, е, е, а.
    QTest::newRow("cyrillic telegram")
        << u"\u0422\u0435l\u0435gr\u0430m"_s << u"telegram"_s << u"\u0422\u0435l\u0435gr\u0430m"_s;
    QTest::newRow("cyrillic small te") << u"\u0442elegram"_s << u"telegram"_s << u"\u0442elegram"_s;
    QTest::newRow("cyrillic o, c")
        << u"dis\u0441\u043Erd"_s << u"discord"_s << u"dis\u0441\u043Erd"_s;
    QTest::newRow("greek omicron") << u"disc\u03BFrd"_s << u"discord"_s << u"disc\u03BFrd"_s;
    QTest::newRow("greek capitals") << u"\u0391\u039C\u0391\u0396\u039FN"_s << u"amazon"_s
                                    << u"\u0391\u039C\u0391\u0396\u039FN"_s;
    QTest::newRow("mixed with leet") << u"t3l\u0435gr@m"_s << u"telegram"_s << u"t3l\u0435gr@m"_s;
}

// Cyrillic and Greek look-alikes read as the Latin letters they imitate.
void TestNormaliser::homoglyphs()
{
    verifyRow();
}

void TestNormaliser::accents_data()
{
    addColumns();
    QTest::newRow("spanish") << u"no lleg\u00F3 nunca"_s << u"llego nunca"_s
                             << u"lleg\u00F3 nunca"_s;
    QTest::newRow("french") << u"le colis n'est jamais arriv\u00E9"_s << u"arrive"_s
                            << u"arriv\u00E9"_s;
    QTest::newRow("german") << u"nicht gel\u00F6scht"_s << u"geloscht"_s << u"gel\u00F6scht"_s;
    QTest::newRow("accented brand")
        << u"t\u00E9l\u00E9gr\u00E0m"_s << u"telegram"_s << u"t\u00E9l\u00E9gr\u00E0m"_s;
}

// Accents are stripped so accented spellings match the plain phrase.
void TestNormaliser::accents()
{
    verifyRow();
}

void TestNormaliser::combiningMarks_data()
{
    addColumns();
    QTest::newRow("decomposed accent")
        << u"no llego\u0301 nunca"_s << u"llego nunca"_s << u"llego\u0301 nunca"_s;
    QTest::newRow("stacked marks")
        << u"te\u0301\u0308\u0323legram"_s << u"telegram"_s << u"te\u0301\u0308\u0323legram"_s;
    QTest::newRow("mark on last letter")
        << u"telegram\u0301 me"_s << u"telegram me"_s << u"telegram\u0301 me"_s;
    QTest::newRow("zalgo") << u"d\u0336i\u0336s\u0336c\u0336o\u0336r\u0336d\u0336"_s << u"discord"_s
                           << u"d\u0336i\u0336s\u0336c\u0336o\u0336r\u0336d\u0336"_s;
    QTest::newRow("enclosing mark") << u"cashapp\u20DD"_s << u"cashapp"_s << u"cashapp\u20DD"_s;
    QTest::newRow("enclosing circles")
        << u"t\u20DDe\u20DDl\u20DDe\u20DDg\u20DDr\u20DDa\u20DDm\u20DD me"_s << u"telegram me"_s
        << u"t\u20DDe\u20DDl\u20DDe\u20DDg\u20DDr\u20DDa\u20DDm\u20DD me"_s;
}

// Combining marks vanish from the folded text and stay with their letter in the evidence.
void TestNormaliser::combiningMarks()
{
    verifyRow();
}

void TestNormaliser::nonBmp_data()
{
    addColumns();
    QTest::addColumn<int>("start"); // code-point offset of the original quote

    QTest::newRow("emoji") << u"\U0001F642\U0001F642 add me on telegram"_s << u"telegram"_s
                           << u"telegram"_s << 13;
    QTest::newRow("zwj emoji") << u"\U0001F469\u200D\U0001F4BB cashapp"_s << u"cashapp"_s
                               << u"cashapp"_s << 4;
    QTest::newRow("math bold first")
        << u"\U0001D407\U0001D422 d1sc0rd"_s << u"discord"_s << u"d1sc0rd"_s << 3;
    QTest::newRow("emoji in between")
        << u"\U0001F4E6 box \U0001F4E6 was empty"_s << u"was empty"_s << u"was empty"_s << 8;
    QTest::newRow("non-BMP inside match")
        << u"dm \U0001D42D\U0001D41E\U0001D425egram now"_s << u"telegram now"_s
        << u"\U0001D42D\U0001D41E\U0001D425egram now"_s << 3;
}

// Non-BMP characters count as one code point each: spans are code points, not UTF-16 units.
void TestNormaliser::nonBmp()
{
    QFETCH(QString, input);
    QFETCH(QString, token);
    QFETCH(int, start);

    verifyRow();
    if (QTest::currentTestFailed())
        return;
    std::u32string codePoints;
    const FoldedText folded = fold(input, View::Folded, codePoints);
    const std::string needle = m_normaliser.fold(token.toStdString(), View::Folded);
    const std::size_t at = folded.text.find(needle);
    QCOMPARE(folded.original(at, at + needle.size()).start, start);
}

void TestNormaliser::plainView_data()
{
    addColumns();
    QTest::newRow("url keeps dots, case folds")
        << u"proof: HTTPS://Bit.ly/AbC-1_x ok"_s << u"https://bit.ly/abc-1_x"_s
        << u"HTTPS://Bit.ly/AbC-1_x"_s;
    QTest::newRow("email") << u"mail jane.doe+x@Example.com"_s << u"jane.doe+x@example.com"_s
                           << u"jane.doe+x@Example.com"_s;
    QTest::newRow("digits stay digits")
        << u"call +1 555-0100"_s << u"+1 555-0100"_s << u"+1 555-0100"_s;
    QTest::newRow("fullwidth url") << u"\uFF42\uFF49\uFF54\uFF0E\uFF4C\uFF59/x"_s << u"bit.ly/x"_s
                                   << u"\uFF42\uFF49\uFF54\uFF0E\uFF4C\uFF59/x"_s;
    QTest::newRow("zero-width in url")
        << u"bit\u200B.ly/x"_s << u"bit.ly/x"_s << u"bit\u200B.ly/x"_s;
    QTest::newRow("whitespace collapsed") << u"a \t\n\u00A0 b"_s << u"a b"_s << u"a \t\n\u00A0 b"_s;
    QTest::newRow("after emoji") << u"\U0001F642 www.evil.example"_s << u"www.evil.example"_s
                                 << u"www.evil.example"_s;
}

// The plain view folds case, NFKC and invisibles but keeps the structure of links and numbers.
void TestNormaliser::plainView()
{
    verifyRow(View::Plain);
}

void TestNormaliser::staysIntact_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("folded");

    QTest::newRow("4pm") << u"call me at 4pm"_s << u"caii me at 4pm"_s;
    QTest::newRow("$50") << u"I can pay $50 now"_s << u"i can pay $50 now"_s;
    QTest::newRow("5 minutes") << u"in 5 minutes"_s << u"in 5 minutes"_s;
    QTest::newRow("5mins") << u"in 5mins"_s << u"in 5mins"_s;
    QTest::newRow("order number") << u"order 123-456"_s << u"order 123-456"_s;
    QTest::newRow("sentence end") << u"It arrived.Then it broke"_s << u"it arrived.then it broke"_s;
    QTest::newRow("2nd") << u"the 2nd box"_s << u"the 2nd box"_s;
    QTest::newRow("price") << u"$1,299.99 total"_s << u"$1,299.99 totai"_s;
    QTest::newRow("short words") << u"I am a fan"_s << u"i am a fan"_s;
    QTest::newRow("whitespace") << u"  hello \t  world  "_s << u"heiio worid "_s;
}

// Ordinary text that must not be mangled: times, amounts, durations, numbers, sentence ends
// (only "l" reads "i", as everywhere in the folded view).
void TestNormaliser::staysIntact()
{
    QFETCH(QString, input);
    QFETCH(QString, folded);

    std::u32string codePoints;
    const FoldedText result = fold(input, View::Folded, codePoints);
    QCOMPARE(QString::fromStdString(result.text), folded);
}

// toCodePoints counts a surrogate pair as one code point and a lone surrogate as one, as Python.
void TestNormaliser::codePoints()
{
    std::u32string out;
    Normaliser::toCodePoints(u"a\U0001F642b"_s, out);
    QCOMPARE(out, (std::u32string{U'a', U'\U0001F642', U'b'}));

    const QChar lone[]
        = {QChar(u'x'), QChar(char16_t(0xD83D)), QChar(u'y'), QChar(char16_t(0xDE42))};
    Normaliser::toCodePoints(QStringView(lone, 4), out);
    QCOMPARE(out, (std::u32string{U'x', char32_t(0xD83D), U'y', char32_t(0xDE42)}));

    Normaliser::toCodePoints(QStringView(), out);
    QVERIFY(out.empty());

    // Lone surrogates fold without breaking the map.
    FoldedText folded;
    Normaliser::toCodePoints(QStringView(lone, 4), out);
    m_normaliser.fold(out, View::Folded, folded);
    QString problem;
    QVERIFY2(mapIsConsistent(folded, out.size(), &problem), qPrintable(problem));
}

// A rule phrase folds exactly like chat text, so "Gift-Card" in a pack meets "giftcard" in chat.
void TestNormaliser::phraseFoldsLikeText()
{
    QCOMPARE(m_normaliser.fold("Gift-Card", View::Folded), std::string("giftcard"));
    QCOMPARE(m_normaliser.fold("T\xD0\xB5legram", View::Folded), std::string("teiegram"));
    QCOMPARE(m_normaliser.fold("te1egram", View::Folded), std::string("teiegram"));
    QCOMPARE(m_normaliser.fold("bit.ly", View::Plain), std::string("bit.ly"));
    QCOMPARE(m_normaliser.fold("bit.ly", View::Folded), std::string("bitiy"));
    QCOMPARE(m_normaliser.fold("\xE2\x80\x8B", View::Folded), std::string());
}

// Hostile mixtures of everything the normaliser treats specially, from a fixed seed: the offset
// map stays consistent in both views, whatever the text.
void TestNormaliser::randomTextKeepsTheMap()
{
    const std::vector<char32_t> alphabet{
        U'a', U'l', U'1', U'3', U'@', U'$', U'!', U'|', U'.', U'-', U'_', U' ', U'\t', U'\n',
        U'T', U'0', U'\u200B', U'\u00AD', U'\u202E', U'\u0301', U'\u20DD', U'\u0430',
        U'\u0440', U'\u03BF', U'\uFF54', U'\u00E9', U'\uFB01', U'\u2019', U'\u2014',
        U'\U0001D42D', U'\U0001F600', char32_t(0xD800), U'\u0000', U'\u00DF', U'\u0130'};
    QRandomGenerator random(20261126);
    for (int round = 0; round < 2000; ++round) {
        std::u32string text;
        const int length = static_cast<int>(random.bounded(1, 60));
        for (int i = 0; i < length; ++i)
            text.push_back(alphabet[random.bounded(static_cast<int>(alphabet.size()))]);
        for (const View view : {View::Plain, View::Folded}) {
            FoldedText folded;
            m_normaliser.fold(text, view, folded);
            QString problem;
            QVERIFY2(mapIsConsistent(folded, text.size(), &problem),
                     qPrintable(u"round %1: %2"_s.arg(round).arg(problem)));
        }
    }
}

QTEST_APPLESS_MAIN(TestNormaliser)
#include "tst_normaliser.moc"
