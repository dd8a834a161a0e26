// The three-tier network check (县域集采集配中心 → 乡镇综合超市 + 基层供销社 → 村级综合服务社):
// each county has a distribution centre, each township a supermarket and a grassroots
// cooperative, each village a service station within reach. Says, per county and per township,
// what is there and what is missing. coopmap-cli network and the GUI's panel both call it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/coverage.h"
#include "model/error.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis {

struct TownshipTiers {
    std::string code;
    std::string name;
    std::string county_code;
    std::size_t supermarkets = 0;  // township_supermarket in the township
    std::size_t grassroots = 0;  // grassroots_cooperative in the township
    std::size_t villages = 0;
    std::size_t villages_with_station = 0;  // a village_service_station within reach
    std::vector<std::string> villages_without_station;  // their names (code where unnamed)

    bool complete() const { return supermarkets > 0 && grassroots > 0 && villages_with_station == villages; }
    // What is missing, in Chinese ("缺乡镇综合超市；3 个村无服务社"); "" when complete.
    std::string missing_text() const;
};

struct CountyTiers {
    std::string code;
    std::string name;
    std::size_t distribution_centers = 0;  // distribution_center in the county
    std::size_t townships = 0;
    std::size_t townships_without_supermarket = 0;
    std::size_t townships_without_grassroots = 0;
    std::size_t villages = 0;
    std::size_t villages_without_station = 0;

    bool complete() const
    {
        return distribution_centers > 0 && townships_without_supermarket == 0 && townships_without_grassroots == 0 &&
               villages_without_station == 0;
    }
    std::string missing_text() const;
};

struct NetworkCheckRequest {
    int year = 0;  // > 0: the network at the end of this year (analysis::network_as_of); 0: every site
};

struct NetworkCheck {
    int year = 0;  // the request's
    std::vector<CountyTiers> counties;  // by code
    std::vector<TownshipTiers> townships;  // by county code, then code
    std::string station_reach;  // how "within reach" was decided, e.g. "半径 3000 米"
    // Totals over the whole project.
    std::size_t counties_without_center = 0;
    std::size_t townships_without_supermarket = 0;
    std::size_t townships_without_grassroots = 0;
    std::size_t villages = 0;
    std::size_t villages_without_station = 0;
};

// Facilities are placed in a county/township by their mapped county_code/township_code field
// and, where that is missing or empty, by the admin boundary polygon they lie in. Villages
// count by their township_code; "within reach" is run_coverage for village_service_station
// with the project's defaults (its radius, or its minutes by road), so the numbers equal
// coopmap-cli coverage --role village_service_station. A tier whose layer is absent from the
// project counts as missing everywhere; a project without villages is an error.
// The network-check job (`coopmap-cli network`, the analysis panel's 三级网络检查); a cancelled
// `feedback` gives cancelled_error("分析已取消").
Result<NetworkCheck> run_network_check(const Project& project, const std::vector<Layer>& layers,
                                       const Feedback& feedback = Feedback{});
// The check of the network as it stood at the end of request.year.
Result<NetworkCheck> run_network_check(const Project& project, const std::vector<Layer>& layers,
                                       const NetworkCheckRequest& request, const Feedback& feedback = Feedback{});
// The same with a callback, for callers not yet on Feedback.
Result<NetworkCheck> network_check(const Project& project, const std::vector<Layer>& layers,
                                   const Progress& progress = {});

// The check as aligned text for the terminal: the counties, then every township where a tier
// breaks, then the totals.
std::string network_check_text(const NetworkCheck& check);
// One row per township (UTF-8 with BOM): 县代码,县名称,集采集配中心,乡镇代码,乡镇名称,乡镇综合超市,
// 基层供销社,村数,有服务社村数,无服务社村数,缺口.
std::string network_check_csv(const NetworkCheck& check);

}  // namespace coopmap::analysis
