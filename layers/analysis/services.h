// Agricultural social services (农业社会化服务): the project's service-record tables (one row an
// event: 配方施肥, 统防统治, 农机作业, 代耕代种, 烘干…, its 亩次, date and provider, keyed by
// village or township code) summed in 亩次 and 万亩次 by township, county, kind, provider or
// year. `coopmap-cli services` and the year report call the same job.
#pragma once

#include <string>
#include <vector>

#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis {

enum class ServicesBy { township, county, kind, provider, year };

struct ServiceRow {
    std::string key;  // township/county code, kind, provider or year; "" for records that fit none
    std::string name;  // Chinese name for codes; the key otherwise
    std::size_t records = 0;
    double mu_times = 0;  // 亩次
    double wan_mu_times() const { return mu_times / 10000.0; }
};

struct ServiceTotals {
    ServicesBy by = ServicesBy::township;
    int year = 0;  // the request's
    std::vector<ServiceRow> rows;  // sorted by key; records placed nowhere last, under key ""
    ServiceRow total;  // 合计 over the rows
    std::size_t unplaced = 0;  // by township/county: records whose code matched no village or township
    std::vector<Error> problems;  // what the user is told once (codes matching nothing…)
};

struct ServicesRequest {
    ServicesBy by = ServicesBy::township;
    int year = 0;  // > 0: only the records of this year (their year field, else their date's year)
};

// The services job. `layers` in project order (load_project), used to place a village code in
// its township and county and to name codes. Errors name the table and the row: no services in
// the project, a table that cannot be read, a mapped column it lacks, 亩次 that is no number or
// negative, a date without a year when a year is asked; a cancelled `feedback` gives
// cancelled_error("分析已取消").
Result<ServiceTotals> run_services(const Project& project, const std::vector<Layer>& layers,
                                   const ServicesRequest& request, const Feedback& feedback = Feedback{});

// Text for the terminal and CSV (UTF-8 with BOM): key, name, 记录数, 亩次, 万亩次; last row 合计.
std::string services_text(const ServiceTotals& totals);
std::string services_csv(const ServiceTotals& totals);

}  // namespace coopmap::analysis
