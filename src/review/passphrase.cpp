// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/passphrase.h"

#include "log/log.h"
#include "model/secretfile.h"
#include "model/sodium.h"

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRandomGenerator>
#include <QScopeGuard>

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

namespace rg::review {

using namespace Qt::StringLiterals;

namespace {

constexpr char kHeader[] = "refundguard-supervisor-passphrase v1\n";
constexpr qsizetype kHeaderSize = sizeof(kHeader) - 1;
constexpr char kChecksumPrefix[] = "blake2b-256:";
constexpr qsizetype kChecksumPrefixSize = sizeof(kChecksumPrefix) - 1;
constexpr std::size_t kChecksumBytes = 32;
// A v1 hash file is about 200 bytes and an attempts file about 60; reading more would only
// spread whatever a foreign file holds over memory.
constexpr std::size_t kMaxHashFileSize = 1024;
constexpr std::size_t kMaxAttemptsFileSize = 1024;
// Far beyond what anyone types; it only keeps a damaged count from overflowing the delay.
constexpr int kMaxRecordedFailures = 1'000'000;

// What errors call the two files.
QString hashName()
{
    return u"supervisor passphrase hash"_s;
}

QString attemptsName()
{
    return u"record of failed supervisor passphrase attempts"_s;
}

auto logger()
{
    return rg::log::get("review");
}

Error sodiumUnavailable()
{
    return Error{u"cannot initialise libsodium, so the supervisor passphrase cannot be used"_s};
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), static_cast<std::size_t>(bytes.size()));
}

