#include "analysis/project_data.h"

#include <unordered_map>

#include "analysis/coverage_run.h"
#include "model/fields.h"

namespace coopmap::analysis {

Status check_field_mapping(const Project& project, const LayerConfig& cfg, const Layer& layer)
{
    for (const auto& [key, column] : cfg.fields) {
        if (key == "level") continue;  // the boundary's level, not a column
        if (field_column(layer, cfg, key)) continue;
        std::string have;
        for (const auto& c : layer.columns) have += (have.empty() ? "" : "、") + c.name;
        return Error{project.source_path(cfg), cfg.title.empty() ? cfg.id : cfg.title, "fields." + key,
                     "字段映射 " + key + " → “" + column + "”：数据中没有这一列（它有的列：" +
                         (have.empty() ? std::string("无") : have) + "）。请在项目文件中改正列名，或删去这一映射"};
    }
    return Done{};
}

Status join_table(const Project& project, const LayerConfig& cfg, Layer& layer, const Join& join,
                  const std::vector<Column>& table, std::size_t rows, std::vector<Error>& problems)
{
    const std::string file = project.resolve(join.source);
    const std::string title = cfg.title.empty() ? cfg.id : cfg.title;
    const auto table_column = [&](const std::string& name) -> const Column* {
        for (const auto& c : table)
            if (c.name == name) return &c;
        return nullptr;
    };
    std::string have;
    for (const auto& c : table) have += (have.empty() ? "" : "、") + c.name;
    const Column* key = table_column(join.key);
    if (!key)
        return Error{file, title, "joins.key",
                     "连接表中没有列“" + join.key + "”（它有的列：" + have + "）：请在项目文件的 joins 中改正 key"};
    const Column* on = field_column(layer, cfg, join.on);
    if (!on)
        return Error{project.source_path(cfg), title, "joins.on",
                     "图层没有 " + join.on + " 字段，无法按它连接表 " + join.source + "：请先在 fields 中映射代码列"};
    std::vector<const Column*> take;
    if (join.columns.empty()) {
        for (const auto& c : table)
            if (&c != key) take.push_back(&c);
    } else {
        for (const auto& name : join.columns) {
            const Column* c = table_column(name);
            if (!c)
                return Error{file, title, "joins.columns",
                             "连接表中没有列“" + name + "”（它有的列：" + have + "）：请在 joins 的 columns 中改正"};
            take.push_back(c);
        }
    }
    for (const Column* c : take)
        if (layer.column(c->name))
            return Error{file, title, "joins.columns",
                         "图层已有列“" + c->name + "”：请在 joins 的 columns 中只列出图层没有的列"};

    std::unordered_map<std::string, std::size_t> row_of;
    std::size_t repeated = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        const std::string k = key->text(r);
        if (k.empty()) continue;
        if (!row_of.emplace(k, r).second) ++repeated;
    }
    std::vector<std::size_t> match(layer.size(), rows);
    std::vector<std::uint8_t> used(rows, 0);
    std::size_t unmatched_features = 0;
    std::string feature_example;
    for (std::size_t f = 0; f < layer.size(); ++f) {
        const auto it = row_of.find(on->text(f));
        if (it == row_of.end()) {
            if (++unmatched_features == 1)
                feature_example = on->text(f).empty() ? "要素 " + std::to_string(f + 1) : on->text(f);
            continue;
        }
        match[f] = it->second;
        used[it->second] = 1;
    }
    // The layer's columns are added last: `on` points into layer.columns until then.
    for (const Column* c : take) {
        Column out;
        out.name = c->name;
        out.type = c->type;
        for (std::size_t f = 0; f < layer.size(); ++f) {
            const std::size_t r = match[f];
            if (r == rows || c->null[r]) {
                out.push_null();
                continue;
            }
            out.null.push_back(0);
            switch (c->type) {
            case FieldType::integer: out.integers.push_back(c->integers[r]); break;
            case FieldType::real: out.reals.push_back(c->reals[r]); break;
            case FieldType::text: out.texts.push_back(c->texts[r]); break;
            }
        }
        layer.columns.push_back(std::move(out));
    }
    std::size_t unused = 0;
    std::string row_example;
    for (std::size_t r = 0; r < rows; ++r)
        if (!used[r] && ++unused == 1)
            row_example = "第 " + std::to_string(r + 2) + " 行 " + join.key + " " + key->text(r);
    if (unused)
        problems.push_back(Error{file,
                                 title,
                                 {},
                                 std::to_string(unused) + " 行在图层中找不到对应的要素（如" + row_example +
                                     "）：这些行的数据没有用上，请核对代码"});
    if (unmatched_features)
        problems.push_back(Error{project.source_path(cfg),
                                 title,
                                 {},
                                 std::to_string(unmatched_features) + " 个要素在连接表 " + join.source +
                                     " 中没有对应行（如 " + feature_example + "）：它们的" +
                                     (take.empty() ? std::string("数据") : "“" + take.front()->name + "”等列") +
                                     "为空"});
    if (repeated)
        problems.push_back(
            Error{file, title, {}, std::to_string(repeated) + " 行的 " + join.key + " 与前面的行重复：只用了第一行"});
    return Done{};
}

