// `coopmap-cli synth`: benchmark data with exactly the counts asked for, the same for a seed.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "gpkg_contents.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;

std::string synth(const std::string& dir, const std::string& name, const std::string& seed)
{
    const std::string out = dir + "/" + name;
    const auto r = run(COOPMAP_CLI, {"synth", "--villages", "1000", "--facilities", "300", "--road-edges", "2500",
                                     "--seed", seed, "--out", out});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return out;
}

TEST(Synth, WritesExactlyTheRequestedCountsWithValidCodesAndRoles)
{
    const std::string dir = fresh_dir("coopmap-synth-counts");
    const std::string file = synth(dir, "s.gpkg", "7");
    EXPECT_EQ(feature_count(file, "villages"), 1000);
    EXPECT_EQ(feature_count(file, "facilities"), 300);
    EXPECT_EQ(feature_count(file, "roads"), 2500);

    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    for (OGRLayer* layer : ds->GetLayers()) {
        ASSERT_NE(layer->GetSpatialRef(), nullptr);
        EXPECT_STREQ(layer->GetSpatialRef()->GetAuthorityCode(nullptr), "4326") << layer->GetName();
    }
    std::set<std::string> codes;
    for (const auto& f : *ds->GetLayerByName("villages")) {
        const std::string code = f->GetFieldAsString("code");
        EXPECT_EQ(code.size(), 12u);
        EXPECT_TRUE(std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) << code;
        EXPECT_TRUE(codes.insert(code).second) << code;
        EXPECT_EQ(code.substr(0, 9), f->GetFieldAsString("township_code"));
        EXPECT_GT(f->GetFieldAsInteger("population"), 0);
        EXPECT_GT(f->GetFieldAsInteger("households"), 0);
        const auto* p = f->GetGeometryRef()->toPoint();
        // China's extent, lon/lat order.
        EXPECT_TRUE(p->getX() >= 73.5 && p->getX() <= 134.8 && p->getY() >= 18.2 && p->getY() <= 53.6);
    }
    std::map<std::string, int> roles;
    for (const auto& f : *ds->GetLayerByName("facilities")) {
        ++roles[f->GetFieldAsString("role")];
        EXPECT_GT(std::string(f->GetFieldAsString("name")).size(), 3u);
    }
    const std::set<std::string> expected{"village_cooperative",  "village_service_station", "grassroots_cooperative",
                                         "township_supermarket", "distribution_center",     "agri_service_center"};
    std::set<std::string> seen;
    for (const auto& [role, n] : roles) seen.insert(role);
    EXPECT_EQ(seen, expected);

    // The roads are one connected graph (E is above the spanning tree's size here).
    std::map<std::pair<double, double>, std::size_t> id;
    std::vector<std::size_t> parent;
    const auto node = [&](double x, double y) {
        const auto [it, added] = id.try_emplace({x, y}, parent.size());
        if (added) parent.push_back(parent.size());
        return it->second;
    };
    const auto find = [&](std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    std::set<std::string> classes;
    for (const auto& f : *ds->GetLayerByName("roads")) {
        classes.insert(f->GetFieldAsString("class"));
        EXPECT_GT(f->GetFieldAsDouble("speed_kmh"), 0);
        const auto* line = f->GetGeometryRef()->toLineString();
        const auto a = node(line->getX(0), line->getY(0));
        const auto b = node(line->getX(1), line->getY(1));
        parent[find(a)] = find(b);
    }
    std::size_t pieces = 0;
    for (std::size_t i = 0; i < parent.size(); ++i) pieces += find(i) == i ? 1 : 0;
    EXPECT_EQ(pieces, 1u);
    EXPECT_EQ(classes, (std::set<std::string>{"国道", "省道", "县道", "乡道", "村道"}));
    ds.reset();
    fs::remove_all(dir);
}

TEST(Synth, SameSeedSameContentsOtherSeedOtherContents)
{
    const std::string dir = fresh_dir("coopmap-synth-seed");
    const auto a = layer_contents(synth(dir, "a.gpkg", "42"));
    const auto b = layer_contents(synth(dir, "b.gpkg", "42"));
    const auto c = layer_contents(synth(dir, "c.gpkg", "43"));
    ASSERT_EQ(a.size(), 3u);
    EXPECT_TRUE(a == b);
    EXPECT_FALSE(a.at("villages") == c.at("villages"));
    fs::remove_all(dir);
}

TEST(Synth, UnwritableOutputIsOneClearErrorNamingTheFile)
{
    const auto r = run(COOPMAP_CLI, {"synth", "--villages", "10", "--facilities", "1", "--road-edges", "10", "--out",
                                     "/nonexistent/place/s.gpkg"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("/nonexistent/place/s.gpkg"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(fs::exists("/nonexistent/place/s.gpkg.part.gpkg"));
}

}  // namespace
}  // namespace coopmap::test
