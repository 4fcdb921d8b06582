// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditrecord.h"
#include "model/case.h"
#include "model/result.h"
#include "policy/policypack.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace rg::session {

// Implement me where an agent asks "may I do this?": the live chat on shift (AssistSession) or
// a training run. The action panel checks actions and records overrides and fraud reports here,
// and lists the orders of caseData().
class ActionTarget : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionTarget)

public:
    using QObject::QObject;
    ~ActionTarget() override = default;

    // The case whose orders the agent picks from; null while there is none.
    virtual const model::Case *actionCase() const = 0;
    // True for a training run: its records exist for the debrief only, not in any audit log.
    virtual bool isPractice() const { return false; }

    virtual Result<policy::Decision> checkAction(const QJsonObject &action) = 0;
    virtual Result<audit::AuditRecord> recordOverride(const QJsonObject &action,
                                                      const policy::Decision &decision,
                                                      const QString &reasonCategory,
                                                      const QString &reasonText) = 0;
    virtual Result<audit::AuditRecord> recordEscalation(const QString &note) = 0;

signals:
    // actionCase() may have changed (it arrived, went stale, or another case was opened).
    void caseChanged();
};

} // namespace rg::session
