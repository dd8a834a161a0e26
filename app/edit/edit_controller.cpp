#include "edit/edit_controller.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <algorithm>

#include "analysis/geodesic.h"
#include "edit/file_save.h"
#include "edit/pg_store.h"
#include "io/project_layers.h"
#include "map/layer_raster.h"
#include "model/fields.h"

namespace coopmap::app {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

// A feature index from QML; a negative one becomes one past the end, which the session refuses.
std::size_t at_index(int feature) { return feature < 0 ? std::size_t(-1) : static_cast<std::size_t>(feature); }

QString kind_name(FieldType t)
{
    switch (t) {
    case FieldType::integer: return QStringLiteral("integer");
    case FieldType::real: return QStringLiteral("real");
    case FieldType::text: return QStringLiteral("text");
    }
    return {};
}

// A path from QML: dialogs and StandardPaths give file: URLs, tests plain paths.
QString local_path(const QString& path)
{
    return path.startsWith(QLatin1String("file:")) ? QUrl(path).toLocalFile() : path;
}

}  // namespace

// The village point layers of the project with an R-tree each, rebuilt when a layer changes.
struct EditController::Villages {
    struct Set {
        std::shared_ptr<const Layer> layer;
        LayerConfig config;
        index::PointIndex index;
    };
    std::vector<Set> sets;
};

EditController::EditController(QObject* parent) : QObject(parent)
{
    connect(&job_, &JobRunner::runningChanged, this, &EditController::savingChanged);
}

EditController::~EditController() = default;

void EditController::setProject(ProjectController* p)
{
    if (p == project_) return;
    if (project_) {
        disconnect(project_, nullptr, this, nullptr);
        disconnect(project_->layers(), nullptr, this, nullptr);
    }
    closeSession();
    project_ = p;
    if (project_) {
        auto* layers = project_->layers();
        connect(layers, &QAbstractItemModel::rowsInserted, this, &EditController::editableLayersChanged);
        connect(layers, &QAbstractItemModel::rowsMoved, this, &EditController::editableLayersChanged);
        // Another project opened (the window asks about unsaved edits before it opens one).
        connect(layers, &QAbstractItemModel::modelReset, this, [this] {
            closeSession();
            emit editableLayersChanged();
        });
        connect(layers, &QAbstractItemModel::rowsRemoved, this, [this] {
            if (session_ && !entry()) closeSession();
            emit editableLayersChanged();
        });
        // A project opened: edits a killed window left in its journal are offered back.
        connect(project_, &ProjectController::finished, this, [this](bool ok) {
            if (ok) findJournal();
        });
    }
    emit projectChanged();
    emit editableLayersChanged();
}

const LayerListModel::Entry* EditController::entry() const
{
    if (!project_ || layerId_.isEmpty()) return nullptr;
    return project_->layers()->entry(project_->layers()->indexOf(layerId_));
}

QVariantList EditController::editableLayers() const
{
    QVariantList out;
    if (!project_) return out;
    for (const auto& e : project_->layers()->entries()) {
        if (e.result || !e.layer || e.layer->kind != GeometryKind::point) continue;
        out.append(QVariantMap{{QStringLiteral("id"), qs(e.config.id)},
                               {QStringLiteral("title"), qs(e.config.title.empty() ? e.config.id : e.config.title)},
                               {QStringLiteral("roleName"), qs(std::string(role_name_zh(e.config.role)))}});
    }
    return out;
}

QString EditController::roleName() const
{
    const auto* e = entry();
    return e ? qs(std::string(role_name_zh(e->config.role))) : QString();
}

void EditController::setTool(const QString& tool)
{
    if (tool == tool_) return;
    tool_ = tool;
    clearSnap();
    emit toolChanged();
}

void EditController::select(int feature)
{
    if (!session_ || feature < 0 || feature >= featureCount()) feature = -1;
    if (feature == selected_) return;
    selected_ = feature;
    emit selectionChanged();
}

int EditController::featureCount() const { return session_ ? static_cast<int>(session_->layer().size()) : 0; }

QString EditController::undoText() const { return session_ ? qs(session_->undo_label()) : QString(); }
QString EditController::redoText() const { return session_ ? qs(session_->redo_label()) : QString(); }

