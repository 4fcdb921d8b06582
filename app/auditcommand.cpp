// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditcommand.h"

#include "cliio.h"

#include "audit/auditlog.h"
#include "audit/auditstore.h"
#include "audit/canonicaljson.h"
#include "audit/signingkey.h"
#include "audit/verifier.h"
#include "model/jsontext.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <cstdio>

namespace rg::cli {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kProgressFrom = 200000; // records; smaller logs verify too fast to need it

struct AuditArgs
{
    QString db;
    QString outbox;
    QString key;
    QString pubkey;
    QString anchor;
    QString format;
    QString from;
    QString to;
    int checkpointEvery = 100;
};

// Reads "--name value" options; \a allowed lists the ones this subcommand takes.
Result<AuditArgs> parseArgs(const QString &command, QStringList args, const QStringList &allowed)
{
    AuditArgs parsed;
    QString checkpointEvery;
    const QList<std::pair<QString, QString *>> targets = {
        {u"--db"_s, &parsed.db},         {u"--outbox"_s, &parsed.outbox},
        {u"--key"_s, &parsed.key},       {u"--pubkey"_s, &parsed.pubkey},
        {u"--anchor"_s, &parsed.anchor}, {u"--format"_s, &parsed.format},
        {u"--from"_s, &parsed.from},     {u"--to"_s, &parsed.to},
        {u"--checkpoint-every"_s, &checkpointEvery},
    };
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (!allowed.contains(option))
            return Error{u"audit %1: unknown option %2"_s.arg(command, option)};
        if (args.isEmpty())
            return Error{u"audit %1: %2 needs a value"_s.arg(command, option)};
        const QString value = args.takeFirst();
        for (const auto &[name, target] : targets) {
            if (name == option)
                *target = value;
        }
    }
    if (allowed.contains(u"--db"_s) && parsed.db.isEmpty())
        return Error{u"audit %1: --db URL is required (sqlite:///path/audit.db or "
                     "postgresql://user:pass@host:port/db)"_s.arg(command)};
    if (!checkpointEvery.isEmpty()) {
        bool ok = false;
        parsed.checkpointEvery = checkpointEvery.toInt(&ok);
        if (!ok || parsed.checkpointEvery < 1)
            return Error{u"audit %1: --checkpoint-every takes a positive number"_s.arg(command)};
    }
    return parsed;
}

Result<std::unique_ptr<audit::AuditStore>> openStore(const QString &url)
{
    auto parsed = audit::DatabaseUrl::parse(url);
    if (!parsed)
        return Error{parsed.error()};
    return audit::AuditStore::open(parsed.value());
}

Result<std::unique_ptr<audit::AuditLog>> openLog(const AuditArgs &args)
{
    auto database = audit::DatabaseUrl::parse(args.db);
    if (!database)
        return Error{database.error()};
    audit::AuditLog::Options options;
    options.database = database.value();
    options.keyPath = args.key;
    options.checkpointEvery = args.checkpointEvery;
    if (!args.outbox.isEmpty()) {
        auto outbox = audit::DatabaseUrl::parse(args.outbox);
        if (!outbox)
            return Error{outbox.error()};
        options.outbox = outbox.value();
    }
    return audit::AuditLog::open(options);
}

void reportPending(const audit::AuditLog &log, const audit::DatabaseUrl &db)
{
    if (log.pendingCount() > 0) {
        printErr(u"%1 records wait in the outbox for %2; run `refundguard-cli audit sync`"_s
                     .arg(log.pendingCount())
                     .arg(db.display()));
    }
}

/*!
 * `audit append`: one record draft a line on stdin; each accepted line is committed before its
 * answer {"line", "seq", "hash"} is written, so a reader may count an answered line as stored.
 */
