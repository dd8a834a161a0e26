// The exit status of a Google Benchmark program: a run stopped with SkipWithError (our code or a
// peer that failed: a PostGIS server that did not start, a sample that did not load) makes the
// program exit 1, so that `./dev bench` and CI cannot report a bench that gave no answer as passed.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace coopmap::bench {

class FailureCountingReporter : public benchmark::ConsoleReporter {
public:
    using benchmark::ConsoleReporter::ConsoleReporter;
    void ReportRuns(const std::vector<Run>& runs) override
    {
        for (const auto& r : runs)
            if (r.skipped == benchmark::internal::SkippedWithError)
                failed_.push_back(r.benchmark_name() + ": " + r.skip_message);
        benchmark::ConsoleReporter::ReportRuns(runs);
    }
    const std::vector<std::string>& failed() const { return failed_; }

private:
    std::vector<std::string> failed_;
};

// Initialize + run + Shutdown; 0 when every run gave an answer, else 1 with what failed listed.
inline int run_benchmarks(int& argc, char** argv)
{
    // The console reporter made here does not read the flag itself.
    bool tabular = false;
    for (int i = 1; i < argc; ++i) tabular = tabular || std::strcmp(argv[i], "--benchmark_counters_tabular=true") == 0;
    benchmark::Initialize(&argc, argv);
    using Options = benchmark::ConsoleReporter::OutputOptions;
    FailureCountingReporter reporter(
        tabular ? Options(benchmark::ConsoleReporter::OO_Defaults | benchmark::ConsoleReporter::OO_Tabular)
                : benchmark::ConsoleReporter::OO_Defaults);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    for (const auto& f : reporter.failed()) std::printf("FAILED %s\n", f.c_str());
    return reporter.failed().empty() ? 0 : 1;
}

}  // namespace coopmap::bench
