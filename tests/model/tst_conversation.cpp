// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/conversation.h"
#include "model/cue.h"
#include "model/message.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include "testsupport.h"

using namespace Qt::StringLiterals;
using rg::test::errorOf;
using rg::model::Conversation;
using rg::model::Message;
using rg::model::Role;

class TestConversation final : public QObject
{
    Q_OBJECT

private slots:
    void roleNames();
    void messageRoundTrip_data();
    void messageRoundTrip();
    void conversationRoundTrip_data();
    void conversationRoundTrip();
    void actionTurnCountsAsTurn();
    void numericId();
    void caseObjectKept();
    void jsonLineWithNewline();
    void errorsNameThePath_data();
    void errorsNameThePath();
    void cueTaxonomy();
};

// Every role has a name that reads back as the same role; other spellings are unknown.
void TestConversation::roleNames()
{
    for (Role role : {Role::Customer, Role::Agent, Role::System, Role::Action})
        QCOMPARE(rg::model::roleFromName(rg::model::roleName(role)), std::optional<Role>(role));
    QCOMPARE(rg::model::roleName(Role::Customer), u"customer"_s);
    QCOMPARE(rg::model::roleName(Role::Action), u"action"_s);
    QVERIFY(!rg::model::roleFromName(u"user").has_value());
    QVERIFY(!rg::model::roleFromName(u"Customer").has_value());
    QVERIFY(!rg::model::roleFromName(u"").has_value());
}

void TestConversation::messageRoundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("role");

    QTest::newRow("customer") << R"({"role":"customer","text":"my package never arrived"})"_ba
                              << int(Role::Customer);
    QTest::newRow("agent") << R"({"role":"agent","text":"Let me check that for you."})"_ba
                           << int(Role::Agent);
    QTest::newRow("system") << R"({"role":"system","text":"Chat transferred"})"_ba
                            << int(Role::System);
    QTest::newRow("empty text") << R"({"role":"customer","text":""})"_ba << int(Role::Customer);
    QTest::newRow("non-BMP text") << QByteArray(
        R"({"role":"customer","text":"\ud83d\ude42 add me on t\u0435legram"})")
                                  << int(Role::Customer);
    QTest::newRow("action")
        << R"({"role":"action","action":{"type":"refund","amount":120.5,"currency":"USD",)"
           R"("method":"gift_card"}})"_ba
        << int(Role::Action);
}

// A message read from JSON writes back the same JSON, and reads back equal to itself.
void TestConversation::messageRoundTrip()
{
    QFETCH(QByteArray, json);
    QFETCH(int, role);

    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QVERIFY(!object.isEmpty());
    const auto message = Message::fromJson(object, u"messages[0]"_s);
    QVERIFY2(message.ok(), qPrintable(errorOf(message)));
    QCOMPARE(int(message.value().role), role);
    QCOMPARE(message.value().toJson(), object);

    const auto again = Message::fromJson(message.value().toJson(), u"messages[0]"_s);
    QVERIFY2(again.ok(), qPrintable(errorOf(again)));
    QCOMPARE(again.value(), message.value());
}

void TestConversation::conversationRoundTrip_data()
{
    QTest::addColumn<QByteArray>("line");

    QTest::newRow("minimal") << R"({"id":"c1","messages":[]})"_ba;
    QTest::newRow("chat") << R"({"id":"c2","messages":[{"role":"customer","text":"box was empty"},)"
                             R"({"role":"agent","text":"Sorry to hear that."}]})"_ba;
    QTest::newRow("with case and action")
        << R"({"id":"c3","case":{"customer":{"id":"u9","account_age_days":3},)"
           R"("orders":[{"value":899.0}]},)"
           R"("messages":[{"role":"customer","text":"refund to a gift card"},)"
           R"({"role":"action","action":{"type":"refund","amount":899.0,"method":"gift_card"}},)"
           R"({"role":"system","text":"closed"}]})"_ba;
    QTest::newRow("unicode") << QByteArray(
        R"({"id":"\u00e9t\u00e9-1","messages":[)"
        R"({"role":"customer","text":"\ud835\udc2d\u200belegram ll\u00e9go"}]})");
}

