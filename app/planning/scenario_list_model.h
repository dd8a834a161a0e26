// The saved scenarios side by side for QML: one row per scenario of the project file with the
// engine's figures for it (the existing sites of its tier, then its sites, at its own reach).
#pragma once

#include <QString>
#include <QtQml/qqmlregistration.h>
#include <cmath>
#include <vector>

#include "models/row_list_model.h"

namespace coopmap::app {

class ScenarioListModel : public RowListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 PlanningController 提供")

public:
    // coveredRate and populationRate in percent; newPopulation: beyond what the existing sites
    // reach; cost in 万元 (hasCost false where the project gives no site cost for the role).
    // hasFigures false until the figures are computed (or when they could not be).
    enum Roles {
        NameRole = Qt::UserRole + 1,
        SitesRole,
        HasFiguresRole,
        VillagesRole,
        CoveredRole,
        CoveredRateRole,
        PopulationRole,
        PopulationRateRole,
        NewPopulationRole,
        HasCostRole,
        CostRole,
    };
    struct Row {
        QString name;
        int sites = 0;
        bool hasFigures = false;
        int villages = 0, covered = 0;
        double population = 0, totalPopulation = 0, newPopulation = 0;
        double cost = NAN;
    };

    using RowListModel::RowListModel;

    QHash<int, QByteArray> roleNames() const override;

    void reset(std::vector<Row> rows) { replace(rows_, std::move(rows)); }
    const std::vector<Row>& rows() const { return rows_; }

private:
    std::size_t size() const override { return rows_.size(); }
    QVariant value(std::size_t row, int role) const override;
    std::vector<Row> rows_;
};

}  // namespace coopmap::app
