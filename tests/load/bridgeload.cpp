// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bridge_load: load and soak runs against the two HTTP servers of Refund Guard, each the real
// program, started for the run and stopped after it.
//
// bridge_load bridge: `refundguard` offscreen, with a throwaway settings file, data folder and
// token, its bridge on a free loopback port and --print-judgements written to a file. Chats are
// posted at a fixed rate over several keep-alive connections, each connection carrying its own
// chats in order (case_opened, N customer messages, case_closed). Pacing is open loop: event i is
// due at start + i / rate whatever happened before it; a connection that falls behind sends its
// next event at once, and latency counts from the moment the event was due, so a server that
// stalls shows in the figures instead of slowing the client down (no coordinated omission).
// The service time (request written to answer read) is reported beside it. Every message names a
// cue, so the judgement printed after the k-th message of a chat quotes turns 0..k: each chat's
// judgements must number its accepted messages, the k-th one reaching turn k, or an event was
// lost, judged twice or out of order. The app's VmRSS is sampled every second.
//
// bridge_load cases: `refundguard-caseserver` with the demo cases; N clients, each on its own
// keep-alive connection and thread, fetch cases back to back for a duration. Every answer must be
// a 200 with the case asked for.
//
// Exit status: 0 when every event was answered 202 and judged exactly once in order (bridge), or
// every fetch succeeded (cases); with --soak, also when the app's memory stayed flat: the mean
// VmRSS of the last quarter of the run at most --rss-slack-mb above that of the second quarter
// (the first quarter is warm-up). 1 otherwise, 2 for bad arguments. Nothing is judged on time.

#include "benchsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStringList>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace Qt::StringLiterals;
using rg::bench::percentile;
using Clock = std::chrono::steady_clock;

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kStartTimeoutMs = 60000;
constexpr int kMaxProblemsShown = 10;
const QStringList kCaseIds = {u"case-1001"_s, u"case-1002"_s, u"case-1003"_s, u"case-1004"_s,
                              u"case-1005"_s, u"case-1006"_s, u"case-1007"_s, u"case-1008"_s};

double ms(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

// VmRSS of process \a pid in kB; -1 once it is gone.
long long rssKb(qint64 pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::strtoll(line.c_str() + 6, nullptr, 10);
    }
    return -1;
}

std::string loadAverage()
{
    std::ifstream file("/proc/loadavg");
    std::string one, five, fifteen;
    file >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

// An answer read off the wire, or the reason there is none (status 0).
struct Answer
{
    int status = 0;
    QByteArray body;
    QString error;
};

// Use me from one thread to talk HTTP/1.1 with blocking calls: one request at a time on a
// keep-alive connection, opened again when the server closed it. No event loop is needed.
class Connection final
{
public:
    Connection(quint16 port, int timeoutMs)
        : m_port(port)
        , m_timeoutMs(timeoutMs)
    {}

    bool open(QString *error)
    {
        m_socket = std::make_unique<QTcpSocket>();
        m_buffer.clear();
        m_socket->connectToHost(u"127.0.0.1"_s, m_port);
        if (!m_socket->waitForConnected(m_timeoutMs)) {
            *error = u"connecting: "_s + m_socket->errorString();
            m_socket.reset();
            return false;
        }
        ++m_opened;
        return true;
    }

    // With \a last, the connection is closed after the answer (the request says
    // "Connection: close").
    Answer exchange(const QByteArray &request, bool last = false)
    {
        Answer answer;
        if ((!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
            && !open(&answer.error)) {
            return answer;
        }
        QTcpSocket *socket = m_socket.get();
        socket->write(request);
        while (socket->bytesToWrite() > 0) {
            if (!socket->waitForBytesWritten(m_timeoutMs))
                return drop(u"writing: "_s + socket->errorString());
        }
        qsizetype headEnd = -1;
        qsizetype length = 0;
        while (headEnd < 0 || m_buffer.size() < headEnd + 4 + length) {
            if (socket->bytesAvailable() == 0 && !socket->waitForReadyRead(m_timeoutMs))
                return drop(u"waiting for the answer: "_s + socket->errorString());
            m_buffer += socket->readAll();
            if (headEnd < 0 && (headEnd = m_buffer.indexOf("\r\n\r\n")) >= 0)
                length = headerNumber(m_buffer.first(headEnd), "content-length:");
        }
        const QByteArray head = m_buffer.first(headEnd).toLower();
        answer.status = m_buffer.mid(9, 3).toInt(); // "HTTP/1.1 202 Accepted"
        answer.body = m_buffer.mid(headEnd + 4, length);
        m_buffer.remove(0, headEnd + 4 + length);
        if (last || head.contains("\r\nconnection: close"))
            m_socket.reset();
        return answer;
    }

    int opened() const { return m_opened; }

private:
    Answer drop(const QString &error)
    {
        m_socket.reset();
        return Answer{0, {}, error};
    }

    static qsizetype headerNumber(const QByteArray &head, const QByteArray &name)
    {
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith(name))
                return line.mid(name.size()).trimmed().toLongLong();
        }
        return 0;
    }

    quint16 m_port;
    int m_timeoutMs;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
    int m_opened = 0;
};

