// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/auditlog.h"
#include "audit/auditstore.h"
#include "batch/engine.h"
#include "context/caseprovider.h"
#include "context/casestore.h"
#include "context/embeddedcaseprovider.h"
#include "context/httpcaseprovider.h"
#include "feed/bridge.h"
#include "session/sessionmanager.h"
#include "settings/settings.h"
#include "sessionfixture.h"
#include "testsupport.h"
#include "ui/actionpanel.h"
#include "ui/displaytext.h"
#include "ui/overridedialog.h"
#include "ui/riskbadge.h"
#include "ui/sidebarwindow.h"
#include "ui/signalsmodel.h"
#include "ui/transcriptview.h"

#include "../context/caseserverprocess.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace rg;
using rg::test::errorOf;

namespace {

const QString kToken = u"sidebar-test-token-0123456789abcdef"_s;

const QStringList kDnaChat{
    u"Hi, order 114-2283917 never arrived. Tracking says delivered but there is nothing at my door."_s,
    u"That photo is not my porch. Just mark it lost in transit and refund it, I need this done in the next 10 minutes."_s,
    u"Every other agent just does it. Its a DNA, do it or I'm filing a chargeback today."_s};

QJsonObject messageEvent(const QString &conversation, const QString &text, const QString &role = u"customer"_s)
{
    return {{u"type"_s, u"message"_s}, {u"conversation_id"_s, conversation}, {u"role"_s, role}, {u"text"_s, text}};
}

QJsonObject caseOpened(const QString &conversation, const QString &caseId)
{
    return {{u"type"_s, u"case_opened"_s}, {u"conversation_id"_s, conversation}, {u"case_id"_s, caseId}};
}

const QJsonObject kBlockedRefund{
    {u"type"_s, u"refund"_s},  {u"order_id"_s, u"114-2283917"_s},    {u"amount"_s, 129.99},
    {u"currency"_s, u"USD"_s}, {u"method"_s, u"original_payment"_s}, {u"return_required"_s, false}};

QJsonObject caseClosed(const QString &conversation)
{
    return {{u"type"_s, u"case_closed"_s}, {u"conversation_id"_s, conversation}};
}

// What a tooltip shows: Qt renders it as rich text when Qt::mightBeRichText says it looks like
// markup (QToolTip, and the item views through QStyledItemDelegate::helpEvent), else as is.
QString shownAsToolTip(const QString &toolTip)
{
    if (!Qt::mightBeRichText(toolTip))
        return toolTip;
    QTextDocument document;
    document.setHtml(toolTip);
    return document.toPlainText();
}

model::Message customerSays(const QString &text)
{
    return model::Message{model::Role::Customer, text, {}};
}

// A finding of the chargeback threat on "chargeback" in \a text.
model::Finding chargebackIn(int turn, const QString &text)
{
    const int start = int(text.indexOf(u"chargeback"_s));
    return model::Finding{turn,  u"threat_pressure"_s, u"threat.chargeback"_s,
                          start, start + 10,           u"chargeback"_s,
                          0.9};
}

// The text of the transcript's document between two positions.
QString documentText(const QTextDocument *document, int from, int to)
{
    QTextCursor cursor(const_cast<QTextDocument *>(document));
    cursor.setPosition(from);
    cursor.setPosition(to, QTextCursor::KeepAnchor);
    return cursor.selectedText();
}

} // namespace

class TestSidebar : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // Events posted to the real bridge over HTTP become rows in the signals list and highlights
    // on their exact spans in the transcript; the header shows the case and the risk in words.
    void bridgeEventsBecomeHighlightedFindings();
    // Markup a customer types is shown as the characters typed: no link, no image, no bold.
    void customerMarkupIsShownLiterally();
    // A right-to-left override cannot reorder evidence; highlights still sit on the right text.
    void bidiOverridesAreNeutralised();
    // Clicking (or pressing Enter on) a signal shows the transcript with its span selected.
    void activatingASignalSelectsItsSpan();
    // Strong cues in a background chat mark it in the switcher without switching to it.
    void backgroundChatIsMarkedNotShown();
    // A High-risk chat is announced once (the tray's message), not on every message.
    void highRiskIsAnnouncedOnce();
    // A case that cannot be found says so with a Retry; the case service going away after a
    // good fetch gives a stale copy, marked as such.
    void casePanelStates();
    // The demo's moment: a proposed refund on the photo-confirmed delivery is blocked.
    void proposedRefundIsBlocked();
    // The window dies with its sessions (a crash); a new window on the same journal shows
    // the same chats, transcript and findings.
    void sessionResumesAfterCrash();
    // Stay-on-top and the window's size are kept in the settings.
    void windowStateIsRemembered();
    void worksAt360PixelsWide();
    // Markup in evidence or case data reaches tooltips (signals list, case tree) as the
    // characters typed: Qt would otherwise render a tooltip that looks like HTML.
    void toolTipsShowCustomerTextLiterally();
    // The notice of a strong cue quotes the evidence as typed, "%1" included, with its turn.
    void strongCueNoticeQuotesEvidenceAsTyped();
    // The tray's notice names the chat and the reason, never the customer's words.
    void trayNoticeLeavesOutTheCustomersWords();
    // A fraud report goes to the chat it was opened on: not to the chat shown when it is sent,
    // and nowhere (with an error) when its chat closed meanwhile.
    void reportGoesToTheChatItWasOpenedOn();
    // The chat closes (its session is deleted) while the override dialog is open: recording
    // says so and writes nothing, and nothing touches the deleted session.
    void overrideDialogOutlivesItsSession();
    // No two controls the agent can reach at once share an Alt mnemonic.
    void mnemonicsAreUnique();
    // A new message does not rebuild the case tree under the agent: row and sections stay.
    void casePanelKeepsTheAgentsPlace();
    // Not judged yet, the badge has no colour of its own and follows a light/dark switch.
    void riskBadgeFollowsThePalette();
    // One more judged message redraws only the turns whose findings changed.
    void highlightsRedrawOnlyChangedTurns();
    // A burst of messages, judged one by one with no event loop between them, ends with every
    // message shown once and in order, and every finding listed and marked.
    void burstShowsEveryMessageInOrder();
    // An action turn's order id and method are display-safe like the customer's text.
    void actionTurnsAreDisplaySafe();
    // A judgement that fails is reported, not left to pass the last one off as current.
    void failedJudgementIsReported();
    // Tab walks every control of each tab and comes back round: no trap, and every control it
    // stops on has a name a screen reader can say.
    void tabWalksTheWholeWindow();

