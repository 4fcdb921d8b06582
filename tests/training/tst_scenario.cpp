// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include "batch/engine.h"
#include "training/answers.h"
#include "training/democohort.h"
#include "training/intents.h"
#include "training/resultstore.h"
#include "training/scenariolibrary.h"
#include "training/scenario.h"
#include "training/scenariorunner.h"
#include "training/score.h"
#include "training/transcriptdraft.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace rg;
using namespace rg::training;
using rg::test::errorOf;

namespace {

// A small fraud scenario: two opening messages, a verification branch that adds a bribe, a
// nudge node that loops on any reply, and both fraud outcomes. The case has one order delivered
// with photo proof and an unverified contact.
constexpr char kMini[] = R"({
  "schema_version": 1, "id": "mini", "title": "Mini", "language": "en", "genuine": false,
  "difficulty": {"level": 4, "rationale": "for tests"},
  "tactics": ["urgency", "bribe"], "objectives": ["Stop it"],
  "case": {"schema_version": 1, "id": "case-m",
           "customer": {"id": "c-m", "account_created": "2020-01-01T00:00:00Z"},
           "contact": {"channel": "chat", "started_at": "2026-11-20T10:00:00Z",
                       "identity": {"status": "unverified"}},
           "orders": [{"id": "M-1", "value": 80, "currency": "USD", "payment_method": "credit_card",
                       "delivery": {"status": "delivered", "photo": true,
                                    "investigation": "none"}}],
           "agent": {"id": "a-m", "refund_limit": 100, "currency": "USD"}},
  "start": "opening",
  "nodes": {
    "opening": {
      "messages": [{"text": "My parcel never arrived.", "delay_ms": 1000,
                    "cues": ["claim_non_receipt"]},
                   {"text": "Refund me now, hurry!", "delay_ms": 2000, "cues": ["urgency"]}],
      "transitions": [{"on": {"action": "refused"}, "to": "stopped"},
                      {"on": {"action": "offered_refund"}, "to": "won"},
                      {"on": {"intent": "asks_verification"}, "to": "verify"},
                      {"on": {"intent": "agent_commitment"}, "to": "won"},
                      {"on": {"reply": true}, "to": "nudge"}]},
    "verify": {
      "messages": [{"text": "The code is 1234. I'll send you $20 if you hurry.", "delay_ms": 1500,
                    "cues": ["bribe", "urgency"]}],
      "transitions": [{"on": {"action": "refused"}, "to": "stopped"},
                      {"on": {"action": "offered_refund"}, "to": "won"},
                      {"on": {"action": "overrode"}, "to": "won"}]},
    "nudge": {
      "messages": [{"text": "Hello?", "delay_ms": 500}],
      "transitions": [{"on": {"action": "refused"}, "to": "stopped"},
                      {"on": {"reply": true}, "to": "nudge"}]},
    "stopped": {"outcome": "fraud_stopped",
                "messages": [{"text": "Fine, I'll do a chargeback.", "cues": ["threat_pressure"]}]},
    "won": {"outcome": "fraud_succeeded"}
  }})";

const QStringList kExamples{u"rekk-non-receipt-photo"_s, u"genuine-late-parcel"_s,
                            u"insider-bribe-telegram"_s};

QJsonObject objectOf(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson("[" + QByteArray(text) + "]").array().at(0);
}

// \a value at \a path inside \a node (std::nullopt removes the member).
QJsonValue patched(const QJsonValue &node, QStringList path, const std::optional<QJsonValue> &value)
{
    if (path.isEmpty())
        return value.value_or(QJsonValue());
    const QString step = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = step.toInt();
        if (path.isEmpty() && !value)
            array.removeAt(index);
        else if (index == array.size())
            array.append(patched(QJsonValue(), path, value));
        else
            array[index] = patched(array.at(index), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && !value)
        object.remove(step);
    else
        object.insert(step, patched(object.value(step), path, value));
    return object;
}

QJsonObject with(const QJsonObject &document, const QString &pointer,
                 const std::optional<QJsonValue> &value)
{
    QStringList path = pointer.split(u'/');
    path.removeFirst();
    return patched(document, path, value).toObject();
}

QJsonObject miniWith(const QString &pointer, const std::optional<QJsonValue> &value)
{
    return with(objectOf(kMini), pointer, value);
}

Scenario readMini(const QJsonObject &document = objectOf(kMini))
{
    auto scenario = Scenario::fromJson(document);
    return scenario ? std::move(scenario).value() : Scenario();
}

QString examplePath(const QString &id)
{
    return QStringLiteral(RG_SOURCE_DIR "/resources/scenarios/") + id + u".json"_s;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QJsonObject readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList texts(const QList<Problem> &problems)
{
    QStringList lines;
    for (const Problem &problem : problems)
        lines.append(problem.text());
    return lines;
}

QStringList messageTexts(const QList<ShownMessage> &messages)
{
    QStringList lines;
    for (const ShownMessage &message : messages)
        lines.append(message.text);
    return lines;
}

QStringList firedPolicies(const policy::Decision &decision)
{
    QStringList ids;
    for (const policy::FiredPolicy &fired : decision.fired)
        ids.append(fired.id);
    return ids;
}

// Follows "$ref": "#/$defs/name"; a reference elsewhere (the case schema) yields an empty node.
QJsonObject resolved(const QJsonObject &schema, const QJsonObject &node)
{
    const QString ref = node.value(u"$ref"_s).toString();
    if (ref.isEmpty())
        return node;
    if (!ref.startsWith(u"#/$defs/"_s))
        return {};
    return schema.value(u"$defs"_s).toObject().value(ref.mid(8)).toObject();
}

bool hasType(const QJsonObject &node, const QJsonValue &value)
{
    const QString type = node.value(u"type"_s).toString();
    if (type == u"object")
        return value.isObject();
    if (type == u"array")
        return value.isArray();
    if (type == u"string")
        return value.isString();
    if (type == u"boolean")
        return value.isBool();
    if (type == u"integer")
        return value.isDouble() && value.toDouble() == std::floor(value.toDouble());
    return false;
}

// A member of a document with the schema node that documents its parent object.
struct Member
{
    QString pointer; // of the member
    QString key;
    QJsonObject parentSchema;
};

// Walks \a value beside the schema: every member must be documented with a description and
// a matching type (returns the first that is not); \a members collects the members seen. The
// case has its own schema and test (tst_case), so the walk stops there.
QString schemaMismatch(const QJsonObject &schema, const QJsonObject &node, const QJsonValue &value,
                       const QString &pointer, QList<Member> &members)
{
    const QJsonObject at = resolved(schema, node);
    if (at.isEmpty())
        return {};
    if (!hasType(at, value))
        return pointer + u": value does not have schema type "_s + at.value(u"type"_s).toString();
    if (at.contains(u"enum"_s) && !at.value(u"enum"_s).toArray().contains(value))
        return pointer + u": value is not in the schema's enum"_s;
    if (value.isArray()) {
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString problem
                = schemaMismatch(schema, at.value(u"items"_s).toObject(), list.at(i),
                                 pointer + u'/' + QString::number(i), members);
            if (!problem.isEmpty())
                return problem;
        }
    }
    if (!value.isObject())
        return {};
    const QJsonObject properties = at.value(u"properties"_s).toObject();
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString member = pointer + u'/' + it.key();
        QJsonObject property = properties.value(it.key()).toObject();
        if (!properties.contains(it.key())) {
            if (!at.value(u"additionalProperties"_s).isObject())
                return member + u": in the example but not in the schema"_s;
            property = at.value(u"additionalProperties"_s).toObject();
        } else {
            if (property.value(u"description"_s).toString().isEmpty())
                return member + u": no description in the schema"_s;
            members.append({member, it.key(), at});
        }
        const QString problem = schemaMismatch(schema, property, it.value(), member, members);
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

QSet<QString> setOf(const QJsonArray &array)
{
    QSet<QString> strings;
    for (const QJsonValue &value : array)
        strings.insert(value.toString());
    return strings;
}

QSet<QString> setOf(const QStringList &list)
{
    return QSet<QString>(list.begin(), list.end());
}

} // namespace

