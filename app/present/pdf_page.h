// What the PDF report and the scenario page share: the font the text is set in, the page
// furniture (heading, footer, page number) and tables. Sizes in device pixels at kPdfDpi.
#pragma once

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace coopmap::present {

inline const QColor kInk("#202428");
inline const QColor kMuted("#6a7078");
inline const QColor kRule("#d0d4d8");
inline const QColor kMet("#2e7d32");
inline const QColor kUnmet("#c62828");
inline const QColor kBar("#1e88e5");
inline constexpr int kPdfDpi = 300;
inline constexpr double kMarginMm = 18;
// A page: the heading in the top margin's first kHeadingMm below it, the footer a band of
// kFooterMm from kMarginMm above the bottom edge down, and the body between, ending
// kFooterMm above the footer so that nothing reaches it.
inline constexpr double kHeadingMm = 12;
inline constexpr double kFooterMm = 8;

// The CJK font the PDF's text is set in. Qt's PDF writer gives each embedded glyph the
// lowest code point the font maps to it (QFontSubset::getReverseMap), so a font that draws
// 一 and the Kangxi radical ⼀ (U+2F00) with one glyph, as Noto Sans CJK does for 280
// ideographs, makes copied text read ⼀. The first installed family whose ideographs keep
// their own glyphs is used (WenQuanYi Micro Hei, from fonts-wqy-microhei, has no radicals
// at all); Noto Sans CJK SC when none is installed.
QString pdf_font_family();
// True when `family` draws some ideograph with the glyph of a Kangxi radical.
bool shares_radical_glyphs(const QString& family);
// pdf_font_family() at a size.
QFont pdf_font(double pt, bool bold = false);

// Millimetres in device pixels at kPdfDpi.
int mm(double v);

// The height `text` takes set in `font` on `device`, wrapped to `width` (at any character
// when a word is wider than that), and the flags that wrap it so: draw it with these flags
// in a rectangle of that width and it stays inside.
struct TextFit {
    int height = 0;
    int flags = 0;
};
TextFit fit_text(QPaintDevice& device, const QFont& font, int width, const QString& text, int align);
// The largest size from `pt` down to `min_pt`, in whole points, at which `text` takes one line
// of at most `width` (`min_pt` when none does: then wrap it with fit_text).
double one_line_pt(QPaintDevice& device, const QString& text, int width, double pt, bool bold, double min_pt);

// Draws one page's furniture and hands out the body rectangle, in device pixels.
class Pages {
public:
    // `total`: the document's page count, printed as 第 n 页 / 共 total 页 when above 1.
    Pages(QPdfWriter& pdf, QPainter& p, QString footer, int total);

    QRect page() const;
    // Below a page's heading, above its footer.
    QRect body() const;
    // Sets the painter's font and pen.
    void font(double pt, bool bold = false, QColor color = kInk);
    // Starts a page (the first needs no newPage) with its heading and page number; a heading
    // wider than the page is set smaller until it fits.
    void start(const QString& heading);
    void startBare();
    int number() const { return number_; }

private:
    void furniture();

    QPdfWriter& pdf_;
    QPainter& p_;
    QString footer_;
    int total_;
    int number_ = 0;
};

// The page rectangle and body of every page of a document made by Pages, before any page is
// drawn (the layout is measured first, so that the page count is known for the footers).
QRect page_rect(const QPdfWriter& pdf);
QRect body_rect(const QPdfWriter& pdf);

// A table on paper. Every table of the report and the scenario page is laid out by
// paginate() and drawn by draw_table(), so none loses a row: each row is as tall as its
// tallest cell wrapped to its column, and a table longer than its space goes on over more
// pages with its header repeated.
struct TableColumn {
    QString head;
    double width = 1;  // relative to the other columns
    int align = Qt::AlignRight;  // Qt::AlignLeft for names, right for figures
};

struct Table {
    std::vector<TableColumn> columns;
    std::vector<QStringList> rows;
    int bold_last = 0;  // the last rows in bold (totals)
    double pt = 10;
};

// The rows [begin, end) of a table that go in `area` (one page's part of it, or one of the
// columns a page holds side by side), with the header above them; the measured heights of
// the header and of each of those rows; `sheet`: the page it is on, 0 the table's first.
struct TablePage {
    std::size_t begin = 0, end = 0;
    QRect area;
    std::size_t sheet = 0;
    int head_height = 0;
    std::vector<int> heights;
    int bottom() const;  // y below the last row drawn
};

// Splits `table` by measured row height (on `device`, the PDF being written): rows go into
// `first` as long as they fit above its bottom, then into the areas of `next` in turn, as
// many further pages as it takes (one area: the page's body; several: columns side by side).
// An area of `next` always takes at least one row; `first` may take none when not even one
// fits (its TablePage is then empty and draws nothing). An empty table is one header.
std::vector<TablePage> paginate(QPaintDevice& device, const Table& table, QRect first, const std::vector<QRect>& next);
std::vector<TablePage> paginate(QPaintDevice& device, const Table& table, QRect first, QRect next);
// The pages a paginated table spans.
std::size_t sheet_count(const std::vector<TablePage>& pages);

// Draws one area's part of a table: the shaded header, then its rows.
void draw_table(QPainter& p, const Table& table, const TablePage& page);

// Draws a paginated table; before the first area of each page after the table's first,
// `next_page(sheet)` starts the page (pages.start(...)).
void draw_table(QPainter& p, const Table& table, const std::vector<TablePage>& pages,
                const std::function<void(std::size_t)>& next_page);

}  // namespace coopmap::present
