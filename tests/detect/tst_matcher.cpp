// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detect/matcher.h"
#include "detect/rulepack.h"
#include "model/conversation.h"

#include <QRandomGenerator>
#include <QTest>

#include "testsupport.h"

using namespace Qt::StringLiterals;
using rg::test::errorOf;
using rg::detect::Detection;
using rg::detect::Matcher;
using rg::detect::RulePack;
using rg::model::Conversation;
using rg::model::Finding;
using rg::model::Message;
using rg::model::Role;

namespace {

// Compiles a format-1 pack with the given "rules" (and optional "sequences") JSON arrays.
rg::Result<std::unique_ptr<Matcher>> compile(const QByteArray &rules,
                                             const QByteArray &sequences = {})
{
    QByteArray json = R"({"id":"test","version":"1","format":1,"rules":)"_ba + rules;
    if (!sequences.isEmpty())
        json += R"(,"sequences":)"_ba + sequences;
    auto pack = RulePack::parse(json + '}', u"inline.json"_s);
    if (!pack)
        return rg::Error{pack.error()};
    return Matcher::compile(std::move(pack).value());
}

// The part of text between code-point offsets [start, end), converted to UTF-16 via toUcs4;
// a null view when the offsets do not fit the text.
QStringView sliceCodePoints(QStringView text, int start, int end)
{
    const QList<uint> ucs4 = text.toUcs4();
    if (start < 0 || end < start || end > ucs4.size())
        return {};
    qsizetype from = 0;
    for (int i = 0; i < start; ++i)
        from += QChar::requiresSurrogates(ucs4[i]) ? 2 : 1;
    qsizetype to = from;
    for (int i = start; i < end; ++i)
        to += QChar::requiresSurrogates(ucs4[i]) ? 2 : 1;
    return text.sliced(from, to - from);
}

// Every finding quotes exactly the code points [start, end) of its turn's original text.
void verifyEvidence(const QList<Message> &messages, const std::vector<Finding> &findings)
{
    for (const Finding &finding : findings) {
        QVERIFY(finding.turn >= 0 && finding.turn < messages.size());
        const QStringView slice
            = sliceCodePoints(messages[finding.turn].text, finding.start, finding.end);
        QVERIFY2(!slice.isNull(), qPrintable(u"span [%1, %2) outside turn %3"_s.arg(finding.start)
                                                 .arg(finding.end)
                                                 .arg(finding.turn)));
        QCOMPARE(slice.toString(), finding.evidence);
    }
}

// "evidence@start" for each finding, in the matcher's order.
QStringList describe(const std::vector<Finding> &findings)
{
    QStringList out;
    for (const Finding &finding : findings)
        out.append(u"%1@%2"_s.arg(finding.evidence).arg(finding.start));
    return out;
}

Conversation conversation(const QStringList &turns)
{
    // "a:" starts an agent turn, "s:" a system turn; the rest are customer turns.
    Conversation result;
    result.id = u"c"_s;
    for (const QString &turn : turns) {
        Message message;
        if (turn.startsWith(u"a:"_s))
            message = {Role::Agent, turn.mid(2), {}};
        else if (turn.startsWith(u"s:"_s))
            message = {Role::System, turn.mid(2), {}};
        else
            message = {Role::Customer, turn, {}};
        result.messages.append(message);
    }
    return result;
}

} // namespace

class TestMatcher final : public QObject
{
    Q_OBJECT

private slots:
    void phraseWordBoundaries_data();
    void phraseWordBoundaries();
    void nearWithinWords_data();
    void nearWithinWords();
    void unlessVetoes_data();
    void unlessVetoes();
    void roleFiltering();
    void plainViewRegex_data();
    void plainViewRegex();
    void sequences_data();
    void sequences();
    void overlappingDuplicatesMerged();
    void findingsOrderedAcrossTurns();
    void evidenceMatchesOffsets_data();
    void evidenceMatchesOffsets();
    void hostileInput_data();
    void hostileInput();
    void manyMatchesBounded();
    void decoysDoNotHideTheCue();
    void defaultPackQuotesEvidenceExactly();
    void countCandidates();
    void widePatternsCutForSinglePass_data();
    void widePatternsCutForSinglePass();
    void mergedPhrasesFindEachPattern();

private:
    // Scans one message with matcher and checks every finding quotes its span exactly.
    std::vector<Finding> scanOne(Matcher &matcher, const QString &text, Role role = Role::Customer);
};

