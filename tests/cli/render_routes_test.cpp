// `coopmap-cli render --routes`: the delivery routes `coopmap-cli routes --out` wrote, drawn on
// the printed map in the routes' palette (app/map/route_palette.cpp's ten colours) with the
// depots' dark squares, and a routes file that cannot be read is an error, not a map without
// routes.
#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "run_process.h"
#include "temp_dir.h"

namespace coopmap::test {
namespace {

const std::string kCli = COOPMAP_CLI;
const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";

int near_color(const QImage& image, const QColor& c, int tolerance = 6)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            n += std::abs(qRed(p) - c.red()) <= tolerance && std::abs(qGreen(p) - c.green()) <= tolerance &&
                 std::abs(qBlue(p) - c.blue()) <= tolerance;
        }
    return n;
}

TEST(RenderRoutes, TheRoutesAreOnTheMapInTheirColours)
{
    TempDir dir("coopmap-render-routes");
    const auto gpkg = dir.file("routes.gpkg");
    auto routes = run_process(kCli, {"routes", kSample, "--stops", "township_supermarket,village_service_station",
                                     "--iterations", "200", "--out", gpkg});
    ASSERT_EQ(routes.exit_code, 0) << routes.err;
    // The 襄州区 bookmark: one county's centre and its routes at a readable scale.
    const auto with = dir.file("with.png"), without = dir.file("without.png");
    auto r = run_process(kCli, {"render", kSample, "--bookmark", "襄州区", "--paper", "A4", "--dpi", "100", "--routes",
                                gpkg, "--out", with});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_process(kCli,
                    {"render", kSample, "--bookmark", "襄州区", "--paper", "A4", "--dpi", "100", "--out", without});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const QImage a(QString::fromStdString(with)), b(QString::fromStdString(without));
    ASSERT_FALSE(a.isNull());
    ASSERT_EQ(a.size(), b.size());
    int routed = 0, plain = 0;
    for (const char* c : {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d", "#1f78b4", "#253494",
                          "#6a3d9a", "#b15928"}) {
        routed += near_color(a, QColor(c));
        plain += near_color(b, QColor(c));
    }
    EXPECT_GT(routed, plain + 2000) << routed << " vs " << plain;
    // The depots: dark squares (#212121) the map has none of without routes.
    EXPECT_GT(near_color(a, QColor("#212121"), 4), 40);
}

TEST(RenderRoutes, AFileThatIsNotRoutesIsAnError)
{
    TempDir dir("coopmap-render-routes");
    const auto out = dir.file("map.png");
    const auto r = run_process(kCli, {"render", kSample, "--paper", "A4", "--dpi", "72", "--routes",
                                      COOPMAP_SOURCE_DIR "/geodata/xiangyang.gpkg", "--out", out});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("xiangyang.gpkg"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("coopmap-cli routes"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

}  // namespace
}  // namespace coopmap::test
