#include "map_print.h"

#include <QDate>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QGeoCoordinate>
#include <QPainter>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStringList>
#include <cmath>
#include <numbers>
#include <set>

#include "analysis/thematic_controller.h"
#include "io/atomic_write.h"
#include "map/route_drawing.h"
#include "project/project_controller.h"
#include "render/window_snapshot.h"

namespace coopmap::present {

namespace {

constexpr double kMetresPerInch = 0.0254;
// Share of the map frame the fitted box may fill, so that its edge is not on the frame.
constexpr double kFitMargin = 0.92;
// Web Mercator tile size: a zoom level z world is 256 * 2^z pixels wide (Qt Location's).
constexpr double kTileSize = 256;

Error print_error(const QString& file, const std::string& message)
{
    return Error{.file = file.toStdString(), .layer = {}, .feature = {}, .message = message};
}

double mercator_y(double lat)
{
    const double phi = lat * std::numbers::pi / 180;
    return 0.5 - std::log(std::tan(std::numbers::pi / 4 + phi / 2)) / (2 * std::numbers::pi);
}

double mercator_lat(double y) { return std::atan(std::sinh(std::numbers::pi * (1 - 2 * y))) * 180 / std::numbers::pi; }

}  // namespace

std::unique_ptr<QGuiApplication> offscreen_application(double scale)
{
    static int argc = 1;
    static char name[] = "coopmap-cli";
    static char* argv[] = {name, nullptr};
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_SCALE_FACTOR", QByteArray::number(scale, 'g', 12));
    // 300 dpi is 3.125 layout pixels per pixel: keep the fraction, do not round it to 3.
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    auto app = std::make_unique<QGuiApplication>(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("CoopMap"));
    QGuiApplication::setOrganizationName(QStringLiteral("CoopMap"));
    // Chinese names need a CJK font whatever the system's default is (fonts-noto-cjk).
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(14);
    QGuiApplication::setFont(font);
    return app;
}

QString data_source_line(const Project& project)
{
    QStringList files;
    std::set<QString> seen;
    for (const auto& l : project.layers) {
        const QString src = QString::fromStdString(l.source);
        const QString shown =
            src.startsWith(QLatin1String("PG:")) ? QStringLiteral("PostGIS") : QFileInfo(src).fileName();
        if (seen.insert(shown).second) files << shown;
    }
    return QStringLiteral("数据来源：%1（项目文件 %2）")
        .arg(files.join(QStringLiteral("、")), QFileInfo(QString::fromStdString(project.file)).fileName());
}

QString date_line()
{
    const QDate d = QDate::currentDate();
    return QStringLiteral("制图日期：%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day());
}

Status save_png(const QImage& image, const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    return io::write_file_atomically(path.toStdString(), [&](const std::string& temp) -> Status {
        if (image.isNull() || !image.save(QString::fromStdString(temp), "PNG"))
            return print_error(path, "无法写入图片：请检查目录是否存在且可写");
        return Done{};
    });
}

Result<PrintedMap> print_map(const PrintRequest& request)
{
    const auto project = read_project(request.project.toStdString());
    if (!project) return project.error();
    const Bookmark* bookmark = nullptr;
    if (!request.bookmark.isEmpty()) {
        QStringList names;
        for (const auto& b : project->bookmarks) {
            names << QString::fromStdString(b.name);
            if (QString::fromStdString(b.name) == request.bookmark) bookmark = &b;
        }
        if (!bookmark)
            return print_error(request.project,
                               QStringLiteral("项目中没有名为「%1」的书签：可用的书签有 %2")
                                   .arg(request.bookmark,
                                        names.isEmpty() ? QStringLiteral("（无）") : names.join(QStringLiteral("、")))
                                   .toStdString());
    }
    QStringList hidden;
    if (bookmark && !bookmark->layers.empty()) {
        std::set<std::string> shown(bookmark->layers.begin(), bookmark->layers.end());
        for (const auto& id : bookmark->layers) {
            bool known = false;
            for (const auto& l : project->layers) known = known || l.id == id;
            if (!known)
                return Error{.file = project->file,
                             .layer = id,
                             .feature = "bookmarks/" + bookmark->name,
                             .message = "书签中的图层不在项目中：请在项目文件中改正该书签的 layers"};
        }
        for (const auto& l : project->layers)
            if (!shown.contains(l.id)) hidden << QString::fromStdString(l.id);
    }
    for (const QString& id : request.hidden) {
        bool known = false;
        QStringList ids;
        for (const auto& l : project->layers) {
            known = known || QString::fromStdString(l.id) == id;
            ids << QString::fromStdString(l.id);
        }
        if (!known)
            return print_error(request.project, QStringLiteral("项目中没有图层「%1」：可隐藏的图层有 %2")
                                                    .arg(id, ids.join(QStringLiteral("、")))
                                                    .toStdString());
        if (!hidden.contains(id)) hidden << id;
    }

    // Read once here so that a bad routes file is an error, not a map without routes.
    if (!request.routes.isEmpty())
        if (auto routes = app::read_route_drawing(request.routes.toStdString()); !routes) return routes.error();

    const Paper& paper = request.paper;
    const double s = paper.scale();
    const int logical_w = static_cast<int>(std::ceil(paper.width_px() / s));
    const int logical_h = static_cast<int>(std::ceil(paper.height_px() / s));

    app::ProjectController controller;
    // Made before the engine's page, which holds it, and told of the project first, so that its
    // own clear on opening runs before the map below is set.
    app::ThematicController thematic;
    thematic.setProject(&controller);
    QQmlApplicationEngine engine;
    engine.setInitialProperties({
        {QStringLiteral("controller"), QVariant::fromValue(&controller)},
        {QStringLiteral("thematic"), QVariant::fromValue(request.theme ? &thematic : nullptr)},
        {QStringLiteral("pageWidth"), logical_w},
        {QStringLiteral("pageHeight"), logical_h},
        {QStringLiteral("mapTitle"), request.title.isEmpty() ? QString::fromStdString(project->name) : request.title},
        {QStringLiteral("caption"), bookmark ? QString::fromStdString(bookmark->caption) : QString()},
        {QStringLiteral("dateText"), date_line()},
        {QStringLiteral("sourceText"), data_source_line(*project)},
        {QStringLiteral("routesFile"), request.routes},
    });
    engine.loadFromModule("CoopMap", "PrintLayout");
    auto* window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (!window) return print_error(request.project, "无法创建打印版面（CoopMap PrintLayout）：请重新安装 CoopMap");

    // WindowSnapshot writes the picture where asked; it is then cut to the paper's exact size.
    const QString snap =
        QDir::temp().filePath(QStringLiteral("coopmap-print-%1.png").arg(QCoreApplication::applicationPid()));
    app::WindowSnapshot snapshot(window, &controller, snap);
    snapshot.setHidden(hidden);
    snapshot.setLabels(request.labels);
    // The caller reports: a failure comes back as the error below, success as its own line.
    snapshot.setQuiet(true);
    // In the GUI the page is a second window: keep it off the user's screen.
    if (QGuiApplication::platformName() != QLatin1String("offscreen"))
        window->setPosition(-4 * logical_w, -4 * logical_h);
    window->show();
    // The frame's size is known once the shown window has laid its page out.
    QCoreApplication::processEvents();
    // Items of a Window's QML are QObject children of the window or of its content item.
    auto* map_item = window->findChild<QQuickItem*>(QStringLiteral("networkMap"));
    if (!map_item) map_item = window->contentItem()->findChild<QQuickItem*>(QStringLiteral("networkMap"));
    const auto fit_view = [&](const Bounds& b) {
        const double w = map_item && map_item->width() > 1 ? map_item->width() : logical_w * 0.6;
        const double h = map_item && map_item->height() > 1 ? map_item->height() : logical_h * 0.7;
        const double dx = (b.max_x - b.min_x) / 360, dy = mercator_y(b.min_y) - mercator_y(b.max_y);
        const double zoom =
            std::log2(std::min(w * kFitMargin / std::max(dx, 1e-9), h * kFitMargin / std::max(dy, 1e-9)) / kTileSize);
        return View{(b.min_x + b.max_x) / 2, mercator_lat((mercator_y(b.min_y) + mercator_y(b.max_y)) / 2), zoom};
    };
    std::optional<View> camera;
    if (bookmark) camera = bookmark->view;
    else if (request.fit && !request.fit->empty()) camera = fit_view(*request.fit);
    QEventLoop loop;
    int code = 1;
    std::optional<Error> theme_error;
    QObject::connect(&snapshot, &app::WindowSnapshot::done, &loop, [&](int c) {
        code = c;
        loop.quit();
    });
    // After the project is open and before the snapshot's prepare() (queued by its own
    // handler of the same signal, connected first).
    QObject::connect(&controller, &app::ProjectController::finished, &loop, [&](bool ok) {
        if (!ok) return;
        for (const auto& r : request.results) controller.showResult(r.id, r.title, r.role, r.layer, r.style);
        if (request.theme) {
            // The engine's job, run here: the page waits for nothing else, and its picture is
            // taken once the map has drawn it.
            const auto data = controller.snapshot();
            auto theme = analysis::run_thematic(*data.project, *data.layers, *request.theme);
            if (!theme) {
                theme_error = theme.error();
                loop.quit();
                return;
            }
            // A 专题图 shows every one of its polygons, unless a bookmark or a box says where to look.
            if (!camera && !(*data.layers)[theme->layer_index].bounds().empty())
                camera = fit_view((*data.layers)[theme->layer_index].bounds());
            thematic.setMap(std::move(*theme));
        }
        // The page's camera replaces the project's (NetworkMap's own handler ran first), and
        // only then is the map shown, so that nothing is drawn or fetched for another view.
        QObject* m = map_item ? map_item->property("map").value<QObject*>() : nullptr;
        if (camera && m) {
            m->setProperty("center", QVariant::fromValue(QGeoCoordinate(camera->lat, camera->lon)));
            m->setProperty("zoomLevel", camera->zoom);
        }
        window->setProperty("mapShown", true);
    });
    controller.open(request.project);
    loop.exec();
    if (theme_error) {
        window->hide();
        QFile::remove(snap);
        return *theme_error;
    }
    if (code != 0) {
        QFile::remove(snap);
        return print_error(request.project,
                           controller.errorText().isEmpty() ? "无法绘制地图" : controller.errorText().toStdString());
    }

    PrintedMap out;
    const QImage grabbed(snap);
    QFile::remove(snap);
    out.image = QImage(paper.width_px(), paper.height_px(), QImage::Format_RGB32);
    out.image.fill(Qt::white);
    {
        // Off-screen the window's pixel ratio is the paper's scale and the picture is the
        // paper's size; in a window on a screen (the GUI's export) it is scaled up to it.
        QPainter p(&out.image);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        const QSize logical = QSize(logical_w, logical_h) * s;
        // The last row and column of a grab at a fractional pixel ratio are only partly
        // covered by the page and come out black; they are in the paper's white margin.
        const QRect inner(0, 0, grabbed.width() - 1, grabbed.height() - 1);
        if (std::abs(grabbed.width() - logical.width()) <= 2) p.drawImage(QPoint(0, 0), grabbed, inner);
        else p.drawImage(QRect(QPoint(0, 0), logical), grabbed, inner);
    }
    const int dpm = static_cast<int>(std::lround(paper.dpi / kMetresPerInch));
    out.image.setDotsPerMeterX(dpm);
    out.image.setDotsPerMeterY(dpm);
    out.summary = controller.summary();
    if (map_item) {
        const QRectF r = map_item->mapRectToScene(map_item->boundingRect());
        out.frame = QRectF(r.topLeft() * s, r.size() * s);
        if (QObject* m = map_item->property("map").value<QObject*>()) {
            const auto c = m->property("center").value<QGeoCoordinate>();
            out.center_lon = c.longitude();
            out.center_lat = c.latitude();
            out.zoom = m->property("zoomLevel").toDouble();
        }
    }
    if (thematic.map()) out.theme = *thematic.map();

    QVariant marks;
    QMetaObject::invokeMethod(window, "legendMarks", Q_RETURN_ARG(QVariant, marks));
    for (const QVariant& v : marks.toList()) {
        const QVariantMap m = v.toMap();
        out.legend.push_back(
            LegendMark{m.value(QStringLiteral("id")).toString(), m.value(QStringLiteral("title")).toString(),
                       m.value(QStringLiteral("kind")).toString(), m.value(QStringLiteral("color")).value<QColor>(),
                       QPoint(static_cast<int>(std::floor(m.value(QStringLiteral("x")).toDouble() * s)),
                              static_cast<int>(std::floor(m.value(QStringLiteral("y")).toDouble() * s)))});
    }
    window->hide();
    return out;
}

}  // namespace coopmap::present
