// The per-county or per-township coverage table for QML: one row per unit and a last 合计 row,
// sortable by any column; values come straight from analysis::CoverageTable.
#pragma once

#include <QAbstractTableModel>
#include <QtQml/qqmlregistration.h>

#include "analysis/coverage.h"

namespace coopmap::app {

class CoverageTableModel : public QAbstractTableModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 CoverageController 提供")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Column {
        Code,
        Name,
        Villages,
        Covered,
        Share,
        Population,
        PopulationCovered,
        PopulationUncovered,
        TargetMet,
        ColumnCount
    };
    enum Roles { DisplayRole = Qt::DisplayRole, ValueRole = Qt::UserRole + 1, IsTotalRole };

    explicit CoverageTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(analysis::CoverageTable table, bool has_target);
    int count() const { return rowCount(); }
    // Sorts the unit rows by a column (the 合计 row stays last).
    Q_INVOKABLE void sortBy(int column, bool ascending);
    // The text of a cell and the header of a column, for tests and dialogs.
    Q_INVOKABLE QString cell(int row, int column) const;
    Q_INVOKABLE QString header(int column) const;

signals:
    void countChanged();

private:
    const analysis::CoverageRow& row_at(int row) const;
    QVariant value(const analysis::CoverageRow& r, int column) const;
    analysis::CoverageTable table_;
    bool has_target_ = false;
};

}  // namespace coopmap::app
