// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/cue.h"
#include "settings/settings.h"
#include "settings/settingsregistry.h"
#include "translations/uilanguage.h"
#include "ui/settingsdialog.h"
#include "ui/signalsmodel.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using rg::settings::Key;
using rg::settings::Settings;
using rg::ui::SettingsDialog;

namespace {

// One <message> of a .ts file.
struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;             // "unfinished", "vanished", "obsolete" or empty when finished
    QStringList translations; // one, or one per plural form
};

// The .ts file of \a language in the source tree, read as lupdate wrote it.
QList<Message> readTs(const QString &language, QString *error)
{
    QFile file(u"%1/translations/refundguard_%2.ts"_s.arg(QStringLiteral(RG_SOURCE_DIR), language));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.fileName() + u": "_s + file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == "message"_L1) {
            messages.append(message);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == "name"_L1) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            message = Message();
            message.context = context;
            message.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
        } else if (name == "source"_L1) {
            message.source = xml.readElementText();
        } else if (name == "comment"_L1) {
            message.comment = xml.readElementText();
        } else if (name == "translation"_L1) {
            message.type = xml.attributes().value("type"_L1).toString();
            if (!message.numerus)
                message.translations = {xml.readElementText()};
        } else if (name == "numerusform"_L1) {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = u"%1:%2: %3"_s.arg(file.fileName()).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

// The placeholders of \a text, sorted: "%1", "%2", "%n"…
QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(u"%(\\d+|n)"_s);
    QStringList found;
    for (const auto &match : placeholder.globalMatch(text))
        found.append(match.captured());
    found.sort();
    return found;
}

// The mnemonic markers of \a text ("&&" is a literal ampersand, not one).
qsizetype mnemonics(const QString &text)
{
    return QString(text).remove(u"&&"_s).count(u'&');
}

// Removes and deletes what installTranslators() installed on the application.
void removeInstalledTranslators()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

class TstTranslations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase();
    void cleanup();

    void embeddedTranslationLoads_data();
    void embeddedTranslationLoads();
    void everyEntryIsTranslated_data();
    void everyEntryIsTranslated();
    void settingsDialogShowsTheChosenLanguage_data();
    void settingsDialogShowsTheChosenLanguage();
    void systemLocaleIsFollowed();
};

void TstTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TstTranslations::cleanup()
{
    removeInstalledTranslators();
    QLocale::setDefault(QLocale::c());
}

void TstTranslations::embeddedTranslationLoads_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : rg::settings::registry::uiLanguages())
        QTest::newRow(qPrintable(language)) << language;
}

// Scenario: every language the settings offer has its .qm embedded, built from its .ts.
void TstTranslations::embeddedTranslationLoads()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY2(translator.load(rg::i18n::translationPath(language)),
             qPrintable(rg::i18n::translationPath(language)));
    QVERIFY(!translator.isEmpty());
    QCOMPARE(translator.language(), language);
}

void TstTranslations::everyEntryIsTranslated_data()
{
    embeddedTranslationLoads_data();
}

// Scenario: a translator (or lupdate after a source change) left nothing unfinished or empty,
// kept every %1/%n and the mnemonic of each label, and the embedded .qm says what the .ts says.
void TstTranslations::everyEntryIsTranslated()
{
    QFETCH(QString, language);
    QString error;
    const QList<Message> messages = readTs(language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 500);
    QTranslator translator;
    QVERIFY(translator.load(rg::i18n::translationPath(language)));

    for (const Message &m : messages) {
        const QString where = u"%1 / \"%2\""_s.arg(m.context, m.source);
        QVERIFY2(m.type.isEmpty(), qPrintable(where + u" is "_s + m.type));
        QCOMPARE(m.translations.size(), m.numerus ? 2 : 1);
        for (const QString &translation : m.translations) {
            QVERIFY2(!translation.trimmed().isEmpty(), qPrintable(where));
            QVERIFY2(placeholders(translation) == placeholders(m.source),
                     qPrintable(where + u" → "_s + translation));
            QVERIFY2(mnemonics(translation) == mnemonics(m.source),
                     qPrintable(where + u" → "_s + translation));
        }
        const QByteArray context = m.context.toUtf8();
        const QByteArray source = m.source.toUtf8();
        const QByteArray comment = m.comment.toUtf8();
        if (m.numerus) {
            // English, Spanish and German: the first form for one, the second for the rest.
            QCOMPARE(translator.translate(context, source, comment, 1), m.translations.at(0));
            QCOMPARE(translator.translate(context, source, comment, 5), m.translations.at(1));
        } else {
            QCOMPARE(translator.translate(context, source, comment), m.translations.at(0));
        }
    }
}

