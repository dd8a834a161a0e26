// Editing a layer in a real PostgreSQL + PostGIS server (started per test program in a
// temporary directory, tests/support/postgis_server.h).
#include <gtest/gtest.h>

#include <filesystem>

#include "edit/edit_session.h"
#include "edit/pg_store.h"
#include "edit_fixture.h"
#include "io/gdal_reader.h"
#include "postgis_server.h"
#include "real_component.h"

namespace coopmap::edit {
namespace {

using coopmap::testing::PostgisServer;
using testing::sample_sites;

const std::string kInjection = "x'); DROP TABLE villages;--";

class PostgisEditTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        auto s = PostgisServer::start();
        if (!s) {
            skip_reason = s.error().text();
            return;
        }
        server = std::move(s.value()).release();
    }
    static void TearDownTestSuite()
    {
        delete server;
        server = nullptr;
    }
    void SetUp() override
    {
        if (!server) COOPMAP_SKIP_UNLESS_REQUIRED(skip_reason);
        // Each test gets its own tables, made by the code under test (coopmap-cli import uses it).
        ASSERT_TRUE(server->sql("DROP TABLE IF EXISTS sites; DROP TABLE IF EXISTS villages;"));
        ASSERT_TRUE(pg::create_table(sample_sites(), server->gdal_uri(), "sites", false));
        Layer villages = sample_sites();
        villages.name = "villages";
        ASSERT_TRUE(pg::create_table(villages, server->gdal_uri(), "villages", false));
    }
    io::SourceSpec spec() const
    {
        return {server->gdal_uri(), "sites", {}, {}, Role::village_cooperative, "村级供销社"};
    }
    static PostgisServer* server;
    static std::string skip_reason;
};

PostgisServer* PostgisEditTest::server = nullptr;
std::string PostgisEditTest::skip_reason;

TEST_F(PostgisEditTest, ImportedTableKeepsEveryAttributeAndStartsAtVersionOne)
{
    auto rows = server->sql("SELECT fid, name, \"经营者\", year, capacity, coopmap_version, ST_AsText(geom) "
                            "FROM sites ORDER BY fid");
    ASSERT_TRUE(rows) << rows.error().text();
    EXPECT_EQ(*rows, "1|王家村供销社|襄州区供销社|2018|120.5|1|POINT(112.1 32)\n"
                     "2|李家湾综合服务社||2020|80.25|1|POINT(112.25 32.125)\n"
                     "3|𠀀生僻字社（测试）|老河口市\"引号\"公司|2021|0.1|1|POINT(111.675 32.3875)");
    EXPECT_EQ(*server->sql("SELECT \"经营者\" IS NULL FROM sites WHERE fid = 2"), "t");
    auto again = pg::create_table(sample_sites(), server->gdal_uri(), "sites", false);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message, "数据库中已有表“sites”，未改动；要覆盖请加 --replace");
}

TEST_F(PostgisEditTest, EditsRoundTripEveryAttributeByteForByte)
{
    auto session = EditSession::open(spec());
    ASSERT_TRUE(session) << session.error().text();
    ASSERT_EQ(session->layer().size(), 3u);
    EXPECT_EQ(session->layer().column(kVersionColumn), nullptr);  // kept aside, not an attribute
    EXPECT_EQ(session->feature_version(0), 1);
    ASSERT_TRUE(session->add_point(
        112.456789012, 32.123456789,
        {std::string("新店（试点）"), std::string("GX-100"), std::int64_t{2025}, 12.5, std::string(kInjection)}));
    ASSERT_TRUE(session->set_attribute(0, "name", std::string(kInjection)));
    ASSERT_TRUE(session->set_attribute(1, "capacity", std::monostate{}));
    ASSERT_TRUE(session->move_point(1, 112.2500001, 32.1250001));
    ASSERT_TRUE(session->delete_feature(2));
    const Layer edited = session->layer();
    auto saved = session->save();
    ASSERT_TRUE(saved) << saved.error().text();
    ASSERT_TRUE(saved->saved());
    EXPECT_EQ(saved->inserted, 1u);
    EXPECT_EQ(saved->updated, 2u);
    EXPECT_EQ(saved->deleted, 1u);
    EXPECT_FALSE(session->dirty());
    EXPECT_EQ(session->feature_id(2), 4);  // the database's serial
    EXPECT_EQ(session->feature_version(0), 2);

    auto reopened = EditSession::open(spec());
    ASSERT_TRUE(reopened) << reopened.error().text();
    ASSERT_EQ(reopened->layer().size(), 3u);
    for (std::size_t f = 0; f < 3; ++f) {
        const auto at = reopened->find(session->feature_id(f));
        ASSERT_TRUE(at) << f;
        const FeatureData want = feature_data(edited, f), got = feature_data(reopened->layer(), *at);
        EXPECT_EQ(got.values, want.values) << "feature " << f;
        EXPECT_NEAR(got.x[0], want.x[0], 1e-9);
        EXPECT_NEAR(got.y[0], want.y[0], 1e-9);
    }
    // The user's text went in as a value: the villages table is still there, and the text is
    // stored byte for byte.
    EXPECT_EQ(*server->sql("SELECT count(*) FROM villages"), "3");
    EXPECT_EQ(*server->sql("SELECT name FROM sites WHERE fid = 1"), kInjection);
    EXPECT_EQ(*server->sql("SELECT \"经营者\" || '|' || coopmap_version FROM sites WHERE fid = 4"), kInjection + "|1");
}

