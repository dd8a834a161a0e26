// Progress against the year's targets (project file `annual_targets`): per county and for the
// city, each figure's target, what was done and 完成率, unmet targets marked. The figures done
// come from the jobs that compute them elsewhere (network_growth, run_coverage, run_trusteeship,
// run_services, all for the year), so the progress table equals what each command prints.
#pragma once

#include <string>
#include <vector>

#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis {

struct TargetFigure {
    std::string key;  // build:<role>, upgrade:<role>, village_coverage, trusteeship_wan_mu, service_wan_mu_times
    std::string label;  // 新建村级供销社（个）, 村级网点覆盖率, 土地托管/流转（万亩）…
    std::string unit;  // 个, %, 万亩, 万亩次
    double target = 0;
    double done = 0;  // in the target's unit (shares 0..1 for coverage)

    // done / target; 1 for a target of 0.
    double rate() const { return target > 0 ? done / target : 1.0; }
    bool met() const { return done >= target; }
};

struct UnitProgress {
    std::string code;  // county code; "" for the city
    std::string name;  // county name; 全市 for the city
    std::vector<TargetFigure>
        figures;  // in the order build, upgrade (roles in DESIGN.md order), coverage, trusteeship, services
    std::size_t unmet() const;
};

struct TargetProgress {
    int year = 0;
    std::vector<UnitProgress> counties;  // counties with a target in the year, by code
    UnitProgress city;  // the city's own targets, else the sums of the counties' (not for coverage)
    std::string coverage_role;  // Chinese name of the role whose coverage village_coverage means
    std::string coverage_reach;  // e.g. "半径 3000 米"
    std::vector<Error> problems;  // from the jobs (service records placed nowhere…)
};

struct ProgressRequest {
    int year = 0;  // required: the year whose targets are checked
};

// The progress job (`coopmap-cli progress`, the year report's targets table). `layers` in project
// order. village_coverage is the coverage of village_service_station (kReportCoverageRole) at the
// project's default reach in the network at the end of the year. Errors: no target for the year,
// and the jobs' own (no parcels layer for a trusteeship target, no service records for a service
// target…); a cancelled `feedback` gives cancelled_error("分析已取消").
Result<TargetProgress> run_target_progress(const Project& project, const std::vector<Layer>& layers,
                                           const ProgressRequest& request, const Feedback& feedback = Feedback{});

// "94.4%": 完成率 with one decimal.
std::string rate_text(const TargetFigure& figure);
// A figure's target or done as the tables print it: counts as integers, shares as "90.0%", 万 with 2 decimals.
std::string figure_text(const TargetFigure& figure, double value);

// CSV (UTF-8 with BOM): 县代码,县（市、区）,指标,单位,目标,完成,完成率,是否完成; the city's rows last.
std::string target_progress_csv(const TargetProgress& progress);
std::string target_progress_text(const TargetProgress& progress);

}  // namespace coopmap::analysis
