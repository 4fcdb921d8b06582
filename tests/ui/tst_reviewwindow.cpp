// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/auditlog.h"
#include "audit/auditstore.h"
#include "review/auditgenerator.h"
#include "review/bulkauditlog.h"
#include "settings/settings.h"
#include "testsupport.h"
#include "ui/reviewcharts.h"
#include "ui/reviewwindow.h"

#include <QAction>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::StringLiterals;
using rg::review::Disposition;
using rg::review::OverrideModel;
using rg::test::errorOf;
using rg::ui::ReviewWindow;

namespace {

// The generator writes four weeks from Monday 2026-10-05; "today" is the day after them.
const QDate kToday(2026, 11, 1);
const QString kEvidenceCase = u"case-evidence-1"_s;
const QString kMarkup = u"<b>send it to my new address</b>"_s;

QString sqliteUrl(const QString &path)
{
    return u"sqlite://"_s + path;
}

// The records of \a kind, read straight from the file: what the window appended.
QList<QJsonObject> recordsOfKind(const QString &path, const QString &kind)
{
    QList<QJsonObject> records;
    const QString connection = u"tst_reviewwindow_peek"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(u"SELECT body FROM audit_records WHERE kind = ? ORDER BY rowid"_s);
            query.addBindValue(kind);
            if (query.exec()) {
                while (query.next())
                    records.append(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return records;
}

} // namespace

class TstReviewWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // Scenario: the supervisor opens the review: the last 30 days, newest first, the first
    // override selected with its record in the detail pane and its chain verified.
    void opensOnTheLastThirtyDays();
    // Scenario: typing an agent and choosing a risk level narrows the table to them.
    void filtersNarrowTheTable();
    // Scenario: the evidence is shown in its message with the quote highlighted, markup as text.
    void detailHighlightsEvidence();
    // Scenario: the unreviewed queue, judged from the keyboard: a digit without a note asks for
    // one and records nothing; Ctrl+1 from the note records "justified" and moves on; with a
    // note written, a bare 3 in the table records "suspected collusion".
    void triageFromTheKeyboard();
    // Scenario: judging in the full list (not the queue) moves on to the next override by its
    // key; a note typed for one override is dropped when another is selected; F5 keeps the
    // selected override; keys pressed away from the Overrides tab judge nothing.
    void triageKeepsItsPlace();
    // Scenario: the supervisor closes the window while a big log is being verified: it closes,
    // the check stops.
    void closingStopsTheCheck();
    // Scenario: someone edited a record in the file: the detail says where the chain breaks.
    void brokenChainIsShown();
    // Scenario: a filter saved under a name comes back after the fields changed, and in a new
    // window (it is kept in the user's settings).
    void savedFiltersComeBack();
    // Scenario: Analyse ranks the planted insiders first, explains them and draws the charts;
    // Enter on an agent shows their overrides.
    void analyseRanksAndCharts();
    // Scenario: Export writes the period's CSV and PDF report.
    void exportsCsvAndPdf();
    // Scenario: without an audit log to append to, triage is refused with the reason.
    void withoutAuditLogTriageIsRefused();

private:
    std::unique_ptr<ReviewWindow> openWindow(bool withLog = true);
    QString reviewerKey() const { return m_dir.filePath(u"supervisor.key"_s); }

    QTemporaryDir m_templateDir;
    rg::review::GeneratedLog m_generated;
    QString m_template;
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<rg::settings::Settings> m_settings;
};

void TstReviewWindow::initTestCase()
{
    QVERIFY(m_templateDir.isValid());
    m_template = m_templateDir.filePath(u"audit.db"_s);
    auto generated = rg::review::generateAuditLog(sqliteUrl(m_template), m_templateDir.path());
    QVERIFY2(generated, qPrintable(errorOf(generated)));
    m_generated = generated.value();

    // One override as the sidebar writes it, with evidence quoting the customer.
    rg::audit::AuditLog::Options options;
    options.database = rg::audit::DatabaseUrl::parse(sqliteUrl(m_template)).value();
    options.keyPath = m_templateDir.filePath(u"agent-evidence.key"_s);
    options.clock = [] { return QDateTime(QDate(2026, 10, 31), QTime(23, 50), QTimeZone::utc()); };
    auto log = rg::audit::AuditLog::open(options);
    QVERIFY2(log, qPrintable(errorOf(log)));
    rg::audit::RecordDraft draft;
    draft.kind = rg::audit::RecordKind::Override;
    draft.actor = {{u"id"_s, u"agent-evidence"_s}, {u"role"_s, u"agent"_s}, {u"team"_s, u"team-1"_s}};
    draft.caseId = kEvidenceCase;
    const QString message = u"Please refund me now and "_s + kMarkup + u" today"_s;
    draft.payload = {
        {u"conversation_id"_s, u"conv-evidence"_s},
        {u"action"_s, QJsonObject{{u"type"_s, u"refund"_s}, {u"amount"_s, 240}, {u"currency"_s, u"USD"_s}}},
        {u"amount"_s, 240},
        {u"policies"_s, QJsonArray{u"identity-first"_s}},
        {u"verdict"_s, u"block"_s},
        {u"risk"_s, QJsonObject{{u"score"_s, 0.82}, {u"level"_s, u"high"_s}, {u"top_reasons"_s, QJsonArray{}}}},
        {u"reason_category"_s, u"customer_insisted"_s},
        {u"reason"_s, u"zebrafinch customer was upset"_s},
        {u"case"_s,
         QJsonObject{{u"id"_s, kEvidenceCase},
                     {u"customer"_s, QJsonObject{{u"id"_s, u"cust-4471"_s}}},
                     {u"orders"_s,
                      QJsonArray{QJsonObject{{u"id"_s, u"O-981"_s}, {u"value"_s, 240},
                                             {u"currency"_s, u"USD"_s},
                                             {u"delivery"_s, QJsonObject{{u"status"_s, u"delivered"_s},
                                                                         {u"photo"_s, true},
                                                                         {u"gps"_s, true}}}}}},
                     {u"linked_accounts"_s,
                      QJsonArray{QJsonObject{{u"customer_id"_s, u"cust-4472"_s}, {u"fraud_flag"_s, true}}}},
                     {u"fetched_at"_s, u"2026-10-31T23:49:00Z"_s},
                     {u"stale"_s, true}}},
        {u"evidence"_s, QJsonArray{QJsonObject{{u"turn"_s, 2}, {u"cue"_s, u"contact_change"_s},
                                               {u"quote"_s, kMarkup}, {u"message"_s, message}}}}};
    auto appended = log.value()->append(draft);
    QVERIFY2(appended, qPrintable(errorOf(appended)));
}

void TstReviewWindow::init()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"audit-%1.db"_s.arg(QLatin1StringView(QTest::currentTestFunction())));
    QVERIFY(QFile::copy(m_template, m_db));
    m_settings = std::make_unique<rg::settings::Settings>(m_dir.filePath(u"user.ini"_s), QString());
}