namespace {

// A character from Unicode's private use area (U+E000–U+F8FF) in UTF-8: a GBK user-defined
// character (a rare name character an office typed in its own font) that no other machine shows.
bool has_private_use(const std::string& s)
{
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
        if (a == 0xEE || (a == 0xEF && b < 0xA4)) return true;
    }
    return false;
}

// Names that show as empty boxes on the map, in search and on paper are said, not drawn silently.
void check_names(const Project& project, const LayerConfig& cfg, const Layer& layer, std::vector<Error>& problems)
{
    const Column* name = mapped_column(cfg, layer, "name");
    if (!name || name->type != FieldType::text) return;
    std::size_t count = 0, first = 0;
    for (std::size_t f = 0; f < name->size(); ++f)
        if (!name->null[f] && has_private_use(name->texts[f]) && count++ == 0) first = f;
    if (count)
        problems.push_back(Error{project.source_path(cfg), cfg.title.empty() ? cfg.id : cfg.title,
                                 "要素 " + std::to_string(first + 1),
                                 std::to_string(count) + " 个名称含有自造字（Unicode 私用区，如“" + name->texts[first] +
                                     "”），别的电脑上显示为方框：请在数据中改用标准汉字或拼音"});
}

}  // namespace

Status apply_joins(const Project& project, std::vector<Layer>& layers, std::vector<Error>& problems)
{
    for (std::size_t i = 0; i < project.layers.size() && i < layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        for (const auto& join : cfg.joins) {
            io::SourceSpec spec{project.resolve(join.source), join.layer, {}, join.encoding, cfg.role, join.source};
            const auto table = io::read_table(spec);
            if (!table) return table.error();
            if (auto ok = join_table(project, cfg, layers[i], join, table->columns, table->rows, problems); !ok)
                return ok.error();
        }
    }
    return Done{};
}

Result<PlacementReport> check_and_place(const Project& project, std::vector<Layer>& layers,
                                        std::vector<Error>& problems, const Progress& progress)
{
    for (std::size_t i = 0; i < project.layers.size() && i < layers.size(); ++i)
        check_names(project, project.layers[i], layers[i], problems);
    auto placed = place_by_location(project, layers, progress);
    if (!placed) return placed.error();
    problems.insert(problems.end(), placed->problems.begin(), placed->problems.end());
    return placed;
}

Result<ProjectData> load_project(const Project& project, const Progress& progress)
{
    // Reading is most of the time; placing the rest.
    const auto read_progress = [&progress](double done) { return !progress || progress(0.8 * done); };
    auto read = io::load_project_layers(project, read_progress);
    if (!read) return read.error();
    ProjectData out;
    out.layers = std::move(read->layers);
    out.skipped = std::move(read->skipped);
    out.problems = std::move(read->problems);
    // Joined tables first: a mapping may name a column a table brings (population → 人口).
    if (auto joined = apply_joins(project, out.layers, out.problems); !joined) return joined.error();
    for (std::size_t i = 0; i < project.layers.size(); ++i)
        if (auto ok = check_field_mapping(project, project.layers[i], out.layers[i]); !ok) return ok.error();
    auto placed = check_and_place(project, out.layers, out.problems,
                                  [&progress](double done) { return !progress || progress(0.8 + 0.2 * done); });
    // A cancel while placing reads as one while reading: the load was cancelled.
    if (!placed) return is_cancelled(placed.error()) ? cancelled_error("已取消加载", project.file) : placed.error();
    out.placement = std::move(*placed);
    return out;
}

Result<ProjectData> load_project(const Project& project, const Feedback& feedback)
{
    return load_project(project, feedback.callback());
}

std::string problems_text(const std::vector<Error>& problems)
{
    std::string out;
    for (const auto& p : problems) out += "注意：" + p.text() + "\n";
    return out;
}

}  // namespace coopmap::analysis
