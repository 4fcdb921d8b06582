// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/sessionmanager.h"

#include "feed/bridge.h"
#include "log/log.h"
#include "policy/facts.h"
#include "sql/transaction.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace rg::session {

using namespace Qt::StringLiterals;

namespace {

std::atomic<int> s_connections{0};

Error sqlError(const QString &what, const QSqlError &error)
{
    return Error{u"session journal: %1: %2"_s.arg(what, error.text())};
}

} // namespace

SessionManager::SessionManager(QString connectionName, SessionServices services, QObject *parent)
    : QObject(parent), m_connectionName(std::move(connectionName)), m_services(std::move(services))
{}

SessionManager::~SessionManager()
{
    // Sessions go first: they are children, but nothing may outlive the connection they used.
    qDeleteAll(m_order);
    m_order.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

/*!
 * Opens the journal (a SQLite file, created when missing) and replays the events of the
 * conversations that were not closed, so their sessions come back with the same messages and
 * case. Replayed events are not journaled again.
 */
Result<std::unique_ptr<SessionManager>> SessionManager::open(const QString &journalPath,
                                                             SessionServices services,
                                                             QObject *parent)
{
    const QString name = u"rg-session-journal-%1"_s.arg(s_connections++);
    std::unique_ptr<SessionManager> manager(new SessionManager(name, std::move(services), parent));
    auto opened = manager->openJournal(journalPath);
    if (!opened)
        return Error{opened.error()};
    auto replayed = manager->replay();
    if (!replayed)
        return Error{replayed.error()};
    return manager;
}

Result<bool> SessionManager::openJournal(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(path);
    if (!db.open())
        return sqlError(u"cannot open %1"_s.arg(path), db.lastError());
    QSqlQuery query(db);
    // A lost last event after a power cut is acceptable here; the audit log is the record.
    for (const QString &pragma : {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s}) {
        if (!query.exec(pragma))
            return sqlError(pragma, query.lastError());
    }
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return sqlError(u"reading the schema version"_s, query.lastError());
    const int version = query.value(0).toInt();
    if (version > kJournalVersion) {
        return Error{u"session journal: %1 has schema version %2, newer than this program's %3"_s
                         .arg(path)
                         .arg(version)
                         .arg(kJournalVersion)};
    }
    if (version == kJournalVersion)
        return true;
    sql::Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return Error{u"session journal: creating the schema: "_s + begun.error()};
    const bool created =
        query.exec(u"CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                   "conversation TEXT NOT NULL, event TEXT NOT NULL)"_s)
        && query.exec(u"CREATE INDEX events_conversation ON events (conversation)"_s)
        && query.exec(u"PRAGMA user_version = %1"_s.arg(kJournalVersion));
    if (!created)
        return sqlError(u"creating the schema"_s, query.lastError());
    if (auto committed = transaction.commit(); !committed)
        return Error{u"session journal: creating the schema: "_s + committed.error()};
    return true;
}

Result<bool> SessionManager::replay()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"SELECT seq, event FROM events ORDER BY seq"_s))
        return sqlError(u"reading the events"_s, query.lastError());
    while (query.next()) {
        auto event = feed::FeedEvent::parse(query.value(1).toByteArray());
        // One unreadable entry loses its event, not the shift: the rest still replays.
        if (!event) {
            log::get("session")->warn("journal event {} skipped: {}", query.value(0).toLongLong(),
                                      event.error().toStdString());
            continue;
        }
        auto applied = apply(event.value());
        if (!applied) {
            log::get("session")->warn("journal event {} not replayed: {}",
                                      query.value(0).toLongLong(), applied.error().toStdString());
        }
    }
    return true;
}

void SessionManager::connectBridge(feed::Bridge *bridge)
{
    connect(bridge, &feed::Bridge::eventReceived, this, &SessionManager::onEvent);
}

void SessionManager::onEvent(const feed::FeedEvent &event)
{
    auto handled = handleEvent(event);
    if (!handled) {
        log::get("session")->warn("event rejected: {}", handled.error().toStdString());
        emit eventRejected(handled.error());
    }
}

/*!
 * Takes one feed event: checks it fits the conversations we have, journals it, then applies
 * it. An event the journal cannot take is refused rather than applied, so what the agent sees
 * is always what a restart would bring back.
 */
