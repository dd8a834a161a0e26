#include "analysis/placement.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <set>
#include <thread>

#include "analysis/coverage_run.h"
#include "analysis/geos_bridge.h"
#include "analysis/reach_default.h"
#include "model/feature_index.h"
#include "model/fields.h"

namespace coopmap::analysis {

struct AdminAreas::Impl {
    explicit Impl(const Layer& l) : layer(l), geometry(l.size()), prepared(l.size(), nullptr) {}
    ~Impl()
    {
        for (auto* p : prepared)
            if (p) GEOSPreparedGeom_destroy_r(ctx.get(), p);
    }

    // Made on first use: a county's outline is needed only where its points are.
    const GEOSPreparedGeometry* prepare(std::uint32_t f)
    {
        if (!prepared[f] && !failed.contains(f)) {
            geometry[f] = geos::feature(ctx, layer, f);
            if (geometry[f]) prepared[f] = GEOSPrepare_r(ctx.get(), geometry[f].get());
            if (!prepared[f]) failed.insert(f);
        }
        return prepared[f];
    }

    geos::Context ctx;
    const Layer& layer;
    std::vector<geos::Geometry> geometry;
    std::vector<const GEOSPreparedGeometry*> prepared;
    std::set<std::uint32_t> failed;
    std::vector<std::uint32_t> candidates;
    std::set<std::string> code_set;
};

AdminAreas::AdminAreas(const Layer& layer, std::vector<std::string> codes)
    : impl_(new Impl(layer)), codes_(std::move(codes))
{
    codes_.resize(layer.size());
    impl_->code_set.insert(codes_.begin(), codes_.end());
}

AdminAreas::~AdminAreas() { delete impl_; }

bool AdminAreas::has_code(const std::string& code) const { return impl_->code_set.contains(code); }

namespace {

// Even-odd ray crossing over every ring of polygon feature f: 1 inside, 0 outside, -1 when
// the point lies within 1e-10 degrees (about 0.01 mm) of an edge, where only GEOS's robust
// predicates may decide. Needs no allocation, so 500,000 points cost little more than the
// R-tree lookups; GEOS answers the few points on or next to a boundary.
int crossing_test(const Layer& l, std::uint32_t f, double x, double y)
{
    constexpr double kNear = 1e-10;
    bool inside = false;
    for (auto part = l.part_start[f]; part < l.part_start[f + 1]; ++part)
        for (auto r = l.ring_start[part]; r < l.ring_start[part + 1]; ++r) {
            const auto first = l.coord_start[r], last = l.coord_start[r + 1];
            if (last - first < 3) continue;
            for (auto i = first; i < last; ++i) {
                const auto j = i + 1 < last ? i + 1 : first;
                const double x1 = l.x[i], y1 = l.y[i], x2 = l.x[j], y2 = l.y[j];
                if (x >= std::min(x1, x2) - kNear && x <= std::max(x1, x2) + kNear && y >= std::min(y1, y2) - kNear &&
                    y <= std::max(y1, y2) + kNear) {
                    const double len = std::hypot(x2 - x1, y2 - y1);
                    const double cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
                    if (std::fabs(cross) <= kNear * std::max(len, kNear)) return -1;
                }
                if ((y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1)) inside = !inside;
            }
        }
    return inside ? 1 : 0;
}

}  // namespace

std::optional<std::uint32_t> AdminAreas::at(double lon, double lat)
{
    Bounds here;
    here.extend(lon, lat);
    auto& c = impl_->candidates;
    c.clear();
    if (impl_->layer.index) impl_->layer.index->query(impl_->layer, here, c);
    else c = impl_->layer.features_in(here);
    std::sort(c.begin(), c.end());
    bool near_edge = false;
    for (std::uint32_t f : c) {
        const int in = crossing_test(impl_->layer, f, lon, lat);
        if (in == -1) {
            near_edge = true;
            break;
        }
        if (in == 1) return f;
    }
    if (!near_edge) return std::nullopt;
    for (std::uint32_t f : c) {
        const auto* p = impl_->prepare(f);
        if (p && GEOSPreparedContainsXY_r(impl_->ctx.get(), p, lon, lat) == 1) return f;
    }
    // On a shared edge no polygon contains the point; it still lies in the first that touches it.
    for (std::uint32_t f : c) {
        const auto* p = impl_->prepare(f);
        if (p && GEOSPreparedIntersectsXY_r(impl_->ctx.get(), p, lon, lat) == 1) return f;
    }
    return std::nullopt;
}

std::optional<std::uint32_t> AdminAreas::largest_overlap(const Layer& polygons, std::size_t feature)
{
    auto& ctx = impl_->ctx;
    const auto g = geos::feature(ctx, polygons, feature);
    if (!g) return std::nullopt;
    auto c = impl_->layer.features_in(polygons.feature_bounds(feature));
    std::sort(c.begin(), c.end());
    // Most parcels lie wholly inside one township: no area needs computing then.
    for (std::uint32_t f : c) {
        const auto* p = impl_->prepare(f);
        if (p && GEOSPreparedContains_r(ctx.get(), p, g.get()) == 1) return f;
    }
    std::optional<std::uint32_t> best;
    double best_area = 0;
    for (std::uint32_t f : c) {
        const auto* p = impl_->prepare(f);
        if (!p || GEOSPreparedIntersects_r(ctx.get(), p, g.get()) != 1) continue;
        const auto piece = geos::own(ctx, GEOSIntersection_r(ctx.get(), impl_->geometry[f].get(), g.get()));
        double area = 0;
        if (piece) GEOSArea_r(ctx.get(), piece.get(), &area);
        if (area > best_area) {
            best_area = area;
            best = f;
        }
    }
    return best;
}

namespace {

// What has a township and a county: villages, parcels and every facility role.
bool is_feature_role(Role r) { return r == Role::village || r == Role::land_trusteeship || is_facility(r); }

// Administrative division codes are digits (GB/T 2260 county 6, township 9, village 12).
bool looks_like_code(const std::string& s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string layer_title(const LayerConfig& cfg) { return cfg.title.empty() ? cfg.id : cfg.title; }

std::string level_zh(const std::string& field) { return field == "county_code" ? "县（市、区）" : "乡镇"; }

// The boundary layers of one level merged into one polygon layer with one code per polygon.
struct LevelAreas {
    // Copy of the level's boundary layers, in project order; on the heap so that `areas`,
    // which refers to it, stays valid when this is moved.
    std::unique_ptr<Layer> polygons = std::make_unique<Layer>();
    std::unique_ptr<AdminAreas> areas;
    std::vector<std::string> names;
};

std::optional<LevelAreas> level_areas(const Project& project, const std::vector<Layer>& layers,
                                      const std::string& level)
{
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (project.layers[i].role == Role::admin_boundary && project.layers[i].level == level &&
            layers[i].kind == GeometryKind::polygon && layers[i].size() > 0)
            found.push_back(i);
    if (found.empty()) return std::nullopt;
    LevelAreas out;
    std::vector<std::string> codes;
    const auto add_codes = [&](std::size_t i) {
        const auto& cfg = project.layers[i];
        const Column* code = field_column(layers[i], cfg, "code");
        const Column* name = field_column(layers[i], cfg, "name");
        for (std::size_t f = 0; f < layers[i].size(); ++f) {
            // Without a code column a unit is known by its name, so tables still group by unit.
            codes.push_back(code ? code->text(f) : name ? name->text(f) : std::string());
            out.names.push_back(name ? name->text(f) : std::string());
        }
    };
    if (found.size() == 1) {
        *out.polygons = layers[found[0]];
        add_codes(found[0]);
    } else {
        // Several layers of one level (e.g. one per county): their geometry side by side.
        Layer& all = *out.polygons;
        all.kind = GeometryKind::polygon;
        for (std::size_t i : found) {
            const Layer& l = layers[i];
            for (std::size_t f = 0; f < l.size(); ++f) {
                for (auto part = l.part_start[f]; part < l.part_start[f + 1]; ++part) {
                    for (auto r = l.ring_start[part]; r < l.ring_start[part + 1]; ++r) {
                        for (auto k = l.coord_start[r]; k < l.coord_start[r + 1]; ++k)
                            all.add_coordinate(l.x[k], l.y[k]);
                        all.end_ring();
                    }
                    all.end_part();
                }
                all.end_feature();
            }
            add_codes(i);
        }
        all.build_index();
    }
    if (!out.polygons->index) out.polygons->build_index();
    out.areas = std::make_unique<AdminAreas>(*out.polygons, std::move(codes));
    return out;
}

// Where each feature of a layer lies at a level: the code of its polygon, "" outside all.
// Large layers are split between the cores, each with its own GEOS context and prepared
// polygons (neither may be shared between threads); only the first reports progress.
std::vector<std::string> locate(const Layer& l, LevelAreas& level, const Progress& progress, double from, double span,
                                bool& stopped)
{
    std::vector<std::string> out(l.size());
    const bool polygons = l.kind == GeometryKind::polygon;
    const Points pts = polygons ? Points{} : feature_points(l);
    std::atomic<bool> stop{false};
    const auto run = [&](AdminAreas& areas, std::size_t begin, std::size_t end, bool reports) {
        for (std::size_t f = begin; f < end; ++f) {
            if (((f - begin) & 4095) == 0) {
                if (stop.load(std::memory_order_relaxed)) return;
                if (reports && progress &&
                    !progress(from + span * static_cast<double>(f - begin) /
                                         static_cast<double>(std::max<std::size_t>(end - begin, 1)))) {
                    stop = true;
                    return;
                }
            }
            const auto at = polygons ? areas.largest_overlap(l, f) : areas.at(pts.lon[f], pts.lat[f]);
            if (at) out[f] = areas.code(*at);
        }
    };
    const std::size_t threads =
        l.size() < 20000 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    if (threads == 1) {
        run(*level.areas, 0, l.size(), true);
    } else {
        std::vector<std::string> codes(level.areas->size());
        for (std::uint32_t p = 0; p < codes.size(); ++p) codes[p] = level.areas->code(p);
        std::vector<std::thread> pool;
        const std::size_t chunk = (l.size() + threads - 1) / threads;
        for (std::size_t t = 1; t < threads; ++t)
            pool.emplace_back([&, t] {
                AdminAreas mine(*level.polygons, codes);
                run(mine, std::min(l.size(), t * chunk), std::min(l.size(), (t + 1) * chunk), false);
            });
        run(*level.areas, 0, std::min(l.size(), chunk), true);
        for (auto& th : pool) th.join();
    }
    if (stop) {
        stopped = true;
        return {};
    }
    return out;
}

std::string feature_label(const Layer& l, const LayerConfig& cfg, std::size_t f)
{
    const Column* name = field_column(l, cfg, "name");
    std::string s = "要素 " + std::to_string(f + 1);
    if (name && !name->text(f).empty()) s += "“" + name->text(f) + "”";
    return s;
}

}  // namespace

Result<PlacementReport> place_by_location(const Project& project, std::vector<Layer>& layers, const Progress& progress)
{
    PlacementReport report;
    if (layers.size() != project.layers.size())
        return Error{project.file, {}, {}, "图层尚未全部读入，无法按位置确定所属乡镇和县"};
    auto township = level_areas(project, layers, "township");
    auto county = level_areas(project, layers, "county");

    // Work to do, in project order: (layer, field, level).
    struct Job {
        std::size_t layer;
        const char* field;
        LevelAreas* level;
    };
    std::vector<Job> jobs;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        if (layers[i].kind == GeometryKind::line) continue;
        if (is_feature_role(cfg.role)) {
            if (township) jobs.push_back({i, "township_code", &*township});
            if (county) jobs.push_back({i, "county_code", &*county});
        } else if (cfg.role == Role::admin_boundary && cfg.level == "township" && county) {
            jobs.push_back({i, "county_code", &*county});
        }
    }

