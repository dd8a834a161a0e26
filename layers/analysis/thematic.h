// Thematic maps (专题图): a choropleth (分级设色) of one township or county figure over the admin
// boundary polygons, with graduated symbols for counts. Every figure is the one its own job
// computes (run_coverage, run_trusteeship, run_services, network_growth), classed by
// class_breaks.h and coloured from one sequential ramp; the window's map, presentation mode,
// `coopmap-cli render --theme` and the report draw this result and nothing else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/class_breaks.h"
#include "analysis/coverage_run.h"
#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis {

enum class ThematicFigure {
    coverage_rate,  // 村覆盖率 (%): run_coverage's share of villages covered
    uncovered_population,  // 未覆盖人口 (人): run_coverage's population not covered; a count
    trusteeship_wan_mu,  // 土地托管/流转面积 (万亩): run_trusteeship
    service_wan_mu_times,  // 农业社会化服务 (万亩次): run_services
    sites_built,  // 新建网点 (个) in the request's year: network_growth; a count, by county only
};

// "coverage_rate" … "sites_built"; also the Chinese names (村覆盖率, 未覆盖人口, 托管面积, 服务面积,
// 新建网点) and the short keys trusteeship, services. nullopt: none of these.
std::optional<ThematicFigure> thematic_figure_from(std::string_view text);
std::string_view thematic_figure_key(ThematicFigure figure);
// "村覆盖率", "未覆盖人口", "土地托管/流转面积", "农业社会化服务面积", "新建网点数".
std::string_view thematic_figure_name(ThematicFigure figure);
// "%", "人", "万亩", "万亩次", "个".
std::string_view thematic_figure_unit(ThematicFigure figure);
// Counts (people, sites) are drawn as graduated symbols as well as by colour.
bool thematic_is_count(ThematicFigure figure);

// "natural" | "quantile" | "fixed", and "township" | "county": the keys the CLI and the window
// pass; nullopt for any other text.
std::optional<BreakMethod> break_method_from(std::string_view key);
std::string_view break_method_key(BreakMethod method);
std::optional<GroupBy> thematic_level_from(std::string_view key);
std::string_view thematic_level_key(GroupBy level);

// The most classes the ramp has colours for.
inline constexpr std::size_t kMaxThematicClasses = 9;

// Its member defaults are the built-in ones; thematic_defaults() lays the project file's over them.
struct ThematicRequest {
    ThematicFigure figure = ThematicFigure::coverage_rate;
    GroupBy level = GroupBy::township;
    BreakMethod method = BreakMethod::natural;
    std::size_t classes = 5;  // 1..kMaxThematicClasses (natural and quantile)
    // method fixed: the class limits between the smallest and largest value, ascending, in the
    // figure's unit (coverage rate in %, e.g. 60,80,90).
    std::vector<double> breaks;
    // > 0: the network (coverage, trusteeship) or the records (services) of this year; required
    // for sites_built.
    int year = 0;
    // coverage: the facility role served by (unset: kReportCoverageRole, what the report shows);
    // sites_built: the one role counted (unset: every facility role).
    std::optional<Role> role;
    // Counts only: graduated symbols over a neutral fill (true, the default for counts) or the
    // polygons filled by class (false). Rates and areas are always filled.
    std::optional<bool> symbols;
};

// The 专题图's defaults for this project: the built-in ThematicRequest with the project file's
// "thematic" section laid over it (parse_project has checked its keys). `coopmap-cli render --theme`
// starts from it and lets its options override; the window's panel starts from it.
ThematicRequest thematic_defaults(const Project& project);

// One boundary polygon of the map.
struct ThematicUnit {
    std::uint32_t feature = 0;  // its feature number in the boundary layer
    std::string code, name;
    std::optional<double> value;  // in the figure's unit; none: the figure has no value here
    std::size_t cls = 0;  // its class (meaningful only with a value)
    double anchor_lon = 0, anchor_lat = 0;  // a point inside it (label and symbol position)
    double symbol_px = 0;  // with symbols: the graduated symbol's diameter in logical pixels; else 0
};

struct ThematicMap {
    ThematicRequest request;  // with the classes as made
    std::string figure_name;  // 村覆盖率
    std::string unit;  // %
    std::string title;  // "村级综合服务社覆盖率（%）· 按乡镇 · 2023年"
    std::string layer_id;  // the boundary layer's project id
    std::size_t layer_index = 0;  // and its place in the project's layers
    std::vector<ThematicUnit> units;  // one per feature of the boundary layer, in feature order
    ClassBreaks breaks;  // over the units' values
    int decimals = 1;  // of the labels
    std::vector<std::string> labels;  // breaks.labels(decimals), each with " " + unit
    std::vector<std::string> colors;  // "#rrggbb" per class, light (low) to dark (high)
    bool symbols = false;  // drawn as graduated symbols (polygons in kSymbolBaseColor) rather than filled
    std::vector<double> symbol_px;  // with symbols: per class the symbol's diameter; else empty
    std::size_t no_value = 0;  // units without a value, drawn in kNoValueColor
    std::string no_value_label;  // "无数值（无村）" when there are any
    // What the user is told once: figures of codes no polygon has (villages without a township
    // code, service records placed nowhere…), and the job's own problems.
    std::vector<Error> problems;

    static constexpr std::string_view kNoValueColor = "#d9d9d9";
    static constexpr std::string_view kSymbolBaseColor = "#f7f7f7";
};

// The sequential ramp for `classes` classes (1..kMaxThematicClasses), light to dark: ColorBrewer's
// YlGnBu (Cynthia Brewer, colorbrewer2.org, sequential multi-hue), its own scheme per class count
// from 3 to 9; 1 and 2 classes take the 3-class scheme's middle, and its ends.
std::vector<std::string> thematic_ramp(std::size_t classes);

// The thematic job. `layers` in project order (load_project). Errors name the project file and
// layer: no boundary layer of the level or no code mapped on it, no year for sites_built (or
// sites_built by township), no population field for uncovered_population, classes outside
// 1..9, fixed without breaks, no polygon with a value; and the figure's job's own errors. A
// cancelled `feedback` gives cancelled_error("分析已取消").
Result<ThematicMap> run_thematic(const Project& project, const std::vector<Layer>& layers,
                                 const ThematicRequest& request, const Feedback& feedback = Feedback{});

// "a,b,c" -> {a, b, c}; nullopt when a part is no number.
std::optional<std::vector<double>> parse_breaks(std::string_view text);

// One line per unit for the terminal: 代码 名称 数值 分级, then the legend.
std::string thematic_text(const ThematicMap& map);

}  // namespace coopmap::analysis
