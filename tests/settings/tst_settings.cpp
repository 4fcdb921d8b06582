// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/databaseurl.h"
#include "settings/settings.h"
#include "testsupport.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using rg::settings::Key;
using rg::settings::KeyRename;
using rg::settings::Settings;
namespace registry = rg::settings::registry;

Q_DECLARE_METATYPE(rg::settings::Key)

class TestSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // A fresh pair of file paths per test; nothing is created until written.
    QString userPath() const { return m_dir.filePath(u"user%1.ini"_s.arg(m_counter)); }
    QString systemPath() const { return m_dir.filePath(u"system%1.conf"_s.arg(m_counter)); }

    // Writes an INI file from (stored name, raw INI value) lines.
    static void writeIni(const QString &path, const QList<std::pair<QString, QString>> &lines)
    {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
        for (const auto &[name, value] : lines)
            file.write((name + u'=' + value + u'\n').toUtf8());
    }
    static QString name(Key key) { return registry::keyString(key); }
    static bool warningNames(const Settings &s, const QString &file, const QString &what)
    {
        for (const QString &w : s.warnings()) {
            if (w.startsWith(file + u": "_s) && w.contains(what))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }
    void init() { ++m_counter; }

    void defaults()
    {
        const Settings s(userPath(), systemPath());
        QVERIFY2(s.warnings().isEmpty(), qPrintable(s.warnings().join(u'\n')));
        for (const Key key : registry::allKeys()) {
            QCOMPARE(s.value(key), registry::defaultValue(key));
            QVERIFY(!s.isLocked(key));
        }
        QCOMPARE(s.value(Key::BridgePort).toInt(), 47800);
        QCOMPARE(s.value(Key::StayOnTop).toBool(), false);
        QCOMPARE(s.value(Key::CaseServiceUrl).toString(), QString());
        QCOMPARE(s.value(Key::RulePackPath).toString(), QString());
        QCOMPARE(s.value(Key::BridgeAllowedOrigins).toStringList(), QStringList());

        const QString db = s.value(Key::AuditDatabaseUrl).toString();
        QVERIFY2(db.startsWith(u"sqlite:///"_s), qPrintable(db));
        const auto parsed = rg::audit::DatabaseUrl::parse(db);
        QVERIFY2(parsed.ok(), qPrintable(rg::test::errorOf(parsed)));
        const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY2(dataDir.contains(u".qttest"_s), qPrintable(dataDir)); // test mode is on
        QCOMPARE(parsed.value().path, dataDir + u"/audit.db"_s);
        QCOMPARE(Settings::defaultSystemPath(), u"/etc/refundguard/refundguard.conf"_s);
    }

    void userOverrides()
    {
        writeIni(userPath(), {{name(Key::CaseServiceUrl), u"https://cases.example.com/api"_s},
                              {name(Key::CaseServiceToken), u"tok-123"_s},
                              {name(Key::AuditDatabaseUrl), u"postgresql://rg:pw@db.example/audit"_s},
                              {name(Key::BridgePort), u"0"_s},
                              {name(Key::BridgeAllowedOrigins),
                               u"chrome-extension://abcdef, https://console.example.com:8443"_s},
                              {name(Key::RulePackPath), u"/opt/rules/pack.json"_s},
                              {name(Key::StayOnTop), u"true"_s}});
        const Settings s(userPath(), systemPath());
        QVERIFY2(s.warnings().isEmpty(), qPrintable(s.warnings().join(u'\n')));
        QCOMPARE(s.value(Key::CaseServiceUrl).toString(), u"https://cases.example.com/api"_s);
        QCOMPARE(s.value(Key::CaseServiceToken).toString(), u"tok-123"_s);
        QCOMPARE(s.value(Key::AuditDatabaseUrl).toString(), u"postgresql://rg:pw@db.example/audit"_s);
        QCOMPARE(s.value(Key::BridgePort), QVariant(0));
        QCOMPARE(s.value(Key::BridgeAllowedOrigins).toStringList(),
                 (QStringList{u"chrome-extension://abcdef"_s, u"https://console.example.com:8443"_s}));
        QCOMPARE(s.value(Key::RulePackPath).toString(), u"/opt/rules/pack.json"_s);
        QCOMPARE(s.value(Key::PoliciesPath).toString(), QString());
        QCOMPARE(s.value(Key::StayOnTop), QVariant(true));
        for (const Key key : registry::allKeys())
            QVERIFY(!s.isLocked(key));
    }

    void systemLocksBeatUser()
    {
        writeIni(userPath(), {{name(Key::CaseServiceUrl), u"https://mine.example"_s},
                              {name(Key::BridgePort), u"50000"_s}});
        writeIni(systemPath(), {{name(Key::CaseServiceUrl), u"https://central.example"_s},
                                {name(Key::BridgeAllowedOrigins), u"chrome-extension://corp"_s}});
        Settings s(userPath(), systemPath());
        QVERIFY2(s.warnings().isEmpty(), qPrintable(s.warnings().join(u'\n')));
        QCOMPARE(s.value(Key::CaseServiceUrl).toString(), u"https://central.example"_s);
        QVERIFY(s.isLocked(Key::CaseServiceUrl));
        QCOMPARE(s.value(Key::BridgeAllowedOrigins).toStringList(),
                 QStringList{u"chrome-extension://corp"_s});
        QVERIFY(s.isLocked(Key::BridgeAllowedOrigins));
        QCOMPARE(s.value(Key::BridgePort), QVariant(50000)); // not managed: the user's
        QVERIFY(!s.isLocked(Key::BridgePort));

        const auto refused = s.setValue(Key::CaseServiceUrl, u"https://other.example"_s);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(u"administrator"_s), qPrintable(refused.error()));
        QVERIFY2(refused.error().contains(systemPath()), qPrintable(refused.error()));
        // Not of the "<key>: <reason>" form: reason() leaves the whole message.
        QCOMPARE(registry::reason(Key::CaseServiceUrl, refused.error()), refused.error());
        QVERIFY(!s.reset(Key::CaseServiceUrl).ok());
        QVERIFY(s.setValue(Key::BridgePort, 50001).ok());
        const auto saved = s.save();
        QVERIFY2(saved.ok(), qPrintable(rg::test::errorOf(saved)));

        // The user's own value was neither replaced nor removed.
        const QSettings raw(userPath(), QSettings::IniFormat);
        QCOMPARE(raw.value(name(Key::CaseServiceUrl)).toString(), u"https://mine.example"_s);
        const Settings withoutSystem(userPath(), QString());
        QCOMPARE(withoutSystem.value(Key::CaseServiceUrl).toString(), u"https://mine.example"_s);
        QCOMPARE(withoutSystem.value(Key::BridgePort), QVariant(50001));
    }

    void systemFileProblems()
    {
        writeIni(userPath(), {{name(Key::BridgePort), u"50000"_s},
                              {name(Key::CaseServiceToken), u"users-token"_s}});
        writeIni(systemPath(), {{name(Key::BridgePort), u"80"_s},
                                {name(Key::CaseServiceToken), u"admin-token"_s},
                                {u"bridge/allowedOrigin"_s, u"https://typo.example"_s}});
        const Settings s(userPath(), systemPath());
        // Invalid managed value: locked at the default, with a warning naming file and key.
        QVERIFY2(warningNames(s, systemPath(), name(Key::BridgePort)),
                 qPrintable(s.warnings().join(u'\n')));
        QVERIFY(s.isLocked(Key::BridgePort));
        QCOMPARE(s.value(Key::BridgePort), QVariant(47800));
        // A per-user key in the system file is ignored, and never quoted.
        QVERIFY(warningNames(s, systemPath(), name(Key::CaseServiceToken)));
        QVERIFY(!s.isLocked(Key::CaseServiceToken));
        QCOMPARE(s.value(Key::CaseServiceToken).toString(), u"users-token"_s);
        // A typo is reported rather than silently ignored.
        QVERIFY(warningNames(s, systemPath(), u"bridge/allowedOrigin:"_s));
        QCOMPARE(s.warnings().size(), 3);
        QVERIFY(!s.warnings().join(u'\n').contains(u"admin-token"_s));
    }

    void invalidUserValues_data()
    {
        QTest::addColumn<Key>("key");
        QTest::addColumn<QString>("raw");
        QTest::newRow("url scheme") << Key::CaseServiceUrl << u"ftp://cases.example"_s;
        QTest::newRow("url no host") << Key::CaseServiceUrl << u"https://"_s;
        QTest::newRow("url credentials") << Key::CaseServiceUrl << u"https://u:p@cases.example"_s;
        QTest::newRow("token two lines") << Key::CaseServiceToken << u"s3cr3t\\nsecond"_s;
        QTest::newRow("database scheme") << Key::AuditDatabaseUrl << u"mysql://db/audit"_s;
        QTest::newRow("database no file") << Key::AuditDatabaseUrl << u"sqlite:"_s;
        QTest::newRow("port privileged") << Key::BridgePort << u"80"_s;
        QTest::newRow("port too big") << Key::BridgePort << u"70000"_s;
        QTest::newRow("port text") << Key::BridgePort << u"http"_s;
        QTest::newRow("origin with path") << Key::BridgeAllowedOrigins << u"https://a.example/x"_s;
        QTest::newRow("origin no scheme") << Key::BridgeAllowedOrigins << u"a.example, b"_s;
        QTest::newRow("rule pack relative") << Key::RulePackPath << u"rules/pack.json"_s;
        QTest::newRow("policies relative") << Key::PoliciesPath << u"policies"_s;
        QTest::newRow("bool") << Key::StayOnTop << u"maybe"_s;
        QTest::newRow("geometry text") << Key::WindowGeometry << u"not bytes"_s;
    }
    void invalidUserValues()
    {
        QFETCH(Key, key);
        QFETCH(QString, raw);
        const Key neighbour = key == Key::BridgePort ? Key::RulePackPath : Key::BridgePort;
        const QString neighbourValue = key == Key::BridgePort ? u"/opt/pack.json"_s : u"50000"_s;
        writeIni(userPath(), {{name(key), raw}, {name(neighbour), neighbourValue}});
        const Settings s(userPath(), systemPath());
        QCOMPARE(s.warnings().size(), 1);
        QVERIFY2(warningNames(s, userPath(), name(key) + u':'), qPrintable(s.warnings().first()));
        QCOMPARE(s.value(key), registry::defaultValue(key));
        QVERIFY(!s.warnings().first().contains(u"s3cr3t"_s));
        // The valid neighbour still applies.
        QCOMPARE(s.value(neighbour), registry::normalise(neighbour, neighbourValue).value());
    }

    void setValueValidation_data()
    {
        QTest::addColumn<Key>("key");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("url https") << Key::CaseServiceUrl << QVariant(u"https://c.example:8443/v1"_s) << true;
        QTest::newRow("url http") << Key::CaseServiceUrl << QVariant(u"http://127.0.0.1:8080"_s) << true;
        QTest::newRow("url empty") << Key::CaseServiceUrl << QVariant(QString()) << true;
        QTest::newRow("url file") << Key::CaseServiceUrl << QVariant(u"file:///etc/passwd"_s) << false;
        QTest::newRow("url garbage") << Key::CaseServiceUrl << QVariant(u"not a url"_s) << false;
        QTest::newRow("url int") << Key::CaseServiceUrl << QVariant(5) << false;
        QTest::newRow("token") << Key::CaseServiceToken << QVariant(u"abc.def"_s) << true;
        QTest::newRow("token newline") << Key::CaseServiceToken << QVariant(u"s3cr3t\nx"_s) << false;
        QTest::newRow("db sqlite") << Key::AuditDatabaseUrl << QVariant(u"sqlite:///var/lib/rg/a.db"_s) << true;
        QTest::newRow("db postgres") << Key::AuditDatabaseUrl << QVariant(u"postgresql://u:p@h:5433/d"_s) << true;
        QTest::newRow("db bad option") << Key::AuditDatabaseUrl << QVariant(u"postgresql://h/d?sslmode=x"_s) << false;
        QTest::newRow("db empty") << Key::AuditDatabaseUrl << QVariant(QString()) << false;
        QTest::newRow("port 0") << Key::BridgePort << QVariant(0) << true;
        QTest::newRow("port 1024") << Key::BridgePort << QVariant(1024) << true;
        QTest::newRow("port 65535") << Key::BridgePort << QVariant(65535) << true;
        QTest::newRow("port 1023") << Key::BridgePort << QVariant(1023) << false;
        QTest::newRow("port 65536") << Key::BridgePort << QVariant(65536) << false;
        QTest::newRow("port -1") << Key::BridgePort << QVariant(-1) << false;
        QTest::newRow("port bool") << Key::BridgePort << QVariant(true) << false;
        QTest::newRow("origins") << Key::BridgeAllowedOrigins
                                 << QVariant(QStringList{u"moz-extension://x"_s, u"http://localhost:3000"_s}) << true;
        QTest::newRow("origins empty") << Key::BridgeAllowedOrigins << QVariant(QStringList()) << true;
        QTest::newRow("origins query") << Key::BridgeAllowedOrigins << QVariant(QStringList{u"https://a?b=c"_s}) << false;
        QTest::newRow("origins int") << Key::BridgeAllowedOrigins << QVariant(3) << false;
        QTest::newRow("path absolute") << Key::PoliciesPath << QVariant(u"/srv/policies"_s) << true;
        QTest::newRow("path empty") << Key::RulePackPath << QVariant(QString()) << true;
        QTest::newRow("path relative") << Key::RulePackPath << QVariant(u"./pack.json"_s) << false;
        QTest::newRow("bool") << Key::StayOnTop << QVariant(true) << true;
        QTest::newRow("bool text") << Key::StayOnTop << QVariant(u"yes please"_s) << false;
        QTest::newRow("bytes") << Key::WindowGeometry << QVariant(QByteArray("\x01\x02", 2)) << true;
        QTest::newRow("bytes int") << Key::WindowGeometry << QVariant(7) << false;
        QTest::newRow("language") << Key::UiLanguage << QVariant(u"es"_s) << true;
        QTest::newRow("language upper case") << Key::UiLanguage << QVariant(u"DE"_s) << true;
        QTest::newRow("language system") << Key::UiLanguage << QVariant(QString()) << true;
        QTest::newRow("language unknown") << Key::UiLanguage << QVariant(u"fr"_s) << false;
        QTest::newRow("language int") << Key::UiLanguage << QVariant(1) << false;
        QTest::newRow("public keys") << Key::PackPublicKeys
                                     << QVariant(u"O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik="_s)
                                     << true;
        QTest::newRow("public keys short") << Key::PackPublicKeys << QVariant(u"c2hvcnQ="_s) << false;
        QTest::newRow("public keys not base64") << Key::PackPublicKeys << QVariant(u"no key!"_s)
                                                << false;
    }
    void setValueValidation()
    {
        QFETCH(Key, key);
        QFETCH(QVariant, value);
        QFETCH(bool, valid);
        Settings s(userPath(), systemPath());
        const auto result = s.setValue(key, value);
        QCOMPARE(result.ok(), valid);
        QVERIFY(s.save().ok());
        const Settings reread(userPath(), systemPath());
        QVERIFY2(reread.warnings().isEmpty(), qPrintable(reread.warnings().join(u'\n')));
        if (valid) {
            QCOMPARE(s.value(key), registry::normalise(key, value).value());
            QCOMPARE(reread.value(key), s.value(key));
        } else {
            QVERIFY2(result.error().startsWith(name(key) + u':'), qPrintable(result.error()));
            // reason() gives the rest, for a UI that names the field its own way.
            const QString why = registry::reason(key, result.error());
            QVERIFY(!why.isEmpty());
            QCOMPARE(name(key) + u": "_s + why, result.error());
            QVERIFY(!result.error().contains(u"s3cr3t"_s));
            QCOMPARE(s.value(key), registry::defaultValue(key));
            // Nothing was written.
            QVERIFY(!QSettings(userPath(), QSettings::IniFormat).contains(name(key)));
        }
    }

    void roundTrip()
    {
        const QHash<Key, QVariant> values{
            {Key::CaseServiceUrl, u"https://cases.example/api"_s},
            {Key::CaseServiceToken, u"t0ken with spaces, and = signs"_s},
            {Key::AuditDatabaseUrl, u"sqlite:///tmp/some dir/a.db"_s},
            {Key::BridgePort, 1024},
            {Key::BridgeAllowedOrigins, QStringList{u"chrome-extension://one"_s}},
            {Key::RulePackPath, u"/opt/rg/rules.json"_s},
            {Key::PoliciesPath, u"/opt/rg/policies"_s},
            {Key::StayOnTop, true},
            {Key::WindowGeometry, QByteArray("\x00\xff geometry", 11)},
            {Key::ReviewWindowGeometry, QByteArray("\x01 review", 8)},
            {Key::ReviewSavedFilters, QByteArray(R"({"night":{"agent":"a-1"}})")},
            {Key::TrainingDatabaseUrl, u"postgresql://trainer@db.example/training"_s},
            {Key::UiLanguage, u"de"_s},
            {Key::PackSourceUrl, u"https://packs.example/refundguard/"_s},
            {Key::PackPublicKeys, QStringList{u"O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik="_s}},
        };
        QCOMPARE(values.size(), registry::allKeys().size());
        {
            Settings s(userPath(), systemPath());
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                const auto set = s.setValue(it.key(), it.value());
                QVERIFY2(set.ok(), qPrintable(rg::test::errorOf(set)));
            }
            const auto saved = s.save();
            QVERIFY2(saved.ok(), qPrintable(rg::test::errorOf(saved)));
        }
        // Owner-only: it holds the token.
        const QFileDevice::Permissions perms = QFile::permissions(userPath());
        QVERIFY(perms.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(int(perms & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                              | QFileDevice::ReadOther | QFileDevice::WriteOther
                              | QFileDevice::ExeOther)),
                 0);
        Settings again(userPath(), systemPath());
        QVERIFY2(again.warnings().isEmpty(), qPrintable(again.warnings().join(u'\n')));
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            QCOMPARE(again.value(it.key()), it.value());

        // Lists of two and of none survive too, and reset() brings the default back.
        QVERIFY(again.setValue(Key::BridgeAllowedOrigins,
                               QStringList{u"https://a.example"_s, u"https://b.example"_s}).ok());
        QVERIFY(again.reset(Key::BridgePort).ok());
        QVERIFY(again.save().ok());
        {
            const Settings third(userPath(), systemPath());
            QCOMPARE(third.value(Key::BridgeAllowedOrigins).toStringList(),
                     (QStringList{u"https://a.example"_s, u"https://b.example"_s}));
            QCOMPARE(third.value(Key::BridgePort), QVariant(47800));
        }
        QVERIFY(again.setValue(Key::BridgeAllowedOrigins, QStringList()).ok());
        QVERIFY(again.save().ok());
        const Settings fourth(userPath(), systemPath());
        QVERIFY2(fourth.warnings().isEmpty(), qPrintable(fourth.warnings().join(u'\n')));
        QCOMPARE(fourth.value(Key::BridgeAllowedOrigins).toStringList(), QStringList());
    }

    void saveFailureIsReported()
    {
        // The user file's folder cannot exist: its parent is a regular file.
        const QString blocker = m_dir.filePath(u"blocker%1"_s.arg(m_counter));
        writeIni(blocker, {});
        Settings s(blocker + u"/sub/user.ini"_s, systemPath());
        QVERIFY(s.setValue(Key::StayOnTop, true).ok());
        const auto saved = s.save();
        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().contains(blocker), qPrintable(saved.error()));
    }

    void migration()
    {
        const QList<KeyRename> renames{{u"legacy/caseUrl"_s, Key::CaseServiceUrl},
                                       {u"legacy/port"_s, Key::BridgePort},
                                       {u"legacy/onTop"_s, Key::StayOnTop}};
        writeIni(userPath(), {{u"legacy/caseUrl"_s, u"https://old.example"_s},
                              {u"legacy/port"_s, u"50000"_s},
                              {name(Key::BridgePort), u"50001"_s}}); // the new name wins
        writeIni(systemPath(), {{u"legacy/onTop"_s, u"true"_s}});
        {
            Settings s(userPath(), systemPath(), renames);
            QVERIFY2(s.warnings().isEmpty(), qPrintable(s.warnings().join(u'\n')));
            QCOMPARE(s.value(Key::CaseServiceUrl).toString(), u"https://old.example"_s);
            QCOMPARE(s.value(Key::BridgePort), QVariant(50001));
            // The administrator's file is read through the renames as well.
            QVERIFY(s.isLocked(Key::StayOnTop));
            QCOMPARE(s.value(Key::StayOnTop), QVariant(true));
            QCOMPARE(s.migrate(), QStringList()); // already done by the constructor
            QVERIFY(s.save().ok());
        }
        const QSettings raw(userPath(), QSettings::IniFormat);
        QVERIFY(!raw.contains(u"legacy/caseUrl"_s));
        QVERIFY(!raw.contains(u"legacy/port"_s));
        // Without the rename table the value is now found under its new name.
        const Settings later(userPath(), QString(), {});
        QCOMPARE(later.value(Key::CaseServiceUrl).toString(), u"https://old.example"_s);
        QCOMPARE(later.value(Key::BridgePort), QVariant(50001));
    }

    void registryIsConsistent()
    {
        QSet<QString> names;
        for (const Key key : registry::allKeys()) {
            const QString stored = registry::keyString(key);
            QVERIFY2(!names.contains(stored), qPrintable(stored));
            names.insert(stored);
            QCOMPARE(registry::keyFromString(stored), std::optional<Key>(key));
            // Every default passes its own validation unchanged.
            const auto checked = registry::normalise(key, registry::defaultValue(key));
            QVERIFY2(checked.ok(), qPrintable(rg::test::errorOf(checked)));
            QCOMPARE(checked.value(), registry::defaultValue(key));
        }
        QCOMPARE(names.size(), 15);
        QCOMPARE(registry::scope(Key::PackSourceUrl), rg::settings::Scope::Managed);
        QCOMPARE(registry::scope(Key::PackPublicKeys), rg::settings::Scope::Managed);
        QCOMPARE(registry::scope(Key::TrainingDatabaseUrl), rg::settings::Scope::Managed);
        QVERIFY(registry::defaultValue(Key::TrainingDatabaseUrl).toString().endsWith(u"/training.db"_s));
        QCOMPARE(registry::scope(Key::CaseServiceToken), rg::settings::Scope::UserOnly);
        QCOMPARE(registry::scope(Key::AuditDatabaseUrl), rg::settings::Scope::Managed);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
