// A printed map: the print layout (qml/present/PrintLayout.qml: title, the project's
// NetworkMap, legend, scale bar, north arrow, date and data-source line) drawn off-screen
// at a paper size and DPI, through the map's own WindowSnapshot. Needs a QGuiApplication
// made by offscreen_application() with the paper's scale.
#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QImage>
#include <QList>
#include <QPoint>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

#include "analysis/thematic.h"
#include "model/error.h"
#include "model/layer.h"
#include "model/project.h"
#include "paper.h"

namespace coopmap::present {

// A layer drawn over the project's (ProjectController::showResult): drawn and in the legend.
struct ResultLayer {
    QString id;
    QString title;
    Role role = Role::village_cooperative;
    Layer layer;
    Style style;
};

struct PrintRequest {
    QString project;  // *.coopmap
    QString bookmark;  // a bookmark's name; empty: the project's view
    Paper paper;
    std::optional<Bounds> fit;  // lon/lat box to fit in the map instead of any view
    QString title;  // empty: the project's name
    std::vector<ResultLayer> results;  // on top of the project's layers, in this order
    QString routes;  // a routes GeoPackage (coopmap-cli routes --out) drawn on top; empty: none
    // A 专题图 (analysis::run_thematic on the project) drawn over its boundary layer and listed
    // first in the legend, its classes as LegendMarks "theme:<class>".
    std::optional<analysis::ThematicRequest> theme;
    QStringList hidden;  // layer ids not drawn (besides a bookmark's)
    bool labels = true;  // false: no names on the map (for pixel checks)
};

// Where the legend put a layer's symbol, in image pixels, and the colour it was drawn with.
struct LegendMark {
    QString layerId;
    QString title;
    QString kind;  // point | line | polygon
    QColor color;
    QPoint pixel;
};

struct PrintedMap {
    QImage image;  // exactly paper.width_px() x paper.height_px(), dots per metre set
    QList<LegendMark> legend;
    QString summary;  // the project's one-line summary
    // Where the map is in the image (pixels) and its camera: a coordinate's pixel is
    // frame.center() + (unit Mercator - centre's) * 256 * 2^zoom * the paper's scale.
    QRectF frame;
    double center_lon = 0, center_lat = 0, zoom = 0;
    std::optional<analysis::ThematicMap> theme;  // the map drawn, with request.theme
};

// The QGuiApplication for drawing off-screen at `scale` image pixels per layout pixel
// (QT_SCALE_FACTOR; the map's layers draw at the window's device pixel ratio). Uses the
// offscreen platform unless QT_QPA_PLATFORM says otherwise; sets the CJK font.
std::unique_ptr<QGuiApplication> offscreen_application(double scale);

// Draws the map; errors name the project file (and the bookmark when it is not there).
Result<PrintedMap> print_map(const PrintRequest& request);

// Saves a PNG write-then-rename, so a failed save leaves nothing half written.
Status save_png(const QImage& image, const QString& path);

// "数据来源：xiangyang.gpkg；项目 xiangyang.coopmap": the files the layers come from.
QString data_source_line(const Project& project);
// "制图日期：2025年5月1日".
QString date_line();

}  // namespace coopmap::present
