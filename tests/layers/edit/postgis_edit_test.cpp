// Editing a layer in a real PostgreSQL + PostGIS server (started per test program in a
// temporary directory, tests/support/postgis_server.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "edit/edit_session.h"
#include "edit/pg_store.h"
#include "edit_fixture.h"
#include "io/gdal_reader.h"
#include "postgis_server.h"
#include "real_component.h"
#include "socket_proxy.h"

namespace coopmap::edit {
namespace {

using coopmap::testing::PostgisServer;
using coopmap::testing::SocketProxy;
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
        ASSERT_TRUE(server->sql(
            "DROP TABLE IF EXISTS sites; DROP TABLE IF EXISTS villages; DROP TABLE IF EXISTS coopmap_saves;"));
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
    // The table every save leaves its token in, made with the import, still empty.
    EXPECT_EQ(*server->sql("SELECT count(*) FROM coopmap_saves"), "0");
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

// A session whose saves go through a relay that can cut the connection at the save's COMMIT.
struct ProxiedSession {
    std::unique_ptr<SocketProxy> proxy;
    std::optional<EditSession> session;
};

ProxiedSession through_proxy(const PostgisServer& server)
{
    ProxiedSession out;
    auto p = SocketProxy::start(server.directory() + "/proxy", server.directory());
    EXPECT_TRUE(p) << (p ? "" : p.error().text());
    if (!p) return out;
    out.proxy = std::move(p.value());
    auto s = EditSession::open({out.proxy->gdal_uri(), "sites", {}, {}, Role::village_cooperative, "村级供销社"});
    EXPECT_TRUE(s) << (s ? "" : s.error().text());
    if (s) out.session.emplace(std::move(*s));
    return out;
}

const std::vector<Value> kNewSite = {std::string("断线时新增的社"), std::string("GX-200"), std::int64_t{2024}, 3.5,
                                     std::monostate{}};

TEST_F(PostgisEditTest, SaveWhoseCommitAnswerIsLostIsFoundWrittenAndNotWrittenAgain)
{
    auto [proxy, session] = through_proxy(*server);
    ASSERT_TRUE(session);
    ASSERT_TRUE(session->set_attribute(0, "name", std::string("提交后断线")));
    ASSERT_TRUE(session->add_point(112.3, 32.2, kNewSite));
    // The server commits, and the answer is lost with the connection.
    proxy->cut_next_saves(SocketProxy::Cut::after_commit, 1);
    auto lost = session->save();
    ASSERT_FALSE(lost);
    EXPECT_EQ(proxy->cuts_done(), 1);
    EXPECT_NE(lost.error().message.find("无法确定这次保存是否已写入"), std::string::npos) << lost.error().text();
    EXPECT_TRUE(session->save_unsettled());
    EXPECT_TRUE(session->dirty());
    EXPECT_EQ(*server->sql("SELECT name || '|' || coopmap_version FROM sites WHERE fid = 1"), "提交后断线|2");
    EXPECT_EQ(*server->sql("SELECT count(*) FROM sites"), "4");

    // Saving again finds it written by its token: no second insert, no version 3, no false conflict.
    auto again = session->save();
    ASSERT_TRUE(again) << again.error().text();
    ASSERT_TRUE(again->saved());
    EXPECT_GT(again->earlier_sequence, 0);
    EXPECT_EQ(again->earlier_new_ids, (std::map<std::int64_t, std::int64_t>{{-1, 4}}));
    EXPECT_EQ(again->sequence, 0);  // nothing new was written
    EXPECT_EQ(again->inserted + again->updated + again->deleted, 0u);
    EXPECT_FALSE(session->save_unsettled());
    EXPECT_FALSE(session->dirty());
    EXPECT_EQ(*server->sql("SELECT count(*) FROM sites"), "4");
    EXPECT_EQ(
        *server->sql("SELECT string_agg(fid || ':' || name || ':' || coopmap_version, ',' ORDER BY fid) FROM sites"),
        "1:提交后断线:2,2:李家湾综合服务社:1,3:𠀀生僻字社（测试）:1,4:断线时新增的社:1");
    EXPECT_EQ(*server->sql("SELECT string_agg(written::text, ',') FROM coopmap_saves"), "true");
    EXPECT_EQ(session->feature_id(3), 4);
    EXPECT_EQ(session->feature_version(0), 2);

    // The session's versions are the database's: the next edits save without a conflict.
    ASSERT_TRUE(session->set_attribute(0, "year", std::int64_t{2019}));
    ASSERT_TRUE(session->set_attribute(3, "capacity", 4.5));
    auto next = session->save();
    ASSERT_TRUE(next && next->saved()) << (next ? "conflict" : next.error().text());
    EXPECT_EQ(next->earlier_sequence, 0);
    EXPECT_GT(next->sequence, again->earlier_sequence);
    EXPECT_EQ(next->updated, 2u);
    EXPECT_EQ(*server->sql("SELECT string_agg(fid || ':' || coopmap_version, ',' ORDER BY fid) FROM sites"),
              "1:3,2:1,3:1,4:2");
}

TEST_F(PostgisEditTest, SaveWhoseCommitIsLostOnTheWayIsWrittenOnceByTheNextSave)
{
    // A table imported before the save records existed: the first save makes the table.
    ASSERT_TRUE(server->sql("DROP TABLE coopmap_saves"));
    auto [proxy, session] = through_proxy(*server);
    ASSERT_TRUE(session);
    ASSERT_TRUE(session->set_attribute(1, "name", std::string("提交前断线")));
    ASSERT_TRUE(session->add_point(112.3, 32.2, kNewSite));
    proxy->cut_next_saves(SocketProxy::Cut::before_commit, 1);
    auto lost = session->save();
    ASSERT_FALSE(lost);
    EXPECT_EQ(proxy->cuts_done(), 1) << lost.error().text();
    EXPECT_NE(lost.error().message.find("无法确定这次保存是否已写入"), std::string::npos) << lost.error().text();
    EXPECT_TRUE(session->save_unsettled());
    EXPECT_EQ(*server->sql("SELECT count(*) || '|' || max(coopmap_version) FROM sites"), "3|1");

    auto again = session->save();
    ASSERT_TRUE(again) << again.error().text();
    ASSERT_TRUE(again->saved());
    EXPECT_EQ(again->earlier_sequence, 0);  // it was not written: its edits went out now
    EXPECT_EQ(again->inserted, 1u);
    EXPECT_EQ(again->updated, 1u);
    // FID 4 went with the rolled-back insert (a sequence does not roll back): the row is in once, as 5.
    EXPECT_EQ(again->new_ids, (std::map<std::int64_t, std::int64_t>{{-1, 5}}));
    EXPECT_FALSE(session->dirty());
    EXPECT_EQ(
        *server->sql("SELECT string_agg(fid || ':' || name || ':' || coopmap_version, ',' ORDER BY fid) FROM sites"),
        "1:王家村供销社:1,2:提交前断线:2,3:𠀀生僻字社（测试）:1,5:断线时新增的社:1");
    // The lost one is on record as void (it can never commit later), the second as written.
    EXPECT_EQ(*server->sql("SELECT string_agg(written::text, ',' ORDER BY seq) FROM coopmap_saves"), "false,true");
}

TEST_F(PostgisEditTest, KeepingTheirVersionTakesTheirWholeGeometry)
{
    // Parcels with a hole: a conflict's database version must come back whole, not as a point.
    Layer parcels;
    parcels.name = "parcels";
    parcels.role = Role::land_trusteeship;
    parcels.kind = GeometryKind::polygon;
    parcels.source_crs = "EPSG:4326";
    parcels.add_column("name", FieldType::text);
    parcels.add_column("crop", FieldType::text);
    for (auto [x, y] : {std::pair{0.0, 0.0}, {4.0, 0.0}, {4.0, 4.0}, {0.0, 4.0}, {0.0, 0.0}})
        parcels.add_coordinate(112 + x / 100, 32 + y / 100);
    parcels.end_ring();
    for (auto [x, y] : {std::pair{1.0, 1.0}, {1.0, 2.0}, {2.0, 2.0}, {2.0, 1.0}, {1.0, 1.0}})
        parcels.add_coordinate(112 + x / 100, 32 + y / 100);
    parcels.end_ring();
    parcels.end_part();
    parcels.end_feature();
    parcels.columns[0].null.push_back(0), parcels.columns[0].texts.emplace_back("张家地块");
    parcels.columns[1].null.push_back(0), parcels.columns[1].texts.emplace_back("小麦");
    parcels.build_index();
    ASSERT_TRUE(server->sql("DROP TABLE IF EXISTS parcels"));
    ASSERT_TRUE(pg::create_table(parcels, server->gdal_uri(), "parcels", false));
    const io::SourceSpec where{server->gdal_uri(), "parcels", {}, {}, Role::land_trusteeship, "托管地块"};
    auto first = EditSession::open(where);
    auto second = EditSession::open(where);
    ASSERT_TRUE(first && second);
    const FeatureData original = feature_data(second->layer(), 0);
    ASSERT_EQ(original.ring_sizes, (std::vector<std::uint32_t>{5, 5}));
    ASSERT_TRUE(first->set_attribute(0, "crop", std::string("玉米")));
    ASSERT_TRUE(first->save());
    ASSERT_TRUE(second->set_attribute(0, "name", std::string("张家地块（改）")));
    auto refused = second->save();
    ASSERT_TRUE(refused) << refused.error().text();
    ASSERT_EQ(refused->conflicts.size(), 1u);
    second->resolve(refused->conflicts[0], true);
    const FeatureData theirs = feature_data(second->layer(), 0);
    EXPECT_EQ(theirs.x, original.x);
    EXPECT_EQ(theirs.y, original.y);
    EXPECT_EQ(theirs.ring_sizes, original.ring_sizes);
    EXPECT_EQ(theirs.part_rings, original.part_rings);
    EXPECT_EQ(std::get<std::string>(theirs.values[1]), "玉米");
    EXPECT_FALSE(second->dirty());
    // A later edit of it writes the parcel back with its hole.
    ASSERT_TRUE(second->set_attribute(0, "name", std::string("张家地块（再改）")));
    auto saved = second->save();
    ASSERT_TRUE(saved && saved->saved()) << (saved ? "conflict" : saved.error().text());
    EXPECT_EQ(
        *server->sql("SELECT name || '|' || crop || '|' || coopmap_version || '|' || ST_AsText(geom) FROM parcels"),
        "张家地块（再改）|玉米|3|MULTIPOLYGON(((112 32,112.04 32,112.04 32.04,112 32.04,112 32),"
        "(112.01 32.01,112.01 32.02,112.02 32.02,112.02 32.01,112.01 32.01)))");
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
