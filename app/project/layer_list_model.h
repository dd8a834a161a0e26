// The project's layers as a list for QML: layer panel, legend and the map's layer items.
#pragma once

#include <QAbstractListModel>
#include <QColor>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <vector>

#include "model/layer.h"
#include "model/project.h"

namespace coopmap::app {

class LayerListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by ProjectController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        RoleKeyRole,
        RoleNameRole,
        KindRole,        // "point", "line" or "polygon"
        FeatureCountRole,
        VisibleRole,
        ColorRole,
        OutlineRole,
        SizeRole,
        WidthRole,
        OpacityRole,
    };

    struct Entry {
        LayerConfig config;
        Style style;
        std::shared_ptr<const Layer> layer;
        bool visible = true;
    };

    explicit LayerListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    void reset(std::vector<Entry> entries);
    const Entry* entry(int row) const;
    const std::vector<Entry>& entries() const { return entries_; }

    Q_INVOKABLE void setVisible(int row, bool visible);
    // The row of the layer with this project id, -1 if none.
    Q_INVOKABLE int indexOf(const QString& layerId) const;

signals:
    void countChanged();

private:
    std::vector<Entry> entries_;
};

}  // namespace coopmap::app
