// A draft project from what the user gave: every layer read once as guessed, and the project
// file written from it.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "crs/crs_guess.h"
#include "intake/intake.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"

namespace coopmap::intake {

namespace fs = std::filesystem;

namespace {

std::string upper(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

struct RoleChoice {
    Role role;
    std::string level;
};

// --role FILE=ROLE: a role key, key:level (admin_boundary:county), the role's Chinese name, or
// county / township / 县界 / 乡镇界 for the admin boundaries.
std::optional<RoleChoice> parse_role(const std::string& value)
{
    if (value == "county" || value == "县界" || value == "县区界") return RoleChoice{Role::admin_boundary, "county"};
    if (value == "township" || value == "乡镇界") return RoleChoice{Role::admin_boundary, "township"};
    const auto colon = value.find(':');
    const std::string key = value.substr(0, colon);
    const std::string level = colon == std::string::npos ? "" : value.substr(colon + 1);
    auto role = role_from_key(key);
    if (!role)
        for (const Role r : kAllRoles)
            if (role_name_zh(r) == key) role = r;
    if (!role || *role == Role::coverage) return std::nullopt;
    if (!level.empty() && (*role != Role::admin_boundary || (level != "county" && level != "township")))
        return std::nullopt;
    return RoleChoice{*role, level};
}

std::string role_keys_text()
{
    std::string out;
    for (const Role r : kAllRoles)
        if (r != Role::coverage) out += (out.empty() ? "" : "、") + std::string(role_key(r));
    return out + "（行政区界可写 admin_boundary:county 或 admin_boundary:township）";
}

std::string file_names(const std::vector<FoundSource>& found)
{
    std::string out;
    std::set<std::string> seen;
    for (const auto& s : found) {
        const std::string n = s.zip.empty() ? s.file : s.zip;
        if (seen.insert(n).second) out += (out.empty() ? "" : "、") + n;
    }
    return out;
}

// The option given for a source: the value of the first key that names it.
const std::string* option_for(const std::map<std::string, std::string>& options, const FoundSource& s)
{
    for (const auto& [key, value] : options)
        if (names_source(key, s)) return &value;
    return nullptr;
}

std::string title_of(const FoundSource& s)
{
    const std::string stem = fs::path(s.file).stem().string();
    return s.layer.empty() ? stem : s.layer;
}

int order_of(const LayerGuess& g)
{
    if (!g.role_known) return 100;
    const Role r = g.config.role;
    if (r == Role::admin_boundary) return g.config.level == "county" ? 0 : g.config.level == "township" ? 1 : 2;
    if (r == Role::road) return 3;
    if (r == Role::village) return 4;
    return 5 + static_cast<int>(r);  // facilities in the order of the roles, then parcels
}

std::string id_base(const LayerConfig& c)
{
    switch (c.role) {
    case Role::admin_boundary:
        return c.level == "county" ? "counties" : c.level == "township" ? "townships" : "boundaries";
    case Role::village: return "villages";
    case Role::road: return "roads";
    default: return std::string(role_key(c.role));
    }
}

// Centre and zoom that show every layer (Web Mercator zoom: 360° at zoom 0 over 256 px; a
// window about 1000 px wide adds 2 levels).
std::optional<View> view_of(const Bounds& b)
{
    if (b.empty()) return std::nullopt;
    const double span = std::max({b.max_x - b.min_x, (b.max_y - b.min_y) * 1.3, 1e-4});
    const double zoom = std::clamp(std::round(2 * (std::log2(360.0 / span) + 1.8)) / 2, 3.0, 17.0);
    const auto round4 = [](double v) { return std::round(v * 1e4) / 1e4; };
    return View{round4((b.min_x + b.max_x) / 2), round4((b.min_y + b.max_y) / 2), zoom};
}

}  // namespace

std::optional<CrsGuess> guess_crs(const Bounds& raw, std::optional<double> context_lon)
{
    const auto g = crs::guess_from_coordinates(raw, context_lon);
    if (!g) return std::nullopt;
    return CrsGuess{g->crs, g->why, g->geographic ? OffsetChoice::ask : OffsetChoice::none};
}

void update_guess(LayerGuess& g)
{
    LayerConfig& c = g.config;
    const FoundSource& s = g.source;
    const bool lonlat =
        s.crs.empty() &&
        (s.lonlat_columns || (guess_crs(s.raw_bounds) && guess_crs(s.raw_bounds)->offset == OffsetChoice::ask));
    g.ask_offset = lonlat && c.crs.empty();
    g.notes.clear();
    g.problem.reset();
    g.features = g.skipped = 0;
    g.bounds = {};
    g.layer.reset();
    if (!g.role_why.empty()) g.notes.push_back("角色：" + g.role_why);
    else if (!g.role_known) g.notes.push_back("角色：无法从文件名、图层名判断，请指定");

    if (!c.crs.empty()) {
        g.notes.push_back("坐标系：" + (g.crs_why.empty() ? "按指定的 " + io::crs_label(c.crs) : g.crs_why));
    } else if (!s.crs.empty()) {
        g.notes.push_back("坐标系：数据自带 " + io::crs_label(s.crs));
    } else if (g.ask_offset) {
        g.notes.push_back(
            "坐标系：经纬度坐标没有说明来源，暂按 WGS84；若取自高德/腾讯地图应为 GCJ-02，取自百度地图应为 BD-09");
    } else if (!g.crs_why.empty()) {
        g.notes.push_back("坐标系：" + g.crs_why);
    }

    auto loaded = io::read_layer(io::SourceSpec{c.source, c.layer, c.crs, c.encoding, c.role, c.title});
    if (!loaded) {
        g.problem = loaded.error();
        g.notes.push_back("无法读取：" + loaded.error().message);
        return;
    }
    const Layer& l = loaded->layer;
    g.features = l.size();
    g.skipped = loaded->skipped.size();
    g.bounds = l.bounds();
    g.crs_label = io::crs_label(l.source_crs);
    g.encoding = l.source_encoding;
    if (!loaded->crs_note.empty() && !g.ask_offset && g.crs_why.empty() && c.crs.empty())
        g.notes.push_back("坐标系：" + loaded->crs_note);
    g.notes.push_back("编码：" + g.encoding + (c.encoding.empty() ? "" : "（按指定）"));
    if (g.skipped)
        g.notes.push_back("跳过 " + std::to_string(g.skipped) + " 个要素（" + loaded->skipped.front().feature + "：" +
                          loaded->skipped.front().message + "…）");
    if (c.role == Role::admin_boundary && c.level.empty()) {
        c.level = guess_level(l);
        if (!c.level.empty())
            g.notes.push_back(std::string("级别：代码为 ") + (c.level == "county" ? "6 位，县级" : "9 位，乡镇级"));
    }
    if (g.role_known) c.fields = guess_fields(c.role, l, &g.notes, c.level);
    g.layer = std::make_shared<const Layer>(std::move(loaded->layer));
}

Result<ProjectDraft> draft_project(const std::vector<std::string>& paths, const NewProjectOptions& options)
{
    auto found = find_sources(paths);
    if (!found) return found.error();

    for (const auto& [flag, values] :
         {std::pair{"--crs", &options.crs}, {"--role", &options.role}, {"--encoding", &options.encoding}})
        for (const auto& [key, value] : *values) {
            const bool named =
                std::any_of(found->begin(), found->end(), [&](const auto& s) { return names_source(key, s); });
            if (!named)
                return Error{key,
                             {},
                             {},
                             std::string(flag) + " " + key + "=" + value + "：给出的数据中没有“" + key +
                                 "”；找到的文件有：" + file_names(*found)};
            if (value.empty()) return Error{key, {}, {}, std::string(flag) + " " + key + "= 缺少等号后的值"};
        }
    for (const auto& [key, value] : options.role)
        if (!parse_role(value))
            return Error{
                key, {}, {}, "--role " + key + "=" + value + "：未知的角色“" + value + "”，可用：" + role_keys_text()};

    ProjectDraft d;
    d.name = options.name;
    if (d.name.empty() && !paths.empty()) {
        fs::path first = fs::path(paths.front()).lexically_normal();
        if (first.filename().empty()) first = first.parent_path();
        std::error_code ec;
        if (first == "." || first.empty()) first = fs::current_path(ec);
        d.name = fs::is_directory(first, ec) ? first.filename().string() : first.stem().string();
    }

    std::vector<LayerGuess> pending;  // plane coordinates without zone prefix: need the others' longitude
    Bounds known;
    for (const auto& s : *found) {
        if (!s.has_geometry) {
            d.tables.push_back(s);
            continue;
        }
        LayerGuess g;
        g.source = s;
        LayerConfig& c = g.config;
        c.source = s.source;
        c.layer = s.layer;
        c.title = title_of(s);
        if (const std::string* r = option_for(options.role, s)) {
            const auto choice = *parse_role(*r);
            c.role = choice.role;
            c.level = choice.level;
            g.role_known = true;
            g.role_why = "按指定为" + std::string(role_name_zh(c.role)) +
                         (c.level == "county"     ? "（县级）"
                          : c.level == "township" ? "（乡镇级）"
                                                  : "");
        } else {
            std::optional<RoleGuess> guess = guess_role(s.file, s.layer, s.kind, true);
            if (!guess && !s.zip.empty()) guess = guess_role(s.zip, "", s.kind, true);
            if (guess) {
                c.role = guess->role;
                c.level = guess->level;
                g.role_known = true;
                g.role_why = guess->why;
            }
        }
        if (const std::string* e = option_for(options.encoding, s)) c.encoding = *e;
        if (const std::string* crs = option_for(options.crs, s)) {
            c.crs = upper(*crs) == "WGS84" ? "EPSG:4326" : *crs;
        } else if (s.crs.empty() && !s.lonlat_columns) {
            if (const auto guess = guess_crs(s.raw_bounds); guess && guess->offset == OffsetChoice::none) {
                if (guess->crs.empty()) {
                    pending.push_back(std::move(g));
                    continue;
                }
                c.crs = guess->crs;
                g.crs_why = "数据未声明，" + guess->why;
            }
        }
        update_guess(g);
        if (!g.problem) known.extend(g.bounds);
        d.layers.push_back(std::move(g));
    }
    for (auto& g : pending) {
        std::optional<double> lon;
        if (!known.empty()) lon = (known.min_x + known.max_x) / 2;
        const auto guess = guess_crs(g.source.raw_bounds, lon);
        g.config.crs = guess ? guess->crs : "";
        g.crs_why = guess ? "数据未声明，" + guess->why : "";
        update_guess(g);
        d.layers.push_back(std::move(g));
    }

    std::stable_sort(d.layers.begin(), d.layers.end(),
                     [](const LayerGuess& a, const LayerGuess& b) { return order_of(a) < order_of(b); });
    std::set<std::string> ids;
    for (auto& g : d.layers) {
        const std::string base = g.role_known ? id_base(g.config) : "layer";
        std::string id = base;
        for (int n = 2; ids.contains(id); ++n) id = base + "_" + std::to_string(n);
        ids.insert(id);
        g.config.id = id;
    }
    return d;
}

Result<Project> project_from_draft(const ProjectDraft& draft, const std::string& project_file, const std::string& name)
{
    Project p;
    p.name = name.empty() ? draft.name : name;
    p.file = project_file;
    std::error_code ec;
    const fs::path dir = fs::absolute(fs::path(project_file), ec).parent_path().lexically_normal();
    Bounds all;
    for (const auto& g : draft.layers) {
        if (g.problem) {
            Error e = *g.problem;
            e.file = g.source.source;
            if (e.message.find("坐标系") != std::string::npos)
                e.message += "（命令行：--crs " + (g.source.zip.empty() ? g.source.file : g.source.zip) + "=EPSG:…）";
            return e;
        }
        if (!g.role_known) {
            const std::string file = g.source.zip.empty() ? g.source.file : g.source.zip;
            return Error{g.source.source,
                         g.source.layer,
                         {},
                         "无法判断“" + file + (g.source.layer.empty() ? "" : "”中图层“" + g.source.layer) +
                             "”是哪类数据：请指定角色（命令行 --role " + file + "=ROLE），ROLE 可用：" +
                             role_keys_text()};
        }
        LayerConfig c = g.config;
        const fs::path rel = fs::path(c.source).lexically_relative(dir);
        if (!rel.empty()) c.source = rel.generic_string();
        const std::string style_key = c.role == Role::admin_boundary ? c.id : std::string(role_key(c.role));
        if (!p.styles.contains(style_key)) p.styles[style_key] = default_style(c.role, c.level);
        p.layers.push_back(std::move(c));
        all.extend(g.bounds);
    }
    p.service_radii_m = default_service_radii_m();
    p.travel_minutes = default_travel_minutes();
    p.view = view_of(all);
    return p;
}

}  // namespace coopmap::intake
