// Where the three-tier network breaks (analysis::network_check), for QML: one row per county
// or township that lacks a tier, counties first, as `coopmap-cli network` lists them.
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "analysis/network_check.h"

namespace coopmap::app {

class NetworkBreakModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 CoverageController 提供")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    // level: "县" or "乡镇"; missing: the tiers it lacks in words (missing_text()).
    enum Roles { LevelRole = Qt::UserRole + 1, CodeRole, NameRole, MissingRole };
    struct Row {
        QString level, code, name, missing;
    };

    explicit NetworkBreakModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The incomplete counties and townships of `check`; clear() for none.
    void reset(const analysis::NetworkCheck& check);
    void clear();
    int count() const { return rowCount(); }
    const std::vector<Row>& rows() const { return rows_; }

signals:
    void countChanged();

private:
    void set(std::vector<Row> rows);
    std::vector<Row> rows_;
};

}  // namespace coopmap::app
