// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/fusion.h"
#include "risk/riskscorer.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rg;

namespace {

const QString kWeights = QStringLiteral(RG_SOURCE_DIR) + u"/resources/risk/fusion.json"_s;
const QDateTime kContactStart(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);

risk::FusionWeights shippedWeights()
{
    auto weights = risk::FusionWeights::load(kWeights);
    if (!weights)
        qFatal("%s", qPrintable(weights.error()));
    return std::move(weights).value();
}

// A long-standing, verified customer with one order delivered without proof.
model::Case cleanCase()
{
    model::Case c;
    c.id = u"case-1"_s;
    c.customer.id = u"cust-1"_s;
    c.customer.accountCreated = QDateTime(QDate(2019, 5, 1), QTime(9, 0), Qt::UTC);
    c.contact.startedAt = kContactStart;
    c.contact.identity = model::IdentityStatus::Verified;
    model::Order order;
    order.id = u"O-1"_s;
    order.value = 120.0;
    order.currency = u"USD"_s;
    order.delivery.status = model::DeliveryStatus::Delivered;
    c.orders.append(order);
    c.agent.id = u"a-1"_s;
    c.agent.refundLimit = 250.0;
    return c;
}

model::Finding finding(int turn, const QString &cue, double weight = 0.3)
{
    model::Finding f;
    f.turn = turn;
    f.cue = cue;
    f.weight = weight;
    f.evidence = cue;
    return f;
}

QStringList ids(const std::vector<risk::CaseSignal> &found)
{
    QStringList out;
    for (const risk::CaseSignal &signal : found)
        out.append(signal.id);
    return out;
}

const QList<model::Message> kChat{{model::Role::Customer, u"it never came"_s, {}}};

} // namespace

class TestFusion final : public QObject
{
    Q_OBJECT

private slots:
    void cleanCaseAddsNothing();
    // A non-receipt claim on a delivery with photo proof: the contradiction REKK scripts rely on.
    void proofOfDeliveryContradictsNonReceipt();
    void confirmedLossClearsProofOfDelivery();
    void claimSignalsNeedAClaim();
    void claimVelocityCountsTheWindow();
    void accountSignalsCountWithoutAClaim();
    void actionNamesTheOrderJudged();
    // With several orders and no action, only the orders the chat mentions are judged.
    void unmentionedOrdersSayNothing();
    void decisiveSignalLiftsRiskAboveTheCap();
    void everydaySignalsStayBelowHigh();
    void reasonsAreRankedWithText();
    void brokenWeightsAreRejected_data();
    void brokenWeightsAreRejected();
};

void TestFusion::cleanCaseAddsNothing()
{
    const auto found = risk::caseSignals(cleanCase(), kChat, {finding(0, u"claim_non_receipt"_s)},
                                           shippedWeights(), kContactStart);
    QVERIFY2(found.empty(), qPrintable(ids(found).join(u", "_s)));
}

void TestFusion::proofOfDeliveryContradictsNonReceipt()
{
    model::Case c = cleanCase();
    c.orders[0].delivery.photo = true;
    const auto found = risk::caseSignals(c, kChat, {finding(0, u"claim_non_receipt"_s)},
                                           shippedWeights(), kContactStart);
    QCOMPARE(ids(found), QStringList{u"proof_of_delivery"_s});
    QVERIFY(found.front().decisive);
    QVERIFY2(found.front().text.contains(u"O-1"_s) && found.front().text.contains(u"photo"_s),
             qPrintable(found.front().text));
    // Without the claim, the same delivery proof says nothing.
    QVERIFY(risk::caseSignals(c, kChat, {finding(0, u"urgency"_s)}, shippedWeights(), kContactStart).empty());
}

void TestFusion::confirmedLossClearsProofOfDelivery()
{
    model::Case c = cleanCase();
    c.orders[0].delivery.gps = true;
    c.orders[0].delivery.investigation = model::Investigation::ConfirmedLost;
    QVERIFY(risk::caseSignals(c, kChat, {finding(0, u"claim_non_receipt"_s)}, shippedWeights(),
                              kContactStart)
                .empty());
}

