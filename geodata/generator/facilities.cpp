// Facilities of the cooperative's three-tier network (county hub, township node, village
// terminal). Counts and coverage follow the shape of the city's 2022 report: a hub in
// most counties, a grassroots cooperative and a supermarket in most townships, service
// stations in about a third of the villages and fewer village cooperatives, with the
// mountain counties and a few weak townships clearly under-served.
#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "names.h"
#include "network.h"

namespace coopmap::sample {

namespace {

// How well each county's network is built out, 0..1 (assumption: plains counties with
// strong grain economies lead, the mountain counties lag).
double county_level(const std::string& code)
{
    static const std::map<std::string, double> level{{"420683", 0.95}, {"420607", 0.9}, {"420682", 0.9},
                                                     {"420684", 0.85}, {"420602", 0.8}, {"420606", 0.75},
                                                     {"420625", 0.7},  {"420624", 0.6}, {"420626", 0.45}};
    const auto it = level.find(code);
    return it == level.end() ? 0.7 : it->second;
}

// The counties without their own distribution centre: the urban 樊城区 is served from the
// city, and 保康县 is the gap the planning office is meant to find.
bool has_distribution_center(const std::string& code) { return code != "420606" && code != "420626"; }

int year_between(Random& random, int first, int last, double recent_bias)
{
    // More recent years more likely: the network grew fast after 2018.
    const double u = std::pow(random.uniform(), 1.0 / (1.0 + recent_bias));
    return first + std::min(last - first, static_cast<int>(u * (last - first + 1)));
}

}  // namespace

std::vector<FacilityLayer> make_facilities(const Geos& geos, const AdminAreas& areas,
                                           const std::vector<Village>& villages, const LocalFrame& frame,
                                           const Random& root)
{
    Random random = root.fork("facilities");
    FacilityLayer hubs{"distribution_center", "distribution_center", "县域集采集配中心", {}};
    FacilityLayer grassroots{"grassroots_cooperative", "grassroots_cooperative", "基层供销社", {}};
    FacilityLayer markets{"township_supermarket", "township_supermarket", "乡镇综合超市", {}};
    FacilityLayer stations{"village_service_station", "village_service_station", "村级综合服务社", {}};
    FacilityLayer village_coops{"village_cooperative", "village_cooperative", "村级供销社", {}};
    FacilityLayer agri{"agri_service_center", "agri_service_center", "为农服务中心/庄稼医院/农资门店", {}};

    std::vector<Geos::Prepared> inset;
    for (const auto& t : areas.townships) inset.push_back(geos.prepare(t.inset.get()));
    // A point near the township seat (a few hundred metres off), inside the township.
    const auto near_seat = [&](std::size_t t, double min_km, double max_km) {
        const XY seat = frame.km(areas.townships[t].centre);
        for (int attempt = 0; attempt < 200; ++attempt) {
            const double r = random.uniform(min_km, max_km);
            const double a = random.uniform(0, 2 * std::numbers::pi);
            const LonLat p = frame.lonlat({seat.x + r * std::cos(a), seat.y + r * std::sin(a)});
            if (geos.contains(inset[t].get(), p)) return p;
        }
        return areas.townships[t].centre;
    };

    // Township strength: the county's level with local variation; about one rural
    // township in eight is weak (no grassroots cooperative, few stations).
    std::vector<double> strength(areas.townships.size());
    std::vector<bool> weak(areas.townships.size(), false);
    for (std::size_t t = 0; t < areas.townships.size(); ++t) {
        const auto& tw = areas.townships[t];
        const double level = county_level(tw.source->county_code);
        strength[t] = std::clamp(level + 0.2 * random.normal(), 0.1, 1.2);
        weak[t] = tw.kind != TownshipKind::street && random.chance(0.2 * (1.3 - level));
    }

    // County hubs, 3–6 km out of the seat: logistics parks sit at the edge of town.
    for (const auto& county : areas.counties) {
        const auto& cs = *county.source;
        if (!has_distribution_center(cs.code)) continue;
        const auto prepared = geos.prepare(county.polygon.get());
        std::size_t seat_township = county.townships.front();
        double best = 1e300;
        for (const std::size_t t : county.townships) {
            const double d = distance(frame.km(areas.townships[t].centre), frame.km(cs.seat));
            if (d < best) {
                best = d;
                seat_township = t;
            }
        }
        LonLat p = cs.seat;
        std::size_t township = seat_township;
        for (int attempt = 0; attempt < 500; ++attempt) {
            const double r = random.uniform(3, 6), a = random.uniform(0, 2 * std::numbers::pi);
            const XY s = frame.km(cs.seat);
            const LonLat q = frame.lonlat({s.x + r * std::cos(a), s.y + r * std::sin(a)});
            bool found = false;
            for (const std::size_t t : county.townships)
                if (geos.contains(inset[t].get(), q)) {
                    township = t;
                    found = true;
                }
            if (found) {
                p = q;
                break;
            }
        }
        hubs.facilities.push_back({cs.name + "县域集采集配中心", "JP" + cs.code, township, p,
                                   year_between(random, 2019, 2024, 1.0), cs.name + "供销集团有限公司"});
    }

    // Township nodes.
    std::vector<bool> has_grassroots(areas.townships.size(), false);
    for (std::size_t t = 0; t < areas.townships.size(); ++t) {
        const auto& tw = areas.townships[t];
        const std::string& county_name = areas.counties[tw.county].source->name;
        const std::string& name = tw.source->name;
        const double p_grassroots = weak[t]                            ? 0.0
                                    : tw.kind == TownshipKind::town    ? 0.98
                                    : tw.kind == TownshipKind::special ? 0.5
                                                                       : 0.4;
        if (random.chance(p_grassroots)) {
            has_grassroots[t] = true;
            // Most grassroots cooperatives were founded in the 1950s; the rest were
            // re-established after the 2015 reform.
            const int year = random.chance(0.6) ? random.integer(1951, 1958) : year_between(random, 2000, 2022, 1.0);
            grassroots.facilities.push_back({county_name + name + "供销合作社", "JC" + tw.source->code, t,
                                             near_seat(t, 0.1, 0.5), year, county_name + "供销合作社联合社"});
        }
        const double p_market = weak[t] ? 0.25 : tw.kind == TownshipKind::town ? 0.9 : 0.35;
        if (random.chance(p_market)) {
            const std::string operator_name =
                has_grassroots[t] ? name + "供销合作社" : county_name + "供销集团有限公司";
            markets.facilities.push_back({name + "供销综合超市", "CS" + tw.source->code, t, near_seat(t, 0.2, 0.8),
                                          year_between(random, 2012, 2025, 1.5), operator_name});
        }
        if (tw.kind == TownshipKind::street || weak[t]) continue;
        const double p_agri = 0.42 * strength[t];
        static const char* kinds[] = {"为农服务中心", "庄稼医院", "供销农资门店"};
        int seq = 0;
        for (const char* kind : kinds) {
            if (!random.chance(kind == kinds[0] ? p_agri : p_agri * 0.35)) continue;
            agri.facilities.push_back(
                {name + kind, "NF" + tw.source->code + std::to_string(++seq), t, near_seat(t, 0.3, 1.5),
                 year_between(random, 2014, 2025, 1.5),
                 kind == kinds[0] ? county_name + "供销集团有限公司" : county_name + "农业生产资料有限公司"});
        }
    }

    // Village terminals, at the villages they serve: likelier near the township seat,
    // so the far edges of large townships are where the gaps are.
    for (const auto& v : villages) {
        const auto& tw = areas.townships[v.township];
        const std::string& county_name = areas.counties[tw.county].source->name;
        const double d = distance(frame.km(v.position), frame.km(tw.centre));
        const double level = county_level(tw.source->county_code);
        const double reach = 0.35 + 0.9 * std::exp(-d / 6.0);
        const std::string place = place_name(v.source->name, v.community);
        const std::string operator_name =
            has_grassroots[v.township] ? tw.source->name + "供销合作社" : county_name + "供销集团有限公司";
        double p_station = v.community ? 0.1 : 0.58 * level * level * reach * strength[v.township];
        if (weak[v.township]) p_station *= 0.15;
        if (random.chance(p_station))
            stations.facilities.push_back({place + "综合服务社", "FW" + v.source->code, v.township, v.position,
                                           year_between(random, 2016, 2025, 1.0), operator_name});
        double p_coop = v.community ? 0.02 : 0.16 * level * level * reach * strength[v.township];
        if (weak[v.township]) p_coop = 0;
        if (random.chance(p_coop)) {
            // A few dozen metres from a station in the same village, so both stay visible.
            const XY at = frame.km(v.position);
            const double a = random.uniform(0, 2 * std::numbers::pi);
            LonLat p = frame.lonlat({at.x + 0.08 * std::cos(a), at.y + 0.08 * std::sin(a)});
            if (!geos.contains(inset[v.township].get(), p)) p = v.position;
            village_coops.facilities.push_back({place + "供销社", "GX" + v.source->code, v.township, p,
                                                year_between(random, 2020, 2025, 0.5), place + "股份经济合作社"});
        }
    }
    return {std::move(hubs),     std::move(grassroots),    std::move(markets),
            std::move(stations), std::move(village_coops), std::move(agri)};
}

}  // namespace coopmap::sample
