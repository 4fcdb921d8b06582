// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/finding.h"
#include "session/assistsession.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

namespace Ui {
class SidebarWindow;
}

class QSystemTrayIcon;

namespace rg::session {
class SessionManager;
}
namespace rg::settings {
class Settings;
}

namespace rg::ui {

class ActionPanel;
class CasePanel;
class RiskBadge;
class SignalsModel;
class TranscriptView;

// Use me as the agent's window: the open chats with a switcher; for the chat shown, the case
// header and risk badge, the signals with their evidence, the transcript, the case and the
// action check. Strong new cues draw attention without taking the keyboard from the console.
class SidebarWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SidebarWindow)

public:
    SidebarWindow(session::SessionManager &sessions, settings::Settings &settings,
                  QString bridgeToken, QWidget *parent = nullptr);
    ~SidebarWindow() override;

    ActionPanel *actionPanel() const { return m_actionPanel; }
    // Shows chat \a conversationId with \a action filled in and checked on the Action tab (the
    // demo's scripted moment, a console integration's "the agent is about to…").
    void proposeAction(const QString &conversationId, const QJsonObject &action);
    TranscriptView *transcriptView() const { return m_transcript; }
    SignalsModel *signalsModel() const { return m_signals; }
    session::AssistSession *shownSession() const { return m_shown; }
    // A line in the status bar saying where the feed comes from.
    void setFeedStatus(const QString &text);

signals:
    // A conversation's risk reached High for the first time; the tray (when there is one) says so.
    void highRiskContact(const QString &conversationId, const QString &summary);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addSession(session::AssistSession *session);
    void removeSession(const QString &conversationId);
    void showSession(session::AssistSession *session);
    void refresh();
    void refreshSoon();
    void refreshHeader();
    void onNewHighFindings(session::AssistSession *session, const QList<model::Finding> &findings);
    void onJudged(session::AssistSession *session);
    void showFinding(const QModelIndex &index);
    void setStayOnTop(bool on);
    void openSettings();
    void stepChat(int delta);
    void updateSwitcherItem(session::AssistSession *session);
    int switcherIndex(const QString &conversationId) const;

    std::unique_ptr<::Ui::SidebarWindow> m_ui;
    session::SessionManager &m_sessions;
    settings::Settings &m_settings;
    QString m_bridgeToken;
    SignalsModel *m_signals;
    TranscriptView *m_transcript;
    CasePanel *m_casePanel;
    ActionPanel *m_actionPanel;
    RiskBadge *m_riskBadge;
    QSystemTrayIcon *m_tray = nullptr;
    QPointer<session::AssistSession> m_shown;
    QMetaObject::Connection m_caseConnection;
    QTimer m_refreshTimer;         // runs for a short while after the shown chat was drawn
    bool m_refreshPending = false; // the shown chat was judged again meanwhile
    QSet<QString> m_unseen;        // chats with strong cues the agent has not looked at yet
    QSet<QString> m_highAnnounced; // chats whose High risk was already announced
};

} // namespace rg::ui
