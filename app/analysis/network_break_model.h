// Where the three-tier network breaks (analysis::network_check), for QML: one row per county
// or township that lacks a tier, counties first, as `coopmap-cli network` lists them.
#pragma once

#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "analysis/network_check.h"
#include "models/row_list_model.h"

namespace coopmap::app {

class NetworkBreakModel : public RowListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 CoverageController 提供")

public:
    // level: "县" or "乡镇"; missing: the tiers it lacks in words (missing_text()).
    enum Roles { LevelRole = Qt::UserRole + 1, CodeRole, NameRole, MissingRole };
    struct Row {
        QString level, code, name, missing;
    };

    using RowListModel::RowListModel;

    QHash<int, QByteArray> roleNames() const override;

    // The incomplete counties and townships of `check`; clear() for none.
    void reset(const analysis::NetworkCheck& check);
    void clear() { replace(rows_, {}); }
    const std::vector<Row>& rows() const { return rows_; }

private:
    std::size_t size() const override { return rows_.size(); }
    QVariant value(std::size_t row, int role) const override;
    std::vector<Row> rows_;
};

}  // namespace coopmap::app
