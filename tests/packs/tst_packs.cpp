// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Signed rule and policy packs: the signature format (sign, verify, and every way a signature
// can be missing, broken or foreign) and the fetch from a pack source over real HTTP on
// 127.0.0.1, with the last good pack kept through altered packs and outages.

#include "packserver.h"

#include "packs/packcache.h"
#include "packs/packcontent.h"
#include "packs/packsignature.h"
#include "packs/packupdater.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace rg::packs;

namespace {

constexpr int kWaitMs = 20000;

QByteArray rulePack(const QString &version)
{
    return u"{\"id\": \"test-pack\", \"version\": \"%1\", \"format\": 1, \"rules\": [{\"id\": "
           u"\"cash\", \"cue\": \"bribe\", \"weight\": 0.6, \"patterns\": [\"cashapp\"]}]}\n"_s
               .arg(version)
               .toUtf8();
}

QByteArray sourceFile(const QString &relative)
{
    QFile file(QStringLiteral(RG_SOURCE_DIR) + u'/' + relative);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A valid manifest, for the checks that read one without fetching it.
QByteArray manifest()
{
    return PackManifest::describe(4, QDateTime(QDate(2026, 11, 26), QTime(17, 0), QTimeZone::utc()),
                                  {{u"rulepack.json"_s, rulePack(u"1"_s)},
                                   {u"01-authority-limit.json"_s,
                                    sourceFile(u"resources/policies/01-authority-limit.json"_s)}})
        .toJson();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TstPacks final : public QObject
{
    Q_OBJECT

private:
    // Release \a sequence (rule pack \a version and two policies) on the server, signed with
    // m_key.
    void publish(const QString &version, qint64 sequence)
    {
        m_server.publish(*m_key, sequence,
                         {{u"rulepack.json"_s, rulePack(version)},
                          {u"01-authority-limit.json"_s,
                           sourceFile(u"resources/policies/01-authority-limit.json"_s)},
                          {u"05-proof-of-delivery.json"_s,
                           sourceFile(u"resources/policies/05-proof-of-delivery.json"_s)}});
    }

    // Runs one fetch against the server; returns its error (empty: a new pack was stored or the
    // cached one is current) and, in \a current, the pack the fetch left current.
    QString fetch(std::optional<CachedPacks> *current = nullptr)
    {
        PackUpdater::Options options;
        options.source = m_base;
        options.keys = {m_key->publicKey()};
        options.cacheDir = m_cache->path();
        options.requestTimeoutMs = 5000;
        PackUpdater updater(options);
        updater.start();
        if (!updater.waitForFinished(kWaitMs))
            return u"TEST: the fetch did not finish"_s;
        if (current)
            *current = updater.takeCurrentPacks();
        return updater.error();
    }

    PackChoice choose(const QString &fetchError)
    {
        return choosePacks(m_cache->path(), {m_key->publicKey()}, fetchError);
    }

    std::optional<PackSigningKey> m_key;
    std::optional<QTemporaryDir> m_dir;
    std::optional<QTemporaryDir> m_cache;
    rg::test::PackServer m_server;
    QString m_base;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        auto key = PackSigningKey::generate();
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error()));
        m_key.emplace(key.value());
        QVERIFY(m_server.listen());
        m_base = m_server.baseUrl();
        QVERIFY(!sourceFile(u"resources/policies/01-authority-limit.json"_s).isEmpty());
    }

    void init()
    {
        m_dir.emplace();
        m_cache.emplace();
        QVERIFY(m_dir->isValid() && m_cache->isValid());
        publish(u"1.0.0"_s, 1);
    }

