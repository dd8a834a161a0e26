// The routes of the last run, one row per vehicle route, for the routes panel: depot, vehicle,
// colour (the map's, route_palette.h), stops, km, minutes, cost and what it loads.
#pragma once

#include <QColor>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "analysis/routing/route_run.h"
#include "map/route_palette.h"
#include "models/row_list_model.h"

namespace coopmap::app {

class RouteListModel : public RowListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 RoutesController 提供")

public:
    enum Roles {
        LabelRole = Qt::UserRole + 1,  // 襄州区集采集配中心 2 号车
        DepotRole,  // the depot's name
        DepotIndexRole,
        VehicleRole,
        ColorRole,
        StopsRole,
        KmRole,
        MinutesRole,
        CostRole,
        LoadRole,  // loaded at the depot: "120 件"
        TimesRole,  // "07:40–12:05"
    };
    struct Row {
        QString label, depot, load, times;
        int depotIndex = 0, vehicle = 0, stops = 0;
        QColor color;
        double km = 0, minutes = 0, cost = 0;
    };

    using RowListModel::RowListModel;

    QHash<int, QByteArray> roleNames() const override;

    // The rows of `result` in the colours `palette` gave its routes (the map's); the same
    // number of routes changes them in place (a drag step).
    void reset(const analysis::routing::RouteResult& result, const RoutePalette& palette);
    void clear();
    const Row* row(int i) const { return i >= 0 && i < count() ? &rows_[std::size_t(i)] : nullptr; }
    // A row's label and colour (empty, invalid when there is no such row), e.g. for the panel's test.
    Q_INVOKABLE QString labelAt(int i) const { return row(i) ? row(i)->label : QString(); }
    Q_INVOKABLE QColor colorAt(int i) const { return row(i) ? row(i)->color : QColor(); }

private:
    std::size_t size() const override { return rows_.size(); }
    QVariant value(std::size_t row, int role) const override;
    std::vector<Row> rows_;
};

}  // namespace coopmap::app
