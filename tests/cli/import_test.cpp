// coopmap-cli import PROJECT --to "PG:…" end to end, against a real PostgreSQL + PostGIS.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "edit/edit_session.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"
#include "io/project_layers.h"
#include "model/project.h"
#include "postgis_server.h"
#include "real_component.h"
#include "run_process.h"

namespace coopmap {
namespace {

namespace fs = std::filesystem;
using coopmap::test::run_process;

const std::string kInjection = "x'); DROP TABLE villages;--";

Layer villages()
{
    Layer l;
    l.name = "villages";
    l.add_column("name", FieldType::text);
    l.add_column("population", FieldType::integer);
    l.add_column("面积", FieldType::real);
    const char* names[] = {"王家村", kInjection.c_str(), "𠀀村"};
    for (int i = 0; i < 3; ++i) {
        l.add_point(112.0 + 0.125 * i, 32.0 + 0.0625 * i);
        l.columns[0].null.push_back(0), l.columns[0].texts.emplace_back(names[i]);
        if (i == 1) l.columns[1].push_null();
        else l.columns[1].null.push_back(0), l.columns[1].integers.push_back(1000 + i);
        l.columns[2].null.push_back(0), l.columns[2].reals.push_back(1.5 * i);
    }
    return l;
}

TEST(ImportCli, MovesEveryLayerIntoPostgisAndPointsTheProjectThere)
{
    auto server = testing::PostgisServer::start();
    if (!server) COOPMAP_SKIP_UNLESS_REQUIRED(server.error().text());
    const fs::path dir = fs::path((*server)->directory()) / "project";
    fs::create_directories(dir);
    ASSERT_TRUE(io::write_layer(villages(), {(dir / "data.gpkg").string(), "villages", "EPSG:4326"}));
    Layer sites = villages();
    sites.name = "站点";
    ASSERT_TRUE(io::write_layer(sites, {(dir / "sites.geojson").string(), {}, "EPSG:4326"}));
    Project p;
    p.name = "导入测试";
    LayerConfig v;
    v.id = "villages", v.title = "村", v.source = "data.gpkg", v.layer = "villages", v.role = Role::village;
    v.fields = {{"name", "name"}};
    LayerConfig s;
    s.id = "村级供销社", s.title = "社", s.source = "sites.geojson", s.role = Role::village_cooperative;
    p.layers = {v, s};
    const std::string project = (dir / "net.coopmap").string();
    ASSERT_TRUE(save_project(p, project));

    const std::string uri = (*server)->gdal_uri();
    const auto run = run_process(COOPMAP_CLI, {"import", project, "--to", uri});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "villages → 表 villages：3 个要素\n村级供销社 → 表 layer_2：3 个要素\n项目文件 " + project +
                           " 已指向数据库\n");

    auto moved = read_project(project);
    ASSERT_TRUE(moved) << moved.error().text();
    ASSERT_EQ(moved->layers.size(), 2u);
    EXPECT_EQ(moved->layers[0].source, uri);
    EXPECT_EQ(moved->layers[0].layer, "villages");
    EXPECT_EQ(moved->layers[1].layer, "layer_2");
    EXPECT_EQ(moved->layers[0].fields.at("name"), "name");
    // Every attribute, byte for byte, read back through the project as the GUI would.
    for (const auto& config : moved->layers) {
        auto loaded = io::read_layer(io::source_spec(*moved, config));
        ASSERT_TRUE(loaded) << loaded.error().text();
        const Layer& got = loaded->layer;
        const Layer want = villages();
        ASSERT_EQ(got.size(), 3u);
        for (const auto& col : want.columns) {
            const Column* c = got.column(col.name);
            ASSERT_NE(c, nullptr) << col.name;
            EXPECT_EQ(c->type, col.type);
            for (std::size_t f = 0; f < 3; ++f) {
                EXPECT_EQ(c->null[f], col.null[f]);
                EXPECT_EQ(c->text(f), col.text(f)) << config.id << " " << col.name << " " << f;
            }
        }
        for (std::size_t f = 0; f < 3; ++f) EXPECT_NEAR(got.first_x(f), want.first_x(f), 1e-12);
        // And the imported table is ready for shared editing.
        auto session = edit::EditSession::open(io::source_spec(*moved, config));
        ASSERT_TRUE(session) << session.error().text();
        EXPECT_EQ(session->feature_version(0), 1);
    }
    EXPECT_EQ(*(*server)->sql("SELECT name FROM villages WHERE population IS NULL"), kInjection);

    // A second import would overwrite: refused, the project file is left as it is.
    const auto before = moved->layers;
    ASSERT_TRUE(save_project(p, project));
    const auto again = run_process(COOPMAP_CLI, {"import", project, "--to", uri});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("数据库中已有表“villages”，未改动；要覆盖请加 --replace；项目文件未改动"),
              std::string::npos)
        << again.err;
    EXPECT_EQ(read_project(project)->layers[0].source, "data.gpkg");
    const auto replaced =
        run_process(COOPMAP_CLI, {"import", project, "--to", uri, "--replace", "--out", (dir / "pg.coopmap").string()});
    EXPECT_EQ(replaced.exit_code, 0) << replaced.err;
    EXPECT_EQ(read_project((dir / "pg.coopmap").string())->layers, before);
    EXPECT_EQ(*(*server)->sql("SELECT count(*) FROM villages"), "3");

    const auto bad = run_process(COOPMAP_CLI, {"import", project, "--to", "/tmp/x.gpkg"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("--to 需要 PostgreSQL 连接串"), std::string::npos);
}

}  // namespace
}  // namespace coopmap
