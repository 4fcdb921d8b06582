// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logiccommand.h"

#include "cliio.h"

#include "policy/jsonlogic.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <new>

namespace rg::cli {

using namespace Qt::StringLiterals;

namespace {

// The answer to one input line: {"result": ...} or {"error": "line N: ..."}.
QJsonObject answer(const QByteArray &line, qint64 lineNumber, bool *failed)
{
    const QString where = u"line %1: "_s.arg(lineNumber);
    const auto error = [&](const QString &message) {
        *failed = true;
        return QJsonObject{{u"error"_s, where + message}};
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return error(u"not valid JSON at column %1: %2"_s.arg(parseError.offset + 1)
                         .arg(parseError.errorString()));
    }
    const QJsonObject request = document.object();
    if (!document.isObject() || !request.contains(u"rule"_s))
        return error(u"expected an object {\"rule\": ..., \"data\": ...} with a \"rule\""_s);
    // The engine's budget keeps a rule from building more than memory holds; should one still
    // run out, that is this line's error and the lines after it are still answered.
    try {
        const auto logic = policy::Logic::compile(request.value(u"rule"_s));
        if (!logic)
            return error(logic.error());
        // No "data" is null data, as json-logic-js treats a missing one.
        const QJsonValue data = request.value(u"data"_s);
        const auto result = logic.value().evaluate(data.isUndefined() ? QJsonValue() : data);
        if (!result)
            return error(result.error());
        return {{u"result"_s, result.value()}};
    } catch (const std::bad_alloc &) {
        return error(u"out of memory while evaluating the rule"_s);
    }
}

} // namespace

/*!
 * `refundguard-cli logic [FILE|-]`: evaluates JSON Logic requests, one JSON object
 * {"rule": ..., "data": ...} a line, and writes one compact JSON line per request, in order:
 * {"result": ...}, or {"error": "line N: ..."} for a line that is not JSON, has no rule, or
 * whose rule does not compile or evaluate (also when evaluating runs out of memory). Blank
 * lines are skipped (line numbers still count them). Reading standard input, each answer is
 * flushed as soon as it is written, so the command can sit behind a pipe and answer
 * interactively. Exit 0 when every line evaluated, 1 when some line (or the input file) failed,
 * 2 on a usage error.
 */
int runLogicCommand(const QStringList &args)
{
    QString inputPath = u"-"_s;
    bool haveInput = false;
    for (const QString &arg : args) {
        if (arg.startsWith(u'-') && arg != u"-"_s)
            return usageError(u"logic: unknown option %1"_s.arg(arg));
        if (haveInput)
            return usageError(u"logic: only one input file is read"_s);
        inputPath = arg;
        haveInput = true;
    }

    const bool fromStdin = inputPath == u"-"_s;
    QFile input;
    const bool opened = fromStdin ? input.open(stdin, QIODevice::ReadOnly)
                                  : (input.setFileName(inputPath), input.open(QIODevice::ReadOnly));
    if (!opened)
        return fail(u"%1: cannot read: %2"_s.arg(inputPath, input.errorString()));

    bool anyFailed = false;
    qint64 lineNumber = 0;
    while (!input.atEnd()) {
        QByteArray line = input.readLine();
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        bool failed = false;
        const QJsonObject out = answer(line, lineNumber, &failed);
        anyFailed = anyFailed || failed;
        writeOut(QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n');
        if (fromStdin)
            flushOut();
    }
    if (input.error() != QFileDevice::NoError) {
        flushOut();
        return fail(
            u"%1: read error: %2"_s.arg(fromStdin ? u"<stdin>"_s : inputPath, input.errorString()));
    }
    flushOut();
    return anyFailed ? kExitFailed : kExitOk;
}

} // namespace rg::cli
