#include "map/network_layer_item.h"

namespace coopmap::app {

NetworkLayerItem::NetworkLayerItem(QQuickItem* parent) : RasterItem(parent)
{
    connect(this, &NetworkLayerItem::styleChanged, this, &NetworkLayerItem::invalidate);
    connect(this, &NetworkLayerItem::layerChanged, this, &NetworkLayerItem::invalidate);
}

void NetworkLayerItem::setProject(ProjectController* p)
{
    if (project_ == p) return;
    if (project_) {
        disconnect(project_, nullptr, this, nullptr);
        disconnect(project_->layers(), nullptr, this, nullptr);
    }
    project_ = p;
    if (project_) {
        connect(project_, &ProjectController::projectChanged, this, &NetworkLayerItem::reload);
        // A result shown again under the same id replaces the row's layer in place.
        connect(project_->layers(), &QAbstractItemModel::dataChanged, this, &NetworkLayerItem::reload);
    }
    reload();
}

void NetworkLayerItem::setLayerIndex(int i)
{
    if (layer_index_ == i) return;
    layer_index_ = i;
    reload();
}

void NetworkLayerItem::setColor(const QColor& c)
{
    if (style_.color == c) return;
    style_.color = c;
    emit styleChanged();
}

void NetworkLayerItem::setOutline(const QColor& c)
{
    if (style_.outline == c) return;
    style_.outline = c;
    emit styleChanged();
}

void NetworkLayerItem::setPointSize(double s)
{
    if (style_.size == s) return;
    style_.size = s;
    emit styleChanged();
}

void NetworkLayerItem::setLineWidth(double w)
{
    if (style_.width == w) return;
    style_.width = w;
    emit styleChanged();
}

void NetworkLayerItem::reload()
{
    const auto* entry = project_ ? project_->layers()->entry(layer_index_) : nullptr;
    const auto layer = entry ? entry->layer : nullptr;
    if (layer == layer_) return;
    layer_ = layer;
    unit_ = project_ && layer_ ? project_->layers()->unitCoords(layer_index_) : nullptr;
    classes_.reset();
    if (entry && entry->feature_class) {
        auto classes = std::make_shared<FeatureClasses>();
        for (const auto& [name, st] : entry->class_styles) {
            SymbolStyle s;
            s.color = QColor(QString::fromStdString(st.color));
            s.outline = st.outline.empty() ? QColor(Qt::transparent) : QColor(QString::fromStdString(st.outline));
            s.width = st.width > 0 ? st.width : 1.0;
            s.size = st.size > 0 ? st.size : 4.0;
            classes->styles.push_back(s);
        }
        classes->of_feature = entry->feature_class;
        classes_ = std::move(classes);
    }
    emit layerChanged();
}

RasterItem::Job NetworkLayerItem::makeJob() const
{
    if (!layer_ || !unit_) return {};
    return [layer = layer_, unit = unit_, style = style_, classes = classes_](const Viewport& view,
                                                                              const Feedback& cancel) {
        return render_layer(*layer, *unit, style, view, cancel, classes.get());
    };
}

}  // namespace coopmap::app
