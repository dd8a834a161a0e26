#include "thematic_legend_model.h"

namespace coopmap::app {

ThematicLegendModel::ThematicLegendModel(QObject* parent) : QAbstractListModel(parent) {}

int ThematicLegendModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ThematicLegendModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount()) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case LabelRole: return r.label;
    case ColorRole: return r.color;
    case CountRole: return r.count;
    case SymbolSizeRole: return r.symbol;
    case NoValueRole: return r.no_value;
    default: return {};
    }
}

QHash<int, QByteArray> ThematicLegendModel::roleNames() const
{
    return {{LabelRole, "label"},
            {ColorRole, "color"},
            {CountRole, "count"},
            {SymbolSizeRole, "symbolSize"},
            {NoValueRole, "noValue"}};
}

void ThematicLegendModel::reset(const analysis::ThematicMap* map)
{
    beginResetModel();
    rows_.clear();
    if (map) {
        for (std::size_t i = 0; i < map->labels.size(); ++i)
            rows_.push_back(Row{QString::fromStdString(map->labels[i]), QColor(QString::fromStdString(map->colors[i])),
                                static_cast<int>(map->breaks.counts[i]),
                                map->symbol_px.empty() ? 0.0 : map->symbol_px[i], false});
        if (map->no_value)
            rows_.push_back(
                Row{QString::fromStdString(map->no_value_label),
                    QColor(QString::fromUtf8(analysis::ThematicMap::kNoValueColor.data(),
                                             static_cast<qsizetype>(analysis::ThematicMap::kNoValueColor.size()))),
                    static_cast<int>(map->no_value), 0.0, true});
    }
    endResetModel();
    emit countChanged();
}

QString ThematicLegendModel::label(int row) const
{
    return row >= 0 && row < rowCount() ? rows_[static_cast<std::size_t>(row)].label : QString();
}

QColor ThematicLegendModel::color(int row) const
{
    return row >= 0 && row < rowCount() ? rows_[static_cast<std::size_t>(row)].color : QColor();
}

}  // namespace coopmap::app
