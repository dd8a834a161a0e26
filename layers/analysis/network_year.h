// The network in any year: which sites stood at the end of year Y (built by then and not only
// planned), which were new, rebuilt or made model sites in Y, and the growth of each role per
// county and year. Every analysis with a `year` in its request runs on network_as_of's layers,
// so a figure for 2023 is the same whichever job computes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/project_data.h"
#include "model/error.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis {

// 建成 / 在建 / 规划, as the state field says (an empty state: built).
enum class SiteState { built, building, planned };

// A site's history as its layer records it (role fields built_year, rebuilt_year, model, state).
struct SiteHistory {
    int built_year = 0;  // 0: not recorded: the site stood before the records began
    int rebuilt_year = 0;  // 0: not rebuilt/upgraded (or not recorded)
    bool model = false;  // a model site (示范社/示范点)
    int model_year = 0;  // the year it was named one, when the value says ("2023年省级示范社"); 0: unknown
    SiteState state = SiteState::built;

    // Part of the network at the end of `year`: built by then and not only planned.
    bool standing(int year) const { return state != SiteState::planned && built_year <= year; }
    bool model_by(int year) const { return model && standing(year) && model_year <= year; }
};

// The year a value holds: "2021", "2021年", "2021-06-01", "2021/6/1", "2021.0" -> 2021 (a
// four-digit year 1949..2100, the first one in the text); 0 for an empty value or 0; nullopt for text
// that holds no such year ("去年", "21").
std::optional<int> year_in(std::string_view text);

// The history of every feature of a facility layer (`config` and `layer` as load_project gives
// them). Unmapped fields leave their defaults. Errors name the layer and the feature: a year
// field that holds no year, a state other than 规划/在建/建成 (or 拟建, 建设中, 已建成, 运营…).
Result<std::vector<SiteHistory>> site_histories(const Project& project, const LayerConfig& config, const Layer& layer);

struct NetworkAsOf {
    int year = 0;
    // The project's layers in project order: facility layers hold only the sites standing at the
    // end of `year`, trusteeship layers only the parcels whose year is `year` or earlier (or
    // that have none); the other layers are as they were.
    std::vector<Layer> layers;
    // Per layer, per feature of `layers`: its feature number in the full layer.
    std::vector<std::vector<std::uint32_t>> source_feature;
    // Per layer, per feature of `layers`: 1 where it is new in `year` (built in it; a parcel
    // whose year is `year`).
    std::vector<std::vector<std::uint8_t>> new_in_year;
};

// The network as it stood at the end of `year` (> 0). `layers` in project order.
Result<NetworkAsOf> network_as_of(const Project& project, const std::vector<Layer>& layers, int year);
Result<NetworkAsOf> network_as_of(const Project& project, const ProjectData& data, int year);

// Growth of one role in one county (or the city: county ""), in one year.
struct GrowthRow {
    int year = 0;
    Role role = Role::village_cooperative;
    std::string county_code;  // "" for the city's row
    std::string county_name;  // 全市 for the city's row
    std::size_t built = 0;  // 新建: built in the year
    std::size_t rebuilt = 0;  // 改造升级: rebuilt or upgraded in the year
    std::size_t model = 0;  // 示范: named a model site in the year
    std::size_t standing = 0;  // in the network at the year's end
    std::size_t models_standing = 0;  // model sites in the network at the year's end
};

struct NetworkGrowth {
    int first_year = 0, last_year = 0;
    std::vector<Role> roles;  // the facility roles the project has, in DESIGN.md order
    // For each year, each role, each county by code (counties of the county boundary layer, and
    // any county code a site carries) then the city: every combination, zeros included.
    std::vector<GrowthRow> rows;
    std::size_t sites_without_county = 0;  // counted in the city's rows only

    const GrowthRow* find(int year, Role role, const std::string& county_code) const;
};

// Growth per year (first..last, inclusive), role and county. A site's county is its county_code
// field (mapped, or placed from the boundaries by load_project).
Result<NetworkGrowth> network_growth(const Project& project, const std::vector<Layer>& layers, int first_year,
                                     int last_year);

// The growth table as CSV (UTF-8 with BOM): 年份,网点类型,县代码,县（市、区）,新建,改造升级,示范,年末网点数,年末示范数.
std::string network_growth_csv(const NetworkGrowth& growth);

}  // namespace coopmap::analysis