void EditController::setSnapPixels(double px)
{
    if (px == snapPixels_ || !(px >= 0)) return;
    snapPixels_ = px;
    emit snapPixelsChanged();
}

void EditController::note(const QString& text)
{
    // The edit was made but could not be journaled: that is what the user must know now.
    if (session_)
        if (auto problem = session_->take_journal_problem()) {
            fail(*problem);
            return;
        }
    message_ = text;
    errorText_.clear();
    emit messageChanged();
}

void EditController::fail(const Error& e)
{
    message_.clear();
    errorText_ = qs(e.text());
    emit messageChanged();
}

bool EditController::refuse()
{
    if (!session_) {
        fail(Error{{}, {}, {}, "还没有选择要编辑的图层：请先在编辑面板中选择图层"});
        return true;
    }
    if (saving()) {
        fail(Error{session_->source().uri, session_->layer().name, {}, "正在保存，请稍候再编辑"});
        return true;
    }
    return false;
}

bool EditController::openSession(const LayerConfig& config)
{
    auto opened = edit::EditSession::open(io::source_spec(project_->project(), config), config.fields);
    if (!opened) {
        fail(opened.error());
        return false;
    }
    session_ = std::make_unique<edit::EditSession>(std::move(opened).value());
    if (const QString journal = journalPath(); !journal.isEmpty())
        session_->journal_to(journal.toStdString(), config.id);
    layerId_ = qs(config.id);
    selected_ = -1;
    conflicts_.clear();
    publish();  // the file may have changed since the project was opened: show it as it is now
    // The count is on the line below the message; this one says what to do next.
    note(tr("正在编辑“%1”：点选地图上的网点查看或修改，或用“添加”放置新网点")
             .arg(qs(config.title.empty() ? config.id : config.title)));
    emit sessionChanged();
    emit editsChanged();
    emit selectionChanged();
    emit conflictsChanged();
    return true;
}

void EditController::closeSession()
{
    if (!session_ && layerId_.isEmpty()) return;
    // The worker writes through session_; what it saved is not shown for a closed session.
    job_.wait();
    job_.discard();
    session_.reset();
    layerId_.clear();
    selected_ = -1;
    conflicts_.clear();
    clearSnap();
    emit sessionChanged();
    emit editsChanged();
    emit selectionChanged();
    emit conflictsChanged();
}

bool EditController::edit(const QString& layerId)
{
    if (saving()) return !refuse();
    if (session_ && layerId == layerId_) return true;
    if (dirty()) {
        fail(Error{session_->source().uri,
                   session_->layer().name,
                   {},
                   "当前图层有未保存的修改：请先保存，或选择不保存后再编辑其他图层"});
        return false;
    }
    const auto* e = project_ ? project_->layers()->entry(project_->layers()->indexOf(layerId)) : nullptr;
    if (!e || e->result || !e->layer) {
        fail(Error{{}, layerId.toStdString(), {}, "项目中没有这个图层，请重新选择"});
        return false;
    }
    if (e->layer->kind != GeometryKind::point) {
        fail(Error{project_->project().source_path(e->config),
                   e->config.title,
                   {},
                   "只能编辑点图层（网点、村）：请选择点图层"});
        return false;
    }
    const LayerConfig config = e->config;
    session_.reset();
    return openSession(config);
}

bool EditController::stop()
{
    if (saving()) return false;
    if (dirty()) {
        fail(Error{session_->source().uri, session_->layer().name, {}, "有未保存的修改：请先保存或选择不保存"});
        return false;
    }
    closeSession();
    return true;
}

bool EditController::discard()
{
    if (!session_ || saving()) return false;
    const auto* e = entry();
    if (!e) return false;
    const LayerConfig config = e->config;
    session_->drop_journal();
    session_.reset();
    return openSession(config);
}

void EditController::publish()
{
    const auto* e = entry();
    if (!e || !session_) return;
    LayerListModel::Entry next = *e;
    auto layer = std::make_shared<Layer>(session_->layer());
    if (!layer->index) layer->build_index();
    next.unit = unit_coords(*layer);
    next.layer = std::move(layer);
    project_->layers()->put(std::move(next));
}