// One of the real programs, started for the run with its output in files of a temporary folder.
class Server final
{
public:
    explicit Server(const QTemporaryDir &dir)
        : m_out(dir.filePath(u"stdout"_s))
        , m_err(dir.filePath(u"stderr"_s))
    {
        m_process.setStandardOutputFile(m_out);
        m_process.setStandardErrorFile(m_err);
    }
    ~Server() { stop(); }
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    bool start(const QString &program, const QStringList &arguments,
               const QProcessEnvironment &environment)
    {
        m_process.setProcessEnvironment(environment);
        m_process.start(program, arguments);
        return m_process.waitForStarted(kStartTimeoutMs);
    }

    // Waits for \a pattern in standard output or error (a log line) and returns its first
    // capture; empty when the program exited or did not print it in time.
    QString waitFor(const QRegularExpression &pattern, bool inStdout)
    {
        const auto deadline = Clock::now() + std::chrono::milliseconds(kStartTimeoutMs);
        while (Clock::now() < deadline) {
            QFile file(inStdout ? m_out : m_err);
            if (file.open(QIODevice::ReadOnly)) {
                const QRegularExpressionMatch match
                    = pattern.match(QString::fromUtf8(file.readAll()));
                if (match.hasMatch())
                    return match.captured(1);
            }
            if (m_process.state() == QProcess::NotRunning || m_process.waitForFinished(50))
                return {};
        }
        return {};
    }

    qint64 pid() const { return m_process.processId(); }
    QString stdoutPath() const { return m_out; }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    // The last lines of its log, for a report of what went wrong.
    QByteArray logTail() const
    {
        QFile file(m_err);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QList<QByteArray> lines = file.readAll().split('\n');
        return lines.mid(std::max<qsizetype>(0, lines.size() - 20)).join('\n');
    }

private:
    QString m_out;
    QString m_err;
    QProcess m_process;
};

// VmRSS of a process once a second, from the moment the load starts.
struct RssSeries
{
    long long idleKb = -1; // just before the load
    std::vector<long long> kb;

    long long peak() const { return kb.empty() ? -1 : *std::max_element(kb.begin(), kb.end()); }
    long long last() const { return kb.empty() ? -1 : kb.back(); }
    // Mean of quarter \a q (0..3) of the samples.
    double quarterMean(int q) const
    {
        const std::size_t n = kb.size();
        const std::size_t from = n * std::size_t(q) / 4;
        const std::size_t to = n * std::size_t(q + 1) / 4;
        if (to <= from)
            return 0.0;
        double sum = 0;
        for (std::size_t i = from; i < to; ++i)
            sum += double(kb[i]);
        return sum / double(to - from);
    }
    double growthMb() const { return (quarterMean(3) - quarterMean(1)) / 1024.0; }
};

