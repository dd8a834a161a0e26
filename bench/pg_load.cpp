// Many offices at once on one PostGIS (issue 17): editor processes, each an EditSession over the
// same table (the code the window uses), make random edits with random pauses on an overlapping
// set of features and save in batches; in the middle, saves lose their connection at COMMIT
// (answer lost, or COMMIT lost), every connection is ended and the server is killed and
// restarted. Then it checks, from the editors' own logs and the server's:
//  - no lost update: every accepted row write was based on the version the row had at that
//    point of the server's commit order (coopmap_saves.seq), i.e. every save that would have
//    overwritten another's change was refused as a conflict;
//  - the table's final state equals the accepted saves replayed in that order, every attribute,
//    coordinate and version;
//  - nothing written twice: per save, the rows the server wrote (a trigger's audit, by
//    transaction) are exactly the rows the editor logged, and no row was written outside a save;
//  - no editor crashed, every editor ended with nothing unsaved.
// Exit 0 when all hold, 1 otherwise (77 with --may-skip when no server can be started and real
// components are not required: a ctest skip). Figures for bench/RESULTS.md on stdout.
//
//   coopmap_pg_load [--processes 8] [--edits 500] [--features 1000] [--seed 17] [--drop] [--may-skip]
//                   [--timeout SECONDS]
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "edit/edit_session.h"
#include "edit/pg_store.h"
#include "io/gdal_errors.h"
#include "postgis_server.h"
#include "socket_proxy.h"

namespace fs = std::filesystem;
using namespace coopmap;
using edit::FeatureData;
using edit::Value;
using Clock = std::chrono::steady_clock;

namespace {

const char* const kTable = "sites";
const std::vector<std::pair<std::string, FieldType>> kColumns = {{"name", FieldType::text},
                                                                 {"code", FieldType::text},
                                                                 {"year", FieldType::integer},
                                                                 {"capacity", FieldType::real},
                                                                 {"经营者", FieldType::text}};

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// --- values in the logs: exact, one token each -------------------------------------------

std::string hex(const std::string& s)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s) out += digits[c >> 4], out += digits[c & 15];
    return out;
}

std::string unhex(const std::string& s)
{
    std::string out;
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) out += static_cast<char>(std::stoi(s.substr(i, 2), nullptr, 16));
    return out;
}

