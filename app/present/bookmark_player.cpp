#include "bookmark_player.h"

#include <set>

namespace coopmap::app {

BookmarkPlayer::BookmarkPlayer(QObject* parent) : QObject(parent) {}

void BookmarkPlayer::setProject(ProjectController* p)
{
    if (p == project_) return;
    if (project_) disconnect(project_, nullptr, this, nullptr);
    project_ = p;
    if (project_) connect(project_, &ProjectController::projectChanged, this, &BookmarkPlayer::reload);
    reload();
    emit projectChanged();
}

void BookmarkPlayer::reload()
{
    bookmarks_ = project_ ? project_->project().bookmarks : std::vector<Bookmark>{};
    current_ = -1;
    emit bookmarksChanged();
    emit currentChanged();
}

QStringList BookmarkPlayer::names() const
{
    QStringList out;
    for (const auto& b : bookmarks_) out << QString::fromStdString(b.name);
    return out;
}

QString BookmarkPlayer::name() const
{
    return current_ >= 0 ? QString::fromStdString(bookmarks_[current_].name) : QString();
}

QString BookmarkPlayer::caption() const
{
    return current_ >= 0 ? QString::fromStdString(bookmarks_[current_].caption) : QString();
}

QGeoCoordinate BookmarkPlayer::center() const
{
    if (current_ < 0) return {};
    return {bookmarks_[current_].view.lat, bookmarks_[current_].view.lon};
}

double BookmarkPlayer::zoom() const { return current_ >= 0 ? bookmarks_[current_].view.zoom : 0; }

QStringList BookmarkPlayer::layerIds() const
{
    QStringList out;
    if (current_ >= 0)
        for (const auto& id : bookmarks_[current_].layers) out << QString::fromStdString(id);
    return out;
}

void BookmarkPlayer::setError(const QString& text)
{
    if (text == errorText_) return;
    errorText_ = text;
    emit errorTextChanged();
}

bool BookmarkPlayer::begin()
{
    setError({});
    if (!project_ || bookmarks_.empty()) {
        setError(tr("项目中没有书签：请先在地图上调好视图，用“添加书签”保存几个视图，再开始演示"));
        return false;
    }
    saved_.clear();
    for (const auto& e : project_->layers()->entries())
        saved_.emplace_back(QString::fromStdString(e.config.id), e.visible);
    current_ = -1;
    return go(0);
}

void BookmarkPlayer::end()
{
    if (project_) {
        auto* layers = project_->layers();
        for (const auto& [id, visible] : saved_)
            if (const int row = layers->indexOf(id); row >= 0) layers->setVisible(row, visible);
    }
    saved_.clear();
    current_ = -1;
    emit currentChanged();
}

bool BookmarkPlayer::go(int index)
{
    if (index < 0 || index >= count()) return false;
    current_ = index;
    applyLayers();
    emit currentChanged();
    return true;
}

void BookmarkPlayer::applyLayers()
{
    if (!project_) return;
    auto* layers = project_->layers();
    const Bookmark& b = bookmarks_[current_];
    if (b.layers.empty()) {
        // "As they are": as they were when the presentation began.
        for (const auto& [id, visible] : saved_)
            if (const int row = layers->indexOf(id); row >= 0) layers->setVisible(row, visible);
        return;
    }
    const std::set<std::string> shown(b.layers.begin(), b.layers.end());
    QStringList missing;
    for (const auto& id : b.layers)
        if (layers->indexOf(QString::fromStdString(id)) < 0) missing << QString::fromStdString(id);
    for (int row = 0; row < layers->rowCount(); ++row)
        layers->setVisible(row, shown.contains(layers->entry(row)->config.id));
    if (!missing.isEmpty())
        setError(tr("%1：书签“%2”中的图层 %3 不在项目中，已略过；请在项目文件中改正该书签的 layers")
                     .arg(project_->path(), QString::fromStdString(b.name), missing.join(QStringLiteral("、"))));
}

bool BookmarkPlayer::addFromView(const QString& name, const QString& caption, const QGeoCoordinate& center, double zoom)
{
    setError({});
    if (!project_ || project_->path().isEmpty()) {
        setError(tr("请先打开或保存项目，再添加书签"));
        return false;
    }
    if (name.trimmed().isEmpty() || !center.isValid()) {
        setError(tr("书签需要一个名称和有效的地图视图：请输入名称后重试"));
        return false;
    }
    Bookmark b;
    b.name = name.trimmed().toStdString();
    b.caption = caption.toStdString();
    b.view = View{center.longitude(), center.latitude(), zoom};
    for (const auto& e : project_->layers()->entries())
        if (e.visible) b.layers.push_back(e.config.id);

    // The file as it is on disk gets the bookmark; everything else in it stays as it was.
    const std::string file = project_->path().toStdString();
    auto project = read_project(file);
    if (!project) {
        setError(QString::fromStdString(project.error().text()));
        return false;
    }
    auto put = [&b](std::vector<Bookmark>& list) {
        for (auto& existing : list)
            if (existing.name == b.name) {
                existing = b;
                return;
            }
        list.push_back(b);
    };
    put(project->bookmarks);
    if (auto s = save_project(*project, file); !s) {
        setError(QString::fromStdString(s.error().text()));
        return false;
    }
    project_->keepBookmarks(project->bookmarks);
    put(bookmarks_);
    emit bookmarksChanged();
    return true;
}

}  // namespace coopmap::app
