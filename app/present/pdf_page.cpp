#include "pdf_page.h"

#include <QFont>
#include <QFontDatabase>
#include <QRawFont>
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

Pages::Pages(QPdfWriter& pdf, QPainter& p, QString footer, int total)
    : pdf_(pdf), p_(p), footer_(std::move(footer)), total_(total), family_(pdf_font_family())
{
}

int Pages::mm(double v) const { return static_cast<int>(std::lround(v / 25.4 * kPdfDpi)); }

QRect Pages::page() const { return QRect(0, 0, pdf_.width(), pdf_.height()); }

QRect Pages::body() const
{
    return page().adjusted(mm(kMarginMm), mm(kMarginMm + 14), -mm(kMarginMm), -mm(kMarginMm + 8));
}

void Pages::font(double pt, bool bold, QColor color)
{
    QFont f(family_);
    f.setPointSizeF(pt);
    f.setBold(bold);
    p_.setFont(f);
    p_.setPen(color);
}

void Pages::start(const QString& heading)
{
    if (number_++ > 0) pdf_.newPage();
    furniture();
    font(18, true);
    p_.drawText(QRect(mm(kMarginMm), mm(kMarginMm), page().width() - 2 * mm(kMarginMm), mm(12)),
                Qt::AlignLeft | Qt::AlignVCenter, heading);
    p_.setPen(QPen(kRule, mm(0.4)));
    p_.drawLine(mm(kMarginMm), mm(kMarginMm + 12), page().width() - mm(kMarginMm), mm(kMarginMm + 12));
}

void Pages::startBare()
{
    if (number_++ > 0) pdf_.newPage();
    furniture();
}

void Pages::furniture()
{
    font(9, false, kMuted);
    const QRect foot(mm(kMarginMm), page().height() - mm(kMarginMm), page().width() - 2 * mm(kMarginMm), mm(8));
    p_.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, footer_);
    if (total_ > 1)
        p_.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("第 %1 页 / 共 %2 页").arg(number_).arg(total_));
}

int table(QPainter& p, Pages& pages, QRect area, const QStringList& head, const std::vector<double>& widths,
          const std::vector<QStringList>& rows, int bold_last, double pt)
{
    const int row_h = pages.mm(7.5 * pt / 10);
    double sum = 0;
    for (double w : widths) sum += w;
    auto draw_row = [&](int y, const QStringList& cells, bool bold, bool shade) {
        if (shade) p.fillRect(QRect(area.left(), y, area.width(), row_h), QColor("#f2f4f6"));
        pages.font(pt, bold);
        double x = area.left();
        for (int c = 0; c < cells.size() && c < static_cast<int>(widths.size()); ++c) {
            const int w = static_cast<int>(area.width() * widths[c] / sum);
            const QRect cell(static_cast<int>(x) + pages.mm(1), y, w - pages.mm(2), row_h);
            p.drawText(cell, (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, cells[c]);
            x += w;
        }
        p.setPen(QPen(kRule, pages.mm(0.2)));
        p.drawLine(area.left(), y + row_h, area.right(), y + row_h);
    };
    int y = area.top();
    draw_row(y, head, true, true);
    y += row_h;
    for (std::size_t i = 0; i < rows.size(); ++i, y += row_h)
        draw_row(y, rows[i], static_cast<int>(rows.size() - i) <= bold_last, false);
    return y;
}

}  // namespace coopmap::present
