// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// `refundguard-cli pack keygen|manifest|sign|verify` as the rules team runs it: the real executable
// on files in a temporary folder, judged by exit codes and the lines it prints.

#include "cli/clirunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rg::test;

namespace {

const QByteArray kRulePack
    = R"({"id": "team-pack", "version": "3", "format": 1, "rules": [{"id": "cash", "cue": "bribe", "weight": 0.6, "patterns": ["cashapp"]}]}
)";

QByteArray policyBytes()
{
    QFile file(QStringLiteral(RG_SOURCE_DIR "/resources/policies/01-authority-limit.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstCliPack final : public QObject
{
    Q_OBJECT

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }

    // A fresh key pair and the three pack files, all signed.
    void makeSignedPack()
    {
        const Run keygen = runCli({u"pack"_s, u"keygen"_s, u"--secret"_s, path(u"team.key"_s),
                                   u"--public"_s, path(u"team.pub"_s)});
        QVERIFY2(keygen.finished && keygen.exitCode == 0, qPrintable(describe(keygen)));
        QVERIFY(writeFile(path(u"rulepack.json"_s), kRulePack));
        QVERIFY(writeFile(path(u"01-authority-limit.json"_s), policyBytes()));
        const Run made = makeManifest(u"1"_s);
        QVERIFY2(made.finished && made.exitCode == 0, qPrintable(describe(made)));
        const Run sign = runCli({u"pack"_s, u"sign"_s, u"--key"_s, path(u"team.key"_s),
                                 path(u"manifest.json"_s), path(u"rulepack.json"_s),
                                 path(u"01-authority-limit.json"_s)});
        QVERIFY2(sign.finished && sign.exitCode == 0, qPrintable(describe(sign)));
        QCOMPARE(QString::fromUtf8(sign.out).count(u"signed with key"_s), 3);
    }

    // The manifest of release \a sequence: the policy given first, the rule pack recognised.
    Run makeManifest(const QString &sequence)
    {
        return runCli({u"pack"_s, u"manifest"_s, u"--sequence"_s, sequence, u"--published-at"_s,
                       u"2026-11-26T17:00:00Z"_s, u"--out"_s, path(u"manifest.json"_s),
                       path(u"01-authority-limit.json"_s), path(u"rulepack.json"_s)});
    }

    Run verify(const QString &key, const QStringList &files)
    {
        QStringList args{u"pack"_s, u"verify"_s, u"--pubkey"_s, key};
        for (const QString &file : files)
            args << path(file);
        return runCli(args);
    }

    std::optional<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
        QVERIFY(!policyBytes().isEmpty());
    }

    // Scenario: keygen writes an owner-only secret key and a public key file, and refuses to
    // overwrite either.
    void keygenWritesOwnerOnlyKey()
    {
        makeSignedPack();
        QCOMPARE(QFile::permissions(path(u"team.key"_s)).toInt() & 0x0077, 0);
        QVERIFY(QFile::exists(path(u"team.pub"_s)));
        const Run again = runCli({u"pack"_s, u"keygen"_s, u"--secret"_s, path(u"team.key"_s),
                                  u"--public"_s, path(u"other.pub"_s)});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("not overwritten"), qPrintable(describe(again)));
    }

    // Scenario: signed files verify, with the key file or the bare base64 key.
    void signedPackVerifies()
    {
        makeSignedPack();
        const QStringList files{u"manifest.json"_s, u"rulepack.json"_s,
                                u"01-authority-limit.json"_s};
        const Run byFile = verify(path(u"team.pub"_s), files);
        QVERIFY2(byFile.exitCode == 0, qPrintable(describe(byFile)));
        QCOMPARE(QString::fromUtf8(byFile.out).count(u": ok ("_s), 3);
        QVERIFY2(byFile.out.contains("rule pack") && byFile.out.contains("pack manifest")
                     && byFile.out.contains("policy"),
                 qPrintable(describe(byFile)));
        QFile pub(path(u"team.pub"_s));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = pub.readAll().split('\n');
        const Run byKey = verify(QString::fromLatin1(lines.value(1)), files);
        QVERIFY2(byKey.exitCode == 0, qPrintable(describe(byKey)));
    }

    // Scenario: the manifest names the release, its date and each file with its SHA-256.
    void manifestDescribesTheRelease()
    {
        makeSignedPack();
        QFile file(path(u"manifest.json"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(manifest.value(u"format"_s).toString(), u"refundguard-pack-manifest/2"_s);
        QCOMPARE(manifest.value(u"sequence"_s).toInteger(), 1);
        QCOMPARE(manifest.value(u"published_at"_s).toString(), u"2026-11-26T17:00:00Z"_s);
        QCOMPARE(manifest.value(u"rule_pack"_s).toString(), u"rulepack.json"_s);
        QCOMPARE(manifest.value(u"policies"_s).toArray(),
                 QJsonArray({u"01-authority-limit.json"_s}));
        const QJsonObject hashes = manifest.value(u"sha256"_s).toObject();
        QCOMPARE(hashes.value(u"rulepack.json"_s).toString().toLatin1(),
                 QCryptographicHash::hash(kRulePack, QCryptographicHash::Sha256).toHex());
        QCOMPARE(hashes.value(u"01-authority-limit.json"_s).toString().toLatin1(),
                 QCryptographicHash::hash(policyBytes(), QCryptographicHash::Sha256).toHex());
    }

    // Scenario: a release number at or below the one already in the folder is not written over
    // it; the next one is.
    void manifestSequenceMustRise()
    {
        makeSignedPack();
        QVERIFY(
            writeFile(path(u"rulepack.json"_s), QByteArray(kRulePack).replace("\"3\"", "\"4\"")));
        const QByteArray before = [this] {
            QFile file(path(u"manifest.json"_s));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        const Run reused = makeManifest(u"1"_s);
        QCOMPARE(reused.exitCode, 1);
        QVERIFY2(reused.err.contains("sequence 1 is already used"), qPrintable(describe(reused)));
        QFile file(path(u"manifest.json"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        file.close();
        const Run next = makeManifest(u"2"_s);
        QVERIFY2(next.exitCode == 0 && next.out.contains("sequence 2"), qPrintable(describe(next)));
        const Run older = makeManifest(u"1"_s);
        QCOMPARE(older.exitCode, 1);
        QVERIFY2(older.err.contains("sequence 1 is older than"), qPrintable(describe(older)));
    }

    // Scenario: files that cannot make a pack: outside the manifest's folder, two rule packs,
    // no policy. Nothing is written, and each problem is named.
    void manifestRefusesWhatCannotBeAPack()
    {
        QVERIFY(writeFile(path(u"rulepack.json"_s), kRulePack));
        QVERIFY(writeFile(path(u"second.json"_s), kRulePack));
        QVERIFY(QDir(m_dir->path()).mkdir(u"sub"_s));
        QVERIFY(writeFile(path(u"sub/01-authority-limit.json"_s), policyBytes()));
        const QStringList base{u"pack"_s, u"manifest"_s, u"--sequence"_s,
                               u"1"_s,    u"--out"_s,    path(u"manifest.json"_s)};
        const Run outside = runCli(
            base + QStringList{path(u"rulepack.json"_s), path(u"sub/01-authority-limit.json"_s)});
        QCOMPARE(outside.exitCode, 1);
        QVERIFY2(outside.err.contains("not in the manifest's folder"),
                 qPrintable(describe(outside)));
        const Run twoPacks
            = runCli(base + QStringList{path(u"rulepack.json"_s), path(u"second.json"_s)});
        QCOMPARE(twoPacks.exitCode, 1);
        QVERIFY2(twoPacks.err.contains("a second rule pack"), qPrintable(describe(twoPacks)));
        const Run noPolicy = runCli(base + QStringList{path(u"rulepack.json"_s)});
        QCOMPARE(noPolicy.exitCode, 1);
        QVERIFY2(noPolicy.err.contains("at least one policy"), qPrintable(describe(noPolicy)));
        QVERIFY(!QFile::exists(path(u"manifest.json"_s)));
    }

    // Scenario: a rule pack of another release, validly signed, beside the manifest: its
    // signature is good, but the manifest's hash gives it away.
    void fileOfAnotherReleaseFails()
    {
        makeSignedPack();
        const QByteArray other = QByteArray(kRulePack).replace("\"3\"", "\"4\"");
        QVERIFY(writeFile(path(u"rulepack.json"_s), other));
        const Run sign = runCli(
            {u"pack"_s, u"sign"_s, u"--key"_s, path(u"team.key"_s), path(u"rulepack.json"_s)});
        QCOMPARE(sign.exitCode, 0);
        const Run run = verify(path(u"team.pub"_s), {u"manifest.json"_s, u"rulepack.json"_s,
                                                     u"01-authority-limit.json"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.contains(path(u"rulepack.json"_s).toUtf8() + ": its SHA-256 is not the one"),
            qPrintable(describe(run)));
        QCOMPARE(QString::fromUtf8(run.out).count(u": ok ("_s), 2);
    }

    // Scenario: one altered file, one missing signature: exit 1, one line per bad file naming
    // it, and the good file still reported ok.
    void badFilesAreNamed()
    {
        makeSignedPack();
        QByteArray altered = kRulePack;
        altered.replace("0.6", "0.9");
        QVERIFY(writeFile(path(u"rulepack.json"_s), altered));
        QVERIFY(QFile::remove(path(u"01-authority-limit.json.sig"_s)));
        const Run run = verify(path(u"team.pub"_s), {u"manifest.json"_s, u"rulepack.json"_s,
                                                     u"01-authority-limit.json"_s});
        QCOMPARE(run.exitCode, 1);
        const QString err = QString::fromUtf8(run.err);
        QCOMPARE(err.count(u'\n'), 2);
        QVERIFY2(err.contains(path(u"rulepack.json"_s) + u": the signature does not match"_s),
                 qPrintable(describe(run)));
        QVERIFY2(err.contains(path(u"01-authority-limit.json"_s) + u": unsigned"_s),
                 qPrintable(describe(run)));
        QVERIFY2(run.out.contains("manifest.json: ok"), qPrintable(describe(run)));
    }

    // Scenario: a pack signed by another team's key does not verify against ours.
    void wrongKeyFails()
    {
        makeSignedPack();
        const Run other = runCli({u"pack"_s, u"keygen"_s, u"--secret"_s, path(u"other.key"_s),
                                  u"--public"_s, path(u"other.pub"_s)});
        QCOMPARE(other.exitCode, 0);
        const Run run = verify(path(u"other.pub"_s), {u"rulepack.json"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("not a trusted key"), qPrintable(describe(run)));
    }

    // Scenario: an invalid pack file is not signed, nor is anything signed beside it.
    void invalidPackIsNotSigned()
    {
        makeSignedPack();
        QVERIFY(writeFile(path(u"broken.json"_s), R"({"id": "x", "format": 1, "rules": [{}]})"));
        QVERIFY(writeFile(path(u"fresh.json"_s), kRulePack));
        const Run run = runCli({u"pack"_s, u"sign"_s, u"--key"_s, path(u"team.key"_s),
                                path(u"fresh.json"_s), path(u"broken.json"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(path(u"broken.json"_s).toUtf8()), qPrintable(describe(run)));
        QVERIFY(!QFile::exists(path(u"broken.json.sig"_s)));
        QVERIFY(!QFile::exists(path(u"fresh.json.sig"_s)));
    }

    void usageErrors()
    {
        checkUsageError(runCli({u"pack"_s}), u"pack keygen|manifest|sign|verify"_s);
        checkUsageError(runCli({u"pack"_s, u"manifest"_s, u"--out"_s, u"m.json"_s, u"r.json"_s}),
                        u"--sequence N"_s);
        checkUsageError(
            runCli({u"pack"_s, u"manifest"_s, u"--sequence"_s, u"1"_s, u"--published-at"_s,
                    u"2026-11-26T17:00:00"_s, u"--out"_s, u"m.json"_s, u"r.json"_s}),
            u"with its zone"_s);
        checkUsageError(runCli({u"pack"_s, u"sign"_s, u"x.json"_s}), u"--key SECRET_FILE"_s);
        checkUsageError(runCli({u"pack"_s, u"verify"_s, u"--pubkey"_s}),
                        u"--pubkey needs a value"_s);
        checkUsageError(runCli({u"pack"_s, u"keygen"_s, u"--secret"_s, u"a"_s}),
                        u"--public FILE"_s);
    }
};

QTEST_GUILESS_MAIN(TstCliPack)
#include "tst_cli_pack.moc"
