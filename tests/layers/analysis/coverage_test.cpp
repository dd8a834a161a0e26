#include <gtest/gtest.h>

#include <geodesic.h>

#include <cmath>
#include <random>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <filesystem>

#include "analysis/coverage.h"
#include "analysis/coverage_export.h"
#include "analysis/coverage_run.h"
#include "analysis/geodesic.h"
#include "analysis/service_areas.h"

namespace coopmap::analysis {
namespace {

// PROJ's geod_inverse on WGS84, called directly: the reference the engine must match.
double proj_distance(double lon1, double lat1, double lon2, double lat2)
{
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    double s = 0;
    geod_inverse(&g, lat1, lon1, lat2, lon2, &s, nullptr, nullptr);
    return s;
}

// Facility A at Xiangyang (112.14, 32.04), facility B 20 km east of it. Five villages at known
// geodesic distances: 1000 m north of A, 2999 m and 3001 m south of A, 2500 m west of B,
// and one 8000 m north of A, whose nearest is A at 8000 m.
struct Fixture {
    Points fac, vil;
    Fixture()
    {
        fac.add(112.14, 32.04);
        const auto b = geodesic_destination(112.14, 32.04, 90, 20000);
        fac.add(b.lon, b.lat);
        auto at = [&](double lon, double lat, double az, double d) {
            const auto p = geodesic_destination(lon, lat, az, d);
            vil.add(p.lon, p.lat);
        };
        at(112.14, 32.04, 0, 1000);
        at(112.14, 32.04, 180, 2999);
        at(112.14, 32.04, 180, 3001);
        at(b.lon, b.lat, 270, 2500);
        at(112.14, 32.04, 0, 8000);
    }
};

// Every village's nearest facility within the radius (among the first `facilities`) and its
// distance equal brute force with PROJ's geod_inverse, to 1 mm; within_any agrees. `covered`
// is how many villages brute force finds covered.
void expect_brute_force(const Points& vil, const Points& fac, std::size_t facilities, double radius, const Nearest& r,
                        std::size_t& covered)
{
    covered = 0;
    for (std::size_t i = 0; i < vil.size(); ++i) {
        double best = kInf;
        std::uint32_t arg = kNone;
        for (std::uint32_t f = 0; f < facilities; ++f) {
            const double d = proj_distance(vil.lon[i], vil.lat[i], fac.lon[f], fac.lat[f]);
            if (d <= radius && d < best) {
                best = d;
                arg = f;
            }
        }
        ASSERT_EQ(r.facility[i], arg) << "village " << i << " radius " << radius;
        if (arg != kNone) {
            EXPECT_NEAR(r.distance_m[i], best, 1e-3);
            ++covered;
        }
    }
    const auto any = within_any(vil, fac, radius);
    ASSERT_TRUE(any.ok());
    EXPECT_EQ(*any, covered_within(r.distance_m, radius)) << radius;
}

TEST(Coverage, FiveVillagesTwoFacilitiesHaveTheirKnownNearestAndDistance)
{
    const Fixture fx;
    const auto r = nearest_facilities(fx.vil, fx.fac, 10000);
    ASSERT_TRUE(r.ok());
    const std::vector<std::uint32_t> nearest{0, 0, 0, 1, 0};
    const std::vector<double> dist{1000, 2999, 3001, 2500, 8000};
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(r->facility[i], nearest[i]) << i;
        EXPECT_NEAR(r->distance_m[i], dist[i], 1e-3) << i;
    }
    const auto covered = covered_within(r->distance_m, 3000);
    EXPECT_EQ(covered, (std::vector<std::uint8_t>{1, 1, 0, 1, 0}));
}

TEST(Coverage, NothingWithinTheSearchRadiusIsNoneAndInfinite)
{
    const Fixture fx;
    const auto r = nearest_facilities(fx.vil, fx.fac, 2000);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->facility[0], 0u);
    for (int i = 1; i < 5; ++i) {
        EXPECT_EQ(r->facility[i], kNone) << i;
        EXPECT_EQ(r->distance_m[i], kInf) << i;
    }
}

