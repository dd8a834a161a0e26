#include "route_sheet_pdf.h"

#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>
#include <deque>
#include <variant>

#include "analysis/figure_text.h"
#include "io/atomic_write.h"
#include "map_print.h"
#include "pdf_page.h"

namespace coopmap::present {

namespace {

using analysis::routing::RouteResult;
using analysis::routing::RouteSite;
using analysis::routing::VehicleRoute;

constexpr double kTablePt = 9;
constexpr double kTitlePt = 12;
// Space a cell keeps around its text (pdf_page.cpp's padding on both sides, and a hair more).
constexpr double kCellRoomMm = 4;

QString q(const std::string& s) { return QString::fromStdString(s); }
// The figures as route_summary_text writes them (analysis::number_text, one format each).
QString km_text(double v) { return q(analysis::number_text("%.1f", v)); }
QString yuan_text(double v) { return q(analysis::number_text("%.0f", v)); }
QString clock(double minutes) { return q(clock_text(minutes)); }
// A load as it is: whole numbers without decimals, else up to two (0.3 立方).
QString amount_text(double v)
{
    std::string s = analysis::number_text("%.2f", v);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return q(s);
}

QString site_text(const RouteSite& s)
{
    return s.name.empty() || s.name == s.id ? q(s.id) : q(s.id) + QStringLiteral(" ") + q(s.name);
}

// Every column but `flexible` as wide as its widest cell (measured on the PDF in the bold
// face, the wider); `flexible` (names, reasons) takes the rest and wraps there.
void fit_columns(Table& t, QPaintDevice& device, int width, std::size_t flexible)
{
    const QFontMetricsF fm(pdf_font(t.pt, true), &device);
    int fixed = 0;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        double w = fm.horizontalAdvance(t.columns[c].head);
        for (const auto& row : t.rows)
            if (static_cast<qsizetype>(c) < row.size()) w = std::max(w, fm.horizontalAdvance(row[c]));
        t.columns[c].width = std::ceil(w) + mm(kCellRoomMm);
        if (c != flexible) fixed += static_cast<int>(t.columns[c].width);
    }
    if (flexible < t.columns.size()) t.columns[flexible].width = std::max(width - fixed, mm(28));
}

// The layout of the whole document, measured before anything is drawn so that the footers
// know the page count: text and table parts, each on its sheet, and each sheet's heading.
class Flow {
public:
    explicit Flow(QPdfWriter& pdf) : pdf_(pdf), body_(body_rect(pdf)) {}

    // Starts a new sheet; its continuations are headed `heading`（续）.
    void page(const QString& heading)
    {
        headings_.push_back(heading);
        continued_ = heading + QStringLiteral("（续）");
        y_ = body_.top();
    }

    void text(const QString& s, double pt, bool bold, const QColor& color, double gap_mm)
    {
        const TextFit fit = fit_text(pdf_, pdf_font(pt, bold), body_.width(), s, Qt::AlignLeft);
        if (y_ + fit.height > body_.bottom() && y_ > body_.top()) more();
        blocks_.push_back({sheet(), Text{QRect(body_.left(), y_, body_.width(), fit.height), fit.flags, pt, bold,
                                         color, s}});
        y_ += fit.height + mm(gap_mm);
    }

    void gap(double gap_mm) { y_ += mm(gap_mm); }

    // A table under its title, the title kept with its header and first row; rows that do not
    // fit go on over further sheets with the header repeated (paginate). The rows it laid out.
    std::size_t table(const QString& title, Table t)
    {
        tables_.push_back(std::move(t));
        const Table& table = tables_.back();
        const TextFit title_fit = fit_text(pdf_, pdf_font(kTitlePt, true), body_.width(), title, Qt::AlignLeft);
        const int title_h = title.isEmpty() ? 0 : title_fit.height + mm(2);
        const auto split = [&] {
            const int top = y_ + title_h;
            return paginate(pdf_, table, QRect(body_.left(), top, body_.width(), std::max(0, body_.bottom() - top)),
                            body_);
        };
        auto parts = split();
        if (parts.front().head_height == 0 && y_ > body_.top()) {
            more();
            parts = split();
        }
        if (!title.isEmpty())
            blocks_.push_back({sheet(), Text{QRect(body_.left(), y_, body_.width(), title_fit.height),
                                             title_fit.flags, kTitlePt, true, kInk, title}});
        const std::size_t base = sheet();
        std::size_t rows = 0;
        for (const auto& part : parts) {
            blocks_.push_back({base + part.sheet, Part{&table, part}});
            rows += part.end - part.begin;
        }
        while (headings_.size() < base + parts.back().sheet + 1) headings_.push_back(continued_);
        y_ = parts.back().bottom() + mm(6);
        return rows;
    }

