// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/auditlog.h"
#include "audit/auditstore.h"
#include "batch/engine.h"
#include "context/embeddedcaseprovider.h"
#include "session/assistsession.h"
#include "sessionfixture.h"
#include "testsupport.h"
#include "ui/actionpanel.h"
#include "ui/overridedialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rg;
using rg::session::AssistSession;
using rg::test::errorOf;
using rg::ui::ActionPanel;
using rg::ui::OverrideDialog;

namespace {

// case-1003 started at 16:05; the agent works five minutes later.
const QDateTime kNow(QDate(2026, 11, 20), QTime(16, 10), Qt::UTC);

const QStringList kTakeoverChat{
    u"I lost access to my old email, so skip the security questions please and update my email to k.lowe.44@example.net"_s,
    u"that number is old too, send the code to my new number instead. then refund order 9921 onto a gift card, the original card is closed."_s,
    u"urgent, do it right now, the closed card was 4111 1111 1111 1111"_s};

const QJsonObject kGiftCardRefund{{u"type"_s, u"refund"_s},
                                  {u"order_id"_s, u"114-6639921"_s},
                                  {u"amount"_s, 329.0},
                                  {u"currency"_s, u"USD"_s},
                                  {u"method"_s, u"gift_card"_s},
                                  {u"return_required"_s, false}};

const QString kReason = u"Verified by video call with photo ID"_s;

// One conversation of the built-in demo transcripts (the ones resources/demo/README.md lists).
std::optional<model::Conversation> demoConversation(const QString &id)
{
    QFile file(context::EmbeddedCaseProvider::builtinTranscripts());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        auto conversation = model::Conversation::fromJsonLine(line);
        if (conversation && conversation.value().id == id)
            return std::move(conversation).value();
    }
    return std::nullopt;
}

template<typename T>
T *child(const QObject *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}

} // namespace

class TestActionPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // Without a conversation nothing can be checked or reported; the controls come alive with
    // one and go dead again when it closes.
    void controlsFollowTheSession();
    // Each demo action proposed on its own conversation: the panel shows the README's intended
    // outcome, in words and with an icon, citing exactly the policies that fired.
    void demoOutcomes_data();
    void demoOutcomes();
    // A refund to the card, typed by the agent on the genuine lost-parcel case: allowed, with
    // nothing to cancel or override.
    void typedRefundToCardIsAllowed();
    // The takeover chat: the agent types a gift-card refund and checks it; it is blocked with
    // the policies cited, Cancel drops the decision, and editing the action drops it too.
    void typedGiftCardRefundIsBlocked();
    // An action the policies cannot judge (an order the case does not hold): the reason is
    // shown in the panel, with no decision and nothing to override.
    void checkErrorIsShownInline();
    // The override dialog's button stays disabled until a category, a reason of 20 characters
    // (blanks do not count) and the confirmation; Enter and accept() do not get past it.
    void overrideNeedsCategoryReasonAndConfirmation();
    // A completed override (all by keyboard) writes exactly one audit record with the reason,
    // the decision and the evidence, redacted.
    void overrideIsRecordedOnce();
    // The audit log gone: the dialog stays open with the error and what the agent typed, and
    // nothing is written.
    void failedOverrideKeepsTheDialogOpen();
    // "Report suspected fraud": the note is required, and one escalation record carries it.
    void reportFraudIsEscalated();
    // A report that cannot be recorded is shown as such, and its note offered again.
    void failedReportIsShownAndKept();

    // The agent's override lands after the panel moved on to another chat's blocked action:
    // the record is the first chat's, and the decision shown keeps its Cancel and Proceed.
    void overrideRecordedAfterThePanelMovedOn();

private:
    AssistSession *openSession(const QString &caseId, const QStringList &customerTexts);
    std::unique_ptr<AssistSession> makeSession(const QString &conversationId, const QString &caseId,
                                               const QStringList &customerTexts);
    AssistSession *openDemo(const QString &conversationId, QJsonObject *proposed);
    OverrideDialog *openOverrideDialog();
    void completeOverride(OverrideDialog *dialog);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<batch::Engine> m_engine;
    std::unique_ptr<context::EmbeddedCaseProvider> m_provider;
    std::shared_ptr<audit::AuditLog> m_log;
    std::unique_ptr<AssistSession> m_session;
    std::unique_ptr<ActionPanel> m_panel;
};