std::string real_text(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string encode(const Value& v)
{
    switch (v.index()) {
    case 1: return "i" + std::to_string(std::get<std::int64_t>(v));
    case 2: return "r" + real_text(std::get<double>(v));
    case 3: return "s" + hex(std::get<std::string>(v));
    default: return "n";
    }
}

Value decode(const std::string& t)
{
    switch (t.empty() ? 'n' : t[0]) {
    case 'i': return static_cast<std::int64_t>(std::stoll(t.substr(1)));
    case 'r': return std::strtod(t.c_str() + 1, nullptr);
    case 's': return unhex(t.substr(1));
    default: return std::monostate{};
    }
}

// A row as the replay and the final read hold it.
struct Row {
    std::int64_t version = 0;
    double x = 0, y = 0;
    std::vector<Value> values;
    bool operator==(const Row&) const = default;
};

std::string row_text(const Row& r)
{
    std::string out = "v" + std::to_string(r.version) + " " + real_text(r.x) + " " + real_text(r.y);
    for (const auto& v : r.values)
        out += " " + (std::holds_alternative<double>(v) ? real_text(std::get<double>(v)) : edit::value_text(v));
    return out;
}

// --- the server side ----------------------------------------------------------------------

Layer make_sites(std::size_t n, std::uint64_t seed)
{
    Layer l;
    l.name = kTable;
    l.role = Role::village_cooperative;
    l.kind = GeometryKind::point;
    l.source_crs = "EPSG:4326";
    for (const auto& [name, type] : kColumns) l.add_column(name, type);
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(111.5, 113.0), lat(31.5, 32.5);
    for (std::size_t i = 0; i < n; ++i) {
        l.add_point(lon(rng), lat(rng));
        l.columns[0].null.push_back(0), l.columns[0].texts.push_back("网点" + std::to_string(i + 1));
        l.columns[1].null.push_back(0), l.columns[1].texts.push_back("GX-" + std::to_string(i + 1));
        l.columns[2].null.push_back(0), l.columns[2].integers.push_back(2000 + static_cast<std::int64_t>(i % 20));
        l.columns[3].null.push_back(0), l.columns[3].reals.push_back(static_cast<double>(i) * 1.5);
        if (i % 3 == 0) l.columns[4].push_null();
        else l.columns[4].null.push_back(0), l.columns[4].texts.push_back("县社" + std::to_string(i % 7));
    }
    l.build_index();
    return l;
}

// The table as it is, read with OGR directly (not through the code under test).
Result<std::map<std::int64_t, Row>> read_table(const std::string& uri)
{
    io::ensure_gdal();
    io::GdalErrorCapture gdal_error;
    GDALDatasetUniquePtr ds(GDALDataset::Open(uri.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) return Error{uri, kTable, {}, "open failed: " + gdal_error.last()};
    OGRLayer* t = ds->GetLayerByName(kTable);
    if (!t) return Error{uri, kTable, {}, "no table"};
    std::map<std::int64_t, Row> out;
    for (auto& f : *t) {
        Row r;
        r.version = f->GetFieldAsInteger64(edit::kVersionColumn);
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint)
            return Error{uri, kTable, std::to_string(f->GetFID()), "not a point"};
        r.x = g->toPoint()->getX();
        r.y = g->toPoint()->getY();
        for (const auto& [name, type] : kColumns) {
            const int i = f->GetFieldIndex(name.c_str());
            if (i < 0 || !f->IsFieldSetAndNotNull(i)) r.values.emplace_back(std::monostate{});
            else if (type == FieldType::integer)
                r.values.emplace_back(static_cast<std::int64_t>(f->GetFieldAsInteger64(i)));
            else if (type == FieldType::real) r.values.emplace_back(f->GetFieldAsDouble(i));
            else r.values.emplace_back(std::string(f->GetFieldAsString(i)));
        }
        out[f->GetFID()] = std::move(r);
    }
    return out;
}

// Every row write on the table and every row of coopmap_saves, with its transaction, so that
// what the server wrote can be set beside what the editors say they saved.
const char* kAudit = R"SQL(
CREATE TABLE load_audit (n bigserial PRIMARY KEY, txid bigint NOT NULL DEFAULT txid_current(),
                         op text NOT NULL, id bigint NOT NULL);
CREATE FUNCTION load_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN INSERT INTO load_audit (op, id) VALUES ('D', OLD.fid); RETURN OLD; END IF;
  INSERT INTO load_audit (op, id) VALUES (left(TG_OP, 1), NEW.fid); RETURN NEW;
END $$;
CREATE TRIGGER load_audit AFTER INSERT OR UPDATE OR DELETE ON sites FOR EACH ROW EXECUTE FUNCTION load_audit_row();
CREATE FUNCTION load_audit_save() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO load_audit (op, id) VALUES (CASE WHEN NEW.written THEN 'S' ELSE 'V' END, NEW.seq); RETURN NEW;
END $$;
CREATE TRIGGER load_audit AFTER INSERT ON coopmap_saves FOR EACH ROW EXECUTE FUNCTION load_audit_save();
)SQL";

// --- an editor process ----------------------------------------------------------------------

struct EditorOptions {
    int number = 0;
    std::string uri, log, progress, go;
    std::uint64_t seed = 0;
    int edits = 0;
};

// What this editor believes the database holds for the rows it read: the session's base,
// mirrored, so that each accepted save can be logged row by row.
using Base = std::map<std::int64_t, FeatureData>;

struct Snapshot {
    std::vector<FeatureData> rows;  // id, version, content of every feature of the session
};

Snapshot snapshot(const edit::EditSession& s)
{
    Snapshot out;
    for (std::size_t f = 0; f < s.layer().size(); ++f) {
        FeatureData d = edit::feature_data(s.layer(), f);
        d.id = s.feature_id(f);
        d.version = s.feature_version(f);
        out.rows.push_back(std::move(d));
    }
    return out;
}

class Editor {
public:
    explicit Editor(EditorOptions o) : o_(std::move(o)), rng_(o_.seed * 1000003 + static_cast<std::uint64_t>(o_.number))
    {
        log_ = std::fopen(o_.log.c_str(), "w");
    }
    ~Editor()
    {
        if (log_) std::fclose(log_);
    }

