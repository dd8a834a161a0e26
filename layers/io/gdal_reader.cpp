#include "io/gdal_reader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <memory>
#include <tuple>

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "crs/chinese_offsets.h"
#include "crs/crs_guess.h"
#include "io/gdal_errors.h"
#include "io/gpkg_catalog.h"
#include "io/interrupted_save.h"

namespace coopmap::io {

namespace fs = std::filesystem;

namespace {

enum class Offset { none, gcj02, bd09 };

struct Transform {
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84;  // null: already lon/lat WGS84
    std::unique_ptr<OGRSpatialReference> source;  // null: WGS84 or GCJ-02/BD-09
    Offset offset = Offset::none;
    bool swap_decided = false;
    bool swap_xy = false;
    std::string guessed;  // the CRS guessed from the coordinates, when the source had none
};

bool is_pg(const std::string& uri) { return uri.rfind("PG:", 0) == 0; }
bool is_virtual(const std::string& uri) { return uri.rfind("/vsi", 0) == 0; }

std::string upper(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}
std::string lower(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Coordinate column names seen in Chinese site lists. Names that say "longitude" mean
// lon/lat degrees; x/y may be anything and need a declared CRS.
constexpr std::array<const char*, 7> kLonNames{"经度", "lon", "lng", "long", "longitude", "东经", "经度坐标"};
constexpr std::array<const char*, 5> kLatNames{"纬度", "lat", "latitude", "北纬", "纬度坐标"};

std::string possible_names(const char* option, const auto& names)
{
    std::string out = option;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? "," : "") + std::string(names[i]);
    return out;
}

bool one_of(const std::string& name, const auto& names)
{
    const std::string l = lower(name);
    for (const char* n : names)
        if (l == n) return true;
    return false;
}

// Drops bytes that cannot start or continue a UTF-8 sequence, so that nothing invalid
// reaches the UI even from a file whose encoding could not be told.
std::string repair_utf8(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool ok = n > 0 && i + n <= s.size();
        for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 2;
        if (ok && is_utf8(s.substr(i, n))) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            ++i;
        }
    }
    return out;
}

// Text from the source in UTF-8: as is when it is valid UTF-8 and no encoding is forced,
// otherwise recoded from `encoding` (GBK when it was not said) by GDAL's iconv wrapper.
// `as_gbk` is set when text that was not UTF-8 had to be taken as GBK.
std::string to_utf8(const char* text, const std::string& encoding, bool* as_gbk = nullptr)
{
    std::string_view raw(text);
    if (encoding.empty() && is_utf8(raw)) return std::string(raw);
    if (encoding.empty() && as_gbk) *as_gbk = true;
    char* recoded = CPLRecode(text, encoding.empty() ? "CP936" : encoding.c_str(), CPL_ENC_UTF8);
    std::string out = recoded ? recoded : "";
    CPLFree(recoded);
    return is_utf8(out) ? out : repair_utf8(out);
}

bool vsi_exists(const std::string& path)
{
    VSIStatBufL st;
    return VSIStatL(path.c_str(), &st) == 0;
}

// The first bytes of a file, also inside a zip.
std::string vsi_head(const std::string& path, std::size_t n)
{
    VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
    if (!f) return {};
    std::string out(n, '\0');
    out.resize(VSIFReadL(out.data(), 1, n, f));
    VSIFCloseL(f);
    return out;
}

// The DBF language driver byte (dBASE header offset 29) for the Chinese code pages; 0 if
// none is recorded. Values from the ESRI/dBASE LDID table that GDAL's shapefile driver uses.
std::string ldid_encoding(const std::string& dbf)
{
    const std::string header = vsi_head(dbf, 32);
    if (header.size() < 32) return {};
    switch (static_cast<unsigned char>(header[29])) {
    case 0x4D:
    case 0x7A: return "CP936";
    case 0x4F:
    case 0x78: return "CP950";
    case 0x4E:
    case 0x79: return "CP949";
    default: return {};
    }
}

// A Shapefile's sidecar (.cpg, .dbf) beside it, also inside a zip: "" if there is none.
std::string sibling(const std::string& path, const char* ext)
{
    for (const std::string& e : {std::string(ext), upper(ext)}) {
        const std::string q = fs::path(path).replace_extension(e).string();
        if (vsi_exists(q)) return q;
    }
    return {};
}

// True if every field name and text value of the first features is valid UTF-8 when the
// Shapefile is read without any recoding.
bool raw_dbf_is_utf8(const std::string& uri, const std::string& layer_name)
{
    const char* raw[] = {"ENCODING=", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(uri.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, raw, nullptr));
    if (!ds) return true;
    OGRLayer* l = layer_name.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer_name.c_str());
    if (!l) return true;
    OGRFeatureDefn* defn = l->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (!is_utf8(defn->GetFieldDefn(i)->GetNameRef())) return false;
    int seen = 0;
    for (auto& f : *l) {
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (defn->GetFieldDefn(i)->GetType() == OFTString && f->IsFieldSetAndNotNull(i) &&
                !is_utf8(f->GetFieldAsString(i)))
                return false;
        if (++seen == 5000) break;
    }
    return true;
}

struct EncodingChoice {
    bool set_option = false;  // pass ENCODING=option to the Shapefile driver
    std::string option;
    std::string label;  // what `info` shows
};

// A Shapefile's text encoding: forced by the project, else its .cpg, else the DBF language
// byte, else UTF-8 if the text is valid UTF-8 and GBK (CP936) if not.
EncodingChoice shapefile_encoding(const std::string& uri, const std::string& layer_name, const std::string& forced)
{
    if (!forced.empty()) return {true, forced, upper(forced)};
    const std::string cpg = sibling(uri, ".cpg");
    if (!cpg.empty()) {
        std::string text = vsi_head(cpg, 64);
        text = text.substr(0, text.find_first_of("\r\n"));
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
        const std::string u = upper(text);
        if (u == "936" || u == "GBK" || u == "CP936") return {false, {}, "CP936"};
        if (u == "UTF-8" || u == "UTF8" || u == "65001") return {false, {}, "UTF-8"};
        return {false, {}, text.empty() ? "UTF-8" : text};
    }
    if (const std::string dbf = sibling(uri, ".dbf"); !dbf.empty()) {
        if (std::string e = ldid_encoding(dbf); !e.empty()) return {true, e, e};
    }
    if (raw_dbf_is_utf8(uri, layer_name)) return {true, "", "UTF-8"};
    return {true, "CP936", "CP936"};
}

