// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/report.h"

#include "audit/auditrecord.h"
#include "model/csv.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QIODevice>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numeric>

namespace rg::review {

using namespace Qt::StringLiterals;
using model::csvNumber;
using model::csvText;

namespace {

// --- PDF layout --------------------------------------------------------------------------------

constexpr int kDpi = 300;
constexpr int kChartColours = 7; // the 7 busiest policies get a colour; the rest are "other"

double pt(double points)
{
    return points * kDpi / 72.0;
}

// Okabe-Ito: told apart with the common colour-vision deficiencies.
const std::array<QColor, kChartColours + 1> kPalette
    = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
       QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
       QColor(0xF0, 0xE4, 0x42), QColor(0x99, 0x99, 0x99)};
const QColor kInk(0x22, 0x22, 0x22);
const QColor kGrid(0xDD, 0xDD, 0xDD);
const QColor kBand(0xD9, 0xD9, 0xD9);

// Whole UTC days read as days, the last one included: "2026-10-05 to 2026-11-01".
QString periodText(const Period &period)
{
    const auto midnight = [](const QDateTime &time) { return time.toUTC().time() == QTime(0, 0); };
    if (period.from.isValid() && period.to.isValid() && midnight(period.from) && midnight(period.to)) {
        return period.from.toUTC().date().toString(Qt::ISODate) + u" to "_s
               + period.to.toUTC().date().addDays(-1).toString(Qt::ISODate);
    }
    return (period.from.isValid() ? audit::formatTime(period.from) : u"start of the log"_s)
           + u" to "_s + (period.to.isValid() ? audit::formatTime(period.to) : u"end of the log"_s);
}

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + u'%';
}

// A tick step of 1, 2 or 5 times a power of ten that gives about \a ticks ticks up to \a max.
double tickStep(double max, int ticks)
{
    const double raw = std::max(max, 1.0) / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double nice : {1.0, 2.0, 5.0}) {
        if (nice * magnitude >= raw)
            return nice * magnitude;
    }
    return 10.0 * magnitude;
}

enum class Mark { Box, Line, Dot };

struct LegendEntry
{
    QString label;
    QColor colour;
    Mark mark = Mark::Box;
};

// Qt shapes without ligatures when letters are spaced: an "fi" glyph would read back as U+FB01,
// and "verified" could then not be found in the PDF. The spacing itself is invisible.
QFont reportFont(double points, bool bold = false)
{
    QFont font;
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
    return font;
}

// Metrics at the PDF's resolution, not the screen's.
QFontMetricsF metricsOf(const QPainter &painter, double points)
{
    return QFontMetricsF(reportFont(points), painter.device());
}

void drawMark(QPainter &painter, Mark mark, const QRectF &box, const QColor &colour)
{
    switch (mark) {
    case Mark::Box:
        painter.fillRect(box, colour);
        break;
    case Mark::Line:
        painter.setPen(QPen(colour, pt(1.2)));
        painter.drawLine(QPointF(box.left(), box.center().y()),
                         QPointF(box.right(), box.center().y()));
        break;
    case Mark::Dot:
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(box.center(), pt(2.8), pt(2.8));
        painter.setBrush(Qt::NoBrush);
        break;
    }
}

// The legend's height when laid out in rows across \a width.
double legendHeight(const QPainter &painter, const QList<LegendEntry> &entries, double width)
{
    const QFontMetricsF metrics = metricsOf(painter, 7.5);
    double x = 0.0;
    int rows = entries.isEmpty() ? 0 : 1;
    for (const LegendEntry &entry : entries) {
        const double w = pt(14) + metrics.horizontalAdvance(entry.label) + pt(10);
        if (x > 0.0 && x + w > width) {
            ++rows;
            x = 0.0;
        }
        x += w;
    }
    return rows * pt(12);
}