// Random villages and facilities over a Hubei-sized area, radii from 1 km to 300 km (past the
// engine's cheap pre-filter limit): every answer equals brute force with PROJ's geod_inverse,
// distances to 1 mm.
TEST(Coverage, NearestEqualsBruteForceWithGeodInverse)
{
    std::mt19937_64 rng(6);
    std::uniform_real_distribution<double> lon(111.0, 113.5), lat(31.0, 32.8);
    Points vil, fac;
    for (int i = 0; i < 1500; ++i) vil.add(lon(rng), lat(rng));
    for (int i = 0; i < 120; ++i) fac.add(lon(rng), lat(rng));
    for (double radius : {1000.0, 5000.0, 12000.0, 300000.0}) {
        const auto r = nearest_facilities(vil, fac, radius);
        ASSERT_TRUE(r.ok());
        std::size_t covered = 0;
        expect_brute_force(vil, fac, fac.size(), radius, *r, covered);
        if (HasFatalFailure()) return;
        if (radius == 5000.0) {
            EXPECT_GT(covered, 100u);  // the case is not vacuous
        }
    }
}

// The facility grid at its edges: villages far outside the facilities' extent, a facility
// without coordinates, a 1 m radius over a whole country (the grid's cell cap) and a radius
// wider than the extent; all equal to brute force with PROJ's geod_inverse.
TEST(Coverage, GridEdgesAndExtremeRadiiEqualBruteForce)
{
    std::mt19937_64 rng(61);
    std::uniform_real_distribution<double> flon(75.0, 135.0), flat(18.0, 53.0), vlon(60.0, 150.0), vlat(5.0, 60.0);
    Points vil, fac;
    for (int i = 0; i < 400; ++i) fac.add(flon(rng), flat(rng));
    fac.add(std::nan(""), 30.0);
    for (int i = 0; i < 800; ++i) vil.add(vlon(rng), vlat(rng));
    // Two villages a metre or less from facilities, for the 1 m radius.
    const auto near0 = geodesic_destination(fac.lon[0], fac.lat[0], 45, 0.8);
    vil.add(near0.lon, near0.lat);
    vil.add(fac.lon[7], fac.lat[7]);
    for (double radius : {1.0, 50000.0, 400000.0, 6000000.0}) {
        const auto r = nearest_facilities(vil, fac, radius);
        ASSERT_TRUE(r.ok());
        std::size_t covered = 0;
        // The last facility has no coordinates: brute force leaves it out.
        expect_brute_force(vil, fac, fac.size() - 1, radius, *r, covered);
        if (HasFatalFailure()) return;
        if (radius == 1.0) {
            EXPECT_EQ(covered, 2u);
        }
        if (radius == 6000000.0) {
            EXPECT_EQ(covered, vil.size());
        }
    }
}

TEST(Coverage, CancelReturnsTheCancelledError)
{
    const Fixture fx;
    const auto r = nearest_facilities(fx.vil, fx.fac, 10000, [](double) { return false; });
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(is_cancelled(r.error()));
    EXPECT_EQ(r.error().message, "分析已取消");
}

TEST(CoverageTable, RowsSumToTheVillageFlags)
{
    const std::vector<std::string> town{"420602001", "420602001", "420602002", "420602002", "420602002", ""};
    const std::vector<std::uint8_t> covered{1, 0, 1, 1, 1, 0};
    const std::vector<double> pop{1000, 500, 800, std::nan(""), 200, 50};
    const std::vector<double> hh{300, 150, 250, 100, 60, 20};
    const auto t = coverage_table(town, covered, pop, hh, {{"420602001", "襄城街道"}, {"420602002", "卧龙镇"}}, 0.9);
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[0].code, "");
    EXPECT_EQ(t.rows[0].name, "（无代码）");
    EXPECT_EQ(t.rows[1].name, "襄城街道");
    EXPECT_EQ(t.rows[1].villages, 2u);
    EXPECT_EQ(t.rows[1].covered, 1u);
    EXPECT_DOUBLE_EQ(t.rows[1].population_uncovered(), 500);
    EXPECT_FALSE(t.rows[1].target_met);
    EXPECT_EQ(t.rows[2].name, "卧龙镇");
    EXPECT_EQ(t.rows[2].covered, 3u);
    EXPECT_DOUBLE_EQ(t.rows[2].population_covered, 1000);  // the unknown population counts 0
    EXPECT_TRUE(t.rows[2].target_met);
    std::size_t villages = 0, cov = 0;
    double pop_cov = 0;
    for (const auto& r : t.rows) {
        villages += r.villages;
        cov += r.covered;
        pop_cov += r.population_covered;
    }
    EXPECT_EQ(villages, t.total.villages);
    EXPECT_EQ(cov, t.total.covered);
    EXPECT_EQ(cov, 4u);
    EXPECT_DOUBLE_EQ(pop_cov, t.total.population_covered);
    EXPECT_DOUBLE_EQ(t.total.households_uncovered(), 170);
    EXPECT_EQ(t.total.name, "合计");
}

