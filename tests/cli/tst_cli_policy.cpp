// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clirunner.h"
#include "context/caseserverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rg::test;

namespace {

// A pack of our own, so these tests do not depend on the default pack's content.
constexpr char kPack[] = R"({"id":"cli-policy-test","version":"1","format":1,"rules":[
  {"id":"t-nonreceipt","cue":"claim_non_receipt","weight":0.25,"patterns":["never arrived"]},
  {"id":"t-bribe","cue":"bribe","weight":0.75,"patterns":["cashapp"]},
  {"id":"t-agent","cue":"agent_off_platform","weight":0.6,"patterns":["telegram"]}]})";

// A verified, long-standing customer; order O-1 delivered with photo and GPS proof.
QJsonObject caseDocument()
{
    return QJsonDocument::fromJson(R"({"schema_version": 1, "id": "case-77",
      "customer": {"id": "cust-77", "account_created": "2018-02-01T10:00:00Z"},
      "contact": {"channel": "chat", "started_at": "2026-11-20T14:00:00Z",
                  "identity": {"status": "verified", "method": "otp_sms", "time": "2026-11-20T14:01:00Z"}},
      "orders": [{"id": "O-1", "value": 80.0, "currency": "USD", "payment_method": "credit_card",
                  "delivery": {"status": "delivered", "delivered_at": "2026-11-18T12:00:00Z",
                               "photo": true, "gps": true, "investigation": "none"}}],
      "agent": {"id": "a-1", "role": "agent", "refund_limit": 100.0, "currency": "USD"}})")
        .object();
}

// A non-receipt claim, an agent message (moving the chat to Telegram unless \a politeAgent)
// and a refund of O-1 to a gift card.
QJsonObject conversation(const QString &id, bool withCase, bool politeAgent = false)
{
    const QString agentText = politeAgent ? u"Let me check that for you."_s : u"Write to me on telegram."_s;
    QJsonObject json{
        {u"id"_s, id},
        {u"messages"_s,
         QJsonArray{QJsonObject{{u"role"_s, u"customer"_s}, {u"text"_s, u"My parcel never arrived."_s}},
                    QJsonObject{{u"role"_s, u"agent"_s}, {u"text"_s, agentText}},
                    QJsonObject{{u"role"_s, u"action"_s},
                                {u"action"_s, QJsonObject{{u"type"_s, u"refund"_s},
                                                          {u"order_id"_s, u"O-1"_s},
                                                          {u"amount"_s, 80.0},
                                                          {u"method"_s, u"gift_card"_s}}}}}}};
    if (withCase)
        json.insert(u"case"_s, caseDocument());
    return json;
}

QByteArray jsonLine(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QList<QJsonObject> outputLines(const Run &run)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : run.out.split('\n')) {
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

QStringList violationIds(const QJsonObject &result, int turn)
{
    QStringList ids;
    for (const QJsonValue &violation : result.value(u"violations"_s).toArray()) {
        if (violation[u"turn"_s].toInt() == turn)
            ids.append(violation[u"policy"_s].toString());
    }
    return ids;
}

const QString kRefund =
    uR"({"type": "refund", "order_id": "O-1", "amount": 150, "currency": "USD", "method": "original_payment", "reason": "non_receipt"})"_s;

} // namespace

class TestCliPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // Agent turns and actions get policy violations naming their turn, with severity.
    void scanReportsViolationsPerTurn();
    // The same chat scores higher with a case whose delivery proof contradicts the claim.
    void scanFusesTheCaseIntoRisk();
    void scanNamesABadCaseOrActionAndGoesOn();
    void scanRejectsABrokenPolicyFolder();
    void checkJudgesAnActionAgainstACaseFile();
    void checkAfterATranscriptSeesItsCues();
    void checkUsageErrors_data();
    void checkUsageErrors();
    void checkBadInputIsNamed();
    void checkFetchesTheCaseFromTheCaseService();
    void checkReportsCaseServiceFailures();
    void checkMapsACrmThroughAFieldMapping();
    void scanReportsPoliciesThatCannotBeEvaluated();
    void checkLooksUpTheDemoStore();

private:
    QTemporaryDir m_dir;
    QString m_pack;
    QString m_caseFile;
};

