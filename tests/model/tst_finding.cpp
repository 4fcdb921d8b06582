// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/finding.h"

#include <QJsonDocument>
#include <QTest>

#include "testsupport.h"

using namespace Qt::StringLiterals;
using rg::test::errorOf;
using rg::model::Finding;

class TestFinding final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void keysAreTheContract();
    void errors_data();
    void errors();
};

// A finding written to JSON reads back equal, non-BMP evidence included.
void TestFinding::roundTrip()
{
    const Finding finding{
        3,   u"off_platform"_s, u"off-platform-telegram"_s, 12, 20, u"t\u0435l\U0001D41Egram"_s,
        0.45};
    const auto read = Finding::fromJson(finding.toJson());
    QVERIFY2(read.ok(), qPrintable(errorOf(read)));
    QCOMPARE(read.value(), finding);

    const QByteArray compact = QJsonDocument(finding.toJson()).toJson(QJsonDocument::Compact);
    const auto again = Finding::fromJson(QJsonDocument::fromJson(compact).object());
    QVERIFY2(again.ok(), qPrintable(errorOf(again)));
    QCOMPARE(again.value(), finding);
}

// toJson writes exactly the keys of the CLI contract (DESIGN.md).
void TestFinding::keysAreTheContract()
{
    const Finding finding{0, u"urgency"_s, u"u1"_s, 10, 19, u"right now"_s, 0.4};
    QStringList keys = finding.toJson().keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{u"cue"_s, u"end"_s, u"evidence"_s, u"rule"_s, u"start"_s, u"turn"_s,
                                u"weight"_s}));
    const QJsonObject json = finding.toJson();
    QCOMPARE(json.value(u"turn"_s).toInt(), 0);
    QCOMPARE(json.value(u"start"_s).toInt(), 10);
    QCOMPARE(json.value(u"end"_s).toInt(), 19);
    QCOMPARE(json.value(u"weight"_s).toDouble(), 0.4);
    QCOMPARE(json.value(u"evidence"_s).toString(), u"right now"_s);
}

void TestFinding::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, const char *json, const QString &expected) {
        QTest::newRow(name) << QByteArray(json) << expected;
    };
    row("turn missing", R"({"cue":"x","rule":"r","start":0,"end":1,"evidence":"a","weight":0.1})",
        u"turn: expected a number"_s);
    row("start string",
        R"({"turn":0,"cue":"x","rule":"r","start":"0","end":1,"evidence":"a","weight":0.1})",
        u"start: expected a number"_s);
    row("weight missing", R"({"turn":0,"cue":"x","rule":"r","start":0,"end":1,"evidence":"a"})",
        u"weight: expected a number"_s);
    row("cue number",
        R"({"turn":0,"cue":1,"rule":"r","start":0,"end":1,"evidence":"a","weight":0.1})",
        u"cue: expected a string"_s);
    row("evidence missing", R"({"turn":0,"cue":"x","rule":"r","start":0,"end":1,"weight":0.1})",
        u"evidence: expected a string"_s);
    row("end before start",
        R"({"turn":0,"cue":"x","rule":"r","start":5,"end":4,"evidence":"a","weight":0.1})",
        u"end"_s);
    row("negative start",
        R"({"turn":0,"cue":"x","rule":"r","start":-1,"end":4,"evidence":"a","weight":0.1})",
        u"start"_s);
}

// A malformed finding is refused with an error naming the field.
void TestFinding::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);

    const QJsonDocument document = QJsonDocument::fromJson(json);
    QVERIFY(document.isObject());
    const auto finding = Finding::fromJson(document.object());
    QVERIFY(!finding.ok());
    QVERIFY2(finding.error().contains(expected),
             qPrintable(u"error \"%1\" does not contain \"%2\""_s.arg(finding.error(), expected)));
}

QTEST_APPLESS_MAIN(TestFinding)
#include "tst_finding.moc"
