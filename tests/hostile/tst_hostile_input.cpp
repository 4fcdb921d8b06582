// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Hostile input to the detector, the live session and every JSON reader: huge messages and
// conversations (linear time and memory, asserted by comparing sizes), deep nesting, broken
// text, and rule-pack regexes that would blow up a backtracking engine.

#include "audit/canonicaljson.h"
#include "batch/engine.h"
#include "batch/streamscanner.h"
#include "detect/matcher.h"
#include "detect/rulepack.h"
#include "feed/feedevent.h"
#include "model/case.h"
#include "model/conversation.h"
#include "policy/jsonlogic.h"
#include "policy/policypack.h"
#include "session/assistsession.h"
#include "training/scenario.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

#include "hostilesupport.h"
#include "testsupport.h"

using namespace Qt::StringLiterals;
using rg::test::bestOf;
using rg::test::errorOf;
using rg::test::kLinearSlack;

namespace {

const QDateTime kNow(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);

// A chat that keeps a detector busy: cues in most customer turns, agent turns the policies judge.
const QList<std::pair<rg::model::Role, QString>> kChatTurns = {
    {rg::model::Role::Customer, u"hi, my order never arrived and I need the refund right now"_s},
    {rg::model::Role::Agent, u"I am sorry to hear that, let me check the order for you"_s},
    {rg::model::Role::Customer, u"my manager already approved it, add me on tele.gram"_s},
    {rg::model::Role::Agent, u"I can only help you here in this chat"_s},
    {rg::model::Role::Customer, u"the box was empty when it came, do it asap"_s},
    {rg::model::Role::Agent, u"thank you, one moment please"_s},
    {rg::model::Role::Customer, u"ok thanks"_s},
    {rg::model::Role::Agent, u"I will refund it right away, no need to return it"_s},
};

// About \a bytes of ordinary text that carries no cue.
QString filler(qsizetype bytes)
{
    const QString words = u"the weather was mild and the garden looked green all week long "_s;
    QString text;
    text.reserve(bytes + words.size());
    while (text.size() < bytes)
        text += words;
    return text;
}

// \a depth opening brackets: far deeper than any reader should follow.
QByteArray deepArrays(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

// A JSON value \a depth arrays deep, built without a parser (which would refuse it).
QJsonValue deepValue(int depth)
{
    QJsonValue value = 1;
    for (int i = 0; i < depth; ++i)
        value = QJsonArray{value};
    return value;
}

QString cueSummary(const std::vector<rg::model::Finding> &findings)
{
    QStringList cues;
    for (const rg::model::Finding &f : findings)
        cues.append(f.cue + u'/' + f.rule + u'=' + f.evidence);
    return cues.join(u", "_s);
}

} // namespace

class TestHostileInput final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // A 1 MB message finds what the same phrase finds in a short one, in time linear in its size.
    void oneMegabyteMessage();
    // 100,000 turns through the live session: linear time, memory in proportion, and the same
    // judgement as judging the whole conversation at once.
    void hundredThousandTurnSession();
    // Judging the same session turn by turn and the conversation at once agree, actions included.
    void liveJudgementMatchesWholeJudgement();
    // One transcript line with n and 4n turns through the JSONL reader: linear.
    void longTranscriptLine();
    // 100k '[' in every JSON input: an error naming the place, never a crash.
    void deeplyNestedJson_data();
    void deeplyNestedJson();
    // Invalid UTF-8 in a transcript line: that line is an error naming it, the next still scans.
    void invalidUtf8Line();
    // NUL, control characters, lone surrogates and bidi overrides around a cue: found where
    // CUES.md says, quoted exactly as typed.
    void controlAndBidiCharacters_data();
    void controlAndBidiCharacters();
    // Patterns that are exponential for a backtracking engine: loaded (or refused by name), and
    // matched in time linear in the text.
    void catastrophicRegexes();

private:
    std::unique_ptr<rg::batch::Engine> m_engine;
};

void TestHostileInput::initTestCase()
{
    auto engine = rg::batch::Engine::load();
    QVERIFY2(engine.ok(), qPrintable(errorOf(engine)));
    m_engine = std::move(engine).value();
}

