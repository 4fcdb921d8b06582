// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/auditlog.h"
#include "batch/engine.h"
#include "context/caseprovider.h"
#include "context/embeddedcaseprovider.h"
#include "context/httpcaseprovider.h"
#include "feed/bridge.h"
#include "session/sessionmanager.h"
#include "settings/settings.h"
#include "testsupport.h"
#include "ui/actionpanel.h"
#include "ui/displaytext.h"
#include "ui/riskbadge.h"
#include "ui/sidebarwindow.h"
#include "ui/signalsmodel.h"
#include "ui/transcriptview.h"

#include "../context/caseserverprocess.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
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

private:
    void openWindow();
    int post(const QJsonObject &event);
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
    auto provider = context::EmbeddedCaseProvider::openDemo(m_dir->filePath(u"demo.db"_s));
    QVERIFY2(provider, qPrintable(errorOf(provider)));
    m_provider = std::move(provider).value();
    audit::AuditLog::Options options;
    options.database = audit::DatabaseUrl::parse(u"sqlite://"_s + m_dir->filePath(u"audit.db"_s)).value();
    options.keyPath = m_dir->filePath(u"keys/audit.key"_s);
    auto log = audit::AuditLog::open(options);
    QVERIFY2(log, qPrintable(errorOf(log)));
    m_log = std::move(log).value();
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
    m_bridge = std::make_unique<feed::Bridge>(feed::BridgeConfig{0, kToken, {}});
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
    QCOMPARE(transcript->shownTurns(), kDnaChat.size() + 1);
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
    QTRY_COMPARE(shownCaseState(),
                 session::CaseState::Ready);
    m_window->actionPanel()->proposeAction({{u"type"_s, u"refund"_s},
                                            {u"order_id"_s, u"114-2283917"_s},
                                            {u"amount"_s, 129.99},
                                            {u"currency"_s, u"USD"_s},
                                            {u"method"_s, u"original_payment"_s},
                                            {u"return_required"_s, false}});
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
    for (const QString &text : kDnaChat)
        QCOMPARE(post(messageEvent(u"dna"_s, text)), 202);
    m_window->resize(360, 800);
    QTRY_COMPARE(m_window->width(), 360);
    QString wide;
    for (QWidget *child : m_window->findChildren<QWidget *>()) {
        if (child->minimumSizeHint().width() > 250)
            wide += u" %1(%2)"_s.arg(child->objectName()).arg(child->minimumSizeHint().width());
    }
    QVERIFY2(m_window->minimumSizeHint().width() <= 360,
             qPrintable(u"needs %1 px:%2"_s.arg(m_window->minimumSizeHint().width()).arg(wide)));
}

QTEST_MAIN(TestSidebar)
#include "tst_sidebar.moc"
