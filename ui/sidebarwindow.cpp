// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sidebarwindow.h"

#include "log/log.h"
#include "model/casederived.h"
#include "model/cue.h"
#include "session/assistsession.h"
#include "session/sessionmanager.h"
#include "settings/settings.h"
#include "ui/actionpanel.h"
#include "ui/casepanel.h"
#include "ui/displaytext.h"
#include "ui/riskbadge.h"
#include "ui/settingsdialog.h"
#include "ui/signalsmodel.h"
#include "ui/transcriptview.h"
#include "ui_sidebarwindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QStyle>
#include <QSystemTrayIcon>

namespace rg::ui {

namespace {

constexpr int kHeaderReasons = 3;
// After the shown chat was drawn, how long its further judgements are gathered before it is drawn
// again: under a burst of events the transcript, signals and header are laid out and painted once
// per interval, not once per event, while a lone message is drawn at once.
constexpr int kRefreshIntervalMs = 40;

// The ids come from the console's feed, so they are made display-safe like customer text.
QString chatTitle(const session::AssistSession &session)
{
    if (session.caseId().isEmpty())
        return displaySafe(session.conversationId());
    return displaySafe(QStringLiteral("%1 · %2").arg(session.caseId(), session.conversationId()));
}

// What the tray says about a High-risk chat: the chat and the strongest reason by its name. The
// customer's words stay out of it: a desktop notification may be read as markup, and it lands
// in the notification history, outside the sidebar.
QString highRiskSummary(const session::AssistSession &session, const risk::Assessment &assessment)
{
    if (assessment.reasons.empty())
        return chatTitle(session);
    const risk::Reason &top = assessment.reasons.front();
    // A sequence or case signal: its text is the engine's, but case data (an order id) is in it.
    const QString reason
        = model::findCue(top.cue) ? cueTitle(top.cue) : displaySafe(top.text);
    return QStringLiteral("%1: %2").arg(chatTitle(session), reason);
}

// The engine counts turns from 0 (the transcript contract); the window counts them from 1, as the
// agent reads the chat.
QString shownReason(const risk::Reason &reason)
{
    const QString suffix = QStringLiteral(" (turn %1)").arg(reason.turn);
    if (reason.turn < 0 || !reason.text.endsWith(suffix))
        return reason.text;
    return reason.text.chopped(suffix.size()) + QStringLiteral(" (turn %1)").arg(reason.turn + 1);
}

} // namespace

SidebarWindow::SidebarWindow(session::SessionManager &sessions, settings::Settings &settings,
                             QString bridgeToken, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<::Ui::SidebarWindow>()), m_sessions(sessions),
      m_settings(settings), m_bridgeToken(std::move(bridgeToken)), m_signals(new SignalsModel(this))
{
    m_ui->setupUi(this);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_refreshPending)
            refreshSoon();
    });

    m_riskBadge = new RiskBadge(this);
    // The layout hands back the placeholder's item: ours to delete.
    delete m_ui->headerLayout->replaceWidget(m_ui->riskBadgePlaceholder, m_riskBadge);
    delete m_ui->riskBadgePlaceholder;
    m_ui->riskBadgePlaceholder = nullptr;

    m_transcript = new TranscriptView(m_ui->transcriptTab);
    m_transcript->setObjectName(QStringLiteral("transcriptView"));
    m_ui->transcriptLayout->addWidget(m_transcript);
    m_casePanel = new CasePanel(m_ui->caseTab);
    m_casePanel->setObjectName(QStringLiteral("casePanel"));
    m_ui->caseLayout->addWidget(m_casePanel);
    m_actionPanel = new ActionPanel(m_ui->actionTab);
    m_actionPanel->setObjectName(QStringLiteral("actionPanel"));
    m_ui->actionLayout->addWidget(m_actionPanel);

    QTreeView *signalsView = m_ui->signalsTreeView;
    signalsView->setModel(m_signals);
    signalsView->header()->setStretchLastSection(false);
    signalsView->header()->setSectionResizeMode(SignalsModel::CueColumn, QHeaderView::ResizeToContents);
    signalsView->header()->setSectionResizeMode(SignalsModel::EvidenceColumn, QHeaderView::Stretch);
    signalsView->header()->setSectionResizeMode(SignalsModel::TurnColumn, QHeaderView::ResizeToContents);
    connect(signalsView, &QTreeView::clicked, this, &SidebarWindow::showFinding);
    connect(signalsView, &QTreeView::activated, this, &SidebarWindow::showFinding);
    m_ui->mainSplitter->setStretchFactor(0, 1);
    m_ui->mainSplitter->setStretchFactor(1, 2);
    m_ui->attentionLabel->hide();
    for (QLabel *label :
         {m_ui->caseLabel, m_ui->customerLabel, m_ui->reasonsLabel, m_ui->attentionLabel})
        letShrinkBelowLongestWord(label);

    connect(m_ui->conversationComboBox, &QComboBox::activated, this, [this](int index) {
        m_sessions.setActiveSession(m_ui->conversationComboBox->itemData(index).toString());
    });
    connect(&m_sessions, &session::SessionManager::sessionOpened, this, &SidebarWindow::addSession);
    connect(&m_sessions, &session::SessionManager::sessionClosed, this, &SidebarWindow::removeSession);
    connect(&m_sessions, &session::SessionManager::activeChanged, this,
            [this](session::AssistSession *session) { showSession(session); });
    connect(&m_sessions, &session::SessionManager::eventRejected, this, [this](const QString &error) {
        statusBar()->showMessage(tr("Feed event refused: %1").arg(error), 10000);
    });

    connect(m_ui->settingsAction, &QAction::triggered, this, &SidebarWindow::openSettings);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->stayOnTopAction, &QAction::toggled, this, [this](bool on) {
        setStayOnTop(on);
        auto stored = m_settings.setValue(settings::Key::StayOnTop, on);
        if (stored)
            stored = m_settings.save();
        if (!stored)
            statusBar()->showMessage(tr("Stay on top not saved: %1").arg(stored.error()), 10000);
    });
    connect(m_ui->nextChatAction, &QAction::triggered, this, [this] { stepChat(1); });
    connect(m_ui->previousChatAction, &QAction::triggered, this, [this] { stepChat(-1); });
    connect(m_ui->focusSignalsAction, &QAction::triggered, this,
            [this] { m_ui->signalsTreeView->setFocus(Qt::ShortcutFocusReason); });
    connect(m_actionPanel, &ActionPanel::overrideRecorded, this, [this](const audit::AuditRecord &record) {
        statusBar()->showMessage(tr("Override recorded in the audit log (seq %1).").arg(record.seq), 10000);
    });
    connect(m_actionPanel, &ActionPanel::escalationRecorded, this, [this](const audit::AuditRecord &record) {
        statusBar()->showMessage(tr("Suspected fraud reported (audit seq %1).").arg(record.seq), 10000);
    });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning), this);
        m_tray->setToolTip(windowTitle());
        m_tray->show();
        connect(this, &SidebarWindow::highRiskContact, m_tray,
                [this](const QString &, const QString &summary) {
                    m_tray->showMessage(tr("High-risk contact"), summary, QSystemTrayIcon::Warning);
                });
    }

    const QByteArray geometry = m_settings.value(settings::Key::WindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(400, 820);
    const bool onTop = m_settings.value(settings::Key::StayOnTop).toBool();
    m_ui->stayOnTopAction->setChecked(onTop);
    m_ui->stayOnTopAction->setEnabled(!m_settings.isLocked(settings::Key::StayOnTop));
    setStayOnTop(onTop);

    for (session::AssistSession *session : m_sessions.sessions())
        addSession(session);
    showSession(m_sessions.activeSession());
}

