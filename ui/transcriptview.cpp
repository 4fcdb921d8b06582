// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/transcriptview.h"

#include "session/assistsession.h"
#include "ui/displaytext.h"
#include "ui/signalsmodel.h"

#include <QEvent>
#include <QHash>
#include <QScrollBar>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>

#include <algorithm>

namespace rg::ui {

TranscriptView::TranscriptView(QWidget *parent) : QTextEdit(parent)
{
    setReadOnly(true);
    // Text reaches the document only through QTextCursor::insertText, which never parses markup;
    // this also refuses rich text pasted or dropped in.
    setAcceptRichText(false);
    setUndoRedoEnabled(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setAccessibleName(tr("Chat transcript"));
    document()->setDocumentMargin(6);
}

TranscriptView::~TranscriptView() = default;

void TranscriptView::reset()
{
    clear();
    m_turns.clear();
    m_highlighted.clear();
}

static QString roleLabel(model::Role role)
{
    switch (role) {
    case model::Role::Customer:
        return TranscriptView::tr("Customer");
    case model::Role::Agent:
        return TranscriptView::tr("Agent");
    case model::Role::System:
        return TranscriptView::tr("System");
    case model::Role::Action:
        return TranscriptView::tr("Action");
    }
    return {};
}

static QString actionSummary(const QJsonObject &action)
{
    QStringList parts{action.value(QStringLiteral("type")).toString()};
    if (action.contains(QStringLiteral("amount"))) {
        parts << QStringLiteral("%1 %2").arg(action.value(QStringLiteral("amount")).toDouble(), 0, 'f', 2)
                     .arg(action.value(QStringLiteral("currency")).toString());
    }
    for (const QString &key : {QStringLiteral("order_id"), QStringLiteral("method")}) {
        if (action.contains(key))
            parts << action.value(key).toString();
    }
    return parts.join(QStringLiteral(" · "));
}

void TranscriptView::sync(const model::Conversation &conversation, const QList<QDateTime> &times,
                          const std::vector<model::Finding> &findings)
{
    if (conversation.messages.size() < m_turns.size())
        reset();
    QScrollBar *bar = verticalScrollBar();
    const bool following = bar->value() == bar->maximum();
    // One edit block: the document is laid out once for the new turns and marks together, not
    // once for every block, text and mark inserted.
    QTextCursor edit(document());
    edit.beginEditBlock();
    for (qsizetype turn = m_turns.size(); turn < conversation.messages.size(); ++turn) {
        const model::Message &message = conversation.messages[turn];
        // An action's order id and method come from the console like the customer's words do.
        appendTurn(message.role,
                   displaySafe(message.role == model::Role::Action ? actionSummary(message.action)
                                                                   : message.text),
                   times.value(turn));
    }
    applyHighlights(findings);
    edit.endEditBlock();
    // Follow the chat as it grows unless the agent scrolled back to read something.
    if (following)
        bar->setValue(bar->maximum());
}

void TranscriptView::appendTurn(model::Role role, const QString &shown, const QDateTime &time)
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    const bool agentSide = role != model::Role::Customer;

    QTextBlockFormat block;
    block.setTopMargin(m_turns.isEmpty() ? 0 : 8);
    // The agent's side is indented and shaded, so whose words a quote is never depends on colour.
    block.setLeftMargin(agentSide ? 24 : 0);
    if (agentSide)
        block.setBackground(palette().alternateBase());
    if (m_turns.isEmpty() && document()->isEmpty())
        cursor.setBlockFormat(block);
    else
        cursor.insertBlock(block);

    QTextCharFormat header;
    header.setFontWeight(QFont::Bold);
    header.setForeground(palette().placeholderText());
    // Turns are numbered from 1 as in the signals list, so a row there is easy to find here.
    QString title = tr("%1 · turn %2").arg(roleLabel(role)).arg(m_turns.size() + 1);
    if (time.isValid())
        title += QStringLiteral(" · ") + QLocale().toString(time.toLocalTime().time(), QLocale::ShortFormat);
    cursor.insertText(title, header);
    cursor.insertBlock(block);

    QTextCharFormat body;
    body.setForeground(palette().text());
    const int start = cursor.position();
    // Newlines in a message would start new blocks and shift every later offset: show them as
    // line separators inside the same block instead (one UTF-16 unit each, so offsets hold).
    QString inBlock = shown;
    inBlock.replace(QLatin1Char('\n'), QChar::LineSeparator);
    cursor.insertText(inBlock, body);
    m_turns.append(Turn{start, shown, role, time});
}

QTextCharFormat TranscriptView::highlightFormat(double weight) const
{
    // Strong cues are underlined as well as shaded: the mark never rests on colour alone, and the
    // shade is drawn from the palette so it reads in light and dark themes.
    QTextCharFormat format;
    QColor shade = palette().highlight().color();
    shade.setAlpha(weight >= session::kHighFindingWeight ? 110 : 60);
    format.setBackground(shade);
    format.setUnderlineStyle(weight >= session::kHighFindingWeight ? QTextCharFormat::SingleUnderline
                                                                   : QTextCharFormat::DotLine);
    return format;
}

void TranscriptView::markTurn(QTextCursor &cursor, const Turn &turn,
                              const model::Finding &finding) const
{
    const auto from = utf16Offset(turn.text, finding.start);
    const auto to = utf16Offset(turn.text, finding.end);
    if (to <= from)
        return;
    QTextCharFormat format = highlightFormat(finding.weight);
    format.setToolTip(plainToolTip(cueTitle(finding.cue)));
    cursor.setPosition(turn.textStart + int(from));
    cursor.setPosition(turn.textStart + int(to), QTextCursor::KeepAnchor);
    cursor.mergeCharFormat(format);
}

/*!
 * Marks \a findings on their spans. Only the turns whose findings changed are drawn again: the
 * session is judged on every message, and clearing and re-marking every finding of the chat each
 * time made a long chat quadratic in its length (and re-laid out every marked turn).
 */
void TranscriptView::applyHighlights(const std::vector<model::Finding> &findings)
{
    const bool grows = findings.size() >= m_highlighted.size()
                       && std::equal(m_highlighted.begin(), m_highlighted.end(), findings.begin());
    if (grows) {
        // The usual case while a chat grows: only the new findings are marked, each over what its
        // turn shows already, as it comes after that turn's other findings in a full redraw.
        const auto fresh = findings.begin() + std::ptrdiff_t(m_highlighted.size());
        QTextCursor cursor(document());
        for (auto it = fresh; it != findings.end(); ++it) {
            if (it->turn >= 0 && it->turn < m_turns.size())
                markTurn(cursor, m_turns[it->turn], *it);
        }
        m_highlighted.insert(m_highlighted.end(), fresh, findings.end());
        return;
    }
    QHash<int, std::vector<model::Finding>> before;
    QHash<int, std::vector<model::Finding>> after;
    for (const model::Finding &old : m_highlighted)
        before[old.turn].push_back(old);
    for (const model::Finding &finding : findings)
        after[finding.turn].push_back(finding);
    QSet<int> changed;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (after.value(it.key()) != it.value())
            changed.insert(it.key());
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            changed.insert(it.key());
    }