double mb(long long kb)
{
    return double(kb) / 1024.0;
}

// Samples \a pid's VmRSS every second until \a running turns false.
void sampleUntilDone(qint64 pid, const std::atomic<int> &running, Clock::time_point start,
                     RssSeries *series)
{
    for (int tick = 1; running.load() > 0; ++tick) {
        std::this_thread::sleep_until(start + std::chrono::seconds(tick));
        const long long kb = rssKb(pid);
        if (kb > 0)
            series->kb.push_back(kb);
    }
}

void printSpread(const char *what, const std::vector<double> &values)
{
    std::printf("  %-44s p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms\n", what,
                percentile(values, 0.50), percentile(values, 0.99), percentile(values, 1.0));
}

void printRss(const char *who, const RssSeries &rss)
{
    std::printf("  memory (VmRSS of %s, 1 s samples): %.1f MB idle before the load; %.1f MB at "
                "the end, %.1f MB peak;\n    mean of the second quarter %.1f MB, of the last "
                "quarter %.1f MB: growth %+.2f MB over %zu samples\n",
                who, mb(rss.idleKb), mb(rss.last()), mb(rss.peak()), rss.quarterMean(1) / 1024.0,
                rss.quarterMean(3) / 1024.0, rss.growthMb(), rss.kb.size());
    // The trend, for long runs: the sample at the end of each tenth of the run.
    if (rss.kb.size() >= 100) {
        std::printf("    at each tenth of the run (MB):");
        for (std::size_t tenth = 1; tenth <= 10; ++tenth)
            std::printf(" %.1f", mb(rss.kb[rss.kb.size() * tenth / 10 - 1]));
        std::printf("\n");
    }
}

void printProblems(const QStringList &problems)
{
    for (qsizetype i = 0; i < std::min<qsizetype>(problems.size(), kMaxProblemsShown); ++i)
        std::printf("    %s\n", qPrintable(problems.at(i)));
    if (problems.size() > kMaxProblemsShown)
        std::printf("    ... and %lld more\n",
                    static_cast<long long>(problems.size() - kMaxProblemsShown));
}

// --- bridge ---------------------------------------------------------------------------------

struct BridgePlan
{
    quint16 port = 0;
    QByteArray token;
    double rate = 1000;
    qint64 events = 0;
    int connections = 8;
    int chatLength = 20;           // customer messages between case_opened and case_closed
    bool freshConnections = false; // a connection per event, as curl makes them
    int timeoutMs = 30000;
};

struct Chat
{
    QString id;
    int accepted = 0; // messages answered 202
};

// What one connection did.
struct BridgeTally
{
    std::vector<double> latencyMs; // from the moment the event was due to the answer
    std::vector<double> serviceMs; // from writing the request to the answer
    std::vector<Chat> chats;
    qint64 sent = 0;
    qint64 accepted = 0;
    qint64 messagesAccepted = 0;
    QStringList problems;
    int connectionsOpened = 0;
    Clock::time_point lastAnswer;
};

