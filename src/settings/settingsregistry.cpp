// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/settingsregistry.h"

#include "audit/databaseurl.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

#include <array>

namespace rg::settings::registry {

using namespace Qt::StringLiterals;

namespace {

struct Entry
{
    Key key;
    QLatin1StringView name;
    Type type;
    Scope scope;
};

// The only place the stored key strings are written down. Renaming one means adding the old
// name to kRenames below, so existing users keep their value.
constexpr std::array kEntries{
    Entry{Key::CaseServiceUrl, "caseService/url"_L1, Type::Url, Scope::Managed},
    Entry{Key::CaseServiceToken, "caseService/token"_L1, Type::Secret, Scope::UserOnly},
    Entry{Key::AuditDatabaseUrl, "audit/databaseUrl"_L1, Type::DatabaseUrl, Scope::Managed},
    Entry{Key::BridgePort, "bridge/port"_L1, Type::Port, Scope::Managed},
    Entry{Key::BridgeAllowedOrigins, "bridge/allowedOrigins"_L1, Type::OriginList, Scope::Managed},
    Entry{Key::RulePackPath, "packs/rulePackPath"_L1, Type::Path, Scope::Managed},
    Entry{Key::PoliciesPath, "packs/policiesPath"_L1, Type::Path, Scope::Managed},
    Entry{Key::StayOnTop, "window/stayOnTop"_L1, Type::Bool, Scope::Managed},
    Entry{Key::WindowGeometry, "window/geometry"_L1, Type::Bytes, Scope::UserOnly},
    Entry{Key::ReviewWindowGeometry, "review/geometry"_L1, Type::Bytes, Scope::UserOnly},
    // The supervisor's named override filters, as a JSON object (ui/reviewwindow.cpp).
    Entry{Key::ReviewSavedFilters, "review/savedFilters"_L1, Type::Bytes, Scope::UserOnly},
    // Where the trainer window keeps training results (src/training/resultstore.h).
    Entry{Key::TrainingDatabaseUrl, "training/databaseUrl"_L1, Type::DatabaseUrl, Scope::Managed},
    // The user interface's language, empty for the system's; managed so IT can fix it per site.
    Entry{Key::UiLanguage, "ui/language"_L1, Type::Language, Scope::Managed},
    // Signed rule and policy packs from a central URL, and the keys they must be signed with
    // (src/packs/packupdater.h); the URL wins over packs/rulePackPath and packs/policiesPath.
    Entry{Key::PackSourceUrl, "packs/sourceUrl"_L1, Type::Url, Scope::Managed},
    Entry{Key::PackPublicKeys, "packs/publicKeys"_L1, Type::PublicKeyList, Scope::Managed},
};

constexpr int kDefaultBridgePort = 47800;

// sqlite:// \a name in the application data folder.
QString dataFileUrl(const QString &name)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString file = QDir::cleanPath(folder + u'/' + name);
    // DatabaseUrl::parse percent-decodes the path, so a '%' in the folder must be encoded.
    return u"sqlite://"_s + QString::fromUtf8(QUrl::toPercentEncoding(file, "/"));
}

const Entry &entry(Key key)
{
    for (const Entry &e : kEntries) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
}

Error invalid(Key key, const QString &why)
{
    return Error{keyString(key) + u": "_s + why};
}

Result<QVariant> checkUrl(Key key, const QString &text)
{
    if (text.isEmpty())
        return QVariant(QString());
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
        || url.host().isEmpty()) {
        return invalid(key, u"expected an http:// or https:// URL, got \"%1\""_s.arg(
                                url.toDisplayString(QUrl::RemoveUserInfo)));
    }
    if (!url.userInfo().isEmpty())
        return invalid(key, u"the URL must not carry a user name or password (use the token)"_s);
    return QVariant(text);
}

Result<QVariant> checkOrigins(Key key, const QStringList &origins)
{
    QStringList out;
    for (const QString &raw : origins) {
        const QString origin = raw.trimmed();
        if (origin.isEmpty())
            continue;
        const QUrl url(origin, QUrl::StrictMode);
        const bool bare = url.path().isEmpty() && !url.hasQuery() && !url.hasFragment()
                          && url.userInfo().isEmpty();
        if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty() || !bare) {
            return invalid(key, u"\"%1\" is not an origin (scheme://host[:port], no path)"_s.arg(
                                    origin));
        }
        out.append(origin);
    }
    return QVariant(out);
}

} // namespace

QList<Key> allKeys()
{
    QList<Key> keys;
    for (const Entry &e : kEntries)
        keys.append(e.key);
    return keys;
}

QString keyString(Key key)
{
    return entry(key).name;
}

std::optional<Key> keyFromString(const QString &name)
{
    for (const Entry &e : kEntries) {
        if (e.name == name)
            return e.key;
    }
    return std::nullopt;
}

Type type(Key key)
{
    return entry(key).type;
}

Scope scope(Key key)
{
    return entry(key).scope;
}

QVariant defaultValue(Key key)
{
    switch (key) {
    case Key::CaseServiceUrl:
    case Key::CaseServiceToken:
    case Key::RulePackPath: // empty: the built-in pack
    case Key::PoliciesPath:
    case Key::UiLanguage: // empty: the system's language
    case Key::PackSourceUrl: // empty: packs/rulePackPath and packs/policiesPath
        return QString();
    case Key::AuditDatabaseUrl:
        return dataFileUrl(u"audit.db"_s);
    case Key::TrainingDatabaseUrl:
        return dataFileUrl(u"training.db"_s);
    case Key::BridgePort:
        return kDefaultBridgePort;
    case Key::BridgeAllowedOrigins:
    case Key::PackPublicKeys:
        return QStringList();
    case Key::StayOnTop:
        return false;
    case Key::WindowGeometry:
    case Key::ReviewWindowGeometry:
    case Key::ReviewSavedFilters:
        return QByteArray();
    }
    Q_UNREACHABLE();
}

