#include "partition.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <numbers>
#include <stdexcept>

#include "random.h"

namespace coopmap::sample {

Domain::Domain(const Geos& geos, const GEOSGeometry* outline, double step_deg, const LocalFrame& frame)
    : step_(step_deg)
{
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
    GEOSGeom_getXMin_r(geos.handle(), outline, &minx);
    GEOSGeom_getYMin_r(geos.handle(), outline, &miny);
    GEOSGeom_getXMax_r(geos.handle(), outline, &maxx);
    GEOSGeom_getYMax_r(geos.handle(), outline, &maxy);
    x0_ = std::floor(minx / step_) * step_;
    y0_ = std::floor(miny / step_) * step_;
    nx_ = static_cast<int>(std::ceil((maxx - x0_) / step_));
    ny_ = static_cast<int>(std::ceil((maxy - y0_) / step_));
    index_.assign(static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_), -1);

    const auto prepared = geos.prepare(outline);
    const double deg2_km2 = frame.km_per_deg_lat() * 111.320;
    for (int j = 0; j < ny_; ++j) {
        for (int i = 0; i < nx_; ++i) {
            const auto rect = geos.rectangle(x(i), y(j), x(i + 1), y(j + 1));
            double area_deg2 = step_ * step_;
            bool clipped = false;
            if (!GEOSPreparedContainsProperly_r(geos.handle(), prepared.get(), rect.get())) {
                if (!GEOSPreparedIntersects_r(geos.handle(), prepared.get(), rect.get())) continue;
                const auto part = geos.own(GEOSIntersection_r(geos.handle(), rect.get(), outline), "cell clip");
                area_deg2 = geos.area(part.get());
                if (area_deg2 <= 0) continue;
                clipped = true;
            }
            Cell c;
            c.i = i;
            c.j = j;
            c.centre = {x(i) + step_ / 2, y(j) + step_ / 2};
            c.km = frame.km(c.centre);
            c.area_km2 = area_deg2 * deg2_km2 * std::cos(c.centre.lat * std::numbers::pi / 180);
            c.clipped = clipped;
            index_[static_cast<std::size_t>(j) * static_cast<std::size_t>(nx_) + static_cast<std::size_t>(i)] =
                static_cast<int>(cells_.size());
            cells_.push_back(c);
        }
    }
}

int Domain::at(int i, int j) const
{
    if (i < 0 || j < 0 || i >= nx_ || j >= ny_) return -1;
    return index_[static_cast<std::size_t>(j) * static_cast<std::size_t>(nx_) + static_cast<std::size_t>(i)];
}

int Domain::at(LonLat p) const
{
    return at(static_cast<int>(std::floor((p.lon - x0_) / step_)), static_cast<int>(std::floor((p.lat - y0_) / step_)));
}

double Domain::total_km2() const
{
    double sum = 0;
    for (const auto& c : cells_) sum += c.area_km2;
    return sum;
}

namespace {

double distance2_to_skeleton(XY p, const std::vector<XY>& s)
{
    if (s.size() == 1) return (p.x - s[0].x) * (p.x - s[0].x) + (p.y - s[0].y) * (p.y - s[0].y);
    double best = 1e300;
    for (std::size_t k = 0; k + 1 < s.size(); ++k) {
        const XY a = s[k], b = s[k + 1];
        const double dx = b.x - a.x, dy = b.y - a.y;
        const double len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
        t = std::clamp(t, 0.0, 1.0);
        const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
        best = std::min(best, ex * ex + ey * ey);
    }
    return best;
}

}  // namespace

