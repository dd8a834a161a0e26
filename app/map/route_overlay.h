// The routes a map shows (issue 18), shared by the map items that draw them: the routes panel's
// controller sets them after every run and edit; a printed map (coopmap-cli render --routes)
// reads them from a routes GeoPackage.
#pragma once

#include <QColor>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <memory>

#include "map/route_drawing.h"

namespace coopmap::app {

class RouteOverlay : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // A GeoPackage written by coopmap-cli routes --out; "" keeps what was set from C++.
    Q_PROPERTY(QString file READ file WRITE setFile NOTIFY fileChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    // Routes drawn (0 when none).
    Q_PROPERTY(int routeCount READ routeCount NOTIFY changed)
    // The route drawn wider and on top, -1: none.
    Q_PROPERTY(int selected READ selected WRITE setSelected NOTIFY changed)

public:
    explicit RouteOverlay(QObject* parent = nullptr);

    QString file() const { return file_; }
    void setFile(const QString& file);
    QString errorText() const { return error_; }
    int routeCount() const { return drawing_ ? static_cast<int>(drawing_->lines.size()) : 0; }
    int selected() const { return drawing_ ? drawing_->selected : -1; }
    void setSelected(int route);
    // The colour route `route` is drawn in (invalid when there is no such route).
    Q_INVOKABLE QColor routeColor(int route) const
    {
        return drawing_ && route >= 0 && route < routeCount() ? drawing_->lines[std::size_t(route)].color : QColor();
    }

    void setDrawing(std::shared_ptr<RouteDrawing> drawing);
    void clear() { setDrawing(nullptr); }
    // What a map item draws; null: nothing. Never changed once handed out (a copy is made).
    std::shared_ptr<const RouteDrawing> drawing() const { return drawing_; }

signals:
    void fileChanged();
    void changed();

private:
    QString file_;
    QString error_;
    std::shared_ptr<const RouteDrawing> drawing_;
};

}  // namespace coopmap::app
