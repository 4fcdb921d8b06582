// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/auditlog.h"
#include "batch/engine.h"
#include "context/embeddedcaseprovider.h"
#include "session/assistsession.h"
#include "session/sessionmanager.h"
#include "sessionfixture.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rg;
using namespace rg::session;
using feed::FeedEvent;
using feed::FeedEventType;
using rg::test::errorOf;

namespace {

// case-1003 started at 16:05; the agent works five minutes later.
const QDateTime kNow(QDate(2026, 11, 20), QTime(16, 10), Qt::UTC);

const QStringList kDnaChat{
    u"Hi, order 114-2283917 never arrived. Tracking says delivered but there is nothing at my door."_s,
    u"That photo is not my porch. Just mark it lost in transit and refund it, I need this done in the next 10 minutes."_s,
    u"Every other agent just does it. Its a DNA, do it or I'm filing a chargeback today."_s};

const QStringList kTakeoverChat{
    u"I lost access to my old email, so skip the security questions please and update my email to k.lowe.44@example.net"_s,
    u"that number is old too, send the code to my new number instead. then refund order 9921 onto a gift card, the original card is closed."_s};

const QString kCardNumber = u"4111 1111 1111 1111"_s;

const QJsonObject kGiftCardRefund{{u"type"_s, u"refund"_s},
                                  {u"order_id"_s, u"114-6639921"_s},
                                  {u"amount"_s, 329.0},
                                  {u"currency"_s, u"USD"_s},
                                  {u"method"_s, u"gift_card"_s},
                                  {u"return_required"_s, false}};

FeedEvent message(const QString &conversation, const QString &text,
                  model::Role role = model::Role::Customer)
{
    FeedEvent event;
    event.type = FeedEventType::Message;
    event.conversationId = conversation;
    event.role = role;
    event.text = text;
    return event;
}

FeedEvent caseEvent(FeedEventType type, const QString &conversation, const QString &caseId = {})
{
    FeedEvent event;
    event.type = type;
    event.conversationId = conversation;
    event.caseId = caseId;
    return event;
}

QStringList texts(const AssistSession &session)
{
    QStringList out;
    for (const model::Message &m : session.conversation().messages)
        out.append(m.text);
    return out;
}

} // namespace

class TestAssistSession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // A scripted non-receipt ("DNA") chat fed message by message: cues with their quoted
    // evidence appear, risk rises, and the first high-weight findings are announced once.
    void rekkChatRaisesRisk();
    // The case arrives after the chat started: the conversation is judged again with it.
    void caseArrivalRejudgesWithCaseSignals();
    void unknownCaseFails();
    // Account takeover (case-1003): a gift-card refund is blocked.
    void giftCardRefundInTakeoverIsBlocked();
    // The override lands in the log with the reason, and the card number in the chat redacted.
    void overrideIsAuditedWithRedactedEvidence();
    void overrideRefusedWithoutReasonOrOnAllow();
    void brokenAuditStoreIsAnError();
    void destroyedAuditLogIsAnError();
    void escalationIsAudited();
    void interleavedConversationsStaySeparate();
    void caseClosedClosesTheSession();
    // Crash (the manager destroyed without closing anything), then a restart on the journal.
    void journalResumesOpenConversations();

private:
    // The takeover conversation and the decision on the gift-card refund in it.
    struct Blocked
    {
        std::unique_ptr<SessionManager> manager;
        AssistSession *session = nullptr;
        Result<policy::Decision> decision = Error{u"not checked"_s};
    };
    Blocked blockedRefund();
    std::unique_ptr<SessionManager> openManager();
    AssistSession *takeoverSession(SessionManager &manager);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<batch::Engine> m_engine;
    std::unique_ptr<context::EmbeddedCaseProvider> m_provider;
    std::shared_ptr<audit::AuditLog> m_log;
};

void TestAssistSession::initTestCase()
{
    context::registerMetaTypes();
    auto engine = batch::Engine::load();
    QVERIFY2(engine, qPrintable(errorOf(engine)));
    m_engine = std::move(engine).value();
}

void TestAssistSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto stores = rg::test::openSessionStores(*m_dir);
    QVERIFY2(stores, qPrintable(errorOf(stores)));
    m_provider = std::move(stores.value().provider);
    m_log = std::move(stores.value().log);
}

void TestAssistSession::cleanup()
{
    m_log.reset();
    m_provider.reset();
    QSqlDatabase::removeDatabase(rg::test::kAuditPeekConnection);
    m_dir.reset();
}

