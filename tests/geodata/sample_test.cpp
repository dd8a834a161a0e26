// The committed Xiangyang sample (geodata/xiangyang.gpkg + .coopmap), read back as a user's
// copy of CoopMap reads it, against the real public sources it was made from.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <format>
#include <fstream>
#include <future>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

#include <gdal_priv.h>
#include <geodesic.h>
#include <geos_c.h>
#include <ogrsf_frmts.h>

#include "gpkg_contents.h"
#include "model/project.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;

const std::string kGeodata = COOPMAP_SOURCE_DIR "/geodata";
const std::string kGpkg = kGeodata + "/xiangyang.gpkg";
const std::string kProject = kGeodata + "/xiangyang.coopmap";

const std::vector<std::string> kFacilityRoles{"village_cooperative",    "village_service_station",
                                              "grassroots_cooperative", "township_supermarket",
                                              "distribution_center",    "agri_service_center"};

// code -> name (and township code) as published in geodata/sources/*.csv.
struct Published {
    std::string name, parent;
};
std::map<std::string, Published> read_csv(const std::string& file, int parent_column)
{
    std::map<std::string, Published> out;
    std::ifstream in(kGeodata + "/sources/" + file);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream s(line);
        for (std::string cell; std::getline(s, cell, ',');) cells.push_back(cell);
        if (cells.size() < 2) continue;
        out[cells[0]] = {cells[1], parent_column >= 0 ? cells.at(static_cast<std::size_t>(parent_column)) : ""};
    }
    return out;
}

// GEOS handle and WKB reader for the test's lifetime.
class Geos {
public:
    Geos() : h_(GEOS_init_r()), reader_(GEOSWKBReader_create_r(h_)) {}
    ~Geos()
    {
        GEOSWKBReader_destroy_r(h_, reader_);
        GEOS_finish_r(h_);
    }
    GEOSContextHandle_t handle() const { return h_; }
    GEOSGeometry* read(const OGRGeometry& g) const
    {
        std::vector<unsigned char> wkb(g.WkbSize());
        g.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
        return GEOSWKBReader_read_r(h_, reader_, wkb.data(), wkb.size());
    }

private:
    GEOSContextHandle_t h_;
    GEOSWKBReader* reader_;
};

struct Feature {
    std::map<std::string, std::string> fields;
    std::unique_ptr<OGRGeometry> geometry;
    std::string operator[](const std::string& k) const { return fields.at(k); }
};

std::vector<Feature> read_layer(const std::string& name)
{
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(kGpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    std::vector<Feature> out;
    if (!ds) return out;
    OGRLayer* layer = ds->GetLayerByName(name.c_str());
    if (!layer) return out;
    for (const auto& f : *layer) {
        Feature row;
        for (int i = 0; i < f->GetFieldCount(); ++i)
            row.fields[f->GetFieldDefnRef(i)->GetNameRef()] = f->GetFieldAsString(i);
        if (f->GetGeometryRef()) row.geometry.reset(f->GetGeometryRef()->clone());
        out.push_back(std::move(row));
    }
    return out;
}

class Sample : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        counties_ = new std::vector<Feature>(read_layer("counties"));
        townships_ = new std::vector<Feature>(read_layer("townships"));
        villages_ = new std::vector<Feature>(read_layer("villages"));
    }
    static void TearDownTestSuite()
    {
        delete counties_;
        delete townships_;
        delete villages_;
    }
    static std::vector<Feature>* counties_;
    static std::vector<Feature>* townships_;
    static std::vector<Feature>* villages_;
};
std::vector<Feature>* Sample::counties_ = nullptr;
std::vector<Feature>* Sample::townships_ = nullptr;
std::vector<Feature>* Sample::villages_ = nullptr;

