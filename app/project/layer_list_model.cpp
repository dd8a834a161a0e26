#include "project/layer_list_model.h"

#include <algorithm>

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
    if (!entry(index.row())) return false;
    Entry& e = entries_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case VisibleRole: e.visible = value.toBool(); break;
    case OpacityRole: e.style.opacity = std::clamp(value.toDouble(), 0.0, 1.0); break;
    default: return false;
    }
    emit dataChanged(index, index, {role});
    return true;
}

void LayerListModel::setOpacity(int row, double opacity)
{
    setData(this->index(row), opacity, OpacityRole);
}

void LayerListModel::setStyle(int row, const QColor& color, double size)
{
    const Entry* changed = entry(row);
    if (!changed || !color.isValid()) return;
    const Role role = changed->config.role;
    const std::string level = changed->config.level;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        Entry& e = entries_[i];
        // Boundaries of another level are another role as far as style goes.
        if (e.config.role != role || e.config.level != level) continue;
        e.style.color = color.name().toStdString();
        if (size > 0) {
            if (e.layer->kind == GeometryKind::point) e.style.size = size;
            else e.style.width = size;
        }
        const QModelIndex at = this->index(static_cast<int>(i));
        emit dataChanged(at, at, {ColorRole, SizeRole, WidthRole});
    }
}

bool LayerListModel::moveUp(int row)
{
    if (row < 0 || row + 1 >= rowCount()) return false;
    beginMoveRows({}, row, row, {}, row + 2);
    std::swap(entries_[static_cast<std::size_t>(row)], entries_[static_cast<std::size_t>(row + 1)]);
    endMoveRows();
    return true;
}

bool LayerListModel::moveDown(int row)
{
    return row > 0 && moveUp(row - 1);
}

QString LayerListModel::roleKey(int row) const
{
    const Entry* e = entry(row);
    return e ? QString::fromUtf8(role_key(e->config.role).data()) : QString();
}

QString LayerListModel::title(int row) const
{
    return data(index(row), TitleRole).toString();
}

QVariantMap LayerListModel::get(int row) const
{
    QVariantMap out;
    const auto names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

std::shared_ptr<const UnitCoords> LayerListModel::unitCoords(int row) const
{
    const Entry* e = entry(row);
    return e ? e->unit : nullptr;
}

void LayerListModel::append(Entry e)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    entries_.push_back(std::move(e));
    endInsertRows();
    emit countChanged();
}

void LayerListModel::put(Entry e)
{
    const int row = indexOf(QString::fromStdString(e.config.id));
    if (row < 0) {
        append(std::move(e));
        return;
    }
    entries_[static_cast<std::size_t>(row)] = std::move(e);
    emit dataChanged(index(row), index(row));
}

bool LayerListModel::remove(const QString& layerId)
{
    const int row = indexOf(layerId);
    if (row < 0) return false;
    beginRemoveRows({}, row, row);
    entries_.erase(entries_.begin() + row);
    endRemoveRows();
    emit countChanged();
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
