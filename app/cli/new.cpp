// new: a project from the files, folders and zips a county office sends — every layer's role,
// CRS, encoding and field mapping guessed, each guess printed so the user can correct it with
// --role/--crs/--encoding. The window's 新建项目 dialog calls the same intake::draft_project.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "intake/intake.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

struct NewArgs {
    std::vector<std::string> paths, crs, role, encoding;
    std::string out, name;
    bool force = false;
};

// FILE=VALUE options into a map; the value may hold '=' itself (a PROJ string).
Result<std::map<std::string, std::string>> pairs(const std::vector<std::string>& items, const std::string& flag,
                                                 const std::string& example)
{
    std::map<std::string, std::string> out;
    for (const auto& item : items) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0)
            return Error{item, {}, {}, flag + " " + item + "：应写成 " + flag + " 文件=值，如 " + flag + " " + example};
        out[item.substr(0, eq)] = item.substr(eq + 1);
    }
    return out;
}

std::string shown_file(const intake::FoundSource& s)
{
    std::string f = s.zip.empty() ? s.file : s.zip + "/" + s.file;
    if (!s.layer.empty()) f += "（图层 " + s.layer + "）";
    return f;
}

std::string role_text(const intake::LayerGuess& g)
{
    if (!g.role_known) return "（角色未知）";
    const auto& c = g.config;
    std::string zh(role_name_zh(c.role));
    if (c.role == Role::admin_boundary) zh = c.level == "county" ? "县界" : c.level == "township" ? "乡镇界" : zh;
    return zh + "（" + std::string(role_key(c.role)) + (c.level.empty() ? "" : ":" + c.level) + "）";
}

void print_report(const intake::ProjectDraft& d)
{
    std::printf("找到 %zu 个图层%s：\n", d.layers.size(),
                d.tables.empty() ? "" : ("、" + std::to_string(d.tables.size()) + " 个表格").c_str());
    for (const auto& g : d.layers) {
        const std::string key = g.source.zip.empty() ? g.source.file : g.source.zip;
        std::printf("  %s → %s，%zu 个要素，图层 id %s\n", shown_file(g.source).c_str(), role_text(g).c_str(),
                    g.features, g.config.id.c_str());
        if (!g.problem) std::printf("    坐标系：%s；编码：%s\n", g.crs_label.c_str(), g.encoding.c_str());
        std::string fields;
        for (const auto& [field, column] : g.config.fields)
            fields += (fields.empty() ? "" : "，") + field + "=" + column;
        if (g.role_known) std::printf("    字段：%s\n", fields.empty() ? "无" : fields.c_str());
        for (const auto& n : g.notes) std::printf("    · %s\n", n.c_str());
        if (g.ask_offset)
            std::printf("    请确认：坐标若取自高德/腾讯地图，加 --crs %s=GCJ02；取自百度地图，加 --crs %s=BD09\n",
                        key.c_str(), key.c_str());
        if (!g.role_known)
            std::printf("    请指定：--role %s=ROLE（如 village、village_service_station、admin_boundary:township）\n",
                        key.c_str());
    }
    for (const auto& t : d.tables) {
        std::string columns;
        for (const auto& c : t.columns) columns += (columns.empty() ? "" : "，") + c;
        std::printf("  %s → 表格（无几何），%zu 行；列：%s\n", shown_file(t).c_str(), t.features, columns.c_str());
        std::printf("    · 没有坐标：不是图层，可在项目文件中按代码连接到图层\n");
    }
}

int run_new(const NewArgs& a)
{
    intake::NewProjectOptions options;
    options.name = a.name;
    auto crs = pairs(a.crs, "--crs", "村庄.xlsx=GCJ02");
    if (!crs) return fail(crs.error());
    auto role = pairs(a.role, "--role", "村庄.xlsx=village");
    if (!role) return fail(role.error());
    auto encoding = pairs(a.encoding, "--encoding", "乡镇界.shp=CP936");
    if (!encoding) return fail(encoding.error());
    options.crs = std::move(*crs);
    options.role = std::move(*role);
    options.encoding = std::move(*encoding);

    std::error_code ec;
    if (std::filesystem::exists(a.out, ec) && !a.force)
        return fail(Error{a.out, {}, {}, "项目文件已存在：换一个 --out，或加 --force 覆盖"});

    const auto draft = intake::draft_project(a.paths, options);
    if (!draft) return fail(draft.error());
    print_report(*draft);
    const auto project = intake::project_from_draft(*draft, a.out);
    if (!project) return fail(project.error());
    if (auto saved = save_project(*project, a.out); !saved) return fail(saved.error());
    // What was written must read back as the same project, or the user would open another one.
    const auto again = read_project(a.out);
    if (!again) return fail(again.error());
    if (project_json(*again) != project_json(*project))
        return fail(Error{a.out, {}, {}, "写出的项目文件读回后与写出的不同，请报告此问题"});
    std::printf("已写出项目 %s：%zu 个图层\n", a.out.c_str(), project->layers.size());
    return 0;
}

}  // namespace

void add_new(CLI::App& app)
{
    auto* cmd = app.add_subcommand(
        "new",
        "由县里送来的数据（文件、文件夹、.zip）新建项目：自动判断角色、坐标系、编码和字段 (new project from files)");
    auto a = std::make_shared<NewArgs>();
    cmd->add_option("path", a->paths, "数据文件或文件夹（可多个；.zip 中的 Shapefile 等也可）")->required();
    cmd->add_option("--out", a->out, "写出的项目文件 *.coopmap")->required();
    cmd->add_option("--crs", a->crs, "某文件的坐标系：文件=EPSG:4490、GCJ02（高德/腾讯）、BD09（百度）或 WGS84")
        ->allow_extra_args(false);
    cmd->add_option("--role", a->role, "某文件的角色：文件=village、village_service_station、admin_boundary:township…")
        ->allow_extra_args(false);
    cmd->add_option("--encoding", a->encoding, "某文件的文字编码：文件=CP936 或 UTF-8")->allow_extra_args(false);
    cmd->add_option("--name", a->name, "项目名称，默认取第一个文件夹或文件的名字");
    cmd->add_flag("--force", a->force, "覆盖已有的项目文件");
    cmd->callback([a] { exit_status() = run_new(*a); });
}

}  // namespace coopmap::cli
