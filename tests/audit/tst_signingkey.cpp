// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/signingkey.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <latch>
#include <optional>
#include <thread>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace rg;

namespace {

// RFC 8032 §7.1, test 1.
const QByteArray kRfcSeed
    = QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
const QByteArray kRfcPublicKey
    = QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
const QByteArray kRfcSignature
    = QByteArray::fromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb88215"
                          "90a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
// SHA-256 of kRfcPublicKey, first 16 bytes, worked out outside this code.
const QString kRfcFingerprint = u"21fe31dfa154a261626bf854046fd227"_s;

const QByteArray kHeader = "refundguard-ed25519-secret-key v1\n"_ba;

// The RFC key as a v1 secret key file, spelled out here rather than by the code under test.
QByteArray rfcKeyFileText()
{
    return kHeader + (kRfcSeed + kRfcPublicKey).toBase64() + '\n';
}

// Permission bits of path, -1 when it cannot be inspected.
int modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 07777);
}

bool writeFile(const QString &path, const QByteArray &content, int mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(content) != content.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) == 0;
}

QByteArray flipBit(QByteArray data, qsizetype bit)
{
    data[bit / 8] = static_cast<char>(data.at(bit / 8) ^ (1 << (bit % 8)));
    return data;
}

} // namespace

class TestSigningKey final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // A new key is owner-only from the start, in owner-only directories, with no temporary left.
    void createIsOwnerOnly();
    // The file holds the documented text, so other tools can read it.
    void createdFileFormat();
    // Loading what was created gives the same key, and loadOrCreate does not replace it.
    void loadRoundTrip();
    // A key written by hand in the documented format loads as the key it spells.
    void loadHandWrittenFile();
    // load never creates: a missing file is an error naming it.
    void loadMissingFails();
    // loadOrCreate has no path to fall back on when given none.
    void emptyPathFails();

    // A signature verifies under its own key and message.
    void signAndVerify();
    // Changing any part of message, signature or key breaks verification.
    void tamperingFailsVerification_data();
    void tamperingFailsVerification();
    // Keys, signatures and seeds of the wrong size are refused without touching memory they lack.
    void wrongSizesFail();
    // Copies and moved-to keys sign as the original.
    void copyAndMove();

    // Like ssh, a key that group or others can read, write or run is refused, naming file and mode.
    void looseModeRefused_data();
    void looseModeRefused();
    // Owner-only modes other than 0600 are fine.
    void ownerOnlyModesAccepted_data();
    void ownerOnlyModesAccepted();
    // Damaged files are refused with the path and the reason, never silently accepted.
    void corruptFileRefused_data();
    void corruptFileRefused();
    // loadOrCreate never replaces an unusable key: checkpoints signed with it would stop verifying.
    void loadOrCreateKeepsBadFile();

    // The public key file of several keys reads back in order, past comments and blank lines.
    void readPublicKeys();
    // A bad line is reported with the file and its line number.
    void readPublicKeysBadLine_data();
    void readPublicKeysBadLine();
    void readPublicKeysMissingFile();
    // The public key file text is exactly the documented comment and key lines.
    void publicKeyFileTextFormat();

    // A fingerprint is 32 lower-case hex digits, the same each time and different per key.
    void fingerprint();
    // libsodium and RFC 8032 agree with us on test vector 1.
    void rfc8032Vector1();

    // Threads racing to create the same missing key all end up with the one key on disk.
    void concurrentLoadOrCreate();

    // $RG_AUDIT_KEY wins; otherwise the key lives in the application data directory.
    void defaultKeyPath();

private:
    std::optional<QTemporaryDir> m_dir;
    QByteArray m_savedKeyVariable;
    bool m_hadKeyVariable = false;
};

void TestSigningKey::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSigningKey::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_hadKeyVariable = qEnvironmentVariableIsSet("RG_AUDIT_KEY");
    m_savedKeyVariable = qgetenv("RG_AUDIT_KEY");
}

void TestSigningKey::cleanup()
{
    m_dir.reset();
    if (m_hadKeyVariable)
        qputenv("RG_AUDIT_KEY", m_savedKeyVariable);
    else
        qunsetenv("RG_AUDIT_KEY");
}

