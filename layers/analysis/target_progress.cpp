#include "analysis/target_progress.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "analysis/coverage_run.h"
#include "analysis/figure_text.h"
#include "analysis/network_year.h"
#include "analysis/reach_default.h"
#include "analysis/report_figures.h"
#include "analysis/services.h"
#include "analysis/trusteeship.h"

namespace coopmap::analysis {

namespace {

// One figure's key, label and unit; the keys in the order the tables list them.
struct FigureKind {
    std::string key, label, unit;
};

std::vector<FigureKind> figure_kinds()
{
    std::vector<FigureKind> out;
    for (const char* what : {"build", "upgrade"})
        for (Role role : kAllRoles)
            if (is_facility(role))
                out.push_back(
                    {std::string(what) + ":" + std::string(role_key(role)),
                     std::string(std::string(what) == "build" ? "新建" : "改造升级") + std::string(role_name_zh(role)),
                     "个"});
    out.push_back({"village_coverage", "村级网点覆盖率", "%"});
    out.push_back({"trusteeship_wan_mu", "土地托管/流转", "万亩"});
    out.push_back({"service_wan_mu_times", "农业社会化服务", "万亩次"});
    return out;
}

std::optional<double> target_of(const AnnualTarget& t, const std::string& key)
{
    if (key == "village_coverage") return t.village_coverage;
    if (key == "trusteeship_wan_mu") return t.trusteeship_wan_mu;
    if (key == "service_wan_mu_times") return t.service_wan_mu_times;
    const auto colon = key.find(':');
    const auto& m = key.substr(0, colon) == "build" ? t.build : t.upgrade;
    if (const auto it = m.find(key.substr(colon + 1)); it != m.end()) return it->second;
    return std::nullopt;
}

}  // namespace

std::size_t UnitProgress::unmet() const
{
    std::size_t n = 0;
    for (const auto& f : figures) n += f.met() ? 0 : 1;
    return n;
}

Result<TargetProgress> run_target_progress(const Project& project, const std::vector<Layer>& layers,
                                           const ProgressRequest& request, const Feedback& feedback)
{
    std::vector<const AnnualTarget*> targets;
    const AnnualTarget* city_target = nullptr;
    for (const auto& t : project.annual_targets)
        if (t.year == request.year) {
            if (t.county.empty()) city_target = &t;
            else targets.push_back(&t);
        }
    if (targets.empty() && !city_target)
        return Error{.file = project.file,
                     .layer = {},
                     .feature = {},
                     .message = "项目中没有 " + std::to_string(request.year) +
                                " 年的目标（annual_targets）：请在项目文件中写入该年各县的目标"};
    const auto kinds = figure_kinds();
    std::map<std::string, bool> wanted;
    for (const auto& k : kinds) {
        bool any = city_target && target_of(*city_target, k.key);
        for (const auto* t : targets) any = any || target_of(*t, k.key).has_value();
        wanted[k.key] = any;
    }
    bool sites = false;
    for (const auto& [key, any] : wanted) sites = sites || (any && key.find(':') != std::string::npos);

    TargetProgress out;
    out.year = request.year;
    // The figures done, each from its own job for the year.
    std::optional<NetworkGrowth> growth;
    if (sites) {
        auto g = network_growth(project, layers, request.year, request.year);
        if (!g) return g.error();
        growth = std::move(*g);
    }
    std::optional<CoverageResult> coverage;
    if (wanted["village_coverage"]) {
        CoverageRequest q;
        q.role = kReportCoverageRole;
        q.by = GroupBy::county;
        q.year = request.year;
        auto c = run_coverage(project, layers, q, feedback.part(0, 0.7));
        if (!c) return c.error();
        out.coverage_role = c->role_name;
        out.coverage_reach = c->reach.minutes > 0 ? number_text("行车 %.0f 分钟", c->reach.minutes)
                                                  : number_text("半径 %.0f 米", c->reach.radius_m);
        coverage = std::move(*c);
    }
    std::optional<TrusteeshipStats> trust;
    if (wanted["trusteeship_wan_mu"]) {
        auto t = run_trusteeship(project, layers, TrusteeshipRequest{TrusteeshipBy::county, 0, request.year},
                                 feedback.part(0.7, 0.85));
        if (!t) return t.error();
        trust = std::move(*t);
    }
    std::optional<ServiceTotals> services;
    if (wanted["service_wan_mu_times"]) {
        auto s =
            run_services(project, layers, ServicesRequest{ServicesBy::county, request.year}, feedback.part(0.85, 1));
        if (!s) return s.error();
        out.problems = s->problems;
        services = std::move(*s);
    }
    if (feedback.cancelled()) return cancelled();

    // What was done in a county ("" for the city).
    const auto done = [&](const std::string& key, const std::string& county) -> double {
        if (key == "village_coverage") {
            if (county.empty()) return coverage->table.total.share();
            for (const auto& r : coverage->table.rows)
                if (r.code == county) return r.share();
            return 0;
        }
        if (key == "trusteeship_wan_mu") {
            if (county.empty()) return trust->total.total_wan_mu();
            for (const auto& r : trust->rows)
                if (r.key == county) return r.total_wan_mu();
            return 0;
        }
        if (key == "service_wan_mu_times") {
            if (county.empty()) return services->total.wan_mu_times();
            for (const auto& r : services->rows)
                if (r.key == county) return r.wan_mu_times();
            return 0;
        }
        const auto colon = key.find(':');
        const auto role = role_from_key(key.substr(colon + 1));
        const GrowthRow* row = role ? growth->find(request.year, *role, county) : nullptr;
        if (!row) return 0;
        return static_cast<double>(key.substr(0, colon) == "build" ? row->built : row->rebuilt);
    };

    std::map<std::string, std::string> names;
    if (const Layer* cl = admin_layer(project, layers, "county"))
        for (std::size_t i = 0; i < layers.size(); ++i)
            if (&layers[i] == cl) {
                const Column* code = mapped_column(project.layers[i], *cl, "code");
                const Column* name = mapped_column(project.layers[i], *cl, "name");
                if (code && name)
                    for (std::size_t f = 0; f < cl->size(); ++f) names[code->text(f)] = name->text(f);
            }
    for (const auto* t : targets) {
        UnitProgress u;
        u.code = t->county;
        const auto it = names.find(t->county);
        u.name = it != names.end() ? it->second : t->county;
        for (const auto& k : kinds)
            if (const auto target = target_of(*t, k.key))
                u.figures.push_back({k.key, k.label, k.unit, *target, done(k.key, t->county)});
        out.counties.push_back(std::move(u));
    }
    out.city.name = "全市";
    for (const auto& k : kinds) {
        // The city's own target, else the sum of the counties' (a city's coverage is no sum of
        // its counties' shares: only its own target counts).
        bool set = false;
        double target = 0;
        if (const auto own = city_target ? target_of(*city_target, k.key) : std::nullopt) {
            set = true;
            target = *own;
        } else if (k.key != "village_coverage") {
            for (const auto* t : targets)
                if (const auto v = target_of(*t, k.key)) {
                    set = true;
                    target += *v;
                }
        }
        if (set) out.city.figures.push_back({k.key, k.label, k.unit, target, done(k.key, "")});
    }
    feedback.set_progress(1);
    return out;
}

std::string rate_text(const TargetFigure& f) { return number_text("%.1f%%", 100 * f.rate()); }

std::string figure_text(const TargetFigure& f, double v)
{
    if (f.unit == "%") return number_text("%.1f%%", 100 * v);
    if (f.unit == "个") return number_text("%.0f", v);
    return number_text("%.2f", v);
}

std::string target_progress_csv(const TargetProgress& p)
{
    std::string out = "\xEF\xBB\xBF县代码,县（市、区）,指标,单位,目标,完成,完成率,是否完成\n";
    const auto unit = [&](const UnitProgress& u) {
        for (const auto& f : u.figures)
            out += u.code + "," + u.name + "," + f.label + "," + f.unit + "," + figure_text(f, f.target) + "," +
                   figure_text(f, f.done) + "," + rate_text(f) + "," + (f.met() ? "完成" : "未完成") + "\n";
    };
    for (const auto& u : p.counties) unit(u);
    unit(p.city);
    return out;
}

std::string target_progress_text(const TargetProgress& p)
{
    std::string out = std::to_string(p.year) + " 年目标完成情况";
    if (!p.coverage_reach.empty()) out += "（覆盖率：" + p.coverage_role + "，" + p.coverage_reach + "）";
    out += "\n县代码\t县（市、区）\t指标\t目标\t完成\t完成率\t\n";
    const auto unit = [&](const UnitProgress& u) {
        for (const auto& f : u.figures)
            out += u.code + "\t" + u.name + "\t" + f.label + "（" + f.unit + "）\t" + figure_text(f, f.target) + "\t" +
                   figure_text(f, f.done) + "\t" + rate_text(f) + "\t" + (f.met() ? "" : "未完成") + "\n";
    };
    for (const auto& u : p.counties) unit(u);
    unit(p.city);
    std::size_t unmet = p.city.unmet();
    for (const auto& u : p.counties) unmet += u.unmet();
    out += "\n未完成的目标：" + std::to_string(unmet) + " 项\n";
    return out;
}

}  // namespace coopmap::analysis
