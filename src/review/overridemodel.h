// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditstore.h"
#include "audit/databaseurl.h"
#include "model/result.h"
#include "review/overridefacts.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

namespace rg::review {

namespace Internal {
class OverrideBackend;
}

// What the override table shows; every member left empty lets every override through.
struct OverrideFilter
{
    QDateTime from; // inclusive; invalid: unbounded
    QDateTime to;   // exclusive
    QString agent;
    QString team;
    QString policy;
    QString riskLevel; // low | medium | high
    // Unset: any status; nullopt: not dispositioned yet (the triage queue).
    std::optional<std::optional<Disposition>> status;
    QString text; // words, all required, over the reason and the evidence
    QString cue;  // a cue id some evidence entry carries
};

// One override row as the model holds it.
struct OverrideRow
{
    qint64 id = 0; // the record's arrival order in its database, the keyset tie-breaker
    QString chainId;
    qint64 seq = 0;
    QDateTime time;
    QString agent;
    QString team;
    QString caseId;
    QString action;
    std::optional<double> amount;
    QStringList policies;
    std::optional<double> riskScore;
    QString riskLevel;
    QString reasonCategory;
    std::optional<Disposition> status;
    QVariant sortKey; // the value the current order sorts by, where the next page starts
};

// Use me for the supervisor's override table over an audit log: the matching overrides, newest
// first (or by amount or risk), fetched a page at a time so a million records scroll. On SQLite
// it keeps a derived review index (review_* tables) beside the records and brings it up to date
// on open, on setFilter() and on refresh() (prepareIndex() does the first, long build off the
// GUI thread); on PostgreSQL it reads the columns the audit schema
// generates, with a supervisor's login. The records themselves are only ever read.
class OverrideModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverrideModel)

public:
    enum Column {
        TimeColumn,
        AgentColumn,
        TeamColumn,
        CaseColumn,
        ActionColumn,
        AmountColumn,
        PoliciesColumn,
        RiskColumn,
        ReasonCategoryColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        ChainIdRole = Qt::UserRole + 1,
        SeqRole,
        ValueRole, // the cell's raw value: QDateTime, double, QStringList, status name
    };

    static constexpr int kDefaultPageSize = 200;

    explicit OverrideModel(QObject *parent = nullptr);
    ~OverrideModel() override;

    // Opens the database at \a url and fetches the first page.
    Result<bool> open(const audit::DatabaseUrl &url);
    // Brings the review index of \a url up to date on a connection of its own, so any thread
    // may call it; false when \a progress stopped it.
    static Result<bool>
    prepareIndex(const audit::DatabaseUrl &url,
                 const std::function<bool(qint64 done, qint64 total)> &progress);

    void setPageSize(int rows);
    const OverrideFilter &filter() const { return m_filter; }
    // Brings the review index up to date, then starts again at the first page.
    Result<bool> setFilter(const OverrideFilter &filter);
    Result<bool> refresh();
    QString lastError() const { return m_lastError; }

    const OverrideRow *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;
    // Time, amount and risk sort (each by an index); other columns leave the order as it is.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

signals:
    void errorOccurred(const QString &message);

private:
    Result<QList<OverrideRow>> queryPage(const OverrideRow *after) const;
    Result<bool> reload();
    void fail(const QString &message);

    std::unique_ptr<Internal::OverrideBackend> m_backend;
    OverrideFilter m_filter;
    int m_pageSize = kDefaultPageSize;
    int m_sortColumn = TimeColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QList<OverrideRow> m_rows;
    bool m_atEnd = true;
    QString m_lastError;
};

} // namespace rg::review