void EditController::afterEdit()
{
    if (selected_ >= featureCount()) selected_ = -1;
    publish();
    emit editsChanged();
    emit selectionChanged();
}

std::size_t EditController::columnIndex(const QString& column) const
{
    const auto& cols = session_->layer().columns;
    const std::string name = column.toStdString();
    std::size_t c = 0;
    while (c < cols.size() && cols[c].name != name) ++c;
    return c;
}

EditController::Snap EditController::snap(double lon, double lat, double metresPerPixel) const
{
    Snap out;
    const auto* edited = entry();
    const double radius = snapPixels_ * metresPerPixel;
    if (!project_ || !edited || !(radius > 0)) return out;

    // The village layers as they are now; the R-trees are rebuilt only when one changed.
    std::vector<const LayerListModel::Entry*> now;
    for (const auto& e : project_->layers()->entries())
        if (!e.result && e.layer && e.config.role == Role::village && e.layer->kind == GeometryKind::point)
            now.push_back(&e);
    bool same = villages_ && villages_->sets.size() == now.size();
    for (std::size_t i = 0; same && i < now.size(); ++i) same = villages_->sets[i].layer == now[i]->layer;
    if (!same) {
        auto v = std::make_shared<Villages>();
        for (const auto* e : now) v->sets.push_back({e->layer, e->config, index::PointIndex(e->layer->x, e->layer->y)});
        villages_ = std::move(v);
    }

    // Candidates from the R-tree in a box sure to hold the circle, then the exact geodesic distance.
    const auto box = analysis::degree_box(lat, radius);
    double best = radius;
    const Villages::Set* best_set = nullptr;
    std::uint32_t best_i = 0;
    std::vector<std::uint32_t> hits;
    for (const auto& s : villages_->sets) {
        hits.clear();
        s.index.query_box(lon - box.dlon, lat - box.dlat, lon + box.dlon, lat + box.dlat, hits);
        for (const std::uint32_t i : hits) {
            const double d = analysis::geodesic_distance_m(lon, lat, s.layer->x[i], s.layer->y[i]);
            if (d <= best) best = d, best_set = &s, best_i = i;
        }
    }
    if (!best_set) return out;
    out.found = true;
    out.lon = best_set->layer->x[best_i];
    out.lat = best_set->layer->y[best_i];
    const auto text = [&](const char* field) {
        const Column* c = field_column(*best_set->layer, best_set->config, field);
        return c ? c->text(best_i) : std::string();
    };
    out.name = qs(text("name"));
    const std::string code = text("code");
    out.code = qs(code);
    // 统计用区划代码: a 12-digit village code begins with its county's 6 and township's 9
    // digits, so a village layer without code columns still gives them.
    const bool full_code =
        code.size() == 12 && std::all_of(code.begin(), code.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    for (const char* key : {"township_code", "county_code"}) {
        const std::string column = mapped_column_name(edited->config, key);
        const std::size_t c = columnIndex(qs(column));
        if (c == session_->layer().columns.size()) continue;
        std::string value = text(key);
        if (value.empty() && full_code) value = code.substr(0, std::string_view(key) == "county_code" ? 6 : 9);
        edit::Value v;
        if (!value.empty() && edit::value_from_text(session_->layer().columns[c].type, value, v)) out.codes[column] = v;
    }
    return out;
}

QGeoCoordinate EditController::snapPreview(const QGeoCoordinate& at, double metresPerPixel)
{
    const Snap s = session_ ? snap(at.longitude(), at.latitude(), metresPerPixel) : Snap{};
    QVariantMap target;
    if (s.found)
        target = {{QStringLiteral("coordinate"), QVariant::fromValue(QGeoCoordinate(s.lat, s.lon))},
                  {QStringLiteral("name"), s.name},
                  {QStringLiteral("code"), s.code}};
    if (target != snapTarget_) {
        snapTarget_ = target;
        emit snapTargetChanged();
    }
    return s.found ? QGeoCoordinate(s.lat, s.lon) : at;
}

double EditController::metresPerPixel(const QGeoCoordinate& a, const QGeoCoordinate& b, double pixels)
{
    if (!a.isValid() || !b.isValid() || !(pixels > 0)) return 0;
    return analysis::geodesic_distance_m(a.longitude(), a.latitude(), b.longitude(), b.latitude()) / pixels;
}

void EditController::clearSnap()
{
    if (snapTarget_.isEmpty()) return;
    snapTarget_.clear();
    emit snapTargetChanged();
}

int EditController::addSite(const QGeoCoordinate& at, double metresPerPixel)
{
    if (refuse()) return -1;
    const Snap s = snap(at.longitude(), at.latitude(), metresPerPixel);
    const auto* e = entry();
    const auto& columns = session_->layer().columns;
    std::vector<edit::Value> values(columns.size());
    // A site must be named (validation): the village's name and the role's, renamed in the form.
    const std::string role = std::string(role_name_zh(e->config.role));
    const std::size_t name = columnIndex(qs(mapped_column_name(e->config, "name")));
    if (name < columns.size() && columns[name].type == FieldType::text)
        values[name] = s.found && !s.name.isEmpty() ? s.name.toStdString() + role : "新" + role;
    for (const auto& [column, v] : s.codes) values[columnIndex(qs(column))] = v;
    const double lon = s.found ? s.lon : at.longitude(), lat = s.found ? s.lat : at.latitude();
    auto added = session_->add_point(lon, lat, values);
    if (!added) {
        fail(added.error());
        return -1;
    }
    selected_ = static_cast<int>(*added);
    afterEdit();
    note(s.found ? tr("已在“%1”添加网点，乡镇和县代码取自该村").arg(s.name) : tr("已添加网点"));
    return selected_;
}

bool EditController::moveSite(int feature, const QGeoCoordinate& to, double metresPerPixel)
{
    if (refuse()) return false;
    const Snap s = snap(to.longitude(), to.latitude(), metresPerPixel);
    const double lon = s.found ? s.lon : to.longitude(), lat = s.found ? s.lat : to.latitude();
    if (auto ok = session_->move_point(at_index(feature), lon, lat, s.codes); !ok) {
        fail(ok.error());
        return false;
    }
    afterEdit();
    note(s.found ? tr("已移到“%1”").arg(s.name) : tr("已移动网点"));
    return true;
}

bool EditController::deleteSite(int feature)
{
    if (refuse()) return false;
    if (auto ok = session_->delete_feature(at_index(feature)); !ok) {
        fail(ok.error());
        return false;
    }
    if (selected_ == feature) selected_ = -1;
    else if (selected_ > feature) --selected_;
    afterEdit();
    note(tr("已删除网点"));
    return true;
}

int EditController::siteAt(const QGeoCoordinate& at, double metresPerPixel) const
{
    const double radius = snapPixels_ * metresPerPixel;
    if (!session_ || !(radius > 0)) return -1;
    const double lon = at.longitude(), lat = at.latitude();
    const auto box = analysis::degree_box(lat, radius);
    const Layer& l = session_->layer();
    double best = radius;
    int found = -1;
    for (const std::uint32_t f : l.features_in({lon - box.dlon, lat - box.dlat, lon + box.dlon, lat + box.dlat})) {
        const double d = analysis::geodesic_distance_m(lon, lat, l.first_x(f), l.first_y(f));
        if (d <= best) best = d, found = static_cast<int>(f);
    }
    return found;
}

QGeoCoordinate EditController::coordinate(int feature) const
{
    if (!session_ || feature < 0 || feature >= featureCount()) return {};
    const auto f = static_cast<std::size_t>(feature);
    return QGeoCoordinate(session_->layer().first_y(f), session_->layer().first_x(f));
}

QString EditController::value(int feature, const QString& column) const
{
    if (!session_ || feature < 0 || feature >= featureCount()) return {};
    const Column* c = session_->layer().column(column.toStdString());
    return c ? qs(c->text(static_cast<std::size_t>(feature))) : QString();
}

QVariantList EditController::form() const
{
    QVariantList out;
    const auto* e = entry();
    if (!session_ || !e || selected_ < 0) return out;
    const Layer& l = session_->layer();
    std::vector<bool> listed(l.columns.size(), false);
    const auto row = [&](std::size_t c, const QString& label) {
        listed[c] = true;
        out.append(QVariantMap{{QStringLiteral("column"), qs(l.columns[c].name)},
                               {QStringLiteral("label"), label},
                               {QStringLiteral("value"), qs(l.columns[c].text(static_cast<std::size_t>(selected_)))},
                               {QStringLiteral("type"), kind_name(l.columns[c].type)}});
    };
    for (const auto& f : role_fields(e->config.role)) {
        const std::size_t c = columnIndex(qs(mapped_column_name(e->config, f.key)));
        if (c < l.columns.size() && !listed[c]) row(c, qs(f.label));
    }
    for (std::size_t c = 0; c < l.columns.size(); ++c)
        if (!listed[c]) row(c, qs(l.columns[c].name));
    return out;
}

QString EditController::check(int feature, const QString& column, const QString& text) const
{
    if (!session_ || feature < 0 || feature >= featureCount()) return {};
    const Layer& l = session_->layer();
    const std::size_t c = columnIndex(column);
    if (c == l.columns.size()) return tr("图层中没有字段“%1”").arg(column);
    edit::Value v;
    if (!edit::value_from_text(l.columns[c].type, text.toStdString(), v))
        return l.columns[c].type == FieldType::integer ? tr("请填写整数") : tr("请填写数字");
    auto values = edit::feature_data(l, static_cast<std::size_t>(feature)).values;
    values[c] = v;
    const auto problems = edit::validate_column(l, session_->fields(), values, c);
    return problems.empty() ? QString() : qs(problems.front().message);
}

bool EditController::setAttributes(int feature, const QVariantMap& values)
{
    if (refuse()) return false;
    const Layer& l = session_->layer();
    std::map<std::string, edit::Value> typed;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const std::size_t c = columnIndex(it.key());
        if (c == l.columns.size()) {
            fail(Error{session_->source().uri, l.name, {}, "图层中没有字段“" + it.key().toStdString() + "”"});
            return false;
        }
        edit::Value v;
        if (!edit::value_from_text(l.columns[c].type, it.value().toString().toStdString(), v)) {
            fail(Error{session_->source().uri,
                       l.name,
                       {},
                       "字段“" + it.key().toStdString() + "”需要" +
                           (l.columns[c].type == FieldType::integer ? "整数" : "数字") + "，请改正"});
            return false;
        }
        typed[it.key().toStdString()] = std::move(v);
    }
    if (auto ok = session_->set_attributes(at_index(feature), typed); !ok) {
        fail(ok.error());
        return false;
    }
    afterEdit();
    note(tr("已修改属性"));
    return true;
}