class TestScenario final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void examplesValidate_data();
    void examplesValidate();
    void libraryValidates_data();
    void libraryValidates();
    void readerErrors_data();
    void readerErrors();
    void loadNamesFileAndLine();
    void semanticProblems_data();
    void semanticProblems();
    void allProblemsAreReported();

    void foldText();
    void draftLanguageGuess_data();
    void draftLanguageGuess();
    void simulatedCohort();
    void intentPhrasesInEveryLanguage_data();
    void intentPhrasesInEveryLanguage();
    void intentsFileErrors();

    void startShowsOpeningMessages();
    void actionTransitions();
    void intentTransitions();
    void agentCueIntentTransitions();
    void replyFallback();
    void unmatchedStepStays();
    void stepsOutsideTheRunAreErrors();
    void checkJudgesWithTheCase();

    void scoreArithmetic_data();
    void scoreArithmetic();
    void flagsAndFirstCorrectFlagTime();
    void breachesAndOverrides();
    void closingMessagesAreNotScored();
    void headlessRun();
    void answersErrors_data();
    void answersErrors();

    void schemaParses();
    void schemaDocumentsExamples();
    void schemaRequiredMatchesReader();
    void schemaEnumsMatchCode();

private:
    std::unique_ptr<batch::Engine> m_engine;
    std::optional<IntentMatcher> m_intents;
};

void TestScenario::initTestCase()
{
    auto engine = batch::Engine::load();
    QVERIFY2(engine.ok(), qPrintable(errorOf(engine)));
    m_engine = std::move(engine).value();
    auto intents = IntentMatcher::load();
    QVERIFY2(intents.ok(), qPrintable(errorOf(intents)));
    m_intents = std::move(intents).value();
}

void TestScenario::examplesValidate_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : kExamples)
        QTest::newRow(qPrintable(id)) << id;
}

// The three examples of this issue read and have no semantic problem.
void TestScenario::examplesValidate()
{
    QFETCH(QString, id);
    const auto scenario = Scenario::load(examplePath(id));
    QVERIFY2(scenario.ok(), qPrintable(errorOf(scenario)));
    QCOMPARE(scenario.value().id, id);
    QCOMPARE(texts(validateScenario(scenario.value(), examplePath(id))), QStringList());
}

void TestScenario::libraryValidates_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(RG_SOURCE_DIR "/resources/scenarios"));
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        if (file != u"intents.json"_s)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
}

// Every scenario of the library (also those written beside this issue) is valid.
void TestScenario::libraryValidates()
{
    QFETCH(QString, path);
    const auto scenario = Scenario::load(path);
    QVERIFY2(scenario.ok(), qPrintable(errorOf(scenario)));
    const QStringList problems = texts(validateScenario(scenario.value(), path));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestScenario::readerErrors_data()
{
    QTest::addColumn<QJsonObject>("document");
    QTest::addColumn<QString>("error");
    const auto row
        = [](const char *name, const QString &pointer, const std::optional<QJsonValue> &value,
             const QString &error) { QTest::newRow(name) << miniWith(pointer, value) << error; };
    row("no id", u"/id"_s, std::nullopt, u"/id: missing (expected an id of a-z, 0-9 and \"-\")"_s);
    row("id with capitals", u"/id"_s, u"Mini_1"_s,
        u"/id: expected an id of a-z, 0-9 and \"-\", got \"Mini_1\""_s);
    row("schema version 2", u"/schema_version"_s, 2,
        u"/schema_version: expected 1, the only scenario schema version this build reads, got 2"_s);
    row("language", u"/language"_s, u"it"_s,
        u"/language: expected a language: en, es, de, fr, got \"it\""_s);
    row("genuine as string", u"/genuine"_s, u"no"_s,
        u"/genuine: expected true or false, got \"no\""_s);
    row("difficulty 6", u"/difficulty/level"_s, 6,
        u"/difficulty/level: expected an integer from 1 to 5, got 6"_s);
    row("difficulty fraction", u"/difficulty/level"_s, 2.5,
        u"/difficulty/level: expected an integer from 1 to 5, got 2.5"_s);
    row("no rationale", u"/difficulty/rationale"_s, std::nullopt,
        u"/difficulty/rationale: missing (expected a non-empty string)"_s);
    row("no objectives", u"/objectives"_s, std::nullopt,
        u"/objectives: missing (expected an array of strings)"_s);
    row("tactic not a string", u"/tactics/1"_s, 3,
        u"/tactics/1: expected a non-empty string, got 3"_s);
    row("case not an object", u"/case"_s, u"x"_s, u"/case: expected an object, got \"x\""_s);
    row("no nodes", u"/nodes"_s, std::nullopt,
        u"/nodes: missing (expected a non-empty object of node id -> node)"_s);
    row("empty text", u"/nodes/opening/messages/0/text"_s, u""_s,
        u"/nodes/opening/messages/0/text: expected a non-empty string, got \"\""_s);
    row("negative delay", u"/nodes/opening/messages/1/delay_ms"_s, -5,
        u"/nodes/opening/messages/1/delay_ms: expected an integer from 0 to 86400000, got -5"_s);
    row("cues not an array", u"/nodes/verify/messages/0/cues"_s, u"bribe"_s,
        u"/nodes/verify/messages/0/cues: expected an array of strings, got \"bribe\""_s);
    row("action spelling", u"/nodes/opening/transitions/1/on/action"_s, u"refund"_s,
        u"/nodes/opening/transitions/1/on/action: expected a trainee action: verified_identity, "
        "refused, offered_refund, escalated, overrode, got \"refund\""_s);
    row("two triggers", u"/nodes/opening/transitions/0/on"_s,
        json(R"({"action": "refused", "reply": true})"),
        u"/nodes/opening/transitions/0/on: expected exactly one of \"action\", \"intent\" and "
        "\"reply\", got action, reply"_s);
    row("reply false", u"/nodes/opening/transitions/4/on/reply"_s, false,
        u"/nodes/opening/transitions/4/on/reply: expected true (any reply), got false"_s);
    row("no target", u"/nodes/nudge/transitions/0/to"_s, std::nullopt,
        u"/nodes/nudge/transitions/0/to: missing (expected a non-empty string)"_s);
    row("outcome spelling", u"/nodes/won/outcome"_s, u"fraud_won"_s,
        u"/nodes/won/outcome: expected an outcome: fraud_stopped, fraud_succeeded, genuine_served, "
        "genuine_wrongly_refused, got \"fraud_won\""_s);
    row("terminal with transitions", u"/nodes/won/transitions"_s,
        json(R"([{"on": {"reply": true}, "to": "opening"}])"),
        u"/nodes/won/transitions: a terminal node (one with an outcome) has no transitions"_s);
}

// Structural errors name the first offending member by JSON pointer and say what was expected.
void TestScenario::readerErrors()
{
    QFETCH(QJsonObject, document);
    QFETCH(QString, error);
    const auto scenario = Scenario::fromJson(document);
    QVERIFY(!scenario.ok());
    QCOMPARE(scenario.error(), error);
}

// Reading a file: a syntax error names the file, line and column; a structural one the file
// and the pointer.
void TestScenario::loadNamesFileAndLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString broken = dir.filePath(u"mini.json"_s);
    QVERIFY(writeFile(broken, "{\n  \"schema_version\": 1,\n  \"id\": }\n"));
    const auto syntax = Scenario::load(broken);
    QVERIFY(!syntax.ok());
    QVERIFY2(syntax.error().startsWith(broken + u": not valid JSON at line 3, column"_s),
             qPrintable(syntax.error()));

    QVERIFY(writeFile(broken, QJsonDocument(miniWith(u"/language"_s, u"nl"_s)).toJson()));
    const auto structure = Scenario::load(broken);
    QVERIFY(!structure.ok());
    QVERIFY2(structure.error().startsWith(broken + u": /language: expected a language"_s),
             qPrintable(structure.error()));
}

