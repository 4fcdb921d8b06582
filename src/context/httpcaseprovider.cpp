// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "context/httpcaseprovider.h"

#include "log/log.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutex>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace rg::context {

using namespace Qt::StringLiterals;

namespace {

// A case document is a few kilobytes; a service that streams more is broken or hostile.
constexpr qint64 kMaxBodyBytes = 8 * 1024 * 1024;
constexpr qsizetype kMaxQuotedBody = 160;
constexpr int kMaxAttempts = 10;

const QString kDefaultPath = u"/cases/{id}"_s;

std::shared_ptr<spdlog::logger> logger()
{
    static const auto instance = rg::log::get("context");
    return instance;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// Plain HTTP off this machine exposes the token and the customer's data to the network. It is
// allowed (a lab, a sidecar on a private network) but said once per host in the log.
void warnAboutPlainHttp(const QUrl &url)
{
    static QMutex mutex;
    static QSet<QString> warned;
    QMutexLocker lock(&mutex);
    if (warned.contains(url.host()))
        return;
    warned.insert(url.host());
    logger()->warn("case service {} is plain http to a host that is not this machine: the token "
                   "and case data cross the network unencrypted; use https",
                   url.toDisplayString(QUrl::RemoveUserInfo).toStdString());
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(static_cast<double>(duration.count()) / 1000.0, 'f', 1) + u" s"_s;
}

QString attempts(int count)
{
    return count == 1 ? u"1 attempt"_s : u"%1 attempts"_s.arg(count);
}

// What the service said about a failure, if it said it in a short JSON {"error": "..."} or
// plain text; never more than a line, since the body may be anything.
QString quoteBody(const QByteArray &body)
{
    QString text;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject() && document.object().value(u"error"_s).isString())
        text = document.object().value(u"error"_s).toString();
    else if (!body.isEmpty() && !body.contains('<'))
        text = QString::fromUtf8(body).simplified();
    if (text.size() > kMaxQuotedBody)
        text = text.first(kMaxQuotedBody) + u"..."_s;
    return text.isEmpty() ? QString() : u": "_s + text;
}

// Failures of the connection rather than answers: the network layer (1-99), a proxy that could
// not be reached or dropped the connection (101-104, 199) and a broken HTTP stream. Every other
// error code stands for an HTTP status, which onReplyFinished() reads from the status itself.
bool isTransportError(QNetworkReply::NetworkError error)
{
    const int code = error;
    return (code > 0 && code < 100)
           || (code > 100 && code < QNetworkReply::ProxyAuthenticationRequiredError)
           || error == QNetworkReply::UnknownProxyError || error == QNetworkReply::ProtocolFailure;
}

} // namespace

/*!
 * Creates a provider for \a options. Only http and https URLs with a host are accepted; any
 * other configuration makes every fetch() fail with FetchError::Kind::InvalidRequest (see
 * configurationError()). TLS peers are always verified: no SSL error is ever ignored.
 */
HttpCaseProvider::HttpCaseProvider(Options options, QObject *parent)
    : CaseProvider(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
{
    const QUrl &url = m_options.baseUrl;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()) {
        m_configError = u"case service URL \""_s + url.toDisplayString(QUrl::RemoveUserInfo)
                        + u"\" is not a valid http(s) URL"_s;
    } else if (scheme != u"http"_s && scheme != u"https"_s) {
        m_configError = u"case service URL \""_s + url.toDisplayString(QUrl::RemoveUserInfo)
                        + u"\" must use http or https, not "_s + url.scheme();
    } else if (m_options.maxAttempts < 1 || m_options.maxAttempts > kMaxAttempts) {
        m_configError = u"case service attempts must be 1 to %1, not %2"_s.arg(kMaxAttempts)
                            .arg(m_options.maxAttempts);
    } else if (m_options.timeout.count() <= 0 || m_options.backoff.count() < 0) {
        m_configError = u"case service timeout must be positive and backoff not negative"_s;
    } else if (scheme == u"http"_s && !isLoopbackHost(url.host())) {
        warnAboutPlainHttp(url);
    }
    // Same origin only: a redirect elsewhere would carry the bearer token to another host.
    m_network->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

HttpCaseProvider::~HttpCaseProvider()
{
    // Replies still running are aborted quietly: nobody is left to hear about them.
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->reply) {
            disconnect(it->reply, nullptr, this, nullptr);
            it->reply->abort();
        }
    }
}

