#include "report_writer.h"

#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/project_data.h"
#include "analysis/report_figures.h"
#include "io/atomic_write.h"
#include "kpi_controller.h"
#include "map_print.h"
#include "pdf_page.h"

namespace coopmap::present {

namespace {

QString num(double v) { return QString::number(v, 'f', 0); }
QString pct(double share) { return QString::fromStdString(analysis::percent_text(share)); }

QString scenario_reach(const Scenario& s, const analysis::Reach& r)
{
    return r.minutes > 0
               ? QStringLiteral("行车 %1 分钟").arg(r.minutes)
               : QStringLiteral("半径 %1 公里").arg(r.radius_m / 1000.0) +
                     (s.objective.empty() ? QString()
                                          : QStringLiteral("，目标 %1").arg(QString::fromStdString(s.objective)));
}

// The cover's blocks, measured: where each starts below the body's top, and the cards' heights.
struct CoverLayout {
    int top = 0;  // of the title
    std::vector<int> card_heights;
    int source_y = 0, source_h = 0;
    int source_flags = 0;
};

constexpr double kCardPadMm = 5;
constexpr double kCardGapMm = 4;

CoverLayout layout_cover(QPdfWriter& pdf, const QList<KpiCard>& cards, const QString& source)
{
    const QRect b = body_rect(pdf);
    CoverLayout c;
    const int card_w = b.width() - mm(20) - 2 * mm(kCardPadMm);
    int cards_h = 0;
    for (const auto& card : cards) {
        const int detail = fit_text(pdf, pdf_font(10), card_w, card.detail, Qt::AlignLeft).height;
        c.card_heights.push_back(std::max(mm(24), mm(2 + 11 + 3) + detail));
        cards_h += c.card_heights.back() + mm(kCardGapMm);
    }
    const TextFit src = fit_text(pdf, pdf_font(10), b.width(), source, Qt::AlignHCenter);
    c.source_h = src.height;
    c.source_flags = src.flags;
    // Title, subtitle and date take 60 mm from the title's top, the cards start 30 mm lower; the
    // whole moves up from 30 mm below the body's top when the cards and the source need it.
    const int needed = mm(90) + cards_h + mm(6) + c.source_h;
    c.top = std::max(0, mm(30) - std::max(0, needed - b.height()));
    const int cards_bottom = b.top() + c.top + mm(60) + cards_h;
    c.source_y = std::max(cards_bottom + mm(2), b.bottom() - c.source_h);
    return c;
}

}  // namespace

Result<ReportInfo> write_report(const QString& project_file, const QString& out)
{
    const auto project = read_project(project_file.toStdString());
    if (!project) return project.error();
    const auto layers = analysis::load_project(*project);
    if (!layers) return layers.error();
    const auto figures = analysis::run_report_figures(*project, layers->layers);
    if (!figures) return figures.error();
    const analysis::ReportFigures& f = *figures;
    const auto& cov = f.coverage;

    // The map: the print layout on an A4 page, fitted to the counties (else every layer).
    Bounds extent;
    if (const Layer* county = analysis::admin_layer(*project, layers->layers, "county")) extent = county->bounds();
    else
        for (const auto& l : layers->layers) extent.extend(l.bounds());
    PrintRequest request;
    request.project = project_file;
    request.paper = Paper{"A4", false, kReportMapDpi};
    request.fit = extent;
    request.title = QString::fromStdString(project->name) + QStringLiteral(" 服务网络图");
    auto map = print_map(request);
    if (!map) return map.error();

    io::AtomicFile file(out.toStdString());  // declared before the writer: removed after it closes
    QPdfWriter pdf(QString::fromStdString(file.temp_path()));
    pdf.setResolution(kPdfDpi);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    pdf.setTitle(QString::fromStdString(project->name) + QStringLiteral(" 供销服务网络报告"));
    pdf.setCreator(QStringLiteral("CoopMap 供销服务网络一张图"));
    QPainter p;
    if (!p.begin(&pdf))
        return Error{
            .file = out.toStdString(), .layer = {}, .feature = {}, .message = "无法写入 PDF：请检查目录是否存在且可写"};
    p.setRenderHint(QPainter::Antialiasing);

    // Every page is laid out (measured) before the first is drawn: the footers print the count.
    const QRect body = body_rect(pdf);
    const auto cards = kpi_cards(f);
    const QString source = data_source_line(*project);
    const CoverLayout cover = layout_cover(pdf, cards, source);

    // Coverage per county, the numbers `coopmap-cli coverage` prints.
    const QString reach = cov.request.minutes > 0 ? QStringLiteral("行车 %1 分钟").arg(cov.request.minutes)
                                                  : QStringLiteral("半径 %1 米").arg(cov.request.radius_m);
    Table county_table{{{QStringLiteral("县（市、区）"), 2.2, Qt::AlignLeft},
                        {QStringLiteral("村数"), 1},
                        {QStringLiteral("覆盖村数"), 1.2},
                        {QStringLiteral("覆盖率"), 1.1},
                        {QStringLiteral("人口"), 1.3},
                        {QStringLiteral("覆盖人口"), 1.3},
                        {QStringLiteral("未覆盖人口"), 1.4},
                        {QStringLiteral("达标"), 1}},
                       {},
                       1,
                       10};
    auto county_line = [&](const analysis::CoverageRow& r) {
        county_table.rows.push_back(
            {QString::fromStdString(r.name), QString::number(r.villages), QString::number(r.covered), pct(r.share()),
             num(r.population), num(r.population_covered), num(r.population_uncovered()),
             cov.target > 0 ? (r.target_met ? QStringLiteral("是") : QStringLiteral("否")) : QStringLiteral("—")});
    };
    for (const auto& r : cov.table.rows) county_line(r);
    county_line(cov.table.total);
    county_table.rows.back()[0] = QStringLiteral("合计");
    const auto county_pages = paginate(pdf, county_table, body.adjusted(0, mm(10), 0, 0), body);

    // The chart: a bar a county, as many a page as fit above the axis labels and the note.
    const int bar_pitch = mm(12);
    const std::size_t bars_per_page =
        std::max<std::size_t>(1, static_cast<std::size_t>((body.height() - mm(6) - mm(30)) / bar_pitch));
    const std::size_t chart_pages =
        std::max<std::size_t>(1, (cov.table.rows.size() + bars_per_page - 1) / bars_per_page);

    // Uncovered villages in the engine's order: the list `coopmap-cli coverage --out` writes.
    std::map<std::string, std::string> county_name;
    for (const auto& row : cov.table.rows) county_name[row.code] = row.name;
    const auto& v = cov.villages;
    Table gap_table{{{QStringLiteral("村（社区）"), 2.0, Qt::AlignLeft},
                     {QStringLiteral("代码"), 1.55, Qt::AlignLeft},
                     {QStringLiteral("县（市、区）"), 1.25, Qt::AlignLeft},
                     {QStringLiteral("人口"), 0.9},
                     {QStringLiteral("最近网点"), 2.3, Qt::AlignLeft},
                     {QStringLiteral("距离（公里）"), 1.3}},
                    {},
                    0,
                    9.5};
    std::size_t uncovered = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v.covered[i]) continue;
        ++uncovered;
        const auto cn = county_name.find(v.county_code[i]);
        const bool near = v.nearest[i] != analysis::kNone;
        gap_table.rows.push_back({QString::fromStdString(v.name[i]), QString::fromStdString(v.code[i]),
                                  QString::fromStdString(cn != county_name.end() ? cn->second : v.county_code[i]),
                                  std::isnan(v.population[i]) ? QStringLiteral("—") : num(v.population[i]),
                                  near ? QString::fromStdString(cov.facility_name[v.nearest[i]]) : QStringLiteral("—"),
                                  near && std::isfinite(v.distance_m[i])
                                      ? QString::number(v.distance_m[i] / 1000.0, 'f', 1)
                                      : QStringLiteral("—")});
    }
    if (gap_table.rows.empty()) gap_table.rows.push_back({QStringLiteral("所有村均已覆盖"), {}, {}, {}, {}, {}});
    const QString gap_note = QStringLiteral("%1覆盖（%2）之外的村，按村图层中的顺序；“距离”为到最近网点的直线距离。")
                                 .arg(QString::fromStdString(cov.role_name), reach);
    const TextFit gap_note_fit = fit_text(pdf, pdf_font(10), body.width(), gap_note, Qt::AlignLeft);
    const auto gap_pages = paginate(pdf, gap_table, body.adjusted(0, gap_note_fit.height + mm(3), 0, 0), body);

    // Trusteeship by county.
    Table trust_table{{{QStringLiteral("县（市、区）"), 2.2, Qt::AlignLeft},
                       {QStringLiteral("地块数"), 1},
                       {QStringLiteral("托管（亩）"), 1.4},
                       {QStringLiteral("流转（亩）"), 1.4},
                       {QStringLiteral("合计（万亩）"), 1.4}},
                      {},
                      1,
                      10};
    if (f.trusteeship) {
        const auto& t = *f.trusteeship;
        for (const auto& r : t.rows)
            trust_table.rows.push_back(
                {QString::fromStdString(r.name), QString::number(r.parcels), QString::number(r.trusteeship_mu, 'f', 0),
                 QString::number(r.transfer_mu, 'f', 0), QString::fromStdString(analysis::wan_text(r.total_mu()))});
        trust_table.rows.push_back({QStringLiteral("合计"), QString::number(t.total.parcels),
                                    QString::number(t.total.trusteeship_mu, 'f', 0),
                                    QString::number(t.total.transfer_mu, 'f', 0),
                                    QString::fromStdString(analysis::wan_text(t.total.total_mu()))});
    }
    const auto trust_pages = f.trusteeship ? paginate(pdf, trust_table, body, body) : std::vector<TablePage>(1);

    // The current planning scenario (the project's last one): what it adds, then every site.
    QString scenario_text =
        QStringLiteral("当前项目没有规划方案。在“选址规划”面板中保存方案后，本页列出拟建网点及建成后的覆盖率。");
    Table site_table{{{QStringLiteral("拟建网点"), 3, Qt::AlignLeft},
                      {QStringLiteral("新覆盖村数"), 1.3},
                      {QStringLiteral("新覆盖人口"), 1.3},
                      {QStringLiteral("经度"), 1.3},
                      {QStringLiteral("纬度"), 1.3}},
                     {},
                     0,
                     10};
    if (f.scenario) {
        const auto& s = f.scenario->scenario;
        const auto& before = f.scenario->before;
        const auto& after = f.scenario->after;
        scenario_text = QStringLiteral("方案“%1”：新建%2 %3 处（%4）。\n%2村覆盖率由现状 %5 提高到 %6，覆盖人口由 %7 "
                                       "万人增至 %8 万人，未覆盖村 %9 个。")
                            .arg(QString::fromStdString(s.name), QString::fromStdString(f.scenario->role_name))
                            .arg(s.sites.size())
                            .arg(scenario_reach(s, f.scenario->reach), pct(before.share()), pct(after.share()),
                                 QString::fromStdString(analysis::wan_text(before.population_covered)),
                                 QString::fromStdString(analysis::wan_text(after.population_covered)))
                            .arg(after.uncovered());
        for (std::size_t k = 0; k < f.scenario->sites.size(); ++k) {
            const auto& site = f.scenario->sites[k];
            site_table.rows.push_back({QString::fromStdString(site.name.empty() ? std::to_string(k + 1) : site.name),
                                       QString::number(site.villages), QString::number(site.population, 'f', 0),
                                       QString::number(site.lon, 'f', 5), QString::number(site.lat, 'f', 5)});
        }
    }
    const TextFit scenario_fit = fit_text(pdf, pdf_font(12), body.width(), scenario_text, Qt::AlignLeft);
    const auto site_pages = f.scenario
                                ? paginate(pdf, site_table, body.adjusted(0, scenario_fit.height + mm(4), 0, 0), body)
                                : std::vector<TablePage>(1);

    const int total = static_cast<int>(2 + sheet_count(county_pages) + chart_pages + sheet_count(gap_pages) +
                                       sheet_count(trust_pages) + sheet_count(site_pages));
    Pages pages(pdf, p, QString::fromStdString(project->name), total);

    // 1. Cover: title, date, the KPI figures as on the presentation's cards, the data's sources.
    pages.startBare();
    {
        const QRect b = pages.body();
        const int top = b.top() + cover.top;
        const QString name = QString::fromStdString(project->name);
        pages.font(one_line_pt(pdf, name, b.width(), 26, true, 14), true);
        p.drawText(QRect(b.left(), top, b.width(), mm(16)), Qt::AlignCenter, name);
        pages.font(20, true);
        p.drawText(QRect(b.left(), top + mm(18), b.width(), mm(12)), Qt::AlignCenter,
                   QStringLiteral("供销服务网络发展情况报告"));
        pages.font(12, false, kMuted);
        p.drawText(QRect(b.left(), top + mm(34), b.width(), mm(8)), Qt::AlignCenter, date_line());
        int y = top + mm(60);
        for (qsizetype k = 0; k < cards.size(); ++k) {
            const auto& card = cards[k];
            const QRect box(b.left() + mm(10), y, b.width() - mm(20), cover.card_heights[static_cast<std::size_t>(k)]);
            p.setPen(QPen(kRule, mm(0.4)));
            p.setBrush(QColor("#f7f8f9"));
            p.drawRoundedRect(box, mm(2), mm(2));
            p.setBrush(Qt::NoBrush);
            const QRect inner = box.adjusted(mm(kCardPadMm), mm(2), -mm(kCardPadMm), -mm(3));
            pages.font(12, true);
            p.drawText(QRect(inner.left(), inner.top(), inner.width(), mm(11)), Qt::AlignLeft | Qt::AlignVCenter,
                       card.title);
            pages.font(20, true, card.met == 1 ? kMet : card.met == 0 ? kUnmet : kInk);
            p.drawText(QRect(inner.left(), inner.top(), inner.width(), mm(11)), Qt::AlignRight | Qt::AlignVCenter,
                       card.value + (card.unit.isEmpty() ? QString() : QStringLiteral(" ") + card.unit));
            pages.font(10, false, kMuted);
            const QRect detail(inner.left(), inner.top() + mm(11), inner.width(),
                               inner.bottom() - inner.top() - mm(11));
            p.drawText(detail,
                       fit_text(pdf, pdf_font(10), detail.width(), card.detail, Qt::AlignLeft).flags | Qt::AlignTop,
                       card.detail);
            y += box.height() + mm(kCardGapMm);
        }
        pages.font(10, false, kMuted);
        p.drawText(QRect(b.left(), cover.source_y, b.width(), cover.source_h), cover.source_flags, source);
    }

    // 2. The network map: the print layout, as large as the body allows at its own aspect.
    pages.start(QStringLiteral("服务网络图"));
    {
        const QRect b = pages.body();
        QSize size = map->image.size();
        size.scale(b.size(), Qt::KeepAspectRatio);
        const QRect target(b.left() + (b.width() - size.width()) / 2, b.top(), size.width(), size.height());
        p.drawImage(target, map->image);
        p.setPen(QPen(kRule, mm(0.3)));
        p.drawRect(target);
    }

    // 3. Coverage per county.
    const QString county_heading = QStringLiteral("各县（市、区）服务覆盖情况");
    pages.start(county_heading);
    pages.font(11, false, kMuted);
    p.drawText(QRect(body.left(), body.top(), body.width(), mm(8)), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("%1覆盖（%2%3）")
                   .arg(QString::fromStdString(cov.role_name), reach,
                        cov.target > 0 ? QStringLiteral("，目标 %1").arg(pct(cov.target)) : QString()));
    draw_table(p, county_table, county_pages,
               [&](std::size_t) { pages.start(county_heading + QStringLiteral("（续）")); });

    // 4. The chart: village coverage per county against the target.
    for (std::size_t page = 0; page < chart_pages; ++page) {
        pages.start(QStringLiteral("各县（市、区）村覆盖率") + (page > 0 ? QStringLiteral("（续）") : QString()));
        const QRect b = pages.body().adjusted(0, mm(6), 0, 0);
        const auto first = cov.table.rows.begin() + static_cast<std::ptrdiff_t>(page * bars_per_page);
        const auto last = cov.table.rows.begin() +
                          static_cast<std::ptrdiff_t>(std::min(cov.table.rows.size(), (page + 1) * bars_per_page));
        const int label_w = mm(38), value_w = mm(22);
        const QRect plot(b.left() + label_w, b.top(), b.width() - label_w - value_w,
                         bar_pitch * static_cast<int>(last - first));
        int y = plot.top();
        for (auto r = first; r != last; ++r) {
            pages.font(11);
            const QRect label(b.left(), y, label_w - mm(2), mm(10));
            p.drawText(
                label,
                fit_text(pdf, pdf_font(11), label.width(), QString::fromStdString(r->name), Qt::AlignRight).flags |
                    Qt::AlignVCenter,
                QString::fromStdString(r->name));
            p.fillRect(QRect(plot.left(), y + mm(2), static_cast<int>(plot.width() * r->share()), mm(6)),
                       cov.target > 0 ? (r->target_met ? kMet : kUnmet) : kBar);
            p.drawText(QRect(plot.right() + mm(2), y, value_w - mm(2), mm(10)), Qt::AlignLeft | Qt::AlignVCenter,
                       pct(r->share()));
            y += bar_pitch;
        }
        p.setPen(QPen(kInk, mm(0.3)));
        p.drawLine(plot.left(), plot.top(), plot.left(), plot.bottom());
        pages.font(9, false, kMuted);
        for (int t = 0; t <= 100; t += 20) {
            const int x = plot.left() + plot.width() * t / 100;
            p.drawText(QRect(x - mm(8), plot.bottom() + mm(1), mm(16), mm(6)), Qt::AlignCenter,
                       QStringLiteral("%1%").arg(t));
        }
        if (cov.target > 0) {
            const int x = plot.left() + static_cast<int>(plot.width() * cov.target);
            p.setPen(QPen(kInk, mm(0.5), Qt::DashLine));
            p.drawLine(x, plot.top() - mm(2), x, plot.bottom());
            pages.font(10);
            p.drawText(QRect(x - mm(20), plot.bottom() + mm(7), mm(40), mm(7)), Qt::AlignCenter,
                       QStringLiteral("目标 %1").arg(pct(cov.target)));
        }
        pages.font(10, false, kMuted);
        const QString note =
            QStringLiteral("%1，%2；绿色为达到目标，红色为未达到。").arg(QString::fromStdString(cov.role_name), reach);
        const QRect note_box(b.left(), plot.bottom() + mm(16), b.width(), mm(12));
        p.drawText(note_box, fit_text(pdf, pdf_font(10), note_box.width(), note, Qt::AlignLeft).flags, note);
    }

    // 5. Uncovered villages, as many a page as their measured rows fit.
    auto gap_heading = [&](std::size_t k) {
        return QStringLiteral("未覆盖村名单（%1 个村，第 %2/%3 页）")
            .arg(uncovered)
            .arg(k + 1)
            .arg(sheet_count(gap_pages));
    };
    pages.start(gap_heading(0));
    pages.font(10, false, kMuted);
    p.drawText(QRect(body.left(), body.top(), body.width(), gap_note_fit.height), gap_note_fit.flags, gap_note);
    draw_table(p, gap_table, gap_pages, [&](std::size_t k) { pages.start(gap_heading(k)); });

    // 6. Trusteeship by county.
    const QString trust_heading = QStringLiteral("土地托管/流转情况");
    pages.start(trust_heading);
    if (f.trusteeship) {
        draw_table(p, trust_table, trust_pages,
                   [&](std::size_t) { pages.start(trust_heading + QStringLiteral("（续）")); });
    } else {
        pages.font(12, false, kMuted);
        p.drawText(pages.body(), Qt::AlignLeft | Qt::AlignTop, QStringLiteral("项目中没有土地托管/流转地块图层。"));
    }

    // 7. The current planning scenario.
    pages.start(QStringLiteral("规划方案"));
    pages.font(12, false, f.scenario ? kInk : kMuted);
    p.drawText(QRect(body.left(), body.top(), body.width(), scenario_fit.height), scenario_fit.flags, scenario_text);
    if (f.scenario)
        draw_table(p, site_table, site_pages, [&](std::size_t) { pages.start(QStringLiteral("规划方案（续）")); });
    p.end();

    if (auto committed = file.commit(); !committed) return committed.error();
    return ReportInfo{pages.number(), uncovered};
}

}  // namespace coopmap::present
