#include "project/new_project_controller.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QVariantMap>

#include "io/gdal_reader.h"

namespace coopmap::app {

namespace {
const QString kPreviewPrefix = QStringLiteral("preview:");

QString name_of(const DraftLayerModel::Row& r) { return QString::fromStdString(r.guess.source.file); }

// The same source found again when more paths are added: the row keeps what the user set.
bool same_source(const intake::FoundSource& a, const intake::FoundSource& b)
{
    return a.uri == b.uri && a.layer == b.layer;
}
}  // namespace

struct NewProjectController::Work {
    // In: draft_project on `paths` (then rows are the rows there were, kept where found again),
    // else intake::update_guess on `guess`, row `row`'s with the user's change.
    bool draft = false;
    std::vector<std::string> paths;
    std::vector<DraftLayerModel::Row> rows;
    int row = -1;
    intake::LayerGuess guess;
    // Out.
    std::vector<intake::FoundSource> tables;
    std::string name;
};

NewProjectController::NewProjectController(QObject* parent) : QObject(parent)
{
    connect(&job_, &JobRunner::runningChanged, this, &NewProjectController::busyChanged);
    connect(&job_, &JobRunner::errorTextChanged, this, &NewProjectController::errorTextChanged);
}

NewProjectController::~NewProjectController() = default;

void NewProjectController::setProject(ProjectController* p)
{
    if (p == project_) return;
    clearPreview();
    project_ = p;
    emit projectChanged();
}

QStringList NewProjectController::tables() const
{
    QStringList out;
    for (const auto& t : tables_) {
        QString file = QString::fromStdString(t.file);
        if (!t.layer.empty()) file += QStringLiteral(" · ") + QString::fromStdString(t.layer);
        out << tr("%1：%2 行，没有坐标，不作为图层加入").arg(file).arg(t.features);
    }
    return out;
}

QString NewProjectController::suggestedPath() const
{
    if (paths_.isEmpty()) return {};
    const QFileInfo first(paths_.first());
    const QDir dir = first.isDir() ? QDir(first.absoluteFilePath()) : first.absoluteDir();
    const QString base = dir.dirName().isEmpty() ? tr("新项目") : dir.dirName();
    QString file = dir.absoluteFilePath(base + QStringLiteral(".coopmap"));
    for (int n = 2; QFileInfo::exists(file); ++n)
        file = dir.absoluteFilePath(QStringLiteral("%1_%2.coopmap").arg(base).arg(n));
    return file;
}

bool NewProjectController::ready() const
{
    if (busy() || layers_.rows().empty()) return false;
    for (const auto& r : layers_.rows())
        if (!r.ready()) return false;
    return true;
}

QStringList NewProjectController::pending() const
{
    QStringList out;
    for (const auto& r : layers_.rows()) {
        if (r.guess.problem) out << tr("%1：%2").arg(name_of(r), QString::fromStdString(r.guess.problem->message));
        if (!r.guess.role_known) out << tr("%1：请选择图层类型").arg(name_of(r));
        if (r.offset_asked && r.offset.isEmpty())
            out << tr("%1：请选择坐标来源（GPS/天地图、高德/腾讯 或 百度）").arg(name_of(r));
    }
    return out;
}

QVariantList NewProjectController::offsetChoices() const
{
    auto choice = [](const char* key, const QString& name) {
        return QVariantMap{{QStringLiteral("key"), QString::fromLatin1(key)}, {QStringLiteral("name"), name}};
    };
    return {choice("wgs84", tr("GPS/天地图：WGS84 / CGCS2000")), choice("gcj02", tr("高德/腾讯：GCJ-02")),
            choice("bd09", tr("百度：BD-09"))};
}

QVariantList NewProjectController::encodingChoices() const
{
    auto choice = [](const char* key, const QString& name) {
        return QVariantMap{{QStringLiteral("key"), QString::fromLatin1(key)}, {QStringLiteral("name"), name}};
    };
    return {choice("", tr("自动识别")), choice("UTF-8", QStringLiteral("UTF-8")),
            choice("CP936", QStringLiteral("GBK (CP936)")), choice("GB18030", QStringLiteral("GB18030"))};
}

QVariantList NewProjectController::levelChoices() const
{
    auto choice = [](const char* key, const QString& name) {
        return QVariantMap{{QStringLiteral("key"), QString::fromLatin1(key)}, {QStringLiteral("name"), name}};
    };
    return {choice("county", tr("县（市、区）界")), choice("township", tr("乡镇（街道）界"))};
}

void NewProjectController::addPaths(const QVariantList& paths)
{
    if (busy()) {
        setError(tr("正在读取数据，请稍候或先取消"));
        emit drafted(false);
        return;
    }
    QStringList all = paths_;
    for (const QVariant& v : paths) {
        const QString text = v.toString();
        const QString local = v.metaType() == QMetaType::fromType<QUrl>() || text.startsWith(u"file:")
                                  ? ProjectController::localPath(v.toUrl())
                                  : text;
        const QString absolute = QFileInfo(local).absoluteFilePath();
        if (!local.isEmpty() && !all.contains(absolute)) all << absolute;
    }
    if (all.isEmpty()) {
        setError(tr("请选择要加入的数据文件或文件夹"));
        emit drafted(false);
        return;
    }
    auto work = std::make_shared<Work>();
    work->draft = true;
    for (const QString& p : all) work->paths.push_back(p.toStdString());
    work->rows = layers_.rows();
    paths_ = all;
    emit draftChanged();
    start(std::move(work));
}

void NewProjectController::clear()
{
    job_.discard();  // what still runs from before is of no account
    drafting_ = false;
    clearPreview();
    paths_.clear();
    tables_.clear();
    draftName_.clear();
    name_.clear();
    rereads_.clear();
    previewWhenDone_ = false;
    chosenFields_.clear();
    layers_.reset({});
    setError({});
    emit nameChanged();
    emit draftChanged();
    emit busyChanged();
    emit rowsChanged();
}

void NewProjectController::cancel() { job_.cancel(); }

void NewProjectController::clearError() { setError({}); }

void NewProjectController::start(std::shared_ptr<Work> work)
{
    drafting_ = work->draft;
    // draft_project and update_guess take no feedback: a cancel drops what they read.
    job_.start(
        tr("已取消读取数据"),
        [work](const Feedback&) -> Result<std::shared_ptr<Work>> {
            if (!work->draft) {
                intake::update_guess(work->guess);
                return work;
            }
            auto draft = intake::draft_project(work->paths, {});
            if (!draft) return draft.error();
            std::vector<DraftLayerModel::Row> rows;
            for (auto& guess : draft->layers) {
                auto kept = std::find_if(work->rows.begin(), work->rows.end(),
                                         [&](const auto& r) { return same_source(r.guess.source, guess.source); });
                if (kept != work->rows.end()) {
                    rows.push_back(std::move(*kept));
                    continue;
                }
                DraftLayerModel::Row r;
                r.offset_asked = guess.ask_offset;
                r.guess = std::move(guess);
                rows.push_back(std::move(r));
            }
            work->rows = std::move(rows);
            work->tables = std::move(draft->tables);
            work->name = std::move(draft->name);
            return work;
        },
        [this](Result<std::shared_ptr<Work>> done) { this->done(std::move(done)); });
    emit busyChanged();
    emit rowsChanged();
}

void NewProjectController::done(Result<std::shared_ptr<Work>> result)
{
    const bool draft = drafting_;
    drafting_ = false;
    // Cancelled or failed (errorText says which): what was read is dropped; a draft's paths go
    // back to the rows there are.
    if (!result) {
        rereads_.clear();
        previewWhenDone_ = false;
        if (draft) {
            paths_.clear();
            for (const auto& r : layers_.rows())
                if (!paths_.contains(QString::fromStdString(r.guess.source.path)))
                    paths_ << QString::fromStdString(r.guess.source.path);
            emit draftChanged();
            emit drafted(false);
        }
        emit busyChanged();
        emit rowsChanged();
        return;
    }
    const auto work = std::move(*result);
    if (work->draft) {
        layers_.reset(std::move(work->rows));
        tables_ = std::move(work->tables);
        draftName_ = std::move(work->name);
        emit draftChanged();
    } else if (auto* r = layers_.row(work->row);
               r && std::find(rereads_.begin(), rereads_.end(), work->row) == rereads_.end()) {
        // (A row changed again meanwhile is read once more; this result is already old.)
        r->guess = std::move(work->guess);
        const auto chosen = chosenFields_.find({r->guess.source.uri, r->guess.source.layer});
        const QStringList columns = layers_.data(layers_.index(work->row), DraftLayerModel::ColumnsRole).toStringList();
        if (chosen != chosenFields_.end()) {
            for (const auto& [key, column] : chosen->second) {
                if (column.empty()) r->guess.config.fields.erase(key);
                else if (columns.contains(QString::fromStdString(column))) r->guess.config.fields[key] = column;
            }
        }
        layers_.changed(work->row);
    }
    if (work->draft) emit drafted(true);
    startNext();
}

void NewProjectController::startNext()
{
    if (!rereads_.empty()) {
        const int row = rereads_.front();
        rereads_.erase(rereads_.begin());
        if (const auto* r = layers_.row(row)) {
            auto work = std::make_shared<Work>();
            work->row = row;
            work->guess = r->guess;
            start(std::move(work));
            return;
        }
    }
    emit busyChanged();
    emit rowsChanged();
    if (previewWhenDone_) {
        previewWhenDone_ = false;
        showPreview();
    }
}

void NewProjectController::reread(int row)
{
    setError({});
    layers_.changed(row);
    rereads_.erase(std::remove(rereads_.begin(), rereads_.end(), row), rereads_.end());
    rereads_.push_back(row);
    if (!busy()) startNext();
    else emit rowsChanged();
}

bool NewProjectController::editable(int row)
{
    if (drafting_) {
        setError(tr("正在读取数据，请稍候"));
        return false;
    }
    if (!layers_.row(row)) {
        setError(tr("没有第 %1 个图层").arg(row + 1));
        return false;
    }
    return true;
}

bool NewProjectController::setRole(int row, const QString& roleKey)
{
    if (!editable(row)) return false;
    const auto role = role_from_key(roleKey.toStdString());
    if (!role || *role == Role::coverage) {
        setError(tr("没有“%1”这种图层类型").arg(roleKey));
        return false;
    }
    intake::LayerGuess& g = layers_.row(row)->guess;
    if (g.role_known && g.config.role == *role) return true;
    g.config.role = *role;
    g.config.level.clear();  // a boundary's level is guessed from its codes, else chosen
    g.role_known = true;
    g.role_why = tr("按选择为%1").arg(QString::fromUtf8(role_name_zh(*role).data())).toStdString();
    chosenFields_.erase({g.source.uri, g.source.layer});  // another role has other fields
    reread(row);
    return true;
}

bool NewProjectController::setLevel(int row, const QString& level)
{
    if (!editable(row)) return false;
    LayerConfig& c = layers_.row(row)->guess.config;
    if (c.role != Role::admin_boundary || (level != u"county" && level != u"township")) {
        setError(tr("只有行政区界分县界（county）和乡镇界（township）"));
        return false;
    }
    c.level = level.toStdString();
    reread(row);
    return true;
}

bool NewProjectController::setTitle(int row, const QString& title)
{
    if (!editable(row)) return false;
    if (title.trimmed().isEmpty()) {
        setError(tr("图层名称不能为空"));
        return false;
    }
    layers_.row(row)->guess.config.title = title.trimmed().toStdString();
    setError({});
    layers_.changed(row);
    return true;
}

bool NewProjectController::setCrs(int row, const QString& crs)
{
    if (!editable(row)) return false;
    auto* r = layers_.row(row);
    const QString c = crs.trimmed();
    // Naming the CRS answers whose coordinates they are too.
    if (c.compare(u"GCJ02", Qt::CaseInsensitive) == 0) r->offset = QStringLiteral("gcj02");
    else if (c.compare(u"BD09", Qt::CaseInsensitive) == 0) r->offset = QStringLiteral("bd09");
    else if (!c.isEmpty()) r->offset = QStringLiteral("wgs84");
    else r->offset.clear();
    r->guess.config.crs = r->offset == u"gcj02" ? "GCJ02" : r->offset == u"bd09" ? "BD09" : c.toStdString();
    r->guess.crs_why.clear();
    reread(row);
    return true;
}

bool NewProjectController::setOffset(int row, const QString& key)
{
    if (!editable(row)) return false;
    auto* r = layers_.row(row);
    // WGS84 and CGCS2000 differ by millimetres (DESIGN.md); the CLI's --crs FILE=WGS84 says EPSG:4326 too.
    std::string crs;
    if (key == u"wgs84") crs = "EPSG:4326";
    else if (key == u"gcj02") crs = "GCJ02";
    else if (key == u"bd09") crs = "BD09";
    else {
        setError(tr("坐标来源只能是 wgs84、gcj02 或 bd09，不是“%1”").arg(key));
        return false;
    }
    if (r->offset == key && r->guess.config.crs == crs) return true;
    r->offset = key;
    r->guess.config.crs = crs;
    r->guess.crs_why = tr("按选择：%1")
                           .arg(offsetChoices()
                                    .at(key == u"wgs84"   ? 0
                                        : key == u"gcj02" ? 1
                                                          : 2)
                                    .toMap()
                                    .value(QStringLiteral("name"))
                                    .toString())
                           .toStdString();
    reread(row);
    return true;
}

bool NewProjectController::setEncoding(int row, const QString& encoding)
{
    if (!editable(row)) return false;
    layers_.row(row)->guess.config.encoding = encoding.trimmed().toStdString();
    reread(row);
    return true;
}

bool NewProjectController::setField(int row, const QString& key, const QString& column)
{
    if (!editable(row)) return false;
    auto* r = layers_.row(row);
    LayerConfig& c = r->guess.config;
    const QStringList columns = layers_.data(layers_.index(row), DraftLayerModel::ColumnsRole).toStringList();
    if (!column.isEmpty() && !columns.contains(column)) {
        setError(tr("%1 没有“%2”这一列；它有：%3").arg(name_of(*r), column, columns.join(QStringLiteral("、"))));
        return false;
    }
    if (column.isEmpty()) c.fields.erase(key.toStdString());
    else c.fields[key.toStdString()] = column.toStdString();
    chosenFields_[{r->guess.source.uri, r->guess.source.layer}][key.toStdString()] = column.toStdString();
    setError({});
    layers_.changed(row);
    return true;
}

void NewProjectController::preview()
{
    if (!project_ || layers_.rows().empty()) {
        setError(tr("没有可以预览的图层"));
        emit previewed(false);
        return;
    }
    if (busy()) previewWhenDone_ = true;
    else showPreview();
}

void NewProjectController::showPreview()
{
    clearPreview();
    Bounds all;
    QStringList failed;
    for (const auto& r : layers_.rows()) {
        const intake::LayerGuess& g = r.guess;
        if (!g.layer) {
            failed << (g.problem ? QString::fromStdString(g.problem->text()) : tr("%1：没有读出图层").arg(name_of(r)));
            continue;
        }
        const LayerConfig& c = g.config;
        const QString id = kPreviewPrefix + QString::fromStdString(c.id);
        // The preview bar says these are a preview; the panel's narrow titles keep the layer's name.
        project_->showResult(id, QString::fromStdString(c.title), c.role, *g.layer,
                             intake::default_style(c.role, c.level));
        previewIds_ << id;
        all.extend(g.bounds);
    }
    previewRegion_ = all.empty()
                         ? QGeoRectangle()
                         : QGeoRectangle(QGeoCoordinate(all.max_y, all.min_x), QGeoCoordinate(all.min_y, all.max_x));
    if (!failed.isEmpty()) setError(failed.join(QLatin1Char('\n')));
    emit previewChanged();
    emit previewed(failed.isEmpty());
}

void NewProjectController::clearPreview()
{
    if (previewIds_.isEmpty()) return;
    if (project_)
        for (const QString& id : std::as_const(previewIds_)) project_->clearResult(id);
    previewIds_.clear();
    previewRegion_ = {};
    emit previewChanged();
}

intake::ProjectDraft NewProjectController::currentDraft() const
{
    intake::ProjectDraft draft;
    draft.name = draftName_;
    for (const auto& r : layers_.rows()) draft.layers.push_back(r.guess);
    draft.tables = tables_;
    return draft;
}

bool NewProjectController::save(const QString& path, bool overwrite)
{
    if (busy()) {
        setError(tr("正在读取数据，请稍候"));
        return false;
    }
    if (layers_.rows().empty()) {
        setError(tr("还没有图层：请先选择数据文件或文件夹"));
        return false;
    }
    if (!pending().isEmpty()) {
        setError(tr("还不能保存：") + pending().join(QStringLiteral("；")));
        return false;
    }
    QString target = path.trimmed();
    if (target.startsWith(u"file:")) target = ProjectController::localPath(QUrl(target));
    if (target.isEmpty()) {
        setError(tr("请给出项目文件的保存位置"));
        return false;
    }
    if (!target.endsWith(u".coopmap")) target += QStringLiteral(".coopmap");
    target = QFileInfo(target).absoluteFilePath();
    if (QFileInfo::exists(target) && !overwrite) {
        setError(tr("%1 已存在：请换一个文件名，或用“浏览…”选择覆盖它").arg(target));
        return false;
    }
    const auto project =
        intake::project_from_draft(currentDraft(), target.toStdString(), name_.trimmed().toStdString());
    if (!project) {
        setError(QString::fromStdString(project.error().text()));
        return false;
    }
    const Status written = save_project(*project, target.toStdString());
    if (!written) {
        setError(QString::fromStdString(written.error().text()));
        return false;
    }
    setError({});
    clearPreview();
    emit saved(target);
    if (project_) project_->open(target);
    return true;
}

bool NewProjectController::addToProject()
{
    if (busy()) {
        setError(tr("正在读取数据，请稍候"));
        return false;
    }
    if (!project_) {
        setError(tr("没有打开的项目可以添加图层"));
        return false;
    }
    if (layers_.rows().empty()) {
        setError(tr("还没有图层：请先选择数据文件或文件夹"));
        return false;
    }
    if (!pending().isEmpty()) {
        setError(tr("还不能添加：") + pending().join(QStringLiteral("；")));
        return false;
    }
    // Sources relative to the open project's file; with none open, relative to the data and
    // then made absolute, so the layers stay readable wherever the project is saved later.
    const bool unsaved = project_->path().isEmpty();
    const QString file = unsaved ? suggestedPath() : project_->path();
    auto drafted = intake::project_from_draft(currentDraft(), file.toStdString());
    if (!drafted) {
        setError(QString::fromStdString(drafted.error().text()));
        return false;
    }
    if (unsaved) {
        drafted->file = file.toStdString();
        for (auto& c : drafted->layers) c.source = drafted->source_path(c);
    }
    setError({});
    clearPreview();
    project_->addLayers(std::move(drafted->layers), std::move(drafted->styles));
    return true;
}

}  // namespace coopmap::app
