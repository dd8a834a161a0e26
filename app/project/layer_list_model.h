// The project's layers as a list for QML: layer panel, legend and the map's layer items.
#pragma once

#include <QAbstractListModel>
#include <QColor>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <vector>

#include "map/layer_raster.h"
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
        KindRole,  // "point", "line" or "polygon"
        FeatureCountRole,
        VisibleRole,
        ColorRole,
        OutlineRole,
        SizeRole,
        WidthRole,
        OpacityRole,
        ResultRole,  // an analysis result (shown in the legend's 分析结果 group, removable)
        ClassesRole,  // roads by class: [{name, color, lineWidth, count}], widest first; [] otherwise
    };

    struct Entry {
        LayerConfig config;
        Style style;
        std::shared_ptr<const Layer> layer;
        std::shared_ptr<const UnitCoords> unit;  // the layer in unit Mercator, for drawing
        bool visible = true;
        // An analysis result shown as a layer: drawn and in the legend, never saved into
        // the project nor fed back into analyses.
        bool result = false;
        // Roads drawn by class (Project::class_styles_for): the styles widest first, each
        // feature's index into them (FeatureClasses::kNone: the layer's own style), and how
        // many features each class has.
        std::vector<std::pair<QString, Style>> class_styles;
        std::shared_ptr<const std::vector<std::uint8_t>> feature_class;
        std::vector<std::size_t> class_counts;
        std::size_t other_count = 0;  // features of no styled class: drawn in the layer's own style
        QString other_name;  // their class if they all share one (e.g. 村道), else ""
        // The year view (YearController): the layer as it stood at the end of a year, drawn and
        // counted instead of `layer` (which edits and analyses keep using); null: the whole
        // layer. shown_new: per feature of `shown`, 1 where it is new in the year (drawn marked);
        // shown_source: per feature of `shown`, its feature in `layer` (what identify returns).
        std::shared_ptr<const Layer> shown;
        std::shared_ptr<const UnitCoords> shown_unit;
        std::shared_ptr<const std::vector<std::uint8_t>> shown_new;
        std::shared_ptr<const std::vector<std::uint32_t>> shown_source;
    };
    // Fills the entry's class styles from the project (nothing for layers without classes).
    static void classify(Entry& entry, const Project& project);

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
    Q_INVOKABLE void setOpacity(int row, double opacity);
    // Changes the style of every layer with this layer's role (the project's styles are
    // per role unless a layer has its own), and keeps it for saving.
    Q_INVOKABLE void setStyle(int row, const QColor& color, double size);
    // Moves a layer one place up (drawn later, on top) or down; false at either end.
    Q_INVOKABLE bool moveUp(int row);
    Q_INVOKABLE bool moveDown(int row);
    Q_INVOKABLE QString roleKey(int row) const;
    Q_INVOKABLE QString title(int row) const;
    // One row as a map of its role names, for dialogs.
    Q_INVOKABLE QVariantMap get(int row) const;
    std::shared_ptr<const UnitCoords> unitCoords(int row) const;
    void append(Entry entry);
    // Replaces the row with entry's id, or appends it on top.
    void put(Entry entry);
    // Removes the layer with this id; false if there is none.
    bool remove(const QString& layerId);
    // Removes the analysis result in this row (the layer panel's ✕); false for a project layer.
    Q_INVOKABLE bool removeResult(int row);
    // Sets the year view of the layer with this id while its layer is still `source` (an edit
    // since then replaced it: false, nothing changes); a null `shown` clears it. `from`: per
    // feature of `shown`, its feature in `source`.
    bool setShown(const QString& layerId, const std::shared_ptr<const Layer>& source,
                  std::shared_ptr<const Layer> shown, std::shared_ptr<const std::vector<std::uint8_t>> fresh,
                  std::shared_ptr<const std::vector<std::uint32_t>> from);
    // The row of the layer with this project id, -1 if none.
    Q_INVOKABLE int indexOf(const QString& layerId) const;

signals:
    void countChanged();

private:
    std::vector<Entry> entries_;
};

}  // namespace coopmap::app
