// Frames per second while panning, side by side in one run (bench/RESULTS.md):
//   1. CoopMap's layer items: 500,000 village points + 5,000 coverage polygons, then peak RSS;
//   2. CoopMap's layer items: 20,000 points;
//   3. the plain Qt Location way: MapItemView + MapQuickItem delegates, the same 20,000 points.
// Run under Xvfb for OpenGL (llvmpipe):  map_fps [seconds per phase] [synced|swapped]
// (when the next camera is pushed; see measure() and bench/RESULTS.md). Memory by phase.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickWindow>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>

#include "map/raster_item.h"
#include "project/project_controller.h"

Q_IMPORT_QML_PLUGIN(CoopMap_BackendPlugin)
Q_IMPORT_QML_PLUGIN(CoopMapPlugin)

namespace {

// Points spread over China's extent (73–135 E, 18–53 N), deterministic.
void write_points(const QString& file, int n)
{
    std::ofstream out(file.toStdString());
    out << "lon,lat,name\n";
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(100.0, 122.0), lat(22.0, 40.0);
    for (int i = 0; i < n; ++i) out << lon(rng) << ',' << lat(rng) << ",v" << i << '\n';
}

// Circles of 5 km (32 vertices) as GeoJSON polygons.
void write_polygons(const QString& file, int n)
{
    std::ofstream out(file.toStdString());
    out << R"({"type":"FeatureCollection","features":[)";
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lon(100.0, 122.0), lat(22.0, 40.0);
    for (int i = 0; i < n; ++i) {
        const double cx = lon(rng), cy = lat(rng), r = 0.05;
        out << (i ? "," : "") << R"({"type":"Feature","properties":{"name":"c)" << i
            << R"("},"geometry":{"type":"Polygon","coordinates":[[)";
        for (int k = 0; k <= 32; ++k) {
            const double a = 2 * M_PI * (k % 32) / 32;
            out << (k ? "," : "") << '[' << cx + r * std::cos(a) << ',' << cy + r * std::sin(a) << ']';
        }
        out << "]]}}";
    }
    out << "]}";
}

void write_project(const QString& file, const QString& points, const QString& polygons)
{
    QFile f(file);
    f.open(QIODevice::WriteOnly);
    QString json = QStringLiteral(R"({"version":1,"name":"bench","layers":[)");
    if (!polygons.isEmpty())
        json += QStringLiteral(R"({"id":"coverage","source":"%1","role":"coverage","fields":{"name":"name"}},)")
                    .arg(polygons);
    json +=
        QStringLiteral(
            R"({"id":"villages","source":"%1","role":"village","crs":"EPSG:4326","fields":{"name":"name"}}],)"
            R"("styles":{"village":{"color":"#8d7b68","size":4},"coverage":{"color":"#4fc3f7","outline":"#0288d1","width":1,"opacity":0.4}},)"
            R"("view":{"center":[111,31],"zoom":7}})")
            .arg(points);
    f.write(json.toUtf8());
}

// A line of /proc/self/status in kB: "VmHWM" (peak resident set) or "VmRSS" (now).
long status_kb(const char* key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    f.open(QIODevice::ReadOnly);
    const QByteArray wanted = QByteArray(key) + ':';
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(wanted)) return line.mid(wanted.size()).trimmed().split(' ').first().toLong();
    return -1;
}
long peak_rss_kb() { return status_kb("VmHWM"); }

// Where memory goes: resident now and peak so far, after each phase.
void memory_phase(const char* what)
{
    std::printf("  memory %-50s RSS %7.1f MB, peak %7.1f MB\n", what, status_kb("VmRSS") / 1024.0,
                status_kb("VmHWM") / 1024.0);
    std::fflush(stdout);
}

const char* kQml = R"(
import QtQuick
import QtLocation
import QtPositioning
import CoopMap.Backend
Window {
    width: 1280; height: 800; visible: true
    property alias map: view.map
    property bool plain: false
    property var points: []
    MapView {
        id: view
        anchors.fill: parent
        // No basemap for either map: Qt Location's "itemsoverlay" plugin draws no tiles, so the
        // frames measure the layers, not the osm plugin failing to reach tile servers offline.
        map.plugin: Plugin { name: "itemsoverlay" }
        map.color: "#eef1ec"
        map.copyrightsVisible: false
        map.center: QtPositioning.coordinate(31, 111)
        map.zoomLevel: 7
        MapItemView {
            parent: view.map
            model: plain ? points : []
            delegate: MapQuickItem {
                required property var modelData
                coordinate: modelData
                anchorPoint.x: 2; anchorPoint.y: 2
                sourceItem: Rectangle { width: 4; height: 4; radius: 2; color: "#8d7b68" }
            }
        }
    }
    Repeater {
        model: plain ? null : controller.layers
        delegate: NetworkLayerItem {
            required property int index
            required property color fillColor
            required property color outlineColor
            required property real layerOpacity
            required pointSize
            required lineWidth
            anchors.fill: parent
            project: controller; layerIndex: index
            center: view.map.center; zoomLevel: view.map.zoomLevel
            color: fillColor; outline: outlineColor; opacity: layerOpacity
        }
    }
}
)";

}  // namespace

