// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settingsdialog.h"

#include "log/log.h"
#include "settings/settingsregistry.h"
#include "ui_settingsdialog.h"

#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLocale>
#include <QPushButton>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace rg::ui {

using namespace Qt::StringLiterals;
using settings::Key;
namespace registry = settings::registry;

namespace {

bool isPostgresUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.startsWith(u"postgresql:"_s) || trimmed.startsWith(u"postgres:"_s);
}

// \a text without its password, and the password (empty when it has none or is not a
// postgresql:// URL): the URL is shown in clear, the password only in a masked field.
std::pair<QString, QString> splitDatabaseUrl(const QString &text)
{
    if (!isPostgresUrl(text))
        return {text, {}};
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.password().isEmpty())
        return {text, {}};
    const QString password = url.password(QUrl::FullyDecoded);
    url.setPassword(QString());
    return {url.toString(), password};
}

// \a text with \a password put back in; a password typed into the URL itself wins.
QString joinDatabaseUrl(const QString &text, const QString &password)
{
    if (password.isEmpty() || !isPostgresUrl(text))
        return text;
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || !url.password().isEmpty())
        return text;
    url.setPassword(password, QUrl::DecodedMode);
    return url.toString();
}

} // namespace

// Shows the values of \a settings, which it changes and saves on Save. \a bridgeToken is the
// local bridge's token, shown read-only for the agent to copy into the console integration;
// empty when it could not be loaded.
SettingsDialog::SettingsDialog(settings::Settings &settings, const QString &bridgeToken,
                               QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
    , m_bridgeToken(bridgeToken)
    , m_pathChooser(
          [this](Key key, const QString &current) { return choosePathWithDialog(key, current); })
{
    m_ui->setupUi(this);
    // Each language by its own name, so an agent finds theirs whatever the interface shows now.
    m_ui->languageComboBox->addItem(tr("System language"), QString());
    m_ui->languageComboBox->addItem(u"English"_s, u"en"_s);
    m_ui->languageComboBox->addItem(u"Español"_s, u"es"_s);
    m_ui->languageComboBox->addItem(u"Deutsch"_s, u"de"_s);
    m_ui->resetConfirmFrame->hide();
    m_ui->copyStatusLabel->hide();
    m_ui->errorLabel->hide();
    m_ui->statusLabel->hide();

    m_ui->bridgeTokenLineEdit->setText(m_bridgeToken);
    if (m_bridgeToken.isEmpty()) {
        m_ui->bridgeTokenLineEdit->setPlaceholderText(tr("Not available"));
        m_ui->copyTokenButton->setEnabled(false);
    }
    showWarnings();
    showValues();
    showLocks();
    updateDatabasePasswordField();

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->showTokenButton, &QAbstractButton::toggled, this,
            &SettingsDialog::setTokenVisible);
    connect(m_ui->auditDatabaseUrlLineEdit, &QLineEdit::textChanged, this,
            &SettingsDialog::updateDatabasePasswordField);
    connect(m_ui->auditDatabaseUrlLineEdit, &QLineEdit::editingFinished, this,
            &SettingsDialog::moveDatabasePasswordOut);
    connect(m_ui->copyTokenButton, &QAbstractButton::clicked, this,
            &SettingsDialog::copyBridgeToken);
    connect(m_ui->rulePackBrowseButton, &QAbstractButton::clicked, this,
            [this] { browse(Key::RulePackPath); });
    connect(m_ui->policiesBrowseButton, &QAbstractButton::clicked, this,
            [this] { browse(Key::PoliciesPath); });
    connect(m_ui->resetDefaultsButton, &QAbstractButton::clicked, this,
            &SettingsDialog::askToResetDefaults);
    connect(m_ui->confirmResetButton, &QAbstractButton::clicked, this,
            &SettingsDialog::resetDefaults);
    connect(m_ui->keepValuesButton, &QAbstractButton::clicked, this, [this] {
        m_ui->resetConfirmFrame->hide();
        m_ui->resetDefaultsButton->setFocus(Qt::OtherFocusReason);
    });
}

SettingsDialog::~SettingsDialog() = default;

// Tests answer the Browse buttons through \a chooser instead of a native file dialog.
void SettingsDialog::setPathChooser(PathChooser chooser)
{
    m_pathChooser = std::move(chooser);
}

// Every key of the registry except the window geometry, which the window keeps by itself.
QList<Key> SettingsDialog::editedKeys()
{
    return {
        Key::CaseServiceUrl,       Key::CaseServiceToken, Key::AuditDatabaseUrl, Key::BridgePort,
        Key::BridgeAllowedOrigins, Key::RulePackPath,     Key::PoliciesPath,     Key::StayOnTop,
        Key::UiLanguage};
}

