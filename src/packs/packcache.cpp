// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "packs/packcache.h"

#include "model/jsontext.h"
#include "packs/packsignature.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>

namespace rg::packs {

using namespace Qt::StringLiterals;

namespace {

// The cache's pointer to the folder of the pack in use, rewritten atomically (QSaveFile) once a
// new folder is complete: a reader sees the old pack or the new one, never a mixture.
constexpr auto kCurrentName = "current.json";
constexpr auto kFolderPrefix = "pack-";
// Larger than any sensible pack; protects against reading an arbitrary file whole.
constexpr qint64 kMaxCachedFileSize = 64 * 1024 * 1024;
constexpr int kLockWaitMs = 10000;

Result<QByteArray> readCachedFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path + u": cannot read: "_s + file.errorString()};
    // Bounded by the read, not by size(): a FIFO or a device says 0 and never ends.
    QByteArray bytes = file.read(kMaxCachedFileSize + 1);
    if (bytes.size() > kMaxCachedFileSize)
        return Error{path + u": too large for a pack file"_s};
    return bytes;
}

Result<bool> writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{path + u": cannot write: "_s + file.errorString()};
    return true;
}

} // namespace

/*!
 * The manifest is verified first and only then read, so its list of files is the publisher's;
 * each listed file must then carry a good signature too. Files the manifest does not name are
 * ignored (they are never used).
 */
Result<LoadedPacks> verifyPackSet(const QHash<QString, QByteArray> &files,
                                  const QList<QByteArray> &keys, const QString &where)
{
    const auto at = [&where](const QString &name) { return where + u'/' + name; };
    const auto verify = [&](const QString &name) -> Result<QString> {
        if (!files.contains(name))
            return Error{at(name) + u": missing"_s};
        const QString sigName = signatureFilePath(name);
        if (!files.contains(sigName))
            return Error{at(name) + u": unsigned (there is no %1)"_s.arg(at(sigName))};
        return verifyPackBytes(files.value(name), files.value(sigName), keys, at(name));
    };
    const QString manifestName = QString::fromLatin1(kManifestName);
    if (auto ok = verify(manifestName); !ok)
        return Error{ok.error()};
    auto manifest = PackManifest::parse(files.value(manifestName), at(manifestName));
    if (!manifest)
        return Error{manifest.error()};
    for (const QString &name : manifest.value().files()) {
        if (auto ok = verify(name); !ok)
            return Error{ok.error()};
    }
    return parsePacks(manifest.value(), files, where);
}

QString defaultPackCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/packs"_s;
}

/*!
 * Reads the pack current.json points to and verifies it as a fetched one is: a cache altered
 * on disk is refused like a pack altered on the way.
 */
Result<CachedPacks> loadCachedPacks(const QString &cacheDir, const QList<QByteArray> &keys)
{
    const QString currentPath = cacheDir + u'/' + QLatin1StringView(kCurrentName);
    if (!QFile::exists(currentPath))
        return Error{u"no verified pack has been fetched yet"_s};
    const auto current = model::readJsonObjectFile(currentPath);
    if (!current)
        return Error{current.error()};
    const QString folderName = current.value().value(u"folder"_s).toString();
    if (!folderName.startsWith(QLatin1StringView(kFolderPrefix)) || folderName.contains(u'/')
        || folderName.contains(u'\\') || folderName.contains(u".."_s)) {
        return Error{currentPath + u": \"folder\" is not a pack folder"_s};
    }
    const QString folder = cacheDir + u'/' + folderName;
    QHash<QString, QByteArray> files;
    const auto read = [&](const QString &name) -> Result<bool> {
        for (const QString &file : {name, signatureFilePath(name)}) {
            if (!QFile::exists(folder + u'/' + file))
                continue; // verifyPackSet names what is missing
            auto bytes = readCachedFile(folder + u'/' + file);
            if (!bytes)
                return Error{bytes.error()};
            files.insert(file, bytes.value());
        }
        return true;
    };
    const QString manifestName = QString::fromLatin1(kManifestName);
    if (auto ok = read(manifestName); !ok)
        return Error{ok.error()};
    // Only to learn which files to read; verifyPackSet checks the manifest before trusting it.
    if (auto manifest
        = PackManifest::parse(files.value(manifestName), folder + u'/' + manifestName)) {
        for (const QString &name : manifest.value().files()) {
            if (auto ok = read(name); !ok)
                return Error{ok.error()};
        }
    }
    auto packs = verifyPackSet(files, keys, folder);
    if (!packs)
        return Error{packs.error()};
    CachedPacks cached;
    cached.packs = std::move(packs).value();
    cached.fetchedAt
        = QDateTime::fromString(current.value().value(u"fetched_at"_s).toString(), Qt::ISODate)
              .toUTC();
    cached.source = current.value().value(u"source"_s).toString();
    return cached;
}

