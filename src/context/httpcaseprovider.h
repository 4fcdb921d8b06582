// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context/caseprovider.h"
#include "context/fieldmapping.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QUrl>

#include <chrono>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;
QT_END_NAMESPACE

namespace rg::context {

// Use me to read case context from a case service or a CRM over HTTP(S): bounded retries with
// backoff, conditional requests, typed errors, and the last good copy (marked stale) when the
// service fails. Everything is asynchronous; nothing here blocks the thread it lives in.
class HttpCaseProvider final : public CaseProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpCaseProvider)

public:
    struct Options
    {
        QUrl baseUrl;
        QString token; // sent as "<auth scheme> <token>" in the mapping's auth header
        std::chrono::milliseconds timeout{3000}; // per attempt, request to last byte
        int maxAttempts = 3;
        std::chrono::milliseconds backoff{200}; // before the 2nd attempt; doubles after
        FieldMapping mapping;                   // identity: the response is the case
        QString pathTemplate;                   // empty: the mapping's "path", else "/cases/{id}"
        QMap<QString, QString> pathParameters;  // other {placeholders} of the path
        bool conditionalRequests = true;        // send If-None-Match for cached cases
    };

    explicit HttpCaseProvider(Options options, QObject *parent = nullptr);
    ~HttpCaseProvider() override;

    void fetch(const QString &caseId) override;
    QString sourceName() const override;

    const QString &configurationError() const { return m_configError; }
    Result<QUrl> urlFor(const QString &caseId) const;

private:
    struct Pending
    {
        int attempt = 0;
        QNetworkReply *reply = nullptr;
        QTimer *deadline = nullptr;
        bool timedOut = false;
        bool tooLarge = false;
        QElapsedTimer clock;
    };

    void startAttempt(const QString &caseId);
    void onReplyFinished(QNetworkReply *reply, const QString &caseId);
    void retryOrFail(const QString &caseId, FetchError error, bool retryable);
    void complete(const QString &caseId, CaseFetch result);
    CaseFetch parseBody(const QString &caseId, QNetworkReply *reply, const QByteArray &body);
    QString service() const;

    Options m_options;
    QString m_configError;
    QNetworkAccessManager *m_network = nullptr;
    QHash<QString, Pending> m_pending;
    QHash<QString, CaseSnapshot> m_cache;
};

} // namespace rg::context
