#include "analysis/routing/dispatch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>

#include <Highs.h>

#include "analysis/coverage_run.h"  // admin_layer
#include "analysis/figure_text.h"
#include "analysis/routing/site_matrix.h"
#include "analysis/trusteeship.h"
#include "io/atomic_write.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"
#include "model/fields.h"

namespace coopmap::analysis::routing {

namespace {

Error error_in(const std::string& file, const std::string& layer, std::string message)
{
    return Error{.file = file, .layer = layer, .feature = {}, .message = std::move(message)};
}

std::string number_text(double v, int decimals = 1)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string columns_text(const std::vector<Column>& columns)
{
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : "、") + c.name;
    return out.empty() ? "无" : out;
}

// Amounts as the tables print them: integers without decimals, else two.
std::string amount_text(double v) { return std::abs(v - std::round(v)) < 1e-9 ? number_text(v, 0) : number_text(v, 2); }

}  // namespace

Result<TransportPlan> solve_transport(const TransportProblem& p)
{
    const std::size_t ns = p.supply.size(), nd = p.demand.size();
    const auto bad = [](std::string m) {
        return Error{.file = {}, .layer = {}, .feature = {}, .message = std::move(m)};
    };
    if (p.cost.size() != ns * nd) return bad("运费矩阵的大小与供需点数不符");
    for (double v : p.supply)
        if (!(v >= 0) || !std::isfinite(v)) return bad("库存应为非负数字");
    for (double v : p.demand)
        if (!(v >= 0) || !std::isfinite(v)) return bad("需求应为非负数字");
    for (double v : p.cost)
        if (!(v >= 0) || !std::isfinite(v)) return bad("运费（行车时间）应为非负数字");
    TransportPlan plan;
    plan.flow.assign(ns * nd, 0);
    plan.shortage = p.demand;
    const double total_supply = std::accumulate(p.supply.begin(), p.supply.end(), 0.0);
    const double total_demand = std::accumulate(p.demand.begin(), p.demand.end(), 0.0);
    const double ship = std::min(total_supply, total_demand);
    if (ns == 0 || nd == 0 || ship <= 0) return plan;

    // Columns x_ij; rows: each supply (≤ stock), each demand (≤ need), and the total shipped
    // (= min(Σ stock, Σ need)), so that shortages are as small as they can be and the plan is
    // the cheapest among those: the transportation problem (Hitchcock 1941) with a short side.
    HighsLp lp;
    lp.num_col_ = HighsInt(ns * nd);
    lp.num_row_ = HighsInt(ns + nd + 1);
    lp.sense_ = ObjSense::kMinimize;
    lp.col_cost_ = p.cost;
    lp.col_lower_.assign(ns * nd, 0.0);
    lp.col_upper_.assign(ns * nd, kHighsInf);
    lp.row_lower_.assign(ns + nd, -kHighsInf);
    lp.row_upper_ = p.supply;
    lp.row_upper_.insert(lp.row_upper_.end(), p.demand.begin(), p.demand.end());
    lp.row_lower_.push_back(ship);
    lp.row_upper_.push_back(ship);
    lp.a_matrix_.format_ = MatrixFormat::kColwise;
    lp.a_matrix_.num_col_ = lp.num_col_;
    lp.a_matrix_.num_row_ = lp.num_row_;
    lp.a_matrix_.start_.assign(1, 0);
    for (std::size_t i = 0; i < ns; ++i)
        for (std::size_t j = 0; j < nd; ++j) {
            for (std::size_t row : {i, ns + j, ns + nd}) {
                lp.a_matrix_.index_.push_back(HighsInt(row));
                lp.a_matrix_.value_.push_back(1.0);
            }
            lp.a_matrix_.start_.push_back(HighsInt(lp.a_matrix_.index_.size()));
        }
    Highs h;
    h.setOptionValue("output_flag", false);
    if (h.passModel(lp) == HighsStatus::kError) return bad("调运模型未被 HiGHS 接受");
    h.run();
    if (h.getModelStatus() != HighsModelStatus::kOptimal)
        return bad("HiGHS 未求得最优调运方案（" + h.modelStatusToString(h.getModelStatus()) + "）");
    const auto& x = h.getSolution().col_value;
    for (std::size_t k = 0; k < ns * nd; ++k) {
        // Simplex vertices are exact up to HiGHS's tolerances; clean the dust.
        double v = x[k] < 1e-9 ? 0 : x[k];
        if (std::abs(v - std::round(v)) < 1e-7) v = std::round(v);
        plan.flow[k] = v;
        plan.cost += v * p.cost[k];
        plan.shipped += v;
        plan.shortage[k % nd] -= v;
    }
    for (auto& s : plan.shortage) s = std::abs(s) < 1e-7 ? 0 : s;
    return plan;
}

