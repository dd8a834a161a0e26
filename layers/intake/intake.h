// What a county office sends (files, folders, zips of Shapefiles, spreadsheets picked on
// Amap) becomes a project: every layer found, its role, CRS, encoding and field mapping
// guessed from names and content, each guess said in Chinese so the user can correct it.
// The one engine path behind `coopmap-cli new` and the window's 新建项目/添加数据 dialog.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/error.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::intake {

// One layer or table found in what the user gave.
struct FoundSource {
    std::string path;  // the file or folder the user gave (as given), for messages and --crs FILE=…
    std::string file;  // the data file itself, e.g. "乡镇界.shp" inside 乡镇界.zip (its name only)
    std::string uri;  // as GDAL opens it: a path, or /vsizip/…/乡镇界.zip/乡镇界.shp
    std::string layer;  // layer inside the data file ("" when the file has one)
    bool has_geometry = true;  // false: a table (rows only), to be joined to a layer by a code
    GeometryKind kind = GeometryKind::point;
    std::size_t features = 0;
    std::vector<std::string> columns;  // attribute column names, UTF-8
    std::string
        source;  // as a project names it, absolute: the file, or the zip and the path in it (…/乡镇界.zip/乡镇界.shp)
    std::string zip;  // the .zip's file name when the data file is inside one ("乡镇界.zip"), else ""
    std::string crs;  // the source's own CRS (WKT); "" when it declares none
    bool lonlat_columns = false;  // points from 经度/纬度 columns: lon/lat with no CRS of their own
    Bounds raw_bounds;  // of the coordinates, in source units
    std::string encoding;  // of its text as the reader found it
};

// Every vector layer and every table in the files and folders given (folders and .zip
// read through GDAL's virtual file systems, recursively). An unreadable file is an Error
// naming it; a folder with nothing GDAL opens is an Error too.
Result<std::vector<FoundSource>> find_sources(const std::vector<std::string>& paths);

// Which offset a lon/lat source has: plain (WGS84/CGCS2000), Amap/Tencent, Baidu. The
// numbers cannot tell, so a source in lon/lat inside China without a declared CRS is
// `ask` and the user chooses (高德/腾讯 = GCJ02, 百度 = BD09).
enum class OffsetChoice { none, ask };

struct CrsGuess {
    std::string crs;  // "EPSG:4490", "EPSG:4526"…; "" when the source declares its own
    std::string why;  // Chinese: "经纬度在中国境内，按 CGCS2000 (EPSG:4490)"; "" when declared
    OffsetChoice offset = OffsetChoice::none;
};
// From raw coordinates' bounds in source units when the source has no CRS: lon/lat inside
// China -> CGCS2000 geographic; 7-digit eastings -> 3° Gauss-Krüger by the central meridian
// the caller gives or the zone found from the lon; 8-digit eastings -> the zone prefix.
// `context_lon` (a longitude other layers of the delivery give) picks the zone of eastings
// without prefix; without it such a guess has crs "" and `why` says what to declare.
std::optional<CrsGuess> guess_crs(const Bounds& raw, std::optional<double> context_lon = std::nullopt);

// A layer's role from its file and layer names (行政村, 村级综合服务社, 村级供销社, 基层供销社,
// 乡镇综合超市, 集采集配中心, 为农服务中心, 土地托管/流转, 乡镇界, 县区界, 道路…) and its geometry;
// nullopt when nothing says. `level` is set for admin boundaries ("county"/"township").
struct RoleGuess {
    Role role = Role::village;
    std::string level;
    std::string why;
};
std::optional<RoleGuess> guess_role(const std::string& file, const std::string& layer, GeometryKind kind,
                                    bool has_geometry);