void TestFusion::claimSignalsNeedAClaim()
{
    model::Case c = cleanCase();
    c.customer.accountCreated = kContactStart.addDays(-5);
    c.orders[0].value = 900.0;
    QVERIFY(risk::caseSignals(c, kChat, {}, shippedWeights(), kContactStart).empty());
    const auto found = risk::caseSignals(c, kChat, {finding(0, u"claim_empty_or_wrong"_s)},
                                           shippedWeights(), kContactStart);
    QCOMPARE(ids(found), (QStringList{u"new_account"_s, u"high_value"_s}));
}

void TestFusion::claimVelocityCountsTheWindow()
{
    model::Case c = cleanCase();
    const auto claimOn = [](const QDateTime &date) {
        model::Claim claim;
        claim.date = date;
        claim.type = model::ClaimType::NonReceipt;
        return claim;
    };
    c.claims = {claimOn(kContactStart.addDays(-120)), claimOn(kContactStart.addDays(-60)),
                claimOn(kContactStart.addDays(-10))};
    const std::vector<model::Finding> claim{finding(0, u"claim_non_receipt"_s)};
    auto found = risk::caseSignals(c, kChat, claim, shippedWeights(), kContactStart);
    QCOMPARE(ids(found), QStringList{u"claim_velocity"_s});
    QVERIFY(found.front().text.startsWith(u"2 claims"_s));
    c.claims.append(claimOn(kContactStart.addDays(-1)));
    found = risk::caseSignals(c, kChat, claim, shippedWeights(), kContactStart);
    QCOMPARE(ids(found), QStringList{u"claim_velocity_high"_s});
}

void TestFusion::accountSignalsCountWithoutAClaim()
{
    model::Case c = cleanCase();
    model::AccountChange change;
    change.time = kContactStart.addSecs(300);
    change.field = model::AccountField::Email;
    c.accountChanges.append(change);
    c.contact.newDevice = true;
    model::LinkedAccount linked;
    linked.customerId = u"cust-9"_s;
    linked.fraudFlag = true;
    c.linkedAccounts.append(linked);
    const auto found = risk::caseSignals(c, kChat, {}, shippedWeights(), kContactStart);
    QCOMPARE(ids(found), (QStringList{u"changed_in_contact"_s, u"new_device"_s, u"linked_fraud"_s}));
}

void TestFusion::actionNamesTheOrderJudged()
{
    model::Case c = cleanCase();
    model::Order proven = c.orders[0];
    proven.id = u"O-2"_s;
    proven.delivery.photo = true;
    c.orders.append(proven);
    QList<model::Message> messages = kChat;
    messages.append({model::Role::Action, {},
                     QJsonObject{{u"type"_s, u"refund"_s}, {u"order_id"_s, u"O-1"_s}, {u"reason"_s, u"non_receipt"_s}}});
    QVERIFY(risk::caseSignals(c, messages, {}, shippedWeights(), kContactStart).empty());
    messages.last().action.insert(u"order_id"_s, u"O-2"_s);
    QCOMPARE(ids(risk::caseSignals(c, messages, {}, shippedWeights(), kContactStart)),
             QStringList{u"proof_of_delivery"_s});
}

void TestFusion::unmentionedOrdersSayNothing()
{
    model::Case c = cleanCase();
    c.orders[0].delivery.photo = true; // O-1: an old order, delivered with proof
    model::Order fresh = cleanCase().orders[0];
    fresh.id = u"114-NEW"_s;
    fresh.value = 900.0;
    fresh.delivery.status = model::DeliveryStatus::InTransit;
    c.orders.append(fresh);
    const std::vector<model::Finding> claim{finding(0, u"claim_non_receipt"_s)};

    const QList<model::Message> aboutFresh{{model::Role::Customer, u"my order 114-NEW never arrived"_s, {}}};
    QCOMPARE(ids(risk::caseSignals(c, aboutFresh, claim, shippedWeights(), kContactStart)),
             QStringList{u"high_value"_s});
    QVERIFY(risk::caseSignals(c, kChat, claim, shippedWeights(), kContactStart).empty());
    const QList<model::Message> aboutOld{{model::Role::Customer, u"order O-1 never arrived"_s, {}}};
    QCOMPARE(ids(risk::caseSignals(c, aboutOld, claim, shippedWeights(), kContactStart)),
             QStringList{u"proof_of_delivery"_s});
}

