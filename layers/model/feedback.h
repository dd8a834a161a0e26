// Progress and cancel of one long job, passed down through the engine as QGIS passes its
// QgsFeedback: the caller keeps the Feedback, may cancel it from any thread, and hears the
// share done; the job reports progress and checks cancelled() between steps.
#pragma once

#include <atomic>
#include <functional>
#include <memory>

namespace coopmap {

// What the steps inside a job take (Feedback::callback() makes one): called with the share done
// (0..1); returning false cancels, and the step returns a cancelled_error. Declared once, here.
using Progress = std::function<bool(double done)>;

class Feedback {
public:
    // Called on the job's thread with the share of the whole job done (0..1), never decreasing.
    using Listener = std::function<void(double done)>;

    explicit Feedback(Listener listener = {});

    // The job says how far it is, as a share of this feedback's range (0..1).
    void set_progress(double done) const;
    // Asked by the user; the job stops at its next check and returns cancelled_error(...).
    void cancel() const { state_->cancel.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return state_->cancel.load(std::memory_order_relaxed); }

    // One step of a chained job: its progress 0..1 fills [from, to] of this one; cancelling
    // either cancels both.
    Feedback part(double from, double to) const;

    // For engine functions that take a callback: reports progress and returns false once
    // cancelled.
    Progress callback() const;

private:
    struct State {
        std::atomic<bool> cancel{false};
        std::atomic<double> last{0};
        Listener listener;
    };
    std::shared_ptr<State> state_;
    double from_ = 0, to_ = 1;
};

}  // namespace coopmap
