#include "project/layer_list_model.h"

#include <algorithm>
#include <map>
#include <set>

#include "model/fields.h"

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
    case TitleRole: return QString::fromStdString(e->config.title.empty() ? e->config.id : e->config.title);
    case IdRole: return QString::fromStdString(e->config.id);
    case RoleKeyRole: return QString::fromUtf8(role_key(e->config.role).data());
    case RoleNameRole: return QString::fromUtf8(role_name_zh(e->config.role).data());
    case KindRole: return kind_name(e->layer->kind);
    case FeatureCountRole: return static_cast<qlonglong>((e->shown ? e->shown : e->layer)->size());
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
    case ResultRole: return e->result;
    case ClassesRole: {
        QVariantList out;
        for (std::size_t c = 0; c < e->class_styles.size(); ++c) {
            if (c >= e->class_counts.size() || e->class_counts[c] == 0) continue;  // only what the map shows
            const Style& st = e->class_styles[c].second;
            out.push_back(QVariantMap{{QStringLiteral("name"), e->class_styles[c].first},
                                      {QStringLiteral("color"), QColor(QString::fromStdString(st.color))},
                                      {QStringLiteral("lineWidth"), st.width > 0 ? st.width : 1.0},
                                      {QStringLiteral("count"), static_cast<qlonglong>(e->class_counts[c])},
                                      {QStringLiteral("base"), false}});
        }
        // The rest, in the layer's own style (which the style dialog changes), last and thinnest.
        if (!out.isEmpty() && e->other_count > 0)
            out.push_back(QVariantMap{{QStringLiteral("name"), e->other_name.isEmpty() ? tr("其他") : e->other_name},
                                      {QStringLiteral("count"), static_cast<qlonglong>(e->other_count)},
                                      {QStringLiteral("base"), true}});
        return out;
    }
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

void LayerListModel::setOpacity(int row, double opacity) { setData(this->index(row), opacity, OpacityRole); }

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

bool LayerListModel::moveDown(int row) { return row > 0 && moveUp(row - 1); }

QString LayerListModel::roleKey(int row) const
{
    const Entry* e = entry(row);
    return e ? QString::fromUtf8(role_key(e->config.role).data()) : QString();
}

QString LayerListModel::title(int row) const { return data(index(row), TitleRole).toString(); }

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

bool LayerListModel::removeResult(int row)
{
    const Entry* e = entry(row);
    return e && e->result && remove(QString::fromStdString(e->config.id));
}

void LayerListModel::classify(Entry& entry, const Project& project)
{
    entry.class_styles.clear();
    entry.feature_class.reset();
    entry.class_counts.clear();
    if (!entry.layer) return;
    const auto styles = project.class_styles_for(entry.config);
    const Column* classes = styles.empty() ? nullptr : field_column(*entry.layer, entry.config, "road_class");
    if (!classes || styles.size() >= FeatureClasses::kNone) return;
    std::map<std::string, std::uint8_t> rank;
    for (std::size_t c = 0; c < styles.size(); ++c) {
        rank.emplace(styles[c].first, static_cast<std::uint8_t>(c));
        entry.class_styles.emplace_back(QString::fromStdString(styles[c].first), styles[c].second);
    }
    entry.class_counts.assign(styles.size(), 0);
    auto of_feature = std::make_shared<std::vector<std::uint8_t>>(entry.layer->size(), FeatureClasses::kNone);
    entry.other_count = 0;
    std::set<std::string> others;
    for (std::size_t f = 0; f < entry.layer->size(); ++f) {
        const std::string value = classes->text(f);
        const auto it = rank.find(value);
        if (it == rank.end()) {  // an unknown class keeps the layer's own style
            ++entry.other_count;
            if (others.size() < 2) others.insert(value);
            continue;
        }
        (*of_feature)[f] = it->second;
        ++entry.class_counts[it->second];
    }
    entry.other_name = others.size() == 1 ? QString::fromStdString(*others.begin()) : QString();
    entry.feature_class = std::move(of_feature);
}

void LayerListModel::setVisible(int row, bool visible) { setData(this->index(row), visible, VisibleRole); }

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
        {IdRole, "layerId"},           {TitleRole, "title"},     {RoleKeyRole, "roleKey"},
        {RoleNameRole, "roleName"},    {KindRole, "kind"},       {FeatureCountRole, "featureCount"},
        {VisibleRole, "layerVisible"}, {ColorRole, "fillColor"}, {OutlineRole, "outlineColor"},
        {SizeRole, "pointSize"},       {WidthRole, "lineWidth"}, {OpacityRole, "layerOpacity"},
        {ResultRole, "isResult"},      {ClassesRole, "classes"},
    };
}

Qt::ItemFlags LayerListModel::flags(const QModelIndex& index) const
{
    return QAbstractListModel::flags(index) | Qt::ItemIsEditable;
}

bool LayerListModel::setShown(const QString& layerId, const std::shared_ptr<const Layer>& source,
                              std::shared_ptr<const Layer> shown,
                              std::shared_ptr<const std::vector<std::uint8_t>> fresh,
                              std::shared_ptr<const std::vector<std::uint32_t>> from)
{
    const int row = indexOf(layerId);
    if (row < 0) return false;
    auto& e = entries_[static_cast<std::size_t>(row)];
    if (e.layer != source || e.result) return false;
    if (e.shown == shown) return true;
    e.shown_unit = shown ? unit_coords(*shown) : nullptr;
    e.shown = std::move(shown);
    e.shown_new = e.shown ? std::move(fresh) : nullptr;
    e.shown_source = e.shown ? std::move(from) : nullptr;
    emit dataChanged(index(row), index(row), {FeatureCountRole});
    return true;
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
