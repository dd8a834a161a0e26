// The report's figures are the engine's (analysis/report_figures.h); these names stay for the
// callers in app/ not yet switched to it (app/present/kpi_controller).
#pragma once

#include "analysis/report_figures.h"

namespace coopmap::present {

using analysis::percent_text;
using analysis::SiteCount;
using analysis::wan_text;
using Figures = analysis::ReportFigures;
inline constexpr Role kCoverageRole = analysis::kReportCoverageRole;

inline Result<Figures> compute_figures(const Project& project, const std::vector<Layer>& layers)
{
    return analysis::run_report_figures(project, layers);
}

}  // namespace coopmap::present