void TestSigningKey::createIsOwnerOnly()
{
    const QString outer = m_dir->filePath(u"outer"_s);
    const QString inner = outer + u"/inner"_s;
    const QString path = inner + u"/audit-signing.key"_s;

    const Result<audit::SigningKey> key = audit::SigningKey::loadOrCreate(path);
    QVERIFY2(key.ok(), qPrintable(test::errorOf(key)));
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(modeOf(inner), 0700);
    QCOMPARE(modeOf(outer), 0700);
    QCOMPARE(QDir(inner).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                   | QDir::NoDotAndDotDot),
             QStringList{u"audit-signing.key"_s});
}

void TestSigningKey::createdFileFormat()
{
    const QString path = m_dir->filePath(u"key"_s);
    const Result<audit::SigningKey> key = audit::SigningKey::loadOrCreate(path);
    QVERIFY2(key.ok(), qPrintable(test::errorOf(key)));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    static const QRegularExpression format(
        u"\\Arefundguard-ed25519-secret-key v1\\n([A-Za-z0-9+/]{86}==)\\n\\z"_s);
    const QRegularExpressionMatch match = format.match(QString::fromLatin1(text));
    QVERIFY2(match.hasMatch(), text.constData());
    const QByteArray secret = QByteArray::fromBase64(match.captured(1).toLatin1());
    QCOMPARE(secret.size(), 64);
    QCOMPARE(secret.mid(32), key.value().publicKey());
}

void TestSigningKey::loadRoundTrip()
{
    const QString path = m_dir->filePath(u"key"_s);
    const Result<audit::SigningKey> created = audit::SigningKey::loadOrCreate(path);
    QVERIFY2(created.ok(), qPrintable(test::errorOf(created)));
    QCOMPARE(created.value().publicKey().size(), 32);

    const Result<audit::SigningKey> loaded = audit::SigningKey::load(path);
    QVERIFY2(loaded.ok(), qPrintable(test::errorOf(loaded)));
    QCOMPARE(loaded.value().publicKey(), created.value().publicKey());
    QCOMPARE(loaded.value().sign("checkpoint"_ba), created.value().sign("checkpoint"_ba));

    const Result<audit::SigningKey> again = audit::SigningKey::loadOrCreate(path);
    QVERIFY2(again.ok(), qPrintable(test::errorOf(again)));
    QCOMPARE(again.value().publicKey(), created.value().publicKey());
}

void TestSigningKey::loadHandWrittenFile()
{
    const QString path = m_dir->filePath(u"key"_s);
    QVERIFY(writeFile(path, rfcKeyFileText(), 0600));
    const Result<audit::SigningKey> key = audit::SigningKey::load(path);
    QVERIFY2(key.ok(), qPrintable(test::errorOf(key)));
    QCOMPARE(key.value().publicKey(), kRfcPublicKey);
    QCOMPARE(key.value().sign(QByteArray()), kRfcSignature);
}

void TestSigningKey::loadMissingFails()
{
    const QString path = m_dir->filePath(u"absent/key"_s);
    const Result<audit::SigningKey> key = audit::SigningKey::load(path);
    QVERIFY(!key.ok());
    QVERIFY2(key.error().contains(path), qPrintable(key.error()));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(u"absent"_s)));
}

void TestSigningKey::emptyPathFails()
{
    QVERIFY(!audit::SigningKey::loadOrCreate(QString()).ok());
    QVERIFY(!audit::SigningKey::load(QString()).ok());
}

void TestSigningKey::signAndVerify()
{
    const Result<audit::SigningKey> key
        = audit::SigningKey::loadOrCreate(m_dir->filePath(u"key"_s));
    QVERIFY2(key.ok(), qPrintable(test::errorOf(key)));
    const QByteArray message = "{\"seq\":41,\"head\":\"ab12\"}"_ba;
    const QByteArray signature = key.value().sign(message);
    QCOMPARE(signature.size(), 64);
    QVERIFY(audit::verifySignature(key.value().publicKey(), message, signature));
    QVERIFY(!audit::verifySignature(key.value().publicKey(), message + ' ', signature));

    // Another key must not vouch for this one's signature.
    const Result<audit::SigningKey> other = audit::SigningKey::fromSeed(QByteArray(32, '\x07'));
    QVERIFY2(other.ok(), qPrintable(test::errorOf(other)));
    QVERIFY(!audit::verifySignature(other.value().publicKey(), message, signature));
}

