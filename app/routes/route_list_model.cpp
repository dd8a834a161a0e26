#include "route_list_model.h"

#include <QStringList>

namespace coopmap::app {

QVariant RouteListModel::value(std::size_t row, int role) const
{
    const Row* r = &rows_[row];
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole: return r->label;
    case DepotRole: return r->depot;
    case DepotIndexRole: return r->depotIndex;
    case VehicleRole: return r->vehicle;
    case ColorRole: return r->color;
    case StopsRole: return r->stops;
    case KmRole: return r->km;
    case MinutesRole: return r->minutes;
    case CostRole: return r->cost;
    case LoadRole: return r->load;
    case TimesRole: return r->times;
    default: return {};
    }
}

QHash<int, QByteArray> RouteListModel::roleNames() const
{
    return {{LabelRole, "label"},     {DepotRole, "depot"},      {DepotIndexRole, "depotIndex"},
            {VehicleRole, "vehicle"}, {ColorRole, "routeColor"}, {StopsRole, "stops"},
            {KmRole, "km"},           {MinutesRole, "minutes"},  {CostRole, "cost"},
            {LoadRole, "load"},       {TimesRole, "times"}};
}

void RouteListModel::reset(const analysis::routing::RouteResult& res, const RoutePalette& palette)
{
    std::vector<Row> rows;
    for (const auto& route : res.routes) {
        const auto& depot = res.depots[route.depot].site;
        Row r;
        r.depot = QString::fromStdString(depot.name);
        r.depotIndex = static_cast<int>(route.depot);
        r.vehicle = static_cast<int>(route.vehicle);
        r.label = tr("%1 %2 号车").arg(r.depot).arg(r.vehicle);
        r.color = palette.color(depot.id, route.vehicle);
        r.stops = static_cast<int>(route.visits.size());
        r.km = route.km;
        r.minutes = route.minutes;
        r.cost = route.cost;
        QStringList load;
        for (std::size_t u = 0; u < res.units.size() && u < route.load_at_start.size(); ++u)
            load << QStringLiteral("%1 %2")
                        .arg(route.load_at_start[u], 0, 'f', 0)
                        .arg(QString::fromStdString(res.units[u]));
        r.load = load.join(QStringLiteral("、"));
        r.times = route.visits.empty() ? tr("未出车")
                                       : QStringLiteral("%1–%2").arg(QString::fromStdString(clock_text(route.start)),
                                                                     QString::fromStdString(clock_text(route.end)));
        rows.push_back(std::move(r));
    }
    update(rows_, std::move(rows));
}

void RouteListModel::clear()
{
    if (!rows_.empty()) replace(rows_, {});
}

}  // namespace coopmap::app
