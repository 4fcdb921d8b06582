// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditlog.h"
#include "audit/auditrecord.h"
#include "audit/databaseurl.h"
#include "audit/verifier.h"
#include "model/result.h"
#include "review/disposition.h"
#include "review/outliers.h"
#include "review/overridemodel.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class ReviewWindow;
}

class QProgressDialog;
class QTextCursor;
class QThread;

namespace rg::audit {
class AuditStore;
}
namespace rg::settings {
class Settings;
}

namespace rg::ui {

class ReviewCharts;

// What the review window works on.
struct ReviewServices
{
    audit::DatabaseUrl database;
    // Where dispositions are appended; without one the window only reads, and says why.
    std::shared_ptr<audit::AuditLog> auditLog;
    QString auditLogProblem;
    review::Reviewer reviewer;
};

// Use me as the supervisor's window: the overrides of a period with filters and saved filters,
// the selected record with its evidence and chain status, keyboard triage that appends
// dispositions (never edits), the ranked agents and the charts. Open it only behind the
// supervisor gate (app/refundguard.cpp).
class ReviewWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewWindow)

public:
    ReviewWindow(settings::Settings &settings, ReviewServices services, QWidget *parent = nullptr);
    ~ReviewWindow() override;

    // Prepares the review (in the background), then shows the last 30 days and starts verifying
    // the chains; opened() follows. The dates are UTC days, as the log's times are.
    void open(QDate today = QDateTime::currentDateTimeUtc().date());

    review::OverrideModel *model() const { return m_model; }
    const review::OverrideRow *currentRow() const;
    // The chain status line of the selected record, as the detail pane shows it.
    QString chainStatusText() const;
    bool isVerifying() const { return m_verifyThread != nullptr; }
    // Reading the period's records for the analysis or an export.
    bool isReading() const { return m_factsThread != nullptr; }

    // The filter the fields describe (the period's end date is inclusive).
    review::OverrideFilter fieldsFilter() const;
    void setPeriod(QDate from, QDate to);

    // Appends \a disposition of the selected override with the note field's text, then selects
    // the next override of the list. On failure nothing changes and the note is kept.
    Result<audit::AuditRecord> recordDisposition(review::Disposition disposition);

    // Reads the period's records and ranks its agents (in the background; analysed() follows).
    void analyse();
    const std::optional<review::OutlierReport> &outlierReport() const { return m_outliers; }

    // Writes the period's PDF report (summary, charts, outliers, chain verification) or CSV of
    // its overrides to \a path, by its extension, in the background; exported() follows. The
    // Export menu asks for the path.
    void startExport(const QString &path);

signals:
    // \a error is empty when the list is open.
    void opened(const QString &error);
    void verified();
    void analysed();
    void dispositionRecorded(const rg::audit::AuditRecord &record);
    // \a error is empty when the file was written.
    void exported(const QString &path, const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct SavedFilter;

    void setUpFilterFields();
    void setUpActions();
    void applyFilter();
    void scheduleFilter();
    void showCurrent();
    void showDetail(const review::OverrideRow &row, const QJsonObject &record);
    void showCaseSnapshot(QTextCursor &cursor, const QJsonObject &snapshot);
    void updateChainStatus();
    void step(int delta);
    void selectRow(int row);
    void triage(review::Disposition disposition);
    void finishOpen(const Result<bool> &prepared);
    void startVerification();
    void finishVerification(const Result<audit::VerifyReport> &report);
    struct PeriodRead
    {
        Result<review::AuditFacts> facts;
        std::optional<Result<audit::VerifyReport>> verification; // when asked for
    };
    using FactsDone = std::function<void(const PeriodRead &)>;
    bool readFactsInBackground(bool verify, FactsDone done);
    void refreshKeepingPlace();
    void refreshAndSelect(const QList<review::OverrideRef> &wanted, int fallbackRow);
    review::Period fieldsPeriod() const;
    void finishAnalysis(const Result<review::AuditFacts> &facts);
    Result<bool> writeExport(const QString &path, const PeriodRead &read);
    void showOutlierDetail();
    void filterByOutlier();
    void exportReport(const QString &format);
    Result<QJsonObject> savedFilters() const;
    void loadSavedFilters();
    void saveFilter();
    void deleteFilter();
    void applySavedFilter(int index);
    QJsonObject filterToJson() const;
    void setFieldsFromJson(const QJsonObject &json);
    void storeSavedFilters(const QJsonObject &filters);
    void showError(const QString &message);

    std::unique_ptr<::Ui::ReviewWindow> m_ui;
    settings::Settings &m_settings;
    ReviewServices m_services;
    review::OverrideModel *m_model;
    std::unique_ptr<audit::AuditStore> m_store; // reads the selected record
    QTimer m_filterTimer;                      // typing settles before the filter runs
    QThread *m_indexThread = nullptr;
    QPointer<QProgressDialog> m_progress;
    QDate m_today;
    QThread *m_verifyThread = nullptr;
    qint64 m_verifyDone = 0;
    qint64 m_verifyTotal = 0;
    std::optional<Result<audit::VerifyReport>> m_verify;
    QHash<QString, qint64> m_verifiedHeads; // chain -> its last seq when the check started
    std::atomic_bool m_cancelWork{false};
    std::optional<review::OverrideRef> m_shown; // the override whose record the pane shows
    QThread *m_factsThread = nullptr;
    std::optional<review::OutlierReport> m_outliers;
    review::Period m_analysedPeriod;
    QString m_analysedTeam;
    ReviewCharts *m_charts = nullptr;
    bool m_applyingSaved = false;
};

} // namespace rg::ui
