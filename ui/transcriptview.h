// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/conversation.h"
#include "model/finding.h"

#include <QDateTime>
#include <QList>
#include <QTextEdit>

#include <vector>

namespace rg::ui {

// Use me to show a live chat: each message as plain text (never rich text, whatever the customer
// typed), with bidi controls neutralised, customer and agent styled apart and every finding
// highlighted on its exact span.
class TranscriptView final : public QTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptView)

public:
    explicit TranscriptView(QWidget *parent = nullptr);
    ~TranscriptView() override;

    // Shows \a conversation: messages not shown yet are appended (the agent's scroll position and
    // selection survive), and the highlights follow \a findings.
    void sync(const model::Conversation &conversation, const QList<QDateTime> &times,
              const std::vector<model::Finding> &findings);
    void reset();

    // Scrolls to turn \a turn and selects code points [start, end) of its text.
    void showSpan(int turn, int start, int end);
    int shownTurns() const { return int(m_turns.size()); }
    // Where the text of turn \a turn starts in the document, -1 when it is not shown.
    int textPosition(int turn) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    // What a turn shows, enough to draw it again in a new palette. The view keeps no copy of
    // the session's conversation: a shared copy would make the session's next append copy it all.
    struct Turn
    {
        int textStart = 0; // document position of the message text
        QString text;      // as shown (display-safe), same UTF-16 length as the original
        model::Role role = model::Role::Customer;
        QDateTime time;
    };

    void appendTurn(model::Role role, const QString &shown, const QDateTime &time);
    void applyHighlights(const std::vector<model::Finding> &findings);
    void markTurn(QTextCursor &cursor, const Turn &turn, const model::Finding &finding) const;
    QTextCharFormat highlightFormat(double weight) const;

    QList<Turn> m_turns;
    std::vector<model::Finding> m_highlighted;
};

} // namespace rg::ui
