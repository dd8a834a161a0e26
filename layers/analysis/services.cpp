#include "analysis/services.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "analysis/coverage.h"
#include "analysis/coverage_run.h"
#include "analysis/figure_text.h"
#include "analysis/network_year.h"
#include "io/gdal_reader.h"
#include "model/fields.h"

namespace coopmap::analysis {

namespace {

const char* key_title(ServicesBy by)
{
    switch (by) {
    case ServicesBy::township: return "乡镇代码,乡镇";
    case ServicesBy::county: return "县代码,县（市、区）";
    case ServicesBy::kind: return "服务类型,服务类型";
    case ServicesBy::provider: return "服务主体,服务主体";
    case ServicesBy::year: return "年份,年份";
    }
    return "";
}

std::string trimmed(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Where a code lies: a village's township and county from the village layers (their own
// codes or the ones placement gave them), a township's county and the names from the boundaries.
struct Places {
    std::map<std::string, std::pair<std::string, std::string>> village;  // code -> township, county
    std::map<std::string, std::string> township_county;
    std::map<std::string, std::string> township_name, county_name;
};

Places places(const Project& project, const std::vector<Layer>& layers)
{
    Places p;
    for (std::size_t i = 0; i < layers.size() && i < project.layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        const auto& l = layers[i];
        const Column* code = mapped_column(cfg, l, "code");
        if (!code) continue;
        if (cfg.role == Role::village) {
            const Column* t = mapped_column(cfg, l, "township_code");
            const Column* c = mapped_column(cfg, l, "county_code");
            for (std::size_t f = 0; f < l.size(); ++f)
                p.village[code->text(f)] = {t ? t->text(f) : std::string(), c ? c->text(f) : std::string()};
        } else if (cfg.role == Role::admin_boundary) {
            const Column* name = mapped_column(cfg, l, "name");
            const Column* county = mapped_column(cfg, l, "county_code");
            for (std::size_t f = 0; f < l.size(); ++f) {
                const std::string k = code->text(f);
                const std::string n = name ? name->text(f) : k;
                if (cfg.level == "county") p.county_name[k] = n;
                if (cfg.level == "township") {
                    p.township_name[k] = n;
                    if (county) p.township_county[k] = county->text(f);
                }
            }
        }
    }
    return p;
}

}  // namespace

Result<ServiceTotals> run_services(const Project& project, const std::vector<Layer>& layers,
                                   const ServicesRequest& request, const Feedback& feedback)
{
    if (project.services.empty())
        return Error{.file = project.file,
                     .layer = {},
                     .feature = {},
                     .message = "项目中没有农业社会化服务记录表（services）：请在项目文件中加入服务记录表及其字段对应"};
    ServiceTotals out;
    out.by = request.by;
    out.year = request.year;
    out.total.name = "合计";
    const Places where = places(project, layers);
    std::map<std::string, ServiceRow> rows;
    ServiceRow nowhere{"", "（未能归属）", 0, 0};
    std::size_t unknown_examples = 0;

    for (std::size_t s = 0; s < project.services.size(); ++s) {
        const auto& rec = project.services[s];
        io::SourceSpec spec{project.resolve(rec.source), rec.layer, {}, rec.encoding, Role::village, rec.source};
        auto table = io::read_table(spec);
        if (!table) return table.error();
        // The table as a layer without geometry, so role fields are looked up as a layer's are.
        Layer sheet;
        sheet.columns = std::move(table->columns);
        LayerConfig cfg;
        cfg.id = rec.layer.empty() ? table->name : rec.layer;
        cfg.source = rec.source;
        cfg.fields = rec.fields;
        const auto table_error = [&](std::string feature, std::string message) {
            return Error{
                .file = rec.source, .layer = cfg.id, .feature = std::move(feature), .message = std::move(message)};
        };
        std::map<std::string, const Column*> col;
        for (const auto& [key, column] : rec.fields) {
            const Column* c = field_column(sheet, cfg, key);
            if (!c) {
                std::string have;
                for (const auto& k : sheet.columns) have += (have.empty() ? "" : "、") + k.name;
                return table_error({}, "字段映射 " + key + " → " + column + " 在表中不存在（表中的列：" + have +
                                           "）：请在项目文件的 services 中改正列名");
            }
            col[key] = c;
        }
        const auto text = [&](const char* key, std::size_t r) {
            const auto it = col.find(key);
            return it == col.end() ? std::string() : trimmed(it->second->text(r));
        };
        const bool has_year = col.contains("year") || col.contains("date");
        if (request.year > 0 && !has_year)
            return table_error({},
                               "服务记录表没有年份或日期列，无法按年统计：请在 services 的 fields 中指明 year 或 date");
        if (request.by == ServicesBy::year && !has_year)
            return table_error(
                {}, "服务记录表没有年份或日期列，无法按年份汇总：请在 services 的 fields 中指明 year 或 date");
        if (request.by == ServicesBy::provider && !col.contains("provider"))
            return table_error({}, "服务记录表没有服务主体列：请在 services 的 fields 中指明 provider");

        for (std::size_t r = 0; r < table->rows; ++r) {
            if ((r & 1023) == 0) {
                feedback.set_progress(static_cast<double>(s) / static_cast<double>(project.services.size()));
                if (feedback.cancelled()) return cancelled();
            }
            // A sheet's first row is its header: data row r is the sheet's row r + 2.
            const std::string row_name = "第 " + std::to_string(r + 2) + " 行";
            const double mu = col.at("mu_times")->number(r);
            const std::string mu_text = text("mu_times", r);
            if (mu_text.empty() && text("kind", r).empty()) continue;  // a blank line in the sheet
            if (!(mu >= 0)) return table_error(row_name, "亩次“" + mu_text + "”不是非负数字：请改正该行");
            int year = 0;
            for (const char* key : {"year", "date"}) {
                if (year || !col.contains(key)) continue;
                const auto y = year_in(text(key, r));
                if (!y)
                    return table_error(row_name, std::string(std::string(key) == "year" ? "年份" : "日期") + "“" +
                                                     text(key, r) + "”中没有四位年份：请改正该行");
                year = *y;
            }
            if (request.year > 0 && year == 0)
                return table_error(row_name, "该行没有年份或日期，无法按年统计：请补上日期");
            if (request.year > 0 && year != request.year) continue;

            std::string village = text("village_code", r), town = text("township_code", r),
                        county = text("county_code", r);
            if (!village.empty()) {
                if (const auto it = where.village.find(village); it != where.village.end()) {
                    if (town.empty()) town = it->second.first;
                    if (county.empty()) county = it->second.second;
                } else if (town.empty() && county.empty()) {
                    if (unknown_examples++ < 3)
                        out.problems.push_back(
                            table_error(row_name, "村代码“" + village + "”在村图层中没有：该记录计入“未能归属”"));
                    village.clear();
                }
            }
            if (county.empty() && !town.empty())
                if (const auto it = where.township_county.find(town); it != where.township_county.end())
                    county = it->second;

            std::string key;
            switch (request.by) {
            case ServicesBy::township: key = town; break;
            case ServicesBy::county: key = county; break;
            case ServicesBy::kind: key = text("kind", r); break;
            case ServicesBy::provider: key = text("provider", r); break;
            case ServicesBy::year: key = year ? std::to_string(year) : std::string(); break;
            }
            ServiceRow& row = key.empty() ? nowhere : rows[key];
            row.key = key;
            ++row.records;
            row.mu_times += mu;
            ++out.total.records;
            out.total.mu_times += mu;
        }
    }
    for (auto& [k, r] : rows) {
        if (request.by == ServicesBy::township) {
            const auto it = where.township_name.find(k);
            r.name = it != where.township_name.end() ? it->second : k;
        } else if (request.by == ServicesBy::county) {
            const auto it = where.county_name.find(k);
            r.name = it != where.county_name.end() ? it->second : k;
        } else r.name = k;
        out.rows.push_back(std::move(r));
    }
    if (nowhere.records) {
        out.unplaced = nowhere.records;
        if (request.by == ServicesBy::township || request.by == ServicesBy::county)
            out.problems.push_back(
                Error{.file = project.file,
                      .layer = {},
                      .feature = {},
                      .message = std::to_string(nowhere.records) +
                                 " 条服务记录无法归属到乡镇或县（代码为空或在图层中没有），计入“未能归属”"});
        out.rows.push_back(std::move(nowhere));
    }
    feedback.set_progress(1);
    if (feedback.cancelled()) return cancelled();
    return out;
}

std::string services_csv(const ServiceTotals& t)
{
    std::string out = std::string("\xEF\xBB\xBF") + key_title(t.by) + ",记录数,亩次,万亩次\n";
    const auto line = [&](const ServiceRow& r) {
        out += r.key + "," + r.name + "," + std::to_string(r.records) + "," + number_text("%.1f", r.mu_times) + "," +
               number_text("%.4f", r.wan_mu_times()) + "\n";
    };
    for (const auto& r : t.rows) line(r);
    line(t.total);
    return out;
}

std::string services_text(const ServiceTotals& t)
{
    std::string out = t.year > 0 ? std::to_string(t.year) + " 年农业社会化服务\n" : std::string("农业社会化服务\n");
    std::string head = std::string(key_title(t.by)) + "\t记录数\t亩次\t万亩次\n";
    for (auto& c : head)
        if (c == ',') c = '\t';
    out += head;
    const auto line = [&](const ServiceRow& r) {
        out += r.key + "\t" + r.name + "\t" + std::to_string(r.records) + "\t" + number_text("%.1f", r.mu_times) +
               "\t" + number_text("%.4f", r.wan_mu_times()) + "\n";
    };
    for (const auto& r : t.rows) line(r);
    line(t.total);
    return out;
}

}  // namespace coopmap::analysis