TEST_F(PostgisEditTest, SecondEditorsSaveOfTheSameFeatureIsRefusedWithBothVersions)
{
    auto first = EditSession::open(spec());
    auto second = EditSession::open(spec());
    ASSERT_TRUE(first && second);
    ASSERT_TRUE(first->set_attribute(0, "name", std::string("王家村供销社（甲改）")));
    ASSERT_TRUE(second->set_attribute(0, "name", std::string("王家村供销社（乙改）")));
    ASSERT_TRUE(second->set_attribute(2, "year", std::int64_t{2022}));  // not in conflict
    auto saved_first = first->save();
    ASSERT_TRUE(saved_first && saved_first->saved());

    auto saved_second = second->save();
    ASSERT_TRUE(saved_second) << saved_second.error().text();
    ASSERT_FALSE(saved_second->saved());
    ASSERT_EQ(saved_second->conflicts.size(), 1u);
    const Conflict& c = saved_second->conflicts[0];
    EXPECT_EQ(c.id, 1);
    EXPECT_EQ(c.ours.version, 1);
    EXPECT_EQ(c.theirs.version, 2);
    EXPECT_EQ(std::get<std::string>(c.theirs.values[0]), "王家村供销社（甲改）");
    EXPECT_EQ(std::get<std::string>(c.ours.values[0]), "王家村供销社（乙改）");
    EXPECT_EQ(
        second->conflict_message(c),
        "要素 1（王家村供销社（乙改）） 在您编辑期间已被他人修改，未保存任何内容。数据库版本 2，您读取时为版本 1；"
        "name：数据库中为“王家村供销社（甲改）”，您的为“王家村供销社（乙改）”。请重新打开图层，核对后再修改");
    // Nothing of the second save reached the database, not even its unconflicting change.
    EXPECT_EQ(*server->sql("SELECT name || '|' || coopmap_version FROM sites WHERE fid = 1"), "王家村供销社（甲改）|2");
    EXPECT_EQ(*server->sql("SELECT year FROM sites WHERE fid = 3"), "2021");
    EXPECT_TRUE(second->dirty());

    // A delete of a row someone else changed is a conflict too.
    auto third = EditSession::open(spec());
    ASSERT_TRUE(third);
    ASSERT_TRUE(second->delete_feature(0));
    // Rows come back in the server's order (an updated row moves), so address it by its FID.
    const auto fid1 = third->find(1);
    ASSERT_TRUE(fid1);
    ASSERT_TRUE(third->set_attribute(*fid1, "code", std::string("GX-009")));
    ASSERT_TRUE(third->save());
    auto again = second->save();
    ASSERT_TRUE(again);
    ASSERT_EQ(again->conflicts.size(), 1u);
    EXPECT_TRUE(again->conflicts[0].ours_deleted);
    EXPECT_EQ(again->conflicts[0].theirs.version, 3);
    EXPECT_EQ(*server->sql("SELECT count(*) FROM sites"), "3");
}

TEST_F(PostgisEditTest, UndoAfterSaveWritesTheOldValuesBack)
{
    auto session = EditSession::open(spec());
    ASSERT_TRUE(session);
    const Layer original = session->layer();
    ASSERT_TRUE(session->add_point(
        112.5, 32.5,
        {std::string("临时网点"), std::monostate{}, std::monostate{}, std::monostate{}, std::monostate{}}));
    ASSERT_TRUE(session->set_attribute(0, "name", std::string("改名")));
    ASSERT_TRUE(session->save());
    ASSERT_TRUE(session->undo());
    ASSERT_TRUE(session->undo());
    EXPECT_TRUE(same_layer(session->layer(), original));
    EXPECT_TRUE(session->dirty());
    auto saved = session->save();
    ASSERT_TRUE(saved && saved->saved()) << (saved ? "conflict" : saved.error().text());
    EXPECT_EQ(saved->deleted, 1u);
    EXPECT_EQ(*server->sql("SELECT string_agg(name || ':' || coopmap_version, ',' ORDER BY fid) FROM sites"),
              "王家村供销社:3,李家湾综合服务社:1,𠀀生僻字社（测试）:1");
}