void TstReviewWindow::cleanup()
{
    m_settings.reset();
}

std::unique_ptr<ReviewWindow> TstReviewWindow::openWindow(bool withLog)
{
    rg::ui::ReviewServices services;
    services.database = rg::audit::DatabaseUrl::parse(sqliteUrl(m_db)).value();
    services.reviewer.id = u"sup-1"_s;
    services.reviewer.team = u"team-1"_s;
    if (withLog) {
        rg::audit::AuditLog::Options options;
        options.database = services.database;
        options.keyPath = reviewerKey();
        auto log = rg::audit::AuditLog::open(options);
        if (!log)
            qWarning("audit log: %s", qPrintable(log.error()));
        else
            services.auditLog = std::move(log).value();
    } else {
        services.auditLogProblem = u"the audit database is read-only here"_s;
    }
    auto window = std::make_unique<ReviewWindow>(*m_settings, std::move(services));
    QSignalSpy opened(window.get(), &ReviewWindow::opened);
    window->open(kToday);
    if (!opened.wait(60000) || !opened.first().first().toString().isEmpty()) {
        qWarning("open: %s", opened.isEmpty() ? "no answer" : qPrintable(opened.first().first().toString()));
        return nullptr;
    }
    return window;
}

void TstReviewWindow::opensOnTheLastThirtyDays()
{
    auto window = openWindow();
    QVERIFY(window);
    QSignalSpy verified(window.get(), &ReviewWindow::verified);
    QCOMPARE(window->findChild<QDateEdit *>(u"fromDateEdit"_s)->date(), QDate(2026, 10, 3));
    QCOMPARE(window->findChild<QDateEdit *>(u"toDateEdit"_s)->date(), kToday);
    OverrideModel *model = window->model();
    QVERIFY(model->rowCount() > 0);
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->rowAt(row - 1)->time >= model->rowAt(row)->time);
    const rg::review::OverrideRow *current = window->currentRow();
    QVERIFY(current);
    QCOMPARE(current->seq, model->rowAt(0)->seq);
    const QString detail = window->findChild<QTextEdit *>(u"detailTextEdit"_s)->toPlainText();
    QVERIFY2(detail.contains(current->agent) && detail.contains(current->caseId), qPrintable(detail));

    // The check runs on a worker; its answer needs the event loop, so it cannot have come yet.
    QVERIFY(window->isVerifying());
    QVERIFY(verified.wait(30000));
    QVERIFY2(window->chainStatusText().startsWith(u"Chain: verified"_s), qPrintable(window->chainStatusText()));

    // An override written after the check is not called verified until F5 has checked it.
    rg::audit::AuditLog::Options options;
    options.database = rg::audit::DatabaseUrl::parse(sqliteUrl(m_db)).value();
    options.keyPath = m_dir.filePath(u"late-agent.key"_s);
    options.clock = [] { return QDateTime(kToday, QTime(12, 0), QTimeZone::utc()); };
    auto log = rg::audit::AuditLog::open(options);
    QVERIFY2(log, qPrintable(errorOf(log)));
    rg::audit::RecordDraft draft;
    draft.kind = rg::audit::RecordKind::Override;
    draft.actor = {{u"id"_s, u"agent-late"_s}, {u"role"_s, u"agent"_s}, {u"team"_s, u"team-a"_s}};
    draft.caseId = u"case-late"_s;
    draft.payload = {{u"amount"_s, 20}, {u"risk"_s, 0.2}};
    QVERIFY(log.value()->append(draft));
    window->findChild<QAction *>(u"refreshAction"_s)->trigger();
    auto *table = window->findChild<QTableView *>(u"overrideTableView"_s);
    table->setCurrentIndex(model->index(0, 0));
    QCOMPARE(window->currentRow()->caseId, u"case-late"_s);
    QVERIFY2(window->chainStatusText().contains(u"after the last check"_s)
                 || window->chainStatusText().contains(u"verifying"_s),
             qPrintable(window->chainStatusText()));
    QVERIFY(verified.wait(30000));
    QVERIFY2(window->chainStatusText().startsWith(u"Chain: verified"_s), qPrintable(window->chainStatusText()));
}

