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
    QString out = u"%1  risk %2  %3\n"_s.arg(conversation.id)
                      .arg(assessment.risk, 0, 'f', 2)
                      .arg(risk::levelName(assessment.level).toUpper());
    if (!assessment.reasons.empty()) {
        out += u"  top reasons:\n"_s;
        for (std::size_t i = 0; i < assessment.reasons.size() && i < 3; ++i)
            out += u"    - %1\n"_s.arg(assessment.reasons[i].text);
    }
    for (const auto &finding : detection.findings) {
        out += u"  turn %1 %2  %3  \"%4\"  (rule %5, weight %6)\n"_s.arg(finding.turn, 3)
                   .arg(model::roleName(conversation.messages[finding.turn].role), -8)
                   .arg(finding.cue, -22)
                   .arg(finding.evidence, finding.rule)
                   .arg(finding.weight);
    }
    if (detection.findings.empty())
        out += u"  no cues found\n"_s;
    return (out + u"\n"_s).toUtf8();
}

} // namespace rg::batch