SidebarWindow::~SidebarWindow() = default;

void SidebarWindow::setFeedStatus(const QString &text)
{
    auto *label = findChild<QLabel *>(QStringLiteral("feedStatusLabel"));
    if (!label) {
        label = new QLabel(this);
        label->setObjectName(QStringLiteral("feedStatusLabel"));
        label->setTextFormat(Qt::PlainText);
        statusBar()->addPermanentWidget(label);
    }
    label->setText(text);
}

void SidebarWindow::addSession(session::AssistSession *session)
{
    if (switcherIndex(session->conversationId()) >= 0)
        return;
    m_ui->conversationComboBox->addItem(chatTitle(*session), session->conversationId());
    connect(session, &session::AssistSession::judged, this, [this, session] { onJudged(session); });
    connect(session, &session::AssistSession::newHighFindings, this,
            [this, session](const QList<model::Finding> &findings) { onNewHighFindings(session, findings); });
    connect(session, &session::AssistSession::caseStateChanged, this,
            [this, session] { updateSwitcherItem(session); });
    // The risk and signals shown are from the last judgement that worked: say that this one
    // failed rather than let them pass for current.
    connect(session, &session::AssistSession::judgeFailed, this,
            [this, session](const QString &error) {
                statusBar()->showMessage(tr("%1 could not be judged, what is shown is older: %2")
                                             .arg(chatTitle(*session), displaySafe(error)),
                                         15000);
            });
    updateSwitcherItem(session);
}

