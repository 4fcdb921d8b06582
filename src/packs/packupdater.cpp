// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "packs/packupdater.h"

#include "log/log.h"
#include "packs/packcontent.h"
#include "packs/packsignature.h"

#include <QDateTime>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace rg::packs {

using namespace Qt::StringLiterals;

/*!
 * Plain http would let anyone on the path withhold a new pack unnoticed (signatures stop
 * altered packs, not stale ones), so it is refused except to this machine.
 */
Result<QUrl> packSourceBase(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return Error{u"packs/sourceUrl: \"%1\" is not a URL"_s.arg(text)};
    const QString host = url.host();
    const bool loopback = host == u"localhost"_s || QHostAddress(host).isLoopback();
    if (url.scheme() != u"https"_s && !(url.scheme() == u"http"_s && loopback)) {
        return Error{
            u"packs/sourceUrl: packs are fetched over https:// only (plain http only "
            u"from this machine), got \"%1\""_s.arg(url.toDisplayString(QUrl::RemoveUserInfo))};
    }
    if (!url.path().endsWith(u'/'))
        url.setPath(url.path() + u'/');
    return url;
}

PackUpdater::PackUpdater(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

PackUpdater::~PackUpdater()
{
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

/*!
 * Starts a fetch: the manifest and its signature first, then the files the verified manifest
 * names. finished() follows, also for a configuration error found here.
 */
void PackUpdater::start()
{
    m_finished = false;
    m_error.clear();
    m_current.reset();
    m_files.clear();
    m_haveManifest = false;
    auto base = packSourceBase(m_options.source);
    if (!base) {
        QTimer::singleShot(0, this, [this, error = base.error()] { finish(error); });
        return;
    }
    if (m_options.keys.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            finish(u"packs/publicKeys is empty, so no pack can be verified"_s);
        });
        return;
    }
    m_base = base.value();
    const QString manifest = QString::fromLatin1(kManifestName);
    m_queue = {manifest, signatureFilePath(manifest)};
    fetchNext();
}

bool PackUpdater::waitForFinished(int msecs)
{
    if (m_finished)
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &PackUpdater::finished, &loop, &QEventLoop::quit);
    timer.start(msecs);
    loop.exec();
    return m_finished;
}

void PackUpdater::fetchNext()
{
    if (m_queue.isEmpty()) {
        if (m_haveManifest) {
            allArrived();
        } else {
            m_haveManifest = true;
            manifestArrived();
        }
        return;
    }
    const QString name = m_queue.takeFirst();
    QNetworkRequest request(m_base.resolved(QUrl(name)));
    request.setTransferTimeout(m_options.requestTimeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply = m_network.get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64) {
        if (received > m_options.maxFileBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, name] { replyFinished(reply, name); });
}

void PackUpdater::replyFinished(QNetworkReply *reply, const QString &name)
{
    reply->deleteLater();
    m_reply = nullptr;
    const QString url = reply->url().toDisplayString(QUrl::RemoveUserInfo);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // A transfer timeout and the size limit's abort() both end as a cancelled request.
    if (reply->error() == QNetworkReply::OperationCanceledError
        || reply->error() == QNetworkReply::TimeoutError) {
        finish(url
               + u": no complete answer within %1 s (or larger than %2 bytes)"_s
                     .arg(m_options.requestTimeoutMs / 1000.0)
                     .arg(m_options.maxFileBytes));
        return;
    }
    if (status == 404 && name.endsWith(u".sig"_s)) {
        const QString file
            = m_base.resolved(QUrl(name.chopped(4))).toDisplayString(QUrl::RemoveUserInfo);
        finish(file + u": unsigned (%1: HTTP 404)"_s.arg(url));
        return;
    }
    if (status != 0 && status != 200) {
        finish(url
               + u": HTTP %1 %2"_s.arg(status).arg(
                   reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        finish(url + u": "_s + reply->errorString());
        return;
    }
    const QByteArray body = reply->readAll();
    if (body.size() > m_options.maxFileBytes) {
        finish(url + u": larger than %1 bytes"_s.arg(m_options.maxFileBytes));
        return;
    }
    m_files.insert(name, body);
    fetchNext();
}

// The manifest is verified before any file it names is fetched: an unsigned one ends here.
void PackUpdater::manifestArrived()
{
    const QString where = m_base.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    const QString manifestName = QString::fromLatin1(kManifestName);
    auto verified = verifyPackBytes(m_files.value(manifestName),
                                    m_files.value(signatureFilePath(manifestName)), m_options.keys,
                                    where + u'/' + manifestName);
    if (!verified) {
        finish(verified.error());
        return;
    }
    auto manifest = PackManifest::parse(m_files.value(manifestName), where + u'/' + manifestName);
    if (!manifest) {
        finish(manifest.error());
        return;
    }
    // A pack in the cache that no longer verifies cannot hold a newer one back.
    if (auto cached = loadCachedPacks(m_options.cacheDir, m_options.keys)) {
        const PackManifest &inUse = cached.value().packs.manifest;
        if (auto newer = checkNotRollback(manifest.value(), inUse, where + u'/' + manifestName,
                                          u"the pack in use"_s);
            !newer) {
            finish(newer.error());
            return;
        }
        if (manifest.value().sequence == inUse.sequence) {
            log::get("packs")->info("the pack in use, sequence {}, is the one {} publishes",
                                    inUse.sequence, m_options.source.toStdString());
            m_current = std::move(cached).value();
            finish(QString());
            return;
        }
    }
    for (const QString &name : manifest.value().files())
        m_queue << name << signatureFilePath(name);
    fetchNext();
}

void PackUpdater::allArrived()
{
    const QString where = m_base.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    auto packs = verifyPackSet(m_files, m_options.keys, where);
    if (!packs) {
        finish(packs.error());
        return;
    }
    const qint64 sequence = packs.value().manifest.sequence;
    const QDateTime fetchedAt = QDateTime::currentDateTimeUtc();
    auto stored = storePacks(m_options.cacheDir, m_files, sequence, where, fetchedAt);
    if (!stored) {
        finish(stored.error());
        return;
    }
    if (stored.value() == StoreOutcome::LaterReleaseKept) {
        log::get("packs")->info("verified the pack, sequence {}, from {}; another instance had "
                                "stored a later release, which stays",
                                sequence, m_options.source.toStdString());
    } else {
        log::get("packs")->info("stored the verified pack, sequence {}, from {}", sequence,
                                m_options.source.toStdString());
        m_current = CachedPacks{std::move(packs).value(), fetchedAt, where};
    }
    finish(QString());
}

void PackUpdater::finish(const QString &error)
{
    m_finished = true;
    m_error = error;
    if (!error.isEmpty())
        m_current.reset();
    m_files.clear();
    m_queue.clear();
    if (!error.isEmpty())
        log::get("packs")->warn("pack update failed: {}", error.toStdString());
    Q_EMIT finished(error);
}

} // namespace rg::packs
