// The headline figures for leadership (KPI cards, the PDF report): counted and computed by
// the engine functions coopmap-cli calls (analysis::run_coverage, analysis::trusteeship_stats),
// so a card, a report page and `coopmap-cli coverage` can never disagree. Plain C++, no Qt.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/coverage_run.h"
#include "analysis/trusteeship.h"
#include "model/error.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::present {

struct SiteCount {
    Role role = Role::village_cooperative;
    std::string name;  // Chinese role name
    std::size_t sites = 0;
};

// What one proposed site adds: the villages newly covered whose nearest facility (by distance,
// or by travel time on roads) it would be, so the sites' additions sum to after - before.
struct SiteGain {
    std::string name;
    double lon = 0, lat = 0;
    std::size_t villages = 0;
    double population = 0;
};

// A planning scenario with the coverage of its role and reach before and after its sites are
// built (the same run_coverage, its sites added as one more layer of the role).
struct ScenarioFigures {
    Scenario scenario;
    analysis::CoverageResult before;
    analysis::CoverageResult after;
    std::vector<SiteGain> sites;  // in the scenario's order
};

// Errors are run_coverage's (no village layer, no radius for the role, no roads for minutes).
Result<ScenarioFigures> scenario_figures(const Project& project, const std::vector<Layer>& layers, const Scenario& scenario);

struct Figures {
    std::string project_name;
    std::vector<SiteCount> sites;                 // facility roles present, in DESIGN.md order
    analysis::CoverageResult coverage;            // by county, the CLI's default role and reach
    std::optional<analysis::TrusteeshipStats> trusteeship;  // by county; none without parcels
    std::size_t counties_meeting_target = 0;      // rows of coverage.table with target_met
    std::optional<ScenarioFigures> scenario;  // the project's last scenario
};

// The role whose coverage the figures report: `coopmap-cli coverage`'s default.
inline constexpr Role kCoverageRole = Role::village_service_station;

// `layers` in project order (io::load_project_layers). Errors are run_coverage's or
// trusteeship_stats's and name the project file and layer.
Result<Figures> compute_figures(const Project& project, const std::vector<Layer>& layers);

// "87.3%": shares as the CLI's table prints them (one decimal).
std::string percent_text(double share);
// "12.34": 万 units with two decimals (万人, 万亩).
std::string wan_text(double value);

}  // namespace coopmap::present
