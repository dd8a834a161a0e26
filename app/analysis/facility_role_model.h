// The facility roles a panel offers (analysis::facility_roles, in that order) for QML: one row
// per role with its project-file key and its Chinese name.
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace coopmap::app {

class FacilityRoleModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由分析和选址面板的控制器提供")
    Q_PROPERTY(int count READ count CONSTANT)

public:
    enum Roles { KeyRole = Qt::UserRole + 1, NameRole };

    explicit FacilityRoleModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return rowCount(); }
    // The key of row `row` (village_cooperative…), "" outside.
    Q_INVOKABLE QString key(int row) const;
};

}  // namespace coopmap::app
