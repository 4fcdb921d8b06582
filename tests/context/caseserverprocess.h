// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

namespace rg::test {

// Use me to run the real refundguard-caseserver on 127.0.0.1 for a test: start() waits for its
// "listening on http://127.0.0.1:PORT" line (no fixed sleeps), the destructor stops it.
class CaseServerProcess final
{
public:
    explicit CaseServerProcess(QStringList arguments)
        : m_arguments(std::move(arguments))
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (!environment.contains(QStringLiteral("RG_LOG_LEVEL")))
            environment.insert(QStringLiteral("RG_LOG_LEVEL"), QStringLiteral("warn"));
        m_process.setProcessEnvironment(environment);
    }
    ~CaseServerProcess() { stop(); }
    Q_DISABLE_COPY_MOVE(CaseServerProcess)

    // Starts the server on a free port unless the arguments name one. False (with the reason in
    // \a error) when it exits or stays silent for 10 s.
    bool start(QString *error)
    {
        QStringList arguments = m_arguments;
        if (!arguments.contains(QStringLiteral("--port"))) {
            arguments.prepend(QStringLiteral("0"));
            arguments.prepend(QStringLiteral("--port"));
        }
        m_process.start(QStringLiteral(RG_CASESERVER_PATH), arguments);
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("cannot start %1: %2")
                         .arg(QStringLiteral(RG_CASESERVER_PATH), m_process.errorString());
            return false;
        }
        const QDeadlineTimer deadline(10000);
        while (!m_process.canReadLine()) {
            if (m_process.state() != QProcess::Running || deadline.hasExpired()
                || !m_process.waitForReadyRead(static_cast<int>(deadline.remainingTime()))) {
                if (m_process.state() == QProcess::Running)
                    m_process.waitForFinished(0);
                *error = QStringLiteral("caseserver did not start: ")
                         + QString::fromUtf8(m_process.readAllStandardError());
                return false;
            }
        }
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        const QString prefix = QStringLiteral("listening on ");
        m_url = QUrl(line.mid(prefix.size()));
        if (!line.startsWith(prefix) || !m_url.isValid() || m_url.port() <= 0) {
            *error = QStringLiteral("unexpected first line: ") + line;
            return false;
        }
        return true;
    }

    QUrl url() const { return m_url; }
    QProcess &process() { return m_process; }

    // SIGTERM, then SIGKILL if it does not stop within 5 s.
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

private:
    QStringList m_arguments;
    QProcess m_process;
    QUrl m_url;
};

// A port nothing listens on (just released by the kernel), for "connection refused".
inline quint16 unusedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// One GET with QNetworkAccessManager, waited for with a QSignalSpy (no fixed sleeps).
inline HttpAnswer httpGet(const QUrl &url,
                          const QList<std::pair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = network.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10000);
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.error = reply->error();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        answer.headers.insert(name.toLower(), value);
    delete reply;
    return answer;
}

} // namespace rg::test
