// coverage: which villages a facility role (or a tier of roles) reaches, by radius or by road,
// the table per county or township, and the gaps as layers. The whole job is
// analysis::run_coverage, which the GUI's analysis panel runs too; this builds the request and
// prints the result.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "analysis/coverage_export.h"
#include "analysis/coverage_run.h"
#include "analysis/project_data.h"
#include "analysis/reach_default.h"
#include "commands.h"
#include "io/atomic_write.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

struct CoverageArgs {
    std::string project, role = "village_service_station", radius, by = "county", out, table;
    double minutes = 0;
    int year = 0;
};

Error usage_error(const std::string& file, std::string message)
{
    return Error{.file = file, .layer = {}, .feature = {}, .message = std::move(message)};
}

Status write_text(const std::string& path, const std::string& text) { return io::write_file_atomically(path, text); }

int coverage(const CoverageArgs& a)
{
    // --role a,b: the sites of every role named serve, at the first one's reach.
    std::vector<std::string> keys;
    for (std::size_t at = 0; at <= a.role.size();) {
        const auto comma = std::min(a.role.find(',', at), a.role.size());
        keys.push_back(a.role.substr(at, comma - at));
        at = comma + 1;
    }
    const auto roles = analysis::facility_roles_from_keys(keys, a.project);
    if (!roles || roles->empty())
        return fail(usage_error(a.project, "--role " + a.role +
                                               " 不是网点类型：请用 village_cooperative、village_service_station、"
                                               "grassroots_cooperative、township_supermarket、distribution_center 或 "
                                               "agri_service_center（几种一起算时用逗号分隔）"));
    analysis::CoverageRequest q;
    q.role = roles->front();
    q.with.assign(roles->begin() + 1, roles->end());
    if (!a.radius.empty()) {
        const auto r = parse_distance(a.radius);
        if (!r) return fail(usage_error(a.project, "--radius " + a.radius + " 无法识别：请写成 3km 或 3000m"));
        q.radius_m = *r;
    }
    q.minutes = a.minutes;
    q.year = a.year;
    if (a.by == "township") q.by = analysis::GroupBy::township;
    else if (a.by == "county") q.by = analysis::GroupBy::county;
    else return fail(usage_error(a.project, "--by " + a.by + " 无法识别：请用 township（乡镇）或 county（县）"));

    const auto project = read_project(a.project);
    if (!project) return fail(project.error());
    const auto layers = analysis::load_project(*project);
    if (!layers) return fail(layers.error());
    warn(*layers);

    // Uncovered villages and the table always; with --out also the merged coverage, the gap
    // polygons and, by minutes, every facility's isochrone.
    q.areas = !a.out.empty();
    const auto result = analysis::run_coverage(*project, layers->layers, q);
    if (!result) return fail(result.error());
    std::printf("%s", analysis::coverage_table_text(*result).c_str());

    if (!a.table.empty())
        if (auto s = write_text(a.table, analysis::coverage_table_csv(*result)); !s) return fail(s.error());
    if (!a.out.empty())
        if (auto s = analysis::export_coverage(*result, a.out, result->polygons()); !s) return fail(s.error());
    return 0;
}

}  // namespace

void add_coverage(CLI::App& app)
{
    auto* cmd =
        app.add_subcommand("coverage", "网点服务覆盖：按半径或行车时间统计各县/乡镇覆盖村数 (coverage and gaps)");
    auto a = std::make_shared<CoverageArgs>();
    cmd->add_option("project", a->project, "项目文件 *.coopmap")->required();
    cmd->add_option("--role", a->role,
                    "网点类型，如 village_service_station；几种一起算时用逗号分隔，如 "
                    "village_cooperative,village_service_station（按第一种的半径）")
        ->capture_default_str();
    auto* radius = cmd->add_option(
        "--radius", a->radius, "服务半径，如 3km；默认按项目文件（有道路图层时 travel_minutes，否则 service_radii_m）");
    auto* minutes = cmd->add_option("--minutes", a->minutes, "按道路行车时间（分钟）计算覆盖");
    cmd->add_option("--by", a->by, "汇总到 township（乡镇）或 county（县）")->capture_default_str();
    cmd->add_option("--out", a->out,
                    "输出未覆盖村、汇总表、覆盖范围、空白区和（按行车时间时）等时圈：.gpkg；也可 .xlsx 或 .csv");
    cmd->add_option("--table", a->table, "输出汇总表 (CSV, UTF-8)");
    add_year_option(*cmd, a->year, "按该年年末的网络计算（建成年份不晚于该年、非规划的网点）");
    radius->excludes(minutes);
    cmd->callback([a] { exit_status() = coverage(*a); });
}

}  // namespace coopmap::cli