    int pages() const { return static_cast<int>(headings_.size()); }

    void draw(QPainter& p, Pages& pages) const
    {
        std::size_t next = 0;  // the next sheet to start
        const auto up_to = [&](std::size_t s) {
            while (next <= s && next < headings_.size()) pages.start(headings_[next++]);
        };
        for (const auto& b : blocks_) {
            up_to(b.sheet);
            if (const auto* t = std::get_if<Text>(&b.what)) {
                pages.font(t->pt, t->bold, t->color);
                p.drawText(t->rect, t->flags, t->text);
            } else {
                const auto& part = std::get<Part>(b.what);
                draw_table(p, *part.table, part.page);
            }
        }
        if (!headings_.empty()) up_to(headings_.size() - 1);
    }

private:
    struct Text {
        QRect rect;
        int flags = 0;
        double pt = 10;
        bool bold = false;
        QColor color;
        QString text;
    };
    struct Part {
        const Table* table = nullptr;
        TablePage page;
    };
    struct Block {
        std::size_t sheet = 0;
        std::variant<Text, Part> what;
    };

    std::size_t sheet() const { return headings_.size() - 1; }
    void more()
    {
        headings_.push_back(continued_);
        y_ = body_.top();
    }

    QPdfWriter& pdf_;
    QRect body_;
    std::vector<QString> headings_;
    QString continued_;
    int y_ = 0;
    std::deque<Table> tables_;  // stable: blocks point into it
    std::vector<Block> blocks_;
};

// The first page: totals beside the township-by-township delivery, the saving, the routes,
// what is unserved and what is estimated.
void overview(Flow& flow, QPdfWriter& pdf, const RouteResult& r, const std::vector<std::string>& labels)
{
    const int width = body_rect(pdf).width();
    std::size_t served = 0;
    for (const auto& route : r.routes) served += route.visits.size();
    flow.page(QStringLiteral("配送路线：总览"));
    flow.text(QStringLiteral("%1 个配送中心，%2 车次，已安排 %3 个配送点，未服务 %4 个；随机种子 %5")
                  .arg(r.depots.size())
                  .arg(r.shared.vehicles)
                  .arg(served)
                  .arg(r.unserved.size())
                  .arg(r.seed),
              10.5, false, kMuted, 5);

    Table totals{{{QStringLiteral("指标"), 1, Qt::AlignLeft},
                  {QStringLiteral("共同配送"), 1},
                  {QStringLiteral("各乡镇单独配送"), 1},
                  {QStringLiteral("节省"), 1}},
                 {{QStringLiteral("车次"), QString::number(r.shared.vehicles), QString::number(r.separate.vehicles),
                   QString()},
                  {QStringLiteral("公里"), km_text(r.shared.km), km_text(r.separate.km), km_text(r.saving_km())},
                  {QStringLiteral("小时"), km_text(r.shared.hours), km_text(r.separate.hours), QString()},
                  {QStringLiteral("费用（元）"), yuan_text(r.shared.cost), yuan_text(r.separate.cost),
                   yuan_text(r.saving_cost())}},
                 0,
                 10};
    fit_columns(totals, pdf, width, 0);
    flow.table(QStringLiteral("共同配送与各乡镇单独配送"), std::move(totals));
    flow.text(QStringLiteral("共同配送节省：%1 公里，%2 元（%3%）。各乡镇单独配送：同样的 %4 个配送点，"
                             "%5 个乡镇各自从其配送中心单独出车，车辆按需。")
                  .arg(km_text(r.saving_km()), yuan_text(r.saving_cost()),
                       q(analysis::number_text("%.1f", r.saving_share() * 100)))
                  .arg(served)
                  .arg(r.townships),
              10.5, true, kInk, 6);

    Table routes{{{QStringLiteral("车辆"), 1, Qt::AlignLeft},
                  {QStringLiteral("点数"), 1},
                  {QStringLiteral("出发"), 1},
                  {QStringLiteral("返回"), 1},
                  {QStringLiteral("公里"), 1},
                  {QStringLiteral("小时"), 1},
                  {QStringLiteral("费用（元）"), 1}},
                 {},
                 0,
                 kTablePt};
    for (std::size_t k = 0; k < r.routes.size(); ++k) {
        const auto& route = r.routes[k];
        routes.rows.push_back({q(labels[k]), QString::number(route.visits.size()), clock(route.start),
                               clock(route.end), km_text(route.km), km_text(route.minutes / 60),
                               yuan_text(route.cost)});
    }
    fit_columns(routes, pdf, width, 0);
    flow.table(QStringLiteral("各车路线（%1 车次，每车的路线单见后页）").arg(r.routes.size()), std::move(routes));

    if (r.unserved.empty()) {
        flow.text(QStringLiteral("全部配送点均已安排。"), 10.5, false, kInk, 5);
    } else {
        Table unserved{{{QStringLiteral("编号"), 1, Qt::AlignLeft},
                        {QStringLiteral("名称"), 1, Qt::AlignLeft},
                        {QStringLiteral("未能安排的原因"), 1, Qt::AlignLeft}},
                       {},
                       0,
                       kTablePt};
        for (const auto& u : r.unserved) {
            const auto& s = r.stops[u.stop].site;
            unserved.rows.push_back({q(s.id), q(s.name), q(u.reason)});
        }
        fit_columns(unserved, pdf, width, 2);
        flow.table(QStringLiteral("未服务的配送点（%1 个）").arg(r.unserved.size()), std::move(unserved));
    }

    const QString factor = q(analysis::number_text("%.2f", r.detour_factor));
    if (!r.has_roads) {
        flow.text(QStringLiteral("项目没有道路图层：全部 %1 段行程按直线距离 × %2 估算。").arg(r.pairs).arg(factor),
                  10.5, false, kInk, 5);
    } else if (r.estimated_pairs.empty()) {
        flow.text(QStringLiteral("全部 %1 段行程都按道路计算。").arg(r.pairs), 10.5, false, kInk, 5);
    } else {
        if (!r.off_road.empty()) {
            QStringList ids;
            for (const auto& id : r.off_road) ids << q(id);
            flow.text(QStringLiteral("离道路超过限距的网点 %1 个：%2").arg(r.off_road.size()).arg(ids.join(QStringLiteral("、"))),
                      10.5, false, kInk, 3);
        }
        Table legs{{{QStringLiteral("车辆"), 1, Qt::AlignLeft},
                    {QStringLiteral("从"), 1, Qt::AlignLeft},
                    {QStringLiteral("到"), 1, Qt::AlignLeft},
                    {QStringLiteral("公里"), 1}},
                   {},
                   0,
                   kTablePt};
        for (std::size_t k = 0; k < r.routes.size(); ++k) {
            const auto& route = r.routes[k];
            const RouteSite* prev = &r.depots[route.depot].site;
            for (const auto& v : route.visits) {
                const RouteSite& here = r.stops[v.stop].site;
                if (v.estimated) legs.rows.push_back({q(labels[k]), site_text(*prev), site_text(here), km_text(v.km)});
                prev = &here;
            }
            if (route.back_estimated)
                legs.rows.push_back(
                    {q(labels[k]), site_text(*prev), site_text(r.depots[route.depot].site), km_text(route.km_back)});
        }
        fit_columns(legs, pdf, width, 2);
        // Both place columns share what is left.
        legs.columns[1].width = legs.columns[2].width = (legs.columns[1].width + legs.columns[2].width) / 2;
        flow.table(QStringLiteral("按直线距离 × %1 估算的行程（%2 段，共 %3 段）")
                       .arg(factor)
                       .arg(r.estimated_pairs.size())
                       .arg(r.pairs),
                   std::move(legs));
    }
    if (r.time_limited)
        flow.text(QStringLiteral("注意：搜索在时限内未完成全部迭代，结果可能随机器速度不同而变化。"), 10, false,
                  kUnmet, 3);
}

// A vehicle's sheet: who, when, and the rows of its XLSX sheet.
std::size_t vehicle_pages(Flow& flow, QPdfWriter& pdf, const RouteResult& r, const VehicleRoute& route,
                          const std::string& label)
{
    const auto& depot = r.depots[route.depot].site;
    const std::size_t nu = r.units.size();
    flow.page(QStringLiteral("路线单：%1").arg(q(label)));
    flow.text(QStringLiteral("配送中心：%1（%2）    车辆：%3 号    出发 %4    返回 %5")
                  .arg(q(depot.name), q(depot.id))
                  .arg(route.vehicle)
                  .arg(clock(route.start), clock(route.end)),
              11, true, kInk, 2);
    QStringList loaded;
    for (std::size_t u = 0; u < nu && u < route.load_at_start.size(); ++u)
        loaded << amount_text(route.load_at_start[u]) + QStringLiteral(" ") + q(r.units[u]);
    flow.text(QStringLiteral("%1 个配送点，%2 公里，%3 小时，费用 %4 元；出发时装车 %5")
                  .arg(route.visits.size())
                  .arg(km_text(route.km), km_text(route.minutes / 60), yuan_text(route.cost),
                       loaded.join(QStringLiteral("、"))),
              10, false, kMuted, 2);
    QStringList estimated;
    for (std::size_t i = 0; i < route.visits.size(); ++i)
        if (route.visits[i].estimated) estimated << QString::number(i + 1);
    if (route.back_estimated) estimated << QString::number(route.visits.size() + 1);
    if (!estimated.isEmpty())
        flow.text(QStringLiteral("到达序号 %1 的行程按直线距离 × %2 估算（没有道路可走）")
                      .arg(estimated.join(QStringLiteral("、")), q(analysis::number_text("%.2f", r.detour_factor))),
                  10, false, kMuted, 2);
    flow.gap(3);

    Table t;
    t.pt = kTablePt;
    t.columns = {{QStringLiteral("序号"), 1}, {QStringLiteral("编号"), 1, Qt::AlignLeft},
                 {QStringLiteral("名称"), 1, Qt::AlignLeft}, {QStringLiteral("到达"), 1},
                 {QStringLiteral("离开"), 1}};
    for (const auto& u : r.units) t.columns.push_back({QStringLiteral("车上（%1）").arg(q(u)), 1});
    t.columns.push_back({QStringLiteral("公里"), 1});
    t.columns.push_back({QStringLiteral("累计公里"), 1});
    // The rows of write_route_sheet: the depot (序号 0), the stops, the depot again.
    double total = 0;
    const auto row = [&](std::size_t seq, const RouteSite& site, const QString& arrive, const QString& leave,
                         const std::vector<double>& load, double km) {
        total += km;
        QStringList cells{QString::number(seq), q(site.id), q(site.name), arrive, leave};
        for (std::size_t u = 0; u < nu; ++u) cells << amount_text(u < load.size() ? load[u] : 0);
        cells << km_text(km) << km_text(total);
        t.rows.push_back(cells);
    };
    row(0, depot, QString(), clock(route.start), route.load_at_start, 0);
    for (std::size_t i = 0; i < route.visits.size(); ++i) {
        const auto& v = route.visits[i];
        row(i + 1, r.stops[v.stop].site, clock(v.arrival), clock(v.departure), v.load_after, v.km);
    }
    row(route.visits.size() + 1, depot, clock(route.end), QString(),
        route.visits.empty() ? route.load_at_start : route.visits.back().load_after, route.km_back);
    fit_columns(t, pdf, body_rect(pdf).width(), 2);
    return flow.table(QString(), std::move(t));
}

}  // namespace