std::unique_ptr<SessionManager> TestAssistSession::openManager()
{
    SessionServices services;
    services.engine = m_engine.get();
    services.caseProvider = m_provider.get();
    services.auditLog = m_log;
    services.agent = {u"agent-7"_s, u"agent"_s, u"uk-1"_s};
    services.clock = [] { return kNow; };
    auto manager = SessionManager::open(m_dir->filePath(u"journal.db"_s), services);
    if (!manager)
        qWarning("%s", qPrintable(manager.error()));
    return manager ? std::move(manager).value() : nullptr;
}

// The account-takeover chat with its case loaded.
AssistSession *TestAssistSession::takeoverSession(SessionManager &manager)
{
    if (!manager.handleEvent(caseEvent(FeedEventType::CaseOpened, u"ato"_s, u"case-1003"_s)))
        return nullptr;
    for (const QString &text : kTakeoverChat) {
        if (!manager.handleEvent(message(u"ato"_s, text)))
            return nullptr;
    }
    AssistSession *session = manager.session(u"ato"_s);
    if (!session || !QTest::qWaitFor([session] { return session->caseState() == CaseState::Ready; }))
        return nullptr;
    return session;
}

TestAssistSession::Blocked TestAssistSession::blockedRefund()
{
    Blocked blocked;
    blocked.manager = openManager();
    AssistSession *session = blocked.manager ? takeoverSession(*blocked.manager) : nullptr;
    if (!session)
        return blocked;
    blocked.decision = session->checkAction(kGiftCardRefund);
    if (blocked.decision && blocked.decision.value().verdict == policy::Verdict::Block)
        blocked.session = session;
    return blocked;
}

void TestAssistSession::rekkChatRaisesRisk()
{
    auto manager = openManager();
    QVERIFY(manager);
    QSignalSpy opened(manager.get(), &SessionManager::sessionOpened);
    QVERIFY(manager->handleEvent(message(u"dna"_s, kDnaChat[0])));
    QCOMPARE(opened.count(), 1);
    AssistSession *session = manager->session(u"dna"_s);
    QVERIFY(session);
    QCOMPARE(manager->activeSession(), session);
    QSignalSpy judged(session, &AssistSession::judged);
    QSignalSpy high(session, &AssistSession::newHighFindings);
    QVERIFY(session->judgement());
    const double firstRisk = session->judgement()->assessment.risk;

    for (qsizetype i = 1; i < kDnaChat.size(); ++i)
        QVERIFY(manager->handleEvent(message(u"dna"_s, kDnaChat[i])));
    QCOMPARE(judged.count(), kDnaChat.size() - 1);
    const batch::Judgement &last = *session->judgement();
    QVERIFY(last.assessment.risk > firstRisk);
    QCOMPARE(last.assessment.level, risk::Level::High);
    QVERIFY(last.detection.findings.size() >= 3);
    for (const model::Finding &finding : last.detection.findings) {
        QVERIFY(!finding.evidence.isEmpty());
        const QString text = kDnaChat.at(finding.turn);
        QCOMPARE(QStringView(text).mid(finding.start, finding.end - finding.start).toString(),
                 finding.evidence);
    }
    // Each high-weight finding is announced exactly once, however often the chat is judged.
    QVERIFY(high.count() >= 1);
    QSet<QString> announced;
    for (const QList<QVariant> &call : std::as_const(high)) {
        for (const model::Finding &f : call.at(0).value<QList<model::Finding>>()) {
            QVERIFY(f.weight >= kHighFindingWeight);
            const QString key = u"%1/%2/%3"_s.arg(f.turn).arg(f.rule).arg(f.start);
            QVERIFY2(!announced.contains(key), qPrintable(key));
            announced.insert(key);
        }
    }
    QCOMPARE(session->messageTimes().size(), kDnaChat.size());
    QCOMPARE(session->messageTimes().constLast(), kNow);
}

