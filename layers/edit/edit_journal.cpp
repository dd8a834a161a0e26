#include "edit/edit_journal.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cctype>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <type_traits>

namespace coopmap::edit {

namespace fs = std::filesystem;

namespace {

// "COOP" in PRAGMA application_id: tells a CoopMap journal from any other SQLite file.
constexpr std::int32_t kApplicationId = 0x434F4F50;

const char* const kSchema = R"(
CREATE TABLE header(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entry(seq INTEGER PRIMARY KEY AUTOINCREMENT, op INTEGER NOT NULL, feature INTEGER NOT NULL,
                   serial INTEGER NOT NULL, label TEXT NOT NULL, before BLOB, after BLOB, written INTEGER NOT NULL);
)";

Error journal_error(const std::string& path, const std::string& what) { return Error{path, {}, {}, what}; }

std::string db_message(sqlite3* db) { return db ? sqlite3_errmsg(db) : "内存不足"; }

// Settings every connection needs: a commit is on disk when it returns, and a killed process
// leaves SQLite's rollback file, which the next open plays back (the SQLite default).
bool configure(sqlite3* db)
{
    return sqlite3_exec(db, "PRAGMA synchronous=FULL; PRAGMA journal_mode=DELETE;", nullptr, nullptr, nullptr) ==
           SQLITE_OK;
}

bool sync_dir(const fs::path& dir)
{
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

struct Stmt {
    sqlite3_stmt* s = nullptr;
    ~Stmt() { sqlite3_finalize(s); }
};

const char* const kInsertEntry =
    "INSERT INTO entry(op, feature, serial, label, before, after, written) VALUES (?, ?, ?, ?, ?, ?, ?)";

bool insert_entry(sqlite3_stmt* insert, const JournalEntry& e);

// Little-endian-as-the-machine bytes: a journal is read back on the machine that wrote it.
struct Out {
    std::string b;
    template <typename T> void put(T v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        b.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void put_text(const std::string& s)
    {
        put<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
        b += s;
    }
    template <typename T> void put_all(const std::vector<T>& v)
    {
        put<std::uint32_t>(static_cast<std::uint32_t>(v.size()));
        for (const T& x : v) put(x);
    }
};

struct In {
    std::string_view b;
    std::size_t at = 0;
    bool ok = true;
    template <typename T> T get()
    {
        T v{};
        if (!ok || b.size() - at < sizeof v) {
            ok = false;
            return v;
        }
        std::memcpy(&v, b.data() + at, sizeof v);
        at += sizeof v;
        return v;
    }
    std::string get_text()
    {
        const auto n = get<std::uint32_t>();
        if (!ok || b.size() - at < n) {
            ok = false;
            return {};
        }
        std::string s(b.substr(at, n));
        at += n;
        return s;
    }
    template <typename T> std::vector<T> get_all()
    {
        const auto n = get<std::uint32_t>();
        // A count the bytes cannot hold is damage, not a reason to allocate.
        if (!ok || (b.size() - at) / sizeof(T) < n) {
            ok = false;
            return {};
        }
        std::vector<T> v(n);
        for (auto& x : v) x = get<T>();
        return v;
    }
};

}  // namespace

std::string feature_bytes(const FeatureData& d)
{
    Out o;
    o.put<std::int64_t>(d.id);
    o.put<std::int64_t>(d.version);
    o.put_all(d.x);
    o.put_all(d.y);
    o.put_all(d.ring_sizes);
    o.put_all(d.part_rings);
    o.put<std::uint32_t>(static_cast<std::uint32_t>(d.values.size()));
    for (const Value& v : d.values) {
        o.put<std::uint8_t>(static_cast<std::uint8_t>(v.index()));
        if (const auto* i = std::get_if<std::int64_t>(&v)) o.put(*i);
        else if (const auto* r = std::get_if<double>(&v)) o.put(*r);
        else if (const auto* t = std::get_if<std::string>(&v)) o.put_text(*t);
    }
    return std::move(o.b);
}

bool feature_from_bytes(std::string_view bytes, FeatureData& out)
{
    In in{bytes};
    FeatureData d;
    d.id = in.get<std::int64_t>();
    d.version = in.get<std::int64_t>();
    d.x = in.get_all<double>();
    d.y = in.get_all<double>();
    d.ring_sizes = in.get_all<std::uint32_t>();
    d.part_rings = in.get_all<std::uint32_t>();
    const auto n = in.get<std::uint32_t>();
    if (!in.ok || n > bytes.size()) return false;
    for (std::uint32_t i = 0; i < n && in.ok; ++i) {
        switch (in.get<std::uint8_t>()) {
        case 0: d.values.emplace_back(std::monostate{}); break;
        case 1: d.values.emplace_back(in.get<std::int64_t>()); break;
        case 2: d.values.emplace_back(in.get<double>()); break;
        case 3: d.values.emplace_back(in.get_text()); break;
        default: return false;
        }
    }
    if (!in.ok || in.at != bytes.size()) return false;
    out = std::move(d);
    return true;
}

std::string file_signature(const std::string& uri)
{
    std::error_code ec;
    const fs::path main(uri);
    if (!fs::is_regular_file(main, ec)) return {};
    std::vector<fs::path> parts{main};
    std::string ext = main.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".shp") {
        for (const char* e : {".shx", ".dbf", ".prj", ".cpg", ".SHX", ".DBF", ".PRJ", ".CPG"}) {
            fs::path p = main;
            parts.push_back(p.replace_extension(e));
        }
    } else if (ext == ".gpkg") {
        parts.push_back(fs::path(uri + "-wal"));
    }
    std::string out;
    for (const auto& p : parts) {
        out += p.filename().string() + ':';
        if (!fs::is_regular_file(p, ec)) {
            out += "-;";
            continue;
        }
        const auto size = fs::file_size(p, ec);
        const auto time = fs::last_write_time(p, ec).time_since_epoch().count();
        out += std::to_string(size) + ':' + std::to_string(time) + ';';
    }
    return out;
}

JournalWriter::JournalWriter(JournalWriter&& o) noexcept : db_(o.db_), insert_(o.insert_), path_(std::move(o.path_))
{
    o.db_ = nullptr;
    o.insert_ = nullptr;
}

JournalWriter& JournalWriter::operator=(JournalWriter&& o) noexcept
{
    if (this != &o) {
        close();
        db_ = o.db_;
        insert_ = o.insert_;
        path_ = std::move(o.path_);
        o.db_ = nullptr;
        o.insert_ = nullptr;
    }
    return *this;
}

JournalWriter::~JournalWriter() { close(); }

void JournalWriter::close()
{
    sqlite3_finalize(insert_);
    insert_ = nullptr;
    sqlite3_close(db_);
    db_ = nullptr;
}

Result<JournalWriter> JournalWriter::reopen(const std::string& path)
{
    JournalWriter w;
    w.path_ = path;
    if (sqlite3_open_v2(path.c_str(), &w.db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK || !configure(w.db_) ||
        sqlite3_prepare_v2(w.db_, kInsertEntry, -1, &w.insert_, nullptr) != SQLITE_OK)
        return journal_error(path, "无法写入编辑日志（" + db_message(w.db_) +
                                       "）：窗口意外关闭时，未保存的修改将无法恢复，请及时保存");
    return w;
}

Result<JournalWriter> JournalWriter::create(const std::string& path, const JournalHeader& h,
                                            const std::vector<JournalEntry>& base)
{
    const std::string stage = path + ".new";
    remove_journal(stage);
    {
        sqlite3* db = nullptr;
        const int rc = sqlite3_open_v2(stage.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        std::string sql = "PRAGMA application_id=" + std::to_string(kApplicationId) +
                          "; PRAGMA user_version=" + std::to_string(kJournalFormat) + "; BEGIN;" + kSchema;
        const std::pair<const char*, std::string> rows[] = {
            {"layer_key", h.layer_key},
            {"source", h.source},
            {"layer", h.layer},
            {"signature", h.signature},
            {"saved_serial", std::to_string(h.saved_serial)},
            {"next_serial", std::to_string(h.next_serial)},
            {"next_new_id", std::to_string(h.next_new_id)},
            {"started", std::to_string(h.started)},
        };
        bool ok =
            rc == SQLITE_OK && configure(db) && sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
        Stmt put;
        ok = ok &&
             sqlite3_prepare_v2(db, "INSERT INTO header(key, value) VALUES (?, ?)", -1, &put.s, nullptr) == SQLITE_OK;
        for (const auto& [key, value] : rows) {
            if (!ok) break;
            sqlite3_reset(put.s);
            sqlite3_bind_text(put.s, 1, key, -1, SQLITE_STATIC);
            sqlite3_bind_text(put.s, 2, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
            ok = sqlite3_step(put.s) == SQLITE_DONE;
        }
        Stmt insert;
        ok = ok && sqlite3_prepare_v2(db, kInsertEntry, -1, &insert.s, nullptr) == SQLITE_OK;
        for (const auto& e : base)
            if (ok) ok = insert_entry(insert.s, e);
        ok = ok && sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr) == SQLITE_OK;
        const std::string why = db_message(db);
        sqlite3_finalize(put.s);
        put.s = nullptr;
        sqlite3_finalize(insert.s);
        insert.s = nullptr;
        sqlite3_close(db);
        if (!ok) {
            remove_journal(stage);
            return journal_error(path,
                                 "无法创建编辑日志（" + why + "）：窗口意外关闭时，未保存的修改将无法恢复，请及时保存");
        }
    }
    std::error_code ec;
    // A rollback file of the journal being replaced would be played back onto the new one.
    fs::remove(path + "-journal", ec);
    fs::rename(stage, path, ec);
    if (ec) {
        remove_journal(stage);
        return journal_error(path, "无法创建编辑日志（" + ec.message() +
                                       "）：窗口意外关闭时，未保存的修改将无法恢复，请及时保存");
    }
    // The rename itself on disk, so a power cut cannot bring back the old journal.
    sync_dir(fs::path(path).parent_path());
    return reopen(path);
}

namespace {

bool insert_entry(sqlite3_stmt* insert, const JournalEntry& e)
{
    sqlite3_reset(insert);
    sqlite3_clear_bindings(insert);
    sqlite3_bind_int64(insert, 1, static_cast<std::int64_t>(e.op));
    sqlite3_bind_int64(insert, 2, static_cast<std::int64_t>(e.feature));
    sqlite3_bind_int64(insert, 3, static_cast<std::int64_t>(e.serial));
    sqlite3_bind_text(insert, 4, e.label.c_str(), static_cast<int>(e.label.size()), SQLITE_TRANSIENT);
    const std::string before = e.before ? feature_bytes(*e.before) : std::string();
    const std::string after = e.after ? feature_bytes(*e.after) : std::string();
    if (e.before) sqlite3_bind_blob(insert, 5, before.data(), static_cast<int>(before.size()), SQLITE_TRANSIENT);
    if (e.after) sqlite3_bind_blob(insert, 6, after.data(), static_cast<int>(after.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert, 7, e.written);
    return sqlite3_step(insert) == SQLITE_DONE;
}

}  // namespace

Status JournalWriter::append(const JournalEntry& e)
{
    if (!insert_) return journal_error(path_, "编辑日志未打开（程序错误）");
    // One INSERT outside BEGIN is its own transaction: committed whole, or not at all.
    if (!insert_entry(insert_, e))
        return journal_error(path_, "无法写入编辑日志（" + db_message(db_) +
                                        "）：窗口意外关闭时，最近的修改将无法恢复，请及时保存");
    return Done{};
}

Result<JournalContents> read_journal(const std::string& path)
{
    const auto damaged = [&](const std::string& why) {
        return journal_error(path, "编辑日志已损坏（" + why + "），其中的修改无法恢复");
    };
    sqlite3* raw = nullptr;
    // Read-write: a rollback file left by a kill mid-commit is played back first, as SQLite does.
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, &sqlite3_close);
    if (rc != SQLITE_OK) return damaged(db_message(raw));

    const auto one_int = [&](const char* sql, std::int64_t& out) {
        Stmt s;
        if (sqlite3_prepare_v2(db.get(), sql, -1, &s.s, nullptr) != SQLITE_OK || sqlite3_step(s.s) != SQLITE_ROW)
            return false;
        out = sqlite3_column_int64(s.s, 0);
        return true;
    };
    std::int64_t app = 0, format = 0;
    if (!one_int("PRAGMA application_id", app)) return damaged(db_message(db.get()));
    if (app != kApplicationId) return damaged("不是 CoopMap 的编辑日志");
    if (!one_int("PRAGMA user_version", format)) return damaged(db_message(db.get()));
    if (format > kJournalFormat)
        return journal_error(path, "编辑日志由更新版本的 CoopMap 写入（格式 " + std::to_string(format) +
                                       "），请用该版本打开项目");
    {
        Stmt check;
        if (sqlite3_prepare_v2(db.get(), "PRAGMA integrity_check", -1, &check.s, nullptr) != SQLITE_OK ||
            sqlite3_step(check.s) != SQLITE_ROW)
            return damaged(db_message(db.get()));
        const auto* first = reinterpret_cast<const char*>(sqlite3_column_text(check.s, 0));
        if (!first || std::strcmp(first, "ok") != 0) return damaged(first ? first : "完整性检查失败");
    }

    JournalContents out;
    out.path = path;
    std::map<std::string, std::string> header;
    {
        Stmt s;
        if (sqlite3_prepare_v2(db.get(), "SELECT key, value FROM header", -1, &s.s, nullptr) != SQLITE_OK)
            return damaged(db_message(db.get()));
        int step = 0;
        while ((step = sqlite3_step(s.s)) == SQLITE_ROW) {
            const auto* k = reinterpret_cast<const char*>(sqlite3_column_text(s.s, 0));
            const auto* v = reinterpret_cast<const char*>(sqlite3_column_text(s.s, 1));
            if (k && v) header[k] = v;
        }
        if (step != SQLITE_DONE) return damaged(db_message(db.get()));
    }
    const auto text = [&](const char* key, std::string& to) {
        const auto it = header.find(key);
        if (it == header.end()) return false;
        to = it->second;
        return true;
    };
    const auto number = [&](const char* key, auto& to) {
        std::string v;
        if (!text(key, v) || v.empty()) return false;
        std::size_t used = 0;
        try {
            if constexpr (std::is_unsigned_v<std::remove_reference_t<decltype(to)>>) to = std::stoull(v, &used);
            else to = std::stoll(v, &used);
        } catch (const std::exception&) {
            return false;
        }
        return used == v.size();
    };
    auto& h = out.header;
    if (!text("layer_key", h.layer_key) || !text("source", h.source) || !text("layer", h.layer) ||
        !text("signature", h.signature) || !number("saved_serial", h.saved_serial) ||
        !number("next_serial", h.next_serial) || !number("next_new_id", h.next_new_id) || !number("started", h.started))
        return damaged("缺少日志头");

    Stmt s;
    if (sqlite3_prepare_v2(db.get(),
                           "SELECT op, feature, serial, label, before, after, written FROM entry ORDER BY seq", -1,
                           &s.s, nullptr) != SQLITE_OK)
        return damaged(db_message(db.get()));
    int step = 0;
    while ((step = sqlite3_step(s.s)) == SQLITE_ROW) {
        JournalEntry e;
        const std::int64_t op = sqlite3_column_int64(s.s, 0);
        if (op < 1 || op > 5) return damaged("第 " + std::to_string(out.entries.size() + 1) + " 条记录类型不明");
        e.op = static_cast<JournalOp>(op);
        const std::int64_t feature = sqlite3_column_int64(s.s, 1);
        if (feature < 0) return damaged("第 " + std::to_string(out.entries.size() + 1) + " 条记录的要素序号无效");
        e.feature = static_cast<std::size_t>(feature);
        e.serial = static_cast<std::uint64_t>(sqlite3_column_int64(s.s, 2));
        if (const auto* l = reinterpret_cast<const char*>(sqlite3_column_text(s.s, 3))) e.label = l;
        for (int col : {4, 5}) {
            if (sqlite3_column_type(s.s, col) == SQLITE_NULL) continue;
            const auto* p = static_cast<const char*>(sqlite3_column_blob(s.s, col));
            const std::string_view bytes(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(s.s, col)));
            FeatureData d;
            if (!feature_from_bytes(bytes, d))
                return damaged("第 " + std::to_string(out.entries.size() + 1) + " 条记录的要素数据不完整");
            (col == 4 ? e.before : e.after) = std::move(d);
        }
        if (!e.before && !e.after) return damaged("第 " + std::to_string(out.entries.size() + 1) + " 条记录为空");
        e.written = sqlite3_column_int64(s.s, 6);
        out.entries.push_back(std::move(e));
    }
    if (step != SQLITE_DONE) return damaged(db_message(db.get()));
    return out;
}

void remove_journal(const std::string& path)
{
    std::error_code ec;
    fs::remove(path, ec);
    fs::remove(path + "-journal", ec);
}

}  // namespace coopmap::edit