void TstReviewWindow::filtersNarrowTheTable()
{
    auto window = openWindow();
    QVERIFY(window);
    auto *agent = window->findChild<QLineEdit *>(u"agentLineEdit"_s);
    agent->setFocus();
    QTest::keyClicks(agent, m_generated.fraudAgent);
    QTest::keyClick(agent, Qt::Key_Return);
    auto *risk = window->findChild<QComboBox *>(u"riskComboBox"_s);
    risk->setCurrentIndex(risk->findData(u"high"_s));
    QTRY_COMPARE(window->model()->filter().riskLevel, u"high"_s);

    OverrideModel *model = window->model();
    QVERIFY(model->rowCount() > 0);
    while (model->canFetchMore())
        model->fetchMore();
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->rowAt(row)->agent, m_generated.fraudAgent);
        QCOMPARE(model->rowAt(row)->riskLevel, u"high"_s);
    }
    QVERIFY(window->statusBar()->currentMessage().contains(u"override"_s));
}

void TstReviewWindow::detailHighlightsEvidence()
{
    auto window = openWindow();
    QVERIFY(window);
    auto *search = window->findChild<QLineEdit *>(u"searchLineEdit"_s);
    search->setText(u"zebrafinch"_s);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(window->model()->rowCount(), 1);
    QCOMPARE(window->currentRow()->caseId, kEvidenceCase);

    auto *detail = window->findChild<QTextEdit *>(u"detailTextEdit"_s);
    const QString text = detail->toPlainText();
    QVERIFY2(text.contains(u"Please refund me now and "_s + kMarkup + u" today"_s), qPrintable(text));
    QVERIFY(text.contains(u"zebrafinch customer was upset"_s));
    QVERIFY(text.contains(u"identity-first"_s));
    // The case as the agent saw it.
    QVERIFY2(text.contains(u"Customer: cust-4471"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Order O-981: 240 USD, delivered (photo, gps)"_s), qPrintable(text));
    QVERIFY(text.contains(u"cust-4472 (fraud flag)"_s));
    QVERIFY(text.contains(u"(an out-of-date copy)"_s));
    // The quote, and only the quote, carries the highlight.
    const qsizetype at = text.indexOf(kMarkup);
    QTextCursor cursor(detail->document());
    cursor.setPosition(int(at) + 1);
    QVERIFY(cursor.charFormat().background().style() != Qt::NoBrush);
    QVERIFY(cursor.charFormat().fontUnderline());
    cursor.setPosition(int(at) - 2);
    QCOMPARE(cursor.charFormat().background().style(), Qt::NoBrush);
}

void TstReviewWindow::triageFromTheKeyboard()
{
    auto window = openWindow();
    QVERIFY(window);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->findChild<QAction *>(u"queueAction"_s)->trigger();
    OverrideModel *model = window->model();
    QVERIFY(model->rowCount() > 1);
    auto *table = window->findChild<QTableView *>(u"overrideTableView"_s);
    QTRY_VERIFY(table->hasFocus());
    const rg::review::OverrideRow first = *window->currentRow();
    const rg::review::OverrideRow second = *model->rowAt(1);
    QSignalSpy recorded(window.get(), &ReviewWindow::dispositionRecorded);
    auto *note = window->findChild<QLineEdit *>(u"noteLineEdit"_s);

    // Every disposition needs a note: 1 without one records nothing and puts the cursor there.
    const qsizetype before = recordsOfKind(m_db, u"disposition"_s).size();
    QTest::keyClick(table, Qt::Key_1);
    QCOMPARE(recorded.count(), 0);
    QCOMPARE(recordsOfKind(m_db, u"disposition"_s).size(), before);
    QTRY_VERIFY(note->hasFocus());
    QVERIFY(window->statusBar()->currentMessage().contains(u"note"_s));

    QTest::keyClicks(note, u"refund within 2 days of a courier loss report"_s);
    QCOMPARE(note->text(), u"refund within 2 days of a courier loss report"_s); // digits stay text
    QTest::keyClick(note, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(recorded.count(), 1);
    QList<QJsonObject> dispositions = recordsOfKind(m_db, u"disposition"_s);
    QCOMPARE(dispositions.size(), before + 1);
    QJsonObject payload = dispositions.constLast().value(u"payload"_s).toObject();
    QCOMPARE(payload.value(u"disposition"_s).toString(), u"justified"_s);
    QCOMPARE(payload.value(u"note"_s).toString(), u"refund within 2 days of a courier loss report"_s);
    QCOMPARE(payload.value(u"override_chain_id"_s).toString(), first.chainId);
    QCOMPARE(payload.value(u"override_seq"_s).toInteger(), first.seq);
    QCOMPARE(dispositions.constLast().value(u"case_id"_s).toString(), first.caseId);
    QVERIFY(note->text().isEmpty());
    QTRY_VERIFY(table->hasFocus());
    // The judged override left the queue; the next one is selected.
    QCOMPARE(window->currentRow()->chainId, second.chainId);
    QCOMPARE(window->currentRow()->seq, second.seq);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(!(model->rowAt(row)->chainId == first.chainId && model->rowAt(row)->seq == first.seq));

    // Back in the table, a bare 3 records "suspected collusion" once a note is written.
    note->setText(u"same customer 4 times this week"_s);
    QTest::keyClick(table, Qt::Key_3);
    QCOMPARE(recorded.count(), 2);
    dispositions = recordsOfKind(m_db, u"disposition"_s);
    QCOMPARE(dispositions.size(), before + 2);
    payload = dispositions.constLast().value(u"payload"_s).toObject();
    QCOMPARE(payload.value(u"disposition"_s).toString(), u"suspected_collusion"_s);
    QCOMPARE(payload.value(u"note"_s).toString(), u"same customer 4 times this week"_s);
    QCOMPARE(payload.value(u"override_seq"_s).toInteger(), second.seq);

    // N and P walk the list.
    const int at = table->currentIndex().row();
    QTest::keyClick(table, Qt::Key_N);
    QCOMPARE(table->currentIndex().row(), at + 1);
    QTest::keyClick(table, Qt::Key_P);
    QCOMPARE(table->currentIndex().row(), at);
}

void TstReviewWindow::triageKeepsItsPlace()
{
    auto window = openWindow();
    QVERIFY(window);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    OverrideModel *model = window->model();
    auto *table = window->findChild<QTableView *>(u"overrideTableView"_s);
    auto *note = window->findChild<QLineEdit *>(u"noteLineEdit"_s);
    QSignalSpy recorded(window.get(), &ReviewWindow::dispositionRecorded);
    table->setFocus();
    table->setCurrentIndex(model->index(3, 0));
    const rg::review::OverrideRow judged = *model->rowAt(3);
    const rg::review::OverrideRow next = *model->rowAt(4);

    note->setText(u"written for row 3"_s);
    table->setCurrentIndex(model->index(5, 0));
    QVERIFY(note->text().isEmpty());
    table->setCurrentIndex(model->index(3, 0));

    note->setText(u"refund agreed with the carrier"_s);
    QTest::keyClick(table, Qt::Key_2);
    QCOMPARE(recorded.count(), 1);
    QCOMPARE(window->currentRow()->chainId, next.chainId);
    QCOMPARE(window->currentRow()->seq, next.seq);
    // The judged override stays in the full list, now with its status.
    QCOMPARE(model->rowAt(3)->seq, judged.seq);
    QCOMPARE(model->rowAt(3)->status, std::optional(Disposition::CoachingNeeded));

    window->findChild<QAction *>(u"refreshAction"_s)->trigger();
    QCOMPARE(window->currentRow()->chainId, next.chainId);
    QCOMPARE(window->currentRow()->seq, next.seq);

    // From another tab neither the bare digit nor Ctrl+digit judges the override out of sight.
    auto *tabs = window->findChild<QTabWidget *>(u"tabWidget"_s);
    tabs->setCurrentWidget(window->findChild<QWidget *>(u"outliersTab"_s));
    note->setText(u"should not be used"_s);
    QTest::keyClick(tabs, Qt::Key_4, Qt::ControlModifier);
    QTest::keyClick(tabs, Qt::Key_4);
    QCOMPARE(recorded.count(), 1);
    QVERIFY(window->statusBar()->currentMessage().contains(u"Overrides tab"_s));
}

void TstReviewWindow::closingStopsTheCheck()
{
    // 40,000 records written in one statement (placeholder hashes: the check finds problems
    // but has to read them all).
    const QString path = m_dir.filePath(u"bulk.db"_s);
    auto bulk = rg::test::writeBulkAuditLog(sqliteUrl(path), 40000);
    QVERIFY2(bulk, qPrintable(errorOf(bulk)));
    m_db = path;
    auto window = openWindow(false);
    QVERIFY(window);
    QSignalSpy verified(window.get(), &ReviewWindow::verified);
    QVERIFY(window->isVerifying());
    window.reset();
    QCOMPARE(verified.count(), 0);

    // The check itself stops when asked, with an error rather than a partial report.
    auto store = rg::audit::AuditStore::open(rg::audit::DatabaseUrl::parse(sqliteUrl(path)).value());
    QVERIFY2(store, qPrintable(errorOf(store)));
    std::atomic_bool cancel{true};
    rg::audit::VerifyOptions options;
    options.cancel = &cancel;
    const auto stopped = rg::audit::verifyStore(*store.value(), options);
    QVERIFY(!stopped);
    QVERIFY2(stopped.error().contains(u"cancelled"_s), qPrintable(stopped.error()));
    cancel = false;
    const auto whole = rg::audit::verifyStore(*store.value(), options);
    QVERIFY2(whole, qPrintable(errorOf(whole)));
    QCOMPARE(whole.value().records, 40000);
}

void TstReviewWindow::brokenChainIsShown()
{
    // Edit the middle override of a chain in the file, as an insider with the file could.
    QString chain;
    QList<qint64> seqs;
    {
        const QString connection = u"tst_reviewwindow_tamper"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"SELECT chain_id, seq FROM audit_records WHERE kind = 'override'"
                               " ORDER BY chain_id, seq"_s));
            QHash<QString, QList<qint64>> byChain;
            while (query.next())
                byChain[query.value(0).toString()].append(query.value(1).toLongLong());
            for (auto it = byChain.cbegin(); it != byChain.cend() && chain.isEmpty(); ++it) {
                if (it.value().size() >= 3)
                    std::tie(chain, seqs) = std::pair{it.key(), it.value()};
            }
            QVERIFY(!chain.isEmpty());
            QVERIFY(query.exec(u"DROP TRIGGER audit_records_no_update"_s));
            QVERIFY2(query.exec(u"UPDATE audit_records SET body = replace(body, 'explained',"
                                " 'EXPLAINED') WHERE chain_id = '%1' AND seq = %2"_s
                                    .arg(chain)
                                    .arg(seqs.at(1))),
                     qPrintable(query.lastError().text()));
            QCOMPARE(query.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(connection);
    }
    auto window = openWindow();
    QVERIFY(window);
    QSignalSpy verified(window.get(), &ReviewWindow::verified);
    QVERIFY(verified.wait(30000));
    OverrideModel *model = window->model();
    while (model->canFetchMore())
        model->fetchMore();
    const auto rowOf = [model, &chain](qint64 seq) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->rowAt(row)->chainId == chain && model->rowAt(row)->seq == seq)
                return row;
        }
        return -1;
    };
    auto *table = window->findChild<QTableView *>(u"overrideTableView"_s);
    const QString broken = u"BROKEN at seq %1"_s.arg(seqs.at(1));
    for (const qint64 seq : {seqs.at(1), seqs.at(2)}) {
        QVERIFY(rowOf(seq) >= 0);
        table->setCurrentIndex(model->index(rowOf(seq), 0));
        QVERIFY2(window->chainStatusText().contains(broken), qPrintable(window->chainStatusText()));
    }
    table->setCurrentIndex(model->index(rowOf(seqs.at(0)), 0));
    QVERIFY2(window->chainStatusText().contains(u"broken later, at seq %1"_s.arg(seqs.at(1))),
             qPrintable(window->chainStatusText()));
}

