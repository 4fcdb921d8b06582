// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/actionpanel.h"

#include "log/log.h"
#include "ui/displaytext.h"
#include "ui/overridedialog.h"
#include "ui_actionpanel.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace rg::ui {

using namespace Qt::StringLiterals;

namespace {

// Beside the order id (Qt::UserRole): the order's currency, which the action then takes.
constexpr int kCurrencyRole = Qt::UserRole + 1;

// Selects the item whose data is \a id, or adds one for it: a proposed action is shown as it
// is, and checking it then says what is wrong with a value the panel does not offer.
void selectOrAdd(QComboBox *box, const QString &id, const QString &label)
{
    int index = box->findData(id);
    if (index < 0) {
        box->addItem(label, id);
        index = box->count() - 1;
    }
    box->setCurrentIndex(index);
}

} // namespace

ActionPanel::ActionPanel(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<::Ui::ActionPanel>())
{
    m_ui->setupUi(this);
    setObjectName(u"actionPanel"_s);

    // The ids are the policy engine's (policy::validateAction and the conditions in
    // resources/policies); the labels are for the agent.
    m_ui->typeComboBox->addItem(tr("Refund"), u"refund"_s);
    m_ui->typeComboBox->addItem(tr("Replacement"), u"replacement"_s);
    m_ui->typeComboBox->addItem(tr("Concession (goodwill credit)"), u"concession"_s);
    m_ui->typeComboBox->addItem(tr("Account change"), u"account_change"_s);
    m_ui->methodComboBox->addItem(tr("Original payment method"), u"original_payment"_s);
    m_ui->methodComboBox->addItem(tr("Store credit"), u"store_credit"_s);
    m_ui->methodComboBox->addItem(tr("Gift card"), u"gift_card"_s);
    m_ui->methodComboBox->addItem(tr("Another person's account"), u"other_account"_s);
    m_ui->methodComboBox->addItem(tr("Cryptocurrency"), u"crypto"_s);
    // The claim types of the case schema; "did not arrive" is what the proof-of-delivery
    // policy reads.
    m_ui->reasonComboBox->addItem(tr("Not given"), QString());
    m_ui->reasonComboBox->addItem(tr("Did not arrive"), u"non_receipt"_s);
    m_ui->reasonComboBox->addItem(tr("Empty box"), u"empty_box"_s);
    m_ui->reasonComboBox->addItem(tr("Wrong item"), u"wrong_item"_s);
    m_ui->reasonComboBox->addItem(tr("Damaged"), u"damaged"_s);
    m_ui->reasonComboBox->addItem(tr("Other"), u"other"_s);
    // The account fields of the case schema's account_changes.
    m_ui->accountFieldComboBox->addItem(tr("Email address"), u"email"_s);
    m_ui->accountFieldComboBox->addItem(tr("Phone number"), u"phone"_s);
    m_ui->accountFieldComboBox->addItem(tr("Address"), u"address"_s);
    m_ui->accountFieldComboBox->addItem(tr("Password"), u"password"_s);
    m_ui->accountFieldComboBox->addItem(tr("Payment method"), u"payment_method"_s);

    QFont bold = m_ui->verdictLabel->font();
    bold.setBold(true);
    m_ui->verdictLabel->setFont(bold);

    // A decision stands for the action as it was checked: any change to the action drops it,
    // so an override can never be recorded for something other than what the agent sees.
    connect(m_ui->typeComboBox, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        clearDecision();
    });
    connect(m_ui->orderComboBox, &QComboBox::currentIndexChanged, this, [this] {
        updateCurrency();
        clearDecision();
    });
    connect(m_ui->orderComboBox, &QComboBox::editTextChanged, this, &ActionPanel::clearDecision);
    for (QComboBox *box : {m_ui->accountFieldComboBox, m_ui->methodComboBox, m_ui->reasonComboBox})
        connect(box, &QComboBox::currentIndexChanged, this, &ActionPanel::clearDecision);
    connect(m_ui->amountSpinBox, &QDoubleSpinBox::valueChanged, this, &ActionPanel::clearDecision);
    connect(m_ui->currencyLineEdit, &QLineEdit::textChanged, this, &ActionPanel::clearDecision);
    connect(m_ui->returnRequiredCheckBox, &QCheckBox::toggled, this, &ActionPanel::clearDecision);

    connect(m_ui->checkButton, &QPushButton::clicked, this, &ActionPanel::check);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, [this] {
        clearDecision();
        clearMessage();
    });
    connect(m_ui->proceedButton, &QPushButton::clicked, this, &ActionPanel::proceedAnyway);
    connect(m_ui->reportButton, &QPushButton::clicked, this, &ActionPanel::reportFraud);

    clearDecision();
    clearMessage();
    refreshOrders();
    updateControls();
}

