// Editing one point layer of the open project from the map and a form: add, move and delete
// sites, change attributes, undo/redo, save back to the layer's source off the UI thread,
// and settle a PostGIS conflict. Wraps layers/edit's EditSession; every edit is shown on the
// map at once by replacing the layer in the project's layer list.
#pragma once

#include <QGeoCoordinate>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <optional>
#include <vector>

#include "edit/edit_session.h"
#include "index/point_index.h"
#include "jobs/job_runner.h"
#include "project/project_controller.h"

namespace coopmap::app {

class EditController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    // The open point layers that can be edited: [{id, title, roleName}].
    Q_PROPERTY(QVariantList editableLayers READ editableLayers NOTIFY editableLayersChanged)
    // The layer being edited ("" none) and its role's Chinese name.
    Q_PROPERTY(QString layerId READ layerId NOTIFY sessionChanged)
    Q_PROPERTY(QString roleName READ roleName NOTIFY sessionChanged)
    Q_PROPERTY(bool active READ active NOTIFY sessionChanged)
    // What a press on the map does: select | add | move | delete.
    Q_PROPERTY(QString tool READ tool WRITE setTool NOTIFY toolChanged)
    Q_PROPERTY(int selected READ selected WRITE select NOTIFY selectionChanged)
    Q_PROPERTY(QGeoCoordinate selectedCoordinate READ selectedCoordinate NOTIFY selectionChanged)
    // The selected site's attributes for the form: [{column, label, value, type}], role fields
    // first in the role's order, then the layer's other columns.
    Q_PROPERTY(QVariantList form READ form NOTIFY selectionChanged)
    Q_PROPERTY(int featureCount READ featureCount NOTIFY editsChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY editsChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY editsChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY editsChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY editsChanged)
    // Edits not yet saved to the source.
    Q_PROPERTY(bool dirty READ dirty NOTIFY editsChanged)
    Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)
    // The outcome of the last operation: a note when it went well, errorText when not.
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY messageChanged)
    // A refused PostGIS save: [{id, title, text, fields: [{field, mine, theirs, differs}]}].
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY conflictsChanged)
    // A new or moved site this many screen pixels from a village or closer snaps onto it.
    Q_PROPERTY(double snapPixels READ snapPixels WRITE setSnapPixels NOTIFY snapPixelsChanged)
    // The village the last position snapped to: {coordinate, name, code} or {}.
    Q_PROPERTY(QVariantMap snapTarget READ snapTarget NOTIFY snapTargetChanged)
    // Unsaved edits a window that was killed left in the project's journal (issue 17), checked
    // against the layer and offered for restoring: {layerId, title, edits, when}, or {}.
    Q_PROPERTY(QVariantMap journal READ journal NOTIFY journalChanged)
    // Why a journal that was found cannot be restored (damaged, or the layer changed since);
    // "" if none. The journal is then kept aside under another name and not applied.
    Q_PROPERTY(QString journalProblem READ journalProblem NOTIFY journalChanged)

