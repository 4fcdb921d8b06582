// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "packs/packcontent.h"

#include "detect/matcher.h"
#include "model/jsontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace rg::packs {

using namespace Qt::StringLiterals;

namespace {

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
 * A manifest is {"format": "refundguard-pack-manifest/1", "rule_pack": "NAME.json",
 * "policies": ["NAME.json", ...]}: at least one policy, every name a plain file name used once.
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
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != u"format"_s && it.key() != u"rule_pack"_s && it.key() != u"policies"_s)
            return Error{source + u": unknown field \"%1\""_s.arg(it.key())};
    }
    PackManifest manifest;
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
    return manifest;
}

QStringList PackManifest::files() const
{
    return QStringList{rulePack} + policies;
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
    if (!files.contains(manifest.rulePack))
        return Error{where(manifest.rulePack) + u": missing"_s};
    auto rules = detect::RulePack::parse(files.value(manifest.rulePack), where(manifest.rulePack));
    if (!rules)
        return Error{rules.error()};
    std::vector<policy::Policy> list;
    for (const QString &name : manifest.policies) {
        if (!files.contains(name))
            return Error{where(name) + u": missing"_s};
        auto policy = policy::Policy::parse(files.value(name), where(name));
        if (!policy)
            return Error{policy.error()};
        list.push_back(std::move(policy).value());
    }
    auto policies = policy::PolicyPack::fromPolicies(std::move(list));
    if (!policies)
        return Error{folder + u": "_s + policies.error()};
    return LoadedPacks{std::move(rules).value(), std::move(policies).value()};
}

} // namespace rg::packs
