// render: the print layout (title, map, legend, scale bar, north arrow, date, data source) as
// a PNG at a paper size and DPI, drawn off-screen by the same QML scene the window shows.
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "io/atomic_write.h"
#include "present/map_print.h"

// The QML modules are linked in statically (as in the window's main()).
Q_IMPORT_QML_PLUGIN(CoopMap_BackendPlugin)
Q_IMPORT_QML_PLUGIN(CoopMapPlugin)

namespace coopmap::cli {

namespace {

struct RenderArgs {
    std::string project, bookmark, out, paper = "A3", orientation = "landscape", legend, routes;
    int dpi = 300;
};

// Where the legend put each layer's symbol, one "id<TAB>x<TAB>y<TAB>#colour" line a layer, so
// that a check can find its colour in the picture. Written then renamed.
Status write_legend(const present::PrintedMap& map, const std::string& path)
{
    std::string lines;
    for (const auto& m : map.legend)
        lines += m.layerId.toStdString() + '\t' + std::to_string(m.pixel.x()) + '\t' + std::to_string(m.pixel.y()) +
                 '\t' + m.color.name().toStdString() + '\n';
    return io::write_file_atomically(path, lines);
}

int render(const RenderArgs& a)
{
    const auto paper = present::paper_from(a.paper, a.orientation, a.dpi);
    if (!paper)
        return fail(Error{.file = a.project,
                          .layer = {},
                          .feature = {},
                          .message = "纸张或分辨率无法识别：--paper 用 A4 或 A3，--orientation 用 landscape（横向）或 "
                                     "portrait（纵向），--dpi 在 72 到 300 之间"});
    // Qt only for this command: the application is made here, with the paper's scale.
    const auto app = present::offscreen_application(paper->scale());
    present::PrintRequest request;
    request.project = QString::fromStdString(a.project);
    request.bookmark = QString::fromStdString(a.bookmark);
    request.paper = *paper;
    request.routes = QString::fromStdString(a.routes);
    const auto map = present::print_map(request);
    if (!map) return fail(map.error());
    const QString out = QString::fromStdString(a.out);
    if (auto s = present::save_png(map->image, out); !s) return fail(s.error());
    if (!a.legend.empty())
        if (auto s = write_legend(*map, a.legend); !s) return fail(s.error());
    std::printf("%s %s %d dpi %dx%d → %s\n", paper->name.c_str(), paper->landscape ? "横向" : "纵向", paper->dpi,
                map->image.width(), map->image.height(), a.out.c_str());
    return 0;
}

}  // namespace

void add_render(CLI::App& app)
{
    auto* cmd = app.add_subcommand("render", "出图：把地图（含标题、图例、比例尺、指北针）按纸张和分辨率保存为 PNG");
    auto a = std::make_shared<RenderArgs>();
    cmd->add_option("project", a->project, "项目文件 *.coopmap")->required();
    cmd->add_option("--bookmark", a->bookmark, "书签名称；默认为项目的视图");
    cmd->add_option("--out", a->out, "输出 PNG 文件")->required();
    cmd->add_option("--paper", a->paper, "纸张：A4 或 A3")->capture_default_str();
    cmd->add_option("--orientation", a->orientation, "landscape（横向）或 portrait（纵向）")->capture_default_str();
    cmd->add_option("--dpi", a->dpi, "分辨率，72–300")->capture_default_str();
    cmd->add_option("--routes", a->routes, "把配送路线（coopmap-cli routes --out 写出的 GeoPackage）画在图上");
    cmd->add_option("--legend", a->legend, "另存图例中各图层符号的像素位置和颜色（TSV），供核对出图");
    cmd->callback([a] { exit_status() = render(*a); });
}

}  // namespace coopmap::cli