void TestScenario::semanticProblems_data()
{
    QTest::addColumn<QJsonObject>("document");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem");
    const QString path = u"/somewhere/mini.json"_s;
    const auto row = [&path](const char *name, const QString &pointer,
                             const std::optional<QJsonValue> &value, const QString &problem) {
        QTest::newRow(name) << miniWith(pointer, value) << path << problem;
    };
    row("unknown node", u"/nodes/opening/transitions/2/to"_s, u"verfy"_s,
        u"node \"opening\": transition 2 goes to unknown node \"verfy\" "
        "(/nodes/opening/transitions/2/to)"_s);
    row("unreachable node", u"/nodes/orphan"_s, json(R"({"outcome": "fraud_stopped"})"),
        u"node \"orphan\": is not reachable from the start node \"opening\" (/nodes/orphan)"_s);
    row("unknown cue", u"/nodes/verify/messages/0/cues/0"_s, u"bribery"_s,
        u"node \"verify\": unknown cue \"bribery\" (/nodes/verify/messages/0/cues/0)"_s);
    row("agent-side cue on a customer message", u"/nodes/nudge/messages/0/cues"_s,
        json(R"(["agent_commitment"])"),
        u"node \"nudge\": \"agent_commitment\" is an agent-side cue; a customer message carries "
        "customer-side cues (/nodes/nudge/messages/0/cues/0)"_s);
    row("cue twice", u"/nodes/opening/messages/1/cues"_s, json(R"(["urgency", "urgency"])"),
        u"node \"opening\": message 1 lists cue \"urgency\" twice "
        "(/nodes/opening/messages/1/cues/1)"_s);
    row("unknown tactic", u"/tactics/0"_s, u"urgent"_s, u"/tactics/0: unknown cue \"urgent\""_s);
    row("fraud without tactics", u"/tactics"_s, QJsonArray(),
        u"/tactics: a fraud scenario (genuine: false) names the tactics it exercises"_s);
    row("unknown intent", u"/nodes/opening/transitions/2/on/intent"_s, u"asks_id"_s,
        u"node \"opening\": transition 2 names unknown intent \"asks_id\" (expected "
        "asks_verification, refuses, asks_proof, agent_pii_disclosure, agent_off_platform, "
        "agent_commitment) (/nodes/opening/transitions/2/on/intent)"_s);
    row("case without customer id", u"/case/customer/id"_s, std::nullopt,
        u"/case/customer/id: missing (expected a non-empty string)"_s);
    row("case with a bad currency", u"/case/orders/0/currency"_s, u"usd"_s,
        u"/case/orders/0/currency: expected a currency code of three upper-case letters "
        "(ISO 4217), got \"usd\""_s);
    row("fraud_succeeded missing", u"/nodes/won/outcome"_s, u"fraud_stopped"_s,
        u"/nodes: no node with outcome \"fraud_succeeded\" is reachable from the start node "
        "\"opening\" (a fraud scenario must be able to end so)"_s);
    row("genuine outcome in a fraud scenario", u"/nodes/won/outcome"_s, u"genuine_served"_s,
        u"node \"won\": outcome \"genuine_served\" does not fit a fraud scenario (genuine: false) "
        "(/nodes/won/outcome)"_s);
    row("unknown start", u"/start"_s, u"begin"_s, u"/start: unknown start node \"begin\""_s);
    row("stuck node", u"/nodes/nudge/transitions"_s, std::nullopt,
        u"node \"nudge\": has neither an outcome nor transitions: the trainee would be stuck "
        "(/nodes/nudge)"_s);
    QTest::newRow("id against the file name")
        << objectOf(kMini) << u"scenarios/other.json"_s
        << u"/id: \"mini\" does not match the file name \"other.json\" (expected mini.json)"_s;
}

// Each semantic problem names the node or the JSON pointer and says what is wrong.
void TestScenario::semanticProblems()
{
    QFETCH(QJsonObject, document);
    QFETCH(QString, path);
    QFETCH(QString, problem);
    const auto scenario = Scenario::fromJson(document);
    QVERIFY2(scenario.ok(), qPrintable(errorOf(scenario)));
    const QStringList problems = texts(validateScenario(scenario.value(), path));
    QVERIFY2(problems.contains(problem), qPrintable(problems.join(u'\n')));
}

