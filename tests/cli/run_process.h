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

// A program's output taken apart: lines or fields by a separator, words by white space.
std::vector<std::string> split(const std::string& s, char sep);
std::vector<std::string> words(const std::string& line);

}  // namespace coopmap::test
