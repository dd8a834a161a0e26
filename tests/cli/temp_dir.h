// A folder of a test's own for the files it makes and the files the CLI writes, removed with
// everything in it when the test ends.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

namespace coopmap::test {

struct TempDir {
    std::filesystem::path path;
    // Named after the process, the test and a count, so that tests run side by side (ctest -j) and
    // two folders in one test never share a name.
    explicit TempDir(const std::string& prefix)
    {
        static std::atomic<int> made{0};
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        path =
            std::filesystem::temp_directory_path() / (prefix + "_" + std::to_string(::getpid()) + "_" +
                                                      (test ? test->name() : "suite") + "_" + std::to_string(made++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (path / name).string(); }
};

}  // namespace coopmap::test