TEST(CoverageTable, NineOfTenMeetsATargetOfNinetyPercent)
{
    std::vector<std::string> code(10, "42");
    std::vector<std::uint8_t> cov(10, 1);
    cov[3] = 0;
    EXPECT_TRUE(coverage_table(code, cov, {}, {}, {}, 0.9).total.target_met);
    cov[4] = 0;
    EXPECT_FALSE(coverage_table(code, cov, {}, {}, {}, 0.9).total.target_met);
}

// run_coverage over an in-memory project: the five villages in two townships of two counties.
Project fixture_project()
{
    Project p;
    p.file = "测试.coopmap";
    LayerConfig v;
    v.id = "villages";
    v.role = Role::village;
    v.fields = {{"name", "名称"}, {"population", "人口"}, {"township_code", "乡镇"}, {"county_code", "县"}};
    LayerConfig f;
    f.id = "stations";
    f.role = Role::village_service_station;
    LayerConfig c;
    c.id = "counties";
    c.role = Role::admin_boundary;
    c.level = "county";
    p.layers = {v, f, c};
    p.service_radii_m["village_service_station"] = 3000;
    p.targets["village_coverage"] = 0.6;
    return p;
}

std::vector<Layer> fixture_layers()
{
    const Fixture fx;
    Layer v;
    v.role = Role::village;
    v.columns.reserve(4);  // references to columns stay valid while they are added
    auto& name = v.add_column("名称", FieldType::text);
    auto& pop = v.add_column("人口", FieldType::integer);
    auto& town = v.add_column("乡镇", FieldType::text);
    auto& county = v.add_column("县", FieldType::text);
    const char* names[] = {"一村", "二村", "三村", "四村", "五村"};
    const std::int64_t pops[] = {100, 200, 300, 400, 500};
    const char* towns[] = {"t1", "t1", "t1", "t2", "t1"};
    const char* counties[] = {"420602", "420602", "420602", "420606", "420602"};
    for (int i = 0; i < 5; ++i) {
        v.add_point(fx.vil.lon[i], fx.vil.lat[i]);
        name.texts.push_back(names[i]);
        name.null.push_back(0);
        pop.integers.push_back(pops[i]);
        pop.null.push_back(0);
        town.texts.push_back(towns[i]);
        town.null.push_back(0);
        county.texts.push_back(counties[i]);
        county.null.push_back(0);
    }
    Layer f;
    f.role = Role::village_service_station;
    for (int i = 0; i < 2; ++i) f.add_point(fx.fac.lon[i], fx.fac.lat[i]);
    Layer c;
    c.role = Role::admin_boundary;
    c.kind = GeometryKind::polygon;
    c.columns.reserve(2);
    auto& code = c.add_column("code", FieldType::text);
    auto& cname = c.add_column("name", FieldType::text);
    for (const auto& [k, n] : {std::pair{"420602", "襄城区"}, std::pair{"420606", "樊城区"}}) {
        c.add_coordinate(0, 0);
        c.add_coordinate(1, 0);
        c.add_coordinate(1, 1);
        c.add_coordinate(0, 0);
        c.end_ring();
        c.end_part();
        c.end_feature();
        code.texts.push_back(k);
        code.null.push_back(0);
        cname.texts.push_back(n);
        cname.null.push_back(0);
    }
    return {v, f, c};
}

