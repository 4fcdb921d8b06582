// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/facts.h"
#include "policy/policypack.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rg;

namespace {

const QString kPolicies = QStringLiteral(RG_SOURCE_DIR) + u"/resources/policies"_s;
const QString kFixtures = QStringLiteral(RG_TEST_DATA_DIR) + u"/policy/decisions.json"_s;

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

policy::PolicyPack defaultPack()
{
    auto pack = policy::PolicyPack::loadDirectory(kPolicies);
    if (!pack)
        qFatal("%s", qPrintable(pack.error()));
    return std::move(pack).value();
}

QString writePolicy(const QTemporaryDir &dir, const QString &name, const QByteArray &json)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(json);
    return file.fileName();
}

constexpr char kValidPolicy[] = R"({"format": 1, "id": "p-one", "title": "T", "severity": "warn",
  "citation": "Policy 1", "actions": ["refund"], "message": "Amount {action.amount} over {agent.refund_limit}",
  "condition": {">": [{"var": "action.amount"}, {"var": "agent.refund_limit"}]}})";

} // namespace

class TestPolicyPack final : public QObject
{
    Q_OBJECT

private slots:
    // Every fixture of the table: a case, a conversation and the action judged -> the decision.
    void decisions_data();
    void decisions();
    void everyPolicyHasPositiveAndNegativeFixtures();
    void firedPolicyNamesTheFactsItRead();
    void messagesFillInFacts();
    void brokenPolicyFilesAreRejected_data();
    void brokenPolicyFilesAreRejected();
    void duplicateIdsAreRejected();
    void emptyOrMissingFolderIsAnError();
    void actionsAreValidated_data();
    void actionsAreValidated();
    void actionsNameTheirOrder();
};

void TestPolicyPack::decisions_data()
{
    QTest::addColumn<QJsonObject>("fixture");
    const QJsonObject document = readJson(kFixtures);
    const QJsonArray fixtures = document.value(u"fixtures"_s).toArray();
    QVERIFY2(fixtures.size() >= 30, "the decision table needs at least 30 fixtures");
    for (const QJsonValue &fixture : fixtures) {
        QJsonObject row = fixture.toObject();
        row.insert(u"base_case"_s, document.value(u"base_case"_s));
        QTest::newRow(qPrintable(row.value(u"name"_s).toString())) << row;
    }
}

void TestPolicyPack::decisions()
{
    QFETCH(QJsonObject, fixture);
    static const policy::PolicyPack pack = defaultPack();

    std::optional<model::Case> caseData;
    if (!fixture.value(u"case"_s).isNull()) {
        const QJsonValue document = test::mergePatch(fixture.value(u"base_case"_s), fixture.value(u"case"_s));
        auto parsed = model::Case::fromJson(document.toObject());
        QVERIFY2(parsed.ok(), qPrintable(test::errorOf(parsed)));
        caseData = std::move(parsed).value();
    }
    QList<model::Message> messages;
    for (const QJsonValue &value : fixture.value(u"messages"_s).toArray()) {
        auto message = model::Message::fromJson(value, u"messages"_s);
        QVERIFY2(message.ok(), qPrintable(test::errorOf(message)));
        if (message.value().role == model::Role::Action && caseData) {
            // As the judge does: every action names its order.
            const auto resolved = policy::resolveOrder(message.value().action, *caseData, u"action"_s);
            QVERIFY2(resolved.ok(), qPrintable(test::errorOf(resolved)));
            message.value().action = resolved.value();
        }
        messages.append(message.value());
    }
    std::vector<model::Finding> findings;
    for (const QJsonValue &value : fixture.value(u"findings"_s).toArray()) {
        model::Finding finding;
        finding.turn = value[u"turn"_s].toInt();
        finding.cue = value[u"cue"_s].toString();
        findings.push_back(finding);
    }

    const policy::FactsBuilder builder(caseData, QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC));
    const int turn = fixture.value(u"judge_turn"_s).toInt();
    const policy::Decision decision = pack.decide(builder.facts(messages, findings, turn));

    QStringList fired;
    for (const policy::FiredPolicy &policy : decision.fired)
        fired.append(policy.id);
    QStringList expected;
    for (const QJsonValue &id : fixture.value(u"fired"_s).toArray())
        expected.append(id.toString());
    QCOMPARE(fired, expected);
    QCOMPARE(policy::verdictName(decision.verdict), fixture.value(u"expect"_s).toString());
    QVERIFY(decision.errors.empty());
}

