// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The demo script: the shipped one parses and tells a coherent story, malformed scripts are
// refused with the JSON pointer of their culprit, and DemoPlayer replays steps in order at the
// speed asked for, pauses, resumes and finishes once.

#include "feed/demoscript.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <limits>

#include "testsupport.h"

using namespace Qt::StringLiterals;
using rg::feed::DemoPlayer;
using rg::feed::DemoStep;
using rg::feed::FeedEvent;
using rg::feed::FeedEventType;
using rg::test::errorOf;

namespace {

DemoStep messageStep(int afterMs, const QString &text)
{
    FeedEvent event;
    event.type = FeedEventType::Message;
    event.conversationId = u"c-1"_s;
    event.text = text;
    return DemoStep{afterMs, event, {}, {}};
}

DemoStep proposalStep(int afterMs, const QString &conversation)
{
    return DemoStep{afterMs, std::nullopt, conversation, QJsonObject{{u"type"_s, u"refund"_s}}};
}

// What the player emitted, both signals in one list, so their relative order shows.
void record(DemoPlayer &player, QStringList &log)
{
    QObject::connect(&player, &DemoPlayer::eventReady, &player,
                     [&log](const FeedEvent &event) { log.append(u"event "_s + event.text); });
    QObject::connect(&player, &DemoPlayer::actionProposed, &player,
                     [&log](const QString &conversation, const QJsonObject &action) {
                         log.append(u"propose "_s + conversation + u' '
                                    + action.value(u"type"_s).toString());
                     });
}

// Lets the event loop run for \a ms, so a test can show that something did NOT happen in that
// time; every assertion about what did happen uses QTRY_ instead.
void runEventLoopFor(int ms)
{
    QTimer witness;
    witness.setSingleShot(true);
    witness.start(ms);
    QTRY_VERIFY_WITH_TIMEOUT(!witness.isActive(), ms + 5000);
}

} // namespace

class TestDemoScript final : public QObject
{
    Q_OBJECT

private slots:
    void shippedScriptParses();
    void shippedConversationsOpenFirstAndOverlap();
    void shippedProposalIsTheRekkRefund();
    void goodScript();
    void badScripts_data();
    void badScripts();
    void loadNamesThePath();
    void playsStepsInOrder();
    void startDoesNotRestartAPlayingScript();
    void honoursSpeed();
    void speedChangeAppliesToPendingStep();
    void speedIsClamped_data();
    void speedIsClamped();
    void pauseStopsAndResumeContinues();
    void pauseFromAReceiver();
};

// The built-in script loads from the resources and lasts two to three minutes at human pace.
void TestDemoScript::shippedScriptParses()
{
    const auto steps = rg::feed::loadDemoScript();
    QVERIFY2(steps.ok(), qPrintable(errorOf(steps)));
    qint64 totalMs = 0;
    for (const DemoStep &step : steps.value())
        totalMs += step.afterMs;
    QVERIFY2(totalMs >= 120'000 && totalMs <= 180'000, qPrintable(QString::number(totalMs)));
}

// Every conversation starts with case_opened, nothing follows its case_closed, and there are
// two conversations whose steps interleave, so the agent has to switch between them.
void TestDemoScript::shippedConversationsOpenFirstAndOverlap()
{
    const auto steps = rg::feed::loadDemoScript();
    QVERIFY2(steps.ok(), qPrintable(errorOf(steps)));
    QHash<QString, QString> caseOf;
    QSet<QString> closed;
    QStringList order; // conversation of each step
    for (const DemoStep &step : steps.value()) {
        const QString conversation = step.event ? step.event->conversationId : step.conversationId;
        QVERIFY2(!closed.contains(conversation), qPrintable(conversation));
        if (step.event && step.event->type == FeedEventType::CaseOpened) {
            QVERIFY2(!caseOf.contains(conversation), qPrintable(conversation));
            caseOf.insert(conversation, step.event->caseId);
        }
        QVERIFY2(caseOf.contains(conversation),
                 qPrintable(conversation + u" has a step before its case_opened"_s));
        if (step.event && step.event->type == FeedEventType::CaseClosed)
            closed.insert(conversation);
        order.append(conversation);
    }
    QCOMPARE(caseOf.size(), 2);
    const QString a = caseOf.keys().at(0);
    const QString b = caseOf.keys().at(1);
    // Each one starts before the other's last step.
    QVERIFY(order.indexOf(a) < order.lastIndexOf(b));
    QVERIFY(order.indexOf(b) < order.lastIndexOf(a));
    QCOMPARE(caseOf.value(u"demo-chat-rekk"_s), u"case-1001"_s);
}

