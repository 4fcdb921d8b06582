// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/settings.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using rg::settings::Key;
using rg::settings::Settings;
using rg::ui::SettingsDialog;
namespace registry = rg::settings::registry;

Q_DECLARE_METATYPE(rg::settings::Key)

namespace {

// The dialog's widgets, found by the objectNames the form gives them.
struct Form
{
    explicit Form(const SettingsDialog &d)
        : url(d.findChild<QLineEdit *>(u"caseServiceUrlLineEdit"_s))
        , token(d.findChild<QLineEdit *>(u"caseServiceTokenLineEdit"_s))
        , database(d.findChild<QLineEdit *>(u"auditDatabaseUrlLineEdit"_s))
        , databasePassword(d.findChild<QLineEdit *>(u"auditDatabasePasswordLineEdit"_s))
        , port(d.findChild<QSpinBox *>(u"bridgePortSpinBox"_s))
        , origins(d.findChild<QLineEdit *>(u"bridgeAllowedOriginsLineEdit"_s))
        , bridgeToken(d.findChild<QLineEdit *>(u"bridgeTokenLineEdit"_s))
        , rulePack(d.findChild<QLineEdit *>(u"rulePackPathLineEdit"_s))
        , policies(d.findChild<QLineEdit *>(u"policiesPathLineEdit"_s))
        , stayOnTop(d.findChild<QCheckBox *>(u"stayOnTopCheckBox"_s))
        , language(d.findChild<QComboBox *>(u"languageComboBox"_s))
        , showToken(d.findChild<QPushButton *>(u"showTokenButton"_s))
        , copyToken(d.findChild<QPushButton *>(u"copyTokenButton"_s))
        , rulePackBrowse(d.findChild<QPushButton *>(u"rulePackBrowseButton"_s))
        , policiesBrowse(d.findChild<QPushButton *>(u"policiesBrowseButton"_s))
        , resetDefaults(d.findChild<QPushButton *>(u"resetDefaultsButton"_s))
        , confirmReset(d.findChild<QPushButton *>(u"confirmResetButton"_s))
        , keepValues(d.findChild<QPushButton *>(u"keepValuesButton"_s))
        , warnings(d.findChild<QLabel *>(u"warningsLabel"_s))
        , error(d.findChild<QLabel *>(u"errorLabel"_s))
        , status(d.findChild<QLabel *>(u"statusLabel"_s))
        , copyStatus(d.findChild<QLabel *>(u"copyStatusLabel"_s))
        , buttons(d.findChild<QDialogButtonBox *>(u"buttonBox"_s))
        , dialog(d)
    {}

    bool complete() const
    {
        const QList<const QObject *> all{url,
                                         token,
                                         database,
                                         databasePassword,
                                         port,
                                         origins,
                                         bridgeToken,
                                         rulePack,
                                         policies,
                                         stayOnTop,
                                         language,
                                         showToken,
                                         copyToken,
                                         rulePackBrowse,
                                         policiesBrowse,
                                         resetDefaults,
                                         confirmReset,
                                         keepValues,
                                         warnings,
                                         error,
                                         status,
                                         copyStatus,
                                         buttons};
        return !all.contains(nullptr);
    }
    QPushButton *save() const { return buttons->button(QDialogButtonBox::Save); }
    QPushButton *close() const { return buttons->button(QDialogButtonBox::Close); }
    QLabel *lock(const QString &row) const
    {
        return dialog.findChild<QLabel *>(row + u"LockLabel"_s);
    }

    QLineEdit *url, *token, *database, *databasePassword;
    QSpinBox *port;
    QLineEdit *origins, *bridgeToken, *rulePack, *policies;
    QCheckBox *stayOnTop;
    QComboBox *language;
    QPushButton *showToken, *copyToken, *rulePackBrowse, *policiesBrowse, *resetDefaults,
        *confirmReset, *keepValues;
    QLabel *warnings, *error, *status, *copyStatus;
    QDialogButtonBox *buttons;
    const SettingsDialog &dialog;
};

// Replaces a field's text the way an agent does: select all, then type.
void typeInto(QWidget *field, const QString &text)
{
    QTest::mouseClick(field, Qt::LeftButton);
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
}

// Clicks a check box on its indicator: a check box only takes clicks on its box and text, and a
// wide one's centre may be neither.
void clickCheckBox(QCheckBox *box)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
}

const QString kBridgeToken = u"bridge-token-0123456789abcdef"_s;

} // namespace

class TstSettingsDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // A fresh pair of paths per test; nothing exists until written.
    QString userPath() const { return m_dir.filePath(u"user%1.ini"_s.arg(m_counter)); }
    QString systemPath() const { return m_dir.filePath(u"system%1.conf"_s.arg(m_counter)); }

    static void writeIni(const QString &path, const QList<std::pair<Key, QString>> &lines)
    {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
        for (const auto &[key, value] : lines)
            file.write((registry::keyString(key) + u'=' + value + u'\n').toUtf8());
    }
    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // Shown and active, so that focus moves and key presses reach it.
    static bool showAndActivate(SettingsDialog &dialog)
    {
        dialog.show();
        return QTest::qWaitForWindowActive(&dialog);
    }

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void listsEveryUserFacingKey();
    void showsCurrentValues();
    void savesEditsToTheUserFile();
    void stayOnTopClosesAtOnce();
    void languageIsChosenForTheNextStart();
    void invalidValueIsRefused_data();
    void invalidValueIsRefused();
    void lockedKeyIsDisabledAndKept();
    void copyPutsTheBridgeTokenOnTheClipboard();
    void bridgeTokenIsReadOnly();
    void saveFailureKeepsTheDialogOpen();
    void storedProblemsAreShown();
    void showHidesTheCaseServiceToken();
    void browseUsesThePathChooser();
    void resetFillsInDefaultsAfterConfirmation();
    void escapeDiscardsEdits();
    void keyboardAndAccessibleNames();
    void databasePasswordIsMasked();
    void databasePasswordCanBeChanged();
    void lockedDatabasePasswordIsNotShown();
};

void TstSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TstSettingsDialog::init()
{
    ++m_counter;
    // Any warning fails, except the offscreen plugin's note that it cannot pass size hints on.
    QTest::failOnWarning(
        QRegularExpression(u"^(?!This plugin does not support propagateSizeHints\\(\\)$)"_s));
}

void TstSettingsDialog::cleanup()
{
    QGuiApplication::clipboard()->clear();
}

// Scenario: a key added to the registry must get a field (or be named here as internal), and
// only what the window applies at once skips the restart note.
void TstSettingsDialog::listsEveryUserFacingKey()
{
    QList<Key> expected = registry::allKeys();
    // The training database is the trainer's (the managed file), not an agent's field; the pack
    // source and its keys are the administrator's.
    for (const Key internal : {Key::WindowGeometry, Key::ReviewWindowGeometry,
                               Key::ReviewSavedFilters, Key::TrainingDatabaseUrl,
                               Key::PackSourceUrl, Key::PackPublicKeys})
        expected.removeOne(internal);
    QCOMPARE(SettingsDialog::editedKeys(), expected);
    for (const Key key : SettingsDialog::editedKeys())
        QCOMPARE(SettingsDialog::needsRestart(key), key != Key::StayOnTop);
}

// Scenario: the agent opens the dialog and sees what the user file holds.
void TstSettingsDialog::showsCurrentValues()
{
    writeIni(userPath(),
             {{Key::CaseServiceUrl, u"https://cases.example.com/api"_s},
              {Key::CaseServiceToken, u"case-token"_s},
              {Key::AuditDatabaseUrl, u"sqlite:///var/lib/rg/audit.db"_s},
              {Key::BridgePort, u"50000"_s},
              {Key::BridgeAllowedOrigins, u"chrome-extension://abc, https://c.example"_s},
              {Key::RulePackPath, u"/opt/rg/pack.json"_s},
              {Key::PoliciesPath, u"/opt/rg/policies"_s},
              {Key::StayOnTop, u"true"_s}});
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    QCOMPARE(form.url->text(), u"https://cases.example.com/api"_s);
    QCOMPARE(form.token->text(), u"case-token"_s);
    QCOMPARE(form.token->echoMode(), QLineEdit::Password);
    QCOMPARE(form.database->text(), u"sqlite:///var/lib/rg/audit.db"_s);
    QCOMPARE(form.port->value(), 50000);
    QCOMPARE(form.origins->text(), u"chrome-extension://abc, https://c.example"_s);
    QCOMPARE(form.rulePack->text(), u"/opt/rg/pack.json"_s);
    QCOMPARE(form.policies->text(), u"/opt/rg/policies"_s);
    QVERIFY(form.stayOnTop->isChecked());
    QCOMPARE(form.language->currentData().toString(), QString()); // the system's language
    QCOMPARE(form.bridgeToken->text(), kBridgeToken);
    QVERIFY(form.warnings->isHidden());
    QVERIFY(form.error->isHidden());
    for (const QString &row : {u"caseServiceUrl"_s, u"bridgePort"_s, u"stayOnTop"_s})
        QVERIFY(form.lock(row)->isHidden());
}

