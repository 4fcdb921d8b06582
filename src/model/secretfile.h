// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QString>

#include <cstddef>
#include <span>

namespace rg::model {

// Use me to keep a per-installation secret (a signing key, a bearer token) in a file that only
// its owner may read, created atomically so that no reader ever sees it partial or exposed.
enum class SecretFilePublish { Created, AlreadyThere };

Result<std::size_t> readSecretFile(const QString &path, std::span<char> buffer, const QString &what,
                                   bool *missing);
Result<SecretFilePublish> publishSecretFile(const QString &path, std::span<const char> content,
                                            const QString &what);
QString defaultSecretFilePath(const char *environmentVariable, const QString &fileName);

} // namespace rg::model
