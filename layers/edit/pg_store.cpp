#include "edit/pg_store.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <memory>
#include <optional>
#include <random>

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

void add_ring(FeatureData& d, const OGRSimpleCurve& c)
{
    for (int i = 0; i < c.getNumPoints(); ++i) {
        d.x.push_back(c.getX(i));
        d.y.push_back(c.getY(i));
    }
    d.ring_sizes.push_back(static_cast<std::uint32_t>(c.getNumPoints()));
}

void add_polygon(FeatureData& d, const OGRPolygon& p)
{
    std::uint32_t rings = 0;
    for (const auto* r : p) add_ring(d, *r), ++rings;
    d.part_rings.push_back(rings);
}

// One geometry into FeatureData the way the reader nests it (io/gdal_reader.cpp): a point or a
// line is one part of one ring, a polygon one part of its rings, a multi-geometry a part each.
void add_geometry(FeatureData& d, const OGRGeometry& g)
{
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint:
        d.x.push_back(g.toPoint()->getX());
        d.y.push_back(g.toPoint()->getY());
        d.ring_sizes.push_back(1);
        d.part_rings.push_back(1);
        break;
    case wkbLineString:
        add_ring(d, *g.toLineString());
        d.part_rings.push_back(1);
        break;
    case wkbPolygon: add_polygon(d, *g.toPolygon()); break;
    case wkbMultiPolygon:
        for (const auto* p : *g.toMultiPolygon()) add_polygon(d, *p);
        break;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbGeometryCollection:
        for (const auto* part : *g.toGeometryCollection())
            if (!part->IsEmpty()) add_geometry(d, *part);
        break;
    default: break;
    }
}

std::string quote_literal(const std::string& text)
{
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// Runs a statement that returns no rows; "" or GDAL's message.
std::string execute(GDALDataset& ds, const std::string& sql, io::GdalErrorCapture& gdal_error)
{
    gdal_error.clear();
    if (OGRLayer* r = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr)) ds.ReleaseResultSet(r);
    return one_line(gdal_error.last());
}

// The rows of a query as text, field by field; nullopt on failure (GDAL's message in `why`).
// A connection cut in the middle of a result can leave GDAL a result layer without its columns:
// every row must have the `columns` the statement selects, or the answer counts as not received.
std::optional<std::vector<std::vector<std::string>>> query(GDALDataset& ds, const std::string& sql,
                                                           std::size_t columns, io::GdalErrorCapture& gdal_error,
                                                           std::string& why)
{
    gdal_error.clear();
    OGRLayer* r = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!r) {
        why = one_line(gdal_error.last().empty() ? "查询失败" : gdal_error.last());
        return std::nullopt;
    }
    std::vector<std::vector<std::string>> rows;
    for (auto& f : *r) {
        auto& row = rows.emplace_back();
        for (int i = 0; i < f->GetFieldCount(); ++i)
            row.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
    }
    ds.ReleaseResultSet(r);
    if (!gdal_error.last().empty()) {
        why = one_line(gdal_error.last());
        return std::nullopt;
    }
    for (const auto& row : rows)
        if (row.size() != columns) {
            why = "数据库的回答不完整（应有 " + std::to_string(columns) + " 列，收到 " + std::to_string(row.size()) + " 列）";
            return std::nullopt;
        }
    return rows;
}

