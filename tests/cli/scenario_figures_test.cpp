// One scenario, three ways out, one set of figures (issue 16): `coopmap-cli plan --out` writes the
// chosen sites with what each adds; the same sites saved as a scenario give the planning panel's
// figures (analysis::planning::scenario_figures over the panel's plan data — the function the
// controller calls) and the scenario PDF page (`coopmap-cli report --scenario`, read back with
// pdftotext). Every site's 新覆盖村数 and 新覆盖人口, and 现状 / 建成后, must be the same in all
// three; 现状 must be `coopmap-cli coverage` of the tier's roles (村级供销社 + 村级综合服务社).
#include <gtest/gtest.h>
#include <unistd.h>

#include <QString>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/planning/plan_run.h"
#include "analysis/planning/scenario.h"
#include "analysis/project_data.h"
#include "analysis/report_figures.h"
#include "io/gdal_reader.h"
#include "model/project.h"
#include "run_process.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;
namespace pl = analysis::planning;
const std::string kCli = COOPMAP_CLI;
const fs::path kGeodata = COOPMAP_SOURCE_DIR "/geodata";

std::string fixed0(double v)
{
    char b[64];
    std::snprintf(b, sizeof b, "%.0f", v);
    return b;
}

// The folded text of a PDF page: Kangxi radicals (which some CJK fonts name their ideographs
// by) back to the ideographs, so that words compare.
std::string readable(const std::string& text)
{
    QString out;
    for (const QChar c : QString::fromStdString(text))
        out += c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF ? QString(c).normalized(QString::NormalizationForm_KC)
                                                              : QString(c);
    return out.toStdString();
}

struct SiteRow {
    std::string name;
    std::string villages, population;
};

