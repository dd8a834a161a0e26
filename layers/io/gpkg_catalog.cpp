#include "io/gpkg_catalog.h"

#include <cctype>
#include <memory>

#include <sqlite3.h>

namespace coopmap::io {

namespace {

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct Finalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

std::string text(sqlite3_stmt* s, int column)
{
    const auto* t = sqlite3_column_text(s, column);
    return t ? reinterpret_cast<const char*>(t) : "";
}

bool has_table(sqlite3* db, const char* name)
{
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &raw, nullptr) !=
        SQLITE_OK)
        return false;
    std::unique_ptr<sqlite3_stmt, Finalize> s(raw);
    sqlite3_bind_text(raw, 1, name, -1, SQLITE_STATIC);
    return sqlite3_step(raw) == SQLITE_ROW;
}

}  // namespace

std::optional<std::vector<GpkgLayer>> gpkg_catalog(const std::string& path)
{
    sqlite3* raw_db = nullptr;
    const int opened = sqlite3_open_v2(path.c_str(), &raw_db, SQLITE_OPEN_READONLY, nullptr);
    std::unique_ptr<sqlite3, CloseDb> db(raw_db);
    if (opened != SQLITE_OK || !has_table(raw_db, "gpkg_contents")) return std::nullopt;
    const bool ogr_contents = has_table(raw_db, "gpkg_ogr_contents");
    // The IN (subquery) is made into one temporary index by SQLite: a table listed in
    // gpkg_contents but missing is left out, as GDAL leaves it out, in linear time.
    const std::string sql = std::string("SELECT c.table_name, c.data_type, g.geometry_type_name, ") +
                            (ogr_contents ? "o.feature_count" : "NULL") +
                            " FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name " +
                            (ogr_contents ? "LEFT JOIN gpkg_ogr_contents o ON o.table_name = c.table_name " : "") +
                            "WHERE c.data_type IN ('features', 'attributes', 'aspatial') AND c.table_name IN "
                            "(SELECT name FROM sqlite_master WHERE type IN ('table', 'view')) ORDER BY c.rowid";
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(raw_db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) return std::nullopt;
    std::unique_ptr<sqlite3_stmt, Finalize> stmt(raw);
    std::vector<GpkgLayer> out;
    int rc = 0;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        GpkgLayer l;
        l.name = text(raw, 0);
        l.has_geometry = text(raw, 1) == "features" && sqlite3_column_type(raw, 2) != SQLITE_NULL;
        l.geometry_type = text(raw, 2);
        for (auto& c : l.geometry_type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (sqlite3_column_type(raw, 3) != SQLITE_NULL) l.recorded_features = sqlite3_column_int64(raw, 3);
        out.push_back(std::move(l));
    }
    // A malformed page met halfway (a truncated file): GDAL is asked instead, and says so.
    if (rc != SQLITE_DONE) return std::nullopt;
    return out;
}

}  // namespace coopmap::io