void TestFusion::decisiveSignalLiftsRiskAboveTheCap()
{
    const std::vector<model::Finding> findings{finding(0, u"claim_non_receipt"_s, 0.3),
                                               finding(0, u"urgency"_s, 0.3)};
    const risk::Assessment textOnly = risk::assess(findings, {});
    QCOMPARE(textOnly.level, risk::Level::Medium);
    const risk::Assessment fused =
        risk::assess(findings, {}, {{u"proof_of_delivery"_s, u"delivered with photo"_s, 0.55, true}});
    QCOMPARE(fused.level, risk::Level::High);
    QVERIFY(fused.risk > textOnly.risk);
    // Noisy-OR: 1 - 0.7 * 0.7 * 0.45 = 0.7795, rounded to three places.
    QVERIFY2(qAbs(fused.risk - 0.7795) <= 0.0006, qPrintable(QString::number(fused.risk)));
}

void TestFusion::everydaySignalsStayBelowHigh()
{
    const risk::Assessment fused = risk::assess(
        {finding(0, u"claim_non_receipt"_s, 0.3)}, {},
        {{u"new_account"_s, u"new"_s, 0.2, false}, {u"claim_velocity"_s, u"2 claims"_s, 0.2, false},
         {u"high_value"_s, u"900"_s, 0.1, false}, {u"new_device"_s, u"device"_s, 0.1, false}});
    QCOMPARE(fused.level, risk::Level::Medium);
    QCOMPARE(fused.risk, 0.55);
}

void TestFusion::reasonsAreRankedWithText()
{
    const risk::Assessment fused = risk::assess(
        {finding(2, u"urgency"_s, 0.25)}, {},
        {{u"linked_fraud"_s, u"1 linked account(s) carry a fraud flag"_s, 0.45, true}});
    QCOMPARE(fused.reasons.size(), std::size_t(2));
    QCOMPARE(fused.reasons.front().cue, u"linked_fraud"_s);
    QCOMPARE(fused.reasons.front().turn, -1);
    QCOMPARE(fused.reasons.front().text, u"1 linked account(s) carry a fraud flag"_s);
}

void TestFusion::brokenWeightsAreRejected_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QByteArray shipped;
    {
        QFile file(kWeights);
        QVERIFY(file.open(QIODevice::ReadOnly));
        shipped = file.readAll();
    }
    const auto edited = [&](const QByteArray &from, const QByteArray &to) {
        QByteArray copy = shipped;
        return copy.replace(from, to);
    };
    QTest::newRow("syntax") << QByteArray("{") << u"w.json: not valid JSON at line 1"_s;
    QTest::newRow("format") << edited("\"format\": 1", "\"format\": 7") << u"unsupported format"_s;
    QTest::newRow("weight") << edited("\"weight\": 0.55", "\"weight\": 1.5")
                            << u"signal \"proof_of_delivery\": field \"weight\": expected a number in [0, 1)"_s;
    QTest::newRow("missing") << edited("\"new_device\"", "\"old_device\"") << u"signal \"new_device\": missing"_s;
    QTest::newRow("threshold") << edited("\"min_claims\": 2", "\"min_claims\": \"two\"")
                               << u"signal \"claim_velocity\": field \"min_claims\""_s;
}

void TestFusion::brokenWeightsAreRejected()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const auto weights = risk::FusionWeights::parse(json, u"w.json"_s);
    QVERIFY(!weights.ok());
    QVERIFY2(weights.error().contains(error), qPrintable(weights.error()));
}

QTEST_GUILESS_MAIN(TestFusion)
#include "tst_fusion.moc"