private:
    void openWindow();
    int post(const QJsonObject &event);
    ui::OverrideDialog *openOverrideDialog();
    bool storeCaseLike1001(const QString &caseId, const QString &customerName);
    QTreeView *signalsView() const;
    QString shownConversation() const;
    session::CaseState shownCaseState() const;

    std::unique_ptr<batch::Engine> m_engine;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<context::CaseProvider> m_provider;
    std::shared_ptr<audit::AuditLog> m_log;
    std::unique_ptr<session::SessionManager> m_manager;
    std::unique_ptr<feed::Bridge> m_bridge;
    std::unique_ptr<settings::Settings> m_settings;
    std::unique_ptr<ui::SidebarWindow> m_window;
    QNetworkAccessManager m_network;
};

void TestSidebar::initTestCase()
{
    context::registerMetaTypes();
    auto engine = batch::Engine::load();
    QVERIFY2(engine, qPrintable(errorOf(engine)));
    m_engine = std::move(engine).value();
}

void TestSidebar::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto stores = rg::test::openSessionStores(*m_dir);
    QVERIFY2(stores, qPrintable(errorOf(stores)));
    m_provider = std::move(stores.value().provider);
    m_log = std::move(stores.value().log);
    m_settings = std::make_unique<settings::Settings>(m_dir->filePath(u"user.ini"_s), QString());
    openWindow();
    QVERIFY(m_window);
}

void TestSidebar::openWindow()
{
    m_window.reset();
    m_bridge.reset();
    m_manager.reset();
    session::SessionServices services;
    services.engine = m_engine.get();
    services.caseProvider = m_provider.get();
    services.auditLog = m_log;
    services.agent = {u"agent-7"_s, u"agent"_s, u"uk-1"_s};
    auto manager = session::SessionManager::open(m_dir->filePath(u"journal.db"_s), services);
    if (!manager) {
        qWarning("%s", qPrintable(manager.error()));
        return;
    }
    m_manager = std::move(manager).value();
    m_bridge = std::make_unique<feed::Bridge>(feed::BridgeConfig{.token = kToken});
    if (auto listening = m_bridge->listen(); !listening) {
        qWarning("%s", qPrintable(listening.error()));
        return;
    }
    m_manager->connectBridge(m_bridge.get());
    m_window = std::make_unique<ui::SidebarWindow>(*m_manager, *m_settings, kToken);
    m_window->show();
}

void TestSidebar::cleanup()
{
    m_window.reset();
    m_bridge.reset();
    m_manager.reset();
    m_log.reset();
    m_provider.reset();
    m_settings.reset();
    m_dir.reset();
}

// Posts one event to the bridge the way a console integration does; returns the HTTP status.
int TestSidebar::post(const QJsonObject &event)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/v1/events"_s.arg(m_bridge->port())));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Authorization", "Bearer " + kToken.toLatin1());
    std::unique_ptr<QNetworkReply> reply(m_network.post(request, QJsonDocument(event).toJson(QJsonDocument::Compact)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(10000))
        return -1;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// Stores case-1001 again as \a caseId, its customer renamed \a customerName, in the demo case
// store the window's provider reads.
bool TestSidebar::storeCaseLike1001(const QString &caseId, const QString &customerName)
{
    context::CaseStore store;
    if (!store.open(m_dir->filePath(u"demo.db"_s)))
        return false;
    const auto entry = store.get(u"case-1001"_s);
    if (!entry || !entry.value())
        return false;
    QJsonObject document = entry.value()->document;
    QJsonObject customer = document.value(u"customer"_s).toObject();
    customer.insert(u"name"_s, customerName);
    document.insert(u"customer"_s, customer);
    document.insert(u"id"_s, caseId);
    return bool(store.put(caseId, document));
}

// Proceeds against the decision the action panel shows; the dialog it opens.
ui::OverrideDialog *TestSidebar::openOverrideDialog()
{
    m_window->findChild<QTabWidget *>(u"detailTabWidget"_s)
        ->setCurrentWidget(m_window->findChild<QWidget *>(u"actionTab"_s));
    auto *proceed = m_window->actionPanel()->findChild<QPushButton *>(u"proceedButton"_s);
    if (!proceed || !proceed->isVisible())
        return nullptr;
    QTest::mouseClick(proceed, Qt::LeftButton);
    if (!QTest::qWaitFor([] { return QApplication::activeModalWidget() != nullptr; }))
        return nullptr;
    return qobject_cast<ui::OverrideDialog *>(QApplication::activeModalWidget());
}

QString TestSidebar::shownConversation() const
{
    const session::AssistSession *shown = m_window->shownSession();
    return shown ? shown->conversationId() : QString();
}

session::CaseState TestSidebar::shownCaseState() const
{
    const session::AssistSession *shown = m_window->shownSession();
    return shown ? shown->caseState() : session::CaseState::None;
}

QTreeView *TestSidebar::signalsView() const
{
    return m_window->findChild<QTreeView *>(u"signalsTreeView"_s);
}

void TestSidebar::bridgeEventsBecomeHighlightedFindings()
{
    QCOMPARE(post(caseOpened(u"dna"_s, u"case-1001"_s)), 202);
    for (const QString &text : kDnaChat)
        QCOMPARE(post(messageEvent(u"dna"_s, text)), 202);
    QCOMPARE(post(messageEvent(u"dna"_s, u"Let me check the delivery details for you."_s, u"agent"_s)), 202);

    ui::SignalsModel *model = m_window->signalsModel();
    QTRY_VERIFY(model->rowCount() >= 3);
    ui::TranscriptView *transcript = m_window->transcriptView();
    // The window draws a burst of judgements once: wait for the last one.
    QTRY_COMPARE(transcript->shownTurns(), kDnaChat.size() + 1);
    bool chargeback = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const model::Finding &finding = model->finding(row);
        const QString text = kDnaChat.at(finding.turn);
        const auto from = ui::utf16Offset(text, finding.start);
        const auto to = ui::utf16Offset(text, finding.end);
        const int start = transcript->textPosition(finding.turn);
        // The span shown is the evidence, and it carries the highlight.
        QCOMPARE(documentText(transcript->document(), start + int(from), start + int(to)), finding.evidence);
        QTextCursor cursor(transcript->document());
        cursor.setPosition(start + int(from) + 1);
        QVERIFY2(cursor.charFormat().background().style() != Qt::NoBrush, qPrintable(finding.cue));
        QVERIFY(!model->index(row, ui::SignalsModel::EvidenceColumn).data().toString().isEmpty());
        chargeback = chargeback || finding.cue == u"threat_pressure"_s;
    }
    QVERIFY2(chargeback, "the chargeback threat was not listed");
    // Text outside every finding is not highlighted.
    QTextCursor plain(transcript->document());
    plain.setPosition(transcript->textPosition(0) + 1);
    QCOMPARE(plain.charFormat().background().style(), Qt::NoBrush);

    QTRY_COMPARE(m_window->findChild<QLabel *>(u"caseLabel"_s)->text(), u"Case case-1001"_s);
    QTRY_VERIFY(m_window->findChild<QLabel *>(u"customerLabel"_s)->text().contains(u"Dana Reyes"_s));
    const QString risk = m_window->findChild<ui::RiskBadge *>(u"riskBadge"_s)->text();
    QVERIFY2(risk.startsWith(u"High risk"_s), qPrintable(risk));
    QVERIFY(!m_window->findChild<QLabel *>(u"reasonsLabel"_s)->text().isEmpty());
    QVERIFY(m_window->findChild<QLabel *>(u"attentionLabel"_s)->isVisible());
}

