// A small layer of sites made by the tests themselves: Chinese names, a null, every field type.
#pragma once

#include <filesystem>
#include <string>

#include "model/layer.h"

namespace coopmap::edit::testing {

inline Layer sample_sites()
{
    Layer l;
    l.name = "sites";
    l.role = Role::village_cooperative;
    l.kind = GeometryKind::point;
    l.source_crs = "EPSG:4326";
    l.add_column("name", FieldType::text);
    l.add_column("code", FieldType::text);
    l.add_column("year", FieldType::integer);
    l.add_column("capacity", FieldType::real);
    l.add_column("经营者", FieldType::text);
    // References only once every column is added (add_column may move the vector).
    auto& name = l.columns[0];
    auto& code = l.columns[1];
    auto& year = l.columns[2];
    auto& capacity = l.columns[3];
    auto& op = l.columns[4];
    const struct {
        const char* name;
        const char* code;
        std::int64_t year;
        double capacity;
        const char* op;
        double lon, lat;
    } rows[] = {
        {"王家村供销社", "GX-001", 2018, 120.5, "襄州区供销社", 112.1, 32.0},
        {"李家湾综合服务社", "GX-002", 2020, 80.25, "", 112.25, 32.125},
        {"𠀀生僻字社（测试）", "GX-003", 2021, 0.1, "老河口市\"引号\"公司", 111.675, 32.3875},
    };
    for (const auto& r : rows) {
        l.add_point(r.lon, r.lat);
        name.null.push_back(0), name.texts.emplace_back(r.name);
        code.null.push_back(0), code.texts.emplace_back(r.code);
        year.null.push_back(0), year.integers.push_back(r.year);
        capacity.null.push_back(0), capacity.reals.push_back(r.capacity);
        if (*r.op) op.null.push_back(0), op.texts.emplace_back(r.op);
        else op.push_null();
    }
    l.build_index();
    return l;
}

// A fresh directory under the system's temporary folder, removed by the destructor.
struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        std::string tmpl = (std::filesystem::temp_directory_path() / "coopmap-edit-XXXXXX").string();
        path = mkdtemp(tmpl.data());
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

}  // namespace coopmap::edit::testing
