// The townships a dropped or dragged site touches, for QML: village coverage there before and
// after the site (analysis::planning::WhatIfResult::townships), one row each.
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace coopmap::app {

class TownshipChangeModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 PlanningController 提供")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    // before/after: covered villages; the rates in percent of `villages`.
    enum Roles { NameRole = Qt::UserRole + 1, VillagesRole, BeforeRole, AfterRole, BeforeRateRole, AfterRateRole };
    struct Row {
        QString name;
        int villages = 0, before = 0, after = 0;
        double beforeRate() const { return villages ? 100.0 * before / villages : 0; }
        double afterRate() const { return villages ? 100.0 * after / villages : 0; }
    };

    explicit TownshipChangeModel(QObject* parent = nullptr);

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
