// The headline figures for leadership (the presentation's KPI cards, the PDF report's cover,
// tables and scenario page): counted and computed by the jobs coopmap-cli runs (run_coverage,
// run_trusteeship, planning::run_scenario), so a card, a report page and the CLI can never
// disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/coverage_run.h"
#include "analysis/planning/scenario.h"
#include "analysis/trusteeship.h"
#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis {

struct SiteCount {
    Role role = Role::village_cooperative;
    std::string name;  // Chinese role name
    std::size_t sites = 0;
};

// The role whose coverage the figures report: `coopmap-cli coverage`'s default.
inline constexpr Role kReportCoverageRole = Role::village_service_station;

struct ReportRequest {
    Role role = kReportCoverageRole;  // the coverage reported, at the project's default reach
    // The scenario on the scenario page, by name; unset: the project's last; "": none.
    std::optional<std::string> scenario;
};

struct ReportFigures {
    std::string project_name;
    std::vector<SiteCount> sites;  // facility roles present, in DESIGN.md order
    CoverageResult coverage;  // by county, request.role at its default reach
    std::optional<TrusteeshipStats> trusteeship;  // by county; none without parcels
    std::size_t counties_meeting_target = 0;  // rows of coverage.table with target_met
    std::optional<planning::ScenarioFigures> scenario;  // run_scenario of the request's scenario
};

// The report-figures job. `layers` in project order (load_project). Errors are the jobs' and
// name the project file and layer (and a scenario name the project does not have); a
// cancelled `feedback` gives cancelled_error("分析已取消").
Result<ReportFigures> run_report_figures(const Project& project, const std::vector<Layer>& layers,
                                         const ReportRequest& request = {}, const Feedback& feedback = Feedback{});

// "87.3%": shares as the CLI's table prints them (one decimal).
std::string percent_text(double share);
// "12.34": 万 units with two decimals (万人, 万亩).
std::string wan_text(double value);

}  // namespace coopmap::analysis
