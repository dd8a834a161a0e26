#include "project/layer_list_model.h"

namespace coopmap::app {

namespace {
QString kind_name(GeometryKind k)
{
    switch (k) {
    case GeometryKind::point: return QStringLiteral("point");
    case GeometryKind::line: return QStringLiteral("line");
    case GeometryKind::polygon: return QStringLiteral("polygon");
    }
    return {};
}
}  // namespace

LayerListModel::LayerListModel(QObject* parent) : QAbstractListModel(parent) {}

int LayerListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QVariant LayerListModel::data(const QModelIndex& index, int role) const
{
    const Entry* e = entry(index.row());
    if (!e) return {};
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return QString::fromStdString(e->config.title.empty() ? e->config.id : e->config.title);
    case IdRole: return QString::fromStdString(e->config.id);
    case RoleKeyRole: return QString::fromUtf8(role_key(e->config.role).data());
    case RoleNameRole: return QString::fromUtf8(role_name_zh(e->config.role).data());
    case KindRole: return kind_name(e->layer->kind);
    case FeatureCountRole: return static_cast<qlonglong>(e->layer->size());
    case VisibleRole: return e->visible;
    case ColorRole:
        // A polygon style without a colour is an outline only (e.g. township boundaries).
        if (e->style.color.empty())
            return e->layer->kind == GeometryKind::polygon ? QColor(Qt::transparent) : QColor(Qt::gray);
        return QColor(QString::fromStdString(e->style.color));
    case OutlineRole:
        return e->style.outline.empty() ? QColor(Qt::transparent) : QColor(QString::fromStdString(e->style.outline));
    // A project without a size or width still gets visible symbols.
    case SizeRole: return e->style.size > 0 ? e->style.size : 4.0;
    case WidthRole: return e->style.width > 0 ? e->style.width : 1.0;
    case OpacityRole: return e->style.opacity;
    }
    return {};
}

bool LayerListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != VisibleRole || !entry(index.row())) return false;
    entries_[static_cast<std::size_t>(index.row())].visible = value.toBool();
    emit dataChanged(index, index, {VisibleRole});
    return true;
}

void LayerListModel::setVisible(int row, bool visible)
{
    setData(this->index(row), visible, VisibleRole);
}

int LayerListModel::indexOf(const QString& layerId) const
{
    const std::string id = layerId.toStdString();
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].config.id == id) return static_cast<int>(i);
    return -1;
}

QHash<int, QByteArray> LayerListModel::roleNames() const
{
    return {
        {IdRole, "layerId"},         {TitleRole, "title"},   {RoleKeyRole, "roleKey"},
        {RoleNameRole, "roleName"},  {KindRole, "kind"},     {FeatureCountRole, "featureCount"},
        {VisibleRole, "layerVisible"}, {ColorRole, "fillColor"}, {OutlineRole, "outlineColor"},
        {SizeRole, "pointSize"},     {WidthRole, "lineWidth"}, {OpacityRole, "layerOpacity"},
    };
}

Qt::ItemFlags LayerListModel::flags(const QModelIndex& index) const
{
    return QAbstractListModel::flags(index) | Qt::ItemIsEditable;
}

void LayerListModel::reset(std::vector<Entry> entries)
{
    beginResetModel();
    entries_ = std::move(entries);
    endResetModel();
    emit countChanged();
}

const LayerListModel::Entry* LayerListModel::entry(int row) const
{
    if (row < 0 || row >= rowCount()) return nullptr;
    return &entries_[static_cast<std::size_t>(row)];
}

}  // namespace coopmap::app
