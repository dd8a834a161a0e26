// JobRunner (app/jobs): what every controller's running/progress/cancel/error rests on.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <atomic>
#include <optional>
#include <thread>

#include "jobs/job_runner.h"

namespace coopmap::app {
namespace {

using namespace std::chrono_literals;

// Waits on the worker's side until `flag` is set (the test lets the job go on).
void hold(const std::atomic<bool>& flag)
{
    while (!flag.load()) std::this_thread::sleep_for(1ms);
}

TEST(JobRunner, ProgressArrivesOnTheUiThreadAndTheResultAfterIt)
{
    JobRunner runner;
    std::atomic<bool> go{false};
    std::optional<Result<int>> got;
    QSignalSpy running(&runner, &JobRunner::runningChanged);
    runner.start(
        QStringLiteral("已取消测试"),
        [&go](const Feedback& f) -> Result<int> {
            f.set_progress(0.25);
            f.part(0.5, 1).set_progress(0.5);  // 0.75 of the whole
            hold(go);
            return 42;
        },
        [&got](Result<int> r) { got = std::move(r); });
    EXPECT_TRUE(runner.running());
    EXPECT_EQ(running.size(), 1);
    EXPECT_TRUE(QTest::qWaitFor([&] { return runner.progress() == 0.75; }, 5000)) << runner.progress();
    EXPECT_FALSE(got);
    go = true;
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.has_value(); }, 5000));
    ASSERT_TRUE(got->ok());
    EXPECT_EQ(got->value(), 42);
    EXPECT_FALSE(runner.running());
    EXPECT_EQ(running.size(), 2);
    EXPECT_EQ(runner.progress(), 1.0);
    EXPECT_EQ(runner.errorText(), QString());
}

TEST(JobRunner, CancelGivesACancelledErrorWithTheCallersText)
{
    JobRunner runner;
    std::optional<Result<int>> got;
    runner.start(
        QStringLiteral("已取消选址计算"),
        [](const Feedback& f) -> Result<int> {
            while (!f.cancelled()) std::this_thread::sleep_for(1ms);
            return cancelled_error("引擎自己的文字");
        },
        [&got](Result<int> r) { got = std::move(r); });
    runner.cancel();
    EXPECT_TRUE(runner.running());  // until the worker has stopped
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.has_value(); }, 5000));
    ASSERT_FALSE(got->ok());
    EXPECT_TRUE(got->error().cancelled);
    EXPECT_EQ(got->error().message, "已取消选址计算");
    EXPECT_EQ(runner.errorText(), QStringLiteral("已取消选址计算"));
    EXPECT_FALSE(runner.running());
}

TEST(JobRunner, ACancelledJobsResultIsDroppedEvenIfTheWorkIgnoredTheCancel)
{
    JobRunner runner;
    std::atomic<bool> go{false};
    std::optional<Result<int>> got;
    runner.start(
        QStringLiteral("已取消读取数据"),
        [&go](const Feedback&) -> Result<int> {
            hold(go);
            return 7;  // draft_project has no feedback: it finishes, and what it read is dropped
        },
        [&got](Result<int> r) { got = std::move(r); });
    runner.cancel();
    go = true;
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.has_value(); }, 5000));
    ASSERT_FALSE(got->ok());
    EXPECT_TRUE(got->error().cancelled);
    EXPECT_EQ(runner.errorText(), QStringLiteral("已取消读取数据"));
}

