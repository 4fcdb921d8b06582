// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/overridemodel.h"

#include "review/overridemodel_backend.h"

#include "log/log.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace rg::review {

using namespace Qt::StringLiterals;

namespace Internal {

OverrideBackend::OverrideBackend(std::unique_ptr<audit::AuditStore> store)
    : m_store(std::move(store))
{}

OverrideBackend::~OverrideBackend() = default;

QString errorOf(const QSqlQuery &query)
{
    return query.lastError().text().trimmed();
}

Result<bool> exec(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        return Error{u"cannot %1: %2"_s.arg(what, errorOf(query))};
    return true;
}

QStringList searchWords(const QString &text)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}\\p{M}]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

QString orderBy(const QString &key, const QString &id, bool descending)
{
    const QString direction = descending ? u" DESC"_s : u" ASC"_s;
    return u" ORDER BY "_s + key + direction + u", "_s + id + direction;
}

} // namespace Internal

namespace {

QString sortKeyColumn(const Internal::OverrideBackend::Columns &columns, int column)
{
    switch (column) {
    case OverrideModel::AmountColumn:
        return columns.amountKey;
    case OverrideModel::RiskColumn:
        return columns.riskKey;
    default:
        return columns.time;
    }
}

std::optional<double> optionalNumber(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QStringList policiesOf(const QString &json)
{
    QStringList policies;
    for (const QJsonValue &policy : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QString id = policy.isObject() ? policy.toObject().value(u"id"_s).toString()
                                             : policy.toString();
        if (!id.isEmpty())
            policies.append(id);
    }
    return policies;
}

QString statusName(const std::optional<Disposition> &status)
{
    return status ? dispositionName(*status) : u"none"_s;
}

QString riskText(const OverrideRow &row)
{
    if (row.riskScore && !row.riskLevel.isEmpty())
        return u"%1 (%2)"_s.arg(row.riskLevel, QString::number(*row.riskScore, 'f', 2));
    return row.riskLevel;
}

} // namespace

OverrideModel::OverrideModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

OverrideModel::~OverrideModel() = default;

/*!
 * Opens the audit database at \a url through its own AuditStore connection (which brings the
 * audit schema up to date), readies the backend for its kind (SQLite: builds or completes the
 * review index; PostgreSQL: checks the login may read the log) and fetches the first page.
 */
Result<bool> OverrideModel::open(const audit::DatabaseUrl &url)
{
    auto backend = [&url]() -> Result<std::unique_ptr<Internal::OverrideBackend>> {
        auto store = audit::AuditStore::open(url);
        if (!store)
            return Error{store.error()};
        auto opened = url.isPostgres() ? Internal::openPostgresBackend(std::move(store).value())
                                       : Internal::openSqliteBackend(std::move(store).value());
        if (!opened)
            return Error{url.display() + u": "_s + opened.error()};
        return opened;
    }();
    if (!backend) {
        fail(backend.error());
        return Error{backend.error()};
    }
    m_backend = std::move(backend).value();
    return setFilter(m_filter);
}

/*!
 * Builds or completes the review index of the SQLite log at \a url through its own AuditStore
 * connection, which makes it safe on a worker thread while the GUI thread waits: open() on the
 * same database then only catches up with what was appended since. \a progress hears after
 * each committed chunk how many records are indexed out of how many there are; when it returns
 * false the build stops there, the index consistent, and the next open() or prepareIndex()
 * carries on from that chunk. Returns true once the index is up to date, false when stopped.
 * PostgreSQL needs no index of the model's own (the audit schema generates the columns), so
 * there it returns true at once.
 */
Result<bool>
OverrideModel::prepareIndex(const audit::DatabaseUrl &url,
                            const std::function<bool(qint64 done, qint64 total)> &progress)
{
    if (url.isPostgres())
        return true;
    auto store = audit::AuditStore::open(url);
    if (!store)
        return Error{store.error()};
    auto prepared = Internal::prepareSqliteIndex(std::move(store).value(), progress);
    if (!prepared)
        return Error{url.display() + u": "_s + prepared.error()};
    return prepared;
}

void OverrideModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

Result<bool> OverrideModel::setFilter(const OverrideFilter &filter)
{
    m_filter = filter;
    return refresh();
}

Result<bool> OverrideModel::refresh()
{
    if (!m_backend) {
        const QString message = u"no audit database is open"_s;
        fail(message);
        return Error{message};
    }
    if (auto synced = m_backend->sync(); !synced) {
        fail(synced.error());
        return synced;
    }
    return reload();
}

/*!
 * One page of matches after \a after in the current order, or the first page. Keyset
 * pagination: the page starts after the last row's (sort key, id), so the thousandth page
 * costs what the first does, which OFFSET would not.
 */
Result<QList<OverrideRow>> OverrideModel::queryPage(const OverrideRow *after) const
{
    const Internal::OverrideBackend::Columns &columns = m_backend->columns();
    QList<Internal::SqlCondition> conditions;
    if (m_filter.from.isValid())
        conditions.append({columns.time + u" >= ?"_s, {audit::formatTime(m_filter.from)}});
    if (m_filter.to.isValid())
        conditions.append({columns.time + u" < ?"_s, {audit::formatTime(m_filter.to)}});
    for (const auto &[column, value] : {std::pair{columns.agent, m_filter.agent},
                                        std::pair{columns.team, m_filter.team},
                                        std::pair{columns.riskLevel, m_filter.riskLevel}}) {
        if (!value.isEmpty())
            conditions.append({column + u" = ?"_s, {value}});
    }
    if (m_filter.status) {
        conditions.append(
            {columns.status + u" = ?"_s, {*m_filter.status ? int(**m_filter.status) + 1 : 0}});
    }
    auto specific = m_backend->conditions(m_filter);
    if (!specific)
        return Error{specific.error()};
    conditions.append(specific.value());
    Internal::PageQuery page;
    page.sortKey = sortKeyColumn(columns, m_sortColumn);
    page.byTime = page.sortKey == columns.time;
    page.descending = m_sortOrder == Qt::DescendingOrder;
    if (after) {
        conditions.append({u"(%1, %2) %3 (?, ?)"_s.arg(page.sortKey, columns.id,
                                                       page.descending ? u"<"_s : u">"_s),
                           {after->sortKey, after->id}});
        if (page.byTime)
            page.afterTime = after->sortKey.toString();
    }
    QStringList where;
    for (const Internal::SqlCondition &condition : std::as_const(conditions)) {
        where.append(condition.sql);
        page.values.append(condition.values);
    }
    page.where = where.join(u" AND "_s);
    page.words = Internal::searchWords(m_filter.text);
    if (m_filter.from.isValid())
        page.from = audit::formatTime(m_filter.from);
    if (m_filter.to.isValid())
        page.to = audit::formatTime(m_filter.to);
    page.limit = m_pageSize + 1;
    auto statement = m_backend->pageStatement(page);
    if (!statement)
        return Error{u"cannot read the overrides: "_s + statement.error()};

    QSqlQuery query(m_backend->database());
    query.setForwardOnly(true);
    query.prepare(statement.value().sql);
    for (const QVariant &value : std::as_const(statement.value().values))
        query.addBindValue(value);
    query.addBindValue(page.limit);
    if (!query.exec())
        return Error{u"cannot read the overrides: "_s + Internal::errorOf(query)};
    QList<OverrideRow> rows;
    while (query.next()) {
        OverrideRow row;
        row.id = query.value(0).toLongLong();
        row.chainId = query.value(1).toString();
        row.seq = query.value(2).toLongLong();
        row.time = audit::parseTime(query.value(3).toString());
        row.agent = query.value(4).toString();
        row.team = query.value(5).toString();
        row.caseId = query.value(6).toString();
        row.action = query.value(7).toString();
        row.amount = optionalNumber(query.value(8));
        row.policies = policiesOf(query.value(9).toString());
        row.riskScore = optionalNumber(query.value(10));
        row.riskLevel = query.value(11).toString();
        row.reasonCategory = query.value(12).toString();
        const int status = query.value(13).toInt();
        if (status > 0)
            row.status = Disposition(status - 1);
        row.sortKey = query.value(14);
        rows.append(row);
    }
    if (query.lastError().isValid())
        return Error{u"reading the overrides stopped: "_s + Internal::errorOf(query)};
    return rows;
}

Result<bool> OverrideModel::reload()
{
    auto page = queryPage(nullptr);
    beginResetModel();
    m_rows.clear();
    m_atEnd = true;
    if (page) {
        m_rows = std::move(page.value());
        m_atEnd = m_rows.size() <= m_pageSize;
        if (!m_atEnd)
            m_rows.removeLast();
    }
    endResetModel();
    if (!page) {
        fail(page.error());
        return Error{page.error()};
    }
    return true;
}

void OverrideModel::fail(const QString &message)
{
    m_lastError = message;
    log::get("review")->warn("override table: {}", message.toStdString());
    emit errorOccurred(message);
}

const OverrideRow *OverrideModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int OverrideModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OverrideModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OverrideModel::data(const QModelIndex &index, int role) const
{
    const OverrideRow *row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    switch (role) {
    case ChainIdRole:
        return row->chainId;
    case SeqRole:
        return row->seq;
    case Qt::DisplayRole:
    case ValueRole:
        break;
    default:
        return {};
    }
    const bool display = role == Qt::DisplayRole;
    switch (index.column()) {
    case TimeColumn:
        return display ? QVariant(row->time.toString(u"yyyy-MM-dd HH:mm:ss"_s))
                       : QVariant(row->time);
    case AgentColumn:
        return row->agent;
    case TeamColumn:
        return row->team;
    case CaseColumn:
        return row->caseId;
    case ActionColumn:
        return row->action;
    case AmountColumn:
        if (!row->amount)
            return {};
        return display ? QVariant(QString::number(*row->amount, 'f', 2)) : QVariant(*row->amount);
    case PoliciesColumn:
        return display ? QVariant(row->policies.join(u", "_s)) : QVariant(row->policies);
    case RiskColumn:
        if (display)
            return riskText(*row);
        return row->riskScore ? QVariant(*row->riskScore) : QVariant();
    case ReasonCategoryColumn:
        return row->reasonCategory;
    case StatusColumn:
        return statusName(row->status);
    default:
        return {};
    }
}

QVariant OverrideModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time (UTC)");
    case AgentColumn:
        return tr("Agent");
    case TeamColumn:
        return tr("Team");
    case CaseColumn:
        return tr("Case");
    case ActionColumn:
        return tr("Action");
    case AmountColumn:
        return tr("Amount");
    case PoliciesColumn:
        return tr("Policies");
    case RiskColumn:
        return tr("Risk");
    case ReasonCategoryColumn:
        return tr("Reason");
    case StatusColumn:
        return tr("Disposition");
    default:
        return {};
    }
}

bool OverrideModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void OverrideModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_rows.isEmpty())
        return;
    auto page = queryPage(&m_rows.last());
    if (!page) {
        m_atEnd = true;
        fail(page.error());
        return;
    }
    QList<OverrideRow> rows = std::move(page).value();
    m_atEnd = rows.size() <= m_pageSize;
    if (!m_atEnd)
        rows.removeLast();
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows.append(rows);
    endInsertRows();
}

/*!
 * Time, amount and risk each have an index, so any of them keeps the first page fast; the
 * other columns are not sortable (over a million rows each would need its own index).
 */
void OverrideModel::sort(int column, Qt::SortOrder order)
{
    if (column != TimeColumn && column != AmountColumn && column != RiskColumn)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    // A failure is reported through lastError() and errorOccurred().
    if (m_backend)
        static_cast<void>(reload());
}

} // namespace rg::review
