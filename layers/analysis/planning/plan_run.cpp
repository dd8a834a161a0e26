#include "analysis/planning/plan_run.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/coverage.h"
#include "analysis/coverage_run.h"
#include "analysis/planning/reach.h"
#include "analysis/planning/scenario.h"
#include "model/fields.h"

namespace coopmap::analysis::planning {

namespace {

Error plan_error(const Project& project, const std::string& layer, std::string message)
{
    return Error{.file = project.file, .layer = layer, .feature = {}, .message = std::move(message)};
}

}  // namespace

Result<PlanData> plan_data(const Project& project, const std::vector<Layer>& layers, const PlanRequest& request,
                           RoadGraphCache* roads)
{
    PlanData d;
    if (!is_facility(request.role))
        return plan_error(project, {}, "「" + std::string(role_name_zh(request.role)) + "」不是网点类型，无法为它选址");
    d.existing_roles = request.existing ? *request.existing : tier_roles(request.role);
    for (const Role r : d.existing_roles)
        if (!is_facility(r))
            return plan_error(project, {}, "现有网点的类型「" + std::string(role_name_zh(r)) + "」不是网点类型");
    const LayerConfig* village_cfg = nullptr;
    const Layer* villages = nullptr;
    for (std::size_t i = 0; i < project.layers.size() && i < layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        if (cfg.role == Role::village && !villages) {
            village_cfg = &cfg;
            villages = &layers[i];
        }
    }
    // The existing sites role by role, in the order of existing_roles.
    for (const Role r : d.existing_roles)
        for (std::size_t i = 0; i < project.layers.size() && i < layers.size(); ++i) {
            if (project.layers[i].role != r) continue;
            const auto pts = feature_points(layers[i]);
            d.existing_lon.insert(d.existing_lon.end(), pts.lon.begin(), pts.lon.end());
            d.existing_lat.insert(d.existing_lat.end(), pts.lat.begin(), pts.lat.end());
        }
    if (!villages)
        return plan_error(project, {}, "项目中没有村（village）图层：选址需要村的位置和人口，请在项目里加入村图层");
    auto used = requested_reach(project, layers, request.role, request.radius_m, request.minutes);
    if (!used) return used.error();
    d.reach = std::move(*used);
    d.radius_m = d.reach.radius_m;
    d.minutes = d.reach.minutes;
    const auto pts = feature_points(*villages);
    d.village_lon = pts.lon;
    d.village_lat = pts.lat;
    const auto* name = field_column(*villages, *village_cfg, "name");
    const auto* town = field_column(*villages, *village_cfg, "township_code");
    const Column* weight = nullptr;
    if (request.weight != "villages") {
        weight = field_column(*villages, *village_cfg, request.weight);
        if (!weight)
            return plan_error(project, village_cfg->id,
                              "村图层没有 " + request.weight +
                                  " 字段：请在项目的 fields 中映射它，或用 --weight villages");
    }
    for (std::size_t j = 0; j < villages->size(); ++j) {
        d.village_name.push_back(name ? name->text(j) : std::to_string(j + 1));
        d.village_township.push_back(town ? town->text(j) : std::string());
        const double w = weight ? weight->number(j) : 1.0;
        d.weight.push_back(std::isfinite(w) && w > 0 ? w : 0.0);
    }
    auto& pb = d.problem;
    pb.weight = d.weight;
    // By road: the graph of the project's first road layer, built once and cached.
    std::shared_ptr<const RoadGraph> graph;
    Points village_pts{d.village_lon, d.village_lat};
    if (d.minutes > 0) {
        const LayerConfig* road_cfg = nullptr;
        const Layer* road_layer = nullptr;
        for (std::size_t i = 0; i < project.layers.size() && i < layers.size(); ++i)
            if (project.layers[i].role == Role::road && layers[i].size() > 0 && !road_layer) {
                road_cfg = &project.layers[i];
                road_layer = &layers[i];
            }
        RoadSpeeds speeds;
        if (const auto* c = mapped_column(*road_cfg, *road_layer, "road_class")) speeds.class_column = c->name;
        if (const auto* c = mapped_column(*road_cfg, *road_layer, "speed")) speeds.speed_column = c->name;
        if (const auto* c = mapped_column(*road_cfg, *road_layer, "oneway")) speeds.oneway_column = c->name;
        RoadGraphCache local;
        auto g = (roads ? roads : &local)->get(*road_layer, speeds);
        if (!g) return g.error();
        graph = *g;
        d.roads = graph;
        d.snap_limit_m = request.snap_limit_m;
        auto cov = covered_by_road(*graph, village_pts, Points{d.existing_lon, d.existing_lat}, d.minutes,
                                   request.snap_limit_m);
        if (!cov) return cov.error();
        pb.covered = std::move(*cov);
    } else {
        pb.covered = covered_by_sites(d.village_lon, d.village_lat, d.existing_lon, d.existing_lat, d.radius_m);
    }
    pb.existing_lon = d.existing_lon;
    pb.existing_lat = d.existing_lat;
    std::map<std::string, std::int32_t> town_ids;
    auto add_candidate = [&](double lon, double lat, std::string cname, std::string ctown) {
        pb.cand_lon.push_back(lon);
        pb.cand_lat.push_back(lat);
        pb.cand_township.push_back(
            ctown.empty() ? -1 : town_ids.emplace(ctown, std::int32_t(town_ids.size())).first->second);
        d.cand_name.push_back(std::move(cname));
        d.cand_township.push_back(std::move(ctown));
    };
    if (request.candidates == CandidateSet::layer) {
        const Layer* cl = nullptr;
        const LayerConfig* ccfg = nullptr;
        for (std::size_t i = 0; i < project.layers.size() && i < layers.size(); ++i)
            if (project.layers[i].id == request.candidate_layer) {
                cl = &layers[i];
                ccfg = &project.layers[i];
            }
        if (!cl)
            return plan_error(project, request.candidate_layer,
                              "找不到候选点图层 " + request.candidate_layer + "：请用项目中图层的 id");
        const auto cp = feature_points(*cl);
        const auto* cn = field_column(*cl, *ccfg, "name");
        const auto* ct = field_column(*cl, *ccfg, "township_code");
        for (std::size_t i = 0; i < cl->size(); ++i)
            add_candidate(cp.lon[i], cp.lat[i], cn ? cn->text(i) : std::to_string(i + 1), ct ? ct->text(i) : "");
    } else if (request.candidates != CandidateSet::none) {
        for (std::size_t j = 0; j < d.village_lon.size(); ++j)
            if (request.candidates == CandidateSet::all_villages || !pb.covered[j])
                add_candidate(d.village_lon[j], d.village_lat[j], d.village_name[j], d.village_township[j]);
    }
    if (graph) {
        auto reach =
            coverage_by_road(*graph, village_pts, Points{pb.cand_lon, pb.cand_lat}, d.minutes, request.snap_limit_m);
        if (!reach) return reach.error();
        pb.coverage = std::move(reach->coverage);
        d.candidates_off_road = reach->candidates_off_road;
        d.villages_off_road = reach->demand_off_road;
    } else {
        pb.coverage = coverage_within_radius(d.village_lon, d.village_lat, pb.cand_lon, pb.cand_lat, d.radius_m);
    }
    pb.rules = request.rules;
    // Excluded areas: candidates inside them are never chosen (a fixed one there is an error
    // from the solver's rule check).
    const Layer* areas = request.excluded_areas;
    if (!request.excluded_layer.empty()) {
        for (std::size_t i = 0; i < project.layers.size() && i < layers.size(); ++i)
            if (project.layers[i].id == request.excluded_layer) areas = &layers[i];
        if (areas == request.excluded_areas)
            return plan_error(project, request.excluded_layer,
                              "找不到排除区域图层 " + request.excluded_layer + "：请用项目中面图层的 id");
    }
    if (areas) {
        auto inside = inside_areas(*areas, pb.cand_lon, pb.cand_lat);
        if (!inside) {
            auto e = inside.error();
            e.file = project.file;
            if (!request.excluded_layer.empty()) e.layer = request.excluded_layer;
            return e;
        }
        pb.rules.excluded.resize(pb.cand_lon.size(), 0);
        for (std::size_t i = 0; i < inside->size(); ++i) {
            d.candidates_excluded += (*inside)[i] != 0;
            pb.rules.excluded[i] |= (*inside)[i];
        }
    }
    return d;
}

Result<PlanResult> run_plan(const Project& project, const std::vector<Layer>& layers, const PlanRequest& request,
                            RoadGraphCache* roads)
{
    return run_plan(project, layers, request, Feedback{}, roads);
}

Result<PlanResult> run_plan(const Project& project, const std::vector<Layer>& layers, const PlanRequest& in,
                            const Feedback& feedback, RoadGraphCache* roads)
{
    // The matrix is quick beside the solver: a tenth of the bar. The solver hears the feedback
    // and the request's own callback alike; either stops it.
    PlanRequest request = in;
    const auto solver = feedback.part(0.1, 1).callback();
    request.solve.progress = [solver, own = in.solve.progress](double d) {
        const bool go = solver(d);
        return (!own || own(d)) && go;
    };
    if (feedback.cancelled()) return cancelled_error("已取消选址计算", project.file);
    auto data = plan_data(project, layers, request, roads);
    if (!data) return data.error();
    feedback.set_progress(0.1);
    if (feedback.cancelled()) return cancelled_error("已取消选址计算", project.file);
    PlanResult out{std::move(*data), {}};
    Result<SitingSolution> sol = Error{};
    if (request.solve.objective == Objective::p_median) {
        const auto& d = out.data;
        // By road: minutes, with villages beyond the limit from every site costing more than any trip.
        const auto dm = d.minutes > 0 && d.roads
                            ? road_minutes(*d.roads, Points{d.village_lon, d.village_lat},
                                           Points{d.problem.cand_lon, d.problem.cand_lat},
                                           Points{d.existing_lon, d.existing_lat}, d.minutes, d.snap_limit_m)
                            : straight_line_distances(d.village_lon, d.village_lat, d.problem.cand_lon,
                                                      d.problem.cand_lat, d.existing_lon, d.existing_lat);
        if (!dm) return Error{project.file, {}, {}, dm.error().message};
        sol = solve_p_median(out.data.problem, *dm, request.solve);
    } else {
        sol = solve_covering(out.data.problem, request.solve);
    }
    if (!sol) {
        auto e = sol.error();
        e.file = project.file;
        return e;
    }
    // A heuristic or a HiGHS run stopped by the cancel returns its best so far: still a cancel.
    if (feedback.cancelled()) return cancelled_error("已取消选址计算", project.file);
    out.solution = std::move(*sol);
    feedback.set_progress(1);
    return out;
}

Layer plan_layer(const PlanResult& plan)
{
    // The chosen sites as a scenario: their additions are the scenario page's for the same sites.
    Scenario sc;
    for (const auto c : plan.solution.sites)
        sc.sites.push_back(
            ScenarioSite{plan.data.cand_name[c], plan.data.problem.cand_lon[c], plan.data.problem.cand_lat[c]});
    const auto figures = scenario_figures(plan.data, sc);
    Layer l;
    l.name = "plan_sites";
    l.role = Role::village_cooperative;
    l.kind = GeometryKind::point;
    // Columns first, references after: add_column may move the vector.
    l.add_column("序号", FieldType::integer);
    l.add_column("名称", FieldType::text);
    l.add_column("乡镇代码", FieldType::text);
    l.add_column("新覆盖村数", FieldType::integer);
    l.add_column("新覆盖人口", FieldType::real);
    for (std::size_t k = 0; k < plan.solution.sites.size(); ++k) {
        const auto c = plan.solution.sites[k];
        l.add_point(plan.data.problem.cand_lon[c], plan.data.problem.cand_lat[c]);
        l.columns[0].integers.push_back(std::int64_t(k + 1));
        l.columns[1].texts.push_back(plan.data.cand_name[c]);
        l.columns[2].texts.push_back(plan.data.cand_township[c]);
        l.columns[3].integers.push_back(figures ? std::int64_t(figures->sites[k].villages) : 0);
        l.columns[4].reals.push_back(figures ? figures->sites[k].population : 0.0);
        for (auto& col : l.columns) col.null.push_back(0);
    }
    return l;
}

Layer sites_layer(const PlanData& data, const std::vector<std::string>& names, const std::vector<double>& lon,
                  const std::vector<double>& lat)
{
    Scenario sc;
    for (std::size_t k = 0; k < lon.size() && k < lat.size(); ++k)
        sc.sites.push_back(ScenarioSite{k < names.size() ? names[k] : std::to_string(k + 1), lon[k], lat[k]});
    auto figures = scenario_figures(data, sc);
    if (!figures) {
        // By road without the graph: the sites, adding no one (as a site off the network).
        figures = ScenarioFigures{};
        for (const auto& s : sc.sites) figures->sites.push_back(SiteGain{s.name, s.lon, s.lat, 0, 0});
    }
    auto l = scenario_sites_layer(*figures);
    l.role = Role::village_cooperative;
    return l;
}

Result<std::vector<std::uint8_t>> newly_covered(const PlanData& data, std::span<const double> lon,
                                                std::span<const double> lat)
{
    std::vector<std::uint8_t> reach;
    if (data.minutes > 0 && data.roads) {
        auto r = covered_by_road(*data.roads, Points{data.village_lon, data.village_lat},
                                 Points{{lon.begin(), lon.end()}, {lat.begin(), lat.end()}}, data.minutes,
                                 data.snap_limit_m);
        if (!r) return r.error();
        reach = std::move(*r);
    } else {
        reach = covered_by_sites(data.village_lon, data.village_lat, lon, lat, data.radius_m);
    }
    for (std::size_t j = 0; j < reach.size(); ++j)
        if (j < data.problem.covered.size() && data.problem.covered[j]) reach[j] = 0;
    return reach;
}

Result<PlanCoverage> plan_coverage(const PlanData& data, std::span<const double> lon, std::span<const double> lat)
{
    auto newly = newly_covered(data, lon, lat);
    if (!newly) return newly.error();
    PlanCoverage c;
    c.villages = data.village_lon.size();
    for (std::size_t j = 0; j < c.villages; ++j) {
        const double w = j < data.weight.size() ? data.weight[j] : 0.0;
        const bool before = j < data.problem.covered.size() && data.problem.covered[j];
        c.weight += w;
        if (before) {
            ++c.covered_before;
            c.covered_weight_before += w;
        }
        if (before || (j < newly->size() && (*newly)[j])) {
            ++c.covered;
            c.covered_weight += w;
        }
    }
    return c;
}

WhatIf what_if(const PlanData& data, std::vector<std::int32_t> township)
{
    WhatIf w;
    if (data.minutes > 0 && data.roads) {
        // Villages by the road node they snap to, once; then one search per site, stopped at the limit.
        auto graph = data.roads;
        const auto snaps = graph->snap_all(Points{data.village_lon, data.village_lat}, data.snap_limit_m);
        auto at_node = std::make_shared<std::vector<std::pair<std::uint32_t, std::uint32_t>>>();  // (node, village)
        for (std::uint32_t j = 0; j < snaps.size(); ++j)
            if (snaps[j].node != kNone) at_node->emplace_back(snaps[j].node, j);
        const double limit_s = data.minutes * 60, snap_m = data.snap_limit_m;
        w = WhatIf(data.village_lon, data.village_lat, data.weight, std::move(township),
                   [graph, at_node, limit_s, snap_m](double lon, double lat) {
                       std::vector<std::uint32_t> out;
                       const auto s = graph->snap(lon, lat, snap_m);
                       if (s.node == kNone) return out;  // off the network: reaches no one
                       const std::uint32_t src[] = {s.node};
                       const auto tt = travel_times(*graph, src, limit_s);
                       if (!tt) return out;
                       for (const auto& [node, j] : *at_node)
                           if (tt->seconds[node] <= limit_s) out.push_back(j);
                       std::sort(out.begin(), out.end());
                       return out;
                   });
    } else {
        w = WhatIf(data.village_lon, data.village_lat, data.weight, std::move(township), data.radius_m);
    }
    for (std::size_t k = 0; k < data.existing_lon.size(); ++k) w.add_site(data.existing_lon[k], data.existing_lat[k]);
    return w;
}

Layer villages_layer(const PlanData& data, const std::vector<std::uint8_t>& which)
{
    Layer l;
    l.name = "newly_covered_villages";
    l.role = Role::village;
    l.kind = GeometryKind::point;
    l.add_column("名称", FieldType::text);
    l.add_column("乡镇代码", FieldType::text);
    l.add_column("人口", FieldType::real);
    for (std::size_t j = 0; j < which.size() && j < data.village_lon.size(); ++j) {
        if (!which[j]) continue;
        l.add_point(data.village_lon[j], data.village_lat[j]);
        l.columns[0].texts.push_back(data.village_name[j]);
        l.columns[1].texts.push_back(data.village_township[j]);
        l.columns[2].reals.push_back(data.weight[j]);
        for (auto& c : l.columns) c.null.push_back(0);
    }
    return l;
}

}  // namespace coopmap::analysis::planning