// The swap test for one coordinate: a geographic pair whose "latitude" exceeds 90, or a
// Transverse Mercator pair (Gauss-Krüger) whose easting sits where the northing should.
bool looks_swapped(const OGRSpatialReference& s, double x, double y)
{
    if (s.IsGeographic()) return std::fabs(y) > 90 && std::fabs(x) <= 90;
    const char* proj = s.GetAttrValue("PROJECTION");
    if (!s.IsProjected() || !proj || !EQUAL(proj, SRS_PT_TRANSVERSE_MERCATOR)) return false;
    const double fe = s.GetProjParm(SRS_PP_FALSE_EASTING, 0.0);
    const auto plausible = [fe](double e, double n) { return std::fabs(e - fe) < 1e6 && n >= 0 && n < 1e7; };
    return !plausible(x, y) && plausible(y, x);
}

constexpr const char* kOffsetHint = "若坐标取自高德/腾讯地图请声明 crs 为 GCJ02，取自百度地图为 BD09";

// `raw_bounds` is asked only when the source declares no CRS: the coordinates' bounds in source
// units, for the guess.
Result<Transform> make_transform(OGRLayer& ogr_layer, const SourceSpec& spec, bool geographic_columns,
                                 const std::function<Bounds()>& raw_bounds, const Error& where, std::string& note)
{
    Transform t;
    auto source = std::make_unique<OGRSpatialReference>();
    const std::string declared = upper(spec.declared_crs);
    if (declared == "GCJ02" || declared == "GCJ-02") {
        t.offset = Offset::gcj02;
        return t;
    }
    if (declared == "BD09" || declared == "BD-09") {
        t.offset = Offset::bd09;
        return t;
    }
    const auto add_note = [&note](const std::string& n) { note += (note.empty() ? "" : "；") + n; };
    if (!spec.declared_crs.empty()) {
        if (source->SetFromUserInput(spec.declared_crs.c_str()) != OGRERR_NONE) {
            Error e = where;
            e.message = "无法识别坐标系“" + spec.declared_crs +
                        "”，请在项目文件中写 EPSG 代码（如 EPSG:4490）、WKT、GCJ02 或 BD09";
            return e;
        }
    } else if (const OGRSpatialReference* s = ogr_layer.GetSpatialRef()) {
        *source = *s;
    } else if (geographic_columns) {
        add_note(std::string("数据未声明坐标系，按坐标列名（经度/纬度）视为 WGS84 经纬度；") + kOffsetHint);
        return t;
    } else {
        const auto guess = crs::guess_from_coordinates(raw_bounds());
        if (!guess || guess->crs.empty()) {
            Error e = where;
            e.message = guess ? "数据没有坐标系，" + guess->why
                              : "数据没有坐标系，坐标也不像经纬度或高斯-克吕格坐标：请在项目文件中为该图层声明 "
                                "crs（如 EPSG:4490 或 EPSG:4526）";
            return e;
        }
        if (source->SetFromUserInput(guess->crs.c_str()) != OGRERR_NONE) {
            Error e = where;
            e.message = "数据没有坐标系，推断的 " + guess->crs + " 无法使用：请在项目文件中为该图层声明 crs";
            return e;
        }
        add_note("数据未声明坐标系，按坐标推断：" + guess->why +
                 (guess->geographic ? std::string("；") + kOffsetHint : ""));
        t.guessed = guess->crs;
    }
    // Inside the engine every coordinate is lon, lat / easting, northing (DESIGN: axis order
    // is handled once, at the boundary).
    source->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!source->IsSame(&wgs84)) {
        t.to_wgs84.reset(OGRCreateCoordinateTransformation(source.get(), &wgs84));
        if (!t.to_wgs84) {
            Error e = where;
            e.message = "无法把该坐标系转换到 WGS84，请检查项目文件中的 crs";
            return e;
        }
    }
    t.source = std::move(source);
    return t;
}

GeometryKind kind_of(OGRwkbGeometryType type, bool& known)
{
    known = true;
    switch (wkbFlatten(type)) {
    case wkbPoint:
    case wkbMultiPoint: return GeometryKind::point;
    case wkbLineString:
    case wkbMultiLineString: return GeometryKind::line;
    case wkbPolygon:
    case wkbMultiPolygon: return GeometryKind::polygon;
    default: known = false; return GeometryKind::point;
    }
}

void add_ring(Layer& out, const OGRSimpleCurve& curve)
{
    const int n = curve.getNumPoints();
    for (int i = 0; i < n; ++i) out.add_coordinate(curve.getX(i), curve.getY(i));
    out.end_ring();
}

void add_polygon(Layer& out, const OGRPolygon& poly)
{
    for (const auto* ring : poly) add_ring(out, *ring);
    out.end_part();
}

// Appends one feature's geometry in source coordinates; false if its type does not fit.
bool add_geometry(Layer& out, const OGRGeometry& g)
{
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint: {
        const OGRPoint& p = *g.toPoint();
        out.add_coordinate(p.getX(), p.getY());
        out.end_ring();
        out.end_part();
        return out.kind == GeometryKind::point;
    }
    case wkbMultiPoint:
        for (const auto* p : *g.toMultiPoint()) {
            if (p->IsEmpty()) continue;
            out.add_coordinate(p->getX(), p->getY());
            out.end_ring();
            out.end_part();
        }
        return out.kind == GeometryKind::point;
    case wkbLineString:
        add_ring(out, *g.toLineString());
        out.end_part();
        return out.kind == GeometryKind::line;
    case wkbMultiLineString:
        for (const auto* l : *g.toMultiLineString()) {
            add_ring(out, *l);
            out.end_part();
        }
        return out.kind == GeometryKind::line;
    case wkbPolygon: add_polygon(out, *g.toPolygon()); return out.kind == GeometryKind::polygon;
    case wkbMultiPolygon:
        for (const auto* p : *g.toMultiPolygon()) add_polygon(out, *p);
        return out.kind == GeometryKind::polygon;
    case wkbGeometryCollection: {
        // make-valid may return polygons with stray lines or points: keep what fits.
        bool any = false;
        for (const auto* part : *g.toGeometryCollection()) {
            bool known = false;
            if (kind_of(part->getGeometryType(), known) == out.kind && known) any = add_geometry(out, *part) || any;
        }
        return any;
    }
    default: return false;
    }
}

// Drops the coordinates and offsets added since a feature began (it is skipped).
void roll_back(Layer& out, std::size_t coords, std::size_t rings, std::size_t parts)
{
    out.x.resize(coords);
    out.y.resize(coords);
    out.coord_start.resize(rings + 1);
    out.ring_start.resize(parts + 1);
}