TEST_F(Sample, HasTheNineCountiesAndThe130TownshipsAsPublished)
{
    ASSERT_EQ(counties_->size(), 9u);
    ASSERT_EQ(townships_->size(), 130u);
    const auto counties = read_csv("xiangyang_counties.csv", -1);
    for (const auto& c : *counties_) EXPECT_EQ(counties.at(c["code"]).name, c["name"]);
    const auto townships = read_csv("xiangyang_townships.csv", 2);
    std::set<std::string> codes;
    for (const auto& t : *townships_) {
        ASSERT_TRUE(townships.contains(t["code"])) << t["code"];
        EXPECT_EQ(townships.at(t["code"]).name, t["name"]);
        EXPECT_EQ(t["county_code"], t["code"].substr(0, 6));
        codes.insert(t["code"]);
    }
    EXPECT_EQ(codes.size(), 130u);
    // Other tests look the sample up by name: 谷城县 must be there byte for byte.
    EXPECT_TRUE(
        std::any_of(counties_->begin(), counties_->end(), [](const Feature& c) { return c["name"] == "谷城县"; }));
}

TEST_F(Sample, EveryVillageCodeIsUniqueTwelveDigitsWithItsPublishedName)
{
    const auto published = read_csv("xiangyang_villages.csv", 2);
    ASSERT_EQ(published.size(), 2817u);
    ASSERT_EQ(villages_->size(), 2817u);
    std::set<std::string> codes;
    for (const auto& v : *villages_) {
        const std::string code = v["code"];
        EXPECT_EQ(code.size(), 12u) << code;
        EXPECT_TRUE(std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) << code;
        EXPECT_TRUE(codes.insert(code).second) << "duplicate " << code;
        ASSERT_TRUE(published.contains(code)) << code;
        EXPECT_EQ(v["name"], published.at(code).name) << code;
        EXPECT_EQ(v["township_code"], published.at(code).parent) << code;
        EXPECT_GT(std::stoi(v["population"]), 0) << code;
    }
}

TEST_F(Sample, EveryVillageLiesInsideItsTownshipAndItsCounty)
{
    Geos geos;
    const auto h = geos.handle();
    std::map<std::string, const GEOSPreparedGeometry*> area;
    std::vector<GEOSGeometry*> owned;
    for (const auto* layer : {counties_, townships_})
        for (const auto& f : *layer) {
            GEOSGeometry* g = geos.read(*f.geometry);
            ASSERT_NE(g, nullptr);
            ASSERT_EQ(GEOSisValid_r(h, g), 1) << f["code"];
            owned.push_back(g);
            area[f["code"]] = GEOSPrepare_r(h, g);
        }
    int outside = 0;
    for (const auto& v : *villages_) {
        const auto* p = v.geometry->toPoint();
        const std::string township = v["township_code"];
        const std::string county = township.substr(0, 6);
        ASSERT_TRUE(area.contains(township) && area.contains(county)) << v["code"];
        if (GEOSPreparedContainsXY_r(h, area.at(township), p->getX(), p->getY()) != 1) {
            ++outside;
            ADD_FAILURE() << v["code"] << " " << v["name"] << " outside township " << township;
        }
        if (GEOSPreparedContainsXY_r(h, area.at(county), p->getX(), p->getY()) != 1) {
            ++outside;
            ADD_FAILURE() << v["code"] << " " << v["name"] << " outside county " << county;
        }
    }
    EXPECT_EQ(outside, 0);
    for (auto& [code, prepared] : area) GEOSPreparedGeom_destroy_r(h, prepared);
    for (auto* g : owned) GEOSGeom_destroy_r(h, g);
}

