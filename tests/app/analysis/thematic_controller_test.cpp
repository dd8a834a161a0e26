// ThematicController (the 专题图 panel) starts from analysis::thematic_defaults of the open
// project: a project file with a "thematic" section sets the panel's figure, level, method,
// classes, breaks, year and symbols, and the request it makes is that function's; opening a
// project without the section goes back to the built-in defaults.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <filesystem>
#include <unistd.h>

#include "analysis/thematic_controller.h"
#include "finishes.h"
#include "model/project.h"
#include "project/project_controller.h"

namespace coopmap::app {
namespace {

const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";

// The sample saved in `dir` with its sources made absolute and `thematic` as its section.
std::string themed_sample(const std::filesystem::path& dir, const ThematicDefaults& thematic)
{
    auto p = read_project(kSample);
    EXPECT_TRUE(p.ok()) << p.error().text();
    for (auto& l : p->layers) l.source = p->source_path(l);
    for (auto& s : p->services) s.source = p->resolve(s.source);
    p->thematic = thematic;
    const std::string file = (dir / "themed.coopmap").string();
    EXPECT_TRUE(save_project(*p, file).ok());
    return file;
}

void expect_same(const analysis::ThematicRequest& a, const analysis::ThematicRequest& b)
{
    EXPECT_EQ(a.figure, b.figure);
    EXPECT_EQ(a.level, b.level);
    EXPECT_EQ(a.method, b.method);
    EXPECT_EQ(a.classes, b.classes);
    EXPECT_EQ(a.breaks, b.breaks);
    EXPECT_EQ(a.year, b.year);
    EXPECT_EQ(a.role, b.role);
    EXPECT_EQ(a.symbols.value_or(true), b.symbols.value_or(true));
}

TEST(ThematicController, StartsFromTheProjectFilesDefaults)
{
    const auto dir = std::filesystem::temp_directory_path() / ("coopmap-theme-ctl-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    ThematicDefaults t;
    t.figure = "uncovered_population";
    t.level = "county";
    t.method = "fixed";
    t.classes = 4;
    t.breaks = {1000, 5000.5, 20000};
    t.year = 2023;
    t.role = Role::village_cooperative;
    t.symbols = false;
    const std::string file = themed_sample(dir, t);

    ProjectController project;
    ThematicController thematic;
    thematic.setProject(&project);
    // Before a project: the built-in defaults.
    EXPECT_EQ(thematic.property("figure").toString(), "coverage_rate");
    EXPECT_EQ(thematic.property("classes").toInt(), 5);
    ASSERT_TRUE(coopmap::test::finishes_ok(project, &ProjectController::finished,
                                           [&] { project.open(QString::fromStdString(file)); }));
    EXPECT_EQ(thematic.property("figure").toString(), "uncovered_population");
    EXPECT_EQ(thematic.property("level").toString(), "county");
    EXPECT_EQ(thematic.property("method").toString(), "fixed");
    EXPECT_EQ(thematic.property("classes").toInt(), 4);
    EXPECT_EQ(thematic.property("breaks").toString(), "1000,5000.5,20000");
    EXPECT_EQ(thematic.property("year").toInt(), 2023);
    EXPECT_FALSE(thematic.property("symbols").toBool());
    const auto q = thematic.request();
    ASSERT_TRUE(q.ok()) << q.error().text();
    expect_same(*q, analysis::thematic_defaults(project.project()));

    // A panel made once the project is open starts from it as well.
    ThematicController later;
    later.setProject(&project);
    EXPECT_EQ(later.property("method").toString(), "fixed");
    const auto q2 = later.request();
    ASSERT_TRUE(q2.ok());
    expect_same(*q2, *q);

    // The sample has no "thematic" section: back to the built-in defaults.
    ASSERT_TRUE(coopmap::test::finishes_ok(project, &ProjectController::finished,
                                           [&] { project.open(QString::fromStdString(kSample)); }));
    EXPECT_EQ(thematic.property("figure").toString(), "coverage_rate");
    EXPECT_EQ(thematic.property("level").toString(), "township");
    EXPECT_EQ(thematic.property("method").toString(), "natural");
    EXPECT_EQ(thematic.property("classes").toInt(), 5);
    EXPECT_EQ(thematic.property("breaks").toString(), "");
    EXPECT_EQ(thematic.property("year").toInt(), 0);
    EXPECT_TRUE(thematic.property("symbols").toBool());
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace coopmap::app

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