ActionPanel::~ActionPanel() = default;

/*!
 * Shows the actions of \a target (a live chat or a training run), whose case fills the order
 * list; with no target (nullptr) every control is disabled. A decision on another target's
 * action is dropped.
 */
void ActionPanel::setTarget(session::ActionTarget *target)
{
    if (m_target == target)
        return;
    if (m_target)
        disconnect(m_target, nullptr, this, nullptr);
    m_target = target;
    m_unsentNote.clear();
    clearDecision();
    clearMessage();
    if (target) {
        // The case (and so its orders) arrives after the chat opened, and may go stale.
        connect(target, &session::ActionTarget::caseChanged, this, &ActionPanel::refreshOrders);
        connect(target, &QObject::destroyed, this, &ActionPanel::onTargetDestroyed);
    }
    refreshOrders();
    updateControls();
}

void ActionPanel::onTargetDestroyed()
{
    m_unsentNote.clear();
    clearDecision();
    refreshOrders();
    updateControls();
}

QString ActionPanel::currentType() const
{
    return m_ui->typeComboBox->currentData().toString();
}

QString ActionPanel::currentOrderId() const
{
    QComboBox *box = m_ui->orderComboBox;
    return box->isEditable() ? box->currentText().trimmed() : box->currentData().toString();
}

/*!
 * Lists the orders of the target's case, keeping the agent's choice when it is still there.
 * Without a case the order number is typed. The list is rebuilt only when the orders change,
 * since a live chat is judged again on every message.
 */
void ActionPanel::refreshOrders()
{
    QComboBox *box = m_ui->orderComboBox;
    const session::ActionTarget *target = m_target.data();
    const model::Case *caseData = target ? target->actionCase() : nullptr;
    if (!caseData) {
        if (box->isEditable())
            return;
        m_orderIds.clear();
        box->clear();
        box->setEditable(true);
        box->lineEdit()->setPlaceholderText(tr("Order number"));
        updateCurrency();
        return;
    }
    // A copy: clearing and filling the box emits signals, and nothing should hold a reference
    // into the target's case while they run.
    const QList<model::Order> orders = caseData->orders;
    QStringList ids;
    for (const model::Order &order : orders)
        ids.append(order.id);
    if (!box->isEditable() && ids == m_orderIds)
        return;
    const QString keep = currentOrderId();
    m_orderIds = ids;
    box->setEditable(false);
    box->clear();
    for (const model::Order &order : orders) {
        const QString value = locale().toString(order.value, 'f', 2);
        const QString label =
            order.items.isEmpty()
                ? tr("%1, %2 %3").arg(order.id, value, order.currency)
                : tr("%1: %2, %3 %4").arg(order.id, order.items.front().name, value, order.currency);
        box->addItem(displaySafe(label), order.id);
        box->setItemData(box->count() - 1, order.currency, kCurrencyRole);
    }
    // A concession or an account change need not be about an order.
    box->addItem(tr("No specific order"), QString());
    const int kept = keep.isEmpty() ? -1 : box->findData(keep);
    box->setCurrentIndex(kept >= 0 ? kept : 0);
    updateCurrency();
}

