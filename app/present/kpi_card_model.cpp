#include "kpi_card_model.h"

namespace coopmap::app {

KpiCardModel::KpiCardModel(QObject* parent) : QAbstractListModel(parent) {}

int KpiCardModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(cards_.size());
}

QVariant KpiCardModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& c = cards_[index.row()];
    switch (role) {
    case KeyRole: return c.key;
    case Qt::DisplayRole:
    case TitleRole: return c.title;
    case ValueRole: return c.value;
    case UnitRole: return c.unit;
    case DetailRole: return c.detail;
    case MetRole: return c.met;
    case ChangeRole: return c.change;
    case TrendRole: return c.trend;
    default: return {};
    }
}

QHash<int, QByteArray> KpiCardModel::roleNames() const
{
    return {{KeyRole, "key"},       {TitleRole, "title"}, {ValueRole, "value"},   {UnitRole, "unit"},
            {DetailRole, "detail"}, {MetRole, "met"},     {ChangeRole, "change"}, {TrendRole, "trend"}};
}

void KpiCardModel::reset(QList<present::KpiCard> cards)
{
    const bool resized = cards.size() != cards_.size();
    beginResetModel();
    cards_ = std::move(cards);
    endResetModel();
    if (resized) emit countChanged();
}

}  // namespace coopmap::app
