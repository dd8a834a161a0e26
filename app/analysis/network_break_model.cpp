#include "network_break_model.h"

namespace coopmap::app {

NetworkBreakModel::NetworkBreakModel(QObject* parent) : QAbstractListModel(parent) {}

int NetworkBreakModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant NetworkBreakModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case LevelRole: return r.level;
    case CodeRole: return r.code;
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case MissingRole: return r.missing;
    default: return {};
    }
}

QHash<int, QByteArray> NetworkBreakModel::roleNames() const
{
    return {{LevelRole, "level"}, {CodeRole, "code"}, {NameRole, "name"}, {MissingRole, "missing"}};
}

void NetworkBreakModel::reset(const analysis::NetworkCheck& check)
{
    std::vector<Row> rows;
    auto add = [&rows](const QString& level, const std::string& code, const std::string& name,
                       const std::string& missing) {
        rows.push_back(
            {level, QString::fromStdString(code), QString::fromStdString(name), QString::fromStdString(missing)});
    };
    for (const auto& k : check.counties)
        if (!k.complete()) add(tr("县"), k.code, k.name, k.missing_text());
    for (const auto& t : check.townships)
        if (!t.complete()) add(tr("乡镇"), t.code, t.name, t.missing_text());
    set(std::move(rows));
}

void NetworkBreakModel::clear() { set({}); }

void NetworkBreakModel::set(std::vector<Row> rows)
{
    const bool resized = rows.size() != rows_.size();
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
    if (resized) emit countChanged();
}

}  // namespace coopmap::app