std::vector<Finding> TestMatcher::scanOne(Matcher &matcher, const QString &text, Role role)
{
    const Message message{role, text, {}};
    auto findings = matcher.scanMessage(0, message);
    verifyEvidence({message}, findings);
    return findings;
}

void TestMatcher::phraseWordBoundaries_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // evidence@start

    QTest::newRow("phrase") << u"refund to a gift card please"_s << QStringList{u"gift card@12"_s};
    QTest::newRow("hyphenated") << u"a gift-card"_s << QStringList{u"gift-card@2"_s};
    QTest::newRow("joined") << u"a giftcard"_s << QStringList{u"giftcard@2"_s};
    QTest::newRow("capitals") << u"GIFT CARD"_s << QStringList{u"GIFT CARD@0"_s};
    QTest::newRow("plural is another word") << u"two giftcards"_s << QStringList{};
    QTest::newRow("longer word") << u"a gift cardboard box"_s << QStringList{};
    QTest::newRow("prefix") << u"mycashapp"_s << QStringList{};
    QTest::newRow("suffix") << u"cashapps"_s << QStringList{};
    QTest::newRow("punctuation around") << u"(cashapp)!"_s << QStringList{u"cashapp@1"_s};
    QTest::newRow("dotted letters")
        << u"I can c.a.s.h.a.p.p you"_s << QStringList{u"c.a.s.h.a.p.p@6"_s};
    QTest::newRow("leet") << u"c@sh@pp me"_s << QStringList{u"c@sh@pp@0"_s};
    QTest::newRow("zero-width after emoji")
        << u"\U0001F642 cash\u200Bapp"_s << QStringList{u"cash\u200Bapp@2"_s};
    QTest::newRow("two cues") << u"gift card or cashapp"_s
                              << QStringList{u"gift card@0"_s, u"cashapp@13"_s};
    QTest::newRow("nothing") << u"my parcel is late"_s << QStringList{};
}

// Phrases match whole words through the folded view; evidence quotes the original text.
void TestMatcher::phraseWordBoundaries()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    auto matcher = compile(R"([
        {"id":"gift","cue":"payment_redirect","weight":0.5,"patterns":["gift card"]},
        {"id":"cash","cue":"bribe","weight":0.6,"patterns":["cashapp"]}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    QCOMPARE(describe(scanOne(*matcher.value(), text)), expected);
}

void TestMatcher::nearWithinWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("three words between")
        << u"refund it to a gift card"_s << QStringList{u"refund it to a gift card@0"_s};
    QTest::newRow("four words between")
        << u"please refund the money to my gift card"_s << QStringList{};
    QTest::newRow("near first") << u"gift card refund"_s << QStringList{u"gift card refund@0"_s};
    QTest::newRow("no near pattern") << u"refund please"_s << QStringList{};
    QTest::newRow("only near pattern") << u"I like gift cards and a gift card"_s << QStringList{};
    QTest::newRow("emoji is a word")
        << u"refund \U0001F642 \U0001F642 \U0001F642 gift card"_s
        << QStringList{u"refund \U0001F642 \U0001F642 \U0001F642 gift card@0"_s};
    QTest::newRow("two emoji words too many")
        << u"refund \U0001F642 \U0001F642 \U0001F642 \U0001F642 gift card"_s << QStringList{};
    QTest::newRow("invisible padding is no word")
        << u"refund \u200B \u200D \u2060 \uFEFF \u202E gift card"_s
        << QStringList{u"refund \u200B \u200D \u2060 \uFEFF \u202E gift card@0"_s};
    QTest::newRow("lone marks are no word")
        << u"refund \u0301 \u0336 \u20DD \u0301 gift card"_s
        << QStringList{u"refund \u0301 \u0336 \u20DD \u0301 gift card@0"_s};
    QTest::newRow("unicode spaces separate words")
        << u"refund\u00A0the\u3000money\u2003to\u00A0my gift card"_s << QStringList{};
}

