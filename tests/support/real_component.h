// Tests that need a real component (a PostgreSQL + PostGIS server they start) skip where it is
// not installed, on a developer's machine; in CI (`CI` set) and under `./dev test`
// (COOPMAP_REQUIRE_REAL=1) a component that fails to start is a failure with its reason, so a
// broken install or a regression in starting it cannot turn tests into green "skipped". To see
// that happen, make PostgreSQL unreachable: COOPMAP_PG_BIN=/nonexistent (postgis_server.h).
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace coopmap::testing {

inline bool real_components_required()
{
    for (const char* name : {"CI", "COOPMAP_REQUIRE_REAL"}) {
        const char* v = std::getenv(name);
        if (v && *v && std::string(v) != "0" && std::string(v) != "false") return true;
    }
    return false;
}

}  // namespace coopmap::testing

// Skips, or fails where real components are required; returns from the (void) function either way.
#define COOPMAP_SKIP_UNLESS_REQUIRED(reason)                                                                           \
    do {                                                                                                               \
        if (::coopmap::testing::real_components_required())                                                            \
            GTEST_FAIL() << "a real component did not start (CI or COOPMAP_REQUIRE_REAL is set): " << (reason);        \
        else GTEST_SKIP() << (reason);                                                                                 \
    } while (false)