void drawLegend(QPainter &painter, const QList<LegendEntry> &entries, const QRectF &area)
{
    painter.setFont(reportFont(7.5));
    const QFontMetricsF metrics = metricsOf(painter, 7.5);
    QPointF at = area.topLeft();
    for (const LegendEntry &entry : entries) {
        const double w = pt(14) + metrics.horizontalAdvance(entry.label) + pt(10);
        if (at.x() > area.left() && at.x() + w > area.right())
            at = QPointF(area.left(), at.y() + pt(12));
        drawMark(painter, entry.mark, QRectF(at.x(), at.y() + pt(2.5), pt(10), pt(7)),
                 entry.colour);
        painter.setPen(kInk);
        painter.drawText(QRectF(at.x() + pt(14), at.y(), w, pt(12)),
                         Qt::AlignLeft | Qt::AlignVCenter, entry.label);
        at.rx() += w;
    }
}

// Title above, legend below, the axis labels at the left and bottom; returns the plot area.
QRectF drawFrame(QPainter &painter, const QRectF &area, const QString &title, const QString &xLabel,
                 const QString &yLabel, const QList<LegendEntry> &legend, double leftGutter)
{
    painter.setPen(kInk);
    painter.setFont(reportFont(10, true));
    painter.drawText(QRectF(area.left(), area.top(), area.width(), pt(16)), Qt::AlignLeft, title);
    const double legendH = legendHeight(painter, legend, area.width());
    drawLegend(painter, legend,
               QRectF(area.left(), area.bottom() - legendH, area.width(), legendH));
    painter.setFont(reportFont(8));
    const QRectF plot(area.left() + leftGutter, area.top() + pt(22),
                      area.width() - leftGutter - pt(8), area.height() - pt(22) - legendH - pt(34));
    painter.setPen(kInk);
    painter.drawText(QRectF(plot.left(), plot.bottom() + pt(14), plot.width(), pt(12)),
                     Qt::AlignHCenter, xLabel);
    if (!yLabel.isEmpty()) {
        painter.save();
        painter.translate(area.left(), plot.center().y());
        painter.rotate(-90);
        painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), pt(12)), Qt::AlignHCenter,
                         yLabel);
        painter.restore();
    }
    return plot;
}

// Horizontal grid lines with their values at the left of \a plot, for 0 .. max.
void drawValueAxisY(QPainter &painter, const QRectF &plot, double max, double step)
{
    painter.setFont(reportFont(7));
    for (int i = 0; i * step <= max + step / 2; ++i) {
        const double v = i * step;
        const double y = plot.bottom() - v / max * plot.height();
        painter.setPen(QPen(kGrid, pt(0.5)));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(kInk);
        painter.drawText(QRectF(plot.left() - pt(40), y - pt(6), pt(36), pt(12)),
                         Qt::AlignRight | Qt::AlignVCenter, QString::number(v, 'g', 6));
    }
}

// Vertical grid lines with their labels below \a plot, for 0 .. max.
void drawValueAxisX(QPainter &painter, const QRectF &plot, double max, double step,
                    const std::function<QString(double)> &label)
{
    painter.setFont(reportFont(7));
    for (int i = 0; i * step <= max + step / 2; ++i) {
        const double v = i * step;
        const double x = plot.left() + v / max * plot.width();
        painter.setPen(QPen(kGrid, pt(0.5)));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(kInk);
        painter.drawText(QRectF(x - pt(20), plot.bottom() + pt(2), pt(40), pt(12)),
                         Qt::AlignHCenter, label(v));
    }
}

