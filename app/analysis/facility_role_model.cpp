#include "facility_role_model.h"

#include <string>

#include "analysis/reach_default.h"

namespace coopmap::app {

FacilityRoleModel::FacilityRoleModel(QObject* parent) : QAbstractListModel(parent) {}

int FacilityRoleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(analysis::facility_roles().size());
}

QVariant FacilityRoleModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Role r = analysis::facility_roles()[static_cast<std::size_t>(index.row())];
    switch (role) {
    case KeyRole: return QString::fromStdString(std::string(role_key(r)));
    case Qt::DisplayRole:
    case NameRole: return QString::fromStdString(std::string(role_name_zh(r)));
    default: return {};
    }
}

QHash<int, QByteArray> FacilityRoleModel::roleNames() const { return {{KeyRole, "key"}, {NameRole, "name"}}; }

QString FacilityRoleModel::key(int row) const
{
    return row >= 0 && row < rowCount() ? data(index(row), KeyRole).toString() : QString();
}

}  // namespace coopmap::app