std::vector<int> weighted_partition(const Domain& domain, const std::vector<int>& cells, const std::vector<Site>& sites,
                                    const PartitionOptions& options)
{
    if (sites.empty()) throw std::logic_error("weighted_partition: no sites");
    std::vector<XY> warped(cells.size());
    std::vector<double> area(cells.size());
    double total = 0;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        const Cell& c = domain.cells()[static_cast<std::size_t>(cells[k])];
        const double u = c.km.x / options.warp_wavelength_km, v = c.km.y / options.warp_wavelength_km;
        warped[k] = {c.km.x + options.warp_km * (2 * fractal_noise(u, v, options.seed) - 1),
                     c.km.y + options.warp_km * (2 * fractal_noise(u, v, options.seed + 1013) - 1)};
        area[k] = c.area_km2;
        total += c.area_km2;
    }
    double target_sum = 0;
    for (const auto& s : sites) target_sum += s.target_km2;
    std::vector<double> target(sites.size());
    for (std::size_t s = 0; s < sites.size(); ++s) target[s] = sites[s].target_km2 * total / target_sum;

    // Squared distances do not change between iterations; only the weights do.
    std::vector<double> d2(cells.size() * sites.size());
    for (std::size_t k = 0; k < cells.size(); ++k)
        for (std::size_t s = 0; s < sites.size(); ++s)
            d2[k * sites.size() + s] = distance2_to_skeleton(warped[k], sites[s].skeleton);

    const bool multiplicative = options.metric == Metric::multiplicative;
    std::vector<double> weight(sites.size(), multiplicative ? 1.0 : 0.0);
    if (multiplicative)
        for (auto& d : d2) d = std::sqrt(d);
    std::vector<int> label(cells.size(), 0);
    std::vector<double> got(sites.size());
    for (int it = 0; it < options.iterations; ++it) {
        std::fill(got.begin(), got.end(), 0.0);
        for (std::size_t k = 0; k < cells.size(); ++k) {
            std::size_t best = 0;
            double best_score = 1e300;
            for (std::size_t s = 0; s < sites.size(); ++s) {
                const double d = d2[k * sites.size() + s];
                const double score = multiplicative ? d / weight[s] : d - weight[s];
                if (score < best_score) {
                    best_score = score;
                    best = s;
                }
            }
            label[k] = static_cast<int>(best);
            got[best] += area[k];
        }
        double worst = 0;
        for (std::size_t s = 0; s < sites.size(); ++s) {
            worst = std::max(worst, std::abs(got[s] - target[s]) / target[s]);
            if (multiplicative)
                // Area grows about as w²: a damped square-root step converges without ringing.
                weight[s] *= got[s] > 0 ? std::clamp(std::pow(target[s] / got[s], 0.3), 0.7, 1.4) : 1.4;
            else
                // A power cell of weight w alone is a disc of area πw; half that step is stable.
                weight[s] += 0.5 * (target[s] - got[s]) / std::numbers::pi;
        }
        if (std::getenv("COOPMAP_DEBUG_PARTITION") && (it % 50 == 0 || worst < 0.002)) {
            std::fprintf(stderr, "it %d worst %.3f:", it, worst);
            for (std::size_t s = 0; s < sites.size() && s < 12; ++s)
                std::fprintf(stderr, " %.0f/%.0f", got[s], target[s]);
            std::fprintf(stderr, "\n");
        }
        if (worst < 0.002) break;
    }
    return label;
}

void make_connected(const Domain& domain, const std::vector<int>& cells, std::vector<int>& labels,
                    const std::vector<int>& anchors)
{
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> local(domain.cells().size(), none);  // domain cell -> position in cells
    for (std::size_t k = 0; k < cells.size(); ++k) local[static_cast<std::size_t>(cells[k])] = k;
    const auto neighbours = [&](std::size_t k) {
        const Cell& c = domain.cells()[static_cast<std::size_t>(cells[k])];
        std::vector<std::size_t> out;
        for (const auto& [di, dj] : {std::pair{1, 0}, std::pair{-1, 0}, std::pair{0, 1}, std::pair{0, -1}}) {
            const int n = domain.at(c.i + di, c.j + dj);
            if (n >= 0 && local[static_cast<std::size_t>(n)] != none) out.push_back(local[static_cast<std::size_t>(n)]);
        }
        return out;
    };

    for (int round = 0; round < 50; ++round) {
        std::vector<int> component(cells.size(), -1);
        std::vector<std::vector<std::size_t>> members;
        std::vector<double> component_area;
        for (std::size_t start = 0; start < cells.size(); ++start) {
            if (component[start] >= 0) continue;
            const int id = static_cast<int>(members.size());
            members.emplace_back();
            component_area.push_back(0);
            std::deque<std::size_t> queue{start};
            component[start] = id;
            while (!queue.empty()) {
                const std::size_t k = queue.front();
                queue.pop_front();
                members.back().push_back(k);
                component_area.back() += domain.cells()[static_cast<std::size_t>(cells[k])].area_km2;
                for (const std::size_t n : neighbours(k))
                    if (component[n] < 0 && labels[n] == labels[k]) {
                        component[n] = id;
                        queue.push_back(n);
                    }
            }
        }
        // The piece each label keeps.
        std::map<int, int> keep;
        for (std::size_t id = 0; id < members.size(); ++id) {
            const int label = labels[members[id].front()];
            const auto it = keep.find(label);
            if (it == keep.end() || component_area[id] > component_area[static_cast<std::size_t>(it->second)])
                keep[label] = static_cast<int>(id);
        }
        for (std::size_t s = 0; s < anchors.size(); ++s) {
            if (anchors[s] < 0) continue;
            const std::size_t k = local[static_cast<std::size_t>(anchors[s])];
            if (k != none && labels[k] == static_cast<int>(s)) keep[static_cast<int>(s)] = component[k];
        }
        bool changed = false;
        for (std::size_t id = 0; id < members.size(); ++id) {
            const int label = labels[members[id].front()];
            if (keep[label] == static_cast<int>(id)) continue;
            std::map<int, int> border;
            for (const std::size_t k : members[id])
                for (const std::size_t n : neighbours(k))
                    if (labels[n] != label) ++border[labels[n]];
            if (border.empty()) continue;  // an island of the outline itself
            const auto best = std::max_element(border.begin(), border.end(),
                                               [](const auto& a, const auto& b) { return a.second < b.second; });
            for (const std::size_t k : members[id]) labels[k] = best->first;
            changed = true;
        }
        if (!changed) return;
    }
    throw std::runtime_error("make_connected: pieces still moving after 50 rounds");
}

