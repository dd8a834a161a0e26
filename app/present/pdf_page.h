// What the PDF report and the scenario page share: the font the text is set in, the page
// furniture (heading, footer, page number) and tables. Sizes in device pixels at kPdfDpi.
#pragma once

#include <QColor>
#include <QPainter>
#include <QPdfWriter>
#include <QString>
#include <QStringList>
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

// The CJK font the PDF's text is set in. Qt's PDF writer gives each embedded glyph the
// lowest code point the font maps to it (QFontSubset::getReverseMap), so a font that draws
// 一 and the Kangxi radical ⼀ (U+2F00) with one glyph, as Noto Sans CJK does for 280
// ideographs, makes copied text read ⼀. The first installed family whose ideographs keep
// their own glyphs is used (WenQuanYi Micro Hei, from fonts-wqy-microhei, has no radicals
// at all); Noto Sans CJK SC when none is installed.
QString pdf_font_family();
// True when `family` draws some ideograph with the glyph of a Kangxi radical.
bool shares_radical_glyphs(const QString& family);

// Draws one page's furniture and hands out the body rectangle, in device pixels.
class Pages {
public:
    Pages(QPdfWriter& pdf, QPainter& p, QString footer, int total);

    int mm(double v) const;
    QRect page() const;
    QRect body() const;
    // Sets the painter's font and pen.
    void font(double pt, bool bold = false, QColor color = kInk);
    // Starts a page (the first needs no newPage) with its heading and page number.
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
    QString family_;
};

// A table with columns of relative widths; the first column left-aligned, the rest right;
// the last `bold_last` rows in bold. Returns the y below its last row.
int table(QPainter& p, Pages& pages, QRect area, const QStringList& head, const std::vector<double>& widths,
          const std::vector<QStringList>& rows, int bold_last = 0, double pt = 10);

}  // namespace coopmap::present
