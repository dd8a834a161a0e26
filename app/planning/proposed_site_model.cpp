#include "proposed_site_model.h"

namespace coopmap::app {

QVariant ProposedSiteModel::value(std::size_t row, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return name(int(row));
    case CoordinateRole: return QVariant::fromValue(coordinate(int(row)));
    default: return {};
    }
}

QHash<int, QByteArray> ProposedSiteModel::roleNames() const
{
    return {{NameRole, "name"}, {CoordinateRole, "coordinate"}};
}

QString ProposedSiteModel::name(int row) const
{
    return row >= 0 && row < rowCount() ? rows_[std::size_t(row)].name : QString();
}

QGeoCoordinate ProposedSiteModel::coordinate(int row) const
{
    if (row < 0 || row >= rowCount()) return {};
    const Row& r = rows_[std::size_t(row)];
    return {r.lat, r.lon};
}

void ProposedSiteModel::set(std::vector<Row> rows)
{
    update(rows_, std::move(rows));
}

}  // namespace coopmap::app
