// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/secretfile.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QStandardPaths>

#include <cerrno>
#include <cstdio>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rg::model {

using namespace Qt::StringLiterals;

namespace {

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

// Creates dir and its missing parents owner-only: they will hold a secret.
Result<bool> ensureDirectory(const QString &dir, const QString &what)
{
    const QByteArray nativeDir = QFile::encodeName(dir);
    struct stat info = {};
    if (::stat(nativeDir.constData(), &info) == 0) {
        if (S_ISDIR(info.st_mode))
            return true;
        return Error{dir + u": cannot hold the %1: not a directory"_s.arg(what)};
    }
    if (errno != ENOENT)
        return Error{dir + u": cannot use the directory: "_s + qt_error_string(errno)};
    const QString parent = QFileInfo(dir).path();
    if (parent != dir) {
        Result<bool> made = ensureDirectory(parent, what);
        if (!made)
            return made;
    }
    // EEXIST: a concurrent creator made it first, which is as good.
    if (::mkdir(nativeDir.constData(), 0700) != 0 && errno != EEXIST)
        return Error{dir + u": cannot create the directory: "_s + qt_error_string(errno)};
    return true;
}

// Makes the new name in dir survive a crash; the file behind it was synced before it was named.
void syncDirectory(const QString &dir)
{
    FileDescriptor fd(
        ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    // Some file systems cannot sync a directory. The secret is in place either way, and failing
    // here would only make the caller throw away a secret that now exists on disk.
    if (fd.isOpen())
        ::fsync(fd.get());
}

// Gives the final name to a complete file in one step that fails when the name is taken, so that
// of several concurrent creators exactly one wins and the others read its secret.
Result<SecretFilePublish> linkIfAbsent(const QByteArray &from, const QByteArray &to,
                                       const QString &path, const QString &what)
{
    if (::link(from.constData(), to.constData()) == 0)
        return SecretFilePublish::Created;
    int error = errno;
    if (error == EEXIST)
        return SecretFilePublish::AlreadyThere;
#ifdef RENAME_NOREPLACE
    // Some file systems (FAT, several FUSE ones) have no hard links, but may still offer an
    // exclusive rename.
    if (error == EPERM || error == EOPNOTSUPP || error == ENOSYS) {
        if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE)
            == 0) {
            return SecretFilePublish::Created;
        }
        error = errno;
        if (error == EEXIST)
            return SecretFilePublish::AlreadyThere;
    }
#endif
    return Error{path + u": cannot store the new %1: "_s.arg(what) + qt_error_string(error)};
}

} // namespace

// Reads the secret file at path into buffer and returns how many bytes it holds; what names the
// secret in errors ("audit signing key"). The caller owns the buffer, so a secret never lands in
// memory it cannot wipe. Refuses anything but a regular file, a file group or others may access
// (as ssh does: one others could read may already be copied, one they could write may have been
// replaced) and a file that fills buffer (size it one byte above the largest valid file).
// *missing (when given) tells the caller that the file does not exist, the one failure a
// load-or-create answers by creating a secret.
Result<std::size_t> readSecretFile(const QString &path, std::span<char> buffer, const QString &what,
                                   bool *missing)
{
    if (missing)
        *missing = false;
    if (path.isEmpty())
        return Error{u"no path given for the %1"_s.arg(what)};

    // O_NONBLOCK keeps a FIFO planted at the path from hanging us; it changes nothing for a
    // regular file, and anything else is refused below.
    const QByteArray nativePath = QFile::encodeName(path);
    FileDescriptor fd(::open(nativePath.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (!fd.isOpen()) {
        const int error = errno;
        if (missing)
            *missing = error == ENOENT;
        return Error{path + u": cannot open the %1: "_s.arg(what) + qt_error_string(error)};
    }

    // Checked on the open file rather than the name, so nothing can be swapped in between.
    struct stat info = {};
    if (::fstat(fd.get(), &info) != 0)
        return Error{path + u": cannot inspect the %1: "_s.arg(what) + qt_error_string(errno)};
    if (!S_ISREG(info.st_mode))
        return Error{path + u": the %1 is not a regular file"_s.arg(what)};
    if ((info.st_mode & 077) != 0) {
        return Error{
            path
            + u": the %1 is accessible to other users (mode %2); "
              "allow its owner only: chmod 600 %3"_s.arg(what, modeText(info.st_mode), path)};
    }

    std::size_t size = 0;
    while (size < buffer.size()) {
        const ssize_t count = ::read(fd.get(), buffer.data() + size, buffer.size() - size);
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0)
            return Error{path + u": cannot read the %1: "_s.arg(what) + qt_error_string(errno)};
        if (count == 0)
            break;
        size += static_cast<std::size_t>(count);
    }
    if (size >= buffer.size())
        return Error{path + u": too large to be the %1"_s.arg(what)};
    return size;
}

// Writes content to path unless a file is already there (AlreadyThere: read that one instead),
// creating missing parent directories owner-only. The file is complete, synced and mode 0600
// before it has its final name, so no reader ever sees a partial or exposed secret.
Result<SecretFilePublish> publishSecretFile(const QString &path, std::span<const char> content,
                                            const QString &what)
{
    const QString dir = QDir::cleanPath(QFileInfo(path).absolutePath());
    const Result<bool> madeDir = ensureDirectory(dir, what);
    if (!madeDir)
        return Error{madeDir.error()};

    // A random name in the same directory: link() works within one file system only, and
    // concurrent creators must not share a temporary file.
    const quint64 nonce = QRandomGenerator::system()->generate64();
    const QString temporaryPath = path + u".tmp-"_s + QString::number(nonce, 16);
    const QByteArray nativeTemporary = QFile::encodeName(temporaryPath);
    const QByteArray nativePath = QFile::encodeName(path);

    // Mode 0600 from the moment the file exists: there is no window in which others can open it.
    // O_EXCL also refuses a symlink planted at the name.
    FileDescriptor fd(
        ::open(nativeTemporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!fd.isOpen()) {
        return Error{temporaryPath + u": cannot create the %1: "_s.arg(what)
                     + qt_error_string(errno)};
    }
    // Both on success (the secret then also has its final name) and on failure.
    const auto removeTemporary
        = qScopeGuard([&nativeTemporary] { ::unlink(nativeTemporary.constData()); });
    // The umask can only have removed bits; make it exactly 0600 so the owner can read it back.
    if (::fchmod(fd.get(), 0600) != 0) {
        return Error{temporaryPath + u": cannot restrict the %1 file: "_s.arg(what)
                     + qt_error_string(errno)};
    }

    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t count = ::write(fd.get(), content.data() + written, content.size() - written);
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0) {
            return Error{temporaryPath + u": cannot write the %1: "_s.arg(what)
                         + qt_error_string(errno)};
        }
        written += static_cast<std::size_t>(count);
    }
    if (::fsync(fd.get()) != 0 || fd.close() != 0) {
        return Error{temporaryPath + u": cannot write the %1: "_s.arg(what)
                     + qt_error_string(errno)};
    }

    Result<SecretFilePublish> published
        = linkIfAbsent(nativeTemporary, nativePath, path, what);
    if (published && published.value() == SecretFilePublish::Created)
        syncDirectory(dir);
    return published;
}

// Where this installation keeps a secret: the path in environmentVariable when set, else fileName
// in the application data directory. Empty when neither gives a place.
QString defaultSecretFilePath(const char *environmentVariable, const QString &fileName)
{
    QString fromEnvironment = qEnvironmentVariable(environmentVariable);
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dataDir.isEmpty())
        return {};
    return dataDir + u'/' + fileName;
}

} // namespace rg::model
