// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "applogging.h"
#include "auditcommand.h"
#include "checkcommand.h"
#include "cliio.h"
#include "logiccommand.h"
#include "packcommand.h"
#include "reviewcommand.h"
#include "scenariocommand.h"
#include "trainingcommand.h"

#include "batch/streamscanner.h"
#include "detect/matcher.h"
#include "detect/rulepack.h"
#include "model/cue.h"
#include "policy/policypack.h"
#include "risk/fusion.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QMap>
#include <QThread>

#include <algorithm>
#include <memory>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace rg::cli;

namespace {

constexpr int kMaxJobs = 64;
constexpr int kDefaultJobs = 4;

const char kUsage[] = R"(usage: refundguard-cli <command> [options]

Commands:
  scan [--rules PATH] [--policies DIR] [--explain] [--jobs N] [FILE|-]
      Scan transcript JSONL (one conversation a line; standard input when FILE is - or
      missing) and write one JSON result a line, in the same order. A line's "case" is
      fused into its risk, and its agent messages and actions are judged against the
      policies ("violations"). --explain prints a readable report instead. --rules and
      --policies use another rule pack or policy folder than the built-in ones.
      --jobs scans with N threads (default for a file: one per core, at most 4; for
      standard input: 1, answering each line as it arrives); output order is kept.
  check CASE --action JSON [--transcript FILE] [--rules PATH] [--policies DIR]
      Judge one proposed action, e.g. --action '{"type": "refund", "amount": 120,
      "order_id": "114-2283917", "method": "gift_card"}', against the policies, after the
      conversation in --transcript if given. Prints the decision (allow, warn or block),
      the policies that fired with the facts they read, and the fused risk with its
      reasons, as JSON. CASE is one of:
        --case FILE                       a case document (resources/schema/case.schema.json)
        --case-url URL [--token T]        the case document at URL, e.g. http://host/cases/ID
        --service URL --case-id ID [--token T] [--mapping chatwoot|zendesk|FILE]
                  [--param NAME=VALUE]...  a CRM or case service, through a field mapping
        --case-id ID [--store PATH]       the demo case store (built-in demo cases)
      The environment variable RG_CASE_TOKEN stands in for --token (not shown in ps).
  rules check PATH
      Validate a rule pack and print how many rules it has per cue.
  pack keygen --secret FILE --public FILE
      Create a key pair for signing rule and policy packs: the secret key (owner-only, mode
      0600; an existing file is never overwritten) and the public key file whose base64 line
      administrators put in packs/publicKeys.
  pack manifest --sequence N [--published-at TIME] --out MANIFEST RULEPACK POLICY...
      Write the manifest of a release: its sequence (higher than every earlier release's),
      its publication time (ISO 8601, default now) and the SHA-256 of the rule pack and each
      policy, which must be valid and in MANIFEST's folder. Sign it with the files.
  pack sign --key SECRET_FILE PACKFILE...
      Check that each file is a valid pack manifest, rule pack or policy, then write its
      detached Ed25519 signature to PACKFILE.sig (README.md, "Signed packs"). Nothing is
      signed when any file is invalid.
  pack verify --pubkey KEY_OR_FILE PACKFILE...
      Check each file against PACKFILE.sig and the public key (base64, or a file of keys one
      a line); prints FILE: ok (kind, key ID) per good file and one line on standard error
      per unsigned, altered, wrongly signed or invalid file, or file whose SHA-256 is not
      the one a given manifest lists; exit 0 only when all are good.
  logic [FILE|-]
      Evaluate JSON Logic (jsonlogic.com): each line {"rule": ..., "data": ...} gets one
      line {"result": ...}, or {"error": "line N: ..."}, in order (standard input when FILE
      is - or missing; each answer is flushed as it is written).
  audit append --db URL [--outbox URL] [--key FILE] [--checkpoint-every N]
      Append record drafts from standard input, one JSON object a line: {"kind":
      "override", "actor": {"id", "role", "team"}, "case_id", "payload": {...}}; the log
      assigns chain, seq, time and hashes. Each stored line is answered {"line", "chain_id",
      "seq", "hash"} once committed; an invalid line is named on standard error and nothing
      of it is stored. A checkpoint is signed every N records (default 100) and at the end.
      --outbox sqlite:///FILE keeps records there while a PostgreSQL --db is unreachable.
  audit verify --db URL [--pubkey FILE] [--anchor FILE]
      Check every chain: hash links, gaps, duplicates, order, checkpoint signatures (against
      the keys in FILE when given) and truncation behind an anchor. Prints each problem as
      "chain C seq N: what"; exit 0 only when everything holds.
  audit export --db URL --format csv|jsonl [--from DATE] [--to DATE]
  audit anchor --db URL > anchor.json     the newest checkpoint of each chain
  audit pubkey [--key FILE] > audit.pub   this installation's public key, for supervisors
  audit sync --db URL --outbox URL        forward what waits in the outbox
  audit init --db URL                     create or upgrade the schema (database owner)
      URL is sqlite:///path/to/audit.db or postgresql://user:pass@host:port/db. The
      signing key is FILE, else $RG_AUDIT_KEY, else the user's data folder.
  review outliers --db URL [--from DATE] [--to DATE] [--team T] [--json]
      Rank the agents whose overrides stand out from their team's over the period (dates
      as 2026-11-26 or ISO 8601 times; --to's date is included): override rate per contact
      (or per active day when the log has no session_start records), high-risk share and
      share later dispositioned as fraud, each shrunk toward the team and flagged only when
      its lower 95% bound clears the team's band; and the patterns repeat_customer,
      sub_limit, off_hours and burst. Each flag explains itself with the numbers.
  review report --db URL --from DATE --to DATE --out FILE.pdf|FILE.csv
      The period's report for a supervisor. FILE.pdf: the summary figures, charts of the
      overrides per day and policy, the most overridden policies and each agent's high-risk
      share against the team's band, the outliers with their reasons, and whether every chain
      of the log verifies. FILE.csv: one row per override (time, chain, seq, agent, team,
      case, action, amount, currency, limit, policies, risk score and level, reason category,
      disposition); text that starts like a formula gets a leading apostrophe. The file is
      replaced only once complete; a log that does not verify still gets its report.
  scenario validate FILE...
      Check training scenarios (resources/scenarios/README.md): structure, the node graph
      (every transition's target, every node reachable, the outcomes of the scenario's kind
      reachable), cue and intent ids, the case document, the id against the file name. Prints
      one line per problem naming the file and the node or JSON pointer, and "FILE: ok" per
      valid file; exit 0 only when every file is valid.
  scenario run FILE --answers FILE [--json] [--db URL --trainee T [--cohort C] [--assist]]
      Play a scenario with a scripted trainee: the answers file's steps flag messages, reply,
      take actions, check proposed actions against the policies and let simulated time pass.
      Prints the outcome and the score (flags, policy compliance, difficulty-weighted) as a
      summary, or as JSON with --json. With --db and --trainee the run is also stored in the
      training results (--assist: the trainee had the assistant's cues).
  scenario from-transcript FILE [--id ID] [--out FILE]
      Draft a fraud scenario from the first conversation of a transcript (JSONL, as scan
      reads it): each customer message (redacted) becomes a node, with the detector's cues
      as its ground truth; any reply goes on to the next, `refused` ends in fraud_stopped,
      the last reply in fraud_succeeded. The id is ID, else FILE's base name of --out, else
      "draft-" and the conversation id. Review it, then `scenario validate` it.
  training results [--db URL] [--trainee T] [--cohort C] [--csv FILE] [--anonymise
                   [--salt FILE]]
      Compare the stored training runs, one line per trainee: runs, mean score and weighted
      score, pooled flag recall and precision, fraud runs stopped, genuine customers wrongly
      refused, and the mean weighted score with and without the assistant. --csv writes every
      run to FILE (formula-like text defused). --anonymise shows each trainee as a stable
      pseudonym ("trainee-3f9a0c1d", keyed BLAKE2b) in the table and the CSV; the key is the
      salt file FILE, else DB.salt beside a SQLite database (created on first use, owner
      only; keep it to get the same pseudonyms next time). URL defaults to training.db in the
      user's data folder.

Options:
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 success (for check: a decision was made, whatever it is; for scenario run: the
run was scored, whatever the score); 1 some input could not be handled (each line is named on
standard error), a pack, case or scenario is invalid or the case service failed; 2 usage error.
)";

int scan(const QStringList &args)
{
    QString rulesPath = kDefaultRulePack;
    QString policiesPath = kDefaultPolicies;
    QString inputPath = u"-"_s;
    rg::batch::StreamOptions options;
    bool jobsGiven = false;
    bool haveInput = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == u"--rules"_s) {
            if (++i == args.size())
                return usageError(u"--rules needs a path"_s);
            rulesPath = args[i];
        } else if (arg.startsWith(u"--rules="_s)) {
            rulesPath = arg.mid(8);
        } else if (arg == u"--policies"_s) {
            if (++i == args.size())
                return usageError(u"--policies needs a folder"_s);
            policiesPath = args[i];
        } else if (arg.startsWith(u"--policies="_s)) {
            policiesPath = arg.mid(11);
        } else if (arg == u"--jobs"_s || arg.startsWith(u"--jobs="_s)) {
            QString value;
            if (arg == u"--jobs"_s) {
                if (++i == args.size())
                    return usageError(u"--jobs needs a number"_s);
                value = args[i];
            } else {
                value = arg.mid(7);
            }
            bool ok = false;
            jobsGiven = true;
            options.jobs = value.toInt(&ok);
            if (!ok || options.jobs < 1 || options.jobs > kMaxJobs)
                return usageError(u"--jobs takes a number from 1 to %1"_s.arg(kMaxJobs));
        } else if (arg == u"--explain"_s) {
            options.explain = true;
        } else if (arg.startsWith(u'-') && arg != u"-"_s) {
            return usageError(u"scan: unknown option %1"_s.arg(arg));
        } else if (haveInput) {
            return usageError(u"scan: only one input file is read"_s);
        } else {
            inputPath = arg;
            haveInput = true;
        }
    }

    // A file is scanned in batches on every core; standard input may be a live feed, so each
    // line is answered as soon as it arrives unless --jobs asks for batches.
    if (!jobsGiven)
        options.jobs = inputPath == u"-"_s ? 1 : std::clamp(QThread::idealThreadCount(), 1, kDefaultJobs);
    if (inputPath == u"-"_s && options.jobs == 1)
        options.batchLines = 1;

    auto pack = rg::detect::RulePack::load(rulesPath);
    if (!pack)
        return fail(pack.error());
    const auto policies = rg::policy::PolicyPack::loadDirectory(policiesPath);
    if (!policies)
        return fail(policies.error());
    const auto weights = rg::risk::FusionWeights::load(kDefaultFusionWeights);
    if (!weights)
        return fail(weights.error());
    options.policies = &policies.value();
    options.fusion = &weights.value();
    QFile input;
    const bool opened = inputPath == u"-"_s ? input.open(stdin, QIODevice::ReadOnly)
                                            : (input.setFileName(inputPath),
                                               input.open(QIODevice::ReadOnly));
    if (!opened) {
        printErr(u"%1: cannot read: %2"_s.arg(inputPath, input.errorString()));
        return kExitFailed;
    }
    QFile output;
    if (!output.open(stdout, QIODevice::WriteOnly)) {
        printErr(u"cannot write to standard output: %1"_s.arg(output.errorString()));
        return kExitFailed;
    }
    const QString inputName = inputPath == u"-"_s ? u"<stdin>"_s : inputPath;
    const auto summary = rg::batch::scanStream(pack.value(), input, output, inputName,
                                               printErr, options);
    output.flush();
    if (!summary) {
        printErr(summary.error());
        return kExitFailed;
    }
    return summary.value().failed ? kExitFailed : kExitOk;
}