// Moves coordinates [from, end) from the source CRS to WGS84 lon/lat; "" or why not.
std::string to_wgs84(Layer& out, std::size_t from, Transform& t)
{
    const std::size_t n = out.x.size() - from;
    if (n == 0) return {};
    double* xs = out.x.data() + from;
    double* ys = out.y.data() + from;
    if (!t.swap_decided && t.source) {
        t.swap_xy = looks_swapped(*t.source, xs[0], ys[0]);
        t.swap_decided = true;
    }
    if (t.swap_xy)
        for (std::size_t i = 0; i < n; ++i) std::swap(xs[i], ys[i]);
    if (t.to_wgs84) {
        std::vector<int> ok(n);
        if (!t.to_wgs84->Transform(n, xs, ys, nullptr, ok.data()))
            return "坐标无法转换到 WGS84（超出坐标系范围？请检查项目文件中的 crs）";
        for (int v : ok)
            if (!v) return "坐标无法转换到 WGS84（超出坐标系范围？请检查项目文件中的 crs）";
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) return "坐标不是有限数值（NaN 或无穷大）";
        if (std::fabs(xs[i]) > 180 || std::fabs(ys[i]) > 90) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "坐标超出经纬度范围（经度 %.6g，纬度 %.6g）", xs[i], ys[i]);
            return std::string(buf) + "，请检查坐标列或坐标系";
        }
        if (t.offset != Offset::none) {
            const crs::LonLat in{xs[i], ys[i]};
            const crs::LonLat ll = t.offset == Offset::gcj02 ? crs::wgs84_from_gcj02(in) : crs::wgs84_from_bd09(in);
            xs[i] = ll.lon;
            ys[i] = ll.lat;
        }
    }
    return {};
}

// A coordinate cell as a number: numeric fields as they are, text only if all of it parses.
std::optional<double> cell_number(OGRFeature& f, int i, std::string& shown)
{
    if (!f.IsFieldSetAndNotNull(i)) return std::nullopt;
    const OGRFieldType type = f.GetFieldDefnRef(i)->GetType();
    if (type == OFTReal || type == OFTInteger || type == OFTInteger64) return f.GetFieldAsDouble(i);
    std::string s = f.GetFieldAsString(i);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
    s = s.substr(start);
    shown = s;
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (*end != '\0') return std::numeric_limits<double>::quiet_NaN();
    return v;
}

