// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/scanreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rg::batch {

using namespace Qt::StringLiterals;

QByteArray resultLine(const model::Conversation &conversation, const detect::Detection &detection,
                      const risk::Assessment &assessment)
{
    QJsonArray findings;
    for (const auto &finding : detection.findings)
        findings.append(finding.toJson());
    const QJsonObject result{{u"id"_s, conversation.id},
                             {u"risk"_s, assessment.risk},
                             {u"level"_s, risk::levelName(assessment.level)},
                             {u"findings"_s, findings},
                             {u"violations"_s, QJsonArray()}};
    return QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray explainText(const model::Conversation &conversation,
                       const detect::Detection &detection, const risk::Assessment &assessment)
{
    // Customer text goes in by concatenation only: a "%1" in it must stay as typed.
    QString out = conversation.id + u"  risk "_s + QString::number(assessment.risk, 'f', 2) + u"  "_s
                  + risk::levelName(assessment.level).toUpper() + u'\n';
    if (!assessment.reasons.empty()) {
        out += u"  top reasons:\n"_s;
        for (std::size_t i = 0; i < assessment.reasons.size() && i < 3; ++i)
            out += u"    - "_s + assessment.reasons[i].text + u'\n';
    }
    for (const auto &finding : detection.findings) {
        out += u"  turn "_s + QString::number(finding.turn).rightJustified(3) + u' '
               + model::roleName(conversation.messages[finding.turn].role).leftJustified(8)
               + u"  "_s + finding.cue.leftJustified(22) + u"  \""_s + finding.evidence
               + u"\"  (rule "_s + finding.rule + u", weight "_s + QString::number(finding.weight)
               + u")\n"_s;
    }
    if (detection.findings.empty())
        out += u"  no cues found\n"_s;
    return (out + u"\n"_s).toUtf8();
}

} // namespace rg::batch