// An integer the server sent as text; false for anything else (an empty or cut answer).
bool parse_integer(const std::string& text, std::int64_t& out)
{
    const char* end = text.data() + text.size();
    const auto [at, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && at == end && !text.empty();
}

// coopmap_saves: one row per save (written) or per save found unanswered and made void.
std::string create_saves_sql()
{
    return std::string("CREATE TABLE IF NOT EXISTS ") + quote_identifier(kSavesTable) +
           " (token text PRIMARY KEY, layer text NOT NULL, written boolean NOT NULL, "
           "new_ids text NOT NULL DEFAULT '', seq bigserial NOT NULL, saved_at timestamptz NOT NULL DEFAULT now())";
}

// Makes coopmap_saves where a table was imported before it existed; "" or why not.
std::string ensure_saves_table(GDALDataset& ds, io::GdalErrorCapture& gdal_error)
{
    std::string why;
    const std::string probe = std::string("SELECT CASE WHEN to_regclass(") + quote_literal(kSavesTable) +
                              ") IS NULL THEN 0 ELSE 1 END AS present";
    auto present = query(ds, probe, 1, gdal_error, why);
    if (!present) return why;
    if (!present->empty() && present->front().front() == "1") return {};
    // Two editors doing this at once: one CREATE loses with a duplicate-name error, and the table is there.
    why = execute(ds, create_saves_sql(), gdal_error);
    if (why.empty()) return {};
    present = query(ds, probe, 1, gdal_error, why);
    return present && !present->empty() && present->front().front() == "1" ? std::string() : why;
}

std::string ids_text(const std::map<std::int64_t, std::int64_t>& ids)
{
    std::string out;
    for (const auto& [from, to] : ids)
        out += (out.empty() ? "" : ",") + std::to_string(from) + "=" + std::to_string(to);
    return out;
}

std::map<std::int64_t, std::int64_t> parse_ids(const std::string& text)
{
    std::map<std::int64_t, std::int64_t> out;
    long long from = 0, to = 0;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find(',', at), text.size());
        if (std::sscanf(text.substr(at, end - at).c_str(), "%lld=%lld", &from, &to) == 2) out[from] = to;
        at = end + 1;
    }
    return out;
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
    // The whole geometry in the layer's nesting: resolve() may put it into the layer as it is.
    if (OGRGeometry* g = f.GetGeometryRef(); g && !g->IsEmpty()) {
        std::unique_ptr<OGRGeometry> copy(g->clone());
        if (to_wgs84) copy->transform(to_wgs84);
        add_geometry(d, *copy);
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
    if (std::string why = execute(*ds, create_saves_sql(), gdal_error); !why.empty())
        return fail("无法创建保存记录表 " + std::string(kSavesTable) + "（" + why + "）");
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

std::string new_save_token()
{
    std::random_device device;
    std::mt19937_64 bits((static_cast<std::uint64_t>(device()) << 32) ^ device());
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(bits()),
                  static_cast<unsigned long long>(bits()));
    return buf;
}

