#include "network_break_model.h"

namespace coopmap::app {

QVariant NetworkBreakModel::value(std::size_t row, int role) const
{
    const Row& r = rows_[row];
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
    replace(rows_, std::move(rows));
}

}  // namespace coopmap::app
