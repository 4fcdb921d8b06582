// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/case.h"
#include "model/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <optional>

namespace rg::context {

// Why a case could not be fetched, in a form the UI can act on (kind) and show (message).
struct FetchError
{
    enum class Kind {
        Unreachable,
        Unauthorized,
        Forbidden,
        NotFound,
        Timeout,
        ServerError,
        MalformedBody,
        SchemaMismatch,
        InvalidRequest,
    };

    Kind kind = Kind::Unreachable;
    int httpStatus = 0; // 0 when no HTTP answer came back
    QString message;    // one sentence naming the service and the case
};

QString fetchErrorKindName(FetchError::Kind kind);

// A case as one provider delivered it at one time.
struct CaseSnapshot
{
    model::Case caseData;
    QJsonObject document; // the case document the parser read (after field mapping)
    QDateTime fetchedAt;  // UTC; for a stale copy, when it was last known to be current
    bool stale = false;   // a cached copy handed out because the fetch failed
    QString etag;
    QString source; // where it came from, e.g. the service URL or "demo store"
};

// The outcome of one fetch. Success: snapshot only. Failure: error, plus the last good snapshot
// marked stale when the provider has one, so the UI can show it as such and never as fresh.
struct CaseFetch
{
    std::optional<CaseSnapshot> snapshot;
    std::optional<FetchError> error;

    bool ok() const { return snapshot.has_value() && !error.has_value(); }
};

// Use me to get case context without caring where it lives: fetch() returns at once and
// finished() follows from the event loop, never from inside fetch().
class CaseProvider : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseProvider)

public:
    explicit CaseProvider(QObject *parent = nullptr);
    ~CaseProvider() override;

    virtual void fetch(const QString &caseId) = 0;
    virtual QString sourceName() const = 0;

signals:
    void finished(const QString &caseId, const rg::context::CaseFetch &result);
};

void registerMetaTypes();

CaseFetch fetchAndWaitFull(CaseProvider &provider, const QString &caseId);
Result<CaseSnapshot> fetchAndWait(CaseProvider &provider, const QString &caseId);

} // namespace rg::context

Q_DECLARE_METATYPE(rg::context::FetchError)
Q_DECLARE_METATYPE(rg::context::CaseSnapshot)
Q_DECLARE_METATYPE(rg::context::CaseFetch)
