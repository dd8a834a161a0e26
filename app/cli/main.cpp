// coopmap-cli: the engine from the command line; the same functions the GUI calls.
#include <cstdio>

#include "commands.h"

namespace coopmap::cli {

int fail(const Error& e)
{
    std::fprintf(stderr, "coopmap-cli: %s\n", e.text().c_str());
    return 1;
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
