// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "log/log.h"
#include "review/passphrase.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sodium.h>
#include <spdlog/sinks/ostream_sink.h>

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <sstream>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using rg::review::SupervisorGate;
using rg::test::errorOf;

namespace {

// Argon2id at its minimum cost: the tests are about the gate, not about Argon2id's strength.
const SupervisorGate::HashCost kFastCost{crypto_pwhash_argon2id_OPSLIMIT_MIN,
                                         crypto_pwhash_argon2id_MEMLIMIT_MIN};
const QString kPassphrase = u"correct horse battery staple"_s;
const QString kWrong = u"incorrect horse battery staple"_s;
const QByteArray kHeader = "refundguard-supervisor-passphrase v1\n"_ba;

int modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 07777);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content, int mode = 0600)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(content) != content.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) == 0;
}

// The v1 file for an Argon2id string, spelled out here rather than by the code under test.
QByteArray hashFileText(const QByteArray &hashString)
{
    std::array<unsigned char, 32> digest;
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char *>(hashString.constData()),
                       static_cast<unsigned long long>(hashString.size()), nullptr, 0);
    const QByteArray checksum
        = QByteArray(reinterpret_cast<const char *>(digest.data()), qsizetype(digest.size()))
              .toHex();
    return kHeader + hashString + "\nblake2b-256:"_ba + checksum + '\n';
}

QByteArray argon2Hash(const QString &passphrase, const SupervisorGate::HashCost &cost)
{
    std::array<char, crypto_pwhash_STRBYTES> out;
    const QByteArray bytes = passphrase.toUtf8();
    if (crypto_pwhash_argon2id_str(out.data(), bytes.constData(),
                                   static_cast<unsigned long long>(bytes.size()), cost.opsLimit,
                                   cost.memLimit)
        != 0)
        return {};
    return QByteArray(out.data());
}

} // namespace

class TstPassphrase : public QObject
{
    Q_OBJECT

private:
    std::optional<QTemporaryDir> m_dir;
    QDateTime m_now;

    QString hashPath() const { return m_dir->filePath(u"supervisor/passphrase.hash"_s); }
    // A gate on this test's file and clock, as a fresh process would make it.
    SupervisorGate gate(SupervisorGate::HashCost cost = kFastCost)
    {
        return SupervisorGate(hashPath(), [this] { return m_now; }, cost);
    }
    void advance(std::chrono::milliseconds by) { m_now = m_now.addMSecs(by.count()); }
    int recordedFailures() const
    {
        return QJsonDocument::fromJson(contents(hashPath() + u".attempts"_s))
            .object()
            .value(u"failures"_s)
            .toInt(0);
    }

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void setOnFirstUse();
    void refusesWeakOrMismatched_data();
    void refusesWeakOrMismatched();
    void twelveCharactersAreEnough();
    void alreadySetIsRefused();
    void verifyRightAndWrong();
    void sameCharactersTypedDifferently();
    void verifyWithoutPassphrase();
    void delaySchedule_data();
    void delaySchedule();
    void lockoutTiming();
    void lockoutSurvivesRestart();
    void failuresAreLoggedWithoutThePassphrase();
    void clockSetBackDoesNotLengthenTheWait();
    void filesAreOwnerOnly();
    void looseModeIsRefused();
    void tamperedHashIsRefused_data();
    void tamperedHashIsRefused();
    void damagedAttemptsRecordIsRefused();
    void staleAttemptsAreDroppedOnSet();
    void defaultCostRoundTrip();
    void defaultPath();
};

void TstPassphrase::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TstPassphrase::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_now = QDateTime(QDate(2026, 11, 26), QTime(9, 0), QTimeZone::utc());
}

void TstPassphrase::cleanup()
{
    m_dir.reset();
}