// A near rule fires only when a near pattern lies within N words; evidence spans both.
void TestMatcher::nearWithinWords()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    auto matcher = compile(R"([{"id":"redirect","cue":"payment_redirect","weight":0.5,
        "patterns":["refund"],"near":{"patterns":["gift card"],"within":3}}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    QCOMPARE(describe(scanOne(*matcher.value(), text)), expected);
}

void TestMatcher::unlessVetoes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("jargon") << u"I want to DNA this order"_s << QStringList{u"DNA@10"_s};
    QTest::newRow("product name") << u"where is my dna test kit?"_s << QStringList{};
    QTest::newRow("product name, obfuscated") << u"my D.N.A. test-kit order"_s << QStringList{};
    QTest::newRow("veto is local")
        << u"the dna test kit came, now I'll dna the rest"_s << QStringList{u"dna@32"_s};
    QTest::newRow("original card vetoes refund")
        << u"refund to my original card please"_s << QStringList{};
    QTest::newRow("original card too far")
        << u"refund it now, I never said which one, not the original card"_s
        << QStringList{u"refund@0"_s};
}

// An unless group vetoes a match it overlaps or lies within N words of ("dna test kit").
void TestMatcher::unlessVetoes()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    auto matcher = compile(R"([
        {"id":"dna","cue":"refund_jargon","weight":0.4,"patterns":["dna"],
         "unless":["dna test kit","dna test"]},
        {"id":"redirect","cue":"payment_redirect","weight":0.3,"patterns":["refund"],
         "unless":{"patterns":["original card"],"within":3}}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    QCOMPARE(describe(scanOne(*matcher.value(), text)), expected);
}

// Customer rules fire only on customer turns, agent rules only on agent turns; system and
// action turns carry no text cues.
void TestMatcher::roleFiltering()
{
    auto matcher = compile(R"([
        {"id":"c-telegram","cue":"off_platform","weight":0.5,"patterns":["telegram"]},
        {"id":"a-telegram","cue":"agent_off_platform","weight":0.7,"patterns":["telegram"]},
        {"id":"c-cash","cue":"bribe","weight":0.6,"patterns":["cashapp"]}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));

    Conversation chat = conversation({u"add me on telegram"_s,
                                      u"a:sure, I'll add you on telegram, no cashapp though"_s,
                                      u"s:telegram and cashapp integration enabled"_s});
    chat.messages.append({Role::Action, {}, QJsonObject{{u"type"_s, u"refund"_s}}});
    chat.messages.append({Role::Customer, u"cashapp?"_s, {}});
    const Detection detection = matcher.value()->scan(chat);
    verifyEvidence(chat.messages, detection.findings);
    QCOMPARE(detection.findings.size(), std::size_t(3));
    QCOMPARE(detection.findings[0].turn, 0);
    QCOMPARE(detection.findings[0].cue, u"off_platform"_s);
    QCOMPARE(detection.findings[0].rule, u"c-telegram"_s);
    QCOMPARE(detection.findings[1].turn, 1);
    QCOMPARE(detection.findings[1].cue, u"agent_off_platform"_s);
    QCOMPARE(detection.findings[1].weight, 0.7);
    QCOMPARE(detection.findings[2].turn, 4); // the action turn counts
    QCOMPARE(detection.findings[2].cue, u"bribe"_s);
}