void TestActionPanel::initTestCase()
{
    context::registerMetaTypes();
    auto engine = batch::Engine::load();
    QVERIFY2(engine, qPrintable(errorOf(engine)));
    m_engine = std::move(engine).value();
}

void TestActionPanel::init()
{
    // Any warning fails, except the offscreen platform's note on every window it shows.
    QTest::failOnWarning(
        QRegularExpression(u"^(?!This plugin does not support propagateSizeHints\\(\\))"_s));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto stores = rg::test::openSessionStores(*m_dir);
    QVERIFY2(stores, qPrintable(errorOf(stores)));
    m_provider = std::move(stores.value().provider);
    m_log = std::move(stores.value().log);
    m_panel = std::make_unique<ActionPanel>();
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestActionPanel::cleanup()
{
    m_panel.reset(); // with any dialog still open on it
    m_session.reset();
    m_log.reset();
    m_provider.reset();
    QSqlDatabase::removeDatabase(rg::test::kAuditPeekConnection);
    m_dir.reset();
}

// A session on \a caseId (none when empty) with the customer's messages, shown in the panel.
AssistSession *TestActionPanel::openSession(const QString &caseId, const QStringList &customerTexts)
{
    m_session = makeSession(u"chat-1"_s, caseId, customerTexts);
    if (!m_session)
        return nullptr;
    m_panel->setTarget(m_session.get());
    return m_session.get();
}

// A session on \a caseId (none when empty) with the customer's messages, not shown anywhere.
std::unique_ptr<AssistSession> TestActionPanel::makeSession(const QString &conversationId,
                                                            const QString &caseId,
                                                            const QStringList &customerTexts)
{
    session::SessionServices services;
    services.engine = m_engine.get();
    services.caseProvider = m_provider.get();
    services.auditLog = m_log;
    services.agent = {u"agent-7"_s, u"agent"_s, u"uk-1"_s};
    services.clock = [] { return kNow; };
    auto made = std::make_unique<AssistSession>(conversationId, services);
    for (const QString &text : customerTexts)
        made->addMessage(model::Role::Customer, text, kNow);
    if (!caseId.isEmpty()) {
        made->openCase(caseId);
        AssistSession *waiting = made.get();
        if (!QTest::qWaitFor(
                [waiting] { return waiting->caseState() == session::CaseState::Ready; }))
            return nullptr;
    }
    return made;
}

// The demo conversation up to its last action, with its case; \a proposed gets that action.
AssistSession *TestActionPanel::openDemo(const QString &conversationId, QJsonObject *proposed)
{
    const auto demo = demoConversation(conversationId);
    if (!demo)
        return nullptr;
    qsizetype last = demo->messages.size() - 1;
    while (last >= 0 && demo->messages.at(last).role != model::Role::Action)
        --last;
    if (last < 0 || !openSession({}, {}))
        return nullptr;
    for (qsizetype i = 0; i < last; ++i) {
        const model::Message &message = demo->messages.at(i);
        if (message.role != model::Role::Action)
            m_session->addMessage(message.role, message.text, kNow);
        else if (!m_session->addAgentAction(message.action))
            return nullptr;
    }
    m_session->openCase(demo->caseContext.value(u"id"_s).toString());
    if (!QTest::qWaitFor([this] { return m_session->caseState() == session::CaseState::Ready; }))
        return nullptr;
    *proposed = demo->messages.at(last).action;
    return m_session.get();
}

OverrideDialog *TestActionPanel::openOverrideDialog()
{
    auto *proceed = child<QPushButton>(m_panel.get(), u"proceedButton"_s);
    if (!proceed || !proceed->isVisible())
        return nullptr;
    QTest::mouseClick(proceed, Qt::LeftButton);
    if (!QTest::qWaitFor([] { return QApplication::activeModalWidget() != nullptr; }))
        return nullptr;
    return qobject_cast<OverrideDialog *>(QApplication::activeModalWidget());
}

// Fills the override dialog the way an agent does, with the keyboard.
void TestActionPanel::completeOverride(OverrideDialog *dialog)
{
    auto *category = child<QComboBox>(dialog, u"categoryComboBox"_s);
    auto *reason = child<QPlainTextEdit>(dialog, u"reasonTextEdit"_s);
    auto *confirm = child<QCheckBox>(dialog, u"confirmCheckBox"_s);
    QVERIFY(category && reason && confirm);
    QTest::keyClicks(category, u"Customer"_s);
    QCOMPARE(category->currentData().toString(), u"customer_verified"_s);
    QTest::keyClicks(reason, kReason);
    QTest::keyClick(confirm, Qt::Key_Space);
    QVERIFY(confirm->isChecked());
}

void TestActionPanel::controlsFollowTheSession()
{
    auto *check = child<QPushButton>(m_panel.get(), u"checkButton"_s);
    auto *report = child<QPushButton>(m_panel.get(), u"reportButton"_s);
    auto *type = child<QComboBox>(m_panel.get(), u"typeComboBox"_s);
    auto *order = child<QComboBox>(m_panel.get(), u"orderComboBox"_s);
    QVERIFY(check && report && type && order);
    QVERIFY(!check->isEnabled());
    QVERIFY(!report->isEnabled());
    QVERIFY(!type->isEnabled());

    // No case yet: the order number is typed.
    QVERIFY(openSession({}, {}));
    QVERIFY(check->isEnabled());
    QVERIFY(report->isEnabled());
    QVERIFY(order->isEditable());
    QTest::keyClicks(order->lineEdit(), u"114-555"_s);
    QCOMPARE(m_panel->currentAction().value(u"order_id"_s).toString(), u"114-555"_s);

    // An account change carries the changed field and none of the refund fields.
    QTest::keyClicks(type, u"Account"_s);
    QCOMPARE(type->currentData().toString(), u"account_change"_s);
    QVERIFY(!child<QDoubleSpinBox>(m_panel.get(), u"amountSpinBox"_s)->isEnabled());
    QVERIFY(child<QComboBox>(m_panel.get(), u"accountFieldComboBox"_s)->isEnabled());
    QTest::keyClicks(child<QComboBox>(m_panel.get(), u"accountFieldComboBox"_s), u"Phone"_s);
    const QJsonObject change{{u"type"_s, u"account_change"_s}, {u"field"_s, u"phone"_s}};
    QCOMPARE(m_panel->currentAction(), change);

    m_session.reset();
    QVERIFY(!m_panel->target());
    QVERIFY(!check->isEnabled());
    QVERIFY(!report->isEnabled());
}

void TestActionPanel::demoOutcomes_data()
{
    QTest::addColumn<QString>("conversation");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QStringList>("policies");
    QTest::newRow("genuine lost parcel") << u"demo-genuine-lost-parcel"_s << u"Allow"_s
                                         << QStringList{};
    QTest::newRow("DNA on photo delivery")
        << u"demo-dna-photo-delivery"_s << u"Block"_s
        << QStringList{u"proof-of-delivery"_s, u"repeat-claims-return-first"_s};
    QTest::newRow("account takeover")
        << u"demo-account-takeover"_s << u"Block"_s
        << QStringList{u"identity-first"_s, u"contact-change-then-refund"_s,
                       u"original-payment-method"_s};
    QTest::newRow("empty box homoglyph")
        << u"demo-empty-box-homoglyph"_s << u"Block"_s
        << QStringList{u"original-payment-method"_s, u"new-account-high-value"_s};
    QTest::newRow("over limit") << u"demo-over-limit"_s << u"Block"_s
                                << QStringList{u"authority-limit"_s};
    QTest::newRow("replacement then refund") << u"demo-replacement-and-refund"_s << u"Block"_s
                                             << QStringList{u"replacement-and-refund"_s};
}

void TestActionPanel::demoOutcomes()
{
    QFETCH(QString, conversation);
    QFETCH(QString, verdict);
    QFETCH(QStringList, policies);
    QJsonObject action;
    QVERIFY(openDemo(conversation, &action));

    m_panel->proposeAction(action);
    auto *message = child<QLabel>(m_panel.get(), u"messageLabel"_s);
    QVERIFY2(m_panel->decision(), qPrintable(message->text()));
    QCOMPARE(m_panel->currentAction().value(u"amount"_s).toDouble(),
             action.value(u"amount"_s).toDouble());
    QCOMPARE(m_panel->currentAction().value(u"method"_s), action.value(u"method"_s));
    QCOMPARE(m_panel->currentAction().value(u"order_id"_s), action.value(u"order_id"_s));

    auto *verdictLabel = child<QLabel>(m_panel.get(), u"verdictLabel"_s);
    auto *icon = child<QLabel>(m_panel.get(), u"verdictIconLabel"_s);
    const QString citations = child<QLabel>(m_panel.get(), u"citationsLabel"_s)->text();
    QVERIFY2(verdictLabel->text().startsWith(verdict), qPrintable(verdictLabel->text()));
    QVERIFY(!icon->pixmap().isNull());
    QStringList fired;
    for (const policy::FiredPolicy &policy : m_panel->decision()->fired) {
        fired.append(policy.id);
        QVERIFY2(citations.contains(policy.id), qPrintable(citations));
        QVERIFY2(citations.contains(policy.citation), qPrintable(citations));
    }
    fired.sort();
    policies.sort();
    QCOMPARE(fired, policies);
    const bool overridable = verdict != u"Allow"_s;
    QCOMPARE(child<QPushButton>(m_panel.get(), u"proceedButton"_s)->isVisible(), overridable);
    QCOMPARE(child<QPushButton>(m_panel.get(), u"cancelButton"_s)->isVisible(), overridable);
}

void TestActionPanel::typedRefundToCardIsAllowed()
{
    QVERIFY(openSession(u"case-1006"_s, {}));
    auto *order = child<QComboBox>(m_panel.get(), u"orderComboBox"_s);
    auto *currency = child<QLineEdit>(m_panel.get(), u"currencyLineEdit"_s);
    auto *amount = child<QDoubleSpinBox>(m_panel.get(), u"amountSpinBox"_s);
    // The case is known: its order is picked from the list and sets the currency.
    QVERIFY(!order->isEditable());
    QCOMPARE(order->currentData().toString(), u"114-3050476"_s);
    QCOMPARE(currency->text(), u"USD"_s);
    QVERIFY(currency->isReadOnly());

    QTest::keyClick(amount, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(amount, u"100"_s);
    QCOMPARE(amount->value(), 100.0);
    QTest::mouseClick(child<QPushButton>(m_panel.get(), u"checkButton"_s), Qt::LeftButton);

    auto *verdict = child<QLabel>(m_panel.get(), u"verdictLabel"_s);
    QTRY_VERIFY2(verdict->text().startsWith(u"Allow"_s), qPrintable(verdict->text()));
    QVERIFY(!child<QLabel>(m_panel.get(), u"verdictIconLabel"_s)->pixmap().isNull());
    QVERIFY(!child<QPushButton>(m_panel.get(), u"proceedButton"_s)->isVisible());
    QVERIFY(!child<QPushButton>(m_panel.get(), u"cancelButton"_s)->isVisible());
}

void TestActionPanel::typedGiftCardRefundIsBlocked()
{
    QVERIFY(openSession(u"case-1003"_s, kTakeoverChat));
    auto *amount = child<QDoubleSpinBox>(m_panel.get(), u"amountSpinBox"_s);
    auto *method = child<QComboBox>(m_panel.get(), u"methodComboBox"_s);
    auto *check = child<QPushButton>(m_panel.get(), u"checkButton"_s);
    auto *proceed = child<QPushButton>(m_panel.get(), u"proceedButton"_s);
    auto *cancel = child<QPushButton>(m_panel.get(), u"cancelButton"_s);
    auto *decisionBox = child<QGroupBox>(m_panel.get(), u"decisionGroupBox"_s);
    QCOMPARE(child<QComboBox>(m_panel.get(), u"orderComboBox"_s)->currentData().toString(),
             u"114-6639921"_s);
    QTest::keyClick(amount, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(amount, u"329"_s);
    QTest::keyClicks(method, u"Gift"_s);
    QCOMPARE(method->currentData().toString(), u"gift_card"_s);
    QTest::mouseClick(check, Qt::LeftButton);

    auto *verdict = child<QLabel>(m_panel.get(), u"verdictLabel"_s);
    QTRY_VERIFY2(verdict->text().startsWith(u"Block"_s), qPrintable(verdict->text()));
    const QString citations = child<QLabel>(m_panel.get(), u"citationsLabel"_s)->text();
    for (const QString &id : {u"identity-first"_s, u"contact-change-then-refund"_s,
                              u"original-payment-method"_s})
        QVERIFY2(citations.contains(id), qPrintable(citations));
    QVERIFY(proceed->isVisible());
    QVERIFY(cancel->isVisible());

    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!m_panel->decision());
    QVERIFY(!decisionBox->isVisible());
    QVERIFY(!proceed->isVisible());

    // A decision stands for the action checked: changing the amount drops it.
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_VERIFY(proceed->isVisible());
    QTest::keyClick(amount, Qt::Key_Up);
    QVERIFY(!m_panel->decision());
    QVERIFY(!proceed->isVisible());
}

void TestActionPanel::checkErrorIsShownInline()
{
    QVERIFY(openSession(u"case-1003"_s, kTakeoverChat));
    QJsonObject unknownOrder = kGiftCardRefund;
    unknownOrder.insert(u"order_id"_s, u"114-0000000"_s);
    m_panel->proposeAction(unknownOrder);
    auto *message = child<QLabel>(m_panel.get(), u"messageLabel"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"could not be checked"_s), qPrintable(message->text()));
    QVERIFY2(message->text().contains(u"114-0000000"_s), qPrintable(message->text()));
    QVERIFY(!child<QLabel>(m_panel.get(), u"messageIconLabel"_s)->pixmap().isNull());
    QVERIFY(!m_panel->decision());
    QVERIFY(!child<QPushButton>(m_panel.get(), u"proceedButton"_s)->isVisible());
}

void TestActionPanel::overrideNeedsCategoryReasonAndConfirmation()
{
    QVERIFY(openSession(u"case-1003"_s, kTakeoverChat));
    m_panel->proposeAction(kGiftCardRefund);
    QSignalSpy recorded(m_panel.get(), &ActionPanel::overrideRecorded);
    QPointer<OverrideDialog> dialog = openOverrideDialog();
    QVERIFY(dialog);
    auto *category = child<QComboBox>(dialog, u"categoryComboBox"_s);
    auto *reason = child<QPlainTextEdit>(dialog, u"reasonTextEdit"_s);
    auto *confirm = child<QCheckBox>(dialog, u"confirmCheckBox"_s);
    auto *counter = child<QLabel>(dialog, u"reasonCounterLabel"_s);
    auto *record = child<QPushButton>(dialog, u"recordButton"_s);
    QVERIFY(category && reason && confirm && counter && record);
    QVERIFY2(child<QLabel>(dialog, u"verdictLabel"_s)->text().startsWith(u"Block"_s),
             qPrintable(child<QLabel>(dialog, u"verdictLabel"_s)->text()));
    QVERIFY(child<QLabel>(dialog, u"citationsLabel"_s)->text().contains(u"identity-first"_s));
    QCOMPARE(OverrideDialog::reasonCategories().size(), category->count());
    QCOMPARE(category->currentIndex(), -1);
    QVERIFY(!record->isEnabled());
    QVERIFY2(counter->text().startsWith(u"20 more"_s), qPrintable(counter->text()));

    QTest::keyClicks(category, u"Supervisor"_s);
    QCOMPARE(category->currentData().toString(), u"supervisor_approved"_s);
    // Blanks around the reason do not count towards its length.
    const QString shortReason = u"Team lead approved."_s;
    QCOMPARE(shortReason.size(), OverrideDialog::kMinReasonLength - 1);
    QTest::keyClicks(reason, u"   "_s + shortReason + u"   "_s);
    QVERIFY2(counter->text().startsWith(u"1 more"_s), qPrintable(counter->text()));
    QVERIFY(!record->isEnabled());
    QTest::keyClicks(reason, u"!"_s);
    QVERIFY2(counter->text().startsWith(u"Enough"_s), qPrintable(counter->text()));
    // Complete but not confirmed: Enter and a direct accept() record nothing.
    QVERIFY(!record->isEnabled());
    QTest::keyClick(confirm, Qt::Key_Return);
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QCOMPARE(recorded.count(), 0);
    QCOMPARE(rg::test::auditRecordCount(*m_dir), 0);

    QTest::keyClick(confirm, Qt::Key_Space);
    QVERIFY(record->isEnabled());
    QTest::keyClick(confirm, Qt::Key_Space);
    QVERIFY(!record->isEnabled());

    // Cancel closes without recording; the decision is still there to act on.
    QTest::mouseClick(child<QPushButton>(dialog, u"cancelOverrideButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(recorded.count(), 0);
    QCOMPARE(rg::test::auditRecordCount(*m_dir), 0);
    QVERIFY(m_panel->decision());
    QVERIFY(child<QPushButton>(m_panel.get(), u"proceedButton"_s)->isVisible());
}

void TestActionPanel::overrideIsRecordedOnce()
{
    QVERIFY(openSession(u"case-1003"_s, kTakeoverChat));
    m_panel->proposeAction(kGiftCardRefund);
    QSignalSpy recorded(m_panel.get(), &ActionPanel::overrideRecorded);
    QPointer<OverrideDialog> dialog = openOverrideDialog();
    QVERIFY(dialog);
    completeOverride(dialog);
    if (QTest::currentTestFailed())
        return;
    // All by keyboard: once the dialog is complete, Enter records.
    QTest::keyClick(child<QCheckBox>(dialog, u"confirmCheckBox"_s), Qt::Key_Return);
    QTRY_VERIFY(!dialog);
    QCOMPARE(recorded.count(), 1);

    const QList<audit::AuditRecord> records = rg::test::storedRecords(*m_dir);
    QCOMPARE(records.size(), 1);
    const audit::AuditRecord &stored = records.constFirst();
    QCOMPARE(stored.hash, recorded.at(0).at(0).value<audit::AuditRecord>().hash);
    QCOMPARE(stored.kind, audit::RecordKind::Override);
    QCOMPARE(stored.caseId, u"case-1003"_s);
    QCOMPARE(stored.actor.value(u"id"_s).toString(), u"agent-7"_s);
    const QJsonObject &payload = stored.payload;
    QCOMPARE(payload.value(u"reason_category"_s).toString(), u"customer_verified"_s);
    QCOMPARE(payload.value(u"reason"_s).toString(), kReason);
    QCOMPARE(payload.value(u"verdict"_s).toString(), u"block"_s);
    QVERIFY(payload.value(u"policies"_s).toArray().contains(u"original-payment-method"_s));
    QCOMPARE(payload.value(u"action"_s).toObject().value(u"method"_s).toString(), u"gift_card"_s);
    QCOMPARE(payload.value(u"amount"_s).toDouble(), 329.0);
    QVERIFY(!payload.value(u"evidence"_s).toArray().isEmpty());
    const QString text = QString::fromUtf8(QJsonDocument(payload).toJson());
    QVERIFY2(!text.contains(u"1111 1111"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"k.lowe.44@example.net"_s), qPrintable(text));

    auto *message = child<QLabel>(m_panel.get(), u"messageLabel"_s);
    QVERIFY2(message->text().contains(u"Override recorded"_s), qPrintable(message->text()));
    QVERIFY(!child<QPushButton>(m_panel.get(), u"proceedButton"_s)->isVisible());
}

void TestActionPanel::failedOverrideKeepsTheDialogOpen()
{
    QVERIFY(openSession(u"case-1003"_s, kTakeoverChat));
    m_panel->proposeAction(kGiftCardRefund);
    QSignalSpy recorded(m_panel.get(), &ActionPanel::overrideRecorded);
    QPointer<OverrideDialog> dialog = openOverrideDialog();
    QVERIFY(dialog);
    completeOverride(dialog);
    if (QTest::currentTestFailed())
        return;
    m_log.reset(); // the session only holds a weak reference: appends now fail

    QTest::mouseClick(child<QPushButton>(dialog, u"recordButton"_s), Qt::LeftButton);
    QVERIFY(dialog);
    QCOMPARE(QApplication::activeModalWidget(), static_cast<QWidget *>(dialog.data()));
    auto *error = child<QLabel>(dialog, u"errorLabel"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"NOT recorded"_s), qPrintable(error->text()));
    QVERIFY2(error->text().contains(u"not open"_s), qPrintable(error->text()));
    QCOMPARE(child<QPlainTextEdit>(dialog, u"reasonTextEdit"_s)->toPlainText(), kReason);
    QCOMPARE(child<QComboBox>(dialog, u"categoryComboBox"_s)->currentData().toString(),
             u"customer_verified"_s);
    QVERIFY(child<QPushButton>(dialog, u"recordButton"_s)->isEnabled());
    QCOMPARE(recorded.count(), 0);
    QCOMPARE(rg::test::auditRecordCount(*m_dir), 0);

    QTest::mouseClick(child<QPushButton>(dialog, u"cancelOverrideButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(rg::test::auditRecordCount(*m_dir), 0);
}

void TestActionPanel::reportFraudIsEscalated()
{
    QVERIFY(openSession(u"case-1003"_s, kTakeoverChat));
    QSignalSpy escalated(m_panel.get(), &ActionPanel::escalationRecorded);
    QTest::mouseClick(child<QPushButton>(m_panel.get(), u"reportButton"_s), Qt::LeftButton);
    QTRY_VERIFY(QApplication::activeModalWidget());
    QPointer<QWidget> dialog = QApplication::activeModalWidget();
    QCOMPARE(dialog->objectName(), u"escalationDialog"_s);
    auto *note = child<QPlainTextEdit>(dialog, u"noteTextEdit"_s);
    auto *send = child<QPushButton>(dialog, u"sendReportButton"_s);
    QVERIFY(note && send);
    QVERIFY(!send->isEnabled());
    const QString text = u"Asked to move the refund to a gift card after changing the email"_s;
    QTest::keyClicks(note, text);
    QVERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY(!dialog);

    QCOMPARE(escalated.count(), 1);
    const QList<audit::AuditRecord> records = rg::test::storedRecords(*m_dir);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.constFirst().kind, audit::RecordKind::Escalation);
    QCOMPARE(records.constFirst().caseId, u"case-1003"_s);
    QCOMPARE(records.constFirst().payload.value(u"note"_s).toString(), text);
    auto *message = child<QLabel>(m_panel.get(), u"messageLabel"_s);
    QVERIFY2(message->text().contains(u"reported"_s), qPrintable(message->text()));
}

void TestActionPanel::failedReportIsShownAndKept()
{
    QVERIFY(openSession(u"case-1003"_s, kTakeoverChat));
    QSignalSpy escalated(m_panel.get(), &ActionPanel::escalationRecorded);
    m_log.reset();
    auto *report = child<QPushButton>(m_panel.get(), u"reportButton"_s);
    QTest::mouseClick(report, Qt::LeftButton);
    QTRY_VERIFY(QApplication::activeModalWidget());
    QPointer<QWidget> dialog = QApplication::activeModalWidget();
    const QString text = u"Offered me money on Telegram"_s;
    QTest::keyClicks(child<QPlainTextEdit>(dialog, u"noteTextEdit"_s), text);
    QTest::mouseClick(child<QPushButton>(dialog, u"sendReportButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog);

    QCOMPARE(escalated.count(), 0);
    QCOMPARE(rg::test::auditRecordCount(*m_dir), 0);
    auto *message = child<QLabel>(m_panel.get(), u"messageLabel"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"NOT recorded"_s), qPrintable(message->text()));

    QTest::mouseClick(report, Qt::LeftButton);
    QTRY_VERIFY(QApplication::activeModalWidget());
    dialog = QApplication::activeModalWidget();
    QCOMPARE(child<QPlainTextEdit>(dialog, u"noteTextEdit"_s)->toPlainText(), text);
    QTest::mouseClick(child<QPushButton>(dialog, u"cancelReportButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
}

void TestActionPanel::overrideRecordedAfterThePanelMovedOn()
{
    QVERIFY(openSession(u"case-1003"_s, kTakeoverChat));
    m_panel->proposeAction(kGiftCardRefund);
    QSignalSpy recorded(m_panel.get(), &ActionPanel::overrideRecorded);
    QPointer<OverrideDialog> dialog = openOverrideDialog();
    QVERIFY(dialog);
    completeOverride(dialog);
    if (QTest::currentTestFailed())
        return;

    // The console brings another chat forward and proposes its own refund, which is blocked.
    std::unique_ptr<AssistSession> other = makeSession(u"chat-2"_s, u"case-1003"_s, kTakeoverChat);
    QVERIFY(other);
    m_panel->setTarget(other.get());
    m_panel->proposeAction(kGiftCardRefund);
    QVERIFY(m_panel->decision());
    auto *proceed = child<QPushButton>(m_panel.get(), u"proceedButton"_s);
    auto *cancel = child<QPushButton>(m_panel.get(), u"cancelButton"_s);
    QVERIFY(proceed->isVisible());

    QTest::keyClick(child<QCheckBox>(dialog, u"confirmCheckBox"_s), Qt::Key_Return);
    QTRY_VERIFY(!dialog);
    QCOMPARE(recorded.count(), 1);
    const QList<audit::AuditRecord> records = rg::test::storedRecords(*m_dir);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.constFirst().payload.value(u"conversation_id"_s).toString(), u"chat-1"_s);
    QVERIFY(proceed->isVisible());
    QVERIFY(cancel->isVisible());
    const QString message = child<QLabel>(m_panel.get(), u"messageLabel"_s)->text();
    QVERIFY2(!message.contains(u"go ahead"_s), qPrintable(message));
}

QTEST_MAIN(TestActionPanel)
#include "tst_actionpanel.moc"