bool EditController::setAttribute(int feature, const QString& column, const QString& text)
{
    return setAttributes(feature, QVariantMap{{column, text}});
}

bool EditController::undo()
{
    if (refuse() || !session_->undo()) return false;
    afterEdit();
    return true;
}

bool EditController::redo()
{
    if (refuse() || !session_->redo()) return false;
    afterEdit();
    return true;
}

void EditController::save()
{
    if (refuse()) {
        emit saveFinished(false);
        return;
    }
    if (!session_->dirty()) {
        note(tr("没有需要保存的修改"));
        emit saveFinished(true);
        return;
    }
    note(tr("正在保存…"));
    edit::EditSession* session = session_.get();
    // A save is transactional and takes no feedback: it is never cancelled half-way.
    job_.start(
        tr("已取消保存"), [session](const Feedback&) { return session->save(); },
        [this](Result<edit::SaveOutcome> saved) { finishSave(std::move(saved)); });
}

void EditController::finishSave(Result<edit::SaveOutcome> saved)
{
    if (!session_) return;
    if (!saved) {
        // Nothing was written and every edit is still here (a lost connection included).
        fail(saved.error());
        emit editsChanged();
        emit saveFinished(false);
        return;
    }
    const auto& outcome = *saved;
    if (!outcome.saved()) {
        conflicts_ = outcome.conflicts;
        fail(Error{session_->source().uri,
                   session_->layer().name,
                   {},
                   "有 " + std::to_string(conflicts_.size()) +
                       " 个网点在您编辑期间已被他人修改，本次未保存任何内容：请对比两个版本，选择采用数据库中的版本或用"
                       "您的版本覆盖"});
        emit conflictsChanged();
        emit saveFinished(false);
        return;
    }
    conflicts_.clear();
    emit conflictsChanged();
    publish();  // ids of new rows come from the database
    emit editsChanged();
    if (edit::pg::is_postgis(session_->source().uri))
        note(tr("已保存到数据库：新增 %1 个，修改 %2 个，删除 %3 个")
                 .arg(outcome.inserted)
                 .arg(outcome.updated)
                 .arg(outcome.deleted));
    else note(tr("已保存到“%1”：%2 个网点").arg(qs(session_->source().uri)).arg(featureCount()));
    emit saveFinished(true);
}