// The table is only a specification if each policy is seen both firing and holding back: for
// every policy, a fixture where it fires and one where an action of a type it judges passes it.
void TestPolicyPack::everyPolicyHasPositiveAndNegativeFixtures()
{
    const policy::PolicyPack pack = defaultPack();
    const QJsonArray fixtures = readJson(kFixtures).value(u"fixtures"_s).toArray();
    QSet<QString> firedSomewhere;
    QSet<QString> heldBackSomewhere;
    for (const QJsonValue &fixture : fixtures) {
        QStringList fired;
        for (const QJsonValue &id : fixture[u"fired"_s].toArray())
            fired.append(id.toString());
        firedSomewhere.unite(QSet<QString>(fired.begin(), fired.end()));
        const QJsonObject judged = fixture[u"messages"_s][fixture[u"judge_turn"_s].toInt()].toObject();
        const QString type = judged.value(u"role"_s).toString() == u"agent"_s
                                 ? u"agent_message"_s
                                 : judged.value(u"action"_s).toObject().value(u"type"_s).toString();
        for (const policy::Policy &policy : pack.policies()) {
            if (policy.actions.contains(type) && !fired.contains(policy.id))
                heldBackSomewhere.insert(policy.id);
        }
    }
    for (const policy::Policy &policy : pack.policies()) {
        QVERIFY2(firedSomewhere.contains(policy.id), qPrintable(policy.id + u" never fires"_s));
        QVERIFY2(heldBackSomewhere.contains(policy.id),
                 qPrintable(policy.id + u" never holds back on an action it judges"_s));
    }
}

void TestPolicyPack::firedPolicyNamesTheFactsItRead()
{
    QTemporaryDir dir;
    writePolicy(dir, u"p.json"_s, kValidPolicy);
    const auto pack = policy::PolicyPack::loadDirectory(dir.path());
    QVERIFY2(pack.ok(), qPrintable(test::errorOf(pack)));
    const QJsonObject facts{{u"action"_s, QJsonObject{{u"type"_s, u"refund"_s}, {u"amount"_s, 300}}},
                            {u"agent"_s, QJsonObject{{u"refund_limit"_s, 250}}}};
    const policy::Decision decision = pack.value().decide(facts);
    QCOMPARE(decision.verdict, policy::Verdict::Warn);
    QCOMPARE(decision.fired.size(), std::size_t(1));
    const QJsonObject json = decision.toJson();
    const QJsonObject read = json[u"policies"_s][0][u"facts"_s].toObject();
    QCOMPARE(read.value(u"action.amount"_s).toDouble(), 300.0);
    QCOMPARE(read.value(u"agent.refund_limit"_s).toDouble(), 250.0);
    QCOMPARE(json[u"decision"_s].toString(), u"warn"_s);
    QCOMPARE(json[u"policies"_s][0][u"citation"_s].toString(), u"Policy 1"_s);

    // An action type the policy does not list is not judged by it.
    const QJsonObject replacement{{u"action"_s, QJsonObject{{u"type"_s, u"replacement"_s}, {u"amount"_s, 300}}},
                                  {u"agent"_s, QJsonObject{{u"refund_limit"_s, 250}}}};
    QCOMPARE(pack.value().decide(replacement).verdict, policy::Verdict::Allow);
}

