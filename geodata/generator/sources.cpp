#include "sources.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace coopmap::sample {

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot read");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The inputs are plain comma-separated UTF-8 without quoting (checked here), CRLF or LF.
struct Csv {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    std::size_t column(const fs::path& file, const std::string& name) const
    {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return i;
        throw std::runtime_error(file.string() + ": no column '" + name + "'");
    }
};

Csv read_csv(const fs::path& file)
{
    std::istringstream in(read_text(file));
    Csv csv;
    std::string line;
    std::size_t row = 0;
    while (std::getline(in, line)) {
        ++row;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        if (line.find('"') != std::string::npos)
            throw std::runtime_error(file.string() + ":" + std::to_string(row) + ": quoted CSV is not expected");
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream ls(line);
        while (std::getline(ls, cell, ',')) cells.push_back(cell);
        if (line.back() == ',') cells.emplace_back();
        if (csv.header.empty()) {
            csv.header = std::move(cells);
            continue;
        }
        if (cells.size() != csv.header.size())
            throw std::runtime_error(file.string() + ":" + std::to_string(row) + ": expected " +
                                     std::to_string(csv.header.size()) + " columns");
        csv.rows.push_back(std::move(cells));
    }
    return csv;
}

double number(const fs::path& file, const std::string& text)
{
    std::size_t used = 0;
    const double v = std::stod(text, &used);
    if (used != text.size()) throw std::runtime_error(file.string() + ": not a number: " + text);
    return v;
}

bool all_digits(const std::string& s, std::size_t n)
{
    if (s.size() != n) return false;
    for (const char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

std::vector<LonLat> ring(const nlohmann::json& j)
{
    std::vector<LonLat> out;
    for (const auto& p : j) out.push_back({p.at(0).get<double>(), p.at(1).get<double>()});
    return out;
}

}  // namespace

Sources read_sources(const fs::path& dir)
{
    Sources s;

    const fs::path counties_file = dir / "xiangyang_counties.csv";
    const Csv counties = read_csv(counties_file);
    for (const auto& r : counties.rows) {
        CountySource c;
        c.code = r[counties.column(counties_file, "code")];
        c.name = r[counties.column(counties_file, "name")];
        if (!all_digits(c.code, 6)) throw std::runtime_error(counties_file.string() + ": bad code " + c.code);
        s.counties.push_back(c);
    }
    std::map<std::string, CountySource*> by_code;
    for (auto& c : s.counties) by_code[c.code] = &c;
    const auto county = [&](const fs::path& file, const std::string& code) -> CountySource& {
        const auto it = by_code.find(code);
        if (it == by_code.end()) throw std::runtime_error(file.string() + ": unknown county code " + code);
        return *it->second;
    };

    const fs::path seats_file = dir / "xiangyang_county_seats.csv";
    const Csv seats = read_csv(seats_file);
    for (const auto& r : seats.rows) {
        auto& c = county(seats_file, r[seats.column(seats_file, "code")]);
        c.seat_name = r[seats.column(seats_file, "seat")];
        c.seat = {number(seats_file, r[seats.column(seats_file, "lon")]),
                  number(seats_file, r[seats.column(seats_file, "lat")])};
    }

    const fs::path facts_file = dir / "xiangyang_county_facts.csv";
    const Csv facts = read_csv(facts_file);
    for (const auto& r : facts.rows) {
        auto& c = county(facts_file, r[facts.column(facts_file, "code")]);
        c.area_km2 = number(facts_file, r[facts.column(facts_file, "area_km2")]);
        c.shape_centre = {number(facts_file, r[facts.column(facts_file, "shape_lon")]),
                          number(facts_file, r[facts.column(facts_file, "shape_lat")])};
        c.ruggedness = number(facts_file, r[facts.column(facts_file, "ruggedness")]);
    }
    for (const auto& c : s.counties)
        if (c.seat.lon == 0 || c.area_km2 <= 0)
            throw std::runtime_error(dir.string() + ": county " + c.code + " lacks a seat or facts row");

    const fs::path townships_file = dir / "xiangyang_townships.csv";
    const Csv townships = read_csv(townships_file);
    std::set<std::string> township_codes;
    for (const auto& r : townships.rows) {
        TownshipSource t;
        t.code = r[townships.column(townships_file, "code")];
        t.name = r[townships.column(townships_file, "name")];
        t.county_code = r[townships.column(townships_file, "areaCode")];
        if (!all_digits(t.code, 9) || t.code.substr(0, 6) != t.county_code)
            throw std::runtime_error(townships_file.string() + ": bad township code " + t.code);
        county(townships_file, t.county_code);
        if (!township_codes.insert(t.code).second)
            throw std::runtime_error(townships_file.string() + ": duplicate code " + t.code);
        s.townships.push_back(t);
    }

    const fs::path villages_file = dir / "xiangyang_villages.csv";
    const Csv villages = read_csv(villages_file);
    std::set<std::string> village_codes;
    for (const auto& r : villages.rows) {
        VillageSource v;
        v.code = r[villages.column(villages_file, "code")];
        v.name = r[villages.column(villages_file, "name")];
        v.township_code = r[villages.column(villages_file, "streetCode")];
        v.county_code = r[villages.column(villages_file, "areaCode")];
        if (!all_digits(v.code, 12) || v.code.substr(0, 9) != v.township_code ||
            !township_codes.contains(v.township_code))
            throw std::runtime_error(villages_file.string() + ": bad village code " + v.code);
        if (!village_codes.insert(v.code).second)
            throw std::runtime_error(villages_file.string() + ": duplicate code " + v.code);
        s.villages.push_back(v);
    }

    const fs::path outline_file = dir / "xiangyang_outline.geojson";
    const auto outline = nlohmann::json::parse(read_text(outline_file));
    for (const auto& f : outline.at("features")) {
        const auto& g = f.at("geometry");
        const std::string type = g.at("type").get<std::string>();
        const auto add_polygon = [&](const nlohmann::json& rings) {
            std::vector<std::vector<LonLat>> polygon;
            for (const auto& r : rings) polygon.push_back(ring(r));
            s.outline_gcj02.push_back(std::move(polygon));
        };
        if (type == "Polygon") add_polygon(g.at("coordinates"));
        else if (type == "MultiPolygon")
            for (const auto& p : g.at("coordinates")) add_polygon(p);
        else throw std::runtime_error(outline_file.string() + ": unexpected geometry " + type);
    }
    if (s.outline_gcj02.empty()) throw std::runtime_error(outline_file.string() + ": no outline");
    return s;
}

}  // namespace coopmap::sample
