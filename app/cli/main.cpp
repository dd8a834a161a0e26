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

std::optional<double> parse_distance(std::string s)
{
    std::erase(s, ' ');
    double scale = 1;
    for (const auto& [suffix, k] : {std::pair{"km", 1000.0}, {"公里", 1000.0}, {"千米", 1000.0}, {"m", 1.0}, {"米", 1.0}})
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

int& exit_status()
{
    static int status = 2;
    return status;
}

}  // namespace coopmap::cli

int main(int argc, char** argv)
{
    CLI::App app{"CoopMap 供销服务网络一张图 — command line"};
    app.set_version_flag("--version", COOPMAP_VERSION);
    app.require_subcommand(1);

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

    CLI11_PARSE(app, argc, argv);
    return coopmap::cli::exit_status();
}
