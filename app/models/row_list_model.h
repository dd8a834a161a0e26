// What every list model of plain rows shares, so that each model only says its roles: the
// count QML binds to, rowCount/data over the rows, and a reset that tells QML when the count
// changed. A model keeps its own std::vector of rows and answers size() and value().
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <cstddef>
#include <utility>
#include <vector>

namespace coopmap::app {

class RowListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(size()); }
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid() || index.row() < 0 || std::size_t(index.row()) >= size()) return {};
        return value(std::size_t(index.row()), role);
    }
    int count() const { return int(size()); }

signals:
    void countChanged();

protected:
    virtual std::size_t size() const = 0;
    virtual QVariant value(std::size_t row, int role) const = 0;

    // `rows` becomes `next` inside a model reset; countChanged when the number of rows changed.
    template <class Row>
    void replace(std::vector<Row>& rows, std::vector<Row> next)
    {
        const bool resized = next.size() != rows.size();
        beginResetModel();
        rows = std::move(next);
        endResetModel();
        if (resized) emit countChanged();
    }

    // The same, but as many rows as before change in place (a drag step keeps QML's delegates).
    template <class Row>
    void update(std::vector<Row>& rows, std::vector<Row> next)
    {
        if (next.size() != rows.size()) return replace(rows, std::move(next));
        rows = std::move(next);
        if (!rows.empty()) emit dataChanged(index(0), index(int(rows.size()) - 1));
    }
};

}  // namespace coopmap::app
