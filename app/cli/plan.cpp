// plan: where to build the next sites of a role — maximal covering, set covering or
// p-median — with the answer's gap to the best bound; the chosen sites as a layer.
// The GUI's planning panel calls the same analysis::planning::run_plan.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "analysis/planning/plan_run.h"
#include "analysis/project_data.h"
#include "commands.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

namespace pl = analysis::planning;

struct PlanArgs {
    std::string project, role = "village_cooperative", radius, objective = "max-coverage", out;
    std::string candidates = "all", weight = "population", exclude;
    std::vector<std::string> existing;  // role keys; empty: the tier's own
    double minutes = 0;
    int new_sites = 20;
    double target = 0.9, spacing = 0, time_limit = 20;
    int per_township = 0;
    bool exact = false, heuristic = false;
};

Error usage(const std::string& file, std::string message)
{
    return Error{.file = file, .layer = {}, .feature = {}, .message = std::move(message)};
}

int plan(const PlanArgs& a)
{
    pl::PlanRequest q;
    const auto role = role_from_key(a.role);
    if (!role) return fail(usage(a.project, "--role " + a.role + " 无法识别：请用 village_cooperative 等网点类型"));
    q.role = *role;
    if (!analysis::is_facility(q.role))
        return fail(usage(a.project, "--role " + a.role + " 不是网点类型：请用 village_cooperative 等网点类型"));
    if (!a.existing.empty()) {
        auto existing = analysis::facility_roles_from_keys(a.existing, a.project);
        if (!existing) {
            auto e = existing.error();
            e.message = "--existing " + e.message;
            return fail(e);
        }
        q.existing = std::move(*existing);
    }
    if (!a.radius.empty()) {
        const auto r = parse_distance(a.radius);
        if (!r) return fail(usage(a.project, "--radius " + a.radius + " 无法识别：请写成 3km 或 3000m"));
        q.radius_m = *r;
    }
    if (a.objective == "max-coverage") q.solve.objective = pl::Objective::max_coverage;
    else if (a.objective == "set-cover") q.solve.objective = pl::Objective::set_cover;
    else if (a.objective == "p-median") q.solve.objective = pl::Objective::p_median;
    else
        return fail(
            usage(a.project, "--objective " + a.objective + " 无法识别：请用 max-coverage、set-cover 或 p-median"));
    if (a.candidates == "all") q.candidates = pl::CandidateSet::all_villages;
    else if (a.candidates == "uncovered") q.candidates = pl::CandidateSet::uncovered_villages;
    else {
        q.candidates = pl::CandidateSet::layer;
        q.candidate_layer = a.candidates;
    }
    if (a.weight != "population" && a.weight != "households" && a.weight != "villages")
        return fail(usage(a.project, "--weight " + a.weight + " 无法识别：请用 population、households 或 villages"));
    q.weight = a.weight;
    if (a.new_sites < 1) return fail(usage(a.project, "--new 须至少为 1"));
    q.solve.new_sites = a.new_sites;
    q.solve.target = a.target > 1 ? a.target / 100 : a.target;
    q.solve.time_limit_s = a.time_limit;
    q.solve.method = a.exact ? pl::Method::exact : a.heuristic ? pl::Method::heuristic : pl::Method::automatic;
    q.rules.min_spacing_m = a.spacing;
    q.rules.max_per_township = a.per_township;
    if (a.minutes < 0) return fail(usage(a.project, "--minutes 须为正数（行车分钟数）"));
    q.minutes = a.minutes;
    if (q.minutes > 0 && !a.radius.empty())
        return fail(usage(a.project, "--radius 与 --minutes 只能给一个：按直线距离或按行车时间"));

    const auto project = read_project(a.project);
    if (!project) return fail(project.error());
    const auto layers = analysis::load_project(*project);
    if (!layers) return fail(layers.error());
    warn(*layers);
    // --exclude: a polygon layer of the project by id, else a file GDAL reads.
    std::optional<Layer> excluded;
    if (!a.exclude.empty()) {
        if (std::any_of(project->layers.begin(), project->layers.end(),
                        [&](const LayerConfig& l) { return l.id == a.exclude; }))
            q.excluded_layer = a.exclude;
        else {
            auto loaded = io::read_layer(io::SourceSpec{a.exclude, {}, {}, {}, Role::admin_boundary, a.exclude});
            if (!loaded) return fail(loaded.error());
            excluded = std::move(loaded->layer);
            excluded->name = a.exclude;
            q.excluded_areas = &*excluded;
        }
    }
    const auto r = pl::run_plan(*project, layers->layers, q);
    if (!r) return fail(r.error());
    const auto& s = r->solution;
    const double total = std::max(s.total_weight, 1e-9);
    const std::string reach = r->data.minutes > 0
                                  ? "行车 " + std::to_string(int(std::lround(r->data.minutes))) + " 分钟"
                                  : "半径 " + std::to_string(int(std::lround(r->data.radius_m))) + " 米";
    std::printf("选址：%s，%s，现有网点 %zu 个（%s），候选点 %zu 个，新网点 %zu 个\n",
                std::string(role_name_zh(q.role)).c_str(), reach.c_str(), r->data.existing_lon.size(),
                analysis::role_names_zh(r->data.existing_roles).c_str(), r->data.cand_name.size(), s.sites.size());
    {
        // What the existing sites serve already, to set beside `coverage --role` of the same roles.
        const auto before = pl::plan_coverage(r->data, {}, {});
        if (!before) return fail(before.error());
        const char* weight = a.weight == "population" ? "人口" : a.weight == "households" ? "户数" : "村数";
        std::printf("现有网点覆盖村 %zu / %zu（%.1f%%），%s %.0f / %.0f\n", before->covered_before, before->villages,
                    100.0 * double(before->covered_before) / double(std::max<std::size_t>(before->villages, 1)), weight,
                    before->covered_weight_before, before->weight);
    }
    if (r->data.candidates_excluded) std::printf("排除区域内的候选点 %zu 个，不予选择\n", r->data.candidates_excluded);
    if (r->data.minutes > 0)
        std::printf("离道路超过 %.0f 米：村 %zu 个、候选点 %zu 个（不计入行车可达）\n", q.snap_limit_m,
                    r->data.villages_off_road, r->data.candidates_off_road);
    if (q.solve.objective == pl::Objective::p_median && r->data.minutes > 0)
        // Villages no site reaches within the limit count at a penalty above any trip (plan_run).
        std::printf("人口加权行车时间 %.0f 人·分钟（下界 %.0f，差距 %.2f%%）；%.0f 分钟内可达人口 %.0f / %.0f\n",
                    s.objective, s.bound, 100 * s.gap, r->data.minutes, s.covered_weight, s.total_weight);
    else if (q.solve.objective == pl::Objective::p_median)
        std::printf("加权距离 %.0f（下界 %.0f，差距 %.2f%%）\n", s.objective, s.bound, 100 * s.gap);
    else
        std::printf("覆盖 %.0f / %.0f（%.1f%%），新增覆盖 %.0f；上界 %.0f，差距 %.3f%%\n", s.covered_weight,
                    s.total_weight, 100 * s.covered_weight / total,
                    q.solve.objective == pl::Objective::max_coverage ? s.objective : s.covered_weight, s.bound,
                    100 * s.gap);
    std::printf("方法：%s，%s；HiGHS %.2f 秒（%s）\n", s.method.c_str(), s.optimal ? "已证明最优" : "未证明最优",
                s.highs_seconds, s.highs_status.empty() ? "未运行" : s.highs_status.c_str());
    const auto layer = pl::plan_layer(*r);
    for (std::size_t k = 0; k < layer.size(); ++k)
        std::printf("  %2zu  %-16s %.5f, %.5f  +%.0f\n", k + 1, layer.columns[1].texts[k].c_str(), layer.first_x(k),
                    layer.first_y(k), layer.column("新覆盖人口")->reals[k]);
    if (!a.out.empty()) {
        const auto st = io::write_layer(layer, io::WriteSpec{.path = a.out, .layer = "plan_sites"});
        if (!st) return fail(st.error());
        std::printf("已写入 %s\n", a.out.c_str());
    }
    return 0;
}

}  // namespace

