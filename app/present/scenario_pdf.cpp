#include "scenario_pdf.h"

#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>

#include "analysis/project_data.h"
#include "map_print.h"
#include "pdf_page.h"
#include "report_figures.h"
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
// Rows of the site table that fit under the coverage table on the page.
constexpr std::size_t kMaxSiteRows = 14;

QString pct(double share) { return QString::fromStdString(percent_text(share)); }
QString wan(double v) { return QString::fromStdString(wan_text(v)); }

// The planning panel's names for its objectives (qml/panels/planning/PlanningPanel.qml).
QString objective_name(const std::string& key)
{
    if (key == "max_coverage") return QStringLiteral("最大覆盖（定数量）");
    if (key == "set_cover") return QStringLiteral("集合覆盖（定覆盖率）");
    if (key == "p_median") return QStringLiteral("p-中位（最短加权距离）");
    if (key.empty()) return QStringLiteral("手工选址");
    return QString::fromStdString(key);
}

QString reach_text(const analysis::CoverageResult& r)
{
    return r.request.minutes > 0 ? QStringLiteral("行车 %1 分钟").arg(r.request.minutes)
                                 : QStringLiteral("服务半径 %1 公里").arg(r.request.radius_m / 1000.0);
}

Bounds frame_for(const ScenarioFigures& f)
{
    Bounds b;
    for (const auto& s : f.sites) b.extend(s.lon, s.lat);
    const auto& v = f.after.villages;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v.covered[i] && !f.before.villages.covered[i]) b.extend(v.location.lon[i], v.location.lat[i]);
    const double w = std::max(b.max_x - b.min_x, 0.0), h = std::max(b.max_y - b.min_y, 0.0);
    const double px = std::max(w * kFramePad, (kMinSpanDeg - w) / 2), py = std::max(h * kFramePad, (kMinSpanDeg - h) / 2);
    return Bounds{b.min_x - px, b.min_y - py, b.max_x + px, b.max_y + py};
}

// The scenario's sites and the villages they newly cover, drawn over the project's layers.
std::vector<ResultLayer> result_layers(const ScenarioFigures& f)
{
    ResultLayer villages{QStringLiteral("scenario_newly_covered"), QStringLiteral("新覆盖的村"), Role::village, {},
                         Style{kNewlyCoveredColor, "#ffffff", 6, 0.8, 1}};
    villages.layer.role = Role::village;
    const auto& v = f.after.villages;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v.covered[i] && !f.before.villages.covered[i]) villages.layer.add_point(v.location.lon[i], v.location.lat[i]);
    ResultLayer sites{QStringLiteral("scenario_sites"),
                      QStringLiteral("拟建%1（方案）").arg(QString::fromStdString(f.after.role_name)), f.scenario.role, {},
                      Style{kProposedColor, "#ffffff", 13, 2, 1}};
    sites.layer.role = f.scenario.role;
    for (const auto& s : f.sites) sites.layer.add_point(s.lon, s.lat);
    return {std::move(villages), std::move(sites)};
}

}  // namespace

