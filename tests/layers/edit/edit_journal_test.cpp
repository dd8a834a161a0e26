// The edit journal (issue 17): edits made in a process that is then killed (SIGKILL, in a
// forked child) are read back and replayed onto the layer as read again — every attribute and
// coordinate, and the undo/redo history step by step; a save or an undo back to the saved state
// removes the journal; a damaged journal, another SQLite file, or a layer changed since are
// refused with one message and change nothing.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "edit/edit_journal.h"
#include "edit/edit_session.h"
#include "edit_fixture.h"
#include "io/gdal_writer.h"

namespace coopmap::edit {
namespace {

namespace fs = std::filesystem;
using testing::sample_sites;
using testing::TempDir;

std::vector<Value> site(const char* name, const char* code, std::int64_t year, double capacity, Value op)
{
    return {std::string(name), std::string(code), year, capacity, std::move(op)};
}

// The edits every test makes: an attribute, a move, an add, a delete, an undo and a redo, and
// two attributes at once. Deterministic, so a session in this process makes the same ones.
void make_edits(EditSession& s)
{
    ASSERT_TRUE(s.set_attribute(1, "name", std::string("李家湾综合服务社（已改名）")));
    ASSERT_TRUE(s.move_point(0, 112.123456789012345, 32.0987654321));
    ASSERT_TRUE(s.add_point(112.4, 32.2, site("新建𠀀供销社", "GX-009", 2025, 33.125, std::monostate{})));
    ASSERT_TRUE(s.delete_feature(2));
    ASSERT_TRUE(s.set_attribute(0, "year", std::int64_t{1999}));
    ASSERT_TRUE(s.undo());  // the year back; redo stays possible
    ASSERT_TRUE(s.set_attributes(2, {{"capacity", 0.30000000000000004}, {"经营者", std::string("新\"经营者\"")}}));
    ASSERT_TRUE(s.undo());
    ASSERT_TRUE(s.redo());
}

// Both sessions' layers equal in every coordinate, offset and attribute (names and types too),
// and their undo histories the same step by step, back to the start and forward again.
void expect_same_session(EditSession& expected, EditSession& actual)
{
    ASSERT_TRUE(same_layer(expected.layer(), actual.layer()));
    EXPECT_EQ(actual.dirty(), expected.dirty());
    EXPECT_EQ(actual.undo_label(), expected.undo_label());
    EXPECT_EQ(actual.redo_label(), expected.redo_label());
    int depth = 0;
    while (expected.can_undo()) {
        ASSERT_TRUE(actual.can_undo()) << "undo step " << depth + 1;
        expected.undo();
        actual.undo();
        ++depth;
        ASSERT_TRUE(same_layer(expected.layer(), actual.layer())) << "after undo step " << depth;
        EXPECT_EQ(actual.undo_label(), expected.undo_label()) << depth;
        EXPECT_EQ(actual.dirty(), expected.dirty()) << depth;
    }
    EXPECT_FALSE(actual.can_undo());
    while (expected.can_redo()) {
        ASSERT_TRUE(actual.can_redo());
        expected.redo();
        actual.redo();
        ASSERT_TRUE(same_layer(expected.layer(), actual.layer()));
        EXPECT_EQ(actual.dirty(), expected.dirty());
    }
    EXPECT_FALSE(actual.can_redo());
}

class EditJournalTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(io::write_layer(sample_sites(), {gpkg(), "sites", "EPSG:4326"})); }
    std::string gpkg() const { return (dir.path / "network.gpkg").string(); }
    std::string journal() const { return (dir.path / "network.coopmap.journal").string(); }
    io::SourceSpec spec() const { return {gpkg(), "sites", {}, {}, Role::village_cooperative, "村级供销社"}; }
    EditSession open_journaled() const
    {
        auto s = EditSession::open(spec());
        EXPECT_TRUE(s) << s.error().text();
        s->journal_to(journal(), "sites");
        return std::move(s).value();
    }
    // Runs `edits` in a forked child that then kills itself with SIGKILL: no destructor, no flush.
    template <typename F> void in_killed_child(F edits) const
    {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            EditSession s = open_journaled();
            edits(s);
            ::kill(::getpid(), SIGKILL);
            ::_exit(3);  // not reached
        }
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(status)) << "child exited with " << WEXITSTATUS(status);
        ASSERT_EQ(WTERMSIG(status), SIGKILL);
    }
    TempDir dir;
};

