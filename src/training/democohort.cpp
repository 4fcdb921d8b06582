// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/democohort.h"

#include "model/cue.h"
#include "training/scenariorunner.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace rg::training {

using namespace Qt::StringLiterals;

namespace {

struct Trainee
{
    QString name;
    double skill = 0.5;  // the chance of the right move and of seeing a cue, in week 0
    double growth = 0.0; // added per week
};

const QList<Trainee> kTrainees{
    {u"Ana Ruiz"_s, 0.70, 0.05}, {u"Ben Okafor"_s, 0.45, 0.08}, {u"Chloé Martin"_s, 0.55, 0.04},
    {u"Dev Patel"_s, 0.35, 0.10}, {u"Eva Schulz"_s, 0.80, 0.02}, {u"Femi Adeyemi"_s, 0.50, 0.00},
};
constexpr int kWeeks = 4;
constexpr int kRunsPerWeek = 3;
constexpr double kAssistRecall = 0.25; // the assist's highlights: more cues caught
constexpr int kMaxSteps = 12;          // a simulated trainee never loops for ever

// The outcomes reachable from each node of \a scenario.
QHash<QString, QSet<Outcome>> reachableOutcomes(const Scenario &scenario)
{
    QHash<QString, QSet<Outcome>> reach;
    for (const ScenarioNode &node : scenario.nodes) {
        if (node.outcome)
            reach[node.id].insert(*node.outcome);
    }
    // Propagate backwards until nothing changes; scenarios are small.
    for (bool changed = true; changed;) {
        changed = false;
        for (const ScenarioNode &node : scenario.nodes) {
            QSet<Outcome> &mine = reach[node.id];
            const qsizetype before = mine.size();
            for (const Transition &transition : node.transitions)
                mine.unite(reach.value(transition.to));
            changed = changed || mine.size() != before;
        }
    }
    return reach;
}

class SimulatedTrainee
{
public:
    SimulatedTrainee(ScenarioRunner &runner, const IntentMatcher &intents, double skill,
                     double recall, QRandomGenerator &random)
        : m_runner(runner), m_intents(intents), m_skill(skill), m_recall(recall), m_random(random),
          m_reach(reachableOutcomes(runner.scenario()))
    {
    }

    void play()
    {
        const Outcome wanted
            = m_runner.scenario().genuine ? Outcome::GenuineServed : Outcome::FraudStopped;
        read(m_runner.start());
        for (int step = 0; step < kMaxSteps && !m_runner.isFinished(); ++step) {
            const ScenarioNode *node = m_runner.scenario().node(m_runner.currentNode());
            if (!node)
                return;
            // The right move leads where the wanted outcome can still be reached; a slip takes
            // any other way out of the node.
            QList<const Transition *> good;
            QList<const Transition *> other;
            for (const Transition &transition : node->transitions) {
                if (!playable(transition))
                    continue;
                (m_reach.value(transition.to).contains(wanted) ? good : other).append(&transition);
            }
            const bool right = !good.isEmpty() && (other.isEmpty() || chance(m_skill));
            const QList<const Transition *> &from = right ? good : other;
            if (from.isEmpty())
                return;
            take(*from.at(int(m_random.bounded(quint32(from.size())))));
        }
    }

private:
    bool chance(double p) { return m_random.generateDouble() < p; }

    bool playable(const Transition &transition) const
    {
        return transition.on.action || transition.on.anyReply
               || !m_intents.examplePhrase(transition.on.intent).isEmpty();
    }

    // A few seconds of reading, then the flags this trainee sees (and now and then a wrong one).
    void read(const QList<ShownMessage> &shown)
    {
        const auto cues = model::cues();
        for (const ShownMessage &message : shown) {
            m_runner.advance(2000 + qint64(m_random.bounded(8000)));
            for (const QString &cue : message.cues) {
                if (chance(std::min(0.95, m_skill * 0.8 + m_recall)))
                    static_cast<void>(m_runner.flag(message.index, cue));
            }
            if (chance((1.0 - m_skill) * 0.3)) {
                const model::CueInfo &guess = cues[m_random.bounded(quint32(cues.size()))];
                if (guess.side == model::Role::Customer)
                    static_cast<void>(m_runner.flag(message.index, QString(guess.id)));
            }
        }
    }

    void take(const Transition &transition)
    {
        m_runner.advance(3000 + qint64(m_random.bounded(12000)));
        Result<QList<ShownMessage>> shown = QList<ShownMessage>();
        if (transition.on.action)
            shown = m_runner.act(*transition.on.action, u"customer insisted"_s);
        else if (transition.on.anyReply)
            shown = m_runner.reply(u"Let me look into this for you."_s);
        else
            shown = m_runner.reply(m_intents.examplePhrase(transition.on.intent));
        if (shown)
            read(shown.value());
    }

    ScenarioRunner &m_runner;
    const IntentMatcher &m_intents;
    double m_skill;
    double m_recall;
    QRandomGenerator &m_random;
    QHash<QString, QSet<Outcome>> m_reach;
};

} // namespace

QList<RunRecord> simulateCohort(const QList<Scenario> &library, batch::Engine &engine,
                                const IntentMatcher &intents, const QDateTime &end, quint32 seed)
{
    QList<RunRecord> runs;
    if (library.isEmpty())
        return runs;
    QRandomGenerator random(seed);
    const QDateTime first = end.toUTC().addDays(-7 * kWeeks);
    for (const Trainee &trainee : kTrainees) {
        for (int week = 0; week < kWeeks; ++week) {
            for (int i = 0; i < kRunsPerWeek; ++i) {
                const Scenario &scenario = library.at(int(random.bounded(quint32(library.size()))));
                const bool assist = (week + i) % 2 == 1;
                const double skill = std::min(0.95, trainee.skill + trainee.growth * week);
                ScenarioRunner runner(scenario, engine, intents);
                SimulatedTrainee(runner, intents, skill, assist ? kAssistRecall : 0.0, random).play();
                RunRecord run;
                run.trainee = trainee.name;
                run.cohort = u"2026-11"_s;
                run.scenario = scenario.id;
                run.genuine = scenario.genuine;
                run.assist = assist;
                run.startedAt = first.addDays(7 * week + 2 * i)
                                    .addSecs(3600 * (9 + qint64(random.bounded(8))));
                run.finishedAt = run.startedAt.addMSecs(runner.elapsedMs());
                run.score = runner.score();
                run.detail = {{u"simulated"_s, true}};
                runs.append(run);
            }
        }
    }
    std::sort(runs.begin(), runs.end(), [](const RunRecord &a, const RunRecord &b) {
        return a.finishedAt < b.finishedAt;
    });
    return runs;
}

} // namespace rg::training
