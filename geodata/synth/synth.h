// Benchmark data of any size (`coopmap-cli synth`): villages, facilities and a grid-like
// road graph over a China-sized extent, in EPSG:4326, deterministic for a seed. Not a
// picture of any real place: the bundled sample (geodata/xiangyang.*) is for that.
#pragma once

#include <cstdint>
#include <string>

#include "model/error.h"

namespace coopmap::synth {

struct SynthOptions {
    std::uint64_t villages = 0;  // features in layer `villages`
    std::uint64_t facilities = 0;  // features in layer `facilities`, every role mixed
    std::uint64_t road_edges = 0;  // features in layer `roads`, one two-point line per edge
    std::uint64_t seed = 1;
    std::string out;  // the GeoPackage to write; replaced only when all was written
};

struct SynthCounts {
    std::uint64_t villages = 0;
    std::uint64_t facilities = 0;
    std::uint64_t road_edges = 0;
    std::uint64_t road_nodes = 0;
};

// Writes layers villages (name, code, population, households, township_code), facilities
// (name, role) and roads (class, speed_kmh, oneway) with exactly the requested counts.
// The roads form a jittered grid; the first nodes·1 − 1 edges are a spanning tree, so the
// graph is connected whenever E is at least that.
Result<SynthCounts> write_synth(const SynthOptions& options);

}  // namespace coopmap::synth