// Validation does not stop at the first problem: a trainer fixes a file in one go.
void TestScenario::allProblemsAreReported()
{
    QJsonObject document = miniWith(u"/nodes/opening/transitions/2/to"_s, u"verfy"_s);
    document = with(document, u"/tactics/0"_s, u"urgent"_s);
    document = with(document, u"/case/agent"_s, std::nullopt);
    const auto scenario = Scenario::fromJson(document);
    QVERIFY2(scenario.ok(), qPrintable(errorOf(scenario)));
    const QStringList problems = texts(validateScenario(scenario.value(), u"mini.json"_s));
    QCOMPARE(problems,
             (QStringList{u"/case/agent: missing (expected an object)"_s,
                          u"/tactics/0: unknown cue \"urgent\""_s,
                          u"node \"opening\": transition 2 goes to unknown node \"verfy\" "
                          "(/nodes/opening/transitions/2/to)"_s,
                          u"node \"verify\": is not reachable from the start node \"opening\" "
                          "(/nodes/verify)"_s}));
    QVERIFY(validateScenario(readMini(), u"mini.json"_s).isEmpty());
}

// Replies are matched lower-cased, without accents, with single spaces.
void TestScenario::foldText()
{
    QCOMPARE(training::foldText(u"  Überprüfen  SIE\tdie Straße "),
             u"uberprufen sie die strasse"_s);
    QCOMPARE(training::foldText(u"Vérifier VOTRE identité"), u"verifier votre identite"_s);
    QCOMPARE(training::foldText(u"I can\u2019t refund"), u"i can't refund"_s);
}

void TestScenario::intentPhrasesInEveryLanguage_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QStringList>("intents");
    QTest::newRow("en verification")
        << u"Could you Verify Your Identity first?"_s << QStringList{u"asks_verification"_s};
    QTest::newRow("es verification")
        << u"Necesito verificar su identidad, por favor."_s << QStringList{u"asks_verification"_s};
    QTest::newRow("de verification")
        << u"Bitte bestätigen Sie Ihre Identität."_s << QStringList{u"asks_verification"_s};
    QTest::newRow("fr verification")
        << u"Je dois d'abord vérifier votre identité."_s << QStringList{u"asks_verification"_s};
    QTest::newRow("en refusal") << u"Sorry, I CAN'T refund this order."_s
                                << QStringList{u"refuses"_s};
    QTest::newRow("es refusal") << u"Lo siento, no puedo reembolsar este pedido."_s
                                << QStringList{u"refuses"_s};
    QTest::newRow("de refusal") << u"Das kann ich leider nicht erstatten."_s
                                << QStringList{u"refuses"_s};
    QTest::newRow("fr refusal") << u"Je ne peux pas rembourser cette commande."_s
                                << QStringList{u"refuses"_s};
    QTest::newRow("en proof") << u"The delivery photo shows it at your door."_s
                              << QStringList{u"asks_proof"_s};
    QTest::newRow("es proof") << u"¿Puede preguntar a sus vecinos?"_s
                              << QStringList{u"asks_proof"_s};
    QTest::newRow("de proof") << u"Fragen Sie Ihre Nachbarn."_s << QStringList{u"asks_proof"_s};
    QTest::newRow("fr proof") << u"Pouvez-vous demander à vos voisins ?"_s
                              << QStringList{u"asks_proof"_s};
    QTest::newRow("two intents") << u"I need to verify your identity; I can't refund before that."_s
                                 << QStringList{u"asks_verification"_s, u"refuses"_s};
    QTest::newRow("none") << u"Let me look into that for you."_s << QStringList();
}

// The phrase families of resources/scenarios/intents.json, in each language of the format.
void TestScenario::intentPhrasesInEveryLanguage()
{
    QFETCH(QString, reply);
    QFETCH(QStringList, intents);
    QCOMPARE(m_intents->match(reply), intents);
}

// A broken intents file names the place.
void TestScenario::intentsFileErrors()
{
    QJsonObject document
        = readJsonFile(QStringLiteral(RG_SOURCE_DIR "/resources/scenarios/intents.json"));
    QVERIFY(IntentMatcher::fromJson(document, u"intents.json"_s).ok());
    const auto missingLanguage = IntentMatcher::fromJson(
        with(document, u"/intents/refuses/fr"_s, std::nullopt), u"intents.json"_s);
    QCOMPARE(errorOf(missingLanguage),
             u"intents.json: /intents/refuses/fr: expected a non-empty array of phrases"_s);
    const auto unknownIntent = IntentMatcher::fromJson(
        with(document, u"/intents/asks_refund"_s, json(R"({"en": ["x"]})")), u"intents.json"_s);
    QCOMPARE(errorOf(unknownIntent),
             u"intents.json: /intents/asks_refund: unknown intent (expected asks_verification, "
             "refuses, asks_proof)"_s);
    const auto emptyPhrase = IntentMatcher::fromJson(
        with(document, u"/intents/asks_proof/de/0"_s, u"  "_s), u"intents.json"_s);
    QCOMPARE(errorOf(emptyPhrase),
             u"intents.json: /intents/asks_proof/de/0: expected a non-empty string"_s);
}

// Starting shows the start node's messages, each after its delay on the simulated clock.
void TestScenario::startShowsOpeningMessages()
{
    ScenarioRunner runner(readMini(), *m_engine, *m_intents);
    QVERIFY(!runner.isStarted());
    const QList<ShownMessage> shown = runner.start();
    QCOMPARE(messageTexts(shown),
             (QStringList{u"My parcel never arrived."_s, u"Refund me now, hurry!"_s}));
    QCOMPARE(shown.at(0).index, 0);
    QCOMPARE(shown.at(1).index, 1);
    QCOMPARE(shown.at(0).atMs, 1000);
    QCOMPARE(shown.at(1).atMs, 3000);
    QCOMPARE(shown.at(1).cues, QStringList{u"urgency"_s});
    QCOMPARE(runner.elapsedMs(), 3000);
    QCOMPARE(runner.currentNode(), u"opening"_s);
    QVERIFY(runner.isStarted());
    QVERIFY(!runner.isFinished());
    QCOMPARE(runner.outcome(), Outcome::Incomplete);
    QVERIFY(runner.start().isEmpty());
}

// An action follows the first transition on it; a terminal node ends the run with its outcome
// and still shows its closing messages.
void TestScenario::actionTransitions()
{
    ScenarioRunner refusing(readMini(), *m_engine, *m_intents);
    refusing.start();
    const auto closing = refusing.act(TraineeAction::Refused);
    QVERIFY2(closing.ok(), qPrintable(errorOf(closing)));
    QCOMPARE(messageTexts(closing.value()), QStringList{u"Fine, I'll do a chargeback."_s});
    QCOMPARE(closing.value().at(0).atMs, 3000 + CustomerMessage::kDefaultDelayMs);
    QVERIFY(refusing.isFinished());
    QCOMPARE(refusing.outcome(), Outcome::FraudStopped);
    QCOMPARE(refusing.currentNode(), u"stopped"_s);

    ScenarioRunner refunding(readMini(), *m_engine, *m_intents);
    refunding.start();
    const auto won = refunding.act(TraineeAction::OfferedRefund);
    QVERIFY2(won.ok(), qPrintable(errorOf(won)));
    QVERIFY(won.value().isEmpty());
    QCOMPARE(refunding.outcome(), Outcome::FraudSucceeded);
}

