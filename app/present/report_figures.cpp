#include "report_figures.h"

#include <cmath>
#include <cstdio>

namespace coopmap::present {

namespace {

bool is_facility(Role r)
{
    return r == Role::village_cooperative || r == Role::village_service_station || r == Role::grassroots_cooperative ||
           r == Role::township_supermarket || r == Role::distribution_center || r == Role::agri_service_center;
}

std::string fmt(const char* f, double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

}  // namespace

std::string percent_text(double share) { return fmt("%.1f%%", 100 * share); }
std::string wan_text(double value) { return fmt("%.2f", value / 10000.0); }

Result<ScenarioFigures> scenario_figures(const Project& project, const std::vector<Layer>& layers, const Scenario& s)
{
    // Both runs get a layer of the scenario's role (empty before), so a role the project has
    // no sites of yet is covered by none before rather than an error.
    auto run = [&](bool with_sites) {
        Project with = project;
        std::vector<Layer> all = layers;
        LayerConfig config;
        config.id = "scenario_sites";
        config.title = s.name;
        config.role = s.role;
        Layer sites;
        sites.name = s.name;
        sites.role = s.role;
        if (with_sites)
            for (const auto& site : s.sites) sites.add_point(site.lon, site.lat);
        with.layers.push_back(config);
        all.push_back(std::move(sites));
        analysis::CoverageRequest q;
        q.role = s.role;
        q.radius_m = s.minutes > 0 ? 0 : s.radius_m;
        q.minutes = s.minutes;
        q.by = analysis::GroupBy::county;
        return analysis::run_coverage(with, all, q);
    };
    auto before = run(false);
    if (!before) return before.error();
    auto after = run(true);
    if (!after) return after.error();

    ScenarioFigures out{s, std::move(*before), std::move(*after), {}};
    for (const auto& site : s.sites) out.sites.push_back(SiteGain{site.name, site.lon, site.lat, 0, 0});
    // The scenario's layer is the last of its role, so its sites are the last facilities.
    const std::size_t first = out.after.facilities.size() - s.sites.size();
    const auto& v = out.after.villages;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v.covered[i] || out.before.villages.covered[i] || v.nearest[i] == analysis::kNone || v.nearest[i] < first) continue;
        auto& gain = out.sites[v.nearest[i] - first];
        ++gain.villages;
        gain.population += std::isnan(v.population[i]) ? 0.0 : v.population[i];
    }
    return out;
}

Result<Figures> compute_figures(const Project& project, const std::vector<Layer>& layers)
{
    Figures f;
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

    analysis::CoverageRequest q;
    q.role = kCoverageRole;
    q.by = analysis::GroupBy::county;
    auto coverage = analysis::run_coverage(project, layers, q);
    if (!coverage) return coverage.error();
    f.coverage = std::move(*coverage);
    for (const auto& row : f.coverage.table.rows) f.counties_meeting_target += row.target_met ? 1 : 0;

    bool parcels = false;
    for (const auto& l : project.layers) parcels = parcels || l.role == Role::land_trusteeship;
    if (parcels) {
        auto t = analysis::trusteeship_stats(project, layers, analysis::TrusteeshipBy::county);
        if (!t) return t.error();
        f.trusteeship = std::move(*t);
    }

    if (!project.scenarios.empty()) {
        auto sf = scenario_figures(project, layers, project.scenarios.back());
        if (!sf) return sf.error();
        f.scenario = std::move(*sf);
    }
    return f;
}

}  // namespace coopmap::present
