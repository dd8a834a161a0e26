#include "synth_project.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "analysis/coverage_run.h"
#include "io/project_layers.h"
#include "model/project.h"
#include "run_process.h"

namespace coopmap::test {

namespace {

namespace fs = std::filesystem;

struct Made {
    SynthProject p;
    bool ok = false;
    ~Made()
    {
        std::error_code ec;
        if (!p.dir.empty()) fs::remove_all(p.dir, ec);
    }
};

bool make(SynthProject& s)
{
    s.dir = fs::temp_directory_path() / ("coopmap-synth-paper-" + std::to_string(::getpid()));
    fs::remove_all(s.dir);
    fs::create_directories(s.dir);
    const auto gen =
        run_process(COOPMAP_CLI, {"synth", "--villages", std::to_string(kSynthVillages), "--facilities", "2500",
                                  "--road-edges", "10", "--seed", "16", "--out", (s.dir / "synth.gpkg").string()});
    EXPECT_EQ(gen.exit_code, 0) << gen.err;
    if (gen.exit_code != 0) return false;
    s.name = "合成示例（一万个村）";
    s.project = (s.dir / "synth.coopmap").string();
    std::ofstream(s.project) << R"({"version": 1, "name": ")" << s.name << R"(", "layers": [
  {"id": "villages", "title": "村", "source": "synth.gpkg", "layer": "villages", "role": "village",
   "fields": {"name": "name", "code": "code", "population": "population", "households": "households",
              "township_code": "township_code"}},
  {"id": "stations", "title": "村级综合服务社", "source": "synth.gpkg", "layer": "facilities",
   "role": "village_service_station", "fields": {"name": "name"}}],
 "service_radii_m": {"village_service_station": 3000}, "targets": {"village_coverage": 0.9}})";

    // The scenario: a site on each of the first uncovered villages, in the engine's order.
    auto project = read_project(s.project);
    EXPECT_TRUE(project.ok()) << (project.ok() ? "" : project.error().text());
    if (!project.ok()) return false;
    const auto layers = io::load_project_layers(*project);
    EXPECT_TRUE(layers.ok()) << (layers.ok() ? "" : layers.error().text());
    if (!layers.ok()) return false;
    analysis::CoverageRequest q;
    q.role = Role::village_service_station;
    const auto cov = analysis::run_coverage(*project, layers->layers, q);
    EXPECT_TRUE(cov.ok()) << (cov.ok() ? "" : cov.error().text());
    if (!cov.ok()) return false;
    Scenario sc;
    sc.name = "合成规划方案";
    sc.role = Role::village_service_station;
    sc.objective = "max_coverage";
    const auto& v = cov->villages;
    for (std::size_t i = 0; i < v.size() && sc.sites.size() < kSynthSites; ++i) {
        if (v.covered[i]) continue;
        char name[32];
        std::snprintf(name, sizeof name, "拟建点%02zu", sc.sites.size() + 1);
        sc.sites.push_back(ScenarioSite{name, v.location.lon[i], v.location.lat[i]});
        s.sites.push_back(name);
    }
    EXPECT_EQ(sc.sites.size(), static_cast<std::size_t>(kSynthSites));
    s.scenario = sc.name;
    project->scenarios.push_back(sc);
    const auto saved = save_project(*project, s.project);
    EXPECT_TRUE(saved.ok()) << (saved.ok() ? "" : saved.error().text());
    return saved.ok() && sc.sites.size() == static_cast<std::size_t>(kSynthSites);
}

}  // namespace

const SynthProject& synth_project()
{
    static Made made;
    static const bool once = [] {
        made.ok = make(made.p);
        return true;
    }();
    (void)once;
    static const SynthProject none;
    EXPECT_TRUE(made.ok) << "the 10,000-village project could not be made";
    return made.ok ? made.p : none;
}

}  // namespace coopmap::test