// Overrides per day, stacked by policy; days without overrides stay in as gaps.
void paintPerDay(QPainter &painter, const QRectF &area, const ReviewSummary &summary)
{
    QStringList coloured;
    for (const auto &[policy, count] : summary.topPolicies) {
        if (coloured.size() < kChartColours)
            coloured.append(policy);
    }
    QList<LegendEntry> legend;
    for (qsizetype i = 0; i < coloured.size(); ++i)
        legend.append({coloured.at(i), kPalette.at(i)});
    bool other = false;
    QMap<QDate, QList<double>> stacks; // day -> count per colour
    for (const PolicyDayCount &count : summary.perDayByPolicy) {
        qsizetype colour = coloured.indexOf(count.policy);
        if (colour < 0) {
            colour = kChartColours;
            other = true;
        }
        QList<double> &stack = stacks[count.day];
        stack.resize(kChartColours + 1);
        stack[colour] += double(count.overrides);
    }
    if (other)
        legend.append({u"other policies"_s, kPalette.at(kChartColours)});
    const QRectF plot = drawFrame(painter, area, u"Overrides per day, by policy"_s, u"day (UTC)"_s,
                                  u"overrides"_s, legend, pt(52));
    if (stacks.isEmpty())
        return;
    double max = 0.0;
    for (const QList<double> &stack : std::as_const(stacks))
        max = std::max(max, std::accumulate(stack.cbegin(), stack.cend(), 0.0));
    const double step = tickStep(max, 5);
    max = std::ceil(max / step) * step;
    drawValueAxisY(painter, plot, max, step);
    const QDate first = stacks.firstKey();
    const auto days = first.daysTo(stacks.lastKey()) + 1;
    const double band = plot.width() / double(days);
    const QFontMetricsF metrics = metricsOf(painter, 7);
    const auto labelEvery = qint64(std::ceil(metrics.horizontalAdvance(u"00-00 "_s) / band));
    for (qint64 d = 0; d < days; ++d) {
        const QDate day = first.addDays(d);
        const double x = plot.left() + double(d) * band;
        double y = plot.bottom();
        const QList<double> stack = stacks.value(day);
        for (qsizetype c = 0; c < stack.size(); ++c) {
            const double h = stack.at(c) / max * plot.height();
            painter.fillRect(QRectF(x + band * 0.15, y - h, band * 0.7, h), kPalette.at(c));
            y -= h;
        }
        if (d % labelEvery == 0) {
            painter.setPen(kInk);
            painter.drawText(QRectF(x - band, plot.bottom() + pt(2), band * 3, pt(12)),
                             Qt::AlignHCenter, day.toString(u"MM-dd"_s));
        }
    }
    painter.setPen(QPen(kInk, pt(0.7)));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
}

// The most overridden policies as horizontal bars, with their counts.
void paintTopPolicies(QPainter &painter, const QRectF &area, const ReviewSummary &summary)
{
    const QFontMetricsF metrics = metricsOf(painter, 7.5);
    double labelWidth = 0.0;
    for (const auto &[policy, count] : summary.topPolicies)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(policy));
    labelWidth = std::min(labelWidth, area.width() * 0.4);
    const QRectF plot
        = drawFrame(painter, area, u"Most overridden policies"_s, u"overrides in the period"_s, {},
                    {{u"overrides of the policy"_s, kPalette.at(0)}}, labelWidth + pt(8));
    if (summary.topPolicies.isEmpty())
        return;
    double max = double(summary.topPolicies.first().second);
    const double step = tickStep(max, 5);
    max = std::ceil(max / step) * step;
    drawValueAxisX(painter, plot, max, step, [](double v) { return QString::number(v, 'g', 6); });
    const double row = plot.height() / double(summary.topPolicies.size());
    painter.setFont(reportFont(7.5));
    for (qsizetype i = 0; i < summary.topPolicies.size(); ++i) {
        const auto &[policy, count] = summary.topPolicies.at(i);
        const double y = plot.top() + double(i) * row;
        const double w = double(count) / max * plot.width();
        painter.fillRect(QRectF(plot.left(), y + row * 0.15, w, row * 0.7), kPalette.at(0));
        painter.setPen(kInk);
        painter.drawText(QRectF(area.left(), y, labelWidth, row), Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(policy, Qt::ElideMiddle, labelWidth));
        painter.drawText(QRectF(plot.left() + w + pt(3), y, pt(40), row), Qt::AlignVCenter,
                         QString::number(count));
    }
}