void TestHostileInput::oneMegabyteMessage()
{
    const QString phrase = u"please refund it right now, add me on tele.gram"_s;
    rg::detect::Matcher &matcher = *m_engine->matcher;
    const auto shortFindings = matcher.scanMessage(0, {rg::model::Role::Customer, phrase, {}});
    QVERIFY2(shortFindings.size() >= 2, qPrintable(cueSummary(shortFindings)));

    const auto scanBig = [&](qsizetype bytes, std::vector<rg::model::Finding> *out) {
        const QString before = filler(bytes / 2);
        const QString text = before + phrase + u' ' + filler(bytes / 2);
        return bestOf(3, [&] {
            auto findings = matcher.scanMessage(0, {rg::model::Role::Customer, text, {}});
            if (out) {
                for (rg::model::Finding &f : findings) {
                    f.start -= int(before.size());
                    f.end -= int(before.size());
                }
                *out = std::move(findings);
            }
        });
    };
    std::vector<rg::model::Finding> bigFindings;
    const qint64 quarter = scanBig(256 * 1024, nullptr);
    const qint64 whole = scanBig(1024 * 1024, &bigFindings);
    QVERIFY2(bigFindings == shortFindings,
             qPrintable(cueSummary(bigFindings) + u" vs "_s + cueSummary(shortFindings)));
    const double ratio = double(whole) / double(quarter);
    qInfo("1 MB message: %.1f ms; 1 MB / 256 kB time ratio %.2f", whole / 1e6, ratio);
    QVERIFY2(ratio < 4 * kLinearSlack, qPrintable(u"ratio %1"_s.arg(ratio)));
}

void TestHostileInput::hundredThousandTurnSession()
{
    using rg::session::AssistSession;
    // Each run builds a session of \a turns turns; the last one stays for the checks below.
    std::unique_ptr<AssistSession> session;
    const auto run = [&](int turns) {
        session.reset();
        rg::session::SessionServices services;
        services.engine = m_engine.get();
        services.clock = [] { return kNow; };
        session = std::make_unique<AssistSession>(u"long"_s, std::move(services));
        for (int i = 0; i < turns; ++i) {
            const auto &[role, text] = kChatTurns[i % kChatTurns.size()];
            session->addMessage(role, text, kNow);
        }
    };
    constexpr int kSmall = 25'000;
    constexpr int kLarge = 4 * kSmall;

    const qint64 rssStart = rg::test::procStatusKb("VmRSS");
    const qint64 heapStart = rg::test::heapInUse();
    const qint64 small = bestOf(2, [&] { run(kSmall); });
    const qint64 heapSmall = rg::test::heapInUse() - heapStart;
    QCOMPARE(session->conversation().messages.size(), qsizetype(kSmall));
    const qint64 large = bestOf(2, [&] { run(kLarge); });
    const qint64 heapLarge = rg::test::heapInUse() - heapStart;
    const qint64 peakGrowth = rg::test::procStatusKb("VmHWM") - rssStart;
    QCOMPARE(session->conversation().messages.size(), qsizetype(kLarge));

    const double ratio = double(large) / double(small);
    const double heapRatio = double(heapLarge) / double(heapSmall);
    qInfo("session: %d turns %.0f ms, %d turns %.0f ms, time ratio %.2f; heap %.1f MB and %.1f "
          "MB, ratio %.2f; peak RSS +%lld kB",
          kSmall, small / 1e6, kLarge, large / 1e6, ratio, heapSmall / 1e6, heapLarge / 1e6,
          heapRatio, peakGrowth);
    QVERIFY2(ratio < 4 * kLinearSlack, qPrintable(u"time ratio %1"_s.arg(ratio)));
    // Memory in proportion to the conversation (no copy of it per turn), and a bound per turn.
    QVERIFY(heapSmall > 0);
    QVERIFY2(heapRatio < 4 * kLinearSlack, qPrintable(u"heap ratio %1"_s.arg(heapRatio)));
    QVERIFY2(heapLarge < qint64(kLarge) * 4096, qPrintable(u"heap +%1 B"_s.arg(heapLarge)));
    if (!rg::test::kUnderAsan)
        QVERIFY2(peakGrowth < qint64(kLarge) * 4, qPrintable(u"peak RSS +%1 kB"_s.arg(peakGrowth)));

    // The live judgement is the one of the whole conversation.
    auto whole = m_engine->judge(session->conversation(), kNow);
    QVERIFY2(whole.ok(), qPrintable(errorOf(whole)));
    const rg::batch::Judgement &live = *session->judgement();
    QCOMPARE(live.detection.findings.size(), whole.value().detection.findings.size());
    QVERIFY(live.detection.findings == whole.value().detection.findings);
    QCOMPARE(live.assessment.risk, whole.value().assessment.risk);
    QCOMPARE(live.violations.size(), whole.value().violations.size());
    QCOMPARE(live.detection.sequences.size(), whole.value().detection.sequences.size());
}

