#include "io/gdal_reader.h"

#include <filesystem>
#include <memory>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "crs/chinese_offsets.h"
#include "io/gdal_errors.h"

namespace coopmap::io {

namespace {

enum class Offset { none, gcj02, bd09 };

struct Transform {
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84;  // null: already lon/lat WGS84
    Offset offset = Offset::none;
};

bool is_pg(const std::string& uri) { return uri.rfind("PG:", 0) == 0; }

std::string upper(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// Coordinate column names seen in Chinese site lists, for GDAL's CSV driver.
constexpr const char* kXNames = "X_POSSIBLE_NAMES=经度,lon,lng,long,longitude,x,东经";
constexpr const char* kYNames = "Y_POSSIBLE_NAMES=纬度,lat,latitude,y,北纬";

Result<Transform> make_transform(OGRLayer& ogr_layer, const SourceSpec& spec, const Error& where)
{
    Transform t;
    OGRSpatialReference source;
    const std::string declared = upper(spec.declared_crs);
    if (declared == "GCJ02" || declared == "GCJ-02") {
        t.offset = Offset::gcj02;
        return t;
    }
    if (declared == "BD09" || declared == "BD-09") {
        t.offset = Offset::bd09;
        return t;
    }
    if (!spec.declared_crs.empty()) {
        if (source.SetFromUserInput(spec.declared_crs.c_str()) != OGRERR_NONE) {
            Error e = where;
            e.message = "无法识别坐标系“" + spec.declared_crs +
                        "”，请在项目文件中写 EPSG 代码（如 EPSG:4490）、WKT、GCJ02 或 BD09";
            return e;
        }
    } else if (const OGRSpatialReference* s = ogr_layer.GetSpatialRef()) {
        source = *s;
    } else {
        Error e = where;
        e.message = "数据没有坐标系，请在项目文件中为该图层声明 crs（如 EPSG:4490）";
        return e;
    }
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (source.IsSame(&wgs84)) return t;
    t.to_wgs84.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
    if (!t.to_wgs84) {
        Error e = where;
        e.message = "无法把该坐标系转换到 WGS84，请检查项目文件中的 crs";
        return e;
    }
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

void add_ring(Layer& out, const OGRSimpleCurve& curve, const Transform& t)
{
    for (const auto& p : curve) {
        crs::LonLat ll{p.getX(), p.getY()};
        if (t.offset == Offset::gcj02) ll = crs::wgs84_from_gcj02(ll);
        if (t.offset == Offset::bd09) ll = crs::wgs84_from_bd09(ll);
        out.add_coordinate(ll.lon, ll.lat);
    }
    out.end_ring();
}

void add_polygon(Layer& out, const OGRPolygon& poly, const Transform& t)
{
    for (const auto* ring : poly) add_ring(out, *ring, t);
    out.end_part();
}

// Appends one feature's geometry; false if its type does not fit the layer.
bool add_geometry(Layer& out, OGRGeometry& g, const Transform& t)
{
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint: {
        OGRPoint& p = *g.toPoint();
        crs::LonLat ll{p.getX(), p.getY()};
        if (t.offset == Offset::gcj02) ll = crs::wgs84_from_gcj02(ll);
        if (t.offset == Offset::bd09) ll = crs::wgs84_from_bd09(ll);
        out.add_coordinate(ll.lon, ll.lat);
        out.end_ring();
        out.end_part();
        return out.kind == GeometryKind::point;
    }
    case wkbMultiPoint:
        for (const auto* p : *g.toMultiPoint()) {
            crs::LonLat ll{p->getX(), p->getY()};
            if (t.offset == Offset::gcj02) ll = crs::wgs84_from_gcj02(ll);
            if (t.offset == Offset::bd09) ll = crs::wgs84_from_bd09(ll);
            out.add_coordinate(ll.lon, ll.lat);
            out.end_ring();
            out.end_part();
        }
        return out.kind == GeometryKind::point;
    case wkbLineString:
        add_ring(out, *g.toLineString(), t);
        out.end_part();
        return out.kind == GeometryKind::line;
    case wkbMultiLineString:
        for (const auto* l : *g.toMultiLineString()) {
            add_ring(out, *l, t);
            out.end_part();
        }
        return out.kind == GeometryKind::line;
    case wkbPolygon:
        add_polygon(out, *g.toPolygon(), t);
        return out.kind == GeometryKind::polygon;
    case wkbMultiPolygon:
        for (const auto* p : *g.toMultiPolygon()) add_polygon(out, *p, t);
        return out.kind == GeometryKind::polygon;
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

}  // namespace

Result<LoadedLayer> read_layer(const SourceSpec& spec)
{
    ensure_gdal();
    GdalErrorCapture gdal_error;
    Error where{spec.uri, spec.title.empty() ? spec.layer : spec.title, {}, {}};

    if (!is_pg(spec.uri) && !std::filesystem::exists(spec.uri)) {
        where.message = "文件不存在，请检查路径或在项目文件中改正 source";
        return where;
    }

    CPLStringList options;
    const std::string ext = upper(std::filesystem::path(spec.uri).extension().string());
    if (ext == ".CSV") {
        options.AddString(kXNames);
        options.AddString(kYNames);
        options.AddString("KEEP_GEOM_COLUMNS=NO");
        options.AddString("AUTODETECT_TYPE=YES");
    }
    if (!spec.encoding.empty()) options.SetNameValue("ENCODING", spec.encoding.c_str());

    GDALDatasetUniquePtr ds(GDALDataset::Open(spec.uri.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, options.List(), nullptr));
    if (!ds) {
        where.message = "无法打开数据（" + gdal_error.last() + "），请确认它是 GDAL 支持的矢量格式";
        return where;
    }
    OGRLayer* ogr_layer = spec.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(spec.layer.c_str());
    if (!ogr_layer) {
        where.message = spec.layer.empty() ? "数据中没有图层"
                                           : "数据中没有名为“" + spec.layer + "”的图层";
        return where;
    }

    auto transform = make_transform(*ogr_layer, spec, where);
    if (!transform) return transform.error();

    LoadedLayer loaded;
    Layer& out = loaded.layer;
    out.name = spec.title.empty() ? ogr_layer->GetName() : spec.title;
    out.role = spec.role;
    out.source_encoding = spec.encoding.empty() ? "UTF-8" : spec.encoding;
    if (const auto* s = ogr_layer->GetSpatialRef()) {
        char* wkt = nullptr;
        if (s->exportToWkt(&wkt) == OGRERR_NONE && wkt) out.source_crs = wkt;
        CPLFree(wkt);
    } else {
        out.source_crs = spec.declared_crs;
    }

    bool kind_known = false;
    out.kind = kind_of(ogr_layer->GetGeomType(), kind_known);

    OGRFeatureDefn* defn = ogr_layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const OGRFieldDefn* fd = defn->GetFieldDefn(i);
        FieldType type = FieldType::text;
        if (fd->GetType() == OFTInteger || fd->GetType() == OFTInteger64) type = FieldType::integer;
        if (fd->GetType() == OFTReal) type = FieldType::real;
        out.add_column(fd->GetNameRef(), type);
    }

    ogr_layer->ResetReading();
    std::size_t row = 0;
    for (auto& feature : *ogr_layer) {
        ++row;
        const auto skip = [&](const std::string& why) {
            loaded.skipped.push_back(Error{spec.uri, out.name,
                                           "要素 " + std::to_string(feature->GetFID()) + "（第 " +
                                               std::to_string(row) + " 行）",
                                           why});
        };
        OGRGeometry* g = feature->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            skip("没有几何或坐标为空，已跳过");
            continue;
        }
        if (!kind_known) out.kind = kind_of(g->getGeometryType(), kind_known);
        if (transform->to_wgs84 && g->transform(transform->to_wgs84.get()) != OGRERR_NONE) {
            skip("坐标无法转换到 WGS84（超出坐标系范围？），已跳过");
            continue;
        }
        const std::size_t coords = out.x.size(), rings = out.coord_start.size() - 1,
                          parts = out.ring_start.size() - 1;
        if (!add_geometry(out, *g, *transform)) {
            roll_back(out, coords, rings, parts);
            skip(std::string("几何类型 ") + OGRGeometryTypeToName(g->getGeometryType()) +
                 " 与图层不符，已跳过");
            continue;
        }
        out.end_feature();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            Column& c = out.columns[static_cast<std::size_t>(i)];
            if (!feature->IsFieldSetAndNotNull(i)) {
                c.push_null();
                continue;
            }
            c.null.push_back(0);
            switch (c.type) {
            case FieldType::integer: c.integers.push_back(feature->GetFieldAsInteger64(i)); break;
            case FieldType::real: c.reals.push_back(feature->GetFieldAsDouble(i)); break;
            case FieldType::text: c.texts.emplace_back(feature->GetFieldAsString(i)); break;
            }
        }
    }
    return loaded;
}

}  // namespace coopmap::io