QList<KeyRename> renames()
{
    return {};
}

Result<QVariant> normalise(Key key, const QVariant &raw)
{
    const int id = raw.typeId();
    const bool isString = id == QMetaType::QString;
    switch (type(key)) {
    case Type::Url:
        if (!isString)
            return invalid(key, u"expected text"_s);
        return checkUrl(key, raw.toString().trimmed());
    case Type::Secret:
        if (!isString)
            return invalid(key, u"expected text"_s);
        if (raw.toString().contains(u'\n') || raw.toString().contains(u'\r'))
            return invalid(key, u"must be a single line"_s);
        return QVariant(raw.toString().trimmed());
    case Type::DatabaseUrl: {
        if (!isString)
            return invalid(key, u"expected text"_s);
        const QString text = raw.toString().trimmed();
        // parse() quotes the URL without its password.
        const Result<audit::DatabaseUrl> url = audit::DatabaseUrl::parse(text);
        if (!url)
            return invalid(key, url.error());
        return QVariant(text);
    }
    case Type::Port: {
        bool ok = false;
        int port = -1;
        if (isString) {
            port = raw.toString().trimmed().toInt(&ok);
        } else if (id == QMetaType::Int || id == QMetaType::UInt || id == QMetaType::LongLong
                   || id == QMetaType::ULongLong) {
            const qlonglong wide = raw.toLongLong(&ok);
            ok = ok && wide >= 0 && wide <= 65535;
            port = ok ? int(wide) : -1;
        }
        if (!ok || !(port == 0 || (port >= 1024 && port <= 65535))) {
            return invalid(key, u"expected 0 (pick a free port) or a port from 1024 to 65535, "
                                u"got \"%1\""_s.arg(raw.toString()));
        }
        return QVariant(port);
    }
    case Type::OriginList:
        // INI reads "a, b" as a list, "a" as text and an empty list as an invalid variant.
        if (!raw.isValid())
            return QVariant(QStringList());
        if (isString)
            return checkOrigins(key, raw.toString().split(u','));
        if (id == QMetaType::QStringList || id == QMetaType::QVariantList)
            return checkOrigins(key, raw.toStringList());
        return invalid(key, u"expected a list of origins"_s);
    case Type::Path: {
        if (!isString)
            return invalid(key, u"expected a file path"_s);
        const QString path = raw.toString().trimmed();
        if (!path.isEmpty() && !QDir::isAbsolutePath(path)) {
            return invalid(key, u"expected an absolute path (or nothing for the built-in pack), "
                                u"got \"%1\""_s.arg(path));
        }
        return QVariant(path.isEmpty() ? QString() : QDir::cleanPath(path));
    }
    case Type::Bool: {
        if (id == QMetaType::Bool)
            return QVariant(raw.toBool());
        const QString text = isString ? raw.toString().trimmed().toLower() : QString();
        if (text == u"true"_s || text == u"1"_s)
            return QVariant(true);
        if (text == u"false"_s || text == u"0"_s)
            return QVariant(false);
        return invalid(key, u"expected true or false, got \"%1\""_s.arg(raw.toString()));
    }
    case Type::PublicKeyList: {
        // As OriginList: "a, b" or a list; an empty list reads back as an invalid variant.
        QStringList keys;
        if (isString)
            keys = raw.toString().split(u',');
        else if (id == QMetaType::QStringList || id == QMetaType::QVariantList)
            keys = raw.toStringList();
        else if (raw.isValid())
            return invalid(key, u"expected a list of base64 public keys"_s);
        QStringList out;
        for (const QString &text : std::as_const(keys)) {
            const QString trimmed = text.trimmed();
            if (trimmed.isEmpty())
                continue;
            const auto decoded = QByteArray::fromBase64Encoding(
                trimmed.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded || decoded.decoded.size() != 32) {
                return invalid(key, u"\"%1\" is not a base64 Ed25519 public key (32 bytes)"_s.arg(
                                        trimmed));
            }
            out.append(trimmed);
        }
        return QVariant(out);
    }
    case Type::Bytes:
        if (id != QMetaType::QByteArray)
            return invalid(key, u"expected binary data"_s);
        return QVariant(raw.toByteArray());
    case Type::Language: {
        const QString text = isString ? raw.toString().trimmed().toLower() : QString();
        if (!isString || (!text.isEmpty() && !uiLanguages().contains(text))) {
            return invalid(key, u"expected one of %1 or nothing for the system's language, got \"%2\""_s
                                    .arg(uiLanguages().join(u", "_s), raw.toString()));
        }
        return QVariant(text);
    }
    }
    Q_UNREACHABLE();
}

QStringList uiLanguages()
{
    return {u"en"_s, u"es"_s, u"de"_s};
}

QString reason(Key key, const QString &error)
{
    // invalid() above writes every key-naming error as "<key>: <reason>".
    const QString prefix = keyString(key) + u": "_s;
    return error.startsWith(prefix) ? error.mid(prefix.size()) : error;
}

} // namespace rg::settings::registry
