// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// refundguard-caseserver: the case service of DESIGN.md ("GET {base}/cases/{id}") over a SQLite
// case store, for the demo, for integration tests and as a reference for CRM integrators. Fault
// injection flags (latency, failures, broken bodies) let tests exercise every error path of the
// HTTP provider against a real server.

#include "applogging.h"

#include "context/casestore.h"
#include "context/embeddedcaseprovider.h"
#include "feed/headlimitedtcpserver.h"
#include "feed/httpsupport.h"
#include "log/log.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <utility>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using rg::context::CaseStore;
using StatusCode = QHttpServerResponder::StatusCode;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr quint16 kDefaultPort = 8080;
constexpr int kMaxLatencyMs = 600'000;
constexpr int kMaxTrickleMs = 60'000;
constexpr qsizetype kTrickleBytes = 8;   // per --trickle-ms tick
constexpr qsizetype kMaxIdLength = 256;  // characters of a decoded case id
constexpr qsizetype kMaxEchoLength = 64; // of client input quoted back in a reply or a log line

const char kUsage[] = R"(usage: refundguard-caseserver [options]

Serves case documents over HTTP from a SQLite case store:
  GET /cases/{id}   the case document, with an ETag; If-None-Match gives 304 when unchanged
  GET /health       {"status": "ok", "cases": N, ...}; needs no token

Options:
  --port N           port to listen on (default 8080; 0 picks a free one)
  --bind ADDRESS     address to listen on (default 127.0.0.1)
  --data PATH        SQLite case store, created when missing
                     (default: the application data folder, caseserver-cases.db)
  --seed FILE.jsonl  import the "case" member of every transcript line before serving;
                     "builtin" imports the demo transcripts compiled into the program
  --token TOKEN      require "Authorization: Bearer TOKEN" on /cases (401 otherwise);
                     the environment variable RG_CASESERVER_TOKEN does the same without
                     showing the token in the process list
  --insecure-no-token
                     allow serving without a token on an address other than loopback
                     (without it, such a --bind is refused)
Fault injection, for tests and demos:
  --latency-ms N     answer every request N ms late
  --fail-rate R      answer this fraction (0 to 1) of case requests with 500
  --fail-first N     answer the first N case requests with 500
  --malformed        cut every case document in half (a body that is not JSON)
  --trickle-ms N     send case documents a few bytes every N ms (headers at once)
  --cut-body         announce the whole case document, send half, close the connection

  -h, --help         show this help
  -v, --version      show the version

The first line on standard output is "listening on http://ADDRESS:PORT". SIGINT and SIGTERM
stop the server cleanly. Exit codes: 0 stopped cleanly; 1 the store, the seed or the port
failed; 2 usage error.
)";

struct Options
{
    QHostAddress bind = QHostAddress(QHostAddress::LocalHost);
    quint16 port = kDefaultPort;
    QString dataPath;
    QString seed;
    QString token;
    int latencyMs = 0;
    double failRate = 0.0;
    int failFirst = 0;
    bool malformed = false;
    int trickleMs = 0;
    bool cutBody = false;
    bool insecureNoToken = false;
};

void printErr(const QString &message)
{
    std::fprintf(stderr, "refundguard-caseserver: %s\n", qPrintable(message));
}

int usageError(const QString &message)
{
    printErr(message);
    std::fputs("Try 'refundguard-caseserver --help'.\n", stderr);
    return kExitUsage;
}

// Reads "--name value" and "--name=value"; \a index moves past what was consumed.
std::optional<QString> valueOf(const QStringList &args, qsizetype &index, const QString &name,
                               QString *error)
{
    const QString &arg = args[index];
    if (arg.startsWith(name + u'='))
        return arg.mid(name.size() + 1);
    if (++index >= args.size()) {
        *error = name + u" needs a value"_s;
        return std::nullopt;
    }
    return args[index];
}

