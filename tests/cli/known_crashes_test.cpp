// Every input a fuzz run crashed on (fuzz/known_crashes/<target>/, fuzz/README.md) given again:
// a reader target's as the file a user would give to coopmap-cli, under the same 4 GB
// address-space limit as the hostile corpus, which must end without a signal, with exit 0 or one
// Chinese line naming the file (a Shapefile input split into .shp/.shx/.dbf as
// fuzz/fuzz_shapefile.cpp splits it); a project's through the parser and back, as fuzz_project.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "model/project.h"
#include "run_process.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;
const std::string kCli = COOPMAP_CLI;
const fs::path kKnown = fs::path(COOPMAP_SOURCE_DIR) / "fuzz" / "known_crashes";

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::uint32_t u32(const std::string& s, std::size_t at)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(s[at + i]);
    return v;
}

// The data file a target's input stands for, written into `dir`.
fs::path as_user_file(const std::string& target, const fs::path& input, const fs::path& dir)
{
    const std::string bytes = slurp(input);
    if (target != "shapefile") {
        const std::string ext = target == "geojson" ? ".geojson" : "." + target;
        const fs::path file = dir / ("input" + ext);
        std::ofstream(file, std::ios::binary) << bytes;
        return file;
    }
    std::size_t rest = bytes.size() < 8 ? 0 : bytes.size() - 8;
    const std::size_t shp = bytes.size() < 8 ? 0 : std::min<std::size_t>(u32(bytes, 0), rest);
    rest -= shp;
    const std::size_t shx = bytes.size() < 8 ? 0 : std::min<std::size_t>(u32(bytes, 4), rest);
    rest -= shx;
    const std::string body = bytes.size() < 8 ? "" : bytes.substr(8);
    std::ofstream(dir / "input.shp", std::ios::binary) << body.substr(0, shp);
    std::ofstream(dir / "input.shx", std::ios::binary) << body.substr(shp, shx);
    std::ofstream(dir / "input.dbf", std::ios::binary) << body.substr(shp + shx);
    return dir / "input.shp";
}

TEST(KnownCrashes, EveryReaderInputEndsInALayerOrOneMessage)
{
    const fs::path dir = fs::temp_directory_path() / ("coopmap-known-crashes-" + std::to_string(::getpid()));
    int replayed = 0;
    for (const char* target : {"csv", "geojson", "gpkg", "shapefile", "kml", "kmz", "xlsx"}) {
        if (!fs::is_directory(kKnown / target)) continue;
        for (const auto& entry : fs::directory_iterator(kKnown / target)) {
            SCOPED_TRACE(entry.path().string());
            fs::remove_all(dir);
            fs::create_directories(dir);
            const fs::path file = as_user_file(target, entry.path(), dir);
            const pid_t pid = ::fork();
            if (pid == 0) {
                const rlimit as{4000000ull * 1024, 4000000ull * 1024};
                ::setrlimit(RLIMIT_AS, &as);
                const std::string err = (dir / "err").string();
                if (!std::freopen(err.c_str(), "w", stderr) || !std::freopen("/dev/null", "w", stdout)) ::_exit(126);
                ::execl(kCli.c_str(), kCli.c_str(), "info", file.c_str(), static_cast<char*>(nullptr));
                ::_exit(127);
            }
            int status = 0;
            ASSERT_EQ(::waitpid(pid, &status, 0), pid);
            ASSERT_FALSE(WIFSIGNALED(status)) << "signal " << WTERMSIG(status);
            ASSERT_TRUE(WIFEXITED(status));
            const std::string err = slurp(dir / "err");
            if (WEXITSTATUS(status) != 0) {
                EXPECT_EQ(WEXITSTATUS(status), 1);
                EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
                EXPECT_EQ(err.rfind("coopmap-cli: 文件 " + file.string(), 0), 0u) << err;
            }
            ++replayed;
        }
    }
    fs::remove_all(dir);
    // The CSV driver's crash of issue 9 at least (fuzz/known_crashes/csv/duplicate_lon_column.csv).
    EXPECT_GE(replayed, 1);
}

// What parse_project accepts, project_json writes so that it is read back the same: a project
// saved by the window opens again (empty_style.coopmap: a style of all defaults was written as
// null, and the saved project could not be opened).
TEST(KnownCrashes, ProjectInputsReadBackAsWritten)
{
    int accepted = 0;
    for (const auto& entry : fs::directory_iterator(kKnown / "project")) {
        SCOPED_TRACE(entry.path().string());
        auto project = parse_project(slurp(entry.path()), "/fuzz/fuzz.coopmap");
        if (!project) continue;
        ++accepted;
        const auto again = parse_project(project_json(*project), "/fuzz/fuzz.coopmap");
        ASSERT_TRUE(again) << again.error().text();
        EXPECT_TRUE(*again == *project);
    }
    EXPECT_GE(accepted, 1);
}

}  // namespace
}  // namespace coopmap::test
