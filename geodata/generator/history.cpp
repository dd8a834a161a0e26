// The network's history and its agricultural services, for the year in review (issue 19).
// Each draws from its own stream of the seed (Random::fork), so adding them changed nothing
// the sample held before. Shares are assumptions in the shape of the city's annual reports:
// grassroots cooperatives of the 1950s largely rebuilt since 2019, a few model cooperatives
// and model service stations named each year, the sites opening in the last year partly
// still being finished.
#include <algorithm>
#include <cmath>
#include <format>

#include "network.h"

namespace coopmap::sample {

namespace {

constexpr int kLastYear = 2025;  // the sample's present

// How strong each county's agricultural services are, 0..1 (as county_level in facilities.cpp).
double service_level(const std::string& county)
{
    if (county == "420683" || county == "420607" || county == "420684" || county == "420682") return 1.0;
    if (county == "420626" || county == "420624") return 0.35;
    return 0.6;
}

}  // namespace

void add_history(std::vector<FacilityLayer>& facilities, const Random& root)
{
    for (auto& layer : facilities) {
        Random random = root.fork("history-" + layer.role);
        // Per role: share rebuilt (of the sites opened before 2019), share named model sites, and
        // what a model site is called.
        double rebuilt = 0.1, model = 0.0;
        std::string model_word;
        if (layer.role == "grassroots_cooperative") rebuilt = 0.45, model = 0.2, model_word = "示范社";
        else if (layer.role == "township_supermarket") rebuilt = 0.25;
        else if (layer.role == "village_cooperative") rebuilt = 0.05, model = 0.1, model_word = "示范社";
        else if (layer.role == "village_service_station") rebuilt = 0.1, model = 0.08, model_word = "示范点";
        else if (layer.role == "distribution_center") rebuilt = 0;
        for (auto& f : layer.facilities) {
            f.built = f.opened;
            f.rebuilt = 0;
            if (f.opened < 2019 && random.chance(rebuilt)) f.rebuilt = random.integer(2019, kLastYear);
            f.model.clear();
            if (random.chance(model)) {
                const int year = random.integer(std::max(2019, std::max(f.built, f.rebuilt) + 1), kLastYear + 1);
                if (year <= kLastYear)
                    f.model = std::format("{}年{}{}", year, random.chance(0.3) ? "省级" : "市级", model_word);
            }
            f.state = f.built == kLastYear && random.chance(0.25) ? "在建" : "建成";
        }
    }
}

std::vector<ServiceEvent> make_services(const AdminAreas& areas, const std::vector<Village>& villages,
                                        const Random& root)
{
    Random random = root.fork("services");
    struct Kind {
        const char* name;
        double share;  // of the events
        double lo, hi;  // 亩次 of one event
    };
    static const Kind kinds[] = {{"统防统治", 0.3, 800, 4000},
                                 {"配方施肥", 0.25, 500, 2500},
                                 {"农机作业", 0.25, 600, 3000},
                                 {"代耕代种", 0.12, 200, 1200},
                                 {"烘干", 0.08, 100, 800}};
    std::vector<ServiceEvent> out;
    for (int year = 2023; year <= kLastYear; ++year) {
        // Services grow each year (the city's reports: about a fifth a year).
        const double growth = std::pow(1.2, year - 2023);
        for (std::size_t v = 0; v < villages.size(); ++v) {
            const auto& village = villages[v];
            if (village.community) continue;
            const auto& town = areas.townships[village.township];
            const std::string& county = town.source->county_code;
            const double level = service_level(county);
            if (!random.chance(0.45 * level * std::min(1.0, growth))) continue;
            const int events = 1 + static_cast<int>(random.uniform() * 2.5 * level * growth);
            for (int e = 0; e < events; ++e) {
                double u = random.uniform();
                const Kind* kind = &kinds[0];
                for (const auto& k : kinds) {
                    kind = &k;
                    if (u < k.share) break;
                    u -= k.share;
                }
                ServiceEvent ev;
                ev.village = v;
                ev.kind = kind->name;
                ev.mu_times = std::round(random.uniform(kind->lo, kind->hi) * growth);
                ev.date = std::format("{}-{:02}-{:02}", year, random.integer(3, 11), random.integer(1, 28));
                const std::string& county_name = areas.counties[town.county].source->name;
                ev.provider = random.chance(0.6) ? county_name + town.source->name + "供销合作社"
                                                 : county_name + "供销农业服务有限公司";
                out.push_back(std::move(ev));
            }
        }
    }
    return out;
}

}  // namespace coopmap::sample