// A conversation survives JSON -> Conversation -> JSON -> Conversation unchanged.
void TestConversation::conversationRoundTrip()
{
    QFETCH(QByteArray, line);

    const auto conversation = Conversation::fromJsonLine(line);
    QVERIFY2(conversation.ok(), qPrintable(errorOf(conversation)));
    QCOMPARE(conversation.value().toJson(), QJsonDocument::fromJson(line).object());

    const QByteArray written
        = QJsonDocument(conversation.value().toJson()).toJson(QJsonDocument::Compact);
    const auto again = Conversation::fromJsonLine(written);
    QVERIFY2(again.ok(), qPrintable(errorOf(again)));
    QCOMPARE(again.value(), conversation.value());
}

// An agent's action stands in messages like any other turn and keeps its whole action object.
void TestConversation::actionTurnCountsAsTurn()
{
    const auto conversation = Conversation::fromJsonLine(
        R"({"id":"c1","messages":[{"role":"customer","text":"hi"},)"
        R"({"role":"action","action":{"type":"replacement","sku":"X-1","express":true}},)"
        R"({"role":"agent","text":"done"}]})");
    QVERIFY2(conversation.ok(), qPrintable(errorOf(conversation)));
    const auto &messages = conversation.value().messages;
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages[1].role, Role::Action);
    QVERIFY(messages[1].text.isEmpty());
    QCOMPARE(messages[1].action.value(u"type"_s).toString(), u"replacement"_s);
    QCOMPARE(messages[1].action.value(u"sku"_s).toString(), u"X-1"_s);
    QCOMPARE(messages[1].action.value(u"express"_s).toBool(), true);
    QCOMPARE(messages[2].role, Role::Agent);
    QCOMPARE(messages[2].text, u"done"_s);

    // An action turn writes only its action, never a text member.
    const QJsonObject written = messages[1].toJson();
    QVERIFY(!written.contains(u"text"_s));
    QCOMPARE(written.value(u"action"_s).toObject(), messages[1].action);
}

// A numeric conversation id (as some exports write them) is read as its decimal string.
void TestConversation::numericId()
{
    const auto conversation = Conversation::fromJsonLine(R"({"id": 12345, "messages": []})");
    QVERIFY2(conversation.ok(), qPrintable(errorOf(conversation)));
    QCOMPARE(conversation.value().id, u"12345"_s);

    const auto large = Conversation::fromJsonLine(R"({"id": 9007199254740991, "messages": []})");
    QVERIFY2(large.ok(), qPrintable(errorOf(large)));
    QCOMPARE(large.value().id, u"9007199254740991"_s);
}

// The optional case context is kept exactly as given; null or missing means no case.
void TestConversation::caseObjectKept()
{
    const QByteArray line = R"({"id":"c1","messages":[],"case":{"customer":{"name":"Jane",)"
                            R"("linked_accounts":["a","b"]},"refunds":3,"flag":null}})";
    const auto conversation = Conversation::fromJsonLine(line);
    QVERIFY2(conversation.ok(), qPrintable(errorOf(conversation)));
    const QJsonObject expected = QJsonDocument::fromJson(line).object().value(u"case"_s).toObject();
    QCOMPARE(conversation.value().caseContext, expected);
    QCOMPARE(conversation.value().toJson().value(u"case"_s).toObject(), expected);

    const auto none = Conversation::fromJsonLine(R"({"id":"c1","messages":[],"case":null})");
    QVERIFY2(none.ok(), qPrintable(errorOf(none)));
    QVERIFY(none.value().caseContext.isEmpty());
    QVERIFY(!none.value().toJson().contains(u"case"_s));
}

// A JSONL line read with its line ending (CRLF too) parses like the bare object.
void TestConversation::jsonLineWithNewline()
{
    for (const QByteArray &ending : {"\n"_ba, "\r\n"_ba, "  \t\n"_ba}) {
        const auto conversation = Conversation::fromJsonLine(
            R"({"id":"c1","messages":[{"role":"agent","text":"hello"}]})"_ba + ending);
        QVERIFY2(conversation.ok(), qPrintable(errorOf(conversation)));
        QCOMPARE(conversation.value().messages.size(), 1);
    }
}