Result<RouteSheetPdfInfo> write_route_sheet_pdf(const RouteResult& r, const QString& title, const QString& pdf_path)
{
    const auto fail = [&](const QString& message) {
        return Error{.file = pdf_path.toStdString(), .layer = {}, .feature = {}, .message = message.toStdString()};
    };
    io::AtomicFile file(pdf_path.toStdString());  // declared before the writer: removed after it closes
    if (auto ready = file.ready(); !ready) return ready.error();
    QPdfWriter pdf(QString::fromStdString(file.temp_path()));
    pdf.setResolution(kPdfDpi);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    pdf.setTitle(QStringLiteral("配送路线单"));
    pdf.setCreator(QStringLiteral("CoopMap 供销服务网络一张图"));

    const auto labels = analysis::routing::route_sheet_names(r);
    Flow flow(pdf);
    overview(flow, pdf, r, labels);
    RouteSheetPdfInfo info;
    for (std::size_t k = 0; k < r.routes.size(); ++k)
        info.vehicle_rows += vehicle_pages(flow, pdf, r, r.routes[k], labels[k]);
    info.pages = flow.pages();

    QPainter p;
    if (!p.begin(&pdf)) return fail(QStringLiteral("无法写入 PDF：请检查目录是否存在且可写"));
    p.setRenderHint(QPainter::Antialiasing);
    Pages pages(pdf, p, title + QStringLiteral("    配送路线单    ") + date_line(), info.pages);
    flow.draw(p, pages);
    if (!p.end()) return fail(QStringLiteral("无法写入 PDF：请检查目录是否存在且可写"));
    if (auto s = file.commit(); !s) return s.error();
    return info;
}

}  // namespace coopmap::present