QByteArray eventJson(const BridgePlan &plan, const QString &chatId, qint64 chatIndex, int position)
{
    QJsonObject event{{u"conversation_id"_s, chatId}};
    if (position == 0) {
        event.insert(u"type"_s, u"case_opened"_s);
        event.insert(u"case_id"_s, kCaseIds.at(chatIndex % kCaseIds.size()));
    } else if (position <= plan.chatLength) {
        event.insert(u"type"_s, u"message"_s);
        event.insert(u"role"_s, u"customer"_s);
        const int turn = position - 1;
        event.insert(u"text"_s,
                     u"%1, message %2: I need the refund right now"_s.arg(chatId).arg(turn));
    } else {
        event.insert(u"type"_s, u"case_closed"_s);
    }
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

// Connection \a k of the plan posts events k, k + connections, k + 2 * connections, ... of the
// schedule, as chats of its own, so each chat's events stay in order.
void postEvents(const BridgePlan &plan, int k, Clock::time_point start, BridgeTally *tally)
{
    Connection connection(plan.port, plan.timeoutMs);
    QString error;
    if (!connection.open(&error))
        tally->problems.append(u"connection %1: %2"_s.arg(k).arg(error));
    const QByteArray head
        = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(plan.port)
          + "\r\nAuthorization: Bearer " + plan.token + "\r\nContent-Type: application/json\r\n"
          + (plan.freshConnections ? "Connection: close\r\n" : "") + "Content-Length: ";
    const int perChat = plan.chatLength + 2;
    for (qint64 j = 0, g = k; g < plan.events; ++j, g += plan.connections) {
        const qint64 chatIndex = j / perChat;
        const int position = int(j % perChat);
        if (position == 0)
            tally->chats.push_back(Chat{u"load-%1-%2"_s.arg(k).arg(chatIndex), 0});
        Chat &chat = tally->chats.back();
        const QByteArray body = eventJson(plan, chat.id, chatIndex, position);
        const auto due = start + std::chrono::nanoseconds(qint64(double(g) * 1e9 / plan.rate));
        std::this_thread::sleep_until(due);
        const auto sent = Clock::now();
        const Answer answer = connection.exchange(
            head + QByteArray::number(body.size()) + "\r\n\r\n" + body, plan.freshConnections);
        const auto answered = Clock::now();
        ++tally->sent;
        tally->lastAnswer = answered;
        if (answer.status == 202) {
            ++tally->accepted;
            tally->latencyMs.push_back(ms(answered - due));
            tally->serviceMs.push_back(ms(answered - sent));
            if (position >= 1 && position <= plan.chatLength) {
                ++chat.accepted;
                ++tally->messagesAccepted;
            }
        } else if (answer.status != 0) {
            tally->problems.append(u"%1 event %2: HTTP %3 %4"_s.arg(chat.id)
                                       .arg(position)
                                       .arg(answer.status)
                                       .arg(QString::fromUtf8(answer.body.trimmed())));
        } else {
            tally->problems.append(
                u"%1 event %2: no answer (%3)"_s.arg(chat.id).arg(position).arg(answer.error));
        }
    }
    tally->connectionsOpened = connection.opened();
}

// What the judgements printed by the app say about each chat: for its n-th judgement, the
// highest turn quoted.
QHash<QString, std::vector<int>> readJudgements(const QString &path, qint64 *unreadable)
{
    QHash<QString, std::vector<int>> turns;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return turns;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (!line.startsWith('{'))
            continue; // "first-paint"
        const QJsonObject judgement = QJsonDocument::fromJson(line).object();
        const QString id = judgement.value(u"id"_s).toString();
        if (id.isEmpty()) {
            ++*unreadable;
            continue;
        }
        int highest = -1;
        for (const QJsonValue &finding : judgement.value(u"findings"_s).toArray())
            highest = std::max(highest, finding.toObject().value(u"turn"_s).toInt(-1));
        turns[id].push_back(highest);
    }
    return turns;
}

