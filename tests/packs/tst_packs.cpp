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

QByteArray manifest()
{
    return R"({"format": "refundguard-pack-manifest/1", "rule_pack": "rulepack.json",
  "policies": ["01-authority-limit.json", "05-proof-of-delivery.json"]}
)"_ba;
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
    // A published pack (unsigned files and their signatures) on the server, signed with m_key.
    void publish(const QString &version)
    {
        m_server.files.clear();
        const QHash<QString, QByteArray> files{
            {u"manifest.json"_s, manifest()},
            {u"rulepack.json"_s, rulePack(version)},
            {u"01-authority-limit.json"_s,
             sourceFile(u"resources/policies/01-authority-limit.json"_s)},
            {u"05-proof-of-delivery.json"_s,
             sourceFile(u"resources/policies/05-proof-of-delivery.json"_s)},
        };
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            m_server.files.insert(it.key(), it.value());
            m_server.files.insert(it.key() + u".sig"_s, m_key->signatureFile(it.value()));
        }
    }

    // Runs one fetch against the server; returns its error (empty: a new pack was stored).
    QString fetch()
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
        publish(u"1.0.0"_s);
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
            R"({"format": "refundguard-pack-manifest/1", "rule_pack": "../x.json", "policies": ["a.json"]})"_ba,
            u"manifest.json"_s);
        QVERIFY(!escaping.ok());
        QVERIFY(!validatePackFile("{}"_ba, u"empty.json"_s).ok());
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
        publish(u"1.1.0"_s);
        QCOMPARE(fetch(), QString());
        QCOMPARE(choose(QString()).packs->rules.version, u"1.1.0"_s);
        QCOMPARE(QDir(m_cache->path()).entryList({u"pack-*"_s}, QDir::Dirs).size(), 1);
    }

    // Scenario: two instances store at once, and the one that fetched earlier finishes last: the
    // newer pack stays current, its folder stays, and the older one is not left behind.
    void slowerStoreKeepsTheNewerPack()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        publish(u"2.0.0"_s);
        QVERIFY(storePacks(m_cache->path(), m_server.files, m_base, now));
        publish(u"1.0.0"_s);
        QVERIFY(storePacks(m_cache->path(), m_server.files, m_base, now.addSecs(-5)));
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
        publish(u"2.0.0"_s);
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
        QVERIFY2(text.startsWith(u"Running on the pack of "_s) && text.contains(u" because "_s)
                     && text.contains(u"does not match"_s),
                 qPrintable(text));
    }

    // Scenario: a policy published without its signature is refused, as is a manifest that
    // is not signed at all; the last good pack stays.
    void unsignedFilesKeepTheLastGood()
    {
        QCOMPARE(fetch(), QString());
        publish(u"2.0.0"_s);
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