// Each agent's high-risk share as a dot on its Wilson interval, over the team's band.
void paintShares(QPainter &painter, const QRectF &area, const QList<AgentShare> &shares,
                 const QString &title)
{
    const QFontMetricsF metrics = metricsOf(painter, 7);
    double labelWidth = 0.0;
    for (const AgentShare &share : shares)
        labelWidth
            = std::max(labelWidth, metrics.horizontalAdvance(share.agent + u"  "_s + share.team));
    labelWidth = std::min(labelWidth, area.width() * 0.35);
    const QColor above = kPalette.at(5);
    const QRectF plot = drawFrame(
        painter, area, title, u"share of the agent's overrides that were high-risk"_s, {},
        {{u"team band (10th-90th percentile of its agents)"_s, kBand, Mark::Box},
         {u"Wilson 95% interval"_s, kInk, Mark::Line},
         {u"share"_s, kPalette.at(0), Mark::Dot},
         {u"share whose interval clears the band"_s, above, Mark::Dot}},
        labelWidth + pt(8));
    drawValueAxisX(painter, plot, 1.0, 0.2, [](double v) { return percent(v); });
    const double row = plot.height() / double(std::max<qsizetype>(shares.size(), 1));
    const auto x = [&](double share) { return plot.left() + share * plot.width(); };
    painter.setFont(reportFont(7));
    for (qsizetype i = 0; i < shares.size(); ++i) {
        const AgentShare &share = shares.at(i);
        const double top = plot.top() + double(i) * row;
        const double mid = top + row / 2;
        painter.fillRect(QRectF(x(share.teamLow), top + row * 0.1,
                                std::max(x(share.teamHigh) - x(share.teamLow), pt(0.8)), row * 0.8),
                         kBand);
        painter.setPen(QPen(kInk, pt(0.8)));
        painter.drawLine(QPointF(x(share.low), mid), QPointF(x(share.high), mid));
        for (const double end : {share.low, share.high})
            painter.drawLine(QPointF(x(end), mid - row * 0.2), QPointF(x(end), mid + row * 0.2));
        drawMark(painter, Mark::Dot, QRectF(x(share.share) - row / 2, top, row, row),
                 share.low > share.teamHigh ? above : kPalette.at(0));
        painter.setPen(kInk);
        painter.drawText(
            QRectF(area.left(), top, labelWidth, row), Qt::AlignRight | Qt::AlignVCenter,
            metrics.elidedText(share.agent + u"  "_s + share.team, Qt::ElideMiddle, labelWidth));
    }
}

// --- PDF text ----------------------------------------------------------------------------------

// Use me to build a text section; every text goes in as plain text, never as markup, since
// agents and customers wrote some of it.
class Section final
{
public:
    explicit Section(QPaintDevice *device)
    {
        m_document.documentLayout()->setPaintDevice(device);
        m_document.setDocumentMargin(0);
        m_document.setDefaultFont(reportFont(9.5));
        m_cursor = QTextCursor(&m_document);
    }

    QTextDocument &document() { return m_document; }

    void heading(const QString &text, double points)
    {
        QTextCharFormat format;
        format.setFontPointSize(points);
        format.setFontWeight(QFont::Bold);
        QTextBlockFormat block;
        block.setTopMargin(m_first ? 0 : pt(6));
        block.setBottomMargin(pt(3));
        insertBlock(block, format, text);
    }

    void paragraph(const QString &text, double indent = 0.0, bool bold = false)
    {
        QTextCharFormat format;
        format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
        QTextBlockFormat block;
        block.setLeftMargin(indent);
        block.setBottomMargin(pt(2));
        insertBlock(block, format, text);
    }

    void table(const QList<std::pair<QString, QString>> &rows)
    {
        QTextTableFormat format;
        format.setBorderStyle(QTextFrameFormat::BorderStyle_None);
        format.setCellPadding(pt(1.5));
        format.setTopMargin(pt(4));
        format.setWidth(QTextLength(QTextLength::PercentageLength, 80));
        QTextTable *table = m_cursor.insertTable(int(rows.size()), 2, format);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            table->cellAt(int(i), 0).firstCursorPosition().insertText(rows.at(i).first);
            QTextCursor value = table->cellAt(int(i), 1).firstCursorPosition();
            QTextBlockFormat right;
            right.setAlignment(Qt::AlignRight);
            value.setBlockFormat(right);
            value.insertText(rows.at(i).second);
        }
        m_cursor.movePosition(QTextCursor::End);
        m_first = false;
    }

