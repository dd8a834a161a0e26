// The proposed sites of the plan for QML (the map's diamonds, the panel's counts): one row per
// site in the plan's order, its name and where it is.
#pragma once

#include <QAbstractListModel>
#include <QGeoCoordinate>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace coopmap::app {

class ProposedSiteModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 PlanningController 提供")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles { NameRole = Qt::UserRole + 1, CoordinateRole };
    struct Row {
        QString name;
        double lon = 0, lat = 0;
    };

    explicit ProposedSiteModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The same number of sites (a drag step) changes the rows in place, else resets them.
    void set(std::vector<Row> rows);
    int count() const { return rowCount(); }
    Q_INVOKABLE QString name(int row) const;
    Q_INVOKABLE QGeoCoordinate coordinate(int row) const;

signals:
    void countChanged();

private:
    std::vector<Row> rows_;
};

}  // namespace coopmap::app