Result<SaveOutcome> write_changes(const Layer& layer, const std::string& uri, const std::string& table,
                                  const std::map<std::int64_t, FeatureData>& base,
                                  const std::vector<FeatureData>& current, const std::string& token,
                                  std::map<std::int64_t, std::int64_t>& new_ids,
                                  std::map<std::int64_t, std::int64_t>& new_versions, bool& unanswered)
{
    io::ensure_gdal();
    io::GdalErrorCapture gdal_error;
    unanswered = false;
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
    if (std::string why = ensure_saves_table(*ds, gdal_error); !why.empty())
        return connection_error(uri, table, "保存记录表 " + std::string(kSavesTable) + "：" + why);
    Transforms tr = transforms_for(*t);
    const OGRwkbGeometryType type = t->GetGeomType();

    if (ds->StartTransaction() != OGRERR_NONE) return connection_error(uri, table, gdal_error.last());
    const auto abort_with = [&](Error e) {
        ds->RollbackTransaction();
        return e;
    };
    // Lock every row this save touches, in FID order, then compare versions: a second editor
    // saving the same rows waits here for the first to commit and then sees the raised version,
    // and two saves locking in one order cannot deadlock.
    std::vector<std::pair<const FeatureData*, bool>> touched;  // row, deleting
    for (const auto* d : updates) touched.emplace_back(d, false);
    for (const auto* d : deletes) touched.emplace_back(d, true);
    std::sort(touched.begin(), touched.end(), [](const auto& a, const auto& b) { return a.first->id < b.first->id; });
    if (!touched.empty()) {
        // Only identifiers (quoted) and integers go into this statement; no user text.
        std::string list;
        for (const auto& [d, deleting] : touched) list += (list.empty() ? "" : ",") + std::to_string(d->id);
        const std::string sql = "SELECT " + quote_identifier(fid_column) + ", " + quote_identifier(kVersionColumn) +
                                " FROM " + quote_identifier(table) + " WHERE " + quote_identifier(fid_column) +
                                " IN (" + list + ") ORDER BY " + quote_identifier(fid_column) + " FOR UPDATE";
        std::string why;
        auto rows = query(*ds, sql, 2, gdal_error, why);
        if (!rows) return abort_with(connection_error(uri, table, why));
        std::map<std::int64_t, std::int64_t> now;
        for (const auto& r : *rows) {
            std::int64_t id = 0, version = 0;
            if (!parse_integer(r[0], id) || !parse_integer(r[1], version))
                return abort_with(connection_error(uri, table, "数据库返回的版本号无法识别"));
            now[id] = version;
        }
        for (const auto& [d, deleting] : touched) {
            const auto row = now.find(d->id);
            if (row != now.end() && row->second == d->version) continue;
            Conflict c;
            c.id = d->id;
            c.ours = *d;
            c.ours_deleted = deleting;
            c.theirs_deleted = row == now.end();
            if (row != now.end()) {
                // The row is locked by this transaction, so not reading it is a lost connection;
                // a conflict offering an empty "theirs" would let the user keep a blank feature.
                gdal_error.clear();
                OGRFeatureUniquePtr theirs(t->GetFeature(d->id));
                if (!theirs || !gdal_error.last().empty())
                    return abort_with(connection_error(
                        uri, table, gdal_error.last().empty() ? "读取他人的修改失败" : gdal_error.last()));
                c.theirs = from_ogr(*theirs, layer, tr.to_wgs84.get(), version_field);
                c.theirs.version = row->second;
            }
            outcome.conflicts.push_back(std::move(c));
        }
    }
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
    // The token last, after every row lock: its number orders this save after any save it waited for.
    // (socket_proxy.cpp recognises this statement by its column list.)
    const std::string record = "INSERT INTO " + quote_identifier(kSavesTable) +
                               " (token, layer, written, new_ids) VALUES (" + quote_literal(token) + ", " +
                               quote_literal(table) + ", true, " + quote_literal(ids_text(new_ids)) + ")";
    if (std::string why = execute(*ds, record, gdal_error); !why.empty())
        return abort_with(connection_error(uri, table, why));
    std::string why;
    auto seq = query(*ds, "SELECT seq FROM " + quote_identifier(kSavesTable) + " WHERE token = " + quote_literal(token),
                     1, gdal_error, why);
    if (!seq || seq->size() != 1) return abort_with(connection_error(uri, table, seq ? "保存记录缺失" : why));
    std::int64_t sequence = 0;
    if (!parse_integer(seq->front()[0], sequence))
        return abort_with(connection_error(uri, table, "数据库返回的保存序号无法识别"));
    gdal_error.clear();
    if (ds->CommitTransaction() != OGRERR_NONE) {
        new_ids.clear();
        new_versions.clear();
        unanswered = true;
        return Error{uri,
                     table,
                     {},
                     "与数据库的连接在提交保存时中断（" + one_line(gdal_error.last()) +
                         "），无法确定这次保存是否已写入；您的编辑仍保留，再次保存时会先核对，已写入的不会重复写入"};
    }
    outcome.sequence = sequence;
    outcome.new_ids = new_ids;
    return outcome;
}

Result<EarlierSave> settle_save(const std::string& uri, const std::string& table, const std::string& token)
{
    io::ensure_gdal();
    io::GdalErrorCapture gdal_error;
    GDALDatasetUniquePtr ds = open_pg(uri, true);
    if (!ds) return connection_error(uri, table, gdal_error.last());
    if (std::string why = ensure_saves_table(*ds, gdal_error); !why.empty()) return connection_error(uri, table, why);
    // Autocommitted on its own: once it is in, the unanswered save can no longer commit.
    const std::string void_it = "INSERT INTO " + quote_identifier(kSavesTable) + " (token, layer, written) VALUES (" +
                                quote_literal(token) + ", " + quote_literal(table) +
                                ", false) ON CONFLICT (token) DO NOTHING";
    if (std::string why = execute(*ds, void_it, gdal_error); !why.empty()) return connection_error(uri, table, why);
    std::string why;
    auto row = query(*ds,
                     "SELECT CASE WHEN written THEN 1 ELSE 0 END, new_ids, seq FROM " + quote_identifier(kSavesTable) +
                         " WHERE token = " + quote_literal(token),
                     3, gdal_error, why);
    if (!row) return connection_error(uri, table, why);
    if (row->size() != 1) return connection_error(uri, table, "保存记录缺失");
    EarlierSave out;
    out.written = row->front()[0] == "1";
    if (out.written) {
        out.new_ids = parse_ids(row->front()[1]);
        if (!parse_integer(row->front()[2], out.sequence))
            return connection_error(uri, table, "数据库返回的保存序号无法识别");
    }
    return out;
}

}  // namespace coopmap::edit::pg
