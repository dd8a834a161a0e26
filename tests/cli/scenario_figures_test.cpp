// One scenario, three ways out, one set of figures (issue 16): the planning panel's controller
// (app::PlanningController on the bundled sample) suggests new 村级供销社 through its job runner
// and saves them as a scenario; its 方案 figures (ScenarioFiguresModel: per site 新覆盖村数 and
// 新覆盖人口, 现状 and 建成后, what the panel shows) must be what the scenario PDF page
// (`coopmap-cli report --scenario`, read back with pdftotext) and `coopmap-cli plan --out` for the
// same request say, every one of them; 现状 must be `coopmap-cli coverage` of the tier's roles
// (村级供销社 + 村级综合服务社). The figures are read from the controller, not computed here.
#include <gtest/gtest.h>
#include <unistd.h>

#include <QGeoCoordinate>
#include <QSignalSpy>
#include <QString>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/report_figures.h"
#include "finishes.h"
#include "io/gdal_reader.h"
#include "planning/planning_controller.h"
#include "project/project_controller.h"
#include "run_process.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;
using app::PlanningController;
using app::ScenarioFiguresModel;
using app::ScenarioListModel;
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

    // 1. The panel: eight new 村级供销社 suggested at the project's reach, the tier's sites
    //    counting as existing (the controller's defaults), off the UI thread.
    app::ProjectController project;
    ASSERT_TRUE(finishes_ok(project, &app::ProjectController::finished,
                            [&] { project.open(QString::fromStdString(project_file)); }));
    PlanningController c;
    c.setProject(&project);
    c.setRoleKey(QStringLiteral("village_cooperative"));
    c.setProperty("newSites", 8);
    ASSERT_TRUE(finishes_ok(
        c, &PlanningController::finished, [&] { c.suggest(); }, 120000));
    ASSERT_EQ(c.sites()->count(), 8);
    EXPECT_EQ(c.existingRoles(), (QStringList{"village_cooperative", "village_service_station"}));

    // 2. plan --out for the same request: the same sites in the same order.
    const std::string gpkg = (dir / "plan.gpkg").string();
    const auto plan =
        run_process(kCli, {"plan", project_file, "--role", "village_cooperative", "--new", "8", "--out", gpkg});
    ASSERT_EQ(plan.exit_code, 0) << plan.err;
    const auto read = io::read_layer(io::SourceSpec{gpkg, "plan_sites", {}, {}, Role::village_cooperative, "plan"});
    ASSERT_TRUE(read.ok()) << read.error().text();
    const Layer& out = read->layer;
    ASSERT_EQ(out.size(), 8u);
    const auto* name = out.column("名称");
    const auto* villages = out.column("新覆盖村数");
    const auto* population = out.column("新覆盖人口");
    ASSERT_TRUE(name && villages && population);
    for (int k = 0; k < 8; ++k) {
        SCOPED_TRACE(k);
        EXPECT_EQ(c.sites()->name(k).toStdString(), name->text(std::size_t(k)));
        EXPECT_EQ(c.sites()->coordinate(k), QGeoCoordinate(out.first_y(std::size_t(k)), out.first_x(std::size_t(k))));
    }

    // 3. Saved as a scenario, which the panel then selects; its figures come from the
    //    controller's scenario job.
    const QString scenario = QStringLiteral("一期新建供销社");
    ASSERT_TRUE(finishes_ok(c, &PlanningController::scenarioFiguresFinished,
                            [&] { ASSERT_TRUE(c.saveScenario(scenario)) << c.errorText().toStdString(); }));
    EXPECT_EQ(c.selectedScenario(), scenario);
    const ScenarioFiguresModel* f = c.scenarioFigures();
    ASSERT_TRUE(f->ready());
    EXPECT_EQ(f->name(), scenario);
    ASSERT_EQ(f->count(), 8);
    EXPECT_EQ(f->existingText().toStdString(), "村级供销社、村级综合服务社");
    EXPECT_EQ(f->reachText().toStdString(), "半径 3 公里");
    auto at = [f](int k, int role) { return f->data(f->index(k), role); };

    // 4. The scenario PDF page.
    const std::string pdf = (dir / "方案.pdf").string();
    const auto report = run_process(kCli, {"report", project_file, "--scenario", scenario.toStdString(), "--out", pdf});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    auto text = run_process("pdftotext", {"-layout", pdf, "-"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    const auto lines = split(readable(text.out), '\n');
    std::vector<SiteRow> on_page;
    for (const auto& line : lines) {
        const auto w = words(line);
        for (std::size_t i = 0; i + 2 < w.size() && on_page.size() < 8; ++i)
            if (w[i] == at(int(on_page.size()), ScenarioFiguresModel::NameRole).toString().toStdString()) {
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

    // Site by site: the panel's figures == plan --out == the PDF page.
    int sum = 0;
    double gained = 0;
    for (int k = 0; k < 8; ++k) {
        const std::string site = at(k, ScenarioFiguresModel::NameRole).toString().toStdString();
        SCOPED_TRACE(site);
        const int v = at(k, ScenarioFiguresModel::VillagesRole).toInt();
        const double p = at(k, ScenarioFiguresModel::PopulationRole).toDouble();
        EXPECT_EQ(site, name->text(std::size_t(k)));
        EXPECT_EQ(at(k, ScenarioFiguresModel::CoordinateRole).value<QGeoCoordinate>(), c.sites()->coordinate(k));
        EXPECT_EQ(villages->number(std::size_t(k)), double(v));
        EXPECT_DOUBLE_EQ(population->number(std::size_t(k)), p);
        EXPECT_EQ(on_page[std::size_t(k)].villages, std::to_string(v));
        EXPECT_EQ(on_page[std::size_t(k)].population, fixed0(p));
        sum += v;
        gained += p;
    }
    EXPECT_GT(sum, 8);  // each site on a village, most adding more
    EXPECT_EQ(sum, f->coveredAfter() - f->coveredBefore());
    EXPECT_NEAR(gained, f->populationAfter() - f->populationBefore(), 1e-6);

    // 现状 / 建成后 on the page are the panel's.
    const auto share = [](int covered, int of) { return of ? double(covered) / double(of) : 0.0; };
    EXPECT_DOUBLE_EQ(f->shareBefore(), share(f->coveredBefore(), f->villages()));
    EXPECT_DOUBLE_EQ(f->shareAfter(), share(f->coveredAfter(), f->villages()));
    const std::string before_covered = std::to_string(f->coveredBefore()),
                      after_covered = std::to_string(f->coveredAfter());
    EXPECT_TRUE(
        line_starting({"村覆盖率", analysis::percent_text(f->shareBefore()), analysis::percent_text(f->shareAfter())}))
        << text.out;
    EXPECT_TRUE(line_starting({"覆盖村数", before_covered, after_covered, "+" + std::to_string(sum)})) << text.out;
    EXPECT_TRUE(line_starting({"未覆盖村数", std::to_string(f->villages() - f->coveredBefore()),
                               std::to_string(f->villages() - f->coveredAfter())}))
        << text.out;
    // The label wraps in its cell ("覆盖人口（万" / "人）"); the figures stand on the line between.
    EXPECT_TRUE(line_starting({analysis::wan_text(f->populationBefore()), analysis::wan_text(f->populationAfter()),
                               "+" + analysis::wan_text(f->populationAfter() - f->populationBefore())}))
        << text.out;
    EXPECT_TRUE(line_starting({"合计", std::to_string(sum)})) << text.out;

    // The scenario table's row is the same scenario's.
    const ScenarioListModel* rows = c.scenarios();
    ASSERT_EQ(rows->count(), 1);
    const auto row = [rows](int role) { return rows->data(rows->index(0), role); };
    EXPECT_EQ(row(ScenarioListModel::NameRole).toString(), scenario);
    EXPECT_TRUE(row(ScenarioListModel::HasFiguresRole).toBool());
    EXPECT_EQ(row(ScenarioListModel::SitesRole).toInt(), 8);
    EXPECT_EQ(row(ScenarioListModel::VillagesRole).toInt(), f->villages());
    EXPECT_EQ(row(ScenarioListModel::CoveredRole).toInt(), f->coveredAfter());
    EXPECT_DOUBLE_EQ(row(ScenarioListModel::PopulationRole).toDouble(), f->populationAfter());
    EXPECT_DOUBLE_EQ(row(ScenarioListModel::NewPopulationRole).toDouble(),
                     f->populationAfter() - f->populationBefore());

    // 现状 is `coverage` of the tier's roles at the plan's reach, and plan's own 现有网点 line.
    const auto cov =
        run_process(kCli, {"coverage", project_file, "--role", "village_cooperative,village_service_station"});
    ASSERT_EQ(cov.exit_code, 0) << cov.err;
    std::vector<std::string> total;
    for (const auto& line : split(cov.out, '\n'))
        if (const auto t = split(line, '\t'); t.size() == 9 && t[1] == "合计") total = t;
    ASSERT_EQ(total.size(), 9u) << cov.out;
    EXPECT_EQ(total[2], std::to_string(f->villages()));
    EXPECT_EQ(total[3], before_covered);
    EXPECT_EQ(total[4], analysis::percent_text(f->shareBefore()));
    EXPECT_EQ(total[6], fixed0(f->populationBefore()));
    char existing[160];
    std::snprintf(existing, sizeof existing, "现有网点覆盖村 %d / %d", f->coveredBefore(), f->villages());
    EXPECT_NE(plan.out.find(existing), std::string::npos) << plan.out;
    EXPECT_NE(plan.out.find("现有网点 " + std::to_string(f->existingSites()) + " 个（" +
                            f->existingText().toStdString() + "）"),
              std::string::npos)
        << plan.out;

    // Another scenario chosen in the table and back: the figures follow the selection.
    c.setSelectedScenario({});
    EXPECT_FALSE(f->ready());
    EXPECT_EQ(f->count(), 0);
    c.setSelectedScenario(scenario);
    EXPECT_TRUE(f->ready());
    EXPECT_EQ(f->count(), 8);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace coopmap::test