int runBridge(const QCommandLineParser &parser, const QString &app, bool soak, double slackMb)
{
    BridgePlan plan;
    plan.rate = parser.value(u"rate"_s).toDouble();
    const double duration = parser.value(u"seconds"_s).toDouble();
    plan.connections = parser.value(u"connections"_s).toInt();
    plan.chatLength = parser.value(u"chat-length"_s).toInt();
    plan.freshConnections = parser.isSet(u"fresh-connections"_s);
    plan.events = qint64(plan.rate * duration + 0.5);
    if (plan.rate <= 0 || duration <= 0 || plan.connections < 1 || plan.chatLength < 1) {
        std::fprintf(stderr, "bridge_load: --rate, --seconds, --connections and --chat-length "
                             "must be positive\n");
        return kExitUsage;
    }

    QTemporaryDir dir;
    QFile settings(dir.filePath(u"refundguard.ini"_s));
    if (!dir.isValid() || !settings.open(QIODevice::WriteOnly)
        || settings.write("[bridge]\nport=0\n") < 0) {
        std::fprintf(stderr, "bridge_load: cannot write the settings file in a temporary folder\n");
        return kExitFailed;
    }
    settings.close();
    const QString tokenPath = dir.filePath(u"bridge.token"_s);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, dir.filePath(u"cache"_s));
    environment.insert(u"RG_BRIDGE_TOKEN_FILE"_s, tokenPath);
    environment.insert(u"RG_AUDIT_KEY"_s, dir.filePath(u"audit-signing.key"_s));
    environment.insert(u"RG_LOG_LEVEL"_s, u"info"_s);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    Server server(dir);
    if (!server.start(app,
                      {u"-platform"_s, u"offscreen"_s, u"--settings"_s, settings.fileName(),
                       u"--agent-id"_s, u"load-agent"_s, u"--print-judgements"_s},
                      environment)) {
        std::fprintf(stderr, "bridge_load: cannot start %s\n", qPrintable(app));
        return kExitFailed;
    }
    const QString port = server.waitFor(
        QRegularExpression(u"bridge listening on 127\\.0\\.0\\.1:(\\d+)"_s), false);
    QFile tokenFile(tokenPath);
    if (port.isEmpty() || !tokenFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bridge_load: the app's bridge did not start; its log ends:\n%s\n",
                     server.logTail().constData());
        return kExitFailed;
    }
    plan.port = quint16(port.toUInt());
    plan.token = tokenFile.readAll().trimmed();

    std::printf("bridge_load bridge: %s (pid %lld), bridge on 127.0.0.1:%u\n", qPrintable(app),
                static_cast<long long>(server.pid()), plan.port);
    std::printf("  %s UTC, %u cores, load average %s at the start\n",
                qPrintable(QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm"_s)),
                std::thread::hardware_concurrency(), loadAverage().c_str());
    std::printf("  schedule: %.0f events/s for %.0f s (%lld events) from %d threads, %s; chats "
                "of case_opened, %d customer messages, case_closed\n",
                plan.rate, duration, static_cast<long long>(plan.events), plan.connections,
                plan.freshConnections ? "a new connection for each event"
                                      : "each on a keep-alive connection",
                plan.chatLength);
    std::fflush(stdout);

    RssSeries rss;
    rss.idleKb = rssKb(server.pid());
    std::vector<BridgeTally> tallies(static_cast<std::size_t>(plan.connections));
    std::atomic<int> running = plan.connections;
    const auto start = Clock::now() + std::chrono::milliseconds(200);
    std::vector<std::thread> threads;
    for (int k = 0; k < plan.connections; ++k) {
        threads.emplace_back([&plan, &tallies, &running, k, start] {
            postEvents(plan, k, start, &tallies[std::size_t(k)]);
            --running;
        });
    }
    sampleUntilDone(server.pid(), running, start, &rss);
    for (std::thread &thread : threads)
        thread.join();
    // The app prints a judgement before it answers the event, so the file is complete.
    server.stop();

    BridgeTally all;
    Clock::time_point lastAnswer = start;
    for (BridgeTally &tally : tallies) {
        all.latencyMs.insert(all.latencyMs.end(), tally.latencyMs.begin(), tally.latencyMs.end());
        all.serviceMs.insert(all.serviceMs.end(), tally.serviceMs.begin(), tally.serviceMs.end());
        all.chats.insert(all.chats.end(), tally.chats.begin(), tally.chats.end());
        all.sent += tally.sent;
        all.accepted += tally.accepted;
        all.messagesAccepted += tally.messagesAccepted;
        all.problems += tally.problems;
        all.connectionsOpened += tally.connectionsOpened;
        lastAnswer = std::max(lastAnswer, tally.lastAnswer);
    }

    qint64 unreadable = 0;
    QHash<QString, std::vector<int>> judged = readJudgements(server.stdoutPath(), &unreadable);
    qint64 lost = 0;
    qint64 duplicated = 0;
    qint64 misordered = 0;
    qint64 judgedMessages = 0;
    QStringList judgeProblems;
    for (const Chat &chat : all.chats) {
        const std::vector<int> turns = judged.take(chat.id);
        judgedMessages += qint64(turns.size());
        const qint64 expected = chat.accepted;
        const qint64 got = qint64(turns.size());
        lost += std::max<qint64>(0, expected - got);
        duplicated += std::max<qint64>(0, got - expected);
        qint64 wrongTurns = 0;
        for (std::size_t n = 0; n < turns.size(); ++n) {
            if (turns[n] != int(n))
                ++wrongTurns;
        }
        misordered += wrongTurns;
        if (got != expected || wrongTurns > 0)
            judgeProblems.append(
                u"%1: %2 messages accepted, %3 judged"_s.arg(chat.id).arg(expected).arg(got));
    }
    for (auto it = judged.cbegin(); it != judged.cend(); ++it) {
        duplicated += qint64(it->size());
        judgedMessages += qint64(it->size());
        judgeProblems.append(u"%1: judged %2 times, never posted"_s.arg(it.key()).arg(it->size()));
    }

    const double elapsed = seconds(lastAnswer - start);
    const qint64 notAccepted = all.sent - all.accepted;
    std::printf("  sent %lld events in %.1f s (%.0f events/s; the schedule ends at %.1f s), "
                "%d connections opened\n",
                static_cast<long long>(all.sent), elapsed, double(all.sent) / elapsed,
                double(plan.events) / plan.rate, all.connectionsOpened);
    std::printf("  answered 202: %lld; otherwise or not at all: %lld\n",
                static_cast<long long>(all.accepted), static_cast<long long>(notAccepted));
    printSpread("latency, from due to answered (open loop):", all.latencyMs);
    printSpread("service time, from written to answered:", all.serviceMs);
    std::printf("  judged: %lld of %lld accepted messages in %zu chats; lost %lld, duplicated "
                "%lld, out of order %lld%s\n",
                static_cast<long long>(judgedMessages),
                static_cast<long long>(all.messagesAccepted), all.chats.size(),
                static_cast<long long>(lost), static_cast<long long>(duplicated),
                static_cast<long long>(misordered),
                unreadable > 0 ? qPrintable(u"; %1 unreadable lines"_s.arg(unreadable)) : "");
    printRss("refundguard", rss);
    std::printf("  load average %s at the end\n", loadAverage().c_str());

    QStringList failures;
    if (notAccepted > 0)
        failures.append(u"%1 events not accepted"_s.arg(notAccepted));
    if (lost + duplicated + misordered + unreadable > 0)
        failures.append(u"judgements do not match the accepted messages"_s);
    if (soak && rss.growthMb() > slackMb)
        failures.append(
            u"memory grew %1 MB, over the %2 MB allowed"_s.arg(rss.growthMb(), 0, 'f', 2)
                .arg(slackMb));
    if (soak && rss.kb.size() < 8)
        failures.append(u"too few memory samples to judge growth (run longer)"_s);
    if (failures.isEmpty()) {
        std::printf("  verdict: PASS\n");
        return kExitOk;
    }
    std::printf("  verdict: FAIL: %s\n", qPrintable(failures.join(u"; "_s)));
    printProblems(all.problems + judgeProblems);
    std::printf("  the app's log ends:\n%s\n", server.logTail().constData());
    return kExitFailed;
}