// Scenario: the agent edits every kind of field and saves; a fresh Settings reads the values
// back, and the keys that need a restart say so before the dialog closes.
void TstSettingsDialog::savesEditsToTheUserFile()
{
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    const QString database = u"sqlite://"_s + m_dir.filePath(u"audit.db"_s);
    typeInto(form.url, u"https://cases.example.com/v2"_s);
    typeInto(form.token, u"new-token"_s);
    typeInto(form.database, database);
    typeInto(form.port, u"50001"_s);
    typeInto(form.origins, u"chrome-extension://abc, https://console.example.com:8443"_s);
    typeInto(form.rulePack, u"/opt/rg/pack.json"_s);
    clickCheckBox(form.stayOnTop);
    QVERIFY(form.stayOnTop->isChecked());
    QTest::mouseClick(form.save(), Qt::LeftButton);

    QTRY_COMPARE(saved.size(), 1);
    QVERIFY2(form.error->isHidden(), qPrintable(form.error->text()));
    const QList<Key> changed{Key::CaseServiceUrl, Key::CaseServiceToken,     Key::AuditDatabaseUrl,
                             Key::BridgePort,     Key::BridgeAllowedOrigins, Key::RulePackPath,
                             Key::StayOnTop};
    QCOMPARE(saved.at(0).at(0).value<QList<Key>>(), changed);
    // Restart keys changed: the note stays up until the agent closes the dialog.
    QVERIFY(dialog.isVisible());
    QVERIFY(form.status->isVisible());
    QVERIFY2(form.status->text().contains(u"Restart"_s), qPrintable(form.status->text()));
    for (const Key key : changed) {
        QCOMPARE(form.status->text().contains(SettingsDialog::fieldName(key)),
                 SettingsDialog::needsRestart(key));
    }
    // What Close would discard is frozen; the bridge token can still be copied.
    QVERIFY(!form.url->isEnabled());
    QVERIFY(!form.rulePackBrowse->isEnabled());
    QVERIFY(form.copyToken->isEnabled());
    QVERIFY(form.save() == nullptr);
    QVERIFY(form.close());
    QTest::mouseClick(form.close(), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const Settings reread(userPath(), systemPath());
    QVERIFY2(reread.warnings().isEmpty(), qPrintable(reread.warnings().join(u'\n')));
    QCOMPARE(reread.value(Key::CaseServiceUrl).toString(), u"https://cases.example.com/v2"_s);
    QCOMPARE(reread.value(Key::CaseServiceToken).toString(), u"new-token"_s);
    QCOMPARE(reread.value(Key::AuditDatabaseUrl).toString(), database);
    QCOMPARE(reread.value(Key::BridgePort), QVariant(50001));
    QCOMPARE(reread.value(Key::BridgeAllowedOrigins).toStringList(),
             (QStringList{u"chrome-extension://abc"_s, u"https://console.example.com:8443"_s}));
    QCOMPARE(reread.value(Key::RulePackPath).toString(), u"/opt/rg/pack.json"_s);
    QCOMPARE(reread.value(Key::PoliciesPath).toString(), QString());
    QCOMPARE(reread.value(Key::StayOnTop), QVariant(true));
}

// Scenario: only stay-on-top changes; the window is told at once and the dialog closes.
void TstSettingsDialog::stayOnTopClosesAtOnce()
{
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    form.stayOnTop->setFocus();
    QTest::keyClick(form.stayOnTop, Qt::Key_Space);
    QVERIFY(form.stayOnTop->isChecked());
    QTest::keyClick(&dialog, Qt::Key_Return); // Save is the default button

    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).value<QList<Key>>(), QList<Key>{Key::StayOnTop});
    QCOMPARE(settings.value(Key::StayOnTop), QVariant(true));
    QCOMPARE(Settings(userPath(), systemPath()).value(Key::StayOnTop), QVariant(true));
}

