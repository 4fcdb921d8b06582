// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/displaytext.h"

#include <QTest>
#include <QTextDocument>

using namespace rg::ui;

class TstDisplayText : public QObject
{
    Q_OBJECT

private slots:
    void neutralisesBidiAndControls_data();
    void neutralisesBidiAndControls();
    void keepsOrdinaryText();
    void utf16OffsetCountsCodePoints();
    void toolTipsShowTextAsWritten_data();
    void toolTipsShowTextAsWritten();
};

namespace {

// What a tooltip shows: Qt renders it as rich text when Qt::mightBeRichText says it looks like
// markup (QToolTip, and the item views through QStyledItemDelegate::helpEvent), else as is.
QString shownAsToolTip(const QString &toolTip)
{
    if (!Qt::mightBeRichText(toolTip))
        return toolTip;
    QTextDocument document;
    document.setHtml(toolTip);
    return document.toPlainText();
}

} // namespace

void TstDisplayText::neutralisesBidiAndControls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const QString mark{QChar(kNeutralisedMark)};
    QTest::newRow("RLO") << QStringLiteral("pay to \u202Elapyap\u202C now")
                         << QStringLiteral("pay to %1lapyap%1 now").arg(mark);
    QTest::newRow("isolates") << QStringLiteral("a\u2066b\u2067c\u2068d\u2069")
                              << QStringLiteral("a%1b%1c%1d%1").arg(mark);
    QTest::newRow("marks") << QStringLiteral("x\u200Ey\u200Fz\u061C")
                           << QStringLiteral("x%1y%1z%1").arg(mark);
    QTest::newRow("controls") << QStringLiteral("a\u0000b\u001Bc\u0085d\u2028e")
                              << QStringLiteral("a%1b%1c%1d%1e").arg(mark);
}

// Scenario: a customer hides a right-to-left override inside evidence; the text shown has the
// same length (offsets still hold) but no control left that could reorder it.
void TstDisplayText::neutralisesBidiAndControls()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QString safe = displaySafe(text);
    QCOMPARE(safe, expected);
    QCOMPARE(safe.size(), text.size());
}

void TstDisplayText::keepsOrdinaryText()
{
    const QString text = QStringLiteral("Hola, ¿dónde está?\tשלום עולם\n<b>bold</b> 😀");
    QCOMPARE(displaySafe(text), text);
}

void TstDisplayText::utf16OffsetCountsCodePoints()
{
    const QString text = QStringLiteral("a😀b😀c");
    QCOMPARE(utf16Offset(text, 0), 0);
    QCOMPARE(utf16Offset(text, 1), 1);
    QCOMPARE(utf16Offset(text, 2), 3);
    QCOMPARE(utf16Offset(text, 3), 4);
    QCOMPARE(utf16Offset(text, 5), 7);
    QCOMPARE(utf16Offset(text, 99), text.size());
}

void TstDisplayText::toolTipsShowTextAsWritten_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("where is my parcel");
    QTest::newRow("bold") << QStringLiteral("<b>now</b> or never");
    QTest::newRow("link and image") << QStringLiteral(
        "see <a href=\"http://evil.example\">here</a> <img src=\"file:///etc/passwd\">");
    QTest::newRow("escaped entity") << QStringLiteral("&lt;b&gt; is how you write <b>");
    QTest::newRow("bare ampersand") << QStringLiteral("Smith &amp; Sons");
    QTest::newRow("second line") << QStringLiteral("first line\n<i>second</i>");
}

// Scenario: customer text with markup or entities ends up in a tooltip; it reads exactly as
// typed, never bold, linked, an image, or with an entity decoded.
void TstDisplayText::toolTipsShowTextAsWritten()
{
    QFETCH(QString, text);
    QCOMPARE(shownAsToolTip(plainToolTip(text)), text);
    QCOMPARE(plainToolTip(QString()), QString());
    QCOMPARE(shownAsToolTip(plainToolTip(u"a\u202Eb")), QStringLiteral("a\uFFFDb"));
}

QTEST_MAIN(TstDisplayText)
#include "tst_displaytext.moc"