void SidebarWindow::removeSession(const QString &conversationId)
{
    const int index = switcherIndex(conversationId);
    if (index >= 0)
        m_ui->conversationComboBox->removeItem(index);
    m_unseen.remove(conversationId);
    m_highAnnounced.remove(conversationId);
}

int SidebarWindow::switcherIndex(const QString &conversationId) const
{
    return m_ui->conversationComboBox->findData(conversationId);
}

void SidebarWindow::updateSwitcherItem(session::AssistSession *session)
{
    const int index = switcherIndex(session->conversationId());
    if (index < 0)
        return;
    QString title = chatTitle(*session);
    QIcon icon;
    if (session->judgement()) {
        const risk::Level level = session->judgement()->assessment.level;
        title += QStringLiteral(" · ") + levelTitle(level);
        if (level == risk::Level::High)
            icon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    }
    // A chat in the background with strong cues the agent has not seen says so in words too.
    if (m_unseen.contains(session->conversationId()))
        title = tr("[new cues] %1").arg(title);
    // Judged on every message, a chat's title rarely changes; setting it anyway makes the
    // switcher measure all its items again.
    QComboBox *box = m_ui->conversationComboBox;
    if (box->itemText(index) != title)
        box->setItemText(index, title);
    if (box->itemIcon(index).isNull() != icon.isNull())
        box->setItemIcon(index, icon);
}

void SidebarWindow::stepChat(int delta)
{
    QComboBox *box = m_ui->conversationComboBox;
    if (box->count() < 2)
        return;
    const int next = (box->currentIndex() + delta + box->count()) % box->count();
    m_sessions.setActiveSession(box->itemData(next).toString());
}

void SidebarWindow::showSession(session::AssistSession *session)
{
    if (session == m_shown && session)
        return;
    m_shown = session;
    m_transcript->reset();
    m_signals->setFindings({});
    m_casePanel->setSession(session);
    m_actionPanel->setTarget(session);
    m_ui->attentionLabel->hide();
    disconnect(m_caseConnection);
    if (session) {
        m_caseConnection = connect(session, &session::AssistSession::caseStateChanged, this,
                                   &SidebarWindow::refreshHeader);
        m_unseen.remove(session->conversationId());
        updateSwitcherItem(session);
        m_ui->conversationComboBox->setCurrentIndex(switcherIndex(session->conversationId()));
    }
    m_refreshPending = false;
    refresh();
}

void SidebarWindow::onJudged(session::AssistSession *session)
{
    updateSwitcherItem(session);
    if (session->judgement() && session->judgement()->assessment.level == risk::Level::High
        && !m_highAnnounced.contains(session->conversationId())) {
        m_highAnnounced.insert(session->conversationId());
        emit highRiskContact(session->conversationId(),
                             highRiskSummary(*session, session->judgement()->assessment));
    }
    if (session == m_shown)
        refreshSoon();
}

void SidebarWindow::refreshSoon()
{
    if (m_refreshTimer.isActive()) {
        m_refreshPending = true;
        return;
    }
    m_refreshPending = false;
    refresh();
    m_refreshTimer.start();
}

void SidebarWindow::refresh()
{
    session::AssistSession *session = m_shown;
    if (session && session->judgement()) {
        const auto &findings = session->judgement()->detection.findings;
        m_signals->setFindings(findings);
        m_transcript->sync(session->conversation(), session->messageTimes(), findings);
    } else if (session) {
        m_transcript->sync(session->conversation(), session->messageTimes(), {});
    }
    refreshHeader();
}

