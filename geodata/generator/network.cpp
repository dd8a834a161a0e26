#include "network.h"

#include <algorithm>
#include <cmath>
#include <format>
#include <map>
#include <numeric>
#include <stdexcept>

namespace coopmap::sample {

Network make_network(const Geos& geos, const AdminAreas& areas, const std::vector<Village>& villages,
                     const LocalFrame& frame, const Random& root)
{
    Network n;
    n.facilities = make_facilities(geos, areas, villages, frame, root);
    n.parcels = make_parcels(geos, areas, villages, n.facilities, frame, root);
    n.roads = make_roads(geos, areas, villages, frame, root);
    add_history(n.facilities, root);
    n.services = make_services(areas, villages, root);
    return n;
}

void check_villages(const Geos& geos, const AdminAreas& areas, const std::vector<Village>& villages)
{
    std::vector<Geos::Prepared> township(areas.townships.size());
    for (std::size_t t = 0; t < areas.townships.size(); ++t)
        township[t] = geos.prepare(areas.townships[t].polygon.get());
    std::map<std::string, std::size_t> county_index;
    for (std::size_t c = 0; c < areas.counties.size(); ++c) county_index[areas.counties[c].source->code] = c;
    std::vector<Geos::Prepared> county(areas.counties.size());
    for (std::size_t c = 0; c < areas.counties.size(); ++c) county[c] = geos.prepare(areas.counties[c].polygon.get());
    for (const auto& v : villages) {
        if (!geos.contains(township[v.township].get(), v.position))
            throw std::runtime_error("village " + v.source->code + " lies outside its township");
        if (!geos.contains(county[county_index.at(v.source->county_code)].get(), v.position))
            throw std::runtime_error("village " + v.source->code + " lies outside its county");
        if (v.population <= 0 || v.households <= 0)
            throw std::runtime_error("village " + v.source->code + " has no population");
    }
}

namespace {

// Union-find over road end points, to prove the network is one piece.
class Components {
public:
    std::size_t id(LonLat p)
    {
        const auto key = std::pair{p.lon, p.lat};
        const auto [it, added] = ids_.try_emplace(key, parent_.size());
        if (added) parent_.push_back(parent_.size());
        return it->second;
    }
    std::size_t find(std::size_t x)
    {
        while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b) { parent_[find(a)] = find(b); }
    bool has(LonLat p) const { return ids_.contains(std::pair{p.lon, p.lat}); }
    std::size_t size() const { return parent_.size(); }

private:
    std::map<std::pair<double, double>, std::size_t> ids_;
    std::vector<std::size_t> parent_;
};

}  // namespace

void check_network(const Geos& geos, const AdminAreas& areas, const std::vector<Village>& villages,
                   const Network& network, std::ostream& log)
{
    std::vector<Geos::Prepared> township(areas.townships.size());
    for (std::size_t t = 0; t < areas.townships.size(); ++t)
        township[t] = geos.prepare(areas.townships[t].polygon.get());
    for (const auto& layer : network.facilities)
        for (const auto& f : layer.facilities)
            if (!geos.contains(township[f.township].get(), f.position))
                throw std::runtime_error(layer.layer + " " + f.code + " lies outside its township");

    // Parcels: valid, inside their township, pairwise disjoint.
    double total_mu = 0;
    for (std::size_t i = 0; i < network.parcels.size(); ++i) {
        const auto& p = network.parcels[i];
        if (!GEOSisValid_r(geos.handle(), p.polygon.get()))
            throw std::runtime_error("parcel " + p.code + " is invalid");
        if (!GEOSPreparedContains_r(geos.handle(), township[p.township].get(), p.polygon.get()))
            throw std::runtime_error("parcel " + p.code + " leaves its township");
        total_mu += p.area_mu;
    }
    std::vector<Geom> parcels;
    for (const auto& p : network.parcels) parcels.push_back(geos.clone(p.polygon.get()));
    if (!parcels.empty()) {
        const auto all = geos.collection(GEOS_GEOMETRYCOLLECTION, std::move(parcels));
        const auto united = geos.own(GEOSUnaryUnion_r(geos.handle(), all.get()), "parcel union");
        double separate = 0;
        for (const auto& p : network.parcels) separate += geos.area(p.polygon.get());
        if (std::abs(geos.area(united.get()) - separate) > 1e-9 * separate)
            throw std::runtime_error("land trusteeship parcels overlap");
    }

    // Roads: one connected graph that reaches every village.
    Components graph;
    for (const auto& r : network.roads) {
        if (r.points.size() < 2) throw std::runtime_error("road " + r.name + " has fewer than two points");
        graph.join(graph.id(r.points.front()), graph.id(r.points.back()));
    }
    std::size_t roots = 0;
    for (std::size_t i = 0; i < graph.size(); ++i) roots += graph.find(i) == i ? 1 : 0;
    for (const auto& v : villages)
        if (!network.roads.empty() && !graph.has(v.position))
            throw std::runtime_error("village " + v.source->code + " is not on the road network");
    if (!network.roads.empty() && roots != 1)
        throw std::runtime_error(std::format("the road network falls into {} pieces", roots));

    log << std::format("check: villages in townships; {} parcels ({:.1f} 万亩) disjoint; {} roads, one network\n",
                       network.parcels.size(), total_mu / 1e4, network.roads.size());
}

}  // namespace coopmap::sample
