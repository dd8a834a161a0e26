#include "charts.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <algorithm>
#include <cmath>

#include "analysis/report_figures.h"
#include "pdf_page.h"

namespace coopmap::present {

namespace {

const QColor kTarget("#b0bec5");
const QColor kDone("#1e88e5");
const QColor kNew("#fb8c00");
const QColor kGrid("#e6e8ea");

// A tick step of 1, 2 or 5 times a power of ten giving about `ticks` steps up to `top`
// (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
double nice_step(double top, int ticks)
{
    const double raw = top / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

QString tick_text(double v, double step)
{
    const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    return QString::number(v, 'f', decimals);
}

}  // namespace

void paint_bar_chart(QPainter& p, const QRectF& rect, const BarChart& c)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    QPaintDevice* device = p.device();
    const double px = device->logicalDpiY() / 72.0;  // device pixels a point
    auto font = [&](double pt, bool bold = false) {
        QFont f = pdf_font(pt, bold);
        p.setFont(f);
        return QFontMetricsF(f, device);
    };
    double top = rect.top();
    // Title.
    {
        const auto fm = font(13, true);
        p.setPen(kInk);
        p.drawText(QRectF(rect.left(), top, rect.width(), fm.height()), Qt::AlignCenter, c.title);
        top += fm.height() + 4 * px;
    }
    // Legend, right-aligned under the title.
    if (c.series.size() > 1) {
        const auto fm = font(9);
        double x = rect.right();
        for (qsizetype s = c.series.size() - 1; s >= 0; --s) {
            const double w = fm.horizontalAdvance(c.series[s]);
            x -= w;
            p.setPen(kInk);
            p.drawText(QRectF(x, top, w, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, c.series[s]);
            const double sw = fm.height() * 0.8;
            x -= sw + 3 * px;
            p.fillRect(QRectF(x, top + (fm.height() - sw) / 2, sw, sw), c.colors[static_cast<std::size_t>(s)]);
            x -= 10 * px;
        }
        top += fm.height() + 4 * px;
    }
    double bottom = rect.bottom();
    if (!c.note.isEmpty()) {
        const auto fm = font(8.5);
        p.setPen(kMuted);
        const QRectF box(rect.left(), bottom - fm.height() * 2, rect.width(), fm.height() * 2);
        p.drawText(box, Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, c.note);
        bottom -= fm.height() * 2 + 2 * px;
    }
    // The category axis' name at the bottom, the value axis' name turned at the left.
    const auto axis_fm = font(9);
    const double axis_h = axis_fm.height();
    p.setPen(kMuted);
    p.drawText(QRectF(rect.left(), bottom - axis_h, rect.width(), axis_h), Qt::AlignCenter, c.category_axis);
    bottom -= axis_h + 2 * px;

    double vmax = 0;
    for (const auto& g : c.values)
        for (double v : g) vmax = std::max(vmax, v);
    if (vmax <= 0) vmax = 1;
    const double step = nice_step(vmax, 5);
    // 5% above the tallest bar, so that its value stays clear of the top line.
    const double vtop = std::ceil(vmax * 1.05 / step - 1e-9) * step;

    const auto tick_fm = font(8.5);
    double tick_w = 0;
    for (double v = 0; v <= vtop + step / 2; v += step)
        tick_w = std::max(tick_w, tick_fm.horizontalAdvance(tick_text(v, step)));
    const double left = rect.left() + axis_h + 4 * px + tick_w + 3 * px;
    const double right = rect.right() - 2 * px;

    // Category labels: straight when they fit their group, else turned 45°.
    const auto label_fm = font(9);
    const std::size_t n = static_cast<std::size_t>(c.categories.size());
    const double group_w = n > 0 ? (right - left) / static_cast<double>(n) : right - left;
    double label_w = 0;
    for (const auto& s : c.categories) label_w = std::max(label_w, label_fm.horizontalAdvance(s));
    const bool turned = label_w > group_w * 0.95;
    const double label_h = turned ? label_w * 0.71 + label_fm.height() : label_fm.height();
    const double plot_bottom = bottom - label_h - 3 * px;
    const double value_h = tick_fm.height();
    const double plot_top = top + value_h;  // room for the tallest bar's value
    const QRectF plot(left, plot_top, right - left, std::max(1.0, plot_bottom - plot_top));

    // Grid and ticks.
    font(8.5);
    for (double v = 0; v <= vtop + step / 2; v += step) {
        const double y = plot.bottom() - plot.height() * v / vtop;
        p.setPen(QPen(kGrid, 0.6 * px));
        if (v > 0) p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(kMuted);
        p.drawText(QRectF(plot.left() - 3 * px - tick_w, y - value_h / 2, tick_w, value_h),
                   Qt::AlignRight | Qt::AlignVCenter, tick_text(v, step));
    }
    p.save();
    p.translate(rect.left() + axis_h / 2, plot.center().y());
    p.rotate(-90);
    font(9);
    p.setPen(kMuted);
    p.drawText(QRectF(-plot.height() / 2, -axis_h / 2, plot.height(), axis_h), Qt::AlignCenter, c.value_axis);
    p.restore();

    // Bars, their values, the category labels.
    const std::size_t ns = std::max<std::size_t>(1, static_cast<std::size_t>(c.series.size()));
    const double bar_w = group_w * 0.7 / static_cast<double>(ns);
    for (std::size_t g = 0; g < n; ++g) {
        const double gx = plot.left() + group_w * static_cast<double>(g) + group_w * 0.15;
        for (std::size_t s = 0; s < ns && s < c.values[g].size(); ++s) {
            const double v = c.values[g][s];
            const double h = plot.height() * std::max(0.0, v) / vtop;
            const QRectF bar(gx + bar_w * static_cast<double>(s), plot.bottom() - h, bar_w * 0.92, h);
            p.fillRect(bar, s < c.colors.size() ? c.colors[s] : kBar);
            // The value above its bar, set smaller when the bar is narrower than the text.
            const QString text = g < c.texts.size() && s < static_cast<std::size_t>(c.texts[g].size())
                                     ? c.texts[g][static_cast<qsizetype>(s)]
                                     : QString::number(v);
            double pt = 8.5;
            while (pt > 5 && QFontMetricsF(pdf_font(pt), device).horizontalAdvance(text) > bar_w) pt -= 0.5;
            font(pt);
            p.setPen(kInk);
            p.drawText(QRectF(bar.center().x() - bar_w, bar.top() - value_h, 2 * bar_w, value_h),
                       Qt::AlignHCenter | Qt::AlignBottom, text);
        }
        font(9);
        const bool marked = g < c.marked.size() && c.marked[g];
        p.setPen(marked ? kUnmet : kInk);
        const double cx = plot.left() + group_w * (static_cast<double>(g) + 0.5);
        if (turned) {
            p.save();
            p.translate(cx, plot.bottom() + 3 * px);
            p.rotate(-45);
            const double w = label_fm.horizontalAdvance(c.categories[static_cast<qsizetype>(g)]);
            p.drawText(QRectF(-w, 0, w, label_fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                       c.categories[static_cast<qsizetype>(g)]);
            p.restore();
        } else {
            p.drawText(QRectF(cx - group_w / 2, plot.bottom() + 3 * px, group_w, label_fm.height()), Qt::AlignCenter,
                       c.categories[static_cast<qsizetype>(g)]);
        }
    }
    p.setPen(QPen(kInk, 0.8 * px));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.bottomLeft(), plot.topLeft());
    if (n == 0) {
        font(10);
        p.setPen(kMuted);
        p.drawText(plot, Qt::AlignCenter, QStringLiteral("没有可绘制的数据"));
    }
    p.restore();
}

QImage bar_chart_image(const BarChart& chart, QSize size, qreal dpr)
{
    QImage image(size * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::white);
    QPainter p(&image);
    paint_bar_chart(p, QRectF(QPointF(0, 0), QSizeF(size)).adjusted(8, 8, -8, -8), chart);
    return image;
}

std::vector<std::string> target_keys(const analysis::TargetProgress& progress)
{
    std::vector<std::string> keys;
    for (const auto& u : progress.counties)
        for (const auto& f : u.figures)
            if (std::find(keys.begin(), keys.end(), f.key) == keys.end()) keys.push_back(f.key);
    // In the order of the city's row, which lists every figure in the table's order.
    std::vector<std::string> ordered;
    for (const auto& f : progress.city.figures)
        if (std::find(keys.begin(), keys.end(), f.key) != keys.end()) ordered.push_back(f.key);
    for (const auto& k : keys)
        if (std::find(ordered.begin(), ordered.end(), k) == ordered.end()) ordered.push_back(k);
    return ordered;
}

BarChart target_chart(const analysis::TargetProgress& progress, const std::string& key)
{
    BarChart c;
    c.category_axis = QStringLiteral("县（市、区）");
    c.series = {QStringLiteral("目标"), QStringLiteral("完成")};
    c.colors = {kTarget, kDone};
    c.note = QStringLiteral("红色县名为未完成目标的县；柱上数字为目标和完成数，与目标完成情况表一致。");
    for (const auto& u : progress.counties)
        for (const auto& f : u.figures) {
            if (f.key != key) continue;
            if (c.title.isEmpty()) {
                const bool share = f.unit == "%";
                c.title = QStringLiteral("%1 年各县（市、区）%2：目标与完成")
                              .arg(progress.year)
                              .arg(QString::fromStdString(f.label));
                c.value_axis = share ? QStringLiteral("覆盖率（%）")
                                     : QStringLiteral("%1（%2）")
                                           .arg(QString::fromStdString(f.label), QString::fromStdString(f.unit));
            }
            const double scale = f.unit == "%" ? 100 : 1;
            c.categories << QString::fromStdString(u.name);
            c.values.push_back({f.target * scale, f.done * scale});
            c.texts.push_back({QString::fromStdString(analysis::figure_text(f, f.target)),
                               QString::fromStdString(analysis::figure_text(f, f.done))});
            c.marked.push_back(!f.met());
        }
    return c;
}

BarChart growth_chart(const analysis::NetworkGrowth& growth, Role role, int first, int last)
{
    BarChart c;
    const QString name = QString::fromStdString(std::string(role_name_zh(role)));
    c.title = QStringLiteral("%1年末数量（%2–%3 年）").arg(name).arg(first).arg(last);
    c.category_axis = QStringLiteral("年份");
    c.value_axis = QStringLiteral("网点数（个）");
    c.series = {QStringLiteral("年末网点数"), QStringLiteral("当年新建")};
    c.colors = {kDone, kNew};
    for (int y = first; y <= last; ++y) {
        const auto* r = growth.find(y, role, "");
        if (!r) continue;
        c.categories << QString::number(y);
        c.values.push_back({static_cast<double>(r->standing), static_cast<double>(r->built)});
        c.texts.push_back({QString::number(r->standing), QString::number(r->built)});
        c.marked.push_back(false);
    }
    return c;
}

BarChart services_chart(const analysis::ServiceTotals& t)
{
    BarChart c;
    c.title = QStringLiteral("%1农业社会化服务（按服务类型，合计 %2 万亩次）")
                  .arg(t.year > 0 ? QStringLiteral("%1 年").arg(t.year) : QString())
                  .arg(QString::fromStdString(analysis::wan_text(t.total.mu_times)));
    c.category_axis = QStringLiteral("服务类型");
    c.value_axis = QStringLiteral("服务面积（万亩次）");
    c.series = {QStringLiteral("万亩次")};
    c.colors = {kDone};
    for (const auto& r : t.rows) {
        c.categories << (r.key.empty() ? QStringLiteral("（未填类型）") : QString::fromStdString(r.name));
        c.values.push_back({r.wan_mu_times()});
        c.texts.push_back({QString::fromStdString(analysis::wan_text(r.mu_times))});
        c.marked.push_back(false);
    }
    return c;
}

}  // namespace coopmap::present
