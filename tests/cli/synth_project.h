// The generated project the paper tests run on besides the bundled sample: 10,000 villages
// over a China-sized extent from `coopmap-cli synth` (tests/geodata/synth_test.cpp), its
// facilities as 村级综合服务社 within the project's 3 km, and a scenario of kSynthSites sites
// on uncovered villages. Made once per test process, on first use; removed at exit.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace coopmap::test {

inline constexpr int kSynthVillages = 10000;
inline constexpr int kSynthSites = 64;

struct SynthProject {
    std::filesystem::path dir;
    std::string project;  // the *.coopmap
    std::string name;  // the project's name, as the footers print it
    std::string scenario;  // its one scenario's name
    std::vector<std::string> sites;  // the scenario's site names, in its order
};

// Fails the calling test (and returns a project with an empty path) when it cannot be made.
const SynthProject& synth_project();

}  // namespace coopmap::test
