#include "map/choropleth_item.h"

#include <QPainter>
#include <algorithm>

namespace coopmap::app {

namespace {
QColor color_of(std::string_view hex)
{
    return QColor(QString::fromUtf8(hex.data(), static_cast<qsizetype>(hex.size())));
}

// Township lines of a choropleth: thin and grey, so the classes' colours carry the map.
constexpr double kOutlineWidth = 0.8;
const QColor kOutline(0x63, 0x63, 0x63);
}  // namespace

QImage render_choropleth(const Layer& boundary, const UnitCoords& unit, const analysis::ThematicMap& map,
                         const Viewport& view, const Feedback& cancel, ChoroplethPart part)
{
    // The polygons by class through the layers' own drawing: class c is style c, no value the
    // layer style (bucket kNone).
    FeatureClasses classes;
    const QColor base = map.symbols ? color_of(analysis::ThematicMap::kSymbolBaseColor) : QColor();
    for (const auto& hex : map.colors) {
        SymbolStyle s;
        s.color = map.symbols ? base : color_of(hex);
        s.outline = kOutline;
        s.width = kOutlineWidth;
        classes.styles.push_back(s);
    }
    auto of_feature = std::make_shared<std::vector<std::uint8_t>>(boundary.size(), FeatureClasses::kNone);
    for (const auto& u : map.units)
        if (u.value && u.feature < of_feature->size()) (*of_feature)[u.feature] = static_cast<std::uint8_t>(u.cls);
    classes.of_feature = of_feature;
    SymbolStyle none;
    none.color = color_of(analysis::ThematicMap::kNoValueColor);
    none.outline = kOutline;
    none.width = kOutlineWidth;
    QImage image;
    if (part == ChoroplethPart::symbols) {
        image = QImage(view.size * view.dpr, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(view.dpr);
        image.fill(Qt::transparent);
    } else {
        image = render_layer(boundary, unit, none, view, cancel, &classes);
    }
    if (image.isNull() || !map.symbols || part == ChoroplethPart::fill) return image;

    // Graduated symbols at each polygon's inner point, largest first so small ones stay visible.
    std::vector<const analysis::ThematicUnit*> order;
    for (const auto& u : map.units)
        if (u.value && u.symbol_px > 0) order.push_back(&u);
    std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->symbol_px > b->symbol_px; });
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    for (const auto* u : order) {
        if (cancel.cancelled()) return {};
        SymbolStyle s;
        s.color = color_of(map.colors[u->cls]);
        s.outline = QColor(0x25, 0x25, 0x25);
        s.width = 1;
        s.size = u->symbol_px;
        const QPointF at = view.toPixel(unit_mercator(u->anchor_lon, u->anchor_lat));
        const double r = u->symbol_px / 2 + 2;
        paint_symbol(p, GeometryKind::point, s, QRectF(at - QPointF(r, r), QSizeF(2 * r, 2 * r)));
    }
    return image;
}

ChoroplethItem::ChoroplethItem(QQuickItem* parent) : RasterItem(parent)
{
    connect(this, &ChoroplethItem::sourceChanged, this, &ChoroplethItem::invalidate);
}

void ChoroplethItem::setProject(ProjectController* p)
{
    if (project_ == p) return;
    if (project_) disconnect(project_->layers(), nullptr, this, nullptr);
    project_ = p;
    if (project_) {
        // Layers moved or replaced: the boundary layer's row (and so this item's place) changes.
        connect(project_->layers(), &QAbstractItemModel::modelReset, this, &ChoroplethItem::reload);
        connect(project_->layers(), &QAbstractItemModel::layoutChanged, this, &ChoroplethItem::reload);
        connect(project_->layers(), &QAbstractItemModel::rowsMoved, this, &ChoroplethItem::reload);
        connect(project_->layers(), &QAbstractItemModel::dataChanged, this, &ChoroplethItem::reload);
    }
    reload();
}

void ChoroplethItem::setPart(const QString& part)
{
    const auto p = part == QLatin1String("symbols") ? ChoroplethPart::symbols : ChoroplethPart::fill;
    if (p == part_) return;
    part_ = p;
    reload();
    emit sourceChanged();
}

void ChoroplethItem::setThematic(ThematicController* t)
{
    if (thematic_ == t) return;
    if (thematic_) disconnect(thematic_, nullptr, this, nullptr);
    thematic_ = t;
    if (thematic_) connect(thematic_, &ThematicController::mapChanged, this, &ChoroplethItem::reload);
    reload();
}

void ChoroplethItem::reload()
{
    auto map = thematic_ ? thematic_->map() : nullptr;
    const auto* layers = project_ ? project_->layers() : nullptr;
    const int row = map && layers ? layers->indexOf(QString::fromStdString(map->layer_id)) : -1;
    const auto* entry = row >= 0 ? layers->entry(row) : nullptr;
    auto layer = entry && !entry->result ? entry->layer : nullptr;
    // Just above its boundary layer: over that layer's own fill, under every layer drawn later.
    if (part_ == ChoroplethPart::fill) setZ(row >= 0 ? row + 0.5 : 0);
    if (!layer || map->units.size() != layer->size()) {
        // A map made from another state of the project than the one shown draws nothing.
        map = nullptr;
        layer = nullptr;
    }
    if (map == map_ && layer == layer_) return;
    map_ = std::move(map);
    layer_ = std::move(layer);
    unit_ = layer_ ? layers->unitCoords(row) : nullptr;
    emit sourceChanged();
}

RasterItem::Job ChoroplethItem::makeJob() const
{
    if (!map_ || !layer_ || !unit_) return {};
    if (part_ == ChoroplethPart::symbols && !map_->symbols) return {};
    return [map = map_, layer = layer_, unit = unit_, part = part_](const Viewport& view, const Feedback& cancel) {
        return render_choropleth(*layer, *unit, *map, view, cancel, part);
    };
}

}  // namespace coopmap::app
