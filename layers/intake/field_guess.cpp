// Role fields found in a layer's columns: by the names offices give them, then by what the
// columns hold (administrative division codes of GB/T 2260 and the statistics bureau: 6 digits
// a county, 9 a township, 12 a village).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <set>
#include <vector>

#include "intake/intake.h"
#include "model/fields.h"

namespace coopmap::intake {

namespace {

// Names compared without case, blanks, brackets and separators: 面积_亩, 面积(亩) and 面积（亩）
// are one name; so are speed_kmh, 车速(km/h) and 车速kmh.
std::string normal(const std::string& name)
{
    std::string out;
    for (std::size_t i = 0; i < name.size();) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c < 0x80) {
            if (!std::isspace(c) && !std::strchr("_-()[]/:.#", static_cast<char>(c)))
                out += static_cast<char>(std::tolower(c));
            ++i;
            continue;
        }
        std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        const std::string ch = name.substr(i, n);
        i += n;
        if (ch == "（" || ch == "）" || ch == "【" || ch == "】" || ch == "：" || ch == "　" || ch == "、") continue;
        out += ch;
    }
    return out;
}

using Aliases = std::vector<const char*>;

const Aliases kTownshipCode{"乡镇代码", "乡镇编码", "乡镇区划代码", "所属乡镇代码", "乡代码",
                            "镇代码",   "街道代码", "townshipcode", "xzdm"};
const Aliases kCountyCode{"县代码",     "县区代码",   "区县代码",   "县编码", "县级代码",
                          "县区划代码", "所属县代码", "countycode", "xdm"};

// Aliases per role field, best first, in normal() form.
Aliases aliases(Role role, const std::string& level, const std::string& field)
{
    const bool facility = role != Role::village && role != Role::land_trusteeship && role != Role::admin_boundary &&
                          role != Role::road && role != Role::coverage;
    if (role == Role::admin_boundary) {
        const bool county = level == "county";
        if (field == "name")
            return county ? Aliases{"县名", "县名称", "县区名称", "区县名称", "县区名", "县区",
                                    "区县", "县",     "名称",     "name",     "mc"}
                          : Aliases{"乡镇名称", "乡镇名", "乡镇", "乡镇街道", "街道名称", "乡镇街道名称",
                                    "镇名",     "乡名",   "名称", "name",     "mc"};
        if (field == "code")
            return county ? Aliases{"县代码",       "县区代码", "区县代码", "县编码", "区划代码",
                                    "行政区划代码", "代码",     "编码",     "code",   "dm"}
                          : Aliases{"乡镇代码", "乡镇编码", "乡镇区划代码", "区划代码", "行政区划代码",
                                    "代码",     "编码",     "code",         "dm"};
        if (field == "county_code" && !county) return kCountyCode;
        return {};
    }
    if (field == "township_code") return kTownshipCode;
    if (field == "county_code") return kCountyCode;
    if (role == Role::village) {
        if (field == "name")
            return {"村名",       "村名称", "村庄名称", "村庄名", "行政村名称", "村委会名称", "村居名称",
                    "村社区名称", "行政村", "村庄",     "村委会", "名称",       "name",       "mc"};
        if (field == "code")
            return {"村代码",       "村编码",         "村级代码", "行政村代码", "村区划代码", "村庄代码", "区划代码",
                    "行政区划代码", "统计用区划代码", "代码",     "编码",       "code",       "dm"};
        if (field == "population")
            return {"人口",     "总人口",     "户籍人口", "人口数",     "常住人口",
                    "人口总数", "户籍人口数", "人口人",   "population", "pop"};
        if (field == "households") return {"户数", "总户数", "户籍户数", "户数户", "农户数", "households", "hh"};
        if (field == "kind") return {"类别", "村类别", "类型", "kind"};
        return {};
    }
    if (facility) {
        if (field == "name")
            return {"站名", "社名",     "网点名称", "站点名称", "服务社名称", "供销社名称", "超市名称",
                    "店名", "门店名称", "中心名称", "单位名称", "名称",       "name",       "mc"};
        if (field == "code") return {"编号", "站点编号", "网点编号", "网点代码", "编码", "代码", "code"};
        if (field == "type") return {"类型", "网点类型", "类别", "type"};
        // 建成年份 is the site's own built_year, not its opening: a site may be built one year and open the next.
        if (field == "opening_year") return {"开业年份", "成立年份", "开业时间", "openingyear"};
        if (field == "operator") return {"经营主体", "运营主体", "运营单位", "主办单位", "operator"};
        if (field == "capacity") return {"容量", "仓储容量", "capacity"};
        if (field == "staff") return {"人员", "从业人员", "员工数", "人数", "staff"};
        if (field == "built_year")
            return {"建成年份", "建成年度", "建成时间", "建设年份", "建成日期", "竣工年份", "builtyear"};
        if (field == "rebuilt_year")
            return {"改造升级年份", "改造年份", "升级年份",     "提升改造年份", "改扩建年份",
                    "改造升级时间", "改造时间", "升级改造年份", "rebuiltyear"};
        if (field == "model")
            return {"示范社", "示范点",   "是否示范社", "是否示范点", "示范社示范点",
                    "示范",   "示范等级", "示范级别",   "示范社等级", "model"};
        if (field == "state") return {"建设状态", "状态", "建设情况", "网点状态", "state", "status"};
        return {};
    }
    if (role == Role::land_trusteeship) {
        if (field == "name") return {"地块名称", "名称", "name"};
        if (field == "code") return {"地块编号", "地块代码", "地块编码", "编号", "code"};
        if (field == "kind") return {"类型", "类别", "方式", "托管方式", "经营方式", "托管类型", "kind"};
        if (field == "provider")
            return {"服务主体", "托管主体", "流转主体", "承接主体", "服务组织", "经营主体", "provider"};
        if (field == "crop") return {"作物", "种植作物", "作物类型", "主要作物", "作物名称", "crop"};
        if (field == "year") return {"年份", "年度", "托管年份", "流转年份", "year"};
        if (field == "area_mu")
            return {"面积亩",     "亩数",   "面积亩数", "托管面积亩", "流转面积亩",
                    "地块面积亩", "areamu", "托管面积", "流转面积"};
        return {};
    }
    if (role == Role::road) {
        if (field == "name") return {"道路名称", "路名", "道路编号", "名称", "name"};
        if (field == "road_class")
            return {"道路等级", "等级", "公路等级", "技术等级", "行政等级", "道路类型", "roadclass", "class", "fclass"};
        if (field == "speed")
            return {"车速",    "速度",    "设计速度", "设计时速", "限速",    "时速",
                    "车速kmh", "速度kmh", "speed",    "speedkmh", "maxspeed"};
        if (field == "oneway") return {"单行", "单向", "单行线", "oneway"};
    }
    return {};
}

