#include "edit/pg_store.h"

#include <memory>

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "io/gdal_errors.h"
#include "io/ogr_geometry.h"

namespace coopmap::edit::pg {

namespace {

std::string one_line(std::string s)
{
    for (auto& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

// The message for a failure talking to the server: the edits stay, nothing was written.
Error connection_error(const std::string& uri, const std::string& table, const std::string& gdal)
{
    return Error{uri,
                 table,
                 {},
                 "与数据库的连接失败或中断（" + one_line(gdal) +
                     "），本次保存已整体撤回，数据库未改动；您的编辑仍保留，请检查网络或数据库服务后再保存"};
}

GDALDatasetUniquePtr open_pg(const std::string& uri, bool update)
{
    return GDALDatasetUniquePtr(
        GDALDataset::Open(uri.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY)));
}

OGRSpatialReference wgs84()
{
    OGRSpatialReference s;
    s.importFromEPSG(4326);
    s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return s;
}

// A feature's geometry as OGR builds it, in WGS84 lon/lat, shaped to the table's type: the
// writers' own builder over a one-feature layer, then forced to the column's type (a table
// of any geometry keeps a single part single).
std::unique_ptr<OGRGeometry> geometry(const FeatureData& d, GeometryKind kind, OGRwkbGeometryType table_type)
{
    Layer one;
    one.kind = kind;
    insert_feature(one, 0, d);
    OGRGeometry* g = io::feature_geometry(one, 0).release();
    const OGRwkbGeometryType flat = wkbFlatten(table_type);
    if (flat != wkbUnknown && flat != wkbGeometryCollection) {
        g = OGRGeometryFactory::forceTo(g, flat);
    } else if (OGR_GT_IsSubClassOf(wkbFlatten(g->getGeometryType()), wkbGeometryCollection) &&
               g->toGeometryCollection()->getNumGeometries() == 1) {
        OGRGeometry* single = g->toGeometryCollection()->getGeometryRef(0)->clone();
        delete g;
        g = single;
    }
    return std::unique_ptr<OGRGeometry>(g);
}

// Fills an OGR feature's fields (by name) and geometry from FeatureData.
std::string fill(OGRFeature& out, const Layer& layer, const FeatureData& d, OGRwkbGeometryType type,
                 OGRCoordinateTransformation* to_table, const OGRSpatialReference* table_srs)
{
    for (std::size_t c = 0; c < layer.columns.size() && c < d.values.size(); ++c) {
        const int i = out.GetFieldIndex(layer.columns[c].name.c_str());
        if (i < 0) return "数据库表中没有字段“" + layer.columns[c].name + "”";
        const Value& v = d.values[c];
        if (std::holds_alternative<std::monostate>(v)) out.SetFieldNull(i);
        else if (const auto* n = std::get_if<std::int64_t>(&v)) out.SetField(i, static_cast<GIntBig>(*n));
        else if (const auto* r = std::get_if<double>(&v)) out.SetField(i, *r);
        else out.SetField(i, std::get<std::string>(v).c_str());
    }
    auto g = geometry(d, layer.kind, type);
    if (to_table && g->transform(to_table) != OGRERR_NONE) return "坐标无法转换到数据库表的坐标系";
    if (table_srs) g->assignSpatialReference(table_srs);
    out.SetGeometryDirectly(g.release());
    return {};
}

FeatureData from_ogr(OGRFeature& f, const Layer& layer, OGRCoordinateTransformation* to_wgs84, int version_field)
{
    FeatureData d;
    d.id = f.GetFID();
    d.version = version_field >= 0 ? f.GetFieldAsInteger64(version_field) : 0;
    for (const auto& col : layer.columns) {
        const int i = f.GetFieldIndex(col.name.c_str());
        if (i < 0 || !f.IsFieldSetAndNotNull(i)) {
            d.values.emplace_back(std::monostate{});
            continue;
        }
        switch (col.type) {
        case FieldType::integer: d.values.emplace_back(static_cast<std::int64_t>(f.GetFieldAsInteger64(i))); break;
        case FieldType::real: d.values.emplace_back(f.GetFieldAsDouble(i)); break;
        case FieldType::text: d.values.emplace_back(std::string(f.GetFieldAsString(i))); break;
        }
    }
    // The geometry only for showing a conflict: its first coordinate is enough there.
    if (OGRGeometry* g = f.GetGeometryRef(); g && !g->IsEmpty()) {
        std::unique_ptr<OGRGeometry> copy(g->clone());
        if (to_wgs84) copy->transform(to_wgs84);
        OGRPoint p;
        if (wkbFlatten(copy->getGeometryType()) == wkbPoint) p = *copy->toPoint();
        else copy->Centroid(&p);
        d.x = {p.getX()};
        d.y = {p.getY()};
    }
    return d;
}

struct Transforms {
    std::unique_ptr<OGRCoordinateTransformation> to_table, to_wgs84;
    const OGRSpatialReference* table_srs = nullptr;
};

Transforms transforms_for(OGRLayer& t)
{
    Transforms out;
    out.table_srs = t.GetSpatialRef();
    if (!out.table_srs) return out;
    OGRSpatialReference table = *out.table_srs;
    table.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const OGRSpatialReference w = wgs84();
    if (!table.IsSame(&w)) {
        out.to_table.reset(OGRCreateCoordinateTransformation(&w, &table));
        out.to_wgs84.reset(OGRCreateCoordinateTransformation(&table, &w));
    }
    return out;
}

}  // namespace

bool is_postgis(const std::string& uri) { return uri.rfind("PG:", 0) == 0 || uri.rfind("pg:", 0) == 0; }

std::string quote_identifier(const std::string& name)
{
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

Status create_table(const Layer& layer, const std::string& uri, const std::string& table, bool replace)
{
    io::ensure_gdal();
    io::GdalErrorCapture gdal_error;
    Error where{uri, table, {}, {}};
    GDALDatasetUniquePtr ds = open_pg(uri, true);
    if (!ds) return connection_error(uri, table, gdal_error.last());
    if (ds->GetLayerByName(table.c_str()) && !replace) {
        where.message = "数据库中已有表“" + table + "”，未改动；要覆盖请加 --replace";
        return where;
    }
    if (ds->StartTransaction() != OGRERR_NONE) return connection_error(uri, table, gdal_error.last());
    const auto fail = [&](std::string message) {
        ds->RollbackTransaction();
        where.message = std::move(message) + "，数据库未改动";
        return where;
    };
    CPLStringList lco;
    lco.SetNameValue("GEOMETRY_NAME", "geom");
    lco.SetNameValue("FID", "fid");
    // Column names stay exactly as they are (Chinese or mixed case), so the project's field
    // mapping keeps working; GDAL quotes them in every statement.
    lco.SetNameValue("LAUNDER", "NO");
    if (replace) lco.SetNameValue("OVERWRITE", "YES");
    OGRSpatialReference srs = wgs84();
    const OGRwkbGeometryType type = io::layer_type(layer);
    OGRLayer* out = ds->CreateLayer(table.c_str(), &srs, type, lco.List());
    if (!out) return fail("无法创建表（" + one_line(gdal_error.last()) + "）");
    for (const auto& c : layer.columns) {
        if (c.name == kVersionColumn) continue;
        OGRFieldDefn fd(c.name.c_str(), io::field_type(c.type));
        if (out->CreateField(&fd) != OGRERR_NONE) return fail("无法创建字段“" + c.name + "”");
    }
    OGRFieldDefn version(kVersionColumn, OFTInteger64);
    version.SetDefault("1");
    version.SetNullable(FALSE);
    if (out->CreateField(&version) != OGRERR_NONE) return fail("无法创建版本字段");
    const int version_field = out->GetLayerDefn()->GetFieldIndex(kVersionColumn);
    for (std::size_t f = 0; f < layer.size(); ++f) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(out->GetLayerDefn()));
        if (std::string why = fill(*feature, layer, feature_data(layer, f), type, nullptr, &srs); !why.empty())
            return fail(why);
        feature->SetField(version_field, static_cast<GIntBig>(1));
        if (out->CreateFeature(feature.get()) != OGRERR_NONE)
            return fail("写入第 " + std::to_string(f + 1) + " 个要素失败（" + one_line(gdal_error.last()) + "）");
    }
    if (ds->CommitTransaction() != OGRERR_NONE) return connection_error(uri, table, gdal_error.last());
    return Done{};
}

Status attach_ids(Layer& layer, const std::string& uri, const std::string& table, std::vector<std::int64_t>& ids,
                  std::vector<std::int64_t>& versions)
{
    io::ensure_gdal();
    io::GdalErrorCapture gdal_error;
    Error where{uri, table, {}, {}};
    std::size_t version_col = 0;
    while (version_col < layer.columns.size() && layer.columns[version_col].name != kVersionColumn) ++version_col;
    if (version_col == layer.columns.size()) {
        where.message = std::string("表中没有版本字段 ") + kVersionColumn +
                        "，多人编辑时无法发现冲突：请用 coopmap-cli import 导入，或执行 ALTER TABLE … ADD COLUMN " +
                        kVersionColumn + " bigint NOT NULL DEFAULT 1";
        return where;
    }
    GDALDatasetUniquePtr ds = open_pg(uri, false);
    if (!ds) return connection_error(uri, table, gdal_error.last());
    OGRLayer* t = ds->GetLayerByName(table.c_str());
    if (!t) {
        where.message = "数据库中没有表“" + table + "”";
        return where;
    }
    ids.clear();
    versions.clear();
    // read_layer does not keep FIDs: read them in the same (unordered) scan order and make sure
    // each row is the one read_layer saw, value by value, so an id never lands on the wrong row.
    for (auto& f : *t) {
        const std::size_t row = ids.size();
        bool same = row < layer.size();
        for (std::size_t c = 0; same && c < layer.columns.size(); ++c) {
            const Column& col = layer.columns[c];
            const int i = f->GetFieldIndex(col.name.c_str());
            if (i < 0) {
                same = false;
                break;
            }
            const bool null = !f->IsFieldSetAndNotNull(i);
            if (null != (col.null[row] != 0)) {
                same = false;
                break;
            }
            if (null) continue;
            switch (col.type) {
            case FieldType::integer: same = col.integers[row] == f->GetFieldAsInteger64(i); break;
            case FieldType::real: same = col.reals[row] == f->GetFieldAsDouble(i); break;
            case FieldType::text: same = col.texts[row] == f->GetFieldAsString(i); break;
            }
        }
        if (!same) {
            where.feature = "要素 " + std::to_string(f->GetFID());
            where.message = "读取期间表被他人修改（或有无法读取的行），请重新打开图层";
            return where;
        }
        ids.push_back(f->GetFID());
        versions.push_back(layer.columns[version_col].integers[row]);
    }
    if (!gdal_error.last().empty()) return connection_error(uri, table, gdal_error.last());
    if (ids.size() != layer.size()) {
        where.message = "读取期间表被他人修改，请重新打开图层";
        return where;
    }
    layer.columns.erase(layer.columns.begin() + static_cast<std::ptrdiff_t>(version_col));
    return Done{};
}

Result<SaveOutcome> write_changes(const Layer& layer, const std::string& uri, const std::string& table,
                                  const std::map<std::int64_t, FeatureData>& base,
                                  const std::vector<FeatureData>& current,
                                  std::map<std::int64_t, std::int64_t>& new_ids,
                                  std::map<std::int64_t, std::int64_t>& new_versions)
{
    io::ensure_gdal();
    io::GdalErrorCapture gdal_error;
    SaveOutcome outcome;
    std::vector<const FeatureData*> inserts, updates;
    std::vector<const FeatureData*> deletes;
    std::map<std::int64_t, bool> present;
    for (const auto& d : current) {
        if (d.id < 0) inserts.push_back(&d);
        else {
            present[d.id] = true;
            const auto it = base.find(d.id);
            if (it == base.end() || !it->second.same_content(d)) updates.push_back(&d);
        }
    }
    for (const auto& [id, d] : base)
        if (!present.count(id)) deletes.push_back(&d);
    if (inserts.empty() && updates.empty() && deletes.empty()) return outcome;

    GDALDatasetUniquePtr ds = open_pg(uri, true);
    if (!ds) return connection_error(uri, table, gdal_error.last());
    OGRLayer* t = ds->GetLayerByName(table.c_str());
    if (!t) return Error{uri, table, {}, "数据库中已没有表“" + table + "”，未保存；您的编辑仍保留"};
    const int version_field = t->GetLayerDefn()->GetFieldIndex(kVersionColumn);
    if (version_field < 0) return Error{uri, table, {}, std::string("表中没有版本字段 ") + kVersionColumn};
    const char* fid_column = t->GetFIDColumn();
    if (!fid_column || !*fid_column) return Error{uri, table, {}, "表没有主键（FID）列，无法逐行保存"};
    Transforms tr = transforms_for(*t);
    const OGRwkbGeometryType type = t->GetGeomType();

    if (ds->StartTransaction() != OGRERR_NONE) return connection_error(uri, table, gdal_error.last());
    const auto abort_with = [&](Error e) {
        ds->RollbackTransaction();
        return e;
    };
    // Lock every row this save touches, then compare versions: a second editor saving the same
    // rows waits here for the first to commit and then sees the raised version.
    const auto check = [&](const FeatureData& ours, bool deleting) -> std::optional<std::string> {
        // Only identifiers (quoted) and an integer go into this statement; no user text.
        const std::string sql = "SELECT " + quote_identifier(kVersionColumn) + " FROM " + quote_identifier(table) +
                                " WHERE " + quote_identifier(fid_column) + " = " + std::to_string(ours.id) +
                                " FOR UPDATE";
        gdal_error.clear();
        OGRLayer* r = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (!r) return one_line(gdal_error.last().empty() ? "查询失败" : gdal_error.last());
        OGRFeatureUniquePtr row(r->GetNextFeature());
        const std::int64_t now = row ? row->GetFieldAsInteger64(0) : -1;
        ds->ReleaseResultSet(r);
        if (row && now == ours.version) return std::nullopt;
        Conflict c;
        c.id = ours.id;
        c.ours = ours;
        c.ours_deleted = deleting;
        c.theirs_deleted = !row;
        if (row) {
            OGRFeatureUniquePtr theirs(t->GetFeature(ours.id));
            if (theirs) c.theirs = from_ogr(*theirs, layer, tr.to_wgs84.get(), version_field);
            c.theirs.version = now;
        }
        outcome.conflicts.push_back(std::move(c));
        return std::nullopt;
    };
    for (const auto* d : updates)
        if (auto failed = check(*d, false)) return abort_with(connection_error(uri, table, *failed));
    for (const auto* d : deletes)
        if (auto failed = check(*d, true)) return abort_with(connection_error(uri, table, *failed));
    if (!outcome.conflicts.empty()) {
        ds->RollbackTransaction();
        return outcome;
    }

    const auto feature_error = [&](const FeatureData& d, const std::string& what) {
        Error e{uri, table, d.id < 0 ? "新要素" : "要素 " + std::to_string(d.id),
                what + "（" + one_line(gdal_error.last()) + "），本次保存已整体撤回，您的编辑仍保留"};
        return e;
    };
    for (const auto* d : updates) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(t->GetLayerDefn()));
        f->SetFID(d->id);
        if (std::string why = fill(*f, layer, *d, type, tr.to_table.get(), tr.table_srs); !why.empty())
            return abort_with(feature_error(*d, why));
        f->SetField(version_field, static_cast<GIntBig>(d->version + 1));
        if (t->SetFeature(f.get()) != OGRERR_NONE) return abort_with(feature_error(*d, "更新失败"));
        new_versions[d->id] = d->version + 1;
        ++outcome.updated;
    }
    for (const auto* d : deletes) {
        if (t->DeleteFeature(d->id) != OGRERR_NONE) return abort_with(feature_error(*d, "删除失败"));
        ++outcome.deleted;
    }
    for (const auto* d : inserts) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(t->GetLayerDefn()));
        if (std::string why = fill(*f, layer, *d, type, tr.to_table.get(), tr.table_srs); !why.empty())
            return abort_with(feature_error(*d, why));
        f->SetField(version_field, static_cast<GIntBig>(1));
        if (t->CreateFeature(f.get()) != OGRERR_NONE || f->GetFID() == OGRNullFID)
            return abort_with(feature_error(*d, "添加失败"));
        new_ids[d->id] = f->GetFID();
        new_versions[f->GetFID()] = 1;
        ++outcome.inserted;
    }
    gdal_error.clear();
    if (ds->CommitTransaction() != OGRERR_NONE) {
        new_ids.clear();
        new_versions.clear();
        return connection_error(uri, table, gdal_error.last());
    }
    return outcome;
}

}  // namespace coopmap::edit::pg
