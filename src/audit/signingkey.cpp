// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/signingkey.h"

#include "model/jsontext.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QStandardPaths>

#include <sodium.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rg::audit {

using namespace Qt::StringLiterals;

namespace {

static_assert(crypto_sign_SECRETKEYBYTES == 64, "m_secret is sized for libsodium's secret key");
static_assert(crypto_sign_PUBLICKEYBYTES == 32);
static_assert(crypto_sign_SEEDBYTES == 32);
static_assert(crypto_sign_BYTES == 64);

using SecretKey = std::array<unsigned char, crypto_sign_SECRETKEYBYTES>;

constexpr char kSecretHeader[] = "refundguard-ed25519-secret-key v1\n";
constexpr size_t kSecretHeaderSize = sizeof(kSecretHeader) - 1;
constexpr char kPublicPrefix[] = "ed25519:";
constexpr qsizetype kPublicPrefixSize = sizeof(kPublicPrefix) - 1;
// A v1 key file is 124 bytes. Anything much larger is not one, and reading it whole would only
// spread whatever it holds over more memory.
constexpr size_t kMaxSecretFileSize = 4096;

// sodium_init() must run before any other libsodium call. A function-local static runs it exactly
// once even when several threads reach their first key at the same time.
bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

Error sodiumUnavailable()
{
    return Error{u"cannot initialise libsodium, so no audit signing key can be used"_s};
}

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

QString modeText(mode_t mode)
{
    return QString::number(mode & 07777, 8).rightJustified(4, u'0');
}

// Owns a POSIX file descriptor; QFile cannot create a file with O_EXCL and mode 0600 at once.
class FileDescriptor final
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {}
    ~FileDescriptor() { close(); }
    Q_DISABLE_COPY_MOVE(FileDescriptor)

    int get() const { return m_fd; }
    bool isOpen() const { return m_fd >= 0; }
    // Closing explicitly lets a writer see an error the kernel reports only at close().
    int close() { return m_fd < 0 ? 0 : ::close(std::exchange(m_fd, -1)); }

private:
    int m_fd;
};