QString write_scenario_pdf(const QString& projectPath, const QString& scenarioName, const QString& pdfPath)
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
        return QStringLiteral("%1：项目中没有名为「%2」的规划方案；可用的方案有 %3。请在“选址规划”面板中保存方案后再导出")
            .arg(projectPath, scenarioName, names.isEmpty() ? QStringLiteral("（无）") : names.join(QStringLiteral("、")));
    if (scenario->sites.empty())
        return QStringLiteral("%1：方案「%2」还没有拟建网点：请在“选址规划”面板中加入网点并保存方案后再导出")
            .arg(projectPath, scenarioName);
    const auto layers = analysis::load_project(*project);
    if (!layers) return QString::fromStdString(layers.error().text());
    const auto figures = scenario_figures(*project, layers->layers, *scenario);
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

    const QString temp = pdfPath + QStringLiteral(".part");
    auto fail_write = [&] {
        QFile::remove(temp);
        return QStringLiteral("无法写入 PDF %1：请检查目录是否存在且可写").arg(pdfPath);
    };
    QPdfWriter pdf(temp);
    pdf.setResolution(kPdfDpi);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
    pdf.setTitle(QStringLiteral("规划方案：%1").arg(scenarioName));
    pdf.setCreator(QStringLiteral("CoopMap 供销服务网络一张图"));
    QPainter p;
    if (!p.begin(&pdf)) return fail_write();
    p.setRenderHint(QPainter::Antialiasing);
    Pages pages(pdf, p, QString::fromStdString(project->name) + QStringLiteral("    ") + date_line(), 1);
    pages.start(QStringLiteral("规划方案：%1").arg(scenarioName));
    const QRect b = pages.body();

    // The plan in one line: what is built, how it was chosen, what "covered" means.
    pages.font(11, false, kMuted);
    p.drawText(QRect(b.left(), b.top(), b.width(), pages.mm(7)), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("新建%1 %2 处    选址目标：%3    覆盖标准：%4")
                   .arg(QString::fromStdString(f.after.role_name))
                   .arg(f.sites.size())
                   .arg(objective_name(scenario->objective), reach_text(f.after)));

    // Left: the map at the print layout's own aspect.
    const int top = b.top() + pages.mm(10);
    const QRect map_area(b.left(), top, b.width() * 64 / 100, b.bottom() - top);
    QSize size = map->image.size();
    size.scale(map_area.size(), Qt::KeepAspectRatio);
    const QRect target(map_area.left(), map_area.top(), size.width(), size.height());
    p.drawImage(target, map->image);
    p.setPen(QPen(kRule, pages.mm(0.3)));
    p.drawRect(target);

    // Right: coverage before and after, then the sites.
    const QRect side(target.right() + pages.mm(8), top, b.right() - target.right() - pages.mm(8), b.bottom() - top);
    const auto& was = f.before.table.total;
    const auto& now = f.after.table.total;
    pages.font(13, true);
    p.drawText(QRect(side.left(), side.top(), side.width(), pages.mm(8)), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("覆盖变化（%1）").arg(QString::fromStdString(f.after.role_name)));
    auto signed_int = [](long long d) { return (d > 0 ? QStringLiteral("+") : QString()) + QString::number(d); };
    const std::vector<QStringList> change{
        {QStringLiteral("村覆盖率"), pct(was.share()), pct(now.share()),
         QStringLiteral("%1%2 个百分点").arg(now.share() >= was.share() ? QStringLiteral("+") : QString())
             .arg(100 * (now.share() - was.share()), 0, 'f', 1)},
        {QStringLiteral("覆盖村数"), QString::number(was.covered), QString::number(now.covered),
         signed_int(static_cast<long long>(now.covered) - static_cast<long long>(was.covered))},
        {QStringLiteral("覆盖人口（万人）"), wan(was.population_covered), wan(now.population_covered),
         QStringLiteral("+") + wan(now.population_covered - was.population_covered)},
        {QStringLiteral("未覆盖村数"), QString::number(was.uncovered()), QString::number(now.uncovered()),
         signed_int(static_cast<long long>(now.uncovered()) - static_cast<long long>(was.uncovered()))},
    };
    int y = table(p, pages, QRect(side.left(), side.top() + pages.mm(10), side.width(), pages.mm(40)),
                  {QStringLiteral("指标"), QStringLiteral("现状"), QStringLiteral("建成后"), QStringLiteral("变化")},
                  {2.2, 1.1, 1.1, 1.5}, change, 0, 9.5);

    pages.font(13, true);
    p.drawText(QRect(side.left(), y + pages.mm(6), side.width(), pages.mm(8)), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("拟建网点（%1 处）").arg(f.sites.size()));
    std::vector<QStringList> rows;
    std::size_t villages = 0;
    double population = 0;
    for (std::size_t k = 0; k < f.sites.size(); ++k) {
        const auto& s = f.sites[k];
        villages += s.villages;
        population += s.population;
        if (k < kMaxSiteRows)
            rows.push_back({QString::fromStdString(s.name.empty() ? std::to_string(k + 1) : s.name), QString::number(s.villages),
                            QString::number(s.population, 'f', 0)});
    }
    if (f.sites.size() > kMaxSiteRows)
        rows.push_back({QStringLiteral("另 %1 处（见导出的网点图层）").arg(f.sites.size() - kMaxSiteRows), QString(), QString()});
    rows.push_back({QStringLiteral("合计"), QString::number(villages), QString::number(population, 'f', 0)});
    y = table(p, pages, QRect(side.left(), y + pages.mm(16), side.width(), 0),
              {QStringLiteral("拟建网点"), QStringLiteral("新覆盖村数"), QStringLiteral("新覆盖人口")}, {2.6, 1.3, 1.4}, rows, 1, 9.5);
    pages.font(8.5, false, kMuted);
    p.drawText(QRect(side.left(), y + pages.mm(2), side.width(), pages.mm(12)), Qt::AlignLeft | Qt::TextWordWrap,
               QStringLiteral("新覆盖的村计入离它最近的拟建网点；合计等于建成后与现状覆盖村数之差。"));
    if (!p.end()) return fail_write();

    if ((QFile::exists(pdfPath) && !QFile::remove(pdfPath)) || !QFile::rename(temp, pdfPath)) return fail_write();
    return {};
}

}  // namespace coopmap::present