// --- cases ----------------------------------------------------------------------------------

struct CaseTally
{
    std::vector<double> latencyMs;
    qint64 ok = 0;
    QStringList problems;
    int connectionsOpened = 0;
    Clock::time_point lastAnswer;
};

void fetchCases(quint16 port, const QByteArray &token, int k, Clock::time_point end,
                CaseTally *tally)
{
    Connection connection(port, 30000);
    for (qint64 i = k; Clock::now() < end; ++i) {
        const QString id = kCaseIds.at(i % kCaseIds.size());
        const QByteArray request = "GET /cases/" + id.toLatin1()
                                   + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                                   + "\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        const auto sent = Clock::now();
        const Answer answer = connection.exchange(request);
        tally->lastAnswer = Clock::now();
        tally->latencyMs.push_back(ms(tally->lastAnswer - sent));
        const QJsonObject document = QJsonDocument::fromJson(answer.body).object();
        if (answer.status == 200 && answer.body.contains(id.toUtf8()) && !document.isEmpty()) {
            ++tally->ok;
        } else {
            tally->problems.append(answer.status == 0
                                       ? u"%1: no answer (%2)"_s.arg(id, answer.error)
                                       : u"%1: HTTP %2 %3"_s.arg(id)
                                             .arg(answer.status)
                                             .arg(QString::fromUtf8(answer.body.left(200))));
        }
    }
    tally->connectionsOpened = connection.opened();
}

