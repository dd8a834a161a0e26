// Feedback (layers/model/feedback.h): the share each part of a chained job fills, cancel seen by
// every part, and a coverage job on a generated project stopped from another thread with an
// Error whose `cancelled` flag is set.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "analysis/coverage_run.h"
#include "analysis/planning/plan_run.h"
#include "analysis/project_data.h"
#include "model/feedback.h"
#include "model/project.h"
#include "synth/synth.h"

namespace coopmap::analysis {
namespace {

namespace fs = std::filesystem;

TEST(Feedback, PartsFillTheirShareOfTheWhole)
{
    std::vector<double> heard;
    const Feedback f([&](double d) { heard.push_back(d); });
    const auto first = f.part(0, 0.25);
    const auto second = f.part(0.25, 1);
    first.set_progress(0.5);
    first.set_progress(1);
    const auto inner = second.part(0.5, 1);  // the second half of the last three quarters
    second.set_progress(0.2);
    inner.set_progress(0.5);
    inner.set_progress(1);
    EXPECT_EQ(heard, (std::vector<double>{0.125, 0.25, 0.4, 0.8125, 1.0}));
    // A late report of an earlier share does not take the bar back, and is not heard.
    first.set_progress(0.5);
    EXPECT_EQ(heard.size(), 5u);
}

TEST(Feedback, CancelOfTheWholeOrOfAPartStopsEveryPartAndTheCallback)
{
    const Feedback f;
    const auto a = f.part(0, 0.5), b = f.part(0.5, 1);
    const auto step = b.callback();
    EXPECT_TRUE(step(0.3));
    EXPECT_FALSE(f.cancelled());
    a.cancel();
    EXPECT_TRUE(f.cancelled());
    EXPECT_TRUE(b.cancelled());
    EXPECT_FALSE(step(0.4));
}

TEST(Feedback, CancelledErrorCarriesTheFlagAndItsMessage)
{
    const Error e = cancelled_error("已取消选址计算", "a.coopmap");
    EXPECT_TRUE(e.cancelled);
    EXPECT_TRUE(is_cancelled(e));
    EXPECT_EQ(e.file, "a.coopmap");
    EXPECT_EQ(e.message, "已取消选址计算");
    // The same words from anywhere else are not a cancel.
    EXPECT_FALSE(is_cancelled(Error{.file = {}, .layer = {}, .feature = {}, .message = "分析已取消"}));
}

// 20,000 villages and 2,500 stations from the synth generator (geodata/synth), as the paper tests'
// generated project.
class GeneratedProject : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = fs::temp_directory_path() / ("coopmap-feedback-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        synth::SynthOptions o;
        o.villages = 20000;
        o.facilities = 2500;
        o.road_edges = 10;
        o.seed = 16;
        o.out = (dir_ / "synth.gpkg").string();
        ASSERT_TRUE(synth::write_synth(o).ok());
        const auto file = (dir_ / "synth.coopmap").string();
        std::ofstream(file) << R"({"version": 1, "name": "合成", "layers": [
  {"id": "villages", "source": "synth.gpkg", "layer": "villages", "role": "village",
   "fields": {"name": "name", "code": "code", "population": "population", "township_code": "township_code"}},
  {"id": "stations", "source": "synth.gpkg", "layer": "facilities", "role": "village_service_station",
   "fields": {"name": "name"}}],
 "service_radii_m": {"village_service_station": 3000}})";
        auto p = read_project(file);
        ASSERT_TRUE(p.ok()) << p.error().text();
        project_ = new Project(std::move(*p));
        auto data = load_project(*project_);
        ASSERT_TRUE(data.ok()) << data.error().text();
        data_ = new ProjectData(std::move(*data));
    }
    static void TearDownTestSuite()
    {
        delete data_;
        delete project_;
        fs::remove_all(dir_);
    }
    static inline fs::path dir_;
    static inline Project* project_ = nullptr;
    static inline ProjectData* data_ = nullptr;
};

TEST_F(GeneratedProject, CancelFromAnotherThreadStopsTheCoverageJobWithACancelledError)
{
    ASSERT_NE(data_, nullptr);
    // The job's first report waits until the other thread has cancelled: the job must then stop
    // at its next check instead of finishing.
    std::promise<void> asked, done;
    auto cancelled_now = done.get_future().share();
    std::once_flag first;
    std::vector<double> heard;
    Feedback f([&](double d) {
        heard.push_back(d);
        std::call_once(first, [&] {
            asked.set_value();
            cancelled_now.wait();
        });
    });
    std::thread user([&, wait = asked.get_future()]() mutable {
        wait.wait();
        f.cancel();
        done.set_value();
    });
    CoverageRequest q;
    q.role = Role::village_service_station;
    q.areas = true;
    const auto r = run_coverage(*project_, data_->layers, q, f);
    user.join();
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().cancelled);
    EXPECT_EQ(r.error().message, "分析已取消");
    ASSERT_FALSE(heard.empty());
    EXPECT_LT(heard.back(), 0.6);  // stopped inside the table's share, before the areas
}

TEST_F(GeneratedProject, TheSameJobUncancelledReportsUpToTheWholeAndMakesItsAreas)
{
    ASSERT_NE(data_, nullptr);
    std::vector<double> heard;
    const Feedback f([&](double d) { heard.push_back(d); });
    CoverageRequest q;
    q.role = Role::village_service_station;
    q.areas = true;
    const auto r = run_coverage(*project_, data_->layers, q, f);
    ASSERT_TRUE(r.ok()) << r.error().text();
    ASSERT_FALSE(heard.empty());
    EXPECT_DOUBLE_EQ(heard.back(), 1.0);
    EXPECT_TRUE(std::is_sorted(heard.begin(), heard.end()));
    EXPECT_EQ(r->villages.size(), 20000u);
    ASSERT_NE(r->area, nullptr);
    EXPECT_EQ(r->area->size(), 1u);  // one merged feature
    EXPECT_EQ(r->isochrones, nullptr);  // by radius
    EXPECT_EQ(r->polygons().size(), r->gaps ? 2u : 1u);
}

TEST_F(GeneratedProject, ACancelledPlanIsACancelledErrorNamingTheProject)
{
    ASSERT_NE(data_, nullptr);
    const Feedback f;
    f.cancel();
    planning::PlanRequest q;
    q.role = Role::village_service_station;
    q.solve.new_sites = 5;
    const auto r = planning::run_plan(*project_, data_->layers, q, f);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().cancelled);
    EXPECT_EQ(r.error().message, "已取消选址计算");
    EXPECT_EQ(r.error().file, project_->file);
}

}  // namespace
}  // namespace coopmap::analysis