void TestSidebar::customerMarkupIsShownLiterally()
{
    const QString hostile = u"Click <a href=\"http://evil.example/refund\">here</a> <img src=\"file:///etc/passwd\"> <b>now</b> &amp;"_s;
    QCOMPARE(post(messageEvent(u"html"_s, hostile)), 202);
    ui::TranscriptView *transcript = m_window->transcriptView();
    QTRY_COMPARE(transcript->shownTurns(), 1);
    QVERIFY2(transcript->toPlainText().contains(hostile), qPrintable(transcript->toPlainText()));
    for (QTextBlock block = transcript->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            QVERIFY(!format.isAnchor());
            QVERIFY(!format.isImageFormat());
            QVERIFY(format.fontWeight() != QFont::Bold || it.fragment().text() != u"now"_s);
        }
    }
    const QString html = transcript->toHtml();
    QVERIFY(!html.contains(u"<img"_s));
    QVERIFY(!html.contains(u"<a href"_s));
}

void TestSidebar::bidiOverridesAreNeutralised()
{
    // The override would show "…kcabegrahc a gnilif" reversed; the evidence must read as typed.
    const QString text = u"\u202Eyou will regret it\u202C and I am filing a chargeback today \u2066ok\u2069"_s;
    QCOMPARE(post(messageEvent(u"bidi"_s, text)), 202);
    ui::TranscriptView *transcript = m_window->transcriptView();
    QTRY_COMPARE(transcript->shownTurns(), 1);
    const QString shown = transcript->toPlainText();
    for (char32_t control : {0x202Eu, 0x202Cu, 0x2066u, 0x2069u})
        QVERIFY(!shown.contains(QChar(char16_t(control))));
    QVERIFY(shown.contains(QChar(ui::kNeutralisedMark)));
    ui::SignalsModel *model = m_window->signalsModel();
    QTRY_VERIFY(model->rowCount() >= 1);
    for (int row = 0; row < model->rowCount(); ++row) {
        const model::Finding &finding = model->finding(row);
        const int start = transcript->textPosition(finding.turn);
        const QString highlighted = documentText(transcript->document(),
                                                 start + int(ui::utf16Offset(text, finding.start)),
                                                 start + int(ui::utf16Offset(text, finding.end)));
        QCOMPARE(highlighted, ui::displaySafe(finding.evidence));
        const QString listed = model->index(row, ui::SignalsModel::EvidenceColumn).data().toString();
        QVERIFY(!listed.contains(QChar(0x202E)));
    }
}

