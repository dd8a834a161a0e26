// EditController on a project whose layer lives in a real PostGIS server (started in a
// temporary directory by tests/support/postgis_server.h): another office changes the same site
// meanwhile, the save is refused and both versions are listed field by field; the user keeps
// theirs or overwrites knowingly; a lost connection reports and keeps every edit.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <fstream>

#include "edit/edit_controller.h"
#include "edit/pg_store.h"
#include "edit_fixture.h"
#include "finishes.h"
#include "postgis_server.h"
#include "project/project_controller.h"
#include "real_component.h"

namespace coopmap::app {
namespace {

using coopmap::testing::PostgisServer;

class EditControllerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto s = PostgisServer::start();
        if (!s) COOPMAP_SKIP_UNLESS_REQUIRED(s.error().text());
        server = std::move(s.value());
        ASSERT_TRUE(edit::pg::create_table(edit::testing::sample_sites(), server->gdal_uri(), "sites", false));
        const auto file = dir.path / "pg.coopmap";
        std::ofstream(file) << R"({"version": 1, "name": "共享网络", "layers": [{"id": "sites", "title": "村级供销社",
            "source": ")" << server->gdal_uri()
                            << R"(", "layer": "sites", "role": "village_cooperative"}]})";
        ASSERT_TRUE(coopmap::test::finishes_ok(project, &coopmap::app::ProjectController::finished,
                                               [&] { project.open(QString::fromStdString(file.string())); }));
        controller.setProject(&project);
        ASSERT_TRUE(controller.edit("sites")) << controller.errorText().toStdString();
    }
    // Saves and waits; what saveFinished said.
    bool save()
    {
        QSignalSpy finished(&controller, &EditController::saveFinished);
        controller.save();
        EXPECT_TRUE(finished.wait(30000));
        return !finished.isEmpty() && finished.at(0).at(0).toBool();
    }
    std::string sql(const std::string& statement) { return server->sql(statement).value(); }
    // The name the map shows for feature 0 (the layer list's copy, not the session's).
    std::string shown_name()
    {
        const auto* e = project.layers()->entry(project.layers()->indexOf("sites"));
        return e->layer->column("name")->texts[0];
    }
    static QVariantMap field(const QVariantMap& conflict, const QString& name)
    {
        for (const auto& f : conflict.value("fields").toList())
            if (f.toMap().value("field").toString() == name) return f.toMap();
        return {};
    }

    edit::testing::TempDir dir;
    std::unique_ptr<PostgisServer> server;
    ProjectController project;
    EditController controller;
};

TEST_F(EditControllerTest, ConflictListsBothVersionsAndKeepingTheirsShowsThem)
{
    ASSERT_TRUE(controller.setAttribute(0, "name", "王家村供销社（甲改）"));
    EXPECT_EQ(shown_name(), "王家村供销社（甲改）");
    sql("UPDATE sites SET name = '王家村供销社（乙改）', coopmap_version = coopmap_version + 1 WHERE fid = 1");

    EXPECT_FALSE(save());
    EXPECT_TRUE(controller.dirty());
    EXPECT_NE(controller.errorText().indexOf("1 个网点在您编辑期间已被他人修改"), -1)
        << controller.errorText().toStdString();
    const auto conflicts = controller.conflicts();
    ASSERT_EQ(conflicts.size(), 1);
    const QVariantMap c = conflicts[0].toMap();
    EXPECT_EQ(c.value("id").toLongLong(), 1);
    const QVariantMap name = field(c, "name");
    EXPECT_EQ(name.value("mine").toString(), "王家村供销社（甲改）");
    EXPECT_EQ(name.value("theirs").toString(), "王家村供销社（乙改）");
    EXPECT_TRUE(name.value("differs").toBool());
    const QVariantMap op = field(c, "经营者");
    EXPECT_EQ(op.value("mine").toString(), "襄州区供销社");
    EXPECT_FALSE(op.value("differs").toBool());
    EXPECT_EQ(field(c, "位置（经度, 纬度）").value("theirs").toString(), "112.100000, 32.000000");
    // Nothing of this session reached the database.
    EXPECT_EQ(sql("SELECT name || '|' || coopmap_version FROM sites WHERE fid = 1"), "王家村供销社（乙改）|2");

    controller.keepTheirs();
    EXPECT_TRUE(controller.conflicts().isEmpty());
    EXPECT_EQ(controller.value(0, "name"), "王家村供销社（乙改）");
    EXPECT_EQ(shown_name(), "王家村供销社（乙改）");
    EXPECT_FALSE(controller.dirty());
    EXPECT_FALSE(controller.canUndo());
}

TEST_F(EditControllerTest, OverwritingKnowinglySavesThisVersionOverTheirs)
{
    ASSERT_TRUE(controller.setAttribute(1, "经营者", "甲单位"));
    ASSERT_TRUE(controller.moveSite(2, QGeoCoordinate(32.4, 111.7), 0));
    sql("UPDATE sites SET \"经营者\" = '乙单位', coopmap_version = coopmap_version + 1 WHERE fid = 2");
    EXPECT_FALSE(save());
    ASSERT_EQ(controller.conflicts().size(), 1);

    QSignalSpy finished(&controller, &EditController::saveFinished);
    controller.overwrite();
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << controller.errorText().toStdString();
    EXPECT_FALSE(controller.dirty());
    EXPECT_EQ(controller.message(), "已保存到数据库：新增 0 个，修改 2 个，删除 0 个");
    EXPECT_EQ(sql("SELECT \"经营者\" || '|' || coopmap_version FROM sites WHERE fid = 2"), "甲单位|3");
    EXPECT_EQ(sql("SELECT ST_X(geom) || ' ' || ST_Y(geom) || '|' || coopmap_version FROM sites WHERE fid = 3"),
              "111.7 32.4|2");
}

TEST_F(EditControllerTest, LostConnectionReportsAndKeepsTheEdits)
{
    const int before = controller.featureCount();
    ASSERT_GE(controller.addSite(QGeoCoordinate(32.2, 112.3), 0), 0);
    ASSERT_TRUE(controller.setAttribute(before, "name", "断线前新增的网点"));
    server.reset();  // the office network drops
    EXPECT_FALSE(save());
    EXPECT_NE(controller.errorText().indexOf("您的编辑仍保留"), -1) << controller.errorText().toStdString();
    EXPECT_TRUE(controller.dirty());
    EXPECT_EQ(controller.featureCount(), before + 1);
    EXPECT_EQ(controller.value(before, "name"), "断线前新增的网点");
    EXPECT_TRUE(controller.canUndo());
}

}  // namespace
}  // namespace coopmap::app

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
