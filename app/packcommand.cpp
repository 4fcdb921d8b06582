// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "packcommand.h"

#include "cliio.h"

#include "model/jsontext.h"
#include "packs/packcontent.h"
#include "packs/packsignature.h"

#include <QFile>
#include <QHash>
#include <QSaveFile>

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
        writeOut(
            u"%1: ok (%2, key %3)\n"_s.arg(path, packs::packFileKindName(kind.value()), id.value())
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
    if (sub == u"sign"_s)
        return sign(rest);
    if (sub == u"verify"_s)
        return verify(rest);
    return usageError(u"usage: refundguard-cli pack keygen|sign|verify ..."_s);
}

} // namespace rg::cli
