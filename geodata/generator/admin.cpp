#include "admin.h"

#include <algorithm>
#include <cmath>
#include <format>
#include <map>
#include <numbers>
#include <stdexcept>

namespace coopmap::sample {

namespace {

bool contains_text(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }
bool ends_with(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

LonLat extent_centre(const Geos& geos, const GEOSGeometry* g)
{
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
    GEOSGeom_getXMin_r(geos.handle(), g, &minx);
    GEOSGeom_getYMin_r(geos.handle(), g, &miny);
    GEOSGeom_getXMax_r(geos.handle(), g, &maxx);
    GEOSGeom_getYMax_r(geos.handle(), g, &maxy);
    return {std::round((minx + maxx) / 2 * 1e4) / 1e4, std::round((miny + maxy) / 2 * 1e4) / 1e4};
}

Geom make_outline(const Geos& geos, const Sources& sources)
{
    std::vector<Geom> polygons;
    for (const auto& polygon : sources.outline_gcj02) {
        std::vector<std::vector<LonLat>> rings;
        for (const auto& ring : polygon) {
            std::vector<LonLat> wgs;
            // The issue asks for the engine's own GCJ-02 inverse, the one users' data goes through.
            for (const auto& p : ring) wgs.push_back(crs::wgs84_from_gcj02(p));
            rings.push_back(std::move(wgs));
        }
        polygons.push_back(geos.polygon(rings));
    }
    const auto multi = geos.collection(GEOS_MULTIPOLYGON, std::move(polygons));
    // The published outline touches itself at one vertex; MakeValid splits it there.
    auto valid = geos.own(GEOSMakeValid_r(geos.handle(), multi.get()), "make outline valid");
    const int type = GEOSGeomTypeId_r(geos.handle(), valid.get());
    if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON)
        throw std::runtime_error("the city outline did not become a polygon after MakeValid");
    return valid;
}

}  // namespace

TownshipKind township_kind(const std::string& name)
{
    if (ends_with(name, "街道") || contains_text(name, "开发区") || contains_text(name, "园") ||
        contains_text(name, "高新") || contains_text(name, "中心") || contains_text(name, "监狱") ||
        contains_text(name, "劳教所"))
        return TownshipKind::street;
    if (ends_with(name, "镇") || ends_with(name, "乡")) return TownshipKind::town;
    return TownshipKind::special;
}

AdminAreas make_admin_areas(const Geos& geos, const Sources& sources, const LocalFrame& frame, const Random& root,
                            std::ostream& log)
{
    AdminAreas out;
    out.outline = make_outline(geos, sources);
    out.view_centre = extent_centre(geos, out.outline.get());
    // 0.0025° (about 240 m × 280 m): fine enough for the smallest urban units (~1–2 km²).
    out.domain = std::make_unique<Domain>(geos, out.outline.get(), 0.0025, frame);
    const Domain& domain = *out.domain;
    const auto& cells = domain.cells();
    log << std::format("outline: {:.0f} km² in {} grid cells\n", domain.total_km2(), cells.size());

    // --- counties: weighted partition seeded on the segment seat -> centre of territory ---
    std::vector<int> all(cells.size());
    for (std::size_t k = 0; k < cells.size(); ++k) all[k] = static_cast<int>(k);
    std::vector<Site> county_sites;
    for (const auto& c : sources.counties)
        county_sites.push_back({{frame.km(c.seat), frame.km(c.shape_centre)}, c.area_km2});
    Random county_random = root.fork("counties");
    // Multiplicative, because the three urban districts' seats lie within 8 km of each
    // other and a power diagram lets the larger 襄州区 swallow the others' seats.
    const PartitionOptions county_options{.metric = Metric::multiplicative,
                                          .warp_km = 6,
                                          .warp_wavelength_km = 16,
                                          .seed = static_cast<std::uint64_t>(county_random.uniform() * 0x1.0p53),
                                          .iterations = 800};
    std::vector<int> county_of = weighted_partition(domain, all, county_sites, county_options);
    // A county's seat is in the county, whatever the weights did near the city centre.
    std::vector<int> anchors;
    for (std::size_t c = 0; c < sources.counties.size(); ++c) {
        const XY seat = frame.km(sources.counties[c].seat);
        for (std::size_t k = 0; k < cells.size(); ++k)
            if (distance(cells[k].km, seat) < 1.2) county_of[k] = static_cast<int>(c);
        anchors.push_back(domain.at(sources.counties[c].seat));
    }
    make_connected(domain, all, county_of, std::vector<int>(sources.counties.size(), -1));
    {
        std::vector<double> got(sources.counties.size(), 0.0);
        for (std::size_t k = 0; k < cells.size(); ++k) got[static_cast<std::size_t>(county_of[k])] += cells[k].area_km2;
        for (std::size_t c = 0; c < got.size(); ++c)
            log << std::format("  partition {} {:.0f} km² (target {:.0f})\n", sources.counties[c].name, got[c],
                               sources.counties[c].area_km2);
    }

    out.counties.resize(sources.counties.size());
    for (std::size_t c = 0; c < sources.counties.size(); ++c) out.counties[c].source = &sources.counties[c];

    // --- townships: a weighted partition inside each county ---
    std::map<std::string, std::size_t> villages_per_township;
    for (const auto& v : sources.villages) ++villages_per_township[v.township_code];
    std::map<std::string, std::size_t> county_index;
    for (std::size_t c = 0; c < sources.counties.size(); ++c) county_index[sources.counties[c].code] = c;

    out.townships.resize(sources.townships.size());
    std::vector<int> township_of(cells.size(), -1);
    for (std::size_t t = 0; t < sources.townships.size(); ++t) {
        auto& tw = out.townships[t];
        tw.source = &sources.townships[t];
        tw.county = county_index.at(tw.source->county_code);
        tw.kind = township_kind(tw.source->name);
        tw.village_count = villages_per_township[tw.source->code];
        out.counties[tw.county].townships.push_back(t);
    }

    for (std::size_t c = 0; c < out.counties.size(); ++c) {
        const CountySource& cs = sources.counties[c];
        const auto& members = out.counties[c].townships;
        std::vector<int> county_cells;
        double county_km2 = 0;
        for (std::size_t k = 0; k < cells.size(); ++k)
            if (county_of[k] == static_cast<int>(c)) {
                county_cells.push_back(static_cast<int>(k));
                county_km2 += cells[k].area_km2;
            }
        Random random = root.fork("townships/" + cs.code);

        // Targets: area in proportion to villages; urban units are a third as large per
        // community, and nothing is smaller than a plausible minimum.
        std::vector<double> target(members.size());
        double weight_sum = 0;
        for (std::size_t m = 0; m < members.size(); ++m) {
            const auto& tw = out.townships[members[m]];
            const double factor = tw.kind == TownshipKind::street ? 0.3 : 1.0;
            target[m] = factor * static_cast<double>(std::max<std::size_t>(tw.village_count, 1));
            weight_sum += target[m];
        }
        for (std::size_t m = 0; m < members.size(); ++m) {
            const auto& tw = out.townships[members[m]];
            const double minimum = tw.kind == TownshipKind::street ? 2.5 : tw.kind == TownshipKind::special ? 12 : 25;
            target[m] = std::max(minimum, target[m] / weight_sum * county_km2);
        }

        // Seeds: the seat township at the seat, urban units on a spiral around it, towns
        // spread by best-candidate sampling and a few Lloyd steps.
        const XY seat = frame.km(cs.seat);
        std::vector<XY> seed(members.size());
        std::vector<bool> fixed(members.size(), false);
        std::size_t street_count = 0;
        double street_area = 0;
        for (std::size_t m = 0; m < members.size(); ++m)
            if (out.townships[members[m]].kind == TownshipKind::street) {
                ++street_count;
                street_area += target[m];
            }
        const auto in_county = [&](XY p) {
            const int k = domain.at(frame.lonlat(p));
            return k >= 0 && county_of[static_cast<std::size_t>(k)] == static_cast<int>(c);
        };
        std::size_t spiral = 0;
        const double ring_km = std::sqrt(street_area / std::numbers::pi / std::max<std::size_t>(street_count, 1));
        for (std::size_t m = 0; m < members.size(); ++m) {
            const auto& tw = out.townships[members[m]];
            const bool is_seat = !cs.seat_name.empty() && cs.seat_name.rfind(tw.source->name, 0) == 0;
            if (is_seat) {
                seed[m] = seat;
                fixed[m] = true;
            } else if (tw.kind == TownshipKind::street) {
                for (;; ++spiral) {
                    const double r = ring_km * (0.8 + 1.25 * std::sqrt(static_cast<double>(spiral) + 1));
                    const double a = static_cast<double>(spiral) * 2.39996323 + random.uniform(-0.3, 0.3);
                    const XY p{seat.x + r * std::cos(a), seat.y + r * std::sin(a)};
                    if (in_county(p)) {
                        seed[m] = p;
                        ++spiral;
                        break;
                    }
                    if (spiral > 400) throw std::runtime_error("no room for urban units in " + cs.name);
                }
                fixed[m] = true;
            }
        }
        for (std::size_t m = 0; m < members.size(); ++m) {
            if (fixed[m]) continue;
            XY best{};
            double best_gap = -1;
            for (int candidate = 0; candidate < 40; ++candidate) {
                const XY p = cells[static_cast<std::size_t>(county_cells[random.index(county_cells.size())])].km;
                double gap = 1e300;
                for (std::size_t o = 0; o < members.size(); ++o)
                    if (o < m || fixed[o]) gap = std::min(gap, distance(p, seed[o]));
                if (gap > best_gap) {
                    best_gap = gap;
                    best = p;
                }
            }
            seed[m] = best;
        }
        std::vector<XY> sum(members.size());
        std::vector<double> mass(members.size());
        for (int step = 0; step < 12; ++step) {
            std::fill(sum.begin(), sum.end(), XY{});
            std::fill(mass.begin(), mass.end(), 0.0);
            for (const int k : county_cells) {
                const Cell& cell = cells[static_cast<std::size_t>(k)];
                std::size_t nearest = 0;
                for (std::size_t m = 1; m < members.size(); ++m)
                    if (distance(cell.km, seed[m]) < distance(cell.km, seed[nearest])) nearest = m;
                sum[nearest].x += cell.km.x * cell.area_km2;
                sum[nearest].y += cell.km.y * cell.area_km2;
                mass[nearest] += cell.area_km2;
            }
            for (std::size_t m = 0; m < members.size(); ++m)
                if (!fixed[m] && mass[m] > 0) {
                    const XY centroid{sum[m].x / mass[m], sum[m].y / mass[m]};
                    if (in_county(centroid)) seed[m] = centroid;
                }
        }

        std::vector<Site> sites;
        for (std::size_t m = 0; m < members.size(); ++m) sites.push_back({{seed[m]}, target[m]});
        PartitionOptions options{.metric = Metric::power,
                                 .warp_km = 1.5,
                                 .warp_wavelength_km = 8,
                                 .seed = static_cast<std::uint64_t>(random.uniform() * 0x1.0p53),
                                 .iterations = 600};
        std::vector<int> labels = weighted_partition(domain, county_cells, sites, options);
        make_connected(domain, county_cells, labels, std::vector<int>(members.size(), -1));
        for (std::size_t k = 0; k < county_cells.size(); ++k) {
            const std::size_t t = members[static_cast<std::size_t>(labels[k])];
            township_of[static_cast<std::size_t>(county_cells[k])] = static_cast<int>(t);
            out.townships[t].cells.push_back(county_cells[k]);
        }
        // The township seat: its seed, or the township's cell nearest to it.
        for (std::size_t m = 0; m < members.size(); ++m) {
            auto& tw = out.townships[members[m]];
            if (tw.cells.empty()) throw std::runtime_error("township " + tw.source->code + " got no area");
            int best = tw.cells.front();
            for (const int k : tw.cells)
                if (distance(cells[static_cast<std::size_t>(k)].km, seed[m]) <
                    distance(cells[static_cast<std::size_t>(best)].km, seed[m]))
                    best = k;
            const int seed_cell = domain.at(frame.lonlat(seed[m]));
            tw.centre =
                seed_cell >= 0 && township_of[static_cast<std::size_t>(seed_cell)] == static_cast<int>(members[m])
                    ? frame.lonlat(seed[m])
                    : cells[static_cast<std::size_t>(best)].centre;
        }
    }

    // --- polygons: union of cells, a coverage simplification shared by neighbours ---
    const auto raw =
        region_polygons(geos, domain, out.outline.get(), all, township_of, static_cast<int>(out.townships.size()));
    std::vector<Geom> raw_copy;
    for (const auto& g : raw) raw_copy.push_back(geos.clone(g.get()));
    const auto coverage = geos.collection(GEOS_GEOMETRYCOLLECTION, std::move(raw_copy));
    GEOSGeometry* invalid_edges = nullptr;
    if (GEOSCoverageIsValid_r(geos.handle(), coverage.get(), 0.0, &invalid_edges) != 1) {
        const auto edges = geos.own(invalid_edges, "coverage edges");
        for (int i = 0; i < GEOSGetNumGeometries_r(geos.handle(), edges.get()); ++i) {
            const GEOSGeometry* e = GEOSGetGeometryN_r(geos.handle(), edges.get(), i);
            if (GEOSisEmpty_r(geos.handle(), e)) continue;
            char* wkt = GEOSGeomToWKT_r(geos.handle(), e);
            log << "invalid edge of " << out.townships[static_cast<std::size_t>(i)].source->name << ": "
                << std::string(wkt).substr(0, 300) << "\n";
            GEOSFree_r(geos.handle(), wkt);
        }
        throw std::runtime_error("the unsimplified townships are not a valid coverage");
    }
    if (invalid_edges) GEOSGeom_destroy_r(geos.handle(), invalid_edges);
    // VW with 0.0025°: removes the grid's stair steps (triangles of ~0.07 km²) and keeps
    // the outer boundary, the real outline, exactly.
    const auto simplified =
        geos.own(GEOSCoverageSimplifyVW_r(geos.handle(), coverage.get(), 0.0025, 1), "coverage simplify");
    auto township_polygons = geos.parts(simplified.get());
    for (std::size_t t = 0; t < out.townships.size(); ++t) {
        auto& tw = out.townships[t];
        tw.polygon = std::move(township_polygons[t]);
        tw.area_km2 = geos.geodesic_area_m2(tw.polygon.get()) / 1e6;
        tw.inset = geos.own(GEOSBuffer_r(geos.handle(), tw.polygon.get(), -0.002, 4), "inset");
        if (geos.area(tw.inset.get()) < 0.2 * geos.area(tw.polygon.get()))
            tw.inset = geos.own(GEOSBuffer_r(geos.handle(), tw.polygon.get(), -0.0006, 4), "inset");
        // Simplifying can move a small unit's edge past its seat: then the seat moves inside.
        if (!geos.contains(geos.prepare(tw.inset.get()).get(), tw.centre)) {
            const auto inner = geos.own(GEOSPointOnSurface_r(geos.handle(), tw.inset.get()), "point on surface");
            GEOSGeomGetX_r(geos.handle(), inner.get(), &tw.centre.lon);
            GEOSGeomGetY_r(geos.handle(), inner.get(), &tw.centre.lat);
        }
    }
    for (auto& county : out.counties) {
        std::vector<Geom> parts;
        for (const std::size_t t : county.townships) parts.push_back(geos.clone(out.townships[t].polygon.get()));
        const auto members = geos.collection(GEOS_GEOMETRYCOLLECTION, std::move(parts));
        county.polygon = geos.own(GEOSCoverageUnion_r(geos.handle(), members.get()), "county union");
        county.area_km2 = geos.geodesic_area_m2(county.polygon.get()) / 1e6;
        county.view_centre = extent_centre(geos, county.polygon.get());
        log << std::format("  {} {:<6} {:7.0f} km² (facts {:5.0f}), {} townships, {} piece(s)\n", county.source->code,
                           county.source->name, county.area_km2, county.source->area_km2, county.townships.size(),
                           GEOSGetNumGeometries_r(geos.handle(), county.polygon.get()));
    }
    return out;
}

void check_admin_areas(const Geos& geos, const AdminAreas& areas, std::ostream& log)
{
    const double outline_area = geos.area(areas.outline.get());
    std::vector<Geom> parts;
    double sum = 0;
    for (const auto& t : areas.townships) {
        if (!GEOSisValid_r(geos.handle(), t.polygon.get()))
            throw std::runtime_error("township " + t.source->code + " polygon is invalid");
        if (!geos.contains(geos.prepare(t.polygon.get()).get(), t.centre))
            throw std::runtime_error("township " + t.source->code + " seat lies outside it");
        sum += geos.area(t.polygon.get());
        parts.push_back(geos.clone(t.polygon.get()));
    }
    const auto coverage = geos.collection(GEOS_GEOMETRYCOLLECTION, std::move(parts));
    if (GEOSCoverageIsValid_r(geos.handle(), coverage.get(), 0.0, nullptr) != 1)
        throw std::runtime_error("townships overlap or their edges do not match");
    const auto united = geos.own(GEOSCoverageUnion_r(geos.handle(), coverage.get()), "union");
    const auto missing = geos.own(GEOSSymDifference_r(geos.handle(), united.get(), areas.outline.get()), "symdiff");
    const double gap = geos.area(missing.get());
    double county_sum = 0;
    for (const auto& c : areas.counties) county_sum += geos.area(c.polygon.get());
    log << std::format("check: outline {:.9f} deg², sum of townships {:.9f}, sum of counties {:.9f}, "
                       "union vs outline differs by {:.3g}\n",
                       outline_area, sum, county_sum, gap);
    if (std::abs(sum - outline_area) > 1e-9 * outline_area ||
        std::abs(county_sum - outline_area) > 1e-9 * outline_area || gap > 1e-9 * outline_area)
        throw std::runtime_error("the townships/counties do not tile the city outline exactly");
}

}  // namespace coopmap::sample