void TestHostileInput::liveJudgementMatchesWholeJudgement()
{
    rg::session::SessionServices services;
    services.engine = m_engine.get();
    services.clock = [] { return kNow; };
    rg::session::AssistSession session(u"mixed"_s, std::move(services));
    for (int i = 0; i < 400; ++i) {
        const auto &[role, text] = kChatTurns[i % kChatTurns.size()];
        session.addMessage(role, text, kNow);
        if (i % 50 == 49) {
            const auto added = session.addAgentAction(
                QJsonObject{{u"type"_s, u"refund"_s},
                            {u"amount"_s, 40 + i},
                            {u"currency"_s, u"USD"_s},
                            {u"method"_s, i % 100 == 99 ? u"gift_card"_s : u"original_payment"_s}});
            QVERIFY2(added.ok(), qPrintable(errorOf(added)));
        }
    }
    auto whole = m_engine->judge(session.conversation(), kNow);
    QVERIFY2(whole.ok(), qPrintable(errorOf(whole)));
    const rg::batch::Judgement &live = *session.judgement();
    const rg::batch::Judgement &once = whole.value();
    QVERIFY(!live.detection.findings.empty());
    QVERIFY(live.detection.findings == once.detection.findings);
    QCOMPARE(live.detection.sequences.size(), once.detection.sequences.size());
    for (std::size_t i = 0; i < once.detection.sequences.size(); ++i) {
        QCOMPARE(live.detection.sequences[i].id, once.detection.sequences[i].id);
        QVERIFY(live.detection.sequences[i].turns == once.detection.sequences[i].turns);
    }
    QCOMPARE(live.assessment.risk, once.assessment.risk);
    QCOMPARE(live.assessment.reasons.size(), once.assessment.reasons.size());
    for (std::size_t i = 0; i < once.assessment.reasons.size(); ++i) {
        QCOMPARE(live.assessment.reasons[i].cue, once.assessment.reasons[i].cue);
        QCOMPARE(live.assessment.reasons[i].text, once.assessment.reasons[i].text);
        QCOMPARE(live.assessment.reasons[i].weight, once.assessment.reasons[i].weight);
    }
    QVERIFY(!once.violations.empty());
    QCOMPARE(live.violations.size(), once.violations.size());
    for (std::size_t i = 0; i < once.violations.size(); ++i) {
        QCOMPARE(live.violations[i].turn, once.violations[i].turn);
        QCOMPARE(live.violations[i].policy, once.violations[i].policy);
        QCOMPARE(live.violations[i].message, once.violations[i].message);
    }
    QCOMPARE(live.decisions.size(), once.decisions.size());
}

