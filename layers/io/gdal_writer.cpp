#include "io/gdal_writer.h"
#include "io/ogr_geometry.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <memory>

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "crs/chinese_offsets.h"
#include "io/atomic_write.h"
#include "io/gdal_errors.h"

namespace coopmap::io {

namespace fs = std::filesystem;

namespace {

std::string upper(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string one_line(std::string s)
{
    for (auto& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

struct Format {
    const char* driver = nullptr;
    bool table = false;  // CSV/XLSX: no geometry column of its own
    bool shapefile = false;
};

Format format_for(const std::string& ext)
{
    if (ext == ".GPKG") return {"GPKG"};
    if (ext == ".GEOJSON" || ext == ".JSON") return {"GeoJSON"};
    if (ext == ".CSV") return {"CSV", true};
    if (ext == ".XLSX") return {"XLSX", true};
    if (ext == ".SHP") return {"ESRI Shapefile", false, true};
    if (ext == ".KML") return {"KML"};
    return {};
}

// Writes the features into a layer created in `ds`; "" or what went wrong.
std::string fill(GDALDataset& ds, const Layer& l, const WriteSpec& spec, const Format& format,
                 OGRSpatialReference& target, GdalErrorCapture& gdal_error)
{
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct;
    if (!target.IsSame(&wgs84)) {
        ct.reset(OGRCreateCoordinateTransformation(&wgs84, &target));
        if (!ct) return "无法从 WGS84 转换到目标坐标系";
    }
    const std::string name =
        spec.layer.empty() ? (l.name.empty() ? fs::path(spec.path).stem().string() : l.name) : spec.layer;
    CPLStringList lco;
    const bool points_as_columns = format.table && l.kind == GeometryKind::point;
    const bool geographic = target.IsGeographic();
    if (format.shapefile) lco.SetNameValue("ENCODING", "UTF-8");
    if (std::string(format.driver) == "GPKG") lco.SetNameValue("OVERWRITE", "YES");
    OGRLayer* out = ds.CreateLayer(name.c_str(), format.table ? nullptr : &target,
                                   format.table ? wkbNone : layer_type(l), lco.List());
    if (!out) return "无法创建图层（" + one_line(gdal_error.last()) + "）";
    // Drivers without 64-bit integers (KML) write no value at all into such a field: integers
    // go as 32-bit ones where they fit, as reals where not.
    const char* types = ds.GetDriver() ? ds.GetDriver()->GetMetadataItem(GDAL_DMD_CREATIONFIELDDATATYPES) : nullptr;
    const bool int64 = !types || std::string(types).find("Integer64") != std::string::npos;
    for (const auto& c : l.columns) {
        OGRFieldType type = field_type(c.type);
        if (type == OFTInteger64 && !int64) {
            const bool fits = std::all_of(c.integers.begin(), c.integers.end(), [](std::int64_t v) {
                return v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max();
            });
            type = fits ? OFTInteger : OFTReal;
        }
        OGRFieldDefn fd(c.name.c_str(), type);
        if (out->CreateField(&fd) != OGRERR_NONE) return "无法创建字段“" + c.name + "”";
    }
    int fx = -1, fy = -1, fwkt = -1;
    if (points_as_columns) {
        OGRFieldDefn dx(geographic ? "经度" : "X", OFTReal), dy(geographic ? "纬度" : "Y", OFTReal);
        out->CreateField(&dx);
        out->CreateField(&dy);
        fx = out->GetLayerDefn()->GetFieldCount() - 2;
        fy = fx + 1;
    } else if (format.table) {
        OGRFieldDefn dw("WKT", OFTString);
        out->CreateField(&dw);
        fwkt = out->GetLayerDefn()->GetFieldCount() - 1;
    }
    for (std::size_t f = 0; f < l.size(); ++f) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(out->GetLayerDefn()));
        set_fields(*feature, l, f);
        auto g = feature_geometry(l, f);
        if (ct && g->transform(ct.get()) != OGRERR_NONE)
            return "要素 " + std::to_string(f + 1) + " 的坐标无法转换到目标坐标系";
        if (points_as_columns) {
            const OGRPoint* p =
                wkbFlatten(g->getGeometryType()) == wkbPoint ? g->toPoint() : g->toMultiPoint()->getGeometryRef(0);
            feature->SetField(fx, p->getX());
            feature->SetField(fy, p->getY());
        } else if (fwkt >= 0) {
            feature->SetField(fwkt, g->exportToWkt().c_str());
        } else {
            g->assignSpatialReference(&target);
            feature->SetGeometryDirectly(g.release());
        }
        if (out->CreateFeature(feature.get()) != OGRERR_NONE)
            return "写入要素 " + std::to_string(f + 1) + " 失败（" + one_line(gdal_error.last()) + "）";
    }
    return {};
}

// Files a format writes beside the main one (Shapefile sidecars).
std::vector<std::string> companions(const Format& format)
{
    if (format.shapefile) return {".shp", ".shx", ".dbf", ".prj", ".cpg"};
    return {};
}

}  // namespace

// One feature's geometry as OGR objects, in WGS84 lon/lat.
std::unique_ptr<OGRGeometry> feature_geometry(const Layer& l, std::size_t f)
{
    const auto ring = [&](std::uint32_t r, auto* curve) {
        for (auto i = l.coord_start[r]; i < l.coord_start[r + 1]; ++i) curve->addPoint(l.x[i], l.y[i]);
    };
    const std::uint32_t p0 = l.part_start[f], p1 = l.part_start[f + 1];
    switch (l.kind) {
    case GeometryKind::point: {
        if (p1 - p0 == 1) {
            const auto i = l.coord_start[l.ring_start[p0]];
            return std::make_unique<OGRPoint>(l.x[i], l.y[i]);
        }
        auto mp = std::make_unique<OGRMultiPoint>();
        for (auto p = p0; p < p1; ++p) {
            const auto i = l.coord_start[l.ring_start[p]];
            OGRPoint pt(l.x[i], l.y[i]);
            mp->addGeometry(&pt);
        }
        return mp;
    }
    case GeometryKind::line: {
        auto ml = std::make_unique<OGRMultiLineString>();
        for (auto p = p0; p < p1; ++p) {
            auto ls = std::make_unique<OGRLineString>();
            ring(l.ring_start[p], ls.get());
            ml->addGeometryDirectly(ls.release());
        }
        if (p1 - p0 == 1) return std::unique_ptr<OGRGeometry>(ml->getGeometryRef(0)->clone());
        return ml;
    }
    case GeometryKind::polygon: {
        auto mp = std::make_unique<OGRMultiPolygon>();
        for (auto p = p0; p < p1; ++p) {
            auto poly = std::make_unique<OGRPolygon>();
            for (auto r = l.ring_start[p]; r < l.ring_start[p + 1]; ++r) {
                auto lr = std::make_unique<OGRLinearRing>();
                ring(r, lr.get());
                poly->addRingDirectly(lr.release());
            }
            mp->addGeometryDirectly(poly.release());
        }
        return mp;
    }
    }
    return nullptr;
}

OGRFieldType field_type(FieldType t)
{
    switch (t) {
    case FieldType::integer: return OFTInteger64;
    case FieldType::real: return OFTReal;
    case FieldType::text: return OFTString;
    }
    return OFTString;
}

void set_fields(OGRFeature& out, const Layer& l, std::size_t f)
{
    for (std::size_t c = 0; c < l.columns.size(); ++c) {
        const Column& col = l.columns[c];
        const int i = static_cast<int>(c);
        if (col.null[f]) {
            out.SetFieldNull(i);
            continue;
        }
        switch (col.type) {
        case FieldType::integer: out.SetField(i, static_cast<GIntBig>(col.integers[f])); break;
        case FieldType::real: out.SetField(i, col.reals[f]); break;
        case FieldType::text: out.SetField(i, col.texts[f].c_str()); break;
        }
    }
}

OGRwkbGeometryType layer_type(const Layer& l)
{
    switch (l.kind) {
    case GeometryKind::point:
        for (std::size_t f = 0; f < l.size(); ++f)
            if (l.part_start[f + 1] - l.part_start[f] != 1) return wkbMultiPoint;
        return wkbPoint;
    case GeometryKind::line: return wkbMultiLineString;
    case GeometryKind::polygon: return wkbMultiPolygon;
    }
    return wkbUnknown;
}

Status write_layer(const Layer& l, const WriteSpec& spec)
{
    // Amap/Tencent (GCJ-02) and Baidu (BD-09) coordinates are WGS84 shifted by formulas PROJ
    // does not have: shifted here, then written as lon/lat like the files those maps export.
    const std::string target_crs = upper(spec.crs);
    const bool to_gcj02 = target_crs == "GCJ02" || target_crs == "GCJ-02";
    const bool to_bd09 = target_crs == "BD09" || target_crs == "BD-09";
    if (to_gcj02 || to_bd09) {
        Layer shifted = l;
        for (std::size_t i = 0; i < shifted.x.size(); ++i) {
            const crs::LonLat wgs{shifted.x[i], shifted.y[i]};
            const crs::LonLat p = to_gcj02 ? crs::gcj02_from_wgs84(wgs) : crs::bd09_from_wgs84(wgs);
            shifted.x[i] = p.lon;
            shifted.y[i] = p.lat;
        }
        shifted.index.reset();
        WriteSpec lonlat = spec;
        lonlat.crs = "EPSG:4326";
        return write_layer(shifted, lonlat);
    }
    ensure_gdal();
    GdalErrorCapture gdal_error;
    const fs::path target_path(spec.path);
    Error where{spec.path, spec.layer.empty() ? l.name : spec.layer, {}, {}};
    const Format format = format_for(upper(target_path.extension().string()));
    if (!format.driver) {
        where.message = "不支持的输出格式“" + target_path.extension().string() +
                        "”，请用 .gpkg、.geojson、.csv、.xlsx、.shp 或 .kml";
        return where;
    }
    OGRSpatialReference target;
    if (target.SetFromUserInput(spec.crs.c_str()) != OGRERR_NONE) {
        where.message = "无法识别目标坐标系“" + spec.crs + "”，请写 EPSG 代码（如 EPSG:4490）、GCJ02 或 BD09";
        return where;
    }
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    // KML through libkml where GDAL has it: the older KML driver puts attributes whose names are
    // not "Name"/"Description" (e.g. 名称, 开业年份) into <name> and <description> and the rest
    // under the wrong names (GDAL 3.10).
    GDALDriver* driver =
        std::string(format.driver) == "KML" ? GetGDALDriverManager()->GetDriverByName("LIBKML") : nullptr;
    if (!driver) driver = GetGDALDriverManager()->GetDriverByName(format.driver);
    if (!driver) {
        where.message = std::string("本机的 GDAL 没有 ") + format.driver + " 驱动";
        return where;
    }

    // Into an existing GeoPackage: one transaction, so a failure leaves every layer as it was.
    if (std::string(format.driver) == "GPKG" && fs::exists(target_path)) {
        GDALDatasetUniquePtr ds(GDALDataset::Open(spec.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        if (!ds) {
            where.message =
                "无法以写方式打开 GeoPackage（" + one_line(gdal_error.last()) + "）：文件可能被其他程序占用或已损坏";
            return where;
        }
        if (ds->StartTransaction(TRUE) != OGRERR_NONE) {
            where.message = "无法开始事务（" + one_line(gdal_error.last()) + "）：GeoPackage 可能被其他程序锁定";
            return where;
        }
        const std::string name = spec.layer.empty() ? l.name : spec.layer;
        for (int i = 0; i < ds->GetLayerCount(); ++i)
            if (name == ds->GetLayer(i)->GetName() && ds->DeleteLayer(i) != OGRERR_NONE) {
                ds->RollbackTransaction();
                where.message = "无法替换已有图层（" + one_line(gdal_error.last()) + "），原文件未改动";
                return where;
            }
        if (std::string why = fill(*ds, l, spec, format, target, gdal_error); !why.empty()) {
            ds->RollbackTransaction();
            where.message = why + "，原文件未改动";
            return where;
        }
        if (ds->CommitTransaction() != OGRERR_NONE) {
            where.message = "提交失败（" + one_line(gdal_error.last()) + "），原文件未改动";
            return where;
        }
        return Done{};
    }

    // Everything else: write beside the target, then rename over it.
    AtomicFile file(spec.path);
    if (auto ready = file.ready(); !ready) {
        where.message = ready.error().message;
        return where;
    }
    const fs::path temp_path = file.temp_path();
    {
        CPLStringList dsco;
        if (std::string(format.driver) == "GeoJSON" && target.IsGeographic()) dsco.SetNameValue("RFC7946", "NO");
        GDALDatasetUniquePtr ds(driver->Create(temp_path.string().c_str(), 0, 0, 0, GDT_Unknown, dsco.List()));
        if (!ds) {
            where.message = "无法创建文件（" + one_line(gdal_error.last()) + "）";
            return where;
        }
        if (std::string why = fill(*ds, l, spec, format, target, gdal_error); !why.empty()) {
            ds.reset();
            where.message = why + "，原文件未改动";
            return where;
        }
        ds.reset();  // closing flushes; errors then mean the file is incomplete
        if (!gdal_error.last().empty()) {
            where.message = "写入失败（" + one_line(gdal_error.last()) + "），原文件未改动";
            return where;
        }
    }
    if (auto committed = file.commit(companions(format)); !committed) {
        where.message = committed.error().message;
        return where;
    }
    return Done{};
}

std::string crs_label(const std::string& crs)
{
    if (crs.empty()) return {};
    const std::string u = upper(crs);
    if (u == "GCJ02" || u == "GCJ-02") return "GCJ-02（高德/腾讯坐标，已转换为 WGS84）";
    if (u == "BD09" || u == "BD-09") return "BD-09（百度坐标，已转换为 WGS84）";
    ensure_gdal();
    GdalErrorCapture quiet;
    OGRSpatialReference s;
    if (s.SetFromUserInput(crs.c_str()) != OGRERR_NONE) return crs;
    std::string out;
    const char* auth = s.GetAuthorityName(nullptr);
    const char* code = s.GetAuthorityCode(nullptr);
    if (!(auth && code)) {
        s.AutoIdentifyEPSG();
        auth = s.GetAuthorityName(nullptr);
        code = s.GetAuthorityCode(nullptr);
    }
    if (auth && code) out = std::string(auth) + ":" + code + " ";
    if (const char* name = s.GetName()) out += name;
    return out.empty() ? crs : out;
}

}  // namespace coopmap::io
