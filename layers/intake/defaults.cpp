// What a new project starts with: the sample's look per role and DESIGN.md's radii.
#include "intake/intake.h"

namespace coopmap::intake {

Style default_style(Role role, const std::string& level)
{
    // The colours of geodata/xiangyang.coopmap, so that a county's own project looks like the
    // sample the office has seen: facilities bright with a white ring, villages small and brown.
    switch (role) {
    case Role::village: return {"#8d7b68", "#ffffff", 4.0, 0.5, 1};
    case Role::village_cooperative: return {"#00897b", "#ffffff", 7.0, 0.8, 1};
    case Role::village_service_station: return {"#1e88e5", "#ffffff", 6.0, 0.8, 1};
    case Role::grassroots_cooperative: return {"#e53935", "#ffffff", 10.0, 1.2, 1};
    case Role::township_supermarket: return {"#fb8c00", "#ffffff", 9.0, 1.0, 1};
    case Role::distribution_center: return {"#6a1b9a", "#ffffff", 14.0, 2.0, 1};
    case Role::agri_service_center: return {"#d81b60", "#ffffff", 8.0, 1.0, 1};
    case Role::agri_input_reserve: return {"#5d4037", "#ffffff", 11.0, 1.5, 1};
    case Role::land_trusteeship: return {"#9ccc65", "#558b2f", 0, 0.6, 0.8};
    case Role::admin_boundary:
        if (level == "county") return {"#f3efe4", "#3c3c3c", 0, 2.2, 1};
        return {"", "#9e9e9e", 0, 0.8, 1};
    case Role::road: return {"#c8a165", "", 0, 1.2, 1};
    case Role::coverage: return {"#42a5f5", "#1e88e5", 0, 1.0, 0.35};
    }
    return {};
}

std::map<std::string, double> default_service_radii_m()
{
    // DESIGN.md's typical radii; 为农服务中心 5–10 km taken at 8 km as the sample does
    // (geodata/README.md: farm supplies and machinery go out to the villages).
    return {{"village_cooperative", 3000.0},   {"village_service_station", 3000.0}, {"grassroots_cooperative", 10000.0},
            {"township_supermarket", 10000.0}, {"distribution_center", 30000.0},    {"agri_service_center", 8000.0}};
}

std::map<std::string, double> default_travel_minutes()
{
    return {{"distribution_center", 60.0}};  // DESIGN.md: 30 km, or 60 min by road
}

}  // namespace coopmap::intake