void TstSettingsDialog::invalidValueIsRefused_data()
{
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<Key>("key");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("label");
    QTest::newRow("url not http") << u"caseServiceUrlLineEdit"_s << Key::CaseServiceUrl
                                  << u"ftp://cases.example"_s << u"Case service URL"_s;
    QTest::newRow("url with password") << u"caseServiceUrlLineEdit"_s << Key::CaseServiceUrl
                                       << u"https://me:pw@cases.example"_s << u"Case service URL"_s;
    QTest::newRow("bad origin") << u"bridgeAllowedOriginsLineEdit"_s << Key::BridgeAllowedOrigins
                                << u"https://ok.example, not an origin"_s << u"Allowed origins"_s;
    QTest::newRow("origin with path")
        << u"bridgeAllowedOriginsLineEdit"_s << Key::BridgeAllowedOrigins
        << u"https://ok.example/path"_s << u"Allowed origins"_s;
    QTest::newRow("privileged port")
        << u"bridgePortSpinBox"_s << Key::BridgePort << u"80"_s << u"Bridge port"_s;
    QTest::newRow("database scheme") << u"auditDatabaseUrlLineEdit"_s << Key::AuditDatabaseUrl
                                     << u"mysql://db/audit"_s << u"Audit database URL"_s;
    QTest::newRow("relative rule pack")
        << u"rulePackPathLineEdit"_s << Key::RulePackPath << u"rules/pack.json"_s << u"Rule pack"_s;
    QTest::newRow("relative policies")
        << u"policiesPathLineEdit"_s << Key::PoliciesPath << u"policies"_s << u"Policies folder"_s;
}

// Scenario: one field holds a value the registry refuses while another holds a valid change.
// The error names the field and takes the focus there; nothing is applied or written and the
// agent's input stays.
void TstSettingsDialog::invalidValueIsRefused()
{
    QFETCH(QString, fieldName);
    QFETCH(Key, key);
    QFETCH(QString, typed);
    QFETCH(QString, label);
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());
    auto *field = dialog.findChild<QWidget *>(fieldName);
    QVERIFY(field);

    clickCheckBox(form.stayOnTop);
    typeInto(field, typed);
    QTest::mouseClick(form.save(), Qt::LeftButton);

    QTRY_VERIFY(form.error->isVisible());
    QVERIFY2(form.error->text().startsWith(label + u": "_s), qPrintable(form.error->text()));
    // The label takes the place of the registry's key name.
    QVERIFY2(!form.error->text().contains(registry::keyString(key)),
             qPrintable(form.error->text()));
    QTRY_VERIFY(field->hasFocus());
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(saved.size(), 0);
    QVERIFY(!QFileInfo::exists(userPath()));
    QCOMPARE(settings.value(Key::StayOnTop), QVariant(false));
    // Nothing the agent typed is lost.
    QVERIFY(form.stayOnTop->isChecked());
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        QCOMPARE(edit->text(), typed);
    else
        QCOMPARE(form.port->value(), typed.toInt());
}

// Scenario: the administrator set the case service URL and the bridge port. Those rows are
// disabled and say why in words; saving another change leaves the user's own values alone.
void TstSettingsDialog::lockedKeyIsDisabledAndKept()
{
    writeIni(userPath(), {{Key::CaseServiceUrl, u"https://mine.example"_s}});
    writeIni(systemPath(),
             {{Key::CaseServiceUrl, u"https://central.example"_s}, {Key::BridgePort, u"50000"_s}});
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    QCOMPARE(form.url->text(), u"https://central.example"_s);
    QVERIFY(!form.url->isEnabled());
    QVERIFY(!form.port->isEnabled());
    QCOMPARE(form.port->value(), 50000);
    for (const QString &row : {u"caseServiceUrl"_s, u"bridgePort"_s}) {
        QLabel *note = form.lock(row);
        QVERIFY(note);
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), u"Set by your administrator"_s);
        QVERIFY2(note->toolTip().contains(systemPath()), qPrintable(note->toolTip()));
    }
    QVERIFY(form.url->toolTip().contains(u"administrator"_s));
    QVERIFY(form.lock(u"caseServiceToken"_s)->isHidden());
    QVERIFY(form.token->isEnabled());
    QVERIFY(form.stayOnTop->isEnabled());

    // Reset leaves locked rows as they are.
    QTest::mouseClick(form.resetDefaults, Qt::LeftButton);
    QTest::mouseClick(form.confirmReset, Qt::LeftButton);
    QCOMPARE(form.url->text(), u"https://central.example"_s);
    QCOMPARE(form.port->value(), 50000);

    clickCheckBox(form.stayOnTop);
    QTest::mouseClick(form.save(), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QSettings raw(userPath(), QSettings::IniFormat);
    QCOMPARE(raw.value(registry::keyString(Key::CaseServiceUrl)).toString(),
             u"https://mine.example"_s);
    QVERIFY(!raw.contains(registry::keyString(Key::BridgePort)));
    QCOMPARE(raw.value(registry::keyString(Key::StayOnTop)).toString(), u"true"_s);
}

