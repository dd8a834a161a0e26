#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "edit/edit_session.h"
#include "edit/file_save.h"
#include "edit_fixture.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"

namespace coopmap::edit {
namespace {

using testing::sample_sites;
using testing::TempDir;

const std::string kInjection = "x'); DROP TABLE villages;--";

// Every column of `expected` is in `actual` with the same type and the same values byte for
// byte; coordinates agree to 1e-9 degrees (about 0.1 mm).
void expect_same_content(const Layer& expected, const Layer& actual)
{
    ASSERT_EQ(actual.size(), expected.size());
    for (const auto& col : expected.columns) {
        const Column* got = actual.column(col.name);
        ASSERT_NE(got, nullptr) << col.name;
        EXPECT_EQ(got->type, col.type) << col.name;
        for (std::size_t f = 0; f < expected.size(); ++f) {
            EXPECT_EQ(got->null[f], col.null[f]) << col.name << " feature " << f;
            EXPECT_EQ(got->text(f), col.text(f)) << col.name << " feature " << f;
        }
    }
    for (std::size_t f = 0; f < expected.size(); ++f) {
        EXPECT_NEAR(actual.first_x(f), expected.first_x(f), 1e-9);
        EXPECT_NEAR(actual.first_y(f), expected.first_y(f), 1e-9);
    }
}

std::vector<Value> values(const char* name, const char* code, std::int64_t year, double capacity, Value op)
{
    return {std::string(name), std::string(code), year, capacity, std::move(op)};
}

class EditSessionTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(io::write_layer(sample_sites(), {gpkg(), "sites", "EPSG:4326"})); }
    std::string gpkg() const { return (dir.path / "network.gpkg").string(); }
    io::SourceSpec spec() const { return {gpkg(), "sites", {}, {}, Role::village_cooperative, "村级供销社"}; }
    TempDir dir;
};

TEST_F(EditSessionTest, UndoAndRedoRestoreTheExactStateAfterEveryStep)
{
    auto session = EditSession::open(spec());
    ASSERT_TRUE(session) << session.error().text();
    std::vector<Layer> states{session->layer()};
    ASSERT_TRUE(session->add_point(112.5, 32.5, values("新建村级供销社", "GX-010", 2024, 50, std::monostate{})));
    states.push_back(session->layer());
    ASSERT_TRUE(session->move_point(0, 112.11, 32.01));
    states.push_back(session->layer());
    ASSERT_TRUE(session->set_attribute(1, "经营者", std::string("谷城县供销社")));
    states.push_back(session->layer());
    ASSERT_TRUE(session->delete_feature(2));
    states.push_back(session->layer());
    ASSERT_TRUE(session->set_attribute(0, "year", std::int64_t{2019}));
    states.push_back(session->layer());
    EXPECT_EQ(session->undo_label(), "修改 要素 1（王家村供销社） 的 year");
    EXPECT_EQ(session->layer().size(), 3u);
    EXPECT_EQ(session->layer().columns[0].texts[2], "新建村级供销社");

    for (std::size_t i = states.size() - 1; i > 0; --i) {
        ASSERT_TRUE(session->undo());
        EXPECT_TRUE(same_layer(session->layer(), states[i - 1])) << "after undo to state " << i - 1;
    }
    EXPECT_FALSE(session->undo());
    EXPECT_FALSE(session->dirty());
    for (std::size_t i = 1; i < states.size(); ++i) {
        ASSERT_TRUE(session->redo());
        EXPECT_TRUE(same_layer(session->layer(), states[i])) << "after redo to state " << i;
    }
    EXPECT_TRUE(session->dirty());
    // A new edit after undo drops the redo history.
    ASSERT_TRUE(session->undo());
    ASSERT_TRUE(session->move_point(1, 112.3, 32.2));
    EXPECT_FALSE(session->can_redo());
}

TEST_F(EditSessionTest, RefusedEditsChangeNothing)
{
    auto session = EditSession::open(spec());
    ASSERT_TRUE(session);
    const Layer before = session->layer();
    auto added = session->add_point(112.5, 32.5, values("  ", "GX-011", 2024, 1, std::monostate{}));
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().message, "字段“name”：名称不能为空，请填写名称");
    EXPECT_EQ(added.error().file, gpkg());
    auto year = session->set_attribute(0, "year", std::int64_t{1800});
    ASSERT_FALSE(year);
    EXPECT_EQ(year.error().message, "字段“year”：年份“1800”应为 1949 到 2100 之间的整数");
    EXPECT_EQ(year.error().feature, "要素 1（王家村供销社）");
    auto code = session->set_attribute(0, "code", std::string("GX 001;"));
    ASSERT_FALSE(code);
    EXPECT_EQ(code.error().message, "字段“code”：编号“GX 001;”只能由字母、数字和“-”组成，最长 32 个字符");
    auto type = session->set_attribute(0, "year", std::string("明年"));
    ASSERT_FALSE(type);
    EXPECT_EQ(type.error().message, "字段“year”需要整数，“明年”不是");
    EXPECT_FALSE(session->move_point(0, 200, 32));
    EXPECT_FALSE(session->set_attribute(0, "不存在", std::string("x")));
    EXPECT_TRUE(same_layer(session->layer(), before));
    EXPECT_FALSE(session->dirty());
    EXPECT_FALSE(session->can_undo());
}