void TestConversation::errorsNameThePath_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");

    QTest::newRow("not JSON") << R"({"id":"c1","messages":[})"_ba
                              << u"not valid JSON at character"_s;
    QTest::newRow("empty line") << ""_ba << u"not valid JSON"_s;
    QTest::newRow("array") << R"([{"id":"c1"}])"_ba << u"expected a JSON object"_s;
    QTest::newRow("missing id") << R"({"messages":[]})"_ba << u"id: expected a string"_s;
    QTest::newRow("id is bool") << R"({"id":true,"messages":[]})"_ba << u"id: expected a string"_s;
    QTest::newRow("missing messages") << R"({"id":"c1"})"_ba << u"messages: expected an array"_s;
    QTest::newRow("messages object")
        << R"({"id":"c1","messages":{}})"_ba << u"messages: expected an array"_s;
    QTest::newRow("message not object")
        << R"({"id":"c1","messages":[{"role":"agent","text":"a"},"hello"]})"_ba
        << u"messages[1]: expected an object"_s;
    QTest::newRow("unknown role")
        << R"({"id":"c1","messages":[{"role":"agent","text":"a"},{"role":"bot","text":"b"}]})"_ba
        << u"messages[1].role: unknown role \"bot\""_s;
    QTest::newRow("role missing")
        << R"({"id":"c1","messages":[{"role":"agent","text":"a"},{"text":"b"}]})"_ba
        << u"messages[1].role: expected a string"_s;
    QTest::newRow("role not string")
        << R"({"id":"c1","messages":[{"role":1,"text":"b"}]})"_ba << u"messages[0].role"_s;
    QTest::newRow("text missing") << R"({"id":"c1","messages":[{"role":"customer"}]})"_ba
                                  << u"messages[0].text: expected a string"_s;
    QTest::newRow("text number") << R"({"id":"c1","messages":[{"role":"customer","text":"a"},)"
                                    R"({"role":"customer","text":"b"},)"
                                    R"({"role":"customer","text":5}]})"_ba
                                 << u"messages[2].text: expected a string"_s;
    QTest::newRow("action missing") << R"({"id":"c1","messages":[{"role":"action"}]})"_ba
                                    << u"messages[0].action: expected an object"_s;
    QTest::newRow("action not object")
        << R"({"id":"c1","messages":[{"role":"action","action":"refund"}]})"_ba
        << u"messages[0].action: expected an object"_s;
    QTest::newRow("case not object")
        << R"({"id":"c1","messages":[],"case":[1,2]})"_ba << u"case: expected an object"_s;
}

// A bad transcript line is refused with an error that names the JSON path of the problem.
void TestConversation::errorsNameThePath()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);

    const auto conversation = Conversation::fromJsonLine(line);
    QVERIFY(!conversation.ok());
    QVERIFY2(
        conversation.error().contains(expected),
        qPrintable(u"error \"%1\" does not contain \"%2\""_s.arg(conversation.error(), expected)));
}

// The cue table has unique ids, each findable, with the sides CUES.md gives them.
void TestConversation::cueTaxonomy()
{
    const auto cues = rg::model::cues();
    QCOMPARE(cues.size(), std::size_t(17));
    QSet<QString> ids;
    for (const auto &cue : cues) {
        QVERIFY(!cue.title.isEmpty());
        ids.insert(QString(cue.id));
        const auto found = rg::model::findCue(QString(cue.id));
        QVERIFY(found.has_value());
        QCOMPARE(found->id, cue.id);
        QCOMPARE(found->side,
                 QString(cue.id).startsWith(u"agent_"_s) ? Role::Agent : Role::Customer);
    }
    QCOMPARE(ids.size(), qsizetype(cues.size()));
    QVERIFY(!rg::model::findCue(u"Urgency").has_value());
    QVERIFY(!rg::model::findCue(u"phishing").has_value());
}

QTEST_APPLESS_MAIN(TestConversation)
#include "tst_conversation.moc"