std::string one_line(std::string s)
{
    for (auto& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

std::string ext_of(const std::string& name) { return lower(fs::path(name).extension().string()); }

// Everything GDAL opens as a dataset of its own from one file (sidecars .shx/.prj/.cpg are not).
constexpr std::array<const char*, 16> kDataExtensions{".shp", ".gpkg", ".geojson", ".json",  ".kml", ".kmz",
                                                      ".csv", ".xlsx", ".xls",     ".ods",   ".gml", ".tab",
                                                      ".mif", ".dbf",  ".fgb",     ".sqlite"};

// The zip file a path goes through and the path inside it ("", "" if it goes through none).
std::pair<std::string, std::string> split_at_zip(const std::string& uri)
{
    std::error_code ec;
    fs::path prefix;
    const fs::path p(uri);
    for (auto it = p.begin(); it != p.end(); ++it) {
        prefix /= *it;
        if (ext_of(prefix.string()) == ".zip" && fs::is_regular_file(prefix, ec)) {
            fs::path rest;
            for (++it; it != p.end(); ++it) rest /= *it;
            return {prefix.string(), rest.generic_string()};
        }
    }
    return {};
}

// --- Hostile files (issue 17): what GDAL would trust, checked before it opens the file ---

std::optional<std::uint64_t> vsi_size(const std::string& path)
{
    VSIStatBufL st;
    if (VSIStatL(path.c_str(), &st) != 0 || VSI_ISDIR(st.st_mode)) return std::nullopt;
    return static_cast<std::uint64_t>(st.st_size);
}

std::string mib(std::uint64_t bytes)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f MiB", double(bytes) / double(1 << 20));
    return buf;
}

std::uint32_t big_endian32(const unsigned char* p)
{
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | std::uint32_t(p[3]);
}

// A Shapefile's .shx gives each record's offset and length in the .shp (16-bit words); one
// pointing past the end of the .shp is a truncated or mismatched pair, which GDAL reads as
// features without geometry. "" if the index fits; else why, with `feature` its FID.
std::string check_shx(const std::string& shp, const std::string& shx, std::string& feature)
{
    const auto shp_size = vsi_size(shp);
    VSILFILE* f = VSIFOpenL(shx.c_str(), "rb");
    if (!f || !shp_size) {
        if (f) VSIFCloseL(f);
        return {};
    }
    std::string why;
    std::vector<unsigned char> block(8 * 4096);
    if (VSIFSeekL(f, 100, SEEK_SET) == 0) {
        for (std::uint64_t record = 0; why.empty();) {
            const std::size_t got = VSIFReadL(block.data(), 1, block.size(), f) / 8;
            if (got == 0) break;
            for (std::size_t i = 0; i < got && why.empty(); ++i, ++record) {
                const std::uint64_t offset = 2ull * big_endian32(&block[8 * i]);
                const std::uint64_t length = 2ull * big_endian32(&block[8 * i + 4]);
                if (offset == 0 && length == 0) continue;  // a record some writers leave empty
                if (offset + 8 + length > *shp_size) {
                    feature = "要素 " + std::to_string(record);
                    why = ".shx 索引指向 .shp 文件之外（记录位于第 " + std::to_string(offset) + " 字节起、长 " +
                          std::to_string(length + 8) + " 字节，.shp 只有 " + std::to_string(*shp_size) +
                          " 字节）：文件不完整或 .shp 与 .shx 不配套，请重新导出或重新拷贝这两个文件";
                }
            }
        }
    }
    VSIFCloseL(f);
    return why;
}

// An XML file declaring entities: the billion-laughs expansion and external entities (XXE, which
// would read local files). GDAL's KML/GML/XLSX readers hand them to Expat; no file offices send
// declares any, so they are refused here instead of trusting a parser's limits. "" if none.
std::string check_xml_prolog(const std::string& path)
{
    // Entities can be declared only in a DOCTYPE's internal subset, before the root element.
    constexpr std::size_t kHeadAtMost = 1 << 20;
    const std::string head = vsi_head(path, kHeadAtMost);
    const std::size_t doctype = head.find("<!DOCTYPE");
    if (doctype == std::string::npos) return {};
    if (head.find("<!ENTITY", doctype) != std::string::npos)
        return "XML 文件声明了实体（<!DOCTYPE … <!ENTITY）：CoopMap 不展开 XML 实体、不读取外部实体（可能是"
               "“十亿笑声”攻击或读取本机文件的 XXE），请用原软件重新导出";
    const std::size_t subset = head.find('[', doctype), close = head.find('>', doctype);
    if (head.size() == kHeadAtMost && subset < close && head.find(']', subset) == std::string::npos)
        return "XML 文件开头的声明（<!DOCTYPE）超过 1 MiB，不像正常的数据文件：请用原软件重新导出";
    return {};
}

bool xml_entry(const std::string& name)
{
    const std::string e = lower(fs::path(name).extension().string());
    return e == ".kml" || e == ".xml" || e == ".rels" || e == ".gml";
}

// A zipped container (.kmz, .xlsx, .ods): its entries expand to at most kExpandedBytesAtMost in
// all, and its XML entries declare no entities. The sizes a zip's directory gives can lie (GDAL
// inflates past them), so after they are added up the entries are inflated and counted, stopping
// at the cap. "" if it passes.
std::string check_zip_container(const std::string& path)
{
    const std::string root = is_virtual(path) ? "/vsizip/{" + path + "}" : "/vsizip/" + path;
    char** listed = VSIReadDirRecursive(root.c_str());
    if (!listed) return {};  // not a zip: GDAL says what it is
    std::vector<std::string> entries;
    for (char** e = listed; *e; ++e) entries.emplace_back(*e);
    CSLDestroy(listed);
    const std::string too_big = "压缩包解压后超过 " + mib(kExpandedBytesAtMost) +
                                "（CoopMap 读取的上限），可能是“压缩炸弹”；如确为真实数据，请先解压并另存为 "
                                "GeoPackage 再读取";
    std::uint64_t declared = 0;
    for (const auto& e : entries)
        if (const auto n = vsi_size(root + "/" + e)) declared += *n;
    if (declared > kExpandedBytesAtMost) return too_big;
    std::uint64_t inflated = 0;
    std::vector<char> block(1 << 20);
    for (const auto& e : entries) {
        const std::string entry = root + "/" + e;
        if (xml_entry(e))
            if (std::string why = check_xml_prolog(entry); !why.empty()) return e + "：" + why;
        VSILFILE* f = VSIFOpenL(entry.c_str(), "rb");
        if (!f) continue;  // a folder entry
        for (std::size_t got; (got = VSIFReadL(block.data(), 1, block.size(), f)) > 0;) {
            inflated += got;
            if (inflated > kExpandedBytesAtMost) break;
        }
        VSIFCloseL(f);
        if (inflated > kExpandedBytesAtMost) return too_big;
    }
    return {};
}

// Refuses what would make GDAL crash, read out of bounds or expand without bound; "" if the
// file may be opened. `feature` is set when the problem is one feature's.
std::string check_before_open(const std::string& path, const std::string& ext, std::string& feature)
{
    if (is_pg(path)) return {};
    const auto size = vsi_size(path);
    if (!size) return {};  // a folder (of Shapefiles, a .gdb)
    if (*size == 0) return "文件是空的（0 字节）：可能没有拷贝完整，请重新拷贝或重新导出";
    if (ext == ".SHP") {
        const std::string shx = sibling(path, ".shx");
        if (shx.empty())
            return "缺少同名的 .shx 索引文件：Shapefile 的 .shp、.shx、.dbf（及 .prj、.cpg）须放在一起，请一并拷贝";
        return check_shx(path, shx, feature);
    }
    if (ext == ".KMZ" || ext == ".XLSX" || ext == ".ODS") return check_zip_container(path);
    if (ext == ".KML" || ext == ".GML" || ext == ".GPX" || ext == ".XML") return check_xml_prolog(path);
    return {};
}

// A source opened for reading, with how its text is decoded.
struct Opened {
    GDALDatasetUniquePtr ds;
    std::string path;  // as GDAL opened it
    std::string ext;  // of the data file, upper-case
    bool shapefile = false;
    bool table = false;  // CSV/XLSX/XLS/ODS: points may come as two columns
    std::string recode_from;  // text the driver leaves undecoded is recoded from this ("": UTF-8, else GBK)
    std::string encoding_label = "UTF-8";
};

Result<Opened> open_source(const std::string& uri, const std::string& layer, const std::string& encoding, Error where,
                           GdalErrorCapture& gdal_error)
{
    Opened o;
    o.path = gdal_path(uri, layer);
    const bool local_file = !is_pg(o.path) && !is_virtual(o.path);
    if (!is_pg(o.path) && !(local_file ? fs::exists(o.path) : vsi_exists(o.path))) {
        where.message = "文件不存在，请检查路径或在项目文件中改正 source";
        return where;
    }
    // A save killed earlier (io/interrupted_save.h) is finished or rolled back first, so what is
    // read is the old or the new version, never half of each.
    if (local_file) {
        if (auto recovered = recover_interrupted_save(o.path); !recovered) {
            where.message = recovered.error().message;
            return where;
        }
    }
    o.ext = upper(fs::path(o.path).extension().string());
    o.shapefile = o.ext == ".SHP" || o.ext == ".DBF";
    o.table = o.ext == ".CSV" || o.ext == ".XLSX" || o.ext == ".XLS" || o.ext == ".ODS";
    CPLStringList options;
    if (o.ext == ".CSV") {
        // Only names that mean degrees go to GDAL; x/y columns are taken below with the CRS.
        options.AddString(possible_names("X_POSSIBLE_NAMES=", kLonNames).c_str());
        options.AddString(possible_names("Y_POSSIBLE_NAMES=", kLatNames).c_str());
        // KEEP_GEOM_COLUMNS=NO is not used: GDAL 3.10 mis-indexes fields with it when a
        // header repeats a coordinate name (fuzz/known_crashes/csv). The columns are left
        // out of the attributes below instead.
        options.AddString("AUTODETECT_TYPE=YES");
    }
    if (o.ext == ".XLSX" || o.ext == ".ODS") options.AddString("HEADERS=FORCE");
    if (o.shapefile) {
        const EncodingChoice e = shapefile_encoding(o.path, layer, encoding);
        if (e.set_option) options.SetNameValue("ENCODING", e.option.c_str());
        o.encoding_label = e.label;
    } else if (!encoding.empty()) {
        o.recode_from = encoding;
        o.encoding_label = upper(encoding);
    }
    if (std::string why = check_before_open(o.path, o.ext, where.feature); !why.empty()) {
        where.message = why;
        return where;
    }
    o.ds.reset(GDALDataset::Open(o.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options.List(), nullptr));
    // A GeoPackage whose journal appeared since (another program's save killed meanwhile)
    // cannot be read until a writer rolls it back: once more after recovering.
    if (!o.ds && local_file && o.ext == ".GPKG" && fs::exists(o.path + "-journal") &&
        recover_interrupted_save(o.path)) {
        gdal_error.clear();
        o.ds.reset(
            GDALDataset::Open(o.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options.List(), nullptr));
    }
    if (!o.ds) {
        where.message = "无法打开数据（" + one_line(gdal_error.last()) +
                        "）：文件可能已损坏或不是 GDAL 支持的矢量格式，请用原软件重新导出";
        return where;
    }
    return o;
}

Result<OGRLayer*> find_layer(GDALDataset& ds, const std::string& name, Error where, const GdalErrorCapture& gdal_error)
{
    // Of a county's whole GIS in one file the first layer is a guess, not what was meant.
    if (name.empty() && static_cast<std::size_t>(ds.GetLayerCount()) > kDescribedLayersAtMost) {
        where.message = "数据中有 " + std::to_string(ds.GetLayerCount()) +
                        " 个图层，请指明要读取哪一个（项目文件中该图层的 layer，或 coopmap-cli convert --layer "
                        "图层名）；coopmap-cli info 可列出全部图层";
        return where;
    }
    OGRLayer* l = name.empty() ? ds.GetLayer(0) : ds.GetLayerByName(name.c_str());
    if (l) return l;
    where.message = !gdal_error.last().empty() ? "无法读取图层（" + one_line(gdal_error.last()) + "）：文件可能已损坏"
                    : name.empty() ? "数据中没有图层"
                                   : "数据中没有名为“" + name + "”的图层";
    return where;
}

// A sheet's (or a CSV's that GDAL gave no geometry) coordinate columns: degrees by their names
// (经度/纬度, lon/lat…), else x/y, which need a CRS. -1 where none.
struct CoordinateColumns {
    int x = -1, y = -1;
    bool geographic = false;
    bool found() const { return x >= 0 && y >= 0; }
};

CoordinateColumns coordinate_columns(OGRFeatureDefn& defn, const std::string& recode_from)
{
    CoordinateColumns c;
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const std::string name = to_utf8(defn.GetFieldDefn(i)->GetNameRef(), recode_from);
        if (c.x < 0 && one_of(name, kLonNames)) c.x = i;
        if (c.y < 0 && one_of(name, kLatNames)) c.y = i;
    }
    c.geographic = c.found();
    if (c.geographic) return c;
    c.x = c.y = -1;
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const std::string name = lower(defn.GetFieldDefn(i)->GetNameRef());
        if (c.x < 0 && name == "x") c.x = i;
        if (c.y < 0 && name == "y") c.y = i;
    }
    if (!c.found()) c.x = c.y = -1;
    return c;
}

