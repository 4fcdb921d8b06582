// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/finding.h"
#include "risk/fusion.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <vector>

namespace rg::risk {

enum class Level { Low, Medium, High };

QString levelName(Level level);

// Why a conversation scored as it did, strongest first.
struct Reason
{
    QString cue; // cue id, sequence id or case signal id
    QString text;
    double weight = 0.0;
    int turn = 0; // -1 for a case signal
};

struct Assessment
{
    double risk = 0.0;
    Level level = Level::Low;
    std::vector<Reason> reasons;
};

// Use me to gather what risk needs of findings that arrive a turn at a time: per cue, its
// strongest finding and the turns that show it.
class CueTally final
{
public:
    void add(const model::Finding &finding);

private:
    friend Assessment assessTallied(const CueTally &, const std::vector<model::SequenceHit> &,
                                    const std::vector<CaseSignal> &);
    struct Evidence
    {
        model::Finding strongest;
        QSet<int> turns;
    };
    QHash<QString, Evidence> m_byCue;
};

// Use me to turn a conversation's findings, and the case signals when there is a case, into one
// risk score, level and ranked reasons.
Assessment assess(const std::vector<model::Finding> &findings,
                  const std::vector<model::SequenceHit> &sequences,
                  const std::vector<CaseSignal> &caseSignals = {});
// The same from findings already tallied.
Assessment assessTallied(const CueTally &cues, const std::vector<model::SequenceHit> &sequences,
                         const std::vector<CaseSignal> &caseSignals = {});

} // namespace rg::risk
