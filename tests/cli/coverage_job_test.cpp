// The coverage job (analysis::run_coverage, what the analysis panel runs) against what
// `coopmap-cli coverage` prints and writes for the bundled sample, for every facility role with
// the project's defaults, an explicit radius and minutes by road: the terminal table, the CSV and
// the exported layers' feature counts must be the job's, byte for byte.
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "analysis/coverage_run.h"
#include "analysis/project_data.h"
#include "analysis/reach_default.h"
#include "model/project.h"
#include "run_process.h"

namespace coopmap::analysis {
namespace {

const std::string kSample = std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.coopmap";

std::string file_text(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

struct Sample {
    Project project;
    ProjectData data;
};
const Sample& sample()
{
    static const Sample s = [] {
        auto p = read_project(kSample);
        EXPECT_TRUE(p.ok());
        auto d = load_project(*p);
        EXPECT_TRUE(d.ok());
        return Sample{std::move(*p), std::move(*d)};
    }();
    return s;
}

struct Variant {
    std::string name;
    std::vector<std::string> args;  // besides --role
    double radius_m = 0, minutes = 0;
};

class CoverageJobEqualsCli : public ::testing::TestWithParam<Role> {};

TEST_P(CoverageJobEqualsCli, TableCsvAndTotalsForDefaultsRadiusAndMinutes)
{
    const Role role = GetParam();
    const std::string key(role_key(role));
    const auto& s = sample();
    for (const Variant& v : {Variant{"defaults", {}, 0, 0}, Variant{"radius", {"--radius", "2.5km"}, 2500, 0},
                             Variant{"minutes", {"--minutes", "20"}, 0, 20}}) {
        SCOPED_TRACE(key + " " + v.name);
        QTemporaryDir dir;
        const std::string csv = dir.filePath("t.csv").toStdString();
        std::vector<std::string> args{"coverage", kSample, "--role", key, "--by", "township", "--table", csv};
        args.insert(args.end(), v.args.begin(), v.args.end());
        const auto cli = test::run_process(COOPMAP_CLI, args);

        CoverageRequest q;
        q.role = role;
        q.by = GroupBy::township;
        q.radius_m = v.radius_m;
        q.minutes = v.minutes;
        const auto job = run_coverage(s.project, s.data.layers, q);
        if (!job) {
            EXPECT_EQ(cli.exit_code, 1);
            EXPECT_NE(cli.err.find(job.error().text()), std::string::npos) << cli.err;
            continue;
        }
        ASSERT_EQ(cli.exit_code, 0) << cli.err;
        EXPECT_EQ(cli.out, coverage_table_text(*job));
        EXPECT_EQ(file_text(csv), coverage_table_csv(*job));
        // The reach the job used is the one the CLI's heading names.
        if (v.minutes > 0) {
            EXPECT_EQ(job->reach.minutes, 20);
        }
        if (v.radius_m > 0) {
            EXPECT_EQ(job->reach.radius_m, 2500);
        }
        if (v.name == "defaults") {
            const auto d = default_reach(s.project, s.data.layers, role);
            ASSERT_TRUE(d.ok()) << d.error().text();
            EXPECT_EQ(job->reach.radius_m, d->radius_m);
            EXPECT_EQ(job->reach.minutes, d->minutes);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(EveryFacilityRole, CoverageJobEqualsCli, ::testing::ValuesIn(facility_roles()),
                         [](const auto& param_info) { return std::string(role_key(param_info.param)); });

// --out writes the job's derived layers: the merged area, the gaps, and by minutes the isochrones.
TEST(CoverageJob, OutWritesTheLayersTheJobMakes)
{
    const auto& s = sample();
    for (const bool by_road : {false, true}) {
        SCOPED_TRACE(by_road ? "minutes" : "radius");
        QTemporaryDir dir;
        const std::string gpkg = dir.filePath("c.gpkg").toStdString();
        std::vector<std::string> args{"coverage", kSample, "--role", "distribution_center", "--out", gpkg};
        if (by_road) args.insert(args.end(), {"--minutes", "30"});
        else args.insert(args.end(), {"--radius", "30km"});
        const auto cli = test::run_process(COOPMAP_CLI, args);
        ASSERT_EQ(cli.exit_code, 0) << cli.err;

        CoverageRequest q;
        q.role = Role::distribution_center;
        q.radius_m = by_road ? 0 : 30000;
        q.minutes = by_road ? 30 : 0;
        q.areas = true;
        const auto job = run_coverage(s.project, s.data.layers, q);
        ASSERT_TRUE(job.ok()) << job.error().text();
        ASSERT_NE(job->area, nullptr);
        ASSERT_NE(job->gaps, nullptr);  // the sample has township boundaries
        EXPECT_EQ(job->isochrones != nullptr, by_road);

        GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
        ASSERT_TRUE(ds);
        auto count = [&](const std::string& name) -> long long {
            auto* l = ds->GetLayerByName(name.c_str());
            return l ? l->GetFeatureCount() : -1;
        };
        for (const Layer* l : job->polygons()) EXPECT_EQ(count(l->name), static_cast<long long>(l->size())) << l->name;
        EXPECT_EQ(count("uncovered_villages"), static_cast<long long>(job->table.total.uncovered()));
    }
}

// A tier: --role a,b counts both roles' sites at a's reach, as the job with `with` does.
TEST(CoverageJob, TierOfRolesEqualsTheCli)
{
    const auto& s = sample();
    const auto cli = test::run_process(
        COOPMAP_CLI, {"coverage", kSample, "--role", "village_cooperative,village_service_station", "--by", "county"});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    CoverageRequest q;
    q.role = Role::village_cooperative;
    q.with = {Role::village_service_station};
    const auto job = run_coverage(s.project, s.data.layers, q);
    ASSERT_TRUE(job.ok()) << job.error().text();
    EXPECT_EQ(cli.out, coverage_table_text(*job));
    EXPECT_EQ(job->role_name, "村级供销社、村级综合服务社");
    EXPECT_EQ(job->roles, (std::vector<Role>{Role::village_cooperative, Role::village_service_station}));
    // More sites never cover fewer villages than either role alone.
    for (const Role r : job->roles) {
        CoverageRequest one;
        one.role = r;
        one.radius_m = job->reach.radius_m;
        one.minutes = job->reach.minutes;
        const auto alone = run_coverage(s.project, s.data.layers, one);
        ASSERT_TRUE(alone.ok());
        EXPECT_GE(job->table.total.covered, alone->table.total.covered);
    }
}

}  // namespace
}  // namespace coopmap::analysis
