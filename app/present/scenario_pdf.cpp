#include "scenario_pdf.h"

#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>

#include "analysis/planning/scenario.h"
#include "analysis/project_data.h"
#include "analysis/report_figures.h"
#include "io/atomic_write.h"
#include "map_print.h"
#include "pdf_page.h"
#include "report_writer.h"

namespace coopmap::present {

namespace {

// The map's frame around the sites and the villages they newly cover: this share of the
// box's size added on each side, and never narrower than this many degrees.
constexpr double kFramePad = 0.25;
constexpr double kMinSpanDeg = 0.3;
// Colours of the map's 选址 mode (qml/map/NetworkMap.qml), so the page looks like the panel.
constexpr const char* kProposedColor = "#c2255c";
constexpr const char* kNewlyCoveredColor = "#f08c00";

using analysis::planning::ScenarioFigures;

QString pct(double share) { return QString::fromStdString(analysis::percent_text(share)); }
QString wan(double v) { return QString::fromStdString(analysis::wan_text(v)); }

// The planning panel's names for its objectives (qml/panels/planning/PlanningPanel.qml).
QString objective_name(const std::string& key)
{
    if (key == "max_coverage") return QStringLiteral("最大覆盖（定数量）");
    if (key == "set_cover") return QStringLiteral("集合覆盖（定覆盖率）");
    if (key == "p_median") return QStringLiteral("p-中位（最短加权距离）");
    if (key.empty()) return QStringLiteral("手工选址");
    return QString::fromStdString(key);
}

QString reach_line(const analysis::Reach& r)
{
    return r.minutes > 0 ? QStringLiteral("行车 %1 分钟").arg(r.minutes)
                         : QStringLiteral("服务半径 %1 公里").arg(r.radius_m / 1000.0);
}

Bounds frame_for(const ScenarioFigures& f)
{
    Bounds b;
    for (const auto& s : f.sites) b.extend(s.lon, s.lat);
    for (const auto j : f.newly_covered) b.extend(f.data->village_lon[j], f.data->village_lat[j]);
    const double w = std::max(b.max_x - b.min_x, 0.0), h = std::max(b.max_y - b.min_y, 0.0);
    const double px = std::max(w * kFramePad, (kMinSpanDeg - w) / 2),
                 py = std::max(h * kFramePad, (kMinSpanDeg - h) / 2);
    return Bounds{b.min_x - px, b.min_y - py, b.max_x + px, b.max_y + py};
}

// The scenario's sites and the villages they newly cover, drawn over the project's layers.
std::vector<ResultLayer> result_layers(const ScenarioFigures& f)
{
    ResultLayer villages{QStringLiteral("scenario_newly_covered"),
                         QStringLiteral("新覆盖的村"),
                         Role::village,
                         {},
                         Style{kNewlyCoveredColor, "#ffffff", 6, 0.8, 1}};
    villages.layer.role = Role::village;
    for (const auto j : f.newly_covered) villages.layer.add_point(f.data->village_lon[j], f.data->village_lat[j]);
    ResultLayer sites{QStringLiteral("scenario_sites"),
                      QStringLiteral("拟建%1（方案）").arg(QString::fromStdString(f.role_name)),
                      f.scenario.role,
                      {},
                      Style{kProposedColor, "#ffffff", 13, 2, 1}};
    sites.layer.role = f.scenario.role;
    for (const auto& s : f.sites) sites.layer.add_point(s.lon, s.lat);
    return {std::move(villages), std::move(sites)};
}

}  // namespace

QString write_scenario_pdf(const QString& projectPath, const QString& scenarioName, const QString& pdfPath,
                           int* page_count)
{
    const auto project = read_project(projectPath.toStdString());
    if (!project) return QString::fromStdString(project.error().text());
    const Scenario* scenario = nullptr;
    QStringList names;
    for (const auto& s : project->scenarios) {
        names << QString::fromStdString(s.name);
        if (QString::fromStdString(s.name) == scenarioName) scenario = &s;
    }
    if (!scenario)
        return QStringLiteral(
                   "%1：项目中没有名为「%2」的规划方案；可用的方案有 %3。请在“选址规划”面板中保存方案后再导出")
            .arg(projectPath, scenarioName,
                 names.isEmpty() ? QStringLiteral("（无）") : names.join(QStringLiteral("、")));
    if (scenario->sites.empty())
        return QStringLiteral("%1：方案「%2」还没有拟建网点：请在“选址规划”面板中加入网点并保存方案后再导出")
            .arg(projectPath, scenarioName);
    const auto layers = analysis::load_project(*project);
    if (!layers) return QString::fromStdString(layers.error().text());
    analysis::planning::ScenarioRequest sq;
    sq.scenario = *scenario;
    const auto figures = analysis::planning::run_scenario(*project, layers->layers, sq);
    if (!figures) return QString::fromStdString(figures.error().text());
    const ScenarioFigures& f = *figures;

    PrintRequest request;
    request.project = projectPath;
    request.paper = Paper{"A4", true, kReportMapDpi};
    request.fit = frame_for(f);
    request.title = QStringLiteral("%1：拟建网点分布").arg(scenarioName);
    request.results = result_layers(f);
    const auto map = print_map(request);
    if (!map) return QString::fromStdString(map.error().text());

    io::AtomicFile file(pdfPath.toStdString());  // declared before the writer: removed after it closes
    auto fail_write = [&] { return QStringLiteral("无法写入 PDF %1：请检查目录是否存在且可写").arg(pdfPath); };
    QPdfWriter pdf(QString::fromStdString(file.temp_path()));
    pdf.setResolution(kPdfDpi);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
    pdf.setTitle(QStringLiteral("规划方案：%1").arg(scenarioName));
    pdf.setCreator(QStringLiteral("CoopMap 供销服务网络一张图"));
    QPainter p;
    if (!p.begin(&pdf)) return fail_write();
    p.setRenderHint(QPainter::Antialiasing);
    const QRect b = body_rect(pdf);

    // Left: the map at the print layout's own aspect; right: coverage before and after, then
    // the sites, going on over full pages when they do not all fit beside the map.
    const int top = b.top() + mm(10);
    const QRect map_area(b.left(), top, b.width() * 64 / 100, b.bottom() - top);
    QSize size = map->image.size();
    size.scale(map_area.size(), Qt::KeepAspectRatio);
    const QRect target(map_area.left(), map_area.top(), size.width(), size.height());
    const QRect side(target.right() + mm(8), top, b.right() - target.right() - mm(8), b.bottom() - top);

    const auto& was = f.before;
    const auto& now = f.after;
    auto signed_int = [](long long d) { return (d > 0 ? QStringLiteral("+") : QString()) + QString::number(d); };
    Table change{{{QStringLiteral("指标"), 2.1, Qt::AlignLeft},
                  {QStringLiteral("现状"), 1.1},
                  {QStringLiteral("建成后"), 1.1},
                  {QStringLiteral("变化"), 1.8}},
                 {{QStringLiteral("村覆盖率"), pct(was.share()), pct(now.share()),
                   QStringLiteral("%1%2 个百分点")
                       .arg(now.share() >= was.share() ? QStringLiteral("+") : QString())
                       .arg(100 * (now.share() - was.share()), 0, 'f', 1)},
                  {QStringLiteral("覆盖村数"), QString::number(was.covered), QString::number(now.covered),
                   signed_int(static_cast<long long>(now.covered) - static_cast<long long>(was.covered))},
                  {QStringLiteral("覆盖人口（万人）"), wan(was.population_covered), wan(now.population_covered),
                   QStringLiteral("+") + wan(now.population_covered - was.population_covered)},
                  {QStringLiteral("未覆盖村数"), QString::number(was.uncovered()), QString::number(now.uncovered()),
                   signed_int(static_cast<long long>(now.uncovered()) - static_cast<long long>(was.uncovered()))}},
                 0,
                 9.5};
    const QRect change_area = side.adjusted(0, mm(10), 0, 0);
    const auto change_pages = paginate(pdf, change, change_area, b);

    Table sites{{{QStringLiteral("拟建网点"), 2.6, Qt::AlignLeft},
                 {QStringLiteral("新覆盖村数"), 1.3},
                 {QStringLiteral("新覆盖人口"), 1.4}},
                {},
                1,
                9.5};
    std::size_t villages = 0;
    double population = 0;
    for (std::size_t k = 0; k < f.sites.size(); ++k) {
        const auto& s = f.sites[k];
        villages += s.villages;
        population += s.population;
        sites.rows.push_back({QString::fromStdString(s.name.empty() ? std::to_string(k + 1) : s.name),
                              QString::number(s.villages), QString::number(s.population, 'f', 0)});
    }
    sites.rows.push_back({QStringLiteral("合计"), QString::number(villages), QString::number(population, 'f', 0)});
    const QString note =
        QStringLiteral(
            "现状：现有%1 %2 处。新覆盖的村计入表中第一个到达它的拟建网点；合计等于建成后与现状覆盖村数之差。")
            .arg(QString::fromStdString(analysis::role_names_zh(f.existing_roles)))
            .arg(f.existing_sites);
    const int sites_top = change_pages.front().bottom() + mm(6);
    const TextFit note_fit = fit_text(pdf, pdf_font(8.5), side.width(), note, Qt::AlignLeft);
    const int table_top = sites_top + mm(9) + note_fit.height + mm(2);
    // Further pages hold the table in three columns as wide as the one beside the map.
    std::vector<QRect> columns;
    const int gap = mm(8), column_w = (b.width() - 2 * gap) / 3;
    for (int c = 0; c < 3; ++c) columns.emplace_back(b.left() + c * (column_w + gap), b.top(), column_w, b.height());
    const auto site_pages =
        paginate(pdf, sites, QRect(side.left(), table_top, side.width(), side.bottom() - table_top), columns);

    const int total = static_cast<int>(sheet_count(site_pages));
    if (page_count) *page_count = total;
    Pages pages(pdf, p, QString::fromStdString(project->name) + QStringLiteral("    ") + date_line(), total);
    pages.start(QStringLiteral("规划方案：%1").arg(scenarioName));

    // The plan in one line: what is built, how it was chosen, what "covered" means.
    const QString plan = QStringLiteral("新建%1 %2 处    选址目标：%3    覆盖标准：%4")
                             .arg(QString::fromStdString(f.role_name))
                             .arg(f.sites.size())
                             .arg(objective_name(scenario->objective), reach_line(f.reach));
    pages.font(one_line_pt(pdf, plan, b.width(), 11, false, 8), false, kMuted);
    p.drawText(QRect(b.left(), b.top(), b.width(), mm(7)), Qt::AlignLeft | Qt::AlignVCenter, plan);

    p.drawImage(target, map->image);
    p.setPen(QPen(kRule, mm(0.3)));
    p.drawRect(target);

    const QString change_title = QStringLiteral("覆盖变化（%1）").arg(QString::fromStdString(f.role_name));
    pages.font(one_line_pt(pdf, change_title, side.width(), 13, true, 9), true);
    p.drawText(QRect(side.left(), side.top(), side.width(), mm(8)), Qt::AlignLeft | Qt::AlignVCenter, change_title);
    draw_table(p, change, change_pages.front());

    pages.font(13, true);
    p.drawText(QRect(side.left(), sites_top, side.width(), mm(8)), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("拟建网点（%1 处）").arg(f.sites.size()));
    pages.font(8.5, false, kMuted);
    p.drawText(QRect(side.left(), sites_top + mm(9), side.width(), note_fit.height), note_fit.flags, note);
    draw_table(p, sites, site_pages,
               [&](std::size_t) { pages.start(QStringLiteral("规划方案：%1（续）").arg(scenarioName)); });
    if (!p.end()) return fail_write();

    if (!file.commit()) return fail_write();
    return {};
}

}  // namespace coopmap::present
