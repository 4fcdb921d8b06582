// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/scanreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rg::batch {

using namespace Qt::StringLiterals;

QByteArray resultLine(const model::Conversation &conversation, const Judgement &judgement)
{
    QJsonArray findings;
    for (const auto &finding : judgement.detection.findings)
        findings.append(finding.toJson());
    QJsonArray violations;
    for (const Violation &violation : judgement.violations) {
        violations.append(QJsonObject{{u"turn"_s, violation.turn},
                                      {u"policy"_s, violation.policy},
                                      {u"severity"_s, policy::severityName(violation.severity)},
                                      {u"message"_s, violation.message}});
    }
    const QJsonObject result{{u"id"_s, conversation.id},
                             {u"risk"_s, judgement.assessment.risk},
                             {u"level"_s, risk::levelName(judgement.assessment.level)},
                             {u"findings"_s, findings},
                             {u"violations"_s, violations}};
    return QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray explainText(const model::Conversation &conversation, const Judgement &judgement)
{
    const risk::Assessment &assessment = judgement.assessment;
    // Customer text goes in by concatenation only: a "%1" in it must stay as typed.
    QString out = conversation.id + u"  risk "_s + QString::number(assessment.risk, 'f', 2) + u"  "_s
                  + risk::levelName(assessment.level).toUpper() + u'\n';
    if (!assessment.reasons.empty()) {
        out += u"  top reasons:\n"_s;
        for (std::size_t i = 0; i < assessment.reasons.size() && i < 3; ++i)
            out += u"    - "_s + assessment.reasons[i].text + u'\n';
    }
    for (const auto &finding : judgement.detection.findings) {
        out += u"  turn "_s + QString::number(finding.turn).rightJustified(3) + u' '
               + model::roleName(conversation.messages[finding.turn].role).leftJustified(8)
               + u"  "_s + finding.cue.leftJustified(22) + u"  \""_s + finding.evidence
               + u"\"  (rule "_s + finding.rule + u", weight "_s + QString::number(finding.weight)
               + u")\n"_s;
    }
    if (judgement.detection.findings.empty())
        out += u"  no cues found\n"_s;
    for (const TurnDecision &turn : judgement.decisions) {
        const QJsonObject &action = conversation.messages[turn.turn].action;
        const QString what = action.isEmpty() ? u"agent message"_s
                                              : action.value(u"type"_s).toString();
        out += u"  turn "_s + QString::number(turn.turn).rightJustified(3) + u" "_s + what
               + u": "_s + policy::verdictName(turn.decision.verdict).toUpper() + u'\n';
        for (const policy::FiredPolicy &fired : turn.decision.fired) {
            out += u"    - ["_s + policy::severityName(fired.severity) + u"] "_s + fired.title
                   + u" ("_s + fired.citation + u"): "_s + fired.message + u'\n';
        }
        for (const policy::PolicyError &error : turn.decision.errors)
            out += u"    - [error] "_s + error.policy + u": "_s + error.message + u'\n';
    }
    return (out + u"\n"_s).toUtf8();
}

} // namespace rg::batch
