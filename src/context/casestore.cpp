// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "context/casestore.h"

#include "log/log.h"
#include "model/case.h"
#include "sql/transaction.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

namespace rg::context {

using namespace Qt::StringLiterals;

namespace {

const QString kDriver = u"QSQLITE"_s;
constexpr int kBusyTimeoutMs = 5000;

std::atomic<quint64> g_nextStore{1};
std::atomic<quint64> g_nextThread{1};

// A number for the calling thread that is never reused, unlike native thread ids, so a new
// thread can never pick up a connection a finished thread left behind.
quint64 threadSerial()
{
    thread_local const quint64 serial = g_nextThread.fetch_add(1);
    return serial;
}

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().text();
}

// Each migration step brings the schema from version (index) to version (index + 1).
const QList<QStringList> kMigrations = {
    // 0 -> 1: the case documents.
    {u"CREATE TABLE cases ("
     "  id TEXT PRIMARY KEY,"
     "  document TEXT NOT NULL,"
     "  etag TEXT NOT NULL,"
     "  updated_at TEXT NOT NULL)"_s},
};

Result<bool> exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return Error{sql.section(u' ', 0, 2) + u"...: "_s + sqlError(query)};
    return true;
}

} // namespace

CaseStore::CaseStore()
    : m_connectionPrefix(u"rg.casestore.%1"_s.arg(g_nextStore.fetch_add(1)))
{}

/*!
 * Closes and removes every connection the store opened (STYLE.md §6). Threads other than the
 * destroying one must have stopped using the store.
 */
CaseStore::~CaseStore()
{
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(name);
}

/*!
 * Opens (creating it and its folder when missing) the SQLite file at \a path and brings its
 * schema to kSchemaVersion. A file written by a newer build is refused rather than guessed at.
 */
Result<bool> CaseStore::open(const QString &path)
{
    if (!m_path.isEmpty())
        return Error{u"case store already open on "_s + m_path};
    if (!QSqlDatabase::isDriverAvailable(kDriver)) {
        return Error{u"Qt's SQLite driver (QSQLITE, Debian package libqt6sql6-sqlite) is not "
                     "installed"_s};
    }
    if (path != u":memory:"_s) {
        const QString folder = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(folder))
            return Error{path + u": cannot create the folder "_s + folder};
    }
    m_path = path;
    auto db = database();
    if (!db) {
        m_path.clear();
        return Error{db.error()};
    }
    auto migrated = migrate(db.value());
    if (!migrated) {
        m_path.clear();
        return Error{path + u": "_s + migrated.error()};
    }
    return true;
}

/*!
 * The calling thread's connection, opened and configured on first use.
 */
Result<QSqlDatabase> CaseStore::database() const
{
    if (m_path.isEmpty())
        return Error{u"case store is not open"_s};
    const QString name = m_connectionPrefix + u".t"_s + QString::number(threadSerial());
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    }
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connections.contains(name))
            m_connections.append(name);
    }
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                   : QSqlDatabase::addDatabase(kDriver, name);
    db.setDatabaseName(m_path);
    if (!db.open())
        return Error{m_path + u": cannot open: "_s + db.lastError().text()};
    // WAL lets the caseserver read while an import writes; NORMAL is durable enough for a
    // store that can be re-seeded.
    for (const QString &pragma : {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
                                  u"PRAGMA busy_timeout = %1"_s.arg(kBusyTimeoutMs)}) {
        auto done = exec(db, pragma);
        if (!done)
            return Error{m_path + u": "_s + done.error()};
    }
    return db;
}

Result<bool> CaseStore::migrate(QSqlDatabase &db)
{
    const auto readVersion = [&db]() -> Result<int> {
        QSqlQuery query(db);
        if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
            return Error{u"cannot read the schema version: "_s + sqlError(query)};
        return query.value(0).toInt();
    };
    auto version = readVersion();
    if (!version)
        return Error{version.error()};
    if (version.value() == kSchemaVersion)
        return true;
    sql::Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    // Read again under the write lock: another process may have migrated in the meantime.
    version = readVersion();
    if (!version)
        return Error{version.error()};
    if (version.value() > kSchemaVersion) {
        return Error{u"written by a newer Refund Guard (case store schema %1; this build knows "
                     "up to %2)"_s.arg(version.value())
                         .arg(kSchemaVersion)};
    }
    for (int step = version.value(); step < kSchemaVersion; ++step) {
        for (const QString &sql : kMigrations.at(step)) {
            auto done = exec(db, sql);
            if (!done) {
                return Error{
                    u"migration to schema %1 failed: %2"_s.arg(step + 1).arg(done.error())};
            }
        }
    }
    if (auto done = exec(db, u"PRAGMA user_version = %1"_s.arg(kSchemaVersion)); !done)
        return done;
    if (auto committed = transaction.commit(); !committed)
        return committed;
    rg::log::get("context")->info("case store {}: schema {} -> {}", m_path.toStdString(),
                                  version.value(), kSchemaVersion);
    return true;
}

