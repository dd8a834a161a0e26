// A fine grid over the city outline and weighted Voronoi partitions of it: the way the
// generator turns seats and approximate areas into county and township polygons.
#pragma once

#include <cstdint>
#include <vector>

#include "geometry.h"

namespace coopmap::sample {

struct Cell {
    int i = 0, j = 0;  // column, row in the grid
    LonLat centre;
    XY km;  // centre in the local frame
    double area_km2 = 0;  // of the part inside the outline
    bool clipped = false;  // the outline crosses it
};

// The grid cells that meet the outline, in row-major order.
class Domain {
public:
    Domain(const Geos& geos, const GEOSGeometry* outline, double step_deg, const LocalFrame& frame);

    const std::vector<Cell>& cells() const { return cells_; }
    // Index into cells() of the cell at column i, row j; -1 outside the outline.
    int at(int i, int j) const;
    int at(LonLat p) const;
    double step() const { return step_; }
    double x(int i) const { return x0_ + i * step_; }
    double y(int j) const { return y0_ + j * step_; }
    double total_km2() const;

private:
    double x0_ = 0, y0_ = 0, step_ = 0;
    int nx_ = 0, ny_ = 0;
    std::vector<int> index_;
    std::vector<Cell> cells_;
};

// A partition site: a point or a segment (its "skeleton") and the area it should get.
struct Site {
    std::vector<XY> skeleton;
    double target_km2 = 0;
};

enum class Metric {
    // argmin d / w: a site's skeleton always stays in its region, however small its
    // weight next to a large neighbour; boundaries are arcs, small regions are discs.
    multiplicative,
    // argmin d² - w (power diagram): straight, polygon-like boundaries, but a small site
    // next to a large one can be swallowed where sites are close.
    power,
};

struct PartitionOptions {
    Metric metric = Metric::power;
    double warp_km = 0;  // how far boundaries wander from straight lines
    double warp_wavelength_km = 10;  // how quickly they wander
    std::uint64_t seed = 0;
    int iterations = 400;
};

// Weighted Voronoi diagram on the cells (see Metric), with the weights iterated until the areas approach the targets (targets are scaled to the
// cells' total). Positions are warped by smooth noise so that boundaries look drawn, not
// ruled. Returns one site index per entry of `cells` (indices into domain.cells()).
std::vector<int> weighted_partition(const Domain& domain, const std::vector<int>& cells, const std::vector<Site>& sites,
                                    const PartitionOptions& options);

// Makes each site's cells one 4-connected piece: the piece holding anchors[s] (a domain
// cell index, or -1 for the largest piece) stays, other pieces go to the neighbour
// they share most edges with.
void make_connected(const Domain& domain, const std::vector<int>& cells, std::vector<int>& labels,
                    const std::vector<int>& anchors);

// The union of each site's cells, clipped to the outline: exact shared edges, so the
// result is a polygon coverage.
std::vector<Geom> region_polygons(const Geos& geos, const Domain& domain, const GEOSGeometry* outline,
                                  const std::vector<int>& cells, const std::vector<int>& labels, int sites);

}  // namespace coopmap::sample