QString HttpCaseProvider::service() const
{
    return u"case service at "_s + sourceName();
}

/*!
 * The base URL as shown to people: no user info, query or fragment, no trailing "/".
 */
QString HttpCaseProvider::sourceName() const
{
    QString text = m_options.baseUrl
                       .adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
                       .toDisplayString();
    while (text.endsWith(u'/'))
        text.chop(1);
    return text;
}

/*!
 * The URL fetch() requests for \a caseId: the base URL's path followed by the path template
 * (Options::pathTemplate, else the mapping's "path", else "/cases/{id}"), with {id} and the
 * other placeholders percent-encoded so that a "/" or "?" in an id stays inside its segment.
 * The ids "." and ".." are refused outright: as whole segments they mean "here" and "up" to
 * every URL normaliser between here and the service.
 */
Result<QUrl> HttpCaseProvider::urlFor(const QString &caseId) const
{
    if (!m_configError.isEmpty())
        return Error{m_configError};
    if (caseId.isEmpty())
        return Error{u"no case id given"_s};
    if (caseId == u"."_s || caseId == u".."_s)
        return Error{u"\""_s + caseId + u"\" is not a case id"_s};
    QString pathTemplate = m_options.pathTemplate;
    if (pathTemplate.isEmpty())
        pathTemplate = m_options.mapping.pathTemplate();
    if (pathTemplate.isEmpty())
        pathTemplate = kDefaultPath;
    const qsizetype queryAt = pathTemplate.indexOf(u'?');
    QString path = queryAt < 0 ? pathTemplate : pathTemplate.first(queryAt);
    QString query = queryAt < 0 ? QString() : pathTemplate.mid(queryAt + 1);

    static const QRegularExpression placeholder(u"\\{([A-Za-z_][A-Za-z0-9_]*)\\}"_s);
    const auto substitute = [&](QString &text) -> std::optional<Error> {
        QString out;
        qsizetype last = 0;
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            const QString name = match.captured(1);
            QString value;
            if (name == u"id"_s) {
                value = caseId;
            } else if (m_options.pathParameters.contains(name)) {
                value = m_options.pathParameters.value(name);
            } else {
                const QString hint = m_options.mapping.parameters().value(name);
                return Error{u"the case service path \""_s + pathTemplate + u"\" needs {"_s + name
                             + u"}; set path parameter \""_s + name + u"\""_s
                             + (hint.isEmpty() ? QString() : u" ("_s + hint + u")"_s)};
            }
            out += QStringView(text).sliced(last, match.capturedStart() - last);
            out += QString::fromLatin1(QUrl::toPercentEncoding(value));
            last = match.capturedEnd();
        }
        out += QStringView(text).sliced(last);
        text = out;
        return std::nullopt;
    };
    if (auto error = substitute(path))
        return *error;
    if (auto error = substitute(query))
        return *error;

    QUrl url = m_options.baseUrl.adjusted(QUrl::RemoveFragment);
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    // Tolerant mode keeps the "%2F" of an encoded id as it is instead of decoding it to "/".
    url.setPath(basePath + path, QUrl::TolerantMode);
    if (!query.isEmpty()) {
        const QString baseQuery = url.query(QUrl::FullyEncoded);
        url.setQuery(baseQuery.isEmpty() ? query : baseQuery + u'&' + query, QUrl::TolerantMode);
    }
    return url;
}

/*!
 * Starts fetching \a caseId; finished() follows from the event loop. A second fetch of a case
 * already on its way joins the first: one request, one finished().
 */