// The one proposal is the refund the REKK customer pushes for (its blocking by the policies is
// tst_demoshift's job), and it comes after the customer's pressure, not before.
void TestDemoScript::shippedProposalIsTheRekkRefund()
{
    const auto steps = rg::feed::loadDemoScript();
    QVERIFY2(steps.ok(), qPrintable(errorOf(steps)));
    QList<DemoStep> proposals;
    int customerMessagesBefore = 0;
    for (const DemoStep &step : steps.value()) {
        if (!step.event) {
            proposals.append(step);
            continue;
        }
        if (proposals.isEmpty() && step.event->conversationId == u"demo-chat-rekk"_s
            && step.event->type == FeedEventType::Message
            && step.event->role == rg::model::Role::Customer)
            ++customerMessagesBefore;
    }
    QCOMPARE(proposals.size(), 1);
    QCOMPARE(proposals.first().conversationId, u"demo-chat-rekk"_s);
    QVERIFY(customerMessagesBefore >= 3);
    const QJsonObject action = proposals.first().proposedAction;
    QCOMPARE(action.value(u"type"_s).toString(), u"refund"_s);
    QCOMPARE(action.value(u"order_id"_s).toString(), u"114-2283917"_s);
    QCOMPARE(action.value(u"amount"_s).toDouble(), 129.99);
    QCOMPARE(action.value(u"currency"_s).toString(), u"USD"_s);
    QCOMPARE(action.value(u"method"_s).toString(), u"original_payment"_s);
    QCOMPARE(action.value(u"return_required"_s), QJsonValue(false));
}

// Both kinds of step are read into their members; the event is exactly what FeedEvent reads.
void TestDemoScript::goodScript()
{
    const auto steps = rg::feed::parseDemoScript(R"({"version": 1, "steps": [
        {"after_ms": 0, "event": {"type": "case_opened", "conversation_id": "c", "case_id": "k"}},
        {"after_ms": 2500, "event": {"type": "message", "conversation_id": "c",
                                     "role": "customer", "text": "hi"}},
        {"after_ms": 600000, "propose_action": {"conversation_id": "c",
                                                "action": {"type": "refund", "amount": 5}}}]})");
    QVERIFY2(steps.ok(), qPrintable(errorOf(steps)));
    QCOMPARE(steps.value().size(), 3);
    QCOMPARE(steps.value().at(0).afterMs, 0);
    QVERIFY(steps.value().at(0).event);
    QCOMPARE(steps.value().at(0).event->caseId, u"k"_s);
    QCOMPARE(steps.value().at(1).afterMs, 2500);
    QCOMPARE(steps.value().at(1).event->text, u"hi"_s);
    const DemoStep &proposal = steps.value().at(2);
    QCOMPARE(proposal.afterMs, rg::feed::kMaxDemoStepDelayMs);
    QVERIFY(!proposal.event);
    QCOMPARE(proposal.conversationId, u"c"_s);
    QVERIFY(rg::test::sameJson(proposal.proposedAction,
                               QJsonObject{{u"type"_s, u"refund"_s}, {u"amount"_s, 5}}));
}

