// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditrecord.h"
#include "model/result.h"
#include "policy/policypack.h"

#include <QDialog>
#include <QIcon>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

class QStyle;

namespace Ui {
class OverrideDialog;
}

namespace rg::ui {

// Use me when an agent wants to go ahead against a warn or block decision: it asks for a
// reason category, a written reason and an explicit confirmation, and closes only once the
// override is in the audit log.
class OverrideDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverrideDialog)

public:
    static constexpr int kMinReasonLength = 20;

    // What the agent picks from; id is what the audit record stores, label what they read.
    struct ReasonCategory
    {
        QString id;
        QString label;
    };

    // Writes the override; the dialog stays open with the error when it fails.
    using Commit = std::function<Result<audit::AuditRecord>(const QString &category,
                                                            const QString &text)>;

    OverrideDialog(const policy::Decision &decision, Commit commit, QWidget *parent = nullptr);
    ~OverrideDialog() override;

    static QList<ReasonCategory> reasonCategories();

    // How a decision reads, shared with the action panel so both say the same thing.
    static QString verdictText(policy::Verdict verdict);
    static QString decisionDetails(const policy::Decision &decision);
    static QIcon verdictIcon(policy::Verdict verdict, const QStyle *style);

    bool isComplete() const;

public slots:
    void accept() override;

signals:
    void overrideRecorded(const rg::audit::AuditRecord &record);

private:
    QString categoryId() const;
    QString reasonText() const;
    void updateState();
    void showError(const QString &error);

    std::unique_ptr<::Ui::OverrideDialog> m_ui;
    Commit m_commit;
};

} // namespace rg::ui