int rulesCheck(const QStringList &args)
{
    if (args.size() != 2 || args[0] != u"check"_s)
        return usageError(u"usage: refundguard-cli rules check PATH"_s);
    auto pack = rg::detect::RulePack::load(args[1]);
    if (!pack) {
        printErr(pack.error());
        return kExitFailed;
    }
    auto matcher = rg::detect::Matcher::compile(pack.value());
    if (!matcher) {
        printErr(matcher.error());
        return kExitFailed;
    }
    QMap<QString, int> perCue;
    for (const auto &cue : rg::model::cues())
        perCue.insert(QString(cue.id), 0);
    for (const auto &rule : pack.value().rules)
        ++perCue[rule.cue];
    QString out = u"%1: pack \"%2\" version %3: %4 rules, %5 sequences\n"_s.arg(args[1], pack.value().id,
                      pack.value().version)
                      .arg(pack.value().rules.size())
                      .arg(pack.value().sequences.size());
    for (auto it = perCue.cbegin(); it != perCue.cend(); ++it)
        out += u"  %1 %2\n"_s.arg(it.key(), -22).arg(it.value(), 4);
    writeOut(out.toUtf8());
    const auto missing = std::count(perCue.cbegin(), perCue.cend(), 0);
    if (missing)
        writeOut(u"note: %1 cue(s) have no rule\n"_s.arg(missing).toUtf8());
    return kExitOk;
}