private:
    void insertBlock(const QTextBlockFormat &block, const QTextCharFormat &format,
                     const QString &text)
    {
        if (m_first)
            m_cursor.setBlockFormat(block);
        else
            m_cursor.insertBlock(block);
        m_cursor.setCharFormat(format);
        m_cursor.insertText(text);
        m_first = false;
    }

    QTextDocument m_document;
    QTextCursor m_cursor;
    bool m_first = true;
};

// Where a page may end in \a document: the tops of its paragraphs and tables, so that none is
// split across pages (QTextDocument's own pagination splits paragraphs).
QList<double> breakPoints(QTextDocument &document)
{
    QList<double> tops;
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    for (auto it = document.rootFrame()->begin(); !it.atEnd(); ++it) {
        if (QTextFrame *frame = it.currentFrame())
            tops.append(layout->frameBoundingRect(frame).top());
        else
            tops.append(layout->blockBoundingRect(it.currentBlock()).top());
    }
    std::sort(tops.begin(), tops.end());
    return tops;
}

// Use me to lay sections and charts out top to bottom across pages, with a page-numbered footer.
class Pages final
{
public:
    explicit Pages(QPdfWriter &writer)
        : m_writer(writer)
        , m_painter(&writer)
    {
        m_area = QRectF(0, 0, writer.width(), writer.height() - pt(18));
        drawFooter();
    }

    bool ok() const { return m_painter.isActive(); }
    QPainter &painter() { return m_painter; }
    double pageHeight() const { return m_area.height(); }

    // Room of \a height at the current position, on a new page when the current one is too full.
    QRectF take(double height)
    {
        if (m_y > 0.0 && m_y + height > m_area.height())
            newPage();
        const QRectF rect(m_area.left(), m_y, m_area.width(), height);
        m_y += height + pt(14);
        return rect;
    }

    // Draws \a document from the current position on, continuing on new pages as needed.
    void flow(QTextDocument &document)
    {
        document.setTextWidth(m_area.width());
        const double height = document.size().height();
        const QList<double> breaks = breakPoints(document);
        double start = 0.0;
        while (start < height) {
            const double room = m_area.height() - m_y;
            double end = height;
            if (start + room < height) {
                // The last paragraph or table that starts on this page ends the slice before it.
                const auto next = std::upper_bound(breaks.cbegin(), breaks.cend(), start + room);
                end = next == breaks.cbegin() ? start : *std::prev(next);
                if (end <= start) {
                    if (m_y > 0.0) {
                        newPage();
                        continue;
                    }
                    end = start + room; // taller than a page: cut it where the page ends
                }
            }
            m_painter.save();
            m_painter.translate(0, m_y - start);
            // The layout draws every paragraph that touches the clip, and a clipped line still
            // lands in the PDF's text: keep the neighbours' edges out.
            document.drawContents(&m_painter,
                                  QRectF(0, start + 1, m_area.width(), end - start - 2));
            m_painter.restore();
            m_y += end - start;
            start = end;
            if (start < height)
                newPage();
        }
        m_y += pt(14);
    }

private:
    void newPage()
    {
        m_writer.newPage();
        ++m_page;
        m_y = 0.0;
        drawFooter();
    }

    void drawFooter()
    {
        m_painter.setPen(kInk);
        m_painter.setFont(reportFont(7.5));
        m_painter.drawText(QRectF(0, m_area.bottom() + pt(6), m_area.width(), pt(12)),
                           Qt::AlignRight, u"Refund Guard review report, page %1"_s.arg(m_page));
    }

    QPdfWriter &m_writer;
    QPainter m_painter;
    QRectF m_area;
    double m_y = 0.0;
    int m_page = 1;
};

QString verificationLine(const audit::VerifyProblem &problem)
{
    return u"chain %1 broken at seq %2: %3"_s.arg(problem.chainId)
        .arg(problem.seq)
        .arg(problem.what);
}

