// The KPI cards for QML, one row per card in the order they are shown, with a role per field
// of present::KpiCard (the figures are the engine's; the model only lists them).
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

#include "kpi_card.h"

namespace coopmap::app {

class KpiCardModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 KpiController 提供")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    // key: "sites", "villages_covered", …; met: 1/0 for a target, -1 for none.
    // change: "比上年 +12 个" for a year's cards, else ""; trend: its sign (1, -1, 0).
    enum Roles {
        KeyRole = Qt::UserRole + 1,
        TitleRole,
        ValueRole,
        UnitRole,
        DetailRole,
        MetRole,
        ChangeRole,
        TrendRole
    };

    explicit KpiCardModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(QList<present::KpiCard> cards);
    int count() const { return rowCount(); }
    const QList<present::KpiCard>& cards() const { return cards_; }

signals:
    void countChanged();

private:
    QList<present::KpiCard> cards_;
};

}  // namespace coopmap::app