/*!
 * Writes the files into a new folder of \a cacheDir, then points current.json at it; older
 * pack folders are removed afterwards. A failure part way leaves the previous pack in use, and a
 * later release that another instance stored first stays current.
 */
Result<StoreOutcome> storePacks(const QString &cacheDir, const QHash<QString, QByteArray> &files,
                                qint64 sequence, const QString &source, const QDateTime &fetchedAt)
{
    const QString folderName = QLatin1StringView(kFolderPrefix)
                               + fetchedAt.toUTC().toString(u"yyyyMMdd'T'HHmmsszzz"_s) + u'-'
                               + QString::number(QRandomGenerator::global()->generate(), 16);
    const QString folder = cacheDir + u'/' + folderName;
    if (!QDir().mkpath(folder))
        return Error{folder + u": cannot create the pack cache folder"_s};
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (auto written = writeFile(folder + u'/' + it.key(), it.value()); !written) {
            QDir(folder).removeRecursively();
            return Error{written.error()};
        }
    }
    // Two instances may store at once: pointing current.json and clearing old folders happen
    // under a lock, and a later release already current is kept (folder names sort by fetch
    // time, so the clearing spares a store in progress).
    QLockFile lock(cacheDir + u"/cache.lock"_s);
    if (!lock.tryLock(kLockWaitMs)) {
        QDir(folder).removeRecursively();
        return Error{cacheDir + u": the pack cache is locked by another instance"_s};
    }
    const QString currentPath = cacheDir + u'/' + QLatin1StringView(kCurrentName);
    if (QFile::exists(currentPath)) {
        const auto existing = model::readJsonObjectFile(currentPath);
        const QString existingFolder
            = existing ? existing.value().value(u"folder"_s).toString() : QString();
        const qint64 existingSequence
            = existing ? existing.value().value(u"sequence"_s).toInteger() : 0;
        if (existingSequence > sequence && QDir(cacheDir + u'/' + existingFolder).exists()) {
            QDir(folder).removeRecursively();
            return StoreOutcome::LaterReleaseKept;
        }
    }
    const QJsonObject current{{u"folder"_s, folderName},
                              {u"sequence"_s, sequence},
                              {u"fetched_at"_s, fetchedAt.toUTC().toString(Qt::ISODate)},
                              {u"source"_s, source}};
    if (auto written
        = writeFile(currentPath, QJsonDocument(current).toJson(QJsonDocument::Indented));
        !written) {
        QDir(folder).removeRecursively();
        return Error{written.error()};
    }
    // Only older folders: a newer one may be another instance's store in progress.
    const QDir dir(cacheDir);
    for (const QString &old : dir.entryList({QLatin1StringView(kFolderPrefix) + u'*'},
                                            QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (old < folderName)
            QDir(dir.filePath(old)).removeRecursively();
    }
    return StoreOutcome::Stored;
}

QString PackStatus::text() const
{
    const QString release = u"%1 (published %2)"_s.arg(sequence).arg(
        packTime.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s));
    switch (state) {
    case State::Current:
        return u"Running on the verified pack %1 from %2"_s.arg(release, source);
    case State::Stale:
        return u"Running on the pack %1 because %2"_s.arg(release, reason);
    case State::BuiltIn:
        return u"Running on the built-in pack because %1"_s.arg(reason);
    }
    Q_UNREACHABLE();
}

PackChoice choosePacks(const QString &cacheDir, const QList<QByteArray> &keys,
                       const QString &fetchError, std::optional<CachedPacks> current)
{
    PackChoice choice;
    auto cached
        = current ? Result<CachedPacks>(std::move(*current)) : loadCachedPacks(cacheDir, keys);
    if (!cached) {
        choice.status.state = PackStatus::State::BuiltIn;
        choice.status.reason = fetchError.isEmpty()
                                   ? u"the cached pack was refused: "_s + cached.error()
                                   : fetchError + u"; "_s + cached.error();
        return choice;
    }
    choice.status.sequence = cached.value().packs.manifest.sequence;
    choice.status.packTime = cached.value().packs.manifest.publishedAt;
    choice.status.source = cached.value().source;
    choice.status.state
        = fetchError.isEmpty() ? PackStatus::State::Current : PackStatus::State::Stale;
    choice.status.reason = fetchError;
    choice.packs = std::move(cached.value().packs);
    return choice;
}

} // namespace rg::packs