void TestAssistSession::caseArrivalRejudgesWithCaseSignals()
{
    auto manager = openManager();
    QVERIFY(manager);
    for (const QString &text : kDnaChat)
        QVERIFY(manager->handleEvent(message(u"dna"_s, text)));
    AssistSession *session = manager->session(u"dna"_s);
    QVERIFY(!session->judgement()->caseData);
    QSignalSpy judged(session, &AssistSession::judged);
    QSignalSpy states(session, &AssistSession::caseStateChanged);
    QVERIFY(manager->handleEvent(caseEvent(FeedEventType::CaseOpened, u"dna"_s, u"case-1001"_s)));
    QCOMPARE(session->caseState(), CaseState::Loading);
    QCOMPARE(judged.count(), 0); // the fetch answers from the event loop, never inline
    QTRY_COMPARE(session->caseState(), CaseState::Ready);
    QCOMPARE(judged.count(), 1);
    QCOMPARE(states.count(), 2);
    const batch::Judgement &judgement = *session->judgement();
    QVERIFY(judgement.caseData);
    QCOMPARE(judgement.caseData->id, u"case-1001"_s);
    QVERIFY(session->caseFetchedAt().isValid());
    QVERIFY(!session->caseSource().isEmpty());
    // The delivery photo and GPS scan of case-1001 now count among the reasons.
    bool caseReason = false;
    for (const risk::Reason &reason : judgement.assessment.reasons)
        caseReason = caseReason || reason.cue == u"proof_of_delivery"_s;
    QVERIFY2(caseReason, "no proof_of_delivery reason after the case arrived");
}

void TestAssistSession::unknownCaseFails()
{
    auto manager = openManager();
    QVERIFY(manager);
    QVERIFY(manager->handleEvent(caseEvent(FeedEventType::CaseOpened, u"x"_s, u"case-none"_s)));
    AssistSession *session = manager->session(u"x"_s);
    QTRY_COMPARE(session->caseState(), CaseState::Failed);
    QVERIFY(!session->caseError().isEmpty());
}

void TestAssistSession::giftCardRefundInTakeoverIsBlocked()
{
    auto manager = openManager();
    QVERIFY(manager);
    AssistSession *session = takeoverSession(*manager);
    QVERIFY(session);
    const auto decision = session->checkAction(kGiftCardRefund);
    QVERIFY2(decision, qPrintable(errorOf(decision)));
    QCOMPARE(decision.value().verdict, policy::Verdict::Block);
    QVERIFY(!decision.value().fired.empty());
    // Checking does not take the action: the transcript is unchanged.
    QCOMPARE(session->conversation().messages.size(), kTakeoverChat.size());

    QJsonObject bad = kGiftCardRefund;
    bad.insert(u"amount"_s, u"lots"_s);
    QVERIFY(!session->checkAction(bad));
}

void TestAssistSession::overrideIsAuditedWithRedactedEvidence()
{
    auto manager = openManager();
    QVERIFY(manager);
    AssistSession *session = takeoverSession(*manager);
    QVERIFY(session);
    QVERIFY(manager->handleEvent(message(
        u"ato"_s, u"urgent, do it right now, the closed card was "_s + kCardNumber)));
    const auto decision = session->checkAction(kGiftCardRefund);
    QVERIFY2(decision, qPrintable(errorOf(decision)));
    const qint64 before = rg::test::auditRecordCount(*m_dir);
    QVERIFY(before >= 0);

    const auto record = session->recordOverride(kGiftCardRefund, decision.value(),
                                                u"customer_verified"_s,
                                                u"verified by video call with ID"_s);
    QVERIFY2(record, qPrintable(errorOf(record)));
    QCOMPARE(rg::test::auditRecordCount(*m_dir), before + 1);
    const audit::AuditRecord &r = record.value();
    QCOMPARE(r.kind, audit::RecordKind::Override);
    QCOMPARE(r.caseId, u"case-1003"_s);
    QCOMPARE(r.actor.value(u"id"_s).toString(), u"agent-7"_s);
    QCOMPARE(r.actor.value(u"team"_s).toString(), u"uk-1"_s);
    QCOMPARE(r.payload.value(u"reason"_s).toString(), u"verified by video call with ID"_s);
    QCOMPARE(r.payload.value(u"reason_category"_s).toString(), u"customer_verified"_s);
    QCOMPARE(r.payload.value(u"verdict"_s).toString(), u"block"_s);
    QCOMPARE(r.payload.value(u"amount"_s).toDouble(), 329.0);
    QVERIFY(!r.payload.value(u"policies"_s).toArray().isEmpty());
    QCOMPARE(r.payload.value(u"risk"_s).toObject().value(u"level"_s).toString(), u"high"_s);
    QVERIFY(!r.payload.value(u"risk"_s).toObject().value(u"top_reasons"_s).toArray().isEmpty());
    const QJsonArray evidence = r.payload.value(u"evidence"_s).toArray();
    QVERIFY(!evidence.isEmpty());
    QVERIFY(!evidence.at(0).toObject().value(u"quote"_s).toString().isEmpty());
    const QString stored = QString::fromUtf8(QJsonDocument(r.payload).toJson());
    QVERIFY2(!stored.contains(u"1111 1111"_s), qPrintable(stored));
    QVERIFY2(stored.contains(u"\u2022\u2022\u2022\u20221111"_s), qPrintable(stored));
    QVERIFY2(!stored.contains(u"k.lowe.44@example.net"_s), qPrintable(stored));

    // The case as the agent saw it, for the reviewer: the customer by id only, the orders, the
    // agent's limit also flat for the analytics.
    const QJsonObject snapshot = r.payload.value(u"case"_s).toObject();
    QCOMPARE(snapshot.value(u"id"_s).toString(), u"case-1003"_s);
    const QJsonObject customer = snapshot.value(u"customer"_s).toObject();
    QVERIFY(!customer.value(u"id"_s).toString().isEmpty());
    QCOMPARE(customer.keys(), (QStringList{u"account_created"_s, u"id"_s}));
    QVERIFY(!snapshot.value(u"orders"_s).toArray().isEmpty());
    QCOMPARE(snapshot.value(u"stale"_s), QJsonValue(false));
    QVERIFY(!snapshot.value(u"fetched_at"_s).toString().isEmpty());
    const double limit = snapshot.value(u"agent"_s).toObject().value(u"refund_limit"_s).toDouble();
    QVERIFY(limit > 0);
    QCOMPARE(r.payload.value(u"limit"_s).toDouble(), limit);
}