void TestSigningKey::tamperingFailsVerification_data()
{
    QTest::addColumn<QString>("part");
    QTest::addColumn<int>("bit");

    QTest::newRow("message first bit") << u"message"_s << 0;
    QTest::newRow("message last bit") << u"message"_s << 8 * 11 - 1;
    QTest::newRow("signature R first bit") << u"signature"_s << 0;
    QTest::newRow("signature S first bit") << u"signature"_s << 256;
    QTest::newRow("signature last bit") << u"signature"_s << 511;
    QTest::newRow("key first bit") << u"key"_s << 0;
    QTest::newRow("key middle bit") << u"key"_s << 131;
    QTest::newRow("key last bit") << u"key"_s << 255;
}

void TestSigningKey::tamperingFailsVerification()
{
    QFETCH(QString, part);
    QFETCH(int, bit);

    const Result<audit::SigningKey> key = audit::SigningKey::fromSeed(QByteArray(32, '\x2a'));
    QVERIFY2(key.ok(), qPrintable(test::errorOf(key)));
    QByteArray message = "hello audit"_ba;
    QByteArray signature = key.value().sign(message);
    QByteArray publicKey = key.value().publicKey();
    QVERIFY(audit::verifySignature(publicKey, message, signature));

    if (part == u"message")
        message = flipBit(message, bit);
    else if (part == u"signature")
        signature = flipBit(signature, bit);
    else
        publicKey = flipBit(publicKey, bit);
    QVERIFY(!audit::verifySignature(publicKey, message, signature));
}

void TestSigningKey::wrongSizesFail()
{
    const Result<audit::SigningKey> key = audit::SigningKey::fromSeed(kRfcSeed);
    QVERIFY2(key.ok(), qPrintable(test::errorOf(key)));
    const QByteArray message = "m"_ba;
    const QByteArray signature = key.value().sign(message);
    const QByteArray publicKey = key.value().publicKey();
    QVERIFY(audit::verifySignature(publicKey, message, signature));

    QVERIFY(!audit::verifySignature(QByteArray(), message, signature));
    QVERIFY(!audit::verifySignature(publicKey.left(31), message, signature));
    QVERIFY(!audit::verifySignature(publicKey + '\0', message, signature));
    QVERIFY(!audit::verifySignature(publicKey, message, QByteArray()));
    QVERIFY(!audit::verifySignature(publicKey, message, signature.left(63)));
    QVERIFY(!audit::verifySignature(publicKey, message, signature + '\0'));

    for (const qsizetype size : {0, 31, 33, 64}) {
        const Result<audit::SigningKey> seeded = audit::SigningKey::fromSeed(QByteArray(size, 'x'));
        QVERIFY2(!seeded.ok(), qPrintable(QString::number(size)));
        QVERIFY2(seeded.error().contains(QString::number(size)), qPrintable(seeded.error()));
    }
}

void TestSigningKey::copyAndMove()
{
    const Result<audit::SigningKey> original = audit::SigningKey::fromSeed(kRfcSeed);
    QVERIFY2(original.ok(), qPrintable(test::errorOf(original)));

    const audit::SigningKey copy
        = original.value(); // NOLINT(performance-unnecessary-copy-initialization)
    QCOMPARE(copy.publicKey(), kRfcPublicKey);
    QCOMPARE(copy.sign(QByteArray()), kRfcSignature);

    audit::SigningKey source = copy;
    const audit::SigningKey moved = std::move(source);
    QCOMPARE(moved.sign(QByteArray()), kRfcSignature);

    Result<audit::SigningKey> target = audit::SigningKey::fromSeed(QByteArray(32, '\x01'));
    QVERIFY2(target.ok(), qPrintable(test::errorOf(target)));
    audit::SigningKey again = copy;
    target.value() = std::move(again);
    QCOMPARE(target.value().publicKey(), kRfcPublicKey);
    target.value() = copy;
    QCOMPARE(target.value().sign(QByteArray()), kRfcSignature);
}

void TestSigningKey::looseModeRefused_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0644") << 0644;
    QTest::newRow("0640") << 0640;
    QTest::newRow("0604") << 0604;
    QTest::newRow("0660") << 0660;
    QTest::newRow("0620") << 0620;
    QTest::newRow("0602") << 0602;
    QTest::newRow("0610") << 0610;
}