TEST_F(Sample, EveryFacilityRoleIsALayerWithAPlausibleCountInsideItsTownship)
{
    Geos geos;
    const auto h = geos.handle();
    std::map<std::string, GEOSGeometry*> township;
    for (const auto& t : *townships_) township[t["code"]] = geos.read(*t.geometry);
    // Plausible for 9 counties, 130 townships, ~2,300 villages (DESIGN.md, issue 4): a hub in
    // most counties, a grassroots cooperative and a supermarket in most but not all
    // townships, village terminals in part of the villages.
    const std::map<std::string, std::pair<std::size_t, std::size_t>> range{
        {"distribution_center", {5, 8}},     {"grassroots_cooperative", {60, 125}},
        {"township_supermarket", {60, 125}}, {"village_service_station", {300, 1500}},
        {"village_cooperative", {60, 800}},  {"agri_service_center", {20, 200}}};
    for (const auto& role : kFacilityRoles) {
        const auto features = read_layer(role);
        EXPECT_GE(features.size(), range.at(role).first) << role;
        EXPECT_LE(features.size(), range.at(role).second) << role;
        std::set<std::string> codes;
        for (const auto& f : features) {
            EXPECT_FALSE(f["name"].empty()) << role;
            EXPECT_FALSE(f["operator"].empty()) << role << " " << f["code"];
            EXPECT_TRUE(codes.insert(f["code"]).second) << role << " duplicate " << f["code"];
            EXPECT_EQ(f["county_code"], f["township_code"].substr(0, 6));
            const int year = std::stoi(f["opening_year"]);
            EXPECT_TRUE(year >= 1949 && year <= 2025) << role << " " << f["code"] << " " << year;
            const auto* p = f.geometry->toPoint();
            ASSERT_TRUE(township.contains(f["township_code"])) << f["code"];
            GEOSGeometry* point = GEOSGeom_createPointFromXY_r(h, p->getX(), p->getY());
            EXPECT_EQ(GEOSContains_r(h, township.at(f["township_code"]), point), 1) << role << " " << f["code"];
            GEOSGeom_destroy_r(h, point);
        }
    }
    for (auto& [code, g] : township) GEOSGeom_destroy_r(h, g);
}

TEST_F(Sample, EverySiteHasAHistoryAndTheProjectMapsIt)
{
    // Issue 19: built in the year it opened, rebuilt after it (0: not), model sites named after
    // both, state 建成 or 在建 (在建 only for the last year's sites).
    std::size_t rebuilt = 0, models = 0, building = 0;
    for (const auto& role : kFacilityRoles)
        for (const auto& f : read_layer(role)) {
            const int built = std::stoi(f["built_year"]), again = std::stoi(f["rebuilt_year"]);
            EXPECT_EQ(built, std::stoi(f["opening_year"])) << role << " " << f["code"];
            if (again) {
                ++rebuilt;
                EXPECT_TRUE(again > built && again >= 2019 && again <= 2025) << role << " " << f["code"];
            }
            if (!f["model"].empty()) {
                ++models;
                const int named = std::stoi(f["model"].substr(0, 4));
                EXPECT_TRUE(named > built && named > again && named <= 2025) << f["model"];
                EXPECT_NE(f["model"].find("示范"), std::string::npos) << f["model"];
            }
            EXPECT_TRUE(f["state"] == "建成" || (f["state"] == "在建" && built == 2025)) << f["code"] << f["state"];
            building += f["state"] == "在建";
        }
    EXPECT_GT(rebuilt, 20u);
    EXPECT_GT(models, 10u);
    EXPECT_GT(building, 0u);

    const auto project = read_project(kProject);
    ASSERT_TRUE(project) << project.error().text();
    for (const auto& l : project->layers) {
        if (std::find(kFacilityRoles.begin(), kFacilityRoles.end(), std::string(role_key(l.role))) ==
            kFacilityRoles.end())
            continue;
        for (const char* key : {"built_year", "rebuilt_year", "model", "state"}) {
            EXPECT_EQ(l.fields.at(key), key) << l.id;
        }
    }
    std::set<int> years;
    for (const auto& t : project->annual_targets) years.insert(t.year);
    EXPECT_EQ(years, (std::set<int>{2023, 2024, 2025, 2026}));
    ASSERT_EQ(project->services.size(), 1u);
    EXPECT_EQ(project->services[0].source, "xiangyang_services.xlsx");
}

