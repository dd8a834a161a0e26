// The routes of the last run, one row per vehicle route, for the routes panel: depot, vehicle,
// colour (the map's, route_palette.h), stops, km, minutes, cost and what it loads.
#pragma once

#include <QAbstractListModel>
#include <QColor>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "analysis/routing/route_run.h"

namespace coopmap::app {

class RouteListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 RoutesController 提供")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

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

    explicit RouteListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return rowCount(); }

    // The rows of `result`; the same number of routes changes them in place (a drag step).
    void reset(const analysis::routing::RouteResult& result);
    void clear();
    const Row* row(int i) const { return i >= 0 && i < count() ? &rows_[std::size_t(i)] : nullptr; }

signals:
    void countChanged();

private:
    std::vector<Row> rows_;
};

}  // namespace coopmap::app
