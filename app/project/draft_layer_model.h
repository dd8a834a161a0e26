// The layers of a new project (or of data being added) as intake::draft_project guessed
// them, one row each, for the 新建项目/添加数据 dialog; NewProjectController edits the rows.
#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "intake/intake.h"

namespace coopmap::app {

class DraftLayerModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by NewProjectController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        FileRole = Qt::UserRole + 1,  // the data file's name, with the layer inside it if it has several
        PathRole,  // what the user gave (file or folder)
        TitleRole,
        RoleKeyRole,  // "" while nothing says what the layer is and the user has not chosen
        RoleNameRole,
        LevelRole,  // admin_boundary: "county" or "township"
        KindRole,  // "point", "line" or "polygon"
        CrsRole,  // as the project file will say it: EPSG:n, GCJ02, BD09; "" the source's own
        CrsTextRole,  // the same for people: "CGCS2000 (EPSG:4490)", "源文件自带"…
        AskOffsetRole,  // lon/lat in China with no CRS said: the user says whose coordinates they are
        OffsetRole,  // "", "wgs84", "gcj02" or "bd09" ("" while not answered)
        EncodingRole,  // "" (as found), "UTF-8", "CP936"…: what the user forced
        FieldsRole,  // "名称=村名，人口=人口…", or what is missing
        FieldListRole,  // [{key, label, column}] for every field of the role, column "" if not mapped
        ColumnsRole,  // the source's columns, to map a field to
        NotesRole,  // every guess, one Chinese line each
        FeatureCountRole,
        FoundEncodingRole,  // the encoding the reader decoded the text with, e.g. "CP936"
        ReadyRole,  // role and (where asked) offset answered, and readable: nothing stops saving it
        ErrorRole,  // why the layer cannot be read with its settings, "" if it can
    };

    struct Row {
        intake::LayerGuess guess;  // config, notes, counts and the layer as read (intake::update_guess)
        // draft_project asked whose lon/lat these are; the question stays on the row once answered
        // (the guess itself stops asking when the CRS is said).
        bool offset_asked = false;
        QString offset;  // see OffsetRole
        bool ready() const { return guess.role_known && !guess.problem && (!offset_asked || !offset.isEmpty()); }
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