// Reads and checks a secret key file into secret. *missing (when given) tells the caller that the
// file does not exist, the one failure loadOrCreate answers by creating a key.
Result<bool> readSecretKey(const QString &path, SecretKey &secret, bool *missing)
{
    if (missing)
        *missing = false;
    if (path.isEmpty())
        return Error{u"no path given for the audit signing key"_s};

    // O_NONBLOCK keeps a FIFO planted at the path from hanging us; it changes nothing for a
    // regular file, and anything else is refused below.
    const QByteArray nativePath = QFile::encodeName(path);
    FileDescriptor fd(::open(nativePath.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (!fd.isOpen()) {
        const int error = errno;
        if (missing)
            *missing = error == ENOENT;
        return Error{path + u": cannot open the audit signing key: "_s + qt_error_string(error)};
    }

    // Checked on the open file rather than the name, so nothing can be swapped in between.
    struct stat info = {};
    if (::fstat(fd.get(), &info) != 0)
        return Error{path + u": cannot inspect the audit signing key: "_s + qt_error_string(errno)};
    if (!S_ISREG(info.st_mode))
        return Error{path + u": the audit signing key is not a regular file"_s};
    // As ssh does: a key others could read may already be copied, and one they could write may
    // have been replaced, so neither is trusted to speak for this installation.
    if ((info.st_mode & 077) != 0) {
        return Error{path
                     + u": the audit signing key is accessible to other users (mode %1); "
                       "allow its owner only: chmod 600 %2"_s.arg(modeText(info.st_mode), path)};
    }

    // The file's text and its decoded bytes live in fixed buffers that are wiped on every way
    // out, rather than in QByteArrays whose reallocations would leave copies of the key behind.
    std::array<char, kMaxSecretFileSize + 1> text;
    const auto wipeText = qScopeGuard([&text] { sodium_memzero(text.data(), text.size()); });
    size_t size = 0;
    while (size < text.size()) {
        const ssize_t count = ::read(fd.get(), text.data() + size, text.size() - size);
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0) {
            return Error{path + u": cannot read the audit signing key: "_s
                         + qt_error_string(errno)};
        }
        if (count == 0)
            break;
        size += static_cast<size_t>(count);
    }
    if (size > kMaxSecretFileSize)
        return Error{path + u": too large to be an audit signing key"_s};

    if (size < kSecretHeaderSize
        || std::memcmp(text.data(), kSecretHeader, kSecretHeaderSize) != 0) {
        return Error{
            path
            + u": not a Refund Guard audit signing key (the first line must be \"%1\")"_s.arg(
                QString::fromLatin1(kSecretHeader, kSecretHeaderSize - 1))};
    }
    size_t end = size;
    while (end > kSecretHeaderSize && (text[end - 1] == '\n' || text[end - 1] == '\r'))
        --end;

    std::array<unsigned char, kMaxSecretFileSize> decoded;
    const auto wipeDecoded
        = qScopeGuard([&decoded] { sodium_memzero(decoded.data(), decoded.size()); });
    size_t decodedSize = 0;
    // No characters to ignore and no end pointer: one stray byte, a missing '=' or non-zero
    // padding bits all fail, so only one spelling of a key is accepted.
    if (sodium_base642bin(decoded.data(), decoded.size(), text.data() + kSecretHeaderSize,
                          end - kSecretHeaderSize, nullptr, &decodedSize, nullptr,
                          sodium_base64_VARIANT_ORIGINAL)
        != 0) {
        return Error{path + u": the audit signing key is not valid base64"_s};
    }
    if (decodedSize != crypto_sign_SECRETKEYBYTES) {
        return Error{path
                     + u": the audit signing key holds %1 bytes instead of %2"_s.arg(decodedSize)
                           .arg(crypto_sign_SECRETKEYBYTES)};
    }

    // libsodium keeps the public key in the second half and signs with it as stored; a damaged
    // half would yield signatures nobody can verify, so derive it afresh from the seed and compare.
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> stored;
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> derived;
    SecretKey rederived;
    const auto wipeRederived
        = qScopeGuard([&rederived] { sodium_memzero(rederived.data(), rederived.size()); });
    crypto_sign_ed25519_sk_to_pk(stored.data(), decoded.data());
    crypto_sign_seed_keypair(derived.data(), rederived.data(), decoded.data());
    if (sodium_memcmp(stored.data(), derived.data(), stored.size()) != 0) {
        return Error{path
                     + u": the audit signing key is damaged: its public half does not belong to "
                       "its secret half"_s};
    }

    std::memcpy(secret.data(), decoded.data(), secret.size());
    return true;
}

// Creates dir and its missing parents owner-only: they will hold a secret key.
Result<bool> ensureDirectory(const QString &dir)
{
    const QByteArray nativeDir = QFile::encodeName(dir);
    struct stat info = {};
    if (::stat(nativeDir.constData(), &info) == 0) {
        if (S_ISDIR(info.st_mode))
            return true;
        return Error{dir + u": cannot hold the audit signing key: not a directory"_s};
    }
    if (errno != ENOENT)
        return Error{dir + u": cannot use the directory: "_s + qt_error_string(errno)};
    const QString parent = QFileInfo(dir).path();
    if (parent != dir) {
        const Result<bool> made = ensureDirectory(parent);
        if (!made)
            return made;
    }
    // EEXIST: a concurrent loadOrCreate made it first, which is as good.
    if (::mkdir(nativeDir.constData(), 0700) != 0 && errno != EEXIST)
        return Error{dir + u": cannot create the directory: "_s + qt_error_string(errno)};
    return true;
}

// Makes the new name in dir survive a crash; the file behind it was synced before it was named.
void syncDirectory(const QString &dir)
{
    FileDescriptor fd(
        ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    // Some file systems cannot sync a directory. The key is in place either way, and failing
    // here would only make the caller throw away a key that now exists on disk.
    if (fd.isOpen())
        ::fsync(fd.get());
}

enum class Publish { Created, AlreadyThere };

// Gives the final name to a complete file in one step that fails when the name is taken, so that
// of several concurrent creators exactly one wins and the others read its key.
Result<Publish> linkIfAbsent(const QByteArray &from, const QByteArray &to, const QString &path)
{
    if (::link(from.constData(), to.constData()) == 0)
        return Publish::Created;
    int error = errno;
    if (error == EEXIST)
        return Publish::AlreadyThere;
#ifdef RENAME_NOREPLACE
    // Some file systems (FAT, several FUSE ones) have no hard links, but may still offer an
    // exclusive rename.
    if (error == EPERM || error == EOPNOTSUPP || error == ENOSYS) {
        if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE)
            == 0) {
            return Publish::Created;
        }
        error = errno;
        if (error == EEXIST)
            return Publish::AlreadyThere;
    }
#endif
    return Error{path + u": cannot store the new audit signing key: "_s + qt_error_string(error)};
}