    int run()
    {
        if (!log_) return 3;
        const auto opened_at = Clock::now();
        for (int attempt = 0;; ++attempt) {
            auto s = edit::EditSession::open({o_.uri, kTable, {}, {}, Role::village_cooperative, "村级供销社"});
            if (s) {
                session_.emplace(std::move(*s));
                break;
            }
            if (attempt >= 20) {
                std::fprintf(log_, "X open %s\n", hex(s.error().text()).c_str());
                return 4;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        for (const auto& d : snapshot(*session_).rows) base_[d.id] = d;
        std::fprintf(log_, "O %.1f\n", ms_since(opened_at));
        progress(0);
        // Everyone starts together, once every session is open.
        while (!fs::exists(o_.go)) std::this_thread::sleep_for(std::chrono::milliseconds(5));

        std::uniform_int_distribution<int> batch(5, 25), pause_ms(0, 8);
        int next_save = batch(rng_);
        for (int k = 1; k <= o_.edits; ++k) {
            std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms(rng_)));
            if (!edit_once(k)) return 5;
            progress(k);
            if (--next_save == 0) {
                save_until_settled(false);
                next_save = batch(rng_);
            }
        }
        // The end of the day: save until everything is in (the server may be restarting).
        const auto deadline = Clock::now() + std::chrono::seconds(120);
        while (session_->dirty() && Clock::now() < deadline) {
            if (!save_until_settled(true)) std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        std::fprintf(log_,
                     "F edits=%d refused_edits=%d saves=%d save_calls=%d conflicts=%d kept_theirs=%d kept_ours=%d "
                     "failed=%d unanswered=%d found_written=%d found_void=%d reconnects=%d save_ms=%.1f "
                     "save_ms_max=%.1f dirty=%d\n",
                     edits_, refused_, saves_, calls_, conflicts_, kept_theirs_, kept_ours_, failed_, unanswered_,
                     found_written_, found_void_, reconnects_, save_ms_, save_ms_max_, session_->dirty() ? 1 : 0);
        std::fflush(log_);
        return session_->dirty() ? 6 : 0;
    }

private:
    void progress(int k)
    {
        std::ofstream(o_.progress + ".tmp") << k << "\n";
        fs::rename(o_.progress + ".tmp", o_.progress);
    }

    bool edit_once(int k)
    {
        auto& s = *session_;
        std::uniform_real_distribution<double> u(0, 1);
        const std::string tag = "p" + std::to_string(o_.number) + "e" + std::to_string(k);
        const double r = u(rng_);
        Status done = Done{};
        if (s.layer().size() == 0 || (r >= 0.90 && r < 0.96)) {
            std::vector<Value> v = {tag, "P" + std::to_string(o_.number) + "-N" + std::to_string(k),
                                    std::int64_t{2000 + k % 25}, std::round(u(rng_) * 50000) / 100, std::monostate{}};
            auto added = s.add_point(111.5 + u(rng_) * 1.5, 31.5 + u(rng_), v);
            if (!added) done = added.error();
        } else {
            const std::size_t f = std::uniform_int_distribution<std::size_t>(0, s.layer().size() - 1)(rng_);
            if (r < 0.50) {
                // Capacities as people type them (two decimals): GDAL's PG driver writes a real
                // with 15 significant digits, so a random double would come back rounded.
                done = s.set_attributes(f, {{"name", tag}, {"capacity", std::round(u(rng_) * 50000) / 100}});
            } else if (r < 0.75) {
                done = s.move_point(f, s.layer().first_x(f) + (u(rng_) - 0.5) * 1e-3,
                                    s.layer().first_y(f) + (u(rng_) - 0.5) * 1e-3);
            } else if (r < 0.85) {
                done = s.set_attribute(f, "year", std::int64_t{1990 + static_cast<std::int64_t>(u(rng_) * 35)});
            } else if (r < 0.90) {
                done = s.set_attribute(f, "经营者",
                                       "编辑者" + std::to_string(o_.number) + "第" + std::to_string(k) + "次");
            } else {
                done = s.delete_feature(f);
            }
        }
        ++edits_;
        if (!done) {
            ++refused_;
            std::fprintf(log_, "X edit %s\n", hex(done.error().text()).c_str());
            return false;
        }
        return true;
    }

    // Logs the rows `sent` wrote over the base and makes them the base. Mirrors the session:
    // an update is a row whose content differs from its base, a delete a base row not sent.
    void accept(const std::vector<FeatureData>& sent, std::int64_t sequence,
                const std::map<std::int64_t, std::int64_t>& new_ids)
    {
        std::vector<std::string> lines;
        std::set<std::int64_t> present;
        Base next = base_;
        for (const auto& d : sent) {
            const auto point = real_text(d.x.at(0)) + " " + real_text(d.y.at(0));
            std::string values;
            for (const auto& v : d.values) values += " " + encode(v);
            if (d.id < 0) {
                const std::int64_t fid = new_ids.at(d.id);
                lines.push_back("I " + std::to_string(fid) + " " + point + values);
                FeatureData n = d;
                n.id = fid;
                n.version = 1;
                next[fid] = n;
                continue;
            }
            present.insert(d.id);
            const auto b = base_.find(d.id);
            if (b != base_.end() && b->second.same_content(d)) continue;
            lines.push_back("U " + std::to_string(d.id) + " " + std::to_string(d.version) + " " + point + values);
            FeatureData n = d;
            n.version = d.version + 1;
            next[d.id] = n;
        }
        for (const auto& [id, d] : base_)
            if (!present.count(id)) {
                lines.push_back("D " + std::to_string(id) + " " + std::to_string(d.version));
                next.erase(id);
            }
        std::fprintf(log_, "S %" PRId64 " %zu\n", sequence, lines.size());
        for (const auto& l : lines) std::fprintf(log_, "%s\n", l.c_str());
        std::fflush(log_);
        base_ = std::move(next);
        ++saves_;
    }

    // Saves, settling conflicts (mostly taking theirs, sometimes overwriting knowingly), until
    // a save goes through; false when the connection failed.
    bool save_until_settled(bool at_end)
    {
        auto& s = *session_;
        for (int round = 0; round < 200; ++round) {
            const std::string was_unsettled = s.unsettled_token();
            const Snapshot before = snapshot(s);
            const auto t0 = Clock::now();
            auto out = s.save();
            const double ms = ms_since(t0);
            ++calls_;
            save_ms_ += ms;
            save_ms_max_ = std::max(save_ms_max_, ms);
            const std::string now_unsettled = s.unsettled_token();
            if (!was_unsettled.empty() && now_unsettled != was_unsettled && !(out && out->earlier_sequence > 0))
                ++found_void_;  // the unanswered save was not in the database: made void
            if (!out) {
                ++failed_;
                if (!disconnected_) disconnected_ = true;
                if (!now_unsettled.empty() && now_unsettled != was_unsettled) {
                    ++unanswered_;
                    unanswered_sent_ = before.rows;
                    unanswered_base_ = base_;
                }
                std::fprintf(log_, "E %s%s\n", at_end ? "end " : "", hex(out.error().text()).c_str());
                std::fflush(log_);
                return false;
            }
            if (disconnected_) {
                ++reconnects_;
                disconnected_ = false;
            }
            if (out->earlier_sequence > 0) {
                // The unanswered save is in: log it over the base it was sent over.
                ++found_written_;
                base_ = unanswered_base_;
                accept(unanswered_sent_, out->earlier_sequence, out->earlier_new_ids);
                if (!s.dirty()) return true;
                continue;
            }
            if (out->saved()) {
                if (out->sequence > 0) accept(before.rows, out->sequence, out->new_ids);
                return true;
            }
            for (const auto& c : out->conflicts) {
                ++conflicts_;
                std::uniform_real_distribution<double> u(0, 1);
                const bool keep_theirs = u(rng_) < 0.7;
                std::fprintf(log_, "C %" PRId64 " %" PRId64 " %" PRId64 " %d %d %c\n", c.id, c.ours.version,
                             c.theirs.version, c.theirs_deleted ? 1 : 0, c.ours_deleted ? 1 : 0,
                             keep_theirs ? 'T' : 'O');
                s.resolve(c, keep_theirs);
                // The session's base after resolve(), mirrored.
                if (c.theirs_deleted) base_.erase(c.id);
                else if (keep_theirs) {
                    const auto at = s.find(c.id);
                    FeatureData d = edit::feature_data(s.layer(), *at);
                    d.id = c.id;
                    d.version = c.theirs.version;
                    base_[c.id] = d;
                } else {
                    base_[c.id].version = c.theirs.version;
                }
                (keep_theirs ? kept_theirs_ : kept_ours_)++;
            }
            std::fflush(log_);
        }
        return false;
    }

    EditorOptions o_;
    std::mt19937_64 rng_;
    FILE* log_ = nullptr;
    std::optional<edit::EditSession> session_;
    Base base_;
    std::vector<FeatureData> unanswered_sent_;
    Base unanswered_base_;
    bool disconnected_ = false;
    int edits_ = 0, refused_ = 0, saves_ = 0, calls_ = 0, conflicts_ = 0, kept_theirs_ = 0, kept_ours_ = 0;
    int failed_ = 0, unanswered_ = 0, found_written_ = 0, found_void_ = 0, reconnects_ = 0;
    double save_ms_ = 0, save_ms_max_ = 0;
};

// --- the coordinator ------------------------------------------------------------------------

struct LoggedSave {
    std::int64_t sequence = 0;
    int editor = 0;
    std::vector<std::string> rows;
};

struct EditorStats {
    std::map<std::string, double> f;  // the F line
    std::vector<LoggedSave> saves;
    int conflicts_false = 0;  // reported with the version it had read and not deleted: not a conflict
    bool complete = false;
};

EditorStats read_log(const std::string& path, int editor)
{
    EditorStats out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::string kind;
        ls >> kind;
        if (kind == "S") {
            LoggedSave s;
            std::size_t n = 0;
            ls >> s.sequence >> n;
            s.editor = editor;
            for (std::size_t i = 0; i < n && std::getline(in, line); ++i) s.rows.push_back(line);
            out.saves.push_back(std::move(s));
        } else if (kind == "C") {
            std::int64_t id = 0, ours = 0, theirs = 0;
            int theirs_deleted = 0;
            ls >> id >> ours >> theirs >> theirs_deleted;
            if (!theirs_deleted && theirs == ours) ++out.conflicts_false;
        } else if (kind == "F") {
            std::string kv;
            while (ls >> kv) {
                const auto eq = kv.find('=');
                if (eq != std::string::npos) out.f[kv.substr(0, eq)] = std::atof(kv.c_str() + eq + 1);
            }
            out.complete = true;
        } else if (kind == "X") {
            std::string what, text;
            ls >> what >> text;
            std::fprintf(stderr, "editor %d: %s: %s\n", editor, what.c_str(), unhex(text).c_str());
        }
    }
    return out;
}

