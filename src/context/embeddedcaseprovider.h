// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context/caseprovider.h"
#include "context/casestore.h"

#include <memory>

namespace rg::context {

// Use me when there is no case service: answers from a local CaseStore (the demo data by
// default), asynchronously like the HTTP provider so callers cannot tell the difference.
class EmbeddedCaseProvider final : public CaseProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddedCaseProvider)

public:
    explicit EmbeddedCaseProvider(std::shared_ptr<CaseStore> store, QObject *parent = nullptr);
    ~EmbeddedCaseProvider() override;

    void fetch(const QString &caseId) override;
    QString sourceName() const override;

    static QString builtinTranscripts();
    static QString defaultDemoPath();
    static Result<std::unique_ptr<EmbeddedCaseProvider>> openDemo(const QString &path = {},
                                                                  QObject *parent = nullptr);

private:
    CaseFetch lookup(const QString &caseId) const;

    std::shared_ptr<CaseStore> m_store;
};

} // namespace rg::context
