// The layers of a new project (or of data being added) as intake::draft_project guessed
// them, one row each, for the 新建项目/添加数据 dialog; NewProjectController edits the rows.
#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <vector>

#include "intake/intake.h"
#include "model/layer.h"

namespace coopmap::app {

class DraftLayerModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by NewProjectController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        FileRole = Qt::UserRole + 1,  // the data file's name, with the layer inside it if it has several
        PathRole,          // what the user gave (file or folder)
        TitleRole,
        RoleKeyRole,       // "" while nothing says what the layer is and the user has not chosen
        RoleNameRole,
        LevelRole,         // admin_boundary: "county" or "township"
        KindRole,          // "point", "line" or "polygon"
        CrsRole,           // as the project file will say it: EPSG:n, GCJ02, BD09; "" the source's own
        CrsTextRole,       // the same for people: "CGCS2000 (EPSG:4490)", "源文件自带"…
        AskOffsetRole,     // lon/lat in China with no CRS said: the user says whose coordinates they are
        OffsetRole,        // "", "wgs84", "gcj02" or "bd09" ("" while not answered)
        EncodingRole,      // "" (as found), "UTF-8", "CP936"…
        FieldsRole,        // "名称=村名，人口=人口…", or what is missing
        FieldListRole,     // [{key, label, column}] for every field of the role, column "" if not mapped
        ColumnsRole,       // the source's columns, to map a field to
        NotesRole,         // every guess, one Chinese line each
        FeatureCountRole,
        ReadyRole,         // role and (where asked) offset answered: nothing stops saving this row
        ErrorRole,         // why the layer could not be read with its settings, "" if it could
    };

    struct Row {
        intake::LayerGuess guess;
        std::string guessed_crs;      // draft_project's CRS, what "WGS84/CGCS2000" goes back to
        QString offset;               // see OffsetRole
        bool role_chosen = false;     // guessed or chosen by the user
        std::shared_ptr<const Layer> layer;  // as last read, with `read_with`
        LayerConfig read_with;        // the settings it was last read with
        bool read = false;            // read at least once (successfully or not)
        QString read_error;
        // Not read yet, or its CRS or encoding changed since: read again before showing it.
        bool stale() const
        {
            return !read || read_with.crs != guess.config.crs || read_with.encoding != guess.config.encoding;
        }
        bool ready() const { return role_chosen && (!guess.ask_offset || !offset.isEmpty()); }
    };

    explicit DraftLayerModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(std::vector<Row> rows);
    const std::vector<Row>& rows() const { return rows_; }
    Row* row(int index);
    // After a row changed through row(): tells the views.
    void changed(int index);

    // One row as a map of its role names, for tests and dialogs.
    Q_INVOKABLE QVariantMap get(int row) const;
    // The row of the data file with this name (FileRole), -1 if none.
    Q_INVOKABLE int indexOfFile(const QString& file) const;

signals:
    void countChanged();

private:
    std::vector<Row> rows_;
};

// The Chinese line for a CRS as the project file says it ("" = the source's own).
QString crs_text(const std::string& crs);

}  // namespace coopmap::app
