// The townships a dropped or dragged site touches, for QML: village coverage there before and
// after the site (analysis::planning::WhatIfResult::townships), one row each.
#pragma once

#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "models/row_list_model.h"

namespace coopmap::app {

class TownshipChangeModel : public RowListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 PlanningController 提供")

public:
    // before/after: covered villages; the rates in percent of `villages`.
    enum Roles { NameRole = Qt::UserRole + 1, VillagesRole, BeforeRole, AfterRole, BeforeRateRole, AfterRateRole };
    struct Row {
        QString name;
        int villages = 0, before = 0, after = 0;
        double beforeRate() const { return villages ? 100.0 * before / villages : 0; }
        double afterRate() const { return villages ? 100.0 * after / villages : 0; }
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