// Writes secret to path unless a key is already there. The file is complete, synced and
// owner-only before it has its final name, so no reader ever sees a partial or exposed key.
Result<Publish> publishNewKey(const QString &path, const SecretKey &secret)
{
    const QString dir = QDir::cleanPath(QFileInfo(path).absolutePath());
    const Result<bool> madeDir = ensureDirectory(dir);
    if (!madeDir)
        return Error{madeDir.error()};

    // Constant-size text in a buffer wiped on the way out, for the reason given in readSecretKey.
    constexpr size_t base64Size
        = sodium_base64_ENCODED_LEN(crypto_sign_SECRETKEYBYTES, sodium_base64_VARIANT_ORIGINAL);
    std::array<char, kSecretHeaderSize + base64Size> text;
    const auto wipeText = qScopeGuard([&text] { sodium_memzero(text.data(), text.size()); });
    std::memcpy(text.data(), kSecretHeader, kSecretHeaderSize);
    sodium_bin2base64(text.data() + kSecretHeaderSize, base64Size, secret.data(), secret.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    // base64Size counts the terminating NUL, whose place the final newline takes.
    text[text.size() - 1] = '\n';

    // A random name in the same directory: link() works within one file system only, and
    // concurrent creators must not share a temporary file.
    std::array<unsigned char, 8> nonce;
    randombytes_buf(nonce.data(), nonce.size());
    const QString temporaryPath
        = path + u".tmp-"_s
          + QString::fromLatin1(
              QByteArray(reinterpret_cast<const char *>(nonce.data()), nonce.size()).toHex());
    const QByteArray nativeTemporary = QFile::encodeName(temporaryPath);
    const QByteArray nativePath = QFile::encodeName(path);

    // Mode 0600 from the moment the file exists: there is no window in which others can open it.
    // O_EXCL also refuses a symlink planted at the name.
    FileDescriptor fd(
        ::open(nativeTemporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!fd.isOpen()) {
        return Error{temporaryPath + u": cannot create the audit signing key: "_s
                     + qt_error_string(errno)};
    }
    // Both on success (the key then also has its final name) and on failure.
    const auto removeTemporary
        = qScopeGuard([&nativeTemporary] { ::unlink(nativeTemporary.constData()); });
    // The umask can only have removed bits; make it exactly 0600 so the owner can read it back.
    if (::fchmod(fd.get(), 0600) != 0) {
        return Error{temporaryPath + u": cannot restrict the key file: "_s
                     + qt_error_string(errno)};
    }

    size_t written = 0;
    while (written < text.size()) {
        const ssize_t count = ::write(fd.get(), text.data() + written, text.size() - written);
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0) {
            return Error{temporaryPath + u": cannot write the audit signing key: "_s
                         + qt_error_string(errno)};
        }
        written += static_cast<size_t>(count);
    }
    if (::fsync(fd.get()) != 0 || fd.close() != 0) {
        return Error{temporaryPath + u": cannot write the audit signing key: "_s
                     + qt_error_string(errno)};
    }

    const Result<Publish> published = linkIfAbsent(nativeTemporary, nativePath, path);
    if (published && published.value() == Publish::Created)
        syncDirectory(dir);
    return published;
}

} // namespace

// Loads the key at path, creating a new key pair there (and owner-only parent directories) when
// the file does not exist. Any other problem with an existing file is an error: a key that cannot
// be read is never replaced, because checkpoints signed with it would no longer verify against the
// published public key. When several processes or threads race on a missing file, all of them end
// up with the one key that was stored first.
Result<SigningKey> SigningKey::loadOrCreate(const QString &path)
{
    if (!sodiumReady())
        return sodiumUnavailable();
    SigningKey key;
    bool missing = false;
    const Result<bool> read = readSecretKey(path, key.m_secret, &missing);
    if (read)
        return key;
    if (!missing)
        return Error{read.error()};

    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> publicKey;
    crypto_sign_keypair(publicKey.data(), key.m_secret.data());
    const Result<Publish> published = publishNewKey(path, key.m_secret);
    if (!published)
        return Error{published.error()};
    if (published.value() == Publish::AlreadyThere)
        return load(path);
    return key;
}

// Loads the key at path. Refuses, naming the path, a missing file, one that group or others may
// read or write, and one that is not exactly a v1 key whose halves belong together.
Result<SigningKey> SigningKey::load(const QString &path)
{
    if (!sodiumReady())
        return sodiumUnavailable();
    SigningKey key;
    const Result<bool> read = readSecretKey(path, key.m_secret, nullptr);
    if (!read)
        return Error{read.error()};
    return key;
}

// The key pair whose 32-byte secret seed is seed32 (RFC 8032's "secret key"). For test vectors and
// keys kept elsewhere; an installation key comes from loadOrCreate.
Result<SigningKey> SigningKey::fromSeed(const QByteArray &seed32)
{
    if (!sodiumReady())
        return sodiumUnavailable();
    if (seed32.size() != crypto_sign_SEEDBYTES) {
        return Error{u"the Ed25519 seed has %1 bytes instead of %2"_s.arg(seed32.size())
                         .arg(crypto_sign_SEEDBYTES)};
    }
    SigningKey key;
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> publicKey;
    crypto_sign_seed_keypair(publicKey.data(), key.m_secret.data(), bytes(seed32));
    return key;
}