int append(const QStringList &rawArgs)
{
    auto args = parseArgs(u"append"_s, rawArgs,
                          {u"--db"_s, u"--outbox"_s, u"--key"_s, u"--checkpoint-every"_s});
    if (!args)
        return usageError(args.error());
    auto log = openLog(args.value());
    if (!log)
        return fail(log.error());
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return fail(u"cannot read standard input"_s);
    qint64 lineNumber = 0;
    qint64 rejected = 0;
    while (!input.atEnd()) {
        const QByteArray line = input.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        const QString where = u"line %1"_s.arg(lineNumber);
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        Result<audit::RecordDraft> draft = Error{u"expected a JSON object"_s};
        if (parseError.error != QJsonParseError::NoError) {
            draft = Error{u"not valid JSON at column %1: %2"_s.arg(parseError.offset + 1)
                              .arg(parseError.errorString())};
        } else if (document.isObject()) {
            draft = audit::RecordDraft::fromJson(document.object());
        }
        if (!draft) {
            ++rejected;
            printErr(where + u": "_s + draft.error());
            continue;
        }
        auto record = log.value()->append(draft.value());
        if (!record) {
            printErr(where + u": not stored: "_s + record.error());
            // What was stored before still gets its closing checkpoint.
            (void)log.value()->endSession();
            reportPending(*log.value(), log.value()->database());
            return kExitFailed;
        }
        const QJsonObject answer{{u"line"_s, lineNumber},
                                 {u"chain_id"_s, record.value().chainId},
                                 {u"seq"_s, record.value().seq},
                                 {u"hash"_s, QString::fromLatin1(record.value().hash)}};
        writeOut(QJsonDocument(answer).toJson(QJsonDocument::Compact) + '\n');
        flushOut();
    }
    if (auto checkpoint = log.value()->endSession(); !checkpoint)
        printErr(u"the closing checkpoint was not stored: "_s + checkpoint.error());
    reportPending(*log.value(), log.value()->database());
    if (rejected > 0)
        return fail(u"%1 line(s) rejected; nothing of them was stored"_s.arg(rejected));
    return kExitOk;
}

Result<QList<audit::Checkpoint>> readAnchors(const QString &path)
{
    auto bytes = model::readFileBytes(path);
    if (!bytes)
        return Error{bytes.error()};
    auto document = model::parseJsonText(bytes.value(), path);
    if (!document)
        return Error{document.error()};
    QJsonArray items;
    if (document.value().isArray())
        items = document.value().array();
    else if (document.value().object().contains(u"anchors"_s))
        items = document.value().object().value(u"anchors"_s).toArray();
    else
        items.append(document.value().object());
    QList<audit::Checkpoint> anchors;
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto checkpoint = audit::Checkpoint::fromJson(items.at(i).toObject());
        if (!checkpoint)
            return Error{u"%1: anchor %2: %3"_s.arg(path).arg(i + 1).arg(checkpoint.error())};
        anchors.append(checkpoint.value());
    }
    return anchors;
}

/*!
 * `audit verify`: walks every chain; prints each problem as "chain C seq N: what" and a summary.
 * Exit 0 only when everything holds.
 */
int verify(const QStringList &rawArgs)
{
    auto args = parseArgs(u"verify"_s, rawArgs, {u"--db"_s, u"--pubkey"_s, u"--anchor"_s});
    if (!args)
        return usageError(args.error());
    audit::VerifyOptions options;
    if (!args.value().pubkey.isEmpty()) {
        auto keys = audit::readPublicKeys(args.value().pubkey);
        if (!keys)
            return fail(keys.error());
        if (keys.value().isEmpty())
            return fail(args.value().pubkey + u": holds no public key"_s);
        options.trustedKeys = keys.value();
    }
    if (!args.value().anchor.isEmpty()) {
        auto anchors = readAnchors(args.value().anchor);
        if (!anchors)
            return fail(anchors.error());
        options.anchors = anchors.value();
    }
    auto store = openStore(args.value().db);
    if (!store)
        return fail(store.error());
    int lastPercent = -1;
    options.progress = [&](qint64 done, qint64 total) {
        if (total < kProgressFrom)
            return;
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (percent / 10 == lastPercent / 10 && done < total)
            return;
        lastPercent = percent;
        std::fprintf(stderr, "verify: %lld of %lld records (%d%%)\n", static_cast<long long>(done),
                     static_cast<long long>(total), percent);
    };
    auto report = audit::verifyStore(*store.value(), options);
    if (!report)
        return fail(report.error());
    for (const audit::VerifyProblem &problem : std::as_const(report.value().problems)) {
        writeOut(u"chain %1 seq %2: %3\n"_s.arg(problem.chainId).arg(problem.seq).arg(problem.what)
                     .toUtf8());
    }
    const audit::VerifyReport &summary = report.value();
    const QString counts = u"%1 records in %2 chain(s), %3 checkpoint(s), %4 anchor(s)"_s
                               .arg(summary.records)
                               .arg(summary.chains)
                               .arg(summary.checkpoints)
                               .arg(summary.anchors);
    if (!summary.ok()) {
        writeOut(u"FAILED: %1 problem(s); %2\n"_s.arg(summary.problems.size()).arg(counts).toUtf8());
        return kExitFailed;
    }
    QString note;
    if (options.trustedKeys.isEmpty() && summary.checkpoints > 0)
        note = u" (signatures checked against the keys in the log; pass --pubkey to check them "
               "against keys you hold)"_s;
    writeOut(u"OK: %1%2\n"_s.arg(counts, note).toUtf8());
    return kExitOk;
}

