// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditstore.h"
#include "audit/databaseurl.h"
#include "model/result.h"
#include "sql/transaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace rg::test {

// What writeBulkAuditLog wrote, for the tests to count against.
struct BulkAuditLog
{
    qint64 records = 0;
    qint64 overrides = 0;
    QString chainId = QStringLiteral("bulk");
    QDateTime start = QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC);
    static constexpr int kSecondsApart = 2;
    static constexpr int kAgents = 37;
    static constexpr int kRareEvery = 1000; // overrides whose evidence says "voucher stacking"

    static bool isSession(qint64 seq) { return seq % 25 == 0; }
    static bool isDisposition(qint64 seq) { return seq % 25 == 13; }
    QDateTime timeOf(qint64 seq) const { return start.addSecs(seq * kSecondsApart); }
};

/*!
 * Use me for a big log in seconds: \a records rows written straight into audit_records by one
 * INSERT ... SELECT inside SQLite, through the store's own schema, without sealing
 * (AuditLog::append commits and fsyncs each record: hours for a million; binding a million rows
 * through QSqlQuery took four times as long as this). The hashes are placeholders, so the log
 * does not verify; the review index never verifies. Records: every 25th a session start, the one
 * after each 12th of 25 a disposition of the override before it, the rest overrides of 37 agents
 * in 4 teams alternating the sidebar's payload (odd seq, with reason and evidence) and the
 * minimal `audit append` line (even seq, bare risk score).
 */
inline Result<BulkAuditLog> writeBulkAuditLog(const QString &databaseUrl, qint64 records)
{
    using namespace Qt::StringLiterals;
    BulkAuditLog log;
    auto url = audit::DatabaseUrl::parse(databaseUrl);
    if (!url)
        return Error{url.error()};
    auto store = audit::AuditStore::open(url.value());
    if (!store)
        return Error{store.error()};
    QSqlDatabase db = store.value()->database();
    QSqlQuery query(db);
    sql::Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return Error{begun.error()};
    query.prepare(uR"(WITH RECURSIVE n(seq) AS (SELECT 1 UNION ALL SELECT seq + 1 FROM n
  WHERE seq < :records)
INSERT INTO audit_records (chain_id, seq, body, hash)
SELECT :chain, seq, CASE
  WHEN seq % 25 = 0 THEN printf('{"actor":%s,"chain_id":"%s","kind":"session_start",'
    || '"payload":{},"seq":%d,"time":"%s"}', actor, :chain, seq, time)
  WHEN seq % 25 = 13 THEN printf('{"actor":{"id":"supervisor-1","role":"supervisor"},'
    || '"case_id":"C-%d","chain_id":"%s","kind":"disposition","payload":{"disposition":"%s",'
    || '"note":"reviewed","override_seq":%d},"seq":%d,"time":"%s"}', seq - 1, :chain,
    CASE (seq / 25) % 4 WHEN 0 THEN 'justified' WHEN 1 THEN 'coaching_needed'
      WHEN 2 THEN 'suspected_collusion' ELSE 'confirmed_fraud' END, seq - 1, seq, time)
  ELSE printf('{"actor":%s,"case_id":"C-%d","chain_id":"%s","kind":"override","payload":%s,'
    || '"seq":%d,"time":"%s"}', actor, seq, :chain, CASE seq % 2
    WHEN 1 THEN printf('{"action":{"amount":%s,"currency":"USD","type":"refund"},"amount":%s,'
      || '"evidence":[{"cue":"non_receipt","quote":"%s","turn":3}],"policies":%s,'
      || '"reason":"customer verified by phone, ticket %d","reason_category":"customer_history",'
      || '"risk":{"level":"%s","score":%s},"verdict":"warn"}', amount, amount,
      CASE WHEN seq % :rare = 1 THEN 'they said voucher stacking works'
        ELSE 'the box arrived empty' END, policies, seq,
      CASE WHEN seq % 100 >= 60 THEN 'high' WHEN seq % 100 >= 30 THEN 'medium' ELSE 'low' END,
      score)
    ELSE printf('{"amount":%s,"limit":500,"policies":%s,"risk":%s}', amount, policies, score)
    END, seq, time) END, :hash
FROM (SELECT seq,
  printf('{"id":"agent-%d","role":"agent","team":"team-%d"}', seq % :agents, seq % :agents % 4)
    AS actor,
  strftime('%Y-%m-%dT%H:%M:%fZ', :start + seq * :apart, 'unixepoch') AS time,
  printf('%d.99', 20 + seq % 500) AS amount,
  CASE WHEN seq % 7 = 0 THEN '["refund-over-limit","gift-card-refund"]'
    ELSE '["refund-over-limit"]' END AS policies,
  printf('%g', (seq % 100) / 100.0) AS score
  FROM n))"_s);
    query.bindValue(u":records"_s, records);
    query.bindValue(u":chain"_s, log.chainId);
    query.bindValue(u":rare"_s, BulkAuditLog::kRareEvery);
    query.bindValue(u":agents"_s, BulkAuditLog::kAgents);
    query.bindValue(u":start"_s, log.start.toSecsSinceEpoch());
    query.bindValue(u":apart"_s, BulkAuditLog::kSecondsApart);
    query.bindValue(u":hash"_s, QString(64, u'0'));
    if (!query.exec())
        return Error{u"cannot write the bulk log: "_s + query.lastError().text()};
    if (auto committed = transaction.commit(); !committed)
        return Error{committed.error()};
    log.records = records;
    for (qint64 seq = 1; seq <= records; ++seq)
        log.overrides += BulkAuditLog::isSession(seq) || BulkAuditLog::isDisposition(seq) ? 0 : 1;
    return log;
}

} // namespace rg::test