// Scenario: a supervisor opens the review for the first time and sets a passphrase; the file
// holds its Argon2id hash, never the passphrase, and the passphrase opens the gate.
void TstPassphrase::setOnFirstUse()
{
    SupervisorGate first = gate();
    QVERIFY(!first.isSet());
    const rg::Result<bool> set = first.setPassphrase(kPassphrase, kPassphrase);
    QVERIFY2(set.ok(), qPrintable(errorOf(set)));
    QVERIFY(first.isSet());

    const QByteArray text = contents(hashPath());
    QVERIFY(text.startsWith(kHeader + "$argon2id$"_ba));
    QVERIFY(!text.contains(kPassphrase.toUtf8()));
    const QList<QByteArray> lines = text.split('\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(2).startsWith("blake2b-256:"));
    QCOMPARE(text, hashFileText(lines.at(1))); // the layout the format documents

    const rg::Result<bool> verified = first.verify(kPassphrase);
    QVERIFY2(verified.ok(), qPrintable(errorOf(verified)));
    QVERIFY(verified.value());
    QVERIFY(!QFileInfo::exists(first.attemptsPath()));
}

void TstPassphrase::refusesWeakOrMismatched_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("confirmation");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString() << QString() << u"at least 12 characters"_s;
    QTest::newRow("eleven characters")
        << u"abcdefghijk"_s << u"abcdefghijk"_s << u"at least 12 characters"_s;
    // 22 UTF-8 bytes, but eleven characters.
    QTest::newRow("eleven accented characters")
        << u"ééééééééééé"_s << u"ééééééééééé"_s << u"at least 12 characters"_s;
    QTest::newRow("confirmation differs") << kPassphrase << kWrong << u"differ"_s;
    QTest::newRow("confirmation empty") << kPassphrase << QString() << u"differ"_s;
}

// Scenario: the first-use passphrase is too short or mistyped in the confirmation; nothing is
// stored, so the supervisor can try again.
void TstPassphrase::refusesWeakOrMismatched()
{
    QFETCH(QString, passphrase);
    QFETCH(QString, confirmation);
    QFETCH(QString, reason);
    SupervisorGate g = gate();
    const rg::Result<bool> set = g.setPassphrase(passphrase, confirmation);
    QVERIFY(!set.ok());
    QVERIFY2(set.error().contains(reason), qPrintable(set.error()));
    QVERIFY(!g.isSet());
    QVERIFY(!QFileInfo::exists(hashPath()));
}

// Scenario: exactly the minimum length, in characters that take several bytes each, is accepted.
void TstPassphrase::twelveCharactersAreEnough()
{
    const QString twelve = u"ééééééééééé!"_s;
    QCOMPARE(twelve.size(), SupervisorGate::kMinimumLength);
    SupervisorGate g = gate();
    const rg::Result<bool> set = g.setPassphrase(twelve, twelve);
    QVERIFY2(set.ok(), qPrintable(errorOf(set)));
    const rg::Result<bool> verified = g.verify(twelve);
    QVERIFY2(verified.ok() && verified.value(), qPrintable(errorOf(verified)));
}

// Scenario: someone at the keyboard tries to set a new passphrase over the supervisor's, in the
// same process and in a new one; both are refused and the old passphrase still works.
void TstPassphrase::alreadySetIsRefused()
{
    QVERIFY(gate().setPassphrase(kPassphrase, kPassphrase).ok());
    const QByteArray before = contents(hashPath());
    for (SupervisorGate g : {gate(), gate()}) {
        const rg::Result<bool> again = g.setPassphrase(kWrong, kWrong);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().contains(u"already set"_s), qPrintable(again.error()));
    }
    QCOMPARE(contents(hashPath()), before);
    const rg::Result<bool> verified = gate().verify(kPassphrase);
    QVERIFY2(verified.ok() && verified.value(), qPrintable(errorOf(verified)));
}

// Scenario: a wrong passphrase is a plain "no" that is counted; the right one is a "yes" that
// forgives the count.
void TstPassphrase::verifyRightAndWrong()
{
    SupervisorGate g = gate();
    QVERIFY(g.setPassphrase(kPassphrase, kPassphrase).ok());

    for (const QString &wrong : {kWrong, kPassphrase.toUpper(), kPassphrase + u' ', QString()}) {
        const rg::Result<bool> verified = g.verify(wrong);
        QVERIFY2(verified.ok(), qPrintable(errorOf(verified)));
        QVERIFY(!verified.value());
        advance(10min); // past any delay: this test is about the answers
    }
    QCOMPARE(recordedFailures(), 4);

    const rg::Result<bool> right = g.verify(kPassphrase);
    QVERIFY2(right.ok(), qPrintable(errorOf(right)));
    QVERIFY(right.value());
    QVERIFY(!QFileInfo::exists(g.attemptsPath()));
}

