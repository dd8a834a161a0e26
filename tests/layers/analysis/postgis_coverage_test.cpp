// The covered count at 5 km against PostGIS on a real server: ST_DWithin(geography, geography,
// 5000) on the WGS84 spheroid, village by village.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "analysis/coverage.h"
#include "postgis_server.h"

namespace coopmap::analysis {
namespace {

// 20,000 villages and 2,000 facilities over 108–114 E, 30–33 N (about 570 km x 330 km), so
// that roughly half the villages have a facility within 5 km; fixed seed.
void generate(Points& villages, Points& facilities)
{
    std::mt19937_64 rng(20000);
    std::uniform_real_distribution<double> lon(108.0, 114.0), lat(30.0, 33.0);
    for (int i = 0; i < 20000; ++i) villages.add(lon(rng), lat(rng));
    for (int i = 0; i < 2000; ++i) facilities.add(lon(rng), lat(rng));
}

void write_csv(const std::string& path, const Points& p)
{
    std::ofstream f(path);
    f.precision(17);
    for (std::size_t i = 0; i < p.size(); ++i) f << i << ',' << p.lon[i] << ',' << p.lat[i] << '\n';
}

TEST(PostgisCoverage, CoveredAtFiveKilometresEqualsStDWithinExactly)
{
    auto server = testing::PostgisServer::start();
    ASSERT_TRUE(server.ok()) << server.error().text();
    const auto& pg = **server;

    Points villages, facilities;
    generate(villages, facilities);
    const std::string dir = pg.directory();
    write_csv(dir + "/villages.csv", villages);
    write_csv(dir + "/facilities.csv", facilities);
    const auto load = pg.sql("CREATE TABLE v (id int PRIMARY KEY, lon float8, lat float8);\n"
                             "CREATE TABLE f (id int PRIMARY KEY, lon float8, lat float8);\n"
                             "\\copy v FROM '" +
                             dir +
                             "/villages.csv' CSV\n"
                             "\\copy f FROM '" +
                             dir +
                             "/facilities.csv' CSV\n"
                             "ALTER TABLE v ADD COLUMN g geography(Point, 4326);\n"
                             "ALTER TABLE f ADD COLUMN g geography(Point, 4326);\n"
                             "UPDATE v SET g = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography;\n"
                             "UPDATE f SET g = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography;\n"
                             "CREATE INDEX ON f USING gist (g);\n"
                             "ANALYZE v; ANALYZE f;\n"
                             "SELECT count(*) FROM v;");
    ASSERT_TRUE(load.ok()) << load.error().text();
    ASSERT_EQ(*load, "20000");

    const auto ids =
        pg.sql("SELECT v.id FROM v WHERE EXISTS (SELECT 1 FROM f WHERE ST_DWithin(v.g, f.g, 5000)) ORDER BY v.id;");
    ASSERT_TRUE(ids.ok()) << ids.error().text();
    std::vector<std::uint8_t> pg_covered(villages.size(), 0);
    std::istringstream in(*ids);
    std::size_t pg_count = 0;
    for (std::size_t id; in >> id;) {
        pg_covered.at(id) = 1;
        ++pg_count;
    }

    const auto ours = nearest_facilities(villages, facilities, 5000);
    ASSERT_TRUE(ours.ok());
    const auto covered = covered_within(ours->distance_m, 5000);
    std::size_t count = 0;
    for (auto c : covered) count += c;
    EXPECT_EQ(count, pg_count);
    EXPECT_GT(count, 5000u);  // not a vacuous comparison
    EXPECT_LT(count, 15000u);
    for (std::size_t i = 0; i < covered.size(); ++i)
        ASSERT_EQ(covered[i], pg_covered[i]) << "village " << i << " at " << ours->distance_m[i] << " m";
    // The count-only search the benchmark times gives the same flags.
    const auto any = within_any(villages, facilities, 5000);
    ASSERT_TRUE(any.ok());
    EXPECT_EQ(*any, pg_covered);
}

}  // namespace
}  // namespace coopmap::analysis
