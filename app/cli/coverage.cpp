// coverage: which villages a facility role reaches (by radius or by road), the table per
// county or township, and the gaps as layers. The GUI's analysis panel calls the same
// analysis::run_coverage.
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "analysis/coverage_export.h"
#include "analysis/coverage_run.h"
#include "analysis/reach_default.h"
#include "analysis/service_areas.h"
#include "commands.h"
#include "analysis/project_data.h"
#include "io/atomic_write.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

struct CoverageArgs {
    std::string project, role = "village_service_station", radius, by = "county", out, table;
    double minutes = 0;
};

Error usage_error(const std::string& file, std::string message)
{
    return Error{.file = file, .layer = {}, .feature = {}, .message = std::move(message)};
}

Status write_text(const std::string& path, const std::string& text)
{
    return io::write_file_atomically(path, text);
}

int coverage(const CoverageArgs& a)
{
    const auto role = role_from_key(a.role);
    if (!role || !analysis::is_facility(*role))
        return fail(usage_error(a.project, "--role " + a.role +
                                               " 不是网点类型：请用 village_cooperative、village_service_station、"
                                               "grassroots_cooperative、township_supermarket、distribution_center 或 "
                                               "agri_service_center"));
    analysis::CoverageRequest q;
    q.role = *role;
    if (!a.radius.empty()) {
        const auto r = parse_distance(a.radius);
        if (!r) return fail(usage_error(a.project, "--radius " + a.radius + " 无法识别：请写成 3km 或 3000m"));
        q.radius_m = *r;
    }
    q.minutes = a.minutes;
    if (a.by == "township") q.by = analysis::GroupBy::township;
    else if (a.by == "county") q.by = analysis::GroupBy::county;
    else return fail(usage_error(a.project, "--by " + a.by + " 无法识别：请用 township（乡镇）或 county（县）"));

    const auto project = read_project(a.project);
    if (!project) return fail(project.error());
    const auto layers = analysis::load_project(*project);
    if (!layers) return fail(layers.error());
    warn(*layers);

    analysis::RoadGraphCache roads;  // built once, for the run and the isochrones
    const auto result = analysis::run_coverage(*project, layers->layers, q, &roads);
    if (!result) return fail(result.error());
    std::printf("%s", analysis::coverage_table_text(*result).c_str());

    if (!a.table.empty())
        if (auto s = write_text(a.table, analysis::coverage_table_csv(*result)); !s) return fail(s.error());
    if (!a.out.empty()) {
        // Uncovered villages and the table always; the merged coverage and the gap polygons; by
        // minutes also every facility's isochrone.
        auto iso = analysis::coverage_isochrones(*project, layers->layers, *result, &roads);
        if (!iso) return fail(iso.error());
        auto cover = analysis::coverage_area(*project, layers->layers, *result, &*iso);
        if (!cover) return fail(cover.error());
        std::vector<const Layer*> polygons{&*cover};
        std::optional<Layer> gaps;
        const Layer* town = analysis::admin_layer(*project, layers->layers, "township");
        const Layer* county = analysis::admin_layer(*project, layers->layers, "county");
        if (const Layer* area = town ? town : county) {
            auto g = analysis::coverage_gaps(*area, *cover);
            if (!g) return fail(g.error());
            gaps = std::move(*g);
            polygons.push_back(&*gaps);
        }
        if (result->request.minutes > 0) polygons.push_back(&*iso);
        if (auto s = analysis::export_coverage(*result, a.out, polygons); !s) return fail(s.error());
    }
    return 0;
}

}  // namespace

void add_coverage(CLI::App& app)
{
    auto* cmd = app.add_subcommand("coverage", "网点服务覆盖：按半径或行车时间统计各县/乡镇覆盖村数 (coverage and gaps)");
    auto a = std::make_shared<CoverageArgs>();
    cmd->add_option("project", a->project, "项目文件 *.coopmap")->required();
    cmd->add_option("--role", a->role, "网点类型，如 village_service_station")->capture_default_str();
    auto* radius = cmd->add_option("--radius", a->radius, "服务半径，如 3km；默认按项目文件（有道路图层时 travel_minutes，否则 service_radii_m）");
    auto* minutes = cmd->add_option("--minutes", a->minutes, "按道路行车时间（分钟）计算覆盖");
    cmd->add_option("--by", a->by, "汇总到 township（乡镇）或 county（县）")->capture_default_str();
    cmd->add_option("--out", a->out, "输出未覆盖村、汇总表、覆盖范围、空白区和（按行车时间时）等时圈：.gpkg；也可 .xlsx 或 .csv");
    cmd->add_option("--table", a->table, "输出汇总表 (CSV, UTF-8)");
    radius->excludes(minutes);
    cmd->callback([a] { exit_status() = coverage(*a); });
}

}  // namespace coopmap::cli
