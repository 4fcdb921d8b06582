// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/disposition.h"

#include "audit/auditstore.h"

namespace rg::review {

using namespace Qt::StringLiterals;

QJsonObject Reviewer::toJson() const
{
    QJsonObject json{{u"id"_s, id}, {u"role"_s, role}};
    if (!team.isEmpty())
        json.insert(u"team"_s, team);
    return json;
}

/*!
 * Builds the disposition record (payload: override_chain_id, override_seq, disposition id,
 * note) and appends it. Refused: an empty note (a manager reading the log later must learn why),
 * and a target that is not an override of \a caseId in the log's database, which is read
 * through its own short-lived connection: one lookup per human decision costs nothing, and a
 * mistyped seq would otherwise judge nothing forever. The chain is always written, so the
 * record still names its override when the supervisor's chain differs from the agent's.
 */
Result<audit::AuditRecord> recordDisposition(audit::AuditLog &log, const Reviewer &reviewer,
                                             const QString &caseId, const OverrideRef &target,
                                             Disposition disposition, const QString &note)
{
    if (note.trimmed().isEmpty())
        return Error{u"a disposition needs a note saying why"_s};
    if (target.seq < 1)
        return Error{u"a disposition names the override's seq (got %1)"_s.arg(target.seq)};
    const QString chainId = target.chainId.isEmpty() ? log.chainId() : target.chainId;

    auto store = audit::AuditStore::open(log.database());
    if (!store)
        return Error{u"cannot look the override up: "_s + store.error()};
    auto found = store.value()->records(chainId, target.seq - 1, 1);
    if (!found)
        return Error{u"cannot look the override up: "_s + found.error()};
    if (found.value().isEmpty() || found.value().first().seq != target.seq)
        return Error{u"chain %1 has no record at seq %2"_s.arg(chainId).arg(target.seq)};
    auto judged = audit::AuditRecord::fromStored(found.value().first().body,
                                                 found.value().first().hash);
    if (!judged)
        return Error{u"seq %1 of chain %2: %3"_s.arg(target.seq).arg(chainId, judged.error())};
    if (judged.value().kind != audit::RecordKind::Override) {
        return Error{u"seq %1 of chain %2 is a %3 record, not an override"_s.arg(target.seq)
                         .arg(chainId, audit::kindName(judged.value().kind))};
    }
    if (judged.value().caseId != caseId) {
        return Error{u"seq %1 of chain %2 is an override of case %3, not %4"_s.arg(target.seq)
                         .arg(chainId, judged.value().caseId, caseId)};
    }

    // Through fromJson, so the record is exactly what `audit append` would accept.
    auto draft = audit::RecordDraft::fromJson(
        {{u"kind"_s, audit::kindName(audit::RecordKind::Disposition)},
         {u"actor"_s, reviewer.toJson()},
         {u"case_id"_s, caseId},
         {u"payload"_s, QJsonObject{{u"override_chain_id"_s, chainId},
                                    {u"override_seq"_s, target.seq},
                                    {u"disposition"_s, dispositionName(disposition)},
                                    {u"note"_s, note.trimmed()}}}});
    if (!draft)
        return Error{draft.error()};
    return log.append(draft.value());
}

} // namespace rg::review