std::optional<int> parseInt(const QString &text, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

// Parses the command line into \a options; an empty result means go on, otherwise it is the
// exit code (help, version or a usage error).
std::optional<int> parseArguments(const QStringList &args, Options &options)
{
    const auto flag = [](const QString &arg, const QString &name) {
        return arg == name || arg.startsWith(name + u'=');
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        QString error;
        if (arg == u"-h"_s || arg == u"--help"_s) {
            std::fputs(kUsage, stdout);
            return kExitOk;
        }
        if (arg == u"-v"_s || arg == u"--version"_s) {
            std::printf("refundguard-caseserver %s\n", RG_VERSION);
            return kExitOk;
        }
        if (arg == u"--malformed"_s) {
            options.malformed = true;
            continue;
        }
        if (arg == u"--cut-body"_s) {
            options.cutBody = true;
            continue;
        }
        if (arg == u"--insecure-no-token"_s) {
            options.insecureNoToken = true;
            continue;
        }
        static const QStringList valued = {u"--port"_s,      u"--bind"_s,       u"--data"_s,
                                           u"--seed"_s,      u"--token"_s,      u"--latency-ms"_s,
                                           u"--fail-rate"_s, u"--fail-first"_s, u"--trickle-ms"_s};
        QString name;
        for (const QString &candidate : valued) {
            if (flag(arg, candidate))
                name = candidate;
        }
        if (name.isEmpty()) {
            return usageError(arg.startsWith(u'-') ? u"unknown option "_s + arg
                                                   : u"unexpected argument "_s + arg);
        }
        const auto value = valueOf(args, i, name, &error);
        if (!value)
            return usageError(error);
        if (name == u"--port"_s) {
            const auto port = parseInt(*value, 0, 65535);
            if (!port)
                return usageError(u"--port takes a number from 0 to 65535"_s);
            options.port = static_cast<quint16>(*port);
        } else if (name == u"--bind"_s) {
            if (!options.bind.setAddress(*value))
                return usageError(u"--bind takes an IP address, not \""_s + *value + u"\""_s);
        } else if (name == u"--data"_s) {
            if (value->isEmpty())
                return usageError(u"--data needs a path"_s);
            options.dataPath = *value;
        } else if (name == u"--seed"_s) {
            if (value->isEmpty())
                return usageError(u"--seed needs a JSONL file or \"builtin\""_s);
            options.seed = *value;
        } else if (name == u"--token"_s) {
            if (value->isEmpty())
                return usageError(u"--token needs a value"_s);
            options.token = *value;
        } else if (name == u"--latency-ms"_s) {
            const auto latency = parseInt(*value, 0, kMaxLatencyMs);
            if (!latency)
                return usageError(u"--latency-ms takes a number from 0 to %1"_s.arg(kMaxLatencyMs));
            options.latencyMs = *latency;
        } else if (name == u"--fail-rate"_s) {
            bool ok = false;
            options.failRate = value->toDouble(&ok);
            if (!ok || !(options.failRate >= 0.0 && options.failRate <= 1.0))
                return usageError(u"--fail-rate takes a fraction from 0 to 1"_s);
        } else if (name == u"--fail-first"_s) {
            const auto count = parseInt(*value, 0, 1'000'000);
            if (!count)
                return usageError(u"--fail-first takes a number from 0 to 1000000"_s);
            options.failFirst = *count;
        } else if (name == u"--trickle-ms"_s) {
            const auto interval = parseInt(*value, 1, kMaxTrickleMs);
            if (!interval)
                return usageError(u"--trickle-ms takes a number from 1 to %1"_s.arg(kMaxTrickleMs));
            options.trickleMs = *interval;
        }
    }
    if (options.token.isEmpty())
        options.token = qEnvironmentVariable("RG_CASESERVER_TOKEN");
    // Anyone who can reach the address could read every case: off loopback, serving without a
    // token must be asked for by name.
    if (options.token.isEmpty() && !options.bind.isLoopback() && !options.insecureNoToken) {
        return usageError(
            u"refusing to serve on %1 without a token: set --token or "
            "RG_CASESERVER_TOKEN, or pass --insecure-no-token"_s.arg(options.bind.toString()));
    }
    return std::nullopt;
}

// If-None-Match holds a list of entity tags (weak or strong) or "*" (RFC 9110 13.1.2).
bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    for (QByteArray tag : ifNoneMatch.split(',')) {
        tag = tag.trimmed();
        if (tag == "*")
            return true;
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag == etag)
            return true;
    }
    return false;
}

