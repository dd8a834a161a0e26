#include "route_stop_model.h"

#include <QStringList>
#include <cmath>

namespace coopmap::app {

namespace {

QString window_of(const analysis::routing::RouteStop& s)
{
    if (s.ready <= 0 && !std::isfinite(s.due)) return {};
    return QString::fromStdString(clock_text(s.ready) + "-" + (std::isfinite(s.due) ? clock_text(s.due) : "24:00"));
}

QString amounts(const std::vector<std::string>& units, const std::vector<double>& v)
{
    QStringList out;
    for (std::size_t u = 0; u < units.size() && u < v.size(); ++u)
        out << QStringLiteral("%1 %2").arg(v[u], 0, 'f', 0).arg(QString::fromStdString(units[u]));
    return out.join(QStringLiteral("、"));
}

RouteStopModel::Row row_of(const analysis::routing::RouteResult& r, std::uint32_t stop)
{
    RouteStopModel::Row row;
    const auto& s = r.stops[stop];
    row.stop = static_cast<int>(stop);
    row.code = QString::fromStdString(s.site.id);
    row.name = QString::fromStdString(s.site.name);
    row.window = window_of(s);
    return row;
}

}  // namespace

QVariant RouteStopModel::value(std::size_t row, int role) const
{
    const Row& r = rows_[row];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case StopRole: return r.stop;
    case SeqRole: return r.seq;
    case CodeRole: return r.code;
    case ArrivalRole: return r.arrival;
    case DepartureRole: return r.departure;
    case WindowRole: return r.window;
    case LoadRole: return r.load;
    case KmRole: return r.km;
    case ReasonRole: return r.reason;
    default: return {};
    }
}

QHash<int, QByteArray> RouteStopModel::roleNames() const
{
    return {{StopRole, "stop"},     {SeqRole, "seq"},         {CodeRole, "code"},
            {NameRole, "name"},     {ArrivalRole, "arrival"}, {DepartureRole, "departure"},
            {WindowRole, "window"}, {LoadRole, "load"},       {KmRole, "km"},
            {ReasonRole, "reason"}};
}

void RouteStopModel::showRoute(const analysis::routing::RouteResult& r, int route)
{
    std::vector<Row> rows;
    if (route >= 0 && static_cast<std::size_t>(route) < r.routes.size()) {
        const auto& vr = r.routes[std::size_t(route)];
        for (std::size_t k = 0; k < vr.visits.size(); ++k) {
            const auto& v = vr.visits[k];
            Row row = row_of(r, v.stop);
            row.seq = static_cast<int>(k + 1);
            row.arrival = QString::fromStdString(clock_text(v.arrival));
            row.departure = QString::fromStdString(clock_text(v.departure));
            row.load = amounts(r.units, v.load_after);
            row.km = v.km;
            rows.push_back(std::move(row));
        }
    }
    set(std::move(rows));
}

void RouteStopModel::showUnserved(const analysis::routing::RouteResult& r)
{
    std::vector<Row> rows;
    for (const auto& u : r.unserved) {
        Row row = row_of(r, u.stop);
        row.reason = QString::fromStdString(u.reason);
        rows.push_back(std::move(row));
    }
    set(std::move(rows));
}

void RouteStopModel::set(std::vector<Row> rows)
{
    update(rows_, std::move(rows));
}

}  // namespace coopmap::app