void TestCliPolicy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pack = m_dir.filePath(u"pack.json"_s);
    QVERIFY(writeFile(m_pack, kPack));
    m_caseFile = m_dir.filePath(u"case.json"_s);
    QVERIFY(writeFile(m_caseFile, QJsonDocument(caseDocument()).toJson()));
}

void TestCliPolicy::scanReportsViolationsPerTurn()
{
    const Run run = runCli({u"scan"_s, u"--rules"_s, m_pack}, jsonLine(conversation(u"c1"_s, true)));
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject result = outputLines(run).value(0);
    QCOMPARE(violationIds(result, 1), QStringList{u"agent-pii-off-platform"_s});
    QCOMPARE(violationIds(result, 2), (QStringList{u"original-payment-method"_s, u"proof-of-delivery"_s}));
    for (const QJsonValue &violation : result.value(u"violations"_s).toArray()) {
        QCOMPARE(violation[u"severity"_s].toString(), u"block"_s);
        QVERIFY(!violation[u"message"_s].toString().isEmpty());
    }
}

void TestCliPolicy::scanFusesTheCaseIntoRisk()
{
    const Run run = runCli({u"scan"_s, u"--rules"_s, m_pack},
                           jsonLine(conversation(u"without"_s, false, true))
                               + jsonLine(conversation(u"with"_s, true, true)));
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QList<QJsonObject> results = outputLines(run);
    QCOMPARE(results.size(), 2);
    QVERIFY2(results[1][u"risk"_s].toDouble() > results[0][u"risk"_s].toDouble() + 0.3,
             qPrintable(describe(run)));
    QCOMPARE(results[0][u"level"_s].toString(), u"low"_s);
    QCOMPARE(results[1][u"level"_s].toString(), u"high"_s);
    // Without a case, only the policies that need none still judge.
    QCOMPARE(violationIds(results[0], 2), QStringList{u"original-payment-method"_s});

    const Run explained = runCli({u"scan"_s, u"--explain"_s, u"--rules"_s, m_pack},
                                 jsonLine(conversation(u"with"_s, true)));
    QVERIFY2(explained.out.contains("Order O-1 was delivered with photo and GPS proof"), qPrintable(describe(explained)));
    QVERIFY2(explained.out.contains("turn   2 refund: BLOCK"), qPrintable(describe(explained)));
    QVERIFY2(explained.out.contains("Refund Policy 5.2"), qPrintable(describe(explained)));
}

void TestCliPolicy::scanNamesABadCaseOrActionAndGoesOn()
{
    QJsonObject badCase = conversation(u"bad-case"_s, true);
    QJsonObject document = caseDocument();
    QJsonArray orders = document.value(u"orders"_s).toArray();
    QJsonObject order = orders[0].toObject();
    order.insert(u"value"_s, u"eighty"_s);
    orders[0] = order;
    document.insert(u"orders"_s, orders);
    badCase.insert(u"case"_s, document);

    QJsonObject badAction = conversation(u"bad-action"_s, false);
    QJsonArray messages = badAction.value(u"messages"_s).toArray();
    messages[2] = QJsonObject{{u"role"_s, u"action"_s},
                              {u"action"_s, QJsonObject{{u"type"_s, u"refund"_s}, {u"amount"_s, -5}}}};
    badAction.insert(u"messages"_s, messages);

    const QString input = m_dir.filePath(u"mixed.jsonl"_s);
    QVERIFY(writeFile(input, jsonLine(conversation(u"ok-1"_s, true)) + jsonLine(badCase)
                                 + jsonLine(badAction) + jsonLine(conversation(u"ok-2"_s, false))));
    const Run run = runCli({u"scan"_s, u"--rules"_s, m_pack, input});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("mixed.jsonl:2: case/orders/0/value"), qPrintable(describe(run)));
    QVERIFY2(run.err.contains("mixed.jsonl:3: messages[2].action.amount: expected a number >= 0"),
             qPrintable(describe(run)));
    const QList<QJsonObject> results = outputLines(run);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0][u"id"_s].toString(), u"ok-1"_s);
    QCOMPARE(results[1][u"id"_s].toString(), u"ok-2"_s);
}

void TestCliPolicy::scanRejectsABrokenPolicyFolder()
{
    QTemporaryDir policies;
    QVERIFY(writeFile(policies.filePath(u"bad.json"_s), R"({"format": 1, "id": "x"})"));
    const Run run = runCli({u"scan"_s, u"--policies"_s, policies.path()}, jsonLine(conversation(u"c"_s, true)));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("bad.json: field \"title\""), qPrintable(describe(run)));
    QVERIFY(run.out.isEmpty());
}

