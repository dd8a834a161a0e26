#include "model/feedback.h"

#include <algorithm>

namespace coopmap {

Feedback::Feedback(Listener listener) : state_(std::make_shared<State>()) { state_->listener = std::move(listener); }

void Feedback::set_progress(double done) const
{
    const double whole = from_ + (to_ - from_) * std::clamp(done, 0.0, 1.0);
    // Steps run one after another, but a worker may report late: keep the bar from going back.
    double last = state_->last.load(std::memory_order_relaxed);
    while (whole > last && !state_->last.compare_exchange_weak(last, whole, std::memory_order_relaxed)) {}
    if (whole >= last && state_->listener) state_->listener(whole);
}

Feedback Feedback::part(double from, double to) const
{
    Feedback p = *this;
    p.from_ = from_ + (to_ - from_) * std::clamp(from, 0.0, 1.0);
    p.to_ = from_ + (to_ - from_) * std::clamp(to, 0.0, 1.0);
    return p;
}

Progress Feedback::callback() const
{
    return [f = *this](double done) {
        f.set_progress(done);
        return !f.cancelled();
    };
}

}  // namespace coopmap
