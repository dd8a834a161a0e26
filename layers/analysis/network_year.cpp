#include "analysis/network_year.h"

#include <algorithm>
#include <map>

#include "analysis/coverage_run.h"
#include "analysis/reach_default.h"

namespace coopmap::analysis {

namespace {

std::string trimmed(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

std::string feature_text(const Column* name, std::size_t f)
{
    std::string s = "第 " + std::to_string(f + 1) + " 个要素";
    if (name && !name->text(f).empty()) s += "（" + name->text(f) + "）";
    return s;
}

Error feature_error(const LayerConfig& config, const Layer&, const Column* name, std::size_t f, std::string message)
{
    return Error{.file = config.source,
                 .layer = config.title.empty() ? config.id : config.title,
                 .feature = feature_text(name, f),
                 .message = std::move(message)};
}

// A model field's "no": the site is not a model site.
bool says_no(const std::string& v)
{
    for (const char* no : {"否", "无", "不是", "0", "N", "n", "no", "No", "非示范", "-", "—"})
        if (v == no) return true;
    return false;
}

std::optional<SiteState> state_of(const std::string& v)
{
    if (v.empty()) return SiteState::built;
    for (const char* s : {"规划", "拟建", "计划", "规划中", "计划建设"})
        if (v == s) return SiteState::planned;
    for (const char* s : {"在建", "建设中", "施工中", "正在建设"})
        if (v == s) return SiteState::building;
    for (const char* s : {"建成", "已建", "已建成", "运营", "运营中", "已运营", "投入使用", "正常"})
        if (v == s) return SiteState::built;
    return std::nullopt;
}

// A copy of the features `keep` (ascending) of `layer`, geometry and columns, with its index.
Layer layer_subset(const Layer& layer, const std::vector<std::uint32_t>& keep)
{
    Layer out;
    out.name = layer.name;
    out.role = layer.role;
    out.kind = layer.kind;
    out.source_crs = layer.source_crs;
    out.source_encoding = layer.source_encoding;
    for (const std::uint32_t f : keep) {
        for (std::uint32_t p = layer.part_start[f]; p < layer.part_start[f + 1]; ++p) {
            for (std::uint32_t r = layer.ring_start[p]; r < layer.ring_start[p + 1]; ++r) {
                for (std::uint32_t c = layer.coord_start[r]; c < layer.coord_start[r + 1]; ++c)
                    out.add_coordinate(layer.x[c], layer.y[c]);
                out.end_ring();
            }
            out.end_part();
        }
        out.end_feature();
    }
    out.columns.reserve(layer.columns.size());
    for (const auto& c : layer.columns) {
        Column k;
        k.name = c.name;
        k.type = c.type;
        for (const std::uint32_t f : keep) {
            k.null.push_back(c.null[f]);
            switch (c.type) {
            case FieldType::integer: k.integers.push_back(c.integers[f]); break;
            case FieldType::real: k.reals.push_back(c.reals[f]); break;
            case FieldType::text: k.texts.push_back(c.texts[f]); break;
            }
        }
        out.columns.push_back(std::move(k));
    }
    if (layer.index) out.build_index();
    return out;
}

std::vector<std::uint32_t> all_features(const Layer& l)
{
    std::vector<std::uint32_t> v(l.size());
    for (std::uint32_t f = 0; f < v.size(); ++f) v[f] = f;
    return v;
}

}  // namespace

std::optional<int> year_in(std::string_view text)
{
    const std::string s = trimmed(text);
    if (s.empty() || s == "0") return 0;  // integer columns say "none" with 0
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        const auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
        if (!digit(i) || (i > 0 && digit(i - 1))) continue;
        std::size_t n = 0;
        while (digit(i + n)) ++n;
        if (n == 4) {
            const int y = std::stoi(s.substr(i, 4));
            if (y >= 1949 && y <= 2100) return y;
        }
        i += n - 1;
    }
    return std::nullopt;
}

Result<std::vector<SiteHistory>> site_histories(const Project& project, const LayerConfig& config, const Layer& layer)
{
    (void)project;
    std::vector<SiteHistory> out(layer.size());
    const Column* name = mapped_column(config, layer, "name");
    const auto year_field = [&](const char* field, const char* label, auto set) -> Status {
        if (!config.fields.contains(field)) return Done{};
        const Column* c = mapped_column(config, layer, field);
        if (!c) return Done{};
        for (std::size_t f = 0; f < layer.size(); ++f) {
            const auto y = year_in(c->text(f));
            if (!y)
                return feature_error(config, layer, name, f,
                                     std::string(label) + "“" + c->text(f) + "”不是年份：请写成四位年份，如 2023");
            set(out[f], *y);
        }
        return Done{};
    };
    if (auto ok = year_field("built_year", "建成年份", [](SiteHistory& h, int y) { h.built_year = y; }); !ok)
        return ok.error();
    if (auto ok = year_field("rebuilt_year", "改造升级年份", [](SiteHistory& h, int y) { h.rebuilt_year = y; }); !ok)
        return ok.error();
    if (const Column* c = config.fields.contains("model") ? mapped_column(config, layer, "model") : nullptr)
        for (std::size_t f = 0; f < layer.size(); ++f) {
            const std::string v = trimmed(c->text(f));
            if (v.empty() || says_no(v)) continue;
            out[f].model = true;
            out[f].model_year = year_in(v).value_or(0);
        }
    if (const Column* c = config.fields.contains("state") ? mapped_column(config, layer, "state") : nullptr)
        for (std::size_t f = 0; f < layer.size(); ++f) {
            const std::string v = trimmed(c->text(f));
            const auto s = state_of(v);
            if (!s)
                return feature_error(config, layer, name, f, "建设状态“" + v + "”无法识别：请写 规划、在建 或 建成");
            out[f].state = *s;
        }
    return out;
}

Result<NetworkAsOf> network_as_of(const Project& project, const std::vector<Layer>& layers, int year)
{
    if (layers.size() != project.layers.size())
        return Error{
            .file = project.file, .layer = {}, .feature = {}, .message = "图层尚未全部读入，请重新打开项目后再分析"};
    if (year < 1949 || year > 2100)
        return Error{.file = project.file,
                     .layer = {},
                     .feature = {},
                     .message = "年份 " + std::to_string(year) + " 不在 1949 到 2100 之间"};
    NetworkAsOf out;
    out.year = year;
    out.layers.reserve(layers.size());
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        const auto& l = layers[i];
        std::vector<std::uint32_t> keep;
        std::vector<std::uint8_t> fresh;
        if (is_facility(cfg.role)) {
            auto history = site_histories(project, cfg, l);
            if (!history) return history.error();
            for (std::uint32_t f = 0; f < l.size(); ++f)
                if ((*history)[f].standing(year)) {
                    keep.push_back(f);
                    fresh.push_back((*history)[f].built_year == year ? 1 : 0);
                }
        } else if (const Column* y = cfg.role == Role::land_trusteeship ? mapped_column(cfg, l, "year") : nullptr) {
            const Column* name = mapped_column(cfg, l, "code");
            for (std::uint32_t f = 0; f < l.size(); ++f) {
                const auto py = year_in(y->text(f));
                if (!py)
                    return feature_error(cfg, l, name, f, "年份“" + y->text(f) + "”不是年份：请写成四位年份，如 2023");
                if (*py <= year) {
                    keep.push_back(f);
                    fresh.push_back(*py == year ? 1 : 0);
                }
            }
        } else {
            out.layers.push_back(l);
            out.source_feature.push_back(all_features(l));
            out.new_in_year.emplace_back(l.size(), 0);
            continue;
        }
        out.layers.push_back(keep.size() == l.size() ? l : layer_subset(l, keep));
        out.source_feature.push_back(std::move(keep));
        out.new_in_year.push_back(std::move(fresh));
    }
    return out;
}