int main(int argc, char** argv)
{
    // No vsync for either map, so neither is capped at the display's 60 Hz.
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setSwapInterval(0);
    QSurfaceFormat::setDefaultFormat(format);
    coopmap::app::ProjectController::limitHeapGrowth();  // as the app's main() does
    QGuiApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 5.0;
    QTemporaryDir dir;
    const QString big = dir.filePath(QStringLiteral("big.coopmap")),
                  small = dir.filePath(QStringLiteral("small.coopmap"));
    write_points(dir.filePath(QStringLiteral("p500k.csv")), 500000);
    write_points(dir.filePath(QStringLiteral("p20k.csv")), 20000);
    write_polygons(dir.filePath(QStringLiteral("cov.geojson")), 5000);
    write_project(big, QStringLiteral("p500k.csv"), QStringLiteral("cov.geojson"));
    write_project(small, QStringLiteral("p20k.csv"), {});

    coopmap::app::ProjectController controller;
    QQmlApplicationEngine engine;
    engine.rootContext()->setContextProperty(QStringLiteral("controller"), &controller);
    engine.loadData(kQml);
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().value(0));
    if (!window) return 2;
    QObject* map = window->property("map").value<QObject*>();

    // Pans 3 px per frame (a steady drag) and counts the frames shown in `seconds`. The next
    // camera is pushed as soon as the GUI thread is free for it: when the render thread has
    // taken the last frame's scene (afterSynchronizing, "synced", the default), so the next
    // frame's GUI work overlaps this frame's drawing, as a real drag's mouse events do; or
    // only once the last frame is on screen (frameSwapped, "swapped"). Both maps alike.
    const bool after_swap = argc > 2 && std::strcmp(argv[2], "swapped") == 0;
    const auto measure = [&](const char* what) {
        std::atomic<int> frames = 0;
        std::atomic<qint64> counted_frames = -1, counted_ms = 0;
        QElapsedTimer clock;
        QEventLoop loop;
        const auto pan = [&] {
            QMetaObject::invokeMethod(map, "pan", Qt::QueuedConnection, Q_ARG(int, 3), Q_ARG(int, 1));
        };
        auto counted = QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [&] {
                if (frames++ == 0) clock.start();
                if (after_swap) pan();
                if (counted_frames < 0 && clock.elapsed() >= seconds * 1000) {
                    counted_ms = clock.elapsed();
                    counted_frames = frames - 1;
                    QMetaObject::invokeMethod(&loop, "quit", Qt::QueuedConnection);
                }
            },
            Qt::DirectConnection);
        QMetaObject::Connection driven;
        if (!after_swap)
            driven = QObject::connect(window, &QQuickWindow::afterSynchronizing, window, pan, Qt::DirectConnection);
        pan();
        loop.exec();
        QObject::disconnect(counted);
        QObject::disconnect(driven);
        const double fps = static_cast<double>(counted_frames) / (static_cast<double>(counted_ms) / 1000.0);
        std::printf("%-58s %8.1f frames/s\n", what, fps);
        std::fflush(stdout);
        QCoreApplication::processEvents();  // the last queued pans
        return fps;
    };
    // Until every layer item shows its picture of the current camera.
    const auto wait_drawn = [&] {
        QElapsedTimer clock;
        clock.start();
        do {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        } while ((clock.elapsed() < 300 || !coopmap::app::RasterItem::allSettled(window)) && clock.elapsed() < 60000);
    };
    const auto open = [&](const QString& file) {
        QEventLoop loop;
        auto c = QObject::connect(&controller, &coopmap::app::ProjectController::finished, &loop, &QEventLoop::quit);
        QElapsedTimer clock;
        clock.start();
        controller.open(file);
        loop.exec();
        QObject::disconnect(c);
        if (!controller.errorText().isEmpty()) std::fprintf(stderr, "%s\n", qUtf8Printable(controller.errorText()));
        const qint64 loaded = clock.elapsed();
        wait_drawn();
        std::printf("  opened %s: read in %.2f s, first picture %.2f s later\n",
                    qUtf8Printable(QFileInfo(file).fileName()), loaded / 1000.0, (clock.elapsed() - loaded) / 1000.0);
    };

    std::printf("platform %s, scene graph %s, 1280x800, pan 3 px/frame, %.0f s per phase, next camera after %s\n",
                qUtf8Printable(QGuiApplication::platformName()),
                window->rendererInterface()->graphicsApi() == QSGRendererInterface::Software ? "software"
                                                                                             : "OpenGL/RHI",
                seconds, after_swap ? "frameSwapped" : "afterSynchronizing");
    wait_drawn();
    memory_phase("window shown, nothing loaded");
    open(big);
    memory_phase("500,000 points + 5,000 polygons loaded and drawn");
    const double big_fps = measure("CoopMap layer items, 500,000 points + 5,000 polygons");
    memory_phase("after panning them");
    std::printf("%-58s %8.1f MB\n", "peak RSS with those loaded and shown", peak_rss_kb() / 1024.0);
    open(small);
    const double mine = measure("CoopMap layer items, 20,000 points");
    QVariantList points;
    for (const auto& e : controller.layers()->entries())
        for (std::size_t i = 0; i < e.layer->size(); ++i)
            points.push_back(QVariant::fromValue(QGeoCoordinate(e.layer->first_y(i), e.layer->first_x(i))));
    window->setProperty("points", points);
    window->setProperty("plain", true);
    wait_drawn();
    const double plain = measure("MapItemView + MapQuickItem, 20,000 points");
    std::printf("ratio at 20,000 points: %.1fx; 500k target >= 30 frames/s: %s\n", mine / plain,
                big_fps >= 30 ? "met" : "NOT met");
    return 0;
}