struct Reply
{
    StatusCode status = StatusCode::Ok;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    bool caseDocument = false; // a 200 with a case: what --trickle-ms and --cut-body break
};

// Client input as it may be quoted back: a short prefix, so that a client can neither make a
// reply or a log line large nor fill it with its own text.
QString shortened(const QString &text)
{
    return text.size() <= kMaxEchoLength ? text : text.first(kMaxEchoLength) + u"..."_s;
}

Reply jsonReply(StatusCode status, const QJsonObject &json)
{
    return {status, QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n', {}};
}

Reply errorReply(StatusCode status, const QString &message)
{
    return jsonReply(status, {{u"error"_s, message}});
}

// Use me to answer case requests from a CaseStore, with the fault injection the options ask for.
class CaseService final
{
public:
    CaseService(const Options &options, CaseStore &store)
        : m_options(options)
        , m_store(store)
    {
        m_server.route(u"/health"_s, QHttpServerRequest::Method::Get,
                       [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                           health(std::move(responder));
                       });
        // The router matches the decoded path, where an id's "%2F" is already a "/": let the
        // route take anything and read the id from the encoded path instead (caseRequest).
        m_server.router()->addConverter(QMetaType::fromType<QString>(), u".+"_s);
        m_server.route(u"/cases/<arg>"_s, QHttpServerRequest::Method::Get,
                       [this](const QString &, const QHttpServerRequest &request,
                              QHttpServerResponder &&responder) {
                           caseRequest(request, std::move(responder));
                       });
        m_server.setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                const QString path = request.url().path(QUrl::FullyEncoded);
                // Whatever else is wrong with a /cases request, a client without the token learns
                // only that it needs one.
                if (path.startsWith(u"/cases"_s)) {
                    if (auto refusal = refuseWithoutToken(request)) {
                        ++m_responses[static_cast<int>(refusal->status)];
                        send(std::move(responder), *refusal);
                        return;
                    }
                }
                send(std::move(responder),
                     errorReply(StatusCode::NotFound, u"no route for %1"_s.arg(shortened(path))));
            });
    }
    Q_DISABLE_COPY_MOVE(CaseService)

    // Listens and answers the URL served, e.g. "http://127.0.0.1:8080".
    rg::Result<QUrl> listen()
    {
        auto tcp = std::make_unique<rg::feed::HeadLimitedTcpServer>("caseserver");
        if (!tcp->listen(m_options.bind, m_options.port)) {
            return rg::Error{u"cannot listen on %1 port %2: %3"_s.arg(m_options.bind.toString())
                                 .arg(m_options.port)
                                 .arg(tcp->errorString())};
        }
        QUrl url;
        url.setScheme(u"http"_s);
        url.setHost(m_options.bind.toString());
        url.setPort(tcp->serverPort());
        m_server.bind(tcp.release()); // the HTTP server becomes its parent
        return url;
    }