void TestMatcher::plainViewRegex_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("url") << u"check proof here: https://Bit.ly/AbC123 thanks"_s
                         << QStringList{u"https://Bit.ly/AbC123@18"_s};
    QTest::newRow("www after emoji") << u"\U0001F4E6\U0001F4E6 see www.amaz0n-support.help/x"_s
                                     << QStringList{u"www.amaz0n-support.help/x@7"_s};
    QTest::newRow("zero-width inside")
        << u"go to https://bit\u200B.ly/q now"_s << QStringList{u"https://bit\u200B.ly/q@6"_s};
    QTest::newRow("fullwidth") << u"\uFF48\uFF54\uFF54\uFF50\uFF53://x.io"_s
                               << QStringList{u"\uFF48\uFF54\uFF54\uFF50\uFF53://x.io@0"_s};
    QTest::newRow("two links") << u"http://a.io and https://b.io"_s
                               << QStringList{u"http://a.io@0"_s, u"https://b.io@16"_s};
    QTest::newRow("no link") << u"bit ly slash abc"_s << QStringList{};
}

// A regex on the plain view keeps a URL's dots and slashes; evidence keeps the original case.
void TestMatcher::plainViewRegex()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    auto matcher = compile(R"([{"id":"link","cue":"suspicious_link","weight":0.5,
        "patterns":[{"regex":"(?:https?://|www\\.)[^ ]+","view":"plain"}]}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    QCOMPARE(describe(scanOne(*matcher.value(), text)), expected);
}

void TestMatcher::sequences_data()
{
    QTest::addColumn<QStringList>("turns");
    QTest::addColumn<QStringList>("expected"); // id:turn,turn

    QTest::newRow("in order") << QStringList{u"please update my email to x@y.z"_s, u"a:done"_s,
                                             u"now refund to a gift card"_s}
                              << QStringList{u"takeover:0,2"_s, u"anywhere:0,2"_s};
    QTest::newRow("wrong order") << QStringList{u"refund to a gift card"_s, u"a:ok"_s,
                                                u"and update my email"_s}
                                 << QStringList{};
    QTest::newRow("too far apart")
        << QStringList{u"update my email"_s, u"a:ok"_s, u"a:one moment"_s, u"a:still here"_s,
                       u"gift card please"_s}
        << QStringList{u"anywhere:0,4"_s};
    QTest::newRow("same turn, in order") << QStringList{u"update my email and use a gift card"_s}
                                         << QStringList{u"takeover:0,0"_s, u"anywhere:0,0"_s};
    QTest::newRow("same turn, reversed")
        << QStringList{u"gift card, then update my email"_s} << QStringList{};
    QTest::newRow("earliest completion")
        << QStringList{u"gift card"_s, u"update my email"_s, u"gift card"_s, u"gift card"_s}
        << QStringList{u"takeover:1,2"_s, u"anywhere:1,2"_s};
    QTest::newRow("agent turns do not count")
        << QStringList{u"a:update my email"_s, u"a:gift card"_s} << QStringList{};
    QTest::newRow("one step only") << QStringList{u"update my email"_s} << QStringList{};
}

// Sequences complete when their cues occur in order, optionally within some turns.
void TestMatcher::sequences()
{
    QFETCH(QStringList, turns);
    QFETCH(QStringList, expected);

    auto matcher = compile(
        R"([{"id":"email","cue":"account_change","weight":0.3,"patterns":["update my email"]},
            {"id":"gift","cue":"payment_redirect","weight":0.4,"patterns":["gift card"]}])",
        R"([{"id":"takeover","steps":["account_change","payment_redirect"],"weight":0.5,
             "within_turns":2},
            {"id":"anywhere","steps":["account_change","payment_redirect"],"weight":0.2}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    const Conversation chat = conversation(turns);
    const Detection detection = matcher.value()->scan(chat);
    verifyEvidence(chat.messages, detection.findings);
    QStringList hits;
    for (const auto &hit : detection.sequences) {
        QStringList steps;
        for (const int turn : hit.turns)
            steps.append(QString::number(turn));
        hits.append(hit.id + u':' + steps.join(u','));
    }
    QCOMPARE(hits, expected);
}

