// What a facility role serves and how far: the reach a run uses when it is given none, and the
// tiers of the network that say which roles count as existing service for a new site. Decided
// here once, from the project file, for coopmap-cli and every panel (DESIGN.md: a default is
// decided in one place, in the engine).
#pragma once

#include <string>
#include <vector>

#include "model/error.h"
#include "model/layer.h"
#include "model/project.h"
#include "model/role.h"

namespace coopmap::analysis {

// A village is served within radius_m of a facility (geodesic) or within `minutes` of it over
// the project's road layer: exactly one of the two is > 0.
struct Reach {
    double radius_m = 0;
    double minutes = 0;
    std::string why;  // where it comes from, in Chinese: 项目文件 travel_minutes.distribution_center，道路图层 roads
};

// The project's reach for a role: its travel_minutes if the project has a (non-empty) road
// layer, else its service_radii_m. A role with neither is an Error naming the project file
// and the key to add; so is one with only travel_minutes and no roads. `layers` are the
// project's layers in project order.
Result<Reach> default_reach(const Project& project, const std::vector<Layer>& layers, Role role);

// The reach a request asks for: minutes > 0 by road (it replaces the radius), else radius_m > 0,
// else default_reach. By road without a road layer is an Error.
Result<Reach> requested_reach(const Project& project, const std::vector<Layer>& layers, Role role, double radius_m,
                              double minutes);

// "半径 2.5 公里" or "行车 60 分钟", as the panels and the reports print a reach.
std::string reach_text(const Reach& reach);

// The facility roles (those a coverage or a plan is about), in the order the panels list them.
const std::vector<Role>& facility_roles();
bool is_facility(Role role);

// The tiers of the county network (县域集采集配中心 → 乡镇综合超市 + 基层供销社 → 村级供销社 +
// 村级综合服务社), and 为农服务中心 beside them: the roles that serve the same villages as `role`
// does, `role` first and the others in facility_roles() order. Empty for a non-facility role.
std::vector<Role> tier_roles(Role role);

// The roles of `keys` ("village_cooperative,village_service_station"), each a facility role and
// each once; an Error (file: `file`) names the first key that is not.
Result<std::vector<Role>> facility_roles_from_keys(const std::vector<std::string>& keys, const std::string& file);

// The roles' Chinese names joined with 、 (村级供销社、村级综合服务社).
std::string role_names_zh(const std::vector<Role>& roles);

}  // namespace coopmap::analysis
