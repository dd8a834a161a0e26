#include "map/label_item.h"

#include "model/fields.h"

namespace coopmap::app {

namespace {
// Which names appear from which zoom, largest units first; a name that does not fit where
// it belongs is left out rather than drawn over another.
struct LabelRule {
    double min_zoom;
    int pixel_size;
    bool bold;
    const char* color;
};

std::optional<LabelRule> rule_for(const LayerConfig& config)
{
    switch (config.role) {
    case Role::admin_boundary:
        if (config.level == "county") return LabelRule{7, 16, true, "#262a2e"};
        return LabelRule{9.4, 12, false, "#4a4f55"};
    case Role::distribution_center:
    case Role::grassroots_cooperative:
    case Role::township_supermarket:
    case Role::agri_service_center:
    case Role::agri_input_reserve: return LabelRule{10.4, 12, false, "#30343a"};
    case Role::village_cooperative:
    case Role::village_service_station: return LabelRule{11.2, 11, false, "#30343a"};
    case Role::village: return LabelRule{11.6, 11, false, "#5b5048"};
    case Role::land_trusteeship:
    case Role::road:
    case Role::coverage: return std::nullopt;
    }
    return std::nullopt;
}
}  // namespace

LabelItem::LabelItem(QQuickItem* parent) : RasterItem(parent) {}

void LabelItem::setProject(ProjectController* p)
{
    if (project_ == p) return;
    if (project_) {
        disconnect(project_, nullptr, this, nullptr);
        disconnect(project_->layers(), nullptr, this, nullptr);
    }
    project_ = p;
    if (project_) {
        connect(project_, &ProjectController::projectChanged, this, &LabelItem::rebuild);
        auto* model = project_->layers();
        connect(model, &QAbstractItemModel::dataChanged, this, &LabelItem::rebuild);
        connect(model, &QAbstractItemModel::rowsMoved, this, &LabelItem::rebuild);
        connect(model, &QAbstractItemModel::modelReset, this, &LabelItem::rebuild);
        connect(model, &QAbstractItemModel::rowsInserted, this, &LabelItem::rebuild);
    }
    rebuild();
    emit projectChanged();
}

void LabelItem::rebuild()
{
    sources_.clear();
    if (!project_) return invalidate();
    // Facilities before villages, whatever the layer order; counties before townships.
    std::vector<std::pair<LabelRule, const LayerListModel::Entry*>> chosen;
    for (const auto& e : project_->layers()->entries()) {
        if (!e.visible || !e.layer) continue;
        if (auto rule = rule_for(e.config)) chosen.emplace_back(*rule, &e);
    }
    std::stable_sort(chosen.begin(), chosen.end(),
                     [](const auto& a, const auto& b) { return a.first.min_zoom < b.first.min_zoom; });
    std::map<const Layer*, std::vector<QPointF>> kept;
    for (const auto& [rule, e] : chosen) {
        LabelSource s;
        // Sites are named as drawn: with the year control on, only those standing that year.
        const bool year_view = e->shown && e->layer->kind == GeometryKind::point;
        s.layer = year_view ? e->shown : e->layer;
        s.names = field_column(*s.layer, e->config, "name");
        if (!s.names) continue;
        if (e->layer->kind == GeometryKind::point) {
            s.unit = year_view ? e->shown_unit : e->unit;
            s.offset = (e->style.size > 0 ? e->style.size : 4) / 2;
        } else {
            auto it = anchors_.find(e->layer.get());
            kept[e->layer.get()] = it != anchors_.end() ? std::move(it->second) : polygon_label_points(*e->layer);
            s.anchors = kept[e->layer.get()];
        }
        s.min_zoom = rule.min_zoom;
        s.font = QFont(QStringLiteral("Noto Sans CJK SC"));
        s.font.setPixelSize(rule.pixel_size);
        s.font.setBold(rule.bold);
        s.color = QColor(QString::fromLatin1(rule.color));
        sources_.push_back(std::move(s));
    }
    anchors_ = std::move(kept);
    invalidate();
}

RasterItem::Job LabelItem::makeJob() const
{
    if (sources_.empty()) return {};
    return [sources = sources_, placed = placed_](const Viewport& view, const Feedback& cancel) {
        int n = 0;
        QImage image = render_labels(sources, view, cancel, &n);
        if (!image.isNull()) placed->store(n);
        return image;
    };
}

}  // namespace coopmap::app