TEST(RunCoverage, CountyTableFromTheProjectRadiusAndFieldMapping)
{
    const auto r = run_coverage(fixture_project(), fixture_layers(), CoverageRequest{});
    ASSERT_TRUE(r.ok()) << r.error().text();
    EXPECT_EQ(r->request.radius_m, 3000);
    EXPECT_EQ(r->role_name, "村级综合服务社");
    EXPECT_EQ(r->villages.covered, (std::vector<std::uint8_t>{1, 1, 0, 1, 0}));
    ASSERT_EQ(r->table.rows.size(), 2u);
    EXPECT_EQ(r->table.rows[0].name, "襄城区");
    EXPECT_EQ(r->table.rows[0].villages, 4u);
    EXPECT_EQ(r->table.rows[0].covered, 2u);
    EXPECT_DOUBLE_EQ(r->table.rows[0].population_covered, 300);
    EXPECT_FALSE(r->table.rows[0].target_met);
    EXPECT_EQ(r->table.rows[1].name, "樊城区");
    EXPECT_TRUE(r->table.rows[1].target_met);
    EXPECT_EQ(r->table.total.covered, 3u);
    EXPECT_TRUE(r->table.total.target_met);  // 3 of 5 = 0.6
    // The 8 km village is found within three times the radius, so the gap list can say how far it is.
    EXPECT_NEAR(r->villages.distance_m[4], 8000, 1e-3);
    const auto csv = coverage_table_csv(*r);
    EXPECT_NE(csv.find("420602,襄城区,4,2,50.0,1100,300,800,0,0,否\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",合计,5,3,60.0,1500,700,800,0,0,是\n"), std::string::npos) << csv;
}

// A village beyond the first search (three times the radius) still gets its nearest facility
// and the distance to it, however far: the report lists every gap with a number. Nothing
// else changes: it stays uncovered, and the table is the same.
TEST(RunCoverage, EveryVillageGetsItsNearestFacilityAndDistanceHoweverFar)
{
    auto layers = fixture_layers();
    Layer& v = layers[0];
    const auto far = geodesic_destination(112.14, 32.04, 0, 1500000);  // 1,500 km north of A
    v.add_point(far.lon, far.lat);
    for (auto& c : v.columns) {
        if (c.type == FieldType::text) c.texts.push_back(c.name == "名称" ? "远村" : "t3");
        else c.integers.push_back(50);
        c.null.push_back(0);
    }
    CoverageRequest q;
    q.radius_m = 2000;  // the first search reaches 6 km: neither the 8 km nor the 1,500 km village
    const auto r = run_coverage(fixture_project(), layers, q);
    ASSERT_TRUE(r.ok()) << r.error().text();
    EXPECT_EQ(r->villages.covered, (std::vector<std::uint8_t>{1, 0, 0, 0, 0, 0}));
    EXPECT_EQ(r->villages.nearest[4], 0u);
    EXPECT_NEAR(r->villages.distance_m[4], 8000, 1e-3);
    EXPECT_EQ(r->villages.nearest[5], 0u);
    EXPECT_NEAR(r->villages.distance_m[5], 1500000, 1e-3);
    EXPECT_EQ(r->table.total.villages, 6u);
    EXPECT_EQ(r->table.total.covered, 1u);
}

TEST(RunCoverage, MissingRoleNamesTheRoleAndWhatToDo)
{
    auto p = fixture_project();
    const auto r = run_coverage(p, fixture_layers(), CoverageRequest{.role = Role::township_supermarket});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().file, "测试.coopmap");
    EXPECT_EQ(
        r.error().message,
        "项目中没有「乡镇综合超市」图层（role 为 township_supermarket）：请在项目文件中加入该图层，或选择其他网点类型");
}

TEST(RunCoverage, ByTownshipWithAnExplicitRadius)
{
    CoverageRequest q;
    q.radius_m = 2600;
    q.by = GroupBy::township;
    const auto r = run_coverage(fixture_project(), fixture_layers(), q);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->table.rows.size(), 2u);
    EXPECT_EQ(r->table.rows[0].code, "t1");
    EXPECT_EQ(r->table.rows[0].covered, 1u);  // only the 1000 m village; 2999 m is beyond 2600 m
    EXPECT_EQ(r->table.rows[1].covered, 1u);  // the village 2500 m from B
}

