// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkcommand.h"

#include "cliio.h"

#include "batch/engine.h"
#include "context/caseprovider.h"
#include "context/embeddedcaseprovider.h"
#include "context/fieldmapping.h"
#include "context/httpcaseprovider.h"
#include "model/jsontext.h"
#include "policy/facts.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

namespace rg::cli {

using namespace Qt::StringLiterals;

namespace {

struct CheckArgs
{
    QString caseFile;
    QString caseUrl;
    QString caseId;
    QString store;
    QString service;
    QString mapping;
    QStringList parameters; // NAME=VALUE for the mapping's path
    QString token;
    QString action;
    QString transcript;
    QString rules = kDefaultRulePack;
    QString policies = kDefaultPolicies;
};

// --token, else RG_CASE_TOKEN: the environment keeps the token out of the process list.
QString tokenOf(const CheckArgs &args)
{
    return args.token.isEmpty() ? qEnvironmentVariable("RG_CASE_TOKEN") : args.token;
}

Result<model::Case> caseFrom(context::CaseProvider &provider, const QString &id)
{
    auto snapshot = context::fetchAndWait(provider, id);
    if (!snapshot)
        return Error{snapshot.error()};
    return std::move(snapshot).value().caseData;
}

Result<QUrl> httpUrl(const QString &option, const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty()
        || (parsed.scheme() != u"http"_s && parsed.scheme() != u"https"_s))
        return Error{option + u": \"%1\" is not an http(s) URL"_s.arg(url)};
    return parsed.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
}

// Fetches the case document from the case service; the last path segment of \a url is the id.
Result<model::Case> fetchCase(const CheckArgs &args)
{
    const auto url = httpUrl(u"--case-url"_s, args.caseUrl);
    if (!url)
        return Error{url.error()};
    const QString path = url.value().path(QUrl::FullyEncoded);
    const qsizetype slash = path.lastIndexOf(u'/');
    const QString id = QUrl::fromPercentEncoding(path.mid(slash + 1).toUtf8());
    if (id.isEmpty())
        return Error{u"--case-url: \"%1\" does not end with a case id"_s.arg(args.caseUrl)};
    context::HttpCaseProvider::Options options;
    options.baseUrl = url.value();
    options.baseUrl.setPath(path.left(slash), QUrl::StrictMode);
    options.pathTemplate = u"/{id}"_s;
    options.token = tokenOf(args);
    context::HttpCaseProvider provider(options);
    return caseFrom(provider, id);
}

// Fetches case \a args.caseId from a CRM or case service, through a field mapping (a preset
// name or a mapping file) when one is given.
Result<model::Case> fetchFromService(const CheckArgs &args)
{
    const auto url = httpUrl(u"--service"_s, args.service);
    if (!url)
        return Error{url.error()};
    context::HttpCaseProvider::Options options;
    options.baseUrl = url.value();
    options.token = tokenOf(args);
    if (!args.mapping.isEmpty()) {
        auto mapping = context::FieldMapping::presetNames().contains(args.mapping)
                           ? context::FieldMapping::preset(args.mapping)
                           : context::FieldMapping::load(args.mapping);
        if (!mapping)
            return Error{u"--mapping: "_s + mapping.error()};
        options.mapping = std::move(mapping).value();
    }
    for (const QString &parameter : args.parameters) {
        const qsizetype equals = parameter.indexOf(u'=');
        if (equals <= 0)
            return Error{u"--param: expected NAME=VALUE, got \"%1\""_s.arg(parameter)};
        options.pathParameters.insert(parameter.left(equals), parameter.mid(equals + 1));
    }
    context::HttpCaseProvider provider(options);
    if (!provider.configurationError().isEmpty())
        return Error{provider.configurationError()};
    return caseFrom(provider, args.caseId);
}

// Looks the case up in the demo case store (seeded from the built-in demo transcripts).
Result<model::Case> lookUpCase(const CheckArgs &args)
{
    auto provider = context::EmbeddedCaseProvider::openDemo(args.store);
    if (!provider)
        return Error{provider.error()};
    return caseFrom(*provider.value(), args.caseId);
}

Result<model::Case> loadCase(const CheckArgs &args)
{
    if (!args.caseUrl.isEmpty())
        return fetchCase(args);
    if (!args.service.isEmpty())
        return fetchFromService(args);
    if (!args.caseId.isEmpty())
        return lookUpCase(args);
    const auto bytes = model::readFileBytes(args.caseFile);
    if (!bytes)
        return Error{bytes.error()};
    const auto document = model::parseJsonText(bytes.value(), args.caseFile);
    if (!document)
        return Error{document.error()};
    if (!document.value().isObject())
        return Error{args.caseFile + u": a case document is a JSON object"_s};
    auto parsed = model::Case::fromJson(document.value().object());
    if (!parsed)
        return Error{args.caseFile + u": "_s + parsed.error()};
    return parsed;
}

// The conversation so far: a transcript file holding one conversation, or the first of JSONL.
Result<model::Conversation> loadTranscript(const QString &path)
{
    if (path.isEmpty())
        return model::Conversation{u"check"_s, {}, {}};
    const auto bytes = model::readFileBytes(path);
    if (!bytes)
        return Error{bytes.error()};
    // One conversation as a JSON object (pretty-printed or not), or the first line of JSONL.
    const QByteArray trimmed = bytes.value().trimmed();
    auto conversation = model::Conversation::fromJsonLine(trimmed);
    if (!conversation && trimmed.contains('\n'))
        conversation = model::Conversation::fromJsonLine(trimmed.left(trimmed.indexOf('\n')));
    if (!conversation)
        return Error{path + u": "_s + conversation.error()};
    return conversation;
}

Result<CheckArgs> parseArgs(const QStringList &args)
{
    CheckArgs parsed;
    const QHash<QString, QString *> options{
        {u"--case"_s, &parsed.caseFile},       {u"--case-url"_s, &parsed.caseUrl},
        {u"--case-id"_s, &parsed.caseId},      {u"--store"_s, &parsed.store},
        {u"--service"_s, &parsed.service},     {u"--mapping"_s, &parsed.mapping},
        {u"--token"_s, &parsed.token},         {u"--action"_s, &parsed.action},
        {u"--transcript"_s, &parsed.transcript}, {u"--rules"_s, &parsed.rules},
        {u"--policies"_s, &parsed.policies}};
    QSet<QString> seen;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        const bool repeatable = arg == u"--param"_s;
        if (!repeatable && !options.contains(arg))
            return Error{u"check: unknown argument %1"_s.arg(arg)};
        if (++i == args.size())
            return Error{u"check: %1 needs a value"_s.arg(arg)};
        if (repeatable) {
            parsed.parameters.append(args[i]);
            continue;
        }
        if (seen.contains(arg))
            return Error{u"check: %1 is given twice"_s.arg(arg)};
        seen.insert(arg);
        *options.value(arg) = args[i];
    }
    const int sources = int(!parsed.caseFile.isEmpty()) + int(!parsed.caseUrl.isEmpty())
                        + int(!parsed.caseId.isEmpty());
    if (sources != 1)
        return Error{u"check: give exactly one of --case FILE, --case-url URL and --case-id ID"_s};
    const bool http = !parsed.caseUrl.isEmpty() || !parsed.service.isEmpty();
    if (!parsed.token.isEmpty() && !http)
        return Error{u"check: --token goes with --case-url or --service"_s};
    if (!parsed.service.isEmpty() && parsed.caseId.isEmpty())
        return Error{u"check: --service needs --case-id"_s};
    if ((!parsed.mapping.isEmpty() || !parsed.parameters.isEmpty()) && parsed.service.isEmpty())
        return Error{u"check: --mapping and --param go with --service"_s};
    if (!parsed.store.isEmpty() && (parsed.caseId.isEmpty() || !parsed.service.isEmpty()))
        return Error{u"check: --store goes with --case-id (the demo case store)"_s};
    if (parsed.action.isEmpty())
        return Error{u"check: --action JSON is required"_s};
    return parsed;
}