// The case service client, the audit store, the bridge and the loaded packs are built once at
// start (app/refundguard.cpp); only the window follows a settingsSaved() at once.
bool SettingsDialog::needsRestart(Key key)
{
    switch (key) {
    case Key::CaseServiceUrl:
    case Key::CaseServiceToken:
    case Key::AuditDatabaseUrl:
    case Key::BridgePort:
    case Key::BridgeAllowedOrigins:
    case Key::RulePackPath:
    case Key::PoliciesPath:
    case Key::UiLanguage: // the translators are installed before the first window
    case Key::PackSourceUrl: // the administrator's, in the managed file
    case Key::PackPublicKeys:
        return true;
    case Key::StayOnTop:
    case Key::WindowGeometry:
    case Key::ReviewWindowGeometry:
    case Key::ReviewSavedFilters:
    case Key::TrainingDatabaseUrl: // the trainer's: in the managed file or set by hand
        return false;
    }
    Q_UNREACHABLE();
}

QString SettingsDialog::fieldName(Key key)
{
    switch (key) {
    case Key::CaseServiceUrl:
        return tr("Case service URL");
    case Key::CaseServiceToken:
        return tr("Case service token");
    case Key::AuditDatabaseUrl:
        return tr("Audit database URL");
    case Key::BridgePort:
        return tr("Bridge port");
    case Key::BridgeAllowedOrigins:
        return tr("Allowed origins");
    case Key::RulePackPath:
        return tr("Rule pack");
    case Key::PoliciesPath:
        return tr("Policies folder");
    case Key::StayOnTop:
        return tr("Stay on top");
    case Key::UiLanguage:
        return tr("Language");
    case Key::WindowGeometry: // no field: named as stored
    case Key::ReviewWindowGeometry:
    case Key::ReviewSavedFilters:
    case Key::TrainingDatabaseUrl: // the trainer's: in the managed file or set by hand
    case Key::PackSourceUrl: // the administrator's: in the managed file
    case Key::PackPublicKeys:
        return registry::keyString(key);
    }
    Q_UNREACHABLE();
}

void SettingsDialog::showValues()
{
    for (const Key key : editedKeys())
        setFieldValue(key, m_settings.value(key));
    m_shownDatabaseUrl
        = {m_settings.value(Key::AuditDatabaseUrl).toString(),
           m_ui->auditDatabaseUrlLineEdit->text(), m_ui->auditDatabasePasswordLineEdit->text()};
}

// The password field only means something for a PostgreSQL URL the agent may change.
void SettingsDialog::updateDatabasePasswordField()
{
    m_ui->auditDatabasePasswordLineEdit->setEnabled(
        m_ui->auditDatabaseUrlLineEdit->isEnabled()
        && isPostgresUrl(m_ui->auditDatabaseUrlLineEdit->text()));
}

// A password typed (or pasted) into the URL moves to the masked field once the agent leaves the
// URL, so that it is not left on screen in clear.
void SettingsDialog::moveDatabasePasswordOut()
{
    const auto [url, password] = splitDatabaseUrl(m_ui->auditDatabaseUrlLineEdit->text());
    if (password.isEmpty())
        return;
    m_ui->auditDatabaseUrlLineEdit->setText(url);
    m_ui->auditDatabasePasswordLineEdit->setText(password);
}

// A locked row says so in words and in its tooltip, not by its disabled look alone.
void SettingsDialog::showLocks()
{
    bool anyResettable = false;
    for (const Key key : editedKeys()) {
        const bool locked = m_settings.isLocked(key);
        QLabel *note = lockLabel(key);
        note->setVisible(locked);
        if (!locked) {
            anyResettable = anyResettable || key != Key::CaseServiceToken;
            continue;
        }
        const QString why = tr("Set by your administrator in %1; it cannot be changed here.")
                                .arg(m_settings.systemPath());
        note->setText(tr("Set by your administrator"));
        note->setToolTip(why);
        for (QWidget *control : rowControls(key)) {
            control->setEnabled(false);
            control->setToolTip(why);
        }
        field(key)->setAccessibleDescription(tr("Set by your administrator"));
        // The administrator's database password is theirs: it is never put in a field here
        // (a locked key is not saved from the dialog, so nothing needs it).
        if (key == Key::AuditDatabaseUrl) {
            m_ui->auditDatabasePasswordLineEdit->clear();
            m_ui->auditDatabasePasswordLineEdit->setPlaceholderText(
                tr("Set by your administrator"));
        }
    }
    m_ui->resetDefaultsButton->setEnabled(anyResettable);
}