// Digits a code field holds ("" for fields that are not division codes).
std::size_t code_digits(Role role, const std::string& level, const std::string& field)
{
    if (field == "township_code") return 9;
    if (field == "county_code") return 6;
    if (field != "code") return 0;
    if (role == Role::village) return 12;
    if (role == Role::admin_boundary) return level == "county" ? 6 : level == "township" ? 9 : 0;
    return 0;  // facility and parcel numbers are the office's own
}

bool numeric_field(const std::string& field)
{
    return field == "population" || field == "households" || field == "area_mu" || field == "speed" ||
           field == "year" || field == "opening_year" || field == "capacity" || field == "staff";
}

bool all_digits(const std::string& s)
{
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!std::isdigit(c)) return false;
    return true;
}

// A value as a code: integer columns and digit strings as they are; 12-digit codes of a
// township (…000) or county (…000000) count as the shorter code too.
bool is_code(const std::string& v, std::size_t digits)
{
    if (!all_digits(v)) return false;
    if (v.size() == digits) return true;
    return v.size() == 12 && digits < 12 && v.find_first_not_of('0', digits) == std::string::npos;
}

struct Content {
    std::size_t values = 0;  // not null
    std::size_t codes = 0;  // of the asked length
    std::size_t numbers = 0;  // parse as numbers
    std::string example;  // the first non-empty value
};

Content content(const Column& c, std::size_t digits)
{
    Content out;
    for (std::size_t f = 0; f < c.size(); ++f) {
        if (c.null[f]) continue;
        const std::string v = c.text(f);
        if (v.empty()) continue;
        ++out.values;
        if (out.example.empty()) out.example = v;
        if (digits && is_code(v, digits)) ++out.codes;
        if (std::isfinite(c.number(f))) ++out.numbers;
    }
    return out;
}

// Most values (all but one in twenty) of the kind asked: a few blank or mistyped cells do not
// hide a code column, a column of names never passes.
bool mostly(std::size_t hits, std::size_t values) { return values > 0 && hits * 20 >= values * 19; }

std::string label(Role role, const std::string& field)
{
    for (const auto& f : role_fields(role))
        if (f.key == field) return f.label;
    return field;
}

std::string digits_text(std::size_t digits)
{
    return digits == 12 ? " 12 位村级代码" : digits == 9 ? " 9 位乡镇代码" : " 6 位县级代码";
}

}  // namespace