QJsonObject reasonsJson(const risk::Assessment &assessment)
{
    QJsonArray reasons;
    for (const risk::Reason &reason : assessment.reasons) {
        reasons.append(QJsonObject{{u"id"_s, reason.cue},
                                   {u"text"_s, reason.text},
                                   {u"weight"_s, reason.weight}});
    }
    return {{u"risk"_s, assessment.risk},
            {u"level"_s, risk::levelName(assessment.level)},
            {u"reasons"_s, reasons}};
}

} // namespace

/*!
 * `refundguard-cli check`: judges one proposed action against the policies, with the case
 * from a file, the case service or the demo case store and, optionally, the conversation so
 * far. Prints one JSON
 * object: the decision ("allow" | "warn" | "block"), the policies that fired with the facts
 * they read, and the fused risk. Exit 0 when a decision was made, whatever it is.
 */
int runCheckCommand(const QStringList &args)
{
    const auto parsed = parseArgs(args);
    if (!parsed)
        return usageError(parsed.error());
    const CheckArgs &check = parsed.value();

    const auto actionDocument = model::parseJsonText(check.action.toUtf8(), u"--action"_s);
    if (!actionDocument)
        return fail(actionDocument.error());
    if (!actionDocument.value().isObject())
        return fail(u"--action: expected a JSON object such as {\"type\": \"refund\", \"amount\": 40}"_s);
    // Checked before the case is fetched, so a typo costs no round trip to the case service.
    const auto action = policy::validateAction(actionDocument.value().object(), u"--action"_s);
    if (!action)
        return fail(action.error());

    auto conversation = loadTranscript(check.transcript);
    if (!conversation)
        return fail(conversation.error());
    const auto caseData = loadCase(check);
    if (!caseData)
        return fail(caseData.error());
    auto engine = batch::Engine::load(check.rules, check.policies);
    if (!engine)
        return fail(engine.error());

    model::Conversation judged = std::move(conversation).value();
    judged.caseContext = caseData.value().toJson();
    const auto checked = batch::checkAction(*engine.value(), std::move(judged),
                                            action.value(), u"--action"_s,
                                            QDateTime::currentDateTimeUtc());
    if (!checked)
        return fail(checked.error());

    QJsonObject out = checked.value().decision.toJson();
    out.insert(u"case"_s, caseData.value().id);
    out.insert(u"action"_s, checked.value().action);
    const QJsonObject risk = reasonsJson(checked.value().judgement.assessment);
    for (auto it = risk.begin(); it != risk.end(); ++it)
        out.insert(it.key(), it.value());
    writeOut(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return kExitOk;
}

} // namespace rg::cli