void SettingsDialog::showWarnings()
{
    const QStringList warnings = m_settings.warnings();
    m_ui->warningsLabel->setVisible(!warnings.isEmpty());
    if (warnings.isEmpty())
        return;
    m_ui->warningsLabel->setText(tr("These stored settings could not be used:") + u'\n'
                                 + warnings.join(u'\n'));
}

QVariant SettingsDialog::fieldValue(Key key) const
{
    switch (key) {
    case Key::CaseServiceUrl:
        return m_ui->caseServiceUrlLineEdit->text();
    case Key::CaseServiceToken:
        return m_ui->caseServiceTokenLineEdit->text();
    case Key::AuditDatabaseUrl: {
        const QString url = m_ui->auditDatabaseUrlLineEdit->text();
        const QString password
            = isPostgresUrl(url) ? m_ui->auditDatabasePasswordLineEdit->text() : QString();
        // Untouched: the stored text itself, not a re-encoding of it that would count as a change.
        if (url == m_shownDatabaseUrl.url && password == m_shownDatabaseUrl.password)
            return m_shownDatabaseUrl.stored;
        return joinDatabaseUrl(url, password);
    }
    case Key::BridgePort:
        return m_ui->bridgePortSpinBox->value();
    case Key::BridgeAllowedOrigins: // the registry splits "a, b" itself
        return m_ui->bridgeAllowedOriginsLineEdit->text();
    case Key::RulePackPath:
        return m_ui->rulePackPathLineEdit->text();
    case Key::PoliciesPath:
        return m_ui->policiesPathLineEdit->text();
    case Key::StayOnTop:
        return m_ui->stayOnTopCheckBox->isChecked();
    case Key::UiLanguage:
        return m_ui->languageComboBox->currentData().toString();
    case Key::WindowGeometry:
    case Key::ReviewWindowGeometry:
    case Key::ReviewSavedFilters:
    case Key::TrainingDatabaseUrl: // the trainer's: in the managed file or set by hand
    case Key::PackSourceUrl: // the administrator's: in the managed file
    case Key::PackPublicKeys:
        break;
    }
    Q_UNREACHABLE();
}

void SettingsDialog::setFieldValue(Key key, const QVariant &value)
{
    switch (key) {
    case Key::CaseServiceUrl:
        m_ui->caseServiceUrlLineEdit->setText(value.toString());
        return;
    case Key::CaseServiceToken:
        m_ui->caseServiceTokenLineEdit->setText(value.toString());
        return;
    case Key::AuditDatabaseUrl: {
        const auto [url, password] = splitDatabaseUrl(value.toString());
        m_ui->auditDatabaseUrlLineEdit->setText(url);
        m_ui->auditDatabasePasswordLineEdit->setText(password);
        return;
    }
    case Key::BridgePort:
        m_ui->bridgePortSpinBox->setValue(value.toInt());
        return;
    case Key::BridgeAllowedOrigins:
        m_ui->bridgeAllowedOriginsLineEdit->setText(value.toStringList().join(u", "_s));
        return;
    case Key::RulePackPath:
        m_ui->rulePackPathLineEdit->setText(value.toString());
        return;
    case Key::PoliciesPath:
        m_ui->policiesPathLineEdit->setText(value.toString());
        return;
    case Key::StayOnTop:
        m_ui->stayOnTopCheckBox->setChecked(value.toBool());
        return;
    case Key::UiLanguage:
        m_ui->languageComboBox->setCurrentIndex(
            std::max(0, m_ui->languageComboBox->findData(value.toString())));
        return;
    case Key::WindowGeometry:
    case Key::ReviewWindowGeometry:
    case Key::ReviewSavedFilters:
    case Key::TrainingDatabaseUrl: // the trainer's: in the managed file or set by hand
    case Key::PackSourceUrl: // the administrator's: in the managed file
    case Key::PackPublicKeys:
        break;
    }
    Q_UNREACHABLE();
}

