// paint_choropleth, the 专题图 of a page drawn without the QML scene (the year report's): on the
// sample, each big enough township's inner point shows its class colour where the function says
// it drew that point, and the legend beside the map shows every class's colour.
#include <gtest/gtest.h>

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <cmath>

#include "analysis/project_data.h"
#include "analysis/thematic.h"
#include "present/choropleth_paint.h"

namespace coopmap::present {
namespace {

bool same_color(QRgb p, const QColor& c, int tolerance = 4)
{
    return std::abs(qRed(p) - c.red()) <= tolerance && std::abs(qGreen(p) - c.green()) <= tolerance &&
           std::abs(qBlue(p) - c.blue()) <= tolerance;
}

int count_color(const QImage& image, const QRect& area, const QColor& c)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) n += same_color(image.pixel(x, y), c, 1);
    return n;
}

TEST(ChoroplethPaint, SampleTownshipsInTheirClassColourAndTheLegendBeside)
{
    const auto project = read_project(COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap");
    ASSERT_TRUE(project.ok()) << project.error().text();
    const auto data = analysis::load_project(*project);
    ASSERT_TRUE(data.ok()) << data.error().text();
    analysis::ThematicRequest q;
    q.method = analysis::BreakMethod::quantile;
    q.classes = 4;
    const auto m = analysis::run_thematic(*project, data->layers, q);
    ASSERT_TRUE(m.ok()) << m.error().text();
    const Layer& towns = data->layers[m->layer_index];

    QImage image(1600, 1000, QImage::Format_RGB32);
    image.fill(Qt::white);
    const QRectF frame(40, 40, 1520, 920);
    PaintedChoropleth painted;
    {
        QPainter p(&image);
        painted = paint_choropleth(p, frame, towns, *m, 18);
    }
    int checked = 0, same = 0;
    for (const auto& u : m->units) {
        const Bounds b = towns.feature_bounds(u.feature);
        const QPointF lo = painted.pixel(b.min_x, b.min_y), hi = painted.pixel(b.max_x, b.max_y);
        if (std::abs(hi.x() - lo.x()) < 24 || std::abs(hi.y() - lo.y()) < 24) continue;
        const QPointF at = painted.pixel(u.anchor_lon, u.anchor_lat);
        ASSERT_TRUE(frame.contains(at)) << u.name;
        const QColor want(QString::fromStdString(u.value ? m->colors[u.cls] : "#d9d9d9"));
        const QRgb got = image.pixel(static_cast<int>(std::floor(at.x())), static_cast<int>(std::floor(at.y())));
        ++checked;
        same += same_color(got, want);
        EXPECT_TRUE(same_color(got, want))
            << u.name << " is " << QColor(got).name().toStdString() << ", class " << want.name().toStdString();
    }
    EXPECT_GE(checked, 80);  // of the sample's 130 townships
    // The legend: the right 30% of the frame holds a swatch of every class colour.
    const QRect legend(static_cast<int>(frame.left() + frame.width() * 0.7), static_cast<int>(frame.top()),
                       static_cast<int>(frame.width() * 0.3), static_cast<int>(frame.height()));
    for (const auto& c : m->colors) EXPECT_GT(count_color(image, legend, QColor(QString::fromStdString(c))), 150) << c;
}

}  // namespace
}  // namespace coopmap::present

int main(int argc, char** argv)
{
    // Text on a QImage needs a QGuiApplication; no screen is needed.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