/*!
 * The ETag a document is served under: hex SHA-256 of its compact JSON. QJsonObject keeps
 * members sorted, so equal documents get equal tags whatever order their source text used.
 */
QString CaseStore::etagOf(const QJsonObject &document)
{
    const QByteArray compact = QJsonDocument(document).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(compact, QCryptographicHash::Sha256).toHex());
}

/*!
 * Stores \a document under \a id, replacing what was there, and returns its ETag. The document
 * is not validated here: the store keeps what it is given (importTranscripts() validates).
 */
Result<QString> CaseStore::put(const QString &id, const QJsonObject &document)
{
    if (id.isEmpty())
        return Error{u"a case needs a non-empty id"_s};
    auto db = database();
    if (!db)
        return Error{db.error()};
    const QString etag = etagOf(document);
    QSqlQuery query(db.value());
    query.prepare(u"INSERT INTO cases (id, document, etag, updated_at) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT (id) DO UPDATE SET document = excluded.document, "
                  "etag = excluded.etag, updated_at = excluded.updated_at"_s);
    query.addBindValue(id);
    query.addBindValue(QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact)));
    query.addBindValue(etag);
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!query.exec())
        return Error{m_path + u": cannot store case \""_s + id + u"\": "_s + sqlError(query)};
    return etag;
}

/*!
 * The document stored under \a id with its ETag, or nothing when there is none. A stored text
 * that is no longer a JSON object (edited by hand) is an error, not a missing case.
 */
Result<std::optional<CaseStore::Entry>> CaseStore::get(const QString &id) const
{
    auto db = database();
    if (!db)
        return Error{db.error()};
    QSqlQuery query(db.value());
    query.prepare(u"SELECT document, etag, updated_at FROM cases WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec())
        return Error{m_path + u": cannot read case \""_s + id + u"\": "_s + sqlError(query)};
    if (!query.next())
        return std::optional<Entry>();
    QJsonParseError parseError;
    const QJsonDocument document
        = QJsonDocument::fromJson(query.value(0).toString().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return Error{m_path + u": case \""_s + id
                     + u"\" is stored as something other than a "
                       "JSON object"_s};
    }
    return std::optional<Entry>(
        Entry{document.object(), query.value(1).toString(), query.value(2).toString()});
}

/*!
 * Stores the "case" member of every line of a transcript JSONL file (DESIGN.md) under the
 * case's own "id"; lines without one are skipped. Each case is validated with
 * model::Case::fromJson. All or nothing: the first bad line (named "file:line: ...") rolls the
 * whole import back. Returns how many cases were stored.
 */
Result<int> CaseStore::importTranscripts(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path + u": cannot read: "_s + file.errorString()};
    auto db = database();
    if (!db)
        return Error{db.error()};
    sql::Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return Error{m_path + u": "_s + begun.error()};
    int lineNumber = 0;
    int stored = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        const QString where = u"%1:%2: "_s.arg(path).arg(lineNumber);
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            return Error{where + u"not JSON: "_s + parseError.errorString() + u" at byte "_s
                         + QString::number(parseError.offset)};
        }
        if (!document.isObject())
            return Error{where + u"expected a JSON object"_s};
        const QJsonValue caseValue = document.object().value(u"case"_s);
        if (caseValue.isUndefined())
            continue;
        if (!caseValue.isObject())
            return Error{where + u"/case: expected an object"_s};
        const QJsonObject caseObject = caseValue.toObject();
        const auto parsed = model::Case::fromJson(caseObject);
        if (!parsed)
            return Error{where + u"/case"_s + parsed.error()};
        auto put = this->put(parsed.value().id, caseObject);
        if (!put)
            return Error{where + put.error()};
        ++stored;
    }
    if (auto committed = transaction.commit(); !committed)
        return Error{m_path + u": "_s + committed.error()};
    return stored;
}

/*!
 * How many cases the store holds.
 */
Result<int> CaseStore::count() const
{
    auto db = database();
    if (!db)
        return Error{db.error()};
    QSqlQuery query(db.value());
    if (!query.exec(u"SELECT COUNT(*) FROM cases"_s) || !query.next())
        return Error{m_path + u": cannot count cases: "_s + sqlError(query)};
    return query.value(0).toInt();
}

/*!
 * Every stored case id, sorted.
 */
Result<QStringList> CaseStore::ids() const
{
    auto db = database();
    if (!db)
        return Error{db.error()};
    QSqlQuery query(db.value());
    if (!query.exec(u"SELECT id FROM cases ORDER BY id"_s))
        return Error{m_path + u": cannot list cases: "_s + sqlError(query)};
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

} // namespace rg::context