// Scenario: the passphrase was set with a precomposed "ü" and is typed with "u" plus a combining
// diaeresis (another keyboard or input method); it is the same passphrase.
void TstPassphrase::sameCharactersTypedDifferently()
{
    const QString precomposed = u"Grüße aus Köln 2026"_s;
    const QString decomposed = precomposed.normalized(QString::NormalizationForm_D);
    QVERIFY(decomposed != precomposed);
    SupervisorGate g = gate();
    QVERIFY(g.setPassphrase(precomposed, decomposed).ok());
    const rg::Result<bool> verified = g.verify(decomposed);
    QVERIFY2(verified.ok() && verified.value(), qPrintable(errorOf(verified)));
}

// Scenario: the review is asked to check a passphrase before one was set: an error, not a "no"
// that would count as a failure.
void TstPassphrase::verifyWithoutPassphrase()
{
    const rg::Result<bool> verified = gate().verify(kPassphrase);
    QVERIFY(!verified.ok());
    QVERIFY2(verified.error().contains(u"no supervisor passphrase is set"_s),
             qPrintable(verified.error()));
    QVERIFY(!QFileInfo::exists(hashPath() + u".attempts"_s));
}

void TstPassphrase::delaySchedule_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<int>("seconds");
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("first slip") << 1 << 0;
    QTest::newRow("second slip") << 2 << 0;
    QTest::newRow("third") << 3 << 1;
    QTest::newRow("fourth") << 4 << 2;
    QTest::newRow("fifth") << 5 << 4;
    QTest::newRow("eleventh") << 11 << 256;
    QTest::newRow("twelfth, capped") << 12 << 300;
    QTest::newRow("far beyond") << 1'000'000 << 300;
}

// Scenario: three slips are free, then the wait doubles from one second up to five minutes.
void TstPassphrase::delaySchedule()
{
    QFETCH(int, failures);
    QFETCH(int, seconds);
    QCOMPARE(SupervisorGate::delayAfter(failures).count(), seconds);
}

// Scenario: someone guesses. After the third failure each attempt within the delay is refused
// unchecked (even the right passphrase) and is not counted; after the delay the next guess is
// checked, and a success resets the count so the supervisor's next slip is free again.
void TstPassphrase::lockoutTiming()
{
    SupervisorGate g = gate();
    QVERIFY(g.setPassphrase(kPassphrase, kPassphrase).ok());

    for (int i = 1; i <= 3; ++i) {
        const rg::Result<bool> verified = g.verify(kWrong);
        QVERIFY2(verified.ok() && !verified.value(), qPrintable(errorOf(verified)));
    }
    QCOMPARE(g.lockoutRemaining().value(), 1s);

    const rg::Result<bool> locked = g.verify(kPassphrase);
    QVERIFY(!locked.ok());
    QVERIFY2(locked.error().contains(u"try again in 1 s"_s), qPrintable(locked.error()));
    QCOMPARE(recordedFailures(), 3);

    advance(999ms);
    QCOMPARE(g.lockoutRemaining().value(), 1s); // rounded up: never says 0 while refusing
    QVERIFY(!g.verify(kPassphrase).ok());
    advance(1ms);
    QCOMPARE(g.lockoutRemaining().value(), 0s);
    const rg::Result<bool> fourth = g.verify(kWrong);
    QVERIFY2(fourth.ok() && !fourth.value(), qPrintable(errorOf(fourth)));
    QCOMPARE(recordedFailures(), 4);
    QCOMPARE(g.lockoutRemaining().value(), 2s);

    advance(1s);
    const rg::Result<bool> stillLocked = g.verify(kPassphrase);
    QVERIFY(!stillLocked.ok());
    QVERIFY2(stillLocked.error().contains(u"try again in 1 s"_s), qPrintable(stillLocked.error()));
    advance(1s);
    const rg::Result<bool> right = g.verify(kPassphrase);
    QVERIFY2(right.ok() && right.value(), qPrintable(errorOf(right)));
    QCOMPARE(g.lockoutRemaining().value(), 0s);

    const rg::Result<bool> slip = g.verify(kWrong);
    QVERIFY2(slip.ok() && !slip.value(), qPrintable(errorOf(slip)));
    QCOMPARE(recordedFailures(), 1);
    QCOMPARE(g.lockoutRemaining().value(), 0s);
}

