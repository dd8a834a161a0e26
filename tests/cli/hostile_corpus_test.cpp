// The hostile corpus (issue 17): crafted, corrupt and oversized files, every one made here (no
// blob in the tree), each given to coopmap-cli as a user gives it — `info FILE`, `convert FILE
// OUT`, and `info PROJECT` of a project naming it — in a child process limited to 4,000,000 KiB of
// address space (setrlimit RLIMIT_AS, as `ulimit -v 4000000`). No run may end by a signal.
//
// What each file must give, and why:
// - A bad file (nothing in it can be read as the user meant) gives exactly one line on stderr,
//   "coopmap-cli: 文件 …：<Chinese reason>", naming the file (and the feature where one is at
//   fault), nothing on stdout, exit 1:
//   · zero-byte .gpkg — an interrupted copy: said so, before GDAL (whose own message is empty);
//   · truncated .gpkg — SQLite's "malformed" surfaces from GDAL as a read that broke off;
//   · .shp whose .shx points past the end of the .shp — checked against the .shp's size before
//     GDAL, which would read the features as having no geometry; the message names the feature;
//   · .shp without .shx — said so (GDAL's SHAPE_RESTORE_SHX would write beside the user's file);
//   · billion-laughs and XXE .kml — any entity declaration is refused before a parser sees it;
//     the XXE's target file's text appears nowhere in the output;
//   · .kmz expanding to 1 GiB and an .xlsx decompression bomb of 1 GiB — the expanded sizes of
//     the zip's entries are added up before GDAL expands anything (cap 256 MiB).
// - Readable data stays readable, and what is odd in it is said, consistently in every command:
//   · a GeoPackage whose gpkg_ogr_contents claims 10^12 features, more than the file has bytes:
//     damage, refused with one message naming the file and layer, exit 1 (nothing reserved for it);
//     a count that is merely stale (7 recorded, 3 there) is read with its real rows, the mismatch
//     reported as a data problem — under the layer in `info` ("问题：…"), as one "注意：" line on
//     stderr by `convert`, exit 0;
//   · NaN coordinates: the feature is skipped and named ("要素 2：坐标不是有限数值…") like every
//     other unreadable feature, the others read; `info` lists it under the layer, `convert`
//     writes the rest with one "跳过：" line, exit 0;
//   · a GeoPackage of 2,000 layers: `info` lists every layer by name and kind within 2 s (from
//     the GeoPackage's own tables, io/gpkg_catalog.h); reading it without naming a layer (convert
//     without --layer, a project without "layer") is one message asking for the layer, exit 1,
//     since its first layer is a guess; naming one reads it.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "io/gdal_errors.h"
#include "io/gdal_reader.h"
#include "run_process.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;
const std::string kCli = COOPMAP_CLI;

struct Limited {
    bool signalled = false;
    int signal = 0;
    int exit_code = -1;
    std::string out, err;
    double seconds = 0;
};

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

// `program args…` in a child limited to 4,000,000 KiB of address space, its output to files.
Limited run_limited(const std::vector<std::string>& args, const fs::path& dir)
{
    const fs::path out = dir / "child.out", err = dir / "child.err";
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        const rlimit as{4000000ull * 1024, 4000000ull * 1024};
        ::setrlimit(RLIMIT_AS, &as);
        const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(o, 1);
        ::dup2(e, 2);
        std::vector<char*> argv{const_cast<char*>(kCli.c_str())};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(kCli.c_str(), argv.data());
        ::_exit(127);
    }
    Limited r;
    int status = 0;
    for (int waited = 0;; ++waited) {
        if (::waitpid(pid, &status, WNOHANG) == pid) break;
        if (waited == 1800) {  // 180 s: a hang is a failure too, not a test that never ends
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            r.err = "did not finish in 180 s";
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.signalled = WIFSIGNALED(status);
    r.signal = r.signalled ? WTERMSIG(status) : 0;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err += slurp(err);
    return r;
}

std::vector<std::string> lines_of(const std::string& s)
{
    std::vector<std::string> out;
    for (auto& l : split(s, '\n'))
        if (!l.empty()) out.push_back(l);
    return out;
}

bool has_chinese(const std::string& s)
{
    // Any character of the CJK Unified Ideographs block, U+4E00..U+9FFF (E4 B8 80 .. E9 BF BF).
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0xE4 && c <= 0xE9) return true;
    }
    return false;
}

