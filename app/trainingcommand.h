// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"
#include "training/resultstore.h"

#include <QStringList>

#include <memory>

namespace rg::cli {

int runTrainingCommand(const QStringList &args);

// Opens the training results at \a db (for `scenario run --db` too); an SQLite path must exist
// unless \a create.
Result<std::unique_ptr<training::ResultStore>> openResultStore(const QString &db, bool create);

} // namespace rg::cli