TEST_F(EditSessionTest, VillageCodesAreStatisticalDivisionCodes)
{
    Layer villages = sample_sites();
    villages.role = Role::village;
    auto v = values("王家村", "420607101001", 2018, 1, std::monostate{});
    EXPECT_TRUE(validate(villages, {}, v).empty());
    v[1] = std::string("42060710100");  // 11 digits
    const auto problems = validate(villages, {}, v);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].column, "code");
    EXPECT_EQ(problems[0].message, "代码“42060710100”应为 6、9 或 12 位数字（统计用区划代码），请改正");
    // The project's mapping decides which column is the name.
    Layer mapped = sample_sites();
    auto w = values("王家村", "GX-1", 2018, 1, std::monostate{});
    EXPECT_EQ(validate(mapped, {{"name", "经营者"}}, w).size(), 1u);
}

TEST_F(EditSessionTest, GeoPackageRoundTripsEveryAttributeByteForByte)
{
    auto session = EditSession::open(spec());
    ASSERT_TRUE(session);
    ASSERT_TRUE(session->add_point(112.456789012, 32.123456789,
                                   values("新店（试点）", "GX-100", 2025, 12.5, std::string(kInjection))));
    ASSERT_TRUE(session->set_attribute(2, "name", std::string("𠀀生僻字社·改")));
    ASSERT_TRUE(session->set_attribute(1, "capacity", std::monostate{}));
    ASSERT_TRUE(session->move_point(1, 112.2500001, 32.1250001));
    ASSERT_TRUE(session->delete_feature(0));
    const Layer edited = session->layer();
    auto saved = session->save();
    ASSERT_TRUE(saved) << saved.error().text();
    EXPECT_TRUE(saved->saved());
    EXPECT_FALSE(session->dirty());

    auto back = io::read_layer(spec());
    ASSERT_TRUE(back) << back.error().text();
    expect_same_content(edited, back->layer);
    EXPECT_EQ(back->layer.column("经营者")->texts[2], kInjection);
    EXPECT_EQ(back->layer.column("name")->texts[1], "𠀀生僻字社·改");
    // The GeoPackage's other layers are untouched by the save.
    Layer other = sample_sites();
    other.name = "other";
    ASSERT_TRUE(io::write_layer(other, {gpkg(), "other", "EPSG:4326"}));
    ASSERT_TRUE(session->set_attribute(0, "year", std::int64_t{2001}));
    ASSERT_TRUE(session->save());
    auto names = io::layer_names(gpkg());
    ASSERT_TRUE(names);
    EXPECT_EQ(names->size(), 2u);
    auto untouched = io::read_layer({gpkg(), "other", {}, {}, Role::village_cooperative, {}});
    ASSERT_TRUE(untouched);
    expect_same_content(sample_sites(), untouched->layer);
}

TEST_F(EditSessionTest, ShapefileGeoJsonAndCsvSaveThroughWriteThenRename)
{
    for (const char* file : {"sites.shp", "sites.geojson", "sites.csv"}) {
        const std::string path = (dir.path / file).string();
        ASSERT_TRUE(io::write_layer(sample_sites(), {path, {}, "EPSG:4326"})) << file;
        io::SourceSpec s{path, {}, {}, {}, Role::village_cooperative, {}};
        auto session = EditSession::open(s);
        ASSERT_TRUE(session) << file << ": " << session.error().text();
        ASSERT_TRUE(session->set_attribute(0, "name", std::string(kInjection)));
        ASSERT_TRUE(session->move_point(1, 112.375, 32.25));
        ASSERT_TRUE(session->add_point(112.5, 32.5, values("新店", "GX-100", 2025, 12.5, std::string("经营者甲"))));
        auto saved = session->save();
        ASSERT_TRUE(saved) << file << ": " << saved.error().text();
        auto back = io::read_layer(s);
        ASSERT_TRUE(back) << file;
        ASSERT_EQ(back->layer.size(), 4u) << file;
        EXPECT_EQ(back->layer.column("name")->texts[0], kInjection) << file;
        EXPECT_EQ(back->layer.column("name")->texts[3], "新店") << file;
        EXPECT_EQ(back->layer.column("经营者")->texts[3], "经营者甲") << file;
        EXPECT_NEAR(back->layer.first_x(1), 112.375, 1e-9) << file;
        EXPECT_NEAR(back->layer.first_y(3), 32.5, 1e-9) << file;
        // Nothing of the staging, renaming or commit journal is left beside the file.
        for (const auto& e : std::filesystem::directory_iterator(dir.path)) {
            EXPECT_EQ(e.path().filename().string().rfind(".coopmap-", 0), std::string::npos) << e.path();
            EXPECT_NE(e.path().extension(), ".coopmap-commit") << e.path();
        }
    }
}

