// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/casepanel.h"

#include "model/casederived.h"
#include "session/assistsession.h"
#include "ui/displaytext.h"
#include "ui_casepanel.h"

#include <QLocale>
#include <QStyle>

namespace rg::ui {

CasePanel::CasePanel(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<::Ui::CasePanel>())
{
    m_ui->setupUi(this);
    letShrinkBelowLongestWord(m_ui->statusLabel);
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        if (session::AssistSession *session = m_session.data(); session && !session->caseId().isEmpty())
            session->openCase(session->caseId());
    });
    refresh();
}

CasePanel::~CasePanel() = default;

void CasePanel::setSession(session::AssistSession *session)
{
    disconnect(m_stateConnection);
    disconnect(m_judgedConnection);
    m_session = session;
    m_shownCase.reset();
    m_ui->caseTreeWidget->clear();
    if (session) {
        m_stateConnection = connect(session, &session::AssistSession::caseStateChanged, this,
                                    &CasePanel::refresh);
        // The case reaches the panel through the judgement made when it arrives.
        m_judgedConnection = connect(session, &session::AssistSession::judged, this,
                                     &CasePanel::refresh);
    }
    refresh();
}

void CasePanel::showStatus(const QString &text, int icon, bool retry)
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_ui->statusIconLabel->setPixmap(
        icon < 0 ? QPixmap() : style()->standardIcon(QStyle::StandardPixmap(icon)).pixmap(size));
    // The case id comes from the feed and the error from the case service.
    m_ui->statusLabel->setText(displaySafe(text));
    m_ui->retryButton->setVisible(retry);
}

static QString when(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : CasePanel::tr("unknown time");
}

void CasePanel::refresh()
{
    using session::CaseState;
    const session::AssistSession *session = m_session.data();
    if (!session) {
        m_shownCase.reset();
        m_ui->caseTreeWidget->clear();
        showStatus(tr("No conversation selected."), -1, false);
        return;
    }
    const QString id = session->caseId();
    switch (session->caseState()) {
    case CaseState::None:
        showStatus(tr("No case is linked to this chat yet."), -1, false);
        break;
    case CaseState::Loading:
        showStatus(tr("Loading case %1…").arg(id), QStyle::SP_BrowserReload, false);
        break;
    case CaseState::Ready:
        showStatus(tr("Case %1 from %2, fetched %3.")
                       .arg(id, session->caseSource(), when(session->caseFetchedAt())),
                   QStyle::SP_DialogApplyButton, false);
        break;
    case CaseState::Stale:
        showStatus(tr("Out of date: showing case %1 as of %2. Refreshing failed: %3")
                       .arg(id, when(session->caseFetchedAt()), session->caseError()),
                   QStyle::SP_MessageBoxWarning, true);
        break;
    case CaseState::Failed:
        showStatus(tr("Case %1 could not be loaded: %2").arg(id, session->caseError()),
                   QStyle::SP_MessageBoxCritical, true);
        break;
    }
    // The session is judged again on every message; rebuilding the tree each time would throw
    // away the agent's place in it (current row, scroll position, collapsed sections).
    std::optional<model::Case> shown;
    if (session->judgement())
        shown = session->judgement()->caseData;
    if (shown == m_shownCase)
        return;
    m_shownCase = std::move(shown);
    m_ui->caseTreeWidget->clear();
    if (m_shownCase)
        fillCase(*m_shownCase);
}

static QString yesNo(bool value)
{
    return value ? CasePanel::tr("yes") : CasePanel::tr("no");
}

static QString money(double value, const QString &currency)
{
    return QStringLiteral("%1 %2").arg(QLocale().toString(value, 'f', 2), currency);
}

// Builds the tree again from the case; item texts are plain text, so case data (which a
// customer partly wrote, e.g. names and addresses) cannot carry markup into the view.
void CasePanel::fillCase(const model::Case &c)
{
    QTreeWidget *tree = m_ui->caseTreeWidget;
    const model::CaseDerived derived = model::CaseDerived::of(c, QDateTime::currentDateTimeUtc());

    auto section = [tree](const QString &title) {
        auto *item = new QTreeWidgetItem(tree, {title});
        QFont font = item->font(0);
        font.setBold(true);
        item->setFont(0, font);
        item->setFirstColumnSpanned(true);
        item->setExpanded(true);
        return item;
    };
    // Values (and some field names: order ids, linked customer ids) come from the case, so they
    // are made display-safe, and the tooltip is escaped: Qt would render one with markup in it.
    auto row = [](QTreeWidgetItem *parent, const QString &field, const QString &value) {
        auto *item = new QTreeWidgetItem(parent, {displaySafe(field), displaySafe(value)});
        item->setToolTip(1, plainToolTip(value));
        return item;
    };

    QTreeWidgetItem *customer = section(tr("Customer"));
    row(customer, tr("Name"), c.customer.name);
    row(customer, tr("Account age"), tr("%n day(s)", nullptr, int(derived.accountAgeDays)));
    row(customer, tr("Identity"), model::identityStatusName(c.contact.identity)
                                      + (c.contact.identityMethod.isEmpty()
                                             ? QString()
                                             : QStringLiteral(" (%1)").arg(c.contact.identityMethod)));
    row(customer, tr("New device"), yesNo(c.contact.newDevice));

    QTreeWidgetItem *orders = section(tr("Orders (%1)").arg(c.orders.size()));
    for (const model::Order &order : c.orders) {
        QTreeWidgetItem *item = row(orders, order.id, money(order.value, order.currency));
        item->setExpanded(true);
        const model::Delivery &d = order.delivery;
        row(item, tr("Delivery"), model::deliveryStatusName(d.status)
                                      + (d.deliveredAt.isValid() ? QStringLiteral(" ") + when(d.deliveredAt)
                                                                 : QString()));
        row(item, tr("Evidence"), tr("photo %1 · GPS %2 · signature %3")
                                      .arg(yesNo(d.photo), yesNo(d.gps), yesNo(d.signature)));
        if (d.investigation != model::Investigation::None)
            row(item, tr("Carrier investigation"), model::investigationName(d.investigation));
        row(item, tr("Payment"), order.paymentMethod);
    }

    QTreeWidgetItem *claims = section(tr("Claim history (%1 in %2 days)")
                                          .arg(derived.claimsInWindow)
                                          .arg(model::CaseDerived::kClaimWindowDays));
    for (const model::Claim &claim : c.claims) {
        row(claims, when(claim.date),
            QStringLiteral("%1 · %2 · %3").arg(model::claimTypeName(claim.type),
                                               money(claim.amount, claim.currency),
                                               model::claimOutcomeName(claim.outcome)));
    }

    QTreeWidgetItem *changes = section(tr("Account changes (%1)").arg(c.accountChanges.size()));
    for (const model::AccountChange &change : c.accountChanges) {
        row(changes, when(change.time), tr("%1 via %2: %3 → %4")
                                            .arg(model::accountFieldName(change.field), change.channel,
                                                 change.from, change.to));
    }

    QTreeWidgetItem *linked = section(tr("Linked accounts (%1)").arg(c.linkedAccounts.size()));
    for (const model::LinkedAccount &account : c.linkedAccounts) {
        QString value = tr("shares %1").arg(account.shared.join(QStringLiteral(", ")));
        if (account.fraudFlag)
            value += tr(" · FLAGGED for fraud");
        if (!account.note.isEmpty())
            value += QStringLiteral(" · ") + account.note;
        row(linked, account.customerId, value);
    }
    tree->resizeColumnToContents(0);
}

} // namespace rg::ui
