// A scenario's export: the proposed sites (what each adds) and the villages they newly cover
// written to GeoPackage and Excel through GDAL, read back through GDAL and compared attribute
// by attribute with what was written. Fixture: four villages the test places itself.
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/planning/plan_run.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"

namespace coopmap::analysis::planning {
namespace {

namespace fs = std::filesystem;

// Villages on the 32° N parallel, 0.02° (about 1.9 km) apart, and one far east; an existing
// site 0.02° west of the first reaches only it. Radius 2.5 km.
PlanData four_villages()
{
    PlanData d;
    d.village_lon = {112.00, 112.02, 112.04, 112.20};
    d.village_lat = {32.0, 32.0, 32.0, 32.0};
    d.weight = {1200, 800, 450.5, 3000};
    d.village_name = {"东岗村", "西湾村", "南坪村", "北山社区"};
    d.village_township = {"420602001", "420602001", "420602002", "420602003"};
    d.existing_lon = {111.98};
    d.existing_lat = {32.0};
    d.radius_m = 2500;
    d.problem.covered = covered_by_sites(d.village_lon, d.village_lat, d.existing_lon, d.existing_lat, d.radius_m);
    return d;
}

struct Written {
    fs::path dir;
    Written()
    {
        dir = fs::temp_directory_path() / ("coopmap_scenario_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Written() { fs::remove_all(dir); }
};

void expect_same(const Layer& written, const Layer& read, const std::string& what)
{
    ASSERT_EQ(read.size(), written.size()) << what;
    for (const auto& col : written.columns) {
        const auto* back = read.column(col.name);
        ASSERT_NE(back, nullptr) << what << ": no column " << col.name;
        for (std::size_t k = 0; k < written.size(); ++k) {
            if (col.type == FieldType::text)
                EXPECT_EQ(back->text(k), col.text(k)) << what << " " << col.name << " " << k;
            else EXPECT_DOUBLE_EQ(back->number(k), col.number(k)) << what << " " << col.name << " " << k;
        }
    }
    for (std::size_t k = 0; k < written.size(); ++k) {
        EXPECT_NEAR(read.first_x(k), written.first_x(k), 1e-9) << what;
        EXPECT_NEAR(read.first_y(k), written.first_y(k), 1e-9) << what;
    }
}

TEST(ScenarioExport, GpkgAndXlsxReadBackWithEveryAttribute)
{
    const auto d = four_villages();
    // Site 1 at the second village reaches villages 1 and 2 (0 is the existing site's);
    // site 2 at 112.03 adds nothing new; site 3 at the fourth village adds it.
    const std::vector<std::string> names = {"新网点 1", "新网点 2", "北山"};
    const std::vector<double> lon = {112.02, 112.03, 112.20}, lat = {32.0, 32.0, 32.0};
    const auto sites = sites_layer(d, names, lon, lat);
    ASSERT_EQ(sites.size(), 3u);
    EXPECT_EQ(sites.column("新覆盖村数")->integers, (std::vector<std::int64_t>{2, 0, 1}));
    EXPECT_EQ(sites.column("新覆盖人口")->reals, (std::vector<double>{1250.5, 0, 3000}));
    const auto newly = newly_covered(d, lon, lat);
    ASSERT_TRUE(newly);
    EXPECT_EQ(*newly, (std::vector<std::uint8_t>{0, 1, 1, 1}));
    const auto villages = villages_layer(d, *newly);
    ASSERT_EQ(villages.size(), 3u);
    EXPECT_EQ(villages.column("名称")->texts, (std::vector<std::string>{"西湾村", "南坪村", "北山社区"}));

    Written w;
    const auto gpkg = (w.dir / "方案甲.gpkg").string();
    ASSERT_TRUE(io::write_layer(sites, io::WriteSpec{gpkg, "scenario_sites"}));
    ASSERT_TRUE(io::write_layer(villages, io::WriteSpec{gpkg, "newly_covered_villages"}));
    const auto s_back = io::read_layer(io::SourceSpec{gpkg, "scenario_sites", {}, {}, Role::village_cooperative, {}});
    ASSERT_TRUE(s_back) << s_back.error().text();
    expect_same(sites, s_back->layer, "gpkg sites");
    const auto v_back = io::read_layer(io::SourceSpec{gpkg, "newly_covered_villages", {}, {}, Role::village, {}});
    ASSERT_TRUE(v_back) << v_back.error().text();
    expect_same(villages, v_back->layer, "gpkg villages");

    const auto xlsx = (w.dir / "方案甲.xlsx").string();
    ASSERT_TRUE(io::write_layer(sites, io::WriteSpec{xlsx, "scenario_sites"}));
    const auto x_back = io::read_layer(io::SourceSpec{xlsx, {}, {}, {}, Role::village_cooperative, {}});
    ASSERT_TRUE(x_back) << x_back.error().text();
    expect_same(sites, x_back->layer, "xlsx sites");
}

}  // namespace
}  // namespace coopmap::analysis::planning