void TestPolicyPack::messagesFillInFacts()
{
    QTemporaryDir dir;
    writePolicy(dir, u"p.json"_s, kValidPolicy);
    const auto pack = policy::PolicyPack::loadDirectory(dir.path());
    QVERIFY(pack.ok());
    const QJsonObject facts{{u"action"_s, QJsonObject{{u"type"_s, u"refund"_s}, {u"amount"_s, 300.5}}},
                            {u"agent"_s, QJsonObject{{u"refund_limit"_s, 250}}}};
    QCOMPARE(pack.value().decide(facts).fired.front().message, u"Amount 300.5 over 250"_s);
}

void TestPolicyPack::brokenPolicyFilesAreRejected_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << QByteArray("{\"id\": ") << u"bad.json: not valid JSON at line 1"_s;
    QTest::newRow("array") << QByteArray("[]") << u"bad.json: a policy is a JSON object"_s;
    QTest::newRow("unknown field") << QByteArray(R"({"format":1,"id":"x","colour":"red"})")
                                   << u"field \"colour\": unknown field"_s;
    QTest::newRow("format") << QByteArray(R"({"format":2})") << u"field \"format\": unsupported format"_s;
    QTest::newRow("no title") << QByteArray(R"({"format":1,"id":"x"})")
                              << u"field \"title\": expected a non-empty string"_s;
    QTest::newRow("bad id")
        << QByteArray(R"({"format":1,"id":"Bad Id","title":"t","citation":"c","message":"m"})")
        << u"field \"id\": \"Bad Id\" is not lower-case"_s;
    QTest::newRow("severity")
        << QByteArray(R"({"format":1,"id":"x","title":"t","citation":"c","message":"m","severity":"stop"})")
        << u"field \"severity\": expected \"warn\" or \"block\""_s;
    QTest::newRow("actions empty")
        << QByteArray(R"({"format":1,"id":"x","title":"t","citation":"c","message":"m","severity":"warn","actions":[]})")
        << u"field \"actions\": expected a non-empty array"_s;
    QTest::newRow("unknown action")
        << QByteArray(R"({"format":1,"id":"x","title":"t","citation":"c","message":"m","severity":"warn","actions":["refnud"]})")
        << u"field \"actions\": unknown action type \"refnud\""_s;
    QTest::newRow("no condition")
        << QByteArray(R"({"format":1,"id":"x","title":"t","citation":"c","message":"m","severity":"warn","actions":["refund"]})")
        << u"field \"condition\": missing"_s;
    QTest::newRow("unknown operator")
        << QByteArray(R"({"format":1,"id":"x","title":"t","citation":"c","message":"m","severity":"warn","actions":["refund"],"condition":{"and":[true,{"frobnicate":[1]}]}})")
        << u"field \"condition\": "_s;
}

void TestPolicyPack::brokenPolicyFilesAreRejected()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QTemporaryDir dir;
    writePolicy(dir, u"good.json"_s, kValidPolicy);
    writePolicy(dir, u"bad.json"_s, json);
    const auto pack = policy::PolicyPack::loadDirectory(dir.path());
    QVERIFY(!pack.ok());
    QVERIFY2(pack.error().contains(error), qPrintable(pack.error()));
    QVERIFY2(pack.error().contains(u"bad.json"_s), qPrintable(pack.error()));
}

void TestPolicyPack::duplicateIdsAreRejected()
{
    QTemporaryDir dir;
    writePolicy(dir, u"a.json"_s, kValidPolicy);
    writePolicy(dir, u"b.json"_s, kValidPolicy);
    const auto pack = policy::PolicyPack::loadDirectory(dir.path());
    QVERIFY(!pack.ok());
    QVERIFY2(pack.error().contains(u"\"p-one\" is defined twice"_s), qPrintable(pack.error()));
}

void TestPolicyPack::emptyOrMissingFolderIsAnError()
{
    QTemporaryDir dir;
    const auto empty = policy::PolicyPack::loadDirectory(dir.path());
    QVERIFY(!empty.ok());
    QVERIFY(empty.error().contains(u"no policy files"_s));
    const auto missing = policy::PolicyPack::loadDirectory(dir.filePath(u"nope"_s));
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().contains(u"no such policy folder"_s));
}