std::vector<Geom> region_polygons(const Geos& geos, const Domain& domain, const GEOSGeometry* outline,
                                  const std::vector<int>& cells, const std::vector<int>& labels, int sites)
{
    // Runs of same-label cells along a row become one rectangle: ten times fewer inputs
    // for the union, and the shared edges stay exact because every x is x0 + i * step.
    std::vector<std::vector<Geom>> rects(static_cast<std::size_t>(sites));
    std::vector<bool> clipped(static_cast<std::size_t>(sites), false);
    std::size_t k = 0;
    while (k < cells.size()) {
        const Cell& first = domain.cells()[static_cast<std::size_t>(cells[k])];
        const int label = labels[k];
        std::size_t end = k + 1;
        bool any_clipped = first.clipped;
        while (end < cells.size()) {
            const Cell& c = domain.cells()[static_cast<std::size_t>(cells[end])];
            const Cell& prev = domain.cells()[static_cast<std::size_t>(cells[end - 1])];
            if (labels[end] != label || c.j != first.j || c.i != prev.i + 1) break;
            any_clipped = any_clipped || c.clipped;
            ++end;
        }
        const Cell& last = domain.cells()[static_cast<std::size_t>(cells[end - 1])];
        rects[static_cast<std::size_t>(label)].push_back(
            geos.rectangle(domain.x(first.i), domain.y(first.j), domain.x(last.i + 1), domain.y(first.j + 1)));
        if (any_clipped) clipped[static_cast<std::size_t>(label)] = true;
        k = end;
    }
    std::vector<Geom> out;
    for (int s = 0; s < sites; ++s) {
        auto& r = rects[static_cast<std::size_t>(s)];
        if (r.empty()) throw std::runtime_error("region_polygons: site " + std::to_string(s) + " has no cells");
        const auto all = geos.collection(GEOS_GEOMETRYCOLLECTION, std::move(r));
        auto merged = geos.own(GEOSUnaryUnion_r(geos.handle(), all.get()), "union of cells");
        // A coverage needs matching vertices on shared edges, but the union leaves out
        // grid corners where a neighbour's boundary turns (T-junctions). A vertex at every
        // grid corner fixes that; the simplification removes them again.
        merged = geos.own(GEOSDensify_r(geos.handle(), merged.get(), domain.step() * (1 + 1e-6)), "densify");
        if (clipped[static_cast<std::size_t>(s)])
            merged = geos.own(GEOSIntersection_r(geos.handle(), merged.get(), outline), "clip to outline");
        // Densified corners are interpolated, so equal corners may differ in the last bit.
        merged = geos.own(GEOSGeom_setPrecision_r(geos.handle(), merged.get(), 1e-9, 0), "snap");
        out.push_back(std::move(merged));
    }
    return out;
}

}  // namespace coopmap::sample