void TestSigningKey::looseModeRefused()
{
    QFETCH(int, mode);
    const QString path = m_dir->filePath(u"key"_s);
    QVERIFY(writeFile(path, rfcKeyFileText(), mode));
    QCOMPARE(modeOf(path), mode);

    const Result<audit::SigningKey> key = audit::SigningKey::load(path);
    QVERIFY(!key.ok());
    QVERIFY2(key.error().contains(path), qPrintable(key.error()));
    QVERIFY2(key.error().contains(QString::number(mode, 8).rightJustified(4, u'0')),
             qPrintable(key.error()));

    QVERIFY(!audit::SigningKey::loadOrCreate(path).ok());
    QCOMPARE(modeOf(path), mode);
}

void TestSigningKey::ownerOnlyModesAccepted_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0600") << 0600;
    QTest::newRow("0400") << 0400;
}

void TestSigningKey::ownerOnlyModesAccepted()
{
    QFETCH(int, mode);
    const QString path = m_dir->filePath(u"key"_s);
    QVERIFY(writeFile(path, rfcKeyFileText(), mode));
    const Result<audit::SigningKey> key = audit::SigningKey::load(path);
    QVERIFY2(key.ok(), qPrintable(test::errorOf(key)));
    QCOMPARE(key.value().publicKey(), kRfcPublicKey);
}

void TestSigningKey::corruptFileRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");

    const QByteArray secret = kRfcSeed + kRfcPublicKey;
    const QByteArray base64 = secret.toBase64();

    QTest::newRow("empty file") << QByteArray() << u"first line"_s;
    QTest::newRow("no header") << base64 + '\n' << u"first line"_s;
    QTest::newRow("other version") << "refundguard-ed25519-secret-key v2\n"_ba + base64 + '\n'
                                   << u"first line"_s;
    QTest::newRow("header without newline")
        << "refundguard-ed25519-secret-key v1"_ba << u"first line"_s;
    QTest::newRow("not base64") << kHeader + "not*base64!\n"_ba << u"base64"_s;
    QTest::newRow("space inside") << kHeader + base64.left(40) + ' ' + base64.mid(40) + '\n'
                                  << u"base64"_s;
    QTest::newRow("split over lines") << kHeader + base64.left(44) + '\n' + base64.mid(44) + '\n'
                                      << u"base64"_s;
    QTest::newRow("padding missing") << kHeader + base64.chopped(2) + '\n' << u"base64"_s;
    QTest::newRow("trailing garbage line") << kHeader + base64 + "\nextra\n"_ba << u"base64"_s;
    QTest::newRow("empty key") << kHeader + '\n' << u"0 bytes"_s;
    QTest::newRow("63 bytes") << kHeader + secret.left(63).toBase64() + '\n' << u"63 bytes"_s;
    QTest::newRow("65 bytes") << kHeader + (secret + 'x').toBase64() + '\n' << u"65 bytes"_s;
    QTest::newRow("32 bytes (seed only)") << kHeader + kRfcSeed.toBase64() + '\n' << u"32 bytes"_s;
    QTest::newRow("public half of another key")
        << kHeader
               + (kRfcSeed
                  + QByteArray::fromHex(
                      "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"))
                     .toBase64()
               + '\n'
        << u"does not belong"_s;
    QTest::newRow("public half one bit off") << kHeader + flipBit(secret, 300).toBase64() + '\n'
                                             << u"does not belong"_s;
    QTest::newRow("secret half one bit off") << kHeader + flipBit(secret, 3).toBase64() + '\n'
                                             << u"does not belong"_s;
    QTest::newRow("oversized") << kHeader + QByteArray(8192, 'A') + '\n' << u"too large"_s;
}

void TestSigningKey::corruptFileRefused()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);

    const QString path = m_dir->filePath(u"key"_s);
    QVERIFY(writeFile(path, content, 0600));
    const Result<audit::SigningKey> key = audit::SigningKey::load(path);
    QVERIFY(!key.ok());
    QVERIFY2(key.error().contains(path), qPrintable(key.error()));
    QVERIFY2(key.error().contains(reason), qPrintable(key.error()));
}

