// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/passphrasedialog.h"

#include "review/passphrase.h"
#include "ui_passphrasedialog.h"

#include <QGuiApplication>
#include <QPushButton>
#include <QScopeGuard>

#include <algorithm>
#include <chrono>

namespace rg::ui {

using namespace std::chrono_literals;

namespace {

// Code points, as the gate counts them; its NFC step only changes the count of accents typed as
// separate combining marks, and its verdict is the one that holds.
int characterCount(const QString &text)
{
    return int(
        std::count_if(text.cbegin(), text.cend(), [](QChar c) { return !c.isLowSurrogate(); }));
}

// Argon2id at the installation's cost takes about a second and blocks the event loop.
template<typename Function>
auto withWaitCursor(Function function)
{
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto restore = qScopeGuard([] { QGuiApplication::restoreOverrideCursor(); });
    return function();
}

} // namespace

// Sets the passphrase through \a gate when none is set yet, else asks for it. A running delay
// after failed attempts shows at once, counting down, with the OK button disabled.
PassphraseDialog::PassphraseDialog(review::SupervisorGate &gate, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PassphraseDialog>())
    , m_gate(gate)
    , m_firstUse(!gate.isSet())
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    m_ui->lockoutLabel->hide();
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    if (m_firstUse) {
        setWindowTitle(tr("Set the Supervisor Passphrase"));
        m_ui->introLabel->setText(
            tr("No supervisor passphrase is set yet. Choose one now: it opens the review of "
               "every agent's overrides. It cannot be recovered, so keep it somewhere safe."));
        ok->setText(tr("&Set Passphrase"));
        ok->setAccessibleName(tr("Set the supervisor passphrase"));
        updateHint();
        connect(m_ui->passphraseLineEdit, &QLineEdit::textChanged, this,
                &PassphraseDialog::updateHint);
        connect(m_ui->confirmationLineEdit, &QLineEdit::textChanged, this,
                &PassphraseDialog::updateHint);
    } else {
        m_ui->introLabel->setText(tr("Enter the supervisor passphrase to open the review."));
        m_ui->confirmationLabel->hide();
        m_ui->confirmationLineEdit->hide();
        m_ui->hintLabel->hide();
        ok->setText(tr("&Unlock"));
        ok->setAccessibleName(tr("Unlock the review"));
    }

    m_lockoutTimer.setInterval(500ms);
    connect(&m_lockoutTimer, &QTimer::timeout, this, &PassphraseDialog::refreshLockout);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PassphraseDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &PassphraseDialog::reject);
    if (!m_firstUse)
        refreshLockout();
}

PassphraseDialog::~PassphraseDialog() = default;

void PassphraseDialog::submit()
{
    if (m_firstUse)
        setPassphrase();
    else
        verify();
}

// A refused passphrase keeps both fields as typed so the supervisor can correct them.
void PassphraseDialog::setPassphrase()
{
    const Result<bool> set = withWaitCursor([this] {
        return m_gate.setPassphrase(m_ui->passphraseLineEdit->text(),
                                    m_ui->confirmationLineEdit->text());
    });
    if (!set) {
        showError(tr("The passphrase was not set: %1.").arg(set.error()));
        m_ui->passphraseLineEdit->setFocus(Qt::OtherFocusReason);
        m_ui->passphraseLineEdit->selectAll();
        return;
    }
    m_ui->passphraseLineEdit->clear();
    m_ui->confirmationLineEdit->clear();
    accept();
}

// The field is emptied after every attempt: a passphrase left in it would outlive the check.
void PassphraseDialog::verify()
{
    const Result<bool> verified
        = withWaitCursor([this] { return m_gate.verify(m_ui->passphraseLineEdit->text()); });
    m_ui->passphraseLineEdit->clear();
    if (verified && verified.value()) {
        accept();
        return;
    }
    showError(verified ? tr("Wrong passphrase.")
                       : tr("The passphrase was not checked: %1.").arg(verified.error()));
    refreshLockout();
    // A refusal because of a delay that started elsewhere: the countdown says it better.
    if (!verified && m_lockoutTimer.isActive())
        m_ui->errorLabel->hide();
    m_ui->passphraseLineEdit->setFocus(Qt::OtherFocusReason);
}

void PassphraseDialog::updateHint()
{
    const QString passphrase = m_ui->passphraseLineEdit->text();
    const QString confirmation = m_ui->confirmationLineEdit->text();
    const int missing = review::SupervisorGate::kMinimumLength - characterCount(passphrase);
    if (missing > 0) {
        m_ui->hintLabel->setText(tr("%n more character(s) needed. Several unrelated words make a "
                                    "strong passphrase that is easy to remember.",
                                    nullptr, missing));
    } else if (confirmation.isEmpty()) {
        m_ui->hintLabel->setText(tr("Long enough. Type it again to confirm it."));
    } else if (confirmation != passphrase) {
        m_ui->hintLabel->setText(tr("Long enough. The confirmation does not match yet."));
    } else {
        m_ui->hintLabel->setText(tr("Long enough, and the confirmation matches."));
    }
}

void PassphraseDialog::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
}

// Shows how long the gate still refuses and keeps OK disabled until then. An unreadable attempts
// record refuses for good, so it disables OK and says why.
void PassphraseDialog::refreshLockout()
{
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    const Result<std::chrono::seconds> remaining = m_gate.lockoutRemaining();
    if (!remaining) {
        m_lockoutTimer.stop();
        m_ui->lockoutLabel->hide();
        showError(tr("The passphrase cannot be checked: %1.").arg(remaining.error()));
        ok->setEnabled(false);
        return;
    }
    const auto seconds = remaining.value().count();
    if (seconds == 0) {
        const bool wasLocked = m_lockoutTimer.isActive();
        m_lockoutTimer.stop();
        m_ui->lockoutLabel->hide();
        ok->setEnabled(true);
        if (wasLocked)
            m_ui->passphraseLineEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_ui->lockoutLabel->setText(
        tr("Too many failed attempts. Try again in %n second(s).", nullptr, int(seconds)));
    m_ui->lockoutLabel->show();
    ok->setEnabled(false);
    if (!m_lockoutTimer.isActive())
        m_lockoutTimer.start();
}

} // namespace rg::ui
