// `coopmap-cli routes --pdf` (issue 18): the route sheet on paper, read back with poppler
// (pdftotext -bbox) against the XLSX route sheet the same run writes (read with GDAL) and the
// summary it prints: every vehicle's pages hold its sheet's rows, each once and in order, a long
// route going on over pages with its header repeated; the first page's totals and saving are the
// printed ones; no word outside the margins or in the footer's band.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDate>
#include <QString>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "io/gdal_errors.h"
#include "paper_text.h"
#include "route_project.h"
#include "run_process.h"
#include "temp_dir.h"

namespace coopmap::test {
namespace {

const std::string kSample = std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.coopmap";

// One row of a route sheet, as text the way the PDF writes it.
struct SheetRow {
    std::string seq, id, name, arrive, leave;
    std::vector<std::string> load;
    double km = NAN, total = NAN;
};

// The same row: text equal, the km to the 0.1 km the PDF writes them (the sheet keeps metres).
bool same_row(const SheetRow& a, const SheetRow& b)
{
    return a.seq == b.seq && a.id == b.id && a.name == b.name && a.arrive == b.arrive && a.leave == b.leave &&
           a.load == b.load && std::abs(a.km - b.km) <= 0.05 + 1e-9 && std::abs(a.total - b.total) <= 0.05 + 1e-9;
}

std::string one_decimal(double v)
{
    char b[64];
    std::snprintf(b, sizeof b, "%.1f", v);
    return b;
}

std::string amount(double v)
{
    char b[64];
    std::snprintf(b, sizeof b, "%.2f", v);
    std::string s = b;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;  // a sum of loads a hair below zero
}

std::string printable(const SheetRow& r)
{
    std::string s = r.seq + "|" + r.id + "|" + r.name + "|" + r.arrive + "|" + r.leave;
    for (const auto& l : r.load) s += "|" + l;
    return s + "|" + std::to_string(r.km) + "|" + std::to_string(r.total);
}

// The XLSX sheets by name (未服务 left out), each row in the PDF's text form but the km and the
// running total, as the sheet stores them (to the metre).
std::map<std::string, std::vector<SheetRow>> xlsx_sheets(const std::string& xlsx, const std::vector<std::string>& units)
{
    io::ensure_gdal();
    std::map<std::string, std::vector<SheetRow>> out;
    GDALDatasetUniquePtr ds(GDALDataset::Open(xlsx.c_str(), GDAL_OF_VECTOR));
    EXPECT_TRUE(ds) << xlsx;
    if (!ds) return out;
    for (int k = 0; k < ds->GetLayerCount(); ++k) {
        OGRLayer* sheet = ds->GetLayer(k);
        const std::string name = sheet->GetName();
        if (name == "未服务") continue;
        auto& rows = out[name];
        for (auto&& f : *sheet) {
            SheetRow r;
            r.seq = std::to_string(f->GetFieldAsInteger("序号"));
            r.id = f->GetFieldAsString("编号");
            r.name = f->GetFieldAsString("名称");
            r.arrive = f->GetFieldAsString("到达");
            r.leave = f->GetFieldAsString("离开");
            for (const auto& u : units) r.load.push_back(amount(f->GetFieldAsDouble(("车上（" + u + "）").c_str())));
            r.km = f->GetFieldAsDouble("公里");
            r.total = f->GetFieldAsDouble("累计公里");
            rows.push_back(r);
        }
    }
    return out;
}

// NAN for a word that is not a number.
double number(const std::string& s)
{
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    return end && *end == '\0' && !s.empty() ? v : NAN;
}

// A table row of a vehicle page back into the sheet's fields: 序号 before the 编号 column, then
// the name (its words, wrapped lines joined), 到达 (not on the depot's first row), 离开 (not on
// its last), a load per unit, 公里 and 累计公里 from the right.
SheetRow pdf_row(const TableRow& t, std::size_t units, bool first, bool last)
{
    SheetRow r;
    r.seq = t.before;
    r.id = t.key;
    const std::size_t fixed = units + 2 + (first ? 0 : 1) + (last ? 0 : 1);
    if (t.after.size() < fixed + 1) return r;
    const std::size_t name_words = t.after.size() - fixed;
    for (std::size_t i = 0; i < name_words; ++i) r.name += t.after[i];
    std::size_t i = name_words;
    if (!first) r.arrive = t.after[i++];
    if (!last) r.leave = t.after[i++];
    for (std::size_t u = 0; u < units; ++u) r.load.push_back(t.after[i++]);
    r.km = number(t.after[i++]);
    r.total = number(t.after[i++]);
    return r;
}

std::string footer_of(const std::string& title, std::size_t page, std::size_t pages)
{
    const QDate d = QDate::currentDate();
    const std::string date =
        QStringLiteral("制图日期：%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day()).toStdString();
    return title + "配送路线单" + date +
           (pages > 1 ? "第" + std::to_string(page + 1) + "页/共" + std::to_string(pages) + "页" : "");
}

std::string page_text(const PdfPage& page)
{
    std::string s;
    for (const auto& w : page.words) s += w.text;
    return s;
}

// The words of a page from the first that starts with `from` down to above the first, below
// it, that starts with `to` (all the rest when none does): one table of several on a page.
PdfPage part_of(const PdfPage& page, const std::string& from, const std::string& to)
{
    PdfPage out{page.width, page.height, {}};
    double top = -1, bottom = page.height;
    for (const auto& w : page.words)
        if (top < 0 && w.text.starts_with(from)) top = w.y0;
    EXPECT_GE(top, 0) << "no 「" << from << "」 on the page";
    for (const auto& w : page.words)
        if (top >= 0 && w.y0 > top + 1 && w.text.starts_with(to)) bottom = std::min(bottom, w.y0);
    for (const auto& w : page.words)
        if (w.y0 >= top - 0.5 && w.y0 < bottom - 0.5) out.words.push_back(w);
    return out;
}

std::string without_spaces(std::string s)
{
    std::erase(s, ' ');
    return s;
}

// What the run printed, taken apart.
struct Summary {
    std::string shared_vehicles, shared_km, shared_hours, shared_cost;
    std::string separate_vehicles, separate_km, separate_hours, separate_cost;
    std::string saving_line, saving_km, saving_cost;
    std::map<std::string, std::pair<std::string, std::string>> routes;  // "name k" -> stops, km
};

Summary summary_of(const std::string& out)
{
    Summary s;
    std::smatch m;
    static const std::regex shared(R"(共配：(\d+) 车次，\d+ 个点，([\d.]+) 公里，([\d.]+) 小时，(-?\d+) 元)");
    static const std::regex separate(R"(各乡镇单独配送（.*?）：(\d+) 车次，([\d.]+) 公里，([\d.]+) 小时，(-?\d+) 元)");
    static const std::regex saving(R"(共同配送节省：(-?[\d.]+) 公里，(-?\d+) 元（-?[\d.]+%）)");
    static const std::regex route(R"((\S+) (\d+) 号车：(\d+) 个点，\S+ 出发，\S+ 返回，([\d.]+) 公里)");
    EXPECT_TRUE(std::regex_search(out, m, shared)) << out;
    if (m.size() == 5) std::tie(s.shared_vehicles, s.shared_km, s.shared_hours, s.shared_cost) =
        std::tuple{m[1].str(), m[2].str(), m[3].str(), m[4].str()};
    EXPECT_TRUE(std::regex_search(out, m, separate)) << out;
    if (m.size() == 5) std::tie(s.separate_vehicles, s.separate_km, s.separate_hours, s.separate_cost) =
        std::tuple{m[1].str(), m[2].str(), m[3].str(), m[4].str()};
    EXPECT_TRUE(std::regex_search(out, m, saving)) << out;
    if (m.size() == 3) {
        s.saving_line = m[0].str();
        s.saving_km = m[1].str();
        s.saving_cost = m[2].str();
    }
    for (auto it = std::sregex_iterator(out.begin(), out.end(), route); it != std::sregex_iterator(); ++it)
        s.routes[(*it)[1].str() + " " + (*it)[2].str()] = {(*it)[3].str(), (*it)[4].str()};
    return s;
}

struct Checked {
    std::size_t pages = 0, vehicle_rows = 0;
    std::map<std::string, std::size_t> pages_per_vehicle;
};

// The whole check of one run's PDF against its XLSX and its printed summary.
Checked expect_pdf_is_sheet(const std::string& pdf, const std::string& xlsx, const ProcessResult& run,
                            const std::string& title, const std::vector<std::string>& units)
{
    Checked c;
    const auto pages = pdf_pages(pdf);
    const auto sheets = xlsx_sheets(xlsx, units);
    EXPECT_FALSE(sheets.empty());
    c.pages = pages.size();
    if (pages.empty()) return c;
    int faults = 0;
    for (std::size_t k = 0; k < pages.size(); ++k)
        for (const auto& f : page_faults(pages[k], footer_of(title, k, pages.size())))
            if (faults++ < 10) ADD_FAILURE() << "page " << k + 1 << ": " << f;

    // Each vehicle's pages: headed 路线单：<its sheet's name>, then （续） on the pages it goes on over.
    std::map<std::string, std::vector<SheetRow>> drawn;
    for (const auto& page : pages) {
        const std::string heading = page.heading();
        if (!heading.starts_with("路线单：")) continue;
        std::string label = heading.substr(std::string("路线单：").size());
        if (label.ends_with("（续）")) label.resize(label.size() - std::string("（续）").size());
        EXPECT_TRUE(sheets.contains(label)) << "a page for no sheet: " << heading;
        ++c.pages_per_vehicle[label];
        const auto rows = table_rows(page, "编号", "名称");
        EXPECT_FALSE(rows.empty()) << heading << ": no header 编号/名称 on the page";
        auto& out = drawn[label];
        const std::size_t total = sheets.contains(label) ? sheets.at(label).size() : 0;
        for (const auto& t : rows) {
            const std::size_t at = out.size();
            out.push_back(pdf_row(t, units.size(), at == 0, at + 1 == total));
        }
    }
    EXPECT_EQ(drawn.size(), sheets.size());
    for (const auto& [label, rows] : sheets) {
        if (!drawn.contains(label)) {
            ADD_FAILURE() << "no page for " << label;
            continue;
        }
        const auto& got = drawn.at(label);
        c.vehicle_rows += got.size();
        EXPECT_EQ(got.size(), rows.size()) << label;
        for (std::size_t i = 0; i < rows.size() && i < got.size(); ++i)
            EXPECT_TRUE(same_row(got[i], rows[i])) << label << " row " << i << ":\n  pdf  " << printable(got[i])
                                                   << "\n  xlsx " << printable(rows[i]);
    }

    // Against the printed summary: each route's stops and km, the totals and the saving.
    const Summary s = summary_of(run.out);
    std::size_t matched = 0;
    for (const auto& [label, rows] : sheets) {
        // The sheet is "<centre>-<k>号车"; the summary's line "<centre> <k> 号车：".
        const auto dash = label.rfind('-');
        const std::string key = label.substr(0, dash) + " " + label.substr(dash + 1, label.size() - dash - 1 - 6);
        if (!s.routes.contains(key)) continue;
        ++matched;
        EXPECT_EQ(std::to_string(rows.size() - 2), s.routes.at(key).first) << key;
        // The PDF's running total at the depot again is the route's km, written as the summary does.
        EXPECT_EQ(one_decimal(drawn[label].back().total), s.routes.at(key).second) << key;
    }
    EXPECT_EQ(matched, sheets.size()) << run.out;
    const auto totals = table_rows(part_of(pages.front(), "共同配送与各乡镇单独配送", "共同配送节省"), "指标", "共同配送");
    std::map<std::string, std::vector<std::string>> cells;
    for (const auto& t : totals)
        if (!cells.contains(t.key)) cells[t.key] = t.after;
    EXPECT_EQ(cells["车次"], (std::vector<std::string>{s.shared_vehicles, s.separate_vehicles}));
    EXPECT_EQ(cells["公里"], (std::vector<std::string>{s.shared_km, s.separate_km, s.saving_km}));
    EXPECT_EQ(cells["小时"], (std::vector<std::string>{s.shared_hours, s.separate_hours}));
    EXPECT_EQ(cells["费用（元）"], (std::vector<std::string>{s.shared_cost, s.separate_cost, s.saving_cost}));
    EXPECT_NE(page_text(pages.front()).find(without_spaces(s.saving_line)), std::string::npos)
        << s.saving_line << "\n" << page_text(pages.front());
    // What the CLI said it drew.
    const std::string said = "路线单 PDF " + std::to_string(pages.size()) + " 页，" + std::to_string(sheets.size()) +
                             " 车次，各车表共 " + std::to_string(c.vehicle_rows) + " 行";
    EXPECT_NE(run.out.find(said), std::string::npos) << said << "\n" << run.out;
    return c;
}

TEST(RouteSheetPdf, SampleEveryVehiclePageIsItsSheetAndTheTotalsArePrinted)
{
    TempDir dir("coopmap_route_pdf");
    const std::string xlsx = dir.file("routes.xlsx"), pdf = dir.file("routes.pdf");
    const auto r = run_process(COOPMAP_CLI, {"routes", kSample, "--stops",
                                             "township_supermarket,village_service_station",
                                             "--vehicles", "8", "--capacity", "200", "--shift", "07:00-17:00",
                                             "--iterations", "3000", "--seconds", "40", "--sheet", xlsx, "--pdf", pdf});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto c = expect_pdf_is_sheet(pdf, xlsx, r, "襄阳市供销服务网络（示例）", {"件"});
    EXPECT_GE(c.pages_per_vehicle.size(), 7u);
    EXPECT_GT(c.vehicle_rows, 500u);
}

TEST(RouteSheetPdf, OwnColumnNamesTwoUnitsUnservedAndEstimatedLegs)
{
    TempDir dir("coopmap_route_pdf");
    const Made m = make_project(dir);
    const std::string xlsx = dir.file("r.xlsx"), pdf = dir.file("r.pdf");
    const auto r = run_process(COOPMAP_CLI, {"routes", m.project, "--stops", "township_supermarket", "--seconds", "20",
                                             "--sheet", xlsx, "--pdf", pdf});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_pdf_is_sheet(pdf, xlsx, r, "门店配送（测试）", {"件", "立方"});
    const auto pages = pdf_pages(pdf);
    ASSERT_FALSE(pages.empty());
    // The two shops no truck can serve, with the reasons the summary gives.
    std::map<std::string, std::string> unserved;
    for (const auto& t : table_rows(part_of(pages.front(), "未服务的配送点", "离道路超过限距"), "编号", "名称"))
        if (t.key.starts_with("S")) {
            std::string rest;
            for (std::size_t i = 1; i < t.after.size(); ++i) rest += t.after[i];
            unserved[t.key] = rest;
        }
    ASSERT_EQ(unserved.size(), 2u) << page_text(pages.front());
    for (const std::string id : {"S30", "S32"}) {
        const std::string prefix = id + " 门店" + id + "：";
        const auto at = r.out.find(prefix);
        ASSERT_NE(at, std::string::npos) << r.out;
        const auto reason = r.out.substr(at + prefix.size(), r.out.find('\n', at) - at - prefix.size());
        EXPECT_EQ(unserved[id], without_spaces(reason)) << id;
    }
    EXPECT_TRUE(unserved["S30"].starts_with("需求量或回程量（件）超过所有车辆的载重"));
    // The shop beyond the road grid: its legs listed as estimated, as many as the summary says.
    std::smatch n;
    ASSERT_TRUE(std::regex_search(r.out, n, std::regex(R"(估算的行程：(\d+) 段（共 (\d+) 段）)"))) << r.out;
    const std::string text = page_text(pages.front());
    EXPECT_NE(text.find("按直线距离×1.30估算的行程（" + n[1].str() + "段，共" + n[2].str() + "段）"), std::string::npos)
        << text;
    EXPECT_NE(text.find("离道路超过限距的网点1个：S31"), std::string::npos) << text;
}

TEST(RouteSheetPdf, ALongRouteGoesOnOverPagesWithEveryRowOnce)
{
    TempDir dir("coopmap_route_pdf");
    const Made m = make_long_route_project(dir, 90);
    const std::string xlsx = dir.file("long.xlsx"), pdf = dir.file("long.pdf");
    const auto r = run_process(COOPMAP_CLI,
                               {"routes", m.project, "--stops", "township_supermarket", "--iterations", "500",
                                "--seconds", "20", "--sheet", xlsx, "--pdf", pdf});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto c = expect_pdf_is_sheet(pdf, xlsx, r, "长线配送（测试）", {"件"});
    ASSERT_EQ(c.pages_per_vehicle.size(), 1u) << r.out;
    EXPECT_GE(c.pages_per_vehicle.begin()->second, 3u) << "92 rows take three pages";
    EXPECT_EQ(c.vehicle_rows, 92u);
    // Every shop once over all the pages.
    std::multiset<std::string> seen;
    for (const auto& page : pdf_pages(pdf))
        if (page.heading().starts_with("路线单："))
            for (const auto& t : table_rows(page, "编号", "名称")) seen.insert(t.key);
    for (const auto& [id, spec] : m.stops) EXPECT_EQ(seen.count(id), 1u) << id;
    EXPECT_EQ(seen.count("D1"), 2u);
    EXPECT_NE(page_text(pdf_pages(pdf).front()).find("项目没有道路图层：全部91段行程按直线距离×1.30估算"),
              std::string::npos);
}

}  // namespace
}  // namespace coopmap::test