void TestSigningKey::loadOrCreateKeepsBadFile()
{
    const QString path = m_dir->filePath(u"key"_s);
    const QByteArray damaged = kHeader + "AAAA\n"_ba;
    QVERIFY(writeFile(path, damaged, 0600));

    const Result<audit::SigningKey> key = audit::SigningKey::loadOrCreate(path);
    QVERIFY(!key.ok());
    QVERIFY2(key.error().contains(path), qPrintable(key.error()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), damaged);

    // A directory in the way is an error too, not a reason to write elsewhere.
    const QString blocked = m_dir->filePath(u"plain-file/key"_s);
    QVERIFY(writeFile(m_dir->filePath(u"plain-file"_s), "x"_ba, 0600));
    QVERIFY(!audit::SigningKey::loadOrCreate(blocked).ok());
}

void TestSigningKey::readPublicKeys()
{
    const Result<audit::SigningKey> first = audit::SigningKey::fromSeed(kRfcSeed);
    const Result<audit::SigningKey> second = audit::SigningKey::fromSeed(QByteArray(32, '\x09'));
    QVERIFY(first.ok() && second.ok());

    const QByteArray text = "# keys trusted for branch 12\n\n"_ba
                            + audit::publicKeyFileText(first.value().publicKey())
                            + "   \n# retired 2026-01, kept for old checkpoints\r\n"_ba
                            + "  ed25519:"_ba + second.value().publicKey().toBase64() + "\r\n"_ba;
    const QString path = m_dir->filePath(u"trusted.pub"_s);
    QVERIFY(writeFile(path, text, 0644));

    const Result<QList<QByteArray>> keys = audit::readPublicKeys(path);
    QVERIFY2(keys.ok(), qPrintable(test::errorOf(keys)));
    QCOMPARE(keys.value(),
             (QList<QByteArray>{first.value().publicKey(), second.value().publicKey()}));

    QVERIFY(writeFile(path, "# nothing trusted yet\n"_ba, 0644));
    const Result<QList<QByteArray>> none = audit::readPublicKeys(path);
    QVERIFY2(none.ok(), qPrintable(test::errorOf(none)));
    QVERIFY(none.value().isEmpty());
}

void TestSigningKey::readPublicKeysBadLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");

    const QByteArray good = "ed25519:"_ba + kRfcPublicKey.toBase64() + '\n';
    QTest::newRow("no prefix") << "# c\n\n"_ba + kRfcPublicKey.toBase64() + '\n'
                               << 3 << u"expected"_s;
    QTest::newRow("ssh form") << good + "ssh-ed25519 "_ba + kRfcPublicKey.toBase64() + '\n'
                              << 2 << u"expected"_s;
    QTest::newRow("bad base64") << good + "ed25519:@@@@\n"_ba << 2 << u"base64"_s;
    QTest::newRow("short key") << good + good + "#\ned25519:"_ba + kRfcPublicKey.left(31).toBase64()
                               << 4 << u"31 bytes"_s;
    QTest::newRow("secret key pasted")
        << "ed25519:"_ba + (kRfcSeed + kRfcPublicKey).toBase64() << 1 << u"64 bytes"_s;
}

void TestSigningKey::readPublicKeysBadLine()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, reason);

    const QString path = m_dir->filePath(u"trusted.pub"_s);
    QVERIFY(writeFile(path, text, 0644));
    const Result<QList<QByteArray>> keys = audit::readPublicKeys(path);
    QVERIFY(!keys.ok());
    QVERIFY2(keys.error().contains(path), qPrintable(keys.error()));
    QVERIFY2(keys.error().contains(u"line %1:"_s.arg(line)), qPrintable(keys.error()));
    QVERIFY2(keys.error().contains(reason), qPrintable(keys.error()));
}

void TestSigningKey::readPublicKeysMissingFile()
{
    const QString path = m_dir->filePath(u"absent.pub"_s);
    const Result<QList<QByteArray>> keys = audit::readPublicKeys(path);
    QVERIFY(!keys.ok());
    QVERIFY2(keys.error().contains(path), qPrintable(keys.error()));
}

void TestSigningKey::publicKeyFileTextFormat()
{
    QCOMPARE(audit::publicKeyFileText(kRfcPublicKey),
             "# Refund Guard audit key 21fe31dfa154a261626bf854046fd227\n"
             "ed25519:11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"_ba);
}

