// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"
#include "settings/settingsregistry.h"

#include <QHash>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace rg::settings {

// Use me to read and change the application's settings. Values come from the administrator's
// system file (which locks them), else the user's file, else the registry default. Both files
// are INI. Invalid stored values are never used: the default takes their place and warnings()
// says which file and key. Warnings and errors never quote the case service token.
class Settings final
{
public:
    static QString defaultSystemPath();
    // refundguard.ini in the application's configuration folder.
    static QString defaultUserPath();

    // \a systemPath empty: no managed configuration. \a renames: keys stored under an old name,
    // moved to their new name by migrate() (tests inject their own table).
    explicit Settings(const QString &userPath, const QString &systemPath = defaultSystemPath(),
                      const QList<KeyRename> &renames = registry::renames());
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    QVariant value(Key key) const;
    bool isLocked(Key key) const;
    // Validates and stores \a value in the user's settings (written by save()). Refuses, and
    // writes nothing, when the value is invalid or the administrator locked the key.
    Result<bool> setValue(Key key, const QVariant &value);
    // Forgets the user's value so the default applies again.
    Result<bool> reset(Key key);
    // Writes the user's file (QSettings writes a temporary file and renames it over the old
    // one), owner-only since it holds the token, and reports a write or format failure.
    Result<bool> save();

    // Moves values stored under a renamed key to the new name; returns "old -> new" for each
    // move. The constructor runs it; the moves reach the file with save().
    QStringList migrate();

    QStringList warnings() const { return m_warnings; }
    QString userPath() const { return m_userPath; }
    QString systemPath() const { return m_systemPath; }

private:
    void loadUser();
    void loadSystem();
    void warn(const QString &file, const QString &what);

    QString m_userPath;
    QString m_systemPath;
    QList<KeyRename> m_renames;
    std::unique_ptr<QSettings> m_user;
    QHash<Key, QVariant> m_userValues;   // valid values only
    QHash<Key, QVariant> m_systemValues; // locked keys (an invalid value locks the default)
    QStringList m_warnings;
};

} // namespace rg::settings