void add_plan(CLI::App& app)
{
    auto* cmd = app.add_subcommand("plan", "新网点选址：最大覆盖、集合覆盖或 p-中位 (site planning)");
    auto a = std::make_shared<PlanArgs>();
    cmd->add_option("project", a->project, "项目文件 *.coopmap")->required();
    cmd->add_option("--role", a->role, "新网点的类型，如 village_cooperative");
    cmd->add_option("--new", a->new_sites, "新网点数 p（最大覆盖、p-中位）");
    cmd->add_option("--radius", a->radius,
                    "服务半径，如 3km；默认按项目文件（有道路图层时 travel_minutes，否则 service_radii_m）");
    cmd->add_option("--existing", a->existing,
                    "算作现有网点的类型，逗号分隔，如 village_cooperative,village_service_station；默认同一层级的类型")
        ->delimiter(',');
    cmd->add_option("--objective", a->objective, "max-coverage | set-cover | p-median");
    cmd->add_option("--target", a->target, "集合覆盖的目标覆盖率，如 0.9 或 90");
    cmd->add_option("--candidates", a->candidates, "all（所有村）| uncovered（未覆盖的村）| 图层 id");
    cmd->add_option("--weight", a->weight, "population | households | villages");
    cmd->add_option("--minutes", a->minutes, "按道路行车时间（分钟）计算可达，代替 --radius");
    cmd->add_option("--exclude", a->exclude, "禁建区：项目中面图层的 id，或一个面数据文件（.gpkg、.shp…）");
    cmd->add_option("--min-spacing", a->spacing, "新网点之间及与现有网点的最小间距（米）");
    cmd->add_option("--per-township", a->per_township, "每个乡镇最多新建几个");
    cmd->add_option("--time-limit", a->time_limit, "HiGHS 的时间上限（秒）");
    cmd->add_flag("--exact", a->exact, "一定用 HiGHS 求精确最优（可能较慢）");
    cmd->add_flag("--heuristic", a->heuristic, "只用启发式（贪心 + 交换），报告与上界的差距");
    cmd->add_option("--out", a->out, "把选出的网点写入文件（.gpkg、.xlsx、.csv、.geojson…）");
    cmd->callback([a] { exit_status() = plan(*a); });
}

}  // namespace coopmap::cli