// Scenario: the agent copies the bridge token to paste it into the console integration.
void TstSettingsDialog::copyPutsTheBridgeTokenOnTheClipboard()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->setText(u"probe"_s);
    // CI runs offscreen, whose clipboard works: there a missing clipboard is a failure, not a skip.
    if (clipboard->text() != u"probe"_s && qEnvironmentVariable("CI") == u"true"_s)
        QFAIL("the platform plugin has no clipboard");
    if (clipboard->text() != u"probe"_s)
        QSKIP("this platform plugin has no clipboard");
    clipboard->clear();

    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());
    QVERIFY(form.copyStatus->isHidden());

    QTest::mouseClick(form.copyToken, Qt::LeftButton);
    QTRY_COMPARE(clipboard->text(), kBridgeToken);
    QVERIFY(form.copyStatus->isVisible());
    QCOMPARE(form.copyStatus->text(), u"Copied"_s);
}

// Scenario: typing into the bridge token changes nothing; without a token there is nothing to
// copy.
void TstSettingsDialog::bridgeTokenIsReadOnly()
{
    Settings settings(userPath(), systemPath());
    {
        SettingsDialog dialog(settings, kBridgeToken);
        QVERIFY(showAndActivate(dialog));
        const Form form(dialog);
        QVERIFY(form.complete());
        QVERIFY(form.bridgeToken->isReadOnly());
        QTest::mouseClick(form.bridgeToken, Qt::LeftButton);
        QTest::keyClick(form.bridgeToken, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(form.bridgeToken, u"x"_s);
        QTest::keyClick(form.bridgeToken, Qt::Key_Backspace);
        QCOMPARE(form.bridgeToken->text(), kBridgeToken);
        QVERIFY(form.copyToken->isEnabled());
    }
    SettingsDialog dialog(settings, QString());
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());
    QVERIFY(!form.copyToken->isEnabled());
    QVERIFY(!form.bridgeToken->placeholderText().isEmpty());
}

