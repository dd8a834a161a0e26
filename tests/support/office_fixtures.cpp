#include "office_fixtures.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "crs/chinese_offsets.h"
#include "io/gdal_errors.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"
#include "io/ogr_geometry.h"

namespace coopmap::testing {

namespace fs = std::filesystem;

namespace {

Error fixture_error(const std::string& file, const std::string& why) { return Error{file, {}, {}, why}; }

Result<Layer> sample_layer(const std::string& name)
{
    auto r = io::read_layer(io::SourceSpec{sample_gpkg(), name, {}, {}, Role::village, {}});
    if (!r) return r.error();
    return std::move(r->layer);
}

// The layer's geometry with only the columns named, renamed: {{"name", "村名"}, …} in that order.
Layer with_columns(const Layer& l, const std::vector<std::pair<std::string, std::string>>& columns)
{
    Layer out = l;
    out.columns.clear();
    for (const auto& [from, to] : columns) {
        const Column* c = l.column(from);
        if (!c) continue;
        out.columns.push_back(*c);
        out.columns.back().name = to;
    }
    return out;
}

void shift(Layer& l, crs::LonLat (*offset)(crs::LonLat))
{
    for (std::size_t i = 0; i < l.x.size(); ++i) {
        const crs::LonLat p = offset({l.x[i], l.y[i]});
        l.x[i] = p.lon;
        l.y[i] = p.lat;
    }
    l.index.reset();
}

// A Shapefile in GBK as Chinese desktop GIS writes it, in `epsg`; the .cpg removed when the
// DBF's language byte alone must tell the encoding.
Status write_gbk_shapefile(const Layer& l, const std::string& path, int epsg, bool keep_cpg)
{
    io::ensure_gdal();
    io::GdalErrorCapture gdal_error;
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(d->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return fixture_error(path, "cannot create: " + gdal_error.last());
    OGRSpatialReference target, wgs84;
    target.importFromEPSG(epsg);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs84, &target));
    const char* lco[] = {"ENCODING=CP936", nullptr};
    OGRLayer* out =
        ds->CreateLayer(fs::path(path).stem().string().c_str(), &target, io::layer_type(l), const_cast<char**>(lco));
    if (!out) return fixture_error(path, "cannot create layer: " + gdal_error.last());
    for (const auto& c : l.columns) {
        OGRFieldDefn fd(c.name.c_str(), io::field_type(c.type));
        if (out->CreateField(&fd) != OGRERR_NONE) return fixture_error(path, "cannot add field " + c.name);
    }
    for (std::size_t f = 0; f < l.size(); ++f) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(out->GetLayerDefn()));
        io::set_fields(*feature, l, f);
        auto g = io::feature_geometry(l, f);
        if (g->transform(ct.get()) != OGRERR_NONE) return fixture_error(path, "cannot transform");
        feature->SetGeometryDirectly(g.release());
        if (out->CreateFeature(feature.get()) != OGRERR_NONE) return fixture_error(path, "cannot write feature");
    }
    ds.reset();
    if (!keep_cpg) fs::remove(fs::path(path).replace_extension(".cpg"));
    else std::ofstream(fs::path(path).replace_extension(".cpg"), std::ios::trunc) << "GBK\n";
    return Done{};
}

std::string gbk(const std::string& utf8)
{
    char* r = CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "CP936");
    std::string out = r;
    CPLFree(r);
    return out;
}

std::uint32_t crc32(const std::string& data)
{
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : data) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put16(std::string& s, std::uint32_t v)
{
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, std::uint32_t v)
{
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
}

// A zip as Windows' "send to compressed folder" writes it on a Chinese system: entries stored,
// names in GBK, no UTF-8 flag and no Unicode path field (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16).
Status write_gbk_zip(const std::string& zip, const std::vector<std::string>& files)
{
    std::string out, central;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        const std::string data((std::istreambuf_iterator<char>(in)), {});
        const std::string name = gbk(fs::path(f).filename().string());
        const std::uint32_t crc = crc32(data), offset = static_cast<std::uint32_t>(out.size());
        const auto header = [&](std::string& s, bool in_central) {
            put32(s, in_central ? 0x02014b50 : 0x04034b50);
            if (in_central) put16(s, 20);  // made by
            put16(s, 20);  // needed to extract
            put16(s, 0);  // flags: no bit 11, the name is not UTF-8
            put16(s, 0);  // stored
            put16(s, 0);  // time
            put16(s, 0x21);  // date: 1980-01-01
            put32(s, crc);
            put32(s, static_cast<std::uint32_t>(data.size()));
            put32(s, static_cast<std::uint32_t>(data.size()));
            put16(s, static_cast<std::uint32_t>(name.size()));
            put16(s, 0);  // extra
            if (in_central) {
                put16(s, 0);  // comment
                put16(s, 0);  // disk
                put16(s, 0);  // internal attributes
                put32(s, 0);  // external attributes
                put32(s, offset);
            }
            s += name;
        };
        header(out, false);
        out += data;
        header(central, true);
    }
    const auto central_at = static_cast<std::uint32_t>(out.size());
    out += central;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<std::uint32_t>(files.size()));
    put16(out, static_cast<std::uint32_t>(files.size()));
    put32(out, static_cast<std::uint32_t>(central.size()));
    put32(out, central_at);
    put16(out, 0);
    std::ofstream f(zip, std::ios::binary | std::ios::trunc);
    f << out;
    if (!f) return fixture_error(zip, "cannot write");
    return Done{};
}