void HttpCaseProvider::fetch(const QString &caseId)
{
    if (m_pending.contains(caseId))
        return;
    const auto url = urlFor(caseId);
    if (!url) {
        CaseFetch result;
        result.error = FetchError{FetchError::Kind::InvalidRequest, 0, url.error()};
        QMetaObject::invokeMethod(
            this, [this, caseId, result] { emit finished(caseId, result); }, Qt::QueuedConnection);
        return;
    }
    m_pending.insert(caseId, Pending{});
    startAttempt(caseId);
}

void HttpCaseProvider::startAttempt(const QString &caseId)
{
    auto pending = m_pending.find(caseId);
    if (pending == m_pending.end())
        return;
    ++pending->attempt;
    pending->timedOut = false;
    pending->tooLarge = false;
    pending->clock.start();

    QNetworkRequest request(urlFor(caseId).value());
    request.setTransferTimeout(static_cast<int>(m_options.timeout.count()));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "refundguard/" RG_VERSION);
    if (!m_options.token.isEmpty()) {
        const QString scheme = m_options.mapping.authScheme();
        request.setRawHeader(
            m_options.mapping.authHeader(),
            (scheme.isEmpty() ? m_options.token : scheme + u' ' + m_options.token).toUtf8());
    }
    if (m_options.conditionalRequests) {
        const auto cached = m_cache.constFind(caseId);
        if (cached != m_cache.constEnd() && !cached->etag.isEmpty())
            request.setRawHeader("If-None-Match", cached->etag.toLatin1());
    }

    QNetworkReply *reply = m_network->get(request);
    pending->reply = reply;
    // The transfer timeout only fires when nothing arrives for that long; the deadline also
    // stops a service that trickles a byte now and then.
    if (!pending->deadline) {
        pending->deadline = new QTimer(this);
        pending->deadline->setSingleShot(true);
    }
    QTimer *deadline = pending->deadline;
    deadline->disconnect(this);
    connect(deadline, &QTimer::timeout, this, [this, caseId, reply] {
        auto it = m_pending.find(caseId);
        if (it == m_pending.end() || it->reply != reply)
            return;
        it->timedOut = true;
        reply->abort();
    });
    deadline->start(m_options.timeout);
    connect(reply, &QNetworkReply::downloadProgress, this,
            [this, caseId, reply](qint64 received, qint64 total) {
                if (received <= kMaxBodyBytes && total <= kMaxBodyBytes)
                    return;
                auto it = m_pending.find(caseId);
                if (it == m_pending.end() || it->reply != reply || it->tooLarge)
                    return;
                it->tooLarge = true;
                reply->abort();
            });
    connect(reply, &QNetworkReply::finished, this,
            [this, caseId, reply] { onReplyFinished(reply, caseId); });
}