class HostileCorpus : public ::testing::Test {
protected:
    const fs::path dir = fs::temp_directory_path() / ("coopmap-corpus-" + std::to_string(::getpid()) + "-" +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
    void SetUp() override
    {
        io::ensure_gdal();
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }

    static GDALDatasetUniquePtr create(const char* driver, const fs::path& path)
    {
        GDALDriver* d = GetGDALDriverManager()->GetDriverByName(driver);
        return GDALDatasetUniquePtr(d->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    }

    // Villages 村0, 村1… at (112 + 0.1 i, 32).
    static void add_villages(GDALDataset& ds, const char* name, int n = 3, CSLConstList options = nullptr)
    {
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        OGRLayer* l = ds.CreateLayer(name, &wgs84, wkbPoint, const_cast<char**>(options));
        ASSERT_TRUE(l);
        OGRFieldDefn field("名称", OFTString);
        ASSERT_EQ(l->CreateField(&field), OGRERR_NONE);
        for (int i = 0; i < n; ++i) {
            OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            f->SetField(0, ("村" + std::to_string(i)).c_str());
            OGRPoint p(112.0 + 0.1 * i, 32.0);
            f->SetGeometry(&p);
            ASSERT_EQ(l->CreateFeature(f.get()), OGRERR_NONE);
        }
    }

    void write_project(const fs::path& project, const fs::path& source, const std::string& layer = {}) const
    {
        std::ofstream(project)
            << R"({"version": 1, "name": "恶意文件", "layers": [{"id": "v", "title": "村庄", "source": ")"
            << source.string() << "\"" << (layer.empty() ? "" : R"(, "layer": ")" + layer + "\"")
            << R"(, "role": "village"}]})";
    }

    // A bad file: every way in gives one Chinese line naming it (and `must_say`), exit 1.
    void expect_refused(const fs::path& file, const std::string& must_say, const std::string& must_not_say = {})
    {
        const fs::path project = dir / "p.coopmap";
        write_project(project, file);
        const std::vector<std::vector<std::string>> ways = {{"info", file.string()},
                                                            {"convert", file.string(), (dir / "out.gpkg").string()},
                                                            {"info", project.string()}};
        for (const auto& args : ways) {
            SCOPED_TRACE(args[0] + " " + args[1]);
            const Limited r = run_limited(args, dir);
            ASSERT_FALSE(r.signalled) << "signal " << r.signal << "\n" << r.err;
            EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
            EXPECT_EQ(r.out, "");
            const auto lines = lines_of(r.err);
            ASSERT_EQ(lines.size(), 1u) << r.err;
            EXPECT_EQ(lines[0].rfind("coopmap-cli: 文件 " + file.string(), 0), 0u) << lines[0];
            EXPECT_NE(lines[0].find(must_say), std::string::npos) << lines[0];
            EXPECT_TRUE(has_chinese(lines[0].substr(lines[0].find("：") + 3))) << lines[0];
            if (!must_not_say.empty()) {
                EXPECT_EQ((r.out + r.err).find(must_not_say), std::string::npos) << r.err;
            }
            EXPECT_FALSE(fs::exists(dir / "out.gpkg"));
        }
    }

    // A zip of entries, each `total` bytes long made of `head`, `body` repeated, `tail`, deflated
    // (GDAL's own zip writer) in 1 MiB writes.
    struct Entry {
        std::string name, head, body, tail;
        std::uint64_t total = 0;  // 0: head + tail only
    };
    static Entry small(std::string name, std::string text)
    {
        return Entry{std::move(name), std::move(text), {}, {}, 0};
    }
    static void write_zip(const fs::path& zip, const std::vector<Entry>& entries)
    {
        void* z = CPLCreateZip(zip.c_str(), nullptr);
        ASSERT_TRUE(z);
        for (const auto& e : entries) {
            ASSERT_EQ(CPLCreateFileInZip(z, e.name.c_str(), nullptr), CE_None);
            auto put = [z](const std::string& s) {
                return CPLWriteFileInZip(z, s.data(), static_cast<int>(s.size())) == CE_None;
            };
            ASSERT_TRUE(put(e.head));
            if (e.total) {
                std::string chunk;
                while (chunk.size() < (1u << 20)) chunk += e.body;
                std::uint64_t written = e.head.size() + e.tail.size();
                while (written < e.total) {
                    ASSERT_TRUE(put(chunk));
                    written += chunk.size();
                }
            }
            ASSERT_TRUE(put(e.tail));
            ASSERT_EQ(CPLCloseFileInZip(z), CE_None);
        }
        ASSERT_EQ(CPLCloseZip(z), CE_None);
    }
};

