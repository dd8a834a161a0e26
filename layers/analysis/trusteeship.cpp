#include "analysis/trusteeship.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "analysis/coverage_run.h"
#include "analysis/figure_text.h"
#include "analysis/network_year.h"
#include "analysis/service_areas.h"

namespace coopmap::analysis {

namespace {

const char* key_field(TrusteeshipBy by)
{
    switch (by) {
    case TrusteeshipBy::township: return "township_code";
    case TrusteeshipBy::county: return "county_code";
    case TrusteeshipBy::provider: return "provider";
    case TrusteeshipBy::crop: return "crop";
    case TrusteeshipBy::year: return "year";
    }
    return "";
}

const char* key_title(TrusteeshipBy by)
{
    switch (by) {
    case TrusteeshipBy::township: return "乡镇代码,乡镇";
    case TrusteeshipBy::county: return "县代码,县（市、区）";
    case TrusteeshipBy::provider: return "服务主体,服务主体";
    case TrusteeshipBy::crop: return "作物,作物";
    case TrusteeshipBy::year: return "年份,年份";
    }
    return "";
}

}  // namespace

Result<TrusteeshipStats> trusteeship_stats(const Project& project, const std::vector<Layer>& layers, TrusteeshipBy by,
                                           double far_m, const Progress& progress)
{
    if (layers.size() != project.layers.size())
        return Error{
            .file = project.file, .layer = {}, .feature = {}, .message = "图层尚未全部读入，请重新打开项目后再统计"};
    TrusteeshipStats st;
    st.total.name = "合计";
    std::map<std::string, TrusteeshipRow> rows;
    Points parcels;
    bool have = false;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        if (cfg.role != Role::land_trusteeship) continue;
        have = true;
        const auto& l = layers[i];
        const Column* key = mapped_column(cfg, l, key_field(by));
        if (!key)
            return Error{.file = project.file,
                         .layer = cfg.id,
                         .feature = {},
                         .message = std::string("地块图层没有字段 ") + key_field(by) +
                                    "：请在项目文件的 fields 中指明对应的列"};
        const Column* area = mapped_column(cfg, l, "area_mu");
        const Column* kind = mapped_column(cfg, l, "kind");
        const auto pts = feature_points(l);
        for (std::size_t f = 0; f < l.size(); ++f) {
            if (progress && (f & 1023) == 0 && !progress(0.5 * static_cast<double>(f) / static_cast<double>(l.size())))
                return cancelled();
            double mu = area ? area->number(f) : std::nan("");
            if (!(mu >= 0)) {
                mu = l.kind == GeometryKind::polygon ? geodesic_area_m2(l, f) / kSquareMetresPerMu : 0.0;
                ++st.area_from_geometry;
            }
            const bool transfer = kind && kind->text(f).find("流转") != std::string::npos;
            auto& r = rows[key->text(f)];
            for (auto* row : {&r, &st.total}) {
                ++row->parcels;
                (transfer ? row->transfer_mu : row->trusteeship_mu) += mu;
            }
            parcels.add(pts.lon[f], pts.lat[f]);
        }
    }
    if (!have)
        return Error{.file = project.file,
                     .layer = {},
                     .feature = {},
                     .message = "项目中没有土地托管/流转地块图层（role 为 land_trusteeship）：请先加入该图层"};

    // Codes get the names of the admin boundary layer of their level.
    std::map<std::string, std::string> names;
    if (by == TrusteeshipBy::township || by == TrusteeshipBy::county) {
        const std::string level = by == TrusteeshipBy::county ? "county" : "township";
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const auto& cfg = project.layers[i];
            if (cfg.role != Role::admin_boundary || cfg.level != level) continue;
            const Column* c = mapped_column(cfg, layers[i], "code");
            const Column* n = mapped_column(cfg, layers[i], "name");
            if (c && n)
                for (std::size_t f = 0; f < layers[i].size(); ++f) names[c->text(f)] = n->text(f);
        }
    }
    for (auto& [k, r] : rows) {
        r.key = k;
        const auto it = names.find(k);
        r.name = it != names.end() ? it->second : k;
        st.rows.push_back(std::move(r));
    }

    if (far_m > 0) {
        Points centres;
        for (std::size_t i = 0; i < layers.size(); ++i)
            if (project.layers[i].role == Role::agri_service_center) {
                const auto p = feature_points(layers[i]);
                for (std::size_t f = 0; f < p.size(); ++f) centres.add(p.lon[f], p.lat[f]);
            }
        auto near =
            nearest_facilities(parcels, centres, far_m, [&](double d) { return !progress || progress(0.5 + d / 2); });
        if (!near) return near.error();
        for (std::uint32_t p = 0; p < parcels.size(); ++p)
            if (near->facility[p] == kNone) st.far_parcels.push_back(p);
    }
    if (progress && !progress(1.0)) return cancelled();
    return st;
}

std::string trusteeship_csv(const TrusteeshipStats& s, TrusteeshipBy by)
{
    std::string out =
        std::string("\xEF\xBB\xBF") + key_title(by) + ",地块数,托管面积(亩),流转面积(亩),合计(亩),合计(万亩)\n";
    auto line = [&](const TrusteeshipRow& r) {
        out += r.key + "," + r.name + "," + std::to_string(r.parcels) + "," + number_text("%.1f", r.trusteeship_mu) +
               "," + number_text("%.1f", r.transfer_mu) + "," + number_text("%.1f", r.total_mu()) + "," +
               number_text("%.4f", r.total_wan_mu()) + "\n";
    };
    for (const auto& r : s.rows) line(r);
    line(s.total);
    return out;
}

std::string trusteeship_text(const TrusteeshipStats& s, TrusteeshipBy by)
{
    std::string out = std::string(key_title(by)) + "\t地块数\t托管(亩)\t流转(亩)\t合计(万亩)\n";
    for (auto& c : out)
        if (c == ',') c = '\t';
    if (s.year > 0) out = std::to_string(s.year) + " 年末土地托管/流转\n" + out;
    auto line = [&](const TrusteeshipRow& r) {
        out += r.key + "\t" + r.name + "\t" + std::to_string(r.parcels) + "\t" + number_text("%.1f", r.trusteeship_mu) +
               "\t" + number_text("%.1f", r.transfer_mu) + "\t" + number_text("%.4f", r.total_wan_mu()) + "\n";
    };
    for (const auto& r : s.rows) line(r);
    line(s.total);
    if (s.area_from_geometry)
        out +=
            number_text("%.0f 个地块没有面积字段，面积按椭球面几何计算\n", static_cast<double>(s.area_from_geometry));
    if (!s.far_parcels.empty())
        out += number_text("%.0f 个地块离为农服务中心过远\n", static_cast<double>(s.far_parcels.size()));
    return out;
}

Result<TrusteeshipStats> run_trusteeship(const Project& project, const std::vector<Layer>& layers,
                                         const TrusteeshipRequest& request, const Feedback& feedback)
{
    if (request.year <= 0) return trusteeship_stats(project, layers, request.by, request.far_m, feedback.callback());
    auto as_of = network_as_of(project, layers, request.year);
    if (!as_of) return as_of.error();
    auto stats = trusteeship_stats(project, as_of->layers, request.by, request.far_m, feedback.callback());
    if (stats) stats->year = request.year;
    return stats;
}

}  // namespace coopmap::analysis