// "2026-11-26" or a full ISO 8601 time; a bare date as --to means the end of that day.
Result<QDateTime> parseBound(const QString &text, bool endOfDay)
{
    if (text.isEmpty())
        return QDateTime();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), Qt::UTC);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return Error{text + u": expected a date (2026-11-26) or an ISO 8601 time"_s};
    return time.toUTC();
}

// A CSV cell; text that a spreadsheet would run as a formula is defused with a quote.
QString csvCell(const QJsonValue &value)
{
    QString text;
    if (value.isString()) {
        text = value.toString();
    } else if (value.isDouble()) {
        return QString::fromUtf8(audit::canonicalNumber(value.toDouble()).value());
    } else if (value.isBool()) {
        return value.toBool() ? u"true"_s : u"false"_s;
    } else if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts.append(item.isString() ? item.toString() : csvCell(item));
        text = parts.join(u';');
    } else if (value.isObject()) {
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    if (!text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r'))
        text = u'"' + text.replace(u'"', u"\"\""_s) + u'"';
    return text;
}

/*!
 * `audit export`: records in chain and seq order, as JSON lines (each with its hash) or CSV.
 */
int exportRecords(const QStringList &rawArgs)
{
    auto args = parseArgs(u"export"_s, rawArgs, {u"--db"_s, u"--format"_s, u"--from"_s, u"--to"_s});
    if (!args)
        return usageError(args.error());
    const QString format = args.value().format;
    if (format != u"csv"_s && format != u"jsonl"_s)
        return usageError(u"audit export: --format is csv or jsonl"_s);
    auto from = parseBound(args.value().from, false);
    auto to = parseBound(args.value().to, true);
    if (!from || !to)
        return usageError(u"audit export: "_s + (from ? to.error() : from.error()));
    auto store = openStore(args.value().db);
    if (!store)
        return fail(store.error());
    static const QStringList payloadColumns = {u"action"_s, u"amount"_s,          u"limit"_s,
                                               u"risk"_s,   u"policies"_s,        u"decision"_s,
                                               u"reason_category"_s, u"reason"_s};
    if (format == u"csv"_s) {
        writeOut("chain_id,seq,time,kind,actor_id,actor_role,actor_team,case_id,"
                 + payloadColumns.join(u',').toUtf8() + ",payload,prev_hash,hash\n");
    }
    qint64 unreadable = 0;
    auto scanned = store.value()->scan({{}, 0, from.value(), to.value(), {}, {}},
                                       [&](const audit::StoredRecord &stored) {
        auto record = audit::AuditRecord::fromStored(stored.body, stored.hash);
        if (!record) {
            ++unreadable;
            printErr(u"chain %1 seq %2: %3"_s.arg(stored.chainId).arg(stored.seq).arg(record.error()));
            return true;
        }
        const audit::AuditRecord &r = record.value();
        if (format == u"jsonl"_s) {
            writeOut(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact) + '\n');
            return true;
        }
        QStringList cells = {csvCell(r.chainId),
                             QString::number(r.seq),
                             audit::formatTime(r.time),
                             audit::kindName(r.kind),
                             csvCell(r.actor.value(u"id"_s)),
                             csvCell(r.actor.value(u"role"_s)),
                             csvCell(r.actor.value(u"team"_s)),
                             csvCell(r.caseId)};
        for (const QString &column : payloadColumns)
            cells.append(csvCell(r.payload.value(column)));
        cells.append(csvCell(r.payload));
        cells.append(QString::fromLatin1(r.prevHash));
        cells.append(QString::fromLatin1(r.hash));
        writeOut(cells.join(u',').toUtf8() + '\n');
        return true;
    });
    if (!scanned)
        return fail(scanned.error());
    if (unreadable > 0)
        return fail(u"%1 record(s) could not be read; run `refundguard-cli audit verify`"_s.arg(unreadable));
    return kExitOk;
}