// The coordinate columns GDAL's CSV driver took for the geometry: with a repeated name GDAL
// 3.10 takes the last one (fuzz/known_crashes/csv/duplicate_lon_column.csv). `repeated` counts
// the repeats.
CoordinateColumns csv_geometry_columns(OGRFeatureDefn& defn, int& repeated)
{
    CoordinateColumns c;
    repeated = 0;
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const std::string name = defn.GetFieldDefn(i)->GetNameRef();
        if (one_of(name, kLonNames)) repeated += c.x >= 0, c.x = i;
        else if (one_of(name, kLatNames)) repeated += c.y >= 0, c.y = i;
    }
    c.geographic = true;
    return c;
}

// The bounds of the numbers in two coordinate columns, rows that do not parse left out.
Bounds column_bounds(OGRLayer& l, int col_x, int col_y)
{
    Bounds b;
    l.ResetReading();
    for (auto& f : l) {
        std::string shown;
        const auto x = cell_number(*f, col_x, shown);
        const auto y = cell_number(*f, col_y, shown);
        if (x && y && std::isfinite(*x) && std::isfinite(*y)) b.extend(*x, *y);
    }
    l.ResetReading();
    return b;
}

Bounds extent_bounds(OGRLayer& l)
{
    OGREnvelope env;
    Bounds b;
    if (l.GetExtent(&env, TRUE) == OGRERR_NONE) {
        b.extend(env.MinX, env.MinY);
        b.extend(env.MaxX, env.MaxY);
    }
    return b;
}

// Our columns for the OGR fields not in `skip`: ogr_field[c] is the field column c reads.
std::vector<int> add_columns(std::vector<Column>& columns, OGRFeatureDefn& defn, std::initializer_list<int> skip,
                             const std::string& recode_from, bool* recoded)
{
    std::vector<int> ogr_field;
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        if (std::find(skip.begin(), skip.end(), i) != skip.end()) continue;
        const OGRFieldDefn* fd = defn.GetFieldDefn(i);
        Column c;
        c.name = to_utf8(fd->GetNameRef(), recode_from, recoded);
        if (fd->GetType() == OFTInteger || fd->GetType() == OFTInteger64) c.type = FieldType::integer;
        if (fd->GetType() == OFTReal) c.type = FieldType::real;
        columns.push_back(std::move(c));
        ogr_field.push_back(i);
    }
    return ogr_field;
}

// Room reserved ahead for at most this many features: a count a file claims (gpkg_ogr_contents,
// a .shx, a DBF header) may be a lie or corrupt, e.g. 10^12, and reserving from it would abort the
// process with bad_alloc. Beyond it the arrays grow as features really arrive.
constexpr GIntBig kReserveAtMost = 1 << 16;

// How many features to reserve room for from what the layer claims, without forcing a count.
std::size_t claimed_reserve(OGRLayer& l)
{
    return static_cast<std::size_t>(std::clamp<GIntBig>(l.GetFeatureCount(FALSE), 0, kReserveAtMost));
}

// The feature count a GeoPackage records for a layer (gpkg_ogr_contents), -1 if none: a table
// of its own that can disagree with the rows, e.g. 10^12 in a crafted file. Other drivers' counts
// come from the data itself (a DBF header counts deleted records too), so they are not compared.
GIntBig recorded_count(OGRLayer& l, const std::string& ext)
{
    return ext == ".GPKG" && l.TestCapability(OLCFastFeatureCount) ? l.GetFeatureCount(FALSE) : -1;
}

