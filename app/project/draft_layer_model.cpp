#include "project/draft_layer_model.h"

#include <QFileInfo>
#include <QVariantMap>

#include "model/fields.h"

namespace coopmap::app {

namespace {
QString kind_name(GeometryKind k)
{
    switch (k) {
    case GeometryKind::point: return QStringLiteral("point");
    case GeometryKind::line: return QStringLiteral("line");
    case GeometryKind::polygon: return QStringLiteral("polygon");
    }
    return {};
}

QString file_text(const intake::FoundSource& s)
{
    QString out = QString::fromStdString(s.file);
    // The zip it came in, as the office named it.
    if (!s.zip.empty()) out = QString::fromStdString(s.zip) + QStringLiteral(" › ") + out;
    if (!s.layer.empty() && s.layer != QFileInfo(QString::fromStdString(s.file)).completeBaseName().toStdString())
        out += QStringLiteral(" · ") + QString::fromStdString(s.layer);
    return out;
}

// The source's columns: as last read (the encoding may have changed their names), else as found.
QStringList columns_of(const DraftLayerModel::Row& r)
{
    QStringList out;
    if (r.guess.layer)
        for (const Column& c : r.guess.layer->columns) out << QString::fromStdString(c.name);
    else
        for (const auto& c : r.guess.source.columns) out << QString::fromStdString(c);
    return out;
}

QVariantList field_list(const LayerConfig& c)
{
    QVariantList out;
    auto add = [&](const std::string& key, const std::string& label) {
        const auto it = c.fields.find(key);
        out.push_back(QVariantMap{
            {QStringLiteral("key"), QString::fromStdString(key)},
            {QStringLiteral("label"), QString::fromStdString(label)},
            {QStringLiteral("column"), it == c.fields.end() ? QString() : QString::fromStdString(it->second)}});
    };
    std::vector<RoleField> known = role_fields(c.role);
    for (const auto& f : known) add(f.key, f.label);
    // A mapping the guess made for a key the form does not list is still shown, so it can be undone.
    for (const auto& [key, column] : c.fields) {
        bool listed = false;
        for (const auto& f : known) listed = listed || f.key == key;
        if (!listed) add(key, key);
    }
    return out;
}

QString fields_text(const LayerConfig& c)
{
    QStringList parts;
    for (const QVariant& v : field_list(c)) {
        const QVariantMap f = v.toMap();
        if (!f.value(QStringLiteral("column")).toString().isEmpty())
            parts << f.value(QStringLiteral("label")).toString() + QLatin1Char('=') +
                         f.value(QStringLiteral("column")).toString();
    }
    return parts.isEmpty() ? DraftLayerModel::tr("未对应任何字段") : parts.join(QStringLiteral("，"));
}
}  // namespace

QString crs_text(const std::string& crs)
{
    if (crs.empty()) return DraftLayerModel::tr("按数据自带或猜测的坐标系");
    if (crs == "GCJ02") return DraftLayerModel::tr("高德/腾讯 GCJ-02");
    if (crs == "BD09") return DraftLayerModel::tr("百度 BD-09");
    if (crs == "EPSG:4490") return DraftLayerModel::tr("CGCS2000 经纬度 (EPSG:4490)");
    if (crs == "EPSG:4326") return DraftLayerModel::tr("WGS84 经纬度 (EPSG:4326)");
    if (crs.starts_with("EPSG:")) {
        // CGCS2000 3° Gauss-Krüger (EPSG registry): 4513–4533 zones 25–45 with the zone in the
        // easting, 4534–4554 central meridians 75°E–135°E without it.
        const int code = QString::fromStdString(crs.substr(5)).toInt();
        if (code >= 4513 && code <= 4533)
            return DraftLayerModel::tr("CGCS2000 高斯-克吕格 3° 第 %1 带 (%2)")
                .arg(code - 4513 + 25)
                .arg(QString::fromStdString(crs));
        if (code >= 4534 && code <= 4554)
            return DraftLayerModel::tr("CGCS2000 高斯-克吕格 3° 中央经线 %1°E (%2)")
                .arg(75 + 3 * (code - 4534))
                .arg(QString::fromStdString(crs));
    }
    return QString::fromStdString(crs);
}

DraftLayerModel::DraftLayerModel(QObject* parent) : QAbstractListModel(parent) {}

int DraftLayerModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant DraftLayerModel::data(const QModelIndex& index, int role) const
{
    if (index.row() < 0 || index.row() >= rowCount()) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    const LayerConfig& c = r.guess.config;
    switch (role) {
    case Qt::DisplayRole:
    case FileRole: return file_text(r.guess.source);
    case PathRole: return QString::fromStdString(r.guess.source.path);
    case TitleRole: return QString::fromStdString(c.title);
    case RoleKeyRole: return r.guess.role_known ? QString::fromUtf8(role_key(c.role).data()) : QString();
    case RoleNameRole: return r.guess.role_known ? QString::fromUtf8(role_name_zh(c.role).data()) : QString();
    case LevelRole: return QString::fromStdString(c.level);
    case KindRole: return kind_name(r.guess.source.kind);
    case CrsRole: return QString::fromStdString(c.crs);
    case CrsTextRole:
        // What the reader made of it, unless the offsets (which PROJ does not name) are said.
        if (c.crs != "GCJ02" && c.crs != "BD09" && !r.guess.crs_label.empty())
            return QString::fromStdString(r.guess.crs_label);
        return crs_text(c.crs);
    case AskOffsetRole: return r.offset_asked;
    case OffsetRole: return r.offset;
    case EncodingRole: return QString::fromStdString(c.encoding);
    case FieldsRole: return fields_text(c);
    case FieldListRole: return field_list(c);
    case ColumnsRole: return columns_of(r);
    case NotesRole: {
        QStringList out;
        for (const auto& n : r.guess.notes) out << QString::fromStdString(n);
        return out;
    }
    case FeatureCountRole: return static_cast<qlonglong>(r.guess.layer ? r.guess.features : r.guess.source.features);
    case FoundEncodingRole: return QString::fromStdString(r.guess.encoding);
    case ReadyRole: return r.ready();
    case ErrorRole: return r.guess.problem ? QString::fromStdString(r.guess.problem->text()) : QString();
    }
    return {};
}

QHash<int, QByteArray> DraftLayerModel::roleNames() const
{
    return {
        {FileRole, "file"},
        {PathRole, "path"},
        {TitleRole, "title"},
        {RoleKeyRole, "roleKey"},
        {RoleNameRole, "roleName"},
        {LevelRole, "level"},
        {KindRole, "kind"},
        {CrsRole, "crs"},
        {CrsTextRole, "crsText"},
        {AskOffsetRole, "askOffset"},
        {OffsetRole, "offset"},
        {EncodingRole, "encoding"},
        {FieldsRole, "fields"},
        {FieldListRole, "fieldList"},
        {ColumnsRole, "columns"},
        {NotesRole, "notes"},
        {FeatureCountRole, "featureCount"},
        {FoundEncodingRole, "foundEncoding"},
        {ReadyRole, "ready"},
        {ErrorRole, "readError"},
    };
}

void DraftLayerModel::reset(std::vector<Row> rows)
{
    const bool counted = rows.size() != rows_.size();
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
    if (counted) emit countChanged();
}

DraftLayerModel::Row* DraftLayerModel::row(int index)
{
    return index >= 0 && index < rowCount() ? &rows_[static_cast<std::size_t>(index)] : nullptr;
}

void DraftLayerModel::changed(int index) { emit dataChanged(this->index(index), this->index(index)); }

QVariantMap DraftLayerModel::get(int row) const
{
    QVariantMap out;
    const auto names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

int DraftLayerModel::indexOfFile(const QString& file) const
{
    for (int i = 0; i < rowCount(); ++i)
        if (data(index(i), FileRole).toString() == file ||
            QString::fromStdString(rows_[static_cast<std::size_t>(i)].guess.source.file) == file)
            return i;
    return -1;
}

}  // namespace coopmap::app
