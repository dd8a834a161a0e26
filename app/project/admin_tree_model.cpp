#include "project/admin_tree_model.h"

#include <map>

#include "map/layer_raster.h"
#include "model/fields.h"

namespace coopmap::app {

AdminTreeModel::AdminTreeModel(QObject* parent) : QAbstractListModel(parent) {}

void AdminTreeModel::setProject(ProjectController* p)
{
    if (project_ == p) return;
    if (project_) disconnect(project_, nullptr, this, nullptr);
    project_ = p;
    if (project_) connect(project_, &ProjectController::projectChanged, this, &AdminTreeModel::rebuild);
    rebuild();
    emit projectChanged();
}

void AdminTreeModel::rebuild()
{
    counties_.clear();
    const auto units_of = [](const LayerListModel::Entry& e, const char* parent_field) {
        std::vector<std::pair<QString, Unit>> out;  // parent code, unit
        const Layer& l = *e.layer;
        const Column* names = field_column(l, e.config, "name");
        const Column* codes = field_column(l, e.config, "code");
        const Column* parents = parent_field ? field_column(l, e.config, parent_field) : nullptr;
        const auto anchors = polygon_label_points(l);
        for (std::size_t f = 0; f < l.size(); ++f) {
            Unit u;
            u.name = names ? QString::fromStdString(names->text(f)) : QString();
            u.code = codes ? QString::fromStdString(codes->text(f)) : QString();
            const QPointF ll = lonlat_from_unit(anchors[f]);
            u.label = QGeoCoordinate(ll.y(), ll.x());
            const Bounds b = l.feature_bounds(f);
            u.region = QGeoRectangle(QGeoCoordinate(b.max_y, b.min_x), QGeoCoordinate(b.min_y, b.max_x));
            out.emplace_back(parents ? QString::fromStdString(parents->text(f)) : QString(), std::move(u));
        }
        return out;
    };
    if (project_) {
        const LayerListModel::Entry* county_layer = nullptr;
        const LayerListModel::Entry* township_layer = nullptr;
        for (const auto& e : project_->layers()->entries()) {
            if (e.config.role != Role::admin_boundary || e.layer->kind != GeometryKind::polygon) continue;
            if (e.config.level == "county" && !county_layer) county_layer = &e;
            if (e.config.level == "township" && !township_layer) township_layer = &e;
        }
        if (county_layer) {
            std::map<QString, std::size_t> by_code;
            for (auto& [parent, unit] : units_of(*county_layer, nullptr)) {
                by_code[unit.code] = counties_.size();
                counties_.push_back(std::move(unit));
            }
            if (township_layer)
                for (auto& [parent, unit] : units_of(*township_layer, "county_code"))
                    if (auto it = by_code.find(parent); it != by_code.end())
                        counties_[it->second].children.push_back(std::move(unit));
        }
    }
    beginResetModel();
    flatten();
    endResetModel();
    emit countChanged();
}

void AdminTreeModel::flatten()
{
    rows_.clear();
    for (const Unit& c : counties_) {
        rows_.emplace_back(&c, 0);
        if (c.expanded)
            for (const Unit& t : c.children) rows_.emplace_back(&t, 1);
    }
}

void AdminTreeModel::toggle(int row)
{
    if (row < 0 || row >= rowCount() || rows_[static_cast<std::size_t>(row)].second != 0) return;
    auto* unit = const_cast<Unit*>(rows_[static_cast<std::size_t>(row)].first);
    const int n = static_cast<int>(unit->children.size());
    if (n == 0) return;
    if (unit->expanded) {
        beginRemoveRows({}, row + 1, row + n);
        unit->expanded = false;
        flatten();
        endRemoveRows();
    } else {
        beginInsertRows({}, row + 1, row + n);
        unit->expanded = true;
        flatten();
        endInsertRows();
    }
    emit dataChanged(index(row), index(row), {ExpandedRole});
    emit countChanged();
}

int AdminTreeModel::find(const QString& name) const
{
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].first->name == name) return static_cast<int>(i);
    return -1;
}

int AdminTreeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant AdminTreeModel::data(const QModelIndex& index, int role) const
{
    if (index.row() < 0 || index.row() >= rowCount()) return {};
    const auto& [unit, depth] = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return unit->name;
    case CodeRole: return unit->code;
    case DepthRole: return depth;
    case ExpandedRole: return unit->expanded;
    case ChildCountRole: return static_cast<int>(unit->children.size());
    case CoordinateRole: return QVariant::fromValue(unit->label);
    case RegionRole: return QVariant::fromValue(unit->region);
    }
    return {};
}

QHash<int, QByteArray> AdminTreeModel::roleNames() const
{
    return {{NameRole, "name"},
            {CodeRole, "code"},
            {DepthRole, "depth"},
            {ExpandedRole, "expanded"},
            {ChildCountRole, "childCount"},
            {CoordinateRole, "coordinate"},
            {RegionRole, "region"}};
}

}  // namespace coopmap::app