// Overlapping findings of one cue merge into the weightiest; other cues and repeats stay.
void TestMatcher::overlappingDuplicatesMerged()
{
    auto matcher = compile(R"([
        {"id":"gift-card","cue":"payment_redirect","weight":0.5,"patterns":["gift card"]},
        {"id":"card","cue":"payment_redirect","weight":0.3,"patterns":["card"]},
        {"id":"gift-both","cue":"payment_redirect","weight":0.4,"patterns":["gift","gift card"]},
        {"id":"gift-bribe","cue":"bribe","weight":0.2,"patterns":["gift card"]}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));

    const auto once = scanOne(*matcher.value(), u"send it to a gift card"_s);
    QCOMPARE(once.size(), std::size_t(2));
    for (const Finding &finding : once) {
        QCOMPARE(finding.evidence, u"gift card"_s);
        QCOMPARE(finding.start, 13);
        QCOMPARE(finding.rule, finding.cue == u"bribe"_s ? u"gift-bribe"_s : u"gift-card"_s);
    }

    const auto twice = scanOne(*matcher.value(), u"a gift card, or another gift card"_s);
    QStringList redirects;
    for (const Finding &finding : twice) {
        if (finding.cue == u"payment_redirect"_s)
            redirects.append(u"%1@%2"_s.arg(finding.evidence).arg(finding.start));
    }
    QCOMPARE(redirects, (QStringList{u"gift card@2"_s, u"gift card@24"_s}));
}

// scan() orders findings by turn, then start, across a whole conversation.
void TestMatcher::findingsOrderedAcrossTurns()
{
    auto matcher = compile(R"([
        {"id":"u","cue":"urgency","weight":0.3,"patterns":["right now"]},
        {"id":"t","cue":"off_platform","weight":0.5,"patterns":["telegram"]}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    const Conversation chat
        = conversation({u"telegram me right now"_s, u"a:hello"_s, u"right now! t.e.l.e.g.r.a.m"_s});
    const Detection detection = matcher.value()->scan(chat);
    verifyEvidence(chat.messages, detection.findings);
    QStringList got;
    for (const Finding &finding : detection.findings)
        got.append(u"%1:%2:%3"_s.arg(finding.turn).arg(finding.start).arg(finding.cue));
    QCOMPARE(got, (QStringList{u"0:0:off_platform"_s, u"0:12:urgency"_s, u"2:0:urgency"_s,
                               u"2:11:off_platform"_s}));
}

void TestMatcher::evidenceMatchesOffsets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("count");

    QTest::newRow("plain") << u"add me on telegram, I'll send you $50 via cashapp"_s << 3;
    QTest::newRow("emoji first") << u"\U0001F642\U0001F642\U0001F642 telegram"_s << 1;
    QTest::newRow("math letters")
        << u"\U0001D42D\U0001D41E\U0001D425\U0001D41E\U0001D420\U0001D42B\U0001D41A\U0001D426"
           u" me \U0001F4B8 c@shapp"_s
        << 2;
    QTest::newRow("homoglyphs") << u"\u0422\u0435l\u0435gr\u0430m or \u0440\u0430ypal"_s << 2;
    QTest::newRow("zero-width and bidi") << u"tele\u200Bgr\u202Eam \u2066cash\u2069app"_s << 2;
    QTest::newRow("combining marks")
        << u"te\u0301le\u0308gram\u0301 \U0001F642 cashapp\u20DD"_s << 2;
    QTest::newRow("spaced") << u"\U0001F642 t e l e g r a m or p-a-y-p-a-l"_s << 2;
    QTest::newRow("leet and separators") << u"t3l3gr@m, tele.gram, d1sc0rd, c@sh-app"_s << 4;
    QTest::newRow("fullwidth") << u"\uFF54\uFF45\uFF4C\uFF45\uFF47\uFF52\uFF41\uFF4D"_s << 1;
    QTest::newRow("accents") << u"t\u00E9l\u00E9gram"_s << 1;
    QTest::newRow("link after emoji") << u"\U0001F4E6 https://Bit.ly/Zz9 \U0001F4E6"_s << 1;
    QTest::newRow("amount") << u"\U0001F4B0 I can send you $50"_s << 1;
    QTest::newRow("lone surrogate")
        << (u"telegram "_s + QChar(char16_t(0xD800)) + u" cashapp"_s) << 2;
}

