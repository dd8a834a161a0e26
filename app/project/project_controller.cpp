#include "project/project_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace coopmap::app {

struct ProjectController::Loaded {
    Result<Project> project = Error{};
    Result<io::ProjectLayers> layers = Error{};
};

ProjectController::ProjectController(QObject* parent) : QObject(parent)
{
    connect(&watcher_, &QFutureWatcherBase::finished, this, &ProjectController::finish);
}

ProjectController::~ProjectController()
{
    if (cancel_) cancel_->store(true);
    watcher_.waitForFinished();
}

QString ProjectController::name() const
{
    return QString::fromStdString(project_.name);
}

QString ProjectController::summary() const
{
    std::vector<std::size_t> counts;
    for (const auto& e : layers_.entries()) counts.push_back(e.layer->size());
    return QString::fromStdString(io::summary_line(project_, counts));
}

QGeoCoordinate ProjectController::center() const
{
    if (project_.view) return {project_.view->lat, project_.view->lon};
    Bounds b;
    for (const auto& e : layers_.entries()) b.extend(e.layer->bounds());
    if (b.empty()) return {};
    return {(b.min_y + b.max_y) / 2, (b.min_x + b.max_x) / 2};
}

double ProjectController::zoom() const
{
    return project_.view ? project_.view->zoom : 8.0;
}

QString ProjectController::skippedText() const
{
    QStringList lines;
    for (const auto& e : skipped_) lines << QString::fromStdString(e.text());
    return lines.join(QLatin1Char('\n'));
}

void ProjectController::open(const QString& path)
{
    if (loading_) cancel();
    watcher_.waitForFinished();
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    loading_ = true;
    progress_ = 0;
    emit loadingChanged();
    emit progressChanged();

    auto cancelled = cancel_;
    const std::string file = QFileInfo(path).absoluteFilePath().toStdString();
    watcher_.setFuture(QtConcurrent::run([this, file, cancelled] {
        auto out = std::make_shared<Loaded>();
        out->project = read_project(file);
        if (!out->project) return out;
        out->layers = io::load_project_layers(*out->project, [this, cancelled](double done) {
            QMetaObject::invokeMethod(this, [this, done] {
                progress_ = done;
                emit progressChanged();
            }, Qt::QueuedConnection);
            return !cancelled->load();
        });
        return out;
    }));
}

void ProjectController::cancel()
{
    if (cancel_) cancel_->store(true);
}

void ProjectController::clearError()
{
    setError({});
}

QGeoCoordinate ProjectController::featureCoordinate(const QString& layerId, int feature) const
{
    const auto* e = layers_.entry(layers_.indexOf(layerId));
    if (!e || feature < 0 || static_cast<std::size_t>(feature) >= e->layer->size()) return {};
    const auto f = static_cast<std::size_t>(feature);
    return {e->layer->first_y(f), e->layer->first_x(f)};
}

void ProjectController::setError(const QString& text)
{
    if (text == errorText_) return;
    errorText_ = text;
    emit errorTextChanged();
}

void ProjectController::finish()
{
    loading_ = false;
    emit loadingChanged();
    const std::shared_ptr<Loaded> loaded = watcher_.result();
    const bool ok = loaded->project && loaded->layers;
    if (!ok) {
        const Error& e = loaded->project ? loaded->layers.error() : loaded->project.error();
        setError(QString::fromStdString(e.text()));
        emit finished(false);
        return;
    }
    setError({});
    project_ = std::move(loaded->project.value());
    auto& read = loaded->layers.value();
    skipped_ = std::move(read.skipped);
    std::vector<LayerListModel::Entry> entries;
    for (std::size_t i = 0; i < project_.layers.size(); ++i) {
        LayerListModel::Entry e;
        e.config = project_.layers[i];
        if (const Style* s = project_.style_for(e.config)) e.style = *s;
        e.layer = std::make_shared<const Layer>(std::move(read.layers[i]));
        e.visible = e.config.visible;
        entries.push_back(std::move(e));
    }
    layers_.reset(std::move(entries));
    path_ = QString::fromStdString(project_.file);
    emit projectChanged();
    emit finished(true);
}

QString ProjectController::samplePath()
{
    const QString installed = QCoreApplication::applicationDirPath() +
                              QStringLiteral("/../share/coopmap/geodata/xiangyang.coopmap");
    if (QFileInfo::exists(installed)) return QDir::cleanPath(installed);
    return QStringLiteral(COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap");
}

}  // namespace coopmap::app