    // Scenario: the rules team makes a key, saves it owner-only, loads it back, signs a rule
    // pack; the file verifies with the public key, and the key id is the documented one.
    void keySignVerifyRoundTrip()
    {
        const QString secret = m_dir->filePath(u"pack.key"_s);
        QVERIFY(m_key->save(secret).ok());
        QCOMPARE(QFile::permissions(secret).toInt() & 0x0077, 0); // no group or other bits
        QVERIFY(!m_key->save(secret).ok());                       // never overwritten
        auto loaded = PackSigningKey::load(secret);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error()));
        QCOMPARE(loaded.value().publicKey(), m_key->publicKey());

        const QString pack = m_dir->filePath(u"rulepack.json"_s);
        QVERIFY(writeFile(pack, rulePack(u"1"_s)));
        QVERIFY(writeFile(signatureFilePath(pack), loaded.value().signatureFile(rulePack(u"1"_s))));
        const auto verified = verifyPackFile(pack, {m_key->publicKey()});
        QVERIFY2(verified.ok(), qPrintable(verified.ok() ? QString() : verified.error()));
        QCOMPARE(verified.value(), keyId(m_key->publicKey()));
        QCOMPARE(verified.value().size(), 16);

        const QJsonObject sig
            = QJsonDocument::fromJson(m_key->signatureFile(rulePack(u"1"_s))).object();
        QCOMPARE(sig.value(u"format"_s).toString(), u"refundguard-pack-signature/1"_s);
        QCOMPARE(sig.value(u"key_id"_s).toString(), keyId(m_key->publicKey()));
        QCOMPARE(QByteArray::fromBase64(sig.value(u"signature"_s).toString().toLatin1()).size(),
                 64);

        // The public key file reads back through readPublicKeys, as does the bare base64.
        const QString pub = m_dir->filePath(u"pack.pub"_s);
        QVERIFY(writeFile(pub, publicKeyFileText(m_key->publicKey())));
        for (const QString &given : {pub, QString::fromLatin1(m_key->publicKey().toBase64())}) {
            const auto keys = readPublicKeys(given);
            QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error()));
            QCOMPARE(keys.value(), QList<QByteArray>{m_key->publicKey()});
        }
    }

    // Scenario: one byte of a signed pack changes; verification refuses it, naming the file.
    void alteredByteIsRefused()
    {
        const QString pack = m_dir->filePath(u"rulepack.json"_s);
        QByteArray bytes = rulePack(u"1"_s);
        QVERIFY(writeFile(signatureFilePath(pack), m_key->signatureFile(bytes)));
        bytes[bytes.indexOf("0.6") + 2] = '9';
        QVERIFY(writeFile(pack, bytes));
        const auto verified = verifyPackFile(pack, {m_key->publicKey()});
        QVERIFY(!verified.ok());
        QVERIFY2(verified.error().startsWith(pack), qPrintable(verified.error()));
        QVERIFY2(verified.error().contains(u"does not match"_s), qPrintable(verified.error()));
    }

    // Scenario: a pack signed by someone else's key is refused as an untrusted key.
    void wrongKeyIsRefused()
    {
        auto other = PackSigningKey::generate();
        QVERIFY(other.ok());
        const QString pack = m_dir->filePath(u"rulepack.json"_s);
        QVERIFY(writeFile(pack, rulePack(u"1"_s)));
        QVERIFY(writeFile(signatureFilePath(pack), other.value().signatureFile(rulePack(u"1"_s))));
        const auto verified = verifyPackFile(pack, {m_key->publicKey()});
        QVERIFY(!verified.ok());
        QVERIFY2(verified.error().contains(keyId(other.value().publicKey()))
                     && verified.error().contains(u"not a trusted key"_s),
                 qPrintable(verified.error()));
    }

    // Scenario: a pack without its .sig is refused as unsigned.
    void missingSignatureIsRefused()
    {
        const QString pack = m_dir->filePath(u"rulepack.json"_s);
        QVERIFY(writeFile(pack, rulePack(u"1"_s)));
        const auto verified = verifyPackFile(pack, {m_key->publicKey()});
        QVERIFY(!verified.ok());
        QVERIFY2(verified.error().startsWith(pack) && verified.error().contains(u"unsigned"_s),
                 qPrintable(verified.error()));
    }

    void malformedSignatureIsNamed_data()
    {
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << "{\"format\": "_ba << u"not valid JSON"_s;
        QTest::newRow("array") << "[]"_ba << u"expected a JSON object"_s;
        QTest::newRow("format")
            << R"({"format": "x", "key_id": "0011223344556677", "signature": ""})"_ba
            << u"\"format\""_s;
        QTest::newRow("key id")
            << R"({"format": "refundguard-pack-signature/1", "key_id": "12", "signature": ""})"_ba
            << u"\"key_id\""_s;
        QTest::newRow("signature")
            << R"({"format": "refundguard-pack-signature/1", "key_id": "0011223344556677", "signature": "AAAA"})"_ba
            << u"\"signature\""_s;
    }

    // Scenario: a .sig file that is not a signature file is refused, naming the .sig file.
    void malformedSignatureIsNamed()
    {
        QFETCH(QByteArray, signature);
        QFETCH(QString, expected);
        const QString pack = m_dir->filePath(u"rulepack.json"_s);
        QVERIFY(writeFile(pack, rulePack(u"1"_s)));
        QVERIFY(writeFile(signatureFilePath(pack), signature));
        const auto verified = verifyPackFile(pack, {m_key->publicKey()});
        QVERIFY(!verified.ok());
        QVERIFY2(verified.error().startsWith(signatureFilePath(pack)),
                 qPrintable(verified.error()));
        QVERIFY2(verified.error().contains(expected), qPrintable(verified.error()));
    }

    // Scenario: what would be signed is checked first: kinds are told apart and a broken rule
    // pack or manifest is refused with its name.
    void packFilesAreValidated()
    {
        QCOMPARE(validatePackFile(manifest(), u"m"_s).value(), PackFileKind::Manifest);
        QCOMPARE(validatePackFile(rulePack(u"1"_s), u"r"_s).value(), PackFileKind::RulePack);
        QCOMPARE(
            validatePackFile(sourceFile(u"resources/policies/01-authority-limit.json"_s), u"p"_s)
                .value(),
            PackFileKind::Policy);
        const auto broken
            = validatePackFile(R"({"id": "x", "format": 1, "rules": [{}]})"_ba, u"broken.json"_s);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().startsWith(u"broken.json"_s), qPrintable(broken.error()));
        const auto escaping = PackManifest::parse(
            manifest().replace("\"rulepack.json\"", "\"../x.json\""), u"manifest.json"_s);
        QVERIFY(!escaping.ok());
        QVERIFY(!validatePackFile("{}"_ba, u"empty.json"_s).ok());
    }

    // Scenario: the manifest the rules team publishes reads back as written: release, date,
    // files in order and their hashes.
    void manifestRoundTrip()
    {
        const auto parsed = PackManifest::parse(manifest(), u"manifest.json"_s);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error()));
        QCOMPARE(parsed.value().sequence, 4);
        QCOMPARE(parsed.value().publishedAt,
                 QDateTime(QDate(2026, 11, 26), QTime(17, 0), QTimeZone::utc()));
        QCOMPARE(parsed.value().files(),
                 QStringList({u"rulepack.json"_s, u"01-authority-limit.json"_s}));
        QVERIFY(parsed.value().matches(u"rulepack.json"_s, rulePack(u"1"_s)));
        QVERIFY(!parsed.value().matches(u"rulepack.json"_s, rulePack(u"2"_s)));
        QCOMPARE(parsed.value().sha256.value(u"rulepack.json"_s), sha256Hex(rulePack(u"1"_s)));
        QCOMPARE(parsed.value().toJson(), manifest());
    }

    void manifestFieldsAreChecked_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("expected");
        const QByteArray hash = sha256Hex(rulePack(u"1"_s));
        QTest::newRow("first format") << "manifest/2"_ba
                                      << "manifest/1"_ba << u"\"format\""_s;
        QTest::newRow("no sequence") << "\"sequence\": 4,"_ba
                                     << ""_ba << u"\"sequence\""_s;
        QTest::newRow("sequence 0") << "\"sequence\": 4"_ba
                                    << "\"sequence\": 0"_ba << u"\"sequence\""_s;
        QTest::newRow("fractional sequence") << "\"sequence\": 4"_ba
                                             << "\"sequence\": 4.5"_ba << u"\"sequence\""_s;
        QTest::newRow("sequence as text") << "\"sequence\": 4"_ba
                                          << "\"sequence\": \"4\""_ba << u"\"sequence\""_s;
        QTest::newRow("no time zone") << "17:00:00Z"_ba
                                      << "17:00:00"_ba << u"\"published_at\""_s;
        QTest::newRow("not a date") << "2026-11-26T"_ba
                                    << "yesterdayT"_ba << u"\"published_at\""_s;
        QTest::newRow("upper-case hash") << hash << hash.toUpper() << u"sha256.\"rulepack.json\""_s;
        QTest::newRow("short hash") << hash << hash.left(63) << u"sha256.\"rulepack.json\""_s;
        QTest::newRow("file without hash")
            << "\"rulepack.json\": \""_ba
            << "\"other.json\": \""_ba << u"sha256.\"rulepack.json\" must be"_s;
        QTest::newRow("foreign field") << "\"sha256\""_ba
                                       << "\"sha\""_ba << u"unknown field \"sha\""_s;
    }

    // Scenario: a manifest with a missing, malformed or foreign field is refused, naming it.
    void manifestFieldsAreChecked()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, expected);
        QByteArray bytes = manifest();
        QVERIFY(bytes.contains(from));
        bytes.replace(from, to);
        const auto parsed = PackManifest::parse(bytes, u"site/manifest.json"_s);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().startsWith(u"site/manifest.json: "_s)
                     && parsed.error().contains(expected),
                 qPrintable(parsed.error()));
    }

    // Scenario: the source serves an older release, validly signed (a rollback to rules that
    // missed a scam): refused, and the later release stays in use, saying why.
    void olderReleaseIsRefusedAsRollback()
    {
        QCOMPARE(fetch(), QString());
        publish(u"2.0.0"_s, 2);
        QCOMPARE(fetch(), QString());
        publish(u"1.0.0"_s, 1);
        const QString error = fetch();
        QVERIFY2(error.contains(u"manifest.json: sequence 1 is older than the pack in use "
                                u"(sequence 2"_s)
                     && error.contains(u"rollback"_s),
                 qPrintable(error));
        const PackChoice choice = choose(error);
        QVERIFY(choice.packs.has_value());
        QCOMPARE(choice.packs->rules.version, u"2.0.0"_s);
        QCOMPARE(choice.status.state, PackStatus::State::Stale);
        QCOMPARE(choice.status.sequence, 2);
    }

    // Scenario: a release number is reused for other files: refused, the pack in use stays.
    void reusedSequenceIsRefused()
    {
        QCOMPARE(fetch(), QString());
        publish(u"1.0.1"_s, 1);
        const QString error = fetch();
        QVERIFY2(error.contains(u"sequence 1 is already used"_s), qPrintable(error));
        QCOMPARE(choose(error).packs->rules.version, u"1.0.0"_s);
    }

    // Scenario: every file is validly signed, but the rule pack comes from another release than
    // the manifest: its hash gives it away, and nothing is stored.
    void fileOfAnotherReleaseIsRefused()
    {
        publish(u"3.0.0"_s, 3);
        const QByteArray later = m_server.files.value(u"rulepack.json"_s);
        const QByteArray laterSig = m_server.files.value(u"rulepack.json.sig"_s);
        publish(u"2.0.0"_s, 2);
        m_server.files.insert(u"rulepack.json"_s, later);
        m_server.files.insert(u"rulepack.json.sig"_s, laterSig);
        const QString error = fetch();
        QVERIFY2(error.contains(u"rulepack.json: its SHA-256 is not the manifest's"_s),
                 qPrintable(error));
        QVERIFY(!QFile::exists(m_cache->filePath(u"current.json"_s)));
    }

    // Scenario: the release in use is what the source still publishes: only the manifest and
    // its signature are fetched, and the pack stays current.
    void sameReleaseIsNotFetchedAgain()
    {
        QCOMPARE(fetch(), QString());
        m_server.requested.clear();
        QCOMPARE(fetch(), QString());
        QCOMPARE(m_server.requested,
                 QStringList({u"/packs/manifest.json"_s, u"/packs/manifest.json.sig"_s}));
        const PackChoice choice = choose(QString());
        QCOMPARE(choice.status.state, PackStatus::State::Current);
        QVERIFY2(choice.status.text().startsWith(
                     u"Running on the verified pack 1 (published 2026-11-02 09:00 UTC) from "_s),
                 qPrintable(choice.status.text()));
    }

    // Scenario: the start runs on the pack the fetch verified (stored, or found current) without
    // reading the cache again; a failed fetch hands nothing on, and the cache is read instead.
    void fetchHandsOnTheVerifiedPack()
    {
        std::optional<CachedPacks> current;
        QCOMPARE(fetch(&current), QString());
        QVERIFY(current.has_value());
        QCOMPARE(current->packs.manifest.sequence, qint64(1));
        QCOMPARE(current->source, m_base.chopped(1));
        publish(u"2.0.0"_s, 2);
        QCOMPARE(fetch(&current), QString());
        QVERIFY(current.has_value());
        QCOMPARE(current->packs.rules.version, u"2.0.0"_s);
        QCOMPARE(fetch(&current), QString()); // the same release: only the manifest is fetched
        QVERIFY(current.has_value());
        QCOMPARE(current->packs.manifest.sequence, qint64(2));

        // The cache is gone, yet the verified pack handed on is what the start runs on.
        const QStringList folders = QDir(m_cache->path()).entryList({u"pack-*"_s}, QDir::Dirs);
        QCOMPARE(folders.size(), 1);
        QVERIFY(QDir(m_cache->filePath(folders.first())).removeRecursively());
        const PackChoice choice
            = choosePacks(m_cache->path(), {m_key->publicKey()}, QString(), std::move(current));
        QVERIFY2(choice.packs.has_value(), qPrintable(choice.status.text()));
        QCOMPARE(choice.packs->rules.version, u"2.0.0"_s);
        QCOMPARE(choice.status.state, PackStatus::State::Current);

        // A refused fetch hands nothing on.
        publish(u"3.0.0"_s, 3);
        m_server.files[u"rulepack.json"_s].replace("cashapp", "cashapq");
        QVERIFY(!fetch(&current).isEmpty());
        QVERIFY(!current.has_value());
    }

    // Scenario: only https sources are accepted, plain http only from this machine.
    void sourceMustBeHttps()
    {
        QVERIFY(packSourceBase(u"https://packs.example/rg"_s).ok());
        QCOMPARE(packSourceBase(u"https://packs.example/rg"_s).value().path(), u"/rg/"_s);
        QVERIFY(packSourceBase(u"http://127.0.0.1:8080/"_s).ok());
        QVERIFY(packSourceBase(u"http://localhost/"_s).ok());
        const auto plain = packSourceBase(u"http://packs.example/rg/"_s);
        QVERIFY(!plain.ok());
        QVERIFY2(plain.error().contains(u"https"_s), qPrintable(plain.error()));
        QVERIFY(!packSourceBase(u"ftp://packs.example/"_s).ok());
    }

    // Scenario: a good pack is fetched, verified, cached and used; the status says so.
    void goodPackIsCachedAndUsed()
    {
        QCOMPARE(fetch(), QString());
        const PackChoice choice = choose(QString());
        QVERIFY2(choice.packs.has_value(), qPrintable(choice.status.text()));
        QCOMPARE(choice.packs->rules.id, u"test-pack"_s);
        QCOMPARE(choice.packs->rules.version, u"1.0.0"_s);
        QCOMPARE(choice.packs->policies.policies().size(), std::size_t(2));
        QCOMPARE(choice.status.state, PackStatus::State::Current);
        QVERIFY2(choice.status.text().contains(u"127.0.0.1"_s), qPrintable(choice.status.text()));
        // A second good fetch replaces the first (and its folder).
        publish(u"1.1.0"_s, 2);
        QCOMPARE(fetch(), QString());
        QCOMPARE(choose(QString()).packs->rules.version, u"1.1.0"_s);
        QCOMPARE(QDir(m_cache->path()).entryList({u"pack-*"_s}, QDir::Dirs).size(), 1);
    }

    // Scenario: two instances store at once, and the one that fetched an earlier release
    // finishes last (even with a later fetch time): the later release stays current, its folder
    // stays, and the older one is not left behind.
    void slowerStoreKeepsTheLaterRelease()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        publish(u"2.0.0"_s, 3);
        auto later = storePacks(m_cache->path(), m_server.files, 3, m_base, now);
        QVERIFY2(later.ok(), qPrintable(later.ok() ? QString() : later.error()));
        QCOMPARE(later.value(), StoreOutcome::Stored);
        publish(u"1.0.0"_s, 1);
        auto earlier = storePacks(m_cache->path(), m_server.files, 1, m_base, now.addSecs(5));
        QVERIFY2(earlier.ok(), qPrintable(earlier.ok() ? QString() : earlier.error()));
        QCOMPARE(earlier.value(), StoreOutcome::LaterReleaseKept);
        const PackChoice choice = choose(QString());
        QVERIFY2(choice.packs.has_value(), qPrintable(choice.status.text()));
        QCOMPARE(choice.packs->rules.version, u"2.0.0"_s);
        QCOMPARE(QDir(m_cache->path()).entryList({u"pack-*"_s}, QDir::Dirs).size(), 1);
    }

    // Scenario: after a good pack, the server serves an altered one: the fetch is refused
    // naming the file, and the last good pack stays in use with a status that says why.
    void alteredPackKeepsTheLastGood()
    {
        QCOMPARE(fetch(), QString());
        publish(u"2.0.0"_s, 2);
        QByteArray &pack = m_server.files[u"rulepack.json"_s];
        pack.replace("cashapp", "cashapq");
        const QString error = fetch();
        QVERIFY2(error.contains(u"rulepack.json"_s) && error.contains(u"does not match"_s),
                 qPrintable(error));
        const PackChoice choice = choose(error);
        QVERIFY(choice.packs.has_value());
        QCOMPARE(choice.packs->rules.version, u"1.0.0"_s);
        QCOMPARE(choice.status.state, PackStatus::State::Stale);
        const QString text = choice.status.text();
        QVERIFY2(
            text.startsWith(u"Running on the pack 1 (published 2026-11-02 09:00 UTC) because "_s)
                && text.contains(u"does not match"_s),
            qPrintable(text));
    }

    // Scenario: a policy published without its signature is refused, as is a manifest that
    // is not signed at all; the last good pack stays.
    void unsignedFilesKeepTheLastGood()
    {
        QCOMPARE(fetch(), QString());
        publish(u"2.0.0"_s, 2);
        m_server.files.remove(u"05-proof-of-delivery.json.sig"_s);
        QString error = fetch();
        QVERIFY2(error.contains(u"05-proof-of-delivery.json.sig"_s) && error.contains(u"404"_s),
                 qPrintable(error));
        m_server.files.remove(u"manifest.json.sig"_s);
        error = fetch();
        QVERIFY2(error.contains(u"manifest.json.sig"_s), qPrintable(error));
        QCOMPARE(choose(error).packs->rules.version, u"1.0.0"_s);
    }

    // Scenario: the pack source goes down: the last good pack stays in use.
    void serverDownKeepsTheLastGood()
    {
        rg::test::PackServer server;
        QVERIFY(server.listen());
        const QString base = server.baseUrl();
        server.files = m_server.files;
        PackUpdater::Options options;
        options.source = base;
        options.keys = {m_key->publicKey()};
        options.cacheDir = m_cache->path();
        {
            PackUpdater updater(options);
            updater.start();
            QVERIFY(updater.waitForFinished(kWaitMs));
            QCOMPARE(updater.error(), QString());
        }
        server.close();
        PackUpdater updater(options);
        updater.start();
        QVERIFY(updater.waitForFinished(kWaitMs));
        QVERIFY2(updater.error().contains(u"manifest.json"_s), qPrintable(updater.error()));
        const PackChoice choice = choose(updater.error());
        QVERIFY(choice.packs.has_value());
        QCOMPARE(choice.status.state, PackStatus::State::Stale);
        QVERIFY2(choice.status.text().contains(updater.error()), qPrintable(choice.status.text()));
    }

    // Scenario: the source accepts the connection but never answers: the fetch gives up after
    // the request timeout, saying so, and the last good pack stays.
    void hungSourceTimesOut()
    {
        QCOMPARE(fetch(), QString());
        m_server.silent = true;
        PackUpdater::Options options;
        options.source = m_base;
        options.keys = {m_key->publicKey()};
        options.cacheDir = m_cache->path();
        options.requestTimeoutMs = 300;
        PackUpdater updater(options);
        updater.start();
        const bool finished = updater.waitForFinished(kWaitMs);
        m_server.silent = false;
        QVERIFY(finished);
        QVERIFY2(updater.error().contains(u"manifest.json: no complete answer within"_s),
                 qPrintable(updater.error()));
        QCOMPARE(choose(updater.error()).status.state, PackStatus::State::Stale);
    }

    // Scenario: the very first fetch fails: no pack is cached, so the built-in one is used and
    // the status says why.
    void firstFailureUsesTheBuiltInPack()
    {
        m_server.files.remove(u"manifest.json"_s);
        const QString error = fetch();
        QVERIFY2(error.contains(u"404"_s), qPrintable(error));
        const PackChoice choice = choose(error);
        QVERIFY(!choice.packs.has_value());
        QCOMPARE(choice.status.state, PackStatus::State::BuiltIn);
        const QString text = choice.status.text();
        QVERIFY2(text.startsWith(u"Running on the built-in pack because "_s)
                     && text.contains(u"404"_s) && text.contains(u"no verified pack"_s),
                 qPrintable(text));
    }

    // Scenario: the cached pack is altered on disk: it is refused like an altered download.
    void alteredCacheIsRefused()
    {
        QCOMPARE(fetch(), QString());
        const QStringList folders = QDir(m_cache->path()).entryList({u"pack-*"_s}, QDir::Dirs);
        QCOMPARE(folders.size(), 1);
        const QString policy = m_cache->filePath(folders.first() + u"/01-authority-limit.json"_s);
        QFile file(policy);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        bytes.replace("block", "warn");
        QVERIFY(file.resize(0) && file.write(bytes) == bytes.size());
        file.close();
        const PackChoice choice = choose(QString());
        QVERIFY(!choice.packs.has_value());
        QVERIFY2(choice.status.text().contains(u"01-authority-limit.json"_s),
                 qPrintable(choice.status.text()));
    }

    // Scenario: no keys configured: nothing can be verified, so nothing is fetched or stored.
    void noKeysFetchesNothing()
    {
        PackUpdater::Options options;
        options.source = m_base;
        options.cacheDir = m_cache->path();
        PackUpdater updater(options);
        updater.start();
        QVERIFY(updater.waitForFinished(kWaitMs));
        QVERIFY2(updater.error().contains(u"packs/publicKeys"_s), qPrintable(updater.error()));
        QVERIFY(!QFile::exists(m_cache->filePath(u"current.json"_s)));
    }
};

QTEST_GUILESS_MAIN(TstPacks)
#include "tst_packs.moc"
