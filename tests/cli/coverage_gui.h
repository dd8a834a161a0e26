// The coverage panel's controller on the bundled sample, opened afresh for each test (its
// results are added to the project's layers, so tests do not share one).
#pragma once

#include <gtest/gtest.h>

#include "analysis/coverage_controller.h"
#include "finishes.h"
#include "project/project_controller.h"

namespace coopmap::test {

class CoverageGui : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(finishes_ok(project, &app::ProjectController::finished, [&] {
            project.open(QStringLiteral(COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap"));
        }));
        c.setProject(&project);
    }
    // Runs the analysis with the parameters set on `c` and waits for it.
    ::testing::AssertionResult run()
    {
        return finishes_ok(c, &app::CoverageController::finished, [&] { c.run(); });
    }

    app::ProjectController project;
    app::CoverageController c;
};

}  // namespace coopmap::test