TEST_F(EditJournalTest, EditsOfAKilledProcessAreRestoredExactlyWithTheirUndoHistory)
{
    in_killed_child([](EditSession& s) { make_edits(s); });
    ASSERT_TRUE(fs::exists(journal()));

    auto read = read_journal(journal());
    ASSERT_TRUE(read) << read.error().text();
    EXPECT_EQ(read->header.layer_key, "sites");
    EXPECT_EQ(read->header.source, gpkg());
    EXPECT_EQ(read->entries.size(), 9u);  // six changes, two undos, one redo
    EditSession restored = open_journaled();
    EXPECT_FALSE(restored.dirty());
    ASSERT_TRUE(restored.restore(*read));

    auto expected = EditSession::open(spec());
    ASSERT_TRUE(expected);
    make_edits(*expected);
    // Spot checks that would fail if the replay were off by one feature.
    EXPECT_EQ(restored.layer().size(), 3u);
    EXPECT_EQ(restored.layer().column("name")->texts[1], "李家湾综合服务社（已改名）");
    EXPECT_EQ(restored.layer().first_x(0), 112.123456789012345);
    EXPECT_EQ(restored.layer().column("capacity")->reals[2], 0.30000000000000004);
    EXPECT_EQ(restored.undo_label(), expected->undo_label());
    EXPECT_TRUE(restored.dirty());
    expect_same_session(*expected, restored);
}

TEST_F(EditJournalTest, EveryEntryIsCommittedWhenTheEditReturns)
{
    // Killed after each number of edits: the journal holds exactly those, all readable.
    for (int n = 1; n <= 4; ++n) {
        in_killed_child([n](EditSession& s) {
            for (int i = 0; i < n; ++i) ASSERT_TRUE(s.set_attribute(0, "year", std::int64_t{2000 + i}));
        });
        auto read = read_journal(journal());
        ASSERT_TRUE(read) << read.error().text();
        EXPECT_EQ(read->entries.size(), static_cast<std::size_t>(n));
        EditSession restored = open_journaled();
        ASSERT_TRUE(restored.restore(*read));
        EXPECT_EQ(restored.layer().column("year")->integers[0], 2000 + n - 1);
        int depth = 0;
        while (restored.undo()) ++depth;
        EXPECT_EQ(depth, n);
        EXPECT_EQ(restored.layer().column("year")->integers[0], 2018);
        EXPECT_FALSE(restored.dirty());
        EXPECT_FALSE(fs::exists(journal())) << "undone to the saved state: nothing left to restore";
    }
}

TEST_F(EditJournalTest, ASaveOrAnUndoToTheSavedStateRemovesTheJournal)
{
    EditSession s = open_journaled();
    EXPECT_FALSE(fs::exists(journal())) << "opening alone writes nothing";
    ASSERT_TRUE(s.set_attribute(0, "name", std::string("甲")));
    EXPECT_TRUE(fs::exists(journal()));
    s.undo();
    EXPECT_FALSE(s.dirty());
    EXPECT_FALSE(fs::exists(journal()));
    s.redo();
    EXPECT_TRUE(fs::exists(journal()));
    auto saved = s.save();
    ASSERT_TRUE(saved) << saved.error().text();
    EXPECT_FALSE(fs::exists(journal()));
    EXPECT_FALSE(fs::exists(journal() + "-journal"));
    // Discarding on purpose removes it too.
    ASSERT_TRUE(s.set_attribute(0, "name", std::string("乙")));
    EXPECT_TRUE(fs::exists(journal()));
    s.drop_journal();
    EXPECT_FALSE(fs::exists(journal()));
}

