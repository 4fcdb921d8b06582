// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "packcommand.h"

#include "cliio.h"

#include "model/jsontext.h"
#include "packs/packcontent.h"
#include "packs/packsignature.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace rg::cli {

namespace {

// Reads "--name VALUE" / "--name=VALUE" options of \a names; the rest are files.
struct Parsed
{
    QHash<QString, QString> options;
    QStringList files;
    QString error;
};

Parsed parseArgs(const QStringList &args, const QStringList &names)
{
    Parsed parsed;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (!arg.startsWith(u"--"_s)) {
            parsed.files.append(arg);
            continue;
        }
        const qsizetype equals = arg.indexOf(u'=');
        const QString name = arg.mid(2, equals < 0 ? -1 : equals - 2);
        if (!names.contains(name)) {
            parsed.error = u"unknown option %1"_s.arg(arg);
            return parsed;
        }
        if (equals >= 0) {
            parsed.options.insert(name, arg.mid(equals + 1));
        } else if (++i < args.size()) {
            parsed.options.insert(name, args[i]);
        } else {
            parsed.error = u"--%1 needs a value"_s.arg(name);
            return parsed;
        }
    }
    return parsed;
}

int keygen(const QStringList &args)
{
    const Parsed parsed = parseArgs(args, {u"secret"_s, u"public"_s});
    if (!parsed.error.isEmpty())
        return usageError(u"pack keygen: "_s + parsed.error);
    const QString secretPath = parsed.options.value(u"secret"_s);
    const QString publicPath = parsed.options.value(u"public"_s);
    if (secretPath.isEmpty() || publicPath.isEmpty() || !parsed.files.isEmpty())
        return usageError(u"usage: refundguard-cli pack keygen --secret FILE --public FILE"_s);
    // Neither file is replaced: the old key may be the one every installation trusts.
    for (const QString &path : {secretPath, publicPath}) {
        if (QFile::exists(path))
            return fail(path + u": a file is already there; it was not overwritten"_s);
    }
    auto key = packs::PackSigningKey::generate();
    if (!key)
        return fail(key.error());
    if (auto saved = key.value().save(secretPath); !saved)
        return fail(saved.error());
    const QByteArray publicText = packs::publicKeyFileText(key.value().publicKey());
    QSaveFile file(publicPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(publicText) != publicText.size()
        || !file.commit()) {
        return fail(publicPath + u": cannot write: "_s + file.errorString());
    }
    writeOut(u"key %1\nsecret key: %2 (keep it private)\npublic key: %3\npacks/publicKeys "
             u"value: %4\n"_s
                 .arg(packs::keyId(key.value().publicKey()), secretPath, publicPath,
                      QString::fromLatin1(key.value().publicKey().toBase64()))
                 .toUtf8());
    return kExitOk;
}

/*
 * The rule pack and the policies may come in any order (each is recognised by its content); all
 * must sit beside the manifest, which names them by file name. A manifest already there with a
 * later sequence, or the same sequence for other files, is not replaced.
 */
int manifest(const QStringList &args)
{
    const Parsed parsed = parseArgs(args, {u"sequence"_s, u"published-at"_s, u"out"_s});
    if (!parsed.error.isEmpty())
        return usageError(u"pack manifest: "_s + parsed.error);
    const QString outPath = parsed.options.value(u"out"_s);
    if (outPath.isEmpty() || !parsed.options.contains(u"sequence"_s) || parsed.files.isEmpty()) {
        return usageError(u"usage: refundguard-cli pack manifest --sequence N [--published-at "
                          u"TIME] --out MANIFEST RULEPACK POLICY..."_s);
    }
    bool numeric = false;
    const qint64 sequence = parsed.options.value(u"sequence"_s).toLongLong(&numeric);
    if (!numeric || sequence < 1)
        return usageError(u"pack manifest: --sequence must be a whole number from 1"_s);
    QDateTime publishedAt = QDateTime::currentDateTimeUtc();
    publishedAt.setTime(
        QTime(publishedAt.time().hour(), publishedAt.time().minute(), publishedAt.time().second()));
    if (parsed.options.contains(u"published-at"_s)) {
        publishedAt
            = QDateTime::fromString(parsed.options.value(u"published-at"_s), Qt::ISODateWithMs);
        if (!publishedAt.isValid() || publishedAt.timeSpec() == Qt::LocalTime) {
            return usageError(u"pack manifest: --published-at must be a date and time with its "
                              u"zone, such as 2026-11-26T17:00:00Z"_s);
        }
    }
    const QDir folder = QFileInfo(outPath).absoluteDir();
    std::optional<std::pair<QString, QByteArray>> rulePack;
    QList<std::pair<QString, QByteArray>> policies;
    bool bad = false;
    for (const QString &path : parsed.files) {
        const QFileInfo info(path);
        if (info.absoluteDir() != folder) {
            printErr(path + u": not in the manifest's folder "_s + folder.path());
            bad = true;
            continue;
        }
        auto bytes = model::readFileBytes(path);
        if (!bytes) {
            printErr(bytes.error());
            bad = true;
            continue;
        }
        auto kind = packs::validatePackFile(bytes.value(), path);
        if (!kind) {
            printErr(kind.error());
            bad = true;
        } else if (kind.value() == packs::PackFileKind::Manifest) {
            printErr(path + u": a manifest cannot be part of a pack"_s);
            bad = true;
        } else if (kind.value() == packs::PackFileKind::Policy) {
            policies.append({info.fileName(), bytes.value()});
        } else if (rulePack) {
            printErr(path + u": a second rule pack (a pack has one)"_s);
            bad = true;
        } else {
            rulePack.emplace(info.fileName(), bytes.value());
        }
    }
    if (!bad && (!rulePack || policies.isEmpty()))
        return fail(u"a pack needs one rule pack and at least one policy; nothing was written"_s);
    if (bad)
        return fail(u"nothing was written"_s);
    const auto made
        = packs::PackManifest::describe(sequence, publishedAt, QList{*rulePack} + policies);
    // Parsed back: names the manifest cannot carry (folders, odd characters) are refused here.
    if (auto valid = packs::PackManifest::parse(made.toJson(), outPath); !valid)
        return fail(valid.error() + u"; nothing was written"_s);
    if (QFile::exists(outPath)) {
        auto bytes = model::readFileBytes(outPath);
        if (!bytes)
            return fail(bytes.error());
        if (auto previous = packs::PackManifest::parse(bytes.value(), outPath)) {
            if (auto newer
                = packs::checkNotRollback(made, previous.value(), outPath, u"the manifest there"_s);
                !newer)
                return fail(newer.error() + u"; it was not replaced"_s);
        }
    }
    const QByteArray text = made.toJson();
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return fail(outPath + u": cannot write: "_s + file.errorString());
    writeOut(u"%1: sequence %2, published %3: rule pack %4 and %5 policies\n"_s.arg(outPath)
                 .arg(sequence)
                 .arg(made.publishedAt.toString(Qt::ISODate), made.rulePack)
                 .arg(made.policies.size())
                 .toUtf8());
    return kExitOk;
}