QVariantList EditController::conflicts() const
{
    QVariantList out;
    if (!session_) return out;
    const Layer& l = session_->layer();
    for (const auto& c : conflicts_) {
        QVariantList fields;
        const auto side = [](bool deleted, const edit::FeatureData& d, std::size_t i) {
            return deleted               ? QStringLiteral("（已删除）")
                   : i < d.values.size() ? qs(edit::value_text(d.values[i]))
                                         : QString();
        };
        for (std::size_t i = 0; i < l.columns.size(); ++i) {
            const QString mine = side(c.ours_deleted, c.ours, i), theirs = side(c.theirs_deleted, c.theirs, i);
            fields.append(QVariantMap{{QStringLiteral("field"), qs(l.columns[i].name)},
                                      {QStringLiteral("mine"), mine},
                                      {QStringLiteral("theirs"), theirs},
                                      {QStringLiteral("differs"), mine != theirs}});
        }
        const auto where = [](bool deleted, const edit::FeatureData& d) {
            return deleted || d.x.empty()
                       ? QStringLiteral("（已删除）")
                       : QStringLiteral("%1, %2").arg(d.x.front(), 0, 'f', 6).arg(d.y.front(), 0, 'f', 6);
        };
        const QString mine = where(c.ours_deleted, c.ours), theirs = where(c.theirs_deleted, c.theirs);
        fields.append(QVariantMap{{QStringLiteral("field"), tr("位置（经度, 纬度）")},
                                  {QStringLiteral("mine"), mine},
                                  {QStringLiteral("theirs"), theirs},
                                  {QStringLiteral("differs"), mine != theirs}});
        out.append(QVariantMap{{QStringLiteral("id"), QVariant::fromValue<qint64>(c.id)},
                               {QStringLiteral("title"), tr("要素 %1").arg(c.id)},
                               {QStringLiteral("text"), qs(session_->conflict_message(c))},
                               {QStringLiteral("fields"), fields}});
    }
    return out;
}

