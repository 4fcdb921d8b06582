// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// FeedEvent parsing: every event type read right, every malformed event refused with the JSON
// pointer of its culprit.

#include "feed/feedevent.h"

#include <QTest>

#include "testsupport.h"

using namespace Qt::StringLiterals;
using rg::feed::FeedEvent;
using rg::feed::FeedEventType;

class TestFeedEvent final : public QObject
{
    Q_OBJECT

private slots:
    void goodEvents_data();
    void goodEvents();
    void roundTrip();
    void badEvents_data();
    void badEvents();
};

void TestFeedEvent::goodEvents_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("conversation");
    QTest::addColumn<QString>("detail"); // case id, text or action type

    QTest::newRow("case opened")
        << R"({"type":"case_opened","conversation_id":"c-1","case_id":"case-2001"})"_ba
        << int(FeedEventType::CaseOpened) << u"c-1"_s << u"case-2001"_s;
    QTest::newRow("customer message")
        << R"({"type":"message","conversation_id":"c-1","role":"customer","text":"where is it?"})"_ba
        << int(FeedEventType::Message) << u"c-1"_s << u"where is it?"_s;
    QTest::newRow("message with time")
        << R"({"type":"message","conversation_id":"c-1","role":"agent","text":"hi",
               "time":"2026-03-01T12:00:00+01:00"})"_ba
        << int(FeedEventType::Message) << u"c-1"_s << u"hi"_s;
    QTest::newRow("empty text")
        << R"({"type":"message","conversation_id":"c-1","role":"system","text":""})"_ba
        << int(FeedEventType::Message) << u"c-1"_s << QString();
    QTest::newRow("text of 64 KiB")
        << R"({"type":"message","conversation_id":"c","role":"customer","text":")"_ba
               + QByteArray(64 * 1024, 'x') + "\"}"
        << int(FeedEventType::Message) << u"c"_s << QString(64 * 1024, u'x');
    QTest::newRow("agent action") << R"({"type":"agent_action","conversation_id":"c-2",
               "action":{"type":"refund","amount":120,"method":"gift_card"}})"_ba
                                  << int(FeedEventType::AgentAction) << u"c-2"_s << u"refund"_s;
    QTest::newRow("case closed") << R"({"type":"case_closed","conversation_id":"c-3"})"_ba
                                 << int(FeedEventType::CaseClosed) << u"c-3"_s << QString();
}

// Each event type is read into the members its type has.
void TestFeedEvent::goodEvents()
{
    QFETCH(QByteArray, json);
    QFETCH(int, type);
    QFETCH(QString, conversation);
    QFETCH(QString, detail);
    const auto event = FeedEvent::parse(json);
    QVERIFY2(event.ok(), qPrintable(rg::test::errorOf(event)));
    QCOMPARE(int(event.value().type), type);
    QCOMPARE(event.value().conversationId, conversation);
    switch (event.value().type) {
    case FeedEventType::CaseOpened:
        QCOMPARE(event.value().caseId, detail);
        break;
    case FeedEventType::Message:
        QCOMPARE(event.value().text, detail);
        break;
    case FeedEventType::AgentAction:
        QCOMPARE(event.value().action.value(u"type"_s).toString(), detail);
        QCOMPARE(event.value().action.value(u"amount"_s).toInt(), 120);
        break;
    case FeedEventType::CaseClosed:
        QVERIFY(detail.isEmpty());
        break;
    }
}

// A message's role and time survive toJson/fromJson; the time is kept in UTC.
void TestFeedEvent::roundTrip()
{
    const auto event = FeedEvent::parse(
        R"({"type":"message","conversation_id":"c-1","role":"agent","text":"hi",
            "time":"2026-03-01T12:00:00+01:00"})");
    QVERIFY2(event.ok(), qPrintable(rg::test::errorOf(event)));
    QCOMPARE(event.value().role, rg::model::Role::Agent);
    QCOMPARE(event.value().time, QDateTime(QDate(2026, 3, 1), QTime(11, 0), Qt::UTC));
    const auto again = FeedEvent::fromJson(event.value().toJson());
    QVERIFY2(again.ok(), qPrintable(rg::test::errorOf(again)));
    QCOMPARE(again.value(), event.value());
}