std::string csv_cell(const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// A site list as Excel saves it: one row a point, 经度/纬度 last; in GBK when asked.
Status write_csv(const Layer& l, const std::string& path, bool in_gbk)
{
    std::string text;
    for (const auto& c : l.columns) text += csv_cell(c.name) + ",";
    text += "经度,纬度\r\n";
    char buf[64];
    for (std::size_t f = 0; f < l.size(); ++f) {
        for (const auto& c : l.columns) text += csv_cell(c.text(f)) + ",";
        std::snprintf(buf, sizeof buf, "%.12f,%.12f\r\n", l.first_x(f), l.first_y(f));
        text += buf;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << (in_gbk ? gbk(text) : text);
    if (!out) return fixture_error(path, "cannot write");
    return Done{};
}

Status write(const Layer& l, const std::string& path, const std::string& layer = {})
{
    return io::write_layer(l, io::WriteSpec{path, layer, "EPSG:4326"});
}

}  // namespace

std::string sample_gpkg() { return std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.gpkg"; }

Status make_office_fixtures(const std::string& dir)
{
    std::error_code ec;
    fs::create_directories(fs::path(dir) / "农资网点", ec);
    if (ec) return fixture_error(dir, "cannot make the folder: " + ec.message());
    const auto at = [&](const std::string& f) { return (fs::path(dir) / f).string(); };

    auto townships = sample_layer("townships");
    if (!townships) return townships.error();
    {
        const std::string staging = at(".乡镇界");
        fs::create_directories(staging, ec);
        const std::string shp = (fs::path(staging) / "乡镇界.shp").string();
        if (auto s = write_gbk_shapefile(with_columns(*townships, {{"name", "乡镇名称"}, {"code", "乡镇代码"}}), shp,
                                         4525, false);
            !s)
            return s;
        std::vector<std::string> parts;
        for (const char* e : {".shp", ".shx", ".dbf", ".prj"})
            parts.push_back(fs::path(shp).replace_extension(e).string());
        if (auto s = write_gbk_zip(at("乡镇界.zip"), parts); !s) return s;
        fs::remove_all(staging, ec);
    }

    auto counties = sample_layer("counties");
    if (!counties) return counties.error();
    if (auto s = write_gbk_shapefile(with_columns(*counties, {{"name", "县名"}, {"code", "县代码"}}), at("县区界.shp"),
                                     4490, true);
        !s)
        return s;

    auto villages = sample_layer("villages");
    if (!villages) return villages.error();
    {
        // The township a village belongs to, by name: what an office's sheet says instead of a code.
        std::map<std::string, std::string> township_name;
        const Column* tc = townships->column("code");
        const Column* tn = townships->column("name");
        for (std::size_t f = 0; f < townships->size(); ++f) township_name[tc->text(f)] = tn->text(f);
        Layer v = with_columns(*villages, {{"name", "村名"}});
        Column& town = v.add_column("乡镇", FieldType::text);
        const Column* vt = villages->column("township_code");
        for (std::size_t f = 0; f < villages->size(); ++f) {
            town.null.push_back(0);
            town.texts.push_back(township_name[vt->text(f)]);
        }
        for (const auto& [from, to] : {std::pair{"kind", "类别"}, {"population", "人口"}, {"households", "户数"}}) {
            v.columns.push_back(*villages->column(from));
            v.columns.back().name = to;
        }
        shift(v, crs::gcj02_from_wgs84);
        if (auto s = write(v, at("村庄.xlsx"), "村庄"); !s) return s;
    }

    const std::vector<std::pair<std::string, std::string>> facility{
        {"name", "名称"}, {"opening_year", "开业年份"}, {"operator", "经营主体"}};
    auto stations = sample_layer("village_service_station");
    if (!stations) return stations.error();
    {
        Layer s = with_columns(*stations, {{"name", "站名"}, {"opening_year", "开业年份"}, {"operator", "经营主体"}});
        shift(s, crs::bd09_from_wgs84);
        if (auto w = write_csv(s, at("村级综合服务社.csv"), true); !w) return w;
    }
    for (const auto& [layer, file] :
         {std::pair{"village_cooperative", "村级供销社.geojson"}, {"distribution_center", "集采集配中心.kml"}}) {
        auto l = sample_layer(layer);
        if (!l) return l.error();
        if (auto s = write(with_columns(*l, facility), at(file), fs::path(file).stem().string()); !s) return s;
    }
    auto grassroots = sample_layer("grassroots_cooperative");
    if (!grassroots) return grassroots.error();
    if (auto s = write_gbk_shapefile(with_columns(*grassroots, {{"name", "社名"}, {"opening_year", "开业年份"}}),
                                     at("基层供销社.shp"), 4490, true);
        !s)
        return s;
    auto markets = sample_layer("township_supermarket");
    if (!markets) return markets.error();
    if (auto s = write(with_columns(*markets, {{"name", "超市名称"}}), at("乡镇综合超市.xlsx"), "Sheet1"); !s) return s;
    auto agri = sample_layer("agri_service_center");
    if (!agri) return agri.error();
    if (auto s = write_csv(with_columns(*agri, {{"name", "名称"}}), at("农资网点/为农服务中心.csv"), false); !s)
        return s;

    auto parcels = sample_layer("land_trusteeship");
    if (!parcels) return parcels.error();
    if (auto s = write(with_columns(*parcels, {{"code", "地块编号"},
                                               {"kind", "类型"},
                                               {"provider", "服务主体"},
                                               {"crop", "作物"},
                                               {"year", "年份"},
                                               {"area_mu", "面积_亩"}}),
                       at("土地托管.gpkg"), "土地托管");
        !s)
        return s;
    auto roads = sample_layer("roads");
    if (!roads) return roads.error();
    if (auto s =
            write(with_columns(
                      *roads, {{"name", "道路名称"}, {"class", "道路等级"}, {"speed_kmh", "车速"}, {"oneway", "单行"}}),
                  at("道路.gpkg"), "道路");
        !s)
        return s;
    return Done{};
}

}  // namespace coopmap::testing
