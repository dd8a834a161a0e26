// import: moves a project's layers into PostgreSQL + PostGIS (GDAL's PG driver), one table a
// layer with the version column the shared editing needs, and points the project at them.
#include <cctype>
#include <cstdio>
#include <memory>
#include <set>
#include <string>

#include "commands.h"
#include "edit/pg_store.h"
#include "io/gdal_reader.h"
#include "io/project_layers.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

struct ImportOptions {
    std::string project, to, out;
    bool replace = false;
};

// A table name from the layer id: lower-case ASCII letters, digits and '_', so that nobody
// has to quote it in SQL (the code quotes it anyway).
std::string table_name(const std::string& id, std::size_t index, std::set<std::string>& used)
{
    std::string t;
    for (unsigned char c : id) t += std::isalnum(c) && c < 0x80 ? static_cast<char>(std::tolower(c)) : '_';
    if (t.find_first_not_of('_') == std::string::npos) t = "layer_" + std::to_string(index + 1);
    if (std::isdigit(static_cast<unsigned char>(t[0]))) t = "t_" + t;
    std::string unique = t;
    for (int n = 2; used.count(unique); ++n) unique = t + "_" + std::to_string(n);
    used.insert(unique);
    return unique;
}

int import_project(const ImportOptions& o)
{
    if (!edit::pg::is_postgis(o.to))
        return fail(Error{o.to, {}, {}, "--to 需要 PostgreSQL 连接串，如 \"PG:host=服务器 dbname=coopmap user=…\""});
    auto project = read_project(o.project);
    if (!project) return fail(project.error());
    Project moved = *project;
    std::set<std::string> used;
    for (std::size_t i = 0; i < project->layers.size(); ++i) {
        const LayerConfig& config = project->layers[i];
        if (edit::pg::is_postgis(config.source)) {
            std::printf("%s：已在数据库中，跳过\n", config.id.c_str());
            continue;
        }
        auto loaded = io::read_layer(io::source_spec(*project, config));
        if (!loaded) return fail(loaded.error());
        for (const auto& s : loaded->skipped) std::fprintf(stderr, "跳过：%s\n", s.text().c_str());
        std::fputs(analysis::problems_text(loaded->problems).c_str(), stderr);
        const std::string table = table_name(config.id, i, used);
        if (auto made = edit::pg::create_table(loaded->layer, o.to, table, o.replace); !made) {
            Error e = made.error();
            e.layer = config.id + " → " + table;
            e.message += "；项目文件未改动";
            return fail(e);
        }
        LayerConfig& target = moved.layers[i];
        target.source = o.to;
        target.layer = table;
        target.crs.clear();  // stored as WGS84 (EPSG:4326), GCJ-02/BD-09 already undone
        target.encoding.clear();  // PostgreSQL text is UTF-8
        std::printf("%s → 表 %s：%zu 个要素\n", config.id.c_str(), table.c_str(), loaded->layer.size());
    }
    const std::string out = o.out.empty() ? o.project : o.out;
    if (auto saved = save_project(moved, out); !saved) return fail(saved.error());
    std::printf("项目文件 %s 已指向数据库\n", out.c_str());
    return 0;
}

}  // namespace

void add_import(CLI::App& app)
{
    auto* cmd =
        app.add_subcommand("import", "把项目的图层导入 PostgreSQL/PostGIS (move a project's layers into PostGIS)");
    auto o = std::make_shared<ImportOptions>();
    cmd->add_option("project", o->project, "项目文件 (.coopmap)")->required();
    cmd->add_option("--to", o->to, "数据库连接串，如 \"PG:host=… dbname=… user=…\"")->required();
    cmd->add_option("--out", o->out, "写出新的项目文件；默认改写原项目文件");
    cmd->add_flag("--replace", o->replace, "覆盖数据库中同名的表");
    cmd->callback([o] { exit_status() = import_project(*o); });
}

}  // namespace coopmap::cli