// The control that takes the focus when the key's value is refused.
QWidget *SettingsDialog::field(Key key) const
{
    switch (key) {
    case Key::CaseServiceUrl:
        return m_ui->caseServiceUrlLineEdit;
    case Key::CaseServiceToken:
        return m_ui->caseServiceTokenLineEdit;
    case Key::AuditDatabaseUrl:
        return m_ui->auditDatabaseUrlLineEdit;
    case Key::BridgePort:
        return m_ui->bridgePortSpinBox;
    case Key::BridgeAllowedOrigins:
        return m_ui->bridgeAllowedOriginsLineEdit;
    case Key::RulePackPath:
        return m_ui->rulePackPathLineEdit;
    case Key::PoliciesPath:
        return m_ui->policiesPathLineEdit;
    case Key::StayOnTop:
        return m_ui->stayOnTopCheckBox;
    case Key::UiLanguage:
        return m_ui->languageComboBox;
    case Key::WindowGeometry:
    case Key::ReviewWindowGeometry:
    case Key::ReviewSavedFilters:
    case Key::TrainingDatabaseUrl: // the trainer's: in the managed file or set by hand
    case Key::PackSourceUrl: // the administrator's: in the managed file
    case Key::PackPublicKeys:
        break;
    }
    Q_UNREACHABLE();
}

// The field and the buttons that change it, all disabled when the key is locked.
QList<QWidget *> SettingsDialog::rowControls(Key key) const
{
    switch (key) {
    case Key::CaseServiceToken:
        return {m_ui->caseServiceTokenLineEdit, m_ui->showTokenButton};
    case Key::AuditDatabaseUrl:
        return {m_ui->auditDatabaseUrlLineEdit, m_ui->auditDatabasePasswordLineEdit};
    case Key::RulePackPath:
        return {m_ui->rulePackPathLineEdit, m_ui->rulePackBrowseButton};
    case Key::PoliciesPath:
        return {m_ui->policiesPathLineEdit, m_ui->policiesBrowseButton};
    default:
        return {field(key)};
    }
}

QLabel *SettingsDialog::lockLabel(Key key) const
{
    switch (key) {
    case Key::CaseServiceUrl:
        return m_ui->caseServiceUrlLockLabel;
    case Key::CaseServiceToken:
        return m_ui->caseServiceTokenLockLabel;
    case Key::AuditDatabaseUrl:
        return m_ui->auditDatabaseUrlLockLabel;
    case Key::BridgePort:
        return m_ui->bridgePortLockLabel;
    case Key::BridgeAllowedOrigins:
        return m_ui->bridgeAllowedOriginsLockLabel;
    case Key::RulePackPath:
        return m_ui->rulePackPathLockLabel;
    case Key::PoliciesPath:
        return m_ui->policiesPathLockLabel;
    case Key::StayOnTop:
        return m_ui->stayOnTopLockLabel;
    case Key::UiLanguage:
        return m_ui->languageLockLabel;
    case Key::WindowGeometry:
    case Key::ReviewWindowGeometry:
    case Key::ReviewSavedFilters:
    case Key::TrainingDatabaseUrl: // the trainer's: in the managed file or set by hand
    case Key::PackSourceUrl: // the administrator's: in the managed file
    case Key::PackPublicKeys:
        break;
    }
    Q_UNREACHABLE();
}

// Checks every field before changing anything, so a refused value leaves the settings as they
// were; then applies the changes and writes the user's file. A refusal or a failed write keeps
// the dialog open with the agent's input in place.
void SettingsDialog::save()
{
    m_ui->errorLabel->hide();
    QList<std::pair<Key, QVariant>> changes;
    for (const Key key : editedKeys()) {
        if (m_settings.isLocked(key))
            continue;
        const Result<QVariant> checked = registry::normalise(key, fieldValue(key));
        if (!checked) {
            showError(tr("%1: %2").arg(fieldName(key), registry::reason(key, checked.error())),
                      field(key));
            return;
        }
        if (checked.value() != m_settings.value(key))
            changes.append({key, checked.value()});
    }

    for (const auto &[key, value] : std::as_const(changes)) {
        const QVariant before = m_settings.value(key);
        const Result<bool> stored = store(key, value);
        if (!stored) {
            showError(tr("%1: %2").arg(fieldName(key), registry::reason(key, stored.error())),
                      field(key));
            return;
        }
        if (!m_previous.contains(key))
            m_previous.insert(key, before);
        if (!m_unsaved.contains(key))
            m_unsaved.append(key);
    }
    if (m_unsaved.isEmpty()) {
        accept();
        return;
    }

    const Result<bool> saved = m_settings.save();
    if (!saved) {
        showError(tr("The settings could not be saved: %1").arg(saved.error()),
                  m_ui->buttonBox->button(QDialogButtonBox::Save));
        return;
    }
    QList<Key> changed;
    for (const Key key : editedKeys()) {
        if (m_unsaved.contains(key))
            changed.append(key);
    }
    m_unsaved.clear();
    m_previous.clear();
    emit settingsSaved(changed);
    showSaved(changed);
}

