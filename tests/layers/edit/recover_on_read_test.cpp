// A GeoPackage save killed in the middle of its transaction leaves a hot SQLite journal and
// pages of the new version already in the file. read_layer rolls it back before reading, so
// the next open — the window's, the CLI's, an analysis's — sees the old version whole.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "edit/file_save.h"
#include "edit_fixture.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"

namespace coopmap::edit {
namespace {

using testing::TempDir;

constexpr int kSites = 3000;

Layer many_sites()
{
    Layer l;
    l.name = "sites";
    l.role = Role::village_cooperative;
    l.kind = GeometryKind::point;
    l.source_crs = "EPSG:4326";
    l.add_column("name", FieldType::text);
    auto& name = l.columns[0];
    for (int i = 0; i < kSites; ++i) {
        l.add_point(111.5 + i * 1e-4, 32.0);
        name.null.push_back(0);
        name.texts.push_back("旧版本网点" + std::to_string(i) + std::string(40, 'x'));
    }
    return l;
}

// The save as a killed process leaves it: every row changed inside one transaction, the page
// cache so small that SQLite has already written changed pages into the file (after syncing
// the journal), then the process ends without commit or rollback.
void kill_during_transaction(const std::string& path)
{
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        if (!ds) _exit(2);
        if (OGRLayer* r = ds->ExecuteSQL("PRAGMA cache_size = 1", nullptr, "SQLITE")) ds->ReleaseResultSet(r);
        if (ds->StartTransaction() != OGRERR_NONE) _exit(3);
        OGRLayer* t = ds->GetLayerByName("sites");
        for (auto&& f : *t) {
            f->SetField("name", "新版本网点，未提交");
            if (t->SetFeature(f.get()) != OGRERR_NONE) _exit(4);
        }
        _exit(0);  // killed: no commit, no rollback, no close
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0);
}

TEST(RecoverOnRead, GeoPackageWithHotJournalReadsAsTheOldVersion)
{
    TempDir dir;
    const std::string path = (dir.path / "network.gpkg").string();
    ASSERT_TRUE(io::write_layer(many_sites(), {path, "sites", "EPSG:4326"}));
    kill_during_transaction(path);
    ASSERT_TRUE(std::filesystem::exists(path + "-journal")) << "the killed transaction left no journal";

    auto read = io::read_layer({path, "sites", {}, {}, Role::village_cooperative, {}});
    ASSERT_TRUE(read) << read.error().text();
    ASSERT_EQ(read->layer.size(), static_cast<std::size_t>(kSites));
    const Column* name = read->layer.column("name");
    ASSERT_NE(name, nullptr);
    for (int i = 0; i < kSites; ++i)
        ASSERT_EQ(name->texts[static_cast<std::size_t>(i)], "旧版本网点" + std::to_string(i) + std::string(40, 'x'))
            << "feature " << i;
    EXPECT_FALSE(std::filesystem::exists(path + "-journal"));
}

// A Shapefile save killed before its commit point (staged copy, no journal): read_layer drops
// the staged copy and reads the old version.
TEST(RecoverOnRead, ShapefileStagedWithoutJournalIsDroppedOnRead)
{
    TempDir dir;
    const auto target = dir.path / "sites.shp";
    ASSERT_TRUE(io::write_layer(testing::sample_sites(), {target.string(), {}, "EPSG:4326"}));
    const auto stage = dir.path / ".coopmap-edit-sites";
    std::filesystem::create_directory(stage);
    Layer newer = testing::sample_sites();
    newer.columns[0].texts[0] = "新版本";
    ASSERT_TRUE(io::write_layer(newer, {(stage / "sites.shp").string(), {}, "EPSG:4326"}));

    auto read = io::read_layer({target.string(), {}, {}, {}, Role::village_cooperative, {}});
    ASSERT_TRUE(read) << read.error().text();
    EXPECT_EQ(read->layer.column("name")->texts[0], "王家村供销社");
    EXPECT_FALSE(std::filesystem::exists(stage));
}

}  // namespace
}  // namespace coopmap::edit
