// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/databaseurl.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

namespace rg::audit {

using namespace Qt::StringLiterals;

/*!
 * Parses \a text. Errors quote the URL without its password, since they end up in logs.
 */
Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    DatabaseUrl url;
    if (text.startsWith(u"sqlite:"_s)) {
        url.driver = Driver::Sqlite;
        QString path = text.mid(7);
        if (path.startsWith(u"//"_s)) {
            path = path.mid(2);
            if (!path.startsWith(u'/'))
                return Error{text + u": expected sqlite:///absolute/path or sqlite:relative/path"_s};
        }
        url.path = QUrl::fromPercentEncoding(path.toUtf8());
        if (url.path.isEmpty())
            return Error{text + u": no database file"_s};
        return url;
    }
    const QUrl parsed(text, QUrl::StrictMode);
    if (parsed.scheme() != u"postgresql"_s && parsed.scheme() != u"postgres"_s) {
        return Error{parsed.toDisplayString(QUrl::RemovePassword)
                     + u": expected a sqlite:/// or postgresql:// URL"_s};
    }
    url.driver = Driver::Postgres;
    url.host = parsed.host();
    url.port = parsed.port(5432);
    url.user = parsed.userName();
    url.password = parsed.password();
    url.database = parsed.path().mid(1);
    const QUrlQuery query(parsed);
    for (const auto &[key, value] : query.queryItems()) {
        if (key != u"connect_timeout"_s)
            return Error{url.display() + u": unsupported option "_s + key};
        bool ok = false;
        const int seconds = value.toInt(&ok);
        if (!ok || seconds <= 0)
            return Error{url.display() + u": connect_timeout expects whole seconds"_s};
        url.connectTimeoutSeconds = seconds;
    }
    if (!parsed.isValid() || url.host.isEmpty() || url.database.isEmpty())
        return Error{url.display() + u": expected postgresql://user:pass@host:port/database"_s};
    return url;
}

QString DatabaseUrl::display() const
{
    if (driver == Driver::Sqlite)
        return QDir::isAbsolutePath(path) ? u"sqlite://"_s + path : u"sqlite:"_s + path;
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(u'/' + database);
    return url.toDisplayString();
}

/*!
 * Opens the connection. SQLite files get their folder created; PostgreSQL gets a connect
 * timeout so an unreachable server fails in seconds instead of hanging the agent's window.
 */
Result<QSqlDatabase> DatabaseUrl::open(const QString &connectionName) const
{
    const QString driverName = isPostgres() ? u"QPSQL"_s : u"QSQLITE"_s;
    if (!QSqlDatabase::isDriverAvailable(driverName)) {
        return Error{u"Qt's %1 driver (Debian package %2) is not installed"_s.arg(
            driverName, isPostgres() ? u"libqt6sql6-psql"_s : u"libqt6sql6-sqlite"_s)};
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(driverName, connectionName);
    if (isPostgres()) {
        db.setHostName(host);
        db.setPort(port);
        db.setUserName(user);
        db.setPassword(password);
        db.setDatabaseName(database);
        db.setConnectOptions(u"connect_timeout=%1"_s.arg(connectTimeoutSeconds));
    } else {
        const QString folder = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(folder))
            return Error{display() + u": cannot create the folder "_s + folder};
        db.setDatabaseName(path);
    }
    if (!db.open())
        return Error{display() + u": cannot open: "_s + db.lastError().text().trimmed()};
    return db;
}

} // namespace rg::audit