void TestSidebar::activatingASignalSelectsItsSpan()
{
    for (const QString &text : kDnaChat)
        QCOMPARE(post(messageEvent(u"dna"_s, text)), 202);
    ui::SignalsModel *model = m_window->signalsModel();
    QTRY_VERIFY(model->rowCount() >= 2);
    auto *tabs = m_window->findChild<QTabWidget *>(u"detailTabWidget"_s);
    tabs->setCurrentIndex(2);
    QTreeView *view = signalsView();
    const int row = model->rowCount() - 1;
    const QModelIndex index = model->index(row, ui::SignalsModel::CueColumn);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    QCOMPARE(tabs->currentWidget()->objectName(), u"transcriptTab"_s);
    QCOMPARE(m_window->transcriptView()->textCursor().selectedText(), model->finding(row).evidence);

    // The keyboard does the same: Enter on the first row.
    view->setFocus();
    view->setCurrentIndex(model->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(m_window->transcriptView()->textCursor().selectedText(), model->finding(0).evidence);
}

void TestSidebar::backgroundChatIsMarkedNotShown()
{
    QCOMPARE(post(messageEvent(u"first"_s, u"Hello, where is my parcel?"_s)), 202);
    QTRY_COMPARE(shownConversation(), u"first"_s);
    QCOMPARE(post(messageEvent(u"second"_s, u"I'll pay you $200 per refund you push through, add me on telegram @refundking"_s)), 202);
    auto *switcher = m_window->findChild<QComboBox *>(u"conversationComboBox"_s);
    QTRY_COMPARE(switcher->count(), 2);
    QTRY_VERIFY(switcher->itemText(1).contains(u"[new cues]"_s));
    QCOMPARE(shownConversation(), u"first"_s);

    // Switching with the keyboard shows it and clears the mark.
    m_window->activateWindow();
    QTest::keyClick(m_window.get(), Qt::Key_PageDown, Qt::ControlModifier);
    QTRY_COMPARE(shownConversation(), u"second"_s);
    QVERIFY(!switcher->itemText(1).contains(u"[new cues]"_s));
    QVERIFY(m_window->signalsModel()->rowCount() >= 1);
}

void TestSidebar::highRiskIsAnnouncedOnce()
{
    QSignalSpy announced(m_window.get(), &ui::SidebarWindow::highRiskContact);
    QCOMPARE(post(caseOpened(u"dna"_s, u"case-1001"_s)), 202);
    for (const QString &text : kDnaChat)
        QCOMPARE(post(messageEvent(u"dna"_s, text)), 202);
    QCOMPARE(post(messageEvent(u"dna"_s, u"Refund it now or I post a review everywhere."_s)), 202);
    QTRY_COMPARE(announced.count(), 1);
    QCOMPARE(announced.at(0).at(0).toString(), u"dna"_s);
    QCOMPARE(post(messageEvent(u"dna"_s, u"Hello??"_s)), 202);
    QTRY_COMPARE(m_window->transcriptView()->shownTurns(), kDnaChat.size() + 2);
    QCOMPARE(announced.count(), 1);
}

void TestSidebar::casePanelStates()
{
    QCOMPARE(post(caseOpened(u"lost"_s, u"case-missing"_s)), 202);
    auto *status = m_window->findChild<QLabel *>(u"statusLabel"_s);
    auto *retry = m_window->findChild<QAbstractButton *>(u"retryButton"_s);
    QTRY_VERIFY2(status->text().contains(u"could not be loaded"_s), qPrintable(status->text()));
    QVERIFY(!retry->isHidden());
    QCOMPARE(post({{u"type"_s, u"case_closed"_s}, {u"conversation_id"_s, u"lost"_s}}), 202);

    // A real case service: the case arrives, then the service stops and a retry keeps the copy.
    rg::test::CaseServerProcess server({u"--data"_s, m_dir->filePath(u"cases.db"_s), u"--seed"_s, u"builtin"_s,
                                        u"--token"_s, u"case-token"_s});
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    context::HttpCaseProvider::Options http;
    http.baseUrl = server.url();
    http.token = u"case-token"_s;
    http.maxAttempts = 1;
    m_provider = std::make_unique<context::HttpCaseProvider>(http);
    openWindow();
    QVERIFY(m_window);
    status = m_window->findChild<QLabel *>(u"statusLabel"_s);
    retry = m_window->findChild<QAbstractButton *>(u"retryButton"_s);
    QCOMPARE(post(caseOpened(u"dna"_s, u"case-1001"_s)), 202);
    QTRY_COMPARE(shownConversation(), u"dna"_s);
    QTRY_COMPARE(shownCaseState(), session::CaseState::Ready);
    QVERIFY(retry->isHidden());
    auto *tree = m_window->findChild<QTreeWidget *>(u"caseTreeWidget"_s);
    QVERIFY(!tree->findItems(u"114-2283917"_s, Qt::MatchRecursive | Qt::MatchExactly).isEmpty());
    QVERIFY(!tree->findItems(u"Linked accounts"_s, Qt::MatchStartsWith).isEmpty());

    server.stop();
    m_manager->session(u"dna"_s)->openCase(u"case-1001"_s);
    QTRY_COMPARE(shownCaseState(), session::CaseState::Stale);
    QVERIFY2(status->text().startsWith(u"Out of date"_s), qPrintable(status->text()));
    QVERIFY(!retry->isHidden());
    // The stale copy is still shown.
    QVERIFY(!tree->findItems(u"114-2283917"_s, Qt::MatchRecursive | Qt::MatchExactly).isEmpty());
}

void TestSidebar::proposedRefundIsBlocked()
{
    QCOMPARE(post(caseOpened(u"dna"_s, u"case-1001"_s)), 202);
    for (const QString &text : kDnaChat)
        QCOMPARE(post(messageEvent(u"dna"_s, text)), 202);
    QTRY_COMPARE(shownCaseState(), session::CaseState::Ready);
    // Another chat is in front when the proposal for this one comes.
    QCOMPARE(post(messageEvent(u"other"_s, u"Hi, where is my order?"_s)), 202);
    m_manager->setActiveSession(u"other"_s);
    QCOMPARE(shownConversation(), u"other"_s);
    m_window->proposeAction(u"dna"_s, {{u"type"_s, u"refund"_s},
                                       {u"order_id"_s, u"114-2283917"_s},
                                       {u"amount"_s, 129.99},
                                       {u"currency"_s, u"USD"_s},
                                       {u"method"_s, u"original_payment"_s},
                                       {u"return_required"_s, false}});
    QCOMPARE(shownConversation(), u"dna"_s);
    QCOMPARE(m_window->findChild<QTabWidget *>(u"detailTabWidget"_s)->currentWidget()->objectName(),
             u"actionTab"_s);
    auto *verdict = m_window->actionPanel()->findChild<QLabel *>(u"verdictLabel"_s);
    QVERIFY(verdict);
    QTRY_VERIFY2(verdict->text().contains(u"Block"_s, Qt::CaseInsensitive), qPrintable(verdict->text()));
}

void TestSidebar::sessionResumesAfterCrash()
{
    QCOMPARE(post(caseOpened(u"dna"_s, u"case-1001"_s)), 202);
    for (const QString &text : kDnaChat)
        QCOMPARE(post(messageEvent(u"dna"_s, text)), 202);
    QCOMPARE(post(messageEvent(u"other"_s, u"Hi, just checking my order status."_s)), 202);
    QTRY_VERIFY(m_window->signalsModel()->rowCount() >= 3);
    const int findings = m_window->signalsModel()->rowCount();
    const QString transcript = m_window->transcriptView()->toPlainText();

    // No case_closed, no orderly shutdown: everything goes at once, as in a crash.
    openWindow();
    QVERIFY(m_window);
    auto *switcher = m_window->findChild<QComboBox *>(u"conversationComboBox"_s);
    QCOMPARE(switcher->count(), 2);
    QCOMPARE(shownConversation(), u"dna"_s);
    QTRY_COMPARE(shownCaseState(), session::CaseState::Ready);
    QTRY_COMPARE(m_window->signalsModel()->rowCount(), findings);
    QCOMPARE(m_window->transcriptView()->toPlainText(), transcript);
}

void TestSidebar::windowStateIsRemembered()
{
    QAction *onTop = m_window->findChild<QAction *>(u"stayOnTopAction"_s);
    QVERIFY(onTop);
    QVERIFY(!(m_window->windowFlags() & Qt::WindowStaysOnTopHint));
    onTop->trigger();
    QVERIFY(m_window->windowFlags() & Qt::WindowStaysOnTopHint);
    QVERIFY(m_window->isVisible());
    m_window->resize(377, 640);
    QTRY_COMPARE(m_window->size(), QSize(377, 640));
    QVERIFY(m_window->close());

    settings::Settings reread(m_dir->filePath(u"user.ini"_s), QString());
    QCOMPARE(reread.value(settings::Key::StayOnTop).toBool(), true);
    QVERIFY(!reread.value(settings::Key::WindowGeometry).toByteArray().isEmpty());
    m_settings = std::make_unique<settings::Settings>(m_dir->filePath(u"user.ini"_s), QString());
    openWindow();
    QVERIFY(m_window);
    QVERIFY(m_window->windowFlags() & Qt::WindowStaysOnTopHint);
    QCOMPARE(m_window->size(), QSize(377, 640));
}

void TestSidebar::worksAt360PixelsWide()
{
    m_window->resize(360, 800);
    QTRY_COMPARE(m_window->width(), 360);
    // What the window needs as a whole, naming the widgets that ask for most of it.
    const auto needs = [this] {
        QString wide;
        for (QWidget *child : m_window->findChildren<QWidget *>()) {
            if (child->minimumSizeHint().width() > 250)
                wide += u" %1(%2)"_s.arg(child->objectName()).arg(child->minimumSizeHint().width());
        }
        return u"needs %1 px:%2"_s.arg(m_window->minimumSizeHint().width()).arg(wide);
    };
    for (const QString &text : kDnaChat)
        QCOMPARE(post(messageEvent(u"dna"_s, text)), 202);
    QTRY_VERIFY(m_window->signalsModel()->rowCount() >= 3);
    QVERIFY2(m_window->minimumSizeHint().width() <= 360, qPrintable(needs()));

    // Long unbroken text from the feed (a chat id, a link quoted as evidence, a case id whose
    // lookup fails with an error quoting it) wraps or clips; it never widens the window.
    const QString longId = u"chat-"_s + QString(80, u'x');
    const QString link = u"https://refund-help.example/"_s + QString(120, u'a');
    QCOMPARE(post(messageEvent(longId, u"Please log in at "_s + link + u" to get your refund"_s)),
             202);
    QCOMPARE(post(messageEvent(longId, u"I'm filing a chargeback today"_s)), 202);
    QTRY_COMPARE(m_window->findChild<QComboBox *>(u"conversationComboBox"_s)->count(), 2);
    m_manager->setActiveSession(longId);
    QTRY_VERIFY(m_window->findChild<QLabel *>(u"reasonsLabel"_s)->text().contains(link));
    QCOMPARE(post(caseOpened(longId, u"case-"_s + QString(80, u'9'))), 202);
    QTRY_COMPARE(shownCaseState(), session::CaseState::Failed);
    QVERIFY2(m_window->minimumSizeHint().width() <= 360, qPrintable(needs()));

    // A strong cue quoting a long run, and a customer whose name is one.
    const QString evidence = u"pay me at "_s + link;
    emit m_window->shownSession()->newHighFindings(
        {model::Finding{0, u"threat_pressure"_s, u"r"_s, 0, 5, evidence, 0.9}});
    QVERIFY(m_window->findChild<QLabel *>(u"attentionLabel"_s)->text().contains(evidence));
    QVERIFY2(m_window->minimumSizeHint().width() <= 360, qPrintable(needs()));
    const QString name = u"Dana"_s + QString(100, u'a');
    QVERIFY(storeCaseLike1001(u"case-long-name"_s, name));
    QCOMPARE(post(caseOpened(longId, u"case-long-name"_s)), 202);
    QTRY_COMPARE(shownCaseState(), session::CaseState::Ready);
    QTRY_VERIFY(m_window->findChild<QLabel *>(u"customerLabel"_s)->text().contains(name));
    QVERIFY2(m_window->minimumSizeHint().width() <= 360, qPrintable(needs()));

    // The action check quoting an order id the case does not hold.
    const QString orderId = u"114-"_s + QString(100, u'7');
    m_window->actionPanel()->proposeAction({{u"type"_s, u"refund"_s},
                                            {u"order_id"_s, orderId},
                                            {u"amount"_s, 10.0},
                                            {u"currency"_s, u"USD"_s},
                                            {u"method"_s, u"original_payment"_s}});
    const QString message = m_window->actionPanel()->findChild<QLabel *>(u"messageLabel"_s)->text();
    QVERIFY2(message.contains(orderId), qPrintable(message));
    QVERIFY2(m_window->minimumSizeHint().width() <= 360, qPrintable(needs()));
}

void TestSidebar::toolTipsShowCustomerTextLiterally()
{
    // The signals list, straight from the model the view asks.
    const QString evidence = u"<b>now</b> &amp; <img src=\"file:///etc/passwd\"> %1"_s;
    ui::SignalsModel model;
    model.setFindings({model::Finding{0, u"threat_pressure"_s, u"r"_s, 0, 5, evidence, 0.9}});
    for (int column = 0; column < model.columnCount(); ++column) {
        const QString tip = model.index(0, column).data(Qt::ToolTipRole).toString();
        const QString shown = shownAsToolTip(tip);
        QVERIFY2(shown.contains(u"“"_s + evidence + u"”"_s), qPrintable(shown));
        QVERIFY2(shown.contains(u"turn 1"_s), qPrintable(shown));
        // Screen readers get the text itself, not markup.
        QVERIFY(model.index(0, column).data(Qt::AccessibleTextRole).toString().contains(evidence));
    }

    // The case tree, with a case whose customer name carries markup and a bidi override.
    const QString name = u"<b>Dana</b> &lt;Reyes&gt; \u202Eevil"_s;
    QVERIFY(storeCaseLike1001(u"case-markup"_s, name));
    QCOMPARE(post(caseOpened(u"markup"_s, u"case-markup"_s)), 202);
    QTRY_COMPARE(shownCaseState(), session::CaseState::Ready);
    auto *tree = m_window->findChild<QTreeWidget *>(u"caseTreeWidget"_s);
    QTRY_VERIFY(!tree->findItems(u"Name"_s, Qt::MatchRecursive | Qt::MatchExactly).isEmpty());
    QTreeWidgetItem *row
        = tree->findItems(u"Name"_s, Qt::MatchRecursive | Qt::MatchExactly).constFirst();
    QCOMPARE(row->text(1), ui::displaySafe(name));
    QCOMPARE(shownAsToolTip(row->toolTip(1)), ui::displaySafe(name));
    const QLabel *header = m_window->findChild<QLabel *>(u"customerLabel"_s);
    QTRY_VERIFY2(header->text().contains(ui::displaySafe(name)), qPrintable(header->text()));
}

void TestSidebar::strongCueNoticeQuotesEvidenceAsTyped()
{
    QCOMPARE(post(messageEvent(u"pct"_s, u"Hello"_s)), 202);
    QTRY_COMPARE(shownConversation(), u"pct"_s);
    session::AssistSession *shown = m_window->shownSession();
    const model::Finding finding{0, u"threat_pressure"_s, u"r"_s, 0, 5, u"pay 100%1 now"_s, 0.9};
    emit shown->newHighFindings({finding});
    auto *attention = m_window->findChild<QLabel *>(u"attentionLabel"_s);
    QVERIFY(attention->isVisible());
    QVERIFY2(attention->text().contains(u"“pay 100%1 now” (turn 1)"_s),
             qPrintable(attention->text()));
}

void TestSidebar::trayNoticeLeavesOutTheCustomersWords()
{
    QSignalSpy announced(m_window.get(), &ui::SidebarWindow::highRiskContact);
    for (const QString &text : kDnaChat)
        QCOMPARE(post(messageEvent(u"dna"_s, text)), 202);
    QCOMPARE(post(messageEvent(u"dna"_s, u"Refund it now or I post a review everywhere."_s)), 202);
    QTRY_COMPARE(announced.count(), 1);
    const QString summary = announced.at(0).at(1).toString();
    QVERIFY2(summary.startsWith(u"dna: "_s), qPrintable(summary));
    const auto &judgement = m_window->shownSession()->judgement();
    QVERIFY(judgement);
    // Without a case every reason is a cue of the chat; the notice names one by its title.
    QStringList titles;
    for (const model::Finding &finding : judgement->detection.findings) {
        QVERIFY2(!summary.contains(finding.evidence), qPrintable(summary));
        titles.append(ui::cueTitle(finding.cue));
    }
    QVERIFY2(titles.contains(summary.mid(5)), qPrintable(summary));
}

void TestSidebar::reportGoesToTheChatItWasOpenedOn()
{
    QCOMPARE(post(caseOpened(u"dna"_s, u"case-1001"_s)), 202);
    for (const QString &text : kDnaChat)
        QCOMPARE(post(messageEvent(u"dna"_s, text)), 202);
    QCOMPARE(post(caseOpened(u"other"_s, u"case-1006"_s)), 202);
    QCOMPARE(post(messageEvent(u"other"_s, u"Hi, just checking my order status."_s)), 202);
    QTRY_COMPARE(shownConversation(), u"dna"_s);
    QTRY_COMPARE(shownCaseState(), session::CaseState::Ready);
    m_window->findChild<QTabWidget *>(u"detailTabWidget"_s)
        ->setCurrentWidget(m_window->findChild<QWidget *>(u"actionTab"_s));
    auto *report = m_window->actionPanel()->findChild<QPushButton *>(u"reportButton"_s);

    // The console switches chats (as the demo does) while the agent writes the report.
    QTest::mouseClick(report, Qt::LeftButton);
    QTRY_VERIFY(QApplication::activeModalWidget());
    QPointer<QWidget> dialog = QApplication::activeModalWidget();
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"noteTextEdit"_s),
                     u"Photo shows the porch"_s);
    m_manager->setActiveSession(u"other"_s);
    QTRY_COMPARE(shownConversation(), u"other"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"sendReportButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QList<audit::AuditRecord> records = rg::test::storedRecords(*m_dir);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.constFirst().kind, audit::RecordKind::Escalation);
    QCOMPARE(records.constFirst().caseId, u"case-1001"_s);
    QCOMPARE(records.constFirst().payload.value(u"conversation_id"_s).toString(), u"dna"_s);

    // The chat closes while its report is being written: nothing goes to the chat shown next.
    QTest::mouseClick(report, Qt::LeftButton);
    QTRY_VERIFY(QApplication::activeModalWidget());
    dialog = QApplication::activeModalWidget();
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"noteTextEdit"_s),
                     u"Asked for a gift card"_s);
    QPointer<session::AssistSession> closing = m_manager->session(u"other"_s);
    QCOMPARE(post(caseClosed(u"other"_s)), 202);
    QTRY_VERIFY(!closing);
    QTRY_COMPARE(shownConversation(), u"dna"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"sendReportButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(rg::test::storedRecords(*m_dir).size(), 1);
    auto *message = m_window->actionPanel()->findChild<QLabel *>(u"messageLabel"_s);
    QVERIFY2(message->text().contains(u"NOT recorded"_s), qPrintable(message->text()));
}

