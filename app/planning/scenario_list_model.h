// The saved scenarios side by side for QML: one row per scenario of the project file with the
// engine's figures for it (the existing sites of its tier, then its sites, at its own reach).
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <cmath>
#include <vector>

namespace coopmap::app {

class ScenarioListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 PlanningController 提供")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

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

    explicit ScenarioListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(std::vector<Row> rows);
    int count() const { return rowCount(); }
    const std::vector<Row>& rows() const { return rows_; }

signals:
    void countChanged();

private:
    std::vector<Row> rows_;
};

}  // namespace coopmap::app
