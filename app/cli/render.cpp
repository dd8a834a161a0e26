// render: the print layout (title, map, legend, scale bar, north arrow, date, data source) as
// a PNG at a paper size and DPI, drawn off-screen by the same QML scene the window shows;
// with --theme a 专题图 (分级设色) of a township or county figure, its classes in the legend.
#include <QStringList>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <memory>
#include <string>

#include "analysis/thematic.h"
#include "commands.h"
#include "io/atomic_write.h"
#include "present/map_print.h"

// The QML modules are linked in statically (as in the window's main()).
Q_IMPORT_QML_PLUGIN(CoopMap_BackendPlugin)
Q_IMPORT_QML_PLUGIN(CoopMapPlugin)

namespace coopmap::cli {

namespace {

struct RenderArgs {
    std::string project, bookmark, out, paper = "A3", orientation = "landscape", legend, routes, frame;
    int dpi = 300;
    // The 专题图: figure, level, classes, method, breaks, year, symbols (on|off).
    // Empty (0): the project's default (analysis::thematic_defaults). `--theme` alone: its figure too.
    bool themed = false;
    std::string theme, level, method, breaks, symbols;
    int classes = 0, year = 0;
    std::string hide;
    bool no_labels = false;
};

Error arg_error(const RenderArgs& a, std::string message)
{
    return Error{.file = a.project, .layer = {}, .feature = {}, .message = std::move(message)};
}

// The 专题图 the options ask for, over the project's defaults; an Error naming the option it
// cannot read.
Result<analysis::ThematicRequest> theme_request(const RenderArgs& a, const Project& project)
{
    analysis::ThematicRequest q = analysis::thematic_defaults(project);
    if (!a.theme.empty()) {
        const auto figure = analysis::thematic_figure_from(a.theme);
        if (!figure)
            return arg_error(
                a, "无法识别的专题指标 --theme " + a.theme +
                       "：可用 coverage_rate（村覆盖率）、uncovered_population（未覆盖人口）、"
                       "trusteeship_wan_mu（托管面积）、service_wan_mu_times（服务面积）、sites_built（新建网点）");
        q.figure = *figure;
    }
    if (!a.level.empty()) {
        const auto level = analysis::thematic_level_from(a.level);
        if (!level) return arg_error(a, "--level 用 township（乡镇）或 county（县）");
        q.level = *level;
    }
    if (!a.method.empty()) {
        const auto method = analysis::break_method_from(a.method);
        if (!method) return arg_error(a, "--method 用 natural（自然断点）、quantile（分位数）或 fixed（固定界值）");
        q.method = *method;
    }
    if (a.classes < 0) return arg_error(a, "--classes 应在 1 到 9 之间");
    if (a.classes > 0) q.classes = static_cast<std::size_t>(a.classes);
    if (!a.breaks.empty()) {
        const auto b = analysis::parse_breaks(a.breaks);
        if (!b) return arg_error(a, "--breaks 应为逗号分隔的数，例如 60,80,90");
        q.breaks = *b;
        if (a.method.empty()) q.method = analysis::BreakMethod::fixed;  // breaks given: fixed
    }
    if (a.symbols == "on") q.symbols = true;
    else if (a.symbols == "off") q.symbols = false;
    else if (!a.symbols.empty()) return arg_error(a, "--symbols 用 on（分级符号）或 off（按级设色）");
    if (a.year > 0) q.year = a.year;
    return q;
}

// "map<TAB>x<TAB>y<TAB>w<TAB>h<TAB>lon<TAB>lat<TAB>zoom<TAB>scale": where the map is in the
// picture and its camera, so that a check can find a coordinate's pixel. Written then renamed.
Status write_frame(const present::PrintedMap& map, double scale, const std::string& path)
{
    char line[256];
    std::snprintf(line, sizeof line, "map\t%.3f\t%.3f\t%.3f\t%.3f\t%.9f\t%.9f\t%.9f\t%.9f\n", map.frame.x(),
                  map.frame.y(), map.frame.width(), map.frame.height(), map.center_lon, map.center_lat, map.zoom,
                  scale);
    return io::write_file_atomically(path, std::string(line));
}

// Where the legend put each layer's symbol, one "id<TAB>x<TAB>y<TAB>#colour" line a layer (a
// 专题图 class: "theme:<class>…<TAB>range"), so that a check can find its colour in the picture.
// Written then renamed.
Status write_legend(const present::PrintedMap& map, const std::string& path)
{
    std::string lines;
    for (const auto& m : map.legend) {
        lines += m.layerId.toStdString() + '\t' + std::to_string(m.pixel.x()) + '\t' + std::to_string(m.pixel.y()) +
                 '\t' + m.color.name().toStdString();
        // A 专题图 class ("theme:<class>") also says its range as the legend prints it.
        if (m.layerId.startsWith(QLatin1String("theme:"))) lines += '\t' + m.title.toStdString();
        lines += '\n';
    }
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
    if (a.themed) {
        const auto project = read_project(a.project);
        if (!project) return fail(project.error());
        auto theme = theme_request(a, *project);
        if (!theme) return fail(theme.error());
        request.theme = *theme;
    }
    if (!a.hide.empty()) request.hidden = QString::fromStdString(a.hide).split(QLatin1Char(','), Qt::SkipEmptyParts);
    request.labels = !a.no_labels;
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
    if (!a.frame.empty())
        if (auto s = write_frame(*map, paper->scale(), a.frame); !s) return fail(s.error());
    std::printf("%s %s %d dpi %dx%d → %s\n", paper->name.c_str(), paper->landscape ? "横向" : "纵向", paper->dpi,
                map->image.width(), map->image.height(), a.out.c_str());
    if (map->theme) {
        // The legend as drawn, and what the user should know about the figure, once.
        std::printf("%s\n", map->theme->title.c_str());
        for (std::size_t i = 0; i < map->theme->labels.size(); ++i)
            std::printf("  %s  %s（%zu 个）\n", map->theme->colors[i].c_str(), map->theme->labels[i].c_str(),
                        map->theme->breaks.counts[i]);
        if (map->theme->no_value)
            std::printf("  %s  %s（%zu 个）\n", std::string(analysis::ThematicMap::kNoValueColor).c_str(),
                        map->theme->no_value_label.c_str(), map->theme->no_value);
        std::fputs(analysis::problems_text(map->theme->problems).c_str(), stderr);
    }
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
    cmd->add_option("--frame", a->frame, "另存地图在图中的位置和视图中心、级别（TSV），供核对坐标的像素");
    cmd->add_option("--hide", a->hide, "不画这些图层（逗号分隔的图层 id）");
    cmd->add_flag("--no-labels", a->no_labels, "不标注名称");
    auto* theme = cmd->add_option("--theme", a->theme,
                                  "专题图（分级设色）：coverage_rate 村覆盖率、uncovered_population 未覆盖人口、"
                                  "trusteeship_wan_mu 托管面积、service_wan_mu_times 服务面积、sites_built "
                                  "新建网点；不写指标则按项目文件 thematic 节的设置")
                      ->expected(0, 1);
    cmd->add_option("--level", a->level, "专题图的统计单元：township（乡镇）或 county（县）；默认按项目文件，否则乡镇");
    cmd->add_option("--classes", a->classes, "分级数，1–9（默认按项目文件，否则 5）");
    cmd->add_option("--method", a->method,
                    "分级方法：natural（自然断点）、quantile（分位数）、fixed（固定界值）；默认按项目文件，否则自然断点");
    cmd->add_option("--breaks", a->breaks, "固定分级的界值，逗号分隔，如 60,80,90（给出即按固定界值分级）");
    add_year_option(*cmd, a->year, "专题图按该年年末的网络（或该年的服务记录）计算");
    cmd->add_option("--symbols", a->symbols, "人数、网点数等计数：on 画分级符号（默认），off 按级设色");
    cmd->callback([a, theme] {
        a->themed = theme->count() > 0;
        exit_status() = render(*a);
    });
}

}  // namespace coopmap::cli
