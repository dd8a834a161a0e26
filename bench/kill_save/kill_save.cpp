// Kill-during-save harness (issue 9, "nothing lost"): a worker process saves a layer over and
// over (edit::save_layer_file, the save behind EditSession for files: GeoPackage in one
// transaction, Shapefile staged and committed by a journal); the driver SIGKILLs it at a random moment, then checks
// that the file opens and holds exactly one whole generation: the last one that finished or
// one the worker was writing — never a mix, never a broken file. Repeated N times per format.
//
//   coopmap_kill_save DIR [KILLS=200] [FORMATS=gpkg,shp] [AFTER=open|read]   (driver; one line a format)
//     AFTER=open: recover_interrupted_save, then read_layer (what EditSession::open does);
//     AFTER=read: read_layer alone (what the window, the CLI and every analysis do).
//   coopmap_kill_save --worker PATH FIRST_GENERATION           (saves FIRST, FIRST+1, … until killed)
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "edit/file_save.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"

extern char** environ;

namespace fs = std::filesystem;
using namespace coopmap;

namespace {

// Generation g: 20 + g % 7 sites; site i is named after g and i, and its longitude carries g
// too, so geometry (.shp) and attributes (.dbf) of different generations cannot pass as one.
std::size_t count_of(std::int64_t g) { return 20 + static_cast<std::size_t>(g % 7); }
double lon_of(std::int64_t g, std::size_t i)
{
    return 112.0 + 0.001 * static_cast<double>(i) + 1e-6 * static_cast<double>(g % 1000);
}
std::string name_of(std::int64_t g, std::size_t i) { return "第" + std::to_string(g) + "代网点" + std::to_string(i); }

Layer generation(std::int64_t g)
{
    Layer l;
    l.name = "sites";
    l.role = Role::village_cooperative;
    l.add_column("name", FieldType::text);
    l.add_column("gen", FieldType::integer);
    for (std::size_t i = 0; i < count_of(g); ++i) {
        l.add_point(lon_of(g, i), 32.0 + 0.001 * static_cast<double>(i));
        l.columns[0].null.push_back(0);
        l.columns[0].texts.push_back(name_of(g, i));
        l.columns[1].null.push_back(0);
        l.columns[1].integers.push_back(g);
    }
    return l;
}

int worker(const std::string& path, std::int64_t first)
{
    for (std::int64_t g = first;; ++g) {
        auto ok = edit::save_layer_file(generation(g), {path, "sites", "EPSG:4326"});
        if (!ok) {
            std::fprintf(stderr, "worker: %s\n", ok.error().text().c_str());
            return 1;
        }
        std::printf("%lld\n", static_cast<long long>(g));  // finished: the driver now knows g is on disk
        std::fflush(stdout);
    }
}

enum class State { old_state, new_state, corrupt, mixed };

// Which generation the file holds (-1 if it is not one whole generation) and why not.
std::int64_t whole_generation(const std::string& path, std::string& why)
{
    auto loaded = io::read_layer({path, "sites", {}, {}, Role::village_cooperative, {}});
    if (!loaded) {
        why = loaded.error().text();
        return -2;
    }
    const Layer& l = loaded->layer;
    const Column* gen = l.column("gen");
    const Column* name = l.column("name");
    if (!gen || !name || l.size() == 0 || !loaded->skipped.empty()) {
        why = "columns or features missing";
        return -1;
    }
    const std::int64_t g = gen->integers[0];
    if (l.size() != count_of(g)) {
        why = "feature count " + std::to_string(l.size()) + " is not that of generation " + std::to_string(g);
        return -1;
    }
    for (std::size_t i = 0; i < l.size(); ++i)
        if (gen->integers[i] != g || name->texts[i] != name_of(g, i) || std::fabs(l.first_x(i) - lon_of(g, i)) > 1e-9) {
            char buf[160];
            std::snprintf(buf, sizeof buf, " (gen %lld, name %s, lon %.9f, expected %.9f)",
                          static_cast<long long>(gen->integers[i]), name->texts[i].c_str(), l.first_x(i), lon_of(g, i));
            why = "feature " + std::to_string(i) + " is not of generation " + std::to_string(g) + buf;
            return -1;
        }
    return g;
}

// Starts a worker whose stdout (one line per finished save) is the returned descriptor.
pid_t spawn_worker(const std::string& self, const std::string& path, std::int64_t first, int& out)
{
    int fds[2];
    if (pipe(fds) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    const std::string first_text = std::to_string(first);
    std::vector<char*> argv{const_cast<char*>(self.c_str()), const_cast<char*>("--worker"),
                            const_cast<char*>(path.c_str()), const_cast<char*>(first_text.c_str()), nullptr};
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, self.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    out = fds[0];
    return rc == 0 ? pid : -1;
}

// Reads finished-save lines; stops after the first line if `one`, else at end of file.
// Returns the highest generation reported, or -1.
std::int64_t read_finished(int fd, bool one, std::string& pending)
{
    std::int64_t last = -1;
    char buf[256];
    for (;;) {
        for (std::size_t nl; (nl = pending.find('\n')) != std::string::npos;) {
            last = std::max<std::int64_t>(last, std::atoll(pending.substr(0, nl).c_str()));
            pending.erase(0, nl + 1);
            if (one) return last;
        }
        const ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) return last;
        pending.append(buf, static_cast<std::size_t>(n));
    }
}

int drive(const fs::path& dir, int kills, const std::vector<std::string>& formats, bool read_only)
{
    const std::string self = fs::read_symlink("/proc/self/exe").string();
    std::mt19937 random(20240909);  // fixed seed: a run can be repeated kill for kill
    int failures = 0;
    for (const auto& format : formats) {
        fs::create_directories(dir);
        const std::string path = (dir / ("sites." + format)).string();
        for (const char* e : {".gpkg", ".shp", ".shx", ".dbf", ".prj", ".cpg", ".gpkg-journal"}) {
            fs::path p = path;
            fs::remove(p.replace_extension(e));
        }
        std::int64_t committed = 1;
        if (!edit::save_layer_file(generation(committed), {path, "sites", "EPSG:4326"})) return 2;
        // How long one save takes here, so kills spread over whole saves.
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < 5; ++i) (void)edit::save_layer_file(generation(committed), {path, "sites", "EPSG:4326"});
        const double save_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 5;
        int counts[4] = {0, 0, 0, 0};
        int recovered = 0;
        std::int64_t next = 2;
        std::string first_problem;
        for (int k = 0; k < kills; ++k) {
            int out = -1;
            const pid_t pid = spawn_worker(self, path, next, out);
            if (pid < 0) return 2;
            // After its first finished save (start-up is over), a moment anywhere in the next
            // two saves' time.
            std::string pending;
            std::int64_t finished = read_finished(out, true, pending);
            std::uniform_real_distribution<double> delay(0.0, 2 * save_ms);
            std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(delay(random)));
            kill(pid, SIGKILL);
            int status = 0;
            waitpid(pid, &status, 0);
            finished = std::max(finished, read_finished(out, false, pending));
            close(out);
            if (finished < 0) {
                std::fprintf(stderr, "worker finished no save\n");
                return 2;
            }
            committed = finished;
            // What EditSession::open does first: finish the interrupted save (Shapefile commit
            // journal rolled forward, or a GeoPackage's hot SQLite journal rolled back).
            bool needed = false;
            std::string why;
            std::int64_t g = -2;
            if (read_only) {
                // read_layer finishes the interrupted save itself; counted by what it left behind.
                const fs::path target(path);
                needed = fs::exists(path + "-journal") || fs::exists(target.parent_path() / "sites.coopmap-commit") ||
                         fs::exists(target.parent_path() / ".coopmap-edit-sites");
                g = whole_generation(path, why);
            } else if (auto ok = edit::recover_interrupted_save(path, &needed); !ok) {
                why = ok.error().text();
            } else {
                g = whole_generation(path, why);
            }
            recovered += needed ? 1 : 0;
            State s;
            if (g == -2) s = State::corrupt;
            else if (g == -1) s = State::mixed;
            else if (g == committed) s = State::old_state;
            else if (g == committed + 1) s = State::new_state;  // finished, killed before it said so
            else {
                s = State::mixed;
                why = "generation " + std::to_string(g) + " is neither the last finished save (" +
                      std::to_string(committed) + ") nor the one after it";
            }
            ++counts[static_cast<int>(s)];
            if ((s == State::corrupt || s == State::mixed) && first_problem.empty())
                first_problem = "kill " + std::to_string(k + 1) + ": " + why;
            // The next worker's generations are all new: none can be mistaken for an older one.
            next += 100000;
        }
        std::printf("%s: %d kills (save %.1f ms), %d old, %d new, %d corrupt, %d mixed; %d found an interrupted "
                    "save that %s finished%s%s\n",
                    format.c_str(), kills, save_ms, counts[0], counts[1], counts[2], counts[3], recovered,
                    read_only ? "read_layer" : "recover_interrupted_save",
                    first_problem.empty() ? "" : "; first: ", first_problem.c_str());
        failures += counts[2] + counts[3];
    }
    return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc == 4 && std::string(argv[1]) == "--worker") return worker(argv[2], std::atoll(argv[3]));
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DIR [KILLS=200] [FORMATS=gpkg,shp] [AFTER=open|read]\n", argv[0]);
        return 2;
    }
    const int kills = argc > 2 ? std::atoi(argv[2]) : 200;
    std::vector<std::string> formats;
    std::string list = argc > 3 ? argv[3] : "gpkg,shp";
    for (std::size_t start = 0;;) {
        const auto comma = list.find(',', start);
        formats.push_back(list.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return drive(argv[1], kills, formats, argc > 4 && std::string(argv[4]) == "read");
}
