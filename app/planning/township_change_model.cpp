#include "township_change_model.h"

namespace coopmap::app {

QVariant TownshipChangeModel::value(std::size_t row, int role) const
{
    const Row& r = rows_[row];
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

}  // namespace coopmap::app