// An order of the case fixes the currency; otherwise the agent types it.
void ActionPanel::updateCurrency()
{
    QComboBox *box = m_ui->orderComboBox;
    const QString currency = box->isEditable() ? QString() : box->currentData(kCurrencyRole).toString();
    if (!currency.isEmpty())
        m_ui->currencyLineEdit->setText(currency);
    m_ui->currencyLineEdit->setReadOnly(!currency.isEmpty());
}

// Only the fields the chosen action type carries can be edited.
void ActionPanel::updateControls()
{
    const bool live = m_target;
    const QString type = currentType();
    const bool payout = type == u"refund"_s || type == u"concession"_s;
    const bool remedy = type == u"refund"_s || type == u"replacement"_s;
    const bool account = type == u"account_change"_s;
    m_ui->actionGroupBox->setEnabled(live);
    m_ui->reportButton->setEnabled(live);
    const QList<QWidget *> orderFields{m_ui->orderLabel, m_ui->orderComboBox, m_ui->reasonLabel,
                                       m_ui->reasonComboBox};
    for (QWidget *widget : orderFields)
        widget->setEnabled(!account);
    const QList<QWidget *> payoutFields{m_ui->amountLabel,   m_ui->amountSpinBox,
                                        m_ui->currencyLabel, m_ui->currencyLineEdit,
                                        m_ui->methodLabel,   m_ui->methodComboBox};
    for (QWidget *widget : payoutFields)
        widget->setEnabled(payout);
    m_ui->returnRequiredCheckBox->setEnabled(remedy);
    m_ui->accountFieldLabel->setEnabled(account);
    m_ui->accountFieldComboBox->setEnabled(account);
}

/*!
 * The action as the policy engine reads it (policy::validateAction): "type", then the fields
 * that type carries. Empty optional fields are left out rather than sent empty.
 */
QJsonObject ActionPanel::currentAction() const
{
    const QString type = currentType();
    QJsonObject action{{u"type"_s, type}};
    if (type == u"account_change"_s) {
        action.insert(u"field"_s, m_ui->accountFieldComboBox->currentData().toString());
        return action;
    }
    if (const QString order = currentOrderId(); !order.isEmpty())
        action.insert(u"order_id"_s, order);
    if (type == u"refund"_s || type == u"concession"_s) {
        action.insert(u"amount"_s, m_ui->amountSpinBox->value());
        if (const QString currency = m_ui->currencyLineEdit->text().trimmed().toUpper();
            !currency.isEmpty())
            action.insert(u"currency"_s, currency);
        action.insert(u"method"_s, m_ui->methodComboBox->currentData().toString());
    }
    if (type == u"refund"_s || type == u"replacement"_s)
        action.insert(u"return_required"_s, m_ui->returnRequiredCheckBox->isChecked());
    if (const QString reason = m_ui->reasonComboBox->currentData().toString(); !reason.isEmpty())
        action.insert(u"reason"_s, reason);
    return action;
}

/*!
 * Fills the controls from \a action (the transcript form: {"type": "refund", "order_id": ...,
 * "amount": ..., "currency": ..., "method": ..., "return_required": ..., "reason": ...,
 * "field": ...}) and checks it, as if the agent had entered it and pressed Check.
 */
void ActionPanel::proposeAction(const QJsonObject &action)
{
    const QString type = action.value(u"type"_s).toString();
    selectOrAdd(m_ui->typeComboBox, type, displaySafe(type));
    const QString orderId = action.value(u"order_id"_s).toString();
    if (m_ui->orderComboBox->isEditable()) {
        m_ui->orderComboBox->setEditText(orderId);
    } else {
        selectOrAdd(m_ui->orderComboBox, orderId,
                    displaySafe(tr("%1 (not in this case)").arg(orderId)));
    }
    m_ui->amountSpinBox->setValue(action.value(u"amount"_s).toDouble());
    // After the order: the action's currency wins over the order's, as it is what is judged.
    if (action.contains(u"currency"_s))
        m_ui->currencyLineEdit->setText(action.value(u"currency"_s).toString());
    if (action.contains(u"method"_s)) {
        const QString method = action.value(u"method"_s).toString();
        selectOrAdd(m_ui->methodComboBox, method, displaySafe(method));
    } else {
        m_ui->methodComboBox->setCurrentIndex(0);
    }
    const QString reason = action.value(u"reason"_s).toString();
    selectOrAdd(m_ui->reasonComboBox, reason, displaySafe(reason));
    m_ui->returnRequiredCheckBox->setChecked(action.value(u"return_required"_s).toBool());
    if (action.contains(u"field"_s)) {
        const QString field = action.value(u"field"_s).toString();
        selectOrAdd(m_ui->accountFieldComboBox, field, displaySafe(field));
    }
    check();
}

