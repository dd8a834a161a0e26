#include "township_change_model.h"

namespace coopmap::app {

TownshipChangeModel::TownshipChangeModel(QObject* parent) : QAbstractListModel(parent) {}

int TownshipChangeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant TownshipChangeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case VillagesRole: return r.villages;
    case BeforeRole: return r.before;
    case AfterRole: return r.after;
    case BeforeRateRole: return r.beforeRate();
    case AfterRateRole: return r.afterRate();
    default: return {};
    }
}

QHash<int, QByteArray> TownshipChangeModel::roleNames() const
{
    return {{NameRole, "name"},   {VillagesRole, "villages"},     {BeforeRole, "before"},
            {AfterRole, "after"}, {BeforeRateRole, "beforeRate"}, {AfterRateRole, "afterRate"}};
}

void TownshipChangeModel::reset(std::vector<Row> rows)
{
    const bool resized = rows.size() != rows_.size();
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
    if (resized) emit countChanged();
}

}  // namespace coopmap::app