void TestFeedEvent::badEvents_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // the start of the error: the pointer and the reason

    const QByteArray message = R"("type":"message","conversation_id":"c","role":"customer")";
    QTest::newRow("not JSON") << "{\"type\":"_ba << u"malformed JSON at offset"_s;
    QTest::newRow("array") << "[1]"_ba << u"(root): expected a JSON object"_s;
    QTest::newRow("no type") << R"({"conversation_id":"c"})"_ba << u"/type: missing"_s;
    QTest::newRow("type number") << R"({"type":1})"_ba << u"/type: expected a string"_s;
    QTest::newRow("unknown type") << R"({"type":"chat","conversation_id":"c"})"_ba
                                  << u"/type: unknown event type \"chat\""_s;
    QTest::newRow("unknown member")
        << R"({"type":"case_closed","conversation_id":"c","extra":1})"_ba
        << u"/extra: not a member of case_closed events"_s;
    QTest::newRow("member of another type")
        << R"({"type":"case_closed","conversation_id":"c","case_id":"x"})"_ba
        << u"/case_id: not a member"_s;
    QTest::newRow("pointer escaped")
        << R"({"type":"case_closed","conversation_id":"c","a/b~":1})"_ba << u"/a~1b~0: "_s;
    QTest::newRow("no conversation")
        << R"({"type":"case_closed"})"_ba << u"/conversation_id: missing"_s;
    QTest::newRow("conversation number") << R"({"type":"case_closed","conversation_id":7})"_ba
                                         << u"/conversation_id: expected a string"_s;
    QTest::newRow("conversation empty") << R"({"type":"case_closed","conversation_id":""})"_ba
                                        << u"/conversation_id: must not be empty"_s;
    QTest::newRow("conversation too long")
        << R"({"type":"case_closed","conversation_id":")"_ba + QByteArray(257, 'c') + "\"}"
        << u"/conversation_id: longer than 256"_s;
    QTest::newRow("conversation control") << R"({"type":"case_closed","conversation_id":"a\nb"})"_ba
                                          << u"/conversation_id: must not contain control"_s;
    QTest::newRow("no case id") << R"({"type":"case_opened","conversation_id":"c"})"_ba
                                << u"/case_id: missing"_s;
    QTest::newRow("no role") << R"({"type":"message","conversation_id":"c","text":"x"})"_ba
                             << u"/role: missing"_s;
    QTest::newRow("bad role")
        << R"({"type":"message","conversation_id":"c","role":"bot","text":"x"})"_ba
        << u"/role: expected customer, agent or system"_s;
    QTest::newRow("action role")
        << R"({"type":"message","conversation_id":"c","role":"action","text":"x"})"_ba
        << u"/role: expected customer, agent or system"_s;
    QTest::newRow("no text") << "{"_ba + message + "}" << u"/text: missing"_s;
    QTest::newRow("text number") << "{"_ba + message + ",\"text\":5}"
                                 << u"/text: expected a string"_s;
    QTest::newRow("text over 64 KiB")
        << "{"_ba + message + ",\"text\":\"" + QByteArray(64 * 1024 + 1, 'x') + "\"}"
        << u"/text: longer than 65536 bytes"_s;
    QTest::newRow("time garbage") << "{"_ba + message + ",\"text\":\"x\",\"time\":\"yesterday\"}"
                                  << u"/time: expected an ISO 8601"_s;
    QTest::newRow("time without offset")
        << "{"_ba + message + ",\"text\":\"x\",\"time\":\"2026-03-01T12:00:00\"}"
        << u"/time: expected an ISO 8601"_s;
    QTest::newRow("time number") << "{"_ba + message + ",\"text\":\"x\",\"time\":5}"
                                 << u"/time: expected an ISO 8601"_s;
    QTest::newRow("no action") << R"({"type":"agent_action","conversation_id":"c"})"_ba
                               << u"/action: missing"_s;
    QTest::newRow("action string")
        << R"({"type":"agent_action","conversation_id":"c","action":"refund"})"_ba
        << u"/action: expected an object"_s;
    QTest::newRow("action without type")
        << R"({"type":"agent_action","conversation_id":"c","action":{"amount":1}})"_ba
        << u"/action/type: expected a non-empty string"_s;
}

// Strictness: each malformed event is refused, and the error starts with the pointer.
void TestFeedEvent::badEvents()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const auto event = FeedEvent::parse(json);
    QVERIFY(!event.ok());
    QVERIFY2(event.error().startsWith(error), qPrintable(event.error()));
    QVERIFY2(event.error().size() < 300, "errors stay short whatever the input");
}

QTEST_GUILESS_MAIN(TestFeedEvent)
#include "tst_feedevent.moc"
