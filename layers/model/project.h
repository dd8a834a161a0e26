// The project file (*.coopmap, JSON, "version": 1): what layers a network has, how they
// look, service radii, basemap and bookmarks. Paths inside are relative to the file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/error.h"
#include "model/role.h"

namespace coopmap {

inline constexpr int kProjectVersion = 1;

// A table without geometry (an Excel sheet of 人口, a CSV of 户数) joined to a layer by code:
// each feature takes the columns of the row whose `key` equals its `on` field.
struct Join {
    std::string source;  // the table's file, relative to the project
    std::string layer;  // sheet or layer inside it; empty: the first
    std::string key;  // the table's column holding the codes, e.g. 村代码
    std::string on = "code";  // the layer's role field holding the same codes
    std::vector<std::string> columns;  // the table's columns taken; empty: all but the key
    std::string encoding;  // forces the table's text encoding, e.g. CP936

    bool operator==(const Join&) const = default;
};

struct LayerConfig {
    std::string id;  // unique within the project, used by bookmarks and styles
    std::string title;  // shown in the layer panel
    std::string source;  // file path relative to the project, or a PG: URI
    std::string layer;  // layer inside the source; empty: the first
    Role role = Role::village;
    std::string level;  // admin_boundary only: "county" or "township"
    std::string crs;  // overrides or supplies the source CRS: EPSG:n, WKT, GCJ02, BD09
    std::string encoding;  // forces the attribute encoding, e.g. CP936
    std::map<std::string, std::string> fields;  // role field -> source column (name, code, population…)
    std::vector<Join> joins;  // tables whose columns the layer takes by code
    bool visible = true;

    bool operator==(const LayerConfig&) const = default;
};

struct Style {
    std::string color;  // fill or point colour, #rrggbb
    std::string outline;  // outline colour, #rrggbb; empty: none
    double size = 0;  // point diameter in pixels
    double width = 0;  // line or outline width in pixels
    double opacity = 1;

    bool operator==(const Style&) const = default;
};

struct View {
    double lon = 0;
    double lat = 0;
    double zoom = 0;

    bool operator==(const View&) const = default;
};

struct Bookmark {
    std::string name;
    std::string caption;
    View view;
    std::vector<std::string> layers;  // ids of the layers shown; empty: as they are

    bool operator==(const Bookmark&) const = default;
};

struct Basemap {
    std::string kind = "offline";  // offline | tiles | xyz
    std::string url;  // xyz: template with {z}/{x}/{y}
    std::string directory;  // tiles: folder or .mbtiles, relative to the project

    bool operator==(const Basemap&) const = default;
};

// One place a scenario proposes for a new facility, lon/lat in WGS84 degrees.
struct ScenarioSite {
    std::string name;
    double lon = 0;
    double lat = 0;

    bool operator==(const ScenarioSite&) const = default;
};

// A named "what if we build here" plan: which kind of facility, what is optimised, the
// reach assumed (0: the project's default for the role) and the sites proposed so far.
struct Scenario {
    std::string name;
    Role role = Role::village_cooperative;  // the facility role the new sites would have
    std::string objective;  // e.g. max_coverage, min_sites (the planner's key)
    double radius_m = 0;  // service radius; 0: service_radii_m[role]
    double minutes = 0;  // travel-time limit; 0: travel_minutes[role] or none
    std::vector<ScenarioSite> sites;

    bool operator==(const Scenario&) const = default;
};

// What one county (or the whole city) is to reach by the end of one year, as the city sets it
// in its annual plan: new and upgraded sites per role, the share of villages covered, land
// trusteeship in 万亩 and agricultural services in 万亩次. Unset figures are not targeted.
struct AnnualTarget {
    int year = 0;
    std::string county;  // 6-digit county code; empty: the city as a whole
    std::map<std::string, double> build;  // role key -> sites to newly build in the year
    std::map<std::string, double> upgrade;  // role key -> sites to rebuild/upgrade (改造升级) in the year
    std::optional<double> village_coverage;  // share 0..1 of villages within reach by the year's end
    std::optional<double> trusteeship_wan_mu;  // 土地托管/流转 under way at the year's end, 万亩
    std::optional<double> service_wan_mu_times;  // agricultural services done in the year, 万亩次

    bool operator==(const AnnualTarget&) const = default;
};

// A sheet or layer of agricultural service events (配方施肥, 统防统治, 农机作业…), one row an
// event, keyed by the village or township it served. `fields` maps the service keys
// (village_code, township_code, county_code, kind, mu_times, date, year, provider) to columns.
struct ServiceRecords {
    std::string source;  // the file, relative to the project
    std::string layer;  // sheet or layer inside it; empty: the first
    std::string encoding;  // forces the text encoding, e.g. CP936
    std::map<std::string, std::string> fields;