void TestSidebar::overrideDialogOutlivesItsSession()
{
    QCOMPARE(post(caseOpened(u"dna"_s, u"case-1001"_s)), 202);
    for (const QString &text : kDnaChat)
        QCOMPARE(post(messageEvent(u"dna"_s, text)), 202);
    QTRY_COMPARE(shownCaseState(), session::CaseState::Ready);
    m_window->actionPanel()->proposeAction(kBlockedRefund);
    QVERIFY(m_window->actionPanel()->decision());
    QPointer<ui::OverrideDialog> dialog = openOverrideDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QComboBox *>(u"categoryComboBox"_s), u"Supervisor"_s);
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"reasonTextEdit"_s),
                     u"Team lead approved after checking the photo"_s);
    QTest::keyClick(dialog->findChild<QCheckBox *>(u"confirmCheckBox"_s), Qt::Key_Space);
    auto *record = dialog->findChild<QPushButton *>(u"recordButton"_s);
    QVERIFY(record->isEnabled());

    QPointer<session::AssistSession> closing = m_window->shownSession();
    QCOMPARE(post(caseClosed(u"dna"_s)), 202);
    QTRY_VERIFY(!closing);
    QVERIFY(!m_window->shownSession());
    QVERIFY(dialog);
    QTest::mouseClick(record, Qt::LeftButton);
    QVERIFY(dialog);
    auto *error = dialog->findChild<QLabel *>(u"errorLabel"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"NOT recorded"_s), qPrintable(error->text()));
    QVERIFY2(error->text().contains(u"closed"_s), qPrintable(error->text()));
    QVERIFY(rg::test::storedRecords(*m_dir).isEmpty());
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"cancelOverrideButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
}

