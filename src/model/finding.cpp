// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/finding.h"

namespace rg::model {

using namespace Qt::StringLiterals;

QJsonObject Finding::toJson() const
{
    return QJsonObject{{u"turn"_s, turn},         {u"cue"_s, cue},
                       {u"rule"_s, rule},         {u"start"_s, start},
                       {u"end"_s, end},           {u"evidence"_s, evidence},
                       {u"weight"_s, weight}};
}

Result<Finding> Finding::fromJson(const QJsonObject &json)
{
    for (const auto key : {"turn"_L1, "start"_L1, "end"_L1, "weight"_L1}) {
        if (!json.value(key).isDouble())
            return Error{QString(key) + u": expected a number"_s};
    }
    for (const auto key : {"cue"_L1, "rule"_L1, "evidence"_L1}) {
        if (!json.value(key).isString())
            return Error{QString(key) + u": expected a string"_s};
    }
    Finding finding;
    finding.turn = json.value(u"turn"_s).toInt();
    finding.cue = json.value(u"cue"_s).toString();
    finding.rule = json.value(u"rule"_s).toString();
    finding.start = json.value(u"start"_s).toInt();
    finding.end = json.value(u"end"_s).toInt();
    finding.evidence = json.value(u"evidence"_s).toString();
    finding.weight = json.value(u"weight"_s).toDouble();
    if (finding.start < 0 || finding.end < finding.start)
        return Error{u"end: must not be before start"_s};
    return finding;
}

} // namespace rg::model