// Role field -> source column for a layer of `role`, from column names (名称/村名/站名/name;
// 村代码/区划代码/编码/code; 人口/总人口/户籍人口; 户数; 面积_亩/面积(亩)/亩数/area_mu;
// 服务主体/托管主体/provider; 作物/crop; 道路等级/等级/road_class; 车速/speed…) and, where names
// say nothing, from content (12-digit village codes, 9-digit township codes, 6-digit county
// codes). A column named like a code whose values are not codes (a 乡镇 column of names) is not
// mapped, and said. `level` of an admin boundary ("county"/"township"; "" guesses it from the
// code lengths). `notes` gets one Chinese line per guess.
std::map<std::string, std::string>
guess_fields(Role role, const Layer& layer, std::vector<std::string>* notes = nullptr, const std::string& level = {});
// The level an admin boundary layer's codes say: "county" for 6-digit codes, "township" for
// 9-digit ones, "" when no column holds either.
std::string guess_level(const Layer& layer);

// The style a role is drawn with when the project names none: the sample's look, never grey.
Style default_style(Role role, const std::string& level = {});
// Service radii and travel minutes per role as DESIGN.md gives them, for a new project.
std::map<std::string, double> default_service_radii_m();
std::map<std::string, double> default_travel_minutes();

// What the user said about files (`--crs 村庄.xlsx=GCJ02`): keys are a path or a file name.
struct NewProjectOptions {
    std::string name;  // project name; "" -> from the folder
    std::map<std::string, std::string> crs;  // file -> EPSG:n, WKT, GCJ02, BD09
    std::map<std::string, std::string> role;  // file -> role key (or role key:level)
    std::map<std::string, std::string> encoding;  // file -> CP936, UTF-8…
};

// One layer of the new project with every guess made for it.
struct LayerGuess {
    FoundSource source;
    LayerConfig config;  // id, title, source (absolute), layer, role, level, crs, encoding, fields
    bool role_known = false;  // false: nothing said the role; the user must choose
    bool ask_offset = false;  // lon/lat in China with no CRS said: WGS84, GCJ-02 or BD-09?
    std::vector<std::string> notes;  // every guess, one Chinese line each
    std::string role_why;  // how the role was decided (the first note)
    std::string crs_why;  // how the CRS was decided, when the source declares none
    // As read with config (WGS84): what the map previews and counts show.
    std::size_t features = 0;  // read; source.features minus skipped
    std::size_t skipped = 0;  // features the reader left out (reasons in notes)
    Bounds bounds;  // lon/lat
    std::string crs_label;  // e.g. "EPSG:4525 CGCS2000 / 3-degree Gauss-Kruger zone 37"
    std::string encoding;  // as the reader decoded it, e.g. "CP936"
    std::optional<Error> problem;  // the layer cannot be read as configured (e.g. no CRS can be told)
    std::shared_ptr<const Layer> layer;  // as read, for the map preview; null with a problem
};

struct ProjectDraft {
    std::string name;  // from NewProjectOptions::name, else the first folder's or file's name
    std::vector<LayerGuess> layers;  // with geometry, in a fixed order (admin, roads, villages, facilities, parcels)
    std::vector<FoundSource> tables;  // tables without geometry, not yet joined
};

// Finds the sources and guesses every layer. Errors: a file that cannot be read, an option
// naming a file that is not among them, an unknown role key. A layer that cannot be read as
// guessed (no CRS to be told) is kept with `problem` set, so the user can say it.
Result<ProjectDraft> draft_project(const std::vector<std::string>& paths, const NewProjectOptions& options);

// After the user changed a layer's role, level, crs or encoding (the dialog): reads it again with
// guess.config and guesses its fields for the role anew; notes, counts and problem follow.
void update_guess(LayerGuess& guess);

// Whether `key` (from --crs KEY=…: a path, or a file's name) names this source: its path as
// given, its data file's name, its zip's name, or the same file by path.
bool names_source(const std::string& key, const FoundSource& source);

// The project file for a draft written to `project_file`: sources relative to it, default
// styles per role, radii and minutes from DESIGN.md, the view on the layers' extent. A layer
// whose role is unknown is an Error naming it and saying to give --role FILE=ROLE; a layer
// with a problem is that Error. `name` overrides draft.name.
Result<Project> project_from_draft(const ProjectDraft& draft, const std::string& project_file,
                                   const std::string& name = {});

}  // namespace coopmap::intake