// Scenario: the user file cannot be written (its folder's parent is a regular file, which
// stops root too). The error names the file, the dialog stays open with the agent's change,
// a retry fails the same way, and Cancel puts the old value back into the running settings.
void TstSettingsDialog::saveFailureKeepsTheDialogOpen()
{
    const QString blocker = m_dir.filePath(u"blocker%1"_s.arg(m_counter));
    writeIni(blocker, {});
    Settings settings(blocker + u"/sub/user.ini"_s, systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    clickCheckBox(form.stayOnTop);
    for (int attempt = 0; attempt < 2; ++attempt) {
        QTest::mouseClick(form.save(), Qt::LeftButton);
        QTRY_VERIFY(form.error->isVisible());
        QVERIFY2(form.error->text().contains(u"could not be saved"_s),
                 qPrintable(form.error->text()));
        QVERIFY2(form.error->text().contains(blocker), qPrintable(form.error->text()));
        QVERIFY(dialog.isVisible());
        QVERIFY(form.stayOnTop->isChecked());
        QCOMPARE(saved.size(), 0);
    }

    QTest::keyClick(&dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(settings.value(Key::StayOnTop), QVariant(false));
    QCOMPARE(contents(blocker), QByteArray());
}

// Scenario: the user file holds a value the registry refuses; the dialog says so at the top.
void TstSettingsDialog::storedProblemsAreShown()
{
    writeIni(userPath(), {{Key::BridgePort, u"80"_s}});
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    QVERIFY(form.warnings->isVisible());
    QVERIFY2(form.warnings->text().contains(userPath()), qPrintable(form.warnings->text()));
    QVERIFY2(form.warnings->text().contains(registry::keyString(Key::BridgePort)),
             qPrintable(form.warnings->text()));
    QCOMPARE(form.port->value(), 47800); // the default took its place
}

// Scenario: the agent checks the case service token they pasted, then hides it again.
void TstSettingsDialog::showHidesTheCaseServiceToken()
{
    writeIni(userPath(), {{Key::CaseServiceToken, u"case-token"_s}});
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    QTest::mouseClick(form.showToken, Qt::LeftButton);
    QCOMPARE(form.token->echoMode(), QLineEdit::Normal);
    QVERIFY(form.showToken->isChecked());
    QVERIFY(form.showToken->text().contains(u"Hide"_s));
    QVERIFY(form.showToken->accessibleName().contains(u"Hide"_s));
    QTest::mouseClick(form.showToken, Qt::LeftButton);
    QCOMPARE(form.token->echoMode(), QLineEdit::Password);
    QVERIFY(form.showToken->accessibleName().contains(u"Show"_s));
}

// Scenario: Browse asks the (scripted) path chooser; a choice fills the field, a cancel keeps it.
void TstSettingsDialog::browseUsesThePathChooser()
{
    writeIni(userPath(), {{Key::PoliciesPath, u"/opt/rg/policies"_s}});
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QList<std::pair<Key, QString>> asked;
    QString answer = u"/opt/rg/pack.json"_s;
    dialog.setPathChooser([&](Key key, const QString &current) {
        asked.append({key, current});
        return answer;
    });
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    QTest::mouseClick(form.rulePackBrowse, Qt::LeftButton);
    QCOMPARE(form.rulePack->text(), u"/opt/rg/pack.json"_s);
    answer.clear(); // cancelled
    QTest::mouseClick(form.policiesBrowse, Qt::LeftButton);
    QCOMPARE(form.policies->text(), u"/opt/rg/policies"_s);
    QCOMPARE(asked, (QList<std::pair<Key, QString>>{{Key::RulePackPath, QString()},
                                                    {Key::PoliciesPath, u"/opt/rg/policies"_s}}));
}

// Scenario: the agent asks to reset, thinks better of it, then confirms. The defaults fill the
// form (the token stays) and Save removes the user's values from the file.
void TstSettingsDialog::resetFillsInDefaultsAfterConfirmation()
{
    writeIni(userPath(), {{Key::CaseServiceUrl, u"https://cases.example"_s},
                          {Key::CaseServiceToken, u"case-token"_s},
                          {Key::BridgePort, u"50000"_s},
                          {Key::BridgeAllowedOrigins, u"https://c.example"_s},
                          {Key::StayOnTop, u"true"_s}});
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());
    QVERIFY(!form.confirmReset->isVisible());

    QTest::mouseClick(form.resetDefaults, Qt::LeftButton);
    QVERIFY(form.confirmReset->isVisible());
    QTRY_VERIFY(form.confirmReset->hasFocus());
    QTest::mouseClick(form.keepValues, Qt::LeftButton);
    QVERIFY(!form.confirmReset->isVisible());
    QCOMPARE(form.port->value(), 50000);

    QTest::mouseClick(form.resetDefaults, Qt::LeftButton);
    QTest::keyClick(form.confirmReset, Qt::Key_Space);
    QVERIFY(!form.confirmReset->isVisible());
    QCOMPARE(form.url->text(), QString());
    QCOMPARE(form.port->value(), 47800);
    QCOMPARE(form.origins->text(), QString());
    QVERIFY(!form.stayOnTop->isChecked());
    QCOMPARE(form.token->text(), u"case-token"_s);
    QVERIFY(form.status->isVisible());

    QTest::mouseClick(form.save(), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).value<QList<Key>>(),
             (QList<Key>{Key::CaseServiceUrl, Key::BridgePort, Key::BridgeAllowedOrigins,
                         Key::StayOnTop}));
    QTest::mouseClick(form.close(), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());

    const QSettings raw(userPath(), QSettings::IniFormat);
    for (const Key key :
         {Key::CaseServiceUrl, Key::BridgePort, Key::BridgeAllowedOrigins, Key::StayOnTop}) {
        QVERIFY2(!raw.contains(registry::keyString(key)), qPrintable(registry::keyString(key)));
    }
    QCOMPARE(raw.value(registry::keyString(Key::CaseServiceToken)).toString(), u"case-token"_s);
}