Result<bool> SessionManager::handleEvent(const feed::FeedEvent &event)
{
    auto valid = check(event);
    if (!valid)
        return valid;
    feed::FeedEvent stamped = event;
    // A message keeps the time it arrived, when the sender gave none, across a restart too.
    if (stamped.type == feed::FeedEventType::Message && !stamped.time.isValid())
        stamped.time = m_services.clock ? m_services.clock() : QDateTime::currentDateTimeUtc();
    auto journaled = journal(stamped);
    if (!journaled)
        return journaled;
    return apply(stamped);
}

Result<bool> SessionManager::check(const feed::FeedEvent &event) const
{
    if (event.conversationId.isEmpty())
        return Error{u"event without a conversation id"_s};
    const bool known = session(event.conversationId) != nullptr;
    switch (event.type) {
    case feed::FeedEventType::CaseOpened:
        if (event.caseId.isEmpty())
            return Error{u"case_opened on %1 without a case id"_s.arg(event.conversationId)};
        return true;
    case feed::FeedEventType::Message:
        return true;
    case feed::FeedEventType::AgentAction: {
        if (!known)
            return Error{u"agent_action on unknown conversation %1"_s.arg(event.conversationId)};
        auto action = policy::validateAction(event.action, u"action"_s);
        if (!action)
            return Error{action.error()};
        return true;
    }
    case feed::FeedEventType::CaseClosed:
        if (!known)
            return Error{u"case_closed on unknown conversation %1"_s.arg(event.conversationId)};
        return true;
    }
    return Error{u"unknown event type"_s};
}

// One statement per event, atomic on its own; a closed conversation leaves the journal with its
// close.
Result<bool> SessionManager::journal(const feed::FeedEvent &event)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (event.type == feed::FeedEventType::CaseClosed) {
        query.prepare(u"DELETE FROM events WHERE conversation = ?"_s);
        query.addBindValue(event.conversationId);
    } else {
        query.prepare(u"INSERT INTO events (conversation, event) VALUES (?, ?)"_s);
        query.addBindValue(event.conversationId);
        query.addBindValue(QString::fromUtf8(QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact)));
    }
    if (!query.exec())
        return sqlError(u"writing an event of %1"_s.arg(event.conversationId), query.lastError());
    return true;
}

Result<bool> SessionManager::apply(const feed::FeedEvent &event)
{
    AssistSession *target = session(event.conversationId);
    switch (event.type) {
    case feed::FeedEventType::CaseOpened:
        if (!target)
            target = openSession(event.conversationId);
        if (target->caseId() != event.caseId)
            target->openCase(event.caseId);
        return true;
    case feed::FeedEventType::Message:
        if (!target)
            target = openSession(event.conversationId);
        target->addMessage(event.role, event.text, event.time);
        return true;
    case feed::FeedEventType::AgentAction:
        if (!target)
            return Error{u"agent_action on unknown conversation %1"_s.arg(event.conversationId)};
        return target->addAgentAction(event.action);
    case feed::FeedEventType::CaseClosed:
        closeSession(event.conversationId);
        return true;
    }
    return Error{u"unknown event type"_s};
}

AssistSession *SessionManager::session(const QString &conversationId) const
{
    for (AssistSession *candidate : m_order) {
        if (candidate->conversationId() == conversationId)
            return candidate;
    }
    return nullptr;
}

AssistSession *SessionManager::openSession(const QString &conversationId)
{
    auto *created = new AssistSession(conversationId, m_services, this);
    m_order.append(created);
    emit sessionOpened(created);
    if (!m_active) {
        m_active = created;
        emit activeChanged(m_active);
    }
    return created;
}

void SessionManager::closeSession(const QString &conversationId)
{
    AssistSession *closing = session(conversationId);
    if (!closing)
        return;
    m_order.removeOne(closing);
    if (m_active == closing) {
        m_active = m_order.isEmpty() ? nullptr : m_order.constFirst();
        emit activeChanged(m_active);
    }
    emit sessionClosed(conversationId);
    closing->deleteLater();
}

void SessionManager::setActiveSession(const QString &conversationId)
{
    AssistSession *next = session(conversationId);
    if (!next || next == m_active)
        return;
    m_active = next;
    emit activeChanged(m_active);
}

} // namespace rg::session