void TestCliPolicy::checkJudgesAnActionAgainstACaseFile()
{
    const Run run = runCli({u"check"_s, u"--rules"_s, m_pack, u"--case"_s, m_caseFile, u"--action"_s, kRefund});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject decision = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(decision[u"decision"_s].toString(), u"block"_s);
    QCOMPARE(decision[u"case"_s].toString(), u"case-77"_s);
    QStringList fired;
    for (const QJsonValue &policy : decision[u"policies"_s].toArray())
        fired.append(policy[u"id"_s].toString());
    QCOMPARE(fired, (QStringList{u"authority-limit"_s, u"proof-of-delivery"_s}));
    const QJsonObject facts = decision[u"policies"_s][0][u"facts"_s].toObject();
    QCOMPARE(facts[u"action.amount"_s].toDouble(), 150.0);
    QCOMPARE(facts[u"agent.refund_limit"_s].toDouble(), 100.0);
    QVERIFY(!decision[u"policies"_s][0][u"citation"_s].toString().isEmpty());
    QCOMPARE(decision[u"reasons"_s][0][u"id"_s].toString(), u"proof_of_delivery"_s);
    QCOMPARE(decision[u"level"_s].toString(), u"medium"_s);

    const QString allowed = uR"({"type": "refund", "order_id": "O-1", "amount": 20, "method": "original_payment"})"_s;
    const Run allow = runCli({u"check"_s, u"--rules"_s, m_pack, u"--case"_s, m_caseFile, u"--action"_s, allowed});
    QVERIFY2(allow.finished && allow.exitCode == 0, qPrintable(describe(allow)));
    QCOMPARE(QJsonDocument::fromJson(allow.out).object()[u"decision"_s].toString(), u"allow"_s);
}

void TestCliPolicy::checkAfterATranscriptSeesItsCues()
{
    const QString transcript = m_dir.filePath(u"so-far.jsonl"_s);
    QVERIFY(writeFile(transcript, jsonLine(QJsonObject{
                                      {u"id"_s, u"so-far"_s},
                                      {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"customer"_s},
                                                                             {u"text"_s, u"I send you 50 by cashapp"_s}}}}})));
    const QString small = uR"({"type": "refund", "order_id": "O-1", "amount": 20})"_s;
    const Run run = runCli({u"check"_s, u"--rules"_s, m_pack, u"--case"_s, m_caseFile, u"--action"_s, small,
                            u"--transcript"_s, transcript});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject decision = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(decision[u"decision"_s].toString(), u"block"_s);
    QCOMPARE(decision[u"policies"_s][0][u"id"_s].toString(), u"bribe-or-off-platform"_s);
    QCOMPARE(decision[u"level"_s].toString(), u"high"_s);
}

void TestCliPolicy::checkUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    QTest::newRow("no action") << QStringList{u"--case"_s, u"x.json"_s} << u"--action JSON is required"_s;
    QTest::newRow("no case") << QStringList{u"--action"_s, u"{}"_s} << u"exactly one of --case"_s;
    QTest::newRow("two cases") << QStringList{u"--case"_s, u"x"_s, u"--case-id"_s, u"y"_s, u"--action"_s, u"{}"_s}
                               << u"exactly one of --case"_s;
    QTest::newRow("unknown") << QStringList{u"--case"_s, u"x"_s, u"--frobnicate"_s, u"1"_s}
                             << u"unknown argument --frobnicate"_s;
    QTest::newRow("no value") << QStringList{u"--case"_s} << u"--case needs a value"_s;
    QTest::newRow("token without url") << QStringList{u"--case"_s, u"x"_s, u"--token"_s, u"t"_s, u"--action"_s, u"{}"_s}
                                       << u"--token goes with --case-url or --service"_s;
    QTest::newRow("service without id") << QStringList{u"--service"_s, u"http://h"_s, u"--case"_s, u"x"_s, u"--action"_s, u"{}"_s}
                                        << u"--service needs --case-id"_s;
    QTest::newRow("mapping without service") << QStringList{u"--case-id"_s, u"x"_s, u"--mapping"_s, u"zendesk"_s, u"--action"_s, u"{}"_s}
                                             << u"--mapping and --param go with --service"_s;
}