// Scenario: the agent switches the interface to German. The translators are installed at start,
// so the choice is saved with a restart note, and "System language" puts the default back.
void TstSettingsDialog::languageIsChosenForTheNextStart()
{
    writeIni(userPath(), {{Key::UiLanguage, u"es"_s}});
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());
    QCOMPARE(form.language->currentData().toString(), u"es"_s);
    QCOMPARE(form.language->count(), registry::uiLanguages().size() + 1);

    QTest::keyClick(&dialog, Qt::Key_N, Qt::AltModifier);
    QTRY_VERIFY(form.language->hasFocus());
    form.language->setCurrentIndex(form.language->findData(u"de"_s));
    QCOMPARE(form.language->currentText(), u"Deutsch"_s);
    QTest::mouseClick(form.save(), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).value<QList<Key>>(), QList<Key>{Key::UiLanguage});
    QVERIFY(form.status->isVisible());
    QVERIFY2(form.status->text().contains(SettingsDialog::fieldName(Key::UiLanguage)),
             qPrintable(form.status->text()));
    QTest::mouseClick(form.close(), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(Settings(userPath(), systemPath()).value(Key::UiLanguage).toString(), u"de"_s);

    SettingsDialog again(settings, kBridgeToken);
    QVERIFY(showAndActivate(again));
    const Form second(again);
    QCOMPARE(second.language->currentData().toString(), u"de"_s);
    second.language->setCurrentIndex(0);
    QTest::mouseClick(second.save(), Qt::LeftButton);
    QTRY_VERIFY(second.close() != nullptr); // saved, with the restart note
    // The default is stored by removing the user's value.
    QVERIFY(!QSettings(userPath(), QSettings::IniFormat).contains(registry::keyString(Key::UiLanguage)));
}

// Scenario: Escape closes the dialog without applying or writing anything.
void TstSettingsDialog::escapeDiscardsEdits()
{
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    typeInto(form.url, u"https://cases.example"_s);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(saved.size(), 0);
    QCOMPARE(settings.value(Key::CaseServiceUrl).toString(), QString());
    QVERIFY(!QFileInfo::exists(userPath()));
}

