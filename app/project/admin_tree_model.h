// Counties and, under each, its townships (matched by the townships' county_code), as a
// flat list with expand/collapse for a ListView; a row zooms the map to its unit.
#pragma once

#include <QAbstractListModel>
#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "project/project_controller.h"

namespace coopmap::app {

class AdminTreeModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        NameRole = Qt::UserRole + 1,
        CodeRole,
        DepthRole,
        ExpandedRole,
        ChildCountRole,
        CoordinateRole,
        RegionRole
    };

    explicit AdminTreeModel(QObject* parent = nullptr);
    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Shows or hides a county's townships.
    Q_INVOKABLE void toggle(int row);
    // The row of the unit with this name, -1 if none shown.
    Q_INVOKABLE int find(const QString& name) const;

signals:
    void projectChanged();
    void countChanged();

private:
    struct Unit {
        QString name, code;
        QGeoCoordinate label;
        QGeoRectangle region;
        std::vector<Unit> children;
        bool expanded = false;
    };
    void rebuild();
    void flatten();

    QPointer<ProjectController> project_;
    std::vector<Unit> counties_;
    std::vector<std::pair<const Unit*, int>> rows_;  // unit, depth
};

}  // namespace coopmap::app