void HttpCaseProvider::onReplyFinished(QNetworkReply *reply, const QString &caseId)
{
    reply->deleteLater();
    auto pending = m_pending.find(caseId);
    if (pending == m_pending.end() || pending->reply != reply)
        return;
    pending->reply = nullptr;
    pending->deadline->stop();
    const bool timedOut = pending->timedOut;
    const bool tooLarge = pending->tooLarge;
    const int attempt = pending->attempt;
    const qint64 elapsed = pending->clock.elapsed();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    logger()->debug("GET {} -> {} {} in {} ms (attempt {})",
                    reply->url().toDisplayString(QUrl::RemoveUserInfo).toStdString(), status,
                    error == QNetworkReply::NoError ? "ok" : reply->errorString().toStdString(),
                    elapsed, attempt);
    const QString quotedId = u"\""_s + caseId + u"\""_s;
    using Kind = FetchError::Kind;

    if (tooLarge) {
        return retryOrFail(
            caseId,
            {Kind::MalformedBody, status,
             service() + u" sent more than %1 MB for case "_s.arg(kMaxBodyBytes >> 20) + quotedId},
            false);
    }
    // Transport failures come before the status: a deadline that fired or a connection that
    // closed after the status line leaves a 200 with part of a body (and an aborted reply is
    // closed). Neither is an answer: nothing of the body is read, the attempt is retried.
    if (timedOut || error == QNetworkReply::TimeoutError
        || error == QNetworkReply::OperationCanceledError) {
        const QString what = status == 0 ? u" did not answer within "_s
                                         : u" started answering for case "_s + quotedId
                                               + u" but did not finish within "_s;
        return retryOrFail(caseId,
                           {Kind::Timeout, 0, service() + what + seconds(m_options.timeout)}, true);
    }
    if (status != 0 && isTransportError(error)) {
        return retryOrFail(caseId,
                           {Kind::Unreachable, 0,
                            service() + u" broke off its answer for case "_s + quotedId + u": "_s
                                + reply->errorString()},
                           true);
    }
    if (status == 0) {
        // No HTTP answer at all: refused, unreachable, or TLS failed.
        if (error == QNetworkReply::SslHandshakeFailedError) {
            return retryOrFail(caseId,
                               {Kind::Unreachable, 0,
                                service() + u" failed TLS verification: "_s + reply->errorString()},
                               false);
        }
        const bool transient = error == QNetworkReply::ConnectionRefusedError
                               || error == QNetworkReply::RemoteHostClosedError
                               || error == QNetworkReply::HostNotFoundError
                               || error == QNetworkReply::TemporaryNetworkFailureError
                               || error == QNetworkReply::NetworkSessionFailedError
                               || error == QNetworkReply::UnknownNetworkError
                               || error == QNetworkReply::ProxyConnectionRefusedError
                               || error == QNetworkReply::ProxyTimeoutError;
        return retryOrFail(
            caseId,
            {Kind::Unreachable, 0, service() + u" is unreachable: "_s + reply->errorString()},
            transient);
    }
    // Only a reply that arrived whole gets here; an error left is one that an HTTP status set.
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    if (status == 304) {
        auto cached = m_cache.find(caseId);
        if (cached == m_cache.end()) {
            return retryOrFail(caseId,
                               {Kind::ServerError, status,
                                service() + u" answered 304 Not Modified for case "_s + quotedId
                                    + u" although nothing was cached"_s},
                               false);
        }
        cached->fetchedAt = QDateTime::currentDateTimeUtc();
        cached->stale = false;
        CaseFetch result;
        result.snapshot = *cached;
        return complete(caseId, result);
    }
    if (status >= 200 && status < 300) {
        CaseFetch parsed = parseBody(caseId, reply, body);
        if (parsed.error)
            return retryOrFail(caseId, *parsed.error, false);
        return complete(caseId, std::move(parsed));
    }
    if (status == 401) {
        return retryOrFail(
            caseId,
            {Kind::Unauthorized, status,
             service() + u" did not accept the token (HTTP 401)"_s + quoteBody(body)},
            false);
    }
    if (status == 403) {
        return retryOrFail(caseId,
                           {Kind::Forbidden, status,
                            service() + u" does not let this token read case "_s + quotedId
                                + u" (HTTP 403)"_s + quoteBody(body)},
                           false);
    }
    if (status == 404) {
        return retryOrFail(
            caseId,
            {Kind::NotFound, status, service() + u" has no case "_s + quotedId + u" (HTTP 404)"_s},
            false);
    }
    if (status == 408) {
        return retryOrFail(
            caseId, {Kind::Timeout, status, service() + u" gave up waiting (HTTP 408)"_s}, true);
    }
    // 429 is the service asking for time; it is retried like a 5xx, within the same bound.
    if (status >= 500 || status == 429) {
        return retryOrFail(caseId,
                           {Kind::ServerError, status,
                            service() + u" failed with HTTP %1"_s.arg(status) + quoteBody(body)},
                           true);
    }
    return retryOrFail(caseId,
                       {Kind::InvalidRequest, status,
                        service() + u" refused the request for case "_s + quotedId
                            + u" with HTTP %1"_s.arg(status) + quoteBody(body)},
                       false);
}