void EditController::keepTheirs()
{
    if (refuse() || conflicts_.empty()) return;
    for (const auto& c : conflicts_) session_->resolve(c, true);
    conflicts_.clear();
    emit conflictsChanged();
    afterEdit();
    note(tr("已采用数据库中的版本；其余修改仍待保存"));
}

void EditController::overwrite()
{
    if (refuse() || conflicts_.empty()) return;
    for (const auto& c : conflicts_) session_->resolve(c, false);
    conflicts_.clear();
    emit conflictsChanged();
    save();
}

bool EditController::saveAs(const QString& path)
{
    if (refuse()) return false;
    const QString file = QFileInfo(local_path(path)).absoluteFilePath();
    const auto* e = entry();
    if (!file.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive)) {
        fail(Error{file.toStdString(), e->config.title, {}, "另存为只支持 GeoPackage：请把文件名改为以 .gpkg 结尾"});
        return false;
    }
    LayerConfig config = e->config;
    const std::string layer_name =
        config.layer.empty() ? QFileInfo(file).completeBaseName().toStdString() : config.layer;
    Layer out = session_->layer();
    out.name = layer_name;
    const std::string crs = out.source_crs.empty() ? std::string("EPSG:4326") : out.source_crs;
    if (auto ok = edit::save_layer_file(out, {file.toStdString(), layer_name, crs}); !ok) {
        fail(ok.error());
        return false;
    }
    // The copy carries its CRS and is UTF-8: the old declarations no longer apply.
    config.source = file.toStdString();
    config.layer = layer_name;
    config.crs.clear();
    config.encoding.clear();
    LayerListModel::Entry next = *e;
    next.config = config;
    project_->layers()->put(std::move(next));
    // The edits are in the copy now; the journal was of the original.
    session_->drop_journal();
    session_.reset();
    return openSession(config);
}