void writeFront(Section &section, const ReportInput &input)
{
    const ReviewSummary &s = input.summary;
    section.heading(u"Refund Guard: override review"_s, 16);
    section.paragraph(u"Period (UTC): "_s + periodText(s.period));
    section.paragraph(u"Generated: "_s + audit::formatTime(input.generatedAt));
    section.heading(u"Summary"_s, 12);
    QList<std::pair<QString, QString>> rows = {
        {u"Overrides"_s, QString::number(s.overrides)},
        {u"High-risk overrides"_s,
         u"%1 (%2)"_s.arg(s.highRisk)
             .arg(percent(s.overrides ? double(s.highRisk) / double(s.overrides) : 0.0))},
        {u"Agents with overrides"_s, QString::number(s.agents)},
        {u"Outliers (agents with a flag)"_s, QString::number(flaggedAgents(input.outliers).size())},
        {u"Not yet dispositioned"_s, QString::number(s.undisposed)}};
    for (auto it = s.dispositions.cbegin(); it != s.dispositions.cend(); ++it)
        rows.append({u"Dispositioned "_s + dispositionName(it.key()), QString::number(it.value())});
    for (auto it = s.amounts.cbegin(); it != s.amounts.cend(); ++it) {
        rows.append(
            {u"Amount overridden"_s, QString::number(it.value(), 'f', 2) + u' '
                                         + (it.key().isEmpty() ? u"(no currency)"_s : it.key())});
    }
    rows.append({u"Records left out (unreadable, no agent, unusable disposition)"_s,
                 QString::number(s.skipped.records())});
    rows.append({u"Overrides without a risk level"_s, QString::number(s.skipped.noRisk)});
    section.table(rows);

    const audit::VerifyReport &v = input.verification;
    section.heading(u"Chain verification"_s, 12);
    if (v.ok()) {
        section.paragraph(
            u"verified: %1 records in %2 chains (%3 signed checkpoints)"_s.arg(v.records)
                .arg(v.chains)
                .arg(v.checkpoints));
    } else {
        section.paragraph(
            u"NOT verified: %1 problem(s) in %2 records of %3 chains"_s.arg(v.problems.size())
                .arg(v.records)
                .arg(v.chains),
            0.0, true);
        for (const audit::VerifyProblem &problem : v.problems)
            section.paragraph(verificationLine(problem), pt(12));
    }
}

QString rateText(const AgentFigures &agent, double rate)
{
    return QString::number(rate, 'f', 3)
           + (agent.denominator == Denominator::Contacts ? u" per contact"_s
                                                         : u" per active day"_s);
}

void writeOutliers(Section &section, const OutlierReport &report)
{
    section.heading(u"Outliers"_s, 12);
    const QList<AgentFigures> flagged = flaggedAgents(report);
    if (flagged.isEmpty()) {
        section.paragraph(u"No agent stands out from their team in the period."_s);
        return;
    }
    int rank = 0;
    for (const AgentFigures &agent : flagged) {
        section.paragraph(u"%1. %2 (%3), score %4"_s.arg(++rank)
                              .arg(agent.agent, agent.team.isEmpty() ? u"no team"_s : agent.team)
                              .arg(agent.score, 0, 'f', 2),
                          0.0, true);
        section.paragraph(
            u"%1 overrides, %2 high-risk; rate %3 (95%: %4 to %5), team band %6; fraud share %7"_s
                .arg(agent.overrides)
                .arg(agent.highRiskOverrides)
                .arg(rateText(agent, agent.rate), QString::number(agent.rateLow, 'f', 3),
                     QString::number(agent.rateHigh, 'f', 3),
                     agent.teamBand ? QString::number(agent.teamBand.value_or(0.0), 'f', 3)
                                    : u"none"_s,
                     percent(agent.fraudShare)),
            pt(12));
        for (const Flag &flag : agent.flags)
            section.paragraph(u"["_s + flag.id + u"] "_s + flag.explanation, pt(12));
    }
}

} // namespace

QList<AgentFigures> flaggedAgents(const OutlierReport &report)
{
    QList<AgentFigures> flagged;
    std::copy_if(report.agents.cbegin(), report.agents.cend(), std::back_inserter(flagged),
                 [](const AgentFigures &agent) { return !agent.flags.isEmpty(); });
    return flagged;
}