void TstReviewWindow::savedFiltersComeBack()
{
    auto window = openWindow();
    QVERIFY(window);
    auto *agent = window->findChild<QLineEdit *>(u"agentLineEdit"_s);
    auto *status = window->findChild<QComboBox *>(u"statusComboBox"_s);
    auto *saved = window->findChild<QComboBox *>(u"savedFiltersComboBox"_s);
    agent->setText(m_generated.subLimitAgent);
    status->setCurrentIndex(status->findData(u"unreviewed"_s));
    window->setPeriod(QDate(2026, 10, 12), QDate(2026, 10, 18));

    QTimer::singleShot(0, window.get(), [] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<QInputDialog *>(widget)) {
                dialog->setTextValue(u"Night shift, week 2"_s);
                dialog->accept();
            }
        }
    });
    window->findChild<QPushButton *>(u"saveFilterButton"_s)->click();
    QCOMPARE(saved->currentText(), u"Night shift, week 2"_s);

    window->findChild<QAction *>(u"clearFiltersAction"_s)->trigger();
    QVERIFY(agent->text().isEmpty());
    saved->setCurrentIndex(saved->findText(u"Night shift, week 2"_s));
    emit saved->activated(saved->currentIndex());
    QCOMPARE(agent->text(), m_generated.subLimitAgent);
    QCOMPARE(window->model()->filter().agent, m_generated.subLimitAgent);
    QCOMPARE(window->model()->filter().from.date(), QDate(2026, 10, 12));
    QVERIFY(window->model()->filter().status.has_value() && !window->model()->filter().status->has_value());

    // Kept in the user's settings: a new window on a new Settings offers it too.
    window.reset();
    m_settings = std::make_unique<rg::settings::Settings>(m_dir.filePath(u"user.ini"_s), QString());
    auto again = openWindow();
    QVERIFY(again);
    QVERIFY(again->findChild<QComboBox *>(u"savedFiltersComboBox"_s)->findText(u"Night shift, week 2"_s) > 0);
}