TEST_F(PostgisEditTest, LostConnectionDuringSaveReportsAndKeepsTheEdits)
{
    auto session = EditSession::open(spec());
    ASSERT_TRUE(session);
    ASSERT_TRUE(session->set_attribute(1, "name", std::string("断线前的修改")));
    const Layer edited = session->layer();
    // The server goes away (as when the office network drops); a new one is started for the
    // tests after this one.
    TearDownTestSuite();
    auto saved = session->save();
    SetUpTestSuite();
    ASSERT_FALSE(saved);
    EXPECT_NE(saved.error().message.find("与数据库的连接失败或中断"), std::string::npos) << saved.error().text();
    EXPECT_NE(saved.error().message.find("您的编辑仍保留"), std::string::npos);
    EXPECT_EQ(saved.error().layer, "sites");
    EXPECT_TRUE(session->dirty());
    EXPECT_TRUE(same_layer(session->layer(), edited));
    EXPECT_TRUE(session->can_undo());
}

// Issue 17 on a shared table: the journal of a session that ended without saving replays onto
// the table as read again, and saving it writes the edits; once anyone has saved a row since,
// the table's versions differ and the journal is refused, nothing applied.
TEST_F(PostgisEditTest, JournalReplaysOntoTheTableUntilSomeoneSavesARow)
{
    testing::TempDir dir;
    const std::string journal = (dir.path / "shared.coopmap.journal").string();
    Layer edited;
    {
        auto a = EditSession::open(spec());
        ASSERT_TRUE(a) << a.error().text();
        a->journal_to(journal, "sites");
        ASSERT_TRUE(a->set_attribute(0, "name", std::string("王家村供销社（改）")));
        ASSERT_TRUE(a->add_point(
            112.3, 32.3, {std::string("新店"), std::string("GX-200"), std::int64_t{2024}, 5.5, std::monostate{}}));
        ASSERT_TRUE(a->delete_feature(1));
        edited = a->layer();
    }  // ends unsaved, as a killed window does
    auto read = read_journal(journal);
    ASSERT_TRUE(read) << read.error().text();
    EXPECT_EQ(read->header.signature.rfind("pg:3:", 0), 0u) << read->header.signature;

    auto b = EditSession::open(spec());
    ASSERT_TRUE(b);
    b->journal_to(journal, "sites");
    ASSERT_TRUE(b->restore(*read));
    EXPECT_TRUE(same_layer(edited, b->layer()));
    EXPECT_TRUE(b->dirty());
    auto saved = b->save();
    ASSERT_TRUE(saved) << saved.error().text();
    EXPECT_EQ(saved->inserted, 1u);
    EXPECT_EQ(saved->deleted, 1u);
    EXPECT_FALSE(std::filesystem::exists(journal));
    EXPECT_EQ(*server->sql("SELECT name FROM sites WHERE fid = 1"), "王家村供销社（改）");
    EXPECT_EQ(*server->sql("SELECT count(*) FROM sites WHERE fid = 2"), "0");

    // Journaled again, then another editor saves a row: the journal no longer fits the table.
    {
        auto c = EditSession::open(spec());
        ASSERT_TRUE(c);
        c->journal_to(journal, "sites");
        ASSERT_TRUE(c->set_attribute(0, "code", std::string("GX-300")));
    }
    {
        auto other = EditSession::open(spec());
        ASSERT_TRUE(other);
        ASSERT_TRUE(other->set_attribute(1, "year", std::int64_t{2001}));
        ASSERT_TRUE(other->save());
    }
    auto again = read_journal(journal);
    ASSERT_TRUE(again);
    auto d = EditSession::open(spec());
    ASSERT_TRUE(d);
    d->journal_to(journal, "sites");
    const Layer before = d->layer();
    auto refused = d->restore(*again);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("已被改动"), std::string::npos) << refused.error().text();
    EXPECT_TRUE(same_layer(before, d->layer()));
    EXPECT_FALSE(d->dirty());
}

}  // namespace
}  // namespace coopmap::edit