void TestDemoScript::badScripts_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // the start of the error: the pointer and the reason

    const QByteArray open = R"({"type":"case_opened","conversation_id":"c","case_id":"k"})";
    const auto script
        = [](const QByteArray &steps) { return R"({"version": 1, "steps": [)" + steps + "]}"; };
    const auto withOpen = [&](const QByteArray &step) {
        return script(R"({"after_ms": 0, "event": )" + open + "}, " + step);
    };

    QTest::newRow("not JSON") << "{\"version\": 1,"_ba << u"(root): not valid JSON at line 1"_s;
    QTest::newRow("array") << "[]"_ba << u"(root): expected a JSON object"_s;
    QTest::newRow("unknown root member") << R"({"version": 1, "steps": [], "a/b": 1})"_ba
                                         << u"/a~1b: not a member of a demo script"_s;
    QTest::newRow("no version") << R"({"steps": []})"_ba << u"/version: missing"_s;
    QTest::newRow("version 2") << R"({"version": 2, "steps": []})"_ba
                               << u"/version: unsupported version (this build plays version 1)"_s;
    QTest::newRow("version string")
        << R"({"version": "1", "steps": []})"_ba << u"/version: unsupported version"_s;
    QTest::newRow("no steps") << R"({"version": 1})"_ba << u"/steps: missing"_s;
    QTest::newRow("steps object") << R"({"version": 1, "steps": {}})"_ba
                                  << u"/steps: expected an array"_s;
    QTest::newRow("steps empty") << script({}) << u"/steps: must not be empty"_s;
    QTest::newRow("step not object") << script("1") << u"/steps/0: expected an object"_s;
    QTest::newRow("unknown step member")
        << withOpen(R"({"after_ms": 0, "event": )" + open + R"(, "note": "x"})")
        << u"/steps/1/note: not a member of a step"_s;
    QTest::newRow("no after_ms") << script(R"({"event": )" + open + "}")
                                 << u"/steps/0/after_ms: missing"_s;
    QTest::newRow("negative after_ms")
        << script(R"({"after_ms": -1, "event": )" + open + "}")
        << u"/steps/0/after_ms: expected a whole number of milliseconds from 0 to 600000"_s;
    QTest::newRow("fractional after_ms") << script(R"({"after_ms": 1.5, "event": )" + open + "}")
                                         << u"/steps/0/after_ms: expected a whole number"_s;
    QTest::newRow("after_ms too long") << script(R"({"after_ms": 600001, "event": )" + open + "}")
                                       << u"/steps/0/after_ms: expected a whole number"_s;
    QTest::newRow("after_ms string") << script(R"({"after_ms": "5", "event": )" + open + "}")
                                     << u"/steps/0/after_ms: expected a whole number"_s;
    QTest::newRow("neither") << script(R"({"after_ms": 0})")
                             << u"/steps/0: expected event or propose_action"_s;
    QTest::newRow("both") << withOpen(R"({"after_ms": 0, "event": )" + open
                                      + R"(, "propose_action": {"conversation_id": "c",
                                               "action": {"type": "refund"}}})")
                          << u"/steps/1: has both event and propose_action; a step has one"_s;
    QTest::newRow("event not object")
        << script(R"({"after_ms": 0, "event": []})") << u"/steps/0/event: expected a JSON object"_s;
    QTest::newRow("bad event type")
        << withOpen(R"({"after_ms": 0, "event": {"type": "chat", "conversation_id": "c"}})")
        << u"/steps/1/event/type: unknown event type \"chat\""_s;
    QTest::newRow("bad event role")
        << withOpen(R"({"after_ms": 0, "event": {"type": "message", "conversation_id": "c",
                                                 "role": "bot", "text": "x"}})")
        << u"/steps/1/event/role: expected customer, agent or system"_s;
    QTest::newRow("bad action type")
        << withOpen(R"({"after_ms": 0, "event": {"type": "agent_action", "conversation_id": "c",
                                                 "action": {"amount": 1}}})")
        << u"/steps/1/event/action/type: expected a non-empty string"_s;
    QTest::newRow("proposal not object") << withOpen(R"({"after_ms": 0, "propose_action": 1})")
                                         << u"/steps/1/propose_action: expected an object"_s;
    QTest::newRow("proposal with type")
        << withOpen(R"({"after_ms": 0, "propose_action": {"type": "agent_action",
                       "conversation_id": "c", "action": {"type": "refund"}}})")
        << u"/steps/1/propose_action/type: not a member of propose_action"_s;
    QTest::newRow("proposal without conversation")
        << withOpen(R"({"after_ms": 0, "propose_action": {"action": {"type": "refund"}}})")
        << u"/steps/1/propose_action/conversation_id: missing"_s;
    QTest::newRow("proposal without action")
        << withOpen(R"({"after_ms": 0, "propose_action": {"conversation_id": "c"}})")
        << u"/steps/1/propose_action/action: missing"_s;
    QTest::newRow("proposal action without type")
        << withOpen(R"({"after_ms": 0, "propose_action": {"conversation_id": "c",
                                                          "action": {"type": ""}}})")
        << u"/steps/1/propose_action/action/type: expected a non-empty string"_s;
    QTest::newRow("proposal on unknown conversation")
        << withOpen(R"({"after_ms": 0, "propose_action": {"conversation_id": "other",
                                                          "action": {"type": "refund"}}})")
        << u"/steps/1/propose_action/conversation_id: no earlier event is on this conversation"_s;
    QTest::newRow("proposal before its conversation")
        << script(R"({"after_ms": 0, "propose_action": {"conversation_id": "c",
                      "action": {"type": "refund"}}}, {"after_ms": 0, "event": )"
                  + open + "}")
        << u"/steps/0/propose_action/conversation_id: no earlier event"_s;
}

