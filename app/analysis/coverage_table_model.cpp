#include "coverage_table_model.h"

#include <algorithm>

#include "analysis/coverage_run.h"

namespace coopmap::app {

CoverageTableModel::CoverageTableModel(QObject* parent) : QAbstractTableModel(parent) {}

int CoverageTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || table_.total.villages == 0) return 0;
    return static_cast<int>(table_.rows.size()) + 1;
}

int CoverageTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const analysis::CoverageRow& CoverageTableModel::row_at(int row) const
{
    return row < static_cast<int>(table_.rows.size()) ? table_.rows[static_cast<std::size_t>(row)] : table_.total;
}

QVariant CoverageTableModel::value(const analysis::CoverageRow& r, int column) const
{
    switch (column) {
    case Code: return QString::fromStdString(r.code);
    case Name: return QString::fromStdString(r.name);
    case Villages: return static_cast<qulonglong>(r.villages);
    case Covered: return static_cast<qulonglong>(r.covered);
    case Share: return r.share();
    case Population: return r.population;
    case PopulationCovered: return r.population_covered;
    case PopulationUncovered: return r.population_uncovered();
    case TargetMet: return r.target_met;
    default: return {};
    }
}

QString CoverageTableModel::cell(int row, int column) const
{
    if (row < 0 || row >= rowCount()) return {};
    const auto& r = row_at(row);
    switch (column) {
    // The engine's text, as the CLI's CSV has it, so that 81.25 % reads the same in both.
    case Share: return QString::fromStdString(analysis::share_percent_text(r)) + QLatin1Char('%');
    case Population:
    case PopulationCovered:
    case PopulationUncovered: return QString::asprintf("%.0f", value(r, column).toDouble());
    case TargetMet: return !has_target_ ? QStringLiteral("—") : r.target_met ? tr("是") : tr("否");
    default: return value(r, column).toString();
    }
}

QVariant CoverageTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    if (role == Qt::DisplayRole) return cell(index.row(), index.column());
    if (role == ValueRole) return value(row_at(index.row()), index.column());
    if (role == IsTotalRole) return index.row() == static_cast<int>(table_.rows.size());
    return {};
}

QString CoverageTableModel::header(int column) const
{
    switch (column) {
    case Code: return tr("代码");
    case Name: return tr("名称");
    case Villages: return tr("村数");
    case Covered: return tr("覆盖村数");
    case Share: return tr("覆盖率");
    case Population: return tr("人口");
    case PopulationCovered: return tr("覆盖人口");
    case PopulationUncovered: return tr("未覆盖人口");
    case TargetMet: return tr("达标");
    default: return {};
    }
}

QVariant CoverageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) return header(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> CoverageTableModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"}, {ValueRole, "value"}, {IsTotalRole, "isTotal"}};
}

void CoverageTableModel::reset(analysis::CoverageTable table, bool has_target)
{
    beginResetModel();
    table_ = std::move(table);
    has_target_ = has_target;
    endResetModel();
    emit countChanged();
}

void CoverageTableModel::sortBy(int column, bool ascending)
{
    layoutAboutToBeChanged();
    std::stable_sort(table_.rows.begin(), table_.rows.end(), [&](const auto& a, const auto& b) {
        const QVariant va = value(a, column), vb = value(b, column);
        const bool less =
            column == Code || column == Name ? va.toString() < vb.toString() : va.toDouble() < vb.toDouble();
        const bool greater =
            column == Code || column == Name ? vb.toString() < va.toString() : vb.toDouble() < va.toDouble();
        return ascending ? less : greater;
    });
    layoutChanged();
}

}  // namespace coopmap::app
