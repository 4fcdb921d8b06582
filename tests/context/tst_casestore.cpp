// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "context/casestore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "testsupport.h"

using namespace Qt::StringLiterals;
using rg::context::CaseStore;
using rg::test::errorOf;

namespace {

QString dataFile(const QString &name)
{
    return QStringLiteral(RG_TEST_DATA_DIR) + u"/context/"_s + name;
}

// Reads or writes PRAGMA user_version through a connection of its own, as another program would.
int userVersion(const QString &path, std::optional<int> set = std::nullopt)
{
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (set)
                query.exec(u"PRAGMA user_version = %1"_s.arg(*set));
            if (query.exec(u"PRAGMA user_version"_s) && query.next())
                version = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(u"probe"_s);
    return version;
}

} // namespace

class TestCaseStore final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void putGetAndEtag();
    void importTranscripts();
    void brokenLineLeavesStoreUnchanged_data();
    void brokenLineLeavesStoreUnchanged();
    void reopenKeepsData();
    void migratesEmptyFile();
    void refusesNewerSchema();
    void connectionPerThread();
    void errorsWhenNotOpen();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(u"cases.db"_s); }
};

void TestCaseStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

// put() stores a document under its id with the hex SHA-256 of its compact JSON as ETag; the
// tag follows the content, not the key order of the source text.
void TestCaseStore::putGetAndEtag()
{
    CaseStore store;
    QVERIFY2(store.open(path()).ok(), qPrintable(m_dir->path()));
    const QJsonObject document{{u"id"_s, u"c1"_s}, {u"value"_s, 12.5}};
    const auto etag = store.put(u"c1"_s, document);
    QVERIFY2(etag.ok(), qPrintable(errorOf(etag)));
    QCOMPARE(etag.value().size(), 64);
    QCOMPARE(etag.value(), CaseStore::etagOf(document));
    QCOMPARE(etag.value(),
             QString::fromLatin1(
                 QCryptographicHash::hash(R"({"id":"c1","value":12.5})", QCryptographicHash::Sha256)
                     .toHex()));

    const auto entry = store.get(u"c1"_s);
    QVERIFY2(entry.ok(), qPrintable(errorOf(entry)));
    QVERIFY(entry.value().has_value());
    QCOMPARE(entry.value()->document, document);
    QCOMPARE(entry.value()->etag, etag.value());
    QVERIFY(!entry.value()->updatedAt.isEmpty());

    const QJsonObject reordered
        = QJsonDocument::fromJson(R"({"value": 12.5, "id": "c1"})").object();
    QCOMPARE(CaseStore::etagOf(reordered), etag.value());
    const auto changed = store.put(u"c1"_s, QJsonObject{{u"id"_s, u"c1"_s}, {u"value"_s, 13}});
    QVERIFY(changed.ok());
    QVERIFY(changed.value() != etag.value());
    QCOMPARE(store.count().value(), 1);
    QVERIFY(!store.get(u"nope"_s).value().has_value());
    QVERIFY(!store.put(QString(), document).ok());
}

// Every line's "case" is stored under the case's id; lines without a case are skipped.
void TestCaseStore::importTranscripts()
{
    CaseStore store;
    QVERIFY(store.open(path()).ok());
    const auto imported = store.importTranscripts(dataFile(u"cases.jsonl"_s));
    QVERIFY2(imported.ok(), qPrintable(errorOf(imported)));
    QCOMPARE(imported.value(), 4);
    QCOMPARE(store.count().value(), 4);
    QCOMPARE(store.ids().value(),
             (QStringList{u"../health"_s, u"case-2001"_s, u"case-2002"_s, u"orders/2003"_s}));
    const auto entry = store.get(u"case-2001"_s).value();
    QVERIFY(entry.has_value());
    QCOMPARE(entry->document.value(u"customer"_s).toObject().value(u"name"_s).toString(),
             u"Mina Laurent"_s);
    // Importing again replaces, it does not duplicate.
    QCOMPARE(store.importTranscripts(dataFile(u"cases.jsonl"_s)).value(), 4);
    QCOMPARE(store.count().value(), 4);
}

