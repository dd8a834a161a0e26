#include "settlements.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace coopmap::sample {

namespace {

bool ends_with(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Where villages prefer to be: patchy on the plains, strung along valley-like lines in
// the mountains (the 0.5 contour of a smooth noise field meanders like a river).
double settlement_density(XY p, double ruggedness, std::uint64_t seed)
{
    const double plain = 0.4 + fractal_noise(p.x / 6, p.y / 6, seed);
    const double v = (fractal_noise(p.x / 14, p.y / 14, seed + 77) - 0.5) / 0.06;
    const double valley = 0.05 + 1.5 * std::exp(-v * v);
    return (1 - ruggedness) * plain + ruggedness * valley;
}

int clamp_round(double v, int lo, int hi) { return std::clamp(static_cast<int>(std::lround(v)), lo, hi); }

}  // namespace

bool is_community(const std::string& name) { return !(ends_with(name, "村委会") || ends_with(name, "村民委员会")); }

std::vector<Village> place_villages(const Geos& geos, const AdminAreas& areas, const Sources& sources,
                                    const LocalFrame& frame, const Random& root)
{
    std::map<std::string, std::size_t> township_index;
    for (std::size_t t = 0; t < areas.townships.size(); ++t) township_index[areas.townships[t].source->code] = t;

    std::vector<Village> out(sources.villages.size());
    std::vector<std::vector<std::size_t>> by_township(areas.townships.size());
    for (std::size_t v = 0; v < sources.villages.size(); ++v) {
        out[v].source = &sources.villages[v];
        out[v].township = township_index.at(sources.villages[v].township_code);
        out[v].community = is_community(sources.villages[v].name);
        by_township[out[v].township].push_back(v);
    }
    const std::uint64_t density_seed = mix64(stream_id("settlement density"));
    const auto& cells = areas.domain->cells();

    for (std::size_t t = 0; t < areas.townships.size(); ++t) {
        const Township& tw = areas.townships[t];
        const CountySource& county = *areas.counties[tw.county].source;
        const double ruggedness = tw.kind == TownshipKind::street ? 0.0 : county.ruggedness;
        Random random = root.fork("villages/" + tw.source->code);
        const auto inside = geos.prepare(tw.inset.get());
        const XY centre = frame.km(tw.centre);
        const auto& members = by_township[t];
        if (members.empty()) continue;

        std::vector<double> cumulative;
        double total = 0;
        for (const int k : tw.cells) {
            const Cell& c = cells[static_cast<std::size_t>(k)];
            total += c.area_km2 * settlement_density(c.km, ruggedness, density_seed) *
                     (0.7 + 0.6 * std::exp(-distance(c.km, centre) / 6));
            cumulative.push_back(total);
        }

        std::size_t community_count = 0;
        for (const std::size_t v : members) community_count += out[v].community ? 1 : 0;
        const double n = static_cast<double>(members.size());
        // Mountain villages keep less distance: they crowd into the valleys.
        double spacing = std::clamp((0.55 - 0.25 * ruggedness) * std::sqrt(tw.area_km2 / n), 0.2, 2.2);
        const double community_sigma = tw.kind == TownshipKind::street
                                           ? 0.35 * std::sqrt(tw.area_km2)
                                           : 0.5 + 0.3 * std::sqrt(static_cast<double>(community_count));
        std::vector<XY> placed;
        // Communities first, nearest the seat, then villages.
        std::vector<std::size_t> order;
        for (const std::size_t v : members)
            if (out[v].community) order.push_back(v);
        for (const std::size_t v : members)
            if (!out[v].community) order.push_back(v);

        for (const std::size_t v : order) {
            const bool community = out[v].community;
            double need = community ? std::min(spacing, 0.35) : spacing;
            double sigma = community_sigma;
            XY p{};
            for (int attempt = 0;; ++attempt) {
                if (attempt > 0 && attempt % 300 == 0) {
                    need *= 0.85;
                    sigma *= 1.3;
                }
                if (attempt > 6000) throw std::runtime_error("no room for village " + out[v].source->code);
                if (community) {
                    p = {centre.x + sigma * random.normal(), centre.y + sigma * random.normal()};
                } else {
                    const double pick = random.uniform() * total;
                    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), pick);
                    const auto index =
                        std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()), tw.cells.size() - 1);
                    const Cell& c = cells[static_cast<std::size_t>(tw.cells[index])];
                    const double step = areas.domain->step();
                    p = frame.km({c.centre.lon + random.uniform(-0.5, 0.5) * step,
                                  c.centre.lat + random.uniform(-0.5, 0.5) * step});
                    // The seat's own built-up area is for communities.
                    if (community_count > 0 && distance(p, centre) < std::min(0.8, need)) continue;
                }
                if (!geos.contains(inside.get(), frame.lonlat(p))) continue;
                const bool crowded =
                    std::any_of(placed.begin(), placed.end(), [&](XY q) { return distance(p, q) < need; });
                if (!crowded) break;
            }
            placed.push_back(p);
            Village& village = out[v];
            village.position = frame.lonlat(p);

            // Populations: villages of the plains are larger than mountain villages; urban
            // communities largest. Log-normal spread, clamped to what real 村/社区 have.
            const std::string& name = village.source->name;
            if (!community) {
                const double median = 1750 - 750 * county.ruggedness;
                village.population = clamp_round(median * std::exp(0.35 * random.normal()), 450, 4200);
            } else if (name.find("虚拟") != std::string::npos || name.find("生活区") != std::string::npos) {
                village.population = clamp_round(700 * std::exp(0.4 * random.normal()), 200, 2500);
            } else if (tw.kind == TownshipKind::street) {
                village.population = clamp_round(6200 * std::exp(0.4 * random.normal()), 1800, 18000);
            } else {
                village.population = clamp_round(3300 * std::exp(0.35 * random.normal()), 1200, 9000);
            }
            const double per_household = std::clamp(3.1 + 0.15 * random.normal(), 2.7, 3.6);
            village.households = std::max(1, static_cast<int>(std::lround(village.population / per_household)));
        }
    }
    return out;
}

}  // namespace coopmap::sample