void TestSidebar::mnemonicsAreUnique()
{
    // A decision on screen, so that its buttons are there too.
    QCOMPARE(post(caseOpened(u"dna"_s, u"case-1001"_s)), 202);
    for (const QString &text : kDnaChat)
        QCOMPARE(post(messageEvent(u"dna"_s, text)), 202);
    QTRY_COMPARE(shownCaseState(), session::CaseState::Ready);
    m_window->actionPanel()->proposeAction(kBlockedRefund);
    QVERIFY(m_window->actionPanel()->decision());

    auto *tabs = m_window->findChild<QTabWidget *>(u"detailTabWidget"_s);
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        QHash<QString, QString> owners;
        // The clash \a text makes with a mnemonic already taken, empty when there is none.
        const auto claim = [&owners](const QString &text) {
            const QString key = QKeySequence::mnemonic(text).toString();
            if (key.isEmpty())
                return QString();
            if (owners.contains(key))
                return u"%1: both \"%2\" and \"%3\""_s.arg(key, owners.value(key), text);
            owners.insert(key, text);
            return QString();
        };
        QStringList texts;
        for (QAction *menu : m_window->menuBar()->actions())
            texts.append(menu->text());
        for (int i = 0; i < tabs->count(); ++i)
            texts.append(tabs->tabText(i));
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            if (!widget->isVisible())
                continue;
            if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy())
                texts.append(label->text());
            else if (auto *button = qobject_cast<QAbstractButton *>(widget))
                texts.append(button->text());
        }
        for (const QString &text : std::as_const(texts)) {
            const QString clash = claim(text);
            QVERIFY2(clash.isEmpty(), qPrintable(clash));
        }
    }
}