// A reply that expresses a phrase intent follows the transition on that intent.
void TestScenario::intentTransitions()
{
    ScenarioRunner runner(readMini(), *m_engine, *m_intents);
    runner.start();
    const auto shown = runner.reply(u"Before anything else I need to verify your identity."_s);
    QVERIFY2(shown.ok(), qPrintable(errorOf(shown)));
    QCOMPARE(runner.lastIntents(), QStringList{u"asks_verification"_s});
    QCOMPARE(runner.currentNode(), u"verify"_s);
    QCOMPARE(shown.value().size(), 1);
    QCOMPARE(shown.value().at(0).index, 2);
    QCOMPARE(shown.value().at(0).cues, (QStringList{u"bribe"_s, u"urgency"_s}));
}

// The engine's agent-side cues count as intents: promising a refund before checks is
// agent_commitment.
void TestScenario::agentCueIntentTransitions()
{
    ScenarioRunner runner(readMini(), *m_engine, *m_intents);
    runner.start();
    const auto shown
        = runner.reply(u"No problem, I'll refund it right away, no need to return it."_s);
    QVERIFY2(shown.ok(), qPrintable(errorOf(shown)));
    QVERIFY2(runner.lastIntents().contains(u"agent_commitment"_s),
             qPrintable(runner.lastIntents().join(u", "_s)));
    QCOMPARE(runner.outcome(), Outcome::FraudSucceeded);
}

// A reply without a matching intent takes the {"reply": true} fallback, also back into the
// same node, which shows its messages again.
void TestScenario::replyFallback()
{
    ScenarioRunner runner(readMini(), *m_engine, *m_intents);
    runner.start();
    const auto first = runner.reply(u"Let me look into that."_s);
    QVERIFY2(first.ok(), qPrintable(errorOf(first)));
    QVERIFY(runner.lastIntents().isEmpty());
    QCOMPARE(runner.currentNode(), u"nudge"_s);
    QCOMPARE(messageTexts(first.value()), QStringList{u"Hello?"_s});
    const auto second = runner.reply(u"Still looking."_s);
    QVERIFY2(second.ok(), qPrintable(errorOf(second)));
    QCOMPARE(second.value().at(0).index, 3);
    QCOMPARE(second.value().at(0).atMs, 3000 + 500 + 500);
    QCOMPARE(runner.shownMessages().size(), 4);
}

// A step no transition takes leaves the customer where they are, saying nothing.
void TestScenario::unmatchedStepStays()
{
    ScenarioRunner runner(readMini(), *m_engine, *m_intents);
    runner.start();
    QVERIFY(runner.reply(u"I need to verify your identity."_s).ok());
    QCOMPARE(runner.currentNode(), u"verify"_s);
    const auto replied = runner.reply(u"Thanks."_s);
    QVERIFY2(replied.ok(), qPrintable(errorOf(replied)));
    QVERIFY(replied.value().isEmpty());
    const auto escalated = runner.act(TraineeAction::Escalated);
    QVERIFY2(escalated.ok(), qPrintable(errorOf(escalated)));
    QVERIFY(escalated.value().isEmpty());
    QCOMPARE(runner.currentNode(), u"verify"_s);
    QVERIFY(!runner.isFinished());
}

// Before start and after the end, steps are refused with a reason; flags name shown messages
// and known cues; a start node that does not exist is an error, not a crash.
void TestScenario::stepsOutsideTheRunAreErrors()
{
    ScenarioRunner runner(readMini(), *m_engine, *m_intents);
    QCOMPARE(errorOf(runner.reply(u"Hi"_s)), u"the scenario has not started"_s);
    runner.start();
    QCOMPARE(errorOf(runner.flag(2, u"urgency"_s)),
             u"message 2 has not been shown (2 customer messages so far)"_s);
    QCOMPARE(errorOf(runner.flag(0, u"urgent"_s)), u"unknown cue \"urgent\""_s);
    QVERIFY(runner.act(TraineeAction::Refused).ok());
    QCOMPARE(errorOf(runner.act(TraineeAction::Escalated)),
             u"the scenario has ended (fraud_stopped)"_s);
    QCOMPARE(errorOf(runner.check(QJsonObject{{u"type"_s, u"refund"_s}, {u"amount"_s, 1}})),
             u"the scenario has ended (fraud_stopped)"_s);

    Scenario lostStart = readMini();
    lostStart.start = u"begin"_s;
    ScenarioRunner lost(lostStart, *m_engine, *m_intents);
    QVERIFY(lost.start().isEmpty());
    QCOMPARE(errorOf(lost.reply(u"Hi"_s)),
             u"the scenario has no node \"begin\" (validate it first)"_s);
}

// A check is judged by the policies with the scenario's case and the conversation so far; once
// the trainee verified the identity, the identity policy no longer fires.
void TestScenario::checkJudgesWithTheCase()
{
    ScenarioRunner runner(readMini(), *m_engine, *m_intents);
    runner.start();
    const QJsonObject refund{{u"type"_s, u"refund"_s},
                             {u"order_id"_s, u"M-1"_s},
                             {u"amount"_s, 80},
                             {u"method"_s, u"original_payment"_s}};
    const auto before = runner.check(refund);
    QVERIFY2(before.ok(), qPrintable(errorOf(before)));
    QCOMPARE(before.value().verdict, policy::Verdict::Block);
    QVERIFY(firedPolicies(before.value()).contains(u"identity-first"_s));
    QVERIFY(firedPolicies(before.value()).contains(u"proof-of-delivery"_s));

    QVERIFY(runner.act(TraineeAction::VerifiedIdentity).ok());
    const auto after = runner.check(refund);
    QVERIFY2(after.ok(), qPrintable(errorOf(after)));
    QVERIFY(!firedPolicies(after.value()).contains(u"identity-first"_s));
    QVERIFY(firedPolicies(after.value()).contains(u"proof-of-delivery"_s));

    const auto unknownOrder = runner.check(
        QJsonObject{{u"type"_s, u"refund"_s}, {u"order_id"_s, u"X-9"_s}, {u"amount"_s, 5}});
    QCOMPARE(errorOf(unknownOrder),
             u"messages[2].action.order_id: case case-m has no order \"X-9\""_s);
    QCOMPARE(runner.score().tally.checks, 2);
}

