// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/settings.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

class QLabel;

namespace rg::ui {

namespace Ui {
class SettingsDialog;
}

// Use me to let the agent see and change the user-facing settings: it validates through the
// settings registry, saves the user's file and leaves keys the administrator set untouched.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    // Asks for a path for \a key (RulePackPath: a file, PoliciesPath: a folder) starting from
    // \a current; returns an empty string when the agent cancels.
    using PathChooser = std::function<QString(rg::settings::Key key, const QString &current)>;

    SettingsDialog(rg::settings::Settings &settings, const QString &bridgeToken,
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;
    Q_DISABLE_COPY_MOVE(SettingsDialog)

    // Replaces the native file dialogs behind the Browse buttons.
    void setPathChooser(PathChooser chooser);

    // The keys this dialog edits, in the order it shows them.
    static QList<rg::settings::Key> editedKeys();
    // True for keys the running application only reads at start.
    static bool needsRestart(rg::settings::Key key);
    // The field's name as the dialog shows it, for messages ("Bridge port").
    static QString fieldName(rg::settings::Key key);

public slots:
    void reject() override;

signals:
    // After a successful save; \a changed lists the keys whose value changed, in editedKeys()
    // order, so the window can apply what it can at once (stay on top).
    void settingsSaved(const QList<rg::settings::Key> &changed);

private:
    void showValues();
    void showLocks();
    void showWarnings();
    QVariant fieldValue(rg::settings::Key key) const;
    void setFieldValue(rg::settings::Key key, const QVariant &value);
    QWidget *field(rg::settings::Key key) const;
    QList<QWidget *> rowControls(rg::settings::Key key) const;
    QLabel *lockLabel(rg::settings::Key key) const;

    void save();
    rg::Result<bool> store(rg::settings::Key key, const QVariant &value);
    void showError(const QString &message, QWidget *focus);
    void showSaved(const QList<rg::settings::Key> &changed);
    void browse(rg::settings::Key key);
    QString choosePathWithDialog(rg::settings::Key key, const QString &current);
    void copyBridgeToken();
    void askToResetDefaults();
    void resetDefaults();
    void setTokenVisible(bool visible);
    void updateDatabasePasswordField();
    void moveDatabasePasswordOut();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    rg::settings::Settings &m_settings;
    QString m_bridgeToken;
    PathChooser m_pathChooser;
    // Values applied to m_settings whose save failed: what they were before (restored if the
    // agent cancels) and, in m_unsaved, which keys still need writing.
    QHash<rg::settings::Key, QVariant> m_previous;
    QList<rg::settings::Key> m_unsaved;
    bool m_saved = false;
    // The audit database URL as stored and as its two fields showed it, so that an untouched URL
    // is saved back as it was.
    struct ShownDatabaseUrl
    {
        QString stored;
        QString url;
        QString password;
    };
    ShownDatabaseUrl m_shownDatabaseUrl;
};

} // namespace rg::ui
