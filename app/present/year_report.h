// The year-end report (年度工作情况), A4 portrait PDF: the year's headline figures with their change
// against the year before, the growth of each kind of site by year, the targets table (every
// county's target, done, 完成率, unmet ones marked, the city's rows), trusteeship and agricultural
// services by county and kind, the chart pages (charts.h) and a choropleth page. Every figure is
// the engine's, from the jobs `coopmap-cli progress`, `services`, `trusteeship` run
// (run_target_progress, run_services, run_trusteeship, network_growth), so report and CLI agree.
#pragma once

#include <QString>
#include <vector>

#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::present {

struct YearReportInfo {
    int pages = 0;
    std::size_t unmet = 0;  // targets of the year not met (counties' and the city's)
};

// `layers` in project order (load_project, or the window's snapshot). Writes `out`
// write-then-rename. Errors name the project, a layer or the output file; a year the project has
// no target for gives a targets page that says so, not an error.
Result<YearReportInfo> write_year_report(const Project& project, const std::vector<Layer>& layers, int year,
                                         const QString& out, const Feedback& feedback = Feedback{});

// The same from a project file (coopmap-cli report --year).
Result<YearReportInfo> write_year_report(const QString& project_file, int year, const QString& out);

}  // namespace coopmap::present