SigningKey::SigningKey(const SigningKey &other) = default;
SigningKey &SigningKey::operator=(const SigningKey &other) = default;

// A moved-from key is wiped: it no longer holds the secret and may only be assigned or destroyed.
SigningKey::SigningKey(SigningKey &&other) noexcept
    : m_secret(other.m_secret)
{
    sodium_memzero(other.m_secret.data(), other.m_secret.size());
}

SigningKey &SigningKey::operator=(SigningKey &&other) noexcept
{
    if (this != &other) {
        m_secret = other.m_secret;
        sodium_memzero(other.m_secret.data(), other.m_secret.size());
    }
    return *this;
}

SigningKey::~SigningKey()
{
    sodium_memzero(m_secret.data(), m_secret.size());
}

// The 32 raw bytes others verify this installation's signatures with.
QByteArray SigningKey::publicKey() const
{
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> publicKey;
    crypto_sign_ed25519_sk_to_pk(publicKey.data(), m_secret.data());
    return QByteArray(reinterpret_cast<const char *>(publicKey.data()), publicKey.size());
}

// The 64-byte detached Ed25519 signature of message. Ed25519 is deterministic: the same key and
// message always give the same signature.
QByteArray SigningKey::sign(const QByteArray &message) const
{
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         bytes(message), static_cast<unsigned long long>(message.size()),
                         m_secret.data());
    return signature;
}

// This key's fingerprint, as keyFingerprint gives it.
QString SigningKey::fingerprint() const
{
    return keyFingerprint(publicKey());
}

// Whether signature is publicKey's Ed25519 signature of message. Keys and signatures of the wrong
// size are simply not valid ones.
bool verifySignature(const QByteArray &publicKey, const QByteArray &message,
                     const QByteArray &signature)
{
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    if (!sodiumReady())
        return false;
    return crypto_sign_verify_detached(bytes(signature), bytes(message),
                                       static_cast<unsigned long long>(message.size()),
                                       bytes(publicKey))
           == 0;
}

// A short name for a public key that people can compare by eye: the first 16 bytes of its
// SHA-256 as 32 lower-case hex digits.
QString keyFingerprint(const QByteArray &publicKey)
{
    const QByteArray digest = QCryptographicHash::hash(publicKey, QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.first(16).toHex());
}

// publicKey (32 bytes) as a public key file: a "# Refund Guard audit key <fingerprint>" comment
// line, then "ed25519:<base64>". Files of several keys are these texts put one after another.
QByteArray publicKeyFileText(const QByteArray &publicKey)
{
    return "# Refund Guard audit key "_ba + keyFingerprint(publicKey).toLatin1() + '\n'
           + kPublicPrefix + publicKey.toBase64() + '\n';
}

// The keys of a public key file, in file order: one "ed25519:<base64 of 32 bytes>" per line,
// with blank lines and lines starting with '#' ignored. Errors name the file and the line.
Result<QList<QByteArray>> readPublicKeys(const QString &path)
{
    const Result<QByteArray> text = model::readFileBytes(path);
    if (!text)
        return Error{text.error()};
    QList<QByteArray> keys;
    const QList<QByteArray> lines = text.value().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        // trimmed() also takes the '\r' of files edited on Windows.
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QString where = u"%1: line %2: "_s.arg(path, QString::number(i + 1));
        if (!line.startsWith(kPublicPrefix))
            return Error{where + u"expected \"ed25519:<base64 of the public key>\""_s};
        const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
            line.mid(kPublicPrefixSize), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return Error{where + u"the public key is not valid base64"_s};
        if (decoded.decoded.size() != crypto_sign_PUBLICKEYBYTES) {
            return Error{
                where
                + u"the public key has %1 bytes instead of %2"_s.arg(decoded.decoded.size())
                      .arg(crypto_sign_PUBLICKEYBYTES)};
        }
        keys.append(decoded.decoded);
    }
    return keys;
}

// Where this installation keeps its signing key: $RG_AUDIT_KEY when set, else audit-signing.key
// in the application data directory. Empty when neither gives a place.
QString defaultKeyPath()
{
    const QString fromEnvironment = qEnvironmentVariable("RG_AUDIT_KEY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dataDir.isEmpty())
        return {};
    return dataDir + u"/audit-signing.key"_s;
}

} // namespace rg::audit