void TestHostileInput::longTranscriptLine()
{
    const auto line = [](int turns) {
        QJsonArray messages;
        for (int i = 0; i < turns; ++i) {
            const auto &[role, text] = kChatTurns[i % kChatTurns.size()];
            messages.append(QJsonObject{
                {u"role"_s, role == rg::model::Role::Customer ? u"customer"_s : u"agent"_s},
                {u"text"_s, text}});
        }
        return QJsonDocument(QJsonObject{{u"id"_s, u"long"_s}, {u"messages"_s, messages}})
                   .toJson(QJsonDocument::Compact)
               + '\n';
    };
    const auto detectPack = rg::detect::RulePack::load(rg::batch::kDefaultRulePack);
    QVERIFY2(detectPack.ok(), qPrintable(errorOf(detectPack)));
    rg::batch::StreamOptions options;
    options.policies = &m_engine->policies;
    options.fusion = &m_engine->weights;
    const auto scan = [&](const QByteArray &input, QByteArray *output) {
        return bestOf(2, [&] {
            QByteArray in = input;
            QBuffer inBuffer(&in);
            inBuffer.open(QIODevice::ReadOnly);
            QByteArray out;
            QBuffer outBuffer(&out);
            outBuffer.open(QIODevice::WriteOnly);
            QStringList errors;
            const auto summary = rg::batch::scanStream(
                detectPack.value(), inBuffer, outBuffer, u"long.jsonl"_s,
                [&](const QString &error) { errors.append(error); }, options);
            if (summary.ok() && errors.isEmpty())
                *output = out;
        });
    };
    // Each scan compiles the rule pack first: a constant, taken off both sizes.
    QByteArray baseOut, smallOut, largeOut;
    const qint64 base = scan(line(1), &baseOut);
    constexpr int kSmall = 10'000;
    const qint64 small = scan(line(kSmall), &smallOut) - base;
    const qint64 large = scan(line(4 * kSmall), &largeOut) - base;
    QVERIFY(small > 0);
    QVERIFY(!smallOut.isEmpty());
    QVERIFY(!largeOut.isEmpty());
    const QJsonObject result = QJsonDocument::fromJson(largeOut).object();
    QVERIFY(result.value(u"findings"_s).toArray().size() > 4 * kSmall / 4);
    const double ratio = double(large) / double(small);
    qInfo("transcript line (pack compile of %.0f ms taken off): %d turns %.0f ms, %d turns %.0f "
          "ms, ratio %.2f",
          base / 1e6, kSmall, small / 1e6, 4 * kSmall, large / 1e6, ratio);
    QVERIFY2(ratio < 4 * kLinearSlack, qPrintable(u"time ratio %1"_s.arg(ratio)));
}

void TestHostileInput::deeplyNestedJson_data()
{
    QTest::addColumn<QString>("input");
    for (const char *input : {"transcript", "transcript text", "rule pack", "policy", "json logic",
                              "case", "scenario", "bridge event", "canonical json"})
        QTest::newRow(input) << QString::fromLatin1(input);
}

void TestHostileInput::deeplyNestedJson()
{
    QFETCH(QString, input);
    constexpr int kDepth = 100'000;
    const QByteArray deep = deepArrays(kDepth);
    QString error;
    if (input == u"transcript") {
        error = errorOf(rg::model::Conversation::fromJsonLine(deep));
    } else if (input == u"transcript text") {
        // Deep inside a valid-looking line; the reader must name the line and go on.
        QByteArray in = R"({"id":"a","messages":[{"role":"customer","text":"hi"}]})"_ba + '\n'
                        + R"({"id":"b","messages":)"_ba + deep + "}\n"
                        + R"({"id":"c","messages":[{"role":"customer","text":"asap"}]})"_ba + '\n';
        QBuffer inBuffer(&in);
        inBuffer.open(QIODevice::ReadOnly);
        QByteArray out;
        QBuffer outBuffer(&out);
        outBuffer.open(QIODevice::WriteOnly);
        const auto pack = rg::detect::RulePack::load(rg::batch::kDefaultRulePack);
        QVERIFY2(pack.ok(), qPrintable(errorOf(pack)));
        QStringList errors;
        const auto summary
            = rg::batch::scanStream(pack.value(), inBuffer, outBuffer, u"deep.jsonl"_s,
                                    [&](const QString &e) { errors.append(e); });
        QVERIFY2(summary.ok(), qPrintable(errorOf(summary)));
        QCOMPARE(summary.value().scanned, qint64(2));
        QCOMPARE(summary.value().failed, qint64(1));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.front().startsWith(u"deep.jsonl:2:"_s), qPrintable(errors.front()));
        error = errors.front();
    } else if (input == u"rule pack") {
        error = errorOf(rg::detect::RulePack::parse(
            R"({"id":"x","version":"1","format":1,"rules":)"_ba + deep + '}', u"deep-pack.json"_s));
        QVERIFY2(error.contains(u"deep-pack.json"_s), qPrintable(error));
    } else if (input == u"policy") {
        error = errorOf(rg::policy::Policy::parse(
            R"({"format":1,"id":"p","title":"t","severity":"warn","citation":"c",)"_ba
                + R"("actions":["refund"],"condition":)" + deep + '}',
            u"deep-policy.json"_s));
        QVERIFY2(error.contains(u"deep-policy.json"_s), qPrintable(error));
    } else if (input == u"json logic") {
        // Past the parser's own limit (1024), so built in memory; JSON Logic stops at 256.
        error = errorOf(rg::policy::Logic::compile(deepValue(5000)));
    } else if (input == u"case") {
        error = errorOf(rg::model::Case::fromJsonBytes(R"({"id":"c","orders":)"_ba + deep + '}'));
    } else if (input == u"scenario") {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(u"deep-scenario.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"schema_version":1,"id":"s","nodes":)"_ba + deep + '}');
        file.close();
        error = errorOf(rg::training::Scenario::load(file.fileName()));
        QVERIFY2(error.contains(u"deep-scenario.json"_s), qPrintable(error));
    } else if (input == u"bridge event") {
        error = errorOf(rg::feed::FeedEvent::parse(
            R"({"type":"message","conversation_id":"c","role":"customer","text":)"_ba + deep
            + '}'));
    } else if (input == u"canonical json") {
        error = errorOf(rg::audit::canonicalJson(deep));
    }
    QVERIFY2(!error.isEmpty(), "deep input was accepted");
    QVERIFY2(error.contains(u"nest"_s, Qt::CaseInsensitive) || error.contains(u"deep"_s),
             qPrintable(error));
}