private:
    void health(QHttpServerResponder &&responder)
    {
        const auto count = m_store.count();
        if (!count) {
            send(std::move(responder), errorReply(StatusCode::InternalServerError, count.error()));
            return;
        }
        QJsonObject responses;
        for (auto it = m_responses.cbegin(); it != m_responses.cend(); ++it)
            responses.insert(QString::number(it.key()), it.value());
        send(std::move(responder), jsonReply(StatusCode::Ok, {{u"status"_s, u"ok"_s},
                                                              {u"cases"_s, count.value()},
                                                              {u"case_requests"_s, m_caseRequests},
                                                              {u"responses"_s, responses}}));
    }

    void caseRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder)
    {
        // One encoded segment after /cases/ is the id: "/cases/a%2Fb" is case "a/b", while
        // "/cases/a/b" names nothing.
        static const QString prefix = u"/cases/"_s;
        const QString encoded = request.url().path(QUrl::FullyEncoded);
        const QString segment = encoded.mid(prefix.size());
        Reply reply;
        if (auto refusal = refuseWithoutToken(request)) {
            reply = *refusal;
        } else if (segment.size() > 3 * kMaxIdLength) { // too long even fully percent-encoded
            reply = idTooLong();
        } else {
            const QString id = QUrl::fromPercentEncoding(segment.toUtf8());
            if (id.size() > kMaxIdLength) {
                reply = idTooLong();
            } else if (segment.contains(u'/') || segment.isEmpty()) {
                reply = errorReply(StatusCode::NotFound, u"no case \"%1\""_s.arg(shortened(id)));
            } else {
                reply = answerCase(id, request);
            }
        }
        ++m_responses[static_cast<int>(reply.status)];
        // The encoded form: a client's id must not be able to write line breaks into the log.
        rg::log::get("caseserver")
            ->debug("GET /cases/{} -> {}", shortened(segment).toStdString(),
                    static_cast<int>(reply.status));
        send(std::move(responder), reply);
    }

    static Reply idTooLong()
    {
        return errorReply(StatusCode::UriTooLong,
                          u"a case id is at most %1 characters"_s.arg(kMaxIdLength));
    }

    // The 401 for a request without the bearer token, when one is required.
    std::optional<Reply> refuseWithoutToken(const QHttpServerRequest &request) const
    {
        if (m_options.token.isEmpty())
            return std::nullopt;
        const auto bearer = rg::feed::checkBearer(request, m_options.token.toUtf8());
        if (bearer == rg::feed::BearerCheck::Valid)
            return std::nullopt;
        Reply reply = errorReply(StatusCode::Unauthorized, bearer == rg::feed::BearerCheck::Wrong
                                                               ? u"the bearer token is not valid"_s
                                                               : u"a bearer token is required"_s);
        reply.headers.append(std::pair<QByteArray, QByteArray>(
            "WWW-Authenticate", "Bearer realm=\"refundguard-caseserver\""));
        return reply;
    }

    Reply answerCase(const QString &id, const QHttpServerRequest &request)
    {
        ++m_caseRequests;
        if (m_caseRequests <= m_options.failFirst
            || (m_options.failRate > 0.0
                && QRandomGenerator::global()->generateDouble() < m_options.failRate)) {
            return errorReply(StatusCode::InternalServerError, u"injected failure"_s);
        }
        const auto entry = m_store.get(id);
        if (!entry) {
            rg::log::get("caseserver")->error("{}", entry.error().toStdString());
            return errorReply(StatusCode::InternalServerError, u"the case store failed"_s);
        }
        if (!entry.value())
            return errorReply(StatusCode::NotFound, u"no case \"%1\""_s.arg(shortened(id)));
        const QByteArray etag = '"' + entry.value()->etag.toLatin1() + '"';
        if (etagMatches(rg::feed::headerValue(request, "If-None-Match"), etag))
            return {StatusCode::NotModified, {}, {{"ETag", etag}}};
        QByteArray body = QJsonDocument(entry.value()->document).toJson(QJsonDocument::Compact);
        if (m_options.malformed)
            body.truncate(body.size() / 2);
        return {StatusCode::Ok, body, {{"ETag", etag}, {"Cache-Control", "no-cache"}}, true};
    }

    using SharedResponder = std::shared_ptr<QHttpServerResponder>;

    // Writes \a reply now or, with --latency-ms, later from a timer: the event loop keeps
    // serving other connections meanwhile. A client that gave up by then gets nothing.
    void send(QHttpServerResponder &&responder, const Reply &reply)
    {
        auto kept = std::make_shared<QHttpServerResponder>(std::move(responder));
        if (m_options.latencyMs <= 0) {
            writeReply(kept, reply);
            return;
        }
        QPointer<QTcpSocket> socket = kept->socket();
        QTimer::singleShot(m_options.latencyMs, &m_server, [this, kept, socket, reply] {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                writeReply(kept, reply);
        });
    }

    void writeReply(const SharedResponder &responder, const Reply &reply)
    {
        responder->writeStatusLine(reply.status);
        // A 304 has no body, so neither a type nor a length (RFC 9110 15.4.5).
        if (reply.status != StatusCode::NotModified) {
            responder->writeHeader("Content-Type", "application/json");
            responder->writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        }
        for (const auto &[name, value] : reply.headers)
            responder->writeHeader(name, value);
        if (!reply.caseDocument || (!m_options.cutBody && m_options.trickleMs <= 0)) {
            responder->writeBody(reply.body);
            return;
        }
        if (m_options.cutBody) {
            // The headers promised the whole document; half of it, then the connection closes.
            responder->writeBody(reply.body.first(reply.body.size() / 2));
            responder->socket()->disconnectFromHost();
            return;
        }
        responder->writeBody(reply.body.first(std::min(kTrickleBytes, reply.body.size())));
        trickle(responder, reply.body, kTrickleBytes);
    }

    // --trickle-ms: the rest of \a body from \a from on, kTrickleBytes a tick, for as long as
    // the client stays. The header block is closed already, so later chunks go to the socket.
    void trickle(const SharedResponder &responder, const QByteArray &body, qsizetype from)
    {
        if (from >= body.size())
            return;
        QPointer<QTcpSocket> socket = responder->socket();
        QTimer::singleShot(m_options.trickleMs, &m_server, [this, responder, socket, body, from] {
            if (!socket || socket->state() != QAbstractSocket::ConnectedState)
                return;
            socket->write(body.mid(from, kTrickleBytes));
            trickle(responder, body, from + kTrickleBytes);
        });
    }

    const Options &m_options;
    CaseStore &m_store;
    QHttpServer m_server;
    int m_caseRequests = 0;
    QMap<int, int> m_responses; // HTTP status -> count, for /health
};

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe calls here; the event loop reads the pipe and quits.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}