void wipe(QString &text)
{
    if (!text.isEmpty())
        sodium_memzero(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
}

// The UTF-8 bytes that are hashed: NFC, so that the same characters typed through another input
// method (a precomposed "ü" or "u" plus a combining diaeresis) still match. The caller wipes them.
QByteArray passphraseBytes(const QString &passphrase)
{
    QString normalised = passphrase.normalized(QString::NormalizationForm_C);
    QByteArray bytes = normalised.toUtf8();
    wipe(normalised);
    return bytes;
}

// Characters (code points) in UTF-8 \a bytes: every byte that does not continue a sequence.
int characterCount(const QByteArray &bytes)
{
    int count = 0;
    for (const char byte : bytes) {
        if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

// Catches a damaged or hand-edited hash line with a clear error, where verifying it would only
// call every passphrase wrong. It is no defence against someone who can write the file: they can
// as well write a whole new one.
QByteArray checksumOf(const QByteArray &hashString)
{
    std::array<unsigned char, kChecksumBytes> digest;
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char *>(hashString.constData()),
                       static_cast<unsigned long long>(hashString.size()), nullptr, 0);
    return QByteArray(reinterpret_cast<const char *>(digest.data()), qsizetype(digest.size()))
        .toHex();
}

QByteArray hashFileText(const QByteArray &hashString)
{
    return kHeader + hashString + '\n' + kChecksumPrefix + checksumOf(hashString) + '\n';
}

// The Argon2id string stored at path, checked for the v1 layout, its checksum and the cost this
// installation uses.
Result<QByteArray> readHashString(const QString &path, const SupervisorGate::HashCost &cost)
{
    std::array<char, kMaxHashFileSize + 1> buffer;
    bool missing = false;
    const Result<std::size_t> read = model::readSecretFile(path, buffer, hashName(), &missing);
    if (!read && missing)
        return Error{path + u": no supervisor passphrase is set"_s};
    if (!read)
        return Error{read.error()};
    const QByteArray text(buffer.data(), static_cast<qsizetype>(read.value()));
    const auto damaged = [&path](const QString &why) {
        return Error{path + u": the supervisor passphrase hash is damaged or was changed ("_s + why
                     + u"), so no passphrase can open the review"_s};
    };

    if (!text.startsWith(kHeader)) {
        return damaged(
            u"the first line must be \"%1\""_s.arg(QString::fromLatin1(kHeader, kHeaderSize - 1)));
    }
    const QList<QByteArray> lines = text.mid(kHeaderSize).split('\n');
    // Two lines, each ended by a newline: split() leaves an empty piece after the last one.
    if (lines.size() != 3 || !lines.at(2).isEmpty())
        return damaged(u"it must hold the hash line and the checksum line only"_s);
    const QByteArray &hashString = lines.at(0);
    const QByteArray &checksumLine = lines.at(1);
    if (!checksumLine.startsWith(kChecksumPrefix)
        || checksumLine.mid(kChecksumPrefixSize) != checksumOf(hashString)) {
        return damaged(u"its checksum does not match the hash"_s);
    }
    if (!hashString.startsWith(crypto_pwhash_argon2id_STRPREFIX) || hashString.contains('\0')
        || hashString.size() >= qsizetype(crypto_pwhash_argon2id_STRBYTES)) {
        return damaged(u"not an Argon2id hash"_s);
    }
    switch (crypto_pwhash_argon2id_str_needs_rehash(hashString.constData(), cost.opsLimit,
                                                    cost.memLimit)) {
    case 0:
        return hashString;
    case 1:
        // A lower cost would make guessing cheaper for whoever copies the file; refuse any other.
        return damaged(u"made with Argon2id parameters this installation does not use"_s);
    default:
        return damaged(u"not a valid Argon2id hash"_s);
    }
}

struct Attempts
{
    int failures = 0; // consecutive, since the last success
    QDateTime lastFailure;
};

Result<Attempts> readAttempts(const QString &path)
{
    std::array<char, kMaxAttemptsFileSize + 1> buffer;
    bool missing = false;
    const Result<std::size_t> read = model::readSecretFile(path, buffer, attemptsName(), &missing);
    if (!read && missing)
        return Attempts{};
    if (!read)
        return Error{read.error()};
    // A damaged record could hide failures, so it stops checking rather than counting from zero.
    const auto damaged = [&path](const QString &why) {
        return Error{path + u": the record of failed passphrase attempts is damaged ("_s + why
                     + u"), so the passphrase is not checked"_s};
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray(buffer.data(), static_cast<qsizetype>(read.value())), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return damaged(u"not a JSON object"_s);
    const QJsonObject object = document.object();
    const QJsonValue failures = object.value(u"failures"_s);
    const double count = failures.toDouble(-1);
    if (!failures.isDouble() || count != double(failures.toInt(-1)) || count < 1
        || count > kMaxRecordedFailures) {
        return damaged(u"\"failures\" must be a positive whole number"_s);
    }
    const QDateTime lastFailure
        = QDateTime::fromString(object.value(u"lastFailure"_s).toString(), Qt::ISODateWithMs);
    if (!lastFailure.isValid())
        return damaged(u"\"lastFailure\" must be an ISO 8601 time"_s);
    return Attempts{failures.toInt(), lastFailure};
}

// Replaces the record in one step: a fresh owner-only file under a random name, renamed over the
// old one, so that a reader sees the old or the new record and never a partial one.
Result<bool> writeAttempts(const QString &path, const Attempts &attempts)
{
    const QByteArray text
        = QJsonDocument(QJsonObject{{u"failures"_s, attempts.failures},
                                    {u"lastFailure"_s,
                                     attempts.lastFailure.toUTC().toString(Qt::ISODateWithMs)}})
              .toJson(QJsonDocument::Compact);
    const QString fresh
        = path + u".new-"_s + QString::number(QRandomGenerator::system()->generate64(), 16);
    const Result<model::SecretFilePublish> published
        = model::publishSecretFile(fresh, text, attemptsName());
    if (!published)
        return Error{published.error()};
    if (published.value() != model::SecretFilePublish::Created)
        return Error{fresh + u": cannot store the %1: the name is taken"_s.arg(attemptsName())};
    const QByteArray nativeFresh = QFile::encodeName(fresh);
    if (std::rename(nativeFresh.constData(), QFile::encodeName(path).constData()) != 0) {
        const int error = errno;
        ::unlink(nativeFresh.constData());
        return Error{path + u": cannot store the %1: "_s.arg(attemptsName())
                     + qt_error_string(error)};
    }
    return true;
}

Result<bool> clearAttempts(const QString &path)
{
    if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT) {
        return Error{path + u": cannot reset the %1: "_s.arg(attemptsName())
                     + qt_error_string(errno)};
    }
    return true;
}

// Whole seconds (rounded up) before the next attempt is checked. A last failure in the future
// (the clock was set back) counts as just now, so the wait is never longer than the delay.
std::chrono::seconds remaining(const Attempts &attempts, const QDateTime &now)
{
    const std::chrono::milliseconds delay = SupervisorGate::delayAfter(attempts.failures);
    if (delay.count() == 0)
        return {};
    const std::chrono::milliseconds elapsed{std::max<qint64>(0, attempts.lastFailure.msecsTo(now))};
    if (elapsed >= delay)
        return {};
    return std::chrono::ceil<std::chrono::seconds>(delay - elapsed);
}

} // namespace

// Where this installation keeps the supervisor passphrase hash: $RG_SUPERVISOR_PASSPHRASE_FILE
// when set, else supervisor-passphrase.hash in the application data directory. Empty when
// neither gives a place. The failed-attempts record sits beside it (attemptsPath()).
QString SupervisorGate::defaultPath()
{
    return model::defaultSecretFilePath("RG_SUPERVISOR_PASSPHRASE_FILE",
                                        u"supervisor-passphrase.hash"_s);
}

// libsodium's MODERATE Argon2id cost (256 MiB, about a second). The hash file sits in the data
// folder of the account that runs Refund Guard, which on a shared workstation an agent may be
// able to copy, so each offline guess should cost as much as a supervisor will wait once per
// opening of the review window; online guessing is already held back by the delays.
SupervisorGate::HashCost SupervisorGate::defaultCost()
{
    return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
}

// No wait for the first kFreeFailures failures (typing slips), then 1 s, doubling with each
// further failure up to kMaximumDelay.
std::chrono::seconds SupervisorGate::delayAfter(int failures)
{
    if (failures < kFreeFailures)
        return {};
    const int exponent = failures - kFreeFailures;
    // 2^9 s already exceeds the cap; stopping there keeps the shift in range.
    if (exponent >= 9)
        return kMaximumDelay;
    return std::min(std::chrono::seconds{1LL << exponent}, kMaximumDelay);
}

// A gate over the hash at \a hashPath. \a clock gives the time failures are measured by (tests
// inject one); \a cost is the Argon2id cost new hashes get and stored hashes must have.
SupervisorGate::SupervisorGate(const QString &hashPath, Clock clock, HashCost cost)
    : m_hashPath(hashPath)
    , m_clock(std::move(clock))
    , m_cost(cost)
{}

QString SupervisorGate::attemptsPath() const
{
    return m_hashPath + u".attempts"_s;
}

QDateTime SupervisorGate::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

// Whether a passphrase was set. Anything at the path counts, even a damaged file or one that
// cannot be inspected: the first-use form must never be offered over an existing passphrase.
bool SupervisorGate::isSet() const
{
    if (m_hashPath.isEmpty())
        return false;
    struct stat info = {};
    return ::lstat(QFile::encodeName(m_hashPath).constData(), &info) == 0 || errno != ENOENT;
}

// Sets the passphrase on first use: refuses when one is set (even concurrently, by another
// process), when it has fewer than kMinimumLength characters and when \a confirmation differs.
// A stale failed-attempts record is dropped so the new passphrase starts without a delay.
Result<bool> SupervisorGate::setPassphrase(const QString &passphrase, const QString &confirmation)
{
    if (!model::sodiumReady())
        return sodiumUnavailable();
    const Error alreadySet{u"a supervisor passphrase is already set; it can only be set once"_s};
    if (isSet()) {
        logger()->warn("refused to set the supervisor passphrase: one is already set in {}",
                       m_hashPath.toStdString());
        return alreadySet;
    }

    QByteArray bytes = passphraseBytes(passphrase);
    QByteArray confirmationBytes = passphraseBytes(confirmation);
    const auto wipeBytes = qScopeGuard([&] {
        wipe(bytes);
        wipe(confirmationBytes);
    });
    if (characterCount(bytes) < kMinimumLength) {
        return Error{u"the passphrase must have at least %1 characters"_s.arg(kMinimumLength)};
    }
    if (bytes != confirmationBytes)
        return Error{u"the passphrase and its confirmation differ"_s};

    std::array<char, crypto_pwhash_argon2id_STRBYTES> hash;
    if (crypto_pwhash_argon2id_str(hash.data(), bytes.constData(),
                                   static_cast<unsigned long long>(bytes.size()), m_cost.opsLimit,
                                   m_cost.memLimit)
        != 0) {
        return Error{u"cannot hash the supervisor passphrase: not enough memory"_s};
    }

    Result<bool> cleared = clearAttempts(attemptsPath());
    if (!cleared)
        return cleared;
    const Result<model::SecretFilePublish> published
        = model::publishSecretFile(m_hashPath, hashFileText(QByteArray(hash.data())), hashName());
    if (!published)
        return Error{published.error()};
    if (published.value() == model::SecretFilePublish::AlreadyThere) {
        logger()->warn("refused to set the supervisor passphrase: another process set it first "
                       "in {}",
                       m_hashPath.toStdString());
        return alreadySet;
    }
    logger()->info("supervisor passphrase set in {}", m_hashPath.toStdString());
    return true;
}

// Checks \a passphrase: true when it is the supervisor's, false when not. An error means it was
// not checked: no passphrase is set, the hash or the attempts record is damaged or cannot be
// written, or a delay after failures is running (the message says how long; lockoutRemaining()
// gives it as a number). The attempt is counted as a failure before the check and forgiven after
// a success, so stopping the process mid-check does not escape the count.
Result<bool> SupervisorGate::verify(const QString &passphrase)
{
    if (!model::sodiumReady())
        return sodiumUnavailable();
    const Result<QByteArray> hash = readHashString(m_hashPath, m_cost);
    if (!hash) {
        logger()->error("supervisor passphrase not checked: {}", hash.error().toStdString());
        return Error{hash.error()};
    }
    const Result<Attempts> attempts = readAttempts(attemptsPath());
    if (!attempts) {
        logger()->error("supervisor passphrase not checked: {}", attempts.error().toStdString());
        return Error{attempts.error()};
    }
    const QDateTime attemptTime = now();
    const std::chrono::seconds wait = remaining(attempts.value(), attemptTime);
    if (wait.count() > 0) {
        logger()->warn("supervisor passphrase attempt refused unchecked: locked for {} more s "
                       "after {} failures",
                       wait.count(), attempts.value().failures);
        return Error{u"too many failed attempts: try again in %1 s"_s.arg(wait.count())};
    }

    const Attempts counted{attempts.value().failures + 1, attemptTime};
    const Result<bool> recorded = writeAttempts(attemptsPath(), counted);
    if (!recorded) {
        logger()->error("supervisor passphrase not checked: {}", recorded.error().toStdString());
        return Error{recorded.error() + u"; the passphrase was not checked"_s};
    }

    QByteArray bytes = passphraseBytes(passphrase);
    const auto wipeBytes = qScopeGuard([&bytes] { wipe(bytes); });
    if (crypto_pwhash_argon2id_str_verify(hash.value().constData(), bytes.constData(),
                                          static_cast<unsigned long long>(bytes.size()))
        == 0) {
        const Result<bool> cleared = clearAttempts(attemptsPath());
        // The supervisor proved who they are; a stale count only means a delay sooner next time.
        if (!cleared)
            logger()->warn("{}", cleared.error().toStdString());
        logger()->info("supervisor passphrase accepted");
        return true;
    }

    logger()->warn("wrong supervisor passphrase; failed attempts in a row: {}", counted.failures);
    const std::chrono::seconds delay = delayAfter(counted.failures);
    if (delay.count() > 0) {
        logger()->warn("supervisor passphrase locked for {} s after {} failed attempts",
                       delay.count(), counted.failures);
    }
    return false;
}

// How long verify() still refuses to check: zero when it checks now. An error when the attempts
// record cannot be read, in which case verify() refuses too.
Result<std::chrono::seconds> SupervisorGate::lockoutRemaining() const
{
    const Result<Attempts> attempts = readAttempts(attemptsPath());
    if (!attempts)
        return Error{attempts.error()};
    return remaining(attempts.value(), now());
}

} // namespace rg::review
