#include "analysis/thematic.h"

#include <charconv>
#include <cmath>
#include <map>

#include "analysis/figure_text.h"
#include "analysis/network_year.h"
#include "analysis/reach_default.h"
#include "analysis/report_figures.h"
#include "analysis/services.h"
#include "analysis/trusteeship.h"
#include "index/identify.h"

namespace coopmap::analysis {

namespace {

Error thematic_error(const Project& p, const std::string& layer, std::string message)
{
    return Error{.file = p.file, .layer = layer, .feature = {}, .message = std::move(message)};
}

const char* level_name(GroupBy level) { return level == GroupBy::county ? "县" : "乡镇"; }

// Graduated symbols: one diameter per class, evenly from kSmallestPx to kLargestPx (range-graded
// symbols, Slocum et al., Thematic Cartography and Geovisualization, ch. 17): a class reads as
// one size, where proportional circles would make neighbours' sizes hard to tell apart.
constexpr double kSmallestPx = 8;
constexpr double kLargestPx = 30;

// What one figure's job says per code, in the figure's unit; `names` where the job has them.
struct FigureValues {
    std::map<std::string, double> value;
    std::map<std::string, std::string> name;
    std::vector<Error> problems;
    std::string role_name;  // coverage: whose coverage
    std::string missing;  // why a polygon without a value has none ("无村", "无记录")
};

Result<FigureValues> coverage_values(const Project& project, const std::vector<Layer>& layers,
                                     const ThematicRequest& request, const Feedback& feedback)
{
    CoverageRequest q;
    q.role = request.role.value_or(kReportCoverageRole);
    q.by = request.level;
    q.year = request.year;
    const bool population = request.figure == ThematicFigure::uncovered_population;
    if (population) {
        bool mapped = false;
        for (std::size_t i = 0; i < layers.size() && i < project.layers.size(); ++i)
            if (project.layers[i].role == Role::village && mapped_column(project.layers[i], layers[i], "population"))
                mapped = true;
        if (!mapped)
            return thematic_error(project, {},
                                  "村图层没有人口字段（population）：未覆盖人口无法计算，请在项目文件中为村图层映射 "
                                  "population 字段");
    }
    auto res = run_coverage(project, layers, q, feedback);
    if (!res) return res.error();
    FigureValues out;
    out.role_name = res->role_name;
    out.missing = "无村";
    // A township whose villages all lack a population has no uncovered population, not 0.
    std::map<std::string, std::size_t> known;
    if (population) {
        const auto& codes = request.level == GroupBy::county ? res->villages.county_code : res->villages.township_code;
        for (std::size_t v = 0; v < res->villages.size(); ++v)
            if (!std::isnan(res->villages.population[v])) ++known[codes[v]];
    }
    for (const auto& row : res->table.rows) {
        if (row.code.empty()) {
            out.problems.push_back(thematic_error(project, {},
                                                  std::to_string(row.villages) + " 个村没有" +
                                                      level_name(request.level) + "代码，未计入专题图"));
            continue;
        }
        out.name[row.code] = row.name;
        if (row.villages == 0) continue;
        if (population) {
            if (known[row.code] == 0) continue;
            out.value[row.code] = row.population_uncovered();
        } else {
            out.value[row.code] = 100.0 * row.share();
        }
    }
    if (population) out.missing = "无人口数";
    return out;
}

Result<FigureValues> trusteeship_values(const Project& project, const std::vector<Layer>& layers,
                                        const ThematicRequest& request, const Feedback& feedback)
{
    TrusteeshipRequest q;
    q.by = request.level == GroupBy::county ? TrusteeshipBy::county : TrusteeshipBy::township;
    q.year = request.year;
    auto stats = run_trusteeship(project, layers, q, feedback);
    if (!stats) return stats.error();
    FigureValues out;
    out.missing = "无托管地块";
    for (const auto& row : stats->rows) {
        if (row.key.empty()) {
            out.problems.push_back(thematic_error(project, {},
                                                  std::to_string(row.parcels) + " 块托管地块没有" +
                                                      level_name(request.level) + "代码，未计入专题图"));
            continue;
        }
        out.value[row.key] = row.total_wan_mu();
        out.name[row.key] = row.name;
    }
    return out;
}

Result<FigureValues> service_values(const Project& project, const std::vector<Layer>& layers,
                                    const ThematicRequest& request, const Feedback& feedback)
{
    ServicesRequest q;
    q.by = request.level == GroupBy::county ? ServicesBy::county : ServicesBy::township;
    q.year = request.year;
    auto totals = run_services(project, layers, q, feedback);
    if (!totals) return totals.error();
    FigureValues out;
    out.missing = "无服务记录";
    out.problems = totals->problems;
    for (const auto& row : totals->rows) {
        if (row.key.empty()) continue;  // placed nowhere: run_services' problems say so
        out.value[row.key] = row.wan_mu_times();
        out.name[row.key] = row.name;
    }
    return out;
}

Result<FigureValues> built_values(const Project& project, const std::vector<Layer>& layers,
                                  const ThematicRequest& request)
{
    if (request.level != GroupBy::county)
        return thematic_error(project, {}, "新建网点数按县（市、区）统计：请改为按县制图");
    if (request.year <= 0) return thematic_error(project, {}, "新建网点数是某一年的：请指定年份");
    auto growth = network_growth(project, layers, request.year, request.year);
    if (!growth) return growth.error();
    FigureValues out;
    out.missing = "无数据";
    for (const auto& row : growth->rows) {
        if (row.year != request.year || row.county_code.empty()) continue;
        if (request.role && row.role != *request.role) continue;
        out.value[row.county_code] += static_cast<double>(row.built);
        out.name[row.county_code] = row.county_name;
    }
    if (growth->sites_without_county)
        out.problems.push_back(thematic_error(
            project, {}, std::to_string(growth->sites_without_county) + " 个网点没有县代码，未计入专题图"));
    return out;
}

int figure_decimals(ThematicFigure f)
{
    switch (f) {
    case ThematicFigure::coverage_rate: return 1;
    case ThematicFigure::uncovered_population:
    case ThematicFigure::sites_built: return 0;
    case ThematicFigure::trusteeship_wan_mu:
    case ThematicFigure::service_wan_mu_times: return 2;
    }
    return 1;
}

}  // namespace

std::optional<ThematicFigure> thematic_figure_from(std::string_view t)
{
    if (t == "coverage_rate" || t == "coverage" || t == "村覆盖率" || t == "覆盖率")
        return ThematicFigure::coverage_rate;
    if (t == "uncovered_population" || t == "未覆盖人口") return ThematicFigure::uncovered_population;
    if (t == "trusteeship_wan_mu" || t == "trusteeship" || t == "托管面积" || t == "土地托管")
        return ThematicFigure::trusteeship_wan_mu;
    if (t == "service_wan_mu_times" || t == "services" || t == "服务面积" || t == "农业社会化服务")
        return ThematicFigure::service_wan_mu_times;
    if (t == "sites_built" || t == "新建网点" || t == "新建网点数") return ThematicFigure::sites_built;
    return std::nullopt;
}

std::string_view thematic_figure_key(ThematicFigure f)
{
    switch (f) {
    case ThematicFigure::coverage_rate: return "coverage_rate";
    case ThematicFigure::uncovered_population: return "uncovered_population";
    case ThematicFigure::trusteeship_wan_mu: return "trusteeship_wan_mu";
    case ThematicFigure::service_wan_mu_times: return "service_wan_mu_times";
    case ThematicFigure::sites_built: return "sites_built";
    }
    return "coverage_rate";
}

std::string_view thematic_figure_name(ThematicFigure f)
{
    switch (f) {
    case ThematicFigure::coverage_rate: return "村覆盖率";
    case ThematicFigure::uncovered_population: return "未覆盖人口";
    case ThematicFigure::trusteeship_wan_mu: return "土地托管/流转面积";
    case ThematicFigure::service_wan_mu_times: return "农业社会化服务面积";
    case ThematicFigure::sites_built: return "新建网点数";
    }
    return "";
}

std::string_view thematic_figure_unit(ThematicFigure f)
{
    switch (f) {
    case ThematicFigure::coverage_rate: return "%";
    case ThematicFigure::uncovered_population: return "人";
    case ThematicFigure::trusteeship_wan_mu: return "万亩";
    case ThematicFigure::service_wan_mu_times: return "万亩次";
    case ThematicFigure::sites_built: return "个";
    }
    return "";
}

std::optional<BreakMethod> break_method_from(std::string_view key)
{
    if (key == "natural") return BreakMethod::natural;
    if (key == "quantile") return BreakMethod::quantile;
    if (key == "fixed") return BreakMethod::fixed;
    return std::nullopt;
}

std::string_view break_method_key(BreakMethod method)
{
    switch (method) {
    case BreakMethod::natural: return "natural";
    case BreakMethod::quantile: return "quantile";
    case BreakMethod::fixed: return "fixed";
    }
    return "natural";
}

std::optional<GroupBy> thematic_level_from(std::string_view key)
{
    if (key == "township") return GroupBy::township;
    if (key == "county") return GroupBy::county;
    return std::nullopt;
}

std::string_view thematic_level_key(GroupBy level) { return level == GroupBy::county ? "county" : "township"; }

ThematicRequest thematic_defaults(const Project& project)
{
    ThematicRequest q;
    const ThematicDefaults& t = project.thematic;
    // parse_project has read these keys with the same parsers; a key it did not check (a
    // Project made in code) keeps the built-in default.
    if (const auto f = thematic_figure_from(t.figure)) q.figure = *f;
    if (const auto l = thematic_level_from(t.level)) q.level = *l;
    q.breaks = t.breaks;
    if (const auto m = break_method_from(t.method)) q.method = *m;
    else if (!t.breaks.empty()) q.method = BreakMethod::fixed;  // breaks without a method: fixed, as --breaks
    if (t.classes && *t.classes > 0) q.classes = static_cast<std::size_t>(*t.classes);
    if (t.year) q.year = *t.year;
    q.role = t.role;
    q.symbols = t.symbols;
    return q;
}

bool thematic_is_count(ThematicFigure f)
{
    return f == ThematicFigure::uncovered_population || f == ThematicFigure::sites_built;
}

std::vector<std::string> thematic_ramp(std::size_t classes)
{
    // ColorBrewer YlGnBu, 3 to 9 classes (colorbrewer2.org; Harrower & Brewer 2003, The
    // Cartographic Journal 40(1)).
    static const std::vector<std::vector<std::string>> kYlGnBu = {
        {"#edf8b1", "#7fcdbb", "#2c7fb8"},
        {"#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"},
        {"#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"},
        {"#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"},
        {"#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"},
        {"#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"},
        {"#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"},
    };
    if (classes == 0 || classes > kMaxThematicClasses) return {};
    if (classes == 1) return {kYlGnBu[0][1]};
    if (classes == 2) return {kYlGnBu[0][0], kYlGnBu[0][2]};
    return kYlGnBu[classes - 3];
}

Result<ThematicMap> run_thematic(const Project& project, const std::vector<Layer>& layers,
                                 const ThematicRequest& request, const Feedback& feedback)
{
    const std::string level = request.level == GroupBy::county ? "county" : "township";
    if (request.method != BreakMethod::fixed && (request.classes < 1 || request.classes > kMaxThematicClasses))
        return thematic_error(project, {}, "分级数应在 1 到 9 之间（配色方案 YlGnBu 最多 9 级）");
    if (request.method == BreakMethod::fixed && request.breaks.empty())
        return thematic_error(project, {}, "固定分级需要界值（从小到大，逗号分隔），例如 60,80,90");
    if (request.method == BreakMethod::fixed && request.breaks.size() + 1 > kMaxThematicClasses)
        return thematic_error(project, {}, "固定分级最多 8 个界值（9 级）");
    if (layers.size() != project.layers.size())
        return thematic_error(project, {}, "图层尚未全部读入，请重新打开项目后再制作专题图");
    std::size_t index = layers.size();
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (project.layers[i].role == Role::admin_boundary && project.layers[i].level == level) {
            index = i;
            break;
        }
    if (index == layers.size())
        return thematic_error(project, {},
                              std::string("项目中没有") + level_name(request.level) +
                                  "界图层（role admin_boundary，level " + level + "）：请加入该图层，或改为按" +
                                  (request.level == GroupBy::county ? "乡镇" : "县") + "制图");
    const LayerConfig& cfg = project.layers[index];
    const Layer& boundary = layers[index];
    const Column* code = mapped_column(cfg, boundary, "code");
    if (!code)
        return thematic_error(project, cfg.id, "边界图层没有代码字段（code）：请在项目文件中为该图层映射 code 字段");
    const Column* name = mapped_column(cfg, boundary, "name");

    const Feedback job = feedback.part(0, 0.9);
    Result<FigureValues> values = FigureValues{};
    switch (request.figure) {
    case ThematicFigure::coverage_rate:
    case ThematicFigure::uncovered_population: values = coverage_values(project, layers, request, job); break;
    case ThematicFigure::trusteeship_wan_mu: values = trusteeship_values(project, layers, request, job); break;
    case ThematicFigure::service_wan_mu_times: values = service_values(project, layers, request, job); break;
    case ThematicFigure::sites_built: values = built_values(project, layers, request); break;
    }
    if (!values) return values.error();
    if (feedback.cancelled()) return cancelled_error("分析已取消", project.file);

    ThematicMap m;
    m.request = request;
    m.figure_name = std::string(thematic_figure_name(request.figure));
    m.unit = std::string(thematic_figure_unit(request.figure));
    m.decimals = figure_decimals(request.figure);
    m.layer_id = cfg.id;
    m.layer_index = index;
    m.problems = std::move(values->problems);
    const std::string what = request.figure == ThematicFigure::coverage_rate && !values->role_name.empty()
                                 ? values->role_name + "覆盖率"
                                 : m.figure_name;
    m.title = what + "（" + m.unit + "）· 按" + level_name(request.level);
    if (request.year > 0) m.title += " · " + std::to_string(request.year) + "年";

    const auto anchors = index::polygon_label_points(boundary);
    std::vector<double> series;
    std::map<std::string, bool> on_map;
    for (std::uint32_t f = 0; f < boundary.size(); ++f) {
        ThematicUnit u;
        u.feature = f;
        u.code = code->text(f);
        u.name = name ? name->text(f) : std::string();
        if (u.name.empty())
            if (const auto it = values->name.find(u.code); it != values->name.end()) u.name = it->second;
        if (f < anchors.size()) {
            u.anchor_lon = anchors[f].lon;
            u.anchor_lat = anchors[f].lat;
        }
        if (const auto it = values->value.find(u.code); it != values->value.end() && std::isfinite(it->second)) {
            u.value = it->second;
            series.push_back(it->second);
        }
        on_map[u.code] = true;
        m.units.push_back(std::move(u));
    }
    for (const auto& [c, v] : values->value)
        if (!on_map.contains(c))
            m.problems.push_back(thematic_error(project, cfg.id,
                                                std::string(level_name(request.level)) + "代码“" + c + "”（" +
                                                    values->name[c] + "）在边界图层中没有，其数值 " +
                                                    number_text("%g", v) + " 未画在专题图上"));
    if (series.empty())
        return thematic_error(project, cfg.id,
                              "没有一个" + std::string(level_name(request.level)) + "有" + m.figure_name + "的数值（" +
                                  values->missing + "）：请检查年份和数据");

    auto breaks = request.method == BreakMethod::natural    ? natural_breaks(series, request.classes)
                  : request.method == BreakMethod::quantile ? quantile_breaks(series, request.classes)
                                                            : fixed_breaks(series, request.breaks);
    if (!breaks) {
        Error e = breaks.error();
        e.file = project.file;
        return e;
    }
    m.breaks = std::move(*breaks);
    m.request.classes = m.breaks.classes();
    m.colors = thematic_ramp(m.breaks.classes());
    for (auto& label : m.breaks.labels(m.decimals)) m.labels.push_back(label + " " + m.unit);
    m.symbols = thematic_is_count(request.figure) && request.symbols.value_or(true);
    if (m.symbols) {
        const std::size_t k = m.breaks.classes();
        for (std::size_t i = 0; i < k; ++i)
            m.symbol_px.push_back(k == 1 ? (kSmallestPx + kLargestPx) / 2
                                         : kSmallestPx + (kLargestPx - kSmallestPx) * static_cast<double>(i) /
                                                             static_cast<double>(k - 1));
    }
    for (auto& u : m.units) {
        if (!u.value) {
            ++m.no_value;
            continue;
        }
        u.cls = m.breaks.class_of(*u.value);
        if (!m.symbol_px.empty()) u.symbol_px = m.symbol_px[u.cls];
    }
    if (m.no_value) m.no_value_label = "无数值（" + values->missing + "）";
    feedback.set_progress(1);
    return m;
}

std::optional<std::vector<double>> parse_breaks(std::string_view text)
{
    // A full-width comma (，) as a Chinese keyboard types it separates as well.
    std::string t(text);
    for (std::size_t at; (at = t.find("，")) != std::string::npos;) t.replace(at, std::string("，").size(), ",");
    std::vector<double> out;
    std::size_t start = 0;
    while (true) {
        const auto comma = t.find(',', start);
        std::string_view part(t.data() + start, (comma == std::string::npos ? t.size() : comma) - start);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        double v = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
        if (part.empty() || ec != std::errc() || end != part.data() + part.size()) return std::nullopt;
        out.push_back(v);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

std::string thematic_text(const ThematicMap& m)
{
    std::string out = m.title + "\n";
    const std::string fmt = "%." + std::to_string(m.decimals) + "f";
    for (const auto& u : m.units) {
        out += u.code + "  " + u.name + "  ";
        out += u.value ? number_text(fmt.c_str(), *u.value) + " " + m.unit + "  第 " + std::to_string(u.cls + 1) + " 级"
                       : m.no_value_label;
        out += "\n";
    }
    out += "图例：\n";
    for (std::size_t i = 0; i < m.labels.size(); ++i)
        out += "  " + m.colors[i] + "  " + m.labels[i] + "（" + std::to_string(m.breaks.counts[i]) + " 个）\n";
    if (m.no_value)
        out += "  " + std::string(ThematicMap::kNoValueColor) + "  " + m.no_value_label + "（" +
               std::to_string(m.no_value) + " 个）\n";
    return out;
}

}  // namespace coopmap::analysis