void TestHostileInput::invalidUtf8Line()
{
    // Bytes that are no UTF-8: stray continuation bytes, a truncated sequence, a surrogate.
    QByteArray in = R"({"id":"bad","messages":[{"role":"customer","text":"right now )"_ba
                    + "\xff\xfe\xc3\x28 \xed\xa0\x80" + R"("}]})" + '\n'
                    + R"({"id":"good","messages":[{"role":"customer","text":"right now"}]})" + '\n';
    QBuffer inBuffer(&in);
    inBuffer.open(QIODevice::ReadOnly);
    QByteArray out;
    QBuffer outBuffer(&out);
    outBuffer.open(QIODevice::WriteOnly);
    const auto pack = rg::detect::RulePack::load(rg::batch::kDefaultRulePack);
    QVERIFY2(pack.ok(), qPrintable(errorOf(pack)));
    QStringList errors;
    const auto summary = rg::batch::scanStream(pack.value(), inBuffer, outBuffer, u"utf8.jsonl"_s,
                                               [&](const QString &e) { errors.append(e); });
    QVERIFY2(summary.ok(), qPrintable(errorOf(summary)));
    QCOMPARE(summary.value().scanned + summary.value().failed, qint64(2));
    // Either refused by name, or read with replacement characters: never lost silently.
    if (summary.value().failed == 1) {
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.front().startsWith(u"utf8.jsonl:1:"_s), qPrintable(errors.front()));
    }
    const QList<QByteArray> lines = out.trimmed().split('\n');
    const QJsonObject good = QJsonDocument::fromJson(lines.back()).object();
    QCOMPARE(good.value(u"id"_s).toString(), u"good"_s);
    QCOMPARE(good.value(u"findings"_s).toArray().first().toObject().value(u"cue"_s).toString(),
             u"urgency"_s);
}

void TestHostileInput::controlAndBidiCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cue");
    QTest::addColumn<QString>("evidence"); // as it must be quoted: the original code points

    const QChar nul(u'\0');
    QTest::newRow("NUL around") << nul + u"right now"_s + nul << u"urgency"_s << u"right now"_s;
    const QString c0
        = u"te"_s + QChar(0x01) + u"le"_s + QChar(0x07) + u"gr"_s + QChar(0x1b) + u"am"_s;
    QTest::newRow("C0 controls inside the word") << u"add me on "_s + c0 << u"off_platform"_s << c0;
    const QString c1 = u"tele"_s + QChar(0x90) + u"gr"_s + QChar(0x9b) + u"am"_s;
    QTest::newRow("C1 controls inside the word") << u"add me on "_s + c1 << u"off_platform"_s << c1;
    const QString nulInside = u"tele"_s + nul + u"gram"_s;
    QTest::newRow("NUL inside the word")
        << u"add me on "_s + nulInside << u"off_platform"_s << nulInside;
    QTest::newRow("lone surrogates") << u"right now "_s + QChar(0xD800) + u" x "_s + QChar(0xDC00)
                                     << u"urgency"_s << u"right now"_s;
    QTest::newRow("RLO inside the word")
        << u"add me on tele\u202egram please"_s << u"off_platform"_s << u"tele\u202egram"_s;
    QTest::newRow("bidi isolates and marks") << u"add me on \u2067tele\u200fgr\u200eam\u2069"_s
                                             << u"off_platform"_s << u"tele\u200fgr\u200eam"_s;
    QTest::newRow("zero-width joiners") << u"add me on t\u200de\u200bl\u2060egram"_s
                                        << u"off_platform"_s << u"t\u200de\u200bl\u2060egram"_s;
}