// For every finding, the code points [start, end) of the original turn are its evidence.
void TestMatcher::evidenceMatchesOffsets()
{
    QFETCH(QString, text);
    QFETCH(int, count);

    auto matcher = compile(R"([
        {"id":"tg","cue":"off_platform","weight":0.5,"patterns":["telegram","discord","paypal"]},
        {"id":"cash","cue":"bribe","weight":0.6,"patterns":["cashapp",
            {"regex":"send you \\$\\d+","view":"plain"}]},
        {"id":"link","cue":"suspicious_link","weight":0.5,
         "patterns":[{"regex":"https?://[^ ]+","view":"plain"}]}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    const auto findings = scanOne(*matcher.value(), text);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(int(findings.size()), count);
}

void TestMatcher::hostileInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("end"); // the (a+)+$ finding spans [0, end)

    const int n = 200 * 1024;
    QTest::newRow("200 KB of a") << QString(n, u'a') << n;
    QString marked;
    for (int i = 0; i < n / 2; ++i)
        marked += u"a\u0301"_s;
    QTest::newRow("a with combining marks") << marked << n;
    QString spaced;
    for (int i = 0; i < n / 2; ++i)
        spaced += u"a "_s;
    spaced.chop(1);
    QTest::newRow("a spaced out") << spaced << n - 1;
}

// Catastrophic-backtracking patterns over 200 KB of hostile text finish (RE2 is linear) and match
// correctly.
void TestMatcher::hostileInput()
{
    QFETCH(QString, text);
    QFETCH(int, end);

    auto matcher = compile(R"([
        {"id":"nested","cue":"refund_jargon","weight":0.5,"patterns":[{"regex":"(a+)+$"}]},
        {"id":"alternation","cue":"bribe","weight":0.5,"patterns":[{"regex":"(a|aa)*b"}]},
        {"id":"pairs","cue":"urgency","weight":0.5,"patterns":[{"regex":"(a*a*)*c$"}],
         "near":{"patterns":[{"regex":"(a+)+x"}],"within":50}}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    const auto findings = scanOne(*matcher.value(), text);
    QCOMPARE(findings.size(), std::size_t(1));
    QCOMPARE(findings[0].rule, u"nested"_s);
    QCOMPARE(findings[0].start, 0);
    QCOMPARE(findings[0].end, end);
}

// A message repeating a phrase thousands of times yields a bounded number of findings (the
// matcher caps spans per pattern at 32), each quoting its place exactly.
void TestMatcher::manyMatchesBounded()
{
    auto matcher = compile(R"([{"id":"cash","cue":"bribe","weight":0.6,"patterns":["cashapp"]}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    const auto findings = scanOne(*matcher.value(), u"cashapp "_s.repeated(10000));
    QVERIFY(!findings.empty());
    QVERIFY(findings.size() <= 4096);
    QCOMPARE(findings.front().start, 0);
}

// Decoys that the guards veto, however many, do not push the real cue out of reach.
void TestMatcher::decoysDoNotHideTheCue()
{
    auto matcher = compile(R"([{"id":"tg","cue":"off_platform","weight":0.5,"patterns":["telegram"],
        "unless":["telegram premium"]}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    const QString text = u"telegram premium "_s.repeated(200) + u"add me on telegram"_s;
    const auto findings = scanOne(*matcher.value(), text);
    QCOMPARE(describe(findings), QStringList{u"telegram@%1"_s.arg(text.size() - 8)});
}

// countCandidates reports how many patterns occur in one folded pass.
void TestMatcher::countCandidates()
{
    auto matcher = compile(R"([
        {"id":"gift","cue":"payment_redirect","weight":0.5,"patterns":["gift card"]},
        {"id":"cash","cue":"bribe","weight":0.6,"patterns":["cashapp","venmo"]}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    QCOMPARE(matcher.value()->countCandidates(u"a gift card or c@shapp"_s), std::size_t(2));
    QCOMPARE(matcher.value()->countCandidates(u"nothing here"_s), std::size_t(0));
}

void TestMatcher::widePatternsCutForSinglePass_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("gap filled") << u"refund the whole lot to a gift card"_s
                                << QStringList{u"refund the whole lot to a gift card@0"_s};
    QTest::newRow("gap too wide") << u"refund one two three four five six seven to a gift card"_s
                                  << QStringList{};
    QTest::newRow("prefix without the rest") << u"refund it please"_s << QStringList{};
    QTest::newRow("alternative after a gap")
        << u"i want store credit now"_s << QStringList{u"store credit@7"_s};
    QTest::newRow("class loop first") << u"mail me at x.y@example.com"_s
                                      << QStringList{u"x.y@example.com@11"_s};
}

// A pattern with a wide gap is looked for by its cut in the single pass, then matched exactly:
// findings are those of the exact pattern, no more and no less.
void TestMatcher::widePatternsCutForSinglePass()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    auto matcher = compile(R"([
        {"id":"gap","cue":"payment_redirect","weight":0.5,
         "patterns":[{"regex":"\\brefund(?: \\S+){0,5} to a gift card\\b"},
                     {"regex":"\\b(?:\\w+ ){0,3}gift voucher|store credit"}]},
        {"id":"mail","cue":"off_platform","weight":0.5,
         "patterns":[{"regex":"[a-z0-9._]+@[a-z0-9-]+\\.[a-z]+","view":"plain"}]}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    QCOMPARE(describe(scanOne(*matcher.value(), text)), expected);
}

// Phrases of one rule share one expression, yet each one is found where it stands; of two
// that overlap ("right now", "now please") one finding stands for both.
void TestMatcher::mergedPhrasesFindEachPattern()
{
    auto matcher = compile(R"([{"id":"urg","cue":"urgency","weight":0.25,
        "patterns":["right now","now please","asap","as soon as possible"]}])");
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    const QString text = u"asap, as soon as possible, right now please"_s;
    const auto findings = scanOne(*matcher.value(), text);
    QCOMPARE(describe(findings), (QStringList{u"asap@0"_s, u"as soon as possible@6"_s,
                                              u"right now@27"_s}));
    verifyEvidence({Message{Role::Customer, text, {}}}, findings);
}

