// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reviewwindow.h"

#include "ui_reviewwindow.h"

#include "audit/auditstore.h"
#include "log/log.h"
#include "model/cue.h"
#include "review/report.h"
#include "review/summary.h"
#include "settings/settings.h"
#include "ui/displaytext.h"
#include "ui/reviewcharts.h"
#include "ui/signalsmodel.h"

#include <QCloseEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSaveFile>
#include <QTextCursor>
#include <QShortcut>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>

namespace rg::ui {

using namespace Qt::StringLiterals;
using review::Disposition;

namespace {

constexpr int kDefaultDays = 30;
constexpr int kFilterDelayMs = 300;

// Status combo entries: any (0), the triage queue, then each disposition.
constexpr int kStatusUnreviewed = 1;

const QList<Disposition> kDispositions = {Disposition::Justified, Disposition::CoachingNeeded,
                                          Disposition::SuspectedCollusion,
                                          Disposition::ConfirmedFraud};

QString dispositionTitle(Disposition disposition)
{
    switch (disposition) {
    case Disposition::Justified:
        return ReviewWindow::tr("Justified");
    case Disposition::CoachingNeeded:
        return ReviewWindow::tr("Coaching needed");
    case Disposition::SuspectedCollusion:
        return ReviewWindow::tr("Suspected collusion");
    case Disposition::ConfirmedFraud:
        return ReviewWindow::tr("Confirmed fraud");
    }
    Q_UNREACHABLE();
}

QDateTime startOfDay(QDate date)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc());
}

