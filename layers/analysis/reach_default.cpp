#include "analysis/reach_default.h"

#include <algorithm>
#include <cstdio>

namespace coopmap::analysis {

namespace {

Error project_error(const Project& p, std::string message)
{
    return Error{.file = p.file, .layer = {}, .feature = {}, .message = std::move(message)};
}

// The id of the project's first non-empty road layer (the one coverage and planning travel
// over), or nullptr.
const LayerConfig* road_layer(const Project& project, const std::vector<Layer>& layers)
{
    for (std::size_t i = 0; i < layers.size() && i < project.layers.size(); ++i)
        if (project.layers[i].role == Role::road && layers[i].size() > 0) return &project.layers[i];
    return nullptr;
}

double positive_entry(const std::map<std::string, double>& m, const std::string& key)
{
    const auto it = m.find(key);
    return it != m.end() && it->second > 0 ? it->second : 0.0;
}

// Up to three decimals, trailing zeros dropped: 3, 2.5, 22.75.
std::string number_text(double x)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", x);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

}  // namespace

Result<Reach> default_reach(const Project& project, const std::vector<Layer>& layers, Role role)
{
    const std::string key(role_key(role));
    const std::string name(role_name_zh(role));
    const double minutes = positive_entry(project.travel_minutes, key);
    const double radius = positive_entry(project.service_radii_m, key);
    const LayerConfig* roads = road_layer(project, layers);
    if (minutes > 0 && roads)
        return Reach{
            .radius_m = 0, .minutes = minutes, .why = "项目文件 travel_minutes." + key + "，道路图层 " + roads->id};
    if (radius > 0)
        return Reach{.radius_m = radius,
                     .minutes = 0,
                     .why = "项目文件 service_radii_m." + key +
                            (minutes > 0 ? "；项目没有道路图层，不按 travel_minutes 行车" : "")};
    if (minutes > 0)
        return project_error(project, "项目文件只给了「" + name + "」的行车时间（travel_minutes." + key +
                                          "），但项目没有道路图层（role 为 road）：请加入道路图层，或在项目文件的 "
                                          "service_radii_m 中加入 " +
                                          key + "（米）");
    return project_error(project, "项目文件没有「" + name + "」的服务范围：请在项目文件的 service_radii_m 中加入 " +
                                      key + "（米），或在 travel_minutes 中加入 " + key +
                                      "（分钟，按道路），或直接给出半径");
}

Result<Reach> requested_reach(const Project& project, const std::vector<Layer>& layers, Role role, double radius_m,
                              double minutes)
{
    if (minutes > 0) {
        const LayerConfig* roads = road_layer(project, layers);
        if (!roads)
            return project_error(
                project,
                "按行车时间计算需要道路图层（role 为 road），项目中没有或为空：请加入道路图层，或改用服务半径");
        return Reach{.radius_m = 0, .minutes = minutes, .why = "指定的行车时间，道路图层 " + roads->id};
    }
    if (radius_m > 0) return Reach{.radius_m = radius_m, .minutes = 0, .why = "指定的服务半径"};
    return default_reach(project, layers, role);
}

std::string reach_text(const Reach& reach)
{
    if (reach.minutes > 0) return "行车 " + number_text(reach.minutes) + " 分钟";
    return "半径 " + number_text(reach.radius_m / 1000) + " 公里";
}

const std::vector<Role>& facility_roles()
{
    static const std::vector<Role> roles{Role::village_service_station, Role::village_cooperative,
                                         Role::grassroots_cooperative,  Role::township_supermarket,
                                         Role::distribution_center,     Role::agri_service_center};
    return roles;
}

bool is_facility(Role role)
{
    const auto& f = facility_roles();
    return std::find(f.begin(), f.end(), role) != f.end();
}

std::vector<Role> tier_roles(Role role)
{
    // A tier is the set of roles that serve the same villages: a new 村级供销社 adds nothing where a
    // 村级综合服务社 already serves.
    static const std::vector<std::vector<Role>> tiers{
        {Role::distribution_center},
        {Role::township_supermarket, Role::grassroots_cooperative},
        {Role::village_service_station, Role::village_cooperative},
        {Role::agri_service_center},
    };
    for (const auto& tier : tiers) {
        if (std::find(tier.begin(), tier.end(), role) == tier.end()) continue;
        std::vector<Role> out{role};
        for (const Role r : facility_roles())
            if (r != role && std::find(tier.begin(), tier.end(), r) != tier.end()) out.push_back(r);
        return out;
    }
    return {};
}

Result<std::vector<Role>> facility_roles_from_keys(const std::vector<std::string>& keys, const std::string& file)
{
    std::vector<Role> out;
    for (const auto& key : keys) {
        const auto role = role_from_key(key);
        if (!role || !is_facility(*role))
            return Error{.file = file,
                         .layer = {},
                         .feature = {},
                         .message = "「" + key +
                                    "」不是网点类型：请用 village_cooperative、village_service_station、"
                                    "grassroots_cooperative、township_supermarket、distribution_center 或 "
                                    "agri_service_center"};
        if (std::find(out.begin(), out.end(), *role) == out.end()) out.push_back(*role);
    }
    return out;
}

std::string role_names_zh(const std::vector<Role>& roles)
{
    std::string out;
    for (const Role r : roles) out += (out.empty() ? "" : "、") + std::string(role_name_zh(r));
    return out;
}

}  // namespace coopmap::analysis
