// Keys stay secret (issue 17): the online basemap key (Tianditu tk) is in the project file where
// the user put it and nowhere else. Every command that reads a project runs on one whose basemap
// URL holds a made-up key (and with a second one in COOPMAP_TILE_KEY for a {tk} template); every
// byte it prints and every file it writes — PDFs also as their text — is searched for either key.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "run_process.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;
const std::string kCli = COOPMAP_CLI;
const std::string kGeodata = COOPMAP_SOURCE_DIR "/geodata";
const std::string kKeyInUrl = "f3e1c0ffee5ecret7a1d4";  // typed into basemap.url by the user
const std::string kKeyInEnv = "9b7e0badc0de5ecret22c";  // given to {tk} through COOPMAP_TILE_KEY

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

void replace_all(std::string& s, const std::string& from, const std::string& to)
{
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

class SecretKey : public ::testing::Test {
protected:
    const fs::path dir = fs::temp_directory_path() / ("coopmap-secret-" + std::to_string(::getpid()) + "-" +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::path out;
    std::string outputs;  // everything the commands printed, with the command that printed it

    void SetUp() override
    {
        fs::remove_all(dir);
        out = dir / "out";
        fs::create_directories(out);
        // Whatever the programs keep for themselves (tile cache, settings, logs) lands in here too.
        ::setenv("HOME", (dir / "home").c_str(), 1);
        ::setenv("XDG_CACHE_HOME", (dir / "home" / ".cache").c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", (dir / "home" / ".config").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (dir / "home" / ".local" / "share").c_str(), 1);
        ::setenv("COOPMAP_TILE_KEY", kKeyInEnv.c_str(), 1);
    }
    void TearDown() override
    {
        ::unsetenv("COOPMAP_TILE_KEY");
        fs::remove_all(dir);
    }

    // The sample project with its layers where they are and an online Tianditu basemap.
    std::string project(const std::string& name, const std::string& url)
    {
        std::string json = slurp(kGeodata + "/xiangyang.coopmap");
        replace_all(json, "\"source\": \"", "\"source\": \"" + kGeodata + "/");
        const std::string head = "\"version\": 1,";
        EXPECT_NE(json.find(head), std::string::npos);
        json.replace(json.find(head), head.size(),
                     head + " \"basemap\": {\"kind\": \"xyz\", \"url\": \"" + url + "\"},");
        const fs::path file = dir / name;
        std::ofstream(file, std::ios::binary) << json;
        return file.string();
    }

    void run(const std::vector<std::string>& args)
    {
        const auto r = run_process(kCli, args);
        std::string shown;
        for (const auto& a : args) shown += a + " ";
        outputs += "$ " + shown + "(exit " + std::to_string(r.exit_code) + ")\n" + r.out + r.err;
        EXPECT_NE(r.exit_code, -1) << shown << "\n" << r.err;  // never a crash
    }
};

TEST_F(SecretKey, NoCommandPrintsOrWritesTheTiandituKey)
{
    const std::string tianditu = "https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                                 "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}"
                                 "&TILECOL={x}&tk=";
    const std::string literal = project("net.coopmap", tianditu + kKeyInUrl);
    const std::string templated = project("tk.coopmap", tianditu + "{tk}");
    // A URL the project reader refuses must not echo the key either.
    const std::string broken = project("broken.coopmap", "ftp://t0.tianditu.gov.cn/wmts?tk=" + kKeyInUrl);
    ASSERT_NE(slurp(literal).find(kKeyInUrl), std::string::npos);  // the one place it may be

    for (const auto& p : {literal, templated, broken}) {
        const std::string stem = fs::path(p).stem().string();
        run({"info", p});
        run({"render", p, "--out", (out / (stem + ".png")).string(), "--dpi", "72", "--legend",
             (out / (stem + "-legend.tsv")).string()});
        run({"report", p, "--out", (out / (stem + ".pdf")).string()});
        run({"coverage", p, "--radius", "3km", "--out", (out / (stem + "-coverage.gpkg")).string(), "--table",
             (out / (stem + "-coverage.csv")).string()});
        run({"tiles", p, "--zoom", "8", "--out", (out / (stem + "-tiles")).string()});
    }
    // The commands did their work (a run that failed early would prove nothing).
    EXPECT_TRUE(fs::exists(out / "net.png"));
    EXPECT_TRUE(fs::exists(out / "net.pdf"));
    EXPECT_TRUE(fs::exists(out / "net-coverage.gpkg"));
    EXPECT_TRUE(fs::exists(out / "net-coverage.csv"));
    EXPECT_TRUE(fs::exists(out / "net-tiles"));

    for (const auto& key : {kKeyInUrl, kKeyInEnv}) EXPECT_EQ(outputs.find(key), std::string::npos) << outputs;
    std::size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        if (e.path() == literal || e.path() == templated || e.path() == broken) continue;
        ++files;
        std::string bytes = slurp(e.path());
        if (e.path().extension() == ".pdf") {
            // Text in a PDF is in compressed streams: read it as poppler does too.
            const auto text = run_process("pdftotext", {e.path().string(), "-"});
            EXPECT_EQ(text.exit_code, 0) << e.path();
            bytes += text.out;
        }
        for (const auto& key : {kKeyInUrl, kKeyInEnv})
            EXPECT_EQ(bytes.find(key), std::string::npos) << "the key is in " << e.path();
    }
    EXPECT_GT(files, 10u);
}

}  // namespace
}  // namespace coopmap::test