void TstTranslations::settingsDialogShowsTheChosenLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("languageLabel");
    QTest::addColumn<QString>("systemItem");
    QTest::addColumn<QString>("urgencyTitle");
    QTest::newRow("es") << u"es"_s << u"Configuración de Refund Guard"_s << u"&Idioma:"_s
                        << u"Idioma del sistema"_s << u"Presión de tiempo artificial"_s;
    QTest::newRow("de") << u"de"_s << u"Refund-Guard-Einstellungen"_s << u"Spr&ache:"_s
                        << u"Systemsprache"_s << u"Künstlicher Zeitdruck"_s;
    QTest::newRow("en") << u"en"_s << u"Refund Guard Settings"_s << u"La&nguage:"_s
                        << u"System language"_s << u"Artificial time pressure"_s;
}

// Scenario: the agent chose a language in Settings and restarted; main() installed the
// translators before the first window, which now speaks that language (form and code texts).
void TstTranslations::settingsDialogShowsTheChosenLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, title);
    QFETCH(QString, languageLabel);
    QFETCH(QString, systemItem);
    QFETCH(QString, urgencyTitle);
    const auto installed = rg::i18n::installTranslators(*qApp, language);
    QVERIFY(installed.appLoaded);
    QCOMPARE(installed.locale.name().left(2), language);
    QCOMPARE(QLocale().name().left(2), language);
    // Qt's own buttons follow when Qt's translations are installed (qt6-translations-l10n).
    const QString qtFile
        = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_%1.qm"_s.arg(language);
    if (language != u"en"_s)
        QCOMPARE(installed.qtLoaded, QFile::exists(qtFile));

    Settings settings(m_dir.filePath(u"user-%1.ini"_s.arg(language)),
                      m_dir.filePath(u"system-%1.conf"_s.arg(language)));
    SettingsDialog dialog(settings, u"token"_s);
    QCOMPARE(dialog.windowTitle(), title);
    auto *label = dialog.findChild<QLabel *>(u"languageLabel"_s);
    QVERIFY(label);
    QCOMPARE(label->text(), languageLabel);
    auto *combo = dialog.findChild<QComboBox *>(u"languageComboBox"_s);
    QVERIFY(combo);
    QCOMPARE(combo->itemText(0), systemItem);
    // Each language keeps its own name, whatever the interface's language.
    QCOMPARE(combo->itemText(combo->findData(u"es"_s)), u"Español"_s);
    QCOMPARE(combo->itemText(combo->findData(u"de"_s)), u"Deutsch"_s);
    if (language == u"es"_s)
        QCOMPARE(SettingsDialog::fieldName(Key::UiLanguage), u"Idioma"_s);
    // The cue titles of the signals list and the trainer, every one in the chosen language.
    QCOMPARE(rg::ui::cueTitle(u"urgency"_s), urgencyTitle);
    for (const rg::model::CueInfo &cue : rg::model::cues()) {
        const QString shown = rg::ui::cueTitle(QString(cue.id));
        QVERIFY2(!shown.isEmpty() && (language == u"en"_s) == (shown == QString(cue.title)),
                 qPrintable(u"%1: %2"_s.arg(cue.id, shown)));
    }
}

// Scenario: no language set; a German desk gets German, a French one the English source text.
void TstTranslations::systemLocaleIsFollowed()
{
    QLocale::setDefault(QLocale(u"de_DE"_s));
    auto installed = rg::i18n::installTranslators(*qApp, QString());
    QVERIFY(installed.appLoaded);
    QCOMPARE(SettingsDialog::fieldName(Key::UiLanguage), u"Sprache"_s);
    removeInstalledTranslators();

    QLocale::setDefault(QLocale(u"fr_FR"_s));
    installed = rg::i18n::installTranslators(*qApp, QString());
    QVERIFY(!installed.appLoaded);
    QCOMPARE(SettingsDialog::fieldName(Key::UiLanguage), u"Language"_s);
}

QTEST_MAIN(TstTranslations)
#include "tst_translations.moc"
