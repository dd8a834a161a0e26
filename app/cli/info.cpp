// info: what a project or a data file holds, layer by layer, with every problem found.
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "analysis/placement.h"
#include "analysis/project_data.h"
#include "commands.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"
#include "io/project_layers.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

const char* kind_zh(GeometryKind k)
{
    switch (k) {
    case GeometryKind::point: return "点";
    case GeometryKind::line: return "线";
    case GeometryKind::polygon: return "面";
    }
    return "";
}

const char* type_zh(FieldType t)
{
    switch (t) {
    case FieldType::integer: return "整数";
    case FieldType::real: return "小数";
    case FieldType::text: return "文本";
    }
    return "";
}

// The detail lines under a layer's headline: CRS, encoding, fields, problems.
void print_details(const io::LoadedLayer& loaded, const std::string& mapping_error = {})
{
    const Layer& l = loaded.layer;
    std::printf("    坐标系：%s；编码：%s\n", io::crs_label(l.source_crs).c_str(), l.source_encoding.c_str());
    std::string fields;
    for (const auto& c : l.columns) fields += (fields.empty() ? "" : "，") + c.name + "（" + type_zh(c.type) + "）";
    std::printf("    字段：%s\n", fields.empty() ? "无" : fields.c_str());
    std::string problems;
    const auto add = [&problems](const std::string& p) { problems += (problems.empty() ? "" : "；") + p; };
    if (!mapping_error.empty()) add(mapping_error);
    for (const auto& p : loaded.problems) add(p.message);
    if (!loaded.crs_note.empty()) add(loaded.crs_note);
    if (loaded.axes_swapped) add("坐标按北、东顺序存放，已自动对调");
    if (loaded.repaired) add("修复无效面 " + std::to_string(loaded.repaired) + " 个（GEOS make-valid）");
    if (loaded.with_z) add("忽略 Z 值 " + std::to_string(loaded.with_z) + " 个要素");
    if (loaded.with_m) add("忽略 M 值 " + std::to_string(loaded.with_m) + " 个要素");
    if (!loaded.skipped.empty()) add("跳过 " + std::to_string(loaded.skipped.size()) + " 个要素（原因见下）");
    std::printf("    问题：%s\n", problems.empty() ? "无" : problems.c_str());
    for (const auto& s : loaded.skipped) std::printf("      %s：%s\n", s.feature.c_str(), s.message.c_str());
}

void print_headline(const std::string& id, const std::string& role, const Layer& l)
{
    const auto b = l.bounds();
    if (b.empty()) {
        std::printf("  %-26s %-24s %s %7zu  （无要素）\n", id.c_str(), role.c_str(), kind_zh(l.kind), l.size());
        return;
    }
    std::printf("  %-26s %-24s %s %7zu  [%.4f, %.4f – %.4f, %.4f]\n", id.c_str(), role.c_str(), kind_zh(l.kind),
                l.size(), b.min_x, b.min_y, b.max_x, b.max_y);
}

// What placement did, one line per layer and field: made from the boundaries, or checked.
void print_placement(const analysis::PlacementReport& report)
{
    if (report.fields.empty()) return;
    std::printf("按位置归属（乡镇界、县界）：\n");
    for (const auto& f : report.fields) {
        const char* what = f.field == "county_code" ? "所属县" : "所属乡镇";
        if (f.by_location)
            std::printf("  %s%s：按位置确定 %zu 个，界外 %zu 个\n", f.layer_title.c_str(), what, f.placed, f.outside);
        else if (f.not_codes) std::printf("  %s%s：映射的列不是代码，未核对\n", f.layer_title.c_str(), what);
        else
            std::printf("  %s%s：已映射代码列，代码无效 %zu 个，与位置不符 %zu 个\n", f.layer_title.c_str(), what,
                        f.unknown_code, f.disagree);
    }
}

int project_info(const std::string& file)
{
    const auto project = read_project(file);
    if (!project) return fail(project.error());
    std::vector<io::LoadedLayer> layers;
    for (const auto& cfg : project->layers) {
        auto loaded = io::read_layer(io::source_spec(*project, cfg));
        if (!loaded) return fail(loaded.error());
        layers.push_back(std::move(*loaded));
    }
    std::vector<std::size_t> counts;
    for (const auto& l : layers) counts.push_back(l.layer.size());
    std::printf("%s\n", io::summary_line(*project, counts).c_str());
    // A wrong mapping is listed under its layer, and the command then fails: every analysis would.
    // The same joins and checks as analysis::load_project, on the layers just read and described.
    std::vector<Layer> joined;
    for (const auto& l : layers) joined.push_back(l.layer);
    std::vector<Error> problems;
    if (auto ok = analysis::apply_joins(*project, joined, problems); !ok) return fail(ok.error());
    std::vector<Error> mapping_errors;
    for (std::size_t i = 0; i < project->layers.size(); ++i) {
        const auto& cfg = project->layers[i];
        print_headline(cfg.id, std::string(role_key(cfg.role)), layers[i].layer);
        const auto mapping = analysis::check_field_mapping(*project, cfg, joined[i]);
        if (!mapping) mapping_errors.push_back(mapping.error());
        print_details(layers[i], mapping ? std::string() : mapping.error().message);
    }
    if (!mapping_errors.empty()) {
        for (const auto& e : mapping_errors) fail(e);
        return 1;
    }
    const auto report = analysis::check_and_place(*project, joined, problems);
    if (!report) return fail(report.error());
    print_placement(*report);
    std::printf("数据问题：%s\n", problems.empty() ? "无" : "");
    for (const auto& p : problems) std::printf("  %s\n", p.text().c_str());
    std::fputs(analysis::problems_text(problems).c_str(), stderr);
    return 0;
}

