#include "analysis/coverage_export.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "io/atomic_write.h"
#include "io/gdal_errors.h"
#include "io/gdal_writer.h"
#include "io/ogr_geometry.h"

namespace coopmap::analysis {

namespace fs = std::filesystem;

const std::vector<std::string>& coverage_table_columns()
{
    static const std::vector<std::string> c{"代码",     "名称",       "村数", "覆盖村数",   "覆盖率(%)", "人口",
                                            "覆盖人口", "未覆盖人口", "户数", "未覆盖户数", "达标"};
    return c;
}

namespace {

Error file_error(const std::string& path, const std::string& layer, std::string message)
{
    return Error{.file = path, .layer = layer, .feature = {}, .message = std::move(message)};
}

std::string lower_ext(const std::string& path)
{
    std::string e = fs::path(path).extension().string();
    for (auto& ch : e) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return e;
}

// The table as a layer without geometry; "" or what went wrong.
std::string fill_table(GDALDataset& ds, const std::string& name, const CoverageResult& r)
{
    const auto& cols = coverage_table_columns();
    const OGRFieldType types[] = {OFTString,    OFTString,    OFTInteger64, OFTInteger64, OFTReal,  OFTInteger64,
                                  OFTInteger64, OFTInteger64, OFTInteger64, OFTInteger64, OFTString};
    OGRLayer* out = ds.CreateLayer(name.c_str(), nullptr, wkbNone, nullptr);
    if (!out) return "无法创建表 " + name;
    for (std::size_t c = 0; c < cols.size(); ++c) {
        OGRFieldDefn fd(cols[c].c_str(), types[c]);
        if (out->CreateField(&fd) != OGRERR_NONE) return "无法创建字段 " + cols[c];
    }
    auto row = [&](const CoverageRow& w) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(out->GetLayerDefn()));
        f->SetField(0, w.code.c_str());
        f->SetField(1, w.name.c_str());
        f->SetField(2, static_cast<GIntBig>(w.villages));
        f->SetField(3, static_cast<GIntBig>(w.covered));
        // The same one decimal the CSV and the panel show.
        f->SetField(4, std::stod(share_percent_text(w)));
        f->SetField(5, static_cast<GIntBig>(std::llround(w.population)));
        f->SetField(6, static_cast<GIntBig>(std::llround(w.population_covered)));
        f->SetField(7, static_cast<GIntBig>(std::llround(w.population_uncovered())));
        f->SetField(8, static_cast<GIntBig>(std::llround(w.households)));
        f->SetField(9, static_cast<GIntBig>(std::llround(w.households_uncovered())));
        f->SetField(10, !(r.target > 0) ? "—" : (w.target_met ? "是" : "否"));
        return out->CreateFeature(f.get()) == OGRERR_NONE;
    };
    for (const auto& w : r.table.rows)
        if (!row(w)) return "写入表 " + name + " 失败";
    if (!row(r.table.total)) return "写入表 " + name + " 失败";
    return {};
}

// A point layer as a sheet: its columns, then 经度 and 纬度.
std::string fill_points(GDALDataset& ds, const std::string& name, const Layer& l)
{
    OGRLayer* out = ds.CreateLayer(name.c_str(), nullptr, wkbNone, nullptr);
    if (!out) return "无法创建表 " + name;
    for (const auto& c : l.columns) {
        OGRFieldDefn fd(c.name.c_str(), io::field_type(c.type));
        if (out->CreateField(&fd) != OGRERR_NONE) return "无法创建字段 " + c.name;
    }
    for (const char* xy : {"经度", "纬度"}) {
        OGRFieldDefn fd(xy, OFTReal);
        out->CreateField(&fd);
    }
    const int fx = static_cast<int>(l.columns.size());
    for (std::size_t i = 0; i < l.size(); ++i) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(out->GetLayerDefn()));
        io::set_fields(*f, l, i);
        f->SetField(fx, l.first_x(i));
        f->SetField(fx + 1, l.first_y(i));
        if (out->CreateFeature(f.get()) != OGRERR_NONE) return "写入表 " + name + " 失败";
    }
    return {};
}

const char* kWriteHint = "：请检查目录是否存在、是否有写权限，文件是否正被 Excel 等程序打开";

Status export_xlsx(const CoverageResult& r, const std::string& path)
{
    io::ensure_gdal();
    auto* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    if (!driver) return file_error(path, {}, "GDAL 缺少 XLSX 驱动，无法写 Excel 文件：请改存为 CSV");
    return io::write_file_atomically(path, [&](const std::string& temp) -> Status {
        io::GdalErrorCapture gdal_error;
        std::string why;
        {
            GDALDatasetUniquePtr ds(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!ds) return file_error(path, {}, std::string("无法创建 Excel 文件") + kWriteHint);
            why = fill_table(*ds, "覆盖统计", r);
            if (why.empty()) why = fill_points(*ds, "未覆盖村", village_layer(r, true));
        }  // closing writes the workbook
        if (why.empty() && !gdal_error.last().empty()) why = "写入 Excel 文件失败（" + gdal_error.last() + "）";
        if (!why.empty()) return file_error(path, {}, why);
        return Done{};
    });
}

Status export_gpkg(const CoverageResult& r, const std::string& path, const std::vector<const Layer*>& polygons)
{
    return io::write_file_atomically(path, [&](const std::string& temp) -> Status {
        if (auto s = io::write_layer(village_layer(r, true), {.path = temp, .layer = "uncovered_villages"}); !s)
            return s;
        for (const Layer* p : polygons)
            if (p)
                if (auto s = io::write_layer(*p, {.path = temp, .layer = p->name}); !s) return s;
        io::GdalErrorCapture gdal_error;
        GDALDatasetUniquePtr ds(GDALDataset::Open(temp.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        if (!ds) return file_error(path, {}, std::string("无法写入 GeoPackage") + kWriteHint);
        if (auto why = fill_table(*ds, "coverage_table", r); !why.empty())
            return file_error(path, "coverage_table", why);
        return Done{};
    });
}

Status export_csv(const CoverageResult& r, const std::string& path)
{
    if (auto s = io::write_file_atomically(path, coverage_table_csv(r)); !s) return s;
    const fs::path p(path);
    const std::string villages = (p.parent_path() / (p.stem().string() + "_未覆盖村.csv")).string();
    return io::write_layer(village_layer(r, true), {.path = villages, .layer = "uncovered_villages"});
}

}  // namespace

Status export_coverage(const CoverageResult& result, const std::string& path, const std::vector<const Layer*>& polygons)
{
    const auto ext = lower_ext(path);
    if (ext == ".xlsx") return export_xlsx(result, path);
    if (ext == ".gpkg") return export_gpkg(result, path, polygons);
    if (ext == ".csv") return export_csv(result, path);
    return file_error(path, {}, "不支持的导出格式“" + ext + "”：请用 .xlsx、.gpkg 或 .csv");
}

}  // namespace coopmap::analysis