constexpr std::uint64_t kGiB = 1ull << 30;

TEST_F(HostileCorpus, ZeroByteGeoPackage)
{
    const fs::path file = dir / "空.gpkg";
    std::ofstream{file};
    ASSERT_EQ(fs::file_size(file), 0u);
    expect_refused(file, "文件是空的（0 字节）");
}

TEST_F(HostileCorpus, TruncatedGeoPackage)
{
    const fs::path file = dir / "截断.gpkg";
    {
        auto ds = create("GPKG", file);
        ASSERT_TRUE(ds);
        ASSERT_EQ(ds->StartTransaction(), OGRERR_NONE);
        add_villages(*ds, "villages", 20000);
        ASSERT_EQ(ds->CommitTransaction(), OGRERR_NONE);
    }
    // The catalog's pages come first; the villages' rows and R-tree are cut off.
    const auto size = fs::file_size(file);
    ASSERT_GT(size, 400000u);
    fs::resize_file(file, size / 2);
    expect_refused(file, "文件可能已损坏");
}

TEST_F(HostileCorpus, ShxPointingPastTheEndOfTheShp)
{
    const fs::path file = dir / "村庄.shp";
    {
        auto ds = create("ESRI Shapefile", file);
        ASSERT_TRUE(ds);
        const char* utf8[] = {"ENCODING=UTF-8", nullptr};
        add_villages(*ds, "村庄", 5, utf8);
    }
    // Record 2's offset (big-endian 16-bit words at 100 + 8 * 2) moved 200 MB on.
    {
        std::fstream shx(dir / "村庄.shx", std::ios::in | std::ios::out | std::ios::binary);
        shx.seekp(100 + 8 * 2);
        const unsigned char far_away[4] = {0x05, 0xF5, 0xE1, 0x00};  // 10^8 words
        shx.write(reinterpret_cast<const char*>(far_away), 4);
    }
    expect_refused(file, "位置 要素 2：.shx 索引指向 .shp 文件之外");
}

TEST_F(HostileCorpus, ShapefileWithoutShx)
{
    const fs::path file = dir / "村庄.shp";
    {
        auto ds = create("ESRI Shapefile", file);
        ASSERT_TRUE(ds);
        const char* utf8[] = {"ENCODING=UTF-8", nullptr};
        add_villages(*ds, "村庄", 3, utf8);
    }
    ASSERT_TRUE(fs::remove(dir / "村庄.shx"));
    expect_refused(file, "缺少同名的 .shx 索引文件");
}

TEST_F(HostileCorpus, BillionLaughsKml)
{
    const fs::path file = dir / "笑.kml";
    std::string dtd = "<!DOCTYPE kml [\n<!ENTITY lol \"lol\">\n";
    for (int k = 1; k <= 9; ++k) {
        dtd += "<!ENTITY lol" + std::to_string(k) + " \"";
        for (int i = 0; i < 10; ++i) dtd += "&lol" + (k == 1 ? std::string() : std::to_string(k - 1)) + ";";
        dtd += "\">\n";
    }
    dtd += "]>\n";
    std::ofstream(file) << "<?xml version=\"1.0\"?>\n"
                        << dtd
                        << "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark><name>&lol9;</name>"
                           "<Point><coordinates>112,32</coordinates></Point></Placemark></Document></kml>\n";
    expect_refused(file, "XML 文件声明了实体");
}

TEST_F(HostileCorpus, XxeKml)
{
    const fs::path secret = dir / "secret.txt";
    std::ofstream(secret) << "SECRET-7f3a9c";
    const fs::path file = dir / "外部实体.kml";
    std::ofstream(file) << "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [<!ENTITY xxe SYSTEM \"file://" << secret.string()
                        << "\">]>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark><name>&xxe;"
                           "</name><Point><coordinates>112,32</coordinates></Point></Placemark></Document></kml>\n";
    expect_refused(file, "XML 文件声明了实体", "SECRET-7f3a9c");
}

