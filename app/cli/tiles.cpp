// tiles: the offline basemap of a project — drawn from its own layers, or converted from a
// tile folder / MBTiles file — into the folder the map reads (the same one the GUI uses).
#include <QGuiApplication>
#include <cstdio>
#include <memory>
#include <string>

#include "basemap/tile_import.h"
#include "basemap/tile_renderer.h"
#include "commands.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

struct TilesOptions {
    std::string project;
    std::string zoom = "5-12";
    std::string out;
    std::string from;
    std::string scheme = "auto";
};

int tiles(const TilesOptions& o)
{
    // Labels need fonts, fonts need a QGuiApplication; the command never opens a window.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "coopmap-cli";
    static char* argv[] = {name, nullptr};
    QGuiApplication app(argc, argv);

    const auto project = read_project(o.project);
    if (!project) return fail(project.error());
    const auto zooms = basemap::parse_zoom_range(o.zoom);
    if (!zooms) return fail(zooms.error());

    std::string source = o.from;
    if (source.empty() && project->basemap.kind == "tiles" && !project->basemap.directory.empty()) {
        LayerConfig as_layer;
        as_layer.source = project->basemap.directory;  // relative to the project, like a layer
        source = project->source_path(as_layer);
    }
    if (!source.empty()) {
        basemap::TileScheme scheme = basemap::TileScheme::automatic;
        if (o.scheme == "xyz") scheme = basemap::TileScheme::xyz;
        else if (o.scheme == "tms") scheme = basemap::TileScheme::tms;
        else if (o.scheme != "auto") return fail(Error{{}, {}, "--scheme " + o.scheme, "应为 auto、xyz 或 tms"});
        const std::string out = o.out.empty() ? basemap::default_import_directory(o.project, source) : o.out;
        const auto r = basemap::import_tiles(source, out, scheme);
        if (!r) return fail(r.error());
        std::printf("导入的瓦片：%d 张%s → %s\n", r->tiles, r->reused ? "（已是最新）" : "", r->directory.c_str());
        return 0;
    }
    const std::string out = o.out.empty() ? basemap::default_tile_directory(o.project) : o.out;
    const auto r = basemap::render_project_tiles(*project, out, *zooms);
    if (!r) return fail(r.error());
    std::printf("离线底图：%d 张瓦片，缩放 %d–%d%s → %s\n", r->tiles, zooms->min, zooms->max,
                r->reused ? "（已是最新，未重画）" : "", r->directory.c_str());
    return 0;
}

}  // namespace

void add_tiles(CLI::App& app)
{
    auto* cmd = app.add_subcommand("tiles", "生成离线底图瓦片，或导入瓦片目录 / MBTiles (offline basemap tiles)");
    auto o = std::make_shared<TilesOptions>();
    cmd->add_option("project", o->project, "项目文件 *.coopmap")->required();
    cmd->add_option("--zoom", o->zoom, "缩放级别范围，如 7-12")->capture_default_str();
    cmd->add_option("--out", o->out, "瓦片目录（默认：程序的缓存目录，与图形界面共用）");
    cmd->add_option("--from", o->from, "导入：瓦片目录（z/x/y.png）或 .mbtiles 文件");
    cmd->add_option("--scheme", o->scheme, "瓦片目录的行号方向：auto、xyz 或 tms")->capture_default_str();
    cmd->callback([o] { exit_status() = tiles(*o); });
}

}  // namespace coopmap::cli