    bool operator==(const ServiceRecords&) const = default;
};

// Minutes since midnight of "08:00-17:00" (also "8:00–17:00", "08:00~11:30"); nullopt when the
// text is not two clock times HH:MM with the first not after the second. For shifts and windows.
std::optional<std::pair<double, double>> parse_clock_range(std::string_view text);
// "08:00" of 480 minutes (whole minutes, rounded; past 24:00 as 25:10).
std::string clock_text(double minutes);

// Delivery routes (issue 18): what a stop of a role receives and hands back when the project or
// the request says nothing else for it; per stop the field mapping overrides (delivery 需求量,
// pickup 回程量, service_minutes 服务时间, time_window 时间窗).
struct RoutingStopDefaults {
    std::vector<double> delivery{1};  // per unit of RoutingDefaults::units
    std::vector<double> pickup;  // per unit; empty: nothing to carry back
    double service_minutes = 10;
    std::string window;  // "08:00-11:00"; empty: any time in the shift

    bool operator==(const RoutingStopDefaults&) const = default;
};

// The vehicles of one depot, all alike.
struct RoutingFleetDefaults {
    double vehicles = 3;
    std::vector<double> capacity{100};  // per unit
    std::string shift = "08:00-17:00";
    double cost_per_km = 2;  // 元/公里
    double cost_per_vehicle = 100;  // 元 per vehicle used in a day

    bool operator==(const RoutingFleetDefaults&) const = default;
};

// The project file's "routing" section.
struct RoutingDefaults {
    std::vector<std::string> units{"件"};  // load units, e.g. 件, 吨, 立方
    double detour_factor = 1.3;  // straight line × this where the roads give no path
    double offroad_kmh = 30;  // speed assumed on those straight-line legs
    RoutingFleetDefaults fleet;  // every depot's, unless `depots` names it
    std::map<std::string, RoutingFleetDefaults> depots;  // depot code -> its own fleet
    std::map<std::string, RoutingStopDefaults> stops;  // role key -> its stops' amounts

    bool operator==(const RoutingDefaults&) const = default;
};

// The project file's "thematic" section (issue 19): the 专题图's defaults, where the CLI's
// `render --theme` and the window's panel start (analysis::thematic_defaults). figure, level and
// method hold the engine's keys (analysis::thematic_figure_key …), checked by its own parsers when
// the file is read; empty or unset: the engine's built-in default.
struct ThematicDefaults {
    std::string figure;  // coverage_rate | uncovered_population | trusteeship_wan_mu | …
    std::string level;  // township | county
    std::string method;  // natural | quantile | fixed
    std::optional<int> classes;  // 1..9
    std::vector<double> breaks;  // ascending, in the figure's unit; what the fixed method classes by
    std::optional<int> year;
    std::optional<Role> role;
    std::optional<bool> symbols;

    bool operator==(const ThematicDefaults&) const = default;
};

struct Project {
    int version = kProjectVersion;
    std::string name;
    std::vector<LayerConfig> layers;
    std::map<std::string, double> service_radii_m;  // role key -> metres
    std::map<std::string, double> travel_minutes;  // role key -> minutes by road
    std::map<std::string, double> targets;  // e.g. village_coverage -> 0.9
    // role key -> what one new site of the role costs, in 万元 (the office's own estimate):
    // planning scenarios show their cost from it; no entry, no cost shown.
    std::map<std::string, double> site_costs;
    std::map<std::string, Style> styles;  // role key or layer id -> style
    Basemap basemap;
    std::optional<View> view;
    std::vector<Bookmark> bookmarks;
    std::vector<Scenario> scenarios;
    std::vector<AnnualTarget> annual_targets;  // by year, then county ("" first)
    std::vector<ServiceRecords> services;
    RoutingDefaults routing;  // "routing": built-in defaults when the file has no such section
    ThematicDefaults thematic;  // "thematic": all unset when the file has no such section

    std::string file;  // where it was read from; not part of the JSON

    bool operator==(const Project& o) const;

    // A layer's source as GDAL should open it: relative paths resolved against the file.
    std::string source_path(const LayerConfig& layer) const;
    // Any path of the project file (a join's table, a tile folder) resolved the same way.
    std::string resolve(const std::string& source) const;
    const Style* style_for(const LayerConfig& layer) const;
    // Roads drawn by class: one style per value of the layer's road_class field, from the
    // style keys "<layer id>:<class>" or "road:<class>" (e.g. "road:国道"), over built-in
    // defaults for the classes of Chinese road administration (高速公路 … 乡道); widest first.
    // Empty for other roles or a road layer without a road_class field.
    std::vector<std::pair<std::string, Style>> class_styles_for(const LayerConfig& layer) const;
};

Result<Project> parse_project(const std::string& json_text, const std::string& file);
Result<Project> read_project(const std::string& file);
// Canonical JSON: fixed key order, two-space indent, so read + write + read is stable.
std::string project_json(const Project& project);
// Write-then-rename: a failed save leaves the old file as it was.
Status save_project(const Project& project, const std::string& file);

}  // namespace coopmap
