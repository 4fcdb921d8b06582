// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/passphrase.h"
#include "testsupport.h"
#include "ui/passphrasedialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sodium.h>

#include <chrono>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using rg::review::SupervisorGate;
using rg::test::errorOf;
using rg::ui::PassphraseDialog;

namespace {

// Argon2id at its minimum cost: these tests are about the dialog.
const SupervisorGate::HashCost kFastCost{crypto_pwhash_argon2id_OPSLIMIT_MIN,
                                         crypto_pwhash_argon2id_MEMLIMIT_MIN};
const QString kPassphrase = u"correct horse battery staple"_s;
const QString kWrong = u"incorrect horse battery staple"_s;

// The dialog's widgets, found by the objectNames the form gives them.
struct Form
{
    explicit Form(const PassphraseDialog &d)
        : intro(d.findChild<QLabel *>(u"introLabel"_s))
        , passphrase(d.findChild<QLineEdit *>(u"passphraseLineEdit"_s))
        , confirmation(d.findChild<QLineEdit *>(u"confirmationLineEdit"_s))
        , hint(d.findChild<QLabel *>(u"hintLabel"_s))
        , error(d.findChild<QLabel *>(u"errorLabel"_s))
        , lockout(d.findChild<QLabel *>(u"lockoutLabel"_s))
        , buttons(d.findChild<QDialogButtonBox *>(u"buttonBox"_s))
    {}

    bool complete() const
    {
        return intro && passphrase && confirmation && hint && error && lockout && buttons;
    }
    QPushButton *ok() const { return buttons->button(QDialogButtonBox::Ok); }

    QLabel *intro;
    QLineEdit *passphrase, *confirmation;
    QLabel *hint, *error, *lockout;
    QDialogButtonBox *buttons;
};

// Shown and active, so that focus moves and key presses reach it.
bool showAndActivate(PassphraseDialog &dialog)
{
    dialog.show();
    return QTest::qWaitForWindowActive(&dialog);
}

} // namespace

class TstPassphraseDialog : public QObject
{
    Q_OBJECT

private:
    std::optional<QTemporaryDir> m_dir;
    QDateTime m_now;
    std::optional<SupervisorGate> m_gate;

    QString hashPath() const { return m_dir->filePath(u"supervisor-passphrase.hash"_s); }
    void advance(std::chrono::milliseconds by) { m_now = m_now.addMSecs(by.count()); }
    // The passphrase set and \a failures wrong attempts made, all at the current time.
    void setAndFail(int failures)
    {
        QVERIFY(m_gate->setPassphrase(kPassphrase, kPassphrase).ok());
        for (int i = 0; i < failures; ++i) {
            const rg::Result<bool> verified = m_gate->verify(kWrong);
            QVERIFY2(verified.ok() && !verified.value(), qPrintable(errorOf(verified)));
            advance(SupervisorGate::delayAfter(i + 1));
        }
    }

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void firstUseByKeyboard();
    void wrongPassphraseStaysOpen();
    void lockoutCountsDownAndEnds();
    void openingDuringLockout();
    void damagedHashIsShown();
    void damagedAttemptsRecordDisablesUnlock();
    void escapeRejects();
    void keyboardAndAccessibleNames();
};

void TstPassphraseDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TstPassphraseDialog::init()
{
    // Any warning fails, except the offscreen plugin's note that it cannot pass size hints on.
    QTest::failOnWarning(
        QRegularExpression(u"^(?!This plugin does not support propagateSizeHints\\(\\)$)"_s));
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_now = QDateTime(QDate(2026, 11, 26), QTime(9, 0), QTimeZone::utc());
    m_gate.emplace(hashPath(), [this] { return m_now; }, kFastCost);
}

void TstPassphraseDialog::cleanup()
{
    m_gate.reset();
    m_dir.reset();
}

