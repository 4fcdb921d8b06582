// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detect/rulepack.h"
#include "model/result.h"
#include "policy/policypack.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace rg::packs {

// The "format" of a pack manifest (README.md, "Signed packs").
inline constexpr char kManifestFormat[] = "refundguard-pack-manifest/1";
// The manifest's name at a pack source and in the cache.
inline constexpr char kManifestName[] = "manifest.json";

enum class PackFileKind { Manifest, RulePack, Policy };

QString packFileKindName(PackFileKind kind);

// Use me to read which files make up a published pack: one rule pack and its policies, each a
// plain file name beside the manifest. Signed like them, so nobody can drop a policy unseen.
struct PackManifest
{
    QString rulePack;
    QStringList policies;

    static Result<PackManifest> parse(const QByteArray &json, const QString &source);
    QStringList files() const; // the rule pack, then the policies
};

// Which kind of pack file \a bytes is, once it has been checked to be a valid one (a rule pack
// is also compiled). Errors start with \a source.
Result<PackFileKind> validatePackFile(const QByteArray &bytes, const QString &source);

// The rules and policies a pack is used as.
struct LoadedPacks
{
    detect::RulePack rules;
    policy::PolicyPack policies;
};

// Parses the files \a manifest names from \a files (name -> bytes); errors name \a folder/file.
Result<LoadedPacks> parsePacks(const PackManifest &manifest,
                               const QHash<QString, QByteArray> &files, const QString &folder);

} // namespace rg::packs
