// Land trusteeship (土地托管) and transfer (土地流转) parcels: blocks of farmland next to
// villages, mostly in the plains counties, adding up to a few hundred thousand 亩.
#include <algorithm>
#include <cmath>
#include <format>
#include <map>
#include <numbers>

#include "network.h"

namespace coopmap::sample {

namespace {

constexpr double kSquareMetresPerMu = 10000.0 / 15.0;  // 1 亩 = 666.67 m²

struct CountyPlan {
    const char* code;
    double budget_mu;  // assumption: plains counties carry most of the trusteeship
    std::vector<std::pair<const char*, double>> crops;
};

const std::vector<CountyPlan>& plans()
{
    static const std::vector<CountyPlan> p{
        {"420683", 150000, {{"小麦", 40}, {"玉米", 18}, {"花生", 20}, {"水稻", 12}, {"油菜", 10}}},
        {"420607", 105000, {{"小麦", 48}, {"玉米", 28}, {"水稻", 12}, {"油菜", 12}}},
        {"420684", 70000, {{"水稻", 42}, {"小麦", 28}, {"油菜", 18}, {"芝麻", 12}}},
        {"420682", 45000, {{"小麦", 44}, {"玉米", 26}, {"油菜", 20}, {"花生", 10}}},
        {"420624", 18000, {{"水稻", 34}, {"玉米", 30}, {"油菜", 24}, {"小麦", 12}}},
        {"420625", 18000, {{"水稻", 30}, {"玉米", 30}, {"油菜", 25}, {"小麦", 15}}},
        {"420602", 10000, {{"小麦", 40}, {"水稻", 30}, {"油菜", 30}}},
        {"420606", 8000, {{"小麦", 50}, {"玉米", 30}, {"油菜", 20}}},
        {"420626", 4000, {{"玉米", 60}, {"油菜", 40}}},
    };
    return p;
}

template <typename T> const T& weighted_pick(Random& random, const std::vector<std::pair<T, double>>& options)
{
    double total = 0;
    for (const auto& o : options) total += o.second;
    double u = random.uniform() * total;
    for (const auto& o : options) {
        if (u < o.second) return o.first;
        u -= o.second;
    }
    return options.back().first;
}

}  // namespace

std::vector<Parcel> make_parcels(const Geos& geos, const AdminAreas& areas, const std::vector<Village>& villages,
                                 const std::vector<FacilityLayer>& facilities, const LocalFrame& frame,
                                 const Random& root)
{
    Random random = root.fork("land trusteeship");
    std::vector<bool> has_grassroots(areas.townships.size(), false);
    for (const auto& layer : facilities)
        if (layer.role == "grassroots_cooperative")
            for (const auto& f : layer.facilities) has_grassroots[f.township] = true;

    std::vector<std::vector<std::size_t>> villages_of(areas.townships.size());
    for (std::size_t v = 0; v < villages.size(); ++v) villages_of[villages[v].township].push_back(v);

    std::vector<Parcel> out;
    struct Box {
        double minx, miny, maxx, maxy;
    };
    std::vector<Box> boxes;
    std::map<std::size_t, int> sequence;

    for (const auto& plan : plans()) {
        std::size_t c = 0;
        while (c < areas.counties.size() && areas.counties[c].source->code != plan.code) ++c;
        if (c == areas.counties.size()) continue;
        const auto& county = areas.counties[c];
        const std::string& county_name = county.source->name;

        // Providers: the township's grassroots cooperative where there is one, the
        // county's own service company, and a few farmer cooperatives (names invented).
        static const char* words[] = {"丰收", "金穗", "沃野", "惠农", "兴农", "田丰", "润禾", "绿源"};
        static const char* forms[] = {"农机专业合作社", "粮食种植专业合作社", "农业服务专业合作社"};
        std::vector<std::string> county_providers{county_name + "供销农业服务有限公司"};
        const std::size_t first_word = random.index(8);
        for (std::size_t k = 0; k < 4; ++k)
            county_providers.push_back(county_name + words[(first_word + k * 3) % 8] + forms[k % 3]);

        // Rural villages of the county, weighted towards the plains townships.
        std::vector<std::pair<std::size_t, double>> candidates;
        for (const std::size_t t : county.townships) {
            if (areas.townships[t].kind == TownshipKind::street) continue;
            for (const std::size_t v : villages_of[t])
                if (!villages[v].community) candidates.push_back({v, 1.0});
        }
        if (candidates.empty()) continue;

        double total_mu = 0;
        for (int attempt = 0; attempt < 40000 && total_mu < plan.budget_mu; ++attempt) {
            const std::size_t v = weighted_pick(random, candidates);
            const Village& village = villages[v];
            const std::size_t t = village.township;
            const double mu = std::clamp(1100 * std::exp(0.6 * random.normal()), 200.0, 4500.0);
            const double km2 = mu * kSquareMetresPerMu / 1e6;
            const double aspect = random.uniform(1.0, 2.4);
            const double w = std::sqrt(km2 * aspect), h = std::sqrt(km2 / aspect);
            const double offset = random.uniform(0.35, 1.4) + 0.5 * std::max(w, h);
            const double dir = random.uniform(0, 2 * std::numbers::pi);
            const double rot = random.uniform(0, std::numbers::pi);
            const XY centre{frame.km(village.position).x + offset * std::cos(dir),
                            frame.km(village.position).y + offset * std::sin(dir)};
            // A field block: a rotated rectangle with cut, slightly uneven corners.
            std::vector<LonLat> ring;
            const double cut = random.uniform(0.05, 0.25);
            const double corners[4][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
            for (int k = 0; k < 4; ++k) {
                const double cx = corners[k][0], cy = corners[k][1];
                const double nx = corners[(k + 1) % 4][0], ny = corners[(k + 1) % 4][1];
                for (const double s : {cut, 1 - cut}) {
                    const double lx = (cx + (nx - cx) * s) * w / 2 * random.uniform(0.93, 1.07);
                    const double ly = (cy + (ny - cy) * s) * h / 2 * random.uniform(0.93, 1.07);
                    ring.push_back(frame.lonlat({centre.x + lx * std::cos(rot) - ly * std::sin(rot),
                                                 centre.y + lx * std::sin(rot) + ly * std::cos(rot)}));
                }
            }
            Box box{1e9, 1e9, -1e9, -1e9};
            for (const auto& p : ring) {
                box = {std::min(box.minx, p.lon), std::min(box.miny, p.lat), std::max(box.maxx, p.lon),
                       std::max(box.maxy, p.lat)};
            }
            auto polygon = geos.polygon({ring});
            if (!GEOSisValid_r(geos.handle(), polygon.get())) continue;
            const auto township = geos.prepare(areas.townships[t].inset.get());
            if (!GEOSPreparedContains_r(geos.handle(), township.get(), polygon.get())) continue;
            // Keep 150 m from every other parcel and from the villages themselves.
            const double gap = 0.0015;
            bool clash = false;
            for (std::size_t k = 0; k < boxes.size() && !clash; ++k) {
                const Box& b = boxes[k];
                if (b.minx - gap > box.maxx || b.maxx + gap < box.minx || b.miny - gap > box.maxy ||
                    b.maxy + gap < box.miny)
                    continue;
                double d = 0;
                GEOSDistance_r(geos.handle(), out[k].polygon.get(), polygon.get(), &d);
                clash = d < gap;
            }
            if (clash) continue;
            const auto near = geos.own(GEOSBuffer_r(geos.handle(), polygon.get(), gap, 2), "parcel margin");
            const auto margin = geos.prepare(near.get());
            for (const std::size_t o : villages_of[t])
                clash = clash || geos.contains(margin.get(), villages[o].position);
            if (clash || geos.contains(margin.get(), areas.townships[t].centre)) continue;

            Parcel parcel;
            parcel.code = std::format("TG{}{:03}", areas.townships[t].source->code, ++sequence[t]);
            parcel.township = t;
            parcel.polygon = std::move(polygon);
            parcel.area_mu = geos.geodesic_area_m2(parcel.polygon.get()) / kSquareMetresPerMu;
            // Each township works with two providers at most, its own cooperative first.
            const auto& township_name = areas.townships[t].source->name;
            const std::string local =
                has_grassroots[t] ? county_name + township_name + "供销合作社" : county_providers[1 + t % 4];
            const std::string other = county_providers[(t * 7) % county_providers.size()];
            parcel.provider = random.chance(0.6) ? local : other;
            parcel.crop = weighted_pick(
                random, std::vector<std::pair<std::string, double>>(plan.crops.begin(), plan.crops.end()));
            parcel.year = weighted_pick(
                random, std::vector<std::pair<int, double>>{
                            {2019, 1}, {2020, 1.4}, {2021, 1.9}, {2022, 2.4}, {2023, 2.8}, {2024, 3.1}, {2025, 3.3}});
            parcel.kind = random.chance(0.72) ? "托管" : "流转";
            total_mu += parcel.area_mu;
            boxes.push_back(box);
            out.push_back(std::move(parcel));
        }
    }
    return out;
}

}  // namespace coopmap::sample
