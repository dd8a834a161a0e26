#include "pdf_page.h"

#include <QFont>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QRawFont>
#include <algorithm>
#include <cmath>

namespace coopmap::present {

bool shares_radical_glyphs(const QString& family)
{
    // Ideographs the report prints, and the Kangxi radicals that NFKC folds to them
    // (U+2F00 一, U+2F08 人, U+2F1D 口, U+2F25 女, U+2F2D 山, U+2F54 水, U+2F7C 老).
    static const QString ideographs = QStringLiteral("一人口女山水老");
    static const QString radicals = QStringLiteral("\u2F00\u2F08\u2F1D\u2F25\u2F2D\u2F54\u2F7C");
    const QRawFont raw = QRawFont::fromFont(QFont(family));
    if (!raw.isValid()) return false;
    const auto a = raw.glyphIndexesForString(ideographs);
    const auto b = raw.glyphIndexesForString(radicals);
    for (qsizetype i = 0; i < a.size() && i < b.size(); ++i)
        if (a[i] != 0 && a[i] == b[i]) return true;
    return false;
}

QString pdf_font_family()
{
    static const QString family = [] {
        const QStringList preferred{QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("WenQuanYi Zen Hei"),
                                    QStringLiteral("AR PL UMing CN"), QStringLiteral("Droid Sans Fallback")};
        for (const QString& f : preferred)
            if (QFontDatabase::hasFamily(f) && !shares_radical_glyphs(f)) return f;
        return QStringLiteral("Noto Sans CJK SC");
    }();
    return family;
}

QFont pdf_font(double pt, bool bold)
{
    QFont f(pdf_font_family());
    f.setPointSizeF(pt);
    f.setBold(bold);
    return f;
}

int mm(double v) { return static_cast<int>(std::lround(v / 25.4 * kPdfDpi)); }

TextFit fit_text(QPaintDevice& device, const QFont& font, int width, const QString& text, int align)
{
    const QFontMetricsF fm(font, &device);
    const QRectF room(0, 0, std::max(width, 1), 1e7);
    // Words first (Chinese breaks between any two ideographs); a word wider than the room, such
    // as a long code or file name, at any character.
    TextFit fit{0, align | Qt::TextWordWrap};
    QRectF r = fm.boundingRect(room, fit.flags, text);
    if (r.width() > width) {
        fit.flags = align | Qt::TextWrapAnywhere;
        r = fm.boundingRect(room, fit.flags, text);
    }
    fit.height = static_cast<int>(std::ceil(r.height()));
    return fit;
}

double one_line_pt(QPaintDevice& device, const QString& text, int width, double pt, bool bold, double min_pt)
{
    while (pt > min_pt && QFontMetricsF(pdf_font(pt, bold), &device).horizontalAdvance(text) > width)
        pt = std::max(min_pt, pt - 1);
    return pt;
}

QRect page_rect(const QPdfWriter& pdf) { return QRect(0, 0, pdf.width(), pdf.height()); }

QRect body_rect(const QPdfWriter& pdf)
{
    return page_rect(pdf).adjusted(mm(kMarginMm), mm(kMarginMm + kHeadingMm + 2), -mm(kMarginMm),
                                   -mm(kMarginMm + kFooterMm));
}

Pages::Pages(QPdfWriter& pdf, QPainter& p, QString footer, int total)
    : pdf_(pdf), p_(p), footer_(std::move(footer)), total_(total)
{
}

QRect Pages::page() const { return page_rect(pdf_); }

QRect Pages::body() const { return body_rect(pdf_); }

void Pages::font(double pt, bool bold, QColor color)
{
    p_.setFont(pdf_font(pt, bold));
    p_.setPen(color);
}

void Pages::start(const QString& heading)
{
    if (number_++ > 0) pdf_.newPage();
    furniture();
    const QRect band(mm(kMarginMm), mm(kMarginMm), page().width() - 2 * mm(kMarginMm), mm(kHeadingMm));
    const double pt = one_line_pt(pdf_, heading, band.width(), 18, true, 10);
    font(pt, true);
    const TextFit fit = fit_text(pdf_, pdf_font(pt, true), band.width(), heading, Qt::AlignLeft | Qt::AlignVCenter);
    p_.drawText(band, fit.flags, heading);
    p_.setPen(QPen(kRule, mm(0.4)));
    p_.drawLine(band.left(), band.bottom() + 1, band.right(), band.bottom() + 1);
}

void Pages::startBare()
{
    if (number_++ > 0) pdf_.newPage();
    furniture();
}

void Pages::furniture()
{
    font(9, false, kMuted);
    const QRect foot(mm(kMarginMm), page().height() - mm(kMarginMm), page().width() - 2 * mm(kMarginMm), mm(kFooterMm));
    const QString number = total_ > 1 ? QStringLiteral("第 %1 页 / 共 %2 页").arg(number_).arg(total_) : QString();
    const QFontMetricsF fm(p_.font(), &pdf_);
    // The footer repeats the cover's name: cut short rather than run into the page number.
    const double room = foot.width() - (number.isEmpty() ? 0 : fm.horizontalAdvance(number) + mm(6));
    p_.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(footer_, Qt::ElideRight, room));
    if (!number.isEmpty()) p_.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, number);
}