// `review report` paints a PDF, and fonts need a QGuiApplication; every other command keeps the
// bare QCoreApplication, which loads no platform plugin.
bool needsGui(int argc, char *argv[])
{
    return argc > 2 && qstrcmp(argv[1], "review") == 0 && qstrcmp(argv[2], "report") == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv)) {
        // The report needs no display: render offscreen unless the caller chose a platform.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    // The application's name, not the executable's: the CLI reads the window's settings and
    // finds its data folder (training results) where the window keeps them.
    QCoreApplication::setApplicationName(u"refundguard"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RG_VERSION));
    rg::app::setupLogging(true);

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty())
        return usageError(u"no command given"_s);
    const QString command = args.takeFirst();
    if (command == u"-h"_s || command == u"--help"_s || command == u"help"_s) {
        std::fputs(kUsage, stdout);
        return kExitOk;
    }
    if (command == u"-v"_s || command == u"--version"_s) {
        std::printf("refundguard-cli %s\n", RG_VERSION);
        return kExitOk;
    }
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        std::fputs(kUsage, stdout);
        return kExitOk;
    }
    if (command == u"scan"_s)
        return scan(args);
    if (command == u"rules"_s)
        return rulesCheck(args);
    if (command == u"logic"_s)
        return runLogicCommand(args);
    if (command == u"pack"_s)
        return runPackCommand(args);
    if (command == u"check"_s)
        return runCheckCommand(args);
    if (command == u"audit"_s)
        return runAuditCommand(args);
    if (command == u"review"_s)
        return runReviewCommand(args);
    if (command == u"scenario"_s)
        return runScenarioCommand(args);
    if (command == u"training"_s)
        return runTrainingCommand(args);
    return usageError(u"unknown command \"%1\""_s.arg(command));
}