void TestCliPolicy::checkUsageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    checkUsageError(runCli(QStringList{u"check"_s} + args), error);
}

void TestCliPolicy::checkBadInputIsNamed()
{
    const struct
    {
        QStringList args;
        QString error;
    } cases[] = {
        {{u"--case"_s, m_caseFile, u"--action"_s, u"{\"type\": "_s}, u"--action: not valid JSON at line 1"_s},
        {{u"--case"_s, m_caseFile, u"--action"_s, u"{\"type\": \"refnd\"}"_s}, u"--action.type: expected one of"_s},
        {{u"--case"_s, m_dir.filePath(u"missing.json"_s), u"--action"_s, kRefund}, u"missing.json: cannot read"_s},
        {{u"--case"_s, m_pack, u"--action"_s, kRefund}, u"pack.json: /schema_version"_s},
        {{u"--case-url"_s, u"ftp://example.com/cases/1"_s, u"--action"_s, kRefund}, u"is not an http(s) URL"_s},
    };
    for (const auto &c : cases) {
        const Run run = runCli(QStringList{u"check"_s} + c.args);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(c.error), qPrintable(describe(run)));
        QVERIFY(run.out.isEmpty());
    }
}

void TestCliPolicy::checkFetchesTheCaseFromTheCaseService()
{
    const QString seed = m_dir.filePath(u"seed.jsonl"_s);
    QVERIFY(writeFile(seed, jsonLine(conversation(u"seeded"_s, true))));
    CaseServerProcess server({u"--data"_s, m_dir.filePath(u"cases.db"_s), u"--seed"_s, seed, u"--token"_s, u"s3cret"_s});
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QString url = server.url().toString() + u"/cases/case-77"_s;
    const Run run = runCli({u"check"_s, u"--rules"_s, m_pack, u"--case-url"_s, url, u"--token"_s, u"s3cret"_s,
                            u"--action"_s, kRefund});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject decision = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(decision[u"case"_s].toString(), u"case-77"_s);
    QCOMPARE(decision[u"decision"_s].toString(), u"block"_s);

    // The token can come from the environment instead of the command line.
    qputenv("RG_CASE_TOKEN", "s3cret");
    const Run fromEnvironment = runCli({u"check"_s, u"--rules"_s, m_pack, u"--case-url"_s, url,
                                        u"--action"_s, kRefund});
    qunsetenv("RG_CASE_TOKEN");
    QVERIFY2(fromEnvironment.finished && fromEnvironment.exitCode == 0, qPrintable(describe(fromEnvironment)));
}

void TestCliPolicy::checkReportsCaseServiceFailures()
{
    const QString seed = m_dir.filePath(u"seed2.jsonl"_s);
    QVERIFY(writeFile(seed, jsonLine(conversation(u"seeded"_s, true))));
    CaseServerProcess server({u"--data"_s, m_dir.filePath(u"cases2.db"_s), u"--seed"_s, seed, u"--token"_s, u"s3cret"_s});
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QString base = server.url().toString();

    const Run wrongToken = runCli({u"check"_s, u"--case-url"_s, base + u"/cases/case-77"_s, u"--token"_s, u"nope"_s,
                                   u"--action"_s, kRefund});
    QVERIFY(wrongToken.finished);
    QCOMPARE(wrongToken.exitCode, 1);
    QVERIFY2(wrongToken.err.contains("401") || wrongToken.err.contains("token"), qPrintable(describe(wrongToken)));

    const Run unknown = runCli({u"check"_s, u"--case-url"_s, base + u"/cases/case-404"_s, u"--token"_s, u"s3cret"_s,
                                u"--action"_s, kRefund});
    QVERIFY(unknown.finished);
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("case-404"), qPrintable(describe(unknown)));

    const QString closed = u"http://127.0.0.1:%1/cases/case-77"_s.arg(unusedPort());
    const Run unreachable = runCli({u"check"_s, u"--case-url"_s, closed, u"--action"_s, kRefund});
    QVERIFY(unreachable.finished);
    QCOMPARE(unreachable.exitCode, 1);
    QVERIFY2(unreachable.err.contains("127.0.0.1"), qPrintable(describe(unreachable)));
}

