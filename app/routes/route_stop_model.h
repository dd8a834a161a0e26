// Stops for the routes panel, one row each: the stops of the selected route in driving order
// (arrival, departure, load after the stop, km from the last) or the stops no vehicle could
// take, with the reason.
#pragma once

#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "analysis/routing/route_run.h"
#include "models/row_list_model.h"

namespace coopmap::app {

class RouteStopModel : public RowListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 RoutesController 提供")

public:
    enum Roles {
        StopRole = Qt::UserRole + 1,  // index of the stop in the run (what moveStop takes)
        SeqRole,  // 1-based order on the route; 0 when unserved
        CodeRole,
        NameRole,
        ArrivalRole,  // "08:35"
        DepartureRole,
        WindowRole,  // "08:00-11:00" or ""
        LoadRole,  // on board after the stop: "96 件"
        KmRole,  // from the previous stop
        ReasonRole,  // why unserved
    };
    struct Row {
        int stop = 0, seq = 0;
        QString code, name, arrival, departure, window, load, reason;
        double km = 0;
    };

    using RowListModel::RowListModel;

    QHash<int, QByteArray> roleNames() const override;

    // The stops of result.routes[route] (none when route is out of range).
    void showRoute(const analysis::routing::RouteResult& result, int route);
    void showUnserved(const analysis::routing::RouteResult& result);
    void clear() { set({}); }
    Q_INVOKABLE int stopAt(int row) const { return row >= 0 && row < count() ? rows_[std::size_t(row)].stop : -1; }

private:
    std::size_t size() const override { return rows_.size(); }
    QVariant value(std::size_t row, int role) const override;
    void set(std::vector<Row> rows);
    std::vector<Row> rows_;
};

}  // namespace coopmap::app
