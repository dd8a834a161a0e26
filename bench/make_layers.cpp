// A GeoPackage of N small point layers (one feature each, with the R-tree index GDAL makes for
// every layer), for many_layers_vs_ogrinfo.py. Deterministic: the same N gives the same layers.
// Usage: make_layers N OUT.gpkg
#include <cstdio>
#include <cstdlib>
#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_layers N OUT.gpkg\n");
        return 2;
    }
    const int n = std::atoi(argv[1]);
    GDALAllRegister();
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(d->Create(argv[2], 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return 1;
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    if (ds->StartTransaction() != OGRERR_NONE) return 1;
    for (int k = 0; k < n; ++k) {
        char name[32];
        std::snprintf(name, sizeof name, "layer_%04d", k);
        OGRLayer* l = ds->CreateLayer(name, &wgs84, wkbPoint, nullptr);
        if (!l) return 1;
        OGRFieldDefn field("name", OFTString);
        if (l->CreateField(&field) != OGRERR_NONE) return 1;
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
        f->SetField(0, name);
        OGRPoint p(111.0 + 0.001 * k, 32.0);
        f->SetGeometry(&p);
        if (l->CreateFeature(f.get()) != OGRERR_NONE) return 1;
    }
    return ds->CommitTransaction() == OGRERR_NONE ? 0 : 1;
}