/*!
 * `audit anchor`: the newest checkpoint of each chain, to keep outside the log; a later
 * `audit verify --anchor` proves the log still reaches it.
 */
int anchor(const QStringList &rawArgs)
{
    auto args = parseArgs(u"anchor"_s, rawArgs, {u"--db"_s});
    if (!args)
        return usageError(args.error());
    auto store = openStore(args.value().db);
    if (!store)
        return fail(store.error());
    auto stored = store.value()->checkpoints();
    if (!stored)
        return fail(stored.error());
    QMap<QString, audit::Checkpoint> newest;
    for (const audit::StoredCheckpoint &row : std::as_const(stored.value())) {
        auto checkpoint = audit::Checkpoint::fromJson(QJsonDocument::fromJson(row.body).object());
        // A broken checkpoint must not become the anchor; verify reports it.
        if (!checkpoint || !checkpoint.value().signatureValid()
            || checkpoint.value().chainId != row.chainId)
            continue;
        if (checkpoint.value().seq > newest.value(row.chainId).seq)
            newest.insert(row.chainId, checkpoint.value());
    }
    if (newest.isEmpty())
        return fail(store.value()->url().display() + u": no checkpoint to anchor to yet"_s);
    QJsonArray anchors;
    for (const audit::Checkpoint &checkpoint : std::as_const(newest))
        anchors.append(checkpoint.toJson());
    writeOut(QJsonDocument(QJsonObject{{u"anchors"_s, anchors}}).toJson());
    return kExitOk;
}

int pubkey(const QStringList &rawArgs)
{
    auto args = parseArgs(u"pubkey"_s, rawArgs, {u"--key"_s});
    if (!args)
        return usageError(args.error());
    const QString path = args.value().key.isEmpty() ? audit::defaultKeyPath() : args.value().key;
    auto key = audit::SigningKey::loadOrCreate(path);
    if (!key)
        return fail(key.error());
    writeOut(audit::publicKeyFileText(key.value().publicKey()));
    return kExitOk;
}

int sync(const QStringList &rawArgs)
{
    auto args = parseArgs(u"sync"_s, rawArgs, {u"--db"_s, u"--outbox"_s, u"--key"_s});
    if (!args)
        return usageError(args.error());
    if (args.value().outbox.isEmpty())
        return usageError(u"audit sync: --outbox URL is required"_s);
    auto log = openLog(args.value());
    if (!log)
        return fail(log.error());
    auto sent = log.value()->sync();
    if (!sent)
        return fail(sent.error() + u"; %1 record(s) pending"_s.arg(log.value()->pendingCount()));
    writeOut(u"forwarded %1 record(s); %2 pending\n"_s.arg(sent.value())
                 .arg(log.value()->pendingCount())
                 .toUtf8());
    return kExitOk;
}

int init(const QStringList &rawArgs)
{
    auto args = parseArgs(u"init"_s, rawArgs, {u"--db"_s});
    if (!args)
        return usageError(args.error());
    auto store = openStore(args.value().db);
    if (!store)
        return fail(store.error());
    writeOut(u"audit schema %1 ready at %2\n"_s.arg(audit::AuditStore::kSchemaVersion)
                 .arg(store.value()->url().display())
                 .toUtf8());
    return kExitOk;
}

} // namespace

/*!
 * `refundguard-cli audit <append|verify|export|anchor|pubkey|sync|init> [options]`.
 */
int runAuditCommand(const QStringList &args)
{
    if (args.isEmpty())
        return usageError(u"audit: expected append, verify, export, anchor, pubkey, sync or init"_s);
    const QString &sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == u"append"_s)
        return append(rest);
    if (sub == u"verify"_s)
        return verify(rest);
    if (sub == u"export"_s)
        return exportRecords(rest);
    if (sub == u"anchor"_s)
        return anchor(rest);
    if (sub == u"pubkey"_s)
        return pubkey(rest);
    if (sub == u"sync"_s)
        return sync(rest);
    if (sub == u"init"_s)
        return init(rest);
    return usageError(u"audit: unknown subcommand \"%1\""_s.arg(sub));
}

} // namespace rg::cli
