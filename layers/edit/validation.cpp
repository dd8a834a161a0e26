#include "edit/validation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace coopmap::edit {

namespace {

bool needs_name(Role r)
{
    switch (r) {
    case Role::road:
    case Role::coverage:
    case Role::land_trusteeship: return false;
    default: return true;
    }
}

std::string trimmed(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool is_null(const Value& v)
{
    return std::holds_alternative<std::monostate>(v) ||
           (std::holds_alternative<std::string>(v) && trimmed(std::get<std::string>(v)).empty());
}

// A number from an integer, real or numeric text value; NaN if it is none of these.
double number(const Value& v)
{
    if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* s = std::get_if<std::string>(&v)) {
        const std::string t = trimmed(*s);
        char* end = nullptr;
        const double x = std::strtod(t.c_str(), &end);
        if (!t.empty() && *end == '\0') return x;
    }
    return std::nan("");
}

std::string column_for(const FieldMap& fields, const std::string& role_field)
{
    const auto it = fields.find(role_field);
    return it == fields.end() ? role_field : it->second;
}

// Checks one role field's value; "" or the problem.
std::string check(Role role, const std::string& field, const Value& v)
{
    if (field == "name") {
        if (needs_name(role) && is_null(v)) return "名称不能为空，请填写名称";
        return {};
    }
    if (is_null(v)) return {};
    if (field == "code" || field == "county_code" || field == "township_code") {
        const std::string s = trimmed(value_text(v));
        const bool digits = std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (field != "code" || role == Role::village || role == Role::admin_boundary) {
            const bool length_ok = s.size() == 6 || s.size() == 9 || s.size() == 12;
            if (!digits || !length_ok) return "代码“" + s + "”应为 6、9 或 12 位数字（统计用区划代码），请改正";
            return {};
        }
        const bool ok = !s.empty() && s.size() <= 32 && std::all_of(s.begin(), s.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
        });
        if (!ok) return "编号“" + s + "”只能由字母、数字和“-”组成，最长 32 个字符";
        return {};
    }
    const double n = number(v);
    if (field == "state") {
        const std::string s = trimmed(value_text(v));
        if (s != "规划" && s != "在建" && s != "建成") return "建设状态“" + s + "”应为 规划、在建 或 建成";
        return {};
    }
    // A site's history years read 0 as none (never rebuilt, built before the records), as
    // analysis::network_as_of does.
    if ((field == "built_year" || field == "rebuilt_year") && n == 0) return {};
    if (field == "year" || field == "opening_year" || field == "built_year" || field == "rebuilt_year") {
        if (std::isnan(n) || n != std::floor(n) || n < 1949 || n > 2100)
            return "年份“" + value_text(v) + "”应为 1949 到 2100 之间的整数";
        return {};
    }
    if (field == "population" || field == "households" || field == "capacity" || field == "area_mu" ||
        field == "staff") {
        if (std::isnan(n) || n < 0) return "“" + value_text(v) + "”应为不小于 0 的数";
        return {};
    }
    if (field == "speed") {
        if (std::isnan(n) || n < 1 || n > 150) return "车速“" + value_text(v) + "”应在 1 到 150 公里/小时之间";
        return {};
    }
    return {};
}

constexpr const char* kRoleFields[] = {"name",         "code",       "county_code", "township_code", "year",
                                       "opening_year", "population", "households",  "capacity",      "area_mu",
                                       "staff",        "speed",      "built_year",  "rebuilt_year",  "state"};

std::vector<Problem> run(const Layer& layer, const FieldMap& fields, const std::vector<Value>& values, int only)
{
    std::vector<Problem> out;
    for (const char* field : kRoleFields) {
        const std::string name = column_for(fields, field);
        std::size_t c = 0;
        while (c < layer.columns.size() && layer.columns[c].name != name) ++c;
        if (c == layer.columns.size()) {
            // A site that must be named but whose layer has no name column cannot be checked:
            // that is the project's mapping to fix, not the feature.
            continue;
        }
        if (only >= 0 && static_cast<std::size_t>(only) != c) continue;
        const Value v = c < values.size() ? values[c] : Value{};
        if (std::string why = check(layer.role, field, v); !why.empty()) out.push_back({name, std::move(why)});
    }
    return out;
}

}  // namespace

std::vector<Problem> validate(const Layer& layer, const FieldMap& fields, const std::vector<Value>& values)
{
    return run(layer, fields, values, -1);
}

std::vector<Problem> validate_column(const Layer& layer, const FieldMap& fields, const std::vector<Value>& values,
                                     std::size_t column)
{
    return run(layer, fields, values, static_cast<int>(column));
}

}  // namespace coopmap::edit