Result<DispatchResult> run_dispatch(const Project& project, const std::vector<Layer>& layers,
                                    const DispatchRequest& req, const Feedback& feedback, RoadGraphCache* roads)
{
    DispatchResult res;
    res.product = req.product;
    if (req.product.empty()) return error_in(project.file, {}, "请指定农资品种，例如 --product 尿素");

    // Reserves and their stock of the product.
    bool any_layer = false;
    for (std::size_t li = 0; li < project.layers.size() && li < layers.size(); ++li) {
        const auto& cfg = project.layers[li];
        if (cfg.role != Role::agri_input_reserve) continue;
        any_layer = true;
        const auto& l = layers[li];
        const std::string title = cfg.title.empty() ? cfg.id : cfg.title;
        const Column* stock = field_column(l, cfg, "stock_" + req.product);
        if (!stock && !cfg.fields.contains("stock_" + req.product)) stock = l.column(req.product);
        if (!stock && !cfg.fields.contains("stock_" + req.product)) stock = l.column(req.product + "库存");
        if (!stock)
            return error_in(project.source_path(cfg), title,
                            "没有“" + req.product + "”的库存列（它有的列：" + columns_text(l.columns) +
                                "）：请在项目文件的 fields 中映射 stock_" + req.product + "，或把列命名为“" +
                                req.product + "”");
        const Column* code = field_column(l, cfg, "code");
        const Column* name = field_column(l, cfg, "name");
        const Points pts = feature_points(l);
        for (std::size_t f = 0; f < l.size(); ++f) {
            DispatchReserve r;
            r.id = code ? code->text(f) : std::string();
            if (r.id.empty()) r.id = cfg.id + "#" + std::to_string(f + 1);
            r.name = name && !name->text(f).empty() ? name->text(f) : r.id;
            r.lon = pts.lon[f];
            r.lat = pts.lat[f];
            const std::string text = stock->text(f);
            r.stock = text.empty() ? 0 : stock->number(f);
            if (!(r.stock >= 0))
                return Error{project.source_path(cfg), title, "要素 " + std::to_string(f + 1) + "（" + r.name + "）",
                             "库存列“" + stock->name + "”的值“" + text + "”不是非负数字：请改正或留空（按 0 计）"};
            res.reserves.push_back(std::move(r));
        }
    }
    if (!any_layer)
        return error_in(project.file, {}, "项目中没有农资储备库（agri_input_reserve）图层：请添加储备库及其库存");

    // Townships and their demand.
    const Layer* towns = admin_layer(project, layers, "township");
    if (!towns)
        return error_in(project.file, {}, "项目中没有乡镇界（admin_boundary，level 为 township）：无法按乡镇调运");
    const LayerConfig* town_cfg = nullptr;
    for (std::size_t i = 0; i < project.layers.size() && i < layers.size(); ++i)
        if (&layers[i] == towns) town_cfg = &project.layers[i];
    const Column* town_code = field_column(*towns, *town_cfg, "code");
    const Column* town_name = field_column(*towns, *town_cfg, "name");
    if (!town_code)
        return error_in(project.source_path(*town_cfg), town_cfg->title, "乡镇界没有代码列：请在 fields 中映射 code");
    std::map<std::string, double> demand;
    if (!req.demand_table.empty()) {
        const std::string amount_column = req.table_amount_column.empty() ? req.product : req.table_amount_column;
        io::SourceSpec spec;
        spec.uri = req.demand_table;
        spec.title = req.demand_table;
        auto table = io::read_table(spec);
        if (!table) return table.error();
        const Column *key = nullptr, *amount = nullptr;
        for (const auto& c : table->columns) {
            if (c.name == req.table_code_column) key = &c;
            if (c.name == amount_column) amount = &c;
        }
        if (!key || !amount)
            return error_in(req.demand_table, table->name,
                            "需求表中没有列“" + (key ? amount_column : req.table_code_column) + "”（它有的列：" +
                                columns_text(table->columns) + "）");
        std::size_t unknown = 0;
        std::map<std::string, bool> known;
        for (std::size_t f = 0; f < towns->size(); ++f) known[town_code->text(f)] = true;
        for (std::size_t r = 0; r < table->rows; ++r) {
            const std::string code = key->text(r);
            if (code.empty() || amount->text(r).empty()) continue;
            const double v = amount->number(r);
            if (!(v >= 0))
                return Error{req.demand_table, table->name, "第 " + std::to_string(r + 2) + " 行",
                             "需求量“" + amount->text(r) + "”不是非负数字"};
            if (!known.contains(code)) {
                ++unknown;
                continue;
            }
            demand[code] += v;
        }
        res.demand_source = "需求表 " + req.demand_table + "（" + amount_column + "）";
        if (unknown > 0) res.demand_source += "，其中 " + std::to_string(unknown) + " 行的乡镇代码不在乡镇界中，未计入";
    } else if (req.rate_per_mu > 0) {
        auto stats = trusteeship_stats(project, layers, TrusteeshipBy::township);
        if (!stats) return stats.error();
        for (const auto& row : stats->rows) demand[row.key] += row.total_mu() * req.rate_per_mu;
        res.demand_source = "土地托管/流转面积 × " + amount_text(req.rate_per_mu) + " /亩";
    } else {
        return error_in(project.file, {}, "请给出乡镇需求：需求表（--demand 文件）或每亩用量（--rate）");
    }
    const Points town_points = feature_points(*towns);
    for (std::size_t f = 0; f < towns->size(); ++f) {
        const std::string code = town_code->text(f);
        auto it = demand.find(code);
        if (it == demand.end() || !(it->second > 0)) continue;
        DispatchTownship t;
        t.code = code;
        t.name = town_name && !town_name->text(f).empty() ? town_name->text(f) : code;
        t.lon = town_points.lon[f];
        t.lat = town_points.lat[f];
        t.demand = it->second;
        demand.erase(it);  // a township drawn in several pieces takes its demand once
        res.townships.push_back(std::move(t));
    }

    // Road times reserve → township, then the plan.
    Points sites;
    for (const auto& r : res.reserves) sites.add(r.lon, r.lat);
    for (const auto& t : res.townships) sites.add(t.lon, t.lat);
    auto matrix = site_matrix(project, layers, sites, req.snap_limit_m, feedback.part(0, 0.8), roads, "已取消农资调运");
    if (!matrix) return matrix.error();
    const SiteMatrix& m = *matrix;
    res.has_roads = m.has_roads;
    const std::size_t nr = res.reserves.size(), nt = res.townships.size();
    TransportProblem tp;
    for (const auto& r : res.reserves) tp.supply.push_back(r.stock);
    for (const auto& t : res.townships) tp.demand.push_back(t.demand);
    for (std::size_t i = 0; i < nr; ++i)
        for (std::size_t j = 0; j < nt; ++j) tp.cost.push_back(m.minutes_at(i, nr + j));
    if (feedback.cancelled()) return cancelled_error("已取消农资调运", project.file);
    auto plan = solve_transport(tp);
    if (!plan) return Error{project.file, {}, {}, plan.error().message};
    for (std::size_t i = 0; i < nr; ++i)
        for (std::size_t j = 0; j < nt; ++j) {
            const double v = plan->flow[i * nt + j];
            if (!(v > 0)) continue;
            DispatchFlow f;
            f.reserve = i;
            f.township = j;
            f.amount = v;
            f.minutes = m.minutes_at(i, nr + j);
            f.km = m.km_at(i, nr + j);
            f.estimated = m.estimated_at(i, nr + j);
            f.path = leg_path(m, i, nr + j);
            res.reserves[i].shipped += v;
            res.townships[j].received += v;
            res.flows.push_back(std::move(f));
        }
    for (std::size_t j = 0; j < nt; ++j) res.townships[j].shortage = plan->shortage[j];
    for (const auto& r : res.reserves) res.stock += r.stock;
    for (const auto& t : res.townships) {
        res.demand += t.demand;
        res.shortage += t.shortage;
    }
    res.shipped = plan->shipped;
    res.cost = plan->cost;
    feedback.set_progress(1);
    return res;
}

