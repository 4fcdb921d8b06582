// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/overridedialog.h"

#include "log/log.h"
#include "ui_overridedialog.h"

#include <QPushButton>
#include <QStyle>

namespace rg::ui {

using namespace Qt::StringLiterals;

/*!
 * Shows \a decision and asks why the agent goes ahead anyway. \a commit writes the override
 * (in the sidebar: AssistSession::recordOverride); the dialog accepts only when it succeeded.
 */
OverrideDialog::OverrideDialog(const policy::Decision &decision, Commit commit, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<::Ui::OverrideDialog>()), m_commit(std::move(commit))
{
    m_ui->setupUi(this);
    setObjectName(u"overrideDialog"_s);

    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    m_ui->verdictIconLabel->setPixmap(
        verdictIcon(decision.verdict, style()).pixmap(iconSize, iconSize));
    m_ui->verdictIconLabel->setAccessibleName(verdictText(decision.verdict));
    m_ui->verdictLabel->setText(verdictText(decision.verdict));
    QFont bold = m_ui->verdictLabel->font();
    bold.setBold(true);
    m_ui->verdictLabel->setFont(bold);
    m_ui->citationsLabel->setText(decisionDetails(decision));

    for (const ReasonCategory &category : reasonCategories())
        m_ui->categoryComboBox->addItem(category.label, category.id);
    m_ui->categoryComboBox->setCurrentIndex(-1);

    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setText(tr("Record &override"));
    ok->setObjectName(u"recordButton"_s);
    ok->setAccessibleName(tr("Record override"));
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelOverrideButton"_s);
    cancel->setAccessibleName(tr("Cancel the override"));

    const int smallIcon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_ui->errorIconLabel->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, this).pixmap(smallIcon, smallIcon));
    m_ui->errorIconLabel->hide();
    m_ui->errorLabel->hide();

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &OverrideDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &OverrideDialog::reject);
    connect(m_ui->categoryComboBox, &QComboBox::currentIndexChanged, this,
            &OverrideDialog::updateState);
    connect(m_ui->reasonTextEdit, &QPlainTextEdit::textChanged, this, &OverrideDialog::updateState);
    connect(m_ui->confirmCheckBox, &QCheckBox::toggled, this, &OverrideDialog::updateState);
    updateState();
    m_ui->categoryComboBox->setFocus();
}

OverrideDialog::~OverrideDialog() = default;

/*!
 * The reason categories in the order the agent sees them. The ids are stable: reviews and
 * outlier analytics group overrides by them, whatever language the agent's sidebar speaks.
 */
QList<OverrideDialog::ReasonCategory> OverrideDialog::reasonCategories()
{
    return {{u"supervisor_approved"_s, tr("Supervisor approved")},
            {u"customer_verified"_s, tr("Customer verified by other means")},
            {u"policy_exception"_s, tr("Policy exception documented")},
            {u"goodwill"_s, tr("Goodwill within discretion")},
            {u"other"_s, tr("Other")}};
}

// The verdict leads with its word so that it never depends on the icon or a colour.
QString OverrideDialog::verdictText(policy::Verdict verdict)
{
    switch (verdict) {
    case policy::Verdict::Allow:
        return tr("Allow: no policy stops this action.");
    case policy::Verdict::Warn:
        return tr("Warn: read the policies below before you go ahead.");
    case policy::Verdict::Block:
        return tr("Block: policy does not allow this action.");
    }
    return {};
}

/*!
 * Each fired policy with its id, severity and citation, then its message; then the policies
 * that could not be evaluated. The messages carry case facts, so this is shown as plain text.
 */
QString OverrideDialog::decisionDetails(const policy::Decision &decision)
{
    QStringList parts;
    for (const policy::FiredPolicy &fired : decision.fired) {
        const QString severity =
            fired.severity == policy::Severity::Block ? tr("Block") : tr("Warn");
        parts.append(tr("%1 (%2), %3\n%4").arg(fired.id, severity, fired.citation, fired.message));
    }
    for (const policy::PolicyError &error : decision.errors)
        parts.append(tr("%1 could not be evaluated: %2").arg(error.policy, error.message));
    if (parts.isEmpty())
        return tr("No policy applies to this action.");
    return parts.join(u"\n\n"_s);
}

QIcon OverrideDialog::verdictIcon(policy::Verdict verdict, const QStyle *style)
{
    switch (verdict) {
    case policy::Verdict::Allow:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    case policy::Verdict::Warn:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case policy::Verdict::Block:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    }
    return {};
}

QString OverrideDialog::categoryId() const
{
    return m_ui->categoryComboBox->currentData().toString();
}

QString OverrideDialog::reasonText() const
{
    return m_ui->reasonTextEdit->toPlainText().trimmed();
}

// A category, a reason of kMinReasonLength characters or more (blanks at either end do not
// count) and the confirmation.
bool OverrideDialog::isComplete() const
{
    return !categoryId().isEmpty() && reasonText().size() >= kMinReasonLength
           && m_ui->confirmCheckBox->isChecked();
}

void OverrideDialog::updateState()
{
    const qsizetype missing = kMinReasonLength - reasonText().size();
    if (missing > 0) {
        m_ui->reasonCounterLabel->setText(
            tr("%n more character(s) needed", nullptr, int(missing)));
    } else {
        m_ui->reasonCounterLabel->setText(tr("Enough detail (%n character(s))", nullptr,
                                             int(reasonText().size())));
    }
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(isComplete());
}

/*!
 * Writes the override and closes on success. Every way of accepting comes here (the button,
 * Enter, a shortcut), so none of them gets past the checks the button is guarded by; a failed
 * write keeps the dialog open with what the agent typed and says that nothing was saved.
 */
void OverrideDialog::accept()
{
    if (!isComplete())
        return;
    if (!m_commit) {
        showError(tr("nothing is set up to record overrides"));
        return;
    }
    const auto record = m_commit(categoryId(), reasonText());
    if (!record) {
        showError(record.error());
        return;
    }
    emit overrideRecorded(record.value());
    QDialog::accept();
}

void OverrideDialog::showError(const QString &error)
{
    // The reason is not logged: it may quote the customer.
    log::get("ui")->error("override not recorded: {}", error.toStdString());
    m_ui->errorLabel->setText(
        tr("The override was NOT recorded: %1. Nothing was saved; try again or escalate.")
            .arg(error));
    m_ui->errorIconLabel->show();
    m_ui->errorLabel->show();
}

} // namespace rg::ui