void TestSigningKey::fingerprint()
{
    QCOMPARE(audit::keyFingerprint(kRfcPublicKey), kRfcFingerprint);
    const Result<audit::SigningKey> rfc = audit::SigningKey::fromSeed(kRfcSeed);
    QVERIFY2(rfc.ok(), qPrintable(test::errorOf(rfc)));
    QCOMPARE(rfc.value().fingerprint(), kRfcFingerprint);

    const QString path = m_dir->filePath(u"key"_s);
    const Result<audit::SigningKey> created = audit::SigningKey::loadOrCreate(path);
    QVERIFY2(created.ok(), qPrintable(test::errorOf(created)));
    const QString fingerprint = created.value().fingerprint();
    static const QRegularExpression hex(u"\\A[0-9a-f]{32}\\z"_s);
    QVERIFY2(hex.match(fingerprint).hasMatch(), qPrintable(fingerprint));
    QCOMPARE(fingerprint, audit::keyFingerprint(created.value().publicKey()));
    QVERIFY(fingerprint != kRfcFingerprint);

    const Result<audit::SigningKey> loaded = audit::SigningKey::load(path);
    QVERIFY2(loaded.ok(), qPrintable(test::errorOf(loaded)));
    QCOMPARE(loaded.value().fingerprint(), fingerprint);
}

void TestSigningKey::rfc8032Vector1()
{
    const Result<audit::SigningKey> key = audit::SigningKey::fromSeed(kRfcSeed);
    QVERIFY2(key.ok(), qPrintable(test::errorOf(key)));
    QCOMPARE(key.value().publicKey(), kRfcPublicKey);
    QCOMPARE(key.value().sign(QByteArray()), kRfcSignature);
    QVERIFY(audit::verifySignature(kRfcPublicKey, QByteArray(), kRfcSignature));
    QVERIFY(!audit::verifySignature(kRfcPublicKey, "\0"_ba, kRfcSignature));
}

void TestSigningKey::concurrentLoadOrCreate()
{
    constexpr int rounds = 25;
    constexpr int threads = 4;
    for (int round = 0; round < rounds; ++round) {
        // Fresh missing directories each round, so the threads also race to create those.
        const QString dir = m_dir->filePath(u"round%1/keys"_s.arg(round));
        const QString path = dir + u"/audit-signing.key"_s;
        std::array<std::optional<Result<audit::SigningKey>>, threads> results;
        std::latch start(threads);
        {
            std::array<std::thread, threads> workers;
            for (int i = 0; i < threads; ++i) {
                workers[i] = std::thread([&, i] {
                    start.arrive_and_wait();
                    results[i].emplace(audit::SigningKey::loadOrCreate(path));
                });
            }
            for (std::thread &worker : workers)
                worker.join();
        }

        const Result<audit::SigningKey> onDisk = audit::SigningKey::load(path);
        QVERIFY2(onDisk.ok(), qPrintable(test::errorOf(onDisk)));
        for (const std::optional<Result<audit::SigningKey>> &result : results) {
            QVERIFY(result.has_value());
            QVERIFY2(result->ok(), qPrintable(test::errorOf(*result)));
            QCOMPARE(result->value().publicKey(), onDisk.value().publicKey());
        }
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                     | QDir::NoDotAndDotDot),
                 QStringList{u"audit-signing.key"_s});
        QCOMPARE(modeOf(dir), 0700);
    }
}

void TestSigningKey::defaultKeyPath()
{
    const QString chosen = m_dir->filePath(u"elsewhere/key"_s);
    qputenv("RG_AUDIT_KEY", QFile::encodeName(chosen));
    QCOMPARE(audit::defaultKeyPath(), chosen);

    qunsetenv("RG_AUDIT_KEY");
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QVERIFY(!dataDir.isEmpty());
    QCOMPARE(audit::defaultKeyPath(), dataDir + u"/audit-signing.key"_s);

    // Set but empty counts as unset rather than as a key at the current directory.
    qputenv("RG_AUDIT_KEY", QByteArray());
    QCOMPARE(audit::defaultKeyPath(), dataDir + u"/audit-signing.key"_s);
}

QTEST_GUILESS_MAIN(TestSigningKey)

#include "tst_signingkey.moc"
