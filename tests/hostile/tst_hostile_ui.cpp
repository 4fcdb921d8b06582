// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Hostile message text in the sidebar's transcript: markup and script shown as the characters
// typed, bidi and control characters neutralised in place, a 1 MB message shown whole.

#include "ui/displaytext.h"
#include "ui/transcriptview.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

using namespace Qt::StringLiterals;
using rg::model::Conversation;
using rg::model::Finding;
using rg::model::Message;
using rg::model::Role;

namespace {

const QString kMarkup = u"<script>alert('x')</script><b>bold</b> <img src=\"file:///etc/passwd\"> "
                        "<a href=\"https://evil.example\">refund here</a> &amp; &lt;i&gt;"_s;

// Whether a fragment of \a document within [from, to) is formatted as an image, bold or a link.
bool hasRichFormatting(const QTextDocument &document, int from, int to)
{
    for (QTextBlock block = document.findBlock(from); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid() || fragment.position() + fragment.length() <= from
                || fragment.position() >= to)
                continue;
            const QTextCharFormat format = fragment.charFormat();
            if (format.isImageFormat() || format.isAnchor() || format.fontWeight() > QFont::Normal)
                return true;
        }
    }
    return false;
}

} // namespace

class TestHostileUi final : public QObject
{
    Q_OBJECT

private slots:
    // HTML and <script> in a customer's message: shown as the literal characters, no markup
    // applied, no image fetched, no link made.
    void markupIsShownAsText();
    // Bidi overrides, isolates and control characters become a visible mark, one for one, so
    // nothing reorders the text around them and offsets still point at the same characters.
    void bidiAndControlsAreNeutralised();
    // A 1 MB message is shown whole, and a finding at its end is highlighted where it is.
    void oneMegabyteMessage();
};

void TestHostileUi::markupIsShownAsText()
{
    rg::ui::TranscriptView view;
    Conversation conversation;
    conversation.messages
        = {Message{Role::Customer, kMarkup, {}}, Message{Role::Agent, u"<i>noted</i>"_s, {}}};
    const QString link = u"https://evil.example"_s;
    const int at = int(kMarkup.indexOf(link));
    const std::vector<Finding> findings{
        {0, u"suspicious_link"_s, u"link"_s, at, at + int(link.size()), link, 0.4}};
    view.sync(conversation, {QDateTime(), QDateTime()}, findings);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QCOMPARE(view.shownTurns(), 2);
    const QString shown = view.toPlainText();
    QVERIFY2(shown.contains(kMarkup), qPrintable(shown));
    QVERIFY(shown.contains(u"<i>noted</i>"_s));
    QVERIFY(!hasRichFormatting(*view.document(), view.textPosition(0),
                               view.textPosition(0) + int(kMarkup.size())));
    QVERIFY(!hasRichFormatting(*view.document(), view.textPosition(1), view.textPosition(1) + 12));
    // The document's own HTML escapes what was typed; nothing in it is a tag from the message.
    const QString html = view.toHtml();
    QVERIFY(!html.contains(u"<script"_s));
    QVERIFY(!html.contains(u"<img"_s));
    QVERIFY(!html.contains(u"href=\"https://evil"_s));
    QVERIFY(html.contains(u"&lt;script&gt;"_s));
}

void TestHostileUi::bidiAndControlsAreNeutralised()
{
    const QString text = u"refund to \u202Emoc.live@ruoy\u202C now \u2066x\u2069"_s + QChar(u'\0')
                         + u"end\u001b[0m"_s;
    rg::ui::TranscriptView view;
    Conversation conversation;
    conversation.messages = {Message{Role::Customer, text, {}}};
    view.sync(conversation, {QDateTime()}, {});
    const int start = view.textPosition(0);
    QVERIFY(start >= 0);
    QTextCursor cursor(view.document());
    cursor.setPosition(start);
    cursor.setPosition(start + int(text.size()), QTextCursor::KeepAnchor);
    const QString shown = cursor.selectedText();
    QCOMPARE(shown.size(), text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool dangerous = rg::ui::isBidiControl(c) || c < 0x20;
        QCOMPARE(shown.at(i), QChar(dangerous ? rg::ui::kNeutralisedMark : c));
    }
}

void TestHostileUi::oneMegabyteMessage()
{
    QString text(1024 * 1024, u'a');
    for (qsizetype i = 79; i < text.size(); i += 80)
        text[i] = u' ';
    const QString cue = u"right now"_s;
    text += u' ' + cue;
    const int cueStart = int(text.size() - cue.size());
    rg::ui::TranscriptView view;
    Conversation conversation;
    conversation.messages = {Message{Role::Customer, text, {}}};
    const std::vector<Finding> findings{
        {0, u"urgency"_s, u"urgency"_s, cueStart, int(text.size()), cue, 0.7}};
    view.sync(conversation, {QDateTime()}, findings);
    QCOMPARE(view.shownTurns(), 1);
    QVERIFY(view.toPlainText().contains(text));
    QTextCursor cursor(view.document());
    cursor.setPosition(view.textPosition(0) + cueStart + 1);
    QCOMPARE(cursor.charFormat().underlineStyle(), QTextCharFormat::SingleUnderline);
    cursor.setPosition(view.textPosition(0) + cueStart - 1);
    QCOMPARE(cursor.charFormat().underlineStyle(), QTextCharFormat::NoUnderline);
}

QTEST_MAIN(TestHostileUi)
#include "tst_hostile_ui.moc"
