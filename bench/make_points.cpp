// Writes N village-like points (name, code, population, households) to a GeoPackage, for
// the load benchmark beside `ogr2ogr -f Memory`. Deterministic: the same N gives the same file.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: coopmap_make_points N OUT.gpkg\n");
        return 2;
    }
    const long n = std::atol(argv[1]);
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(argv[2], 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return 1;
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    OGRLayer* l = ds->CreateLayer("villages", &wgs84, wkbPoint, nullptr);
    const std::pair<const char*, OGRFieldType> fields[] = {
        {"name", OFTString}, {"code", OFTString}, {"population", OFTInteger}, {"households", OFTInteger}};
    for (const auto& [name, type] : fields) {
        OGRFieldDefn fd(name, type);
        if (l->CreateField(&fd) != OGRERR_NONE) return 1;
    }
    std::mt19937_64 rng(20240611);
    // China's mainland box, roughly: the national case of DESIGN.md ("Scale").
    std::uniform_real_distribution<double> lon(97.0, 123.0), lat(21.0, 45.0);
    std::uniform_int_distribution<int> pop(200, 5000);
    if (ds->StartTransaction() != OGRERR_NONE) return 1;
    for (long i = 0; i < n; ++i) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
        const std::string name = "第" + std::to_string(i) + "村";
        char code[32];
        std::snprintf(code, sizeof code, "42%010ld", i);
        const int p = pop(rng);
        f->SetField(0, name.c_str());
        f->SetField(1, code);
        f->SetField(2, p);
        f->SetField(3, p / 3);
        f->SetGeometryDirectly(new OGRPoint(lon(rng), lat(rng)));
        if (l->CreateFeature(f.get()) != OGRERR_NONE) return 1;
    }
    return ds->CommitTransaction() == OGRERR_NONE ? 0 : 1;
}
