// coopmap-make-sample: makes geodata/xiangyang.gpkg and geodata/xiangyang.coopmap from
// the real public inputs in geodata/sources/. Deterministic: the same seed gives the
// same feature content, so the committed sample can always be re-made and compared.
#include <chrono>
#include <exception>
#include <filesystem>
#include <format>
#include <iostream>

#include <CLI/CLI.hpp>

#include "admin.h"
#include "network.h"
#include "sample_layers.h"
#include "settlements.h"
#include "sources.h"

namespace fs = std::filesystem;
using namespace coopmap::sample;

int main(int argc, char** argv)
{
    CLI::App app{"Makes the bundled Xiangyang sample (xiangyang.gpkg + xiangyang.coopmap)"};
    std::string sources_dir = "geodata/sources";
    std::string out_dir = "geodata";
    std::uint64_t seed = 20221125;
    app.add_option("--sources", sources_dir, "folder with the real public inputs")->check(CLI::ExistingDirectory);
    app.add_option("--out", out_dir, "folder to write xiangyang.gpkg and xiangyang.coopmap into")
        ->check(CLI::ExistingDirectory);
    app.add_option("--seed", seed, "random seed (the committed sample uses the default)");
    CLI11_PARSE(app, argc, argv);

    try {
        const auto start = std::chrono::steady_clock::now();
        const Sources sources = read_sources(sources_dir);
        std::clog << std::format("sources: {} counties, {} townships, {} villages\n", sources.counties.size(),
                                 sources.townships.size(), sources.villages.size());
        const Geos geos;
        const LocalFrame frame(112.0, 32.0);
        const Random root(seed);

        const AdminAreas areas = make_admin_areas(geos, sources, frame, root, std::clog);
        check_admin_areas(geos, areas, std::clog);
        const std::vector<Village> villages = place_villages(geos, areas, sources, frame, root);
        check_villages(geos, areas, villages);
        const Network network = make_network(geos, areas, villages, frame, root);
        check_network(geos, areas, villages, network, std::clog);

        const fs::path gpkg = fs::path(out_dir) / "xiangyang.gpkg";
        write_sample(geos, areas, villages, network, gpkg);
        const fs::path project = fs::path(out_dir) / "xiangyang.coopmap";
        write_project(areas, villages, network, project);

        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::clog << std::format("wrote {} ({} bytes) and {} in {:.1f} s\n", gpkg.string(), fs::file_size(gpkg),
                                 project.string(), seconds);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "coopmap-make-sample: " << e.what() << '\n';
        return 1;
    }
}
