// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"
#include "packs/packcontent.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace rg::packs {

// A verified pack and where and when it was fetched.
struct CachedPacks
{
    LoadedPacks packs;   // its manifest tells the release: sequence and publication date
    QDateTime fetchedAt; // UTC
    QString source;
};

// Verifies a whole published pack: the manifest and every file it names against their ".sig"
// files in \a files (name -> bytes), then parses them. Errors name \a where + "/" + the file.
Result<LoadedPacks> verifyPackSet(const QHash<QString, QByteArray> &files,
                                  const QList<QByteArray> &keys, const QString &where);

// Where the application keeps the last good pack: "packs" in its data folder.
QString defaultPackCacheDir();

// The last good pack in \a cacheDir, verified again (and parsed) from its bytes on every load.
Result<CachedPacks> loadCachedPacks(const QString &cacheDir, const QList<QByteArray> &keys);

// What storePacks() did with a verified release.
enum class StoreOutcome {
    Stored,           // it is the cached pack now
    LaterReleaseKept, // another instance had stored a later release, which stays
};

// Makes \a files (a set verifyPackSet accepted, of release \a sequence) the cached pack, in one
// atomic step, unless a later release is cached already.
Result<StoreOutcome> storePacks(const QString &cacheDir, const QHash<QString, QByteArray> &files,
                                qint64 sequence, const QString &source, const QDateTime &fetchedAt);

// What the agent is told about the packs in use.
struct PackStatus
{
    enum class State { Current, Stale, BuiltIn };
    State state = State::BuiltIn;
    qint64 sequence = 0; // the release in use (Current, Stale)
    QDateTime packTime;  // when the pack in use was published (Current, Stale)
    QString source;
    QString reason; // why not a fresh pack (Stale, BuiltIn)

    QString text() const;
};

// The packs to run on after a fetch that ended with \a fetchError (empty: it stored a new pack or
// found the cached one current): \a current when the fetch verified it, else the cached pack when
// it verifies, else none (the built-in pack), with the status to show.
struct PackChoice
{
    std::optional<LoadedPacks> packs;
    PackStatus status;
};

PackChoice choosePacks(const QString &cacheDir, const QList<QByteArray> &keys,
                       const QString &fetchError, std::optional<CachedPacks> current = {});

} // namespace rg::packs
