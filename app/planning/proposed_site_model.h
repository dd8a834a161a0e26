// The proposed sites of the plan for QML (the map's diamonds, the panel's counts): one row per
// site in the plan's order, its name and where it is.
#pragma once

#include <QGeoCoordinate>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "models/row_list_model.h"

namespace coopmap::app {

class ProposedSiteModel : public RowListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 PlanningController 提供")

public:
    enum Roles { NameRole = Qt::UserRole + 1, CoordinateRole };
    struct Row {
        QString name;
        double lon = 0, lat = 0;
    };

    using RowListModel::RowListModel;

    QHash<int, QByteArray> roleNames() const override;

    // The same number of sites (a drag step) changes the rows in place, else resets them.
    void set(std::vector<Row> rows);
    Q_INVOKABLE QString name(int row) const;
    Q_INVOKABLE QGeoCoordinate coordinate(int row) const;

private:
    std::size_t size() const override { return rows_.size(); }
    QVariant value(std::size_t row, int role) const override;
    std::vector<Row> rows_;
};

}  // namespace coopmap::app