void TestHostileInput::controlAndBidiCharacters()
{
    QFETCH(QString, text);
    QFETCH(QString, cue);
    QFETCH(QString, evidence);
    const auto findings = m_engine->matcher->scanMessage(0, {rg::model::Role::Customer, text, {}});
    const auto found = std::find_if(findings.begin(), findings.end(),
                                    [&](const rg::model::Finding &f) { return f.cue == cue; });
    QVERIFY2(found != findings.end(), qPrintable(cueSummary(findings)));
    QCOMPARE(found->evidence, evidence);
    // Offsets are code points into the original text and quote it exactly.
    const QList<uint> points = text.toUcs4();
    QVERIFY(found->start >= 0 && found->start < found->end && found->end <= points.size());
    const auto *codePoints = reinterpret_cast<const char32_t *>(points.constData());
    QCOMPARE(QString::fromUcs4(codePoints + found->start, found->end - found->start), evidence);
}

void TestHostileInput::catastrophicRegexes()
{
    const QList<QByteArray> regexes = {"(a+)+$", "(a|aa)*b",  "(a|a)*c",    "(x+x+)+y",
                                       "(a*)*$", "^(a|a?)+$", "(.*a){12}z", "((a+)+)+!q"};
    QByteArray rules = "[";
    for (qsizetype i = 0; i < regexes.size(); ++i) {
        QByteArray escaped = regexes[i];
        escaped.replace('\\', "\\\\");
        rules += (i ? ",{" : "{") + R"("id":"evil-)"_ba + QByteArray::number(i)
                 + R"(","cue":"urgency","weight":0.3,"patterns":[{"regex":")" + escaped
                 + R"(","view":"plain"}]})";
    }
    rules += "]";
    auto pack = rg::detect::RulePack::parse(
        R"({"id":"evil","version":"1","format":1,"rules":)"_ba + rules + '}', u"evil.json"_s);
    if (!pack) {
        // Refusing is fine if it says which rule and file.
        QVERIFY2(pack.error().contains(u"evil.json"_s) && pack.error().contains(u"evil-"_s),
                 qPrintable(pack.error()));
        return;
    }
    auto matcher = rg::detect::Matcher::compile(std::move(pack).value());
    QVERIFY2(matcher.ok(), qPrintable(errorOf(matcher)));
    const auto scan = [&](qsizetype length) {
        const QString text = QString(length, u'a') + u'!';
        const QString xs = QString(length, u'x');
        return bestOf(3, [&] {
            matcher.value()->scanMessage(0, {rg::model::Role::Customer, text, {}});
            matcher.value()->scanMessage(0, {rg::model::Role::Customer, xs, {}});
        });
    };
    // Sizes past the caches: below about 100k characters the scan's working set still fits,
    // and per-character time rises as it stops fitting, which is not the algorithm's doing.
    const qint64 small = scan(200'000);
    const qint64 large = scan(800'000);
    const double ratio = double(large) / double(small);
    qInfo("adversarial regexes: 200k chars %.1f ms, 800k chars %.1f ms, ratio %.2f", small / 1e6,
          large / 1e6, ratio);
    QVERIFY2(ratio < 4 * kLinearSlack, qPrintable(u"time ratio %1"_s.arg(ratio)));
    // And they still match what they say.
    const auto found = matcher.value()->scanMessage(0, {rg::model::Role::Customer, u"aaaa"_s, {}});
    QVERIFY(!found.empty());
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostile_input.moc"
