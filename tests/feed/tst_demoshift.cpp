// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The built-in demo script against the rest of the demo: its cases are in the demo case store,
// its actions name orders of those cases, and the real policies block the REKK refund it
// proposes while they allow the genuine customer's refund.

#include "batch/engine.h"
#include "context/embeddedcaseprovider.h"
#include "feed/demoscript.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "testsupport.h"

using namespace Qt::StringLiterals;
using namespace rg;
using feed::DemoStep;
using feed::FeedEventType;
using rg::test::errorOf;

namespace {

QStringList firedIds(const policy::Decision &decision)
{
    QStringList ids;
    for (const policy::FiredPolicy &fired : decision.fired)
        ids.append(fired.id);
    return ids;
}

} // namespace

class TestDemoShift final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void casesAreInTheDemoStore();
    void actionsAreJudgedAsTheStoryNeeds();

private:
    model::Case caseOf(const QString &conversationId) const;

    QTemporaryDir m_dir;
    QList<DemoStep> m_steps;
    QHash<QString, model::Case> m_cases; // by conversation id
    std::unique_ptr<batch::Engine> m_engine;
};

// Loads the script and the engine once, and fetches each conversation's case from the demo
// store the way `refundguard --demo` does.
void TestDemoShift::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto steps = feed::loadDemoScript();
    QVERIFY2(steps, qPrintable(errorOf(steps)));
    m_steps = std::move(steps).value();
    auto engine = batch::Engine::load();
    QVERIFY2(engine, qPrintable(errorOf(engine)));
    m_engine = std::move(engine).value();

    auto provider = context::EmbeddedCaseProvider::openDemo(m_dir.filePath(u"demo.db"_s));
    QVERIFY2(provider, qPrintable(errorOf(provider)));
    for (const DemoStep &step : std::as_const(m_steps)) {
        if (!step.event || step.event->type != FeedEventType::CaseOpened)
            continue;
        const auto snapshot = context::fetchAndWait(*provider.value(), step.event->caseId);
        QVERIFY2(snapshot, qPrintable(step.event->caseId + u": "_s + errorOf(snapshot)));
        m_cases.insert(step.event->conversationId, snapshot.value().caseData);
    }
}

model::Case TestDemoShift::caseOf(const QString &conversationId) const
{
    return m_cases.value(conversationId);
}

// Every case the script opens is in the demo store, and every action (taken or proposed) is
// about an order of its conversation's case, so the policies have the order to read.
void TestDemoShift::casesAreInTheDemoStore()
{
    QCOMPARE(m_cases.size(), 2);
    QCOMPARE(caseOf(u"demo-chat-rekk"_s).id, u"case-1001"_s);
    for (const DemoStep &step : std::as_const(m_steps)) {
        QJsonObject action;
        QString conversation = step.conversationId;
        if (!step.event) {
            action = step.proposedAction;
        } else if (step.event->type == FeedEventType::AgentAction) {
            action = step.event->action;
            conversation = step.event->conversationId;
        } else {
            continue;
        }
        QVERIFY2(m_cases.contains(conversation), qPrintable(conversation));
        const QString orderId = action.value(u"order_id"_s).toString();
        QVERIFY2(caseOf(conversation).order(orderId),
                 qPrintable(orderId + u" is not in the case of "_s + conversation));
    }
}

// Judged after the chat that leads to it, with its case, the proposed REKK refund is blocked
// for proof of delivery and repeat claims (the moment the agent may override), and the genuine
// customer's refund in the other conversation is allowed.
void TestDemoShift::actionsAreJudgedAsTheStoryNeeds()
{
    QHash<QString, model::Conversation> conversations;
    int proposals = 0;
    int actions = 0;
    for (const DemoStep &step : std::as_const(m_steps)) {
        const bool proposal = !step.event;
        const bool taken = step.event && step.event->type == FeedEventType::AgentAction;
        const QString id = proposal ? step.conversationId : step.event->conversationId;
        const model::Case caseData = caseOf(id);
        model::Conversation &conversation = conversations[id];
        // As the session has it once the case has arrived.
        conversation.id = id;
        conversation.caseContext = caseData.toJson();
        if (proposal || taken) {
            const auto checked = batch::checkAction(
                *m_engine, conversation, proposal ? step.proposedAction : step.event->action,
                u"action"_s, caseData.contact.startedAt.addSecs(5 * 60));
            QVERIFY2(checked, qPrintable(errorOf(checked)));
            const policy::Decision &decision = checked.value().decision;
            if (proposal) {
                ++proposals;
                QCOMPARE(id, u"demo-chat-rekk"_s);
                QCOMPARE(decision.verdict, policy::Verdict::Block);
                const QStringList fired = firedIds(decision);
                QVERIFY2(fired.contains(u"proof-of-delivery"_s), qPrintable(fired.join(u", ")));
                QVERIFY2(fired.contains(u"repeat-claims-return-first"_s),
                         qPrintable(fired.join(u", ")));
            } else {
                ++actions;
                QCOMPARE(id, u"demo-chat-lost-parcel"_s);
                QVERIFY2(decision.verdict == policy::Verdict::Allow,
                         qPrintable(firedIds(decision).join(u", ")));
            }
        }
        if (taken) {
            conversation.messages.append(
                model::Message{model::Role::Action, {}, step.event->action});
        } else if (!proposal && step.event->type == FeedEventType::Message) {
            conversation.messages.append(model::Message{step.event->role, step.event->text, {}});
        }
    }
    QCOMPARE(proposals, 1);
    QCOMPARE(actions, 1);
}

QTEST_GUILESS_MAIN(TestDemoShift)
#include "tst_demoshift.moc"