public:
    explicit EditController(QObject* parent = nullptr);
    ~EditController() override;

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    QVariantList editableLayers() const;
    QString layerId() const { return layerId_; }
    QString roleName() const;
    bool active() const { return session_ != nullptr; }
    QString tool() const { return tool_; }
    void setTool(const QString& tool);
    int selected() const { return selected_; }
    void select(int feature);
    QGeoCoordinate selectedCoordinate() const { return coordinate(selected_); }
    QVariantList form() const;
    int featureCount() const;
    bool canUndo() const { return session_ && session_->can_undo(); }
    bool canRedo() const { return session_ && session_->can_redo(); }
    QString undoText() const;
    QString redoText() const;
    bool dirty() const { return session_ && session_->dirty(); }
    bool saving() const { return job_.running(); }
    QString message() const { return message_; }
    QString errorText() const { return errorText_; }
    QVariantList conflicts() const;
    double snapPixels() const { return snapPixels_; }
    void setSnapPixels(double px);
    QVariantMap snapTarget() const { return snapTarget_; }
    QVariantMap journal() const { return journal_; }
    QString journalProblem() const { return journalProblem_; }
    // Where the open project's edits are journaled: beside it, "<project>.journal".
    QString journalPath() const;

    // Starts editing a layer of the project (a point layer). Refused while the layer being
    // edited has unsaved edits: save() or discard() first.
    Q_INVOKABLE bool edit(const QString& layerId);
    // Stops editing; refused (false) with unsaved edits, like edit().
    Q_INVOKABLE bool stop();
    // Drops every unsaved edit: the layer is read again from its source and shown as it is.
    Q_INVOKABLE bool discard();

    // `metresPerPixel` is the map's scale where the press was; it turns snapPixels into metres.
    // Adds a site (snapped to a village within reach, codes filled from it); its index or -1.
    Q_INVOKABLE int addSite(const QGeoCoordinate& at, double metresPerPixel);
    Q_INVOKABLE bool moveSite(int feature, const QGeoCoordinate& to, double metresPerPixel);
    Q_INVOKABLE bool deleteSite(int feature);
    // The site of the edited layer nearest to `at` within snapPixels, -1 if none.
    Q_INVOKABLE int siteAt(const QGeoCoordinate& at, double metresPerPixel) const;
    // Where a site put at `at` would go (the village snapped to, or `at`); sets snapTarget.
    Q_INVOKABLE QGeoCoordinate snapPreview(const QGeoCoordinate& at, double metresPerPixel);
    Q_INVOKABLE void clearSnap();
    // The map's scale where two screen points `pixels` apart show `a` and `b` (geodesic).
    Q_INVOKABLE static double metresPerPixel(const QGeoCoordinate& a, const QGeoCoordinate& b, double pixels);

    // Why `text` cannot be the value of `column` for this site, "" if it can: for the form.
    Q_INVOKABLE QString check(int feature, const QString& column, const QString& text) const;
    // Sets attributes from a form ({column: text}), one undo step.
    Q_INVOKABLE bool setAttributes(int feature, const QVariantMap& values);
    Q_INVOKABLE bool setAttribute(int feature, const QString& column, const QString& text);
    Q_INVOKABLE QString value(int feature, const QString& column) const;
    Q_INVOKABLE QGeoCoordinate coordinate(int feature) const;

    Q_INVOKABLE bool undo();
    Q_INVOKABLE bool redo();

    // Writes the edits to the layer's source in a worker thread; saveFinished tells the end.
    Q_INVOKABLE void save();
    // Writes the layer with its edits to a new GeoPackage and edits that from then on; the
    // project's layer points to it (saved with the project). For keeping the original as is.
    Q_INVOKABLE bool saveAs(const QString& path);
    // After a conflict: take the database's version of every conflicting site…
    Q_INVOKABLE void keepTheirs();
    // …or keep this one and save again, overwriting the database's knowingly.
    Q_INVOKABLE void overwrite();

    // The offered journal: replayed onto its layer (then being edited, still unsaved), or
    // removed with its edits. restoreJournal is false (and says why) if it could not be.
    Q_INVOKABLE bool restoreJournal();
    Q_INVOKABLE void discardJournal();
    Q_INVOKABLE void dismissJournalProblem();

signals:
    void projectChanged();
    void editableLayersChanged();
    void sessionChanged();
    void toolChanged();
    void selectionChanged();
    void editsChanged();
    void savingChanged();
    void messageChanged();
    void conflictsChanged();
    void snapPixelsChanged();
    void snapTargetChanged();
    void journalChanged();
    void saveFinished(bool ok);

private:
    struct Snap {
        bool found = false;
        double lon = 0, lat = 0;
        QString name, code;
        std::map<std::string, edit::Value> codes;  // edited layer's column -> value from the village
    };
    struct Villages;

    const LayerListModel::Entry* entry() const;
    Snap snap(double lon, double lat, double metresPerPixel) const;
    bool refuse();
    void fail(const Error& e);
    void note(const QString& text);
    void publish();
    void afterEdit();
    void finishSave(Result<edit::SaveOutcome> saved);
    void closeSession();
    bool openSession(const LayerConfig& config);
    std::size_t columnIndex(const QString& column) const;
    void findJournal();
    void refuseJournal(const Error& why);

    QPointer<ProjectController> project_;
    std::unique_ptr<edit::EditSession> session_;
    QString layerId_;
    QString tool_ = QStringLiteral("select");
    int selected_ = -1;
    QString message_, errorText_;
    std::vector<edit::Conflict> conflicts_;
    double snapPixels_ = 12;
    QVariantMap snapTarget_;
    mutable std::shared_ptr<Villages> villages_;
    std::optional<edit::JournalContents> pendingJournal_;
    QVariantMap journal_;
    QString journalProblem_;
    // Saving; its worker writes through session_, so the runner (which waits for it when
    // destroyed) comes after it.
    JobRunner job_;
};

}  // namespace coopmap::app