QString EditController::journalPath() const
{
    if (!project_ || project_->path().isEmpty()) return {};
    return project_->path() + QStringLiteral(".journal");
}

void EditController::refuseJournal(const Error& why)
{
    // Kept aside rather than deleted: it is the user's work, and the next edit would replace it.
    const QString path = journalPath(), aside = path + QStringLiteral(".bad");
    QFile::remove(aside);
    const bool kept = QFile::rename(path, aside);
    edit::remove_journal(path.toStdString());
    pendingJournal_.reset();
    journal_.clear();
    journalProblem_ = qs(why.text()) + (kept ? tr("。日志已改名为“%1”保留").arg(aside) : QString());
    emit journalChanged();
}

void EditController::findJournal()
{
    pendingJournal_.reset();
    journal_.clear();
    journalProblem_.clear();
    emit journalChanged();
    const QString path = journalPath();
    if (path.isEmpty() || !QFileInfo::exists(path)) return;
    auto read = edit::read_journal(path.toStdString());
    if (!read) return refuseJournal(read.error());
    std::size_t edits = 0;
    std::int64_t last = read->header.started;
    for (const auto& e : read->entries)
        if (e.op == edit::JournalOp::record || e.op == edit::JournalOp::undo || e.op == edit::JournalOp::redo) {
            ++edits;
            last = std::max(last, e.written);
        }
    if (edits == 0) {
        edit::remove_journal(path.toStdString());  // made, then nothing journaled: nothing to offer
        return;
    }
    const QString key = qs(read->header.layer_key);
    const auto* e = project_->layers()->entry(project_->layers()->indexOf(key));
    if (!e)
        return refuseJournal(Error{read->path,
                                   read->header.layer,
                                   {},
                                   "项目中已没有日志所记录的图层“" + read->header.layer_key + "”，其中的修改未恢复"});
    // The layer opened for editing as it is now, so what is offered is known to fit it.
    const LayerConfig config = e->config;
    if (session_ && layerId_ != key) closeSession();
    if (!session_ && !openSession(config)) return refuseJournal(Error{read->path, {}, {}, errorText_.toStdString()});
    if (auto fits = session_->check_journal(*read); !fits) {
        closeSession();
        return refuseJournal(fits.error());
    }
    journal_ = QVariantMap{
        {QStringLiteral("layerId"), key},
        {QStringLiteral("title"), qs(config.title.empty() ? config.id : config.title)},
        {QStringLiteral("edits"), static_cast<int>(edits)},
        {QStringLiteral("when"), QDateTime::fromSecsSinceEpoch(last).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))}};
    pendingJournal_ = std::move(read).value();
    emit journalChanged();
}

bool EditController::restoreJournal()
{
    if (!pendingJournal_ || !session_ || saving()) return false;
    const auto journal = std::move(*pendingJournal_);
    const int edits = journal_.value(QStringLiteral("edits")).toInt();
    pendingJournal_.reset();
    journal_.clear();
    if (auto ok = session_->restore(journal); !ok) {
        refuseJournal(ok.error());
        return false;
    }
    emit journalChanged();
    afterEdit();
    note(tr("已恢复上次未保存的 %1 处修改：请检查后保存").arg(edits));
    return true;
}

void EditController::discardJournal()
{
    if (!pendingJournal_) return;
    pendingJournal_.reset();
    journal_.clear();
    if (session_) session_->drop_journal();
    edit::remove_journal(journalPath().toStdString());
    closeSession();
    emit journalChanged();
}

void EditController::dismissJournalProblem()
{
    if (journalProblem_.isEmpty()) return;
    journalProblem_.clear();
    emit journalChanged();
}

}  // namespace coopmap::app
