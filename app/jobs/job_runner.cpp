#include "jobs/job_runner.h"

#include <QtConcurrent/QtConcurrentRun>
#include <atomic>

namespace coopmap::app {

struct JobRunner::Job {
    Feedback feedback;
    QString cancelledText;
    // The worker's latest progress, and whether a hop to the UI thread is already on its way:
    // a job may report thousands of times, the panel needs the latest only.
    std::atomic<double> progress{0};
    std::atomic<bool> posted{false};
};

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner()
{
    // No signals from here: the controller that owns this runner is being destroyed.
    if (current_) current_->feedback.cancel();
    current_.reset();
    wait();
}

void JobRunner::setErrorText(const QString& text)
{
    if (text == errorText_) return;
    errorText_ = text;
    emit errorTextChanged();
}

void JobRunner::setRunning(bool running)
{
    if (running == running_) return;
    running_ = running;
    if (!delivering_) emit runningChanged();
}

void JobRunner::setProgress(double progress)
{
    if (progress == progress_) return;
    progress_ = progress;
    emit progressChanged();
}

void JobRunner::launch(const QString& cancelledText, std::function<Finished(const Feedback&)> work)
{
    if (current_) current_->feedback.cancel();  // superseded: its result will be dropped
    auto job = std::make_shared<Job>();
    job->cancelledText = cancelledText;
    job->feedback = Feedback([this, weak = std::weak_ptr<Job>(job)](double done) {
        const auto j = weak.lock();
        if (!j) return;
        j->progress.store(done, std::memory_order_relaxed);
        if (j->posted.exchange(true)) return;
        QMetaObject::invokeMethod(
            this,
            [this, j] {
                j->posted.store(false);
                if (j == current_) setProgress(j->progress.load(std::memory_order_relaxed));
            },
            Qt::QueuedConnection);
    });
    current_ = job;
    std::erase_if(workers_, [](const QFuture<void>& f) { return f.isFinished(); });
    last_ = QtConcurrent::run([this, job, work = std::move(work), previous = last_]() mutable {
        previous.waitForFinished();
        Finished out = work(job->feedback);
        // The runner outlives its workers (its destructor waits), so `this` is valid here.
        QMetaObject::invokeMethod(
            this, [this, job, out = std::move(out)] { finish(job, out); }, Qt::QueuedConnection);
    });
    workers_.push_back(last_);
    setErrorText({});
    setProgress(0);
    setRunning(true);
}

void JobRunner::finish(const std::shared_ptr<Job>& job, const Finished& out)
{
    if (job != current_) return;  // superseded or discarded
    current_.reset();
    // The user's cancel wins over whatever the work returned; an engine that stopped on its
    // own Feedback says so with the flag, never with a message text.
    const bool cancelled = job->feedback.cancelled() || (out.error && out.error->cancelled);
    const Error stop = cancelled_error(job->cancelledText.toStdString());
    if (cancelled) setErrorText(job->cancelledText);
    else if (out.error) setErrorText(format_ ? format_(*out.error) : QString::fromStdString(out.error->text()));
    else {
        setErrorText({});
        setProgress(1);
    }
    // `done` may start the next job: running then stays true without a flicker to false.
    delivering_ = true;
    running_ = false;
    out.deliver(cancelled ? &stop : nullptr);
    delivering_ = false;
    if (!running_) emit runningChanged();
}

void JobRunner::cancel()
{
    if (current_) current_->feedback.cancel();
}

void JobRunner::discard()
{
    if (!current_) return;
    current_->feedback.cancel();
    current_.reset();
    setRunning(false);
}

void JobRunner::wait()
{
    for (auto& f : workers_) f.waitForFinished();
    workers_.clear();
}

}  // namespace coopmap::app