TEST(SampleCli, ServicesOfAYearAddUpTheSheetAndProgressRuns)
{
    // The sheet summed here with GDAL alone, against coopmap-cli services' 合计 for 2025.
    double mu_2025 = 0;
    std::size_t rows_2025 = 0;
    {
        GDALAllRegister();
        GDALDatasetUniquePtr ds(GDALDataset::Open((kGeodata + "/xiangyang_services.xlsx").c_str(), GDAL_OF_VECTOR));
        ASSERT_TRUE(ds);
        OGRLayer* sheet = ds->GetLayerByName("服务记录");
        ASSERT_TRUE(sheet);
        for (const auto& f : *sheet)
            if (std::string(f->GetFieldAsString("服务日期")).starts_with("2025")) {
                mu_2025 += f->GetFieldAsDouble("亩次");
                ++rows_2025;
            }
    }
    ASSERT_GT(rows_2025, 100u);
    const auto r = run(COOPMAP_CLI, {"services", kProject, "--by", "county", "--year", "2025"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(std::format("\t合计\t{}\t{:.1f}\t{:.4f}\n", rows_2025, mu_2025, mu_2025 / 1e4)),
              std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("未能归属"), std::string::npos) << r.out;  // every record's village is in the sample
    const auto p = run(COOPMAP_CLI, {"progress", kProject, "--year", "2025"});
    ASSERT_EQ(p.exit_code, 0) << p.err;
    EXPECT_NE(p.out.find("2025 年目标完成情况"), std::string::npos) << p.out;
    EXPECT_NE(p.out.find("枣阳市\t新建村级综合服务社（个）"), std::string::npos) << p.out;
}

// Geodesic area in 亩 (1 亩 = 10000/15 m²) by PROJ's geod_polygonarea (Karney 2013).
double area_mu(const OGRGeometry& g)
{
    geod_geodesic wgs84;
    geod_init(&wgs84, 6378137, 1 / 298.257223563);
    double total = 0;
    const auto ring_area = [&](const OGRLinearRing& ring) {
        std::vector<double> lat, lon;
        for (int i = 0; i + 1 < ring.getNumPoints(); ++i) {
            lon.push_back(ring.getX(i));
            lat.push_back(ring.getY(i));
        }
        double a = 0, perimeter = 0;
        geod_polygonarea(&wgs84, lat.data(), lon.data(), static_cast<int>(lat.size()), &a, &perimeter);
        return std::abs(a);
    };
    for (const auto* polygon : *g.toMultiPolygon()) {
        total += ring_area(*polygon->getExteriorRing());
        for (int i = 0; i < polygon->getNumInteriorRings(); ++i) total -= ring_area(*polygon->getInteriorRing(i));
    }
    return total / (10000.0 / 15.0);
}

TEST_F(Sample, TrusteeshipParcelsAddUpToAFewHundredThousandMuAndMatchTheirGeometry)
{
    const auto parcels = read_layer("land_trusteeship");
    ASSERT_GT(parcels.size(), 100u);
    double total = 0;
    std::set<std::string> counties;
    for (const auto& p : parcels) {
        const double mu = std::stod(p["area_mu"]);
        total += mu;
        // The attribute is the parcel's own geodesic area, to the 0.1 亩 it is rounded to.
        EXPECT_NEAR(mu, area_mu(*p.geometry), 0.06 + 1e-4 * mu) << p["code"];
        EXPECT_FALSE(p["provider"].empty());
        EXPECT_FALSE(p["crop"].empty());
        EXPECT_EQ(p["township_code"].size(), 9u);
        counties.insert(p["township_code"].substr(0, 6));
    }
    EXPECT_GT(total, 200000);
    EXPECT_LT(total, 800000);
    EXPECT_EQ(counties.size(), 9u);
}

// Union–find over road end points.
struct Components {
    std::map<std::pair<double, double>, std::size_t> id;
    std::vector<std::size_t> parent;
    std::size_t at(double x, double y)
    {
        const auto [it, added] = id.try_emplace({x, y}, parent.size());
        if (added) parent.push_back(parent.size());
        return it->second;
    }
    std::size_t find(std::size_t x)
    {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
};

TEST_F(Sample, RoadsAreOneNetworkOfFiveClassesReachingEveryVillage)
{
    const auto roads = read_layer("roads");
    ASSERT_GT(roads.size(), villages_->size());
    const std::map<std::string, std::pair<double, double>> speeds{
        {"国道", {80, 80}}, {"省道", {60, 60}}, {"县道", {25, 40}}, {"乡道", {20, 30}}, {"村道", {15, 20}}};
    std::map<std::string, std::size_t> per_class;
    Components graph;
    for (const auto& r : roads) {
        ASSERT_TRUE(speeds.contains(r["class"])) << r["class"];
        const double speed = std::stod(r["speed_kmh"]);
        EXPECT_GE(speed, speeds.at(r["class"]).first);
        EXPECT_LE(speed, speeds.at(r["class"]).second);
        ++per_class[r["class"]];
        const auto* lines = r.geometry->toMultiLineString();
        ASSERT_EQ(lines->getNumGeometries(), 1);
        const auto* line = lines->getGeometryRef(0);
        const std::size_t a = graph.at(line->getX(0), line->getY(0));
        const std::size_t b = graph.at(line->getX(line->getNumPoints() - 1), line->getY(line->getNumPoints() - 1));
        graph.parent[graph.find(a)] = graph.find(b);
    }
    EXPECT_EQ(per_class.size(), 5u);
    std::size_t pieces = 0;
    for (std::size_t i = 0; i < graph.parent.size(); ++i) pieces += graph.find(i) == i ? 1 : 0;
    EXPECT_EQ(pieces, 1u);
    for (const auto& v : *villages_) {
        const auto* p = v.geometry->toPoint();
        EXPECT_TRUE(graph.id.contains({p->getX(), p->getY()})) << v["code"] << " is not on a road";
    }
    // Not a star: more links than a tree needs (loops, as real networks have).
    EXPECT_GT(roads.size(), graph.parent.size() + 100);
}

TEST_F(Sample, ProjectNamesEveryRoleWithStyleRadiusAndBookmarksWithRealNumbers)
{
    const auto project = read_project(kProject);
    ASSERT_TRUE(project) << project.error().text();
    std::set<std::string> roles, ids;
    for (const auto& l : project->layers) {
        roles.insert(std::string(role_key(l.role)));
        ids.insert(l.id);
    }
    for (const auto& role : kFacilityRoles) {
        EXPECT_TRUE(ids.contains(role)) << role;
        EXPECT_TRUE(project->styles.contains(role)) << role;
        EXPECT_GT(project->service_radii_m.at(role), 0) << role;
    }
    for (const char* id : {"counties", "townships", "villages", "roads", "land_trusteeship"})
        EXPECT_TRUE(ids.contains(id)) << id;
    for (const char* role : {"village", "land_trusteeship", "admin_boundary", "road"})
        EXPECT_TRUE(roles.contains(role)) << role;
    EXPECT_EQ(project->service_radii_m.at("village_cooperative"), 3000);
    EXPECT_EQ(project->service_radii_m.at("distribution_center"), 30000);

    ASSERT_GE(project->bookmarks.size(), 4u);
    double mu = 0;
    for (const auto& p : read_layer("land_trusteeship")) mu += std::stod(p["area_mu"]);
    const auto stations = feature_count(kGpkg, "village_service_station") + feature_count(kGpkg, "village_cooperative");
    const std::string& city = project->bookmarks.front().caption;
    EXPECT_NE(city.find("2817 个村"), std::string::npos) << city;
    EXPECT_NE(city.find(std::format("村级服务网点 {} 个", stations)), std::string::npos) << city;
    EXPECT_NE(city.find(std::format("{:.1f} 万亩", mu / 1e4)), std::string::npos) << city;
    for (const auto& b : project->bookmarks) EXPECT_EQ(b.caption.find(" 0.0 万亩"), std::string::npos) << b.caption;
}

TEST(SampleCli, InfoListsEveryRoleWithItsCount)
{
    const auto r = run(COOPMAP_CLI, {"info", kProject});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, std::string> line_of;
    std::stringstream s(r.out);
    for (std::string line; std::getline(s, line);) {
        std::stringstream words(line);
        std::string id;
        words >> id;
        line_of[id] = line;
    }
    for (const auto& role : kFacilityRoles) {
        ASSERT_TRUE(line_of.contains(role)) << r.out;
        const auto count = feature_count(kGpkg, role);
        ASSERT_GT(count, 0);
        std::stringstream words(line_of.at(role));
        std::string id, role_word, kind;
        long long n = -1;
        words >> id >> role_word >> kind >> n;
        EXPECT_EQ(role_word, role);
        EXPECT_EQ(n, count) << line_of.at(role);
    }
    EXPECT_NE(r.out.find("村（社区） 2817"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("县（市、区）界 9"), std::string::npos) << r.out;
}

TEST(SampleGenerator, TwoRunsGiveIdenticalLayersEqualToTheCommittedSample)
{
    const std::string a = fresh_dir("coopmap-sample-a"), b = fresh_dir("coopmap-sample-b");
    const std::string sources = kGeodata + "/sources";
    // Both at once: two processes, so the test takes one run's time.
    auto second = std::async(std::launch::async, [&] {
        return run(COOPMAP_MAKE_SAMPLE, {"--sources", sources, "--out", b});
    });
    const auto ra = run(COOPMAP_MAKE_SAMPLE, {"--sources", sources, "--out", a});
    const auto rb = second.get();
    ASSERT_EQ(ra.exit_code, 0) << ra.err;
    ASSERT_EQ(rb.exit_code, 0) << rb.err;
    const auto ca = layer_contents(a + "/xiangyang.gpkg");
    const auto cb = layer_contents(b + "/xiangyang.gpkg");
    ASSERT_EQ(ca.size(), 11u);  // 3 admin/village layers, 6 facility roles, parcels, roads
    for (const auto& [layer, rows] : ca) {
        ASSERT_TRUE(cb.contains(layer)) << layer;
        EXPECT_EQ(rows.size(), cb.at(layer).size()) << layer;
        EXPECT_TRUE(rows == cb.at(layer)) << layer << " differs between two runs";
    }
    // The committed sample is what the committed generator makes.
    const auto committed = layer_contents(kGpkg);
    for (const auto& [layer, rows] : ca)
        EXPECT_TRUE(committed.contains(layer) && rows == committed.at(layer))
            << layer << ": geodata/xiangyang.gpkg is stale; re-make it with the coopmap-sample target";
    // The service-record workbook too, by content (an .xlsx keeps its own timestamps).
    const auto sa = layer_contents(a + "/xiangyang_services.xlsx");
    ASSERT_EQ(sa.size(), 1u);
    EXPECT_TRUE(sa == layer_contents(b + "/xiangyang_services.xlsx")) << "the service records differ between two runs";
    EXPECT_TRUE(sa == layer_contents(kGeodata + "/xiangyang_services.xlsx"))
        << "geodata/xiangyang_services.xlsx is stale; re-make it with the coopmap-sample target";
    std::ifstream pa(a + "/xiangyang.coopmap"), pc(kProject);
    std::stringstream ta, tc;
    ta << pa.rdbuf();
    tc << pc.rdbuf();
    EXPECT_EQ(ta.str(), tc.str()) << "geodata/xiangyang.coopmap is stale";
    fs::remove_all(a);
    fs::remove_all(b);
}

}  // namespace
}  // namespace coopmap::test
