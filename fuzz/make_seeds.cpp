// Seed corpora for the reader targets, made from the bundled sample (geodata/xiangyang.gpkg) by
// GDAL's own drivers: a few villages (points, Chinese names), townships (polygons) and roads
// (lines) in each format the targets read. Usage: make_seeds SAMPLE.gpkg OUT_DIR
// Writes OUT_DIR/<target>/*; the Shapefile seeds in fuzz_shapefile.cpp's layout.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace fs = std::filesystem;

namespace {

// Copies the first `n` features of `from` into a new layer of `ds`.
bool copy_layer(OGRLayer& from, GDALDataset& ds, const char* name, int n, CSLConstList options = nullptr)
{
    OGRLayer* to = ds.CreateLayer(name, from.GetSpatialRef(), from.GetGeomType(), const_cast<char**>(options));
    if (!to) return false;
    OGRFeatureDefn* defn = from.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (to->CreateField(defn->GetFieldDefn(i)) != OGRERR_NONE) return false;
    int k = 0;
    from.ResetReading();
    for (auto& f : from) {
        if (k++ == n) break;
        OGRFeatureUniquePtr g(OGRFeature::CreateFeature(to->GetLayerDefn()));
        g->SetFrom(f.get(), TRUE);
        if (to->CreateFeature(g.get()) != OGRERR_NONE) return false;
    }
    return true;
}

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

// The bytes of a file in /vsimem/ (or on disk).
std::string vsi_bytes(const std::string& path)
{
    vsi_l_offset n = 0;
    GByte* b = VSIGetMemFileBuffer(path.c_str(), &n, FALSE);
    return b ? std::string(reinterpret_cast<char*>(b), n) : slurp(path);
}

void write(const fs::path& file, const std::string& bytes)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

std::string le32(std::size_t v)
{
    std::string s(4, '\0');
    for (int i = 0; i < 4; ++i) s[i] = static_cast<char>((v >> (8 * i)) & 0xff);
    return s;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_seeds SAMPLE.gpkg OUT_DIR\n");
        return 2;
    }
    GDALAllRegister();
    GDALDatasetUniquePtr sample(GDALDataset::Open(argv[1], GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!sample) return 1;
    const fs::path out = argv[2];
    struct Part {
        const char* layer;
        int n;
    };
    const std::vector<Part> parts = {{"villages", 12}, {"townships", 2}, {"roads", 4}, {"village_cooperative", 5}};
    int made = 0;
    for (const auto& part : parts) {
        OGRLayer* from = sample->GetLayerByName(part.layer);
        if (!from) return 1;
        const std::string stem = part.layer;
        struct Format {
            const char* driver;
            const char* target;
            const char* ext;
            const char* option = nullptr;  // a layer creation option
        };
        // Two Shapefiles: UTF-8, and CP936 as Chinese desktop GIS writes them (the DBF language
        // byte 0x4D, GBK text), without their .cpg, so that the reader's own guess is fuzzed.
        for (const Format& fmt :
             {Format{"GPKG", "gpkg", ".gpkg"}, Format{"KML", "kml", ".kml"}, Format{"LIBKML", "kmz", ".kmz"},
              Format{"XLSX", "xlsx", ".xlsx"}, Format{"CSV", "csv", ".csv"},
              Format{"ESRI Shapefile", "shapefile", ".shp", "ENCODING=UTF-8"},
              Format{"ESRI Shapefile", "shapefile", ".shp", "ENCODING=CP936"}}) {
            // Points only for the tables (as lon/lat columns): that is how site lists come.
            const bool table = std::string(fmt.target) == "xlsx" || std::string(fmt.target) == "csv";
            if (table && from->GetGeomType() != wkbPoint) continue;
            const std::string name = fmt.option && std::string(fmt.option) == "ENCODING=CP936" ? stem + "_cp936" : stem;
            const std::string path = "/vsimem/seed/" + name + fmt.ext;
            GDALDriver* d = GetGDALDriverManager()->GetDriverByName(fmt.driver);
            if (!d) return 1;
            {
                GDALDatasetUniquePtr ds(d->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
                if (!ds) return 1;
                if (table) {
                    // 经度/纬度 columns, as read_layer looks for them.
                    OGRLayer* to = ds->CreateLayer(stem.c_str(), nullptr, wkbNone, nullptr);
                    OGRFieldDefn name("名称", OFTString), lon("经度", OFTReal), lat("纬度", OFTReal);
                    to->CreateField(&name), to->CreateField(&lon), to->CreateField(&lat);
                    int k = 0;
                    from->ResetReading();
                    for (auto& f : *from) {
                        if (k++ == part.n) break;
                        const OGRPoint* p = f->GetGeometryRef()->toPoint();
                        OGRFeatureUniquePtr g(OGRFeature::CreateFeature(to->GetLayerDefn()));
                        g->SetField(0, f->GetFieldAsString("name"));
                        g->SetField(1, p->getX());
                        g->SetField(2, p->getY());
                        to->CreateFeature(g.get());
                    }
                } else if (const char* options[] = {fmt.option, nullptr};
                           !copy_layer(*from, *ds, name.c_str(), part.n, options)) {
                    return 1;
                }
            }
            std::string bytes;
            if (std::string(fmt.target) == "shapefile") {
                const std::string shp = vsi_bytes(path), shx = vsi_bytes("/vsimem/seed/" + name + ".shx"),
                                  dbf = vsi_bytes("/vsimem/seed/" + name + ".dbf");
                bytes = le32(shp.size()) + le32(shx.size()) + shp + shx + dbf;
            } else {
                bytes = vsi_bytes(path);
            }
            if (bytes.empty()) return 1;
            write(out / fmt.target / (name + fmt.ext), bytes);
            ++made;
        }
    }
    VSIRmdirRecursive("/vsimem/seed");
    std::printf("make_seeds: %d seeds in %s\n", made, out.c_str());
    return 0;
}
