// Work handed out over the cores, for the routing searches: one index at a time, progress and
// cancel through the job's Feedback.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

#include "model/feedback.h"

namespace coopmap::analysis::routing {

inline unsigned worker_count(std::size_t jobs)
{
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(
        std::clamp<std::size_t>(std::min<std::size_t>(hw, 8), 1, std::max<std::size_t>(jobs, 1)));
}

// job(worker, i) for every i in [0, count), handed out one at a time over the cores. Progress
// (share of the jobs done, mapped onto [from, to]) is reported from the calling thread only, as
// Feedback's listener expects. False when the feedback was cancelled.
template <typename Job>
bool parallel_jobs(std::size_t count, unsigned workers, const Feedback& feedback, double from, double to, Job&& job)
{
    std::atomic<std::size_t> next{0}, done{0};
    auto run = [&](unsigned w) {
        for (;;) {
            if (feedback.cancelled()) return;
            const auto i = next++;
            if (i >= count) return;
            job(w, i);
            const auto d = ++done;
            if (w == 0 && count > 0)
                feedback.set_progress(from + (to - from) * static_cast<double>(d) / static_cast<double>(count));
        }
    };
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back(run, w);
    run(0);
    for (auto& t : pool) t.join();
    return !feedback.cancelled();
}

}  // namespace coopmap::analysis::routing