    QTextCursor cursor(document());
    QTextCharFormat plain;
    plain.setBackground(Qt::NoBrush);
    plain.setUnderlineStyle(QTextCharFormat::NoUnderline);
    plain.setToolTip(QString());
    for (const int index : std::as_const(changed)) {
        if (index < 0 || index >= m_turns.size())
            continue;
        const Turn &turn = m_turns[index];
        cursor.setPosition(turn.textStart);
        cursor.setPosition(turn.textStart + int(turn.text.size()), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(plain);
        for (const model::Finding &finding : after.value(index))
            markTurn(cursor, turn, finding);
    }
    m_highlighted = findings;
}

void TranscriptView::showSpan(int turn, int start, int end)
{
    if (turn < 0 || turn >= m_turns.size())
        return;
    const Turn &shown = m_turns[turn];
    QTextCursor cursor(document());
    cursor.setPosition(shown.textStart + int(utf16Offset(shown.text, start)));
    cursor.setPosition(shown.textStart + int(utf16Offset(shown.text, end)), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    ensureCursorVisible();
}

int TranscriptView::textPosition(int turn) const
{
    return turn >= 0 && turn < m_turns.size() ? m_turns[turn].textStart : -1;
}

void TranscriptView::changeEvent(QEvent *event)
{
    QTextEdit::changeEvent(event);
    // Light/dark switches: the formats hold palette colours, so draw the transcript again.
    if (event->type() == QEvent::PaletteChange && !m_turns.isEmpty()) {
        const QList<Turn> turns = m_turns;
        const std::vector<model::Finding> findings = m_highlighted;
        reset();
        QTextCursor edit(document());
        edit.beginEditBlock();
        for (const Turn &turn : turns)
            appendTurn(turn.role, turn.text, turn.time);
        applyHighlights(findings);
        edit.endEditBlock();
    }
}

} // namespace rg::ui