// A recorded count the file cannot hold: more features than the file has bytes (every GeoPackage
// row takes several). Such a table is damage or tampering, not a count left stale by an editor,
// so the file is refused instead of read with a note; nothing is reserved from it either way.
Status check_possible_count(GIntBig recorded, const std::string& path, Error where)
{
    VSIStatBufL st;
    if (recorded <= 0 || VSIStatL(path.c_str(), &st) != 0 || recorded <= static_cast<GIntBig>(st.st_size))
        return Done{};
    where.message = "文件记录的要素数（gpkg_ogr_contents）为 " + std::to_string(recorded) + "，而整个文件只有 " +
                    std::to_string(st.st_size) +
                    " 字节，装不下这么多要素：文件已损坏或被改动，请用原软件重新导出后再添加";
    return where;
}

// The data problem of a recorded count that is not the number read; none if they agree.
void check_recorded_count(GIntBig recorded, std::size_t read, const Error& where, const char* unit,
                          std::vector<Error>& problems)
{
    if (recorded < 0 || static_cast<std::uint64_t>(recorded) == read) return;
    Error e = where;
    e.message = "文件记录的要素数（gpkg_ogr_contents）为 " + std::to_string(recorded) + "，实际读到 " +
                std::to_string(read) + " " + unit + "：以实际读到的为准（文件的统计表有误，用原软件重新保存可修正）";
    problems.push_back(std::move(e));
}

// Whether every X and Y of a geometry is a finite number: NaN would reach GEOS as an "invalid
// polygon" and the user would not learn what is wrong with the feature.
class FiniteCoordinates : public OGRDefaultConstGeometryVisitor {
public:
    bool finite = true;
    using OGRDefaultConstGeometryVisitor::visit;
    void visit(const OGRPoint* p) override
    {
        if (!p->IsEmpty() && (!std::isfinite(p->getX()) || !std::isfinite(p->getY()))) finite = false;
    }
};

void reserve_columns(std::vector<Column>& columns, std::size_t n)
{
    for (auto& c : columns) {
        c.null.reserve(n);
        if (c.type == FieldType::integer) c.integers.reserve(n);
        if (c.type == FieldType::real) c.reals.reserve(n);
        if (c.type == FieldType::text) c.texts.reserve(n);
    }
}

void add_values(std::vector<Column>& columns, const std::vector<int>& ogr_field, OGRFeature& feature,
                const std::string& recode_from, bool* recoded)
{
    for (std::size_t c = 0; c < columns.size(); ++c) {
        Column& col = columns[c];
        const int i = ogr_field[c];
        if (!feature.IsFieldSetAndNotNull(i)) {
            col.push_null();
            continue;
        }
        col.null.push_back(0);
        switch (col.type) {
        case FieldType::integer: col.integers.push_back(feature.GetFieldAsInteger64(i)); break;
        case FieldType::real: col.reals.push_back(feature.GetFieldAsDouble(i)); break;
        case FieldType::text: col.texts.push_back(to_utf8(feature.GetFieldAsString(i), recode_from, recoded)); break;
        }
    }
}

// The label of text found not to be UTF-8 and decoded as GBK (CSV files from Excel on Chinese
// Windows), else the label as opened.
std::string encoding_seen(const Opened& o, bool recoded) { return recoded ? "CP936" : o.encoding_label; }

}  // namespace

bool is_utf8(std::string_view s) { return CPLIsUTF8(s.data(), static_cast<int>(s.size())) != 0; }

bool is_data_file_name(const std::string& name)
{
    const std::string e = ext_of(name);
    for (const char* d : kDataExtensions)
        if (e == d) return true;
    return false;
}

Result<std::vector<std::string>> zip_data_files(const std::string& zip)
{
    ensure_gdal();
    GdalErrorCapture gdal_error;
    const std::string root = "/vsizip/" + zip;
    char** entries = VSIReadDirRecursive(root.c_str());
    if (!entries) {
        return Error{zip,
                     {},
                     {},
                     vsi_exists(zip)
                         ? "无法读取压缩包（" + one_line(gdal_error.last()) + "）：文件可能已损坏，请重新压缩"
                         : "文件不存在，请检查路径"};
    }
    std::vector<std::string> all;
    for (char** e = entries; *e; ++e) all.emplace_back(*e);
    CSLDestroy(entries);
    std::vector<std::string> out;
    for (const auto& e : all) {
        if (!is_data_file_name(e) || fs::path(e).filename().string().rfind("._", 0) == 0) continue;  // macOS forks
        if (ext_of(e) == ".dbf") {
            const std::string stem = lower(fs::path(e).replace_extension().string());
            bool has_shp = false;
            for (const auto& other : all)
                has_shp =
                    has_shp || (ext_of(other) == ".shp" && lower(fs::path(other).replace_extension().string()) == stem);
            if (has_shp) continue;
        }
        out.push_back(e);
    }
    return out;
}

std::string gdal_path(const std::string& uri, const std::string& layer)
{
    if (is_pg(uri) || is_virtual(uri)) return uri;
    std::error_code ec;
    std::string zip, inside;
    if (fs::is_regular_file(uri, ec)) {
        if (ext_of(uri) != ".zip") return uri;
        zip = uri;
    } else if (fs::exists(uri, ec)) {
        return uri;  // a folder: GDAL reads a folder of Shapefiles as one source
    } else {
        std::tie(zip, inside) = split_at_zip(uri);
        if (zip.empty()) return uri;
    }
    const std::string root = "/vsizip/" + zip;
    if (!inside.empty()) return root + "/" + inside;
    // The zip itself: its one data file, or the one named like the layer; else the zip as a
    // folder (GDAL reads the Shapefiles in it as layers).
    const auto files = zip_data_files(zip);
    if (!files || files->empty()) return root;
    if (files->size() == 1) return root + "/" + files->front();
    for (const auto& f : *files)
        if (!layer.empty() && fs::path(f).stem().string() == layer) return root + "/" + f;
    return root;
}

Result<std::vector<std::string>> layer_names(const std::string& uri)
{
    ensure_gdal();
    GdalErrorCapture gdal_error;
    auto opened = open_source(uri, {}, {}, Error{uri, {}, {}, {}}, gdal_error);
    if (!opened) return opened.error();
    std::vector<std::string> names;
    for (auto* l : opened->ds->GetLayers()) names.emplace_back(l->GetName());
    if (!gdal_error.last().empty())
        return Error{uri, {}, {}, "读取数据时出错（" + one_line(gdal_error.last()) + "）：文件可能已损坏"};
    return names;
}