/*!
 * Writes \a facts' overrides to \a out as CSV (RFC 4180, UTF-8, CRLF line ends, a header row),
 * one row per override in time order. Text from the record that starts like a formula gets a
 * leading apostrophe; numbers are written as they are.
 */
Result<bool> writeCsv(const AuditFacts &facts, QIODevice &out)
{
    const auto write = [&](const QStringList &cells) {
        const QByteArray line = cells.join(u',').toUtf8() + "\r\n";
        return out.write(line) == line.size();
    };
    if (!write({u"time"_s, u"chain"_s, u"seq"_s, u"agent"_s, u"team"_s, u"case"_s, u"action"_s,
                u"amount"_s, u"currency"_s, u"limit"_s, u"policies"_s, u"risk_score"_s,
                u"risk_level"_s, u"reason_category"_s, u"disposition"_s})) {
        return Error{u"cannot write the CSV: "_s + out.errorString()};
    }
    for (const OverrideFact &fact : facts.overrides) {
        const bool written = write(
            {audit::formatTime(fact.time), csvText(fact.chainId), QString::number(fact.seq),
             csvText(fact.agent), csvText(fact.team), csvText(fact.caseId), csvText(fact.action),
             csvNumber(fact.amount), csvText(fact.currency), csvNumber(fact.limit),
             csvText(fact.policies.join(u';')), csvNumber(fact.riskScore), csvText(fact.riskLevel),
             csvText(fact.reasonCategory),
             fact.disposition ? dispositionName(fact.disposition.value_or(Disposition::Justified))
                              : QString()});
        if (!written)
            return Error{u"cannot write the CSV: "_s + out.errorString()};
    }
    return true;
}

/*!
 * Writes the report of \a input to \a out as an A4 PDF: the summary figures and the chain
 * verification, the three charts (overrides per day by policy, the most overridden policies,
 * each agent's high-risk share against the team band), then the outliers with each flag's
 * sentence. Needs a QGuiApplication for the fonts.
 */
Result<bool> writePdf(const ReportInput &input, QIODevice &out)
{
    QPdfWriter writer(&out);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(18, 18, 18, 14), QPageLayout::Millimeter));
    writer.setTitle(u"Refund Guard override review, "_s + periodText(input.summary.period));
    writer.setCreator(u"refundguard-cli review report"_s);
    Pages pages(writer);
    if (!pages.ok())
        return Error{u"cannot start the PDF: "_s + out.errorString()};
    QPainter &painter = pages.painter();
    painter.setRenderHint(QPainter::Antialiasing);

    Section front(&writer);
    writeFront(front, input);
    pages.flow(front.document());

    const ReviewSummary &summary = input.summary;
    paintPerDay(painter, pages.take(pt(250)), summary);
    const double policyRows = double(std::max<qsizetype>(summary.topPolicies.size(), 1));
    paintTopPolicies(painter, pages.take(pt(90) + policyRows * pt(16)), summary);

    // A page holds this many agents' rows; more continue on the next page.
    const double rowHeight = pt(13);
    const double overhead = pt(130);
    const auto perPage
        = std::max<qsizetype>(1, qsizetype((pages.pageHeight() - overhead) / rowHeight));
    const QList<AgentShare> &shares = summary.highRiskShares;
    for (qsizetype from = 0; from < std::max<qsizetype>(shares.size(), 1); from += perPage) {
        const QList<AgentShare> part = shares.mid(from, perPage);
        const QString title = from == 0 ? u"High-risk share per agent"_s
                                        : u"High-risk share per agent (continued)"_s;
        paintShares(painter,
                    pages.take(overhead + double(std::max<qsizetype>(part.size(), 1)) * rowHeight),
                    part, title);
    }

    Section outliers(&writer);
    writeOutliers(outliers, input.outliers);
    pages.flow(outliers.document());
    if (!painter.end())
        return Error{u"cannot write the PDF: "_s + out.errorString()};
    return true;
}

} // namespace rg::review
