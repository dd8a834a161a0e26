// Write-then-rename: a write that succeeds replaces the file whole; one that fails leaves the old
// file byte for byte and nothing beside it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixtures.h"
#include "io/atomic_write.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;

std::string contents(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Everything in the folder, hidden temporaries included.
std::vector<std::string> names_in(const std::string& dir)
{
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

TEST(AtomicWrite, SuccessReplacesTheFileAndLeavesNothingBeside)
{
    TempDir dir("atomic-ok");
    const std::string path = dir / "覆盖统计.csv";
    std::ofstream(path) << "旧内容\n";
    ASSERT_TRUE(io::write_file_atomically(path, std::string_view("乡镇,覆盖率\n双沟镇,0.875\n")));
    EXPECT_EQ(contents(path), "乡镇,覆盖率\n双沟镇,0.875\n");
    EXPECT_EQ(names_in(dir / ""), std::vector<std::string>{"覆盖统计.csv"});
}

TEST(AtomicWrite, TheWriterSeesTheTargetsOwnFileNameBesideIt)
{
    TempDir dir("atomic-name");
    const std::string path = dir / "report.xlsx";
    std::string seen;
    ASSERT_TRUE(io::write_file_atomically(path, [&](const std::string& temp) -> Status {
        seen = temp;
        std::ofstream(temp) << "x";
        return Done{};
    }));
    EXPECT_EQ(seen, dir / ".coopmap-saving-report_xlsx/report.xlsx");
    EXPECT_EQ(contents(path), "x");
}

TEST(AtomicWrite, AFailedWriteLeavesTheOldFileAndNoTemporary)
{
    TempDir dir("atomic-fail");
    const std::string path = dir / "network.gpkg";
    std::ofstream(path) << "旧版本";
    const Status s = io::write_file_atomically(path, [&](const std::string& temp) -> Status {
        std::ofstream(temp) << "写了一半";
        return Error{temp, "villages", {}, "写入图层失败"};
    });
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().file, path);  // the user's file, never the temporary
    EXPECT_EQ(s.error().text(), "文件 " + path + "，图层 villages：写入图层失败");
    EXPECT_EQ(contents(path), "旧版本");
    EXPECT_EQ(names_in(dir / ""), std::vector<std::string>{"network.gpkg"});
}

TEST(AtomicWrite, ARenameThatFailsLeavesTheOldAndNoTemporary)
{
    TempDir dir("atomic-rename");
    // A folder where the file should go: rename(2) of a file over it fails (EISDIR).
    const std::string path = dir / "plan.pdf";
    fs::create_directory(path);
    std::ofstream(path + "/keep.txt") << "留着";
    const Status s = io::write_file_atomically(path, std::string_view("%PDF-1.4"));
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().file, path);
    EXPECT_EQ(s.error().message.rfind("无法写入文件（", 0), 0u) << s.error().message;
    EXPECT_NE(s.error().message.find("原文件未改动"), std::string::npos);
    EXPECT_EQ(contents(path + "/keep.txt"), "留着");
    EXPECT_EQ(names_in(dir / ""), std::vector<std::string>{"plan.pdf"});
}

TEST(AtomicWrite, AMissingFolderIsOneErrorNamingTheFile)
{
    const std::string path = "/nonexistent/place/s.gpkg";
    bool called = false;
    const Status s = io::write_file_atomically(path, [&](const std::string&) -> Status {
        called = true;
        return Done{};
    });
    ASSERT_FALSE(s);
    EXPECT_FALSE(called);
    EXPECT_EQ(
        s.error().text(),
        "文件 /nonexistent/place/s.gpkg：无法写入文件（No such file or directory），原文件未改动：请检查目录是否存在、"
        "是否有写权限、磁盘是否已满，以及文件是否正被其他程序打开");
}

TEST(AtomicWrite, AnUncommittedWriteRemovesItsTemporary)
{
    TempDir dir("atomic-drop");
    const std::string path = dir / "map.png";
    std::ofstream(path) << "old";
    {
        io::AtomicFile f(path);
        ASSERT_TRUE(f.ready());
        std::ofstream(f.temp_path()) << "new";
    }  // an early return of the writer: no commit
    EXPECT_EQ(contents(path), "old");
    EXPECT_EQ(names_in(dir / ""), std::vector<std::string>{"map.png"});
}

TEST(AtomicWrite, CompanionsMoveWithTheFile)
{
    TempDir dir("atomic-shp");
    const std::string path = dir / "sites.shp";
    io::AtomicFile f(path);
    for (const char* e : {".shp", ".shx", ".dbf"}) std::ofstream(fs::path(f.temp_path()).replace_extension(e)) << e;
    ASSERT_TRUE(f.commit({".shx", ".dbf", ".prj"}));
    EXPECT_EQ(names_in(dir / ""), (std::vector<std::string>{"sites.dbf", "sites.shp", "sites.shx"}));
    EXPECT_EQ(contents(dir / "sites.dbf"), ".dbf");
}

TEST(AtomicWrite, AFolderReplacesTheOldFolderOnlyWhenComplete)
{
    TempDir dir("atomic-tiles");
    const std::string tiles = dir / "tiles";
    fs::create_directories(tiles + "/3/6");
    std::ofstream(tiles + "/3/6/3.png") << "old tile";
    {
        io::AtomicFile f(tiles);
        fs::create_directories(f.temp_path() + "/4/12");
        std::ofstream(f.temp_path() + "/4/12/6.png") << "half";
    }  // cancelled
    EXPECT_EQ(contents(tiles + "/3/6/3.png"), "old tile");
    EXPECT_EQ(names_in(dir / ""), std::vector<std::string>{"tiles"});

    io::AtomicFile f(tiles);
    fs::create_directories(f.temp_path() + "/4/12");
    std::ofstream(f.temp_path() + "/4/12/6.png") << "new tile";
    ASSERT_TRUE(f.commit());
    EXPECT_FALSE(fs::exists(tiles + "/3"));
    EXPECT_EQ(contents(tiles + "/4/12/6.png"), "new tile");
    EXPECT_EQ(names_in(dir / ""), std::vector<std::string>{"tiles"});
}

}  // namespace
}  // namespace coopmap::test