// The shipped pack on random mixtures of cue phrases, obfuscations and noise (fixed seed):
// every finding quotes its evidence exactly, whatever stands around it.
void TestMatcher::defaultPackQuotesEvidenceExactly()
{
    auto pack = RulePack::load(QStringLiteral(RG_SOURCE_DIR "/resources/rulepacks/default.json"));
    QVERIFY2(pack.ok(), qPrintable(errorOf(pack)));
    auto matcher = Matcher::compile(std::move(pack).value());
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    const QStringList fragments{
        u"add me on t e l e g r a m"_s, u"d1sc0rd"_s, u"\u0440\u0430ypal"_s, u"tele\u200Bgram"_s,
        u"refund it to a gift card"_s, u"my box was empty"_s, u"never arrived"_s, u"asap!!"_s,
        u"I'll send you $50"_s, u"skip the security questions"_s, u"mark it lost in transit"_s,
        u"DNA"_s, u"https://bit.ly/x"_s, u"\U0001F600"_s, u"caf\u0065\u0301"_s, u"\uFF54\uFF47"_s,
        u"the card on file is 4111 1111 1111 1111"_s, u"  "_s, u"."_s, u"\u202E"_s, u"l0st"_s};
    QRandomGenerator random(1126);
    for (int round = 0; round < 500; ++round) {
        QString text;
        const int parts = static_cast<int>(random.bounded(1, 8));
        for (int i = 0; i < parts; ++i)
            text += fragments[random.bounded(static_cast<int>(fragments.size()))] + u' ';
        for (const Role role : {Role::Customer, Role::Agent}) {
            const Message message{role, text, {}};
            verifyEvidence({message}, matcher.value()->scanMessage(0, message));
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(u"round %1: %2"_s.arg(round).arg(text)));
        }
    }
}

QTEST_APPLESS_MAIN(TestMatcher)
#include "tst_matcher.moc"