TEST(ScenarioFigures, PanelScenarioPdfAndPlanOutAgreeSiteBySite)
{
    const fs::path dir = fs::temp_directory_path() / ("coopmap-scenario-figures-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(kGeodata / "xiangyang.gpkg", dir / "xiangyang.gpkg");
    fs::copy_file(kGeodata / "xiangyang.coopmap", dir / "xiangyang.coopmap");
    const std::string project_file = (dir / "xiangyang.coopmap").string();

    // 1. plan --out: eight new 村级供销社 at the project's radius, the tier's sites counting as existing.
    const std::string gpkg = (dir / "plan.gpkg").string();
    const auto plan = run_process(
        kCli, {"plan", project_file, "--role", "village_cooperative", "--new", "8", "--heuristic", "--out", gpkg});
    ASSERT_EQ(plan.exit_code, 0) << plan.err;
    const auto read = io::read_layer(io::SourceSpec{gpkg, "plan_sites", {}, {}, Role::village_cooperative, "plan"});
    ASSERT_TRUE(read.ok()) << read.error().text();
    const Layer& out = read->layer;
    ASSERT_EQ(out.size(), 8u);
    const auto* name = out.column("名称");
    const auto* villages = out.column("新覆盖村数");
    const auto* population = out.column("新覆盖人口");
    ASSERT_TRUE(name && villages && population);

    // 2. The same sites, in the same order, saved as a scenario.
    auto project = read_project(project_file);
    ASSERT_TRUE(project.ok()) << project.error().text();
    Scenario sc;
    sc.name = "一期新建供销社";
    sc.role = Role::village_cooperative;
    sc.objective = "max_coverage";
    for (std::size_t k = 0; k < out.size(); ++k)
        sc.sites.push_back(ScenarioSite{name->text(k), out.first_x(k), out.first_y(k)});
    project->scenarios.push_back(sc);
    ASSERT_TRUE(save_project(*project, project_file).ok());
    project = read_project(project_file);
    ASSERT_TRUE(project.ok());
    const auto data = analysis::load_project(*project);
    ASSERT_TRUE(data.ok()) << data.error().text();

    // 3. The panel's path: its plan data (no candidates, the tier's existing roles), then the figures.
    pl::PlanRequest q;
    q.role = Role::village_cooperative;
    q.candidates = pl::CandidateSet::none;
    const auto panel_data = pl::plan_data(*project, data->layers, q);
    ASSERT_TRUE(panel_data.ok()) << panel_data.error().text();
    const auto panel = pl::scenario_figures(*panel_data, project->scenarios.back());
    ASSERT_TRUE(panel.ok()) << panel.error().text();
    EXPECT_EQ(panel->existing_roles, (std::vector<Role>{Role::village_cooperative, Role::village_service_station}));
    ASSERT_EQ(panel->sites.size(), 8u);
    // The job the PDF runs gives the same figures.
    const auto job = pl::run_scenario(*project, data->layers, pl::ScenarioRequest{project->scenarios.back(), {}, 2000});
    ASSERT_TRUE(job.ok()) << job.error().text();
    EXPECT_EQ(job->before.covered, panel->before.covered);
    EXPECT_EQ(job->after.covered, panel->after.covered);

    // 4. The scenario PDF page.
    const std::string pdf = (dir / "方案.pdf").string();
    const auto report = run_process(kCli, {"report", project_file, "--scenario", sc.name, "--out", pdf});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    auto text = run_process("pdftotext", {"-layout", pdf, "-"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    const auto lines = split(readable(text.out), '\n');
    std::vector<SiteRow> on_page;
    for (const auto& line : lines) {
        const auto w = words(line);
        for (std::size_t i = 0; i + 2 < w.size() && on_page.size() < sc.sites.size(); ++i)
            if (w[i] == sc.sites[on_page.size()].name) {
                on_page.push_back(SiteRow{w[i], w[i + 1], w[i + 2]});
                break;
            }
    }
    ASSERT_EQ(on_page.size(), 8u) << text.out;
    auto line_starting = [&](const std::vector<std::string>& head) {
        for (const auto& line : lines) {
            const auto w = words(line);
            if (w.size() >= head.size() && std::equal(head.begin(), head.end(), w.begin())) return true;
        }
        return false;
    };

    // Site by site: plan --out == the panel's figures == the PDF page.
    std::size_t sum = 0;
    for (std::size_t k = 0; k < 8; ++k) {
        SCOPED_TRACE(sc.sites[k].name);
        const auto& g = panel->sites[k];
        EXPECT_EQ(villages->number(k), double(g.villages));
        EXPECT_DOUBLE_EQ(population->number(k), g.population);
        EXPECT_EQ(on_page[k].villages, std::to_string(g.villages));
        EXPECT_EQ(on_page[k].population, fixed0(g.population));
        EXPECT_EQ(job->sites[k].villages, g.villages);
        sum += g.villages;
    }
    EXPECT_GT(sum, 8u);  // each site on a village, most adding more
    EXPECT_EQ(sum, panel->after.covered - panel->before.covered);

    // 现状 / 建成后 on the page are the panel's totals.
    const auto& b = panel->before;
    const auto& a = panel->after;
    EXPECT_TRUE(line_starting({"村覆盖率", analysis::percent_text(b.share()), analysis::percent_text(a.share())}))
        << text.out;
    EXPECT_TRUE(
        line_starting({"覆盖村数", std::to_string(b.covered), std::to_string(a.covered), "+" + std::to_string(sum)}))
        << text.out;
    EXPECT_TRUE(line_starting({"未覆盖村数", std::to_string(b.uncovered()), std::to_string(a.uncovered())}))
        << text.out;
    // The label wraps in its cell ("覆盖人口（万" / "人）"); the figures stand on the line between.
    EXPECT_TRUE(line_starting({analysis::wan_text(b.population_covered), analysis::wan_text(a.population_covered),
                               "+" + analysis::wan_text(a.population_covered - b.population_covered)}))
        << text.out;
    EXPECT_TRUE(line_starting({"合计", std::to_string(sum)})) << text.out;

    // 现状 is `coverage` of the tier's roles at the plan's reach, and plan's own 现有网点 line.
    const auto cov =
        run_process(kCli, {"coverage", project_file, "--role", "village_cooperative,village_service_station"});
    ASSERT_EQ(cov.exit_code, 0) << cov.err;
    std::vector<std::string> total;
    for (const auto& line : split(cov.out, '\n'))
        if (const auto c = split(line, '\t'); c.size() == 9 && c[1] == "合计") total = c;
    ASSERT_EQ(total.size(), 9u) << cov.out;
    EXPECT_EQ(total[2], std::to_string(b.villages));
    EXPECT_EQ(total[3], std::to_string(b.covered));
    EXPECT_EQ(total[4], analysis::percent_text(b.share()));
    EXPECT_EQ(total[6], fixed0(b.population_covered));
    char existing[160];
    std::snprintf(existing, sizeof existing, "现有网点覆盖村 %zu / %zu", b.covered, b.villages);
    EXPECT_NE(plan.out.find(existing), std::string::npos) << plan.out;
    EXPECT_NE(plan.out.find("现有网点 " + std::to_string(panel->existing_sites) + " 个（村级供销社、村级综合服务社）"),
              std::string::npos)
        << plan.out;
    fs::remove_all(dir);
}

}  // namespace
}  // namespace coopmap::test
