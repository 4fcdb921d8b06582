// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>

#include <malloc.h>

#include <algorithm>
#include <cstddef>
#include <limits>

#ifdef __SANITIZE_ADDRESS__
// libasan's; GCC ships no header for it (clang's is sanitizer/allocator_interface.h).
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#endif

// Complexity is asserted by comparing sizes, never against a wall clock: the machine may be slow
// or busy, but doing four times the work should take about four times as long, not sixteen.
namespace rg::test {

// The fastest of \a runs runs of \a work, in nanoseconds: noise only ever adds time.
template <typename Work>
qint64 bestOf(int runs, Work &&work)
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        best = std::min(best, timer.nsecsElapsed());
    }
    return best;
}

// A value of /proc/self/status in kB ("VmRSS", "VmHWM"); -1 where there is none.
inline qint64 procStatusKb(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Built with ASan (installer/dev.sh test --asan): RSS then also holds its quarantine of freed
// blocks (up to 256 MB) and redzones, so only heapInUse() bounds memory.
#ifdef __SANITIZE_ADDRESS__
inline constexpr bool kUnderAsan = true;
#else
inline constexpr bool kUnderAsan = false;
#endif

// Bytes the heap has handed out and not taken back (glibc): what the program holds now. RSS
// also counts pages freed earlier and kept for reuse, which hides growth between two sizes.
inline qint64 heapInUse()
{
#ifdef __SANITIZE_ADDRESS__
    // Under ASan its own allocator serves malloc, and glibc's counts do not see its blocks.
    return qint64(__sanitizer_get_current_allocated_bytes());
#else
    return qint64(mallinfo2().uordblks);
#endif
}

// A linear algorithm's time ratio for sizes n and k*n is about k; a quadratic one's k*k. This
// much over k is still linear with cache effects and noise, and far below k*k for k >= 4.
inline constexpr double kLinearSlack = 2.5;

} // namespace rg::test