void TestSidebar::casePanelKeepsTheAgentsPlace()
{
    QCOMPARE(post(caseOpened(u"dna"_s, u"case-1001"_s)), 202);
    QCOMPARE(post(messageEvent(u"dna"_s, kDnaChat.at(0))), 202);
    QTRY_COMPARE(shownCaseState(), session::CaseState::Ready);
    auto *tabs = m_window->findChild<QTabWidget *>(u"detailTabWidget"_s);
    tabs->setCurrentWidget(m_window->findChild<QWidget *>(u"caseTab"_s));
    auto *tree = m_window->findChild<QTreeWidget *>(u"caseTreeWidget"_s);
    QTRY_VERIFY(
        !tree->findItems(u"114-2283917"_s, Qt::MatchRecursive | Qt::MatchExactly).isEmpty());
    QTreeWidgetItem *order
        = tree->findItems(u"114-2283917"_s, Qt::MatchRecursive | Qt::MatchExactly).constFirst();
    tree->setCurrentItem(order);
    QTreeWidgetItem *customer = tree->findItems(u"Customer"_s, Qt::MatchExactly).constFirst();
    customer->setExpanded(false);

    QCOMPARE(post(messageEvent(u"dna"_s, kDnaChat.at(1))), 202);
    QTRY_COMPARE(m_window->transcriptView()->shownTurns(), 2);
    QVERIFY(tree->currentItem());
    QCOMPARE(tree->currentItem()->text(0), u"114-2283917"_s);
    QVERIFY(!tree->findItems(u"Customer"_s, Qt::MatchExactly).constFirst()->isExpanded());
}

void TestSidebar::riskBadgeFollowsThePalette()
{
    QWidget header;
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    light.setColor(QPalette::WindowText, Qt::black);
    header.setPalette(light);
    ui::RiskBadge badge(&header);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    header.setPalette(dark);
    QCOMPARE(badge.palette().color(QPalette::Window), dark.color(QPalette::Window));
    QCOMPARE(badge.palette().color(QPalette::WindowText), dark.color(QPalette::WindowText));

    // A level brings its own colours, with white text on every one of them, and they go again
    // when the badge is cleared.
    badge.setAssessment(risk::Level::High, 0.9);
    QVERIFY(badge.palette().color(QPalette::Window) != dark.color(QPalette::Window));
    QCOMPARE(badge.palette().color(QPalette::WindowText), QColor(Qt::white));
    QVERIFY(badge.text().startsWith(u"High risk"_s));
    badge.setAssessment(std::nullopt);
    header.setPalette(light);
    QCOMPARE(badge.palette().color(QPalette::Window), light.color(QPalette::Window));
    QCOMPARE(badge.palette().color(QPalette::WindowText), light.color(QPalette::WindowText));
}