// Scenario: the first supervisor opens the review. The hint counts what is missing; a short
// passphrase and then a mistyped confirmation are refused inline; the corrected pair, entered
// from the keyboard alone, sets the passphrase and accepts.
void TstPassphraseDialog::firstUseByKeyboard()
{
    PassphraseDialog dialog(*m_gate);
    QVERIFY(dialog.isFirstUse());
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());
    QVERIFY(form.confirmation->isVisible());
    QVERIFY(form.hint->isVisible());
    QVERIFY(form.error->isHidden());
    QCOMPARE(form.ok()->text(), u"&Set Passphrase"_s);
    QTRY_VERIFY(form.passphrase->hasFocus());

    QTest::keyClicks(form.passphrase, u"too short"_s);
    QVERIFY2(form.hint->text().startsWith(u"3 more character"_s), qPrintable(form.hint->text()));
    QTest::keyClick(form.passphrase, Qt::Key_Tab);
    QTRY_VERIFY(form.confirmation->hasFocus());
    QTest::keyClicks(form.confirmation, u"too short"_s);
    QTest::keyClick(form.confirmation, Qt::Key_Return);
    QTRY_VERIFY(form.error->isVisible());
    QVERIFY2(form.error->text().contains(u"at least 12 characters"_s),
             qPrintable(form.error->text()));
    QVERIFY(dialog.isVisible());
    QVERIFY(!m_gate->isSet());
    QTRY_VERIFY(form.passphrase->hasFocus()); // selected, so typing replaces it

    QTest::keyClicks(form.passphrase, kPassphrase);
    QCOMPARE(form.passphrase->text(), kPassphrase);
    QVERIFY2(form.hint->text().contains(u"does not match"_s), qPrintable(form.hint->text()));
    QTest::keyClick(form.passphrase, Qt::Key_Return);
    QTRY_VERIFY2(form.error->text().contains(u"differ"_s), qPrintable(form.error->text()));
    QVERIFY(!m_gate->isSet());

    QTest::keyClick(form.passphrase, Qt::Key_Tab);
    QTRY_VERIFY(form.confirmation->hasFocus());
    QTest::keyClick(form.confirmation, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(form.confirmation, kPassphrase);
    QCOMPARE(form.hint->text(), u"Long enough, and the confirmation matches."_s);
    QTest::keyClick(form.confirmation, Qt::Key_Return);

    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(m_gate->isSet());
    const rg::Result<bool> verified = m_gate->verify(kPassphrase);
    QVERIFY2(verified.ok() && verified.value(), qPrintable(errorOf(verified)));
}

// Scenario: with a passphrase set the dialog asks for it only; a wrong one says so, empties the
// field and stays open, and the right one accepts.
void TstPassphraseDialog::wrongPassphraseStaysOpen()
{
    setAndFail(0);
    PassphraseDialog dialog(*m_gate);
    QVERIFY(!dialog.isFirstUse());
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());
    QVERIFY(form.confirmation->isHidden());
    QVERIFY(form.hint->isHidden());
    QVERIFY(form.lockout->isHidden());
    QCOMPARE(form.ok()->text(), u"&Unlock"_s);

    QTest::keyClicks(form.passphrase, kWrong);
    QTest::keyClick(form.passphrase, Qt::Key_Return);
    QTRY_VERIFY(form.error->isVisible());
    QCOMPARE(form.error->text(), u"Wrong passphrase."_s);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(form.passphrase->text(), QString());
    QVERIFY(form.passphrase->hasFocus());
    QVERIFY(form.ok()->isEnabled()); // one slip: no delay

    QTest::keyClicks(form.passphrase, kPassphrase);
    QTest::keyClick(form.passphrase, Qt::Key_Return);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