// reset() rather than storing the default, so a default that depends on the machine (the audit
// database's folder) keeps following it.
Result<bool> SettingsDialog::store(Key key, const QVariant &value)
{
    return value == registry::defaultValue(key) ? m_settings.reset(key)
                                                : m_settings.setValue(key, value);
}

void SettingsDialog::showError(const QString &message, QWidget *focus)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
    focus->setFocus(Qt::OtherFocusReason);
    if (auto *edit = qobject_cast<QLineEdit *>(focus))
        edit->selectAll();
}

// Changes the running application cannot take up stay visible with a restart note until the
// agent closes the dialog; otherwise the dialog closes at once.
void SettingsDialog::showSaved(const QList<Key> &changed)
{
    QStringList restart;
    for (const Key key : changed) {
        if (needsRestart(key))
            restart.append(fieldName(key));
    }
    if (restart.isEmpty()) {
        accept();
        return;
    }
    m_saved = true;
    // The bridge token stays copyable; only what Close would discard is frozen.
    for (const Key key : editedKeys()) {
        for (QWidget *control : rowControls(key))
            control->setEnabled(false);
    }
    m_ui->resetDefaultsButton->setEnabled(false);
    m_ui->resetConfirmFrame->hide();
    m_ui->statusLabel->setText(tr("Saved. Restart Refund Guard to apply: %1.")
                                   .arg(QLocale().createSeparatedList(restart)));
    m_ui->statusLabel->show();
    m_ui->buttonBox->setStandardButtons(QDialogButtonBox::Close);
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setFocus(Qt::OtherFocusReason);
}

void SettingsDialog::reject()
{
    // Closing after a save confirms it.
    if (m_saved) {
        accept();
        return;
    }
    // A failed save left values in m_settings that are not in the file; put the old ones back
    // so the application does not run on settings the agent abandoned.
    for (auto it = m_previous.cbegin(); it != m_previous.cend(); ++it) {
        const Result<bool> restored = store(it.key(), it.value());
        if (!restored)
            rg::log::get("ui")->warn("settings dialog: {}", restored.error().toStdString());
    }
    m_previous.clear();
    m_unsaved.clear();
    QDialog::reject();
}

void SettingsDialog::browse(Key key)
{
    QLineEdit *edit
        = key == Key::PoliciesPath ? m_ui->policiesPathLineEdit : m_ui->rulePackPathLineEdit;
    const QString chosen = m_pathChooser(key, edit->text());
    if (chosen.isEmpty())
        return;
    edit->setText(chosen);
    edit->setFocus(Qt::OtherFocusReason);
}

QString SettingsDialog::choosePathWithDialog(Key key, const QString &current)
{
    if (key == Key::PoliciesPath)
        return QFileDialog::getExistingDirectory(this, tr("Choose the Policies Folder"), current);
    return QFileDialog::getOpenFileName(this, tr("Choose a Rule Pack"), current,
                                        tr("Rule packs (*.json)"));
}

void SettingsDialog::copyBridgeToken()
{
    QGuiApplication::clipboard()->setText(m_bridgeToken);
    m_ui->copyStatusLabel->setText(tr("Copied"));
    m_ui->copyStatusLabel->show();
}

// Asked inline rather than in a message box: nothing is lost until Save, and tests click it.
void SettingsDialog::askToResetDefaults()
{
    m_ui->resetConfirmFrame->show();
    m_ui->confirmResetButton->setFocus(Qt::OtherFocusReason);
}

// Fills in the defaults of the keys the agent may change. The case service token is kept: it is
// a credential, not a preference, and clearing it would cut the agent off from case lookups.
void SettingsDialog::resetDefaults()
{
    for (const Key key : editedKeys()) {
        if (key != Key::CaseServiceToken && !m_settings.isLocked(key))
            setFieldValue(key, registry::defaultValue(key));
    }
    m_ui->resetConfirmFrame->hide();
    m_ui->statusLabel->setText(tr("Defaults filled in. Click Save to keep them."));
    m_ui->statusLabel->show();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setFocus(Qt::OtherFocusReason);
}

void SettingsDialog::setTokenVisible(bool visible)
{
    m_ui->caseServiceTokenLineEdit->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
    m_ui->showTokenButton->setText(visible ? tr("&Hide") : tr("S&how"));
    m_ui->showTokenButton->setAccessibleName(visible ? tr("Hide the case service token")
                                                     : tr("Show the case service token"));
}

} // namespace rg::ui