// A mapping file that builds a smaller case from the service's answer: only what it maps exists.
void TestCliPolicy::checkMapsACrmThroughAFieldMapping()
{
    const QString seed = m_dir.filePath(u"seed3.jsonl"_s);
    QVERIFY(writeFile(seed, jsonLine(conversation(u"seeded"_s, true))));
    const QString mapping = m_dir.filePath(u"mapping.json"_s);
    QVERIFY(writeFile(mapping, R"({"id": "test-crm", "path": "/{collection}/{id}",
        "constants": {"/schema_version": 1},
        "fields": {"/id": "/id", "/customer/id": "/customer/id",
                   "/customer/account_created": "/customer/account_created",
                   "/agent/id": "/agent/id", "/agent/refund_limit": "/agent/refund_limit",
                   "/orders": "/orders"}})"));
    CaseServerProcess server({u"--data"_s, m_dir.filePath(u"cases3.db"_s), u"--seed"_s, seed});
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QStringList service{u"check"_s, u"--rules"_s, m_pack, u"--service"_s, server.url().toString(),
                              u"--case-id"_s, u"case-77"_s, u"--mapping"_s, mapping, u"--action"_s, kRefund};

    const Run run = runCli(service + QStringList{u"--param"_s, u"collection=cases"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject decision = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(decision[u"decision"_s].toString(), u"block"_s);
    QStringList fired;
    for (const QJsonValue &policy : decision[u"policies"_s].toArray())
        fired.append(policy[u"id"_s].toString());
    // The contact was not mapped, and an identity nobody vouched for is an unverified one.
    QCOMPARE(fired, (QStringList{u"authority-limit"_s, u"identity-first"_s, u"proof-of-delivery"_s}));

    const Run noParameter = runCli(service);
    QVERIFY(noParameter.finished);
    QCOMPARE(noParameter.exitCode, 1);
    QVERIFY2(noParameter.err.contains("{collection}"), qPrintable(describe(noParameter)));

    const Run badMapping = runCli({u"check"_s, u"--service"_s, server.url().toString(), u"--case-id"_s,
                                   u"case-77"_s, u"--mapping"_s, m_pack, u"--action"_s, kRefund});
    QVERIFY(badMapping.finished);
    QCOMPARE(badMapping.exitCode, 1);
    QVERIFY2(badMapping.err.contains("--mapping: "), qPrintable(describe(badMapping)));
}

// A policy that fails at run time is a violation in the scan output, never a silent pass.
void TestCliPolicy::scanReportsPoliciesThatCannotBeEvaluated()
{
    QTemporaryDir policies;
    QVERIFY(writeFile(policies.filePath(u"broken.json"_s), R"({"format": 1, "id": "broken", "title": "t",
        "severity": "block", "citation": "c", "message": "m", "actions": ["refund"],
        "condition": {"missing_some": [1, {"var": "nothing.here"}]}})"));
    const Run run = runCli({u"scan"_s, u"--rules"_s, m_pack, u"--policies"_s, policies.path()},
                           jsonLine(conversation(u"c"_s, true)));
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject result = outputLines(run).value(0);
    QCOMPARE(violationIds(result, 2), QStringList{u"broken"_s});
    const QJsonObject violation = result[u"violations"_s][0].toObject();
    QCOMPARE(violation[u"severity"_s].toString(), u"warn"_s);
    QVERIFY2(violation[u"message"_s].toString().startsWith(u"could not be evaluated: "_s), qPrintable(describe(run)));
}

void TestCliPolicy::checkLooksUpTheDemoStore()
{
    const QString store = m_dir.filePath(u"demo.db"_s);
    const QString action = uR"({"type": "refund", "order_id": "114-2283917", "amount": 129.99, "method": "original_payment", "reason": "non_receipt"})"_s;
    const Run run = runCli({u"check"_s, u"--case-id"_s, u"case-1001"_s, u"--store"_s, store, u"--action"_s, action});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject decision = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(decision[u"case"_s].toString(), u"case-1001"_s);
    QCOMPARE(decision[u"decision"_s].toString(), u"block"_s);

    const Run missing = runCli({u"check"_s, u"--case-id"_s, u"case-0"_s, u"--store"_s, store, u"--action"_s, action});
    QVERIFY(missing.finished);
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("case-0"), qPrintable(describe(missing)));
}

QTEST_GUILESS_MAIN(TestCliPolicy)
#include "tst_cli_policy.moc"