bool installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalPipe[1], &byte, 1);
        rg::log::get("caseserver")->info("stopping on signal");
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0
           && ::sigaction(SIGINT, &action, nullptr) == 0;
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"refundguard-caseserver"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RG_VERSION));

    Options options;
    if (const auto exitCode = parseArguments(QCoreApplication::arguments().mid(1), options))
        return *exitCode;
    rg::app::setupLogging(false);
    const auto log = rg::log::get("caseserver");

    if (options.dataPath.isEmpty()) {
        options.dataPath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                           + u"/caseserver-cases.db"_s;
    }
    CaseStore store;
    if (auto opened = store.open(options.dataPath); !opened) {
        printErr(opened.error());
        return kExitFailed;
    }
    if (!options.seed.isEmpty()) {
        const QString seed = options.seed == u"builtin"_s
                                 ? rg::context::EmbeddedCaseProvider::builtinTranscripts()
                                 : options.seed;
        const auto imported = store.importTranscripts(seed);
        if (!imported) {
            printErr(imported.error());
            return kExitFailed;
        }
        log->info("imported {} cases from {}", imported.value(), seed.toStdString());
    }
#ifdef Q_OS_UNIX
    if (!installSignalHandlers(app))
        log->warn("cannot install the SIGTERM/SIGINT handlers; stop the server with SIGKILL");
#endif

    CaseService service(options, store);
    const auto url = service.listen();
    if (!url) {
        printErr(url.error());
        return kExitFailed;
    }
    // Tests and scripts read this line to learn the port; it must reach them at once.
    std::printf("listening on %s\n", qPrintable(url.value().toString()));
    std::fflush(stdout);
    const auto count = store.count();
    log->info("serving {} cases from {} on {}{}{}", count ? count.value() : 0,
              options.dataPath.toStdString(), url.value().toString().toStdString(),
              options.token.isEmpty() ? " without a token" : " (bearer token required)",
              options.latencyMs || options.failRate > 0 || options.failFirst || options.malformed
                      || options.trickleMs || options.cutBody
                  ? "; fault injection on"
                  : "");
    const int status = QCoreApplication::exec();
    log->info("stopped");
    return status == 0 ? kExitOk : kExitFailed;
}
