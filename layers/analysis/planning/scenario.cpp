#include "analysis/planning/scenario.h"

#include <algorithm>
#include <cmath>

#include "analysis/coverage.h"
#include "analysis/coverage_run.h"

namespace coopmap::analysis::planning {

Result<ScenarioFigures> scenario_figures(const PlanData& data, const Scenario& scenario)
{
    if (data.minutes > 0 && !data.roads)
        return Error{.file = {},
                     .layer = {},
                     .feature = {},
                     .message = "方案按行车时间计算覆盖，但没有道路图：请在项目中加入道路图层"};
    ScenarioFigures f;
    f.scenario = scenario;
    f.role_name = std::string(role_name_zh(scenario.role));
    f.existing_roles = data.existing_roles;
    f.existing_sites = data.existing_lon.size();
    f.reach = data.reach;
    const std::size_t n = data.village_lon.size();
    std::vector<std::uint8_t> hit(n, 0);
    for (std::size_t j = 0; j < n; ++j) hit[j] = j < data.problem.covered.size() && data.problem.covered[j];
    f.before.villages = f.after.villages = n;
    for (std::size_t j = 0; j < n; ++j) {
        const double w = j < data.weight.size() ? data.weight[j] : 0.0;
        f.before.population += w;
        if (hit[j]) {
            ++f.before.covered;
            f.before.population_covered += w;
        }
    }
    f.after = f.before;
    // Site by site in the scenario's order: each village counts for the first site that reaches it.
    for (const auto& site : scenario.sites) {
        SiteGain g{site.name, site.lon, site.lat, 0, 0};
        const double lon[] = {site.lon}, lat[] = {site.lat};
        auto reach = newly_covered(data, lon, lat);
        if (!reach) return reach.error();
        for (std::size_t j = 0; j < n && j < reach->size(); ++j) {
            if (!(*reach)[j] || hit[j]) continue;
            hit[j] = 1;
            f.newly_covered.push_back(std::uint32_t(j));
            ++g.villages;
            g.population += j < data.weight.size() ? data.weight[j] : 0.0;
        }
        f.after.covered += g.villages;
        f.after.population_covered += g.population;
        f.sites.push_back(std::move(g));
    }
    std::sort(f.newly_covered.begin(), f.newly_covered.end());
    return f;
}

Result<ScenarioFigures> run_scenario(const Project& project, const std::vector<Layer>& layers,
                                     const ScenarioRequest& request, const Feedback& feedback, RoadGraphCache* roads)
{
    if (feedback.cancelled()) return cancelled();
    PlanRequest q;
    q.role = request.scenario.role;
    q.existing = request.existing;
    // The scenario's reach; 0 and 0: the project's default for the role (requested_reach).
    q.radius_m = request.scenario.minutes > 0 ? 0 : request.scenario.radius_m;
    q.minutes = request.scenario.minutes;
    q.snap_limit_m = request.snap_limit_m;
    q.candidates = CandidateSet::none;
    // Population where the villages have it (plan_data reads the first village layer); else
    // the villages only count, and the population figures are 0 as run_coverage's are.
    bool population = false;
    for (std::size_t i = 0; i < project.layers.size() && i < layers.size(); ++i)
        if (project.layers[i].role == Role::village) {
            population = mapped_column(project.layers[i], layers[i], "population") != nullptr;
            break;
        }
    q.weight = population ? "population" : "villages";
    auto data = plan_data(project, layers, q, roads);
    if (!data) return data.error();
    if (!population) std::fill(data->weight.begin(), data->weight.end(), 0.0);
    feedback.set_progress(0.5);
    if (feedback.cancelled()) return cancelled();
    auto shared = std::make_shared<const PlanData>(std::move(*data));
    auto f = scenario_figures(*shared, request.scenario);
    if (!f) {
        auto e = f.error();
        e.file = project.file;
        return e;
    }
    f->data = std::move(shared);
    feedback.set_progress(1);
    if (feedback.cancelled()) return cancelled();
    return f;
}

Layer scenario_sites_layer(const ScenarioFigures& figures)
{
    Layer l;
    l.name = "scenario_sites";
    l.role = figures.scenario.role;
    l.kind = GeometryKind::point;
    l.add_column("序号", FieldType::integer);
    l.add_column("名称", FieldType::text);
    l.add_column("新覆盖村数", FieldType::integer);
    l.add_column("新覆盖人口", FieldType::real);
    for (std::size_t k = 0; k < figures.sites.size(); ++k) {
        const auto& s = figures.sites[k];
        l.add_point(s.lon, s.lat);
        l.columns[0].integers.push_back(std::int64_t(k + 1));
        l.columns[1].texts.push_back(s.name.empty() ? std::to_string(k + 1) : s.name);
        l.columns[2].integers.push_back(std::int64_t(s.villages));
        l.columns[3].reals.push_back(s.population);
        for (auto& c : l.columns) c.null.push_back(0);
    }
    return l;
}

}  // namespace coopmap::analysis::planning