    std::size_t total = 0, done = 0;
    for (const auto& j : jobs) total += layers[j.layer].size();
    for (const auto& j : jobs) {
        const auto& cfg = project.layers[j.layer];
        Layer& l = layers[j.layer];
        FieldPlacement fp;
        fp.layer_id = cfg.id;
        fp.layer_title = layer_title(cfg);
        fp.field = j.field;
        fp.features = l.size();
        const Column* mapped = field_column(l, cfg, j.field);
        const double from = total ? static_cast<double>(done) / static_cast<double>(total) : 0;
        const double span = total ? static_cast<double>(l.size()) / static_cast<double>(total) : 0;
        done += l.size();
        // A mapped column of names is never checked against codes: the one problem said is
        // that it holds names.
        if (mapped) {
            std::size_t filled = 0;
            std::string example;
            for (std::size_t f = 0; f < l.size(); ++f) {
                const std::string v = mapped->text(f);
                if (v.empty()) continue;
                ++filled;
                if (!looks_like_code(v)) {
                    ++fp.not_codes;
                    if (example.empty()) example = v;
                }
            }
            if (filled && fp.not_codes * 2 > filled) {
                report.problems.push_back(Error{project.source_path(cfg),
                                                layer_title(cfg),
                                                {},
                                                "字段“" + mapped->name + "”映射为 " + j.field + "（" +
                                                    level_zh(j.field) + "代码），但它的值不是区划代码（如“" + example +
                                                    "”）：请映射为代码列，或删去这一映射，由 CoopMap 按位置确定所属" +
                                                    level_zh(j.field)});
                report.fields.push_back(std::move(fp));
                continue;
            }
            fp.not_codes = 0;
        }
        bool stopped = false;
        const auto located = locate(l, *j.level, progress, from, span, stopped);
        if (stopped) return cancelled();
        if (!mapped) {
            fp.by_location = true;
            Column& c = l.add_column(j.field, FieldType::text);
            for (std::size_t f = 0; f < l.size(); ++f) {
                if (located[f].empty()) {
                    c.push_null();
                    ++fp.outside;
                    if (fp.examples.size() < 5) fp.examples.push_back(feature_label(l, cfg, f));
                } else {
                    c.null.push_back(0);
                    c.texts.push_back(located[f]);
                    ++fp.placed;
                }
            }
            if (fp.outside)
                report.problems.push_back(
                    Error{project.source_path(cfg),
                          layer_title(cfg),
                          {},
                          std::to_string(fp.outside) + " 个要素不在任何" + level_zh(j.field) + "界内（如 " +
                              fp.examples.front() + "），无法确定所属" + level_zh(j.field) +
                              "：请检查坐标、坐标系（高德/百度坐标须声明 GCJ02/BD09）或补全行政区界"});
        } else {
            std::vector<std::string> unknown, disagree;
            for (std::size_t f = 0; f < l.size(); ++f) {
                const std::string v = mapped->text(f);
                if (v.empty()) continue;
                if (!j.level->areas->has_code(v)) {
                    ++fp.unknown_code;
                    if (unknown.size() < 3) unknown.push_back(feature_label(l, cfg, f) + " 的 " + v);
                } else if (!located[f].empty() && located[f] != v) {
                    ++fp.disagree;
                    if (disagree.size() < 3)
                        disagree.push_back(feature_label(l, cfg, f) + " 填 " + v + "，位于 " + located[f]);
                }
            }
            const auto join = [](const std::vector<std::string>& v) {
                std::string s;
                for (const auto& x : v) s += (s.empty() ? "" : "；") + x;
                return s;
            };
            if (fp.unknown_code)
                report.problems.push_back(Error{project.source_path(cfg),
                                                layer_title(cfg),
                                                {},
                                                std::to_string(fp.unknown_code) + " 个要素的" + level_zh(j.field) +
                                                    "代码（" + mapped->name + "）不是任何" + level_zh(j.field) +
                                                    "界的代码（" + join(unknown) + "）：这些要素在按" +
                                                    level_zh(j.field) + "汇总的表中单独成行，请改正代码"});
            if (fp.disagree)
                report.problems.push_back(Error{project.source_path(cfg),
                                                layer_title(cfg),
                                                {},
                                                std::to_string(fp.disagree) + " 个要素的" + level_zh(j.field) +
                                                    "代码（" + mapped->name + "）与其所在位置不符（" + join(disagree) +
                                                    "）：表格按所填代码汇总，请核对代码或坐标"});
            fp.examples = unknown;
            fp.examples.insert(fp.examples.end(), disagree.begin(), disagree.end());
        }
        report.fields.push_back(std::move(fp));
    }
    if (progress && !progress(1.0)) return cancelled();
    return report;
}

}  // namespace coopmap::analysis