void print_table_fields(const io::Table& t)
{
    std::string fields;
    for (const auto& c : t.columns) fields += (fields.empty() ? "" : "，") + c.name + "（" + type_zh(c.type) + "）";
    std::printf("    编码：%s\n", t.source_encoding.c_str());
    std::printf("    字段：%s\n", fields.empty() ? "无" : fields.c_str());
    for (const auto& p : t.problems) std::printf("    问题：%s\n", p.message.c_str());
}

void print_table(const std::string& name, const io::Table& t)
{
    std::printf("  %-26s %-24s %s %7zu 行\n", name.c_str(), "（表格，无几何）", " ", t.rows);
    print_table_fields(t);
}

// A source of very many layers (a county's whole GIS in one GeoPackage): names and kinds from
// its header, since reading each layer's definition is quadratic in the layers in GDAL.
int header_info(const std::string& file, const std::vector<io::LayerHeader>& headers)
{
    std::printf("%s：%zu 个图层（超过 %zu 个，只列出名称和几何类型；请在项目文件中引用所需图层，"
                "再用 coopmap-cli info 项目文件 查看要素、坐标系和字段）\n",
                file.c_str(), headers.size(), io::kDescribedLayersAtMost);
    for (const auto& h : headers)
        std::printf("  %-26s %s\n", h.name.c_str(),
                    !h.has_geometry ? "表格"
                    : h.kind_known  ? kind_zh(h.kind)
                                    : "（按要素）");
    return 0;
}

// Layers with their CRS (guessed when the source has none) and tables without geometry, such
// as CoopMap's own coverage tables in .gpkg/.xlsx/.csv.
int data_info(const std::string& file)
{
    const auto headers = io::layer_headers(file);
    if (!headers) return fail(headers.error());
    if (headers->size() > io::kDescribedLayersAtMost) return header_info(file, *headers);
    const auto summaries = io::describe_layers(file);
    if (!summaries) return fail(summaries.error());
    if (summaries->empty()) return fail(Error{file, {}, {}, "数据中没有矢量图层或表格"});
    struct Entry {
        std::string name;
        std::optional<io::LoadedLayer> layer;
        std::optional<io::Table> table;
        std::string problem;  // a layer whose CRS cannot be told is listed as its table, with why
    };
    std::vector<Entry> entries;
    std::size_t layers = 0, tables = 0;
    for (const auto& s : *summaries) {
        Entry e{s.name, {}, {}, {}};
        const io::SourceSpec spec{file, s.name, {}, {}, Role::village, {}};
        if (s.has_geometry) {
            auto loaded = io::read_layer(spec);
            if (loaded) {
                e.layer = std::move(*loaded);
                ++layers;
                entries.push_back(std::move(e));
                continue;
            }
            if (!s.crs.empty()) return fail(loaded.error());
            e.problem = loaded.error().message;
        }
        auto table = io::read_table(spec);
        if (!table) return fail(table.error());
        e.table = std::move(*table);
        (e.problem.empty() ? tables : layers) += 1;
        entries.push_back(std::move(e));
    }
    std::printf("%s：%zu 个图层%s\n", file.c_str(), layers,
                tables ? ("，" + std::to_string(tables) + " 个表格").c_str() : "");
    for (const auto& e : entries) {
        if (e.layer) {
            print_headline(e.name, "（未指定角色）", e.layer->layer);
            print_details(*e.layer);
        } else if (!e.problem.empty()) {
            std::printf("  %-26s %-24s %s %7zu  （坐标无法换算）\n", e.name.c_str(), "（未指定角色）", " ",
                        e.table->rows);
            print_table_fields(*e.table);
            std::printf("    问题：%s\n", e.problem.c_str());
        } else {
            print_table(e.name, *e.table);
        }
    }
    return 0;
}

}  // namespace

void add_info(CLI::App& app)
{
    auto* cmd = app.add_subcommand(
        "info", "列出项目或数据文件的图层：几何类型、要素数、坐标系、编码、范围、字段、问题 (layers and problems)");
    auto path = std::make_shared<std::string>();
    cmd->add_option("path", *path, "项目文件 *.coopmap，或 GDAL 能打开的数据文件")->required();
    cmd->callback([path] {
        const bool project = std::filesystem::path(*path).extension() == ".coopmap";
        exit_status() = project ? project_info(*path) : data_info(*path);
    });
}

}  // namespace coopmap::cli