TEST_F(EditSessionTest, AFailedSaveKeepsTheEditsAndTheFile)
{
    auto session = EditSession::open(spec());
    ASSERT_TRUE(session);
    ASSERT_TRUE(session->set_attribute(0, "name", std::string("改名")));
    const auto before_size = std::filesystem::file_size(gpkg());
    // The GeoPackage becomes unreadable garbage on disk: the save must fail and say so.
    std::filesystem::rename(gpkg(), gpkg() + ".moved");
    std::ofstream(gpkg()) << "not a geopackage";
    auto saved = session->save();
    ASSERT_FALSE(saved);
    EXPECT_NE(saved.error().message.find("编辑内容仍保留"), std::string::npos) << saved.error().text();
    EXPECT_TRUE(session->dirty());
    EXPECT_EQ(session->layer().column("name")->texts[0], "改名");
    std::filesystem::rename(gpkg() + ".moved", gpkg());
    EXPECT_EQ(std::filesystem::file_size(gpkg()), before_size);
    ASSERT_TRUE(session->save());
    EXPECT_FALSE(session->dirty());
}

// The state a Shapefile save killed after its commit point leaves: journal written, only the
// .shp renamed. Opening it finishes the save: every file of the new version.
TEST_F(EditSessionTest, ShapefileSaveKilledAfterItsCommitPointIsRolledForwardOnOpen)
{
    namespace fs = std::filesystem;
    const fs::path target = dir.path / "sites.shp";
    ASSERT_TRUE(io::write_layer(sample_sites(), {target.string(), {}, "EPSG:4326"}));
    Layer newer = sample_sites();
    newer.columns[0].texts[0] = "新版本";
    newer.x[0] = 112.5;
    const fs::path stage = dir.path / ".coopmap-edit-sites";
    fs::create_directory(stage);
    ASSERT_TRUE(io::write_layer(newer, {(stage / "sites.shp").string(), {}, "EPSG:4326"}));
    {
        std::ofstream journal(dir.path / "sites.coopmap-commit");
        for (const char* e : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
            journal << (stage / (std::string("sites") + e)).string() << '\n'
                    << (dir.path / (std::string("sites") + e)).string() << '\n';
    }
    fs::rename(stage / "sites.shp", target);  // killed here: new .shp, old .dbf
    io::SourceSpec s{target.string(), {}, {}, {}, Role::village_cooperative, {}};
    auto session = EditSession::open(s);
    ASSERT_TRUE(session) << session.error().text();
    EXPECT_EQ(session->layer().column("name")->texts[0], "新版本");
    EXPECT_EQ(session->layer().first_x(0), 112.5);
    EXPECT_FALSE(fs::exists(dir.path / "sites.coopmap-commit"));
    EXPECT_FALSE(fs::exists(stage));

    // Killed before the commit point (staged, no journal): the old version stays.
    fs::create_directory(stage);
    ASSERT_TRUE(io::write_layer(sample_sites(), {(stage / "sites.shp").string(), {}, "EPSG:4326"}));
    bool recovered = false;
    ASSERT_TRUE(recover_interrupted_save(target.string(), &recovered));
    EXPECT_TRUE(recovered);
    auto back = io::read_layer(s);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->layer.column("name")->texts[0], "新版本");
    EXPECT_FALSE(fs::exists(stage));
}

TEST_F(EditSessionTest, GcjLayersAreNotEditedInPlace)
{
    io::SourceSpec s = spec();
    s.declared_crs = "GCJ02";
    auto session = EditSession::open(s);
    ASSERT_FALSE(session);
    EXPECT_NE(session.error().message.find("coopmap-cli convert"), std::string::npos);
}

}  // namespace
}  // namespace coopmap::edit