void TestSidebar::highlightsRedrawOnlyChangedTurns()
{
    ui::TranscriptView view;
    model::Conversation chat;
    chat.id = u"long"_s;
    std::vector<model::Finding> findings;
    for (int turn = 0; turn < 3; ++turn) {
        const QString text = u"Message %1: refund me or I file a chargeback"_s.arg(turn);
        chat.messages.append(customerSays(text));
        findings.push_back(chargebackIn(turn, text));
    }
    view.sync(chat, {}, findings);
    const int shownEnd = view.document()->characterCount() - 1;

    const QString text = u"Last one: a chargeback it is"_s;
    chat.messages.append(customerSays(text));
    findings.push_back(chargebackIn(3, text));
    QList<int> touched;
    connect(view.document(), &QTextDocument::contentsChange, &view,
            [&touched](int from, int, int) { touched.append(from); });
    view.sync(chat, {}, findings);
    QVERIFY(!touched.isEmpty());
    for (const int from : std::as_const(touched))
        QVERIFY2(
            from >= shownEnd,
            qPrintable(u"redrew position %1 of the %2 already shown"_s.arg(from).arg(shownEnd)));

    // Every finding is still marked, the old ones and the new one.
    for (const model::Finding &finding : findings) {
        QTextCursor cursor(view.document());
        cursor.setPosition(view.textPosition(finding.turn) + finding.start + 1);
        QVERIFY2(cursor.charFormat().background().style() != Qt::NoBrush,
                 qPrintable(QString::number(finding.turn)));
    }
    // A finding that goes away takes its mark with it; the others stay.
    findings.erase(findings.begin() + 1);
    view.sync(chat, {}, findings);
    QTextCursor dropped(view.document());
    dropped.setPosition(view.textPosition(1) + chargebackIn(1, chat.messages.at(1).text).start + 1);
    QCOMPARE(dropped.charFormat().background().style(), Qt::NoBrush);
    QTextCursor kept(view.document());
    kept.setPosition(view.textPosition(2) + findings.at(1).start + 1);
    QVERIFY(kept.charFormat().background().style() != Qt::NoBrush);
}

void TestSidebar::burstShowsEveryMessageInOrder()
{
    QCOMPARE(post(messageEvent(u"burst"_s, u"Hello"_s)), 202);
    QTRY_COMPARE(shownConversation(), u"burst"_s);
    session::AssistSession *shown = m_window->shownSession();
    constexpr int kBurst = 40;
    for (int i = 1; i <= kBurst; ++i) {
        shown->addMessage(model::Role::Customer,
                          i % 3 ? u"Message %1, where is it?"_s.arg(i)
                                : u"Message %1: refund me or I file a chargeback"_s.arg(i),
                          QDateTime());
    }
    ui::TranscriptView *transcript = m_window->transcriptView();
    QTRY_COMPARE(transcript->shownTurns(), kBurst + 1);
    const model::Conversation &chat = shown->conversation();
    for (int turn = 0; turn <= kBurst; ++turn) {
        const QString &text = chat.messages.at(turn).text;
        QTextCursor cursor(transcript->document());
        cursor.setPosition(transcript->textPosition(turn));
        cursor.setPosition(transcript->textPosition(turn) + int(text.size()),
                           QTextCursor::KeepAnchor);
        QCOMPARE(cursor.selectedText(), text);
    }
    const std::vector<model::Finding> &findings = shown->judgement()->detection.findings;
    QVERIFY(findings.size() >= size_t(kBurst / 3));
    ui::SignalsModel *model = m_window->signalsModel();
    QCOMPARE(model->rowCount(), int(findings.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        const model::Finding &finding = findings.at(size_t(row));
        QCOMPARE(model->finding(row), finding);
        QTextCursor cursor(transcript->document());
        cursor.setPosition(transcript->textPosition(finding.turn) + finding.start + 1);
        QVERIFY2(cursor.charFormat().background().style() != Qt::NoBrush,
                 qPrintable(QString::number(finding.turn)));
    }
}

void TestSidebar::actionTurnsAreDisplaySafe()
{
    ui::TranscriptView view;
    model::Conversation chat;
    chat.id = u"action"_s;
    chat.messages.append(model::Message{model::Role::Action,
                                        {},
                                        QJsonObject{{u"type"_s, u"refund"_s},
                                                    {u"order_id"_s, u"114-\u202E7193822"_s},
                                                    {u"method"_s, u"gift\u2066_card"_s},
                                                    {u"amount"_s, 10.0},
                                                    {u"currency"_s, u"USD"_s}}});
    view.sync(chat, {}, {});
    const QString shown = view.toPlainText();
    QVERIFY2(shown.contains(u"114-\uFFFD7193822"_s), qPrintable(shown));
    QVERIFY(!shown.contains(QChar(0x202E)));
    QVERIFY(!shown.contains(QChar(0x2066)));
}

void TestSidebar::failedJudgementIsReported()
{
    QCOMPARE(post(messageEvent(u"dna"_s, kDnaChat.at(0))), 202);
    QTRY_COMPARE(shownConversation(), u"dna"_s);
    emit m_window->shownSession()->judgeFailed(u"rule pack broke"_s);
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(u"could not be judged"_s), qPrintable(message));
    QVERIFY2(message.contains(u"rule pack broke"_s), qPrintable(message));
}

void TestSidebar::tabWalksTheWholeWindow()
{
    QCOMPARE(post(caseOpened(u"dna"_s, u"case-1001"_s)), 202);
    for (const QString &text : kDnaChat)
        QCOMPARE(post(messageEvent(u"dna"_s, text)), 202);
    QTRY_COMPARE(shownCaseState(), session::CaseState::Ready);
    m_window->actionPanel()->proposeAction(kBlockedRefund);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *switcher = m_window->findChild<QComboBox *>(u"conversationComboBox"_s);
    auto *tabs = m_window->findChild<QTabWidget *>(u"detailTabWidget"_s);
    const QStringList pages{u"transcriptTab"_s, u"caseTab"_s, u"actionTab"_s};
    const QStringList mustReach{u"transcriptView"_s, u"caseTreeWidget"_s, u"proceedButton"_s};
    for (qsizetype page = 0; page < pages.size(); ++page) {
        tabs->setCurrentWidget(m_window->findChild<QWidget *>(pages.at(page)));
        switcher->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(switcher->hasFocus());
        QStringList visited;
        for (int step = 0; step < 40 && (step == 0 || !switcher->hasFocus()); ++step) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            // The tab bar is named by its tabs' texts.
            if (!qobject_cast<QTabBar *>(focus))
                QVERIFY2(!focus->accessibleName().isEmpty(), qPrintable(focus->objectName()));
            visited.append(focus->objectName());
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        QVERIFY2(switcher->hasFocus(), qPrintable(visited.join(u", "_s)));
        QVERIFY2(visited.contains(u"signalsTreeView"_s), qPrintable(visited.join(u", "_s)));
        QVERIFY2(visited.contains(mustReach.at(page)), qPrintable(visited.join(u", "_s)));
    }
}

QTEST_MAIN(TestSidebar)
#include "tst_sidebar.moc"