// Scenario: a keyboard and screen-reader user: every control has an accessible name and a
// typed objectName, labels are plain text, mnemonics reach their fields and Tab walks the
// form top to bottom.
void TstSettingsDialog::keyboardAndAccessibleNames()
{
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    const QList<std::pair<const char *, QString>> suffixes{
        {"QLineEdit", u"LineEdit"_s}, {"QSpinBox", u"SpinBox"_s}, {"QCheckBox", u"CheckBox"_s},
        {"QPushButton", u"Button"_s}, {"QLabel", u"Label"_s},     {"QGroupBox", u"GroupBox"_s},
        {"QFrame", u"Frame"_s},       {"QComboBox", u"ComboBox"_s}};
    for (QWidget *widget : dialog.findChildren<QWidget *>()) {
        // Qt's own parts: the spin box's editor and the button box's standard buttons.
        if (widget->objectName().startsWith(u"qt_"_s) || widget->parent() == form.buttons)
            continue;
        for (const auto &[className, suffix] : suffixes) {
            if (qstrcmp(widget->metaObject()->className(), className) != 0)
                continue;
            QVERIFY2(widget->objectName().endsWith(suffix), qPrintable(widget->objectName()));
            if (auto *label = qobject_cast<QLabel *>(widget))
                QCOMPARE(label->textFormat(), Qt::PlainText);
            else if (widget->focusPolicy() != Qt::NoFocus) // a control, not a container
                QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        }
    }

    QTest::keyClick(&dialog, Qt::Key_P, Qt::AltModifier);
    QTRY_VERIFY(form.port->hasFocus());
    QTest::keyClick(&dialog, Qt::Key_O, Qt::AltModifier);
    QTRY_VERIFY(form.origins->hasFocus());
    QTest::keyClick(&dialog, Qt::Key_U, Qt::AltModifier);
    QTRY_VERIFY(form.url->hasFocus());

    const QList<QWidget *> order{
        form.url,      form.token,          form.showToken, form.database,     form.port,
        form.origins,  form.bridgeToken,    form.copyToken, form.rulePack,     form.rulePackBrowse,
        form.policies, form.policiesBrowse, form.stayOnTop, form.language, form.resetDefaults};
    for (qsizetype i = 1; i < order.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_VERIFY2(order.at(i)->hasFocus(), qPrintable(order.at(i)->objectName()));
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_VERIFY(form.buttons->isAncestorOf(QApplication::focusWidget()));
}

namespace {

const QString kPostgresUrl = u"postgresql://rg:s3cr3t-pw@db.example:5432/audit"_s;

// Every piece of text in the dialog that the agent (or a screen reader) can read.
QStringList readableTexts(const SettingsDialog &dialog)
{
    QStringList texts;
    for (const QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
        if (edit->echoMode() == QLineEdit::Normal)
            texts << edit->text();
        texts << edit->displayText() << edit->toolTip() << edit->accessibleName()
              << edit->accessibleDescription();
    }
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        texts << label->text() << label->toolTip();
    return texts;
}

} // namespace

// Scenario: the audit log is on PostgreSQL and its URL carries the password. The URL is shown
// without it, the password only masked; saving another change writes the URL back untouched.
void TstSettingsDialog::databasePasswordIsMasked()
{
    writeIni(userPath(), {{Key::AuditDatabaseUrl, kPostgresUrl}});
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    QCOMPARE(form.database->text(), u"postgresql://rg@db.example:5432/audit"_s);
    QCOMPARE(form.databasePassword->echoMode(), QLineEdit::Password);
    QCOMPARE(form.databasePassword->text(), u"s3cr3t-pw"_s);
    QVERIFY(form.databasePassword->isEnabled());
    for (const QString &text : readableTexts(dialog))
        QVERIFY2(!text.contains(u"s3cr3t"_s), qPrintable(text));
    // Tab reaches the password right after the URL.
    form.database->setFocus();
    QTest::keyClick(form.database, Qt::Key_Tab);
    QTRY_VERIFY(form.databasePassword->hasFocus());

    clickCheckBox(form.stayOnTop);
    QTest::mouseClick(form.save(), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(Settings(userPath(), systemPath()).value(Key::AuditDatabaseUrl).toString(),
             kPostgresUrl);
}

// Scenario: the agent types a new password into its field, then pastes a URL with another
// password into the URL field: on leaving the URL the password moves into the masked field,
// and what is saved is the URL with the password last given.
void TstSettingsDialog::databasePasswordCanBeChanged()
{
    writeIni(userPath(), {{Key::AuditDatabaseUrl, kPostgresUrl}});
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    typeInto(form.databasePassword, u"n3w:p@ss"_s);
    QTest::mouseClick(form.save(), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).value<QList<Key>>(), QList<Key>{Key::AuditDatabaseUrl});
    const QString stored
        = Settings(userPath(), systemPath()).value(Key::AuditDatabaseUrl).toString();
    QCOMPARE(QUrl(stored).password(), u"n3w:p@ss"_s);
    QCOMPARE(QUrl(stored).userName(), u"rg"_s);
    QCOMPARE(QUrl(stored).host(), u"db.example"_s);
    QTest::mouseClick(form.close(), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());

    SettingsDialog again(settings, kBridgeToken);
    QVERIFY(showAndActivate(again));
    const Form second(again);
    QVERIFY(second.complete());
    typeInto(second.database, u"postgresql://audit:other-pw@db2.example/rg"_s);
    QTest::keyClick(second.database, Qt::Key_Tab);
    QTRY_COMPARE(second.database->text(), u"postgresql://audit@db2.example/rg"_s);
    QCOMPARE(second.databasePassword->text(), u"other-pw"_s);
    QTest::mouseClick(second.save(), Qt::LeftButton);
    QTRY_VERIFY(second.status->isVisible());
    QCOMPARE(Settings(userPath(), systemPath()).value(Key::AuditDatabaseUrl).toString(),
             u"postgresql://audit:other-pw@db2.example/rg"_s);

    // A SQLite URL has no password: the field is off.
    SettingsDialog sqlite(settings, kBridgeToken);
    const Form third(sqlite);
    third.database->setText(u"sqlite:///var/lib/rg/audit.db"_s);
    QVERIFY(!third.databasePassword->isEnabled());
}

// Scenario: the administrator set the audit database, password included. The agent sees the
// URL without it, and the password is not in any field, masked or not.
void TstSettingsDialog::lockedDatabasePasswordIsNotShown()
{
    writeIni(systemPath(), {{Key::AuditDatabaseUrl, kPostgresUrl}});
    Settings settings(userPath(), systemPath());
    SettingsDialog dialog(settings, kBridgeToken);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    QCOMPARE(form.database->text(), u"postgresql://rg@db.example:5432/audit"_s);
    QVERIFY(!form.database->isEnabled());
    QVERIFY(!form.databasePassword->isEnabled());
    QCOMPARE(form.databasePassword->text(), QString());
    QCOMPARE(form.databasePassword->placeholderText(), u"Set by your administrator"_s);
    for (const QString &text : readableTexts(dialog))
        QVERIFY2(!text.contains(u"s3cr3t"_s), qPrintable(text));
}

QTEST_MAIN(TstSettingsDialog)
#include "tst_settingsdialog.moc"