// Scenario: the third wrong passphrase starts a delay. The dialog says how long, keeps Unlock
// disabled (Enter does nothing), and gives it back once the gate's clock has moved on.
void TstPassphraseDialog::lockoutCountsDownAndEnds()
{
    setAndFail(2);
    PassphraseDialog dialog(*m_gate);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    QTest::keyClicks(form.passphrase, kWrong);
    QTest::keyClick(form.passphrase, Qt::Key_Return);
    QTRY_VERIFY(form.lockout->isVisible());
    QCOMPARE(form.error->text(), u"Wrong passphrase."_s);
    QVERIFY2(form.lockout->text().contains(u"Try again in 1 second"_s),
             qPrintable(form.lockout->text()));
    QVERIFY(!form.ok()->isEnabled());

    // Enter during the delay neither accepts nor reaches the gate.
    QTest::keyClicks(form.passphrase, kPassphrase);
    QTest::keyClick(form.passphrase, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(form.passphrase->text(), kPassphrase);

    advance(1s);
    QTRY_VERIFY(form.lockout->isHidden());
    QVERIFY(form.ok()->isEnabled());
    QTest::keyClick(form.passphrase, Qt::Key_Return);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

// Scenario: the dialog opens while a delay from earlier failures runs (another session, or
// before a restart); the wait shows at once and counts down as the clock moves.
void TstPassphraseDialog::openingDuringLockout()
{
    setAndFail(5);
    advance(-4s); // back to the fifth failure: its 4 s delay is all ahead
    PassphraseDialog dialog(*m_gate);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());
    QVERIFY(form.lockout->isVisible());
    QVERIFY2(form.lockout->text().contains(u"Try again in 4 second"_s),
             qPrintable(form.lockout->text()));
    QVERIFY(!form.ok()->isEnabled());
    QVERIFY(form.error->isHidden());

    advance(2s);
    QTRY_VERIFY2(form.lockout->text().contains(u"Try again in 2 second"_s),
                 qPrintable(form.lockout->text()));
    advance(2s);
    QTRY_VERIFY(form.ok()->isEnabled());
    QVERIFY(form.lockout->isHidden());
}

// Scenario: the hash file was damaged; the right passphrase does not open the review and the
// dialog says what is wrong with which file.
void TstPassphraseDialog::damagedHashIsShown()
{
    setAndFail(0);
    QFile file(hashPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("refundguard-supervisor-passphrase v1\n$argon2id$nonsense\nblake2b-256:00\n");
    file.close();

    PassphraseDialog dialog(*m_gate);
    QVERIFY(!dialog.isFirstUse());
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());
    QTest::keyClicks(form.passphrase, kPassphrase);
    QTest::keyClick(form.passphrase, Qt::Key_Return);
    QTRY_VERIFY(form.error->isVisible());
    QVERIFY2(form.error->text().contains(u"damaged"_s), qPrintable(form.error->text()));
    QVERIFY2(form.error->text().contains(hashPath()), qPrintable(form.error->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

// Scenario: the record of failed attempts cannot be read; the gate would refuse every check, so
// the dialog says why as it opens and keeps Unlock disabled.
void TstPassphraseDialog::damagedAttemptsRecordDisablesUnlock()
{
    setAndFail(1);
    QFile file(m_gate->attemptsPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{}");
    file.close();

    PassphraseDialog dialog(*m_gate);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());
    QVERIFY(form.error->isVisible());
    QVERIFY2(form.error->text().contains(m_gate->attemptsPath()), qPrintable(form.error->text()));
    QVERIFY(!form.ok()->isEnabled());
    QVERIFY(form.lockout->isHidden());
}

// Scenario: the person at the keyboard gives up; the dialog is rejected.
void TstPassphraseDialog::escapeRejects()
{
    setAndFail(0);
    PassphraseDialog dialog(*m_gate);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QTest::keyClicks(form.passphrase, kPassphrase);
    QTest::keyClick(form.passphrase, Qt::Key_Escape);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

// Scenario: widgets follow the naming rules, every control has an accessible name, labels are
// plain text, and the fields are reached by their mnemonics and by Tab in reading order.
void TstPassphraseDialog::keyboardAndAccessibleNames()
{
    PassphraseDialog dialog(*m_gate);
    QVERIFY(showAndActivate(dialog));
    const Form form(dialog);
    QVERIFY(form.complete());

    const QList<std::pair<const char *, QString>> suffixes{
        {"QLineEdit", u"LineEdit"_s}, {"QPushButton", u"Button"_s}, {"QLabel", u"Label"_s}};
    for (QWidget *widget : dialog.findChildren<QWidget *>()) {
        if (widget->objectName().startsWith(u"qt_"_s))
            continue;
        if (auto *button = qobject_cast<QPushButton *>(widget)) {
            QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(button->text()));
            continue; // the button box's standard buttons are named by Qt
        }
        for (const auto &[className, suffix] : suffixes) {
            if (qstrcmp(widget->metaObject()->className(), className) != 0)
                continue;
            QVERIFY2(widget->objectName().endsWith(suffix), qPrintable(widget->objectName()));
            if (auto *label = qobject_cast<QLabel *>(widget))
                QCOMPARE(label->textFormat(), Qt::PlainText);
            else
                QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        }
    }
    QCOMPARE(form.passphrase->echoMode(), QLineEdit::Password);
    QCOMPARE(form.confirmation->echoMode(), QLineEdit::Password);

    QTest::keyClick(&dialog, Qt::Key_F, Qt::AltModifier);
    QTRY_VERIFY(form.confirmation->hasFocus());
    QTest::keyClick(&dialog, Qt::Key_P, Qt::AltModifier);
    QTRY_VERIFY(form.passphrase->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_VERIFY(form.confirmation->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_VERIFY(form.buttons->isAncestorOf(QApplication::focusWidget()));
}

QTEST_MAIN(TstPassphraseDialog)

#include "tst_passphrasedialog.moc"