TEST(JobRunner, ASupersededJobIsCancelledItsResultDroppedAndTheNextRunsAfterIt)
{
    JobRunner runner;
    std::atomic<bool> firstStarted{false}, firstCancelled{false}, firstReturned{false}, secondSawFirstReturned{false};
    int firstDone = 0;
    std::optional<Result<int>> got;
    QSignalSpy running(&runner, &JobRunner::runningChanged);
    runner.start(
        QStringLiteral("已取消"),
        [&](const Feedback& f) -> Result<int> {
            firstStarted = true;
            while (!f.cancelled()) std::this_thread::sleep_for(1ms);
            firstCancelled = true;
            std::this_thread::sleep_for(50ms);
            firstReturned = true;
            return 1;
        },
        [&firstDone](Result<int>) { ++firstDone; });
    // (Superseded before it began, the first would not run at all.)
    ASSERT_TRUE(QTest::qWaitFor([&] { return firstStarted.load(); }, 5000));
    runner.start(
        QStringLiteral("已取消"),
        [&](const Feedback&) -> Result<int> {
            secondSawFirstReturned = firstReturned.load();
            return 2;
        },
        [&got](Result<int> r) { got = std::move(r); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.has_value(); }, 5000));
    QTest::qWait(50);  // a late delivery of the first would come now
    EXPECT_TRUE(firstCancelled);
    EXPECT_TRUE(secondSawFirstReturned);
    EXPECT_EQ(firstDone, 0);
    ASSERT_TRUE(got->ok());
    EXPECT_EQ(got->value(), 2);
    EXPECT_EQ(runner.errorText(), QString());
    // true once at the first start, false once at the end: never false in between.
    EXPECT_EQ(running.size(), 2);
}

TEST(JobRunner, AnErrorsTextReachesErrorText)
{
    JobRunner runner;
    std::optional<Result<int>> got;
    QSignalSpy errors(&runner, &JobRunner::errorTextChanged);
    runner.start(
        QStringLiteral("已取消加载"),
        [](const Feedback&) -> Result<int> {
            return Error{"村庄.xlsx", "Sheet1", "第 12 行", "经度不是数字：请检查“经度”列", false};
        },
        [&got](Result<int> r) { got = std::move(r); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.has_value(); }, 5000));
    ASSERT_FALSE(got->ok());
    EXPECT_FALSE(got->error().cancelled);
    EXPECT_EQ(runner.errorText(),
              QStringLiteral("文件 村庄.xlsx，图层 Sheet1，位置 第 12 行：经度不是数字：请检查“经度”列"));
    EXPECT_EQ(errors.size(), 1);
    // The next start clears it.
    runner.start(
        QStringLiteral("已取消加载"), [](const Feedback&) -> Result<int> { return 1; }, [](Result<int>) {});
    EXPECT_EQ(runner.errorText(), QString());
    runner.wait();
}

TEST(JobRunner, AnErrorFormatRewritesTheText)
{
    JobRunner runner;
    runner.setErrorFormat([](const Error& e) {
        return QString::fromStdString(e.message).replace(QStringLiteral("secret"), QStringLiteral("***"));
    });
    bool done = false;
    runner.start(
        QStringLiteral("已取消"),
        [](const Feedback&) -> Status {
            return Error{{}, {}, {}, "key=secret 无效"};
        },
        [&done](Status) { done = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return done; }, 5000));
    EXPECT_EQ(runner.errorText(), QStringLiteral("key=*** 无效"));
}

TEST(JobRunner, ADiscardedJobIsNeverDelivered)
{
    JobRunner runner;
    int delivered = 0;
    runner.start(
        QStringLiteral("已取消"),
        [](const Feedback& f) -> Result<int> {
            while (!f.cancelled()) std::this_thread::sleep_for(1ms);
            return 3;
        },
        [&delivered](Result<int>) { ++delivered; });
    runner.discard();
    EXPECT_FALSE(runner.running());
    runner.wait();
    QTest::qWait(50);
    EXPECT_EQ(delivered, 0);
    EXPECT_EQ(runner.errorText(), QString());
}

TEST(JobRunner, DoneMayStartTheNextJobWithoutRunningFlickering)
{
    JobRunner runner;
    QSignalSpy running(&runner, &JobRunner::runningChanged);
    int second = 0;
    runner.start(
        QStringLiteral("已取消"), [](const Feedback&) -> Result<int> { return 1; },
        [&](Result<int>) {
            EXPECT_FALSE(runner.running());
            runner.start(
                QStringLiteral("已取消"), [](const Feedback&) -> Result<int> { return 2; },
                [&second](Result<int> r) { second = r.value(); });
        });
    ASSERT_TRUE(QTest::qWaitFor([&] { return second != 0; }, 5000));
    EXPECT_EQ(second, 2);
    EXPECT_EQ(running.size(), 2);
}

}  // namespace
}  // namespace coopmap::app

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