// Scenario: the guesser restarts Refund Guard to escape the delay; the new process reads the
// count and the time of the last failure and keeps refusing.
void TstPassphrase::lockoutSurvivesRestart()
{
    QVERIFY(gate().setPassphrase(kPassphrase, kPassphrase).ok());
    for (int failures = 1; failures <= 5; ++failures) {
        QVERIFY(!gate().verify(kWrong).value());
        if (failures < 5)
            advance(SupervisorGate::delayAfter(failures));
    }
    // The fifth failure started a 4 s wait, of which 1 s passes.
    advance(1s);
    const SupervisorGate restarted = gate();
    QCOMPARE(restarted.lockoutRemaining().value(), 3s);
    SupervisorGate again = gate();
    const rg::Result<bool> refused = again.verify(kPassphrase);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(u"try again in 3 s"_s), qPrintable(refused.error()));
    advance(3s);
    const rg::Result<bool> right = gate().verify(kPassphrase);
    QVERIFY2(right.ok() && right.value(), qPrintable(errorOf(right)));
}

// Scenario: a guesser runs into the delay. The "review" log has a line for every failure, for
// the lockout and for each attempt refused during it, and none of them holds what was typed.
void TstPassphrase::failuresAreLoggedWithoutThePassphrase()
{
    std::ostringstream captured;
    const auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
    const auto logger = rg::log::get("review");
    const auto previousLevel = logger->level();
    logger->set_level(spdlog::level::info);
    logger->sinks().push_back(sink);
    const auto detach = qScopeGuard([&] {
        std::erase(logger->sinks(), sink);
        logger->set_level(previousLevel);
    });

    SupervisorGate g = gate();
    QVERIFY(g.setPassphrase(kPassphrase, kPassphrase).ok());
    for (int i = 0; i < 3; ++i)
        QVERIFY(!g.verify(kWrong).value());
    QVERIFY(!g.verify(kPassphrase).ok());
    advance(1s);
    QVERIFY(g.verify(kPassphrase).value());

    const QString log = QString::fromStdString(captured.str());
    for (int failures = 1; failures <= 3; ++failures) {
        QVERIFY2(log.contains(
                     u"wrong supervisor passphrase; failed attempts in a row: %1"_s.arg(failures)),
                 qPrintable(log));
    }
    QVERIFY2(log.contains(u"locked for 1 s after 3 failed attempts"_s), qPrintable(log));
    QVERIFY2(log.contains(u"attempt refused unchecked"_s), qPrintable(log));
    QVERIFY2(log.contains(u"supervisor passphrase accepted"_s), qPrintable(log));
    QVERIFY2(!log.contains(u"horse"_s), qPrintable(log));
}

// Scenario: the system clock is set back after a failure; the wait stays at most the delay
// instead of growing by however far the clock went back.
void TstPassphrase::clockSetBackDoesNotLengthenTheWait()
{
    SupervisorGate g = gate();
    QVERIFY(g.setPassphrase(kPassphrase, kPassphrase).ok());
    for (int i = 0; i < 4; ++i) {
        QVERIFY(!g.verify(kWrong).value());
        advance(SupervisorGate::delayAfter(i + 1));
    }
    advance(-std::chrono::hours(24));
    QCOMPARE(g.lockoutRemaining().value(), SupervisorGate::delayAfter(4));
}

