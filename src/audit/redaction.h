// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

namespace rg::audit {

// Use me when chat or ticket text goes into the audit log: personal data becomes fixed
// placeholders, everything else is kept byte for byte.
QString redactText(const QString &text);
// Use me when the evidence is JSON: every string inside goes through redactText, keys do not.
QJsonValue redactJson(const QJsonValue &value);

} // namespace rg::audit
