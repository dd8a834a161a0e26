// Fixtures written with GDAL itself into a fresh temporary folder per test.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "io/gdal_errors.h"

namespace coopmap::test {

using Value = std::variant<std::monostate, long long, double, std::string>;

struct FixtureField {
    std::string name;
    OGRFieldType type;
};

struct FixtureFeature {
    std::string wkt;  // "" for no geometry
    std::vector<Value> values;
};

class TempDir {
public:
    explicit TempDir(const std::string& name)
        : path_(std::filesystem::temp_directory_path() / ("coopmap-io-" + name + "-" + std::to_string(::getpid())))
    {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    std::string operator/(const std::string& file) const { return (path_ / file).string(); }

private:
    std::filesystem::path path_;
};

// Writes one layer with GDAL's driver `driver`; epsg 0 writes no CRS.
inline void write_fixture(const std::string& driver, const std::string& path, const std::string& layer, int epsg,
                          OGRwkbGeometryType type, const std::vector<FixtureField>& fields,
                          const std::vector<FixtureFeature>& features, std::vector<const char*> lco = {})
{
    io::ensure_gdal();
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName(driver.c_str());
    GDALDatasetUniquePtr ds(d->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw std::runtime_error("cannot create " + path);
    OGRSpatialReference srs;
    if (epsg) srs.importFromEPSG(epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    lco.push_back(nullptr);
    OGRLayer* l = ds->CreateLayer(layer.c_str(), epsg ? &srs : nullptr, type, const_cast<char**>(lco.data()));
    if (!l) throw std::runtime_error("cannot create layer in " + path);
    for (const auto& f : fields) {
        OGRFieldDefn fd(f.name.c_str(), f.type);
        if (l->CreateField(&fd) != OGRERR_NONE) throw std::runtime_error("cannot add field " + f.name);
    }
    for (const auto& f : features) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(l->GetLayerDefn()));
        for (std::size_t i = 0; i < f.values.size(); ++i) {
            const int k = static_cast<int>(i);
            if (auto* v = std::get_if<long long>(&f.values[i])) feature->SetField(k, static_cast<GIntBig>(*v));
            if (auto* v = std::get_if<double>(&f.values[i])) feature->SetField(k, *v);
            if (auto* v = std::get_if<std::string>(&f.values[i])) feature->SetField(k, v->c_str());
        }
        if (!f.wkt.empty()) {
            OGRGeometry* g = nullptr;
            OGRGeometryFactory::createFromWkt(f.wkt.c_str(), epsg ? &srs : nullptr, &g);
            feature->SetGeometryDirectly(g);
        }
        if (l->CreateFeature(feature.get()) != OGRERR_NONE) throw std::runtime_error("cannot write " + path);
    }
}

}  // namespace coopmap::test