Result<std::vector<LayerHeader>> layer_headers(const std::string& uri)
{
    ensure_gdal();
    // A GeoPackage from its own tables, without GDAL's open (quadratic in the layers); a save
    // killed earlier is finished or rolled back first, as open_source does.
    if (ext_of(uri) == ".gpkg" && !is_virtual(uri) && fs::is_regular_file(uri) && recover_interrupted_save(uri)) {
        if (auto catalog = gpkg_catalog(uri)) {
            std::vector<LayerHeader> out;
            for (const auto& l : *catalog) {
                LayerHeader h;
                h.name = l.name;
                h.has_geometry = l.has_geometry;
                if (h.has_geometry) h.kind = kind_of(OGRFromOGCGeomType(l.geometry_type.c_str()), h.kind_known);
                out.push_back(std::move(h));
            }
            return out;
        }
    }
    GdalErrorCapture gdal_error;
    auto opened = open_source(uri, {}, {}, Error{uri, {}, {}, {}}, gdal_error);
    if (!opened) return opened.error();
    std::vector<LayerHeader> out;
    for (auto* l : opened->ds->GetLayers()) {
        // GetName and GetGeomType come from what the driver read on opening; anything else
        // (fields, CRS, counts) makes the GeoPackage driver read the layer's definition.
        LayerHeader h;
        h.name = l->GetName();
        h.has_geometry = l->GetGeomType() != wkbNone;
        if (h.has_geometry) h.kind = kind_of(l->GetGeomType(), h.kind_known);
        out.push_back(std::move(h));
    }
    if (!gdal_error.last().empty())
        return Error{uri, {}, {}, "读取数据时出错（" + one_line(gdal_error.last()) + "）：文件可能已损坏"};
    return out;
}

Result<std::vector<LayerSummary>> describe_layers(const std::string& uri, const std::string& encoding)
{
    ensure_gdal();
    GdalErrorCapture gdal_error;
    auto opened = open_source(uri, {}, encoding, Error{uri, {}, {}, {}}, gdal_error);
    if (!opened) return opened.error();
    std::vector<LayerSummary> out;
    for (auto* l : opened->ds->GetLayers()) {
        LayerSummary s;
        s.name = l->GetName();
        OGRFeatureDefn& defn = *l->GetLayerDefn();
        const bool no_geometry = l->GetGeomType() == wkbNone;
        CoordinateColumns cols;
        int repeated = 0;
        if (opened->table && no_geometry) cols = coordinate_columns(defn, opened->recode_from);
        else if (opened->ext == ".CSV") cols = csv_geometry_columns(defn, repeated);
        s.has_geometry = !no_geometry || cols.found();
        s.lonlat_columns = opened->ext == ".CSV" ? (!no_geometry || cols.geographic) : cols.geographic;
        bool recoded = false;
        std::vector<Column> columns;
        add_columns(columns, defn, {cols.x, cols.y}, opened->recode_from, &recoded);
        for (auto& c : columns) s.columns.push_back(std::move(c.name));
        s.features = static_cast<std::size_t>(std::max<GIntBig>(0, l->GetFeatureCount(TRUE)));
        if (const auto* srs = l->GetSpatialRef()) {
            char* wkt = nullptr;
            if (srs->exportToWkt(&wkt) == OGRERR_NONE && wkt) s.crs = wkt;
            CPLFree(wkt);
        }
        if (no_geometry && cols.found()) {
            s.kind = GeometryKind::point;
            s.raw_bounds = column_bounds(*l, cols.x, cols.y);
        } else if (!no_geometry) {
            bool known = false;
            s.kind = kind_of(l->GetGeomType(), known);
            if (!known) {  // e.g. GeoJSON or KML, typed per feature: the first feature says
                l->ResetReading();
                for (auto& f : *l)
                    if (const OGRGeometry* g = f->GetGeometryRef(); g && !g->IsEmpty()) {
                        s.kind = kind_of(g->getGeometryType(), known);
                        if (known) break;
                    }
                l->ResetReading();
            }
            s.raw_bounds = extent_bounds(*l);
        }
        s.encoding = encoding_seen(*opened, recoded);
        out.push_back(std::move(s));
    }
    if (!gdal_error.last().empty())
        return Error{uri, {}, {}, "读取数据时出错（" + one_line(gdal_error.last()) + "）：文件可能已损坏"};
    return out;
}

Result<Table> read_table(const SourceSpec& spec)
{
    ensure_gdal();
    GdalErrorCapture gdal_error;
    Error where{spec.uri, spec.title.empty() ? spec.layer : spec.title, {}, {}};
    auto opened = open_source(spec.uri, spec.layer, spec.encoding, where, gdal_error);
    if (!opened) return opened.error();
    auto found = find_layer(*opened->ds, spec.layer, where, gdal_error);
    if (!found) return found.error();
    OGRLayer& l = **found;
    Table t;
    t.name = l.GetName();
    bool recoded = false;
    const std::vector<int> ogr_field = add_columns(t.columns, *l.GetLayerDefn(), {}, opened->recode_from, &recoded);
    reserve_columns(t.columns, claimed_reserve(l));
    const GIntBig recorded = recorded_count(l, opened->ext);
    where.layer = t.name;
    if (auto possible = check_possible_count(recorded, opened->path, where); !possible) return possible.error();
    l.ResetReading();
    for (;;) {
        gdal_error.clear();
        OGRFeatureUniquePtr feature(l.GetNextFeature());
        if (!feature) {
            if (!gdal_error.last().empty()) {
                where.layer = t.name;
                where.feature = t.rows ? "第 " + std::to_string(t.rows) + " 行之后" : "";
                where.message =
                    "读取中断（" + one_line(gdal_error.last()) + "）：文件可能已损坏或被截断，请用原软件重新导出";
                return where;
            }
            break;
        }
        add_values(t.columns, ogr_field, *feature, opened->recode_from, &recoded);
        ++t.rows;
    }
    t.source_encoding = encoding_seen(*opened, recoded);
    where.layer = t.name;
    check_recorded_count(recorded, t.rows, where, "行", t.problems);
    return t;
}

