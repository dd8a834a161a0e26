// A layer's role from the words offices put in file and layer names, checked against its geometry.
#include <cctype>
#include <filesystem>
#include <vector>

#include "intake/intake.h"

namespace coopmap::intake {

namespace {

struct RoleWords {
    Role role;
    const char* level;  // admin_boundary: "county", "township" or "" (from the codes)
    std::vector<const char*> words;
};

// Most specific first: 村级综合服务社 holds 村, 乡镇综合超市 holds 乡镇, 县域集采集配中心 holds 县.
const RoleWords kRoleWords[] = {
    {Role::village_service_station,
     "",
     {"村级综合服务社", "综合服务社", "综合服务站", "服务站", "服务社", "service_station"}},
    {Role::village_cooperative, "", {"村级供销社", "村供销社", "村级社", "村社", "village_cooperative"}},
    {Role::grassroots_cooperative, "", {"基层供销社", "基层社", "乡镇供销社", "grassroots"}},
    {Role::township_supermarket, "", {"乡镇综合超市", "综合超市", "超市", "supermarket"}},
    {Role::distribution_center, "", {"集采集配", "集配中心", "配送中心", "物流中心", "distribution"}},
    {Role::agri_input_reserve, "", {"农资储备库", "农资储备", "储备库", "agri_input_reserve"}},
    {Role::agri_service_center, "", {"为农服务中心", "为农服务", "庄稼医院", "农资", "agri_service"}},
    {Role::land_trusteeship, "", {"土地托管", "土地流转", "托管", "流转", "地块", "trusteeship", "parcel"}},
    {Role::admin_boundary, "township", {"乡镇界", "乡镇街道", "乡镇", "街道", "乡界", "镇界", "township"}},
    {Role::admin_boundary,
     "county",
     {"县区界", "区县界", "县界", "县区", "区县", "县域", "县级", "county", "counties"}},
    {Role::road, "", {"道路", "路网", "公路", "road"}},
    {Role::admin_boundary, "", {"行政区", "行政界", "区划", "boundary", "admin"}},
    {Role::village, "", {"行政村", "村庄", "村委会", "村居", "社区", "自然村", "村", "village"}},
};

bool fits(Role role, GeometryKind kind)
{
    switch (role) {
    case Role::village: return kind != GeometryKind::line;
    case Role::land_trusteeship:
    case Role::admin_boundary:
    case Role::coverage: return kind == GeometryKind::polygon;
    case Role::road: return kind == GeometryKind::line;
    default: return kind == GeometryKind::point;
    }
}

std::string lower(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::optional<RoleGuess> from_name(const std::string& name, const char* what, GeometryKind kind)
{
    const std::string l = lower(name);
    for (const auto& rw : kRoleWords)
        for (const char* w : rw.words)
            if (l.find(w) != std::string::npos && fits(rw.role, kind))
                return RoleGuess{rw.role, rw.level,
                                 std::string(what) + "“" + name + "”含“" + w + "”：" +
                                     std::string(role_name_zh(rw.role)) +
                                     (std::string(rw.level) == "county"     ? "（县级）"
                                      : std::string(rw.level) == "township" ? "（乡镇级）"
                                                                            : "")};
    return std::nullopt;
}

}  // namespace

std::optional<RoleGuess> guess_role(const std::string& file, const std::string& layer, GeometryKind kind,
                                    bool has_geometry)
{
    if (!has_geometry) return std::nullopt;
    // The layer's own name first (a GeoPackage's layers), then the file's.
    if (!layer.empty())
        if (auto g = from_name(layer, "图层名", kind)) return g;
    if (!file.empty())
        if (auto g = from_name(std::filesystem::path(file).stem().string(), "文件名", kind)) return g;
    if (kind == GeometryKind::line) return RoleGuess{Role::road, "", "线图层：按道路"};
    return std::nullopt;
}

}  // namespace coopmap::intake