void ActionPanel::check()
{
    clearMessage();
    if (!m_target)
        return;
    const QJsonObject action = currentAction();
    auto decision = m_target->checkAction(action);
    if (!decision) {
        clearDecision();
        showMessage(MessageKind::Error,
                    tr("The action could not be checked: %1").arg(decision.error()));
        return;
    }
    m_decision = std::move(decision).value();
    m_checkedAction = action;
    showDecision();
}

void ActionPanel::showDecision()
{
    const policy::Decision &decision = *m_decision;
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    m_ui->verdictIconLabel->setPixmap(
        OverrideDialog::verdictIcon(decision.verdict, style()).pixmap(iconSize, iconSize));
    m_ui->verdictIconLabel->setAccessibleName(OverrideDialog::verdictText(decision.verdict));
    m_ui->verdictLabel->setText(OverrideDialog::verdictText(decision.verdict));
    m_ui->citationsLabel->setText(OverrideDialog::decisionDetails(decision));
    const bool overridable = decision.verdict != policy::Verdict::Allow;
    m_ui->cancelButton->setVisible(overridable);
    m_ui->proceedButton->setVisible(overridable);
    m_ui->decisionGroupBox->show();
}

void ActionPanel::clearDecision()
{
    m_decision.reset();
    m_checkedAction = {};
    m_ui->verdictIconLabel->clear();
    m_ui->verdictLabel->clear();
    m_ui->citationsLabel->clear();
    m_ui->cancelButton->hide();
    m_ui->proceedButton->hide();
    m_ui->decisionGroupBox->hide();
}

/*!
 * Opens the override dialog for the decision shown. The dialog records against the target
 * and action that were checked, even if the panel moves on while it is open.
 */
void ActionPanel::proceedAnyway()
{
    if (!m_target || !m_decision || m_decision->verdict == policy::Verdict::Allow)
        return;
    const QPointer<session::ActionTarget> target = m_target;
    const QJsonObject action = m_checkedAction;
    const policy::Decision decision = *m_decision;
    auto commit = [target, action, decision](const QString &category,
                                             const QString &text) -> Result<audit::AuditRecord> {
        session::ActionTarget *live = target.data();
        if (!live)
            return Error{tr("the conversation was closed")};
        return live->recordOverride(action, decision, category, text);
    };
    auto *dialog = new OverrideDialog(decision, std::move(commit), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OverrideDialog::overrideRecorded, this,
            [this, target, action](const audit::AuditRecord &record) {
                onOverrideRecorded(target, action, record);
            });
    dialog->open();
}

void ActionPanel::onOverrideRecorded(const session::ActionTarget *target,
                                     const QJsonObject &action, const audit::AuditRecord &record)
{
    // The panel may have moved on while the dialog was open (another chat shown, the action
    // edited): "you may go ahead" then belongs to nothing on screen, and the decision shown
    // now must keep its own Cancel and Proceed.
    if (target == m_target && m_decision && action == m_checkedAction) {
        // The override is the agent's answer to the decision: nothing left to cancel or proceed.
        m_ui->cancelButton->hide();
        m_ui->proceedButton->hide();
        showMessage(MessageKind::Info,
                    target->isPractice()
                        ? tr("Override noted for your debrief (practice: nothing is written to "
                             "the audit log). You may go ahead.")
                        : tr("Override recorded in the audit log (record %1). You may go ahead.")
                              .arg(record.seq));
    }
    emit overrideRecorded(record);
}

