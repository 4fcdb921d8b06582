// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditrecord.h"
#include "policy/policypack.h"
#include "session/actiontarget.h"

#include <QJsonObject>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class ActionPanel;
}

namespace rg::ui {

// Use me where the agent asks "may I do this?": they describe a refund, replacement, concession
// or account change, check it against the policies, and either cancel or go ahead through a
// recorded override; they can also report suspected fraud from here.
class ActionPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionPanel)

public:
    explicit ActionPanel(QWidget *parent = nullptr);
    ~ActionPanel() override;

    void setTarget(rg::session::ActionTarget *target);
    rg::session::ActionTarget *target() const { return m_target.data(); }

    void proposeAction(const QJsonObject &action);
    QJsonObject currentAction() const;
    // The decision on the action last checked, until the agent cancels or changes the action.
    const std::optional<policy::Decision> &decision() const { return m_decision; }

signals:
    void overrideRecorded(const rg::audit::AuditRecord &record);
    void escalationRecorded(const rg::audit::AuditRecord &record);

private:
    enum class MessageKind { Info, Error };

    QString currentType() const;
    QString currentOrderId() const;
    void refreshOrders();
    void updateCurrency();
    void updateControls();
    void check();
    void showDecision();
    void clearDecision();
    void proceedAnyway();
    void onOverrideRecorded(const session::ActionTarget *target, const QJsonObject &action,
                            const audit::AuditRecord &record);
    void reportFraud();
    void submitEscalation(const QPointer<session::ActionTarget> &target, const QString &note);
    void showMessage(MessageKind kind, const QString &text);
    void clearMessage();
    void onTargetDestroyed();

    std::unique_ptr<::Ui::ActionPanel> m_ui;
    QPointer<session::ActionTarget> m_target;
    QStringList m_orderIds; // the case orders the order box lists, to rebuild it only on change
    std::optional<policy::Decision> m_decision;
    QJsonObject m_checkedAction;
    QString m_unsentNote; // a fraud report that could not be recorded, offered again
};

} // namespace rg::ui
