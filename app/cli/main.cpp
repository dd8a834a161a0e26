// coopmap-cli: the engine from the command line; the same functions the GUI calls.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "commands.h"

namespace coopmap::cli {

int fail(const Error& e)
{
    std::fprintf(stderr, "coopmap-cli: %s\n", e.text().c_str());
    return 1;
}

void warn(const analysis::ProjectData& data)
{
    for (const auto& s : data.skipped) std::fprintf(stderr, "跳过：%s\n", s.text().c_str());
    std::fputs(analysis::problems_text(data.problems).c_str(), stderr);
}

std::optional<double> parse_distance(std::string s)
{
    std::erase(s, ' ');
    double scale = 1;
    for (const auto& [suffix, k] :
         {std::pair{"km", 1000.0}, {"公里", 1000.0}, {"千米", 1000.0}, {"m", 1.0}, {"米", 1.0}})
        if (s.size() > std::string(suffix).size() && s.ends_with(suffix)) {
            s.resize(s.size() - std::string(suffix).size());
            scale = k;
            break;
        }
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || *end != '\0' || !(v > 0)) return std::nullopt;
    return v * scale;
}

CLI::Option* add_year_option(CLI::App& cmd, int& year, const std::string& help, bool required)
{
    auto* o = cmd.add_option("--year", year, help)->check(CLI::Range(1949, 2100));
    if (required) o->required();
    return o;
}

int& exit_status()
{
    static int status = 2;
    return status;
}

}  // namespace coopmap::cli

int main(int argc, char** argv)
{
    CLI::App app{"CoopMap 供销服务网络一张图 — 命令行"};
    // Help in Chinese; subcommands made below take these over (CLI11 copies them at creation).
    app.option_defaults()->group("选项");
    app.set_help_flag("-h,--help", "显示帮助并退出");
    app.set_version_flag("--version", COOPMAP_VERSION, "显示版本并退出");
    auto fmt = app.get_formatter();
    for (const auto& [key, label] : {std::pair{"Usage", "用法"},
                                     {"OPTIONS", "选项"},
                                     {"SUBCOMMAND", "子命令"},
                                     {"SUBCOMMANDS", "子命令"},
                                     {"Positionals", "参数"},
                                     {"Subcommands", "子命令"},
                                     {"REQUIRED", "必填"},
                                     {"TEXT", "文本"},
                                     {"INT", "整数"},
                                     {"FLOAT", "数"}})
        fmt->label(key, label);
    app.require_subcommand(1);

    coopmap::cli::add_new(app);
    coopmap::cli::add_info(app);
    coopmap::cli::add_coverage(app);
    coopmap::cli::add_trusteeship(app);
    coopmap::cli::add_network(app);
    coopmap::cli::add_convert(app);
    coopmap::cli::add_synth(app);
    coopmap::cli::add_tiles(app);
    coopmap::cli::add_plan(app);
    coopmap::cli::add_import(app);
    coopmap::cli::add_render(app);
    coopmap::cli::add_report(app);
    coopmap::cli::add_progress(app);
    coopmap::cli::add_services(app);
    coopmap::cli::add_routes(app);
    coopmap::cli::add_dispatch(app);

    for (auto* sub : app.get_subcommands({})) {
        sub->group("子命令");
        sub->get_help_ptr()->group("选项");
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        // CLI11's own finds (a missing project, a number that is not one…): one Chinese line,
        // exit 1 like every other error, CLI11's words kept for the detail.
        const auto parsed = app.get_subcommands();
        const std::string sub = parsed.empty() ? "" : " " + parsed.front()->get_name();
        std::fprintf(stderr, "coopmap-cli: 命令行参数有误（%s）：请运行 coopmap-cli%s --help 查看用法\n", e.what(),
                     sub.c_str());
        return 1;
    }
    return coopmap::cli::exit_status();
}
