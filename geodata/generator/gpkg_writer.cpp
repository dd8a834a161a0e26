#include "gpkg_writer.h"

#include <stdexcept>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include "io/atomic_write.h"

namespace coopmap::sample {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& file, const std::string& what)
{
    throw std::runtime_error(file.string() + ": " + what + ": " + CPLGetLastErrorMsg());
}

OGRwkbGeometryType ogr_type(GeometryKind kind)
{
    switch (kind) {
    case GeometryKind::point: return wkbPoint;
    case GeometryKind::multilinestring: return wkbMultiLineString;
    case GeometryKind::multipolygon: return wkbMultiPolygon;
    }
    return wkbUnknown;
}

OGRFieldType ogr_type(FieldType type)
{
    switch (type) {
    case FieldType::text: return OFTString;
    case FieldType::integer: return OFTInteger64;
    case FieldType::real: return OFTReal;
    }
    return OFTString;
}

void set_values(OGRFeature& f, const std::vector<Value>& values)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int index = static_cast<int>(i);
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::string>) f.SetField(index, v.c_str());
                else if constexpr (std::is_same_v<T, std::int64_t>) f.SetField(index, static_cast<GIntBig>(v));
                else f.SetField(index, v);
            },
            values[i]);
    }
}

void write_layer(GDALDataset& ds, const fs::path& file, const OutLayer& layer, const OGRSpatialReference& wgs84)
{
    const char* options[] = {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES", nullptr};
    const std::string description = "DESCRIPTION=" + layer.description;
    const char* with_description[] = {options[0], options[1], options[2], description.c_str(), nullptr};
    OGRLayer* out = ds.CreateLayer(layer.name.c_str(), &wgs84, ogr_type(layer.geometry),
                                   const_cast<char**>(layer.description.empty() ? options : with_description));
    if (!out) fail(file, "cannot create layer " + layer.name);
    for (const auto& f : layer.fields) {
        OGRFieldDefn defn(f.name.c_str(), ogr_type(f.type));
        if (out->CreateField(&defn) != OGRERR_NONE) fail(file, "cannot create field " + layer.name + "." + f.name);
    }
    if (out->StartTransaction() != OGRERR_NONE) fail(file, "cannot start a transaction");
    for (const auto& feature : layer.features) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(out->GetLayerDefn()));
        OGRGeometry* raw = nullptr;
        if (OGRGeometryFactory::createFromWkb(feature.wkb.data(), nullptr, &raw, feature.wkb.size()) != OGRERR_NONE)
            fail(file, "bad geometry in " + layer.name);
        OGRGeometryUniquePtr geometry(raw);
        if (layer.geometry == GeometryKind::multipolygon)
            geometry.reset(OGRGeometryFactory::forceToMultiPolygon(geometry.release()));
        else if (layer.geometry == GeometryKind::multilinestring)
            geometry.reset(OGRGeometryFactory::forceToMultiLineString(geometry.release()));
        geometry->assignSpatialReference(&wgs84);
        f->SetGeometryDirectly(geometry.release());
        if (feature.values.size() != layer.fields.size()) fail(file, "wrong number of values in " + layer.name);
        set_values(*f, feature.values);
        if (out->CreateFeature(f.get()) != OGRERR_NONE) fail(file, "cannot write a feature of " + layer.name);
    }
    if (out->CommitTransaction() != OGRERR_NONE) fail(file, "cannot commit " + layer.name);
}

}  // namespace

void write_gpkg(const fs::path& file, const std::vector<OutLayer>& layers)
{
    GDALAllRegister();
    // A fixed "last change" date, so that two runs give the same bytes.
    CPLSetConfigOption("OGR_CURRENT_DATE", "2026-01-01T00:00:00.000Z");
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) throw std::runtime_error("GDAL has no GPKG driver");

    io::AtomicFile out(file.string());
    if (auto ready = out.ready(); !ready) throw std::runtime_error(ready.error().text());
    const fs::path temp = out.temp_path();

    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    {
        GDALDatasetUniquePtr ds(driver->Create(temp.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) fail(temp, "cannot create");
        for (const auto& layer : layers) write_layer(*ds, temp, layer, wgs84);
        if (ds->Close() != CE_None) fail(temp, "cannot close");
    }  // a throw leaves the old file; the temporary goes with `out`
    if (auto committed = out.commit(); !committed) throw std::runtime_error(committed.error().text());
}

void write_xlsx(const fs::path& file, const std::string& sheet, const std::vector<FieldDef>& fields,
                const std::vector<std::vector<Value>>& rows)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    if (!driver) throw std::runtime_error("GDAL has no XLSX driver");
    io::AtomicFile out(file.string());
    if (auto ready = out.ready(); !ready) throw std::runtime_error(ready.error().text());
    const fs::path temp = out.temp_path();
    {
        GDALDatasetUniquePtr ds(driver->Create(temp.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) fail(temp, "cannot create");
        OGRLayer* layer = ds->CreateLayer(sheet.c_str(), nullptr, wkbNone, nullptr);
        if (!layer) fail(temp, "cannot create sheet " + sheet);
        for (const auto& f : fields) {
            OGRFieldDefn defn(f.name.c_str(), ogr_type(f.type));
            if (layer->CreateField(&defn) != OGRERR_NONE) fail(temp, "cannot create column " + f.name);
        }
        for (const auto& row : rows) {
            OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            if (row.size() != fields.size()) fail(temp, "wrong number of values in " + sheet);
            set_values(*f, row);
            if (layer->CreateFeature(f.get()) != OGRERR_NONE) fail(temp, "cannot write a row of " + sheet);
        }
        if (ds->Close() != CE_None) fail(temp, "cannot close");
    }
    if (auto committed = out.commit(); !committed) throw std::runtime_error(committed.error().text());
}

}  // namespace coopmap::sample
