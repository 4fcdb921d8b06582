// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QJsonObject>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace rg::context {

// Use me to keep case documents in SQLite, keyed by case id, each with the ETag it is served
// under. The caseserver and the embedded demo provider both sit on it. Each thread that uses a
// store gets its own connection; all of them must be done with it before it is destroyed.
class CaseStore final
{
public:
    static constexpr int kSchemaVersion = 1;

    struct Entry
    {
        QJsonObject document;
        QString etag; // hex SHA-256 of the compact JSON, without HTTP quotes
        QString updatedAt;
    };

    CaseStore();
    ~CaseStore();
    Q_DISABLE_COPY_MOVE(CaseStore)

    Result<bool> open(const QString &path);
    const QString &path() const { return m_path; }

    Result<QString> put(const QString &id, const QJsonObject &document);
    Result<std::optional<Entry>> get(const QString &id) const;
    Result<int> importTranscripts(const QString &path);
    Result<int> count() const;
    Result<QStringList> ids() const;

    static QString etagOf(const QJsonObject &document);

private:
    Result<QSqlDatabase> database() const;
    Result<bool> migrate(QSqlDatabase &db);

    QString m_path;
    QString m_connectionPrefix;
    mutable QMutex m_mutex; // guards m_connections
    mutable QStringList m_connections;
};

} // namespace rg::context
