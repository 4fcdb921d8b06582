// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QTimer>

#include <memory>

namespace rg::review {
class SupervisorGate;
}

namespace rg::ui {

namespace Ui {
class PassphraseDialog;
}

// Use me before opening the review on a local SQLite log: the first time it sets the supervisor
// passphrase, afterwards it asks for it, and it is accepted only when the gate says yes.
class PassphraseDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PassphraseDialog(rg::review::SupervisorGate &gate, QWidget *parent = nullptr);
    ~PassphraseDialog() override;
    Q_DISABLE_COPY_MOVE(PassphraseDialog)

    // True when the dialog sets the passphrase rather than asking for it.
    bool isFirstUse() const { return m_firstUse; }

private:
    void submit();
    void setPassphrase();
    void verify();
    void updateHint();
    void showError(const QString &message);
    void refreshLockout();

    std::unique_ptr<Ui::PassphraseDialog> m_ui;
    rg::review::SupervisorGate &m_gate;
    bool m_firstUse;
    // Counts the wait down while verify() refuses, and gives the OK button back after it.
    QTimer m_lockoutTimer;
};

} // namespace rg::ui