TEST_F(EditJournalTest, AfterASaveTheRestoredHistoryStillUndoesPastTheSave)
{
    in_killed_child([](EditSession& s) {
        ASSERT_TRUE(s.set_attribute(0, "name", std::string("保存前的修改")));
        ASSERT_TRUE(s.save());
        ASSERT_FALSE(fs::exists((fs::path(s.source().uri).parent_path() / "network.coopmap.journal")));
        ASSERT_TRUE(s.move_point(1, 112.3, 32.3));
    });
    auto read = read_journal(journal());
    ASSERT_TRUE(read) << read.error().text();
    EditSession restored = open_journaled();
    ASSERT_TRUE(restored.restore(*read));
    EXPECT_EQ(restored.layer().column("name")->texts[0], "保存前的修改");  // from the saved file
    EXPECT_EQ(restored.layer().first_x(1), 112.3);
    EXPECT_TRUE(restored.dirty());
    ASSERT_TRUE(restored.undo());
    EXPECT_FALSE(restored.dirty()) << "back at the saved state";
    EXPECT_EQ(restored.layer().first_x(1), 112.25);
    ASSERT_TRUE(restored.undo()) << "the step before the save is still there";
    EXPECT_TRUE(restored.dirty());
    EXPECT_EQ(restored.layer().column("name")->texts[0], "王家村供销社");
}

TEST_F(EditJournalTest, AJournalOfALayerChangedSinceIsRefusedAndChangesNothing)
{
    in_killed_child([](EditSession& s) { make_edits(s); });
    auto read = read_journal(journal());
    ASSERT_TRUE(read);
    // Someone saves the layer meanwhile (another program, another copy of CoopMap).
    {
        auto other = EditSession::open(spec());
        ASSERT_TRUE(other);
        ASSERT_TRUE(other->set_attribute(0, "code", std::string("GX-777")));
        ASSERT_TRUE(other->save());
    }
    EditSession s = open_journaled();
    const Layer before = s.layer();
    auto restored = s.restore(*read);
    ASSERT_FALSE(restored);
    EXPECT_EQ(restored.error().file, journal());
    EXPECT_NE(restored.error().message.find("已被改动"), std::string::npos) << restored.error().text();
    EXPECT_NE(restored.error().message.find("未恢复"), std::string::npos);
    EXPECT_TRUE(same_layer(before, s.layer()));
    EXPECT_FALSE(s.dirty());
    EXPECT_FALSE(s.can_undo());
    EXPECT_EQ(s.layer().column("code")->texts[0], "GX-777");

    // Another layer's journal is refused likewise.
    EditSession other = open_journaled();
    other.journal_to(journal(), "another_layer");
    auto wrong = other.restore(*read);
    ASSERT_FALSE(wrong);
    EXPECT_NE(wrong.error().message.find("不是这个图层"), std::string::npos) << wrong.error().text();
}

TEST_F(EditJournalTest, ADamagedJournalIsOneMessageNamingTheFile)
{
    in_killed_child([](EditSession& s) { make_edits(s); });
    const auto size = fs::file_size(journal());
    ASSERT_GT(size, 4096u);

    // Cut off half-way.
    fs::copy_file(journal(), journal() + ".whole");
    fs::resize_file(journal(), size / 2);
    auto cut = read_journal(journal());
    ASSERT_FALSE(cut);
    EXPECT_EQ(cut.error().file, journal());
    EXPECT_NE(cut.error().message.find("编辑日志已损坏"), std::string::npos) << cut.error().text();

    // Bytes overwritten in the middle of its pages.
    fs::copy_file(journal() + ".whole", journal(), fs::copy_options::overwrite_existing);
    {
        std::fstream f(journal(), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(size / 2));
        const std::string junk(2048, '\x5a');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    auto junked = read_journal(journal());
    ASSERT_FALSE(junked);
    EXPECT_NE(junked.error().message.find("编辑日志已损坏"), std::string::npos) << junked.error().text();

    // Not SQLite at all, and empty.
    std::ofstream(journal(), std::ios::trunc) << "这不是数据库";
    auto text = read_journal(journal());
    ASSERT_FALSE(text);
    EXPECT_NE(text.error().message.find("编辑日志已损坏"), std::string::npos) << text.error().text();
    std::ofstream(journal(), std::ios::trunc).close();
    EXPECT_FALSE(read_journal(journal()));

    // Some other program's SQLite file (a GeoPackage is one).
    fs::copy_file(gpkg(), journal(), fs::copy_options::overwrite_existing);
    auto other = read_journal(journal());
    ASSERT_FALSE(other);
    EXPECT_NE(other.error().message.find("不是 CoopMap 的编辑日志"), std::string::npos) << other.error().text();

    // A journal whose feature bytes were cut short: SQLite is sound, the entry is not.
    fs::copy_file(journal() + ".whole", journal(), fs::copy_options::overwrite_existing);
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(journal().c_str(), &db), SQLITE_OK);
        ASSERT_EQ(
            sqlite3_exec(db, "UPDATE entry SET after = substr(after, 1, 20) WHERE seq = 3", nullptr, nullptr, nullptr),
            SQLITE_OK);
        sqlite3_close(db);
    }
    auto entry = read_journal(journal());
    ASSERT_FALSE(entry);
    EXPECT_NE(entry.error().message.find("第 3 条记录的要素数据不完整"), std::string::npos) << entry.error().text();

    // A newer CoopMap's journal is not guessed at.
    fs::copy_file(journal() + ".whole", journal(), fs::copy_options::overwrite_existing);
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(journal().c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    auto newer = read_journal(journal());
    ASSERT_FALSE(newer);
    EXPECT_NE(newer.error().message.find("更新版本"), std::string::npos) << newer.error().text();
}

