// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/casederived.h"

namespace rg::model {

/*!
 * Counts back from the contact's start (so a stored case judges the same tomorrow), or from
 * \a now when the case has no start time. Claims count when dated within the 90 days before
 * the reference; account changes at or after the contact's start are "in contact". Without a
 * start time, changes in the 24 hours before \a now count as in contact: a takeover's email
 * change must not pass for an old one because the CRM did not say when the chat began.
 */
CaseDerived CaseDerived::of(const Case &c, const QDateTime &now)
{
    CaseDerived derived;
    derived.reference = c.contact.startedAt.isValid() ? c.contact.startedAt : now.toUTC();
    derived.accountAgeDays = c.customer.accountCreated.daysTo(derived.reference);
    for (const Claim &claim : c.claims) {
        const qint64 age = claim.date.daysTo(derived.reference);
        if (age < 0 || age > kClaimWindowDays)
            continue;
        ++derived.claimsInWindow;
        ++derived.claimsInWindowByType[claimTypeName(claim.type)];
    }
    const QDateTime contactStart = c.contact.startedAt.isValid()
                                       ? c.contact.startedAt
                                       : derived.reference.addSecs(-kUnknownStartHours * 3600);
    for (const AccountChange &change : c.accountChanges) {
        const QString field = accountFieldName(change.field);
        if (change.time >= contactStart) {
            if (!derived.changedInContact.contains(field))
                derived.changedInContact.append(field);
        } else if (change.time.daysTo(derived.reference) <= kRecentChangeDays) {
            if (!derived.changedRecently.contains(field))
                derived.changedRecently.append(field);
        }
    }
    for (const LinkedAccount &linked : c.linkedAccounts)
        derived.linkedFraudFlags += linked.fraudFlag ? 1 : 0;
    return derived;
}

} // namespace rg::model