void TestCaseStore::brokenLineLeavesStoreUnchanged_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("invalid case") << u"broken-case.jsonl"_s
                                  << QStringList{u"broken-case.jsonl:3: "_s,
                                                 u"/case/customer/account_created"_s};
    QTest::newRow("not JSON") << u"broken-json.jsonl"_s
                              << QStringList{u"broken-json.jsonl:2: not JSON"_s};
    QTest::newRow("missing file") << u"no-such-file.jsonl"_s
                                  << QStringList{u"no-such-file.jsonl: cannot read"_s};
}

// One bad line fails the whole import, names file and line, and writes nothing, including the
// good lines before it.
void TestCaseStore::brokenLineLeavesStoreUnchanged()
{
    QFETCH(QString, file);
    QFETCH(QStringList, mentions);
    CaseStore store;
    QVERIFY(store.open(path()).ok());
    QVERIFY(store.put(u"existing"_s, QJsonObject{{u"id"_s, u"existing"_s}}).ok());
    const auto imported = store.importTranscripts(dataFile(file));
    QVERIFY(!imported.ok());
    for (const QString &mention : mentions)
        QVERIFY2(imported.error().contains(mention), qPrintable(imported.error()));
    QCOMPARE(store.ids().value(), QStringList{u"existing"_s});
    // The store is still usable after the rollback.
    QVERIFY(store.put(u"after"_s, QJsonObject{{u"id"_s, u"after"_s}}).ok());
    QCOMPARE(store.count().value(), 2);
}

void TestCaseStore::reopenKeepsData()
{
    const QJsonObject document{{u"id"_s, u"kept"_s}};
    {
        CaseStore store;
        QVERIFY(store.open(path()).ok());
        QVERIFY(store.put(u"kept"_s, document).ok());
    }
    CaseStore reopened;
    QVERIFY(reopened.open(path()).ok());
    const auto entry = reopened.get(u"kept"_s);
    QVERIFY(entry.ok() && entry.value().has_value());
    QCOMPARE(entry.value()->document, document);
    QCOMPARE(userVersion(path()), CaseStore::kSchemaVersion);
}

// An empty file (as a tool might leave) and a missing folder are brought up to the schema.
void TestCaseStore::migratesEmptyFile()
{
    const QString empty = m_dir->filePath(u"sub/dir/empty.db"_s);
    QVERIFY(QDir().mkpath(m_dir->filePath(u"sub/dir"_s)));
    {
        QFile file(empty);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QCOMPARE(QFileInfo(empty).size(), 0);
    QCOMPARE(userVersion(empty), 0);
    CaseStore store;
    const auto opened = store.open(empty);
    QVERIFY2(opened.ok(), qPrintable(errorOf(opened)));
    QCOMPARE(store.count().value(), 0);
    QCOMPARE(userVersion(empty), CaseStore::kSchemaVersion);

    CaseStore fresh;
    QVERIFY(fresh.open(m_dir->filePath(u"new/folder/cases.db"_s)).ok());
    QCOMPARE(fresh.count().value(), 0);
}

// A store written by a newer build is refused, not reinterpreted.
void TestCaseStore::refusesNewerSchema()
{
    QCOMPARE(userVersion(path(), CaseStore::kSchemaVersion + 1), CaseStore::kSchemaVersion + 1);
    CaseStore store;
    const auto opened = store.open(path());
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().contains(u"newer"_s), qPrintable(opened.error()));
}

// Another thread gets a connection of its own and sees the same data.
void TestCaseStore::connectionPerThread()
{
    CaseStore store;
    QVERIFY(store.open(path()).ok());
    QVERIFY(store.put(u"main"_s, QJsonObject{{u"id"_s, u"main"_s}}).ok());
    bool ok = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        ok = store.get(u"main"_s).value().has_value()
             && store.put(u"worker"_s, QJsonObject{{u"id"_s, u"worker"_s}}).ok();
    }));
    thread->start();
    QVERIFY(thread->wait(10000));
    QVERIFY(ok);
    QCOMPARE(store.count().value(), 2);
}

void TestCaseStore::errorsWhenNotOpen()
{
    CaseStore store;
    QVERIFY(!store.get(u"x"_s).ok());
    QVERIFY(!store.count().ok());
    QVERIFY(store.open(path()).ok());
    const auto twice = store.open(path());
    QVERIFY(!twice.ok());
    QVERIFY2(twice.error().contains(u"already open"_s), qPrintable(twice.error()));
}

QTEST_GUILESS_MAIN(TestCaseStore)
#include "tst_casestore.moc"