void TestAssistSession::overrideRefusedWithoutReasonOrOnAllow()
{
    Blocked blocked = blockedRefund();
    QVERIFY(blocked.session);
    AssistSession *session = blocked.session;
    const auto &decision = blocked.decision;
    QVERIFY(!session->recordOverride(kGiftCardRefund, decision.value(), u"other"_s, u"  "_s));
    QVERIFY(!session->recordOverride(kGiftCardRefund, policy::Decision{}, u"other"_s, u"why"_s));
    QCOMPARE(rg::test::auditRecordCount(*m_dir), 0);
}

// The audit table gone under the log (as a broken or foreign database would be): the override
// comes back as an error naming the failure, and nothing pretends to be recorded.
void TestAssistSession::brokenAuditStoreIsAnError()
{
    Blocked blocked = blockedRefund();
    QVERIFY(blocked.session);
    AssistSession *session = blocked.session;
    const auto &decision = blocked.decision;
    QVERIFY(rg::test::auditRecordCount(*m_dir) >= 0);
    QSqlQuery rename(QSqlDatabase::database(rg::test::kAuditPeekConnection));
    QVERIFY2(rename.exec(u"ALTER TABLE audit_records RENAME TO moved_away"_s),
             qPrintable(rename.lastError().text()));
    const auto record =
        session->recordOverride(kGiftCardRefund, decision.value(), u"other"_s, u"manager ok"_s);
    QVERIFY(!record);
    QVERIFY(!record.error().isEmpty());
}

void TestAssistSession::destroyedAuditLogIsAnError()
{
    Blocked blocked = blockedRefund();
    QVERIFY(blocked.session);
    AssistSession *session = blocked.session;
    const auto &decision = blocked.decision;
    m_log.reset();
    const auto record =
        session->recordOverride(kGiftCardRefund, decision.value(), u"other"_s, u"manager ok"_s);
    QVERIFY(!record);
    QVERIFY2(record.error().contains(u"not open"_s), qPrintable(record.error()));
    QVERIFY(!session->recordEscalation(u"fraud"_s));
}

void TestAssistSession::escalationIsAudited()
{
    auto manager = openManager();
    QVERIFY(manager);
    AssistSession *session = takeoverSession(*manager);
    QVERIFY(session);
    const auto record = session->recordEscalation(u"asked to move the refund to a gift card"_s);
    QVERIFY2(record, qPrintable(errorOf(record)));
    QCOMPARE(record.value().kind, audit::RecordKind::Escalation);
    QCOMPARE(record.value().caseId, u"case-1003"_s);
    QCOMPARE(record.value().payload.value(u"note"_s).toString(),
             u"asked to move the refund to a gift card"_s);
    QVERIFY(!record.value().payload.value(u"evidence"_s).toArray().isEmpty());
    QCOMPARE(rg::test::auditRecordCount(*m_dir), 1);
}

