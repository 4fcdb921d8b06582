// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "context/caseprovider.h"

#include "log/log.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>

#include <mutex>

namespace rg::context {

using namespace Qt::StringLiterals;

/*!
 * A stable lower-case name for \a kind, for logs and JSON ("not_found", "timeout", ...).
 */
QString fetchErrorKindName(FetchError::Kind kind)
{
    switch (kind) {
    case FetchError::Kind::Unreachable:
        return u"unreachable"_s;
    case FetchError::Kind::Unauthorized:
        return u"unauthorized"_s;
    case FetchError::Kind::Forbidden:
        return u"forbidden"_s;
    case FetchError::Kind::NotFound:
        return u"not_found"_s;
    case FetchError::Kind::Timeout:
        return u"timeout"_s;
    case FetchError::Kind::ServerError:
        return u"server_error"_s;
    case FetchError::Kind::MalformedBody:
        return u"malformed_body"_s;
    case FetchError::Kind::SchemaMismatch:
        return u"schema_mismatch"_s;
    case FetchError::Kind::InvalidRequest:
        return u"invalid_request"_s;
    }
    return {};
}

/*!
 * Registers the fetch types with the meta-type system so finished() can cross threads through
 * queued connections. Idempotent; every provider calls it on construction.
 */
void registerMetaTypes()
{
    qRegisterMetaType<rg::context::FetchError>();
    qRegisterMetaType<rg::context::CaseSnapshot>();
    qRegisterMetaType<rg::context::CaseFetch>();
}

CaseProvider::CaseProvider(QObject *parent)
    : QObject(parent)
{
    registerMetaTypes();
}

CaseProvider::~CaseProvider() = default;

/*!
 * Fetches \a caseId and waits for the answer in a local event loop, returning the whole
 * outcome (a stale snapshot and the error together when the provider had a cached copy).
 * For the CLI, tools and tests only: a nested event loop in the GUI thread re-enters widget
 * code, so the GUI connects to finished() instead.
 */
CaseFetch fetchAndWaitFull(CaseProvider &provider, const QString &caseId)
{
    // Soft assert (STYLE.md 5): works, but a GUI caller should not be here.
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread()) {
        static std::once_flag warned;
        std::call_once(warned, [] {
            rg::log::get("context")->warn("fetchAndWait() runs a nested event loop in the GUI "
                                          "thread; connect to CaseProvider::finished instead");
        });
    }
    std::optional<CaseFetch> outcome;
    QEventLoop loop;
    const auto connection = QObject::connect(&provider, &CaseProvider::finished, &loop,
                                             [&](const QString &id, const CaseFetch &result) {
                                                 if (id != caseId || outcome)
                                                     return;
                                                 outcome = result;
                                                 loop.quit();
                                             });
    provider.fetch(caseId);
    // Providers answer from the event loop, but a finished() already delivered must not leave
    // the loop waiting forever.
    if (!outcome)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    QObject::disconnect(connection);
    return *outcome;
}

/*!
 * As fetchAndWaitFull(), but a failure is an error even when a stale copy exists (its message
 * says so). For the CLI, tools and tests only; see fetchAndWaitFull().
 */
Result<CaseSnapshot> fetchAndWait(CaseProvider &provider, const QString &caseId)
{
    CaseFetch outcome = fetchAndWaitFull(provider, caseId);
    if (outcome.error) {
        QString message = outcome.error->message;
        if (outcome.snapshot) {
            message += u" (a copy from %1 is cached)"_s.arg(
                outcome.snapshot->fetchedAt.toString(Qt::ISODate));
        }
        return Error{message};
    }
    return std::move(*outcome.snapshot);
}

} // namespace rg::context