void TestPolicyPack::actionsAreValidated_data()
{
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<QString>("error");
    QTest::newRow("ok") << QByteArray(R"({"type":"refund","amount":10,"method":"gift_card"})") << QString();
    QTest::newRow("no type") << QByteArray(R"({"amount":10})") << u"act.type: expected one of refund"_s;
    QTest::newRow("unknown type") << QByteArray(R"({"type":"refnd"})") << u"got \"refnd\""_s;
    QTest::newRow("negative") << QByteArray(R"({"type":"refund","amount":-1})") << u"act.amount: expected a number >= 0"_s;
    QTest::newRow("string amount") << QByteArray(R"({"type":"refund","amount":"10"})") << u"act.amount"_s;
    QTest::newRow("no amount") << QByteArray(R"({"type":"refund","order_id":"O-1"})") << u"act.amount: required for a refund"_s;
    QTest::newRow("concession amount") << QByteArray(R"({"type":"concession"})") << u"act.amount: required for a concession"_s;
    QTest::newRow("replacement needs none") << QByteArray(R"({"type":"replacement","order_id":"O-1"})") << QString();
    QTest::newRow("method") << QByteArray(R"({"type":"refund","amount":1,"method":"cash"})") << u"act.method: expected one of"_s;
    QTest::newRow("return") << QByteArray(R"({"type":"refund","amount":1,"return_required":"yes"})") << u"act.return_required"_s;
    QTest::newRow("order") << QByteArray(R"({"type":"refund","amount":1,"order_id":7})") << u"act.order_id: expected a string"_s;
}

void TestPolicyPack::actionsAreValidated()
{
    QFETCH(QByteArray, action);
    QFETCH(QString, error);
    const auto result = policy::validateAction(QJsonDocument::fromJson(action).object(), u"act"_s);
    if (error.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(test::errorOf(result)));
        return;
    }
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(error), qPrintable(result.error()));
}

// A remedy must say which order it is for when the case has several; an unknown order is named.
void TestPolicyPack::actionsNameTheirOrder()
{
    const QJsonObject base = readJson(kFixtures).value(u"base_case"_s).toObject();
    const auto twoOrders = model::Case::fromJson(base);
    QVERIFY2(twoOrders.ok(), qPrintable(test::errorOf(twoOrders)));
    const QJsonObject refund{{u"type"_s, u"refund"_s}, {u"amount"_s, 10}};

    auto resolved = policy::resolveOrder(refund, twoOrders.value(), u"act"_s);
    QVERIFY(!resolved.ok());
    QVERIFY2(resolved.error().contains(u"act.order_id: required, case case-fixture has 2 orders"_s),
             qPrintable(resolved.error()));

    QJsonObject unknown = refund;
    unknown.insert(u"order_id"_s, u"O-9"_s);
    resolved = policy::resolveOrder(unknown, twoOrders.value(), u"act"_s);
    QVERIFY(!resolved.ok());
    QVERIFY2(resolved.error().contains(u"has no order \"O-9\""_s), qPrintable(resolved.error()));

    model::Case oneOrder = twoOrders.value();
    oneOrder.orders.removeLast();
    resolved = policy::resolveOrder(refund, oneOrder, u"act"_s);
    QVERIFY2(resolved.ok(), qPrintable(test::errorOf(resolved)));
    QCOMPARE(resolved.value().value(u"order_id"_s).toString(), u"O-1"_s);

    const QJsonObject accountChange{{u"type"_s, u"account_change"_s}, {u"field"_s, u"email"_s}};
    QVERIFY(policy::resolveOrder(accountChange, twoOrders.value(), u"act"_s).ok());
}

QTEST_GUILESS_MAIN(TestPolicyPack)
#include "tst_policypack.moc"
