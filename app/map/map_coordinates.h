// The numbers under the cursor and on the scale bar: WGS84 degrees, CGCS2000 3-degree
// Gauss–Krüger metres and geodesic distances, both computed by the engine (layers/crs, analysis).
#pragma once

#include <QGeoCoordinate>
#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <memory>

#include "crs/gauss_kruger.h"

namespace coopmap::app {

class MapCoordinates : public QObject {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit MapCoordinates(QObject* parent = nullptr);
    ~MapCoordinates() override;

    // "112.12345°E 32.12345°N"
    Q_INVOKABLE QString wgs84Text(const QGeoCoordinate& c) const;
    // "CGCS2000 3°带 111°E  X 3552345.6  Y 487654.3", X north, Y east as surveyors write them.
    Q_INVOKABLE QString gaussKrugerText(const QGeoCoordinate& c);
    // {x, y, centralMeridian, epsg} for tests; {} outside the 3-degree zones PROJ defines.
    Q_INVOKABLE QVariantMap gaussKruger(const QGeoCoordinate& c);
    // A scale bar for a span of the map: `left`/`right` are `pixels` apart on screen; the
    // bar takes the longest round length (1, 2, 5 × 10^n m) that fits in `maxPixels`.
    // Returns {pixels, text}.
    Q_INVOKABLE QVariantMap scaleBar(const QGeoCoordinate& left, const QGeoCoordinate& right, double pixels,
                                     double maxPixels) const;

private:
    std::unique_ptr<crs::GaussKruger> gauss_kruger_;
};

}  // namespace coopmap::app
