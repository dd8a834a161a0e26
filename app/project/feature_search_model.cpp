#include "project/feature_search_model.h"

#include <algorithm>

#include "map/layer_raster.h"
#include "model/fields.h"
#include "project/pinyin_initials.h"

namespace coopmap::app {

namespace {
constexpr int kMaxHits = 50;

int rank_of(const LayerConfig& c)
{
    switch (c.role) {
    case Role::admin_boundary: return c.level == "county" ? 0 : 1;
    case Role::village: return 3;
    case Role::land_trusteeship:
    case Role::road:
    case Role::coverage: return 4;
    default: return 2;
    }
}
}  // namespace

FeatureSearchModel::FeatureSearchModel(QObject* parent) : QAbstractListModel(parent) {}

void FeatureSearchModel::setProject(ProjectController* p)
{
    if (project_ == p) return;
    if (project_) disconnect(project_, nullptr, this, nullptr);
    project_ = p;
    if (project_)
        connect(project_, &ProjectController::projectChanged, this, [this] {
            indexed_ = false;
            run();
        });
    indexed_ = false;
    run();
    emit projectChanged();
}

void FeatureSearchModel::setQuery(const QString& q)
{
    if (query_ == q) return;
    query_ = q;
    run();
    emit queryChanged();
}

void FeatureSearchModel::buildIndex()
{
    all_.clear();
    indexed_ = true;
    if (!project_) return;
    for (const auto& e : project_->layers()->entries()) {
        const Layer& l = *e.layer;
        const Column* names = field_column(l, e.config, "name");
        const Column* codes = field_column(l, e.config, "code");
        if (!names && !codes) continue;
        const std::vector<QPointF> anchors =
            l.kind == GeometryKind::polygon ? polygon_label_points(l) : std::vector<QPointF>{};
        const QString layer_title = QString::fromStdString(e.config.title.empty() ? e.config.id : e.config.title);
        for (std::size_t f = 0; f < l.size(); ++f) {
            Entry x;
            x.name = names ? QString::fromStdString(names->text(f)) : QString();
            x.code = codes ? QString::fromStdString(codes->text(f)) : QString();
            if (x.name.isEmpty() && x.code.isEmpty()) continue;
            x.initials = pinyin_initials(x.name);
            x.detail = x.code.isEmpty() ? layer_title : layer_title + QStringLiteral(" · ") + x.code;
            x.layer_id = QString::fromStdString(e.config.id);
            x.feature = static_cast<int>(f);
            x.rank = rank_of(e.config);
            if (l.kind == GeometryKind::polygon && f < anchors.size()) {
                const QPointF ll = lonlat_from_unit(anchors[f]);
                x.coordinate = QGeoCoordinate(ll.y(), ll.x());
            } else {
                x.coordinate = QGeoCoordinate(l.first_y(f), l.first_x(f));
            }
            if (l.kind != GeometryKind::point) {
                const Bounds b = l.feature_bounds(f);
                x.region = QGeoRectangle(QGeoCoordinate(b.max_y, b.min_x), QGeoCoordinate(b.min_y, b.max_x));
            }
            all_.push_back(std::move(x));
        }
    }
}

void FeatureSearchModel::run()
{
    beginResetModel();
    hits_.clear();
    const QString q = query_.trimmed();
    if (!q.isEmpty()) {
        if (!indexed_) buildIndex();
        const QString lower = q.toLower();
        // 0: the whole name, 1: name starts with it, 2: name contains it, 3: code or initials.
        std::vector<std::pair<int, const Entry*>> found;
        for (const Entry& e : all_) {
            int how = -1;
            if (e.name == q) how = 0;
            else if (e.name.startsWith(q)) how = 1;
            else if (e.name.contains(q)) how = 2;
            else if (e.code.startsWith(q) || (!e.initials.isEmpty() && e.initials.startsWith(lower))) how = 3;
            if (how >= 0) found.emplace_back(how * 10 + e.rank, &e);
        }
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 0; i < found.size() && i < kMaxHits; ++i) hits_.push_back(found[i].second);
    }
    endResetModel();
    emit countChanged();
}

int FeatureSearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(hits_.size());
}

QVariant FeatureSearchModel::data(const QModelIndex& index, int role) const
{
    if (index.row() < 0 || index.row() >= rowCount()) return {};
    const Entry& e = *hits_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return e.name.isEmpty() ? e.code : e.name;
    case DetailRole: return e.detail;
    case LayerIdRole: return e.layer_id;
    case FeatureRole: return e.feature;
    case CoordinateRole: return QVariant::fromValue(e.coordinate);
    case RegionRole: return QVariant::fromValue(e.region);
    }
    return {};
}

QHash<int, QByteArray> FeatureSearchModel::roleNames() const
{
    return {{NameRole, "name"},       {DetailRole, "detail"},         {LayerIdRole, "layerId"},
            {FeatureRole, "feature"}, {CoordinateRole, "coordinate"}, {RegionRole, "region"}};
}

QVariantMap FeatureSearchModel::get(int row) const
{
    QVariantMap out;
    const QModelIndex i = index(row);
    const auto names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(i, it.key()));
    return out;
}

}  // namespace coopmap::app
