#include "analysis/report_figures.h"

#include "analysis/figure_text.h"
#include "analysis/reach_default.h"

namespace coopmap::analysis {

std::string percent_text(double share) { return number_text("%.1f%%", 100 * share); }
std::string wan_text(double value) { return number_text("%.2f", value / 10000.0); }

Result<ReportFigures> run_report_figures(const Project& project, const std::vector<Layer>& layers,
                                         const ReportRequest& request, const Feedback& feedback)
{
    ReportFigures f;
    f.project_name = project.name;
    for (Role role : kAllRoles) {
        if (!is_facility(role)) continue;
        SiteCount c{role, std::string(role_name_zh(role)), 0};
        bool present = false;
        for (std::size_t i = 0; i < project.layers.size() && i < layers.size(); ++i)
            if (project.layers[i].role == role) {
                present = true;
                c.sites += layers[i].size();
            }
        if (present) f.sites.push_back(std::move(c));
    }

    CoverageRequest q;
    q.role = request.role;
    q.by = GroupBy::county;
    auto coverage = run_coverage(project, layers, q, feedback.part(0, 0.5));
    if (!coverage) return coverage.error();
    f.coverage = std::move(*coverage);
    for (const auto& row : f.coverage.table.rows) f.counties_meeting_target += row.target_met ? 1 : 0;

    bool parcels = false;
    for (const auto& l : project.layers) parcels = parcels || l.role == Role::land_trusteeship;
    if (parcels) {
        auto t =
            run_trusteeship(project, layers, TrusteeshipRequest{TrusteeshipBy::county, 0, 0}, feedback.part(0.5, 0.7));
        if (!t) return t.error();
        f.trusteeship = std::move(*t);
    }

    const Scenario* scenario = nullptr;
    if (!request.scenario) {
        if (!project.scenarios.empty()) scenario = &project.scenarios.back();
    } else if (!request.scenario->empty()) {
        for (const auto& s : project.scenarios)
            if (s.name == *request.scenario) scenario = &s;
        if (!scenario)
            return Error{.file = project.file,
                         .layer = {},
                         .feature = {},
                         .message =
                             "项目中没有名为「" + *request.scenario + "」的规划方案：请在“选址规划”面板中保存方案"};
    }
    if (scenario) {
        planning::ScenarioRequest sq;
        sq.scenario = *scenario;
        auto sf = planning::run_scenario(project, layers, sq, feedback.part(0.7, 1));
        if (!sf) return sf.error();
        f.scenario = std::move(*sf);
    }
    feedback.set_progress(1);
    if (feedback.cancelled()) return cancelled();
    return f;
}

}  // namespace coopmap::analysis