Result<NetworkAsOf> network_as_of(const Project& project, const ProjectData& data, int year)
{
    return network_as_of(project, data.layers, year);
}

const GrowthRow* NetworkGrowth::find(int year, Role role, const std::string& county_code) const
{
    for (const auto& r : rows)
        if (r.year == year && r.role == role && r.county_code == county_code) return &r;
    return nullptr;
}

Result<NetworkGrowth> network_growth(const Project& project, const std::vector<Layer>& layers, int first_year,
                                     int last_year)
{
    if (layers.size() != project.layers.size())
        return Error{
            .file = project.file, .layer = {}, .feature = {}, .message = "图层尚未全部读入，请重新打开项目后再分析"};
    if (first_year < 1949 || last_year > 2100 || first_year > last_year)
        return Error{.file = project.file,
                     .layer = {},
                     .feature = {},
                     .message = "年份范围 " + std::to_string(first_year) + "–" + std::to_string(last_year) +
                                " 无效：应在 1949 到 2100 之间，起始年不晚于结束年"};
    NetworkGrowth g;
    g.first_year = first_year;
    g.last_year = last_year;

    // County names from the county boundaries; every county a site carries is listed too.
    std::map<std::string, std::string> counties;
    if (const Layer* cl = admin_layer(project, layers, "county")) {
        for (std::size_t i = 0; i < layers.size(); ++i)
            if (&layers[i] == cl) {
                const Column* code = mapped_column(project.layers[i], *cl, "code");
                const Column* name = mapped_column(project.layers[i], *cl, "name");
                if (code)
                    for (std::size_t f = 0; f < cl->size(); ++f)
                        counties[code->text(f)] = name ? name->text(f) : code->text(f);
            }
    }
    struct Site {
        Role role;
        std::string county;
        SiteHistory h;
    };
    std::vector<Site> sites;
    for (Role role : kAllRoles) {
        if (!is_facility(role)) continue;
        bool present = false;
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const auto& cfg = project.layers[i];
            if (cfg.role != role) continue;
            present = true;
            auto history = site_histories(project, cfg, layers[i]);
            if (!history) return history.error();
            const Column* county = mapped_column(cfg, layers[i], "county_code");
            for (std::size_t f = 0; f < layers[i].size(); ++f) {
                std::string c = county ? county->text(f) : std::string();
                if (c.empty()) ++g.sites_without_county;
                else counties.try_emplace(c, c);
                sites.push_back({role, std::move(c), (*history)[f]});
            }
        }
        if (present) g.roles.push_back(role);
    }

    for (int year = first_year; year <= last_year; ++year)
        for (const Role role : g.roles) {
            std::map<std::string, GrowthRow> by_county;
            for (const auto& [code, name] : counties) by_county[code] = {year, role, code, name, 0, 0, 0, 0, 0};
            GrowthRow city{year, role, "", "全市", 0, 0, 0, 0, 0};
            for (const auto& s : sites) {
                if (s.role != role) continue;
                const auto& h = s.h;
                const bool real = h.state != SiteState::planned;
                GrowthRow* county = s.county.empty() ? nullptr : &by_county[s.county];
                for (GrowthRow* r : {county, &city}) {
                    if (!r) continue;
                    r->built += real && h.built_year == year;
                    r->rebuilt += real && h.rebuilt_year == year;
                    r->model += real && h.model && h.model_year == year;
                    r->standing += h.standing(year);
                    r->models_standing += h.model_by(year);
                }
            }
            for (auto& [code, r] : by_county) g.rows.push_back(std::move(r));
            g.rows.push_back(std::move(city));
        }
    return g;
}

std::string network_growth_csv(const NetworkGrowth& g)
{
    std::string out = "\xEF\xBB\xBF年份,网点类型,县代码,县（市、区）,新建,改造升级,示范,年末网点数,年末示范数\n";
    for (const auto& r : g.rows)
        out += std::to_string(r.year) + "," + std::string(role_name_zh(r.role)) + "," + r.county_code + "," +
               r.county_name + "," + std::to_string(r.built) + "," + std::to_string(r.rebuilt) + "," +
               std::to_string(r.model) + "," + std::to_string(r.standing) + "," + std::to_string(r.models_standing) +
               "\n";
    return out;
}

}  // namespace coopmap::analysis