void TstReviewWindow::analyseRanksAndCharts()
{
    // An agent id written with markup (anyone may name themselves with --agent-id).
    {
        rg::audit::AuditLog::Options options;
        options.database = rg::audit::DatabaseUrl::parse(sqliteUrl(m_db)).value();
        options.keyPath = m_dir.filePath(u"markup-agent.key"_s);
        options.clock = [] { return QDateTime(QDate(2026, 10, 20), QTime(10, 0), QTimeZone::utc()); };
        auto log = rg::audit::AuditLog::open(options);
        QVERIFY2(log, qPrintable(errorOf(log)));
        rg::audit::RecordDraft draft;
        draft.kind = rg::audit::RecordKind::Override;
        draft.actor = {{u"id"_s, u"<i>eve</i>"_s}, {u"role"_s, u"agent"_s}, {u"team"_s, u"team-a"_s}};
        draft.caseId = u"case-markup"_s;
        draft.payload = {{u"amount"_s, 20}, {u"risk"_s, 0.9}, {u"policies"_s, QJsonArray{u"<b>p</b>"_s}}};
        QVERIFY(log.value()->append(draft));
    }
    auto window = openWindow();
    QVERIFY(window);
    window->setPeriod(m_generated.records > 0 ? QDate(2026, 10, 5) : kToday, kToday);
    QSignalSpy analysed(window.get(), &ReviewWindow::analysed);
    window->findChild<QPushButton *>(u"analyseButton"_s)->click();
    QVERIFY(window->isReading());
    QVERIFY(analysed.wait(60000));
    auto *table = window->findChild<QTableWidget *>(u"outliersTableWidget"_s);
    QVERIFY(table->rowCount() >= 3);
    const QStringList top = {table->item(0, 0)->text(), table->item(1, 0)->text()};
    QVERIFY2(top.contains(m_generated.fraudAgent) && top.contains(m_generated.subLimitAgent),
             qPrintable(top.join(u", "_s)));
    table->setCurrentCell(top.indexOf(m_generated.subLimitAgent), 0);
    const QString why = window->findChild<QPlainTextEdit *>(u"flagsTextEdit"_s)->toPlainText();
    QVERIFY2(why.contains(u"limit"_s), qPrintable(why));

    auto *charts = window->findChild<rg::ui::ReviewCharts *>();
    QVERIFY(charts);
    QVERIFY(!charts->perDayView()->chart()->series().isEmpty());
    QCOMPARE(charts->topPoliciesView()->chart()->series().size(), 1);
    QVERIFY(charts->teamComboBox()->count() >= 2);
    // Bars and the two band lines.
    QCOMPARE(charts->agentShareView()->chart()->series().size(), 3);
    // Names reach the charts' rich text escaped.
    charts->teamComboBox()->setCurrentIndex(charts->teamComboBox()->findData(u"team-a"_s));
    const auto categories = [](QChartView *view) {
        QStringList all;
        for (QAbstractAxis *axis : view->chart()->axes()) {
            if (auto *bars = qobject_cast<QBarCategoryAxis *>(axis))
                all += bars->categories();
        }
        return all.join(u'|');
    };
    QVERIFY2(categories(charts->agentShareView()).contains(u"&lt;i&gt;eve&lt;/i&gt;"_s),
             qPrintable(categories(charts->agentShareView())));
    QVERIFY(!categories(charts->agentShareView()).contains(u"<i>"_s));
    QVERIFY2(categories(charts->topPoliciesView()).contains(u"&lt;b&gt;p&lt;/b&gt;"_s),
             qPrintable(categories(charts->topPoliciesView())));

    // Enter on the sub-limit agent: the Overrides tab shows theirs.
    table->setCurrentCell(top.indexOf(m_generated.subLimitAgent), 0);
    emit table->cellActivated(table->currentRow(), 0);
    QCOMPARE(window->model()->filter().agent, m_generated.subLimitAgent);
    QVERIFY(window->model()->rowCount() > 0);
    QCOMPARE(window->model()->rowAt(0)->agent, m_generated.subLimitAgent);
}

