// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "packs/packcontent.h"

#include "detect/matcher.h"
#include "model/jsontext.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace rg::packs {

using namespace Qt::StringLiterals;

namespace {

// The largest whole number a JSON number keeps exactly.
constexpr qint64 kMaxSequence = (qint64(1) << 53) - 1;

// A file a manifest may name: a plain JSON file name, never a path, so a published pack cannot
// write outside its cache folder or read files it did not ship.
bool isPlainFileName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}\\.json$"_s);
    return pattern.match(name).hasMatch() && name != QLatin1StringView(kManifestName);
}

} // namespace

QString packFileKindName(PackFileKind kind)
{
    switch (kind) {
    case PackFileKind::Manifest:
        return u"pack manifest"_s;
    case PackFileKind::RulePack:
        return u"rule pack"_s;
    case PackFileKind::Policy:
        return u"policy"_s;
    }
    Q_UNREACHABLE();
}

/*!
 * A manifest is {"format": "refundguard-pack-manifest/2", "sequence": N, "published_at":
 * "ISO 8601 UTC", "rule_pack": "NAME.json", "policies": ["NAME.json", ...], "sha256": {"NAME.json":
 * "HEX", ...}}: a sequence from 1, at least one policy, every name a plain file name used once,
 * and the hash of exactly the files named.
 */
Result<PackManifest> PackManifest::parse(const QByteArray &json, const QString &source)
{
    const auto document = model::parseJsonText(json, source);
    if (!document)
        return Error{document.error()};
    if (!document.value().isObject())
        return Error{source + u": expected a JSON object"_s};
    const QJsonObject object = document.value().object();
    if (object.value(u"format"_s).toString() != QLatin1StringView(kManifestFormat)) {
        return Error{source
                     + u": \"format\" must be \"%1\""_s.arg(QLatin1StringView(kManifestFormat))};
    }
    static const QStringList known{u"format"_s,    u"sequence"_s, u"published_at"_s,
                                   u"rule_pack"_s, u"policies"_s, u"sha256"_s};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return Error{source + u": unknown field \"%1\""_s.arg(it.key())};
    }
    PackManifest manifest;
    const double sequence = object.value(u"sequence"_s).toDouble(-1);
    if (sequence < 1 || sequence > kMaxSequence || sequence != std::floor(sequence)) {
        return Error{source
                     + u": \"sequence\" must be a whole number from 1 to %1, rising with every "
                       u"release"_s.arg(kMaxSequence)};
    }
    manifest.sequence = static_cast<qint64>(sequence);
    const QString published = object.value(u"published_at"_s).toString();
    manifest.publishedAt = QDateTime::fromString(published, Qt::ISODateWithMs);
    if (!manifest.publishedAt.isValid() || manifest.publishedAt.timeSpec() == Qt::LocalTime) {
        return Error{source
                     + u": \"published_at\" must be a date and time with its zone, such as "
                       u"\"2026-11-26T17:00:00Z\""_s};
    }
    manifest.publishedAt = manifest.publishedAt.toUTC();
    manifest.rulePack = object.value(u"rule_pack"_s).toString();
    if (!isPlainFileName(manifest.rulePack))
        return Error{source + u": \"rule_pack\" must be a file name ending in .json (no folder)"_s};
    const QJsonValue policies = object.value(u"policies"_s);
    if (!policies.isArray() || policies.toArray().isEmpty())
        return Error{source + u": \"policies\" must be a non-empty list of file names"_s};
    QSet<QString> seen{manifest.rulePack};
    const QJsonArray list = policies.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString name = list.at(i).toString();
        if (!isPlainFileName(name)) {
            return Error{
                source
                + u": policies[%1] must be a file name ending in .json (no folder)"_s.arg(i)};
        }
        if (seen.contains(name))
            return Error{source + u": policies[%1]: \"%2\" is named twice"_s.arg(i).arg(name)};
        seen.insert(name);
        manifest.policies.append(name);
    }
    const QJsonValue hashes = object.value(u"sha256"_s);
    if (!hashes.isObject())
        return Error{source + u": \"sha256\" must be an object of file name -> SHA-256 (hex)"_s};
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    const QJsonObject hashObject = hashes.toObject();
    for (const QString &name : manifest.files()) {
        const QString digest = hashObject.value(name).toString();
        if (!hex.match(digest).hasMatch()) {
            return Error{source + u": sha256.\"%1\" must be 64 lower-case hex digits"_s.arg(name)};
        }
        manifest.sha256.insert(name, digest.toLatin1());
    }
    for (auto it = hashObject.begin(); it != hashObject.end(); ++it) {
        if (!seen.contains(it.key()))
            return Error{source
                         + u": sha256.\"%1\" names a file the pack does not list"_s.arg(it.key())};
    }
    return manifest;
}

PackManifest PackManifest::describe(qint64 sequence, const QDateTime &publishedAt,
                                    const QList<std::pair<QString, QByteArray>> &files)
{
    PackManifest manifest;
    manifest.sequence = sequence;
    manifest.publishedAt = publishedAt.toUTC();
    for (const auto &[name, bytes] : files) {
        if (manifest.rulePack.isEmpty())
            manifest.rulePack = name;
        else
            manifest.policies.append(name);
        manifest.sha256.insert(name, sha256Hex(bytes));
    }
    return manifest;
}