std::string dispatch_summary_text(const DispatchResult& r)
{
    std::string out = "农资应急调运：" + r.product + "（需求来自" + r.demand_source + "）\n";
    out += "储备库 " + std::to_string(r.reserves.size()) + " 个，库存 " + amount_text(r.stock) + "；需求乡镇 " +
           std::to_string(r.townships.size()) + " 个，需求 " + amount_text(r.demand) + "\n";
    for (const auto& f : r.flows)
        out += "  " + r.reserves[f.reserve].name + " → " + r.townships[f.township].name + "：" + amount_text(f.amount) +
               "，行车 " + number_text(f.minutes) + " 分钟，" + number_text(f.km) + " 公里" +
               (f.estimated ? "（直线估算）" : "") + "\n";
    out += "调运 " + amount_text(r.shipped) + "，总运量×时间 " + number_text(r.cost, 0) + "（单位·分钟）\n";
    std::size_t short_towns = 0;
    for (const auto& t : r.townships) short_towns += t.shortage > 0;
    if (short_towns == 0) out += "全部乡镇需求可满足\n";
    else {
        out += "缺口：" + std::to_string(short_towns) + " 个乡镇共缺 " + amount_text(r.shortage) + "\n";
        for (const auto& t : r.townships)
            if (t.shortage > 0)
                out += "  " + t.code + " " + t.name + "：需求 " + amount_text(t.demand) + "，调入 " +
                       amount_text(t.received) + "，缺 " + amount_text(t.shortage) + "\n";
    }
    if (!r.has_roads) out += "项目没有道路图层：行车时间按直线距离估算\n";
    return out;
}

