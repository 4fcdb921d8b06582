// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace rg::settings {

using namespace Qt::StringLiterals;

namespace {

QString statusText(QSettings::Status status)
{
    switch (status) {
    case QSettings::NoError:
        return u"no error"_s;
    case QSettings::AccessError:
        return u"cannot be read or written"_s;
    case QSettings::FormatError:
        return u"is not a valid INI file"_s;
    }
    return u"unknown error"_s;
}

} // namespace

QString Settings::defaultSystemPath()
{
    return u"/etc/refundguard/refundguard.conf"_s;
}

QString Settings::defaultUserPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
           + u"/refundguard.ini"_s;
}

Settings::Settings(const QString &userPath, const QString &systemPath,
                   const QList<KeyRename> &renames)
    : m_userPath(userPath)
    , m_systemPath(systemPath)
    , m_renames(renames)
    , m_user(std::make_unique<QSettings>(userPath, QSettings::IniFormat))
{
    if (m_user->status() != QSettings::NoError)
        warn(m_userPath, statusText(m_user->status()) + u"; using defaults"_s);
    migrate();
    loadUser();
    loadSystem();
}

Settings::~Settings() = default;

void Settings::warn(const QString &file, const QString &what)
{
    m_warnings.append(file + u": "_s + what);
}

QStringList Settings::migrate()
{
    QStringList moved;
    // allKeys() rather than contains(): QSettings only finds "group/key" lines written outside
    // their [group] section (as hand-edited files have them) after parsing the whole file.
    const QStringList present = m_user->allKeys();
    for (const KeyRename &rename : std::as_const(m_renames)) {
        if (!present.contains(rename.oldName))
            continue;
        const QString newName = registry::keyString(rename.key);
        // A value already stored under the new name is newer than the old one: keep it.
        if (!present.contains(newName))
            m_user->setValue(newName, m_user->value(rename.oldName));
        m_user->remove(rename.oldName);
        moved.append(rename.oldName + u" -> "_s + newName);
    }
    return moved;
}

void Settings::loadUser()
{
    const QStringList present = m_user->allKeys(); // see migrate()
    for (const Key key : registry::allKeys()) {
        const QString name = registry::keyString(key);
        if (!present.contains(name))
            continue;
        const Result<QVariant> checked = registry::normalise(key, m_user->value(name));
        if (checked)
            m_userValues.insert(key, checked.value());
        else
            warn(m_userPath, checked.error() + u"; using the default"_s);
    }
}

void Settings::loadSystem()
{
    if (m_systemPath.isEmpty() || !QFileInfo::exists(m_systemPath))
        return;
    if (!QFileInfo(m_systemPath).isReadable()) {
        warn(m_systemPath, u"cannot be read; managed settings are not applied"_s);
        return;
    }
    const QSettings system(m_systemPath, QSettings::IniFormat);
    if (system.status() != QSettings::NoError)
        warn(m_systemPath, statusText(system.status()));

    QHash<Key, QString> stored; // key -> the name it is stored under
    for (const QString &name : system.allKeys()) {
        if (const std::optional<Key> key = registry::keyFromString(name)) {
            stored.insert(*key, name);
            continue;
        }
        bool renamed = false;
        for (const KeyRename &rename : std::as_const(m_renames)) {
            if (rename.oldName == name) {
                renamed = true;
                if (!stored.contains(rename.key)
                    && !system.allKeys().contains(registry::keyString(rename.key))) {
                    stored.insert(rename.key, name);
                }
            }
        }
        if (!renamed)
            warn(m_systemPath, name + u": unknown setting, ignored"_s);
    }

    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const Key key = it.key();
        if (registry::scope(key) == Scope::UserOnly) {
            warn(m_systemPath, it.value() + u": each user sets this, ignored"_s);
            continue;
        }
        const Result<QVariant> checked = registry::normalise(key, system.value(it.value()));
        if (checked) {
            m_systemValues.insert(key, checked.value());
        } else {
            // The administrator meant to manage this key: keep it locked, at the default.
            warn(m_systemPath, checked.error() + u"; using the default"_s);
            m_systemValues.insert(key, registry::defaultValue(key));
        }
    }
}

QVariant Settings::value(Key key) const
{
    if (m_systemValues.contains(key))
        return m_systemValues.value(key);
    if (m_userValues.contains(key))
        return m_userValues.value(key);
    return registry::defaultValue(key);
}

bool Settings::isLocked(Key key) const
{
    return m_systemValues.contains(key);
}

Result<bool> Settings::setValue(Key key, const QVariant &value)
{
    if (isLocked(key)) {
        return Error{registry::keyString(key) + u" is set by the administrator in "_s
                     + m_systemPath + u" and cannot be changed"_s};
    }
    Result<QVariant> checked = registry::normalise(key, value);
    if (!checked)
        return Error{checked.error()};
    m_user->setValue(registry::keyString(key), checked.value());
    m_userValues.insert(key, std::move(checked).value());
    return true;
}

Result<bool> Settings::reset(Key key)
{
    if (isLocked(key)) {
        return Error{registry::keyString(key) + u" is set by the administrator in "_s
                     + m_systemPath + u" and cannot be changed"_s};
    }
    m_user->remove(registry::keyString(key));
    m_userValues.remove(key);
    return true;
}

Result<bool> Settings::save()
{
    const QFileInfo info(m_userPath);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{m_userPath + u": cannot create the folder"_s};
    constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!info.exists()) {
        // Create it owner-only before the token is written into it.
        QFile file(m_userPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly))
            return Error{m_userPath + u": "_s + file.errorString()};
    }
    m_user->sync();
    if (m_user->status() != QSettings::NoError)
        return Error{m_userPath + u": "_s + statusText(m_user->status())};
    if (!QFile::setPermissions(m_userPath, ownerOnly))
        return Error{m_userPath + u": cannot make the file owner-only"_s};
    return true;
}

} // namespace rg::settings