CaseFetch HttpCaseProvider::parseBody(const QString &caseId, QNetworkReply *reply,
                                      const QByteArray &body)
{
    CaseFetch result;
    const QString quotedId = u"\""_s + caseId + u"\""_s;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        result.error = FetchError{
            FetchError::Kind::MalformedBody, status,
            service() + u" sent a body for case "_s + quotedId + u" that is not JSON ("_s
                + parseError.errorString() + u" at byte %1"_s.arg(parseError.offset)
                + (type.isEmpty() ? QString() : u", Content-Type "_s + type) + u")"_s};
        return result;
    }
    auto document = m_options.mapping.apply(json.isObject() ? QJsonValue(json.object())
                                                            : QJsonValue(json.array()));
    if (!document) {
        result.error = FetchError{FetchError::Kind::SchemaMismatch, status,
                                  u"case "_s + quotedId + u" from "_s + service()
                                      + u" does not fit the field mapping: "_s + document.error()};
        return result;
    }
    auto parsed = model::Case::fromJson(document.value());
    if (!parsed) {
        result.error = FetchError{FetchError::Kind::SchemaMismatch, status,
                                  u"case "_s + quotedId + u" from "_s + service()
                                      + u" does not fit the case schema: "_s + parsed.error()};
        return result;
    }
    result.snapshot = CaseSnapshot{std::move(parsed).value(),
                                   document.value(),
                                   QDateTime::currentDateTimeUtc(),
                                   false,
                                   QString::fromLatin1(reply->rawHeader("ETag")),
                                   sourceName()};
    return result;
}

void HttpCaseProvider::retryOrFail(const QString &caseId, FetchError error, bool retryable)
{
    auto pending = m_pending.find(caseId);
    if (pending == m_pending.end())
        return;
    const int attempt = pending->attempt;
    if (retryable && attempt < m_options.maxAttempts) {
        // 200 ms, 400 ms, 800 ms, ... by default: a restarting service gets room to come back.
        const auto delay = m_options.backoff * (1LL << std::min(attempt - 1, 16));
        logger()->info("{}; retrying in {} ms ({} of {})", error.message.toStdString(),
                       delay.count(), attempt + 1, m_options.maxAttempts);
        QTimer::singleShot(delay, this, [this, caseId] { startAttempt(caseId); });
        return;
    }
    if (retryable)
        error.message += u" ("_s + attempts(attempt) + u")"_s;
    CaseFetch result;
    result.error = error;
    // The service said this token may not see the case, or that the case is gone (revoked
    // access, an erased customer): a cached copy must not outlive that answer. Any other
    // failure leaves the last good copy standing, handed out marked stale.
    const bool refused = error.kind == FetchError::Kind::Unauthorized
                         || error.kind == FetchError::Kind::Forbidden
                         || error.kind == FetchError::Kind::NotFound;
    if (refused) {
        m_cache.remove(caseId);
    } else if (const auto cached = m_cache.constFind(caseId); cached != m_cache.constEnd()) {
        result.snapshot = *cached;
        result.snapshot->stale = true;
    }
    complete(caseId, std::move(result));
}

void HttpCaseProvider::complete(const QString &caseId, CaseFetch result)
{
    auto pending = m_pending.find(caseId);
    if (pending != m_pending.end()) {
        if (pending->deadline)
            pending->deadline->deleteLater();
        m_pending.erase(pending);
    }
    if (result.ok()) {
        m_cache.insert(caseId, *result.snapshot);
    } else if (result.error) {
        logger()->warn("case {}: {}{}", caseId.toStdString(), result.error->message.toStdString(),
                       result.snapshot ? "; the cached copy is handed out marked stale" : "");
    }
    emit finished(caseId, result);
}

} // namespace rg::context
