// Waiting for a Qt controller's finished(bool ok) signal in a GoogleTest test: the project
// opening, an analysis running. Header only: the tests that use it link Qt Test and the app.
#pragma once

#include <gtest/gtest.h>

#include <QSignalSpy>

namespace coopmap::test {

// Calls `start`, then waits up to `timeout_ms` for `signal` (whose first argument is ok);
// a failure says which, with the object's errorText() when it reports one.
template <typename Object, typename Signal, typename Start>
::testing::AssertionResult finishes_ok(Object& object, Signal signal, Start start, int timeout_ms = 60000)
{
    QSignalSpy spy(&object, signal);
    start();
    // The signal may come before the event loop runs (an error found at once).
    if (spy.isEmpty() && !spy.wait(timeout_ms))
        return ::testing::AssertionFailure() << "no finished signal within " << timeout_ms << " ms";
    if (!spy.front().front().toBool()) return ::testing::AssertionFailure() << object.errorText().toStdString();
    return ::testing::AssertionSuccess();
}

}  // namespace coopmap::test