void SidebarWindow::refreshHeader()
{
    session::AssistSession *session = m_shown;
    if (!session) {
        m_ui->caseLabel->setText(tr("No open chat"));
        m_ui->customerLabel->setText(tr("Waiting for the console to send a conversation."));
        m_ui->reasonsLabel->clear();
        m_riskBadge->setAssessment(std::nullopt);
        setWindowTitle(tr("Refund Guard"));
        return;
    }
    m_ui->caseLabel->setText(displaySafe(
        session->caseId().isEmpty() ? tr("Chat %1 (no case yet)").arg(session->conversationId())
                                    : tr("Case %1").arg(session->caseId())));
    const auto &judgement = session->judgement();
    if (judgement && judgement->caseData) {
        const model::Case &c = *judgement->caseData;
        const auto derived = model::CaseDerived::of(c, QDateTime::currentDateTimeUtc());
        m_ui->customerLabel->setText(tr("%1 · account %n day(s) old", nullptr, int(derived.accountAgeDays))
                                         .arg(displaySafe(c.customer.name)));
    } else {
        m_ui->customerLabel->setText(tr("Customer: %1").arg(caseStateName(session->caseState())));
    }
    if (judgement) {
        m_riskBadge->setAssessment(judgement->assessment.level, judgement->assessment.risk);
        QStringList reasons;
        for (const risk::Reason &reason : judgement->assessment.reasons) {
            if (reasons.size() == kHeaderReasons)
                break;
            reasons << displaySafe(shownReason(reason));
        }
        m_ui->reasonsLabel->setText(reasons.isEmpty() ? tr("No cues so far.") : reasons.join(QStringLiteral("\n")));
        setWindowTitle(tr("%1 — Refund Guard").arg(levelTitle(judgement->assessment.level)));
    } else {
        m_riskBadge->setAssessment(std::nullopt);
        m_ui->reasonsLabel->clear();
    }
}

void SidebarWindow::onNewHighFindings(session::AssistSession *session, const QList<model::Finding> &findings)
{
    if (findings.isEmpty())
        return;
    const model::Finding &first = findings.constFirst();
    // One arg() call: a "%1" the customer typed must not take the turn number's place.
    const QString text = tr("New strong cue: %1 — “%2” (turn %3)")
                             .arg(cueTitle(first.cue), displaySafe(first.evidence),
                                  QString::number(first.turn + 1));
    if (session == m_shown) {
        m_ui->attentionLabel->setText(findings.size() > 1 ? tr("%1, and %n more", nullptr, int(findings.size() - 1)).arg(text)
                                                          : text);
        m_ui->attentionLabel->show();
    } else {
        m_unseen.insert(session->conversationId());
        updateSwitcherItem(session);
    }
    // Flashes the taskbar entry where the platform has one; never raises the window or takes
    // focus from the console the agent is typing in.
    QApplication::alert(this);
    statusBar()->showMessage(QStringLiteral("%1: %2").arg(chatTitle(*session), text), 15000);
}

void SidebarWindow::proposeAction(const QString &conversationId, const QJsonObject &action)
{
    m_sessions.setActiveSession(conversationId);
    const session::AssistSession *shown = m_shown.data();
    if (!shown || shown->conversationId() != conversationId)
        return;
    m_ui->detailTabWidget->setCurrentWidget(m_ui->actionTab);
    m_actionPanel->proposeAction(action);
}

void SidebarWindow::showFinding(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const model::Finding &finding = m_signals->finding(index.row());
    m_ui->detailTabWidget->setCurrentWidget(m_ui->transcriptTab);
    m_transcript->showSpan(finding.turn, finding.start, finding.end);
}

void SidebarWindow::setStayOnTop(bool on)
{
    if (bool(windowFlags() & Qt::WindowStaysOnTopHint) == on)
        return;
    const bool visible = isVisible();
    setWindowFlag(Qt::WindowStaysOnTopHint, on);
    if (visible)
        QMainWindow::show(); // changing window flags hides the window
}

void SidebarWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_settings, m_bridgeToken, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::settingsSaved, this, [this](const QList<settings::Key> &changed) {
        if (changed.contains(settings::Key::StayOnTop))
            m_ui->stayOnTopAction->setChecked(m_settings.value(settings::Key::StayOnTop).toBool());
    });
    dialog->open();
}

void SidebarWindow::closeEvent(QCloseEvent *event)
{
    auto stored = m_settings.setValue(settings::Key::WindowGeometry, saveGeometry());
    if (stored)
        stored = m_settings.save();
    if (!stored)
        log::get("ui")->warn("window geometry not saved: {}", stored.error().toStdString());
    QMainWindow::closeEvent(event);
}

} // namespace rg::ui
