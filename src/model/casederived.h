// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/case.h"

#include <QDateTime>
#include <QMap>
#include <QStringList>

namespace rg::model {

// What a case says beyond its raw fields, counted at one reference time: the figures policies
// and risk fusion both judge, computed in one place so they never disagree.
struct CaseDerived
{
    static constexpr qint64 kClaimWindowDays = 90;
    static constexpr qint64 kRecentChangeDays = 7;
    static constexpr qint64 kUnknownStartHours = 24; // "this contact" when its start is unknown

    QDateTime reference; // the contact's start, or the time given when the case has none
    qint64 accountAgeDays = 0;
    int claimsInWindow = 0;
    QMap<QString, int> claimsInWindowByType; // claim type name -> count
    QStringList changedInContact;            // account fields changed during this contact
    QStringList changedRecently;             // ... in the week before it
    int linkedFraudFlags = 0;

    static CaseDerived of(const Case &c, const QDateTime &now);
};

} // namespace rg::model
