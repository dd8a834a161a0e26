// `coopmap --render`: the window that users see, saved to a PNG without a screen.
#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <cstdlib>
#include <filesystem>

#include "model/project.h"
#include "run_process.h"

namespace coopmap::test {
namespace {

const std::string kGui = COOPMAP_GUI;
const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";

// Pixels within `tolerance` steps of a colour per channel (textures and blending round;
// antialiased outlines only reach their colour in the middle of the stroke).
int count_pixels(const QImage& image, QColor color, int tolerance = 3)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            n += std::abs(qRed(p) - color.red()) <= tolerance && std::abs(qGreen(p) - color.green()) <= tolerance &&
                 std::abs(qBlue(p) - color.blue()) <= tolerance;
        }
    return n;
}

class Render : public ::testing::Test {
protected:
    void SetUp() override
    {
        dir_ = std::filesystem::temp_directory_path() /
               ("coopmap-render-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
};

TEST_F(Render, NoProjectRendersTheSampleWithBoundariesAndVillages)
{
    const auto png = (dir_ / "map.png").string();
    const auto r = run_process(kGui, {"--render", png, "--size", "1200x800"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("villages 2817"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(png), std::string::npos) << r.out;

    const QImage image(QString::fromStdString(png));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), 1200);
    EXPECT_EQ(image.height(), 800);

    // The colours come from the project's own styles.
    const auto project = read_project(kSample);
    ASSERT_TRUE(project.ok()) << project.error().text();
    for (const auto& layer : project->layers) {
        const Style* style = project->style_for(layer);
        ASSERT_NE(style, nullptr) << layer.id;
        if (layer.id == "villages") {
            EXPECT_GT(count_pixels(image, QColor(QString::fromStdString(style->color))), 2000) << layer.id;
        }
        if (layer.id == "counties") {
            EXPECT_GT(count_pixels(image, QColor(QString::fromStdString(style->outline)), 16), 600) << layer.id;
        }
    }
}

TEST_F(Render, MissingProjectFailsWithItsNameAndWritesNoImage)
{
    const auto png = (dir_ / "map.png").string();
    const auto r = run_process(kGui, {"/nonexistent/other.coopmap", "--render", png});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("/nonexistent/other.coopmap"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(png));
}

}  // namespace
}  // namespace coopmap::test
