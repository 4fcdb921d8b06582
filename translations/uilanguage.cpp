// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations/uilanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace rg::i18n {

using namespace Qt::StringLiterals;

QString translationPath(const QString &language)
{
    return u":/i18n/refundguard_%1.qm"_s.arg(language);
}

/*
 * An empty \a language follows the system: QTranslator::load() walks QLocale::uiLanguages() and
 * takes the first language there is a file for, so a Spanish desk with English as its second
 * language gets Spanish. A language given explicitly that the system's locale does not speak also
 * becomes the default QLocale, so that numbers, dates and lists are written the way it writes
 * them.
 * Qt's own translation (the standard buttons of message boxes and dialogs) comes from Qt's
 * translations folder when the qt6-translations package installed it; without it those few
 * buttons stay in English.
 */
InstalledLanguage installTranslators(QCoreApplication &app, const QString &language)
{
    QLocale locale;
    // A chosen language is loaded as chosen: the system's list of UI languages (LANGUAGE=es:en)
    // must not win over it. A British desk that picks English keeps its dates; one in French that
    // picks German gets German ones.
    if (!language.isEmpty()) {
        if (QLocale(language).language() != locale.language())
            QLocale::setDefault(QLocale(language));
        locale = QLocale(language);
    }
    InstalledLanguage installed{locale, false, false};

    auto *own = new QTranslator(&app);
    installed.appLoaded = own->load(locale, u"refundguard"_s, u"_"_s, u":/i18n"_s)
                          && QCoreApplication::installTranslator(own);
    // Nothing to load for a language without a file (French): the English source text shows.
    if (!installed.appLoaded)
        delete own;

    auto *qt = new QTranslator(&app);
    installed.qtLoaded
        = qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))
          && QCoreApplication::installTranslator(qt);
    if (!installed.qtLoaded)
        delete qt;
    return installed;
}

} // namespace rg::i18n
