// Runs a program of ours as a user would, capturing exit code, stdout and stderr.
#pragma once

#include <string>
#include <vector>

namespace coopmap::test {

struct ProcessResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args);

}  // namespace coopmap::test
