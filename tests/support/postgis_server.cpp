#include "postgis_server.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>

namespace coopmap::testing {

namespace fs = std::filesystem;

namespace {

// Servers alive in this process, stopped at exit and on fatal signals.
std::mutex live_mutex;
std::set<std::string>& live_commands()
{
    static std::set<std::string> s;
    return s;
}

void stop_all_live()
{
    // Best effort from a signal handler too: std::system is not async-signal-safe, but the
    // process is going down anyway and a stray server would outlive it.
    for (const auto& cmd : live_commands()) [[maybe_unused]] int rc = std::system(cmd.c_str());
    live_commands().clear();
}

void on_signal(int sig)
{
    stop_all_live();
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void install_cleanup_once()
{
    static const bool done = [] {
        std::atexit(stop_all_live);
        for (int sig : {SIGINT, SIGTERM, SIGABRT, SIGSEGV, SIGBUS, SIGFPE}) std::signal(sig, on_signal);
        return true;
    }();
    (void)done;
}

std::string quote(const std::string& s)
{
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs a shell command; its output (stdout and stderr) and whether it exited 0.
std::pair<bool, std::string> run(const std::string& cmd)
{
    std::string out;
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return {false, "popen failed"};
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    const int status = pclose(p);
    return {WIFEXITED(status) && WEXITSTATUS(status) == 0, out};
}

Error server_error(const std::string& dir, std::string message)
{
    return Error{.file = dir, .layer = "postgis", .feature = {}, .message = std::move(message)};
}

// COOPMAP_PG_BIN names the folder of initdb, pg_ctl and psql and is then the only place looked
// in: pointing it at an empty folder makes the server unreachable for a whole run, which is how
// one checks that the suite fails, not skips, without it (README, "Tests").
std::string find_bin(std::string& looked_in)
{
    if (const char* env = std::getenv("COOPMAP_PG_BIN"); env && *env) {
        looked_in = std::string(env) + " (COOPMAP_PG_BIN)";
        const std::string d = env;
        return fs::exists(d + "/initdb") && fs::exists(d + "/pg_ctl") && fs::exists(d + "/psql") ? d : std::string();
    }
    looked_in = "/usr/lib/postgresql/{15,16,17,18}/bin";
    for (const char* v : {"17", "18", "16", "15"}) {
        const std::string d = std::string("/usr/lib/postgresql/") + v + "/bin";
        if (fs::exists(d + "/initdb") && fs::exists(d + "/psql")) return d;
    }
    return {};
}

}  // namespace

Result<std::unique_ptr<PostgisServer>> PostgisServer::start()
{
    install_cleanup_once();
    std::unique_ptr<PostgisServer> s(new PostgisServer);
    std::string looked_in;
    s->bin_ = find_bin(looked_in);
    if (s->bin_.empty())
        return server_error(looked_in,
                            "PostgreSQL is not installed there (no initdb, pg_ctl and psql in " + looked_in + ")");
    std::string tmpl = (fs::temp_directory_path() / "coopmap-pg-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return server_error(tmpl, "cannot make a temporary directory");
    s->dir_ = tmpl;
    // PostgreSQL refuses to run as root; in the build root (root) the server runs as postgres.
    s->as_postgres_ = geteuid() == 0;
    const std::string as = s->as_postgres_ ? "setpriv --reuid=postgres --regid=postgres --init-groups " : "";
    if (s->as_postgres_) {
        if (auto [ok, out] = run("chown postgres:postgres " + quote(s->dir_)); !ok)
            return server_error(s->dir_, "cannot hand the directory to postgres: " + out);
    }
    const std::string data = s->dir_ + "/data";
    if (auto [ok, out] = run(as + quote(s->bin_ + "/initdb") + " -D " + quote(data) +
                             " -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync -N");
        !ok)
        return server_error(s->dir_, "initdb failed: " + out);
    // No TCP at all (listen_addresses empty); the socket lives in the temporary directory.
    // fsync off (an operating-system crash may lose the throw-away data), but commits are
    // written before they are answered (synchronous_commit on), so a save a client saw committed
    // survives restart(), which kills the server as a crash would.
    const std::string opts = "-k " + s->dir_ + " -c listen_addresses= -c fsync=off -c full_page_writes=off";
    const std::string stop_cmd = as + quote(s->bin_ + "/pg_ctl") + " -D " + quote(data) +
                                 " -m immediate -w stop >/dev/null 2>&1; rm -rf " + quote(s->dir_);
    {
        std::lock_guard lock(live_mutex);
        live_commands().insert(stop_cmd);
    }
    if (auto [ok, out] = run(as + quote(s->bin_ + "/pg_ctl") + " -D " + quote(data) + " -o " + quote(opts) + " -l " +
                             quote(s->dir_ + "/server.log") + " -w start");
        !ok)
        return server_error(s->dir_, "pg_ctl start failed: " + out);
    s->running_ = true;
    if (auto [ok, out] = run(quote(s->bin_ + "/psql") + " -X -q -v ON_ERROR_STOP=1 -h " + quote(s->dir_) +
                             " -U postgres -d postgres -c 'CREATE DATABASE coopmap'");
        !ok)
        return server_error(s->dir_, "CREATE DATABASE failed: " + out);
    if (auto r = s->sql("CREATE EXTENSION postgis;"); !r) return r.error();
    return s;
}

std::string PostgisServer::conninfo() const { return "host=" + dir_ + " port=5432 dbname=coopmap user=postgres"; }

Result<std::string> PostgisServer::sql(const std::string& statements) const
{
    const std::string file = dir_ + "/statement.sql";
    std::ofstream(file, std::ios::binary) << statements << "\n";
    auto [ok, out] = run(quote(bin_ + "/psql") + " -X -q -A -t -v ON_ERROR_STOP=1 -h " + quote(dir_) +
                         " -U postgres -d coopmap -f " + quote(file));
    if (!ok) return server_error(dir_, "SQL failed: " + out);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

Result<int> PostgisServer::terminate_connections() const
{
    auto n = sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                 "WHERE datname = 'coopmap' AND pid <> pg_backend_pid();");
    if (!n) return n.error();
    return std::atoi(n->c_str());
}

Status PostgisServer::restart() const
{
    const std::string as = as_postgres_ ? "setpriv --reuid=postgres --regid=postgres --init-groups " : "";
    // pg_ctl restart keeps the options the server was started with (postmaster.opts).
    if (auto [ok, out] = run(as + quote(bin_ + "/pg_ctl") + " -D " + quote(dir_ + "/data") + " -m immediate -l " +
                             quote(dir_ + "/server.log") + " -w restart");
        !ok)
        return server_error(dir_, "pg_ctl restart failed: " + out);
    return Done{};
}

void PostgisServer::stop()
{
    const std::string as = as_postgres_ ? "setpriv --reuid=postgres --regid=postgres --init-groups " : "";
    const std::string data = dir_ + "/data";
    const std::string stop_cmd = as + quote(bin_ + "/pg_ctl") + " -D " + quote(data) +
                                 " -m immediate -w stop >/dev/null 2>&1; rm -rf " + quote(dir_);
    if (running_) run(as + quote(bin_ + "/pg_ctl") + " -D " + quote(data) + " -m fast -w stop");
    running_ = false;
    std::error_code ec;
    fs::remove_all(dir_, ec);
    std::lock_guard lock(live_mutex);
    live_commands().erase(stop_cmd);
}

PostgisServer::~PostgisServer()
{
    if (!dir_.empty()) stop();
}

}  // namespace coopmap::testing