std::string guess_level(const Layer& layer)
{
    for (const std::size_t digits : {std::size_t{9}, std::size_t{6}})
        for (const auto& c : layer.columns) {
            const Content k = content(c, digits);
            if (k.values && k.codes == k.values && all_digits(k.example) && k.example.size() == digits)
                return digits == 9 ? "township" : "county";
        }
    return {};
}

std::map<std::string, std::string> guess_fields(Role role, const Layer& layer, std::vector<std::string>* notes,
                                                const std::string& given_level)
{
    std::map<std::string, std::string> out;
    const auto note = [&](const std::string& n) {
        if (notes) notes->push_back(n);
    };
    const std::string level = role == Role::admin_boundary && given_level.empty() ? guess_level(layer) : given_level;
    std::set<std::string> used;
    std::vector<std::string> keys;
    for (const auto& f : role_fields(role)) keys.push_back(f.key);

    // By name: the first alias (best first) that names a column whose content fits.
    for (const auto& field : keys) {
        const std::size_t digits = code_digits(role, level, field);
        bool done = false;
        for (const char* alias : aliases(role, level, field)) {
            for (const auto& c : layer.columns) {
                if (done || used.contains(c.name) || normal(c.name) != alias) continue;
                const Content k = content(c, digits);
                if (k.values == 0) {
                    note("列“" + c.name + "”没有值，未用作" + label(role, field) + "（" + field + "）");
                    continue;
                }
                if (digits && !mostly(k.codes, k.values)) {
                    note("列“" + c.name + "”名为代码，内容却不是" + digits_text(digits) + "（如“" + k.example +
                         "”），未用作" + label(role, field) + "（" + field + "）");
                    continue;
                }
                if (numeric_field(field) && !mostly(k.numbers, k.values)) {
                    note("列“" + c.name + "”不是数字（如“" + k.example + "”），未用作" + label(role, field) + "（" +
                         field + "）");
                    continue;
                }
                out[field] = c.name;
                used.insert(c.name);
                note(label(role, field) + "（" + field + "）= 列“" + c.name + "”：按列名");
                done = true;
            }
            if (done) break;
        }
    }
    // By content: division codes of the lengths the role's code fields hold.
    for (const auto& field : keys) {
        const std::size_t digits = code_digits(role, level, field);
        if (!digits || out.contains(field)) continue;
        for (const auto& c : layer.columns) {
            if (used.contains(c.name)) continue;
            const Content k = content(c, digits);
            if (!mostly(k.codes, k.values) || k.example.size() != digits) continue;
            out[field] = c.name;
            used.insert(c.name);
            note(label(role, field) + "（" + field + "）= 列“" + c.name + "”：内容为" + digits_text(digits) + "（如“" +
                 k.example + "”）");
            break;
        }
    }
    // A population given in a column whose name only contains the word (2023年户籍人口).
    for (const auto& [field, word] : {std::pair{"population", "人口"}, {"households", "户数"}, {"area_mu", "亩"}}) {
        const auto& role_keys = keys;
        if (out.contains(field) || std::find(role_keys.begin(), role_keys.end(), field) == role_keys.end()) continue;
        for (const auto& c : layer.columns) {
            if (used.contains(c.name) || c.name.find(word) == std::string::npos) continue;
            const Content k = content(c, 0);
            if (!mostly(k.numbers, k.values)) continue;
            out[field] = c.name;
            used.insert(c.name);
            note(label(role, field) + "（" + field + "）= 列“" + c.name + "”：列名含“" + word + "”");
            break;
        }
    }
    // What is left unsaid that an analysis needs.
    const bool placed = role == Role::village || role == Role::land_trusteeship ||
                        (role != Role::admin_boundary && role != Role::road && role != Role::coverage);
    if (placed) {
        // Names of the township or county a feature belongs to are no codes to group by.
        for (const auto& c : layer.columns)
            for (const char* n :
                 {"乡镇", "乡镇名称", "所属乡镇", "乡镇街道", "街道", "县", "县区", "县名", "所属县", "区县"})
                if (!used.contains(c.name) && normal(c.name) == n)
                    note("列“" + c.name + "”是名称而非代码（如“" + content(c, 0).example + "”），不用于归属");
        if (!out.contains("township_code") && !out.contains("county_code"))
            note("没有乡镇代码、县代码列：按位置从乡镇界、县界取得");
    }
    if (role == Role::admin_boundary && level != "county" && !out.contains("county_code"))
        note("没有县代码列：按位置从县界取得");
    if (role == Role::village && !out.contains("population")) note("没有人口列：覆盖人口无法统计");
    if (role == Role::land_trusteeship && !out.contains("area_mu")) note("没有面积（亩）列：按地块几何面积计算");
    if (!out.contains("name")) note("没有找到名称列");
    return out;
}

}  // namespace coopmap::intake
