// The roles a layer plays in the network; keys are the project-file keys of DESIGN.md.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace coopmap {

enum class Role {
    village,
    village_cooperative,
    village_service_station,
    grassroots_cooperative,
    township_supermarket,
    distribution_center,
    agri_service_center,
    agri_input_reserve,  // 农资储备库: stock per product for emergency dispatch (issue 18)
    land_trusteeship,
    admin_boundary,
    road,
    coverage,
};

inline constexpr std::array kAllRoles{
    Role::village,
    Role::village_cooperative,
    Role::village_service_station,
    Role::grassroots_cooperative,
    Role::township_supermarket,
    Role::distribution_center,
    Role::agri_service_center,
    Role::agri_input_reserve,
    Role::land_trusteeship,
    Role::admin_boundary,
    Role::road,
    Role::coverage,
};

std::string_view role_key(Role role);
std::string_view role_name_zh(Role role);
std::optional<Role> role_from_key(std::string_view key);

}  // namespace coopmap
