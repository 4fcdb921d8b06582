// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/riskscorer.h"

#include "model/cue.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace rg::risk {

namespace {

using namespace Qt::StringLiterals;

constexpr double kHigh = 0.6;
constexpr double kMedium = 0.3;
constexpr double kDecisive = 0.5;
constexpr double kUndecidedCap = 0.55;
constexpr double kRepeatFactor = 0.8;

} // namespace

QString levelName(Level level)
{
    switch (level) {
    case Level::Low:
        return u"low"_s;
    case Level::Medium:
        return u"medium"_s;
    case Level::High:
        return u"high"_s;
    }
    return {};
}

void CueTally::add(const model::Finding &finding)
{
    const auto it = m_byCue.find(finding.cue);
    if (it == m_byCue.end()) {
        m_byCue.insert(finding.cue, {finding, {finding.turn}});
        return;
    }
    if (finding.weight > it->strongest.weight)
        it->strongest = finding;
    it->turns.insert(finding.turn);
}

Assessment assess(const std::vector<model::Finding> &findings,
                  const std::vector<model::SequenceHit> &sequences,
                  const std::vector<CaseSignal> &caseSignals)
{
    CueTally cues;
    for (const model::Finding &finding : findings)
        cues.add(finding);
    return assessTallied(cues, sequences, caseSignals);
}

/*!
 * The one place risk is defined.
 *
 * Each cue counts once with the weight of its strongest finding; every further turn that shows
 * the same cue closes a fifth of the remaining gap (strength = 1 - (1 - w) * 0.8^(turns - 1)).
 * Cue strengths, completed sequences and case signals (fusion.cpp: what the case says, weighed in
 * resources/risk/fusion.json) combine as independent evidence (noisy-OR):
 * risk = 1 - prod(1 - strength).
 * Cues are evidence, not verdicts: a conversation becomes high only with at least one decisive
 * signal, a finding or sequence of weight >= 0.5 (bribes, refund jargon, steering, takeover
 * sequences, ... as the rule pack weighs them) or a case signal marked decisive (a proof-of-
 * delivery contradiction, details changed in this contact, ...). Without one, risk is capped at 0.55 (medium),
 * however many everyday cues (claims, urgency, threats, account changes) pile up.
 * Levels: high >= 0.6, medium >= 0.3, low below.
 */
Assessment assessTallied(const CueTally &cues, const std::vector<model::SequenceHit> &sequences,
                         const std::vector<CaseSignal> &caseSignals)
{
    Assessment assessment;
    double keep = 1.0;
    bool decisive = false;
    for (auto it = cues.m_byCue.cbegin(); it != cues.m_byCue.cend(); ++it) {
        const model::Finding &f = it->strongest;
        const double strength = 1.0 - (1.0 - f.weight) * std::pow(kRepeatFactor, it->turns.size() - 1);
        keep *= 1.0 - strength;
        decisive = decisive || f.weight >= kDecisive;
        const auto cue = model::findCue(it.key());
        const QString title = cue ? QString(cue->title) : it.key();
        assessment.reasons.push_back(
            {it.key(), title + u": \""_s + f.evidence + u"\" (turn "_s + QString::number(f.turn) + u')',
             strength, f.turn});
    }
    for (const model::SequenceHit &hit : sequences) {
        keep *= 1.0 - hit.weight;
        decisive = decisive || hit.weight >= kDecisive;
        assessment.reasons.push_back({hit.id, hit.description, hit.weight, hit.turns.back()});
    }
    for (const CaseSignal &signal : caseSignals) {
        keep *= 1.0 - signal.weight;
        decisive = decisive || signal.decisive;
        assessment.reasons.push_back({signal.id, signal.text, signal.weight, -1});
    }

    double risk = 1.0 - keep;
    if (!decisive)
        risk = std::min(risk, kUndecidedCap);
    assessment.risk = std::round(risk * 1000.0) / 1000.0;
    assessment.level = assessment.risk >= kHigh     ? Level::High
                       : assessment.risk >= kMedium ? Level::Medium
                                                    : Level::Low;
    std::stable_sort(assessment.reasons.begin(), assessment.reasons.end(),
                     [](const Reason &a, const Reason &b) {
                         if (a.weight != b.weight)
                             return a.weight > b.weight;
                         return std::tie(a.turn, a.cue) < std::tie(b.turn, b.cue);
                     });
    return assessment;
}

} // namespace rg::risk
