#include "model/role.h"

namespace coopmap {

namespace {
struct RoleText {
    Role role;
    std::string_view key;
    std::string_view zh;
};

constexpr RoleText kRoles[] = {
    {Role::village, "village", "行政村"},
    {Role::village_cooperative, "village_cooperative", "村级供销社"},
    {Role::village_service_station, "village_service_station", "村级综合服务社"},
    {Role::grassroots_cooperative, "grassroots_cooperative", "基层供销社"},
    {Role::township_supermarket, "township_supermarket", "乡镇综合超市"},
    {Role::distribution_center, "distribution_center", "县域集采集配中心"},
    {Role::agri_service_center, "agri_service_center", "为农服务中心"},
    {Role::agri_input_reserve, "agri_input_reserve", "农资储备库"},
    {Role::land_trusteeship, "land_trusteeship", "土地托管地块"},
    {Role::admin_boundary, "admin_boundary", "行政区界"},
    {Role::road, "road", "道路"},
    {Role::coverage, "coverage", "服务覆盖范围"},
};
}  // namespace

std::string_view role_key(Role role)
{
    for (const auto& r : kRoles)
        if (r.role == role) return r.key;
    return {};
}

std::string_view role_name_zh(Role role)
{
    for (const auto& r : kRoles)
        if (r.role == role) return r.zh;
    return {};
}

std::optional<Role> role_from_key(std::string_view key)
{
    for (const auto& r : kRoles)
        if (r.key == key) return r.role;
    return std::nullopt;
}

}  // namespace coopmap
