// Search over the names and codes of every layer's features, and the pinyin initials of
// the names ("gcx" finds 谷城县), for the search box that flies to the result.
#pragma once

#include <QAbstractListModel>
#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "project/project_controller.h"

namespace coopmap::app {

class FeatureSearchModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles { NameRole = Qt::UserRole + 1, DetailRole, LayerIdRole, FeatureRole, CoordinateRole, RegionRole };

    explicit FeatureSearchModel(QObject* parent = nullptr);

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    QString query() const { return query_; }
    void setQuery(const QString& q);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    // One row as {name, detail, layerId, feature, coordinate, region}, for QML.
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void projectChanged();
    void queryChanged();
    void countChanged();

private:
    struct Entry {
        QString name, code, initials, detail, layer_id;
        int feature = 0;
        int rank = 0;  // layer priority: counties before townships before villages
        QGeoCoordinate coordinate;
        QGeoRectangle region;
    };
    void buildIndex();
    void run();

    QPointer<ProjectController> project_;
    QString query_;
    bool indexed_ = false;
    std::vector<Entry> all_;
    std::vector<const Entry*> hits_;
};

}  // namespace coopmap::app