TEST_F(HostileCorpus, KmzExpandingToOneGiB)
{
    const fs::path file = dir / "炸弹.kmz";
    const std::string placemark =
        "<Placemark><name>村</name><Point><coordinates>112.1,32.1</coordinates></Point></Placemark>\n";
    write_zip(file, {{"doc.kml", "<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n",
                      placemark, "</Document></kml>\n", kGiB}});
    ASSERT_LT(fs::file_size(file), 16u << 20);  // a bomb: small on disk
    expect_refused(file, "压缩包解压后超过 256 MiB");
}

// The same bomb with its zip directory (and local header) claiming 1,000 bytes: GDAL inflates past
// a claimed size, so only counting what really comes out stops it.
TEST_F(HostileCorpus, KmzUnderstatingItsExpandedSize)
{
    const fs::path file = dir / "炸弹.kmz";
    const std::string placemark =
        "<Placemark><name>村</name><Point><coordinates>112.1,32.1</coordinates></Point></Placemark>\n";
    write_zip(file, {{"doc.kml", "<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n",
                      placemark, "</Document></kml>\n", kGiB}});
    std::string bytes = slurp(file);
    const auto patch = [&bytes](std::size_t at) {
        ASSERT_LT(at + 4, bytes.size());
        ASSERT_NE(bytes.substr(at, 4), std::string(4, '\xff')) << "a ZIP64 size";
        bytes.replace(at, 4, std::string("\xe8\x03\0\0", 4));
    };
    ASSERT_EQ(bytes.substr(0, 4), "PK\x03\x04");
    patch(22);  // local header: uncompressed size
    const std::size_t central = bytes.rfind("PK\x01\x02");
    ASSERT_NE(central, std::string::npos);
    patch(central + 24);  // central directory: uncompressed size
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    VSIStatBufL st;
    ASSERT_EQ(VSIStatL(("/vsizip/" + file.string() + "/doc.kml").c_str(), &st), 0);
    ASSERT_EQ(st.st_size, 1000);  // the lie, as GDAL reads it
    expect_refused(file, "压缩包解压后超过 256 MiB");
}