void TestScenario::scoreArithmetic_data()
{
    QTest::addColumn<bool>("genuine");
    QTest::addColumn<int>("level");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QList<int>>("counts"); // TP, FP, FN, checks, breaches
    QTest::addColumn<double>("precision");
    QTest::addColumn<double>("recall");
    QTest::addColumn<double>("score");
    QTest::addColumn<double>("weighted");
    // P = 2/3, R = 1/2, F1 = 4/7; compliance 1 - 1/3; 40 + 30 * 4/7 + 30 * 2/3.
    QTest::newRow("fraud stopped, mixed flags, one breach")
        << false << 4 << Outcome::FraudStopped << QList<int>{2, 1, 2, 2, 1} << 2.0 / 3 << 0.5
        << 40 + 120.0 / 7 + 20 << (40 + 120.0 / 7 + 20) * 1.0;
    // Everything right: 100, level 3 weighs 0.9.
    QTest::newRow("perfect") << false << 3 << Outcome::FraudStopped << QList<int>{4, 0, 0, 1, 0}
                             << 1.0 << 1.0 << 100.0 << 90.0;
    // Wrong outcome, no flags: F1 0; one breach and no check: compliance 0.
    QTest::newRow("credulous") << false << 5 << Outcome::FraudSucceeded << QList<int>{0, 0, 3, 0, 1}
                               << 1.0 << 0.0 << 0.0 << 0.0;
    // One check, one breach: compliance 1/2 -> 15; level 1 weighs 0.7.
    QTest::newRow("checked then breached")
        << false << 1 << Outcome::FraudSucceeded << QList<int>{1, 1, 1, 1, 1} << 0.5 << 0.5
        << 30 * 0.5 + 15 << (30 * 0.5 + 15) * 0.7;
    // Nothing to find: only false alarms count, 30 * (1 - 3/4).
    QTest::newRow("genuine, nothing to find, three false alarms")
        << true << 2 << Outcome::GenuineServed << QList<int>{0, 3, 0, 0, 0} << 0.0 << 1.0
        << 40 + 7.5 + 30 << (40 + 7.5 + 30) * 0.8;
    QTest::newRow("genuine refused, nothing to find, no flags")
        << true << 2 << Outcome::GenuineWronglyRefused << QList<int>{0, 0, 0, 2, 0} << 1.0 << 1.0
        << 30.0 + 30 << 60 * 0.8;
    QTest::newRow("incomplete") << false << 3 << Outcome::Incomplete << QList<int>{1, 0, 0, 0, 0}
                                << 1.0 << 1.0 << 60.0 << 54.0;
}

// The spec's formula against hand-computed values.
void TestScenario::scoreArithmetic()
{
    QFETCH(bool, genuine);
    QFETCH(int, level);
    QFETCH(Outcome, outcome);
    QFETCH(QList<int>, counts);
    QFETCH(double, precision);
    QFETCH(double, recall);
    QFETCH(double, score);
    QFETCH(double, weighted);
    Scenario scenario = readMini();
    scenario.genuine = genuine;
    scenario.difficulty = level;
    Tally tally;
    tally.truePositives = counts[0];
    tally.falsePositives = counts[1];
    tally.falseNegatives = counts[2];
    tally.checks = counts[3];
    tally.breaches = counts[4];
    const Score result = Score::compute(scenario, outcome, tally);
    QCOMPARE(result.correctOutcome,
             outcome == Outcome::FraudStopped || outcome == Outcome::GenuineServed);
    QVERIFY2(qFuzzyCompare(1 + result.precision, 1 + precision),
             qPrintable(QString::number(result.precision)));
    QVERIFY2(qFuzzyCompare(1 + result.recall, 1 + recall),
             qPrintable(QString::number(result.recall)));
    QVERIFY2(qFuzzyCompare(1 + result.score, 1 + score), qPrintable(QString::number(result.score)));
    QVERIFY2(qFuzzyCompare(1 + result.weightedScore, 1 + weighted),
             qPrintable(QString::number(result.weightedScore)));
    QCOMPARE(result.difficulty, level);
    const QJsonObject json = result.toJson();
    QCOMPARE(json.value(u"outcome"_s).toString(), outcomeName(outcome));
    QCOMPARE(json.value(u"flags"_s)[u"true_positive"_s].toInt(), counts[0]);
    QCOMPARE(json.value(u"policy"_s)[u"breaches"_s].toInt(), counts[4]);
    QVERIFY(json.value(u"first_correct_flag_ms"_s).isNull());
}

// Flags are scored against the ground truth of the messages shown: a ground-truth cue matches
// once, the first correct flag's simulated time is kept, missed cues count as false negatives.
void TestScenario::flagsAndFirstCorrectFlagTime()
{
    ScenarioRunner runner(readMini(), *m_engine, *m_intents);
    runner.start();       // messages at 1000 and 3000 ms
    runner.advance(2000); // 5000
    QCOMPARE(runner.flag(0, u"urgency"_s).value(), false);
    runner.advance(1000); // 6000
    QCOMPARE(runner.flag(1, u"urgency"_s).value(), true);
    QCOMPARE(runner.flag(1, u"urgency"_s).value(), false);
    runner.advance(500);
    QCOMPARE(runner.flag(0, u"claim_non_receipt"_s).value(), true);
    QVERIFY(runner.reply(u"I need to verify your identity first."_s)
                .ok()); // bribe + urgency at 8000 ms
    QVERIFY(runner.flag(2, u"bribe"_s).ok());
    QVERIFY(runner.act(TraineeAction::Refused).ok());

    const Score score = runner.score();
    QCOMPARE(score.tally.truePositives, 3);
    QCOMPARE(score.tally.falsePositives, 2);
    QCOMPARE(score.tally.falseNegatives, 1); // urgency in message 2
    QCOMPARE(score.tally.firstCorrectFlagMs, std::optional<qint64>(6000));
    QCOMPARE(score.toJson().value(u"first_correct_flag_ms"_s).toDouble(), 6000.0);
    // P = 3/5, R = 3/4, F1 = 2/3; no checks: compliance 1; level 4 weighs 1.0.
    QVERIFY2(qFuzzyCompare(score.score, 40 + 20 + 30.0), qPrintable(QString::number(score.score)));
    QVERIFY(qFuzzyCompare(score.weightedScore, 90.0));
}

