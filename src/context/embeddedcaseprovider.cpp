// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "context/embeddedcaseprovider.h"

#include "log/log.h"

#include <QDir>
#include <QStandardPaths>

namespace rg::context {

using namespace Qt::StringLiterals;

EmbeddedCaseProvider::EmbeddedCaseProvider(std::shared_ptr<CaseStore> store, QObject *parent)
    : CaseProvider(parent)
    , m_store(std::move(store))
{}

EmbeddedCaseProvider::~EmbeddedCaseProvider() = default;

/*!
 * Looks \a caseId up in the store and emits finished() from the event loop, never from inside
 * this call, as the HTTP provider does.
 */
void EmbeddedCaseProvider::fetch(const QString &caseId)
{
    QMetaObject::invokeMethod(
        this, [this, caseId] { emit finished(caseId, lookup(caseId)); }, Qt::QueuedConnection);
}

QString EmbeddedCaseProvider::sourceName() const
{
    return u"case store "_s + (m_store ? m_store->path() : u"(none)"_s);
}

CaseFetch EmbeddedCaseProvider::lookup(const QString &caseId) const
{
    CaseFetch result;
    const auto fail = [&](FetchError::Kind kind, const QString &message) {
        result.error = FetchError{kind, 0, message};
        return result;
    };
    if (caseId.isEmpty())
        return fail(FetchError::Kind::InvalidRequest, u"no case id given"_s);
    if (!m_store)
        return fail(FetchError::Kind::Unreachable, u"no case store is configured"_s);
    const auto entry = m_store->get(caseId);
    if (!entry)
        return fail(FetchError::Kind::ServerError, sourceName() + u" failed: "_s + entry.error());
    if (!entry.value())
        return fail(FetchError::Kind::NotFound,
                    sourceName() + u" has no case \""_s + caseId + u"\""_s);
    const QJsonObject &document = entry.value()->document;
    auto parsed = model::Case::fromJson(document);
    if (!parsed) {
        return fail(FetchError::Kind::SchemaMismatch,
                    u"case \""_s + caseId + u"\" in "_s + sourceName()
                        + u" does not fit the case schema: "_s + parsed.error());
    }
    result.snapshot = CaseSnapshot{
        std::move(parsed).value(), document,    QDateTime::currentDateTimeUtc(), false,
        entry.value()->etag,       sourceName()};
    return result;
}

/*!
 * The demo transcripts compiled into the resources; their "case" members seed the demo store.
 */
QString EmbeddedCaseProvider::builtinTranscripts()
{
    return u":/demo/transcripts.jsonl"_s;
}

/*!
 * Where the demo store lives unless told otherwise: demo-cases.db in the application's data
 * folder (QStandardPaths::AppDataLocation).
 */
QString EmbeddedCaseProvider::defaultDemoPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/demo-cases.db"_s;
}

/*!
 * Opens the demo store at \a path (defaultDemoPath() when empty) and refreshes it from the
 * built-in transcripts, so the demo always matches the build that shows it, then returns a
 * provider over it.
 */
Result<std::unique_ptr<EmbeddedCaseProvider>> EmbeddedCaseProvider::openDemo(const QString &path,
                                                                             QObject *parent)
{
    const QString storePath = path.isEmpty() ? defaultDemoPath() : path;
    auto store = std::make_shared<CaseStore>();
    if (auto opened = store->open(storePath); !opened)
        return Error{opened.error()};
    auto imported = store->importTranscripts(builtinTranscripts());
    if (!imported)
        return Error{u"demo store: "_s + imported.error()};
    rg::log::get("context")->info("demo case store {}: {} built-in cases",
                                  QDir::toNativeSeparators(storePath).toStdString(),
                                  imported.value());
    return std::make_unique<EmbeddedCaseProvider>(std::move(store), parent);
}

} // namespace rg::context