TEST_F(HostileCorpus, XlsxDecompressionBomb)
{
    const fs::path file = dir / "炸弹.xlsx";
    const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    write_zip(
        file,
        {small("[Content_Types].xml",
               "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
               "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
               "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
               "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
               "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
               "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
               "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"),
         small("_rels/.rels",
               "<?xml version=\"1.0\"?><Relationships "
               "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
               "Type=\"" +
                   rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
         small("xl/workbook.xml",
               "<?xml version=\"1.0\"?><workbook " + ns + " xmlns:r=\"" + rel +
                   "\"><sheets><sheet name=\"村庄\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
         small("xl/_rels/workbook.xml.rels",
               "<?xml version=\"1.0\"?><Relationships "
               "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
               "Type=\"" +
                   rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
         {"xl/worksheets/sheet1.xml",
          "<?xml version=\"1.0\"?><worksheet " + ns +
              "><sheetData><row><c t=\"inlineStr\"><is><t>经度</t></is></c><c t=\"inlineStr\"><is><t>纬度</t>"
              "</is></c></row>",
          "<row><c><v>112.1</v></c><c><v>32.1</v></c></row>", "</sheetData></worksheet>", kGiB}});
    ASSERT_LT(fs::file_size(file), 16u << 20);
    expect_refused(file, "压缩包解压后超过 256 MiB");
}

class HostileCounts : public HostileCorpus {
protected:
    // 3 villages and a table of 2 rows, both recording `claimed` features in gpkg_ogr_contents.
    static fs::path claims_gpkg(const fs::path& file, long long claimed)
    {
        {
            auto ds = create("GPKG", file);
            EXPECT_TRUE(ds);
            add_villages(*ds, "村");
            const char* aspatial[] = {"ASPATIAL_VARIANT=GPKG_ATTRIBUTES", nullptr};
            OGRLayer* t = ds->CreateLayer("名单", nullptr, wkbNone, const_cast<char**>(aspatial));
            OGRFieldDefn name("名称", OFTString);
            t->CreateField(&name);
            for (int i = 0; i < 2; ++i) {
                OGRFeatureUniquePtr f(OGRFeature::CreateFeature(t->GetLayerDefn()));
                f->SetField(0, "社");
                EXPECT_EQ(t->CreateFeature(f.get()), OGRERR_NONE);
            }
        }
        GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        EXPECT_TRUE(ds);
        const std::string sql = "UPDATE gpkg_ogr_contents SET feature_count = " + std::to_string(claimed);
        ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        return file;
    }
};

TEST_F(HostileCounts, ClaimedTrillionFeaturesIsRefusedAsDamage)
{
    const fs::path file = claims_gpkg(dir / "claims.gpkg", 1000000000000LL);
    ASSERT_LT(fs::file_size(file), 1u << 20);
    expect_refused(file, "：文件记录的要素数（gpkg_ogr_contents）为 1000000000000，而整个文件只有 " +
                             std::to_string(fs::file_size(file)) + " 字节，装不下这么多要素");

    // And in the engine as the window reads it: the layer and the table, each named.
    const auto loaded = io::read_layer({file.string(), "村", {}, {}, Role::village, {}});
    ASSERT_FALSE(loaded);
    EXPECT_EQ(loaded.error().file, file.string());
    EXPECT_EQ(loaded.error().layer, "村");
    EXPECT_NE(loaded.error().message.find("装不下这么多要素"), std::string::npos) << loaded.error().text();
    const auto table = io::read_table({file.string(), "名单", {}, {}, Role::village, {}});
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().layer, "名单");
    EXPECT_NE(table.error().message.find("装不下这么多要素"), std::string::npos) << table.error().text();
}

TEST_F(HostileCounts, StaleRecordedCountIsADataProblem)
{
    const fs::path file = claims_gpkg(dir / "stale.gpkg", 7);
    const std::string claim = "文件记录的要素数（gpkg_ogr_contents）为 7，实际读到 ";

    const Limited info = run_limited({"info", file.string()}, dir);
    ASSERT_FALSE(info.signalled) << info.signal;
    ASSERT_EQ(info.exit_code, 0) << info.err;
    EXPECT_EQ(info.err, "");
    EXPECT_NE(info.out.find("点       3  [112.0000, 32.0000 – 112.2000, 32.0000]"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("    问题：" + claim + "3 个："), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("      2 行"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("    问题：" + claim + "2 行："), std::string::npos) << info.out;

    const fs::path out = dir / "out.gpkg";
    const Limited convert = run_limited({"convert", file.string(), out.string(), "--layer", "村"}, dir);
    ASSERT_FALSE(convert.signalled) << convert.signal;
    ASSERT_EQ(convert.exit_code, 0) << convert.err;
    EXPECT_EQ(lines_of(convert.err),
              (std::vector<std::string>{"注意：文件 " + file.string() + "，图层 村：" + claim +
                                        "3 个：以实际读到的为准（文件的统计表有误，用原软件重新保存可修正）"}));
    EXPECT_EQ(convert.out, out.string() + "：3 个要素，坐标系 EPSG:4326 WGS 84\n");
}

// Three roads, the middle vertex of road 1 at NaN: feature FID 2 (GeoPackage FIDs start at 1). A
// line, since GDAL reads a point with a NaN coordinate back as an empty point (WKB's POINT EMPTY).
TEST_F(HostileCorpus, NanCoordinatesSkipTheFeatureAndNameIt)
{
    const fs::path file = dir / "nan.gpkg";
    {
        auto ds = create("GPKG", file);
        ASSERT_TRUE(ds);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        OGRLayer* l = ds->CreateLayer("路", &wgs84, wkbLineString, nullptr);
        ASSERT_TRUE(l);
        for (int i = 0; i < 3; ++i) {
            OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            OGRLineString line;
            line.addPoint(112.0 + 0.1 * i, 32.0);
            line.addPoint(i == 1 ? std::numeric_limits<double>::quiet_NaN() : 112.02 + 0.1 * i, 32.02);
            line.addPoint(112.05 + 0.1 * i, 32.05);
            f->SetGeometry(&line);
            ASSERT_EQ(l->CreateFeature(f.get()), OGRERR_NONE);
        }
    }
    const std::string why = "坐标不是有限数值（NaN 或无穷大），已跳过该行";

    const Limited info = run_limited({"info", file.string()}, dir);
    ASSERT_FALSE(info.signalled) << info.signal;
    ASSERT_EQ(info.exit_code, 0) << info.err;
    EXPECT_NE(info.out.find("线       2  [112.0000, 32.0000 – 112.2500, 32.0500]"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("    问题：跳过 1 个要素（原因见下）\n      要素 2：" + why + "\n"), std::string::npos)
        << info.out;

    const fs::path out = dir / "out.gpkg";
    const Limited convert = run_limited({"convert", file.string(), out.string()}, dir);
    ASSERT_FALSE(convert.signalled) << convert.signal;
    ASSERT_EQ(convert.exit_code, 0) << convert.err;
    EXPECT_EQ(lines_of(convert.err),
              (std::vector<std::string>{"跳过：文件 " + file.string() + "，图层 路，位置 要素 2：" + why}));
    EXPECT_EQ(convert.out, out.string() + "：2 个要素，坐标系 EPSG:4326 WGS 84\n");
}

// 2,000 layers of one village each (no R-trees, so that making it takes seconds).
TEST_F(HostileCorpus, TwoThousandLayersListedFastAndReadOnlyByName)
{
    const fs::path file = dir / "many.gpkg";
    {
        auto ds = create("GPKG", file);
        ASSERT_TRUE(ds);
        ASSERT_EQ(ds->StartTransaction(), OGRERR_NONE);
        const char* no_index[] = {"SPATIAL_INDEX=NO", nullptr};
        for (int k = 0; k < 2000; ++k) {
            char name[32];
            std::snprintf(name, sizeof name, "layer_%04d", k);
            add_villages(*ds, name, 1, no_index);
        }
        ASSERT_EQ(ds->CommitTransaction(), OGRERR_NONE);
    }
    const Limited info = run_limited({"info", file.string()}, dir);
    ASSERT_FALSE(info.signalled) << info.signal;
    ASSERT_EQ(info.exit_code, 0) << info.err;
    EXPECT_EQ(info.err, "");
    const auto lines = lines_of(info.out);
    ASSERT_EQ(lines.size(), 2001u);
    EXPECT_EQ(lines[0].find(file.string() + "：2000 个图层（超过 100 个"), 0u) << lines[0];
    for (int k = 0; k < 2000; ++k) {
        char name[32];
        std::snprintf(name, sizeof name, "layer_%04d", k);
        ASSERT_EQ(words(lines[k + 1]), (std::vector<std::string>{name, "点"})) << lines[k + 1];
    }
    EXPECT_LE(info.seconds, 2.0);

    const std::string ask = "数据中有 2000 个图层，请指明要读取哪一个";
    const Limited unnamed = run_limited({"convert", file.string(), (dir / "out.gpkg").string()}, dir);
    ASSERT_FALSE(unnamed.signalled) << unnamed.signal;
    EXPECT_EQ(unnamed.exit_code, 1);
    EXPECT_EQ(unnamed.out, "");
    ASSERT_EQ(lines_of(unnamed.err).size(), 1u) << unnamed.err;
    EXPECT_EQ(unnamed.err.rfind("coopmap-cli: 文件 " + file.string() + "：" + ask, 0), 0u) << unnamed.err;
    EXPECT_FALSE(fs::exists(dir / "out.gpkg"));

    const fs::path project = dir / "p.coopmap";
    write_project(project, file);
    const Limited in_project = run_limited({"info", project.string()}, dir);
    ASSERT_FALSE(in_project.signalled) << in_project.signal;
    EXPECT_EQ(in_project.exit_code, 1);
    ASSERT_EQ(lines_of(in_project.err).size(), 1u) << in_project.err;
    EXPECT_EQ(in_project.err.rfind("coopmap-cli: 文件 " + file.string() + "，图层 村庄：" + ask, 0), 0u)
        << in_project.err;

    const Limited named =
        run_limited({"convert", file.string(), (dir / "out.gpkg").string(), "--layer", "layer_1999"}, dir);
    ASSERT_FALSE(named.signalled) << named.signal;
    ASSERT_EQ(named.exit_code, 0) << named.err;
    EXPECT_EQ(named.out, (dir / "out.gpkg").string() + "：1 个要素，坐标系 EPSG:4326 WGS 84\n");
    EXPECT_EQ(named.err, "");
}

}  // namespace
}  // namespace coopmap::test
