// coopmap-cli's subcommands, one file each. Each add_* registers its subcommand on the
// app with a callback that sets the exit status; main() only parses.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "analysis/project_data.h"
#include "model/error.h"

namespace coopmap::cli {

// Prints the one-line error to stderr and returns the exit status for it (1).
int fail(const Error& e);

// Says on stderr, once, what loading found: features skipped, codes that match no boundary…
void warn(const analysis::ProjectData& data);

// "3km", "3 km", "3公里", "3000m", "3000": metres; anything else (or <= 0) is nullopt.
std::optional<double> parse_distance(std::string text);

// --year Y on a subcommand: the network as it stood at the end of year Y (1949..2100).
CLI::Option* add_year_option(CLI::App& cmd, int& year, const std::string& help, bool required = false);

// The exit status the chosen subcommand's callback left.
int& exit_status();

void add_info(CLI::App& app);
void add_coverage(CLI::App& app);
void add_trusteeship(CLI::App& app);
void add_network(CLI::App& app);
void add_convert(CLI::App& app);
void add_synth(CLI::App& app);
void add_tiles(CLI::App& app);
void add_plan(CLI::App& app);
void add_import(CLI::App& app);
void add_render(CLI::App& app);
void add_report(CLI::App& app);
void add_new(CLI::App& app);
void add_progress(CLI::App& app);
void add_services(CLI::App& app);
void add_routes(CLI::App& app);
void add_dispatch(CLI::App& app);

}  // namespace coopmap::cli
