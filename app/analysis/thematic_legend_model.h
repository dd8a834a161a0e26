// The 专题图 legend as QML reads it: one row per class (its range with the unit, colour, how many
// townships or counties it holds and, for counts, the symbol's size), then the polygons without
// a value. Filled from analysis::ThematicMap; the window's legend and the printed page show it.
#pragma once

#include <QAbstractListModel>
#include <QColor>
#include <QtQml/qqmlregistration.h>

#include "analysis/thematic.h"

namespace coopmap::app {

class ThematicLegendModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by ThematicController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        LabelRole = Qt::UserRole + 1,  // "60.0 – 80.0 %" (ClassBreaks::labels with the unit) or 无数值（…）
        ColorRole,
        CountRole,  // townships or counties in the class
        SymbolSizeRole,  // counts: the graduated symbol's diameter (logical pixels); 0 otherwise
        NoValueRole,  // the row of polygons without a value
    };

    explicit ThematicLegendModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Empty: no map.
    void reset(const analysis::ThematicMap* map);
    // Row `row`'s label, for tests.
    Q_INVOKABLE QString label(int row) const;
    Q_INVOKABLE QColor color(int row) const;

signals:
    void countChanged();

private:
    struct Row {
        QString label;
        QColor color;
        int count = 0;
        double symbol = 0;
        bool no_value = false;
    };
    std::vector<Row> rows_;
};

}  // namespace coopmap::app