namespace {

// Space between a cell's text and its row's rules and its column's edges.
constexpr double kCellPadMm = 1.5;

struct Grid {
    std::vector<int> x, w;  // each column's left edge and width
};

Grid columns_in(const Table& t, const QRect& area)
{
    double sum = 0;
    for (const auto& c : t.columns) sum += c.width;
    Grid g;
    double x = area.left();
    for (const auto& c : t.columns) {
        const double w = area.width() * c.width / sum;
        g.x.push_back(static_cast<int>(std::lround(x)));
        x += w;
        g.w.push_back(static_cast<int>(std::lround(x)) - g.x.back());
    }
    return g;
}

bool bold_row(const Table& t, std::size_t i)
{
    return t.rows.size() - i <= static_cast<std::size_t>(std::max(0, t.bold_last));
}

// A row as tall as its tallest cell, and never lower than one line with the padding.
int row_height(QPaintDevice& device, const Table& t, const Grid& g, const QStringList& cells, bool bold)
{
    const QFont font = pdf_font(t.pt, bold);
    const int min_h = mm(7.5 * t.pt / 10);
    int h = 0;
    for (std::size_t c = 0; c < t.columns.size() && c < static_cast<std::size_t>(cells.size()); ++c)
        h = std::max(
            h, fit_text(device, font, g.w[c] - 2 * mm(kCellPadMm), cells[static_cast<qsizetype>(c)], t.columns[c].align)
                   .height);
    return std::max(min_h, h + 2 * mm(kCellPadMm + 0.6 * t.pt / 10));
}

QStringList head_cells(const Table& t)
{
    QStringList head;
    for (const auto& c : t.columns) head << c.head;
    return head;
}

}  // namespace

int TablePage::bottom() const
{
    int y = area.top() + head_height;
    for (int h : heights) y += h;
    return y;
}

std::vector<TablePage> paginate(QPaintDevice& device, const Table& t, QRect first, const std::vector<QRect>& next)
{
    std::vector<TablePage> pages;
    const QStringList head = head_cells(t);
    std::size_t i = 0, sheet = 0, slot = 0;  // the next row; the page and area of `next` it goes in
    QRect area = first;
    while (true) {
        const bool on_first = pages.empty();
        const Grid g = columns_in(t, area);
        TablePage page;
        page.area = area;
        page.sheet = sheet;
        page.begin = i;
        page.head_height = row_height(device, t, g, head, true);
        int y = area.top() + page.head_height;
        while (i < t.rows.size()) {
            const int h = row_height(device, t, g, t.rows[i], bold_row(t, i));
            if (y + h > area.bottom() && (on_first || i > page.begin)) break;
            page.heights.push_back(h);
            y += h;
            ++i;
        }
        // Not even the header and one row in the first area: the table starts in the next.
        if (on_first && i == page.begin && !t.rows.empty()) page.head_height = 0;
        page.end = i;
        pages.push_back(std::move(page));
        if (i >= t.rows.size() || next.empty()) break;
        if (on_first || ++slot == next.size()) {
            ++sheet;
            slot = 0;
        }
        area = next[slot];
    }
    return pages;
}

std::vector<TablePage> paginate(QPaintDevice& device, const Table& t, QRect first, QRect next)
{
    return paginate(device, t, first, std::vector<QRect>{next});
}

std::size_t sheet_count(const std::vector<TablePage>& pages) { return pages.empty() ? 0 : pages.back().sheet + 1; }

void draw_table(QPainter& p, const Table& t, const TablePage& page)
{
    if (page.head_height == 0) return;
    QPaintDevice& device = *p.device();
    const Grid g = columns_in(t, page.area);
    const QRect& area = page.area;
    auto draw_row = [&](int y, int h, const QStringList& cells, bool bold, bool shade) {
        if (shade) p.fillRect(QRect(area.left(), y, area.width(), h), QColor("#f2f4f6"));
        const QFont font = pdf_font(t.pt, bold);
        p.setFont(font);
        p.setPen(kInk);
        for (std::size_t c = 0; c < t.columns.size() && c < static_cast<std::size_t>(cells.size()); ++c) {
            const int pad = mm(kCellPadMm);
            const QString& text = cells[static_cast<qsizetype>(c)];
            const TextFit fit = fit_text(device, font, g.w[c] - 2 * pad, text, t.columns[c].align);
            p.drawText(QRect(g.x[c] + pad, y, g.w[c] - 2 * pad, h), fit.flags | Qt::AlignVCenter, text);
        }
        p.setPen(QPen(kRule, mm(0.2)));
        p.drawLine(area.left(), y + h, area.right(), y + h);
    };
    int y = area.top();
    draw_row(y, page.head_height, head_cells(t), true, true);
    y += page.head_height;
    for (std::size_t i = page.begin; i < page.end; ++i) {
        const int h = page.heights[i - page.begin];
        draw_row(y, h, t.rows[i], bold_row(t, i), false);
        y += h;
    }
}

void draw_table(QPainter& p, const Table& t, const std::vector<TablePage>& pages,
                const std::function<void(std::size_t)>& next_page)
{
    for (std::size_t k = 0; k < pages.size(); ++k) {
        if (k > 0 && pages[k].sheet != pages[k - 1].sheet) next_page(pages[k].sheet);
        draw_table(p, t, pages[k]);
    }
}

}  // namespace coopmap::present
