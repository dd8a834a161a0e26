// What a planning scenario adds: the figures the planning panel shows for a scenario, its
// exports, the scenario PDF page, the report's scenario page and `plan --out` — computed one way,
// here. The existing service is the sites of the tier's roles (tier_roles: 村级供销社 and
// 村级综合服务社 together for the village tier) unless the request names others, so 现状 is
// the coverage `coopmap-cli coverage` gives for those roles at the scenario's reach.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/planning/plan_run.h"
#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis::planning {

struct ScenarioRequest {
    Scenario scenario;  // role, reach (0: the project's default for the role) and sites, in order
    // The roles whose sites count as existing service; unset: tier_roles(scenario.role).
    std::optional<std::vector<Role>> existing;
    double snap_limit_m = 2000;  // by road, as CoverageRequest's
};

// What one proposed site adds: the villages newly covered that no site before it in the
// scenario's order reaches (so the sites' additions sum to after − before), and their population.
struct SiteGain {
    std::string name;  // the scenario's name for it; "" stays "" (the pages number it)
    double lon = 0, lat = 0;
    std::size_t villages = 0;
    double population = 0;
};

// Coverage of the villages before (the existing sites) and after (with the scenario's sites).
struct ScenarioTotals {
    std::size_t villages = 0, covered = 0;
    double population = 0, population_covered = 0;  // unknown population counts 0
    std::size_t uncovered() const { return villages - covered; }
    double share() const { return villages ? double(covered) / double(villages) : 0; }
};

struct ScenarioFigures {
    Scenario scenario;
    std::string role_name;  // the new sites' role in Chinese (村级供销社)
    std::vector<Role> existing_roles;  // as taken
    std::size_t existing_sites = 0;
    Reach reach;  // as used, and why
    ScenarioTotals before, after;
    std::vector<SiteGain> sites;  // in the scenario's order, one per site
    std::vector<std::uint32_t> newly_covered;  // villages (index into data->village_*) the sites add
    // The villages, existing sites and reach the figures were made on (run_scenario sets it;
    // the panel has its own). Newly covered villages as a layer: villages_layer(*data, flags).
    std::shared_ptr<const PlanData> data;
};

// The figures over plan data the caller has (the planning panel's, made by plan_data with
// CandidateSet::none and its existing roles) for proposed sites in order. Weight is data.weight
// (population by default). Errors: by road without the road graph in `data`.
Result<ScenarioFigures> scenario_figures(const PlanData& data, const Scenario& scenario);

// The scenario job: plan_data for the scenario's role, reach and existing roles (no candidates),
// then scenario_figures. Errors are plan_data's (no village layer, no reach for the role, a role
// that is not a facility) and name the project file; a cancelled `feedback` gives
// cancelled_error("分析已取消"). A scenario without sites is figures with no additions.
Result<ScenarioFigures> run_scenario(const Project& project, const std::vector<Layer>& layers,
                                     const ScenarioRequest& request, const Feedback& feedback = Feedback{},
                                     RoadGraphCache* roads = nullptr);

// The scenario's sites with what each adds (序号, 名称, 新覆盖村数, 新覆盖人口) as a point layer
// of the scenario's role: what the panel exports to .gpkg/.xlsx/.csv.
Layer scenario_sites_layer(const ScenarioFigures& figures);

}  // namespace coopmap::analysis::planning