// A small dialog for the note; built here rather than with QInputDialog so that tests (and
// screen readers) reach its controls by name.
void ActionPanel::reportFraud()
{
    if (!m_target)
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"escalationDialog"_s);
    dialog->setWindowTitle(tr("Report suspected fraud"));
    dialog->setAccessibleName(tr("Report suspected fraud"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);

    auto *label = new QLabel(tr("What makes you suspect fraud? A short &note for the fraud team:"),
                             dialog);
    label->setObjectName(u"noteLabel"_s);
    label->setAccessibleName(tr("Note prompt"));
    label->setWordWrap(true);
    auto *note = new QPlainTextEdit(dialog);
    note->setObjectName(u"noteTextEdit"_s);
    note->setAccessibleName(tr("Note for the fraud team"));
    note->setTabChangesFocus(true);
    note->setPlainText(m_unsentNote);
    label->setBuddy(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->setObjectName(u"escalationButtonBox"_s);
    buttons->setAccessibleName(tr("Dialog buttons"));
    QPushButton *send = buttons->button(QDialogButtonBox::Ok);
    send->setObjectName(u"sendReportButton"_s);
    send->setText(tr("&Report"));
    send->setAccessibleName(tr("Send the report"));
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelReportButton"_s);
    cancel->setAccessibleName(tr("Cancel the report"));

    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(label);
    layout->addWidget(note);
    layout->addWidget(buttons);

    const auto updateSend = [note, send] {
        send->setEnabled(!note->toPlainText().trimmed().isEmpty());
    };
    updateSend();
    connect(note, &QPlainTextEdit::textChanged, dialog, updateSend);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    // The report is about the chat it was opened on, even if another one is shown (or this one
    // closed) before the agent sends it.
    const QPointer<session::ActionTarget> target = m_target;
    connect(dialog, &QDialog::accepted, this,
            [this, target, note] { submitEscalation(target, note->toPlainText().trimmed()); });
    note->setFocus();
    dialog->open();
}

void ActionPanel::submitEscalation(const QPointer<session::ActionTarget> &target,
                                   const QString &note)
{
    session::ActionTarget *live = target.data();
    if (!live) {
        showMessage(MessageKind::Error,
                    tr("The report was NOT recorded: the conversation was closed."));
        return;
    }
    const bool practice = live->isPractice();
    const auto record = live->recordEscalation(note);
    if (!record) {
        // Kept so that the next attempt does not make the agent write it again; only for the
        // chat shown, since the note is offered again on the next report from this panel.
        if (target == m_target)
            m_unsentNote = note;
        log::get("ui")->error("fraud report not recorded: {}", record.error().toStdString());
        showMessage(MessageKind::Error,
                    tr("The report was NOT recorded: %1. Nothing was saved; try again.")
                        .arg(record.error()));
        return;
    }
    m_unsentNote.clear();
    showMessage(MessageKind::Info,
                practice
                    ? tr("Suspected fraud reported (practice: noted for your debrief, not sent).")
                    : tr("Suspected fraud reported (audit record %1).").arg(record.value().seq));
    emit escalationRecorded(record.value());
}

// The icon repeats what the text says; the text alone carries the meaning.
void ActionPanel::showMessage(MessageKind kind, const QString &text)
{
    const QStyle::StandardPixmap icon = kind == MessageKind::Error
                                            ? QStyle::SP_MessageBoxCritical
                                            : QStyle::SP_MessageBoxInformation;
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_ui->messageIconLabel->setPixmap(
        style()->standardIcon(icon, nullptr, this).pixmap(iconSize, iconSize));
    m_ui->messageLabel->setText(text);
    m_ui->messageIconLabel->show();
    m_ui->messageLabel->show();
}

void ActionPanel::clearMessage()
{
    m_ui->messageIconLabel->clear();
    m_ui->messageLabel->clear();
    m_ui->messageIconLabel->hide();
    m_ui->messageLabel->hide();
}

} // namespace rg::ui
