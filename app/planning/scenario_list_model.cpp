#include "scenario_list_model.h"

namespace coopmap::app {

QVariant ScenarioListModel::value(std::size_t row, int role) const
{
    const Row& r = rows_[row];
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

}  // namespace coopmap::app