// Scenario: both files are created owner-only, as is the folder made for them.
void TstPassphrase::filesAreOwnerOnly()
{
    SupervisorGate g = gate();
    QVERIFY(g.setPassphrase(kPassphrase, kPassphrase).ok());
    QCOMPARE(modeOf(hashPath()), 0600);
    QCOMPARE(modeOf(QFileInfo(hashPath()).path()), 0700);
    QVERIFY(!g.verify(kWrong).value());
    QCOMPARE(modeOf(g.attemptsPath()), 0600);
    QVERIFY(!g.verify(kWrong).value()); // replaced, still owner-only
    QCOMPARE(modeOf(g.attemptsPath()), 0600);
    // No temporary files left behind.
    QCOMPARE(QDir(QFileInfo(hashPath()).path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

// Scenario: someone loosened the files' modes; the gate refuses to use them and says how to fix.
void TstPassphrase::looseModeIsRefused()
{
    SupervisorGate g = gate();
    QVERIFY(g.setPassphrase(kPassphrase, kPassphrase).ok());
    QVERIFY(::chmod(QFile::encodeName(hashPath()).constData(), 0644) == 0);
    const rg::Result<bool> hashLoose = g.verify(kPassphrase);
    QVERIFY(!hashLoose.ok());
    QVERIFY2(hashLoose.error().contains(u"chmod 600"_s), qPrintable(hashLoose.error()));

    QVERIFY(::chmod(QFile::encodeName(hashPath()).constData(), 0600) == 0);
    QVERIFY(!g.verify(kWrong).value());
    QVERIFY(::chmod(QFile::encodeName(g.attemptsPath()).constData(), 0666) == 0);
    const rg::Result<bool> attemptsLoose = g.verify(kPassphrase);
    QVERIFY(!attemptsLoose.ok());
    QVERIFY2(attemptsLoose.error().contains(u"chmod 600"_s), qPrintable(attemptsLoose.error()));
    QVERIFY(!g.lockoutRemaining().ok());
}

void TstPassphrase::tamperedHashIsRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << u"empty"_s << u"first line"_s;
    QTest::newRow("other header") << u"header"_s << u"first line"_s;
    QTest::newRow("one hash character changed") << u"flip"_s << u"checksum"_s;
    QTest::newRow("checksum line missing") << u"no checksum"_s << u"hash line and the checksum"_s;
    QTest::newRow("line appended") << u"appended"_s << u"hash line and the checksum"_s;
    QTest::newRow("no final newline") << u"truncated"_s << u"hash line and the checksum"_s;
    QTest::newRow("cheaper hash, checksum redone") << u"cheaper"_s << u"parameters"_s;
    QTest::newRow("argon2i, checksum redone") << u"argon2i"_s << u"not an Argon2id hash"_s;
    QTest::newRow("garbled, checksum redone") << u"garbled"_s << u"not a valid Argon2id hash"_s;
}

// Scenario: the hash file was damaged or edited. The right passphrase does not open the gate,
// the error says the file is damaged, and the first-use form cannot replace it either.
void TstPassphrase::tamperedHashIsRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    // Made at a higher cost than the gate under test uses, so that "cheaper" can go below it.
    const SupervisorGate::HashCost cost{kFastCost.opsLimit + 1, kFastCost.memLimit * 2};
    QVERIFY(gate(cost).setPassphrase(kPassphrase, kPassphrase).ok());
    const QByteArray original = contents(hashPath());
    const QByteArray hashString = original.split('\n').at(1);

    QByteArray text;
    if (kind == u"empty") {
        text = QByteArray();
    } else if (kind == u"header") {
        text = "refundguard-supervisor-passphrase v2\n"_ba + original.mid(kHeader.size());
    } else if (kind == u"flip") {
        text = original;
        const qsizetype at = kHeader.size() + hashString.size() - 3;
        text[at] = text.at(at) == 'A' ? 'B' : 'A';
    } else if (kind == u"no checksum") {
        text = kHeader + hashString + '\n';
    } else if (kind == u"appended") {
        text = original + "extra\n";
    } else if (kind == u"truncated") {
        text = original.chopped(1);
    } else if (kind == u"cheaper") {
        text = hashFileText(argon2Hash(kPassphrase, kFastCost));
    } else if (kind == u"argon2i") {
        text = hashFileText(QByteArray(hashString).replace("$argon2id$", "$argon2i$"));
    } else if (kind == u"garbled") {
        text = hashFileText(QByteArray(hashString).replace("$v=19$", "$v=19,x$"));
    }
    QVERIFY(writeFile(hashPath(), text));

    SupervisorGate g = gate(cost);
    QVERIFY(g.isSet());
    const rg::Result<bool> verified = g.verify(kPassphrase);
    QVERIFY(!verified.ok());
    QVERIFY2(verified.error().contains(u"damaged"_s), qPrintable(verified.error()));
    QVERIFY2(verified.error().contains(reason), qPrintable(verified.error()));
    QVERIFY(!g.setPassphrase(kPassphrase, kPassphrase).ok());
    QCOMPARE(contents(hashPath()), text);
}

// Scenario: the failed-attempts record was edited to something unreadable; the gate does not
// fall back to "no failures" but refuses to check.
void TstPassphrase::damagedAttemptsRecordIsRefused()
{
    SupervisorGate g = gate();
    QVERIFY(g.setPassphrase(kPassphrase, kPassphrase).ok());
    for (const QByteArray &damaged :
         {"not json"_ba, "[]"_ba, R"({"failures":0,"lastFailure":"2026-11-26T09:00:00.000Z"})"_ba,
          R"({"failures":2.5,"lastFailure":"2026-11-26T09:00:00.000Z"})"_ba,
          R"({"failures":"7","lastFailure":"2026-11-26T09:00:00.000Z"})"_ba,
          R"({"failures":4,"lastFailure":"yesterday"})"_ba}) {
        QVERIFY(writeFile(g.attemptsPath(), damaged));
        const rg::Result<bool> verified = g.verify(kPassphrase);
        QVERIFY2(!verified.ok(), damaged.constData());
        QVERIFY2(verified.error().contains(u"damaged"_s), qPrintable(verified.error()));
        QVERIFY(!g.lockoutRemaining().ok());
    }
}

// Scenario: the hash was removed but a record of failures against it stayed; the new passphrase
// starts without a delay.
void TstPassphrase::staleAttemptsAreDroppedOnSet()
{
    QVERIFY(QDir().mkpath(QFileInfo(hashPath()).path()));
    QVERIFY(writeFile(hashPath() + u".attempts"_s,
                      R"({"failures":9,"lastFailure":"2026-11-26T09:00:00.000Z"})"_ba));
    SupervisorGate g = gate();
    QCOMPARE(g.lockoutRemaining().value(), 64s);
    QVERIFY(g.setPassphrase(kPassphrase, kPassphrase).ok());
    QVERIFY(!QFileInfo::exists(g.attemptsPath()));
    QCOMPARE(g.lockoutRemaining().value(), 0s);
}

// Scenario: the installation's real cost (slow on purpose, so run once) round-trips, and a gate
// expecting another cost refuses the file instead of accepting cheaper or foreign parameters.
void TstPassphrase::defaultCostRoundTrip()
{
    SupervisorGate production(hashPath(), {}, SupervisorGate::defaultCost());
    QVERIFY(production.setPassphrase(kPassphrase, kPassphrase).ok());
    QVERIFY(contents(hashPath()).contains("$m=262144,t=3,p=1$"));
    const rg::Result<bool> verified = production.verify(kPassphrase);
    QVERIFY2(verified.ok() && verified.value(), qPrintable(errorOf(verified)));

    const rg::Result<bool> other = gate().verify(kPassphrase);
    QVERIFY(!other.ok());
    QVERIFY2(other.error().contains(u"parameters"_s), qPrintable(other.error()));
}

// Scenario: without an override the hash lives in the application data folder; the environment
// variable moves it, and the attempts record follows it.
void TstPassphrase::defaultPath()
{
    qunsetenv("RG_SUPERVISOR_PASSPHRASE_FILE");
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QCOMPARE(SupervisorGate::defaultPath(), dataDir + u"/supervisor-passphrase.hash"_s);
    qputenv("RG_SUPERVISOR_PASSPHRASE_FILE", QFile::encodeName(hashPath()));
    const SupervisorGate g;
    QCOMPARE(g.hashPath(), hashPath());
    QCOMPARE(g.attemptsPath(), hashPath() + u".attempts"_s);
    qunsetenv("RG_SUPERVISOR_PASSPHRASE_FILE");
}

QTEST_GUILESS_MAIN(TstPassphrase)

#include "tst_passphrase.moc"