// Each malformed script is refused, and the error starts with where and why.
void TestDemoScript::badScripts()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const auto steps = rg::feed::parseDemoScript(json);
    QVERIFY(!steps.ok());
    QVERIFY2(steps.error().startsWith(error), qPrintable(steps.error()));
}

// A file that cannot be read, or does not parse, is named in the error.
void TestDemoScript::loadNamesThePath()
{
    const auto missing = rg::feed::loadDemoScript(u":/demo/no-such-script.json"_s);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().startsWith(u":/demo/no-such-script.json: "_s),
             qPrintable(missing.error()));
    // The transcripts are JSON lines, not one JSON document.
    const auto wrong = rg::feed::loadDemoScript(u":/demo/transcripts.jsonl"_s);
    QVERIFY(!wrong.ok());
    QVERIFY2(wrong.error().startsWith(u":/demo/transcripts.jsonl: (root): not valid JSON"_s),
             qPrintable(wrong.error()));
}

// Events and proposals come out in script order, one at a time, never from inside start();
// position() counts them and finished() follows the last one, once.
void TestDemoScript::playsStepsInOrder()
{
    DemoPlayer player(
        {messageStep(0, u"one"_s), proposalStep(16, u"c-1"_s), messageStep(16, u"two"_s)});
    player.setSpeed(16);
    QStringList log;
    record(player, log);
    QSignalSpy events(&player, &DemoPlayer::eventReady);
    QSignalSpy proposals(&player, &DemoPlayer::actionProposed);
    QSignalSpy finished(&player, &DemoPlayer::finished);
    int positionAtFinish = -1;
    connect(&player, &DemoPlayer::finished, this, [&] { positionAtFinish = player.position(); });

    QVERIFY(!player.isRunning());
    player.start();
    QVERIFY(player.isRunning());
    QCOMPARE(events.count(), 0);
    QCOMPARE(player.position(), 0);

    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(log, (QStringList{u"event one"_s, u"propose c-1 refund"_s, u"event two"_s}));
    QCOMPARE(events.count(), 2);
    QCOMPARE(events.at(1).at(0).value<FeedEvent>().text, u"two"_s);
    QCOMPARE(proposals.count(), 1);
    QCOMPARE(proposals.at(0).at(0).toString(), u"c-1"_s);
    QCOMPARE(proposals.at(0).at(1).toJsonObject().value(u"type"_s).toString(), u"refund"_s);
    QVERIFY(!player.isRunning());
    QCOMPARE(positionAtFinish, 3);

    runEventLoopFor(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(log.size(), 3);
}

// A second start() while playing does not feed the chat twice; after finished() it replays.
void TestDemoScript::startDoesNotRestartAPlayingScript()
{
    DemoPlayer player({messageStep(0, u"one"_s), messageStep(160, u"two"_s)});
    player.setSpeed(16);
    QSignalSpy events(&player, &DemoPlayer::eventReady);
    QSignalSpy finished(&player, &DemoPlayer::finished);
    player.start();
    QTRY_COMPARE(events.count(), 1);
    player.start();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(events.count(), 2);

    player.start();
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(events.count(), 4);
}

// At speed 16 a script of 8 s plays in at least half a second (a lower bound only: a busy
// machine may take longer) and well within the wait, which it would not at speed 1.
void TestDemoScript::honoursSpeed()
{
    DemoPlayer player({messageStep(4000, u"one"_s), messageStep(4000, u"two"_s)});
    player.setSpeed(16);
    QCOMPARE(player.speed(), 16.0);
    QSignalSpy events(&player, &DemoPlayer::eventReady);
    QSignalSpy finished(&player, &DemoPlayer::finished);
    QElapsedTimer clock;
    clock.start();
    player.start();
    QTRY_COMPARE(events.count(), 1);
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(clock.elapsed() >= 500, qPrintable(QString::number(clock.elapsed())));
}

// Speeding up while a step is pending shortens what is left of its pause: 16 s at speed 1,
// switched to 16 right away, comes out after about one second.
void TestDemoScript::speedChangeAppliesToPendingStep()
{
    DemoPlayer player({messageStep(16'000, u"late"_s)});
    QSignalSpy events(&player, &DemoPlayer::eventReady);
    QElapsedTimer clock;
    clock.start();
    player.start();
    const qint64 switchedAt = clock.elapsed();
    player.setSpeed(16);
    QTRY_COMPARE(events.count(), 1);
    // At least what was left (16 s less the time already spent at speed 1) at speed 16; the
    // later the switch, the later the step, so the switch's measured time gives a lower bound.
    const qint64 lowerBound = switchedAt + (16'000 - switchedAt) / 16;
    QVERIFY2(clock.elapsed() >= lowerBound - 1,
             qPrintable(u"%1 < %2"_s.arg(clock.elapsed()).arg(lowerBound)));
}

void TestDemoScript::speedIsClamped_data()
{
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("speed");
    QTest::newRow("in range") << 2.5 << 2.5;
    QTest::newRow("lowest") << 0.25 << 0.25;
    QTest::newRow("too slow") << 0.01 << 0.25;
    QTest::newRow("zero") << 0.0 << 0.25;
    QTest::newRow("negative") << -3.0 << 0.25;
    QTest::newRow("highest") << 16.0 << 16.0;
    QTest::newRow("too fast") << 1000.0 << 16.0;
    QTest::newRow("infinite") << std::numeric_limits<double>::infinity() << 16.0;
    QTest::newRow("NaN keeps the speed") << std::numeric_limits<double>::quiet_NaN() << 1.0;
}

// Speeds outside 0.25..16 are clamped; NaN is no speed at all and changes nothing.
void TestDemoScript::speedIsClamped()
{
    QFETCH(double, factor);
    QFETCH(double, speed);
    DemoPlayer player({messageStep(0, u"one"_s)});
    QCOMPARE(player.speed(), 1.0);
    player.setSpeed(factor);
    QCOMPARE(player.speed(), speed);
}

// A paused script emits nothing and is not running; resume() plays the rest in order and
// finished() still comes once.
void TestDemoScript::pauseStopsAndResumeContinues()
{
    DemoPlayer player(
        {messageStep(0, u"one"_s), messageStep(800, u"two"_s), messageStep(800, u"three"_s)});
    player.setSpeed(16);
    QStringList log;
    record(player, log);
    QSignalSpy finished(&player, &DemoPlayer::finished);
    player.start();
    QTRY_COMPARE(log.size(), 1);
    player.pause();
    QVERIFY(!player.isRunning());
    QCOMPARE(player.position(), 1);
    player.pause(); // twice is harmless

    // The next step was due 50 ms after the first; four times that passes without it.
    runEventLoopFor(200);
    QCOMPARE(log.size(), 1);
    QCOMPARE(player.position(), 1);
    QCOMPARE(finished.count(), 0);

    player.resume();
    QVERIFY(player.isRunning());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(log, (QStringList{u"event one"_s, u"event two"_s, u"event three"_s}));
    player.resume(); // not paused: nothing happens
    runEventLoopFor(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(log.size(), 3);
}

// A receiver may pause the player from the signal it is handling (the sidebar may, to let the
// agent answer a proposal); the player holds until resume().
void TestDemoScript::pauseFromAReceiver()
{
    DemoPlayer player({proposalStep(0, u"c-1"_s), messageStep(0, u"after"_s)});
    QStringList log;
    record(player, log);
    connect(&player, &DemoPlayer::actionProposed, &player, &DemoPlayer::pause);
    QSignalSpy finished(&player, &DemoPlayer::finished);
    player.start();
    QTRY_COMPARE(log.size(), 1);
    QVERIFY(!player.isRunning());
    runEventLoopFor(50);
    QCOMPARE(log.size(), 1);

    player.resume();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(log, (QStringList{u"propose c-1 refund"_s, u"event after"_s}));
}

QTEST_GUILESS_MAIN(TestDemoScript)
#include "tst_demoscript.moc"
