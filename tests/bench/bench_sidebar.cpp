// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_sidebar: the three goals of the sidebar's performance issue, through the real bridge,
// session manager and window, each beside a baseline measured in the same run:
// 1. latency from POST /v1/events to the findings model updated, at a steady 20 events/s,
//    beside the round trip of GET /v1/health on the same bridge at the same rate (goal: p99
//    <= 16 ms);
// 2. cold start of `refundguard --demo` to its first paint, beside `refundguard --version`
//    (process start and the same libraries, no window) (goal: median <= 500 ms);
// 3. resident memory after a replayed 30-minute shift, 9,000 events at 5 events/s (goal:
//    VmRSS <= 80 MB at the end), with the growth per 1,000 events in the second half.
//
// Goal 1, how it is timed. The client is a raw QTcpSocket on a thread of its own, blocking
// calls on one keep-alive connection. QNetworkAccessManager on the main thread would wait for
// the event loop it shares with the server it times, so a paint of the window or its own reply
// handling would be counted as the bridge's latency. The bridge handles an event synchronously
// (journal, judge, then the 202), and the window draws the shown chat in the judged signal unless
// it drew it less than its refresh interval ago; then it draws it when the interval ends. So the
// moment the findings model is updated is seen on the main thread: the session's judged signal,
// connected after the window's own slot, when SignalsModel and TranscriptView already hold the
// event, else the transcript's next change that shows it. Latency = that moment minus the
// moment just before the client wrote the request, on one steady clock. Two chats are open at a
// time, as in the demo shift, each closed after about 30 messages; the window shows one of them
// and only marks the other in its switcher, so events on the shown chat and on the background
// one (judged, switcher updated) are reported apart, and the goal is judged on the shown chat.
// GET /v1/health goes halfway between two events, so both see the same conditions.
//
// Goal 3 runs before goal 1 in this process, so its "before the window" figure is not inflated
// by the other goal's heap. The figures are printed at the end, in the goals' order.
//
// Flags: --events N (goal 1; default 1200, 60 s at 20 events/s), --starts K (goal 2, default
// 10), --replay N (goal 3, default 9000), --realtime (goal 3 waits 200 ms between events, 30
// minutes at the default size, instead of posting them back to back), --smoke (40 events, 2
// starts, 300 replayed events; fails only when a figure is missing, never on its value). A size
// of 0 skips its goal.

#include "benchsupport.h"
#include "audit/auditlog.h"
#include "batch/engine.h"
#include "context/caseprovider.h"
#include "context/embeddedcaseprovider.h"
#include "feed/bridge.h"
#include "feed/demoscript.h"
#include "model/message.h"
#include "session/sessionmanager.h"
#include "settings/settings.h"
#include "ui/sidebarwindow.h"
#include "ui/signalsmodel.h"
#include "ui/transcriptview.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <sched.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using rg::bench::percentile;
using rg::bench::statusKb;

using namespace Qt::StringLiterals;
using namespace rg;
using Clock = std::chrono::steady_clock;

const QString kToken = u"bench-sidebar-token-0123456789abcdef"_s;
constexpr auto kLatencyPeriod = std::chrono::milliseconds(50);  // 20 events/s
constexpr auto kRealtimePeriod = std::chrono::milliseconds(200); // 5 events/s
constexpr int kOpenChats = 2;
constexpr int kRssEvery = 1000;
constexpr double kLatencyGoalMs = 16.0;
constexpr double kStartGoalMs = 500.0;
constexpr double kRssGoalMb = 80.0;
constexpr int kIoTimeoutMs = 10000;

struct Options
{
    int events = 1200;
    int starts = 10;
    int replay = 9000;
    bool realtime = false;
    bool smoke = false;
};

