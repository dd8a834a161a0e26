// The road network as a compact directed graph (CSR) weighted by travel seconds, built once
// from a road layer, and the searches over it: multi-source Dijkstra (every node's time to
// the nearest source) and per-source isochrone polygons.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "analysis/coverage.h"
#include "index/point_index.h"
#include "model/error.h"
#include "model/layer.h"

namespace coopmap::analysis {

// How fast each road goes. A road's speed is its speed column where that holds a positive
// number, else its class's speed, else default_kmh.
struct RoadSpeeds {
    std::string class_column;  // road class column name in the layer; "" none
    std::string speed_column;  // km/h column; "" none
    std::string oneway_column;  // 1 / "yes": along the digitised direction only, -1: against it; "" none
    std::map<std::string, double> class_kmh = default_class_kmh();
    double default_kmh = 30;

    // Typical speeds in km/h for Chinese road classes (公路工程技术标准 JTG B01-2014 design
    // speeds, lowered for rural traffic), under both the Chinese and the OSM-style keys.
    static std::map<std::string, double> default_class_kmh();
};

struct Edge {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    double seconds = 0;
    double metres = 0;  // length along the road (geodesic between the segment's vertices)
};

class RoadGraph {
public:
    // Nodes are distinct vertex positions of the road lines (shared vertices join roads);
    // each segment between consecutive vertices is an edge, both ways unless one-way.
    static Result<RoadGraph> build(const Layer& roads, const RoadSpeeds& speeds, const Progress& progress = {});
    // From an explicit edge list (tests, synthetic networks); node positions optional.
    static RoadGraph from_edges(std::size_t node_count, std::span<const Edge> edges, Points positions = {});

    std::size_t node_count() const { return offset_.size() - 1; }
    std::size_t edge_count() const { return target_.size(); }
    // Connected pieces, ignoring direction: piece id per node, and how many there are.
    std::size_t component_count() const { return component_count_; }
    const std::vector<std::uint32_t>& component() const { return component_; }

    std::span<const std::uint32_t> offsets() const { return offset_; }
    std::span<const std::uint32_t> targets() const { return target_; }
    std::span<const double> seconds() const { return seconds_; }
    std::span<const double> metres() const { return metres_; }
    const Points& positions() const { return position_; }

    // The nearest node within limit_m metres (geodesic), kNone if there is none. Snapping is
    // to road vertices; the access distance is reported, not added to the travel time.
    struct Snap {
        std::uint32_t node = kNone;
        double distance_m = kInf;
    };
    Snap snap(double lon, double lat, double limit_m) const;
    std::vector<Snap> snap_all(const Points& points, double limit_m) const;

    // A fingerprint of the road layer the graph was built from; set by RoadGraphCache (0 otherwise).
    std::uint64_t source_fingerprint = 0;

    // What other parts build from the graph once and keep with it (the travel matrix's
    // contraction hierarchy), built on first use; copies of a graph share it.
    struct Derived {
        std::mutex mutex;
        std::shared_ptr<const void> hierarchy;
    };
    Derived& derived() const { return *derived_; }

private:
    void finish(std::size_t node_count, std::vector<Edge> edges);

    std::vector<std::uint32_t> offset_{0};
    std::vector<std::uint32_t> target_;
    std::vector<double> seconds_;
    std::vector<double> metres_;
    Points position_;
    std::vector<std::uint32_t> component_;
    std::size_t component_count_ = 0;
    std::shared_ptr<index::PointIndex> node_index_;
    std::shared_ptr<Derived> derived_ = std::make_shared<Derived>();
};

// A fingerprint of a road layer's geometry and attributes (size, coordinates, columns).
std::uint64_t layer_fingerprint(const Layer& layer);

// Per node: seconds to the nearest source (kInf: unreachable or beyond max_seconds) and which
// source (index into `sources`, kNone). One Dijkstra with a binary heap from all sources at once.
struct TravelTimes {
    std::vector<double> seconds;
    std::vector<std::uint32_t> source;
};
Result<TravelTimes> travel_times(const RoadGraph& graph, std::span<const std::uint32_t> sources,
                                 double max_seconds = kInf, const Progress& progress = {});

// Reachable areas around each source, one polygon per (source, band): the concave hull (GEOS)
// of the outline of what the band reaches — reached nodes with an edge leaving the band or
// fewer than four edges, and the points where the band ends along an edge (nodes surrounded
// by reached nodes add nothing to a hull and are left out). Sources run in parallel; the
// result is in source order whatever the threads did.
// Result: a polygon Layer with role coverage and columns "source" (index into `sources`) and
// "minutes"; a source reaching fewer than 3 points gets no polygon for that band.
Result<Layer> isochrones(const RoadGraph& graph, std::span<const std::uint32_t> sources,
                         std::span<const double> minutes, const Progress& progress = {});

// The graph for a road layer, built on first use and rebuilt when the layer changes.
class RoadGraphCache {
public:
    Result<std::shared_ptr<const RoadGraph>> get(const Layer& roads, const RoadSpeeds& speeds);

private:
    std::shared_ptr<const RoadGraph> graph_;
    std::uint64_t fingerprint_ = 0;
};

}  // namespace coopmap::analysis
