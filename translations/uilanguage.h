// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace rg::i18n {

// What installTranslators() did, for the log.
struct InstalledLanguage
{
    QLocale locale; // the locale the interface was asked to follow
    bool appLoaded; // Refund Guard's own translation (false where it has none: French)
    bool qtLoaded;  // Qt's translation of its own dialogs and buttons (qtbase_xx.qm)
};

// The embedded translation of \a language ("es"): ":/i18n/refundguard_es.qm".
QString translationPath(const QString &language);
// Use me once in main(), before the first window: installs on \a app the translators for
// \a language (one of settings::registry::uiLanguages(), or "" for the system's).
InstalledLanguage installTranslators(QCoreApplication &app, const QString &language);

} // namespace rg::i18n
