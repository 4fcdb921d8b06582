// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/assistsession.h"

#include "audit/auditlog.h"
#include "batch/engine.h"
#include "context/caseprovider.h"
#include "log/log.h"
#include "policy/facts.h"
#include "risk/riskscorer.h"

namespace rg::session {

using namespace Qt::StringLiterals;

namespace {

// The reasons an override record carries: enough to review it, not the whole assessment.
constexpr int kTopReasons = 3;

} // namespace

QJsonObject AgentIdentity::toJson() const
{
    QJsonObject json{{u"id"_s, id}, {u"role"_s, role}};
    if (!team.isEmpty())
        json.insert(u"team"_s, team);
    return json;
}

QString caseStateName(CaseState state)
{
    switch (state) {
    case CaseState::None:
        return u"none"_s;
    case CaseState::Loading:
        return u"loading"_s;
    case CaseState::Ready:
        return u"ready"_s;
    case CaseState::Failed:
        return u"failed"_s;
    case CaseState::Stale:
        return u"stale"_s;
    }
    return u"none"_s;
}

AssistSession::AssistSession(QString conversationId, SessionServices services, QObject *parent)
    : ActionTarget(parent)
    , m_services(std::move(services))
    , m_judge(m_services.engine ? &m_services.engine->policies : nullptr,
              m_services.engine ? &m_services.engine->weights : nullptr)
{
    m_conversation.id = std::move(conversationId);
    if (m_services.caseProvider) {
        connect(m_services.caseProvider.data(), &context::CaseProvider::finished, this,
                &AssistSession::onCaseFetched);
    }
}

AssistSession::~AssistSession() = default;

/*!
 * Names the case of this conversation and asks the case provider for it; the conversation is
 * judged again when it arrives (or the state says why it did not).
 */
void AssistSession::openCase(const QString &caseId)
{
    m_caseId = caseId;
    context::CaseProvider *provider = m_services.caseProvider.data();
    if (!provider) {
        setCaseState(CaseState::Failed, u"no case provider is configured"_s);
        return;
    }
    setCaseState(CaseState::Loading);
    provider->fetch(caseId);
}

void AssistSession::onCaseFetched(const QString &caseId, const context::CaseFetch &result)
{
    // The provider is shared: answers for other cases, or for a case this session left, pass.
    if (caseId != m_caseId || m_caseState != CaseState::Loading)
        return;
    if (result.snapshot) {
        m_conversation.caseContext = result.snapshot->caseData.toJson();
        m_caseFetchedAt = result.snapshot->fetchedAt;
        m_caseSource = result.snapshot->source;
    }
    if (result.ok())
        setCaseState(CaseState::Ready);
    else if (result.snapshot)
        setCaseState(CaseState::Stale, result.error ? result.error->message : QString());
    else
        setCaseState(CaseState::Failed, result.error ? result.error->message : QString());
    if (result.snapshot)
        rejudge();
}

void AssistSession::setCaseState(CaseState state, const QString &error)
{
    m_caseError = error;
    if (state == m_caseState)
        return;
    m_caseState = state;
    emit caseStateChanged(state);
    emit caseChanged();
}

void AssistSession::addMessage(model::Role role, const QString &text, const QDateTime &time)
{
    m_conversation.messages.append(model::Message{role, text, {}});
    m_times.append(time);
    rejudge();
}

/*!
 * An action the agent took becomes a turn of the conversation, judged like the others. An
 * action that does not validate is refused: it would make the whole conversation unjudgeable.
 */
Result<bool> AssistSession::addAgentAction(const QJsonObject &action)
{
    auto valid = policy::validateAction(action, u"action"_s);
    if (!valid)
        return Error{valid.error()};
    m_conversation.messages.append(model::Message{model::Role::Action, {}, valid.value()});
    m_times.append(now());
    rejudge();
    return true;
}

// Only the new turns are judged (the whole conversation when the case arrives), so a chat of n
// turns costs O(n), not O(n^2). A turn's findings depend on its text alone, so the findings
// already looked at keep their places when the case arrives and everything is judged again.
void AssistSession::rejudge()
{
    if (!m_services.engine)
        return;
    auto updated = m_judge.update(m_conversation, *m_services.engine->matcher, now());
    if (!updated) {
        log::get("session")->warn("conversation {}: {}", m_conversation.id.toStdString(),
                                  updated.error().toStdString());
        emit judgeFailed(updated.error());
        return;
    }
    const batch::Judgement &judgement = *m_judge.judgement();
    QList<model::Finding> fresh;
    for (; m_announced < judgement.detection.findings.size(); ++m_announced) {
        const model::Finding &finding = judgement.detection.findings[m_announced];
        if (finding.weight >= kHighFindingWeight)
            fresh.append(finding);
    }
    emit judged(judgement);
    emit caseChanged();
    if (!fresh.isEmpty())
        emit newHighFindings(fresh);
}

QDateTime AssistSession::now() const
{
    return m_services.clock ? m_services.clock() : QDateTime::currentDateTimeUtc();
}

/*!
 * What the policies say about \a action if the agent took it now, in this conversation and
 * with its case (when it has arrived).
 */
Result<policy::Decision> AssistSession::checkAction(const QJsonObject &action)
{
    if (!m_services.engine)
        return Error{u"no rules and policies are loaded"_s};
    auto checked = batch::checkAction(*m_services.engine, m_conversation, action, u"action"_s,
                                      now());
    if (!checked)
        return Error{checked.error()};
    return std::move(checked).value().decision;
}

QJsonObject AssistSession::riskJson() const
{
    if (!m_judge.judgement())
        return {};
    const risk::Assessment &assessment = m_judge.judgement()->assessment;
    QJsonArray reasons;
    for (const risk::Reason &reason : assessment.reasons) {
        if (reasons.size() == kTopReasons)
            break;
        reasons.append(QJsonObject{{u"id"_s, reason.cue}, {u"text"_s, reason.text},
                                   {u"weight"_s, reason.weight}});
    }
    return {{u"score"_s, assessment.risk},
            {u"level"_s, risk::levelName(assessment.level)},
            {u"top_reasons"_s, reasons}};
}

/*
 * The case as the agent saw it when overriding, for the supervisor who reviews the override:
 * orders with their delivery evidence, claims, account changes, linked accounts, identity, the
 * agent's limit. The customer's name and verified contact values stay out (the review needs the
 * customer's id, not who they are); the log redacts what else looks personal before hashing.
 */
QJsonObject AssistSession::caseSnapshotJson() const
{
    QJsonObject snapshot = m_conversation.caseContext;
    if (snapshot.isEmpty())
        return snapshot;
    const QJsonObject customer = snapshot.value(u"customer"_s).toObject();
    QJsonObject minimal{{u"id"_s, customer.value(u"id"_s)}};
    if (customer.contains(u"account_created"_s))
        minimal.insert(u"account_created"_s, customer.value(u"account_created"_s));
    snapshot.insert(u"customer"_s, minimal);
    snapshot.insert(u"fetched_at"_s, audit::formatTime(m_caseFetchedAt));
    snapshot.insert(u"stale"_s, m_caseState == CaseState::Stale);
    return snapshot;
}

// The quoted evidence of every finding with the message it is in, so a reviewer reads it in
// context; the log redacts personal data in it before hashing.
QJsonArray AssistSession::evidenceJson() const
{
    QJsonArray evidence;
    if (!m_judge.judgement())
        return evidence;
    for (const model::Finding &finding : m_judge.judgement()->detection.findings) {
        evidence.append(QJsonObject{{u"turn"_s, finding.turn},
                                    {u"cue"_s, finding.cue},
                                    {u"quote"_s, finding.evidence},
                                    {u"message"_s, m_conversation.messages.value(finding.turn).text}});
    }
    return evidence;
}

/*!
 * Writes the agent's decision to go ahead against \a decision (warn or block) to the audit
 * log, with the reason and a snapshot of the risk and the evidence. A record that cannot be
 * written is an error the caller must show: an override is never dropped silently.
 */
const model::Case *AssistSession::actionCase() const
{
    const std::optional<batch::Judgement> &judgement = m_judge.judgement();
    return judgement && judgement->caseData ? &*judgement->caseData : nullptr;
}

Result<audit::AuditRecord> AssistSession::recordOverride(const QJsonObject &action,
                                                         const policy::Decision &decision,
                                                         const QString &reasonCategory,
                                                         const QString &reasonText)
{
    if (decision.verdict == policy::Verdict::Allow)
        return Error{u"the action is allowed: there is nothing to override"_s};
    if (reasonCategory.trimmed().isEmpty() || reasonText.trimmed().isEmpty())
        return Error{u"an override needs a reason category and a reason"_s};
    QJsonArray fired;
    for (const policy::FiredPolicy &policy : decision.fired)
        fired.append(policy.id);
    QJsonObject payload{{u"conversation_id"_s, m_conversation.id},
                        {u"action"_s, action},
                        {u"policies"_s, fired},
                        {u"verdict"_s, policy::verdictName(decision.verdict)},
                        {u"risk"_s, riskJson()},
                        {u"reason_category"_s, reasonCategory},
                        {u"reason"_s, reasonText},
                        {u"evidence"_s, evidenceJson()}};
    if (action.contains(u"amount"_s))
        payload.insert(u"amount"_s, action.value(u"amount"_s));
    if (const QJsonObject snapshot = caseSnapshotJson(); !snapshot.isEmpty()) {
        payload.insert(u"case"_s, snapshot);
        // Flat, as the analytics read it: amounts just under the agent's limit stand out.
        const QJsonValue limit = snapshot.value(u"agent"_s).toObject().value(u"refund_limit"_s);
        if (limit.isDouble())
            payload.insert(u"limit"_s, limit);
    }
    return append(audit::RecordKind::Override, payload);
}

// "Report suspected fraud": an escalation record with the agent's note and the evidence.
Result<audit::AuditRecord> AssistSession::recordEscalation(const QString &note)
{
    const QJsonObject payload{{u"conversation_id"_s, m_conversation.id},
                              {u"note"_s, note},
                              {u"risk"_s, riskJson()},
                              {u"evidence"_s, evidenceJson()}};
    return append(audit::RecordKind::Escalation, payload);
}

Result<audit::AuditRecord> AssistSession::append(audit::RecordKind kind,
                                                 const QJsonObject &payload)
{
    if (m_caseId.isEmpty()) {
        return Error{u"conversation %1 has no case yet: a record must name its case"_s.arg(
            m_conversation.id)};
    }
    const std::shared_ptr<audit::AuditLog> auditLog = m_services.auditLog.lock();
    if (!auditLog)
        return Error{u"the audit log is not open: nothing was recorded"_s};
    audit::RecordDraft draft;
    draft.kind = kind;
    draft.actor = m_services.agent.toJson();
    draft.caseId = m_caseId;
    draft.payload = payload;
    auto record = auditLog->append(draft);
    if (!record) {
        log::get("session")->error("audit append for case {} failed: {}", m_caseId.toStdString(),
                                   record.error().toStdString());
    }
    return record;
}

} // namespace rg::session