// The panel's XLSX export read back with GDAL: every cell of both sheets.
TEST(ExportCoverage, XlsxHoldsTheTableAndTheUncoveredVillagesCellByCell)
{
    const auto r = run_coverage(fixture_project(), fixture_layers(), CoverageRequest{});
    ASSERT_TRUE(r.ok()) << r.error().text();
    const auto dir = std::filesystem::temp_directory_path() / ("coopmap_export_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "覆盖.xlsx").string();
    ASSERT_TRUE(export_coverage(*r, path).ok());

    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    ASSERT_EQ(ds->GetLayerCount(), 2);
    OGRLayer* table = ds->GetLayerByName("覆盖统计");
    ASSERT_NE(table, nullptr);
    const auto& header = coverage_table_columns();
    ASSERT_EQ(table->GetLayerDefn()->GetFieldCount(), static_cast<int>(header.size()));
    for (int i = 0; i < static_cast<int>(header.size()); ++i)
        EXPECT_EQ(std::string(table->GetLayerDefn()->GetFieldDefn(i)->GetNameRef()),
                  header[static_cast<std::size_t>(i)]);
    // code, name, then the numbers, then 达标 — as coverage_table_csv prints them.
    const std::vector<std::tuple<std::string, std::string, std::vector<double>, std::string>> expect{
        {"420602", "襄城区", {4, 2, 50.0, 1100, 300, 800, 0, 0}, "否"},
        {"420606", "樊城区", {1, 1, 100.0, 400, 400, 0, 0, 0}, "是"},
        {"", "合计", {5, 3, 60.0, 1500, 700, 800, 0, 0}, "是"},
    };
    std::size_t row = 0;
    for (auto&& f : *table) {
        ASSERT_LT(row, expect.size());
        const auto& [code, name, numbers, met] = expect[row];
        EXPECT_EQ(std::string(f->GetFieldAsString(0)), code) << row;
        EXPECT_EQ(std::string(f->GetFieldAsString(1)), name) << row;
        for (int c = 0; c < 8; ++c)
            EXPECT_DOUBLE_EQ(f->GetFieldAsDouble(2 + c), numbers[static_cast<std::size_t>(c)]) << row << "," << c;
        EXPECT_EQ(std::string(f->GetFieldAsString(10)), met) << row;
        ++row;
    }
    EXPECT_EQ(row, expect.size());

    // The two uncovered villages (三村 3001 m, 五村 8000 m from A), every column.
    OGRLayer* villages = ds->GetLayerByName("未覆盖村");
    ASSERT_NE(villages, nullptr);
    const auto expected = village_layer(*r, true);
    ASSERT_EQ(expected.size(), 2u);
    ASSERT_EQ(villages->GetFeatureCount(), 2);
    auto* defn = villages->GetLayerDefn();
    ASSERT_EQ(defn->GetFieldCount(), static_cast<int>(expected.columns.size()) + 2);
    row = 0;
    for (auto&& f : *villages) {
        for (std::size_t c = 0; c < expected.columns.size(); ++c) {
            const auto& col = expected.columns[c];
            const int k = static_cast<int>(c);
            EXPECT_EQ(std::string(defn->GetFieldDefn(k)->GetNameRef()), col.name);
            if (col.null[row]) EXPECT_FALSE(f->IsFieldSetAndNotNull(k)) << col.name;
            else if (col.type == FieldType::text)
                EXPECT_EQ(std::string(f->GetFieldAsString(k)), col.texts[row]) << col.name;
            else EXPECT_NEAR(f->GetFieldAsDouble(k), col.number(row), 1e-6) << col.name;
        }
        EXPECT_NEAR(f->GetFieldAsDouble(static_cast<int>(expected.columns.size())), expected.first_x(row), 1e-9);
        EXPECT_NEAR(f->GetFieldAsDouble(static_cast<int>(expected.columns.size()) + 1), expected.first_y(row), 1e-9);
        ++row;
    }
    ds.reset();
    std::filesystem::remove_all(dir);
}

TEST(ExportCoverage, GeoPackageHasVillagesTableAndPolygons)
{
    const auto r = run_coverage(fixture_project(), fixture_layers(), CoverageRequest{});
    ASSERT_TRUE(r.ok());
    const auto area = merged_coverage(r->facilities, 3000, nullptr);
    ASSERT_TRUE(area.ok());
    const auto dir = std::filesystem::temp_directory_path() / ("coopmap_export_gpkg_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "gaps.gpkg").string();
    ASSERT_TRUE(export_coverage(*r, path, {&*area}).ok());
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    ASSERT_NE(ds->GetLayerByName("uncovered_villages"), nullptr);
    EXPECT_EQ(ds->GetLayerByName("uncovered_villages")->GetFeatureCount(), 2);
    ASSERT_NE(ds->GetLayerByName("coverage_table"), nullptr);
    EXPECT_EQ(ds->GetLayerByName("coverage_table")->GetFeatureCount(), 3);
    ASSERT_NE(ds->GetLayerByName("coverage"), nullptr);
    EXPECT_EQ(ds->GetLayerByName("coverage")->GetFeatureCount(), 1);
    const auto bad = export_coverage(*r, (dir / "x.docx").string());
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().message, "不支持的导出格式“.docx”：请用 .xlsx、.gpkg 或 .csv");
    ds.reset();
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace coopmap::analysis