void TstReviewWindow::exportsCsvAndPdf()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setPeriod(QDate(2026, 10, 5), kToday);
    QSignalSpy verified(window.get(), &ReviewWindow::verified);
    if (window->isVerifying())
        QVERIFY(verified.wait(30000));

    QSignalSpy exported(window.get(), &ReviewWindow::exported);
    const auto exportTo = [&](const QString &path) {
        window->startExport(path);
        if (exported.isEmpty())
            exported.wait(60000);
        return exported.isEmpty() ? u"no answer"_s : exported.takeFirst().at(1).toString();
    };
    const QString csv = m_dir.filePath(u"overrides.csv"_s);
    QString error = exportTo(csv);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csvFile.readAll().split('\n');
    QVERIFY(lines.first().contains("agent"));
    QVERIFY(lines.size() > 100);

    const QString pdf = m_dir.filePath(u"report.pdf"_s);
    error = exportTo(pdf);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");

    error = exportTo(m_dir.filePath(u"report.txt"_s));
    QVERIFY2(error.contains(u".pdf or .csv"_s), qPrintable(error));
    QVERIFY(!QFile::exists(m_dir.filePath(u"report.txt"_s)));
}

void TstReviewWindow::withoutAuditLogTriageIsRefused()
{
    auto window = openWindow(false);
    QVERIFY(window);
    QVERIFY(!window->findChild<QPushButton *>(u"justifiedButton"_s)->isEnabled());
    QVERIFY(!window->findChild<QAction *>(u"fraudAction"_s)->isEnabled());
    const qsizetype before = recordsOfKind(m_db, u"disposition"_s).size();
    const auto refused = window->recordDisposition(Disposition::Justified);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(u"read-only"_s), qPrintable(refused.error()));
    QCOMPARE(recordsOfKind(m_db, u"disposition"_s).size(), before);
}

QTEST_MAIN(TstReviewWindow)
#include "tst_reviewwindow.moc"
