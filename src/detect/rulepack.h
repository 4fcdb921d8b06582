// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detect/normaliser.h"
#include "model/message.h"
#include "model/result.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace rg::detect {

// A pattern as written in the pack and the RE2 expression it compiles to.
struct Pattern
{
    QString source;    // as written: a phrase, or a regular expression
    bool isRegex = false;
    View view = View::Folded;
    std::string regex; // RE2 syntax, matched against the folded text of the view
};

// Other patterns that must (near) or must not (unless) occur within some words of a match.
struct PatternGroup
{
    std::vector<Pattern> patterns;
    int within = 0; // words between the two spans; overlapping spans are always within
};

struct Rule
{
    QString id;
    QString cue;
    model::Role role = model::Role::Customer;
    double weight = 0.0;
    QString description;
    std::vector<Pattern> patterns;
    std::optional<PatternGroup> near;
    std::optional<PatternGroup> unless;
};

// Conversation scope: cues seen in this order (e.g. account_change, then payment_redirect).
struct Sequence
{
    QString id;
    QString description;
    QStringList steps;
    double weight = 0.0;
    int withinTurns = 0; // 0: anywhere in the conversation
};

// Use me to load a versioned JSON rule pack. Loading validates everything first; a broken pack
// yields an error naming file, rule and field, never a half-loaded pack.
struct RulePack
{
    static constexpr int kFormat = 1;

    QString id;
    QString version;
    QString description;
    QString source; // file the pack came from
    std::vector<Rule> rules;
    std::vector<Sequence> sequences;

    static Result<RulePack> load(const QString &path);
    static Result<RulePack> parse(const QByteArray &json, const QString &source);
};

} // namespace rg::detect
