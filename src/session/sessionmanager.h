// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedevent.h"
#include "model/result.h"
#include "session/assistsession.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace rg::feed {
class Bridge;
}

namespace rg::session {

// Use me to run every live conversation of the agent: feed events go to their conversation's
// session (made on the first sight of it), and each accepted event is journaled first, so a
// crash or a restart resumes where it was.
class SessionManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionManager)

public:
    static constexpr int kJournalVersion = 1;

    ~SessionManager() override;

    // Opens (or creates) the journal at \a journalPath and replays its open conversations.
    static Result<std::unique_ptr<SessionManager>> open(const QString &journalPath,
                                                        SessionServices services,
                                                        QObject *parent = nullptr);

    void connectBridge(feed::Bridge *bridge);
    Result<bool> handleEvent(const feed::FeedEvent &event);

    QList<AssistSession *> sessions() const { return m_order; } // in opening order, for a switcher
    AssistSession *session(const QString &conversationId) const;
    AssistSession *activeSession() const { return m_active; }
    void setActiveSession(const QString &conversationId);

signals:
    void sessionOpened(rg::session::AssistSession *session);
    void sessionClosed(const QString &conversationId);
    void activeChanged(rg::session::AssistSession *session);
    void eventRejected(const QString &error);

private:
    SessionManager(QString connectionName, SessionServices services, QObject *parent);
    Result<bool> openJournal(const QString &path);
    Result<bool> replay();
    Result<bool> check(const feed::FeedEvent &event) const;
    Result<bool> journal(const feed::FeedEvent &event);
    Result<bool> apply(const feed::FeedEvent &event);
    AssistSession *openSession(const QString &conversationId);
    void closeSession(const QString &conversationId);
    void onEvent(const feed::FeedEvent &event);

    QString m_connectionName;
    SessionServices m_services;
    QList<AssistSession *> m_order;
    AssistSession *m_active = nullptr;
};

} // namespace rg::session
