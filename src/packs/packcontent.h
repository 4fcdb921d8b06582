// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detect/rulepack.h"
#include "model/result.h"
#include "policy/policypack.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace rg::packs {

// The "format" of a pack manifest (README.md, "Signed packs").
inline constexpr char kManifestFormat[] = "refundguard-pack-manifest/2";
// The manifest's name at a pack source and in the cache.
inline constexpr char kManifestName[] = "manifest.json";

enum class PackFileKind { Manifest, RulePack, Policy };

QString packFileKindName(PackFileKind kind);

// Use me to read which files make up a published pack: one rule pack and its policies, each a
// plain file name beside the manifest, with the SHA-256 of each. Signed like them, so nobody can
// drop a policy unseen or mix files of two releases; the sequence rises with every release, so
// an older one is refused as a rollback.
struct PackManifest
{
    qint64 sequence = 0;
    QDateTime publishedAt; // UTC
    QString rulePack;
    QStringList policies;
    QHash<QString, QByteArray> sha256; // file name -> 64 lower-case hex digits

    static Result<PackManifest> parse(const QByteArray &json, const QString &source);
    // The manifest of \a files (name -> bytes, the rule pack first): their hashes filled in.
    static PackManifest describe(qint64 sequence, const QDateTime &publishedAt,
                                 const QList<std::pair<QString, QByteArray>> &files);
    QByteArray toJson() const;
    QStringList files() const; // the rule pack, then the policies
    // Whether \a bytes are the bytes of \a name this manifest was made from.
    bool matches(const QString &name, const QByteArray &bytes) const;
};

// The lower-case hex SHA-256 of \a bytes, as a manifest lists it.
QByteArray sha256Hex(const QByteArray &bytes);

// Refuses \a fresh when it would replace \a previous (what \a previousName says, such as "the
// pack in use") with an older release: a lower sequence, or the same sequence for different
// files. Errors start with \a source (the fresh manifest).
Result<bool> checkNotRollback(const PackManifest &fresh, const PackManifest &previous,
                              const QString &source, const QString &previousName);

// Which kind of pack file \a bytes is, once it has been checked to be a valid one (a rule pack
// is also compiled). Errors start with \a source.
Result<PackFileKind> validatePackFile(const QByteArray &bytes, const QString &source);

// The rules and policies a pack is used as, and the manifest that named them.
struct LoadedPacks
{
    PackManifest manifest;
    detect::RulePack rules;
    policy::PolicyPack policies;
};

// Parses the files \a manifest names from \a files (name -> bytes), each of which must have the
// manifest's hash; errors name \a folder/file.
Result<LoadedPacks> parsePacks(const PackManifest &manifest,
                               const QHash<QString, QByteArray> &files, const QString &folder);

} // namespace rg::packs
