// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/case.h"
#include "session/assistsession.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class CasePanel;
}

namespace rg::ui {

// Use me to show what the CRM knows about the case behind a chat — customer and identity,
// orders with their delivery evidence, claim history, account changes, linked accounts — and
// whether that is loading, failed (with a retry) or a stale copy.
class CasePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CasePanel)

public:
    explicit CasePanel(QWidget *parent = nullptr);
    ~CasePanel() override;

    void setSession(session::AssistSession *session);

private:
    void refresh();
    void showStatus(const QString &text, int icon, bool retry);
    void fillCase(const model::Case &c);

    std::unique_ptr<::Ui::CasePanel> m_ui;
    QPointer<session::AssistSession> m_session;
    QMetaObject::Connection m_stateConnection;
    QMetaObject::Connection m_judgedConnection;
    std::optional<model::Case> m_shownCase; // what the tree shows, rebuilt only when it changes
};

} // namespace rg::ui
