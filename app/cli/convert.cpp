// convert: one layer from any format GDAL reads to GeoPackage, GeoJSON, CSV, XLSX,
// Shapefile or KML, optionally out of GCJ-02/BD-09 and into another CRS.
#include <cctype>
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"

namespace coopmap::cli {

namespace {

struct ConvertOptions {
    std::string in, out, layer, out_layer, from_crs, encoding;
    std::string to_crs = "EPSG:4326";
    bool from_gcj02 = false, from_bd09 = false;
};

int convert(const ConvertOptions& o)
{
    io::SourceSpec spec{o.in, o.layer, o.from_crs, o.encoding, Role::village, {}};
    if (o.from_gcj02) spec.declared_crs = "GCJ02";
    if (o.from_bd09) spec.declared_crs = "BD09";
    const auto loaded = io::read_layer(spec);
    if (!loaded) return fail(loaded.error());
    for (const auto& s : loaded->skipped) std::fprintf(stderr, "跳过：%s\n", s.text().c_str());
    std::fputs(analysis::problems_text(loaded->problems).c_str(), stderr);
    const auto written = io::write_layer(loaded->layer, io::WriteSpec{o.out, o.out_layer, o.to_crs});
    if (!written) return fail(written.error());
    std::string to = o.to_crs;
    for (auto& c : to) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::string crs = to == "GCJ02" || to == "GCJ-02" ? "GCJ-02（高德/腾讯坐标）"
                            : to == "BD09" || to == "BD-09" ? "BD-09（百度坐标）"
                                                            : io::crs_label(o.to_crs);
    std::printf("%s：%zu 个要素，坐标系 %s\n", o.out.c_str(), loaded->layer.size(), crs.c_str());
    return 0;
}

}  // namespace

void add_convert(CLI::App& app)
{
    auto* cmd = app.add_subcommand("convert", "转换数据格式和坐标系 (convert format and CRS)");
    auto o = std::make_shared<ConvertOptions>();
    cmd->add_option("in", o->in, "输入数据（GDAL 能打开的任何矢量格式）")->required();
    cmd->add_option("out", o->out, "输出文件：.gpkg .geojson .csv .xlsx .shp .kml")->required();
    cmd->add_option("--layer", o->layer, "输入中的图层名，默认第一个");
    cmd->add_option("--out-layer", o->out_layer, "输出的图层名，默认与输入相同");
    cmd->add_option("--to-crs", o->to_crs, "输出坐标系，如 EPSG:4490、EPSG:4526；GCJ02（高德/腾讯）或 BD09（百度）")
        ->capture_default_str();
    cmd->add_option("--from-crs", o->from_crs, "输入没有坐标系时使用的坐标系，如 EPSG:4526");
    cmd->add_option("--encoding", o->encoding, "输入属性的文字编码，如 CP936");
    auto* gcj = cmd->add_flag("--from-gcj02", o->from_gcj02, "输入是高德/腾讯坐标（GCJ-02）");
    auto* bd = cmd->add_flag("--from-bd09", o->from_bd09, "输入是百度坐标（BD-09）");
    gcj->excludes(bd);
    cmd->callback([o] { exit_status() = convert(*o); });
}

}  // namespace coopmap::cli