// A member of the record as text for the detail pane; numbers keep their digits.
QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QLocale::c().toString(value.toDouble(), 'g', 12);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isArray() || value.isObject()) {
        return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

// A policy list as written: ids, or objects with an id.
QString policiesText(const QJsonValue &value)
{
    QStringList ids;
    const QJsonArray policies = value.isArray() ? value.toArray() : QJsonArray{value};
    for (const QJsonValue &policy : policies) {
        const QString id = policy.isObject() ? policy.toObject().value(u"id"_s).toString()
                                             : policy.toString();
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids.join(u", "_s);
}

} // namespace

ReviewWindow::ReviewWindow(settings::Settings &settings, ReviewServices services, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<::Ui::ReviewWindow>()), m_settings(settings),
      m_services(std::move(services)), m_model(new review::OverrideModel(this))
{
    m_ui->setupUi(this);
    m_ui->overrideTableView->setModel(m_model);
    m_ui->overrideTableView->sortByColumn(review::OverrideModel::TimeColumn, Qt::DescendingOrder);
    m_ui->overrideTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->overrideTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->overrideTableView->verticalHeader()->hide();
    m_ui->overrideSplitter->setStretchFactor(0, 3);
    m_ui->overrideSplitter->setStretchFactor(1, 2);
    m_ui->outliersTableWidget->verticalHeader()->hide();
    m_charts = new ReviewCharts(m_ui->chartsTab);
    m_ui->chartsLayout->addWidget(m_charts, 1);
    m_ui->chartsStatusLabel->setText(tr("Press Analyse Period on the Outliers tab (or here: Ctrl+R) to draw the charts."));

    setUpFilterFields();
    setUpActions();
    loadSavedFilters();

    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(kFilterDelayMs);
    connect(&m_filterTimer, &QTimer::timeout, this, &ReviewWindow::applyFilter);
    connect(m_ui->overrideTableView->selectionModel(), &QItemSelectionModel::currentRowChanged,
            this, [this] {
                // A note is written for the override it was typed next to.
                m_ui->noteLineEdit->clear();
                showCurrent();
            });
    connect(m_model, &review::OverrideModel::errorOccurred, this, &ReviewWindow::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReviewWindow::showCurrent);
    connect(m_ui->analyseButton, &QPushButton::clicked, this, &ReviewWindow::analyse);
    connect(m_ui->outliersTableWidget, &QTableWidget::currentCellChanged, this,
            &ReviewWindow::showOutlierDetail);
    connect(m_ui->outliersTableWidget, &QTableWidget::cellActivated, this,
            &ReviewWindow::filterByOutlier);

    if (!m_services.auditLog) {
        const QString why = tr("Dispositions cannot be recorded: %1")
                                .arg(m_services.auditLogProblem.isEmpty() ? tr("no audit log to append to")
                                                                          : m_services.auditLogProblem);
        for (QPushButton *button : {m_ui->justifiedButton, m_ui->coachingButton,
                                    m_ui->collusionButton, m_ui->fraudButton}) {
            button->setEnabled(false);
            button->setToolTip(plainToolTip(why));
        }
    }
    const QByteArray geometry = m_settings.value(settings::Key::ReviewWindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
}

ReviewWindow::~ReviewWindow()
{
    // The workers call back into the window: stop the verification, let a read finish (its
    // queued answer dies with the window). The threads are the window's children.
    m_cancelWork.store(true);
    for (QThread *thread : {m_indexThread, m_verifyThread, m_factsThread}) {
        if (thread)
            thread->wait();
    }
}

void ReviewWindow::setUpFilterFields()
{
    m_ui->cueComboBox->addItem(tr("Any cue"));
    for (const model::CueInfo &cue : model::cues())
        m_ui->cueComboBox->addItem(cueTitle(QString(cue.id)), QString(cue.id));
    m_ui->riskComboBox->addItem(tr("Any risk"));
    m_ui->riskComboBox->addItem(tr("High"), u"high"_s);
    m_ui->riskComboBox->addItem(tr("Medium"), u"medium"_s);
    m_ui->riskComboBox->addItem(tr("Low"), u"low"_s);
    m_ui->statusComboBox->addItem(tr("Any status"), u"any"_s);
    m_ui->statusComboBox->addItem(tr("Unreviewed"), u"unreviewed"_s);
    for (const Disposition disposition : kDispositions)
        m_ui->statusComboBox->addItem(dispositionTitle(disposition), review::dispositionName(disposition));

    for (QLineEdit *edit : {m_ui->agentLineEdit, m_ui->teamLineEdit, m_ui->policyLineEdit,
                            m_ui->searchLineEdit}) {
        connect(edit, &QLineEdit::textEdited, this, &ReviewWindow::scheduleFilter);
        connect(edit, &QLineEdit::returnPressed, this, &ReviewWindow::applyFilter);
    }
    for (QDateEdit *edit : {m_ui->fromDateEdit, m_ui->toDateEdit})
        connect(edit, &QDateEdit::dateChanged, this, &ReviewWindow::scheduleFilter);
    // A period ends on or after its first day.
    connect(m_ui->fromDateEdit, &QDateEdit::dateChanged, m_ui->toDateEdit, &QDateEdit::setMinimumDate);
    for (QComboBox *combo : {m_ui->cueComboBox, m_ui->riskComboBox, m_ui->statusComboBox})
        connect(combo, &QComboBox::currentIndexChanged, this, &ReviewWindow::scheduleFilter);
    connect(m_ui->savedFiltersComboBox, &QComboBox::activated, this, &ReviewWindow::applySavedFilter);
    connect(m_ui->saveFilterButton, &QPushButton::clicked, this, &ReviewWindow::saveFilter);
    connect(m_ui->deleteFilterButton, &QPushButton::clicked, this, &ReviewWindow::deleteFilter);
}

void ReviewWindow::setUpActions()
{
    const QList<std::pair<QAction *, QPushButton *>> controls = {
        {m_ui->justifiedAction, m_ui->justifiedButton},
        {m_ui->coachingAction, m_ui->coachingButton},
        {m_ui->collusionAction, m_ui->collusionButton},
        {m_ui->fraudAction, m_ui->fraudButton}};
    for (qsizetype i = 0; i < controls.size(); ++i) {
        const Disposition disposition = kDispositions.at(i);
        // Ctrl+digit anywhere on the Overrides tab (the note field too); the bare digit only in
        // the table, so a key pressed elsewhere never judges an override out of sight.
        const QString digit = QString::number(i + 1);
        controls.at(i).first->setShortcut(QKeySequence(u"Ctrl+"_s + digit));
        auto *bare = new QShortcut(QKeySequence(digit), m_ui->overrideTableView);
        bare->setContext(Qt::WidgetShortcut);
        connect(bare, &QShortcut::activated, this, [this, disposition] { triage(disposition); });
        connect(controls.at(i).first, &QAction::triggered, this, [this, disposition] { triage(disposition); });
        connect(controls.at(i).second, &QPushButton::clicked, this, [this, disposition] { triage(disposition); });
        controls.at(i).first->setEnabled(m_services.auditLog != nullptr);
    }
    connect(m_ui->nextAction, &QAction::triggered, this, [this] { step(1); });
    connect(m_ui->previousAction, &QAction::triggered, this, [this] { step(-1); });
    for (QAction *action : {m_ui->nextAction, m_ui->previousAction}) {
        const QKeySequence key = action->shortcut();
        action->setShortcut(QKeySequence(u"Ctrl+"_s + key.toString()));
        auto *bare = new QShortcut(key, m_ui->overrideTableView);
        bare->setContext(Qt::WidgetShortcut);
        connect(bare, &QShortcut::activated, action, &QAction::trigger);
    }
    connect(m_ui->refreshAction, &QAction::triggered, this, [this] { refreshKeepingPlace(); });
    connect(m_ui->queueAction, &QAction::triggered, this, [this] {
        m_ui->statusComboBox->setCurrentIndex(kStatusUnreviewed);
        applyFilter();
        m_ui->overrideTableView->setFocus();
    });
    connect(m_ui->clearFiltersAction, &QAction::triggered, this, [this] {
        for (QLineEdit *edit : {m_ui->agentLineEdit, m_ui->teamLineEdit, m_ui->policyLineEdit,
                                m_ui->searchLineEdit})
            edit->clear();
        for (QComboBox *combo : {m_ui->cueComboBox, m_ui->riskComboBox, m_ui->statusComboBox})
            combo->setCurrentIndex(0);
        applyFilter();
    });
    connect(m_ui->closeAction, &QAction::triggered, this, &QWidget::close);
    auto *analyseAction = new QAction(tr("&Analyse Period"), this);
    analyseAction->setShortcut(QKeySequence(u"Ctrl+R"_s));
    connect(analyseAction, &QAction::triggered, this, &ReviewWindow::analyse);
    m_ui->viewMenu->addAction(analyseAction);
    connect(m_ui->exportPdfAction, &QAction::triggered, this, [this] {
        exportReport(u"pdf"_s);
    });
    connect(m_ui->exportCsvAction, &QAction::triggered, this, [this] {
        exportReport(u"csv"_s);
    });
}

/*
 * The first look at a big SQLite log builds its review index (seconds per hundred thousand
 * records): that runs on a worker behind a progress dialog that can cancel it, and the list
 * opens when it is done. Later opens find the index up to date at once.
 */
void ReviewWindow::open(QDate today)
{
    if (m_store || m_indexThread) {
        emit opened(tr("the review is already open"));
        return;
    }
    m_today = today;
    const audit::DatabaseUrl database = m_services.database;
    m_progress = new QProgressDialog(tr("Preparing the review of %1…").arg(database.display()),
                                     tr("Cancel"), 0, 100, this);
    m_progress->setWindowTitle(windowTitle());
    m_progress->setMinimumDuration(500);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [this] { m_cancelWork.store(true); });
    m_indexThread = QThread::create([this, database] {
        auto prepared = review::OverrideModel::prepareIndex(database, [this](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(this, [this, done, total] {
                if (m_progress && total > 0)
                    m_progress->setValue(int(100 * done / total));
            });
            return !m_cancelWork.load();
        });
        QMetaObject::invokeMethod(this, [this, prepared] { finishOpen(prepared); });
    });
    m_indexThread->setParent(this);
    m_indexThread->start();
}

void ReviewWindow::finishOpen(const Result<bool> &prepared)
{
    m_indexThread->wait();
    m_indexThread->deleteLater();
    m_indexThread = nullptr;
    delete m_progress;
    const auto failed = [this](const QString &error) {
        showError(error);
        emit opened(error);
    };
    if (!prepared)
        return failed(tr("Cannot prepare the review index: %1").arg(prepared.error()));
    if (!prepared.value())
        return failed(tr("Preparing the review was cancelled."));
    auto store = audit::AuditStore::open(m_services.database);
    if (!store)
        return failed(store.error());
    if (auto modelOpened = m_model->open(m_services.database); !modelOpened)
        return failed(modelOpened.error());
    m_store = std::move(store).value();
    // Set without waiting for the typing delay: the first page shows at once.
    {
        const QSignalBlocker fromBlocker(m_ui->fromDateEdit);
        const QSignalBlocker toBlocker(m_ui->toDateEdit);
        setPeriod(m_today.addDays(-(kDefaultDays - 1)), m_today);
    }
    applyFilter();
    m_ui->overrideTableView->resizeColumnsToContents();
    startVerification();
    emit opened(QString());
}

void ReviewWindow::setPeriod(QDate from, QDate to)
{
    m_ui->fromDateEdit->setDate(from);
    m_ui->toDateEdit->setDate(to);
}

review::OverrideFilter ReviewWindow::fieldsFilter() const
{
    review::OverrideFilter filter;
    filter.from = startOfDay(m_ui->fromDateEdit->date());
    filter.to = startOfDay(m_ui->toDateEdit->date().addDays(1));
    filter.agent = m_ui->agentLineEdit->text().trimmed();
    filter.team = m_ui->teamLineEdit->text().trimmed();
    filter.policy = m_ui->policyLineEdit->text().trimmed();
    filter.cue = m_ui->cueComboBox->currentData().toString();
    filter.riskLevel = m_ui->riskComboBox->currentData().toString();
    filter.text = m_ui->searchLineEdit->text().trimmed();
    const int status = m_ui->statusComboBox->currentIndex();
    if (status == kStatusUnreviewed)
        filter.status = std::optional<Disposition>();
    else if (status > kStatusUnreviewed)
        filter.status = kDispositions.value(status - kStatusUnreviewed - 1);
    return filter;
}

void ReviewWindow::scheduleFilter()
{
    if (!m_applyingSaved)
        m_filterTimer.start();
}

void ReviewWindow::applyFilter()
{
    m_filterTimer.stop();
    if (!m_store)
        return;
    QElapsedTimer timer;
    timer.start();
    if (auto applied = m_model->setFilter(fieldsFilter()); !applied) {
        showError(applied.error());
        return;
    }
    const QString more = m_model->canFetchMore() ? tr(" (more as you scroll)") : QString();
    statusBar()->showMessage(tr("%n override(s) shown%1 · %2 ms", nullptr, m_model->rowCount())
                                 .arg(more)
                                 .arg(timer.elapsed()));
    if (m_model->rowCount() > 0)
        selectRow(0);
}

const review::OverrideRow *ReviewWindow::currentRow() const
{
    const QModelIndex current = m_ui->overrideTableView->currentIndex();
    return current.isValid() ? m_model->rowAt(current.row()) : nullptr;
}

void ReviewWindow::selectRow(int row)
{
    while (row >= m_model->rowCount() && m_model->canFetchMore())
        m_model->fetchMore();
    row = std::min(row, m_model->rowCount() - 1);
    if (row < 0) {
        showCurrent();
        return;
    }
    const QModelIndex index = m_model->index(row, review::OverrideModel::TimeColumn);
    m_ui->overrideTableView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->overrideTableView->scrollTo(index);
}

void ReviewWindow::step(int delta)
{
    const QModelIndex current = m_ui->overrideTableView->currentIndex();
    const int row = current.isValid() ? current.row() + delta : 0;
    if (row >= 0)
        selectRow(row);
}

void ReviewWindow::refreshKeepingPlace()
{
    QList<review::OverrideRef> wanted;
    const int index = m_ui->overrideTableView->currentIndex().row();
    for (const int row : {index, index + 1}) {
        if (const review::OverrideRow *kept = m_model->rowAt(row))
            wanted.append(review::OverrideRef{kept->chainId, kept->seq});
    }
    refreshAndSelect(wanted, std::max(index, 0));
    if (!m_verifyThread)
        startVerification();
}

// Brings the list up to date, then selects the first of \a wanted still listed (looking a few
// pages past \a fallbackRow), else the row at \a fallbackRow.
void ReviewWindow::refreshAndSelect(const QList<review::OverrideRef> &wanted, int fallbackRow)
{
    if (auto refreshed = m_model->refresh(); !refreshed)
        showError(refreshed.error());
    const int searchUpTo = fallbackRow + 4 * review::OverrideModel::kDefaultPageSize;
    for (const review::OverrideRef &key : wanted) {
        for (int row = 0;; ++row) {
            if (row >= m_model->rowCount()) {
                if (row > searchUpTo || !m_model->canFetchMore())
                    break;
                m_model->fetchMore();
                if (row >= m_model->rowCount())
                    break;
            }
            const review::OverrideRow *candidate = m_model->rowAt(row);
            if (candidate->chainId == key.chainId && candidate->seq == key.seq) {
                selectRow(row);
                return;
            }
        }
    }
    selectRow(fallbackRow);
}

void ReviewWindow::showCurrent()
{
    const review::OverrideRow *row = currentRow();
    m_shown.reset();
    m_ui->detailTextEdit->clear();
    m_ui->chainStatusLabel->clear();
    if (!row || !m_store)
        return;
    const review::OverrideRow shown = *row;
    auto records = m_store->records(shown.chainId, shown.seq - 1, 1);
    if (!records || records.value().isEmpty() || records.value().constFirst().seq != shown.seq) {
        // Nothing of another override may stay on screen: the keys would judge this one.
        const QString why = tr("Cannot read record %1 of chain %2: %3")
                                .arg(shown.seq)
                                .arg(shown.chainId, records ? tr("not in the log") : records.error());
        m_ui->detailTextEdit->setPlainText(displaySafe(why));
        showError(why);
        return;
    }
    const QJsonObject record = QJsonDocument::fromJson(records.value().constFirst().body).object();
    showDetail(shown, record);
    m_shown = review::OverrideRef{shown.chainId, shown.seq};
    updateChainStatus();
}

/*
 * The record in reading order: who, what, why, then each piece of evidence in the message it
 * was quoted from with the quote highlighted. Everything is inserted as plain text through
 * displaySafe(): agents and customers wrote it.
 */
void ReviewWindow::showDetail(const review::OverrideRow &row, const QJsonObject &record)
{
    QTextEdit *edit = m_ui->detailTextEdit;
    edit->clear();
    QTextCursor cursor(edit->document());
    QTextCharFormat plain;
    QTextCharFormat heading;
    heading.setFontWeight(QFont::Bold);
    QTextCharFormat quote;
    quote.setBackground(QColor(255, 214, 102));
    quote.setForeground(QColor(Qt::black));
    quote.setFontUnderline(true);

    const auto line = [&](const QString &label, const QString &value) {
        if (value.isEmpty())
            return;
        cursor.insertText(label + u": "_s, heading);
        cursor.insertText(displaySafe(value) + u'\n', plain);
    };
    const QJsonObject payload = record.value(u"payload"_s).toObject();
    const QJsonObject actor = record.value(u"actor"_s).toObject();
    const QJsonValue action = payload.value(u"action"_s);
    const QJsonObject actionObject = action.toObject();

    line(tr("Time"), QLocale::c().toString(row.time.toUTC(), u"yyyy-MM-dd HH:mm:ss 'UTC'"_s));
    line(tr("Agent"), actor.value(u"team"_s).toString().isEmpty()
                          ? actor.value(u"id"_s).toString()
                          : tr("%1 (team %2)").arg(actor.value(u"id"_s).toString(),
                                                   actor.value(u"team"_s).toString()));
    line(tr("Case"), record.value(u"case_id"_s).toString());
    line(tr("Conversation"), payload.value(u"conversation_id"_s).toString());
    line(tr("Action"), action.isObject() ? actionObject.value(u"type"_s).toString() : action.toString());
    line(tr("Order"), textOf(actionObject.value(u"order_id"_s)));
    line(tr("Amount"), (textOf(payload.value(u"amount"_s).isUndefined() ? actionObject.value(u"amount"_s)
                                                                           : payload.value(u"amount"_s))
                        + u' ' + actionObject.value(u"currency"_s).toString())
                           .trimmed());
    line(tr("Limit"), textOf(payload.value(u"limit"_s)));
    line(tr("Method"), actionObject.value(u"method"_s).toString());
    line(tr("Policies"), policiesText(payload.value(u"policies"_s)));
    line(tr("Verdict"), payload.value(u"verdict"_s).toString());
    const QJsonValue risk = payload.value(u"risk"_s);
    if (risk.isObject()) {
        const QJsonObject riskObject = risk.toObject();
        line(tr("Risk"), u"%1 (%2)"_s.arg(riskObject.value(u"level"_s).toString(),
                                           textOf(riskObject.value(u"score"_s))));
        QStringList reasons;
        for (const QJsonValue &reason : riskObject.value(u"top_reasons"_s).toArray())
            reasons.append(reason.toObject().value(u"text"_s).toString());
        line(tr("Risk reasons"), reasons.join(u"; "_s));
    } else {
        line(tr("Risk"), textOf(risk));
    }
    line(tr("Reason category"), payload.value(u"reason_category"_s).toString());
    line(tr("Reason"), payload.value(u"reason"_s).toString());
    line(tr("Status"), row.status ? dispositionTitle(*row.status) : tr("Unreviewed"));
    line(tr("Record"), tr("chain %1, seq %2").arg(row.chainId).arg(row.seq));

    showCaseSnapshot(cursor, payload.value(u"case"_s).toObject());

    const QJsonArray evidence = payload.value(u"evidence"_s).toArray();
    if (!evidence.isEmpty())
        cursor.insertText(u'\n' + tr("Evidence") + u'\n', heading);
    for (const QJsonValue &value : evidence) {
        const QJsonObject item = value.toObject();
        const QString cue = item.value(u"cue"_s).toString();
        const QString quoted = displaySafe(item.value(u"quote"_s).toString());
        const QString message = displaySafe(item.value(u"message"_s).toString());
        cursor.insertText(tr("Turn %1 · %2").arg(textOf(item.value(u"turn"_s)),
                                                   cue.isEmpty() ? tr("cue") : cueTitle(cue))
                              + u'\n',
                          heading);
        const qsizetype at = quoted.isEmpty() ? -1 : message.indexOf(quoted);
        if (at < 0) {
            cursor.insertText(message.isEmpty() ? QString() : message + u"\n"_s, plain);
            if (!quoted.isEmpty())
                cursor.insertText(quoted, quote);
        } else {
            cursor.insertText(message.first(at), plain);
            cursor.insertText(quoted, quote);
            cursor.insertText(message.sliced(at + quoted.size()), plain);
        }
        cursor.insertText(u"\n"_s, plain);
    }
    edit->moveCursor(QTextCursor::Start);
}

// The case as the agent saw it when overriding (the sidebar records it with the override).
void ReviewWindow::showCaseSnapshot(QTextCursor &cursor, const QJsonObject &snapshot)
{
    if (snapshot.isEmpty())
        return;
    QTextCharFormat plain;
    QTextCharFormat heading;
    heading.setFontWeight(QFont::Bold);
    const auto line = [&](const QString &label, const QString &value) {
        if (value.isEmpty())
            return;
        cursor.insertText(label + u": "_s, heading);
        cursor.insertText(displaySafe(value) + u'\n', plain);
    };
    cursor.insertText(u'\n' + tr("Case as the agent saw it") + u'\n', heading);
    const QJsonObject customer = snapshot.value(u"customer"_s).toObject();
    line(tr("Customer"), customer.value(u"id"_s).toString());
    line(tr("Account created"), customer.value(u"account_created"_s).toString());
    const QJsonObject contact = snapshot.value(u"contact"_s).toObject();
    const QJsonObject identity = contact.value(u"identity"_s).toObject();
    line(tr("Identity"), QStringList{identity.value(u"status"_s).toString(),
                                     identity.value(u"method"_s).toString()}
                             .join(u' ')
                             .trimmed());
    if (contact.value(u"device"_s).toObject().value(u"new"_s).toBool())
        line(tr("Device"), tr("new to this account"));
    for (const QJsonValue &value : snapshot.value(u"orders"_s).toArray()) {
        const QJsonObject order = value.toObject();
        const QJsonObject delivery = order.value(u"delivery"_s).toObject();
        QStringList proof;
        for (const QString &kind : {u"photo"_s, u"gps"_s, u"signature"_s}) {
            if (delivery.value(kind).toBool())
                proof.append(kind);
        }
        line(tr("Order %1").arg(order.value(u"id"_s).toString()),
             tr("%1 %2, %3%4")
                 .arg(textOf(order.value(u"value"_s)), order.value(u"currency"_s).toString(),
                      delivery.value(u"status"_s).toString(),
                      proof.isEmpty() ? QString() : tr(" (%1)").arg(proof.join(u", "_s))));
    }
    const QJsonArray claims = snapshot.value(u"claims"_s).toArray();
    QStringList claimTexts;
    for (const QJsonValue &value : claims) {
        const QJsonObject claim = value.toObject();
        claimTexts.append(u"%1 %2 %3 (%4)"_s.arg(claim.value(u"date"_s).toString().left(10),
                                                claim.value(u"type"_s).toString(),
                                                textOf(claim.value(u"amount"_s)),
                                                claim.value(u"outcome"_s).toString()));
    }
    line(tr("Earlier claims"), claimTexts.join(u"; "_s));
    QStringList changes;
    for (const QJsonValue &value : snapshot.value(u"account_changes"_s).toArray()) {
        const QJsonObject change = value.toObject();
        changes.append(u"%1 %2"_s.arg(change.value(u"field"_s).toString(),
                                      change.value(u"time"_s).toString()));
    }
    line(tr("Account changes"), changes.join(u"; "_s));
    QStringList linked;
    for (const QJsonValue &value : snapshot.value(u"linked_accounts"_s).toArray()) {
        const QJsonObject account = value.toObject();
        linked.append(account.value(u"fraud_flag"_s).toBool()
                          ? tr("%1 (fraud flag)").arg(account.value(u"customer_id"_s).toString())
                          : account.value(u"customer_id"_s).toString());
    }
    line(tr("Linked accounts"), linked.join(u", "_s));
    line(tr("Agent's limit"), textOf(snapshot.value(u"agent"_s).toObject().value(u"refund_limit"_s)));
    line(tr("Case fetched"), snapshot.value(u"stale"_s).toBool()
                                 ? tr("%1 (an out-of-date copy)").arg(snapshot.value(u"fetched_at"_s).toString())
                                 : snapshot.value(u"fetched_at"_s).toString());
}

QString ReviewWindow::chainStatusText() const
{
    return m_ui->chainStatusLabel->text();
}

void ReviewWindow::updateChainStatus()
{
    const review::OverrideRow *row = currentRow();
    if (!row) {
        m_ui->chainStatusLabel->clear();
        return;
    }
    QString text;
    if (!m_verify) {
        text = m_verifyTotal > 0 ? tr("Chain: verifying… %1%").arg(100 * m_verifyDone / m_verifyTotal)
                                 : tr("Chain: verifying…");
    } else if (!m_verify->ok()) {
        text = tr("Chain: not verified: %1").arg(m_verify->error());
    } else {
        text = tr("Chain: verified — this record and every one before it in chain %1 are intact")
                   .arg(row->chainId);
        if (row->seq > m_verifiedHeads.value(row->chainId, 0)) {
            text = tr("Chain: this record was written after the last check; press F5 to "
                      "check again");
        }
        for (const audit::VerifyProblem &problem : m_verify->value().problems) {
            if (problem.chainId != row->chainId)
                continue;
            text = problem.seq <= row->seq
                       ? tr("Chain: BROKEN at seq %1 (%2): this record cannot be trusted")
                             .arg(problem.seq)
                             .arg(problem.what)
                       : tr("Chain: verified up to this record; broken later, at seq %1 (%2)")
                             .arg(problem.seq)
                             .arg(problem.what);
            break;
        }
    }
    m_ui->chainStatusLabel->setText(text);
}

void ReviewWindow::startVerification()
{
    const audit::DatabaseUrl database = m_services.database;
    m_verify.reset();
    m_verifyThread = QThread::create([this, database] {
        Result<audit::VerifyReport> report = Error{QString()};
        QHash<QString, qint64> heads;
        auto store = audit::AuditStore::open(database);
        if (!store) {
            report = Error{store.error()};
        } else {
            // What exists now is what this check covers; later records are marked as such.
            QSqlQuery query(store.value()->database());
            if (query.exec(u"SELECT chain_id, max(seq) FROM audit_records GROUP BY chain_id"_s)) {
                while (query.next())
                    heads.insert(query.value(0).toString(), query.value(1).toLongLong());
            }
            audit::VerifyOptions options;
            options.cancel = &m_cancelWork;
            qint64 lastPercent = -1;
            options.progress = [this, &lastPercent](qint64 done, qint64 total) {
                const qint64 percent = total > 0 ? 100 * done / total : 0;
                if (percent == lastPercent)
                    return;
                lastPercent = percent;
                QMetaObject::invokeMethod(this, [this, done, total] {
                    m_verifyDone = done;
                    m_verifyTotal = total;
                    if (!m_verify)
                        updateChainStatus();
                });
            };
            report = audit::verifyStore(*store.value(), options);
        }
        QMetaObject::invokeMethod(this, [this, report, heads] {
            m_verifiedHeads = heads;
            finishVerification(report);
        });
    });
    m_verifyThread->setParent(this);
    m_verifyThread->start();
}

void ReviewWindow::finishVerification(const Result<audit::VerifyReport> &report)
{
    m_verifyThread->wait();
    m_verifyThread->deleteLater();
    m_verifyThread = nullptr;
    m_verify = report;
    if (!report)
        log::get("review")->error("chain verification failed: {}", report.error().toStdString());
    else if (!report.value().ok())
        log::get("review")->warn("chain verification found {} problem(s)", report.value().problems.size());
    updateChainStatus();
    emit verified();
}

Result<audit::AuditRecord> ReviewWindow::recordDisposition(Disposition disposition)
{
    const review::OverrideRow *row = currentRow();
    if (!row)
        return Error{tr("Select an override first.")};
    if (!m_shown || m_shown->chainId != row->chainId || m_shown->seq != row->seq
        || m_ui->tabWidget->currentWidget() != m_ui->overridesTab) {
        return Error{tr("Show the override on the Overrides tab first: only the override whose "
                        "record is on screen can be judged.")};
    }
    if (!m_services.auditLog) {
        return Error{tr("Dispositions cannot be recorded: %1")
                         .arg(m_services.auditLogProblem.isEmpty() ? tr("no audit log to append to")
                                                                   : m_services.auditLogProblem)};
    }
    const QString note = m_ui->noteLineEdit->text().trimmed();
    if (note.isEmpty())
        return Error{tr("Write a note saying why it is \"%1\", then press Ctrl+%2.")
                         .arg(dispositionTitle(disposition))
                         .arg(kDispositions.indexOf(disposition) + 1)};
    const int index = m_ui->overrideTableView->currentIndex().row();
    const review::OverrideRef judged{row->chainId, row->seq};
    std::optional<review::OverrideRef> next;
    if (const review::OverrideRow *after = m_model->rowAt(index + 1))
        next = review::OverrideRef{after->chainId, after->seq};
    auto record = review::recordDisposition(*m_services.auditLog, m_services.reviewer, row->caseId,
                                            judged, disposition, note);
    if (!record)
        return record;
    // Signed at once: no disposition waits in an unsigned tail of the supervisor's chain.
    if (auto signedUp = m_services.auditLog->endSession(); !signedUp)
        showError(tr("The disposition is recorded but not yet signed: %1").arg(signedUp.error()));
    m_ui->noteLineEdit->clear();
    // On to the next override, found again by its key: new overrides may have arrived above it
    // and the judged one may have left the list.
    QList<review::OverrideRef> wanted;
    if (next)
        wanted.append(*next);
    wanted.append(judged);
    refreshAndSelect(wanted, index);
    statusBar()->showMessage(tr("Recorded \"%1\" for case %2 (record %3).")
                                 .arg(dispositionTitle(disposition), record.value().caseId)
                                 .arg(record.value().seq));
    emit dispositionRecorded(record.value());
    return record;
}

void ReviewWindow::triage(Disposition disposition)
{
    if (auto recorded = recordDisposition(disposition); !recorded) {
        showError(recorded.error());
        if (m_ui->noteLineEdit->text().trimmed().isEmpty())
            m_ui->noteLineEdit->setFocus();
        return;
    }
    m_ui->overrideTableView->setFocus();
}

void ReviewWindow::analyse()
{
    const QString reading = tr("Reading %1 to %2…")
                                .arg(m_ui->fromDateEdit->date().toString(Qt::ISODate),
                                     m_ui->toDateEdit->date().toString(Qt::ISODate));
    m_analysedPeriod = fieldsPeriod();
    m_analysedTeam = m_ui->teamLineEdit->text().trimmed();
    if (!readFactsInBackground(false, [this](const PeriodRead &read) { finishAnalysis(read.facts); }))
        return;
    m_ui->analyseButton->setEnabled(false);
    m_ui->outliersStatusLabel->setText(reading);
    m_ui->chartsStatusLabel->setText(reading);
}

/*
 * Reading a month of records takes seconds on a big log, so it runs on a worker with its own
 * connection (a QSqlDatabase belongs to the thread that opened it); \a done runs on the GUI
 * thread. One read at a time: false, and a message, while one runs.
 */
bool ReviewWindow::readFactsInBackground(bool verify, FactsDone done)
{
    if (m_factsThread) {
        showError(tr("Still reading the period for the previous request; try again when it is done."));
        return false;
    }
    const audit::DatabaseUrl database = m_services.database;
    const review::Period period = fieldsPeriod();
    m_factsThread = QThread::create([this, database, period, verify, done = std::move(done)] {
        PeriodRead read{Error{QString()}, std::nullopt};
        auto store = audit::AuditStore::open(database);
        if (!store) {
            read.facts = Error{store.error()};
        } else {
            read.facts = review::readFacts(*store.value(), period);
            if (verify && read.facts) {
                audit::VerifyOptions options;
                options.cancel = &m_cancelWork;
                read.verification = audit::verifyStore(*store.value(), options);
            }
        }
        QMetaObject::invokeMethod(this, [this, read = std::move(read), done] {
            m_factsThread->wait();
            m_factsThread->deleteLater();
            m_factsThread = nullptr;
            done(read);
        });
    });
    m_factsThread->setParent(this);
    m_factsThread->start();
    return true;
}

review::Period ReviewWindow::fieldsPeriod() const
{
    return {startOfDay(m_ui->fromDateEdit->date()), startOfDay(m_ui->toDateEdit->date().addDays(1))};
}

void ReviewWindow::finishAnalysis(const Result<review::AuditFacts> &facts)
{
    m_ui->analyseButton->setEnabled(true);
    if (!facts) {
        m_ui->outliersStatusLabel->setText(tr("Cannot analyse: %1").arg(facts.error()));
        m_ui->chartsStatusLabel->setText(m_ui->outliersStatusLabel->text());
        return;
    }
    review::OutlierOptions options;
    options.team = m_analysedTeam;
    m_outliers = review::findOutliers(facts.value(), options);
    const review::ReviewSummary summary = review::summarise(facts.value());
    m_charts->setSummary(summary);

    const QStringList headers = {tr("Agent"), tr("Team"), tr("Overrides"), tr("Rate (95%)"),
                                 tr("Team band"), tr("High risk"), tr("Fraud share"), tr("Score"),
                                 tr("Flags")};
    QTableWidget *table = m_ui->outliersTableWidget;
    table->clear();
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setRowCount(int(m_outliers->agents.size()));
    const QLocale locale;
    for (int i = 0; i < int(m_outliers->agents.size()); ++i) {
        const review::AgentFigures &agent = m_outliers->agents.at(i);
        QStringList flags;
        for (const review::Flag &flag : agent.flags)
            flags.append(flag.id);
        const QString per = agent.denominator == review::Denominator::Contacts ? tr("/contact")
                                                                              : tr("/day");
        const QStringList cells = {
            agent.agent,
            agent.team,
            locale.toString(agent.overrides),
            u"%1%2 (%3–%4)"_s.arg(locale.toString(agent.rate, 'f', 3), per,
                                  locale.toString(agent.rateLow, 'f', 3),
                                  locale.toString(agent.rateHigh, 'f', 3)),
            agent.teamBand ? locale.toString(*agent.teamBand, 'f', 3) : tr("—"),
            locale.toString(agent.highRiskOverrides),
            locale.toString(100 * agent.fraudShare, 'f', 0) + u'%',
            locale.toString(agent.score, 'f', 1),
            flags.join(u", "_s)};
        for (int column = 0; column < int(cells.size()); ++column)
            table->setItem(i, column, new QTableWidgetItem(displaySafe(cells.at(column))));
    }
    table->resizeColumnsToContents();
    const qsizetype flagged = review::flaggedAgents(*m_outliers).size();
    m_ui->outliersStatusLabel->setText(
        tr("%1 agent(s), %2 flagged, %3 override(s). Enter on an agent shows their overrides.")
            .arg(m_outliers->agents.size())
            .arg(flagged)
            .arg(summary.overrides));
    m_ui->chartsStatusLabel->setText(tr("%1 to %2: %3 override(s), %4 high risk.")
                                         .arg(m_analysedPeriod.from.date().toString(Qt::ISODate),
                                              m_analysedPeriod.to.date().addDays(-1).toString(Qt::ISODate))
                                         .arg(summary.overrides)
                                         .arg(summary.highRisk));
    if (table->rowCount() > 0)
        table->setCurrentCell(0, 0);
    emit analysed();
}

void ReviewWindow::showOutlierDetail()
{
    const int row = m_ui->outliersTableWidget->currentRow();
    if (!m_outliers || row < 0 || row >= m_outliers->agents.size()) {
        m_ui->flagsTextEdit->clear();
        return;
    }
    const review::AgentFigures &agent = m_outliers->agents.at(row);
    QStringList lines;
    for (const review::Flag &flag : agent.flags)
        lines.append(u"• "_s + flag.explanation);
    if (lines.isEmpty())
        lines.append(tr("%1 does not stand out from their team in this period.").arg(agent.agent));
    m_ui->flagsTextEdit->setPlainText(displaySafe(lines.join(u'\n')));
}

void ReviewWindow::filterByOutlier()
{
    const int row = m_ui->outliersTableWidget->currentRow();
    if (!m_outliers || row < 0 || row >= m_outliers->agents.size())
        return;
    m_ui->agentLineEdit->setText(m_outliers->agents.at(row).agent);
    // The agent's overrides of the period that was analysed, whatever the fields say now.
    {
        const QSignalBlocker fromBlocker(m_ui->fromDateEdit);
        const QSignalBlocker toBlocker(m_ui->toDateEdit);
        setPeriod(m_analysedPeriod.from.date(), m_analysedPeriod.to.date().addDays(-1));
    }
    m_ui->tabWidget->setCurrentWidget(m_ui->overridesTab);
    applyFilter();
    m_ui->overrideTableView->setFocus();
}

void ReviewWindow::exportReport(const QString &format)
{
    const bool pdf = format == u"pdf"_s;
    const QString suggested = u"refundguard-review-%1-%2.%3"_s.arg(
        m_ui->fromDateEdit->date().toString(Qt::ISODate),
        m_ui->toDateEdit->date().toString(Qt::ISODate), format);
    const QString path = QFileDialog::getSaveFileName(
        this, pdf ? tr("Export PDF Report") : tr("Export CSV"), suggested,
        pdf ? tr("PDF files (*.pdf)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    startExport(path);
}

void ReviewWindow::startExport(const QString &path)
{
    const auto refuse = [this, &path](const QString &why) {
        showError(why);
        emit exported(path, why);
    };
    const bool pdf = path.endsWith(u".pdf"_s, Qt::CaseInsensitive);
    if (!pdf && !path.endsWith(u".csv"_s, Qt::CaseInsensitive))
        return refuse(tr("%1: the file name must end in .pdf or .csv").arg(path));
    // The PDF states whether the log verifies as it is now, so it is checked again with the read.
    if (readFactsInBackground(pdf, [this, path](const PeriodRead &read) {
            Result<bool> written = true;
            if (!read.facts)
                written = Error{read.facts.error()};
            else if (read.verification && !read.verification->ok())
                written = Error{tr("The chains could not be checked: %1").arg(read.verification->error())};
            else
                written = writeExport(path, read);
            if (written)
                statusBar()->showMessage(tr("Exported %1").arg(path));
            else
                showError(written.error());
            emit exported(path, written ? QString() : written.error());
        })) {
        statusBar()->showMessage(tr("Exporting %1…").arg(path));
    }
}

// Replaces \a path only once the whole file is written (QSaveFile).
Result<bool> ReviewWindow::writeExport(const QString &path, const PeriodRead &read)
{
    const review::AuditFacts &facts = read.facts.value();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{u"%1: %2"_s.arg(path, file.errorString())};
    Result<bool> written = true;
    if (path.endsWith(u".pdf"_s, Qt::CaseInsensitive)) {
        review::ReportInput input;
        input.summary = review::summarise(facts);
        input.outliers = review::findOutliers(facts);
        input.verification = read.verification->value();
        input.generatedAt = QDateTime::currentDateTimeUtc();
        written = review::writePdf(input, file);
    } else {
        written = review::writeCsv(facts, file);
    }
    if (!written)
        return Error{u"%1: %2"_s.arg(path, written.error())};
    if (!file.commit())
        return Error{u"%1: %2"_s.arg(path, file.errorString())};
    return true;
}

// Saved filters: name -> the fields as JSON, kept in the user's settings.
QJsonObject ReviewWindow::filterToJson() const
{
    return QJsonObject{{u"from"_s, m_ui->fromDateEdit->date().toString(Qt::ISODate)},
                       {u"to"_s, m_ui->toDateEdit->date().toString(Qt::ISODate)},
                       {u"agent"_s, m_ui->agentLineEdit->text()},
                       {u"team"_s, m_ui->teamLineEdit->text()},
                       {u"policy"_s, m_ui->policyLineEdit->text()},
                       {u"cue"_s, m_ui->cueComboBox->currentData().toString()},
                       {u"risk"_s, m_ui->riskComboBox->currentData().toString()},
                       {u"status"_s, m_ui->statusComboBox->currentData().toString()},
                       {u"text"_s, m_ui->searchLineEdit->text()}};
}

void ReviewWindow::setFieldsFromJson(const QJsonObject &json)
{
    m_applyingSaved = true;
    const QDate from = QDate::fromString(json.value(u"from"_s).toString(), Qt::ISODate);
    const QDate to = QDate::fromString(json.value(u"to"_s).toString(), Qt::ISODate);
    if (from.isValid() && to.isValid())
        setPeriod(from, to);
    m_ui->agentLineEdit->setText(json.value(u"agent"_s).toString());
    m_ui->teamLineEdit->setText(json.value(u"team"_s).toString());
    m_ui->policyLineEdit->setText(json.value(u"policy"_s).toString());
    m_ui->searchLineEdit->setText(json.value(u"text"_s).toString());
    const auto select = [&json](QComboBox *combo, const QString &member) {
        const int index = combo->findData(json.value(member).toString());
        combo->setCurrentIndex(std::max(index, 0));
    };
    select(m_ui->cueComboBox, u"cue"_s);
    select(m_ui->riskComboBox, u"risk"_s);
    select(m_ui->statusComboBox, u"status"_s);
    m_applyingSaved = false;
}

// The saved filters, or an error when what the settings hold is not a JSON object (then nothing
// is written over it).
Result<QJsonObject> ReviewWindow::savedFilters() const
{
    const QByteArray stored = m_settings.value(settings::Key::ReviewSavedFilters).toByteArray();
    if (stored.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(stored, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return Error{tr("%1 in %2 is not a JSON object (%3); saved filters are left as they are")
                         .arg(settings::registry::keyString(settings::Key::ReviewSavedFilters),
                              m_settings.userPath(), error.errorString())};
    }
    return document.object();
}

void ReviewWindow::loadSavedFilters()
{
    const Result<QJsonObject> saved = savedFilters();
    if (!saved)
        showError(saved.error());
    const QJsonObject filters = saved ? saved.value() : QJsonObject();
    QComboBox *combo = m_ui->savedFiltersComboBox;
    combo->clear();
    combo->addItem(tr("(choose a saved filter)"));
    for (auto it = filters.constBegin(); it != filters.constEnd(); ++it)
        combo->addItem(it.key(), it.value().toObject());
    m_ui->deleteFilterButton->setEnabled(combo->count() > 1);
}

void ReviewWindow::storeSavedFilters(const QJsonObject &filters)
{
    auto stored = m_settings.setValue(settings::Key::ReviewSavedFilters,
                                      QJsonDocument(filters).toJson(QJsonDocument::Compact));
    if (stored)
        stored = m_settings.save();
    if (!stored)
        showError(tr("Saved filters not stored: %1").arg(stored.error()));
    loadSavedFilters();
}

void ReviewWindow::saveFilter()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Filter"), tr("Name:"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    Result<QJsonObject> saved = savedFilters();
    if (!saved) {
        showError(saved.error());
        return;
    }
    QJsonObject filters = saved.value();
    if (filters.contains(name)
        && QMessageBox::question(this, tr("Save Filter"),
                                 tr("A filter named \"%1\" exists. Replace it?").arg(name))
               != QMessageBox::Yes) {
        return;
    }
    filters.insert(name, filterToJson());
    storeSavedFilters(filters);
    for (int i = 1; i < m_ui->savedFiltersComboBox->count(); ++i) {
        if (m_ui->savedFiltersComboBox->itemText(i) == name)
            m_ui->savedFiltersComboBox->setCurrentIndex(i);
    }
}

void ReviewWindow::deleteFilter()
{
    const int index = m_ui->savedFiltersComboBox->currentIndex();
    if (index <= 0)
        return;
    const QString name = m_ui->savedFiltersComboBox->itemText(index);
    Result<QJsonObject> saved = savedFilters();
    if (!saved) {
        showError(saved.error());
        return;
    }
    if (QMessageBox::question(this, tr("Delete Filter"), tr("Forget the filter \"%1\"?").arg(name))
        != QMessageBox::Yes) {
        return;
    }
    QJsonObject filters = saved.value();
    filters.remove(name);
    storeSavedFilters(filters);
}

void ReviewWindow::applySavedFilter(int index)
{
    if (index <= 0)
        return;
    setFieldsFromJson(m_ui->savedFiltersComboBox->itemData(index).toJsonObject());
    applyFilter();
}

void ReviewWindow::showError(const QString &message)
{
    log::get("review")->warn("{}", message.toStdString());
    statusBar()->showMessage(message);
}

void ReviewWindow::closeEvent(QCloseEvent *event)
{
    auto stored = m_settings.setValue(settings::Key::ReviewWindowGeometry, saveGeometry());
    if (stored)
        stored = m_settings.save();
    if (!stored)
        log::get("review")->warn("review window geometry not saved: {}", stored.error().toStdString());
    event->accept();
}

} // namespace rg::ui
