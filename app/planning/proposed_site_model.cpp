#include "proposed_site_model.h"

namespace coopmap::app {

ProposedSiteModel::ProposedSiteModel(QObject* parent) : QAbstractListModel(parent) {}

int ProposedSiteModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ProposedSiteModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return name(index.row());
    case CoordinateRole: return QVariant::fromValue(coordinate(index.row()));
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
    if (rows.size() == rows_.size()) {
        rows_ = std::move(rows);
        if (!rows_.empty()) emit dataChanged(index(0), index(rowCount() - 1));
        return;
    }
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
    emit countChanged();
}

}  // namespace coopmap::app
