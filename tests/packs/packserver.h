// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packs/packcontent.h"
#include "packs/packsignature.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimeZone>

namespace rg::test {

// Use me to serve a pack over real HTTP on 127.0.0.1: files by name under "/packs/", 404 for
// anything else, one request per connection. close() makes the source unreachable.
class PackServer final : public QObject
{
public:
    PackServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    void close() { m_server.close(); }
    quint16 port() const { return m_port ? m_port : m_server.serverPort(); }
    QString baseUrl()
    {
        m_port = m_server.serverPort();
        return QStringLiteral("http://127.0.0.1:%1/packs/").arg(m_port);
    }

    // Serves release \a sequence of \a pack (name -> bytes, the rule pack first): its manifest
    // with their hashes, and every file signed with \a key, in place of what was served.
    void publish(const rg::packs::PackSigningKey &key, qint64 sequence,
                 const QList<std::pair<QString, QByteArray>> &pack)
    {
        files.clear();
        const QByteArray manifest
            = rg::packs::PackManifest::describe(
                  sequence,
                  QDateTime(QDate(2026, 11, 1).addDays(sequence), QTime(9, 0), QTimeZone::utc()),
                  pack)
                  .toJson();
        auto all = pack;
        all.append({QString::fromLatin1(rg::packs::kManifestName), manifest});
        for (const auto &[name, bytes] : all) {
            files.insert(name, bytes);
            files.insert(name + QStringLiteral(".sig"), key.signatureFile(bytes));
        }
    }

    QHash<QString, QByteArray> files;
    QStringList requested;
    bool silent = false; // accept requests but never answer (a hung source)

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(socket);
        const QString path = QString::fromLatin1(requestLine.value(1));
        requested.append(path);
        if (silent)
            return;
        const QString name = path.startsWith(QStringLiteral("/packs/")) ? path.mid(7) : QString();
        QByteArray response;
        if (files.contains(name)) {
            const QByteArray body = files.value(name);
            response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                       + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        } else {
            response = "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\n"
                       "not found";
        }
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    quint16 m_port = 0;
};

} // namespace rg::test