// Each file must be a valid pack file; every problem is reported before anything is signed.
int sign(const QStringList &args)
{
    const Parsed parsed = parseArgs(args, {u"key"_s});
    if (!parsed.error.isEmpty())
        return usageError(u"pack sign: "_s + parsed.error);
    const QString keyPath = parsed.options.value(u"key"_s);
    if (keyPath.isEmpty() || parsed.files.isEmpty())
        return usageError(u"usage: refundguard-cli pack sign --key SECRET_FILE PACKFILE..."_s);
    auto key = packs::PackSigningKey::load(keyPath);
    if (!key)
        return fail(key.error());
    QList<QByteArray> contents;
    bool bad = false;
    for (const QString &path : parsed.files) {
        auto bytes = model::readFileBytes(path);
        if (!bytes) {
            printErr(bytes.error());
            bad = true;
            contents.append(QByteArray());
            continue;
        }
        if (auto kind = packs::validatePackFile(bytes.value(), path); !kind) {
            printErr(kind.error());
            bad = true;
        }
        contents.append(bytes.value());
    }
    if (bad)
        return fail(u"nothing was signed"_s);
    for (qsizetype i = 0; i < parsed.files.size(); ++i) {
        const QString sigPath = packs::signatureFilePath(parsed.files[i]);
        const QByteArray text = key.value().signatureFile(contents[i]);
        QSaveFile file(sigPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
            return fail(sigPath + u": cannot write: "_s + file.errorString());
        writeOut(u"%1: signed with key %2\n"_s
                     .arg(parsed.files[i], packs::keyId(key.value().publicKey()))
                     .toUtf8());
    }
    return kExitOk;
}

int verify(const QStringList &args)
{
    const Parsed parsed = parseArgs(args, {u"pubkey"_s});
    if (!parsed.error.isEmpty())
        return usageError(u"pack verify: "_s + parsed.error);
    const QString keyText = parsed.options.value(u"pubkey"_s);
    if (keyText.isEmpty() || parsed.files.isEmpty())
        return usageError(u"usage: refundguard-cli pack verify --pubkey KEY_OR_FILE PACKFILE..."_s);
    const auto keys = packs::readPublicKeys(keyText);
    if (!keys)
        return fail(keys.error());
    bool bad = false;
    struct Verified
    {
        QString path;
        QByteArray bytes;
        packs::PackFileKind kind;
        QString keyId;
    };
    QList<Verified> verified;
    for (const QString &path : parsed.files) {
        QByteArray bytes;
        auto id = packs::verifyPackFile(path, keys.value(), &bytes);
        if (!id) {
            printErr(id.error());
            bad = true;
            continue;
        }
        // Signed and intact, but the application would still refuse a pack it cannot load; the
        // bytes validated are the ones verified.
        auto kind = packs::validatePackFile(bytes, path);
        if (!kind) {
            printErr(kind.error());
            bad = true;
            continue;
        }
        verified.append({path, bytes, kind.value(), id.value()});
    }
    // With a manifest among them, each file it names must be the one it was made from.
    std::optional<packs::PackManifest> manifest;
    QString manifestPath;
    for (const Verified &file : std::as_const(verified)) {
        if (file.kind == packs::PackFileKind::Manifest) {
            manifest = packs::PackManifest::parse(file.bytes, file.path).value();
            manifestPath = file.path;
        }
    }
    for (const Verified &file : std::as_const(verified)) {
        const QString name = QFileInfo(file.path).fileName();
        if (manifest && file.kind != packs::PackFileKind::Manifest
            && manifest->files().contains(name) && !manifest->matches(name, file.bytes)) {
            printErr(file.path + u": its SHA-256 is not the one "_s + manifestPath + u" lists"_s);
            bad = true;
            continue;
        }
        writeOut(u"%1: ok (%2, key %3)\n"_s
                     .arg(file.path, packs::packFileKindName(file.kind), file.keyId)
                     .toUtf8());
    }
    return bad ? kExitFailed : kExitOk;
}

} // namespace

int runPackCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == u"keygen"_s)
        return keygen(rest);
    if (sub == u"manifest"_s)
        return manifest(rest);
    if (sub == u"sign"_s)
        return sign(rest);
    if (sub == u"verify"_s)
        return verify(rest);
    return usageError(u"usage: refundguard-cli pack keygen|manifest|sign|verify ..."_s);
}

} // namespace rg::cli