Result<LoadedLayer> read_layer(const SourceSpec& spec)
{
    ensure_gdal();
    GdalErrorCapture gdal_error;
    Error where{spec.uri, spec.title.empty() ? spec.layer : spec.title, {}, {}};

    auto opened = open_source(spec.uri, spec.layer, spec.encoding, where, gdal_error);
    if (!opened) return opened.error();
    const std::string& ext = opened->ext;
    const bool table = opened->table;
    const std::string& recode_from = opened->recode_from;
    auto found = find_layer(*opened->ds, spec.layer, where, gdal_error);
    if (!found) return found.error();
    OGRLayer* ogr_layer = *found;
    if (where.layer.empty()) where.layer = ogr_layer->GetName();

    LoadedLayer loaded;
    Layer& out = loaded.layer;
    out.name = spec.title.empty() ? ogr_layer->GetName() : spec.title;
    out.role = spec.role;
    OGRFeatureDefn* defn = ogr_layer->GetLayerDefn();

    // Spreadsheets (and CSVs whose coordinate columns GDAL did not take, e.g. a GBK header)
    // carry points as two columns.
    CoordinateColumns cols;
    bool geographic_columns = ext == ".CSV" && ogr_layer->GetGeomType() != wkbNone;
    if (table && ogr_layer->GetGeomType() == wkbNone) {
        cols = coordinate_columns(*defn, recode_from);
        geographic_columns = cols.geographic;
        if (!cols.found()) {
            where.message = "表格中没有找到坐标列：请把坐标列命名为 经度/纬度、lon/lat、lng/lat、"
                            "longitude/latitude 或 x/y（没有坐标的表格可按代码连接到图层）";
            return where;
        }
    }
    const int col_x = cols.x, col_y = cols.y;
    const bool from_columns = cols.found();
    CoordinateColumns geom_cols;
    int repeated = 0;
    if (ext == ".CSV" && !from_columns && ogr_layer->GetGeomType() != wkbNone)
        geom_cols = csv_geometry_columns(*defn, repeated);
    if (repeated) loaded.crs_note = "表头中坐标列名重复，已使用最后一个经度列和纬度列";

    const auto raw_bounds = [&] {
        return from_columns ? column_bounds(*ogr_layer, col_x, col_y) : extent_bounds(*ogr_layer);
    };
    auto transform = make_transform(*ogr_layer, spec, geographic_columns, raw_bounds, where, loaded.crs_note);
    if (!transform) return transform.error();

    if (!spec.declared_crs.empty()) {
        out.source_crs = spec.declared_crs;
    } else if (const auto* s = ogr_layer->GetSpatialRef()) {
        char* wkt = nullptr;
        if (s->exportToWkt(&wkt) == OGRERR_NONE && wkt) out.source_crs = wkt;
        CPLFree(wkt);
    } else if (!transform->guessed.empty()) {
        out.source_crs = transform->guessed;
    } else if (geographic_columns) {
        out.source_crs = "EPSG:4326";
    }

    bool kind_known = from_columns;
    out.kind = from_columns ? GeometryKind::point : kind_of(ogr_layer->GetGeomType(), kind_known);

    // Coordinate columns are geometry, not attributes.
    bool recoded = false;
    const std::vector<int> ogr_field =
        add_columns(out.columns, *defn, {col_x, col_y, geom_cols.x, geom_cols.y}, recode_from, &recoded);

    if (const std::size_t n = claimed_reserve(*ogr_layer); n > 0) {
        out.part_start.reserve(n + 1);
        if (out.kind == GeometryKind::point) {
            out.x.reserve(n);
            out.y.reserve(n);
            out.coord_start.reserve(n + 1);
            out.ring_start.reserve(n + 1);
        }
        reserve_columns(out.columns, n);
    }

    const GIntBig recorded = recorded_count(*ogr_layer, ext);
    if (auto possible = check_possible_count(recorded, opened->path, where); !possible) return possible.error();
    const char* make_valid_options[] = {"METHOD=STRUCTURE", nullptr};
    ogr_layer->ResetReading();
    std::size_t row = 0;
    for (;;) {
        gdal_error.clear();
        OGRFeatureUniquePtr feature(ogr_layer->GetNextFeature());
        if (!feature) {
            if (!gdal_error.last().empty()) {
                where.feature = row ? "第 " + std::to_string(row) + " 个要素之后" : "";
                where.message =
                    "读取中断（" + one_line(gdal_error.last()) + "）：文件可能已损坏或被截断，请用原软件重新导出";
                return where;
            }
            break;
        }
        ++row;
        const auto skip = [&](const std::string& why) {
            // Spreadsheet rows are numbered as the user sees them: the header is row 1.
            const std::string place =
                table ? "第 " + std::to_string(row + 1) + " 行" : "要素 " + std::to_string(feature->GetFID());
            loaded.skipped.push_back(Error{spec.uri, out.name, place, why + "，已跳过该行"});
        };
        const std::size_t coords = out.x.size(), rings = out.coord_start.size() - 1, parts = out.ring_start.size() - 1;
        if (from_columns) {
            std::string shown_x, shown_y;
            const auto vx = cell_number(*feature, col_x, shown_x);
            const auto vy = cell_number(*feature, col_y, shown_y);
            if (!vx || !vy) {
                skip("坐标为空（经度或纬度没有填写）");
                continue;
            }
            if (std::isnan(*vx) || std::isnan(*vy)) {
                skip("坐标“" + to_utf8((std::isnan(*vx) ? shown_x : shown_y).c_str(), recode_from) + "”不是数字");
                continue;
            }
            out.add_coordinate(*vx, *vy);
            out.end_ring();
            out.end_part();
        } else {
            OGRGeometry* g = feature->GetGeometryRef();
            if (!g || g->IsEmpty()) {
                skip(table ? "坐标为空或不是数字" : "没有几何或几何为空");
                continue;
            }
            FiniteCoordinates finite;
            g->accept(&finite);
            if (!finite.finite) {
                skip("坐标不是有限数值（NaN 或无穷大）");
                continue;
            }
            if (g->Is3D()) ++loaded.with_z;
            if (g->IsMeasured()) ++loaded.with_m;
            if (!kind_known) out.kind = kind_of(g->getGeometryType(), kind_known);
            std::unique_ptr<OGRGeometry> fixed;
            if (out.kind == GeometryKind::polygon && !g->IsValid()) {
                fixed.reset(g->MakeValid(make_valid_options));
                if (!fixed || fixed->IsEmpty()) {
                    skip("面几何无效且无法修复（GEOS make-valid 失败）");
                    continue;
                }
                ++loaded.repaired;
            }
            if (!add_geometry(out, fixed ? *fixed : *g)) {
                roll_back(out, coords, rings, parts);
                skip(std::string("几何类型 ") + g->getGeometryName() + " 与图层的" +
                     (out.kind == GeometryKind::point  ? "点"
                      : out.kind == GeometryKind::line ? "线"
                                                       : "面") +
                     "类型不符");
                continue;
            }
        }
        if (const std::string why = to_wgs84(out, coords, *transform); !why.empty()) {
            roll_back(out, coords, rings, parts);
            skip(why);
            continue;
        }
        out.end_feature();
        add_values(out.columns, ogr_field, *feature, recode_from, &recoded);
    }
    out.source_encoding = encoding_seen(*opened, recoded);
    check_recorded_count(recorded, row, where, "个", loaded.problems);
    loaded.axes_swapped = transform->swap_xy;
    out.build_index();
    return loaded;
}

}  // namespace coopmap::io
