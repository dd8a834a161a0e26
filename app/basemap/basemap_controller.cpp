#include "basemap/basemap_controller.h"

#include <QCryptographicHash>
#include <QDir>
#include <QTimer>
#include <QUrl>

#include "basemap/basemap_source.h"
#include "basemap/tile_import.h"

namespace coopmap::app {

struct BasemapController::Outcome {
    QString kind;
    QString directory;
    int tiles = 0;
    bool reused = false;
};

namespace {

QVariantMap to_variant(const std::map<std::string, std::string>& parameters)
{
    QVariantMap out;
    for (const auto& [k, v] : parameters) out.insert(QString::fromStdString(k), QString::fromStdString(v));
    return out;
}

QString hash12(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
}

}  // namespace

BasemapController::BasemapController(QObject* parent)
    : QObject(parent), cacheRoot_(QString::fromStdString(basemap::default_cache_root()))
{
    basemap::install_masking_message_handler();
    // A key can come from the environment, so that it need not be typed or stored anywhere.
    key_ = qEnvironmentVariable("COOPMAP_TILE_KEY");
    parameters_ = to_variant(basemap::offline_parameters({}, qtCacheFor("blank")));
    connect(&job_, &JobRunner::runningChanged, this, &BasemapController::busyChanged);
    connect(&job_, &JobRunner::progressChanged, this, &BasemapController::progressChanged);
    connect(&job_, &JobRunner::errorTextChanged, this, &BasemapController::statusChanged);
    // The key never reaches a message.
    job_.setErrorFormat(
        [this](const Error& e) { return QString::fromStdString(basemap::mask_secrets(e.text(), key_.toStdString())); });
}

BasemapController::~BasemapController() = default;

void BasemapController::setProjectPath(const QString& path)
{
    if (path == projectPath_) return;
    projectPath_ = path;
    emit projectPathChanged();
    project_.reset();
    if (path.isEmpty()) return;
    auto project = read_project(path.toStdString());
    if (!project) {
        setStatus({}, QString::fromStdString(basemap::mask_secrets(project.error().text(), key_.toStdString())));
        return;
    }
    project_ = std::move(*project);
    const auto& b = project_->basemap;
    kind_ = QString::fromStdString(b.kind);
    urlTemplate_ = QString::fromStdString(b.url);
    tilesSource_.clear();
    if (!b.directory.empty()) {
        LayerConfig as_layer;
        as_layer.source = b.directory;  // resolved against the project file like a layer's source
        tilesSource_ = QString::fromStdString(project_->source_path(as_layer));
    }
    emit kindChanged();
    emit choicesChanged();
    scheduleRefresh();
}

void BasemapController::setKind(const QString& kind)
{
    if (kind == kind_) return;
    kind_ = kind;
    emit kindChanged();
    scheduleRefresh();
}

QVariantList BasemapController::choices() const
{
    auto choice = [](const QString& kind, const QString& title, const QString& description, bool available) {
        return QVariantMap{{QStringLiteral("kind"), kind},
                           {QStringLiteral("title"), title},
                           {QStringLiteral("description"), description},
                           {QStringLiteral("available"), available}};
    };
    return {
        choice(QStringLiteral("offline"), tr("本地底图（离线）"), tr("由项目中的行政区界、道路、水系绘制，无需网络"),
               project_.has_value()),
        choice(QStringLiteral("tiles"), tr("导入的瓦片"), tr("瓦片目录（XYZ 或 TMS）或 MBTiles 文件"),
               !tilesSource_.isEmpty()),
        choice(QStringLiteral("xyz"), tr("在线底图"), tr("天地图、OpenStreetMap 等在线瓦片服务，需要网络"),
               !urlTemplate_.isEmpty()),
    };
}

void BasemapController::setTilesSource(const QString& source)
{
    if (source == tilesSource_) return;
    tilesSource_ = source;
    emit choicesChanged();
    if (kind_ == QLatin1String("tiles")) scheduleRefresh();
}

void BasemapController::setUrlTemplate(const QString& url)
{
    if (url == urlTemplate_) return;
    urlTemplate_ = url;
    emit choicesChanged();
    if (kind_ == QLatin1String("xyz")) scheduleRefresh();
}

QString BasemapController::urlText() const
{
    return QString::fromStdString(basemap::mask_secrets(urlTemplate_.toStdString(), key_.toStdString()));
}

void BasemapController::setKey(const QString& key)
{
    if (key == key_) return;
    key_ = key;
    emit choicesChanged();
    if (kind_ == QLatin1String("xyz")) scheduleRefresh();
}

void BasemapController::setMinZoom(int z)
{
    if (z == zooms_.min) return;
    zooms_.min = z;
    emit zoomsChanged();
    if (kind_ == QLatin1String("offline")) scheduleRefresh();
}

void BasemapController::setMaxZoom(int z)
{
    if (z == zooms_.max) return;
    zooms_.max = z;
    emit zoomsChanged();
    if (kind_ == QLatin1String("offline")) scheduleRefresh();
}

void BasemapController::setCacheRoot(const QString& root)
{
    if (root == cacheRoot_) return;
    cacheRoot_ = root;
    emit cacheRootChanged();
    scheduleRefresh();
}

void BasemapController::importTiles(const QString& pathOrUrl)
{
    const QUrl url(pathOrUrl);
    setTilesSource(url.isLocalFile() ? url.toLocalFile() : pathOrUrl);
    setKind(QStringLiteral("tiles"));
    scheduleRefresh();
}

void BasemapController::cancel() { job_.cancel(); }

void BasemapController::scheduleRefresh()
{
    // Several properties are often set together (from QML at start-up): prepare once.
    if (refreshQueued_) return;
    refreshQueued_ = true;
    QTimer::singleShot(0, this, [this] {
        refreshQueued_ = false;
        refresh();
    });
}

std::string BasemapController::tileDirectoryFor(const QString& kind) const
{
    const std::string root = cacheRoot_.toStdString();
    if (kind == QLatin1String("tiles"))
        return basemap::default_import_directory(projectPath_.toStdString(), tilesSource_.toStdString(), root);
    return basemap::default_tile_directory(projectPath_.toStdString(), root);
}

std::string BasemapController::qtCacheFor(const std::string& what) const
{
    return (cacheRoot_ + QStringLiteral("/qtlocation-") + hash12(QString::fromStdString(what))).toStdString();
}

void BasemapController::refresh()
{
    // A preparation still running is for an older choice: its tiles are not shown.
    job_.discard();
    const std::string key = key_.toStdString();
    if (kind_ == QLatin1String("xyz")) {
        const auto host = basemap::custom_host(urlTemplate_.toStdString(), key);
        if (!host) {
            setStatus({}, QString::fromStdString(basemap::mask_secrets(host.error().text(), key)));
            emit prepared(false);
            return;
        }
        apply(basemap::online_parameters(*host, qtCacheFor(urlTemplate_.toStdString())), {}, true);
        setStatus(tr("在线底图：%1").arg(urlText()), {});
        emit prepared(true);
        return;
    }
    if (kind_ != QLatin1String("offline") && kind_ != QLatin1String("tiles")) {
        setStatus({}, tr("未知的底图类型“%1”：应为 offline、tiles 或 xyz").arg(kind_));
        emit prepared(false);
        return;
    }
    if (!project_) {
        setStatus({}, projectPath_.isEmpty() ? QString() : errorText());
        emit prepared(false);
        return;
    }
    if (kind_ == QLatin1String("tiles") && tilesSource_.isEmpty()) {
        setStatus({}, tr("请选择瓦片目录或 MBTiles 文件"));
        emit prepared(false);
        return;
    }

    setStatus(kind_ == QLatin1String("offline") ? tr("正在生成离线底图…") : tr("正在导入瓦片…"), {});
    const Project project = *project_;
    const QString kind = kind_;
    const std::string directory = tileDirectoryFor(kind_);
    const std::string source = tilesSource_.toStdString();
    const basemap::ZoomRange zooms = zooms_;
    job_.start(
        tr("已取消生成底图"),
        [=](const Feedback& feedback) -> Result<Outcome> {
            const auto result =
                kind == QLatin1String("offline")
                    ? basemap::render_project_tiles(project, directory, zooms, feedback.callback())
                    : basemap::import_tiles(source, directory, basemap::TileScheme::automatic, feedback.callback());
            if (!result) return result.error();
            return Outcome{kind, QString::fromStdString(result->directory), result->tiles, result->reused};
        },
        [this](Result<Outcome> out) {
            if (!out) {
                statusText_.clear();  // errorText (the runner's) says what went wrong
                emit statusChanged();
                emit prepared(false);
                return;
            }
            finish(*out);
        });
}

void BasemapController::finish(const Outcome& out)
{
    const std::string dir = out.directory.toStdString();
    apply(basemap::offline_parameters(dir, qtCacheFor(dir)), out.directory, true);
    const QString what = out.kind == QLatin1String("offline") ? tr("离线底图") : tr("导入的瓦片");
    setStatus(out.reused ? tr("%1：%2 张瓦片（已是最新）").arg(what).arg(out.tiles)
                         : tr("%1：已生成 %2 张瓦片").arg(what).arg(out.tiles),
              {});
    emit prepared(true);
}

void BasemapController::setStatus(const QString& status, const QString& error)
{
    if (status == statusText_ && error == job_.errorText()) return;
    statusText_ = status;
    const QSignalBlocker quiet(job_);  // one statusChanged for both
    job_.setErrorText(error);
    emit statusChanged();
}

void BasemapController::apply(const std::map<std::string, std::string>& parameters, const QString& directory,
                              bool ready)
{
    parameters_ = to_variant(parameters);
    tileDirectory_ = directory;
    ready_ = ready;
    ++revision_;  // even with equal parameters: the tiles behind them may be new
    emit parametersChanged();
}

}  // namespace coopmap::app