double ms(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

struct Spread
{
    std::size_t n = 0;
    double p50 = 0, p90 = 0, p95 = 0, p99 = 0, max = 0;

    static Spread of(const std::vector<double> &values)
    {
        return {values.size(), percentile(values, 0.50), percentile(values, 0.90),
                percentile(values, 0.95), percentile(values, 0.99), percentile(values, 1.0)};
    }
};

double mb(qint64 kb)
{
    return double(kb) / 1024.0;
}

std::string firstLineOf(const char *path, const std::string &prefix)
{
    std::ifstream file(path);
    std::string line;
    while (std::getline(file, line)) {
        if (line.rfind(prefix, 0) == 0)
            return line.substr(prefix.size());
    }
    return "unknown";
}

std::string loadAverage()
{
    std::ifstream file("/proc/loadavg");
    std::string one, five, fifteen;
    file >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

// The chat lines the benchmark posts: the demo transcripts' messages and the demo shift's, each
// source conversation's lines in order, one after the other.
struct Corpus
{
    struct Line
    {
        model::Role role;
        QString text;
    };
    QList<Line> lines;
    QList<qsizetype> starts; // where each source conversation begins in lines
    QStringList caseIds;     // the demo cases, opened in turn
};

std::optional<Corpus> loadCorpus(QString *error)
{
    Corpus corpus;
    QFile transcripts(context::EmbeddedCaseProvider::builtinTranscripts());
    if (!transcripts.open(QIODevice::ReadOnly)) {
        *error = transcripts.fileName() + u": "_s + transcripts.errorString();
        return std::nullopt;
    }
    while (!transcripts.atEnd()) {
        const QJsonObject transcript = QJsonDocument::fromJson(transcripts.readLine()).object();
        corpus.starts.append(corpus.lines.size());
        for (const QJsonValue &message : transcript.value(u"messages"_s).toArray()) {
            const auto role = model::roleFromName(message[u"role"_s].toString());
            // Actions are not chat lines; the feed sends them as agent_action events.
            if (role && *role != model::Role::Action)
                corpus.lines.append({*role, message[u"text"_s].toString()});
        }
        const QString caseId = transcript.value(u"case"_s)[u"id"_s].toString();
        if (!caseId.isEmpty())
            corpus.caseIds.append(caseId);
    }
    auto steps = feed::loadDemoScript();
    if (!steps) {
        *error = steps.error();
        return std::nullopt;
    }
    QStringList conversations;
    QList<QList<Corpus::Line>> shiftLines;
    for (const feed::DemoStep &step : std::as_const(steps.value())) {
        if (!step.event || step.event->type != feed::FeedEventType::Message)
            continue;
        qsizetype index = conversations.indexOf(step.event->conversationId);
        if (index < 0) {
            index = conversations.size();
            conversations.append(step.event->conversationId);
            shiftLines.emplaceBack();
        }
        shiftLines[index].append({step.event->role, step.event->text});
    }
    for (const QList<Corpus::Line> &lines : std::as_const(shiftLines)) {
        corpus.starts.append(corpus.lines.size());
        corpus.lines.append(lines);
    }
    if (corpus.lines.isEmpty() || corpus.caseIds.isEmpty()) {
        *error = u"the demo transcripts and shift hold no chat lines or cases"_s;
        return std::nullopt;
    }
    return corpus;
}

// Use me to make up a realistic shift, one event at a time (so a long replay holds nothing in
// memory): two chats open at a time, each opened with its case, 26 to 34 messages long, then
// closed; a new one opens in its place. The same seed gives the same shift in every run.
class ShiftPlan final
{
public:
    explicit ShiftPlan(const Corpus &corpus) : m_corpus(corpus) {}

    feed::FeedEvent next()
    {
        feed::FeedEvent event;
        if (m_open.size() < kOpenChats) {
            const int k = m_opened++;
            const qsizetype start = m_corpus.starts.at(k % m_corpus.starts.size());
            m_open.append({u"bench-chat-%1"_s.arg(k), m_length(m_random), 0, start});
            event.type = feed::FeedEventType::CaseOpened;
            event.conversationId = m_open.constLast().id;
            event.caseId = m_corpus.caseIds.at(k % m_corpus.caseIds.size());
            return event;
        }
        const auto which = qsizetype(m_random() % std::uint32_t(m_open.size()));
        Chat &chat = m_open[which];
        event.conversationId = chat.id;
        if (chat.sent == chat.length) {
            event.type = feed::FeedEventType::CaseClosed;
            m_open.removeAt(which);
            return event;
        }
        const Corpus::Line &line = m_corpus.lines.at((chat.next + chat.sent++) % m_corpus.lines.size());
        event.type = feed::FeedEventType::Message;
        event.role = line.role;
        event.text = line.text;
        return event;
    }
    int chatsOpened() const { return m_opened; }

private:
    struct Chat
    {
        QString id;
        int length = 0;
        int sent = 0;
        qsizetype next = 0; // first line in the corpus
    };

    const Corpus &m_corpus;
    std::mt19937 m_random{20261102};
    std::uniform_int_distribution<int> m_length{26, 34};
    QList<Chat> m_open;
    int m_opened = 0;
};

QByteArray postRequest(quint16 port, const feed::FeedEvent &event)
{
    const QByteArray body = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
    return "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
           + "\r\nAuthorization: Bearer " + kToken.toLatin1()
           + "\r\nContent-Type: application/json\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray healthRequest(quint16 port)
{
    return "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n\r\n";
}

// Use me from one thread to talk HTTP/1.1 to the bridge with blocking calls: one request at a
// time on a keep-alive connection, opened again if the server closes it.
class RawHttpClient final
{
public:
    explicit RawHttpClient(quint16 port) : m_port(port) {}

    // Sends \a request and reads the whole answer; returns its status, or 0 with \a error set.
    // \a sent is the moment just before the request was written (before connecting, when a
    // new connection was needed: that cost is the request's too).
    int exchange(const QByteArray &request, Clock::time_point *sent, QString *error)
    {
        *sent = Clock::now();
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_socket = std::make_unique<QTcpSocket>();
            m_socket->connectToHost(u"127.0.0.1"_s, m_port);
            if (!m_socket->waitForConnected(kIoTimeoutMs)) {
                *error = u"connecting to the bridge: "_s + m_socket->errorString();
                return 0;
            }
            ++m_connections;
        }
        m_socket->write(request);
        while (m_socket->bytesToWrite() > 0) {
            if (!m_socket->waitForBytesWritten(kIoTimeoutMs)) {
                *error = u"writing to the bridge: "_s + m_socket->errorString();
                return 0;
            }
        }
        QByteArray answer;
        qsizetype headEnd = -1;
        qsizetype length = -1;
        while (headEnd < 0 || answer.size() < headEnd + 4 + length) {
            if (!m_socket->waitForReadyRead(kIoTimeoutMs)) {
                *error = u"reading the bridge's answer: "_s + m_socket->errorString();
                return 0;
            }
            answer += m_socket->readAll();
            if (headEnd < 0 && (headEnd = answer.indexOf("\r\n\r\n")) >= 0)
                length = contentLength(answer.first(headEnd));
        }
        const QByteArray head = answer.first(headEnd).toLower();
        if (head.contains("\r\nconnection: close"))
            m_socket.reset();
        return answer.mid(9, 3).toInt(); // "HTTP/1.1 202 Accepted"
    }
    int connections() const { return m_connections; }

private:
    static qsizetype contentLength(const QByteArray &head)
    {
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                return line.mid(15).trimmed().toLongLong();
        }
        return 0;
    }

    quint16 m_port;
    std::unique_ptr<QTcpSocket> m_socket;
    int m_connections = 0;
};

// What the client thread posts, and how fast: every \a period (back to back when zero), with a
// GET /v1/health halfway between two events when \a health is set.
struct FeedPlan
{
    quint16 port = 0;
    int events = 0;
    Clock::duration period{};
    bool health = false;
};

struct Exchange
{
    Clock::time_point sent;
    Clock::time_point answered;
};

struct FeedResult
{
    std::vector<Exchange> events;
    std::vector<Exchange> health;
    int connections = 0;
    int lateSends = 0; // sent over 1 ms after their time, because the previous answer was late
    double maxLateMs = 0;
    double wallSeconds = 0;
    int chats = 0;
    QString error;
};

// The client thread's work: the shift from \a corpus as \a plan says, into \a result.
void feedBridge(const FeedPlan &plan, const Corpus &corpus, FeedResult *result)
{
    RawHttpClient client(plan.port);
    ShiftPlan shift(corpus);
    const QByteArray health = healthRequest(plan.port);
    result->events.reserve(std::size_t(plan.events));
    result->health.reserve(plan.health ? std::size_t(plan.events) : 0);
    const auto send = [&](const QByteArray &request, Clock::time_point due, int expected,
                          std::vector<Exchange> *into) {
        if (plan.period > Clock::duration::zero()) {
            std::this_thread::sleep_until(due);
            const double late = ms(Clock::now() - due);
            result->maxLateMs = std::max(result->maxLateMs, late);
            result->lateSends += late > 1.0 ? 1 : 0;
        }
        Exchange exchange;
        const int status = client.exchange(request, &exchange.sent, &result->error);
        exchange.answered = Clock::now();
        if (status != expected && result->error.isEmpty())
            result->error = u"the bridge answered %1, not %2"_s.arg(status).arg(expected);
        into->push_back(exchange);
        return result->error.isEmpty();
    };
    const Clock::time_point start = Clock::now() + std::chrono::milliseconds(100);
    for (int i = 0; i < plan.events; ++i) {
        const Clock::time_point due = start + i * plan.period;
        if (!send(postRequest(plan.port, shift.next()), due, 202, &result->events))
            break;
        if (plan.health && !send(health, due + plan.period / 2, 200, &result->health))
            break;
    }
    result->wallSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    result->connections = client.connections();
    result->chats = shift.chatsOpened();
}

// Runs \a plan on a client thread while this thread's event loop serves the bridge.
FeedResult runFeed(const FeedPlan &plan, const Corpus &corpus)
{
    FeedResult result;
    QEventLoop loop;
    std::thread client([&] {
        feedBridge(plan, corpus, &result);
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    loop.exec();
    client.join();
    return result;
}

// Quits \a loop when the watched widget is first painted.
class FirstPaint final : public QObject
{
public:
    explicit FirstPaint(QEventLoop *loop) : m_loop(loop) {}
    bool painted() const { return m_painted; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            m_loop->quit();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QEventLoop *m_loop;
    bool m_painted = false;
};

// Use me for the sidebar as refundguard wires it (tests/ui/tst_sidebar.cpp does the same): demo
// cases, a SQLite audit log, the session journal, the bridge on a free port and the window, all
// in a temporary folder. The window comes in a second step, so memory can be read without it
// and probes can see an event before the sessions do.
class Sidebar final
{
public:
    bool open(batch::Engine *engine, QString *error)
    {
        if (!m_dir.isValid()) {
            *error = u"cannot create a temporary folder: "_s + m_dir.errorString();
            return false;
        }
        auto provider = context::EmbeddedCaseProvider::openDemo(m_dir.filePath(u"demo.db"_s));
        if (!provider) {
            *error = provider.error();
            return false;
        }
        m_provider = std::move(provider).value();
        audit::AuditLog::Options options;
        options.database
            = audit::DatabaseUrl::parse(u"sqlite://"_s + m_dir.filePath(u"audit.db"_s)).value();
        options.keyPath = m_dir.filePath(u"keys/audit.key"_s);
        auto log = audit::AuditLog::open(options);
        if (!log) {
            *error = log.error();
            return false;
        }
        m_log = std::move(log).value();
        m_settings = std::make_unique<settings::Settings>(m_dir.filePath(u"user.ini"_s), QString());
        session::SessionServices services;
        services.engine = engine;
        services.caseProvider = m_provider.get();
        services.auditLog = m_log;
        services.agent = {u"agent-7"_s, u"agent"_s, u"uk-1"_s};
        auto manager = session::SessionManager::open(m_dir.filePath(u"journal.db"_s), services);
        if (!manager) {
            *error = manager.error();
            return false;
        }
        m_manager = std::move(manager).value();
        m_bridge = std::make_unique<feed::Bridge>(feed::BridgeConfig{.token = kToken});
        if (auto listening = m_bridge->listen(); !listening) {
            *error = listening.error();
            return false;
        }
        return true;
    }

    // Connects the sessions to the bridge, then shows the window and waits for its first paint.
    bool showWindow(QString *error)
    {
        m_manager->connectBridge(m_bridge.get());
        m_window = std::make_unique<ui::SidebarWindow>(*m_manager, *m_settings, kToken);
        QEventLoop loop;
        FirstPaint paint(&loop);
        m_window->installEventFilter(&paint);
        m_window->show();
        QTimer::singleShot(kIoTimeoutMs, &loop, &QEventLoop::quit);
        if (!paint.painted())
            loop.exec();
        m_window->removeEventFilter(&paint);
        if (!paint.painted())
            *error = u"the window was not painted within %1 ms"_s.arg(kIoTimeoutMs);
        return paint.painted();
    }

    feed::Bridge &bridge() { return *m_bridge; }
    session::SessionManager &sessions() { return *m_manager; }
    ui::SidebarWindow &window() { return *m_window; }

private:
    // Declared in the order they are needed; destroyed the other way round.
    QTemporaryDir m_dir;
    std::unique_ptr<context::CaseProvider> m_provider;
    std::shared_ptr<audit::AuditLog> m_log;
    std::unique_ptr<settings::Settings> m_settings;
    std::unique_ptr<session::SessionManager> m_manager;
    std::unique_ptr<feed::Bridge> m_bridge;
    std::unique_ptr<ui::SidebarWindow> m_window;
};

// ---- Goal 1 ---------------------------------------------------------------------------------

struct LatencyResult
{
    QString error;
    int events = 0;
    int chats = 0;
    int connections = 0;
    int lateSends = 0;
    double maxLateMs = 0;
    double wallSeconds = 0;
    std::vector<double> shown;      // POST written -> model and transcript updated, ms
    std::vector<double> background; // POST written -> judged, switcher updated, ms
    std::vector<double> handler;    // bridge's eventReceived -> updated, ms (messages)
    std::vector<double> postTrip;   // POST written -> 202 read, ms
    std::vector<double> health;     // GET /v1/health written -> 200 read, ms
};

// What the main thread saw of one event.
struct Handled
{
    Clock::time_point received; // the bridge emitted eventReceived
    Clock::time_point updated;  // the session was judged and the window had refreshed
    feed::FeedEventType type = feed::FeedEventType::Message;
    bool done = false;
    bool judged = false;
    bool shown = false;
    bool inStep = true; // the shown chat's transcript and signals list hold the event
    const session::AssistSession *session = nullptr; // compared, never dereferenced
    qsizetype turns = 0;                             // the turns the window must show
};

LatencyResult runLatency(batch::Engine *engine, const Corpus &corpus, int events)
{
    LatencyResult out;
    out.events = events;
    Sidebar sidebar;
    QObject probe;
    std::vector<Handled> handled;
    handled.reserve(std::size_t(events));
    if (!sidebar.open(engine, &out.error))
        return out;
    // Connected before the sessions are (showWindow), so it runs before they take the event.
    QObject::connect(&sidebar.bridge(), &feed::Bridge::eventReceived, &probe,
                     [&handled](const feed::FeedEvent &event) {
                         handled.push_back({Clock::now(), {}, event.type});
                     });
    if (!sidebar.showWindow(&out.error))
        return out;
    QObject::connect(&sidebar.bridge(), &feed::Bridge::eventReceived, &probe,
                     [&handled] { handled.back().done = true; });
    int rejected = 0;
    QObject::connect(&sidebar.sessions(), &session::SessionManager::eventRejected, &probe,
                     [&rejected] { ++rejected; });
    ui::SidebarWindow &window = sidebar.window();
    std::vector<std::size_t> drawLater; // shown-chat events gathered for the window's next refresh
    // After the window's own connection to sessionOpened, so this judged slot runs after the
    // window's and sees what the agent sees. A judgement outside an event (a case arriving from
    // the provider) is not an event's and is left out.
    QObject::connect(&sidebar.sessions(), &session::SessionManager::sessionOpened, &probe,
                     [&handled, &window, &probe, &drawLater](session::AssistSession *session) {
                         QObject::connect(session, &session::AssistSession::judged, &probe,
                                          [&handled, &window, &drawLater, session] {
                                              if (handled.empty() || handled.back().done)
                                                  return;
                                              Handled &h = handled.back();
                                              h.updated = Clock::now();
                                              h.judged = true;
                                              h.shown = window.shownSession() == session;
                                              if (h.shown) {
                                                  h.inStep = window.transcriptView()->shownTurns() == session->conversation().messages.size()
                                                             && std::size_t(window.signalsModel()->rowCount()) == session->judgement()->detection.findings.size();
                                              }
                                              if (!h.inStep) {
                                                  h.session = session;
                                                  h.turns = session->conversation().messages.size();
                                                  drawLater.push_back(handled.size() - 1);
                                              }
                                          });
                     });
    QObject::connect(window.transcriptView()->document(), &QTextDocument::contentsChanged, &probe,
                     [&handled, &window, &drawLater] {
                         const auto now = Clock::now();
                         std::erase_if(drawLater, [&](std::size_t index) {
                             Handled &h = handled[index];
                             if (window.shownSession() != h.session
                                 || window.transcriptView()->shownTurns() < h.turns)
                                 return false;
                             h.updated = now;
                             h.inStep = true;
                             return true;
                         });
                     });

    const FeedResult fed = runFeed({sidebar.bridge().port(), events, kLatencyPeriod, true}, corpus);
    out.chats = fed.chats;
    out.connections = fed.connections;
    out.lateSends = fed.lateSends;
    out.maxLateMs = fed.maxLateMs;
    out.wallSeconds = fed.wallSeconds;
    if (!fed.error.isEmpty()) {
        out.error = fed.error;
        return out;
    }
    if (handled.size() != fed.events.size() || rejected > 0) {
        out.error = u"the bridge took %1 events for %2 posted; %3 refused by the sessions"_s
                        .arg(handled.size())
                        .arg(fed.events.size())
                        .arg(rejected);
        return out;
    }
    for (std::size_t i = 0; i < handled.size(); ++i) {
        out.postTrip.push_back(ms(fed.events[i].answered - fed.events[i].sent));
        const Handled &h = handled[i];
        if (h.type != feed::FeedEventType::Message)
            continue;
        if (!h.judged || !h.inStep) {
            out.error = u"event %1: %2"_s.arg(i).arg(h.judged ? u"the window did not show it"_s
                                                               : u"it was not judged"_s);
            return out;
        }
        (h.shown ? out.shown : out.background).push_back(ms(h.updated - fed.events[i].sent));
        out.handler.push_back(ms(h.updated - h.received));
    }
    for (const Exchange &exchange : fed.health)
        out.health.push_back(ms(exchange.answered - exchange.sent));
    return out;
}

// ---- Goal 2 ---------------------------------------------------------------------------------

struct StartResult
{
    QString error;
    std::vector<double> firstPaint; // ms
    std::vector<double> version;    // ms
};

// Starts refundguard with \a arguments and returns the milliseconds from start() to a line on
// its standard output beginning with \a marker; waits for it to exit with 0.
std::optional<double> timeToLine(const QStringList &arguments, const QByteArray &marker,
                                 QString *error)
{
    QProcess process;
    process.setStandardErrorFile(QProcess::nullDevice());
    const QString what = u"refundguard "_s + arguments.join(u' ');
    const Clock::time_point started = Clock::now();
    process.start(QStringLiteral(RG_APP_PATH), arguments);
    std::optional<double> elapsed;
    while (!elapsed) {
        if (!process.waitForReadyRead(30000)) {
            *error = what + u": no line starting with \""_s + QString::fromLatin1(marker)
                     + u"\" on its output"_s;
            process.kill();
            process.waitForFinished();
            return std::nullopt;
        }
        while (process.canReadLine() && !elapsed) {
            if (process.readLine().startsWith(marker))
                elapsed = ms(Clock::now() - started);
        }
    }
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = what + u": did not exit cleanly ("_s + process.errorString() + u")"_s;
        process.kill();
        process.waitForFinished();
        return std::nullopt;
    }
    return elapsed;
}

// One untimed start of each first (page cache, font cache), then the two alternated so that
// a change in the machine's load falls on both alike.
StartResult runStarts(int starts)
{
    StartResult out;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        out.error = u"cannot create a temporary folder: "_s + dir.errorString();
        return out;
    }
    const QStringList version{u"--version"_s, u"-platform"_s, u"offscreen"_s};
    for (int run = -1; run < starts; ++run) {
        // A fresh settings file each time: every start is a first start for the settings.
        const QStringList demo{u"--demo"_s, u"--first-paint-exit"_s, u"--settings"_s,
                               dir.filePath(u"start-%1.ini"_s.arg(run + 1)), u"-platform"_s,
                               u"offscreen"_s};
        const auto versionMs = timeToLine(version, "refundguard", &out.error);
        const auto paintMs = versionMs ? timeToLine(demo, "first-paint", &out.error) : std::nullopt;
        if (!paintMs)
            return out;
        if (run >= 0) {
            out.version.push_back(*versionMs);
            out.firstPaint.push_back(*paintMs);
        }
    }
    return out;
}

// ---- Goal 3 ---------------------------------------------------------------------------------

struct RssReading
{
    QString when;
    int events = 0; // events handled when read
    qint64 kb = 0;
};

struct MemoryResult
{
    QString error;
    int events = 0;
    bool realtime = false;
    int chats = 0;
    double wallSeconds = 0;
    std::vector<double> postTrip; // ms
    std::vector<RssReading> readings;
    qint64 peakKb = 0;
    int sessionsAlive = 0;
    int chatsOpen = 0;
};

// Least-squares slope of the readings taken after every kRssEvery events in the second half of
// the replay, in kB per kRssEvery events; nullopt with fewer than two such readings.
std::optional<double> secondHalfGrowth(const MemoryResult &result)
{
    std::vector<std::pair<double, double>> points;
    for (const RssReading &reading : result.readings) {
        if (reading.events >= result.events / 2 && reading.events > 0)
            points.emplace_back(double(reading.events) / kRssEvery, double(reading.kb));
    }
    if (points.size() < 2)
        return std::nullopt;
    double mx = 0, my = 0;
    for (const auto &[x, y] : points) {
        mx += x / double(points.size());
        my += y / double(points.size());
    }
    double sxy = 0, sxx = 0;
    for (const auto &[x, y] : points) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
    }
    return sxx > 0 ? std::optional(sxy / sxx) : std::nullopt;
}

MemoryResult runReplay(batch::Engine *engine, const Corpus &corpus, int events, bool realtime)
{
    MemoryResult out;
    out.events = events;
    out.realtime = realtime;
    out.readings.reserve(std::size_t(events / kRssEvery) + 3);
    Sidebar sidebar;
    if (!sidebar.open(engine, &out.error))
        return out;
    out.readings.push_back({u"before the window"_s, 0, statusKb("VmRSS:")});
    if (!sidebar.showWindow(&out.error))
        return out;
    out.readings.push_back({u"window shown"_s, 0, statusKb("VmRSS:")});
    QObject probe;
    int handled = 0;
    QObject::connect(&sidebar.bridge(), &feed::Bridge::eventReceived, &probe, [&] {
        if (++handled % kRssEvery == 0)
            out.readings.push_back({u"after %1 events"_s.arg(handled), handled, statusKb("VmRSS:")});
    });
    const FeedPlan plan{sidebar.bridge().port(), events,
                        realtime ? Clock::duration(kRealtimePeriod) : Clock::duration::zero(),
                        false};
    const FeedResult fed = runFeed(plan, corpus);
    out.chats = fed.chats;
    out.wallSeconds = fed.wallSeconds;
    for (const Exchange &exchange : fed.events)
        out.postTrip.push_back(ms(exchange.answered - exchange.sent));
    if (!fed.error.isEmpty()) {
        out.error = fed.error;
        return out;
    }
    // Closed chats are deleted later; what the window still has to do is done first.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    out.readings.push_back({u"end"_s, handled, statusKb("VmRSS:")});
    out.peakKb = statusKb("VmHWM:");
    out.sessionsAlive = int(sidebar.sessions().findChildren<session::AssistSession *>().size());
    out.chatsOpen = int(sidebar.sessions().sessions().size());
    return out;
}

// ---- Report ---------------------------------------------------------------------------------

const char *verdict(bool met)
{
    return met ? "MET" : "NOT MET";
}

void printRow(const char *name, const std::vector<double> &values)
{
    const Spread s = Spread::of(values);
    std::printf("  %-48s %6zu %8.2f %8.2f %8.2f %8.2f\n", name, s.n, s.p50, s.p95, s.p99, s.max);
}

void printLatency(const LatencyResult &r)
{
    std::printf("\n== Goal 1: POST /v1/events to the findings model updated, 20 events/s %s\n",
                std::string(22, '=').c_str());
    if (!r.error.isEmpty()) {
        std::printf("  FAILED: %s\n", qPrintable(r.error));
        return;
    }
    std::printf("  %d events in %.1f s (%d chats, 2 open at a time, 26-34 messages each; lines from\n"
                "  the demo transcripts and shift), each followed 25 ms later by GET /v1/health;\n"
                "  client: raw QTcpSocket on its own thread, %d keep-alive connection(s); sends over 1\n"
                "  ms late: %d (latest %.1f ms)\n",
                r.events, r.wallSeconds, r.chats, r.connections, r.lateSends, r.maxLateMs);
    std::printf("  %-48s %6s %8s %8s %8s %8s\n", "ms", "n", "p50", "p95", "p99", "max");
    printRow("GET /v1/health round trip (baseline)", r.health);
    printRow("message -> window updated, shown chat", r.shown);
    printRow("message -> judged, background chat", r.background);
    std::vector<double> all = r.shown;
    all.insert(all.end(), r.background.begin(), r.background.end());
    printRow("message -> updated, all chats", all);
    printRow("  of which in the bridge's handler", r.handler);
    printRow("POST round trip, 202 read (all events)", r.postTrip);
    const Spread shown = Spread::of(r.shown);
    const Spread health = Spread::of(r.health);
    if (health.p50 > 0 && health.p99 > 0) {
        std::printf("  shown chat / health round trip: %.1fx at p50, %.1fx at p99\n",
                    shown.p50 / health.p50, shown.p99 / health.p99);
    }
    std::printf("  GOAL 1 p99 <= %.0f ms, POST to findings model updated (shown chat): %.2f ms  %s\n",
                kLatencyGoalMs, shown.p99, verdict(shown.n > 0 && shown.p99 <= kLatencyGoalMs));
}

void printStarts(const StartResult &r, int starts)
{
    std::printf("\n== Goal 2: cold start to first paint %s\n", std::string(56, '=').c_str());
    if (!r.error.isEmpty()) {
        std::printf("  FAILED: %s\n", qPrintable(r.error));
        return;
    }
    std::printf("  %d starts of each, alternated, after one untimed start of each; timed from\n"
                "  QProcess::start() to the line on standard output (-platform offscreen)\n",
                starts);
    std::printf("  %-48s %6s %8s %8s %8s\n", "ms", "n", "median", "p90", "max");
    const Spread version = Spread::of(r.version);
    const Spread paint = Spread::of(r.firstPaint);
    std::printf("  %-48s %6zu %8.1f %8.1f %8.1f\n", "refundguard --version (baseline)", version.n,
                version.p50, version.p90, version.max);
    std::printf("  %-48s %6zu %8.1f %8.1f %8.1f\n", "refundguard --demo, \"first-paint\"", paint.n,
                paint.p50, paint.p90, paint.max);
    if (version.p50 > 0) {
        std::printf("  first paint / --version at the median: %.1fx (+%.1f ms of the app's own start)\n",
                    paint.p50 / version.p50, paint.p50 - version.p50);
    }
    std::printf("  GOAL 2 median <= %.0f ms, start to first paint: %.1f ms (p90 %.1f, max %.1f)  %s\n",
                kStartGoalMs, paint.p50, paint.p90, paint.max,
                verdict(paint.n > 0 && paint.p50 <= kStartGoalMs));
}

void printMemory(const MemoryResult &r)
{
    std::printf("\n== Goal 3: resident memory after a replayed shift %s\n", std::string(43, '=').c_str());
    if (!r.error.isEmpty()) {
        std::printf("  FAILED: %s\n", qPrintable(r.error));
        return;
    }
    const Spread trip = Spread::of(r.postTrip);
    std::printf("  %d events (%.0f min at 5 events/s), %s, into the window\n"
                "  through the bridge in %.1f s (%.0f events/s), %d chats; POST round trip p50 %.2f"
                " ms, p99 %.2f ms\n",
                r.events, r.events / 5.0 / 60.0,
                r.realtime ? "in real time (200 ms apart)" : "compressed (posted back to back)",
                r.wallSeconds, r.wallSeconds > 0 ? r.events / r.wallSeconds : 0.0, r.chats,
                trip.p50, trip.p99);
    for (const RssReading &reading : r.readings)
        std::printf("  VmRSS %-30s %8.1f MB\n", qPrintable(reading.when), mb(reading.kb));
    const double before = mb(r.readings.front().kb);
    const double end = mb(r.readings.back().kb);
    std::printf("  peak (VmHWM) %.1f MB; the window and the shift added %.1f MB to the %.1f MB before\n"
                "  the window; AssistSession objects alive at the end: %d (chats open: %d)\n",
                mb(r.peakKb), end - before, before, r.sessionsAlive, r.chatsOpen);
    if (const auto growth = secondHalfGrowth(r)) {
        std::printf("  growth per 1000 events in the second half (least squares): %+.2f MB\n",
                    *growth / 1024.0);
    } else {
        std::printf("  growth per 1000 events in the second half: too few readings\n");
    }
    std::printf("  GOAL 3 VmRSS <= %.0f MB at the end: %.1f MB  %s\n", kRssGoalMb, end,
                verdict(end <= kRssGoalMb));
}

bool takeFlags(int argc, char **argv, Options &options)
{
    std::optional<int> events, starts, replay;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--realtime") {
            options.realtime = true;
            continue;
        }
        if (arg == "--smoke") {
            options.smoke = true;
            continue;
        }
        std::optional<int> *target = arg == "--events"   ? &events
                                     : arg == "--starts" ? &starts
                                     : arg == "--replay" ? &replay
                                                         : nullptr;
        if (!target || i + 1 == argc) {
            std::fprintf(stderr,
                         "usage: bench_sidebar [--events N] [--starts K] [--replay N] [--realtime]"
                         " [--smoke]\n");
            return false;
        }
        char *end = nullptr;
        const long value = std::strtol(argv[++i], &end, 10);
        if (*end != '\0' || value < 0 || value > 1000000) {
            std::fprintf(stderr, "bench_sidebar: %s: expected a whole number from 0 to 10^6\n",
                         arg.c_str());
            return false;
        }
        *target = int(value);
    }
    if (options.smoke) {
        options.events = 40;
        options.starts = 2;
        options.replay = 300;
    }
    options.events = events.value_or(options.events);
    options.starts = starts.value_or(options.starts);
    options.replay = replay.value_or(options.replay);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    if (!takeFlags(argc, argv, options))
        return 2;
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The bridge logs each start at info level; the report is what this program prints.
    spdlog::set_level(spdlog::level::warn);
    context::registerMetaTypes();
    auto engine = batch::Engine::load();
    if (!engine) {
        std::fprintf(stderr, "bench_sidebar: %s\n", qPrintable(engine.error()));
        return 1;
    }
    QString error;
    const std::optional<Corpus> corpus = loadCorpus(&error);
    if (!corpus) {
        std::fprintf(stderr, "bench_sidebar: %s\n", qPrintable(error));
        return 1;
    }
    const std::string loadAtStart = loadAverage();

    std::optional<StartResult> starts;
    if (options.starts > 0) {
        std::fprintf(stderr, "bench_sidebar: goal 2, %d cold starts of each...\n", options.starts);
        starts = runStarts(options.starts);
    }
    std::optional<MemoryResult> memory;
    if (options.replay > 0) {
        std::fprintf(stderr, "bench_sidebar: goal 3, replaying %d events...\n", options.replay);
        memory = runReplay(engine.value().get(), *corpus, options.replay, options.realtime);
    }
    std::optional<LatencyResult> latency;
    if (options.events > 0) {
        std::fprintf(stderr, "bench_sidebar: goal 1, %d events at 20/s (%.0f s)...\n",
                     options.events, options.events / 20.0);
        latency = runLatency(engine.value().get(), *corpus, options.events);
    }

    cpu_set_t cpus;
    const int nproc = sched_getaffinity(0, sizeof cpus, &cpus) == 0 ? CPU_COUNT(&cpus) : 0;
    std::printf("== bench_sidebar %s\n", std::string(75, '=').c_str());
    std::printf("  machine: %d CPUs (nproc), %s; Qt %s; build %s\n", nproc,
                firstLineOf("/proc/cpuinfo", "model name\t: ").c_str(), qVersion(), RG_BUILD_TYPE);
    std::printf("  load average (1, 5, 15 min): %s at the start, %s at the end\n",
                loadAtStart.c_str(), loadAverage().c_str());
    if (latency)
        printLatency(*latency);
    if (starts)
        printStarts(*starts, options.starts);
    if (memory)
        printMemory(*memory);
    std::fflush(stdout);

    const bool ran = (!latency || latency->error.isEmpty()) && (!starts || starts->error.isEmpty())
                     && (!memory || memory->error.isEmpty());
    if (!ran)
        return 1;
    if (options.smoke) {
        // Only that every figure came out, never what it is: timings are not pass/fail here.
        const bool figures
            = (!latency
               || (Spread::of(latency->shown).p50 > 0 && Spread::of(latency->health).p50 > 0))
              && (!starts
                  || (Spread::of(starts->firstPaint).p50 > 0 && Spread::of(starts->version).p50 > 0))
              && (!memory || memory->readings.back().kb > 0);
        if (!figures) {
            std::fprintf(stderr, "bench_sidebar: a figure is missing or not positive\n");
            return 1;
        }
    }
    return 0;
}
