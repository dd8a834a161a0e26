#include "map/network_layer_item.h"

#include <algorithm>

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
    // The year view's layer when the year control shows one (LayerListModel::Entry::shown).
    const auto layer = entry ? (entry->shown ? entry->shown : entry->layer) : nullptr;
    if (layer == layer_) return;
    layer_ = layer;
    unit_ = !layer_ ? nullptr : entry->shown ? entry->shown_unit : project_->layers()->unitCoords(layer_index_);
    classes_.reset();
    if (entry && entry->shown && entry->shown_new) {
        // Sites new in the year: larger, with a dark ring, over the layer's own symbol.
        auto classes = std::make_shared<FeatureClasses>();
        SymbolStyle s = style_;
        s.size = std::max(style_.size * 1.8, style_.size + 4);
        s.outline = QColor(QStringLiteral("#b71c1c"));
        s.width = 2;
        classes->styles.push_back(s);
        auto of = std::make_shared<std::vector<std::uint8_t>>(*entry->shown_new);
        for (auto& c : *of) c = c ? 0 : FeatureClasses::kNone;
        classes->of_feature = std::move(of);
        classes_ = std::move(classes);
    } else if (entry && entry->feature_class) {
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
