// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The refundguard application on signed packs, end to end: the real executable starts offscreen
// with packs/sourceUrl pointing at a pack served over HTTP on 127.0.0.1, and its log says which
// pack it runs on and why, across a first failure, a good pack, an altered one and an outage.

#include "packserver.h"

#include "packs/packsignature.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rg::packs;

namespace {

QByteArray sourceFile(const QString &relative)
{
    QFile file(QStringLiteral(RG_SOURCE_DIR) + u'/' + relative);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstAppPacks final : public QObject
{
    Q_OBJECT

private:
    // Starts the sidebar until its first paint; returns its log (standard error).
    QString runApp()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_home.filePath(u"home"_s));
        environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
        environment.insert(u"XDG_RUNTIME_DIR"_s, m_runtime);
        environment.insert(u"RG_BRIDGE_TOKEN_FILE"_s, m_home.filePath(u"bridge.token"_s));
        environment.insert(u"RG_AUDIT_KEY"_s, m_home.filePath(u"audit-signing.key"_s));
        environment.insert(u"RG_LOG_LEVEL"_s, u"info"_s);
        QProcess app;
        app.setProcessEnvironment(environment);
        app.start(QStringLiteral(RG_APP_PATH), {u"-platform"_s, u"offscreen"_s, u"--settings"_s,
                                                m_settings, u"--first-paint-exit"_s});
        if (!app.waitForStarted(10000))
            return u"TEST: not started: "_s + app.errorString();
        // The pack server runs in this thread: keep its events going while the app runs.
        QElapsedTimer timer;
        timer.start();
        while (app.state() != QProcess::NotRunning && timer.elapsed() < 60000)
            QTest::qWait(20);
        if (app.state() != QProcess::NotRunning) {
            app.kill();
            app.waitForFinished(5000);
            return u"TEST: did not finish"_s;
        }
        const QString log = QString::fromUtf8(app.readAllStandardError());
        if (app.exitCode() != 0)
            return u"TEST: exit %1: "_s.arg(app.exitCode()) + log;
        return log;
    }

    // Release \a version of the site's pack (its sequence is the version number).
    void publish(const QString &version)
    {
        m_server.publish(
            *m_key, version.toLongLong(),
            {{u"rulepack.json"_s,
              u"{\"id\": \"site-pack\", \"version\": \"%1\", \"format\": 1, \"rules\": [{\"id\": "
              u"\"cash\", \"cue\": \"bribe\", \"weight\": 0.6, \"patterns\": [\"cashapp\"]}]}"_s
                  .arg(version)
                  .toUtf8()},
             {u"01-authority-limit.json"_s,
              sourceFile(u"resources/policies/01-authority-limit.json"_s)}});
    }

    QTemporaryDir m_home;
    QString m_runtime;
    QString m_settings;
    std::optional<PackSigningKey> m_key;
    rg::test::PackServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_runtime = m_home.filePath(u"runtime"_s);
        QVERIFY(QDir().mkpath(m_runtime));
        QVERIFY(QFile::setPermissions(m_runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                     | QFileDevice::ExeOwner));
        auto key = PackSigningKey::generate();
        QVERIFY(key.ok());
        m_key.emplace(key.value());
        QVERIFY(m_server.listen());
        m_settings = m_home.filePath(u"user.ini"_s);
        QFile ini(m_settings);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[bridge]\nport=0\n[packs]\nsourceUrl=" + m_server.baseUrl().toUtf8()
                  + "\npublicKeys=" + m_key->publicKey().toBase64() + "\n");
    }

    // Scenario: the source has no pack yet; the app runs on the built-in pack and says why.
    void firstFailureRunsOnTheBuiltInPack()
    {
        const QString log = runApp();
        QVERIFY2(log.contains(u"Running on the built-in pack because "_s) && log.contains(u"404"_s),
                 qPrintable(log));
    }

    // Scenario: a good pack is published: the app verifies, caches and runs on it.
    void goodPackIsUsed()
    {
        publish(u"1"_s);
        const QString log = runApp();
        QVERIFY2(log.contains(u"Running on the verified pack 1 (published 2026-11-02 09:00 UTC)"_s),
                 qPrintable(log));
        QVERIFY(QFile::exists(m_home.filePath(u"data/refundguard/packs/current.json"_s)));
    }

    // Scenario: the published rule pack is altered: the app keeps the last good pack and names
    // the altered file; then the source goes down and the last good pack is still used.
    void alteredPackAndOutageKeepTheLastGood()
    {
        publish(u"2"_s);
        m_server.files[u"rulepack.json"_s].replace("cashapp", "paypal!");
        QString log = runApp();
        QVERIFY2(log.contains(u"Running on the pack "_s) && log.contains(u"rulepack.json"_s)
                     && log.contains(u"does not match"_s),
                 qPrintable(log));
        m_server.close();
        log = runApp();
        QVERIFY2(log.contains(u"Running on the pack "_s) && log.contains(u"manifest.json"_s),
                 qPrintable(log));
    }

    // Scenario: a signed rule pack whose regex this matcher refuses (written for a newer one,
    // say): it is never cached or used, the app starts on the last good pack and says why, and
    // so again on the next start.
    void signedPackThatDoesNotLoadIsNotUsed()
    {
        m_server.close();
        QVERIFY(m_server.listen());
        QFile ini(m_settings);
        QVERIFY(ini.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ini.write("[bridge]\nport=0\n[packs]\nsourceUrl=" + m_server.baseUrl().toUtf8()
                  + "\npublicKeys=" + m_key->publicKey().toBase64() + "\n");
        ini.close();
        // An unbalanced group: valid JSON, a pattern RE2 refuses.
        const QByteArray broken = "{\"id\": \"site-pack\", \"version\": \"3\", \"format\": 1, "
                                  "\"rules\": [{\"id\": \"cash\", \"cue\": \"bribe\", \"weight\": "
                                  "0.6, \"patterns\": [{\"regex\": \"cash(app\"}]}]}";
        m_server.publish(*m_key, 3,
                         {{u"rulepack.json"_s, broken},
                          {u"01-authority-limit.json"_s,
                           sourceFile(u"resources/policies/01-authority-limit.json"_s)}});
        for (int start = 0; start < 2; ++start) {
            const QString log = runApp();
            QVERIFY2(log.contains(u"Running on the pack "_s)
                         && log.contains(u"invalid regular expression \"cash(app\""_s),
                     qPrintable(log));
        }
    }
};

QTEST_GUILESS_MAIN(TstAppPacks)
#include "tst_app_packs.moc"
