// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace rg::settings {

// Every setting of the application. The stored key strings live only in settingsregistry.cpp.
enum class Key {
    CaseServiceUrl,
    CaseServiceToken,
    AuditDatabaseUrl,
    BridgePort,
    BridgeAllowedOrigins,
    RulePackPath,
    PoliciesPath,
    StayOnTop,
    WindowGeometry,
    ReviewWindowGeometry,
    ReviewSavedFilters,
    TrainingDatabaseUrl,
    UiLanguage,
    PackSourceUrl,
    PackPublicKeys,
};

// What a value is and how it is checked. Values are held as QString (Url, Secret, DatabaseUrl,
// Path, Language), int (Port), QStringList (OriginList), bool (Bool) and QByteArray (Bytes).
// PublicKeyList is a QStringList of base64 Ed25519 public keys (32 bytes each).
enum class Type {
    Url, Secret, DatabaseUrl, Port, OriginList, Path, Bool, Bytes, Language, PublicKeyList
};

// Managed keys may be set (and thereby locked) in the administrator's system file; UserOnly keys
// are per-user state or secrets and are ignored there with a warning.
enum class Scope { Managed, UserOnly };

// A key that used to be stored under another name. migrate() moves oldName's value to key.
struct KeyRename
{
    QString oldName;
    Key key;
};

namespace registry {

QList<Key> allKeys();
// The key as stored in the INI files ("bridge/port"); also how messages name it.
QString keyString(Key key);
// The key stored as \a name, if any.
std::optional<Key> keyFromString(const QString &name);
Type type(Key key);
Scope scope(Key key);
QVariant defaultValue(Key key);
// The renames the application ships; empty until a key is renamed.
QList<KeyRename> renames();

// Checks \a raw for \a key and converts it to the key's type (INI files hold strings, so "true",
// "47800" and "a, b" are accepted where they fit). Errors name the key and never quote a Secret.
Result<QVariant> normalise(Key key, const QVariant &raw);
// The languages the user interface is translated into ("en", "es", "de"); a Language value is one
// of them or empty for the system's language.
QStringList uiLanguages();
// The reason alone of an error from normalise() or Settings::setValue(), without the key name it
// starts with, for a caller that names the setting its own way (the settings dialog's labels).
QString reason(Key key, const QString &error);

} // namespace registry
} // namespace rg::settings
