#include "project/project_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <cmath>
#include <set>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "index/identify.h"
#include "install/install_layout.h"
#include "intake/intake.h"
#include "model/fields.h"

namespace coopmap::app {

namespace {
constexpr int kRecentMax = 8;
const QString kRecentKey = QStringLiteral("recentProjects");

// What the map draws from a layer, prepared where the layer is read: its spatial index
// (for drawing and identify) and its coordinates in unit Mercator.
std::shared_ptr<const UnitCoords> prepare(Layer& layer)
{
    if (!layer.index) layer.build_index();
    return unit_coords(layer);
}
}  // namespace

struct ProjectController::Loaded {
    Project project;
    analysis::ProjectData layers;
    std::vector<std::shared_ptr<const UnitCoords>> units;
};

struct ProjectController::Added {
    std::vector<LayerConfig> configs;
    std::map<std::string, Style> styles;
    std::vector<Layer> layers;  // configs[i]'s, placed in the open project's boundaries
    std::vector<std::shared_ptr<const UnitCoords>> units;
    std::vector<Error> skipped;
    std::vector<Error> problems;
};

ProjectController::ProjectController(QObject* parent) : QObject(parent)
{
    connect(&job_, &JobRunner::runningChanged, this, &ProjectController::loadingChanged);
    connect(&job_, &JobRunner::progressChanged, this, &ProjectController::progressChanged);
    connect(&job_, &JobRunner::errorTextChanged, this, &ProjectController::errorTextChanged);
}

ProjectController::~ProjectController() = default;

void ProjectController::finishAdd(Added added)
{
    for (auto& e : added.skipped) skipped_.push_back(std::move(e));
    for (auto& e : added.problems) problems_.push_back(std::move(e));
    // The project's own look wins; a role it has no style for gets the drafted default.
    for (auto& [key, style] : added.styles) project_.styles.try_emplace(key, style);
    for (std::size_t i = 0; i < added.configs.size(); ++i) {
        LayerListModel::Entry e;
        e.config = added.configs[i];
        if (const Style* s = project_.style_for(e.config)) e.style = *s;
        e.layer = std::make_shared<const Layer>(std::move(added.layers[i]));
        e.unit = added.units[i];
        e.visible = true;
        LayerListModel::classify(e, project_);
        project_.layers.push_back(e.config);
        layers_.append(std::move(e));
    }
    emit projectChanged();
    emit layerAdded(true);
}

QString ProjectController::name() const { return QString::fromStdString(project_.name); }

QString ProjectController::summary() const
{
    if (project_.file.empty() && layers_.entries().empty())
        return tr("未打开项目：从“文件”菜单打开项目，或用“新建项目”读入自己的数据");
    // The layers as the panel lists them (the user may have reordered them), results left out.
    Project shown = project_;
    shown.layers.clear();
    std::vector<std::size_t> counts;
    for (const auto& e : layers_.entries()) {
        if (e.result) continue;
        shown.layers.push_back(e.config);
        counts.push_back(e.layer ? e.layer->size() : 0);
    }
    return QString::fromStdString(io::summary_line(shown, counts));
}

QGeoCoordinate ProjectController::center() const
{
    if (project_.view) return {project_.view->lat, project_.view->lon};
    Bounds b;
    for (const auto& e : layers_.entries()) b.extend(e.layer->bounds());
    if (b.empty()) return {};
    return {(b.min_y + b.max_y) / 2, (b.min_x + b.max_x) / 2};
}

double ProjectController::zoom() const { return project_.view ? project_.view->zoom : 8.0; }

QString ProjectController::skippedText() const
{
    QStringList lines;
    for (const auto& e : skipped_) lines << QString::fromStdString(e.text());
    return lines.join(QLatin1Char('\n'));
}

QString ProjectController::problemsText() const
{
    QStringList lines;
    for (const auto& e : problems_) lines << QString::fromStdString(e.text());
    return lines.join(QLatin1Char('\n'));
}

void ProjectController::open(const QString& path)
{
    const std::string file = QFileInfo(path).absoluteFilePath().toStdString();
    job_.start(
        tr("已取消加载"),
        [file](const Feedback& feedback) -> Result<Loaded> {
            auto project = read_project(file);
            if (!project) return project.error();
            auto layers = analysis::load_project(*project, feedback.callback());
            if (!layers) return layers.error();
            Loaded out{std::move(*project), std::move(*layers), {}};
            for (Layer& layer : out.layers.layers) {
                if (feedback.cancelled()) return cancelled_error("已取消加载", file);
                out.units.push_back(prepare(layer));
            }
            return out;
        },
        [this](Result<Loaded> loaded) {
            if (!loaded) {
                emit finished(false);
                return;
            }
            finish(std::move(*loaded));
        });
}

void ProjectController::cancel() { job_.cancel(); }

void ProjectController::clearError() { setError({}); }

QGeoCoordinate ProjectController::featureCoordinate(const QString& layerId, int feature) const
{
    const auto* e = layers_.entry(layers_.indexOf(layerId));
    if (!e || feature < 0 || static_cast<std::size_t>(feature) >= e->layer->size()) return {};
    const auto f = static_cast<std::size_t>(feature);
    return {e->layer->first_y(f), e->layer->first_x(f)};
}

void ProjectController::finish(Loaded loaded)
{
    project_ = std::move(loaded.project);
    auto& read = loaded.layers;
    skipped_ = std::move(read.skipped);
    problems_ = std::move(read.problems);
    std::vector<LayerListModel::Entry> entries;
    for (std::size_t i = 0; i < project_.layers.size(); ++i) {
        LayerListModel::Entry e;
        e.config = project_.layers[i];
        // A project without styles still draws each role in its own colour, never grey.
        const Style* s = project_.style_for(e.config);
        e.style = s ? *s : intake::default_style(e.config.role, e.config.level);
        e.layer = std::make_shared<const Layer>(std::move(read.layers[i]));
        e.unit = loaded.units[i];
        e.visible = e.config.visible;
        LayerListModel::classify(e, project_);
        entries.push_back(std::move(e));
    }
    layers_.reset(std::move(entries));
#ifdef __GLIBC__
    malloc_trim(0);  // what loading freed (the reader's buffers, the replaced project) goes back
#endif
    path_ = QString::fromStdString(project_.file);
    remember(path_);
    emit projectChanged();
    emit finished(true);
}

ProjectController::Snapshot ProjectController::snapshot() const
{
    Snapshot s{std::make_shared<Project>(project_), std::make_shared<std::vector<Layer>>()};
    s.project->layers.clear();
    for (const auto& e : layers_.entries()) {
        if (e.result) continue;
        s.project->layers.push_back(e.config);
        s.layers->push_back(e.layer ? *e.layer : Layer{});
    }
    return s;
}

void ProjectController::showResult(const QString& id, const QString& title, Role role, Layer layer, const Style& style)
{
    LayerListModel::Entry e;
    e.config.id = id.toStdString();
    e.config.title = title.toStdString();
    e.config.role = role;
    e.style = style;
    e.unit = prepare(layer);
    e.layer = std::make_shared<const Layer>(std::move(layer));
    e.visible = true;
    e.result = true;
    layers_.put(std::move(e));
}

bool ProjectController::showPointResult(const QString& id, const QString& title, const QString& roleKey,
                                        const QVariantList& coordinates, const QColor& color)
{
    const auto role = role_from_key(roleKey.toStdString());
    if (!role || id.isEmpty() || !color.isValid()) {
        setError(tr("无法显示分析结果“%1”：图层类型“%2”不存在，或没有给出 id 和颜色").arg(title, roleKey));
        return false;
    }
    Layer layer;
    layer.name = id.toStdString();
    layer.role = *role;
    layer.kind = GeometryKind::point;
    for (const QVariant& v : coordinates) {
        const auto c = v.value<QGeoCoordinate>();
        if (c.isValid()) layer.add_point(c.longitude(), c.latitude());
    }
    Style style;
    style.color = color.name().toStdString();
    style.outline = "#ffffff";
    style.size = 10;
    style.width = 1.5;
    showResult(id, title, *role, std::move(layer), style);
    return true;
}

bool ProjectController::clearResult(const QString& id)
{
    const int row = layers_.indexOf(id);
    const auto* e = layers_.entry(row);
    if (!e || !e->result) return false;
    return layers_.remove(id);
}

bool ProjectController::save(const QString& path)
{
    const QString target = path.isEmpty() ? path_ : QFileInfo(path).absoluteFilePath();
    if (target.isEmpty()) {
        setError(tr("还没有打开项目：请先打开一个项目文件"));
        return false;
    }
    Project out = project_;
    out.layers.clear();
    // The layers in the panel's order, with what the user changed there.
    for (const auto& e : layers_.entries()) {
        if (e.result) continue;
        LayerConfig c = e.config;
        c.visible = e.visible;
        // Sources stay reachable from the new place: relative to the new file where possible.
        const QString absolute = QString::fromStdString(project_.source_path(e.config));
        if (QFileInfo::exists(absolute))
            c.source = QFileInfo(target).absoluteDir().relativeFilePath(absolute).toStdString();
        out.layers.push_back(c);
        const std::string key = project_.styles.count(c.id) ? c.id : std::string(role_key(c.role));
        out.styles[key] = e.style;
    }
    const Status saved = save_project(out, target.toStdString());
    if (!saved) {
        setError(QString::fromStdString(saved.error().text()));
        return false;
    }
    // The open layers take their sources as now written, relative to the new file, so that a
    // second save (after "save as") still finds them.
    for (const auto& c : out.layers) {
        const int row = layers_.indexOf(QString::fromStdString(c.id));
        if (const auto* e = layers_.entry(row); e && e->config.source != c.source) {
            auto moved = *e;
            moved.config.source = c.source;
            layers_.put(std::move(moved));
        }
    }
    project_ = std::move(out);
    project_.file = target.toStdString();
    path_ = target;
    remember(path_);
    emit projectChanged();
    return true;
}

void ProjectController::remember(const QString& file)
{
    if (file.isEmpty()) return;
    auto settings = InstallLayout::userSettings();
    QStringList recent = settings->value(kRecentKey).toStringList();
    recent.removeAll(file);
    recent.prepend(file);
    while (recent.size() > kRecentMax) recent.removeLast();
    settings->setValue(kRecentKey, recent);
    emit recentProjectsChanged();
}

QStringList ProjectController::recentProjects() const
{
    return InstallLayout::userSettings()->value(kRecentKey).toStringList();
}

QVariantList ProjectController::roles() const
{
    QVariantList out;
    for (Role r : kAllRoles) {
        if (r == Role::coverage) continue;  // computed, never added by hand (DESIGN.md)
        out.push_back(QVariantMap{{QStringLiteral("key"), QString::fromUtf8(role_key(r).data())},
                                  {QStringLiteral("name"), QString::fromUtf8(role_name_zh(r).data())}});
    }
    return out;
}

QString ProjectController::localPath(const QUrl& url) { return url.isLocalFile() ? url.toLocalFile() : url.toString(); }

void ProjectController::addLayers(std::vector<LayerConfig> configs, std::map<std::string, Style> styles)
{
    if (configs.empty() || loading()) {
        setError(configs.empty() ? tr("没有要添加的图层") : tr("正在加载图层：请等它完成后再添加数据"));
        emit layerAdded(false);
        return;
    }
    // The drafted ids are unique among themselves; here they must be among the open layers too.
    std::set<std::string> taken;
    for (const auto& e : layers_.entries()) taken.insert(e.config.id);
    for (const auto& c : project_.layers) taken.insert(c.id);
    for (auto& c : configs) {
        std::string id = c.id;
        for (int n = 2; taken.contains(id); ++n) id = c.id + "_" + std::to_string(n);
        if (id != c.id) {
            if (auto own = styles.extract(c.id)) {  // a style of this very layer follows its new id
                own.key() = id;
                styles.insert(std::move(own));
            }
            c.id = id;
        }
        taken.insert(id);
    }
    auto added = std::make_shared<Added>();
    added->configs = std::move(configs);
    added->styles = std::move(styles);
    // The open boundaries place the new layers by location, as loading the saved project will.
    Project placing = project_;
    placing.layers.clear();
    std::vector<std::shared_ptr<const Layer>> boundaries;
    for (const auto& e : layers_.entries()) {
        if (e.result || e.config.role != Role::admin_boundary || !e.layer) continue;
        placing.layers.push_back(e.config);
        boundaries.push_back(e.layer);
    }
    for (const auto& c : added->configs) placing.layers.push_back(c);
    job_.start(
        tr("已取消添加数据"),
        [added, placing = std::move(placing),
         boundaries = std::move(boundaries)](const Feedback& feedback) -> Result<Added> {
            std::vector<Layer> layers;
            for (const auto& b : boundaries) layers.push_back(*b);
            for (const auto& c : added->configs) {
                if (feedback.cancelled()) return cancelled_error("已取消添加数据");
                auto read = io::read_layer(io::source_spec(placing, c));
                if (!read) return read.error();
                if (auto checked = analysis::check_field_mapping(placing, c, read->layer); !checked)
                    return checked.error();
                layers.push_back(std::move(read->layer));
                added->skipped.insert(added->skipped.end(), read->skipped.begin(), read->skipped.end());
                // What reading found odd (a count the file claims that is not its rows) is shown
                // with the placement's findings.
                added->problems.insert(added->problems.end(), read->problems.begin(), read->problems.end());
            }
            auto placed = analysis::place_by_location(placing, layers);
            if (!placed) return placed.error();
            added->problems.insert(added->problems.end(), placed->problems.begin(), placed->problems.end());
            Added out{added->configs, added->styles, {}, {}, std::move(added->skipped), std::move(added->problems)};
            for (std::size_t i = boundaries.size(); i < layers.size(); ++i) {
                out.units.push_back(prepare(layers[i]));
                out.layers.push_back(std::move(layers[i]));
            }
            return out;
        },
        [this](Result<Added> result) {
            if (!result) {
                emit layerAdded(false);
                return;
            }
            finishAdd(std::move(*result));
        });
}

QVariantMap ProjectController::identify(const QGeoCoordinate& at, const QGeoCoordinate& near) const
{
    if (!at.isValid() || !near.isValid()) return {};
    // The tolerance as degrees of longitude: `near` is a few pixels to the side of `at`.
    const double tol = std::max(std::abs(near.longitude() - at.longitude()), std::abs(near.latitude() - at.latitude()));
    const index::Click click{at.longitude(), at.latitude(), tol};
    const auto& entries = layers_.entries();
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        if (!it->visible || !it->layer) continue;
        // With the year control on, the sites as drawn: those standing that year.
        const bool year_view = it->shown && it->shown_source;
        const Layer& l = year_view ? *it->shown : *it->layer;
        const auto found = index::pick_feature(l, click);
        if (!found) continue;
        const auto f = static_cast<std::size_t>(*found);
        const auto feature = year_view ? (*it->shown_source)[f] : f;
        QVariantList attributes;
        for (const Column& c : l.columns)
            attributes.push_back(
                QVariantMap{{QStringLiteral("name"), QString::fromStdString(column_label(it->config, c.name))},
                            {QStringLiteral("value"), QString::fromStdString(c.text(f))}});
        const Column* names = field_column(l, it->config, "name");
        return {{QStringLiteral("layerId"), QString::fromStdString(it->config.id)},
                {QStringLiteral("layerTitle"),
                 QString::fromStdString(it->config.title.empty() ? it->config.id : it->config.title)},
                {QStringLiteral("feature"), static_cast<int>(feature)},
                {QStringLiteral("name"), names ? QString::fromStdString(names->text(f)) : QString()},
                {QStringLiteral("attributes"), attributes}};
    }
    return {};
}

QString ProjectController::unitAt(const QString& layerId, const QGeoCoordinate& at) const
{
    const auto* e = layers_.entry(layers_.indexOf(layerId));
    if (!e || e->layer->kind != GeometryKind::polygon || !at.isValid()) return {};
    const auto f = index::polygon_containing(*e->layer, at.longitude(), at.latitude());
    const Column* names = field_column(*e->layer, e->config, "name");
    return !f || !names ? QString() : QString::fromStdString(names->text(*f));
}

void ProjectController::limitHeapGrowth()
{
#ifdef __GLIBC__
    // glibc raises its mmap threshold each time a large block is freed, after which large
    // blocks (a layer's arrays, a layer's picture) come from the heap and stay resident when
    // freed; a fixed threshold gives each back to the system. Two arenas stop every worker
    // thread (loading, drawing) from keeping a heap of its own. (mallopt(3))
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 2);
#endif
}

QString ProjectController::samplePath() { return InstallLayout::current().samplePath(); }

}  // namespace coopmap::app