TEST_F(EditJournalTest, AnEntryThatDoesNotFitTheLayerRefusesTheWholeJournal)
{
    in_killed_child([](EditSession& s) { make_edits(s); });
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(journal().c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "UPDATE entry SET feature = 40 WHERE seq = 4", nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    auto read = read_journal(journal());
    ASSERT_TRUE(read) << read.error().text();
    EditSession s = open_journaled();
    const Layer before = s.layer();
    auto restored = s.restore(*read);
    ASSERT_FALSE(restored);
    EXPECT_NE(restored.error().message.find("第 4 条修改"), std::string::npos) << restored.error().text();
    EXPECT_TRUE(same_layer(before, s.layer())) << "the first three entries were not applied either";
    EXPECT_FALSE(s.can_undo());
}

TEST_F(EditJournalTest, AShapefileLayerIsJournaledAndRestoredToo)
{
    const std::string shp = (dir.path / "sites.shp").string();
    ASSERT_TRUE(io::write_layer(sample_sites(), {shp, {}, "EPSG:4326"}));
    const io::SourceSpec s{shp, {}, {}, {}, Role::village_cooperative, {}};
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        auto session = EditSession::open(s);
        if (!session) ::_exit(4);
        session->journal_to(journal(), "shp");
        if (!session->set_attribute(2, "code", std::string("SHP-1")) || !session->move_point(1, 111.5, 31.5))
            ::_exit(5);
        ::kill(::getpid(), SIGKILL);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << WEXITSTATUS(status);
    auto read = read_journal(journal());
    ASSERT_TRUE(read) << read.error().text();
    EXPECT_NE(read->header.signature.find("sites.dbf:"), std::string::npos) << read->header.signature;
    auto session = EditSession::open(s);
    ASSERT_TRUE(session);
    session->journal_to(journal(), "shp");
    ASSERT_TRUE(session->restore(*read));
    EXPECT_EQ(session->layer().column("code")->texts[2], "SHP-1");
    EXPECT_EQ(session->layer().first_x(1), 111.5);
    EXPECT_EQ(session->layer().first_y(1), 31.5);

    // Only the .dbf rewritten since: the journal no longer fits.
    fs::path dbf = shp;
    dbf.replace_extension(".dbf");
    fs::last_write_time(dbf, fs::last_write_time(dbf) + std::chrono::seconds(5));
    auto stale = EditSession::open(s);
    ASSERT_TRUE(stale);
    stale->journal_to(journal(), "shp");
    EXPECT_FALSE(stale->restore(*read));
}

TEST(FeatureBytes, RoundTripBitForBitAndRefuseEveryTruncation)
{
    FeatureData d;
    d.id = -7;
    d.version = 42;
    d.x = {112.1, -0.0, 1e-300};
    d.y = {32.5, 0.1 + 0.2, -1e300};
    d.ring_sizes = {3};
    d.part_rings = {1};
    d.values = {std::monostate{}, std::int64_t{-9007199254740993}, 0.30000000000000004, std::string("𠀀\0x", 6)};
    const std::string bytes = feature_bytes(d);
    FeatureData back;
    ASSERT_TRUE(feature_from_bytes(bytes, back));
    EXPECT_EQ(back, d);
    for (std::size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(feature_from_bytes(bytes.substr(0, n), back)) << n;
    EXPECT_FALSE(feature_from_bytes(bytes + "x", back));
}

}  // namespace
}  // namespace coopmap::edit
