// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/scenariolibrary.h"

#include "training/intents.h"

#include <QDir>

namespace rg::training {

/*!
 * Lists the folder rather than repeating resources/CMakeLists.txt here, so a scenario added
 * there is offered without a second edit. The reply-intent phrases share the folder and are
 * not a scenario.
 */
QStringList shippedScenarios()
{
    const QDir folder(kShippedScenarioFolder);
    QStringList paths;
    for (const QString &name : folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = folder.filePath(name);
        if (path != kDefaultIntents)
            paths.append(path);
    }
    return paths;
}

} // namespace rg::training