struct Options {
    int processes = 8, edits = 500;
    std::size_t features = 1000;
    std::uint64_t seed = 17;
    bool drop = false, may_skip = false;
    int timeout_s = 900;
};

bool real_components_required()
{
    for (const char* name : {"CI", "COOPMAP_REQUIRE_REAL"}) {
        const char* v = std::getenv(name);
        if (v && *v && std::string(v) != "0" && std::string(v) != "false") return true;
    }
    return false;
}

int coordinate(const Options& o)
{
    const auto started = Clock::now();
    auto server = testing::PostgisServer::start();
    if (!server) {
        std::fprintf(stderr, "PostGIS server did not start: %s\n", server.error().text().c_str());
        return o.may_skip && !real_components_required() ? 77 : 1;
    }
    auto& pg = **server;
    const Layer sites = make_sites(o.features, o.seed);
    if (auto made = edit::pg::create_table(sites, pg.gdal_uri(), kTable, false); !made) {
        std::fprintf(stderr, "import failed: %s\n", made.error().text().c_str());
        return 1;
    }
    if (auto a = pg.sql(kAudit); !a) {
        std::fprintf(stderr, "audit: %s\n", a.error().text().c_str());
        return 1;
    }
    auto initial = read_table(pg.gdal_uri());
    if (!initial) {
        std::fprintf(stderr, "%s\n", initial.error().text().c_str());
        return 1;
    }
    auto proxy = testing::SocketProxy::start(pg.directory() + "/proxy", pg.directory());
    if (!proxy) {
        std::fprintf(stderr, "%s\n", proxy.error().text().c_str());
        return 1;
    }
    const std::string work = pg.directory() + "/editors";
    fs::create_directories(work);
    const std::string go = work + "/go";

    // Real processes, each its own program run (fork + exec of this binary).
    std::vector<pid_t> pids;
    std::string self = fs::read_symlink("/proc/self/exe").string();
    for (int k = 0; k < o.processes; ++k) {
        std::vector<std::string> args = {self,
                                         "--editor",
                                         std::to_string(k + 1),
                                         "--uri",
                                         (*proxy)->gdal_uri(),
                                         "--seed",
                                         std::to_string(o.seed),
                                         "--edits",
                                         std::to_string(o.edits),
                                         "--log",
                                         work + "/editor-" + std::to_string(k + 1) + ".log",
                                         "--progress",
                                         work + "/progress-" + std::to_string(k + 1),
                                         "--go",
                                         go};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        const pid_t pid = fork();
        if (pid == 0) {
            // An editor does not outlive the run (a coordinator killed by a test timeout).
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            execv(self.c_str(), argv.data());
            _exit(127);
        }
        pids.push_back(pid);
    }
    const auto progress = [&] {
        long total = 0;
        int ready = 0;
        for (int k = 0; k < o.processes; ++k) {
            std::ifstream in(work + "/progress-" + std::to_string(k + 1));
            long n = -1;
            if (in >> n) ++ready, total += n;
        }
        return std::pair{ready, total};
    };
    const auto wait_until = [](auto done, double seconds) {
        const auto until = Clock::now() + std::chrono::duration<double>(seconds);
        while (!done() && Clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return done();
    };
    std::map<pid_t, int> status;
    const auto reap = [&] {
        int st = 0;
        for (pid_t p; (p = waitpid(-1, &st, WNOHANG)) > 0;) status[p] = st;
        return status.size() == pids.size();
    };
    const bool all_open = wait_until([&] { return reap() || progress().first == o.processes; }, 120);
    const auto editing_started = Clock::now();
    std::ofstream(go) << "go\n";
    if (!all_open) std::fprintf(stderr, "not every editor opened the layer\n");

    int cut_after = 0, cut_before = 0, terminated = 0;
    double restart_ms = 0;
    bool restarted = false;
    const long total_edits = static_cast<long>(o.processes) * o.edits;
    const auto timeout = Clock::now() + std::chrono::seconds(o.timeout_s);
    while (!reap() && Clock::now() < timeout) {
        if (o.drop && !restarted && progress().second * 2 >= total_edits) {
            // The middle of the day: three saves lose the answer to their COMMIT, two lose the
            // COMMIT itself, then every connection is ended and the server crashes and restarts.
            auto& p = **proxy;
            p.cut_next_saves(testing::SocketProxy::Cut::after_commit, 3);
            wait_until([&] { return p.cuts_pending() == 0; }, 10);
            cut_after = p.cuts_done();
            p.cut_next_saves(testing::SocketProxy::Cut::before_commit, 2);
            wait_until([&] { return p.cuts_pending() == 0; }, 10);
            cut_before = p.cuts_done() - cut_after;
            p.cut_next_saves(testing::SocketProxy::Cut::after_commit, 0);
            const auto r0 = Clock::now();
            if (auto n = pg.terminate_connections(); n) terminated = *n;
            if (auto r = pg.restart(); !r) {
                std::fprintf(stderr, "%s\n", r.error().text().c_str());
                for (pid_t pid : pids) kill(pid, SIGKILL);
                return 1;
            }
            restart_ms = ms_since(r0);
            restarted = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const double editing_s = std::chrono::duration<double>(Clock::now() - editing_started).count();
    bool ok = true;
    const auto fail = [&](const std::string& why) {
        std::printf("FAIL %s\n", why.c_str());
        ok = false;
    };
    if (status.size() != pids.size()) {
        fail("editors still running after " + std::to_string(o.timeout_s) + " s: killed");
        for (pid_t pid : pids)
            if (!status.count(pid)) kill(pid, SIGKILL);
        reap();
    }
    int crashed = 0;
    for (std::size_t k = 0; k < pids.size(); ++k) {
        const int st = status.count(pids[k]) ? status[pids[k]] : -1;
        if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            if (st != -1 && WIFSIGNALED(st)) ++crashed;
            fail("editor " + std::to_string(k + 1) + " ended with " +
                 (st == -1          ? std::string("no status")
                  : WIFSIGNALED(st) ? "signal " + std::to_string(WTERMSIG(st))
                                    : "exit " + std::to_string(WEXITSTATUS(st))));
        }
    }
    if (o.drop && !restarted) fail("the server was not restarted");

    // The editors' logs, the accepted saves in the server's commit order.
    std::vector<EditorStats> logs;
    std::vector<LoggedSave> saves;
    std::map<std::string, double> sum;
    int false_conflicts = 0;
    for (int k = 0; k < o.processes; ++k) {
        logs.push_back(read_log(work + "/editor-" + std::to_string(k + 1) + ".log", k + 1));
        if (!logs.back().complete) fail("editor " + std::to_string(k + 1) + " left no final line");
        for (const auto& [key, v] : logs.back().f)
            sum[key] = key == "save_ms_max" ? std::max(sum[key], v) : sum[key] + v;
        false_conflicts += logs.back().conflicts_false;
        for (auto& s : logs.back().saves) saves.push_back(s);
    }
    std::sort(saves.begin(), saves.end(), [](const auto& a, const auto& b) { return a.sequence < b.sequence; });

    // Replay.
    std::map<std::int64_t, Row> state = *initial;
    long lost = 0, duplicate = 0, row_writes = 0;
    std::set<std::int64_t> seen_sequences;
    std::map<std::int64_t, long> rows_by_sequence;
    for (const auto& s : saves) {
        if (!seen_sequences.insert(s.sequence).second) {
            ++duplicate;
            fail("save " + std::to_string(s.sequence) + " logged twice");
        }
        rows_by_sequence[s.sequence] = static_cast<long>(s.rows.size());
        for (const auto& line : s.rows) {
            std::istringstream ls(line);
            std::string kind;
            std::int64_t fid = 0, base_version = 0;
            ls >> kind >> fid;
            ++row_writes;
            if (kind == "D") {
                ls >> base_version;
                const auto it = state.find(fid);
                if (it == state.end() || it->second.version != base_version) {
                    ++lost;
                    fail("save " + std::to_string(s.sequence) + " deleted row " + std::to_string(fid) +
                         " read at version " + std::to_string(base_version) + ", which was at " +
                         (it == state.end() ? std::string("gone") : std::to_string(it->second.version)));
                }
                state.erase(fid);
                continue;
            }
            if (kind == "U") ls >> base_version;
            Row r;
            std::string x, y, v;
            ls >> x >> y;
            r.x = std::strtod(x.c_str(), nullptr);
            r.y = std::strtod(y.c_str(), nullptr);
            while (ls >> v) r.values.push_back(decode(v));
            const auto it = state.find(fid);
            if (kind == "I") {
                if (it != state.end()) {
                    ++duplicate;
                    fail("row " + std::to_string(fid) + " inserted twice");
                }
                r.version = 1;
            } else {
                if (it == state.end() || it->second.version != base_version) {
                    ++lost;
                    fail("save " + std::to_string(s.sequence) + " overwrote row " + std::to_string(fid) +
                         " read at version " + std::to_string(base_version) + ", which was at " +
                         (it == state.end() ? std::string("gone") : std::to_string(it->second.version)));
                }
                r.version = base_version + 1;
            }
            state[fid] = std::move(r);
        }
    }
    // The final table beside the replay, every attribute, coordinate and version.
    auto final_rows = read_table(pg.gdal_uri());
    long mismatched = 0;
    if (!final_rows) fail(final_rows.error().text());
    else {
        for (const auto& [fid, want] : state) {
            const auto it = final_rows->find(fid);
            if (it == final_rows->end() || !(it->second == want)) {
                if (++mismatched <= 10)
                    fail("row " + std::to_string(fid) + ": table " +
                         (it == final_rows->end() ? std::string("has none") : row_text(it->second)) + ", replay " +
                         row_text(want));
            }
        }
        for (const auto& [fid, got] : *final_rows)
            if (!state.count(fid) && ++mismatched <= 10)
                fail("row " + std::to_string(fid) + " in the table, not in any accepted save");
        if (mismatched > 10) fail(std::to_string(mismatched) + " rows differ from the replay in all");
    }
    // The server's own account: rows written per transaction beside the rows each save logged.
    auto audit = pg.sql("SELECT txid, op, id FROM load_audit ORDER BY n");
    long audit_writes = 0, written_saves = 0, void_saves = 0, unknown_writes = 0;
    if (!audit) fail(audit.error().text());
    else {
        std::map<std::int64_t, long> writes_by_tx;
        std::map<std::int64_t, std::int64_t> sequence_of_tx;
        std::istringstream in(*audit);
        std::string line;
        while (std::getline(in, line)) {
            std::int64_t tx = 0, id = 0;
            char op = 0;
            if (std::sscanf(line.c_str(), "%" SCNd64 "|%c|%" SCNd64, &tx, &op, &id) != 3) continue;
            if (op == 'S') ++written_saves, sequence_of_tx[tx] = id;
            else if (op == 'V') ++void_saves;
            else ++audit_writes, ++writes_by_tx[tx];
        }
        for (const auto& [tx, n] : writes_by_tx) {
            const auto seq = sequence_of_tx.find(tx);
            if (seq == sequence_of_tx.end()) {
                unknown_writes += n;
                continue;
            }
            const auto logged = rows_by_sequence.find(seq->second);
            const long expected = logged == rows_by_sequence.end() ? 0 : logged->second;
            if (n != expected) {
                fail("save " + std::to_string(seq->second) + ": the server wrote " + std::to_string(n) +
                     " rows, its editor logged " + std::to_string(expected));
                if (n > expected) duplicate += n - expected;
            }
        }
        for (const auto& [tx, seq] : sequence_of_tx)
            if (!rows_by_sequence.count(seq))
                fail("save " + std::to_string(seq) + " is written and no editor logged it");
        if (unknown_writes) {
            duplicate += unknown_writes;
            fail(std::to_string(unknown_writes) + " row writes outside any recorded save");
        }
        if (written_saves != static_cast<long>(saves.size()))
            fail(std::to_string(written_saves) + " saves written, " + std::to_string(saves.size()) + " logged");
    }
    if (false_conflicts) fail(std::to_string(false_conflicts) + " conflicts reported without a change by another");
    if (sum["refused_edits"] > 0) fail("edits refused");
    if (o.drop && sum["found_written"] < 1) fail("no unanswered COMMIT was found written (the cut did not happen)");
    if (o.drop && sum["reconnects"] < 1) fail("no editor reconnected");

    const double total_s = std::chrono::duration<double>(Clock::now() - started).count();
    std::printf("pg_load: %d editor processes x %d edits on %zu features (seed %llu)%s\n", o.processes, o.edits,
                o.features, static_cast<unsigned long long>(o.seed),
                o.drop ? ", connections cut and server restarted mid-run" : "");
    std::printf("  edits made                      %.0f\n", sum["edits"]);
    std::printf("  saves accepted (commits)        %zu  (save calls %.0f, mean %.1f ms, max %.1f ms)\n", saves.size(),
                sum["save_calls"], sum["save_calls"] > 0 ? sum["save_ms"] / sum["save_calls"] : 0.0,
                sum["save_ms_max"]);
    std::printf("  rows written by accepted saves  %ld  (server audit: %ld)\n", row_writes, audit_writes);
    std::printf("  conflicts detected              %.0f  (kept theirs %.0f, overwrote knowingly %.0f; false 0 = %d)\n",
                sum["conflicts"], sum["kept_theirs"], sum["kept_ours"], false_conflicts);
    std::printf(
        "  lost updates                    %ld  (stale-version writes accepted %ld, rows unlike the replay %ld)\n",
        lost + mismatched, lost, mismatched);
    std::printf("  duplicate writes                %ld\n", duplicate);
    std::printf("  saves failed on the connection  %.0f\n", sum["failed"]);
    std::printf("  COMMITs unanswered              %.0f  (found written %.0f, found void %.0f; cut after COMMIT %d, "
                "COMMIT cut %d)\n",
                sum["unanswered"], sum["found_written"], sum["found_void"], cut_after, cut_before);
    std::printf("  connections ended               %d; server restart %.0f ms\n", terminated, restart_ms);
    std::printf("  reconnects                      %.0f\n", sum["reconnects"]);
    std::printf("  editor crashes                  %d\n", crashed);
    std::printf("  rows compared at the end        %zu\n", state.size());
    std::printf("  time                            %.1f s editing, %.1f s in all\n", editing_s, total_s);
    std::printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv)
{
    Options o;
    EditorOptions e;
    bool editor = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--processes") o.processes = std::stoi(next());
        else if (a == "--edits") o.edits = e.edits = std::stoi(next());
        else if (a == "--features") o.features = std::stoul(next());
        else if (a == "--seed") o.seed = e.seed = std::stoull(next());
        else if (a == "--drop") o.drop = true;
        else if (a == "--may-skip") o.may_skip = true;
        else if (a == "--timeout") o.timeout_s = std::stoi(next());
        else if (a == "--editor") editor = true, e.number = std::stoi(next());
        else if (a == "--uri") e.uri = next();
        else if (a == "--log") e.log = next();
        else if (a == "--progress") e.progress = next();
        else if (a == "--go") e.go = next();
        else {
            std::fprintf(stderr,
                         "usage: coopmap_pg_load [--processes N] [--edits N] [--features N] [--seed N] [--drop] "
                         "[--may-skip]\n");
            return 2;
        }
    }
    if (editor) return Editor(e).run();
    return coordinate(o);
}
