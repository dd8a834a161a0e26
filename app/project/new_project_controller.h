// The 新建项目 and 添加数据 dialog's controller: what the user chose (files, folders, zips)
// goes through intake::draft_project off the UI thread, every guessed layer becomes an
// editable row, the rows can be previewed on the map, and the result is written with
// intake::project_from_draft (新建项目) or added to the open project (添加数据) — the same
// engine path as `coopmap-cli new`.
#pragma once

#include <QGeoRectangle>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <memory>
#include <vector>

#include "intake/intake.h"
#include "jobs/job_runner.h"
#include "project/draft_layer_model.h"
#include "project/project_controller.h"

namespace coopmap::app {

class NewProjectController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // Where the project is opened after saving, and where 添加数据 adds to (and the preview shows).
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    Q_PROPERTY(coopmap::app::DraftLayerModel* layers READ layers CONSTANT)
    // What the user gave so far, as local paths.
    Q_PROPERTY(QStringList paths READ paths NOTIFY draftChanged)
    // Tables without geometry found among them, one line each ("人口.xlsx：1234 行，没有坐标").
    Q_PROPERTY(QStringList tables READ tables NOTIFY draftChanged)
    // The project's name as the user typed it; "" keeps defaultName (the engine's, after the folder).
    Q_PROPERTY(QString name MEMBER name_ NOTIFY nameChanged)
    Q_PROPERTY(QString defaultName READ defaultName NOTIFY draftChanged)
    // Where 保存项目 writes unless the user picks another file: beside the data, after its folder.
    Q_PROPERTY(QString suggestedPath READ suggestedPath NOTIFY draftChanged)
    // Reading the data (drafting, or reading a layer again after a change); cancel() drops the result.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // Every row has a role and, where asked, its coordinates' offset: the project can be written.
    Q_PROPERTY(bool ready READ ready NOTIFY rowsChanged)
    // What is still to be answered, one line per layer ("村庄.xlsx：请选择坐标来源"); [] when ready.
    Q_PROPERTY(QStringList pending READ pending NOTIFY rowsChanged)
    // The preview's layers are on the map.
    Q_PROPERTY(bool previewing READ previewing NOTIFY previewChanged)
    // The lon/lat box of what was previewed, for the map to fit.
    Q_PROPERTY(QGeoRectangle previewRegion READ previewRegion NOTIFY previewChanged)
    // [{key, name}]: the answers to "whose coordinates are these?", and the encodings offered.
    Q_PROPERTY(QVariantList offsetChoices READ offsetChoices CONSTANT)
    Q_PROPERTY(QVariantList encodingChoices READ encodingChoices CONSTANT)
    Q_PROPERTY(QVariantList levelChoices READ levelChoices CONSTANT)

public:
    explicit NewProjectController(QObject* parent = nullptr);
    ~NewProjectController() override;

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    DraftLayerModel* layers() { return &layers_; }
    QStringList paths() const { return paths_; }
    QStringList tables() const;
    QString suggestedPath() const;
    QString defaultName() const { return QString::fromStdString(draftName_); }
    // Until done() has taken the result, not only while the worker runs.
    bool busy() const { return job_.running(); }
    QString errorText() const { return job_.errorText(); }
    bool ready() const;
    QStringList pending() const;
    bool previewing() const { return !previewIds_.isEmpty(); }
    QGeoRectangle previewRegion() const { return previewRegion_; }
    QVariantList offsetChoices() const;
    QVariantList encodingChoices() const;
    QVariantList levelChoices() const;

    // Adds files or folders (QUrls from a FileDialog/FolderDialog, or paths) and drafts the
    // layers of all given so far; rows already there keep what the user changed.
    Q_INVOKABLE void addPaths(const QVariantList& paths);
    // Forgets every path, row and preview (the dialog opened anew).
    Q_INVOKABLE void clear();
    Q_INVOKABLE void cancel();
    Q_INVOKABLE void clearError();

    // Edits of one row; each is checked and false (with errorText) if it cannot be. A change of
    // role, level, CRS, offset or encoding reads the layer again (intake::update_guess, off the
    // UI thread): its fields are guessed anew, keeping those the user chose that still exist.
    Q_INVOKABLE bool setRole(int row, const QString& roleKey);
    Q_INVOKABLE bool setLevel(int row, const QString& level);
    Q_INVOKABLE bool setTitle(int row, const QString& title);
    // A CRS as the project file takes it: EPSG:n, WKT, GCJ02, BD09; "" the source's own.
    Q_INVOKABLE bool setCrs(int row, const QString& crs);
    // The answer to askOffset: "wgs84", "gcj02" or "bd09".
    Q_INVOKABLE bool setOffset(int row, const QString& key);
    Q_INVOKABLE bool setEncoding(int row, const QString& encoding);
    // Maps role field `key` to the source's `column`; "" leaves the field unmapped.
    Q_INVOKABLE bool setField(int row, const QString& key, const QString& column);

    // Shows every row as read on the project's map as result layers (never saved), once the
    // reading of changed rows is done; previewChanged and previewed when they are there.
    Q_INVOKABLE void preview();
    Q_INVOKABLE void clearPreview();
    // Writes the project to `path` (a new file unless `overwrite`) and opens it in the project
    // controller; false and errorText if anything is unanswered or cannot be written.
    Q_INVOKABLE bool save(const QString& path, bool overwrite = false);
    // Adds the rows to the open project as new layers, with their guessed fields, CRS and the
    // default style of their role where the project has none; false and errorText on failure.
    Q_INVOKABLE bool addToProject();
    // A file path from a QML url (the save dialog gives one).
    Q_INVOKABLE static QString localPath(const QUrl& url) { return ProjectController::localPath(url); }

signals:
    void projectChanged();
    void draftChanged();
    void nameChanged();
    void rowsChanged();
    void busyChanged();
    void errorTextChanged();
    void previewChanged();
    // After every addPaths(): ok false on error or cancel (errorText says which).
    void drafted(bool ok);
    // After every preview(), successful or not.
    void previewed(bool ok);
    // After save() wrote the file (the project controller then opens it).
    void saved(const QString& path);

private:
    struct Work;
    void start(std::shared_ptr<Work> work);
    void done(Result<std::shared_ptr<Work>> work);
    void startNext();
    void setError(const QString& text) { job_.setErrorText(text); }
    intake::ProjectDraft currentDraft() const;
    bool editable(int row);
    // After a change the guess depends on: read the row again (now, or after what runs).
    void reread(int row);
    void showPreview();

    QPointer<ProjectController> project_;
    DraftLayerModel layers_;
    QStringList paths_;
    std::vector<intake::FoundSource> tables_;
    std::string draftName_;
    QString name_;
    std::vector<int> rereads_;  // rows waiting to be read again, in order
    bool previewWhenDone_ = false;
    bool drafting_ = false;  // the running job drafts (else it reads one row again)
    // Field mappings the user chose per row (by source uri + layer), kept over later guesses.
    std::map<std::pair<std::string, std::string>, std::map<std::string, std::string>> chosenFields_;
    QStringList previewIds_;
    QGeoRectangle previewRegion_;
    JobRunner job_;
};

}  // namespace coopmap::app
