// One job runner for every controller, as QGIS's QgsTask is for its tools: the work runs off
// the UI thread with a Feedback (progress, cancel) and returns a Result, and the result comes
// back on the UI thread. running, progress and errorText are what a panel shows while it runs.
#pragma once

#include <QFuture>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/error.h"
#include "model/feedback.h"

namespace coopmap::app {

// Declare it last among a controller's members: when destroyed it cancels and waits for its
// worker, which must happen before the members a worker may still read are gone.
class JobRunner : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A controller's job runner; read it from the controller.")
    // From start() until the result is delivered (or the job discarded).
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    // The running job's share done, 0..1; 1 after a job succeeded.
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    // The last job's error (Error::text(), or the caller's 已取消… text when it was cancelled);
    // "" after a success. Controllers may also set their own notices here.
    Q_PROPERTY(QString errorText READ errorText WRITE setErrorText NOTIFY errorTextChanged)

public:
    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    bool running() const { return running_; }
    double progress() const { return progress_; }
    QString errorText() const { return errorText_; }
    void setErrorText(const QString& text);
    Q_INVOKABLE void clearError() { setErrorText({}); }
    // How an error reads in errorText (e.g. with a key masked); Error::text() by default.
    void setErrorFormat(std::function<QString(const Error&)> format) { format_ = std::move(format); }

    // Runs `work(const Feedback&) -> Result<T>` on a worker thread, then `done(Result<T>)` on
    // this object's thread with errorText already set. A job still running is cancelled and
    // its result dropped: this one starts once it has stopped, so two jobs of one runner never
    // overlap (two tile renders into one folder, two project loads in memory). Cancelled, the
    // result is a cancelled Error (Error::cancelled) whatever the work returned, and errorText
    // is `cancelledText` (e.g. "已取消加载").
    template <typename Work, typename Done> void start(const QString& cancelledText, Work work, Done done);

    // Asks the running job to stop; its result still comes, as a cancelled error.
    Q_INVOKABLE void cancel();
    // Cancels the running job and forgets it at once: its result is never delivered.
    void discard();
    // Blocks until no worker of this runner runs (a result may still be delivered later).
    void wait();

signals:
    void runningChanged();
    void progressChanged();
    void errorTextChanged();

private:
    struct Job;
    // What a worker hands back: its error, if any, and how to give the result to `done`
    // (with `instead` in place of the result when the user cancelled).
    struct Finished {
        const Error* error = nullptr;
        std::function<void(const Error* instead)> deliver;
    };
    void launch(const QString& cancelledText, std::function<Finished(const Feedback&)> work);
    void finish(const std::shared_ptr<Job>& job, const Finished& out);
    void setRunning(bool running);
    void setProgress(double progress);

    bool running_ = false;
    bool delivering_ = false;
    double progress_ = 0;
    QString errorText_;
    std::function<QString(const Error&)> format_;
    std::shared_ptr<Job> current_;
    QFuture<void> last_;  // the newest worker; the next one waits for it
    std::vector<QFuture<void>> workers_;  // every worker not known to have returned
};

template <typename Work, typename Done> void JobRunner::start(const QString& cancelledText, Work work, Done done)
{
    using R = std::invoke_result_t<Work&, const Feedback&>;
    launch(cancelledText, [work = std::move(work), done = std::move(done)](const Feedback& feedback) mutable {
    // Cancelled before it began (superseded while waiting): do not start the work at all.
    // GCC's -Wmaybe-uninitialized misreads the move of std::variant inside Result here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
        std::shared_ptr<R> result;
        if (feedback.cancelled()) result = std::make_shared<R>(cancelled_error({}));
        else result = std::make_shared<R>(work(feedback));
#pragma GCC diagnostic pop
        Finished out;
        if (!result->ok()) out.error = &result->error();
        out.deliver = [result, done](const Error* instead) mutable {
            if (instead) done(R(*instead));
            else done(std::move(*result));
        };
        return out;
    });
}

}  // namespace coopmap::app
