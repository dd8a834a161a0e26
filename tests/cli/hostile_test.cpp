// Files that lie about their size or hold very many layers (issue 17): `coopmap-cli info` gives a
// listing or one Chinese message, and the process never dies of it. The files are made here with
// GDAL; the claimed count is written into gpkg_ogr_contents with SQL, as a crafted file would hold it.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "io/gdal_errors.h"
#include "io/gdal_reader.h"
#include "run_process.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;
const std::string kCli = COOPMAP_CLI;

class HostileFiles : public ::testing::Test {
protected:
    const fs::path dir = fs::temp_directory_path() / ("coopmap-hostile-" + std::to_string(::getpid()) + "-" +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
    void SetUp() override
    {
        io::ensure_gdal();
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }

    static GDALDatasetUniquePtr create_gpkg(const fs::path& path)
    {
        GDALDriver* d = GetGDALDriverManager()->GetDriverByName("GPKG");
        return GDALDatasetUniquePtr(d->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    }
};

// A GeoPackage of one point layer of 3 villages and one attribute table of 2 rows, both claiming
// 10^12 features in gpkg_ogr_contents.
TEST_F(HostileFiles, ClaimedTrillionFeaturesIsRefusedInTheEngine)
{
    const fs::path file = dir / "claims.gpkg";
    {
        auto ds = create_gpkg(file);
        ASSERT_TRUE(ds);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        OGRLayer* l = ds->CreateLayer("村", &wgs84, wkbPoint, nullptr);
        OGRFieldDefn name("名称", OFTString);
        l->CreateField(&name);
        for (int i = 0; i < 3; ++i) {
            OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            f->SetField(0, ("村" + std::to_string(i)).c_str());
            OGRPoint p(112.0 + 0.1 * i, 32.0);
            f->SetGeometry(&p);
            ASSERT_EQ(l->CreateFeature(f.get()), OGRERR_NONE);
        }
        const char* aspatial[] = {"ASPATIAL_VARIANT=GPKG_ATTRIBUTES", nullptr};
        OGRLayer* t = ds->CreateLayer("名单", nullptr, wkbNone, const_cast<char**>(aspatial));
        t->CreateField(&name);
        for (int i = 0; i < 2; ++i) {
            OGRFeatureUniquePtr f(OGRFeature::CreateFeature(t->GetLayerDefn()));
            f->SetField(0, "社");
            ASSERT_EQ(t->CreateFeature(f.get()), OGRERR_NONE);
        }
    }
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(ds);
        ds->ExecuteSQL("UPDATE gpkg_ogr_contents SET feature_count = 1000000000000", nullptr, nullptr);
    }
    {
        // The lie is in the file as GDAL reads it: the count is not recounted.
        GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        ASSERT_TRUE(ds);
        ASSERT_EQ(ds->GetLayerByName("村")->GetFeatureCount(FALSE), 1000000000000LL);
        ASSERT_EQ(ds->GetLayerByName("名单")->GetFeatureCount(FALSE), 1000000000000LL);
    }

    // More features claimed than the file has bytes: refused as damage, in the CLI and in the
    // engine as the window reads it, each with the file, the layer and what the file claims.
    const auto r = run_process(kCli, {"info", file.string()});
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("coopmap-cli: 文件 " + file.string() +
                              "，图层 村：文件记录的要素数（gpkg_ogr_contents）为 "
                              "1000000000000，而整个文件只有 ",
                          0),
              0u)
        << r.err;

    const auto loaded = io::read_layer({file.string(), "村", {}, {}, Role::village, {}});
    ASSERT_FALSE(loaded);
    EXPECT_EQ(loaded.error().file, file.string());
    EXPECT_EQ(loaded.error().layer, "村");
    EXPECT_NE(loaded.error().message.find("装不下这么多要素"), std::string::npos) << loaded.error().text();
    const auto table = io::read_table({file.string(), "名单", {}, {}, Role::village, {}});
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().layer, "名单");
    EXPECT_NE(table.error().message.find("装不下这么多要素"), std::string::npos) << table.error().text();
}

// 2,000 layers of one point each: every layer listed by name and kind. Without R-trees, so that
// making the file takes seconds, not minutes (GDAL's CreateLayer also scans the schema); the
// bench (bench/many_layers_vs_ogrinfo.py) keeps them and times the listing beside ogrinfo -so.
TEST_F(HostileFiles, TwoThousandLayersAreAllListed)
{
    const fs::path file = dir / "many.gpkg";
    {
        auto ds = create_gpkg(file);
        ASSERT_TRUE(ds);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        ASSERT_EQ(ds->StartTransaction(), OGRERR_NONE);
        for (int k = 0; k < 2000; ++k) {
            char name[32];
            std::snprintf(name, sizeof name, "layer_%04d", k);
            const char* no_index[] = {"SPATIAL_INDEX=NO", nullptr};
            OGRLayer* l =
                ds->CreateLayer(name, &wgs84, k == 1999 ? wkbLineString : wkbPoint, const_cast<char**>(no_index));
            ASSERT_TRUE(l);
            OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            OGRPoint p(112.0, 32.0);
            OGRLineString line;
            line.addPoint(112.0, 32.0);
            line.addPoint(112.1, 32.1);
            if (k == 1999) f->SetGeometry(&line);
            else f->SetGeometry(&p);
            ASSERT_EQ(l->CreateFeature(f.get()), OGRERR_NONE);
        }
        ASSERT_EQ(ds->CommitTransaction(), OGRERR_NONE);
    }
    const auto r = run_process(kCli, {"info", file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto lines = split(r.out, '\n');
    ASSERT_EQ(lines.size(), 2001u) << r.out.substr(0, 2000);
    EXPECT_EQ(lines[0].find(file.string() + "：2000 个图层（超过 100 个，只列出名称和几何类型"), 0u) << lines[0];
    EXPECT_EQ(words(lines[1]), (std::vector<std::string>{"layer_0000", "点"}));
    EXPECT_EQ(words(lines[2000]), (std::vector<std::string>{"layer_1999", "线"}));
    EXPECT_EQ(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.ends_with(" 点"); }), 1999);
}

}  // namespace
}  // namespace coopmap::test
