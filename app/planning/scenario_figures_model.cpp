#include "scenario_figures_model.h"

namespace coopmap::app {

ScenarioFiguresModel::ScenarioFiguresModel(QObject* parent) : QAbstractListModel(parent) {}

int ScenarioFiguresModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(f_.sites.size());
}

QVariant ScenarioFiguresModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Site& s = f_.sites[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return s.name;
    case CoordinateRole: return QVariant::fromValue(QGeoCoordinate(s.lat, s.lon));
    case VillagesRole: return s.villages;
    case PopulationRole: return s.population;
    default: return {};
    }
}

QHash<int, QByteArray> ScenarioFiguresModel::roleNames() const
{
    return {
        {NameRole, "name"}, {CoordinateRole, "coordinate"}, {VillagesRole, "villages"}, {PopulationRole, "population"}};
}

void ScenarioFiguresModel::reset(Figures figures)
{
    beginResetModel();
    f_ = std::move(figures);
    endResetModel();
    emit figuresChanged();
}

}  // namespace coopmap::app
