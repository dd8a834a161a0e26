#include "scenario_list_model.h"

namespace coopmap::app {

ScenarioListModel::ScenarioListModel(QObject* parent) : QAbstractListModel(parent) {}

int ScenarioListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ScenarioListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case SitesRole: return r.sites;
    case HasFiguresRole: return r.hasFigures;
    case VillagesRole: return r.villages;
    case CoveredRole: return r.covered;
    case CoveredRateRole: return r.villages ? 100.0 * r.covered / r.villages : 0.0;
    case PopulationRole: return r.population;
    case PopulationRateRole: return r.totalPopulation > 0 ? 100.0 * r.population / r.totalPopulation : 0.0;
    case NewPopulationRole: return r.newPopulation;
    case HasCostRole: return !std::isnan(r.cost);
    case CostRole: return std::isnan(r.cost) ? 0.0 : r.cost;
    default: return {};
    }
}

QHash<int, QByteArray> ScenarioListModel::roleNames() const
{
    return {{NameRole, "name"},
            {SitesRole, "sites"},
            {HasFiguresRole, "hasFigures"},
            {VillagesRole, "villages"},
            {CoveredRole, "covered"},
            {CoveredRateRole, "coveredRate"},
            {PopulationRole, "population"},
            {PopulationRateRole, "populationRate"},
            {NewPopulationRole, "newPopulation"},
            {HasCostRole, "hasCost"},
            {CostRole, "cost"}};
}

void ScenarioListModel::reset(std::vector<Row> rows)
{
    const bool resized = rows.size() != rows_.size();
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
    if (resized) emit countChanged();
}

}  // namespace coopmap::app
