// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditrecord.h"
#include "batch/judge.h"
#include "model/conversation.h"
#include "model/finding.h"
#include "model/result.h"
#include "policy/policypack.h"
#include "session/actiontarget.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace rg::audit {
class AuditLog;
}
namespace rg::batch {
struct Engine;
}
namespace rg::context {
class CaseProvider;
struct CaseFetch;
} // namespace rg::context

namespace rg::session {

// Who is at the console: the actor of every record a session writes.
struct AgentIdentity
{
    QString id;
    QString role = QStringLiteral("agent");
    QString team;

    QJsonObject toJson() const;
};

// A finding from this weight up draws the agent's attention when it first appears.
inline constexpr double kHighFindingWeight = 0.6;

// What the session knows of its case.
enum class CaseState { None, Loading, Ready, Failed, Stale };
QString caseStateName(CaseState state);

// What a session needs from outside; the engine and provider outlive the session, the log may
// go away (then records are refused with an error).
struct SessionServices
{
    batch::Engine *engine = nullptr;
    QPointer<context::CaseProvider> caseProvider;
    std::weak_ptr<audit::AuditLog> auditLog;
    AgentIdentity agent;
    std::function<QDateTime()> clock; // UTC now; the system clock when empty
};

// Use me for one live conversation: it keeps the transcript and the case, judges every change
// (only the new turns, or all of them when the case arrives), answers "may I do this?" and
// writes the agent's overrides and escalations.
class AssistSession final : public ActionTarget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssistSession)

public:
    AssistSession(QString conversationId, SessionServices services, QObject *parent = nullptr);
    ~AssistSession() override;

    const QString &conversationId() const { return m_conversation.id; }
    const QString &caseId() const { return m_caseId; }
    const model::Conversation &conversation() const { return m_conversation; }
    const QList<QDateTime> &messageTimes() const { return m_times; } // invalid: not given
    CaseState caseState() const { return m_caseState; }
    const QString &caseError() const { return m_caseError; }
    // When the shown case was fetched (for a stale copy: when it was last current), and from where.
    const QDateTime &caseFetchedAt() const { return m_caseFetchedAt; }
    const QString &caseSource() const { return m_caseSource; }
    const std::optional<batch::Judgement> &judgement() const { return m_judge.judgement(); }

    void openCase(const QString &caseId);
    void addMessage(model::Role role, const QString &text, const QDateTime &time);
    Result<bool> addAgentAction(const QJsonObject &action);

    const model::Case *actionCase() const override;
    Result<policy::Decision> checkAction(const QJsonObject &action) override;
    Result<audit::AuditRecord> recordOverride(const QJsonObject &action,
                                              const policy::Decision &decision,
                                              const QString &reasonCategory,
                                              const QString &reasonText) override;
    Result<audit::AuditRecord> recordEscalation(const QString &note) override;

signals:
    void judged(const rg::batch::Judgement &judgement);
    void newHighFindings(const QList<rg::model::Finding> &findings);
    void judgeFailed(const QString &error);
    void caseStateChanged(rg::session::CaseState state);

private:
    void onCaseFetched(const QString &caseId, const context::CaseFetch &result);
    void setCaseState(CaseState state, const QString &error = {});
    void rejudge();
    QDateTime now() const;
    QJsonObject riskJson() const;
    QJsonArray evidenceJson() const;
    QJsonObject caseSnapshotJson() const;
    Result<audit::AuditRecord> append(audit::RecordKind kind, const QJsonObject &payload);

    SessionServices m_services;
    model::Conversation m_conversation;
    QList<QDateTime> m_times;
    QString m_caseId;
    CaseState m_caseState = CaseState::None;
    QString m_caseError;
    QDateTime m_caseFetchedAt;
    QString m_caseSource;
    batch::LiveJudge m_judge;
    std::size_t m_announced = 0; // findings already looked at for newHighFindings
};

} // namespace rg::session

Q_DECLARE_METATYPE(rg::batch::Judgement)
Q_DECLARE_METATYPE(rg::session::CaseState)