std::string dispatch_table_csv(const DispatchResult& r)
{
    std::string out = "\xEF\xBB\xBF储备库编号,储备库,乡镇代码,乡镇,调运量,行车分钟,公里,估算\n";
    for (const auto& f : r.flows) {
        const auto& a = r.reserves[f.reserve];
        const auto& t = r.townships[f.township];
        out += csv_field(a.id) + "," + csv_field(a.name) + "," + csv_field(t.code) + "," + csv_field(t.name) + "," +
               amount_text(f.amount) + "," + number_text(f.minutes) + "," + number_text(f.km, 2) + "," +
               (f.estimated ? "是" : "否") + "\n";
    }
    out += "\n乡镇代码,乡镇,需求量,调入量,缺口\n";
    for (const auto& t : r.townships)
        out += csv_field(t.code) + "," + csv_field(t.name) + "," + amount_text(t.demand) + "," +
               amount_text(t.received) + "," + amount_text(t.shortage) + "\n";
    return out;
}

Status write_dispatch_gpkg(const DispatchResult& r, const std::string& path)
{
    const auto real = [](Column& c, double v) {
        c.reals.push_back(v);
        c.null.push_back(0);
    };
    const auto text = [](Column& c, const std::string& v) {
        c.texts.push_back(v);
        c.null.push_back(0);
    };
    Layer flows;
    flows.name = "dispatch_flows";
    flows.role = Role::coverage;
    flows.kind = GeometryKind::line;
    for (const char* c : {"reserve", "reserve_name", "township_code", "township", "product"})
        flows.add_column(c, FieldType::text);
    for (const char* c : {"amount", "minutes", "km"}) flows.add_column(c, FieldType::real);
    flows.add_column("estimated", FieldType::integer);
    for (const auto& f : r.flows) {
        for (const auto& [x, y] : f.path) flows.add_coordinate(x, y);
        flows.end_ring();
        flows.end_part();
        flows.end_feature();
        text(flows.columns[0], r.reserves[f.reserve].id);
        text(flows.columns[1], r.reserves[f.reserve].name);
        text(flows.columns[2], r.townships[f.township].code);
        text(flows.columns[3], r.townships[f.township].name);
        text(flows.columns[4], r.product);
        real(flows.columns[5], f.amount);
        real(flows.columns[6], f.minutes);
        real(flows.columns[7], f.km);
        flows.columns[8].integers.push_back(f.estimated ? 1 : 0);
        flows.columns[8].null.push_back(0);
    }
    Layer towns;
    towns.name = "dispatch_townships";
    towns.role = Role::coverage;
    for (const char* c : {"code", "name"}) towns.add_column(c, FieldType::text);
    for (const char* c : {"demand", "received", "shortage"}) towns.add_column(c, FieldType::real);
    for (const auto& t : r.townships) {
        towns.add_point(t.lon, t.lat);
        text(towns.columns[0], t.code);
        text(towns.columns[1], t.name);
        real(towns.columns[2], t.demand);
        real(towns.columns[3], t.received);
        real(towns.columns[4], t.shortage);
    }
    Layer reserves;
    reserves.name = "dispatch_reserves";
    reserves.role = Role::agri_input_reserve;
    for (const char* c : {"code", "name"}) reserves.add_column(c, FieldType::text);
    for (const char* c : {"stock", "shipped", "left"}) reserves.add_column(c, FieldType::real);
    for (const auto& a : r.reserves) {
        reserves.add_point(a.lon, a.lat);
        text(reserves.columns[0], a.id);
        text(reserves.columns[1], a.name);
        real(reserves.columns[2], a.stock);
        real(reserves.columns[3], a.shipped);
        real(reserves.columns[4], a.stock - a.shipped);
    }
    return io::write_file_atomically(path, [&](const std::string& temp) -> Status {
        for (const Layer* l : {&flows, &towns, &reserves})
            if (auto s = io::write_layer(*l, {.path = temp, .layer = l->name}); !s) return s;
        return Done{};
    });
}

}  // namespace coopmap::analysis::routing