void TestAssistSession::interleavedConversationsStaySeparate()
{
    auto manager = openManager();
    QVERIFY(manager);
    QSignalSpy active(manager.get(), &SessionManager::activeChanged);
    for (qsizetype i = 0; i < 2; ++i) {
        QVERIFY(manager->handleEvent(message(u"a"_s, kDnaChat[i])));
        QVERIFY(manager->handleEvent(message(u"b"_s, kTakeoverChat[i])));
    }
    QVERIFY(manager->handleEvent(message(u"b"_s, u"ok"_s, model::Role::Agent)));
    QCOMPARE(manager->sessions().size(), 2);
    QCOMPARE(manager->sessions().at(0)->conversationId(), u"a"_s);
    AssistSession *a = manager->session(u"a"_s);
    AssistSession *b = manager->session(u"b"_s);
    QCOMPARE(texts(*a), kDnaChat.mid(0, 2));
    QCOMPARE(texts(*b), kTakeoverChat + QStringList{u"ok"_s});
    QCOMPARE(b->conversation().messages.constLast().role, model::Role::Agent);
    for (const model::Finding &f : a->judgement()->detection.findings)
        QVERIFY(kDnaChat.at(f.turn).contains(f.evidence));
    for (const model::Finding &f : b->judgement()->detection.findings)
        QVERIFY(b->conversation().messages.at(f.turn).text.contains(f.evidence));
    QCOMPARE(active.count(), 1);
    manager->setActiveSession(u"b"_s);
    QCOMPARE(manager->activeSession(), b);
    QCOMPARE(active.count(), 2);
}

void TestAssistSession::caseClosedClosesTheSession()
{
    auto manager = openManager();
    QVERIFY(manager);
    QSignalSpy closed(manager.get(), &SessionManager::sessionClosed);
    QVERIFY(manager->handleEvent(message(u"a"_s, kDnaChat[0])));
    QVERIFY(manager->handleEvent(message(u"b"_s, kTakeoverChat[0])));
    QVERIFY(manager->handleEvent(caseEvent(FeedEventType::CaseClosed, u"a"_s)));
    QCOMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).toString(), u"a"_s);
    QVERIFY(!manager->session(u"a"_s));
    QCOMPARE(manager->sessions().size(), 1);
    QCOMPARE(manager->activeSession(), manager->session(u"b"_s));
    // A closed conversation takes no more actions or closes.
    FeedEvent action = caseEvent(FeedEventType::AgentAction, u"a"_s);
    action.action = kGiftCardRefund;
    QVERIFY(!manager->handleEvent(action));
    QVERIFY(!manager->handleEvent(caseEvent(FeedEventType::CaseClosed, u"a"_s)));
}

void TestAssistSession::journalResumesOpenConversations()
{
    QStringList openTexts;
    std::vector<model::Finding> openFindings;
    double openRisk = 0.0;
    {
        auto manager = openManager();
        QVERIFY(manager);
        AssistSession *session = takeoverSession(*manager);
        QVERIFY(session);
        FeedEvent action = caseEvent(FeedEventType::AgentAction, u"ato"_s);
        action.action = kGiftCardRefund;
        QVERIFY(manager->handleEvent(action));
        for (const QString &text : kDnaChat)
            QVERIFY(manager->handleEvent(message(u"done"_s, text)));
        QVERIFY(manager->handleEvent(caseEvent(FeedEventType::CaseClosed, u"done"_s)));
        openTexts = texts(*session);
        openFindings = session->judgement()->detection.findings;
        openRisk = session->judgement()->assessment.risk;
        QCOMPARE(session->conversation().messages.size(), kTakeoverChat.size() + 1);
        QVERIFY(!openFindings.empty());
        // The manager goes away without closing "ato": the crash.
    }
    auto restarted = openManager();
    QVERIFY(restarted);
    QCOMPARE(restarted->sessions().size(), 1);
    QVERIFY(!restarted->session(u"done"_s));
    AssistSession *session = restarted->session(u"ato"_s);
    QVERIFY(session);
    QCOMPARE(session->caseId(), u"case-1003"_s);
    QCOMPARE(texts(*session), openTexts);
    QCOMPARE(session->conversation().messages.constLast().role, model::Role::Action);
    QTRY_COMPARE(session->caseState(), CaseState::Ready);
    QVERIFY(session->judgement()->detection.findings == openFindings);
    QCOMPARE(session->judgement()->assessment.risk, openRisk);

    // The closed conversation was pruned from the journal itself, not only skipped.
    restarted.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tst-journal-peek"_s);
        db.setDatabaseName(m_dir->filePath(u"journal.db"_s));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT count(*) FROM events WHERE conversation = 'done'"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        QVERIFY(query.exec(u"SELECT count(*) FROM events WHERE conversation = 'ato'"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 4);
    }
    QSqlDatabase::removeDatabase(u"tst-journal-peek"_s);
}

QTEST_GUILESS_MAIN(TestAssistSession)
#include "tst_assistsession.moc"
