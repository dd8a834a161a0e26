#include "model/fields.h"

#include <cctype>

namespace coopmap {

namespace {

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

// Bytes the name takes in a DBF header written in GBK: one per ASCII character, two per
// Chinese character (a UTF-8 lead byte starts each non-ASCII character).
std::size_t gbk_bytes(std::string_view utf8)
{
    std::size_t n = 0;
    for (unsigned char c : utf8) {
        if (c < 0x80) n += 1;
        else if (c >= 0xC0) n += 2;
    }
    return n;
}

}  // namespace

std::string mapped_column_name(const LayerConfig& config, std::string_view role_field)
{
    if (auto it = config.fields.find(std::string(role_field)); it != config.fields.end()) return it->second;
    return std::string(role_field);
}

const Column* field_column(const Layer& layer, const LayerConfig& config, std::string_view role_field)
{
    const std::string wanted = mapped_column_name(config, role_field);
    if (wanted.empty()) return nullptr;
    if (const Column* c = layer.column(wanted)) return c;
    for (const auto& c : layer.columns)
        if (equal_ignoring_ascii_case(c.name, wanted)) return &c;
    // DBF field names hold at most 10 bytes (dBASE III); a cut inside a GBK character
    // loses its last byte, so a cut name is 9 or 10 GBK bytes long.
    const Column* cut = nullptr;
    for (const auto& c : layer.columns) {
        const std::size_t bytes = gbk_bytes(c.name);
        if (c.name.empty() || bytes < 9 || bytes > 10 || c.name.size() >= wanted.size()) continue;
        if (!equal_ignoring_ascii_case(std::string_view(wanted).substr(0, c.name.size()), c.name)) continue;
        if (cut) return nullptr;  // ambiguous
        cut = &c;
    }
    return cut;
}

std::vector<RoleField> role_fields(Role role)
{
    switch (role) {
    case Role::village:
        return {{"name", "名称"},       {"code", "区划代码"},          {"kind", "类别"},         {"population", "人口"},
                {"households", "户数"}, {"township_code", "乡镇代码"}, {"county_code", "县代码"}};
    case Role::village_cooperative:
    case Role::village_service_station:
    case Role::grassroots_cooperative:
    case Role::township_supermarket:
    case Role::distribution_center:
    case Role::agri_service_center:
    case Role::agri_input_reserve:
        // The site's history (built, rebuilt/upgraded, made a model site, its state) after what
        // it is: analysis::network_as_of reads them for the network of a year.
        return {{"name", "名称"},
                {"code", "编号"},
                {"type", "类型"},
                {"opening_year", "开业年份"},
                {"operator", "经营主体"},
                {"capacity", "容量"},
                {"staff", "人员"},
                {"built_year", "建成年份"},
                {"rebuilt_year", "改造升级年份"},
                {"model", "示范社/示范点"},
                {"state", "建设状态"},
                {"township_code", "乡镇代码"},
                {"county_code", "县代码"}};
    case Role::land_trusteeship:
        return {{"name", "名称"},         {"code", "编号"}, {"kind", "类别"},          {"provider", "服务主体"},
                {"crop", "作物"},         {"year", "年份"}, {"area_mu", "面积（亩）"}, {"township_code", "乡镇代码"},
                {"county_code", "县代码"}};
    case Role::admin_boundary: return {{"name", "名称"}, {"code", "区划代码"}, {"county_code", "县代码"}};
    case Role::road:
        return {{"name", "名称"}, {"road_class", "等级"}, {"speed", "车速（公里/小时）"}, {"oneway", "单行"}};
    case Role::coverage: return {};
    }
    return {};
}

std::string column_label(const LayerConfig& config, std::string_view column)
{
    for (const auto& f : role_fields(config.role))
        if (equal_ignoring_ascii_case(mapped_column_name(config, f.key), column)) return f.label;
    return std::string(column);
}

}  // namespace coopmap