// Keys in the documented order, one per line, so a published manifest reads (and diffs) well.
QByteArray PackManifest::toJson() const
{
    const auto quoted = [](const QString &text) {
        return QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
    };
    QByteArray json = "{\n  \"format\": \"" + QByteArray(kManifestFormat) + "\",\n";
    json += "  \"sequence\": " + QByteArray::number(sequence) + ",\n";
    json += "  \"published_at\": " + quoted(publishedAt.toUTC().toString(Qt::ISODate)) + ",\n";
    json += "  \"rule_pack\": " + quoted(rulePack) + ",\n  \"policies\": [";
    for (qsizetype i = 0; i < policies.size(); ++i)
        json += (i == 0 ? "" : ", ") + quoted(policies.at(i));
    json += "],\n  \"sha256\": {";
    const QStringList names = files();
    for (qsizetype i = 0; i < names.size(); ++i) {
        json += (i == 0 ? "\n    " : ",\n    ") + quoted(names.at(i)) + ": \""
                + sha256.value(names.at(i)) + '"';
    }
    json += "\n  }\n}\n";
    return json;
}

QStringList PackManifest::files() const
{
    return QStringList{rulePack} + policies;
}

bool PackManifest::matches(const QString &name, const QByteArray &bytes) const
{
    return sha256.contains(name) && sha256.value(name) == sha256Hex(bytes);
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

/*!
 * A server that can serve files can serve an older release, validly signed: the sequence is
 * what tells. The same sequence is the same release only when it lists the same files.
 */
Result<bool> checkNotRollback(const PackManifest &fresh, const PackManifest &previous,
                              const QString &source, const QString &previousName)
{
    const QString previousText = u"%1 (sequence %2, published %3)"_s.arg(previousName)
                                     .arg(previous.sequence)
                                     .arg(previous.publishedAt.toString(Qt::ISODate));
    if (fresh.sequence < previous.sequence) {
        return Error{
            source
            + u": sequence %1 is older than %2; refused as a rollback"_s.arg(fresh.sequence)
                  .arg(previousText)};
    }
    if (fresh.sequence == previous.sequence
        && (fresh.files() != previous.files() || fresh.sha256 != previous.sha256)) {
        return Error{source
                     + u": sequence %1 is already used by %2 with other files; a new release "
                       u"needs a higher sequence"_s.arg(fresh.sequence)
                           .arg(previousText)};
    }
    return true;
}

/*!
 * Sorts a pack file by its shape: a manifest carries the manifest's "format", a rule pack a
 * "rules" list, a policy a "condition". Each is then checked as its loader would (a rule pack is
 * compiled too), so nothing is signed that the application would refuse.
 */
Result<PackFileKind> validatePackFile(const QByteArray &bytes, const QString &source)
{
    const auto document = model::parseJsonText(bytes, source);
    if (!document)
        return Error{document.error()};
    if (!document.value().isObject())
        return Error{source + u": expected a JSON object"_s};
    const QJsonObject object = document.value().object();
    if (object.value(u"format"_s).toString() == QLatin1StringView(kManifestFormat)) {
        auto manifest = PackManifest::parse(bytes, source);
        if (!manifest)
            return Error{manifest.error()};
        return PackFileKind::Manifest;
    }
    if (object.contains(u"rules"_s)) {
        auto pack = detect::RulePack::parse(bytes, source);
        if (!pack)
            return Error{pack.error()};
        auto matcher = detect::Matcher::compile(std::move(pack).value());
        if (!matcher)
            return Error{matcher.error()};
        return PackFileKind::RulePack;
    }
    if (object.contains(u"condition"_s)) {
        auto policy = policy::Policy::parse(bytes, source);
        if (!policy)
            return Error{policy.error()};
        return PackFileKind::Policy;
    }
    return Error{source
                 + u": neither a pack manifest, a rule pack (\"rules\") nor a policy "
                   u"(\"condition\")"_s};
}

Result<LoadedPacks> parsePacks(const PackManifest &manifest,
                               const QHash<QString, QByteArray> &files, const QString &folder)
{
    const auto where = [&folder](const QString &name) { return folder + u'/' + name; };
    for (const QString &name : manifest.files()) {
        if (!files.contains(name))
            return Error{where(name) + u": missing"_s};
        if (!manifest.matches(name, files.value(name))) {
            return Error{where(name)
                         + u": its SHA-256 is not the manifest's (a file of another release?)"_s};
        }
    }
    auto rules = detect::RulePack::parse(files.value(manifest.rulePack), where(manifest.rulePack));
    if (!rules)
        return Error{rules.error()};
    std::vector<policy::Policy> list;
    for (const QString &name : manifest.policies) {
        auto policy = policy::Policy::parse(files.value(name), where(name));
        if (!policy)
            return Error{policy.error()};
        list.push_back(std::move(policy).value());
    }
    auto policies = policy::PolicyPack::fromPolicies(std::move(list));
    if (!policies)
        return Error{folder + u": "_s + policies.error()};
    return LoadedPacks{manifest, std::move(rules).value(), std::move(policies).value()};
}

} // namespace rg::packs
