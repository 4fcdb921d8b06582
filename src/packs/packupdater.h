// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"
#include "packs/packcache.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <utility>

class QNetworkReply;

namespace rg::packs {

// The base URL packs are fetched from: https://, or http:// to a loopback host (tests, a proxy
// on the same machine). Always ends in '/'.
Result<QUrl> packSourceBase(const QString &text);

// Use me to fetch the published pack from the central URL: downloads the manifest and, when it
// is a later release than the cached pack, the files it names with their signatures, verifies
// them all, and only then replaces the cached pack. An older release is refused as a rollback.
// On any failure the cache is left as it was and finished() says why.
class PackUpdater final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PackUpdater)

public:
    struct Options
    {
        QString source; // packs/sourceUrl
        QList<QByteArray> keys;
        QString cacheDir;
        int requestTimeoutMs = 5000;
        qint64 maxFileBytes = 16 * 1024 * 1024;
    };

    explicit PackUpdater(Options options, QObject *parent = nullptr);
    ~PackUpdater() override;

    void start();
    // Runs an event loop until finished() or \a msecs have passed; true when finished.
    bool waitForFinished(int msecs);
    bool isFinished() const { return m_finished; }
    // Empty when the last fetch stored a new pack or found the cached one current.
    QString error() const { return m_error; }
    // The pack this fetch verified and left current (the cached one it found current, or the one
    // it stored), for choosePacks() not to read and verify it again; empty after a failure and
    // when another instance's later release was kept. Takes it: a second call returns nothing.
    std::optional<CachedPacks> takeCurrentPacks() { return std::exchange(m_current, {}); }

Q_SIGNALS:
    void finished(const QString &error);

private:
    void fetchNext();
    void replyFinished(QNetworkReply *reply, const QString &name);
    void manifestArrived();
    void allArrived();
    void finish(const QString &error);

    Options m_options;
    QUrl m_base;
    QNetworkAccessManager m_network;
    QStringList m_queue;
    QHash<QString, QByteArray> m_files;
    bool m_haveManifest = false;
    bool m_finished = false;
    QString m_error;
    std::optional<CachedPacks> m_current;
    QNetworkReply *m_reply = nullptr;
};

} // namespace rg::packs