// Proceeding after a warning or block is a breach, unless a reason makes it an override; a
// warning not proceeded against is heeded.
void TestScenario::breachesAndOverrides()
{
    const QJsonObject refund{{u"type"_s, u"refund"_s},
                             {u"order_id"_s, u"M-1"_s},
                             {u"amount"_s, 80},
                             {u"method"_s, u"original_payment"_s}};
    ScenarioRunner breaching(readMini(), *m_engine, *m_intents);
    breaching.start();
    QVERIFY(breaching.reply(u"I need to verify your identity."_s).ok());
    QCOMPARE(breaching.check(refund).value().verdict, policy::Verdict::Block);
    QCOMPARE(breaching.score().tally.blocksHeeded, 1);
    QVERIFY(breaching.act(TraineeAction::OfferedRefund).ok());
    QCOMPARE(breaching.outcome(), Outcome::FraudSucceeded);
    Tally tally = breaching.score().tally;
    QCOMPARE(tally.checks, 1);
    QCOMPARE(tally.breaches, 1);
    QCOMPARE(tally.overrides, 0);
    QCOMPARE(tally.blocksHeeded, 0);
    // Compliance 1 - 1/2; no flags on four ground-truth cues: F1 0.
    QVERIFY(qFuzzyCompare(breaching.score().score, 15.0));

    ScenarioRunner overriding(readMini(), *m_engine, *m_intents);
    overriding.start();
    QVERIFY(overriding.reply(u"I need to verify your identity."_s).ok());
    QVERIFY(overriding.check(refund).ok());
    QVERIFY(overriding.act(TraineeAction::Overrode, u"Supervisor approved on the phone"_s).ok());
    tally = overriding.score().tally;
    QCOMPARE(tally.breaches, 0);
    QCOMPARE(tally.overrides, 1);
    QVERIFY(qFuzzyCompare(overriding.score().score, 30.0));

    ScenarioRunner heeding(readMini(), *m_engine, *m_intents);
    heeding.start();
    QVERIFY(heeding.check(refund).ok());
    QVERIFY(heeding.check(refund).ok());
    QVERIFY(heeding.act(TraineeAction::Refused).ok());
    tally = heeding.score().tally;
    QCOMPARE(tally.checks, 2);
    QCOMPARE(tally.blocksHeeded, 2);
    QCOMPARE(tally.breaches, 0);
}

// A terminal node's closing messages are shown after the trainee's last chance to flag, so
// their cues are not missed flags.
void TestScenario::closingMessagesAreNotScored()
{
    ScenarioRunner runner(readMini(), *m_engine, *m_intents);
    runner.start();
    QVERIFY(runner.flag(0, u"claim_non_receipt"_s).ok());
    QVERIFY(runner.flag(1, u"urgency"_s).ok());
    QVERIFY(runner.act(TraineeAction::Refused)
                .ok()); // "Fine, I'll do a chargeback." carries threat_pressure
    QCOMPARE(runner.shownMessages().size(), 3);
    const Score score = runner.score();
    QCOMPARE(score.tally.falseNegatives, 0);
    QVERIFY(qFuzzyCompare(score.score, 100.0));
    QVERIFY(qFuzzyCompare(score.weightedScore, 100.0)); // level 4 weighs 1.0
}

// run() plays the answers with after_ms and wait_ms on the clock, stops at the terminal node
// (later steps ignored) or ends "incomplete" when the steps run out.
void TestScenario::headlessRun()
{
    const auto answers = Answers::fromJson(objectOf(R"({"steps": [
        {"wait_ms": 4000},
        {"flag": {"message": 1, "cue": "urgency"}, "after_ms": 1000},
        {"reply": "I have to verify your identity first."},
        {"flag": {"message": 2, "cue": "bribe"}, "after_ms": 2500},
        {"action": "refused"},
        {"flag": {"message": 9, "cue": "bribe"}}]})"));
    QVERIFY2(answers.ok(), qPrintable(errorOf(answers)));
    ScenarioRunner runner(readMini(), *m_engine, *m_intents);
    const auto score = runner.run(answers.value());
    QVERIFY2(score.ok(), qPrintable(errorOf(score)));
    QCOMPARE(score.value().outcome, Outcome::FraudStopped);
    QVERIFY(score.value().correctOutcome);
    QCOMPARE(score.value().tally.firstCorrectFlagMs, std::optional<qint64>(3000 + 4000 + 1000));
    QCOMPARE(score.value().tally.truePositives, 2);
    QCOMPARE(score.value().tally.falseNegatives, 2);

    const auto partial = Answers::fromJson(objectOf(R"({"steps": [{"reply": "Hello"}]})"));
    ScenarioRunner unfinished(readMini(), *m_engine, *m_intents);
    const auto incomplete = unfinished.run(partial.value());
    QVERIFY2(incomplete.ok(), qPrintable(errorOf(incomplete)));
    QCOMPARE(incomplete.value().outcome, Outcome::Incomplete);
    QVERIFY(!incomplete.value().correctOutcome);

    const auto badFlag = Answers::fromJson(
        objectOf(R"({"steps": [{"reply": "Hello"}, {"flag": {"message": 7, "cue": "bribe"}}]})"));
    ScenarioRunner failing(readMini(), *m_engine, *m_intents);
    QCOMPARE(errorOf(failing.run(badFlag.value())),
             u"/steps/1/flag: message 7 has not been shown (3 customer messages so far)"_s);
}

void TestScenario::answersErrors_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("error");
    QTest::newRow("no steps") << R"({"step": []})"_ba << u"/steps: expected an array of steps"_s;
    QTest::newRow("two kinds")
        << R"({"steps": [{"reply": "x", "action": "refused"}]})"_ba
        << u"/steps/0: expected exactly one of flag, reply, action, check and wait_ms, got "
           "reply, action"_s;
    QTest::newRow("unknown action")
        << R"({"steps": [{"action": "refund"}]})"_ba
        << u"/steps/0/action: expected a trainee action: verified_identity, refused, "
           "offered_refund, escalated, overrode"_s;
    QTest::newRow("unknown cue") << R"({"steps": [{"flag": {"message": 0, "cue": "urgent"}}]})"_ba
                                 << u"/steps/0/flag/cue: unknown cue \"urgent\""_s;
    QTest::newRow("negative index")
        << R"({"steps": [{"flag": {"message": -1, "cue": "urgency"}}]})"_ba
        << u"/steps/0/flag/message: expected the index of a customer message (0, 1, ...)"_s;
    QTest::newRow("fractional wait")
        << R"({"steps": [{"wait_ms": 1.5}]})"_ba
        << u"/steps/0/wait_ms: expected an integer number of milliseconds >= 0"_s;
    QTest::newRow("reason without action")
        << R"({"steps": [{"reply": "x", "override_reason": "y"}]})"_ba
        << u"/steps/0/override_reason: only an action step gives an override reason"_s;
    QTest::newRow("empty reply") << R"({"steps": [{"reply": " "}]})"_ba
                                 << u"/steps/0/reply: expected the reply's text"_s;
    QTest::newRow("bad after")
        << R"({"steps": [{"reply": "x", "after_ms": -3}]})"_ba
        << u"/steps/0/after_ms: expected an integer number of milliseconds >= 0"_s;
}

// The answers reader names the offending step by JSON pointer.
void TestScenario::answersErrors()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, error);
    QCOMPARE(errorOf(Answers::fromJson(QJsonDocument::fromJson(document).object())), error);
}

QJsonObject readSchema()
{
    return readJsonFile(QStringLiteral(RG_SOURCE_DIR "/resources/schema/scenario.schema.json"));
}

