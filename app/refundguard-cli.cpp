// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "applogging.h"

#include "batch/streamscanner.h"
#include "detect/matcher.h"
#include "detect/rulepack.h"
#include "model/cue.h"

#include <QCoreApplication>
#include <QFile>
#include <QMap>
#include <QThread>

#include <algorithm>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kMaxJobs = 64;
constexpr int kDefaultJobs = 4;

const QString kDefaultPack = u":/rulepacks/default.json"_s;

const char kUsage[] = R"(usage: refundguard-cli <command> [options]

Commands:
  scan [--rules PATH] [--explain] [--jobs N] [FILE|-]
      Scan transcript JSONL (one conversation a line; standard input when FILE is - or
      missing) and write one JSON result a line, in the same order. --explain prints a
      readable report instead. --rules uses another rule pack than the built-in one.
      --jobs scans with N threads (default for a file: one per core, at most 4; for
      standard input: 1, answering each line as it arrives); output order is kept.
  rules check PATH
      Validate a rule pack and print how many rules it has per cue.

Options:
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 success; 1 some input could not be scanned (each line is named on standard
error) or the rule pack is invalid; 2 usage error.
)";

void printErr(const QString &message)
{
    std::fprintf(stderr, "refundguard-cli: %s\n", qPrintable(message));
}

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
}

int usageError(const QString &message)
{
    printErr(message);
    std::fputs("Try 'refundguard-cli --help'.\n", stderr);
    return kExitUsage;
}

int scan(const QStringList &args)
{
    QString rulesPath = kDefaultPack;
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
    if (!pack) {
        printErr(pack.error());
        return kExitFailed;
    }
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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"refundguard-cli"_s);
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
    return usageError(u"unknown command \"%1\""_s.arg(command));
}