int runCases(const QCommandLineParser &parser, const QString &caseserver)
{
    const int clients = parser.value(u"clients"_s).toInt();
    const double duration = parser.value(u"seconds"_s).toDouble();
    if (clients < 1 || duration <= 0) {
        std::fprintf(stderr, "bridge_load: --clients and --seconds must be positive\n");
        return kExitUsage;
    }
    QTemporaryDir dir;
    const QByteArray token = "load-caseserver-token";
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"RG_CASESERVER_TOKEN"_s, QString::fromLatin1(token));
    environment.insert(u"RG_LOG_LEVEL"_s, u"info"_s);
    Server server(dir);
    if (!dir.isValid()
        || !server.start(caseserver,
                         {u"--port"_s, u"0"_s, u"--data"_s, dir.filePath(u"cases.db"_s),
                          u"--seed"_s, u"builtin"_s},
                         environment)) {
        std::fprintf(stderr, "bridge_load: cannot start %s\n", qPrintable(caseserver));
        return kExitFailed;
    }
    const QUrl url(server.waitFor(
        QRegularExpression(u"^listening on (\\S+)"_s, QRegularExpression::MultilineOption), true));
    if (!url.isValid() || url.port() <= 0) {
        std::fprintf(stderr, "bridge_load: the case service did not start; its log ends:\n%s\n",
                     server.logTail().constData());
        return kExitFailed;
    }
    const auto port = quint16(url.port());
    std::printf("bridge_load cases: %s (pid %lld) at %s\n", qPrintable(caseserver),
                static_cast<long long>(server.pid()), qPrintable(url.toString()));
    std::printf("  %s UTC, %u cores, load average %s at the start\n",
                qPrintable(QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm"_s)),
                std::thread::hardware_concurrency(), loadAverage().c_str());
    std::printf("  %d clients, each on its own keep-alive connection, fetching the %lld demo "
                "cases in turn back to back for %.0f s\n",
                clients, static_cast<long long>(kCaseIds.size()), duration);
    std::fflush(stdout);

    RssSeries rss;
    rss.idleKb = rssKb(server.pid());
    std::vector<CaseTally> tallies(static_cast<std::size_t>(clients));
    std::atomic<int> running = clients;
    const auto start = Clock::now();
    const auto end = start + std::chrono::milliseconds(qint64(duration * 1000));
    std::vector<std::thread> threads;
    for (int k = 0; k < clients; ++k) {
        threads.emplace_back([port, &token, &tallies, &running, k, end] {
            fetchCases(port, token, k, end, &tallies[std::size_t(k)]);
            --running;
        });
    }
    sampleUntilDone(server.pid(), running, start, &rss);
    for (std::thread &thread : threads)
        thread.join();
    server.stop();

    CaseTally all;
    all.lastAnswer = start;
    std::vector<double> perClient;
    for (const CaseTally &tally : tallies) {
        all.lastAnswer = std::max(all.lastAnswer, tally.lastAnswer);
        all.latencyMs.insert(all.latencyMs.end(), tally.latencyMs.begin(), tally.latencyMs.end());
        all.ok += tally.ok;
        all.problems += tally.problems;
        all.connectionsOpened += tally.connectionsOpened;
        perClient.push_back(double(tally.latencyMs.size()));
    }
    const auto requests = qint64(all.latencyMs.size());
    const double elapsed = seconds(all.lastAnswer - start);
    std::printf("  %lld fetches in %.1f s: %.0f fetches/s; per client %.0f to %.0f fetches; %d "
                "connections opened\n",
                static_cast<long long>(requests), elapsed, double(requests) / elapsed,
                percentile(perClient, 0.0), percentile(perClient, 1.0), all.connectionsOpened);
    printSpread("latency, from written to answered:", all.latencyMs);
    std::printf("  200 with the case: %lld; errors: %lld\n", static_cast<long long>(all.ok),
                static_cast<long long>(requests - all.ok));
    printRss("refundguard-caseserver", rss);
    std::printf("  load average %s at the end\n", loadAverage().c_str());
    if (requests > 0 && all.ok == requests) {
        std::printf("  verdict: PASS\n");
        return kExitOk;
    }
    std::printf("  verdict: FAIL: %lld of %lld fetches failed\n",
                static_cast<long long>(requests - all.ok), static_cast<long long>(requests));
    printProblems(all.problems);
    std::printf("  the case service's log ends:\n%s\n", server.logTail().constData());
    return kExitFailed;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Load and soak runs against the real refundguard bridge and refundguard-caseserver."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"mode"_s, u"bridge or cases"_s);
    parser.addOptions({
        {u"rate"_s, u"bridge: events per second (default 1000)."_s, u"n"_s, u"1000"_s},
        {u"seconds"_s, u"How long the load lasts (default 60)."_s, u"s"_s, u"60"_s},
        {u"connections"_s, u"bridge: keep-alive connections (default 8)."_s, u"n"_s, u"8"_s},
        {u"chat-length"_s, u"bridge: customer messages a chat (default 20)."_s, u"n"_s, u"20"_s},
        {u"fresh-connections"_s,
         u"bridge: a new connection for every event instead of keep-alive ones."_s},
        {u"soak"_s, u"bridge: also fail when the app's memory grows."_s},
        {u"rss-slack-mb"_s, u"bridge --soak: growth allowed (default 2)."_s, u"mb"_s, u"2"_s},
        {u"app"_s, u"bridge: the refundguard program."_s, u"path"_s, QStringLiteral(RG_APP_PATH)},
        {u"clients"_s, u"cases: concurrent clients (default 50)."_s, u"n"_s, u"50"_s},
        {u"caseserver"_s, u"cases: the refundguard-caseserver program."_s, u"path"_s,
         QStringLiteral(RG_CASESERVER_PATH)},
    });
    parser.process(application);
    const QStringList positional = parser.positionalArguments();
    const QString mode = positional.value(0);
    if (positional.size() == 1 && mode == u"bridge"_s) {
        return runBridge(parser, parser.value(u"app"_s), parser.isSet(u"soak"_s),
                         parser.value(u"rss-slack-mb"_s).toDouble());
    }
    if (positional.size() == 1 && mode == u"cases"_s)
        return runCases(parser, parser.value(u"caseserver"_s));
    std::fprintf(stderr, "usage: bridge_load bridge|cases [options]; see --help\n");
    return kExitUsage;
}