void TestScenario::schemaParses()
{
    const QJsonObject schema = readSchema();
    QCOMPARE(schema.value(u"$schema"_s).toString(),
             u"https://json-schema.org/draft/2020-12/schema"_s);
    QCOMPARE(setOf(schema.value(u"required"_s).toArray()).size(), 11);
}

// Every member the examples use is documented in the schema with a description and the type
// the reader accepts.
void TestScenario::schemaDocumentsExamples()
{
    const QJsonObject schema = readSchema();
    for (const QString &id : kExamples) {
        QList<Member> members;
        const QString problem
            = schemaMismatch(schema, schema, readJsonFile(examplePath(id)), QString(), members);
        QVERIFY2(problem.isEmpty(), qPrintable(id + u": "_s + problem));
        QVERIFY(members.size() > 50);
    }
}

// What the schema requires, the reader requires: removing a member the examples use fails to
// read exactly when the schema lists it as required ("on" takes exactly one of its members,
// which the schema says with oneOf).
void TestScenario::schemaRequiredMatchesReader()
{
    const QJsonObject schema = readSchema();
    const QJsonObject transition = schema.value(u"$defs"_s)[u"transition"_s].toObject();
    QCOMPARE(transition.value(u"properties"_s)[u"on"_s][u"oneOf"_s].toArray().size(), 3);
    for (const QString &id : kExamples) {
        const QJsonObject document = readJsonFile(examplePath(id));
        QList<Member> members;
        QVERIFY(schemaMismatch(schema, schema, document, QString(), members).isEmpty());
        for (const Member &member : members) {
            if (member.pointer.contains(u"/on/"_s))
                continue;
            const bool required
                = member.parentSchema.value(u"required"_s).toArray().contains(member.key);
            const auto read = Scenario::fromJson(with(document, member.pointer, std::nullopt));
            QVERIFY2(read.ok() != required,
                     qPrintable(id + u": "_s + member.pointer + u": schema says "_s
                                + (required ? u"required"_s : u"optional"_s) + u", reader "_s
                                + (read.ok() ? u"accepts it missing"_s : read.error())));
            if (required)
                QVERIFY2(read.error().startsWith(member.pointer + u": missing"_s),
                         qPrintable(read.error()));
        }
    }
}

// The schema's enums are the spellings the code knows.
void TestScenario::schemaEnumsMatchCode()
{
    const QJsonObject schema = readSchema();
    const QJsonObject defs = schema.value(u"$defs"_s).toObject();
    const QJsonObject on = defs.value(u"transition"_s)[u"properties"_s][u"on"_s].toObject();
    QCOMPARE(setOf(schema.value(u"properties"_s)[u"language"_s][u"enum"_s].toArray()),
             setOf(scenarioLanguages()));
    QCOMPARE(setOf(defs.value(u"node"_s)[u"properties"_s][u"outcome"_s][u"enum"_s].toArray()),
             setOf(scenarioOutcomeNames()));
    QCOMPARE(setOf(on.value(u"properties"_s)[u"action"_s][u"enum"_s].toArray()),
             setOf(traineeActionNames()));
    QCOMPARE(setOf(on.value(u"properties"_s)[u"intent"_s][u"enum"_s].toArray()),
             setOf(knownIntents()));
}

QTEST_GUILESS_MAIN(TestScenario)
void TestScenario::draftLanguageGuess_data()
{
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QString>("language");
    QTest::newRow("english") << QStringList{u"Hi, my order never arrived and I want the refund"_s}
                             << u"en"_s;
    QTest::newRow("spanish") << QStringList{u"Hola, mi pedido no llegó."_s, u"Quiero el reembolso por favor"_s}
                             << u"es"_s;
    QTest::newRow("german") << QStringList{u"Meine Bestellung ist nicht angekommen, bitte erstatten Sie das Geld"_s}
                            << u"de"_s;
    QTest::newRow("french") << QStringList{u"Bonjour, je n'ai pas reçu ma commande, vous pouvez me rembourser ?"_s}
                            << u"fr"_s;
    QTest::newRow("nothing stands out") << QStringList{u"A-1001 ??? 189.00"_s} << u"en"_s;
    QTest::newRow("empty") << QStringList{} << u"en"_s;
}

void TestScenario::draftLanguageGuess()
{
    QFETCH(QStringList, texts);
    QFETCH(QString, language);
    QCOMPARE(rg::training::guessLanguage(texts), language);
    QVERIFY(rg::training::scenarioLanguages().contains(language));
}

// The demo's cohort: every run is the runner's own score of a simulated trainee, nearly all
// reach an outcome, the assist catches more cues, and the same seed gives the same runs.
void TestScenario::simulatedCohort()
{
    QList<rg::training::Scenario> library;
    for (const QString &path : rg::training::shippedScenarios()) {
        auto scenario = rg::training::Scenario::load(path);
        QVERIFY2(scenario, qPrintable(errorOf(scenario)));
        library.append(std::move(scenario).value());
    }
    const QDateTime end(QDate(2026, 11, 26), QTime(12, 0), QTimeZone::utc());
    const auto runs = rg::training::simulateCohort(library, *m_engine, *m_intents, end, 7);
    QCOMPARE(runs.size(), 72);
    const auto again = rg::training::simulateCohort(library, *m_engine, *m_intents, end, 7);
    for (qsizetype i = 0; i < runs.size(); ++i) {
        QCOMPARE(again.at(i).scenario, runs.at(i).scenario);
        QCOMPARE(again.at(i).score.toJson(), runs.at(i).score.toJson());
    }
    int finished = 0;
    int caught[2] = {0, 0};
    int cues[2] = {0, 0};
    QSet<QString> trainees;
    for (const rg::training::RunRecord &run : runs) {
        QVERIFY(run.finishedAt <= end && run.finishedAt >= run.startedAt);
        QVERIFY(run.score.score >= 0.0 && run.score.score <= 100.0);
        QVERIFY(rg::training::ResultStore::checkName(u"trainee"_s, run.trainee));
        finished += run.score.outcome != Outcome::Incomplete;
        caught[run.assist] += run.score.tally.truePositives;
        cues[run.assist] += run.score.tally.truePositives + run.score.tally.falseNegatives;
        trainees.insert(run.trainee);
    }
    QCOMPARE(trainees.size(), 6);
    QVERIFY2(finished >= 68, qPrintable(QString::number(finished)));
    QVERIFY(double(caught[1]) / cues[1] > double(caught[0]) / cues[0]);
    const auto other = rg::training::simulateCohort(library, *m_engine, *m_intents, end, 8);
    QVERIFY(std::any_of(other.cbegin(), other.cend(), [&](const rg::training::RunRecord &run) {
        return run.scenario != runs.at(&run - other.constData()).scenario;
    }));
}

#include "tst_scenario.moc"
