// Site planning over a loaded project: the one entry point `coopmap-cli plan` and the GUI's
// planning panel both call, so their numbers agree.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/planning/site_planning.h"
#include "analysis/planning/what_if.h"
#include "analysis/reach_default.h"
#include "analysis/road_graph.h"
#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis::planning {

// none: only the villages and existing sites (the what-if needs no candidate matrix).
enum class CandidateSet { all_villages, uncovered_villages, layer, none };

struct PlanRequest {
    Role role = Role::village_cooperative;  // the new sites' role
    // The roles whose sites count as serving their villages already; unset: the tier's own
    // (tier_roles(role)); empty: none, a plan from scratch.
    std::optional<std::vector<Role>> existing;
    double radius_m = 0;  // > 0: reach is this geodesic radius
    double minutes = 0;  // > 0: reach is travel time over the project's road layer (replaces
        // the radius); neither: the project's default (default_reach)
    double snap_limit_m = 2000;  // by road: points farther from any road are off the network
    CandidateSet candidates = CandidateSet::all_villages;
    std::string candidate_layer;  // project layer id, with CandidateSet::layer
    std::string weight = "population";  // population | households | villages
    SiteRules rules;  // excluded/fixed index the candidates
    std::string excluded_layer;  // project layer id of polygons no new site may be in
    const Layer* excluded_areas = nullptr;  // or such polygons given directly (not owned)
    SolveOptions solve;
};

// The villages, the existing sites and the candidates a plan works on.
struct PlanData {
    std::vector<double> village_lon, village_lat, weight;
    std::vector<std::string> village_name, village_township;
    std::vector<Role> existing_roles;  // whose sites these are
    std::vector<double> existing_lon, existing_lat;
    std::vector<std::string> cand_name, cand_township;
    Reach reach;  // as used, and why
    double radius_m = 0;  // reach.radius_m
    double minutes = 0;  // reach.minutes; > 0: reach was by road
    std::size_t candidates_excluded = 0;  // inside the excluded areas
    std::size_t candidates_off_road = 0, villages_off_road = 0;
    std::shared_ptr<const RoadGraph> roads;  // the graph reach was computed on (by road only)
    double snap_limit_m = 0;
    SitingProblem problem;
};

// `roads` caches the road graph between runs (may be null).
Result<PlanData> plan_data(const Project& project, const std::vector<Layer>& layers, const PlanRequest& request,
                           RoadGraphCache* roads = nullptr);

struct PlanResult {
    PlanData data;
    SitingSolution solution;
};
// The planning job (`coopmap-cli plan`, the planning panel's 建议选址): the plan data, then the
// solver. request.solve.progress, when set, hears the solver's share too; a cancelled `feedback`
// gives cancelled_error("已取消选址计算").
Result<PlanResult> run_plan(const Project& project, const std::vector<Layer>& layers, const PlanRequest& request,
                            const Feedback& feedback = Feedback{}, RoadGraphCache* roads = nullptr);
// The same without a Feedback (cancel through request.solve.progress), for callers not yet on it.
Result<PlanResult> run_plan(const Project& project, const std::vector<Layer>& layers, const PlanRequest& request,
                            RoadGraphCache* roads);

// The chosen sites as a point layer (序号, 名称, 乡镇代码, 新覆盖村数, 新覆盖人口) ready for
// io::write_layer: what `plan --out` writes. The two figures are scenario_figures' (scenario.h)
// for the sites in the solution's order, so they equal the scenario page's for the same sites.
Layer plan_layer(const PlanResult& plan);

// Proposed sites in order (a scenario) as a point layer (序号, 名称, 新覆盖村数, 新覆盖人口):
// scenario_figures' additions (scenario.h), what each adds beyond the existing sites and the
// ones before it by the plan's reach.
Layer sites_layer(const PlanData& data, const std::vector<std::string>& names, const std::vector<double>& lon,
                  const std::vector<double>& lat);

// 1 for each village that sites at (lon, lat) reach and no existing site did: within
// data.radius_m, or by road when the plan's reach was by road (data.minutes > 0).
Result<std::vector<std::uint8_t>> newly_covered(const PlanData& data, std::span<const double> lon,
                                                std::span<const double> lat);

// What a plan covers with the sites at (lon, lat) besides the existing ones, by the plan's reach
// (newly_covered): the 方案 figures the planning panel shows.
struct PlanCoverage {
    std::size_t villages = 0, covered = 0, covered_before = 0;  // covered_before: by the existing sites
    double weight = 0, covered_weight = 0, covered_weight_before = 0;
};
Result<PlanCoverage> plan_coverage(const PlanData& data, std::span<const double> lon, std::span<const double> lat);

// The what-if over a plan's villages and existing sites (added first, ids 0 … existing − 1), by the
// plan's reach: within data.radius_m, or by road (one search from the site per evaluation).
// `township`: dense township id per village, or -1.
WhatIf what_if(const PlanData& data, std::vector<std::int32_t> township);

// The villages flagged in `which` as a point layer (名称, 乡镇代码, 人口): the newly covered
// villages shown on the map beside the proposed sites.
Layer villages_layer(const PlanData& data, const std::vector<std::uint8_t>& which);

}  // namespace coopmap::analysis::planning
